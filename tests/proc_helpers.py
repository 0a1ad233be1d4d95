"""Worker tasks for the process tests (importable by pool workers, which pickle tasks by reference)."""

from __future__ import annotations

import os
import signal
from collections.abc import Sequence

from graphbuild.model import Document
from graphbuild.workers import _worker_batch

MARKER = "KILL-THIS-WORKER"


def dying_batch(docs: Sequence[Document], batch_size: int) -> list[bytes | str]:
    """Like the real task, but the worker is SIGKILLed (as by the OOM killer) on a document holding MARKER."""
    if any(MARKER in d.text for d in docs):
        os.kill(os.getpid(), signal.SIGKILL)
    return _worker_batch(docs, batch_size)
