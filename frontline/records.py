"""Typed, frozen records that flow through the pipeline.

Every stage takes one of these and returns the next; nothing is mutated in place.
Offsets (``start``/``end``) always point into the original ``Article.text``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")

# ACLED column order for exports (the subset of ACLED's export we produce, in ACLED's order).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
# Columns frontline adds after ACLED's own.
EXTRA_COLUMNS: tuple[str, ...] = (
    "article_id",
    "geonameid",
    "confidence",
    "evidence",
    "fatalities_low",
    "fatalities_high",
    "cameo_root",
    "plover_type",
    "incident_id",  # the incident the event belongs to (``frontline.corpus``); stored events only
)


@dataclass(frozen=True, slots=True)
class Span:
    """A character span into the original input text."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, int | str]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Article:
    """One input document, as ingested."""

    id: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str | None = None  # file path (and line) it came from, for messages
    encoding: str | None = None  # how its file's bytes were read ("utf-8", "windows-1256", ...); None when given as text


# Documents longer than this many characters are processed in windows of at most this size, cut at
# paragraph breaks (``--max-chars``; 0: whole, at any size). Up to about a megabyte, one document's cost
# per character is flat and its memory under 300 MB (bench/long_documents.py); windows keep both linear.
MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class IngestError:
    """An input that could not be read; the batch goes on without it."""

    origin: str
    message: str


@dataclass(frozen=True, slots=True)
class Document:
    """An article with boilerplate and repeated paragraphs removed.

    ``paragraphs`` are the kept spans of ``article.text``; ``removed`` are the dropped ones,
    with the reason in ``removed_reasons`` (same order).
    """

    article: Article
    paragraphs: tuple[Span, ...]
    removed: tuple[Span, ...] = ()
    removed_reasons: tuple[str, ...] = ()
    attributions: tuple[str, ...] = ()  # e.g. "Reuters" from "(With Reuters)"

    @property
    def text(self) -> str:
        """The cleaned text: kept paragraphs joined by newlines."""
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    admin1_code: str = ""
    admin2_code: str = ""
    feature_class: str = "P"
    feature_code: str = "PPL"
    population: int = 0
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    source: str = "geonames"
    # Added with gazetteer schema 2. How many distinct names (keys) the entry has: a prominence signal.
    n_names: int = 0
    # True when a user's `frontline gazetteer import` created or confirmed this entry (a UCDP/ACLED place
    # merged into it, or a GeoNames dump row replaced it). The user's own import is the point: rankers
    # should prefer such entries among same-named candidates.
    imported: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PlaceMention:
    span: Span
    sentence: int
    place: Place | None
    cue: str | None = None  # "town", "village", "province", "area", "near", ...
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class ActorMention:
    span: Span
    sentence: int
    name: str  # ACLED-style name, e.g. "Military Forces of Syria"
    inter: int  # ACLED inter code 1-8
    country: str | None = None
    generic: bool = False  # "rebels", "troops": a kind of actor rather than a named group
    # The dictionary's name with "{country}" unfilled, when the country in ``name`` is only where the
    # mention was told (its sentence's places, else the report's focus), not one the words give it:
    # the event's own country, once known, names it ("Islamic State (Syria)" at a Syrian town).
    template: str | None = None


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    span: Span
    sentence: int
    count: int
    kind: str  # "killed", "wounded", or "split" (a stated toll shared by ``count`` events)
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True, slots=True)
class TimeMention:
    span: Span
    sentence: int
    date: dt.date
    precision: int  # ACLED time_precision: 1 day, 2 week, 3 month


