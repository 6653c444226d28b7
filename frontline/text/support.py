"""Which countries a document supports, and places kept inside them.

A report supports a country when it names it ("EL SALVADOR"), implies it with an adjective
("SALVADORAN") or a group known to fight there ("FMLN"), or was filed from it (its dateline). A place
or an actor's nation in a country that nothing in the report supports is most often a look-alike:
"SAN SALVADOR" is also an island of the Bahamas, "GUADALUPE" a Mexican city, "SALVADOR" a Brazilian
one. ``supported_countries`` gathers the support; ``keep_in_support`` moves such a look-alike to the
entry of the same name in the document's focus country, when the gazetteer has one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..geo.gazetteer import Gazetteer
from ..geo.ranker_features import name_key
from ..records import PlaceMention

if TYPE_CHECKING:
    from ..geo.toponyms import Candidate


def supported_countries(
    candidates: Iterable[Candidate],
    adjectives: Iterable[str],
    *,
    also: Iterable[str | None] = (),
) -> frozenset[str]:
    """ISO2 codes of the countries a text names (a country's own name among ``candidates``) or implies
    (``adjectives``: the countries of its nationality words, ``geo.resolve.demonyms``), with ``also`` (the
    dateline's country, the home of the groups it names, its focus)."""
    found: set[str] = {code for code in also if code}
    found.update(adjectives)
    for candidate in candidates:
        if candidate.fuzzy:
            continue
        key = name_key(candidate.span.text)
        found.update(
            p.country_code for p in candidate.places if p.feature_code.startswith("PCL") and name_key(p.name) == key
        )
    return frozenset(found)


def keep_in_support(
    mentions: Sequence[PlaceMention],
    supported: frozenset[str],
    focus: str | None,
    gazetteer: Gazetteer,
    *,
    drop: bool = True,
) -> list[PlaceMention]:
    """``mentions`` with each place that lies in an unsupported country replaced by the entry of the
    same name in ``focus`` (its populated place first, then the most populous), when there is one;
    otherwise the place is dropped (no place is better than a look-alike abroad), or kept with
    ``drop=False`` (the focus is less sure)."""
    if focus is None:
        return list(mentions)
    out = []
    for mention in mentions:
        place = mention.place
        if place is None or place.country_code in supported or place.feature_code.startswith("PCL"):
            out.append(mention)
            continue
        key = name_key(mention.span.text)
        inside = [p for p in gazetteer.lookup(mention.span.text, fuzzy=False) if p.country_code == focus]
        if not inside:
            # Nothing of that name in the focus country: a place in a country the report never mentions
            # is a look-alike ("MOLOTOV" is not Perm), and no place is better than a wrong one: the event
            # falls back to the focus country. A capital named as such is no look-alike: "13 persons died
            # in San Salvador", told in Tegucigalpa, names El Salvador (with a namesake in the focus, as
            # "BERLIN" of Usulutan, the namesake wins below).
            capital = place.feature_code == "PPLC" and name_key(place.name) == key
            out.append(mention if capital or not drop else replace(mention, place=None))
            continue
        best = max(inside, key=lambda p: (
            name_key(p.name) == key, p.feature_class == place.feature_class, p.feature_class == "P", p.population, -p.geonameid
        ))
        out.append(replace(mention, place=best))
    return out
