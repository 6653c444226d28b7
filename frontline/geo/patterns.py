"""Patterns of place names in English news text, shared by recognition and resolution.

Capitalised word sequences (Arabic articles such as "al-" allowed inside) and the words in them,
sentence starts, cue words before and after a name ("the town of X", "X province", "near X"),
words that are not places on their own, spaCy's stop words, and demonym endings ("Ohioans" ->
Ohio). No model and no document state: ``proposals``, ``recognize``, ``toponyms`` and ``resolve``
build on this module, which imports none of them.
"""

from __future__ import annotations

import functools
import logging
import re

from ..records import Place
from .gazetteer import Gazetteer

log = logging.getLogger(__name__)

_ARTICLE = r"(?:al|el|a|as|ash|ad|ar|at|az|an|ath|adh|ez|es|ed|er|et|en|ul|ud|um)"
# The capital letters a name may start with (public: ``proposals`` and ``resolve`` build patterns on it).
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽḤṢṬẒ‘ʿʾ"
_WORD = rf"(?:(?:St|Ste|Ft|Mt)\.(?=[ \t][{UPPER}])|{_ARTICLE}[-‑][{UPPER}][\w'’‘ʿʾ]*|[{UPPER}][\w'’‘ʿʾ]*)"
# Words join across spaces and hyphens, never across a line break (a heading is not part of the next line).
_JOIN = r"(?:[ \t](?:al|el|as|ash|ad|ar|at|az|an|de|del|la|le|du|da|bin|ibn|bani|abu|umm|um|ez|es|ed|er|et|en)[ \t-]|[ \t-])"
# A capitalised word sequence, where every proposal starts (public: ``proposals`` scans texts with it).
SEQUENCE = re.compile(rf"(?<![\w-]){_WORD}(?:{_JOIN}{_WORD})*")
_POSSESSIVE = re.compile(r"['’]s?$")
# "-based", "-led" after a name: a modifier, not where something happened.
MODIFIER = re.compile(r"-(?:based|backed|led|held|controlled|allied|born)\b", re.IGNORECASE)
# What may stand before a sentence's first word: nothing, or end punctuation, quotes and spaces.
_AFTER_STOP = re.compile(r"[.!?][\"'’”)]?\s+[\"'‘“(-–—]?$")
# No place name is longer than this many words; it bounds the lookups in all-caps text.
MAX_NAME_WORDS = 6
# Capitalised words that are not places when they stand alone.
NOT_PLACES = {
    "the", "a", "an", "in", "on", "at", "of", "and", "but", "or", "he", "she", "it", "they", "we", "i",
    "this", "that", "these", "those", "his", "her", "their", "its", "there", "after", "before", "while",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "mr", "mrs", "ms", "dr", "president", "minister", "prime", "general", "colonel", "major", "captain",
    "army", "forces", "force", "front", "brigade", "battalion", "division", "battle", "operation",
    "rebels", "rebel", "regime", "government", "police", "military", "islamic", "islamist", "state",
    "observatory", "human", "rights", "health", "directorate", "medical", "source", "sources", "news",
    "reuters", "agency", "ministry", "council", "party", "university", "hospital", "hospitals",
    "experts", "fighting", "however", "meanwhile", "according", "local", "residents", "activists",
    "comments", "article", "please", "share", "north", "south", "east", "west", "central", "northern",
    "southern", "eastern", "western", "national", "international", "united", "nations", "union",
    "al", "el", "ash", "as", "ad", "ar", "god", "allah", "sheikh", "imam", "said", "told",
    # Institutions named like small towns ("asked Congress to authorize": Congress, Arizona).
    "congress", "parliament", "senate",
}
# Cue words right before a toponym, and the kind of place they announce.
CUE_BEFORE = re.compile(
    r"(?:\b(?P<kind>town|city|village|province|governorate|district|region|area|neighbou?rhood|camp|mountains?|hill|outskirts|countryside|suburbs?)\s+of|\b(?P<prep>near|outside|around|close\s+to|north\s+of|south\s+of|east\s+of|west\s+of|northeast\s+of|northwest\s+of|southeast\s+of|southwest\s+of))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# The last word a ``CUE_BEFORE`` match can end with (before an optional "the").
CUE_BEFORE_ENDS = ("of", "near", "outside", "around", "to")
# The only characters that the regex, ignoring case, takes for a letter of those words and ``str.lower``
# does not ("ſ" for "s", "ı" and "İ" for "i"; checked over all of Unicode).
_CASE_SURPRISES = frozenset("ſıİ")


def cue_before(window: str) -> re.Match[str] | None:
    """``CUE_BEFORE.search(window)``, without running the regex on the many windows it cannot match.

    A match ends the window with one of ``CUE_BEFORE_ENDS`` (perhaps then "the") and whitespace; that
    is checked with ``str.lower`` first, unless the window holds one of the ``_CASE_SURPRISES``.
    """
    if window.isascii() or _CASE_SURPRISES.isdisjoint(window):
        tail = window.rstrip()
        if len(tail) == len(window):
            return None  # no whitespace at the end: nothing can match "\s+$"
        tail = tail.lower()
        if not tail.endswith(CUE_BEFORE_ENDS) and not (
            tail.endswith("the") and tail[:-3].rstrip().endswith(CUE_BEFORE_ENDS)
        ):
            return None
    return CUE_BEFORE.search(window)


# Cue words right after a toponym ("X province", "X's countryside").
CUE_AFTER = re.compile(
    r"^(?:['’]?s\s+(?:\w+\s+)?|\s+(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?(?=\s+countryside))?\s*(?P<kind>town|city|village|villages|province|governorate|district|region|area|areas|countryside|suburbs?|mountains?|camp|neighbou?rhood|airport|airbase|border)\b",
    re.IGNORECASE,
)
# Which cues point at which kind of gazetteer entry.
CUE_FEATURE = {
    "town": "P", "city": "P", "village": "P", "villages": "P", "camp": "P", "neighbourhood": "P",
    "neighborhood": "P", "airport": "P", "airbase": "P",
    "province": "ADM1", "governorate": "ADM1", "region": "ADM1", "district": "ADM2", "state": "ADM1",
    "mountain": "T", "mountains": "T", "hill": "T",
}
# Cues that say what kind of place a name is.
TYPE_CUES = frozenset(CUE_FEATURE)
# Cues that mean "near or around X" (ACLED geo_precision 2).
NEAR_CUES = {"near", "outside", "around", "close to", "outskirts", "countryside", "suburb", "suburbs", "area", "areas"}
NEAR_CUES |= {f"{d} of" for d in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")}


def sentence_initial(text: str, start: int) -> bool:
    """True when only quotes, brackets or a sentence end stand before ``start``."""
    if start <= 8 and not text[:start].strip(" \"'‘“(-–—\n"):
        return True
    return _AFTER_STOP.search(text, max(0, start - 8), start) is not None


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words ("more", "however", ...), which name places only by accident.

    Read from spaCy's ``lang/en/stop_words.py`` (a module without imports) without importing the
    ``spacy`` package, whose import costs ~0.8 s of a ``frontline geoparse`` start.
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("spacy")
    if spec is not None and spec.origin:
        path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
        words = importlib.util.spec_from_file_location("_frontline_spacy_stop_words", path)
        if words is not None and words.loader is not None and path.is_file():
            module = importlib.util.module_from_spec(words)
            words.loader.exec_module(module)
            return frozenset(module.STOP_WORDS)
    # An unusual install (no spacy/lang/en/stop_words.py beside the package): the ordinary import.
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


# Compiled once: ``sequence_words`` runs for every capitalised sequence of every text.
_WORD_IN_SEQUENCE = re.compile(rf"(?:{_ARTICLE}[\s-])?[^\s-]+(?:-[^\s-]+)*")
_HYPHEN_PIECE = re.compile(r"[^-]+")
_ARTICLE_WORD = re.compile(_ARTICLE, re.IGNORECASE)


def sequence_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word boundaries inside a capitalised sequence; Arabic articles stay with their noun.

    A hyphen between two capitalised parts separates words ("Israeli-Palestinian", "Fargo-Moorhead");
    one after an article does not ("al-Qantra").
    """
    words = []
    for m in _WORD_IN_SEQUENCE.finditer(text[start:end]):
        s, e = start + m.start(), start + m.end()
        parts = [(s, e)]
        if "-" in text[s:e]:
            parts = []
            last = ""  # the previous hyphen-separated piece
            for piece in _HYPHEN_PIECE.finditer(text[s:e]):
                ps, pe = s + piece.start(), s + piece.end()
                here = text[ps:pe]
                if parts and not (here[:1].isupper() and last[:1].isupper() and not _ARTICLE_WORD.fullmatch(last)):
                    parts[-1] = (parts[-1][0], pe)  # "al-Qantra", "Port-au-Prince": one word
                else:
                    parts.append((ps, pe))
                last = here
        for ws, we in parts:
            possessive = _POSSESSIVE.search(text[ws:we])
            if possessive and possessive.start() > 0:
                words.append((ws, ws + possessive.start()))
                return words  # "Latakia's northern countryside": the name ends at the possessive
            words.append((ws, we))
    return words


def cue_at(text: str, start: int, end: int) -> str | None:
    before = cue_before(text[max(0, start - 40) : start])
    if before:
        return (before.group("kind") or " ".join(before.group("prep").lower().split())).lower()
    after = CUE_AFTER.match(text[end : end + 40])
    if after:
        return after.group("kind").lower()
    if _STATE_BEFORE.search(text, max(0, start - 20), start) or _STATE_AFTER.match(text, end):
        return "state"
    return None


# "the state of Washington", "Washington state": the US state, not the capital named after it (GeoNames
# has both). A cue of its own, not in ``CUE_BEFORE``/``CUE_AFTER``, so that the recognizer's features
# (trained with those) stay as they were. After the name only in lower case: "Washington State
# University", "Ohio State" and "Islamic State" are names, not cues.
_STATE_BEFORE = re.compile(r"\b[Ss]tate\s+of\s+(?:the\s+)?$")
_STATE_AFTER = re.compile(r"[ \t]+state\b(?![ \t]+[A-Z])")


# English demonym endings -> the place-name endings they come from, tried in this order on a given span
# the gazetteer does not know: "Ohioans" -> Ohio, "Ontarians" -> Ontario, "Texan" -> Texas,
# "European" -> Europe, "Dagestani" -> Dagestan, "South Ossetian" -> South Ossetia, "New Yorker" -> New York.
_DEMONYM_ENDINGS = (
    ("ians", "ia"), ("ian", "ia"), ("ians", "io"), ("ian", "io"), ("eans", "e"), ("ean", "e"),
    ("ans", "a"), ("an", "a"), ("ans", "as"), ("an", "as"), ("ans", ""), ("an", ""),
    ("is", ""), ("i", ""), ("ers", ""), ("er", ""),
)  # fmt: skip
# Only areas have demonyms people write as toponyms: states, countries, continents and world regions.
_DEMONYM_KINDS = frozenset({"ADM1", "CONT", "RGN", "PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "PCLH"})


def demonym_places(surface: str, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """The area a demonym the gazetteer does not know names: "Minnesotans" -> Minnesota (ADM1), else ().

    Given spans only (LGL counts demonyms as toponyms); the first ending that gives an area's exact name wins.
    """
    if not surface[:1].isupper() or len(surface) < 5:
        return ()
    for ending, replacement in _DEMONYM_ENDINGS:
        if surface.endswith(ending) and len(surface) - len(ending) >= 3:
            name = surface[: len(surface) - len(ending)] + replacement
            areas = tuple(p for p in gazetteer.lookup(name, fuzzy=False) if p.feature_code in _DEMONYM_KINDS)
            if areas:
                return areas
    return ()




# A named feature the gazetteer lacks, written after a place it takes its name from or lies in: "X Township",
# "X River", "X Valley", "X Province", "the Port of X", "South X", "Lake X", "Loudon Co.". Only GeoNames'
# populated places and areas are in the default gazetteer, so rivers, townships, valleys and parts of
# cities have no entry of their own; the place X is the nearest thing it holds.
_GENERIC_AFTER = re.compile(
    r"^(?P<name>.+?)\s+(?:Township|Twp\.?|Province|Region|District|Valley|River|Creek|Station|Harbou?r|Canal|"
    r"Prefecture|Governorate|Municipality|Borough|Parish|Park|Lake|Bay)$"
)
_GENERIC_BEFORE = re.compile(
    r"^(?:(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Downtown|Greater)\s+|"
    r"(?:Port|Lake|Gulf|Bay|Isle|County|Province|Region|District|Valley)\s+of\s+(?:the\s+)?|(?:Lake|River)\s+)(?P<name>.+)$"
)
_ABBREVIATED = ((re.compile(r"\bCo\.$"), "County"), (re.compile(r"\bTwp\.?$"), "Township"))
# What is left must be a name, not a direction or a generic word ("North Eastern", "North Island").
_NOT_A_NAME = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower", "middle", "island", "islands", "midlands", "atlantic", "pacific", "prince", "plateau"]
)


def variant_places(surface: str, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Entries for a given span the gazetteer has no entry for, from the place its name is made of, else ().

    "Loudon Co." -> Loudon County, "Hamilton Township" -> Hamilton, "Kanawha River" -> Kanawha, "South Los
    Angeles" / "Port of Los Angeles" -> Los Angeles. Given spans only (the caller says the span is a place;
    the best guess is then never worse than none); the first variant the gazetteer knows wins.
    """
    variants = [pattern.sub(full, surface) for pattern, full in _ABBREVIATED if pattern.search(surface)]
    for pattern in (_GENERIC_AFTER, _GENERIC_BEFORE):
        match = pattern.match(surface)
        if match:
            variants.append(match.group("name"))
    for name in variants:
        if name.lower() in _NOT_A_NAME or not name[:1].isupper():
            continue
        places = tuple(m.place for m in gazetteer.match(name))
        if places:
            return places
    return ()
