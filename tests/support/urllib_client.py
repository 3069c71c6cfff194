"""A small stdlib HTTP sender for tests: core ``Request`` → ``Response``, failures → core sync errors.

It stands in for the plugin's QGIS network adapter: time-outs raise ``RequestTimeout``, refused or dropped
connections ``TransportError``; a body cut short is returned as received (the core sees the Content-Length
mismatch); bodies are read up to ``max_body_bytes + 1`` so a huge answer is refused by the core, not buffered.
Never goes through ``$http_proxy`` (loopback only).
"""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.request
from typing import List, Optional

from planmonitor_plugin.core.sync.errors import RequestTimeout, TransportError
from planmonitor_plugin.core.sync.messages import Headers, Limits, Request, Response


class UrllibSender:
    def __init__(self, timeout: float = 2.0, limits: Optional[Limits] = None) -> None:
        self.timeout, self.limits = timeout, limits or Limits()
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        self.sent: List[Request] = []

    def __call__(self, request: Request) -> Response:
        self.sent.append(request)
        prepared = urllib.request.Request(request.url, data=request.body or None, method=request.method,
                                          headers=dict(request.headers))
        try:
            with self._opener.open(prepared, timeout=self.timeout) as answer:
                return self._response(answer.status, answer.getheaders(), answer, request.url)
        except urllib.error.HTTPError as error:
            return self._response(error.code, list(error.headers.items()), error, request.url)
        except (socket.timeout, TimeoutError) as error:
            raise RequestTimeout(f"no answer within {self.timeout} s", url=request.url) from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, (socket.timeout, TimeoutError)):
                raise RequestTimeout(f"no answer within {self.timeout} s", url=request.url) from error
            raise TransportError(f"connection failed: {error.reason}", url=request.url) from error
        except (http.client.HTTPException, ConnectionError) as error:
            raise TransportError(f"connection lost: {error!r}", url=request.url) from error

    def _response(self, status: int, headers, stream, url: str) -> Response:
        try:
            body = stream.read(self.limits.max_body_bytes + 1)
        except http.client.IncompleteRead as error:
            body = error.partial  # the core reports the truncation
        except (socket.timeout, TimeoutError) as error:
            raise RequestTimeout(f"no answer within {self.timeout} s", url=url) from error
        except ConnectionError as error:
            raise TransportError(f"connection lost mid-body: {error!r}", url=url) from error
        return Response(status, body, Headers(headers), url)
