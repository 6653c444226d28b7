"""Reader for ACLED CSV exports, old (pre-2019) and new (2019+) taxonomies alike.

ACLED's exports differ by vintage: upper- or lower-case headers, ``ALLY_ACTOR_1`` or ``assoc_actor_1``,
inter codes as numbers (``1``, ``6.0``) or text (``"Rebel group"``), dates as ``9-May-20``,
``2020-05-09``, ``29/12/2015``, ``01-January-2015`` or ``"21 March 2020"``, UTF-8 or Latin-1. ``read_acled``
turns every row into one ``AcledRow`` with the same fields whatever the file.

Old-taxonomy rows keep their type in ``event_type`` and leave ``sub_event_type`` empty; ``sub_event_type``
maps them onto today's sub-types only where the mapping is sound (see ``OLD_TO_SUB``).

``clean_notes`` strips ACLED's note boilerplate ("On 9 May 2020,", "[size=...]", "Fatalities: ...") so a
note reads like a news sentence.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ...text.timex import MONTH_WORD

log = logging.getLogger(__name__)

# Inter codes written as text in newer exports, and the numeric code of each.
INTER_NAMES: dict[str, int] = {
    "state forces": 1,
    "rebel group": 2,
    "rebel forces": 2,
    "political militia": 3,
    "identity militia": 4,
    "militia groups": 3,
    "communal / identity groups": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
    "foreign / others": 8,
}
# Pre-2019 event types that name exactly one of today's sub-types. The others ("Remote violence",
# "Riots/Protests", "Violence against civilians", "Strategic development") span several and are not mapped.
OLD_TO_SUB: dict[str, str] = {
    "battle-no change of territory": "Armed clash",
    "battle-government regains territory": "Government regains territory",
    "battle-non-state actor overtakes territory": "Non-state actor overtakes territory",
    "battle-non-state actors overtake territory": "Non-state actor overtakes territory",
    "non-violent transfer of territory": "Non-violent transfer of territory",
    "headquarters or base established": "Headquarters or base established",
}
# The held-out split of the field benchmark (bench/fields.py, issue 5). The typer's training data, the actor
# dictionary and the gazetteer imports all leave it out. Its notes outside the benchmark's held-out sample
# (``acled_fields.field_sample``) serve the typing settings proxy (bench/event_typing.py) and the confidence
# calibration (``train_confidence.py``); the sample itself is never used for training or tuning.
FIELDS_HELDOUT = "acled_global_2022-01_2022-06_two_thirds.csv"
_DATE_FORMATS = (
    "%Y-%m-%d", "%d-%b-%y", "%d-%B-%Y", "%d %B %Y", "%d/%m/%Y", "%d-%m-%y", "%d-%m-%Y", "%d-%b-%Y", "%B %d %Y", "%d %b %Y",
)


@dataclass(frozen=True, slots=True)
class AcledRow:
    """One ACLED event, normalised across export vintages. ``origin`` is ``file:line``."""

    event_id: str
    event_date: dt.date | None
    event_type: str
    sub_event_type: str  # empty for old-taxonomy rows
    actor1: str
    assoc_actor_1: str
    inter1: int | None
    actor2: str
    assoc_actor_2: str
    inter2: int | None
    interaction: int | None
    civilian_targeting: str
    country: str
    iso: int | None
    admin1: str
    admin2: str
    admin3: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    time_precision: int | None
    source: str
    notes: str
    fatalities: int | None
    origin: str

    @property
    def old_taxonomy(self) -> bool:
        return not self.sub_event_type

    def mapped_sub_event_type(self) -> str | None:
        """Today's sub-type: the row's own, or the sound mapping of its old type, else None."""
        if self.sub_event_type:
            return self.sub_event_type
        return OLD_TO_SUB.get(self.event_type.strip().lower())


def read_acled(path: Path) -> Iterator[AcledRow]:
    """Rows of one ACLED CSV export (UTF-8, else Latin-1). Raises ValueError naming the file if it is not one."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None:
        raise ValueError(f"{path}: empty file")
    columns = {name.strip().lower(): name for name in reader.fieldnames if name and name.strip()}
    if "notes" not in columns or not ({"event_type", "sub_event_type"} & columns.keys()):
        raise ValueError(f"{path}: not an ACLED export (no notes/event_type column)")

    def get(row: dict[str, str], *names: str) -> str:
        for name in names:
            key = columns.get(name)
            if key is not None and row.get(key):
                return row[key].strip()
        return ""

    for line, row in enumerate(reader, start=2):
        origin = f"{path.name}:{line}"
        yield AcledRow(
            event_id=get(row, "event_id_cnty", "data_id"),
            event_date=acled_date(get(row, "event_date"), origin),
            event_type=get(row, "event_type"),
            sub_event_type=get(row, "sub_event_type"),
            actor1=get(row, "actor1"),
            assoc_actor_1=get(row, "assoc_actor_1", "ally_actor_1"),
            inter1=inter_code(get(row, "inter1")),
            actor2=get(row, "actor2"),
            assoc_actor_2=get(row, "assoc_actor_2", "ally_actor_2"),
            inter2=inter_code(get(row, "inter2")),
            interaction=_int(get(row, "interaction")),
            civilian_targeting=get(row, "civilian_targeting"),
            country=get(row, "country"),
            iso=_int(get(row, "iso")),
            admin1=get(row, "admin1"),
            admin2=get(row, "admin2"),
            admin3=get(row, "admin3"),
            location=get(row, "location"),
            latitude=_float(get(row, "latitude")),
            longitude=_float(get(row, "longitude")),
            geo_precision=_int(get(row, "geo_precision")),
            time_precision=_int(get(row, "time_precision")),
            source=get(row, "source"),
            notes=get(row, "notes"),
            fatalities=_int(get(row, "fatalities")),
            origin=origin,
        )


def read_acled_folder(folder: Path, exclude: frozenset[str] = frozenset()) -> Iterator[AcledRow]:
    """Rows of every ACLED export in ``folder`` (files named ``acled_*.csv`` that have notes), sorted by name,
    except the files named in ``exclude``."""
    for path in sorted(folder.glob("acled_*.csv")):
        if path.name in exclude:
            continue
        with path.open("rb") as handle:
            header = handle.readline().decode("latin-1").lower()
        if "notes" not in header:
            continue  # codebook tables, not events
        yield from read_acled(path)


# "On 9 May 2020,", "Around 9 May 2020 (between 1 and 9 May),", "On or around 3 March 2020,",
# "On December 31 2019,", "Between 1 and 5 May 2020,", "During the week of 1 May 2020,", "As reported on ..."
_MONTH = MONTH_WORD
_DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|{_MONTH})(?:,?\s+\d{{4}})?|\d{{4}}"
_PREAMBLE = re.compile(
    rf"^\s*(?:(?:on\s+or\s+)?(?:around|about|on|between|during|in|as\s+of|since|from|by|late|early|mid|overnight|the\s+week\s+of|the\s+night\s+of|as\s+reported\s+on)\s+)+"
    rf"(?:the\s+)?(?:{_DATE})(?:\s*(?:-|–|and|to|until)\s*(?:{_DATE}))?"
    r"(?:\s*\([^)]*\))?\s*,?\s*",
    re.IGNORECASE,
)
_SIZE = re.compile(r"\s*\[(?:size|women targeted|[a-z ]+)=[^\]]*\]", re.IGNORECASE)
_FATALITIES = re.compile(r"\s*(?:\d+\s+)?fatalit(?:y|ies)\s*(?::|-|were|was|coded|reported)[^.]*\.?\s*$", re.IGNORECASE)


# A coder's label before the note ("Movement of forces: On 3 May ...", "Defusal:", "Property destruction:",
# "Non-violent activity:", which nearly only ACLED's "Other" notes carry)
# names the sub-type outright; news never has it, so a model must not learn from it.
_LABEL = re.compile(r"^\s*[A-Z][a-z]+(?:-[a-z]+)?(?:\s+[a-z]+(?:-[a-z]+)?){0,4}\s*:\s+")
# Coders' asides: "(coded separately)", "(coded as Unidentified Military Forces)", "(coded to Dhaka)".
_CODED = re.compile(r"\s*\((?:[^()]*\s)?cod(?:ed|ing)\b[^()]*\)", re.IGNORECASE)


def clean_notes(notes: str) -> str:
    """The note without its date preamble, coder's label and asides and size/fatality boilerplate, first
    letter upper-cased."""
    text = _SIZE.sub("", notes)
    text = _CODED.sub("", text)
    text = _LABEL.sub("", text, count=1)
    text = _PREAMBLE.sub("", text, count=1)
    text = _FATALITIES.sub("", text).strip()
    return text[:1].upper() + text[1:] if text else text


def acled_date(value: str, origin: str) -> dt.date | None:
    if not value:
        return None
    value = value.strip().strip('"')
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    log.debug("%s: unreadable date %r", origin, value)
    return None


def _float(value: str) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _int(value: str) -> int | None:
    number = _float(value)
    return int(number) if number is not None else None


def inter_code(value: str) -> int | None:
    """Numeric inter code from "6", "6.0" or "Protesters"; None if empty or unknown."""
    if not value:
        return None
    number = _int(value)
    if number is not None:
        return number
    return INTER_NAMES.get(value.strip().lower())
