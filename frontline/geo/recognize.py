"""Toponym recognition: propose candidate spans, describe each with features, keep the likely ones.

No pretrained NER. Proposals come from capitalised word sequences looked up in the gazetteer
longest first, plus names the gazetteer lacks when their form says "place" ("Laurel County",
"Mount Sinjar", "the village of X"), postal and AP abbreviations ("Ky.", "U.S.", ", OH") and
continents. A small logistic-regression filter, trained by ``frontline train recognizer`` and
applied here with numpy from a JSON artifact, scores each proposal from gazetteer evidence,
capitalisation, cue words, neighbouring words and what the rest of the text says about the
word (is it someone's surname elsewhere? is it used in lowercase?).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .gazetteer import Gazetteer, Match, normalize
from .toponyms import (
    _CUE_AFTER,
    _MODIFIER,
    _NOT_PLACES,
    _SEQUENCE,
    _UPPER,
    MAX_NAME_WORDS,
    _sentence_initial,
    _stop_words,
    _words,
    cue_before,
)

log = logging.getLogger(__name__)

FORMAT = "frontline-recognizer/1"
AGREEMENT_SLACK = 0.3  # see ``agree``; chosen by held-out F1 among 0, 0.1, 0.2, 0.3
DEFAULT_MODEL = "recognizer.json"

# AP-style and postal abbreviations -> the name the gazetteer knows. General knowledge, not data.
ABBREVIATIONS = {
    "U.S.": "United States", "U.S.A.": "United States", "US": "United States", "USA": "United States",
    "U.K.": "United Kingdom", "UK": "United Kingdom", "U.A.E.": "United Arab Emirates",
    "UAE": "United Arab Emirates", "D.C.": "District of Columbia", "L.A.": "Los Angeles",
    "N.Y.C.": "New York City", "NYC": "New York City", "Phila.": "Philadelphia",
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
    "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
    "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska",
    "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico",
    "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia",
    "Wash.": "Washington", "W.Va.": "West Virginia", "W. Va.": "West Virginia", "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}  # fmt: skip
# Two-letter postal codes count only right after "<Place>, " ("Columbus, OH").
POSTAL = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
}  # fmt: skip
# Continents and large regions: proposed as regions whatever the gazetteer says (a town called "Asia"
# must not make "Asia" a town); their candidates are the gazetteer's (continents, regions.tsv).
_REGION_KEYS = frozenset(
    normalize(n)
    for n in (
        "Europe", "Africa", "Asia", "Oceania", "Antarctica", "Americas", "North America", "South America",
        "Latin America", "Central America", "Middle East", "Near East", "Far East", "Caribbean",
        "Mediterranean", "Balkans", "Scandinavia", "Sahel", "Maghreb", "Levant", "Arctic", "West Africa",
        "East Africa", "Southern Africa", "North Africa", "Central Africa", "Sub-Saharan Africa",
        "Horn of Africa", "Western Europe", "Eastern Europe", "Northern Europe", "Southern Europe",
        "Central Europe", "Southeast Asia", "South Asia", "East Asia", "Central Asia", "West Bank",
        "Gaza Strip", "Persian Gulf", "Arabian Peninsula", "Caucasus", "Eastern Mediterranean",
        "Pacific", "Atlantic", "Indian Ocean", "Pacific Ocean", "Atlantic Ocean", "Pacific Northwest",
    )
)  # fmt: skip
# A last word that makes a capitalised sequence a place name even when the gazetteer lacks it ...
PLACE_SUFFIXES = frozenset(
    ["county", "parish", "province", "governorate", "district", "region", "township", "borough", "river", "lake", "sea", "ocean", "bay", "gulf", "island", "islands", "mountains", "mountain", "mount", "valley", "desert", "peninsula", "strait", "canal", "creek", "basin", "delta", "heights", "hills", "plateau", "oblast", "prefecture", "municipality"]
)
# ... and a first word that does ("Mount Sinjar", "Jabal Akrad", "Lake Victoria").
PLACE_PREFIXES = frozenset(
    ["mount", "mt", "lake", "fort", "ft", "camp", "jabal", "jebel", "wadi", "tell", "tal", "gulf", "cape", "port", "saint", "st", "san", "santa", "sao"]
)
# Last words of facilities and organisations, whose first words are rarely the place meant.
STREET_SUFFIXES = frozenset(["street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "drive", "dr", "lane", "highway", "way", "court", "parkway", "pkwy", "pike", "turnpike", "bypass", "circle", "place", "trail", "expressway", "freeway"])
# Abbreviated street words whose period belongs to the name ("Main St.", "Nordland Ave.").
_STREET_ABBREVIATIONS = frozenset(["st", "rd", "ave", "blvd", "dr", "pkwy", "ln", "hwy"])
# Words that may open a street name although they never stand alone as a place ("North Main Street",
# "First Avenue", "Old Alton Road").
_STREET_OPENERS = frozenset(
    ["north", "south", "east", "west", "old", "new", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "main", "upper", "lower"]
)
# "Superior Court", "Circuit Court": an institution, not a street; the name before it is the place.
_COURT_WORDS = frozenset(["superior", "circuit", "district", "supreme", "county", "municipal", "family", "magistrate", "juvenile", "probate", "federal", "appeals", "city", "high", "general", "claims"])
# Last words of landmark and neighbourhood names that local news writes and the gazetteer seldom holds
# ("Squirrel Hill", "Meadow Grove", "Greer Station", "Knox Park"); two-word names only, and the
# learned filter weighs each word on its own (feature ``last_word``).
LANDMARK_SUFFIXES = frozenset(
    ["park", "hill", "hills", "grove", "forest", "wilderness", "station", "ranch", "area", "quarter", "farms", "crossing", "mill", "dunes", "springs", "falls", "beach", "harbor", "harbour", "point", "ridge", "woods", "square", "colony", "lakeshore", "estates", "village", "gardens", "landing", "bridge", "dam", "reservoir", "canyon", "island", "pass", "fork", "branch"]
)
TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "mayor", "president", "judge", "sgt", "capt", "lt", "col", "gen", "officer", "deputy", "sheriff", "chief", "coach", "pastor", "rev", "father", "sister", "brother", "king", "queen", "prince", "princess", "sir", "lord", "lady", "st", "saint", "pope", "minister", "secretary", "commissioner", "detective", "trooper", "professor", "prof"]
)
_ABBREV = re.compile(
    # The lookahead on the abbreviations' first letters only lets the regex skip quickly where none starts.
    "(?=[" + "".join(sorted({re.escape(a[0]) for a in ABBREVIATIONS})) + "])"
    r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w])"
)
# Numbered roads, which local news names as places: "Highway 19", "Interstate 45", "I-75", "County Road 43",
# "State Highway 360", "Illinois Route 159", "KY 52", "W.Va. 61", "US-24", "FM 678". Not "U.S. 79": LGL, the
# only annotated data with roads, marks the "U.S." of it as the country.
_STATE_PREFIX = "|".join(
    [re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True) if a.endswith(".") and a not in ("L.A.", "N.Y.C.", "Phila.", "U.S.", "U.S.A.", "U.K.", "U.A.E.")]
    + sorted(POSTAL)
    + ["US", "SR", "FM", "RM", "CR"]
)
_STATE_NAMES = "|".join(sorted({re.escape(n) for n in POSTAL.values()}, key=len, reverse=True))
_ROAD = re.compile(
    r"(?<![\w.])(?:"
    rf"(?:(?:{_STATE_NAMES}|US|State|County|Farm[- ]to[- ]Market)[ \t])?"
    r"(?:Highway|Hwy\.?|Route|Rte\.?|Road|Interstate|Loop|Spur)[ \t]\d{1,4}[A-Z]?"
    rf"|I-\d{{1,3}}|(?:{_STATE_PREFIX})(?:-|[ \t])\d{{1,3}}[A-Z]?"
    r")(?![\w-])(?:[ \t](?:North|South|East|West)\b)?"
)
# Several patterns here start with the character they consume first, and check what stands before it
# with a lookbehind after it: the same matches as a leading ``\b`` or lookbehind (``(?<=[a-z]), ``,
# ``\b[A-Z]``, ``\b[a-z]``), but the regex engine can then skip quickly to where that character is
# (2-20x quicker on news text; tests/test_fast_paths.py compares them with the plain forms).
_POSTAL = re.compile(r",(?<=[a-z],) (?P<code>[A-Z]{2})\b(?![.\w])")
_NAME = _SEQUENCE.pattern.removeprefix(r"(?<![\w-])")
_OF_NAME = re.compile(rf"(?<![\w-]){_NAME}[ \t]of(?:[ \t]the)?[ \t]{_NAME}")
# What every ``_OF_NAME`` match holds: a word with a capital right before " of ". Half of all news texts
# have none, and this finds that ten times quicker than ``_OF_NAME`` (which then cannot match).
_OF_NAME_HINT = re.compile(rf"[{_UPPER}][^\s]*[ \t]of[ \t]")
_TOKEN = re.compile(r"[\w'’.-]+|[^\w\s]")
_CAP_PAIR = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+)[ \t]+([A-Z][a-z]+)\b")
_LOWERCASE_WORD = re.compile(r"[a-z](?<!\w[a-z])[a-z]{2,}\b")
_CAPITALISED_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[\w'’.-]*(?:[ \t][A-Z][\w'’.-]*)*")


_LEXICAL = frozenset({"prev", "next", "seq_prev", "seq_next", "prev2"})
_PLACE_PREPOSITIONS = frozenset("in at near from to into outside across through toward towards around".split())  # noqa: SIM905


@dataclass(frozen=True, slots=True)
class Proposal:
    """A span that might be a toponym, before the filter. Offsets are relative to the text scored."""

    start: int
    end: int
    matches: tuple[Match, ...]
    kind: str  # "gazetteer", "suffix", "prefix", "street", "landmark", "road", "abbreviation", "postal", "region", "cue", "demonym"
    fragment: bool = False
    sequence: tuple[int, int] = (0, 0)  # the capitalised sequence it came from


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The words the features know: neighbouring words with their own weight (None: every word, for
    training) and person names (first names and surnames)."""

    vocabulary: frozenset[str] | None = None
    first_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    lowercase: Mapping[str, float] = field(default_factory=dict)  # word -> share of its uses in lowercase


