"""CAMEO and PLOVER codes of ACLED's sub-event types (a small table: ``frontline/data/event_codes.csv``).

Each sub-type maps to the CAMEO code that best describes it, its CAMEO root (the two-digit top level), and
the PLOVER event type and mode that CAMEO code converts to. Sources: the CAMEO→PLOVER conversion table
(openeventdata/PLOVER, CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8) and the PLOVER structured codebook
(ahalterman/NGEC-2025), whose ASSAULT modes (aerial, destroy, ...) refine the 2021 table. "Other" has no code.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class EventCodes:
    cameo_code: str = ""
    cameo_root: str = ""
    plover_type: str = ""
    plover_mode: str = ""


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, EventCodes]:
    text = (resources.files("frontline") / "data" / "event_codes.csv").read_text(encoding="utf-8")
    return {
        row["sub_event_type"]: EventCodes(row["cameo_code"], row["cameo_root"], row["plover_event"], row["plover_mode"])
        for row in csv.DictReader(io.StringIO(text))
    }


def event_codes(sub_event_type: str) -> EventCodes:
    """The sub-type's codes; empty codes for "Other" or an unknown sub-type."""
    return _table().get(sub_event_type, EventCodes())
