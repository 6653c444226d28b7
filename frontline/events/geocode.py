"""geocode: coordinates, admin names and ACLED geo_precision for an event's place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..geo.gazetteer import Gazetteer
from ..geo.patterns import NEAR_CUES
from ..geo.seats import seat
from ..records import EventDraft, Place

# Cues that make a name the region, not its capital ("Bamako region"); and those that make a
# town's name stand for the district around it ("Balkh district": ACLED geo_precision 2).
_REGION_CUES = frozenset({"province", "governorate", "region", "state", "oblast", "regions"})
# Near a place, not in it (geo_precision 2); the outskirts of a town are the town for ACLED (1).
_NEAR = frozenset(NEAR_CUES - {"outskirts"})
_DISTRICT_CUES = frozenset({"district", "districts", "subdistrict", "county", "municipality", "township", "sector"})


def _same_name_city(region: Place, gazetteer: Gazetteer) -> Place | None:
    """The populated place named like ``region`` inside it, if there is one."""
    return _in_admin1(gazetteer, region.name, region, lambda c: c.feature_class == "P")


def own_province(town: Place, gazetteer: Gazetteer) -> Place | None:
    """The admin1 region ``town`` lies in, if the gazetteer has it as a place."""
    if not town.admin1_code or not town.admin1:
        return None
    return _in_admin1(gazetteer, town.admin1, town, lambda c: c.feature_code == "ADM1")


def _in_admin1(gazetteer: Gazetteer, name: str, of: Place, kind: Callable[[Place], bool]) -> Place | None:
    """The first entry named ``name`` of that ``kind`` in the country and admin1 of ``of``."""
    # Every entry of the name: a province's town may be the least populous of many namesakes.
    for candidate in gazetteer.lookup(name, fuzzy=False, limit=1000):
        if kind(candidate) and candidate.country_code == of.country_code and candidate.admin1_code == of.admin1_code:
            return candidate
    return None


def geocode(event: EventDraft, gazetteer: Gazetteer) -> EventDraft:
    """Fill the location columns from ``event.place``.

    geo_precision follows ACLED: 1 the named town itself; 2 near a town or part of a district;
    3 only a larger region (a province, a country or a natural feature) is known.
    """
    place = event.place
    if place is None and event.place_country:
        # No place named: code the event at country level, as ACLED does with its best location.
        info = gazetteer.country(event.place_country)
        place = gazetteer.get(info.geonameid) if info and info.geonameid else None
        if place is None:
            return replace(event, iso=info.isonum if info else None, country=info.name if info else "")
        event = replace(event, place=place)
    if place is None:
        return event
    if event.place_cue == "regions" and place.feature_class == "P":
        # One of several provinces or districts named together: the province, not its capital's town.
        place = own_province(place, gazetteer) or place
        event = replace(event, place=place)
    if place.feature_code == "ADM1" and (event.place_cue or "") not in _REGION_CUES:
        # A bare province name that is also its capital's name means the city ("in Bamako").
        place = _same_name_city(place, gazetteer) or place
        event = replace(event, place=place)
    if event.place_cue == "regions":
        precision = 3
    elif place.feature_code == "ADM1" and event.place_cue == "district":
        # "in Muqur district, Badghis": the province stands in for a district the gazetteer cannot place;
        # what is known is a small part of the province (2), as with a town standing in for a village.
        precision = 2
    elif place.feature_code.startswith("PCL") or place.feature_code in ("ADM1", "ADM1H") or place.feature_class in ("T", "H", "L"):
        precision = 3
    elif place.feature_code == "ADM2" or (event.place_cue or "") in _NEAR or event.place_cue in _DISTRICT_CUES:
        precision = 2
    else:
        precision = 1
    country = gazetteer.country(place.country_code)
    # A country or province is written at its seat (ACLED's point), not at the gazetteer's centre.
    point = seat(place, gazetteer)
    return replace(
        event,
        iso=country.isonum if country else None,
        country=place.country or (country.name if country else ""),
        admin1=place.admin1 if place.feature_code != "PCLI" else "",
        admin2=place.admin2,
        location=place.name,
        latitude=round(point.latitude, 5),
        longitude=round(point.longitude, 5),
        geo_precision=precision,
        geonameid=place.geonameid,
    )
