"""The learned ranker's features: one vector per (toponym span, gazetteer candidate) pair.

Prominence, feature class, name similarity, the document's country focus, admin1 and spatial
coherence with the other places of the document, the parent place in "X, Y" / "X in Y", cue words
(``FEATURES`` lists them in the model's order). Document context comes from a first, hand-weighted
pass (``resolve.rank``), so the features of one span never depend on the model's own picks for the
others: training (``frontline/training/ranker.py``) and run time see the same inputs.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz

from ..records import Place
from .gazetteer import normalize, skeleton

if TYPE_CHECKING:
    from .toponyms import Candidate

log = logging.getLogger(__name__)

EARTH_HALF_CIRCUMFERENCE_KM = 20039.0

# The features, in the order of the model's weights. Keep in step with ``features``.
FEATURES: tuple[str, ...] = (
    "log_population",  # log10(population + 1) / 7
    "population_gap",  # (best log10 population among the span's candidates - this one's) / 7
    "top_population",  # the most populous of the span's candidates
    "population_rank",  # log1p(rank by population among the span's candidates)
    "n_candidates",  # log1p(number of candidates of the span)
    "log_names",  # log10(number of distinct names + 1) / 3: GeoNames lists many names for known places
    "names_gap",  # (most names among the span's candidates, as log_names) - this one's
    "class_p",  # populated place
    "capital",  # PPLC
    "admin_seat",  # PPLA, PPLA2, ...
    "adm1",
    "country",  # PCL*
    "other_admin",  # ADM2, ADMD, ... (class A, not ADM1 nor a country)
    "terrain",  # class T, H, L, V, ...
    "hand_feature",  # frontline's own features.tsv
    "exact_main_name",  # the span is the entry's main name (not an alternate)
    "name_ratio",  # rapidfuzz ratio of span and main name / 100
    "same_skeleton",  # span and main name share a transliteration skeleton
    "fuzzy",  # matched only through the skeleton key
    "fragment",  # part of a longer capitalised sequence
    "in_focus",  # in the document's country
    "no_focus",  # the document has no country focus
    "country_votes",  # share of the document's country votes for this entry's country
    "admin1_support",  # log1p(other spans whose first pick is in this admin1)
    "country_support",  # share of other spans' first picks in this country
    "admin1_any",  # log1p(other names' soft votes for this admin1: each name splits one vote over its admin1s)
    "country_any",  # other names' soft votes for this country, as a share of the names
    "distance_to_others",  # log1p(km to the nearest first pick of another span, not a country/admin1/region) / log(20039)
    "no_others",  # no other span has a first pick
    "parent_admin1",  # "X, Y" / "X in Y" where Y is this entry's admin1
    "parent_country",  # ... where Y is this entry's country
    "parent_mismatch",  # there is a parent Y and it is neither
    "is_parent",  # the span is the Y of "X, Y" and the entry is an ADM1 or a country
    "cue_match",  # "province" -> ADM1, "district" -> ADM2, "town of" -> P, "mountains" -> T
    "cue_mismatch",  # a type cue that this entry's kind contradicts
    "near_cue",  # "near X", "X countryside", ...
    "fuzzy_in_focus",  # a spelling variant in the document's country
    "focus_x_population",  # in_focus * log_population: prominence matters less at home
    "anchor_admin1",  # log1p(other names in this admin1 that have a single entry or name one admin1 area)
    "anchor_distance",  # log1p(km to the nearest single-entry town of another name) / log(20039)
    "no_anchor",  # no other name has a single entry or a single admin1 entry
)

# Column of each feature (public: the ranker's pick reads the parent and focus columns).
COLUMN = {name: i for i, name in enumerate(FEATURES)}
# Which cues point at which kind of entry (public: the ranker's pick obeys a type cue).
CUE_KIND = {
    "town": "P", "city": "P", "village": "P", "villages": "P", "camp": "P", "neighbourhood": "P",
    "neighborhood": "P", "airport": "P", "airbase": "P", "suburb": "P", "suburbs": "P",
    "province": "ADM1", "governorate": "ADM1", "region": "ADM1", "district": "ADM2", "state": "ADM1",
    "mountain": "T", "mountains": "T", "hill": "T",
}  # fmt: skip
_NEAR = frozenset(
    {"near", "outside", "around", "close to", "outskirts", "countryside", "suburb", "suburbs", "area", "areas"}
    | {f"{d} of" for d in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")}
)
# US state abbreviations in news style ("Paris, Tenn."), after a comma only: GeoNames admin1 codes.
_US_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO", "conn": "CT", "del": "DE",
    "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS", "ky": "KY", "la": "LA",
    "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE",
    "nebr": "NE", "nev": "NV", "n h": "NH", "n j": "NJ", "n m": "NM", "n y": "NY", "n c": "NC", "n d": "ND",
    "okla": "OK", "ore": "OR", "pa": "PA", "penn": "PA", "r i": "RI", "s c": "SC", "s d": "SD", "tenn": "TN",
    "tex": "TX", "vt": "VT", "va": "VA", "wash": "WA", "w va": "WV", "wis": "WI", "wisc": "WI", "wyo": "WY",
    "d c": "DC",
}  # fmt: skip
_POSTAL = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "  # noqa: SIM905
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split()
)




@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """``normalize`` memoised: the same place names come back in every document."""
    return normalize(name)


@functools.lru_cache(maxsize=65536)
def _skeleton(name: str) -> str:
    return skeleton(name)




@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What a document says about where it is, from the first, hand-weighted pass.

    ``context`` holds every toponym found in the text (including the ones being resolved) and
    ``first`` the first-pass pick of each; ``keys`` their normalized surfaces.
    """

    text: str
    country: str | None
    votes: dict[str, float]
    context: tuple[Candidate, ...]
    first: tuple[Place | None, ...]
    keys: tuple[str, ...]
    # Soft votes of each distinct name for the admin1 areas and countries its entries lie in.
    admin1_votes: dict[str, dict[tuple[str, str], float]]
    country_votes: dict[str, dict[str, float]]
    admin1_total: dict[tuple[str, str], float]
    country_total: dict[str, float]
    # The toponyms by where they end and start (the first of each), for lists of places (``list_areas``).
    by_end: dict[int, Candidate]
    by_start: dict[int, Candidate]

    @classmethod
    def build(
        cls,
        text: str,
        country: str | None,
        votes: dict[str, float],
        context: Sequence[Candidate],
        first: Sequence[Place | None],
    ) -> DocumentContext:
        keys = tuple(name_key(c.span.text) for c in context)
        admin1_votes: dict[str, dict[tuple[str, str], float]] = {}
        country_votes: dict[str, dict[str, float]] = {}
        for key, c in zip(keys, context, strict=True):
            if key in admin1_votes or not c.places:
                continue
            areas = {(p.country_code, p.admin1_code) for p in c.places if p.admin1_code}
            admin1_votes[key] = {a: 1.0 / len(areas) for a in areas}
            countries = {p.country_code for p in c.places}
            country_votes[key] = {cc: 1.0 / len(countries) for cc in countries}
        admin1_total: Counter[tuple[str, str]] = Counter()
        country_total: Counter[str] = Counter()
        for v in admin1_votes.values():
            admin1_total.update(v)
        for w in country_votes.values():
            country_total.update(w)
        by_end: dict[int, Candidate] = {}
        by_start: dict[int, Candidate] = {}
        for c in context:
            by_end.setdefault(c.span.end, c)
            by_start.setdefault(c.span.start, c)
        return cls(
            text, country, dict(votes), tuple(context), tuple(first), keys,
            admin1_votes, country_votes, dict(admin1_total), dict(country_total), by_end, by_start,
        )  # fmt: skip


