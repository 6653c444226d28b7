"""Reader for CASE 2021 Task 2 (subtask 1) snippets: ``id<TAB>EventSnippet<TAB>SubType`` with a header line.

The codes are CASE's (``ART_MISS_ATTACK``); ``CASE_TO_ACLED`` gives ACLED's sub-type names. The five
non-ACLED codes (``ORG_CRIME``, ``NATURAL_DISASTER``, ``MAN_MADE_DISASTER``, ``DIPLO``, ``ATTRIB``) map to None:
for them "no event" is the right answer.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CASE_TO_ACLED: dict[str, str | None] = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
    "ORG_CRIME": None,
    "NATURAL_DISASTER": None,
    "MAN_MADE_DISASTER": None,
    "DIPLO": None,
    "ATTRIB": None,
}


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    text: str
    code: str  # CASE's code, e.g. "ART_MISS_ATTACK"

    @property
    def sub_event_type(self) -> str | None:
        """ACLED's sub-type, or None for the non-ACLED codes."""
        return CASE_TO_ACLED[self.code]


def read_case2021(path: Path) -> Iterator[Snippet]:
    """Snippets of a CASE 2021 Task 2 TSV. Raises ValueError naming the file and line on an unknown code."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or [h.strip() for h in header[:3]] != ["id", "EventSnippet", "SubType"]:
            raise ValueError(f"{path}: expected a header 'id<TAB>EventSnippet<TAB>SubType'")
        for line, row in enumerate(reader, start=2):
            if not row or not "".join(row).strip():
                continue
            if len(row) != 3:
                raise ValueError(f"{path}:{line}: expected 3 tab-separated fields, got {len(row)}")
            code = row[2].strip()
            if code not in CASE_TO_ACLED:
                raise ValueError(f"{path}:{line}: unknown CASE code {code!r}")
            yield Snippet(row[0].strip(), row[1].strip(), code)
