"""Inter codes by the 2022 conventions (docs/fields.md, "The 2022-conventions inter pass").

Hand-written sentences (none copied from ACLED notes) through the whole pipeline on the session's
gazetteer, and the packaged actor dictionary.
"""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.records import Article, Event

SPRING_2022 = dt.date(2022, 4, 14)  # a Thursday, after Russia's invasion of Ukraine


def best(pipeline, text: str, published: dt.date = SPRING_2022) -> Event:  # type: ignore[no-untyped-def]
    found = pipeline.process(Article(id="t", text=text, published=published)).events
    assert found, text
    return max(found, key=lambda e: e.confidence)


def test_a_groups_name_with_people_in_it_is_not_the_people_hit(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "People's" names the Donetsk republic's fighters, not civilians hit by the shelling.
    event = best(pipeline, "On Thursday, gunners of the Donetsk People's Republic shelled the outskirts of Marinka (Donetsk).")
    assert event.inter2 != 7
    hit = best(pipeline, "On Thursday, shells fired by the Donetsk People's Republic hit Marinka (Donetsk), wounding two people.")
    assert hit.inter2 == 7


@pytest.mark.parametrize(
    ("text", "actor2", "inter2"),
    [
        ("On Thursday, Ukrainian troops shelled Russian positions near Izium (Kharkiv).", "Military Forces of Russia (2000-)", 8),
        ("On Thursday, Russian troops fired on Ukrainian positions near Avdiivka (Donetsk).", "Military Forces of Ukraine (2019-)", 1),
    ],
)
def test_positions_a_nationality_names_are_its_forces(pipeline, text: str, actor2: str, inter2: int) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, text)
    assert (event.actor2, event.inter2) == (actor2, inter2)


def test_a_strike_a_nationality_names_is_its_forces(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, "On Thursday, a Russian air strike destroyed a school in Chernihiv (Chernihiv); four civilians died.")
    assert (event.actor1, event.inter1) == ("Military Forces of Russia (2000-)", 8)
    assert event.inter2 == 7


def test_an_unnamed_air_strike_in_an_invaded_country_is_the_invaders(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "On Thursday, an air strike destroyed a bridge in Chernihiv (Chernihiv)."
    assert (best(pipeline, text).actor1, best(pipeline, text).inter1) == ("Military Forces of Russia (2000-)", 8)
    # Before the invasion the country's own air force is the default, as anywhere else.
    before = best(pipeline, text, dt.date(2021, 4, 15))
    assert (before.actor1, before.inter1) == ("Military Forces of Ukraine (2019-)", 1)


@pytest.mark.parametrize(
    ("text", "actor1", "inter1"),
    [
        ("On Thursday, gunmen shot dead a schoolteacher in Quetta (Balochistan). The TTP later claimed the attack.",
         "TTP: Tehreek-i-Taliban Pakistan", 2),
        ("On Thursday, a bomb went off inside a mosque in Kunduz (Kunduz), killing 12 worshippers. IS claimed responsibility.",
         "Islamic State (Afghanistan)", 2),
        ("On Thursday, gunmen shot dead a schoolteacher in Quetta (Balochistan). No group claimed responsibility.",
         "Unidentified Armed Group (Pakistan)", 3),
    ],
)
def test_the_group_that_claimed_an_attack_is_actor1(pipeline, text: str, actor1: str, inter1: int) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, text)
    assert (event.actor1, event.inter1) == (actor1, inter1)
    assert event.inter2 == 7


def test_unnamed_international_forces_are_external(pipeline) -> None:  # type: ignore[no-untyped-def]
    # A coder's aside in parentheses names the same side, and the government's forces joined to it
    # by "and" are its associates, not the target.
    text = ("On Thursday, international forces (coded as Unidentified Military Forces) and government soldiers (SNA) "
            "carried out an air strike on Al Shabaab fighters near Jilib (Middle Juba).")
    event = best(pipeline, text)
    assert (event.actor1, event.inter1) == ("Unidentified Military Forces", 8)
    assert (event.actor2, event.inter2) == ("Al Shabaab", 2)
    assert event.assoc_actor_1.startswith("Military Forces of Somalia")


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday, Russian troops shelled the outskirts of Okhtyrka (Sumy). No civilian casualties were reported.",
        "On Thursday, Russian troops shelled the outskirts of Okhtyrka (Sumy); no civilians were hurt.",
        "On Thursday, Russian troops shelled Okhtyrka (Sumy). Residents reported that two barns burned down.",
    ],
)
def test_people_named_but_not_hit_are_not_actor2(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, text)
    assert (event.inter1, event.actor2, event.inter2) == (8, "", 0)


