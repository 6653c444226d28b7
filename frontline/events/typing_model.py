"""The learned event typer: a hashed n-gram linear model combined with the trigger lexicon.

Inference is numpy only. A sentence becomes a bag of hashed features (words, word pairs, six-letter
stems, and one feature per trigger-lexicon hit), the model scores 26 classes (ACLED's 25 sub-types plus
``NO_EVENT``) with one matrix product, and a softmax with a fitted temperature turns scores into calibrated
probabilities. Sub-types that the training notes barely cover or word otherwise (chemical weapons,
grenades, sexual violence; news words for executions and bombings) also have rules that set a floor
under their probability, and a headline's present tense is read again in the past (``headline``).
The artifact (``frontline/models/typing.npz``) is written by ``frontline train typing``; docs/typing.md.
"""

from __future__ import annotations

import itertools
import logging
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from . import typing_gates as gates
from .date_months import without_date_march
from .detect import TERRITORY, TERRITORY_SUBS, RuleTyper, TypedSpan
from .headline import names_no_happening, reread
from .rare_rules import (
    AIRCRAFT,
    COURT,
    EXPLOSIVE_SUBS,
    FIRED_WEAPON,
    HARM,
    KILLING_BLOCKED,
    KILLING_FLOOR,
    KILLING_RE,
    RARE_RULES,
    SHOT_DOWN,
)

log = logging.getLogger(__name__)

NO_EVENT = "NO_EVENT"
FORMAT_VERSION = 1
DEFAULT_BITS = 17
# "No event" only when the model gives it at least this probability; below it the likeliest sub-type wins. The
# "no event" examples come from other domains (diplomacy, disasters, crime), so the model over-predicts it on news.
NO_EVENT_THRESHOLD = 0.5
# The least probability a sub-type whose trigger word is in the sentence needs when the model's best has no trigger.
_TRIGGERED_FLOOR = 0.05
_BATTLES = frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"})
# A sub-type that no lexicon trigger in the sentence names needs at least this probability: the model
# alone, on a sentence without a conflict word ("markets were open"), must not invent an event.
UNTRIGGERED_THRESHOLD = 0.5
_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+")
# Cues of accidents and disasters (no political violence): a feature ``c:accident``, learned from "no event" examples.
_ACCIDENT = re.compile(
    r"\b(?:accident(?:al|ally|s)?|crash(?:ed|es)?|collided|collision|derail(?:ed|ment)|capsized|leak(?:ed|s|age)?|spill(?:ed|s)?|"
    r"caught\s+fire|fire\s+broke\s+out|blaze|gas\s+cylinder|boiler|short\s+circuit|earthquake|flood(?:s|ing)?|cyclone|"
    r"hurricane|typhoon|landslide|storm|drought|wildfires?|outbreak|infect(?:ed|ions?)|virus|covid|pandemic|poisoning)\b",
    re.IGNORECASE,
)
# State forces and armed groups, to tell who took ground without an actor dictionary (``detect`` has one).
_STATE_WORDS = re.compile(
    r"\b(?:army|armies|troops|soldiers|government|regime|military|security\s+forces|police|marines|"
    r"national\s+guard|loyalist|(?:syrian|iraqi|afghan|somali|nigerian|malian|russian|ukrainian|turkish|israeli)\s+forces|saa)\b",
    re.IGNORECASE,
)
_NON_STATE_WORDS = re.compile(
    r"\b(?:rebels?|militants?|insurgents?|jihadists?|fighters|militias?|militiamen|guerrillas?|terrorists?|"
    r"islamic\s+state|isis|isil|daesh|taliban|al[- ]shabaa?b|boko\s+haram|nusra|hts|al[- ]qaeda|opposition|"
    r"separatists?|kurdish|ypg|sdf|houthis?|hezbollah|gunmen)\b",
    re.IGNORECASE,
)


