"""The blind news proxy's mapping rules (issue 19), on hand-written records; its sizes with ../shared."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from frontline.events.detect import SUB_EVENT_TYPES
from frontline.training.corpora.muc4 import Message, make_template
from frontline.training.corpora.news_proxy import (
    NONE,
    muc4_label,
    muc4_sentence,
    plover_label,
    read_news_proxy,
    read_plover,
    ucdp_label,
)

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def test_plover_rules() -> None:
    assert plover_label("ASSAULT", "suicide-attack") == "Suicide bomb"
    assert plover_label("ASSAULT", "explosives") == "Remote explosive/landmine/IED"
    assert plover_label("PROTEST", "riot-spon") == "Violent demonstration"
    assert plover_label("PROTEST", "demo-org") == "Peaceful protest"
    assert plover_label("CONSULT", "visit") == NONE  # non-violent talk, any mode
    assert plover_label("PROTEST", "riot") is None  # "riot police used tear gas": not the mode's call
    assert plover_label("ASSAULT", "torture") is None
    assert plover_label("AGREE", None) is None  # could be an ACLED Agreement
    assert plover_label("MOBILIZE", "troops") is None


def test_read_plover(tmp_path: Path) -> None:
    records = [
        {"id": "D", "event": "DOCUMENT", "eventText": "docs"},
        {"id": "A", "event": "ASSAULT", "mode": "sexual", "text": "Guards  raped a detainee."},
        {"id": "B", "event": "THREATEN", "mode": "", "text": "X threatened Y."},
    ]
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps(records))
    [snippet] = list(read_plover(path))
    assert (snippet.id, snippet.text, snippet.sub_event_type) == ("A", "Guards raped a detainee.", "Sexual violence")


def template(kind: str, instrument: str = "", dead: bool = False) -> object:
    slots = {0: ["DEV-MUC9-0001"], 1: ["1"], 4: [kind]}
    if instrument:
        slots[7] = [instrument]
    if dead:
        slots[23] = ['DEATH: "GUARD"']
        slots[21] = ['1: "GUARD"']
    return make_template(slots)


def test_muc4_rules() -> None:
    assert muc4_label(template("KIDNAPPING")) == "Abduction/forced disappearance"  # type: ignore[arg-type]
    assert muc4_label(template("BOMBING", 'DYNAMITE: "DYNAMITE"')) == "Remote explosive/landmine/IED"  # type: ignore[arg-type]
    assert muc4_label(template("BOMBING", 'GRENADE: "GRENADE"')) is None  # type: ignore[arg-type]
    assert muc4_label(template("BOMBING")) is None  # no instrument: could be anything  # type: ignore[arg-type]
    assert muc4_label(template("ARSON")) == "Looting/property destruction"  # type: ignore[arg-type]
    assert muc4_label(template("ARSON", dead=True)) is None  # type: ignore[arg-type]
    assert muc4_label(template("ATTACK")) is None  # type: ignore[arg-type]


def test_muc4_sentence_after_dateline() -> None:
    text = ("PUERTO ALTO (NARNIA), 3 MAR 90 (RADIO EJEMPLO) -- [TEXT] THE MAYOR SPOKE TODAY. "
            "REBELS SET OFF A BOMB AT THE TOWN HALL. NOBODY WAS HURT.")
    message = Message("DEV-MUC9-0001", "PUERTO ALTO", "NARNIA", None, text)
    assert muc4_sentence(message, "Remote explosive/landmine/IED") == "REBELS SET OFF A BOMB AT THE TOWN HALL."
    assert muc4_sentence(message, "Abduction/forced disappearance") is None


def test_ucdp_rules() -> None:
    gov, rebels = "Government of Syria", "IS"
    assert ucdp_label("Warplanes target Idlib countryside", "1.0", gov) == "Air/drone strike"
    assert ucdp_label("Warplanes target Idlib countryside", "1.0", rebels) is None  # only states fly
    assert ucdp_label("Clashes continue in Aleppo", "2.0", rebels) == "Armed clash"
    assert ucdp_label("Shells hit Dahya and clashes continue", "1.0", gov) is None  # two rules: ambiguous
    assert ucdp_label("IS executes 5 civilians", "3.0", rebels) == "Attack"
    assert ucdp_label("IS executes 5 fighters", "2.0", rebels) is None  # Attack needs one-sided violence
    assert ucdp_label("Human losses in Shekh Meskin", "1.0", gov) is None


@pytest.mark.skipif(not (DATA / "ucdp").exists(), reason="needs ../shared/data")
def test_sizes_per_source() -> None:
    snippets = read_news_proxy(DATA)
    sizes = Counter(s.source for s in snippets)
    assert sizes == {"plover": 177, "muc4": 28, "ucdp": 813}
    assert {s.sub_event_type for s in snippets} <= {*SUB_EVENT_TYPES, NONE}
    assert len({(s.source, s.text.lower()) for s in snippets if s.source == "ucdp"}) == sizes["ucdp"]  # de-duplicated
