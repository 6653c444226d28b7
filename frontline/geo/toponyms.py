"""Toponyms: find place names in raw text with the gazetteer, then pick one entry for each.

No pretrained NER: candidate spans are capitalised word sequences (Arabic articles such as
"al-" allowed inside), looked up in the gazetteer longest first. Each span's candidates are
ranked by a small learned model (``ranker.py``) over prominence, name similarity, the document's
country focus and admin1 coherence, "X, Y" parents and cue words ("the town of X", "X province").
A pick the model does not believe is left unresolved rather than guessed.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from ..records import Place, Span
from .gazetteer import Gazetteer, normalize
from .ranker import name_key

if TYPE_CHECKING:

    from .ranker import DocumentContext, Ranker
    from .recognize import Lexicon, Proposal, Recognizer

log = logging.getLogger(__name__)

_ARTICLE = r"(?:al|el|a|as|ash|ad|ar|at|az|an|ath|adh|ez|es|ed|er|et|en|ul|ud|um)"
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽḤṢṬẒ‘ʿʾ"
_WORD = rf"(?:(?:St|Ste|Ft|Mt)\.(?=[ \t][{_UPPER}])|{_ARTICLE}[-‑][{_UPPER}][\w'’‘ʿʾ]*|[{_UPPER}][\w'’‘ʿʾ]*)"
# Words join across spaces and hyphens, never across a line break (a heading is not part of the next line).
_JOIN = r"(?:[ \t](?:al|el|as|ash|ad|ar|at|az|an|de|del|la|le|du|da|bin|ibn|bani|abu|umm|um|ez|es|ed|er|et|en)[ \t-]|[ \t-])"
_SEQUENCE = re.compile(rf"(?<![\w-]){_WORD}(?:{_JOIN}{_WORD})*")
_POSSESSIVE = re.compile(r"['’]s?$")
# A capitalised word (``country_votes`` looks each up as a demonym): ``\b[{_UPPER}][a-z]+(?:s)?\b``, with the
# boundary checked after the first character so that the regex engine skips quickly to capitals (the
# same matches; "‘", the one character of ``_UPPER`` that is not a word character, has its boundary
# after a word character).
_CAPITALISED_WORD = re.compile(
    rf"[{_UPPER}](?<!\w[{_UPPER.replace('‘', '')}])(?<![^\w]‘)(?<!^‘)[a-z]+(?:s)?\b"
)

_MODIFIER = re.compile(r"-(?:based|backed|led|held|controlled|allied|born)\b", re.IGNORECASE)
# What may stand before a sentence's first word: nothing, or end punctuation, quotes and spaces.
_AFTER_STOP = re.compile(r"[.!?][\"'’”)]?\s+[\"'‘“(-–—]?$")
# No place name is longer than this many words; it bounds the lookups in all-caps text.
MAX_NAME_WORDS = 6
# Capitalised words that are not places when they stand alone.
_NOT_PLACES = {
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
}
# Cue words right before a toponym, and the kind of place they announce.
_CUE_BEFORE = re.compile(
    r"(?:\b(?P<kind>town|city|village|province|governorate|district|region|area|neighbou?rhood|camp|mountains?|hill|outskirts|countryside|suburbs?)\s+of|\b(?P<prep>near|outside|around|close\s+to|north\s+of|south\s+of|east\s+of|west\s+of|northeast\s+of|northwest\s+of|southeast\s+of|southwest\s+of))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# The last word a ``_CUE_BEFORE`` match can end with (before an optional "the").
_CUE_BEFORE_ENDS = ("of", "near", "outside", "around", "to")
# The only characters that the regex, ignoring case, takes for a letter of those words and ``str.lower``
# does not ("ſ" for "s", "ı" and "İ" for "i"; checked over all of Unicode).
_CASE_SURPRISES = frozenset("ſıİ")


def cue_before(window: str) -> re.Match[str] | None:
    """``_CUE_BEFORE.search(window)``, without running the regex on the many windows it cannot match.

    A match ends the window with one of ``_CUE_BEFORE_ENDS`` (perhaps then "the") and whitespace; that
    is checked with ``str.lower`` first, unless the window holds one of the ``_CASE_SURPRISES``.
    """
    if window.isascii() or _CASE_SURPRISES.isdisjoint(window):
        tail = window.rstrip()
        if len(tail) == len(window):
            return None  # no whitespace at the end: nothing can match "\s+$"
        tail = tail.lower()
        if not tail.endswith(_CUE_BEFORE_ENDS) and not (
            tail.endswith("the") and tail[:-3].rstrip().endswith(_CUE_BEFORE_ENDS)
        ):
            return None
    return _CUE_BEFORE.search(window)


_CUE_AFTER = re.compile(
    r"^(?:['’]s\s+(?:\w+\s+)?)?\s*(?P<kind>town|city|village|villages|province|governorate|district|region|area|areas|countryside|suburbs?|mountains?|camp|neighbou?rhood|airport|airbase|border)\b",
    re.IGNORECASE,
)
# Which cues point at which kind of gazetteer entry.
_CUE_FEATURE = {
    "town": "P", "city": "P", "village": "P", "villages": "P", "camp": "P", "neighbourhood": "P",
    "neighborhood": "P", "airport": "P", "airbase": "P",
    "province": "ADM1", "governorate": "ADM1", "region": "ADM1", "district": "ADM2",
    "mountain": "T", "mountains": "T", "hill": "T",
}
# Cues that say what kind of place a name is.
TYPE_CUES = frozenset(_CUE_FEATURE)
# Cues that mean "near or around X" (ACLED geo_precision 2).
NEAR_CUES = {"near", "outside", "around", "close to", "outskirts", "countryside", "suburb", "suburbs", "area", "areas"}
NEAR_CUES |= {f"{d} of" for d in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible toponym: its span, cue word, gazetteer entries, and whether they matched only fuzzily."""

    span: Span
    cue: str | None
    places: tuple[Place, ...]
    fuzzy: bool = False
    fragment: bool = False  # part of a longer capitalised sequence ("Spring" of "Arab Spring")
    confidence: float = 1.0  # the recognition filter's probability that the span is a toponym