def features(candidate: Candidate, doc: DocumentContext) -> np.ndarray:
    """One row of ``FEATURES`` per gazetteer entry of ``candidate`` (shape: entries x features)."""
    places = candidate.places
    n = len(places)
    out = np.zeros((n, len(FEATURES)), dtype=np.float64)
    if n == 0:
        return out
    col = COLUMN
    span = candidate.span
    surface = name_key(span.text)
    surface_skel = _skeleton(span.text)
    logpops = [min(math.log10(p.population + 1), 7.0) / 7.0 for p in places]
    best_pop = max(logpops)
    lognames = [min(math.log10(p.n_names + 1), 3.0) / 3.0 for p in places]
    best_names = max(lognames)
    order = sorted(range(n), key=lambda i: (-places[i].population, i))
    pop_rank = {i: r for r, i in enumerate(order)}
    total_votes = sum(doc.votes.values()) or 1.0

    # Other spans' first picks (another surface: a repeated name does not support itself).
    others = [p for key, p in zip(doc.keys, doc.first, strict=True) if p is not None and key != surface]
    admin1_counts = Counter((p.country_code, p.admin1_code) for p in others if p.admin1_code)
    country_counts = Counter(p.country_code for p in others)
    own_admin1 = doc.admin1_votes.get(surface, {})
    own_country = doc.country_votes.get(surface, {})
    n_names = max(1, len(doc.country_votes) - (1 if own_country else 0))
    # Distances only to places that say where in the world the story is: a country's or a province's
    # point is the middle of a large area (build 3), and a town near that middle is no nearer the story.
    located = [p for p in others if not (p.feature_code.startswith("PCL") or p.feature_code == "ADM1" or p.feature_class == "L")]
    if located:
        nearest = _nearest_km(places, located)
    anchors = _anchors(doc, surface)
    anchor_admin1 = Counter((p.country_code, p.admin1_code) for p in anchors if p.admin1_code)
    anchor_towns = [  # towns and areas below admin1: a country or a state sits at one point of a large area
        p for p in anchors if p.feature_class == "P" or (p.feature_code.startswith("ADM") and p.feature_code != "ADM1")
    ]
    anchored = bool(anchor_admin1 or anchor_towns)
    if anchor_towns:
        anchor_km = _nearest_km(places, anchor_towns)
    parent = parent_areas(candidate, doc)
    is_child_of_comma = follows_comma_place(candidate, doc)
    wanted = CUE_KIND.get(candidate.cue or "")

    for i, place in enumerate(places):
        row = out[i]
        fclass, fcode = place.feature_class, place.feature_code
        row[col["log_population"]] = logpops[i]
        row[col["population_gap"]] = best_pop - logpops[i]
        row[col["top_population"]] = pop_rank[i] == 0
        row[col["population_rank"]] = math.log1p(pop_rank[i])
        row[col["n_candidates"]] = math.log1p(n)
        row[col["log_names"]] = lognames[i]
        row[col["names_gap"]] = best_names - lognames[i]
        is_country = fcode.startswith("PCL")
        row[col["class_p"]] = fclass == "P"
        row[col["capital"]] = fcode == "PPLC"
        row[col["admin_seat"]] = fcode.startswith("PPLA")
        row[col["adm1"]] = fcode == "ADM1"
        row[col["country"]] = is_country
        row[col["other_admin"]] = fclass == "A" and fcode != "ADM1" and not is_country
        row[col["terrain"]] = fclass not in ("P", "A")
        row[col["hand_feature"]] = place.source == "frontline-features"
        main = name_key(place.name)
        row[col["exact_main_name"]] = main == surface
        row[col["name_ratio"]] = fuzz.ratio(surface, main) / 100.0
        row[col["same_skeleton"]] = bool(surface_skel) and _skeleton(place.name) == surface_skel
        row[col["fuzzy"]] = candidate.fuzzy
        row[col["fragment"]] = candidate.fragment
        in_focus = doc.country is not None and place.country_code == doc.country
        row[col["in_focus"]] = in_focus
        row[col["no_focus"]] = doc.country is None
        row[col["country_votes"]] = doc.votes.get(place.country_code, 0.0) / total_votes
        area = (place.country_code, place.admin1_code)
        if place.admin1_code:
            row[col["admin1_any"]] = math.log1p(doc.admin1_total.get(area, 0.0) - own_admin1.get(area, 0.0))
        row[col["country_any"]] = (
            doc.country_total.get(place.country_code, 0.0) - own_country.get(place.country_code, 0.0)
        ) / n_names
        if others:
            row[col["distance_to_others"]] = (
                math.log1p(nearest[i]) / math.log(EARTH_HALF_CIRCUMFERENCE_KM) if located else 1.0
            )
            row[col["admin1_support"]] = math.log1p(admin1_counts.get((place.country_code, place.admin1_code), 0)) if place.admin1_code else 0.0
            row[col["country_support"]] = country_counts.get(place.country_code, 0) / len(others)
        else:
            row[col["no_others"]] = 1.0
            row[col["distance_to_others"]] = 1.0
        if parent is not None:
            admin1s, countries = parent
            if place.admin1_code and (place.country_code, place.admin1_code) in admin1s:
                row[col["parent_admin1"]] = 1.0
            elif place.country_code in countries:
                row[col["parent_country"]] = 1.0
            else:
                row[col["parent_mismatch"]] = 1.0
        row[col["is_parent"]] = is_child_of_comma and (is_country or fcode == "ADM1")
        if wanted:
            match = wanted in (fcode, fclass)
            row[col["cue_match"]] = match
            row[col["cue_mismatch"]] = not match and (wanted != "P" or fclass != "P")
        row[col["near_cue"]] = (candidate.cue or "") in _NEAR
        row[col["fuzzy_in_focus"]] = candidate.fuzzy and in_focus
        row[col["focus_x_population"]] = in_focus * logpops[i]
        if place.admin1_code:
            row[col["anchor_admin1"]] = math.log1p(anchor_admin1.get(area, 0))
        if anchor_towns:
            row[col["anchor_distance"]] = math.log1p(anchor_km[i]) / math.log(EARTH_HALF_CIRCUMFERENCE_KM)
        else:
            row[col["anchor_distance"]] = 1.0
        row[col["no_anchor"]] = not anchored
    return out


