"""place_lists: the other places of a list the event's place stands in; ACLED codes an event in each."""

from __future__ import annotations

import re

from ..records import Annotated, PlaceMention

# Between the items of a list of places: "VINA DEL MAR, TALCA, AND TEMUCO", "in Mogadishu and Kismayo".
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)


def listed_with(annotated: Annotated, chosen: PlaceMention | None) -> list[PlaceMention]:
    """The other places of a list the event's place stands in ("the institutes in Vina del Mar, Talca,
    and Temuco were the target of bomb attacks"): ACLED codes an event in each. A list is places of one
    country and one kind (towns, or regions), no country, joined by commas and an "and"; "Tecoluca, San
    Vicente" (a town and its department) is no list."""
    if chosen is None or chosen.place is None or chosen.place.feature_code.startswith("PCL"):
        return []
    text = annotated.document.article.text
    places = [p for p in annotated.in_sentence("places", chosen.sentence) if p.place is not None]
    i = next((k for k, p in enumerate(places) if p.span == chosen.span), None)
    if i is None:
        return []
    kind, country = chosen.place.feature_class, chosen.place.country_code
    run = [chosen]
    gaps: list[str] = []
    for step in (-1, 1):  # outwards from the chosen place, both ways
        k = i
        while 0 <= k + step < len(places):
            a, b = (places[k + step], places[k]) if step < 0 else (places[k], places[k + step])
            gap = text[a.span.end : b.span.start]
            nxt = places[k + step]
            if not _LIST_GAP.fullmatch(gap) or nxt.place is None or nxt.place.feature_class != kind or nxt.place.country_code != country:
                break
            run.append(nxt)
            gaps.append(gap)
            k += step
    if len(run) < 2 or not any("and" in g.lower() for g in gaps):
        return []
    first = min(p.span.start for p in run)
    if _BETWEEN_BEFORE.search(text, max(0, first - 30), first):
        return []  # "between Deir-ez-Zor and Homs": the two ends of one stretch, not two places
    seen = {chosen.place.geonameid}
    out = []
    for p in sorted(run[1:], key=lambda p: p.span.start):
        if p.place is not None and p.place.geonameid not in seen:
            seen.add(p.place.geonameid)
            out.append(p)
    return out
