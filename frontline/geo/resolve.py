"""Resolution: one gazetteer entry (or none) for each toponym of a document.

The document's country focus comes from votes (country and admin1 names, demonyms); a first,
hand-weighted pass (``rank``) picks an entry for every toponym, which gives the document context
(``document_context``) that the learned ranker's features see; ``resolve`` then lets the ranker pick
(``ranker.resolve_with``) and applies one sense per discourse. A pick the model does not believe is
left unresolved rather than guessed. ``resolve_heuristic`` is the hand-weighted resolution alone,
kept as a baseline.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from ..records import Place
from .gazetteer import Gazetteer, normalize
from .patterns import CUE_FEATURE, TYPE_CUES, UPPER
from .ranker import Ranker, resolve_with
from .ranker_features import DocumentContext, compass_follows, name_key, parent_areas

if TYPE_CHECKING:
    from .toponyms import Candidate

log = logging.getLogger(__name__)

# A capitalised word (``country_votes`` looks each up as a demonym): ``\b[{UPPER}][a-z]+(?:s)?\b``, with the
# boundary checked after the first character so that the regex engine skips quickly to capitals (the
# same matches; "‘", the one character of ``UPPER`` that is not a word character, has its boundary
# after a word character). Public: tests/test_fast_paths.py compares it with the plain form.
CAPITALISED_WORD = re.compile(
    rf"[{UPPER}](?<!\w[{UPPER.replace('‘', '')}])(?<![^\w]‘)(?<!^‘)[a-z]+(?:s)?\b"
)

# A word of a text in capitals, looked up as a demonym the same way ("SALVADORAN", "COLOMBIANS").
CAPITAL_WORD = re.compile(r"\b[A-Z]{4,}\b")


def demonyms(text: str, gazetteer: Gazetteer) -> Counter[str]:
    """How often ``text`` names each country by a nationality word ("Syrian", "SALVADORANS")."""
    found: Counter[str] = Counter()
    seen: dict[str, str | None] = {}  # capitalised words repeat ("The", "Police"): look each up once
    words = CAPITAL_WORD if text.isupper() else CAPITALISED_WORD  # a wire in capitals: "SALVADORAN"
    for m in words.finditer(text):
        word = m.group(0)
        if word not in seen:
            seen[word] = gazetteer.country_for_adjective(word)  # which also tries the singular
        code = seen[word]
        if code:
            found[code] += 1
    return found


# A country's name right before a noun it qualifies names a nationality, as a demonym does, not a place:
# "TWO U.S. CITIZENS HAVE BEEN KILLED" in a report from San Salvador, "the US embassy", "Russian" written
# "Russia's air force".
_NATIONALITY_NOUN = re.compile(
    r"(?:[’']s)?\s+(?:citizens?|nationals?|embass(?:y|ies)|consulates?|ambassadors?|envoys?|diplomats?|officials?|government"
    r"|administration|authorities|aid|troops|forces|soldiers|servicem[ae]n|marines|advisers|advisors|military|army|navy"
    r"|air\s+force|warplanes|jets|aircraft|drones?|intelligence|president|secretary|senators?|congress(?:m[ae]n)?"
    # ... or an affair named after it ("coordinator for the Syria crisis"): no place where something happened.
    r"|crisis|conflict)\b",
    re.IGNORECASE,
)


# Initials are written before the noun they qualify ("U.S. pilots", "U.S. imperialism", "U.S.-Chilean"); as a
# noun the name is spelt out ("the United States") or followed by a verb, a preposition or punctuation.
_INITIALS_AS_NOUN = re.compile(
    r"\s*(?:$|[^\w\s-]|(?:and|or|but|is|was|has|had|have|will|would|said|says|to|in|on|at|for|of|by|with|from|as|that|which|who"
    r"|are|were|did|does|do|can|could|may|might|must|should|the|a|an|last|this|since|after|before)\b)",
    re.IGNORECASE,
)


# Where someone or something was sent or came from is not where the report is: "their bodies will be
# sent to the United States", "information received from the United States".
_MOTION_BEFORE = re.compile(
    r"\b(?:sent|flown|taken|returned|repatriated|deported|extradited|fled|travel(?:l)?ed|arrived|came|received|brought|shipped)"
    r"\s+(?:back\s+)?(?:to|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def names_nationality(text: str, end: int, start: int | None = None) -> bool:
    """Whether the country name ending at ``end`` qualifies the noun after it ("U.S. citizens"); with its
    ``start``, initials ("U.S.") before any word but a verb, a preposition or an article, and a name joined
    to another by a hyphen ("U.S.-Chilean", "Chilean-U.S."), count too."""
    if _NATIONALITY_NOUN.match(text, end) is not None:
        return True
    if start is None:
        return False
    if text[end : end + 1] == "-" or (start > 0 and text[start - 1] == "-"):
        return True
    return text[start:end].endswith(".") and "." in text[start : end - 1] and not _INITIALS_AS_NOUN.match(text, end)


def _said_in_passing(text: str, start: int, end: int) -> bool:
    """A country named as a nationality ("U.S. citizens") or as where someone went or came from: it
    votes for the focus as a demonym does (1), not as a place where things happen (2)."""
    return names_nationality(text, end, start) or _MOTION_BEFORE.search(text, max(0, start - 40), start) is not None


_COMPASS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "middle", "upper", "lower", "far"]
)


def country_votes(
    candidates: Iterable[Candidate],
    text: str,
    gazetteer: Gazetteer,
    *,
    adjectives: Counter[str] | None = None,
    compass_regions: bool = True,
    spans_in: str | None = None,
) -> dict[str, float]:
    """Votes for the country a document is about: country names 2, admin1 names 1, demonyms 1.
    ``adjectives``: ``demonyms(text, gazetteer)`` when the caller has it already. ``compass_regions=False``:
    a first-level area named only by compass words ("South West", "Central") casts no vote; the event
    pipeline's focus asks so, while geoparsing keeps the votes its ranker was trained with (LGL, given spans:
    81.2 with them, 80.9 without). ``spans_in``: the text the candidates' spans index (the event pipeline gives it); with it, a country name
