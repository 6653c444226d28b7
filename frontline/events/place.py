"""place: where an event happened, chosen among the places its document names.

ACLED codes each event at the best location it can: the place the sentence names (nearest after
the trigger), else the nearest place named before it; a region only when it does not just qualify a
town named with it. When the gazetteer lacks the place, a town or region among the sentence's
qualifiers stands in for it ("near", geo_precision 2), and as a last resort a name the recognizer
passed over is looked up. Distances and bearings ("38km SW of Afgooye") move the point.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from ..geo.dateline import dateline_span, filed_abroad, outlet_country
from ..geo.gazetteer import Gazetteer
from ..geo.patterns import stop_words
from ..geo.resolve import names_nationality
from ..geo.toponyms import without_stand_ins
from ..records import Annotated, EventMention, Place, PlaceMention, Span
from .earlier_places import (
    drop_qualifiers,
    last_area_before,
    last_place_before,
    last_town_before,
)
from .geocode import own_province
from .not_the_scene import acts, not_the_scene, part_of_another
from .precision import place_cue
from .qualifiers import (
    ALL_ENTRIES,
    CLOSE_SPELLING,
    DISTRICT_WORD_AFTER,
    abroad,
    in_outlet_name,
    qualifier_place,
    town_called,
    town_in_area,
    within_qualifier,
)
from .roles import event_anchor
from .speakers import speaks
from .unnamed_sides import km_to_contact_line

if TYPE_CHECKING:
    from ..geo.recognize import Recognizer

_ANAPHORA = re.compile(r"\b(?:the|this|that)\s+(town|village|city)\b", re.IGNORECASE)  # back at the last such place
_AREA_ANAPHORA = re.compile(r"\b(?:in|across|around|throughout)\s+(?:the|this|that)\s+(?:area|region)\b", re.IGNORECASE)
# Monitors whose reports are about one country: a note naming them is in that country.
_MONITORS_UA = re.compile(r"\bOSCE\s+(?:SMM|Special\s+Monitoring\s+Mission)\b|\bSpecial\s+Monitoring\s+Mission\s+to\s+Ukraine\b")


def monitored_country(text: str) -> str | None:
    """ISO2 of the one country whose monitors the text cites: the OSCE Special Monitoring Mission
    reported from Ukraine only, so its villages are Ukraine's (many share names with Russian ones)."""
    return "UA" if _MONITORS_UA.search(text) else None


def choose_place(
    annotated: Annotated,
    mention: EventMention,
    gazetteer: Gazetteer | None,
    recognizer: Recognizer | None,
    monitored: str | None,
) -> tuple[PlaceMention | None, str | None]:
    """The event's place and its cue ("near", "district", ...). With a ``gazetteer``, an event whose
    place is unknown falls back to the larger place that qualifies it ("Kinyinya commune (Ruyigi)":
    Ruyigi, "near"); ``recognizer`` lends its lexicon to the last-resort search (None: the packaged
    model). ``monitored`` is ``monitored_country`` of the article."""
    place = _event_place(annotated, mention, gazetteer)
    fallback = place is None and gazetteer is not None
    if fallback and gazetteer is not None:
        place = qualifier_place(annotated, mention, gazetteer, monitored if annotated.country_code is None else None)
        home = outlet_country(annotated.document.article.source)
        if place is not None and place.place is not None and home and place.place.country_code != home:
            place = None  # a monitor of one country ("SOHR") names its places: "al-Marj" is not Al Marj, Libya
        if place is None:
            # The last resort finds the place named itself, not a stand-in: its own precision.
            place = _last_resort(annotated, mention, gazetteer, monitored, recognizer or _packaged_recognizer())
            fallback = False
    elif place is not None and gazetteer is not None and place.sentence == mention.sentence:
        qualified = within_qualifier(annotated, place, gazetteer)
        # The province standing in for a district the text names ("Muqur district, Badghis") is at the district's precision.
        if qualified.span != place.span and (d := DISTRICT_WORD_AFTER.match(annotated.document.article.text, place.span.end)):
            return qualified, d.group(1).lower().replace("-", "")
        place = qualified
        # A region or a country stands in for a village the gazetteer lacks ("near Warmahan
        # village (Afgooye, Lower Shabelle)"): a town of the qualifier inside it is nearer.
        town = town_in_area(annotated, mention, place, gazetteer)
        if town is not None:
            place, fallback = town, True
        else:
            at_home = abroad(annotated, mention, place, gazetteer)
            if at_home is not None:
                # A stand-in from the qualifiers is "near" (geo_precision 2); the same name at home is not.
                place, fallback = at_home, at_home.span != place.span
    if monitored and place is not None and place.place is not None and gazetteer is not None:
        place = _in_monitored_area(place, gazetteer)
    if place is not None:
        moved = _offset(annotated.document.article.text, place)
        if moved is not None:
            place, fallback = moved, True
    return place, "near" if fallback and place is not None else place_cue(annotated, place)