# Armed groups and the military: their clashes are battles, not communal (mob) violence.
_ARMED = re.compile(rf"{_NON_STATE_WORDS.pattern}|\b(?:army|troops|soldiers|military)\b", re.IGNORECASE)


# "March" the month is no march: not after a day or a word of time ("5 March", "in March", "since March",
# "mid-March"), nor before a day or year. The two month guards below share these words; ``_MARCH`` (the
# violent-demonstration rule, negatives pass) was measured with a few more.
_NOT_AFTER_TIME_WORD = r"(?<!\d\s)(?<!\bin\s)(?<!\bof\s)(?<!\bby\s)(?<!since\s)(?<!until\s)(?<!early\s)(?<!\blate\s)(?<!\bmid-)"
_PROTEST = re.compile(
    rf"\b(?:protest|demonstrat|rall(?:y|ies)|{_NOT_AFTER_TIME_WORD}(?<!\bfrom\s)(?<!\blast\s)march(?!\s*\d)|sit-in|crowd)",
    re.IGNORECASE,
)
# A demonstration told as an event: people rallied, marched, staged or held a protest, took to the streets.
# The codebook makes any such gathering a protest event; its sub-type is peaceful unless the sentence (or
# its passage, see ``PROTEST_SUBS``) tells of an intervention, excessive force or the demonstrators' violence.
_PROTEST_EVENT = re.compile(
    r"\b(?:rallied|marched|took\s+to\s+the\s+streets|(?:staged|held|holding|staging|organi[sz]ed|joined|launched|(?:participated|took\s+part)\s+in)\s+(?:\w+[\s-]+){0,3}?"
    r"(?:protests?|demonstrations?|rall(?:y|ies)|sit-ins?|die-ins?|marches|vigils?|strikes?)\b|(?:protesters|demonstrators|activists|marchers)\s+"
    r"(?:\w+\s+){0,3}?(?:gathered|assembled|chanted|protested|demonstrated|converged|blocked|occupied|sat)\b)",
    re.IGNORECASE,
)
# The codebook's violent demonstration told in the ACLED notes' wider vocabulary (negatives pass,
# docs/typing.md): a demonstration named, then destructive acts (physical clashes, vandalism, arson,
# road-blocking with barricades or burning tyres, stone-throwing), whoever the grammatical subject; or
# the act done "in protest". Acts that may be done *to* demonstrators (attacked, assaulted, beat up) are
# left out. Inference only, like ``RARE_RULES``: the lexicon (and so the model's features) is unchanged.
_MARCH = rf"{_NOT_AFTER_TIME_WORD}(?<!\bon\s)(?<!from\s)(?<!\bmid\s)(?<!last\s)(?<!next\s)(?<!this\s)march(?:es|ers)?\b(?!,?\s+\d)"
_DEMO = rf"(?:protest(?:s|ers|ors|ing|ed)?|demonstrat(?:ion|ions|ors|ed|ing)|rall(?:y|ies)|{_MARCH}|sit-ins?|strikers|agitat(?:ion|ors|ing))\b"
_DEMO_VIOLENCE = (
    r"(?:clash(?:ed|ing)|engaged\s+in\s+(?:a\s+)?clash(?:es)?|vandali[sz](?:ed|ing)|torch(?:ed|ing)|set\s+(?:\w+\s+){0,3}?(?:on\s+fire|ablaze)|set\s+fire"
    r"|lit\s+(?:\w+\s+)?(?:bon)?fires|barricad(?:ed|ing)|hurl(?:ed|ing)|pelt(?:ed|ing)|threw\s+(?:\w+\s+){0,2}(?:stones|rocks|bricks|brickbats|bottles|objects)"
    r"|brickbats|brick\s*(?:bats|chips)|went\s+on\s+(?:a\s+)?rampage|rampag(?:ed|ing)|ransack(?:ed|ing)|smash(?:ed|ing)|stormed"
    r"|damag(?:ed|ing)\s+(?:\w+\s+){0,3}(?:vehicles|cars|shops|property|buildings|offices|windows|buses)"
    r"|burn(?:ed|t|ing)\s+(?:\w+\s+){0,3}(?:vehicles|cars|tyres|tires|buses|shops|property|buildings|offices)"
    r"|turned\s+(?:violent|chaotic|rowdy|ugly)|violently|rowdy)"
)
_DEMO_VIOLENT = re.compile(
    rf"\b(?:{_DEMO}[^\w.]+(?:[\w'-]+[^\w.]+){{0,12}}?{_DEMO_VIOLENCE}|{_DEMO_VIOLENCE}[^\w.]+(?:[\w'-]+[^\w.]+){{0,8}}?(?:during|at|in|amid)\s+(?:\w+\s+){{0,3}}?{_DEMO})",
    re.IGNORECASE,
)
_VIOLENT_CLASHES = re.compile(r"\bviolent\s+clash", re.IGNORECASE)
_CROWD = re.compile(r"\b(?:riot|mob|student|youth|villager|resident|supporter|worker|farmer|herder|communit|tribe|clan|ethnic|gang)", re.IGNORECASE)
# The least probability that the lexicon's excessive-force or violent-demonstration trigger gives its sub-type.
PROTEST_FLOOR = 0.5
# The same patterns without IGNORECASE, for lower-cased text (about twice as fast; see ``RuleTyper``).
_ACCIDENT_LC, _PROTEST_LC, _PROTEST_EVENT_LC, _DEMO_VIOLENT_LC = (re.compile(r.pattern) for r in (_ACCIDENT, _PROTEST, _PROTEST_EVENT, _DEMO_VIOLENT))
_HARSHER_PROTEST = frozenset({"Protest with intervention", "Excessive force against protesters", "Violent demonstration", "Mob violence"})
# ACLED types a demonstration by the worst that happened in it (the demonstrators' violence, lethal force,
# an intervention), which news often tells in the sentence after the one naming the protest.
PROTEST_SUBS = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters", "Violent demonstration")
# Which event a sentence tells can be read with its passage: the model's sub-type probabilities are this
# share the passage's (its sentences' features together) and the rest the sentence's own. Whether the
# sentence tells of an event at all stays the sentence's own reading. Off by default: 0.5 helped every
# proxy built from ACLED notes but cost 0.011 weighted F1 on the CASE news snippets (docs/typing.md,
# context pass); ``LearnedTyper(passage_weight=...)`` turns it on.
PASSAGE_WEIGHT = 0.0
# Sentences whose hashed features and lexicon hits are kept for their neighbours' passages.
_CACHE_SIZE = 16


