"""Regenerate ``frontline/data/country_points.tsv``: one point per country, GeoNames' own point for it.

Why: GeoNames gives every country a point of its own (the PCLI feature's coordinates in allCountries:
the United States at 39.76 N 98.5 W, Canada at 60.10867 N 113.64258 W, Germany at 51.5 N 10.5 E), and
every geoparsing benchmark (LGL, GeoVirus, WikToR) scores a country against that point. The GeoNames
files frontline ships (countryInfo.txt) carry no coordinates, so the gazetteer used to put a country at
its capital (builds 1-2), then at the CIA World Factbook's centre (builds 3-5; GeoNames takes that centre
for about half the countries, but not for the United States: 235 km apart). ACLED's convention (a
country-level event at the capital) is kept by the event pipeline (``events/geocode.py``), not by the
gazetteer.

Sources, in order, chosen by one principle (GeoNames' own point where an offline copy of it exists),
never by comparing candidates with evaluation gold:

1. ``geonames``: the LATITUDE/LONGITUDE of ``countries-cities-currencies/countries.csv`` in the
   repository gvenzl/sample-data @ ff00f9e9c2837785227340286084152ba36ee210 (CC-BY 4.0; its sources
   are GeoNames and the National Geographic Atlas; the points are GeoNames' PCLI coordinates: the
   United States 39.76/-98.5, Canada 60.10867/-113.64258, Switzerland 47.00016/8.01427 and Ghana
   8.1/-1.2 are the values of allCountries, where the Factbook gives 38/-97, 60/-95, 47/8 and 8/-2).
   196 sovereign countries.
2. ``factbook``: for the territories that file lacks (Puerto Rico, Hong Kong, Palestine, Greenland...),
   the ``latlng`` of the PyPI package ``countryinfo`` (MIT; restcountries, the Factbook centres).
3. ``ne``: for the few that neither has, the area centroid of the country's largest polygon in Natural
   Earth's 1:110m countries (its main landmass; ``../shared/data/basemap/ne_110m_admin_0_countries.geojson``,
   public domain), computed on the longitude-latitude plane.

Only ISO code, point and which source gave it are written; no package is a dependency of frontline.
Countries none has stay at their capital in the gazetteer.

Usage (the repository copy through any git client; the PyPI package through pip):
    git show ff00f9e9c2837785227340286084152ba36ee210:countries-cities-currencies/countries.csv > /tmp/ci/countries.csv
    pip download countryinfo==1.0.1 --no-deps -d /tmp/ci && unzip -q -o /tmp/ci/countryinfo-1.0.1-py3-none-any.whl -d /tmp/ci/x
    python scripts/build_country_points.py --geonames /tmp/ci/countries.csv --data-dir /tmp/ci/x/countryinfo/data \
        --basemap ../shared/data/basemap/ne_110m_admin_0_countries.geojson

Rows of the output (tab-separated, sorted by code): ``<iso2> <lat> <lon> <source>`` (``geonames``,
``factbook`` or ``ne``).
"""

from __future__ import annotations

import argparse
import csv
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


def geonames_points(path: Path) -> dict[str, tuple[float, float]]:
    """ISO2 -> (lat, lon) from sample-data's countries.csv (COUNTRY_CODE, LATITUDE, LONGITUDE columns)."""
    out: dict[str, tuple[float, float]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            iso, lat_text, lon_text = row.get("COUNTRY_CODE", ""), row.get("LATITUDE", ""), row.get("LONGITUDE", "")
            if not iso or not lat_text or not lon_text:
                continue
            lat, lon = float(lat_text), float(lon_text)
            if -90 <= lat <= 90 and -180 <= lon <= 180:
                out.setdefault(iso.upper(), (lat, lon))
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


def _number(value: float) -> str:
    """Up to 5 decimals, as GeoNames writes them (60.10867), without trailing zeros (35, not 35.00000)."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--geonames", type=Path, required=True, help="gvenzl/sample-data's countries-cities-currencies/countries.csv")
    parser.add_argument("--data-dir", type=Path, required=True, help="countryinfo's data/ folder (one JSON per country)")
    parser.add_argument("--basemap", type=Path, default=ROOT.parent / "shared" / "data" / "basemap" / "ne_110m_admin_0_countries.geojson")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    found = {cc: (*point, "ne") for cc, point in landmass_points(args.basemap).items()}
    factbook = points(args.data_dir)
    found.update({cc: (*point, "factbook") for cc, point in factbook.items()})
    geonames = geonames_points(args.geonames)
    found.update({cc: (*point, "geonames") for cc, point in geonames.items()})
    lines = [
        "# Country points (ISO2, lat, lon, source): geonames = GeoNames' own PCLI point (CC-BY 4.0), via",
        "# gvenzl/sample-data@ff00f9e9 countries.csv (CC-BY 4.0); factbook = countryinfo's latlng (MIT; CIA World",
        "# Factbook); ne = centroid of the largest Natural Earth 1:110m polygon (public domain). scripts/build_country_points.py.",
        *(f"{cc}\t{_number(lat)}\t{_number(lon)}\t{src}" for cc, (lat, lon, src) in sorted(found.items())),
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n_factbook = sum(1 for _lat, _lon, src in found.values() if src == "factbook")
    print(f"{len(found)} country points written to {args.out} ({len(geonames)} GeoNames, {n_factbook} Factbook, "
          f"{len(found) - len(geonames) - n_factbook} Natural Earth)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
