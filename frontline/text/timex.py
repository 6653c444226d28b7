"""Time expressions in a sentence, resolved against the publication date.

dateparser handles explicit dates ("9 May 2020", "05/08/2016", "3 days ago"); rules of our own
handle what it misses or gets wrong for news: weekdays ("on Thursday" means the last one),
vague weeks ("early this week") and bare months ("in February" means the last February).
Precision follows ACLED's time_precision: 1 day, 2 week, 3 month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
# A month's name or any word that opens like one ("Sept.", "Jun", "March"): loose, for use beside a day number
# or a date's other parts, where it cannot be another word. Shared by the rules that only need to see a date.
MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    date: dt.date
    precision: int


# Order matters: earlier patterns win over later ones on overlapping text.
_EXPLICIT = re.compile(
    rf"""\b(
        \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}\.?,?\s+\d{{4}}      # 9 May 2020
      | {_MONTH_RE}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}                # May 9, 2020
      | \d{{4}}-\d{{2}}-\d{{2}}                                               # 2020-05-09
      | \d{{1,2}}/\d{{1,2}}/\d{{2,4}}                                          # 05/08/2016
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Qualifiers that make an explicit day a week-precision date (ACLED time_precision 2).
_VAGUE_DAY = re.compile(
    r"\b(?:(?:on\s+or\s+)?(?:around|about)|(?:as\s+)?reported\s+on|on\s+or\s+(?:before|after)|(?:in\s+)?the\s+week\s+of"
    r"|(?:sometime|some\s+time)\s+(?:before|around|on))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    rf"\b(?:on\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\b\.?(?!,?\s+\d{{4}})"
    rf"|\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"\b(?:(early|mid|late)[- ])?({_MONTH_RE})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_BARE_MONTH = re.compile(
    rf"\b(in|since|during|last|this|early|mid|late|until|by)\s+(?:(early|mid|late)[- ])?({_MONTH_RE})\b(?!\s+\d)",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"\b(?:(last|this|on|past|early|late)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(morning|afternoon|evening|night))?\b",
    re.IGNORECASE,
)
_RELATIVE_DAY = re.compile(
    r"\b(yesterday|today|tonight|last\s+night|overnight|this\s+morning|this\s+evening|on\s+the\s+same\s+day)\b",
    re.IGNORECASE,
)
_DAYS_AGO = re.compile(
    r"\b(a|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+ago\b",
    re.IGNORECASE,
)
_WEEK = re.compile(
    r"\b(early|earlier|late|later|last|this|past|previous)\s+(?:(this|last|the\s+past|the\s+previous)\s+)?week(?!s)\b",
    re.IGNORECASE,
)
_MONTH_REL = re.compile(
    r"\b(?:(early|earlier|late|later)\s+)?(last|this|the\s+previous|the\s+past)\s+month\b",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2,4})")
# Outlets that write month first in numeric dates; everyone else is read day first.
MONTH_FIRST_SOURCES = ("associated press", "ap news", "cnn", "new york times", "washington post", "fox news", "usa today", "nbc", "cbs", "abc news", "npr")


def date_order_for(source: str | None) -> str:
    """ "MDY" for outlets known to write month first ("Associated Press"), else "DMY"."""
    low = (source or "").lower()
    return "MDY" if any(name in low for name in MONTH_FIRST_SOURCES) else "DMY"


_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def find_times(text: str, published: dt.date | None, date_order: str = "DMY") -> list[Timex]:
    """All resolvable time expressions in ``text``, in text order, without overlaps.

    Without a publication date only expressions that carry their own year are resolved.
    ``date_order`` ("DMY" or "MDY") reads numeric dates such as "05/08/2016"; when that reading is
    impossible or after publication, the other order is tried.
    """
    found: list[Timex] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, date: dt.date | None, precision: int) -> None:
        if date is None or any(s < end and start < e for s, e in taken):
            return
        if published is not None and date > published:
            # News reports the past; a future date is a misreading or a plan, not an event. Its
            # span stays taken, so "29 April 2020" never falls back to "April 2020".
            taken.append((start, end))
            return
        taken.append((start, end))
        found.append(Timex(start, end, text[start:end], date, precision))

    for m in _EXPLICIT.finditer(text):
        # "Around 7 May", "as reported on 7 May", "on or before 7 May": the day is not sure (week).
        vague = _VAGUE_DAY.search(text, 0, m.start())
        start = vague.start() if vague else m.start()
        add(start, m.end(), _parse_explicit(m.group(1), published, date_order), 2 if vague else 1)
    for m in _MONTH_YEAR.finditer(text):
        month = _month_number(m.group(2))
        add(m.start(), m.end(), _safe_date(int(m.group(3)), month, 1), 3)
    if published is None:
        return sorted(found, key=lambda t: t.start)

    for m in _DAY_MONTH.finditer(text):
        if not (m.group(2) or m.group(3))[0].isupper():
            continue  # "may" the verb, not May the month
        day_text, month_text = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        vague = _VAGUE_DAY.search(text, 0, m.start())
        add(
            vague.start() if vague else m.start(),
            m.end(),
            _last_day_month(published, _month_number(month_text), int(day_text)),
            2 if vague else 1,
        )
    for m in _RELATIVE_DAY.finditer(text):
        word = m.group(1).lower()
        offset = 1 if word in ("yesterday", "last night") else 0
        add(m.start(), m.end(), published - dt.timedelta(days=offset), 1)
    for m in _DAYS_AGO.finditer(text):
        n = m.group(1).lower()
        days = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        add(m.start(), m.end(), published - dt.timedelta(days=days), 1)
    for m in _WEEKDAY.finditer(text):
        modifier = (m.group(1) or "").lower()
        weekday = WEEKDAYS.index(m.group(2).lower())
        back = (published.weekday() - weekday) % 7
        if modifier == "last" and back == 0:
            back = 7
        add(m.start(), m.end(), published - dt.timedelta(days=back), 1)
    for m in _WEEK.finditer(text):
        add(m.start(), m.end(), _week_start(published, m.group(1).lower(), (m.group(2) or "").lower()), 2)
    for m in _MONTH_REL.finditer(text):
        which = m.group(2).lower()
        first = published.replace(day=1)
        if which != "this":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        add(m.start(), m.end(), first, 3)
    for m in _BARE_MONTH.finditer(text):
        if not m.group(3)[0].isupper():
            continue
        month = _month_number(m.group(3))
        year = published.year if month <= published.month else published.year - 1
        if m.group(1).lower() == "last" and month == published.month:
            year -= 1
        # Skip the lead word ("in") so the span is the time phrase itself.
        add(m.start(2) if m.group(2) else m.start(3), m.end(), _safe_date(year, month, 1), 3)
    return sorted(found, key=lambda t: t.start)


