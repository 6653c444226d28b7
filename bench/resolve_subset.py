"""Resolve the gold spans of every Nth LGL + GeoVirus document in this process (for instruction counts).

CPU seconds on a shared machine move with its load; the number of instructions does not. Compare two
versions of the code with, for each::

    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out python bench/resolve_subset.py --every 8

and subtract the count of a run with ``--every 100000`` (one document: imports, loading, start-up) to get
the instructions of resolution itself. The figures printed are toponyms resolved and CPU seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontline.geo.gazetteer import Gazetteer
from frontline.geo.geoparse import geoparse
from frontline.geo.ranker import Ranker
from frontline.training.ranker import load_corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="the shared data folder")
    parser.add_argument("--gazetteer", type=Path, default=None, help="gazetteer file (default: the user cache)")
    parser.add_argument("--every", type=int, default=8, help="resolve every Nth document (default 8)")
    args = parser.parse_args()
    docs = [d for name in ("lgl", "geovirus") for d in load_corpus(name, args.data)][:: args.every]
    cpu = time.process_time()
    ranker = Ranker.default()
    resolved = 0
    with Gazetteer.open(args.gazetteer, build=False) as gaz:
        for doc in docs:
            gold = [t for t in doc.toponyms if t.latitude is not None and t.longitude is not None]
            if doc.text is not None and gold:
                geoparse(doc.text, gaz, [(t.start, t.end) for t in gold], ranker=ranker)
                resolved += len(gold)
    print(f"{resolved} toponyms resolved, {time.process_time() - cpu:.2f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
