"""A blind proxy for event typing (issue 19): news-style snippets with ACLED sub-type labels from sources
that typing never trains on and that are not CASE 2021. Used by bench/event_typing.py; docs/typing.md
("Blind news proxy") lists the rules and sizes.

Sources and rules (a snippet is kept only when exactly one rule gives it a sub-type):

- ``plover``: the 323 PLOVER gold records (``plover/PLOVER_GSR_CAMEO.txt``), the record's ``text``, labelled by
  its coded event and mode (``PLOVER_RULES``); non-violent talk (CONSULT, DEMAND, ...) is "no event".
  Training reads PLOVER's synthetic stories, never these records.
- ``muc4``: the MUC-4 TST1/TST2 keys, a message whose relevant templates all map to one sub-type by their
  incident type (and, for bombings, instrument type): KIDNAPPING, BOMBING with bomb/dynamite/explosive
  only, ARSON with no dead. The text is the first of the message's first three sentences after the
  dateline that names the incident (``MUC4_CUES``), upper case as sent.
- ``ucdp``: UCDP GED Syria headlines (``source_headline`` split on ";"). UCDP's structured fields
  (type_of_violence, side_a) fix no ACLED sub-type on their own, so these labels are read from the
  headline's own words (``UCDP_RULES``), constrained by the structured fields: this source is partly
  circular (it measures whether the typer reads the words a rule reads), and is reported on its own.
"""

from __future__ import annotations

import csv
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from frontline.training.corpora.muc4 import (
    Message,
    Template,
    read_messages,
    read_templates,
)

NONE = "no event"
UCDP_FILE = Path("ucdp") / "ged_syria_2016_2017.csv"
PLOVER_FILE = Path("plover") / "PLOVER_GSR_CAMEO.txt"
MUC4_KEYS = Path("corpora") / "muc4" / "keys"
MUC4_PAIRS = (("key-tst1.v7", "tst1-muc3"), ("key-tst2.v4", "tst2-muc4"))
UCDP_PER_CLASS = 200  # headlines kept per sub-type (seeded by CRC32 of the text), to keep the bench short


@dataclass(frozen=True, slots=True)
class ProxySnippet:
    source: str  # "plover", "muc4", "ucdp"
    id: str
    text: str
    sub_event_type: str  # an ACLED sub-type, or "no event"
    rule: str  # the rule that gave the label


# PLOVER (event, mode) -> ACLED sub-type; mode None: any mode. Only where the code fixes the sub-type.
PLOVER_RULES: dict[tuple[str, str | None], str] = {
    ("ASSAULT", "suicide-attack"): "Suicide bomb",
    ("ASSAULT", "explosives"): "Remote explosive/landmine/IED",
    ("ASSAULT", "sexual"): "Sexual violence",
    ("ASSAULT", "assassinate"): "Attack",
    ("ASSAULT", "primitive"): "Attack",
    ("FIGHT", "heavy-weapons"): "Shelling/artillery/missile attack",
    ("FIGHT", "firearms"): "Armed clash",
    ("PROTEST", "demo-org"): "Peaceful protest",
    ("PROTEST", "demo-spon"): "Peaceful protest",
    ("PROTEST", "strike-hun"): "Peaceful protest",
    ("PROTEST", "strike-gen"): "Peaceful protest",
    ("PROTEST", "riot-spon"): "Violent demonstration",
    ("COERCE", "arrest"): "Arrests",
    ("COERCE", "destroy"): "Looting/property destruction",
    **{(event, None): NONE for event in ("CONSULT", "DEMAND", "DISAPPROVE", "SUPPORT", "AID", "COOPERATE", "INVESTIGATE", "REJECT")},
}


def plover_label(event: str, mode: str | None) -> str | None:
    """The ACLED sub-type (or "no event") a PLOVER gold record's event and mode fix; None when they fix none."""
    return PLOVER_RULES.get((event, mode or None)) or PLOVER_RULES.get((event, None))


def read_plover(path: Path) -> Iterator[ProxySnippet]:
    for record in json.loads(path.read_text(encoding="utf-8")):
        label = plover_label(record.get("event", ""), record.get("mode"))
        text = " ".join(str(record.get("text", "")).split())
        if label and text:
            yield ProxySnippet("plover", record["id"], text, label, f"{record['event']}/{record.get('mode') or '*'}")


