"""The pipeline: the explicit list of stages, built in one place.

``Pipeline.process`` is a pure function of its article and the injected resources (gazetteer,
actor dictionary, sentencizer, typer, confidence calibration): the same input always gives the same events. It holds no
state between documents, so local processes, Dask or Spark workers can each run their own copy.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .events.calibrate import Calibration, calibrate
from .events.dating import assign_date, name_periods
from .events.detect import EventTyper, detect
from .events.fill import fill
from .events.finalize import finalize
from .events.geocode import geocode
from .events.merge import merge
from .events.notes import describe
from .events.typing_model import LearnedTyper
from .geo.gazetteer import Gazetteer
from .records import Annotated, Article, Document, Event, EventDraft
from .text.actors import ActorDictionary
from .text.annotate import annotate, new_sentencizer
from .text.clean import attributed_sources, clean
from .text.ingest import content_id

if TYPE_CHECKING:
    from spacy.language import Language

    from .geo.ranker import Ranker
    from .geo.recognize import Recognizer

log = logging.getLogger(__name__)

# Bump when a stage changes its output, so stored articles are re-processed (0.2.0: calibrated confidence).
PIPELINE_VERSION = "0.2.0"


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

    def process(self, article: Article) -> Result:
        document = clean(article)
        annotated = annotate(
            document,
            gazetteer=self.gazetteer,
            actors=self.actors,
            nlp=self.nlp,
            recognizer=self.recognizer,
            ranker=self.ranker,
        )
        mentions = detect(annotated, self.typer)
        drafts = fill(annotated, mentions, self.actors, self.gazetteer, self.recognizer)
        drafts = tuple(
            name_periods(assign_date(geocode(e, self.gazetteer), article.published), self.actors) for e in drafts
        )
        calibration = self.calibration or Calibration.default()
        # Drafts become events once merged: the sources need the draft's sentences; notes and the
        # calibrated confidence are read from the final event's own fields.
        events = tuple(
            calibrate(
                describe(finalize(d, _sources(article.source, *document.attributions, *_claims(annotated, d)))),
                calibration,
            )
            for d in merge(drafts)
        )
        return Result(document, annotated, events)

    def extract(self, article: Article) -> list[Event]:
        return list(self.process(article).events)


def _claims(annotated: Annotated, event: EventDraft) -> list[str]:
    """Who the event's sentences, or the next sentence of the same paragraph, attribute it to
    ("SOHR", "Nusra Front statement")."""
    text = annotated.document.article.text
    indexes: list[int] = []
    for i in event.sentences:
        indexes.append(i)
        after = i + 1
        if after < len(annotated.sentences) and "\n" not in text[annotated.sentences[i].end : annotated.sentences[after].start]:
            indexes.append(after)
    return [name for i in dict.fromkeys(indexes) for name in attributed_sources(annotated.sentences[i].text)]


def _sources(*names: str | None) -> str:
    """ACLED's source column: outlets joined by "; ", each once ("Zaman al-Wasl" = "Zaman Al Wasl")."""
    seen: dict[str, str] = {}
    for name in names:
        if name:
            seen.setdefault("".join(ch for ch in name.lower() if ch.isalnum()), name.strip())
    return "; ".join(seen.values())


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
