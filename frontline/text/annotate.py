"""annotate: sentences, then place, actor, casualty and time mentions, all with offsets into the input."""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from ..geo.dateline import (
    dateline_agency_span,
    dateline_country,
    dateline_span,
    outlet_country,
)
from ..geo.gazetteer import Gazetteer
from ..geo.resolve import country_votes, demonyms, focus_country, resolve
from ..geo.toponyms import Candidate, find_toponyms
from ..records import (
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
from .actors import ActorDictionary
from .casualties import find_casualties
from .support import keep_in_support, supported_countries
from .timex import date_order_for, find_times

if TYPE_CHECKING:
    from spacy.language import Language

    from ..geo.ranker import Ranker
    from ..geo.recognize import Recognizer

log = logging.getLogger(__name__)

# "RADIO", "TELEVISION" just before a name: the name is a broadcaster's.
_OUTLET_BEFORE = re.compile(r"\b(?:radio|television|tv)\s+$", re.IGNORECASE)

STRONG_FOCUS_VOTES = 4.0  # a country named twice, or named once and called by its demonym twice
# An air force strikes abroad as often as at home: the nationality of warplanes says who struck, not where
# ("Russian warplanes killed 35 civilians in a school, Syrian activists said" is in Syria).
_AIR_POWER = re.compile(
    r"([A-Z][a-z]+|[A-Z]{3,})\s+(?:and\s+[A-Z][a-z]+\s+)?(?:war\s*planes|warplanes|jets|fighter\s+jets|aircraft|air\s*force|air\s*strikes?|airstrikes?"
    r"|air\s+raids?|helicopters?|gunships?|bombers|drones?|planes)\b",
    re.IGNORECASE,
)
DATELINE_VOTES = 3.0  # a dateline's country: more than a country named once (2)


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
    recognizer: Recognizer | None = None,
    ranker: Ranker | None = None,
) -> Annotated:
    """Split ``document`` into sentences and find every mention the later stages need.

    ``recognizer`` is the toponym filter and ``ranker`` the toponym resolution model (default: the
    packaged ones).
    """
    text = document.article.text
    sentences = _sentences(document, nlp)

    # Actors first: their spans are not places ("Syrian Observatory", "Nusra Front").
    # A broadcaster named after a cause ("RADIO VENCEREMOS", the FMLN's station) is an outlet, not the
    # group of that name: it neither acts nor says where the report is.
    found_actors = [
        [m for m in actors.find(s.text) if not _OUTLET_BEFORE.search(s.text, 0, m.start)] for s in sentences
    ]
    actor_spans = [(s.start + m.start, s.start + m.end) for s, ms in zip(sentences, found_actors, strict=True) for m in ms]
    outlet = dateline_agency_span(text)  # "(BOGOTA RADIO CADENA NACIONAL)": the outlet's city, not a place told
    # Where a wire report was filed is most often what it is about ("SAN SALVADOR, 12 JAN 90 (...) --").
    filed = dateline_country(text, gazetteer)
    # A monitor of one country ("SOHR") names that country's places, however it spells them.
    home = outlet_country(document.article.source) if filed is None else None
    candidates = _toponyms(document, sentences, gazetteer, actor_spans + ([outlet] if outlet else []), recognizer, home)
    adjectives = demonyms(document.text, gazetteer) - _air_power(document.text, gazetteer)
    votes = country_votes([c for _, c in candidates], document.text, gazetteer, adjectives=adjectives, compass_regions=False, spans_in=text)
    # A group named by its own name tells where it fights ("Al Shabaab", "SNA": Somalia), as a
    # demonym does: one vote per group, so a note that names no country still has a focus.
    named = {(m.name, m.country) for ms in found_actors for m in ms if m.country and not m.generic}
    for _, code in named:
        votes[code] = votes.get(code, 0) + 1
    # The dateline's country is worth a country named and more, so the capital of El Salvador is not the
    # Bahamian island.
    if filed:
        votes[filed] = votes.get(filed, 0) + DATELINE_VOTES
    country = focus_country(votes)
    # Countries the report names, implies or was filed from; not an admin1 name's country, which a
    # look-alike brings along with it ("BERLIN" the city is also Berlin the German state).
    supported = supported_countries(
        [c for _, c in candidates], adjectives, also=[filed, country, *(code for _, code in named)]
    )

    ranked = resolve([c for _, c in candidates], country, text=text, votes=votes, ranker=ranker)
    if home is not None and country in (None, home):
        ranked = _home_picks([c for _, c in candidates], ranked, home, text, votes, ranker)
    place_mentions = [
        _whole_name(text, PlaceMention(candidate.span, sentence.index, place, candidate.cue, round(score, 3)), gazetteer)
        for (sentence, candidate), (place, score) in zip(candidates, ranked, strict=True)
    ]
    # One coherent reading: where the dateline and the text agree on the focus, a place in a country
    # nothing in the report supports is the entry of that name in the focus country where there is one
    # ("SALVADOR" of El Salvador's capital, not Brazil's), else a look-alike. Without a dateline the
    # focus may rest on one vote (a coder's note names no country), too weak to overrule the ranker;
    # a focus the text names again and again ("Syrian aircraft ... the town of Ariha": Idlib's, not
    # Jericho) still moves a look-alike home, but drops none.
    anchored = filed is not None and filed == country
    # What the text itself names or implies, the focus aside: a headline's look-alike abroad ("al-Marj": Al
    # Marj, Libya) is most often the only vote for its country.
    told = supported_countries([c for _, c in candidates], adjectives, also=[code for _, code in named])
    abroad = home is not None and country != home and country not in told
    if anchored or (country is not None and votes.get(country, 0) >= STRONG_FOCUS_VOTES and not abroad):
        place_mentions = keep_in_support(place_mentions, supported, country, gazetteer, drop=anchored)
    elif home:
        # A monitor of one country ("SOHR") names that country's places: a name it gives is the entry of
        # that name there ("Palmyra": Tadmur, not Santos Dumont, Brazil), or no place if the country has
        # none, unless the text names or implies the other country. It casts no vote (the focus and the
        # ranker's reading stay the text's); an event with no place is put in the outlet's country by
        # ``events.fill`` (docs/incidents.md, "UCDP headlines read one by one").
        place_mentions = keep_in_support(place_mentions, told | {home}, home, gazetteer)

    # Actor names depend on where they act: "rebels" becomes "Opposition Rebels (Syria)" in a
    # sentence about Idlib, whatever the document's focus; with no place, the focus decides.
    actor_mentions = []
    places_of: dict[int, list[PlaceMention]] = {}  # by sentence: each sentence asks about its own only
    # The dateline's city is where the report was filed, not where its first sentence's actors are
    # ("BEIRUT (Reuters) - Syrian warplanes struck Saraqeb ..., killing 12 civilians": Syrian civilians).
    filed_at = dateline_span(text)
    for p in place_mentions:
        if filed_at is None or not (filed_at[0] <= p.span.start and p.span.end <= filed_at[1]):
            places_of.setdefault(p.sentence, []).append(p)
    for sentence, matches in zip(sentences, found_actors, strict=True):
        here = _sentence_country(places_of.get(sentence.index, []), sentence.index)
        if here is None or (anchored and here not in supported):
            here = country  # an actor's nation is one the report supports, else the document's
        for match in actors.localize(matches, here):
            start, end = sentence.start + match.start, sentence.start + match.end
            actor_mentions.append(
                ActorMention(
                    Span(start, end, text[start:end]), sentence.index, match.name, match.inter, match.country, match.generic,
                    None if match.qualified or "{country}" not in match.template else match.template,
                )
            )

    casualty_mentions = []
    time_mentions = []
    published = document.article.published
    order = date_order_for(document.article.source)
    for sentence in sentences:
        for c in find_casualties(sentence.text):
            span = Span(sentence.start + c.start, sentence.start + c.end, c.text)
            casualty_mentions.append(CasualtyMention(span, sentence.index, c.count, c.kind, c.low, c.high))
        for t in find_times(sentence.text, published, order):
            span = Span(sentence.start + t.start, sentence.start + t.end, t.text)
            time_mentions.append(TimeMention(span, sentence.index, t.date, t.precision))

    return Annotated(
        document=document,
        sentences=tuple(sentences),
        places=tuple(place_mentions),
        actors=tuple(actor_mentions),
        casualties=tuple(casualty_mentions),
        times=tuple(time_mentions),
        country_code=country,
    )


