"""headline: the historical present of headlines and wire leads, told again in the past tense the
training notes use ("The SDF expel ISIS from Ziban town" -> "The SDF expelled ISIS from Ziban town").

The typer learned its words from coders' notes, which tell every event in the past tense; a headline's
"expels", "targets", "kill" are words it has rarely seen. ``past_tense`` gives the typer a second
reading of a sentence it found no event in (``typing_model.LearnedTyper``); it is no parser: it maps a
fixed list of verbs of violence and control, in their present forms, to their past forms.
"""

from __future__ import annotations

import re

# present form -> past form. Forms that are as often nouns ("attacks", "raids", "strikes", "shells",
# "bombs", "arrests", "protests", "clashes") are left out: those nouns are triggers already.
_PAST = {
    "expel": "expelled", "expels": "expelled", "kill": "killed", "kills": "killed",
    "target": "targeted", "targets": "targeted", "capture": "captured", "captures": "captured",
    "recapture": "recaptured", "recaptures": "recaptured", "seize": "seized", "seizes": "seized",
    "storm": "stormed", "storms": "stormed", "retake": "retook", "retakes": "retook",
    "advance": "advanced", "advances": "advanced", "control": "controlled", "controls": "controlled",
    "shoot": "shot", "shoots": "shot", "injure": "injured", "injures": "injured", "wound": "wounded",
    "wounds": "wounded", "abduct": "abducted", "abducts": "abducted", "kidnap": "kidnapped",
    "kidnaps": "kidnapped", "detain": "detained", "detains": "detained", "torch": "torched",
    "torches": "torched", "loot": "looted", "loots": "looted", "bomb": "bombed", "launch": "launched",
    "launches": "launched", "repel": "repelled", "repels": "repelled", "besiege": "besieged",
    "besieges": "besieged", "withdraw": "withdrew", "withdraws": "withdrew", "hits": "hit",
    "ambush": "ambushed", "ambushes": "ambushed", "assault": "assaulted", "assaults": "assaulted",
    "shell": "shelled", "drop": "dropped", "drops": "dropped", "pound": "pounded",
}
_VERB = re.compile(r"\b(" + "|".join(sorted(_PAST, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def past_tense(sentence: str) -> str | None:
    """``sentence`` with its present-tense verbs of violence and control in the past tense; None when it
    has none."""
    if _VERB.search(sentence) is None:
        return None
    return _VERB.sub(lambda m: _case_like(m.group(1), _PAST[m.group(1).lower()]), sentence)


def _case_like(word: str, past: str) -> str:
    if word.isupper():
        return past.upper()
    return past.capitalize() if word[0].isupper() else past
