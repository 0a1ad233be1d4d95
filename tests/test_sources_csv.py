"""CSV input: a header row, one article per record; a bad record is one error line naming file and line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.model import Document
from graphbuild.progress import count_documents
from graphbuild.sources import iter_documents, normalise_text


def _read(*inputs: Path) -> tuple[list[Document], list[str]]:
    errors: list[str] = []
    docs = list(iter_documents(list(inputs), lambda e: errors.append(str(e))))
    return docs, errors


def _write(path: Path, rows: list[list[str]], newline: str = "\r\n") -> Path:
    buf = io.StringIO()
    csv.writer(buf, lineterminator=newline).writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8", "surrogatepass"))
    return path


def test_every_column_is_read_in_any_order_and_case(tmp_path: Path) -> None:
    """Columns in any order and case, unknown ones ignored; a quoted text keeps its commas, quotes and lines."""
    text = 'Lammy met Blinken in Kyiv, he said.\r\n\r\n"We stand together," Blinken said.'
    p = _write(tmp_path / "news.csv", [
        ["Text", " DATE ", "category", "url", "Title", "id"],
        [text, "2024-09-11T08:00:00Z", "politics", "https://e.org/1", "Kyiv trip", "k1"],
    ])
    docs, errors = _read(p)
    assert errors == []
    [doc] = docs
    assert (doc.id, doc.title, doc.date, doc.url) == ("k1", "Kyiv trip", "2024-09-11", "https://e.org/1")
    assert doc.text == 'Lammy met Blinken in Kyiv, he said.\n\n"We stand together," Blinken said.'
    assert doc.source == f"{p}:2"


def test_optional_columns_may_be_absent_or_empty(tmp_path: Path) -> None:
    """Only `text` is required: a record without an id is named after the file and its position, empty cells
    are absent fields; a UTF-8 byte order mark before the header is skipped."""
    p = tmp_path / "wire.csv"
    p.write_bytes("\ufefftext,id,date\nFirst.,,\nSecond.,b2,\n\nThird.,,2005-01-09\n".encode())
    docs, errors = _read(p)
    assert errors == []
    assert [(d.id, d.title, d.date, d.url) for d in docs] == [
        ("wire-1", None, None, None), ("b2", None, None, None), ("wire-3", None, "2005-01-09", None)]


BAD_RECORDS = [
    (["x", "2004-13-40", "Bad date."], "'date' '2004-13-40' is not a valid calendar date"),
    (["x", "20/12/2004", "Other date."], "'date' '20/12/2004' is not an ISO 8601 date (YYYY-MM-DD)"),
    (["x", "", "   "], "document 'x' is empty"),
    (["x", ""], "2 cells where the header has 3; record skipped"),
    (["x", "", "t", "extra"], "4 cells where the header has 3; record skipped"),
]


@pytest.mark.parametrize(("record", "problem"), BAD_RECORDS)
def test_a_bad_record_costs_that_record_only(tmp_path: Path, record: list[str], problem: str) -> None:
    """Each bad record is one error naming the file and the line it starts on; the records around it build."""
    p = _write(tmp_path / "c.csv", [["id", "date", "text"], ["a", "", "Multi\nline."], record, ["b", "", "Fine."]])
    docs, errors = _read(p)
    assert [d.id for d in docs] == ["a", "b"]
    assert errors == [f"{p}:4: {problem}"]


def test_quoting_and_encoding_errors_name_their_line(tmp_path: Path) -> None:
    """A stray quote, a bad UTF-8 byte and an unterminated quote each cost their record, named by its line."""
    p = tmp_path / "raw.csv"
    p.write_bytes(b'id,text\n1,"Good, quoted."\n2,"stray"quote\n3,caf\xe9 au lait\n4,Fine.\n5,"never closed\n6,lost\n')
    docs, errors = _read(p)
    assert [(d.id, d.text) for d in docs] == [("1", "Good, quoted."), ("4", "Fine.")]
    assert errors == [
        f"{p}:3: bad CSV (',' expected after '\"'); record skipped",
        f"{p}:4: not UTF-8 text (bad byte in column 'text' at character 4); record skipped",
        f"{p}:6: unterminated quoted cell; record skipped",
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"id,title\n1,No text column\n", "the header row has no 'text' column (columns: 'id', 'title')"),
        (b"text,id,Text\nA.,1,B.\n", "column 'text' named twice in the header row"),
        (b"", "empty CSV file (no header row)"),
    ],
)
def test_a_bad_header_is_one_error_for_the_file(tmp_path: Path, content: bytes, problem: str) -> None:
    """Without a usable header no record can be read: one error for the file, and the next input still builds."""
    p = tmp_path / "h.csv"
    p.write_bytes(content)
    (tmp_path / "ok.txt").write_text("Blinken visited Kyiv.", encoding="utf-8")
    docs, errors = _read(p, tmp_path / "ok.txt")
    assert [d.id for d in docs] == ["ok"]
    assert len(errors) == 1 and errors[0].startswith(f"{p}:1: ") and problem in errors[0]


def test_csv_in_a_directory_duplicates_and_progress_total(tmp_path: Path) -> None:
    """A directory's .csv files are read with its other inputs; a repeated id is reported; the progress total
    counts records (not physical lines)."""
    _write(tmp_path / "a.csv", [["id", "text"], ["x", "One\nTwo\nThree."], ["y", "Y."]])
    (tmp_path / "b.txt").write_text("Text b.", encoding="utf-8")
    _write(tmp_path / "c.csv", [["text", "id"], ["Again.", "x"]])
    docs, errors = _read(tmp_path)
    assert [d.id for d in docs] == ["x", "y", "b"]
    assert len(errors) == 1 and "duplicate document id 'x'" in errors[0] and errors[0].startswith(f"{tmp_path / 'c.csv'}:2: ")
    assert count_documents([tmp_path]) == 4


_cells = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=30)


@settings(max_examples=150, deadline=None)
@given(doc_id=_cells, title=_cells, date=_cells, url=_cells, text=_cells)
def test_any_cell_values(doc_id: str, title: str, date: str, url: str, text: str) -> None:
    """Any unicode (lone surrogates, written as the bad bytes they become, included) in any cell, written by a
    CSV writer: the record is a document holding exactly those values, or one error naming its line; the next
    record always survives."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        p = _write(Path(tmp) / "f.csv", [["id", "title", "date", "url", "text"], [doc_id, title, date, url, text],
                                         ["good", "", "", "", "Lammy met Blinken."]])
        docs, errors = _read(p)
    assert docs[-1].id == "good"
    assert len(docs) + len(errors) == 2
    assert all(e.startswith(f"{p}:2: ") and "\n" not in e for e in errors)
    if len(docs) == 2:
        doc = docs[0]
        assert doc.text == normalise_text(text)
        assert doc.id == (doc_id.strip() or "f-1")
        assert doc.title == (title if title.strip() else None)
        assert doc.url == (url if url.strip() else None)
        assert doc.date == (date.strip()[:10] if date.strip() else None)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=200))
