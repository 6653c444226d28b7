"""A reader for the ACLED extracts in ``../shared/data/acled``, for the field benchmark.

The extracts differ from file to file: dates are "9-May-20", "31-12-19", "21 March 2020" or
"2022-06-08"; inter codes are numbers ("6", "6.0") in older exports and text ("Rebel group") in
newer ones; the Bangladesh extract has one row per actor. ``read_acled`` hides all of that and
yields one ``AcledRow`` per event, with the fields the benchmark compares. It is a view over
``corpora.acled.read_acled``, which reads every column of every vintage.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .acled import acled_date, inter_code
from .acled import read_acled as read_rows


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
    """"6", "6.0", "Protesters" -> 6; empty or unknown -> 0."""
    return inter_code(value.strip()) or 0


def parse_acled_date(value: str) -> dt.date | None:
    """The date formats found in the extracts: "2022-06-08", "9-May-20", "21 March 2020", "31-12-19"."""
    return acled_date(value, "")


def read_acled(path: Path) -> Iterator[AcledRow]:
    """Events of one ACLED CSV, once each (rows repeating an event id are skipped), in file order.
    Rows without notes, a date or coordinates are skipped."""
    seen: set[str] = set()
    for row in read_rows(path):
        event_id = row.event_id or row.origin
        if event_id in seen:
            continue
        seen.add(event_id)
        if row.event_date is None or not row.notes or row.latitude is None or row.longitude is None:
            continue
        yield AcledRow(
            event_id=event_id,
            country=row.country,
            event_date=row.event_date,
            time_precision=row.time_precision or 0,
            sub_event_type=row.sub_event_type,
            actor1=row.actor1,
            inter1=row.inter1 or 0,
            actor2=row.actor2,
            inter2=row.inter2 or 0,
            location=row.location,
            latitude=row.latitude,
            longitude=row.longitude,
            geo_precision=row.geo_precision or 0,
            fatalities=row.fatalities or 0,
            notes=row.notes,
            source=row.source,
        )


# The field benchmark's samples (bench/fields.py) are drawn with this seed, so that training code can
# leave the held-out sample out without importing the benchmark.
FIELDS_SEED = 2026
FIELDS_HELDOUT_SIZE = 1500


def field_sample(path: Path, size: int, seed: int = FIELDS_SEED) -> list[AcledRow]:
    """The field benchmark's seeded sample of ``size`` events of one ACLED file, in a fixed order."""
    events = list(read_acled(path))
    return random.Random(f"{seed}:{path.name}").sample(events, min(len(events), size))
