"""seat: the point an event is coded at when only an area is known (ACLED's convention).

The gazetteer keeps each entry's own point (GeoNames' kind: a country's centre, a province's middle),
which is what ``frontline geoparse`` returns and what geoparsing benchmarks score. ACLED codes an event
known only at country level at the capital, and one known only at province level (geo_precision 3) at
the province's main town, so the event pipeline asks ``seat`` for the point to write.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Place
from .gazetteer import Gazetteer


def seat(place: Place, gazetteer: Gazetteer) -> Place:
    """``place`` at its seat's coordinates when it is a country (the capital, else its most populous place)
    or an admin1 region (its most populous place); any other place as it is.

    Only the coordinates change: name, id, codes and feature stay the area's, so the event still names
    the province or country.
    """
    if place.feature_code.startswith("PCL"):
        info = gazetteer.country(place.country_code)
        town = gazetteer.get(info.capital_geonameid) if info and info.capital_geonameid else None
        town = town or gazetteer.largest_place(place.country_code)
    elif place.feature_code == "ADM1" and place.admin1_code:
        town = gazetteer.largest_place(place.country_code, place.admin1_code)
    else:
        return place
    if town is None or (town.latitude, town.longitude) == (place.latitude, place.longitude):
        return place
    return replace(place, latitude=town.latitude, longitude=town.longitude)
