"""Distances and bounding boxes on the sphere, for the build, the importers and ``Gazetteer.near``."""

from __future__ import annotations

import math


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