def find_toponyms(
    text: str,
    gazetteer: Gazetteer,
    *,
    exclude: Sequence[tuple[int, int]] = (),
    offset: int = 0,
    recognizer: Recognizer | None = None,
    demonyms: bool = False,
) -> list[Candidate]:
    """Toponym spans in ``text`` with their cue and gazetteer candidates (unranked).

    Spans are proposed from capitalised sequences, the gazetteer and cue words, then kept when the
    learned ``recognizer`` (default: the packaged model) scores them as places; see ``recognize``.
    ``exclude`` holds (start, end) spans (absolute, i.e. including ``offset``) that are something
    else already, such as actor names. Spans are returned with absolute offsets. ``demonyms`` also
    returns nationality adjectives ("Russian"), which some benchmarks (LGL) count as toponyms.
    Pass the whole document at once: the filter uses what the rest of the text says about a word.
    """
    from .recognize import (  # recognize builds on this module's patterns
        Recognizer,
        agree,
        proposal_rows,
        strongly_cued,
    )

    model = recognizer if recognizer is not None else Recognizer.default()
    proposals, rows = proposal_rows(
        text, gazetteer, model.lexicon, exclude=exclude, offset=offset, demonyms=demonyms
    )
    if not proposals:
        return []
    scores = agree(text, proposals, model.scores(rows), rows)
    countries = _confident_countries(proposals, scores, model.threshold)
    found: list[Candidate] = []
    for proposal, score in zip(proposals, scores, strict=True):
        if (
            proposal.kind != "demonym"
            and score < model.threshold
            and not strongly_cued(text, proposal)
            and not _variant_in(proposal, countries, text, model.lexicon)
        ):
            continue
        start, end = proposal.start, proposal.end
        found.append(
            Candidate(
                Span(start + offset, end + offset, text[start:end]),
                cue_at(text, start, end),
                tuple(m.place for m in proposal.matches),
                fuzzy=bool(proposal.matches) and all(m.kind != "exact" for m in proposal.matches),
                fragment=proposal.fragment,
                confidence=round(float(score), 4),
            )
        )
    return found


def _confident_countries(proposals: Sequence[Proposal], scores: Iterable[float], threshold: float) -> frozenset[str]:
    """Countries the filter is sure the text names, as a country or a province ("Latakia" -> SY)."""
    return frozenset(
        m.place.country_code
        for p, score in zip(proposals, scores, strict=True)
        if score >= threshold
        for m in p.matches
        if m.kind == "exact" and (m.place.feature_code.startswith("PCL") or m.place.feature_code == "ADM1")
    )


def _variant_in(proposal: Proposal, countries: frozenset[str], text: str, lexicon: Lexicon) -> bool:
    """A transliteration variant ("Kinsabba" for Kinnsibbā) of a place in a country the text is
    surely about, capitalised mid-sentence. The filter learned from US news, where a skeleton-only
    match is mostly noise; in conflict reporting such spellings are the rule, so the ranker decides."""
    if proposal.fragment or not countries or _sentence_initial(text, proposal.start):
        return False
    surface = text[proposal.start : proposal.end]
    if surface in lexicon.first_names or surface in lexicon.surnames or lexicon.lowercase.get(surface.lower(), 0.0) > 0.0:
        return False  # "Assad" is the president, not Asad; a word also written in lowercase is a word
    skeletal = [m for m in proposal.matches if m.kind == "skeleton"]
    transliterated = _transliterated_countries()
    return bool(skeletal) and len(skeletal) == len(proposal.matches) and any(
        m.place.country_code in countries
        and m.place.country_code in transliterated
        and m.place.feature_class in ("P", "A", "T")
        for m in skeletal
    )


