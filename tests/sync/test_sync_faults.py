"""Faults around the QGIS sync client: a killed push resumed, 401 from an auth-checking proxy, hostile servers."""

from __future__ import annotations

import base64
import http.client
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from qgis.core import QgsApplication

from planmonitor_plugin.__about__ import USER_AGENT
from planmonitor_plugin.core.sync.errors import (
    InvalidGeometry,
    MalformedResponse,
    ResponseTooLarge,
    Unauthorized,
)
from planmonitor_plugin.core.sync.messages import Limits
from planmonitor_plugin.core.workpackage import WorkPackage
from planmonitor_plugin.qgis_adapter.auth import remove_credentials, store_basic_credentials
from planmonitor_plugin.qgis_adapter.sync_client import SyncClient, describe
from tests.support.fault_proxy import wait_until
from tests.sync.support import FAST, TASK_ID, record_sample_verdicts, stored_ids

pytestmark = pytest.mark.catalog
ROOT = Path(__file__).resolve().parents[2]


def client(url: str, **options) -> SyncClient:
    options.setdefault("policy", FAST)
    options.setdefault("timeout", 5.0)
    return SyncClient(url, **options)


def pulled_package(url: str, path: Path) -> Path:
    client(url).pull(path, TASK_ID)
    return path


# ----------------------------------------------------------------------------------------------------------------
# A client killed mid-push, then resumed
# ----------------------------------------------------------------------------------------------------------------

def test_push_killed_by_pid_then_resumed_stores_every_event_once(qgis_app, catalog_server, fault_proxy, tmp_path):
    path = pulled_package(catalog_server.url, tmp_path / "中断推送.gpkg")
    with WorkPackage.open(path) as package:
        events = record_sample_verdicts(package, [f"3715252025000{n}" for n in range(10, 16)])
    # 2 pass, the 3rd is stored but its answer lost, the next request hangs: the client is killed there
    fault_proxy.plan("pass", "pass", "lose_response", "delay", "delay", delay=20)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path / "profile"),
           "PYTHONPATH": os.pathsep.join([str(ROOT), "/usr/share/qgis/python/plugins"])}
    worker = subprocess.Popen([sys.executable, "-m", "tests.sync.push_worker", str(path), fault_proxy.url],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_until(lambda: len(fault_proxy.seen) >= 4, timeout=30), fault_proxy.seen
    finally:
        os.kill(worker.pid, signal.SIGKILL)
        output, _ = worker.communicate(timeout=10)
    assert "done" not in output and output.count("pushed") == 2, output
    fault_proxy.reset()
    with WorkPackage.open(path) as package:
        assert len(package.outbox()) == 4  # two acknowledged before the kill
        result = client(catalog_server.url).push(package)
        statuses = {row["uuid"]: row["status"] for row in result.receipts}
        assert statuses[events[2]] == "duplicate"  # stored before the kill, recognised by reading back
        assert len(package.outbox()) == 0 and len(package.verdict_events()) == len(events)
        receipts = Counter(package.receipts()["uuid"])
        assert all(receipts[e] == 1 for e in events)
    stored = stored_ids(catalog_server.url)
    assert [stored[f"evt-{e}"] for e in events] == [1] * len(events)


# ----------------------------------------------------------------------------------------------------------------
# 401 from a loopback auth-checking proxy, credentials from an authcfg
# ----------------------------------------------------------------------------------------------------------------

class _AuthHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.seen.append(self.headers.get("Authorization"))
        self.server.agents.append(self.headers.get("User-Agent", ""))
        if self.headers.get("Authorization") != self.server.expected:
            return self._send(401, [("Content-Type", "application/json")],
                              b'{"code":"Unauthorized","description":"login required"}')
        upstream = http.client.HTTPConnection("127.0.0.1", self.server.upstream_port, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "authorization", "connection")}
        upstream.request(self.command, self.path, body=body or None, headers=headers)
        answer = upstream.getresponse()
        payload = answer.read().replace(self.server.upstream.encode(), self.server.own.encode())
        upstream.close()
        self._send(answer.status, [(k, v) for k, v in answer.getheaders() if k.lower() in ("content-type",
                                                                                             "location")], payload)

    def _send(self, status: int, headers, payload: bytes) -> None:
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value.replace(self.server.upstream, self.server.own))
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = _handle  # noqa: N815


