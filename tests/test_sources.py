"""Reading inputs: every kind of bad input gives a one-line error naming the file, and others survive."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from graphbuild.errors import InputError
from graphbuild.sources import iter_documents, normalise_text


def _collect(inputs: list[str | Path], stdin: str | None = None) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    docs = list(
        iter_documents(inputs, lambda e: errors.append(str(e)), stdin=io.StringIO(stdin) if stdin is not None else None)
    )
    return [d.id for d in docs], errors


def test_txt_file_id_is_stem(tmp_path: Path) -> None:
    """A .txt file becomes one document named after the file."""
    (tmp_path / "a.txt").write_text("Blinken visited Kyiv.", encoding="utf-8")
    ids, errors = _collect([tmp_path / "a.txt"])
    assert ids == ["a"] and errors == []


def test_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    """Directories are read recursively and in sorted order."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Text z.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text a.", encoding="utf-8")
    ids, _ = _collect([tmp_path])
    assert ids == ["a", "z"]


def test_jsonl_fields(tmp_path: Path) -> None:
    """JSONL lines carry id, text, title, date and url."""
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "x1", "text": "Hi there.", "title": "T", "date": "2024-09-11", "url": "https://e.org/1"}) + "\n")
    docs = list(iter_documents([p]))
    assert (docs[0].id, docs[0].title, docs[0].date, docs[0].url) == ("x1", "T", "2024-09-11", "https://e.org/1")


def test_stdin_dash() -> None:
    """'-' reads JSONL from stdin."""
    ids, errors = _collect(["-"], stdin='{"id": "s", "text": "From stdin."}\n')
    assert ids == ["s"] and errors == []


@pytest.mark.parametrize(
    ("setup", "needle"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: (d / "latin1.txt").write_bytes(b"caf\xe9 au lait") and d / "latin1.txt", "not UTF-8"),
        (lambda d: (d / "empty.txt").write_text("  \n") and d / "empty.txt", "empty"),
        (lambda d: (d / "list.jsonl").write_text("[1, 2]\n") and d / "list.jsonl", "expected a JSON object"),
        (lambda d: (d / "bad.jsonl").write_text("{not json\n") and d / "bad.jsonl", "invalid JSON"),
        (lambda d: (d / "noid.jsonl").write_text('{"text": "x"}\n') and d / "noid.jsonl", "missing or empty 'id'"),
        (lambda d: (d / "date.jsonl").write_text('{"id": "d", "text": "x", "date": "yesterday"}\n') and d / "date.jsonl", "not an ISO 8601 date"),
    ],
)
def test_bad_input_reports_file_and_problem(tmp_path: Path, setup, needle: str) -> None:  # type: ignore[no-untyped-def]
    """Each bad input gives one line naming the file and the problem; the good document still comes through."""
    bad = setup(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text("Lammy met Blinken in London.", encoding="utf-8")
    ids, errors = _collect([bad, good])
    assert ids == ["good"]
    assert len(errors) == 1 and "\n" not in errors[0]
    assert str(bad) in errors[0] and needle in errors[0]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that cannot be opened is reported, not raised (permission denied simulated, as root ignores modes)."""
    p = tmp_path / "locked.txt"
    p.write_text("secret")
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self == p:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    ids, errors = _collect([p])
    assert ids == [] and len(errors) == 1
    assert str(p) in errors[0] and "cannot read file (Permission denied)" in errors[0]


def test_jsonl_error_names_line(tmp_path: Path) -> None:
    """A bad JSONL line is reported with its line number; the other lines are read."""
    p = tmp_path / "mixed.jsonl"
    p.write_text('{"id": "a", "text": "A."}\n"just a string"\n{"id": "b", "text": "B."}\n')
    ids, errors = _collect([p])
    assert ids == ["a", "b"] and errors and f"{p}:2" in errors[0]


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    """A repeated document id keeps the first and reports the second."""
    p = tmp_path / "dup.jsonl"
    p.write_text('{"id": "a", "text": "A."}\n{"id": "a", "text": "B."}\n')
    ids, errors = _collect([p])
    assert ids == ["a"] and "duplicate document id" in errors[0]


def test_default_raises() -> None:
    """Without a callback, the first problem raises InputError."""
    with pytest.raises(InputError):
        list(iter_documents(["/nonexistent/path.txt"]))


def test_normalise_text() -> None:
    """CRLF becomes LF, a BOM is dropped and text is NFC."""
    assert normalise_text("\ufeffa\r\nb\u0065\u0301") == "a\nb\u00e9"
