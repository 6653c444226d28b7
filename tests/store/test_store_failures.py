"""Store failures (issue 23): a full disk, a read-only file, folder or file system, a lock held past the
timeout, a file that is not a store. Each gives one clear line naming the store and the cause, exit code 2,
no traceback; nothing committed is lost and, once the cause is gone, a later run resumes to the same rows
as one clean run.

The failures are real, not mocks: SQLite's page cap (``EventStore(max_pages=...)``), a small tmpfs, a
tmpfs remounted read-only, ``chmod`` (or ``chattr +i`` where we are root and permission bits stop nothing)
and a second connection holding the write lock. Where the machine cannot produce one, its test is skipped.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontline.records import Article, Event, Span
from frontline.store import EventStore, StoreError
from frontline.text.clean import clean

runner = CliRunner()

TOWNS = ("Ariha", "Saraqib", "Jisr al-Shughur", "Kansaba", "Maarat al-Numan", "Khan Shaykhun")
FILLER = "The statement gave no further details about the situation in the area or about the people who live there. "
N_ARTICLES = 30  # about 21 KB each: some 1.3 MB of store, more than the 1 MB disk below


def invoke(*args: object):  # type: ignore[no-untyped-def]
    from frontline.cli import app

    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    for i in range(N_ARTICLES):
        lead = (
            f"Syrian regime forces shelled the town of {TOWNS[i % len(TOWNS)]} in Idlib province on Monday, "
            f"killing {i + 2} civilians, a monitoring group said.\n\n"
        )
        (folder / f"a{i:02d}.txt").write_text(lead + f"Report {i}. " + FILLER * 200, encoding="utf-8")
    return folder


def first_half(inputs: Path) -> list[Path]:
    return sorted(inputs.iterdir())[: N_ARTICLES // 2]


def run(db: Path, gazetteer: Path, *paths: Path, timeout: float | None = None):  # type: ignore[no-untyped-def]
    extra = ["--lock-timeout", timeout] if timeout is not None else []
    return invoke("run", *paths, "--db", db, "--published", "2016-07-01", "--gazetteer", gazetteer, "--show", 0, *extra)


Rows = dict[str, set[tuple[object, ...]]]


def rows(db: Path) -> Rows:
    """Every row of the three tables (a read-write connection: closing it, the last, removes the -wal and -shm)."""
    with contextlib.closing(sqlite3.connect(db)) as con:
        return {t: set(con.execute(f"SELECT * FROM {t}")) for t in ("articles", "events", "evidence")}


def restricted(all_rows: Rows, article_ids: set[object]) -> Rows:
    """The rows of ``all_rows`` that belong to ``article_ids`` (evidence through its event)."""
    events = {r for r in all_rows["events"] if r[1] in article_ids}
    event_ids = {r[0] for r in events}
    return {
        "articles": {r for r in all_rows["articles"] if r[0] in article_ids},
        "events": events,
        "evidence": {r for r in all_rows["evidence"] if r[0] in event_ids},
    }


def without_incidents(all_rows: Rows) -> Rows:
    """The rows with events' last column, incident_id, left out: part of a corpus has incidents of its own."""
    return {**all_rows, "events": {r[:-1] for r in all_rows["events"]}}


