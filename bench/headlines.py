"""UCDP headlines read one by one: does extraction give the event UCDP coded from each, in the right place?

    python bench/headlines.py                  # all reports of bench/incidents.py, split 2016 / 2017, floor check
    python bench/headlines.py --year 2016      # one year (no floor check)
    python bench/headlines.py --misses 60      # and the misses by field, 60 of them (a fixed sample) with their fields
    python bench/headlines.py --raise-floors   # raise the floors to this run's figures (they only rise)

The reports are bench/incidents.py's (``incidents.load``: each headline UCDP cites for one event only, generic
casualty lists dropped), each an article whose text is the headline, published on its source date. Each goes
through the library's default pipeline (``Pipeline.extract``, as ``frontline extract`` does); its main event is
the most confident (ties by event id), as in bench/incidents.py. Scored against the UCDP event that cites it:

* event: the headline gives an event. An Airwars location stub ("June 13th 2017: (S847) Ziban town, ...
  Syria") or a headline that is no sentence (``incidents.NOT_A_SENTENCE``) tells no happening, so for those
  the right answer is no event; they are counted apart (``stubs``: the share that gives none).
* country: the main event's country is UCDP's.
* place: at UCDP's precision (``where_prec``): 1-2 (the place, or within 25 km of it), frontline's point within
  25 km of UCDP's; 3 (its district), that or the same district; 4-5 (its governorate, or a line or area), the
  same governorate; 6-7 (the country, or waters), the country. Districts and governorates are the
  gazetteer's codes: of frontline's place (its geonameid, else the nearest Syrian place to its point) and of
  the nearest Syrian place to UCDP's point.
* date: the event date lies within UCDP's date_start..date_end.
* type: the sub-type's family is compatible with UCDP's type of violence: state-based (1) and non-state (2)
  with battles and explosions/remote violence, one-sided (3) with violence against civilians and
  explosions/remote violence.
* all: all of the above.

Every share is over all the reports of the row's universe (no event counts wrong in every field). The
baseline in the same run: every headline an event, in Syria, on its publication day, placed at the most
populous Syrian gazetteer entry of any capitalised name (one to three words) in it. Choose on 2016; 2017 is
reported. Floors: bench/floors/headlines.json (exit 1 below one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from incidents import AIRWARS_STUB, NOT_A_SENTENCE, UCDP, load

from frontline.geo.gazetteer import Gazetteer
from frontline.geo.gazetteer.geometry import haversine_km
from frontline.pipeline import Pipeline
from frontline.records import Article, Event, Place

FLOORS = Path(__file__).resolve().parent / "floors" / "headlines.json"
FIELDS = ("event", "country", "place", "date", "type", "all")
KM = 25.0
COMPATIBLE = {
    "1": {"Battles", "Explosions/Remote violence"},
    "2": {"Battles", "Explosions/Remote violence"},
    "3": {"Violence against civilians", "Explosions/Remote violence"},
}
# One to three capitalised words ("Deir Ezzor", "Khan Shaykhun", "Ma'arrat al-Nu'man" keeps its particles).
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:al-|el-|ad-|ar-|as-|ash-|at-)?[A-Z][\w'’-]+){0,2}")


def is_stub(headline: str) -> bool:
    """A headline that tells no happening: an Airwars location stub, a case code, a month, a province."""
    return bool(AIRWARS_STUB.search(headline) or NOT_A_SENTENCE.match(headline.strip()))


def names(headline: str) -> Iterator[str]:
    """Each run of capitalised words, and each of its shorter runs."""
    for m in CAPITALISED.finditer(headline):
        words = m.group(0).split()
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                yield " ".join(words[i:i + n])


def baseline_place(headline: str, gazetteer: Gazetteer) -> Place | None:
    """The most populous Syrian gazetteer entry of any capitalised name in the headline."""
    found = [p for name in set(names(headline)) for p in gazetteer.lookup(name, fuzzy=False) if p.country_code == "SY"]
    return max(found, key=lambda p: (p.population, -p.geonameid), default=None)


def admin_codes(gazetteer: Gazetteer, lat: float, lon: float, place: Place | None = None) -> tuple[str, str]:
    """(admin1, admin2) codes of a place, or of the nearest Syrian place to a point."""
    if place is not None and place.country_code == "SY" and place.admin1_code:
        return place.admin1_code, place.admin2_code
    for near, _km in gazetteer.near(lat, lon, 40.0, limit=50):
        if near.country_code == "SY" and near.admin1_code:
            return near.admin1_code, near.admin2_code
    return "", ""


def place_right(gazetteer: Gazetteer, gold: dict, lat: float | None, lon: float | None, country: str, place: Place | None,
                country_level: bool = False) -> bool:
    """``country_level``: the place is the country itself, whose point (its capital's) is no claim of a place."""
    if lat is None or lon is None:
        return False
    prec = int(float(gold["where_prec"] or 1))
    if prec >= 6 or country_level:
        return prec >= 6 and country == gold["country"]
    glat, glon = float(gold["latitude"]), float(gold["longitude"])
    if prec <= 3 and haversine_km(lat, lon, glat, glon) <= KM:
        return True
    if prec <= 2:
        return False
    mine, theirs = admin_codes(gazetteer, lat, lon, place), admin_codes(gazetteer, glat, glon)
    if not mine[0] or mine[0] != theirs[0]:
        return False
    return prec >= 4 or (bool(mine[1]) and mine[1] == theirs[1])


def in_range(day: dt.date | None, gold: dict) -> bool:
    return day is not None and gold["date_start"] <= day.isoformat() <= gold["date_end"]


def main_event(events: list[Event]) -> Event | None:
    return min(events, key=lambda e: (-e.confidence, e.event_id), default=None)


def score(e: Event | None, gold: dict, gazetteer: Gazetteer) -> dict[str, bool]:
    if e is None:
        return dict.fromkeys(FIELDS, False)
    place = gazetteer.get(e.geonameid) if e.geonameid else None
    got = {
        "event": True,
        "country": e.country == gold["country"],
        "place": place_right(gazetteer, gold, e.latitude, e.longitude, e.country, place,
                             bool(place and place.feature_code.startswith("PCL")) or e.location == e.country),
        "date": in_range(e.event_date, gold),
        "type": e.event_type in COMPATIBLE.get(str(int(float(gold["type_of_violence"]))), set()),
    }
    got["all"] = all(got.values())
    return got


def baseline(headline: str, published: dt.date, gold: dict, gazetteer: Gazetteer) -> dict[str, bool]:
    place = baseline_place(headline, gazetteer)
    got = {
        "event": True,
        "country": gold["country"] == "Syria",
        "place": place is not None and place_right(gazetteer, gold, place.latitude, place.longitude, "Syria", place,
                                                   place.feature_code.startswith("PCL")),
        "date": in_range(published, gold),
        "type": False,
    }
    got["all"] = False
    return got


def table(rows: dict[str, dict[str, dict[str, bool]]], universe: list[str], title: str) -> dict[str, dict[str, float]]:
    print(f"\n{title}: {len(universe)} reports")
    print(f"{'system':22} " + " ".join(f"{f:>8}" for f in FIELDS))
    out: dict[str, dict[str, float]] = {}
    for system, scored in rows.items():
        shares = {f: sum(scored[h][f] for h in universe) / len(universe) if universe else 0.0 for f in FIELDS}
        out[system] = shares
        cells = " ".join(f"{'-':>8}" if system == "baseline" and f in ("type", "all") else f"{shares[f]:8.3f}" for f in FIELDS)
        print(f"{system:22} {cells}")
    return out


def describe(e: Event | None) -> str:
    if e is None:
        return "no event"
    return (f"{e.sub_event_type}; {e.event_date}; {e.location or '-'} ({e.country or '-'}, {e.admin1 or '-'}; "
            f"{e.latitude}, {e.longitude}; geo_precision {e.geo_precision}); {e.actor1 or '-'} / {e.actor2 or '-'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=UCDP)
    ap.add_argument("--year", type=int, default=None, help="only UCDP events of this year")
    ap.add_argument("--limit", type=int, default=None, help="only the first N UCDP events by date")
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="print the misses by field and N of them (2016's first)")
    ap.add_argument("--dump", type=Path, default=None, help="write each headline's fields and scores here (JSON lines), to compare two runs")
    ap.add_argument("--raise-floors", action="store_true")
    ap.add_argument("--no-floors", action="store_true")
    args = ap.parse_args()
    if not args.csv.is_file():
        print(f"no UCDP file at {args.csv}; nothing to measure")
        return 0
    reports, gold_events, _generic = load(args.csv, args.year, args.limit)
    pipeline = Pipeline.default()
    gazetteer = pipeline.gazetteer
    scored: dict[str, dict[str, dict[str, bool]]] = {"frontline": {}, "baseline": {}}
    extracted: dict[str, Event | None] = {}
    started = time.perf_counter()
    for headline, r in sorted(reports.items(), key=lambda kv: (kv[1]["date"], kv[0])):
        published = dt.date.fromisoformat(r["date"])
        gold = gold_events[r["event"]]
        article = Article(id="ucdp-" + hashlib.sha1(headline.encode("utf-8")).hexdigest()[:12], text=headline,
                          published=published, source=r["office"])
        e = main_event(pipeline.extract(article))
        extracted[headline] = e
        scored["frontline"][headline] = score(e, gold, gazetteer)
        scored["baseline"][headline] = baseline(headline, published, gold, gazetteer)
    print(f"{len(reports)} headlines through extraction in {time.perf_counter() - started:.0f} s")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for h, e in extracted.items():
                fh.write(json.dumps({"headline": h, "frontline": describe(e), **scored["frontline"][h]}) + "\n")

    def year_of(h: str) -> str:
        return str(gold_events[reports[h]["event"]]["date_start"][:4])

    figures: dict[str, float] = {}
    for year in ("2016", "2017"):
        told = [h for h in reports if year_of(h) == year and not is_stub(h)]
        if not told:
            continue
        shares = table(scored, told, f"{year}'s headlines that tell a happening")
        for f in FIELDS:
            figures[f"{year}_{f}"] = round(shares["frontline"][f], 3)
        # The baseline gives every headline an event; over the headlines where frontline gives one too, the
        # two dates compare on equal terms (country does not: a headline with no place gets no country).
        given = [h for h in told if extracted[h] is not None]
        if given:
            ours, base = (sum(scored[s][h]["date"] for h in given) / len(given) for s in ("frontline", "baseline"))
            print(f"{year}'s date over the {len(given)} headlines given an event: frontline {ours:.3f}, publication day {base:.3f}")
        stubs = [h for h in reports if year_of(h) == year and is_stub(h)]
        if stubs:
            none = sum(extracted[h] is None for h in stubs) / len(stubs)
            figures[f"{year}_stubs_no_event"] = round(none, 3)
            print(f"{year}'s stubs (Airwars location stubs, case codes, months): {len(stubs)}, giving no event {none:.3f}")
    if args.misses:
        print_misses(args.misses, reports, gold_events, extracted, scored["frontline"], year_of)
    if args.limit or args.year or args.no_floors:
        return 0
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.is_file() else {}
    if args.raise_floors:
        FLOORS.write_text(json.dumps({k: max(v, floors.get(k, 0.0)) for k, v in figures.items()}, indent=2) + "\n", encoding="utf-8")
        print(f"floors written to {FLOORS}")
        return 0
    low = {k: (figures.get(k, 0.0), v) for k, v in floors.items() if figures.get(k, 0.0) < v}
    for k, (got, floor) in low.items():
        print(f"BELOW FLOOR {k}: {got} < {floor}")
    return 1 if low else 0


def print_misses(n: int, reports: dict, gold_events: dict, extracted: dict[str, Event | None],
                 scored: dict[str, dict[str, bool]], year_of: object) -> None:
    """Counts of each field's misses, then ``n`` headlines with a miss (a fixed sample by hash, 2016's)."""
    told = [h for h in reports if not is_stub(h)]
    for year in ("2016", "2017"):
        counts = Counter(f for h in told if year_of(h) == year for f in FIELDS[:-1] if not scored[h][f])  # type: ignore[operator]
        print(f"\n{year}'s misses by field: " + ", ".join(f"{f} {counts[f]}" for f in FIELDS[:-1]))
        countries: Counter[str] = Counter()
        grains: Counter[str] = Counter()
        for h in told:
            e = extracted[h]
            if year_of(h) != year or e is None:  # type: ignore[operator]
                continue
            if not scored[h]["country"]:
                countries[e.country or "none"] += 1
            elif not scored[h]["place"]:
                grains[f"geo_precision {e.geo_precision} / UCDP where_prec {gold_events[reports[h]['event']]['where_prec'][:1]}"] += 1
        print("  country, with an event: " + ", ".join(f"{c} {k}" for c, k in countries.most_common(8)))
        print("  place, in Syria: " + ", ".join(f"{c} {k}" for c, k in grains.most_common(8)))
    missed = sorted((h for h in told if year_of(h) == "2016" and not scored[h]["all"]),  # type: ignore[operator]
                    key=lambda h: hashlib.sha1(h.encode("utf-8")).hexdigest())
    print(f"\n{min(n, len(missed))} of 2016's {len(missed)} headlines with a miss:")
    for h in missed[:n]:
        g = gold_events[reports[h]["event"]]
        wrong = [f for f in FIELDS[:-1] if not scored[h][f]]
        print(f"- {h[:140]}\n    wrong: {', '.join(wrong)}\n    frontline: {describe(extracted[h])}\n"
              f"    UCDP: type {g['type_of_violence']}; {g['date_start']}..{g['date_end']}; {g['where_coordinates']} "
              f"({g['adm_1']}; {g['latitude']}, {g['longitude']}; where_prec {g['where_prec']}); {g['dyad_name']}")


if __name__ == "__main__":
    sys.exit(main())
