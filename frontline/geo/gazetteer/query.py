"""Reading a built gazetteer: the ``Gazetteer`` class, its lookups and its country and admin tables.

``Gazetteer.lookup`` returns exact-key matches; only when there are none does it fall back to skeleton
matches, and only for queries of at least four letters that are not made of common news words,
nationality adjectives or country names ("Monday", "Russian", "Army"). A skeleton hit is kept only if one
of its names is close to the query (rapidfuzz ratio >= 60; >= 70 for 6-letter skeletons and >= 80 for
shorter ones, which hundreds of places share).
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Self

from rapidfuzz import fuzz

from ...records import Place
from .geometry import bbox, haversine_km
from .normalize import normalize, skeleton_of_key
from .opening import open_connection
from .schema import default_path

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


# Abbreviated and full first words of place names, each mapped to the other (normalised keys).
_PREFIX_FORMS = {"mt": "mount", "mount": "mt", "ft": "fort", "fort": "ft", "st": "saint", "saint": "st", "ste": "sainte", "sainte": "ste", "pt": "point", "point": "pt"}


def _letters(key: str) -> int:
    return sum(c.isalpha() for c in key)


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
# ``Gazetteer.largest_place``: the build's partial index ``places_area`` answers it (older files scan).
_SQL_LARGEST = f"SELECT {_PLACE_COLS} FROM places p WHERE p.feature_class = 'P' AND p.country_code = ? {{}}"
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
        return cls(open_connection(path, build=build, cities=cities), path, prefetch=prefetch)

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
            skel = "" if _letters(key) < MIN_FUZZY_LETTERS or self._blocks_fuzzy(key) else skeleton_of_key(key)
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

    def largest_place(self, country_code: str, admin1_code: str | None = None) -> Place | None:
        """The most populous populated place of a country, or of one of its admin1 regions (lowest id on a tie)."""
        where, params = ("AND p.admin1_code = ? ", (country_code, admin1_code)) if admin1_code else ("", (country_code,))
        rows = self._query(_SQL_LARGEST.format(where + "ORDER BY p.population DESC, p.geonameid LIMIT 1"), params)
        return self._place(rows[0]) if rows else None

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
        skel = skeleton_of_key(key)
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
