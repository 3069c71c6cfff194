"""A loopback HTTP proxy that injects faults between a client and an upstream server (stdlib only).

The test queues one behaviour per request with :meth:`FaultProxy.plan`; requests beyond the plan pass through.

=================  =============================================================================================
mode               what the client sees
=================  =============================================================================================
``pass``           the upstream answer, unchanged
``drop_mid_body``  status and headers (full Content-Length), half the body, then the connection closes
``delay``          nothing for ``delay`` seconds (past the client's time-out), then the upstream answer
``error_500``      a 500 with an OGC exception body; the upstream never sees the request
``truncate_json``  the upstream answer with its body cut in half (Content-Length matching the cut body)
``lose_response``  nothing: the request *was* forwarded (the server acted on it), then the connection closes
``huge``           a 200 whose Content-Length announces ``huge_bytes`` and streams filler until the client stops
``status_NNN``     an answer with that status (401, 403, 413 …) and an OGC exception body; not forwarded
=================  =============================================================================================

Links and ``Location`` headers naming the upstream are rewritten to name the proxy.
"""

from __future__ import annotations

import http.client
import http.server
import re
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Deque, List, Optional, Tuple
from urllib.parse import urlsplit

MODES = ("pass", "drop_mid_body", "delay", "error_500", "truncate_json", "lose_response", "huge")
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"}


@dataclass
class Seen:
    method: str
    path: str
    mode: str
    forwarded: bool


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _forward(self, body: bytes) -> Tuple[int, List[Tuple[str, str]], bytes]:
        upstream = urlsplit(self.server.upstream)
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=30)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP | {"host"}}
            connection.request(self.command, self.path, body=body or None, headers=headers)
            answer = connection.getresponse()
            return answer.status, answer.getheaders(), answer.read()
        finally:
            connection.close()

    def _send(self, status: int, headers: List[Tuple[str, str]], body: bytes, cut: Optional[int] = None) -> None:
        headers, body = self.server.proxy.rewrite(headers, body)
        self.send_response(status)
        for key, value in headers:
            if key.lower() not in _HOP_BY_HOP | {"content-length", "server", "date"}:
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body if cut is None else body[:cut])
        self.wfile.flush()
        self.close_connection = True

    def _abort(self) -> None:
        """Close the connection now: the client sees it end before the (rest of the) answer."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _handle(self) -> None:
        body = self._body()
        mode, delay = self.server.proxy.next_mode()
        forwarded = mode not in ("error_500", "huge") and not mode.startswith("status_")
        self.server.proxy.record(Seen(self.command, self.path, mode, forwarded))
        if mode == "error_500":
            payload = b'{"code":"NoApplicableCode","description":"injected failure"}'
            return self._send(500, [("Content-Type", "application/json")], payload)
        if mode.startswith("status_"):
            payload = b'{"code":"Injected","description":"injected status"}'
            return self._send(int(mode[7:]), [("Content-Type", "application/json")], payload)
        if mode == "huge":
            return self._stream_huge()
        if mode == "delay":
            self.server.proxy.stopping.wait(delay)
        status, headers, answer = self._forward(body)
        if mode == "lose_response":
            return self._abort()
        if mode == "drop_mid_body":
            self._send(status, headers, answer, cut=len(answer) // 2)
            return self._abort()
        if mode == "truncate_json":
            return self._send(status, headers, answer[: len(answer) // 2])
        return self._send(status, headers, answer)

    def _stream_huge(self) -> None:
        size = self.server.proxy.huge_bytes
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(size))
        self.send_header("Connection", "close")
        self.end_headers()
        chunk, sent = b" " * 65536, 0
        try:
            self.wfile.write(b'{"type":"FeatureCollection","features":[')
            while sent < size and not self.server.proxy.stopping.is_set():
                self.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            pass
        self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_HEAD = _handle  # noqa: N815 (http.server names)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    proxy: FaultProxy
    upstream: str

    def handle_error(self, request, client_address) -> None:  # aborted connections are the point
        pass


class FaultProxy:
    """``with FaultProxy(upstream_url) as proxy: proxy.plan("lose_response"); … proxy.url …``"""

    def __init__(self, upstream: str, huge_bytes: int = 64 * 1024 * 1024) -> None:
        self.upstream = upstream.rstrip("/")
        self.huge_bytes = huge_bytes
        self.stopping = threading.Event()
        self.seen: List[Seen] = []
        self._plan: Deque[Tuple[str, float]] = deque()
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.proxy, self._server.upstream = self, self.upstream
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="fault-proxy",
                                        daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def plan(self, *modes: str, delay: float = 3.0) -> FaultProxy:
        """Behaviour of the next requests, in order (then ``pass``)."""
        unknown = {m for m in modes if m not in MODES and not re.fullmatch(r"status_[1-5]\d\d", m)}
        if unknown:
            raise ValueError(f"unknown fault modes {sorted(unknown)}")
        with self._lock:
            self._plan.extend((mode, delay) for mode in modes)
        return self

    def reset(self) -> None:
        with self._lock:
            self._plan.clear()
            self.seen.clear()

    def next_mode(self) -> Tuple[str, float]:
        with self._lock:
            return self._plan.popleft() if self._plan else ("pass", 0.0)

    def rewrite(self, headers: List[Tuple[str, str]], body: bytes) -> Tuple[List[Tuple[str, str]], bytes]:
        """Links and Location name the proxy, as behind a correctly configured reverse proxy."""
        old, new = self.upstream, self.url
        headers = [(k, v.replace(old, new)) for k, v in headers]
        return headers, body.replace(old.encode(), new.encode())

    def record(self, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def wait_until(condition, timeout: float = 5.0, step: float = 0.02) -> bool:
    """Poll ``condition()`` until true or ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return bool(condition())
