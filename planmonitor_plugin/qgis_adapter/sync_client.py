"""The catalog sync client inside QGIS: core requests through QGIS's network stack, connections in QgsSettings.

* :class:`QgisSender` — a core :class:`~planmonitor_plugin.core.sync.messages.Request` sent with
  QgsNetworkAccessManager (QGIS's proxy, SSL and certificate settings apply), the authcfg applied by
  QgsAuthManager, an idle time-out, the body read up to ``max_body_bytes + 1``; failures become the core's
  :class:`RequestTimeout` / :class:`TransportError`.
* :class:`SyncClient` — test a connection, search the catalog, pull a task package, push the outbox, pull other
  reviewers' events (the logic is :mod:`planmonitor_plugin.core.sync.workflow`).
* Connections (name, URL, authcfg id) in QgsSettings; credentials only ever as an authcfg id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any, Callable, List, Optional, Sequence

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsNetworkAccessManager,
    QgsProject,
    QgsRectangle,
    QgsSettings,
)
from qgis.PyQt.QtCore import QByteArray, QEventLoop, QTimer
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from planmonitor_plugin.__about__ import SETTINGS_PREFIX
from planmonitor_plugin.core.errors import Cancelled, PlanMonitorError
from planmonitor_plugin.core.sync import workflow
from planmonitor_plugin.core.sync.errors import (
    RequestTimeout,
    ResponseTooLarge,
    TransportError,
    Unauthorized,
)
from planmonitor_plugin.core.sync.messages import Headers, Limits, Request, Response, parse_json, require
from planmonitor_plugin.core.sync.protocol import CatalogEndpoint, EtagCache, check_base_url, parse_records
from planmonitor_plugin.core.sync.retry import RetryPolicy, fetch
from planmonitor_plugin.qgis_adapter import network
from planmonitor_plugin.qgis_adapter.i18n import tr

CONNECTIONS_KEY = f"{SETTINGS_PREFIX}/sync/connections"
CREATE_CONFORMANCE = "ogcapi-features-4/1.0/conf/create-replace-delete"


# ----------------------------------------------------------------------------------------------------------------
# Sending
# ----------------------------------------------------------------------------------------------------------------

class QgisSender:
    """``send(request) -> Response`` through QgsNetworkAccessManager; usable in the main thread and in tasks."""

    def __init__(self, authcfg: str = "", timeout: float = 30.0, limits: Optional[Limits] = None,
                 cancelled: Optional[Callable[[], bool]] = None) -> None:
        self.authcfg, self.timeout, self.limits, self.cancelled = authcfg or "", timeout, limits or Limits(), cancelled
        self.sent = 0

    def __call__(self, request: Request) -> Response:
        self.sent += 1
        reply = self._start(request)
        try:
            body, state = self._wait(reply)
            return self._response(request, reply, body, state)
        finally:
            reply.deleteLater()

    def _qt_request(self, request: Request) -> QNetworkRequest:
        qrequest = network._request(request.url, dict(request.headers))  # our User-Agent marker
        qrequest.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute,
                              QNetworkRequest.CacheLoadControl.AlwaysNetwork)  # a read-back must be fresh
        qrequest.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
        qrequest.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute,
                              QNetworkRequest.RedirectPolicy.ManualRedirectPolicy)  # credentials stay here
        if self.authcfg:
            applied, qrequest = QgsApplication.authManager().updateNetworkRequest(qrequest, self.authcfg)
            if not applied:
                raise Unauthorized(f"authentication configuration {self.authcfg} could not be applied (unknown id, "
                                   "or the master password was not entered).", authcfg=self.authcfg)
        return qrequest

    def _start(self, request: Request) -> QNetworkReply:
        qrequest = self._qt_request(request)
        manager = QgsNetworkAccessManager.instance()
        if request.method == "GET":
            reply = manager.get(qrequest)
        elif request.method == "POST":
            reply = manager.post(qrequest, QByteArray(request.body))
        else:
            reply = manager.sendCustomRequest(qrequest, request.method.encode(), QByteArray(request.body))
        if self.authcfg:
            QgsApplication.authManager().updateNetworkReply(reply, self.authcfg)
        return reply

    def _wait(self, reply: QNetworkReply):
        loop, timer, body = QEventLoop(), QTimer(), bytearray()
        state = {"timeout": False, "too_large": False, "cancelled": False}
        cap = self.limits.max_body_bytes + 1

        def read() -> None:
            body.extend(_chunk(reply, cap - len(body)))
            timer.start()  # an idle time-out: restarted whenever bytes arrive
            if len(body) >= cap and not reply.isFinished():
                state["too_large"] = True
                reply.abort()

        def tick() -> None:
            state["timeout"] = True
            reply.abort()

        def poll_cancel() -> None:
            if self.cancelled and self.cancelled():
                state["cancelled"] = True
                reply.abort()

        timer.setSingleShot(True)
        timer.setInterval(int(self.timeout * 1000))
        timer.timeout.connect(tick)
        canceller = QTimer()
        canceller.setInterval(100)
        canceller.timeout.connect(poll_cancel)
        reply.readyRead.connect(read)
        reply.finished.connect(loop.quit)
        timer.start()
        canceller.start()
        if not reply.isFinished():
            loop.exec()
        timer.stop()
        canceller.stop()
        if not state["too_large"] and len(body) < cap:
            body.extend(_chunk(reply, cap - len(body)))
        return bytes(body), state

    def _response(self, request: Request, reply: QNetworkReply, body: bytes, state: dict) -> Response:
        if state["cancelled"]:
            raise Cancelled("cancelled by the user")
        if state["timeout"]:
            raise RequestTimeout(f"no answer within {self.timeout:g} s", url=request.url)
        if state["too_large"] or len(body) > self.limits.max_body_bytes:
            raise ResponseTooLarge(f"{request.purpose or 'answer'}: the answer is above the limit of "
                                   f"{self.limits.max_body_bytes} bytes.", limit=self.limits.max_body_bytes)
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        if not status:
            error = reply.error()
            if error in (QNetworkReply.NetworkError.TimeoutError, QNetworkReply.NetworkError.OperationCanceledError):
                raise RequestTimeout(f"no answer ({reply.errorString()})", url=request.url)
            raise TransportError(f"connection failed: {reply.errorString()}", url=request.url)
        headers = Headers([(bytes(k).decode("latin-1"), bytes(v).decode("latin-1"))
                           for k, v in reply.rawHeaderPairs()])
        return Response(int(status), body, headers, request.url)


class EtagSender:
    """Uses ETags when a server offers them (never required): ``If-None-Match`` on repeated reads, 304 resolved.

    Only for reads that may be answered from a remembered copy (search, pages, records); a read-back after an
    uncertain push (``verify``) always asks the server afresh.
    """

    CACHED_PURPOSES = ("search", "page", "catalog record", "landing page", "conformance")

    def __init__(self, send: Callable[[Request], Response]) -> None:
        self.send, self.cache = send, EtagCache()

    def __call__(self, request: Request) -> Response:
        if request.method != "GET" or request.purpose not in self.CACHED_PURPOSES:
            return self.send(request)
        etag = self.cache.etag_for(request.url)
        sent = replace(request, headers=request.headers + (("If-None-Match", etag),)) if etag else request
        return self.cache.resolve(request, self.send(sent))


def _chunk(reply: QNetworkReply, size: int) -> bytes:
    data = reply.read(max(0, size)) if size > 0 else None
    return bytes(data) if data else b""


# ----------------------------------------------------------------------------------------------------------------
# Connections (QgsSettings: name, URL, authcfg id — never a password)
# ----------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CatalogConnection:
    name: str
    url: str
    authcfg: str = ""


def list_connections() -> List[CatalogConnection]:
    settings = QgsSettings()
    settings.beginGroup(CONNECTIONS_KEY)
    names = settings.childGroups()
    settings.endGroup()
    return [connection for connection in (get_connection(name) for name in sorted(names)) if connection]


def get_connection(name: str) -> Optional[CatalogConnection]:
    settings = QgsSettings()
    url = settings.value(f"{CONNECTIONS_KEY}/{name}/url", "", type=str)
    if not url:
        return None
    return CatalogConnection(name, url, settings.value(f"{CONNECTIONS_KEY}/{name}/authcfg", "", type=str))


def save_connection(connection: CatalogConnection) -> CatalogConnection:
    """Store a connection; the URL is checked (http(s), no user name or password in it)."""
    name = connection.name.strip()
    if not name or "/" in name or "\\" in name:
        raise PlanMonitorError(tr("A connection needs a name without slashes."))
    checked = CatalogConnection(name, check_base_url(connection.url), connection.authcfg.strip())
    settings = QgsSettings()
    settings.setValue(f"{CONNECTIONS_KEY}/{name}/url", checked.url)
    settings.setValue(f"{CONNECTIONS_KEY}/{name}/authcfg", checked.authcfg)
    return checked


def remove_connection(name: str) -> None:
    QgsSettings().remove(f"{CONNECTIONS_KEY}/{name}")


# ----------------------------------------------------------------------------------------------------------------
# Client
# ----------------------------------------------------------------------------------------------------------------

def extent_bbox(extent: QgsRectangle, crs: QgsCoordinateReferenceSystem) -> Optional[tuple]:
    """A map extent as a CRS84 bbox (lon/lat), clamped to the valid range; None for an empty extent."""
    if extent is None or extent.isEmpty():
        return None
    target = QgsCoordinateReferenceSystem("EPSG:4326")
    box = extent
    if crs.isValid() and crs != target:
        box = QgsCoordinateTransform(crs, target, QgsProject.instance()).transformBoundingBox(extent)
    x0, y0 = max(-180.0, box.xMinimum()), max(-90.0, box.yMinimum())
    x1, y1 = min(180.0, box.xMaximum()), min(90.0, box.yMaximum())
    return (x0, y0, x1, y1) if x0 <= x1 and y0 <= y1 else None


class SyncClient:
    """One catalog connection with progress and cancellation hooks."""

    def __init__(self, url: str, authcfg: str = "", timeout: float = 30.0, policy: Optional[RetryPolicy] = None,
                 limits: Optional[Limits] = None, progress=None, cancelled=None) -> None:
        self.endpoint = CatalogEndpoint(url, limits=limits or Limits())
        self.sender = QgisSender(authcfg, timeout, self.endpoint.limits, cancelled)
        self.send = EtagSender(self.sender)
        self.policy = policy or RetryPolicy()
        self.hooks = workflow.Hooks(progress, cancelled)

    @classmethod
    def from_connection(cls, connection: CatalogConnection, **options: Any) -> SyncClient:
        return cls(connection.url, connection.authcfg, **options)

    def _document(self, path: str, what: str) -> dict:
        request = self.endpoint.follow(self.endpoint.base_url + path, purpose=what)
        document = fetch(self.send, request, self.policy, sleep=self.hooks.sleep,
                         parse=lambda r: parse_json(r, self.endpoint.limits, what))
        require(isinstance(document, dict), what, "the answer is not a JSON object.")
        return document

    def test(self) -> dict:
        """GET / and /conformance: the catalog's title and whether it takes pushes (Part 4 create)."""
        landing = self._document("/", "landing page")
        conformance = self._document("/conformance", "conformance")
        classes = conformance.get("conformsTo")
        require(isinstance(classes, list) and all(isinstance(c, str) for c in classes), "conformance",
                "'conformsTo' must be a list of text.")
        title = landing.get("title") if isinstance(landing.get("title"), str) else ""
        return {"title": title, "create": any(c.endswith(CREATE_CONFORMANCE) for c in classes),
                "records": any("ogcapi-records" in c for c in classes), "conformance": len(classes)}

    def search(self, q: Optional[str] = None, bbox: Optional[Sequence[float]] = None,
               record_type: Optional[str] = None, limit: int = 50):
        request = self.endpoint.search_records(q=q or None, bbox=bbox, record_type=record_type or None, limit=limit)
        records, _ = fetch(self.send, request, self.policy, sleep=self.hooks.sleep,
                           parse=lambda r: parse_records(r, self.endpoint.limits))
        return records

    def pull(self, package_path, record_id: str, bbox=None, page_size: int = 100) -> workflow.PullResult:
        return workflow.pull_task_package(self.send, self.endpoint, package_path, record_id, bbox, page_size,
                                          self.policy, self.hooks)

    def push(self, package, names=None, include_rejected: bool = False) -> workflow.PushResult:
        return workflow.push_outbox(self.send, self.endpoint, package, names, self.policy, self.hooks,
                                    include_rejected)

    def pull_events(self, package, names=None) -> workflow.IncomingResult:
        return workflow.pull_events(self.send, self.endpoint, package, names, self.policy, self.hooks)