def _anchors(doc: DocumentContext, surface: str) -> list[Place]:
    """The entries that the document's other names leave no doubt about (one per name).

    The first picks (``DocumentContext.first``) are the hand-weighted pass's guesses for every name, right
    or wrong. A name with a single entry leaves no guess to make ("Duncan" in a story that also names
    "Spartanburg" and "Gaffney", which the gazetteer knows once each, is the Duncan near them), and a name
    with exactly one admin1 entry names that state or province ("Mato Grosso": the state, though two
    towns bear the name too): both anchor the others.
    """
    seen: set[str] = {surface}
    out = []
    for key, c in zip(doc.keys, doc.context, strict=True):
        if key in seen or c.fuzzy:
            continue
        seen.add(key)
        if len(c.places) == 1:
            out.append(c.places[0])
            continue
        admin1 = [p for p in c.places if p.feature_code == "ADM1"]
        if len(admin1) == 1:
            out.append(admin1[0])
    return out


def _nearest_km(places: Sequence[Place], others: Sequence[Place]) -> np.ndarray:
    """Great-circle km from each of ``places`` to the nearest of ``others``."""
    lat1 = np.radians([p.latitude for p in places])[:, None]
    lon1 = np.radians([p.longitude for p in places])[:, None]
    lat2 = np.radians([p.latitude for p in others])[None, :]
    lon2 = np.radians([p.longitude for p in others])[None, :]
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return np.asarray(2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a.min(axis=1), 0.0, 1.0))))


