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


# --- photos taken in the field (field_photos: attachment widget, relative paths) ----------------
PHOTOS_LAYER = "Field photos (add a row per photo)"


def add_field_photo(layer: QgsVectorLayer, item_id: str, path: str, event_uuid=None, note: str = "") -> str:
    """What the photo form does: a new row with the defaults, the item picked and the attachment's relative path."""
    fields = layer.fields()
    attributes = {fields.indexOf("item_id"): item_id, fields.indexOf("path"): path, fields.indexOf("note"): note}
    if event_uuid:
        attributes[fields.indexOf("event_uuid")] = event_uuid
    feature = QgsVectorLayerUtils.createFeature(layer, attributes=attributes, context=layer.createExpressionContext())
    assert layer.startEditing() and layer.addFeature(feature) and layer.commitChanges(), layer.commitErrors()
    return feature["photo_uuid"]


def test_export_has_an_editable_photo_table_with_an_attachment_widget(office, tmp_path):
    exported = export_field_package(office, tmp_path / "外业包" / "城关镇", ["P1"])
    assert exported.photo_folder == exported.folder / "照片" and exported.photo_folder.is_dir()
    photos = field_layer(exported.project_path, PHOTOS_LAYER)
    assert photos.isValid() and not photos.readOnly() and not photos.isSpatial()
    assert f"{exported.package_path.name}|layername=field_photos" in photos.source()
    fields = photos.fields()
    setup = photos.editorWidgetSetup(fields.indexOf("path"))
    assert setup.type() == "ExternalResource"
    assert setup.config()["RelativeStorage"] == 1 and setup.config()["DocumentViewer"] == 1
    assert "照片" in setup.config()["PropertyCollection"]["properties"]["propertyRootPath"]["expression"]
    assert photos.editorWidgetSetup(fields.indexOf("item_id")).type() == "ValueRelation"
    assert photos.editorWidgetSetup(fields.indexOf("event_uuid")).config()["AllowNull"] is True
    assert "uuid()" in photos.defaultValueDefinition(fields.indexOf("photo_uuid")).expression()
    assert "照片/" in photos.customProperty("QFieldSync/attachment_naming")
    relation = QgsProject.instance().relationManager().relation("planmonitor_item_field_photos")
    assert relation.isValid() and relation.referencingLayer() is photos
    assert QgsProject.instance().readListEntry("QFieldSync", "attachmentDirs")[0] == ["照片"]
    assert photos.featureCount() == 0


def test_field_photos_round_trip_with_sha256_exif_chinese_names_and_refusals(office, tmp_path):
    import hashlib

    exported = export_field_package(office, tmp_path / "外业包" / "城关镇试点", ["P1"], reviewer="王五")
    folder = exported.folder
    near = jpeg_with_exif(lat=30.0103, lon=117.0017, bearing=90.0, payload=b"near" * 100)
    far = jpeg_with_exif(lat=30.0104, lon=117.0018, payload=b"far" * 100)
    (folder / "照片" / "厂房 近景.jpg").write_bytes(near)
    (folder / "照片" / "第二天").mkdir()
    (folder / "照片" / "第二天" / "远景.JPG").write_bytes(far)
    (tmp_path / "外业包" / "外面.jpg").write_bytes(far)  # outside the field package folder
    events = field_layer(exported.project_path, "Verdicts (add a row per decision)")
    event = add_field_verdict(events, "JCTB0002", "illegal", "built_without_approval", "现场已建厂房")
    photos = QgsProject.instance().mapLayersByName(PHOTOS_LAYER)[0]
    near_uuid = add_field_photo(photos, "JCTB0002", "照片/厂房 近景.jpg", event, "东侧")
    far_uuid = add_field_photo(photos, "JCTB0004", "照片\\第二天\\远景.JPG")  # a Windows laptop's separators
    add_field_photo(photos, "JCTB0004", "../外面.jpg")
    add_field_photo(photos, "JCTB0004", "照片/不存在.jpg")
    add_field_photo(photos, "JCTB0004", str(folder / "照片" / "厂房 近景.jpg"))  # absolute
    add_field_photo(photos, "不存在的图斑", "照片/厂房 近景.jpg")
    assert "{" not in near_uuid and len(near_uuid) == 36

    first = import_field_package(office, exported.folder)
    rows = first.report[first.report["kind"] == "field_photo"]
    assert list(rows["outcome"]) == ["accepted", "accepted", "rejected", "rejected", "rejected", "rejected"]
    details = list(rows["detail"])
    assert "leaves the field package folder" in details[2] and "../外面.jpg" in details[2]
    assert "file not found" in details[3] and "照片/不存在.jpg" in details[3]
    assert "absolute path refused" in details[4]
    assert "unknown item 不存在的图斑" in details[5]
    assert first.counts == {"accepted": 3, "duplicate": 2, "conflicting": 0, "rejected": 4}
    with WorkPackage.open(office) as package:
        stored = package.photos().set_index("photo_uuid")
        assert {near_uuid, far_uuid} <= set(stored.index) and len(stored) == 3
        row = stored.loc[near_uuid]
        assert row["item_id"] == "JCTB0002" and row["event_uuid"] == event and row["file_name"] == "厂房 近景.jpg"
        assert row["sha256"] == hashlib.sha256(near).hexdigest() and row["exif_bearing"] == pytest.approx(90.0)
        assert (row["exif_lon"], row["exif_lat"]) == pytest.approx((117.0017, 30.0103), abs=1e-6)
        assert row["origin"].startswith("package:")
        assert stored.loc[far_uuid, "file_name"] == "远景.JPG"
        assert package.photo_data(far_uuid) == far
        assert {near_uuid, far_uuid} <= set(package.outbox()["uuid"])
        logged = package.import_log()
        assert (logged["kind"] == "field_photo").sum() == 6
    with open(first.csv_path, encoding="utf-8-sig") as handle:
        assert "../外面.jpg" in handle.read()
    assert "厂房 近景.jpg" in first.html_path.read_text(encoding="utf-8")

    again = import_field_package(office, exported.package_path)
    rows = again.report[again.report["kind"] == "field_photo"]
    assert list(rows["outcome"]) == ["duplicate", "duplicate", "rejected", "rejected", "rejected", "rejected"]
    with WorkPackage.open(office) as package:
        assert len(package.photos()) == 3  # nothing doubled


