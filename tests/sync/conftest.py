"""Fixtures: the real pygeoapi 0.21.0 catalog server (own venv, 127.0.0.1, stopped by PID) and a fault proxy.

``make setup`` installs the server's virtual environment; when it is missing (a bare pytest run) the session
installs it first (about 15 s, needs PyPI).
"""

from __future__ import annotations

import pytest

from scripts import catalog_server as server_tools
from tests.support.fault_proxy import FaultProxy


@pytest.fixture(scope="session")
def catalog_server(tmp_path_factory):
    """A seeded server (sample county, 2 000 parcels) for the whole session: ``.url``, ``.pid``, ``.directory``."""
    server_tools.install()
    directory = tmp_path_factory.mktemp("catalog") / "样例目录"  # a Chinese folder name on purpose
    server_tools.seed(directory)
    handle = server_tools.start_server(directory)
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def fault_proxy(catalog_server):
    """A fault-injecting proxy in front of the session server; ``proxy.plan("lose_response", …)`` per test."""
    with FaultProxy(catalog_server.url, huge_bytes=8 * 1024 * 1024) as proxy:
        yield proxy