@dataclass(frozen=True)
class Recognizer:
    """The learned filter: logistic-regression weights over named features, and a threshold."""

    names: tuple[str, ...]
    weights: np.ndarray
    bias: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)
    first_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    lowercase: Mapping[str, float] = field(default_factory=dict)

    @functools.cached_property
    def index(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.names)}

    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """The words that have lexical features ("prev=in", "next=county")."""
        return frozenset(name.split("=", 1)[1] for name in self.names if name.split("=", 1)[0] in _LEXICAL)

    @functools.cached_property
    def lexicon(self) -> Lexicon:
        return Lexicon(self.vocabulary, self.first_names, self.surnames, self.lowercase)

    @classmethod
    def load(cls, path: Path | str) -> Recognizer:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls.from_dict(data, str(path))

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "<dict>") -> Recognizer:
        if data.get("format") != FORMAT:
            raise ValueError(f"{where}: not a {FORMAT} file (format={data.get('format')!r})")
        names = tuple(data["features"])
        weights = np.asarray(data["weights"], dtype=np.float64)
        if weights.shape != (len(names),):
            raise ValueError(f"{where}: {len(names)} features but {weights.shape} weights")
        names_ = data.get("names", {})
        return cls(
            names,
            weights,
            float(data["bias"]),
            float(data["threshold"]),
            dict(data.get("meta", {})),
            frozenset(names_.get("first", ())),
            frozenset(names_.get("last", ())),
            {str(k): float(v) for k, v in data.get("lowercase", {}).items()},
        )

    @classmethod
    def default(cls) -> Recognizer:
        """The packaged model (``frontline/models/recognizer.json``), loaded once per process."""
        return _packaged()

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "features": list(self.names),
            "weights": [round(float(w), 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
            "meta": self.meta,
            "names": {"first": sorted(self.first_names), "last": sorted(self.surnames)},
            "lowercase": dict(sorted(self.lowercase.items())),
        }

    def scores(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """Probability that each proposal, given as its feature dict, is a toponym."""
        x = np.zeros((len(rows), len(self.names)))
        index = self.index
        for i, row in enumerate(rows):
            for name, value in row.items():
                j = index.get(name)
                if j is not None:
                    x[i, j] = value
        return 1.0 / (1.0 + np.exp(-(x @ self.weights + self.bias)))


@functools.lru_cache(maxsize=1)
def _packaged() -> Recognizer:
    ref = resources.files("frontline") / "models" / DEFAULT_MODEL
    return Recognizer.from_dict(json.loads(ref.read_text(encoding="utf-8")), str(ref))


# --------------------------------------------------------------------------------------------------
# Proposals


def _region_matches(gazetteer: Gazetteer, surface: str) -> tuple[Match, ...]:
    """A region name's entries among continents and regions.tsv only (class L, H or T, no admin area).

    "West Bank" and "Gaza Strip" are also admin1 areas; as regions they stay without candidates, as
    before continents were in the gazetteer, so the event stages keep preferring the towns named with
    them ("Jerusalem, West Bank").
    """
    return tuple(
        m for m in gazetteer.match(surface, fuzzy=False) if m.place.feature_class in ("L", "H", "T")
    )


def propose(
    text: str,
    gazetteer: Gazetteer,
    *,
    exclude: Sequence[tuple[int, int]] = (),
    offset: int = 0,
    demonyms: bool = False,
) -> list[Proposal]:
    """Candidate spans in ``text``; ``exclude`` spans (absolute, i.e. with ``offset``) are skipped."""
    stop_words = _stop_words()
    # One byte per character, set where a span is already taken (excluded or proposed).
    taken = bytearray(len(text))
    found: list[Proposal] = []
    matches: tuple[Match, ...]

    def take(start: int, end: int) -> None:
        start, end = max(0, start), min(len(text), end)
        if start < end:
            taken[start:end] = b"\x01" * (end - start)

    def free(start: int, end: int) -> bool:
        return taken.find(1, start, end) < 0

    for s, e in exclude:
        take(s - offset, e - offset)

    # The capitalised sequences and their words, found once; every name the loops below may look up
    # is asked of the gazetteer in one batch first, so that the many that name nothing cost no query.
    sequences = [
        (seq.start(), seq.end(), _words(text, seq.start(), seq.end()), _sentence_initial(text, seq.start()))
        for seq in _SEQUENCE.finditer(text)
        if not _MODIFIER.match(text, seq.end())  # "Britain-based", "US-led": a modifier, not where it happened
    ]
    of_names = list(_OF_NAME.finditer(text)) if _OF_NAME_HINT.search(text) else []
    _prefetch(text, sequences, of_names, gazetteer)

    if not text.isupper():  # "IN 10 DAYS" in an all-caps wire is no road
        for m in _ROAD.finditer(text):
            if free(m.start(), m.end()):
                found.append(Proposal(m.start(), m.end(), (), "road", sequence=(m.start(), m.end())))
                take(m.start(), m.end())
    for m in _ABBREV.finditer(text):
        if free(m.start(), m.end()):
            matches = tuple(gazetteer.match(ABBREVIATIONS[m.group(0)], fuzzy=False))
            found.append(Proposal(m.start(), m.end(), matches, "abbreviation", sequence=(m.start(), m.end())))
            take(m.start(), m.end())
    for m in _POSTAL.finditer(text):
        s, e = m.start("code"), m.end("code")
        if m.group("code") in POSTAL and free(s, e):
            matches = tuple(gazetteer.match(POSTAL[m.group("code")], fuzzy=False))
            found.append(Proposal(s, e, matches, "postal", sequence=(s, e)))
            take(s, e)

    # "Democratic Republic of the Congo", "Horn of Africa": whole names with "of" inside.
    for m in of_names:
        if free(m.start(), m.end()) and not _sentence_initial(text, m.start()):
            if normalize(m.group(0)) in _REGION_KEYS:
                matches = _region_matches(gazetteer, m.group(0))
                found.append(Proposal(m.start(), m.end(), matches, "region", sequence=(m.start(), m.end())))
                take(m.start(), m.end())
                continue
            matches = tuple(gazetteer.match(m.group(0), fuzzy=False))
            if matches:
                found.append(Proposal(m.start(), m.end(), matches, "gazetteer", sequence=(m.start(), m.end())))
                take(m.start(), m.end())

    for seq_start, seq_end, words, initial in sequences:
        i = 0
        while i < len(words):
            hit: Proposal | None = None
            first_low = text[words[i][0] : words[i][1]].lower()
            for j in range(min(len(words), i + MAX_NAME_WORDS), i, -1):  # longest first
                start, end = words[i][0], words[j - 1][1]
                if taken.find(1, start, end) >= 0:  # not free
                    continue
                surface = text[start:end]
                n = j - i
                key = normalize(surface)
                last_low = text[words[j - 1][0] : words[j - 1][1]].lower().rstrip(".")
                # "North Main Street", "Kanawha Circuit Court" (no street), "Main St." at a sentence's end
                street = (
                    1 < n <= 4
                    and all(text[a].isupper() for a, _ in words[i:j])  # not "Price Chopper at Vivion Road"
                    and last_low in STREET_SUFFIXES
                    and (j == len(words) or text[words[j - 1][1] - 1] == ".")
                    and not (last_low == "court" and text[words[j - 2][0] : words[j - 2][1]].lower() in _COURT_WORDS)
                )
                if key not in _REGION_KEYS and (first_low in _NOT_PLACES or first_low in stop_words) and (
                    n == 1 or not gazetteer.match(surface, fuzzy=False)
                ) and not (street and first_low in _STREET_OPENERS):
                    continue  # "The Henderson County ..." starts at "Henderson"; "The Hague" stays
                # An acronym in ordinary text ("SANA" the agency, not Sanaa) unless it names a country.
                if (
                    n == 1
                    and len(surface) <= 5
                    and surface.isupper()
                    and not text.isupper()
                    and not any(m.place.feature_code.startswith("PCL") for m in gazetteer.match(surface, fuzzy=False))
                ):
                    continue
                whole = i == 0 and j == len(words)
                fragment = len(words) > 1 and not whole
                kind = ""
                matches = ()
                if key in _REGION_KEYS:
                    kind = "region"
                    matches = _region_matches(gazetteer, surface)
                else:
                    # Only a whole sequence may match fuzzily: a fragment ("al-Haddadeh" of "Tellat
                    # al-Haddadeh") must match exactly, or it finds far-away look-alikes.
                    matches = tuple(gazetteer.match(surface, fuzzy=whole and not (initial and len(words) == 1)))
                    if (
                        matches
                        and n > 1
                        and j < len(words)
                        and last_low in _GENERIC_LAST
                        and _named_as(matches, text[start : words[j - 2][1]])
                    ):
                        continue  # "Dublin City Council", "Ohio State University": the place is "Dublin", "Ohio"
                    if matches:
                        kind = "gazetteer"
                    elif n > 1:
                        first, last = key.split()[0], key.split()[-1]
                        if last in PLACE_SUFFIXES:
                            # "Henry County"; a longer head only when the gazetteer knows it ("Santa Clara County")
                            head = tuple(gazetteer.match(text[start : words[j - 2][1]], fuzzy=False))
                            if n == 2 or head:
                                matches, kind = head, "suffix"
                        elif first in PLACE_PREFIXES and n == 2:
                            kind = "prefix"  # "Mount Pleasant", "Jabal Akrad"
                        elif street:
                            kind = "street"  # "Wichita Drive", but not "Florida Highway Patrol"
                        elif last in LANDMARK_SUFFIXES and n == 2 and first not in _STREET_OPENERS:
                            kind = "landmark"  # "Squirrel Hill", "Greer Station"
                    if not kind and demonyms and n <= 2 and (
                        gazetteer.country_for_adjective(surface) or _demonym_places(surface, gazetteer)
                    ):
                        kind = "demonym"  # "Russian"; "Ohioans", "South Ossetian" (of an area, not a country)
                if kind == "street":
                    start, end = _street_bounds(text, start, end, last_low)
                if kind:
                    hit = Proposal(start, end, matches, kind, fragment, (seq_start, seq_end))
                    break
            if hit is None:
                # A name the gazetteer lacks, announced by a strong cue: "the village of Mzeghla".
                ahead = text[max(0, words[i][0] - 40) : words[i][0]]
                cue = cue_before(ahead) if " of " in ahead[-9:] else None
                after = _CUE_AFTER.match(text[words[-1][1] : words[-1][1] + 40]) if i == 0 else None
                adjective = bool(cue or after) and gazetteer.country_for_adjective(text[words[i][0] : words[i][1]])
                if cue and cue.group("kind") and not adjective and free(words[i][0], words[-1][1]):
                    end = words[min(len(words), i + 3) - 1][1]
                    hit = Proposal(words[i][0], end, (), "cue", len(words) > 1, (seq_start, seq_end))
                elif (
                    after
                    and i == 0
                    and len(words) <= 3
                    and not initial
                    and not adjective
                    and free(words[0][0], words[-1][1])
                ):
                    hit = Proposal(words[0][0], words[-1][1], (), "cue", False, (seq_start, seq_end))
            if hit is None:
                i += 1
                continue
            found.append(hit)
            take(hit.start, hit.end)
            i = next((k for k, w in enumerate(words) if w[0] >= hit.end), len(words))
    found.sort(key=lambda p: p.start)
    return found


def _prefetch(
    text: str,
    sequences: Sequence[tuple[int, int, list[tuple[int, int]], bool]],
    of_names: Sequence[re.Match[str]],
    gazetteer: Gazetteer,
) -> None:
    """Ask the gazetteer in one batch about every name ``propose`` may look up (``Gazetteer.prefetch``):
    each run of up to ``MAX_NAME_WORDS`` words of each capitalised sequence (the head before a place
    suffix is one of them), fuzzily for a whole sequence, and the "X of Y" names. Asking about more
    than ``propose`` then looks up costs a little; asking about less, a query each.

    A run's key is its words' keys joined (the separators between words normalise to spaces), so each
    word is normalised once (and cached across texts) rather than every run.
    """
    keys: list[str] = []
    fuzzy: list[str] = []
    for _start, _end, words, initial in sequences:
        word_keys = [normalize(text[s:e]) for s, e in words]
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + MAX_NAME_WORDS) + 1):
                keys.append(" ".join(k for k in word_keys[i:j] if k))
        if len(words) <= MAX_NAME_WORDS and not (initial and len(words) == 1):
            fuzzy.append(" ".join(k for k in word_keys if k))
    keys.extend(normalize(m.group(0)) for m in of_names)
    gazetteer.prefetch(keys, fuzzy=fuzzy)


