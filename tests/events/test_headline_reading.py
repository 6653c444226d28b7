"""A headline's nominal style (issue 16's recall, issue 19's headlines): "N killed in X strikes on Y", "casualties
in the raids on Y", "Advances for regime forces in Y" tell an event with no verb the notes' typer knows. Hand-written
headlines in the style of war news; ``headline.headline_reading`` and the typer with it."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.events.headline import EXPLOSIONS, VIOLENT, headline_reading
from frontline.events.typing_model import NO_EVENT, LearnedTyper
from frontline.records import Article


@pytest.fixture(scope="module")
def typer() -> LearnedTyper:
    return LearnedTyper()


def types(typer: LearnedTyper, headline: str, context: str | None = None) -> list[str]:
    return [s.sub_event_type for s in typer.type_sentence(headline, context)]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("31 killed in Russian strikes on rebel town", "Air/drone strike"),  # a toll; the weapon decides
        ("12 casualties and injuries in the raids on Saraqib city", "Air/drone strike"),  # war news' "raids" are from the air
        ("More than 20 raids target the town of Kafr Nabl", "Air/drone strike"),
        ("Rockets target the city of Daraa and its countryside", "Shelling/artillery/missile attack"),
        ("Advances for the regime forces in the countryside of Hama", "Government regains territory"),  # the taker decides
        ("Rebels advance again in the southern countryside of Aleppo", "Non-state actor overtakes territory"),
        ("Militants crucify 3 civilians in the city of Raqqa", "Attack"),  # an armed group's punishment
        ("The group applies 80 lashes on a man for smoking", "Attack"),
    ],
)
def test_a_nominal_headline_gives_the_event_its_cue_names(typer: LearnedTyper, headline: str, expected: str) -> None:
    assert types(typer, headline) == [expected]
    assert types(typer, headline, context=headline) == [expected]  # the text is the headline alone


def test_an_armed_party_targeting_a_named_place_is_violence(typer: LearnedTyper) -> None:
    types_ = types(typer, "Regime forces target Douma and Harasta in the Eastern Ghouta")
    assert len(types_) == 1 and types_[0] in VIOLENT


def test_a_bombing_toll_is_an_explosion(typer: LearnedTyper) -> None:
    headline = "Dozens killed in bombing of a market in Idlib"
    assert len(types(typer, headline)) == 1
    assert types(typer, headline)[0] in EXPLOSIONS


def test_the_sub_type_is_the_likeliest_the_cue_allows() -> None:
    probs = {NO_EVENT: 0.6, "Peaceful protest": 0.3, "Armed clash": 0.02, "Attack": 0.05, "Air/drone strike": 0.03}
    found = headline_reading("Five killed in Idlib", probs)  # a toll: any violent sub-type, not a protest
    assert found is not None
    sub, start, end, confidence = found
    assert (sub, "Five killed in Idlib"[start:end]) == ("Attack", "Five killed")
    assert confidence == pytest.approx(0.05 / 0.10 * 0.4)  # its share of the allowed ones, times P(some event)
    # Aircraft make it an air strike.
    assert headline_reading("Five killed by warplanes in Idlib", probs)[0] == "Air/drone strike"  # type: ignore[index]


@pytest.mark.parametrize(
    "headline",
    [
        "Rebels are preparing to attack the airport",  # what may happen
        "Cargo planes drop aid on the besieged city",  # aircraft alone tell no event
        "Coalition aircraft call on the people of Raqqa to leave",
        "Helicopter crashed near the airbase, crew killed",  # an accident
        "Court hears appeal over the killing of 3 officers",  # a court's news
        "Rights group accuses militia of killing 5 civilians",  # a statement
        "The ministry targets a budget surplus next year",  # a budget is no target of fire
        "Apple targets Samsung with a new phone",  # nor a rival firm: only an armed party's target is named
    ],
)
def test_no_event_where_the_headline_tells_none(headline: str) -> None:
    assert headline_reading(headline, {NO_EVENT: 0.9, "Attack": 0.1}) is None


def test_only_a_first_line_without_a_full_stop_is_a_headline() -> None:
    probs = {NO_EVENT: 0.3, "Air/drone strike": 0.7}
    headline = "31 killed in Russian strikes on rebel town"
    assert headline_reading(headline, probs) is not None
    assert headline_reading(headline + ".", probs) is None  # a sentence told in full: the typer's own reading stands
    assert headline_reading(headline + '."', probs) is None
    assert headline_reading(headline, probs, context=f"{headline}\n\nThe town was struck at dawn.") is not None
    # A line inside a body (its passage starts before it) is no headline.
    assert headline_reading(headline, probs, context=f"The town was struck at dawn. {headline}") is None


def test_a_headline_as_an_article_gives_its_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "At least 14 killed in the raids on the town of Saraqib in Idlib countryside"  # no trigger word of the notes
    events = list(pipeline.process(Article(id="h", text=text, published=dt.date(2016, 5, 10))).events)
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]
    assert events[0].location == "Saraqib"