@pytest.fixture(scope="module")
def clean_rows(inputs: Path, gazetteer_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Rows:
    db = tmp_path_factory.mktemp("clean") / "frontline.db"
    result = run(db, gazetteer_path, inputs)
    assert result.exit_code == 0, result.output
    return rows(db)


def assert_one_clear_line(result, db: Path, cause: str) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    [line] = [line for line in result.output.splitlines() if line.strip()]
    assert line.startswith(f"error: {db}: ") and cause in line, line
    return line


# --- ways to make things unwritable, as they really fail on this machine ---------------------------------


def _opens_for_writing(path: Path) -> bool:
    try:
        if path.is_dir():
            (path / ".probe").touch()
            (path / ".probe").unlink()
        else:
            os.close(os.open(path, os.O_WRONLY))
    except OSError:
        return False
    return True


@contextlib.contextmanager
def unwritable(path: Path) -> Iterator[None]:
    """``path`` (a file or a folder) made unwritable: chmod, and ``chattr +i`` where chmod stops nothing (root)."""
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    immutable = False
    try:
        if _opens_for_writing(path):
            try:
                immutable = subprocess.run(["chattr", "+i", str(path)], check=False, capture_output=True).returncode == 0
            except FileNotFoundError:  # no chattr
                immutable = False
            if not immutable or _opens_for_writing(path):
                pytest.skip(f"cannot make {path} read-only here (root, and no chattr +i on this file system)")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(mode)


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A real small file system at ``folder``; the test is skipped where it cannot be mounted (not root)."""
    folder.mkdir()
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=False, capture_output=True)
    except FileNotFoundError:
        pytest.skip("no mount command")
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def remount(folder: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(folder)], check=True)


# --- the library: EventStore raises StoreError, and the store stays usable ---------------------------------

TEXT = "Rebels clashed with regime forces near Jisr al-Shughur on Tuesday. " + "Nothing else was reported. " * 150


def add(store: EventStore, i: int) -> None:
    article = Article(id=f"a{i}", text=f"{i}. {TEXT}")
    event = Event(
        article_id=article.id, event_type="Battles", sub_event_type="Armed clash", event_id=f"e{i}",
        longitude=-1.5, evidence=(Span(0, 10, article.text[:10]),),
    )
    store.add(clean(article), [event], "v1")


def test_a_full_disk_raises_store_error_and_keeps_what_was_committed(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    stored = 0
    with EventStore(db, max_pages=40) as store, pytest.raises(StoreError) as failure:
        for i in range(100):
            add(store, i)
            stored += 1
    message = str(failure.value)
    assert message.startswith(f"{db}: the disk is full") and f"nothing of article a{stored} was written" in message
    assert "run again to resume" in message
    assert isinstance(failure.value.__cause__, sqlite3.OperationalError)  # SQLITE_FULL itself, not "cannot rollback"
    assert 0 < stored < 100
    with EventStore(db) as store:  # space again: nothing was lost and the store takes more
        assert store.counts() == {"articles": stored, "events": stored, "evidence": stored}
        add(store, stored)
        assert store.counts()["articles"] == stored + 1


def test_a_lock_held_past_the_timeout(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    with EventStore(db) as store:
        add(store, 0)
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process writing: it holds the write lock
        with EventStore(db, timeout=0.2) as store:
            with pytest.raises(StoreError, match=r"locked for over 0.2 s \(the busy timeout\); nothing of article a1"):
                add(store, 1)
            holder.execute("ROLLBACK")
            add(store, 1)  # the lock is gone: the same store object writes
            assert store.counts()["articles"] == 2
    finally:
        holder.close()


def test_a_read_only_file(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    with EventStore(db) as store:
        add(store, 0)
    with unwritable(db), EventStore(db) as store:
        assert store.counts()["articles"] == 1  # reading still works
        with pytest.raises(StoreError, match="the store is read-only"):
            add(store, 1)  # fails inside the transaction, which is rolled back
        assert store.counts()["articles"] == 1


def test_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    db = folder / "f.db"
    with EventStore(db) as store:
        add(store, 0)
    with unwritable(folder), pytest.raises(StoreError, match=f"the folder {folder} is read-only"):
        EventStore(db)  # the write-ahead log needs its -wal and -shm files beside the store
    with EventStore(db) as store:
        assert store.counts()["articles"] == 1


def test_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        EventStore(tmp_path / "nowhere" / "f.db")


# --- the CLI: one line, exit code 2, nothing lost, and a later run resumes ---------------------------------


def test_cli_disk_full_on_a_real_small_disk(tmp_path: Path, inputs: Path, gazetteer_path: Path, clean_rows: Rows) -> None:
    with tmpfs(tmp_path / "disk", "1m") as disk:
        db = disk / "frontline.db"
        result = run(db, gazetteer_path, inputs)
        line = assert_one_clear_line(result, db, "the disk is full")
        assert "nothing of article" in line and "free space and run again to resume" in line
        kept = rows(db)
        stored = {r[0] for r in kept["articles"]}
        assert 0 < len(stored) < N_ARTICLES
        # Whole articles only, as a clean run wrote them (their incidents are those of the part stored).
        assert without_incidents(kept) == without_incidents(restricted(clean_rows, stored))
        remount(disk, "size=64m")  # space freed
        result = run(db, gazetteer_path, inputs)
        assert result.exit_code == 0, result.output
        assert f"({N_ARTICLES - len(stored)} new, {len(stored)} unchanged)" in result.output
        assert rows(db) == clean_rows


def test_cli_read_only_file_system(tmp_path: Path, inputs: Path, gazetteer_path: Path, clean_rows: Rows) -> None:
    with tmpfs(tmp_path / "disk", "64m") as disk:
        db = disk / "frontline.db"
        assert run(db, gazetteer_path, *first_half(inputs)).exit_code == 0
        before = rows(db)
        remount(disk, "ro")
        assert_one_clear_line(run(db, gazetteer_path, inputs), db, f"the folder {disk} is read-only")
        remount(disk, "rw")
        assert rows(db) == before
        assert run(db, gazetteer_path, inputs).exit_code == 0
        assert rows(db) == clean_rows


def test_cli_read_only_file(tmp_path: Path, inputs: Path, gazetteer_path: Path, clean_rows: Rows) -> None:
    db = tmp_path / "frontline.db"
    assert run(db, gazetteer_path, *first_half(inputs)).exit_code == 0
    before = rows(db)
    with unwritable(db):
        line = assert_one_clear_line(run(db, gazetteer_path, inputs), db, "the store is read-only")
        assert "make it writable and run again to resume" in line
    assert rows(db) == before
    assert run(db, gazetteer_path, inputs).exit_code == 0
    assert rows(db) == clean_rows


def test_cli_read_only_folder(tmp_path: Path, inputs: Path, gazetteer_path: Path, clean_rows: Rows) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    db = folder / "frontline.db"
    assert run(db, gazetteer_path, *first_half(inputs)).exit_code == 0
    before = rows(db)
    assert [p.name for p in folder.iterdir()] == ["frontline.db"]  # with -wal and -shm left there, SQLite could write
    with unwritable(folder):
        assert_one_clear_line(run(db, gazetteer_path, inputs), db, f"the folder {folder} is read-only")
    assert rows(db) == before
    assert run(db, gazetteer_path, inputs).exit_code == 0
    assert rows(db) == clean_rows


def test_cli_lock_held_past_the_timeout(tmp_path: Path, inputs: Path, gazetteer_path: Path, clean_rows: Rows) -> None:
    db = tmp_path / "frontline.db"
    assert run(db, gazetteer_path, *first_half(inputs)).exit_code == 0
    before = rows(db)
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        result = run(db, gazetteer_path, inputs, timeout=0.2)
        assert_one_clear_line(result, db, "another process held the store locked for over 0.2 s")
    finally:
        holder.close()  # the other process finished
    assert rows(db) == before
    assert run(db, gazetteer_path, inputs).exit_code == 0
    assert rows(db) == clean_rows


def test_cli_not_a_store(tmp_path: Path, inputs: Path, gazetteer_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a store " * 200)
    assert_one_clear_line(run(db, gazetteer_path, inputs), db, "not a usable frontline store")
    result = invoke("export", "--db", db, "-o", tmp_path / "out.csv")
    assert_one_clear_line(result, db, "not a usable frontline store")
    assert db.read_text().startswith("these are my notes")


def test_cli_export_to_a_read_only_folder(tmp_path: Path, inputs: Path, gazetteer_path: Path) -> None:
    db = tmp_path / "frontline.db"
    assert run(db, gazetteer_path, *first_half(inputs)).exit_code == 0
    folder = tmp_path / "out"
    folder.mkdir()
    with unwritable(folder):
        result = invoke("export", "--db", db, "-o", folder / "events.csv")
    assert result.exit_code == 2, result.output
    [line] = result.output.splitlines()
    assert line.startswith(f"error: {folder / 'events.csv'}: cannot write it") and "Traceback" not in result.output
