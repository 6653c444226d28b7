"""News-style variants of ACLED notes for training the event typer (issue 19).

ACLED's notes are written by coders: full past-tense sentences, the place with its admin units in brackets,
no attribution, no background. News tells the same events as headlines ("Militants attack police station in
Mogadishu"), in reported speech ("Police said that ..."), with the time or place first ("In Mogadishu on
Tuesday, ..."), and next to a sentence of background. ``news_variant`` rewrites one note into one of these
four styles, chosen by the CRC32 of the note's text (deterministic, no random state); the phrases are generic
ones written for this module, not taken from any evaluation text. The training recipe
(``typing_train.augmented_examples``) adds the variants as extra examples beside the original notes.
"""

from __future__ import annotations

import re
import zlib

STYLES: tuple[str, ...] = ("headline", "reported", "reordered", "background")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_BRACKETS = re.compile(r"\s*\([^()]*\)")

# Past forms in the notes' wording -> (base form, third person singular) for the headline's present tense.
_PRESENT: dict[str, tuple[str, str]] = {
    "attacked": ("attack", "attacks"), "killed": ("kill", "kills"), "shot": ("shoot", "shoots"),
    "clashed": ("clash", "clashes"), "abducted": ("abduct", "abducts"), "kidnapped": ("kidnap", "kidnaps"),
    "arrested": ("arrest", "arrests"), "detained": ("detain", "detains"), "stormed": ("storm", "storms"),
    "seized": ("seize", "seizes"), "captured": ("capture", "captures"), "shelled": ("shell", "shells"),
    "fired": ("fire", "fires"), "launched": ("launch", "launches"), "targeted": ("target", "targets"),
    "ambushed": ("ambush", "ambushes"), "torched": ("torch", "torches"), "burned": ("burn", "burns"),
    "burnt": ("burn", "burns"), "looted": ("loot", "loots"), "raided": ("raid", "raids"),
    "staged": ("stage", "stages"), "held": ("hold", "holds"), "protested": ("protest", "protests"),
    "demonstrated": ("demonstrate", "demonstrates"),
    "gathered": ("gather", "gathers"), "blocked": ("block", "blocks"), "threw": ("throw", "throws"),
    "hacked": ("hack", "hacks"), "stabbed": ("stab", "stabs"), "beat": ("beat", "beats"),
    "vandalised": ("vandalise", "vandalises"), "vandalized": ("vandalize", "vandalizes"),
    "destroyed": ("destroy", "destroys"), "detonated": ("detonate", "detonates"), "planted": ("plant", "plants"),
    "hit": ("hit", "hits"), "struck": ("strike", "strikes"), "bombed": ("bomb", "bombs"),
    "injured": ("injure", "injures"), "wounded": ("wound", "wounds"), "took": ("take", "takes"),
    "recaptured": ("recapture", "recaptures"), "regained": ("regain", "regains"), "retook": ("retake", "retakes"),
    "overran": ("overrun", "overruns"), "withdrew": ("withdraw", "withdraws"), "deployed": ("deploy", "deploys"),
    "established": ("establish", "establishes"), "rallied": ("rally", "rallies"), "demanded": ("demand", "demands"),
    "engaged": ("engage", "engages"), "opened": ("open", "opens"), "executed": ("execute", "executes"),
    "beheaded": ("behead", "beheads"), "lynched": ("lynch", "lynches"), "raped": ("rape", "rapes"),
    "assaulted": ("assault", "assaults"), "robbed": ("rob", "robs"), "tortured": ("torture", "tortures"),
    "dispersed": ("disperse", "disperses"), "used": ("use", "uses"), "defused": ("defuse", "defuses"),
    "intercepted": ("intercept", "intercepts"), "signed": ("sign", "signs"), "agreed": ("agree", "agrees"),
    "surrendered": ("surrender", "surrenders"), "fought": ("fight", "fights"), "set": ("set", "sets"),
    "carried": ("carry", "carries"), "conducted": ("conduct", "conducts"), "exchanged": ("exchange", "exchanges"),
    "chased": ("chase", "chases"), "burst": ("burst", "bursts"), "exploded": ("explode", "explodes"),
    "took over": ("take over", "takes over"), "gunned": ("gun", "guns"), "murdered": ("murder", "murders"),
    "hurled": ("hurl", "hurls"), "pelted": ("pelt", "pelts"), "rioted": ("riot", "riots"),
}
# Marched stays in the past: its present is the month's word, which must name no demonstration (docs/typing.md, "March").
_PAST = re.compile(r"\b(" + "|".join(sorted((re.escape(k) for k in _PRESENT), key=len, reverse=True)) + r")\b")
# Passive and perfect auxiliaries that headlines drop ("Two soldiers were killed" -> "Two soldiers killed").
_AUXILIARY = re.compile(r"\b(?:was|were|has been|have been|had been|is being|are being|had|has|have)\s+(?=\w+(?:ed|en|wn|ung|ot|eft|eld|ook|ew|it)\b)", re.IGNORECASE)
_ARTICLE = re.compile(r"\b(?:the|a|an)\s+", re.IGNORECASE)
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from", "near"})