# What may come before a place that opens its sentence: a time phrase, then "in"/"near".
_OPENER = re.compile(
    r"\W*(?:(?:on|around|as\s+reported\s+on|on\s+or\s+(?:about|around|before))?\s*[^,.;]{3,40},\s*)?"
    r"(?:in|near|around|outside|at)\s+(?:the\s+)?(?:(?:town|city|village|municipality|district)\s+of\s+)?",
    re.IGNORECASE,
)

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
    # in Addis Ababa", "the embassy of France"); nor is one that qualifies a noun ("two U.S. citizens").
    resolved = [
        p for p in annotated.in_sentence("places", mention.sentence)
        if p.place is not None and not any(s.start <= p.span.start and p.span.end <= s.end for s in acronyms)
        and not (p.place.feature_code.startswith("PCL") and (_EMBASSY_AFTER.match(text, p.span.end) or names_nationality(text, p.span.end, p.span.start)
                 or _EMBASSY_BEFORE.search(text, max(0, p.span.start - 40), p.span.start)))
        and not speaks(text, p)
        # Who acted ("Russia launched", "brokered by the US and Russia"), a dateline in the text ("MOSCOW (Sputnik)"),
        # where talks were held ("peace talks in Geneva"): not where the event happened.
        and not not_the_scene(text, p, mention.event_type)
    ]
    resolved = [p for p in resolved if not part_of_another(text, p, resolved)]
    # The dateline's city is where the report was filed: "BUENOS AIRES, 13 DEC 89 (AFP) -- ... A VIOLENT EXPLOSION
    # DAMAGED THE CONSULATE IN SANTIAGO" is in Santiago. It stays a candidate only when its sentence names no
    # other place, and not at all when the report is filed abroad (in another country than its focus).
    filed = _filed(annotated)
    abroad = annotated.derived("filed_abroad", lambda a: filed_abroad(filed, a.places, a.country_code))
    if filed is not None:
        inside = [p for p in resolved if not (filed[0] <= p.span.start and p.span.end <= filed[1])]
        resolved = inside if abroad else inside or resolved
    candidates = _drop_lookalike_qualifiers(resolved, text, gazetteer)
    agreed = _consensus(candidates, annotated.country_code)
    # "A bomb exploded in the Peruvian town of Yunguyo, 10 km from Copacabana": the text says the town's country.
    places = [p for p in candidates if p in agreed or _nation_says(text, p, gazetteer)]
    # A road named after a town is not in it ("on Murree road in Rawalpindi city"): another place wins.
    off_road = [p for p in places if not _ROAD_AFTER.match(text, p.span.end)]
    places = off_road or places
    # Where a convoy was going or coming from is not where it was hit ("forces travelling to Mogadishu,
    # in Afgooye town"): another place of the sentence wins.
    staying = [p for p in places if not _TRAVEL_BEFORE.search(text, max(0, p.span.start - 40), p.span.start)]
    places = staying or places
    anchor = event_anchor(annotated, mention)
    # A foreign country named before the act with no "in" is who acted, not where ("Russia has intensified its air
    # raids", "Turkey and the coalition carried out strikes"): the document's own country stands in.
    places = [p for p in places if not _foreign_subject(text, p, anchor.start, annotated.country_code)]
    local = [p for p in places if not p.place.feature_code.startswith("PCL")]  # type: ignore[union-attr]
    # Countries only: one said where it happened ("in northern Syria") before one said as who acted ("the US
    # would intensify its airstrikes against IS in northern Syria").
    pool = drop_qualifiers(local) or [p for p in places if _IN_BEFORE.search(text, max(0, p.span.start - 30), p.span.start)] or places
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
    called = town_called(annotated, mention, gazetteer) if gazetteer is not None else None
    if called is not None:
        return called  # "the towns of Jocoro and Guadalupe were attacked": a town the recognizer passed over
    sentence = annotated.sentences[mention.sentence]
    anaphor = _ANAPHORA.search(sentence.text)
    if anaphor:
        town = last_town_before(annotated, sentence.start)
        if town is not None:
            return town
    if _AREA_ANAPHORA.search(sentence.text):
        area = last_area_before(annotated, sentence.start)
        if area is not None:
            return area
    earlier = last_place_before(annotated, sentence.start)
    # Not where an earlier statement was made ("a Britain-based monitor", "said in Geneva"); each step goes back.
    # Nor who spoke or acted ("officials in Washington said", "heavy U.S. raids on IS" in the headline).
    while earlier is not None and (
        text[earlier.span.end:earlier.span.end + 6].lower() == "-based" or speaks(text, earlier) or (
            # Of an earlier sentence, the focus country's own capital acting ("Damascus denied responsibility") is
            # still in the right country; going further back finds a guess no better ("Al-Quds hospital" as Jerusalem).
            not_the_scene(text, earlier, mention.event_type)
            and not (earlier.place is not None and earlier.place.country_code == annotated.country_code and acts(text, earlier))
        )
    ):
        earlier = last_place_before(annotated, earlier.span.start)
    return None if abroad and filed is not None and earlier is not None and filed[0] <= earlier.span.start < filed[1] else earlier