def tokens(text: str) -> list[str]:
    """Lower-cased words; every number becomes "0" so that counts do not split features."""
    return _tokens_of_lowered(text.lower())


def _tokens_of_lowered(lowered: str) -> list[str]:
    return ["0" if t.isdigit() else t for t in _TOKEN.findall(lowered)]


def feature_names(text: str, rule_subs: Iterable[str]) -> list[str]:
    """The features of one text: words, stems, word pairs, and the lexicon's hits (``r:<sub-type>``)."""
    lowered = text.lower()
    words = without_date_march(_tokens_of_lowered(lowered))  # "on 3 March" reads as "on Tuesday"
    names = [f"w:{w}" for w in words]
    names += [f"s:{w[:6]}" for w in words if len(w) > 6]
    names += [f"b:{a} {b}" for a, b in itertools.pairwise(words)]
    names += [f"r:{sub}" for sub in rule_subs]
    if _ACCIDENT_LC.search(lowered):
        names.append("c:accident")
    names.append("bias")
    return names


def hashed(names: Iterable[str], bits: int) -> np.ndarray:
    """Distinct bucket indices of the feature names (CRC32, stable across runs and platforms)."""
    mask = (1 << bits) - 1
    return np.unique(np.fromiter((zlib.crc32(n.encode("utf-8")) & mask for n in names), dtype=np.int64))