# "Dublin City", "Ohio State": the gazetteer knows them as other names of "Dublin" and "Ohio", which
# is how the text means them when an institution's name goes on ("Dublin City Council", "Ohio State
# University"); "Rakhine State" ending the name stays whole, and "Kansas City" is a name of its own.
_GENERIC_LAST = frozenset(["city", "state"])


def _named_as(matches: Sequence[Match], head: str) -> bool:
    """True when the best match's main name is ``head`` (the surface without its generic last word)."""
    return normalize(matches[0].place.name) == normalize(head)


_DIRECTION_BEFORE = re.compile(r"\b(?:[NSEW]|NE|NW|SE|SW)\.[ \t]$")


def _demonym_places(surface: str, gazetteer: Gazetteer) -> bool:
    # geoparse builds on recognition, so it is imported when first needed
    from .geoparse import demonym_places

    return bool(demonym_places(surface, gazetteer))


def _street_bounds(text: str, start: int, end: int, last: str) -> tuple[int, int]:
    """A street's span with its abbreviated direction before ("N. High St.") and the period of an
    abbreviated street word after it ("Main St."), which the capitalised sequence leaves out."""
    before = _DIRECTION_BEFORE.search(text, max(0, start - 4), start)
    if before:
        start = before.start()
    if last in _STREET_ABBREVIATIONS and text[end : end + 1] == ".":
        end += 1
    return start, end


