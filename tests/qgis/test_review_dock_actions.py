"""The review panel's actions: field package for a drawn area, import with its report, sync receipts, conflicts."""

from __future__ import annotations

import time

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from qgis.PyQt.QtWidgets import QApplication

from planmonitor_plugin.core.workpackage import WorkPackage
from planmonitor_plugin.gui.map_tools import PolygonMapTool
from planmonitor_plugin.gui.review_dock import ReviewDock
from tests.qgis.conftest import memory_layer
from tests.unit.workpackage_support import AREA_SHAPES, AREAS, TASK, items_frame


@pytest.fixture
def package_path(tmp_path):
    """Two pilot areas, 8 items (JCTB0000, 2, 4, 6 in P1 near x=117.0; odd ones in P2), one verdict."""
    path = tmp_path / "审查任务" / "工作包.gpkg"
    with WorkPackage.create(path, TASK) as package:
        package.add_pilot_areas(AREAS, AREA_SHAPES)
        frame, shapes = items_frame(8)
        package.add_review_items(frame, shapes)
        package.record_verdict("JCTB0001", "legal", "张三", sub_type="approved_land")
    return path


@pytest.fixture
def dock(qgis_iface, package_path):
    widget = ReviewDock(qgis_iface)
    assert widget.open_package(str(package_path), background=False)
    yield widget
    widget.unload()
    widget.deleteLater()
    QgsProject.instance().clear()


def wait_for(dock, seconds: float = 30) -> None:
    """Let QGIS's task manager run the dock's tasks and deliver their results."""
    deadline = time.time() + seconds
    while dock.field_actions.busy and time.time() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert not dock.field_actions.busy, "task did not finish"


def click(tool, canvas, point: QgsPointXY, button=Qt.MouseButton.LeftButton, kind=QEvent.Type.MouseButtonRelease):
    pixel = canvas.getCoordinateTransform().transform(point)
    event = QgsMapMouseEvent(canvas, kind, QPoint(round(pixel.x()), round(pixel.y())), button, button,
                             Qt.KeyboardModifier.NoModifier)
    if kind == QEvent.Type.MouseButtonDblClick:
        tool.canvasDoubleClickEvent(event)
    else:
        tool.canvasReleaseEvent(event)


def canvas_in_gauss_kruger(qgis_iface):
    """The canvas in CGCS2000 / 3-degree GK CM 117E (EPSG:4548), showing P1's first items."""
    canvas = qgis_iface.mapCanvas()  # small and never shown: clicks outside its pixels still map linearly
    crs = QgsCoordinateReferenceSystem("EPSG:4548")
    canvas.setDestinationCrs(crs)
    to_canvas = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4490"), crs, QgsProject.instance())
    canvas.setExtent(to_canvas.transformBoundingBox(QgsRectangle(117.0008, 30.0100, 117.0013, 30.0101)))
    return canvas, to_canvas


def test_drawn_polygon_exports_only_the_items_inside(dock, qgis_iface, tmp_path, monkeypatch):
    canvas, to_canvas = canvas_in_gauss_kruger(qgis_iface)
    previous = canvas.mapTool()
    folder = tmp_path / "外业包" / "绘制范围"
    monkeypatch.setattr(dock.field_actions, "choose_folder", lambda: str(folder))
    dock.export_drawn_action.trigger()
    tool = canvas.mapTool()
    assert isinstance(tool, PolygonMapTool)
    # around JCTB0000 (x 117.0005–117.0009) and JCTB0002 (117.0015–117.0019), not JCTB0004 (117.0025…)
    corners = [(117.0001, 30.0098), (117.0021, 30.0098), (117.0021, 30.0106), (117.0001, 30.0106)]
    for lon, lat in corners[:-1]:
        click(tool, canvas, to_canvas.transform(QgsPointXY(lon, lat)))
    click(tool, canvas, to_canvas.transform(QgsPointXY(*corners[-1])))
    click(tool, canvas, to_canvas.transform(QgsPointXY(*corners[-1])), kind=QEvent.Type.MouseButtonDblClick)
    click(tool, canvas, to_canvas.transform(QgsPointXY(*corners[-1])))  # Qt's release after the double click
    assert tool.points == []  # … starts no new polygon
    assert canvas.mapTool() is previous  # the polygon tool is taken off when the area is drawn
    polygon = dock.field_actions.last_polygon
    assert polygon.geom_type == "Polygon"
    pixel = canvas.mapUnitsPerPixel() / 90000  # metres per pixel in degrees, roughly
    assert pixel < 2e-5
    assert polygon.bounds == pytest.approx((117.0001, 30.0098, 117.0021, 30.0106), abs=2 * pixel)  # EPSG:4490
    wait_for(dock)
    exported = dock.field_actions.last_export
    assert exported is not None, dock.last_message
    assert exported.folder == folder and exported.project_path.exists()
    with WorkPackage.open(exported.package_path) as field:
        assert sorted(field.review_items()["item_id"]) == ["JCTB0000", "JCTB0002"]
        assert list(field.pilot_areas()["area_id"]) == ["P1"]
    assert "绘制" in exported.package_path.name or "drawn" in exported.package_path.name


