"""MUC-4 development keys: 200 FBIS wire messages (1988-90) through `frontline run`, scored against the answer templates.

    python bench/muc4.py                   # all 200 messages (about 10 s), table + floor check
    python bench/muc4.py --limit 40        # the first 40 messages (no floor check)
    python bench/muc4.py --show 5          # ... and 5 misses of each kind (these keys are for development)
    python bench/muc4.py --raise-floors    # raise the floors (lower the ceiling) to this run's figures

Input: ../shared/data/corpora/muc4/keys (tst1-muc3, tst2-muc4 and their keys; read by
frontline.training.corpora.muc4, whose docstring gives the rule for the gold number of dead). Each
message, upper case as given and from its dateline on, is written to a .txt file and run into a
temporary store with ``service.run_into_store``, published on the dateline's date, as a user would.

Matching: per message, system events and gold incidents (templates other than "no incident",
optional ones included) are paired one to one, maximising a score: type compatible (MUC_TYPES) 2,
place right 1, date right 1, country right 0.5; a pair needs a compatible type or a right place, and
an optional template scores 0.25 less and weighs a hundredth, so it only takes an event no required
one wants (the pairing is the best for the required incidents first). The figures
are over required gold incidents.

Per gold incident: matched; type right (the event's sub-type is among MUC_TYPES[gold type]); country
right (the event's country is the gold location's country, any alternative); place right (the event's
point within 25 km of the gold place, the most specific named place of the gold location that the
gazetteer has in the gold country, most populous candidate; or the event's location named as a gold
place; a gold location that names only a country is right when the country is); date right (the
event date within a gold range, "- 15 JAN 90" meaning on or before); dead exact and within 10% over
matched incidents whose gold count is known (0 included; also shown for gold > 0); perpetrator vs
actor1 and target vs actor2, a loose match (``same_side``): same kind (state forces, rebels, other
armed group, civilians) and, where the actor names a nation, the gold country (or, for targets, the
key's "FOREIGN NATION"). Unmatched incidents count as wrong everywhere.

Over all system events: the share whose actor1 or actor2 names a country (in parentheses, "Military
Forces of X", "Police Forces of X") that is neither the event's country nor named in the message
(country name, adjective or initials: "U.S.").

Baseline, per gold incident: the dateline's place (the most populous gazetteer entry of that name)
as the place, its country (or the dateline's country in parentheses) as the country.

Floors in bench/floors/muc4.json (they only rise; the unsupported-nation share is a ceiling that only
falls); exit 1 when a figure is below its floor or above its ceiling. The "goal" column is issue 24's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import math
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from frontline.geo.gazetteer import Gazetteer
from frontline.pipeline import Pipeline
from frontline.records import Place
from frontline.service import run_into_store
from frontline.store import EventStore
from frontline.training.corpora.muc4 import (
    Location,
    Message,
    Template,
    read_messages,
    read_templates,
)

ROOT = Path(__file__).resolve().parents[1]
KEYS = ROOT.parent / "shared" / "data" / "corpora" / "muc4" / "keys"
FLOORS = ROOT / "bench" / "floors" / "muc4.json"
FILES = (("tst1-muc3", "key-tst1.v7"), ("tst2-muc4", "key-tst2.v4"))
KM = 25.0

# MUC incident types -> the ACLED sub-types a coder could give the same incident.
MUC_TYPES: dict[str, frozenset[str]] = {
    # Shootings, assassinations, assaults on a town or an installation: violence against civilians, a
    # clash with the guards, or fire from afar.
    "ATTACK": frozenset({"Attack", "Armed clash", "Shelling/artillery/missile attack", "Air/drone strike", "Grenade", "Mob violence"}),
    "MURDER": frozenset({"Attack"}),
    "BOMBING": frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Air/drone strike", "Shelling/artillery/missile attack"}),
    "KIDNAPPING": frozenset({"Abduction/forced disappearance"}),
    "HIJACKING": frozenset({"Abduction/forced disappearance"}),
    "ARSON": frozenset({"Looting/property destruction", "Violent demonstration", "Mob violence"}),
    "ROBBERY": frozenset({"Looting/property destruction"}),
    "FORCED WORK STOPPAGE": frozenset({"Other", "Change to group/activity"}),
}

# Kinds of side, read from a MUC string (perpetrator or target) and from ACLED's actor names and inter codes.
STATE = re.compile(r"\b(ARMY|ARMED FORCES|SOLDIERS?|TROOPS|MILITARY|BRIGADE|BATTALION|POLICE|POLICEMEN|NATIONAL GUARD|SECURITY FORCES|TREASURY POLICE|AIR FORCE|NAVY|PATROL)\b")
REBEL = re.compile(
    r"\b(GUERRILLAS?|REBELS?|INSURGENTS?|SUBVERSIVES?|TERRORISTS?|FMLN|FARABUNDO|URNG|SHINING PATH|SENDERO|MRTA|TUPAC AMARU|ELN|FARC"
    r"|EPL|M-19|FPMR|MANUEL RODRIGUEZ|ERP|FPL|FAL|PRTC|LIBERATION|REVOLUTIONARY|COMMANDOS?|COLUMN)\b"
)
CIVILIAN_TYPES = {"CIVILIAN", "POLITICAL FIGURE", "GOVERNMENT OFFICIAL", "FORMER GOVERNMENT OFFICIAL", "LEGAL OR JUDICIAL", "DIPLOMAT", "SECURITY GUARD"}
STATE_TYPES = {"ACTIVE MILITARY", "LAW ENFORCEMENT"}
YEARS = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")
IN_PARENS = re.compile(r"\(([^()]+)\)")
FORCES_OF = re.compile(r"\b(?:Military|Police) Forces of (?:the )?([A-Z][\w .'-]+?)(?=\s*(?:\(|$|:))")


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold incident with what the scoring needs from the gazetteer."""

    template: Template
    message: Message
    iso2: frozenset[str]  # the gold countries (location alternatives)
    points: tuple[tuple[float, float], ...]  # the gold places found in the gazetteer
    names: frozenset[str]  # every named place of the gold location, upper case
    country_only: bool  # some alternative names only a country


