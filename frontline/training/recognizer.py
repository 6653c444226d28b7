"""Train the toponym recognition filter (``frontline train recognizer``).

Every proposal that ``proposals.propose`` makes in a training document becomes one example: its
feature dict, labelled 1 when it is a gold toponym (LGL and GeoVirus: the exact gold span; re3d:
it overlaps the proper-name part of a Location span, see ``corpora.re3d.name_core``). Logistic
regression (scikit-learn, training only) is fitted on them; the weights go to a JSON file that
``recognize.Recognizer`` applies with numpy.

Cross-validation is by document (no document is both trained and tested on): each corpus' documents
are dealt into ``folds`` folds by a hash of their id; the held-out predictions of every fold give
the threshold (best F1 over all held-out documents) and the per-corpus figures reported and stored
in the artifact's ``meta``. Recognition counts gold toponyms that were never proposed as misses.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..geo.gazetteer import Gazetteer
from ..geo.proposals import Proposal
from ..geo.recognize import (
    LEXICAL,
    Lexicon,
    Recognizer,
    agree,
    proposal_rows,
    strongly_cued,
)
from .corpora.geoparsing import GoldDocument, read_geovirus, read_lgl
from .corpora.re3d import name_core, read_re3d

log = logging.getLogger(__name__)

CORPORA = ("re3d", "geovirus", "lgl")
MIN_COUNT = 5  # a neighbouring word gets its own feature when seen this often in training
C = 1.0  # inverse L2 strength; held-out F1 barely moves between 0.1 and 2


@dataclass(frozen=True, slots=True)
class Example:
    """One training document: its proposals' features and labels, and its gold spans."""

    corpus: str
    doc_id: str
    text: str
    proposals: tuple[Proposal, ...]
    rows: tuple[dict[str, float], ...]
    labels: tuple[int, ...]
    gold: frozenset[tuple[int, int]]


def load_corpus(name: str, data: Path) -> list[GoldDocument]:
    """The documents of one corpus under ``data`` (the shared data folder)."""
    if name == "lgl":
        return list(read_lgl(data / "geoparsing" / "lgl.xml"))
    if name == "geovirus":
        return list(read_geovirus(data / "geoparsing" / "geovirus.xml"))
    if name.startswith("re3d"):
        splits = name.split(":", 1)[1].split("+") if ":" in name else ["train", "dev"]
        return [doc for split in splits for doc in read_re3d(data / "ner" / "re3d" / f"{split}.txt")]
    raise ValueError(f"unknown corpus {name!r}; expected one of {', '.join(CORPORA)}")


def gold_spans(corpus: str, doc: GoldDocument) -> frozenset[tuple[int, int]]:
    """Gold toponym spans in the corpus' convention (re3d: the proper-name parts of Locations)."""
    assert doc.text is not None
    if corpus.startswith("re3d"):
        return frozenset(core for t in doc.toponyms for core in name_core(doc.text, t.start, t.end))
    return frozenset((t.start, t.end) for t in doc.toponyms)


def overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in others)


# Corpora whose annotators count nationality adjectives ("Russian") as toponyms.
DEMONYM_CORPORA = frozenset({"lgl"})


def person_names(data: Path) -> tuple[frozenset[str], frozenset[str]]:
    """First names and surnames: Faker's en_US and en_GB lists (US census / ONS derived, MIT) and the
    capitalised words of re3d's train and dev Person spans (surnames there: the last word)."""
    from faker.providers.person.en_GB import Provider as GB  # type: ignore[import-not-found]  # training only
    from faker.providers.person.en_US import Provider as US  # type: ignore[import-not-found]

    first = set(US.first_names) | set(GB.first_names)
    last = set(US.last_names) | set(GB.last_names)
    for split in ("train", "dev"):
        for doc in read_re3d(data / "ner" / "re3d" / f"{split}.txt", entity="Person"):
            assert doc.text is not None
            for t in doc.toponyms:
                words = [w for w in t.text.split() if w[:1].isupper() and w.isalpha() and len(w) > 2]
                if len(words) >= 2:
                    first.add(words[0])
                if words:
                    last.add(words[-1])
    return frozenset(first), frozenset(last)


# Raw news texts (not the evaluation sets) from which the lowercase ratio of each word is counted.
LOWERCASE_SOURCES = (
    "corpora/fakes_syria/FA-KES-Dataset.csv",
    "corpora/insightcrime/train.tsv",
    "corpora/insightcrime/dev.tsv",
    "corpora/satp/train.tsv",
)
_MID_SENTENCE = re.compile(r"(?<=[a-z,;] )([A-Za-z][a-z'’-]+)\b")