# ----------------------------------------------------------------------------------------------------------------
# Messages
# ----------------------------------------------------------------------------------------------------------------

def _leads() -> dict:
    return {
        "sync.unauthorized": tr("The catalog refused the credentials (401): check the authentication configuration "
                                "of this connection."),
        "sync.forbidden": tr("The catalog does not allow this account to do that (403): ask the catalog "
                             "administrator."),
        "sync.not_found": tr("Not found on the catalog (404): check the connection URL and the task package."),
        "sync.payload_too_large": tr("The catalog refused an item as too large (413): send large photos through "
                                     "an exchange package."),
        "sync.timeout": tr("The catalog did not answer in time."),
        "sync.transport": tr("Could not reach the catalog (connection refused or dropped)."),
        "sync.retries_exhausted": tr("The catalog still failed after several attempts; the items stay in the "
                                     "outbox."),
        "sync.unsafe_value": tr("This value cannot be sent to the catalog."),
        "sync.unsafe_link": tr("The catalog sent a link to another server; it was not followed."),
        "sync.unsafe_name": tr("The catalog sent an unsafe file name; it was refused."),
        "sync.geometry": tr("The catalog sent an invalid geometry; the answer was refused."),
        "sync.too_large": tr("The catalog's answer is too large; it was refused."),
        "sync.truncated": tr("The catalog's answer was cut off."),
        "sync.malformed": tr("The catalog's answer is malformed; it was refused."),
        "sync.id_conflict": tr("The catalog holds a different item under the same id; nothing was overwritten."),
        "exchange.tampered": tr("The exchange package was altered after export and is refused."),
        "exchange.partial": tr("The exchange package is incomplete and is refused (copy interrupted?)."),
        "exchange.manifest": tr("The exchange package's manifest is missing or damaged; the package is refused."),
        "exchange.unsafe_path": tr("The exchange package holds a path outside its folder and is refused."),
        "cancelled": tr("Cancelled by the user."),
    }


