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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The act named as a noun, with its one victim or its count (wire copy's "the murder of ...").
        ("The minister condemned the assassination of Dr Pedro Alvarez in the capital.", [1]),
        ("The government condemned the murder of former senator Luis Ortega, which occurred this morning.", [1]),
        ("The bishop condemned the killing of the four nuns.", [4]),
        # ... but not an earlier act that caused or explains this one.
        ("Residents blocked roads in protest over the killing of a shopkeeper by police.", []),
        ("Youths rioted following the murder of a local politician.", []),
        ("Two groups clashed over grazing land and the killing of one elder.", []),
        ("He is accused of the murder of a journalist.", []),
        # Passive deaths told with "to death", and a murder told with the plain verb.
        ("The lawyer was shot to death outside his office.", [1]),
        ("The diplomat was murdered yesterday morning in the city centre.", [1]),
        # The victim's title and name with no article.
        ("Soldiers murdered university student Mario Alvarado near the port.", [1]),
        # "Assassinated" always names its one victim, by full name too; with a count, the count.
        ("Gunmen assassinated Carlos Pizarro, the M-19 leader, aboard the plane.", [1]),
        ("Gunmen assassinated two judges in the capital.", [2]),
        ("Paramilitaries murdered three farmers in Meta.", [3]),
        ("Residents rioted over the killing of militant Omar Haddad.", []),  # an earlier act, the cause
        ("The killing of a herder sparked clashes between the two clans.", []),  # ... said to have caused this one
        # A month's name beside a count only when it follows the number: "may" and "march" are words too.
        ("Three people may have been killed in the attack.", [3]),
        # A date is no count; "all 107" counts everyone aboard.
        ("The airliner blew up on 27 November killing all 107 passengers and crew.", [107]),
        # An article before the verb counts its own noun only when the verb is singular.
        ("At least seven guards travelling on a military bus were killed.", [7]),
        ("At least seven presidential guards travelling aboard a military bus were killed.", []),  # not 1 (the bus)
    ],
)
def test_wire_tolls(text: str, expected: list[int]) -> None:
    assert killed(text) == expected
