"""The learned toponym ranker: a scorer of (span, candidate) feature vectors, applied with numpy.

Each gazetteer candidate of a toponym span gets a feature vector (``ranker_features``). A model of
boosted trees (or a logistic one), trained by ``frontline train geoparse``
(``frontline/training/ranker.py``) and shipped as ``models/ranker.json``, scores each pair; an entry
of the user's own import gets a fixed log-odds bonus when the document does not contradict it
(``imported_bonus``: a rule, since the training data hold no imports); the highest-scoring candidate
wins. Its probability below the model's learned ``nil_threshold`` means "no match" unless the pick is
prominent (a country, a city of 50,000, the kind of place its cue announces, a spelling variant in the
document's country); this is used when the spans come from recognition, not when a caller asserts
that a span is a place.

scikit-learn is needed only to train; at run time the model is arrays and numpy.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..records import Place
from .ranker_features import (
    COLUMN,
    CUE_KIND,
    FEATURES,
    DocumentContext,
    compass_follows,
    features,
    follows_comma_place,
    list_areas,
    parent_areas,
)

if TYPE_CHECKING:
    from .toponyms import Candidate

log = logging.getLogger(__name__)

MODEL_VERSION = 1
DEFAULT_MODEL = "ranker.json"
# Log-odds bonus of an entry from the user's own import (see ``imported_bonus``): odds x 403.
IMPORTED_BONUS = 6.0
# ... except against a same-named city of its country of at least this population.
CITY = 100_000
_NO_FOCUS, _NO_OTHERS = FEATURES.index("no_focus"), FEATURES.index("no_others")


class RankerError(Exception):
    """The ranker model file is missing, unreadable or of another version."""


@dataclass(frozen=True, slots=True)
class Trees:
    """A boosted tree ensemble as padded arrays (trees x nodes); a leaf points to itself."""

    feature: np.ndarray  # int, feature index tested at each node
    threshold: np.ndarray  # go left when x[feature] <= threshold
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray  # leaf values (0 at inner nodes)
    depth: int

    def raw(self, x: np.ndarray) -> np.ndarray:
        """Sum of the leaf values each row reaches, all trees at once (depth steps of numpy)."""
        n_trees, size = self.feature.shape
        base = (np.arange(n_trees) * size)[None, :]
        feature, threshold = self.feature.ravel(), self.threshold.ravel()
        left, right = self.left.ravel(), self.right.ravel()
        node = np.broadcast_to(base, (x.shape[0], n_trees))
        flat_x = np.ascontiguousarray(x, dtype=np.float64).ravel()
        row_offset = (np.arange(x.shape[0]) * x.shape[1])[:, None]
        for _ in range(self.depth):
            values = flat_x[row_offset + feature[node]]
            node = base + np.where(values <= threshold[node], left[node], right[node])
        return np.asarray(self.value.ravel()[node].sum(axis=1))

    def as_json(self) -> dict[str, Any]:
        return {
            "depth": self.depth,
            "feature": self.feature.tolist(),
            "threshold": self.threshold.tolist(),
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "value": [[round(float(v), 6) for v in row] for row in self.value],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Trees:
        return cls(
            np.array(data["feature"], dtype=np.int64),
            np.array(data["threshold"], dtype=np.float64),
            np.array(data["left"], dtype=np.int64),
            np.array(data["right"], dtype=np.int64),
            np.array(data["value"], dtype=np.float64),
            int(data["depth"]),
        )


@dataclass(frozen=True)
class Ranker:
    """``probability = sigmoid(bias + x @ weights + trees(x))`` over ``FEATURES``.

    The shipped model is boosted trees (weights all zero); a plain logistic model has no trees.
    """

    weights: np.ndarray
    bias: float
    nil_threshold: float
    features: tuple[str, ...] = FEATURES
    meta: dict[str, Any] | None = None
    trees: Trees | None = None

    def __post_init__(self) -> None:
        if tuple(self.features) != FEATURES:
            raise RankerError(
                f"model features {list(self.features)} differ from this frontline's {list(FEATURES)}; "
                "retrain it with 'frontline train geoparse'"
            )
        if self.weights.shape != (len(FEATURES),):
            raise RankerError(f"model has {self.weights.shape} weights, expected {len(FEATURES)}")

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Probability that each row's candidate is the right entry."""
        z = x @ self.weights + self.bias
        if self.trees is not None:
            z = z + self.trees.raw(x)
        return np.asarray(1.0 / (1.0 + np.exp(-z)))

    # -- files -----------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | str | None = None) -> Ranker:
        """Read a model written by ``save``; default: the packaged ``frontline/models/ranker.json``."""
        try:
            if path is None:
                raw = resources.files("frontline").joinpath("models", DEFAULT_MODEL).read_text(encoding="utf-8")
                where = f"frontline/models/{DEFAULT_MODEL}"
            else:
                raw = Path(path).read_text(encoding="utf-8")
                where = str(path)
        except OSError as exc:
            raise RankerError(f"cannot read ranker model {path or DEFAULT_MODEL}: {exc}") from exc
        try:
            data = json.loads(raw)
            if data.get("version") != MODEL_VERSION:
                raise RankerError(f"{where}: model version {data.get('version')}, expected {MODEL_VERSION}")
            names = tuple(data["features"])
            weights = np.array([float(data["weights"].get(n, 0.0)) for n in names], dtype=np.float64)
            trees = Trees.from_json(data["trees"]) if data.get("trees") else None
            return cls(weights, float(data["bias"]), float(data["nil_threshold"]), names, data.get("meta"), trees)
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise RankerError(f"{where}: not a ranker model ({exc})") from exc

    @classmethod
    def default(cls) -> Ranker:
        """The packaged model, loaded once per process."""
        return _default_ranker()

    def save(self, path: Path | str) -> None:
        data = {
            "version": MODEL_VERSION,
            "features": list(self.features),
            "weights": {n: round(float(w), 6) for n, w in zip(self.features, self.weights, strict=True) if w},
            "bias": round(self.bias, 6),
            "nil_threshold": round(self.nil_threshold, 4),
            "meta": self.meta or {},
            "trees": self.trees.as_json() if self.trees is not None else None,
        }
        Path(path).write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")


