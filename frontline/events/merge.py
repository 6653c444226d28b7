"""merge: mentions of one real-world event inside an article become one event.

Two drafts merge when they share the sub-event type, their dates can be the same day at the
coarser precision, their places agree (the same entry, or a region that holds the other), and
their acting sides do not conflict. Clusters are built with union-find, so the result does not
depend on the order of the drafts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..records import EventDraft

# How far apart two dates may be and still be one event, by the coarser time_precision.
_DATE_WINDOW = {1: 0, 2: 6, 3: 31}


def date_window(a_precision: int | None, b_precision: int | None) -> int:
    """How many days apart two dates of these precisions may be and still be one day (the coarser decides)."""
    return _DATE_WINDOW.get(max(a_precision or 1, b_precision or 1), 0)


def dates_agree(a: dt.date, a_precision: int | None, b: dt.date, b_precision: int | None, *, slack: int = 0) -> bool:
    """Whether two dates can be the same day at the coarser of their precisions (1 day, 2 week, 3 month),
    give or take ``slack`` days (``corpus.match`` allows one across reports: "yesterday" read on two days)."""
    return abs((a - b).days) <= date_window(a_precision, b_precision) + slack


def merge(events: Sequence[EventDraft]) -> tuple[EventDraft, ...]:
    """Merge an article's draft events; returns them in text order with content-derived ids.

    A merged event can be compatible with one its members were not (it takes the most precise date of
    its cluster), so passes repeat until none merges more: the result is then merged already, and
    merging it again changes nothing."""
    merged = _merge_once(events)
    while len(merged) < len(events):
        events, merged = merged, _merge_once(merged)
    return _one_toll_once(merged)


# One happening typed twice from one sentence: the general reading ("killed civilians": Attack) and the
# weapon's ("air strikes"). The weapon's sub-type is the event; these are ACLED's more specific types.
_WEAPON = {
    "Attack": ("Chemical weapon", "Suicide bomb", "Air/drone strike", "Remote explosive/landmine/IED", "Grenade",
               "Shelling/artillery/missile attack"),
    "Air/drone strike": ("Chemical weapon",),
    "Shelling/artillery/missile attack": ("Chemical weapon",),
    "Remote explosive/landmine/IED": ("Suicide bomb",),
}


def _one_toll_once(events: tuple[EventDraft, ...]) -> tuple[EventDraft, ...]:
    """A toll sentence gives its dead to one event of the report. Two events of other sub-types that
    took the same toll from one sentence are either one happening typed twice (an Attack and the air
    strike that did it: the weapon's event stays, with both events' evidence) or two acts the sentence
    counts together ("clashes and air strikes killed 20"): the more confident event (the report's main
    one; ties: the first told) keeps the dead, the other keeps its place and sides with no toll of its own."""
    out: list[EventDraft | None] = list(events)
    # Only events with the same toll of five or more can share one: compare within those groups, not all
    # pairs of a long report (a settled pair never changes another group).
    by_toll: dict[int, list[int]] = {}
    for i, e in enumerate(events):
        if e.fatalities >= SAME_TOLL_MIN:
            by_toll.setdefault(e.fatalities, []).append(i)
    for i, j in ((i, j) for group in by_toll.values() for n, i in enumerate(group) for j in group[n + 1 :]):
        a, b = out[i], out[j]
        if a is None or b is None or not _share_toll(a, b):
            continue
        if b.sub_event_type in _WEAPON.get(a.sub_event_type, ()) or a.sub_event_type in _WEAPON.get(b.sub_event_type, ()):
            kept, dropped = (b, a) if b.sub_event_type in _WEAPON.get(a.sub_event_type, ()) else (a, b)
            evidence = tuple(sorted({*kept.evidence, *dropped.evidence}, key=lambda s: s.start))
            sentences = tuple(sorted({*kept.sentences, *dropped.sentences}))
            kept = replace(kept, evidence=evidence, sentences=sentences)
            out[i], out[j] = (kept, None) if kept.sub_event_type == a.sub_event_type else (None, kept)
            continue
        # The report's main event keeps its dead: the more confident one.
        teller = b if b.confidence > a.confidence else a
        other = b if teller is a else a
        other = replace(other, fatalities=0, fatalities_low=None, fatalities_high=None)
        out[i], out[j] = (teller, other) if teller is a else (other, teller)
    kept_events = [e for e in out if e is not None]
    return tuple(sorted((replace(e, event_id=event_id(e)) for e in kept_events), key=_order))


def _share_toll(a: EventDraft, b: EventDraft) -> bool:
    """Events of two sub-types with the same toll of five or more, read from a sentence both hold or
    told of one place (or one inside the other) and day."""
    return a.sub_event_type != b.sub_event_type and (
        _same_toll_here(a, b)
        or a.fatalities >= SAME_TOLL_MIN
        and a.fatalities == b.fatalities
        and bool({s.start for s in a.evidence} & {s.start for s in b.evidence})
    )


def _merge_once(events: Sequence[EventDraft]) -> tuple[EventDraft, ...]:
    """One pass: the connected components of the compatible pairs, each combined into one event."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(events):
        if _compatible(events[i], events[j]):
            parent[root(j)] = root(i)
    clusters: dict[int, list[EventDraft]] = {}
    for i, event in enumerate(events):
        clusters.setdefault(root(i), []).append(event)
    merged = [_combine(members) for members in clusters.values()]
    return tuple(sorted(merged, key=_order))


