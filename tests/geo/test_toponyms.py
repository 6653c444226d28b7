"""Place recognition and resolution on hand-written sentences, with the real default gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontline.geo.gazetteer import Gazetteer
from frontline.geo.geoparse import geoparse
from frontline.geo.toponyms import find_toponyms


@pytest.fixture(scope="module")
def gazetteer(gazetteer_path: Path):  # type: ignore[no-untyped-def]
    with Gazetteer.open(gazetteer_path, build=False) as gaz:
        yield gaz


def resolved(text: str, gazetteer: Gazetteer) -> dict[str, int | None]:
    return {r.span.text: (r.place.geonameid if r.place else None) for r in geoparse(text, gazetteer)}


@pytest.mark.parametrize("spelling", ["Kansaba", "Kinsabba", "Kinnsibba", "Kensaba"])
def test_transliterations_of_kansaba(spelling: str, gazetteer: Gazetteer) -> None:
    text = f"Syrian rebels seized the town of {spelling} in Latakia province."
    assert resolved(text, gazetteer)[spelling] == 167863


@pytest.mark.parametrize(
    ("headline", "name"),
    [("Rebels seize Kansaba", "Kansaba"), ("Regime air strikes kill 12 in Ma'arat al-Nu'man", "Ma'arat al-Nu'man")],
)
def test_a_headline_names_a_place_known_in_one_country_only(headline: str, name: str, gazetteer: Gazetteer) -> None:
    """A headline names no country to vouch for the name; the recognition filter learned from US news scores
    such names low, but where an act happened, a name known in Syria alone is that place."""
    found = {c.span.text: {p.country_code for p in c.places} for c in find_toponyms(headline, gazetteer)}
    assert found.get(name) == {"SY"}


def test_a_large_city_of_the_reports_own_country_is_the_city(gazetteer: Gazetteer) -> None:
    """"X continues" is mostly a person in the filter's US news; in a report from Bogota, Medellin is the city."""
    text = "Bogota, 7 Sep 89 -- [text] Medellin continues to live through a wave of terror."
    found = {c.span.text: {p.country_code for p in c.places} for c in find_toponyms(text, gazetteer)}
    assert "CO" in found.get("Medellin", set())
    # Without a country the text surely names, the filter's reading stands.
    assert "Medellin" not in {c.span.text for c in find_toponyms("Medellin continues to live through a wave of terror.", gazetteer)}


@pytest.mark.parametrize("possessive", ["Syria's", "Syrias"])
def test_a_possessive_ends_one_name_and_the_next_word_starts_another(possessive: str, gazetteer: Gazetteer) -> None:
    # scraped text often loses the apostrophe ("Syrias Aleppo"); either way both places are read
    names = {c.span.text for c in find_toponyms(f"Barrel bombs killed 15 civilians in {possessive} Aleppo on Saturday.", gazetteer)}
    assert {"Syria", "Aleppo"} <= names


def test_words_that_are_not_places(gazetteer: Gazetteer) -> None:
    text = (
        "More than 200 people fled. SANA said the Arab Spring began in 2011. "
        "The Britain-based Syrian Observatory for Human Rights said fighting continued in Aleppo."
    )
    places = {k: v for k, v in resolved(text, gazetteer).items() if v is not None}
    assert "More" not in places and "SANA" not in places and "Spring" not in places
    assert "Britain" not in places
    assert "Aleppo" in places


def test_given_spans_use_the_whole_text_for_context(gazetteer: Gazetteer) -> None:
    text = "Rebels seized the strategic town of Kansaba in Latakia province, near the Turkish border."
    start = text.index("Kansaba")
    (only,) = geoparse(text, gazetteer, [(start, start + len("Kansaba"))])
    assert only.place is not None and only.place.geonameid == 167863


def test_bad_span_is_a_clear_error(gazetteer: Gazetteer) -> None:
    with pytest.raises(ValueError, match="outside the text"):
        geoparse("short", gazetteer, [(3, 99)])


def test_an_imported_entry_named_as_its_own_country_stands_in_for_the_country() -> None:
    from frontline.geo.toponyms import without_stand_ins
    from frontline.records import Place

    country = Place(163843, "Syria", 35.0, 38.0, "SY", feature_class="A", feature_code="PCLI")
    stand_in = Place(-1, "Syria", 36.23, 36.51, "SY", "Idlib", feature_class="A", feature_code="ADM1", source="ucdp")
    namesake = Place(-2, "Qatar", 36.2, 37.5, "SY", "Aleppo", source="ucdp")
    qatar = Place(289688, "Qatar", 25.5, 51.25, "QA", feature_class="A", feature_code="PCLI")
    assert without_stand_ins((country, stand_in)) == (country,)
    assert without_stand_ins((stand_in,)) == (stand_in,)  # no country among the candidates: nothing stands in
    assert without_stand_ins((qatar, namesake)) == (qatar, namesake)  # another country's namesake is a place
