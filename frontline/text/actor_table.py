"""The actor table: ``frontline/data/actors.tsv`` (and users' own TSVs) read into entries, and the name
normalisation its patterns are keyed by.

TSV columns: ``pattern name inter country generic origin [case]``

* ``inter``: ACLED inter code 1-8 as a domestic actor (a foreign state's forces stay 1
  here; the caller turns them into 8).
* ``country``: ISO2 of the actor's own country, or empty.
* ``generic``: 0 named group; 1 generic mention; 2 generic mention that counts only
  when a nationality adjective qualifies it ("Russian warplanes": bare "warplanes"
  says nothing about whose they are).
* ``case`` (optional): 1 case-sensitive, 0 case-insensitive, empty: automatic
  (short all-caps acronyms such as "IS", "HTS", "M23" are case-sensitive).
"""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from ..paths import DATA_DIR

log = logging.getLogger(__name__)

PACKAGED_TSV = DATA_DIR / "actors.tsv"
# ACLED's periods for state forces ("Military Forces of Syria (2000-)"), by name.
PACKAGED_PERIODS = DATA_DIR / "state_periods.tsv"
COLUMNS: tuple[str, ...] = (
    "pattern",
    "name",
    "inter",
    "country",
    "generic",
    "origin",
    "case",
)

NAMED, GENERIC, GENERIC_NEEDS_ADJECTIVE = 0, 1, 2

# Every non-word character becomes a space, one for one, so offsets into the normalised
# text are offsets into the original; "al-Nusra" and "al Nusra" then look the same, and
# padding patterns with spaces makes every match a whole-word match.
NON_WORD = re.compile(r"[\W_]")
WHITESPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Lower-case ``text`` and turn every non-word character into a space, same length."""
    low = text.lower()
    if len(low) != len(text):
        # "İ" lowers to two code points: keep such characters as they are.
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return NON_WORD.sub(" ", low)


def pattern_key(pattern: str) -> str:
    """The automaton key of a pattern (what it must look like in normalised text)."""
    return normalize(pattern).strip()


def is_acronym(pattern: str) -> bool:
    """Short all-caps tokens ("IS", "HTS", "M23", "JeI") must match case-sensitively."""
    p = pattern.strip()
    if " " in p or not 2 <= len(p) <= 5 or not p.isalnum():
        return False
    return p.isupper() or sum(c.isupper() for c in p) >= 2


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary row."""

    pattern: str
    name: str
    inter: int
    country: str | None
    generic: int  # NAMED, GENERIC or GENERIC_NEEDS_ADJECTIVE
    origin: str
    case_sensitive: bool

    @property
    def key(self) -> str:
        return pattern_key(self.pattern)


def _parse_bool(value: str, default: bool) -> bool:
    v = value.strip().lower()
    if v in ("1", "true", "yes", "cs"):
        return True
    if v in ("0", "false", "no", "ci"):
        return False
    return default


def read_actor_tsv(path: Path | str) -> list[ActorEntry]:
    """Read one actor TSV; malformed rows are logged and skipped."""
    path = Path(path)
    entries: list[ActorEntry] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(
            csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1
        ):
            if not row or not row[0].strip() or row[0].startswith("#"):
                continue
            if row[0] == "pattern":  # header row
                continue
            row = row + [""] * (len(COLUMNS) - len(row))
            pattern, name, inter_s, country, generic_s, origin, case_s = (
                c.strip() for c in row[:7]
            )
            try:
                inter = int(float(inter_s))
                generic = (
                    int(generic_s)
                    if generic_s.isdigit()
                    else int(_parse_bool(generic_s, False))
                )
            except ValueError:
                log.warning(
                    "%s:%d: bad inter/generic %r/%r, row skipped",
                    path,
                    lineno,
                    inter_s,
                    generic_s,
                )
                continue
            if (
                not pattern_key(pattern)
                or not name
                or not 1 <= inter <= 8
                or generic not in (0, 1, 2)
            ):
                log.warning("%s:%d: malformed row skipped: %r", path, lineno, row)
                continue
            entries.append(
                ActorEntry(
                    pattern=pattern,
                    name=name,
                    inter=inter,
                    country=country.upper() or None,
                    generic=generic,
                    origin=origin or path.stem,
                    case_sensitive=_parse_bool(case_s, is_acronym(pattern)),
                )
            )
    return entries


def read_periods(path: Path) -> dict[str, list[tuple[int, int | None]]]:
    """name -> [(start, end or None)] from a periods TSV; a missing file gives no periods."""
    periods: dict[str, list[tuple[int, int | None]]] = {}
    if not path.exists():
        return periods
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, start, end = (line.split("\t") + ["", ""])[:3]
        try:
            periods.setdefault(name, []).append((int(start), int(end) if end.strip() else None))
        except ValueError:
            log.warning("%s: bad period row skipped: %r", path, line)
    return periods


