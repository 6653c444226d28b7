"""Byte-identical output against an earlier commit: `frontline extract` and `frontline geoparse` on
every corpus in ../shared/data/corpora and on the seed article.

    python bench/same_output.py                    # against BASE (the last commit before the restructuring)
    python bench/same_output.py --base HEAD~3      # against any commit
    python bench/same_output.py --limit 100        # the first 100 articles of each corpus

The base commit's package is unpacked with `git archive` into a temporary folder and run with that
folder first on PYTHONPATH, so both sides use this interpreter and its installed libraries; only
frontline's own code differs. Both sides share the cached gazetteer. Exit status 1 when any output
differs, and the first differing line of each file is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extract_speed import CORPORA, READERS

ROOT = Path(__file__).resolve().parents[1]
SEED = CORPORA.parent / "examples" / "zaman-al-wasl-latakia-2016.txt"
# The last commit before the package restructuring (issue "The house for what comes next").
BASE = "eb1f2c5"


def inputs(limit: int) -> dict[str, list[dict[str, str]]]:
    """Every corpus in the contract's input shape, plus the seed with its publication date and outlet."""
    sets = {name: list(read(limit)) for name, read in sorted(READERS.items())}
    sets["seed"] = [
        {"id": "seed", "text": SEED.read_text(encoding="utf-8"), "published": "2016-07-01", "source": "Zaman al-Wasl"}
    ]
    return sets


def run(package_root: Path, verb: str, src: Path, dst: Path) -> float:
    """Run one frontline verb with ``package_root`` first on the import path; wall seconds."""
    env = dict(os.environ, PYTHONPATH=str(package_root))
    code = (
        "import sys, frontline; "
        f"assert frontline.__file__.startswith({str(package_root)!r}), frontline.__file__; "
        "from frontline.cli import main; sys.argv = ['frontline', *sys.argv[1:]]; main()"
    )
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, verb, str(src), "-o", str(dst)],
        env=env, cwd=package_root, capture_output=True, text=True, check=False,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"{verb} under {package_root} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return time.perf_counter() - started


def first_difference(a: Path, b: Path) -> str | None:
    left, right = a.read_bytes().splitlines(), b.read_bytes().splitlines()
    for i, (x, y) in enumerate(zip(left, right, strict=False)):
        if x != y:
            return f"line {i + 1}:\n  base: {x[:300]!r}\n  head: {y[:300]!r}"
    if len(left) != len(right):
        return f"{len(left)} lines in base, {len(right)} in head"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default=BASE, help=f"commit to compare with (default {BASE})")
    parser.add_argument("--limit", type=int, default=10**9, help="articles per corpus (default: all)")
    args = parser.parse_args()
    if not CORPORA.exists():
        sys.exit(f"corpora not found at {CORPORA}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base_root = tmp / "base"
        base_root.mkdir()
        archive = subprocess.run(["git", "archive", args.base, "frontline"], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(base_root)], input=archive.stdout, check=True)
        different = 0
        print(f"{'input':<14}{'verb':<10}{'articles':>9}{'lines':>8}{'base s':>8}{'head s':>8}  same")
        for name, rows in inputs(args.limit).items():
            src = tmp / f"{name}.jsonl"
            src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            for verb in ("extract", "geoparse"):
                outs = {side: tmp / f"{name}.{verb}.{side}.jsonl" for side in ("base", "head")}
                base_s = run(base_root, verb, src, outs["base"])
                head_s = run(ROOT, verb, src, outs["head"])
                diff = first_difference(outs["base"], outs["head"])
                lines = sum(1 for _ in outs["head"].open("rb"))
                print(f"{name:<14}{verb:<10}{len(rows):>9}{lines:>8}{base_s:>8.1f}{head_s:>8.1f}  {'yes' if diff is None else 'NO'}")
                if diff is not None:
                    different += 1
                    print(f"  first difference, {diff}")
        print(f"{different} of {2 * (len(READERS) + 1)} outputs differ from {args.base}")
        sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()
