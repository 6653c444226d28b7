"""UCDP target: once a UCDP GED file is imported, do its place names resolve to UCDP's coordinates?

    python bench/ucdp_places.py                      # ../shared/data/ucdp/ged_syria_2016_2017.csv
    python bench/ucdp_places.py --csv other.csv --worst 40

Steps: copy the default gazetteer (built into a temporary file when the cache has none of this schema)
to a temporary file; import the UCDP CSV into it with ``import_places`` (what ``frontline gazetteer
import`` runs); then resolve every distinct ``where_coordinates`` through ``frontline.geo.geoparse.geoparse``
(the library call behind ``frontline geoparse``) with the place name given as the toponym span.

The text around each name is built the same way for every name (``text_for`` below):

* name = the first name ``parse_ucdp_place`` takes from where_coordinates ("Tadmur/Palmyra town" -> "Tadmur",
  "Kansaba town" -> "Kansaba", "Aleppo Governorate" -> "Aleppo");
* bare text (the gated figure):       "Fighting was reported in {name} on Monday."
* described text (also reported):     "Fighting was reported in {name} {descriptor} on Monday."
  where descriptor is the word UCDP wrote after the name ("town", "village", "Governorate", ...), as
  news often do ("Kansaba town"); names without one get the bare text.

A name counts as within 5 km when the resolved entry lies within 5 km of UCDP's point for that name (each
where_coordinates string has one point in this file). Also printed: the same figures with the default
gazetteer before the import, the import time, and the worst names. Floors: bench/floors/ucdp_places.json
(exit 1 when a gated figure drops below its floor).
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from frontline.geo.gazetteer import (
    SCHEMA_VERSION,
    Gazetteer,
    GazetteerError,
    build_gazetteer,
    default_path,
    haversine_km,
    import_places,
    parse_ucdp_place,
)
from frontline.geo.geoparse import geoparse
from frontline.records import Place

ROOT = Path(__file__).resolve().parents[1]
UCDP = ROOT.parent / "shared" / "data" / "ucdp" / "ged_syria_2016_2017.csv"
FLOORS = Path(__file__).resolve().parent / "floors" / "ucdp_places.json"
# The texts, by variant: (template when UCDP wrote a descriptor, template when it did not).
TEMPLATES = {
    "bare": ("Fighting was reported in {name} on Monday.",) * 2,
    "country": ("Fighting was reported in {name}, {country}, on Monday.",) * 2,
    "described": (
        "Fighting was reported in {name} {descriptor}, {country}, on Monday.",
        "Fighting was reported in {name}, {country}, on Monday.",
    ),
}
GATED = ("country", "described")


def text_for(name: str, descriptor: str, country: str, variant: str) -> tuple[str, tuple[int, int]]:
    """The short neutral text for a name and the name's span in it."""
    with_descriptor, without = TEMPLATES[variant]
    template = with_descriptor if descriptor else without
    start = template.index("{name}")
    return template.format(name=name, descriptor=descriptor, country=country), (start, start + len(name))


Point = tuple[float, float, str, str]  # lat, lon, where_prec, country


def ucdp_points(path: Path) -> dict[str, Point]:
    """Distinct where_coordinates -> (lat, lon, where_prec, country) at its most frequent point."""
    counts: dict[str, Counter[Point]] = defaultdict(Counter)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            point = (float(row["latitude"]), float(row["longitude"]), row["where_prec"], row["country"])
            counts[row["where_coordinates"]][point] += 1
    return {where: c.most_common(1)[0][0] for where, c in counts.items()}


def evaluate(gaz: Gazetteer, points: dict[str, Point], variant: str) -> dict[str, object]:
    rows: list[tuple[str, str, Place | None, float | None]] = []
    started = time.perf_counter()
    for where, (lat, lon, prec, country) in sorted(points.items()):
        names, descriptor, _fclass, _fcode = parse_ucdp_place(where, prec)
        if not names:
            rows.append((where, "", None, None))
            continue
        text, span = text_for(names[0], descriptor, country, variant)
        [resolved] = geoparse(text, gaz, toponyms=[span])
        place = resolved.place
        km = None if place is None else haversine_km(lat, lon, place.latitude, place.longitude)
        rows.append((where, text, place, km))
    seconds = time.perf_counter() - started
    n = len(rows)
    within5 = sum(1 for r in rows if r[3] is not None and r[3] <= 5)
    within25 = sum(1 for r in rows if r[3] is not None and r[3] <= 25)
    unresolved = sum(1 for r in rows if r[3] is None)
    return {
        "names": n,
        "within_5km": round(100 * within5 / n, 2),
        "within_25km": round(100 * within25 / n, 2),
        "unresolved": round(100 * unresolved / n, 2),
        "seconds": round(seconds, 2),
        "rows": rows,
    }


