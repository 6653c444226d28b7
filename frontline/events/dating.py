"""date: event_date and ACLED time_precision for an event."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..records import EventDraft
from ..text.actors import ActorDictionary


def assign_date(event: EventDraft, published: dt.date | None) -> EventDraft:
    """Use the event's own time phrase; with none, the report's week (precision 2), as ACLED does
    when a source gives no date. Without a publication date such an event stays undated."""
    if event.time is not None:
        return replace(event, event_date=event.time.date, time_precision=event.time.precision)
    if published is not None:
        return replace(event, event_date=published, time_precision=2)
    return event


# Groups that became a state's forces on a date: ACLED codes them as that state's forces (inter 1)
# from then on. The Taliban took Kabul on 15 August 2021.
REGIMES: dict[str, tuple[dt.date, str]] = {
    "Taliban": (dt.date(2021, 8, 15), "Military Forces of Afghanistan"),
}


# Groups whose inter code ACLED changed: before the date they were coded with the old code. The
# dictionary holds the current one. ACLED's 2015 files code Myanmar's ethnic armed organisations as
# political militias (3) and the Arakan Army as an identity militia (4); its files of 2020 on code
# them as rebel groups (2). The switch is set at 1 January 2019, when the Arakan Army's war in
# Rakhine began (an approximation: no file here lies between).
EARLIER_INTER: dict[str, tuple[dt.date, int]] = {
    name: (dt.date(2019, 1, 1), old)
    for name, old in (
        ("KIA: Kachin Independence Army", 3),
        ("TNLA: Ta'ang National Liberation Army", 3),
        ("MNDAA: Myanmar National Democratic Alliance Army", 3),
        ("SSA-N: Shan State Army-North", 3),
        ("SSA-S: Shan State Army-South", 3),
        ("SSA: Shan State Army", 3),
        ("DKBA: Democratic Karen Benevolent Army", 3),
        ("CNF: Chin National Front", 3),
        ("UWSA: United Wa State Army", 3),
        ("ULA/AA: United League of Arakan/Arakan Army", 4),
    )
}


def _earlier(name: str, inter: int, when: dt.date) -> int:
    changed = EARLIER_INTER.get(name)
    return changed[1] if changed is not None and when < changed[0] and inter != 0 else inter


def _regime(name: str, inter: int, when: dt.date) -> tuple[str, int]:
    took_over = REGIMES.get(name)
    if took_over is None or when < took_over[0]:
        return name, inter
    return took_over[1], 1


def name_periods(event: EventDraft, actors: ActorDictionary) -> EventDraft:
    """State forces named with ACLED's period for the event's year ("Military Forces of Syria (2000-)");
    a group that has become the state is coded as its forces ("Taliban" after August 2021)."""
    when = event.event_date
    if when is None:
        return event
    year = when.year
    if event.actor1 in EARLIER_INTER or event.actor2 in EARLIER_INTER:
        # A group's code in the event's year ("KIA" is 3 in 2015, 2 in 2022).
        event = replace(event, inter1=_earlier(event.actor1, event.inter1, when), inter2=_earlier(event.actor2, event.inter2, when))
    if event.actor1 in REGIMES or event.actor2 in REGIMES:
        name1, inter1 = _regime(event.actor1, event.inter1, when)
        name2, inter2 = _regime(event.actor2, event.inter2, when)
        event = replace(event, actor1=name1, inter1=inter1, actor2=name2, inter2=inter2)

    def dated(names: str) -> str:
        return "; ".join(actors.dated_name(n, year) for n in names.split("; ")) if names else names

    actor1, actor2 = dated(event.actor1), dated(event.actor2)
    assoc1, assoc2 = dated(event.assoc_actor_1), dated(event.assoc_actor_2)
    if (actor1, actor2, assoc1, assoc2) == (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2):
        return event
    return replace(event, actor1=actor1, actor2=actor2, assoc_actor_1=assoc1, assoc_actor_2=assoc2)
