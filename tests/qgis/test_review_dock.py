"""The review panel with pytest-qgis's iface: model, filters, navigation, verdict form, photos, progress."""

from __future__ import annotations

import time

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QPoint, Qt, QUrl
from qgis.PyQt.QtGui import QColor, QDropEvent, QImage
from qgis.PyQt.QtWidgets import QWidget

from planmonitor_plugin.core.workpackage import WorkPackage
from planmonitor_plugin.gui.review_dock import ReviewDock
from planmonitor_plugin.gui.review_model import ReviewFilterProxy, ReviewItemsModel
from scripts.exif_jpeg import with_exif
from tests.unit.workpackage_support import AREA_SHAPES, AREAS, TASK, items_frame


def real_jpeg(lat: float = 30.0102, lon: float = 117.0008) -> bytes:
    """A real (decodable) JPEG with an EXIF GPS position."""
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#4a7f3c"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG")
    return with_exif(bytes(data), lat=lat, lon=lon, bearing=45.0)


@pytest.fixture
def package_path(tmp_path):
    path = tmp_path / "审查任务" / "工作包.gpkg"
    with WorkPackage.create(path, TASK) as package:
        package.add_pilot_areas(AREAS, AREA_SHAPES)
        frame, shapes = items_frame(8)
        frame.loc[0, "rule_ids"] = "site.urban_boundary"
        frame.loc[3, "XMMC"] = "东山物流园"
        frame["township_name"] = ["城关镇", "东山乡"] * 4
        package.add_review_items(frame, shapes)
        package.record_verdict("JCTB0001", "legal", "张三", sub_type="approved_land")
        package.add_indicator_snapshots(_indicators())
    return path


def _indicators():
    import pandas as pd

    return pd.DataFrame({"unit_code": ["P1", "P1", "P2"], "indicator_id": ["cultivated_land_area", "forest", "x"],
                         "name_zh": ["耕地保有量", "林地保有量", "其他"], "name_en": ["Cultivated land", "Forest", "X"],
                         "year": [2024, 2024, 2024], "value": [100.0, 50.0, 1.0], "unit": ["公顷"] * 3,
                         "target": [120.0, 40.0, None], "warning_level": ["red", "green", "no_target"],
                         "status": ["computed"] * 3})


@pytest.fixture
def dock(qgis_iface, package_path):
    widget = ReviewDock(qgis_iface)
    assert widget.open_package(str(package_path), background=False)
    yield widget
    widget.unload()
    widget.deleteLater()


def visible_ids(dock) -> list[str]:
    return [dock.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 2) for row in range(dock.proxy.rowCount())]


def test_opens_the_package_with_progress_and_areas(dock):
    assert dock.model.rowCount() == 8
    assert dock.update_progress() == (1, 8)
    assert dock.progress_bar.value() == 1 and dock.progress_bar.maximum() == 8
    assert [dock.area_combo.itemData(i) for i in range(dock.area_combo.count())] == [None, "P1", "P2"]
    dock.area_combo.setCurrentIndex(1)
    assert visible_ids(dock) == ["JCTB0000", "JCTB0002", "JCTB0004", "JCTB0006"]
    assert dock.update_progress() == (0, 4)
    assert dock.indicators.rowCount() == 2
    assert dock.indicators.item(0, 0).background().color() == QColor("#ef9a9a")  # red warning


def test_filters_and_search(dock):
    dock.state_filter.setCurrentIndex(dock.state_filter.findData("legal"))
    assert visible_ids(dock) == ["JCTB0001"]
    dock.state_filter.setCurrentIndex(dock.state_filter.findData("unreviewed"))
    assert len(visible_ids(dock)) == 7
    dock.state_filter.setCurrentIndex(0)
    dock.rule_filter.setCurrentIndex(dock.rule_filter.findData("site.urban_boundary"))
    assert visible_ids(dock) == ["JCTB0000"]
    dock.rule_filter.setCurrentIndex(0)
    dock.township_filter.setCurrentIndex(dock.township_filter.findData("东山乡"))
    assert visible_ids(dock) == ["JCTB0001", "JCTB0003", "JCTB0005", "JCTB0007"]
    dock.township_filter.setCurrentIndex(0)
    dock.search.setText("物流")
    assert visible_ids(dock) == ["JCTB0003"]
    dock.search.setText("jctb0006")
    assert visible_ids(dock) == ["JCTB0006"]


