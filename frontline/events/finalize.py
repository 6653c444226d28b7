"""finalize: a merged ``EventDraft`` becomes the exported ``Event`` (the one place an ``Event`` is made).

The draft's working fields (its place, cue, time phrase and sentences) stay behind; the event gains its
sources and its sub-type's CAMEO root and PLOVER type. ``notes.describe`` and ``calibrate.calibrate``
then work on the final event.
"""

from __future__ import annotations

from dataclasses import fields

from ..records import Annotated, Event, EventDraft
from ..text.clean import attributed_sources
from .codes import event_codes


def finalize(draft: EventDraft, source: str) -> Event:
    """The exported event of ``draft``, with ACLED's ``source`` column (outlets joined by "; ")."""
    codes = event_codes(draft.sub_event_type)
    return Event(
        **{name: getattr(draft, name) for name in _CARRIED},
        source=source,
        cameo_root=codes.cameo_root,
        plover_type=codes.plover_type,
    )


# The exported fields a draft already has; the rest of ``Event`` (source, notes, codes) is set here or after.
_CARRIED = tuple(f.name for f in fields(Event) if f.name in {d.name for d in fields(EventDraft)})


def event_sources(annotated: Annotated, draft: EventDraft) -> str:
    """ACLED's source column for one event: the article's outlet, the agencies it credits ("(With
    Reuters)") and whoever the event's sentences attribute it to, each once."""
    article = annotated.document.article
    return _sources(article.source, *annotated.document.attributions, *_claims(annotated, draft))


def _claims(annotated: Annotated, event: EventDraft) -> list[str]:
    """Who the event's sentences, or the next sentence of the same paragraph, attribute it to
    ("SOHR", "Nusra Front statement")."""
    text = annotated.document.article.text
    indexes: list[int] = []
    for i in event.sentences:
        indexes.append(i)
        after = i + 1
        if after < len(annotated.sentences) and "\n" not in text[annotated.sentences[i].end : annotated.sentences[after].start]:
            indexes.append(after)
    return [name for i in dict.fromkeys(indexes) for name in attributed_sources(annotated.sentences[i].text)]


def _sources(*names: str | None) -> str:
    """ACLED's source column: outlets joined by "; ", each once ("Zaman al-Wasl" = "Zaman Al Wasl")."""
    seen: dict[str, str] = {}
    for name in names:
        if name:
            seen.setdefault("".join(ch for ch in name.lower() if ch.isalnum()), name.strip())
    return "; ".join(seen.values())
