"""The learned toponym ranker: the packaged model, its picks on hand-written sentences, and its training command."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from frontline.cli import app
from frontline.geo.gazetteer import Gazetteer
from frontline.geo.geoparse import geoparse, prepare
from frontline.geo.patterns import cue_at
from frontline.geo.ranker import Ranker, RankerError
from frontline.geo.ranker_features import FEATURES, features, has_parent
from frontline.geo.resolve import document_context, focus_country


@pytest.fixture(scope="module")
def gazetteer(gazetteer_path: Path):  # type: ignore[no-untyped-def]
    with Gazetteer.open(gazetteer_path, build=False) as gaz:
        yield gaz


def picks(text: str, gazetteer: Gazetteer, **kwargs: object) -> dict[str, tuple[str, str, str, int] | None]:
    """Surface -> (country, admin1 code, feature code, geonameid) of each toponym found in ``text``."""
    return {
        r.span.text: (r.place.country_code, r.place.admin1_code, r.place.feature_code, r.place.geonameid) if r.place else None
        for r in geoparse(text, gazetteer, **kwargs)  # type: ignore[arg-type]
    }


def given(text: str, name: str, gazetteer: Gazetteer, ranker: Ranker | None = None):  # type: ignore[no-untyped-def]
    start = text.index(name)
    (only,) = geoparse(text, gazetteer, [(start, start + len(name))], ranker=ranker)
    return only.place


def test_packaged_model_loads_with_this_feature_set() -> None:
    ranker = Ranker.default()
    assert ranker.features == FEATURES
    assert ranker.trees is not None
    assert 0.0 < ranker.nil_threshold < 1.0
    assert ranker.meta and ranker.meta["trained_by"] == "frontline train geoparse"


def test_scores_are_deterministic(gazetteer: Gazetteer) -> None:
    text = "Rebels shelled Jisr al-Shughur and Ariha in Idlib province, near the Turkish border."
    found, context, votes = prepare(text, gazetteer)
    doc = document_context(found, focus_country(votes), text=text, context=context, votes=votes)
    x = np.vstack([features(c, doc) for c in found])
    first = Ranker.default().probabilities(x)
    again = Ranker.load().probabilities(x)  # a second, independent load of the same file
    assert np.array_equal(first, again)
    # No state carried between documents: another document in between changes nothing.
    before = picks(text, gazetteer)
    picks("Gunmen attacked a bus near Aleppo and in Homs on Monday.", gazetteer)
    assert picks(text, gazetteer) == before and before["Idlib"] is not None


def test_saved_model_scores_like_the_original(gazetteer: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "ranker.json"
    Ranker.default().save(path)
    text = "The council of Paris, Texas met on Monday."
    found, context, votes = prepare(text, gazetteer)
    doc = document_context(found, focus_country(votes), text=text, context=context, votes=votes)
    x = np.vstack([features(c, doc) for c in found])
    assert np.allclose(Ranker.load(path).probabilities(x), Ranker.default().probabilities(x))


def test_a_broken_model_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "features": ["log_population"]}', encoding="utf-8")
    with pytest.raises(RankerError, match="bad.json"):
        Ranker.load(bad)


@pytest.mark.parametrize(
    "variants",
    [
        ("Kansaba", "Kinsabba", "Kinnsibba", "Kensaba"),
        ("Jabal al-Akrad", "Jabal Akrad"),
        ("Jisr al-Shughur", "Jisr ash-Shughur"),
    ],
)
def test_transliteration_variants_resolve_to_one_entry(variants: tuple[str, ...], gazetteer: Gazetteer) -> None:
    found = set()
    for name in variants:
        text = f"Syrian rebels attacked {name} in the north of Latakia and Idlib provinces."
        place = given(text, name, gazetteer)
        assert place is not None, name
        found.add(place.geonameid)
    assert len(found) == 1, (variants, found)


def test_parent_place_changes_the_pick(gazetteer: Gazetteer) -> None:
    texts = {
        "TX": "The council of Paris, Texas, voted on the budget.",
        "TN": "The council of Paris, Tenn., voted on the budget.",
        "FR": "The council of Paris, France, voted on the budget.",
    }
    got = {}
    for expected, text in texts.items():
        place = given(text, "Paris", gazetteer)
        assert place is not None and place.feature_class == "P"
        got[expected] = (place.country_code, place.admin1_code)
    assert got["TX"] == ("US", "TX")
    assert got["TN"] == ("US", "TN")
    assert got["FR"][0] == "FR"


def test_province_cue_picks_the_region(gazetteer: Gazetteer) -> None:
    assert picks("Clashes erupted in Idlib province on Monday.", gazetteer)["Idlib"] == ("SY", "12", "ADM1", 169387)
    city = picks("Clashes erupted in the city of Idlib on Monday.", gazetteer)["Idlib"]
    assert city is not None and city[2].startswith("PPL")


def test_implied_places_of_given_spans(gazetteer: Gazetteer) -> None:
    state = given("A man from Nashville, Tenn. was held.", "Tenn.", gazetteer)
    assert state is not None and (state.country_code, state.admin1_code, state.feature_code) == ("US", "TN", "ADM1")
    country = given("The Russian envoy arrived.", "Russian", gazetteer)
    assert country is not None and (country.country_code, country.feature_code) == ("RU", "PCLI")


def test_regions_abbreviations_and_demonyms_of_given_spans(gazetteer: Gazetteer) -> None:
    def where(text: str, name: str) -> tuple[str, str, str] | None:
        place = given(text, name, gazetteer)
        return (place.country_code, place.admin1_code, place.feature_code) if place else None

    assert where("Floods hit towns across NSW on Friday.", "NSW") == ("AU", "02", "ADM1")
    assert where("Bushfires burn in Qld.", "Qld") == ("AU", "04", "ADM1")
    assert where("The mayor of Albany, NY said on Monday.", "NY") == ("US", "NY", "ADM1")
    assert where("Many Ohioans voted early.", "Ohioans") == ("US", "OH", "ADM1")
    assert where("The bird flu spread across Europe this winter.", "Europe") == ("", "", "CONT")
    assert where("Aid reached camps in Darfur.", "Darfur") == ("SD", "", "RGN")
    assert where("Cases rose in West Africa.", "West Africa") == ("", "", "RGN")


def test_bracketed_parent_and_bare_county_names(gazetteer: Gazetteer) -> None:
    # "X (Y)" qualifies X like "X, Y" does (ACLED's notes write places this way).
    def parented(text: str, name: str) -> bool:
        found, context, votes = prepare(text, gazetteer)
        doc = document_context(found, focus_country(votes), text=text, context=context, votes=votes)
        return any(has_parent(c, doc) for c in found if c.span.text == name)

    assert parented("On 22 March 2022, in Aguai (Sao Paulo), a man was killed.", "Aguai")
    assert parented("Fighting was reported in Kafr Nabl (Idlib, Syria) on Monday.", "Kafr Nabl")
    assert not parented("Fighting was reported in Kafr Nabl (the town) on Monday.", "Kafr Nabl")
    assert not parented("Officials in Aleppo (Syria's second city) said on Monday.", "Aleppo")
    # A county is found by its bare name, unless a town of the county bears it: "Philadelphia" is the city.
    assert [p.name for p in gazetteer.lookup("Gwinnett") if p.feature_code == "ADM2"] == ["Gwinnett County"]
    assert all(p.feature_code != "ADM2" for p in gazetteer.lookup("Philadelphia"))
    assert picks("Protesters marched in Philadelphia on Monday.", gazetteer)["Philadelphia"][:3] == ("US", "PA", "PPL")  # type: ignore[index]


def test_found_words_that_are_not_places_stay_unresolved(gazetteer: Gazetteer) -> None:
    # Look-alikes of foreign places in a Syrian report: the model (and the NIL threshold) drop them.
    got = picks("Assad's forces shelled Kansaba, the Zaman al-Wasl reporter said, as Rasha fled to Latakia.", gazetteer)
    assert got.get("Assad") is None and got.get("Rasha") is None
    assert got["Kansaba"] is not None and got["Kansaba"][3] == 167863


# A tiny LGL-format corpus, written here: two documents about Paris, Texas and one about Paris, France.
_LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
{articles}
</articles>
"""
_ARTICLE = """<article docid="{id}"><text><![CDATA[{text}]]></text><toponyms>{toponyms}</toponyms></article>"""
_TOPONYM = """<toponym><start>{start}</start><end>{end}</end><phrase>{name}</phrase>
<gaztag geonameid="{gid}"><name>{name}</name><lat>{lat}</lat><lon>{lon}</lon></gaztag></toponym>"""


