"""How well an area's point, computed from its populated places, finds the middle of the area.

    python bench/area_points.py                  # default gazetteer (FRONTLINE_GAZETTEER or the user cache)
    python bench/area_points.py --gazetteer PATH

The gazetteer puts an admin1 region at ``sources.extent_centre`` of its populated places: GeoNames'
admin1 points (the points the geoparsing gold uses) are not in the files frontline ships. Which
estimator, and which trim, is measured here on areas whose *shape* we have, never on a geoparsing
benchmark: the 1:110m Natural Earth countries (``../shared/data/basemap``; the truth is the area
centroid of all the country's polygons on the longitude-latitude plane; countries across the 180th
meridian and those with fewer than 10 places are left out) and OCHA's Syrian admin1-3 areas
(``../shared/data/gazetteer/syria_ocha_admin``; places assigned by point in polygon). For each
estimator: median and mean km from the truth, and the share within 161 km and 50 km.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sqlite3
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

# The shoelace centroid of a ring and the ISO3 -> ISO2 table, one copy each (scripts/build_country_points.py).
from build_country_points import iso3_to_iso2, ring_centroid

from frontline.geo.gazetteer import Gazetteer
from frontline.geo.gazetteer.geometry import haversine_km
from frontline.geo.gazetteer.sources import extent_centre

DATA = ROOT.parent / "shared" / "data"
Point = tuple[float, float]
ANTIMERIDIAN = {"RU", "FJ", "US", "NZ", "KI"}


def shape(geometry: dict) -> tuple[Point, list]:  # type: ignore[type-arg]
    """The area centroid of a (Multi)Polygon, holes subtracted, and its polygons."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    area = x = y = 0.0
    for polygon in polygons:
        for k, ring in enumerate(polygon):
            a, lat, lon = ring_centroid(ring)
            a = abs(a) if k == 0 else -abs(a)
            area, x, y = area + a, x + a * lon, y + a * lat
    return (y / area, x / area), polygons


def inside(point: Point, polygons: list) -> bool:  # type: ignore[type-arg]
    lat, lon = point
    hit = False
    for polygon in polygons:
        for ring in polygon:
            for (x0, y0), (x1, y1) in itertools.pairwise(ring):
                if (y0 > lat) != (y1 > lat) and lon < (x1 - x0) * (lat - y0) / (y1 - y0) + x0:
                    hit = not hit
    return hit


def _mean(points: Sequence[Point]) -> Point:
    return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)


def _median(points: Sequence[Point]) -> Point:
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _extent(trim: float) -> Callable[[Sequence[Point]], Point | None]:
    return lambda points: extent_centre(points, trim=trim)


ESTIMATORS: dict[str, Callable[[Sequence[Point]], Point | None]] = {
    "extent, no trim": _extent(0.0),
    "extent, trim 0.5 % (build 4)": _extent(0.005),
    "extent, trim 2 % (build 3)": _extent(0.02),
    "extent, trim 5 %": _extent(0.05),
    "mean of places": _mean,
    "median of places": _median,
}


def report(title: str, areas: list[tuple[Point, list[Point]]]) -> None:
    print(f"{title}: {len(areas)} areas")
    for name, estimate in ESTIMATORS.items():
        errors = []
        for truth, points in areas:
            point = estimate(points)
            assert point is not None
            errors.append(haversine_km(truth[0], truth[1], point[0], point[1]))
        print(
            f"  {name:30} median {statistics.median(errors):5.0f} km  mean {statistics.fmean(errors):5.0f} km  "
            f"within 161 km {100 * sum(e <= 161 for e in errors) / len(errors):5.1f} %  "
            f"within 50 km {100 * sum(e <= 50 for e in errors) / len(errors):5.1f} %"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gazetteer", type=Path, default=None)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    path = Gazetteer.open(args.gazetteer).path
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)  # evaluation code: a plain scan
    try:
        rows = con.execute(
            "SELECT latitude, longitude, country_code FROM places WHERE feature_class = 'P' AND source = 'geonames'"
        ).fetchall()
    finally:
        con.close()
    by_country: dict[str, list[Point]] = {}
    for lat, lon, cc in rows:
        by_country.setdefault(cc, []).append((lat, lon))
    iso2 = iso3_to_iso2()
    countries = []
    for feature in json.loads((args.data / "basemap" / "ne_110m_admin_0_countries.geojson").read_text())["features"]:
        props = feature["properties"]
        cc = props.get("ISO_A2") if props.get("ISO_A2") not in (None, "-99") else iso2.get(props.get("ADM0_A3", ""))
        if not cc or cc in ANTIMERIDIAN or len(by_country.get(cc, [])) < 10:
            continue
        truth, _ = shape(feature["geometry"])
        countries.append((truth, by_country[cc]))
    report("Natural Earth countries, all the country's places (islands and territories included)", countries)
    syria = by_country.get("SY", [])
    for level in (1, 2, 3):
        areas = []
        for feature in json.loads((args.data / "gazetteer" / "syria_ocha_admin" / f"syr_admin{level}.geojson").read_text())["features"]:
            truth, polygons = shape(feature["geometry"])
            points = [p for p in syria if inside(p, polygons)]
            if len(points) >= 3:
                areas.append((truth, points))
        report(f"OCHA Syria admin{level}, places inside the shape", areas)
    return 0


if __name__ == "__main__":
    sys.exit(main())
