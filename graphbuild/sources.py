"""Reading input articles: ``.txt`` files, directories, ``.jsonl`` and ``.csv`` files, stdin.

:func:`iter_documents` yields :class:`~graphbuild.model.Document` records and
reports every unreadable input through a callback instead of stopping, so one
bad document never loses the others.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from graphbuild.errors import InputError
from graphbuild.model import Document

log = logging.getLogger(__name__)

#: Called with each input problem; the default raises it.
OnError = Callable[[InputError], None]

_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_CSV_SUFFIXES = {".csv"}  # read by graphbuild.csv_input


def _raise(err: InputError) -> None:
    raise err


_SURROGATE = re.compile("[\ud800-\udfff]")


def repair_surrogates(text: str) -> str:
    """Lone surrogates (a JSON ``"\\ud83d"`` escape of a truncated emoji) become U+FFFD, one for one.

    Python keeps them in a ``str`` but no UTF-8 writer accepts them; a valid
    pair written as two escapes is already one character after ``json.loads``.
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def normalise_text(text: str) -> str:
    """NFC-normalise and unify line ends, so offsets mean the same everywhere."""
    text = repair_surrogates(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text)


def _check_date(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(where, f"'date' must be an ISO 8601 string, not {type(value).__name__}")
    value = repair_surrogates(value)
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", value.strip())
    if not m:
        raise InputError(where, f"'date' {value!r} is not an ISO 8601 date (YYYY-MM-DD)")
    try:
        date.fromisoformat(m.group(1))
    except ValueError:
        raise InputError(where, f"'date' {value!r} is not a valid calendar date") from None
    return m.group(1)


def _opt_str(obj: dict[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(where, f"{key!r} must be a string, not {type(value).__name__}")
    return repair_surrogates(value)


def document_from_json(obj: Any, where: str) -> Document:
    """Make a Document from one decoded JSONL object, checking every field."""
    if not isinstance(obj, dict):
        raise InputError(where, f"expected a JSON object, got {type(obj).__name__}")
    doc_id = obj.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise InputError(where, "missing or empty 'id'")
    doc_id = repair_surrogates(doc_id)
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(where, "missing 'text' (a string)")
    text = normalise_text(text)
    if not text.strip():
        raise InputError(where, f"document {doc_id!r} is empty")
    return Document(
        id=doc_id.strip(),
        text=text,
        title=_opt_str(obj, "title", where),
        date=_check_date(obj.get("date"), where),
        url=_opt_str(obj, "url", where),
        source=where,
    )


def read_text_file(path: Path) -> Document:
    """Read one ``.txt`` article; its id is the file name without extension."""
    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(where, f"cannot read file ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(where, f"not UTF-8 text (bad byte at offset {exc.start})") from None
    text = normalise_text(text)
    if not text.strip():
        raise InputError(where, "empty document")
    return Document(id=path.stem, text=text, source=where)


def iter_jsonl(stream: IO[bytes] | IO[str], name: str, on_error: OnError = _raise) -> Iterator[Document]:
    """Documents from a JSONL stream, one object per line; blank lines are skipped.

    A binary stream is read line by line in bytes and each line decoded on its
    own, so a bad byte costs only its line; a text stream is read through its
    underlying binary buffer when it has one (``sys.stdin``).
    """
    raw: IO[Any] = getattr(stream, "buffer", stream)
    lineno = 0
    while True:
        lineno += 1
        where = f"{name}:{lineno}"
        try:
            line: bytes | str = raw.readline()
        except UnicodeDecodeError as exc:  # a text stream without a buffer: the rest is unreadable
            on_error(InputError(where, f"not UTF-8 text (bad byte at offset {exc.start})"))
            return
        except OSError as exc:
            on_error(InputError(where, f"cannot read ({exc.strerror or exc})"))
            return
        if not line:
            return
        if isinstance(line, bytes):
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                on_error(InputError(where, f"not UTF-8 text (bad byte at column {exc.start + 1}); line skipped"))
                continue
        elif lineno == 1 and line.startswith("\ufeff"):
            line = line[1:]
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            on_error(InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})"))
            continue
        except RecursionError:
            on_error(InputError(where, "invalid JSON (nested too deeply)"))
            continue
        try:
            yield document_from_json(obj, where)
        except InputError as err:
            on_error(err)


def _link_problem(path: Path) -> str | None:
    """Why a symbolic link cannot be followed (a loop or a missing target), or None."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT:
            return f"dangling symbolic link (to {os.readlink(path)!r})"
        return f"cannot follow symbolic link ({exc.strerror or exc})"
    return None


def _expand(path: Path, on_error: OnError) -> list[Path]:
    """The input files of ``path``, listed once at the start (so a file deleted later is reported when read)."""
    if not path.is_dir():
        return [path]
    files: list[Path] = []
    try:
        children = sorted(path.rglob("*"))
    except OSError as exc:
        on_error(InputError(str(path), f"cannot list directory ({exc.strerror or exc})"))
        return files
    for child in children:
        if any(part.startswith(".") for part in child.relative_to(path).parts):
            continue
        if child.suffix.lower() not in _TEXT_SUFFIXES | _JSONL_SUFFIXES | _CSV_SUFFIXES:
            continue
        if child.is_symlink() and (problem := _link_problem(child)) is not None:
            on_error(InputError(str(child), problem))
            continue
        if not child.is_dir():
            files.append(child)
    return files


def iter_documents(
    inputs: Iterable[str | Path],
    on_error: OnError = _raise,
    stdin: IO[bytes] | IO[str] | None = None,
) -> Iterator[Document]:
    """Yield every document of the inputs, in order, streaming.

    ``inputs`` are ``.txt`` files, ``.jsonl`` files, ``.csv`` files (see
    :mod:`graphbuild.csv_input`), directories (read recursively, sorted) or
    ``"-"`` for JSONL on stdin.  Problems go to ``on_error`` and reading
    continues with the next document (a bad line of a JSONL file, or a bad
    record of a CSV file, costs that line or record only).  A document id seen twice keeps its
    first text; the repeat is reported.  Dangling links, link loops and files
    that vanish while the run goes on are reported too.
    """
    seen: dict[str, str] = {}
    for item in inputs:
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin
            docs: Iterable[Document] = iter_jsonl(stream, "<stdin>", on_error)
            yield from _dedupe(docs, seen, on_error)
            continue
        path = Path(item)
        if path.is_symlink() and (problem := _link_problem(path)) is not None:
            on_error(InputError(str(path), problem))
            continue
        if not path.exists():
            on_error(InputError(str(path), "no such file or directory"))
            continue
        for file in _expand(path, on_error):
            suffix = file.suffix.lower()
            if suffix in _JSONL_SUFFIXES or suffix in _CSV_SUFFIXES:
                try:
                    fh = file.open("rb")
                except OSError as exc:
                    on_error(InputError(str(file), f"cannot read file ({exc.strerror or exc})"))
                    continue
                with fh:
                    if suffix in _CSV_SUFFIXES:
                        from graphbuild.csv_input import iter_csv

                        yield from _dedupe(iter_csv(fh, str(file), on_error), seen, on_error)
                    else:
                        yield from _dedupe(iter_jsonl(fh, str(file), on_error), seen, on_error)
            else:
                try:
                    doc = read_text_file(file)
                except InputError as err:
                    on_error(err)
                    continue
                yield from _dedupe([doc], seen, on_error)


def _dedupe(docs: Iterable[Document], seen: dict[str, str], on_error: OnError) -> Iterator[Document]:
    for doc in docs:
        if doc.id in seen:
            on_error(
                InputError(doc.source, f"duplicate document id {doc.id!r} (first read from {seen[doc.id]}); skipped")
            )
            continue
        seen[doc.id] = doc.source
        yield doc
