"""Experiment: does self-training on unlabelled news narrow the typer's news-style gap (issue 4)? Not shipped.

    pip install -e '.[train]'
    python bench/typing_selftrain.py                                  # the news-style proxy, 3 fits (~6 min)
    python bench/typing_selftrain.py --write /tmp/typing-selftrain.npz
    python bench/event_typing.py --proxy --model /tmp/typing-selftrain.npz   # that model on the usual benches

Self-training: the typer types every sentence of the unlabelled news in ``../shared/data`` (FA-KES articles,
MUC-4 texts, UCDP GED headlines). A sentence whose best event has at least ``--threshold`` probability becomes
a training example of that sub-type (weight ``--weight``, at most ``--cap`` per sub-type, in CRC32 order;
the territory sub-types are skipped, as their taker is read from the actors), and the committed recipe is
refitted with them (no cross-validation; the committed model's softmax temperature).

The news-style proxy: the ACLED-notes proxy of ``bench/event_typing.py`` cannot see a news-style gain, so
here the PLOVER stories whose lead has an odd CRC32 are held out of training, and their leads (GPT-written
news leads, labelled by their PLOVER mode as in training) are typed. The baseline is the committed recipe on
the other half; the self-trained model draws its pseudo-labels from that baseline, so nothing of the
held-out half reaches it. Metric: weighted F1 over the 25 sub-types, as on CASE. The CASE set is not read.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontline.events.detect import SUB_EVENT_TYPES, TERRITORY_SUBS, RuleTyper
from frontline.events.typing_model import NO_EVENT, LearnedTyper, TypingModel
from frontline.training.typing_train import (
    SENTENCE_END,
    Example,
    load_examples,
    plover_examples,
    train,
)

DATA = ROOT.parent / "shared" / "data"
PLOVER = DATA / "plover" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
log = logging.getLogger("typing_selftrain")


def news_sentences(data: Path) -> list[str]:
    """Sentences of 40-400 characters from FA-KES and MUC-4 (upper case lowered), and UCDP headlines, in CRC32 order."""
    texts: list[str] = []
    csv.field_size_limit(1 << 24)
    with (data / "corpora" / "fakes_syria" / "FA-KES-Dataset.csv").open(encoding="utf-8", errors="replace", newline="") as fh:
        texts += [row["article_content"] for row in csv.DictReader(fh)]
    for split in ("train", "dev", "test"):
        texts += [doc["doc"] for doc in json.loads((data / "corpora" / "muc4" / f"{split}.json").read_text()).values()]
    sentences = set()
    for text in texts:
        for s in SENTENCE_END.split(" ".join(text.split())):
            if 40 <= len(s) <= 400:
                sentences.add(s.lower().capitalize() if s.isupper() else s)
    with (data / "ucdp" / "ged_syria_2016_2017.csv").open(encoding="utf-8", newline="") as fh:
        sentences |= {h for row in csv.DictReader(fh) if 25 <= len(h := " ".join(row["source_headline"].split())) <= 400}
    return sorted(sentences, key=lambda s: zlib.crc32(s.encode("utf-8")))


def pseudo_labels(typer: LearnedTyper, sentences: list[str], threshold: float, cap: int, weight: float) -> list[Example]:
    taken: Counter[str] = Counter()
    out = []
    for sentence in sentences:
        spans = typer.type_sentence(sentence)
        if not spans:
            continue
        best = max(spans, key=lambda s: s.confidence)
        sub = best.sub_event_type
        if sub in TERRITORY_SUBS or best.confidence < threshold or taken[sub] >= cap:
            continue
        taken[sub] += 1
        out.append(Example(sentence, sub, weight, "selftrain"))
    log.info("%d pseudo-labels: %s", len(out), dict(sorted(taken.items())))
    return out


def fit(examples: list[Example], path: Path, temperature: float) -> TypingModel:
    train(DATA, path, folds=0, examples=examples)
    model = TypingModel.load(path)
    model = TypingModel(model.classes, model.coef, model.intercept, model.bits, temperature)
    model.save(path)
    return model


def score(model: TypingModel, held: list[Example], name: str) -> float:
    from sklearn.metrics import f1_score  # type: ignore[import-untyped]

    typer = LearnedTyper(model)
    gold, predicted = [], []
    for example in held:
        spans = typer.type_sentence(example.text)
        gold.append(example.label)
        predicted.append(max(spans, key=lambda s: s.confidence).sub_event_type if spans else NO_EVENT)
    labels = list(SUB_EVENT_TYPES)
    weighted = float(f1_score(gold, predicted, labels=labels, average="weighted", zero_division=0))
    macro = float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0))
    missed = sum(g != NO_EVENT and p == NO_EVENT for g, p in zip(gold, predicted))
    invented = sum(g == NO_EVENT and p != NO_EVENT for g, p in zip(gold, predicted))
    print(f"{name}: weighted F1 {weighted:.3f}, macro F1 {macro:.3f}; events read as no event {missed}; "
          f"no-event leads typed {invented}", flush=True)
    return weighted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, default=0.9, help="Least probability of a pseudo-label.")
    parser.add_argument("--cap", type=int, default=300, help="Most pseudo-labels per sub-type.")
    parser.add_argument("--weight", type=float, default=0.3, help="Weight of a pseudo-labelled example.")
    parser.add_argument("--write", type=Path, help="Also fit the full recipe + pseudo-labels of the committed model here.")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("frontline").setLevel(logging.WARNING)
    if not PLOVER.exists():
        print(f"{DATA}: shared data missing (see its README)", file=sys.stderr)
        return 2
    try:
        import sklearn  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        print("needs the train extra: pip install -e '.[train]'", file=sys.stderr)
        return 2

    temperature = TypingModel.load().temperature
    sentences = news_sentences(DATA)
    print(f"{len(sentences)} unlabelled news sentences", flush=True)
    rules = RuleTyper()
    odd = {e.text for e in plover_examples(PLOVER, rules, trust_modes=True) if zlib.crc32(e.text.encode("utf-8")) % 2}
    examples = load_examples(DATA, rules)
    held = [e for e in examples if e.source == "plover" and e.text in odd]
    kept = [e for e in examples if not (e.source == "plover" and e.text in odd)]
    print(f"news-style proxy: {len(held)} held-out PLOVER leads, {sum(e.label != NO_EVENT for e in held)} of them events")
    with tempfile.TemporaryDirectory() as tmp:
        baseline = fit(kept, Path(tmp) / "baseline.npz", temperature)
        score(baseline, held, "committed recipe, half of PLOVER")
        extra = pseudo_labels(LearnedTyper(baseline), sentences, args.threshold, args.cap, args.weight)
        selftrained = fit(kept + extra, Path(tmp) / "selftrained.npz", temperature)
        score(selftrained, held, f"+ {len(extra)} pseudo-labels (>= {args.threshold}, {args.cap} per sub-type, weight {args.weight})")
    if args.write:
        extra = pseudo_labels(LearnedTyper(), sentences, args.threshold, args.cap, args.weight)
        fit(examples + extra, args.write, temperature)
        print(f"full recipe + {len(extra)} pseudo-labels -> {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
