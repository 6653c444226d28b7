"""Throughput and peak memory of `frontline extract` on the real texts in ../shared/data/corpora.

    python bench/extract_speed.py            # every corpus, every article
    python bench/extract_speed.py --limit 200

Each corpus is written to a temporary JSONL file in the contract's shape and run through the
installed `frontline extract` command in a child process, so the figures include start-up. Peak
memory is the child's maximum resident set size. Cold start is `frontline extract` on one short
article with the gazetteer already built (import, gazetteer open, one article, exit).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpora"
csv.field_size_limit(sys.maxsize)


def fakes(limit: int) -> Iterator[dict[str, str]]:
    """FA-KES: 804 Syrian-war articles with outlet and date."""
    with (CORPORA / "fakes_syria" / "FA-KES-Dataset.csv").open(encoding="utf-8", errors="replace") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if i >= limit:
                return
            month, day, year = row["date"].split("/")  # FA-KES writes M/D/YYYY
            yield {
                "id": f"fakes-{row['unit_id']}",
                "text": row["article_content"],
                "source": row["source"],
                "published": f"{int(year):04d}-{int(month):02d}-{int(day):02d}",
            }


def tsv_first_column(name: str) -> callable:  # type: ignore[valid-type]
    def read(limit: int) -> Iterator[dict[str, str]]:
        n = 0
        for split in ("train", "dev", "test"):
            with (CORPORA / name / f"{split}.tsv").open(encoding="utf-8", errors="replace") as fh:
                for i, row in enumerate(csv.reader(fh, delimiter="\t")):
                    if n >= limit:
                        return
                    if row and row[0].strip():
                        n += 1
                        yield {"id": f"{name}-{split}-{i}", "text": row[0]}

    return read


def muc4(limit: int) -> Iterator[dict[str, str]]:
    n = 0
    for split in ("train", "dev", "test"):
        for key, value in json.loads((CORPORA / "muc4" / f"{split}.json").read_text()).items():
            if n >= limit:
                return
            n += 1
            yield {"id": key, "text": value["doc"]}


READERS = {"fakes_syria": fakes, "satp": tsv_first_column("satp"), "insightcrime": tsv_first_column("insightcrime"), "muc4": muc4}


def run_extract(src: Path, dst: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `frontline extract` child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "frontline.cli", "extract", str(src), "-o", str(dst)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    stderr = proc.stderr.read() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not a running maximum
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"frontline extract failed ({code}):\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=10**9, help="articles per corpus (default: all)")
    parser.add_argument("--corpus", choices=sorted(READERS), action="append", help="only these corpora")
    args = parser.parse_args()
    if not CORPORA.exists():
        sys.exit(f"corpora not found at {CORPORA}")
    # Build the gazetteer first so the timings measure extraction, not the one-off build.
    subprocess.run([sys.executable, "-m", "frontline.cli", "gazetteer", "info"], capture_output=True, check=True)
    print(f"{'corpus':<14}{'articles':>9}{'chars':>11}{'events':>8}{'seconds':>9}{'art/s':>8}{'peak MB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps({"id": "x", "text": "Rebels shelled Aleppo on Monday.", "published": "2016-07-01"}) + "\n")
        cold, _ = run_extract(one, Path(tmp) / "one.out")
        total_n = total_s = 0.0
        for name in args.corpus or sorted(READERS):
            src, dst = Path(tmp) / f"{name}.jsonl", Path(tmp) / f"{name}.out.jsonl"
            rows = list(READERS[name](args.limit))
            src.write_text("".join(json.dumps(r) + "\n" for r in rows))
            seconds, peak = run_extract(src, dst)
            events = sum(1 for _ in dst.open())
            chars = sum(len(r["text"]) for r in rows)
            total_n += len(rows)
            total_s += seconds
            print(f"{name:<14}{len(rows):>9}{chars:>11}{events:>8}{seconds:>9.1f}{len(rows) / seconds:>8.1f}{peak:>9.0f}")
        print(f"{'all':<14}{int(total_n):>9}{'':>11}{'':>8}{total_s:>9.1f}{total_n / total_s:>8.1f}")
        print(f"cold start (one short article, gazetteer built): {cold:.2f} s")


if __name__ == "__main__":
    main()
