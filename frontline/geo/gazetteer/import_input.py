"""The importers' input files: which format a file is, and reading it (plain, .gz or .zip) as text."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import logging
import zipfile
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import IO, cast

from .schema import GazetteerError

log = logging.getLogger(__name__)

def detect_format(path: Path) -> str:
    """"geonames", "ucdp" or "acled" from the file's first line; GazetteerError when it is none of them."""
    with open_text(path, "utf-8", errors="replace") as (fh, _pos, _total):
        first = ""
        for line in fh:
            if not line.startswith("#") and line.strip():
                first = line
                break
    cols = first.rstrip("\r\n").split("\t")
    if len(cols) == 19 and cols[0].strip().isdigit():
        return "geonames"
    header = {h.strip().strip('"').lower() for h in next(csv.reader([first]), [])}
    if "where_coordinates" in header and {"latitude", "longitude"} <= header:
        return "ucdp"
    if {"location", "latitude", "longitude"} <= header and ("admin1" in header or "event_id_cnty" in header):
        return "acled"
    raise GazetteerError(
        f"{path}: unknown format: expected a GeoNames dump (19 tab-separated columns, as XX.txt or "
        "allCountries.txt), a UCDP GED CSV (with where_coordinates, latitude, longitude) or an ACLED CSV "
        "(with location, latitude, longitude, admin1); pass --format to say which"
    )


class _Opened:
    """Context manager giving (text file, bytes-read function, total bytes) for plain, .gz and .zip files."""

    def __init__(self, path: Path, encoding: str, errors: str = "strict") -> None:
        self.path, self.encoding, self.errors = path, encoding, errors
        self._stack = ExitStack()

    def __enter__(self) -> tuple[IO[str], Callable[[], int], int]:
        path, stack = self.path, self._stack
        try:
            raw = stack.enter_context(path.open("rb"))
        except OSError as e:
            raise GazetteerError(f"cannot read {path}: {e.strerror or e}") from e
        total = path.stat().st_size
        binary: IO[bytes] = raw
        if path.suffix.lower() == ".gz":
            gz = gzip.GzipFile(fileobj=raw)
            stack.callback(gz.close)
            binary = cast(IO[bytes], gz)
        elif path.suffix.lower() == ".zip":
            z = stack.enter_context(zipfile.ZipFile(raw))
            members = [m for m in z.namelist() if m.endswith((".txt", ".csv")) and "readme" not in m.lower()]
            if not members:
                raise GazetteerError(f"{path}: no .txt or .csv file inside")
            binary = stack.enter_context(z.open(members[0]))
        text = io.TextIOWrapper(binary, encoding=self.encoding, errors=self.errors, newline="")
        stack.callback(text.detach)
        return text, raw.tell, total

    def __exit__(self, *exc: object) -> None:
        self._stack.close()


def open_text(path: Path, encoding: str, errors: str = "strict") -> _Opened:
    """``with open_text(...) as (text, bytes_read, total_bytes)``: a plain, .gz or .zip file as text."""
    return _Opened(path, encoding, errors)


def csv_encoding(path: Path) -> str:
    """utf-8 (with or without BOM) when the whole file decodes as such, else cp1252 (old ACLED exports)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open_text(path, "latin-1") as (fh, _pos, _total):
        raw = fh.buffer if hasattr(fh, "buffer") else None
        assert raw is not None
        try:
            while chunk := raw.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as e:
            log.info("%s is not UTF-8 (%s): reading it as cp1252", path, e.reason)
            return "cp1252"
    return "utf-8-sig"