_TYPE_WORD = re.compile(
    r" (?:village|town|city|district|sub-?district|province|governorate|region|area|camp|neighbou?rhood)\b",
    re.IGNORECASE,
)


_COMPASS = re.compile(r"(?i:(?:north|south|east|west|central)(?:ern)?(?:-?(?:east|west)(?:ern)?)?)\s+(?=[A-Z])")
# What joins the members of a list of places: "A, B, C and D", "A, B, or C", "A and B".
_LIST_JOIN = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_JOIN_MAX = 7  # the longest of them: ", and " with a double space
# A list of this many names or more, the span included, tells its members' kind: "Texas and Georgia" may be a
# state and a town, "Alabama, Texas, Georgia and Florida" are states.
LIST_MIN = 3


def list_areas(candidate: Candidate, doc: DocumentContext) -> tuple[str, str] | None:
    """The kind of area every other member of the span's list of places can be, when the span can be one too.

    ("ADM1", country) when every other name of "A, B, C and D" has a first-level area of that country among
    its entries, ("PCL", "") when every one is a country's name; None otherwise, or when the span is in no
    list of ``LIST_MIN`` names or more. "Utah, Washington and Wisconsin" lists states, "Ontario and New
    Brunswick" provinces: Washington is the state, New Brunswick the province.
    """
    text, start, end = doc.text, candidate.span.start, candidate.span.end
    around = text[max(0, start - _JOIN_MAX) : start] + "|" + text[end : end + _JOIN_MAX]
    if "," not in around and "and" not in around and "or" not in around:
        return None  # most names stand in no list
    by_end, by_start = doc.by_end, doc.by_start
    members = [candidate]
    for before in (True, False):
        edge = candidate
        while True:
            at = edge.span.start if before else edge.span.end
            gaps = range(at - 1, max(at - _JOIN_MAX, 0) - 1, -1) if before else range(at + 1, at + _JOIN_MAX + 1)
            found = None
            for other in gaps:
                near = (by_end if before else by_start).get(other)
                if near is not None and _LIST_JOIN.fullmatch(text[other:at] if before else text[at:other]):
                    found = near
                    break
            if found is None or found in members:
                break
            edge = found
            members.append(edge)
    others = [c for c in members[1:] if name_key(c.span.text) != name_key(candidate.span.text)]
    if len(members) < LIST_MIN or not others:
        return None
    own = candidate.places
    parent = parent_areas(candidate, doc)
    if parent and any(
        (p.country_code, p.admin1_code) in parent[0] or p.country_code in parent[1]
        for p in own
        if p.feature_code != "ADM1" and not p.feature_code.startswith("PCL")
    ):
        return None  # "Texas and Washington, D.C.": the comma gives Washington's parent, not a list's next name
    countries = set.intersection(*({p.country_code for p in c.places if p.feature_code == "ADM1"} for c in others))
    countries &= {p.country_code for p in own if p.feature_code == "ADM1"}
    is_countries = all(any(p.feature_code.startswith("PCL") for p in c.places) for c in others) and any(
        p.feature_code.startswith("PCL") for p in own
    )
    if len(countries) == 1 and not is_countries:
        return "ADM1", next(iter(countries))
    if is_countries and not countries:
        return "PCL", ""
    return None


