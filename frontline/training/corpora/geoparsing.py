"""Readers for the geoparsing benchmarks: LGL, GeoVirus (XML) and WikToR (gold lines).

Each reader yields ``GoldDocument``s with character offsets into ``text``. Gold toponyms without
coordinates (626 of LGL's 5,088) are kept, with ``latitude``/``longitude`` set to None, so that
recognition can count them while resolution skips them.

WikToR: the shared copy holds only gold lines (``name,,toponym,,lat,,lon,,start,,end`` joined by
``||``), not the Wikipedia texts, so its documents come with ``text=None``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    latitude: float | None
    longitude: float | None
    geonameid: int | None = None
    feature_code: str | None = None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str | None
    toponyms: tuple[GoldToponym, ...]


def _float(node: ET.Element | None) -> float | None:
    if node is None or node.text is None or not node.text.strip():
        return None
    return float(node.text)


def read_lgl(path: Path) -> Iterator[GoldDocument]:
    """LGL (Lieberman et al. 2010, Gritta's XML): US local news with GeoNames ids."""
    root = ET.parse(path).getroot()
    for number, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        toponyms = []
        for node in article.iter("toponym"):
            start, end = int(node.findtext("start") or 0), int(node.findtext("end") or 0)
            gaz = node.find("gaztag")
            toponyms.append(
                GoldToponym(
                    start,
                    end,
                    node.findtext("phrase") or text[start:end],
                    _float(gaz.find("lat")) if gaz is not None else None,
                    _float(gaz.find("lon")) if gaz is not None else None,
                    int(gaz.get("geonameid") or 0) or None if gaz is not None else None,
                    gaz.findtext("fcode") if gaz is not None else None,
                )
            )
        yield GoldDocument(article.get("docid") or f"lgl-{number}", text, tuple(toponyms))


def read_geovirus(path: Path) -> Iterator[GoldDocument]:
    """GeoVirus (Gritta et al. 2018): WikiNews on epidemics, with coordinates (no GeoNames ids)."""
    root = ET.parse(path).getroot()
    for number, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        toponyms = []
        for loc in article.iter("location"):
            name = loc.findtext("name") or ""
            start, end = int(loc.findtext("start") or 0), int(loc.findtext("end") or 0)
            # The file's offsets are one past the name (counted from 1); take the shift that fits.
            shift = next((s for s in (0, -1, 1) if text[start + s : end + s] == name), 0)
            toponyms.append(
                GoldToponym(start + shift, end + shift, name, _float(loc.find("lat")), _float(loc.find("lon")))
            )
        yield GoldDocument(article.findtext("source") or f"geovirus-{number}", text, tuple(toponyms))


def read_wiktor_gold(path: Path) -> Iterator[GoldDocument]:
    """WikToR gold lines; one document per non-empty line, without its text (see the module doc)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        toponyms = []
        for item in line.split("||"):
            parts = item.split(",,")
            if len(parts) != 6:
                continue
            _page, name, lat, lon, start, end = parts
            toponyms.append(GoldToponym(int(start), int(end), name, float(lat), float(lon)))
        if toponyms:
            yield GoldDocument(f"wiktor-{number}", None, tuple(toponyms))
