"""claims: one row per incident, its best estimate of each field and who claimed what.

The best estimate takes the most precise date (then the one most reports give), the most precise place
(then the one most reports name), the sub-type most reports give, and the actors of the most confident
report of that sub-type. Fatalities follow UCDP's convention: ``fatalities`` is the best estimate (ACLED's
conservative choice: the lowest toll a report gave), ``fatalities_low``/``fatalities_high`` the range of
every report's toll, and ``fatality_claims`` says which report claimed which. ``n_sources`` counts
independent sources: two outlets that carry one wire story word for word (the same text fingerprint)
count once, as do two articles of one outlet.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..records import ACLED_COLUMNS

INCIDENT_COLUMNS: tuple[str, ...] = (
    *ACLED_COLUMNS,
    "incident_id",
    "n_reports",
    "n_sources",
    "sources",
    "article_ids",
    "fatalities_low",
    "fatalities_high",
    "first_reported",
    "last_reported",
    "event_ids",
    "fatality_claims",
    "attributions",
    "reports",
    "geonameid",
)
_PLACE_FIELDS = ("iso", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision")
_ACTOR_FIELDS = ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting")
# Who a report says told it: "according to SOHR", "a medical source told AFP", "activists said".
_WORD = re.compile(r"\w+")
_ACCORDING = re.compile(r"\baccording to (?:the |a |an )?([^,.;:()\n]{2,60}?)(?=[,.;:()\n]| on | in | who |$)", re.IGNORECASE)
_TOLD = re.compile(
    r"\b((?:[Aa]n? |[Tt]he )?(?:[A-Z][\w'-]+ ){0,4}(?:[\w'-]+ ){0,2}(?i:source|sources|official|officials|activists?|"
    r"monitor|observatory|witness(?:es)?|residents?|spokesm[ae]n|doctor|medic))s? (?:told|said|reported)\b",
)


def attributions(texts: Iterable[str]) -> list[str]:
    """The sources a report's evidence cites, in order, each once."""
    found: list[str] = []
    for text in texts:
        for m in _ACCORDING.finditer(text):
            found.append(m.group(1).strip())
        for m in _TOLD.finditer(text):
            found.append(m.group(1).strip())
    return list(dict.fromkeys(found))


Texts = Callable[[Iterable[str]], dict[str, str]]


def incident_rows(members: Iterable[dict[str, Any]], texts: Texts | None = None) -> Iterator[dict[str, object]]:
    """One row per incident from ``EventStore.incident_members`` (ordered by incident), in incident order.
    ``texts`` (``EventStore.article_texts``): the cleaned texts of articles by id, to tell edited copies of one
    wire story; without it only word-for-word copies count once."""
    group: list[dict[str, Any]] = []
    for row in members:
        if group and row["incident_id"] != group[0]["incident_id"]:
            yield incident_row(group, texts)
            group = []
        group.append(row)
    if group:
        yield incident_row(group, texts)


