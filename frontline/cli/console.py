"""What every command shares: the two consoles, error lines, progress bars, logging set-up and common options.

Only the CLI configures logging.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path
from typing import Annotated as Arg

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from ..records import IngestError

# Piped output (CI logs, files) gets a wide fixed width so the event table is not folded.
# No rich markup: what is printed is data (file names, actor and place names), and a "[draft]" in it must
# be printed, not read as a style tag. Colour is given as Text styles instead.
out = Console(width=None if sys.stdout.isatty() else 160, soft_wrap=True, markup=False)
err = Console(stderr=True, soft_wrap=True, markup=False)  # messages stay on one line: greppable, with whole paths


def error(message: str) -> None:
    """An error line on stderr, the message printed as it is (a "[train]" in an extra's name stays)."""
    err.print(Text.assemble(("error:", "red"), " ", message))


def published_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not verbose:
        logging.getLogger("frontline.geo.gazetteer").setLevel(logging.INFO)
        # trafilatura logs each page it cannot parse at ERROR; frontline reports that page itself, once.
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def progress_bar() -> Progress:
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



def report_error(failed: IngestError) -> None:
    """An input that failed, as FILE[:LINE]: message."""
    error(f"{failed.origin}: {failed.message}")


def require_file(path: Path) -> None:
    if not path.is_file():
        error(f"{path}: no such file")
        raise typer.Exit(2)


def byte_progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}", style="progress.description", markup=False),
        BarColumn(),
        DownloadColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
