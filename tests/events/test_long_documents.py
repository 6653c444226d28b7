"""Long documents: the size limit refuses one document and the batch goes on; the per-document
indexes that keep the cost linear answer exactly what the plain scans of the whole document did."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from frontline.cli.app import app
from frontline.events.earlier_places import (
    drop_qualifiers,
    last_place_before,
    last_town_before,
)
from frontline.events.paragraphs import paragraph_mentions, same_paragraph
from frontline.pipeline import Pipeline
from frontline.records import MAX_CHARS, Annotated, Article, IngestError
from frontline.service import extract_jsonl, run_into_store
from frontline.store import EventStore
from tests.conftest import SEED_PUBLISHED

SHORT = "Rebels shelled Aleppo on Monday, killing 3 civilians."


def test_extract_refuses_a_long_line_and_goes_on(tmp_path: Path, pipeline: Pipeline, seed_text: str) -> None:
    src = tmp_path / "in.jsonl"
    rows = [{"id": "a", "text": SHORT, "published": "2016-07-01"}, {"id": "long", "text": seed_text}, {"id": "b", "text": SHORT}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    errors: list[IngestError] = []
    report = extract_jsonl(src, tmp_path / "out.jsonl", pipeline=pipeline, on_error=errors.append, max_chars=1000)
    assert (report.articles, report.failed) == (2, 1)
    assert [e.origin for e in errors] == [f"{src}:2"]
    assert f"{len(seed_text):,} characters" in errors[0].message and "limit of 1,000" in errors[0].message
    # No limit: the same line goes through.
    again = extract_jsonl(src, tmp_path / "all.jsonl", pipeline=pipeline, max_chars=None)
    assert (again.articles, again.failed) == (3, 0)


def test_run_refuses_a_long_file_and_goes_on(tmp_path: Path, pipeline: Pipeline, seed_text: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SHORT, encoding="utf-8")
    (folder / "long.txt").write_text(seed_text, encoding="utf-8")
    errors: list[IngestError] = []
    with EventStore(tmp_path / "store.db") as store:
        report = run_into_store([folder], store, pipeline=pipeline, on_error=errors.append, max_chars=len(SHORT))
    assert (report.read, report.new, report.failed) == (1, 1, 1)
    assert [e.origin for e in errors] == [str(folder / "long.txt")]
    assert f"limit of {len(SHORT):,}" in errors[0].message


def test_cli_has_the_option() -> None:
    for command in ("run", "extract"):
        result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert "--max-chars" in result.output
    assert MAX_CHARS == 5_000_000


def _multi_paragraph(pipeline: Pipeline, seed_text: str) -> Annotated:
    # The seed twice over, the second copy's paragraphs reordered: many paragraphs, places, times and tolls.
    paragraphs = [p for p in seed_text.split("\n") if p.strip()]
    text = "\n\n".join(paragraphs + paragraphs[::-1][: len(paragraphs) // 2] + [SHORT])
    return pipeline.process(Article(id="multi", text=text, published=SEED_PUBLISHED)).annotated


def test_indexes_answer_as_the_scans_did(pipeline: Pipeline, seed_text: str) -> None:
    annotated = _multi_paragraph(pipeline, seed_text)
    text = annotated.document.article.text
    assert annotated.places and annotated.times and annotated.casualties
    for s in annotated.sentences:
        for kind in ("places", "actors", "casualties", "times"):
            assert annotated.in_sentence(kind, s.index) == tuple(m for m in getattr(annotated, kind) if m.sentence == s.index)
        for other in range(len(annotated.sentences)):
            lo, hi = sorted((s.index, other))
            plain = "\n" not in text[annotated.sentences[lo].start : annotated.sentences[hi].start]
            assert same_paragraph(annotated, s.index, other) == plain
        for kind in ("times", "casualties"):
            earlier = tuple(m for m in getattr(annotated, kind) if m.sentence < s.index and same_paragraph(annotated, m.sentence, s.index))
            later = tuple(m for m in getattr(annotated, kind) if m.sentence >= s.index and same_paragraph(annotated, m.sentence, s.index))
            assert paragraph_mentions(annotated, kind, s.index, before=True) == earlier
            assert paragraph_mentions(annotated, kind, s.index, before=False) == later
        before_all = [p for p in annotated.places if p.place is not None and p.span.end <= s.start]
        local = drop_qualifiers([p for p in before_all if not p.place.feature_code.startswith("PCL")])  # type: ignore[union-attr]
        assert last_place_before(annotated, s.start) == ((local or before_all)[-1] if local or before_all else None)
        towns = [p for p in before_all if p.place.feature_class == "P"]  # type: ignore[union-attr]
        assert last_town_before(annotated, s.start) == (towns[-1] if towns else None)


def test_the_seed_keeps_its_three_events(pipeline: Pipeline, seed_text: str) -> None:
    events = pipeline.extract(Article(id="seed", text=seed_text, published=SEED_PUBLISHED, source="Zaman al-Wasl"))
    assert len(events) == 3
    assert [e.fatalities for e in events if e.fatalities] == [113]
    assert any(e.sub_event_type == "Non-state actor overtakes territory" and e.geonameid == 167863 for e in events)