@dataclass(frozen=True, slots=True)
class Geo:
    """The gazetteer lookups the scoring needs, made once."""

    gazetteer: Gazetteer
    names: dict[str, str]  # ISO2 -> ACLED's country name
    by_name: dict[str, str]  # upper-case country name -> ISO2
    adjectives: dict[str, list[str]]  # ISO2 -> nationality adjectives

    @classmethod
    def open(cls) -> Geo:
        gazetteer = Gazetteer.open()
        names = gazetteer.country_names()
        adjectives: dict[str, list[str]] = defaultdict(list)
        for adjective, iso2 in gazetteer.nationalities().items():
            adjectives[iso2].append(adjective)
        return cls(gazetteer, names, {n.upper(): c for c, n in names.items()}, dict(adjectives))

    def iso2(self, country: str) -> str | None:
        """The ISO2 of a country as the keys or ACLED spell it ("EL SALVADOR", "United States")."""
        return self.by_name.get(country.upper()) or self.gazetteer.country_for_name(country)

    def place(self, name: str, iso2: str | None = None) -> Place | None:
        """The most populous entry of ``name`` (in ``iso2`` when given)."""
        found = [p for p in self.gazetteer.lookup(name, fuzzy=False) if iso2 is None or p.country_code == iso2]
        return max(found, key=lambda p: p.population, default=None)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def load(limit: int | None) -> tuple[list[Message], dict[str, list[Template]]]:
    messages: list[Message] = []
    templates: dict[str, list[Template]] = defaultdict(list)
    for text_file, key_file in FILES:
        messages.extend(read_messages(KEYS / text_file))
        for t in read_templates(KEYS / key_file):
            templates[t.message_id].append(t)
    messages = messages[:limit] if limit else messages
    return messages, templates


def gold_incident(template: Template, message: Message, geo: Geo) -> Gold:
    iso2, points, names, country_only = set(), [], set(), False
    for loc in template.locations:
        code = geo.iso2(loc.country)
        if code:
            iso2.add(code)
        names.update(loc.names)
        country_only |= not loc.places
        point = gold_point(loc, code, geo)
        if point:
            points.append(point)
    return Gold(template, message, frozenset(iso2), tuple(points), frozenset(names), country_only)


def gold_point(loc: Location, iso2: str | None, geo: Geo) -> tuple[float, float] | None:
    """The most specific named place of ``loc`` that the gazetteer has in the gold country."""
    for name in loc.names:
        place = geo.place(name, iso2)
        if place:
            return place.latitude, place.longitude
    return None