def parent_areas(
    candidate: Candidate, doc: DocumentContext, *, compass: bool = False
) -> tuple[set[tuple[str, str]], set[str]] | None:
    """Admin1 areas and countries the place Y of "X, Y", "X in Y" or "X (Y" can be; None without such a Y.

    A type word may stand between X and the comma or "in": "Buraydah village, Syria", "Kansaba town in Latakia".
    With ``compass``, a compass word may stand before Y: "Delmas, north-east South Africa" (the ranker's pick
    reads it; the model's features do not, as they were trained without it).
    """
    text, end = doc.text, candidate.span.end
    typed = _TYPE_WORD.match(text, end)
    if typed and text.startswith((",", " in "), typed.end()):
        end = typed.end()
    if text.startswith(",", end):
        rest = text[end + 1 : end + 40]
        at = end + 1 + len(rest) - len(rest.lstrip())
        state = us_state(rest.lstrip(), written=True)
        if state:
            return {("US", state)}, set()
    elif text.startswith(" in ", end):
        at = end + 4
        if text.startswith("the ", at):
            at += 4
    elif text.startswith(" (", end):
        at = end + 2  # "Belem (Para)", "Akwu (Agatu, Benue)": ACLED's and many wires' way of writing it
    else:
        return None
    turn = _COMPASS.match(text, at) if compass and text[at - 1] != "(" else None
    if turn and all(c.span.start != at for c in doc.context):  # "East Texas" is a name of its own
        at = turn.end()
    for c in doc.context:
        # In brackets, only a place closed by ")" or followed by its own parent: "Akwu (Agatu, Benue)".
        if c.span.start == at and (text[at - 1] != "(" or text.startswith((")", ","), c.span.end)):
            admin1s = {(p.country_code, p.admin1_code) for p in c.places if p.feature_code == "ADM1"}
            countries = {p.country_code for p in c.places if p.feature_code.startswith("PCL")}
            return (admin1s, countries) if admin1s or countries else None
    return None


def compass_follows(candidate: Candidate, doc: DocumentContext) -> bool:
    """A compass word before a capitalised word follows the span closely (``parent_areas(compass=True)`` may differ)."""
    window = doc.text[candidate.span.end : candidate.span.end + 60]
    lowered = window.lower()
    if not any(word in lowered for word in ("north", "south", "east", "west", "central")):
        return False  # the usual case, without the regex
    return _COMPASS.search(window) is not None


def has_parent(candidate: Candidate, doc: DocumentContext) -> bool:
    """The span is qualified by a parent place: "X, Y" or "X in Y" with Y a region or country."""
    return parent_areas(candidate, doc) is not None


def us_state(text: str, *, written: bool = False) -> str | None:
    """The US state a news-style abbreviation at the start of ``text`` means: "Tenn." -> "TN", "N.Y." -> "NY".

    Postal codes ("TX") count only with ``written`` (after a comma, where "IN" or "ME" is no word).
    """
    words = text.split(" ", 2)
    first = words[0] if words else ""
    if written and first.rstrip(".,;:") in _POSTAL and first[:2].isupper():
        return first[:2]
    if not first[:1].isupper():
        return None
    if len(words) > 1 and len(first) == 2 and first.endswith(".") and words[1][:1].isupper():
        first = f"{first} {words[1]}"  # "W. Va.", "N. Y."
    if not first.rstrip(",;:").endswith("."):
        return None
    return _US_STATES.get(normalize(first))


def follows_comma_place(candidate: Candidate, doc: DocumentContext) -> bool:
    """The span is the Y of "X, Y": another toponym ends right before ", "."""
    start = candidate.span.start
    head = doc.text[max(0, start - 2) : start]
    if head != ", ":
        return False
    return any(c.span.end == start - 2 for c in doc.context)
