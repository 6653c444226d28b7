"""Casualty counts in a sentence: "at least 113 ... killed", "killing dozens", "300 more wounded".

ACLED's rules: vague quantities have fixed values ("dozens" = 12, "tens" = 10, "hundreds" = 100),
ranges take the conservative low end, and the wounded are recorded apart, never as fatalities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .timex import MONTH_WORD

_UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# Vague quantities, valued as ACLED's codebook says.
_VAGUE = {
    "dozens": 12, "dozens of": 12, "a dozen": 12, "tens": 10, "tens of": 10, "hundreds": 100,
    "hundreds of": 100, "scores": 12, "scores of": 12, "several": 3, "a few": 3, "a number of": 3,
}

_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|a\s+dozen|dozens(?:\s+of)?|tens(?:\s+of)?|hundreds(?:\s+of)?|scores(?:\s+of)?"
    r"|several|a\s+few|a\s+number\s+of|an?(?=\s+[a-z]))"
)
_QUANT = rf"(?P<low>{_NUM})(?:\s*(?:-|–|to|and)\s*(?P<high>{_NUM}))?"
_KILL = (
    r"(?:killed|dead|died|deaths?|killing|slain|perished|lost\s+their\s+lives|executed|massacred|beheaded"
    r"|(?:shot|stabbed|hacked|beaten|burned|burnt|stoned|tortured|lynched)\s+(?:to\s+death|dead)|shot\s+and\s+killed"
    r"|gunned\s+down|lynched|burn(?:ed|t)\s+alive)"
)
_WOUND = r"(?:wounded|injured|injuring|wounding|hurt|injuries)"
# "killing or injuring scores", "50 dead or wounded": one unsplit figure, which ACLED cannot count as deaths.
_MIXED = r"(?:killed|killing|dead)\s+(?:or|and/or|and)\s+(?:wounded|injured|injuring|wounding)"
_VERB = rf"(?P<verb>{_MIXED}|{_KILL}|{_WOUND})"

# "<N> (people|soldiers ...) (were|had been)? killed", allowing a few words between, initials among them
# ("two U.S. citizens have been killed"), and the victims' ages set off between dashes, commas or brackets
# ("two missionaries -- aged 19 and 21 -- were shot to death": the ages are no count).
AGES_ASIDE = r"(?:\s*(?:--|—|–|,|\()\s*(?:aged|ages)\s+[\w\s,-]{1,30}?\s*(?:--|—|–|,|\)))?"
_N_THEN_VERB = re.compile(
    rf"\b(?:between\s+)?{_QUANT}(?P<gap>(?:\s+(?:(?:[A-Za-z]\.){{2,}}|[\w'’-]+)){{0,6}}?){AGES_ASIDE}\s+(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|being)\s+)?{_VERB}\b",
    re.IGNORECASE,
)
# "killing at least 5 people", "killed 12", "death toll rose to 30"
_VERB_THEN_N = re.compile(
    rf"\b(?P<verb>{_MIXED}|killing|killed|kills?|wounding|injuring|shot\s+and\s+killed|shot\s+dead|beheaded|executed|assassinat(?:ed|ing)|murder(?:ed|ing)|gunned\s+down|lynch(?:ed|es)?|stone[sd]?\s+to\s+death|(?:the\s+)?deaths?\s+of|death\s+toll\s+(?:rose|climbed|reached|of|to|stood\s+at)(?:\s+to)?"
    # "the murder of the six Jesuits", "the killing of 12 peasants": the act named, then its victims counted.
    rf"|(?:murders?|killings?|assassinations?|slayings?|massacre)\s+of(?:\s+the)?)"
    # "killing all 107 passengers and crew": everyone aboard, counted.
    rf"\s+(?:(?:at\s+least|about|around|nearly|some|more\s+than|over|up\s+to|an\s+estimated|all(?:\s+the)?)\s+)?{_QUANT}\b",
    re.IGNORECASE,
)
# Words between a number and the verb that show the number counts something else ("5 years", "3 tanks").
_NOT_PEOPLE = re.compile(
    r"\b(years?|months?|days?|weeks?|hours?|km|kilometres?|kilometers?|miles?|percent|%|tanks?|vehicles?|houses?|homes?"
    r"|buildings?|times?|shells?|rockets?|missiles?|bombs?|strikes?|airstrikes?|raids?|attacks?|rounds?|barrels?"
    r"|camels?|cattle|cows?|goats?|sheep|livestock|animals?|donkeys?|dogs?|elephants?|birds?|fish)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Casualties:
    start: int
    end: int
    text: str
    count: int
    kind: str  # "killed" | "wounded" | "mixed" (killed or wounded, unsplit) | "split" (a stated toll shared by ``count`` events)
    low: int | None
    high: int | None


# A toll for a long period ("since 2011", "in the conflict") is not one event's toll.
_CUMULATIVE = re.compile(
    r"[^.;]{0,160}?\b(since|so\s+far|to\s+date|over\s+the\s+(?:past|last)|in\s+the\s+(?:\w+[\s-]){0,3}(?:war|conflict|uprising|crisis)|during\s+the\s+(?:war|conflict)"
    # ... a span of days or a past year: "killed 84 in three days", "in the last month", "killed in 2014"
    r"|in\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|weeks|months|years|week|month|year)|in\s+(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+days"
    r"|in\s+(?:19|20)\d\d(?!\s*[-/]\d)"
    # ... or the toll of fighting that began on an earlier day ("killed in the fighting that began on Thursday").
    r"|(?:fighting|clashes|battles?|offensive|assault|operation|campaign)\s+(?:that|which)\s+(?:began|started|erupted|broke\s+out)\s+"
    r"(?:on\s+|last\s+)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d))\b",
    re.IGNORECASE,
)
# ... or one whose sentence says it is the war's toll ("the war ... has killed more than 300,000").
_WAR_BEFORE = re.compile(r"\b(?:war|conflict|uprising|crisis|revolution)\b(?!-)[^.;]{0,120}$", re.IGNORECASE)
# ... or one whose clause opens with a longer period ("Since the start of the year, attacks killed 6,000").
_PERIOD_BEFORE = re.compile(
    r"\b(?:since\s+(?:the\s+(?:start|beginning|outbreak|launch|onset)\s+of|(?:early\s+|late\s+|mid-?)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:19|20)\d\d|last\s+(?:year|month|week))"
    r"|so\s+far\s+this\s+(?:year|month)|this\s+year|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|weeks|months|years|year|month)"
    # "Since then more than 300 ...", "Seven days of airstrikes had left 75 dead", "Last month bombings killed 170"
    r"|since\s+then|(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:days|weeks|months)\s+of|last\s+(?:month|year)"
    # "... just a day after dozens of children were killed": an earlier event recalled
    r"|(?:a|one|two|three|four|five|several|\d+)\s+(?:days?|weeks?)\s+after|the\s+day\s+before)\b[^.;]{0,150}$",
    re.IGNORECASE,
)
# A number in the gap means the count is that one, not ours ("URL 9427 At least 10 civilians were killed").
_NUMBER_IN_GAP = re.compile(r"\d|\bat\s+least\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds|scores)\b", re.IGNORECASE)
# A number right before a month is a date ("on 27 November killing all 107 passengers"), never a count.
_MONTH_AFTER = re.compile(
    r"\s+(?:january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov"
    r"|december|dec)\b\.?(?!\s+(?:have|has|had|be|been|not)\b)",
    re.IGNORECASE,
)
# A number glued to a month is a date ("Jun 182016").
_DATE_BEFORE = re.compile(rf"\b{MONTH_WORD}\s*$", re.IGNORECASE)
# A number with a leading zero is a clock or a code ("0147 PM", "0041"), never a count.
_NOT_A_COUNT = re.compile(r"^0\d")
_CLOCK = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc|hrs|local\s+time)\b", re.IGNORECASE)
# A number then a capitalised article opens a new clause: the number counts nothing in it ("185 The SDF killed").
_NEW_CLAUSE = re.compile(r"\s+(?:The|A|An)\s")
_AGE_BEFORE = re.compile(r"\b(?:aged|age\s+of)\s*$", re.IGNORECASE)
# A figure the report itself replaces ("updating a previous toll of 112").
_SUPERSEDED = re.compile(
    r"\b(?:previous(?:ly)?|earlier|initial(?:ly)?|preliminary|old)\s+(?:\w+\s+){0,2}?(?:death\s+)?toll\s+(?:of\s+)?$", re.IGNORECASE
)
# "It had initially given a death toll of 22", "which on Thursday had given a death toll of 17": a
# figure the report has since replaced (the past perfect puts it before the report's own toll).
_EARLIER = re.compile(
    r"\b(?:previous(?:ly)?|earlier|initial(?:ly)?|preliminary|had\s+(?:given|put|reported|announced))\b[^.;]{0,30}$", re.IGNORECASE
)
# "Seventeen children and six women were among those killed": a breakdown of a toll, not a toll.
_AMONG = re.compile(r"\bamong\b", re.IGNORECASE)
# "killed at least 160 people were injured": the number is the subject of the wound, not the kill's object.
_WOUNDED_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:were|was|have\s+been|had\s+been|are)\s+(?:wounded|injured|hurt)\b", re.IGNORECASE)
# No single event kills this many; such figures are a war's or a year's toll.
IMPLAUSIBLE = 10_000
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


# The toll as a coder states it: "3 fatalities", "2 rebel and 1 military fatality", "Fatalities
# coded as 0 (VoJ reported 1)", "Unknown fatalities coded as 10 and split between 3 events",
# "Fatalities are split across 4 events (2)". It is the event's whole toll.
_STATED = re.compile(
    rf"(?P<low>{_NUM})\s+(?:[a-z-]+\s+)?(?:and\s+(?P<more>{_NUM})\s+(?:[a-z-]+\s+)?)?fatalit(?:y|ies)\b"
    rf"(?:\s+(?:\w+\s+){{0,2}}?(?:split|divided)\s+(?:up\s+)?(?:between|among|across|over)\s+(?P<parts>\d+))?",
    re.IGNORECASE,
)
_CODED = re.compile(
    r"fatalit(?:y|ies)\s*(?::\s*(?P<colon>\d+)\b)?\s*(?:are\s+|were\s+)?(?:coded\s+as\s+(?P<low>\d+)(?:\s+and)?)?"
    r"(?:\s*(?:split|divided)\s+(?:up\s+)?(?:between|among|across|over)\s+(?P<parts>\d+)\s+\w+(?:\s*\((?P<share>\d+)\))?)?",
    re.IGNORECASE,
)


_AUX = re.compile(r"\b(?:was|were|been|being)\b", re.IGNORECASE)
_SINGULAR_AUX = re.compile(r"\b(?:was|has\s+been|had\s+been|being)\b", re.IGNORECASE)
_VERB_BEFORE = re.compile(r"\b(?:killing|killed|kills|wounding|wounded|injuring|injured)\s+(?:at\s+least\s+)?$", re.IGNORECASE)
# One victim named without a number: "killing him", "shot dead the driver".
_ONE_NOUN = (
    r"man|woman|boy|girl|victim|child|driver|suspect|thief|robber"
    r"|rapist|director|commander|leader|officer|soldier|policeman|resident|civilian|member|businessman|trader|farmer|teacher"
    r"|operator|official|elder|chief|journalist|activist|militant|fighter|judge|mayor|senator|deputy|governor|candidate"
    r"|priest|lawyer|magistrate|councilman|councillor|congressman|legislator|politician|peasant|student|worker"
)
_ONE_VICTIM = re.compile(
    r"\b(?:killing|killed|shot\s+dead|shot\s+and\s+killed|beheaded|gunned\s+down|lynch(?:ed|es)?|assassinat(?:ed|ing)|murder(?:ed|ing))\s+"
    rf"(?:him|her|(?:the|a|an|one)\s+(?:[\w-]+\s+){{0,3}}(?:{_ONE_NOUN})\b"
    # ... or the victim's title and name with no article: "murdered university student Mario Flores".
    rf"|(?!of\b)(?:[\w-]+\s+){{0,2}}?(?:{_ONE_NOUN})\s+(?-i:[A-Z][a-z]+\b))"
    # ... or a person's full name after "assassinated", which always names its one victim ("assassinated Carlos Pizarro").
    r"|\bassassinat(?:ed|ing)\s+(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\b",
    re.IGNORECASE,
)
# An act named as a noun after these words is an earlier act that caused or explains the one told
# ("riots over the murder of a politician", "clashed following the killing of a commander", "accused of
# the murder of"): its victims are not this event's dead.
_CAUSE_BEFORE = re.compile(
    r"\b(?:over|after|following|against|reaction\s+to|response\s+to|retaliation\s+for|revenge\s+for|avenge|protest(?:ing|s|ed)?"
    r"|due\s+to|because\s+of|accused\s+of|charged\s+with|suspected\s+of|convicted\s+of|guilty\s+of|motive|memory\s+of|mourn\w*"
    r"|anniversary\s+of|investigat\w*|trial|since|before)\s+(?:(?:\w+\s+){0,2}?|[^.;]{0,120}?\band\s+)(?:the\s+)?$",
    re.IGNORECASE,
)
_NOMINAL_ACTS = ("murder", "killing", "assassination", "slaying", "massacre")
# ... or that the sentence says caused what followed ("the killing of a herder sparked clashes").
_CAUSE_AFTER = re.compile(r"[^.;]{0,80}?\b(?:sparked|triggered|prompted|provoked|led\s+to|caused|resulted\s+in|fuell?ed)\b", re.IGNORECASE)


def _cause(text: str, start: int, end: int) -> bool:
    """The act named as a noun at ``start:end`` is an earlier act that caused or explains the one told."""
    return bool(_CAUSE_BEFORE.search(text, max(0, start - 160), start) or _CAUSE_AFTER.match(text, end))
# One victim of an act named as a noun: "the assassination of Dr Jose Rodriguez", "the murder of former
# Supreme Court president Francisco Guerrero", "the killing of a judge" (a count is read by _VERB_THEN_N).
_ONE_NOMINAL = re.compile(
    r"\b(?:assassination|murder|killing|slaying)\s+of\s+(?:(?:the|a|an|one|former|late)\s+)?(?:[\w.'-]+\s+){0,4}?"
    rf"(?:{_ONE_NOUN}|dr|mr|mrs|ms|colonel|col|general|gen|father|msgr|bishop|archbishop|president|minister|ambassador"
    r"|diplomat|secretary|spokesman|spokeswoman|lieutenant|captain|major|sergeant|attorney|prosecutor)\b(?!['’]s\b|-)",
    re.IGNORECASE,
)
# One victim told in the passive, with no number: "Judge Maria Diaz was assassinated", "the mayor of
# Medellin has been shot dead". "was" says one; "no one was killed", "was almost killed" say none.
_ONE_PASSIVE = re.compile(
    r"(?<!\bno\sone\s)(?<!\bnobody\s)(?<!\bnone\s)(?<!\bno-one\s)\b(?:was|has\s+been|had\s+been)\s+(?:(?:reportedly|allegedly|apparently|brutally|also|then|later|finally)\s+)?"
    r"(?:killed|assassinated|murdered|shot\s+dead|shot\s+and\s+killed|gunned\s+down|beheaded|executed|slain|(?:stabbed|hacked|shot|beaten|burned|burnt|strangled)\s+to\s+death|lynched)\b",
    re.IGNORECASE,
)


# "he was killed 5 years ago", "was assassinated in 1980": a past death, not this event's.
_LONG_AGO = re.compile(r"\s+(?:\w+\s+){0,3}?(?:(?:\d+|a|one|two|three|four|five|several|many)\s+(?:years?|months?|decades?)\s+ago|in\s+(?:19|20)\d\d\b)", re.IGNORECASE)
_NO_BEFORE = re.compile(r"\bno[\s-]$", re.IGNORECASE)
# Before a passive killing, a subject that counts (or denies) its victims itself, within its clause.
_COUNTED_BEFORE = re.compile(r"(?:\b(?:no|none|nobody|neither|nor|not|never|an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b|\band\b)[^,.;:]*$", re.IGNORECASE)


_ANY_TOLL_WORD = re.compile(
    r"kill|dead|died|death|slain|slaying|perish|lives|execut|massacr|behead|wound|injur|hurt|fatalit|shot|stabbed|hacked|beaten|burn|lynch|gunned|stone|tortur|assassin|murder",
    re.IGNORECASE,
)


def _stated_tolls(text: str) -> list[Casualties]:
    found: list[Casualties] = []
    if "fatalit" not in text.lower():
        return found  # both patterns need the word; most sentences lack it
    for m in _CODED.finditer(text):
        if m.group("colon"):
            count = int(m.group("colon"))  # "FATALITIES: 17"
        elif m.group("share"):
            count = int(m.group("share"))
        elif m.group("low"):
            count = int(m.group("low"))
            if m.group("parts"):
                count = round(count / max(1, int(m.group("parts"))))
        elif m.group("parts"):
            # "Fatalities split between 2 events": the note's toll is shared; kind "split" carries
            # the number of parts for fill to divide by.
            parts = int(m.group("parts"))
            found.append(Casualties(m.start(), m.end(), text[m.start():m.end()], parts, "split", None, None))
            continue
        else:
            continue
        found.append(Casualties(m.start(), m.end(), text[m.start():m.end()], count, "killed", count, None))
    for m in _STATED.finditer(text):
        if any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in found):
            continue
        low = parse_number(m.group("low"))
        if low is None or low >= IMPLAUSIBLE or _YEAR.match(m.group("low")):
            continue
        count = low + (parse_number(m.group("more")) or 0 if m.group("more") else 0)
        if m.group("parts"):
            count = round(count / max(1, int(m.group("parts"))))
        found.append(Casualties(m.start(), m.end(), text[m.start():m.end()], count, "killed", count, None))
    return found


def find_casualties(text: str) -> list[Casualties]:
    """Counts of killed and wounded people in ``text``, in text order, without overlaps.

    A toll stated as such ("3 fatalities", "fatalities coded as 10") comes with "fatalit" in its text."""
    if not _ANY_TOLL_WORD.search(text):
        return []  # most sentences name no death or injury: skip the costlier patterns
    found: list[Casualties] = _stated_tolls(text)
    for one in (*_ONE_VICTIM.finditer(text), *_ONE_NOMINAL.finditer(text)):
        if one.re is _ONE_NOMINAL and _cause(text, one.start(), one.end()):
            continue  # "protests over the killing of a commander": an earlier act, the cause of this one
        if not any(f.start <= one.start() < f.end for f in found):
            found.append(Casualties(one.start(), one.end(), one.group(0), 1, "killed", 1, None))
    for one in _ONE_PASSIVE.finditer(text):
        # "a soldier was killed" is counted from its number below; "no soldier was killed" counts none.
        if not _COUNTED_BEFORE.search(text, max(0, one.start() - 60), one.start()) and not _LONG_AGO.match(text, one.end()):
            found.append(Casualties(one.start(), one.end(), one.group(0), 1, "killed", 1, None))
    taken: list[tuple[int, int]] = [(c.start, c.end) for c in found]
    for pattern in (_N_THEN_VERB, _VERB_THEN_N):
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            pos = m.end()
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            gap = m.groupdict().get("gap") or ""
            if pattern is _N_THEN_VERB and _VERB_BEFORE.search(text, 0, start) and not _AUX.search(m.group(0)):
                continue  # "killing one and injuring another": the number belongs to "killing"
            if pattern is _N_THEN_VERB and _AMONG.search(gap):
                continue  # "six women were among those killed": part of a toll told elsewhere
            if pattern is _VERB_THEN_N and _WOUNDED_AFTER.match(text, m.end()):
                continue  # "as well as those killed at least 160 people were injured"
            if _NOT_PEOPLE.search(gap) or _NUMBER_IN_GAP.search(gap) or _DATE_BEFORE.search(text, 0, m.start("low")) or _MONTH_AFTER.match(text, m.end("low")):
                pos = start + 1  # retry from inside: "Jun 182016 BEIRUT At least seven people died"
                continue
            if pattern is _VERB_THEN_N and _NOT_PEOPLE.match(text, m.end() + 1):
                continue  # "killed 5 years ago"
            if pattern is _N_THEN_VERB and m.group("low").lower() == "one" and _NO_BEFORE.search(text, max(0, start - 4), start):
                continue  # "no one was killed": none
            if pattern is _N_THEN_VERB and m.group("low").lower() in ("a", "an") and not _SINGULAR_AUX.search(m.group(0)):
                continue  # "a mob lynched": the article counts the mob; "a man was lynched" counts the man; "seven guards aboard a bus were killed": not the bus
            if _YEAR.match(m.group("low")) or _NOT_A_COUNT.match(m.group("low")):
                continue  # "21 November 2016 Ten civilians ... killed": a year, not a count; "0147 PM": a clock
            if pattern is _N_THEN_VERB and (_CLOCK.match(gap) or _NEW_CLAUSE.match(gap) or _AGE_BEFORE.search(text, max(0, start - 12), start)):
                continue  # "0147 PM A Syrian army unit killed", "URL 185 The SDF killed", "aged 45, was killed"
            if m.group("verb").lower().startswith(_NOMINAL_ACTS) and " of" in m.group("verb").lower() and _cause(text, start, end):
                continue  # "demonstrations following the killing of two civilians": an earlier act, the cause of this one
            if _SUPERSEDED.search(text, max(0, start - 40), start) or (
                m.group("verb").lower().startswith(("death", "the death")) and _EARLIER.search(text, max(0, start - 40), start)
            ):
                continue  # "updating a previous toll of 112 dead": the report's newer figure is its toll
            if _CUMULATIVE.match(text, m.end()) or _WAR_BEFORE.search(text, max(0, start - 200), start) or _PERIOD_BEFORE.search(text, max(0, start - 250), start):
                continue
            low = parse_number(m.group("low"))
            if low is None or low >= IMPLAUSIBLE:
                continue
            if pattern is _N_THEN_VERB and not m.group("high"):
                # "2 soldiers, 2 policemen and 1 civilian were killed": the list before the count adds up.
                low = _list_total(text, start, low)
            high = parse_number(m.group("high")) if m.group("high") else None
            if high is not None and high < low:
                high = None  # "5 to 3" is not a range; keep the first number
            verb = m.group("verb").lower()
            kind = "mixed" if re.match(_MIXED, verb) else "wounded" if re.match(_WOUND, verb) else "killed"
            taken.append((start, end))
            found.append(Casualties(start, end, text[start:end], low, kind, low, high))
    return sorted(found, key=lambda c: c.start)


# One item of a list of victims, ending where the next begins: "3 policemen, ", "two militants and ".
_LIST_ITEM = re.compile(
    r"(?P<num>\d{1,4}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"(?P<noun>(?:\s+[A-Za-z'’-]+){1,4}?)\s*(?P<sep>,\s*and|,|and|including)\s+",
    re.IGNORECASE,
)
_PEOPLE_NOUN = re.compile(
    r"\b(?:militants?|soldiers?|police\w*|civilians?|people|persons?|m[ae]n|wom[ae]n|child(?:ren)?|fighters?|commanders?"
    r"|members?|personnel|officers?|troops?|rebels?|insurgents?|guards?|workers?|villagers?|students?|protesters?"
    r"|attackers?|gunm[ae]n|commandos?|bodyguards?|residents?|farmers?|herders?|drivers?|teachers?|elders?|boys?|girls?)$",
    re.IGNORECASE,
)


def _list_total(text: str, start: int, first: int) -> int:
    """The whole toll of a list of victims ending with the count ``first`` found at ``start``:
    "2 soldiers, 2 policemen and 1 civilian were killed" is 5. Items after "including" are part of
    the one before it ("three attackers and four personnel including two policemen and two soldiers": 7)."""
    total = first
    cur = start
    for _ in range(8):
        item = None
        for lo in range(cur - 3, max(-1, cur - 60), -1):
            if lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] == "-"):  # not "one" of "twenty-one"
                continue
            m = _LIST_ITEM.match(text, lo, cur)
            if m is not None and m.end() == cur:
                item = m
                break
        if item is None or not _PEOPLE_NOUN.search(item.group("noun").strip()) or _YEAR.match(item.group("num")):
            break  # "Monday 6 Jun 2016 seventeen civilians including eight ...": a year is no list item
        count = parse_number(item.group("num")) or 0
        total = count if item.group("sep").lower() == "including" else total + count
        cur = item.start()
    return total


def parse_number(token: str) -> int | None:
    """'113' -> 113, 'twenty-one' -> 21, 'dozens of' -> 12, '1,200' -> 1200."""
    word = " ".join(token.lower().split())
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))
    if word in _VAGUE:
        return _VAGUE[word]
    total = 0
    for part in re.split(r"[- ]", word):
        if part not in _UNITS:
            return None
        total += _UNITS[part]
    return total
