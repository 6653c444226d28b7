"""fill: give each event mention its arguments: actors, place, time phrase and fatalities.

Every typed mention becomes a draft event. ACLED codes each event at the best location it can,
so a mention whose sentence names no place takes the nearest place named before it, else the
document's country (geo_precision 3), else the acting side's country; with none of these it
keeps empty location fields.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import math
import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from ..geo.gazetteer import Gazetteer
from ..records import (
    Annotated,
    CasualtyMention,
    Event,
    EventMention,
    Place,
    PlaceMention,
    Sentence,
    Span,
    TimeMention,
)
from ..text.actors import ActorDictionary
from .roles import CIVILIANS, Side, assign_roles, event_anchor

if TYPE_CHECKING:
    from ..geo.recognize import Recognizer

log = logging.getLogger(__name__)

# Anaphora that point back at the last named place of that kind ("the town overlooks ...").
_ANAPHORA = re.compile(r"\b(?:the|this|that)\s+(town|village|city)\b", re.IGNORECASE)
_CIVILIAN_TARGETING = {"Attack", "Sexual violence", "Abduction/forced disappearance"}
# A toll stated as ACLED writes it ("3 fatalities") is the event's whole toll.
_STATED_TOLL = re.compile(r"fatalit", re.IGNORECASE)
_CODED_TOLL = re.compile(r"coded|split|divided", re.IGNORECASE)
# Peaceful protests have no fatalities by definition; a toll in their note belongs to something else.
_NO_TOLL = {"Peaceful protest"}
# How many sentences after the event's own a toll may still belong to it ("... clashed in X. 3 were killed.").
_TOLL_REACH = 2
# Monitors whose reports are about one country: a note naming them is in that country.
_MONITORS_UA = re.compile(r"\bOSCE\s+(?:SMM|Special\s+Monitoring\s+Mission)\b|\bSpecial\s+Monitoring\s+Mission\s+to\s+Ukraine\b")
# Region-level gazetteer entries: they qualify a town named with them ("Jowai (Meghalaya)").
_REGION_CODES = ("ADM1", "ADM2", "ADM3", "ADMD", "PCLI", "PCLD", "PCLS", "PCLF", "PCL", "RGN")


def fill(
    annotated: Annotated,
    mentions: tuple[EventMention, ...],
    actors: ActorDictionary | None = None,
    gazetteer: Gazetteer | None = None,
    recognizer: Recognizer | None = None,
) -> tuple[Event, ...]:
    """One draft ``Event`` per event mention. ``actors`` names the sides the codebook implies
    ("Protesters (Pakistan)"); without it they are named without their country. With a
    ``gazetteer``, an event whose place is unknown falls back to the larger place that qualifies
    it ("Kinyinya commune (Ruyigi)": Ruyigi, geo_precision 2). ``recognizer`` lends its lexicon to the
    last-resort place search (None: the packaged model)."""
    article = annotated.document.article
    events = []
    event_sentences = {m.sentence for m in mentions}
    published = article.published
    # The OSCE Special Monitoring Mission reported from Ukraine only; its villages are Ukraine's
    # (many share their names with Russian ones). Searched once per article, not per mention.
    monitored = "UA" if _MONITORS_UA.search(article.text) else None
    for mention in mentions:
        if mention.sub_event_type == "Violent demonstration" and not _violent(annotated, mention):
            # The codebook: a demonstration is violent when its people damage, hurt or fight;
            # blocking a road or banging pots is a peaceful protest.
            mention = replace(mention, sub_event_type="Peaceful protest", event_type="Protests")
        if mention.sub_event_type == "Peaceful protest" and _intervened(annotated, mention):
            # The codebook: a protest the police disperse or arrest is a protest with intervention.
            mention = replace(mention, sub_event_type="Protest with intervention")
        time = _event_time(annotated, mention)
        if _background(annotated, mention, time, published):
            log.debug("%s: %r is background, not an event", article.id, mention.trigger.text)
            continue
        place = _event_place(annotated, mention, gazetteer)
        fallback = place is None and gazetteer is not None
        if fallback and gazetteer is not None:
            place = _qualifier_place(annotated, mention, gazetteer, monitored if annotated.country_code is None else None)
            if place is None:
                # The last resort finds the place named itself, not a stand-in: its own precision.
                place = _last_resort(annotated, mention, gazetteer, monitored, recognizer or _packaged_recognizer())
                fallback = False
        elif place is not None and gazetteer is not None and place.sentence == mention.sentence:
            place = _within_qualifier(annotated, place, gazetteer)
            # A region or a country stands in for a village the gazetteer lacks ("near Warmahan
            # village (Afgooye, Lower Shabelle)"): a town of the qualifier inside it is nearer.
            town = _town_in_area(annotated, mention, place, gazetteer)
            if town is not None:
                place, fallback = town, True
            else:
                at_home = _abroad(annotated, mention, place, gazetteer)
                if at_home is not None:
                    # A stand-in from the qualifiers is "near" (geo_precision 2); the same name at home is not.
                    place, fallback = at_home, at_home.span != place.span
        if monitored and place is not None and place.place is not None and gazetteer is not None:
            place = _in_monitored_area(place, gazetteer)
        if place is not None:
            moved = _offset(annotated.document.article.text, place)
            if moved is not None:
                place, fallback = moved, True
        where = place.place.country_code if place is not None and place.place is not None else annotated.country_code
        if where is None:
            where = monitored
        at = (place.place.latitude, place.place.longitude) if place is not None and place.place is not None else None
        roles = assign_roles(annotated, mention, actors, where, time.date if time is not None else published, at)
        if where is None and roles.actor1 is not None:
            where = roles.actor1.country
        if place is None:
            log.debug("%s: %r has no place; coded at country level (%s)", article.id, mention.trigger.text, where)
        sentence = annotated.sentences[mention.sentence]
        count, low, high = _fatalities(annotated, mention, event_sentences)
        if mention.sub_event_type in _NO_TOLL:
            count, low, high = 0, None, None
        sub = mention.sub_event_type
        # The event's country is where it happened: a state's forces from elsewhere are external (8).
        # Two sides of one country fight in it: "pro-Hadi forces thwarted a Houthi attack in Al Jawf"
        # is in Yemen's Al Jawf, whatever look-alike the gazetteer picked.
        home = {where} if where else set()
        sides = {s.country for s in (roles.actor1, roles.actor2) if s is not None}
        if roles.actor1 is not None and roles.actor2 is not None and len(sides) == 1 and None not in sides:
            home = {c for c in sides if c}
        event = Event(
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
            * (1.0 if mention.sentence == _first_sentence(annotated, mention) else 0.9),
            evidence=(_sentence_span(sentence),),
            place=place.place if place else None,
            place_cue="near" if fallback and place is not None else _cue(annotated, place),
            time=time,
            sentences=(mention.sentence,),
            place_country=where if place is None else None,
            fatalities_low=low,
            fatalities_high=high,
        )
        events.append(event)
    return tuple(events)


# Words before a place that put the event near it, not in it (ACLED geo_precision 2).
_NEAR_BEFORE = re.compile(
    r"\b(?:near|outside|around|close\s+to|(?:in\s+)?the\s+vicinity\s+of|outskirts\s+of|\d+\s*km\s+(?:\w+\s+)?(?:of|from)"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+(?:part\s+)?of|countryside\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# What may come before a place that opens its sentence: a time phrase, then "in"/"near".
_OPENER = re.compile(
    r"\W*(?:(?:on|around|as\s+reported\s+on|on\s+or\s+(?:about|around|before))?\s*[^,.;]{3,40},\s*)?"
    r"(?:in|near|around|outside|at)\s+(?:the\s+)?(?:(?:town|city|village|municipality|district)\s+of\s+)?",
    re.IGNORECASE,
)
# A populated place this large has quarters the gazetteer does not list.
_CITY = 100_000
# A name the gazetteer does not know, qualified by the place that follows: "near Pyshchevyk, Donetsk".
# "in", "near", ... before an unknown name, and the name itself: capitalised words joined by particles.
_AT_BEFORE = r"\b(?:in|near|at|around|outside|of)\s+(?:the\s+)?"
_PARTICLES = "de|do|da|dos|das|del|di|du|al|el|la|le"


def _name_run(particles: str, gaps: str = "?") -> str:
    return rf"([A-Z][\w'’-]+(?:\s+(?:(?:{particles})\s+){gaps}[A-Z][\w'’-]+){{0,3}})"


_UNKNOWN_BEFORE = re.compile(
    _AT_BEFORE + r"(?:(?:village|town|area|locality)\s+(?:of\s+)?)?"
    + _name_run(_PARTICLES) + r"\s*(?:village|town|area|commune|locality)?\s*(?:,|\()\s*$"
)
# The same with a district word: "in Khogyani district, Nangarhar" (the district's seat is inside the province).
_UNKNOWN_DISTRICT_BEFORE = re.compile(
    _AT_BEFORE + _name_run(_PARTICLES + "|wa|e")
    + r"\s*(?:\([^()]{1,30}\)\s*)?(?:district|sub-?district|county|sub-?county|division|LGA|upazila|municipality|township)\s*(?:,|\()\s*$"
)
# And with "in"/"of": "Afrin city in Aleppo", "in Poienile de sub Munte of the Maramures county".
_UNKNOWN_IN_BEFORE = re.compile(
    _AT_BEFORE + _name_run(_PARTICLES + "|sub", "{0,2}") + r"\s+(?:(?:city|town|village|area)\s+)?(?:in|of)\s+(?:the\s+)?$"
)
# Between a place and the larger place that qualifies it: "Pyshchevyk, Donetsk", "Kinyinya commune (Ruyigi".
_QUALIFIER_GAP = re.compile(r"\s*(?:village|town|area|commune|locality|neighbou?rhood)?\s*(?:,|\()\s*", re.IGNORECASE)
_DISTRICT_AFTER = re.compile(r"^\s+(district|subdistrict|county|municipality|township|sector)\b", re.IGNORECASE)


def _cue(annotated: Annotated, place: PlaceMention | None) -> str | None:
    """The place's cue, with "near" when the words before it say so ("in the vicinity of X"), or
    when it stands in for a place the gazetteer lacks ("near Pyshchevyk, Donetsk": Donetsk)."""
    if place is None:
        return None
    text = annotated.document.article.text
    unknown = [
        p for p in annotated.in_sentence("places", place.sentence)
        if p.place is None and p.span.end <= place.span.start
        and _QUALIFIER_GAP.fullmatch(text, p.span.end, place.span.start)
    ]
    # A quarter of a city is coded at the city (geo_precision 1, "Usaquen, Bogota"); a village
    # in a province or near a small town at that place, as "near" (2).
    resolved = place.place
    city = resolved is not None and resolved.feature_class == "P" and resolved.population >= _CITY
    before = _UNKNOWN_BEFORE.search(text, max(0, place.span.start - 60), place.span.start)
    stand_in = bool(unknown) or bool(
        before and not any(
            p.place is not None and p.span.start < place.span.start and p.span.end > before.start(1)
            for p in annotated.in_sentence("places", place.sentence)
        )
    )
    if stand_in and city and resolved is not None and resolved.name.lower() == resolved.admin1.lower():
        city = False  # "Zzyzxville, Idlib": a qualifier named like its province means the province
    if stand_in and not city:
        return "near"
    if _NEAR_BEFORE.search(text, max(0, place.span.start - 40), place.span.start):
        return "near"
    if place.cue is None and (m := _DISTRICT_AFTER.match(text, place.span.end)):
        return m.group(1).lower()
    if place.cue is None and place.place is not None and place.place.feature_code == "ADM1":
        # Once the text says "Latakia province", a bare "Latakia" is the province too.
        name = re.escape(place.span.text)
        if re.search(rf"\b{name}\s+(?:province|governorate|region|state|oblast)\b|\b(?:province|governorate|region|state)\s+of\s+{name}\b", text, re.IGNORECASE):
            return "province"
    return place.cue


# A sentence that tells how the war began is history, not news ("the war began in March 2011 with protests").
_HISTORY = re.compile(
    r"\b(?:war|conflict|uprising|revolution|crisis|insurgency|civil\s+war)\s+(?:\w+\s+){0,2}(?:began|started|erupted|broke\s+out)\b",
    re.IGNORECASE,
)
# A sentence that sums up a long period ("Since the start of the year, air strikes have killed 6,000").
_SUMMARY = re.compile(
    r"\b(?:since\s+the\s+(?:start|beginning|outbreak|launch|onset)\s+of|so\s+far\s+this\s+(?:year|month)"
    r"|since\s+(?:19|20)\d\d|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:months|years))\b",
    re.IGNORECASE,
)
# Events dated longer ago than this before the report are background (the report's own news is recent).
BACKGROUND_DAYS = 365


def _background(annotated: Annotated, mention: EventMention, time: TimeMention | None, published: dt.date | None) -> bool:
    text = annotated.sentences[mention.sentence].text
    if _HISTORY.search(text):
        return True
    if _SUMMARY.search(text) and not any(t.precision == 1 for t in annotated.in_sentence("times", mention.sentence)):
        return True
    return time is not None and published is not None and (published - time.date).days > BACKGROUND_DAYS


def _first_sentence(annotated: Annotated, mention: EventMention) -> int:
    """The first sentence of the mention's paragraph (paragraphs are separated by newlines)."""
    text = annotated.document.article.text
    index = mention.sentence
    while index > 0 and "\n" not in text[annotated.sentences[index - 1].end : annotated.sentences[index].start]:
        index -= 1
    return index