def run_frontline(messages: list[Message]) -> tuple[dict[str, list[dict]], float]:
    """Each message through `frontline run` (the library call behind it) into a temporary store;
    messages are grouped by dateline date, each group run with that date as published."""
    pipeline = Pipeline.default()
    events: dict[str, list[dict]] = defaultdict(list)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        groups: dict[dt.date | None, list[Message]] = defaultdict(list)
        for m in messages:
            groups[m.published].append(m)
        with EventStore(Path(tmp) / "muc4.db") as store:
            for published, group in groups.items():
                folder = Path(tmp) / (published.isoformat() if published else "undated")
                folder.mkdir()
                for m in group:
                    (folder / f"{m.id}.txt").write_text(m.text + "\n", encoding="utf-8")
                report = run_into_store([folder], store, published=published, pipeline=pipeline)
                # The folder is read in sorted order, as the ids were written.
                ids = dict(zip(report.article_ids, sorted(m.id for m in group), strict=True))
                for row in store.events(report.article_ids):
                    events[ids[str(row["article_id"])]].append(row)
    return events, time.perf_counter() - started


def event_date(event: dict) -> dt.date | None:
    value = event.get("event_date")
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def type_right(gold: Gold, event: dict) -> bool:
    return any(event["sub_event_type"] in MUC_TYPES.get(t, ()) for t in gold.template.types)


def country_right(gold: Gold, event: dict, geo: Geo) -> bool:
    return geo.iso2(str(event.get("country") or "")) in gold.iso2 if event.get("country") else False


def near(gold: Gold, event: dict) -> bool:
    """The event's point within 25 km of a gold place, or its location named as one."""
    lat, lon = event.get("latitude"), event.get("longitude")
    if lat is not None and lon is not None and any(km(lat, lon, a, b) <= KM for a, b in gold.points):
        return True
    return str(event.get("location") or "").upper() in gold.names


def place_right(gold: Gold, event: dict, geo: Geo) -> bool:
    return near(gold, event) or (gold.country_only and country_right(gold, event, geo))


def date_right(gold: Gold, day: dt.date | None) -> bool:
    return day is not None and any((first is None or first <= day) and last is not None and day <= last for first, last in gold.template.dates)


def pair_score(gold: Gold, event: dict, geo: Geo) -> float | None:
    """The matching score of a pair; None when it may not be paired (neither type nor place right)."""
    typed = type_right(gold, event)
    if not (typed or near(gold, event)):
        return None
    score = 2.0 * typed + 1.0 * place_right(gold, event, geo) + 1.0 * date_right(gold, event_date(event)) + 0.5 * country_right(gold, event, geo)
    # An optional template weighs a hundredth: the pairing is first the best for the required incidents,
    # and an optional one takes only an event that no required one wants (a required ATTACK takes the
    # attack, not the arrest beside it so that its optional twin may have the attack).
    return (score - 0.25) / 100 if gold.template.optional else score


def assign(golds: list[Gold], events: list[dict], geo: Geo) -> dict[int, int]:
    """The one-to-one pairing (gold index -> event index) of maximum total score: exact, by dynamic
    programming over the events with the set of golds taken as state (a message has at most 8 golds)."""
    scores = [[pair_score(g, e, geo) for e in events] for g in golds]
    best: dict[int, tuple[float, tuple[tuple[int, int], ...]]] = {0: (0.0, ())}
    for j in range(len(events)):
        nxt = dict(best)
        for mask, (total, pairs) in best.items():
            for i in range(len(golds)):
                s = scores[i][j]
                if s is None or mask >> i & 1:
                    continue
                key = mask | 1 << i
                if key not in nxt or nxt[key][0] < total + s:
                    nxt[key] = (total + s, (*pairs, (i, j)))
        best = nxt
    return dict(max(best.values(), key=lambda v: v[0])[1])


def side_kinds(text: str) -> set[str]:
    """The kinds of side (state / rebel / armed: another or an unidentified armed group) that a MUC
    perpetrator string allows."""
    text = text.upper()
    if re.search(r"\b(DEATH SQUADS?|PARAMILITARY|EXTRADITABLES|CARTEL|DRUG|NARCO|TRAFFICKERS?|ASSASSINS?|HIRED|KINGPINS?)\b", text):
        return {"armed"}
    if re.search(r"\bUNIFORM", text):  # "men wearing military uniforms": the army, or gunmen not identified
        return {"state", "armed"}
    if STATE.search(text) and not re.search(r"\b(ARMY OF NATIONAL LIBERATION|PEOPLE'S REVOLUTIONARY ARMY|LIBERATION ARMY)\b", text):
        return {"state"}
    if re.fullmatch(r"(URBAN |GROUP OF |SOME )?TERRORISTS?", text.strip()):  # unnamed: a rebel group or gunmen
        return {"rebel", "armed"}
    if REBEL.search(text):
        return {"rebel"}
    return {"armed"}


