"""How ACLED's coders set geo_precision when a note names the coded place with a given wording.

    python bench/precision_practice.py

For each ACLED file of the field benchmark's tuning and check splits (never the held-out file), every event
whose ``location`` appears in its notes after or before a wording ("outskirts of X", "X area", "X district",
...) is counted by its geo_precision. The rules of ``frontline/events/precision.py`` follow these counts
(docs/fields.md, issue 15). Prints counts only, no rows.
"""

from __future__ import annotations

import os
import sys

# bench/typing.py is named like the standard library's ``typing``: keep this folder off the import path.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import re
from collections import Counter
from pathlib import Path

from frontline.training.corpora.acled import FIELDS_HELDOUT
from frontline.training.corpora.acled_fields import read_acled

ACLED = Path(__file__).resolve().parents[2] / "shared" / "data" / "acled"
FILES = (
    "acled_global_2020-04-27_2020-05-09.csv",
    "acled_afghanistan_2020-03.csv",
    "acled_kenya_1997_2019.csv",
    "acled_somalia_2025-04_2026-03.csv",
    "acled_africa_2016-01_2016-05_old_taxonomy.csv",
    "acled_asia_2015_old_taxonomy.csv",
)
# ``{X}`` is the coded location's name.
WORDINGS = {
    "outskirts of X": r"outskirts of (?:the )?(?:(?:town|city|village) of )?{X}\b",
    "vicinity of X": r"vicinity of (?:the )?{X}\b",
    "near X": r"\bnear (?:the )?(?:(?:town|city|village) of )?{X}\b",
    "X area": r"\b{X} area\b",
    "area of X": r"\barea of {X}\b",
    "X district": r"\b{X} (?:district|sub-?district)\b",
    "X township": r"\b{X} township\b",
    "X county": r"\b{X} county\b",
    "in X town/city": r"\bin {X} (?:town|city)\b",
    "X village": r"\b{X} village\b",
}


def main() -> int:
    if not ACLED.exists():
        sys.exit(f"error: {ACLED} is missing")
    print(f"{'wording':<18}" + "".join(f"{name[6:30]:>26}" for name in FILES))
    counts: dict[str, list[Counter[int]]] = {w: [] for w in WORDINGS}
    for name in FILES:
        assert name != FIELDS_HELDOUT
        per: dict[str, Counter[int]] = {w: Counter() for w in WORDINGS}
        for row in read_acled(ACLED / name):
            if not row.location:
                continue
            x = re.escape(row.location)
            for wording, pattern in WORDINGS.items():
                if re.search(pattern.format(X=x), row.notes, re.IGNORECASE):
                    per[wording][row.geo_precision] += 1
        for wording in WORDINGS:
            counts[wording].append(per[wording])
    for wording, columns in counts.items():
        cells = ["/".join(str(c[g]) for g in (1, 2, 3)) for c in columns]
        print(f"{wording:<18}" + "".join(f"{cell:>26}" for cell in cells))
    print("cells: events with geo_precision 1/2/3")
    return 0


if __name__ == "__main__":
    sys.exit(main())
