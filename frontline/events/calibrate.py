"""Calibrate: an event's score becomes the probability that its sub-type is right.

The score an event leaves ``fill`` and ``merge`` with ranks the events of an article: the typer's calibrated
probability of the sub-type, lowered for a weakly placed event and for one told after the lead sentence,
raised a little when several sentences tell of it. Those factors pick the article's main event well, but
they make the score read low as a probability (on the CASE news snippets the top events' mean score was 0.46
at 81 % of them rightly typed). ``calibrate`` maps the score through a logistic curve of its logit,
``sigmoid(slope * logit(score) + intercept)``, fitted by ``frontline train confidence`` on ACLED notes the
typer never trained on (``train_confidence.py``). The curve rises with the score (slope > 0), so the order
of an article's events, and with it each article's highest-confidence event, is unchanged.
"""

from __future__ import annotations

import functools
import json
import logging
import math
from dataclasses import dataclass, replace
from pathlib import Path

from ..paths import MODELS_DIR
from ..records import Event

log = logging.getLogger(__name__)

MODEL = MODELS_DIR / "confidence.json"
# Scores are clipped away from 0 and 1 before their logit is taken.
_EPSILON = 1e-4


@dataclass(frozen=True, slots=True)
class Calibration:
    """``sigmoid(slope * logit(score) + intercept)``; the defaults are the identity."""

    slope: float = 1.0
    intercept: float = 0.0

    def __post_init__(self) -> None:
        if not self.slope > 0:
            raise ValueError(f"a calibration must keep the order of scores (slope {self.slope} is not > 0)")

    def probability(self, score: float) -> float:
        if self.slope == 1.0 and self.intercept == 0.0:
            return score
        return 1.0 / (1.0 + math.exp(-(self.slope * logit(score) + self.intercept)))

    @classmethod
    def load(cls, path: Path) -> Calibration:
        """A calibration written by ``frontline train confidence``. Raises FileNotFoundError or ValueError
        naming the file."""
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))
            return cls(slope=float(meta["slope"]), intercept=float(meta["intercept"]))
        except FileNotFoundError:
            raise FileNotFoundError(f"{path}: no confidence calibration (train one: frontline train confidence)") from None
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: not a confidence calibration ({exc})") from exc

    @classmethod
    def default(cls) -> Calibration:
        """The packaged calibration (read once per process)."""
        return _packaged()


@functools.lru_cache(maxsize=1)
def _packaged() -> Calibration:
    calibration = Calibration.load(MODEL)
    log.debug("confidence calibration %s from %s", calibration, MODEL)
    return calibration


def logit(score: float) -> float:
    """log(p / (1 - p)) of the score, clipped away from 0 and 1."""
    clipped = min(1.0 - _EPSILON, max(_EPSILON, score))
    return math.log(clipped / (1.0 - clipped))


def calibrate(event: Event, calibration: Calibration) -> Event:
    """The event with its score replaced by the calibrated probability that its sub-type is right."""
    return replace(event, confidence=calibration.probability(event.confidence))


def reliability(pairs: list[tuple[float, bool]], bins: int = 10) -> list[tuple[float, int, float, float]]:
    """(bin start, count, mean confidence, accuracy) of each non-empty bin of equal width over [0, 1]."""
    rows = []
    for b in range(bins):
        inside = [(c, ok) for c, ok in pairs if b / bins <= c < (b + 1) / bins or (b == bins - 1 and c >= 1.0)]
        if inside:
            rows.append((b / bins, len(inside), sum(c for c, _ in inside) / len(inside), sum(ok for _, ok in inside) / len(inside)))
    return rows


def ece(pairs: list[tuple[float, bool]], bins: int = 10) -> float:
    """Expected calibration error: the count-weighted gap between accuracy and mean confidence in equal bins."""
    return sum(n / len(pairs) * abs(accuracy - confidence) for _, n, confidence, accuracy in reliability(pairs, bins))