def _same_paragraph(annotated: Annotated, a: int, b: int) -> bool:
    text = annotated.document.article.text
    lo, hi = sorted((a, b))
    return "\n" not in text[annotated.sentences[lo].start : annotated.sentences[hi].start]


def _fatalities(
    annotated: Annotated, mention: EventMention, event_sentences: set[int]
) -> tuple[int, int | None, int | None]:
    """The toll: the killed counts in the mention's sentence, else in the next sentences of its
    paragraph that report no event of their own. A stated "N fatalities" is the whole toll."""
    pool: list[CasualtyMention] = []
    for index in range(mention.sentence, min(len(annotated.sentences), mention.sentence + _TOLL_REACH + 1)):
        if index != mention.sentence and (
            not _same_paragraph(annotated, mention.sentence, index)
            or (index in event_sentences and not _elaborates(annotated, index))
        ):
            break
        killed = [c for c in annotated.in_sentence("casualties", index) if c.kind == "killed"]
        pool.extend(killed)
        if killed and index == mention.sentence:
            break
    # A coder's statement of the toll closes a note: it holds for the paragraph's events.
    stated = [
        c for c in annotated.casualties
        if c.sentence >= mention.sentence and _same_paragraph(annotated, c.sentence, mention.sentence)
        and c.kind == "killed" and _STATED_TOLL.search(c.span.text)
    ]
    coded = [c for c in stated if _CODED_TOLL.search(c.span.text)]
    split = [
        c for c in annotated.casualties
        if c.kind == "split" and c.sentence >= mention.sentence and _same_paragraph(annotated, c.sentence, mention.sentence)
    ]
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
        and _same_paragraph(annotated, mention.sentence, following)
        and bool(_VIOLENT_ACT.search(text, annotated.sentences[following].start, annotated.sentences[following].end))
    )


