"""A build into a really full disk: OUTDIR on a small tmpfs (issue 13).

The other full-disk tests raise ``ENOSPC`` by monkeypatching; this one lets
the kernel refuse the bytes.  A first build fits; a second, larger one
cannot: it must end with one error line naming the file, leave the first
build's outputs byte-identical and no temporary file, and once there is room
the same build must write what a clean build writes.

Mounting needs a privilege (root or ``CAP_SYS_ADMIN``), not a program: the
test calls ``mount(2)`` itself and is skipped, saying so, where the call is
refused.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mounts a tmpfs (Linux mount(2))"),
    pytest.mark.filterwarnings("ignore:.*is deprecated.*:DeprecationWarning"),
]

_MS_REMOUNT = 32
_MNT_DETACH = 2
_ARTICLE = ("Foreign Secretary David Lammy met US Secretary of State Antony Blinken in London on Tuesday. "
            "Ukrainian President Volodymyr Zelensky visited Kyiv.")
_MORE = " Prime Minister Keir Starmer visited Paris on Wednesday, where he met President Emmanuel Macron."
_ALL_RDF = ["--format", "turtle", "--format", "ntriples", "--format", "nquads", "--format", "trig", "--format", "jsonld"]


def _mount(target: Path, size: int, flags: int = 0) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.mount(b"tmpfs", os.fsencode(target), b"tmpfs", flags, f"size={size}".encode()) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err), str(target))


@contextmanager
def _tmpfs(target: Path, size: int) -> Iterator[Path]:
    target.mkdir()
    try:
        _mount(target, size)
    except OSError as exc:
        pytest.skip(f"mounting a tmpfs was refused ({exc.strerror}): this test needs the privilege to mount "
                    "(root or CAP_SYS_ADMIN); no program is missing")
    try:
        yield target
    finally:
        ctypes.CDLL(None, use_errno=True).umount2(os.fsencode(target), _MNT_DETACH)


def _outputs(out: Path) -> dict[str, bytes]:
    """The files a user reads (not the cache or the lock)."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".graphbuild-switch"))


def _used(directory: Path) -> int:
    return sum(4096 * -(-p.stat().st_size // 4096) for p in directory.rglob("*") if p.is_file())


def test_build_into_a_full_disk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from graphbuild.cli import main

    src = tmp_path / "a.txt"
    src.write_text(_ARTICLE, encoding="utf-8")
    first = ["build", str(src), "-q", "--processes", "1"]
    second = [*first, *_ALL_RDF]
    assert main([*first, "-o", str(tmp_path / "probe")]) == 0  # how much room the first build takes
    size = _used(tmp_path / "probe") * 5 // 4 + 64 * 1024
    with _tmpfs(tmp_path / "disk", size) as disk:
        out = disk / "out"
        assert main([*first, "-o", str(out)]) == 0
        before = _outputs(out)
        assert set(before) == {"graph.json", "graph.ttl", "graph.html"}
        capsys.readouterr()

        src.write_text(_ARTICLE + _MORE, encoding="utf-8")
        assert main([*second, "-o", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err, err
        assert err.startswith(f"graphbuild: error: {out}{os.sep}graph.") and err.endswith(": No space left on device\n"), err
        assert _outputs(out) == before
        assert _leftovers(out) == []

        _mount(disk, size * 4, _MS_REMOUNT)  # room again
        assert main([*second, "-o", str(out)]) == 0
        assert _leftovers(out) == []
        assert main([*second, "-o", str(tmp_path / "clean")]) == 0
        after = _outputs(out)
        assert after == _outputs(tmp_path / "clean")
        assert set(after) == {"graph.json", "graph.ttl", "graph.nt", "graph.nq", "graph.trig", "graph.jsonld",
                              "graph.html"}
        assert b"Keir Starmer" in after["graph.json"]
