"""Regenerate ``frontline/data/ucdp_places.csv.gz``: the distinct places of UCDP GED Syria 2016-2017.

Why: GeoNames cities500 lacks most Syrian villages that conflict reports name ("Teir Maaleh village"),
and UCDP GED codes each event at a named place with coordinates. The default gazetteer adds these places
at build time (``build.add_packaged_places``), through the same code as ``frontline gazetteer import``
(names from ``where_coordinates``, admin codes from ``adm_1``/``adm_2``, merged into a known place of
the same name within 5 km), but not flagged as the user's own import.

Source: ``../shared/data/ucdp/ged_syria_2016_2017.csv`` (UCDP GED, CC-BY 4.0: Sundberg and Melander 2013,
Uppsala Conflict Data Program). Only derived place facts are written, never events: for each distinct
(``where_coordinates``, latitude, longitude), the first row's place columns (``where_coordinates``,
``where_prec``, ``adm_1``, ``adm_2``, ``latitude``, ``longitude``, ``country``), in file order, so that
the build gives the places a full import of the file would give.

Usage:
    python scripts/build_ucdp_extract.py [--ged ../shared/data/ucdp/ged_syria_2016_2017.csv]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "frontline" / "data" / "ucdp_places.csv.gz"
COLUMNS = ("where_coordinates", "where_prec", "adm_1", "adm_2", "latitude", "longitude", "country")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ged", type=Path, default=ROOT.parent / "shared" / "data" / "ucdp" / "ged_syria_2016_2017.csv")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    seen: set[tuple[str, str, str]] = set()
    rows = []
    with args.ged.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            place = tuple((row.get(c) or "").strip() for c in COLUMNS)
            key = (place[0], place[4], place[5])
            if not place[0] or key in seen:
                continue
            seen.add(key)
            rows.append(place)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    # mtime 0: the same input gives the same bytes.
    args.out.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), mtime=0))
    print(f"{len(rows)} distinct places written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