def _candidate_pairs(events: Sequence[EventDraft]) -> Iterator[tuple[int, int]]:
    """The pairs (i < j) that may be compatible: the same sub-type and, as ``_same_place`` asks, the
    same gazetteer entry, or the same admin1 with a region-level place among them; or, as
    ``_told_again`` and ``_same_toll_here`` ask, the same toll in the same country. The clusters are
    the connected components, so skipping pairs that cannot match keeps them, at a cost near linear
    in the document's events rather than quadratic."""
    by_entry: dict[tuple[str, int], list[int]] = {}
    by_admin1: dict[tuple[str, str, str], list[int]] = {}
    by_toll: dict[tuple[str, int, str | None], list[int]] = {}  # ``_told_again``, ``_same_toll_here``
    by_words: dict[tuple[str, tuple[str, ...]], list[int]] = {}  # for ``_same_words``: the same words
    for i, e in enumerate(events):
        by_words.setdefault((e.sub_event_type, _words(e)), []).append(i)
        if e.geonameid is not None:
            by_entry.setdefault((e.sub_event_type, e.geonameid), []).append(i)
        if e.place is not None and e.place.admin1_code:
            by_admin1.setdefault((e.sub_event_type, e.place.country_code, e.place.admin1_code), []).append(i)
        if e.fatalities:
            country = e.place.country_code if e.place is not None else e.place_country
            by_toll.setdefault((e.sub_event_type, e.fatalities, country), []).append(i)
    for group in by_words.values():
        for n, i in enumerate(group):
            for j in group[n + 1 :]:
                yield i, j
    for group in by_toll.values():
        for n, i in enumerate(group):
            for j in group[n + 1 :]:
                yield i, j
    for group in by_entry.values():
        for n, i in enumerate(group):
            for j in group[n + 1 :]:
                yield i, j
    for group in by_admin1.values():
        regions = [i for i in group if events[i].geo_precision == 3]
        for i in regions:
            for j in group:
                if i != j:
                    yield min(i, j), max(i, j)


def _order(e: EventDraft) -> tuple:
    """A total order on events (text position first), so ties never depend on input order."""
    return (
        e.evidence[0].start if e.evidence else -1,
        e.sub_event_type,
        e.event_date or dt.date.min,
        e.time_precision or 0,
        e.geonameid or 0,
        e.actor1,
        e.actor2,
        e.fatalities,
        e.evidence,
    )


def _compatible(a: EventDraft, b: EventDraft) -> bool:
    if a.sub_event_type != b.sub_event_type:
        return False
    if _same_toll_here(a, b):
        return True
    if not _same_sides(a, b):
        return False
    if _told_again(a, b) or _same_words(a, b):
        return True
    if a.event_date and b.event_date and not dates_agree(a.event_date, a.time_precision, b.event_date, b.time_precision):
        return False
    return _same_place(a, b)


