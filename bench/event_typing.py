"""Event typing on CASE 2021 Task 2 (the development third): the task's own metric, and speed.

    python bench/event_typing.py                 # (a) typer on the snippets, (b) through `frontline extract`
    python bench/event_typing.py --skip-extract  # (a) only
    python bench/event_typing.py --cv            # also re-run 5-fold cross-validation on the ACLED notes
    python bench/event_typing.py --proxy         # also the proxy used to choose settings (not the CASE set)
    python bench/event_typing.py --proxy --model /tmp/t.npz   # (a) and the proxy for another trained model
    python bench/event_typing.py --proxy-only    # only the proxies (blind news proxy, then held-out notes); no CASE text read

First, always: the blind news proxy of issue 19 (bench/blind_proxy.py; PLOVER gold, MUC-4 keys, UCDP
headlines), typer alone and through `frontline extract`, with baselines; floors are checked in every mode
(--proxy-only: the blind proxy's and the held-out-notes proxy's).

Metric: weighted F1 over ACLED's 25 sub-types (scikit-learn ``f1_score(average="weighted", labels=<25>)``),
as in CASE 2021; a non-ACLED gold snippet (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB)
typed as an ACLED sub-type is a false positive, and "no event" is right for it.

(a) the default typer on each snippet's sentences (spaCy sentencizer as in the pipeline), each with its
    passage (``detect.PASSAGE_WINDOW`` sentences either side) as context; the snippet's
    type is its highest-confidence typed span, "no event" if none.
(b) the snippets as JSONL through `frontline extract` in a child process, exactly as a user runs it; the
    snippet's type is its highest-confidence event, "no event" if none.

Also: macro F1, per-class table, confusion matrix, calibration of the confidence (accuracy by confidence bin and
the expected calibration error, ECE, over the snippets given an event), the CV F1 recorded when the model was trained
(``frontline/models/typing.json``), sentences/s of the typer on one core, and the artifact's size.
Exits 1 if a figure is below its floor in bench/floors/typing.json. Needs scikit-learn (the train extra).
"""

from __future__ import annotations

import os
import sys

# This script is named like the standard library's ``typing``: keep its folder off the import path.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import argparse
import json
import subprocess
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontline.events.calibrate import ece, reliability
from frontline.events.detect import PASSAGE_WINDOW, SUB_EVENT_TYPES
from frontline.events.typing_model import LearnedTyper, TypingModel
from frontline.text.annotate import new_sentencizer
from frontline.training.corpora.case2021 import read_case2021

DATA = ROOT.parent / "shared" / "data"
DEV = DATA / "case2021" / "case2021_task2_dev_third.tsv"
FLOORS = ROOT / "bench" / "floors" / "typing.json"
MODEL = ROOT / "frontline" / "models" / "typing.npz"
NONE = "no event"
LABELS = sorted(SUB_EVENT_TYPES)


def direct(snippets, typer, nlp) -> list[str]:  # type: ignore[no-untyped-def]
    return [label for label, _ in direct_scored(snippets, typer, nlp)]


def direct_scored(snippets, typer, nlp) -> list[tuple[str, float]]:  # type: ignore[no-untyped-def]
    """Each snippet's type and that span's confidence (0.0 for "no event")."""
    predicted = []
    for snippet in snippets:
        sentences = list(nlp(snippet.text).sents)
        spans = []
        for i, sentence in enumerate(sentences):  # with its passage, as `detect` types it
            window = sentences[max(0, i - PASSAGE_WINDOW) : i + PASSAGE_WINDOW + 1]
            context = snippet.text[window[0].start_char : window[-1].end_char]
            spans += typer.type_sentence(sentence.text, context)
        predicted.append(top(spans))
    return predicted


def top(spans) -> tuple[str, float]:  # type: ignore[no-untyped-def]
    """The highest-confidence span's sub-type and confidence; ("no event", 0.0) for none."""
    best = max(spans, key=lambda s: s.confidence) if spans else None
    return (best.sub_event_type, best.confidence) if best else (NONE, 0.0)


