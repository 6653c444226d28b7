"""UCDP's headlines read right (issue 16): a monitor's headline placed in the country it reports on, not at a
look-alike abroad. Hand-written headlines in SOHR's style, through the default pipeline."""

from __future__ import annotations

import datetime as dt

from frontline.geo.dateline import outlet_country
from frontline.records import Article


def test_a_monitor_of_one_country_is_that_countrys_outlet() -> None:
    assert outlet_country("SOHR") == "SY"
    assert outlet_country("Syrian Observatory for Human Rights") == "SY"
    assert outlet_country("Reuters") is None
    assert outlet_country(None) is None


def events(pipeline, text: str, source: str | None):  # type: ignore[no-untyped-def]
    return pipeline.extract(Article(id="h", text=text, published=dt.date(2016, 5, 1), source=source))


def test_a_monitors_headline_is_placed_in_its_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    headline = "Warplanes target the city of Palmyra"
    placed = events(pipeline, headline, "SOHR")
    assert placed and all(e.country == "Syria" for e in placed)
    assert any(e.location == "Tadmur" for e in placed)


def test_a_dated_line_of_place_names_tells_no_event() -> None:
    from frontline.events.typing_model import LearnedTyper

    typer = LearnedTyper()
    stub = "April 28th 2017: (S656) Al Raqqa al Samra village near al Karama, Raqqa governorate, Syria"
    assert typer.type_sentence(stub, stub) == []
    # A dated line that tells a happening keeps it; so does an undated headline with no trigger word.
    told = "March 29th 2017: airstrikes target Al Safsaf village near Tabaqa"
    assert typer.type_sentence(told, told)
    assert typer.type_sentence("IS executes 8 in Tadmur", "IS executes 8 in Tadmur")


def test_a_monitors_headline_does_not_fall_back_to_a_namesake_abroad(pipeline) -> None:  # type: ignore[no-untyped-def]
    headline = "Aerial bombardment kills 6 civilians in Khan al-Shekh"
    # From an outlet of no one country, the last resort takes "Khan" at its largest namesake (Haan, Germany).
    assert [e.country for e in events(pipeline, headline, "Reuters")] == ["Germany"]
    # SOHR reports on Syria: no German town; Syria has no "Khan" of that size, so no place.
    assert all(e.country != "Germany" for e in events(pipeline, headline, "SOHR"))


def test_a_monitors_headline_with_no_place_is_in_its_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    headline = "Regime forces ambush and kill 8 rebels in Jobar"  # a Damascus district the gazetteer lacks
    assert [e.country for e in events(pipeline, headline, "SOHR")] == ["Syria"]
    # From an outlet of no one country nothing says where: no country.
    assert [e.country for e in events(pipeline, headline, "Reuters")] == [""]


def test_a_sides_nationality_does_not_move_a_monitors_headline_abroad(pipeline) -> None:  # type: ignore[no-untyped-def]
    for headline, elsewhere in (
        ("Russian warplanes kill 3 and wound others in a regime-held town", "Russia"),
        ("Turkish jets hit 39 Islamic State targets, kill four militants", "Turkey"),
    ):
        assert [e.country for e in events(pipeline, headline, "SOHR")] == ["Syria"]
        # A wire's headline keeps the acting side's country (nothing else says where).
        assert [e.country for e in events(pipeline, headline, "Reuters")] == [elsewhere]
    # A country the headline names is where it happened, whoever reports it.
    named = "Two killed in a rocket attack on a border town in Turkey"
    assert [e.country for e in events(pipeline, named, "SOHR")] == ["Turkey"]


def test_a_lookalike_abroad_is_no_focus_of_a_monitors_headline(pipeline) -> None:  # type: ignore[no-untyped-def]
    headline = "Clashes continue in al-Marj area"  # the Eastern Ghouta's farmland; the gazetteer knows Libya's Al Marj
    assert [e.country for e in events(pipeline, headline, "Reuters")] == ["Libya"]
    assert [e.country for e in events(pipeline, headline, "SOHR")] == ["Syria"]


def test_a_monitors_spelling_of_its_countrys_place_is_placed(pipeline) -> None:  # type: ignore[no-untyped-def]
    for headline, place in (("42 killed during clashes around Menbej city", "Manbij"), ("Regime forces advance in Hendarat camp", "Handarat")):
        assert [e.location for e in events(pipeline, headline, "SOHR")] == [place]
        # From an outlet of no one country a spelling known only by its skeleton stays unplaced.
        assert [e.location for e in events(pipeline, headline, "Reuters")] == [""]
