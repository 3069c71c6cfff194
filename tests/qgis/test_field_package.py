"""Field packages: export a pilot area, edit the field copy through QGIS as a field laptop would, import back."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone

import pytest
from qgis.core import QgsGeometry, QgsProject, QgsVectorLayer, QgsVectorLayerUtils

from planmonitor_plugin.core.workpackage import WorkPackage
from planmonitor_plugin.qgis_adapter.field_package import export_field_package, import_field_package
from tests.qgis.conftest import memory_layer
from tests.unit.workpackage_support import AREA_SHAPES, AREAS, TASK, items_frame, jpeg_with_exif


@pytest.fixture
def office(tmp_path):
    """The office work package: two pilot areas, 6 items, one verdict with a photo on JCTB0000 (P1)."""
    path = tmp_path / "县局" / "审查工作包.gpkg"
    with WorkPackage.create(path, TASK) as package:
        package.add_pilot_areas(AREAS, AREA_SHAPES)
        frame, shapes = items_frame(6)
        package.add_review_items(frame, shapes)
        event = package.record_verdict("JCTB0000", "legal", "张三", sub_type="approved_land")
        package.attach_photo("JCTB0000", jpeg_with_exif(lat=30.0102, lon=117.0008), "近景.jpg", event_uuid=event)
    return path


@pytest.fixture
def reference_layer():
    """Farmland polygons in a Gauss–Krüger zone (EPSG:4527): one inside P1, one across P1/P2, one far away."""
    wkts = ["POLYGON((117.01 30.01, 117.02 30.01, 117.02 30.02, 117.01 30.02, 117.01 30.01))",
            "POLYGON((117.09 30.05, 117.11 30.05, 117.11 30.06, 117.09 30.06, 117.09 30.05))",
            "POLYGON((118.5 31.5, 118.6 31.5, 118.6 31.6, 118.5 31.6, 118.5 31.5))"]
    layer = memory_layer([QgsGeometry.fromWkt(w) for w in wkts], "EPSG:4490", name="永久基本农田",
                         fields="&field=BSM:string(18)", attributes=[["A"], ["B"], ["C"]])
    return layer


@pytest.fixture(autouse=True)
def clear_project():
    yield
    QgsProject.instance().clear()


def field_layer(project_path, name: str) -> QgsVectorLayer:
    """A layer of the field project, opened as the field laptop opens it (the current project)."""
    project = QgsProject.instance()
    assert project.read(str(project_path))
    layers = project.mapLayersByName(name)
    assert len(layers) == 1, name
    return layers[0]


def add_field_verdict(layer: QgsVectorLayer, item_id: str, verdict: str, sub_type: str, note: str) -> str:
    """What the field form does: a new row with the project's default values, filled by hand."""
    fields = layer.fields()
    attributes = {fields.indexOf("item_id"): item_id, fields.indexOf("verdict"): verdict,
                  fields.indexOf("sub_type"): sub_type, fields.indexOf("note"): note}
    feature = QgsVectorLayerUtils.createFeature(layer, attributes=attributes, context=layer.createExpressionContext())
    assert layer.startEditing() and layer.addFeature(feature) and layer.commitChanges(), layer.commitErrors()
    return feature["event_uuid"]


def test_export_writes_subset_clipped_references_and_a_project_with_forms(office, reference_layer, tmp_path):
    folder = tmp_path / "外业包" / "城关镇试点"
    exported = export_field_package(office, folder, ["P1"], [reference_layer], reviewer="王五")
    assert exported.package_path.parent == folder and exported.project_path.exists()
    assert exported.export.items == 3 and exported.export.events == 1 and exported.export.photos == 1
    assert exported.reference_counts == {"永久基本农田": 2}
    clipped = QgsVectorLayer(f"{exported.reference_path}|layername=永久基本农田", "r", "ogr")
    crossing = next(f for f in clipped.getFeatures() if f["BSM"] == "B")
    assert crossing.geometry().boundingBox().xMaximum() == pytest.approx(117.1, abs=1e-9)  # cut at P1's edge
    events = field_layer(exported.project_path, "Verdicts (add a row per decision)")
    setup = events.editorWidgetSetup(events.fields().indexOf("verdict"))
    assert setup.type() == "ValueMap" and {"合法": "legal"} in setup.config()["map"]
    assert events.editorWidgetSetup(events.fields().indexOf("item_id")).type() == "ValueRelation"
    assert "uuid()" in events.defaultValueDefinition(events.fields().indexOf("event_uuid")).expression()
    items = field_layer(exported.project_path, "Review items")
    assert items.featureCount() == 3 and items.readOnly()


