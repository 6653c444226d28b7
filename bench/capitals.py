"""Text in capitals: the seed and the first 100 FA-KES articles, mixed case and put in capitals (str.upper()).

    python bench/capitals.py                  # the seed + 100 FA-KES articles, figures and floor check
    python bench/capitals.py --limit 300      # more FA-KES articles (no floor check)
    python bench/capitals.py --raise-floors   # raise the floors to this run's figures

Each article goes through the library's default pipeline (as ``frontline extract`` does) twice: as
written, and in capitals. Printed: the events each gives, and the share of the capitals events that
are the same as a mixed-case event of the same article (each mixed-case event matched once) in
(event_date, sub_event_type, location, fatalities), and in (sub_event_type, location). Also the share
of capitals events whose evidence texts are slices of the capitals input.

Floors in bench/floors/capitals.json (they only rise); exit 1 below one. Issue 24's goal: >= 95 %.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from frontline.pipeline import Pipeline
from frontline.records import Article, Event
from frontline.text.ingest import content_id

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
FAKES = SHARED / "corpora" / "fakes_syria" / "FA-KES-Dataset.csv"
SEED = SHARED / "examples" / "zaman-al-wasl-latakia-2016.txt"
FLOORS = ROOT / "bench" / "floors" / "capitals.json"
LIMIT = 100
GOAL = 95.0
csv.field_size_limit(sys.maxsize)


def articles(limit: int) -> Iterator[tuple[str, str, str | None, str]]:
    """``(id, text, source, published)``: the seed, then FA-KES in file order."""
    yield "seed", SEED.read_text(encoding="utf-8"), "Zaman al-Wasl", "2016-07-01"
    with FAKES.open(encoding="utf-8", errors="replace", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if i >= limit:
                return
            month, day, year = row["date"].split("/")  # FA-KES writes M/D/YYYY
            yield f"fakes-{row['unit_id']}", row["article_content"], row["source"], f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def run(pipeline: Pipeline, text: str, source: str | None, published: str) -> list[Event]:
    from frontline.text.ingest import parse_date

    article = Article(id=content_id(text), text=text, published=parse_date(published), source=source)
    return pipeline.extract(article)


def same(mixed: list[Event], caps: list[Event], key: str) -> int:
    """Capitals events with a mixed-case twin in the chosen fields, each twin used once."""
    def fields(e: Event) -> tuple[object, ...]:
        if key == "full":
            return (e.event_date, e.sub_event_type, e.location, e.fatalities)
        return (e.sub_event_type, e.location)

    pool = Counter(fields(e) for e in mixed)
    hits = 0
    for e in caps:
        f = fields(e)
        if pool[f] > 0:
            pool[f] -= 1
            hits += 1
    return hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=LIMIT, help="FA-KES articles after the seed")
    parser.add_argument("--raise-floors", action="store_true", help="raise the floors to this run's figures")
    args = parser.parse_args()
    if not FAKES.is_file():
        sys.exit(f"error: {FAKES} is missing (the benchmark needs ../shared/data/corpora/fakes_syria)")
    pipeline = Pipeline.default()
    n_mixed = n_caps = full = loose = sliced = 0
    seed_same = False
    for aid, text, source, published in articles(args.limit):
        mixed = run(pipeline, text, source, published)
        upper = text.upper()
        caps = run(pipeline, upper, source, published)
        n_mixed += len(mixed)
        n_caps += len(caps)
        full += same(mixed, caps, "full")
        loose += same(mixed, caps, "loose")
        sliced += all(s.text == upper[s.start : s.end] for e in caps for s in e.evidence)
        if aid == "seed":
            seed_same = len(caps) == len(mixed) == same(mixed, caps, "full")
    n_articles = args.limit + 1
    figures = {
        "same_full": round(100 * full / max(n_caps, 1), 1),
        "same_type_place": round(100 * loose / max(n_caps, 1), 1),
        "evidence_sliced": round(100 * sliced / n_articles, 1),
    }
    print(f"{n_articles} articles (the seed + {args.limit} FA-KES): {n_mixed} events in mixed case, {n_caps} in capitals")
    print(f"seed: {'same events' if seed_same else 'DIFFERENT events'} in capitals")
    floors = json.loads(FLOORS.read_text()) if FLOORS.is_file() else {}
    print(f"{'figure':<18}{'this run':>10}{'floor':>8}{'goal':>7}")
    labels = {
        "same_full": "date+type+place+dead",
        "same_type_place": "type+place",
        "evidence_sliced": "evidence = input",
    }
    for name, value in figures.items():
        floor = floors.get(name)
        print(f"{labels[name]:<22}{value:>6.1f} %{'' if floor is None else f'{floor:>7.1f}':>8}{GOAL if name == 'same_full' else '':>7}")
    if args.raise_floors:
        FLOORS.write_text(json.dumps({k: max(v, floors.get(k, 0.0)) for k, v in figures.items()}, indent=2) + "\n")
        print(f"floors -> {FLOORS}")
        return
    if args.limit != LIMIT:
        return
    low = [k for k, v in figures.items() if k in floors and v < floors[k]]
    if low or not seed_same:
        print(f"FAIL: below the floor: {', '.join(low) or 'seed'}")
        sys.exit(1)


if __name__ == "__main__":
    main()
