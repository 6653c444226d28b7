"""A reader for the ACLED extracts in ``../shared/data/acled``, for the field benchmark.

The extracts differ from file to file: dates are "9-May-20", "31-12-19", "21 March 2020" or
"2022-06-08"; inter codes are numbers ("6", "6.0") in older exports and text ("Rebel group") in
newer ones; the Bangladesh extract has one row per actor. ``read_acled`` hides all of that and
yields one ``AcledRow`` per event, with the fields the benchmark compares.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# ACLED's inter codes by the names newer exports use.
INTER_NAMES: dict[str, int] = {
    "state forces": 1,
    "rebel group": 2,
    "rebel groups": 2,
    "political militia": 3,
    "political militias": 3,
    "identity militia": 4,
    "identity militias": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
    "other forces": 8,
}
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


@dataclass(frozen=True, slots=True)
class AcledRow:
    """One coded ACLED event: the notes and the fields the benchmark compares."""

    event_id: str
    country: str
    event_date: dt.date
    time_precision: int
    sub_event_type: str
    actor1: str
    inter1: int
    actor2: str
    inter2: int
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    fatalities: int
    notes: str
    source: str


def parse_inter(value: str) -> int:
    """"6", "6.0", "Protesters" -> 6; empty -> 0."""
    v = value.strip()
    if not v:
        return 0
    try:
        return int(float(v))
    except ValueError:
        return INTER_NAMES.get(v.lower(), 0)


def parse_acled_date(value: str) -> dt.date | None:
    """The date formats found in the extracts: "2022-06-08", "9-May-20", "21 March 2020", "31-12-19"."""
    v = value.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", v):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})[- ]([A-Za-z]+)[- ,]+(\d{2}|\d{4})", v):
        month = _MONTHS.get(m[2][:3].lower())
        if month is None:
            return None
        year = int(m[3]) if len(m[3]) == 4 else 2000 + int(m[3]) if int(m[3]) < 50 else 1900 + int(m[3])
        return dt.date(year, month, int(m[1]))
    if m := re.fullmatch(r"(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})", v):  # day first in these files
        year = int(m[3]) if len(m[3]) == 4 else 2000 + int(m[3]) if int(m[3]) < 50 else 1900 + int(m[3])
        return dt.date(year, int(m[2]), int(m[1]))
    return None


def read_acled(path: Path) -> Iterator[AcledRow]:
    """Events of one ACLED CSV, once each (rows repeating an event id are skipped), in file order.
    Rows without notes, a date or coordinates are skipped."""
    seen: set[str] = set()
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), 2):
            event_id = row.get("event_id_cnty") or row.get("data_id") or f"{path.name}:{line}"
            if event_id in seen:
                continue
            seen.add(event_id)
            date = parse_acled_date(row.get("event_date", ""))
            notes = (row.get("notes") or "").strip()
            try:
                latitude, longitude = float(row["latitude"]), float(row["longitude"])
                fatalities = int(float(row.get("fatalities") or 0))
                time_precision = int(float(row.get("time_precision") or 0))
                geo_precision = int(float(row.get("geo_precision") or 0))
            except (KeyError, ValueError):
                continue
            if date is None or not notes:
                continue
            yield AcledRow(
                event_id=event_id,
                country=row.get("country", ""),
                event_date=date,
                time_precision=time_precision,
                sub_event_type=row.get("sub_event_type", ""),
                actor1=row.get("actor1", ""),
                inter1=parse_inter(row.get("inter1", "")),
                actor2=row.get("actor2", ""),
                inter2=parse_inter(row.get("inter2", "")),
                location=row.get("location", ""),
                latitude=latitude,
                longitude=longitude,
                geo_precision=geo_precision,
                fatalities=fatalities,
                notes=notes,
                source=row.get("source", ""),
            )
