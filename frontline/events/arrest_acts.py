"""arrest_acts: the violent act an arrest sentence tells as what the arrested did.

"She was arrested on 9 December after having participated in an attack on a bus" tells two events: the
arrest, and the attack, a completed act told as fact. The typer reads the sentence as an arrest (its main
event); ``committed_acts`` finds the clause that tells the act, so that ``detect`` types it on its own.

Only an act told with a verb after "after" or "for" ("after having participated in", "after they
ambushed", "for attacking"): a charge or a suspicion ("on suspicion of", "charged with", "for allegedly
...", "for the murder of") is no act told as fact, and a passive ("after being shot") tells what was done
to the arrested, not by them.
"""

from __future__ import annotations

import re

# The arrest, then (in the same clause) "after" or "for", an optional subject pronoun or "having", and a
# verb in the past or the gerund: the act runs from that verb to the clause's end.
_ARRESTED = r"\b(?:arrested|detained|captured|apprehended|nabbed|rounded\s+up|taken\s+into\s+custody)\b"
_ACT_VERB = r"(?!(?:being|been|having|allegedly|reportedly|suspected|accused|charged|receiving|searching)\b)(?:[a-z]+(?:ed|ing)|shot|set|threw|blew|fought|hit|stole|burnt|took|stabbed)\b"
_ACT = re.compile(
    rf"{_ARRESTED}[^.;]{{0,120}}?\b(?:after|for)\s+(?:(?:he|she|they|having)\s+(?:had\s+)?)?(?:having\s+)?(?={_ACT_VERB})",
    re.IGNORECASE,
)
# The act's clause ends at a comma, a semicolon, a sentence end or a new clause ("and was", "before").
_CLAUSE_END = re.compile(r"[,;.]|\s+(?:and|but|before|while|whereupon)\s+(?:was|were|then|later|he|she|they)\b", re.IGNORECASE)


def committed_acts(sentence: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each act clause (sentence-relative) that an arrest sentence tells as what the
    arrested did; empty when there is none."""
    acts = []
    for m in _ACT.finditer(sentence):
        end = _CLAUSE_END.search(sentence, m.end())
        acts.append((m.end(), end.start() if end else len(sentence.rstrip())))
    return tuple(acts)