def test_round_trip_accepts_field_verdicts_and_reimport_is_harmless(office, tmp_path):
    exported = export_field_package(office, tmp_path / "外业包", ["P1"], reviewer="王五")
    events = field_layer(exported.project_path, "Verdicts (add a row per decision)")
    new_uuid = add_field_verdict(events, "JCTB0002", "illegal", "built_without_approval", "现场已建厂房")
    assert "{" not in new_uuid and len(new_uuid) == 36
    first = import_field_package(office, exported.folder)
    assert first.counts == {"accepted": 1, "duplicate": 2, "conflicting": 0, "rejected": 0}
    with WorkPackage.open(office) as package:
        history = package.history("JCTB0002")
        assert list(history["event_uuid"]) == [new_uuid] and history["reviewer"].iat[0] == "王五"
        stored = datetime.fromisoformat(history["created_utc"].iat[0].replace("Z", "+00:00"))
        assert abs(stored - datetime.now(timezone.utc)) < timedelta(minutes=5)  # really UTC
        total = len(package.verdict_events())
    assert first.csv_path.parent == office.parent and first.html_path.exists()
    with open(first.csv_path, encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["outcome"] for row in rows].count("accepted") == 1
    assert new_uuid in first.html_path.read_text(encoding="utf-8")
    again = import_field_package(office, exported.package_path)
    assert again.counts == {"accepted": 0, "duplicate": 3, "conflicting": 0, "rejected": 0}
    with WorkPackage.open(office) as package:
        assert len(package.verdict_events()) == total  # nothing duplicated


def test_different_verdicts_in_office_and_field_are_a_conflict(office, tmp_path):
    exported = export_field_package(office, tmp_path / "外业包", ["P1"])
    with WorkPackage.open(office) as package:
        office_event = package.record_verdict("JCTB0004", "legal", "张三", sub_type="approved_land")
    events = field_layer(exported.project_path, "Verdicts (add a row per decision)")
    field_event = add_field_verdict(events, "JCTB0004", "illegal", "occupies_farmland", "占用耕地")
    result = import_field_package(office, exported.package_path)
    assert result.counts["conflicting"] == 1
    conflict = result.report[result.report["outcome"] == "conflicting"].iloc[0]
    assert conflict["event_uuid"] == field_event and conflict["conflicts_with"] == office_event
    with WorkPackage.open(office) as package:
        assert list(package.conflicts()["item_id"]) == ["JCTB0004"]
        assert {office_event, field_event} <= set(package.history("JCTB0004")["event_uuid"])  # both kept


def test_importing_a_package_of_another_task_is_refused(office, tmp_path):
    other = tmp_path / "别的任务.gpkg"
    WorkPackage.create(other, {**TASK, "task_id": "T-OTHER"}).close()
    with pytest.raises(Exception, match="belongs to task"):
        import_field_package(office, other)


def test_algorithms_export_refuse_to_overwrite_and_import(provider, office, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    parameters = {"WORK_PACKAGE": str(office), "PILOT_AREAS": "P1", "OUTPUT_FOLDER": str(tmp_path / "外业 包")}
    exported = processing.run("planmonitor:exportfieldpackage", parameters)
    assert exported["ITEM_COUNT"] == 3 and exported["PROJECT"].endswith(".qgz")
    with pytest.raises(QgsProcessingException, match="already exists"):
        processing.run("planmonitor:exportfieldpackage", parameters)
    imported = processing.run("planmonitor:importfieldpackage", {"WORK_PACKAGE": str(office),
                                                                 "FIELD_PACKAGE": exported["PACKAGE"]})
    assert (imported["ACCEPTED"], imported["DUPLICATE"], imported["CONFLICTING"], imported["REJECTED"]) == (0, 2, 0, 0)
    assert imported["REPORT_HTML"].endswith(".html")


def test_export_of_a_drawn_polygon_keeps_the_items_and_references_inside_it(office, reference_layer, tmp_path):
    import shapely
    from shapely.geometry import box

    # an L: around JCTB0000 (117.0005…) and JCTB0002 (117.0015…), and a strip north of the items into farmland A
    polygon = shapely.union(box(117.0, 30.005, 117.0022, 30.02), box(117.0, 30.015, 117.015, 30.02))
    assert polygon.geom_type == "Polygon"
    exported = export_field_package(office, tmp_path / "绘制 范围", None, [reference_layer], polygon=polygon)
    with WorkPackage.open(exported.package_path) as field:
        assert sorted(field.review_items()["item_id"]) == ["JCTB0000", "JCTB0002"]
        assert list(field.pilot_areas()["area_id"]) == ["P1"]
        assert field.connection.execute("SELECT polygon_wkt FROM exports").fetchone()[0].startswith("POLYGON")
    assert exported.export.items == 2 and exported.export.photos == 1
    assert exported.reference_counts == {"永久基本农田": 1}
    clipped = QgsVectorLayer(f"{exported.reference_path}|layername=永久基本农田", "r", "ogr")
    bounds = next(clipped.getFeatures()).geometry().boundingBox()
    assert (bounds.xMinimum(), bounds.yMinimum(), bounds.xMaximum()) == pytest.approx((117.01, 30.015, 117.015))
    assert exported.project_path.exists()
