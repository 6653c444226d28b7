"""The importers' writer: one transaction in which places, names, rtree and FTS index stay consistent.

It also finds the existing place an imported one is (``same_place``) and maps country, admin1 and
admin2 names to GeoNames codes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from .geometry import bbox, haversine_km
from .names import admin_keys, admin_variants
from .normalize import normalize, skeleton_of_key
from .schema import fts_document


class PlaceWriter:
    """Writes one import's places and names on ``con`` (in its open transaction); ``flush`` syncs FTS."""

    def __init__(self, con: sqlite3.Connection, merge_km: float, *, imported: bool = True) -> None:
        self.con = con
        self.merge_km = merge_km
        # False for the places a build adds from packaged data: they are not the user's own import.
        self.imported = int(imported)
        self._old_docs: dict[int, str] = {}  # FTS document (places.keys) of each touched place before this batch
        self._keys: dict[int, set[str]] = {}  # the touched places' keys, written to places.keys at flush
        self._touched: set[int] = set()
        self._admin1: dict[str, dict[str, str]] = {}  # per country: name key -> admin1 code
        self._admin2: dict[tuple[str, str], dict[str, str]] = {}  # per (country, admin1): key -> admin2 code
        self._countries: dict[str, str] | None = None
        self._isonum: dict[int, str] | None = None

    # -- reading state

    def exists(self, gid: int) -> bool:
        return self.con.execute("SELECT 1 FROM places WHERE geonameid = ?", (gid,)).fetchone() is not None

    def keys_of(self, gid: int) -> list[str]:
        """A place's name keys as they stand in this transaction."""
        if gid in self._keys:
            return list(self._keys[gid])
        row = self.con.execute("SELECT keys FROM places WHERE geonameid = ?", (gid,)).fetchone()
        return row[0].split("|") if row and row[0] else []

    def _touch(self, gid: int) -> None:
        if gid not in self._touched:
            self._touched.add(gid)
            row = self.con.execute("SELECT keys FROM places WHERE geonameid = ?", (gid,)).fetchone()
            self._old_docs[gid] = row[0] if row else ""
            self._keys[gid] = set(row[0].split("|")) if row and row[0] else set()

    # -- writing

    def upsert_place(self, gid: int, rec: tuple[Any, ...], source: str) -> bool:
        """Insert or replace a place (keeping its names); True when it changed anything."""
        old = self.con.execute(
            "SELECT name, latitude, longitude, country_code, admin1_code, admin2_code, feature_class, "
            "feature_code, population, source, imported FROM places WHERE geonameid = ?",
            (gid,),
        ).fetchone()
        new = (*rec, source, self.imported)
        if old == new:
            return False
        self._touch(gid)
        self.con.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,0,?,?,'') ON CONFLICT (geonameid) DO UPDATE SET "
            "name=excluded.name, latitude=excluded.latitude, longitude=excluded.longitude, "
            "country_code=excluded.country_code, admin1_code=excluded.admin1_code, "
            "admin2_code=excluded.admin2_code, feature_class=excluded.feature_class, "
            "feature_code=excluded.feature_code, population=excluded.population, source=excluded.source, "
            "imported=excluded.imported",
            (gid, *rec, source, self.imported),
        )
        self.con.execute("DELETE FROM places_rtree WHERE id = ?", (gid,))
        self.con.execute("INSERT INTO places_rtree VALUES (?,?,?,?,?)", (gid, rec[1], rec[1], rec[2], rec[2]))
        return True

    def flag_imported(self, gid: int) -> bool:
        if not self.imported:
            return False
        cur = self.con.execute("UPDATE places SET imported = 1 WHERE geonameid = ? AND imported = 0", (gid,))
        return cur.rowcount > 0

    def add_names(self, gid: int, keys: Iterable[str]) -> int:
        """Attach name keys to a place; returns how many were new."""
        new = 0
        have = None
        for key in dict.fromkeys(keys):
            if not key:
                continue
            if have is None:
                have = set(self.keys_of(gid))
            if key in have:
                continue
            self._touch(gid)
            self.con.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (key, skeleton_of_key(key), gid))
            have.add(key)
            self._keys[gid].add(key)
            new += 1
        return new

    def flush(self) -> None:
        """Bring the FTS documents and name counts of the touched places up to date."""
        for gid in sorted(self._touched):
            old = self._old_docs.get(gid, "")
            keys = self._keys.get(gid, set())
            doc = fts_document(keys)
            if old:
                self.con.execute("INSERT INTO names_fts (names_fts, rowid, keys) VALUES ('delete', ?, ?)", (gid, old))
            if doc:
                self.con.execute("INSERT INTO names_fts (rowid, keys) VALUES (?, ?)", (gid, doc))
            self.con.execute("UPDATE places SET n_names = ?, keys = ? WHERE geonameid = ?", (len(keys), doc, gid))
        self._touched.clear()
        self._old_docs.clear()
        self._keys.clear()

    # -- finding the same place

    def same_place(
        self, keys: list[str], lat: float, lon: float, cc: str, feature_code: str
    ) -> int | None:
        """An existing place that is this one: a shared exact or skeleton key, same country, nearby."""
        if feature_code == "PCLI":
            return self._same_by_name(keys, cc, "feature_code LIKE 'PCL%'")
        if feature_code == "ADM1":
            found = self._same_by_name(keys, cc, "feature_code = 'ADM1'")
            if found is not None:
                return found
        lat0, lat1, lon0, lon1 = bbox(lat, lon, self.merge_km)
        near = self.con.execute(
            "SELECT p.geonameid, p.latitude, p.longitude, p.country_code, p.population FROM places_rtree r "
            "JOIN places p ON p.geonameid = r.id WHERE r.min_lat <= ? AND r.max_lat >= ? AND r.min_lon <= ? "
            "AND r.max_lon >= ?",
            (lat1, lat0, lon1, lon0),
        ).fetchall()
        if not near:
            return None
        skels = {s for s in (skeleton_of_key(k) for k in keys) if s}
        keyset = set(keys)
        best: tuple[Any, ...] | None = None
        for gid, plat, plon, pcc, population in near:
            if cc and pcc and cc != pcc:
                continue
            d = haversine_km(lat, lon, plat, plon)
            if d > self.merge_km:
                continue
            names = self.keys_of(gid)
            if any(k in keyset for k in names):
                grade = 0
            elif any(skeleton_of_key(k) in skels for k in names):
                grade = 1
            else:
                continue
            rank = (grade, round(d, 3), -population, abs(gid))
            if best is None or rank < best[0]:
                best = (rank, gid)
        return None if best is None else int(best[1])

    def _same_by_name(self, keys: list[str], cc: str, where: str) -> int | None:
        if not cc or not keys:
            return None
        marks = ",".join("?" * len(keys))
        row = self.con.execute(
            f"SELECT p.geonameid FROM names n JOIN places p ON p.geonameid = n.geonameid WHERE n.key IN ({marks}) "
            f"AND p.country_code = ? AND p.{where} ORDER BY p.population DESC, p.geonameid LIMIT 1",
            (*keys, cc),
        ).fetchone()
        return None if row is None else int(row[0])

    # -- countries and admin codes from names

    def country_code(self, name: str, iso_number: str = "") -> str:
        if self._countries is None:
            self._countries = dict(self.con.execute("SELECT key, iso2 FROM country_names"))
            self._isonum = {int(n): c for c, n in self.con.execute("SELECT iso2, isonum FROM countries")}
        assert self._isonum is not None
        if iso_number.strip().isdigit():
            code = self._isonum.get(int(iso_number))
            if code:
                return code
        key = normalize(name)
        if len(key) == 2 and key.upper() in self._isonum.values():
            return key.upper()
        return self._countries.get(key) or self._countries.get(key.removeprefix("the ")) or ""

    def admin1_code(self, cc: str, name: str) -> str:
        """GeoNames admin1 code for a region name in country ``cc`` ("Aleppo Governorate" -> "09"); "" if none."""
        if not cc or not name:
            return ""
        index = self._admin1.get(cc)
        if index is None:
            index = self._admin1[cc] = {}
            # A range on the primary key ("." < "/"): LIKE would scan the table.
            rows = self.con.execute(
                "SELECT code, name, asciiname FROM admin1 WHERE code > ? AND code < ?", (f"{cc}.", f"{cc}/")
            )
            for code, a1name, ascii_name in rows:
                for variant in admin_variants(code, a1name, ascii_name):
                    for key in admin_keys(variant):
                        index.setdefault(key, code.partition(".")[2])
        return next((index[k] for k in admin_keys(name) if k in index), "")

    def admin2_code(self, cc: str, a1: str, name: str) -> str:
        """GeoNames admin2 code for a district name in (cc, admin1); "" if none."""
        if not cc or not a1 or not name:
            return ""
        index = self._admin2.get((cc, a1))
        if index is None:
            index = self._admin2[(cc, a1)] = {}
            rows = self.con.execute(
                "SELECT code, name, asciiname FROM admin2 WHERE code > ? AND code < ?", (f"{cc}.{a1}.", f"{cc}.{a1}/")
            )
            for code, a2name, ascii_name in rows:
                for variant in (a2name, ascii_name):
                    for key in admin_keys(variant):
                        index.setdefault(key, code.split(".")[-1])
        return next((index[k] for k in admin_keys(name) if k in index), "")
