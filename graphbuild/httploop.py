"""An HTTP server loop for many short requests: one accepting thread, a bounded pool of reused handler threads.

``ThreadingHTTPServer`` starts a thread for every connection, and its
accepting thread waits for each new thread to start: under a burst of
clients (or with every core busy) the accepting thread queues behind the
request threads for the interpreter lock, accepts slowly, the listen queue
overflows, and the clients whose connection was dropped try again only after
the kernel's one-second retransmission timeout.

:class:`PooledHTTPServer` instead accepts every waiting connection at once
(non-blocking), keeps connections that have sent nothing yet in a selector
(they cost no thread, and are closed ``idle_timeout`` seconds after they
arrived), and hands each connection with data to a pool of ``max_threads``
handler threads, started with the loop and reused.  A
handler must receive the whole request within ``idle_timeout`` of taking the
connection, so a client sending a byte now and then holds a thread no longer
than one that sends nothing.
"""

from __future__ import annotations

import contextlib
import io
import queue
import selectors
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any


class DeadlineReader(io.RawIOBase):
    """Reads from a socket until a deadline: each ``recv`` may wait only for the time left."""

    def __init__(self, sock: socket.socket, seconds: float) -> None:
        super().__init__()
        self.sock = sock
        self.deadline = time.monotonic() + seconds

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request did not arrive in time")
        self.sock.settimeout(left)
        return self.sock.recv_into(buffer)


class PooledHTTPServer(HTTPServer):
    """``HTTPServer`` with a selector-driven accept loop and a bounded pool of reused handler threads."""

    #: Listen backlog (the kernel caps it at ``net.core.somaxconn``).
    request_queue_size = 1024
    #: Seconds a connection may wait for its request (before and while it is read).
    idle_timeout = 10.0
    #: Requests handled at once; further connections with data wait their turn in arrival order.
    max_threads = 32

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler],
                 bind_and_activate: bool = True) -> None:
        super().__init__(address, handler, bind_and_activate)
        self._jobs: queue.SimpleQueue[tuple[socket.socket, Any] | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._stop = threading.Event()
        self._stopped = threading.Event()
        self._stopped.set()

    # --- the accepting thread --------------------------------------------------------------------

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Accept and dispatch connections until :meth:`shutdown`."""
        self._stop.clear()
        self._stopped.clear()
        self._start_threads()  # all at once now: starting one later would hold up the accepting thread
        waiting: dict[socket.socket, tuple[float, Any]] = {}  # arrival order = deadline order
        self.socket.setblocking(False)
        try:
            with selectors.DefaultSelector() as sel:
                sel.register(self.socket, selectors.EVENT_READ)
                sel.register(self._wake_r, selectors.EVENT_READ)
                while not self._stop.is_set():
                    timeout = poll_interval
                    if waiting:
                        first = next(iter(waiting.values()))[0]
                        timeout = max(0.0, min(timeout, first - time.monotonic()))
                    for key, _ in sel.select(timeout):
                        sock = key.fileobj
                        if sock is self.socket:
                            self._accept_all(sel, waiting)
                        elif sock is self._wake_r:
                            with contextlib.suppress(OSError):
                                self._wake_r.recv(64)
                        else:
                            assert isinstance(sock, socket.socket)
                            sel.unregister(sock)
                            _, address = waiting.pop(sock)
                            self._dispatch(sock, address)
                    now = time.monotonic()
                    while waiting:
                        sock, (deadline, _) = next(iter(waiting.items()))
                        if deadline > now:
                            break
                        del waiting[sock]
                        sel.unregister(sock)
                        self.shutdown_request(sock)  # silent for too long: dropped
                    self.service_actions()
        finally:
            for sock in waiting:
                self.shutdown_request(sock)
            with contextlib.suppress(OSError):
                self.socket.setblocking(True)
            self._stopped.set()

    def _accept_all(self, sel: selectors.BaseSelector, waiting: dict[socket.socket, tuple[float, Any]]) -> None:
        deadline = time.monotonic() + self.idle_timeout
        for _ in range(self.request_queue_size):
            try:
                sock, address = self.socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:  # out of file descriptors, a connection reset before accept...
                return
            sock.setblocking(False)
            waiting[sock] = (deadline, address)
            sel.register(sock, selectors.EVENT_READ)

    def _dispatch(self, sock: socket.socket, address: Any) -> None:
        sock.settimeout(self.idle_timeout)
        self._jobs.put((sock, address))

    def _start_threads(self) -> None:
        while len(self._threads) < self.max_threads:
            thread = threading.Thread(target=self._work, name=f"http-{len(self._threads)}", daemon=True)
            self._threads.append(thread)
            thread.start()

    def shutdown(self) -> None:
        """Stop :meth:`serve_forever` and wait until it has returned."""
        self._stop.set()
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        self._stopped.wait()

    # --- handler threads -----------------------------------------------------------------------

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            sock, address = job
            try:
                self.finish_request(sock, address)
            except Exception:
                self.handle_error(sock, address)
            finally:
                self.shutdown_request(sock)

    def server_close(self) -> None:
        """Close the listening socket and let the handler threads end."""
        super().server_close()
        for _ in self._threads:
            self._jobs.put(None)
        for sock in (self._wake_r, self._wake_w):
            sock.close()
