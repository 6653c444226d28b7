"""not_the_scene: places a sentence names that are not where its event happened.

A country or its capital often stands for its government: "Russia launched air strikes in support of ...",
"backed by Moscow which stepped up its air strikes", "a ceasefire brokered by the US and Russia", "the
Syrian government or its ally Russia", "Washington regards them as ...". Those name who acted, not where.
A dateline inside the text ("MOSCOW (Sputnik) Six people were killed ... in Damascus") names where the
report was filed. Where talks were held or a body sits ("peace talks in Geneva", "the Kazakh capital
Astana", "the group based in The Hague", "an emergency meeting of the U.N. Security Council in New York")
is not where a violent event was. A terror listing ("Daesh (outlawed in Russia)") names the country that
bans the group; "a visit to Moscow", "mercenaries from Saudi Arabia", "reporting by ... in Moscow" and "the White
House" (also Casablanca's name) name no event's place either, and a weapon ("Tomahawk missiles") is no place. The place stage (``place``) skips
such places in the event's sentence and when it falls back on a place named earlier.
"""

from __future__ import annotations

import re

from ..records import PlaceMention

# What a government does, said of a country or a capital as its subject ("Russia launched", "Moscow would support").
_ACTS_AFTER = re.compile(
    r"(?:\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"  # "Moscow and Beijing have vetoed"
    r"(?:\s*[,–—-]\s*(?:which|who)\s+|\s+(?:which\s+|who\s+)?)"  # after a comma or a dash only "which"/"who": ", armed men"
    r"(?:(?:has|have|had|is|will|would|also|then|later|itself|reportedly|now)\s+)*"
    r"(?:launched|launches|bombed|bombs|bombarded|carried\s+out|carries\s+out|stepped\s+up|steps\s+up|intensified|"
    r"announced|announces|brokered|brokers|backed|backs|backing|supports?|supported|supporting|sent|sends|deployed|deploys|"
    r"began|begun|begins|started|starts|intervened|intervenes|regards|regarded|considers|considered|agreed|agrees|pledged|"
    r"provided|provides|providing|struck|strikes|fired|fires|conducted|conducts|resumed|resumes|helped|helping|"
    r"helps|vetoed|vetoes|imposed|imposes|sponsored|sponsors|targeted|targets|hosted|hosts|denied|denies|warned|warns|"
    r"threatened|threatens|wants|opened|opens|extended|extends|dropped|drops|ordered|orders|insisted|condemned|vetoed|"
    r"urging|urged|urges|called|calls|accused|accuses|declared|declares|stated|states|"
    r"holds\s+responsibility|is\s+responsible)\b",
    re.IGNORECASE,
)
# A country or capital that acts for someone or with someone: "by the US and Russia", "its ally Russia", "backer Turkey".
_AGENT_BEFORE = re.compile(
    r"\b(?:by|ally|allies|backer|backers|supporters?|belonging\s+to|patron|sponsor|guarantors?|calling\s+on|urged|urging|"
    r"accused|accusing|accuses|blamed|blaming|blames)\s+"
    r"(?:the\s+)?(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*(?:,|and|or)\s+(?:the\s+)?)?$"
)
# "Moscow-brokered", "Washington’s ally", "the Russia-backed truce" (after "-backed", ``speakers`` already).
_AGENT_AFTER = re.compile(r"(?:-(?:brokered|sponsored|supported|allied)\b|[’']s?\s+(?:ally|allies|backing|support|air\s+force|war\s*planes|jets)\b)", re.IGNORECASE)
# A place named where, in the same clause, it is said with "in", "at" or "to": "in Russia" stays a place.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|into|inside|across|throughout|to|within|on|over|outside|around)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)

# In-text datelines: "MOSCOW (Sputnik) Six people ...", "BEIRUT (AP) — ...": a city in capitals and an agency.
_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Z][A-Za-z .&-]{1,30}\))\s*(?:[-–—:]\s*)?[A-Z0-9\"“]")