def test_right_click_finishes_and_escape_cancels(qgis_iface):
    canvas, to_canvas = canvas_in_gauss_kruger(qgis_iface)
    tool = PolygonMapTool(canvas)
    drawn = []
    tool.polygonDrawn.connect(drawn.append)
    for lon, lat in ((117.0, 30.006), (117.004, 30.006), (117.004, 30.01)):
        click(tool, canvas, to_canvas.transform(QgsPointXY(lon, lat)))
    click(tool, canvas, to_canvas.transform(QgsPointXY(117.0, 30.01)), button=Qt.MouseButton.RightButton)
    assert len(drawn) == 1 and drawn[0].area() > 0 and tool.points == []
    assert tool.finish() is None  # nothing left to finish
    tool.remove_band()


def test_closing_the_dock_and_unload_remove_the_polygon_tool(dock, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    tool = dock.field_actions.start_drawing()
    assert canvas.mapTool() is tool
    dock.close()
    assert canvas.mapTool() is not tool
    dock.field_actions.start_drawing()
    dock.unload()
    assert not isinstance(canvas.mapTool(), PolygonMapTool) and dock.field_actions.tool is None


def test_export_of_the_chosen_pilot_area_with_a_reference_layer(dock, qgis_iface, tmp_path, monkeypatch):
    farmland = memory_layer(["POLYGON((117.11 30.01, 117.12 30.01, 117.12 30.02, 117.11 30.02, 117.11 30.01))",
                             "POLYGON((117.05 30.01, 117.06 30.01, 117.06 30.02, 117.05 30.02, 117.05 30.01))"],
                            "EPSG:4490", name="永久基本农田")
    monkeypatch.setattr(dock.field_actions, "choose_folder", lambda: str(tmp_path / "东山乡 外业"))
    monkeypatch.setattr(dock.field_actions, "reference_layers", lambda: [farmland])
    dock.area_combo.setCurrentIndex(dock.area_combo.findData("P2"))
    task = dock.field_actions.export_pilot_area()
    assert task in QgsApplication.taskManager().tasks() and dock.field_actions.busy
    wait_for(dock)
    exported = dock.field_actions.last_export
    assert exported is not None, dock.last_message
    assert exported.export.items == 4 and exported.export.events == 1
    assert exported.reference_counts == {"永久基本农田": 1}  # only the polygon inside P2
    assert exported.package_path.name.endswith("_P2.gpkg") and exported.project_path.exists()
    assert str(exported.folder) in dock.last_message
    dock.field_actions.last_export = None
    dock.field_actions.export_pilot_area()  # the same folder again: refused, the field copy is kept
    wait_for(dock)
    assert dock.field_actions.last_export is None and "already exists" in dock.last_message
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)


