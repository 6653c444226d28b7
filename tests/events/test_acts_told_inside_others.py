"""Acts told inside another sentence's news (issue 24, wire6): the violent act an arrest sentence says the
arrested did, a recent act named with its own day, victims' ages set off between dashes, and the lead's
own time phrase against the dateline's date. Hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.events.arrest_acts import committed_acts
from frontline.events.recalled import RECALL_DAYS
from frontline.records import Article
from frontline.text.casualties import find_casualties


def events_of(pipeline, text: str, published: dt.date) -> list[tuple[str, dt.date | None, int]]:  # type: ignore[no-untyped-def]
    events = pipeline.process(Article(id="t", text=text, published=published)).events
    return [(e.sub_event_type, e.event_date, e.fatalities) for e in events]


def test_an_attack_the_arrested_took_part_in_is_an_event_of_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The suspect was arrested on 4 May after having participated in an attack on a passenger bus near the market."
    found = events_of(pipeline, text, dt.date(2020, 5, 9))
    assert ("Arrests", dt.date(2020, 5, 4), 0) in found
    # The act, dated by the sentence (it came right before the arrest), never outranks the arrest.
    assert ("Attack", dt.date(2020, 5, 4), 0) in found
    events = pipeline.process(Article(id="t", text=text, published=dt.date(2020, 5, 9))).events
    arrest = next(e for e in events if e.sub_event_type == "Arrests")
    assert all(e.confidence < arrest.confidence for e in events if e.sub_event_type == "Attack")


@pytest.mark.parametrize(
    ("sentence", "act"),
    [
        ("Police arrested two men on Monday after they ambushed an army patrol.", "ambushed an army patrol"),
        ("He was detained for attacking a bus, the police said.", "attacking a bus"),
        ("She was arrested after having participated in an attack on a bus.", "participated in an attack on a bus"),
    ],
)
def test_the_act_clause_of_an_arrest(sentence: str, act: str) -> None:
    assert [sentence[a:b] for a, b in committed_acts(sentence)] == [act]


@pytest.mark.parametrize(
    "sentence",
    [
        "Police arrested two men on suspicion of attacking a bus.",  # a suspicion, no act told as fact
        "He was arrested after being shot in the leg.",  # done to the arrested, not by them
        "Two men were charged with the murder of a teacher.",  # a charge, and no arrest
        "He was arrested for allegedly attacking a bus.",  # an allegation
        "The mayor was arrested for alleged ties to a drug cartel.",  # no act, and no word of violence
        "The number of people arrested for kidnapping has doubled.",  # a crime named without its object: a charge
        "Two men were arrested for running a gang dedicated to extortion and murder.",  # the act is leading a gang
    ],
)
def test_a_suspicion_a_charge_or_a_passive_tells_no_act(sentence: str) -> None:
    assert committed_acts(sentence) == ()


def test_a_suspicion_adds_no_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = events_of(pipeline, "Police arrested two men on 4 May on suspicion of attacking a bus.", dt.date(2020, 5, 9))
    assert [sub for sub, _, _ in found] == ["Arrests"]


def test_a_recent_act_named_with_its_day_is_coded_on_that_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The teacher was driving home when she was caught in the heavy shooting that took place on 4 May."
    assert events_of(pipeline, text, dt.date(2020, 5, 6)) == [("Attack", dt.date(2020, 5, 4), 0)]


def test_the_same_act_weeks_before_the_report_is_background(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The teacher was driving home when she was caught in the heavy shooting that took place on 4 May."
    assert events_of(pipeline, text, dt.date(2020, 5, 4) + dt.timedelta(days=RECALL_DAYS + 20)) == []


def test_victims_ages_between_dashes_are_no_count() -> None:
    found = find_casualties("Three farmers -- aged 30, 41 and 52 -- were shot to death on Monday.")
    assert [(c.kind, c.count) for c in found] == [("killed", 3)]
    found = find_casualties("Two nuns (aged 60 and 71) were killed near the border.")
    assert [(c.kind, c.count) for c in found] == [("killed", 2)]


def test_a_killing_of_victims_with_their_ages_is_an_attack_with_its_toll(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Two missionaries -- aged 19 and 21 -- were shot to death last night by a group of terrorists."
    assert events_of(pipeline, text, dt.date(1990, 5, 25)) == [("Attack", dt.date(1990, 5, 24), 2)]


def test_the_lead_s_own_time_dates_its_event_not_the_dateline(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "LA PAZ, 25 MAY 90 (DPA) -- Two missionaries were shot to death last night by a group of terrorists."
    assert events_of(pipeline, text, dt.date(1990, 5, 25)) == [("Attack", dt.date(1990, 5, 24), 2)]
    # With no time of its own, the lead is dated by the dateline.
    text = "LA PAZ, 25 MAY 90 (DPA) -- Two missionaries were shot to death by a group of terrorists."
    assert [d for _, d, _ in events_of(pipeline, text, dt.date(1990, 5, 25))] == [dt.date(1990, 5, 25)]
