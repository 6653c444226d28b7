"""The two match keys of every name, shared by the build, the importers and the lookups.

* ``normalize`` - the exact key: accents, apostrophes (ʿ ʾ ’ ...) and punctuation removed, lower case.
  "Jisr ash-Shughūr" -> "jisr ash shughur". Non-Latin scripts keep their letters, so Arabic names match
  exactly too.
* ``skeleton`` - a deliberately lossy key for transliteration variants: Arabic articles dropped, digraphs
  folded (kh->k, sh->s, q->k, ...), all vowels merged, doubled letters collapsed, spaces removed.
  "Kansaba", "Kinsabba", "Kinnsibbā" and "Qansiba" all become "kansaba".

A built file stores both keys of every name, so changing either changes what old files answer.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Apostrophe-like marks (incl. ʿayn/hamza transliterations and Arabic tatweel) vanish without splitting
# the word: "Ma'arrat" / "Maʿarrat" / "Maarrat" must give the same key.
_DROP = str.maketrans("", "", "'`´‘’‛′ʹʻʼʽʾʿˈˊˋˌ\u0640")
# Letters NFKD does not decompose, and what ``normalize`` folds them to.
LETTER_FOLDS = {
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th",
    "ə": "e", "ɛ": "e", "ɔ": "o", "ŋ": "ng", "ʃ": "sh", "ŧ": "t", "ɨ": "i", "ʒ": "zh", "ƒ": "f",
}  # fmt: skip


class FoldTable(dict[int, "str | int | None"]):
    """str.translate table: combining marks and format chars go, punctuation/symbols/spaces become spaces.

    Filled one character at a time, the first time ``translate`` asks about it (every other character
    maps to itself), so that no text waits for all 196,608 characters of the table's range (~50 ms).
    """

    def __missing__(self, cp: int) -> str | int | None:
        value: str | int | None = cp  # itself
        if cp < 0x30000:  # the range the table has always covered (beyond it, every character stays)
            ch = chr(cp)
            cat = unicodedata.category(ch)
            if ch in LETTER_FOLDS:
                value = LETTER_FOLDS[ch]
            elif cat in ("Mn", "Me", "Cf"):
                value = None
            elif cat[0] in "PSZ" or cat == "Cc":
                value = " "
        self[cp] = value
        return value


@functools.cache
def _fold_table() -> FoldTable:
    """The one translate table of ``normalize`` (a per-process cache of character classes, not data)."""
    return FoldTable()


@functools.lru_cache(maxsize=1 << 16)  # news repeats its words; a key costs ~5 µs, a cache hit ~0.1
def normalize(name: str) -> str:
    """The exact match key: "Jisr ash-Shughūr" -> "jisr ash shughur", "Maʿarrat" -> "maarrat"."""
    s = unicodedata.normalize("NFKD", name.translate(_DROP)).casefold().translate(_fold_table())
    return " ".join(s.split())


# Arabic (and a few other) articles, dropped as whole words unless they are the last word:
# "Jisr al-Shughur", "Jisr ash-Shughur", "Jisr esh Shughur" and "Jisr Shughur" share a skeleton.
_ARTICLES = frozenset(
    ["a", "al", "el", "il", "ul", "as", "es", "ash", "esh", "ad", "ed", "ar", "er", "at", "et", "az", "ez", "an",
     "en", "ath", "eth", "adh", "edh"]
)  # fmt: skip
# Transliteration digraphs, folded in this order (dj before j-words, kh/gh/sh/th/dh before vowels merge).
_DIGRAPHS = (("dj", "j"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"),
             ("ck", "k"), ("q", "k"))  # fmt: skip
_INNER_YW = re.compile(r"\B[yw]")  # y/w after a letter are vowels in transliteration: Suwayda ~ Soueida
_VOWELS = str.maketrans("eiou", "aaaa")  # short vowels are the least stable part of a transliteration
_FINAL_H = re.compile(r"(?<=a)h\b")  # ta marbuta: Kinnsibbah ~ Kinnsibba, Hamah ~ Hama
_RUNS = re.compile(r"(.)\1+")


def skeleton_of_key(key: str) -> str:
    """Skeleton of an already normalized key; "" for non-Latin keys (they only match exactly)."""
    if not key or not key.isascii():
        return ""
    words = key.split()
    last = len(words) - 1
    s = " ".join(w for i, w in enumerate(words) if i == last or w not in _ARTICLES)
    for old, new in _DIGRAPHS:
        s = s.replace(old, new)
    s = _INNER_YW.sub("a", s).translate(_VOWELS)
    return collapse_runs(_FINAL_H.sub("", s).replace(" ", ""))


def collapse_runs(s: str) -> str:
    """``_RUNS.sub(r"\1", s)``: doubled letters collapse ("kinnsibba" -> "kinsiba"), 4x quicker than the regex."""
    if "\n" in s:  # "." does not match a line break (never in a key): the regex says what happens there
        return _RUNS.sub(r"\1", s)
    kept = []
    last = ""
    for c in s:
        if c != last:
            kept.append(c)
            last = c
    return "".join(kept)


def skeleton(name: str) -> str:
    """The transliteration-folded key: "Kinnsibbā", "Kansaba", "Qansiba" -> "kansaba"."""
    return skeleton_of_key(normalize(name))
