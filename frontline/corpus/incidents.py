"""incidents: every stored event belongs to exactly one incident, a real-world happening told by one or
more reports; maintained incrementally as articles are stored.

Order-free by construction. ``match.link_score`` is a symmetric judgement on two events' own fields; the
pairs it links are links, and the links' connected components are the only places a new
article can change. Each component is split into incidents by a deterministic rule applied to the
component as a set: links are taken strongest first (ties by event id), and two groups join only when
every pair across them may share an incident (no veto, ``match.may_share``), so "day 1 ~ day 2 ~ day 3"
never chains into one incident. The incident's id comes from its smallest event id. The same set of events therefore gives the
same incidents whatever order the articles came in, and storing an article again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..store import EventStore
from .match import MASS_TOLL, Report, link_score, may_share, reach

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class IncidentUpdate:
    """What one ``update_incidents`` did."""

    events: int  # events (re)assigned
    incidents: int  # distinct incidents among them
    links: int  # links written for the events given


def fingerprint(text: str) -> str:
    """The article's words, lowercased, hashed: syndicated copies of one story (other punctuation,
    spacing, capitals) get one fingerprint."""
    words = " ".join(_WORD.findall(text.lower()))
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:16]


def incident_id(members: Iterable[str]) -> str:
    """The id of the incident made of these events: from its smallest event id, so from content alone."""
    return "in" + hashlib.sha1(min(members).encode("utf-8")).hexdigest()[:16]


def update_incidents(store: EventStore, event_ids: Iterable[str], *, touched: Iterable[str] = ()) -> IncidentUpdate:
    """Link ``event_ids`` (new or re-stored events) to the stored events that tell the same happening and
    derive the incidents of every component they and ``touched`` (events whose links changed, e.g. the
    former neighbours of deleted events) belong to. One transaction, holding the store's write lock from
    the first read; ``StoreError`` leaves all as it was."""
    with store.incident_transaction():
        return _update(store, list(event_ids), list(touched))


def _update(store: EventStore, event_ids: list[str], touched: list[str]) -> IncidentUpdate:
    keys = {article: fingerprint(text) for article, text in store.articles_without_key([*event_ids, *touched])}
    if keys:
        store.save_article_keys(keys)
    new = {r.event_id: r for r in map(Report.from_row, store.incident_reports(event_ids))}
    links = _links(store, new)
    component = _component(store, set(new) | set(touched), new, links)
    if not component:
        return IncidentUpdate(0, 0, len(links))
    reports = {r.event_id: r for r in map(Report.from_row, store.incident_reports(component))}
    edges = _component_edges(store, reports, new, links)
    groups = cluster(list(reports.values()), edges)
    assignment = {event: incident_id(group) for group in groups for event in group}
    store.save_incidents(new, links, assignment)
    return IncidentUpdate(len(assignment), len(groups), len(links))


def assign_missing(store: EventStore) -> IncidentUpdate:
    """Give an incident to every event without one (a run killed between storing an article and linking
    it, a store written before incidents existed), and re-derive those whose links lost an end."""
    with store.incident_transaction():
        touched = store.drop_dangling_links()
        missing = store.unassigned_event_ids()
        if not missing and not touched:
            return IncidentUpdate(0, 0, 0)
        return _update(store, missing, touched)


def rebuild_incidents(store: EventStore) -> IncidentUpdate:
    """Forget every link and incident and derive them again from the stored events."""
    with store.incident_transaction():
        store.clear_incidents()
        return assign_missing(store)


def cluster(reports: list[Report], edges: dict[tuple[str, str], float]) -> list[frozenset[str]]:
    """Split a set of linked reports into incidents: strongest link first (ties by ids), two groups join
    only when every pair across them may share an incident (``match.may_share``: no veto, or one article's
    two tellings of one happening). A function of the set alone, whatever the input order."""
    by_id = {r.event_id: r for r in reports}
    group = {r.event_id: frozenset({r.event_id}) for r in reports}
    for (a, b), _ in sorted(edges.items(), key=lambda item: (-item[1], item[0])):
        ga, gb = group[a], group[b]
        if ga is gb or ga == gb:
            continue
        if all(may_share(by_id[x], by_id[y]) for x in ga for y in gb):
            joined = ga | gb
            for member in joined:
                group[member] = joined
    return sorted(set(group.values()), key=min)


def _links(store: EventStore, new: dict[str, Report]) -> list[tuple[str, str, float]]:
    """The links of the new events: to every stored event of their country within reach that links (``match.link_score``)."""
    found: dict[tuple[str, str], float] = {}
    windows: dict[tuple[str, str, dt.date, int], list[Report]] = {}
    for report in sorted(new.values(), key=lambda r: r.event_id):
        if report.event_date is None:
            continue
        # A mass-casualty toll may be told across a provincial border (``match.MASS_TOLL``): any province.
        admin1 = "" if report.fatalities >= MASS_TOLL else report.admin1
        key = (report.country, admin1, report.event_date, report.time_precision)
        if key not in windows:
            day = report.event_date
            ranges = [(p, (day - dt.timedelta(days=d)).isoformat(), (day + dt.timedelta(days=d)).isoformat()) for p, d in reach(report)]
            rows = store.incident_candidates(report.country, admin1, ranges)
            windows[key] = [Report.from_row(r) for r in rows]
        for other in windows[key]:
            if other.event_id == report.event_id:
                continue
            s = link_score(report, other)
            if s is not None:
                pair = (min(report.event_id, other.event_id), max(report.event_id, other.event_id))
                found[pair] = round(s, 6)
    return [(a, b, s) for (a, b), s in sorted(found.items())]


def _component(store: EventStore, start: set[str], new: dict[str, Report], links: list[tuple[str, str, float]]) -> set[str]:
    """Every event connected to ``start`` by a link, with the new events' stored links replaced by ``links``."""
    fresh: dict[str, set[str]] = {}
    for a, b, _ in links:
        fresh.setdefault(a, set()).add(b)
        fresh.setdefault(b, set()).add(a)
    seen: set[str] = set()
    frontier = set(start)
    while frontier:
        seen |= frontier
        reached: set[str] = set()
        for a, b, _ in store.linked(frontier):
            if a in new or b in new:
                continue  # replaced by the fresh links
            reached |= {a, b}
        for event in frontier:
            reached |= fresh.get(event, set())
        frontier = reached - seen
    return seen


def _component_edges(
    store: EventStore, reports: dict[str, Report], new: dict[str, Report], links: list[tuple[str, str, float]]
) -> dict[tuple[str, str], float]:
    edges = {(a, b): s for a, b, s in store.linked(reports) if a in reports and b in reports and a not in new and b not in new}
    edges.update(((a, b), s) for a, b, s in links if a in reports and b in reports)
    return edges