def test_next_and_previous_unreviewed_skip_reviewed_and_zoom(dock, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4527"))
    canvas.setExtent(QgsRectangle(0, 0, 1, 1))
    assert dock.go_unreviewed(1) == "JCTB0000"
    assert dock.go_unreviewed(1) == "JCTB0002"  # JCTB0001 has a verdict
    assert dock.go_unreviewed(-1) == "JCTB0000"
    assert dock.go_unreviewed(-1) == "JCTB0007"  # wraps round
    to_canvas = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4490"), canvas.mapSettings().destinationCrs(),
                                       QgsProject.instance())
    item = to_canvas.transformBoundingBox(QgsRectangle(*dock.model.frame["geometry"].iat[7].bounds))
    assert canvas.extent().contains(item) and canvas.extent().width() < 20 * item.width()
    assert "JCTB0007" in dock.details.toPlainText()


def test_verdict_form_enforces_required_fields_and_records_history(dock):
    dock.select_item("JCTB0002")
    form = dock.form
    assert form.verdict.currentData() is None  # no verdict preselected
    assert dock.save_verdict() is None and "verdict" in form.missing()
    form.verdict.setCurrentIndex(form.verdict.findData("other"))
    form.reviewer.setText("")
    assert dock.save_verdict() is None
    assert form.message.text() and form.message.isVisibleTo(dock) is not None
    assert set(form.missing()) == {"reviewer", "note", "sub_type"}
    assert form.labels["note"].text().endswith("*")
    form.reviewer.setText("李四")
    form.sub_type.setCurrentIndex(form.sub_type.findData("rural_road"))
    form.note.setPlainText("村道硬化")
    event = dock.save_verdict()
    assert event
    with WorkPackage.open(dock.package.path) as package:
        history = package.history("JCTB0002")
    assert list(history["event_uuid"]) == [event] and history["note"].iat[0] == "村道硬化"
    assert dock.history.topLevelItemCount() == 1 and dock.history.topLevelItem(0).text(1) == "李四"
    assert dock.update_progress() == (2, 8)
    assert form.verdict.currentData() is None  # after recording, the form starts over
    form.verdict.setCurrentIndex(form.verdict.findData("illegal"))
    form.sub_type.setCurrentIndex(form.sub_type.findData("built_without_approval"))
    second = dock.save_verdict()
    assert second and dock.history.topLevelItemCount() == 2  # nothing overwritten
    assert dock.model.frame.set_index("item_id").at["JCTB0002", "review_state"] == "illegal"


def test_photo_attach_by_path_and_drop_shows_thumbnails_and_exif(dock, tmp_path):
    dock.select_item("JCTB0001")
    first = tmp_path / "现场照片" / "近景.jpg"
    first.parent.mkdir()
    first.write_bytes(real_jpeg())
    assert len(dock.attach_photos([first])) == 1
    assert dock.photos.count() == 1
    assert not dock.photos.item(0).icon().isNull()
    assert "30.01020" in dock.photos.item(0).text() and "117.00080" in dock.photos.item(0).text()
    second = tmp_path / "现场照片" / "远景.jpg"
    second.write_bytes(real_jpeg(lat=30.0103))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second))])
    drop = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    dock.dropEvent(drop)
    assert dock.photos.count() == 2
    photos = dock.package.photos("JCTB0001")
    assert list(photos["file_name"]) == ["近景.jpg", "远景.jpg"]
    assert photos["event_uuid"].notna().all()  # attached to the item's current verdict


