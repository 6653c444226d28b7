"""fill: give each event mention its arguments: actors, place, time phrase and fatalities.

Every typed mention becomes an ``EventDraft``. This module is the glue: the place is chosen in
``place``, the time phrase in ``time``, the toll in ``fatalities`` and the sides in ``roles``; here
they become the draft's fields. A mention whose sentence names no place takes the nearest place named
before it, else the document's country (geo_precision 3), else the acting side's country; with none of
these it keeps empty location fields.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from ..geo.dateline import outlet_country
from ..geo.gazetteer import Gazetteer
from ..geo.seats import seat
from ..records import Annotated, EventDraft, EventMention, Sentence, Span
from ..text.actors import ActorDictionary
from .fatalities import fatalities
from .paragraphs import first_sentence, same_paragraph
from .place import choose_place, monitored_country
from .place_lists import listed_with
from .roles import assign_roles
from .sides import CIVILIANS, Side
from .time import background, event_time

if TYPE_CHECKING:
    from ..geo.recognize import Recognizer

log = logging.getLogger(__name__)

# Sub-types whose target is civilians by definition.
HOME_PLACES = 2  # distinct places below country level in one other country that outweigh a focus holding none
_CIVILIAN_TARGETING = {"Attack", "Sexual violence", "Abduction/forced disappearance"}


def fill(
    annotated: Annotated,
    mentions: tuple[EventMention, ...],
    actors: ActorDictionary | None = None,
    gazetteer: Gazetteer | None = None,
    recognizer: Recognizer | None = None,
) -> tuple[EventDraft, ...]:
    """One ``EventDraft`` per event mention. ``actors`` names the sides the codebook implies
    ("Protesters (Pakistan)"); without it they are named without their country. With a
    ``gazetteer``, an event whose place is unknown falls back to the larger place that qualifies
    it ("Kinyinya commune (Ruyigi)": Ruyigi, geo_precision 2). ``recognizer`` lends its lexicon to the
    last-resort place search (None: the packaged model)."""
    article = annotated.document.article
    events = []
    # The sentences that tell events, with their sub-types: a toll there may be those events' own.
    event_sentences: dict[int, set[str]] = {}
    for m in mentions:
        event_sentences.setdefault(m.sentence, set()).add(m.sub_event_type)
    published = article.published
    # Searched once per article, not per mention.
    monitored = monitored_country(article.text)
    outlet = outlet_country(article.source)
    for mention in mentions:
        if mention.sub_event_type == "Violent demonstration" and not _violent(annotated, mention):
            # The codebook: a demonstration is violent when its people damage, hurt or fight;
            # blocking a road or banging pots is a peaceful protest.
            mention = replace(mention, sub_event_type="Peaceful protest", event_type="Protests")
        if mention.sub_event_type == "Peaceful protest" and _intervened(annotated, mention):
            # The codebook: a protest the police disperse or arrest is a protest with intervention.
            mention = replace(mention, sub_event_type="Protest with intervention")
        time = event_time(annotated, mention)
        if background(annotated, mention, time, published):
            log.debug("%s: %r is background, not an event", article.id, mention.trigger.text)
            continue
        place, cue = choose_place(annotated, mention, gazetteer, recognizer, monitored)
        where = place.place.country_code if place is not None and place.place is not None else home_country(annotated)
        if place is None and outlet is not None and where != outlet and not _names_country(annotated, where):
            # A monitor of one country tells of it (``outlet_country``: "SOHR"): a focus abroad that rests on
            # a side's nationality ("Russian airstrikes target ...", "Turkish warplanes ...") or on nothing
            # is not where its event happened, unless the text names that country.
            where = outlet
        if where is None:
            where = monitored
        # Where the event will be coded (a province at its seat), for the sides of a front line.
        point = place.place if place is not None else None
        if point is not None and gazetteer is not None:
            point = seat(point, gazetteer)
        at = (point.latitude, point.longitude) if point is not None else None
        roles = assign_roles(annotated, mention, actors, where, time.date if time is not None else published, at)
        if where is None and roles.actor1 is not None:
            where = roles.actor1.country
        if place is None:
            log.debug("%s: %r has no place; coded at country level (%s)", article.id, mention.trigger.text, where)
        count, low, high, toll_sentences = fatalities(annotated, mention, event_sentences)
        sub = mention.sub_event_type
        # The event's country is where it happened: a state's forces from elsewhere are external (8).
        # Two sides of one country fight in it: "pro-Hadi forces thwarted a Houthi attack in Al Jawf"
        # is in Yemen's Al Jawf, whatever look-alike the gazetteer picked.
        home = {where} if where else set()
        sides = {s.country for s in (roles.actor1, roles.actor2) if s is not None}
        if roles.actor1 is not None and roles.actor2 is not None and len(sides) == 1 and None not in sides:
            home = {c for c in sides if c}
        event = EventDraft(
            article_id=article.id,
            event_type=mention.event_type,
            sub_event_type=sub,
            actor1=roles.actor1.name if roles.actor1 else "",
            assoc_actor_1="; ".join(a.name for a in roles.assoc1),
            inter1=_inter(roles.actor1, home),
            actor2=roles.actor2.name if roles.actor2 else "",
            assoc_actor_2="; ".join(a.name for a in roles.assoc2),
            inter2=_inter(roles.actor2, home),
            civilian_targeting=_civilian_targeting(sub, roles.actor2, mention.event_type),
            fatalities=count,
            # The lead sentence states the main event; later ones add detail or background.
            confidence=mention.confidence
            * (0.6 + 0.4 * min(place.score, 8.0) / 8.0 if place else 0.5)
            * (1.0 if mention.sentence == first_sentence(annotated, mention) else 0.9),
            # The sentence of the event, and those its toll was read from ("... clashed in X. Three
            # were killed."): what a coder checks the record against.
            evidence=tuple(
                _sentence_span(annotated.sentences[i]) for i in sorted({mention.sentence, *toll_sentences})
            ),
            place=place.place if place else None,
            place_cue=cue,
            time=time,
            sentences=(mention.sentence,),
            place_country=where if place is None else None,
            fatalities_low=low,
            fatalities_high=high,
        )
        # One event per place of a list ("bomb attacks on the institutes in Vina del Mar, Talca, and
        # Temuco"), as ACLED codes them. The toll stays with the first: a report's dead are counted once,
        # never once per place (which place they died in, the sentence does not say).
        siblings = listed_with(annotated, place) if place is not None and cue != "near" else []
        events.append(event)
        events.extend(
            replace(event, place=s.place, place_cue=s.cue, fatalities=0, fatalities_low=None, fatalities_high=None)
            for s in siblings
        )
    return tuple(events)


# Authorities acting on a protest ("police dispersed the crowd", "police resorted to lathi charge").
_INTERVENTION = re.compile(
    r"\b(?:police|policemen|police\s+officers|officers|security\s+forces|authorities|troops|soldiers|riot\s+police|gendarmes"
    # a regime's forces ("Taliban forces beat women protesting", "junta troops fired into the air")
    r"|Taliban(?:\s+(?:forces|fighters|members|gunmen))?|junta(?:\s+(?:forces|troops|soldiers))?)\s+"
    r"(?:\w+\s+){0,3}?(?:dispersed|arrested|detained|fired\s+tear|used\s+tear|lobbed|lathi|baton|interfered|intervened|broke\s+up|resorted\s+to|beat"
    r"|whipped|fired\s+(?:in|into)\s+the\s+air|fired\s+warning\s+shots)"
    r"|\b(?:arrested|detained|dispersed|beaten|tear-?gassed)\s+by\s+(?:the\s+)?(?:\w+\s+)?(?:police|security\s+forces|riot\s+police|authorities|officers)",
    re.IGNORECASE,
)


# What demonstrators do in a violent demonstration (ACLED: vandalism, clashes, stone throwing, arson).
_VIOLENT_ACT = re.compile(
    r"\b(?:rampag\w*|violen\w*|clash\w*|ston(?:e|es|ed|ing)|rocks?|pelt\w*|threw|throw\w*|hurl\w*|burn\w*|torch\w*"
    r"|set\s+(?:\w+\s+){0,3}(?:on\s+)?(?:fire|ablaze|alight)|arson\w*|fire\s*-?\s*bomb\w*|molotov|petrol\s+bombs?|explosives?"
    r"|vandali\w*|damag\w*|destroy\w*|destruct\w*|smash\w*|shatter\w*|loot\w*|attack\w*|assault\w*|beat(?:en|ing)?|injur\w*"
    r"|wound\w*|hurt|kill\w*|dead|died|deaths?|fight\w*|fought|scuffl\w*|brawl\w*|lynch\w*|storm\w*|ransack\w*|broke|break\w*"
    r"|mob|hostages?|seiz\w*|confront\w*|vehicles?\s+(?:were\s+)?(?:burnt|burned)|tyres|tires|barricad\w*|guns?|shot|shoot\w*"
    r"|weapons?|machetes?|knives|sticks|clubs|assail\w*|fracas|skirmish\w*|unrest|chaos|chaotic)\b",
    re.IGNORECASE,
)
_RIOT_WORD = re.compile(r"\b(?:riot\w*|rioters?)\b", re.IGNORECASE)


def _violent(annotated: Annotated, mention: EventMention) -> bool:
    """The demonstration's people did something violent: a riot word in its sentence, or a
    violent act there or in the next sentence of its paragraph (riots of other days, told
    as background, do not count)."""
    text = annotated.document.article.text
    sentence = annotated.sentences[mention.sentence]
    if _RIOT_WORD.search(sentence.text) or _VIOLENT_ACT.search(sentence.text):
        return True
    following = mention.sentence + 1
    return (
        following < len(annotated.sentences)
        and same_paragraph(annotated, mention.sentence, following)
        and bool(_VIOLENT_ACT.search(text, annotated.sentences[following].start, annotated.sentences[following].end))
    )


def _intervened(annotated: Annotated, mention: EventMention) -> bool:
    """The police acted on the protest in its sentence or the next two of its paragraph."""
    last = mention.sentence
    while last + 1 < len(annotated.sentences) and last < mention.sentence + 2 and same_paragraph(annotated, mention.sentence, last + 1):
        last += 1
    text = annotated.document.article.text
    return bool(_INTERVENTION.search(text, annotated.sentences[mention.sentence].start, annotated.sentences[last].end))


def _civilian_targeting(sub: str, target: Side | None, event_type: str = "") -> str:
    """ACLED marks a violent event whose primary target is civilians (never a protest or a
    strategic development)."""
    if event_type in ("Protests", "Strategic developments"):
        return ""
    if sub in _CIVILIAN_TARGETING or (target is not None and target.inter == CIVILIANS):
        return "Civilian targeting"
    return ""


def _sentence_span(sentence: Sentence) -> Span:
    return Span(sentence.start, sentence.end, sentence.text)


def _inter(actor: Side | None, home: set[str]) -> int:
    """ACLED codes a state's forces acting outside their country as external forces (8)."""
    if actor is None:
        return 0
    if actor.inter == 1 and actor.country and home and actor.country not in home:
        return 8
    return actor.inter


