"""match: whether two stored events, told by two reports, are one real-world happening.

A symmetric, deterministic judgement from the two events' own fields, so that the incidents built on it
do not depend on the order reports arrived in. Some evidence rules a pair out whatever else agrees (a
veto): two events of one article (``events.merge`` already kept them apart), another country, dates that
cannot be one day at their precisions, sub-types that never tell one happening (an air strike and a
protest), places in different provinces or far apart. The rest adds up, each piece weighed by how
precise it is: a day both reports state is worth more than a day read off two publication dates; the
same village more than the same province-named city ("Aleppo"), which is worth more than the same
province; a toll of fifty told alike more than one of three. A toll that contradicts subtracts without
ruling the pair out: reports dispute tolls (FA-KES: 213 dead in one report of the Ghouta attack, 1,300
in another), and UCDP keeps such claims as one event with a range. A pair links when its score reaches
``LINK`` and some of it singles the happening out (``IDENTIFYING``: a place or a toll both give): a day,
a sub-type and an actor alone never link, nor does a day and a province. The weights and the threshold were set on
the 2016 half of the UCDP benchmark and read on the 2017 half (``bench/incidents.py``, docs/incidents.md).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
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

# A fight and a bombardment at one town or village on one day are one battle told two ways ("clashes at
# al-Bab" and "bombardment on al-Bab"): UCDP codes one event per dyad, day and place. Elsewhere (a province,
# "Aleppo", two days) they stay apart, as most of a province's fights and strikes of a day are separate.
BATTLE = frozenset({"Armed clash", "Attack", "Government regains territory", "Non-state actor overtakes territory",
                    "Air/drone strike", "Shelling/artillery/missile attack"})

# The evidence weights (see the module's docstring); ``LINK`` is the score a pair needs.
WEIGHTS: dict[str, float] = {
    "same_subtype": 0.25,
    "related_subtype": 0.0,
    "same_day": 2.0,
    "same_published_day": 1.75,
    "near_day": 1.0,
    "near_published_day": 0.75,
    "same_place": 1.5,
    "same_area": 0.5,
    "same_city": 0.75,
    "same_region": 0.0,
    "near_place": 0.5,
    "nested_place": 1.0,
    "in_province": 0.75,
    "same_admin2": 0.25,
    "same_actor": 0.25,
    "same_toll": 1.0,
    "close_toll": 1.0,
    "close_toll_apart": 0.2,
    "high_toll": 1.0,
    "large_toll": 1.5,
    "contradicting_toll": -0.25,
    "copy": 1.0,
}
LINK = 2.75
# Evidence that singles the happening out: a place or a toll both reports give, or one text. The day, the
# sub-type and the actor are shared by many happenings of a province's day, so they never link alone.
IDENTIFYING = frozenset({"same_place", "same_area", "same_city", "near_place", "nested_place", "in_province", "same_toll",
                         "close_toll", "high_toll", "large_toll", "copy"})
NEAR_KM = 10.0  # two points this close may be one place told at two names (a village and its district seat)
FAR_KM = 60.0  # two points farther apart are two places, even in one province
SMALL_TOLL = 5  # tolls under this, told alike, say nothing: many events of a day kill one or two
HIGH_TOLL = 20  # a few events of a day kill this many
LARGE_TOLL = 50  # a toll this large, told alike by two reports of one day, identifies the happening
# A toll this large, told alike, crosses a provincial border: "Damascus" and "Eastern Ghouta" (Rif Dimashq)
# name one chemical attack of 1,300 dead. Within FAR_KM only.
MASS_TOLL = 100
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


def one_battle(a: Report, b: Report) -> bool:
    """Both sub-types are a battle's (``BATTLE``), told at one and the same town or village on one day (not a
    month: "In May 2015" dates a month's fighting and strikes on its first day)."""
    return (a.sub_event_type in BATTLE and b.sub_event_type in BATTLE and a.geonameid is not None and a.geonameid == b.geonameid
            and grain(a) == grain(b) == 0 and a.event_date is not None and a.event_date == b.event_date
            and max(a.time_precision, b.time_precision) <= 2)


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
    return veto(a, b) is None


