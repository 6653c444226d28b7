"""notes: one sentence in ACLED's style, built from an event's fields."""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Event

# What actor1 did, per sub-event type; "{a2}" is replaced by " <actor2>" when there is one.
_VERBS = {
    "Armed clash": "clashed with{a2}",
    "Government regains territory": "regained territory from{a2}",
    "Non-state actor overtakes territory": "took territory from{a2}",
    "Chemical weapon": "used chemical weapons against{a2}",
    "Air/drone strike": "carried out air strikes against{a2}",
    "Suicide bomb": "carried out a suicide bombing against{a2}",
    "Shelling/artillery/missile attack": "shelled{a2}",
    "Remote explosive/landmine/IED": "detonated an explosive device against{a2}",
    "Grenade": "threw a grenade at{a2}",
    "Sexual violence": "committed sexual violence against{a2}",
    "Attack": "attacked{a2}",
    "Abduction/forced disappearance": "abducted{a2}",
    "Peaceful protest": "protested",
    "Protest with intervention": "protested and were dispersed by{a2}",
    "Excessive force against protesters": "used excessive force against{a2}",
    "Violent demonstration": "rioted",
    "Mob violence": "engaged in mob violence against{a2}",
    "Agreement": "reached an agreement with{a2}",
    "Arrests": "arrested{a2}",
    "Change to group/activity": "changed group activity",
    "Disrupted weapons use": "disrupted weapons use by{a2}",
    "Headquarters or base established": "established a base",
    "Looting/property destruction": "looted or destroyed property of{a2}",
    "Non-violent transfer of territory": "handed over territory to{a2}",
    "Other": "took part in an event with{a2}",
}
# What actor1 did when no one was on the receiving end.
_NO_OBJECT = {
    "Shelling/artillery/missile attack": "carried out shelling",
    "Attack": "carried out an attack",
    "Abduction/forced disappearance": "abducted people",
    "Arrests": "made arrests",
    "Looting/property destruction": "looted or destroyed property",
    "Remote explosive/landmine/IED": "detonated an explosive device",
    "Grenade": "threw a grenade",
    "Other": "took part in an event",
}
_PRECISION_WORDS = {2: "During the week of ", 3: "In the month of "}


def describe(event: Event) -> Event:
    """Return ``event`` with ``notes`` set, e.g. "On 30 June 2016, ... in Jabal al-Akrad (Latakia). 113 fatalities." """
    when = ""
    if event.event_date is not None:
        if event.time_precision == 3:
            when = f"In {event.event_date:%B %Y}, "
        else:
            prefix = _PRECISION_WORDS.get(event.time_precision or 1, "On ")
            when = f"{prefix}{event.event_date.day} {event.event_date:%B %Y}, "
    actor = event.actor1 or "unidentified actors"
    if event.assoc_actor_1:
        actor += f" (with {event.assoc_actor_1.replace('; ', ', ')})"
    verb = _VERBS.get(event.sub_event_type, "were involved in an event with{a2}")
    if event.actor2:
        verb = verb.replace("{a2}", f" {event.actor2}")
    else:
        verb = _NO_OBJECT.get(event.sub_event_type) or re.sub(r"\s+(?:with|against|from|by|of|at|to)\{a2\}$|\{a2\}$", "", verb)
    where = event.location + (f" ({event.admin1})" if event.admin1 and event.admin1 != event.location else "")
    near = "near " if event.geo_precision == 2 else "in "
    text = f"{when}{actor} {verb} {near}{where}." if where else f"{when}{actor} {verb}."
    if event.fatalities:
        text += f" {event.fatalities} {'fatality' if event.fatalities == 1 else 'fatalities'}."
    return replace(event, notes=text[0].upper() + text[1:])
