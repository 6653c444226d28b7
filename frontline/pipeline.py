"""The pipeline: the explicit, ordered tuple of stages, built in one place.

Each stage is a ``Stage``: a named callable that takes the work so far (``Work``, a frozen record
that gains one part per stage) and the pipeline, whose fields are the shared resources (gazetteer,
actor dictionary, sentencizer, typer, recognizer, ranker, calibration), and returns the work with
its part added. A new stage is one more entry in ``STAGES`` (or in a ``Pipeline(stages=...)`` of
your own); ``process`` only folds the article through them.

``Pipeline.process`` is a pure function of its article and the injected resources: the same input
always gives the same events. It holds no state between documents, so local processes, Dask or
Spark workers can each run their own copy.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from .events.calibrate import Calibration, calibrate
from .events.dating import assign_date, name_periods
from .events.detect import EventTyper, detect
from .events.fill import fill
from .events.finalize import event_sources, finalize
from .events.geocode import geocode
from .events.merge import merge
from .events.notes import describe
from .events.typing_model import LearnedTyper
from .geo.gazetteer import Gazetteer
from .records import (
    Annotated,
    Article,
    Document,
    Event,
    EventDraft,
    EventMention,
    Sentence,
    Span,
)
from .text.actors import ActorDictionary
from .text.annotate import annotate, new_sentencizer
from .text.clean import clean
from .text.ingest import content_id
from .text.truecase import TruecaseModel, is_shouting, truecase

if TYPE_CHECKING:
    from spacy.language import Language

    from .geo.ranker import Ranker
    from .geo.recognize import Recognizer

log = logging.getLogger(__name__)

# Bump when a stage changes its output, so stored articles are re-processed (0.2.0: calibrated confidence;
# 0.3.0: deaths as ACLED counts them, a toll told twice counted once; 0.5.0: text in capitals truecased;
# 0.6.0: gazetteer build 3 (areas at their own point, UCDP villages), ranker on point distances, "in the area";
# 0.7.0: wire news (datelines anchor the country, tolls as ACLED counts them) with typing's news wording;
# 0.8.0: headlines in nominal style typed by their cue, ``headline.headline_reading``).
PIPELINE_VERSION = "0.8.0"


@dataclass(frozen=True, slots=True)
class Work:
    """One article part-way through the stages: each stage fills in its own part."""

    article: Article
    document: Document | None = None  # clean
    annotated: Annotated | None = None  # annotate: sentences and mentions
    mentions: tuple[EventMention, ...] = ()  # detect: typed event mentions
    drafts: tuple[EventDraft, ...] = ()  # fill, then geocode, date and merge refine them
    events: tuple[Event, ...] = ()  # finalize, then notes and calibrate refine them
    # truecase: the article as given when the stages read a truecased copy (``article``); "restore" puts it back.
    original: Article | None = None

    def need_document(self) -> Document:
        if self.document is None:
            raise RuntimeError("a stage that needs the cleaned document runs before 'clean'")
        return self.document

    def need_annotated(self) -> Annotated:
        if self.annotated is None:
            raise RuntimeError("a stage that needs the annotated document runs before 'annotate'")
        return self.annotated


class Stage(Protocol):
    """One step of the pipeline: ``name`` for messages, and a call that adds its part to the work."""

    @property
    def name(self) -> str: ...

    def __call__(self, work: Work, pipeline: Pipeline) -> Work: ...


@dataclass(frozen=True, slots=True)
class FunctionStage:
    """A ``Stage`` made of a plain function."""

    name: str
    run: Callable[[Work, Pipeline], Work]

    def __call__(self, work: Work, pipeline: Pipeline) -> Work:
        return self.run(work, pipeline)


def stage(name: str) -> Callable[[Callable[[Work, Pipeline], Work]], FunctionStage]:
    """Decorator: the function becomes a named ``Stage``."""

    def wrap(run: Callable[[Work, Pipeline], Work]) -> FunctionStage:
        return FunctionStage(name, run)

    return wrap


# Each stage below only adapts one stage module's public function to (work, pipeline).


@stage("truecase")
def _truecase(work: Work, p: Pipeline) -> Work:
    # Text in capitals reads as names everywhere; the stages see it in its usual case (same length, so
    # every offset holds) and "restore" puts the original text back into what is returned.
    article = work.article
    if not is_shouting(article.text):
        return work
    cased = truecase(article.text, p.truecaser or TruecaseModel.default())
    return replace(work, article=replace(article, text=cased), original=article)


@stage("clean")
def _clean(work: Work, pipeline: Pipeline) -> Work:
    return replace(work, document=clean(work.article))


@stage("annotate")
def _annotate(work: Work, p: Pipeline) -> Work:
    annotated = annotate(
        work.need_document(), gazetteer=p.gazetteer, actors=p.actors, nlp=p.nlp, recognizer=p.recognizer, ranker=p.ranker
    )
    return replace(work, annotated=annotated)


@stage("detect")
def _detect(work: Work, p: Pipeline) -> Work:
    return replace(work, mentions=detect(work.need_annotated(), p.typer))


@stage("fill")
def _fill(work: Work, p: Pipeline) -> Work:
    return replace(work, drafts=fill(work.need_annotated(), work.mentions, p.actors, p.gazetteer, p.recognizer))


@stage("geocode")
def _geocode(work: Work, p: Pipeline) -> Work:
    return replace(work, drafts=tuple(geocode(d, p.gazetteer) for d in work.drafts))


@stage("date")
def _date(work: Work, p: Pipeline) -> Work:
    published = work.article.published
    return replace(work, drafts=tuple(name_periods(assign_date(d, published), p.actors) for d in work.drafts))


@stage("merge")
def _merge(work: Work, pipeline: Pipeline) -> Work:
    return replace(work, drafts=merge(work.drafts))


@stage("finalize")
def _finalize(work: Work, pipeline: Pipeline) -> Work:
    # The sources need the draft's sentences; what follows reads the final event's own fields.
    annotated = work.need_annotated()
    return replace(work, events=tuple(finalize(d, event_sources(annotated, d)) for d in work.drafts))


@stage("notes")
def _notes(work: Work, pipeline: Pipeline) -> Work:
    return replace(work, events=tuple(describe(e) for e in work.events))


@stage("calibrate")
def _calibrate(work: Work, p: Pipeline) -> Work:
    calibration = p.calibration or Calibration.default()
    return replace(work, events=tuple(calibrate(e, calibration) for e in work.events))


# What "restore" slices again from the original text: a span or a sentence (start, end, text).
_Sliced = TypeVar("_Sliced", Span, Sentence)


@stage("restore")
def _restore(work: Work, pipeline: Pipeline) -> Work:
    # Evidence, the document and the article hold the text as given: offsets are the same, only case differs.
    original = work.original
    if original is None:
        return work
    cased, given = work.article.text, original.text

    def span(s: _Sliced) -> _Sliced:
        return replace(s, text=given[s.start : s.end]) if s.text == cased[s.start : s.end] else s

    document = work.document
    if document is not None:
        document = replace(
            document,
            article=original,
            paragraphs=tuple(span(s) for s in document.paragraphs),
            removed=tuple(span(s) for s in document.removed),
        )
    annotated = work.annotated
    if annotated is not None and document is not None:
        annotated = replace(
            annotated,
            document=document,
            sentences=tuple(span(s) for s in annotated.sentences),
            places=tuple(replace(m, span=span(m.span)) for m in annotated.places),
            actors=tuple(replace(m, span=span(m.span)) for m in annotated.actors),
            casualties=tuple(replace(m, span=span(m.span)) for m in annotated.casualties),
            times=tuple(replace(m, span=span(m.span)) for m in annotated.times),
        )
    events = tuple(replace(e, evidence=tuple(span(s) for s in e.evidence)) for e in work.events)
    return replace(work, article=original, document=document, annotated=annotated, events=events, original=None)


STAGES: tuple[Stage, ...] = (
    _truecase, _clean, _annotate, _detect, _fill, _geocode, _date, _merge, _finalize, _notes, _calibrate, _restore
)


@dataclass(frozen=True, slots=True)
class Result:
    """Everything one article went through, for inspection and storage."""

    document: Document
    annotated: Annotated
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Pipeline:
    """The stages and the resources they share; ``process`` runs one article through all of them."""

    gazetteer: Gazetteer
    actors: ActorDictionary
    nlp: Language
    typer: EventTyper
    recognizer: Recognizer | None = None  # the toponym filter; None: the packaged model
    ranker: Ranker | None = None  # toponym resolution model; None: the packaged one
    calibration: Calibration | None = None  # event score -> probability; None: the packaged one
    truecaser: TruecaseModel | None = None  # case for text in capitals; None: the packaged model
    stages: tuple[Stage, ...] = STAGES

    @classmethod
    def default(cls, gazetteer_path: Path | None = None, actor_files: tuple[Path, ...] = ()) -> Pipeline:
        """The default resources: the cached GeoNames gazetteer (built on first use), the packaged
        actor dictionary, spaCy's blank English sentencizer, the learned typer (its model loads on first
        use), the packaged toponym recognizer and ranker, and the packaged confidence calibration."""
        # Deferred: numpy is not needed to import the pipeline.
        from .geo.ranker import Ranker
        from .geo.recognize import Recognizer

        gazetteer = Gazetteer.open(gazetteer_path)
        actors = ActorDictionary.load(
            actor_files,
            nationalities=gazetteer.nationalities(),
            country_names=gazetteer.country_names(),
        )
        return cls(
            gazetteer=gazetteer,
            actors=actors,
            nlp=new_sentencizer(),
            typer=LearnedTyper(),
            recognizer=Recognizer.default(),
            ranker=Ranker.default(),
            calibration=Calibration.default(),
        )

    def run(self, article: Article) -> Work:
        """The article through every stage, in order."""
        work = Work(article)
        for step in self.stages:
            work = step(work, self)
        return work

    def process(self, article: Article) -> Result:
        work = self.run(article)
        return Result(work.need_document(), work.need_annotated(), work.events)

    def extract(self, article: Article) -> list[Event]:
        return list(self.process(article).events)


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """One default pipeline per process; its resources are read-only, so sharing it is safe."""
    return Pipeline.default()


def extract(
    text: str,
    published: dt.date | str | None = None,
    source: str | None = None,
    *,
    id: str | None = None,
    pipeline: Pipeline | None = None,
) -> list[Event]:
    """Events in one text. ``published`` (a date or "YYYY-MM-DD") anchors relative dates."""
    from .text.ingest import parse_date

    article = Article(
        id=id or content_id(text),
        text=text,
        published=parse_date(published) if isinstance(published, str) else published,
        source=source,
    )
    return (pipeline or default_pipeline()).extract(article)
