"""Two readings the learned typer's words cannot make alone (inference only; docs/typing.md, augmentation round).

- A source that denies an act does not report it: "The army denied that rebels attacked the farm" tells no
  attack. ``denies_every_trigger``: the sentence's event triggers all lie in a clause that a source denies.
  A denial of who did it ("denied that its soldiers were involved in the killing", "denied responsibility")
  still tells of the act, and is left alone.
- ACLED's violent demonstration is the demonstrators' violence, so it needs demonstrators: with no
  demonstration named in the sentence and no trigger of the sub-type (riot, stone-pelting, ...),
  ``without_unnamed_demonstration`` gives the model's probability for it to "no event". News of gunmen
  firing at students is no demonstration, whatever the notes' students did.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .detect import TypedSpan

# "denied that", "denies reports that", "denied in a statement that"; the clause runs to a break ("; ", ", but").
_DENIAL = re.compile(r"\bden(?:y|ies|ied|ying)\s+(?:[\w'-]+\s+){0,4}?that\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r";|,?\s+\b(?:but|while|whereas|although|though)\b", re.IGNORECASE)
# The most words a source's name takes before its denial ("The interior ministry's spokesman").
_SOURCE_WORDS = 6
# Words that make a denial one of the perpetrator or of a role, not of the act itself.
_WHO_DID_IT = re.compile(r"\b(?:involv\w*|responsib\w*|behind|role|carried\s+out|perpetrat\w*|links?|linked|ordered|part\s+in)\b", re.IGNORECASE)


def denies_every_trigger(sentence: str, hits: Iterable[TypedSpan]) -> bool:
    """True when a source denies the act that every event trigger of the sentence names (and there is one)."""
    clauses = []
    for m in _DENIAL.finditer(sentence):
        end = _end(sentence, m.end())
        if not _WHO_DID_IT.search(sentence, m.end(), end):
            clauses.append((m.start(), m.end(), end))
    if not clauses:
        return False
    hits = list(hits)
    if hits:  # no trigger outside the denied clauses: nothing is reported
        return all(any(a <= h.start < b for _, a, b in clauses) for h in hits)
    # The model alone reads an event: only a sentence that is the denial and nothing else ("The army denied that
    # rebels attacked the farm."; a few words of source before it) tells none; else the act may lie outside.
    start, _, end = clauses[0]
    return len(sentence[:start].split()) <= _SOURCE_WORDS and not sentence[end:].strip(" .\"'”’")


def _end(sentence: str, start: int) -> int:
    e = _CLAUSE_END.search(sentence, start)
    return e.start() if e else len(sentence)


def without_unnamed_demonstration(probs: dict[str, float], triggered: bool, named: bool) -> dict[str, float]:
    """``probs`` with Violent demonstration's probability given to no event, unless the sub-type's trigger
    fired (``triggered``) or the sentence names a demonstration (``named``)."""
    vd = probs.get("Violent demonstration", 0.0)
    if triggered or named or vd <= 0.0:
        return probs
    return {**probs, "Violent demonstration": 0.0, "NO_EVENT": probs.get("NO_EVENT", 0.0) + vd}  # typing_model.NO_EVENT (imports this module)
