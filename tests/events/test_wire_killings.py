"""Killings as wire copy tells them (issue 24): "murdered" is an attack on the day of the report, but
not a murder before a court, in a crime figure or in a past war; an armed group's arson is property
destruction; acts told as a habit are a summary. Hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.events.typing_model import LearnedTyper
from frontline.records import Article


@pytest.fixture(scope="module")
def typer() -> LearnedTyper:
    return LearnedTyper()


def types(typer: LearnedTyper, sentence: str) -> list[str]:
    return [s.sub_event_type for s in typer.type_sentence(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Unidentified men murdered the mayor of Medellin today.",
        "A judge was murdered in Medellin today.",
        "UNIDENTIFIED MEN MURDERED THE MAYOR OF MEDELLIN TODAY.",
        # Shots fired at civilians or their vehicles: an attack, whether or not anyone was hit.
        "Gunmen fired shots at students in Santiago on Monday.",
        "Gunmen fired on a bus near the village.",
        "Two individuals pointed AK rifles at the students, fired some shots, and quickly drove away.",
        # One person killed, told alone: one victim of an attack.
        "One person was killed in Tulcan, Carchi province.",
    ],
)
def test_a_murder_told_as_news_is_an_attack(typer: LearnedTyper, sentence: str) -> None:
    assert types(typer, sentence) == ["Attack"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The court convicted two men who murdered a shopkeeper.",
        "Moscow admitted that its security forces murdered 15,000 Polish officers during World War II.",
        "Rebels murdered the priest in 1980, the commission said.",
    ],
)
def test_a_murder_before_a_court_or_long_ago_is_no_attack(typer: LearnedTyper, sentence: str) -> None:
    assert "Attack" not in types(typer, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The guerrillas also burned three vehicles on the Pan-American highway.",
        "THE GUERRILLAS ALSO BURNED THREE VEHICLES ON THE PAN-AMERICAN HIGHWAY.",
        "Rebels set fire to the municipal offices.",
    ],
)
def test_an_armed_groups_arson_is_property_destruction(typer: LearnedTyper, sentence: str) -> None:
    assert types(typer, sentence) == ["Looting/property destruction"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants protesting the verdict burned three vehicles.",  # a demonstration decides
        "Guerrillas burned a tank truck after a gas cylinder exploded.",  # an accident
        "Rebels killed two villagers and burned their houses.",  # the killing decides
    ],
)
def test_a_fire_at_a_protest_by_accident_or_beside_a_killing_is_not_property_destruction(typer: LearnedTyper, sentence: str) -> None:
    assert "Looting/property destruction" not in types(typer, sentence)


@pytest.mark.parametrize(
    "text",
    [
        "The town has been repeatedly struck by cross-border rocket fire.",
        "Idlib province is regularly targeted in Syrian and Russian air strikes.",
        "Russia has in recent days intensified its air raids in support of government forces.",
        "The FMLN will stop those who every day shell the rural areas and murder peasants.",
    ],
)
def test_acts_told_as_a_habit_are_a_summary_not_an_event(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert list(pipeline.process(Article(id="t", text=text, published=dt.date(2016, 5, 10))).events) == []


def test_one_act_of_a_day_is_still_an_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Russian warplanes struck the town of Saraqeb in Idlib province on Monday, killing 12 civilians."
    events = list(pipeline.process(Article(id="t", text=text, published=dt.date(2016, 5, 10))).events)
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


@pytest.mark.parametrize(
    "sentence",
    ["Violent clashes continue around Barada valley", "Violent clashes in the eastern desert of Homs between the regime and IS"],
)
def test_violent_clashes_of_war_news_are_fighting(typer: LearnedTyper, sentence: str) -> None:
    assert types(typer, sentence) == ["Armed clash"]


@pytest.mark.parametrize(
    "sentence",
    ["Violent clashes broke out between protesters and police in the capital.", "Violent clashes between students and police."],
)
def test_violent_clashes_of_demonstrators_stay_a_violent_demonstration(typer: LearnedTyper, sentence: str) -> None:
    assert types(typer, sentence) == ["Violent demonstration"]


@pytest.mark.parametrize(
    "sentence",
    [
        "9 casualties including a mother and 3 of her children are the victims of a massacre carried out by warplanes in Douma city",
        "Russian and Syrian warplanes kill 164 civilians in revenge massacres",
        "The regime's helicopters dropped at least 54 barrels of explosives targeting west of the capital Damascus",
    ],
)
def test_the_air_weapon_decides_an_air_strike(typer: LearnedTyper, sentence: str) -> None:
    main = max(typer.type_sentence(sentence), key=lambda s: s.confidence)  # the event the sentence tells first
    assert main.sub_event_type == "Air/drone strike"


def test_a_helicopter_shot_down_is_no_air_strike(typer: LearnedTyper) -> None:
    assert "Air/drone strike" not in types(typer, "Rebels shot down a regime helicopter over Idlib.")


def test_a_headline_shell_is_read_in_the_past(typer: LearnedTyper) -> None:
    assert types(typer, "Regime forces shell several areas in Daraa city and its countryside") == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In Barranca, a small village 180 km from Lima, terrorists bombed a radio station and a drugstore.", "Remote explosive/landmine/IED"),
        ("Militants bombed a police station in the town.", "Remote explosive/landmine/IED"),
        ("Warplanes bombed the town of Saraqeb.", "Air/drone strike"),
    ],
)
def test_bombed_is_a_bomb_unless_aircraft_did_it(typer: LearnedTyper, sentence: str, expected: str) -> None:
    assert types(typer, sentence) == [expected]


def test_an_area_that_will_be_bombed_is_no_bombing(typer: LearnedTyper) -> None:
    assert types(typer, "They are telling families to move out, telling them that those areas will be bombed.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels killed a farmer near the river crossing on Sunday.",
        "A schoolteacher was killed by hired gunmen outside her house.",
        "GUNMEN SHOT DEAD A SHOPKEEPER IN THE MARKET THIS MORNING.",
        "Two foreign tourists have been killed in the last few hours, the embassy said.",  # civilians in the passive
        "The rebels attacked the San Pedro ranch and stole its cattle.",  # an armed group's assault on a civilian place
    ],
)
def test_a_killing_told_with_its_victim_is_an_attack(typer: LearnedTyper, sentence: str) -> None:
    assert types(typer, sentence) == ["Attack"]


@pytest.mark.parametrize(
    "sentence",
    [
        "An explosion killed a shepherd near the border post.",  # the weapon decides
        "A suspected thief was killed by angry residents of the village.",  # not "killed by" a killer: a mob
        "He was sentenced for having murdered a teacher.",  # a trial
        "Police killed a protester during the march on Friday.",  # at a demonstration
        "The army denied that rebels attacked the presidential farm.",  # a denial is no report of the act
        "The rebels have threatened to kill election officials.",  # a threat is no act yet
    ],
)
def test_a_killing_beside_a_weapon_a_mob_a_court_or_a_protest_is_no_plain_attack(typer: LearnedTyper, sentence: str) -> None:
    assert types(typer, sentence) != ["Attack"]


def test_hostages_taken_by_a_gunman_are_an_abduction(typer: LearnedTyper) -> None:
    found = types(typer, "The gunman took four bank clerks as hostages and demanded a car.")
    assert found[0] == "Abduction/forced disappearance"


@pytest.mark.parametrize(
    "sentence",
    ["Insurgents blew up a police station in the north of the province.", "THE REBELS BLEW UP TWO ELECTRICITY PYLONS LAST NIGHT."],
)
def test_a_building_or_a_site_blown_up_is_an_explosive_attack(typer: LearnedTyper, sentence: str) -> None:
    assert types(typer, sentence) == ["Remote explosive/landmine/IED"]


def test_a_recalled_killing_with_its_day_is_coded_on_that_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Issue 24: a sentence that recalls a past act is not a new event of the report's day; coded, it takes the
    # past act's own date (the codebook's event_date is when it took place) at that date's precision.
    text = "The bishop cited the killing of three teachers in Cartago on 3 March as proof of the violence."
    events = list(pipeline.process(Article(id="t", text=text, published=dt.date(1990, 3, 20))).events)
    assert [(e.sub_event_type, e.event_date, e.time_precision) for e in events] == [("Attack", dt.date(1990, 3, 3), 1)]
    assert events[0].fatalities == 3


def test_a_recalled_killing_without_its_day_is_no_event(typer: LearnedTyper) -> None:
    assert types(typer, "The President cited the killing of the Jesuit priests as proof of the violence.") == []


@pytest.mark.parametrize(
    "text",
    [
        "[STUDIO REPORTER] CAN YOU CONFIRM THE ARRIVAL OF THE POLICE'S BOMB SQUAD?",
        "Does such a shift mean the desire to complicate the operation against the terrorists near Raqqa?",
        "Or is it a possibility to drive the militants into Syria under the precise airstrikes of the coalition?",
    ],
)
def test_a_question_tells_no_event(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert pipeline.extract(Article(id="t", text=text, published=dt.date(2017, 10, 10))) == []


def test_a_sentence_that_only_ends_on_a_question_mark_is_still_read(pipeline) -> None:  # type: ignore[no-untyped-def]
    # A scraped page runs its subheading into the sentence before: the strike is still told.
    text = "A convoy of 31 lorries carrying aid was targeted by airstrikes near Aleppo End to the ceasefire?"
    assert [e.sub_event_type for e in pipeline.extract(Article(id="t", text=text, published=dt.date(2016, 9, 20)))] == ["Air/drone strike"]
