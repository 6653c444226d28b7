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
        if index == mention.sentence and (killed or any(c.kind == "mixed" for c in annotated.in_sentence("casualties", index))):
            break  # its own sentence tells its toll; "killing or injuring scores" tells no deaths
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
    # A toll told twice (a headline's toll again in the lead) is one toll, never two addends: the
    # conservative figure is the toll, the others its range.
    groups = _same_dead(annotated, pool)
    count = sum(min(c.count for c in g) for g in groups)
    low = sum(min(c.low if c.low is not None else c.count for c in g) for g in groups)
    high = sum(max(c.high if c.high is not None else c.count for c in g) for g in groups)
    return (count, None, None) if low == high == count else (count, low, high)


# Who was killed, by side, as a report names them; "people" and "dead" name nobody in particular.
_VICTIM_SIDES = {
    "civilians": re.compile(r"\b(?:civilians?|child(?:ren)?|wom[ae]n|m[ae]n|residents?|villagers?|farmers?|students?|workers?|protesters?)\b", re.IGNORECASE),
    "state": re.compile(r"\b(?:soldiers?|troops?|police\w*|officers?|army|regime|government|pro-government)\b", re.IGNORECASE),
    "armed groups": re.compile(
        r"\b(?:militants?|rebels?|fighters?|members?|terrorists?|jihadists?|insurgents?|attackers?|gunm[ae]n|commanders?)\b", re.IGNORECASE
    ),
}


def _victims(annotated: Annotated, c: CasualtyMention) -> set[str]:
    """The sides a count's victims are on, named in its span or the few words after it ("killing 30 rebels")."""
    text = annotated.document.article.text[c.span.start : c.span.end + 30]
    return {side for side, words in _VICTIM_SIDES.items() if words.search(text)}


# Words that put a figure beside the one before it, not in its place ("... and 3 were killed by
# IEDs", "19 more were killed", "16 others died"); "more than" is a bound, not an addition.
_MORE = re.compile(r"\b(?:others?|another|further|additional|more(?!\s+than))\b", re.IGNORECASE)
_ADDS = re.compile(rf"\b(?:and|while|whereas|also|plus)\b|{_MORE.pattern}", re.IGNORECASE)


def _same_dead(annotated: Annotated, pool: list[CasualtyMention]) -> list[list[CasualtyMention]]:
    """The pool's counts grouped by the dead they count. A figure that follows another with nothing
    adding it on is that toll told again ("20 dead in air raids ... At least 20 Syrian people were
    killed", "62 troops killed ... More than 60 soldiers were killed"); it counts other dead when it
    is added on ("and", "more", "others") or names victims on another side ("2 soldiers ... 3 rebels")."""
    text = annotated.document.article.text
    groups: list[tuple[set[str], list[CasualtyMention]]] = []
    for c in pool:
        who = _victims(annotated, c)
        for named, members in groups:
            last = members[-1]
            if (
                last.sentence == c.sentence and last.span.end <= c.span.start
                and not _ADDS.search(text, last.span.end, c.span.start)
                and not _MORE.search(c.span.text)
                and (not (who and named) or who & named)
            ):
                named |= who
                members.append(c)
                break
        else:
            groups.append((set(who), [c]))
    return [members for _, members in groups]


def _elaborates(annotated: Annotated, index: int) -> bool:
    """A sentence that tells more of the event before it: it names no place and no time of its
    own ("... near Salagle town. Two militants were killed in the attack.")."""
    return not annotated.in_sentence("places", index) and not annotated.in_sentence("times", index)