def test_a_field_photo_row_without_its_uuid_is_still_attached_once(office, tmp_path):
    """QField or a hand-made row may leave photo_uuid empty: the same bytes on the same item count as one photo."""
    exported = export_field_package(office, tmp_path / "外业包", ["P1"])
    (exported.photo_folder / "图片.jpg").write_bytes(jpeg_with_exif(payload=b"q" * 50))
    photos = field_layer(exported.project_path, PHOTOS_LAYER)
    fields = photos.fields()
    feature = QgsVectorLayerUtils.createFeature(photos, attributes={
        fields.indexOf("item_id"): "JCTB0000", fields.indexOf("path"): "照片/图片.jpg"})
    feature["photo_uuid"] = None
    assert photos.startEditing() and photos.addFeature(feature) and photos.commitChanges()
    assert import_field_package(office, exported.folder).counts["accepted"] == 1
    assert import_field_package(office, exported.folder).counts["accepted"] == 0
    with WorkPackage.open(office) as package:
        assert len(package.photos("JCTB0000")) == 2


def test_export_algorithm_takes_an_area_layer(provider, office, tmp_path):
    import processing
    import shapely
    from shapely.geometry import box

    polygon = shapely.union(box(117.0, 30.005, 117.0022, 30.02), box(117.0, 30.015, 117.015, 30.02))
    area = memory_layer([QgsGeometry.fromWkt(polygon.wkt)], "EPSG:4490", name="范围")
    result = processing.run("planmonitor:exportfieldpackage", {
        "WORK_PACKAGE": str(office), "AREA": area, "OUTPUT_FOLDER": str(tmp_path / "按范围")})
    assert result["ITEM_COUNT"] == 2 and result["PHOTO_COUNT"] == 1
    with WorkPackage.open(result["PACKAGE"]) as field:
        assert sorted(field.review_items()["item_id"]) == ["JCTB0000", "JCTB0002"]


def test_photo_paths_must_stay_inside_the_field_package_folder(tmp_path):
    from planmonitor_plugin.qgis_adapter.field_package import resolve_photo_path

    folder = tmp_path / "外业包"
    (folder / "照片").mkdir(parents=True)
    (folder / "照片" / "现场 1.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "外面.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "照片" / "链接.jpg").symlink_to(tmp_path / "外面.jpg")
    assert resolve_photo_path(folder, "照片/现场 1.jpg") == ((folder / "照片" / "现场 1.jpg").resolve(), "")
    assert resolve_photo_path(folder, "./照片\\现场 1.jpg")[0] is not None
    for value in ("/etc/passwd", "C:\\照片\\a.jpg", "c:照片/a.jpg", "\\\\server\\share\\a.jpg",
                  "file:///tmp/a.jpg"):
        assert "absolute path refused" in resolve_photo_path(folder, value)[1], value
    for value in ("../外面.jpg", "照片/../../外面.jpg", "照片/链接.jpg"):
        assert "leaves the field package folder" in resolve_photo_path(folder, value)[1], value
    assert "file not found" in resolve_photo_path(folder, "照片")[1]  # a folder is no photo
    assert resolve_photo_path(folder, None) == (None, "no photo file given")