@dataclass(frozen=True)
class TypingModel:
    """Linear model over hashed features: ``softmax((x @ coef + intercept) / temperature)``."""

    classes: tuple[str, ...]
    coef: np.ndarray  # (2**bits, n_classes), float16 or float32
    intercept: np.ndarray  # (n_classes,)
    bits: int
    temperature: float = 1.0

    @classmethod
    def load(cls, path: Path | None = None) -> TypingModel:
        """The committed model (``frontline/models/typing.npz``), or one at ``path``."""
        if path is None:
            ref = resources.files("frontline") / "models" / "typing.npz"
            with resources.as_file(ref) as file:
                return cls._read(Path(file))
        return cls._read(path)

    @classmethod
    def _read(cls, path: Path) -> TypingModel:
        if not path.exists():
            raise FileNotFoundError(f"{path}: typing model missing; run `frontline train typing`")
        with np.load(path, allow_pickle=False) as data:
            version = int(data["format_version"])
            if version != FORMAT_VERSION:
                raise ValueError(f"{path}: typing model format {version}, expected {FORMAT_VERSION}; retrain it")
            return cls(
                classes=tuple(str(c) for c in data["classes"]),
                coef=data["coef"].astype(np.float32),
                intercept=data["intercept"].astype(np.float32),
                bits=int(data["bits"]),
                temperature=float(data["temperature"]),
            )

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            format_version=np.array(FORMAT_VERSION),
            classes=np.array(self.classes),
            coef=self.coef.astype(np.float16),
            intercept=self.intercept.astype(np.float32),
            bits=np.array(self.bits),
            temperature=np.array(self.temperature),
        )

    def scores(self, names: list[str]) -> np.ndarray:
        """Raw class scores of one feature list (binary features, L2-normalised)."""
        return self.scores_of(hashed(names, self.bits))

    def scores_of(self, index: np.ndarray) -> np.ndarray:
        """Raw class scores of distinct bucket indices (``hashed``)."""
        return self.coef[index].sum(axis=0) / np.sqrt(len(index)) + self.intercept

    def probabilities(self, names: list[str]) -> np.ndarray:
        return self.probabilities_of(hashed(names, self.bits))

    def probabilities_of(self, index: np.ndarray) -> np.ndarray:
        z = self.scores_of(index) / self.temperature
        z = np.exp(z - z.max())
        return z / z.sum()


def rule_subs(spans: list[TypedSpan]) -> list[str]:
    """The lexicon's sub-types for a sentence; a territory trigger counts for both territory sub-types."""
    return sorted({s.sub_event_type for s in spans})


