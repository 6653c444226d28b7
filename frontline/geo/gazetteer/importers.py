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
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import gzip
import hashlib
import io
import logging
import re
import sqlite3
import sys
import time
import zipfile
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from .geometry import bbox, haversine_km
from .names import CODE_LIKE, admin_keys, admin_variants
from .normalize import normalize, skeleton_of_key
from .schema import SCHEMA_VERSION, GazetteerError, fts_document

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


class _BadRow(ValueError):
    """A row that cannot be imported; the message says why."""


def stable_id(source: str, name: str, latitude: float, longitude: float) -> int:
    """The id of an imported place: negative, from source, normalised name and rounded coordinates."""
    text = f"{source}\x1f{normalize(name)}\x1f{round(latitude, 3):.3f}\x1f{round(longitude, 3):.3f}"
    h = int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")
    return -(ID_BASE + h % ID_SPAN)


# --------------------------------------------------------------------------------------------------
# Format detection and reading


def detect_format(path: Path) -> str:
    """"geonames", "ucdp" or "acled" from the file's first line; GazetteerError when it is none of them."""
    with _open_text(path, "utf-8", errors="replace") as (fh, _pos, _total):
        first = ""
        for line in fh:
            if not line.startswith("#") and line.strip():
                first = line
                break
    cols = first.rstrip("\r\n").split("\t")
    if len(cols) == 19 and cols[0].strip().isdigit():
        return "geonames"
    header = {h.strip().strip('"').lower() for h in next(csv.reader([first]), [])}
    if "where_coordinates" in header and {"latitude", "longitude"} <= header:
        return "ucdp"
    if {"location", "latitude", "longitude"} <= header and ("admin1" in header or "event_id_cnty" in header):
        return "acled"
    raise GazetteerError(
        f"{path}: unknown format: expected a GeoNames dump (19 tab-separated columns, as XX.txt or "
        "allCountries.txt), a UCDP GED CSV (with where_coordinates, latitude, longitude) or an ACLED CSV "
        "(with location, latitude, longitude, admin1); pass --format to say which"
    )


class _Opened:
    """Context manager giving (text file, bytes-read function, total bytes) for plain, .gz and .zip files."""

    def __init__(self, path: Path, encoding: str, errors: str = "strict") -> None:
        self.path, self.encoding, self.errors = path, encoding, errors
        self._stack = ExitStack()

    def __enter__(self) -> tuple[IO[str], Callable[[], int], int]:
        path, stack = self.path, self._stack
        try:
            raw = stack.enter_context(path.open("rb"))
        except OSError as e:
            raise GazetteerError(f"cannot read {path}: {e.strerror or e}") from e
        total = path.stat().st_size
        binary: IO[bytes] = raw
        if path.suffix.lower() == ".gz":
            gz = gzip.GzipFile(fileobj=raw)
            stack.callback(gz.close)
            binary = cast(IO[bytes], gz)
        elif path.suffix.lower() == ".zip":
            z = stack.enter_context(zipfile.ZipFile(raw))
            members = [m for m in z.namelist() if m.endswith((".txt", ".csv")) and "readme" not in m.lower()]
            if not members:
                raise GazetteerError(f"{path}: no .txt or .csv file inside")
            binary = stack.enter_context(z.open(members[0]))
        text = io.TextIOWrapper(binary, encoding=self.encoding, errors=self.errors, newline="")
        stack.callback(text.detach)
        return text, raw.tell, total

    def __exit__(self, *exc: object) -> None:
        self._stack.close()


def _open_text(path: Path, encoding: str, errors: str = "strict") -> _Opened:
    return _Opened(path, encoding, errors)