# First languages written in another script than Latin (plus Somali, whose place names are spelled
# many ways): their place names reach English news in several transliterations.
_TRANSLITERATED_LANGUAGES = frozenset(
    # A word list reads better than a list literal here.
    "ar fa ps ur ku ckb ru uk be bg mk sr kk ky tg mn he yi hi bn ne mr pa gu ta te kn ml si dz my th lo km "  # noqa: SIM905
    "am ti ka hy zh ja ko el dv ug so".split()
)


@functools.lru_cache(maxsize=1)
def _transliterated_countries() -> frozenset[str]:
    """Countries whose first language is in ``_TRANSLITERATED_LANGUAGES`` (GeoNames countryInfo)."""
    import gzip
    from importlib import resources

    codes = set()
    with resources.files("frontline").joinpath("data", "countryInfo.txt.gz").open("rb") as raw, gzip.open(
        raw, "rt", encoding="utf-8"
    ) as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(fields) < 16 or not fields[15]:
                continue
            if fields[15].split(",")[0].split("-")[0] in _TRANSLITERATED_LANGUAGES:
                codes.add(fields[0])
    return frozenset(codes)


def _sentence_initial(text: str, start: int) -> bool:
    """True when only quotes, brackets or a sentence end stand before ``start``."""
    if start <= 8 and not text[:start].strip(" \"'‘“(-–—\n"):
        return True
    return _AFTER_STOP.search(text, max(0, start - 8), start) is not None


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
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


# Compiled once: ``_words`` runs for every capitalised sequence of every text.
_WORD_IN_SEQUENCE = re.compile(rf"(?:{_ARTICLE}[\s-])?[^\s-]+(?:-[^\s-]+)*")
_HYPHEN_PIECE = re.compile(r"[^-]+")
_ARTICLE_WORD = re.compile(_ARTICLE, re.IGNORECASE)


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
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
    after = _CUE_AFTER.match(text[end : end + 40])
    if after:
        return after.group("kind").lower()
    return None


def country_votes(
    candidates: Iterable[Candidate],
    text: str,
    gazetteer: Gazetteer,
) -> dict[str, float]:
    """Votes for the country a document is about: country names 2, admin1 names 1, demonyms 1."""
    votes: Counter[str] = Counter()
    for candidate in candidates:
        if candidate.fuzzy:
            continue  # look-alikes do not vote
        span, places = candidate.span, candidate.places
        key = name_key(span.text)
        exact = [p for p in places if name_key(p.name) == key] or places
        countries = {p.country_code for p in exact if p.feature_code.startswith("PCL")}
        for code in countries:
            votes[code] += 2
        admin = {p.country_code for p in exact if p.feature_code == "ADM1"}
        for code in admin - countries:
            votes[code] += 1
    seen: dict[str, str | None] = {}  # capitalised words repeat ("The", "Police"): look each up once
    for m in _CAPITALISED_WORD.finditer(text):
        word = m.group(0)
        if word not in seen:
            seen[word] = gazetteer.country_for_adjective(word)  # which also tries the singular
        demonym = seen[word]
        if demonym:
            votes[demonym] += 1
    return {code: float(n) for code, n in sorted(votes.items())}


def focus_country(votes: dict[str, float]) -> str | None:
    """The country with the most votes; ties break alphabetically, so the same text gives the same focus."""
    if not votes:
        return None
    return min(votes, key=lambda code: (-votes[code], code))


def document_country(
    candidates: Iterable[Candidate],
    text: str,
    gazetteer: Gazetteer,
) -> str | None:
    """The country a document is about: votes from country names, admin1 names and demonyms."""
    return focus_country(country_votes(candidates, text, gazetteer))


