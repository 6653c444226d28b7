"""qualifiers: the larger places named with a place ("Pyshchevyk, Donetsk", "Kinyinya commune (Ruyigi)").

ACLED's notes qualify a village with its district and province. When the gazetteer lacks the village,
a place among its qualifiers stands in for it; when the gazetteer has several places of its name, the
qualifiers pick the one inside them, or the one at home rather than a look-alike abroad.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from rapidfuzz import fuzz

from ..geo.gazetteer import Gazetteer, normalize, skeleton
from ..records import Annotated, EventMention, Place, PlaceMention, Span

# The least rapidfuzz ratio of a close spelling ("Quamishli" for Al Qamishli is 87.5).
CLOSE_SPELLING = 85
# Every entry of a name, however many: the one inside the province named with it may be the least populous of
# dozens ("La Libertad, Arequipa": the Arequipa town of population 0 is 31st of 31, past ``lookup``'s 25).
ALL_ENTRIES = 1000
# A name the gazetteer does not know, qualified by the place that follows: "near Pyshchevyk, Donetsk".
# "in", "near", ... before an unknown name, and the name itself: capitalised words joined by particles.
_AT_BEFORE = r"\b(?:in|near|at|around|outside|of)\s+(?:the\s+)?"
_PARTICLES = "de|do|da|dos|das|del|di|du|al|el|la|le"


def _name_run(particles: str, gaps: str = "?") -> str:
    return rf"([A-Z][\w'’-]+(?:\s+(?:(?:{particles})\s+){gaps}[A-Z][\w'’-]+){{0,3}})"


UNKNOWN_BEFORE = re.compile(
    _AT_BEFORE + r"(?:(?:village|town|area|locality)\s+(?:of\s+)?)?"
    + _name_run(_PARTICLES) + r"\s*(?:village|town|area|commune|locality)?\s*(?:,|\()\s*$"
)
# The same with a district word: "in Khogyani district, Nangarhar" (the district's seat is inside the province).
UNKNOWN_DISTRICT_BEFORE = re.compile(
    _AT_BEFORE + _name_run(_PARTICLES + "|wa|e")
    + r"\s*(?:\([^()]{1,30}\)\s*)?(?:district|sub-?district|county|sub-?county|division|LGA|upazila|municipality|township)\s*(?:,|\()\s*$"
)
# And with "in"/"of": "Afrin city in Aleppo", "in Poienile de sub Munte of the Maramures county".
_UNKNOWN_IN_BEFORE = re.compile(
    _AT_BEFORE + _name_run(_PARTICLES + "|sub", "{0,2}") + r"\s+(?:(?:city|town|village|area)\s+)?(?:in|of)\s+(?:the\s+)?$"
)

# Names in parentheses after a place: the district and province ACLED's notes add ("(Dori, Seno)").
_PARENTHESES = re.compile(r"\(([^()]{2,80})\)")
_ADMIN_WORDS = re.compile(r"\b(?:district|province|region|state|county|commune|municipality|department|governorate|oblast|LGA)\b\.?", re.IGNORECASE)


# An opening parenthesis with no closing one between it and a name: the name is inside it.
_IN_PARENTHESES = re.compile(r"\([^()]*$")


def town_in_area(annotated: Annotated, mention: EventMention, place: PlaceMention, gazetteer: Gazetteer) -> PlaceMention | None:
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
            c.feature_class == "P" and _inside(c, area) for c in gazetteer.lookup(place.span.text, fuzzy=False, limit=ALL_ENTRIES)
        ):
            return None  # "central Tunceli": the province's capital bears its name
        town = qualifier_place(annotated, mention, gazetteer, country)
        if town is None or town.place is None or town.place.feature_class != "P" or town.place.geonameid == chosen.geonameid:
            continue
        if country is None or _inside(town.place, area):
            return town
    return None


# Within the capitalised name after "reports": the outlet a summary cites ("reports The Assam Tribune" of a
# bomb in Manipur), never the event's place.
_OUTLET_BEFORE = re.compile(r"\breports\s+(?:The\s+)?(?:[A-Z][\w'’&-]*\s+){0,3}$")


def in_outlet_name(text: str, start: int) -> bool:
    """Whether a name starting at ``start`` is part of the outlet a summary cites (", reports The Assam Tribune")."""
    return _OUTLET_BEFORE.search(text, max(0, start - 40), start) is not None


def qualifier_place(
    annotated: Annotated, mention: EventMention, gazetteer: Gazetteer, country: str | None = None
) -> PlaceMention | None:
    """A stand-in for a place the gazetteer lacks: the first name that the gazetteer knows among
    the sentence's unresolved place names and the names in parentheses ("in Kinyinya commune
    (Ruyigi)"), in the document's country when it has one. A town is preferred to a region of
    the same name; a name found in several countries counts only if another name agrees."""
    sentence = annotated.sentences[mention.sentence]
    text = annotated.document.article.text
    names: list[tuple[str, int, int]] = [
        (p.span.text, p.span.start, p.span.end) for p in annotated.in_sentence("places", mention.sentence)
        if p.place is None and not in_outlet_name(text, p.span.start)
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



# "Benito Juarez, Nuevo Leon", "Hyderabad city (Hyderabad, Sindh)": a place and the district or province after it.
_QUALIFIER_AFTER = re.compile(
    r"\s*(?:township|district|sub-?district|county|municipality|village|town|city|commune|LGA)?\s*"
    r"(?:\(([^()]{2,80})\)|,\s*([A-Z][\w'’. -]{1,40}?)\s*(?:state|province|department|region|governorate)?\s*(?:[,;.]|$))"
)
_ADMIN_AREAS = ("ADM1", "ADM2")
# A district named after a town ("Muqur district, Badghis"): the word, for the cue of the province standing in.
DISTRICT_WORD_AFTER = re.compile(r"\s*(district|sub-?district|municipality|township)\b", re.IGNORECASE)


def within_qualifier(annotated: Annotated, place: PlaceMention, gazetteer: Gazetteer) -> PlaceMention:
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
            inside = _named_inside(place.span.text, areas, gazetteer)
            if inside:
                return replace(place, place=max(inside, key=lambda c: (c.feature_class == "P", c.population)))
            # No such town inside the province named with it: the pick is a look-alike elsewhere ("Muqur district,
            # Badghis" is not Ghazni's Muqur), and the province stands in for the town the gazetteer lacks.
            # Only for a district the text names, and inside the pick's own country: a province abroad is the
            # look-alike ("Bamenda town (Mezam, Nord-Ouest)"), and a town's later checks see to the rest.
            qualifier = next((p for p in annotated.in_sentence("places", place.sentence)
                              if p.span.start >= after.start() and p.span.end <= after.end() and p.place in areas
                              and p.place is not None and p.place.country_code == chosen.country_code), None)
            if qualifier is not None and DISTRICT_WORD_AFTER.match(text, place.span.end):
                return qualifier
        return place
    # The chosen place qualifies an unknown name before it: look that name up inside it.
    named = _unresolved_inside(annotated, place, gazetteer)
    if named is not None:
        return named
    window = max(0, place.span.start - 60)
    before = (
        UNKNOWN_BEFORE.search(text, window, place.span.start)
        or UNKNOWN_DISTRICT_BEFORE.search(text, window, place.span.start)
        or _UNKNOWN_IN_BEFORE.search(text, window, place.span.start)
    )
    if before is None:
        return place
    areas = [a for a in gazetteer.lookup(place.span.text, fuzzy=False) if a.feature_code in _ADMIN_AREAS]
    if not areas:
        return place
    inside = [c for c in gazetteer.lookup(before.group(1), fuzzy=False, limit=ALL_ENTRIES) if c.feature_class == "P" and any(_inside(c, a) for a in areas)]
    if not inside:
        # A spelling of its own ("Tlacotepec de Benito Juarez"): a close one, inside the area only.
        inside = _spelled_inside(before.group(1), areas, gazetteer)
    if not inside:
        return place
    start, end = before.span(1)
    return PlaceMention(Span(start, end, text[start:end]), place.sentence, max(inside, key=lambda c: c.population), place.cue, place.score)



def _named_inside(name: str, areas: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """The entries of ``name`` inside one of ``areas``; with none, the populated places inside them whose name is
    ``name`` and one word more ("Benito Juarez, Nuevo Leon": Ciudad Benito Juárez), since GeoNames often writes
    a town with the word for town or city that the news leaves out."""
    inside = [c for c in gazetteer.lookup(name, fuzzy=False, limit=ALL_ENTRIES) if any(_inside(c, a) for a in areas)]
    if inside:
        return inside
    key = normalize(name)
    if not key:
        return []
    longer = []
    for c in gazetteer.search(name, limit=ALL_ENTRIES):
        other = normalize(c.name)
        extra = other.removesuffix(" " + key) if other.endswith(" " + key) else other.removeprefix(key + " ")
        if c.feature_class == "P" and extra != other and " " not in extra and any(_inside(c, a) for a in areas):
            longer.append(c)
    return longer or _spelled_inside(name, areas, gazetteer)


def _spelled_inside(name: str, areas: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """Populated places inside ``areas`` spelled closely like ``name`` ("Bara in Idleb": Barah), whether or not
    the name has exact entries elsewhere: ``Gazetteer.match`` looks for look-alikes only when there are none, and
    "Bara" has twelve, none in Idlib. Candidates: look-alikes, and the full-text hits of the name's words."""
    key, skel = normalize(name), skeleton(name)
    found = {m.place.geonameid: m.place for m in gazetteer.match(name, fuzzy=True) if m.score >= CLOSE_SPELLING}
    for c in gazetteer.search(name, limit=ALL_ENTRIES):
        other = normalize(c.name)
        if (skel and skeleton(c.name) == skel) or fuzz.ratio(key, other) >= CLOSE_SPELLING:
            found.setdefault(c.geonameid, c)
    return [c for c in found.values() if c.feature_class == "P" and any(_inside(c, a) for a in areas)]


