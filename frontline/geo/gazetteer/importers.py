"""Importers: a user's GeoNames dump, UCDP GED CSV or ACLED CSV added to a built gazetteer file.

One import is one transaction: it either lands whole or not at all. Re-importing a file changes nothing
(rows are upserted by id, names are keyed by (key, id)). A bad row is reported as ``file:line: why`` and
skipped; the import goes on.

Ids stay stable:

* GeoNames rows keep their geonameid (an upsert replaces the entry, with ``source`` "geonames:<file>").
* A UCDP or ACLED place gets ``stable_id(source, name, lat, lon)``: a negative number derived from the
  source label, the normalised name and the coordinates rounded to 3 decimals (about 100 m). The same
  place gets the same id on every run and machine, and it can never collide with a GeoNames id
  (positive) or a hand-written feature (-1 ... -9999).

A UCDP/ACLED place that the gazetteer already holds (one of its names has the same exact or skeleton key,
same country, within ``merge_km``; for admin1 regions and countries: same name and country at any
distance) is not added again: its spellings become names of the existing entry, which is flagged
``imported``. Everything else becomes a new entry with ``source`` "ucdp" / "acled".

Reading the files is ``import_input``, parsing their rows ``import_rows``, writing ``import_writer``.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import logging
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .import_input import csv_encoding, detect_format, open_text
from .import_rows import BadRow, acled_place, geonames_row, ucdp_place
from .import_writer import PlaceWriter
from .normalize import normalize
from .schema import SCHEMA_VERSION, GazetteerError

log = logging.getLogger(__name__)

FORMATS = ("geonames", "ucdp", "acled")
# Ids of imported UCDP/ACLED places: -(ID_BASE + h) with h < ID_SPAN, so |id| < 2**52 (exact in JSON
# numbers) and far from hand-written features (-1 ... -9999).
ID_BASE = 1 << 40
ID_SPAN = (1 << 52) - ID_BASE
# GeoNames alternateNamesV2 "languages" that are not names: links, Wikidata ids, postcodes, codes.
_NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "abbr", "unlc", "tcid"})
# Rows between flushes of the FTS index (bounded memory on allCountries.txt).
_BATCH = 5000
# At most this many bad-row messages are kept in the summary (all are logged).
MAX_MESSAGES = 200

ProgressFn = Callable[[int, int], None]


@dataclass
class ImportSummary:
    """What one import did. ``messages`` holds the first bad-row messages (``file:line: why``)."""

    path: str
    format: str
    source: str
    rows: int = 0  # data rows read (bad ones included)
    added: int = 0  # new places
    merged: int = 0  # rows whose names were attached to an existing place (no new place)
    updated: int = 0  # existing places replaced by a row with their id (GeoNames)
    unchanged: int = 0  # rows that brought nothing new (a re-import, or a repeated row)
    names_added: int = 0
    bad: int = 0
    messages: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"{self.path}: {self.rows} rows ({self.format}, source {self.source}): {self.added} places added, "
            f"{self.merged} merged into existing places, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.names_added} names added, {self.bad} bad rows, {self.seconds:.1f} s"
        )


def stable_id(source: str, name: str, latitude: float, longitude: float) -> int:
    """The id of an imported place: negative, from source, normalised name and rounded coordinates."""
    text = f"{source}\x1f{normalize(name)}\x1f{round(latitude, 3):.3f}\x1f{round(longitude, 3):.3f}"
    h = int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")
    return -(ID_BASE + h % ID_SPAN)


# --------------------------------------------------------------------------------------------------
# The import


def import_places(
    gazetteer: Path | str,
    path: Path | str,
    *,
    format: str | None = None,
    alternates: Path | str | None = None,
    source: str | None = None,
    merge_km: float = 5.0,
    progress: ProgressFn | None = None,
) -> ImportSummary:
    """Import one file into the gazetteer file ``gazetteer`` (which must exist and be of this schema).

    ``format``: "geonames", "ucdp" or "acled" (default: detected from the first line). ``alternates``: a
    GeoNames alternateNamesV2.txt applied after a GeoNames dump. ``source``: the label kept on new
    entries (default "geonames:<file name>", "ucdp", "acled"). ``progress(done, total)`` gets bytes read.
    Raises GazetteerError for a missing/outdated gazetteer, an unreadable file or an unknown format.
    """
    gaz_path, in_path = Path(gazetteer), Path(path)
    if not in_path.is_file():
        raise GazetteerError(f"{in_path}: no such file")
    fmt = format or detect_format(in_path)
    if fmt not in FORMATS:
        raise GazetteerError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if alternates is not None and fmt != "geonames":
        raise GazetteerError("--alternates goes with a GeoNames dump only")
    label = source or (f"geonames:{in_path.name}" if fmt == "geonames" else fmt)
    summary = ImportSummary(str(in_path), fmt, label)
    started = time.perf_counter()
    con = _connect_rw(gaz_path)
    try:
        con.execute("BEGIN IMMEDIATE")
        writer = PlaceWriter(con, merge_km)
        if fmt == "geonames":
            _import_geonames(writer, in_path, label, summary, progress)
            if alternates is not None:
                _import_alternates(writer, Path(alternates), summary, progress)
        else:
            _import_csv(writer, in_path, fmt, label, summary, progress)
        writer.flush()
        summary.seconds = round(time.perf_counter() - started, 2)
        con.execute(
            "INSERT INTO imports (source, file, format, rows, added, merged, updated, bad, imported_at) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (label, in_path.name, fmt, summary.rows, summary.added, summary.merged, summary.updated, summary.bad,
             dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
        )  # fmt: skip
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    finally:
        con.close()
    log.debug("%s", summary.line())
    return summary


def add_packaged_places(con: sqlite3.Connection, path: Path, fmt: str, label: str) -> ImportSummary:
    """Add a packaged UCDP/ACLED-format file's places during a build, on the build's connection.

    The same rows, names and merging as ``import_places``, but the places are not flagged as the
    user's import and no ``imports`` row is written (a default build stays rebuildable).
    """
    summary = ImportSummary(path.name, fmt, label)
    writer = PlaceWriter(con, 5.0, imported=False)
    _import_csv(writer, path, fmt, label, summary, None)
    writer.flush()
    return summary


def _connect_rw(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise GazetteerError(f"no gazetteer at {path}; build it first with 'frontline gazetteer build --path {path}'")
    try:
        con = sqlite3.connect(path, isolation_level=None, timeout=30)
        row = con.execute("SELECT value FROM metadata WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as e:
        raise GazetteerError(f"{path} is not a frontline gazetteer ({e})") from e
    version = int(row[0]) if row else None
    if version != SCHEMA_VERSION:
        con.close()
        raise GazetteerError(
            f"gazetteer {path} has schema version {version}, this frontline needs {SCHEMA_VERSION}; "
            f"rebuild it with 'frontline gazetteer build --path {path}', then import again"
        )
    return con


def _bad(summary: ImportSummary, where: str, why: str) -> None:
    summary.bad += 1
    message = f"{where}: {why}"
    log.debug("%s", message)  # the summary carries the messages; the CLI prints them
    if len(summary.messages) < MAX_MESSAGES:
        summary.messages.append(message)


def _ticker(progress: ProgressFn | None, pos: Callable[[], int], total: int) -> Callable[[int], None]:
    def tick(n: int) -> None:
        if progress is not None and n % 2000 == 0:
            progress(min(pos(), total), total)

    return tick


def _import_geonames(
    writer: PlaceWriter, path: Path, label: str, summary: ImportSummary, progress: ProgressFn | None
) -> None:
    with open_text(path, "utf-8", errors="replace") as (fh, pos, total):
        tick = _ticker(progress, pos, total)
        for lineno, line in enumerate(fh, 1):
            if line.startswith("#") or not line.strip():
                continue
            summary.rows += 1
            tick(summary.rows)
            try:
                gid, rec, names = geonames_row(line)
            except BadRow as e:
                _bad(summary, f"{path}:{lineno}", str(e))
                continue
            existed = writer.exists(gid)
            changed = writer.upsert_place(gid, rec, label)
            added = writer.add_names(gid, names)
            summary.names_added += added
            if not existed:
                summary.added += 1
            elif changed:
                summary.updated += 1
            elif added:
                summary.merged += 1
            else:
                summary.unchanged += 1
            if summary.rows % _BATCH == 0:
                writer.flush()
        if progress is not None:
            progress(total, total)


def _import_alternates(writer: PlaceWriter, path: Path, summary: ImportSummary, progress: ProgressFn | None) -> None:
    """alternateNamesV2.txt: id, geonameid, isolanguage, name, preferred, short, colloquial, historic, from, to."""
    known: dict[int, bool] = {}
    with open_text(path, "utf-8", errors="replace") as (fh, pos, total):
        tick = _ticker(progress, pos, total)
        for lineno, line in enumerate(fh, 1):
            if line.startswith("#") or not line.strip():
                continue
            tick(lineno)
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) not in (8, 10):  # V2 has 10 columns, the old alternateNames.txt 8
                _bad(summary, f"{path}:{lineno}", f"expected 10 tab-separated alternateNamesV2 columns, found {len(cols)}")
                continue
            try:
                gid = int(cols[1])
            except ValueError:
                _bad(summary, f"{path}:{lineno}", f"geonameid {cols[1]!r} is not a number")
                continue
            if cols[2].strip().lower() in _NOT_NAMES:
                continue
            if gid not in known:
                if len(known) >= 1_000_000:
                    known.clear()  # bounded memory on the 15-million-row worldwide file
                known[gid] = writer.exists(gid)
            if not known[gid]:
                continue  # names of places not in this gazetteer
            key = normalize(cols[3])
            if key and any(c.isalpha() for c in key):
                summary.names_added += writer.add_names(gid, [key])
            if lineno % _BATCH == 0:
                writer.flush()
        if progress is not None:
            progress(total, total)


def _import_csv(
    writer: PlaceWriter, path: Path, fmt: str, label: str, summary: ImportSummary, progress: ProgressFn | None
) -> None:
    csv.field_size_limit(sys.maxsize)  # ACLED notes can be long
    encoding = csv_encoding(path)
    seen: dict[int, int] = {}
    with open_text(path, encoding) as (fh, pos, total):
        tick = _ticker(progress, pos, total)
        reader = csv.reader(fh)
        header = [h.strip().lower() for h in next(reader, [])]
        col = {h: i for i, h in reversed(list(enumerate(header))) if h}
        need = ("where_coordinates", "latitude", "longitude") if fmt == "ucdp" else ("location", "latitude", "longitude")
        missing = [c for c in need if c not in col]
        if missing:
            raise GazetteerError(f"{path}:1: not a {fmt.upper()} CSV, missing column(s) {', '.join(missing)}")
        end = reader.line_num
        for row in reader:
            # A record may span lines (quoted notes): name the line it starts on.
            lineno, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            summary.rows += 1
            tick(summary.rows)

            def get(name: str, row: list[str] = row) -> str:
                i = col.get(name)
                return row[i].strip() if i is not None and i < len(row) else ""

            try:
                place = ucdp_place(get) if fmt == "ucdp" else acled_place(get)
            except BadRow as e:
                _bad(summary, f"{path}:{lineno}", str(e))
                continue
            names, lat, lon, fclass, fcode, country, iso, adm1, adm2 = place
            memo = stable_id(label, names[0], lat, lon)
            if memo in seen:  # the first row of a place in a file wins, so a re-import changes nothing
                summary.unchanged += 1
                continue
            cc = writer.country_code(country, iso)
            a1 = writer.admin1_code(cc, adm1)
            a2 = writer.admin2_code(cc, a1, adm2)
            keys = [k for k in (normalize(n) for n in names) if k]
            gid = memo
            if writer.exists(gid):
                # Imported before (from this file or another with the same source label), or added by the
                # build from packaged data: the first import of a place keeps its fields, so re-imports and
                # imports in any order change nothing; a user's import confirms a packaged place.
                outcome = "merged" if writer.flag_imported(gid) else "unchanged"
            else:
                same = writer.same_place(keys, lat, lon, cc, fcode)
                if same is not None:
                    gid = same
                    flagged = writer.flag_imported(gid)
                    outcome = "merged" if flagged else "unchanged"
                else:
                    writer.upsert_place(gid, (names[0], lat, lon, cc, a1, a2, fclass, fcode, 0), label)
                    outcome = "added"
            n = writer.add_names(gid, keys)
            summary.names_added += n
            if outcome == "unchanged" and n:
                outcome = "merged"
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            seen[memo] = gid
            if summary.rows % _BATCH == 0:
                writer.flush()
        if progress is not None:
            progress(total, total)
