"""Every shell command in the README works when pasted into a fresh shell after the quick start.

The README's ``sh`` blocks are run line by line with bash, in a scratch copy of
the clone's inputs (``seeds/``, ``examples/``, the ``.venv``) where the quick
start's ``make run`` has been done.  Skipped, with the reason: the quick-start
and development ``make`` commands themselves, package installs, and commands
that need a server this test cannot start (Fuseki).  The Oxigraph block runs
against a real ``oxigraph serve`` (on a free port instead of 7878, which
another program may hold).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest_rdf import free_port, stop_process, wait_for_endpoint

from .conftest import ROOT

pytestmark = [pytest.mark.model, pytest.mark.slow]

#: (pattern, reason) of commands not run.
SKIP = (
    (re.compile(r"^make\b|^GRAPHBUILD_STRICT=1 make\b"), "the quick start / development make targets"),
    (re.compile(r"^pip install\b"), "a package install (the dev extra already has it)"),
    (re.compile(r"^(tdb2\.|fuseki-server)"), "needs Apache Jena Fuseki"),
    (re.compile(r"localhost:3030"), "needs a running Fuseki server"),
    (re.compile(r"^neo4j-admin\b"), "needs Neo4j"),
)


def readme_commands() -> list[str]:
    """The command lines of the README's ``sh`` blocks, in order (comment lines dropped)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines: list[str] = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
        lines += [ln for ln in block.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return lines


def _skip_reason(cmd: str) -> str | None:
    for pattern, reason in SKIP:
        if pattern.search(cmd):
            return reason
    return None


def test_readme_commands_run_as_written(tmp_path: Path) -> None:
    """Each README command exits 0 in a fresh shell of a clone after `make run`; the skipped ones are few."""
    work = tmp_path / "clone"
    work.mkdir()
    for name in ("seeds", "examples"):
        shutil.copytree(ROOT / name, work / name)
    (work / ".venv").symlink_to(ROOT / ".venv")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = "/usr/local/bin:/usr/bin:/bin"  # a fresh shell: nothing of this test's virtualenv on it
    quick = subprocess.run([".venv/bin/graphbuild", "build", "seeds", "-o", "outputs", "-q"], cwd=work, env=env,
                           capture_output=True, text=True, timeout=600)
    assert quick.returncode == 0, quick.stderr  # what `make run` does after installing

    port = free_port()
    serve_port = free_port()
    server: subprocess.Popen[bytes] | None = None
    gb_server: subprocess.Popen[bytes] | None = None
    ran: list[str] = []
    skipped: list[tuple[str, str]] = []
    try:
        for cmd in readme_commands():
            reason = _skip_reason(cmd)
            if reason is not None:
                skipped.append((cmd, reason))
                continue
            line = cmd.replace("7878", str(port)).replace("7879", str(serve_port))
            if line.startswith("graphbuild serve") and line.rstrip().endswith("&"):
                # started here (on a free port) and stopped at the end, not left running in the background
                start = line.rstrip().rstrip("&").strip() + f" --port {serve_port}"
                gb_server = subprocess.Popen(["bash", "-c", f". .venv/bin/activate && exec {start}"], cwd=work,
                                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                wait_for_endpoint(f"http://127.0.0.1:{serve_port}/query", gb_server, seconds=20)
                ran.append(cmd)
                continue
            if line.startswith("oxigraph serve"):
                if not (ROOT / ".venv" / "bin" / "oxigraph").exists():
                    pytest.skip("oxigraph (the dev extra) is not installed")
                server = subprocess.Popen(["bash", "-c", f". .venv/bin/activate && exec {line}"], cwd=work, env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                wait_for_endpoint(f"http://127.0.0.1:{port}/query", server, seconds=20)
                ran.append(cmd)
                continue
            proc = subprocess.run(["bash", "-c", f". .venv/bin/activate && {line}"], cwd=work, env=env,
                                  capture_output=True, text=True, timeout=600)
            assert proc.returncode == 0, f"README command failed ({proc.returncode}): {cmd}\n{proc.stderr[-2000:]}"
            if "curl" in cmd and "/query" in cmd:
                assert "Antony Blinken" in proc.stdout, f"no answer from the endpoint: {cmd}\n{proc.stdout[-500:]}"
            if cmd.startswith("graphbuild query") and "--list" not in cmd:
                assert "(0 rows)" not in proc.stdout and proc.stdout.strip(), f"no answer: {cmd}"
            ran.append(cmd)
    finally:
        for running in (server, gb_server):
            if running is not None:
                stop_process(running)
    assert len(ran) >= 12, ran
    # only Fuseki's graphbuild commands are skipped; every other graphbuild command ran
    assert all("localhost:3030" in c for c, _ in skipped if c.startswith("graphbuild")), skipped
    assert (work / "outputs" / "graph.graphml").is_file() and (work / "exported" / "graph-csv" / "nodes.csv").is_file()


def test_readme_query_example_file_is_real() -> None:
    """The `query --file` example names a query shipped in examples/."""
    files = re.findall(r"query --file (\S+)", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert files and all((ROOT / f).is_file() for f in files)
