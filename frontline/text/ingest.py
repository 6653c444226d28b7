"""ingest: files and folders (txt, html, jsonl) to ``Article`` records.

Text and HTML files may come in any common encoding (``decode``); JSONL must be UTF-8, as JSON is.

A file or line that cannot be read yields an ``IngestError`` naming it; the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Article, IngestError
from .decode import Undecodable, decode, html_charset

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def content_id(text: str) -> str:
    """A stable article id from the text itself, so re-runs upsert."""
    normalised = " ".join(text.split())
    return "a" + hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def parse_date(value: object) -> dt.date | None:
    """Parse an ISO-like date ("2016-07-01", "2016-07-01T10:00:00Z"); None when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser  # deferred: only needed for unusual date strings

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        raise ValueError(f"unreadable date {text!r} (expected YYYY-MM-DD)")
    return parsed.date()


def ingest(
    paths: Iterable[str | Path],
    *,
    published: dt.date | None = None,
    source: str | None = None,
) -> Iterator[Article | IngestError]:
    """Yield one ``Article`` per readable document under ``paths``, or an ``IngestError``.

    Folders are walked recursively in sorted order (same input, same output); files with
    other suffixes inside folders are skipped. ``published``/``source`` fill what the
    input itself does not say.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield IngestError(str(path), "folder holds no .txt, .html or .jsonl files")
            for file in files:
                yield from _ingest_file(file, published, source)
        elif path.exists():
            yield from _ingest_file(path, published, source)
        else:
            yield IngestError(str(path), "no such file or folder")


def _ingest_file(path: Path, published: dt.date | None, source: str | None) -> Iterator[Article | IngestError]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, published=published, source=source)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    if not data.strip():
        yield IngestError(str(path), "file is empty")
        return
    decoded = decode(data, html_charset(data) if suffix in HTML_SUFFIXES else None)
    if isinstance(decoded, Undecodable):
        yield IngestError(str(path), decoded.reason)
        return
    if decoded.encoding != "utf-8":
        log.debug("%s: read as %s", path, decoded.encoding)
    text, encoding = decoded.text, decoded.encoding
    if not text.strip():
        yield IngestError(str(path), "file is empty")
        return
    if suffix in HTML_SUFFIXES:
        yield _ingest_html(path, text, published, source, encoding)
    else:
        yield _text_article(path, _fix_text(text), published, source, encoding)


def _text_article(path: Path, text: str, published: dt.date | None, source: str | None, encoding: str) -> Article | IngestError:
    if not text.strip():  # control characters only: nothing to read, and said so rather than stored empty
        return IngestError(str(path), "file holds no readable text")
    return _article(path, text, published=published, source=source, origin=str(path), encoding=encoding)


def _fix_text(text: str) -> str:
    """Repair mojibake; keep everything else (offsets are into this text)."""
    import ftfy

    return ftfy.fix_text(text, normalization="NFC")


def _ingest_html(
    path: Path, html: str, published: dt.date | None, source: str | None, encoding: str
) -> Article | IngestError:
    import trafilatura  # deferred: ~0.2 s import, needed only for HTML

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many types on broken markup; one bad file must not stop the batch
        return IngestError(str(path), f"HTML could not be parsed: {exc}")
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        # lxml stops at 256 levels of nesting, where a browser goes on: read such a page's visible text.
        body = _deep_html_text(html)
    if not body or not body.strip():
        return IngestError(str(path), "HTML holds no readable main text")
    meta_date = None
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            meta_date = parse_date(raw_date)
        except ValueError:
            log.debug("%s: ignoring unreadable HTML date %r", path, raw_date)
    return _article(
        path,
        _fix_text(body),
        published=published or meta_date,
        source=source or getattr(doc, "sitename", None),
        url=getattr(doc, "url", None),
        title=getattr(doc, "title", None),
        origin=str(path),
        encoding=encoding,
    )


def jsonl_records(path: Path) -> Iterator[tuple[str, dict | IngestError]]:
    """``(origin, record)`` for each non-blank line of a JSONL file, streamed; a bad line gives an
    ``IngestError`` naming ``path:line`` instead of a record."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield str(path), IngestError(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    with fh:
        seen = False
        for number, raw in enumerate(fh, start=1):
            origin = f"{path}:{number}"
            if not raw.strip():
                continue
            seen = True
            try:
                record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
            except UnicodeDecodeError as exc:
                yield origin, IngestError(origin, f"not UTF-8 (byte {exc.start})")
                continue
            except json.JSONDecodeError as exc:
                yield origin, IngestError(origin, f"malformed JSON: {exc.msg} (column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield origin, IngestError(origin, "line is not a JSON object")
                continue
            yield origin, record
        if not seen:  # an empty file is reported, never passed over in silence
            yield str(path), IngestError(str(path), "file is empty (no JSON lines)")


def read_jsonl(
    path: Path, *, published: dt.date | None = None, source: str | None = None
) -> Iterator[Article | IngestError]:
    """Articles from a JSONL file of contract records, one per line, whatever the file's suffix."""
    for origin, record in jsonl_records(path):
        if isinstance(record, IngestError):
            yield record
        else:
            yield article_from_record(record, origin=origin, published=published, source=source)


def article_from_record(
    record: dict,
    *,
    origin: str,
    published: dt.date | None = None,
    source: str | None = None,
) -> Article | IngestError:
    """Turn one contract record ``{"id", "text", "published"?, "source"?, "url"?, "title"?}`` into an Article."""
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        return IngestError(origin, 'missing or empty "text" field')
    try:
        date = parse_date(record.get("published")) or published
    except ValueError as exc:
        return IngestError(origin, f'"published": {exc}')
    # JSONL text is kept byte-for-byte: evidence offsets must point into the caller's text.
    text = body
    raw_id = record.get("id")
    return Article(
        id=str(raw_id) if raw_id not in (None, "") else content_id(text),
        text=text,
        published=date,
        source=_str_or_none(record.get("source")) or source,
        url=_str_or_none(record.get("url")),
        title=_str_or_none(record.get("title")),
        origin=origin,
        encoding="utf-8",  # JSON is UTF-8 (RFC 8259); other bytes are refused per line above
    )


def _str_or_none(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _article(path: Path, text: str, **meta: object) -> Article:
    return Article(id=content_id(text), text=text, **meta)  # type: ignore[arg-type]


# Fewer words than this in a page's visible text is navigation, not a report.
MIN_FALLBACK_WORDS = 20


def _deep_html_text(html: str) -> str | None:
    """The visible text of a page too deeply nested for lxml, paragraph by paragraph (Python's own
    parser has no depth limit); None when it holds fewer than ``MIN_FALLBACK_WORDS`` words."""
    from html.parser import HTMLParser

    blocks = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "tr", "td"}

    class Visible(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.hidden = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("script", "style", "nav", "footer", "header", "noscript"):
                self.hidden += 1
            elif tag in blocks:
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style", "nav", "footer", "header", "noscript") and self.hidden:
                self.hidden -= 1
            elif tag in blocks:
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.hidden:
                self.parts.append(data)

    parser = Visible()
    parser.feed(html)
    parser.close()
    paragraphs = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    text = "\n\n".join(p for p in paragraphs if p)
    return text if len(text.split()) >= MIN_FALLBACK_WORDS else None
