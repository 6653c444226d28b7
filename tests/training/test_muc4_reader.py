"""The MUC-4 key reader behind bench/muc4.py: messages, templates and the rule for the gold dead."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontline.training.corpora.muc4 import (
    dead_count,
    parse_location,
    parse_number,
    read_messages,
    read_templates,
)

KEYS = Path(__file__).resolve().parents[3] / "shared" / "data" / "corpora" / "muc4" / "keys"

# Hand-written in the MUC layout (not taken from the keys).
MESSAGES = """\
DEV-MUC9-0001

   PUERTO ALTO (NARNIA), 3 MAR 90 (RADIO EJEMPLO) -- [TEXT] REBELS SET OFF A BOMB
AT THE TOWN HALL, KILLING TWO GUARDS.


DEV-MUC9-0002

   CLANDESTINE, NO DATE (RADIO EJEMPLO) -- [COMMUNIQUE] NOTHING HAPPENED.
"""

KEY = """\
;;; a comment the reader skips
0.  MESSAGE: ID                     DEV-MUC9-0001
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  (02 MAR 90) / (01 MAR 90 - 02 MAR 90)
3.  INCIDENT: LOCATION              (NARNIA: NORTE (PROVINCE): PUERTO ALTO (CITY / PORT)) / (NARNIA)
4.  INCIDENT: TYPE                  BOMBING
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
8.  PERP: INCIDENT CATEGORY         TERRORIST ACT
9.  PERP: INDIVIDUAL ID             "REBELS"
10. PERP: ORGANIZATION ID           "FREE NARNIA FRONT" / "FNF"
12. PHYS TGT: ID                    "TOWN HALL"
18. HUM TGT: NAME                   -
19. HUM TGT: DESCRIPTION            "GUARDS"
                                    "MAYOR"
                                    "PASSERS-BY"
20. HUM TGT: TYPE                   SECURITY GUARD: "GUARDS"
                                    GOVERNMENT OFFICIAL: "MAYOR"
21. HUM TGT: NUMBER                 2: "GUARDS"
                                    1: "MAYOR"
                                    PLURAL: "PASSERS-BY"
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "GUARDS"
                                    INJURY: "MAYOR"
                                    ? DEATH: "PASSERS-BY"
24. HUM TGT: TOTAL NUMBER           -

0.  MESSAGE: ID                     DEV-MUC9-0002
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
3.  INCIDENT: LOCATION              *
4.  INCIDENT: TYPE                  *
"""


def test_messages_and_templates_parse(tmp_path: Path) -> None:
    (tmp_path / "msgs").write_text(MESSAGES)
    (tmp_path / "key").write_text(KEY)
    first, second = read_messages(tmp_path / "msgs")
    assert (first.id, first.place, first.country, first.published) == ("DEV-MUC9-0001", "PUERTO ALTO", "NARNIA", dt.date(1990, 3, 3))
    assert first.text.lstrip().startswith("PUERTO ALTO (NARNIA), 3 MAR 90") and first.text.endswith("TWO GUARDS.")
    assert (second.place, second.published) == ("", None)

    incident, none = read_templates(tmp_path / "key")
    assert incident.relevant and not incident.optional and not none.relevant
    assert incident.message_id == "DEV-MUC9-0001" and none.message_id == "DEV-MUC9-0002"
    assert incident.dates == ((dt.date(1990, 3, 2), dt.date(1990, 3, 2)), (dt.date(1990, 3, 1), dt.date(1990, 3, 2)))
    assert [loc.country for loc in incident.locations] == ["NARNIA", "NARNIA"]
    assert incident.locations[0].names == ["PUERTO ALTO", "NORTE"] and incident.locations[1].names == []
    assert incident.types == ("BOMBING",) and incident.stage == "ACCOMPLISHED"
    assert incident.perpetrators == ("REBELS", "FREE NARNIA FRONT", "FNF")
    assert incident.human_target_types == ("SECURITY GUARD", "GOVERNMENT OFFICIAL")
    # Two guards dead; the optional "? DEATH" of the passers-by (no number) is not counted.
    assert incident.dead == 2


def test_dead_count_rule() -> None:
    # Rule 1: every effect a death and a total given: the total (the named victims overlap).
    overlap = {21: ['6: "PRIESTS"', '1: "RECTOR"'], 23: ['DEATH: "PRIESTS"', 'DEATH: "RECTOR"'], 24: ["6"]}
    assert dead_count(overlap) == 6
    # Rule 2: the deaths' numbers summed; a death without a number makes the count unknown.
    assert dead_count({21: ['3: "A"', '~4: "B"'], 23: ['DEATH: "A"', 'DEATH: "B"', 'INJURY: "C"'], 24: ["9"]}) == 7
    assert dead_count({21: ['PLURAL: "A"'], 23: ['DEATH: "A"', 'INJURY: "B"'], 24: ["-"]}) is None
    # Rule 3: no death: 0.
    assert dead_count({21: ['1: "A"'], 23: ['NO INJURY OR DEATH: "A"'], 24: ["-"]}) == 0
    assert dead_count({}) == 0
    assert [parse_number(v) for v in ("6", "~70", "7 -", "6 / 4", "PLURAL", "-", "? 1")] == [6, 70, 7, 6, None, None, 1]


def test_location_ranges_and_types_with_slashes() -> None:
    loc = parse_location("PERU: ANCASH (DEPARTMENT): CHAVIN (TOWN) - HUARI (TOWN)")
    assert loc is not None and loc.places == (("ANCASH",), ("CHAVIN", "HUARI"))
    usulutan = parse_location("EL SALVADOR: USULUTAN (CITY / COUNTY / DEPARTMENT)")
    assert usulutan is not None and usulutan.names == ["USULUTAN"]
    assert parse_location("*") is None


@pytest.mark.skipif(not KEYS.exists(), reason="needs ../shared/data/corpora/muc4/keys")
def test_real_keys() -> None:
    messages = [*read_messages(KEYS / "tst1-muc3"), *read_messages(KEYS / "tst2-muc4")]
    templates = [*read_templates(KEYS / "key-tst1.v7"), *read_templates(KEYS / "key-tst2.v4")]
    assert len(messages) == 200 and len({m.id for m in messages}) == 200
    assert len(templates) == 275
    assert sum(t.relevant for t in templates) == 191
    assert sum(t.relevant and not t.optional for t in templates) == 160
    assert {t.message_id for t in templates} == {m.id for m in messages}
    assert all(t.types for t in templates if t.relevant) and all(t.locations for t in templates if t.relevant)