def _csv_encoding(path: Path) -> str:
    """utf-8 (with or without BOM) when the whole file decodes as such, else cp1252 (old ACLED exports)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with _open_text(path, "latin-1") as (fh, _pos, _total):
        raw = fh.buffer if hasattr(fh, "buffer") else None
        assert raw is not None
        try:
            while chunk := raw.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as e:
            log.info("%s is not UTF-8 (%s): reading it as cp1252", path, e.reason)
            return "cp1252"
    return "utf-8-sig"


# --------------------------------------------------------------------------------------------------
# The writer: one transaction, places + names + rtree + FTS kept consistent


class _Writer:
    def __init__(self, con: sqlite3.Connection, merge_km: float) -> None:
        self.con = con
        self.merge_km = merge_km
        self._old_docs: dict[int, str] = {}  # FTS document (places.keys) of each touched place before this batch
        self._keys: dict[int, set[str]] = {}  # the touched places' keys, written to places.keys at flush
        self._touched: set[int] = set()
        self._admin1: dict[str, dict[str, str]] = {}  # per country: name key -> admin1 code
        self._admin2: dict[tuple[str, str], dict[str, str]] = {}  # per (country, admin1): key -> admin2 code
        self._countries: dict[str, str] | None = None
        self._isonum: dict[int, str] | None = None

    # -- reading state

    def exists(self, gid: int) -> bool:
        return self.con.execute("SELECT 1 FROM places WHERE geonameid = ?", (gid,)).fetchone() is not None

    def keys_of(self, gid: int) -> list[str]:
        """A place's name keys as they stand in this transaction."""
        if gid in self._keys:
            return list(self._keys[gid])
        row = self.con.execute("SELECT keys FROM places WHERE geonameid = ?", (gid,)).fetchone()
        return row[0].split("|") if row and row[0] else []

    def _touch(self, gid: int) -> None:
        if gid not in self._touched:
            self._touched.add(gid)
            row = self.con.execute("SELECT keys FROM places WHERE geonameid = ?", (gid,)).fetchone()
            self._old_docs[gid] = row[0] if row else ""
            self._keys[gid] = set(row[0].split("|")) if row and row[0] else set()

    # -- writing

    def upsert_place(self, gid: int, rec: tuple[Any, ...], source: str) -> bool:
        """Insert or replace a place (keeping its names); True when it changed anything."""
        old = self.con.execute(
            "SELECT name, latitude, longitude, country_code, admin1_code, admin2_code, feature_class, "
            "feature_code, population, source, imported FROM places WHERE geonameid = ?",
            (gid,),
        ).fetchone()
        new = (*rec, source, 1)
        if old == new:
            return False
        self._touch(gid)
        self.con.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,0,?,1,'') ON CONFLICT (geonameid) DO UPDATE SET "
            "name=excluded.name, latitude=excluded.latitude, longitude=excluded.longitude, "
            "country_code=excluded.country_code, admin1_code=excluded.admin1_code, "
            "admin2_code=excluded.admin2_code, feature_class=excluded.feature_class, "
            "feature_code=excluded.feature_code, population=excluded.population, source=excluded.source, "
            "imported=1",
            (gid, *rec, source),
        )
        self.con.execute("DELETE FROM places_rtree WHERE id = ?", (gid,))
        self.con.execute("INSERT INTO places_rtree VALUES (?,?,?,?,?)", (gid, rec[1], rec[1], rec[2], rec[2]))
        return True

    def flag_imported(self, gid: int) -> bool:
        cur = self.con.execute("UPDATE places SET imported = 1 WHERE geonameid = ? AND imported = 0", (gid,))
        return cur.rowcount > 0

    def add_names(self, gid: int, keys: Iterable[str]) -> int:
        """Attach name keys to a place; returns how many were new."""
        new = 0
        have = None
        for key in dict.fromkeys(keys):
            if not key:
                continue
            if have is None:
                have = set(self.keys_of(gid))
            if key in have:
                continue
            self._touch(gid)
            self.con.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (key, skeleton_of_key(key), gid))
            have.add(key)
            self._keys[gid].add(key)
            new += 1
        return new

    def flush(self) -> None:
        """Bring the FTS documents and name counts of the touched places up to date."""
        for gid in sorted(self._touched):
            old = self._old_docs.get(gid, "")
            keys = self._keys.get(gid, set())
            doc = fts_document(keys)
            if old:
                self.con.execute("INSERT INTO names_fts (names_fts, rowid, keys) VALUES ('delete', ?, ?)", (gid, old))
            if doc:
                self.con.execute("INSERT INTO names_fts (rowid, keys) VALUES (?, ?)", (gid, doc))
            self.con.execute("UPDATE places SET n_names = ?, keys = ? WHERE geonameid = ?", (len(keys), doc, gid))
        self._touched.clear()
        self._old_docs.clear()
        self._keys.clear()

    # -- finding the same place

    def same_place(
        self, keys: list[str], lat: float, lon: float, cc: str, feature_code: str
    ) -> int | None:
        """An existing place that is this one: a shared exact or skeleton key, same country, nearby."""
        if feature_code == "PCLI":
            return self._same_by_name(keys, cc, "feature_code LIKE 'PCL%'")
        if feature_code == "ADM1":
            found = self._same_by_name(keys, cc, "feature_code = 'ADM1'")
            if found is not None:
                return found
        lat0, lat1, lon0, lon1 = bbox(lat, lon, self.merge_km)
        near = self.con.execute(
            "SELECT p.geonameid, p.latitude, p.longitude, p.country_code, p.population FROM places_rtree r "
            "JOIN places p ON p.geonameid = r.id WHERE r.min_lat <= ? AND r.max_lat >= ? AND r.min_lon <= ? "
            "AND r.max_lon >= ?",
            (lat1, lat0, lon1, lon0),
        ).fetchall()
        if not near:
            return None
        skels = {s for s in (skeleton_of_key(k) for k in keys) if s}
        keyset = set(keys)
        best: tuple[Any, ...] | None = None
        for gid, plat, plon, pcc, population in near:
            if cc and pcc and cc != pcc:
                continue
            d = haversine_km(lat, lon, plat, plon)
            if d > self.merge_km:
                continue
            names = self.keys_of(gid)
            if any(k in keyset for k in names):
                grade = 0
            elif any(skeleton_of_key(k) in skels for k in names):
                grade = 1
            else:
                continue
            rank = (grade, round(d, 3), -population, abs(gid))
            if best is None or rank < best[0]:
                best = (rank, gid)
        return None if best is None else int(best[1])

    def _same_by_name(self, keys: list[str], cc: str, where: str) -> int | None:
        if not cc or not keys:
            return None
        marks = ",".join("?" * len(keys))
        row = self.con.execute(
            f"SELECT p.geonameid FROM names n JOIN places p ON p.geonameid = n.geonameid WHERE n.key IN ({marks}) "
            f"AND p.country_code = ? AND p.{where} ORDER BY p.population DESC, p.geonameid LIMIT 1",
            (*keys, cc),
        ).fetchone()
        return None if row is None else int(row[0])

    # -- countries and admin codes from names

    def country_code(self, name: str, iso_number: str = "") -> str:
        if self._countries is None:
            self._countries = dict(self.con.execute("SELECT key, iso2 FROM country_names"))
            self._isonum = {int(n): c for c, n in self.con.execute("SELECT iso2, isonum FROM countries")}
        assert self._isonum is not None
        if iso_number.strip().isdigit():
            code = self._isonum.get(int(iso_number))
            if code:
                return code
        key = normalize(name)
        if len(key) == 2 and key.upper() in self._isonum.values():
            return key.upper()
        return self._countries.get(key) or self._countries.get(key.removeprefix("the ")) or ""

    def admin1_code(self, cc: str, name: str) -> str:
        """GeoNames admin1 code for a region name in country ``cc`` ("Aleppo Governorate" -> "09"); "" if none."""
        if not cc or not name:
            return ""
        index = self._admin1.get(cc)
        if index is None:
            index = self._admin1[cc] = {}
            # A range on the primary key ("." < "/"): LIKE would scan the table.
            rows = self.con.execute(
                "SELECT code, name, asciiname FROM admin1 WHERE code > ? AND code < ?", (f"{cc}.", f"{cc}/")
            )
            for code, a1name, ascii_name in rows:
                for variant in admin_variants(code, a1name, ascii_name):
                    for key in admin_keys(variant):
                        index.setdefault(key, code.partition(".")[2])
        return next((index[k] for k in admin_keys(name) if k in index), "")

    def admin2_code(self, cc: str, a1: str, name: str) -> str:
        """GeoNames admin2 code for a district name in (cc, admin1); "" if none."""
        if not cc or not a1 or not name:
            return ""
        index = self._admin2.get((cc, a1))
        if index is None:
            index = self._admin2[(cc, a1)] = {}
            rows = self.con.execute(
                "SELECT code, name, asciiname FROM admin2 WHERE code > ? AND code < ?", (f"{cc}.{a1}.", f"{cc}.{a1}/")
            )
            for code, a2name, ascii_name in rows:
                for variant in (a2name, ascii_name):
                    for key in admin_keys(variant):
                        index.setdefault(key, code.split(".")[-1])
        return next((index[k] for k in admin_keys(name) if k in index), "")