# Between a name and the area that qualifies it: "Jalalabad, Fazilka (Punjab)", "Kagara (Rafi LGA, Niger)", "Bara in Idleb".
_QUALIFIED_BY = re.compile(
    # "Mogadishu-Hodan district (Hodan, Banadir)": a city's quarter, written after the city's name.
    r"(?:-[^(),.;-]{1,30}?\s+(?:district|neighbou?rhood|quarter|zone)\b)?"
    r"\s*(?:village|town|city|area|commune|locality|community)?\s*(?:,|\(|\s+in\s+(?:the\s+)?)\s*(?:[^(),.;]{1,40}(?:,|\()\s*)?",
    re.IGNORECASE,
)


def _unresolved_inside(annotated: Annotated, place: PlaceMention, gazetteer: Gazetteer) -> PlaceMention | None:
    """The town of a name the ranker left unresolved, looked up inside the region chosen for the event
    when that region qualifies it ("in Jalalabad, Fazilka (Punjab)": India's Jalalabad, not Punjab).
    Exact names only, populated places only, the nearest name before the region first."""
    chosen = place.place
    if chosen is None:
        return None
    named = [a for a in gazetteer.lookup(place.span.text, fuzzy=False) if a.feature_code in _ADMIN_AREAS]
    # A city named like its province qualifies as the province ("Bara, Idleb": the ranker's Idlib is the city).
    if not (chosen.feature_code in _ADMIN_AREAS or chosen.feature_code.startswith("PCL")
            or any(a.country_code == chosen.country_code and a.admin1_code == chosen.admin1_code for a in named)):
        return None
    text = annotated.document.article.text
    unknown = [
        p for p in annotated.in_sentence("places", place.sentence)
        if p.place is None and p.span.end <= place.span.start and _QUALIFIED_BY.fullmatch(text, p.span.end, place.span.start)
    ]
    if not unknown:
        return None
    areas = ([chosen] if chosen.feature_class == "A" else []) + named
    for p in sorted(unknown, key=lambda p: -p.span.end):
        inside = [
            c for c in gazetteer.lookup(p.span.text, fuzzy=False, limit=ALL_ENTRIES)
            if c.feature_class == "P" and any(
                _inside(c, a) if not a.feature_code.startswith("PCL") else c.country_code == a.country_code for a in areas
            )
        ] or _spelled_inside(p.span.text, [a for a in areas if not a.feature_code.startswith("PCL")], gazetteer)
        if inside:
            return replace(p, place=max(inside, key=lambda c: c.population), score=place.score)
    return None