def test_import_through_the_dock_reports_the_counts(dock, package_path, tmp_path, monkeypatch):
    field_path = tmp_path / "外业包" / "城关镇.gpkg"
    field_path.parent.mkdir()
    with WorkPackage.open(package_path) as office:
        office.export_subset(field_path, ["P1", "P2"])
        office.record_verdict("JCTB0004", "legal", "张三", sub_type="approved_land")
    with WorkPackage.open(field_path) as field:
        field.record_verdict("JCTB0002", "illegal", "王五", sub_type="built_without_approval")
        field.record_verdict("JCTB0004", "illegal", "王五", sub_type="occupies_farmland")
    monkeypatch.setattr(dock.field_actions, "choose_field_package", lambda: str(field_path))
    dock.import_button.click()
    wait_for(dock)
    result = dock.field_actions.last_import
    assert result is not None, dock.last_message
    assert result.counts == {"accepted": 1, "duplicate": 1, "conflicting": 1, "rejected": 0}
    assert result.html_path.exists() and result.html_path.parent == package_path.parent
    assert "report" in dock.sync_panel.import_label.text() or "报告" in dock.sync_panel.import_label.text()
    assert result.html_path.name in dock.sync_panel.import_label.text()
    assert dock.model.frame.set_index("item_id").at["JCTB0002", "review_state"] == "illegal"
    dock.select_item("JCTB0004")
    assert len(dock.conflicting) == 2 and not dock.conflict_label.isHidden()


def test_receipts_view_shows_receipts_recorded_in_the_package(dock, package_path):
    event = dock.package.history("JCTB0001")["event_uuid"].iat[0]
    second = dock.package.record_verdict("JCTB0003", "illegal", "李四", sub_type="built_without_approval")
    with WorkPackage.open(package_path) as package:  # as the sync client does, on its own connection
        package.record_receipt(event, "accepted", server_time="2026-11-24T08:00:00Z")
        package.record_receipt(second, "rejected", reason="413 payload too large")
    dock.package_pushed(str(package_path))  # what the sync dialog's pushFinished triggers
    panel = dock.sync_panel
    assert "1" in panel.outbox_label.text()  # the rejected one stays in the outbox
    rows = {panel.table.item(r, 0).text(): [panel.table.item(r, c).text() for c in range(6)]
            for r in range(panel.table.rowCount())}
    assert set(rows) == {"JCTB0001", "JCTB0003"}
    assert rows["JCTB0001"][4] == "2026-11-24T08:00:00Z"
    assert rows["JCTB0003"][3] == "413 payload too large"
    panel.only_item.setChecked(True)
    dock.select_item("JCTB0003")
    assert panel.table.rowCount() == 1 and panel.table.item(0, 0).text() == "JCTB0003"
    assert dock.history.topLevelItem(0).text(5) in ("rejected", "已拒收")


def test_resolve_a_conflict_with_one_side(dock, package_path, tmp_path):
    field_path = tmp_path / "外业.gpkg"
    with WorkPackage.open(package_path) as office:
        office.export_subset(field_path, ["P1"])
        office_event = office.record_verdict("JCTB0002", "legal", "张三", sub_type="approved_land")
    with WorkPackage.open(field_path) as field:
        field_event = field.record_verdict("JCTB0002", "illegal", "王五", sub_type="occupies_farmland",
                                           note="现场占用耕地")
    dock.field_actions.start_import(str(field_path))
    wait_for(dock)
    dock.select_item("JCTB0002")
    assert dock.conflicting == {office_event, field_event}
    text = dock.conflict_label.text()
    assert "张三" in text and "王五" in text and "现场占用耕地" in text
    marked = [dock.history.topLevelItem(i) for i in range(dock.history.topLevelItemCount())]
    assert all(row.text(6) for row in marked)  # both sides marked
    assert not dock.resolve_button.isHidden() and not dock.resolve_button.isEnabled()
    dock.history.setCurrentItem(next(row for row in marked if row.data(0, Qt.ItemDataRole.UserRole) == field_event))
    assert dock.resolve_button.isEnabled()
    dock.form.reviewer.setText("科长")
    dock.resolve_button.click()
    resolved = dock.last_event
    events = dock.package.verdict_events([resolved])
    assert set(events["supersedes_all"].iat[0]) == {office_event, field_event}
    assert events["verdict"].iat[0] == "illegal" and events["sub_type"].iat[0] == "occupies_farmland"
    assert events["reviewer"].iat[0] == "科长" and "王五" in events["note"].iat[0]
    assert dock.package.conflicts().empty and dock.conflicting == set()
    assert dock.resolve_button.isHidden()
    assert dock.model.frame.set_index("item_id").at["JCTB0002", "review_state"] == "illegal"
