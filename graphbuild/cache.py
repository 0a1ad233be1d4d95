"""The per-document extraction cache: append-only segment files with a CRC per record.

Results are keyed by :func:`doc_fingerprint` (content, metadata and the
extractor version), so a rebuild parses only new or changed documents.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import struct
import time
import zlib
from pathlib import Path
from typing import BinaryIO

from graphbuild.atomic import fsync_dir
from graphbuild.model import DocResult, Document

log = logging.getLogger(__name__)


def doc_fingerprint(doc: Document, extractor_version: str, max_chars: int | None = None) -> str:
    """Cache key of a document: its content and metadata plus the extractor version.

    A document longer than ``max_chars`` (parsed in pieces of that size, see
    :mod:`graphbuild.longdoc`) also keys on it: other pieces may parse a
    little differently.  Shorter documents are parsed whole whatever it is.
    """
    h = hashlib.sha256()
    for part in (extractor_version, doc.id, doc.text, doc.title or "", doc.date or "", doc.url or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    if max_chars is not None and len(doc.text) > max_chars:
        h.update(f"max_chars={max_chars}".encode())
    return h.hexdigest()


_SEGMENT_MAGIC = b"GBCACHE1\n"
_RECORD = struct.Struct("<HII")  # key length, payload length, CRC-32 of key + payload
_MAX_SEGMENTS = 8


class ResultCache:
    """Per-document extraction results on disk, keyed by :func:`doc_fingerprint`.

    Results live in append-only segment files (``*.seg``).  A build appends its
    new results to one temporary segment without a sync per entry; :meth:`commit`
    syncs it and renames it into place.  Every record carries a CRC, so the
    complete records of a segment left behind by a crashed build are still read
    (a torn or damaged record is only a cache miss).  :meth:`prune` rewrites the
    cache as one segment holding just the entries this build used, so removed
    or changed documents drop out and the number of segments stays small.
    Use one build per cache directory at a time.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.used: set[str] = set()
        self._index: dict[str, tuple[Path, int, int]] | None = None  # key -> (file, payload offset, length)
        self._files: dict[Path, BinaryIO] = {}
        self._writer: BinaryIO | None = None
        self._writer_path: Path | None = None
        self._pending = 0

    # reading

    def _scan_file(self, path: Path, index: dict[str, tuple[Path, int, int]]) -> None:
        try:
            fh = path.open("rb")
        except OSError:
            return
        size = os.fstat(fh.fileno()).st_size
        if fh.read(len(_SEGMENT_MAGIC)) != _SEGMENT_MAGIC:
            fh.close()
            log.warning("ignoring %s: not a graphbuild cache segment", path)
            return
        self._files[path] = fh
        pos = len(_SEGMENT_MAGIC)
        while pos + _RECORD.size <= size:
            klen, plen, _ = _RECORD.unpack(fh.read(_RECORD.size))
            start = pos + _RECORD.size
            if start + klen + plen > size:
                break  # a record torn by a crash: the rest of the file is lost
            key = fh.read(klen).decode("ascii", "replace")
            index.setdefault(key, (path, start, klen + plen))
            pos = start + klen + plen
            fh.seek(pos)

    def _load_index(self) -> dict[str, tuple[Path, int, int]]:
        if self._index is None:
            self._index = {}
            if self.directory.is_dir():
                for path in self._segments(include_crashed=True):
                    self._scan_file(path, self._index)
        return self._index

    def _segments(self, include_crashed: bool = False) -> list[Path]:
        paths = sorted(self.directory.glob("*.seg"))
        if include_crashed:
            paths += sorted(p for p in self.directory.glob("*.seg.tmp") if p != self._writer_path)
        return paths

    def _read_record(self, key: str) -> bytes | None:
        """The pickled result stored under ``key`` (checked against its CRC), or None."""
        entry = self._load_index().get(key)
        if entry is None:
            return None
        path, start, length = entry
        fh = self._files[path]
        fh.seek(start - _RECORD.size)
        klen, _, crc = _RECORD.unpack(fh.read(_RECORD.size))
        body = fh.read(length)
        if len(body) != length or zlib.crc32(body) != crc:
            log.warning("ignoring damaged cache entry %s in %s", key, path)
            return None
        return body[klen:]

    def __contains__(self, key: str) -> bool:
        """Whether an entry is stored under ``key`` (it may still fail its CRC when read)."""
        return key in self._load_index()

    def has_entries(self) -> bool:
        """Whether the cache holds any entry (an incremental build is likely)."""
        return bool(self._load_index())

    def get(self, key: str) -> DocResult | None:
        """The cached result, or None."""
        payload = self._read_record(key)
        if payload is None:
            return None
        try:
            result = pickle.loads(payload)
        except Exception:  # a damaged cache entry is re-extracted
            log.warning("ignoring undecodable cache entry %s", key)
            return None
        if not isinstance(result, DocResult):
            return None
        self.used.add(key)
        return result

    # writing

    def _open_writer(self) -> BinaryIO:
        if self._writer is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._writer_path = self.directory / f"{time.time_ns():020d}-{os.getpid()}.seg.tmp"
            self._writer = self._writer_path.open("xb")
            self._writer.write(_SEGMENT_MAGIC)
        return self._writer

    def _append(self, key: str, payload: bytes) -> None:
        writer = self._open_writer()
        kb = key.encode("ascii")
        writer.write(_RECORD.pack(len(kb), len(payload), zlib.crc32(kb + payload)))
        writer.write(kb)
        writer.write(payload)
        self._pending += 1
        if self._pending >= 256:  # bound what a crash can lose, without a sync per entry
            writer.flush()
            self._pending = 0

    def put(self, key: str, result: DocResult) -> None:
        """Store a result (durable after :meth:`commit`)."""
        self.put_raw(key, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def put_raw(self, key: str, payload: bytes) -> None:
        """Store an already pickled :class:`DocResult`."""
        self._append(key, payload)
        self.used.add(key)

    def _finish_writer(self) -> Path | None:
        """Sync and close the segment being written, rename it into place; its final path."""
        if self._writer is None or self._writer_path is None:
            return None
        self._writer.flush()
        os.fsync(self._writer.fileno())
        self._writer.close()
        final = self._writer_path.with_suffix("")  # drop ".tmp"
        os.replace(self._writer_path, final)
        fsync_dir(self.directory)
        self._writer = None
        self._writer_path = None
        self._pending = 0
        return final

    def commit(self) -> None:
        """Make the results written by this build durable (one sync and one rename per build)."""
        final = self._finish_writer()
        if final is not None and self._index is not None:
            self._scan_file(final, self._index)

    def prune(self) -> int:
        """Drop entries this build did not use (removed or changed documents); returns how many.

        The cache is rewritten as one segment when anything is stale or when
        more than a few segments have piled up from incremental builds.
        """
        self.commit()
        if not self.directory.is_dir():
            return 0
        index = self._load_index()
        stale = [k for k in index if k not in self.used]
        segments = self._segments(include_crashed=True)
        legacy = list(self.directory.glob("??/*.pkl"))  # the per-file cache of graphbuild 0.1
        crashed = [p for p in segments if p.suffix == ".tmp"]
        if not stale and not legacy and not crashed and len(segments) <= _MAX_SEGMENTS:
            return 0
        self._open_writer()
        for key in sorted(self.used & index.keys()):
            payload = self._read_record(key)
            if payload is not None:
                self._append(key, payload)
        keep = self._finish_writer()
        self.close()
        for path in [*segments, *legacy]:
            if path != keep:
                path.unlink(missing_ok=True)
        for sub in self.directory.glob("??"):
            with contextlib.suppress(OSError):
                sub.rmdir()
        return len(stale) + len(legacy)

    def close(self) -> None:
        """Close all files; a segment still being written stays as ``.seg.tmp`` (read by the next build)."""
        if self._writer is not None:
            self._writer.flush()
            os.fsync(self._writer.fileno())
            self._writer.close()
            self._writer = None
            self._writer_path = None
        for fh in self._files.values():
            fh.close()
        self._files.clear()
        self._index = None