def actor_kind(name: str, inter: int) -> str:
    """state / rebel / armed / civilians / other from an ACLED actor name and inter code."""
    if inter == 1 or re.match(r"(Military|Police) Forces of", name):
        return "state"
    if inter == 2:
        return "rebel"
    if inter == 7 or name.startswith("Civilians"):
        return "civilians"
    if inter in (3, 4) or "Armed Group" in name:
        return "armed"
    return "other"


def actor_nations(name: str, geo: Geo) -> set[str]:
    """ISO2 of every country an actor names: "(X)" or "Military/Police Forces of X"."""
    name = YEARS.sub("", name)
    found = {m.group(1).strip() for m in IN_PARENS.finditer(name)} | {m.group(1).strip() for m in FORCES_OF.finditer(name)}
    return {code for n in found if (code := geo.by_name.get(n.upper()))}


def same_side(kinds: set[str], nations: set[str], actor: str, inter: int, geo: Geo, orgs: tuple[str, ...] = ()) -> bool:
    """The loose actor match: a named organisation of the key in the actor's name, or the same kind of
    side and, when the actor names a nation, one of the gold ``nations``."""
    if not actor:
        return False
    names = [o.strip('"') for o in orgs]
    if any(len(o) >= 3 and re.search(rf"\b{re.escape(o)}\b", actor.upper()) for o in names):
        return True
    named = actor_nations(actor, geo)
    return actor_kind(actor, inter) in kinds and (not named or bool(named & nations))


def perpetrator_right(gold: Gold, event: dict, geo: Geo) -> bool:
    t = gold.template
    kinds = {k for p in t.perpetrators for k in side_kinds(p)}
    if "STATE-SPONSORED" in t.category:
        kinds.add("state")
    if "armed" in kinds:  # ACLED codes an unnamed gunman as an unidentified armed group or a militia
        kinds.add("other")
    return same_side(kinds, set(gold.iso2), str(event.get("actor1") or ""), int(event.get("inter1") or 0), geo, t.perpetrators)


def target_right(gold: Gold, event: dict, geo: Geo) -> bool:
    t = gold.template
    kinds = {"civilians" for k in t.human_target_types if k in CIVILIAN_TYPES} | {"state" for k in t.human_target_types if k in STATE_TYPES}
    foreign = {code for line in t.slots.get(22, []) for part in line.lstrip("? ").split(":")[:1] if (code := geo.iso2(part.strip()))}
    return same_side(kinds, set(gold.iso2) | foreign, str(event.get("actor2") or ""), int(event.get("inter2") or 0), geo)


# A country named by its initials ("NINE U.S. SOLDIERS") is named too.
INITIALS = {"US": ("U.S.", "U.S.A.", "USA"), "GB": ("U.K.", "UK"), "AE": ("U.A.E.", "UAE")}


def unsupported_nations(event: dict, text: str, geo: Geo) -> set[str]:
    """Countries an event's actors name that are neither its country nor named in the message."""
    own = geo.iso2(str(event.get("country") or ""))
    out = set()
    for actor in (event.get("actor1"), event.get("actor2")):
        for code in actor_nations(str(actor or ""), geo):
            if code == own:
                continue
            words = [geo.names.get(code, ""), *geo.adjectives.get(code, []), *INITIALS.get(code, ())]
            if not any(w and re.search(rf"(?<!\w){re.escape(w.upper())}(?!\w)", text) for w in words):
                out.add(geo.names.get(code, code))
    return out