def _write_lgl(folder: Path) -> None:
    docs = [
        ("d1", "Paris police said a man from Paris, Texas was held in Dallas.",
         [("Paris", 31.0, 0, 33.6609, -95.5555), ("Texas", 0, 0, 31.25, -99.25), ("Dallas", 0, 0, 32.7831, -96.8067)]),
        ("d2", "Officials in Paris and Dallas met in Texas on Monday.",
         [("Paris", 0, 0, 33.6609, -95.5555), ("Dallas", 0, 0, 32.7831, -96.8067), ("Texas", 0, 0, 31.25, -99.25)]),
        ("d3", "Tourists in Paris and Lyon, France, were warned.",
         [("Paris", 0, 0, 48.8534, 2.3488), ("Lyon", 0, 0, 45.7485, 4.8467), ("France", 0, 0, 46.0, 2.0)]),
    ]  # fmt: skip
    articles = []
    for doc_id, text, tops in docs:
        spans, at = [], 0
        for name, _a, _b, lat, lon in tops:
            start = text.index(name, at)
            at = start + len(name)
            spans.append(_TOPONYM.format(start=start, end=at, name=name, gid=1, lat=lat, lon=lon))
        articles.append(_ARTICLE.format(id=doc_id, text=text, toponyms="".join(spans)))
    (folder / "geoparsing").mkdir(parents=True)
    (folder / "geoparsing" / "lgl.xml").write_text(_LGL.format(articles="\n".join(articles)), encoding="utf-8")


