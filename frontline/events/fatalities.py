"""fatalities: an event's toll, from the killed counts of its sentence and the ones after it."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping
from itertools import pairwise

from ..records import Annotated, CasualtyMention, EventMention
from .detect import RuleTyper
from .paragraphs import paragraph_mentions, same_paragraph

# A toll stated as ACLED writes it ("3 fatalities") is the event's whole toll.
_STATED_TOLL = re.compile(r"fatalit", re.IGNORECASE)
_CODED_TOLL = re.compile(r"coded|split|divided", re.IGNORECASE)
# Sub-types that have no fatalities by definition (ACLED's codebook: a protest, an arrest or an
# agreement in which someone is killed is coded as the violence it became; none of ACLED's own rows of
# these sub-types has a death): a toll in their report belongs to another event. (Abductions, looting
# and "Other" are left out: on ACLED's notes, where typing misses, their toll is often the right one.)
_NO_TOLL = {
    "Peaceful protest", "Protest with intervention", "Agreement", "Arrests", "Change to group/activity",
    "Non-violent transfer of territory", "Headquarters or base established",
}
# How many sentences after the event's own a toll may still belong to it ("... clashed in X. 3 were killed.").
_TOLL_REACH = 2


def fatalities(
    annotated: Annotated, mention: EventMention, event_sentences: Mapping[int, Collection[str]]
) -> tuple[int, int | None, int | None, tuple[int, ...]]:
    """The toll: the killed counts in the mention's sentence, else in the next sentences of its
    paragraph that report no event of their own (``event_sentences``: the sentences that tell events,
    with their sub-types). A stated "N fatalities" is the whole toll. Returned
    with its range and the sentences it was read from (the event's evidence must hold them)."""
    if mention.sub_event_type in _NO_TOLL:
        return 0, None, None, ()
    pool: list[CasualtyMention] = []
    for index in range(mention.sentence, min(len(annotated.sentences), mention.sentence + _TOLL_REACH + 1)):
        if index != mention.sentence and (
            not same_paragraph(annotated, mention.sentence, index)
            or (index in event_sentences and not _elaborates(annotated, index))
            or _battle_dead(annotated, mention, index, event_sentences)
        ):
            break
        recalled = _recalls(annotated, index)
        killed = [c for c in annotated.in_sentence("casualties", index) if c.kind == "killed" and not recalled]
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
            return round(sum(c.count for c in pool) / max(1, split[0].count)), None, None, _read_from(pool)
    pool = _whole_toll(annotated, pool)
    # A toll told twice (a headline's toll again in the lead) is one toll, never two addends: the
    # conservative figure is the toll, the others its range.
    groups = _own_act(annotated, mention, _same_dead(annotated, pool))
    pool = [c for g in groups for c in g]
    count = sum(min(c.count for c in g) for g in groups)
    low = sum(min(c.low if c.low is not None else c.count for c in g) for g in groups)
    high = sum(max(c.high if c.high is not None else c.count for c in g) for g in groups)
    read = _read_from(pool)
    return (count, None, None, read) if low == high == count else (count, low, high, read)


def _read_from(pool: list[CasualtyMention]) -> tuple[int, ...]:
    return tuple(sorted({c.sentence for c in pool}))


# A count said to be the whole toll ("35 people in total had died", "a total of 40").
_TOTAL = re.compile(r"\b(?:in\s+total|in\s+all|altogether|a\s+total\s+of|total\s+(?:death\s+)?toll)\b", re.IGNORECASE)
# Where a scraped headline ends and its article begins, inside one "sentence": the agency and the
# date line ("... kills 16 in Aleppo Monitor AFP Wednesday 27 Jul 2016 Syrian government air strikes
# killed at least 16 ...", "Date of publication 7 July 2016 ...").
_STAMP = re.compile(
    r"\b(?:AFP|Reuters|AP|Date\s+of\s+publication|Published)\b[^.;]{0,40}?\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d\b"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d\b"
)


def _whole_toll(annotated: Annotated, pool: list[CasualtyMention]) -> list[CasualtyMention]:
    """The counts that make the toll: a count said to be the total is the toll alone; the counts of a
    headline are the article's lead told short, so where the lead gives its own, the headline's go."""
    text = annotated.document.article.text
    total = [c for c in pool if _TOTAL.search(text, max(0, c.span.start - 20), c.span.end + 20)]
    if total:
        return total[-1:]
    stamps = [m.end() for c in pool[:1] for m in _STAMP.finditer(text, c.span.end, pool[-1].span.start)]
    if stamps:
        lead = [c for c in pool if c.span.start >= stamps[-1]]
        if lead:
            return lead
    return pool


# Who was killed, by side, as a report names them; "people" and "dead" name nobody in particular.
_VICTIM_SIDES = {
    "civilians": re.compile(r"\b(?:civilians?|child(?:ren)?|wom[ae]n|m[ae]n|residents?|villagers?|farmers?|students?|workers?|protesters?)\b", re.IGNORECASE),
    "state": re.compile(r"\b(?:soldiers?|troops?|police\w*|officers?|army|regime|government|pro-government)\b", re.IGNORECASE),
    "armed groups": re.compile(
        r"\b(?:militants?|rebels?|fighters?|members?|terrorists?|jihadists?|insurgents?|attackers?|gunm[ae]n|commanders?)\b", re.IGNORECASE
    ),
}


# The noun phrase right after a count ends at a preposition or a clause: "killing 30 rebels in Idlib"
# names rebels, "kills 16 in rebel-held Aleppo" and "kill 45 after rebel fire" name nobody.
_PHRASE_END = re.compile(r"\b(?:in|on|at|after|by|near|during|when|as|while|from|with|and|since|including)\b|[,.;:(]", re.IGNORECASE)


def _victims(annotated: Annotated, c: CasualtyMention) -> set[str]:
    """The sides a count's victims are on, named in its span or the few words after it ("killing 30
    rebels"), not in a place or weapon named after a side ("rebel-held", "regime shelling")."""
    after = annotated.document.article.text[c.span.end : c.span.end + 30]
    stop = _PHRASE_END.search(after)
    text = c.span.text + (after[: stop.start()] if stop else after)
    text = re.sub(r"\b[\w]+-(?:held|controlled|run|backed|led|allied)\b", " ", text)
    return {side for side, words in _VICTIM_SIDES.items() if words.search(text)}


# Words that put a figure beside the one before it, not in its place ("... and 3 were killed by
# IEDs", "19 more were killed", "16 others died"); "more than" is a bound, not an addition.
_MORE = re.compile(r"\b(?:others?|another|further|additional|more(?!\s+than))\b", re.IGNORECASE)
_ADDS = re.compile(rf"\b(?:and|while|whereas|also|plus)\b|{_MORE.pattern}", re.IGNORECASE)


# How close to a figure a word must be to say the figure adds ("another 39", "19 more").
_NEXT_TO = 12
# A figure given as "the toll" is another telling of the dead counted before it, by another source or
# the same one ("killed 40 civilians ... while the LCC put the toll at 45 dead"): an alternative.
_AS_TOLL = re.compile(r"\btoll\b[^.;]*$", re.IGNORECASE)


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


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
            sides_agree = not (who and named) or bool(who & named)
            # The same figure again is the same dead even across an "and" ("kills 32 ... as the bride
            # and groom were exchanging vows killing 32 people"), unless it says it adds ("32 more",
            # "another 32"): only the words next to the figure say so, not "more massacres" between.
            repeated = c.count > 1 and any(m.count == c.count for m in members) and not _MORE.search(
                text, max(last.span.end, c.span.start - _NEXT_TO), c.span.end
            )
            # The same words again are a repeat whatever they say ("his son and 20 other militants were
            # killed" twice, a scraped headline glued to its lead).
            same_words = any(_plain(m.span.text) == _plain(c.span.text) for m in members)
            if (
                last.sentence == c.sentence and last.span.end <= c.span.start
                and (same_words or (
                    (repeated or _AS_TOLL.search(text, max(0, c.span.start - 50), c.span.end) or not _ADDS.search(text, last.span.end, c.span.start))
                    and not _MORE.search(c.span.text)
                    and sides_agree
                ))
            ):
                named |= who
                members.append(c)
                break
        else:
            groups.append((set(who), [c]))
    return [members for _, members in groups]


def _battle_dead(annotated: Annotated, mention: EventMention, index: int, event_sentences: Mapping[int, Collection[str]]) -> bool:
    """A later sentence that tells a clash and counts two groups of armed dead tells the battle's
    toll ("Coalition war planes carried out 10 air strikes to repel the assault. It said 45 IS militants
    and 20 Kurdish fighters had been killed."): the codebook counts both sides' dead in the battle, not
    in the strikes or the attack told before it, unless the sentence points back at that act ("...
    were killed in these strikes"). One side's dead ("1 soldier was killed") may be any act's."""
    if mention.sub_event_type == "Armed clash" or "Armed clash" not in event_sentences.get(index, ()):
        return False
    text = annotated.sentences[index].text
    return len(_COMBATANTS.findall(text)) >= 2 and not _BACK.search(text)


# A count of armed people: "45 Islamic State militants", "20 Kurdish militia fighters", "11 regime soldiers".
_COMBATANTS = re.compile(
    r"\b(?:\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|dozens\s+of)\s+(?:[\w-]+\s+){0,3}?(?:militants?|fighters?|soldiers?|troops|rebels?|insurgents?|jihadists?"
    r"|gunmen|militiamen|policemen|members\s+of\s+(?:the\s+)?\w+\s+forces|forces)\b",
    re.IGNORECASE,
)
# A sentence's words that point back at an act told before it ("killed in the attack", "in these strikes").
_BACK = re.compile(
    r"\b(?:the|these|this|that|those)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|airstrikes?|raids?|blasts?|explosions?"
    r"|bombings?|bombardments?|shelling|barrages?|assaults?|incidents?|ambush(?:es)?)\b",
    re.IGNORECASE,
)
# A group's record told as background: "The group has killed hundreds of tribesmen ... executed scores of
# security personnel" counts no one event's dead (a vague figure in the perfect, with no time of its own).
_RECORD = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:killed|executed|massacred|slaughtered|beheaded)\s+(?:hundreds|thousands|scores|tens\s+of)\b",
    re.IGNORECASE,
)


