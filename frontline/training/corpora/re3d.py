"""Reader for re3d (Dstl's defence-and-security NER set) in its BIO/CoNLL form: token<TAB>tag lines.

Each sentence becomes one ``GoldDocument`` whose text is rebuilt from the tokens, with character
offsets for the ``Location`` spans. The tokenisation splits Arabic script into single letters; a run
of such letters is glued back into one word, and common punctuation is attached the English way
("Syria ," -> "Syria,"), so capitalisation and cue words look as they would in running text.

re3d's Location tags are broad ("the city of Mosul", "the hospital", "here"); ``name_core`` trims a
span to its proper-name part ("Mosul") for comparison with a toponym recogniser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .geoparsing import GoldDocument, GoldToponym

# No space before these tokens, none after the opening ones.
_CLOSE = frozenset(",.;:!?)]}%”’'") | {"'s", "’s", "n't"}
_OPEN = frozenset("([{“$")
_ARABIC = re.compile(r"^[\u0600-\u06FF\u0750-\u077F]$")


class Re3dError(ValueError):
    """A line of a re3d file is not token<TAB>tag."""


def _sentences(path: Path) -> Iterator[list[tuple[str, str]]]:
    tokens: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    yield tokens
                tokens = []
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                raise Re3dError(f"{path}:{number}: expected token<TAB>tag, got {line!r}")
            tokens.append((parts[0], parts[1]))
    if tokens:
        yield tokens


def read_re3d(path: Path, entity: str = "Location") -> Iterator[GoldDocument]:
    """One document per sentence, with the ``entity`` spans (B-/I- runs) as gold toponyms."""
    for number, tokens in enumerate(_sentences(path)):
        text = ""
        spans: list[tuple[int, int]] = []
        open_span: int | None = None
        span_end = 0  # end of the last token inside the open span
        previous = ""
        for token, tag in tokens:
            glue = (
                not text
                or token in _CLOSE
                or previous in _OPEN
                or (_ARABIC.match(token) is not None and _ARABIC.match(previous[-1:] or " ") is not None)
            )
            if open_span is not None and tag != f"I-{entity}":
                spans.append((open_span, span_end))
                open_span = None
            if not glue:
                text += " "
            if tag == f"B-{entity}" or (tag == f"I-{entity}" and open_span is None):
                open_span = len(text)
            text += token
            span_end = len(text)
            previous = token
        if open_span is not None:
            spans.append((open_span, span_end))
        toponyms = tuple(GoldToponym(s, e, text[s:e], None, None) for s, e in spans)
        yield GoldDocument(f"{path.stem}-{number}", text, toponyms)


_LEADING = re.compile(r"^(?:(?:[a-z][\w’'-]*|The|A|An|\d[\d.,]*|[-–°′″;])\s+)+")
_TRAILING = re.compile(r"(?:\s+(?:[a-z][\w’'-]*|\d[\d.,]*|[-–°′″;]))+$")


def name_core(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The proper-name parts of a Location span; none for "the hospital" or "here".

    Leading lowercase words and articles go ("the city of Mosul" -> "Mosul"), and so do trailing
    lowercase words ("Mosul district" -> "Mosul"); "Palmyra, Syria" gives two names, as LGL counts them.
    """
    cores = []
    for part in re.finditer(r"[^,]+", text[start:end]):
        s, e = start + part.start(), start + part.end()
        span = text[s:e]
        lead = _LEADING.match(span)
        if lead:
            s += lead.end()
        span = text[s:e]
        trail = _TRAILING.search(span)
        if trail:
            e -= len(span) - trail.start()
        while s < e and text[s].isspace():
            s += 1
        if s < e and text[s].isupper():
            cores.append((s, e))
    return cores