def describe(error: BaseException) -> str:
    """A translated lead for the error's code, then the core's English details (never credentials)."""
    code, leads = getattr(error, "code", ""), _leads()
    lead = leads.get(code) or (tr("Sync failed.") if code.startswith("sync") else "")
    last = getattr(error, "details", {}).get("last", "")
    if code == "sync.retries_exhausted" and last in leads:
        lead = f"{leads[last]} {lead}"
    detail = str(error)
    return f"{lead} ({detail})" if lead and detail and detail != code else (lead or detail)


def receipts_text(receipts: List[dict]) -> str:
    """One line per receipt, for logs and the dialog."""
    labels = {"accepted": tr("accepted"), "duplicate": tr("already on the server"), "rejected": tr("rejected"),
              "failed": tr("failed, stays in the outbox"), "skipped": tr("not sent")}
    lines = []
    for row in receipts:
        line = f"{row['kind']} {row['uuid']} ({row.get('item_id') or '-'}): {labels.get(row['status'], row['status'])}"
        lines.append(line + (f" — {row['reason']}" if row.get("reason") and row["status"] != "duplicate" else ""))
    return "\n".join(lines)


def summary(result: workflow.PushResult) -> str:
    return tr("{accepted} accepted, {duplicate} already on the server, {rejected} rejected, {failed} failed, "
              "{skipped} not sent").format(**{s: result.count(s) for s in ("accepted", "duplicate", "rejected",
                                                                             "failed", "skipped")})


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
