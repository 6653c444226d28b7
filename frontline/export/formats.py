"""export: stored events to ACLED CSV, JSONL, GeoJSON, GeoPackage or Parquet."""

from __future__ import annotations

import csv
import json
import logging
import sqlite3
import struct
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

from ..records import ACLED_COLUMNS, EXTRA_COLUMNS

log = logging.getLogger(__name__)

FORMATS = ("csv", "jsonl", "geojson", "gpkg", "parquet")


class ExportError(Exception):
    pass


EVENT_COLUMNS: tuple[str, ...] = (*ACLED_COLUMNS, *EXTRA_COLUMNS)


def export(
    rows: Iterable[dict[str, object]], fmt: str, out: Path, *, safe: bool = True,
    columns: Sequence[str] = EVENT_COLUMNS, table: str = "events",
) -> int:
    """Write rows to ``out`` in ``fmt``; returns the number of rows written.

    ``columns``: the flat formats' (CSV, GeoPackage) columns, in order; ``table``: the GeoPackage layer's
    name (events by default; ``incidents`` for the incident table).

    ``safe`` (CSV only): text cells starting with a formula character get a leading apostrophe, so a
    spreadsheet shows them instead of running them (OWASP's CSV injection); the other formats are exact.
    Raises ``ExportError`` when ``out`` cannot be written.
    """
    writers: dict[str, Callable[[list[dict[str, object]], Path], None]] = {
        "csv": partial(_csv, safe=safe, columns=columns), "jsonl": _jsonl, "geojson": _geojson,
        "gpkg": partial(_gpkg, columns=columns, table=table), "parquet": _parquet,
    }
    if fmt not in writers:
        raise ExportError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    rows = list(rows)
    tmp = out.with_name(out.name + ".partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        writers[fmt](rows, tmp)
        tmp.replace(out)  # a failed export never leaves a half-written file under the real name
    except (OSError, sqlite3.Error) as exc:
        if tmp.parent.is_dir():
            tmp.unlink(missing_ok=True)
        raise ExportError(f"{out}: cannot write it ({getattr(exc, 'strerror', None) or exc})") from exc
    return len(rows)


def _flat(row: dict[str, object]) -> dict[str, object]:
    """Evidence as a JSON string, for formats with flat columns."""
    flat = dict(row)
    if "evidence" in row:
        flat["evidence"] = json.dumps(row["evidence"], ensure_ascii=False)
    return flat


# OWASP's CSV injection list: a cell starting with one of these is a formula to Excel, LibreOffice, Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, with a leading apostrophe; anything else as it is.

    Only text is touched: numbers (a negative longitude) are written as numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv(rows: list[dict[str, object]], out: Path, *, safe: bool = True, columns: Sequence[str] = EVENT_COLUMNS) -> None:
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            flat = _flat(row)
            writer.writerow({k: defuse(v) for k, v in flat.items()} if safe else flat)


def _jsonl(rows: list[dict[str, object]], out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _geojson(rows: list[dict[str, object]], out: Path) -> None:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
            if row.get("latitude") is not None
            else None,
            "properties": {k: v for k, v in row.items()},
        }
        for row in rows
    ]
    out.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8")


def _gpkg(rows: list[dict[str, object]], out: Path, *, columns: Sequence[str] = EVENT_COLUMNS, table: str = "events") -> None:
    """A minimal OGC GeoPackage (points in WGS 84) written with sqlite3 alone; QGIS and GDAL open it."""
    columns = list(columns)
    db = sqlite3.connect(out)
    try:
        db.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
        db.execute("PRAGMA user_version = 10300")
        db.executescript(
            """
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
              organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
              definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
              identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT
              (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
              srs_id INTEGER);
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
              geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));
            """
        )
        wgs84 = (
            'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],'
            'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]'
        )
        db.executemany(
            "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
            [
                ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", None),
                ("Undefined geographic SRS", 0, "NONE", 0, "undefined", None),
                ("WGS 84 geodetic", 4326, "EPSG", 4326, wgs84, None),
            ],
        )
        types = {"latitude": "DOUBLE", "longitude": "DOUBLE", "confidence": "DOUBLE"}
        ints = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities", "geonameid",
                "fatalities_low", "fatalities_high", "n_reports", "n_sources"}
        col_sql = ", ".join(f'"{c}" {types.get(c, "INTEGER" if c in ints else "TEXT")}' for c in columns)
        db.execute(f"CREATE TABLE {table} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, {col_sql})")
        lons = [float(r["longitude"]) for r in rows if r.get("longitude") is not None]  # type: ignore[arg-type]
        lats = [float(r["latitude"]) for r in rows if r.get("latitude") is not None]  # type: ignore[arg-type]
        db.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id)"
            " VALUES (?, 'features', ?, ?, ?, ?, ?, 4326)",
            (table, table, min(lons, default=None), min(lats, default=None), max(lons, default=None), max(lats, default=None)),
        )
        db.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'POINT', 4326, 0, 0)", (table,))
        placeholders = ", ".join("?" for _ in range(len(columns) + 1))
        db.executemany(
            f"INSERT INTO {table} (geom, {', '.join(chr(34) + c + chr(34) for c in columns)}) VALUES ({placeholders})",
            [[_gpkg_point(r.get("longitude"), r.get("latitude")), *[_flat(r).get(c) for c in columns]] for r in rows],
        )
        db.commit()
    finally:
        db.close()


def _gpkg_point(lon: object, lat: object) -> bytes | None:
    """GeoPackage binary: header ('GP', version 0, flags: little-endian, no envelope), srs 4326, then WKB."""
    if lon is None or lat is None:
        return None
    return b"GP" + bytes([0, 1]) + struct.pack("<i", 4326) + struct.pack("<bIdd", 1, 1, float(lon), float(lat))  # type: ignore[arg-type]


def _parquet(rows: list[dict[str, object]], out: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExportError("Parquet export needs pyarrow: pip install 'frontline[parquet]'") from exc
    table = pa.Table.from_pylist([_flat(r) for r in rows])
    pq.write_table(table, out)
