"""CSV export is safe by default (issue 23, OWASP's CSV injection): a text cell that a spreadsheet would run
as a formula gets a leading apostrophe; numbers are never touched; ``--raw-csv`` and the other formats
give the cells exactly as stored.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontline.cli import app
from frontline.export.formats import FORMULA_START, defuse

runner = CliRunner()

FORMULA = '=HYPERLINK("http://x","y")'
ARTICLES = [
    {
        "id": "timbuktu",
        "text": "Gunmen attacked a military post near Timbuktu in northern Mali on Monday, killing five soldiers, officials said.",
        "published": "2023-03-01",
        "source": FORMULA,
    },
    {
        "id": "menaka",
        "text": "Jihadist fighters clashed with the army in Menaka, Mali on Tuesday, killing 12 people.",
        "published": "2023-03-01",
        "source": "@Agency",
    },
]
NUMERIC = (
    "year", "time_precision", "inter1", "inter2", "interaction", "iso", "latitude", "longitude", "geo_precision",
    "fatalities", "geonameid", "confidence", "fatalities_low", "fatalities_high",
)


def invoke(*args: object):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture()
def store(tmp_path: Path, gazetteer_path: Path) -> Path:
    db = tmp_path / "frontline.db"
    inputs = tmp_path / "articles.jsonl"
    inputs.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    result = invoke("run", inputs, "--db", db, "--gazetteer", gazetteer_path, "--show", 0)
    assert result.exit_code == 0, result.output
    # An outlet given on the command line goes the same way.
    text = tmp_path / "gao.txt"
    text.write_text("Militants ambushed an army convoy near Gao, Mali on Monday, killing three soldiers.", encoding="utf-8")
    result = invoke("run", text, "--db", db, "--gazetteer", gazetteer_path, "--published", "2023-03-01", "--source", "+Wire", "--show", 0)
    assert result.exit_code == 0, result.output
    return db


def export(db: Path, out: Path, *options: str) -> None:
    result = invoke("export", "--db", db, "-o", out, *options)
    assert result.exit_code == 0, result.output


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_csv_cells_that_would_run_as_formulas_get_an_apostrophe(store: Path, tmp_path: Path) -> None:
    export(store, tmp_path / "safe.csv", "--format", "csv")
    export(store, tmp_path / "raw.csv", "--format", "csv", "--raw-csv")
    export(store, tmp_path / "exact.jsonl", "--format", "jsonl")
    safe, raw = read_csv(tmp_path / "safe.csv"), read_csv(tmp_path / "raw.csv")
    exact = [json.loads(line) for line in (tmp_path / "exact.jsonl").read_text(encoding="utf-8").splitlines()]
    sources = {r["article_id"]: r["source"] for r in exact}
    assert sources["timbuktu"] == FORMULA and sources["menaka"].startswith("@Agency")  # JSONL: exact
    assert any(s.startswith("+Wire") for s in sources.values())

    by_article = {r["article_id"]: r for r in safe}
    assert by_article["timbuktu"]["source"] == "'" + FORMULA
    assert by_article["menaka"]["source"] == "'" + sources["menaka"]
    assert {r["article_id"]: r["source"] for r in raw}["timbuktu"] == FORMULA  # --raw-csv: exact

    assert len(safe) == len(raw) == len(exact) == 3
    for safe_row, raw_row, row in zip(safe, raw, exact, strict=True):
        for column, cell in raw_row.items():
            if column in NUMERIC:  # numbers as they are: a negative longitude stays negative
                assert safe_row[column] == cell == ("" if row[column] is None else str(row[column]))
            elif cell.startswith(FORMULA_START):
                assert safe_row[column] == "'" + cell
            else:
                assert safe_row[column] == cell
    longitude = float(by_article["timbuktu"]["longitude"])
    assert longitude < 0 and by_article["timbuktu"]["longitude"] == str(longitude)


def test_pandas_reads_the_numbers_as_numbers(store: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    export(store, tmp_path / "safe.csv")
    frame = pd.read_csv(tmp_path / "safe.csv")
    assert frame["longitude"].dtype.kind == "f" and frame["longitude"].min() < 0
    assert frame["fatalities"].dtype.kind == "i"
    assert (frame.loc[frame["article_id"] == "timbuktu", "source"] == "'" + FORMULA).all()


def test_the_other_formats_stay_exact(store: Path, tmp_path: Path) -> None:
    export(store, tmp_path / "events.geojson", "--format", "geojson")
    features = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert FORMULA in {f["properties"]["source"] for f in features}


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_defuse_each_formula_start(cell: str) -> None:
    assert defuse(cell) == "'" + cell


@pytest.mark.parametrize("value", [-1.5, -3, 0, None, "Timbuktu", "", "2023-02-27", "'quoted"])
def test_defuse_leaves_numbers_and_plain_text(value: object) -> None:
    assert defuse(value) == value
