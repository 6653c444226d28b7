"""Case restored to text written in capitals (wire copy, telex archives, headlines), offsets kept.

The stages read capitals badly: every word looks like a name, so "WAS" and "HOURS" become places.
``truecase`` rewrites a text in capitals word by word from a model of each word's usual written form,
counted over mixed-case news by ``frontline train truecase`` (``frontline/models/truecase.json``):
a known word takes its form ("the", "Syria", "UN", "McDonald"); the first word of a sentence takes a
capital; an unknown word keeps its capitals when it looks like an acronym (2-5 letters, no vowel, or a
length at which the model's rare words are mostly acronyms), else it is a name (Title case). Only words
wholly in capitals change, and only the case of single characters whose case mapping is one character,
so the output has exactly the input's length and every offset into it stays valid.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FORMAT = "frontline-truecase/1"
DEFAULT_MODEL = "truecase.json"

# A text is "in capitals" when this share of its cased letters is upper case, over at least MIN_LETTERS
# letters. Mixed-case news stays far below (the most capitalised FA-KES, InSight Crime or SATP text is
# under 40 %; see docs/fields.md), MUC-4's telex is at 99 %.
SHOUTING_SHARE = 0.8
MIN_LETTERS = 20

_WORD = re.compile(r"[^\W\d_]+")
# A sentence ends at . ! ? (closing quotes or brackets after it) followed by white space, or at a blank line.
_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s|\n[ \t\r\f\v]*\n")
_VOWELS = frozenset("aeiouy")
# Initials joined by dots ("U.S.", "U.N.", "D.C."): each letter stays a capital ("U.s." would end a sentence
# for the sentencizer), and the last dot ends the abbreviation, not the sentence ("TWO U.S. CITIZENS": "citizens").
_DOTTED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}")
_MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)
_NUMBER_NEAR = re.compile(r"\d")
# "IN MAY", "SINCE MAY": the month, not the verb the model knows "may" as.
_BEFORE_MONTH = frozenset(["in", "since", "until", "till", "early", "late", "mid", "last", "next", "during", "through", "throughout"])
# "US" is the country (the model's form) after "the", before a hyphen or a noun; else the pronoun ("TOLD US").
_AFTER_US = frozenset(
    ["forces", "troops", "officials", "official", "air", "military", "army", "government", "president", "administration", "coalition", "envoy", "state", "secretary", "strikes", "strike", "warplanes", "jets", "aircraft", "special", "intelligence", "ambassador", "defense", "defence", "department", "navy", "drone", "drones", "senator", "congress", "embassy", "diplomat", "diplomats", "policy", "support", "backed", "led", "allies", "ally", "counterpart", "counterparts", "soldiers", "citizens", "citizen", "journalist", "election", "elections"]
)
# An unknown word that is an inflection of a known lower-case word is a common word too ("erected",
# "reiterates", "relaxing"): (suffix, what replaces it) tried in order.
_INFLECTIONS = (
    ("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
    ("ly", ""), ("ers", ""), ("er", ""), ("ers", "e"), ("er", "e"), ("ation", "e"), ("ation", ""),
)
# Endings of common words that names in the news seldom have ("destabilization", "regrettable").
_COMMON_ENDINGS = ("tion", "tions", "ment", "ments", "ness", "able", "ible", "ously", "ities", "izing", "ized")


def words(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, word)`` for each run of letters."""
    for m in _WORD.finditer(text):
        yield m.start(), m.group()


def case_counts(text: str) -> tuple[int, int]:
    """How many of the text's letters are upper case, and how many lower case."""
    upper = lower = 0
    for c in text:
        if c.isupper():
            upper += 1
        elif c.islower():
            lower += 1
    return upper, lower


def is_shouting(text: str) -> bool:
    """Whether the text is written in capitals (``SHOUTING_SHARE`` of at least ``MIN_LETTERS`` cased letters)."""
    upper, lower = case_counts(text)
    total = upper + lower
    return total >= MIN_LETTERS and upper >= SHOUTING_SHARE * total


def sentence_initial(text: str) -> set[int]:
    """Offsets of the words that begin a sentence: the first word, and the first after each break."""
    starts: set[int] = set()
    first = _WORD.search(text)
    if first:
        starts.add(first.start())
    dotted_ends = {m.end() - 1 for m in _DOTTED.finditer(text)}
    for m in _SENTENCE_BREAK.finditer(text):
        if m.start() in dotted_ends:
            continue
        nxt = _WORD.search(text, m.end())
        if nxt:
            starts.add(nxt.start())
    return starts


def word_class(form: str) -> str:
    """``lower``, ``title``, ``upper`` or ``mixed`` ("McDonald"); a single capital letter is ``title``."""
    if form.islower():
        return "lower"
    if form.isupper():
        return "upper" if len(form) > 1 else "title"
    if form[0].isupper() and (len(form) == 1 or form[1:].islower()):
        return "title"
    return "mixed"


