"""Text in capitals: the truecaser keeps every offset, leaves mixed case alone, and gives the seed's events."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from frontline.cli import app
from frontline.paths import MODELS_DIR
from frontline.pipeline import Pipeline
from frontline.records import Article
from frontline.text.truecase import TruecaseModel, is_shouting, truecase
from tests.conftest import SEED_PUBLISHED, SHARED


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_truecase_keeps_the_length_and_changes_only_case(text: str) -> None:
    for given_text in (text, text.upper()):
        out = truecase(given_text)
        assert len(out) == len(given_text)
        for a, b in zip(given_text, out, strict=True):
            assert a == b or a.lower() == b.lower() or a.upper() == b.upper()


def test_truecase_restores_usual_forms() -> None:
    model = TruecaseModel(forms={"the": "the", "syria": "Syria", "un": "UN", "al": "al", "assad": "Assad"})
    text = "THE UN SAID THE ARMY OF BASHAR AL-ASSAD SHELLED SYRIA ON 3 MAY. THE SDF DENIED IT."
    assert truecase(text, model) == "The UN Said the Army Of Bashar al-Assad Shelled Syria On 3 May. The SDF Denied It."


def test_initials_do_not_end_a_sentence() -> None:
    model = TruecaseModel(forms={"two": "two", "citizens": "citizens", "have": "have", "been": "been", "killed": "killed"})
    # The dot of "U.S." is not a full stop: "citizens" keeps its usual form, it does not open a sentence.
    assert truecase("TWO U.S. CITIZENS HAVE BEEN KILLED", model).startswith("Two U.S. citizens have been killed")


def test_is_shouting() -> None:
    assert is_shouting("GUERRILLAS ATTACKED THE FARM TODAY")
    assert not is_shouting("Guerrillas attacked the farm today, the UN and the FMLN said.")
    assert not is_shouting("SHORT")  # too few letters to tell


def test_mixed_case_text_is_not_touched(pipeline: Pipeline, seed_text: str) -> None:
    article = Article(id="seed", text=seed_text, published=SEED_PUBLISHED, source="Zaman al-Wasl")
    without = replace(pipeline, stages=tuple(s for s in pipeline.stages if s.name not in ("truecase", "restore")))
    assert pipeline.process(article) == without.process(article)


def test_seed_in_capitals_gives_the_same_events(pipeline: Pipeline, seed_text: str) -> None:
    def key(e):  # type: ignore[no-untyped-def]
        return (e.event_date, e.sub_event_type, e.location, e.fatalities)

    mixed = pipeline.process(Article(id="seed", text=seed_text, published=SEED_PUBLISHED, source="Zaman al-Wasl"))
    upper = seed_text.upper()
    article = Article(id="seed", text=upper, published=SEED_PUBLISHED, source="Zaman al-Wasl")
    caps = pipeline.process(article)
    assert len(mixed.events) == 3
    assert sorted(map(key, caps.events)) == sorted(map(key, mixed.events))
    for event in caps.events:
        assert event.evidence
        for span in event.evidence:
            assert span.text == upper[span.start : span.end]
    # What is stored is the article as given.
    assert caps.document.article == article
    assert all(p.text == upper[p.start : p.end] for p in caps.document.paragraphs)


def test_train_truecase_reproduces_the_packaged_model(tmp_path: Path) -> None:
    if not (SHARED / "corpora" / "fakes_syria" / "FA-KES-Dataset.csv").exists():
        pytest.skip("shared data not present")
    output = tmp_path / "truecase.json"
    result = CliRunner().invoke(app, ["train", "truecase", "--data", str(SHARED), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_bytes() == (MODELS_DIR / "truecase.json").read_bytes()
