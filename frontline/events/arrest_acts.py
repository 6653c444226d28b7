"""arrest_acts: the violent act an arrest sentence tells as what the arrested did.

"She was arrested on 9 December after having participated in an attack on a bus" tells two events: the
arrest, and the attack, a completed act told as fact. The typer reads the sentence as an arrest (its main
event); ``committed_acts`` finds the clause that tells the act, so that ``detect`` types it on its own.

Only an act told with a verb after "after" or "for" ("after having participated in", "after they
ambushed", "for attacking"), with its object ("a bus", "the patrol", "in an attack"), in words of violence: a
charge or a suspicion ("on suspicion of", "charged with", "for allegedly ...", "for the murder of") is no
act told as fact, a crime named without its object ("arrested for kidnapping") is a charge, not an act, and a
passive ("after being shot") tells what was done to the arrested, not by them. The typer reads a short clause
with no word of violence wildly ("alleged drug ties" comes out a chemical attack), so none is typed.
"""

from __future__ import annotations

import re

# The arrest, then (in the same clause) "after" or "for", an optional subject pronoun or "having", and a
# verb in the past or the gerund: the act runs from that verb to the clause's end.
_ARRESTED = r"\b(?:arrested|detained|captured|apprehended|nabbed|rounded\s+up|taken\s+into\s+custody)\b"
_ACT_VERB = r"(?!(?:being|been|having|alleged|allegedly|reportedly|suspected|accused|charged|receiving|searching)\b)(?:[a-z]+(?:ed|ing)|shot|set|threw|blew|fought|hit|stole|burnt|took|stabbed)\b"
_ACT = re.compile(
    rf"{_ARRESTED}[^.;]{{0,120}}?\b(?:after|for)\s+(?:(?:he|she|they|having)\s+(?:had\s+)?)?(?:having\s+)?(?={_ACT_VERB})",
    re.IGNORECASE,
)
# The act has its object: after the verb (and "in", "on", "at" ...), an article, a number, a possessive or a name.
_OBJECT = re.compile(
    r"\S+\s+(?:(?:in|on|at|against|into|up|down|dead)\s+)?(?:(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|several"
    r"|some|his|her|their|its|him|them|\d+)\b|(?-i:[A-Z]))",
    re.IGNORECASE,
)
# Words of violence, one of which the act's head (``_HEAD``) must hold: "heading a gang dedicated to drug
# trafficking and murder" is a charge of leading a gang, not a murder.
_HEAD = re.compile(r"\S+(?:\s+\S+){0,4}")
_VIOLENCE = re.compile(
    r"\b(?:attack\w*|ambush\w*|bomb\w*|shoot\w*|shot|kill\w*|murder\w*|assassinat\w*|kidnap\w*|abduct\w*|raid\w*|fired|firing"
    r"|grenades?|explosi\w*|massacr\w*|stabb\w*|burn\w*|torch\w*|clash\w*|fought|fighting|hostages?|lynch\w*|behead\w*)\b",
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
        act = (m.end(), end.start() if end else len(sentence.rstrip()))
        head = _HEAD.match(sentence, act[0], act[1])  # the verb and its object's first words name the act
        if _OBJECT.match(sentence, act[0], act[1]) and head and _VIOLENCE.search(sentence, act[0], head.end()):
            acts.append(act)
    return tuple(acts)
