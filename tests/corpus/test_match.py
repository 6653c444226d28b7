"""The pairwise judgement behind incidents: vetoes, evidence weighed by its precision, disputes, symmetry."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

from frontline.corpus.incidents import cluster
from frontline.corpus.match import (
    LINK,
    WEIGHTS,
    Report,
    compatible,
    evidence,
    grain,
    link_score,
    may_share,
    score,
    veto,
)

DAY = dt.date(2016, 5, 9)
STRIKE = Report(
    event_id="ev1", article_id="a1", source="Reuters", published=DAY, fingerprint="f1", event_date=DAY, time_precision=1,
    event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", actor1="Military Forces of Syria (2000-)",
    inter1=1, actor2="Civilians (Syria)", inter2=7, country="Syria", admin1="Idlib", admin2="", admin3="", location="Saraqib",
    geonameid=163270, latitude=35.86, longitude=36.80, geo_precision=1, fatalities=12,
)


def other(**changes: object) -> Report:
    fields: dict[str, object] = {"event_id": "ev2", "article_id": "a2", "source": "AFP", "fingerprint": "f2", **changes}
    return replace(STRIKE, **fields)  # type: ignore[arg-type]


def test_two_outlets_on_one_strike_link() -> None:
    assert link_score(STRIKE, other()) is not None


def test_an_air_strike_and_a_protest_never_link() -> None:
    protest = other(event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Syria)", inter1=6, fatalities=0)
    assert not compatible(STRIKE, protest) and score(STRIKE, protest) is None


def test_a_clash_and_an_attack_of_one_fight_may_link() -> None:
    clash = replace(STRIKE, event_type="Battles", sub_event_type="Armed clash", actor2="Opposition Rebels (Syria)", inter2=2)
    attack = other(event_type="Violence against civilians", sub_event_type="Attack", actor2="Opposition Rebels (Syria)", inter2=2)
    assert compatible(clash, attack)


def test_two_events_of_one_article_never_link() -> None:
    assert score(STRIKE, other(article_id="a1")) is None


def test_dates_apart_at_their_precision_never_link() -> None:
    assert score(STRIKE, other(event_date=DAY + dt.timedelta(days=3))) is None
    assert score(STRIKE, other(event_date=DAY + dt.timedelta(days=3), time_precision=2)) is not None  # "this week"


def test_a_village_links_to_its_province_but_not_to_another_province() -> None:
    province = other(location="Idlib", geonameid=169387, latitude=35.93, longitude=36.63, geo_precision=3)
    assert compatible(STRIKE, province)
    assert score(STRIKE, other(admin1="Hama", location="Kafr Zita", geonameid=1, latitude=35.37, longitude=36.60)) is None


def test_a_disputed_perpetrator_or_toll_lowers_the_score_without_a_veto() -> None:
    disputed = other(actor1="Opposition Rebels (Syria)", inter1=2, fatalities=100)
    assert score(STRIKE, disputed) is not None
    assert (score(STRIKE, disputed) or 0) < (score(STRIKE, other()) or 0)


def test_score_is_symmetric() -> None:
    variants = [other(), other(fatalities=40), other(geo_precision=3, location="Idlib"), other(sub_event_type="Shelling/artillery/missile attack")]
    for v in variants:
        assert score(STRIKE, v) == score(v, STRIKE)


def test_cluster_never_chains_days_that_cannot_be_one() -> None:
    days = [other(event_id=f"ev{i}", article_id=f"a{i}", event_date=DAY + dt.timedelta(days=i)) for i in range(4)]
    edges = {(a.event_id, b.event_id): s for a, b in itertools.combinations(days, 2) if (s := score(a, b)) is not None}
    assert edges, "neighbouring days link (a report a day later)"
    groups = cluster(days, edges)
    for group in groups:
        dates = sorted(d.event_date for d in days if d.event_id in group)
        assert (dates[-1] - dates[0]).days <= 1
    assert cluster(list(reversed(days)), dict(reversed(list(edges.items())))) == groups


def test_a_large_toll_told_alike_on_one_day_names_one_happening() -> None:
    # FA-KES on 21 August 2013: one report places the chemical attack in "Syria", another in a Damascus
    # suburb; 1,300 and 1,400 dead. The places say nothing for the pair; the toll does.
    syria = {"admin1": "", "location": "Syria", "geonameid": 163843, "geo_precision": 3, "latitude": 33.5, "longitude": 36.3}
    attack = replace(STRIKE, sub_event_type="Chemical weapon", fatalities=1300, **syria)  # type: ignore[arg-type]
    suburb = other(sub_event_type="Chemical weapon", fatalities=1400, admin1="Rif Dimashq", location="Al Muaddamiyah",
                   geonameid=170654, latitude=33.46, longitude=36.19)
    assert link_score(attack, suburb) is not None
    # A dozen dead told alike identifies it too where one report gives only the country (UCDP 2016: AFP's
    # "Strike kills 19 civilians in IS-held Syria village" and SOHR's "About 20 killed by airstrike targeted
    # a village near al-Bab") ...
    assert link_score(replace(attack, fatalities=12), replace(suburb, fatalities=14)) is not None
    # ... but not where the two reports name two villages: many strikes of a province's day kill a dozen
    village = replace(attack, fatalities=12, admin1="Rif Dimashq", location="Douma", geonameid=170592, geo_precision=1,
                      latitude=33.57, longitude=36.40)
    assert link_score(village, replace(suburb, fatalities=14)) is None
    assert "close_toll_apart" in evidence(village, replace(suburb, fatalities=14))


def test_a_mass_casualty_toll_told_alike_crosses_a_provincial_border_nearby() -> None:
    # FINDINGS, "One event, many reports": the Ghouta chemical attack of 21 August 2013 is placed at Damascus
    # (Dimashq province) by one report and in Eastern Ghouta (Rif Dimashq) by another, 1,300 dead in both.
    damascus = replace(STRIKE, sub_event_type="Chemical weapon", fatalities=1300, admin1="Dimashq", location="Damascus",
                       geonameid=170654, latitude=33.51, longitude=36.29)
    ghouta = other(sub_event_type="Chemical weapon", fatalities=1300, admin1="Rif Dimashq", location="Eastern Ghouta",
                   geonameid=11048299, latitude=33.50, longitude=36.44, geo_precision=3)
    assert veto(damascus, ghouta) is None and link_score(damascus, ghouta) is not None
    # Not a dozen dead (many strikes of a day kill so many), and not two provinces far apart.
    assert veto(replace(damascus, fatalities=12), replace(ghouta, fatalities=12)) == "place"
    assert veto(damascus, replace(ghouta, admin1="Homs", location="Homs", latitude=34.73, longitude=36.71)) == "place"


# Headlines of one day as the UCDP benchmark has them: no time phrase, so each is dated by its publication.
PUBLISHED = {"time_precision": 2, "event_date": DAY, "published": DAY, "fatalities": 0}
IDLIB_CITY = {"location": "Idlib", "geonameid": 169389, "latitude": 35.93, "longitude": 36.63}


def test_the_same_village_weighs_more_than_the_city_that_names_its_province() -> None:
    village = replace(STRIKE, **PUBLISHED)  # type: ignore[arg-type]
    city = replace(village, geo_precision=1, **IDLIB_CITY)  # type: ignore[arg-type]
    countryside = replace(city, geo_precision=2)  # "the countryside of Idlib": the province
    pairs = [(r, replace(r, event_id="ev2", article_id="a2", source="AFP", fingerprint="f2")) for r in (village, city, countryside)]
    scores = [score(a, b) or 0 for a, b in pairs]
    assert scores[0] > scores[1] > scores[2]
    assert link_score(*pairs[0]) is not None  # one village, one day, one sub-type: two reports of one strike
    assert link_score(*pairs[2]) is None  # one province's day: many strikes


def test_a_stated_day_weighs_more_than_a_publication_date() -> None:
    stated = score(STRIKE, other())
    published = score(replace(STRIKE, **PUBLISHED), other(**PUBLISHED))  # type: ignore[arg-type]
    assert stated is not None and published is not None
    assert stated - WEIGHTS["same_toll"] > published  # (the published pair has no toll)
    assert "same_day" in evidence(STRIKE, other()) and "same_published_day" in evidence(replace(STRIKE, **PUBLISHED), other(**PUBLISHED))  # type: ignore[arg-type]
    # ... and so does a day apart: "On 3 October" and "On 4 October" at Tall Tawil (FA-KES) against two SOHR
    # headlines of consecutive days, which are mostly two days' fighting in one town (UCDP 2016)
    later = DAY + dt.timedelta(days=1)
    assert "near_day" in evidence(STRIKE, other(event_date=later))
    assert "near_published_day" in evidence(replace(STRIKE, **PUBLISHED), other(**{**PUBLISHED, "event_date": later}))  # type: ignore[arg-type]
    assert WEIGHTS["near_day"] > WEIGHTS["near_published_day"]


def test_a_day_a_subtype_and_an_actor_never_link_without_a_place_or_toll() -> None:
    # Two villages 25 km apart in one province, the same day stated, the same sub-type and actors: the
    # province's day holds many such strikes.
    far_village = other(location="Kafr Nabl", geonameid=169945, latitude=35.61, longitude=36.56, fatalities=14)
    assert compatible(STRIKE, far_village)
    assert link_score(STRIKE, far_village) is None
    # ... even where the score reaches LINK (the same district too): nothing in it singles the strike out
    district = {"admin2": "Idlib District"}
    a, b = replace(STRIKE, **district), replace(far_village, **district)  # type: ignore[arg-type]
    assert (score(a, b) or 0) >= LINK and link_score(a, b) is None
    # ... unless a toll both give singles it out
    assert link_score(STRIKE, replace(far_village, fatalities=12)) is not None


def test_tolls_told_alike_weigh_more_the_larger_they_are() -> None:
    def toll_evidence(x: int, y: int) -> list[str]:
        names = evidence(replace(STRIKE, fatalities=x), other(fatalities=y))
        return [n for n in names if "toll" in n]

    assert toll_evidence(2, 2) == []  # many events of a day kill one or two
    assert toll_evidence(12, 14) == ["close_toll"]
    assert toll_evidence(12, 12) == ["same_toll"]
    assert toll_evidence(25, 30) == ["high_toll"]
    assert toll_evidence(60, 70) == ["large_toll"]
    assert toll_evidence(10, 100) == ["contradicting_toll"]
    assert WEIGHTS["large_toll"] > WEIGHTS["high_toll"] >= WEIGHTS["same_toll"] >= WEIGHTS["close_toll"] > 0 > WEIGHTS["contradicting_toll"]
    # Two villages of one province with 12 and 14 dead: the toll weighs little and does not single the pair out.
    apart = [n for n in evidence(STRIKE, other(location="Kafr Nabl", geonameid=169945, latitude=35.61, longitude=36.56, fatalities=14))
             if "toll" in n]
    assert apart == ["close_toll_apart"] and WEIGHTS["close_toll_apart"] < WEIGHTS["close_toll"]
    # ... nor does one told a day apart, or in a month ("In August 2016, ... 14 fatalities")
    assert "close_toll_apart" in evidence(replace(STRIKE, fatalities=12), other(fatalities=14, event_date=DAY + dt.timedelta(days=1)))
    assert "close_toll_apart" in evidence(replace(STRIKE, fatalities=12), other(fatalities=14, time_precision=3))
    # ... nor one told of two perpetrators (FA-KES, 29 July 2016: the coalition's strikes "in Syria", 15 dead,
    # and the army's on Al Atarib, 10 dead)
    syria = {"admin1": "", "location": "Syria", "geonameid": 163843, "geo_precision": 3}
    coalition = other(actor1="Global Coalition Against Daesh", fatalities=15, **syria)
    assert "close_toll_apart" in evidence(replace(STRIKE, fatalities=10), coalition)
    assert "close_toll" in evidence(replace(STRIKE, fatalities=10), replace(coalition, actor1="Unidentified Armed Group (Syria)"))


def test_a_place_inside_a_province_level_report_weighs_less_than_a_named_district() -> None:
    # "Aerial bombardment leaves dozens dead in Idlib province" and "Khan Shaykhun massacre": the province's
    # day holds many happenings, as "Aleppo" does (same_city); a village named as the other's district does not.
    province = other(location="Idlib", geonameid=169387, latitude=35.93, longitude=36.63, geo_precision=3)
    assert "in_province" in evidence(STRIKE, province)
    district = other(location="Ariha", geonameid=173193, latitude=35.81, longitude=36.61)
    assert "nested_place" in evidence(replace(STRIKE, admin2="Ariha"), district)
    assert WEIGHTS["in_province"] == WEIGHTS["same_city"] < WEIGHTS["nested_place"]


def test_an_area_inside_a_province_is_not_its_province() -> None:
    # "Renewed shelling on the Eastern Ghouta" and "airstrikes on Jisrein", one SOHR publication day: the area
    # holds some of Rif Dimashq's towns, not the whole province, so it is no "in_province" evidence and the pair
    # does not link on the day, the sub-type and the actor. Nor is the area inside a province-level report
    # ("14 airstrikes target Reef Dimashq"), though the province still holds the town.
    town = replace(STRIKE, admin1="Rif Dimashq", location="Jisrein", geonameid=170181, latitude=33.49, longitude=36.37,
                   geo_precision=1, **PUBLISHED)  # type: ignore[arg-type]
    ghouta = other(admin1="Rif Dimashq", location="Eastern Ghouta", geonameid=11048299, latitude=33.50,
                   longitude=36.44, geo_precision=3, **PUBLISHED)
    assert veto(town, ghouta) is None
    assert not {"in_province", "near_place", "nested_place"} & set(evidence(town, ghouta))
    assert link_score(town, ghouta) is None and link_score(ghouta, town) is None
    province = other(event_id="ev4", article_id="a4", fingerprint="f4", admin1="Rif Dimashq", location="Rif Dimashq",
                     geonameid=170652, latitude=33.52, longitude=36.95, geo_precision=3, **PUBLISHED)
    assert "in_province" in evidence(town, province) and "in_province" not in evidence(ghouta, province)
    assert link_score(town, province) is not None and link_score(ghouta, province) is None
    # Two reports of one area on one day say no more than before (nothing identifying).
    assert link_score(ghouta, replace(ghouta, event_id="ev3", article_id="a3", fingerprint="f3")) is None


def test_grain_reads_how_precisely_a_report_places_its_event() -> None:
    hama = replace(STRIKE, admin1="Hama", location="Ḩamāh", geonameid=170017)
    assert grain(STRIKE) == 0  # Saraqib itself
    assert grain(replace(STRIKE, geo_precision=2)) == 1  # near Saraqib
    assert grain(hama) == 2  # Hama, spelled two ways: the city that names the province
    assert grain(replace(hama, geo_precision=2)) == 3  # the countryside of Hama
    assert grain(replace(STRIKE, admin1="", location="Syria", geonameid=163843, geo_precision=3)) == 3


def test_each_veto_is_named() -> None:
    assert veto(STRIKE, other()) is None
    assert veto(STRIKE, other(article_id="a1")) == "article"
    assert veto(STRIKE, other(country="Iraq")) == "country"
    assert veto(STRIKE, other(event_date=DAY + dt.timedelta(days=3))) == "date"
    assert veto(STRIKE, other(sub_event_type="Peaceful protest")) == "sub-type"
    assert veto(STRIKE, other(admin1="Hama", location="Kafr Zita", geonameid=1, latitude=35.37, longitude=36.60)) == "place"


def test_one_articles_two_tellings_of_one_happening_may_share_an_incident() -> None:
    # FA-KES, 3 October 2016: one article tells the Tall Tawil wedding bombing as a suicide bomb (its lead)
    # and as an explosion (a witness), which in-article merging kept apart; another outlet's report links
    # to each. The guard used to keep the two apart, so the outlets' reports split along that line.
    lead = replace(STRIKE, sub_event_type="Suicide bomb", event_type="Explosions/Remote violence", fatalities=20)
    witness = replace(lead, event_id="ev1b", sub_event_type="Remote explosive/landmine/IED", fatalities=0)
    outlet = other(sub_event_type="Suicide bomb", event_type="Explosions/Remote violence", fatalities=0)
    assert veto(lead, witness) == "article" and link_score(lead, witness) is None  # never a link
    assert may_share(lead, witness)
    edges = {(a.event_id, b.event_id): s for a, b in itertools.combinations(sorted((lead, witness, outlet), key=lambda r: r.event_id), 2)
             if (s := link_score(a, b)) is not None}
    assert ("ev1", "ev2") in edges and ("ev1b", "ev2") in edges
    assert cluster([lead, witness, outlet], edges) == [frozenset({"ev1", "ev1b", "ev2"})]
    # Two events dated only by the article's publication share that day by default: it says nothing.
    published = {"time_precision": 2, "event_date": DAY, "published": DAY}
    assert not may_share(replace(lead, **published), replace(witness, **published))  # type: ignore[arg-type]
    # A title dated by publication ("Strike on Syria's Idlib kills 18") and the body's stated day may.
    assert may_share(replace(lead, **published), witness)  # type: ignore[arg-type]
    # Two villages of one province in one article stay two happenings.
    far = replace(witness, location="Kafr Nabl", geonameid=169945, latitude=35.61, longitude=36.56)
    assert not may_share(lead, far)
    assert cluster([lead, far, outlet], {("ev1", "ev2"): 3.0, ("ev1b", "ev2"): 3.0}) == [frozenset({"ev1", "ev2"}), frozenset({"ev1b"})]


def test_a_fight_and_a_bombardment_at_one_village_on_one_day_are_one_battle() -> None:
    # SOHR, 14 November 2016: "Clashes continue at the outskirts of al-Bab" and "Human losses and injuries in
    # bombardment on al-Bab", one UCDP event (one dyad, day and place).
    clash = replace(STRIKE, sub_event_type="Armed clash", event_type="Battles", **PUBLISHED)  # type: ignore[arg-type]
    shelling = other(sub_event_type="Shelling/artillery/missile attack", **PUBLISHED)
    assert veto(clash, shelling) is None and link_score(clash, shelling) is not None
    # Not a day apart, not at a city that names its province ("Aleppo": its fights and strikes of a day are many),
    # and never with a sub-type outside a battle.
    assert veto(clash, replace(shelling, event_date=DAY + dt.timedelta(days=1))) == "sub-type"
    assert veto(replace(clash, **IDLIB_CITY), replace(shelling, **IDLIB_CITY)) == "sub-type"  # type: ignore[arg-type]
    assert veto(clash, replace(shelling, sub_event_type="Suicide bomb")) == "sub-type"
    assert veto(replace(clash, time_precision=3), replace(shelling, time_precision=3)) == "sub-type"  # "in May 2015"
