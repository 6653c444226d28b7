"""decode: the bytes of a text or HTML file to text, with the encoding that was used.

The order is the one browsers follow, less their locale default:
1. a byte-order mark (UTF-8, UTF-16 or UTF-32);
2. UTF-16 without a mark, told by its zero bytes falling at every other position;
3. strict UTF-8 (so UTF-8 input reads exactly as before);
4. the charset an HTML page declares (``html_charset``);
5. charset-normalizer's guess, taken only at ``MIN_CONFIDENCE`` or more (measured by
   ``bench/decoding.py``, figures in docs/reliability.md).
Anything else is ``Undecodable``, with the reason and the best guess, so the user can re-encode it.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

# A guess below this (1 - charset-normalizer's "chaos", as its chardet-style ``detect`` reports it) is
# refused. bench/decoding.py: every right reading of real paragraphs scores 0.83 or more (typographic
# English is the lowest), random bytes get no reading at all, text with 10% of its bytes random mostly
# scores below 0.8, and with 30% below 0.6.
MIN_CONFIDENCE = 0.8

# The code pages news in this field comes in. Leaving out DOS, Mac and CJK pages keeps Western text from
# being read as Estonian cp775 or as Big5 (curly quotes pair into Chinese characters), as measured by
# bench/decoding.py. The order is the preference among code pages that give the same text.
CANDIDATES = (
    "cp1252", "cp1256", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1257", "cp1258",
    "iso8859_6", "latin_1", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_8", "iso8859_9", "iso8859_15",
    "koi8_r", "koi8_u", "cp874", "utf_16", "utf_32",
)  # fmt: skip

# Languages windows-1252 writes (charset-normalizer's names).
WESTERN = frozenset(
    {"English", "French", "Spanish", "Portuguese", "Italian", "German", "Dutch", "Danish", "Norwegian", "Swedish", "Finnish", "Indonesian"}
)
_BOMS = (  # UTF-32 LE before UTF-16 LE: its mark begins with UTF-16 LE's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Files people mistake for text; some have no NUL byte early on.
_SIGNATURES = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
)
_SNIFF = 8192  # bytes looked at for NULs and UTF-16 (as before)
_META = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
# C0 controls other than tab, newlines and form feed: not in text, so a decoding that yields them is wrong.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name: "utf-8", "utf-8-sig", "utf-16-le", "windows-1252", "iso-8859-6", ...


@dataclass(frozen=True, slots=True)
class Undecodable:
    reason: str  # for the user: what is wrong and what to do


def html_charset(data: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` or ``<meta http-equiv="Content-Type">``, if any."""
    found = _META.search(data[:_SNIFF])
    return found.group(1).decode("ascii").lower() if found else None


def decode(data: bytes, declared: str | None = None) -> Decoded | Undecodable:
    """Text of ``data`` and the encoding used; ``declared`` is the charset the document itself names."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            codec = encoding.removesuffix("-sig")
            try:
                return Decoded(data[len(bom) :].decode(codec), encoding)
            except UnicodeDecodeError as exc:
                name, at = codec.upper(), exc.start + len(bom)
                return Undecodable(f"starts with a {name} byte-order mark but is not {name} (byte {at}); re-encode it as UTF-8")
    if b"\x00" in data[:_SNIFF]:
        return _utf16_without_bom(data) or _binary(data, "NUL bytes")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if any(data.startswith(signature) for signature, _ in _SIGNATURES):  # after UTF-8: UTF-8 text reads as before
        return _binary(data, "")
    if declared:
        read = _declared(data, declared)
        if read is not None:
            return read
    return _detect(data)


def _name(codec: str) -> str:
    """Python's codec name, in the spelling people know ("windows-1252", "iso-8859-6")."""
    name = codecs.lookup(codec).name
    if re.fullmatch(r"cp125\d", name):
        return "windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "iso-" + name[3:]
    return {"latin-1": "iso-8859-1"}.get(name, name)


def _binary(data: bytes, fallback: str) -> Undecodable:
    kind = next((kind for signature, kind in _SIGNATURES if data.startswith(signature)), fallback)
    return Undecodable(f"binary file ({kind}), not text, HTML or JSONL")


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text without a mark has a zero byte in each ASCII character (spaces, digits, Latin letters),
    all on one side of each byte pair; binary data has them anywhere."""
    head = data[:_SNIFF] if len(data) % 2 == 0 else b""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 10 * even:
        encoding = "utf-16-le"
    elif even > 10 * odd:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _CONTROL.search(text) else Decoded(text, encoding)


def _declared(data: bytes, declared: str) -> Decoded | None:
    try:
        name = _name(declared)
    except LookupError:
        log.debug("unknown declared charset %r; guessing instead", declared)
        return None
    if name.startswith(("utf-16", "utf-32", "utf-8")):
        # A page whose markup reads as ASCII is not UTF-16 whatever it says (browsers agree), and UTF-8 failed.
        return None
    if name in {"iso-8859-1", "ascii"}:
        name = "windows-1252"  # as browsers read these labels: 0x80-0x9F are quotes and dashes, not controls
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        log.debug("declared charset %s does not fit the bytes; guessing instead", name)
        return None
    return Decoded(text, name)


def _detect(data: bytes) -> Decoded | Undecodable:
    import charset_normalizer  # deferred: needed only for input that is not UTF-8

    matches = charset_normalizer.from_bytes(data, cp_isolation=list(CANDIDATES), threshold=1.0)
    best = matches.best()
    if best is None:
        return Undecodable("could not tell the text encoding (no known encoding fits the bytes); re-encode it as UTF-8")
    confidence = 1.0 - best.chaos
    # Western text with few accents reads as cleanly in windows-1250 as in windows-1252 and the detector
    # picks either ("è" or "č"); take windows-1252, as browsers do, when it is as clean and its reading
    # looks like a language it is made for (bench/decoding.py: French and English 100% right, not 78%).
    western = next((m for m in matches if "cp1252" in m.could_be_from_charset), None)
    if western is not None and western.chaos <= best.chaos and western.language in WESTERN:
        best = western
    # Code pages that give the same text are one match; name the most common of them.
    fits = set(best.could_be_from_charset)
    codec = next((c for c in CANDIDATES if c in fits), best.encoding)
    if confidence < MIN_CONFIDENCE:
        return Undecodable(
            f"could not tell the text encoding (best guess {_name(codec)}, confidence {confidence:.2f}); "
            "re-encode it as UTF-8"
        )
    text = str(best)
    if _CONTROL.search(text):
        return Undecodable(f"binary file (control bytes, even read as {_name(codec)}), not text, HTML or JSONL")
    return Decoded(text, _name(codec))
