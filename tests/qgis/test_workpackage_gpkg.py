"""A work package written with sqlite3 alone is a real GeoPackage: QGIS (OGR) opens every layer."""

from __future__ import annotations

import pandas as pd
import pytest
import shapely
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
from shapely.geometry import MultiPolygon, Polygon, box

from planmonitor_plugin.core.workpackage import WorkPackage
from tests.unit.workpackage_support import AREA_SHAPES, AREAS, TASK, jpeg_with_exif

ITEM_SHAPES = [box(117.01, 30.01, 117.02, 30.02),
               Polygon(box(117.11, 30.01, 117.13, 30.03).exterior.coords, [box(117.115, 30.015, 117.12, 30.02)
                                                                           .exterior.coords]),
               MultiPolygon([box(117.05, 30.05, 117.06, 30.06), box(117.07, 30.05, 117.08, 30.06)])]


@pytest.fixture
def package_path(tmp_path):
    path = tmp_path / "审查任务" / "试点区-一.gpkg"
    with WorkPackage.create(path, TASK) as package:
        package.add_pilot_areas(AREAS, AREA_SHAPES)
        items = pd.DataFrame({"item_id": ["JCTB-1", "JCTB-2", "XM-1"], "kind": ["change_patch", "change_patch", "site"],
                              "JCTBBH": ["JCTB-1", "JCTB-2", None], "XMMC": [None, None, "某某物流园"]})
        package.add_review_items(items, ITEM_SHAPES)
        event = package.record_verdict("JCTB-1", "other", "张三", sub_type="rural_road", note="村道")
        package.attach_photo("JCTB-1", jpeg_with_exif(lat=30.015, lon=117.015), "近景照片.jpg", event_uuid=event)
    return path


def layer(path, name: str) -> QgsVectorLayer:
    loaded = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert loaded.isValid(), name
    return loaded


def test_qgis_opens_every_layer_with_its_crs_and_counts(qgis_app, package_path):
    expected = {"pilot_areas": 2, "review_items": 3, "photos": 1, "verdict_events": 1, "package_info": 11,
                "verdict_supersedes": 0, "sync_outbox": 2, "sync_receipts": 0, "indicator_snapshots": 0,
                "exports": 0, "export_base": 0, "import_log": 0}
    for name, count in expected.items():
        loaded = layer(package_path, name)
        assert loaded.featureCount() == count, name
        if name in ("pilot_areas", "review_items", "photos"):
            assert loaded.crs().authid() == "EPSG:4490" and loaded.isSpatial(), name
        else:
            assert not loaded.isSpatial(), name


def test_geometries_and_chinese_text_round_trip_through_qgis(qgis_app, package_path):
    items = {feature["item_id"]: feature for feature in layer(package_path, "review_items").getFeatures()}
    for item_id, shape in zip(["JCTB-1", "JCTB-2", "XM-1"], ITEM_SHAPES):
        expected = QgsGeometry.fromWkt(shapely.to_wkt(MultiPolygon([shape]) if isinstance(shape, Polygon) else shape))
        assert items[item_id].geometry().isGeosEqual(expected), item_id
    assert items["XM-1"]["XMMC"] == "某某物流园" and items["JCTB-2"]["pilot_area_id"] == "P2"
    areas = {feature["area_id"]: feature for feature in layer(package_path, "pilot_areas").getFeatures()}
    assert areas["P1"]["township_name"] == "城关镇"
    assert areas["P1"].geometry().isGeosEqual(QgsGeometry.fromWkt(shapely.to_wkt(MultiPolygon([AREA_SHAPES[0]]))))
    photo = next(layer(package_path, "photos").getFeatures())
    assert photo["file_name"] == "近景照片.jpg" and bytes(photo["data"]) == jpeg_with_exif(lat=30.015, lon=117.015)
    point = photo.geometry().asPoint()
    assert (point.x(), point.y()) == pytest.approx((117.015, 30.015), abs=1e-6)
    event = next(layer(package_path, "verdict_events").getFeatures())
    assert (event["verdict"], event["reviewer"], event["note"]) == ("other", "张三", "村道")


def test_qgis_can_append_a_verdict_but_not_overwrite_one(qgis_app, package_path):
    events = layer(package_path, "verdict_events")
    existing = next(events.getFeatures())
    note = events.fields().indexOf("note")
    assert not events.dataProvider().changeAttributeValues({existing.id(): {note: "改写"}})
    assert not events.dataProvider().deleteFeatures([existing.id()])
    added = QgsFeature(events.fields())
    values = {"event_uuid": "form-0001", "item_id": "JCTB-1", "verdict": "legal", "reviewer": "李四",
              "created_utc": "2099-01-01T00:00:00.000Z", "supersedes": existing["event_uuid"]}
    for name, value in values.items():
        added[name] = value
    assert events.dataProvider().addFeatures([added])
    del events
    with WorkPackage.open(package_path) as package:
        history = package.history("JCTB-1")
        assert history["note"].tolist() == ["村道", None]  # the old verdict is unchanged
        current = package.current_verdicts().set_index("item_id").loc["JCTB-1"]
        assert current["event_uuid"] == "form-0001" and current["open_events"] == 1  # linked by the trigger
        assert "form-0001" in set(package.outbox()["uuid"])  # queued for the server by the trigger
