"""Long documents in windows: an article longer than ``max_chars`` is cut at paragraph breaks into windows
of at most that many characters, each window goes through the pipeline as its own document, and the
windows' results are joined back into one article's.

Why: the pipeline's cost per character is flat up to about a megabyte (``bench/long_documents.py``), but a
whole document's mentions and indexes stay in memory at once; windows keep both time and memory linear
in length at any size. What a user sees: evidence offsets point into the whole text, as always; an event
told in two windows with the same id (same sub-type, date, place and actors) is one event holding both
windows' evidence; a paragraph repeated in two windows is not dropped as a repeat, and a relative date in a
later window is still read against the article's publication date.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

from ..pipeline import Pipeline, Result
from ..records import Article, Document, Event, IngestError, Span
from .local import Item, process_all

log = logging.getLogger(__name__)

# Windows are cut at a paragraph break, else a line break, else a sentence end, found in the window's
# last half; a window with none of these is cut at the limit.
BREAKS = ("\n\n", "\n", ". ")


@dataclass(frozen=True, slots=True)
class Processed:
    """What storing or writing one article needs: its cleaned document and its events."""

    document: Document
    events: tuple[Event, ...]


def window_spans(text: str, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` spans of at most ``size`` characters that cover ``text`` end to end."""
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = limit
        for mark in BREAKS:
            found = text.rfind(mark, start + size // 2, limit)
            if found != -1:
                cut = found + len(mark)
                break
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def process_windowed(
    items: Iterable[Item],
    *,
    max_chars: int | None,
    workers: int = 1,
    gazetteer: Path | None = None,
    pipeline: Pipeline | None = None,
) -> Generator[tuple[Item, Processed | IngestError]]:
    """``(item, outcome)`` in input order, like ``runners.local.process_all``; articles longer than
    ``max_chars`` (None or 0: no limit) are processed window by window and joined."""
    # Per item sent, in order: the article it is a window of (None when sent whole), its offset, and how
    # many windows of that article follow it.
    pending: deque[tuple[Article | None, int, int]] = deque()

    def expanded() -> Iterator[Item]:
        for item in items:
            if isinstance(item, Article) and max_chars and len(item.text) > max_chars:
                spans = window_spans(item.text, max_chars)
                log.info("%s: %d characters in %d windows", item.origin or item.id, len(item.text), len(spans))
                for i, (start, end) in enumerate(spans):
                    pending.append((item, start, len(spans) - 1 - i))
                    yield replace(item, text=item.text[start:end])
            else:
                pending.append((None, 0, 0))
                yield item

    parts: list[tuple[int, Result]] = []
    failure: IngestError | None = None
    # closing: when the caller stops early (a store failure), the worker pool is shut down at once.
    with closing(process_all(expanded(), workers=workers, gazetteer=gazetteer, pipeline=pipeline)) as outcomes:
        for sent, outcome in outcomes:
            parent, offset, left = pending.popleft()
            if parent is None:
                yield sent, outcome if isinstance(outcome, IngestError) else Processed(outcome.document, outcome.events)
                continue
            if isinstance(outcome, IngestError):
                failure = failure or IngestError(outcome.origin, f"characters {offset:,} on: {outcome.message}")
            else:
                parts.append((offset, outcome))
            if left == 0:
                yield parent, failure or join(parent, parts)
                parts, failure = [], None


def join(article: Article, parts: list[tuple[int, Result]]) -> Processed:
    """One article's document and events from its windows' results, offsets moved into the whole text."""

    def moved(spans: tuple[Span, ...], offset: int) -> tuple[Span, ...]:
        return tuple(Span(s.start + offset, s.end + offset, s.text) for s in spans)

    document = Document(
        article=article,
        paragraphs=tuple(s for offset, r in parts for s in moved(r.document.paragraphs, offset)),
        removed=tuple(s for offset, r in parts for s in moved(r.document.removed, offset)),
        removed_reasons=tuple(reason for _, r in parts for reason in r.document.removed_reasons),
        attributions=tuple(dict.fromkeys(a for _, r in parts for a in r.document.attributions)),
    )
    events: dict[str, Event] = {}
    for offset, result in parts:
        for event in result.events:
            event = replace(event, evidence=moved(event.evidence, offset))
            first = events.get(event.event_id)
            if first is None:
                events[event.event_id] = event
            else:  # the same event told again in a later window: one event, both windows' evidence
                evidence = sorted(set(first.evidence) | set(event.evidence), key=lambda s: (s.start, s.end))
                events[event.event_id] = replace(first, evidence=tuple(evidence))
    return Processed(document, tuple(events.values()))
