"""The speed paths of recognition and lookup give what the plain ones give, on hand-written text.

``Gazetteer.prefetch`` (batched lookups), ``cue_before`` (the cue regex run only where it can match),
the short token windows and the loop that collapses doubled letters in skeletons are all meant to
change speed only; each is compared here with the plain computation it replaces.
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from frontline.geo import patterns, proposals, recognize, resolve
from frontline.geo.gazetteer import Gazetteer, normalize, skeleton
from frontline.geo.gazetteer.normalize import LETTER_FOLDS, FoldTable, collapse_runs
from frontline.geo.geoparse import geoparse
from frontline.geo.patterns import CUE_BEFORE, UPPER, cue_before
from frontline.geo.recognize import TOKEN, next_tokens, previous_tokens
from frontline.geo.toponyms import find_toponyms

TEXT = (
    "Syrian rebels seized the town of Kinsabba, north of the village of Mzeghla in Latakia province, "
    "the Britain-based Syrian Observatory for Human Rights said on Monday. Police Chief John Walker told "
    "reporters near the Turkish border that fighting in Jisr ash-Shughur and Mt. Pleasant had stopped. "
    "The Democratic Republic of the Congo sent aid to Paris, Tenn., and to Kabul; "
    "ARMY UNITS ENTERED IDLIB CITY. Clashes broke out outside the city of Aleppo, close to "
    "the Castello road, and around  \n the camp of al-Yarmouk, east of Damascus.\n"
)
NAMES = [
    "Kansaba", "Kinsabba", "Kinnsibba", "Latakia", "Mt. Pleasant", "Mount Pleasant", "Ft. Worth",
    "Jisr ash-Shughur", "Jisr al-Shughur", "Police Chief John", "Monday", "Nowhere Placeville",
    "Aleppo", "Paris", "Democratic Republic of the Congo", "Syrian", "Army Units", "",
]  # fmt: skip


@pytest.fixture()
def plain(gazetteer_path: Path):  # type: ignore[no-untyped-def]
    with Gazetteer.open(gazetteer_path, build=False, prefetch=False) as gaz:
        yield gaz


@pytest.fixture()
def fast(gazetteer_path: Path):  # type: ignore[no-untyped-def]
    with Gazetteer.open(gazetteer_path, build=False) as gaz:
        yield gaz


def test_prefetched_lookups_equal_plain_ones(plain: Gazetteer, fast: Gazetteer) -> None:
    keys = [normalize(n) for n in NAMES]
    fast.prefetch(keys, fuzzy=keys)
    assert fast._absent, "the prefetch found none of the made-up names missing"
    assert normalize("Nowhere Placeville") in fast._absent
    assert normalize("Mt. Pleasant") not in fast._absent or normalize("Mount Pleasant") in fast._absent
    for name in NAMES:
        for fuzzy in (True, False):
            assert fast.match(name, fuzzy=fuzzy) == plain.match(name, fuzzy=fuzzy), name
            assert fast.lookup(name, fuzzy=fuzzy, limit=3) == plain.lookup(name, fuzzy=fuzzy, limit=3), name


def test_recognition_and_resolution_equal_plain_ones(plain: Gazetteer, fast: Gazetteer) -> None:
    assert find_toponyms(TEXT, fast) == find_toponyms(TEXT, plain)
    found = geoparse(TEXT, fast)
    assert found == geoparse(TEXT, plain)
    assert {r.span.text for r in found} >= {"Latakia", "Aleppo", "Damascus"}
    start = TEXT.index("Kinsabba")
    spans = [(start, start + len("Kinsabba")), (TEXT.index("Kabul"), TEXT.index("Kabul") + 5)]
    assert geoparse(TEXT, fast, spans) == geoparse(TEXT, plain, spans)
    assert not plain._absent and fast._absent  # the plain gazetteer really took the plain path


def test_cue_before_equals_the_regex_on_every_window() -> None:
    text = TEXT + " the town of ſomewhere near İdlib, outſide the\u00a0"
    matched = 0
    for end in range(len(text) + 1):
        window = text[max(0, end - 40) : end]
        plain, fast = CUE_BEFORE.search(window), cue_before(window)
        assert (plain.span(), plain.groupdict()) == (fast.span(), fast.groupdict()) if plain and fast else plain is fast is None
        matched += plain is not None
    assert matched >= 8


def test_short_token_windows_equal_the_60_character_ones() -> None:
    text = TEXT + "x" * 70 + " end"
    for i in range(len(text) + 1):
        assert previous_tokens(text, i) == TOKEN.findall(text[max(0, i - 60) : i])[-2:]
        assert next_tokens(text, i) == TOKEN.findall(text[i : i + 60])[:2]


@pytest.mark.parametrize(
    "text", ["kinnsibbaa", "aaa bbb", "mississippi", "", "a", "zz", "ab\n\nba", "x\n\n\nyyy", "ʿʿaa  bb"]
)
def test_collapsed_runs_equal_the_regex(text: str) -> None:
    assert collapse_runs(text) == re.sub(r"(.)\1+", r"\1", text)  # the regex collapse_runs replaced


def test_skeletons_of_transliterations() -> None:
    assert {skeleton(n) for n in ("Kansaba", "Kinsabba", "Kinnsibbā", "Kensaba")} == {"kansaba"}


# The plain forms of the patterns that were rewritten to scan faster, as they were written before.
PLAIN_PATTERNS = {
    "POSTAL_CODE": (proposals.POSTAL_CODE, r"(?<=[a-z]), (?P<code>[A-Z]{2})\b(?![.\w])"),
    "CAP_PAIR": (recognize.CAP_PAIR, r"\b([A-Z][a-z]+)[ \t]+([A-Z][a-z]+)\b"),
    "LOWERCASE_WORD": (recognize.LOWERCASE_WORD, r"\b[a-z]{3,}\b"),
    "CAPITALISED_RUN": (recognize.CAPITALISED_RUN, r"\b[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*)*"),
    "CAPITALISED_WORD": (resolve.CAPITALISED_WORD, rf"\b[{UPPER}][a-z]+(?:s)?\b"),
}
EDGES = "‘Ab x‘ab ‘ ab_Cd 1Ab Ab1 Columbus, OH. Dayton, OH and Akron, oh Ab  \t Cd\nEf Gh-Ij O’Neil Ġab ‘Sab\n"


@pytest.mark.parametrize("name", sorted(PLAIN_PATTERNS))
def test_fast_patterns_equal_the_plain_ones(name: str) -> None:
    fast, plain_form = PLAIN_PATTERNS[name]
    plain = re.compile(plain_form)
    for text in (TEXT, EDGES, TEXT.upper(), EDGES + TEXT):
        for start in range(0, len(text), 7):
            piece = text[start:]
            assert [(m.span(), m.groups()) for m in fast.finditer(piece)] == [
                (m.span(), m.groups()) for m in plain.finditer(piece)
            ], piece


def test_of_name_hint_holds_wherever_of_name_matches() -> None:
    pieces = ["Horn", " of ", "of", " the ", "al-", "Bab", "St.", " ", "\t", "-", "x", "’", "É", "de ", ".", "\n"]
    rng = random.Random(3)
    texts = [TEXT, EDGES, "Horn of Africa", "the Gulf of Aden", "al-Bab of Aleppo", "Mt. Hood of the Cascades"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    matched = 0
    for text in texts:
        if proposals.OF_NAME.search(text):
            matched += 1
            assert proposals.OF_NAME_HINT.search(text), text
    assert matched > 100


def test_lazy_fold_table_equals_the_full_one() -> None:
    full: dict[int, str | None] = {}
    for cp in range(0x30000):
        category = unicodedata.category(chr(cp))
        if category in ("Mn", "Me", "Cf"):
            full[cp] = None
        elif category[0] in "PSZ" or category == "Cc":
            full[cp] = " "
    for ch, rep in LETTER_FOLDS.items():
        full[ord(ch)] = rep
    lazy = FoldTable()
    sample = "".join(chr(cp) for cp in range(0, 0x110000, 3) if not 0xD800 <= cp < 0xE000) + TEXT + "".join(LETTER_FOLDS)
    assert sample.translate(lazy) == sample.translate(full)


def test_cue_before_knows_every_way_a_cue_ends() -> None:
    """``cue_before`` skips windows that do not end with one of ``CUE_BEFORE_ENDS``: every alternative
    of ``CUE_BEFORE`` must end with one of them (update the tuple when a cue is added)."""
    pattern = CUE_BEFORE.pattern
    kinds = re.search(r"\(\?P<kind>[^)]*\)([^|)]*)", pattern)
    preps = re.search(r"\(\?P<prep>([^)]*)\)", pattern)
    assert kinds and preps, "CUE_BEFORE changed shape: check cue_before's shortcut"
    assert kinds.group(1).replace("\\s+", " ").split()[-1] in patterns.CUE_BEFORE_ENDS
    for alternative in preps.group(1).split("|"):
        assert alternative.replace("\\s+", " ").split()[-1] in patterns.CUE_BEFORE_ENDS, alternative


def test_of_name_hint_matches_the_of_name_pattern() -> None:
    """``OF_NAME_HINT`` assumes that ``OF_NAME`` needs a capitalised word right before " of "."""
    assert proposals.OF_NAME.pattern.startswith(r"(?<![\w-])" + proposals.NAME + r"[ \t]of(?:[ \t]the)?[ \t]")
    assert proposals.NAME == patterns.SEQUENCE.pattern.removeprefix(r"(?<![\w-])")
