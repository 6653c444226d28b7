"""Run the pipeline over many articles, in this process or in a pool of worker processes.

Each worker builds its own ``Pipeline`` (the resources are read-only files), and results come
back in input order, so the output is the same whatever the number of workers.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Generator, Iterable
from pathlib import Path

from ..geo.gazetteer import Gazetteer
from ..pipeline import Pipeline, Result
from ..records import Article, IngestError

log = logging.getLogger(__name__)

Item = Article | IngestError
Outcome = tuple[Item, Result | IngestError]

_worker_pipeline: Pipeline | None = None  # one per worker process, set by _init_worker


def process_all(
    items: Iterable[Item],
    *,
    workers: int = 1,
    gazetteer: Path | None = None,
    pipeline: Pipeline | None = None,
) -> Generator[Outcome, None, None]:
    """Yield ``(item, outcome)`` in input order.

    The outcome is the ``Result`` for an article, or an ``IngestError``: the item itself when it
    was one, or one naming the article when the pipeline raised on it (the batch goes on).
    """
    if workers <= 1:
        local = pipeline or Pipeline.default(gazetteer)
        for item in items:
            yield item, _process(local, item)
        return
    Gazetteer.open(gazetteer).close()  # build it here once if missing, rather than in every worker at once
    context = multiprocessing.get_context("spawn")  # no forked copies of open SQLite handles
    with context.Pool(workers, initializer=_init_worker, initargs=(gazetteer,)) as pool:
        yield from pool.imap(_work, items, chunksize=4)


def _process(pipeline: Pipeline, item: Item) -> Result | IngestError:
    if isinstance(item, IngestError):
        return item
    try:
        return pipeline.process(item)
    except Exception as exc:  # one bad article must not stop the batch
        log.debug("processing %s failed", item.origin or item.id, exc_info=True)
        return IngestError(item.origin or item.id, f"processing failed: {type(exc).__name__}: {exc}")


def _init_worker(gazetteer: Path | None) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline.default(gazetteer)


def _work(item: Item) -> Outcome:
    if _worker_pipeline is None:
        raise RuntimeError("worker used before _init_worker")
    return item, _process(_worker_pipeline, item)
