"""frontline: conflict news to a geolocated, deduplicated event dataset in ACLED's codebook.

    >>> from frontline import extract
    >>> events = extract(text, published="2016-07-01")

Importing the package does no work; resources load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "Event", "Pipeline", "__version__", "extract"]

if TYPE_CHECKING:
    from .pipeline import Pipeline, extract
    from .records import Article, Event


def __getattr__(name: str) -> Any:
    # Lazy attributes keep `import frontline` instant (no spaCy, no gazetteer at import).
    if name in ("extract", "Pipeline"):
        from . import pipeline

        return getattr(pipeline, name)
    if name in ("Event", "Article"):
        from . import records

        return getattr(records, name)
    raise AttributeError(f"module 'frontline' has no attribute {name!r}")