# Talks, meetings and a seat: "peace talks in Geneva", "talks ... entered a second day in the Kazakh capital Astana",
# "an emergency meeting of the U.N. Security Council in New York", "The UN-backed group based in The Hague".
_TALKS_BEFORE = re.compile(
    r"(?<![-\w])(?:talks|negotiations|negotiators|meetings?|met|meet|conferences?|summits?|sessions?|briefing|hosted|"
    r"convened?|based|headquartered|seated|Security\s+Council|forum|brief|briefed)\b((?:[^.;:!?]|\.(?=\S)){0,80}?)\b(?:in|at)\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:capital\s+)?$",
    re.IGNORECASE,
)
# Between the talks and their place, no word of violence: "peace talks collapsed as fighting raged in Aleppo" is in Aleppo.
_VIOLENCE = re.compile(r"fight|shell|strike|struck|bomb|attack|kill|clash|raid|battle|fire|assault|offensive", re.IGNORECASE)
_TALKS_AFTER = re.compile(
    r"[-\s]+(?:peace\s+)?(?:talks|process|negotiations|conference|meeting|summit|communiqu[eé]|format|round|accords?|"
    r"agreement|convention|memorandum|de-escalation\s+talks)\b",
    re.IGNORECASE,
)
# "Tomahawk missiles", "Scud rockets": a weapon named after a place.
_WEAPON_AFTER = re.compile(r"\s+(?:cruise\s+|ballistic\s+)?(?:missiles?|rockets?|launchers?)\b", re.IGNORECASE)
# A meeting that was struck: "Warplanes target Jund al-Aqsa and Jabhat al-Nusra meeting", "an air strike hit a meeting".
_STRUCK_BEFORE = re.compile(
    r"\b(?:target(?:s|ed|ing)?|struck|hit|hits|attack(?:s|ed|ing)?|bomb(?:s|ed|ing)?|shell(?:s|ed|ing)?|raid(?:s|ed|ing)?)\s+"
    r"(?:(?:a|an|the|of|and|(?:al|el|ad|ash)-[\w-]+|[A-Z][\w-]*)\s+){0,8}$"
)
# "Daesh (outlawed in Russia)": the country that lists the group.
_LISTED_BEFORE = re.compile(r"\b(?:banned|outlawed|prohibited|proscribed|illegal|designated)\s+in\s+$", re.IGNORECASE)
# Not where anything happened: a trip's end ("a visit to Moscow"), where a speaker called from ("by telephone from
# Britain"), where fighters or goods came from ("mercenaries from Saudi Arabia and Jordan", barrels stamped "made in Saudi Arabia").
_ELSEWHERE_BEFORE = re.compile(
    r"\b(?:(?:visit|visits|trip|journey|flight|flew|travell?ed)\s+to|(?:by\s+(?:tele)?phone|speaking|calling|reporting)\s+from"
    r"|(?:mercenaries|fighters|militants|jihadists|volunteers|nationals)\s+from|(?<=[\"“])made\s+in)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*(?:,|and|or)\s+(?:the\s+)?)?$",  # "from Saudi Arabia and Jordan"
    re.IGNORECASE,
)
# A wire story's credits: "Additional reporting by Erika Solomon in Beirut and Thomas Grove in Moscow".
_CREDITS_BEFORE = re.compile(r"\b(?:reporting|writing|editing)\s+by\b[^.;]*$", re.IGNORECASE)
# Seats of power that stand for a government: "the White House" (Casablanca's Arabic name), "the Kremlin".
_SEATS = frozenset({"white house", "kremlin", "pentagon", "elysee", "élysée", "downing street"})
# "al-Jadida neighborhood in western Mosul": a quarter of the next place named, whatever look-alike it resolved to.
_PART_OF = re.compile(r"[-\s]+(?:neighbou?rhoods?|quarters?|districts?|suburbs?|camp)\s+(?:of|in)\s+(?:the\s+)?(?:\w+\s+)?", re.IGNORECASE)

# Event types whose place is where violence happened (ACLED's), not where an agreement was signed.
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _government(p: PlaceMention) -> bool:
    """A country or a capital: names that stand for a government ("Russia", "Moscow", "Washington")."""
    return p.place is not None and (p.place.feature_code.startswith("PCL") or p.place.feature_code == "PPLC")


def acts(text: str, p: PlaceMention) -> bool:
    """The country or capital is who acted ("Russia launched", "brokered by the US and Russia", "its ally Russia",
    "Moscow which stepped up its air strikes"), not where: never when the clause says "in Russia"."""
    if not _government(p):
        return False
    before = text[max(0, p.span.start - 60) : p.span.start]
    if _LOCATIVE_BEFORE.search(before) and not _AGENT_BEFORE.search(before):
        return False
    return bool(_AGENT_BEFORE.search(before) or _AGENT_AFTER.match(text, p.span.end) or _ACTS_AFTER.match(text, p.span.end))


def filed_from(text: str, p: PlaceMention) -> bool:
    """A dateline inside the text: a city written in capitals with its agency ("MOSCOW (Sputnik)")."""
    return p.span.text.isupper() and len(p.span.text) > 2 and bool(_DATELINE_AFTER.match(text, p.span.end))


def talks_held(text: str, p: PlaceMention) -> bool:
    """Where talks were held or a body sits ("peace talks in Geneva", "the Geneva process", "based in The Hague")."""
    start = max(0, p.span.start - 100)
    m = _TALKS_BEFORE.search(text[start : p.span.start])
    if m is not None and _STRUCK_BEFORE.search(text, max(0, start + m.start() - 80), start + m.start()):
        return False  # the meeting was the target: "Warplanes target Jund al-Aqsa and Jabhat al-Nusra meeting in Idlib"
    return bool(m and not _VIOLENCE.search(m.group(1))) or bool(_TALKS_AFTER.match(text, p.span.end))


def not_the_scene(text: str, p: PlaceMention, event_type: str | None = None) -> bool:
    """The place names who acted, where the report was filed, a country that lists a group, a trip's end, an origin,
    a wire story's credits, a seat of power or a weapon; for a
    violent event (``event_type`` in ``VIOLENT``, or None when not known), also where talks were held."""
    if filed_from(text, p) or acts(text, p):
        return True
    if _LISTED_BEFORE.search(text, max(0, p.span.start - 20), p.span.start) or _WEAPON_AFTER.match(text, p.span.end):
        return True
    if p.span.text.lower() in _SEATS or _ELSEWHERE_BEFORE.search(text, max(0, p.span.start - 40), p.span.start):
        return True
    if _CREDITS_BEFORE.search(text, max(0, p.span.start - 200), p.span.start):
        return True
    return (event_type is None or event_type in VIOLENT) and talks_held(text, p)


def part_of_another(text: str, p: PlaceMention, places: list[PlaceMention]) -> bool:
    """A quarter of the place named next, resolved to a look-alike in another country: "al-Jadida neighborhood in
    western Mosul" is in Mosul, not El Jadida, Morocco."""
    m = _PART_OF.match(text, p.span.end) if p.place is not None else None
    if m is None:
        return False
    nxt = next((q for q in places if q.span.start >= m.end() and q.span.start - m.end() <= 2), None)
    return nxt is not None and nxt.place is not None and p.place is not None and nxt.place.country_code != p.place.country_code