def _names_country(annotated: Annotated, code: str | None) -> bool:
    """Whether the text names the country ``code`` by its name ("in Turkey"), not only by a nationality."""
    return code is not None and any(
        p.place is not None and p.place.country_code == code and p.place.feature_code.startswith("PCL") for p in annotated.places
    )


def home_country(annotated: Annotated) -> str | None:
    """The country an event with no place of its own is in: the report's focus, unless none of the
    report's towns, districts or provinces lie in it and two or more different ones lie in one other country
    (with no focus, the country most of them lie in). A report
    that names "U.S." and "Washington" more than Syria, about air strikes on Raqqa and Tokhar, has the
    United States as its focus, but its events are in Syria."""
    return annotated.derived("home_country", _home_country)


def _home_country(annotated: Annotated) -> str | None:
    focus = annotated.country_code
    # Distinct entries: one look-alike named twice ("San Miguel" read as Argentina's) does not move a report.
    entries = {p.place.geonameid: p.place.country_code for p in annotated.places
               if p.place is not None and not p.place.feature_code.startswith("PCL")}
    votes = Counter(entries.values())
    if not votes or focus in votes:
        return focus
    best = min(votes, key=lambda code: (-votes[code], code))
    # With no focus at all, any place the report names is a better guess than no country.
    return best if focus is None or votes[best] >= HOME_PLACES else focus
