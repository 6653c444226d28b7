"""Readings the learned typer's words cannot make alone (inference only; docs/typing.md, augmentation round and
rare sub-types round).

- A source that denies an act does not report it: "The army denied that rebels attacked the farm" tells no
  attack. ``denies_every_trigger``: the sentence's event triggers all lie in a clause that a source denies.
  A denial of who did it ("denied that its soldiers were involved in the killing", "denied responsibility")
  still tells of the act, and is left alone.
- ACLED's violent demonstration is the demonstrators' violence, so it needs demonstrators: with no
  demonstration named in the sentence and no trigger of the sub-type (riot, stone-pelting, ...),
  ``without_unnamed_demonstration`` gives the model's probability for it to "no event". News of gunmen
  firing at students is no demonstration, whatever the notes' students did.
- A sentence that only follows up the event told before it (arrests of the perpetrators, a toll) is no event of its
  own (``follows_up``, ``previous_sentence``); the passage's sentences are ``neighbours``.
- The territory trigger read for what was taken (``ground_taken``): goods or people are no ground, a peaceful
  taking is a non-violent transfer, and a battle that took ground is the taking, not an armed clash.
- Rape named by a court, an accusation or a crime figure is no sexual violence of the day (``no_sexual_act``).
- Organised crime's arrests and counted kidnappings are no event, civilians evacuated are the codebook's "Other",
  mine attacks and IEDs detonated at a target are remote explosives, a bomber who "detonated himself" a suicide bomb
  (``after_rules``, which also applies ``ground_taken``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .detect import TERRITORY, TERRITORY_SUBS, TypedSpan
from .rare_rules import EXPLOSIVE_SUBS, FIRED_WEAPON

# "denied that", "denies reports that", "denied in a statement that"; the clause runs to a break ("; ", ", but").
_DENIAL = re.compile(r"\bden(?:y|ies|ied|ying)\s+(?:[\w'-]+\s+){0,4}?that\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r";|,?\s+\b(?:but|while|whereas|although|though)\b", re.IGNORECASE)
# The most words a source's name takes before its denial ("The interior ministry's spokesman").
_SOURCE_WORDS = 6
# Words that make a denial one of the perpetrator or of a role, not of the act itself.
_WHO_DID_IT = re.compile(r"\b(?:involv\w*|responsib\w*|behind|role|carried\s+out|perpetrat\w*|links?|linked|ordered|part\s+in)\b", re.IGNORECASE)


def denies_every_trigger(sentence: str, hits: Iterable[TypedSpan]) -> bool:
    """True when a source denies the act that every event trigger of the sentence names (and there is one)."""
    clauses = []
    for m in _DENIAL.finditer(sentence):
        end = _end(sentence, m.end())
        if not _WHO_DID_IT.search(sentence, m.end(), end):
            clauses.append((m.start(), m.end(), end))
    if not clauses:
        return False
    hits = list(hits)
    if hits:  # no trigger outside the denied clauses: nothing is reported
        return all(any(a <= h.start < b for _, a, b in clauses) for h in hits)
    # The model alone reads an event: only a sentence that is the denial and nothing else ("The army denied that
    # rebels attacked the farm."; a few words of source before it) tells none; else the act may lie outside.
    start, _, end = clauses[0]
    return len(sentence[:start].split()) <= _SOURCE_WORDS and not sentence[end:].strip(" .\"'”’")


def _end(sentence: str, start: int) -> int:
    e = _CLAUSE_END.search(sentence, start)
    return e.start() if e else len(sentence)


def without_unnamed_demonstration(probs: dict[str, float], triggered: bool, named: bool) -> dict[str, float]:
    """``probs`` with Violent demonstration's probability given to no event, unless the sub-type's trigger
    fired (``triggered``) or the sentence names a demonstration (``named``)."""
    vd = probs.get("Violent demonstration", 0.0)
    if triggered or named or vd <= 0.0:
        return probs
    return {**probs, "Violent demonstration": 0.0, "NO_EVENT": probs.get("NO_EVENT", 0.0) + vd}  # typing_model.NO_EVENT (imports this module)


# --- Rare sub-types round (issue 19, docs/typing.md "Rare sub-types round"): what a note's follow-up sentence, a
# battle for ground, a peaceful handover and a protest against rape tell. Inference only; the lexicon is unchanged.

# A sentence that tells only the toll of an event told before it ("There were no casualties.", "Two police officers
# were injured.", "Casualties unknown."): the model, trained on notes that always tell an act, reads a clash in it.
_COUNT = r"(?:no|zero|unknown|an?\s+unknown\s+number\s+of|several|some|many|multiple|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores)"
_HURT = (r"(?:the\s+)?(?:[\w'-]+\s+){1,5}?(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|injured|wounded|hurt)"
         r"(?:\s+in\s+the\s+(?:\w+\s+)?(?:attack|incident|clash(?:es)?|blast|explosion|fighting))?")
_TOLL_ONLY = re.compile(
    rf"^\W*(?:(?:there\s+(?:were|was|are|is|have\s+been|has\s+been)\s+)?(?:at\s+least\s+)?{_COUNT}\s+(?:other\s+|reported\s+|more\s+)?"
    r"(?:casualt(?:y|ies)|fatalit(?:y|ies)|deaths?|injur(?:y|ies)|dead|injured|wounded)(?:\s+(?:were\s+|was\s+)?(?:reported|occurred|recorded))?"
    r"|(?:casualties|fatalities)\s+(?:are\s+|were\s+|remain\s+)?(?:unknown|unclear|not\s+(?:known|reported))"
    r"|no\s+(?:one|body|casualties|injuries)\s+(?:was|were)\s+(?:reported\s+)?(?:hurt|injured|killed|reported)"
    rf"|{_HURT}(?:,?\s+and\s+{_HURT})?)"
    r"\W*$",
    re.IGNORECASE,
)


def neighbours(sentence: str, context: str | None) -> tuple[str, ...]:
    """The text before and after the sentence in its passage (its neighbouring sentences), if any."""
    if not context:
        return ()
    at = context.find(sentence)
    if at < 0:
        return ()
    return tuple(t for t in (context[:at].strip(), context[at + len(sentence) :].strip()) if t)


def previous_sentence(sentence: str, context: str | None) -> str:
    """The text of the passage before the sentence (its previous sentence), or ""."""
    at = context.find(sentence) if context else -1
    return context[:at].strip() if context and at > 0 else ""


def follows_up(own: list[TypedSpan], hits: list[TypedSpan], sentence: str) -> bool:
    """The sentence's reading is one that a follow-up sentence gives: arrests (of the perpetrators, after an attack or
    a clash: "The perpetrators were arrested."), or a toll told with no trigger of an act. The typer drops it when the
    sentence before tells of another event: the note's or the article's event is that one."""
    if not own:
        return False
    best = max(own, key=lambda s: s.confidence).sub_event_type
    return best == "Arrests" or (not hits and bool(_TOLL_ONLY.match(sentence)))


# "Protesters denounced the rape of a girl", "accused of raping a child" (a court), "rapes and robberies" (a crime
# figure): the rape rule's words there tell no sexual violence of the day.
_NO_SEXUAL_ACT = re.compile(
    r"\b(?:accus|convict|sentenc|trial|court|hearing|acquit|pleaded|survey|statistic|figures|rates?\b|cases\b|crimes\b)", re.IGNORECASE
)


def no_sexual_act(text: str) -> bool:
    """True when the sexual-violence rule (``rare_rules.RARE_RULES``) must not floor its sub-type: a court's, an
    accusation's or a crime figure's words (a protest against rape is checked by the typer, which reads protests)."""
    return bool(_NO_SEXUAL_ACT.search(text))


# The territory trigger's object when it is goods or people, not ground: "seized a laboratory", "seized 9,500
# marijuana plants", "seized more than $2 million", "captured the rector" (``detect._LEXICON``'s "seized <any word>").
_GOODS = re.compile(
    r"\s+(?:(?!and\b)[\w$,.-]+\s+){0,4}?(?:laborator(?:y|ies)|plants?|plantations?|drugs?|cocaine|marijuana|heroin|fentanyl|methamphetamine|tablets|pills|"
    r"kilos?|kilograms?|tons?|tonnes|cargo|cash|money|assets|gold|contraband|seahorses|goods|vehicles?|cars?|trucks?|boats?|weapons|rifles|"
    r"shotguns|guns|arms|ammunition|explosives?|materiel|materials?|equipment|documents|phones?|rector|priest|head|man|woman|men|women|civilians?|"
    r"couple|family|motorcycles?|motorbikes?|weapons?|\$\d[\d,.]*|\d[\d,.]*\s*(?:million|billion))\b|\s+(?:during|while|alive|or|and)\b"
    # a count right after the trigger, of anything but ground ("seized 500 kilograms", "captured 5 fighters")
    r"|\s+(?:(?:more\s+than|over|about|nearly|almost|at\s+least|some)\s+)?\d[\d,.]*\s+(?!(?:[\w-]+\s+)?(?:villages?|towns?|cities|hills?|hilltops?|positions?|areas?"
    r"|districts?|neighbou?rhoods?|bases?|posts?|checkpoints?|km|kilometres|kilometers|square|percent)\b)",
    re.IGNORECASE,
)
# People taken, told in the passive ("five others were captured by the PDF"): a capture of people, not of ground.
_PEOPLE_BEFORE = re.compile(
    r"\b(?:others|members|soldiers|troops|fighters|militants|rebels|people|civilians|men|women|personnel|officers|policemen|one|\d+)\s+"
    r"(?:were|was|had\s+been|have\s+been|has\s+been)\s+$",
    re.IGNORECASE,
)
# An attempt or an aim is no taking ("tried to take the town", "in a bid to capture"), but a battle for the ground;
# "managed to take" is a taking.
_ATTEMPT = re.compile(r"\b(?:to|attempt\w*|tried|trying|bid|sought|seeking|failed|aim\w*|plan\w*)\s+(?:\w+\s+){0,1}$", re.IGNORECASE)
_ACHIEVED = re.compile(r"\b(?:manag\w*|succeed\w*|able)\s+to\s+(?:\w+\s+){0,1}$", re.IGNORECASE)
# A taking told as peaceful: ACLED's non-violent transfer of territory.
_PEACEFUL = re.compile(
    r"\b(?:peacefully|unopposed|uncontested|without\s+(?:any\s+|a\s+)?(?:confrontation|clash(?:es)?|shot|shots|bloodshed|fight(?:ing)?|resistance|firing|violence|battle))\b",
    re.IGNORECASE,
)


def ground_taken(text: str, probs: dict[str, float], hits: list[TypedSpan]) -> tuple[dict[str, float], list[TypedSpan]]:
    """The lexicon's territory triggers read for what was taken:

    - goods or people seized ("seized a laboratory", "captured the rector"): no territory hit, and the model's
      territory probability is shared out among the other classes (the model decides among them);
    - a taking attempted ("attempts to take full control"): a battle with no change of territory, the armed clash;
    - a taking told as peaceful ("took control ... without confrontation"): the codebook's non-violent transfer, with
      the territory probability;
    - a battle in which ground was taken ("clashed with Houthi forces and took over Al Fulayhah"): the codebook's
      armed clash is a battle with no change of territory, so the clash's probability goes to the taking's.
    """
    territory = [h for h in hits if h.sub_event_type == TERRITORY]
    if not territory:
        return probs, hits
    attempts = [h for h in territory if _ATTEMPT.search(text, 0, h.start) and not _ACHIEVED.search(text, 0, h.start)]
    kept = [h for h in territory if h not in attempts and not (_GOODS.match(text, h.end) or _PEOPLE_BEFORE.search(text, 0, h.start))]
    taken = sum(probs.get(s, 0.0) for s in TERRITORY_SUBS)
    if not kept and attempts:  # fighting for ground that was not taken: the codebook's armed clash
        hits = [h if h.sub_event_type != TERRITORY else TypedSpan("Armed clash", h.start, h.end, h.confidence) for h in hits]
        return {**probs, "Armed clash": probs.get("Armed clash", 0.0) + taken, **dict.fromkeys(TERRITORY_SUBS, 0.0)}, hits
    if not kept:
        scale = 1.0 / (1.0 - taken) if taken < 1.0 else 0.0
        return {c: 0.0 if c in TERRITORY_SUBS else v * scale for c, v in probs.items()}, [h for h in hits if h.sub_event_type != TERRITORY]
    if _PEACEFUL.search(text):
        transfer = "Non-violent transfer of territory"
        hits = [h if h.sub_event_type != TERRITORY else TypedSpan(transfer, h.start, h.end, h.confidence) for h in hits]
        return {**probs, transfer: probs.get(transfer, 0.0) + taken, **dict.fromkeys(TERRITORY_SUBS, 0.0)}, hits
    clash = probs.get("Armed clash", 0.0)
    if clash > 0.0:
        larger = max(TERRITORY_SUBS, key=lambda s: (probs.get(s, 0.0), s))
        probs = {**probs, larger: probs.get(larger, 0.0) + clash, "Armed clash": 0.0}
    return probs, hits


# Organised crime's arrests ("arrested a suspected drug trafficker", "a money laundering network"): ordinary
# criminality is outside ACLED's codebook (CASE 2021 types it ORG_CRIME, not an ACLED event).
_CRIME = re.compile(
    r"\b(?:drugs?|narco\w*|cocaine|marijuana|heroin|fentanyl|methamphetamine|traffick\w*|launder\w*|cartels?|extortion|fraud|corruption"
    r"|embezzl\w*|brib\w*|alias|smuggl\w*|criminal\s+(?:networks?|groups?|organi[sz]ations?|rings?))\b",
    re.IGNORECASE,
)

# Civilians evacuated or refugees arriving, told with no other event and no disaster: the codebook's "Other" (the
# displacement that the lexicon's "Other" trigger names as "fled" or "displaced").
_EVACUATED = re.compile(
    r"\b(?:(?:people|civilians|residents|refugees|individuals|families|inhabitants|persons|children)\s+(?:[\w,-]+\s+){0,6}?(?:were|was|have\s+been|had\s+been)\s+evacuated"
    r"|evacuat(?:ed|ion\s+of)\s+(?:\w+\s+){0,2}?(?:people|civilians|residents|families|inhabitants)"
    r"|refugees\s+(?:[\w,-]+\s+){0,4}?(?:arrived|entered|crossed))\b",
    re.IGNORECASE,
)
OTHER_FLOOR = 0.5
_RELI = "Remote explosive/landmine/IED"
# "A suicide bomber detonated himself": the suicide-bomb rule (``rare_rules``) names "blew himself up" and "detonated
# his explosives", not this.
_SELF_DETONATED = re.compile(r"\b(?:detonated|exploded)\s+(?:him|her|them)sel(?:f|ves)\b", re.IGNORECASE)
SUICIDE_FLOOR = 0.6  # as the suicide-bomb rule's
_WORD = re.compile(r"\w+")
# Kidnappings counted ("78 kidnappings were reported in 2014", "kidnapping cases were down 27 percent"): a crime
# figure, no event; an abduction told as one ("six men were kidnapped") is left alone.
_COUNTED = re.compile(
    r"\b(?:percent|per\s+cent|statistics|figures|(?:in|since|during|between)\s+(?:19|20)\d\d|string\s+of|rise\s+in|number\s+of|wave\s+of|spate\s+of"
    r"|total\s+of|this\s+year|last\s+year|cases)\b",
    re.IGNORECASE,
)
# Mines and IEDs used as weapons in the notes' and news' words that the lexicon lacks ("carried out mine attacks
# against", "attacked the checkpoint with mines", "remote-controlled mines"): the codebook's remote explosive. Not
# "attacks with explosives", which wire copy uses for any bombing (MUC-4's dead and perpetrators moved with it).
_MINE_ATTACK = re.compile(
    r"\b(?:mine\s+attacks?|remote\s+explosive\s+attacks?|attack(?:ed|s|ing)?\s+(?:[\w'-]+\s+){0,8}?with\s+(?:[\w-]+\s+){0,2}?(?:mines|landmines|ieds)"
    r"|remote[- ]controlled\s+(?:mines?|bombs?|explosives?|ieds?|devices?))\b",
    re.IGNORECASE,
)
# "Militants detonated a roadside IED, injuring four": the lexicon's disrupted-weapons trigger ("detonated IEDs", a
# controlled detonation) read where the blast hit someone or something.
_DETONATED_AT = re.compile(
    r"\bdetonated\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:ieds?|explosive\s+devices?|roadside\s+bombs?|mines?)\b[^.;]{0,80}?\b(?:target\w*|injur\w*|wound\w*|kill\w*|hit(?:ting)?|against|damag\w*)",
    re.IGNORECASE,
)


def after_rules(text: str, probs: dict[str, float], hits: list[TypedSpan], accident: bool) -> tuple[dict[str, float], list[TypedSpan]]:
    """The sentence's probabilities and hits once the rules have set their floors, read for what the codebook
    decides: organised crime's arrests and counted kidnappings are no event, civilians evacuated (no ``accident`` or
    disaster told) are its "Other", a bomber who detonated himself a suicide bomb, mines and IEDs used as weapons
    remote explosives, and the territory trigger is read for what was taken (``ground_taken``). Each pattern runs
    only where a plain word of it is in the sentence (typing speed)."""
    best = max((c for c in probs if c != "NO_EVENT"), key=lambda c: (probs[c], c), default="")
    low = text.lower()
    if best == "Arrests" and _CRIME.search(text):
        probs = {**probs, "NO_EVENT": probs.get("NO_EVENT", 0.0) + probs["Arrests"], "Arrests": 0.0}
    evacuated = "evacuat" in low or "refugees" in low
    if evacuated and not accident and all(h.sub_event_type == "Other" for h in hits) and probs.get("Other", 0.0) < OTHER_FLOOR and (m := _EVACUATED.search(text)):
        probs = raise_to(probs, "Other", OTHER_FLOOR)
        hits = [*hits, TypedSpan("Other", m.start(), m.end(), OTHER_FLOOR)]
    found = {h.sub_event_type for h in hits}
    # The trigger's whole word: the lexicon's span of "kidnappings" is "kidnapping".
    abductions = [_WORD.match(text, h.start).group().lower() for h in hits if h.sub_event_type == "Abduction/forced disappearance"]  # type: ignore[union-attr]
    if best == "Abduction/forced disappearance" and abductions and all(a.endswith(("ings", "ions")) for a in abductions) and _COUNTED.search(text):
        probs = {**probs, "NO_EVENT": probs.get("NO_EVENT", 0.0) + probs[best], best: 0.0}
    if "sel" in low and "Disrupted weapons use" not in found and probs.get("Suicide bomb", 0.0) < SUICIDE_FLOOR and (m := _SELF_DETONATED.search(text)):
        probs = raise_to(probs, "Suicide bomb", SUICIDE_FLOOR)
        hits = [h for h in hits if not (h.start < m.end() and m.start() < h.end)] + [TypedSpan("Suicide bomb", m.start(), m.end(), SUICIDE_FLOOR)]
    if "Disrupted weapons use" in found and (m := _DETONATED_AT.search(text)):
        probs = {**probs, _RELI: probs.get(_RELI, 0.0) + probs.get("Disrupted weapons use", 0.0), "Disrupted weapons use": 0.0}
        hits = [h if h.sub_event_type != "Disrupted weapons use" else TypedSpan(_RELI, h.start, h.end, h.confidence) for h in hits]
    elif ("mine" in low or "remote" in low) and not found & EXPLOSIVE_SUBS and probs.get(_RELI, 0.0) < OTHER_FLOOR and not FIRED_WEAPON.search(text) and (m := _MINE_ATTACK.search(text)):
        probs = raise_to(probs, _RELI, OTHER_FLOOR)
        hits = [h for h in hits if not (h.start < m.end() and m.start() < h.end)] + [TypedSpan(_RELI, m.start(), m.end(), OTHER_FLOOR)]
    return ground_taken(text, probs, hits)


def raise_to(probs: dict[str, float], sub: str, floor: float) -> dict[str, float]:
    """``sub``'s probability set to ``floor``, the others scaled to share the rest."""
    rest = 1.0 - probs.get(sub, 0.0)
    scale = (1.0 - floor) / rest if rest > 0 else 0.0
    return {c: floor if c == sub else v * scale for c, v in probs.items()}