@functools.lru_cache(maxsize=1)
def _default_ranker() -> Ranker:
    return Ranker.load()



def choose(candidate: Candidate, doc: DocumentContext, ranker: Ranker) -> tuple[Place | None, float]:
    """The best-scoring entry of ``candidate`` and its probability (None, 0.0 without entries)."""
    if not candidate.places:
        return None, 0.0
    x = features(candidate, doc)
    return _pick(candidate, ranker.probabilities(x), x, list_areas(candidate, doc), _compass_parent(candidate, doc))


def imported_bonus(candidate: Candidate, x: np.ndarray) -> np.ndarray:
    """Log-odds added to each entry's score: ``IMPORTED_BONUS`` for an entry of the user's own import
    (``Place.imported``) that the document does not contradict (in its country, or the document has
    none; not against an "X, Y" parent) and whose country has no same-named city (``CITY``), else 0.

    A rule, not a learned weight: the training corpora hold no imported entries, so no model can learn
    how much a user's import should count. The entries a UCDP/ACLED import adds have no population and
    one or two names, which the model (trained on GeoNames) takes for obscure places.
    """
    bonus = np.zeros(len(candidate.places))
    # A city of that country, not imported, keeps the name: an imported hamlet called "Aleppo" does not
    # outweigh Aleppo. Without this the outcome rested on how a retrained model happens to score a
    # place with no population, which the training corpora barely show (0.002 or 0.43 for that hamlet).
    cities = {p.country_code for p in candidate.places if not p.imported and p.feature_class == "P" and p.population >= CITY}
    for i, place in enumerate(candidate.places):
        row = x[i]
        if (
            place.imported
            and place.country_code not in cities
            and (row[COLUMN["in_focus"]] or row[COLUMN["no_focus"]])
            and not row[COLUMN["parent_mismatch"]]
        ):
            bonus[i] = IMPORTED_BONUS
    return bonus


