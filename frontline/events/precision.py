"""precision: the cue of an event's place that sets its ACLED geo_precision in ``geocode``.

``place_cue`` reads the words around the chosen place: "near" when they put the event near it or the
place stands in for one the gazetteer lacks (geo_precision 2), a district word when only the district is
known (2), "outskirts" or no cue when the town itself is meant (1), "regions" or "province" when only a
province is (3). ACLED's practice behind each rule was counted in the tuning and check files' rows
(docs/fields.md).
"""

from __future__ import annotations

import re

from ..geo.patterns import NEAR_CUES
from ..records import Annotated, PlaceMention
from .qualifiers import UNKNOWN_BEFORE, UNKNOWN_DISTRICT_BEFORE

# Words before a place that put the event near it, not in it (ACLED geo_precision 2).
_NEAR_BEFORE = re.compile(
    r"\b(?:near|outside|around|close\s+to|(?:in\s+)?the\s+vicinity\s+of|outskirts\s+of|\d+\s*km\s+(?:\w+\s+)?(?:of|from)"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+(?:part\s+)?of|countryside\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ACLED codes the outskirts of a town at the town, geo_precision 1 (every "outskirts of X" coded at X in the
# Somalia 2025-26 export, 15 of 18 in the 2020 global one, 9 of 11 in the 2016 Africa one).
_OUTSKIRTS_BEFORE = re.compile(r"\boutskirts\s+of\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$", re.IGNORECASE)
# "outside Peshawar club", "in front of Delhi Secretariat": the near-word is about a building the town names, which
# is in the town (ACLED geo_precision 1).
_BUILDING_AFTER = re.compile(
    r"\s+(?:press\s+club|club|offices?|hospital|university|court|mosque|church|temple|hotel|market|stadium|airport"
    r"|prison|jail|(?:police|railway|bus|metro)\s+station|headquarters|secretariat|assembly|parliament|college|school"
    r"|bazaa?r|collectorate|municipal\s+corporation)\b",
    re.IGNORECASE,
)
# "between X and Y", "between the cities of X and Y": the event is on the way, near each (ACLED geo_precision 2).
_BETWEEN_BEFORE = re.compile(
    r"\b(?i:between)\s+(?i:the\s+(?:cities|towns|villages)\s+of\s+)?"
    r"(?:[A-Z][\w'’-]*(?:[\s-]+(?:(?:al|el|de|la|as|ad|ar)[\s-]+)?[A-Z][\w'’-]*){0,3}(?:\s+(?i:village|town|city))?\s+and\s+)?(?i:the\s+)?$"
)
# "X area" names the town's area (mostly geo_precision 1); "the area of X" is around it (mostly 2).
_AREA_AFTER = re.compile(r"\s+area\b", re.IGNORECASE)
_AREA_OF_BEFORE = re.compile(r"\barea\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# A populated place this large has quarters the gazetteer does not list.
_CITY = 100_000
# A city this large is meant by its name even where its province shares the name.
_METROPOLIS = 1_000_000
# Between a place and the larger place that qualifies it: "Pyshchevyk, Donetsk", "Kinyinya commune (Ruyigi".
_QUALIFIER_GAP = re.compile(r"\s*(?:village|town|area|commune|locality|neighbou?rhood)?\s*(?:,|\()\s*", re.IGNORECASE)
# Between an unknown district and the province after it: "Andar district, Ghazni", "Nad Ali district (Helmand".
_DISTRICT_GAP = re.compile(
    r"\s*(?:\([^()]{1,30}\)\s*)?(?:district|sub-?district|county|sub-?county|division|LGA|upazila|municipality|township)\s*(?:,|\()\s*", re.IGNORECASE
)
_DISTRICT_CUES = frozenset({"district", "subdistrict", "county", "municipality", "township", "division", "lga", "upazila"})
# The other regions of a list and its plural word: ", Ghor, Laghman, and Balkh provinces", " and Zabul provinces".
_REGIONS_AFTER = re.compile(
    r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)[A-Z][\w'’-]*(?:[\s-]+[A-Z][\w'’-]*){0,3}(?:\s*\([^()]{1,30}\))?){1,8}"
    r"\s+(provinces|governorates|states|regions|districts)\b"
)
# "Nad Ali district", "Andar (Shalgar) district": the town names its district (ACLED geo_precision 2).
_DISTRICT_AFTER = re.compile(r"\s+(?:\([^()]{1,30}\)\s*)?(district|subdistrict|municipality|township|sector)\b", re.IGNORECASE)



