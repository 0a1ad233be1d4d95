"""Every kind of bad document in one `graphbuild build`, as a user meets them (issue 13).

One run over a directory, a JSONL feed, a CSV table and files named on the
command line.  Among good documents sit each cause of a lost document: a
missing, unreadable, non-UTF-8 or empty file; a JSONL line with a bad byte,
invalid JSON, not an object, without an id or with a bad date, or repeating
an id; a CSV record with a stray quote, an unterminated quote or the wrong
number of cells; a dangling link, a link loop, a file deleted while the run
goes on; a document spaCy fails on.  The good documents must all be in
graph.json, each bad one named on exactly one stderr line, and no traceback
may reach the user.  (A document that kills its extraction process needs a
pool of processes, each loading the model again after a death: that cause
is tested on the pool itself, in tests/test_hardening.py.)
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.proc_helpers import PARSE_MARKER, fail_on_marker

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="symbolic links"),
    pytest.mark.filterwarnings("ignore:.*is deprecated.*:DeprecationWarning"),
]

_TEXT = "Foreign Secretary David Lammy met {} in London on Tuesday."
_NAMES = ["Antony Blinken", "Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni", "Pedro Sanchez", "Mark Rutte"]


def _line(doc_id: str, text: str, **extra: str) -> bytes:
    return json.dumps({"id": doc_id, "text": text, **extra}).encode() + b"\n"


@pytest.fixture()
def inputs(tmp_path: Path) -> tuple[list[str], set[str], dict[str, str]]:
    """The command line's inputs, the ids of the good documents, and for each bad one the text naming it."""
    good: set[str] = set()
    bad: dict[str, str] = {}
    d = tmp_path / "in"
    d.mkdir()
    feed = bytearray()
    for i, name in enumerate(_NAMES):
        feed += _line(f"feed-{i}", _TEXT.format(name))
        good.add(f"feed-{i}")
        if i == 1:
            feed += b'{"id": "latin", "text": "caf\xe9 au lait"}\n'
            bad["bad byte in a JSONL line"] = f"{d / 'feed.jsonl'}:3: not UTF-8"
        if i == 2:
            feed += b'{"id": "broken", "text": \n'
            bad["invalid JSON"] = f"{d / 'feed.jsonl'}:5: invalid JSON"
            feed += b'["a list"]\n'
            bad["not an object"] = f"{d / 'feed.jsonl'}:6: expected a JSON object"
            feed += b'{"text": "No id here."}\n'
            bad["no id"] = f"{d / 'feed.jsonl'}:7: missing or empty 'id'"
            feed += _line("dated", "Lammy spoke.", date="last Tuesday")
            bad["bad date"] = f"{d / 'feed.jsonl'}:8: "
            feed += _line("feed-0", "A second document with the first one's id.")
            bad["repeated id"] = f"{d / 'feed.jsonl'}:9: duplicate document id"
        if i == 4:
            feed += _line("spacy-fails", f"{PARSE_MARKER} Rishi Sunak visited Kyiv.")
            bad["spaCy fails"] = "the language model could not parse document 'spacy-fails'"
    feed += _line("surrogate", "Blinken \ud83d visited Kyiv.")  # json.dumps writes the escape
    good.add("surrogate")  # a lone surrogate (a truncated emoji) is repaired, not lost
    (d / "feed.jsonl").write_bytes(bytes(feed))

    (d / "table.csv").write_bytes(b'id,text\ncsv-1,"Lammy met Blinken, in London."\ncsv-2,"stray"quote\n'
                                  b"csv-3,too,many,cells\ncsv-4,Macron visited Berlin.\ncsv-5,\"never closed\n")
    good |= {"csv-1", "csv-4"}
    bad["stray quote"] = f"{d / 'table.csv'}:3: bad CSV"
    bad["wrong cell count"] = f"{d / 'table.csv'}:4: 4 cells where the header has 2"
    bad["unterminated quote"] = f"{d / 'table.csv'}:6: unterminated quoted cell"

    (d / "latin1.txt").write_bytes(b"Caf\xe9 Lammy.")
    bad["not UTF-8"] = f"{d / 'latin1.txt'}: not UTF-8"
    (d / "blank.txt").write_text(" \n\n", encoding="utf-8")
    bad["empty"] = f"{d / 'blank.txt'}: empty"
    (d / "gone.txt").symlink_to(d / "nowhere.txt")
    bad["dangling link"] = f"{d / 'gone.txt'}: dangling symbolic link"
    (d / "loop.txt").symlink_to(d / "loop.txt")
    bad["link loop"] = f"{d / 'loop.txt'}: symbolic link loop"
    (d / "locked.txt").write_text("Lammy met Blinken.", encoding="utf-8")
    bad["unreadable"] = f"{d / 'locked.txt'}: cannot read file (Permission denied)"
    (d / "vanishes.txt").write_text("Lammy met Blinken.", encoding="utf-8")
    bad["deleted during the run"] = f"{d / 'vanishes.txt'}: cannot read file (No such file or directory)"
    (d / "zz-last.txt").write_text(_TEXT.format("Kaja Kallas"), encoding="utf-8")
    good.add("zz-last")
    missing = tmp_path / "missing.txt"
    bad["missing"] = f"{missing}: no such file"
    return [str(d), str(missing)], good, bad


@pytest.fixture()
def hostile_world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """What the user's machine does: root is refused locked.txt, another program deletes vanishes.txt once the
    run has started, and spaCy fails on a document (a component raising on PARSE_MARKER stands in for it)."""
    from graphbuild import sources
    from graphbuild.nlp import load_pipeline

    locked = tmp_path / "in" / "locked.txt"
    if os.geteuid() == 0:  # root reads any file: refuse this one as the kernel would refuse a user
        real_read = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self == locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real_read(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    else:
        locked.chmod(0)

    real_iter = sources.iter_documents

    def iter_documents(*args: Any, **kwargs: Any) -> Iterator[Any]:
        for n, doc in enumerate(real_iter(*args, **kwargs)):
            if n == 0:
                (tmp_path / "in" / "vanishes.txt").unlink()
            yield doc

    monkeypatch.setattr(sources, "iter_documents", iter_documents)
    nlp = load_pipeline(None)
    nlp.add_pipe(fail_on_marker(), first=True)
    try:
        yield
    finally:
        nlp.remove_pipe("fail_on_marker")


@pytest.mark.usefixtures("hostile_world")
def test_every_bad_document_is_one_line_and_the_good_ones_are_built(
    inputs: tuple[list[str], set[str], dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from graphbuild.cli import main

    args, good, bad = inputs
    out = tmp_path / "out"
    rc = main(["build", *args, "-o", str(out), "--processes", "1", "--no-cache", "--no-html"])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "BrokenProcessPool" not in err, err
    assert rc == 0, err
    lines = err.splitlines()
    for cause, needle in bad.items():
        named = [line for line in lines if needle in line]
        assert len(named) == 1, f"{cause}: {needle!r} on {len(named)} lines of\n{err}"
    documents = json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["documents"]
    assert set(documents) == good
    assert f", {len(bad)} errors," in err