def _intervened(annotated: Annotated, mention: EventMention) -> bool:
    """The police acted on the protest in its sentence or the next two of its paragraph."""
    last = mention.sentence
    while last + 1 < len(annotated.sentences) and last < mention.sentence + 2 and _same_paragraph(annotated, mention.sentence, last + 1):
        last += 1
    text = annotated.document.article.text
    return bool(_INTERVENTION.search(text, annotated.sentences[mention.sentence].start, annotated.sentences[last].end))


def _elaborates(annotated: Annotated, index: int) -> bool:
    """A sentence that tells more of the event before it: it names no place and no time of its
    own ("... near Salagle town. Two militants were killed in the attack.")."""
    return not annotated.in_sentence("places", index) and not annotated.in_sentence("times", index)


def _event_time(annotated: Annotated, mention: EventMention) -> TimeMention | None:
    """The time phrase nearest the trigger in its sentence, else the last one earlier in the
    paragraph (a note's "On 9 May 2020, ..." dates the sentences that follow it)."""
    times = annotated.in_sentence("times", mention.sentence)
    anchor = event_anchor(annotated, mention)
    if times:
        # A date opening the sentence ("On 3 May 2020, ...") dates its main clause, even when a
        # background phrase ("... attempted suicide last week") sits nearer the trigger.
        start = annotated.sentences[mention.sentence].start
        opener = [t for t in times if t.span.start - start <= 6 and t.span.end <= anchor.start]
        if opener:
            return opener[0]
        return min(times, key=lambda t: abs(t.span.start - anchor.start))
    earlier = [
        t for t in annotated.times
        if t.sentence < mention.sentence and _same_paragraph(annotated, t.sentence, mention.sentence)
    ]
    if not earlier:
        return None
    # The latest dated sentence dates this one: by its opening date when it has one ("On 3 May
    # 2020, the families of X, one of whom ... last week, held a rally. One was arrested.").
    latest = [t for t in earlier if t.sentence == earlier[-1].sentence]
    start = annotated.sentences[latest[0].sentence].start
    opener = [t for t in latest if t.span.start - start <= 6]
    return opener[0] if opener else latest[-1]


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


