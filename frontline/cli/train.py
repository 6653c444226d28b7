"""``frontline train``: retrain the shipped models from the shared data folder."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated as Arg
from typing import NoReturn

import typer
from rich.table import Table

from ..paths import MODELS_DIR, PACKAGE_DIR
from .console import (
    GazetteerOpt,
    VerboseOpt,
    err,
    error,
    out,
    setup_logging,
)

train_app = typer.Typer(help="Train the shipped models from ../shared/data.", no_args_is_help=True)

# The shared data folder beside a source checkout (the project's `../shared/data`), the default for `train`.
_SHARED_DATA = PACKAGE_DIR.parent.parent / "shared" / "data"


def _missing_training_extra(exc: ImportError) -> NoReturn:
    error(f"training needs the train extra (scikit-learn, faker): pip install 'frontline[train]' ({exc})")
    raise typer.Exit(2) from None


@train_app.command("recognizer")
def train_recognizer(
    data: Arg[Path, typer.Option("--data", help="The shared data folder (geoparsing/, ner/re3d/, corpora/).")] = _SHARED_DATA,
    output: Arg[
        Path | None, typer.Option("--output", "-o", help="Where to write the model (default: the packaged one).")
    ] = None,
    corpora: Arg[str, typer.Option("--corpora", help="Comma-separated training corpora: re3d, geovirus, lgl.")] = "re3d,geovirus,lgl",
    folds: Arg[int, typer.Option("--folds", min=2, help="Cross-validation folds, by document.")] = 5,
    gazetteer: Arg[Path | None, typer.Option("--gazetteer", help="Gazetteer file (default: the user cache).")] = None,
    verbose: VerboseOpt = False,
) -> None:
    """Train the toponym recognition filter; prints held-out (cross-validated) P/R/F1 per corpus."""
    from ..geo.gazetteer import Gazetteer
    from ..training.recognizer import train

    setup_logging(verbose)
    names = tuple(c.strip() for c in corpora.split(",") if c.strip())
    if not (data / "geoparsing").is_dir() and not (data / "ner").is_dir():
        error(f"{data}: no geoparsing/ or ner/ folder here; pass --data")
        raise typer.Exit(2)
    target = output or MODELS_DIR / "recognizer.json"
    started = time.perf_counter()
    try:
        with Gazetteer.open(gazetteer) as gaz:
            report = train(data, target, gaz, corpora=names, folds=folds)
    except ImportError as exc:  # scikit-learn is imported when the fit starts
        _missing_training_extra(exc)
    except (FileNotFoundError, ValueError) as exc:
        error(f"{exc}")
        raise typer.Exit(2) from None
    table = Table("corpus", "precision", "recall", "F1", title=f"held out ({folds}-fold CV by document)")
    for name, fig in report["cross_validated"].items():
        table.add_row(name, f"{fig['precision']:.3f}", f"{fig['recall']:.3f}", f"{fig['f1']:.3f}")
    out.print(table)
    err.print(
        f"{report['features']} features, threshold {report['threshold']}, "
        f"{report['examples']} proposals -> {target} in {time.perf_counter() - started:.0f} s"
    )


@train_app.command("geoparse")
def train_geoparse(
    data: Arg[Path, typer.Option("--data", help="Shared data folder holding geoparsing/lgl.xml and geovirus.xml.")] = _SHARED_DATA,
    output: Arg[
        Path | None,
        typer.Option("--output", "-o", help="Model file to write (default: the packaged frontline/models/ranker.json)."),
    ] = None,
    corpus: Arg[
        list[str] | None, typer.Option("--corpus", help="Corpus to train on (repeatable): lgl, geovirus. Default: both.")
    ] = None,
    model: Arg[str, typer.Option("--model", help="trees (gradient boosting) or logistic.")] = "trees",
    gazetteer: GazetteerOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Train the toponym ranker on the gold spans of LGL and GeoVirus (needs scikit-learn: the train extra)."""
    from ..geo.gazetteer import Gazetteer, GazetteerError

    setup_logging(verbose)
    try:
        from ..training.ranker import TRAIN_CORPORA, train
    except ImportError as exc:
        _missing_training_extra(exc)
    try:
        gaz = Gazetteer.open(gazetteer)
    except GazetteerError as exc:
        error(f"{exc}")
        raise typer.Exit(2) from None
    output = output or MODELS_DIR / "ranker.json"
    started = time.perf_counter()
    try:
        _ranker, scores = train(data, gaz, output, corpora=corpus or TRAIN_CORPORA, model=model, progress=err.print)
    except ImportError as exc:  # scikit-learn is imported when the fit starts
        _missing_training_extra(exc)
    except (FileNotFoundError, ValueError) as exc:
        error(f"{exc}")
        raise typer.Exit(2) from None
    finally:
        gaz.close()
    err.print(
        f"trained in {time.perf_counter() - started:.1f} s: training Acc@161 {scores['training_acc161']}, "
        f"NIL threshold {scores['nil_threshold']} -> {output}"
    )