_TRAVEL_BEFORE = re.compile(
    r"\b(?:travel(?:l)?ing|heading|moving|driving|going|returning|en\s+route|on\s+(?:its|their|his|her|the)\s+way|bound)"
    r"\s+(?:back\s+)?(?:to|towards?|from)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$",
    re.IGNORECASE,
)
_ROAD_AFTER = re.compile(r"[-\s]+(?:road|highway|street|avenue|bridge)\b", re.IGNORECASE)
_EMBASSY_AFTER = re.compile(r"[’']?s?\s+(?:embass(?:y|ies)|consulates?|high\s+commission|ambassador)\b", re.IGNORECASE)
_EMBASSY_BEFORE = re.compile(r"\b(?:embass(?:y|ies)|consulates?|high\s+commission|ambassador)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# Between a town and the district or province that qualifies it: "Bamenda town (Mezam, Nord-Ouest)", "Ketou, Plateau".
_QUALIFIER_LEAD = re.compile(
    r"\s*(?:township|district|sub-?district|county|municipality|village|town|city|commune|LGA)?\s*(?:\(|,)\s*(?:[^(),.;]{1,40}(?:,|\()\s*)?",
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
            # The region's namesake in the town's country holds the town ("Jalalabad, Fazilka (Punjab)": India's Punjab).
            if any(a.country_code == t.country_code and a.feature_code == r.feature_code == "ADM1" and a.admin1_code == t.admin1_code
                   for a in gazetteer.lookup(region.span.text, fuzzy=False)):
                return True
        return False

    return [p for p in places if not lookalike(p)]


def _filed(annotated: Annotated) -> tuple[int, int] | None:
    """Where the document's dateline stands (``dateline_span``), found once per document."""
    return annotated.derived("dateline_span", lambda a: dateline_span(a.document.article.text))


def _foreign_subject(text: str, p: PlaceMention, anchor: int, focus: str | None) -> bool:
    place = p.place
    return (place is not None and place.feature_code.startswith("PCL") and focus is not None and place.country_code != focus
            and p.span.end <= anchor and not _LOCATIVE_BEFORE.search(text, max(0, p.span.start - 30), p.span.start))


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|into|inside|across|throughout|to|from|within|on|over|of)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)


