"""Toponym recognition: precision, recall and F1 on LGL, GeoVirus and re3d test, and throughput.

    python bench/recognition.py              # the packaged model (fast, ~30 s)
    python bench/recognition.py --cv         # also re-run the 5-fold cross-validation by document
    python bench/recognition.py --errors 30  # also list the most common false hits and misses

Exact: a found span counts only if it has the gold span's start and end. Lenient: it overlaps one.
LGL counts nationality adjectives ("Russian") as toponyms, so LGL is run with ``demonyms=True``
(and also reported without). re3d Location spans are phrases ("the city of Mosul"); they are
compared by their proper-name parts (``corpora.re3d.name_core``).

The packaged model is trained on re3d train+dev, GeoVirus and LGL, so its LGL and GeoVirus figures
are in-sample; the held-out figures are the cross-validated ones (``--cv``, also stored in the
model's ``meta``). re3d test is never trained on. Exits 1 when a figure drops below its floor in
bench/floors/recognition.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
FLOORS = Path(__file__).resolve().parent / "floors" / "recognition.json"
sys.path.insert(0, str(ROOT))

from frontline.geo.gazetteer import Gazetteer
from frontline.geo.proposals import propose
from frontline.geo.recognize import Recognizer
from frontline.geo.toponyms import find_toponyms
from frontline.training.corpora.geoparsing import GoldDocument, read_geovirus, read_lgl
from frontline.training.corpora.re3d import name_core, read_re3d


def gold_of(corpus: str, doc: GoldDocument) -> set[tuple[int, int]]:
    assert doc.text is not None
    if corpus == "re3d-test":
        return {c for t in doc.toponyms for c in name_core(doc.text, t.start, t.end)}
    return {(t.start, t.end) for t in doc.toponyms}


def score(
    corpus: str, docs: list[GoldDocument], gaz: Gazetteer, model: Recognizer, *, demonyms: bool
) -> tuple[dict[str, object], Counter[str], Counter[str], float, int]:
    tp = fp = fn = 0
    ltp = lfp = lfn = 0
    false_hits: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    elapsed = 0.0
    found_total = 0
    for doc in docs:
        assert doc.text is not None
        gold = gold_of(corpus, doc)
        started = time.perf_counter()
        found = {(c.span.start, c.span.end) for c in find_toponyms(doc.text, gaz, recognizer=model, demonyms=demonyms)}
        elapsed += time.perf_counter() - started
        found_total += len(found)
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
        ltp += sum(1 for f in found if any(s < f[1] and f[0] < e for s, e in gold))
        lfp += sum(1 for f in found if not any(s < f[1] and f[0] < e for s, e in gold))
        lfn += sum(1 for g in gold if not any(s < g[1] and g[0] < e for s, e in found))
        false_hits.update(doc.text[s:e] for s, e in found - gold)
        misses.update(doc.text[s:e] for s, e in gold - found)

    def prf(a: int, b: int, c: int) -> tuple[float, float, float]:
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        return round(p, 4), round(r, 4), round(2 * p * r / (p + r) if p + r else 0.0, 4)

    p, r, f = prf(tp, fp, fn)
    lp, lr, lf = prf(ltp, lfp, lfn)
    figures = {"precision": p, "recall": r, "f1": f, "lenient_precision": lp, "lenient_recall": lr, "lenient_f1": lf}
    return figures, false_hits, misses, elapsed, found_total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", action="store_true", help="also re-run the cross-validation (needs the train extra)")
    parser.add_argument("--errors", type=int, default=0, help="list this many most common false hits and misses")
    parser.add_argument("--gazetteer", type=Path, default=None, help="gazetteer file (default: the user cache)")
    args = parser.parse_args()
    if not (DATA / "geoparsing" / "lgl.xml").exists():
        sys.exit(f"shared data not found under {DATA}")

    gaz = Gazetteer.open(args.gazetteer)
    model = Recognizer.default()
    corpora = {
        "lgl": (list(read_lgl(DATA / "geoparsing" / "lgl.xml")), True),
        "lgl-no-demonyms": (list(read_lgl(DATA / "geoparsing" / "lgl.xml")), False),
        "geovirus": (list(read_geovirus(DATA / "geoparsing" / "geovirus.xml")), False),
        "re3d-test": (list(read_re3d(DATA / "ner" / "re3d" / "test.txt")), False),
    }
    results: dict[str, dict[str, object]] = {}
    total_time = 0.0
    total_found = total_proposals = 0
    print(f"{'corpus':<16} {'docs':>5} {'P':>6} {'R':>6} {'F1':>6}   {'lenient P':>9} {'R':>6} {'F1':>6}")
    for name, (docs, demonyms) in corpora.items():
        figures, false_hits, misses, elapsed, found = score(
            name if name != "lgl-no-demonyms" else "lgl", docs, gaz, model, demonyms=demonyms
        )
        results[name] = figures
        if name != "lgl-no-demonyms":
            total_time += elapsed
            total_found += found
            total_proposals += sum(len(propose(d.text or "", gaz, demonyms=demonyms)) for d in docs)
        print(
            f"{name:<16} {len(docs):>5} {figures['precision']:>6.3f} {figures['recall']:>6.3f} {figures['f1']:>6.3f}"
            f"   {figures['lenient_precision']:>9.3f} {figures['lenient_recall']:>6.3f} {figures['lenient_f1']:>6.3f}"
        )
        if args.errors:
            print(f"  false hits: {false_hits.most_common(args.errors)}")
            print(f"  misses:     {misses.most_common(args.errors)}")
    print("(lgl and geovirus are in the packaged model's training data: see the held-out figures below)")
    held_out = model.meta.get("cross_validated", {})
    print(f"held out, as stored in the model ({model.meta.get('folds')}-fold CV by document):")
    for name, fig in held_out.items():
        print(f"  {name:<14} P {fig['precision']:.3f}  R {fig['recall']:.3f}  F1 {fig['f1']:.3f}")
    print(
        f"throughput: {total_proposals / total_time:,.0f} candidates/s, {total_found / total_time:,.0f} toponyms/s "
        f"(one process; the gazetteer lookup cache warms as it goes; {total_time:.1f} s for {total_proposals:,} candidates)"
    )

    if args.cv:
        from frontline.geo.recognize import Lexicon
        from frontline.training import recognizer as tr

        first, last = tr.person_names(DATA)
        lexicon = Lexicon(None, first, last, tr.lowercase_ratios(DATA))
        data = [ex for name in tr.CORPORA for ex in tr.examples(name, tr.load_corpus(name, DATA), gaz, lexicon)]
        scores = tr.cross_validate(data, lexicon, 5)
        threshold = tr.best_threshold(data, scores)
        held_out = {}
        for name in tr.CORPORA:
            part = [(ex, s) for ex, s in zip(data, scores, strict=True) if ex.corpus == name]
            held_out[name] = tr.prf(*tr.counts_at([e for e, _ in part], [s for _, s in part], threshold))
            fig = held_out[name]
            print(f"  re-run {name:<8} P {fig['precision']:.3f}  R {fig['recall']:.3f}  F1 {fig['f1']:.3f}")

    floors = json.loads(FLOORS.read_text())
    failed = []
    for section, figures in (("packaged", results), ("held_out", held_out)):  # "_comment" is skipped
        for corpus, wanted in floors.get(section, {}).items():
            for metric, floor in wanted.items():
                got = figures.get(corpus, {}).get(metric)
                if got is None or float(got) < floor:
                    failed.append(f"{section} {corpus} {metric}: {got} < floor {floor}")
    if failed:
        print("BELOW FLOOR:\n  " + "\n  ".join(failed))
        sys.exit(1)
    print(f"all figures at or above the floors in {FLOORS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
