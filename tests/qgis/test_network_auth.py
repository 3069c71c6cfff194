"""The network adapter through QGIS's stack against a real loopback HTTP server; credentials via QgsAuthManager."""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from qgis.core import QgsApplication

from planmonitor_plugin.__about__ import USER_AGENT
from planmonitor_plugin.qgis_adapter.auth import authcfg_exists, remove_credentials, store_basic_credentials
from planmonitor_plugin.qgis_adapter.network import NetworkError, send


class EchoHandler(BaseHTTPRequestHandler):
    """Answers every request with what it received, as JSON; /missing answers 404."""

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        status = 404 if self.path.startswith("/missing") else 200
        payload = json.dumps({"method": self.command, "path": self.path, "body": body,
                              "headers": {k.lower(): v for k, v in self.headers.items()}}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer  # noqa: N815

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), EchoHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_get_sends_the_plugin_user_agent(qgis_app, server):
    response = send("GET", f"{server}/collections?q=水田")
    assert response.status == 200
    echoed = json.loads(response.body)
    agent = echoed["headers"]["user-agent"]
    assert agent.endswith(USER_AGENT) and "QGIS/" in agent  # QGIS's own agent, then the plugin and its version
    assert response.header("ETag") == '"v1"'  # headers are read case-insensitively


def test_post_and_put_carry_the_body(qgis_app, server):
    for method in ("POST", "PUT"):
        body = json.dumps({"核查": "合法"}).encode()
        response = send(method, f"{server}/items", body, {"Content-Type": "application/json"})
        echoed = json.loads(response.body)
        assert (echoed["method"], json.loads(echoed["body"])) == (method, {"核查": "合法"})


def test_http_errors_are_responses_not_exceptions(qgis_app, server):
    assert send("GET", f"{server}/missing").status == 404


def test_refused_connection_raises_a_network_error(qgis_app):
    with pytest.raises(NetworkError):
        send("GET", "http://127.0.0.1:9/")  # discard port: nothing listens


def test_basic_credentials_come_from_the_auth_manager(qgis_app, server):
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("test-master-password", True)
    authcfg = store_basic_credentials("PlanMonitor test catalog", "county", "秘密")
    try:
        assert authcfg_exists(authcfg)
        echoed = json.loads(send("GET", f"{server}/secure", authcfg=authcfg).body)
        expected = "Basic " + base64.b64encode("county:秘密".encode()).decode()
        assert echoed["headers"]["authorization"] == expected
    finally:
        assert remove_credentials(authcfg)
    assert not authcfg_exists(authcfg)
