"""An event happens where it happened, not where a country acted from or talked (issue 24): a country or a capital
standing for its government, a dateline inside the text, the place of talks, a country that lists a group, a
trip's end, an origin, a story's credits, a seat of power, a weapon, a quarter resolved to a look-alike abroad. Hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.records import Article, Event


def places(pipeline, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    events: list[Event] = pipeline.extract(Article(id="t", text=text, published=dt.date(2016, 3, 12)))
    return [(e.sub_event_type, e.location, e.country) for e in events]


@pytest.mark.parametrize(
    ("text", "where", "not_there"),
    [
        # A capital as who acted: "backed by Moscow, which stepped up", "Moscow launched".
        (("Government forces pushed into the outskirts of Idlib on Monday. Backed by Moscow, which stepped up its air strikes,"
         " they killed 14 rebels on Tuesday."), "Syria", "Russia"),
        (("Government forces pushed into the outskirts of Idlib on Monday. Moscow launched air strikes in support of the"
         " offensive, killing 14 rebels on Tuesday."), "Syria", "Russia"),
        (("Fighting continued around Raqqa. Washington regards the Kurdish militia as its best partner and its jets killed 20"
         " militants on Monday."), "Syria", "United States"),
        # A country as who acted: "the government or its ally Russia".
        (("Rebels shelled the outskirts of Aleppo on Monday. The raids were carried out by aircraft belonging to the government"
         " or its ally Russia, killing seven civilians."), "Syria", "Russia"),
        # A country that lists a group is not where it fought: "Daesh (outlawed in Russia)".
        (("The army retook villages near Deir ez-Zor. Fighters of Daesh (outlawed in Russia) attacked an army post, killing four"
         " soldiers."), "Syria", "Russia"),
    ],
)
def test_a_country_or_capital_that_acts_is_not_the_place(pipeline, text: str, where: str, not_there: str) -> None:  # type: ignore[no-untyped-def]
    found = places(pipeline, text)
    assert found and all(country != not_there for _, _, country in found), found
    assert {country for _, _, country in found} == {where}, found


def test_a_dateline_in_the_text_is_where_the_report_was_filed(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = places(pipeline, "Shelling in Aden leaves six dead. MOSCOW (Sputnik) According to the hospital, the shells fell on"
                             " a crowded market on Sunday and killed six people.")
    assert found and {country for _, _, country in found} == {"Yemen"}, found


def test_where_talks_were_held_is_not_where_a_bomb_went_off(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = places(pipeline, "Rebels hold the town of Douma. Negotiators met in Geneva on Monday to discuss a truce. Hours later"
                             " a car bomb killed nine people at a market, medics said.")
    assert [where for _, where, _ in found] == ["Dūmā"], found
    # The talks themselves may be coded where they were held; the bomb is not.
    found = places(pipeline, "Rebels hold the town of Douma. Peace talks in Geneva stalled on Monday, and a car bomb killed nine"
                             " people at a market hours later.")
    bomb = [row for row in found if row[0] != "Agreement"]
    assert bomb and all(country == "Syria" for _, _, country in bomb), found


def test_a_quarter_of_a_city_is_in_that_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "al-Jadida" is also El Jadida, Morocco: the neighbourhood of Mosul is in Mosul.
    found = places(pipeline, "An airstrike hit a building in al-Jadida neighborhood in western Mosul on Friday, killing 12 civilians.")
    assert found and {country for _, _, country in found} == {"Iraq"}, found


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # Where a trip ended, a wire story's credits, where fighters or goods came from: not where it happened.
        ("Rebels shelled Aleppo on Monday. The minister cancelled a visit to Moscow after the shelling, which killed nine people.", "Syria"),
        ("Fighting raged in Homs on Monday. Additional reporting by Tom Grove in Moscow. Rebels said a shell killed four children.", "Syria"),
        ("The army advanced in Daraa on Monday. Soldiers killed 75 militants including mercenaries from Saudi Arabia and Jordan.", "Syria"),
        ('The army advanced in Daraa on Monday. Soldiers seized barrels stamped "made in Saudi Arabia" and killed 7 militants.', "Syria"),
        # A seat of power stands for its government ("the White House" is also Casablanca's name).
        (("Government forces shelled Aleppo on Monday. The rapid advance of the militants prompted the White House to"
          " authorize airstrikes that killed 20 fighters."), "Syria"),
        # A weapon is no place: "Tomahawk missiles" (Tomahawk, Wisconsin).
        (("Airstrikes carried out by the United States against militants in northwestern Syria have killed 11 civilians. The"
          " US-led coalition performed the first series of airstrikes drone attacks and Tomahawk missiles launches targeting"
          " insurgents in Syria on Tuesday which reportedly continued on Wednesday."), "Syria"),
    ],
)
def test_a_place_named_for_something_else_is_not_the_place(pipeline, text: str, where: str) -> None:  # type: ignore[no-untyped-def]
    found = places(pipeline, text)
    assert found and {country for _, _, country in found} == {where}, found


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # What is right stays: a place in a foreign country named as where it happened.
        ("Two people were killed when a bomb exploded on a bus in Russia on Monday, officials said.", "Russia"),
        ("Two people were killed when shells fired from Syria hit the Turkish border town of Akcakale on Monday.", "Turkey"),
        ("Rebels shelled the outskirts of Aleppo on Monday, killing four civilians.", "Syria"),
        # A meeting that was struck is where it was struck.
        ("Warplanes target a rebel meeting in Idlib countryside, killing 12 fighters.", "Syria"),
        # "gains were made in Hama" is no label of goods.
        ("Rebels shelled Hama on Monday. The rebels said gains were made in Hama where they killed 14 soldiers.", "Syria"),
    ],
)
def test_a_place_said_as_where_it_happened_stays(pipeline, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    found = places(pipeline, text)
    assert found and {c for _, _, c in found} == {country}, found


@pytest.mark.parametrize(
    ("text", "where", "not_there"),
    [
        # An air force named by its nation tells who struck, not where: the victims' country is the place.
        ("Russian warplanes killed 35 civilians in a school on Monday, Syrian activists said.", "Syria", "Russia"),
        ("Israeli jets struck a convoy on Sunday, killing four fighters, a Lebanese security source said.",
         "Lebanon", "Israel"),
    ],
)
def test_an_air_force_named_by_its_nation_is_not_the_place(pipeline, text: str, where: str, not_there: str) -> None:  # type: ignore[no-untyped-def]
    found = places(pipeline, text)
    assert found and {country for _, _, country in found} == {where}, found

