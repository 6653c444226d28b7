"""One reading per event (issue 24, "Real wire news"): a wire dateline is evidence for the document's
country, and a nation given to an actor is one the text supports. Hand-written sentences."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from frontline.geo.dateline import dateline_country
from frontline.geo.gazetteer import Gazetteer
from frontline.geo.resolve import country_votes
from frontline.pipeline import Result
from frontline.records import Article, Event

FILED = "SAN SALVADOR, 12 JAN 90 (RADIO NOTICIAS) -- [TEXT] "


def read(pipeline, text: str) -> Result:  # type: ignore[no-untyped-def]
    result: Result = pipeline.process(Article(id="t", text=text, published=dt.date(1990, 1, 12)))
    return result


def nations(result: Result) -> str:
    """The actors' names and the events' countries, as one string to search."""
    actors = [m.name for m in result.annotated.actors]
    return " ".join([*actors, *(f"{e.actor1} {e.actor2} {e.country}" for e in result.events)])


@pytest.fixture(scope="module")
def gazetteer(pipeline) -> Gazetteer:  # type: ignore[no-untyped-def]
    return pipeline.gazetteer


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("SAN SALVADOR, 12 JAN 90 (RADIO NOTICIAS) -- [TEXT] GUNMEN", "SV"),
        ("TEL AVIV (ISRAEL), 12 NOV 89 (ARMY RADIO) -- [EXCERPT] THE", "IL"),
        ("KABUL, March 3 (Reuters) - Gunmen killed two people", "AF"),
        ("BEIRUT (AP) — Two people were killed", "LB"),
        ("CLANDESTINE, 13 NOV 89 (RADIO NOTICIAS) -- [TEXT] ATTENTION", None),
        # No place, but a domestic outlet: the FMLN's radio reports on El Salvador (data/outlets.tsv).
        ("CLANDESTINE, NO DATE (RADIO VENCEREMOS) -- [TEXT] ATTENTION", "SV"),
        ("Clandestine, No Date (Radio Venceremos) -- [Text] Attention", "SV"),  # as the truecaser gives it
        ("Gunmen - two people were killed", None),  # neither a date nor an agency: no dateline
        ("On 3 March, gunmen killed two people in Kabul.", None),
    ],
)
def test_a_dateline_names_where_the_report_was_filed(gazetteer: Gazetteer, text: str, country: str | None) -> None:
    assert dateline_country(text, gazetteer) == country


def test_the_dateline_decides_an_ambiguous_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    # San Salvador is El Salvador's capital and a Bahamian island: the dateline says which.
    result = read(pipeline, FILED + "GUNMEN KILLED TWO PEOPLE IN SAN SALVADOR.")
    assert result.annotated.country_code == "SV"
    assert "Unidentified Armed Group (El Salvador)" in nations(result) and "Bahamas" not in nations(result)


def test_without_a_dateline_no_nation_the_text_does_not_support(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in ("GUNMEN KILLED TWO PEOPLE IN SAN SALVADOR.", "Gunmen killed two people in San Salvador."):
        assert "Bahamas" not in nations(read(pipeline, text))
    assert "Unidentified Armed Group (El Salvador)" in nations(read(pipeline, "Gunmen killed two people in San Salvador."))


def test_a_demonym_in_capitals_votes(gazetteer: Gazetteer) -> None:
    assert country_votes([], "SALVADORAN TROOPS FIRED ON THE CROWD.", gazetteer).get("SV") == 1.0
    # In ordinary text an all-capital word is an acronym or a headline, not a demonym.
    assert "SV" not in country_votes([], "The SALVADORAN desk said troops fired.", gazetteer)


def test_the_dateline_outweighs_a_foreign_country_named_once(pipeline) -> None:  # type: ignore[no-untyped-def]
    result = read(pipeline, FILED + "TROOPS CLASHED WITH REBELS NORTH OF THE CAPITAL, A U.S. OFFICIAL SAID.")
    assert result.annotated.country_code == "SV" and "United States" not in nations(result)


def test_a_city_named_often_does_not_vote_for_its_small_namesake(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "San Salvador" is also a Bahamian district of 831 people: three mentions of the capital are not
    # three votes for the Bahamas (they outvoted the dateline before).
    text = FILED + "FIGHTING BROKE OUT IN SAN SALVADOR. SAN SALVADOR IS SHAKEN. REBELS ATTACKED SAN SALVADOR."
    result = read(pipeline, text)
    assert result.annotated.country_code == "SV"
    assert "Bahamas" not in nations(result)


def test_a_name_split_over_a_telex_line_is_one_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    # A telex wraps its paragraphs at about 70 columns, whatever the words (blank lines between paragraphs).
    text = (
        "CLANDESTINE, NO DATE (RADIO VENCEREMOS) -- [TEXT] ATTENTION, PLEASE.\n\n"
        "   LAST NIGHT UNIDENTIFIED GUNMEN KILLED TWO PEOPLE IN A STREET OF SAN\n"
        "SALVADOR, WITNESSES SAID.\n"
    )
    result = read(pipeline, text)
    names = [m.span.text for m in result.annotated.places if m.place is not None]
    assert "SAN\nSALVADOR" in names
    assert {e.country for e in result.events} == {"El Salvador"}


def test_a_look_alike_abroad_is_not_the_place_when_the_dateline_anchors_the_report(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Berlin is also a town of Usulutan: in a Salvadoran report that never mentions Germany, "BERLIN"
    # is not Germany's capital, and no actor becomes German.
    result = read(pipeline, FILED + "REBELS RAIDED AND ATTACKED A NATIONAL POLICE POST IN BERLIN.")
    assert result.events
    assert "Germany" not in nations(result)
    assert all(m.place is None or m.place.country_code == "SV" for m in result.annotated.places)


def test_a_foreign_place_the_report_names_the_country_of_stays(pipeline) -> None:  # type: ignore[no-untyped-def]
    result = read(pipeline, FILED + "A BOMB EXPLODED IN BERLIN, GERMANY, KILLING TWO PEOPLE.")
    berlin = [m.place for m in result.annotated.places if m.span.text == "BERLIN"]
    assert berlin and berlin[0] is not None and berlin[0].country_code == "DE"


def test_a_radio_named_after_a_cause_is_an_outlet_not_a_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    result = read(pipeline, FILED + "RADIO VENCEREMOS REPORTED THAT TROOPS CLASHED WITH REBELS IN SAN SALVADOR.")
    assert "Venceremos" not in [m.name for m in result.annotated.actors]


# FINDINGS "Places and nations": FA-KES reports on the 21 August 2013 Ghouta attack placed the attack
# where a statement about it was made ("George Sabra said in Turkey", "Washington and Paris say",
# "U.S. President Barack Obama ... the United States says"); and one sentence coded twice ("fired rockets
# filled with Sarin gas": a Chemical weapon event and a shelling).


def fakes_events(pipeline, row: dict[str, str]) -> list[Event]:  # type: ignore[no-untyped-def]
    month, day, year = row["date"].split("/")
    article = Article(id="t", text=row["article_content"], published=dt.date(int(year), int(month), int(day)))
    return list(pipeline.process(article).events)


@pytest.mark.parametrize("unit", ["1926479037", "1926479274", "1926479223", "1926479260"])
def test_the_speakers_place_is_not_the_events(pipeline, fakes_rows, unit: str) -> None:  # type: ignore[no-untyped-def]
    ghouta = [e for e in fakes_events(pipeline, fakes_rows[unit]) if e.fatalities >= 1000]
    assert ghouta and {e.country for e in ghouta} == {"Syria"}


def test_a_chemical_attack_by_rockets_is_one_event(pipeline, fakes_rows) -> None:  # type: ignore[no-untyped-def]
    ghouta = [e for e in fakes_events(pipeline, fakes_rows["1926479298"]) if e.fatalities >= 1000]
    assert [e.sub_event_type for e in ghouta] == ["Chemical weapon"]


def test_a_statement_made_somewhere_does_not_place_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Regime forces shelled Douma on Monday. The attack killed 30 people, opposition leader George Sabra said in Istanbul."
    found = read(pipeline, text).events
    assert found and {e.country for e in found} == {"Syria"}  # not Turkey, where he spoke


def test_the_dateline_city_is_where_the_report_was_filed_not_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    # MUC-4 TST2-MUC4-0002, paraphrased: filed in Buenos Aires, about a bombing in Santiago de Chile.
    text = (
        "BUENOS AIRES, 13 DEC 89 (AFP) -- [TEXT] LAST NIGHT, A FEW HOURS BEFORE THE CHILEAN ELECTIONS, A VIOLENT "
        "EXPLOSION DAMAGED THE WINDOWS OF THE CONSULATE IN SANTIAGO. NO ONE WAS INJURED."
    )
    found = read(pipeline, text).events
    assert found and {(e.location, e.country) for e in found} == {("Santiago", "Chile")}
    # With no other place in its sentence, the dateline's city still places the event.
    alone = read(pipeline, "SAN SALVADOR, 12 JAN 90 (RADIO NOTICIAS) -- [TEXT] GUNMEN KILLED TWO PEOPLE LAST NIGHT.").events
    assert alone and {e.location for e in alone} == {"San Salvador"}


def test_one_event_per_place_of_a_list(pipeline) -> None:  # type: ignore[no-untyped-def]
    # MUC-4 TST1-MUC3-0073, paraphrased: ACLED (and MUC-4) code a bombing in each town of the list; the
    # dead are counted once, with the first.
    text = (
        "SANTIAGO, 29 DEC 89 (EFE) -- [TEXT] THE CULTURAL INSTITUTES IN VINA DEL MAR, TALCA, AND TEMUCO WERE THE "
        "TARGET OF BOMB ATTACKS ON THURSDAY, KILLING TWO PEOPLE."
    )
    found = read(pipeline, text).events
    assert sorted(e.location for e in found) == ["Talca", "Temuco", "Viña del Mar"]
    assert sum(e.fatalities for e in found) == 2
    # the two ends of a stretch, and a town with its department, are one place each
    between = read(pipeline, "On 7 May 2020, IS attacked regime forces between Al Sukhnah and Palmyra, killing 11 soldiers.").events
    assert len(between) == 1
    town = read(pipeline, FILED + "GUERRILLAS ATTACKED A MILITARY POST IN TECOLUCA, SAN VICENTE, AND KILLED TWO SOLDIERS.").events
    assert len(town) == 1


def test_a_country_the_sentence_names_outweighs_the_dateline(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Filed in Rome and told by Rome's foreign ministry, the kidnapping is in Colombia: the sentence names
    # the country and a town of it, one Italian place against two Colombian ones.
    text = (
        "ROME (ITALY), 28 APR 89 (ANSA) -- [TEXT] THE ROME FOREIGN MINISTRY ON FRIDAY CONFIRMED THAT TWO "
        "ITALIAN ENGINEERS WERE KIDNAPPED THURSDAY IN COLOMBIA FROM A CONSTRUCTION SITE SOME THIRTY "
        "KILOMETERS FROM THE CITY OF MEDELLIN."
    )
    events = read(pipeline, text).events
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]
    assert (events[0].location, events[0].country) == ("Medellín", "Colombia")


def test_an_event_is_not_placed_at_sea_by_a_sentence_before_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "the Pacific side" names an ocean; the attack told in the next sentence names no place and is in
    # Guatemala, not in the Pacific Ocean with no country.
    text = (
        "GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT] THE ARMY DENIED TODAY THAT GUERRILLAS ATTACKED THE "
        "PRESIDENTIAL FARM, LOCATED ON THE PACIFIC SIDE.  A REPORT BY THE CERIGUA AGENCY SAYS THAT A "
        "GUERRILLA COLUMN ATTACKED THE FARM 2 DAYS AGO AND KILLED A CIVILIAN."
    )
    events = read(pipeline, text).events
    assert events and all(e.country == "Guatemala" for e in events)
    assert all(e.location != "Pacific Ocean" for e in events)


def test_a_foreign_capital_is_no_look_alike(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Filed in Tegucigalpa, the report tells of a bomb in San Salvador, with its name broken over two telex
    # lines: El Salvador's capital, though nothing else in the report names El Salvador.
    text = (
        "TEGUCIGALPA, 29 APR 88 (VOZ DE HONDURAS NETWORK) -- [TEXT] THE\n"
        "PRESIDENT SAID THAT THERE IS NO UNREST BECAUSE OF THE LAWS PASSED\n"
        "BY CONGRESS.\n\n   THE SAME DAY INCIDENTS WERE TAKING PLACE HERE, 13 PERSONS DIED IN SAN\n"
        "SALVADOR AS A RESULT OF A BOMB EXPLOSION.  THE LOSS OF LIVES IS\nUNFORTUNATE.\n"
    )
    events = [e for e in read(pipeline, text).events if e.fatalities == 13]
    assert [(e.location, e.country) for e in events] == [("San Salvador", "El Salvador")]
    assert "Honduras" not in f"{events[0].actor1} {events[0].actor2}"


def test_a_report_filed_abroad_places_nothing_at_its_filing_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Filed in San José about Guatemala: the kidnappings are in Guatemala, not in Costa Rica's capital.
    text = (
        "SAN JOSE (COSTA RICA), 27 SEP 89 (AFP) -- [TEXT] THE GUATEMALAN STUDENTS' ASSOCIATION SAID\n"
        "TODAY THAT 12 OF ITS LEADERS WERE KIDNAPPED DURING THE LAST FEW WEEKS.\n\n   THE STUDENTS\n"
        "CALLED ON GOVERNMENTS TO SEND DELEGATIONS TO GUATEMALA TO PRESSURE THE GOVERNMENT OF\n"
        "GUATEMALA.\n\n   THEY SAID THAT THE GUATEMALAN ARMY HAS MADE GUATEMALA A COUNTRY OF FEAR AND THAT\n"
        "IN GUATEMALA NOBODY INVESTIGATES.\n"
    )
    result = read(pipeline, text)
    assert result.annotated.country_code == "GT"
    assert result.events and all(e.country == "Guatemala" for e in result.events)


def test_an_event_is_not_placed_where_an_earlier_statement_was_made(pipeline) -> None:  # type: ignore[no-untyped-def]
    # The monitor is based in Britain; the killings told after it name no place and are in Syria (FA-KES
    # 1962495735 in this shape gave a second event in the United Kingdom).
    text = (
        "US airstrikes kill 23 civilians in Syria's Deir ez-Zor. The deaths were reported by a UK-based monitoring "
        'group. "At least 23 civilians among them eight children were killed Wednesday before dawn by airstrikes '
        'carried out by the US-led coalition targeting a village on the eastern banks of the Euphrates river" said '
        "the Observatory."
    )
    events = read(pipeline, text).events
    assert events and all(e.country == "Syria" for e in events)


def test_a_foreign_country_that_acts_is_not_where_it_acts(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "Russia began air strikes" names who struck, not where: the strikes are in Syria (FA-KES gave Russia).
    text = (
        "Syrian government forces shelled the city of Idlib in northern Syria on Monday, activists in Syria said. "
        "Russia began air strikes last September in support of Assad, helping the Syrian government forces."
    )
    events = read(pipeline, text).events
    assert events and all(e.country == "Syria" for e in events)


@pytest.mark.parametrize("focus_first", [True, False])
def test_sides_agree_with_the_place_of_their_event(pipeline, focus_first: bool) -> None:  # type: ignore[no-untyped-def]
    """A sentence with no place of its own takes the report's focus for its "Islamic State militants"
    and "Kurdish fighters"; its event is placed at the Syrian town named before it. The sides must be
    of that event's country, not of the focus (Turkey, in a report told from the Turkish side)."""
    turkish = (
        "Turkish security sources said the Turkish army increased patrols on the Turkish border with Turkey's F-16s. "
        "Turkey denied the accusations, Turkish officials said. "
    )
    story = (
        "Islamic State militants attacked the Syrian town of Tall Abyad in Raqqa province on Saturday. "
        "At least 45 Islamic State militants and 20 Kurdish fighters were killed in the clashes, a monitor said."
    )
    result = read(pipeline, turkish + story if focus_first else story + " " + turkish)
    clashes = [e for e in result.events if e.sub_event_type == "Armed clash" and e.country == "Syria"]
    assert clashes, [(e.sub_event_type, e.location, e.country) for e in result.events]
    named_after = [
        (m.group(1), e.country)
        for e in clashes
        for actor in (e.actor1, e.actor2)
        if (m := re.fullmatch(r"(?:Islamic State|Unidentified Armed Group|Civilians) \((.+)\)", actor))
    ]
    assert ("Syria", "Syria") in named_after
    assert all(nation == country for nation, country in named_after), named_after


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # a country named for whose arms did it is not where: the headline's Syria is
        (("Heavy U.S. raids on Islamic State in Syria's north. Six civilians were among at least 22 people killed "
         "in U.S. air strikes on Saturday, a monitor said."), "Syria"),
        # where officials spoke is not where the strike was: the town named before them is
        (("Fighting raged in the town of Manbij on Monday, activists said. Officials in Washington said on Tuesday "
         "that the campaign would go on. Six civilians were killed in an air strike on Tuesday, the monitor said."),
         "Manbij"),
    ],
)
def test_a_strike_is_not_placed_where_its_air_force_comes_from(pipeline, text: str, where: str) -> None:  # type: ignore[no-untyped-def]
    strikes = [e for e in read(pipeline, text).events if e.sub_event_type == "Air/drone strike"]
    assert [(e.location, e.country) for e in strikes] == [(where, "Syria")]


