"""HTTP through QGIS's network stack only (proxy, SSL and auth settings apply).

Blocking calls for Processing algorithms and QgsTask workers; never ``requests``
or ``urllib`` in plugin code.  Credentials are attached from a QgsAuthManager
configuration id (authcfg); they are never passed around or logged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsBlockingNetworkRequest, QgsNetworkAccessManager
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from planmonitor_plugin.__about__ import USER_AGENT
from planmonitor_plugin.core.errors import PlanMonitorError


class NetworkError(PlanMonitorError):
    """A request failed before an HTTP status arrived (DNS, refused, time-out, SSL)."""

    code = "network"


@dataclass
class HttpResponse:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names

    def header(self, name: str, default: str = "") -> str:
        return self.headers.get(name.lower(), default)


#: Marks PlanMonitor's requests so the preprocessor adds our name to QGIS's User-Agent.
MARKER_HEADER = b"X-PlanMonitor-Client"
_preprocessor_id: str | None = None


def _name_the_plugin(request: QNetworkRequest) -> None:
    """QGIS sets its own User-Agent on every request; ours is appended to it for marked requests."""
    if request.hasRawHeader(MARKER_HEADER):
        agent = bytes(request.rawHeader(b"User-Agent"))
        if USER_AGENT.encode() not in agent:
            request.setRawHeader(b"User-Agent", (agent + b" " + USER_AGENT.encode()).strip())


def install_user_agent() -> None:
    """Register the User-Agent preprocessor with QGIS's network manager (once)."""
    global _preprocessor_id
    if _preprocessor_id is None:
        _preprocessor_id = QgsNetworkAccessManager.setRequestPreprocessor(_name_the_plugin)


def remove_user_agent() -> None:
    """Unregister it (plugin unload)."""
    global _preprocessor_id
    if _preprocessor_id is not None:
        QgsNetworkAccessManager.removeRequestPreprocessor(_preprocessor_id)
        _preprocessor_id = None


def _request(url: str, headers: dict[str, str] | None) -> QNetworkRequest:
    install_user_agent()
    request = QNetworkRequest(QUrl(url))
    request.setRawHeader(MARKER_HEADER, USER_AGENT.encode())
    for name, value in (headers or {}).items():
        request.setRawHeader(name.encode(), value.encode())
    return request


def _response(blocking: QgsBlockingNetworkRequest) -> HttpResponse:
    reply = blocking.reply()
    status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
    headers = {bytes(name).decode("latin-1").lower(): bytes(reply.rawHeader(name)).decode("latin-1")
               for name in reply.rawHeaderList()}
    return HttpResponse(int(status or 0), bytes(reply.content()), headers)


def send(method: str, url: str, body: bytes = b"", headers: dict[str, str] | None = None,
         authcfg: str = "") -> HttpResponse:
    """One HTTP request; returns the response for any HTTP status, raises NetworkError otherwise."""
    blocking = QgsBlockingNetworkRequest()
    if authcfg:
        blocking.setAuthCfg(authcfg)
    request = _request(url, headers)
    method = method.upper()
    if method == "GET":
        error = blocking.get(request, True)
    elif method == "HEAD":
        error = blocking.head(request, True)
    elif method == "POST":
        error = blocking.post(request, body, True)
    elif method == "PUT":
        error = blocking.put(request, body)
    elif method == "DELETE":
        error = blocking.deleteResource(request)
    else:
        raise ValueError(f"unsupported HTTP method {method}")
    response = _response(blocking)
    if error != QgsBlockingNetworkRequest.ErrorCode.NoError and response.status == 0:
        raise NetworkError(blocking.errorMessage(), url=url)
    return response