BOMB_INSTRUMENTS = {"BOMB", "DYNAMITE", "EXPLOSIVE", "VEHICLE BOMB"}
MUC4_CUES = {
    "Abduction/forced disappearance": re.compile(r"KIDNAP|ABDUCT|HOSTAGE|SEIZED|CAPTURED"),
    "Remote explosive/landmine/IED": re.compile(r"BOMB|DYNAMITE|EXPLO"),
    "Looting/property destruction": re.compile(r"ARSON|FIRE|BURN|TORCH"),
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")
_HEADER = re.compile(r"^.*?--\s*(?:\[[^\]]*\]\s*)*", re.DOTALL)


def muc4_label(template: Template) -> str | None:
    """The ACLED sub-type one MUC-4 template fixes; None when it fixes none (ATTACK, ROBBERY, ...)."""
    if template.types == ("KIDNAPPING",):
        return "Abduction/forced disappearance"
    if template.types == ("BOMBING",):
        kinds = {line.lstrip("? ").partition(":")[0].strip() for line in template.slots.get(7, []) if line.strip(" *-")}
        return "Remote explosive/landmine/IED" if kinds and kinds <= BOMB_INSTRUMENTS else None
    if template.types == ("ARSON",) and template.dead == 0:
        return "Looting/property destruction"
    return None


def muc4_sentence(message: Message, label: str) -> str | None:
    """The first of the first three sentences after the dateline that names the incident; None if none."""
    body = " ".join(_HEADER.sub("", message.text, count=1).split())
    for sentence in _SENTENCE_END.split(body)[:3]:
        if MUC4_CUES[label].search(sentence):
            return sentence
    return None


def read_muc4(keys: Path) -> Iterator[ProxySnippet]:
    for key_file, text_file in MUC4_PAIRS:
        templates: dict[str, list[Template]] = {}
        for template in read_templates(keys / key_file):
            if template.relevant and not template.optional:
                templates.setdefault(template.message_id, []).append(template)
        for message in read_messages(keys / text_file):
            labels = {muc4_label(t) for t in templates.get(message.id, [])}
            if len(labels) != 1 or None in labels:
                continue
            label = labels.pop()
            assert label is not None
            sentence = muc4_sentence(message, label)
            if sentence:
                yield ProxySnippet("muc4", message.id, sentence, label, "/".join(templates[message.id][0].types))


# UCDP: (sub-type, headline pattern, allowed type_of_violence, side_a must be a government).
UCDP_RULES: list[tuple[str, re.Pattern[str], set[str], bool]] = [
    ("Air/drone strike", re.compile(r"\b(air ?strikes?|air ?raids?|warplanes?|barrel bombs?|helicopters?)\b", re.IGNORECASE), {"1"}, True),
    ("Shelling/artillery/missile attack", re.compile(r"\b(shell(s|ing|ed)?|mortars?|artillery|rockets?|missiles?)\b", re.IGNORECASE), {"1", "2"}, False),
    ("Armed clash", re.compile(r"\b(clash(es)?|fighting|battles?|confrontations?)\b", re.IGNORECASE), {"1", "2"}, False),
    ("Suicide bomb", re.compile(r"\b(suicide|self-detonat\w*|blew (him|them)sel(f|ves) up)", re.IGNORECASE), {"1", "2", "3"}, False),
    ("Remote explosive/landmine/IED", re.compile(r"\b(ied|car bomb|booby[- ]trap\w*|explosive device|land ?mines?|bomb explosion)\b", re.IGNORECASE), {"1", "2", "3"}, False),
    ("Attack", re.compile(r"\b(execut\w*|behead\w*|slaughter\w*)\b", re.IGNORECASE), {"3"}, False),
]


_MARKUP = re.compile(r"[<>=]|&#|\.jpg")  # scraped HTML left in a few headlines


def ucdp_label(headline: str, type_of_violence: str, side_a: str) -> str | None:
    """The sub-type of exactly one rule whose words and structured constraints the headline meets; else None."""
    violence = type_of_violence.split(".")[0]
    hits = {
        sub
        for sub, pattern, kinds, government in UCDP_RULES
        if pattern.search(headline) and violence in kinds and (not government or side_a.startswith("Government of"))
    }
    misses = {sub for sub, pattern, *_ in UCDP_RULES if pattern.search(headline)} - hits
    return hits.pop() if len(hits) == 1 and not misses else None


def read_ucdp(path: Path, per_class: int = UCDP_PER_CLASS) -> Iterator[ProxySnippet]:
    seen: set[str] = set()
    found: dict[str, list[ProxySnippet]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for headline in (h.strip() for h in row["source_headline"].split(";")):
                key = headline.lower()
                if len(headline) < 15 or key in seen or _MARKUP.search(headline):
                    continue
                seen.add(key)
                label = ucdp_label(headline, row["type_of_violence"], row["side_a"])
                if label:
                    found.setdefault(label, []).append(ProxySnippet("ucdp", row["id"], headline, label, "headline words"))
    for label in sorted(found):
        chosen = sorted(found[label], key=lambda s: zlib.crc32(s.text.encode()))[:per_class]
        yield from sorted(chosen, key=lambda s: s.text)


def read_news_proxy(data: Path) -> list[ProxySnippet]:
    """The blind proxy's snippets from ``data`` (``../shared/data``), PLOVER then MUC-4 then UCDP."""
    return [*read_plover(data / PLOVER_FILE), *read_muc4(data / MUC4_KEYS), *read_ucdp(data / UCDP_FILE)]
