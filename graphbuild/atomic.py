"""Atomic file writes, output sets that change together, and the lock of an output directory.

:func:`atomic_open` writes to a temporary file beside the target, then
renames it over the target.  Inside :func:`output_set` the renames of every
file written into that directory wait until the set is complete, and then
happen together, after a journal naming them is on disk: a kill or a full
disk before that point leaves the previous files untouched (the next run
removes the temporary files), and a kill during the renames is completed by
the next run, so the directory never holds a mix of two builds.
"""

from __future__ import annotations

import contextvars
import errno
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from graphbuild.errors import GraphbuildError

#: The journal of an output set being switched in (temporary name -> final name).
JOURNAL = ".graphbuild-switch.json"
#: The lock file a build holds in its output directory.
LOCK = ".graphbuild.lock"
#: Temporary files of :func:`atomic_open`: ``.<name>.<random>.tmp``.
_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")

_staging: contextvars.ContextVar[_OutputSet | None] = contextvars.ContextVar("graphbuild_output_set", default=None)


class _OutputSet:
    def __init__(self, directory: Path) -> None:
        self.directory = directory.resolve()
        self.pending: dict[Path, Path] = {}  # final path -> temporary file

    def add(self, target: Path, tmp: Path) -> None:
        old = self.pending.pop(target, None)
        if old is not None:
            with suppress(FileNotFoundError):
                os.unlink(old)
        self.pending[target] = tmp

    def discard(self) -> None:
        for tmp in self.pending.values():
            with suppress(FileNotFoundError):
                os.unlink(tmp)
        self.pending.clear()

    def switch(self) -> None:
        if not self.pending:
            return
        journal = self.directory / JOURNAL
        moves = [[tmp.name, target.name] for target, tmp in self.pending.items()]
        _write_synced(journal, json.dumps(moves).encode("utf-8"))
        fsync_dir(self.directory)
        _apply(self.directory, moves)
        self.pending.clear()
        journal.unlink()
        fsync_dir(self.directory)


def _write_synced(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        if exc.filename is None:
            exc.filename = str(path)
        raise
    os.replace(tmp, path)


def _apply(directory: Path, moves: list[list[str]]) -> None:
    for tmp_name, final_name in moves:
        with suppress(FileNotFoundError):  # already renamed by the run that was killed
            os.replace(directory / tmp_name, directory / final_name)


def fsync_dir(directory: Path) -> None:
    """Make the renames in ``directory`` durable (a no-op on Windows)."""
    if sys.platform == "win32":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def recover(directory: str | Path) -> None:
    """Finish or undo what a killed run left in ``directory``.

    A complete journal means every new file was on disk: its renames are
    completed.  Other temporary files of :func:`atomic_open` are removed.
    """
    d = Path(directory)
    journal = d / JOURNAL
    if journal.is_file():
        try:
            moves = json.loads(journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            moves = None  # written by os.replace only when complete, so never expected
        if isinstance(moves, list) and all(
            isinstance(m, list) and len(m) == 2 and all(isinstance(x, str) and "/" not in x for x in m) for m in moves
        ):
            _apply(d, moves)
        journal.unlink()
    with suppress(FileNotFoundError):
        (d / (JOURNAL + ".tmp")).unlink()
    if d.is_dir():
        for child in d.iterdir():
            if _TEMP.match(child.name) and child.is_file():
                with suppress(FileNotFoundError):
                    child.unlink()


@contextmanager
def output_set(directory: str | Path) -> Iterator[None]:
    """Files written into ``directory`` by :func:`atomic_open` inside the block replace the old ones together.

    Leftovers of a killed run are cleaned first (:func:`recover`).  On an
    exception no file is replaced and the temporary files are removed.
    """
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    recover(d)
    group = _OutputSet(d)
    token = _staging.set(group)
    try:
        yield
    except BaseException:
        group.discard()
        raise
    finally:
        _staging.reset(token)
    try:
        group.switch()
    except BaseException:
        if not (d / JOURNAL).exists():  # once the journal is written the set goes in (now or by the next run)
            group.discard()
        raise


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[str]]:
    """Open a temporary file next to ``path``; rename it over ``path`` on success.

    On an exception the temporary file is removed and ``path`` is untouched; an ``OSError``
    naming no file (a full disk while writing) is given ``path`` as its filename.
    Inside :func:`output_set` for ``path``'s directory the rename waits for the set.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    group = _staging.get()
    try:
        enc = None if "b" in mode else encoding
        with os.fdopen(fd, mode, encoding=enc, newline="" if "b" not in mode else None) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        if group is not None and target.parent.resolve() == group.directory:
            group.add(target.parent.resolve() / target.name, Path(tmp))
        else:
            os.replace(tmp, target)
    except BaseException as exc:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.filename is None:  # a write or sync (full disk): name the file
            exc.filename = str(target)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    with atomic_open(path) as fh:
        fh.write(text)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_open(path, "wb") as fh:
        fh.write(data)  # type: ignore[arg-type]


class DirectoryLock:
    """An exclusive lock on a build's output directory (``OUTDIR/.graphbuild.lock``), held until :meth:`release`.

    A second build into the same directory stops at once with one line
    naming the directory and the process holding it.  The lock is the
    kernel's (``flock``), so it goes away with a killed process.
    """

    def __init__(self, directory: str | Path) -> None:
        self.path = Path(directory) / LOCK
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`GraphbuildError`."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise GraphbuildError(f"{self.path.parent}: cannot write to the output directory "
                                  f"({exc.strerror or exc})") from None
        if sys.platform != "win32":
            import fcntl

            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
                os.close(fd)
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    who = f" (process {holder})" if holder.isdigit() else ""
                    raise GraphbuildError(
                        f"{self.path.parent}: another graphbuild build is writing here{who}; "
                        "wait for it or choose another output directory"
                    ) from None
                raise GraphbuildError(f"{self.path}: cannot lock ({exc.strerror or exc})") from None
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        except OSError as exc:
            os.close(fd)
            raise GraphbuildError(f"{self.path.parent}: cannot write to the output directory "
                                  f"({exc.strerror or exc})") from None
        self._fd = fd

    def release(self) -> None:
        """Let the next build in (the file stays; an unlocked file means nothing)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DirectoryLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