def through_extract(snippets) -> list[tuple[str, float]]:  # type: ignore[no-untyped-def]
    """Each snippet's highest-confidence event through `frontline extract`, and its confidence."""
    with tempfile.TemporaryDirectory() as tmp:
        source, output = Path(tmp) / "snippets.jsonl", Path(tmp) / "events.jsonl"
        with source.open("w", encoding="utf-8") as fh:
            for snippet in snippets:
                fh.write(json.dumps({"id": f"case-{snippet.id}", "text": snippet.text}) + "\n")
        command = [sys.executable, "-m", "frontline", "extract", str(source), "-o", str(output)]
        subprocess.run(command, check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        best: dict[str, tuple[float, str]] = {}
        for line in output.read_text(encoding="utf-8").splitlines():
            event = json.loads(line)
            key = event["article_id"]
            if key not in best or event["confidence"] > best[key][0]:
                best[key] = (event["confidence"], event["sub_event_type"])
    return [(label, confidence) for confidence, label in (best.get(f"case-{s.id}", (0.0, NONE)) for s in snippets)]


def report(name: str, gold: list[str], predicted: list[str], confusions: bool = False) -> dict[str, float]:
    """Weighted and macro F1 and the per-class table; with ``confusions``, each class's two commonest wrong
    readings (read as) and the two gold classes most often read as it (its false positives, from)."""
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    weighted = f1_score(gold, predicted, labels=LABELS, average="weighted", zero_division=0)
    macro = f1_score(gold, predicted, labels=LABELS, average="macro", zero_division=0)
    p, r, f, support = precision_recall_fscore_support(gold, predicted, labels=LABELS, zero_division=0)
    print(f"\n== {name}: weighted F1 {weighted:.3f}   macro F1 {macro:.3f}   ({len(gold)} snippets)")
    read_as: dict[str, Counter[str]] = {c: Counter() for c in [*LABELS, NONE]}
    read_from: dict[str, Counter[str]] = {c: Counter() for c in [*LABELS, NONE]}
    for g, q in zip(gold, predicted):
        if g != q:
            read_as[g][_short(q)] += 1
            read_from[q][_short(g)] += 1
    extra = "  read as (misses) | from (false positives)" if confusions else ""
    print(f"{'sub-type':40s} {'P':>5s} {'R':>5s} {'F1':>5s} {'n':>4s}{extra}")
    for label, pi, ri, fi, n in zip(LABELS, p, r, f, support):
        column = ""
        if confusions:
            column = "  " + ", ".join(f"{q} {c}" for q, c in read_as[label].most_common(2))
            column += " | " + ", ".join(f"{g} {c}" for g, c in read_from[label].most_common(2))
        print(f"{label:40s} {pi:5.2f} {ri:5.2f} {fi:5.2f} {n:4d}{column}")
    nones = sum(1 for g, q in zip(gold, predicted) if q == NONE and g != NONE)
    print(f"ACLED-typed snippets with no event: {nones}; non-ACLED snippets typed as an event: "
          f"{sum(1 for g, q in zip(gold, predicted) if g == NONE and q != NONE)}")
    return {"weighted_f1": float(weighted), "macro_f1": float(macro), "min_class_f1": float(min(f))}


def calibration(name: str, gold: list[str], scored: list[tuple[str, float]]) -> dict[str, float]:
    """How well ``confidence`` reads as the chance that the snippet's top event has the right sub-type: over
    the snippets given an event, accuracy against mean confidence in ten equal bins, and the expected
    calibration error (ECE, the bins' count-weighted gap)."""
    rows = [(c, label == g) for g, (label, c) in zip(gold, scored) if label != NONE]
    if not rows:
        return {}
    print(f"\ncalibration, {name}: {len(rows)} snippets given an event")
    print(f"{'confidence':>12s} {'n':>5s} {'mean conf':>10s} {'accuracy':>9s}")
    for low, n, conf, acc in reliability(rows):
        print(f"{low:5.1f}-{low + 0.1:<5.1f} {n:6d} {conf:10.2f} {acc:9.2f}")
    overall = sum(ok for _, ok in rows) / len(rows)
    mean = sum(c for c, _ in rows) / len(rows)
    error = ece(rows)
    print(f"ECE {error:.3f}; mean confidence {mean:.2f} against accuracy {overall:.2f}")
    return {"ece": error}


def _short(label: str) -> str:
    """A sub-type's name cut to its first 24 characters, for the per-class confusion column."""
    return label if len(label) <= 24 else label[:23] + "."


def abbreviations(classes: list[str]) -> dict[str, str]:
    """Each class's initials (at most four), made distinct: "Arrests", "Attack" and "Agreement" would all
    be "A", so a one-word name takes its first three letters."""
    abbrev = {}
    for c in classes:
        words = c.replace("/", " ").split()
        abbrev[c] = ("".join(w[0] for w in words)[:4] if len(words) > 1 else words[0][:3]).upper()
    assert len(set(abbrev.values())) == len(classes), abbrev
    return abbrev


def confusion(gold: list[str], predicted: list[str]) -> None:
    """Rows gold, columns predicted; classes abbreviated to their initials (``abbreviations``)."""
    classes = [*LABELS, NONE]
    abbrev = abbreviations(classes)
    counts = Counter(zip(gold, predicted))
    print("\nconfusion (rows gold, columns predicted):")
    print(f"{'':5s}" + "".join(f"{abbrev[c]:>5s}" for c in classes))
    for g in classes:
        if any(counts[(g, q)] for q in classes):
            print(f"{abbrev[g]:5s}" + "".join(f"{counts[(g, q)] or '.':>5}" for q in classes))
    print("  " + "; ".join(f"{abbrev[c]}={c}" for c in classes))


def _fields_module(name: str = "fields"):  # type: ignore[no-untyped-def]
    """bench/<name>.py, loaded by path (this folder is kept off the import path)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"bench_{name}", Path(_HERE) / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)  # dataclasses look it up
    spec.loader.exec_module(module)
    return module


def proxy(typer, nlp=None, show_confusion: bool = False) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """The proxy on which rules and thresholds are chosen, never the CASE set: 2,500 notes of the ACLED
    file that typing never trains on (``FIELDS_HELDOUT``; seeded sample, cleaned and all in news style)
    as events, and 1,000 InSight Crime sentences from the third on (training reads only the second) as
    "no event". Same metric as the CASE set. The notes of the field benchmark's held-out sample
    (bench/fields.py) are left out, so that no typing setting is chosen on that benchmark's rows."""
    import csv
    import random

    from frontline.training.corpora.acled import FIELDS_HELDOUT, clean_notes, read_acled
    from frontline.training.typing_train import SENTENCE_END, news_style

    fields_heldout = {row.notes for row in _fields_module().sample("heldout")}
    rows = [r for r in read_acled(DATA / "acled" / FIELDS_HELDOUT) if r.mapped_sub_event_type() and r.notes not in fields_heldout]
    random.Random(0).shuffle(rows)
    texts = [(news_style(clean_notes(r.notes), 1.0), r.mapped_sub_event_type() or NONE) for r in rows[:2500]]
    negatives: list[str] = []
    for path in sorted((DATA / "corpora" / "insightcrime").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle, delimiter="\t"):
                if row and row[0].strip():
                    parts = SENTENCE_END.split(" ".join(row[0].split()), maxsplit=4)[2:4]
                    negatives += [p for p in parts if len(p) >= 20]
    random.Random(1).shuffle(negatives)
    texts += [(text, NONE) for text in negatives[:1000]]
    gold = [label for _, label in texts]
    scored = [top(typer.type_sentence(text)) for text, _ in texts]
    predicted = [label for label, _ in scored]
    figures = {f"proxy_{k}": v for k, v in report("proxy: held-out ACLED notes + InSight Crime", gold, predicted, True).items()}
    figures.update({f"proxy_{k}": v for k, v in calibration("proxy", gold, scored).items()})
    if nlp is not None:
        # The same texts typed as the CASE snippets are: sentence by sentence, each with its passage, the
        # text's type its best span. It tests what reads a sentence's neighbours (the protest passage rule).
        notes = [Snippet(text) for text, _ in texts]
        predicted = direct(notes, typer, nlp)
        figures.update({f"proxy_sentences_{k}": v for k, v in report("proxy, sentence by sentence", gold, predicted, True).items()})
        if show_confusion:
            confusion(gold, predicted)
    return figures


@dataclass(frozen=True)
class Snippet:
    text: str


def speed(items: list[tuple[str, str]], typer) -> float:  # type: ignore[no-untyped-def]
    """Sentences/s, each typed with its passage as ``detect`` types it."""
    typer.type_sentence("warm up")
    started = time.perf_counter()
    for sentence, context in items:
        typer.type_sentence(sentence, context)
    return len(items) / (time.perf_counter() - started)


def passages(snippets, nlp) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(sentence, passage) pairs of the snippets, in order."""
    items = []
    for snippet in snippets:
        sentences = list(nlp(snippet.text).sents)
        for i, sentence in enumerate(sentences):
            window = sentences[max(0, i - PASSAGE_WINDOW) : i + PASSAGE_WINDOW + 1]
            items.append((sentence.text, snippet.text[window[0].start_char : window[-1].end_char]))
    return items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-extract", action="store_true", help="Only (a): skip the run through `frontline extract`.")
    parser.add_argument("--proxy", action="store_true", help="Also the settings proxy (held-out ACLED notes + crime news).")
    parser.add_argument("--proxy-confusion", action="store_true", help="With --proxy: print the sentence-by-sentence proxy's confusion matrix.")
    parser.add_argument("--proxy-only", action="store_true", help="Only the proxy (and speed): the CASE set is not read.")
    parser.add_argument("--cv", action="store_true", help="Re-run 5-fold CV on the ACLED notes (slow; trains 5 models).")
    parser.add_argument("--model", type=Path, help="Score this typing model (.npz) instead of the packaged one (no floor check).")
    args = parser.parse_args()
    if not DEV.exists():
        print(f"{DEV}: missing; the benchmark needs ../shared/data", file=sys.stderr)
        return 2
    if args.model:  # `frontline extract` in (b) always runs the packaged model
        args.skip_extract = True
    model_path = args.model or MODEL
    typer, nlp = LearnedTyper(TypingModel.load(args.model) if args.model else None), new_sentencizer()
    blind = _fields_module("blind_proxy")
    figures: dict[str, float] = blind.blind_proxy(
        DATA,
        lambda items: direct_scored(items, typer, nlp),
        None if args.skip_extract else through_extract,
        lambda items: direct_scored(items, blind.rule_typer(), nlp),
    )
    if args.proxy_only:  # for choosing settings: the development set is not read at all
        figures.update(proxy(typer, nlp, args.proxy_confusion))
        return check_floors(figures, bool(args.model))
    snippets = list(read_case2021(DEV))
    gold = [s.sub_event_type or NONE for s in snippets]

    scored = direct_scored(snippets, typer, nlp)
    predicted = [label for label, _ in scored]
    for key, value in report("(a) typer on the snippets' sentences", gold, predicted).items():
        figures[f"direct_{key}"] = value
    confusion(gold, predicted)
    calibration("(a)", gold, scored)
    if not args.skip_extract:
        scored = through_extract(snippets)
        predicted = [label for label, _ in scored]
        for key, value in report("(b) through `frontline extract`", gold, predicted).items():
            figures[f"extract_{key}"] = value
        confusion(gold, predicted)
        figures.update({f"extract_{k}": v for k, v in calibration("(b) through `frontline extract`", gold, scored).items()})

    if args.proxy:
        figures.update(proxy(typer, nlp, args.proxy_confusion))

    items = passages(snippets, nlp)
    items = (items * (10_000 // len(items) + 1))[:10_000]
    figures["sentences_per_s"] = speed(items, typer)
    print(f"\nspeed: {figures['sentences_per_s']:.0f} sentences/s (one process, {len(items)} sentences, each with its passage)")
    print(f"artifact: {model_path.stat().st_size / 1e6:.1f} MB ({model_path})")
    meta_path = model_path.with_suffix(".json")
    if meta_path.exists():
        meta = json.loads(meta_path.read_text())
        print(f"recorded at training: 5-fold CV on ACLED notes weighted F1 {meta['cv_weighted_f1']:.3f}, "
              f"macro F1 {meta['cv_macro_f1']:.3f}; temperature {meta['temperature']:.2f}; {meta['seconds']:.0f} s")
        figures["cv_weighted_f1"] = meta["cv_weighted_f1"]
    if args.cv:
        from frontline.training.typing_train import train

        with tempfile.TemporaryDirectory() as tmp:
            result = train(DATA, Path(tmp) / "typing.npz")
        print(f"re-run CV: weighted F1 {result.cv_weighted_f1:.3f}, macro F1 {result.cv_macro_f1:.3f}")
        figures["cv_weighted_f1"] = result.cv_weighted_f1 or 0.0

    return check_floors(figures, bool(args.model))


def check_floors(figures: dict[str, float], other_model: bool) -> int:
    """1 if a figure is below its floor in bench/floors/typing.json (not checked for another model)."""
    if other_model:
        print("(another model than the packaged one: floors not checked)")
        return 0
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    failed = [f"{k} {figures[k]:.3f} < floor {v}" for k, v in floors.items() if k in figures and figures[k] < v]
    for line in failed:
        print(f"BELOW FLOOR: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
