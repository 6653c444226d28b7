"""unnamed_sides: the codebook's rules for sides the text does not name outright.

Applied after the sides are read from the sentence's words (``roles``): the group that claimed an
attack is its perpetrator; generic sides ("troops") take the event's country; unnamed fighters of an
ethnic, clan or communal feud are identity militias; and unnamed sides of fighting in a known war
are its parties, ordered across the Donbas contact line before Russia's invasion of Ukraine.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

from ..paths import DATA_DIR
from ..records import Annotated, EventMention
from ..text.actors import ActorDictionary
from .sides import AGAINST_CIVILIANS, CIVILIANS, REMOTE, STATE, TWO_SIDED, Roles, Side

# "IS claimed responsibility", "the TTP has claimed the attack", "claimed by Al Shabaab".
_CLAIM_AFTER = re.compile(
    r"[’']?s?\s+(?:(?:has|have|had|later|also|reportedly|quickly|subsequently)\s+){0,2}(?:claim(?:ed|s)?|accepted|took)\s+"
    r"(?:(?:the\s+)?responsibility|credit|the\s+(?:attack|killing|bombing|blast|explosion|assassination|abduction|kidnapping))",
    re.IGNORECASE,
)
_CLAIM_BEFORE = re.compile(r"\b(?:claimed|claim\w*\s+(?:of\s+)?responsibility)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_NO_CLAIM = re.compile(r"\b(?:no|not|nobody|none|yet\s+to)\b[^.]{0,40}$", re.IGNORECASE)


def claimed(roles: Roles, annotated: Annotated, mention: EventMention) -> Roles:
    """The codebook codes the group that claimed an attack as its actor1, when the text names no
    other perpetrator: "gunmen shot dead an aid worker. IS claimed responsibility" -> Islamic State."""
    # A force that a bomb hit, taken as actor1 for want of another side ("an IED attached to a
    # Taliban vehicle exploded ... ISKP claimed responsibility"), is the target.
    hit = roles.actor1 is not None and roles.actor1.inter != CIVILIANS and roles.actor2 is None and mention.sub_event_type in REMOTE
    if roles.actor1 is not None and not roles.actor1.name.startswith("Unidentified Armed Group") and not hit:
        return roles
    text = annotated.document.article.text
    last = min(len(annotated.sentences) - 1, mention.sentence + 2)
    for index in range(max(0, mention.sentence - 1), last + 1):
        start = annotated.sentences[index].start
        for a in annotated.in_sentence("actors", index):
            if a.inter not in (2, 3, 4) or a.generic:
                continue
            claim = _CLAIM_AFTER.match(text, a.span.end) or _CLAIM_BEFORE.search(text, max(start, a.span.start - 40), a.span.start)
            if claim is not None and not _NO_CLAIM.search(text, max(start, a.span.start - 40), a.span.start):
                side = Side.of(a)
                if any(r is not None and r.name == side.name for r in (roles.actor1, roles.actor2)):
                    return roles
                return Roles(side, roles.actor1 if hit else roles.actor2, roles.assoc1, roles.assoc2)
    return roles


def localized(roles: Roles, dictionary: ActorDictionary, country: str) -> Roles:
    """Generic sides the document did not place ("troops" in a note with no country) take the
    event's country: "Military Forces" -> "Military Forces of Myanmar". So do those named after where
    they were told, when the event is elsewhere: "Islamic State militants" in a sentence after "the
    Turkish border", of an event placed at a Syrian town, are "Islamic State (Syria)"."""
    def fix(side: Side | None) -> Side | None:
        if side is not None and side.template is not None and side.country and side.country != country.upper():
            return Side(dictionary.name_for(side.template, country), side.inter, country.upper(), side.template)
        if side is None or side.country:
            return side
        name = dictionary.with_country(side.name, country)
        return Side(name, side.inter, country.upper()) if name else side

    return Roles(fix(roles.actor1), fix(roles.actor2), tuple(fix(a) or a for a in roles.assoc1), tuple(fix(a) or a for a in roles.assoc2))


# Words that make unnamed fighters an identity militia (ACLED inter 4), and which kind.
_IDENTITY = re.compile(r"\b(ethnic|tribal|tribes?|clans?|sub-clans?|communal|inter-communal|intercommunal)\b", re.IGNORECASE)
# Local feuds: ACLED codes unnamed sides of land disputes and revenge killings as communal militias.
_COMMUNAL = re.compile(
    r"\b(?:(?:land|property|boundary|grazing|water)(?:\s*/\s*\w+)?\s+(?:dispute|row|feud|conflict)s?|disputes?\s+over\s+(?:land|property|a\s+plot)"
    r"|revenge\s+(?:attack|killing|mission|raid)s?|blood\s+feud|rivalry\s+between\s+(?:two\s+)?(?:communities|villages|clans|families))\b",
    re.IGNORECASE,
)
_IDENTITY_KIND = {"ethnic": "Ethnic", "tribal": "Tribal", "tribe": "Tribal", "tribes": "Tribal", "clan": "Clan", "clans": "Clan",
                  "sub-clan": "Clan", "sub-clans": "Clan"}


def identity_sides(roles: Roles, sub: str, note: str, dictionary: ActorDictionary | None, country: str | None) -> Roles:
    """Unnamed armed sides of an ethnic, tribal, clan or communal fight are identity militias:
    "clashes between rival ethnic groups" -> Unidentified Ethnic Militia (4) on both sides."""
    if sub not in TWO_SIDED and sub not in AGAINST_CIVILIANS:
        return roles
    m = _IDENTITY.search(note)
    if m is None and not _COMMUNAL.search(note):
        return roles
    kind = _IDENTITY_KIND.get(m.group(1).lower(), "Communal") if m else "Communal"
    template = f"Unidentified {kind} Militia ({{country}})"
    name = dictionary.name_for(template, country) if dictionary else template.replace(" ({country})", "")
    militia = Side(name, 4, country)

    def swap(side: Side | None) -> Side | None:
        return militia if side is not None and side.name.startswith("Unidentified Armed Group") else side

    return Roles(swap(roles.actor1), swap(roles.actor2), roles.assoc1, roles.assoc2)


