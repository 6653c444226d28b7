"""The typer's words without "March" the month: one rule for the learned typer's features.

"March" is both a month and a demonstration, and the typing model learned the word from protest notes: a
sentence dated "on 3 March" or "in March" leaned towards a protest that the same sentence "on Tuesday" did
not (docs/typing.md, "March" the month). So where the word sits in a date, it is dropped from the features,
whatever the date's form: a day or a year beside it ("3 March", "March 12", "March 2016"), or a word of time
before it ("in March", "since March", "mid-March", "early March", "last March", "the end of March").
"March" as a demonstration ("a march", "the march", "Women's March", "marched") keeps its word.

Works on the lower-cased tokens of ``typing_model`` (numbers already "0"), so it costs one pass over them.
"""

from __future__ import annotations

# Words before a month that make it a date. Not "on" alone ("police fired on march ...") nor "during" or
# "after" (a headline drops its articles: "Police fire tear gas during march"); "on March" is a date through
# the day after it.
_TIME_WORDS = frozenset(
    {
        "in", "since", "until", "till", "by", "from", "early", "late", "mid", "last", "next", "this",
    }
)
# A word of time right before a month's "of" makes the "of" a date's ("the end of March", "early part of March").
_OF_HEADS = frozenset({"end", "beginning", "start", "middle", "month", "part", "ides", "half", "week", "weeks"})


def without_date_march(words: list[str]) -> list[str]:
    """``words`` less every "march" that is the month (a day or year beside it, a word of time before it).

    >>> without_date_march(["on", "0", "march", "rioters", "marched"])
    ['on', '0', 'rioters', 'marched']
    >>> without_date_march(["a", "march", "in", "the", "capital"])
    ['a', 'march', 'in', 'the', 'capital']
    """
    if "march" not in words:
        return words
    kept = []
    for i, word in enumerate(words):
        if word == "march" and _is_month(words, i):
            continue
        kept.append(word)
    return kept


def _is_month(words: list[str], i: int) -> bool:
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if before == "0" or after == "0":
        return True
    if before == "of":
        # "the end of March" is a date; "a march of thousands", "the March of Dignity" are not (no "of" before).
        return i > 1 and words[i - 2] in _OF_HEADS
    # "to March", "and March", "or March" are dates only in a span of months ("from February to March").
    if before in {"to", "and", "or"}:
        return i > 1 and words[i - 2] in _MONTHS
    return before in _TIME_WORDS


_MONTHS = frozenset(
    {
        "january", "february", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "0",
    }
)
