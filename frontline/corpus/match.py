"""match: whether two stored events, told by two reports, are one real-world happening.

A symmetric, deterministic judgement from the two events' own fields, so that the incidents built on it
do not depend on the order reports arrived in. Some evidence rules a pair out whatever else agrees (a
veto): two events of one article (``events.merge`` already kept them apart), another country, dates that
cannot be one day at their precisions, sub-types that never tell one happening (an air strike and a
protest), places in different provinces or far apart. The rest adds up: the same sub-type, the same day,
the same place or one nested in the other, the same named actor, an agreeing toll, one text syndicated
twice. A toll that contradicts, or acting sides of different kinds, subtract without ruling the pair out:
reports dispute both (FA-KES: one chemical attack blamed on the government by some outlets and on rebels
by others; a toll of 213 in one and 1,300 in another), and UCDP keeps such claims as one event with a
range. A pair links when its score reaches ``LINK``. The weights and the threshold were set on the 2016 half of the UCDP benchmark
(``bench/incidents.py``, docs/incidents.md) and are measured on both halves.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from ..events.merge import date_window, dates_agree

# Sub-types that one happening can be reported as, besides the sub-type itself: a fight is a "clash" to
# one outlet and an "attack" or a capture to another; a bombardment is an air strike or shelling; a
# bombing a suicide bomb or an IED; a demonstration peaceful to one, violent to another.
FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"Armed clash", "Attack", "Government regains territory", "Non-state actor overtakes territory"}),
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Attack", "Chemical weapon"}),
    frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Attack"}),
    frozenset({"Attack", "Abduction/forced disappearance", "Sexual violence", "Looting/property destruction"}),
    frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
               "Violent demonstration", "Mob violence"}),
    frozenset({"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"}),
)

# The evidence weights (see the module's docstring); ``LINK`` is the score a pair needs.
WEIGHTS: dict[str, float] = {
    "same_subtype": 1.0,
    "related_subtype": 0.2,
    "same_day": 1.0,
    "near_day": 0.2,
    "same_place": 1.5,
    "near_place": 1.0,
    "nested_place": 0.4,
    "same_admin2": 0.3,
    "same_actor": 0.3,
    "same_toll": 0.6,
    "large_toll": 1.5,
    "close_toll": 0.2,
    "contradicting_toll": -0.5,
    "other_sides": -0.5,
    "copy": 2.0,
}
LINK = 3.0
NEAR_KM = 10.0  # two points this close may be one place told at two names (a village and its district seat)
FAR_KM = 60.0  # two points farther apart are two places, even in one province
LARGE_TOLL = 50  # a toll this large, told alike by two reports of one day, identifies the happening
SLACK_DAYS = 1  # reports a day apart read "yesterday" from different days
PRECISIONS = (1, 2, 3)  # ACLED time_precision: day, week, month


def reach(report: Report) -> list[tuple[int, int]]:
    """For each time precision another event may have, how many days from ``report``'s date it may lie and
    still pass the date veto: the only stored events worth reading as candidates."""
    return [(p, date_window(report.time_precision, p) + SLACK_DAYS) for p in PRECISIONS]


@dataclass(frozen=True, slots=True)
class Report:
    """One stored event as its report tells it: what the matcher compares."""

    event_id: str
    article_id: str
    source: str
    published: dt.date | None
    fingerprint: str  # the article's normalized text; equal for syndicated copies
    event_date: dt.date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    inter1: int
    actor2: str
    inter2: int
    country: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    geo_precision: int
    fatalities: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Report:
        """From a row of ``EventStore.incident_reports``."""
        def day(value: object) -> dt.date | None:
            return dt.date.fromisoformat(value) if isinstance(value, str) and value else None

        return cls(
            event_id=row["event_id"], article_id=row["article_id"], source=row["article_source"] or "",
            published=day(row["published"]), fingerprint=row["fingerprint"] or row["article_id"],
            event_date=day(row["event_date"]), time_precision=row["time_precision"] or 2,
            event_type=row["event_type"], sub_event_type=row["sub_event_type"], actor1=row["actor1"] or "",
            inter1=row["inter1"] or 0, actor2=row["actor2"] or "", inter2=row["inter2"] or 0,
            country=row["country"] or "", admin1=row["admin1"] or "", admin2=row["admin2"] or "",
            admin3=row.get("admin3") or "", location=row["location"] or "", geonameid=row["geonameid"], latitude=row["latitude"],
            longitude=row["longitude"], geo_precision=row["geo_precision"] or 3, fatalities=row["fatalities"] or 0,
        )


def related(a: str, b: str) -> bool:
    """Whether two sub-types can tell one happening (the same, or in one of ``FAMILIES``)."""
    return a == b or any(a in f and b in f for f in FAMILIES)


def km(a: Report, b: Report) -> float | None:
    """Great-circle distance between the two places, when both have coordinates."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    la, lb = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lb - la, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def compatible(a: Report, b: Report) -> bool:
    """No evidence rules the pair out (the vetoes); ``score`` then says how much speaks for it."""
    if a.article_id == b.article_id or (a.country and b.country and a.country != b.country):
        return False
    if a.event_date and b.event_date and not dates_agree(a.event_date, a.time_precision, b.event_date, b.time_precision, slack=SLACK_DAYS):
        return False
    if not related(a.sub_event_type, b.sub_event_type):
        return False
    return _place_evidence(a, b) is not None


