"""Properties over any input (Hypothesis): any bytes give an article or a clear ingest error, never another
exception; any text through the pipeline gives events that keep the codebook and point into the text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontline.events.merge import interaction
from frontline.pipeline import Pipeline
from frontline.records import Article, Event, IngestError
from frontline.text.ingest import ingest, read_jsonl

SUFFIXES = [".txt", ".html", ".jsonl"]
# Fragments of conflict news, so that generated texts do hold events, with noise between them.
FRAGMENTS = [
    "Rebels clashed with regime forces in Idlib on Monday",
    "killing 4 fighters",
    "Syrian warplanes bombed Aleppo, killing at least 12 civilians.",
    "Hundreds of students protested in Kabul on Sunday.",
    "Police fired tear gas at protesters in Nairobi.",
    "Gunmen abducted two aid workers near Mogadishu",
    "between 10 and 15 people were killed",
    "on 5 March 2016",
    "IS militants seized the town of Palmyra",
    "\n\n",
    ", ",
    ". ",
    "BREAKING: ",
    "(With Reuters)",
]
TIME_PRECISIONS = {1, 2, 3}
GEO_PRECISIONS = {1, 2, 3}
INTERS = set(range(9))


def texts() -> st.SearchStrategy[str]:
    noise = st.text(min_size=0, max_size=40)
    return st.lists(st.one_of(st.sampled_from(FRAGMENTS), noise), min_size=1, max_size=12).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_give_articles_or_clear_errors(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    items = list(ingest([path], published=dt.date(2016, 7, 1)))
    assert items, "every input gives at least one article or error"
    for item in items:
        assert isinstance(item, (Article, IngestError))
        if isinstance(item, IngestError):
            assert item.origin.startswith(str(path)) and item.message.strip()
        else:
            assert item.text.strip()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "text", "published", "source", "title", "x"]), inner, max_size=4),
    max_leaves=8,
))
def test_any_json_line_gives_an_article_or_a_clear_error(tmp_path: Path, value: object) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(value) + "\n", encoding="utf-8")
    items = list(read_jsonl(path))
    assert len(items) == 1
    item = items[0]
    if isinstance(item, IngestError):
        assert item.origin == f"{path}:1" and item.message.strip()
    else:
        assert isinstance(value, dict) and isinstance(value.get("text"), str) and item.text == value["text"]


def assert_codebook(event: Event, text: str) -> None:
    for span in event.evidence:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
    assert event.event_date is None or isinstance(event.event_date, dt.date)
    assert event.time_precision is None or event.time_precision in TIME_PRECISIONS
    assert (event.event_date is None) == (event.time_precision is None)
    assert event.geo_precision is None or event.geo_precision in GEO_PRECISIONS
    assert event.inter1 in INTERS and event.inter2 in INTERS
    assert event.interaction == interaction(event.inter1, event.inter2)
    if event.latitude is not None or event.longitude is not None:
        assert event.latitude is not None and event.longitude is not None
        assert -90 <= event.latitude <= 90 and -180 <= event.longitude <= 180
    assert event.fatalities >= 0
    if event.fatalities_low is not None or event.fatalities_high is not None:
        assert event.fatalities_low is not None and event.fatalities_high is not None
        assert 0 <= event.fatalities_low <= event.fatalities <= event.fatalities_high
    assert 0.0 <= event.confidence <= 1.0
    assert event.event_type and event.sub_event_type and event.event_id


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts(), published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
def test_any_text_gives_events_that_keep_the_codebook(pipeline: Pipeline, text: str, published: dt.date | None) -> None:
    if not text.strip():
        return
    for event in pipeline.extract(Article(id="x", text=text, published=published)):
        assert_codebook(event, text)