def _parse_explicit(text: str, published: dt.date | None, date_order: str = "DMY") -> dt.date | None:
    if numeric := _NUMERIC_DATE.fullmatch(text):
        first, second, year = (int(g) for g in numeric.groups())
        if year < 100:
            year += 2000 if year < 50 else 1900
        readings = [(first, second), (second, first)]  # (day, month)
        if date_order.upper().startswith("M"):
            readings.reverse()
        for day, month in readings:
            date = _safe_date(year, month, day)
            if date is not None and (published is None or date <= published):
                return date
        return None
    import dateparser  # deferred: its import costs ~0.1 s

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _month_number(name: str) -> int:
    return _MONTH_ABBR[name.lower()[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _last_day_month(published: dt.date, month: int, day: int) -> dt.date | None:
    """'9 May' without a year: the latest such day on or before publication."""
    candidate = _safe_date(published.year, month, day)
    if candidate is not None and candidate > published:
        if (candidate - published).days <= 31:
            return None  # days just after the report: the end of a range or a plan, not last year
        candidate = _safe_date(published.year - 1, month, day)
    return candidate


def _week_start(published: dt.date, modifier: str, which: str) -> dt.date:
    """The first day of the week a phrase points at ("early this week" -> this Monday)."""
    monday = published - dt.timedelta(days=published.weekday())
    if modifier in ("last", "previous") or which in ("last", "the previous"):
        return monday - dt.timedelta(days=7)
    if modifier == "past" or which == "the past":
        return published - dt.timedelta(days=6)
    if modifier in ("late", "later") and which in ("", "this"):
        return min(monday + dt.timedelta(days=3), published)
    return monday