def _event_place(annotated: Annotated, mention: EventMention, gazetteer: Gazetteer | None = None) -> PlaceMention | None:
    """The place where it happened: a resolved place in the sentence, nearest after the trigger
    (the object of "captured X", "in X"), else nearest before; a region only when it does not just
    qualify a town named with it ("in Jowai (Meghalaya)"); countries only as a last resort.
    With no place in the sentence: "the town" points back at the last town; else the nearest
    place named earlier in the document."""
    text = annotated.document.article.text
    # An actor's acronym is not a place: "(SNA)" is Somalia's army, not Sanaa.
    acronyms = [a.span for a in annotated.in_sentence("actors", mention.sentence) if a.span.text.isupper()]
    # A country that owns an embassy is not where the protest in front of it is ("the US embassy
    # in Addis Ababa", "the embassy of France").
    resolved = [
        p for p in annotated.in_sentence("places", mention.sentence)
        if p.place is not None and not any(s.start <= p.span.start and p.span.end <= s.end for s in acronyms)
        and not (p.place.feature_code.startswith("PCL") and (_EMBASSY_AFTER.match(text, p.span.end)
                 or _EMBASSY_BEFORE.search(text, max(0, p.span.start - 40), p.span.start)))
    ]
    places = _consensus(_drop_lookalike_qualifiers(resolved, text, gazetteer), annotated.country_code)
    # A road named after a town is not in it ("on Murree road in Rawalpindi city"): another place wins.
    off_road = [p for p in places if not _ROAD_AFTER.match(text, p.span.end)]
    places = off_road or places
    anchor = event_anchor(annotated, mention)
    local = [p for p in places if not p.place.feature_code.startswith("PCL")]  # type: ignore[union-attr]
    pool = _drop_qualifiers(local) or places
    if pool:
        # "On Friday, in Morelia, Michoacan, gunmen killed a driver in Colonia X": the place that
        # opens the sentence sets the scene; a later, smaller place inside it is rarely known.
        sentence_start = annotated.sentences[mention.sentence].start
        opener = [
            p for p in pool
            if p.span.end <= anchor.start and _OPENER.fullmatch(text, sentence_start, p.span.start)
        ]
        if opener:
            return opener[0]
        after = [p for p in pool if p.span.start >= anchor.end]
        before = [p for p in pool if p.span.end <= anchor.start]
        if after:
            return min(after, key=lambda p: p.span.start - anchor.end)
        if before:
            return min(before, key=lambda p: anchor.start - p.span.end)
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
    before_all = [p for p in annotated.places if p.place is not None and p.span.end <= sentence.start]
    local_before = _drop_qualifiers([p for p in before_all if not p.place.feature_code.startswith("PCL")])  # type: ignore[union-attr]
    if local_before or before_all:
        return (local_before or before_all)[-1]
    return None


