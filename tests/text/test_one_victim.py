"""One victim named without a number is one death (ACLED counts the killing of a named person as 1);
"no one was killed" is none. Hand-written sentences in the shape of wire reports (MUC-4 style)."""

from __future__ import annotations

import pytest

from frontline.text.casualties import find_casualties


def killed(text: str) -> list[int]:
    return [c.count for c in find_casualties(text) if c.kind == "killed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Judge Maria Elena Diaz was assassinated today in Medellin.", [1]),
        ("JUDGE MARIA ELENA DIAZ WAS ASSASSINATED TODAY IN MEDELLIN.", [1]),
        ("The mayor of Medellin has been shot dead by unidentified gunmen.", [1]),
        ("Gunmen killed a peasant and burned a tank truck.", [1]),
        ("Gunmen assassinated the presidential candidate at the airport.", [1]),
        # The subject counts its victims itself, or says there were none.
        ("A soldier was killed when rebels attacked the patrol.", [1]),
        ("Two soldiers were killed when rebels attacked the patrol.", [2]),
        ("No one was killed when the bomb exploded.", []),
        ("No-one was killed in the blast.", []),
        ("Nobody was killed in the blast.", []),
        ("The ambassador's daughter was almost killed.", []),
    ],
)
def test_one_victim_without_a_number(text: str, expected: list[int]) -> None:
    assert killed(text) == expected


@pytest.mark.parametrize("text", ["He was killed 5 years ago.", "Archbishop Romero was assassinated in 1980 by a death squad."])
def test_a_death_long_ago_is_not_counted(text: str) -> None:
    assert killed(text) == []