class LearnedTyper:
    """The default ``EventTyper``: the learned model's best sub-type for the sentence, with a trigger span.

    No span when the model's "no event" probability reaches ``no_event``, or when the best sub-type has
    no trigger in the sentence and a probability below ``untriggered``.
    The trigger is the lexicon's match for that sub-type when there is one, else the whole sentence.
    Further lexicon hits whose sub-type the model still finds likely (``secondary`` or more) are
    reported too, so a sentence that tells of a clash and a capture yields both.
    """

    def __init__(
        self,
        model: TypingModel | None = None,
        rules: RuleTyper | None = None,
        *,
        no_event: float = NO_EVENT_THRESHOLD,
        untriggered: float = UNTRIGGERED_THRESHOLD,
        secondary: float = 0.25,
        triggered_no_event: float | None = None,
        passage_weight: float = PASSAGE_WEIGHT,
    ) -> None:
        self._model = model
        self._rules = rules or RuleTyper()
        self._rare = [(re.compile(rf"\b(?:{p})", re.IGNORECASE), sub, floor) for p, sub, floor in RARE_RULES]
        self._rare_lc = [(re.compile(rf"\b(?:{p})"), sub, floor) for p, sub, floor in RARE_RULES]
        self._no_event = no_event
        self._triggered_no_event = no_event if triggered_no_event is None else triggered_no_event
        self._untriggered = untriggered
        self._secondary = secondary
        self._passage_weight = passage_weight
        # text -> (hashed feature indices, lexicon hits); a few recent sentences, so that a neighbour's
        # features are computed once for its own typing and for the passages it belongs to.
        self._cache: dict[str, tuple[np.ndarray, list[TypedSpan]]] = {}

    @property
    def model(self) -> TypingModel:
        if self._model is None:  # loaded on first use, not at import or construction
            self._model = TypingModel.load()
        return self._model

    def _features(self, text: str) -> tuple[np.ndarray, list[TypedSpan]]:
        """The text's hashed feature indices and lexicon hits (cached for a few recent texts)."""
        cached = self._cache.get(text)
        if cached is None:
            hits = self._rules.type_sentence(text)
            cached = (hashed(feature_names(text, rule_subs(hits)), self.model.bits), hits)
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.pop(next(iter(self._cache)))
            self._cache[text] = cached
        return cached[0], list(cached[1])

    def probabilities(self, sentence: str, neighbours: tuple[str, ...] = ()) -> tuple[dict[str, float], list[TypedSpan]]:
        """Calibrated probability per class (``NO_EVENT`` included) and the lexicon's hits. With
        ``neighbours`` (the other sentences of its passage), the sub-types' probabilities are read with
        the passage (``PASSAGE_WEIGHT``) before the sentence's own rules set their floors."""
        index, hits = self._features(sentence)
        model = self.model
        p = model.probabilities_of(index)
        probs = dict(zip(model.classes, (float(v) for v in p)))
        if neighbours and self._passage_weight > 0:
            probs = self._with_passage(probs, index, neighbours)
        found = {h.sub_event_type for h in hits}
        # Case-blind matching on a lower-cased copy, unless lower-casing changes the length (offsets would shift).
        lowered = sentence.lower()
        same = len(lowered) == len(sentence)
        text = lowered if same else sentence
        accident, protest, protest_event, demo_violent = (
            (_ACCIDENT_LC, _PROTEST_LC, _PROTEST_EVENT_LC, _DEMO_VIOLENT_LC) if same else (_ACCIDENT, _PROTEST, _PROTEST_EVENT, _DEMO_VIOLENT)
        )
        if "Violent demonstration" not in found and (m := demo_violent.search(text)):
            # The demonstrators' violence in words the lexicon lacks: a violent-demonstration hit in place of
            # the triggers it covers (the demonstration's own, a "clashed" read as a battle), floored below.
            hits = [h for h in hits if not (h.start < m.end() and m.start() < h.end)]
            hits.append(TypedSpan("Violent demonstration", m.start(), m.end(), 0.75))
            hits.sort(key=lambda h: h.start)
            found = {h.sub_event_type for h in hits}
        # ACLED codes lethal or injuring force against protesters as its own sub-type whenever the
        # protesters were not violent themselves; news tells it as a protest story, so the trigger decides.
        if "Excessive force against protesters" in found and "Violent demonstration" not in found and protest.search(text):
            probs = gates.raise_to(probs, "Excessive force against protesters", max(PROTEST_FLOOR, probs.get("Excessive force against protesters", 0.0)))
        # The demonstrators' violence decides a demonstration's sub-type; rioters or stone-throwers with no
        # demonstration in the sentence may be a mob (ACLED's mob violence), which the model tells apart.
        if "Violent demonstration" in found and protest.search(text):
            probs = gates.raise_to(probs, "Violent demonstration", max(PROTEST_FLOOR, probs.get("Violent demonstration", 0.0)))
        if "Violent demonstration" in found and not protest.search(text) and not _CROWD.search(text) and (m := _VIOLENT_CLASHES.search(text)):
            # "Violent clashes" with no demonstration or crowd in the sentence are fighting (war news' usual words),
            # not the notes' protest wording that the lexicon reads: ACLED's violent demonstration needs demonstrators.
            probs = gates.raise_to(probs, "Armed clash", max(probs.get("Armed clash", 0.0), probs.pop("Violent demonstration", 0.0), PROTEST_FLOOR)) | {"Violent demonstration": 0.0}
            hits = [h if h.sub_event_type != "Violent demonstration" else TypedSpan("Armed clash", h.start, h.end, h.confidence) for h in hits]
            found = {h.sub_event_type for h in hits}
        probs = gates.without_unnamed_demonstration(probs, "Violent demonstration" in found, bool(protest.search(text)))  # typing_gates
        if "Peaceful protest" in found and not found & _HARSHER_PROTEST and protest_event.search(text):
            # The sentence tells of a demonstration: the protest sub-types together get at least 0.5, in the
            # model's own proportions (it may read an intervention the lexicon does not know).
            probs = _raise_group(probs, PROTEST_SUBS, 0.5)
        # ACLED's "Other": displacement by the conflict and mass graves found, told with no other event.
        if found == {"Other"} and not accident.search(text):
            probs = gates.raise_to(probs, "Other", max(0.5, probs.get("Other", 0.0)))
        disrupted = "Disrupted weapons use" in found
        for pattern, sub, floor in self._rare_lc if same else self._rare:
            m = None if disrupted else pattern.search(text)  # seized grenades are no grenade attack
            if m and sub in ("Mob violence", "Sexual violence") and (protest.search(text) or (sub == "Sexual violence" and gates.no_sexual_act(text))):
                continue  # a crowd's violence at a demonstration is a violent demonstration; a protest against rape is a protest
            if m and sub == "Mob violence" and m.group().startswith(("clash", "fought", "fighting")) and _ARMED.search(text):
                continue  # a clash of armed groups or soldiers, whatever their weapons, is no communal clash
            if m and sub in ("Chemical weapon", "Remote explosive/landmine/IED") and accident.search(text):
                continue  # a poisonous gas leak, a chemical spill or a gas explosion is an accident
            if m and sub == "Looting/property destruction" and (found - {sub} or protest.search(text) or accident.search(text) or HARM.search(text) or not _ARMED.search(text)):
                continue  # an armed group's fire alone; beside a killing, at a demonstration or by accident, that one decides
            if m and sub == "Attack" and (found - {"Attack"} or protest.search(text) or (m.group().startswith("murder") and COURT.search(text))):
                continue  # told beside another event (an abduction, a protest), or a trial's or a crime figure's murder
            if m and sub == "Air/drone strike" and (found & {"Disrupted weapons use", "Chemical weapon"} or SHOT_DOWN.search(text)):
                continue  # an aircraft shot down or a chemical attack from the air: that decides
            if m and sub == "Remote explosive/landmine/IED" and (found & EXPLOSIVE_SUBS or FIRED_WEAPON.search(text) or (m.group().endswith("bombed") and AIRCRAFT.search(text))):
                continue  # the sentence names the weapon that exploded
            if m and probs.get(sub, 0.0) < floor:
                probs = gates.raise_to(probs, sub, floor)
                hits = [h for h in hits if not (h.start < m.end() and m.start() < h.end)]
                hits.append(TypedSpan(sub, m.start(), m.end(), floor))
        if (
            not disrupted and all(h.sub_event_type == "Attack" for h in hits)
            and all(v < KILLING_FLOOR for c, v in probs.items() if c != NO_EVENT)
            and not (protest.search(text) or accident.search(text) or KILLING_BLOCKED.search(text))
            and (m := KILLING_RE.search(text))
        ):
            # A killing told alone with its victim (``KILLING``); any other trigger, a protest, a court or an accident decides.
            probs = gates.raise_to(probs, "Attack", KILLING_FLOOR)
            hits = sorted([h for h in hits if not (h.start < m.end() and m.start() < h.end)] + [TypedSpan("Attack", m.start(), m.end(), KILLING_FLOOR)], key=lambda h: h.start)
        return gates.after_rules(text, probs, hits, bool(accident.search(text)))  # crime arrests, evacuations, ground taken (typing_gates)

    def _with_passage(self, probs: dict[str, float], index: np.ndarray, neighbours: tuple[str, ...]) -> dict[str, float]:
        """The sub-types' probabilities blended with the passage's: the model applied to the features of
        the sentence and its neighbours together. The passage shares out the sentence's own event
        probability (1 - P(no event)), which stays the sentence's."""
        union = np.unique(np.concatenate([index, *(self._features(n)[0] for n in neighbours)]))
        model = self.model
        passage = dict(zip(model.classes, (float(v) for v in model.probabilities_of(union))))
        w = self._passage_weight
        event, passage_event = 1.0 - probs.get(NO_EVENT, 0.0), 1.0 - passage.get(NO_EVENT, 0.0)
        if passage_event <= 0.0:
            return probs
        scale = event / passage_event
        return {c: v if c == NO_EVENT else (1 - w) * v + w * passage[c] * scale for c, v in probs.items()}

    def type_sentence(self, sentence: str, context: str | None = None) -> list[TypedSpan]:
        """The sentence's typed spans. ``context``, the sentence with its neighbours, helps decide which
        sub-type the sentence tells of (``PASSAGE_WEIGHT``) and which of the protest sub-types a protest
        sentence is (see ``PROTEST_SUBS``)."""
        if not sentence.strip():
            return []
        probs, hits = self.probabilities(sentence)
        # A dated line of place names (an Airwars stub) tells no happening: ``headline.names_no_happening``.
        own = [] if not hits and names_no_happening(sentence, context) else self._decide(sentence, probs, hits, context)
        if not own and (again := reread(sentence, context, probs, self.type_sentence, lambda sub: _taker(sentence, hits, sub))):
            return again  # a headline's present read in the past, or its nominal style read by its cue (headline.py)
        if gates.follows_up(own, hits, sentence) and (before := gates.previous_sentence(sentence, context)) and self.type_sentence(before):
            return []  # arrests or a toll after the event told before (typing_gates.follows_up)
        neighbours = gates.neighbours(sentence, context)
        if not own or not neighbours or self._passage_weight <= 0:
            return own
        # Whether the sentence tells of an event is its own reading; which event, its passage's too. A
        # passage that would leave the sentence without any event does not overrule that reading.
        probs, hits = self.probabilities(sentence, neighbours)
        return self._decide(sentence, probs, hits, context, gated=False)

    def _decide(
        self, sentence: str, probs: dict[str, float], hits: list[TypedSpan], context: str | None, *, gated: bool = True
    ) -> list[TypedSpan]:
        """The typed spans that the class probabilities and lexicon hits of a sentence give. Not ``gated``:
        the sentence is known to tell of an event, only which one is decided."""
        if gated and (probs.get(NO_EVENT, 0.0) >= (self._triggered_no_event if hits else self._no_event) or gates.denies_every_trigger(sentence, hits)):
            return []
        best = max((c for c in probs if c != NO_EVENT), key=lambda c: (probs[c], c))
        if not _triggered(best, hits) and probs[best] < self._untriggered:
            # No trigger word for the model's guess and no confidence in it: a sub-type whose trigger
            # the sentence does hold wins if the model gives it any weight, else it is no event.
            # A territory trigger counts with both territory sub-types' probability, as below.
            territory = sum(probs.get(s, 0.0) for s in TERRITORY_SUBS)
            weight = {c: territory if c in TERRITORY_SUBS else probs[c] for c in probs if c != NO_EVENT and _triggered(c, hits)}
            triggered = max(weight, key=lambda c: (weight[c], c), default="")
            if triggered and weight[triggered] >= _TRIGGERED_FLOOR:
                best = triggered
            elif gated:
                return []
        if context and (best in PROTEST_SUBS or best == "Arrests") and context.strip() != sentence.strip():
            best, probs = self._protest_in_passage(best, probs, context)
        if best == "Disrupted weapons use" and any(h.sub_event_type == TERRITORY for h in hits):
            # Arms seized while taking a town belong to the takeover (the codebook's disrupted weapons
            # use is a seizure on its own).
            best = max(TERRITORY_SUBS, key=lambda c: (probs.get(c, 0.0), c))
        if best in TERRITORY_SUBS:
            best = _taker(sentence, hits, best)
            territory = sum(probs.get(s, 0.0) for s in TERRITORY_SUBS)
            probs = {**probs, best: territory}
        found = [_span(best, probs[best], hits, sentence)]
        for hit in hits:
            subs = TERRITORY_SUBS if hit.sub_event_type == TERRITORY else (hit.sub_event_type,)
            sub = max(subs, key=lambda s: probs.get(s, 0.0))
            if sub == "Disrupted weapons use" and best in _BATTLES:
                continue  # arms seized while taking a town belong to that battle, not an event of their own
            if sub in PROTEST_SUBS and best in PROTEST_SUBS:
                continue  # one gathering is one protest event; its sub-type is chosen above
            if sub != best and probs.get(sub, 0.0) >= self._secondary and all(f.sub_event_type != sub for f in found):
                found.append(TypedSpan(sub, hit.start, hit.end, probs[sub]))
        return sorted(found, key=lambda t: (t.start, -t.confidence))

    def _protest_in_passage(self, best: str, probs: dict[str, float], context: str) -> tuple[str, dict[str, float]]:
        """When the passage (which holds the sentence) is a protest story, its likeliest protest sub-type
        and that probability, also for a sentence typed as arrests (made at the protest). Else unchanged."""
        passage, _ = self.probabilities(context)
        if max((c for c in passage if c != NO_EVENT), key=lambda c: (passage[c], c)) not in PROTEST_SUBS:
            return best, probs
        chosen = max(PROTEST_SUBS, key=lambda c: (passage[c], c))
        # All four from the passage, so the sentence's own protest trigger is no second event.
        return chosen, {**probs, **{c: passage[c] for c in PROTEST_SUBS}}