def test_ten_thousand_items_load_fast_without_row_widgets(qgis_iface, tmp_path):
    path = tmp_path / "大包.gpkg"
    with WorkPackage.create(path, TASK) as package:
        package.add_pilot_areas(AREAS, AREA_SHAPES)
        frame, shapes = items_frame(10_000)
        package.add_review_items(frame, shapes)
    dock = ReviewDock(qgis_iface)
    started = time.perf_counter()
    assert dock.open_package(str(path), background=False)
    loaded = time.perf_counter() - started
    assert dock.proxy.rowCount() == 10_000
    started = time.perf_counter()
    dock.search.setText("JCTB09")
    filtered = time.perf_counter() - started
    assert dock.proxy.rowCount() == 100  # JCTB0900 … JCTB0999
    assert dock.table.findChildren(QWidget, options=Qt.FindChildOption.FindChildrenRecursively).__len__() < 50
    assert dock.table.indexWidget(dock.proxy.index(0, 0)) is None
    assert loaded < 10 and filtered < 1, (loaded, filtered)
    dock.unload()


def test_model_and_proxy_alone():
    import pandas as pd

    model = ReviewItemsModel()
    items = pd.DataFrame({"item_id": ["A", "B"], "kind": ["site", "change_patch"], "JCTBBH": [None, "B"],
                          "XMMC": ["某项目", None], "township_name": ["城关镇", None], "status": ["compliant", None],
                          "rule_ids": [[], ["site.planned_use"]], "area_mu": [1.5, None], "pilot_area_id": ["P1", None],
                          "geometry": [None, None]})
    model.set_items(items, pd.DataFrame(columns=["item_id", "verdict"]), {})
    proxy = ReviewFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(rule="site.planned_use")
    assert proxy.rowCount() == 1
    proxy.sort(model.COLUMNS.index("area_mu"), Qt.SortOrder.DescendingOrder)
    proxy.set_filters()
    assert proxy.index(0, 0).data() == "A"


def test_plugin_action_creates_the_dock_lazily_and_unload_removes_it(qgis_iface, without_provider):
    import planmonitor_plugin

    plugin = planmonitor_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.review_dock is None  # nothing built before the user asks for it
    plugin.review_action.trigger()
    dock = plugin.review_dock
    assert isinstance(dock, ReviewDock) and plugin.review_action.isChecked()
    plugin.review_action.trigger()
    assert not dock.isVisible()
    plugin.unload()
    assert plugin.review_dock is None and plugin.review_action is None and plugin.actions == []


def test_background_load_runs_as_a_task(dock, qgis_iface, package_path):
    from qgis.core import QgsApplication
    from qgis.PyQt.QtWidgets import QApplication

    assert dock.open_package(str(package_path))  # background=True: a QgsTask reads the package
    task = dock.task
    assert task is not None and task in QgsApplication.taskManager().tasks()
    deadline = time.time() + 20
    while dock.task is not None and time.time() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert dock.task is None and dock.model.rowCount() == 8


def test_conflict_from_a_field_package_is_shown_and_resolved_by_the_next_verdict(qgis_iface, package_path, tmp_path):
    with WorkPackage.open(package_path) as office:
        office.export_subset(tmp_path / "外业.gpkg", ["P1"])
        office.record_verdict("JCTB0002", "legal", "张三", sub_type="approved_land")
    with WorkPackage.open(tmp_path / "外业.gpkg") as field:
        field.record_verdict("JCTB0002", "illegal", "王五", sub_type="occupies_farmland")
    with WorkPackage.open(package_path) as office:
        assert list(office.import_package(tmp_path / "外业.gpkg")["outcome"]).count("conflicting") == 1
    dock = ReviewDock(qgis_iface)
    dock.open_package(str(package_path), background=False)
    dock.state_filter.setCurrentIndex(dock.state_filter.findData("conflict"))
    assert visible_ids(dock) == ["JCTB0002"]
    dock.select_item("JCTB0002")
    assert dock.history.topLevelItemCount() == 2 and "2 open verdicts: conflict" in dock.current_label.text()
    form = dock.form
    form.verdict.setCurrentIndex(form.verdict.findData("illegal"))
    form.sub_type.setCurrentIndex(form.sub_type.findData("occupies_farmland"))
    form.reviewer.setText("科长")
    assert dock.save_verdict()
    assert dock.package.conflicts().empty and visible_ids(dock) == []
    assert dock.history.topLevelItemCount() == 3
    dock.unload()
