"""``frontline train confidence``: fit the curve that turns event scores into probabilities (``calibrate.py``).

Data: the ACLED file that typing never trains on (``corpora.acled.FIELDS_HELDOUT``), less the field
benchmark's held-out sample (``acled_fields.field_sample``, 1,500 notes), so that benchmark still scores
notes no part of the pipeline was fitted on. Each note runs through the default pipeline with the identity
calibration, dated by its event date as ``bench/fields.py`` runs it; its highest-scoring event is right when
its sub-type is ACLED's. A logistic regression of right/wrong on the score's logit gives the slope and
intercept. Deterministic: the notes in file order, a convex fit, no seeds needed.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..events.calibrate import Calibration, ece, logit
from ..pipeline import Pipeline
from ..records import Article
from .corpora.acled import FIELDS_HELDOUT
from .corpora.acled_fields import FIELDS_HELDOUT_SIZE, field_sample, read_acled

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConfidenceReport:
    calibration: Calibration
    notes: int  # notes run
    events: int  # notes with an event (the fit's examples)
    accuracy: float  # share of those whose top event has ACLED's sub-type
    mean_score: float
    ece_before: float  # in-sample expected calibration error of the raw scores
    ece_after: float  # and of the calibrated probabilities
    seconds: float


def train(
    data: Path,
    output: Path,
    pipeline: Pipeline | None = None,
    progress: Callable[[str], None] | None = None,
) -> ConfidenceReport:
    """Fit and write the calibration. Raises FileNotFoundError naming a missing file."""
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    started = time.perf_counter()
    path = data / "acled" / FIELDS_HELDOUT
    if not path.exists():
        raise FileNotFoundError(f"{path}: missing (the calibration is fitted on it)")
    held_out = {row.event_id for row in field_sample(path, FIELDS_HELDOUT_SIZE)}
    rows = [row for row in read_acled(path) if row.event_id not in held_out]
    pipeline = replace(pipeline or Pipeline.default(), calibration=Calibration())
    pairs: list[tuple[float, bool]] = []
    for i, row in enumerate(rows, 1):
        events = pipeline.extract(Article(id=f"acled-{row.event_id}", text=row.notes, published=row.event_date))
        if events:
            best = max(events, key=lambda e: e.confidence)
            pairs.append((best.confidence, best.sub_event_type == row.sub_event_type))
        if progress and (i % 500 == 0 or i == len(rows)):
            progress(f"{i}/{len(rows)} notes")
    if len({ok for _, ok in pairs}) < 2:
        raise ValueError(f"{path}: the notes gave no mix of right and wrong events to fit on")
    x = [[logit(c)] for c, _ in pairs]
    y = [int(ok) for _, ok in pairs]
    fit = LogisticRegression(C=1e6, max_iter=1000).fit(x, y)
    calibration = Calibration(slope=round(float(fit.coef_[0][0]), 6), intercept=round(float(fit.intercept_[0]), 6))
    after = [(calibration.probability(c), ok) for c, ok in pairs]
    report = ConfidenceReport(
        calibration=calibration,
        notes=len(rows),
        events=len(pairs),
        accuracy=sum(y) / len(y),
        mean_score=sum(c for c, _ in pairs) / len(pairs),
        ece_before=ece(pairs),
        ece_after=ece(after),
        seconds=time.perf_counter() - started,
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "slope": calibration.slope,
        "intercept": calibration.intercept,
        "data": f"acled/{FIELDS_HELDOUT} less the field benchmark's held-out sample ({FIELDS_HELDOUT_SIZE} notes)",
        "notes": report.notes,
        "events": report.events,
        "accuracy": round(report.accuracy, 4),
        "mean_score": round(report.mean_score, 4),
        "ece_before": round(report.ece_before, 4),
        "ece_after": round(report.ece_after, 4),
    }
    output.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    log.info("calibration %s written to %s", calibration, output)
    return report

