"""earlier_places: the place named before a sentence that names none, and the regions that only qualify.

An event whose sentence names no place takes the last place named before it, a town rather than a
region that holds a town named with it (``drop_qualifiers``). Asked per event of a long document,
comparing every earlier place with every other is quadratic; one index per document (built on first
use, ``Annotated.derived``) answers by bisecting offsets and counting, in the order ``annotate``
gives (places in text order). A document whose places are not in that order gets the plain scans.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import pairwise

from ..records import Annotated, PlaceMention

# Region-level gazetteer entries: they qualify a town named with them ("Jowai (Meghalaya)").
# ADM1H: a first-level area abolished since (gazetteer build 5, ``former_admin1.tsv``: "Rift Valley Province"),
# which holds no admin1 code of today's: it holds the towns of its country named with it, as a country does.
REGION_CODES = ("ADM1", "ADM1H", "ADM2", "ADM3", "ADMD", "PCLI", "PCLD", "PCLS", "PCLF", "PCL", "RGN")
# Entries that never count as the place a region holds.
_NOT_HELD = ("ADM1", "ADM1H", "PCLI")

_Key = tuple[str, ...]


def holds(region: PlaceMention, other: PlaceMention) -> bool:
    """The region holds the other place (it is its admin1, admin2 or country)."""
    r, o = region.place, other.place
    if r is None or o is None or r.geonameid == o.geonameid or r.country_code != o.country_code:
        return False
    if r.feature_code not in REGION_CODES or o.feature_code in _NOT_HELD:
        return False
    if r.feature_code.startswith("PCL") or r.feature_code == "ADM1H":
        return True
    if r.feature_code == "ADM1":
        return bool(r.admin1_code) and r.admin1_code == o.admin1_code
    return bool(r.admin2_code) and r.admin2_code == o.admin2_code and r.admin1_code == o.admin1_code


def drop_qualifiers(places: list[PlaceMention]) -> list[PlaceMention]:
    """Without the regions that hold another place of the list (admin1 or country of a named town)."""
    return [p for p in places if not any(holds(p, o) for o in places)]


def _region_key(mention: PlaceMention) -> _Key | None:
    """What a held place must share with this region (``holds``); None: it holds nothing."""
    r = mention.place
    if r is None or r.feature_code not in REGION_CODES:
        return None
    if r.feature_code.startswith("PCL") or r.feature_code == "ADM1H":
        return ("C", r.country_code)
    if r.feature_code == "ADM1":
        return ("1", r.country_code, r.admin1_code) if r.admin1_code else None
    return ("2", r.country_code, r.admin1_code, r.admin2_code) if r.admin2_code else None


@dataclass(frozen=True, slots=True)
class _Index:
    ordered: bool  # resolved places' ends never go back, so "ends before X" is a prefix
    resolved: tuple[PlaceMention, ...]  # the document's places with a gazetteer entry
    ends: list[int]
    last_town: list[int]  # per prefix length k: position in ``resolved[:k]`` of its last town, -1 none
    local: tuple[PlaceMention, ...]  # the resolved places below country level
    local_ends: list[int]
    holders: dict[_Key, list[int]]  # key -> positions in ``local`` of places a region of that key holds
    holder_ids: dict[tuple[_Key, int], list[int]]  # the same per geonameid (a region never holds itself)


def _build(annotated: Annotated) -> _Index:
    # A sea or an ocean is in no country: an event is placed there only when its own sentence names it,
    # never because "the Pacific side" was named earlier.
    resolved = tuple(p for p in annotated.places if p.place is not None and p.place.country_code)
    ends = [p.span.end for p in resolved]
    last_town = [-1]
    for i, p in enumerate(resolved):
        last_town.append(i if p.place is not None and p.place.feature_class == "P" else last_town[-1])
    local = tuple(p for p in resolved if p.place is not None and not p.place.feature_code.startswith("PCL"))
    holders: dict[_Key, list[int]] = {}
    holder_ids: dict[tuple[_Key, int], list[int]] = {}
    for j, o in enumerate(local):
        place = o.place
        if place is None or place.feature_code in _NOT_HELD:
            continue
        cc, a1, a2 = place.country_code, place.admin1_code, place.admin2_code
        for key in (("C", cc), ("1", cc, a1), ("2", cc, a1, a2)):
            holders.setdefault(key, []).append(j)
            holder_ids.setdefault((key, place.geonameid), []).append(j)
    ordered = all(a <= b for a, b in pairwise(ends))
    return _Index(ordered, resolved, ends, last_town, local, [p.span.end for p in local], holders, holder_ids)


def _held(index: _Index, region: PlaceMention, count: int) -> bool:
    """``region`` holds one of ``index.local[:count]``."""
    key = _region_key(region)
    if key is None or region.place is None:
        return False
    every = bisect.bisect_left(index.holders.get(key, []), count)
    itself = bisect.bisect_left(index.holder_ids.get((key, region.place.geonameid), []), count)
    return every > itself


def last_town_before(annotated: Annotated, offset: int) -> PlaceMention | None:
    """The last resolved populated place that ends by ``offset`` ("the town" points back at it)."""
    index = annotated.derived("earlier_places", _build)
    if not index.ordered:
        earlier = [p for p in index.resolved if p.span.end <= offset and p.place is not None and p.place.feature_class == "P"]
        return earlier[-1] if earlier else None
    at = index.last_town[bisect.bisect_right(index.ends, offset)]
    return index.resolved[at] if at >= 0 else None


def last_place_before(annotated: Annotated, offset: int) -> PlaceMention | None:
    """The last resolved place that ends by ``offset``, below country level and not a region that
    holds another such place if there is one, else the last resolved place at all."""
    index = annotated.derived("earlier_places", _build)
    if not index.ordered:
        before_all = [p for p in index.resolved if p.span.end <= offset]
        local_before = drop_qualifiers([p for p in before_all if not p.place.feature_code.startswith("PCL")])  # type: ignore[union-attr]
        return (local_before or before_all)[-1] if local_before or before_all else None
    count = bisect.bisect_right(index.local_ends, offset)
    # The last place that holds none of the others: mostly the very last one (a town).
    for j in range(count - 1, -1, -1):
        if not _held(index, index.local[j], count):
            return index.local[j]
    k = bisect.bisect_right(index.ends, offset)
    return index.resolved[k - 1] if k else None


# Entries an "in the area" can point back at: terrain, regions and districts, not a town.
_AREA_CLASSES = ("T", "L")
_AREA_CODES = ("ADM2", "ADM3")


def last_area_before(annotated: Annotated, offset: int) -> PlaceMention | None:
    """The last resolved area below country and province level (a mountain range, a region, a district)
    that ends by ``offset``: what "fighting in the area" points back at, rather than the last village of a
    list named before it."""
    for p in reversed(annotated.places):
        if p.span.end <= offset and p.place is not None and (
            p.place.feature_class in _AREA_CLASSES or p.place.feature_code in _AREA_CODES
        ):
            return p
    return None
