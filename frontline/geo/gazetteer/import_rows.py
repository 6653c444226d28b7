"""One row of an imported file -> a place: GeoNames dump lines, UCDP GED and ACLED CSV records.

UCDP's ``where_coordinates`` ("Tadmur/Palmyra town", "Eastern Idlib Governorate") is parsed into names
and a feature class/code by ``parse_ucdp_place``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .names import CODE_LIKE
from .normalize import normalize


class BadRow(ValueError):
    """A row that cannot be imported; the message says why."""


def geonames_row(line: str) -> tuple[int, tuple[Any, ...], list[str]]:
    """A GeoNames dump line -> (geonameid, place fields, name keys); BadRow when it is not one."""
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != 19:
        raise BadRow(f"expected 19 tab-separated GeoNames columns, found {len(cols)}")
    try:
        gid = int(cols[0])
        lat, lon = float(cols[4]), float(cols[5])
        population = int(cols[14] or 0)
    except ValueError as e:
        raise BadRow(f"bad number ({e})") from None
    if gid <= 0:
        raise BadRow(f"geonameid {gid} is not a positive integer")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise BadRow(f"coordinates {lat}, {lon} out of range")
    name = cols[1].strip()
    if not name:
        raise BadRow("empty name")
    rec = (name, lat, lon, cols[8].strip(), cols[10].strip(), cols[11].strip(), cols[6].strip() or "P",
           cols[7].strip() or "PPL", population)  # fmt: skip
    raw = [name, cols[2], *(a for a in cols[3].split(",") if a)]
    names = [normalize(n) for n in raw if n == name or not CODE_LIKE.fullmatch(n)]
    return gid, rec, [k for k in names if any(c.isalpha() for c in k)]


def _coords(get: Callable[[str], str]) -> tuple[float, float]:
    lat_s, lon_s = get("latitude"), get("longitude")
    try:
        lat, lon = float(lat_s), float(lon_s)
    except ValueError:
        raise BadRow(f"latitude/longitude {lat_s!r}, {lon_s!r} are not numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise BadRow(f"coordinates {lat}, {lon} out of range")
    return lat, lon


# A UCDP/ACLED record: (names, lat, lon, feature class, feature code, country, ISO number, admin1, admin2).
ParsedRow = tuple[list[str], float, float, str, str, str, str, str, str]


def ucdp_place(get: Callable[[str], str]) -> ParsedRow:
    """A UCDP GED record (``get`` reads a column by name) -> its place; BadRow when it has none."""
    where = get("where_coordinates")
    if not where:
        raise BadRow("empty where_coordinates")
    lat, lon = _coords(get)
    names, _descriptor, fclass, fcode = parse_ucdp_place(where, get("where_prec"))
    if not names:
        raise BadRow(f"no place name in where_coordinates {where!r}")
    return names, lat, lon, fclass, fcode, get("country"), "", get("adm_1"), get("adm_2")


# ACLED geo_precision -> feature: 1 the named town, 2 near it / part of a region, 3 a larger region.
_ACLED_FEATURE = {"1": ("P", "PPL"), "2": ("P", "PPL"), "3": ("L", "AREA")}


def acled_place(get: Callable[[str], str]) -> ParsedRow:
    """An ACLED record (``get`` reads a column by name) -> its place; BadRow when it has none."""
    location = " ".join(get("location").split())
    if not location:
        raise BadRow("empty location")
    lat, lon = _coords(get)
    fclass, fcode = _ACLED_FEATURE.get(get("geo_precision").split(".")[0], ("P", "PPL"))
    return [location], lat, lon, fclass, fcode, get("country"), get("iso"), get("admin1"), get("admin2")


# --------------------------------------------------------------------------------------------------
# UCDP's where_coordinates


# Trailing descriptor words that say what a place is and are not part of its name: (feature class, code).
_DESCRIPTORS: dict[str, tuple[str, str]] = {
    "town": ("P", "PPL"), "city": ("P", "PPL"), "village": ("P", "PPL"), "villae": ("P", "PPL"),
    "villages": ("P", "PPL"), "hamlet": ("P", "PPL"), "locality": ("P", "PPL"), "suburb": ("P", "PPLX"),
    "neighbourhood": ("P", "PPLX"), "neighborhood": ("P", "PPLX"), "quarter": ("P", "PPLX"),
    "district": ("A", "ADM2"), "subdistrict": ("A", "ADM3"), "sub-district": ("A", "ADM3"),
    "nahiya": ("A", "ADM3"), "governorate": ("A", "ADM1"), "province": ("A", "ADM1"),
    "area": ("L", "AREA"), "region": ("L", "RGN"), "mountain": ("T", "MT"), "mountains": ("T", "MTS"),
    "mountain range": ("T", "MTS"), "hill": ("T", "HLL"), "hills": ("T", "HLLS"), "plain": ("T", "PLN"),
    "valley": ("H", "WAD"), "camp": ("S", "CMP"),
}  # fmt: skip
# Trailing words that are part of a facility's name ("Kuweires Airbase"): kept, but they give the type.
_FACILITIES: dict[str, tuple[str, str]] = {
    "airbase": ("S", "AIRB"), "airport": ("S", "AIRP"), "heliport": ("S", "AIRH"), "base": ("S", "MILB"),
    "dam": ("S", "DAM"), "plant": ("S", "PS"), "field": ("L", "OILF"), "fields": ("L", "OILF"),
    "oilfield": ("L", "OILF"), "road": ("R", "RD"), "highway": ("R", "RD"), "checkpoint": ("S", "CTRB"),
    "border": ("L", "AREA"), "crossing": ("S", "PSTB"), "farm": ("S", "FRM"), "farms": ("S", "FRMS"),
    "island": ("T", "ISL"), "reservoir": ("H", "RSV"), "castle": ("S", "CSTL"), "tower": ("S", "TOWR"),
    "prison": ("S", "PRN"), "hospital": ("S", "HSP"), "school": ("S", "SCH"), "bridge": ("S", "BDG"),
    "complex": ("S", "BLDG"), "brigade": ("S", "MILB"),
}  # fmt: skip
# UCDP where_prec -> feature when the name carries no descriptor.
_PREC_FEATURE = {
    "1": ("L", "LCTY"), "2": ("L", "LCTY"), "3": ("A", "ADM2"), "4": ("A", "ADM1"), "5": ("L", "AREA"),
    "6": ("A", "PCLI"), "7": ("H", "SEA"),
}  # fmt: skip
_DIRECTIONAL = re.compile(r"^(?:north|south|east|west|northern|southern|eastern|western|central|rural)\b", re.IGNORECASE)
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*")


def parse_ucdp_place(where: str, where_prec: str = "") -> tuple[list[str], str, str, str]:
    """UCDP ``where_coordinates`` -> (names, descriptor, feature class, feature code).

    "Kansaba town" -> (["Kansaba"], "town", "P", "PPL"); "Tadmur/Palmyra town" -> (["Tadmur", "Palmyra"],
    "town", ...); "Aleppo Governorate" -> (["Aleppo"], "Governorate", "A", "ADM1"); "Eastern Idlib
    Governorate" is an area ("L", "AREA"). A parenthesis gives alternates only for settlements ("Aaliyah
    (Qurujah) village"); elsewhere it is a qualifier ("Military Research Center (Aleppo)") and is dropped.
    """
    text = " ".join(where.split())
    parens = _PAREN.findall(text)
    text = " ".join(_PAREN.sub(" ", text).split())
    descriptor = ""
    fclass, fcode = _PREC_FEATURE.get(where_prec.strip().split(".")[0], ("L", "LCTY"))
    words = text.split(" ")
    for n in (2, 1):
        if len(words) > n:
            tail = " ".join(words[-n:])
            hit = _DESCRIPTORS.get(tail.lower())
            if hit:
                descriptor, (fclass, fcode) = tail, hit
                words = words[:-n]
                break
    else:
        hit = _FACILITIES.get(words[-1].lower()) if len(words) > 1 else None
        if hit:
            fclass, fcode = hit
    if descriptor and fcode == "ADM1" and _DIRECTIONAL.match(words[0]):
        fclass, fcode = "L", "AREA"  # "Eastern Idlib Governorate" is part of a governorate
    names = [n.strip(" -") for n in " ".join(words).split("/")]
    if fclass == "P":
        names += [p.strip() for alt in parens for p in alt.split("/")]
    names = [n for n in dict.fromkeys(names) if n and any(c.isalpha() for c in n)]
    return names, descriptor, fclass, fcode
