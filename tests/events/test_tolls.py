"""Deaths the way ACLED counts them (issue 24, FINDINGS "Deaths"): a year, a clock or an age is no
toll; a toll told twice is one toll; killed-or-injured is no death count; a recalled past event is
background. Short reproductions are paraphrased; the FA-KES cases run on the corpus when present."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.records import Article, Event
from frontline.text.casualties import find_casualties


def tolls(pipeline, text: str, published: dt.date = dt.date(2016, 6, 6)) -> list[Event]:  # type: ignore[no-untyped-def]
    return list(pipeline.process(Article(id="t", text=text, published=published)).events)


def killed(text: str) -> list[int]:
    return [c.count for c in find_casualties(text) if c.kind == "killed"]


def test_a_year_is_never_a_toll(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "17 civilians dead in strikes on a market Monitor AFP Monday 6 Jun 2016 seventeen civilians including eight children were killed in air strikes"
    assert killed(text) == [17, 17]
    assert max(e.fatalities for e in tolls(pipeline, text)) == 17


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Army Kills Dozens of Nusra Members 07-08-2013 0147 PM An army unit killed dozens of Nusra fighters", [12, 12]),
        ("Get short URL 185 The Kurdish-led forces killed 13 militants", [13]),
        ("A shopkeeper, aged 45 was killed", []),
        ("126 people were killed in the attack, updating a previous toll of 112 dead", [126]),
        ("twenty-one soldiers and two civilians were killed", [23]),
    ],
)
def test_a_clock_an_age_or_an_old_figure_is_never_a_toll(text: str, expected: list[int]) -> None:
    assert killed(text) == expected


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # a headline run into its lead, as scraped (FA-KES 1923848206, paraphrased)
        ("20 dead in air raids in Latakia province NGO At least 20 people were killed in raids on Latakia province on Monday.", 20),
        ("Jihadists kill 30 rebels in suicide blast near Aleppo on Monday, killing at least 30 fighters", 30),
        ("Russia says 62 Syrian troops killed in strikes AFP More than 60 Syrian soldiers were killed in Deir Ezzor on Sunday", 60),
        # distinct tolls of one event still add (ACLED notes)
        ("On Monday, 6 fighters were killed by direct fire and 3 were killed by IEDs in Tikrit.", 9),
        ("On Monday, 2 soldiers were killed by gunmen in Kandahar and 2 militants were killed.", 4),
        ("On Monday, 50 troops were executed in Raqqa, 19 more were killed and 16 others died.", 85),
    ],
)
def test_one_toll_is_one_toll(pipeline, text: str, toll: int) -> None:  # type: ignore[no-untyped-def]
    assert max(e.fatalities for e in tolls(pipeline, text)) == toll


def test_a_toll_told_twice_keeps_its_range(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Russia says 62 Syrian troops killed in strikes AFP More than 60 Syrian soldiers were killed in Deir Ezzor on Sunday"
    best = max(tolls(pipeline, text), key=lambda e: e.fatalities)
    assert (best.fatalities, best.fatalities_low, best.fatalities_high) == (60, 60, 62)


def test_a_headline_and_its_lead_are_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "20 dead in air raids in Syrias Latakia province NGO. At least 20 Syrian people including 10 civilians "
        "were killed in air raids on Latakia province on Monday, a monitor said."
    )
    found = tolls(pipeline, text, dt.date(2013, 8, 10))
    assert [e.fatalities for e in found] == [20]


def test_killed_or_injured_is_no_death_count(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert [(c.count, c.kind) for c in find_casualties("killing or injuring scores of them")] == [(12, "mixed")]
    assert [c.kind for c in find_casualties("50 people were killed or wounded")] == ["mixed"]
    text = (
        "The army clashed with ISIL near Deir Ezzor airport on Monday, killing or injuring scores of them. "
        "The army also killed over 60 ISIL terrorists."
    )
    clash = [e for e in tolls(pipeline, text, dt.date(2014, 12, 16)) if "injuring" in e.evidence[0].text]
    assert clash and clash[0].fatalities == 0


def test_a_recalled_past_event_is_background(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "UN investigators established that sarin gas was used in Eastern Ghouta in 2013. The attack killed some 1,429 people."
    assert [e for e in tolls(pipeline, text, dt.date(2016, 8, 11)) if e.fatalities] == []
    # a year within the report's reach is news
    recent = tolls(pipeline, "Government forces shelled Douma in 2016, killing 5 civilians.", dt.date(2016, 8, 11))
    assert [e.fatalities for e in recent] == [5]


# FA-KES units of the finding: (unit, the toll frontline gave, the toll it gives now).
FAKES_CASES = [
    ("1923848268", 2033, 17), ("1923848285", 2032, 16), ("1923848206", 60, 20), ("1923848150", 60, 30),
    ("1923848218", 60, 30), ("1965511111", 159, 12), ("1923848175", 60, 30), ("1923848214", 60, 30),
]


def fakes_events(pipeline, row: dict[str, str]) -> list[Event]:  # type: ignore[no-untyped-def]
    month, day, year = row["date"].split("/")
    published = dt.date(int(year), int(month), int(day))
    return tolls(pipeline, row["article_content"], published)


@pytest.mark.parametrize(("unit", "before", "now"), FAKES_CASES)
def test_fakes_headline_tolls(pipeline, fakes_rows, unit: str, before: int, now: int) -> None:  # type: ignore[no-untyped-def]
    found = fakes_events(pipeline, fakes_rows[unit])
    assert found[0].fatalities == now and before not in [e.fatalities for e in found]


def test_fakes_background_and_mixed(pipeline, fakes_rows) -> None:  # type: ignore[no-untyped-def]
    for unit in ("1919191753", "1926479326"):
        assert all(e.fatalities < 1000 for e in fakes_events(pipeline, fakes_rows[unit]))
    assert [e.fatalities for e in fakes_events(pipeline, fakes_rows["1965511121"])] == [0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a total over a period, a campaign or a past year is not one event's toll
        ("Syrian army says rebel bombardment of Aleppo killed 84 in three days", []),
        ("Civil defence workers say more than 450 people were killed there in the last month.", []),
        ("Since then more than 300 people have been killed in bombardments of rebel-held areas.", []),
        ("Seven days of airstrikes across the province had left more than 75 civilians dead.", []),
        ("Reporters Without Borders counted 66 journalists killed in 2014.", []),
        ("Last month bombings in the nearby cities of Jableh and Tartus killed at least 170 people.", []),
        ("The reports come just a day after more than 100 civilians were killed in Idlib.", []),
        ("The Observatory said 45 opposition fighters and 43 regime forces had been killed in the fighting that began on Thursday", []),
        # a figure the report has replaced, a breakdown of a toll, the wounded
        ("It had initially given a death toll of 22.", []),
        ("Seventeen children and six women were among those killed.", []),
        ("As well as those killed at least 160 people were injured, it said.", []),
        # ... while the toll of the day stays
        ("Two medics were among at least 31 people killed on Saturday.", [31]),
        ("A bomb killed 5 people in Aleppo in March 2016.", [5]),
        ("At least 50 fighters and two civilians were killed Tuesday in clashes between rival groups.", [52]),  # every side's dead
    ],
)
def test_totals_breakdowns_and_the_wounded_are_not_tolls(text: str, expected: list[int]) -> None:
    assert killed(text) == expected


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # the same figure across an "and" (FA-KES 1923848289, paraphrased)
        (("Suicide attack on Syria wedding kills 32 Medical source AFP A suicide bomber struck a wedding as the bride and groom "
          "were exchanging vows, killing 32 people on Monday in Hasakeh."), 32),
        # a side named in a place's name is no victim: "rebel-held" (FA-KES 1923848163, paraphrased)
        (("Syria regime bombing kills 16 in rebel-held Aleppo Monitor AFP Syrian government air strikes killed at least 16 "
          "civilians on Wednesday in Aleppo."), 16),
        # the headline's figure gives way to the lead's, past the agency and date stamp
        (("Syria air strikes kill 10 children 5 women in Aleppo monitor AFP Friday 24 Oct 2014 Ten children and five women have "
          "been killed in Syrian government air strikes in Aleppo province."), 15),
        # a figure given as the total is the toll
        ("Six teachers also died in the attacks in Idlib on Wednesday while the Observatory said that 35 people in total had died.", 35),
    ],
)
def test_a_toll_is_counted_once(pipeline, text: str, toll: int) -> None:  # type: ignore[no-untyped-def]
    assert max(e.fatalities for e in tolls(pipeline, text)) == toll


def test_a_toll_read_from_a_later_sentence_is_in_the_evidence(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Government forces clashed with rebels in Daraa on Monday. Three soldiers were killed, a monitor said."
    found = [e for e in tolls(pipeline, text) if e.fatalities]
    assert found and found[0].fatalities == 3
    assert any("Three soldiers were killed" in s.text for s in found[0].evidence)


def test_an_arrest_or_an_agreement_has_no_toll(pipeline) -> None:  # type: ignore[no-untyped-def]
    # ACLED codes a killing as the violence it is; an arrest or an agreement has no dead of its own.
    found = tolls(pipeline, "Police arrested 12 men in Aleppo on Monday. Two of them were killed in custody, the monitor said.")
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Arrests", 0)]
    text = "The army and the rebels agreed on a ceasefire in Daraa on Monday. Three soldiers were killed, a monitor said."
    assert {(e.sub_event_type, e.fatalities) for e in tolls(pipeline, text)} == {("Agreement", 0), ("Armed clash", 3)}


# FINDINGS "Tolls without a source" and "Totals": units whose toll no sentence stated (unit, toll before,
# the largest toll of the article now).
UNSOURCED = [
    ("1923848289", 64, 32),  # "kills 32 ... the bride and groom ... killing 32": one toll
    ("1923848163", 32, 16),  # "kills 16 in rebel-held Aleppo ... killed at least 16 civilians"
    ("1924058169", 450, 39),  # "more than 450 people were killed there in the last month": a month's total
    ("1923848310", 88, 0),  # "45 ... and 43 ... had been killed in the fighting that began on Thursday": days of fighting
]


@pytest.mark.parametrize(("unit", "before", "largest"), UNSOURCED)
def test_fakes_unsourced_tolls(pipeline, fakes_rows, unit: str, before: int, largest: int) -> None:  # type: ignore[no-untyped-def]
    found = [e.fatalities for e in fakes_events(pipeline, fakes_rows[unit])]
    assert before not in found and max(found) <= largest


def test_fakes_the_injured_and_a_campaign_are_no_toll(pipeline, fakes_rows) -> None:  # type: ignore[no-untyped-def]
    # "As well as those killed at least 160 people were injured" (1924058036); "Since then more than 300
    # people have been killed in bombardments" (1924058193); an evacuation agreement (1918150027).
    assert 160 not in [e.fatalities for e in fakes_events(pipeline, fakes_rows["1924058036"])]
    assert 300 not in [e.fatalities for e in fakes_events(pipeline, fakes_rows["1924058193"])]
    assert all(e.fatalities == 0 for e in fakes_events(pipeline, fakes_rows["1918150027"]) if e.sub_event_type == "Agreement")
