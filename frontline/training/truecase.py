"""``frontline train truecase``: count each word's most frequent written form over mixed-case news.

The corpora are the mixed-case ones in ``../shared/data/corpora``: FA-KES ``article_content``, and the
first column of InSight Crime's and SATP's ``train/dev/test.tsv`` (MUC-4 is all capitals and CASE is
not news prose, so neither is read). A word is a run of letters (``text.truecase.words``); its key is
its lower-case form. Words at the start of a sentence are not counted (their capital says nothing about
the word), nor are words of a text or line in capitals. A word's form is kept when it was seen at
least ``min_count`` times; the model also keeps, per length 2-5, the share of the rarer words (below
``min_count``) written in capitals, which ``truecase`` uses for unknown short words.

The output is deterministic (sorted keys, no timestamps), so retraining reproduces the packaged model
byte for byte.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..text.truecase import (
    FORMAT,
    is_shouting,
    lower_key,
    sentence_initial,
    word_class,
    words,
)

log = logging.getLogger(__name__)

DEFAULT_MIN_COUNT = 3
TSV_CORPORA = ("insightcrime", "satp")
SPLITS = ("train", "dev", "test")
COMMAND = "frontline train truecase"


@dataclass(frozen=True)
class Report:
    texts: dict[str, int]
    tokens: int
    words: int
    kept: int
    size_bytes: int


def corpus_texts(data: Path) -> Iterator[tuple[str, str]]:
    """``(corpus, text)`` for every mixed-case training text under ``data/corpora``."""
    corpora = data / "corpora"
    csv.field_size_limit(sys.maxsize)
    fakes = corpora / "fakes_syria" / "FA-KES-Dataset.csv"
    if not fakes.is_file():
        raise FileNotFoundError(f"{fakes}: missing (pass --data, the shared data folder)")
    with fakes.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            yield "fakes_syria", row["article_content"]
    for name in TSV_CORPORA:
        for split in SPLITS:
            path = corpora / name / f"{split}.tsv"
            with path.open(encoding="utf-8", errors="replace", newline="") as fh:
                for cells in csv.reader(fh, delimiter="\t"):
                    if cells and cells[0].strip():
                        yield name, cells[0]


def count_forms(texts: Iterator[tuple[str, str]]) -> tuple[dict[str, Counter[str]], Counter[str], int]:
    """Per key, the count of each written form; per corpus, the texts read; the tokens counted."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    read: Counter[str] = Counter()
    tokens = 0
    for corpus, text in texts:
        read[corpus] += 1
        if is_shouting(text):  # a text in capitals teaches nothing about case
            continue
        starts = sentence_initial(text)
        for line_start, line in _lines(text):
            if is_shouting(line):  # a headline or banner in capitals
                continue
            for start, word in words(line):
                if line_start + start in starts or word.lower() == word.upper():  # sentence start; no case
                    continue
                forms[lower_key(word)][word] += 1
                tokens += 1
    return forms, read, tokens


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line
        offset += len(line)


def build_model(forms: dict[str, Counter[str]], min_count: int) -> tuple[dict[str, list[str]], dict[str, float]]:
    """The kept words by class (``lower``, ``title``, ``upper``: keys; ``mixed``: the forms), and the share
    of rare words written in capitals per length 2-5."""
    classes: dict[str, list[str]] = {"lower": [], "title": [], "upper": [], "mixed": []}
    rare_upper: Counter[int] = Counter()
    rare_all: Counter[int] = Counter()
    for key, counter in forms.items():
        total = sum(counter.values())
        if total < min_count:
            if 2 <= len(key) <= 5:
                rare_all[len(key)] += 1
                rare_upper[len(key)] += word_class(counter.most_common(1)[0][0]) == "upper"
            continue
        # Most frequent form; ties to the alphabetically first, so the file is reproducible.
        form = min(counter, key=lambda f: (-counter[f], f))
        kind = word_class(form)
        classes[kind].append(form if kind == "mixed" else key)
    for forms_of_kind in classes.values():
        forms_of_kind.sort()
    acronyms = {str(n): round(rare_upper[n] / rare_all[n], 3) for n in sorted(rare_all)}
    return classes, acronyms


def train(data: Path, target: Path, min_count: int = DEFAULT_MIN_COUNT) -> Report:
    """Count, build and write the model to ``target``; returns the figures also kept in its metadata."""
    forms, read, tokens = count_forms(corpus_texts(data))
    classes, acronyms = build_model(forms, min_count)
    kept = sum(len(v) for v in classes.values())
    model = {
        "format": FORMAT,
        "meta": {
            "command": COMMAND + (f" --min-count {min_count}" if min_count != DEFAULT_MIN_COUNT else ""),
            "corpora": {
                "fakes_syria": "corpora/fakes_syria/FA-KES-Dataset.csv, article_content",
                "insightcrime": "corpora/insightcrime/{train,dev,test}.tsv, first column",
                "satp": "corpora/satp/{train,dev,test}.tsv, first column",
            },
            "texts": dict(sorted(read.items())),
            "tokens": tokens,
            "words": len(forms),
            "min_count": min_count,
            "kept": {kind: len(v) for kind, v in classes.items()},
        },
        "acronym_share": acronyms,
        **classes,
    }
    text = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    size = target.stat().st_size
    log.info("truecase model: %d of %d words kept, %d bytes -> %s", kept, len(forms), size, target)
    return Report(dict(read), tokens, len(forms), kept, size)
