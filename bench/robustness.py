"""Bad and hostile inputs through `frontline run` and `frontline extract`: for each kind, a result, a clear
error, or a crash; then the cost of long documents.

    python bench/robustness.py                 # every kind, then long documents up to 20 MB
    python bench/robustness.py --max-mb 1      # long documents up to 1 MB only
    python bench/robustness.py --no-long       # the kinds only

Each kind is written into its own folder and run in a child process of the installed CLI. "result" means
the command exited 0 or 1 and stored or wrote something (or, for a legacy encoding, stored exactly the
text that was encoded); "clear error" means exit 1 or 2 with one `error:` line naming the input and no
traceback; anything else is a crash. The run exits 1 when any kind crashed or a legacy encoding was not
read right.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "frontline.cli"]

# A short real-looking report with letters outside ASCII, for the legacy encodings.
FRENCH = "Des rebelles ont attaqué le village de Kafr Nabl lundi – trois civils tués, selon l'OSDH. Café fermé."
ARABIC = "قصفت طائرات النظام السوري مدينة حلب يوم الاثنين، ما أسفر عن مقتل خمسة مدنيين."
ENGLISH = "Syrian regime forces shelled the town of Ariha in Idlib province on Monday, killing three civilians."

# kind -> (file name, bytes, the text it must be read as, or None when any clear outcome will do)
Case = tuple[str, bytes, str | None]


def cases() -> dict[str, Case]:
    nested = "<div>" * 5000 + "<p>" + ENGLISH + " " + ENGLISH + "</p>" + "</div>" * 5000
    return {
        "windows-1252 .txt": ("cp1252.txt", FRENCH.encode("cp1252"), FRENCH),
        "iso-8859-1 .txt": ("latin1.txt", FRENCH.replace("–", "-").encode("latin-1"), FRENCH.replace("–", "-")),
        "windows-1256 .txt (Arabic)": ("cp1256.txt", ARABIC.encode("cp1256"), ARABIC),
        "iso-8859-6 .txt (Arabic)": ("iso88596.txt", ARABIC.encode("iso-8859-6"), ARABIC),
        "utf-16 LE with BOM .txt": ("utf16le.txt", b"\xff\xfe" + ENGLISH.encode("utf-16-le"), ENGLISH),
        "utf-16 BE with BOM .txt": ("utf16be.txt", b"\xfe\xff" + ENGLISH.encode("utf-16-be"), ENGLISH),
        "utf-8 with BOM .txt": ("bom.txt", b"\xef\xbb\xbf" + FRENCH.encode("utf-8"), FRENCH),
        "windows-1256 .html with meta charset": (
            "cp1256.html",
            ('<html><head><meta charset="windows-1256"></head><body><article><p>' + ARABIC + " " + ARABIC
             + "</p></article></body></html>").encode("cp1256"),
            ARABIC,
        ),
        "empty file": ("empty.txt", b"", None),
        "binary .txt": ("binary.txt", bytes(range(256)) * 4, None),
        "PNG named .html": ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), None),
        "gzip named .html": ("page.html", gzip.compress(b"<html><body><p>" + ENGLISH.encode() + b"</p></body></html>"), None),
        "NUL bytes in text": ("nul.txt", ENGLISH.encode() + b"\x00\x00" + ENGLISH.encode(), None),
        "broken HTML": ("broken.html", b'<html><head><title>x</title></head><body><div class="nav"><a href="/">Home</a></div><div class=', None),
        "deeply nested HTML": ("nested.html", nested.encode(), None),
        "JSON that is not an object": ("array.jsonl", b"[1, 2, 3]\n\"text\"\n42\n", None),
        "text that is not a string": ("notstring.jsonl", json.dumps({"id": "x", "text": ["a", "b"]}).encode() + b"\n", None),
        "impossible date": ("baddate.jsonl", json.dumps({"id": "x", "text": ENGLISH, "published": "2016-02-31"}).encode() + b"\n", None),
        "file name with [brackets] and spaces": ("a [draft] report (v2).txt", ENGLISH.encode(), ENGLISH),
        "control characters only": ("controls.txt", b"\x01\x02\x03\x1b", None),
    }


def outcome(proc: subprocess.CompletedProcess[str], produced: bool) -> str:
    output = proc.stdout + proc.stderr
    if "Traceback" in output or proc.returncode not in (0, 1, 2):
        return "CRASH"
    if proc.returncode == 0 and produced:
        return "result"
    if proc.returncode in (1, 2) and "error:" in output:
        return "clear error"
    if produced:
        return "result"
    return "CRASH"  # exit 0 with nothing stored and nothing said: a silent drop


def stored_texts(db: Path) -> list[str]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as con:
        return [r[0] for r in con.execute("SELECT text FROM articles")]


def run_kinds(tmp: Path, gazetteer: list[str]) -> int:
    bad = 0
    print(f"{'kind':<42}{'frontline run':<16}{'frontline extract':<19}read right")
    for kind, (name, data, expected) in cases().items():
        folder = tmp / kind.replace(" ", "_").replace("/", "_")
        folder.mkdir()
        path = folder / name
        path.write_bytes(data)
        db = folder / "store.db"
        proc = subprocess.run([*CLI, "run", str(path), "--db", str(db), "--show", "0", *gazetteer],
                              capture_output=True, text=True, check=False, cwd=folder)
        texts = stored_texts(db)
        run_result = outcome(proc, bool(texts))
        extract_result = "-"
        if name.endswith(".jsonl"):
            out = folder / "out.jsonl"
            ex = subprocess.run([*CLI, "extract", str(path), "-o", str(out), *gazetteer],
                                capture_output=True, text=True, check=False, cwd=folder)
            extract_result = outcome(ex, out.exists() and out.stat().st_size > 0)
        right = "-"
        if expected is not None:  # an HTML page's main text holds the paragraph; a text file is it
            read = len(texts) == 1 and (expected in texts[0] if name.endswith(".html") else texts[0] == expected)
            right = "yes" if read else "NO"
            bad += right == "NO"
        bad += "CRASH" in (run_result, extract_result)
        print(f"{kind:<42}{run_result:<16}{extract_result:<19}{right}")
        if "CRASH" in (run_result, extract_result) or right == "NO":
            print("   ", (proc.stdout + proc.stderr).strip().splitlines()[-1:] or ["(no output)"])
    # A folder that loops back on itself through a symbolic link.
    loop = tmp / "loop"
    (loop / "inner").mkdir(parents=True)
    (loop / "inner" / "story.txt").write_text(ENGLISH, encoding="utf-8")
    os.symlink(loop, loop / "inner" / "back")
    proc = subprocess.run([*CLI, "run", str(loop), "--db", str(tmp / "loop.db"), "--show", "0", *gazetteer],
                          capture_output=True, text=True, check=False, timeout=300)
    result = outcome(proc, bool(stored_texts(tmp / "loop.db")))
    bad += result == "CRASH"
    print(f"{'symlink loop':<42}{result:<16}{'-':<19}-")
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gazetteer", type=Path, help="gazetteer file (default: the user cache)")
    parser.add_argument("--max-mb", type=float, default=20.0, help="largest long document, in MB (default 20)")
    parser.add_argument("--no-long", action="store_true", help="skip the long documents")
    args = parser.parse_args()
    gazetteer = ["--gazetteer", str(args.gazetteer)] if args.gazetteer else []
    subprocess.run([*CLI, "gazetteer", "info", *(["--path", str(args.gazetteer)] if args.gazetteer else [])],
                   capture_output=True, check=False)
    with tempfile.TemporaryDirectory() as name:
        bad = run_kinds(Path(name), gazetteer)
    print(f"{bad} kinds crashed or were not read right")
    long_bad = 0
    if not args.no_long:
        long_documents: Callable[[float], int] = _long_documents()
        long_bad = long_documents(args.max_mb)
    sys.exit(1 if bad or long_bad else 0)


def _long_documents() -> Callable[[float], int]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from long_documents import (
        report,  # bench/long_documents.py: time per 1,000 characters by size
    )

    return report


if __name__ == "__main__":
    main()
