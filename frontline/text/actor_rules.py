"""Rules that refine the actor dictionary's matches in running text: a country adjective that is a
region ("northern Syrian"), text in capitals, a name used as a modifier ("Taliban-era"), identity
militias named by their community, rebel groups named only by an acronym, and "X and Y forces" spans.

``ActorMatch`` lives here because both the dictionary and these rules make them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .truecase import case_counts

# "al Qaeda-affiliated Nusra Front", "rebel-held areas", "IS-linked": the mention is a
# modifier, not an actor taking part.
_MODIFIER_SUFFIXES = frozenset(
    ["affiliated", "linked", "backed", "allied", "aligned", "led", "controlled", "held", "run", "supported", "sponsored", "inspired", "leaning", "style", "related", "dominated", "occupied", "besieged", "loyal", "friendly", "funded", "trained", "armed", "influenced", "claimed", "appointed", "installed", "picked", "nominated"]
)
_HYPHENS = "-\u2010\u2011\u2012\u2013"


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """One actor mention; ``start``/``end`` index the text given to ``find``."""

    start: int
    end: int
    text: str
    name: str  # ACLED-style name, country filled in
    inter: int  # ACLED inter code as a domestic actor
    country: str | None  # ISO2 of the actor's country when known
    generic: bool  # "rebels"/"troops"-style mention rather than a named group
    template: str = ""  # the dictionary name, "{country}" unfilled (for ``localize``)
    qualified: bool = False  # a nationality adjective or the entry itself fixed the country



_REGION_WORDS = frozenset(
    ["central", "latin", "south", "north", "east", "west", "southeast", "southwest", "northeast", "northwest", "sub", "saharan", "pan", "arab", "anglo"]
)


def preceded_by_region_word(text: str, a: int, floor: int) -> bool:
    m = re.search(r"([A-Za-z]+)[ -]$", text[max(floor, a - 16) : a])
    return bool(m and m.group(1)[0].isupper() and m.group(1).lower() in _REGION_WORDS)


def is_shouting(text: str) -> bool:
    """Mostly capitals (over two upper-case letters to each lower-case one): an adjective then cannot be told
    from a name by its case. Looser than ``truecase.is_shouting``, which decides whether to rewrite a text."""
    upper, lower = case_counts(text)
    return upper > 2 * lower


# "military informants", "junta administrators", "police informers": people tied to a side, whom the
# codebook codes as civilians when they are attacked; the side's name only qualifies them.
_QUALIFIED_PEOPLE = re.compile(
    r"\s+(?:informants?|informers?|administrators?|appointees?|collaborators?|spies|spy|sympathi[sz]ers?)\b", re.IGNORECASE
)


# "an administrator appointed by the military council", "a man accused of supporting the PDF": the
# side only qualifies the person, whom the codebook codes as a civilian when hit.
_TIED_TO = re.compile(
    r"\b(?:appointed\s+by|installed\s+by|(?:loyalty|allegiance)\s+to|working\s+for|worked\s+for|spying\s+for|informing\s+for|informants?\s+(?:for|of)"
    r"|(?:accused|suspected)\s+of\s+(?:\w+\s+){0,3}?(?:supporting|joining|aiding|helping|financing|funding|spying\s+for"
    r"|working\s+for|links\s+(?:to|with)|being\s+(?:a\s+)?members?\s+of))\s+(?:the\s+|a\s+|an\s+)?(?:local\s+)?\Z",
    re.IGNORECASE,
)


def is_modifier(text: str, start: int, stop: int) -> bool:
    if _QUALIFIED_PEOPLE.match(text, stop) or _TIED_TO.search(text[max(0, start - 60) : start]):
        return True
    if stop < len(text) and text[stop] in _HYPHENS:
        m = re.match(r"[A-Za-z]+", text[stop + 1 : stop + 16])
        if m and m.group(0).lower() in _MODIFIER_SUFFIXES:
            return True
    # "anti-Houthi forces" are the Houthis' enemies.
    return (
        start >= 5
        and text[start - 5 : start - 1].lower() == "anti"
        and text[start - 1] in _HYPHENS
    )


# Identity militias named by their community: "Hawadle clan militia", "Al Muaili tribesmen",
# "Tiv and Ichen ethnic militias", "militias from the Hawadle and Jarer Weyne clans" (ACLED inter 4).
_NAME_WORDS = r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+"
_MILITIA_AFTER = re.compile(
    rf"\b(?P<a>{_NAME_WORDS})(?:\s+(?:and|&)\s+(?P<b>{_NAME_WORDS}))?\s+"
    r"(?i:(?P<kind>clan|sub-clan|tribal|ethnic|communal)\s+(?:militias?|militiamen|fighters|members)|(?P<noun>tribesmen|clansmen))\b"
)
_MILITIA_BEFORE = re.compile(
    rf"\b(?i:militias?)\s+(?:from|of)\s+the\s+(?P<a>{_NAME_WORDS})(?:\s+and\s+(?P<b>{_NAME_WORDS}))?\s+"
    r"(?i:(?P<kind>clans?|sub-clans?|tribes?|communities))\b"
)
_MILITIA_KINDS = {
    "clan": "Clan", "sub-clan": "Clan", "clansmen": "Clan", "clans": "Clan", "sub-clans": "Clan",
    "tribal": "Tribal", "tribesmen": "Tribal", "tribe": "Tribal", "tribes": "Tribal",
    "ethnic": "Ethnic", "communal": "Communal", "community": "Communal", "communities": "Communal",
}
_NOT_COMMUNITY = frozenset(
    {
        "the", "a", "an", "unidentified", "unknown", "armed", "local", "rival", "suspected", "two", "some",
        "several", "many", "other", "both", "on", "in", "at",
    }
)


def identity_militias(
    text: str, found: list[ActorMatch], iso: str | None, name_for: Callable[[str, str | None], str]
) -> list[ActorMatch]:
    """Add identity militias named by their community; they replace generic mentions they cover."""
    if not re.search(r"clan|trib|ethnic|communal|communit", text, re.IGNORECASE):
        return found
    extra: list[ActorMatch] = []
    for pattern in (_MILITIA_AFTER, _MILITIA_BEFORE):
        for m in pattern.finditer(text):
            kind = _MILITIA_KINDS.get((m.group("kind") or m.groupdict().get("noun") or "").lower())
            if kind is None:
                continue
            for group in ("a", "b"):
                words = (m.group(group) or "").split()
                while words and words[0].lower() in _NOT_COMMUNITY:
                    words = words[1:]
                if not words or not words[0][0].isupper():
                    continue
                start = m.start(group) + m.group(group).index(words[0])
                if pattern is _MILITIA_BEFORE and group == "a":
                    start = m.start()  # "militias from the Hawadle ...": the generic noun is this actor
                # "Hawadle clan militia" is one span; in "X and Y tribesmen" each name is its own.
                end = m.end() if pattern is _MILITIA_AFTER and (group == "b" or not m.group("b")) else m.end(group)
                if any(f.start < end and start < f.end and not f.generic for f in found):
                    continue  # a named group of the dictionary wins
                template = f"{' '.join(words)} {kind} Militia ({{country}})"
                extra.append(
                    ActorMatch(start, end, text[start:end], name_for(template, iso), 4, iso, False, template, False)
                )
    if not extra:
        return found
    kept = [f for f in found if not any(x.start < f.end and f.start < x.end for x in extra)]
    return sorted(kept + extra, key=lambda a: a.start)


# "RF militants", "militants of the Kamatapur Liberation Organization (KLO)": a group the
# dictionary lacks, named by its acronym, is a rebel group (ACLED inter 2), not an unidentified one.
_REBEL_NOUN = r"(?:militants?|insurgents?|rebels?)"
_ACRONYM_BEFORE = re.compile(r"(?<![\w-])(?P<name>[A-Z][A-Z0-9]{1,5})(?:[’']s)?\s+" + _REBEL_NOUN + r"\Z")
_NAMED_AFTER = re.compile(
    r"\s+(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,6}\((?P<name>[A-Z][A-Z0-9]{1,5})\)"
)
# Acronyms that are not armed groups.
_NOT_GROUP = frozenset({"US", "USA", "UK", "UN", "EU", "AU", "IDP", "IDPS", "IED", "IEDS", "SMM", "OSCE", "NGO", "TV", "AK"})


def named_rebels(text: str, found: list[ActorMatch]) -> list[ActorMatch]:
    """Generic "militants" that an unknown acronym names are that rebel group."""
    out: list[ActorMatch] = []
    for f in found:
        if f.generic and f.template.startswith("Unidentified Armed Group") and re.fullmatch(_REBEL_NOUN, f.text, re.IGNORECASE):
            before = _ACRONYM_BEFORE.search(text, max(0, f.start - 12), f.end)
            after = _NAMED_AFTER.match(text, f.end)
            m = before or after
            taken = any(o is not f and o.start < (after.end() if after else f.end) and (before.start() if before else f.start) < o.end for o in found)
            if m is not None and m.group("name").upper() not in _NOT_GROUP and not taken:
                start = before.start() if before else f.start
                end = after.end() if after else f.end
                out.append(replace(f, start=start, end=end, text=text[start:end], name=m.group("name"), inter=2,
                                   generic=False, template=m.group("name"), qualified=True))
                continue
        out.append(f)
    return out


_OF_GAP = re.compile(r" (?:of|from) (?:the )?")


def absorb(text: str, spans: list[list]) -> list[list]:
    """Merge a named group with an adjacent armed generic noun: "Taliban militants",
    "the jihadist group Nusra Front" are one actor, not two."""
    out: list[list] = []
    for sp in spans:
        if out:
            prev = out[-1]
            gap = text[prev[1] : sp[0]]
            p_e, c_e = prev[2], sp[2]
            adjacent = bool(gap) and len(gap) <= 2 and gap.isspace() and "\n" not in gap
            if (
                adjacent
                and not p_e.generic
                and c_e.generic
                and sp[3] is None
                and c_e.inter <= 3
            ):
                prev[1] = sp[1]
                continue
            # "jihadist group Nusra Front", "fighters of al-Nusra Front"
            if (
                p_e.generic
                and not c_e.generic
                and prev[3] is None
                and p_e.inter <= 3
                and (adjacent or _OF_GAP.fullmatch(gap))
            ):
                out[-1] = [prev[0], sp[1], c_e, sp[3]]
                continue
        out.append(sp)
    return out
