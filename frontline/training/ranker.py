"""Training the toponym ranker (``frontline train geoparse``) from the LGL and GeoVirus gold spans.

Recipe: every gold toponym with coordinates is resolved the way ``geoparse`` resolves given spans
(same candidates, same document context), and each of its gazetteer candidates becomes one row of
``ranker.FEATURES``. The label is 1 for the candidate nearest the gold point when it lies within
161 km, else 0. Spans with no candidate that near teach nothing about ranking and are left out of
the fit. Each span's rows weigh 1/sqrt(mentions of the same name in its document), so that a local
story repeating its town's name does not outweigh the other documents. A logistic regression (scikit-learn, L2, C=1, on standardised features folded back into
plain weights) or, by default, gradient-boosted trees (200 trees of depth 4, exported as arrays) is
fitted on the rows (distances are plain point distances to each entry's own point: the standard metric
the benchmark reports first); the "no match" threshold is then chosen on the same training
spans to maximise (right picks - wrong picks) among the picks it keeps.

scikit-learn is imported only here; the model it writes is applied with numpy.
"""

from __future__ import annotations

import logging
import math
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..geo.gazetteer import Gazetteer
from ..geo.geoparse import prepare
from ..geo.ranker import Ranker, Trees
from ..geo.ranker_features import FEATURES, features, name_key
from ..geo.resolve import document_context, focus_country
from ..records import Place
from .corpora.geoparsing import GoldDocument, read_geovirus, read_lgl, read_wiktor_gold

log = logging.getLogger(__name__)

ACC_KM = 161.0
CORPUS_FILES = {"lgl": "lgl.xml", "geovirus": "geovirus.xml", "wiktor": "wiktor_gold.txt"}
_READERS: dict[str, Callable[[Path], Iterable[GoldDocument]]] = {
    "lgl": read_lgl,
    "geovirus": read_geovirus,
    "wiktor": read_wiktor_gold,
}
TRAIN_CORPORA = ("lgl", "geovirus")
MODEL = "trees"
C = 1.0  # logistic regression
N_TREES, DEPTH, LEARNING_RATE = 200, 4, 0.1  # gradient boosting
SEED = 13


