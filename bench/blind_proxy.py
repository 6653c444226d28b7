"""The blind news proxy (issue 19), a section of bench/event_typing.py: PLOVER gold records, MUC-4 key
incidents and UCDP GED headlines with ACLED sub-types (frontline/training/corpora/news_proxy.py), never
CASE text. Scored as the CASE set is, but weighted F1 over the sub-types present in the proxy.

    python bench/event_typing.py --proxy-only    # prints this section first; checks its floors
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from frontline.events.calibrate import ece
from frontline.events.detect import RuleTyper
from frontline.training.corpora.news_proxy import NONE, ProxySnippet, read_news_proxy


@dataclass(frozen=True)
class Item:
    id: str
    text: str


def weighted_f1(gold: list[str], predicted: list[str]) -> float:
    from sklearn.metrics import f1_score

    labels = sorted({g for g in gold if g != NONE})
    return float(f1_score(gold, predicted, labels=labels, average="weighted", zero_division=0)) if labels else 0.0


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    """Unweighted mean F1 over the sub-types present (each rare class counts as much as a common one)."""
    from sklearn.metrics import f1_score

    labels = sorted({g for g in gold if g != NONE})
    return float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)) if labels else 0.0


def by_source(name: str, snippets: list[ProxySnippet], predicted: list[str]) -> dict[str, float]:
    """Weighted F1 overall and per source, then macro F1 overall; returns {"all": ..., "<source>": ..., "macro": ...}."""
    gold = [s.sub_event_type for s in snippets]
    figures = {"all": weighted_f1(gold, predicted)}
    sources = sorted({s.source for s in snippets})
    for source in sources:
        rows = [(s.sub_event_type, p) for s, p in zip(snippets, predicted) if s.source == source]
        figures[source] = weighted_f1([g for g, _ in rows], [p for _, p in rows])
    figures["macro"] = macro_f1(gold, predicted)
    print(f"{name:44s} " + "  ".join(f"{k} {v:.3f}" for k, v in figures.items()))
    return figures


def floor_key(run: str, key: str) -> str:
    """The floor name of a ``by_source`` figure: ``blind_<run>_<source>_weighted_f1``, ``blind_<run>_macro_f1``."""
    return f"blind_{run}_macro_f1" if key == "macro" else f"blind_{run}_{key}_weighted_f1"


def per_class(snippets: list[ProxySnippet], predicted: list[str]) -> None:
    """P/R/F1/n per gold class present, with the two commonest wrong readings of it."""
    from sklearn.metrics import precision_recall_fscore_support

    gold = [s.sub_event_type for s in snippets]
    labels = sorted(set(gold))
    p, r, f, n = precision_recall_fscore_support(gold, predicted, labels=labels, zero_division=0)
    wrong: dict[str, Counter[str]] = defaultdict(Counter)
    for g, q in zip(gold, predicted):
        if g != q:
            wrong[g][q] += 1
    print(f"{'sub-type':36s} {'P':>5s} {'R':>5s} {'F1':>5s} {'n':>4s}  main confusions (read as)")
    for label, pi, ri, fi, ni in zip(labels, p, r, f, n):
        top = ", ".join(f"{q} {c}" for q, c in wrong[label].most_common(2))
        print(f"{label[:36]:36s} {pi:5.2f} {ri:5.2f} {fi:5.2f} {ni:4d}  {top}")


def majority(snippets: list[ProxySnippet]) -> list[str]:
    """Baseline: every snippet of a source gets that source's commonest ACLED sub-type (never "no event")."""
    common = {}
    for source in {s.source for s in snippets}:
        counts = Counter(s.sub_event_type for s in snippets if s.source == source and s.sub_event_type != NONE)
        common[source] = counts.most_common(1)[0][0]
    return [common[s.source] for s in snippets]


def blind_proxy(
    data: Path,
    direct_scored: Callable[[list[Item]], list[tuple[str, float]]],
    extract_scored: Callable[[list[Item]], list[tuple[str, float]]] | None,
    rule_scored: Callable[[list[Item]], list[tuple[str, float]]],
) -> dict[str, float]:
    """Print the blind proxy's figures; return them as floor keys (``blind_...``)."""
    snippets = read_news_proxy(data)
    items = [Item(f"{s.source}-{i}", s.text) for i, s in enumerate(snippets)]
    sizes = Counter(s.source for s in snippets)
    events = Counter(s.source for s in snippets if s.sub_event_type != NONE)
    print("== blind news proxy (issue 19): weighted F1 over the sub-types present (all, per source), macro F1 over them")
    print("   " + "; ".join(f"{k}: {sizes[k]} snippets, {events[k]} events" for k in sorted(sizes))
          + "  (ucdp labels read from headline words: partly circular)")
    figures: dict[str, float] = {}
    runs: list[tuple[str, str, list[tuple[str, float]]]] = [("typer alone (a)", "direct", direct_scored(items))]
    if extract_scored is not None:
        runs.append(("through `frontline extract` (b)", "extract", extract_scored(items)))
    baselines = [("baseline: majority sub-type per source", majority(snippets)),
                 ("baseline: RuleTyper (trigger lexicon)", [label for label, _ in rule_scored(items)])]
    results = {}
    for name, key, scored in runs:
        predicted = [label for label, _ in scored]
        results[key] = by_source(name, snippets, predicted)
        figures.update({floor_key(key, k): v for k, v in results[key].items()})
        rows = [(c, label == s.sub_event_type) for s, (label, c) in zip(snippets, scored) if label != NONE]
        if rows:
            figures[f"blind_{key}_ece"] = ece(rows)
            print(f"{'':44s} ECE of confidence {figures[f'blind_{key}_ece']:.3f} over {len(rows)} snippets given an event")
    for name, predicted in baselines:
        base = by_source(name, snippets, predicted)
        for key, result in results.items():
            under = [k for k in base if result[k] < base[k]]
            if under:
                print(f"{'':44s} frontline ({key}) is under this baseline on: {', '.join(under)}")
    key = "extract" if extract_scored is not None else "direct"
    print(f"\nper class, {key}:")
    per_class(snippets, [label for label, _ in runs[-1][2]])
    print()
    return figures


def rule_typer() -> RuleTyper:
    return RuleTyper()
