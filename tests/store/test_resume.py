"""Real processes on a real store: a run killed with SIGKILL keeps what it committed and the next run resumes
to exactly one clean run's rows; two runs writing one store at once lose and double nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

TOWNS = ["Aleppo", "Idlib", "Homs", "Hama", "Latakia", "Raqqa", "Deir ez-Zor", "Daraa", "Tartus", "Jisr al-Shughur"]
CLI = [sys.executable, "-m", "frontline.cli", "run"]


def articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        (folder / f"{i:03d}.txt").write_text(
            f"Rebels clashed with regime forces in {town} on Monday, killing {i + 2} fighters, a monitor said.\n\n"
            f"Report number {i}.",
            encoding="utf-8",
        )
    return folder


def rows(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as con:
        return {
            "articles": con.execute("SELECT id, text, cleaned, pipeline_version FROM articles ORDER BY id").fetchall(),
            "events": con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
            "evidence": con.execute("SELECT * FROM evidence ORDER BY event_id, start").fetchall(),
        }


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def run(folder: Path, db: Path, gazetteer: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, str(folder), "--db", str(db), "--gazetteer", str(gazetteer), "--show", "0"],
        capture_output=True, text=True, check=False, timeout=300,
    )


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory, gazetteer_path: Path) -> tuple[Path, dict[str, list[tuple]]]:
    folder = articles(tmp_path_factory.mktemp("resume") / "in", 120)
    db = folder.parent / "clean.db"
    assert run(folder, db, gazetteer_path).returncode == 0
    return folder, rows(db)


def test_a_killed_run_resumes_to_one_clean_runs_rows(tmp_path: Path, gazetteer_path: Path, clean_run) -> None:  # type: ignore[no-untyped-def]
    folder, expected = clean_run
    db = tmp_path / "killed.db"
    proc = subprocess.Popen(
        [*CLI, str(folder), "--db", str(db), "--gazetteer", str(gazetteer_path), "--show", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while stored(db) < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    committed = stored(db)
    assert 0 < committed < len(expected["articles"]), "the kill came mid-run"
    before = rows(db)
    # What was committed is whole: every stored article has all of its events and evidence.
    assert {r[0] for r in before["articles"]} == {r[0] for r in expected["articles"]} & {r[0] for r in before["articles"]}
    ids = {r[0] for r in before["articles"]}
    # Every column but the last, incident_id: the incidents of part of the corpus are not those of all of it.
    assert [e[:-1] for e in before["events"]] == [e[:-1] for e in expected["events"] if e[1] in ids]
    resumed = run(folder, db, gazetteer_path)
    assert resumed.returncode == 0, resumed.stderr
    assert f"({len(expected['articles']) - committed} new, {committed} unchanged)" in resumed.stdout
    assert rows(db) == expected


def test_two_runs_at_once_lose_and_double_nothing(tmp_path: Path, gazetteer_path: Path, clean_run) -> None:  # type: ignore[no-untyped-def]
    folder, expected = clean_run
    db = tmp_path / "shared.db"
    procs = [
        subprocess.Popen(
            [*CLI, str(folder), "--db", str(db), "--gazetteer", str(gazetteer_path), "--show", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outputs]
    assert rows(db) == expected