def _upper(c: str) -> str:
    u = c.upper()
    return u if len(u) == 1 else c


def _lower(c: str) -> str:
    lo = c.lower()
    return lo if len(lo) == 1 else c


def lower_key(word: str) -> str:
    """The word in lower case, character by character (a character whose lower case is longer stays)."""
    return "".join(_lower(c) for c in word)


@dataclass(frozen=True)
class TruecaseModel:
    """Each known word's usual form (key: the word in lower case), and per length 2-5 the share of
    rare words written in capitals."""

    forms: Mapping[str, str] = field(default_factory=dict)
    acronym_share: Mapping[int, float] = field(default_factory=dict)
    meta: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], origin: str = "<dict>") -> TruecaseModel:
        if data.get("format") != FORMAT:
            raise ValueError(f"{origin}: not a truecase model (format {data.get('format')!r}, expected {FORMAT})")
        forms: dict[str, str] = {}
        for key in data["lower"]:
            forms[key] = key
        for key in data["title"]:
            forms[key] = _upper(key[0]) + key[1:]
        for key in data["upper"]:
            forms[key] = "".join(_upper(c) for c in key)
        for form in data["mixed"]:
            forms[lower_key(form)] = form
        shares = {int(n): float(s) for n, s in data.get("acronym_share", {}).items()}
        return cls(forms=forms, acronym_share=shares, meta=dict(data.get("meta", {})))

    @classmethod
    def load(cls, path: Path) -> TruecaseModel:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")), str(path))

    @classmethod
    def default(cls) -> TruecaseModel:
        """The packaged model (``frontline/models/truecase.json``), loaded once per process."""
        return _packaged()


@functools.lru_cache(maxsize=1)
def _packaged() -> TruecaseModel:
    ref = resources.files("frontline") / "models" / DEFAULT_MODEL
    model = TruecaseModel.from_dict(json.loads(ref.read_text(encoding="utf-8")), str(ref))
    log.debug("truecase model: %d words from %s", len(model.forms), ref)
    return model


def _common(key: str, model: TruecaseModel) -> bool:
    """Whether an unknown word looks like an inflection of a known lower-case word, or has a common ending."""
    for suffix, repl in _INFLECTIONS:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[: len(key) - len(suffix)] + repl
            if model.forms.get(stem) == stem:
                return True
    return len(key) >= 8 and key.endswith(_COMMON_ENDINGS)


def _target(
    word: str, key: str, model: TruecaseModel, initial: bool, text: str, start: int, before: str, after: str
) -> str:
    """The form the word should take (same length as ``word``); ``before``, ``after``: the neighbouring
    words in lower case ("" at either end)."""
    form = model.forms.get(key)
    if key == "us" and form == "US":
        hyphen = text[start + 2 : start + 3] in ("-", "\u2013")
        if not (before == "the" or hyphen or after in _AFTER_US):
            form = "us"
    if form is not None and len(form) == len(word):
        target = form
    elif 2 <= len(word) <= 5 and (not (_VOWELS & set(key)) or model.acronym_share.get(len(word), 0.0) >= 0.5):
        target = word  # an acronym: "SDF", "YPG"
    elif _common(key, model):
        target = key
    else:
        target = _upper(key[0]) + key[1:]  # unknown words in the news are mostly names
    # "MAY 15", "15 MARCH": a month beside a number is the month, whatever the verb's usual form.
    if key in _MONTHS and (
        _NUMBER_NEAR.search(text, start + len(word), start + len(word) + 3)
        or _NUMBER_NEAR.search(text, max(0, start - 3), start)
        or before in _BEFORE_MONTH
    ):
        target = _upper(key[0]) + key[1:]
    if initial:
        target = _upper(target[0]) + target[1:]
    return target


def truecase(text: str, model: TruecaseModel | None = None) -> str:
    """The text with the words in capitals in their usual case; same length, character for character."""
    model = model or TruecaseModel.default()
    out = list(text)
    initial = sentence_initial(text)
    tokens = list(words(text))
    initials = {start for m in _DOTTED.finditer(text) for start in range(m.start(), m.end(), 2)}
    for i, (start, word) in enumerate(tokens):
        # A word the writer cased (or an uncased script) stays as written, and so do initials ("U.S.").
        if not word.isupper() or start in initials:
            continue
        key = lower_key(word)
        before = lower_key(tokens[i - 1][1]) if i > 0 else ""
        after = lower_key(tokens[i + 1][1]) if i + 1 < len(tokens) else ""
        target = _target(word, key, model, start in initial, text, start, before, after)
        for j, (orig, new) in enumerate(zip(word, target, strict=True)):
            # Only a case change of one character into one character: offsets must not move.
            if new != orig and len(new) == 1 and (new == _upper(orig) or new == _lower(orig)):
                out[start + j] = new
    result = "".join(out)
    if len(result) != len(text):  # cannot happen: one character in, one out
        raise AssertionError("truecase changed the text's length")
    return result