def place_cue(annotated: Annotated, place: PlaceMention | None) -> str | None:
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
    unknown_any = [
        p for p in annotated.in_sentence("places", place.sentence) if p.place is None and p.span.end <= place.span.start
    ]
    # A quarter of a city is coded at the city (geo_precision 1, "Usaquen, Bogota"); a village
    # in a province or near a small town at that place, as "near" (2).
    resolved = place.place
    city = resolved is not None and resolved.feature_class == "P" and resolved.population >= _CITY
    before = UNKNOWN_BEFORE.search(text, max(0, place.span.start - 60), place.span.start)
    stand_in = bool(unknown) or bool(
        before and not any(
            p.place is not None and p.span.start < place.span.start and p.span.end > before.start(1)
            for p in annotated.in_sentence("places", place.sentence)
        )
    )
    district_before = UNKNOWN_DISTRICT_BEFORE.search(text, max(0, place.span.start - 60), place.span.start)
    if district_before and resolved is not None and resolved.feature_class == "P" and not any(
        p.place is not None and p.span.start < place.span.start and p.span.end > district_before.start(1)
        for p in annotated.in_sentence("places", place.sentence)
    ):
        # "in Dih Yak district, Ghazni" where the recognizer did not even propose "Dih Yak": the same as below.
        return "district"
    if any(p.cue in _DISTRICT_CUES and _DISTRICT_GAP.fullmatch(text, p.span.end, place.span.start) for p in unknown_any):
        # "in Andar district, Ghazni": the district is known, not the town (ACLED geo_precision 2),
        # whatever the size of the province's capital the event is written at.
        return "district"
    if (
        stand_in and city and resolved is not None and resolved.name.lower() == resolved.admin1.lower()
        and resolved.feature_code != "PPLC" and resolved.population < _METROPOLIS
    ):
        # "Zzyzxville, Idlib": a qualifier named like its province means the province; a capital or a
        # metropolis stays the city ("Abu Salim (Tripoli)" is a quarter of Tripoli, coded at 1).
        city = False
    if stand_in and not city:
        return "near"
    if _OUTSKIRTS_BEFORE.search(text, max(0, place.span.start - 40), place.span.start):
        return "outskirts"
    if _NEAR_BEFORE.search(text, max(0, place.span.start - 40), place.span.start) and not _BUILDING_AFTER.match(text, place.span.end):
        return "near"
    if (
        place.cue == "area" and resolved is not None and resolved.feature_class == "P"
        and _AREA_AFTER.match(text, place.span.end) and not _AREA_OF_BEFORE.search(text, max(0, place.span.start - 30), place.span.start)
    ):
        return None  # "in Naivasha area": the town (ACLED geo_precision 1), unlike "in the area of Vesele" (2)
    if (m := _REGIONS_AFTER.match(text, place.span.end)):
        # "in Kabul, Ghor, Laghman, and Balkh provinces": the first of several provinces is where the
        # event is written, and only the province is known (3). Of several districts ACLED codes each
        # at its own (2): "in Chawkay and Narang Wa Badil districts".
        return "district" if m.group(1) == "districts" else "regions"
    if _BETWEEN_BEFORE.search(text, max(0, place.span.start - 80), place.span.start):
        return "near"  # "between Janaale and Buufow Bacaad village": on the way from one to the other, at neither
    if place.cue in (None, "village", "town", "city", "area") and (m := _DISTRICT_AFTER.match(text, place.span.end)):
        # "in Mullah Faiz village of Mizan district": the district is what is known, whatever cue came before.
        return m.group(1).lower()
    # Once the text says "Latakia province", a bare "Latakia" is the province too. A search of the
    # whole text: asked once per name and document, not per event.
    if (
        place.cue is None and place.place is not None and place.place.feature_code == "ADM1"
        and annotated.derived(f"named_as_province:{place.span.text}", lambda a: _named_as_province(a, place.span.text))
    ):
        return "province"
    if place.cue in NEAR_CUES and _BUILDING_AFTER.match(text, place.span.end):
        return None
    return place.cue



def _named_as_province(annotated: Annotated, name: str) -> bool:
    """The text calls ``name`` a province somewhere ("Latakia province", "the province of Latakia")."""
    name = re.escape(name)
    return bool(re.search(
        rf"\b{name}\s+(?:province|governorate|region|state|oblast)\b|\b(?:province|governorate|region|state)\s+of\s+{name}\b",
        annotated.document.article.text, re.IGNORECASE,
    ))
