"""Cost per character of one long document: is the pipeline linear in document length?

    python bench/long_documents.py                 # 1 kB, 10 kB, 100 kB, 300 kB, 1 MB, 5 MB, 20 MB
    python bench/long_documents.py --max-mb 1      # only sizes up to 1 MB (quick)
    python bench/long_documents.py --max-chars 0   # each document whole, without windows
    python bench/long_documents.py --profile 0.3   # cProfile one 300 kB document, top functions

A document of N characters is real paragraphs joined by blank lines: the FA-KES articles
(../shared/data/corpora/fakes_syria) in file order, one article a paragraph. Past the corpus's
1.5 MB each further pass reorders every article's sentences (a fixed seed per pass and article), so
the paragraphs stay real text but are not repeats that ``clean`` would drop. The same size always
gives the same document.

Each size runs in a child process (gazetteer, models and one warm-up article loaded first), through
what `frontline extract` runs (``service.extract_jsonl``, so a document over ``--max-chars`` goes in
windows); the seconds are that call on the one document; peak resident memory comes from
``os.wait4``. The table prints size, seconds, ms per 1,000 characters, the ratio of that to the
10 kB figure, events, peak MB; the run exits 1 when a ratio is over 2 or a peak over 1,024 MB.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpora" / "fakes_syria" / "FA-KES-Dataset.csv"
SIZES_MB = (0.001, 0.01, 0.1, 0.3, 1.0, 5.0, 20.0)
MAX_RATIO, MAX_PEAK_MB = 2.0, 1024.0
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
csv.field_size_limit(sys.maxsize)


def articles() -> list[str]:
    with CORPUS.open(encoding="utf-8", errors="replace") as fh:
        return [" ".join(row["article_content"].split()) for row in csv.DictReader(fh) if row["article_content"].strip()]


def document(chars: int) -> str:
    """At least ``chars`` characters of real paragraphs (deterministic)."""
    pool = articles()
    parts: list[str] = []
    total = 0
    for rounds in range(10_000):
        for i, text in enumerate(pool):
            if rounds:
                # A new order of the article's sentences: real text, yet no repeat for clean to drop.
                sentences = _SENTENCE_END.split(text)
                random.Random(rounds * 1_000_003 + i).shuffle(sentences)
                text = " ".join(sentences)
            parts.append(text)
            total += len(text) + 2
            if total >= chars:
                return "\n\n".join(parts)
    raise AssertionError("unreachable")


def child(chars: int, max_chars: int) -> None:
    """Run one document through what `frontline extract` runs; print seconds, events and size as JSON."""
    from frontline.pipeline import Pipeline
    from frontline.records import Article
    from frontline.service import extract_jsonl

    pipeline = Pipeline.default()
    published = dt.date(2017, 1, 1)
    pipeline.process(Article(id="warm", text="Rebels shelled Aleppo on Monday, killing 3.", published=published))
    text = document(chars)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text(json.dumps({"id": "long", "text": text, "published": published.isoformat()}) + "\n", encoding="utf-8")
        started = time.perf_counter()
        report = extract_jsonl(src, Path(tmp) / "out.jsonl", pipeline=pipeline, max_chars=max_chars or None)
        seconds = time.perf_counter() - started
    print(json.dumps({"chars": len(text), "seconds": seconds, "events": report.events}))


def run_child(chars: int, timeout: float, max_chars: int) -> tuple[dict[str, float] | None, float]:
    """The child's JSON line (None when it failed or ran out of time) and its peak RSS in MB."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, __file__, "--child", str(chars), "--max-chars", str(max_chars)], stdout=out, stderr=err, text=True)
        deadline = time.monotonic() + timeout
        while True:
            # wait4 reaps the child with its own rusage: the peak RSS of this child alone.
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.2)
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting again
        peak = usage.ru_maxrss / 1024
        out.seek(0)
        err.seek(0)
        lines = out.read().strip().splitlines()
        if proc.returncode != 0 or not lines:
            sys.stderr.write(err.read()[-2000:])
            return None, peak
        return json.loads(lines[-1]), peak


def profile(mb: float, top: int) -> None:
    import cProfile
    import pstats

    from frontline.pipeline import Pipeline
    from frontline.records import Article

    pipeline = Pipeline.default()
    published = dt.date(2017, 1, 1)
    pipeline.process(Article(id="warm", text="Rebels shelled Aleppo on Monday, killing 3.", published=published))
    article = Article(id="long", text=document(int(mb * 1_000_000)), published=published)
    prof = cProfile.Profile()
    prof.enable()
    pipeline.process(article)
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(top)
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


def report(max_mb: float = max(SIZES_MB), max_chars: int | None = None, timeout: float = 1800.0) -> int:
    """Print the table for sizes up to ``max_mb``; the number of sizes over the ratio or memory bound."""
    from frontline.records import MAX_CHARS

    limit = MAX_CHARS if max_chars is None else max_chars
    print(f"time per 1,000 characters by document size (--max-chars {limit:,}: longer documents go in windows)")
    print(f"{'size':>9}{'chars':>11}{'seconds':>9}{'ms/kchar':>10}{'ratio':>7}{'events':>8}{'peak MB':>9}")
    rows: list[tuple[str, dict[str, float] | None, float]] = []
    for mb in SIZES_MB:
        if mb <= max_mb:
            row, peak = run_child(int(mb * 1_000_000), timeout, limit)
            rows.append((f"{mb:g} MB" if mb >= 1 else f"{mb * 1000:g} kB", row, peak))
    per_k = {label: 1000 * row["seconds"] / (row["chars"] / 1000) for label, row, _ in rows if row}
    base = per_k.get("10 kB") or next(iter(per_k.values()), 1.0)
    bad = 0
    for label, row, peak in rows:
        if row is None:
            bad += 1
            print(f"{label:>9}{'':>11}{'>' + format(timeout, 'g'):>9}{'':>10}{'':>7}{'':>8}{peak:>9.0f}", flush=True)
            continue
        ratio = per_k[label] / base
        over = ratio > MAX_RATIO and label not in ("1 kB",) or peak > MAX_PEAK_MB
        bad += over
        print(
            f"{label:>9}{row['chars']:>11}{row['seconds']:>9.1f}{per_k[label]:>10.2f}{ratio:>7.2f}{row['events']:>8}"
            f"{peak:>9.0f}{'  over' if over else ''}",
            flush=True,
        )
    print(f"{bad} sizes over {MAX_RATIO:g}x the 10 kB time per character or {MAX_PEAK_MB:g} MB")
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-mb", type=float, default=max(SIZES_MB), help="skip sizes above this many MB")
    parser.add_argument("--max-chars", type=int, help="windows above this many characters (default: frontline's; 0: whole)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds one size may take")
    parser.add_argument("--profile", type=float, metavar="MB", help="cProfile one document of this size instead")
    parser.add_argument("--top", type=int, default=30, help="functions the profile prints")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.max_chars or 0)
        return
    if args.profile is not None:
        profile(args.profile, args.top)
        return
    sys.exit(1 if report(args.max_mb, args.max_chars, args.timeout) else 0)


if __name__ == "__main__":
    main()
