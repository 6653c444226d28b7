"""Opening a gazetteer file read-only: building it when missing, rebuilding it when outdated.

A file of another schema version, or of an older build of this schema, is rebuilt on open unless the
caller said ``build=False`` or the file holds a user's imports (a rebuild would lose them).
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from .build import build_gazetteer
from .schema import BUILD_VERSION, SCHEMA_VERSION, GazetteerError

log = logging.getLogger(__name__)


def open_connection(path: Path, *, build: bool, cities: Path | str | None) -> sqlite3.Connection:
    """A read-only connection to the gazetteer at ``path``; see ``Gazetteer.open`` for ``build`` and ``cities``."""
    if not path.exists():
        if not build:
            raise GazetteerError(
                f"no gazetteer at {path}; build it with 'frontline gazetteer build --path {path}' "
                "(or build_gazetteer() from Python)"
            )
        log.info("gazetteer %s not found: building it now (first use, about 15-30 s)", path)
        build_gazetteer(path, cities=cities)
    con = _connect(path)
    version = _schema_version(con, path)
    if version != SCHEMA_VERSION:
        has_imports = _has_imports(con)
        con.close()
        if not build or has_imports:
            raise GazetteerError(
                f"gazetteer {path} has schema version {version}, this frontline needs {SCHEMA_VERSION}; "
                f"rebuild it with 'frontline gazetteer build --path {path}'"
                + (" and import your files again with 'frontline gazetteer import'" if has_imports else "")
            )
        log.info("gazetteer %s has schema version %s, not %s: rebuilding", path, version, SCHEMA_VERSION)
        build_gazetteer(path, cities=cities)
        con = _connect(path)
    elif _build_version(con) < BUILD_VERSION:
        # Same schema, older contents (e.g. a cache built before continents were added).
        if build and not _has_imports(con):
            con.close()
            log.info("gazetteer %s is of an older build (< %s): rebuilding", path, BUILD_VERSION)
            build_gazetteer(path, cities=cities)
            con = _connect(path)
        else:
            log.warning(
                "gazetteer %s is of an older build than this frontline's (%s)%s; it still works, but "
                "'frontline gazetteer build --path %s' would add the newer entries",
                path, BUILD_VERSION, " and holds imports" if build else "", path,
            )  # fmt: skip
    return con


def _build_version(con: sqlite3.Connection) -> int:
    """The file's build version (metadata ``build_version``); 1 for files built before it was recorded."""
    row = con.execute("SELECT value FROM metadata WHERE key = 'build_version'").fetchone()
    return int(row[0]) if row else 1


def _connect(path: Path) -> sqlite3.Connection:
    """Read-only, shared across threads (``Gazetteer`` serialises its queries with a lock)."""
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as e:
        raise GazetteerError(f"cannot open gazetteer {path}: {e}") from e


def _schema_version(con: sqlite3.Connection, path: Path) -> int | None:
    try:
        row = con.execute("SELECT value FROM metadata WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as e:
        con.close()
        raise GazetteerError(f"{path} is not a frontline gazetteer ({e}); delete it to rebuild") from e
    return int(row[0]) if row else None


def _has_imports(con: sqlite3.Connection) -> bool:
    try:
        return con.execute("SELECT 1 FROM imports LIMIT 1").fetchone() is not None
    except sqlite3.DatabaseError:
        return False
