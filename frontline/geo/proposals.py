"""Recognition's first step: propose every span of a text that might be a toponym.

Proposals come from capitalised word sequences looked up in the gazetteer longest first, plus names
the gazetteer lacks when their form says "place" ("Laurel County", "Mount Sinjar", "the village of
X"), numbered roads, postal and AP abbreviations ("Ky.", "U.S.", ", OH") and continents and regions.
The learned filter (``recognize``) then decides which proposals are toponyms.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .gazetteer import Gazetteer, Match, normalize
from .patterns import (
    CUE_AFTER,
    MAX_NAME_WORDS,
    MODIFIER,
    NOT_PLACES,
    SEQUENCE,
    UPPER,
    cue_before,
    demonym_places,
    sentence_initial,
    sequence_words,
    stop_words,
)

log = logging.getLogger(__name__)

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
# Several patterns here and in ``recognize`` start with the character they consume first, and check what
# stands before it with a lookbehind after it: the same matches as a leading ``\b`` or lookbehind
# (``(?<=[a-z]), ``, ``\b[A-Z]``, ``\b[a-z]``), but the regex engine can then skip quickly to where that
# character is (2-20x quicker on news text). They are public because tests/test_fast_paths.py compares
# them with the plain forms.
# A postal code after "<place>, " ("Columbus, OH").
POSTAL_CODE = re.compile(r",(?<=[a-z],) (?P<code>[A-Z]{2})\b(?![.\w])")
NAME = SEQUENCE.pattern.removeprefix(r"(?<![\w-])")
OF_NAME = re.compile(rf"(?<![\w-]){NAME}[ \t]of(?:[ \t]the)?[ \t]{NAME}")
# What every ``OF_NAME`` match holds: a word with a capital right before " of ". Half of all news texts
# have none, and this finds that ten times quicker than ``OF_NAME`` (which then cannot match).
OF_NAME_HINT = re.compile(rf"[{UPPER}][^\s]*[ \t]of[ \t]")


@dataclass(frozen=True, slots=True)
class Proposal:
    """A span that might be a toponym, before the filter. Offsets are relative to the text scored."""

    start: int
    end: int
    matches: tuple[Match, ...]
    kind: str  # "gazetteer", "suffix", "prefix", "street", "landmark", "road", "abbreviation", "postal", "region", "cue", "demonym"
    fragment: bool = False
    sequence: tuple[int, int] = (0, 0)  # the capitalised sequence it came from


def _split_at_possessives(text: str, start: int, end: int, gazetteer: Gazetteer) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """A capitalised sequence as one or more names: a possessive ends a name and the next capitalised word
    starts another ("Syria's Aleppo province": Syria, then Aleppo)."""
    out = []
    while start < end:
        words = _bare_possessive(text, sequence_words(text, start, end), gazetteer)
        if not words:
            break
        out.append((start, end, words))
        rest = re.search(r"\s+(?=[A-Z])", text[words[-1][1]:end])
        if words[-1][1] >= end or rest is None or text[words[-1][1]] not in "'’s":
            break
        start = words[-1][1] + rest.end()
    return out


def _bare_possessive(text: str, words: list[tuple[int, int]], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Words of a sequence, cut after a country's name written as a possessive without its apostrophe
    ("Syrias Aleppo province", "Iraqs north": scraped text that lost its punctuation), as "Syria's" is cut."""
    for k, (ws, we) in enumerate(words):
        word = text[ws:we]
        if len(word) >= 5 and word.endswith("s") and gazetteer.country_for_name(word[:-1]) and not gazetteer.country_for_name(word):
            return [*words[:k], (ws, we - 1)]
        if len(word) >= 5 and word.endswith("s") and _OWNED_AREA.match(text, we) and _province_or_city(word[:-1], gazetteer) and not gazetteer.match(word, fuzzy=False):
            return [*words[:k], (ws, we - 1)]  # "Idlibs countryside", "Darayas outskirts"
    return words


# What a province or a city owns in "X's countryside", "X's northern outskirts".
_OWNED_AREA = re.compile(
    r"\s+(?:(?:northern|southern|eastern|western|north(?:ern)?[\s-]?(?:east|west)(?:ern)?|south(?:ern)?[\s-]?(?:east|west)(?:ern)?)\s+)?"
    r"(?:countryside|outskirts|suburbs|province|governorate)\b",
    re.IGNORECASE,
)


def _province_or_city(name: str, gazetteer: Gazetteer) -> bool:
    """An exact name of a first-level province or of a city of 100,000 or more."""
    return any(m.place.feature_code == "ADM1" or (m.place.feature_class == "P" and m.place.population >= 100_000)
               for m in gazetteer.match(name, fuzzy=False))


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
    stops = stop_words()
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
        (start, end, words, sentence_initial(text, start))
        for seq in SEQUENCE.finditer(text)
        if not MODIFIER.match(text, seq.end())  # "Britain-based", "US-led": a modifier, not where it happened
        for start, end, words in _split_at_possessives(text, seq.start(), seq.end(), gazetteer)
    ]
    of_names = list(OF_NAME.finditer(text)) if OF_NAME_HINT.search(text) else []
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
    for m in POSTAL_CODE.finditer(text):
        s, e = m.start("code"), m.end("code")
        if m.group("code") in POSTAL and free(s, e):
            matches = tuple(gazetteer.match(POSTAL[m.group("code")], fuzzy=False))
            found.append(Proposal(s, e, matches, "postal", sequence=(s, e)))
            take(s, e)

    # "Democratic Republic of the Congo", "Horn of Africa": whole names with "of" inside.
    for m in of_names:
        if free(m.start(), m.end()) and not sentence_initial(text, m.start()):
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
                if key not in _REGION_KEYS and (first_low in NOT_PLACES or first_low in stops) and (
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
                        gazetteer.country_for_adjective(surface) or demonym_places(surface, gazetteer)
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
                after = CUE_AFTER.match(text[words[-1][1] : words[-1][1] + 40]) if i == 0 else None
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


def _street_bounds(text: str, start: int, end: int, last: str) -> tuple[int, int]:
    """A street's span with its abbreviated direction before ("N. High St.") and the period of an
    abbreviated street word after it ("Main St."), which the capitalised sequence leaves out."""
    before = _DIRECTION_BEFORE.search(text, max(0, start - 4), start)
    if before:
        start = before.start()
    if last in _STREET_ABBREVIATIONS and text[end : end + 1] == ".":
        end += 1
    return start, end


