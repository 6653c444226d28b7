"""Text and HTML files in the encodings this field's files come in (issue 23): real bytes, read right or
refused with a clear reason; JSONL stays UTF-8."""

from __future__ import annotations

import codecs
import json
import random
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontline.cli import app
from frontline.records import Article, IngestError
from frontline.store import EventStore
from frontline.text.decode import Decoded, Undecodable, decode, html_charset
from frontline.text.ingest import ingest

ENGLISH = "Rebels shelled the village of Kafr Nabl \u2013 a caf\u00e9 was hit, \u201cwitnesses\u201d said on Monday."
FRENCH = "Les forces gouvernementales ont bombardé la ville d'Ariha, dans la province d'Idleb, tuant trois civils."
ARABIC = "قصفت قوات النظام بلدة أريحا في ريف إدلب يوم الاثنين، ما أدى إلى مقتل ثلاثة مدنيين."

CASES = [
    # (text, how it is written to bytes, the encoding decode must report)
    (ENGLISH, "cp1252", "windows-1252"),
    (FRENCH, "cp1252", "windows-1252"),
    (FRENCH, "latin-1", "windows-1252"),  # the same text: windows-1252 is ISO-8859-1 plus quotes and dashes
    (ARABIC, "cp1256", "windows-1256"),
    (ARABIC, "iso8859-6", "iso-8859-6"),
    (ENGLISH, "utf-16-le", "utf-16-le"),  # no byte-order mark
    (ENGLISH, "utf-16-be", "utf-16-be"),
    (ARABIC, "utf-16-le", "utf-16-le"),
    (ARABIC, "utf-16-be", "utf-16-be"),
    (ENGLISH, "utf-8", "utf-8"),
]
BOMS = [
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
]


@pytest.mark.parametrize(("text", "codec", "expected"), CASES)
def test_each_encoding_reads_right(text: str, codec: str, expected: str) -> None:
    assert decode(text.encode(codec)) == Decoded(text, expected)


@pytest.mark.parametrize(("bom", "codec", "expected"), BOMS)
@pytest.mark.parametrize("text", [ENGLISH, ARABIC])
def test_a_byte_order_mark_decides_and_is_dropped(bom: bytes, codec: str, expected: str, text: str) -> None:
    assert decode(bom + text.encode(codec)) == Decoded(text, expected)


def test_a_longer_windows_1252_article_reads_right() -> None:
    body = "\n\n".join([ENGLISH, FRENCH, "The monitor\u2019s count \u2014 113 dead \u2014 could not be verified."] * 5)
    assert decode(body.encode("cp1252")) == Decoded(body, "windows-1252")


def test_the_declared_charset_is_honoured_before_guessing() -> None:
    data = b"<html><head><meta charset='iso-8859-15'></head><body><p>Prix du pain: 5 \xa4</p></body></html>"
    assert html_charset(data) == "iso-8859-15"
    assert decode(data, html_charset(data)).text.endswith("5 \u20ac</p></body></html>")  # the euro sign, not "¤"
    http_equiv = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
    assert html_charset(http_equiv) == "windows-1256"
    assert html_charset(b"<html><body>no declaration</body></html>") is None


def test_a_wrong_or_unknown_declaration_falls_back_to_detection() -> None:
    data = ARABIC.encode("cp1256")
    assert decode(data, "no-such-charset") == Decoded(ARABIC, "windows-1256")
    assert decode(data, "utf-16") == Decoded(ARABIC, "windows-1256")  # a page that reads as bytes is not UTF-16


def test_utf8_wins_over_a_declaration() -> None:
    data = "café".encode()
    assert decode(data, "windows-1252") == Decoded("café", "utf-8")


def test_a_byte_order_mark_that_lies_is_refused() -> None:
    result = decode(codecs.BOM_UTF8 + "café".encode("cp1252"))
    assert result == Undecodable("starts with a UTF-8 byte-order mark but is not UTF-8 (byte 6); re-encode it as UTF-8")


def test_damaged_bytes_are_refused_with_the_best_guess() -> None:
    rng = random.Random(1)
    data = bytearray((FRENCH * 3).encode("cp1252"))
    for i in rng.sample(range(len(data)), len(data) * 3 // 10):
        data[i] = rng.randrange(128, 256)
    result = decode(bytes(data))
    assert isinstance(result, Undecodable)
    assert result.reason.startswith("could not tell the text encoding (best guess ")
    assert "confidence 0." in result.reason and result.reason.endswith("re-encode it as UTF-8")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG image"),
        (b"\xff\xd8\xff\xe0JFIF" + bytes(range(1, 256)), "JPEG image"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (bytes(range(256)) * 4, "NUL bytes"),
        (b"\x01\x00\x00\x00\x02\x00\x00\x00" * 20, "NUL bytes"),
    ],
)
def test_binary_files_stay_refused(data: bytes, kind: str) -> None:
    assert decode(data) == Undecodable(f"binary file ({kind}), not text, HTML or JSONL")