def rank(
    candidate: Candidate,
    *,
    country: str | None,
    admin1: frozenset[tuple[str, str]] = frozenset(),
) -> tuple[Place | None, float]:
    """The best entry for a candidate and its score, or (None, score) when none is credible."""
    span, cue, places = candidate.span, candidate.cue, candidate.places
    best: Place | None = None
    best_score = -math.inf
    surface = name_key(span.text)
    wanted = _CUE_FEATURE.get(cue or "")
    for place in places:
        score = min(math.log10(place.population + 1), 7.0) / 3.5  # prominence, up to 2
        similarity = fuzz.ratio(surface, name_key(place.name)) / 100.0
        score += similarity
        if country and place.country_code == country:
            score += 3.0
        if (place.country_code, place.admin1_code) in admin1:
            score += 1.0
        if place.feature_code.startswith("PCL"):
            score += 2.0  # a bare country name means the country
        if wanted:
            if wanted == place.feature_code or wanted == place.feature_class:
                score += 2.5
            elif wanted == "P" and place.feature_class == "A":
                score -= 0.5
        if score > best_score or (score == best_score and best is not None and place.geonameid < best.geonameid):
            best, best_score = place, score
    if best is None:
        return None, 0.0
    in_focus = country is not None and best.country_code == country
    if candidate.fragment and not (in_focus or best.feature_code.startswith("PCL") or best.feature_code == "ADM1"):
        return None, best_score  # "Spring" of "Arab Spring" is not Spring, Texas
    if candidate.fuzzy:
        # A spelling variant is believable only where the document already is.
        return (best if in_focus else None), best_score
    credible = (
        in_focus
        or best.population >= 50_000
        or best.feature_code.startswith("PCL")
        or best.feature_code == "ADM1"
        or (cue is not None and best.population >= 1_000)
        or (country is None and best.population >= 5_000)
    )
    return (best if credible else None), best_score


def resolve(
    candidates: Sequence[Candidate],
    country: str | None,
    *,
    text: str = "",
    context: Sequence[Candidate] | None = None,
    votes: dict[str, float] | None = None,
    ranker: Ranker | None = None,
    nil: bool = True,
) -> list[tuple[Place | None, float]]:
    """Pick an entry for every candidate of one document with the learned ranker.

    ``text`` is the document (for "X, Y" and "X in Y"); ``context`` every toponym found in it
    (default: ``candidates``); ``votes`` its country votes (``country_votes``; default: one vote for
    ``country``). ``ranker`` defaults to the packaged model. With ``nil``, a pick whose probability is
    below the model's threshold is left unresolved (for recognised spans; a caller who asserts that
    its spans are places passes ``nil=False``). The score returned is the pick's probability.

    Then one sense per discourse: once "Latakia province" is said, a bare "Latakia" in the same
    document is the province too.
    """
    from .ranker import Ranker, has_parent, resolve_with

    doc = document_context(candidates, country, text=text, context=context, votes=votes)
    ranked = resolve_with(candidates, doc, ranker or Ranker.default(), nil=nil)
    return _one_sense(candidates, ranked, qualified=[has_parent(c, doc) for c in candidates])


def document_context(
    candidates: Sequence[Candidate],
    country: str | None,
    *,
    text: str = "",
    context: Sequence[Candidate] | None = None,
    votes: dict[str, float] | None = None,
) -> DocumentContext:
    """What the ranker's features see of the document (the arguments are those of ``resolve``)."""
    from .ranker import DocumentContext

    context = list(candidates) if context is None else list(context)
    if votes is None:
        votes = {country: 1.0} if country else {}
    return DocumentContext.build(text, country, votes, context, _first_pass(context, country))


def resolve_heuristic(candidates: Sequence[Candidate], country: str | None) -> list[tuple[Place | None, float]]:
    """The hand-weighted resolution (``rank`` in two passes), kept as the first pass and as a baseline."""
    first = _first_pass(candidates, country)
    admin1 = frozenset((p.country_code, p.admin1_code) for p in first if p is not None and p.admin1_code)
    ranked = [rank(candidate, country=country, admin1=admin1) for candidate in candidates]
    return _one_sense(candidates, ranked)


def _first_pass(candidates: Sequence[Candidate], country: str | None) -> list[Place | None]:
    """Hand-weighted picks without document coherence: the context the second pass (and the ranker) sees."""
    return [rank(c, country=country)[0] for c in candidates]


def _one_sense(
    candidates: Sequence[Candidate],
    ranked: list[tuple[Place | None, float]],
    qualified: Sequence[bool] = (),
) -> list[tuple[Place | None, float]]:
    """A bare name takes the entry of the same name said with a type cue ("Latakia province") or,
    where ``qualified`` says so, with a parent place ("Paris, Tenn.")."""
    typed: dict[str, Place] = {}
    for i, (candidate, (place, _score)) in enumerate(zip(candidates, ranked, strict=True)):
        if place is not None and (candidate.cue in TYPE_CUES or (i < len(qualified) and qualified[i])):
            typed.setdefault(normalize(candidate.span.text), place)
    if not typed:
        return ranked
    out = []
    for i, (candidate, (place, score)) in enumerate(zip(candidates, ranked, strict=True)):
        if candidate.cue is None and not (i < len(qualified) and qualified[i]):
            place = typed.get(normalize(candidate.span.text), place)
        out.append((place, score))
    return out
