"""Cold open of the gazetteer: a fresh interpreter imports frontline, opens the file and looks names up.

    python bench/gazetteer_open.py                 # the default gazetteer (built first if missing)
    python bench/gazetteer_open.py --path g.sqlite --runs 5

Each run is a new Python process, so nothing is warm but the OS page cache. Printed per run (median over
runs): import of frontline.geo.gazetteer, Gazetteer.open (connect + schema check), the first lookup (which loads
the normalisation table and the country tables), then 1,000 lookups of distinct names, a near() query and
an FTS search. The target is open under 0.3 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from frontline.geo.gazetteer import Gazetteer
t1 = time.perf_counter()
gaz = Gazetteer.open(sys.argv[1], build=False)
t2 = time.perf_counter()
gaz.lookup("Kansaba")
t3 = time.perf_counter()
import pathlib, sqlite3  # here, so the timed import above is of frontline alone
con = sqlite3.connect(f"{pathlib.Path(sys.argv[1]).resolve().as_uri()}?mode=ro", uri=True)  # untimed: names to look up
names = [r[0] for r in con.execute("SELECT name FROM places ORDER BY geonameid LIMIT 1000 OFFSET 5000")]
con.close()
t4 = time.perf_counter()
for n in names:
    gaz.lookup(n)
t5 = time.perf_counter()
gaz.near(35.7441, 36.164, 10)
t6 = time.perf_counter()
gaz.search("kinns")
t7 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "open_s": t2 - t1, "first_lookup_s": t3 - t2,
                  "lookups_per_s": len(names) / (t5 - t4), "near_ms": 1000 * (t6 - t5), "search_ms": 1000 * (t7 - t6)}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", type=Path, default=None, help="gazetteer file (default: the user cache)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from frontline.geo.gazetteer import Gazetteer, default_path

    path = args.path or default_path()
    Gazetteer.open(path).close()  # build it first if missing; not timed
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"gazetteer {path} ({path.stat().st_size / 1e6:.1f} MB), median of {args.runs} cold runs:")
    print(f"  import frontline.geo.gazetteer  {med['import_s'] * 1000:7.1f} ms")
    print(f"  Gazetteer.open              {med['open_s'] * 1000:7.1f} ms   (target < 300 ms)")
    print(f"  first lookup                {med['first_lookup_s'] * 1000:7.1f} ms")
    print(f"  open + first lookup         {(med['open_s'] + med['first_lookup_s']) * 1000:7.1f} ms")
    print(f"  lookups (distinct names)    {med['lookups_per_s']:7.0f} /s")
    print(f"  near(10 km)                 {med['near_ms']:7.2f} ms")
    print(f"  search('kinns')             {med['search_ms']:7.2f} ms")
    return 0 if med["open_s"] < 0.3 else 1


if __name__ == "__main__":
    sys.exit(main())
