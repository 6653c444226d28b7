"""Stage-level behaviour on hand-written inputs: dates, casualties, cleaning, typing, merging."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.events.detect import RuleTyper
from frontline.events.merge import interaction, merge
from frontline.records import Article, EventDraft, Place, Span
from frontline.text.casualties import find_casualties, parse_number
from frontline.text.clean import clean
from frontline.text.ingest import content_id
from frontline.text.timex import find_times

FRIDAY = dt.date(2016, 7, 1)


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("Moscow said Thursday it may negotiate", dt.date(2016, 6, 30), 1),
        ("told reporters on Friday", dt.date(2016, 7, 1), 1),
        ("launched an offensive early this week", dt.date(2016, 6, 27), 2),
        ("fighting last week", dt.date(2016, 6, 20), 2),
        ("had captured Kansaba in February", dt.date(2016, 2, 1), 3),
        ("since Russia intervened last September", dt.date(2015, 9, 1), 3),
        ("yesterday", dt.date(2016, 6, 30), 1),
        ("two days ago", dt.date(2016, 6, 29), 1),
        ("On 9 June 2016, regime forces shelled", dt.date(2016, 6, 9), 1),
        ("clashes on 28 June", dt.date(2016, 6, 28), 1),
        ("last month", dt.date(2016, 6, 1), 3),
        ("in March 2015", dt.date(2015, 3, 1), 3),
    ],
)
def test_time_expressions(text: str, date: dt.date, precision: int) -> None:
    found = find_times(text, FRIDAY)
    assert [(t.date, t.precision) for t in found] == [(date, precision)]


def test_may_the_verb_is_not_a_month() -> None:
    assert find_times("it may negotiate; this may change", FRIDAY) == []


def test_future_dates_and_missing_publication_date() -> None:
    assert find_times("talks on 9 May 2020", FRIDAY) == []
    assert find_times("on Thursday", None) == []
    assert [t.date for t in find_times("On 9 May 2020, clashes", None)] == [dt.date(2020, 5, 9)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 113 Syrians troops had been killed and 300 more had been wounded", [(113, "killed"), (300, "wounded")]),
        ("an air strike killing dozens of civilians", [(12, "killed")]),
        ("between 10 and 15 people were killed", [(10, "killed")]),
        ("Two soldiers died and three were injured", [(2, "killed"), (3, "wounded")]),
        ("the death toll rose to 30", [(30, "killed")]),
        ("the five-year Syrian conflict", []),
        ("seizing several tanks and artillery guns", []),
        ("hospitals flooded with dead and wounded soldiers", []),
        ("he was killed 5 years ago", []),
        ("More than 330000 people have been killed in Syria since the conflict began", []),
        ("the five-year civil war which has killed more than 300000 people", []),
        ("21 November 2016 Ten civilians some of them children killed in airstrike", [(10, "killed")]),
        ("Last updated at Jun 182016 BEIRUT At least seven people died in rebel shelling", [(7, "killed")]),
        ("Get short URL 9427 At least 10 civilians were killed in strikes", [(10, "killed")]),
        ("Rebels fired a barrage of at least 300 shells into Aleppo killing nine civilians", [(9, "killed")]),
        ("Fighting in the war-torn city killed 5 people", [(5, "killed")]),
    ],
)
def test_casualties(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(c.count, c.kind) for c in find_casualties(text)] == expected


def test_number_words() -> None:
    assert parse_number("twenty-one") == 21
    assert parse_number("1,200") == 1200
    assert parse_number("hundreds of") == 100
    assert parse_number("tens") == 10


def test_clean_drops_boilerplate_and_repeats_with_offsets() -> None:
    text = (
        "(Agency X)- Rebels took the town of A on Monday.\n"
        "Share this article\n"
        "Clashes continued in the area, witnesses said. (With Reuters)\n"
        "Rebels took the town of A on Monday.\n"
        "Clashes continued in the area, witnesses said.  (With Reuters)\n"
        "Comments About This Article\n"
        "Please fill the fields below."
    )
    doc = clean(Article(id=content_id(text), text=text))
    assert [p.text for p in doc.paragraphs] == [
        "(Agency X)- Rebels took the town of A on Monday.",
        "Clashes continued in the area, witnesses said. (With Reuters)",
    ]
    for p in doc.paragraphs:
        assert text[p.start : p.end] == p.text
    assert set(doc.removed_reasons) == {"boilerplate", "duplicate"}
    assert doc.attributions == ("Agency X", "Reuters")


def test_rule_typer_skips_named_battles_and_types_territory() -> None:
    typer = RuleTyper()
    subs = [t.sub_event_type for t in typer.type_sentence("Rebels launched 'al-Yarmouk Battle' to recapture ground")]
    assert subs == ["territory"]
    assert [t.sub_event_type for t in typer.type_sentence("Warplanes bombed the market")] == ["Air/drone strike"]
    assert [t.sub_event_type for t in typer.type_sentence("Police fired tear gas to disperse protesters")] == ["Protest with intervention"]
    assert typer.type_sentence("The weather was mild.") == []


def test_interaction_codes() -> None:
    assert interaction(2, 1) == 12
    assert interaction(1, 0) == 10
    assert interaction(0, 0) == 0
    assert interaction(8, 2) == 28


PLACES = [
    Place(1, "Town A", 35.7, 36.1, "SY", "02", feature_code="PPL"),
    Place(2, "Town B", 35.9, 36.3, "SY", "02", feature_code="PPL"),
    Place(3, "Region", 35.6, 36.2, "SY", "02", feature_class="T", feature_code="MTS"),
    Place(4, "Far Town", 33.5, 36.3, "SY", "13", feature_code="PPL"),
]


def draft(i: int, sub: str, place: Place, day: int, precision: int, actor: str = "Rebels", inter: int = 2) -> EventDraft:
    return EventDraft(
        article_id="a",
        event_type="Battles",
        sub_event_type=sub,
        actor1=actor,
        inter1=inter,
        place=place,
        geonameid=place.geonameid,
        location=place.name,
        geo_precision=3 if place.feature_class == "T" else 1,
        event_date=dt.date(2016, 6, day),
        time_precision=precision,
        confidence=0.5,
        evidence=(Span(i * 10, i * 10 + 5, "x" * 5),),
        sentences=(i,),
    )


drafts = st.lists(
    st.builds(
        draft,
        st.integers(0, 50),
        st.sampled_from(["Armed clash", "Non-state actor overtakes territory"]),
        st.sampled_from(PLACES),
        st.integers(20, 30),
        st.sampled_from([1, 2]),
        st.sampled_from(["Rebels", "Nusra"]),
    ),
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(drafts, st.randoms())
def test_merge_is_order_independent_and_idempotent(events: list[EventDraft], rnd) -> None:  # type: ignore[no-untyped-def]
    merged = merge(events)
    shuffled = list(events)
    rnd.shuffle(shuffled)
    assert {e.event_id for e in merge(shuffled)} == {e.event_id for e in merged}
    assert {e.event_id for e in merge(merged)} == {e.event_id for e in merged}
    assert len(merged) <= len(events)


def test_merge_folds_region_mentions_into_the_town() -> None:
    a = draft(1, "Non-state actor overtakes territory", PLACES[0], 27, 2)
    b = draft(2, "Non-state actor overtakes territory", PLACES[2], 27, 2, actor="Nusra")
    c = draft(3, "Non-state actor overtakes territory", PLACES[3], 27, 2)
    merged = merge([a, b, c])
    assert sorted(e.location for e in merged) == ["Far Town", "Town A"]


def test_hard_wrapped_text_keeps_its_paragraphs_whole() -> None:
    text = "THE ARMY SAID\nTODAY THAT REBELS\nATTACKED A POST.\n\n   A SECOND\nBLOCK FOLLOWS.\n"
    doc = clean(Article(id="w", text=text))
    assert [p.text for p in doc.paragraphs] == ["THE ARMY SAID\nTODAY THAT REBELS\nATTACKED A POST.", "A SECOND\nBLOCK FOLLOWS."]


def test_all_caps_wire_text_is_typed() -> None:
    subs = [t.sub_event_type for t in RuleTyper().type_sentence("GUERRILLAS KIDNAPPED THE MAYOR OF ACHI")]
    assert subs == ["Abduction/forced disappearance"]


def test_present_tense_headline_toll() -> None:
    assert [(c.count, c.kind) for c in find_casualties("Air raids kill 29 civilians in north Syria town")] == [(29, "killed")]