def test_people_hit_by_shelling_are_civilians(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, "On Thursday, Russian troops shelled Okhtyrka (Sumy). Two residents were wounded.")
    assert (event.actor2, event.inter2) == ("Civilians (Ukraine)", 7)


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday, a Russian drone was downed by Ukrainian air defence near Okhtyrka (Sumy).",
        "On Thursday, air defence shot down a cruise missile over Vinnytsia (Vinnytsia).",
    ],
)
def test_the_air_defence_that_downs_a_missile_acts_on_its_owner(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, text)
    assert (event.actor1, event.inter1) == ("Military Forces of Ukraine (2019-)", 1)
    assert (event.actor2, event.inter2) == ("Military Forces of Russia (2000-)", 8)


@pytest.mark.parametrize(
    ("text", "published", "inter1"),
    [
        ("On Thursday, the KIA fought army troops near Hpakant (Kachin).", SPRING_2022, 2),
        ("On Thursday, the KIA fought army troops near Hpakant (Kachin).", dt.date(2015, 3, 5), 3),
        ("On Thursday, the Karenni Army ambushed a junta convoy near Demoso (Kayah).", SPRING_2022, 2),
        ("On Thursday, the MNDAA attacked junta positions near Laukkai (Shan).", SPRING_2022, 2),
    ],
)
def test_myanmars_ethnic_armed_organisations_are_rebels_in_the_2020s(pipeline, text: str, published: dt.date, inter1: int) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, text, published)
    assert event.inter1 == inter1
    assert event.inter2 == 1


@pytest.mark.parametrize(
    ("text", "inter1"),
    [
        ("On Thursday, masked men shot dead a ward administrator appointed by the military council in Monywa (Sagaing).", 3),
        ("On Thursday, unidentified men gunned down a junta-appointed village head in Monywa (Sagaing).", 3),
        ("On Thursday, PDF fighters killed two military informants in Monywa (Sagaing).", 2),
    ],
)
def test_people_tied_to_a_side_are_civilians_when_killed(pipeline, text: str, inter1: int) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, text)
    assert (event.inter1, event.inter2) == (inter1, 7)


def test_a_man_accused_of_supporting_a_group_is_not_that_group(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, "On Thursday, soldiers detained a shopkeeper accused of helping the PDF in Monywa (Sagaing).")
    assert (event.inter1, event.inter2) == (1, 7)


def test_turkish_strikes_on_the_pkk_in_iraq_are_external(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, "On Thursday, Turkish warplanes bombed PKK hideouts near Amadiya (Duhok).")
    assert (event.inter1, event.actor2, event.inter2) == (8, "PKK: Kurdistan Workers Party", 2)
    home = best(pipeline, "On Thursday, PKK fighters attacked a Turkish army outpost in Sirnak (Sirnak).")
    assert (home.inter1, home.inter2) == (2, 1)


def test_yemens_security_belt_is_a_state_force(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, "On Thursday, AQAP fighters ambushed Security Belt Forces near Mudiyah (Abyan).")
    assert (event.inter1, event.inter2) == (2, 1)
    assert event.actor2 == "Military Forces of Yemen (2012-) Security Belt Forces"


@pytest.mark.parametrize(
    ("town", "inter1", "inter2"),
    [
        ("Horlivka", 1, 2),  # held by the republics: the fire came from the government's side
        ("Avdiivka", 2, 1),  # held by the government: the fire came from the republics' side
    ],
)
def test_unnamed_donbas_fighting_is_ordered_by_the_side_of_the_line(pipeline, town: str, inter1: int, inter2: int) -> None:  # type: ignore[no-untyped-def]
    text = f"On Thursday, the monitors recorded clashes with small arms near {town} (Donetsk)."
    event = best(pipeline, text, dt.date(2021, 6, 3))
    assert (event.inter1, event.inter2) == (inter1, inter2)


