"""Toponym recognition's filter: describe each proposal with features, keep the likely ones.

No pretrained NER. ``proposals.propose`` offers candidate spans; a small logistic-regression filter,
trained by ``frontline train recognizer`` (``frontline/training/recognizer.py``) and applied here with
numpy from a JSON artifact, scores each proposal from gazetteer evidence, capitalisation, cue words,
neighbouring words and what the rest of the text says about the word (is it someone's surname
elsewhere? is it used in lowercase?). ``toponyms.find_toponyms`` turns the kept proposals into
candidates.
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

from .gazetteer import Gazetteer, normalize
from .patterns import CUE_AFTER, NOT_PLACES, cue_before, sentence_initial
from .proposals import (
    LANDMARK_SUFFIXES,
    PLACE_PREFIXES,
    PLACE_SUFFIXES,
    STREET_SUFFIXES,
    TITLES,
    Proposal,
    propose,
)

log = logging.getLogger(__name__)

FORMAT = "frontline-recognizer/1"
AGREEMENT_SLACK = 0.3  # see ``agree``; chosen by held-out F1 among 0, 0.1, 0.2, 0.3
DEFAULT_MODEL = "recognizer.json"

# The tokens around a proposal (public, like the patterns below: tests/test_fast_paths.py compares the
# quick forms with the plain ones; see the note in ``proposals``).
TOKEN = re.compile(r"[\w'’.-]+|[^\w\s]")
CAP_PAIR = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+)[ \t]+([A-Z][a-z]+)\b")
LOWERCASE_WORD = re.compile(r"[a-z](?<!\w[a-z])[a-z]{2,}\b")
CAPITALISED_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[\w'’.-]*(?:[ \t][A-Z][\w'’.-]*)*")

# Feature prefixes of neighbouring words, which get a feature only when frequent enough in training
# (public: frontline/training/recognizer.py picks the vocabulary with it).
LEXICAL = frozenset({"prev", "next", "seq_prev", "seq_next", "prev2"})
_PLACE_PREPOSITIONS = frozenset("in at near from to into outside across through toward towards around".split())  # noqa: SIM905


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
        return frozenset(name.split("=", 1)[1] for name in self.names if name.split("=", 1)[0] in LEXICAL)

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
    for m in CAP_PAIR.finditer(text):
        first, last = m.group(1), m.group(2)
        if last.lower() in PLACE_SUFFIXES or last.lower() in STREET_SUFFIXES or first.lower() in PLACE_PREFIXES:
            continue
        if first.lower() in NOT_PLACES or gazetteer.match(m.group(0), fuzzy=False):
            continue
        if first.lower() in TITLES:
            surnames.add(last)
            continue
        surnames.add(last)
        first_names.add(first)
    lowercase = set(LOWERCASE_WORD.findall(text))
    counts = Counter(CAPITALISED_RUN.findall(text))
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


def previous_tokens(text: str, start: int, n: int = 2) -> list[str]:
    """The last ``n`` tokens of the 60 characters before ``start``."""
    if start > _SHORT_WINDOW:
        tokens = TOKEN.findall(text, start - _SHORT_WINDOW, start)
        if len(tokens) > n:
            return tokens[-n:]
    return TOKEN.findall(text[max(0, start - 60) : start])[-n:]


def next_tokens(text: str, end: int, n: int = 2) -> list[str]:
    """The first ``n`` tokens of the 60 characters after ``end``."""
    if end + _SHORT_WINDOW < len(text):
        tokens = TOKEN.findall(text, end, end + _SHORT_WINDOW)
        if len(tokens) > n:
            return tokens[:n]
    return TOKEN.findall(text[end : end + 60])[:n]


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
    initial = sentence_initial(text, s)
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
    if CUE_AFTER.match(text[e : e + 40]):
        f["cue_after"] = 1.0
    prev = previous_tokens(text, s)
    nxt = next_tokens(text, e)
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
    after = CUE_AFTER.match(text[proposal.end : proposal.end + 40])
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
