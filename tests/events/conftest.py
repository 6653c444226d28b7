"""Fixtures shared by the event tests that read real FA-KES articles (skipped without ../shared)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

FAKES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpora" / "fakes_syria" / "FA-KES-Dataset.csv"


@pytest.fixture(scope="module")
def fakes_rows() -> dict[str, dict[str, str]]:
    """FA-KES rows by unit id."""
    if not FAKES.exists():
        pytest.skip(f"shared data not present: {FAKES}")
    csv.field_size_limit(sys.maxsize)
    with FAKES.open(encoding="utf-8", errors="replace") as fh:
        return {row["unit_id"]: row for row in csv.DictReader(fh)}