def _triggered(sub: str, hits: list[TypedSpan]) -> bool:
    return any(h.sub_event_type == sub or (h.sub_event_type == TERRITORY and sub in TERRITORY_SUBS) for h in hits)


def _taker(sentence: str, hits: list[TypedSpan], default: str) -> str:
    """Who took the ground: the side named first before the territory trigger (else in the sentence)."""
    trigger = next((h.start for h in hits if h.sub_event_type == TERRITORY), len(sentence))
    for text in (sentence[:trigger], sentence):
        state, other = _STATE_WORDS.search(text), _NON_STATE_WORDS.search(text)
        if state or other:
            if state and (other is None or state.start() < other.start()):
                return "Government regains territory"
            return "Non-state actor overtakes territory"
    return default


def _raise_group(probs: dict[str, float], group: tuple[str, ...], floor: float) -> dict[str, float]:
    """Scale the classes of ``group`` up so that they sum to at least ``floor``, and the others to share the rest."""
    inside = sum(probs.get(c, 0.0) for c in group)
    if inside >= floor:
        return probs
    if inside <= 0.0:
        return gates.raise_to(probs, group[0], floor)
    up, down = floor / inside, (1.0 - floor) / (1.0 - inside)
    return {c: v * (up if c in group else down) for c, v in probs.items()}


def _span(sub: str, confidence: float, hits: list[TypedSpan], sentence: str) -> TypedSpan:
    for hit in hits:
        if hit.sub_event_type == sub or (hit.sub_event_type == TERRITORY and sub in TERRITORY_SUBS):
            return TypedSpan(sub, hit.start, hit.end, confidence)
    stripped = len(sentence) - len(sentence.lstrip())
    return TypedSpan(sub, stripped, len(sentence.rstrip()), confidence)