SAME_TOLL_MIN = 5  # a toll this large, told twice of one place and day, is one event's (a death or two is common)


def _same_toll_here(a: EventDraft, b: EventDraft) -> bool:
    """One toll told twice of one place and day is one event, whoever each sentence says acted:
    "Syrian or Russian warplanes", or a lead that names the army and a monitor's count that names
    no one. The sides differ only in who each sentence blames; the dead are the same dead."""
    return (
        a.fatalities >= SAME_TOLL_MIN
        and a.fatalities == b.fatalities
        and _nested(a, b)
        and a.event_date is not None
        and b.event_date is not None
        and dates_agree(a.event_date, a.time_precision, b.event_date, b.time_precision)
    )


def _nested(a: EventDraft, b: EventDraft) -> bool:
    """The same place, or one inside the other: a town in the province or the country the other names
    (a lead's "in Syria" and the town the next paragraph gives)."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if _country(a) is None or _country(a) != _country(b):
        return False
    outer, inner = (a, b) if _specificity(a) >= _specificity(b) else (b, a)
    if outer.place is None or outer.place.feature_code.startswith("PCL"):
        return True  # known only by its country, which holds the other
    region = outer.geo_precision == 3 or outer.place.feature_code == "ADM1"
    return region and inner.place is not None and bool(outer.place.admin1_code) and outer.place.admin1_code == inner.place.admin1_code


def _told_again(a: EventDraft, b: EventDraft) -> bool:
    """A headline and its lead: the same toll in the same country, one of them with no time phrase
    of its own (it took the report's date) and so no date or place to tell it apart by."""
    if not a.fatalities or a.fatalities != b.fatalities or (a.time is not None and b.time is not None):
        return False
    countries = {_country(e) for e in (a, b)}
    return len(countries) == 1 and None not in countries


def _words(event: EventDraft) -> tuple[str, ...]:
    """The words an event was read from. A report that tells its story twice, word for word (a lead
    repeated below the headline), gives two mentions of one event; each may have taken another place
    from the sentences before it, so only the words say they are one."""
    return tuple(" ".join(s.text.split()) for s in event.evidence)


def _same_words(a: EventDraft, b: EventDraft) -> bool:
    """Two mentions read from different sentences with the same words: one event told twice (the
    places of a list, one event each, share their sentence and stay apart)."""
    return bool(a.evidence) and _words(a) == _words(b) and not set(a.sentences) & set(b.sentences)


def _same_sides(a: EventDraft, b: EventDraft) -> bool:
    """The acting side must agree; in a clash both sides act, so only the pair of sides must agree."""
    if a.sub_event_type == "Armed clash":
        sa, sb = {a.inter1, a.inter2} - {0}, {b.inter1, b.inter2} - {0}
        return sa <= sb or sb <= sa
    return not (a.inter1 and b.inter1 and a.inter1 != b.inter1)


def _specificity(event: EventDraft) -> int:
    """Lower is more specific: a town, then a feature or district, then a province, then a country."""
    place = event.place
    if place is None:
        return 9
    if place.feature_code.startswith("PCL"):
        return 3
    if place.feature_code == "ADM1":
        return 2
    return 1 if place.feature_class != "P" else 0


def _same_place(a: EventDraft, b: EventDraft) -> bool:
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    pa, pb = a.place, b.place
    if pa is None or pb is None or pa.country_code != pb.country_code:
        return False
    # A region-level place (geo_precision 3) holds every place in its admin1.
    region = a.geo_precision == 3 or b.geo_precision == 3
    return region and bool(pa.admin1_code) and pa.admin1_code == pb.admin1_code


def _combine(members: list[EventDraft]) -> EventDraft:
    members = sorted(members, key=_order)
    # The most precise place; then the one of the mention that dates the event; then the most named.
    place_votes = Counter(e.geonameid for e in members)
    where = min(
        members,
        key=lambda e: (e.geo_precision or 9, _specificity(e), e.time is None, -e.fatalities, -place_votes[e.geonameid]),
    )
    # An explicit time phrase beats the report-week default; then the more precise one.
    dated = [e for e in members if e.time is not None] or members
    when = min(dated, key=lambda e: e.time_precision or 9)
    # The sides come from the mentions told in the place's country: one told where the sentences
    # before it named another country ("on the Turkish border") named its generic sides after
    # that country, and the event's place, country and sides must agree.
    here = [e for e in members if _country(e) in (None, _country(where))] or members
    actor1, assoc1 = _pick_actor([(e.actor1, e.inter1) for e in here])
    actor2, assoc2 = _pick_actor([(e.actor2, e.inter2) for e in here if e.actor2 != actor1[0]])
    if not actor2[0] and any(e.actor2 and e.actor2 == actor1[0] for e in here):
        actor2 = actor1  # one kind against itself: "clan militias clashed"
    # Associates that fill found in the text ("X and Y attacked") join those of the merge.
    assoc1 = _join_assoc(assoc1, [e.assoc_actor_1 for e in here], {actor1[0], actor2[0]})
    assoc2 = _join_assoc(assoc2, [e.assoc_actor_2 for e in here], {actor1[0], actor2[0]})
    fatalities, low, high = _toll(members)
    evidence = tuple(sorted({s for e in members for s in e.evidence}, key=lambda s: s.start))
    confidence = min(0.99, max(e.confidence for e in members) + 0.05 * (len(members) - 1))
    base = replace(
        where,
        event_date=when.event_date,
        time_precision=when.time_precision,
        time=when.time,
        actor1=actor1[0],
        inter1=actor1[1],
        assoc_actor_1=assoc1,
        actor2=actor2[0],
        inter2=actor2[1],
        assoc_actor_2=assoc2,
        fatalities=fatalities,
        fatalities_low=low,
        fatalities_high=high,
        confidence=confidence,
        evidence=evidence,
        sentences=tuple(sorted({i for e in members for i in e.sentences})),
    )
    return replace(base, interaction=interaction(base.inter1, base.inter2), event_id=event_id(base))


def _country(event: EventDraft) -> str | None:
    return event.place.country_code if event.place is not None else event.place_country


def _toll(members: list[EventDraft]) -> tuple[int, int | None, int | None]:
    """The tolls of one event's mentions are alternatives, never addends: the largest is its toll (a
    mention without one tells no toll, not zero dead; a smaller one is often a part, "a woman was
    killed"), with the range its own mention gave, never another mention's range that leaves it out."""
    best = max(members, key=lambda e: e.fatalities)
    return best.fatalities, best.fatalities_low, best.fatalities_high


def _pick_actor(pairs: list[tuple[str, int]]) -> tuple[tuple[str, int], str]:
    """The most often named actor (ties: first named), and the others on its side as associates."""
    named = [(name, inter) for name, inter in pairs if name]
    if not named:
        return ("", 0), ""
    counts = Counter(named)
    first = {pair: i for i, pair in reversed(list(enumerate(named)))}
    best = min(counts, key=lambda pair: (-counts[pair], first[pair]))
    assoc = [name for name, inter in dict.fromkeys(named) if inter == best[1] and name != best[0]]
    return best, "; ".join(assoc)


def _join_assoc(merged: str, found: list[str], sides: set[str]) -> str:
    names = [n for part in (merged, *found) for n in part.split("; ") if n and n not in sides]
    return "; ".join(dict.fromkeys(names))


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: both inter codes, lower first; a lone actor is inter1 * 10."""
    if not inter1:
        return inter2 * 10
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def event_id(event: EventDraft) -> str:
    """A stable id from the event's key fields, so a re-run upserts instead of duplicating."""
    date = event.event_date.isoformat() if isinstance(event.event_date, dt.date) else ""
    key = "|".join(
        [event.article_id, event.sub_event_type, date, str(event.geonameid or event.location), event.actor1, event.actor2]
    )
    return "ev" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
