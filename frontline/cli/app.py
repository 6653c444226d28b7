"""The ``frontline`` command: thin wrappers over the library (``frontline.service``)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Annotated as Arg

import typer
from rich.table import Table

from .. import __version__
from ..records import MAX_CHARS
from .console import (
    GazetteerOpt,
    VerboseOpt,
    WorkersOpt,
    err,
    error,
    out,
    progress_bar,
    published_date,
    report_error,
    require_file,
    setup_logging,
)
from .gazetteer import gazetteer_app
from .train import train_app

app = typer.Typer(
    name="frontline",
    help="Conflict news to a geolocated, deduplicated event dataset in ACLED's codebook.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(gazetteer_app, name="gazetteer")
app.add_typer(train_app, name="train")


@app.command()
def run(
    paths: Arg[list[Path], typer.Argument(help="Files (.txt, .html, .jsonl) or folders, read recursively.")],
    db: Arg[Path, typer.Option("--db", help="SQLite store to write.")] = Path("frontline.db"),
    published: Arg[str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that lack one.")] = None,
    source: Arg[str | None, typer.Option(help="Source (outlet) name for inputs that lack one.")] = None,
    gazetteer: GazetteerOpt = None,
    show: Arg[int, typer.Option(help="Print at most this many events of this run (0: none).")] = 50,
    workers: WorkersOpt = 1,
    lock_timeout: Arg[
        float, typer.Option("--lock-timeout", min=0.0, help="Seconds to wait while another process holds the store's write lock.")
    ] = 30.0,  # EventStore's DEFAULT_TIMEOUT, written out so that importing the CLI loads no SQLite
    max_chars: Arg[int, typer.Option(min=0, help="Process documents longer than this many characters in windows of this size, cut at paragraph breaks (0: whole).")] = MAX_CHARS,
    verbose: VerboseOpt = False,
) -> None:
    """Ingest files or folders into the event store and print a summary.

    Re-running on the same input adds nothing: ids come from content. Unreadable inputs are
    reported and skipped; the exit code is 1 when any input failed. A store that cannot be written
    (full disk, read-only, locked) stops the run with exit code 2; the articles stored before stay,
    and running again resumes after them.
    """
    from ..geo.gazetteer import GazetteerError
    from ..service import run_into_store
    from ..store import EventStore, StoreError

    setup_logging(verbose)
    try:
        store = EventStore(db, timeout=lock_timeout)
    except StoreError as exc:
        error(f"{exc}")
        raise typer.Exit(2) from None
    with store, progress_bar() as progress:
        task = progress.add_task("articles", total=None)
        try:
            report = run_into_store(
                paths, store, published=published_date(published), source=source, workers=workers, gazetteer=gazetteer,
                on_item=lambda: progress.advance(task), on_error=report_error, max_chars=max_chars or None,
            )
            counts = store.counts()
            rows = list(itertools.islice(store.events(report.article_ids), show)) if show else []
            run_incidents = len({r["incident_id"] for r in store.events(report.article_ids)})
            run_events = sum(1 for _ in store.events(report.article_ids))
        except (GazetteerError, StoreError) as exc:
            error(f"{exc}")
            raise typer.Exit(2) from None
    if show:
        _print_events(rows)
    out.print(
        f"{report.read} articles read ({report.new} new, {report.unchanged} unchanged), {report.failed} failed; "
        f"{report.added} events added. Store {db}: {counts['articles']} articles, {counts['events']} events, "
        f"{report.incidents} incidents."
    )
    out.print(f"This run's articles tell {run_events} events in {run_incidents} incidents.")
    if report.failed:
        raise typer.Exit(1)


def _print_events(rows: list[dict[str, object]]) -> None:
    _print_table("events", rows, {
        "event_date": "event_date", "tp": "time_precision", "sub_event_type": "sub_event_type", "actor1": "actor1",
        "actor2": "actor2", "location": "location", "admin1": "admin1", "gp": "geo_precision", "fatalities": "fatalities",
    })


def _print_table(title: str, rows: list[dict[str, object]], columns: dict[str, str]) -> None:
    """A table of ``rows``: each header shows its field; dates and sub-types are never wrapped."""
    if not rows:
        return
    table = Table(show_lines=False, title=title)
    for col in columns:
        table.add_column(col, overflow="fold", no_wrap=col in ("event_date", "sub_event_type"))
    for r in rows:
        table.add_row(*(str(r[field]) for field in columns.values()))
    out.print(table)


@app.command()
def extract(
    input: Arg[Path, typer.Argument(help='JSONL input, one {"id", "text", "published"?, "source"?, ...} per line.')],
    output: Arg[Path, typer.Option("--output", "-o", help="JSONL output, one event per line.")],
    published: Arg[str | None, typer.Option(help="Publication date YYYY-MM-DD for lines that lack one.")] = None,
    source: Arg[str | None, typer.Option(help="Source name for lines that lack one.")] = None,
    gazetteer: GazetteerOpt = None,
    workers: WorkersOpt = 1,
    max_chars: Arg[int, typer.Option(min=0, help="Process documents longer than this many characters in windows of this size, cut at paragraph breaks (0: whole).")] = MAX_CHARS,
    verbose: VerboseOpt = False,
) -> None:
    """Stateless batch extraction: articles in, events out (ACLED columns plus evidence)."""
    from ..geo.gazetteer import GazetteerError
    from ..service import extract_jsonl

    setup_logging(verbose)
    require_file(input)
    with progress_bar() as progress:
        task = progress.add_task("articles", total=None)
        try:
            report = extract_jsonl(
                input, output, published=published_date(published), source=source, workers=workers, gazetteer=gazetteer,
                on_item=lambda: progress.advance(task), on_error=report_error, max_chars=max_chars or None,
            )
        except GazetteerError as exc:
            error(f"{exc}")
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
    from ..geo.gazetteer import Gazetteer, GazetteerError
    from ..service import geoparse_jsonl

    setup_logging(verbose)
    require_file(input)
    try:
        gaz = Gazetteer.open(gazetteer)
    except GazetteerError as exc:
        error(f"{exc}")
        raise typer.Exit(2) from None
    with gaz, progress_bar() as progress:
        task = progress.add_task("documents", total=None)
        report = geoparse_jsonl(input, output, gaz, on_item=lambda: progress.advance(task), on_error=report_error)
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
    raw_csv: Arg[
        bool,
        typer.Option("--raw-csv", help="Write CSV cells exactly as stored, even those a spreadsheet would run as formulas."),
    ] = False,
    table: Arg[
        str,
        typer.Option("--table", help="events (one row per event and report) or incidents (one row per real-world incident, with its sources)."),
    ] = "events",
) -> None:
    """Export stored events or incidents: ACLED-ordered CSV, JSONL, GeoJSON, GeoPackage (QGIS) or Parquet.

    CSV text cells starting with = + - @ or a tab get a leading apostrophe, so a spreadsheet shows
    them instead of running them (--raw-csv: as stored). The other formats are exact. --table incidents
    writes one row per incident: the ACLED columns of its best estimate, then incident_id, n_reports,
    n_sources, sources, article_ids, fatalities_low, fatalities_high, first_reported, last_reported.
    """
    from ..export import ExportError
    from ..service import export_store
    from ..store import StoreError

    if not db.is_file():
        error(f"{db}: no such store; create it with 'frontline run'")
        raise typer.Exit(2)
    try:
        n = export_store(db, format, output, min_confidence=min_confidence, safe=not raw_csv, table=table)
    except (ExportError, StoreError) as exc:
        error(f"{exc}")
        raise typer.Exit(2) from None
    err.print(f"{n} {table} -> {output}")


@app.command()
def incidents(
    db: Arg[Path, typer.Option("--db", help="SQLite store to read and update.")] = Path("frontline.db"),
    rebuild: Arg[bool, typer.Option("--rebuild", help="Forget every incident and derive them all again from the stored events.")] = False,
    show: Arg[int, typer.Option(help="Print at most this many incidents, most reported first (0: none).")] = 20,
    verbose: VerboseOpt = False,
) -> None:
    """Group the stored events into incidents: one real-world happening told by one or more reports.

    'frontline run' keeps incidents up to date as it stores; this assigns any event left without one
    (a killed run, an older store) or, with --rebuild, derives them all from scratch. The result does
    not depend on the order the articles were stored in.
    """
    from ..corpus import incident_rows
    from ..service import incidents_of_store
    from ..store import EventStore, StoreError

    setup_logging(verbose)
    if not db.is_file():
        error(f"{db}: no such store; create it with 'frontline run'")
        raise typer.Exit(2)
    try:
        with EventStore(db) as store:
            incidents_of_store(store, rebuild=rebuild)
            rows = list(incident_rows(store.incident_members(), store.article_texts))
            counts = store.counts()
    except StoreError as exc:
        error(f"{exc}")
        raise typer.Exit(2) from None
    if show:
        _print_incidents(sorted(rows, key=lambda r: (-int(str(r["n_reports"])), str(r["event_date"]), str(r["incident_id"])))[:show])
    out.print(f"Store {db}: {counts['events']} events in {len(rows)} incidents.")


def _print_incidents(rows: list[dict[str, object]]) -> None:
    shown = [{**r, "incident": str(r["incident_id"])[:8], "range": "" if r["fatalities_low"] is None else f"{r['fatalities_low']}-{r['fatalities_high']}"} for r in rows]
    _print_table("incidents", shown, {
        "incident": "incident", "event_date": "event_date", "sub_event_type": "sub_event_type", "location": "location",
        "admin1": "admin1", "fatalities": "fatalities", "low-high": "range", "reports": "n_reports", "sources": "sources",
    })


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
