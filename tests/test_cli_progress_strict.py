"""Progress bar with a total and an ETA; --strict turns a failed document into exit code 1."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graphbuild.cli import EXIT_ERROR, EXIT_FAILED, EXIT_OK, main
from graphbuild.progress import count_documents


def test_count_documents(tmp_path: Path) -> None:
    """Files, directories (recursively, hidden ones left out) and JSONL lines count; stdin cannot be counted."""
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("A.")
    (d / "sub" / "b.txt").write_text("B.")
    (d / ".hidden").mkdir()
    (d / ".hidden" / "c.txt").write_text("C.")
    (d / "notes.csv").write_text("x")
    jl = tmp_path / "docs.jsonl"
    jl.write_text('{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}\n  \n{"id": "3", "text": "z"}')
    assert count_documents([d]) == 2
    assert count_documents([jl]) == 3
    assert count_documents([d, jl, tmp_path / "missing.txt"]) == 5
    assert count_documents([jl, "-"]) is None


def test_progress_bar_shows_total_and_eta(capsys: pytest.CaptureFixture[str]) -> None:
    """With a known total the bar reads n/total and the time left."""
    import time

    from graphbuild.pipeline import _progress

    tick = _progress(True, 4)
    for _ in range(4):
        tick(1)
        time.sleep(0.15)  # past tqdm's refresh interval
    err = capsys.readouterr().err
    assert re.search(r"\b[234]/4\b", err) and re.search(r"<\d\d:\d\d", err), err
    tick = _progress(True, None)  # JSONL on stdin: a count without total
    tick(1)
    tick(1)
    assert "/4" not in capsys.readouterr().err


@pytest.mark.model
def test_build_progress_counts_against_the_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`graphbuild build` on three files shows x/3 with an ETA."""
    for i, text in enumerate(["Lammy met Blinken in Kyiv.", "Putin spoke in Moscow.", "Peskov declined to comment."]):
        (tmp_path / f"d{i}.txt").write_text(text)
    rc = main(["build", str(tmp_path), "-o", str(tmp_path / "out"), "--no-cache", "--no-html", "--processes", "1"])
    err = capsys.readouterr().err
    assert rc == EXIT_OK
    assert re.search(r"\b[123]/3 \[\d\d:\d\d<", err), err  # count/total [elapsed<time left


@pytest.mark.model
def test_strict_fails_on_a_bad_document_but_writes_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --strict a bad document still exits 0; with it 1; the good document is built both times."""
    good = tmp_path / "good.txt"
    good.write_text("Foreign Secretary David Lammy met Antony Blinken in London.")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n')
    common = ["build", str(good), str(bad), "-q", "--no-cache", "--no-html", "--processes", "1"]
    assert main([*common, "-o", str(tmp_path / "lax")]) == EXIT_OK
    assert main([*common, "-o", str(tmp_path / "strict"), "--strict"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert f"{bad}:1: missing 'text'" in err
    for out in ("lax", "strict"):
        data = json.loads((tmp_path / out / "graph.json").read_text())
        assert any(n.get("label") == "David Lammy" for n in data["nodes"])
    assert main(["build", str(good), "-q", "--no-cache", "--no-html", "--strict", "-o", str(tmp_path / "ok")]) == EXIT_OK


def test_error_exit_code_is_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A one-line error (here: no build to export) exits with 2, as the README's table says."""
    assert main(["export", str(tmp_path), "--format", "graphml"]) == EXIT_ERROR
    assert "graph.json: no such file" in capsys.readouterr().err