def _recalls(annotated: Annotated, index: int) -> bool:
    """The sentence recalls a record, not an event: a vague toll in the perfect and no time phrase."""
    sentence = annotated.sentences[index]
    return bool(_RECORD.search(sentence.text)) and not annotated.in_sentence("times", index)


def _elaborates(annotated: Annotated, index: int) -> bool:
    """A sentence that tells more of the event before it: it names no place and no time of its
    own ("... near Salagle town. Two militants were killed in the attack.")."""
    return not annotated.in_sentence("places", index) and not annotated.in_sentence("times", index)


@functools.lru_cache(maxsize=1)
def _lexicon() -> RuleTyper:
    """The trigger lexicon, which says what act a clause tells ("air strikes", "suicide attack")."""
    return RuleTyper()


def _own_act(annotated: Annotated, mention: EventMention, groups: list[list[CasualtyMention]]) -> list[list[CasualtyMention]]:
    """The dead of the mention's own act, when its sentence tells several acts with a toll each:
    "The rebel barrage killed 10 people in Damascus while government air strikes on Eastern Ghouta
    killed 82" is a shelling of 10 and an air strike of 82, not one event of 92.

    Each count's clause runs from the word that adds it on ("while", "and", "another") to the next
    one's. The clauses are separate acts when two of them name different acts (trigger words of other
    sub-types) or different places (ACLED codes one event per place; "in a village near the city" is a
    place of its own). A place named once at the end ("... 18 shot dead and one beheaded near Deir
    al-Zor") is the whole sentence's, so a clause without a place differs from none by place. The
    mention then takes the counts of the clauses that tell its own sub-type. The dead of both sides of
    one act stay together ("5 soldiers were killed and 3 rebels died in the clash": the first clause
    names no act of its own)."""
    if len(groups) < 2 or len({c.sentence for g in groups for c in g}) != 1:
        return groups
    text = annotated.document.article.text
    sentence = annotated.sentences[groups[0][0].sentence]
    counts = sorted((c for g in groups for c in g), key=lambda c: c.span.start)
    bounds = [sentence.start]
    for before, c in pairwise(counts):
        adds = _ADDS.search(text, before.span.end, c.span.start)
        bounds.append(adds.start() if adds else c.span.start)
    bounds.append(sentence.end)
    places = [p for p in annotated.in_sentence("places", sentence.index) if p.place is not None]
    acts: list[tuple[frozenset[str], frozenset[int]]] = []
    for g in groups:
        subs: set[str] = set()
        where: set[int] = set()
        for c in g:
            i = counts.index(c)
            lo, hi = bounds[i], bounds[i + 1]
            subs |= {t.sub_event_type for t in _lexicon().type_sentence(text[lo:hi])}
            where |= {p.place.geonameid for p in places if p.place is not None and lo <= p.span.start < hi}
            if _UNNAMED_PLACE.search(text, lo, hi):
                where.add(-1 - i)  # a place of its own, named by no other clause
        acts.append((frozenset(subs), frozenset(where)))
    if not any(_apart(a, b) for n, a in enumerate(acts) for b in acts[n + 1 :]):
        return groups
    own = [g for g, (subs, _) in zip(groups, acts) if mention.sub_event_type in subs]
    return own or groups


# A place a clause names without its name: "six others were killed in a village near the city".
_UNNAMED_PLACE = re.compile(
    r"\bin\s+(?:a|an|another)\s+(?:[\w-]+\s+){0,2}?(?:village|town|city|district|neighbou?rhood|suburb|camp|hamlet)\b", re.IGNORECASE
)


def _apart(a: tuple[frozenset[str], frozenset[int]], b: tuple[frozenset[str], frozenset[int]]) -> bool:
    """Two clauses tell different acts: both name a sub-type and share none, or both a place and share none."""
    return bool(a[0] and b[0] and a[0].isdisjoint(b[0])) or bool(a[1] and b[1] and a[1].isdisjoint(b[1]))