def _pick(
    candidate: Candidate,
    probs: np.ndarray,
    x: np.ndarray,
    listed: tuple[str, str] | None = None,
    turned: tuple[set[tuple[str, str]], set[str]] | None = None,
) -> tuple[Place | None, float]:
    """The most probable entry, after the imported-entry bonus; a type cue is obeyed, and a list's kind.

    "X province" picks among the ADM1 entries, "the town of X" among populated places, whenever the
    candidate has such entries (the training news rarely says "province", so the model alone would
    not learn it). ``listed`` (``list_areas``) is obeyed the same way: in "Georgia, Oklahoma and
    Wisconsin" Georgia is the state. Ties go to the earlier entry (the gazetteer's order: most populous
    first). The probability returned includes the bonus (``imported_bonus``).
    """
    bonus = imported_bonus(candidate, x)
    if bonus.any():
        clipped = np.clip(probs, 1e-12, 1 - 1e-12)
        probs = 1.0 / (1.0 + np.exp(-(np.log(clipped / (1 - clipped)) + bonus)))
    wanted = CUE_KIND.get(candidate.cue or "")
    if wanted:
        fits = np.array([wanted in (p.feature_code, p.feature_class) for p in candidate.places])
        if fits.any():
            probs = np.where(fits, probs, -1.0)
    if listed is not None:
        kind, country = listed
        fits = np.array([p.feature_code.startswith(kind) and (not country or p.country_code == country)
                         for p in candidate.places])  # fmt: skip
        # Only against a namesake elsewhere: a pick inside the listed area (or an area of that country placed in
        # no admin1) is the area's own town ("Idlib, Hama and Aleppo" may name the cities), a matter of
        # precision that the event pipeline decides.
        top = candidate.places[int(np.argmax(probs))]
        inside = any(
            f and p.country_code == top.country_code and (kind != "ADM1" or top.admin1_code in ("", p.admin1_code))
            for f, p in zip(fits, candidate.places, strict=True)
        )
        if (fits & (probs >= 0)).any() and not inside:
            probs = np.where(fits, probs, -1.0)
    # An "X, Y" parent is obeyed like a cue: "Al Birah village, Syria" picks among the Syrian entries. Not
    # when the best entry is itself a state or country: "Texas, Georgia and Florida" is a list.
    in_parent = ((x[:, COLUMN["parent_admin1"]] > 0) | (x[:, COLUMN["parent_country"]] > 0)) & (probs >= 0)
    if turned is not None:  # "Delmas, north-east South Africa": a parent after a compass word (``_compass_parent``)
        admin1s, countries = turned
        in_parent = np.array(
            [(p.country_code, p.admin1_code) in admin1s or p.country_code in countries for p in candidate.places]
        ) & (probs >= 0)
    if in_parent.any() and not _is_area(candidate.places[int(np.argmax(probs))]):
        probs = np.where(in_parent, probs, -1.0)
    best = int(np.argmax(probs))
    best = _with_no_context(candidate.places, probs, x, best)
    return candidate.places[best], float(probs[best])


def _compass_parent(candidate: Candidate, doc: DocumentContext) -> tuple[set[tuple[str, str]], set[str]] | None:
    """The parent Y of "X, north-east Y" / "X in northern Y" when there is no plain parent, else None.

    A rule after the model, like the parent constraint itself: the model's parent features were trained
    without compass words, and retraining with them moved LGL's cross-validation by its own noise (docs).
    """
    if not compass_follows(candidate, doc) or parent_areas(candidate, doc) is not None:
        return None
    return parent_areas(candidate, doc, compass=True)


