"""Child processes that end with their parent.

A build's workers (the forkserver, the pool, the prefetch process) and the
query processes of ``graphbuild serve`` call :func:`die_with_parent` first:
on Linux the kernel then kills them when their parent dies, even by
``kill -9``; elsewhere :func:`watch_parent` polls for the same.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time


def die_with_parent() -> bool:
    """Have the kernel send SIGKILL to this process when its parent dies (Linux ``PR_SET_PDEATHSIG``).

    Returns whether it could; when the parent is already gone, exits at once.
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    parent = os.getppid()
    with contextlib.suppress(OSError, AttributeError):
        if ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0) == 0:  # PR_SET_PDEATHSIG
            if os.getppid() != parent or parent == 1:  # the parent died before the call took effect
                os._exit(1)
            return True
    return False


def watch_parent(interval: float = 1.0) -> None:
    """A daemon thread that ends this process once its parent has gone (where the kernel cannot)."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="graphbuild-parent-watch", daemon=True).start()


def end_with_parent() -> None:
    """:func:`die_with_parent`, else :func:`watch_parent`."""
    if not die_with_parent():
        watch_parent()