_IN_BEFORE = re.compile(r"\b(?:in|inside|across|throughout|within)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)


_NATION_TOWN_OF = re.compile(r"\b([A-Za-z]+)\s+(?:border\s+)?(?:town|city|village|port|hamlet|municipality|province|department)\s+of\s+$", re.IGNORECASE)


def _nation_says(text: str, place: PlaceMention, gazetteer: Gazetteer | None) -> bool:
    """The text names the place's country with it ("the Peruvian town of Yunguyo"): no vote overrules that."""
    m = _NATION_TOWN_OF.search(text, max(0, place.span.start - 40), place.span.start)
    return bool(m and gazetteer is not None and place.place is not None and gazetteer.country_for_adjective(m.group(1)) == place.place.country_code)


def _consensus(places: list[PlaceMention], focus: str | None) -> list[PlaceMention]:
    """The sentence's places in its main country: the country most of its places below country
    level lie in, the document's focus breaking a tie. In "Sosnovskoye, Donetsk" a Russian
    Sosnovskoye is a look-alike of the Ukrainian village."""
    votes = Counter(p.place.country_code for p in places if p.place is not None and not p.place.feature_code.startswith("PCL"))
    if len(votes) < 2:
        return places
    # A country the sentence names votes for its own places ("kidnapped in Colombia ... from Medellin").
    votes.update(p.place.country_code for p in places if p.place is not None and p.place.feature_code.startswith("PCL") and p.place.country_code in votes)
    best = max(votes.values())
    leaders = sorted(code for code, n in votes.items() if n == best)
    main = focus if focus in leaders else (leaders[0] if len(leaders) == 1 else None)
    if main is None:
        return places
    return [p for p in places if p.place is not None and p.place.country_code == main]


# A capitalised run of words: a name the recognizer may have passed over ("Kisumu journalists").
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:(?:al|el|de|du|la)\s+)?[A-Z][\w'’-]+)*")
# A place named this way must be a town of some size: small ones share names with words and people.
_LAST_RESORT_POPULATION = 20_000
# With no country to go by, a name's largest place must be this many times larger than any abroad.
_DOMINANCE = 10


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
    sentence = annotated.sentences[mention.sentence]
    text = annotated.document.article.text
    # A monitor of one country ("SOHR") names that country's places: its headlines' last resort stays there,
    # whatever look-alike abroad the focus rests on ("al-Marj" at Al Marj, Libya: the text's only vote).
    focus = outlet_country(annotated.document.article.source) or annotated.country_code or monitored
    actors = [a.span for a in annotated.in_sentence("actors", mention.sentence)]
    stop = stop_words()

    def pick(found: list[Place], minimum: int) -> Place | None:
        found = [p for p in without_stand_ins(tuple(found)) if p.feature_class in ("P", "A") and not p.feature_code.startswith("PCL")]
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
        if p.place is None and len(p.span.text) >= 5 and not in_outlet_name(text, p.span.start):
            close = [m for m in gazetteer.match(p.span.text, fuzzy=True) if m.score >= CLOSE_SPELLING]
            # A very close spelling of a village ("Joubb Janine") counts whatever its size.
            exact_enough = all(m.score >= 90 for m in close)
            best = pick([m.place for m in close], 0 if exact_enough else 1_000)
            if best is not None:
                return PlaceMention(p.span, mention.sentence, best, p.cue, 1.0)
    outlets = []
    countries: list[PlaceMention] = []  # countries named at the head of a capitalised run ("Overnight Syria Airstrikes")
    for m in _CAPITALISED.finditer(text, sentence.start, sentence.end):
        if any(a.start <= m.start() < a.end for a in actors):
            continue
        if in_outlet_name(text, m.start()):
            outlets.append(m)
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
            entries = gazetteer.lookup(name, fuzzy=False)
            best = pick(entries, _LAST_RESORT_POPULATION)
            start = m.start() + words[0].start()
            at = None if best is None else PlaceMention(Span(start, start + len(name), name), mention.sentence, best, None, 0.5)
            if at is not None and not not_the_scene(text, at):  # not "the White House" (Casablanca's name)
                return at
            # Not a country named as who acted ("after Russia launched air strikes"): ``not_the_scene``.
            countries += [c for p in entries if p.feature_code.startswith("PCL")
                          if not not_the_scene(text, c := PlaceMention(Span(start, start + len(name), name), mention.sentence, p, None, 0.25))]
    # Nothing else: a regional paper reports its region's events ("reports Imphal Free Press" of a
    # kidnapping in Kangpokpi), so its town's province stands in, at the province's precision.
    for m in outlets:
        town = next((w.group(0) for w in re.finditer(r"\S+", m.group(0)) if w.group(0) != "The"), "")
        found = pick(gazetteer.lookup(town, fuzzy=False), _LAST_RESORT_POPULATION) if len(town) >= 4 else None
        region = None if found is None else found if found.feature_code == "ADM1" else own_province(found, gazetteer)
        if region is not None:
            start = m.start() + m.group(0).index(town)
            return PlaceMention(Span(start, start + len(town), town), mention.sentence, region, "province", 0.25)
    # Last: the one country the sentence names (or the document's among several) stands in, at its precision.
    # Not the country a dateline files the report from ("SAN JOSE (COSTA RICA), 27 SEP 89 (AFP) -- ...").
    filed = _filed(annotated)
    named = {c.place.country_code: c for c in reversed(countries)
             if c.place is not None and not (filed is not None and filed[0] <= c.span.start < filed[1])}
    if focus:
        return named.get(focus)
    return next(iter(named.values())) if len(named) == 1 else None


# Where the OSCE Special Monitoring Mission observed ceasefire violations: Donetsk and Luhansk (GeoNames admin1 codes).
_MONITORED_ADMIN1 = frozenset({"05", "14"})


def _in_monitored_area(place: PlaceMention, gazetteer: Gazetteer) -> PlaceMention:
    """The village of that name in the Donetsk or Luhansk oblast nearest the line of contact, for a note of the
    OSCE monitors: Ukraine has a dozen villages called Vesele, two of them in Donetsk oblast, and the monitors
    watched only the line."""
    chosen = place.place
    if chosen is None or chosen.feature_class != "P":
        return place
    found = gazetteer.lookup(place.span.text, fuzzy=False, limit=ALL_ENTRIES) or [
        m.place for m in gazetteer.match(place.span.text, fuzzy=True) if m.score >= CLOSE_SPELLING
    ]
    inside = [p for p in found if p.country_code == "UA" and p.admin1_code in _MONITORED_ADMIN1 and p.feature_class == "P"]
    if not inside:
        return place
    return replace(place, place=min(inside, key=lambda p: (round(km_to_contact_line(p.latitude, p.longitude)), -p.population)))



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