def pct(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N messages (no floor check)")
    parser.add_argument("--show", type=int, default=0, metavar="K", help="print K misses of each kind")
    parser.add_argument("--no-check", action="store_true", help="do not compare with the floors")
    parser.add_argument("--raise-floors", action="store_true", help="raise the floors (lower the ceiling) to this run's figures")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if not KEYS.exists():
        sys.exit(f"error: {KEYS} is missing (the benchmark needs ../shared/data/corpora/muc4)")

    messages, templates = load(args.limit)
    geo = Geo.open()
    by_message, seconds = run_frontline(messages)
    total_events = sum(len(v) for v in by_message.values())
    print(f"MUC-4 TST1+TST2: {len(messages)} messages, {total_events} events from frontline in {seconds:.0f} s")

    rows: list[dict[str, bool | None]] = []
    base: list[dict[str, bool]] = []
    misses: dict[str, list[str]] = defaultdict(list)
    kinds: Counter[str] = Counter()
    golds_all: list[Gold] = []
    for m in messages:
        golds = [gold_incident(t, m, geo) for t in templates.get(m.id, []) if t.relevant]
        events = by_message.get(m.id, [])
        pairs = assign(golds, events, geo)
        dateline = geo.place(m.place) if m.place else None
        dateline_iso2 = geo.iso2(m.country) if m.country else (dateline.country_code if dateline else None)
        for i, g in enumerate(golds):
            if g.template.optional:
                continue
            e = events[pairs[i]] if i in pairs else None
            row = score_row(g, e, geo)
            rows.append(row)
            golds_all.append(g)
            base.append({
                "country": dateline_iso2 in g.iso2 if dateline_iso2 else False,
                "place": bool(dateline and (any(km(dateline.latitude, dateline.longitude, a, b) <= KM for a, b in g.points)
                         or m.place in g.names or (g.country_only and dateline_iso2 in g.iso2))),
            })
            note_misses(g, e, row, misses, kinds, bool(events))
    named = [g for g in golds_all if g.names]
    print(f"gold incidents naming a place: {len(named)}, of which the gazetteer has one in the gold country: {sum(bool(g.points) for g in named)}")
    unsupported = [(m, e, n) for m in messages for e in by_message.get(m.id, []) if (n := unsupported_nations(e, m.text, geo))]
    figures = report(rows, base, total_events, len(unsupported))
    print("misses: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    if args.show:
        show(misses, unsupported, args.show)
    return check(figures, args)


def score_row(g: Gold, e: dict | None, geo: Geo) -> dict[str, bool | None]:
    dead = g.template.dead
    if e is None:
        return {"matched": False, "type": False, "country": False, "place": False,
                "date": False if g.template.dates else None, "type_place": False,
                "dead": None, "dead10": None, "perp": False if g.template.perpetrators else None,
                "target": False if g.template.human_target_types else None, "gold_dead": dead}
    fat = int(e.get("fatalities") or 0)
    typed, placed = type_right(g, e), place_right(g, e, geo)
    return {
        "matched": True, "type": typed, "country": country_right(g, e, geo), "place": placed,
        "date": date_right(g, event_date(e)) if g.template.dates else None, "type_place": typed and placed,
        "dead": None if dead is None else fat == dead,
        "dead10": None if dead is None else abs(fat - dead) <= 0.1 * dead,
        "perp": perpetrator_right(g, e, geo) if g.template.perpetrators else None,
        "target": target_right(g, e, geo) if g.template.human_target_types else None,
        "gold_dead": dead, "event": e,  # type: ignore[dict-item]
    }


GOALS = {"country": 85.0, "type_place": 55.0, "dead": 50.0, "unsupported_nation": 2.0}
LABELS = {
    "matched": "matched", "type": "incident type right", "country": "country right", "place": "place right (25 km)",
    "date": "date right", "type_place": "type and place right", "dead": "dead exact (matched, gold known)",
    "dead10": "dead within 10% (matched, gold known)", "dead_pos": "dead exact (matched, gold > 0)",
    "perp": "perpetrator ~ actor1 (matched, gold given)", "target": "target ~ actor2 (matched, gold given)",
    "unsupported_nation": "events naming an unsupported nation",
    "base_country": "baseline: dateline country right", "base_place": "baseline: dateline place right",
}


def report(rows: list[dict], base: list[dict[str, bool]], events: int, unsupported: int) -> dict[str, float]:
    n = len(rows)
    figures: dict[str, float] = {}
    counts: dict[str, tuple[int, int]] = {}
    for key in ("matched", "type", "country", "place", "date", "type_place"):
        # date: over the incidents whose key gives a date (an unmatched one counts as wrong)
        counts[key] = (sum(bool(r[key]) for r in rows), sum(r[key] is not None for r in rows))
    for key in ("dead", "dead10", "perp", "target"):
        scored = [r[key] for r in rows if r["matched"] and r[key] is not None]
        counts[key] = (sum(scored), len(scored))
    positive = [r["dead"] for r in rows if r["matched"] and r["gold_dead"]]
    counts["dead_pos"] = (sum(positive), len(positive))
    counts["unsupported_nation"] = (unsupported, events)
    counts["base_country"] = (sum(b["country"] for b in base), n)
    counts["base_place"] = (sum(b["place"] for b in base), n)
    print(f"gold incidents (required templates): {n}; dead, perpetrator and target over the matched ones with a gold value")
    print(f"{'figure':<42}{'value':>8}{'of':>10}{'goal':>8}")
    for key, (part, whole) in counts.items():
        figures[key] = round(pct(part, whole), 1)
        goal = GOALS.get(key)
        sign = "<=" if key == "unsupported_nation" else ">="
        print(f"{LABELS[key]:<42}{figures[key]:>7.1f}%{f'{part}/{whole}':>10}{(f'{sign}{goal:.0f}%' if goal else ''):>8}")
    for key in ("country", "place"):
        if figures[key] < figures[f"base_{key}"]:
            print(f"frontline is UNDER the dateline baseline on {key}: {figures[key]:.1f}% < {figures[f'base_{key}']:.1f}%")
    return figures


def note_misses(g: Gold, e: dict | None, row: dict, misses: dict[str, list[str]], kinds: Counter[str], any_event: bool) -> None:
    t = g.template
    gold = (f"{t.message_id} #{t.number} {'/'.join(t.types)} @ {' / '.join(_loc(loc) for loc in t.locations)} "
            f"{_dates(t)} dead {t.dead} perp {list(t.perpetrators)[:2]} tgt {list(t.human_target_types)}")
    ours = "" if e is None else (f"  ours: {e['sub_event_type']} @ {e.get('location')}, {e.get('country')} {e.get('event_date')} "
                                 f"dead {e.get('fatalities')} | {e.get('actor1')} ({e.get('inter1')}) / {e.get('actor2')} ({e.get('inter2')})")
    checks: list[tuple[str, Callable[[], bool]]] = [
        ("unmatched, no event in the message", lambda: not row["matched"] and not any_event),
        ("unmatched, no event of its type or place", lambda: not row["matched"] and any_event),
        ("type", lambda: row["matched"] and not row["type"]),
        ("country", lambda: row["matched"] and not row["country"]),
        ("place", lambda: row["matched"] and row["country"] and not row["place"]),
        ("date", lambda: row["matched"] and row["date"] is False),
        ("dead", lambda: row["dead"] is False),
        ("perp", lambda: row["matched"] and row["perp"] is False),
        ("target", lambda: row["matched"] and row["target"] is False),
    ]
    for kind, test in checks:
        if test():
            kinds[kind] += 1
            misses[kind].append(gold + ("\n" + ours if ours else ""))


def _loc(loc: Location) -> str:
    return ": ".join([loc.country, *(" - ".join(level) for level in loc.places)])


def _dates(t: Template) -> str:
    return " / ".join(f"{a or ''}..{b or ''}" for a, b in t.dates) or "no date"


def show(misses: dict[str, list[str]], unsupported: list[tuple[Message, dict, set[str]]], k: int) -> None:
    for kind, lines in misses.items():
        print(f"\n== {kind} misses ({len(lines)}) ==")
        for line in lines[:k]:
            print(line)
    print(f"\n== unsupported nations ({len(unsupported)}) ==")
    for m, e, names in unsupported[:k]:
        print(f"{m.id} @ {m.place}: {sorted(names)} in {e.get('actor1')} / {e.get('actor2')} [{e.get('country')}]")


def check(figures: dict[str, float], args: argparse.Namespace) -> int:
    if args.limit or args.no_check:
        return 0
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    if args.raise_floors:
        for key, value in figures.items():
            if key.startswith("base_"):
                continue
            if key == "unsupported_nation":
                floors[key] = min(floors.get(key, 100.0), math.ceil(value * 10) / 10)
            else:
                floors[key] = max(floors.get(key, 0.0), math.floor(value * 10) / 10)
        FLOORS.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
        print(f"floors written to {FLOORS}")
    failed = [
        f"{key} {figures.get(key, 0.0):.1f}% " + ("> ceiling" if key == "unsupported_nation" else "< floor") + f" {limit}%"
        for key, limit in floors.items()
        if (figures.get(key, 0.0) > limit if key == "unsupported_nation" else figures.get(key, 0.0) < limit)
    ]
    for line in failed:
        print(f"{'ABOVE CEILING' if '>' in line else 'BELOW FLOOR'}: {line} (bench/floors/muc4.json)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
