"""geoparse: place names in a text resolved to gazetteer entries (the ``frontline geoparse`` verb)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .records import Place, Span
from .toponyms import Candidate, cue_at, document_country, find_toponyms, resolve


@dataclass(frozen=True, slots=True)
class Resolved:
    span: Span
    place: Place | None

    def as_dict(self) -> dict[str, object]:
        p = self.place
        return {
            "start": self.span.start,
            "end": self.span.end,
            "text": self.span.text,
            "geonameid": p.geonameid if p else None,
            "name": p.name if p else None,
            "latitude": p.latitude if p else None,
            "longitude": p.longitude if p else None,
            "country_code": p.country_code if p else None,
            "admin1": (p.admin1 or None) if p else None,
            "feature_code": p.feature_code if p else None,
        }


def geoparse(
    text: str,
    gazetteer: Gazetteer,
    toponyms: Sequence[tuple[int, int]] | None = None,
) -> list[Resolved]:
    """Resolve exactly the given ``toponyms`` spans, or find and resolve the toponyms in ``text``."""
    if toponyms is None:
        found = find_toponyms(text, gazetteer)
    else:
        found = []
        for start, end in toponyms:
            if not (0 <= start < end <= len(text)):
                raise ValueError(f"toponym span {start}-{end} lies outside the text (length {len(text)})")
            surface = text[start:end]
            matches = gazetteer.match(surface)
            found.append(
                Candidate(
                    Span(start, end, surface),
                    cue_at(text, start, end),
                    tuple(m.place for m in matches),
                    fuzzy=all(m.kind != "exact" for m in matches),
                )
            )
    # The country focus comes from every place named in the text, not only the spans asked about.
    context = found if toponyms is None else [*found, *find_toponyms(text, gazetteer)]
    country = document_country(context, text, gazetteer)
    return [Resolved(c.span, place) for c, (place, _score) in zip(found, resolve(found, country), strict=True)]
