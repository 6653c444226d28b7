"""fatalities: an event's toll, from the killed counts of its sentence and the ones after it."""

from __future__ import annotations

import re

from ..records import Annotated, CasualtyMention, EventMention
from .paragraphs import paragraph_mentions, same_paragraph

# A toll stated as ACLED writes it ("3 fatalities") is the event's whole toll.
_STATED_TOLL = re.compile(r"fatalit", re.IGNORECASE)
_CODED_TOLL = re.compile(r"coded|split|divided", re.IGNORECASE)
# Peaceful protests have no fatalities by definition; a toll in their note belongs to something else.
_NO_TOLL = {"Peaceful protest"}
# How many sentences after the event's own a toll may still belong to it ("... clashed in X. 3 were killed.").
_TOLL_REACH = 2


def fatalities(
    annotated: Annotated, mention: EventMention, event_sentences: set[int]
) -> tuple[int, int | None, int | None]:
    """The toll: the killed counts in the mention's sentence, else in the next sentences of its
    paragraph that report no event of their own. A stated "N fatalities" is the whole toll."""
    if mention.sub_event_type in _NO_TOLL:
        return 0, None, None
    pool: list[CasualtyMention] = []
    for index in range(mention.sentence, min(len(annotated.sentences), mention.sentence + _TOLL_REACH + 1)):
        if index != mention.sentence and (
            not same_paragraph(annotated, mention.sentence, index)
            or (index in event_sentences and not _elaborates(annotated, index))
        ):
            break
        killed = [c for c in annotated.in_sentence("casualties", index) if c.kind == "killed"]
        pool.extend(killed)
        if killed and index == mention.sentence:
            break
    # A coder's statement of the toll closes a note: it holds for the paragraph's events.
    rest = paragraph_mentions(annotated, "casualties", mention.sentence, before=False)
    stated = [c for c in rest if c.kind == "killed" and _STATED_TOLL.search(c.span.text)]
    coded = [c for c in stated if _CODED_TOLL.search(c.span.text)]
    split = [c for c in rest if c.kind == "split"]
    if coded or stated:
        pool = coded[:1] or stated[-1:]
    elif pool:
        pool = [c for c in pool if c.sentence == pool[0].sentence]
        if split:
            # "4 people were killed ... Fatalities split between 2 events."
            return round(sum(c.count for c in pool) / max(1, split[0].count)), None, None
    count = sum(c.count for c in pool)
    if not any(c.high is not None for c in pool):
        return count, None, None
    low = sum(c.low if c.low is not None else c.count for c in pool)
    high = sum(c.high if c.high is not None else c.count for c in pool)
    return count, low, high


def _elaborates(annotated: Annotated, index: int) -> bool:
    """A sentence that tells more of the event before it: it names no place and no time of its
    own ("... near Salagle town. Two militants were killed in the attack.")."""
    return not annotated.in_sentence("places", index) and not annotated.in_sentence("times", index)
