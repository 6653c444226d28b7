"""annotate: sentences, then place, actor, casualty and time mentions, all with offsets into the input."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from .actors import ActorDictionary
from .casualties import find_casualties
from .gazetteer import Gazetteer, normalize
from .records import (
    ActorMention,
    Annotated,
    CasualtyMention,
    Document,
    Place,
    PlaceMention,
    Sentence,
    Span,
    TimeMention,
)
from .timex import find_times
from .toponyms import TYPE_CUES, document_country, find_toponyms, rank

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)


def new_sentencizer() -> Language:
    """spaCy's blank English pipeline with its rule-based sentencizer (no model download)."""
    import spacy  # deferred: ~0.7 s import

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def annotate(
    document: Document,
    *,
    gazetteer: Gazetteer,
    actors: ActorDictionary,
    nlp: Language,
) -> Annotated:
    """Split ``document`` into sentences and find every mention the later stages need."""
    text = document.article.text
    sentences = _sentences(document, nlp)

    # Actors first: their spans are not places ("Syrian Observatory", "Nusra Front").
    country_hint = None
    raw_actor: list[tuple[Sentence, Any]] = []
    candidates = []
    for sentence in sentences:
        for match in actors.find(sentence.text):
            raw_actor.append((sentence, match))
    actor_spans = [(s.start + m.start, s.start + m.end) for s, m in raw_actor]
    per_sentence = []
    for sentence in sentences:
        found = find_toponyms(sentence.text, gazetteer, exclude=actor_spans, offset=sentence.start)
        per_sentence.append((sentence, found))
        candidates.extend(found)
    country_hint = document_country(candidates, document.text, gazetteer)

    # Re-run actor matching with the country focus, so "rebels" becomes "Opposition Rebels (Syria)".
    actor_mentions = []
    if country_hint:
        raw_actor = [(s, m) for s in sentences for m in actors.find(s.text, country=country_hint)]
    for sentence, match in raw_actor:
        start, end = sentence.start + match.start, sentence.start + match.end
        actor_mentions.append(
            ActorMention(Span(start, end, text[start:end]), sentence.index, match.name, match.inter, match.country)
        )

    # Rank candidates; places named elsewhere in the document lend weight to their admin1.
    first_pass = []
    for sentence, found in per_sentence:
        for candidate in found:
            place, score = rank(candidate, country=country_hint)
            first_pass.append((sentence, candidate, place, score))
    admin1 = frozenset(
        (p.country_code, p.admin1_code) for *_, p, _s in first_pass if p is not None and p.admin1_code
    )
    # One sense per discourse: once "Latakia province" is said, a bare "Latakia" is the province too.
    typed: dict[str, Place] = {}
    for _sentence, candidate, place, _score in first_pass:
        if place is not None and candidate.cue in TYPE_CUES:
            typed.setdefault(normalize(candidate.span.text), place)
    place_mentions = []
    for sentence, candidate, _first, _score in first_pass:
        place, score = rank(candidate, country=country_hint, admin1=admin1)
        if candidate.cue is None and normalize(candidate.span.text) in typed:
            place = typed[normalize(candidate.span.text)]
        place_mentions.append(PlaceMention(candidate.span, sentence.index, place, candidate.cue, round(score, 3)))

    casualty_mentions = []
    time_mentions = []
    published = document.article.published
    for sentence in sentences:
        for c in find_casualties(sentence.text):
            span = Span(sentence.start + c.start, sentence.start + c.end, c.text)
            casualty_mentions.append(CasualtyMention(span, sentence.index, c.count, c.kind, c.low, c.high))
        for t in find_times(sentence.text, published):
            span = Span(sentence.start + t.start, sentence.start + t.end, t.text)
            time_mentions.append(TimeMention(span, sentence.index, t.date, t.precision))

    return Annotated(
        document=document,
        sentences=tuple(sentences),
        places=tuple(place_mentions),
        actors=tuple(actor_mentions),
        casualties=tuple(casualty_mentions),
        times=tuple(time_mentions),
        country_code=country_hint,
    )


def _sentences(document: Document, nlp: Language) -> list[Sentence]:
    text = document.article.text
    sentences: list[Sentence] = []
    for paragraph in document.paragraphs:
        for sent in nlp(paragraph.text).sents:
            start = paragraph.start + sent.start_char
            end = paragraph.start + sent.end_char
            if text[start:end].strip():
                sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences
