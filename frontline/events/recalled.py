"""recalled: a past act that a report names with its own day, and whether it is still news.

"Miss Sullivan was caught in the heavy shooting that took place on 11 November", in a report of the 13th,
tells a killing two days old: ACLED codes it as an event of its own, on that day. The same words about an act
weeks or months before ("the massacre that took place on 3 March", in a report of May) recall background.

``OCCURRED`` is the act named with a clause of occurrence and a day; ``rare_rules.KILLING`` types its shootings
and killings as attacks, and ``time.background`` drops any act so dated more than ``RECALL_DAYS`` before the
report. The window comes from ACLED's notes of the tuning files: acts reported late are coded on their own
day when they lie a few days to about a week before the report ("On 3 December 2019, it was reported that
'last week' a boy was killed", coded 5 days back; killings "around 29 April" whose bodies "were found on 8
May", 9 days), so ten days.
"""

from __future__ import annotations

import datetime as dt
import re

from ..records import TimeMention
from ..text.timex import MONTH_WORD, WEEKDAYS

# How many days before the report an act named with its own day is still news (see the module's docstring).
RECALL_DAYS = 10
_DAY = rf"(?:\d{{1,2}}\s+{MONTH_WORD}|{MONTH_WORD}\s+\d{{1,2}}\b|(?:last\s+)?(?:{'|'.join(WEEKDAYS)}))"
# A violent act, a clause of occurrence ("that took place", "which occurred"; a few words of place may follow),
# and its day: the act is named as a known one, and dated.
_ACT = r"(?:shootings?|gunfire|killings?|murders?|assassinations?|massacres?|slayings?|attacks?|ambush(?:es)?|bombings?|explosions?|blasts?|clash(?:es)?|fighting|raids?)"
OCCURRED = rf"{_ACT},?\s+(?:that|which)\s+(?:took\s+place|occurred|happened)\s+(?:[\w'-]+\s+){{0,5}}?on\s+{_DAY}"
# The attack-like acts among them, for ``rare_rules.KILLING``: the others have triggers of their own.
OCCURRED_KILLING = OCCURRED.replace(_ACT, r"(?:shootings?|gunfire|killings?|murders?|assassinations?|massacres?|slayings?|attacks?)", 1)
_OCCURRED = re.compile(rf"\b{OCCURRED}", re.IGNORECASE)


def recalled_long_ago(sentence: str, time: TimeMention | None, sentence_start: int, published: dt.date | None) -> bool:
    """Whether the mention's date (``time``) is the day of an act the sentence names with a clause of
    occurrence (``OCCURRED``) and lies more than ``RECALL_DAYS`` before the report."""
    if time is None or published is None or (published - time.date).days <= RECALL_DAYS:
        return False
    at = time.span.start - sentence_start
    return any(m.start() <= at < m.end() for m in _OCCURRED.finditer(sentence))
