"""The SQLite store and the ingest stage on real files in tmp_path."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from frontline.records import Article, Event, Span
from frontline.store import EventStore, StoreError
from frontline.text.clean import clean

TEXT = "Rebels clashed with regime forces near Jisr al-Shughur on Tuesday."


def event(article_id: str, eid: str) -> Event:
    return Event(
        article_id=article_id,
        event_type="Battles",
        sub_event_type="Armed clash",
        event_id=eid,
        event_date=dt.date(2016, 6, 28),
        time_precision=1,
        location="Jisr ash Shughur",
        latitude=35.8,
        longitude=36.32,
        geo_precision=2,
        evidence=(Span(0, len(TEXT), TEXT),),
    )


def test_add_is_an_upsert(tmp_path: Path) -> None:
    doc = clean(Article(id="a1", text=TEXT))
    with EventStore(tmp_path / "f.db") as store:
        first = store.add(doc, [event("a1", "e1")], "v1")
        again = store.add(doc, [event("a1", "e1")], "v1")
        assert (first.article_new, first.events_added) == (True, 1)
        assert (again.article_new, again.events_added, again.events_kept) == (False, 0, 1)
        assert store.counts() == {"articles": 1, "events": 1, "evidence": 1}
        # A changed pipeline that no longer finds e1 replaces it.
        changed = store.add(doc, [event("a1", "e2")], "v2")
        assert (changed.events_added, changed.events_removed) == (1, 1)
        assert [r["event_id"] for r in store.events()] == ["e2"]
        assert store.has_article("a1", "v2") and not store.has_article("a1", "v1")


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    doc = clean(Article(id="a1", text=TEXT))
    with EventStore(db) as store:
        store.add(clean(Article(id="a0", text=TEXT + " More.")), [event("a0", "e0")], "v1")
        broken = replace(event("a1", "e1"), event_type=None)  # type: ignore[arg-type]  # violates NOT NULL
        with pytest.raises(sqlite3.IntegrityError):
            store.add(doc, [event("a1", "ok"), broken], "v1")
        # The whole article rolled back; the earlier one is intact.
        assert store.counts() == {"articles": 1, "events": 1, "evidence": 1}
        assert not store.has_article("a1", "v1")


def test_not_a_store(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="not a usable frontline store"):
        EventStore(bad)


def test_codes_are_stored_and_an_older_store_gets_them(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    doc = clean(Article(id="a1", text=TEXT))
    coded = replace(event("a1", "e1"), cameo_root="19", plover_type="ASSAULT")
    with EventStore(db) as store:
        store.add(doc, [coded], "v1")
        [row] = store.events()
    assert (row["cameo_root"], row["plover_type"]) == ("19", "ASSAULT")
    assert list(row)[-4:] == ["evidence", "cameo_root", "plover_type", "incident_id"]  # the export's column order
    # A store from before the codes were stored: the columns are added and filled from the sub-type.
    with sqlite3.connect(db) as raw:
        raw.execute("ALTER TABLE events DROP COLUMN cameo_root")
        raw.execute("ALTER TABLE events DROP COLUMN plover_type")
    with EventStore(db) as store:
        [row] = store.events()
    assert (row["cameo_root"], row["plover_type"]) == ("19", "ASSAULT")  # Armed clash: CAMEO 19, PLOVER ASSAULT


def test_a_column_another_process_adds_meanwhile_is_added_once(tmp_path: Path) -> None:
    """Two runs opening one older store at once: the second waits for the first's write lock and then
    finds the column there (it used to add it again: "duplicate column name")."""
    import threading
    import time

    db = tmp_path / "old.db"
    EventStore(db).close()
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("DROP INDEX events_incident")
    raw.execute("ALTER TABLE events DROP COLUMN incident_id")  # a store from before incidents
    raw.execute("BEGIN IMMEDIATE")  # another process, in the middle of adding it
    opened: list[str] = []
    opening = threading.Thread(target=lambda: opened.append(_open_or_error(db)))
    opening.start()
    time.sleep(0.5)
    raw.execute("ALTER TABLE events ADD COLUMN incident_id TEXT")
    raw.execute("COMMIT")
    opening.join(timeout=30)
    raw.close()
    assert opened == ["opened"]
    columns = [r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(events)")]
    assert columns.count("incident_id") == 1


def _open_or_error(db: Path) -> str:
    try:
        EventStore(db, timeout=20).close()
    except StoreError as exc:
        return str(exc)
    return "opened"
