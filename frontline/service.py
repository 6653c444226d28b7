"""The batch use cases, as library calls: the CLI wraps them, and so will the HTTP API and the cluster runners.

- ``run_into_store``: files and folders into the event store, resumable: an article that this pipeline
  version already stored is skipped, each article is committed in its own transaction, and an input that
  cannot be read or processed is reported and the batch goes on.
- ``extract_jsonl``: stateless, JSONL articles in and JSONL events out, written under a temporary name
  and renamed when complete.
- ``geoparse_jsonl``: JSONL texts in, resolved place names out.
- ``export_store``: the stored events, or the incidents, to a file in one of the export formats.
- ``incidents_of_store``: derive every event's incident again (``frontline incidents --rebuild``), or
  only those missing.

``run_into_store`` keeps incidents up to date as it stores: each article's events are linked to the
reports of the same happening already stored (``corpus.incidents``), in a transaction of its own after
the article's; a run killed in between leaves events without an incident, which the next run assigns.

Progress and errors reach the caller through callbacks, so each front end shows them its own way.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus import (
    INCIDENT_COLUMNS,
    IncidentUpdate,
    assign_missing,
    incident_rows,
    rebuild_incidents,
    update_incidents,
)
from .export import export
from .pipeline import PIPELINE_VERSION, Pipeline
from .records import MAX_CHARS, IngestError
from .runners.local import Item
from .runners.windows import process_windowed
from .store import EventStore
from .text.ingest import ingest, jsonl_records, read_jsonl

if TYPE_CHECKING:
    from .geo.gazetteer import Gazetteer

log = logging.getLogger(__name__)

OnItem = Callable[[], None]
OnError = Callable[[IngestError], None]


def _ignore(*_: object) -> None:
    return None


@dataclass(frozen=True, slots=True)
class RunReport:
    """What one ``run_into_store`` did."""

    read: int  # articles read from the inputs
    new: int  # articles stored for the first time
    unchanged: int  # skipped: this pipeline version had stored them already
    failed: int  # inputs that could not be read or processed
    added: int  # events added to the store
    article_ids: tuple[str, ...]  # every article read in this run, stored now or before
    incidents: int = 0  # incidents in the store after the run


def run_into_store(
    paths: Sequence[Path],
    store: EventStore,
    *,
    published: dt.date | None = None,
    source: str | None = None,
    workers: int = 1,
    gazetteer: Path | None = None,
    pipeline: Pipeline | None = None,
    on_item: OnItem = _ignore,
    on_error: OnError = _ignore,
    max_chars: int | None = MAX_CHARS,
) -> RunReport:
    """Read ``paths`` (files or folders) into ``store``; re-running on the same input adds nothing.

    ``published`` (a date) and ``source`` fill in what an input lacks. ``on_item`` is called once per
    input processed, ``on_error`` with each input that failed. Raises ``GazetteerError`` when the
    gazetteer cannot be opened and ``StoreError`` when the store cannot be written (every article
    committed before stays, and a later run resumes after them). An article longer than ``max_chars``
    characters is processed in windows of at most that size (``runners.windows``; None or 0: whole).
    """
    counts = {"read": 0, "unchanged": 0}
    run_ids: dict[str, None] = {}

    def todo() -> Iterator[Item]:
        for item in ingest(paths, published=published, source=source):
            if isinstance(item, IngestError):
                yield item
                continue
            counts["read"] += 1
            run_ids[item.id] = None
            if store.has_article(item.id, PIPELINE_VERSION):
                counts["unchanged"] += 1
                continue
            yield item

    assign_missing(store)  # a run killed between an article and its incidents left some unassigned
    new = failed = added = 0
    # closing: a StoreError leaves the loop with the worker pool shut down at once, not at garbage collection.
    windowed = process_windowed(todo(), max_chars=max_chars, workers=workers, gazetteer=gazetteer, pipeline=pipeline)
    with closing(windowed) as outcomes:
        for _item, outcome in outcomes:
            on_item()
            if isinstance(outcome, IngestError):
                failed += 1
                on_error(outcome)
                continue
            article_id = outcome.document.article.id
            before = store.article_event_ids(article_id)
            # The links of events this article had before: their other ends' incidents are derived again.
            neighbours = {x for a, b, _ in store.linked(before) for x in (a, b)} if before else set()
            stored = store.add(outcome.document, outcome.events, PIPELINE_VERSION)
            new += stored.article_new
            added += stored.events_added
            update_incidents(store, [e.event_id for e in outcome.events], touched=neighbours - set(before))
    return RunReport(counts["read"], new, counts["unchanged"], failed, added, tuple(run_ids), store.incident_count())


@dataclass(frozen=True, slots=True)
class ExtractReport:
    articles: int
    events: int
    failed: int
    seconds: float


def extract_jsonl(
    input: Path,
    output: Path,
    *,
    published: dt.date | None = None,
    source: str | None = None,
    workers: int = 1,
    gazetteer: Path | None = None,
    pipeline: Pipeline | None = None,
    on_item: OnItem = _ignore,
    on_error: OnError = _ignore,
    max_chars: int | None = MAX_CHARS,
) -> ExtractReport:
    """Events of every article line of ``input``, one JSON line each, written to ``output``. A text
    longer than ``max_chars`` is processed in windows of at most that size (``runners.windows``).

    The file appears under its name only when complete (a ``.partial`` file is renamed at the end).
    """
    started = time.perf_counter()
    items = read_jsonl(input, published=published, source=source)
    articles = failed = events = 0
    tmp = output.with_name(output.name + ".partial")
    with tmp.open("w", encoding="utf-8") as fh:
        for _item, outcome in process_windowed(items, max_chars=max_chars, workers=workers, gazetteer=gazetteer, pipeline=pipeline):
            on_item()
            if isinstance(outcome, IngestError):
                failed += 1
                on_error(outcome)
                continue
            articles += 1
            for event in outcome.events:
                fh.write(json.dumps(event.as_row(), ensure_ascii=False) + "\n")
                events += 1
    tmp.replace(output)
    return ExtractReport(articles, events, failed, time.perf_counter() - started)


@dataclass(frozen=True, slots=True)
class GeoparseReport:
    documents: int
    failed: int


def geoparse_jsonl(
    input: Path,
    output: Path,
    gazetteer: Gazetteer,
    *,
    on_item: OnItem = _ignore,
    on_error: OnError = _ignore,
) -> GeoparseReport:
    """Resolved place names of every ``{"id", "text", "toponyms"?}`` line; given spans are resolved as they are."""
    from .geo.geoparse import geoparse

    failed = lines = 0
    tmp = output.with_name(output.name + ".partial")
    with tmp.open("w", encoding="utf-8") as fh:
        for origin, record in jsonl_records(input):
            on_item()
            try:
                if isinstance(record, IngestError):
                    raise ValueError(record.message)  # noqa: TRY004 - a bad input line, reported like the others below
                if not isinstance(record.get("text"), str):
                    raise ValueError('missing "text" string')  # noqa: TRY004 - same: a user-input error, not a bug
                spans = record.get("toponyms")
                given = None if spans is None else [(int(t["start"]), int(t["end"])) for t in spans]
                resolved = geoparse(record["text"], gazetteer, given)
            except (ValueError, KeyError, TypeError) as exc:
                failed += 1
                on_error(IngestError(origin, str(exc)))
                continue
            fh.write(json.dumps({"id": record.get("id"), "toponyms": [r.as_dict() for r in resolved]}, ensure_ascii=False) + "\n")
            lines += 1
    tmp.replace(output)
    return GeoparseReport(lines, failed)


def export_store(
    db: Path, fmt: str, output: Path, *, min_confidence: float = 0.0, safe: bool = True, table: str = "events"
) -> int:
    """Write the stored events (``table="events"``) or incidents (``"incidents"``) of ``db`` to ``output``;
    the number of rows written. Raises ``StoreError`` or ``ExportError``.

    ``safe``: CSV text cells that a spreadsheet would run as a formula get a leading apostrophe. Events
    that have no incident yet (a store from an older version, a killed run) get one first.
    """
    from .export import ExportError

    if table not in ("events", "incidents"):
        raise ExportError(f"unknown table {table!r}; choose events or incidents")
    with EventStore(db) as store:
        if store.unassigned_event_ids():
            assign_missing(store)
        if table == "incidents":
            rows = incident_rows(store.incident_members(), store.article_texts)
            return export(rows, fmt, output, safe=safe, columns=INCIDENT_COLUMNS, table="incidents")
        return export(store.events(min_confidence=min_confidence), fmt, output, safe=safe)


def incidents_of_store(store: EventStore, *, rebuild: bool = False) -> IncidentUpdate:
    """Assign an incident to every event that lacks one; with ``rebuild``, derive all of them again."""
    return rebuild_incidents(store) if rebuild else assign_missing(store)
