"""The CLI through its runner, on a real SQLite file in tmp_path."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontline.cli import app
from frontline.records import ACLED_COLUMNS
from tests.conftest import SEED, km

runner = CliRunner()

CONTRACT_FIELDS = [
    "article_id", "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "notes", "fatalities", "geonameid", "confidence", "evidence",
]


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture()
def seed_db(tmp_path: Path, gazetteer_path: Path, seed_text: str) -> Path:
    db = tmp_path / "frontline.db"
    result = invoke("run", SEED, "--db", db, "--published", "2016-07-01", "--gazetteer", gazetteer_path)
    assert result.exit_code == 0, result.output
    return db


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "evidence")}


def test_run_twice_adds_nothing(seed_db: Path, gazetteer_path: Path) -> None:
    first = table_counts(seed_db)
    assert first["articles"] == 1 and first["events"] >= 2
    result = invoke("run", SEED, "--db", seed_db, "--published", "2016-07-01", "--gazetteer", gazetteer_path)
    assert result.exit_code == 0, result.output
    assert "0 new" in result.output and "0 events added" in result.output
    assert table_counts(seed_db) == first


def test_run_prints_the_events(seed_db: Path, gazetteer_path: Path) -> None:
    result = invoke("run", SEED, "--db", seed_db, "--published", "2016-07-01", "--gazetteer", gazetteer_path)
    assert "Non-state actor overtakes territory" in result.output
    assert "113" in result.output


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path, gazetteer_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "empty.txt").write_text("")
    (inputs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (inputs / "latin1.txt").write_bytes("Rebels shelled the village of Kafr Nabl. Caf\xe9".encode("latin-1"))
    # Truncated mid-tag with nothing but navigation: nothing to read.
    (inputs / "broken.html").write_text('<html><head><title>Breaking</title></head><body><div class="nav"><a href="/">Home</a></div><div class=')
    # Malformed but readable: parsed leniently, as a browser would.
    (inputs / "sloppy.html").write_text(
        "<html><body><div><p>Rebels seized the strategic town of Kansaba in Latakia province on Monday, "
        "a monitor said. <b>Fighting <<<>>> </div></span>"
    )
    (inputs / "good.txt").write_text("Syrian regime forces shelled the town of Ariha in Idlib province on Monday, killing three civilians.")
    good = {"id": "ok-1", "text": "Rebels clashed with regime forces near Jisr al-Shughur in Idlib on Tuesday.", "published": "2016-07-01"}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "no-text"}), json.dumps(good | {"id": "ok-2"}), "[1, 2]"]
    (inputs / "batch.jsonl").write_bytes(("\n".join(lines) + "\n").encode() + '{"id": "x", "text": "caf\xe9"}\n'.encode("latin-1"))
    db = tmp_path / "f.db"
    result = invoke("run", inputs, "--db", db, "--published", "2016-07-01", "--gazetteer", gazetteer_path)
    assert result.exit_code == 1
    out = result.output
    assert "empty.txt: file is empty" in out
    assert "binary.txt: binary file" in out
    assert "latin1.txt" not in out  # windows-1252 text is read now (issue 23)
    assert "broken.html: HTML holds no readable main text" in out
    assert "batch.jsonl:2: malformed JSON" in out
    assert 'batch.jsonl:3: missing or empty "text"' in out
    assert "batch.jsonl:5: line is not a JSON object" in out
    assert "batch.jsonl:6: not UTF-8" in out
    assert "5 articles read" in out and "7 failed" in out
    counts = table_counts(db)
    assert counts["articles"] == 5
    with sqlite3.connect(db) as con:
        ids = {r[0] for r in con.execute("SELECT id FROM articles")}
    assert {"ok-1", "ok-2"} <= ids


def test_error_lines_keep_brackets_in_names(tmp_path: Path, gazetteer_path: Path) -> None:
    # Error lines go through rich; a "[draft]" in a file name must be printed, not read as markup.
    inputs = tmp_path / "in[syria]"
    inputs.mkdir()
    (inputs / "report[draft].txt").write_text("")
    (inputs / "ok.txt").write_text("Rebels shelled the town of Kafr Nabl in Idlib on Tuesday.", encoding="utf-8")
    result = invoke("run", inputs, "--db", tmp_path / "f.db", "--gazetteer", gazetteer_path)
    assert result.exit_code == 1
    assert "in[syria]/report[draft].txt: file is empty" in result.output


def test_summary_lines_keep_brackets_in_names(tmp_path: Path, gazetteer_path: Path) -> None:
    # Summaries and tables print data (paths, actor and place names), never rich markup.
    text = tmp_path / "ok.txt"
    text.write_text("Rebels shelled the town of Kafr Nabl in Idlib on Tuesday.", encoding="utf-8")
    db = tmp_path / "store[v2].db"
    result = invoke("run", text, "--db", db, "--gazetteer", gazetteer_path)
    assert result.exit_code == 0, result.output
    assert f"Store {db}:" in result.output
    exported = tmp_path / "events[v2].jsonl"
    result = invoke("export", "--db", db, "--output", exported, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert f"-> {exported}" in result.output


def test_missing_path_is_an_error(tmp_path: Path, gazetteer_path: Path) -> None:
    result = invoke("run", tmp_path / "nope.txt", "--db", tmp_path / "f.db", "--gazetteer", gazetteer_path)
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_extract_contract(tmp_path: Path, gazetteer_path: Path, seed_text: str) -> None:
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "seed", "text": seed_text, "published": "2016-07-01", "source": "Zaman al-Wasl"},
        {"id": "quiet", "text": "The weather in Latakia was mild and markets were open.", "published": "2016-07-01"},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{broken\n")
    dst = tmp_path / "out.jsonl"
    result = invoke("extract", src, "-o", dst, "--gazetteer", gazetteer_path)
    assert result.exit_code == 1  # the broken line
    assert "in.jsonl:3: malformed JSON" in result.output
    events = [json.loads(line) for line in dst.read_text().splitlines()]
    assert events and {e["article_id"] for e in events} == {"seed"}  # an article with no event writes no line
    for event in events:
        assert set(CONTRACT_FIELDS) <= set(event)
        assert 0.0 <= event["confidence"] <= 1.0
        for span in event["evidence"]:
            assert seed_text[span["start"] : span["end"]] == span["text"]
    assert sum(e["fatalities"] == 113 for e in events) == 1


def test_workers_give_the_same_output(tmp_path: Path, gazetteer_path: Path, seed_text: str) -> None:
    src = tmp_path / "in.jsonl"
    texts = [seed_text, "Warplanes struck Ariha in Idlib province on Monday, killing five civilians.", "No events here."]
    src.write_text("".join(json.dumps({"id": str(i), "text": t, "published": "2016-07-01"}) + "\n" for i, t in enumerate(texts)))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert invoke("extract", src, "-o", one, "--gazetteer", gazetteer_path).exit_code == 0
    assert invoke("extract", src, "-o", two, "--gazetteer", gazetteer_path, "--workers", "2").exit_code == 0
    assert one.read_text() == two.read_text() and one.read_text()


def test_geoparse_contract(tmp_path: Path, gazetteer_path: Path) -> None:
    text = "Rebels seized the strategic town of Kansaba in Latakia province, near the Turkish border."
    start = text.index("Kansaba")
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "given", "text": text, "toponyms": [{"start": start, "end": start + 7}]}) + "\n"
        + json.dumps({"id": "found", "text": text}) + "\n"
    )
    dst = tmp_path / "out.jsonl"
    result = invoke("geoparse", src, "-o", dst, "--gazetteer", gazetteer_path)
    assert result.exit_code == 0, result.output
    given, found = [json.loads(line) for line in dst.read_text().splitlines()]
    assert given["id"] == "given" and len(given["toponyms"]) == 1
    top = given["toponyms"][0]
    assert set(top) == {"start", "end", "text", "geonameid", "name", "latitude", "longitude", "country_code", "admin1", "feature_code"}
    assert top["geonameid"] == 167863 and top["country_code"] == "SY"
    assert "Kansaba" in {t["text"] for t in found["toponyms"]}
    assert "Latakia" in {t["text"] for t in found["toponyms"]}


def test_geoparse_gives_an_areas_own_point_and_extract_its_seat(tmp_path: Path, gazetteer_path: Path) -> None:
    # geoparse returns the entry's own coordinates (a country at its centre, as GeoNames and every
    # geoparsing benchmark put it); extract codes an event known only by its country at the capital
    # and one known only by its province at the province's main town (ACLED's convention).
    text = "Fighting was reported in Syria and in Latakia province on Monday, killing five soldiers."
    spans = [{"start": text.index(n), "end": text.index(n) + len(n)} for n in ("Syria", "Latakia province")]
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": text, "toponyms": spans}) + "\n")
    dst = tmp_path / "out.jsonl"
    assert invoke("geoparse", src, "-o", dst, "--gazetteer", gazetteer_path).exit_code == 0
    syria, latakia = json.loads(dst.read_text())["toponyms"]
    assert (syria["geonameid"], syria["feature_code"], syria["latitude"], syria["longitude"]) == (163843, "PCLI", 35.0, 38.0)
    assert latakia["geonameid"] == 173578 and latakia["feature_code"] == "ADM1"
    assert km(latakia["latitude"], latakia["longitude"], 35.53, 35.79) > 10  # not at Latakia city

    rows = [
        {"id": "country", "text": "Government forces shelled rebel positions in Syria on Monday, killing five fighters.", "published": "2016-07-01"},
        {"id": "province", "text": "Government forces shelled rebel positions in Latakia province on Monday, killing five fighters.", "published": "2016-07-01"},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert invoke("extract", src, "-o", dst, "--gazetteer", gazetteer_path).exit_code == 0
    events = {e["article_id"]: e for e in map(json.loads, dst.read_text().splitlines())}
    country, province = events["country"], events["province"]
    assert (country["location"], country["geo_precision"], country["geonameid"]) == ("Syria", 3, 163843)
    assert km(country["latitude"], country["longitude"], 33.5102, 36.29128) < 1  # Damascus
    assert (province["geo_precision"], province["geonameid"], province["admin1"]) == (3, 173578, "Latakia")
    assert km(province["latitude"], province["longitude"], 35.53125, 35.79088) < 1  # Latakia city


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "geojson", "gpkg", "parquet"])
def test_export_formats(seed_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    result = invoke("export", "--db", seed_db, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    n = table_counts(seed_db)["events"]
    if fmt == "csv":
        with out.open(newline="") as fh:
            reader = csv.DictReader(fh)
            assert reader.fieldnames[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
            rows = list(reader)
        assert len(rows) == n and any(r["fatalities"] == "113" for r in rows)
    elif fmt == "jsonl":
        assert len(out.read_text().splitlines()) == n
    elif fmt == "geojson":
        data = json.loads(out.read_text())
        assert data["type"] == "FeatureCollection" and len(data["features"]) == n
        assert all(f["geometry"]["type"] == "Point" for f in data["features"])
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(out)
        assert table.num_rows == n
        assert table.column_names[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    else:
        with sqlite3.connect(out) as con:
            assert con.execute("SELECT count(*) FROM events WHERE geom IS NOT NULL").fetchone()[0] == n
            assert con.execute("SELECT srs_id FROM gpkg_geometry_columns").fetchone()[0] == 4326


def test_export_min_confidence(seed_db: Path, tmp_path: Path) -> None:
    everything, some = tmp_path / "all.jsonl", tmp_path / "some.jsonl"
    assert invoke("export", "--db", seed_db, "--format", "jsonl", "-o", everything).exit_code == 0
    confidences = sorted(json.loads(line)["confidence"] for line in everything.read_text().splitlines())
    assert len(set(confidences)) > 1
    cut = confidences[len(confidences) // 2]
    result = invoke("export", "--db", seed_db, "--format", "jsonl", "-o", some, "--min-confidence", cut)
    assert result.exit_code == 0, result.output
    kept = [json.loads(line)["confidence"] for line in some.read_text().splitlines()]
    assert kept and len(kept) == sum(c >= cut for c in confidences) and min(kept) >= cut
    assert invoke("export", "--db", seed_db, "-o", some, "--min-confidence", "1.5").exit_code == 2


def test_export_unknown_format(seed_db: Path, tmp_path: Path) -> None:
    result = invoke("export", "--db", seed_db, "--format", "xls", "-o", tmp_path / "x")
    assert result.exit_code == 2
    assert "choose one of: csv, jsonl, geojson, gpkg, parquet" in result.output


@pytest.mark.parametrize(
    "command",
    [[], ["run"], ["extract"], ["geoparse"], ["export"], ["gazetteer"], ["gazetteer", "build"], ["gazetteer", "info"], ["train"], ["train", "typing"], ["train", "confidence"]],
)
def test_every_command_has_help(command: list[str]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) > 3
