"""Why the learned ranker misses on LGL and GeoVirus: each miss of the standard metric by its cause.

    python bench/geoparse_misses.py                       # 5-fold CV as bench/geoparse.py, table by cause
    python bench/geoparse_misses.py --dump misses.jsonl   # also every span's resolution, one JSON line each
    python bench/geoparse_misses.py --examples 8          # the most frequent names of each cause
    python bench/geoparse_misses.py --gold-points         # ... and which point the gold uses for areas

The folds, training and resolution are bench/geoparse.py's (same seed, same ``fit``, ``geoparse`` with the
gold spans), so the "right" row equals its Acc@161. A miss is a span whose pick lies over 161 km from the gold
point. Causes, in this order:

* no candidate at all: the gazetteer has no entry under the name or a variant (unresolved);
* wrong candidate: a candidate lay within 161 km and another won; what won: an area of the same name
  (country or admin1), a more populous namesake (same or other country), a less populous one;
* right entry, point far: the pick is the candidate nearest the gold point (or LGL's gold GeoNames id) and
  still over 161 km away, for a country (the United States apart), an admin1 region, a region/continent/sea:
  the entry's point and the gold's differ;
* no entry within 161 km: every candidate is far (a place the gazetteer lacks, or an odd gold point).

``--gold-points``: for the country and admin1 picks that are the right entry (the candidate nearest the gold
point), where the gold point lies: at the area's seat (its capital or largest place, ``geo.seats.seat``,
within 25 km), near the gazetteer's own point (within 161 km), or elsewhere, nearer one or the other.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontline.geo.gazetteer import Gazetteer
from frontline.geo.gazetteer.geometry import haversine_km
from frontline.geo.geoparse import geoparse, prepare
from frontline.geo.seats import seat
from frontline.records import Place
from frontline.training.ranker import (
    ACC_KM,
    fit,
    folds,
    load_corpus,
    negative_rows,
    point_km,
    span_rows,
)

DATA = ROOT.parent / "shared" / "data"
AREAS = ("CONT", "RGN", "RGNE", "OCN", "SEA")


def entry(p: Place | None) -> dict[str, object] | None:
    if p is None:
        return None
    return {"id": p.geonameid, "name": p.name, "fc": p.feature_code, "cc": p.country_code, "a1": p.admin1_code,
            "lat": p.latitude, "lon": p.longitude, "pop": p.population, "src": p.source}  # fmt: skip


def cause(r: dict) -> str:  # type: ignore[type-arg]
    pick, best = r["pick"], r["best"]
    if r["km"] <= ACC_KM:
        return "right"
    if pick is None:
        return "no candidate at all (unresolved)"
    if best is not None and r["best_km"] <= ACC_KM and best["id"] != pick["id"]:
        if pick["fc"].startswith("PCL") or pick["fc"] == "ADM1":
            return "wrong candidate: an area of the same name won"
        if pick["pop"] > best["pop"]:
            return "wrong candidate: a more populous namesake won (" + ("same country)" if pick["cc"] == best["cc"] else "other country)")
        return "wrong candidate: a less populous namesake won"
    if (best is not None and best["id"] == pick["id"]) or (r["gid"] and r["gid"] == pick["id"]):
        if pick["fc"].startswith("PCL"):
            return "right entry, point far: country" + (" (United States)" if pick["cc"] == "US" else " (others)")
        if pick["fc"] == "ADM1":
            return "right entry, point far: admin1"
        if pick["fc"] in AREAS or pick["src"] == "frontline-regions":
            return "right entry, point far: region/continent/sea"
    return "no entry within 161 km (gazetteer lacks the place, or odd gold)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--gazetteer", type=Path, default=None)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--dump", type=Path, default=None, help="write every span's resolution here (JSON lines)")
    parser.add_argument("--examples", type=int, default=0, metavar="N", help="the N most frequent names of each cause")
    parser.add_argument("--gold-points", action="store_true", help="where the gold puts countries and admin1 regions")
    args = parser.parse_args()
    gazetteer = Gazetteer.open(args.gazetteer)
    docs = {n: load_corpus(n, args.data) for n in ("lgl", "geovirus")}
    rows = {n: span_rows(d, gazetteer) for n, d in docs.items()}
    negatives = {n: negative_rows(d, gazetteer) for n, d in docs.items()}
    keys = {n: [f"{n}:{i}" for i in range(len(d))] for n, d in docs.items()}
    fold_of = folds([k for ks in keys.values() for k in ks], args.folds)
    out: list[dict] = []  # type: ignore[type-arg]
    for fold in range(args.folds):
        train = [s for n in docs for s in rows[n] if fold_of[keys[n][s.doc]] != fold]
        false_hits = [s for n in docs for s in negatives[n] if fold_of[keys[n][s.doc]] != fold]
        ranker = fit(train, negatives=false_hits)
        for name, corpus in docs.items():
            for i, doc in enumerate(corpus):
                if fold_of[keys[name][i]] != fold or doc.text is None:
                    continue
                gold = [t for t in doc.toponyms if t.latitude is not None and t.longitude is not None]
                if not gold:
                    continue
                spans = [(t.start, t.end) for t in gold]
                picks = geoparse(doc.text, gazetteer, spans, ranker=ranker)
                found, _context, _votes = prepare(doc.text, gazetteer, spans)
                for t, r, c in zip(gold, picks, found, strict=True):
                    assert t.latitude is not None and t.longitude is not None
                    dist = point_km(list(c.places), t.latitude, t.longitude)
                    best = int(np.argmin(dist)) if len(dist) else None
                    out.append({
                        "corpus": name, "doc": i, "fold": fold, "text": t.text, "gid": t.geonameid,
                        "lat": t.latitude, "lon": t.longitude, "pick": entry(r.place),
                        "km": float(point_km([r.place], t.latitude, t.longitude)[0]) if r.place else 20039.0,
                        "best": entry(c.places[best]) if best is not None else None,
                        "best_km": float(dist[best]) if best is not None else None,
                    })  # fmt: skip
    if args.dump:
        args.dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    for name in docs:
        spans = [r for r in out if r["corpus"] == name]
        counts = Counter(cause(r) for r in spans)
        names: dict[str, Counter[str]] = defaultdict(Counter)
        for r in spans:
            names[cause(r)][r["text"]] += 1
        print(f"{name}: {len(spans)} gold spans")
        for what, n in counts.most_common():
            shown = f"  {names[what].most_common(args.examples)}" if args.examples and what != "right" else ""
            print(f"  {n:5d} {100 * n / len(spans):5.1f} %  {what}{shown}")
        if args.gold_points:
            gold_points(spans, gazetteer)
    return 0


def gold_points(spans: list[dict], gazetteer: Gazetteer) -> None:  # type: ignore[type-arg]
    """Where the gold point of a country or admin1 picked right lies: at its seat, near our point, elsewhere."""
    where: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in spans:
        pick, best = r["pick"], r["best"]
        if pick is None or best is None or best["id"] != pick["id"]:
            continue
        kind = "country" if pick["fc"].startswith("PCL") else "admin1" if pick["fc"] == "ADM1" else ""
        place = gazetteer.get(pick["id"]) if kind else None
        if place is None:
            continue
        at = seat(place, gazetteer)
        to_seat = haversine_km(r["lat"], r["lon"], at.latitude, at.longitude)
        to_ours = haversine_km(r["lat"], r["lon"], place.latitude, place.longitude)
        if to_seat <= 25:
            lies = "at the seat (25 km)"
        elif to_ours <= ACC_KM:
            lies = "near our point (161 km)"
        else:
            lies = "elsewhere, nearer the seat" if to_seat < to_ours else "elsewhere, nearer our point"
        where[kind][lies] += 1
        names[(kind, lies)][pick["name"]] += 1
    for kind, counts in where.items():
        print(f"  gold points of {kind} picks that are the right entry ({sum(counts.values())}):")
        for lies, n in counts.most_common():
            print(f"    {n:5d} {lies}: {names[(kind, lies)].most_common(6)}")


if __name__ == "__main__":
    sys.exit(main())
