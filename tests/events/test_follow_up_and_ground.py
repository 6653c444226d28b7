"""A follow-up sentence, goods seized, a peaceful handover, a battle that took ground, a protest against rape
(``typing_gates``, docs/typing.md "Rare sub-types round"). Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from frontline.events.detect import RuleTyper
from frontline.events.typing_gates import follows_up, ground_taken
from frontline.events.typing_model import LearnedTyper


@pytest.fixture(scope="module")
def typer() -> LearnedTyper:
    return LearnedTyper()


def _subs(typer: LearnedTyper, sentence: str, context: str | None = None) -> list[str]:
    return [s.sub_event_type for s in typer.type_sentence(sentence, context)]


@pytest.mark.parametrize(
    ("event", "follow_up"),
    [
        ("Rebels ambushed an army convoy near the town on Monday.", "There were no casualties."),
        ("Rebels ambushed an army convoy near the town on Monday.", "Two soldiers were wounded."),
        ("Gunmen shot dead a shopkeeper in the market on Friday.", "Two suspects were arrested."),
        ("Gunmen shot dead a shopkeeper in the market on Friday.", "Police later arrested the attackers."),
    ],
)
def test_a_toll_or_arrests_after_an_event_are_no_event_of_their_own(typer: LearnedTyper, event: str, follow_up: str) -> None:
    assert _subs(typer, event) != []
    assert _subs(typer, follow_up) != []  # alone, the model reads an event in it (a clash, arrests)
    assert _subs(typer, follow_up, f"{event} {follow_up}") == []


def test_arrests_told_first_or_alone_stay_arrests(typer: LearnedTyper) -> None:
    first = "Police arrested 20 members of a gang in the capital."
    assert _subs(typer, first) == ["Arrests"]
    assert _subs(typer, first, f"{first} The operation lasted two days.") == ["Arrests"]
    # After a sentence that tells no event, arrests are the event.
    before = "The operation began early in the morning."
    assert _subs(typer, before) == []
    assert _subs(typer, first, f"{before} {first}") == ["Arrests"]


def test_follows_up_needs_a_reading() -> None:
    assert not follows_up([], [], "There were no casualties.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Hundreds of students protested outside the court against the rape of a schoolgirl.",
        "Parents staged a protest at the school over the alleged rape of a pupil.",
    ],
)
def test_a_protest_against_rape_is_a_protest(typer: LearnedTyper, sentence: str) -> None:
    assert _subs(typer, sentence) == ["Peaceful protest"]


def test_rape_told_as_an_act_is_sexual_violence(typer: LearnedTyper) -> None:
    assert _subs(typer, "Gunmen raped two women in the village.") == ["Sexual violence"]


def test_goods_seized_are_no_ground_taken(typer: LearnedTyper) -> None:
    sentence = "Police seized a cargo of 50 kg of gold near the border."
    assert "territory" in {h.sub_event_type for h in RuleTyper().type_sentence(sentence)}  # the lexicon's "seized <word>"
    assert not {"Government regains territory", "Non-state actor overtakes territory"} & set(_subs(typer, sentence))
    assert _subs(typer, "Rebels seized the town of Kabo after heavy fighting.") == ["Non-state actor overtakes territory"]


def test_a_peaceful_taking_is_a_non_violent_transfer(typer: LearnedTyper) -> None:
    spans = typer.type_sentence("Al Shabaab militants took control of the village without confrontation with government forces.")
    assert [s.sub_event_type for s in spans] == ["Non-violent transfer of territory"]
    assert spans[0].confidence > 0.9  # the territory probability goes with it


def test_a_battle_that_took_ground_gives_the_clash_probability_to_the_taking() -> None:
    sentence = "Tribal fighters clashed with Houthi forces and took over two villages overnight."
    hits = RuleTyper().type_sentence(sentence)
    probs = {"Armed clash": 0.5, "Non-state actor overtakes territory": 0.3, "Government regains territory": 0.1, "NO_EVENT": 0.1}
    moved, kept = ground_taken(sentence, probs, hits)
    assert moved["Armed clash"] == 0.0 and moved["Non-state actor overtakes territory"] == pytest.approx(0.8)
    assert kept == hits
    # People captured in the passive are no ground: the territory probability is shared out among the rest.
    for people in ("Fifteen troops died and five others were captured by local defence groups.",
                   "Three militants were killed and two captured during clashes with the army."):
        hits = RuleTyper().type_sentence(people)
        assert "territory" in {h.sub_event_type for h in hits}  # the lexicon's "captured <word>"
        moved, kept = ground_taken(people, probs, hits)
        assert "territory" not in {h.sub_event_type for h in kept}
        assert moved["Armed clash"] == pytest.approx(0.5 / 0.6) and sum(moved.values()) == pytest.approx(1.0)


def test_organised_crime_arrests_are_no_event(typer: LearnedTyper) -> None:
    # Ordinary criminality is outside ACLED's codebook (CASE 2021's ORG_CRIME); political arrests stay.
    assert _subs(typer, "Police arrested a suspected drug trafficker at his home in the capital on Tuesday.") == []
    assert _subs(typer, "Police arrested twelve members of a money laundering network in the port city.") == []
    assert _subs(typer, "Soldiers arrested three opposition activists at their homes on Tuesday.") == ["Arrests"]


def test_civilians_evacuated_are_the_codebooks_other(typer: LearnedTyper) -> None:
    assert _subs(typer, "About 300 people were evacuated from the besieged town on Tuesday, officials said.") == ["Other"]
    assert _subs(typer, "Some 2,000 refugees from the war arrived in the border town overnight.") == ["Other"]
    # A disaster's evacuation is no conflict event.
    assert "Other" not in _subs(typer, "About 300 people were evacuated from the town after the floods on Tuesday.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The local defence force carried out two mine attacks against an army convoy near the village on Sunday.",
        "Rebels attacked the police checkpoint with remote-controlled mines at around 8 pm.",
        "Unknown militants detonated a roadside IED, injuring three soldiers near the town.",
    ],
)
def test_mines_and_ieds_used_as_weapons_are_remote_explosives(typer: LearnedTyper, sentence: str) -> None:
    assert _subs(typer, sentence) == ["Remote explosive/landmine/IED"]


def test_a_controlled_detonation_stays_disrupted_weapons_use(typer: LearnedTyper) -> None:
    assert _subs(typer, "Army engineers detonated three IEDs found beside the road.") == ["Disrupted weapons use"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A militant detonated himself inside the administration compound on Tuesday.",
        "Two fighters detonated themselves near an army checkpoint.",
        "A woman detonated herself in the crowded market.",
    ],
)
def test_a_bomber_who_detonated_himself_is_a_suicide_bomb(typer: LearnedTyper, sentence: str) -> None:
    assert _subs(typer, sentence) == ["Suicide bomb"]


def test_counted_kidnappings_are_a_crime_figure(typer: LearnedTyper) -> None:
    assert _subs(typer, "A total of 80 kidnappings were reported in the province in 2014, according to statistics.") == []
    assert _subs(typer, "The town has suffered a string of kidnappings, local radio said.") == []
    assert _subs(typer, "Gunmen kidnapped six men from a restaurant in the town on Friday.") == ["Abduction/forced disappearance"]


def test_an_attempt_to_take_ground_is_a_clash_and_a_taking_managed_is_a_taking(typer: LearnedTyper) -> None:
    assert _subs(typer, "Government forces continued their attempts to take full control of the eastern districts.") == ["Armed clash"]
    assert _subs(typer, "Government forces managed to take control of the hills near the town.") == ["Government regains territory"]
    # A distance or a share after the trigger is no count of goods.
    sentence = "Army enters the city after liberating the crossroads, 47 km from the dam."
    assert {h.sub_event_type for h in RuleTyper().type_sentence(sentence)} >= {"territory"}
    assert _subs(typer, sentence) == ["Government regains territory"]
