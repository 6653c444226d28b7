"""Tolls no sentence states (issue 24, bench/tolls.py): each act of a sentence keeps its own dead, another
telling of a toll is an alternative, a repeat is one toll. Hand-written texts in the shape of the FA-KES
reports that gave the sums; ACLED's rule that one clash counts the dead of both sides still holds."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.records import Article, Event
from frontline.text.casualties import find_casualties


def events(pipeline, text: str, published: dt.date = dt.date(2016, 6, 6)) -> list[Event]:  # type: ignore[no-untyped-def]
    return list(pipeline.process(Article(id="t", text=text, published=published)).events)


def tolls_of(pipeline, text: str, sub_event_type: str) -> list[int]:  # type: ignore[no-untyped-def]
    return [e.fatalities for e in events(pipeline, text) if e.sub_event_type == sub_event_type]


def test_two_acts_of_one_sentence_keep_their_own_dead(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a shelling of Damascus and an air strike on Ghouta, told in one sentence (FA-KES 1923848193's shape)
    text = (
        "The rebel shelling killed 10 people in Damascus including a child on Monday while the government air strikes "
        "fired at Eastern Ghouta killed at least 82 people among them 18 children."
    )
    assert tolls_of(pipeline, text, "Air/drone strike") == [82]
    assert 92 not in [e.fatalities for e in events(pipeline, text)]


def test_three_acts_of_one_sentence_are_not_summed(pipeline) -> None:  # type: ignore[no-untyped-def]
    # executions, a suicide attack and an assault (FA-KES 1923848246's shape)
    text = (
        "On Monday the monitor said more than 50 troops were summarily executed near Raqqa 19 more were killed in a "
        "double suicide attack and at least 16 others had died in the assault."
    )
    assert tolls_of(pipeline, text, "Suicide bomb") == [19]
    assert 85 not in [e.fatalities for e in events(pipeline, text)]


def test_dead_of_another_place_are_another_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "30 ... in Aleppo province and another 39 ... in Idlib province" (FA-KES 1924058092's shape)
    text = "The monitor said 30 people were killed in Aleppo province on Saturday and another 39 were killed by airstrikes in Idlib province."
    assert tolls_of(pipeline, text, "Air/drone strike") == [39]


def test_dead_of_an_unnamed_place_are_another_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "15 ... in a northern district of Manbij while six others ... in a village near the city" (FA-KES 1923102830's shape)
    text = (
        "At least 15 civilians were killed in raids in a northern district of Manbij on Monday while six others were killed "
        "in a village near the city according to the monitor."
    )
    assert max(e.fatalities for e in events(pipeline, text, dt.date(2016, 7, 18))) == 15


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # both sides of one clash: one act, the codebook sums them
        ("Five soldiers were killed and three rebels died in the clash near Daraa on Monday.", 8),
        ("The monitor said 45 opposition fighters and 43 regime forces had been killed in the fighting in Daraa on Thursday.", 88),
    ],
)
def test_the_dead_of_one_act_still_add(pipeline, text: str, toll: int) -> None:  # type: ignore[no-untyped-def]
    assert max(e.fatalities for e in events(pipeline, text)) == toll


def test_a_repeat_is_one_toll_whatever_lies_between(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a headline repeated in the body, with "more massacres" between (FA-KES 1926478977's shape)
    text = (
        "35 Civilians Killed in Regime Air Raids on Rural Aleppo The council said that the regime exploits the campaign to "
        "commit more massacres citing the death of 35 civilians in air raids on the town of Al Bab on Friday."
    )
    assert max(e.fatalities for e in events(pipeline, text)) == 35


def test_the_same_words_twice_are_one_toll(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a headline glued to its lead, word for word (FA-KES 1965511204's shape): "other" adds to the son, not to the repeat
    said = "The spokesman of the Nusra Front his son and 20 other militants were killed in air strikes on Sunday in Idlib"
    assert max(e.fatalities for e in events(pipeline, f"{said} {said} a monitor said.")) == 20


def test_another_sources_toll_is_an_alternative(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "killed 40 civilians Saturday while the LCC put the toll at 45 dead" (FA-KES 1924058126's shape)
    text = (
        "The Observatory said government shelling on opposition areas in Aleppo city killed 40 civilians Saturday while "
        "the Local Coordination Committees put the toll in opposition areas at 45 dead."
    )
    best = max(events(pipeline, text), key=lambda e: e.fatalities)
    assert (best.fatalities, best.fatalities_low, best.fatalities_high) == (40, 40, 45)


def test_an_earlier_toll_gives_way_to_the_new_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "has risen to 42 dead ... which on Thursday had given a death toll of 17" (FA-KES 1923848235's shape)
    assert [c.count for c in find_casualties("which on Thursday had given a death toll of 17") if c.kind == "killed"] == []
    text = (
        "Air strikes were carried out in Douma on Thursday. \"The toll from regime air raids on Douma has risen to 42 dead\" "
        "said the Observatory which on Thursday had given a death toll of 17."
    )
    assert max(e.fatalities for e in events(pipeline, text, dt.date(2014, 10, 3))) == 42


def test_a_groups_record_is_no_events_toll(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a background sentence recalling a group's record (FA-KES 1965511127's shape): "hundreds" and "scores"
    # are neither this event's dead nor addends
    text = (
        "The militants beheaded a prisoner in the video. The terrorist group has killed hundreds of tribesmen who opposed it "
        "attacked minorities and executed scores of security personnel."
    )
    assert all(e.fatalities < 12 for e in events(pipeline, text, dt.date(2014, 11, 16)))
    # a vague toll of a day is still a toll
    assert max(e.fatalities for e in events(pipeline, "Government air strikes killed dozens of civilians in Idlib on Monday.")) == 12


def test_both_sides_dead_of_a_battle_are_not_the_air_strikes(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the air strikes that tried to repel an assault, then the battle's toll (FA-KES 1926479296's shape)
    text = (
        "Coalition war planes carried out 10 air strikes on Saturday to try to repel the assault on Suluk the monitor reported. "
        "It said at least 45 Islamic State militants and 20 Kurdish militia fighters had been killed."
    )
    found = {(e.sub_event_type, e.fatalities) for e in events(pipeline, text, dt.date(2016, 2, 27))}
    assert ("Armed clash", 65) in found and ("Air/drone strike", 65) not in found
    # one side's dead after a blast are the blast's (ACLED notes: "1 soldier was killed and 2 others were injured")
    text = "An IED planted by Al Shabaab exploded targeting soldiers in Afgooye on Monday. 1 soldier was killed and 2 others were injured."
    assert tolls_of(pipeline, text, "Remote explosive/landmine/IED") == [1]


def test_a_story_told_twice_is_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the lead repeated word for word after another paragraph (FA-KES 1926479296): each copy took another
    # place from the sentences before it, yet they are one event
    told = "Coalition war planes carried out 10 air strikes to try to repel the assault the monitor reported."
    text = f"ISIS attacks a town near Aleppo. {told}\nThe fighters also attacked Raqqa on Saturday. {told}"
    assert len([e for e in events(pipeline, text, dt.date(2016, 2, 27)) if e.sub_event_type == "Air/drone strike"]) == 1


def test_a_merged_event_keeps_the_range_of_the_toll_it_keeps() -> None:
    # the mentions of one day's strikes (FA-KES 1924058126's shape): 49 in one, "40 ... put the toll at 45" in the
    # other; the merged event keeps 49 and no range that leaves it out (it had kept 40-45 from the other mention)
    from frontline.events.merge import merge
    from frontline.records import EventDraft, Place, Span

    aleppo = Place(geonameid=170063, name="Aleppo", latitude=36.2, longitude=37.16, country_code="SY", admin1_code="09",
                   feature_class="P", feature_code="PPLA", population=1_602_264)

    def mention(i: int, count: int, low: int | None, high: int | None, precision: int) -> EventDraft:
        return EventDraft(article_id="a", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                          actor1="Military Forces of Syria (2000-)", inter1=1, place=aleppo, geonameid=aleppo.geonameid,
                          location="Aleppo", geo_precision=precision, event_date=dt.date(2016, 8, 6), time_precision=1,
                          fatalities=count, fatalities_low=low, fatalities_high=high, confidence=0.9,
                          evidence=(Span(i * 100, i * 100 + 5, f"s{i:04d}"),), sentences=(i,))

    # the place is taken from the mention with the 40 (the more precise one)
    (merged,) = merge([mention(1, 40, 40, 45, 1), mention(2, 49, None, None, 2)])
    assert (merged.fatalities, merged.fatalities_low, merged.fatalities_high) == (49, None, None)



@pytest.mark.parametrize(
    ("text", "toll", "sub_types"),
    [
        # one happening typed twice from one sentence ("killed civilians" and "warplanes"): the weapon's event
        ("Government warplanes killed 22 civilians in the town of Saraqib on Monday, activists said.", 22,
         ["Air/drone strike"]),
        # two acts counted together: two events, the dead once
        (("Rebels clashed with troops near the town of Saraqib on Monday. Government warplanes also struck the town. "
         "At least 20 fighters were killed in the clashes and air strikes, a monitoring group said."), 20,
         ["Air/drone strike", "Armed clash"]),
        # one toll told of one town twice, blamed on one side and then on no one
        (("Syrian warplanes struck the town of Saraqib on Monday, killing 14 people, activists said. "
         "The air strikes on Saraqib killed 14 people, a monitoring group said."), 14, ["Air/drone strike"]),
    ],
)
def test_a_toll_sentence_gives_its_dead_to_one_event(pipeline, text: str, toll: int, sub_types: list[str]) -> None:  # type: ignore[no-untyped-def]
    found = events(pipeline, text)
    assert sum(e.fatalities for e in found) == toll, [(e.sub_event_type, e.fatalities) for e in found]
    assert sorted(e.sub_event_type for e in found) == sub_types


def test_a_lead_told_of_the_country_and_its_town_is_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    # FA-KES 1924058061's shape: the lead gives the toll with no town, the story gives the town and its parts
    text = (
        "A counterattack by militants on Syrian regime forces on Monday left 28 fighters dead, a monitor said. "
        "Militants attacked government positions south of the town of Tabqa on Monday, the monitor said. "
        "Eleven regime fighters and 17 militants were killed in the attack, it said."
    )
    found = events(pipeline, text)
    assert sum(e.fatalities for e in found) == 28, [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_a_monitors_tally_for_a_year_is_no_toll() -> None:
    # the period comes after a long breakdown of the dead: still the year's tally, not one event's toll
    text = (
        'The Observatory "has documented the killing of 5812 civilians including 1733 children 969 women and 3110 '
        'men in barrel bombings and (other) air raids" over the past year.'
    )
    assert [c.count for c in find_casualties(text) if c.kind == "killed"] == []
