"""The gazetteer: one SQLite file of places and their names (see ``core``), and importers (``importers``).

``from frontline.geo.gazetteer import Gazetteer, build_gazetteer, normalize, skeleton, Match, GazetteerError``
is the public surface; ``import_places`` adds a user's GeoNames dump, UCDP GED or ACLED CSV to a built file.
"""

from .core import (
    BUILD_VERSION,
    ENV_VAR,
    SCHEMA_VERSION,
    SOURCE_FEATURES,
    SOURCE_GEONAMES,
    CountryInfo,
    Gazetteer,
    GazetteerError,
    Match,
    bbox,
    build_gazetteer,
    default_cities,
    default_path,
    fts_document,
    haversine_km,
    normalize,
    skeleton,
)
from .importers import (
    FORMATS,
    ImportSummary,
    detect_format,
    import_places,
    parse_ucdp_place,
    stable_id,
)

__all__ = [
    "BUILD_VERSION",
    "ENV_VAR",
    "FORMATS",
    "SCHEMA_VERSION",
    "SOURCE_FEATURES",
    "SOURCE_GEONAMES",
    "CountryInfo",
    "Gazetteer",
    "GazetteerError",
    "ImportSummary",
    "Match",
    "bbox",
    "build_gazetteer",
    "default_cities",
    "default_path",
    "detect_format",
    "fts_document",
    "haversine_km",
    "import_places",
    "normalize",
    "parse_ucdp_place",
    "skeleton",
    "stable_id",
]
