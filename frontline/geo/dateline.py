"""Datelines: where a wire report was filed, from its first line.

A dateline names the city a report was filed from, and so, most often, the country it is about:
"SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- [TEXT] ...", "TEL AVIV (ISRAEL), 12 NOV 89 (IDF RADIO) --",
"KABUL, March 3 (Reuters) - ...", "BEIRUT (AP) — ...". ``DATELINE`` reads these shapes: a city (capitals
or title case, up to five words), an optional country in parentheses, an optional date (day month
[year], month day[, year] or "NO DATE"), an optional agency in parentheses, then a dash or colon. A
date or an agency is required, so a plain first sentence ("Gunmen - ...") is not a dateline.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

from ..records import Place, PlaceMention
from .gazetteer import Gazetteer
from .ranker_features import name_key

_MONTH = r"[A-Za-z]{3,9}\.?"
DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z'’.-]*(?:[ ][A-Z][A-Za-z'’.-]*){0,4})"  # "SAN SALVADOR", "Tel Aviv"
    r"(?:\s*\((?P<country>[A-Za-z .]{2,40})\))?"  # "(ISRAEL)"
    rf"(?:,?\s*(?P<date>(?i:no date)|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{2,4}})?|{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?))?"
    r"(?:\s*\((?P<agency>[^()\n]{2,60})\))?"  # "(RADIO VENCEREMOS)", "(Reuters)"
    r"\s*(?:--|[-–—:])"
)


def dateline_country(text: str, gazetteer: Gazetteer) -> str | None:
    """The country (ISO2) a report's dateline names: its country in parentheses ("NO CITY (PERU)"),
    else its city's (``dateline_place``), else its outlet's home when the outlet is a domestic one
    (``data/outlets.tsv``: "CLANDESTINE, ... (RADIO VENCEREMOS)" is El Salvador); None without a
    dateline or when none of these is known."""
    m = _dateline(text)
    if m is None:
        return None
    country = gazetteer.country_for_name(m.group("country")) if m.group("country") else None
    if country:
        return country
    place = dateline_place(text, gazetteer)
    if place:
        return place.country_code
    # "CLANDESTINE, NO DATE (RADIO VENCEREMOS) --": no place, but a domestic outlet says the country.
    agency = m.group("agency")
    return _outlets().get(" ".join(agency.upper().split())) if agency else None


def dateline_place(text: str, gazetteer: Gazetteer) -> Place | None:
    """The populated place a report's dateline names, or None (no dateline, or a name the gazetteer
    lacks). Of several places of that name, the one in the dateline's country if it gives one, else
    the most populous: a dateline names a city an agency files from."""
    m = _dateline(text)
    if m is None:
        return None
    country = gazetteer.country_for_name(m.group("country")) if m.group("country") else None
    city = m.group("city")
    places = [p for p in gazetteer.lookup(city, fuzzy=False) if p.feature_class == "P"]
    places = [p for p in places if name_key(p.name) == name_key(city)] or places  # the name, not a variant
    if country:
        places = [p for p in places if p.country_code == country] or places
    return max(places, key=lambda p: (p.population, -p.geonameid), default=None)


def dateline_date_span(text: str) -> tuple[int, int] | None:
    """Where the dateline's date stands in ``text`` ("SAN SALVADOR, 13 NOV 89 (DPA) --"), or None without one:
    the day the report was filed, not the day of what it tells."""
    m = _dateline(text)
    return m.span("date") if m is not None and m.group("date") else None


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the dateline's city and its country in parentheses stand in ``text`` (start, end), or
    None without a dateline: "ROME (ITALY)" says where the report was filed, not where it happened."""
    m = _dateline(text)
    if m is None:
        return None
    return m.start("city"), m.end("country") if m.group("country") else m.end("city")


def dateline_agency_span(text: str) -> tuple[int, int] | None:
    """Where the dateline's outlet in parentheses stands ("POPAYAN, 23 MAR 90 (BOGOTA RADIO CADENA NACIONAL)
    --"): a city in it is the outlet's, neither where the report was filed nor where anything happened."""
    m = _dateline(text)
    if m is None or not m.group("agency"):
        return None
    return m.start("agency"), m.end("agency")


def filed_abroad(span: tuple[int, int] | None, places: Iterable[PlaceMention], focus: str | None) -> bool:
    """The report was filed (its dateline ``span``) in a country other than the one it is about
    (``focus``): "SAN JOSE (COSTA RICA), 27 SEP 89 (AFP) --" before a report on Guatemala."""
    if span is None or focus is None:
        return False
    return any(p.place is not None and p.place.country_code != focus and span[0] <= p.span.start < span[1] for p in places)


def _dateline(text: str) -> re.Match[str] | None:
    # "BEIRUT (AP) —": what stands in parentheses with no date after it may be the agency.
    m = DATELINE.match(text)
    if m is None or not (m.group("date") or m.group("agency") or m.group("country")):
        return None
    return m


def outlet_country(source: str | None) -> str | None:
    """The home (ISO2) of an article's outlet when it reports on one country only (``data/outlets.tsv``:
    "SOHR", the Syrian Observatory, tells of Syria): a report it files is about that country unless the
    text says otherwise, as a domestic broadcaster's dateline is. None for any other source."""
    return _outlets().get(" ".join(source.upper().split())) if source else None


@functools.lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    """Outlet name (upper case) -> ISO2, from the packaged table (read on first use)."""
    table = resources.files("frontline").joinpath("data", "outlets.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in table.splitlines() if line.strip() and not line.startswith("#"))
    return {name.strip(): code.strip() for name, code in rows}