def test_a_strong_focus_brings_a_look_alike_home(pipeline) -> None:  # type: ignore[no-untyped-def]
    """Without a dateline, a report that names Syria again and again places "Ariha" at Idlib's Ariha, not at
    Jericho (whose Arabic name it also is): nothing in the report supports Palestine."""
    text = (
        "A Syrian military aircraft crashed while on a bombing run over the rebel-held town of Ariha on Monday, "
        "leaving at least 27 people dead, Syrian activists said. The town in Syria's northwest was captured by "
        "Syrian rebels in May. Syria's war has killed more than 230,000 people."
    )
    places = {(m.span.text, m.place.country_code) for m in read(pipeline, text).annotated.places if m.place is not None}
    assert ("Ariha", "SY") in places and ("Ariha", "PS") not in places


def test_the_outlet_a_summary_cites_is_not_where(pipeline) -> None:  # type: ignore[no-untyped-def]
    """South Asian summaries end their lead with the paper they cite; the paper's town is not the event's."""
    text = (
        "Three improvised explosive devices were recovered on June 12 near a show room at Mantripukhri area in "
        "Imphal West District, reports The Assam Tribune. All three were defused by the police."
    )
    events = read(pipeline, text).events
    assert events[0].admin1 == "Manipur" and all(e.admin1 != "Assam" for e in events), [(e.location, e.admin1) for e in events]


