"""The store's side of incidents: which incident each event belongs to, and the links between reports.

``frontline.corpus.incidents`` decides; this module only reads and writes. Two tables and one column:
``events.incident_id``; ``incident_links(a, b, score)``, the pairs of events (``a < b``) judged to tell
one happening, kept so that a new article only reads the links near its own events; and
``article_keys(article_id, fingerprint)``, each article's normalized-text fingerprint, so that syndicated
copies of one story are told apart from independent reports without reading every text again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

INCIDENT_SCHEMA = """
CREATE TABLE IF NOT EXISTS incident_links (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE INDEX IF NOT EXISTS incident_links_b ON incident_links(b);
CREATE TABLE IF NOT EXISTS article_keys (
    article_id TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL
);
"""
# What the matcher reads of an event, with its article's publication date, source and fingerprint.
REPORT_COLUMNS = (
    "e.event_id, e.article_id, a.source AS article_source, a.published, k.fingerprint, e.event_date, "
    "e.time_precision, e.event_type, e.sub_event_type, e.actor1, e.inter1, e.actor2, e.inter2, e.country, "
    "e.admin1, e.admin2, e.admin3, e.location, e.geonameid, e.latitude, e.longitude, e.geo_precision, e.fatalities, "
    "e.fatalities_low, e.fatalities_high, e.confidence"
)
_REPORTS_FROM = "events e JOIN articles a ON a.id = e.article_id LEFT JOIN article_keys k ON k.article_id = e.article_id"


class IncidentTables:
    """Mixed into ``EventStore``: the incident queries, on its connection ``_db``."""

    _db: sqlite3.Connection

    def _failures(self, what: str = "") -> AbstractContextManager[None]:  # provided by EventStore
        raise NotImplementedError

    def incident_transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """Hold the store's write lock while incidents are derived: what is read inside is what the writes
        inside change, even with another ``frontline run`` on the same store; all or nothing is written."""
        return self._transaction()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, rolled back whole on any failure; SQLite errors as ``StoreError``.
        Inside one already open, it joins that one."""
        db = self._db
        if db.in_transaction:
            yield db
            return
        with self._failures("no incident was changed"):
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:  # on a full disk SQLite has rolled back already
                    db.execute("ROLLBACK")
                raise

    def _create_incident_tables(self) -> None:
        """The incident tables on a store of any age (``events.incident_id`` is one of the store's added columns)."""
        self._db.executescript(INCIDENT_SCHEMA)

    def _reports(self, where: str, params: Iterable[object]) -> list[dict[str, Any]]:
        with self._failures():
            rows = self._db.execute(f"SELECT {REPORT_COLUMNS} FROM {_REPORTS_FROM} WHERE {where}", list(params))
            return [dict(r) for r in rows]

    def incident_reports(self, event_ids: Iterable[str]) -> list[dict[str, Any]]:
        """The matcher's view of these events."""
        return self._reports("e.event_id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(set(event_ids)))])

    def incident_candidates(self, country: str, admin1: str, ranges: Sequence[tuple[int, str, str]]) -> list[dict[str, Any]]:
        """Events of ``country`` in ``admin1`` (each: or with none; any when the argument is empty, as
        ``match.veto`` reads a missing country or province) whose date lies in the range given for their
        time precision: ``(precision, first, last)`` with ISO dates; an event of precision over the last
        given uses the last range. The only events a report can join."""
        clauses = []
        params: list[object] = [country, country, admin1, admin1]
        for n, (precision, first, last) in enumerate(ranges):
            op = ">=" if n == len(ranges) - 1 else "="
            clauses.append(f"(coalesce(e.time_precision, 2) {op} ? AND e.event_date BETWEEN ? AND ?)")
            params += [precision, first, last]
        spans = " OR ".join(clauses) or "0"
        return self._reports(
            f"(? = '' OR e.country = ? OR coalesce(e.country, '') = '') AND (? = '' OR e.admin1 = ? OR coalesce(e.admin1, '') = '') "
            f"AND ({spans})", params)

    def article_event_ids(self, article_id: str) -> list[str]:
        with self._failures():
            return [r[0] for r in self._db.execute("SELECT event_id FROM events WHERE article_id = ?", (article_id,))]

    def linked(self, event_ids: Iterable[str]) -> list[tuple[str, str, float]]:
        """The stored links that touch any of ``event_ids``."""
        ids = json.dumps(sorted(set(event_ids)))
        with self._failures():
            rows = self._db.execute(
                """SELECT a, b, score FROM incident_links WHERE a IN (SELECT value FROM json_each(?1))
                   UNION SELECT a, b, score FROM incident_links WHERE b IN (SELECT value FROM json_each(?1))""",
                (ids,),
            )
            return [(r[0], r[1], r[2]) for r in rows]

    def unassigned_event_ids(self) -> list[str]:
        """Events without an incident: stored by a run killed before it assigned them, or by an older version."""
        with self._failures():
            return [r[0] for r in self._db.execute("SELECT event_id FROM events WHERE incident_id IS NULL ORDER BY event_id")]

    def articles_without_key(self, event_ids: Iterable[str] | None = None) -> list[tuple[str, str]]:
        """(id, cleaned text) of the articles that have no fingerprint yet; with ``event_ids``, only among
        the articles of those events."""
        where = "id NOT IN (SELECT article_id FROM article_keys)"
        params: list[object] = []
        if event_ids is not None:
            where += " AND id IN (SELECT article_id FROM events WHERE event_id IN (SELECT value FROM json_each(?)))"
            params.append(json.dumps(sorted(set(event_ids))))
        with self._failures():
            return [(r[0], r[1]) for r in self._db.execute(f"SELECT id, cleaned FROM articles WHERE {where} ORDER BY id", params)]

    def article_texts(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The cleaned texts of these articles, by id."""
        with self._failures():
            rows = self._db.execute(
                "SELECT id, cleaned FROM articles WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(set(article_ids))),)
            )
            return {r[0]: r[1] for r in rows}

    def save_article_keys(self, keys: Mapping[str, str]) -> None:
        """Store article fingerprints (idempotent: a fingerprint only depends on the article's text)."""
        with self._transaction() as db:
            db.executemany("INSERT OR REPLACE INTO article_keys VALUES (?, ?)", sorted(keys.items()))

    def save_incidents(
        self,
        relinked: Iterable[str],
        links: Iterable[tuple[str, str, float]],
        incidents: Mapping[str, str],
    ) -> None:
        """In one transaction: the links of the ``relinked`` events replaced by ``links``, and each
        event's incident id."""
        with self._transaction() as db:
            ids = json.dumps(sorted(set(relinked)))
            db.execute(
                "DELETE FROM incident_links WHERE a IN (SELECT value FROM json_each(?1)) OR b IN (SELECT value FROM json_each(?1))",
                (ids,),
            )
            db.executemany("INSERT OR REPLACE INTO incident_links VALUES (?, ?, ?)", sorted(set(links)))
            db.executemany("UPDATE events SET incident_id = ? WHERE event_id = ?", [(i, e) for e, i in sorted(incidents.items())])

    def drop_dangling_links(self) -> list[str]:
        """Delete links to events that are gone; the surviving ends, whose incidents must be derived again."""
        with self._failures("no incident was changed"):
            rows = self._db.execute(
                """SELECT a, b FROM incident_links l WHERE NOT EXISTS (SELECT 1 FROM events WHERE event_id = l.a)
                   OR NOT EXISTS (SELECT 1 FROM events WHERE event_id = l.b)"""
            ).fetchall()
            if not rows:
                return []
            alive = {r[0] for r in self._db.execute(
                "SELECT event_id FROM events WHERE event_id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted({x for r in rows for x in r})),),
            )}
        with self._transaction() as db:
            db.executemany("DELETE FROM incident_links WHERE a = ? AND b = ?", [(r[0], r[1]) for r in rows])
        return sorted(alive)

    def clear_incidents(self) -> None:
        """Forget every link and incident (``frontline incidents --rebuild``); the events stay."""
        with self._transaction() as db:
            db.execute("DELETE FROM incident_links")
            db.execute("DELETE FROM article_keys")
            db.execute("UPDATE events SET incident_id = NULL")

    def incident_count(self) -> int:
        with self._failures():
            return int(self._db.execute("SELECT count(DISTINCT incident_id) FROM events WHERE incident_id IS NOT NULL").fetchone()[0])

    def incident_members(self) -> Iterator[dict[str, Any]]:
        """Every event with an incident, as an export row plus its article's source, date, title and
        fingerprint, ordered by incident then event."""
        with self._failures():
            rows = self._db.execute(
                f"""SELECT e.*, a.source AS article_source, a.published, a.title, k.fingerprint,
                      (SELECT json_group_array(json_object('start', v.start, 'end', v.end, 'text', v.text))
                         FROM (SELECT * FROM evidence WHERE event_id = e.event_id ORDER BY start) v) AS evidence
                    FROM {_REPORTS_FROM} WHERE e.incident_id IS NOT NULL ORDER BY e.incident_id, e.event_id"""
            )
            for r in rows:
                row = dict(r)
                row["evidence"] = json.loads(row["evidence"])
                yield row
