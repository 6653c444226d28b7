"""headline: the historical present of headlines and wire leads, told again in the past tense the
training notes use ("The SDF expel ISIS from Ziban town" -> "The SDF expelled ISIS from Ziban town").

The typer learned its words from coders' notes, which tell every event in the past tense; a headline's
"expels", "targets", "kill" are words it has rarely seen. ``past_tense`` gives the typer a second
reading of a sentence it found no event in (``typing_model.LearnedTyper``); it is no parser: it maps a
fixed list of verbs of violence and control, in their present forms, to their past forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..text.timex import MONTH_WORD
from .detect import TERRITORY_SUBS, TypedSpan

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


# --- A headline's nominal style: a toll, a weapon or a fight named with no verb the typer knows ----------------
#
# "Dozens killed in bombing of national hospital in Idlib", "8 casualties in the raids at Deir al-Asafir",
# "19 raids target Sheikh Meskin", "Advances for regime forces in Hama countryside". The typer finds an event
# likely in many of them, but no trigger word of the notes and no sub-type at 0.5 (``UNTRIGGERED_THRESHOLD``),
# or it reads them as "no event": the notes tell every event in full past-tense sentences. ``headline_reading``
# takes the headline's own cue (a weapon, a fight, an advance, a toll) as the trigger, and the model's likeliest
# sub-type among those the cue allows. Only for a line with no full stop at its end (a headline, a title), and
# not for an accident, a statement or a court's news.

EXPLOSIONS = ("Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb", "Grenade")
FIGHT = ("Armed clash", "Attack")
VIOLENT = EXPLOSIONS + FIGHT
TERRITORY_TAKEN = TERRITORY_SUBS
# Aircraft make a weapon's, a fight's or a toll's cue an air strike; alone they tell no event ("aircraft drop
# leaflets", "cargo planes drop aid").
_AIRCRAFT = re.compile(r"\b(?<!cargo\s)(?:warplanes?|war\s+planes?|planes?|jets|aircraft|helicopters?|drones?)\b", re.IGNORECASE)
_AIR = ("Air/drone strike",)
_TOLL_WORD = r"(?:killed|dead|died|deaths?|casualties|martyrs?|martyrdom|wounded|injured|injuries|losses|bodies)"
_QUANTITY = r"(?:\d+|dozens|tens|scores|hundreds|several|many|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)"
# War news' "X targets Y": places, forces and buildings are targeted by fire, a budget or a market share are not.
_TARGETED = (
    r"(?:the\s+|in\s+)targeting\b|target(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){0,4}?(?:areas?|towns?|cit(?:y|ies)|villages?|positions?|neighbou?rhoods?|"
    r"(?:air)?bases?|airports?|headquarters?|convoys?|patrols?|vehicles?|cars?|buses|checkpoints?|countryside|outskirts|posts?|points?|regime|army|"
    r"forces|soldiers|troops|fighters|civilians|camps?|hospitals?|markets?|schools?|mosques?|streets?|commanders?|leaders?|members?|officers?)\b"
    # a named place or force, when an armed party targets it (not "Apple targets Samsung")
    r"|(?:forces|regime|army|troops|soldiers|rebels?|factions?|militants?|militias?|fighters|jihadists?|insurgents?|gunmen|coalition|organi[sz]ation"
    r"|islamic\s+state|daesh|nusra|hezbollah|(?-i:IS|ISIS|ISIL|SDF|YPG|HTS))[\"”]?\s+(?:[\w'’-]+\s+){0,2}?target(?:s|ed)?\s+(?:the\s+)?(?-i:[A-Z\"“])"
)
# An armed group's punishments, told in the headline's present: the codebook's attack on civilians.
_PUNISHED = (
    r"crucif(?:y|ies|ied)\b|flog(?:s|ged|ging)\b|lash(?:es|ed)\s+(?:an?|the|\d+)\b|\d+\s+lashes\b|ston(?:e|es|ed)\s+(?:an?|the)\s+(?:\w+\s+){0,2}?(?:wom[ae]n|m[ae]n|citizens?|girl|boy)\b"
    r"|throw(?:s|n)?\s+(?:an?|the|\d+)\s+(?:\w+\s+){0,2}?(?:m[ae]n|wom[ae]n|citizens?|youths?)\s+(?:from|off)\b"
)
# (cue, the sub-types it allows), first match in this order decides: the weapon, then the fight, then the toll.
_CUES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(rf"\b(?:{p})", re.IGNORECASE), subs)
    for p, subs in (
        # SOHR's "raids" are air raids; not raids on houses (searches, arrests).
        ((r"(?:air|aerial)\s+(?:attacks?|bombing|raids?|strikes?)|airstrikes?|\d+\s+raids\b|raids?\s+(?:on|target\w*|at|in|that|which|by)\b(?!\s+(?:the\s+)?(?:houses?|homes?|shops?|offices?)\b)"
         r"|(?:intensive|intense|continuous|morning|night|new|more|renewed|heavy|russian|coalition|regime)\s+raids\b|^raids\b|(?<!hunger\s)(?<!general\s)(?<!labor\s)(?<!labour\s)strikes\s+(?:on|target|hit|in|kill)\b"), _AIR),
        (r"missiles?|missels?|rockets?|shells?\b|shelling|mortars?|artillery|(?<!water\s)cannons?\b", ("Shelling/artillery/missile attack",)),
        (r"explosions?|blasts?|bomb(?:s|ings?)?\b|ieds?\b|explosive\s+devices?|explosives\b|land\s*mines?|booby[\s-]*trap\w*|detonat\w+|(?:car|truck|motorcycle)\s+bomb\w*", EXPLOSIONS),
        (_PUNISHED, ("Attack",)),
        (r"(?:counter)?attacks?\b|counter-attacks?|offensive|clash(?:es)?\b|confrontations?|battles?\b|(?:in)?fighting|military\s+operations?|ambush\w*|assault\w*", FIGHT),
        ((r"advanc(?:es?|ed|ing|ement)\b|progress\w*|(?:re)?gain(?:s|ed)?\s+(?:control|more)|expand\w*\s+(?:their|its)\s+control|control(?:s|led)?\s+(?:of\s+|over\s+)?(?:the\s+)?"
         r"(?:\w+\s+){0,2}?(?:towns?|villages?|hills?|points?|areas?|cit(?:y|ies)|neighbou?rhoods?|farms?|road|positions?|parts?|part)\b|expel(?:s|led)?\b"), TERRITORY_TAKEN),
        ((rf"{_QUANTITY}\s+(?:\w+\s+){{0,6}}?{_TOLL_WORD}\b|{_TOLL_WORD}\s+(?:and|&)\s+{_TOLL_WORD}\b|^(?:more\s+)?(?:human\s+|[\w-]+\s+)?(?:casualties|losses|deaths|martyrs|dead)\b|kill(?:s|ed|ing)\b|shot\s+dead"
         rf"|(?:human\s+)?losses\s+(?:in|among)\b|kill(?:s|ing|ed)?\s+(?:at\s+least\s+|about\s+|more\s+than\s+|nearly\s+)?{_QUANTITY}\b|{_TARGETED}|assassinations?\b"), VIOLENT),
    )
)
# A sentence told in full ends with a full stop, whatever quotes or brackets follow ('... they said."', '... police. [').
_FULL_STOP = re.compile(r"[.!?]\W*$")
# Not an event of the day: what someone may do, an accident, a statement, a court's or an inquiry's news.
_NOT_AN_EVENT = re.compile(
    r"\b(?:(?:trying|tries|try|attempts?|attempting|preparing|prepares?|plans?|planning|aims?|threatens?|vows?|will|would|could|may|might)\s+(?:to\s+)?"
    r"(?:\w+\s+)?(?:advanc|attack|target|storm|captur|control|strik)\w*|accident\w*|crash(?:ed|es)?|food\s+poisoning|earthquake|flood\w*|accus\w+|condemn\w*|"
    r"appeals?|court|trial|ruling|investigat\w*|war\s+crimes?|negotiat\w*|calls?\s+(?:up)?on|urges?|warns?|suspects?)\b",
    re.IGNORECASE,
)


def headline_reading(sentence: str, probs: Mapping[str, float], context: str | None = None) -> tuple[str, int, int, float] | None:
    """The event a headline in nominal style tells: (sub-type, cue start, cue end, confidence), or None.

    A headline is the first line of its text (``context``, its passage, starts with it; or no context) and
    has no full stop at its end: a body's sentence, or a notes' one, is told in full.

    The sub-type is the likeliest in ``probs`` (the typer's class probabilities of the line) among those its
    first cue allows; territory cues give ``TERRITORY_TAKEN``'s likelier one (the taker decides later). The
    confidence is that sub-type's share of the allowed ones, times the model's probability of some event."""
    line = sentence.strip()
    if not line or _FULL_STOP.search(line) or _NOT_AN_EVENT.search(line):
        return None
    if context is not None and not context.lstrip().startswith(line):
        return None  # not the first line of its text
    for pattern, subs in _CUES:
        if (m := pattern.search(sentence)) is None:
            continue
        if subs in (EXPLOSIONS, FIGHT, VIOLENT) and _AIRCRAFT.search(line):
            subs = _AIR
        total = sum(probs.get(s, 0.0) for s in subs)
        sub = max(subs, key=lambda s: (probs.get(s, 0.0), s))
        share = probs.get(sub, 0.0) / total if total > 0 else 1.0 / len(subs)
        if subs == TERRITORY_TAKEN:
            share = 1.0
        return sub, m.start(), m.end(), share * (1.0 - probs.get("NO_EVENT", 0.0))
    return None


# A line that opens on its date ("April 28th 2017:", "March 21st-22nd 2017:", "12 May 2017 -"): a log entry's
# or a dateline's form; what follows is read for a happening. Headlines that tell one ("IS executes 8 in
# Tadmur") do not start so.
_DATED = re.compile(rf"^\W*(?:{MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_WORD}|\d{{4}}-\d{{2}}-\d{{2}})\b", re.IGNORECASE)


def names_no_happening(sentence: str, context: str | None) -> bool:
    """A headline that opens on its date and has no word of a happening: no verb of ``past_tense``, no cue of ``headline_reading``
    (the caller has found no trigger of the typing lexicon either). Airwars' location stubs ("June 13th
    2017: (S847) Ziban town, ... Raqqa governorate, Syria") are a date and a place; the typer, which
    learned from notes that each tell an event, reads a line of place names as one ("Change to
    group/activity"). Only for a headline: the first line of its text with no full stop at its end."""
    line = sentence.strip()
    if not _DATED.match(line) or _FULL_STOP.search(line) or (context is not None and not context.lstrip().startswith(line)):
        return False
    return _VERB.search(line) is None and not any(pattern.search(line) for pattern, _subs in _CUES)


def reread(
    sentence: str,
    context: str | None,
    probs: Mapping[str, float],
    retype: Callable[[str, str | None], list[TypedSpan]],
    taker: Callable[[str], str],
) -> list[TypedSpan]:
    """A line the typer found no event in, read again as a headline: its present tense in the notes' past
    (``past_tense``, typed again by ``retype``; the spans cover the whole line), else its nominal style by its
    cue (``headline_reading``; ``taker`` picks the territory sub-type). Empty when neither tells an event."""
    past = past_tense(sentence)
    if past is not None and past != sentence and (again := retype(past, context)):
        return [TypedSpan(s.sub_event_type, 0, len(sentence), s.confidence) for s in again]
    read = headline_reading(sentence, probs, context)
    if read is None:
        return []
    sub, start, end, confidence = read
    return [TypedSpan(taker(sub) if sub in TERRITORY_SUBS else sub, start, end, confidence)]
