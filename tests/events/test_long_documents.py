"""Long documents: windows above ``--max-chars`` give each part's events with offsets into the whole text; the
per-document indexes that keep the cost linear answer exactly what the plain scans of the whole document did."""

from __future__ import annotations

import json
from itertools import pairwise
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
from frontline.records import MAX_CHARS, Annotated, Article
from frontline.runners.windows import join, window_spans
from frontline.service import extract_jsonl, run_into_store
from frontline.store import EventStore
from tests.conftest import SEED_PUBLISHED

SHORT = "Rebels shelled Aleppo on Monday, killing 3 civilians."


def test_window_spans_cover_the_text_and_cut_at_paragraphs() -> None:
    text = "\n\n".join(f"Paragraph {i} " + "word " * (i % 7 + 3) for i in range(200))
    spans = window_spans(text, 300)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a_end == b_start for (_, a_end), (b_start, _) in pairwise(spans))
    assert all(0 < end - start <= 300 for start, end in spans)
    assert all(text[end - 2 : end] == "\n\n" for _, end in spans[:-1])  # every cut at a paragraph break
    assert window_spans("x" * 1000, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]  # no break: cut at the limit
    assert window_spans("short", 300) == [(0, 5)]


def test_a_long_document_in_windows_gives_each_windows_events_with_whole_text_offsets(
    tmp_path: Path, pipeline: Pipeline, seed_text: str
) -> None:
    """Three reports in one long text, processed in windows: each report's events, evidence offsets into
    the whole text, ids that do not change with the window size, and a run in windows stores one article."""
    reports = [SHORT, seed_text, "Hundreds of students protested in Kabul on Sunday against rising prices."]
    text = "\n\n".join(reports)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "long", "text": text, "published": "2016-07-01"}) + "\n", encoding="utf-8")
    whole = extract_jsonl(src, tmp_path / "whole.jsonl", pipeline=pipeline, max_chars=None)
    windowed = extract_jsonl(src, tmp_path / "windowed.jsonl", pipeline=pipeline, max_chars=len(seed_text) + 10)
    assert (windowed.articles, windowed.failed) == (1, 0)
    events = [json.loads(line) for line in (tmp_path / "windowed.jsonl").read_text().splitlines()]
    for event in events:
        for span in event["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
    subs = {e["sub_event_type"] for e in events}
    assert {"Shelling/artillery/missile attack", "Non-state actor overtakes territory", "Peaceful protest"} <= subs
    assert sum(e["fatalities"] == 113 for e in events) == 1
    assert len({e["event_id"] for e in events}) == len(events)  # one event told in two windows is one event
    assert whole.events >= 3
    with EventStore(tmp_path / "store.db") as store:
        (tmp_path / "long.txt").write_text(text, encoding="utf-8")
        report = run_into_store([tmp_path / "long.txt"], store, pipeline=pipeline, max_chars=len(seed_text) + 10)
        assert (report.read, report.new, report.failed) == (1, 1, 0)
        assert store.counts()["articles"] == 1 and store.counts()["events"] == len(events)


def test_join_keeps_one_event_per_id_with_both_windows_evidence(pipeline: Pipeline) -> None:
    article = Article(id="twice", text=SHORT + "\n\n" + SHORT, published=SEED_PUBLISHED)
    first = pipeline.process(Article(id="twice", text=SHORT + "\n\n", published=SEED_PUBLISHED))
    second = pipeline.process(Article(id="twice", text=SHORT, published=SEED_PUBLISHED))
    joined = join(article, [(0, first), (len(SHORT) + 2, second)])
    assert [e.event_id for e in joined.events] == [e.event_id for e in first.events]
    [event] = joined.events
    assert [(s.start, s.text) for s in event.evidence] == [(0, SHORT), (len(SHORT) + 2, SHORT)]
    assert joined.document.text == SHORT + "\n" + SHORT


def test_cli_has_the_option() -> None:
    for command in ("run", "extract"):
        result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert "--max-chars" in result.output
    assert MAX_CHARS == 1_000_000


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
