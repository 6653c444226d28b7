"""Event stages on hand-written inputs: the rule typer, interaction codes, and the in-article merge."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.events.detect import RuleTyper
from frontline.events.merge import interaction, merge
from frontline.events.typing_model import LearnedTyper
from frontline.records import Article, EventDraft, Place, Span


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
        # each sentence its own words: drafts read from the same words in two sentences are one event told twice
        evidence=(Span(i * 10, i * 10 + 5, f"s{i:04d}"),),
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


def test_all_caps_wire_text_is_typed() -> None:
    subs = [t.sub_event_type for t in RuleTyper().type_sentence("GUERRILLAS KIDNAPPED THE MAYOR OF ACHI")]
    assert subs == ["Abduction/forced disappearance"]


def test_merge_reaches_a_fixpoint() -> None:
    """Found by the property above: a cluster takes its most precise date (21 June, from Town B through the
    region), which then falls within a week of the 27 June mention; one pass left them apart, and merging
    the result again joined them."""
    territory = "Non-state actor overtakes territory"
    events = [draft(0, "Armed clash", PLACES[0], 20, 1)] * 4 + [
        draft(0, territory, PLACES[0], 20, 2),
        draft(0, territory, PLACES[0], 27, 2),
        draft(0, territory, PLACES[1], 21, 1),
        draft(0, territory, PLACES[2], 20, 2),
    ]
    merged = merge(events)
    assert merge(merged) == merged
    assert [(e.sub_event_type, e.event_date) for e in merged] == [
        ("Armed clash", dt.date(2016, 6, 20)),
        (territory, dt.date(2016, 6, 21)),
    ]


def test_wire_bombings_and_murders_have_triggers(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Issue 24 (MUC-4 wire reports): words wire services use for bombings and murders.
    cases = {
        "A truck rigged with dynamite exploded outside a police building in Bogota, killing 23 people.": "Remote explosive/landmine/IED",
        "An explosive charge went off at the door of the bank in Lima.": "Remote explosive/landmine/IED",
        "Unidentified persons planted a bomb at the offices of the newspaper.": "Remote explosive/landmine/IED",
        "A violent explosion damaged the windows of the consulate in Santiago.": "Remote explosive/landmine/IED",
        "A bomb, which shattered the glass of the company's offices in Vina del Mar, exploded today.": "Remote explosive/landmine/IED",
        "Incendiary bombs were hurled at a temple in Nunoa district.": "Remote explosive/landmine/IED",
        "Senator Luis Carlos Galan was assassinated on 18 August.": "Attack",
    }
    # The words are inference-only rules of the default typer (rare_rules.RARE_RULES), not lexicon
    # triggers: the lexicon feeds the shipped model's features, which `frontline train typing` reproduces.
    typer = LearnedTyper()
    for text, sub in cases.items():
        assert max(typer.type_sentence(text), key=lambda t: t.confidence).sub_event_type == sub, text
    # ... and the full pipeline reads the Bogota bombing with its toll (MUC-4 TST2-MUC4-0017, paraphrased)
    article = Article(id="t", text=next(iter(cases)), published=dt.date(1989, 12, 8))
    found = pipeline.process(article).events
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Remote explosive/landmine/IED", 23)]


def test_a_chemical_attack_by_rockets_is_not_also_a_shelling(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "On Monday regime forces fired rockets filled with sarin gas on Zamalka, killing 40 people."
    found = pipeline.process(Article(id="t", text=text, published=dt.date(2013, 8, 22))).events
    assert [e.sub_event_type for e in found] == ["Chemical weapon"]