@pytest.mark.parametrize("model", ["trees", "logistic"])
def test_training_command_writes_a_usable_model(model: str, tmp_path: Path, gazetteer_path: Path, gazetteer: Gazetteer) -> None:
    _write_lgl(tmp_path / "data")
    out = tmp_path / "model.json"
    result = CliRunner().invoke(
        app,
        ["train", "geoparse", "--data", str(tmp_path / "data"), "--corpus", "lgl", "--model", model,
         "--output", str(out), "--gazetteer", str(gazetteer_path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["meta"]["counts"]["lgl"]["documents"] == 3
    assert data["meta"]["counts"]["lgl"]["spans"] == 9
    ranker = Ranker.load(out)
    assert (ranker.trees is not None) == (model == "trees")
    place = given("Officials in Paris and Dallas met in Texas.", "Paris", gazetteer, ranker)
    assert place is not None and place.feature_class == "P"


def test_training_command_names_a_missing_corpus(tmp_path: Path, gazetteer_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["train", "geoparse", "--data", str(tmp_path), "--output", str(tmp_path / "m.json"), "--gazetteer", str(gazetteer_path)]
    )
    assert result.exit_code == 2
    assert "lgl.xml" in result.output


def test_a_lone_name_goes_to_the_prominent_place_it_names(gazetteer: Gazetteer) -> None:
    """One place in the report: Kandahar is Afghanistan's city, not a town of 25,000 in India.

    The model trained on the merged code once sent it to India: LGL's one-place local stories, each
    repeating its town's name, outweighed the rest until repeated mentions were down-weighted.
    """
    place = given("On Thursday, a man was shot dead by gunmen in Kandahar.", "Kandahar", gazetteer)
    assert place is not None and (place.country_code, place.feature_code) == ("AF", "PPL")


def _with_imported_village(gazetteer: Gazetteer, text: str, name: str, country: str, *, imported: bool = True):  # type: ignore[no-untyped-def]
    """``name``'s candidates in ``text`` plus a user-imported village of that name (population 0, one name)."""
    import dataclasses

    from frontline.geo.ranker import choose
    from frontline.records import Place

    start = text.index(name)
    found, context, votes = prepare(text, gazetteer, [(start, start + len(name))])
    village = Place(-(1 << 41), name, 35.0, 38.0, country, source="ucdp", population=0, n_names=1, imported=imported)
    # The default build's own UCDP entry of that name (Buraydah is a Syrian village there too) is left out:
    # the made-up village stands for it.
    known = tuple(p for p in found[0].places if p.source != "ucdp")
    candidate = dataclasses.replace(found[0], places=(*known, village))
    doc = document_context([candidate], focus_country(votes), text=text, context=context, votes=votes)
    place, _prob = choose(candidate, doc, Ranker.default())
    return place, village


def test_the_users_import_wins_among_same_named_places(gazetteer: Gazetteer) -> None:
    text = "Fighting was reported in Buraydah and in Damascus, Syria, on Monday."
    place, village = _with_imported_village(gazetteer, text, "Buraydah", "SY")
    assert place == village
    # The bonus is the reason: the same village, not imported, loses to Saudi Arabia's city.
    place, village = _with_imported_village(gazetteer, text, "Buraydah", "SY", imported=False)
    assert place is not None and place != village and place.country_code == "SA"
    # Where the text names the country as the parent ("Buraydah, Syria"), the parent decides.
    place, village = _with_imported_village(gazetteer, "Fighting was reported in Buraydah, Syria.", "Buraydah", "SY", imported=False)
    assert place == village


def test_the_import_bonus_is_not_a_filter(gazetteer: Gazetteer) -> None:
    # Against the document's own country ("X, Saudi Arabia") an imported Syrian village gets no bonus.
    place, village = _with_imported_village(gazetteer, "Fighting was reported in Buraydah, Saudi Arabia.", "Buraydah", "SY")
    assert place is not None and place.country_code == "SA"
    # A big city of the document's country still beats an imported hamlet of the same name.
    place, village = _with_imported_village(gazetteer, "Shelling hit Aleppo, Syria, on Monday.", "Aleppo", "SY")
    assert place is not None and place != village and place.population > 1_000_000


def test_with_no_context_a_village_of_unknown_population_does_not_beat_a_city(gazetteer: Gazetteer) -> None:
    """"A rally in Mashhad": the shipped trees gave a village of unknown population in Afghanistan 1.0 and
    Iran's city of 2.3 million 0.92; with no other place and no country in the text, the city wins."""
    place = given("On 28 June 2016, relatives of prisoners held a rally in Mashhad.", "Mashhad", gazetteer)
    assert place is not None and place.country_code == "IR"


def test_names_with_a_single_entry_anchor_the_others(gazetteer: Gazetteer) -> None:
    text = "Deputies from Spartanburg and Gaffney searched Duncan on Friday."
    at = text.index("Duncan")
    found, context, votes = prepare(text, gazetteer, [(at, at + 6)])
    doc = document_context(found, focus_country(votes), text=text, context=context, votes=votes)
    (duncan,) = found
    x = features(duncan, doc)
    col = {name: i for i, name in enumerate(FEATURES)}
    areas = [(p.country_code, p.admin1_code) for p in duncan.places]
    near = areas.index(("US", "SC"))  # Spartanburg and Gaffney have one entry each, both in South Carolina
    far = areas.index(("US", "OK"))
    assert x[near, col["anchor_admin1"]] == pytest.approx(np.log1p(2))
    assert x[far, col["anchor_admin1"]] == 0.0
    assert x[near, col["anchor_distance"]] < x[far, col["anchor_distance"]] < 1.0
    assert not x[:, col["no_anchor"]].any()
    alone_text = "Deputies searched Duncan on Friday."
    at = alone_text.index("Duncan")
    found, context, votes = prepare(alone_text, gazetteer, [(at, at + 6)])
    doc = document_context(found, focus_country(votes), text=alone_text, context=context, votes=votes)
    alone = features(found[0], doc)
    assert alone[:, col["no_anchor"]].all() and (alone[:, col["anchor_distance"]] == 1.0).all()


def test_a_parent_place_is_obeyed_unless_the_name_is_a_state_or_country(gazetteer: Gazetteer) -> None:
    # The Texas town of Paris is smaller than the French capital; its parent decides.
    assert given("The fire started in Paris, Texas, on Monday.", "Paris", gazetteer).country_code == "US"
    # "Texas, Georgia and Florida" is a list of states: "Georgia" is no parent of Texas.
    place = given("Storms hit Texas, Georgia and Florida on Monday.", "Texas", gazetteer)
    assert (place.country_code, place.feature_code) == ("US", "ADM1")


def test_given_spans_the_gazetteer_lacks_take_the_place_their_name_is_made_of(gazetteer: Gazetteer) -> None:
    # Rivers, townships and parts of cities have no entry in the default gazetteer; a given span is a place,
    # and the place its name is made of is the nearest entry there is (with no variant it stays unresolved).
    def where(text: str, name: str) -> tuple[str, str, str, str] | None:
        place = given(text, name, gazetteer)
        return (place.name, place.country_code, place.admin1_code, place.feature_code) if place else None

    assert where("He was held in Loudon Co. on Monday.", "Loudon Co.") == ("Loudon County", "US", "TN", "ADM2")
    south = where("Shots were fired in South Los Angeles on Monday.", "South Los Angeles")
    assert south is not None and south[:3] == ("Los Angeles", "US", "CA")
    port = where("Ships queued at the Port of Los Angeles.", "Port of Los Angeles")
    assert port is not None and port[:3] == ("Los Angeles", "US", "CA")
    # What is left must be a name: "North Eastern" is not "Eastern".
    assert where("Floods hit North Eastern on Monday.", "North Eastern") is None


def test_a_state_cue_picks_the_state_not_the_capital_named_after_it(gazetteer: Gazetteer) -> None:
    def code(text: str) -> str | None:
        place = given(text, "Washington", gazetteer)
        return place.feature_code if place else None

    assert code("A cow from a Washington state farm tested positive.") == "ADM1"
    assert code("The case was found in the state of Washington in December.") == "ADM1"
    assert code("Talks between Washington and Moscow resumed on Monday.") == "PPLC"
    # "State" in capitals begins a name ("Washington State University"), it is no cue.
    assert cue_at("Students at Washington State University fell ill.", 12, 22) is None
    assert cue_at("A cow from a Washington state farm tested positive.", 13, 23) == "state"


def test_a_list_of_states_or_countries_gives_its_members_kind(gazetteer: Gazetteer) -> None:
    def kind(text: str, name: str) -> tuple[str, str]:
        place = given(text, name, gazetteer)
        return (place.country_code, place.feature_code)

    # Every other name of the list can be a US state: Washington is the state, not the capital (which the model
    # alone picks here, after "Washington, D.C." opened the text).
    text = (
        "The outbreak was announced in Washington, D.C., where officials said the states reporting illnesses are "
        "Arizona, California, Colorado, Georgia, Illinois, Missouri, New Jersey, New Mexico, New York, Ohio, "
        "Oklahoma, Oregon, Tennessee, Utah, Washington and Wisconsin."
    )
    at = text.rindex("Washington")
    (listed,) = geoparse(text, gazetteer, [(at, at + len("Washington"))])
    assert listed.place is not None and (listed.place.country_code, listed.place.feature_code) == ("US", "ADM1")
    (first,) = geoparse(text, gazetteer, [(30, 40)])
    assert first.place is not None and first.place.feature_code == "PPLC"
    assert kind("Cases occurred in Alberta, Manitoba, Ontario and New Brunswick.", "New Brunswick") == ("CA", "ADM1")
    # ... and every other name a country: Kuwait the country, not its capital.
    assert kind("Flights to Iraq, Jordan and Kuwait resumed on Monday.", "Kuwait") == ("KW", "PCLI")
    # A comma that gives a parent is no list: "Washington, D.C." is the city.
    assert kind("Fans came from as far as Texas and Washington, D.C., to eat.", "Washington") == ("US", "PPLC")
    # Two names are no list, and a list of towns leaves the model's pick alone.
    assert kind("Talks between Washington and Moscow resumed on Monday.", "Washington") == ("US", "PPLC")
    assert kind("He toured Paris, London and Berlin last year.", "Paris") == ("FR", "PPLC")
    # A pick inside the listed area is the area's own town, left to the event pipeline: Idlib the city.
    assert kind("Bombardment targets Idlib, Damascus, and Lattakia", "Idlib") == ("SY", "PPL")


def test_a_parent_after_a_compass_word_is_obeyed(gazetteer: Gazetteer) -> None:
    text = "Typhoid broke out in Delmas, north-east South Africa, and Delmas council members hid."
    at = text.index("Delmas")
    first, second = geoparse(text, gazetteer, [(at, at + 6), (text.rindex("Delmas"), text.rindex("Delmas") + 6)])
    # Haiti's Delmas is far larger; the parent after "north-east" says which one, and the bare repeat follows.
    assert first.place is not None and first.place.country_code == "ZA"
    assert second.place is not None and second.place.geonameid == first.place.geonameid
    # A name that begins with a compass word is the parent itself, not a compass word before it.
    assert given("Flooding hit Tyler, East Texas, on Monday.", "Tyler", gazetteer).country_code == "US"