@pytest.fixture
def auth_proxy(catalog_server):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _AuthHandler)
    server.daemon_threads = True
    server.upstream, server.upstream_port = catalog_server.url, int(catalog_server.url.rsplit(":", 1)[1])
    server.own = f"http://127.0.0.1:{server.server_address[1]}"
    server.expected = "Basic " + base64.b64encode("county:正确口令".encode()).decode()
    server.seen, server.agents = [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def authcfgs(qgis_app):
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("test-master-password", True)
    good = store_basic_credentials("PlanMonitor 测试目录", "county", "正确口令")
    bad = store_basic_credentials("PlanMonitor 错误口令", "county", "错误口令")
    yield good, bad
    remove_credentials(good)
    remove_credentials(bad)


def test_credentials_come_from_the_authcfg_and_a_401_is_clear(auth_proxy, authcfgs, tmp_path):
    good, bad = authcfgs
    found = client(auth_proxy.own, authcfg=good).search(record_type="task-package", q="任务包")
    assert TASK_ID in [record.id for record in found] and auth_proxy.seen[-1] == auth_proxy.expected
    assert USER_AGENT in auth_proxy.agents[-1] and "QGIS" in auth_proxy.agents[-1]
    with pytest.raises(Unauthorized) as caught:
        client(auth_proxy.own, authcfg=bad).search(q="任务包")
    message = describe(caught.value)
    assert "401" in message and "authentication configuration" in message and "错误口令" not in message
    with pytest.raises(Unauthorized):
        client(auth_proxy.own).test()  # no credentials at all
    assert auth_proxy.seen[-1] is None


def test_push_refused_with_401_keeps_the_outbox_unflagged(auth_proxy, authcfgs, catalog_server, tmp_path):
    path = pulled_package(catalog_server.url, tmp_path / "口令.gpkg")
    with WorkPackage.open(path) as package:
        record_sample_verdicts(package, ["371525202500020"])
        with pytest.raises(Unauthorized):
            client(auth_proxy.own, authcfg=authcfgs[1]).push(package)
        outbox = package.outbox()
        assert len(outbox) == 1 and not outbox["rejected"].any() and len(package.receipts()) == 0
        result = client(auth_proxy.own, authcfg=authcfgs[0]).push(package)
        assert [r["status"] for r in result.receipts] == ["accepted"] and len(package.outbox()) == 0


# ----------------------------------------------------------------------------------------------------------------
# Hostile servers
# ----------------------------------------------------------------------------------------------------------------

def _feature(identifier, geometry, **properties) -> dict:
    return {"type": "Feature", "id": identifier, "geometry": geometry, "properties": properties}


SQUARE = {"type": "Polygon", "coordinates": [[[117.1, 36.1], [117.2, 36.1], [117.2, 36.2], [117.1, 36.1]]]}
HOSTILE_PAGES = {
    "malformed": (b"<html>not json</html>", MalformedResponse, "not valid JSON"),
    "wrong_types": (json.dumps({"type": "FeatureCollection", "features": [
        _feature("A1", SQUARE, XZQDM={"nested": "object"})]}).encode(), MalformedResponse, "XZQDM"),
    "features_not_list": (b'{"type": "FeatureCollection", "features": "all of them"}', MalformedResponse,
                          "'features' must be a list"),
    "absurd_geometry": (json.dumps({"type": "FeatureCollection", "features": [
        _feature("A2", {"type": "Polygon", "coordinates": [[[1e9, 5e8], [1, 1], [2, 2], [1e9, 5e8]]]})]}).encode(),
        InvalidGeometry, "outside longitude/latitude"),
    "point_item": (json.dumps({"type": "FeatureCollection", "features": [
        _feature("A3", {"type": "Point", "coordinates": [117.1, 36.1]})]}).encode(), MalformedResponse,
        "a polygon is needed"),
    "traversal_id": (json.dumps({"type": "FeatureCollection", "features": [
        _feature("../../etc/passwd", SQUARE)]}).encode(), Exception, "not a safe identifier"),
    "huge": (b'{"type": "FeatureCollection", "features": [' + b" " * (2 * 1024 * 1024) + b"]}", ResponseTooLarge,
             "above the limit"),
}


class _HostileHandler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        if "/collections/catalog/items/" in self.path:
            record = _feature("task-evil", SQUARE, type="task-package", title="恶意任务", items_collection="evil")
            payload = json.dumps(record).encode()
        else:
            payload = HOSTILE_PAGES[self.server.mode][0]
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture(scope="module")
def hostile():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _HostileHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("mode", sorted(HOSTILE_PAGES))
def test_hostile_answers_are_refused_and_write_nothing(qgis_app, hostile, tmp_path, mode):
    hostile.mode = mode
    folder = tmp_path / "工作包"
    folder.mkdir()
    path = folder / "审查任务.gpkg"
    WorkPackage.create(path, {"task_id": "task-evil", "task_name": "恶意任务"}).close()
    before = sorted(p.name for p in folder.rglob("*"))
    url = f"http://127.0.0.1:{hostile.server_address[1]}"
    _, error_class, words = HOSTILE_PAGES[mode]
    with pytest.raises(error_class) as caught:
        client(url, limits=Limits(max_body_bytes=1024 * 1024)).pull(path, "task-evil")
    assert words in str(caught.value) and describe(caught.value)
    assert sorted(p.name for p in folder.rglob("*")) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["工作包"]
    with WorkPackage.open(path) as package:
        assert len(package.review_items()) == 0


# ----------------------------------------------------------------------------------------------------------------
# ETags: used when a server offers them
# ----------------------------------------------------------------------------------------------------------------

class _EtagHandler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.server.conditions.append(self.headers.get("If-None-Match"))
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.send_header("ETag", '"v1"')
            self.end_headers()
            return
        record = _feature("task-etag", SQUARE, type="task-package", title="带 ETag 的目录")
        payload = json.dumps({"type": "FeatureCollection", "features": [record]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def test_etags_are_used_when_offered(qgis_app):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _EtagHandler)
    server.conditions = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        sync = client(f"http://127.0.0.1:{server.server_address[1]}")
        first, second = sync.search(q="目录"), sync.search(q="目录")
        assert [r.title for r in first] == [r.title for r in second] == ["带 ETag 的目录"]
        assert server.conditions == [None, '"v1"']  # the second search was answered 304 from the remembered copy
    finally:
        server.shutdown()
        server.server_close()