def veto(a: Report, b: Report) -> str | None:
    """Which veto rules the pair out ("article", "country", "date", "sub-type", "place"), or None."""
    if a.article_id == b.article_id:
        return "article"
    if a.country and b.country and a.country != b.country:
        return "country"
    if a.event_date and b.event_date and not dates_agree(a.event_date, a.time_precision, b.event_date, b.time_precision, slack=SLACK_DAYS):
        return "date"
    if not related(a.sub_event_type, b.sub_event_type) and not one_battle(a, b):
        return "sub-type"
    return "place" if _place_evidence(a, b) is None else None


def may_share(a: Report, b: Report) -> bool:
    """Whether two events may share an incident (the guard of ``incidents.cluster``): no veto rules the
    pair out; or the two come from one article, which ``events.merge`` kept apart (a suicide bomb and an
    IED, a title's "Idlib" and the body's village), yet the matcher links them as it would two reports,
    one of them at least with its day stated. Two events dated only by the article's publication share
    that day by default, which says nothing for the pair, nor does the article's fingerprint."""
    if a.article_id != b.article_id:
        return compatible(a, b)
    if 1 not in (a.time_precision, b.time_precision):
        return False
    told_apart = replace(b, article_id=b.article_id + "\x00", fingerprint=b.fingerprint + "\x00")
    return link_score(a, told_apart) is not None


def score(a: Report, b: Report) -> float | None:
    """The evidence that ``a`` and ``b`` tell one happening; None when a veto rules it out. Symmetric."""
    if not compatible(a, b):
        return None
    return sum(WEIGHTS[name] for name in evidence(a, b))


def link_score(a: Report, b: Report) -> float | None:
    """The pair's score when it links: no veto, a score of ``LINK`` or more, and identifying evidence
    among it; None otherwise. Symmetric."""
    if not compatible(a, b):
        return None
    found = evidence(a, b)
    total = sum(WEIGHTS[name] for name in found)
    return total if total >= LINK and IDENTIFYING.intersection(found) else None


def evidence(a: Report, b: Report) -> list[str]:
    """The names of the ``WEIGHTS`` that speak for (or against) a compatible pair."""
    found = ["same_subtype" if a.sub_event_type == b.sub_event_type else "related_subtype"]
    found += _day_evidence(a, b)
    place = _place_evidence(a, b)
    if place == "same_place":
        place = SAME_PLACE[max(grain(a), grain(b))]
    found += [place] if place else []
    if a.admin2 and a.admin2 == b.admin2 and place not in SAME_PLACE:
        found.append("same_admin2")
    named = {x for x in (a.actor1, a.actor2) if x} & {x for x in (b.actor1, b.actor2) if x}
    found += ["same_actor"] if named else []
    toll = _toll_evidence(a.fatalities, b.fatalities)
    if toll == ["close_toll"] and not _toll_singles_out(a, b, place or ""):
        toll = ["close_toll_apart"]
    found += toll
    if a.fingerprint == b.fingerprint:
        found.append("copy")
    return found


# "The same place" by how precisely the coarser of the two reports places it (``grain``).
SAME_PLACE = ("same_place", "same_area", "same_city", "same_region")


def grain(r: Report) -> int:
    """How precisely ``r`` places its event, finest first: 0 a town or village itself; 1 near or around
    one (ACLED geo_precision 2: "the countryside of Saraqib"); 2 a town that names its province ("Aleppo"
    in Aleppo, "Hama" in Hama: a large city, and "in Aleppo" often means the province); 3 around such a
    town ("the countryside of Hama" is the province), a province or a country."""
    if r.geo_precision >= 3 or not r.location:
        return 3
    seat = _names_its_province(r)
    if r.geo_precision == 2:
        return 3 if seat else 1
    return 2 if seat else 0


def _names_its_province(r: Report) -> bool:
    """Whether the place's name is its admin1's, spelled either way ("Ḩamāh" in "Hama", "Dar‘ā" in
    "Daraa", "Ar Raqqah" in "Ar-Raqqah")."""
    place, province = _letters(r.location), _letters(r.admin1)
    return bool(place and province) and (place == province or SequenceMatcher(None, place, province).ratio() >= 0.8)


def _letters(name: str) -> str:
    """The name's letters, lowercased, without accents or a leading Arabic article ("Al-", "Ar ")."""
    plain = _ARTICLE.sub("", unicodedata.normalize("NFKD", name).lower())
    return "".join(ch for ch in plain if ch.isalpha())