_SOURCES = (
    "Police", "Officials", "Local officials", "Witnesses", "Residents", "The army", "A military spokesman",
    "Security sources", "A local leader", "Hospital sources", "The interior ministry", "Rights groups",
    "Activists", "A provincial official", "Local journalists", "Community leaders",
)
_OUTLETS = ("AFP", "Reuters", "the Associated Press", "local radio", "a news agency", "reporters", "journalists")
_FRAMES = (
    "{source} said that {s}", "{source} said {s}", "According to {source_lc}, {s}", "{s}, {source_lc} told {outlet}",
    "{s}, {source_lc} said in a statement", "{source} told {outlet} that {s}", "{s}, according to {source_lc}",
    "{source} reported that {s}", "{s}, {source_lc} claimed", "It was reported that {s}",
)
# A source denying the act (``news_variant(text, "denial")``): no report of an event, so a "no event" example;
# it keeps the reported-speech frames' "that" clause from making any "X ... that <event>" an event.
_DENIALS = ("{source} denied that {s}", "{source} denied reports that {s}", "{source} denied claims that {s}",
            "{source} rejected claims that {s}", "{source} dismissed reports that {s}")
_WHEN = (
    "On Monday", "On Tuesday", "On Wednesday", "On Thursday", "On Friday", "On Saturday", "On Sunday",
    "Overnight", "Late on Friday", "Early on Sunday", "On Wednesday night", "Yesterday", "Earlier this week",
    "Last week", "This morning", "On Saturday evening",
)
# Background of the kind news puts beside an event: no event, no trigger word of the lexicon, no violence.
_BACKGROUND = (
    "The area has seen repeated unrest in recent months.",
    "Tensions have been high in the region ahead of the elections.",
    "It was not immediately clear who was responsible.",
    "No group immediately claimed responsibility.",
    "The government has promised to restore order.",
    "The district lies about 50 km from the capital.",
    "Further details were not immediately available.",
    "Aid agencies have warned of a worsening humanitarian situation.",
    "The country has been in political turmoil since last year.",
    "Officials did not comment on the incident.",
    "Local leaders called for calm.",
    "The town is a major trading hub in the region.",
    "Elections are scheduled for later this year.",
    "The region has long been neglected by the central government.",
    "Talks between the two sides stalled last month.",
    "Residents said the situation remained tense.",
)
# A place phrase ("in Tongi city", "near Hudur town") to move to the front, with its bracketed admin units.
_PLACE = re.compile(
    r"\s*\b(in|near|outside)\s+((?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'.-]*"
    r"(?:\s+(?:city|town|village|district|area|province|county|region|upazila|camp|market))?)(?=[\s,.;]|$)"
)
_FRONTED = re.compile(r"^(?:\S+\s+){0,3}?\S+,")
_LEADING_CLAUSE = re.compile(r"^(.{12,}?),?\s+\b(after|following|during|amid)\s+(.{8,})$")


def _first_and_rest(text: str) -> tuple[str, str]:
    text = " ".join(text.split())
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    return first.rstrip().rstrip("."), text[len(first):].strip()


def _lower_first(s: str) -> str:
    """Lower the first letter when the first word is a common one; a name ("Al Shabaab") keeps its capital."""
    word = s.split(" ", 1)[0]
    if word.lower() in {"a", "an", "the", "unknown", "unidentified", "suspected", "armed", "two", "three", "four", "five",
                        "several", "some", "around", "about", "at", "hundreds", "dozens", "thousands", "local", "police",
                        "protesters", "demonstrators", "militants", "gunmen", "rebels", "soldiers", "troops", "members",
                        "residents", "villagers", "students", "workers", "supporters", "security", "military"}:
        return s[:1].lower() + s[1:]
    return s


