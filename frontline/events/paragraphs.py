"""paragraphs: where an annotated document's paragraphs begin (paragraphs are separated by newlines)."""

from __future__ import annotations

from ..records import Annotated, EventMention


def first_sentence(annotated: Annotated, mention: EventMention) -> int:
    """The first sentence of the mention's paragraph (paragraphs are separated by newlines)."""
    text = annotated.document.article.text
    index = mention.sentence
    while index > 0 and "\n" not in text[annotated.sentences[index - 1].end : annotated.sentences[index].start]:
        index -= 1
    return index


def same_paragraph(annotated: Annotated, a: int, b: int) -> bool:
    text = annotated.document.article.text
    lo, hi = sorted((a, b))
    return "\n" not in text[annotated.sentences[lo].start : annotated.sentences[hi].start]