def score(a: Report, b: Report) -> float | None:
    """The evidence that ``a`` and ``b`` tell one happening; None when a veto rules it out. Symmetric."""
    if not compatible(a, b):
        return None
    return sum(WEIGHTS[name] for name in evidence(a, b))


def evidence(a: Report, b: Report) -> list[str]:
    """The names of the ``WEIGHTS`` that speak for (or against) a compatible pair."""
    found = ["same_subtype" if a.sub_event_type == b.sub_event_type else "related_subtype"]
    if a.event_date and b.event_date:
        gap = abs((a.event_date - b.event_date).days)
        found += ["same_day"] if gap == 0 else ["near_day"] if gap <= SLACK_DAYS else []
    place = _place_evidence(a, b)
    found += [place] if place else []
    if a.admin2 and a.admin2 == b.admin2 and place != "same_place":
        found.append("same_admin2")
    named = {x for x in (a.actor1, a.actor2) if x} & {x for x in (b.actor1, b.actor2) if x}
    found += ["same_actor"] if named else []
    if a.fatalities and b.fatalities:
        low, high = sorted((a.fatalities, b.fatalities))
        if low >= LARGE_TOLL and high <= 1.5 * low:
            found.append("large_toll")  # few happenings of a day kill so many: two such tolls name one
        elif low == high:
            found.append("same_toll")
        elif high <= 1.5 * low:
            found.append("close_toll")
        elif high > 3 * low and high - low > 10:
            found.append("contradicting_toll")
    if a.fingerprint == b.fingerprint:
        found.append("copy")
    if not _sides_agree(a, b):
        found.append("other_sides")
    return found


def _place_evidence(a: Report, b: Report) -> str | None:
    """"same_place", "near_place", "nested_place" or "" (nothing to tell); None: two different places."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return "same_place"
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return None
    if not (a.admin1 and b.admin1):
        return ""  # a country holds the other place, but says nothing for the pair: not evidence
    if _coarse(a) or _coarse(b):
        return "nested_place"  # a province holds every place in it: a village in its district
    distance = km(a, b)
    if distance is not None and distance <= NEAR_KM:
        return "near_place"
    if a.location in (b.admin2, b.admin3) or b.location in (a.admin2, a.admin3):
        return "nested_place"
    if distance is not None and distance > FAR_KM:
        return None
    return ""


def _coarse(r: Report) -> bool:
    return r.geo_precision >= 3 or not r.location


def _sides_agree(a: Report, b: Report) -> bool:
    """The acting side's kind must agree; in a clash either side may be told first."""
    clash = "Armed clash" in (a.sub_event_type, b.sub_event_type)
    if clash:
        sa, sb = {a.inter1, a.inter2} - {0}, {b.inter1, b.inter2} - {0}
        return not (sa and sb) or bool(sa & sb)
    return not (a.inter1 and b.inter1 and a.inter1 != b.inter1)
