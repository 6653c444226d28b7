"""Toponyms: the place names of a raw text, each with its gazetteer candidates (not yet resolved).

No pretrained NER: ``proposals`` offers candidate spans (capitalised word sequences looked up in
the gazetteer longest first, names whose form says "place", abbreviations), the learned filter of
``recognize`` keeps the likely ones, and ``find_toponyms`` returns them as ``Candidate``s. Picking
one entry for each is resolution's work (``resolve``, with the learned ``ranker``).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..records import Place, Span
from .gazetteer import Gazetteer
from .patterns import cue_at, sentence_initial
from .proposals import Proposal
from .recognize import Lexicon, Recognizer, agree, proposal_rows, strongly_cued

log = logging.getLogger(__name__)


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
    home: str | None = None,
) -> list[Candidate]:
    """Toponym spans in ``text`` with their cue and gazetteer candidates (unranked).

    Spans are proposed from capitalised sequences, the gazetteer and cue words, then kept when the
    learned ``recognizer`` (default: the packaged model) scores them as places; see ``recognize``.
    ``exclude`` holds (start, end) spans (absolute, i.e. including ``offset``) that are something
    else already, such as actor names. Spans are returned with absolute offsets. ``demonyms`` also
    returns nationality adjectives ("Russian"), which some benchmarks (LGL) count as toponyms.
    Pass the whole document at once: the filter uses what the rest of the text says about a word.
    ``home`` is the country an outlet of one country reports on (``dateline.outlet_country``): a name
    that lies there only is kept whatever the filter says (``home_name``).
    """
    model = recognizer if recognizer is not None else Recognizer.default()
    proposals, rows = proposal_rows(
        text, gazetteer, model.lexicon, exclude=exclude, offset=offset, demonyms=demonyms
    )
    if not proposals:
        return []
    scores = agree(text, proposals, model.scores(rows), rows)
    countries = _confident_countries(proposals, scores, model.threshold)
    named = countries | _confident_countries(proposals, scores, model.threshold, codes=("PPLC",))
    found: list[Candidate] = []
    for proposal, score in zip(proposals, scores, strict=True):
        if (
            proposal.kind != "demonym"
            and score < model.threshold
            and not strongly_cued(text, proposal)
            and not _variant_in(proposal, countries, text, model.lexicon)
            and not _city_of(proposal, named, text, model.lexicon)
            and (bool(countries) or not _only_there(proposal, text, model.lexicon))
            and not home_name(proposal, home, text, model.lexicon)
        ):
            continue
        start, end = proposal.start, proposal.end
        found.append(
            Candidate(
                Span(start + offset, end + offset, text[start:end]),
                cue_at(text, start, end),
                without_stand_ins(tuple(m.place for m in proposal.matches)),
                fuzzy=bool(proposal.matches) and all(m.kind != "exact" for m in proposal.matches),
                fragment=proposal.fragment,
                confidence=round(float(score), 4),
            )
        )
    return found


def without_stand_ins(places: tuple[Place, ...]) -> tuple[Place, ...]:
    """A country's own name, said of a place in that country, is the country: an imported entry of that name
    there (UCDP's "Syria" of "Syria/Turkey border Idlib Governorate", an ADM1 at Idlib) only stands in for it,
    and is no candidate when the country itself is one. GeoNames' and the project's own entries stay, and so
    does another country's namesake (a village "Qatar" in Aleppo). Recognition still counts every entry."""
    countries = {p.country_code for p in places if p.feature_code.startswith("PCL")}
    if not countries:
        return places
    return tuple(
        p for p in places
        if p.feature_code.startswith("PCL") or p.country_code not in countries or p.source.startswith(("geonames", "frontline-"))
    )


def _person_or_word(surface: str, lexicon: Lexicon) -> bool:
    """A first name, a surname ("Assad" is the president, not Asad) or a word also written in lowercase."""
    return surface in lexicon.first_names or surface in lexicon.surnames or lexicon.lowercase.get(surface.lower(), 0.0) > 0.0


def _confident_countries(
    proposals: Sequence[Proposal], scores: Iterable[float], threshold: float, codes: tuple[str, ...] = ("PCL", "ADM1")
) -> frozenset[str]:
    """Countries the filter is sure the text names, as a country or a province ("Latakia" -> SY); with
    ``codes`` ("PPLC"), those whose capital it is sure the text names ("BOGOTA, 7 SEP 89")."""
    return frozenset(
        m.place.country_code
        for p, score in zip(proposals, scores, strict=True)
        if score >= threshold
        for m in p.matches
        if m.kind == "exact" and m.place.feature_code.startswith(codes)
    )


def _variant_in(proposal: Proposal, countries: frozenset[str], text: str, lexicon: Lexicon) -> bool:
    """A transliteration variant ("Kinsabba" for Kinnsibbā) of a place in a country the text is
    surely about, capitalised mid-sentence. The filter learned from US news, where a skeleton-only
    match is mostly noise; in conflict reporting such spellings are the rule, so the ranker decides."""
    if proposal.fragment or not countries or sentence_initial(text, proposal.start):
        return False
    surface = text[proposal.start : proposal.end]
    if _person_or_word(surface, lexicon):
        return False  # "Assad" is the president, not Asad; a word also written in lowercase is a word
    skeletal = [m for m in proposal.matches if m.kind == "skeleton"]
    transliterated = _transliterated_countries()
    return bool(skeletal) and len(skeletal) == len(proposal.matches) and any(
        m.place.country_code in countries
        and m.place.country_code in transliterated
        and m.place.feature_class in ("P", "A", "T")
        for m in skeletal
    )


# A city this large is mostly named as the city in the news of its own country.
CITY_POPULATION = 1_000_000


def _city_of(proposal: Proposal, countries: frozenset[str], text: str, lexicon: Lexicon) -> bool:
    """A city of a million or more, exactly named, in a country the text surely names (itself, a province or its
    capital): "Medellin continues to live through a wave of terror" in a report from Bogota. The filter learned
    from US news what the words around a name say ("X continues" is mostly a person); in a report from the
    city's own country its name is the city unless it is also a person's name or a word."""
    if proposal.fragment or not countries:
        return False
    surface = text[proposal.start : proposal.end]
    if _person_or_word(surface, lexicon):
        return False
    return any(
        m.kind == "exact" and m.place.feature_class == "P" and m.place.population >= CITY_POPULATION
        and m.place.country_code in countries
        for m in proposal.matches
    )


# Words after which a name is where something happened or what was taken: "in Ma'arat al-Nu'man", "seize Kansaba".
_WHERE_BEFORE = re.compile(
    r"\b(?:in|near|at|on|into|outside|around|towards?|from|of|seized?|seizes|captured?|captures|recaptured?|recaptures|"
    r"retakes?|retook|storm(?:s|ed)?|hits?|bomb(?:s|ed)?|shell(?:s|ed)?|pound(?:s|ed)?|target(?:s|ed)?|enters?|entered)\s+$",
    re.IGNORECASE,
)


def _only_there(proposal: Proposal, text: str, lexicon: Lexicon) -> bool:
    """A name the gazetteer knows in one country only, a country whose place names come from another script,
    told where an act happened ("air strikes kill 12 in Ma'arat al-Nu'man", "rebels seize Kansaba"). The
    filter learned from US news scores such names low (no population, no US look-alike, apostrophes); a
    headline names no country to vouch for them, but the name itself leaves no other reading. Only for a
    text that names no country the filter is sure of (a text that does has ``_variant_in``)."""
    if proposal.fragment or not proposal.matches or sentence_initial(text, proposal.start):
        return False
    surface = text[proposal.start : proposal.end]
    if len(surface) < 4 or _person_or_word(surface, lexicon):
        return False
    countries = {m.place.country_code for m in proposal.matches}
    return (
        len(countries) == 1
        and countries <= _transliterated_countries()
        and all(m.place.feature_class in ("P", "A", "T") for m in proposal.matches)
        and _WHERE_BEFORE.search(text, max(0, proposal.start - 20), proposal.start) is not None
    )


def home_name(proposal: Proposal, home: str | None, text: str, lexicon: Lexicon) -> bool:
    """A name an outlet of one country (``home``: SOHR, Syria) gives, that the gazetteer knows in that
    country only: "Menbej", "Hendarat", "Ikhtren" (skeleton matches), "Hass massacre ...", "Maardes" at a
    headline's start. The filter learned from US news, where such names are rare, scores them low (no
    population, no look-alike, the opening word of a line); a monitor's headline names no country to
    vouch for them, but the outlet does. Not a word also written in lowercase, a first name or a surname
    ("Assad"), nor part of a longer capitalised run."""
    if home is None or proposal.fragment or not proposal.matches:
        return False
    surface = text[proposal.start : proposal.end]
    if len(surface) < 4 or _person_or_word(surface, lexicon):
        return False
    return all(m.place.country_code == home and m.place.feature_class in ("P", "A", "T", "L") for m in proposal.matches)


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
