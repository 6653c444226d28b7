"""geoparse: place names in a text resolved to gazetteer entries (the ``frontline geoparse`` verb).

Recognition (``toponyms.find_toponyms``) then resolution (``resolve.resolve``), or resolution of the
spans a caller gives.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Place, Span
from .gazetteer import Gazetteer
from .patterns import cue_at, demonym_places, variant_places
from .ranker_features import us_state
from .resolve import country_votes, focus_country, resolve
from .toponyms import Candidate, find_toponyms, without_stand_ins

if TYPE_CHECKING:
    from .ranker import Ranker

log = logging.getLogger(__name__)


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
    *,
    ranker: Ranker | None = None,
    nil: bool | None = None,
) -> list[Resolved]:
    """Resolve exactly the given ``toponyms`` spans, or find and resolve the toponyms in ``text``.

    ``ranker``: the resolution model (default: the packaged one). ``nil``: leave picks the model does
    not believe unresolved; by default only for found spans, since given spans are asserted places
    (for which the best guess is never worse than none).
    """
    found, context, votes = prepare(text, gazetteer, toponyms)
    ranked = resolve(
        found,
        focus_country(votes),
        text=text,
        context=context,
        votes=votes,
        ranker=ranker,
        nil=toponyms is None if nil is None else nil,
    )
    return [Resolved(c.span, place) for c, (place, _score) in zip(found, ranked, strict=True)]


def prepare(
    text: str,
    gazetteer: Gazetteer,
    toponyms: Sequence[tuple[int, int]] | None = None,
) -> tuple[list[Candidate], list[Candidate], dict[str, float]]:
    """The candidates to resolve, every toponym of the text as context, and the country votes.

    Shared by ``geoparse`` and the ranker's training, so that both see the same features.
    """
    if toponyms is None:
        found = find_toponyms(text, gazetteer)
    else:
        for start, end in toponyms:
            if not (0 <= start < end <= len(text)):
                raise ValueError(f"toponym span {start}-{end} lies outside the text (length {len(text)})")
        # The whole text first: its recognition looks up (and prefetches) every word run, so the given
        # spans' own look-ups below are mostly answered from the gazetteer's caches.
        in_text = find_toponyms(text, gazetteer)
        found = []
        for start, end in toponyms:
            surface = text[start:end]
            implied = _implied_places(surface, gazetteer)
            matches = [] if implied else gazetteer.match(surface)
            places = (
                implied
                or without_stand_ins(tuple(m.place for m in matches))
                or demonym_places(surface, gazetteer)
                or variant_places(surface, gazetteer)
            )
            found.append(
                Candidate(
                    Span(start, end, surface),
                    cue_at(text, start, end),
                    places,
                    fuzzy=bool(matches) and all(m.kind != "exact" for m in matches),
                )
            )
    # The country focus comes from every place named in the text, not only the spans asked about.
    context = found if toponyms is None else [*found, *in_text]
    return found, context, country_votes(context, text, gazetteer)


def _implied_places(surface: str, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Entries for a given span that names a place without being its name.

    A nationality adjective ("Russian", "Palestinians") means its country, "US" (in capitals; the
    gazetteer leaves it out for the pronoun) and "America" the United States, and a US state written the news way
    ("Tenn.", "W.Va.") its state. Given spans only: in running text these are words, not places.
    """
    code = "US" if surface in ("US", "USA", "America") else gazetteer.country_for_adjective(surface)
    if code:
        info = gazetteer.country(code)
        place = gazetteer.get(info.geonameid) if info and info.geonameid else None
        return (place,) if place else ()
    # A given all-caps postal code ("NY", "TX") is the state: the caller says the span is a place.
    state = us_state(surface, written=len(surface) == 2 and surface.isupper())
    if state:
        name = gazetteer.admin1_name("US", state)
        return tuple(p for p in gazetteer.lookup(name) if p.feature_code == "ADM1" and p.country_code == "US")[:1]
    return ()
