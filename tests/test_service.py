"""The library's batch use cases (frontline.service), called as the API and the runners will call them:
real files in tmp_path, a real SQLite store, the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from frontline.pipeline import Pipeline
from frontline.records import IngestError
from frontline.service import (
    export_store,
    extract_jsonl,
    geoparse_jsonl,
    run_into_store,
)
from frontline.store import EventStore

CLASH = "Rebels clashed with regime forces in Jisr al-Shughur on Tuesday, killing 4 fighters."
PROTEST = "Hundreds of students protested in Kabul on Sunday against rising prices."


def _inputs(folder: Path) -> list[Path]:
    folder.mkdir()
    (folder / "a.txt").write_text(CLASH, encoding="utf-8")
    (folder / "b.txt").write_text(PROTEST, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return [folder]


def test_run_into_store_reports_errors_and_resumes(tmp_path: Path, pipeline: Pipeline) -> None:
    paths = _inputs(tmp_path / "in")
    errors: list[IngestError] = []
    seen: list[None] = []
    with EventStore(tmp_path / "store.db") as store:
        first = run_into_store(paths, store, pipeline=pipeline, on_item=lambda: seen.append(None), on_error=errors.append)
        counts = store.counts()
    assert (first.read, first.new, first.unchanged, first.failed) == (2, 2, 0, 1)
    assert first.added == counts["events"] >= 2
    assert len(first.article_ids) == 2
    assert [e.origin for e in errors] == [str(tmp_path / "in" / "empty.txt")]
    assert len(seen) == 3  # two articles and the failed input
    with EventStore(tmp_path / "store.db") as store:
        again = run_into_store(paths, store, pipeline=pipeline)
        assert store.counts() == counts
    assert (again.read, again.new, again.unchanged, again.added) == (2, 0, 2, 0)
    assert again.article_ids == first.article_ids


def test_extract_and_export_agree(tmp_path: Path, pipeline: Pipeline) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": CLASH, "published": "2016-07-01"}) + "\n" + "not json\n", encoding="utf-8"
    )
    errors: list[IngestError] = []
    report = extract_jsonl(src, tmp_path / "out.jsonl", pipeline=pipeline, on_error=errors.append)
    assert (report.articles, report.failed) == (1, 1)
    assert errors[0].origin == f"{src}:2"
    extracted = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert len(extracted) == report.events >= 1
    assert not (tmp_path / "out.jsonl.partial").exists()

    (tmp_path / "a.txt").write_text(CLASH, encoding="utf-8")
    with EventStore(tmp_path / "store.db") as store:
        run_into_store([tmp_path / "a.txt"], store, pipeline=pipeline, published=None)
    n = export_store(tmp_path / "store.db", "jsonl", tmp_path / "export.jsonl")
    exported = [json.loads(line) for line in (tmp_path / "export.jsonl").read_text().splitlines()]
    assert n == len(exported) == len(extracted)
    assert {e["sub_event_type"] for e in exported} == {e["sub_event_type"] for e in extracted}


def test_geoparse_jsonl_names_bad_lines(tmp_path: Path, pipeline: Pipeline) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": 1, "text": "Shelling hit Aleppo."}) + "\n" + json.dumps({"id": 2}) + "\n", encoding="utf-8"
    )
    errors: list[IngestError] = []
    report = geoparse_jsonl(src, tmp_path / "out.jsonl", pipeline.gazetteer, on_error=errors.append)
    assert (report.documents, report.failed) == (1, 1)
    assert errors[0].origin == f"{src}:2" and "text" in errors[0].message
    line = json.loads((tmp_path / "out.jsonl").read_text())
    assert [t["name"] for t in line["toponyms"]] == ["Aleppo"]
