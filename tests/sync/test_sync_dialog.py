"""The sync dialog against the real server: connection add/test/remove, search, download and push as QgsTasks."""

from __future__ import annotations

import time

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QFileDialog

from planmonitor_plugin.core.workpackage import WorkPackage
from planmonitor_plugin.gui.review_dock import ReviewDock
from planmonitor_plugin.gui.sync_dialog import SyncDialog
from planmonitor_plugin.qgis_adapter.sync_client import get_connection, remove_connection
from tests.sync.support import TASK_ID, record_sample_verdicts, seeded_items, stored_ids

pytestmark = pytest.mark.catalog


def wait_for_tasks(timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    manager = QgsApplication.taskManager()
    while time.monotonic() < deadline:
        QgsApplication.processEvents()
        if manager.countActiveTasks() == 0:
            QgsApplication.processEvents()
            return
        time.sleep(0.02)
    raise AssertionError("tasks still running")


def test_dialog_round_trip(qgis_app, qgis_iface, catalog_server, tmp_path, monkeypatch):
    dialog = SyncDialog(qgis_iface)
    dialog.name_edit.setText("测试目录")
    dialog.url_edit.setText(catalog_server.url + "/")
    dialog._save_connection()
    try:
        assert get_connection("测试目录").url == catalog_server.url
        dialog.connection_box.setCurrentText("测试目录")
        dialog._test_connection()
        assert "accepts pushed results" in dialog.status.text()
        dialog.extent_check.setChecked(False)
        dialog.query_edit.setText("任务包")
        dialog._search()
        ids = [dialog.results.item(row, 0).text() for row in range(dialog.results.rowCount())]
        assert TASK_ID in ids
        dialog.results.selectRow(ids.index(TASK_ID))
        path = tmp_path / "对话框.gpkg"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
        dialog._download()
        wait_for_tasks()
        assert "items downloaded" in dialog.status.text(), dialog.status.text()
        with WorkPackage.open(path) as package:
            assert len(package.review_items()) == len(seeded_items(catalog_server))
            events = record_sample_verdicts(package, ["371525202500060"])
        dock = ReviewDock(qgis_iface)  # the review panel on the same package shows the receipts after the push
        assert dock.open_package(str(path), background=False) and dock.sync_panel.table.rowCount() == 0
        dialog.pushFinished.connect(dock.package_pushed)
        dialog.package_widget.setFilePath(str(path))
        dialog._push()
        wait_for_tasks()
        assert "accepted" in dialog.receipts.toPlainText() and events[0] in dialog.receipts.toPlainText()
        shown = [dock.sync_panel.table.item(row, 2).text() for row in range(dock.sync_panel.table.rowCount())]
        assert shown and set(shown) == {"accepted"} and "0 waiting" in dock.sync_panel.outbox_label.text()
        dock.unload()
        assert stored_ids(catalog_server.url)[f"evt-{events[0]}"] == 1
        dialog.name_edit.setText("测试目录")
        dialog._remove_connection()
        assert get_connection("测试目录") is None
    finally:
        remove_connection("测试目录")
        dialog.deleteLater()