@train_app.command("typing")
def train_typing(
    data: Arg[Path, typer.Option("--data", help="The shared data folder (acled/, plover/, corpora/).")] = _SHARED_DATA,
    output: Arg[Path | None, typer.Option("--output", "-o", help="Model file to write (default: the packaged frontline/models/typing.npz).")] = None,
    folds: Arg[int, typer.Option("--folds", min=0, help="Cross-validation folds on the ACLED notes (0 or 1: none; no calibration).")] = 5,
    bits: Arg[int, typer.Option("--bits", min=12, max=22, help="Hashed feature space: 2**bits buckets.")] = 17,
    c: Arg[float | None, typer.Option("--c", min=0.0, help="Inverse L2 regularisation strength (default: the recipe's, typing_train.DEFAULT_C).")] = None,
    augment_share: Arg[float | None, typer.Option("--augment-share", min=0.0, max=1.0, help="Share of ACLED notes given a news-style variant (default: the recipe's, 0.5; docs/typing.md).")] = None,
    denial_share: Arg[float | None, typer.Option("--denial-share", min=0.0, max=1.0, help="Share of ACLED notes given a 'no event' denial (default: the recipe's, 0).")] = None,
    verbose: VerboseOpt = False,
) -> None:
    """Train the event typer (25 ACLED sub-types + no event) and write it with its figures (.json beside it)."""
    try:
        from ..training.typing_train import (
            AUGMENT_SHARE,
            DEFAULT_C,
            DENIAL_SHARE,
            train,
        )
    except ImportError as exc:
        _missing_training_extra(exc)
    setup_logging(verbose)
    target = output or MODELS_DIR / "typing.npz"
    try:
        report = train(
            data, target, bits=bits, c=DEFAULT_C if c is None else c, folds=folds,
            augment_share=AUGMENT_SHARE if augment_share is None else augment_share,
            denial_share=DENIAL_SHARE if denial_share is None else denial_share,
        )
    except ImportError as exc:  # scikit-learn is imported when the fit starts
        _missing_training_extra(exc)
    except (FileNotFoundError, ValueError) as exc:
        error(f"{exc}")
        raise typer.Exit(2) from None
    if report.cv_weighted_f1 is not None:
        err.print(f"{folds}-fold CV on ACLED notes: weighted F1 {report.cv_weighted_f1:.3f}, macro F1 {report.cv_macro_f1:.3f}")
    err.print(
        f"{sum(report.examples.values())} examples ({dict(report.examples)}), temperature {report.temperature:.2f}, "
        f"{report.size_bytes / 1e6:.1f} MB in {report.seconds:.0f} s -> {target}"
    )


@train_app.command("confidence")
def train_confidence(
    data: Arg[Path, typer.Option("--data", help="The shared data folder (acled/).")] = _SHARED_DATA,
    output: Arg[Path | None, typer.Option("--output", "-o", help="Calibration to write (default: the packaged frontline/models/confidence.json).")] = None,
    gazetteer: Arg[Path | None, typer.Option("--gazetteer", help="Gazetteer file (default: the user cache).")] = None,
    verbose: VerboseOpt = False,
) -> None:
    """Fit the curve that turns event scores into calibrated probabilities (ACLED notes typing never trains on)."""
    from ..pipeline import Pipeline
    from ..training.confidence import train

    setup_logging(verbose)
    target = output or MODELS_DIR / "confidence.json"
    try:
        report = train(data, target, Pipeline.default(gazetteer), progress=err.print)
    except ImportError as exc:  # scikit-learn is imported when the fit starts
        _missing_training_extra(exc)
    except (FileNotFoundError, ValueError) as exc:
        error(f"{exc}")
        raise typer.Exit(2) from None
    cal = report.calibration
    err.print(
        f"{report.events} of {report.notes} notes gave an event, {report.accuracy:.1%} of them of ACLED's sub-type; "
        f"mean score {report.mean_score:.2f}; ECE {report.ece_before:.3f} -> {report.ece_after:.3f} (in sample); "
        f"slope {cal.slope:.3f}, intercept {cal.intercept:.3f}; {report.seconds:.0f} s -> {target}"
    )



@train_app.command("truecase")
def train_truecase(
    data: Arg[Path, typer.Option("--data", help="The shared data folder (corpora/fakes_syria, insightcrime, satp).")] = _SHARED_DATA,
    output: Arg[Path | None, typer.Option("--output", "-o", help="Model file to write (default: the packaged frontline/models/truecase.json).")] = None,
    min_count: Arg[int, typer.Option("--min-count", min=1, help="Keep words seen at least this many times.")] = 3,
    verbose: VerboseOpt = False,
) -> None:
    """Count each word's most frequent written form over mixed-case news, for text in capitals."""
    from ..training.truecase import train

    setup_logging(verbose)
    target = output or MODELS_DIR / "truecase.json"
    started = time.perf_counter()
    try:
        report = train(data, target, min_count=min_count)
    except (FileNotFoundError, ValueError) as exc:
        error(f"{exc}")
        raise typer.Exit(2) from None
    err.print(
        f"{sum(report.texts.values())} texts ({report.texts}), {report.tokens} words counted, {report.words} distinct, "
        f"{report.kept} kept; {report.size_bytes / 1e3:.0f} kB in {time.perf_counter() - started:.1f} s -> {target}"
    )
