"""The pipeline as a tuple of stages: the order is the documented one, and a stage is added in one place."""

from __future__ import annotations

from dataclasses import replace

from frontline.pipeline import STAGES, Pipeline, Work, stage
from frontline.records import Article
from tests.conftest import SEED_PUBLISHED

TEXT = "Rebels clashed with regime forces in Idlib on Monday, killing 4 fighters. Students protested in Kabul on Sunday."


def test_the_stages_in_order() -> None:
    assert [s.name for s in STAGES] == [
        "truecase", "clean", "annotate", "detect", "fill", "geocode", "date", "merge", "finalize", "notes", "calibrate",
        "restore",
    ]


def test_a_stage_is_added_in_one_place(pipeline: Pipeline) -> None:
    @stage("battles only")
    def battles_only(work: Work, _: Pipeline) -> Work:
        return replace(work, events=tuple(e for e in work.events if e.event_type == "Battles"))

    article = Article(id="two", text=TEXT, published=SEED_PUBLISHED)
    every = pipeline.extract(article)
    assert {e.event_type for e in every} >= {"Battles", "Protests"}
    custom = replace(pipeline, stages=(*pipeline.stages, battles_only))
    assert custom.extract(article) == [e for e in every if e.event_type == "Battles"]


def test_run_shows_each_stages_part(pipeline: Pipeline) -> None:
    work = pipeline.run(Article(id="two", text=TEXT, published=SEED_PUBLISHED))
    assert work.document is not None and work.annotated is not None
    assert len(work.mentions) >= 2 and len(work.drafts) >= 2 and len(work.events) == len(work.drafts)
    partial = replace(pipeline, stages=STAGES[:4]).run(Article(id="two", text=TEXT))  # truecase, clean, annotate, detect
    assert partial.mentions and not partial.drafts and not partial.events
