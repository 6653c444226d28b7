"""Importers (GeoNames dumps + alternateNamesV2, UCDP GED, ACLED), FTS search, rtree near() and the CLI.

Each test imports into its own copy of a small gazetteer built from ``tests/data/cities_fixture.json``.
The imported files are the hand-written fixtures in ``tests/fixtures/gazetteer`` (see its README).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontline.cli import app
from frontline.geo.gazetteer import (
    Gazetteer,
    GazetteerError,
    build_gazetteer,
    detect_format,
    import_places,
    parse_ucdp_place,
    stable_id,
)
from frontline.geo.geoparse import geoparse

DATA = Path(__file__).parents[1] / "data"
FIX = Path(__file__).parents[1] / "fixtures" / "gazetteer"
CITIES = DATA / "cities_fixture.json"
EXTRACT = FIX / "SY_extract.txt"
BAD_DUMP = FIX / "geonames_bad.txt"
ALTERNATES = FIX / "alternateNamesV2.txt"
UCDP = FIX / "ucdp_ged.csv"
KINNSIBBA = 167863


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_gazetteer(tmp_path_factory.mktemp("imp") / "base.sqlite", cities=CITIES)


@pytest.fixture
def gpath(built: Path, tmp_path: Path) -> Path:
    path = tmp_path / "g.sqlite"
    shutil.copyfile(built, path)
    return path

# Made-up rows in ACLED's export columns (no row of ../shared/data): line 5 has no longitude.
ACLED_ROWS = (
    "event_id_cnty,event_date,year,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,notes,fatalities\n"
    "SYR90001,03 January 2022,2022,760,Middle East,Syria,Lattakia,Al Haffa,Kansaba,Kinsabba,35.7440,36.1639,1,\"Shelling hit Kinsabba, the notes say.\",0\n"
    "SYR90002,04 January 2022,2022,760,Middle East,Syria,Idleb,Jisr-Ash-Shugur,Bdama,Bdama,35.8636,36.3944,2,Clashes near Bdama.,1\n"
    "LBN90003,05 January 2022,2022,422,Middle East,Lebanon,Mount Lebanon,Aley,Salma,Salma,33.9002,35.6001,1,A protest.,0\n"
    "SYR90004,06 January 2022,2022,760,Middle East,Syria,Idleb,Ariha,Ariha,Broken Coordinates,35.81,,1,No longitude.,0\n"
    "SYR90005,07 January 2022,2022,760,Middle East,Syria,Idleb,Jisr-Ash-Shugur,Bdama,Bdama,35.8636,36.3944,1,Bdama again.,0\n"
)


@pytest.fixture
def acled(tmp_path: Path) -> Path:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_ROWS, encoding="utf-8")
    return path



def counts(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as con:
        places = con.execute("SELECT count(*) FROM places").fetchone()[0]
        names = con.execute("SELECT count(*) FROM names").fetchone()[0]
        con.execute("INSERT INTO names_fts (names_fts, rank) VALUES ('integrity-check', 1)")  # raises if the FTS drifted
        rtree = con.execute("SELECT count(*) FROM places_rtree").fetchone()[0]
    con.close()
    assert rtree == places
    return places, names


def ids(places: list) -> list[int]:  # type: ignore[type-arg]
    return [p.geonameid for p in places]


# -- GeoNames dumps -------------------------------------------------------------------------------------


def test_geonames_dump_import_keeps_ids_and_source(gpath: Path) -> None:
    before = counts(gpath)
    s = import_places(gpath, EXTRACT)
    assert (s.format, s.source, s.rows, s.bad) == ("geonames", "geonames:SY_extract.txt", 12, 0)
    # 8 invented places are new; Kinnsibbā, Latakia, Rabī‘ah and Jablah's... rows replace cities500 rows.
    assert s.added == 9 and s.updated == 3 and s.added + s.updated + s.merged + s.unchanged == 12
    assert counts(gpath)[0] == before[0] + 9
    with Gazetteer.open(gpath, build=False) as gaz:
        tall = gaz.get(900000101)
        assert tall is not None
        assert (tall.name, tall.feature_code, tall.source, tall.imported) == ("Tall Testiyah", "PPL", "geonames:SY_extract.txt", True)
        assert ids(gaz.lookup("Tal Testiya")) == [900000101]
        assert gaz.lookup("QQZ") == []  # a code, not a name
        latakia = gaz.get(173576)
        assert latakia is not None and (latakia.feature_code, latakia.admin2) == ("PPLA", "Latakia District")
        assert latakia.source == "geonames:SY_extract.txt" and latakia.imported
        damascus = gaz.get(170654)
        assert damascus is not None and damascus.source == "geonames" and not damascus.imported
        assert gaz.get(167880).population == 1500  # type: ignore[union-attr]
        assert ids(gaz.lookup("Kansaba", fuzzy=False)) == [KINNSIBBA]  # the dump's alternate names
        [jabal] = gaz.lookup("Mount Fixture")
        assert (jabal.feature_class, jabal.feature_code) == ("T", "MT")


def test_geonames_reimport_changes_nothing(gpath: Path) -> None:
    import_places(gpath, EXTRACT, alternates=ALTERNATES)
    once = counts(gpath)
    again = import_places(gpath, EXTRACT, alternates=ALTERNATES)
    assert (again.added, again.updated, again.merged, again.names_added) == (0, 0, 0, 0)
    assert again.unchanged == 12
    assert counts(gpath) == once


def test_alternate_names(gpath: Path) -> None:
    s = import_places(gpath, EXTRACT, alternates=ALTERNATES)
    assert s.bad == 1 and s.messages == [f"{ALTERNATES}:9: expected 10 tab-separated alternateNamesV2 columns, found 3"]
    with Gazetteer.open(gpath, build=False) as gaz:
        assert ids(gaz.lookup("Tell Testiyeh")) == [900000101]
        assert ids(gaz.lookup("تل تستية")) == [900000101]
        assert ids(gaz.lookup("Kansabba", fuzzy=False)) == [KINNSIBBA]
        assert ids(gaz.lookup("Kafr Imaginaire")) == [900000104]  # historic names are names
        assert gaz.lookup("Q99999999") == [] and gaz.lookup("12345") == []  # wkdt, post: skipped
        assert gaz.lookup("Not In This Gazetteer") == []  # no place to attach it to
        assert gaz.get(900000101).n_names == 5  # type: ignore[union-attr]  # 3 from the dump (not QQZ), 2 added


def test_bad_rows_are_reported_and_skipped(gpath: Path) -> None:
    s = import_places(gpath, BAD_DUMP)
    assert (s.rows, s.added, s.bad) == (4, 2, 2)
    assert s.messages[0] == f"{BAD_DUMP}:3: expected 19 tab-separated GeoNames columns, found 5"
    assert s.messages[1].startswith(f"{BAD_DUMP}:4: bad number")
    with Gazetteer.open(gpath, build=False) as gaz:
        assert gaz.get(900000201) is not None and gaz.get(900000204) is not None
        assert gaz.get(900000203) is None


# -- UCDP ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "prec", "parsed"),
    [
        ("Kansaba town", "2.0", (["Kansaba"], "town", "P", "PPL")),
        ("Teir Maaleh village", "1.0", (["Teir Maaleh"], "village", "P", "PPL")),
        ("Aleppo city", "1.0", (["Aleppo"], "city", "P", "PPL")),
        ("Ar Rastan  district", "3.0", (["Ar Rastan"], "district", "A", "ADM2")),
        ("Aleppo Governorate", "4.0", (["Aleppo"], "Governorate", "A", "ADM1")),
        ("Eastern Idlib Governorate", "5.0", (["Eastern Idlib"], "Governorate", "L", "AREA")),
        ("Tadmur/Palmyra town", "1.0", (["Tadmur", "Palmyra"], "town", "P", "PPL")),
        ("Aaliyah (Qurujah) village", "2.0", (["Aaliyah", "Qurujah"], "village", "P", "PPL")),
        ("Military Research Center (Aleppo)", "1.0", (["Military Research Center"], "", "L", "LCTY")),
        ("Kuweires Military Airbase", "1.0", (["Kuweires Military Airbase"], "", "S", "AIRB")),
        ("Qalamoun mountain range", "5.0", (["Qalamoun"], "mountain range", "T", "MTS")),
        ("Syria", "6.0", (["Syria"], "", "A", "PCLI")),
        ("Eastern Ghouta", "5.0", (["Eastern Ghouta"], "", "L", "AREA")),
    ],
)
def test_parse_ucdp_place(where: str, prec: str, parsed: tuple[list[str], str, str, str]) -> None:
    assert parse_ucdp_place(where, prec) == parsed


def test_ucdp_import(gpath: Path) -> None:
    s = import_places(gpath, UCDP)
    assert (s.format, s.source, s.rows, s.bad) == ("ucdp", "ucdp", 12, 2)
    assert s.messages == [
        f"{UCDP}:10: latitude/longitude 'n/a', '36.0' are not numbers",
        f"{UCDP}:11: empty where_coordinates",
    ]
    # New: Teir Maaleh, Tadmur, Ar Rastan (district), Aaliyah. Merged: Kansaba and Kinsabba into Kinnsibbā,
    # Latakia Governorate into the admin1 place, Jisr ash-Shughur, Salma. One repeated row.
    assert (s.added, s.merged, s.unchanged) == (4, 5, 1)
    with Gazetteer.open(gpath, build=False) as gaz:
        assert ids(gaz.lookup("Kansaba", fuzzy=False)) == [KINNSIBBA]  # a spelling of the existing entry
        assert ids(gaz.lookup("Kinsabba", fuzzy=False)) == [KINNSIBBA]
        kinn = gaz.get(KINNSIBBA)
        assert kinn is not None and kinn.imported and kinn.source == "geonames"
        [teir] = gaz.lookup("Teir Maaleh")
        assert teir.geonameid == stable_id("ucdp", "Teir Maaleh", 34.8025, 36.7076) < -(1 << 40)
        assert (teir.source, teir.imported, teir.feature_code, teir.country, teir.admin1) == (
            "ucdp", True, "PPL", "Syria", "Homs")
        assert ids(gaz.lookup("Palmyra")) == ids(gaz.lookup("Tadmur"))
        [district] = gaz.lookup("Ar Rastan")
        assert (district.feature_class, district.feature_code) == ("A", "ADM2")
        assert 173578 in ids(gaz.lookup("Latakia Governorate")) and len(gaz.lookup("Latakia Governorate")) == 1
        salma = [p for p in gaz.lookup("Salma") if p.imported]
        assert ids(salma) == [900000001]  # the Syrian Salma nearby, not the Lebanese one
        assert ids(gaz.lookup("Qurujah")) == ids(gaz.lookup("Aaliyah"))


def test_ucdp_reimport_and_ids_stable_across_files(gpath: Path, built: Path, tmp_path: Path) -> None:
    import_places(gpath, UCDP)
    once = counts(gpath)
    again = import_places(gpath, UCDP)
    assert (again.added, again.merged, again.updated, again.names_added) == (0, 0, 0, 0)
    assert counts(gpath) == once
    other = tmp_path / "other.sqlite"
    shutil.copyfile(built, other)
    import_places(other, UCDP)
    with Gazetteer.open(gpath, build=False) as a, Gazetteer.open(other, build=False) as b:
        for name in ("Teir Maaleh", "Tadmur", "Ar Rastan", "Aaliyah"):
            assert ids(a.lookup(name)) == ids(b.lookup(name)), name


def test_imported_place_resolves_in_geoparse(gpath: Path) -> None:
    import_places(gpath, UCDP)
    text = "Fighting was reported in Teir Maaleh, Syria, on Monday."
    start = text.index("Teir")
    with Gazetteer.open(gpath, build=False) as gaz:
        [resolved] = geoparse(text, gaz, toponyms=[(start, start + len("Teir Maaleh"))])
    assert resolved.place is not None and resolved.place.source == "ucdp"
    assert (resolved.place.latitude, resolved.place.longitude) == (34.8025, 36.7076)


def test_packaged_ucdp_places_are_built_in_and_a_users_import_confirms_them(tmp_path: Path) -> None:
    # The default build adds frontline/data/ucdp_places.csv.gz (scripts/build_ucdp_extract.py) through the
    # importer's own parsing and merging; here forced on for the fixture cities.
    path = build_gazetteer(tmp_path / "g.sqlite", cities=CITIES, packaged_places=True)
    with Gazetteer.open(path, build=False) as gaz:
        [teir] = gaz.lookup("Teir Maaleh")
        assert (teir.source, teir.imported, teir.feature_code, teir.admin1) == ("ucdp", False, "PPL", "Homs")
        assert teir.geonameid == stable_id("ucdp", "Teir Maaleh", 34.802462, 36.707602)
        assert gaz.imports() == []  # not the user's import: a default build stays rebuildable
        assert int(gaz.metadata()["count_ucdp_places"]) > 1000
        kinn = gaz.get(KINNSIBBA)
        assert kinn is not None and not kinn.imported and ids(gaz.lookup("Kansaba", fuzzy=False)) == [KINNSIBBA]
    # Off by default for other cities files, so the fixture builds above hold no UCDP place.
    with Gazetteer.open(build_gazetteer(tmp_path / "plain.sqlite", cities=CITIES), build=False) as gaz:
        assert gaz.lookup("Teir Maaleh") == []
    # The user's own import of the same places flags them as imported (the ranker's bonus), adding none.
    s = import_places(path, UCDP)
    assert s.added == 0 and s.merged >= 4
    with Gazetteer.open(path, build=False) as gaz:
        [teir] = gaz.lookup("Teir Maaleh")
        assert teir.imported and teir.source == "ucdp"


# -- ACLED ---------------------------------------------------------------------------------------------


def test_acled_import(gpath: Path, acled: Path) -> None:
    s = import_places(gpath, acled)
    assert (s.format, s.source, s.rows, s.bad) == ("acled", "acled", 5, 1)
    assert s.messages == [f"{acled}:5: latitude/longitude '35.81', '' are not numbers"]
    assert (s.added, s.merged, s.unchanged) == (1, 2, 1)
    with Gazetteer.open(gpath, build=False) as gaz:
        [bdama] = gaz.lookup("Bdama")
        assert (bdama.source, bdama.country_code, bdama.admin1) == ("acled", "SY", "Idlib")
        assert bdama.geonameid == stable_id("acled", "Bdama", 35.8636, 36.3944)
        lebanese = gaz.get(900000002)
        assert lebanese is not None and lebanese.imported  # ACLED's Salma is the Lebanese one (iso 422)
        assert ids(gaz.lookup("Kinsabba", fuzzy=False)) == [KINNSIBBA]


def test_a_place_keeps_its_first_import(gpath: Path, tmp_path: Path, acled: Path) -> None:
    # The same ACLED place (same source, name, point) coded with another admin1 and precision in a later file.
    later = tmp_path / "acled_later.csv"
    later.write_text(
        "event_id_cnty,iso,country,admin1,admin2,location,latitude,longitude,geo_precision\n"
        "SYR90009,760,Syria,Hama,,Bdama,35.8636,36.3944,3\n",
        encoding="utf-8",
    )
    import_places(gpath, acled)
    s = import_places(gpath, later)
    assert (s.added, s.updated, s.unchanged) == (0, 0, 1)
    with Gazetteer.open(gpath, build=False) as gaz:
        [bdama] = gaz.lookup("Bdama")
        assert (bdama.admin1, bdama.feature_code) == ("Idlib", "PPL")
    assert import_places(gpath, acled).unchanged == 5 - 1  # one bad row


def test_acled_old_export_in_cp1252(gpath: Path, tmp_path: Path) -> None:
    old = tmp_path / "acled_old.csv"
    text = (
        "GWNO,EVENT_ID_CNTY,EVENT_DATE,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,NOTES\r\n"
        "437,CIV9001,01/02/2016,Ivory Coast,Vallee du Bandama,Gbeke,Bouake,Bouaké,7.69,-5.03,1,Rebels’ camp\r\n"
    )
    old.write_bytes(text.encode("cp1252"))
    assert detect_format(old) == "acled"
    s = import_places(gpath, old)
    assert (s.rows, s.added, s.bad) == (1, 1, 0)
    with Gazetteer.open(gpath, build=False) as gaz:
        [place] = gaz.lookup("Bouaké")
        assert (place.name, place.country_code) == ("Bouaké", "CI")


# -- errors, transactions, versions ---------------------------------------------------------------------


def test_unknown_format(gpath: Path, tmp_path: Path) -> None:
    junk = tmp_path / "notes.csv"
    junk.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="unknown format"):
        import_places(gpath, junk)
    with pytest.raises(GazetteerError, match="unknown format 'kml'"):
        import_places(gpath, UCDP, format="kml")
    with pytest.raises(GazetteerError, match="no such file"):
        import_places(gpath, tmp_path / "missing.txt")


def test_failed_import_leaves_the_file_unchanged(gpath: Path) -> None:
    before = gpath.read_bytes()

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_places(gpath, UCDP, progress=stop)
    assert gpath.read_bytes() == before
    with Gazetteer.open(gpath, build=False) as gaz:
        assert gaz.imports() == []


def test_schema_version_mismatch(gpath: Path) -> None:
    import_places(gpath, UCDP)
    with sqlite3.connect(gpath) as con:
        con.execute("UPDATE metadata SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(GazetteerError, match="schema version 1.*rebuild"):
        import_places(gpath, UCDP)
    with pytest.raises(GazetteerError, match="schema version 1"):
        Gazetteer.open(gpath, build=False)
    # A file holding the user's imports is never rebuilt behind their back.
    with pytest.raises(GazetteerError, match="import your files again"):
        Gazetteer.open(gpath, cities=CITIES)


# -- search and near ------------------------------------------------------------------------------------


def test_fts_search(gpath: Path) -> None:
    import_places(gpath, EXTRACT)
    with Gazetteer.open(gpath, build=False) as gaz:
        assert ids(gaz.search("Testiy")) == [900000101]  # prefix of the last word
        assert ids(gaz.search("tall test")) == [900000101]
        assert KINNSIBBA in ids(gaz.search("kinns"))
        assert ids(gaz.search("Latakia"))[:2] == [173576, 173578]  # exact matches first
        assert ids(gaz.search("fixture")) == [900000103, 900000102]  # equal population: more names first
        assert gaz.search("zzzzqqq") == []


def test_near(gpath: Path) -> None:
    import_places(gpath, EXTRACT)
    with Gazetteer.open(gpath, build=False) as gaz:
        found = gaz.near(35.7441, 36.164, 10)
        assert found[0][0].geonameid == KINNSIBBA and found[0][1] == 0
        got = [p.geonameid for p, _ in found]
        assert 900000001 in got and 900000103 in got  # Salma ~8 km, Jabal Fixture ~3 km
        assert 173576 not in got  # Latakia ~40 km
        assert [d for _, d in found] == sorted(d for _, d in found)
        assert all(d <= 10 for _, d in found)
        assert [p.geonameid for p, _ in gaz.near(35.7441, 36.164, 50)][-1] != KINNSIBBA
        assert 173576 in [p.geonameid for p, _ in gaz.near(35.7441, 36.164, 50)]
        assert gaz.near(0.0, -150.0, 50) == []


# -- CLI -----------------------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_import_search_info(gpath: Path) -> None:
    result = runner.invoke(app, ["gazetteer", "import", str(UCDP), "--path", str(gpath)])
    assert result.exit_code == 1, result.output  # two bad rows
    assert "4 places added, 5 merged into existing places" in result.stdout
    assert f"{UCDP}:10:" in result.stderr and f"{UCDP}:11: empty where_coordinates" in result.stderr
    again = runner.invoke(app, ["gazetteer", "import", str(EXTRACT), "--path", str(gpath)])
    assert again.exit_code == 0 and "9 places added" in again.stdout
    found = runner.invoke(app, ["gazetteer", "search", "Teir Maaleh", "--path", str(gpath)])
    assert found.exit_code == 0
    assert str(stable_id("ucdp", "Teir Maaleh", 34.8025, 36.7076)) in found.stdout and "ucdp" in found.stdout
    near = runner.invoke(app, ["gazetteer", "search", "Salma", "--near", "33.9,35.6", "--km", "5", "--path", str(gpath)])
    assert near.exit_code == 0 and "900000002" in near.stdout and "900000001" not in near.stdout
    assert runner.invoke(app, ["gazetteer", "search", "Nowhereville", "--path", str(gpath)]).exit_code == 1
    info = runner.invoke(app, ["gazetteer", "info", "--path", str(gpath)])
    assert info.exit_code == 0
    assert "import_1: ucdp_ged.csv (ucdp, source ucdp): 12 rows" in info.stdout
    assert "import_2: SY_extract.txt (geonames" in info.stdout


def test_cli_errors(gpath: Path, tmp_path: Path, acled: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_text("hello\n", encoding="utf-8")
    result = runner.invoke(app, ["gazetteer", "import", str(junk), str(acled), "--path", str(gpath)])
    assert result.exit_code == 2 and f"{junk}: unknown format" in result.stderr
    assert "acled.csv: 5 rows" in result.stdout  # the next file is still imported
    with sqlite3.connect(gpath) as con:
        con.execute("UPDATE metadata SET value = '1' WHERE key = 'schema_version'")
    con.close()
    old = runner.invoke(app, ["gazetteer", "import", str(UCDP), "--path", str(gpath)])
    assert old.exit_code == 2 and "schema version 1" in old.stderr and "rebuild" in old.stderr