# --------------------------------------------------------------------------------------------------
# Features


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What the whole text says about single words: surnames, first names, lowercase uses, counts."""

    surnames: frozenset[str]
    first_names: frozenset[str]
    lowercase: frozenset[str]
    counts: Counter[str]
    # For each proposed name, the admin1 area and the country that the document's *other* names vote
    # for most, with the size of that vote (see ``area_votes``).
    admin1_top: Mapping[str, tuple[tuple[str, str], float]] = field(default_factory=dict)
    country_top: Mapping[str, tuple[str, float]] = field(default_factory=dict)


def document_context(text: str, gazetteer: Gazetteer) -> DocumentContext:
    """Words that stand in person-name pairs ("Scott Walker") the gazetteer does not know as one name."""
    surnames: set[str] = set()
    first_names: set[str] = set()
    for m in _CAP_PAIR.finditer(text):
        first, last = m.group(1), m.group(2)
        if last.lower() in PLACE_SUFFIXES or last.lower() in STREET_SUFFIXES or first.lower() in PLACE_PREFIXES:
            continue
        if first.lower() in _NOT_PLACES or gazetteer.match(m.group(0), fuzzy=False):
            continue
        if first.lower() in TITLES:
            surnames.add(last)
            continue
        surnames.add(last)
        first_names.add(first)
    lowercase = set(_LOWERCASE_WORD.findall(text))
    counts = Counter(_CAPITALISED_RUN.findall(text))
    return DocumentContext(frozenset(surnames), frozenset(first_names), frozenset(lowercase), counts)


# The tokens of a window are the text's own except the one the window's edge cuts, so when a short
# window already holds more than the tokens wanted, they are those of the full 60-character window.
_SHORT_WINDOW = 24


def area_votes(
    text: str, proposals: Sequence[Proposal]
) -> tuple[dict[str, tuple[tuple[str, str], float]], dict[str, tuple[str, float]]]:
    """For each distinct proposed name, the admin1 area and the country the *other* names vote for most.

    Each name splits one vote over the admin1 areas (and one over the countries) its gazetteer entries
    lie in. A local paper's small towns ("Greer", "Watertown") lie in the state its other names lie in,
    while a surname that is also a place ("Lincoln", "Bell") has entries everywhere: ``features``
    compares a name's entries with the others' top area.
    """
    admin1: dict[str, dict[tuple[str, str], float]] = {}
    country: dict[str, dict[str, float]] = {}
    for p in proposals:
        surface = text[p.start : p.end]
        if not p.matches or surface in admin1:
            continue
        areas = {(m.place.country_code, m.place.admin1_code) for m in p.matches}
        countries = {m.place.country_code for m in p.matches}
        admin1[surface] = {a: 1.0 / len(areas) for a in areas}
        country[surface] = {c: 1.0 / len(countries) for c in countries}
    return _tops(admin1), _tops(country)


def _tops(votes: Mapping[str, Mapping[Any, float]]) -> dict[str, Any]:
    """Each name's (area, vote) with the largest sum of the other names' votes (ties: the larger area key)."""
    total: dict[Any, float] = {}
    for vote in votes.values():
        for area, v in vote.items():
            total[area] = total.get(area, 0.0) + v
    ranked = sorted(total.items(), key=lambda kv: (kv[1], kv[0]), reverse=True)
    tops = {}
    for surface, own in votes.items():
        best = next(((area, v) for area, v in ranked if area not in own), None)
        for area, v in own.items():
            rest = total[area] - v
            if rest > 1e-9 and (best is None or (rest, area) > (best[1], best[0])):
                best = (area, rest)
        if best is not None:
            tops[surface] = best
    return tops


def _previous_tokens(text: str, start: int, n: int = 2) -> list[str]:
    """The last ``n`` tokens of the 60 characters before ``start``."""
    if start > _SHORT_WINDOW:
        tokens = _TOKEN.findall(text, start - _SHORT_WINDOW, start)
        if len(tokens) > n:
            return tokens[-n:]
    return _TOKEN.findall(text[max(0, start - 60) : start])[-n:]


def _next_tokens(text: str, end: int, n: int = 2) -> list[str]:
    """The first ``n`` tokens of the 60 characters after ``end``."""
    if end + _SHORT_WINDOW < len(text):
        tokens = _TOKEN.findall(text, end, end + _SHORT_WINDOW)
        if len(tokens) > n:
            return tokens[:n]
    return _TOKEN.findall(text[end : end + 60])[:n]


def features(text: str, proposal: Proposal, context: DocumentContext, lexicon: Lexicon) -> dict[str, float]:
    """The filter's view of one proposal; neighbouring words only when the lexicon knows them."""
    vocabulary = lexicon.vocabulary
    known = (lambda w: True) if vocabulary is None else vocabulary.__contains__
    s, e = proposal.start, proposal.end
    surface = text[s:e]
    words = surface.split()
    f: dict[str, float] = {f"kind={proposal.kind}": 1.0}
    matches = proposal.matches
    places = [m.place for m in matches]
    if matches:
        f["gaz"] = 1.0
        f["gaz_exact" if matches[0].kind == "exact" else "gaz_skeleton"] = 1.0
        if matches[0].kind != "exact":
            f["skeleton_score"] = max(m.score for m in matches) / 100.0
        pop = max(p.population for p in places)
        f["log_pop"] = min(math.log10(pop + 1), 9.0) / 9.0
        f["pop>=100k"] = float(pop >= 100_000)
        f["pop<1k"] = float(pop < 1_000)
        f["log_candidates"] = math.log(len(places)) / math.log(25)
        codes = {p.feature_code for p in places}
        classes = {p.feature_class for p in places}
        f["country"] = float(any(c.startswith("PCL") for c in codes))
        f["adm1"] = float("ADM1" in codes)
        f["adm2"] = float("ADM2" in codes)
        f["capital"] = float(bool(codes & {"PPLC", "PPLA"}))
        for cls in classes:
            f[f"class={cls}"] = 1.0
    else:
        f["no_gaz"] = 1.0
    f[f"words={min(len(words), 3)}"] = 1.0
    if proposal.fragment:
        f["fragment"] = 1.0
        seq_start, seq_end = proposal.sequence
        if seq_end > e:
            f["fragment_has_after"] = 1.0
            nxt = text[e:seq_end].split()
            if nxt:
                w = nxt[0].strip("-").lower()
                f["seq_next_street"] = float(w in STREET_SUFFIXES)
                if known(w):
                    f[f"seq_next={w}"] = 1.0
        if seq_start < s:
            f["fragment_has_before"] = 1.0
            prv = text[seq_start:s].split()
            if prv:
                w = prv[-1].strip("-").lower().rstrip(".")
                f["seq_prev_title"] = float(w in TITLES)
                if known(w):
                    f[f"seq_prev={w}"] = 1.0
    initial = _sentence_initial(text, s)
    f["sentence_initial"] = float(initial)
    if text.isupper():
        f["all_caps_text"] = 1.0
    elif surface.isupper() and len(surface) > 1:
        f["acronym"] = 1.0
    if "." in surface:
        f["has_period"] = 1.0
    low = normalize(surface)
    if len(words) == 1:
        if surface in context.surnames:
            f["surname_in_doc"] = 1.0
        if surface in context.first_names:
            f["first_name_in_doc"] = 1.0
        if surface.lower() in context.lowercase:
            f["lowercase_in_doc"] = 1.0
        ratio = lexicon.lowercase.get(surface.lower(), 0.0)
        f["lowercase_ratio"] = ratio  # "man", "village": common words; "Paris": never lowercase
        f["mostly_lowercase"] = float(ratio >= 0.5)
        if surface in lexicon.first_names:
            f["first_name"] = 1.0
        if surface in lexicon.surnames:
            f["surname"] = 1.0
    f["log_count"] = math.log1p(context.counts.get(surface, 0)) / 3.0
    # Does the name lie where the document's other names lie? (their top area, if it has >= 1 vote)
    top = context.admin1_top.get(surface)
    if places and top is not None and top[1] >= 1.0:
        share = sum(1 for p in places if (p.country_code, p.admin1_code) == top[0]) / len(places)
        f["doc_admin1"] = float(share > 0)
        f["doc_admin1_share"] = share
    top_country = context.country_top.get(surface)
    if places and top_country is not None and top_country[1] >= 1.0:
        share = sum(1 for p in places if p.country_code == top_country[0]) / len(places)
        f["doc_country"] = float(share > 0)
        f["doc_country_share"] = share

    if low.split() and low.split()[-1] in PLACE_SUFFIXES:
        f["place_suffix"] = 1.0
    if len(words) > 1:
        last_word = words[-1].lower().rstrip(".")
        if last_word in PLACE_SUFFIXES or last_word in STREET_SUFFIXES or last_word in LANDMARK_SUFFIXES:
            f[f"last_word={last_word}"] = 1.0  # "Park" and "County" do not say "place" equally
    if low.split() and low.split()[0] in PLACE_PREFIXES:
        f["place_prefix"] = 1.0
    before = cue_before(text[max(0, s - 40) : s])
    if before:
        f["cue_before_type" if before.group("kind") else "cue_before_near"] = 1.0
    if _CUE_AFTER.match(text[e : e + 40]):
        f["cue_after"] = 1.0
    prev = _previous_tokens(text, s)
    nxt = _next_tokens(text, e)
    if prev:
        p = prev[-1].lower().rstrip(".")
        f["prev_title"] = float(p in TITLES)
        f["prev_cap"] = float(prev[-1][:1].isupper())
        if prev[-1] in lexicon.first_names:
            f["prev_first_name"] = 1.0
        if p in _PLACE_PREPOSITIONS:
            # "in Greer": a preposition of place, weighed by how much the gazetteer vouches for the name
            f["prep_gaz" if matches else "prep_no_gaz"] = 1.0
            if matches:
                f["prep_log_pop"] = f["log_pop"]
        if len(prev) > 1:
            bigram = f"{prev[-2].lower()} {p}"
            if known(bigram):
                f[f"prev2={bigram}"] = 1.0
        if known(p):
            f[f"prev={p}"] = 1.0
        if p == "," and len(prev) > 1 and prev[-2][:1].isupper():
            f["after_comma_place"] = 1.0  # "Columbus, Ohio": the second half of "X, Y"
    if nxt:
        n0 = nxt[0].lower()
        if known(n0):
            f[f"next={n0}"] = 1.0
        if nxt[0] in lexicon.surnames:
            f["next_surname"] = 1.0
        if n0 in {"'s", "’s", "'", "’"}:
            f["possessive"] = 1.0
        if n0 == "," and len(nxt) > 1 and nxt[1][:1].isupper():
            f["before_comma_cap"] = 1.0  # "Columbus, Ohio": the first half
    return f