def lowercase_ratios(data: Path, *, min_count: int = 3) -> dict[str, float]:
    """For each word seen >= ``min_count`` times mid-sentence, the share of those uses in lowercase
    (one decimal; words never lowercased are left out). Only these counts are kept, no text."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for name in LOWERCASE_SOURCES:
        path = data / name
        if not path.exists():
            log.warning("%s: missing; the lowercase ratios will be thinner", path)
            continue
        for m in _MID_SENTENCE.finditer(path.read_text(encoding="utf-8", errors="replace")):
            word = m.group(1)
            (lower if word[0].islower() else upper)[word.lower()] += 1
    ratios = {}
    for word in lower:
        total = lower[word] + upper[word]
        if total >= min_count and round(lower[word] / total, 1) > 0:
            ratios[word] = round(lower[word] / total, 1)
    return ratios


def examples(
    corpus: str, docs: Sequence[GoldDocument], gazetteer: Gazetteer, lexicon: Lexicon
) -> list[Example]:
    """Proposals with labels; demonym proposals (LGL only) are kept by rule, so never trained on."""
    out = []
    demonyms = corpus in DEMONYM_CORPORA
    lenient = corpus.startswith("re3d")  # re3d spans are phrases; a name inside one is a toponym
    for doc in docs:
        assert doc.text is not None
        gold = gold_spans(corpus, doc)
        proposals, rows = proposal_rows(doc.text, gazetteer, lexicon, demonyms=demonyms)
        labels = [
            int(overlaps((p.start, p.end), gold) if lenient else (p.start, p.end) in gold) for p in proposals
        ]
        out.append(Example(corpus, doc.id, doc.text, tuple(proposals), tuple(rows), tuple(labels), gold))
    return out


def fold_of(doc_id: str, folds: int) -> int:
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % folds


def fit(train: Sequence[Example], lexicon: Lexicon, *, min_count: int = MIN_COUNT, c: float = C) -> Recognizer:
    """Logistic regression on the examples' proposals; lexical features seen < ``min_count`` times go."""
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]  # training only

    counts: Counter[str] = Counter(name for ex in train for row in ex.rows for name in row)
    names = sorted(n for n, k in counts.items() if n.split("=", 1)[0] not in LEXICAL or k >= min_count)
    index = {n: i for i, n in enumerate(names)}
    pairs = [(row, label) for ex in train for p, row, label in zip(ex.proposals, ex.rows, ex.labels, strict=True)
             if p.kind != "demonym"]
    rows = [row for row, _ in pairs]
    y = np.array([label for _, label in pairs])
    x = np.zeros((len(rows), len(names)))
    for i, row in enumerate(rows):
        for name, value in row.items():
            j = index.get(name)
            if j is not None:
                x[i, j] = value
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y)
    weights = model.coef_[0].astype(np.float64)
    return Recognizer(
        tuple(names),
        weights,
        float(model.intercept_[0]),
        0.5,
        {},
        lexicon.first_names,
        lexicon.surnames,
        dict(lexicon.lowercase),
    )


def counts_at(examples_: Sequence[Example], scores: Sequence[np.ndarray], threshold: float) -> tuple[int, int, int]:
    """True positives, false positives and false negatives (unproposed gold included), exact spans."""
    tp = fp = fn = 0
    for ex, s in zip(examples_, scores, strict=True):
        kept = {(p.start, p.end) for p, v in zip(ex.proposals, s, strict=True) if v >= threshold}
        if ex.corpus.startswith("re3d"):
            hit = {k for k in kept if overlaps(k, ex.gold)}
            tp += len(hit)
            fp += len(kept) - len(hit)
            fn += sum(1 for g in ex.gold if not overlaps(g, kept))
        else:
            tp += len(kept & ex.gold)
            fp += len(kept - ex.gold)
            fn += len(ex.gold - kept)
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def best_threshold(examples_: Sequence[Example], scores: Sequence[np.ndarray]) -> float:
    """The threshold with the best F1 over all held-out documents (ties: the lowest)."""
    grid = [round(t, 2) for t in np.arange(0.2, 0.81, 0.02)]
    return max(grid, key=lambda t: (prf(*counts_at(examples_, scores, t))["f1"], -t))


def apply(model: Recognizer, ex: Example) -> np.ndarray:
    """The model's scores for an example's proposals; demonyms and strongly cued names (kept by rule) at 1."""
    if not ex.rows:
        return np.zeros(0)
    scores = agree(ex.text, ex.proposals, model.scores(list(ex.rows)), ex.rows)
    scores[[p.kind == "demonym" or strongly_cued(ex.text, p) for p in ex.proposals]] = 1.0
    return scores


def cross_validate(data: Sequence[Example], lexicon: Lexicon, folds: int, *, c: float = C) -> list[np.ndarray]:
    """Held-out scores for every example, from models that never saw its document."""
    scores: list[np.ndarray | None] = [None] * len(data)
    for k in range(folds):
        train = [ex for ex in data if fold_of(ex.doc_id, folds) != k]
        model = fit(train, lexicon, c=c)
        for i, ex in enumerate(data):
            if fold_of(ex.doc_id, folds) == k:
                scores[i] = apply(model, ex)
    return [s if s is not None else np.zeros(0) for s in scores]


def train(
    data_dir: Path,
    out: Path,
    gazetteer: Gazetteer,
    *,
    corpora: Sequence[str] = CORPORA,
    folds: int = 5,
    c: float = C,
) -> dict[str, Any]:
    """Cross-validate, then fit on every document of ``corpora`` and write the artifact to ``out``."""
    first, last = person_names(data_dir)
    lowercase = lowercase_ratios(data_dir)
    lexicon = Lexicon(None, first, last, lowercase)
    data: list[Example] = []
    for name in corpora:
        docs = load_corpus(name, data_dir)
        log.info("%s: %d documents", name, len(docs))
        data.extend(examples(name, docs, gazetteer, lexicon))
    held_out = cross_validate(data, lexicon, folds, c=c)
    threshold = best_threshold(data, held_out)
    figures = {}
    for name in corpora:
        part = [(ex, s) for ex, s in zip(data, held_out, strict=True) if ex.corpus == name]
        figures[name] = prf(*counts_at([e for e, _ in part], [s for _, s in part], threshold))
    model = fit(data, lexicon, c=c)
    meta = {
        "trained_on": list(corpora),
        "examples": sum(len(ex.rows) for ex in data),
        "positives": sum(sum(ex.labels) for ex in data),
        "C": c,
        "min_count": MIN_COUNT,
        "folds": folds,
        "cross_validated": figures,
        "recipe": "frontline train recognizer --data ../shared/data",
    }
    final = Recognizer(model.names, model.weights, model.bias, threshold, meta, first, last, lowercase)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(final.to_dict(), indent=1, sort_keys=False) + "\n", encoding="utf-8")
    return {"threshold": threshold, "features": len(model.names), **meta}