def abroad(annotated: Annotated, mention: EventMention, place: PlaceMention, gazetteer: Gazetteer) -> PlaceMention | None:
    """The event's place at home when the pick is a look-alike abroad: "Daarasalaam village
    (Qoryooley, Lower Shabelle)" is not Tanzania's Dar es Salaam. Home is the one country of the
    names the gazetteer knows in the parentheses right after the pick. The pick stands when another
    place of the sentence lies in its country. Then the same name at home, else
    the stand-in the qualifiers give (``qualifier_place``)."""
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
    named = gazetteer.lookup(place.span.text, fuzzy=False, limit=ALL_ENTRIES)
    if {c.country_code for c in named} == {chosen.country_code}:
        return None  # a name known in that country alone ("Bamenda town (Mezam, Nord-Ouest)")
    same = [c for c in named if c.country_code == home]
    if same:
        return replace(place, place=max(same, key=lambda c: (c.feature_class == "P", c.population)))
    stand_in = qualifier_place(annotated, mention, gazetteer, home)
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


# A name the text itself calls a town: "the towns of Jocoro and Guadalupe were attacked", "in the village of X".
_CALLED_TOWN = re.compile(r"\b(?:towns?|villages?|cit(?:y|ies)|hamlets?)\s+of\s+" + _name_run(_PARTICLES))


def town_called(annotated: Annotated, mention: EventMention, gazetteer: Gazetteer) -> PlaceMention | None:
    """A town the sentence names with the word "town" (or village, city) that the recognizer passed over,
    found in the document's country whatever its size: the word says it is a place, the country which one."""
    focus = annotated.country_code
    if focus is None:
        return None
    sentence = annotated.sentences[mention.sentence]
    text = annotated.document.article.text
    for m in _CALLED_TOWN.finditer(text, sentence.start, sentence.end):
        name = m.group(1)
        found = [p for p in gazetteer.lookup(name, fuzzy=False, limit=ALL_ENTRIES) if p.country_code == focus and p.feature_class == "P"]
        if found:
            best = max(found, key=lambda p: p.population)
            return PlaceMention(Span(m.start(1), m.end(1), name), mention.sentence, best, None, 1.0)
    return None
