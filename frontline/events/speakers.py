"""speakers: where a place names who spoke, who acted or whose outlet reported, not where an event happened.

"Washington says", "said in Geneva", "U.S. air strikes", "as the Washington Post asserted", "reports The Assam
Tribune": the place stage (``place``) skips such places, in the event's own sentence and when it falls back on a
place named earlier.
"""

from __future__ import annotations

import re

from ..records import PlaceMention
from .qualifiers import in_outlet_name

# Where a statement was made or who made it is not where the event was ("Sabra said in Turkey", "Washington says").
_SAID_IN_BEFORE = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?reporters|speaking|spoke|announced|declared|statement|(?:news\s+)?conference)\s+(?:in|from|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SPEAKS_AFTER = re.compile(
    r"(?:\s*(?:,|and)\s*(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})?\s+(?:has\s+|have\s+)?"
    r"(?:says?|said|estimates?|estimated|believes?|claims?|claimed|accuses|accused|blames?|blamed|charges?|condemned|insists?|insisted)\b"
)


# A town's name that opens a news outlet's name ("the Washington Post", "the Miami Herald") names the outlet.
_OUTLET_AFTER = re.compile(r"\s+(?:Post|Times|Herald|Tribune|Gazette|Chronicle|Globe|Journal|Examiner|Courier|Telegraph|Inquirer)\b", re.IGNORECASE)


# Where an organisation sits is not where an event was: "whose main offices are in Mexico", "headquartered in".
# Only told as where it sits (a verb): "the police headquarters in Kandahar" is where an attack on it took place.
_SEAT_BEFORE = re.compile(r"\b(?:(?:offices|headquarters|seat)\s+(?:is|are|was|were)\s+(?:located\s+)?|headquartered\s+)in\s+(?:the\s+)?$", re.IGNORECASE)


# A country's name before a title, a force or its arms is its adjective: "U.S. President Barack Obama",
# "killed in U.S. air strikes on Raqqa", "bombs dropped by Russia aircraft".
_TITLE_AFTER = re.compile(
    r"[-\s]+(?:President|Secretary|officials?|forces|troops|army|military|government|administration|envoy|ambassador"
    r"|diplomats?|Congress|lawmakers|intelligence|-?led|-?backed|-?based"
    r"|(?i:air\s*strikes?|air\s+raids?|strikes|raids|war\s*planes?|jets|aircraft|planes|drones|missiles?|bombs?|bombing"
    r"|bombardment|navy|air\s+force|soldiers))\b"
)


# People on the spot who tell what happened there: "rescuers in Saraqeb said" places the event, unlike
# "Washington says".
_WITNESSES_IN_BEFORE = re.compile(
    r"\b(?:residents|rescuers|rescue\s+workers|witnesses|activists|medics|paramedics|doctors|locals|volunteers|villagers)\s+(?:in|of|from|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def speaks(text: str, place: PlaceMention) -> bool:
    """The place names a speaker or the place of a statement, not an event's place; a country's name
    is also not its place where it qualifies a speaker or a force ("U.S. President", "U.S.-based")."""
    if _WITNESSES_IN_BEFORE.search(text, max(0, place.span.start - 40), place.span.start):
        return False
    if _SAID_IN_BEFORE.search(text, max(0, place.span.start - 40), place.span.start) or _SPEAKS_AFTER.match(text, place.span.end):
        return True
    if in_outlet_name(text, place.span.start):
        return True  # the outlet a summary cites: ", reports The Assam Tribune" of a bomb in Manipur
    if _OUTLET_AFTER.match(text, place.span.end) or _SEAT_BEFORE.search(text, max(0, place.span.start - 40), place.span.start):
        return True  # "as the Washington Post asserted", "an agency whose main offices are in Mexico": no event's place
    return place.place is not None and place.place.feature_code.startswith("PCL") and bool(_TITLE_AFTER.match(text, place.span.end))
