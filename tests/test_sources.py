"""Reading inputs: every kind of bad input gives a one-line error naming the file, and others survive."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.errors import InputError
from graphbuild.longdoc import split_text
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


# --- hardening: one bad line, surrogates, links, vanishing files ---------------------------------

_GOOD_A = json.dumps({"id": "a", "text": "Blinken visited Kyiv."}).encode()
_GOOD_C = json.dumps({"id": "c", "text": "Lammy met Blinken."}).encode()


def test_bad_byte_costs_only_its_line(tmp_path: Path) -> None:
    """A byte that is not UTF-8 in line 2 loses line 2 only, and the error names line 2."""
    p = tmp_path / "feed.jsonl"
    p.write_bytes(_GOOD_A + b"\n" + b'{"id": "b", "text": "caf\xe9"}\n' + _GOOD_C + b"\n")
    ids, errors = _collect([p])
    assert ids == ["a", "c"]
    assert len(errors) == 1 and errors[0].startswith(f"{p}:2: not UTF-8")


def test_bad_byte_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same bad line on stdin (a binary buffer, as sys.stdin has) costs one line, without a crash."""
    stdin = io.TextIOWrapper(io.BytesIO(_GOOD_A + b"\n\xff\xfe\n" + _GOOD_C + b"\n"), encoding="utf-8")
    errors: list[str] = []
    docs = list(iter_documents(["-"], lambda e: errors.append(str(e)), stdin=stdin))
    assert [d.id for d in docs] == ["a", "c"]
    assert len(errors) == 1 and errors[0].startswith("<stdin>:2: not UTF-8")


def test_lone_surrogate_escapes_are_repaired(tmp_path: Path) -> None:
    """A truncated emoji ("\\ud83d") in any field becomes U+FFFD; the document is kept and writable as UTF-8."""
    p = tmp_path / "scraped.jsonl"
    p.write_text(
        '{"id": "s\\ud83d", "text": "Blinken \\ud83d visited \\ude00 Kyiv \\ud83d\\ude00.", '
        '"title": "T \\udfff", "url": "https://e.org/\\ud800"}\n'
    )
    docs = list(iter_documents([p]))
    assert len(docs) == 1
    d = docs[0]
    assert d.text == "Blinken \ufffd visited \ufffd Kyiv \U0001f600."
    assert d.id == "s\ufffd" and d.title == "T \ufffd" and d.url == "https://e.org/\ufffd"
    for value in (d.id, d.text, d.title, d.url):
        assert value is not None
        value.encode("utf-8")


def test_dangling_link_and_link_loop_are_reported(tmp_path: Path) -> None:
    """A dangling link and a link loop in an input directory are errors naming them, not silently skipped."""
    (tmp_path / "good.txt").write_text("Lammy met Blinken.")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    ids, errors = _collect([tmp_path])
    assert ids == ["good"]
    assert len(errors) == 2
    assert any(f"{tmp_path / 'gone.txt'}: dangling symbolic link" in e for e in errors)
    assert any(f"{tmp_path / 'loop.txt'}: symbolic link loop" in e for e in errors)
    ids, errors = _collect([tmp_path / "gone.txt", tmp_path / "loop.txt"])  # named on the command line
    assert ids == [] and "dangling symbolic link" in errors[0] and "symbolic link loop" in errors[1]


def test_file_deleted_during_the_run_is_an_error(tmp_path: Path) -> None:
    """A file that vanishes after the directory was listed is reported when its turn comes."""
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Text {name}.")
    errors: list[str] = []
    ids = []
    for doc in iter_documents([tmp_path], lambda e: errors.append(str(e))):
        ids.append(doc.id)
        if doc.id == "a":
            (tmp_path / "b.txt").unlink()
    assert ids == ["a", "c"]
    assert errors == [f"{tmp_path / 'b.txt'}: cannot read file (No such file or directory)"]


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
_field_values = _json_values | st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF))


@settings(max_examples=150, deadline=None)
@given(doc_id=_field_values, text=_field_values, title=_field_values, date=_field_values, url=_field_values)
def test_any_json_value_in_any_field(doc_id: object, text: object, title: object, date: object, url: object) -> None:
    """Random JSON values and unicode (lone surrogates included) in every field: each line is a document or one
    error line naming it, the next good line always survives, and every string kept is valid UTF-8."""
    line = json.dumps({"id": doc_id, "text": text, "title": title, "date": date, "url": url})
    good = json.dumps({"id": "good line 2 \u2603", "text": "Lammy met Blinken."})
    data = (line + "\n" + good + "\n").encode("utf-8")
    errors: list[str] = []
    docs = list(iter_documents(["-"], lambda e: errors.append(str(e)), stdin=io.BytesIO(data)))
    assert docs[-1].id == "good line 2 \u2603"
    assert len(docs) + len(errors) == 2
    assert all(e.startswith("<stdin>:1: ") and "\n" not in e for e in errors)
    for d in docs:
        for value in (d.id, d.text, d.title, d.url, d.date):
            if value is not None:
                value.encode("utf-8")


# --- long documents --------------------------------------------------------------------------------


@pytest.mark.parametrize("max_chars", [7, 40, 1000])
def test_split_text_pieces_join_exactly(max_chars: int) -> None:
    """Pieces are never longer than the limit, join to the text, and prefer paragraph and sentence ends."""
    text = ("Lammy met Blinken in London. " * 5 + "\n\n") * 6 + "x" * 90 + " end."
    pieces = split_text(text, max_chars)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= max_chars for p in pieces)
    if max_chars == 1000:
        assert all(p.endswith("\n\n") for p in pieces[:-1])
    if max_chars == 40:
        assert all(p.endswith((". ", "\n\n")) for p in pieces[:4])