def _headline(text: str, h: int) -> str:
    first, _ = _first_and_rest(text)
    s = _BRACKETS.sub("", first)
    words = s.split()
    if len(words) > 14:  # a headline is one clause
        cut = re.split(r",\s+|\s+-\s+|;\s+", s, maxsplit=1)[0]
        if len(cut.split()) >= 5:
            s = cut
    s = _AUXILIARY.sub("\0", s)  # marks the participles that stay ("Two soldiers were killed" -> "Two soldiers killed")
    s = _ARTICLE.sub("", s)
    match = next((m for m in _PAST.finditer(s) if s[m.start() - 1 : m.start()] != "\0"), None)
    if match and " by " not in f" {' '.join(s[match.end():].split()[:3])} ":  # "man shot dead by police" stays passive
        before = s[: match.start()].lower().split()
        # Number agreement, roughly: a plural word or "and" in the subject ("Students of X", "Police and army").
        plural = any((w.endswith("s") and not w.endswith("ss")) or w[:1].isdigit() or w in {"and", "people", "police", "men", "militia"} for w in before[:4])
        base, third = _PRESENT[match.group(1)]
        s = s[: match.start()] + (base if plural else third) + s[match.end():]
    s = s.replace("\0", "")
    s = s[:1].upper() + s[1:]
    case = (h >> 4) % 5
    if case == 0:
        return s.upper()
    if case in (1, 2):
        return " ".join(w if w.lower() in _SMALL_WORDS and i else w[:1].upper() + w[1:] for i, w in enumerate(s.split()))
    return s


def _reported(text: str, h: int) -> str:
    first, rest = _first_and_rest(text)
    source = _SOURCES[(h >> 4) % len(_SOURCES)]
    frame = _FRAMES[(h >> 9) % len(_FRAMES)]
    source_lc = source if source[:2].isupper() or source.split()[0] in {"AFP"} else source[:1].lower() + source[1:]
    s = frame.format(source=source, source_lc=source_lc, outlet=_OUTLETS[(h >> 13) % len(_OUTLETS)],
                     s=first if frame.startswith("{s}") else _lower_first(first))
    return f"{s[:1].upper()}{s[1:]}. {rest}".strip()


def _denial(text: str, h: int) -> str:
    first, _ = _first_and_rest(text)  # the rest would tell the act as a fact
    return _DENIALS[(h >> 9) % len(_DENIALS)].format(source=_SOURCES[(h >> 4) % len(_SOURCES)], s=_lower_first(first)) + "."


def _reordered(text: str, h: int) -> str:
    first, rest = _first_and_rest(text)
    first = _BRACKETS.sub("", first)
    if _FRONTED.match(first):  # already starts with its time or place ("Overnight, ...", "In Nairobi, ...")
        return _reported(text, h)
    clause = _LEADING_CLAUSE.match(first)
    if clause and (h >> 4) % 2:  # "X did Y after Z" -> "After Z, X did Y"
        main, word, sub = clause.groups()
        s = f"{word.capitalize()} {sub}, {_lower_first(main)}"
    else:
        place = _PLACE.search(first)
        when = _WHEN[(h >> 6) % len(_WHEN)]
        if place and (h >> 5) % 3:
            body = (first[: place.start()] + first[place.end():]).strip().rstrip(",")
            front = f"{place.group(1).capitalize()} {place.group(2)}"
            s = f"{front} {when[:1].lower()}{when[1:]}, {_lower_first(body)}" if (h >> 10) % 2 else f"{front}, {_lower_first(body)}"
        else:
            s = f"{when}, {_lower_first(first)}"
    return f"{s}. {rest}".strip()


def _with_background(text: str, h: int) -> str:
    background = _BACKGROUND[(h >> 4) % len(_BACKGROUND)]
    text = " ".join(text.split())
    if text[-1:] not in ".!?\"'”":
        text += "."
    return f"{background} {text}" if (h >> 9) % 2 else f"{text} {background}"


def news_variant(text: str, style: str | None = None) -> str:
    """``text`` (a cleaned ACLED note) rewritten in one news style: ``style`` if given (one of ``STYLES``, or
    "denial": a source denies the act, which is no event), else one of ``STYLES`` that the CRC32 of the text
    picks. The same text always gives the same variant."""
    h = zlib.crc32(b"augment:" + text.encode("utf-8"))
    chosen = style or STYLES[h % len(STYLES)]
    if chosen == "headline":
        return _headline(text, h)
    if chosen == "reported":
        return _reported(text, h)
    if chosen == "reordered":
        return _reordered(text, h)
    if chosen == "background":
        return _with_background(text, h)
    if chosen == "denial":
        return _denial(text, h)
    raise ValueError(f"unknown style {style!r}; one of {STYLES}")
