""""March" the month leaves the learned typer's features; "march" the demonstration stays (docs/typing.md)."""

from __future__ import annotations

import pytest

from frontline.events.date_months import without_date_march
from frontline.events.typing_model import feature_names, tokens


@pytest.mark.parametrize(
    "text",
    [
        "Rioters torched shops on 3 March.",
        "Rioters torched shops on March 12.",
        "Rioters torched shops on 12 March 2021.",
        "MARCH 3, 1990 -- Rioters torched shops.",
        "Rioters have torched shops since March.",
        "Rioters torched shops in March.",
        "Rioters torched shops in mid-March.",
        "Rioters torched shops in early March and late March.",
        "Rioters torched shops last March.",
        "Rioters torched shops at the end of March.",
        "Rioters torched shops from February to March.",
        "Rioters torched shops in February and March.",
    ],
)
def test_the_month_in_a_date_is_no_feature(text: str) -> None:
    names = feature_names(text, [])
    assert not [n for n in names if "march" in n], text
    # Everything else of the sentence is still read.
    assert "w:rioters" in names and "w:torched" in names


@pytest.mark.parametrize(
    "text",
    [
        "Thousands joined a march in the capital.",
        "The march of thousands reached parliament.",
        "Police fire tear gas during march in Nairobi",  # a headline drops its articles
        "The Women's March drew crowds in Washington.",
        "Students march on parliament",
        "Police blocked the Long March at the bridge.",
        "MARCH ON PARLIAMENT BLOCKED BY POLICE",
    ],
)
def test_march_the_demonstration_stays(text: str) -> None:
    assert "w:march" in feature_names(text, []), text


def test_marched_and_marchers_are_other_words() -> None:
    names = feature_names("Marchers marched in March.", [])
    assert "w:marchers" in names and "w:marched" in names and "w:march" not in names


def test_one_sentence_reads_alike_with_a_date_or_a_weekday() -> None:
    # The features of a sentence dated "on 3 March" are those of the same sentence "on 3 ..." with no month:
    # nothing of the month is left to lean towards a protest.
    dated = set(feature_names("A mob stoned cars on 3 March.", []))
    undated = set(feature_names("A mob stoned cars on 3.", []))
    assert dated == undated


def test_words_without_march_are_returned_unchanged() -> None:
    words = tokens("Rebels shelled 3 villages")
    assert without_date_march(words) is words