def candidate_recall(gaz: Gazetteer, points: dict[str, Point]) -> float:
    """Share of names with at least one ``Gazetteer.match`` candidate within 5 km: what any ranker could reach."""
    hit = 0
    for where, (lat, lon, prec, _country) in points.items():
        names, *_ = parse_ucdp_place(where, prec)
        if names and any(
            haversine_km(lat, lon, m.place.latitude, m.place.longitude) <= 5 for m in gaz.match(names[0], limit=200)
        ):
            hit += 1
    return round(100 * hit / len(points), 2)


def show(label: str, result: dict[str, object]) -> None:
    print(
        f"{label:<42} names {result['names']}: within 5 km {result['within_5km']:.2f}%, within 25 km "
        f"{result['within_25km']:.2f}%, unresolved {result['unresolved']:.2f}% ({result['seconds']} s)"
    )


def worst(result: dict[str, object], points: dict[str, Point], k: int) -> None:
    rows = [r for r in result["rows"] if r[3] is None or r[3] > 5]  # type: ignore[attr-defined]
    rows.sort(key=lambda r: (-(r[3] if r[3] is not None else 1e9), r[0]))
    for where, _text, place, km in rows[:k]:
        lat, lon, prec, _country = points[where]
        got = "unresolved" if place is None else (
            f"{place.name} [{place.geonameid} {place.feature_code} {place.source}] {km:.1f} km"
        )
        print(f"  {where!r} (prec {prec}, {lat:.4f},{lon:.4f}) -> {got}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, default=UCDP, help="UCDP GED CSV (default: %(default)s)")
    parser.add_argument("--worst", type=int, default=25, help="show this many misses")
    parser.add_argument("--no-floors", action="store_true", help="print figures only")
    args = parser.parse_args()
    if not args.csv.exists():
        print(f"UCDP file not found: {args.csv}", file=sys.stderr)
        return 2
    points = ucdp_points(args.csv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gazetteer.sqlite"
        cached = default_path()
        try:
            with Gazetteer.open(cached, build=False) as g:
                ok = g.metadata().get("schema_version") == str(SCHEMA_VERSION) and not g.imports()
        except GazetteerError:
            ok = False
        if ok:
            shutil.copyfile(cached, path)
            print(f"default gazetteer copied from {cached}")
        else:
            started = time.perf_counter()
            build_gazetteer(path)
            print(f"default gazetteer built in {time.perf_counter() - started:.1f} s")
        with Gazetteer.open(path, build=False) as gaz:
            before = {v: evaluate(gaz, points, v) for v in TEMPLATES}
            recall_before = candidate_recall(gaz, points)
        started = time.perf_counter()
        summary = import_places(path, args.csv)
        print(f"import: {summary.line()} (wall {time.perf_counter() - started:.1f} s)")
        with Gazetteer.open(path, build=False) as gaz:
            after = {v: evaluate(gaz, points, v) for v in TEMPLATES}
            recall_after = candidate_recall(gaz, points)
    for v in TEMPLATES:
        show(f"default gazetteer, {v} text", before[v])
    for v in TEMPLATES:
        show(f"after import, {v} text" + (" (gated)" if v in GATED else ""), after[v])
    print(f"a candidate within 5 km (any ranker's ceiling): {recall_before:.2f}% before the import, {recall_after:.2f}% after")
    print(f"worst after import, country text ({args.worst}):")
    worst(after["country"], points, args.worst)
    figures: dict[str, object] = {"candidates_within_5km": recall_after}
    for v in TEMPLATES:
        figures[f"{v}_within_5km"] = after[v]["within_5km"]
        figures[f"{v}_within_25km"] = after[v]["within_25km"]
    print(json.dumps(figures))
    if args.no_floors or not FLOORS.exists():
        return 0
    floors = json.loads(FLOORS.read_text())
    low = {k: (figures[k], v) for k, v in floors.items() if k in figures and figures[k] < v}  # type: ignore[operator]
    for k, (got, floor) in low.items():
        print(f"BELOW FLOOR: {k} {got} < {floor}", file=sys.stderr)
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