def km(lat1: float, lon1: float, lat2: np.ndarray | float, lon2: np.ndarray | float) -> Any:
    """Great-circle km (vectorised over the second point)."""
    p1, p2 = math.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2) - math.radians(lon1)
    a = np.sin(dp / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def point_km(places: Sequence[Place], lat: float, lon: float) -> np.ndarray:
    """Great-circle km from the point to each place's own coordinates."""
    if not places:
        return np.zeros(0)
    return np.asarray(km(lat, lon, np.array([p.latitude for p in places]), np.array([p.longitude for p in places])))


class Regions:
    """Which country and admin1 a point lies in, by its nearest populated place in the gazetteer.

    For the benchmark's second, region-aware column only (training and the headline use the plain point
    distance, the field's standard): a country or admin1 pick is measured as 0 km from a gold point
    that lies inside it (one of its 3 nearest populated places within 300 km is in it), and as the
    distance to its point otherwise.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        import sqlite3

        from sklearn.neighbors import BallTree  # type: ignore[import-untyped]

        # Read the places table directly: this is evaluation code, and the Gazetteer API has no scan.
        con = sqlite3.connect(f"{gazetteer.path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = con.execute(
                "SELECT latitude, longitude, country_code, admin1_code FROM places WHERE feature_class = 'P'"
            ).fetchall()
        finally:
            con.close()
        self._where = [(r[2], r[3]) for r in rows]
        self._tree = BallTree(np.radians([[r[0], r[1]] for r in rows]), metric="haversine")
        self._cache: dict[tuple[float, float], frozenset[tuple[str, str]]] = {}

    def where(self, lat: float, lon: float) -> frozenset[tuple[str, str]]:
        """(country, admin1) of the 3 populated places nearest the point, those within 300 km.

        Three, not one: a centre in the sea (Britain's, 54 N 4 W) may be nearest to another country's
        island.
        """
        key = (lat, lon)
        if key not in self._cache:
            dist, index = self._tree.query(np.radians([[lat, lon]]), k=3)
            self._cache[key] = frozenset(
                self._where[int(i)] for d, i in zip(dist[0], index[0], strict=True) if d * 6371.0 <= 300.0
            )
        return self._cache[key]

    def error_km(self, places: Sequence[Place], lat: float, lon: float) -> np.ndarray:
        """Distance of each place to the gold point, 0 for a country or admin1 region that contains it."""
        if not places:
            return np.zeros(0)
        dist = km(lat, lon, np.array([p.latitude for p in places]), np.array([p.longitude for p in places]))
        for i, p in enumerate(places):
            if dist[i] > ACC_KM and (p.feature_code.startswith("PCL") or p.feature_code == "ADM1"):
                inside = self.where(lat, lon)
                if p.feature_code == "ADM1":
                    hit = (p.country_code, p.admin1_code) in inside
                else:
                    hit = any(cc == p.country_code for cc, _ in inside)
                if hit:
                    dist[i] = 0.0
        return np.asarray(dist)


def load_corpus(name: str, data: Path) -> list[GoldDocument]:
    """A benchmark corpus from ``data/geoparsing`` (``data`` is the shared data folder)."""
    if name not in _READERS:
        raise ValueError(f"unknown corpus {name!r}; choose from {', '.join(_READERS)}")
    path = data / "geoparsing" / CORPUS_FILES[name]
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file (corpus {name})")
    return list(_READERS[name](path))


@dataclass
class SpanRows:
    """The candidates of one gold span: their feature rows and distances to the gold point."""

    doc: int  # index into the dataset's documents
    x: np.ndarray  # candidates x features
    km: np.ndarray  # distance of each candidate to the gold point
    weight: float = 1.0  # 1 / sqrt(mentions of the same name in the document): repeats add little

    @property
    def label(self) -> int | None:
        """Index of the candidate nearest the gold point if within 161 km, else None."""
        if len(self.km) == 0:
            return None
        best = int(np.argmin(self.km))
        return best if self.km[best] <= ACC_KM else None


def span_rows(docs: Sequence[GoldDocument], gazetteer: Gazetteer, regions: Regions | None = None) -> list[SpanRows]:
    """Feature rows of every gold span with coordinates, in document order.

    Distances are plain point distances from the gold point to each candidate's own point (the
    standard metric, and the training label); with ``regions``, region-aware ones (``Regions.error_km``).
    """
    out = []
    for number, doc in enumerate(docs):
        gold = [t for t in doc.toponyms if t.latitude is not None and t.longitude is not None]
        if doc.text is None or not gold:
            continue
        found, context, votes = prepare(doc.text, gazetteer, [(t.start, t.end) for t in gold])
        ctx = document_context(found, focus_country(votes), text=doc.text, context=context, votes=votes)
        mentions = Counter(name_key(c.span.text) for c in found)
        for candidate, t in zip(found, gold, strict=True):
            assert t.latitude is not None and t.longitude is not None
            dist = (
                regions.error_km(candidate.places, t.latitude, t.longitude)
                if regions is not None
                else point_km(candidate.places, t.latitude, t.longitude)
            )
            weight = mentions[name_key(candidate.span.text)] ** -0.5
            out.append(SpanRows(number, features(candidate, ctx), dist, weight))
    return out


def negative_rows(docs: Sequence[GoldDocument], gazetteer: Gazetteer) -> list[SpanRows]:
    """Feature rows of the spans recognition finds that overlap no gold toponym: words that are not places.

    Every candidate of such a span is wrong; they teach the model (and the NIL threshold) what a false
    hit looks like ("Assad", "Zaman"), which the gold spans alone cannot.
    """
    out = []
    for number, doc in enumerate(docs):
        if doc.text is None:
            continue
        gold = [(t.start, t.end) for t in doc.toponyms]
        found, context, votes = prepare(doc.text, gazetteer)
        ctx = document_context(found, focus_country(votes), text=doc.text, context=context, votes=votes)
        kept = [
            c for c in found if c.places and not any(s < c.span.end and c.span.start < e for s, e in gold)
        ]
        mentions = Counter(name_key(c.span.text) for c in kept)
        for candidate in kept:
            weight = mentions[name_key(candidate.span.text)] ** -0.5
            out.append(SpanRows(number, features(candidate, ctx), np.full(len(candidate.places), np.inf), weight))
    return out


def fit(
    spans: Sequence[SpanRows],
    *,
    negatives: Sequence[SpanRows] = (),
    model: str = MODEL,
    meta: dict[str, Any] | None = None,
) -> Ranker:
    """A ranker fitted on ``spans`` with a candidate within 161 km plus ``negatives`` (all candidates wrong).

    The NIL threshold is tuned on all of them. ``model``: "trees" (gradient boosting, the default) or
    "logistic".
    """
    usable = [s for s in spans if s.label is not None] + list(negatives)
    if not usable:
        raise ValueError("no training span has a gazetteer candidate within 161 km of its gold point")
    x = np.vstack([s.x for s in usable])
    y = np.concatenate(
        [np.eye(len(s.km), dtype=np.int8)[s.label] if s.label is not None else np.zeros(len(s.km), np.int8) for s in usable]
    )
    w = np.concatenate([np.full(len(s.km), s.weight) for s in usable])
    if len(set(y.tolist())) < 2:
        raise ValueError("training spans have no wrong candidates to learn from; give more data")
    if model == "logistic":
        ranker = _fit_logistic(x, y, w, meta)
    elif model == "trees":
        ranker = _fit_trees(x, y, w, meta)
    else:
        raise ValueError(f"unknown model {model!r}; choose trees or logistic")
    threshold = tune_nil(ranker, [*spans, *negatives])
    return Ranker(ranker.weights, ranker.bias, threshold, FEATURES, meta, ranker.trees)


def _fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, meta: dict[str, Any] | None) -> Ranker:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit((x - mean) / std, y, sample_weight=w)
    weights = model.coef_[0] / std
    bias = float(model.intercept_[0] - (model.coef_[0] * mean / std).sum())
    return Ranker(weights, bias, 0.0, FEATURES, meta)


def _fit_trees(x: np.ndarray, y: np.ndarray, w: np.ndarray, meta: dict[str, Any] | None) -> Ranker:
    from sklearn.ensemble import GradientBoostingClassifier  # type: ignore[import-untyped]

    model = GradientBoostingClassifier(
        n_estimators=N_TREES, max_depth=DEPTH, learning_rate=LEARNING_RATE, random_state=SEED
    )
    model.fit(x, y, sample_weight=w)
    grown = [estimator.tree_ for estimator in model.estimators_[:, 0]]
    size = max(t.node_count for t in grown)
    shape = (len(grown), size)
    feature = np.zeros(shape, dtype=np.int64)
    threshold = np.zeros(shape)
    left = np.tile(np.arange(size), (len(grown), 1))  # padding and leaves point to themselves
    right = left.copy()
    value = np.zeros(shape)
    for i, t in enumerate(grown):
        n = t.node_count
        inner = t.children_left[:n] != -1
        feature[i, :n] = np.where(inner, t.feature[:n], 0)
        threshold[i, :n] = np.where(inner, t.threshold[:n], 0.0)
        left[i, :n] = np.where(inner, t.children_left[:n], np.arange(n))
        right[i, :n] = np.where(inner, t.children_right[:n], np.arange(n))
        value[i, :n] = np.where(inner, 0.0, t.value[:n, 0, 0] * LEARNING_RATE)
    trees = Trees(feature, threshold, left, right, value, DEPTH)
    # The ensemble's constant (the prior log-odds): what the trees leave unexplained on one row.
    bias = float(model.decision_function(x[:1])[0] - trees.raw(x[:1])[0])
    ranker = Ranker(np.zeros(len(FEATURES)), bias, 0.0, FEATURES, meta, trees)
    check = ranker.probabilities(x[:200])
    expected = model.predict_proba(x[:200])[:, 1]
    if not np.allclose(check, expected, atol=1e-6):
        raise RuntimeError("the exported trees do not reproduce scikit-learn's probabilities")
    return ranker


def tune_nil(ranker: Ranker, spans: Sequence[SpanRows]) -> float:
    """The probability below which a pick is dropped: maximises right - wrong among the kept picks."""
    scored = []
    for s in spans:
        if len(s.km) == 0:
            continue
        p = ranker.probabilities(s.x)
        best = int(np.argmax(p))
        scored.append((float(p[best]), 1 if s.km[best] <= ACC_KM else -1))
    if not scored:
        return 0.0
    scored.sort(reverse=True)
    gain, best_gain, threshold = 0, 0, 1.0
    for prob, value in scored:  # keep everything at or above prob
        gain += value
        if gain > best_gain:
            best_gain, threshold = gain, prob
    return threshold


def pick(ranker: Ranker, s: SpanRows) -> int | None:
    if len(s.km) == 0:
        return None
    return int(np.argmax(ranker.probabilities(s.x)))


def folds(keys: Sequence[str], k: int, seed: int = SEED) -> dict[str, int]:
    """Seeded assignment of documents to ``k`` folds (each document in exactly one)."""
    order = sorted(set(keys))
    random.Random(seed).shuffle(order)
    return {key: i % k for i, key in enumerate(order)}


def train(
    data: Path,
    gazetteer: Gazetteer,
    output: Path,
    *,
    corpora: Sequence[str] = TRAIN_CORPORA,
    model: str = MODEL,
    progress: Callable[[str], None] | None = None,
) -> tuple[Ranker, dict[str, Any]]:
    """Train on all documents of ``corpora`` and write the model to ``output``; returns it and its scores."""
    spans: list[SpanRows] = []
    negatives: list[SpanRows] = []
    counts: dict[str, Any] = {}
    for name in corpora:
        docs = load_corpus(name, data)
        rows = span_rows(docs, gazetteer)
        negatives.extend(negative_rows(docs, gazetteer))
        if progress:
            progress(f"{name}: {len(docs)} documents, {len(rows)} gold spans with coordinates")
        right = sum(1 for s in rows if s.label is not None)
        counts[name] = {"documents": len(docs), "spans": len(rows), "with_candidate_within_161km": right}
        spans.extend(rows)
    counts["false_hits"] = len(negatives)
    meta: dict[str, Any] = {
        "trained_by": "frontline train geoparse",
        "corpora": list(corpora),
        "data": "../shared/data/geoparsing (LGL, GeoVirus: M. Gritta's GPL-3 repositories)",
        "gazetteer": gazetteer.metadata().get("cities", ""),
        "model": (
            f"gradient boosting (scikit-learn GradientBoostingClassifier: {N_TREES} trees, depth {DEPTH}, "
            f"learning rate {LEARNING_RATE}, random_state {SEED})"
            if model == "trees"
            else f"logistic regression, L2, C={C}, standardised features"
        ),
        "label": "candidate nearest the gold point (point distance to its own coordinates), if within 161 km",
        "counts": counts,
    }
    ranker = fit(spans, negatives=negatives, model=model, meta=meta)
    right = sum(1 for s in spans if (i := pick(ranker, s)) is not None and s.km[i] <= ACC_KM)
    scores = {"training_acc161": round(100 * right / max(1, len(spans)), 2), "nil_threshold": round(ranker.nil_threshold, 4)}
    meta["training_scores"] = scores
    ranker = Ranker(ranker.weights, ranker.bias, ranker.nil_threshold, FEATURES, meta, ranker.trees)
    output.parent.mkdir(parents=True, exist_ok=True)
    ranker.save(output)
    return ranker, scores