# --------------------------------------------------------------------------------------------------
# UCDP's where_coordinates


# Trailing descriptor words that say what a place is and are not part of its name: (feature class, code).
_DESCRIPTORS: dict[str, tuple[str, str]] = {
    "town": ("P", "PPL"), "city": ("P", "PPL"), "village": ("P", "PPL"), "villae": ("P", "PPL"),
    "villages": ("P", "PPL"), "hamlet": ("P", "PPL"), "locality": ("P", "PPL"), "suburb": ("P", "PPLX"),
    "neighbourhood": ("P", "PPLX"), "neighborhood": ("P", "PPLX"), "quarter": ("P", "PPLX"),
    "district": ("A", "ADM2"), "subdistrict": ("A", "ADM3"), "sub-district": ("A", "ADM3"),
    "nahiya": ("A", "ADM3"), "governorate": ("A", "ADM1"), "province": ("A", "ADM1"),
    "area": ("L", "AREA"), "region": ("L", "RGN"), "mountain": ("T", "MT"), "mountains": ("T", "MTS"),
    "mountain range": ("T", "MTS"), "hill": ("T", "HLL"), "hills": ("T", "HLLS"), "plain": ("T", "PLN"),
    "valley": ("H", "WAD"), "camp": ("S", "CMP"),
}  # fmt: skip
# Trailing words that are part of a facility's name ("Kuweires Airbase"): kept, but they give the type.
_FACILITIES: dict[str, tuple[str, str]] = {
    "airbase": ("S", "AIRB"), "airport": ("S", "AIRP"), "heliport": ("S", "AIRH"), "base": ("S", "MILB"),
    "dam": ("S", "DAM"), "plant": ("S", "PS"), "field": ("L", "OILF"), "fields": ("L", "OILF"),
    "oilfield": ("L", "OILF"), "road": ("R", "RD"), "highway": ("R", "RD"), "checkpoint": ("S", "CTRB"),
    "border": ("L", "AREA"), "crossing": ("S", "PSTB"), "farm": ("S", "FRM"), "farms": ("S", "FRMS"),
    "island": ("T", "ISL"), "reservoir": ("H", "RSV"), "castle": ("S", "CSTL"), "tower": ("S", "TOWR"),
    "prison": ("S", "PRN"), "hospital": ("S", "HSP"), "school": ("S", "SCH"), "bridge": ("S", "BDG"),
    "complex": ("S", "BLDG"), "brigade": ("S", "MILB"),
}  # fmt: skip
# UCDP where_prec -> feature when the name carries no descriptor.
_PREC_FEATURE = {
    "1": ("L", "LCTY"), "2": ("L", "LCTY"), "3": ("A", "ADM2"), "4": ("A", "ADM1"), "5": ("L", "AREA"),
    "6": ("A", "PCLI"), "7": ("H", "SEA"),
}  # fmt: skip
_DIRECTIONAL = re.compile(r"^(?:north|south|east|west|northern|southern|eastern|western|central|rural)\b", re.IGNORECASE)
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*")