def test_the_force_that_met_a_protest_is_the_states_not_the_protesters_party(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "On Thursday, members of the BJP staged a sit-in in Kolkata (West Bengal) until police dispersed them with batons."
    event = best(pipeline, text)
    assert (event.inter1, event.inter2) == (6, 1)
    assert event.actor2.startswith("Police Forces of India")


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday, two off-duty soldiers were shot dead at a market in Celaya (Guanajuato).",
        "On Thursday, the body of a taxi driver with gunshot wounds was found by police in a ditch in Celaya (Guanajuato).",
    ],
)
def test_off_duty_forces_and_finders_are_not_the_perpetrators(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, text)
    assert (event.inter1, event.inter2) == (3, 7)


def test_a_foreign_forces_nationality_does_not_move_the_event_abroad(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "Saudi" makes Saudi Arabia the document's country, but only Yemen has a Saada: the event is
    # there, the Saudi forces are external and the migrants they hit are civilians.
    event = best(pipeline, "On Thursday, Saudi forces shelled Shada district (Saada); three Ethiopian migrants were wounded.")
    # Coded at Yemen's country level or at a place, but not at Saudi Arabia.
    assert event.location != "Saudi Arabia"
    assert (event.inter1, event.inter2) == (8, 7)


def test_a_regimes_forces_that_beat_protesters_intervened(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, "On Thursday, Taliban fighters whipped women who were protesting for schooling in Kabul (Kabul).")
    assert (event.inter1, event.inter2) == (6, 1)


def test_the_claimant_of_a_bomb_that_hit_a_force_acts_on_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "On Thursday, a magnetic bomb stuck to a Taliban pickup exploded in Jalalabad (Nangarhar). ISKP claimed responsibility."
    event = best(pipeline, text)
    assert (event.inter1, event.inter2) == (2, 1)
    assert event.actor2 == "Military Forces of Afghanistan (2021-)"


def test_the_afghanistan_freedom_front_is_a_rebel_group(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, "On Thursday, the Afghanistan Freedom Front ambushed Taliban fighters in Andarab (Baghlan).")
    assert (event.inter1, event.inter2) == (2, 1)


@pytest.mark.parametrize(
    ("text", "inter1", "inter2"),
    [
        ("On Thursday, Russian occupation forces abducted a local council member in Melitopol (Zaporizhia).", 8, 7),
        ("On Thursday, Rosgvardia officers dispersed a rally against the occupation in Kherson (Kherson).", 6, 8),
        ("On Thursday, the Azov Regiment fought off a Russian assault in Mariupol (Donetsk).", 1, 8),
    ],
)
def test_2022_names_of_the_sides_in_ukraine(pipeline, text: str, inter1: int, inter2: int) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, text)
    assert (event.inter1, event.inter2) == (inter1, inter2)


@pytest.mark.parametrize(
    ("text", "inter1", "inter2"),
    [
        ("On Thursday, Russian and Ukrainian troops fought near Izium (Kharkiv).", 8, 1),
        ("On Thursday, Ukrainian and Russian troops fought near Izium (Kharkiv).", 1, 8),
    ],
)
def test_two_nationalities_of_one_noun_are_two_sides_in_text_order(pipeline, text: str, inter1: int, inter2: int) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, text)
    assert (event.inter1, event.inter2) == (inter1, inter2)


def test_the_perpetrator_named_in_the_sentence_before_the_victims_acts(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, "Junta troops raided Kyaukse (Mandalay) on Thursday. Four civilians were shot dead.")
    assert (event.inter1, event.inter2) == (1, 7)
    assert event.actor1.startswith("Military Forces of Myanmar")


def test_drugs_the_police_seized_belonged_to_a_gang(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "On Thursday, in Londrina, Parana, federal police officers seized two tons of cocaine hidden in a lorry on the BR-369."
    event = best(pipeline, text)
    assert event.sub_event_type == "Looting/property destruction"
    assert (event.inter1, event.actor2, event.inter2) == (1, "Unidentified Gang (Brazil)", 3)


def test_south_asian_paramilitaries_are_state_forces(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = best(pipeline, "On Thursday, militants ambushed a CRPF road-opening party in Pulwama (Jammu and Kashmir); two jawans died.")
    assert event.inter2 == 1 or event.inter1 == 1
    assert "Central Reserve Police Force" in event.actor1 + event.actor2


def test_a_states_army_and_police_named_together_are_one_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "On Thursday, security forces comprising the army, CRPF and police killed two HM militants in Shopian (Jammu and Kashmir)."
    event = best(pipeline, text)
    assert (event.inter1, event.inter2) == (1, 2)