def test_with_nothing_else_a_regional_paper_stands_for_its_province(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Two construction workers were abducted on February 27 for a ransom from a village reports Imphal Free Press."
    events = read(pipeline, text).events
    assert [(e.location, e.admin1, e.geo_precision) for e in events] == [("Manipur", "Manipur", 3)]


def test_a_region_named_by_compass_words_does_not_set_the_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"South West Garo Hills District" is in India's Meghalaya; "South West" is also a region of Cameroon,
    and of a dozen other countries: a name made of compass words votes for none of them."""
    text = (
        "A militant of the Garo National Liberation Army (GNLA) was shot dead in an encounter in a remote village "
        "in South West Garo Hills District on February 4."
    )
    result = read(pipeline, text)
    assert result.annotated.country_code == "IN"
    assert all(e.country == "India" for e in result.events), [(e.location, e.country) for e in result.events]


def test_a_country_that_qualifies_a_noun_is_a_nationality_not_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "U.S. nationals" says whose nationals, as "American" would; the police's nation says where.
    result = read(pipeline, "Gunmen shot dead two U.S. nationals near the border on Friday, Colombian police said.")
    assert [(e.country, e.fatalities) for e in result.events] == [("Colombia", 2)]
    assert "United States" not in nations(result)


def test_initials_inside_a_toll_are_read_in_capitals(pipeline) -> None:  # type: ignore[no-untyped-def]
    result = read(pipeline, "SAN SALVADOR, 13 NOV 89 (DPA) -- [TEXT] TWO U.S. CITIZENS HAVE BEEN KILLED IN THE LAST FEW HOURS, LABOR LEADERS HAVE TOLD DPA.")
    assert [(e.country, e.fatalities) for e in result.events] == [("El Salvador", 2)]


def test_a_city_in_the_outlets_name_is_not_where(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "(BOGOTA RADIO CADENA NACIONAL)" is the broadcaster, in Bogota; the report was filed in Popayan.
    result = read(pipeline, "POPAYAN, 23 MAR 90 (BOGOTA RADIO CADENA NACIONAL) -- [TEXT] THE FARC MEMBERS BLEW UP A POWER SUBSTATION AND A POWER PYLON.")
    assert result.events and {e.location for e in result.events} == {"Popayán"}


def test_where_someone_was_sent_or_came_from_is_not_the_focus(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Two mentions of the United States as a destination and an origin outvoted the dateline; each now votes
    # as a nationality does (geo.resolve._said_in_passing).
    result = read(pipeline, FILED + "GUNMEN KILLED TWO TEACHERS LAST NIGHT. THEIR BODIES WILL BE SENT TO THE UNITED STATES TODAY. "
                  "INFORMATION RECEIVED FROM THE UNITED STATES SAYS THEIR FAMILIES WERE TOLD.")
    assert result.annotated.country_code == "SV"
    assert [e.country for e in result.events] == ["El Salvador"]


@pytest.mark.parametrize(
    "text",
    [
        ("Syria air strikes kill 32 Monitor AFP Monday 2 Feb 2015 Syrian government air strikes on opposition-held towns "
         "across the country killed 32 people."),
        "Longtime Hezbollah commander killed in clashes in Syria's Aleppo province",
    ],
)
def test_a_countrys_own_name_is_never_a_province_that_stands_in_for_it(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    # UCDP's "Syria/Turkey border Idlib Governorate" gave the gazetteer a "Syria" at Idlib; it is no candidate
    # where the country itself is one.
    events = read(pipeline, text).events
    assert events and all(not (e.location == "Syria" and e.admin1) for e in events)
    assert all(e.admin1 != "Idlib" for e in events)


def test_among_countries_the_one_said_where_it_happened_is_the_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("The airstrikes come a week after President Barack Obama announced the US would intensify its campaign "
            "of airstrikes against the IS in northern Syria.")
    assert [e.country for e in read(pipeline, text).events] == ["Syria"]


@pytest.mark.parametrize("upper", [False, True])
def test_a_provinces_possessive_without_its_apostrophe(pipeline, upper: bool) -> None:  # type: ignore[no-untyped-def]
    # Scraped text loses apostrophes: "Idlibs countryside" is Idlib's countryside, near the city (geo_precision 2).
    text = "Three civilians were killed in Russian airstrikes on Idlibs countryside on Sunday."
    events = read(pipeline, text.upper() if upper else text).events
    assert [(e.location, e.geo_precision) for e in events] == [("Idlib", 2)]


def test_a_country_named_in_a_title_stands_in_when_nothing_else_places_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = read(pipeline, "Dozens of Civilians Killed in Overnight Syria Airstrikes").events
    assert [(e.country, e.geo_precision) for e in events] == [("Syria", 3)]