def parse_ucdp_place(where: str, where_prec: str = "") -> tuple[list[str], str, str, str]:
    """UCDP ``where_coordinates`` -> (names, descriptor, feature class, feature code).

    "Kansaba town" -> (["Kansaba"], "town", "P", "PPL"); "Tadmur/Palmyra town" -> (["Tadmur", "Palmyra"],
    "town", ...); "Aleppo Governorate" -> (["Aleppo"], "Governorate", "A", "ADM1"); "Eastern Idlib
    Governorate" is an area ("L", "AREA"). A parenthesis gives alternates only for settlements ("Aaliyah
    (Qurujah) village"); elsewhere it is a qualifier ("Military Research Center (Aleppo)") and is dropped.
    """
    text = " ".join(where.split())
    parens = _PAREN.findall(text)
    text = " ".join(_PAREN.sub(" ", text).split())
    descriptor = ""
    fclass, fcode = _PREC_FEATURE.get(where_prec.strip().split(".")[0], ("L", "LCTY"))
    words = text.split(" ")
    for n in (2, 1):
        if len(words) > n:
            tail = " ".join(words[-n:])
            hit = _DESCRIPTORS.get(tail.lower())
            if hit:
                descriptor, (fclass, fcode) = tail, hit
                words = words[:-n]
                break
    else:
        hit = _FACILITIES.get(words[-1].lower()) if len(words) > 1 else None
        if hit:
            fclass, fcode = hit
    if descriptor and fcode == "ADM1" and _DIRECTIONAL.match(words[0]):
        fclass, fcode = "L", "AREA"  # "Eastern Idlib Governorate" is part of a governorate
    names = [n.strip(" -") for n in " ".join(words).split("/")]
    if fclass == "P":
        names += [p.strip() for alt in parens for p in alt.split("/")]
    names = [n for n in dict.fromkeys(names) if n and any(c.isalpha() for c in n)]
    return names, descriptor, fclass, fcode


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
        writer = _Writer(con, merge_km)
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
    writer: _Writer, path: Path, label: str, summary: ImportSummary, progress: ProgressFn | None
) -> None:
    with _open_text(path, "utf-8", errors="replace") as (fh, pos, total):
        tick = _ticker(progress, pos, total)
        for lineno, line in enumerate(fh, 1):
            if line.startswith("#") or not line.strip():
                continue
            summary.rows += 1
            tick(summary.rows)
            try:
                gid, rec, names = _geonames_row(line)
            except _BadRow as e:
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