_ROAD_AFTER = re.compile(r"[-\s]+(?:road|highway|street|avenue|bridge)\b", re.IGNORECASE)
_EMBASSY_AFTER = re.compile(r"[’']?s?\s+(?:embass(?:y|ies)|consulates?|high\s+commission|ambassador)\b", re.IGNORECASE)
_EMBASSY_BEFORE = re.compile(r"\b(?:embass(?:y|ies)|consulates?|high\s+commission|ambassador)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# Between a town and the district or province that qualifies it: "Bamenda town (Mezam, Nord-Ouest)",
# "Ketou, Plateau".
_QUALIFIER_LEAD = re.compile(
    r"\s*(?:township|district|sub-?district|county|municipality|village|town|city|commune|LGA)?\s*(?:\(|,)\s*(?:[^(),.;]{1,40},\s*)?",
    re.IGNORECASE,
)


def _drop_lookalike_qualifiers(places: list[PlaceMention], text: str, gazetteer: Gazetteer | None) -> list[PlaceMention]:
    """Without a region that qualifies the town before it but was resolved in another country:
    in "Bamenda town (Mezam, Nord-Ouest)" the ranker's Nord-Ouest is Haiti's department, a
    look-alike of Cameroon's North-West region, which holds Bamenda. Only when the town's name
    is known in one country alone and no other place of the sentence backs the region's country
    ("Rio Claro, Lara state": Rio Claro is a town of Brazil and of Trinidad, so Lara decides)."""
    if gazetteer is None:
        return places

    def lookalike(region: PlaceMention) -> bool:
        r = region.place
        if r is None or r.feature_class != "A" or r.feature_code.startswith("PCL"):
            return False
        if any(p is not region and p.place is not None and p.place.country_code == r.country_code for p in places):
            return False
        for town in places:
            t = town.place
            if (
                t is None or t.feature_class != "P" or t.country_code == r.country_code or town.span.end > region.span.start
                or not _QUALIFIER_LEAD.fullmatch(text, town.span.end, region.span.start)
            ):
                continue
            if {p.country_code for p in gazetteer.lookup(town.span.text, fuzzy=False)} == {t.country_code}:
                return True
        return False

    return [p for p in places if not lookalike(p)]


def _consensus(places: list[PlaceMention], focus: str | None) -> list[PlaceMention]:
    """The sentence's places in its main country: the country most of its places below country
    level lie in, the document's focus breaking a tie. In "Sosnovskoye, Donetsk" a Russian
    Sosnovskoye is a look-alike of the Ukrainian village."""
    votes = Counter(p.place.country_code for p in places if p.place is not None and not p.place.feature_code.startswith("PCL"))
    if len(votes) < 2:
        return places
    best = max(votes.values())
    leaders = sorted(code for code, n in votes.items() if n == best)
    main = focus if focus in leaders else (leaders[0] if len(leaders) == 1 else None)
    if main is None:
        return places
    return [p for p in places if p.place is not None and p.place.country_code == main]


def _drop_qualifiers(places: list[PlaceMention]) -> list[PlaceMention]:
    """Without the regions that hold another place of the list (admin1 or country of a named town)."""
    def holds(region: PlaceMention, other: PlaceMention) -> bool:
        r, o = region.place, other.place
        if r is None or o is None or r.geonameid == o.geonameid or r.country_code != o.country_code:
            return False
        if r.feature_code not in _REGION_CODES or o.feature_code in ("ADM1", "PCLI"):
            return False
        if r.feature_code.startswith("PCL"):
            return True
        if r.feature_code == "ADM1":
            return bool(r.admin1_code) and r.admin1_code == o.admin1_code
        return bool(r.admin2_code) and r.admin2_code == o.admin2_code and r.admin1_code == o.admin1_code
    return [p for p in places if not any(holds(p, o) for o in places)]


# Names in parentheses after a place: the district and province ACLED's notes add ("(Dori, Seno)").
_PARENTHESES = re.compile(r"\(([^()]{2,80})\)")
_ADMIN_WORDS = re.compile(r"\b(?:district|province|region|state|county|commune|municipality|department|governorate|oblast|LGA)\b\.?", re.IGNORECASE)


# An opening parenthesis with no closing one between it and a name: the name is inside it.
_IN_PARENTHESES = re.compile(r"\([^()]*$")


def _town_in_area(annotated: Annotated, mention: EventMention, place: PlaceMention, gazetteer: Gazetteer) -> PlaceMention | None:
    """A town named in the sentence's qualifiers or unresolved names, inside the region chosen
    as the event's place (or in the document's country when a country was chosen)."""
    chosen = place.place
    if chosen is None:
        return None
    text = annotated.document.article.text
    areas = [chosen] if chosen.feature_code in _ADMIN_AREAS or chosen.feature_code.startswith("PCL") else []
    if not areas and _IN_PARENTHESES.search(text, max(0, place.span.start - 60), place.span.start):
        # A town chosen for a name that qualifies another ("(Qandala, Bari)": Italy's Bari for
        # Puntland's region): the regions of that name may hold the named town.
        areas = [a for a in gazetteer.lookup(place.span.text, fuzzy=False) if a.feature_code in _ADMIN_AREAS]
    for area in areas:
        country = area.country_code if not area.feature_code.startswith("PCL") else None
        if country is not None and any(
            c.feature_class == "P" and _inside(c, area) for c in gazetteer.lookup(place.span.text, fuzzy=False)
        ):
            return None  # "central Tunceli": the province's capital bears its name
        town = _qualifier_place(annotated, mention, gazetteer, country)
        if town is None or town.place is None or town.place.feature_class != "P" or town.place.geonameid == chosen.geonameid:
            continue
        if country is None or _inside(town.place, area):
            return town
    return None


def _qualifier_place(
    annotated: Annotated, mention: EventMention, gazetteer: Gazetteer, country: str | None = None
) -> PlaceMention | None:
    """A stand-in for a place the gazetteer lacks: the first name that the gazetteer knows among
    the sentence's unresolved place names and the names in parentheses ("in Kinyinya commune
    (Ruyigi)"), in the document's country when it has one. A town is preferred to a region of
    the same name; a name found in several countries counts only if another name agrees."""
    sentence = annotated.sentences[mention.sentence]
    text = annotated.document.article.text
    names: list[tuple[str, int, int]] = [
        (p.span.text, p.span.start, p.span.end) for p in annotated.in_sentence("places", mention.sentence) if p.place is None
    ]
    unresolved = len(names)  # the names in parentheses come after these
    actors = annotated.in_sentence("actors", mention.sentence)
    for m in _PARENTHESES.finditer(text, sentence.start, sentence.end):
        for part in m.group(1).split(","):
            name = _ADMIN_WORDS.sub("", part).strip(" .;")
            start = m.start(1) + m.group(1).index(part)
            # "(SNA)" names an actor (Somalia's army), not a place (Sanaa).
            if len(name) > 2 and name[0].isupper() and not any(a.span.start <= start < a.span.end for a in actors):
                names.append((name, start, start + len(part)))
    if not names:
        return None
    options = [(name, start, end, gazetteer.lookup(name, fuzzy=False)) for name, start, end in names]
    # The country: the caller's, the document's, else the one country of the named sides ("SNA",
    # "Al Shabaab": Somalia).
    sides = {a.country for a in actors if a.country}
    focus = country or annotated.country_code or (next(iter(sides)) if len(sides) == 1 else None)
    if focus is None:
        votes = Counter(c for *_, found in options for c in {p.country_code for p in found})
        agreed = [c for c, n in votes.items() if n >= 2]
        focus = agreed[0] if len(agreed) == 1 else None
    for i, (name, start, end, found) in enumerate(options):
        pool = [p for p in found if focus is None or p.country_code == focus]
        if focus is None and len({p.country_code for p in pool}) != 1:
            continue
        if not pool and focus is not None and i >= unresolved:
            # Spellings of a district or province in parentheses differ ("Bulo Burto",
            # "Buulobarde"): a close name, in that country only.
            pool = [p for p in gazetteer.lookup(name, fuzzy=True) if p.country_code == focus]
        if not pool:
            continue
        best: Place = max(pool, key=lambda p: (p.feature_class == "P", p.population))
        return PlaceMention(Span(start, end, text[start:end]), mention.sentence, best, "near", 1.0)
    if country is None and annotated.country_code is not None:
        # The document's country may come from a foreign side's nationality ("Saudi forces shelled
        # Shada district (Saada)"): a name in parentheses that only one country knows is there.
        for i, (name, start, end, found) in enumerate(options):
            if i < unresolved or len({p.country_code for p in found}) != 1:
                continue
            best = max(found, key=lambda p: (p.feature_class == "P", p.population))
            return PlaceMention(Span(start, end, text[start:end]), mention.sentence, best, "near", 1.0)
    return None


# A capitalised run of words: a name the recognizer may have passed over ("Kisumu journalists").
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:(?:al|el|de|du|la)\s+)?[A-Z][\w'’-]+)*")
# A place named this way must be a town of some size: small ones share names with words and people.
_LAST_RESORT_POPULATION = 20_000
# With no country to go by, a name's largest place must be this many times larger than any abroad.
_DOMINANCE = 10
# The least rapidfuzz ratio of a close spelling ("Quamishli" for Al Qamishli is 87.5).
_CLOSE_SPELLING = 85


def _packaged_recognizer() -> Recognizer:
    # Deferred: the model is needed only when an event has no place.
    from ..geo.recognize import Recognizer

    return Recognizer.default()


def _common(word: str, lexicon: Recognizer) -> bool:
    """A word mostly written in lower case ("Five", "East", "Market"), or a month's or a day's name."""
    lower = word.lower().strip("'’")
    return lexicon.lowercase.get(lower, 0.0) >= 0.5 or lower in _CALENDAR


_CALENDAR = frozenset(
    [m.lower() for m in calendar.month_name[1:]] + [d.lower() for d in calendar.day_name]
)


def _last_resort(
    annotated: Annotated, mention: EventMention, gazetteer: Gazetteer, monitored: str | None, lexicon: Recognizer
) -> PlaceMention | None:
    """A place for an event whose document resolved none: ACLED's notes name the place, and
    the recognizer or the ranker may have passed over it. First a recognised but unresolved name by
    close spelling ("Quamishli city": Al Qamishli), then a town named inside a longer name ("the
    University of Hyderabad", "Five Kisumu journalists"). Either only in the document's country,
    or, with none, when the name's places lie in one country."""
    from ..geo.patterns import stop_words as _stop_words

    sentence = annotated.sentences[mention.sentence]
    text = annotated.document.article.text
    focus = annotated.country_code or monitored
    actors = [a.span for a in annotated.in_sentence("actors", mention.sentence)]
    stop = _stop_words()

    def pick(found: list[Place], minimum: int) -> Place | None:
        found = [p for p in found if p.feature_class in ("P", "A") and not p.feature_code.startswith("PCL")]
        pool = [p for p in found if p.country_code == focus] if focus else found
        if not pool:
            return None
        best = max(pool, key=lambda p: (p.feature_class == "P", p.population))
        if focus is None and any(
            p.country_code != best.country_code and p.population * _DOMINANCE > best.population for p in pool
        ):
            return None  # known in several countries, none of them by far the largest
        return best if best.population >= minimum or best.feature_code == "ADM1" else None

    for p in annotated.in_sentence("places", mention.sentence):
        if p.place is None and len(p.span.text) >= 5:
            close = [m for m in gazetteer.match(p.span.text, fuzzy=True) if m.score >= _CLOSE_SPELLING]
            # A very close spelling of a village ("Joubb Janine") counts whatever its size.
            exact_enough = all(m.score >= 90 for m in close)
            best = pick([m.place for m in close], 0 if exact_enough else 1_000)
            if best is not None:
                return PlaceMention(p.span, mention.sentence, best, p.cue, 1.0)
    for m in _CAPITALISED.finditer(text, sentence.start, sentence.end):
        if any(a.start <= m.start() < a.end for a in actors):
            continue
        words = list(re.finditer(r"\S+", m.group(0)))
        # Leading words that are mostly written in lower case ("Five", "The") do not name the place.
        while words and (_common(words[0].group(0), lexicon) or words[0].group(0).lower() in stop):
            words.pop(0)
        if not words or words[0].group(0) in lexicon.first_names:
            continue  # a person ("George Koch")
        # A name at the head of a longer one, longest first: "Port Elizabeth City Hall" is Port
        # Elizabeth; "Shiv Sena" is not Sanaa.
        for n in range(len(words), 0, -1):
            name = m.group(0)[words[0].start() : words[n - 1].end()]
            if len(name) < 4:
                continue
            best = pick(gazetteer.lookup(name, fuzzy=False), _LAST_RESORT_POPULATION)
            if best is not None:
                start = m.start() + words[0].start()
                return PlaceMention(Span(start, start + len(name), name), mention.sentence, best, None, 0.5)
    return None


# "Benito Juarez, Nuevo Leon", "Hyderabad city (Hyderabad, Sindh)": a place and the district or province after it.
_QUALIFIER_AFTER = re.compile(
    r"\s*(?:township|district|sub-?district|county|municipality|village|town|city|commune|LGA)?\s*"
    r"(?:\(([^()]{2,80})\)|,\s*([A-Z][\w'’. -]{1,40}?)\s*(?:state|province|department|region|governorate)?\s*(?:[,;.]|$))"
)
_ADMIN_AREAS = ("ADM1", "ADM2")


def _within_qualifier(annotated: Annotated, place: PlaceMention, gazetteer: Gazetteer) -> PlaceMention:
    """The town named with its province, inside that province. "Benito Juarez, Nuevo Leon" is the
    Benito Juárez of Nuevo León, not Mexico City's; in "Gaucha do Norte, Mato Grosso" the event is
    in the town the gazetteer knows inside Mato Grosso, not at a look-alike of the province's name."""
    text = annotated.document.article.text
    chosen = place.place
    if chosen is None:
        return place
    # The chosen place names a town: check it against the province after it.
    after = _QUALIFIER_AFTER.match(text, place.span.end)
    if after and not chosen.feature_code.startswith("PCL"):
        names = [_ADMIN_WORDS.sub("", n).strip(" .;") for n in (after.group(1) or after.group(2) or "").split(",")]
        names = [n for n in names if len(n) > 1]
        looked = [[a for a in gazetteer.lookup(n, fuzzy=False) if a.feature_code in _ADMIN_AREAS] for n in names]
        if any(_inside(chosen, a) for areas in looked for a in areas):
            return place
        # The widest qualifier (the province, named last) decides.
        areas = next((areas for areas in reversed(looked) if areas), [])
        if areas:
            inside = [c for c in gazetteer.lookup(place.span.text, fuzzy=False) if any(_inside(c, a) for a in areas)]
            if inside:
                return replace(place, place=max(inside, key=lambda c: (c.feature_class == "P", c.population)))
        return place
    # The chosen place qualifies an unknown name before it: look that name up inside it.
    window = max(0, place.span.start - 60)
    before = (
        _UNKNOWN_BEFORE.search(text, window, place.span.start)
        or _UNKNOWN_DISTRICT_BEFORE.search(text, window, place.span.start)
        or _UNKNOWN_IN_BEFORE.search(text, window, place.span.start)
    )
    if before is None:
        return place
    areas = [a for a in gazetteer.lookup(place.span.text, fuzzy=False) if a.feature_code in _ADMIN_AREAS]
    if not areas:
        return place
    inside = [c for c in gazetteer.lookup(before.group(1), fuzzy=False) if c.feature_class == "P" and any(_inside(c, a) for a in areas)]
    if not inside:
        # A spelling of its own ("Tlacotepec de Benito Juarez"): a close one, inside the area only.
        inside = [
            m.place for m in gazetteer.match(before.group(1), fuzzy=True)
            if m.score >= _CLOSE_SPELLING and m.place.feature_class == "P" and any(_inside(m.place, a) for a in areas)
        ]
    if not inside:
        return place
    start, end = before.span(1)
    return PlaceMention(Span(start, end, text[start:end]), place.sentence, max(inside, key=lambda c: c.population), place.cue, place.score)


# Where the OSCE Special Monitoring Mission observed ceasefire violations: the Donetsk and Luhansk
# oblasts (GeoNames admin1 codes of Ukraine).
_MONITORED_ADMIN1 = frozenset({"05", "14"})


def _in_monitored_area(place: PlaceMention, gazetteer: Gazetteer) -> PlaceMention:
    """The village of that name in the Donetsk or Luhansk oblast, for a note of the OSCE monitors:
    Ukraine has a dozen villages called Vesele, and the monitors watched only the line of contact."""
    chosen = place.place
    if chosen is None or chosen.feature_class != "P" or (chosen.country_code == "UA" and chosen.admin1_code in _MONITORED_ADMIN1):
        return place
    found = gazetteer.lookup(place.span.text, fuzzy=False) or [
        m.place for m in gazetteer.match(place.span.text, fuzzy=True) if m.score >= _CLOSE_SPELLING
    ]
    inside = [p for p in found if p.country_code == "UA" and p.admin1_code in _MONITORED_ADMIN1 and p.feature_class == "P"]
    if not inside:
        return place
    return replace(place, place=max(inside, key=lambda p: p.population))


# "38km SW of Afgooye", "10 km to the north of Golo": a distance and a bearing from the place named.
_OFFSET_BEFORE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:km|kms|kilomet(?:er|re)s?)\s+(?:to\s+the\s+)?"
    r"(north|south|east|west|north-?east|north-?west|south-?east|south-?west|[NSEW]|NE|NW|SE|SW)(?:ern)?"
    r"\s+(?:of|from)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$",
    re.IGNORECASE,
)
_BEARINGS = {"n": 0, "ne": 45, "e": 90, "se": 135, "s": 180, "sw": 225, "w": 270, "nw": 315}
# Farther than this, a stated distance is too rough to move the point by.
_MAX_OFFSET_KM = 150.0