def proposal_rows(
    text: str,
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    *,
    exclude: Sequence[tuple[int, int]] = (),
    offset: int = 0,
    demonyms: bool = False,
) -> tuple[list[Proposal], list[dict[str, float]]]:
    """Proposals and their feature dicts, for training and for ``find_toponyms``."""
    proposals = propose(text, gazetteer, exclude=exclude, offset=offset, demonyms=demonyms)
    if not proposals:
        return [], []
    admin1, country = area_votes(text, proposals)
    context = dataclasses.replace(document_context(text, gazetteer), admin1_top=admin1, country_top=country)
    return proposals, [features(text, p, context, lexicon) for p in proposals]


# Cue words that say "this is a place" outright: "the town of X", "X village", "X province".
_TYPE_AFTER = frozenset(
    ["town", "city", "village", "villages", "province", "governorate", "district", "region", "countryside", "mountains", "camp"]
)


def strongly_cued(text: str, proposal: Proposal) -> bool:
    """True when a type cue stands right before or after the span: it is kept whatever its score."""
    before = cue_before(text[max(0, proposal.start - 40) : proposal.start])
    if before and before.group("kind"):
        return True
    after = _CUE_AFTER.match(text[proposal.end : proposal.end + 40])
    return after is not None and after.group("kind").lower() in _TYPE_AFTER


def agree(
    text: str,
    proposals: Sequence[Proposal],
    scores: np.ndarray,
    rows: Sequence[dict[str, float]],
    slack: float = AGREEMENT_SLACK,
) -> np.ndarray:
    """One sense per discourse: a name is at least as likely as its best-scored mention, less ``slack``.

    "Gainesville" said plainly in one sentence is the place named "in Gainesville" in another. A word
    the text also uses as a surname ("Elizabeth Fairfield") lends and borrows nothing.
    """
    best: dict[str, float] = {}
    for p, v, row in zip(proposals, scores, rows, strict=True):
        if "surname_in_doc" not in row:
            key = text[p.start : p.end]
            best[key] = max(best.get(key, 0.0), float(v))
    out = scores.copy()
    for i, p in enumerate(proposals):
        out[i] = max(out[i], best.get(text[p.start : p.end], 0.0) - slack)
    return out
