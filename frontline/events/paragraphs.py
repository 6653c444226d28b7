"""paragraphs: where an annotated document's paragraphs begin (paragraphs are separated by newlines).

The answers come from one index per document (``Annotated.derived``): a sentence's paragraph is the
number of newlines before its start, so "same paragraph" is one comparison and the mentions of a
paragraph are a bisect, however long the document. The index holds when sentence starts and mention
sentences are in text order, as ``annotate`` makes them; otherwise the plain scans below answer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import pairwise

from ..records import Annotated, EventMention


@dataclass(frozen=True, slots=True)
class _Paragraphs:
    ordered: bool  # sentence starts never go back: newline counts then decide paragraphs
    number: tuple[int, ...]  # per sentence: newlines before its start
    first: tuple[int, ...]  # per sentence: the first sentence of its paragraph


def _index(annotated: Annotated) -> _Paragraphs:
    text = annotated.document.article.text
    sentences = annotated.sentences
    newlines = [m.start() for m in re.finditer("\n", text)]
    number = tuple(bisect.bisect_left(newlines, s.start) for s in sentences)
    first: list[int] = []
    for i, s in enumerate(sentences):
        gap_has_newline = i == 0 or "\n" in text[sentences[i - 1].end : s.start]
        first.append(i if gap_has_newline else first[-1])
    ordered = all(a.start <= b.start for a, b in pairwise(sentences))
    return _Paragraphs(ordered, number, tuple(first))


def _paragraphs(annotated: Annotated) -> _Paragraphs:
    return annotated.derived("paragraphs", _index)


def first_sentence(annotated: Annotated, mention: EventMention) -> int:
    """The first sentence of the mention's paragraph (paragraphs are separated by newlines)."""
    return _paragraphs(annotated).first[mention.sentence]


def same_paragraph(annotated: Annotated, a: int, b: int) -> bool:
    index = _paragraphs(annotated)
    if index.ordered:
        return index.number[a] == index.number[b]
    text = annotated.document.article.text
    lo, hi = sorted((a, b))
    return "\n" not in text[annotated.sentences[lo].start : annotated.sentences[hi].start]


def paragraph_mentions(annotated: Annotated, kind: str, sentence: int, *, before: bool) -> tuple:
    """The mentions of ``kind`` in the paragraph of ``sentence``, in order: those of earlier sentences
    (``before``) or those of this sentence and later ones."""
    index = _paragraphs(annotated)
    mentions = getattr(annotated, kind)
    keys: list[int] | None = annotated.derived(f"sentence_keys:{kind}", lambda a: _sorted_keys(getattr(a, kind)))
    if not index.ordered or keys is None:
        if before:
            return tuple(m for m in mentions if m.sentence < sentence and same_paragraph(annotated, m.sentence, sentence))
        return tuple(m for m in mentions if m.sentence >= sentence and same_paragraph(annotated, m.sentence, sentence))
    # Ordered starts: a paragraph is a run of sentences sharing one newline count.
    number = index.number[sentence]
    if before:
        lo, hi = bisect.bisect_left(index.number, number), sentence
    else:
        lo, hi = sentence, bisect.bisect_right(index.number, number)
    return mentions[bisect.bisect_left(keys, lo) : bisect.bisect_left(keys, hi)]  # type: ignore[no-any-return]


def _sorted_keys(mentions: tuple) -> list[int] | None:
    """The mentions' sentence numbers when they are in sentence order (None: not in order)."""
    keys = [m.sentence for m in mentions]
    return keys if all(a <= b for a, b in pairwise(keys)) else None