def _offset(text: str, place: PlaceMention) -> PlaceMention | None:
    """The place moved by the distance and bearing written before it: "Aw Dheegle village (38km SW of
    Afgooye)" is 38 km south-west of Afgooye, where ACLED puts the village. The entry (its name and
    id) stays the reference town's; only the point moves."""
    if place.place is None or place.place.feature_class != "P":
        return None
    m = _OFFSET_BEFORE.search(text, max(0, place.span.start - 50), place.span.start)
    if m is None:
        return None
    km = float(m.group(1))
    if not 0 < km <= _MAX_OFFSET_KM:
        return None
    word = m.group(2).lower().replace("-", "")
    key = word if len(word) <= 2 else "".join(part[0] for part in re.findall(r"north|south|east|west", word))
    bearing = math.radians(_BEARINGS[key])
    lat1, lon1 = math.radians(place.place.latitude), math.radians(place.place.longitude)
    d = km / 6371.0
    lat2 = math.asin(math.sin(lat1) * math.cos(d) + math.cos(lat1) * math.sin(d) * math.cos(bearing))
    lon2 = lon1 + math.atan2(math.sin(bearing) * math.sin(d) * math.cos(lat1), math.cos(d) - math.sin(lat1) * math.sin(lat2))
    moved = replace(place.place, latitude=math.degrees(lat2), longitude=(math.degrees(lon2) + 540) % 360 - 180)
    return replace(place, place=moved, cue="near")


