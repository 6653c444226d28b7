"""sides: an actor as coded (``Side``), an event's sides (``Roles``) and ACLED's inter codes they use."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import ActorMention

# ACLED inter codes the codebook's rules name.
CIVILIANS, PROTESTERS, RIOTERS, STATE, EXTERNAL = 7, 6, 5, 1, 8
# Violence against civilians: civilians are actor2 by definition.
AGAINST_CIVILIANS = {"Attack", "Abduction/forced disappearance", "Sexual violence"}
# Sub-types where someone is acted on, so a missing actor2 is the other side of the conflict.
TWO_SIDED = {
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
}
# Remote violence that hit people who are not a side: ACLED codes civilians as actor2.
REMOTE = {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Grenade", "Air/drone strike", "Suicide bomb"}


@dataclass(frozen=True, slots=True)
class Side:
    """An actor as coded: ACLED-style name, inter code (as a domestic actor) and ISO2 country."""

    name: str
    inter: int
    country: str | None = None
    # ``ActorMention.template``: the name with its country left open, when no word fixed the country.
    template: str | None = field(default=None, compare=False)

    @classmethod
    def of(cls, mention: ActorMention) -> Side:
        return cls(mention.name, mention.inter, mention.country, mention.template)


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: Side | None
    actor2: Side | None
    assoc1: tuple[Side, ...] = ()
    assoc2: tuple[Side, ...] = ()