said in passing (``_said_in_passing``: "U.S. citizens", "sent to the United States") votes as a demonym (1),
not as a place (2)."""
    votes: Counter[str] = Counter()
    for candidate in candidates:
        if candidate.fuzzy:
            continue  # look-alikes do not vote
        span, places = candidate.span, candidate.places
        key = name_key(span.text)
        exact = [p for p in places if name_key(p.name) == key] or places
        countries = {p.country_code for p in exact if p.feature_code.startswith("PCL")}
        weight = 1 if spans_in is not None and _said_in_passing(spans_in, span.start, span.end) else 2
        for code in countries:
            votes[code] += weight
        # A first-level area named only by compass words ("South West", "Central", "Eastern") is a
        # name of a dozen countries' regions and of parts of every place: it says nothing of the country.
        compass = not compass_regions and all(word in _COMPASS for word in key.replace("-", " ").split())
        admin = set() if compass else {p.country_code for p in exact if p.feature_code == "ADM1"}
        # An ambiguous name votes for its prominent reading only: "San Salvador", a capital of 526,000,
        # is not a vote for the Bahamian district of 831 people that shares its name.
        top = max(exact, key=lambda p: p.population, default=None)
        if top is not None and top.population >= 100_000:
            admin = {c for c in admin if c == top.country_code}
        for code in admin - countries:
            votes[code] += 1
    votes.update(demonyms(text, gazetteer) if adjectives is None else adjectives)
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
    wanted = CUE_FEATURE.get(cue or "")
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
    doc = document_context(candidates, country, text=text, context=context, votes=votes)
    ranked = resolve_with(candidates, doc, ranker or Ranker.default(), nil=nil)
    # "Delmas, north-east South Africa" qualifies a later bare "Delmas" as "Paris, Tenn." does.
    qualified = [parent_areas(c, doc, compass=compass_follows(c, doc)) is not None for c in candidates]
    return _one_sense(candidates, ranked, qualified=qualified)


def document_context(
    candidates: Sequence[Candidate],
    country: str | None,
    *,
    text: str = "",
    context: Sequence[Candidate] | None = None,
    votes: dict[str, float] | None = None,
) -> DocumentContext:
    """What the ranker's features see of the document (the arguments are those of ``resolve``)."""
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