def _abroad(annotated: Annotated, mention: EventMention, place: PlaceMention, gazetteer: Gazetteer) -> PlaceMention | None:
    """The event's place at home when the pick is a look-alike abroad: "Daarasalaam village
    (Qoryooley, Lower Shabelle)" is not Tanzania's Dar es Salaam. Home is the one country of the
    names the gazetteer knows in the parentheses right after the pick. The pick stands when another
    place of the sentence lies in its country. Then the same name at home, else
    the stand-in the qualifiers give (``_qualifier_place``)."""
    chosen = place.place
    if chosen is None or chosen.feature_code.startswith("PCL") or place.sentence != mention.sentence:
        return None
    text = annotated.document.article.text
    if not re.match(r"\s*(?:village|town|city|area|locality|commune)?\s*\(", text[place.span.end :]):
        return None
    home = _parenthesised_country(annotated, mention, gazetteer)
    if home is None or chosen.country_code == home:
        return None
    if any(
        p is not place and p.place is not None and p.place.country_code == chosen.country_code
        and not p.place.feature_code.startswith("PCL")
        for p in annotated.in_sentence("places", mention.sentence)
    ):
        return None
    named = gazetteer.lookup(place.span.text, fuzzy=False)
    if {c.country_code for c in named} == {chosen.country_code}:
        return None  # a name known in that country alone ("Bamenda town (Mezam, Nord-Ouest)")
    same = [c for c in named if c.country_code == home]
    if same:
        return replace(place, place=max(same, key=lambda c: (c.feature_class == "P", c.population)))
    stand_in = _qualifier_place(annotated, mention, gazetteer, home)
    if stand_in is None or stand_in.place is None or stand_in.place.country_code != home:
        return None
    return stand_in


def _parenthesised_country(annotated: Annotated, mention: EventMention, gazetteer: Gazetteer) -> str | None:
    """The one country of the names the gazetteer knows in the sentence's parentheses ("(Jalalaqsi,
    Hiraan)": Somalia), if they agree."""
    sentence = annotated.sentences[mention.sentence]
    text = annotated.document.article.text
    countries: set[str] = set()
    for m in _PARENTHESES.finditer(text, sentence.start, sentence.end):
        for part in m.group(1).split(","):
            name = _ADMIN_WORDS.sub("", part).strip(" .;")
            if len(name) > 2 and name[0].isupper():
                found = {p.country_code for p in gazetteer.lookup(name, fuzzy=False) if p.country_code}
                if len(found) == 1:
                    countries |= found
    return countries.pop() if len(countries) == 1 else None


def _inside(place: Place, area: Place) -> bool:
    if place.country_code != area.country_code or not area.admin1_code or place.admin1_code != area.admin1_code:
        return False
    return area.feature_code == "ADM1" or (bool(area.admin2_code) and place.admin2_code == area.admin2_code)