_ARTICLE = re.compile(r"^(?:a[dlnrstz]|ash|el)[\s\-‘'’]+")


def _day_evidence(a: Report, b: Report) -> list[str]:
    """A day both reports state is strong; a report with no time phrase is dated by its publication,
    which only says the event came shortly before."""
    if not (a.event_date and b.event_date):
        return []
    gap = abs((a.event_date - b.event_date).days)
    if gap == 0:
        return ["same_day" if a.time_precision == b.time_precision == 1 else "same_published_day"]
    if gap > SLACK_DAYS:
        return []
    return ["near_day" if a.time_precision == b.time_precision == 1 else "near_published_day"]


def _toll_evidence(x: int, y: int) -> list[str]:
    """Tolls told alike speak for the pair, the more the larger they are: many events of a day kill one
    or two, a few kill twenty, hardly any kill fifty. Tolls far apart speak against it."""
    if not (x and y):
        return []
    low, high = sorted((x, y))
    if high <= 1.5 * low:
        if low >= LARGE_TOLL:
            return ["large_toll"]
        if low >= HIGH_TOLL:
            return ["high_toll"]
        if low < SMALL_TOLL:
            return []
        return ["same_toll" if low == high else "close_toll"]
    if high > 3 * low and high - low > 10:
        return ["contradicting_toll"]
    return []


def mass_alike(a: Report, b: Report) -> bool:
    """Both reports tell a toll of ``MASS_TOLL`` or more, within 1.5 times of each other."""
    low, high = sorted((a.fatalities, b.fatalities))
    return low >= MASS_TOLL and high <= 1.5 * low


def _place_evidence(a: Report, b: Report) -> str | None:
    """"same_place", "near_place", "nested_place", "in_province" or "" (nothing to tell); None: two different
    places."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return "same_place"
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        distance = km(a, b)
        return "" if mass_alike(a, b) and distance is not None and distance <= FAR_KM else None
    if not (a.admin1 and b.admin1):
        return ""  # a country holds the other place, but says nothing for the pair: not evidence
    if _area(a) or _area(b):
        # An area holds some of its province's towns, not all ("Eastern Ghouta" and a town of Rif Dimashq's west),
        # and a province's day holds many of the area's happenings: it says nothing for the pair, as two towns of
        # one province say nothing. Only the same area is a place both give (``same_region``, as a province).
        return ""
    if _coarse(a) or _coarse(b):
        # A province-level report holds every place in it: as much a province's day as "Aleppo" (same_city).
        return "in_province"
    distance = km(a, b)
    if distance is not None and distance <= NEAR_KM:
        return "near_place"
    if a.location in (b.admin2, b.admin3) or b.location in (a.admin2, a.admin3):
        return "nested_place"
    if distance is not None and distance > FAR_KM:
        return None
    return ""


def _toll_singles_out(a: Report, b: Report, place: str) -> bool:
    """Whether a toll of 5-19 told alike (``close_toll``) singles the happening out: both reports give one day
    (not a month's first, not the next day), do not name two towns or villages, and do not name two
    perpetrators (the coalition's strikes and the army's). Several strikes of a province's day, or of two
    days, kill a dozen each."""
    one_day = a.event_date == b.event_date and max(a.time_precision, b.time_precision) <= 2
    two_towns = not place and grain(a) <= 1 and grain(b) <= 1 and a.geonameid != b.geonameid
    x, y = _actor(a.actor1), _actor(b.actor1)
    return one_day and not two_towns and (not x or not y or x == y)


def _actor(name: str) -> str:
    """The actor's name without its country ("Islamic State (Syria)" is "Islamic State"); "" when unnamed."""
    plain = name.split(" (")[0].strip()
    return "" if plain.startswith("Unidentified") or plain == "Civilians" else plain


def _coarse(r: Report) -> bool:
    return r.geo_precision >= 3 or not r.location


def _area(r: Report) -> bool:
    """Whether ``r`` places its event in a named area inside a province (geo_precision 3, an admin1, a name
    that is not its province's): "Eastern Ghouta", "Qalamoun Mountains", "Wadi Barada", "Jabal al-Akrad".
    An area is not its province: a SOHR headline of the Eastern Ghouta tells a day's shelling there, not
    every town of Rif Dimashq."""
    return r.geo_precision >= 3 and bool(r.location and r.admin1) and not _names_its_province(r)
