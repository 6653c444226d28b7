"""fill: give each event mention its arguments: actors, place, time phrase and fatalities."""

from __future__ import annotations

import logging
import re
from collections import Counter

from .detect import subject
from .records import ActorMention, Annotated, Event, EventMention, PlaceMention, Sentence, Span

log = logging.getLogger(__name__)

# Anaphora that point back at the last named place of that kind ("the town overlooks ...").
_ANAPHORA = re.compile(r"\b(?:the|this|that)\s+(town|village|city)\b", re.IGNORECASE)
# Sub-types where someone is acted on, so a missing actor2 is the other side of the conflict.
_TWO_SIDED = {
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
}
CIVILIANS = 7
_CIVILIAN_TARGETING = {"Attack", "Sexual violence", "Abduction/forced disappearance"}


def fill(annotated: Annotated, mentions: tuple[EventMention, ...]) -> tuple[Event, ...]:
    """One draft ``Event`` per event mention that has a place; the others are dropped with a debug log."""
    article = annotated.document.article
    events = []
    for mention in mentions:
        place = _event_place(annotated, mention)
        if place is None:
            log.debug("%s: %r has no place; not an event", article.id, mention.trigger.text)
            continue
        actor1, actor2 = _actors(annotated, mention)
        sentence = annotated.sentences[mention.sentence]
        killed = [c for c in annotated.in_sentence("casualties", mention.sentence) if c.kind == "killed"]
        times = annotated.in_sentence("times", mention.sentence)
        time = min(times, key=lambda t: abs(t.span.start - mention.trigger.start)) if times else None
        sub = mention.sub_event_type
        where = place.place.country_code  # type: ignore[union-attr]
        events.append(
            Event(
                article_id=article.id,
                event_type=mention.event_type,
                sub_event_type=sub,
                actor1=actor1.name if actor1 else "",
                inter1=_inter(actor1, where),
                actor2=actor2.name if actor2 else "",
                inter2=_inter(actor2, where),
                civilian_targeting=_civilian_targeting(sub, actor2),
                fatalities=sum(c.count for c in killed),
                confidence=mention.confidence * (0.6 + 0.4 * min(place.score, 8.0) / 8.0),
                evidence=(_sentence_span(sentence),),
                place=place.place,
                place_cue=place.cue,
                time=time,
                sentences=(mention.sentence,),
            )
        )
    return tuple(events)


def _civilian_targeting(sub: str, target: ActorMention | None) -> str:
    """ACLED marks an event whose primary target is civilians, whatever its type."""
    if sub in _CIVILIAN_TARGETING or (target is not None and target.inter == CIVILIANS):
        return "Civilian targeting"
    return ""


def _sentence_span(sentence: Sentence) -> Span:
    return Span(sentence.start, sentence.end, sentence.text)


def _inter(actor: ActorMention | None, country: str) -> int:
    """ACLED codes a state's forces acting abroad as external forces (8)."""
    if actor is None:
        return 0
    if actor.inter == 1 and actor.country and actor.country != country:
        return 8
    return actor.inter


def _event_place(annotated: Annotated, mention: EventMention) -> PlaceMention | None:
    """The place where it happened: a resolved place in the sentence, nearest after the trigger
    (the object of "captured X", "in X"), else nearest before; countries only as a last resort."""
    places = [p for p in annotated.in_sentence("places", mention.sentence) if p.place is not None]
    local = [p for p in places if not p.place.feature_code.startswith("PCL")]  # type: ignore[union-attr]
    pool = local or places
    if pool:
        after = [p for p in pool if p.span.start >= mention.trigger.end]
        before = [p for p in pool if p.span.end <= mention.trigger.start]
        if after:
            return min(after, key=lambda p: p.span.start - mention.trigger.end)
        if before:
            return min(before, key=lambda p: mention.trigger.start - p.span.end)
        return pool[0]
    sentence = annotated.sentences[mention.sentence]
    anaphor = _ANAPHORA.search(sentence.text)
    if anaphor:
        earlier = [
            p for p in annotated.places
            if p.place is not None and p.span.end <= sentence.start and p.place.feature_class == "P"
        ]
        if earlier:
            return earlier[-1]
    return None


def _actors(annotated: Annotated, mention: EventMention) -> tuple[ActorMention | None, ActorMention | None]:
    """actor1 is the sentence's acting side (see ``detect.subject``); actor2 is another side in the sentence, else, for two-sided events, the document's main opponent."""
    actors = annotated.in_sentence("actors", mention.sentence)
    # Civilians are only ever acted on (ACLED never codes them as actor1).
    acting = tuple(a for a in actors if a.inter != CIVILIANS)
    actor1 = subject(acting, annotated.sentences[mention.sentence].start, mention.trigger.start)
    others = [a for a in actors if actor1 is None or a.inter != actor1.inter]
    actor2 = others[0] if others else None
    if actor1 is None:
        actor1 = _main_actor(annotated, exclude_inter=None)
    if actor2 is None and mention.sub_event_type in _TWO_SIDED and actor1 is not None:
        actor2 = _main_actor(annotated, exclude_inter=actor1.inter)
    return actor1, actor2


def _main_actor(annotated: Annotated, exclude_inter: int | None) -> ActorMention | None:
    """The actor named most often in the document, optionally on a different side (inter code)."""
    pool = [a for a in annotated.actors if exclude_inter is None or a.inter != exclude_inter]
    pool = [a for a in pool if a.inter != CIVILIANS]  # civilians are not a fighting side
    if not pool:
        return None
    counts = Counter(a.name for a in pool)
    best = min(counts, key=lambda name: (-counts[name], name))
    return next(a for a in pool if a.name == best)