def _is_area(place: Place) -> bool:
    return place.feature_code == "ADM1" or place.feature_code.startswith("PCL")


# A document that names no other place and shows no country gives the model nothing but the entries
# themselves, and there its training news (US local papers' one-town stories) taught it odd lessons:
# "a rally in Mashhad" went to a village of unknown population in Afghanistan (1.0) rather than
# Iran's city of 2.3 million (0.92). With no context, an entry of unknown population (not the user's
# import) does not beat a city of ``NO_CONTEXT_CITY`` or more.
NO_CONTEXT_CITY = 100_000


def _with_no_context(places: Sequence[Place], probs: np.ndarray, x: np.ndarray, best: int) -> int:
    chosen = places[best]
    if chosen.population or chosen.imported or not (x[best, _NO_FOCUS] and x[best, _NO_OTHERS]):
        return best
    cities = [i for i, p in enumerate(places) if p.population >= NO_CONTEXT_CITY and probs[i] >= 0]
    return max(cities, key=lambda i: probs[i]) if cities else best


def resolve_with(
    candidates: Sequence[Candidate], doc: DocumentContext, ranker: Ranker, *, nil: bool
) -> list[tuple[Place | None, float]]:
    """The pick of every candidate (one model call for the document); with ``nil``, picks neither
    believed nor prominent become None.

    A name said again in the same way (same entries, cue, parent and comma context) has the same
    features, so each distinct one is featurised and scored once per document.
    """
    blocks: dict[tuple[Any, ...], int] = {}
    block_of: list[int] = []
    rows: list[np.ndarray] = []
    for c in candidates:
        key = _same_features_key(c, doc)
        if key not in blocks:
            blocks[key] = len(rows)
            rows.append(features(c, doc))
        block_of.append(blocks[key])
    starts = np.cumsum([0, *(len(r) for r in rows)])
    probs = ranker.probabilities(np.vstack(rows)) if starts[-1] else np.zeros(0)
    out: list[tuple[Place | None, float]] = []
    for c, b in zip(candidates, block_of, strict=True):
        if not c.places:
            out.append((None, 0.0))
            continue
        place, prob = _pick(c, probs[starts[b] : starts[b + 1]], rows[b], list_areas(c, doc), _compass_parent(c, doc))
        if nil and place is not None and prob < ranker.nil_threshold and not _prominent(c, place, doc.country):
            place = None
        out.append((place, prob))
    return out


def _same_features_key(candidate: Candidate, doc: DocumentContext) -> tuple[Any, ...]:
    """What ``features`` reads of a candidate besides the document: equal keys, equal rows."""
    parent = parent_areas(candidate, doc)
    return (
        candidate.span.text,
        candidate.cue,
        candidate.fuzzy,
        candidate.fragment,
        tuple(p.geonameid for p in candidate.places),
        None if parent is None else (frozenset(parent[0]), frozenset(parent[1])),
        follows_comma_place(candidate, doc),
    )


def _prominent(candidate: Candidate, place: Place, country: str | None) -> bool:
    """A pick kept even when the model doubts it: an exact, whole name of a country, of a city of
    50,000 or more, or of the kind of place its cue announces ("Idlib province"); or a spelling
    variant in the document's own country ("Kinsabba" in a Syrian report).

    The training news (US local papers, epidemics) rarely says "province", has few spelling variants
    and mostly means Paris, Texas by "Paris", so its probabilities undersell such picks elsewhere.
    """
    if candidate.fragment:
        return False
    if candidate.fuzzy:
        return country is not None and place.country_code == country
    wanted = CUE_KIND.get(candidate.cue or "")
    return (
        place.feature_code.startswith("PCL")
        or place.population >= 50_000
        or (wanted is not None and wanted in (place.feature_code, place.feature_class))
    )