# The parties of a war, by country and period: fighting there between sides the text does not
# name is coded between them (first the side that usually attacks). Donbas until Russia's
# invasion of 24 February 2022, then Russia's war against Ukraine.
WARS: dict[str, tuple[tuple[dt.date, dt.date | None, Side, Side], ...]] = {
    "UA": (
        (dt.date(2014, 4, 6), dt.date(2022, 2, 24),
         Side("NAF: United Armed Forces of Novorossiya", 2, "UA"), Side("Military Forces of Ukraine", STATE, "UA")),
        (dt.date(2022, 2, 24), None,
         Side("Military Forces of Russia", STATE, "RU"), Side("Military Forces of Ukraine", STATE, "UA")),
    ),
}
# Shelling by an unnamed side in those wars: who fires most often in ACLED's coding.
_WAR_SHELLING = {"Shelling/artillery/missile attack", "Air/drone strike"}


def _unnamed(side: Side | None) -> bool:
    return side is None or side.name.startswith("Unidentified Armed Group")


def war_at(country: str | None, when: dt.date | None) -> tuple[dt.date, dt.date | None, Side, Side] | None:
    """The known war in ``country`` on ``when``, if any."""
    if country is None or when is None or country.upper() not in WARS:
        return None
    return next((w for w in WARS[country.upper()] if w[0] <= when and (w[1] is None or when < w[1])), None)


# Towns on each side of the Donbas contact line (2015 - February 2022), for the order of unnamed sides.
DONBAS_LINE = DATA_DIR / "donbas_line.tsv"
# Beyond this distance from every listed town a place is not classed.
_LINE_KM = 20.0


@functools.lru_cache(maxsize=1)
def _donbas_towns() -> tuple[tuple[float, float, bool], ...]:
    """(latitude, longitude, held by the republics) for each town of ``DONBAS_LINE``."""
    towns = []
    for line in DONBAS_LINE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _name, lat, lon, side = line.split("\t")
        towns.append((float(lat), float(lon), side.strip() == "NGCA"))
    return tuple(towns)


def _nearest_town(latitude: float, longitude: float) -> tuple[float, bool]:
    """The distance in km to the nearest town of ``DONBAS_LINE`` (the first listed of equally near ones) and
    whether the republics held it. Equirectangular distance: enough at this scale."""
    return min(
        ((111.2 * math.hypot(latitude - t_lat, (longitude - t_lon) * math.cos(math.radians(latitude))), ngca)
         for t_lat, t_lon, ngca in _donbas_towns()),
        key=lambda town: town[0],
    )


def km_to_contact_line(latitude: float, longitude: float) -> float:
    """Distance in km from a point to the nearest town of ``DONBAS_LINE``."""
    return _nearest_town(latitude, longitude)[0]


def _held_by_republics(at: tuple[float, float] | None) -> bool | None:
    """Whether ``at`` lay on the republics' side of the Donbas contact line (the nearest listed town's
    side); None far from every listed town."""
    if at is None or not _donbas_towns():
        return None
    km, ngca = _nearest_town(*at)
    return ngca if km <= _LINE_KM else None


def war_sides(roles: Roles, sub: str, country: str | None, when: dt.date | None, at: tuple[float, float] | None = None) -> Roles:
    """Fill unnamed sides of fighting in a known war with its parties. Before Russia's invasion, the
    side that fired at a place in the Donbas is the one across the contact line from it."""
    war = war_at(country, when)
    if war is None:
        return roles
    _, _, attacker, defender = war
    invasion = attacker.inter == STATE
    across = None if invasion else _held_by_republics(at)
    if across is True:
        # Fire observed where the republics held: from the government's side.
        attacker, defender = defender, attacker
    a1, a2 = roles.actor1, roles.actor2
    if sub in TWO_SIDED:
        if _unnamed(a1) and (_unnamed(a2) or (a2 is not None and a2.name == getattr(a1, "name", None))):
            return Roles(attacker, defender, roles.assoc1, roles.assoc2)
        # A party or one of its units ("Military Forces of Ukraine Azov Regiment").
        def other(side: Side | None) -> Side | None:
            if side is None:
                return None
            if side.name.startswith(attacker.name):
                return defender
            return attacker if side.name.startswith(defender.name) else None

        if a1 is not None and _unnamed(a2) and other(a1) is not None:
            return Roles(a1, other(a1), roles.assoc1, roles.assoc2)
        if a2 is not None and _unnamed(a1) and other(a2) is not None:
            return Roles(other(a2), a2, roles.assoc1, roles.assoc2)
    elif sub == "Disrupted weapons use" and invasion and a1 is not None and a1.name == defender.name and _unnamed(a2):
        # The defender's air defence downed a missile or drone: the invader's.
        return Roles(a1, attacker, roles.assoc1, roles.assoc2)
    elif sub in _WAR_SHELLING and _unnamed(a1):
        # Before the invasion the monitors' notes mostly attribute unnamed shelling to the
        # government's side; after it, to Russia's forces.
        shooter = defender if not invasion and across is None else attacker
        return Roles(shooter, a2 if a2 is None or a2.name != shooter.name else None, roles.assoc1, roles.assoc2)
    return roles