def incident_row(members: list[dict[str, Any]], texts: Texts | None = None) -> dict[str, object]:
    """The best estimate and the claims of one incident's events."""
    members = sorted(members, key=lambda m: m["event_id"])
    dates = Counter(m["event_date"] for m in members if m["event_date"])
    when = min(members, key=lambda m: (m["time_precision"] or 9, -dates[m["event_date"]], m["event_date"] or "", m["event_id"]))
    places = Counter(m["geonameid"] for m in members)
    where = min(members, key=lambda m: (m["geo_precision"] or 9, -places[m["geonameid"]], m["event_id"]))
    subtypes = Counter(m["sub_event_type"] for m in members)
    sub = min(subtypes, key=lambda s: (-subtypes[s], s == "Attack", s))
    who = min((m for m in members if m["sub_event_type"] == sub), key=lambda m: (-(m["confidence"] or 0), m["event_id"]))
    tolls = {m["article_id"]: 0 for m in members}
    for m in members:  # a report's toll: the highest it gives for this incident
        tolls[m["article_id"]] = max(tolls[m["article_id"]], m["fatalities"] or 0)
    claimed = sorted(t for t in tolls.values() if t)
    lows = [m["fatalities_low"] for m in members if m["fatalities_low"] is not None] + claimed
    highs = [m["fatalities_high"] for m in members if m["fatalities_high"] is not None] + claimed
    reports = _reports(members, tolls)
    row: dict[str, object] = {c: who.get(c) for c in ACLED_COLUMNS}
    row.update(
        event_date=when["event_date"], year=int(when["event_date"][:4]) if when["event_date"] else None,
        time_precision=when["time_precision"], event_type=who["event_type"], sub_event_type=sub,
        source="; ".join(dict.fromkeys(s for m in members for s in (m["source"] or "").split("; ") if s)),
        fatalities=claimed[0] if claimed else 0, geonameid=where["geonameid"],
    )
    row.update((f, where.get(f)) for f in _PLACE_FIELDS)
    row.update((f, who.get(f)) for f in _ACTOR_FIELDS)
    published = sorted(r["published"] for r in reports if r["published"])
    row.update(
        incident_id=members[0]["incident_id"],
        n_reports=len(reports),
        n_sources=independent_sources(reports, _copies(reports, texts)),
        sources="; ".join(sorted({r["source"] for r in reports if r["source"]})),
        article_ids="; ".join(r["article_id"] for r in reports),
        fatalities_low=min(lows) if lows else None,
        fatalities_high=max(highs) if highs else None,
        first_reported=published[0] if published else None,
        last_reported=published[-1] if published else None,
        event_ids="; ".join(m["event_id"] for m in members),
        fatality_claims=json.dumps(
            [{"fatalities": r["fatalities"], "source": r["source"], "article_id": r["article_id"]} for r in reports if r["fatalities"]],
            ensure_ascii=False,
        ),
        attributions="; ".join(dict.fromkeys(a for r in reports for a in r["attributions"])),
        reports=json.dumps(reports, ensure_ascii=False),
    )
    return row


def _reports(members: list[dict[str, Any]], tolls: dict[str, int]) -> list[dict[str, Any]]:
    """One entry per article: its source, date, title, toll, whom it cites, and its evidence spans."""
    by_article: dict[str, dict[str, Any]] = {}
    for m in members:
        entry = by_article.setdefault(m["article_id"], {
            "article_id": m["article_id"], "source": m["article_source"] or m["source"] or "", "published": m["published"],
            "title": m["title"], "fingerprint": m["fingerprint"], "event_ids": [], "fatalities": tolls[m["article_id"]],
            "evidence": [],
        })
        entry["event_ids"].append(m["event_id"])
        entry["evidence"].extend(m["evidence"])
    out = sorted(by_article.values(), key=lambda r: (r["published"] or "", r["article_id"]))
    for r in out:
        r["attributions"] = attributions(s["text"] for s in r["evidence"])
    return out


def independent_sources(reports: list[dict[str, Any]], copies: Iterable[tuple[str, str]] = ()) -> int:
    """How many independent sources: reports join when they share an outlet or a text fingerprint (a
    syndicated copy of one wire story), or when ``copies`` pairs their articles (an edited copy), and each
    joined group counts once."""
    parent = list(range(len(reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i] = parent[parent[i]]
        return i

    seen: dict[tuple[str, str], int] = {}
    for i, r in enumerate(reports):
        for key in (("source", r["source"]), ("text", r["fingerprint"]), ("article", r["article_id"])):
            if key[1]:
                if key in seen:
                    parent[root(i)] = root(seen[key])
                else:
                    seen[key] = i
    for a, b in copies:
        if ("article", a) in seen and ("article", b) in seen:
            parent[root(seen[("article", a)])] = root(seen[("article", b)])
    return len({root(i) for i in range(len(reports))})


# Two texts are copies of one story when this share of the shorter one's word 5-grams is in the other:
# an outlet that trims or retitles a wire story keeps most of its sentences word for word.
COPY_SHARE = 0.6
_SHINGLE = 5


def _copies(reports: list[dict[str, Any]], texts: Texts | None) -> list[tuple[str, str]]:
    """Pairs of articles from different outlets whose texts are copies of one story."""
    outlets = {r["source"] for r in reports}
    if texts is None or len(outlets) < 2:
        return []
    shingles = {a: _shingles(t) for a, t in texts(r["article_id"] for r in reports).items()}
    source = {r["article_id"]: r["source"] for r in reports}
    pairs = []
    for a, b in itertools.combinations(sorted(shingles), 2):
        sa, sb = shingles[a], shingles[b]
        if source[a] != source[b] and sa and sb and len(sa & sb) >= COPY_SHARE * min(len(sa), len(sb)):
            pairs.append((a, b))
    return pairs


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + _SHINGLE]) for i in range(max(0, len(words) - _SHINGLE + 1))}