def test_any_bytes_never_crash(data: bytes) -> None:
    """Arbitrary bytes after a valid header: every problem is one line naming the file, never an exception."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "g.csv"
        p.write_bytes(b"id,text\n" + data)
        docs, errors = _read(p)
    assert all(e.startswith(f"{p}:") and "\n" not in e for e in errors)
    for d in docs:
        d.text.encode("utf-8")
        d.id.encode("utf-8")


@pytest.mark.model
@pytest.mark.slow
def test_build_reads_a_csv_date_column(tmp_path: Path) -> None:
    """`graphbuild build corpus.csv`: the date column is each article's date in graph.json and anchors its
    relative dates; a bad record is one error line and the others are built."""
    p = _write(tmp_path / "corpus.csv", [
        ["id", "date", "text"],
        ["dated", "2024-10-07", "Foreign Secretary David Lammy will visit Warsaw next month."],
        ["bad", "yesterday", "Lammy met Blinken."],
        ["undated", "", "Antony Blinken flew to Kyiv."],
    ])
    done = subprocess.run([sys.executable, "-m", "graphbuild", "build", str(p), "-o", str(tmp_path / "out"), "-q",
                           "--no-html", "--no-cache", "--processes", "1"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert f"graphbuild: error: {p}:3: 'date' 'yesterday' is not an ISO 8601 date (YYYY-MM-DD)" in lines
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    docs = graph["graph"]["documents"]
    assert sorted(docs) == ["dated", "undated"]
    assert docs["dated"]["date"] == "2024-10-07" and docs["undated"]["date"] is None
    times = {n["time"] for n in graph["nodes"] if n.get("type") == "Event" and n["doc"] == "dated"}
    assert "2024-11" in times, times