def _home_picks(
    candidates: list[Candidate],
    ranked: list[tuple[Place | None, float]],
    home: str,
    text: str,
    votes: dict[str, float],
    ranker: Ranker | None,
) -> list[tuple[Place | None, float]]:
    """The ranker's doubted picks kept where every entry of the name lies in the outlet's country: a
    monitor of one country writes its places as it hears them ("Menbej", "Der Kheba"), and its headline
    names no country to be the focus that keeps such a name (``ranker._prominent`` keeps a spelling
    variant in the focus country)."""
    def home_only(c: Candidate) -> bool:
        return bool(c.places) and all(p.country_code == home for p in c.places)

    if not any(place is None and home_only(c) for c, (place, _s) in zip(candidates, ranked, strict=True)):
        return ranked
    loose = resolve(candidates, None, text=text, votes=votes, ranker=ranker, nil=False)
    return [
        (pick, score) if place is None and home_only(c) and pick is not None else (place, s)
        for c, (place, s), (pick, score) in zip(candidates, ranked, loose, strict=True)
    ]


def _toponyms(
    document: Document,
    sentences: list[Sentence],
    gazetteer: Gazetteer,
    exclude: list[tuple[int, int]],
    recognizer: Recognizer | None,
    home: str | None = None,
) -> list[tuple[Sentence, Candidate]]:
    """Toponyms of the whole cleaned text at once (the filter uses what the rest of it says about a
    word, e.g. that "Walker" is Scott Walker's surname), each with the sentence it stands in."""
    # Kept paragraphs joined by "\n"; a line break inside a paragraph is a soft wrap (telex text breaks
    # "SAN\nSALVADOR" at 69 columns), read as a space so a name split over two lines is one name. Same
    # length, so offsets hold.
    joined = "\n".join(p.text.replace("\n", " ") for p in document.paragraphs)
    starts, position = [], 0
    for paragraph in document.paragraphs:
        starts.append(position)
        position += len(paragraph.text) + 1

    def to_article(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        return document.paragraphs[i].start + offset - starts[i]

    paragraph_starts = [p.start for p in document.paragraphs]

    def to_joined(offset: int) -> int | None:
        # Kept paragraphs are in order and apart: only the last one starting at or before the offset may hold it.
        i = bisect.bisect_right(paragraph_starts, offset) - 1
        if i >= 0 and offset <= document.paragraphs[i].end:
            return starts[i] + offset - document.paragraphs[i].start
        return None

    shifted = [(a, b) for a, b in ((to_joined(s), to_joined(e)) for s, e in exclude) if a is not None and b is not None]
    sentence_starts = [s.start for s in sentences]
    found = []
    for candidate in find_toponyms(joined, gazetteer, exclude=shifted, recognizer=recognizer, home=home):
        start, end = to_article(candidate.span.start), to_article(candidate.span.end - 1) + 1
        i = bisect.bisect_right(sentence_starts, start) - 1
        if i < 0 or end > sentences[i].end:
            continue  # not inside one sentence
        span = Span(start, end, document.article.text[start:end])
        found.append((sentences[i], replace(candidate, span=span)))
    return found


# What may go on after a recognised name: a possessive ("King William's Town") or a Persian ezafe
# ("Sar-e Pol"), then a capitalised word.
_NAME_GOES_ON = re.compile(r"(?:['’]s|-(?:e|i|ye|al|el|ul)\b)(\s+[A-Z][\w-]+)")


def _whole_name(text: str, mention: PlaceMention, gazetteer: Gazetteer) -> PlaceMention:
    """The whole name when the recognizer stopped at a possessive or a hyphen and the gazetteer knows
    the longer one: "King William" of "King William's Town" found a look-alike in the United States
    (the town is South Africa's), "Sar" of "Sar-e Pol" a town in Chad. The longer name's populated
    place wins, else its area."""
    m = _NAME_GOES_ON.match(text, mention.span.end)
    if m is None:
        return mention
    end = m.end()
    found = gazetteer.lookup(text[mention.span.start : end], fuzzy=False)
    if not found:
        return mention
    best = max(found, key=lambda p: (p.feature_class == "P", p.population))
    return replace(mention, span=Span(mention.span.start, end, text[mention.span.start : end]), place=best)


def _sentence_country(places: list[PlaceMention], index: int) -> str | None:
    """The one country of a sentence's resolved places below country level, if they agree."""
    codes = {
        p.place.country_code
        for p in places
        if p.sentence == index and p.place is not None and not p.place.feature_code.startswith("PCL")
    }
    return codes.pop() if len(codes) == 1 else None


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


def _air_power(text: str, gazetteer: Gazetteer) -> Counter[str]:
    """The demonym votes of air forces named by their nation ("Russian warplanes", "TURKISH JETS"): taken off
    the document's votes, as they tell who struck, not where."""
    found: Counter[str] = Counter()
    for m in _AIR_POWER.finditer(text):
        code = gazetteer.country_for_adjective(m.group(1))
        if code:
            found[code] += 1
    return found