@dataclass(frozen=True, slots=True)
class Annotated:
    """A document with its sentences and mentions."""

    document: Document
    sentences: tuple[Sentence, ...]
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    casualties: tuple[CasualtyMention, ...] = ()
    times: tuple[TimeMention, ...] = ()
    country_code: str | None = None  # the document's country focus (ISO2)
    # Lookups built on first use (mentions by sentence, paragraph ranges, ...): a per-event question
    # then costs what is near the event, not a scan of the whole document. Not part of the value.
    _derived: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def in_sentence(self, kind: str, index: int) -> tuple:
        """The mentions of ``kind`` ("places", "actors", "casualties", "times") in sentence ``index``, in order."""
        by_sentence: dict[int, tuple] = self.derived(f"in_sentence:{kind}", lambda a: _by_sentence(getattr(a, kind)))
        return by_sentence.get(index, ())

    def derived(self, key: str, build: Callable[[Annotated], T]) -> T:
        """``build(self)``, computed once per record under ``key`` (the record is immutable, so it stays true)."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return self._derived[key]  # type: ignore[no-any-return]


def _by_sentence(mentions: tuple) -> dict[int, tuple]:
    grouped: dict[int, list] = {}
    for m in mentions:
        grouped.setdefault(m.sentence, []).append(m)
    return {k: tuple(v) for k, v in grouped.items()}


@dataclass(frozen=True, slots=True)
class EventMention:
    """A sentence span typed with an ACLED sub-event type."""

    sentence: int
    event_type: str
    sub_event_type: str
    trigger: Span
    confidence: float


@dataclass(frozen=True, slots=True)
class AcledFields:
    """The ACLED columns that an event under construction and a finished event share, in ACLED's order."""

    article_id: str
    event_type: str
    sub_event_type: str
    event_id: str = ""
    event_date: dt.date | None = None
    time_precision: int | None = None
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int = 0
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""
    iso: int | None = None
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None


@dataclass(frozen=True, slots=True)
class EventDraft(AcledFields):
    """An event under construction: made by ``fill``, placed by ``geocode``, dated by ``dating``,
    merged by ``merge``; ``finalize`` turns it into an ``Event``. Besides the fields that will be
    exported it holds what those stages work from (the place, its cue, the time phrase, the sentences)."""

    fatalities: int = 0
    geonameid: int | None = None
    confidence: float = 0.0
    evidence: tuple[Span, ...] = ()
    place: Place | None = None
    place_cue: str | None = None
    time: TimeMention | None = None  # the phrase that dates the event; None: the report's week
    sentences: tuple[int, ...] = ()  # indexes into ``Annotated.sentences``
    place_country: str | None = None  # ISO2 when no place was found
    # The toll's range as reported ("between 10 and 15": fatalities 10, low 10, high 15); None if no range.
    fatalities_low: int | None = None
    fatalities_high: int | None = None


@dataclass(frozen=True, slots=True)
class Event(AcledFields):
    """One event in ACLED's codebook, plus frontline's provenance fields: only what is exported.
    Made from an ``EventDraft`` by ``events.finalize.finalize``."""

    source: str = ""
    notes: str = ""
    fatalities: int = 0
    geonameid: int | None = None
    confidence: float = 0.0
    evidence: tuple[Span, ...] = ()
    # The toll's range as reported ("between 10 and 15": fatalities 10, low 10, high 15); None if no range.
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    # The sub-type's CAMEO root and PLOVER event type (``codes.event_codes``), set by ``finalize``.
    cameo_root: str = ""
    plover_type: str = ""

    @property
    def year(self) -> int | None:
        return self.event_date.year if self.event_date else None

    def as_row(self) -> dict[str, object]:
        """ACLED columns then frontline's extras, JSON-ready."""
        row: dict[str, object] = {}
        for name in ACLED_COLUMNS:
            value = getattr(self, name)
            row[name] = value.isoformat() if isinstance(value, dt.date) else value
        row["article_id"] = self.article_id
        row["geonameid"] = self.geonameid
        row["confidence"] = round(self.confidence, 3)
        row["evidence"] = [s.as_dict() for s in self.evidence]
        row["fatalities_low"] = self.fatalities_low
        row["fatalities_high"] = self.fatalities_high
        row["cameo_root"] = self.cameo_root
        row["plover_type"] = self.plover_type
        return row
