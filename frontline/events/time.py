"""time: the time phrase that dates an event mention, and whether the mention is background.

The phrase nearest the trigger in its sentence dates it, else the last one earlier in its paragraph;
a mention that tells how a war began, sums up a long period, or is dated over a year before the
report is background, not an event.
"""

from __future__ import annotations

import datetime as dt
import re

from ..geo.dateline import dateline_date_span
from ..records import Annotated, EventMention, TimeMention
from .paragraphs import paragraph_mentions, same_paragraph
from .recalled import recalled_long_ago
from .roles import event_anchor

# A sentence that tells how the war began is history, not news ("the war began in March 2011 with protests").
_HISTORY = re.compile(
    r"\b(?:war|conflict|uprising|revolution|crisis|insurgency|civil\s+war)\s+(?:\w+\s+){0,2}(?:began|started|erupted|broke\s+out)\b",
    re.IGNORECASE,
)
# A sentence that sums up a long period ("Since the start of the year, air strikes have killed 6,000").
_SUMMARY = re.compile(
    r"\b(?:since\s+the\s+(?:start|beginning|outbreak|launch|onset)\s+of|so\s+far\s+this\s+(?:year|month)"
    r"|since\s+(?:19|20)\d\d|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:months|years)"
    # Acts told as a habit are a summary too ("the town has been repeatedly struck", "in recent weeks").
    r"|repeatedly|regularly|frequently|routinely|rarely|time\s+and\s+again|in\s+recent\s+(?:days|weeks|months|years)"
    r"|every\s+(?:day|night|week)|each\s+day|almost\s+daily|on\s+a\s+daily\s+basis)\b",
    re.IGNORECASE,
)
# Events dated longer ago than this before the report are background (the report's own news is recent).
BACKGROUND_DAYS = 365
# A year the sentence recalls ("sarin gas was used in Eastern Ghouta in 2013"); the time finder reads no bare year.
_PAST_YEAR = re.compile(r"\b(?:in|of|during|by|until)\s+(?:(?:early|late|mid-?)\s*)?((?:19|20)\d\d)\b", re.IGNORECASE)


def background(annotated: Annotated, mention: EventMention, time: TimeMention | None, published: dt.date | None) -> bool:
    text = annotated.sentences[mention.sentence].text
    if _HISTORY.search(text):
        return True
    if _SUMMARY.search(text) and not any(t.precision == 1 for t in annotated.in_sentence("times", mention.sentence)):
        return True
    if published is not None and _recalls_past_year(annotated, mention.sentence, text, published):
        return True
    # A sentence with no time of its own goes on with the one before it ("... in 2013. The attack killed 1,429.").
    before = mention.sentence - 1
    if (
        published is not None and before >= 0 and same_paragraph(annotated, before, mention.sentence)
        and not annotated.in_sentence("times", mention.sentence)
        and _recalls_past_year(annotated, before, annotated.sentences[before].text, published)
    ):
        return True
    if recalled_long_ago(text, time, annotated.sentences[mention.sentence].start, published):
        return True  # an act named with its own day weeks before the report: background (``recalled``)
    return time is not None and published is not None and (published - time.date).days > BACKGROUND_DAYS


def _recalls_past_year(annotated: Annotated, index: int, text: str, published: dt.date) -> bool:
    """The sentence names a year that ended long before the report and dates nothing recent."""
    years = [int(m.group(1)) for m in _PAST_YEAR.finditer(text)]
    if not years or any((published - t.date).days <= BACKGROUND_DAYS for t in annotated.in_sentence("times", index)):
        return False
    return (published - dt.date(max(years), 12, 31)).days > BACKGROUND_DAYS


def event_time(annotated: Annotated, mention: EventMention) -> TimeMention | None:
    """The time phrase nearest the trigger in its sentence, else the last one earlier in the
    paragraph (a note's "On 9 May 2020, ..." dates the sentences that follow it)."""
    times = annotated.in_sentence("times", mention.sentence)
    anchor = event_anchor(annotated, mention)
    filed = _dateline_date(annotated)
    if filed is not None and len(times) > 1:
        # The dateline's date is the day the report was filed: the lead's own phrase ("... were shot to death
        # last night") dates its event.
        times = tuple(t for t in times if not (filed[0] <= t.span.start < filed[1])) or times
    if times:
        # A date opening the sentence ("On 3 May 2020, ...") dates its main clause, even when a
        # background phrase ("... attempted suicide last week") sits nearer the trigger.
        start = annotated.sentences[mention.sentence].start
        opener = [t for t in times if t.span.start - start <= 6 and t.span.end <= anchor.start]
        if opener:
            return opener[0]
        return min(times, key=lambda t: abs(t.span.start - anchor.start))
    earlier = paragraph_mentions(annotated, "times", mention.sentence, before=True)
    if not earlier:
        return None
    # The latest dated sentence dates this one: by its opening date when it has one ("On 3 May
    # 2020, the families of X, one of whom ... last week, held a rally. One was arrested.").
    latest = [t for t in earlier if t.sentence == earlier[-1].sentence]
    start = annotated.sentences[latest[0].sentence].start
    opener = [t for t in latest if t.span.start - start <= 6]
    return opener[0] if opener else latest[-1]


def _dateline_date(annotated: Annotated) -> tuple[int, int] | None:
    """Where the dateline's date stands (``dateline_date_span``), found once per document."""
    return annotated.derived("dateline_date", lambda a: dateline_date_span(a.document.article.text))
