"""kill -9 of a build while each output file is being written (issue 13).

A real ``SIGKILL`` of a ``graphbuild build`` process at the moment one output
is complete on disk but not yet switched in: the previous outputs stay
byte-identical, no process of the build survives 2 s, and the next build
removes the leftovers and writes what a clean build writes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.proc_helpers import group_members

pytestmark = [
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc"),
    pytest.mark.filterwarnings("ignore:.*is deprecated.*:DeprecationWarning"),
]

_ARTICLE = ("Foreign Secretary David Lammy met US Secretary of State Antony Blinken in London on Tuesday. "
            "Ukrainian President Volodymyr Zelensky visited Kyiv.")
_FORMATS = ["--format", "turtle", "--format", "ntriples", "--format", "nquads", "--format", "trig", "--format", "jsonld"]
_OTHER_BASE = "https://other.example.org/id/"

#: Runs ``graphbuild build`` and kills itself (SIGKILL) when the temporary file of one output is synced.
_KILLER = r"""
import os, signal, sys
name = sys.argv[1]
real = os.fsync
def fsync(fd):
    try:
        path = os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        path = ""
    if path.startswith("." + name + "."):
        os.kill(os.getpid(), signal.SIGKILL)
    real(fd)
os.fsync = fsync
from graphbuild.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _outputs(out: Path) -> dict[str, bytes]:
    """The files a user reads (not the cache, the lock or temporary files)."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".graphbuild-switch"))


def _build_args(src: Path, out: Path, base: str | None) -> list[str]:
    args = ["build", str(src), "-o", str(out), "-q", "--processes", "1", *_FORMATS]
    return [*args, "--base-iri", base] if base else args


def test_kill_9_while_each_output_is_written(tmp_path: Path) -> None:
    from graphbuild.cli import main

    src = tmp_path / "a.txt"
    src.write_text(_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(_build_args(src, out, None)) == 0
    before = _outputs(out)
    assert set(before) == {"graph.json", "graph.ttl", "graph.nt", "graph.nq", "graph.trig", "graph.jsonld", "graph.html"}
    for name in sorted(before):
        # a rebuild under another base IRI (every RDF file changes; the extraction comes from the cache)
        proc = subprocess.Popen([sys.executable, "-c", _KILLER, name, *_build_args(src, out, _OTHER_BASE)], cwd=ROOT,
                                start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _, err = proc.communicate(timeout=300)
            assert proc.returncode == -signal.SIGKILL, f"{name} was never written: {err.decode()[-500:]}"
            deadline = time.monotonic() + 2.0
            while group_members(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert group_members(proc.pid) == [], f"a process of the build killed at {name} survived 2 s"
        finally:
            for pid in group_members(proc.pid):
                os.kill(pid, signal.SIGKILL)
        assert _outputs(out) == before, f"killed while writing {name}: the previous outputs changed"
    assert _leftovers(out), "the kills left no temporary file: the test did not kill a build while writing"
    assert main(_build_args(src, out, _OTHER_BASE)) == 0
    assert _leftovers(out) == []
    clean = tmp_path / "clean"
    assert main(_build_args(src, clean, _OTHER_BASE)) == 0
    after = _outputs(out)
    assert after == _outputs(clean)
    assert after["graph.ttl"] != before["graph.ttl"]