def _geonames_row(line: str) -> tuple[int, tuple[Any, ...], list[str]]:
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != 19:
        raise _BadRow(f"expected 19 tab-separated GeoNames columns, found {len(cols)}")
    try:
        gid = int(cols[0])
        lat, lon = float(cols[4]), float(cols[5])
        population = int(cols[14] or 0)
    except ValueError as e:
        raise _BadRow(f"bad number ({e})") from None
    if gid <= 0:
        raise _BadRow(f"geonameid {gid} is not a positive integer")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise _BadRow(f"coordinates {lat}, {lon} out of range")
    name = cols[1].strip()
    if not name:
        raise _BadRow("empty name")
    rec = (name, lat, lon, cols[8].strip(), cols[10].strip(), cols[11].strip(), cols[6].strip() or "P",
           cols[7].strip() or "PPL", population)  # fmt: skip
    raw = [name, cols[2], *(a for a in cols[3].split(",") if a)]
    names = [normalize(n) for n in raw if n == name or not CODE_LIKE.fullmatch(n)]
    return gid, rec, [k for k in names if any(c.isalpha() for c in k)]


def _import_alternates(writer: _Writer, path: Path, summary: ImportSummary, progress: ProgressFn | None) -> None:
    """alternateNamesV2.txt: id, geonameid, isolanguage, name, preferred, short, colloquial, historic, from, to."""
    known: dict[int, bool] = {}
    with _open_text(path, "utf-8", errors="replace") as (fh, pos, total):
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
    writer: _Writer, path: Path, fmt: str, label: str, summary: ImportSummary, progress: ProgressFn | None
) -> None:
    csv.field_size_limit(sys.maxsize)  # ACLED notes can be long
    encoding = _csv_encoding(path)
    seen: dict[int, int] = {}
    with _open_text(path, encoding) as (fh, pos, total):
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
                place = _ucdp_place(get) if fmt == "ucdp" else _acled_place(get)
            except _BadRow as e:
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
                # Imported before (from this file or another with the same source label): the first import
                # of a place keeps its fields, so re-imports and imports in any order change nothing.
                outcome = "unchanged"
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


def _coords(get: Callable[[str], str]) -> tuple[float, float]:
    lat_s, lon_s = get("latitude"), get("longitude")
    try:
        lat, lon = float(lat_s), float(lon_s)
    except ValueError:
        raise _BadRow(f"latitude/longitude {lat_s!r}, {lon_s!r} are not numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise _BadRow(f"coordinates {lat}, {lon} out of range")
    return lat, lon


_Parsed = tuple[list[str], float, float, str, str, str, str, str, str]


def _ucdp_place(get: Callable[[str], str]) -> _Parsed:
    where = get("where_coordinates")
    if not where:
        raise _BadRow("empty where_coordinates")
    lat, lon = _coords(get)
    names, _descriptor, fclass, fcode = parse_ucdp_place(where, get("where_prec"))
    if not names:
        raise _BadRow(f"no place name in where_coordinates {where!r}")
    return names, lat, lon, fclass, fcode, get("country"), "", get("adm_1"), get("adm_2")


# ACLED geo_precision -> feature: 1 the named town, 2 near it / part of a region, 3 a larger region.
_ACLED_FEATURE = {"1": ("P", "PPL"), "2": ("P", "PPL"), "3": ("L", "AREA")}


def _acled_place(get: Callable[[str], str]) -> _Parsed:
    location = " ".join(get("location").split())
    if not location:
        raise _BadRow("empty location")
    lat, lon = _coords(get)
    fclass, fcode = _ACLED_FEATURE.get(get("geo_precision").split(".")[0], ("P", "PPL"))
    return [location], lat, lon, fclass, fcode, get("country"), get("iso"), get("admin1"), get("admin2")
