"""Roles: who acted (actor1), who was acted on (actor2) and who joined them (assoc actors).

The text gives the sides it names; ACLED's codebook fixes the rest by event type:
- protests are coded with protesters as actor1 (and the force that intervened as actor2);
- riots with rioters as actor1 (mob violence targets civilians unless a force is named);
- violence against civilians has civilians as actor2 and, when nobody is named, an unidentified
  armed group as actor1;
- arrests are made by the police unless another force is named.

Word order decides among named sides: the subject (an actor opening the clause before the
trigger) acts; an agent after "by" acts in a passive clause ("a man was shot dead by gunmen");
an actor after "with"/"against"/"on"/"at" is acted on. The codebook's rules for sides the text leaves
unnamed (a claimant, a war's parties, identity militias) are in ``unnamed_sides``.

Why one module: ``_assign_roles`` is one ordered decision procedure (word order, then the sub-type's
defaults), and the patterns and helpers here serve only it; split up, each step would be read apart
from the order that gives it its meaning.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from ..records import ActorMention, Annotated, EventMention, Span
from ..text.actors import ActorDictionary
from .sides import (
    AGAINST_CIVILIANS,
    CIVILIANS,
    EXTERNAL,
    PROTESTERS,
    REMOTE,
    RIOTERS,
    STATE,
    TWO_SIDED,
    Roles,
    Side,
)
from .unnamed_sides import claimed, identity_sides, localized, war_at, war_sides

# An actor starting within this many characters of the clause start is taken as its subject.
SUBJECT_WINDOW = 40

_PROTESTS = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
_RIOTS = {"Violent demonstration", "Mob violence"}
# Unnamed perpetrators: ACLED's "Unidentified Armed Group (<country>)".
_UNIDENTIFIED = "Unidentified Armed Group ({country})"
_PASSIVE_AGENT = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+|some\s+|suspected\s+|alleged\s+|\w+\s+){0,3}$", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are|get|got)\s+(?:\w+\s+)?$", re.IGNORECASE)
_NEAR_BY = re.compile(r"\s+(?:\w+\s+)?by\s+(?:the\s+|a\s+|an\s+|\w+\s+){0,2}", re.IGNORECASE)
_VICTIMS_AFTER = re.compile(
    r"[’'\"]?(?:\s+[\w-]+){0,3}?\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|hurt|shot|abducted|kidnapped|arrested|detained|ambushed|targeted)\b",
    re.IGNORECASE,
)
# The victims' own attack ("repulsed their attack", "following their attacks on ..."): they acted.
_THEIR_ATTACK = re.compile(r"\b(?:their|his)\s+(?:\w+\s+)?(?:attacks?|assaults?|ambush(?:es)?|offensive|raids?)\b", re.IGNORECASE)
_ATTACK_BY = re.compile(
    r"\b(?:attacks?|ambush(?:es)?|assaults?|raids?|offensive|incursions?)\s+(?:\w+\s+){0,2}?by\s+(?:(?:the|a|an|suspected|alleged|presumed|unknown)\s+)*$",
    re.IGNORECASE,
)
_NAMED_AFTER = re.compile(
    r"\s*\(\s*(?:(?:suspected|allegedly|reportedly|presumably|likely|believed\s+to\s+be)\s+)?"
    # a coder's aside names the same side: "international forces (described as allied forces, coded as ...)"
    r"(?:(?:described\s+as\s+[^,()]{1,40},\s*)?coded\s+as\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
_EXCHANGE = re.compile(r"\b(?:exchang\w*\s+(?:\w+\s+){0,2}fire|exchanges?\s+of\s+(?:\w+\s+)?fire|traded\s+(?:\w+\s+)?fire)\b", re.IGNORECASE)
_PROPERTY_AFTER = re.compile(
    r"[’']?s?\s+(?:houses?|homes?|areas?|property|properties|buildings?|infrastructure|neighbou?rhoods?|facilit\w*|vehicles?|cars?|shops?)\b",
    re.IGNORECASE,
)
# Two sides of a brawl: "two groups clashed", "a clash between supporters of X and Y", "rival clans".
_GROUPS_CLASH = re.compile(
    r"\b(?:clash(?:ed|es)?|fought|fight|brawl|scuffle|attacked\s+each\s+other)\b.*\b(?:between|groups?|rivals?|each\s+other|both\s+sides)\b"
    r"|\b(?:two|rival|both)\s+(?:\w+\s+)?(?:groups|sides|factions|clans|camps|parties)\b.*\b(?:clash(?:ed|es)?|fought)\b",
    re.IGNORECASE,
)
_HARMED_PEOPLE = re.compile(
    r"\b(?:civilians?(?!\s+(?:houses?|homes?|areas?|property|properties|buildings?|infrastructure|neighbou?rhoods?|facilit))|villagers?|residents?|passers-?by|child(?:ren)?|boys?|girls?|wom[ae]n|(?<!armed\s)m[ae]n|persons?|people|"
    r"students?|teachers?|drivers?|farmers?|shepherds?|family|families|worshippers|elders?|workers?|migrants?|refugees?|passengers?"
    r"|fishermen|journalists?|traders?|pilgrims?|patients?)\b"
    # "People's Defence Force", "Donetsk People's Republic": a group's name, not the people hit.
    r"(?!['’]s?\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
# "No civilian casualties", "people were not injured", "residents reported": people named but not hit.
_NOT_HARMED_BEFORE = re.compile(r"\b(?:no|not|without|zero|nor)\b[^.;]{0,25}$", re.IGNORECASE)
_NOT_HARMED_AFTER = re.compile(
    r"^[’']?s?\s+(?:(?:were|was|are|is|have|has|had)\s+(?:not|never|un\w+)\b|(?:said|say|says|reported|report|told|claimed|posted|heard)\b)",
    re.IGNORECASE,
)


def _not_hit(text: str, start: int, end: int, reach: int, floor: int = 0) -> bool:
    """Whether the people named at ``text[start:end]`` are said not to be hit, or only speak: a negation
    up to ``reach`` characters before them (not before ``floor``), or "were not injured", "said" after."""
    return bool(
        _NOT_HARMED_BEFORE.search(text, max(floor, start - reach), start) or _NOT_HARMED_AFTER.match(text[end : end + 40])
    )


def _harmed(note: str) -> bool:
    """Whether the note tells of people who are not a side being hit (ACLED then codes civilians)."""
    return any(not _not_hit(note, m.start(), m.end(), 30) for m in _HARMED_PEOPLE.finditer(note))


_TARGET_CUE = re.compile(r"\b(?:with|against|on|at|targeting|targeted|attacked|ambushed|killed|killing)\s+(?:the\s+|a\s+|an\s+|\w+\s+){0,3}$", re.IGNORECASE)
# "backed by Russian air power", "with the support of X": X fought on the acting side.
_SUPPORT_BEFORE = re.compile(
    r"\b(?:(?:backed|supported|aided|assisted|helped|joined)\s+by|with\s+(?:the\s+)?(?:air\s+)?(?:support|help|backing|cover)\s+(?:of|from)"
    r"|alongside|along\s+with|together\s+with|in\s+(?:coordination|cooperation|conjunction)\s+with|(?:in\s+)?(?:a\s+)?joint\s+operations?\s+with"
    r"|jointly\s+with)\s+(?:the\s+)?(?:government\s+|federal\s+)?$",
    re.IGNORECASE,
)
_ASSOC_GAP = re.compile(
    r"^\s*(?:,|/|and|,\s*and|along\s+with|together\s+with|alongside|backed\s+by|supported\s+by|with\s+the\s+support\s+of"
    r"|in\s+(?:coordination|cooperation|conjunction)\s+with|jointly\s+with)\s*"
    r"(?:the\s+)?(?:(?:pro-[\w-]+|allied|affiliated|government|federal)\s+)?$",
    re.IGNORECASE,
)




def subject(
    actors: tuple[ActorMention, ...], clause_start: int, trigger_start: int, text: str | None = None
) -> ActorMention | None:
    """The acting side: an actor opening the clause if it precedes the trigger, else the nearest
    actor before the trigger (the first of an "X and Y" pair when ``text`` is given), else the
    first in the sentence."""
    before = [a for a in actors if a.span.end <= trigger_start]
    if before and before[0].span.start - clause_start <= SUBJECT_WINDOW:
        return before[0]
    if before:
        return _coordination_head(before, before[-1], text)
    return actors[0] if actors else None


# "X and Y", "X, Y": a coordinated subject; ACLED codes the side named first as actor1.
_AND_GAP = re.compile(r"\s*(?:,|and|,\s*and|&)\s*(?:the\s+)?", re.IGNORECASE)


def _coordination_head(before: list[ActorMention], last: ActorMention, text: str | None) -> ActorMention:
    """The first actor of the "X and Y" chain that ends with ``last`` ("Myanmar military and AA fought")."""
    if text is None:
        return last
    head = last
    for a in reversed(before):
        if a.span.end <= head.span.start and _AND_GAP.fullmatch(text, a.span.end, head.span.start):
            head = a
    return head


def assign_roles(
    annotated: Annotated,
    mention: EventMention,
    dictionary: ActorDictionary | None,
    country: str | None,
    when: dt.date | None = None,
    at: tuple[float, float] | None = None,
) -> Roles:
    """actor1, actor2 and their associates for one event mention in ``country`` (ISO2) on ``when``
    (the event's date, if known), at the point ``at`` (latitude, longitude) when it is known."""
    roles = _assign_roles(annotated, mention, dictionary, country, war_at(country, when))
    if dictionary is not None and country:
        roles = localized(roles, dictionary, country)
    roles = identity_sides(roles, mention.sub_event_type, _note(annotated, mention, 1), dictionary, country)
    roles = claimed(roles, annotated, mention)
    return war_sides(roles, mention.sub_event_type, country, when, at)


def _assign_roles(
    annotated: Annotated,
    mention: EventMention,
    dictionary: ActorDictionary | None,
    country: str | None,
    war: tuple[dt.date, dt.date | None, Side, Side] | None = None,
) -> Roles:
    """The sides from the sentence's words, then the codebook's defaults for the sub-type."""
    text = annotated.document.article.text
    sentence = annotated.sentences[mention.sentence]
    sub = mention.sub_event_type
    # "civilian houses", "residents' homes": property, not people taking part.
    found = tuple(
        a for a in annotated.in_sentence("actors", mention.sentence)
        if not (a.inter == CIVILIANS and (
            _PROPERTY_AFTER.match(text, a.span.end)
            # "no civilians were hurt", "civilians were not injured": named, not hit
            or _not_hit(text, a.span.start, a.span.end, 15, sentence.start)
        ))
    )
    found = _merge_aliases(text, found)
    # Who reported or found it is not a side: "police said", "according to the army", "the body
    # was found by police" (the finder did not kill). Kept when nothing else is named.
    informed = tuple(a for a in found if not _INFORMANT.search(text, max(sentence.start, a.span.start - 40), a.span.start)
                     and not _INFORMANT_AFTER.match(text, a.span.end))
    if informed and len(informed) < len(found) and any(a.inter != CIVILIANS for a in informed):
        found = informed
    elif len(informed) < len(found) and (sub in AGAINST_CIVILIANS or sub in REMOTE) and all(a.inter == CIVILIANS for a in informed):
        # "the body was found by police", "police say the device exploded": in violence against
        # civilians and remote violence the one who reported it is not the perpetrator, who is then unknown.
        found = informed
    trigger = event_anchor(annotated, mention)

    def make(template: str, inter: int) -> Side:
        name = dictionary.name_for(template, country) if dictionary else template.replace(" ({country})", "")
        return Side(name, inter, country)

    # Supporters of the acting side ("backed by Russian air power") are its associates.
    supporters = [a for a in found if _SUPPORT_BEFORE.search(text, max(sentence.start, a.span.start - 40), a.span.start)]
    # Passive agents ("shot dead by gunmen") and targets ("clashed with X") by their cue words.
    # The agent counts only in a passive clause ("was shot dead by") or right after a noun
    # trigger ("an airstrike by Afghan forces"), not after another verb ("food hidden by ARSA").
    passive = bool(_PASSIVE_AUX.search(text, max(sentence.start, trigger.start - 30), trigger.start))
    agent = next(
        (a for a in found if a not in supporters and a.span.start >= trigger.end
         and _PASSIVE_AGENT.search(text, max(sentence.start, a.span.start - 60), a.span.start)
         and (passive or _NEAR_BY.fullmatch(text, trigger.end, a.span.start))
         and a.span.start - trigger.end <= 60),
        None,
    )
    # "... were killed by Afghan military airstrikes": the agent names the noun trigger it precedes.
    if agent is None:
        agent = next(
            (a for a in found if a not in supporters and a.span.end <= trigger.start
             and _MODIFIER_GAP.fullmatch(text, a.span.end, trigger.start)
             and _PASSIVE_AGENT.search(text, max(sentence.start, a.span.start - 60), a.span.start)),
            None,
        )
    acting = tuple(a for a in found if a.inter != CIVILIANS and a not in supporters)
    # "12 Taliban fighters were killed in clashes with Afghan troops": the side whose dead
    # open the sentence is acted on; the other side acts. Dead named after the event word
    # ("attacked a post, killing 7 policemen; 3 Taliban were also injured") do not reorder it.
    victims = next(
        (a for a in acting if _VICTIMS_AFTER.match(text, a.span.end)
         and (a.span.start < trigger.start or a is acting[0])),
        None,
    )
    others = [a for a in acting if victims is not None and a is not victims and a.name != victims.name]
    # "... were killed following an attack by Taliban militants": the attack's agent acts.
    attacker = next(
        (a for a in acting if _ATTACK_BY.search(text, max(sentence.start, a.span.start - 60), a.span.start)),
        None,
    )
    if agent is not None and agent.inter != CIVILIANS:
        first: ActorMention | None = agent
    elif attacker is not None:
        first = attacker
    elif victims is not None and others:
        # "... were killed when Afghan forces repulsed their attack": the dead were the attackers.
        first = victims if _THEIR_ATTACK.search(text, victims.span.end, sentence.end) else others[0]
    else:
        first = subject(acting, sentence.start, trigger.start, text)
        # An actor after "with"/"against" is the target, not the subject, unless it is all we have.
        if first is not None and first.span.start >= trigger.end and _TARGET_CUE.search(text, max(sentence.start, first.span.start - 60), first.span.start):
            first = next((a for a in acting if a.span.end <= trigger.start), first)
    # "clashes between the NPA and the military": the codebook keeps the order the text gives.
    if sub in TWO_SIDED:
        pair = _between_pair(text, acting, trigger)
        if pair is not None:
            first = pair
    # "an RCIED targeted a Somali military convoy": when the only side named is the one hit,
    # it is actor2 and the perpetrator is found elsewhere (or unidentified).
    target: ActorMention | None = None
    if (
        (sub in REMOTE or sub in TWO_SIDED) and first is not None and agent is None and first.span.start >= trigger.end
        and not any(a.span.end <= trigger.start for a in acting)
        and _TARGET_CUE.search(text, max(sentence.start, first.span.start - 60), first.span.start)
    ):
        target, first = first, None
    # "militants (suspected TTP)": the group named in parentheses is who the generic noun means.
    if first is not None and first.generic:
        named = next((a for a in acting if not a.generic and _NAMED_AFTER.fullmatch(text, first.span.end, a.span.start)), None)
        if named is not None:
            found = tuple(a for a in found if a is not first)
            first = named
    # Another side: a different kind of actor, another country's, or two groups each named.
    rest = [a for a in found if (first is None or a.name != first.name) and a not in supporters]
    # Battles are fought between armed, organised sides; civilians there are victims, not a side.
    if sub in TWO_SIDED or _EXCHANGE.search(sentence.text):
        # "Houthi and pro-Hadi forces exchanged artillery fire": the sides joined by "and" fought.
        rest = [a for a in rest if a.inter != CIVILIANS]
        # ... unless someone else is the enemy: "AMISOM and SNA forces clashed with Al Shabaab",
        # "SNA/AMISOM forces took over X" (Al Shabaab withdrew, in the next sentence): allies.
        allies = {a.name for a in _associates(text, first, found, None)}
        if allies and (
            any(a.name not in allies for a in rest)
            or (first is not None and first.inter in (STATE, EXTERNAL) and all(a.inter in (STATE, EXTERNAL) for a in rest if a.name in allies)
                and _document_actor(annotated, lambda name, inter: name not in allies and name != first.name and inter not in (CIVILIANS, STATE, EXTERNAL)))
        ):
            rest = [a for a in rest if a.name not in allies]
    else:
        # "Turkish forces and pro-Turkey rebels shelled X": in a one-sided event the actors joined
        # to the subject act together ("X and Y clashed" would make them opponents).
        allies = {a.name for a in _associates(text, first, found, None)}
        rest = [a for a in rest if a.name not in allies]
    # A side with no country of its own is of the event's country ("forces" beside "NISA" in Somalia).
    second = next(
        (a for a in rest if first is None or a.inter != first.inter or _nation(a, country) != _nation(first, country)
         or (not (a.generic or first.generic) or not (a.generic and first.generic)) and not _same_state(a, first, dictionary)),
        None,
    )

    actor1 = Side.of(first) if first else None
    actor2 = Side.of(second) if second else None
    assoc1 = tuple(dict.fromkeys((*_associates(text, first, found, actor2), *(Side.of(a) for a in supporters if first is not None and a is not first))))
    assoc2 = _associates(text, second, found, actor1)

    if sub in _PROTESTS:
        crowd = [a for a in found if a.inter == PROTESTERS]
        # The force that intervened: a state's first ("members of the BJP protested ... police
        # detained them": the party is the protesters', the police intervened), else an armed group.
        force = next((a for a in found if a.inter in (STATE, EXTERNAL)), None)
        protesters = Side.of(crowd[0]) if crowd else make("Protesters ({country})", PROTESTERS)
        if sub == "Peaceful protest":
            return Roles(protesters, None)
        if force is None:
            force = _document_actor(annotated, lambda name, inter: inter in (STATE, EXTERNAL))
        if force is None:
            force = next((a for a in found if a.inter in (2, 3)), None)
        return Roles(protesters, Side.of(force) if force else make("Police Forces of {country}", STATE))
    if sub in _RIOTS:
        rioters = next((Side.of(a) for a in found if a.inter == RIOTERS), None) or make("Rioters ({country})", RIOTERS)
        # Mob violence targets whoever it hits; a violent demonstration only an armed side.
        # Unnamed "assailants", "gangs" or "vigilantes" in a riot are the rioters themselves.
        candidates = [
            a for a in found if a.inter not in (RIOTERS, PROTESTERS) and (sub == "Mob violence" or a.inter != CIVILIANS)
            and not (a.generic and a.inter in (2, 3, 4))
        ]
        # The force that met the riot ("CORD supporters were tear-gassed by police") before the
        # group the rioters belong to.
        target = next((a for a in candidates if a.inter in (STATE, EXTERNAL)), None) or next(iter(candidates), None)
        # "Two groups (of villagers) clashed over a land dispute": rioters on both sides.
        if sub == "Mob violence" and (target is None or target.inter == CIVILIANS) and _GROUPS_CLASH.search(sentence.text):
            return Roles(rioters, rioters)
        if target is not None:
            return Roles(rioters, Side.of(target))
        if sub == "Mob violence":
            return Roles(rioters, make("Civilians ({country})", CIVILIANS))
        # Riots are mostly met by the state's forces; a force named anywhere in the report is the other side.
        force = _document_actor(annotated, lambda name, inter: inter == STATE)
        return Roles(rioters, Side.of(force) if force else None)
    if sub in AGAINST_CIVILIANS:
        perpetrator = actor1 if actor1 is not None and actor1.inter != CIVILIANS else None
        harmed = next((Side.of(a) for a in found if a.inter == CIVILIANS), None)
        if perpetrator is None and mention.sentence > 0:
            # "SAF bomb Kujur Shabia. 3 civilians injured.": the sentence before names who did it.
            before = [a for a in annotated.in_sentence("actors", mention.sentence - 1)
                      if a.inter in (STATE, 2, 3, EXTERNAL) and not _INFORMANT_AFTER.match(text, a.span.end)]
            perpetrator = Side.of(before[0]) if len(before) == 1 else None
        if perpetrator is None:
            perpetrator = make(_UNIDENTIFIED, 3)
        if actor2 is not None and actor2.inter != CIVILIANS and harmed is None and sub == "Abduction/forced disappearance":
            return Roles(perpetrator, actor2, assoc1)
        if (harmed is None and actor2 is not None and actor2.inter in (2, 3, 4) and perpetrator.inter in (STATE, EXTERNAL)
                and second is not None and second.generic):
            # "police shot dead six gang members", "the navy killed three pirates": the armed
            # people the forces hit are a side (ACLED codes the group), not civilians.
            return Roles(perpetrator, actor2, assoc1)
        return Roles(perpetrator, harmed or make("Civilians ({country})", CIVILIANS), assoc1)
    if sub == "Arrests":
        # The acting side if it is armed ("QSD detained ..."), else the state's forces, else the police.
        armed = (
            actor1 if first is not None and first.span.end <= trigger.start and actor1 is not None
            and actor1.inter in (STATE, 2, 3, EXTERNAL) else None
        )
        force = armed or next((Side.of(a) for a in found if a.inter == STATE), None) or make("Police Forces of {country}", STATE)
        # Whoever was held: a named or armed group after the trigger, else civilians.
        held = next(
            (Side.of(a) for a in found if a.name != force.name and a.inter != STATE and a.span.start >= trigger.end),
            None,
        ) or next((Side.of(a) for a in found if a.name != force.name and a.inter != STATE), None)
        return Roles(force, held or make("Civilians ({country})", CIVILIANS))

    if actor1 is None:
        main = _document_actor(annotated, lambda name, inter: inter != CIVILIANS and (target is None or name != target.name))
        actor1 = Side.of(main) if main else None
    if actor2 is None and sub in TWO_SIDED and actor1 is not None:
        joined, acting_inter = {s.name for s in assoc1}, actor1.inter
        other = _document_actor(annotated, lambda name, inter: inter not in (CIVILIANS, acting_inter) and name not in joined)
        actor2 = Side.of(other) if other else None
    if actor1 is None and sub == "Air/drone strike":
        # Air power is a state's: an air strike nobody is named for is the country's air force,
        # or, in a war a foreign state wages there, the invader's (Russia's in Ukraine since
        # 24 February 2022).
        invader = war[2] if war is not None and war[2].inter == STATE and war[2].country != (country or "").upper() else None
        actor1 = invader or make("Military Forces of {country}", STATE)
    if actor1 is None and sub != "Other":
        actor1 = make(_UNIDENTIFIED, 3)
    if actor2 is None and actor1 is not None and actor1.inter not in (STATE, EXTERNAL) and (sub in REMOTE or sub in TWO_SIDED):
        # "an IED targeted a military convoy", "attacked a police checkpoint": the forces whose
        # post, convoy or vehicle was hit are the other side.
        hit = _FORCE_TARGET.search(sentence.text)
        if hit is not None:
            police = (hit.group("force") or "").lower().startswith(("police", "polic"))
            actor2 = make("Police Forces of {country}" if police else "Military Forces of {country}", STATE)
    if sub in REMOTE and actor2 is None and _harmed(_note(annotated, mention)):
        actor2 = make("Civilians ({country})", CIVILIANS)
    if (sub == "Looting/property destruction" and actor2 is None and actor1 is not None and actor1.inter == STATE
            and _DRUG_SEIZURE.search(sentence.text)):
        # Drugs the police seized belonged to a gang: ACLED codes an unidentified gang as actor2.
        actor2 = make("Unidentified Gang ({country})", 3)
    if sub == "Looting/property destruction" and actor2 is None:
        actor2 = make("Civilians ({country})", CIVILIANS)  # whose property, when no one is named
    # Communal fighting between unnamed sides of one kind ("clan militias clashed") is coded
    # as that kind against itself.
    if sub == "Armed clash" and actor2 is None and actor1 is not None and _CIVILIAN_KILLED.search(sentence.text):
        # "gunmen shot dead a ward administrator", "the PDF killed two informants": a killing of
        # unarmed people, whom the codebook codes as civilians, whatever the type says.
        actor2 = make("Civilians ({country})", CIVILIANS)
    if sub == "Armed clash" and actor2 is None and actor1 is not None:
        if actor1.inter in (3, 4, RIOTERS) and (first is None or first.generic):
            actor2 = actor1
        elif actor1.inter in (STATE, EXTERNAL):
            # Forces clashing with nobody named: an unidentified armed group.
            actor2 = make(_UNIDENTIFIED, 3)
    return Roles(actor1, actor2, assoc1, assoc2)


_CIVILIAN_KILLED = re.compile(
    r"\b(?:shot\s+dead|shot\s+and\s+killed|gunned\s+down|executed|assassinated|murdered|beheaded|stabbed\s+to\s+death|hacked\s+to\s+death|killed)\s+"
    r"(?:an?\s+|the\s+|his\s+|her\s+|two\s+|three\s+|four\s+|\d+\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:administrators?|informants?|informers?|villagers?|civilians?|m[ae]n|wom[ae]n|teachers?|farmers?|traders?|residents?"
    r"|shopkeepers?|headm[ae]n|chairm[ae]n|monks?|doctors?|nurses?|students?|child(?:ren)?|boys?|girls?)\b",
    re.IGNORECASE,
)
_DRUG_SEIZURE = re.compile(
    r"\b(?:seiz\w*|confiscat\w*|apprehended|intercepted)\b.{0,80}?\b(?:drugs|narcotics|marijuana|cannabis|cocaine|crack|heroin|methamphetamine|meth|fentanyl|skunk|hashish|opium)\b",
    re.IGNORECASE,
)
_FORCE_TARGET = re.compile(
    r"\b(?:attack\w*|target\w*|hit|struck|ambush\w*|stormed|overran|raided|assault\w*|on|at|against)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?P<force>military|army|police|security\s+forces?|armed\s+forces|government\s+forces?|soldiers?|troops?|border\s+guards?)[’']?s?\s+"
    r"(?:convoy|post|outpost|checkpoint|check\s*post|base|camp|vehicle|patrol|station|position|barracks|tank|truck|pickup|compound)s?"
    # a checkpoint or outpost with no one named ("attacked a check point"): the state's
    r"|(?:check\s*points?|check\s*posts?|outposts?|security\s+posts?))\b",
    re.IGNORECASE,
)
_INFORMANT = re.compile(
    r"\b(?:according\s+to|(?:found|discovered|recovered|retrieved|reported|confirmed)\s+by|told|quoted)\s+(?:the\s+|a\s+|local\s+)*(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_INFORMANT_AFTER = re.compile(
    r"[’']?s?\s+(?:(?:later|also|have|has|had)\s+)?(?:said|say|says|reported|report|stated|confirmed|told|added|announced|are\s+investigating|launched\s+an\s+investigation|spokes\w+)\b"
    # "the army said it had ousted IS": a side telling of its own act is still that side.
    r"(?!\s+(?:that\s+)?(?:it|its|they|their|them|we|our)\b)",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# Words between an agent and the noun it qualifies ("by Afghan military airstrikes", "by Russian shelling").
_MODIFIER_GAP = re.compile(r"\s*(?:[\w-]+\s+){0,2}?", re.IGNORECASE)


def _between_pair(text: str, acting: tuple[ActorMention, ...], trigger: Span) -> ActorMention | None:
    """The first side of "(clashes) between X and Y" near the event word."""
    for i, a in enumerate(acting):
        if abs(a.span.start - trigger.end) > 60 and abs(a.span.start - trigger.start) > 60:
            continue
        if not _BETWEEN.search(text, max(0, a.span.start - 20), a.span.start):
            continue
        if any(_AND_GAP.fullmatch(text, a.span.end, b.span.start) and b.name != a.name for b in acting[i + 1:]):
            return a
    return None


# The verbs and nouns that carry an event, for mentions typed on a whole sentence.
_EVENT_WORD = re.compile(
    r"\b(?:attack\w*|kill\w*|clash\w*|shot|shoot\w*|fired|fires|firing|shell\w*|ambush\w*|abduct\w*|kidnap\w*|arrest\w*"
    r"|detain\w*|protest\w*|demonstrat\w*|rall(?:y|ied|ies)|riot\w*|air\s*strikes?|airstrikes?|struck|bomb\w*|explo\w*|gunned"
    r"|assassinat\w*|raid\w*|captur\w*|seiz\w*|stormed|lynch\w*|beat(?:en)?|burn(?:ed|t)|looted|torched|exchanged|fought"
    r"|engaged|encounter\w*|repell?ed|repulsed|targeted|pounded|hit|stabbed|hacked|assault\w*|marched|blocked|gathered|staged)\b",
    re.IGNORECASE,
)


def event_anchor(annotated: Annotated, mention: EventMention) -> Span:
    """Where the event is in its sentence: the typer's trigger, or, when the trigger is the whole
    sentence (the learned typer types sentences), the first word that carries an event."""
    sentence = annotated.sentences[mention.sentence]
    trigger = mention.trigger
    if trigger.end - trigger.start < 0.6 * max(1, sentence.end - sentence.start):
        return trigger
    text = annotated.document.article.text
    m = _EVENT_WORD.search(text, max(trigger.start, sentence.start), min(trigger.end, sentence.end))
    return Span(m.start(), m.end(), m.group(0)) if m else trigger


def _note(annotated: Annotated, mention: EventMention, reach: int = 2) -> str:
    """The mention's sentence and the next ``reach`` ones: where a note says who was hit."""
    last = min(len(annotated.sentences) - 1, mention.sentence + reach)
    return annotated.document.article.text[annotated.sentences[mention.sentence].start : annotated.sentences[last].end]


def _nation(mention: ActorMention, country: str | None) -> str:
    return (mention.country or country or "").upper()


def _same_state(a: ActorMention, b: ActorMention, dictionary: ActorDictionary | None) -> bool:
    """A state's military and its police ("security forces comprising RR, CRPF and SoG" in India) are
    not each other's enemy. Rival governments' forces (Yemen's, Libya's) are both military, and a de
    facto state's ("Military Forces of Artsakh" in Azerbaijan) is not named after the country."""
    if dictionary is None or a.inter != STATE or b.inter != STATE or not a.country or a.country != b.country:
        return False
    army, police = (dictionary.name_for(t, a.country) for t in ("Military Forces of {country}", "Police Forces of {country}"))
    kinds = {"army" if m.name.startswith(army) else "police" if m.name.startswith(police) else "" for m in (a, b)}
    return kinds == {"army", "police"}


def _merge_aliases(text: str, found: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """An actor named again in parentheses is one side: "government security forces (SNA)",
    "militants (suspected TTP)". The named mention is kept (it carries the group and country)."""
    drop: set[int] = set()
    widened: dict[int, ActorMention] = {}
    ordered = sorted(found, key=lambda m: m.span.start)
    for a, b in pairwise(ordered):
        if CIVILIANS in (a.inter, b.inter) or not _NAMED_AFTER.fullmatch(text, a.span.end, b.span.start):
            continue
        if a.generic and (not b.generic or (b.country and not a.country)):
            # The name stands where the generic noun stood, so cue words before it still apply.
            drop.add(id(a))
            widened[id(b)] = replace(b, span=Span(a.span.start, b.span.end, text[a.span.start : b.span.end]))
        elif b.generic or a.inter == b.inter:
            drop.add(id(b))
            # The aside is part of the mention: "international forces (coded as ...) and SNA" joins them.
            close = re.match(r"[^()]*\)", text[b.span.end : b.span.end + 40])
            if close is not None and id(a) not in widened:
                end = b.span.end + close.end()
                widened[id(a)] = replace(a, span=Span(a.span.start, end, text[a.span.start : end]))
    if not drop:
        return found
    return tuple(widened.get(id(m), m) for m in found if id(m) not in drop)


def _associates(text: str, head: ActorMention | None, found: tuple[ActorMention, ...], other: Side | None) -> tuple[Side, ...]:
    """Actors joined to ``head`` by "and", "along with", "backed by": they fought on its side."""
    if head is None:
        return ()
    out: list[Side] = []
    chain = head
    for a in sorted(found, key=lambda m: m.span.start):
        if a.span.start < chain.span.end or a.name == head.name or a.inter == CIVILIANS:
            continue
        if other is not None and a.name == other.name:
            break
        if _ASSOC_GAP.match(text[chain.span.end : a.span.start]):
            out.append(Side.of(a))
            chain = a
        else:
            break
    return tuple(out)


def _document_actor(annotated: Annotated, keep: Callable[[str, int], bool]) -> ActorMention | None:
    """The actor named most often in the document among the names and inter codes ``keep`` accepts
    (ties: the first name in order), at its first mention. Counted once per document, then asked
    per (name, inter) group: an event of a long document does not rescan every actor."""
    groups = annotated.derived("actor_groups", _actor_groups)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for (name, inter), (count, at) in groups.items():
        if keep(name, inter):
            counts[name] += count
            first[name] = min(at, first.get(name, at))
    if not counts:
        return None
    best = min(counts, key=lambda name: (-counts[name], name))
    return annotated.actors[first[best]]


def _actor_groups(annotated: Annotated) -> dict[tuple[str, int], tuple[int, int]]:
    """(name, inter) -> (mentions, position of the first) over the document's actor mentions."""
    groups: dict[tuple[str, int], tuple[int, int]] = {}
    for i, a in enumerate(annotated.actors):
        count, at = groups.get((a.name, a.inter), (0, i))
        groups[(a.name, a.inter)] = (count + 1, at)
    return groups
