"""Reading articles from a CSV file: a header row naming the columns, then one article per record.

The columns are ``id``, ``title``, ``url``, ``date`` and ``text`` (names matched without regard to case or
surrounding spaces, in any order); ``text`` is required, the others optional, other columns are ignored.
A record is checked as a JSONL line is (:func:`graphbuild.sources.document_from_json`): an empty cell is an
absent field, ``date`` is ISO 8601 (``YYYY-MM-DD``, a time after it is dropped).  A record without an ``id``
is named ``<file stem>-<n>``, ``n`` counting the file's records from 1.

Every problem costs only its record and is reported as ``FILE:LINE: problem``, LINE being the line the
record starts on (a quoted text may span lines): a bad UTF-8 byte, a stray or unterminated quote, a record
with more or fewer cells than the header, an empty text.  A header without a ``text`` column, or naming a
column twice, is one error for the whole file.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Final

from graphbuild.errors import InputError
from graphbuild.model import Document

#: The columns read (others are ignored); ``text`` is required.
COLUMNS: Final = ("id", "title", "url", "date", "text")
CSV_SUFFIXES: Final = frozenset({".csv"})

#: Bytes that are not UTF-8 decode (``surrogateescape``) to these code points, so a bad byte costs its record.
_BAD_BYTE: Final = re.compile("[\udc80-\udcff]")
#: The largest cell read: a whole article is one cell (the csv module's default limit is 128 KiB).
_FIELD_LIMIT: Final = 1 << 30


def _allow_long_cells() -> None:
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)


def _header(row: list[str], where: str) -> dict[str, int]:
    """The position of each known column; a missing ``text`` column or a repeated name is an error."""
    names = [cell.strip().lower() for cell in row]
    if _BAD_BYTE.search("".join(names)):
        raise InputError(where, "not UTF-8 text in the header row")
    positions: dict[str, int] = {}
    for i, name in enumerate(names):
        if name not in COLUMNS:
            continue
        if name in positions:
            raise InputError(where, f"column {name!r} named twice in the header row")
        positions[name] = i
    if "text" not in positions:
        shown = ", ".join(repr(n) for n in names[:8]) or "none"
        raise InputError(where, f"the header row has no 'text' column (columns: {shown}); expected "
                                f"{', '.join(COLUMNS)}")
    return positions


def _record(row: list[str], columns: dict[str, int], width: int, where: str, default_id: str) -> Document:
    from graphbuild.sources import document_from_json

    if len(row) != width:
        raise InputError(where, f"{len(row)} cells where the header has {width}; record skipped")
    obj: dict[str, str] = {}
    for name, i in columns.items():
        value = row[i]
        if (m := _BAD_BYTE.search(value)) is not None:
            raise InputError(where, f"not UTF-8 text (bad byte in column {name!r} at character {m.start() + 1}); "
                                    "record skipped")
        if value.strip() or name == "text":
            obj[name] = value
    obj.setdefault("id", default_id)
    return document_from_json(obj, where)


def iter_csv(stream: IO[bytes], name: str, on_error: Callable[[InputError], None]) -> Iterator[Document]:
    """The documents of a CSV byte stream (see the module text); problems go to ``on_error``."""
    _allow_long_cells()
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(text, strict=True)
    stem = Path(name).stem
    columns: dict[str, int] | None = None
    width = 0
    records = 0
    while True:
        start = reader.line_num + 1
        where = f"{name}:{start}"
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if columns is None:
                on_error(InputError(where, f"not a CSV header row ({exc})"))
                return
            records += 1
            problem = "unterminated quoted cell" if "unexpected end of data" in str(exc) else f"bad CSV ({exc})"
            on_error(InputError(where, f"{problem}; record skipped"))
            continue
        except OSError as exc:
            on_error(InputError(where, f"cannot read ({exc.strerror or exc})"))
            return
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # a blank line
        if columns is None:
            try:
                columns = _header(row, where)
            except InputError as err:
                on_error(err)
                return
            width = len(row)
            continue
        records += 1
        try:
            yield _record(row, columns, width, where, f"{stem}-{records}")
        except InputError as err:
            on_error(err)
    if columns is None:
        on_error(InputError(f"{name}:1", "empty CSV file (no header row)"))


def count_csv_records(path: Path) -> int:
    """Records of a CSV file after its header (each is one document or one reported error)."""
    _allow_long_cells()
    with path.open("r", encoding="utf-8", errors="replace", newline="") as fh:
        reader = csv.reader(fh)
        rows = 0
        try:
            for row in reader:
                if row and not (len(row) == 1 and not row[0].strip()):
                    rows += 1
        except csv.Error:
            rows += 1
    return max(0, rows - 1)
