"""clean: split an article into paragraphs, drop page boilerplate and repeated paragraphs.

Kept paragraphs are spans of the original text, so every later offset still points into it.
"""

from __future__ import annotations

import logging
import re

from rapidfuzz import fuzz

from ..records import Article, Document, Span

log = logging.getLogger(__name__)

# Lines that are page furniture, not reporting. Matched against a whole paragraph.
_BOILERPLATE = re.compile(
    r"""^\W*(
        comments?\ about\ this\ article
      | please\ fill\ (in\ )?the\ fields?\ below\.?
      | (leave|post|add|write)\ a\ (comment|reply)
      | \d*\s*comments?
      | (share|tweet|email|print)(\ (this|on\ \w+))?(\ article|\ story)?
      | share\ (on|via)\ .{0,40}
      | (subscribe|sign\ up)\b.{0,80}
      | follow\ us\b.{0,60}
      | click\ here\b.{0,80}
      | read\ more\b.{0,80}
      | related(\ (articles?|stories|news))?:?.{0,80}
      | advertisement
      | all\ rights\ reserved.{0,40}
      | (©|\(c\)|copyright)\b.{0,80}
      | your\ (name|e-?mail)\b.{0,40}
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# "(With Reuters)", "(Reporting by ...)", kept as attribution.
_ATTRIBUTION = re.compile(r"\((?:with|additional reporting by|reporting by)\s+([^()]{2,60})\)", re.IGNORECASE)
# A dateline naming the outlet: "(Zaman Al Wasl)- ..." at the start of the article.
_DATELINE = re.compile(r"^\s*\(([A-Z][^()]{1,40})\)\s*[-–—:]")
_WORD = re.compile(r"\w+")

# Who a sentence attributes its claim to: "the Syrian Observatory for Human Rights said",
# "according to SOHR", "Nusra Front said in an online statement".
_NAME = r"(?:(?i:the)\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+(?:(?:for|of|al|el|de|the)\s+)?[A-Z][\w'’.-]*){0,6})"
_CLAIMS = (
    re.compile(rf"\b(?i:according)\s+to\s+{_NAME}"),
    re.compile(rf"(?:^|(?<=[,;:.]\s)){_NAME}\s+(?:said|says|reported|reports|claimed|claims|announced|stated)(?P<statement>\s+in\s+an?\s+(?:\w+\s+)?statement)?"),
    re.compile(rf"\bin\s+an?\s+(?:\w+\s+)?statement,?\s+{_NAME}(?P<statement>)"),
)
# Monitors and agencies better known by their initials, as ACLED's source column writes them.
SOURCE_ABBREVIATIONS = {
    "syrian observatory for human rights": "SOHR",
    "syrian observatory": "SOHR",
    "observatory": "SOHR",
    "syrian arab news agency": "SANA",
    "armed conflict location and event data project": "ACLED",
}
# Capitalised words that open a sentence but name nobody in particular.
_NOT_SOURCES = frozenset(
    {
        "the", "he", "she", "they", "it", "we", "i", "a", "an", "this", "that", "these", "those", "officials",
        "official", "police", "witnesses", "residents", "sources", "source", "activists", "medics", "doctors",
        "locals", "reports", "report", "media", "state", "government", "army", "military", "moscow", "washington",
    }
)


_NOT_SOURCE_STARTS = frozenset(
    {
        "he", "she", "they", "it", "we", "i", "president", "prime", "minister", "foreign", "defence", "defense",
        "interior", "spokesman", "spokeswoman", "spokesperson", "general", "gen", "colonel", "col", "major", "captain",
        "mr", "mrs", "ms", "dr", "sheikh", "us", "u.s.", "king", "queen", "governor", "mayor", "senator",
    }
)


def attributed_sources(text: str) -> list[str]:
    """Who ``text`` attributes its claims to, in order: "SOHR", "Nusra Front statement", "Reuters"."""
    found: list[tuple[int, str]] = []
    for pattern in _CLAIMS:
        for m in pattern.finditer(text):
            words = m.group("name").split()
            if len(words) > 1 and words[0].lower().endswith("-based"):
                words = words[1:]  # "the Britain-based Syrian Observatory"
            name = " ".join(words).rstrip(".")
            if name.lower() in _NOT_SOURCES or name.split()[0].lower() in _NOT_SOURCE_STARTS:
                continue  # pronouns and people by title: the source column names outlets and organisations
            name = SOURCE_ABBREVIATIONS.get(name.lower(), name)
            if m.groupdict().get("statement"):
                name += " statement"
            found.append((m.start(), name))
    return list(dict.fromkeys(name for _, name in sorted(found)))

_DATELINE_CHARS = 60  # the most a dateline or byline adds to a repeated paragraph ("BEIRUT, Syria (AP) --")
NEAR_DUPLICATE = 90.0  # rapidfuzz token ratio at or above which a paragraph repeats an earlier one


def clean(article: Article) -> Document:
    """Return the article's kept paragraphs (boilerplate and repeats removed) as a ``Document``."""
    kept: list[Span] = []
    kept_keys: list[str] = []
    removed: list[Span] = []
    reasons: list[str] = []
    attributions: list[str] = []

    for span in _paragraphs(article.text):
        if _BOILERPLATE.match(span.text):
            removed.append(span)
            reasons.append("boilerplate")
            continue
        key = " ".join(_WORD.findall(span.text.lower()))
        if not key:
            removed.append(span)
            reasons.append("no words")
            continue
        if _repeats(key, kept_keys):
            removed.append(span)
            reasons.append("duplicate")
            continue
        kept.append(span)
        kept_keys.append(key)
        for match in _ATTRIBUTION.finditer(span.text):
            attributions.append(match.group(1).strip())

    if kept:
        dateline = _DATELINE.match(kept[0].text)
        if dateline:
            attributions.insert(0, dateline.group(1).strip())
    if removed:
        log.debug("%s: removed %d paragraphs (%s)", article.id, len(removed), ", ".join(sorted(set(reasons))))
    return Document(
        article=article,
        paragraphs=tuple(kept),
        removed=tuple(removed),
        removed_reasons=tuple(reasons),
        attributions=tuple(dict.fromkeys(attributions)),
    )


def _paragraphs(text: str) -> list[Span]:
    """Paragraph spans. Scraped text puts one paragraph per line; hard-wrapped text (wire copy,
    e-mail) wraps short lines inside blocks separated by blank lines, so there a block is a paragraph."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    wrapped = bool(re.search(r"\n[ \t]*\n", text)) and lines and sum(len(m.group()) for m in lines) / len(lines) < 90
    pattern = r"\S(?:.|\n(?![ \t]*\n))*" if wrapped else r"[^\n]+"
    spans = []
    for match in re.finditer(pattern, text):
        start, end = match.span()
        # Trim surrounding whitespace but keep offsets exact.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end, text[start:end]))
    return spans


def _repeats(key: str, earlier: list[str]) -> bool:
    if key in earlier:
        return True
    # A repeat may have lost (or gained) a dateline or byline: containment counts for longer lines
    # when what is left over could be one. A headline contained in a one-paragraph body is no repeat
    # of it: dropping the body would drop the whole report.
    if len(key) >= 30 and any(
        (key in other or other in key) and _extra_is_a_dateline(key, other) for other in earlier if len(other) >= 30
    ):
        return True
    if len(key) < 40:  # short lines: only exact repeats count, fuzzy matching is too loose
        return False
    for other in earlier:
        if abs(len(other) - len(key)) <= 0.2 * len(key) and fuzz.ratio(key, other) >= NEAR_DUPLICATE:
            return True
    return False


def _extra_is_a_dateline(a: str, b: str) -> bool:
    """Whether the longer of two paragraphs, one inside the other, differs by what a dateline or byline adds."""
    extra = abs(len(a) - len(b))
    return extra <= _DATELINE_CHARS or extra < 0.4 * max(len(a), len(b))
