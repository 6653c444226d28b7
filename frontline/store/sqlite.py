"""EventStore: the embedded SQLite store (``frontline.db`` by default).

Articles, events and their evidence, keyed by content-derived ids: storing the same article
again replaces its rows and adds none. Each article is written in one transaction, so a run that
is killed keeps every article it finished and resumes after them.

Every failure of the store itself (a full disk, a read-only file or folder, a lock held past the busy
timeout, a file that is not a store) is raised as ``StoreError`` with one line naming the store, the
cause and what to do; SQLite has then rolled the article back, so nothing committed is lost.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from ..events.codes import event_codes
from ..records import ACLED_COLUMNS, Document, Event
from .incident_tables import IncidentTables

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    published TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    cleaned TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    encoding TEXT
);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_date TEXT, year INTEGER, time_precision INTEGER,
    event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
    actor1 TEXT, assoc_actor_1 TEXT, inter1 INTEGER,
    actor2 TEXT, assoc_actor_2 TEXT, inter2 INTEGER,
    interaction INTEGER, civilian_targeting TEXT,
    iso INTEGER, country TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT, location TEXT,
    latitude REAL, longitude REAL, geo_precision INTEGER,
    source TEXT, notes TEXT, fatalities INTEGER,
    geonameid INTEGER, confidence REAL,
    fatalities_low INTEGER, fatalities_high INTEGER,
    cameo_root TEXT, plover_type TEXT
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE TABLE IF NOT EXISTS evidence (
    event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (event_id, start, end)
);
"""
_EVENT_COLUMNS = [c for c in ACLED_COLUMNS] + ["article_id", "geonameid", "confidence", "fatalities_low", "fatalities_high"]
# The sub-type's codes, stored as the pipeline set them; export rows give them after the evidence.
_CODE_COLUMNS = ["cameo_root", "plover_type"]
# Columns added after the first schema, with their types; an older store gets them on open.
_ADDED_COLUMNS = {
    "fatalities_low": "INTEGER", "fatalities_high": "INTEGER", "cameo_root": "TEXT", "plover_type": "TEXT", "incident_id": "TEXT",
}
_ADDED_ARTICLE_COLUMNS = {"encoding": "TEXT"}


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What storing one article changed."""

    article_new: bool
    events_added: int
    events_kept: int
    events_removed: int


class StoreError(Exception):
    """The store cannot be used or written: not SQLite, full disk, read-only, locked; the message says which."""


# Two `frontline run`s on one store hold its write lock for one article's rows at a time (milliseconds);
# a lock held this long is something else (an open sqlite3 shell, a stuck process).
DEFAULT_TIMEOUT = 30.0


def _cause(exc: sqlite3.Error, path: Path, timeout: float) -> tuple[str, str]:
    """What went wrong in words, and what to do about it, from SQLite's (primary) error code."""
    code = getattr(exc, "sqlite_errorcode", -1) & 0xFF
    if code == sqlite3.SQLITE_FULL:
        return "the disk is full (or the store reached its size limit)", "free space"
    if code == sqlite3.SQLITE_READONLY:
        return "the store is read-only (the file, its folder or its file system cannot be written)", "make it writable"
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return f"another process held the store locked for over {timeout:g} s (the busy timeout)", "let it finish"
    if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
        return f"not a usable frontline store ({exc})", "restore it or choose another --db"
    if code == sqlite3.SQLITE_CANTOPEN:
        folder = path.parent
        if not folder.is_dir():
            return f"cannot open it: the folder {folder} does not exist", "create it"
        if not _writable(folder):
            return (
                f"cannot open it: the folder {folder} is read-only (SQLite keeps -wal and -shm files beside the store)",
                "make the folder writable",
            )
        return f"cannot open it ({exc})", "check the file and its folder"
    if code == sqlite3.SQLITE_IOERR:
        return f"an I/O error ({exc})", "check the disk"
    return f"{exc}", "fix the cause"


