"""The command line: instant help, exit codes, one-line errors, the build summary."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuild.cli import main

from .conftest import ROOT


def test_help_is_fast() -> None:
    """`graphbuild --help` costs under a second of CPU (no heavy imports); CPU time, not wall time, so a
    loaded machine does not make the test flaky."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([sys.executable, "-m", "graphbuild", "--help"], capture_output=True, text=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert proc.returncode == 0 and "build" in proc.stdout
    assert cpu < 1.0, f"--help took {cpu:.2f} s of CPU"


def test_help_imports_nothing_heavy() -> None:
    """Importing the CLI loads neither spaCy nor rdflib nor pyvis."""
    code = "import sys, graphbuild.cli; print(any(m in sys.modules for m in ('spacy','rdflib','pyvis','pyoxigraph')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    assert out == "False"


@pytest.mark.model
def test_build_bad_and_good_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad document is reported on one line while the good one is built; exit code 0."""
    good = tmp_path / "good.txt"
    good.write_text("Foreign Secretary David Lammy met US Secretary of State Antony Blinken in London.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe broken")
    rc = main(["build", str(good), str(bad), str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"), "-q", "--no-cache"])
    err = capsys.readouterr().err
    assert rc == 0
    assert f"{bad}: not UTF-8" in err and "nope.txt: no such file" in err
    assert "1 documents" in err
    data = json.loads((tmp_path / "out" / "graph.json").read_text())
    assert any(n.get("label") == "David Lammy" for n in data["nodes"])


@pytest.mark.model
def test_build_nothing_exits_nonzero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """When no document could be built the exit code is non-zero and no outputs are written."""
    rc = main(["build", str(tmp_path / "missing"), "-o", str(tmp_path / "out"), "-q"])
    assert rc != 0
    assert not (tmp_path / "out" / "graph.ttl").exists()
    assert "no such file" in capsys.readouterr().err


def test_unknown_format_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown export format names the valid ones."""
    (tmp_path / "graph.json").write_text('{"directed": true, "multigraph": true, "graph": {}, "nodes": [], "edges": []}')
    rc = main(["export", str(tmp_path), "--format", "rtf"])
    err = capsys.readouterr().err
    assert rc == 2 and "unknown format 'rtf'" in err and "turtle" in err


def test_cli_batch_size_default_is_the_pipeline_default() -> None:
    """`graphbuild build` without --batch-size uses the library's default batch (the CLI does not import it)."""
    from graphbuild.cli import make_parser
    from graphbuild.pipeline import DEFAULT_BATCH_SIZE, BuildOptions

    args = make_parser().parse_args(["build", "seeds"])
    assert args.batch_size == DEFAULT_BATCH_SIZE == BuildOptions().batch_size
