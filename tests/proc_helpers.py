"""Worker tasks for the process tests (importable by pool workers, which pickle tasks by reference)."""

from __future__ import annotations

import os
import signal
from collections.abc import Sequence
from typing import Any

from graphbuild.model import Document
from graphbuild.workers import _worker_batch

MARKER = "KILL-THIS-WORKER"


def dying_batch(docs: Sequence[Document], batch_size: int) -> list[bytes | str]:
    """Like the real task, but the worker is SIGKILLed (as by the OOM killer) on a document holding MARKER."""
    if any(MARKER in d.text for d in docs):
        os.kill(os.getpid(), signal.SIGKILL)
    return _worker_batch(docs, batch_size)


def group_members(pgid: int) -> list[int]:
    """Live (non-zombie) processes of process group ``pgid``, read from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == pgid and fields[0] != "Z":
                found.append(int(entry))
    return found


#: A document holding this makes the language model fail on it (as on input spaCy cannot handle).
PARSE_MARKER = "SPACY-FAILS-ON-THIS"


def _fail_on_marker(doc: Any) -> Any:
    if PARSE_MARKER in doc.text:
        raise ValueError("the tokenizer gave up on this text")
    return doc


def fail_on_marker() -> str:
    """The name of a spaCy component that raises on a document holding PARSE_MARKER (registered once)."""
    from spacy.language import Language

    if not Language.has_factory("fail_on_marker"):
        Language.component("fail_on_marker", func=_fail_on_marker)
    return "fail_on_marker"
