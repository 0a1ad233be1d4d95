"""Child processes that end with their parent.

A build's pool workers watch the build process itself (:func:`watch_process`):
their parent is the forkserver, which stays alive as long as any worker holds
its "alive" pipe, so the workers must go first; the forkserver and the
resource tracker then see their pipes close and exit too.  The prefetch
process dies with its parent (:func:`die_with_parent`), and the query
processes of ``graphbuild serve`` poll theirs (:func:`watch_parent`).
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


def watch_process(pid: int, interval: float = 0.5) -> None:
    """A daemon thread that ends this process as soon as process ``pid`` has ended (even by ``kill -9``).

    Linux waits on a pidfd (woken at the exit itself, a zombie included);
    elsewhere the process is polled every ``interval`` seconds.
    """
    if hasattr(os, "pidfd_open"):
        try:
            fd = os.pidfd_open(pid)
        except ProcessLookupError:
            os._exit(1)
        except OSError:
            fd = -1
        if fd >= 0:
            import select

            def wait() -> None:
                select.select([fd], [], [])
                os._exit(1)

            threading.Thread(target=wait, name="graphbuild-build-watch", daemon=True).start()
            return

    def poll() -> None:
        while True:
            time.sleep(interval)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=poll, name="graphbuild-build-watch", daemon=True).start()
