"""A denial reports no act; a violent demonstration needs demonstrators (``typing_gates``, docs/typing.md)."""

from __future__ import annotations

import pytest

from frontline.events.detect import RuleTyper, TypedSpan
from frontline.events.typing_gates import (
    denies_every_trigger,
    without_unnamed_demonstration,
)
from frontline.events.typing_model import LearnedTyper


@pytest.fixture(scope="module")
def typer() -> LearnedTyper:
    return LearnedTyper()


def _hits(sentence: str) -> list[TypedSpan]:
    return RuleTyper().type_sentence(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # Sentences written for this test.
        "The army denied that rebels attacked the presidential farm.",
        "Officials denied reports that soldiers had shelled the village.",
        "The ministry denies in a statement that troops killed civilians in the market.",
    ],
)
def test_a_denied_act_is_no_event(typer: LearnedTyper, sentence: str) -> None:
    assert denies_every_trigger(sentence, _hits(sentence))
    assert typer.type_sentence(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # The act itself is told; only who did it is denied: ACLED codes the act.
        "The army denied that its soldiers were involved in the killing of three farmers.",
        "The group denied that it carried out the bombing of the market.",
        # An act told outside the denied clause.
        "Rebels attacked the farm on Monday, but the army denied that anyone was killed.",
        # No denial at all.
        "Rebels attacked the presidential farm, the army said.",
    ],
)
def test_a_denial_of_who_did_it_or_beside_a_told_act_keeps_the_act(sentence: str) -> None:
    assert not denies_every_trigger(sentence, _hits(sentence))


def test_a_denial_with_a_told_act_after_it_is_still_read(typer: LearnedTyper) -> None:
    sentence = "Rebels attacked the presidential farm on Monday, but the army denied that anyone was killed."
    assert typer.type_sentence(sentence) != []


def test_violent_demonstration_needs_a_demonstration_or_its_trigger() -> None:
    probs = {"Violent demonstration": 0.6, "Attack": 0.3, "NO_EVENT": 0.1}
    moved = without_unnamed_demonstration(probs, triggered=False, named=False)
    assert moved["Violent demonstration"] == 0.0 and moved["NO_EVENT"] == pytest.approx(0.7) and moved["Attack"] == 0.3
    assert sum(moved.values()) == pytest.approx(1.0)
    assert without_unnamed_demonstration(probs, triggered=True, named=False) == probs
    assert without_unnamed_demonstration(probs, triggered=False, named=True) == probs


def test_gunmen_firing_at_students_is_no_demonstration(typer: LearnedTyper) -> None:
    # Written for this test: the students are the targets, and no demonstration is named.
    spans = typer.type_sentence("Gunmen fired at students outside the school and drove away.")
    assert "Violent demonstration" not in {s.sub_event_type for s in spans}
    # A demonstration named keeps the model's reading of the demonstrators' violence.
    protest = typer.type_sentence("Students protesting fee rises hurled stones at police outside the school.")
    assert [s.sub_event_type for s in protest] == ["Violent demonstration"]