def write_inputs(folder: Path) -> dict[str, tuple[str, str]]:
    """Files in six encodings; name -> (a phrase its text must hold, the encoding it must be read as)."""
    folder.mkdir()
    (folder / "cp1252.txt").write_bytes(ENGLISH.encode("cp1252"))
    (folder / "latin1.txt").write_bytes(FRENCH.encode("latin-1"))
    (folder / "cp1256.txt").write_bytes(ARABIC.encode("cp1256"))
    (folder / "iso8859_6.txt").write_bytes(ARABIC.replace("ثلاثة", "خمسة").encode("iso8859-6"))  # another id
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + ENGLISH.replace("Monday", "Tuesday").encode("utf-16-le"))
    (folder / "utf16be.txt").write_bytes(ENGLISH.replace("Monday", "Friday").encode("utf-16-be"))
    (folder / "bom.txt").write_bytes(codecs.BOM_UTF8 + ENGLISH.replace("Monday", "Sunday").encode())
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1256'>"
        f"<title>خبر</title></head><body><article><p>{ARABIC}</p><p>{ARABIC.replace('ثلاثة', 'أربعة')}</p>"
        "</article></body></html>"
    )
    (folder / "page.html").write_bytes(page.encode("cp1256"))
    return {
        "cp1252.txt": ("caf\u00e9 was hit", "windows-1252"),
        "latin1.txt": ("bombardé", "windows-1252"),
        "cp1256.txt": ("قصفت قوات", "windows-1256"),
        "iso8859_6.txt": ("خمسة", "iso-8859-6"),
        "utf16.txt": ("on Tuesday", "utf-16-le"),
        "utf16be.txt": ("on Friday", "utf-16-be"),
        "bom.txt": ("on Sunday", "utf-8-sig"),
        "page.html": ("أربعة", "windows-1256"),
    }


def test_ingest_reads_every_encoding_and_records_it(tmp_path: Path) -> None:
    expected = write_inputs(tmp_path / "in")
    items = list(ingest([tmp_path / "in"]))
    assert not [i for i in items if isinstance(i, IngestError)]
    by_name = {Path(str(a.origin)).name: a for a in items if isinstance(a, Article)}
    assert set(by_name) == set(expected)
    for name, (phrase, encoding) in expected.items():
        assert phrase in by_name[name].text, name
        assert by_name[name].encoding == encoding, name
        assert "\ufeff" not in by_name[name].text


def test_ingest_names_the_file_it_cannot_read(tmp_path: Path) -> None:
    rng = random.Random(1)
    data = bytearray((FRENCH * 3).encode("cp1252"))
    for i in rng.sample(range(len(data)), len(data) * 3 // 10):
        data[i] = rng.randrange(128, 256)
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes(data))
    (error,) = ingest([path])
    assert isinstance(error, IngestError) and error.origin == str(path)
    assert error.message.startswith("could not tell the text encoding (best guess")


def test_jsonl_stays_utf8_and_its_articles_say_so(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    line = json.dumps({"id": "j1", "text": "Rebels shelled Ariha on Monday, caf\u00e9 owners said."}, ensure_ascii=False)
    path.write_bytes(line.encode() + b"\n" + '{"id": "j2", "text": "caf\xe9"}\n'.encode("latin-1"))
    first, second = ingest([path])
    assert isinstance(first, Article) and first.encoding == "utf-8"
    assert isinstance(second, IngestError) and second.origin == f"{path}:2" and "not UTF-8" in second.message


def test_run_stores_every_encoding(tmp_path: Path, gazetteer_path: Path) -> None:
    expected = write_inputs(tmp_path / "in")
    db = tmp_path / "f.db"
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--db", str(db), "--gazetteer", str(gazetteer_path)])
    assert result.exit_code == 0, result.output
    assert f"{len(expected)} articles read" in result.output and "0 failed" in result.output
    with sqlite3.connect(db) as con:
        stored = {Path(origin).name: encoding for origin, encoding in con.execute("SELECT origin, encoding FROM articles")}
    assert stored == {name: encoding for name, (_, encoding) in expected.items()}


def test_an_older_store_gets_the_encoding_column(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as con:
        con.execute(
            "CREATE TABLE articles (id TEXT PRIMARY KEY, published TEXT, source TEXT, url TEXT, title TEXT,"
            " origin TEXT, text TEXT NOT NULL, cleaned TEXT NOT NULL, pipeline_version TEXT NOT NULL)"
        )
        con.execute("INSERT INTO articles VALUES ('a1', NULL, NULL, NULL, NULL, NULL, 'text', 'text', 'v0')")
    with EventStore(db) as store:
        row = store.article("a1")
    assert row is not None and "encoding" in row and row["encoding"] is None