def _writable(folder: Path) -> bool:
    """Whether a file can be created in ``folder``; tried, since as root permission bits say nothing."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


class EventStore(IncidentTables):
    """The store at ``path``, created when missing.

    ``timeout``: seconds to wait for another writer's lock before giving up with ``StoreError``.
    ``max_pages``: cap the file at this many pages (SQLite's ``max_page_count``, 4 KiB each), e.g. to
    keep a store within a quota; writing past it fails like a full disk.
    """

    def __init__(self, path: str | Path = "frontline.db", *, timeout: float = DEFAULT_TIMEOUT, max_pages: int | None = None) -> None:
        self.path = Path(path)
        self.timeout = timeout
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=timeout)  # explicit transactions below
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        try:
            self._open(max_pages)
        except BaseException:
            self._db.close()
            raise
        self._db.row_factory = sqlite3.Row

    def _open(self, max_pages: int | None) -> None:
        with self._failures():
            if max_pages is not None:
                self._db.execute(f"PRAGMA max_page_count = {int(max_pages)}")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.executescript(SCHEMA)
            self._create_incident_tables()
            if self._missing_columns():
                # Two processes opening one store at once (a new one, or one of an older version) must not
                # both add a column: the additions hold the write lock and look again under it.
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    self._add_missing_columns()
                    self._db.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise
            self._db.execute("CREATE INDEX IF NOT EXISTS events_incident ON events(incident_id)")

    def _columns(self, table: str) -> set[str]:
        return {r[1] for r in self._db.execute(f"PRAGMA table_info({table})")}

    def _missing_columns(self) -> bool:
        return not (set(_ADDED_COLUMNS) <= self._columns("events") and set(_ADDED_ARTICLE_COLUMNS) <= self._columns("articles"))

    def _add_missing_columns(self) -> None:
        """The columns of later versions (their events then have no incident yet), in the open transaction."""
        have = self._columns("events")
        for column, kind in _ADDED_COLUMNS.items():
            if column not in have:
                self._db.execute(f"ALTER TABLE events ADD COLUMN {column} {kind}")
        if not set(_CODE_COLUMNS) <= have:
            self._backfill_codes()
        have_article = self._columns("articles")
        for column, kind in _ADDED_ARTICLE_COLUMNS.items():
            if column not in have_article:
                self._db.execute(f"ALTER TABLE articles ADD COLUMN {column} {kind}")

    def _error(self, exc: sqlite3.Error, what: str = "") -> StoreError:
        cause, remedy = _cause(exc, self.path, self.timeout)
        if what:
            return StoreError(f"{self.path}: {cause}; {what}; {remedy} and run again to resume")
        return StoreError(f"{self.path}: {cause}; {remedy}")

    @contextmanager
    def _failures(self, what: str = "") -> Iterator[None]:
        """SQLite's operational errors as ``StoreError``; an IntegrityError stays (it is a bug, not the store)."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            if not isinstance(exc, sqlite3.OperationalError) and type(exc) is not sqlite3.DatabaseError:
                raise
            raise self._error(exc, what) from exc

    def _backfill_codes(self) -> None:
        """A store written before the codes were stored gets them from each event's sub-type, once."""
        subs = [r[0] for r in self._db.execute("SELECT DISTINCT sub_event_type FROM events")]
        for sub in subs:  # inside the transaction of ``_add_missing_columns``
            codes = event_codes(sub)
            self._db.execute(
                "UPDATE events SET cameo_root = ?, plover_type = ? WHERE sub_event_type = ?",
                (codes.cameo_root, codes.plover_type, sub),
            )

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def has_article(self, article_id: str, pipeline_version: str) -> bool:
        """True when this article was stored by this pipeline version (so a re-run can skip it)."""
        with self._failures():
            row = self._db.execute(
                "SELECT 1 FROM articles WHERE id = ? AND pipeline_version = ?", (article_id, pipeline_version)
            ).fetchone()
        return row is not None

    def add(self, document: Document, events: tuple[Event, ...] | list[Event], pipeline_version: str) -> StoreResult:
        """Store one article and its events in a single transaction (replacing its earlier events).

        Raises ``StoreError`` when the store cannot be written; the article is then rolled back whole.
        """
        article = document.article
        named = f"{article.id} ({article.origin})" if article.origin else article.id
        with self._failures(f"nothing of article {named} was written"):
            return self._add(document, events, pipeline_version)

    def _add(self, document: Document, events: tuple[Event, ...] | list[Event], pipeline_version: str) -> StoreResult:
        article = document.article
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            new = db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone() is None
            db.execute(
                """INSERT INTO articles (id, published, source, url, title, origin, text, cleaned, pipeline_version, encoding)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(id) DO UPDATE SET published=excluded.published, source=excluded.source,
                     url=excluded.url, title=excluded.title, origin=excluded.origin, text=excluded.text,
                     cleaned=excluded.cleaned, pipeline_version=excluded.pipeline_version,
                     encoding=excluded.encoding""",
                (
                    article.id,
                    article.published.isoformat() if article.published else None,
                    article.source,
                    article.url,
                    article.title,
                    article.origin,
                    article.text,
                    document.text,
                    pipeline_version,
                    article.encoding,
                ),
            )
            before = {r[0] for r in db.execute("SELECT event_id FROM events WHERE article_id = ?", (article.id,))}
            after = {e.event_id for e in events}
            stale = before - after
            db.executemany("DELETE FROM events WHERE event_id = ?", [(i,) for i in sorted(stale)])
            columns = _EVENT_COLUMNS + _CODE_COLUMNS
            placeholders = ", ".join("?" for _ in columns)
            for event in events:
                row = event.as_row()
                db.execute(
                    f"INSERT OR REPLACE INTO events ({', '.join(columns)}) VALUES ({placeholders})",
                    [row[c] for c in columns],
                )
                db.execute("DELETE FROM evidence WHERE event_id = ?", (event.event_id,))
                db.executemany(
                    "INSERT OR IGNORE INTO evidence (event_id, start, end, text) VALUES (?, ?, ?, ?)",
                    [(event.event_id, s.start, s.end, s.text) for s in event.evidence],
                )
            db.execute("COMMIT")
        except BaseException:
            # On a full disk or an I/O error SQLite has already rolled back; a second ROLLBACK would raise.
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return StoreResult(new, len(after - before), len(after & before), len(stale))

    def counts(self) -> dict[str, int]:
        with self._failures():
            return {
                table: self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "events", "evidence")
            }

    def events(self, article_ids: Iterable[str] | None = None, min_confidence: float = 0.0) -> Iterator[dict[str, object]]:
        """Stored events as export rows (ACLED columns, then frontline's), ordered by date, article, id.

        With ``article_ids``, only the events of those articles; with ``min_confidence`` above 0, only
        events at least that likely to have the right sub-type (an event without a confidence is left out).
        """
        conditions: list[str] = []
        params: list[object] = []
        if article_ids is not None:
            conditions.append("e.article_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(sorted(set(article_ids))))
        if min_confidence > 0:
            conditions.append("e.confidence >= ?")
            params.append(min_confidence)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        columns = ", ".join(f"e.{c}" for c in [*_EVENT_COLUMNS, *_CODE_COLUMNS, "incident_id"])
        with self._failures():
            yield from self._rows(columns, where, params)

    def _rows(self, columns: str, where: str, params: list[object]) -> Iterator[dict[str, object]]:
        rows = self._db.execute(
            f"""SELECT {columns},
                  (SELECT json_group_array(json_object('start', v.start, 'end', v.end, 'text', v.text))
                     FROM (SELECT * FROM evidence WHERE event_id = e.event_id ORDER BY start) v) AS evidence
                FROM events e {where} ORDER BY e.event_date, e.article_id, e.event_id""",
            params,
        )
        for r in rows:
            row = {c: r[c] for c in _EVENT_COLUMNS}
            row["evidence"] = json.loads(r["evidence"])
            row.update((c, r[c]) for c in _CODE_COLUMNS)
            row["incident_id"] = r["incident_id"]
            yield row

    def article(self, article_id: str) -> dict[str, object] | None:
        with self._failures():
            r = self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return dict(r) if r else None
