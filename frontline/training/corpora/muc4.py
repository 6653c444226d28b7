"""A reader for the MUC-4 development keys (``../shared/data/corpora/muc4/keys``), for bench/muc4.py.

Messages: a file of FBIS messages, each an id line ("TST1-MUC3-0001") and an upper-case text that opens
with a dateline ("SAN SALVADOR, 12 JAN 90 (RADIO ...) -- [TEXT] ..."). Templates: blocks of numbered
slots ("3.  INCIDENT: LOCATION   EL SALVADOR: SAN SALVADOR (CITY)"); a slot's further values sit on
indented continuation lines. Within a value, " / " separates alternatives, "?" marks an optional value,
"*" and "-" mean empty. A message whose only template is "1. MESSAGE: TEMPLATE *" reports no incident.

The count of the dead (``dead_count``), the rule the benchmark scores against:
1. When every "HUM TGT: EFFECT OF INCIDENT" entry is DEATH and "HUM TGT: TOTAL NUMBER" is a number, that
   number (it counts each victim once where the named targets overlap: "JESUITS" 6 and "IGNACIO ELLACURIA").
2. Otherwise the sum, over the DEATH entries, of the "HUM TGT: NUMBER" given for the same target string;
   unknown (None) when one of them has no number ("PLURAL", "-", or no entry).
3. No DEATH entry: 0.
Optional entries ("? DEATH") are not counted. A number is read from the first alternative ("6 / 4": 6),
with "~" (about) and "?" dropped and a trailing " -" (at least) read as the number itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

MONTHS = {m: i for i, m in enumerate(["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}
MESSAGE_ID = re.compile(r"^([A-Z]{3}\d?-MUC\d-\d{4})\s*$", re.MULTILINE)  # TST1-MUC3-0001, DEV-MUC3-0001
DATELINE = re.compile(
    r"^\s*(?P<place>[^,\n]+?)(?:\s*\((?P<country>[^)]*)\))?,\s*(?P<date>NO DATE|\d{1,2} [A-Z]{3}(?: \d{2})?)\b"
)
SLOT = re.compile(r"^(\d{1,2})\.\s+[A-Z ]+:\s?[A-Z ]*?(?:\s{2,}(?P<value>.*))?$")
DATE = re.compile(r"(\d{1,2}) ([A-Z]{3}) (\d{2})")
EMPTY = {"", "*", "-"}


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    place: str  # the dateline's place ("SAN SALVADOR"); "" when it names none ("CLANDESTINE", "NO CITY")
    country: str  # the dateline's country in parentheses ("CARACAS (VENEZUELA)"); "" when absent
    published: dt.date | None  # the dateline's date; None for "NO DATE" or a date without a year
    text: str  # from the dateline on, as a user would feed it


@dataclass(frozen=True, slots=True)
class Location:
    """One alternative of "INCIDENT: LOCATION": a country and its named places, broadest first."""

    country: str
    places: tuple[tuple[str, ...], ...] = ()  # per level, the names at that level ("CHAVIN - HUARI": two)

    @property
    def names(self) -> list[str]:
        """The place names, most specific first (the order the benchmark tries them in the gazetteer)."""
        return [name for level in reversed(self.places) for name in level]


@dataclass(frozen=True, slots=True)
class Template:
    message_id: str
    number: str  # "1", "2", ...; "*" for the no-incident template
    optional: bool  # "1. MESSAGE: TEMPLATE 2 (OPTIONAL)"
    dates: tuple[tuple[dt.date | None, dt.date | None], ...] = ()  # alternatives (first, last); None: open
    locations: tuple[Location, ...] = ()
    types: tuple[str, ...] = ()  # ATTACK, BOMBING, ... (alternatives)
    stage: str = ""
    category: str = ""  # TERRORIST ACT, STATE-SPONSORED VIOLENCE
    perpetrators: tuple[str, ...] = ()  # individual and organisation strings, every alternative
    physical_targets: tuple[str, ...] = ()
    human_targets: tuple[str, ...] = ()  # names and descriptions
    human_target_types: tuple[str, ...] = ()  # CIVILIAN, GOVERNMENT OFFICIAL, ACTIVE MILITARY, ...
    dead: int | None = 0  # see the module's rule; None when the key gives no number
    slots: dict[int, list[str]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def relevant(self) -> bool:
        return self.number != "*"


def split_top(value: str, sep: str = " / ") -> list[str]:
    """``value`` split on ``sep`` outside parentheses and quotes ("(A: B (CITY / PORT)) / (A)": two)."""
    parts, depth, quoted, start, i = [], 0, False, 0, 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and quoted:
            i += 2
            continue
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth -= 1
        elif not quoted and depth == 0 and value.startswith(sep, i):
            parts.append(value[start:i])
            start = i + len(sep)
            i = start
            continue
        i += 1
    parts.append(value[start:])
    return [p.strip() for p in parts if p.strip()]


def unwrap(value: str) -> str:
    """"(X)" -> "X" when one pair of parentheses encloses the whole value ("(A) / (B)" stays)."""
    value = value.strip()
    if not (value.startswith("(") and value.endswith(")")):
        return value
    depth = 0
    for i, ch in enumerate(value):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return value[1:-1].strip() if i == len(value) - 1 else value
    return value


def parse_date(text: str) -> dt.date | None:
    """"12 JAN 90" -> 1990-01-12; None for a malformed date or a year before 1980 (the keys' "16 NOV 00")."""
    m = DATE.fullmatch(text.strip())
    if not m or m.group(2) not in MONTHS:
        return None
    year = 1900 + int(m.group(3))
    if year < 1980:
        return None
    try:
        return dt.date(year, MONTHS[m.group(2)], int(m.group(1)))
    except ValueError:
        return None


def parse_range(text: str) -> tuple[dt.date | None, dt.date | None] | None:
    """"15 JAN 90", "- 15 JAN 90" (on or before) or "15 JAN 90 - 20 JAN 90"; None when unreadable."""
    text = unwrap(text)
    if text in EMPTY:
        return None
    if text.startswith("-"):
        last = parse_date(text[1:])
        return (None, last) if last else None
    if " - " in text:
        first, last = (parse_date(p) for p in text.split(" - ", 1))
        return (first, last) if first and last else None
    day = parse_date(text)
    return (day, day) if day else None


def parse_location(text: str) -> Location | None:
    """"COUNTRY: PLACE (TYPE): PLACE (TYPE)" -> Location; None for an empty slot."""
    text = unwrap(text).strip()
    if text in EMPTY:
        return None
    parts = split_top(text, ": ")
    levels: list[tuple[str, ...]] = []
    for part in parts[1:]:
        names = [re.sub(r"\s*\([^)]*\)\s*$", "", n).strip() for n in split_top(part, " - ")]
        if any(names):
            levels.append(tuple(n for n in names if n))
    return Location(parts[0].strip(), tuple(levels))


def parse_number(text: str) -> int | None:
    """A "HUM TGT: NUMBER" or "TOTAL NUMBER" value: "6", "~70", "7 -", "6 / 4" -> int; "PLURAL", "-" -> None."""
    first = split_top(text.replace("?", "").strip())[0] if text.replace("?", "").strip() else ""
    first = first.lstrip("~").strip()
    first = re.sub(r"\s*-$", "", first)
    return int(first) if first.isdigit() else None


def strings(value: str) -> list[str]:
    """The quoted strings of a value ('"GUERRILLAS" / "FMLN"' -> two); escaped quotes kept as plain quotes."""
    return [s.replace('\\"', '"') for s in re.findall(r'"((?:[^"\\]|\\.)*)"', value)]


def entries(lines: list[str]) -> list[tuple[bool, str, list[str]]]:
    """A slot's entries "LABEL: "FILLER" / ..." as (optional, label, filler strings); label "" when none."""
    out = []
    for line in lines:
        optional = line.startswith("?")
        line = line.lstrip("? ").strip()
        label, _, rest = line.partition(': "')
        if not rest:  # no filler: the whole line is a label (or a quoted filler alone)
            out.append((optional, "" if line.startswith('"') else line, strings(line)))
        else:
            out.append((optional, label.strip(), strings('"' + rest)))
    return out


def dead_count(slots: dict[int, list[str]]) -> int | None:
    """The gold number of dead from slots 21, 23 and 24 (the module's docstring gives the rule)."""
    effects = [e for e in entries(slots.get(23, [])) if e[1] not in EMPTY]
    deaths = [e for e in effects if not e[0] and split_top(e[1])[0] == "DEATH"]
    if not deaths:
        return 0
    total = parse_number(" ".join(slots.get(24, []))) if slots.get(24) else None
    if total is not None and all(split_top(e[1])[0] == "DEATH" for e in effects):
        return total
    numbers: dict[str, int | None] = {}
    for _opt, label, fillers in entries(slots.get(21, [])):
        for filler in fillers:
            numbers.setdefault(filler, parse_number(label))
    dead = 0
    for _opt, _label, fillers in deaths:
        n = next((numbers[f] for f in fillers if f in numbers), None)
        if n is None:
            return None
        dead += n
    return dead


def read_messages(path: Path) -> Iterator[Message]:
    """Every message of an FBIS file, in file order."""
    raw = path.read_text(encoding="latin-1")
    marks = list(MESSAGE_ID.finditer(raw))
    for i, m in enumerate(marks):
        body = raw[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(raw)]
        text = "\n".join(line.rstrip() for line in body.strip("\n").splitlines()).strip("\n")
        yield parse_message(m.group(1), text)


def parse_message(message_id: str, text: str) -> Message:
    m = DATELINE.match(text)
    place = country = ""
    published = None
    if m:
        place = m.group("place").strip()
        country = (m.group("country") or "").strip()
        published = parse_date(m.group("date")) if m.group("date") != "NO DATE" else None
        if place in {"NO CITY", "CLANDESTINE"}:
            place = ""
    return Message(message_id, place, country, published, text)


def read_templates(path: Path) -> Iterator[Template]:
    """Every template of a key file, in file order."""
    slots: dict[int, list[str]] = {}
    current: int | None = None
    for raw in [*path.read_text(encoding="latin-1").splitlines(), ""]:
        line = raw.rstrip()
        if line.startswith(";"):
            continue
        m = SLOT.match(line)
        if m:
            current = int(m.group(1))
            if current == 0 and slots:
                yield make_template(slots)
                slots = {}
            slots[current] = [(m.group("value") or "").strip()]
        elif line.strip() and current is not None and raw[:1].isspace():
            slots[current].append(line.strip())
        elif not line.strip():
            current = None
    if slots:
        yield make_template(slots)


def make_template(slots: dict[int, list[str]]) -> Template:
    def values(n: int) -> list[str]:
        """The slot's alternatives over all its lines, "?" dropped, empties skipped."""
        out = [unwrap(v.lstrip("? ")) for line in slots.get(n, []) for v in split_top(line)]
        return [v for v in out if v not in EMPTY]

    def fillers(*ns: int) -> tuple[str, ...]:
        found = [s for n in ns for line in slots.get(n, []) for s in strings(line)]
        return tuple(dict.fromkeys(found))

    def labels(n: int) -> tuple[str, ...]:
        found = [a for _o, label, _f in entries(slots.get(n, [])) for a in split_top(label) if a not in EMPTY]
        return tuple(dict.fromkeys(found))

    head = (slots.get(1) or [""])[0]
    optional = "(OPTIONAL)" in head
    dates = tuple(r for v in split_top(" ".join(slots.get(2, []))) if (r := parse_range(v)))
    locations = tuple(loc for v in split_top(" ".join(slots.get(3, []))) if (loc := parse_location(v)))
    return Template(
        message_id=(slots.get(0) or [""])[0].split()[0] if slots.get(0) and slots[0][0] else "",
        number=head.replace("(OPTIONAL)", "").strip() or "*",
        optional=optional,
        dates=dates,
        locations=locations,
        types=tuple(dict.fromkeys(values(4))),
        stage=" / ".join(values(5)),
        category=" / ".join(values(8)),
        perpetrators=fillers(9, 10),
        physical_targets=fillers(12),
        human_targets=fillers(18, 19),
        human_target_types=labels(20),
        dead=dead_count(slots),
        slots=slots,
    )
