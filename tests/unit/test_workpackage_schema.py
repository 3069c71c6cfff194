"""Work package: GeoPackage structure, items and areas, metadata, schema versions and migrations."""

from __future__ import annotations

import json
import sqlite3
import struct

import pandas as pd
import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon, box

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.workpackage import PackageVersionError, WorkPackage, gpkg, schema
from tests.unit.workpackage_support import AREA_SHAPES, TASK, items_frame, sample_package

TABLES = ["package_info", "pilot_areas", "review_items", "verdict_events", "verdict_supersedes", "photos",
          "indicator_snapshots", "sync_outbox", "sync_receipts", "exports", "export_base", "import_log"]


@pytest.fixture
def package(tmp_path):
    with sample_package(tmp_path / "审查任务" / "试点区-一.gpkg") as package:
        yield package


def raw(package: WorkPackage) -> sqlite3.Connection:
    return sqlite3.connect(package.path)


def test_package_is_a_geopackage_with_chinese_path(package):
    assert package.path.name == "试点区-一.gpkg" and package.path.parent.name == "审查任务"
    connection = raw(package)
    assert connection.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 10300
    srs = dict(connection.execute("SELECT srs_id, definition FROM gpkg_spatial_ref_sys").fetchall())
    assert {-1, 0, 4326, 4490} <= set(srs) and srs[-1] == srs[0] == "undefined"
    assert 'SPHEROID["CGCS2000",6378137,298.257222101' in srs[4490] and 'AUTHORITY["EPSG","4490"]' in srs[4490]
    contents = dict(connection.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall())
    assert sorted(contents) == sorted(TABLES)
    assert {name for name, kind in contents.items() if kind == "features"} == {"pilot_areas", "review_items", "photos"}
    columns = connection.execute("SELECT table_name, column_name, geometry_type_name, srs_id, z, m "
                                 "FROM gpkg_geometry_columns ORDER BY table_name").fetchall()
    assert columns == [("photos", "geom", "POINT", 4490, 0, 0), ("pilot_areas", "geom", "MULTIPOLYGON", 4490, 0, 0),
                       ("review_items", "geom", "MULTIPOLYGON", 4490, 0, 0)]
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_geometry_blobs_follow_the_geopackage_binary_format(package):
    blob = raw(package).execute("SELECT geom FROM review_items WHERE item_id = 'JCTB0000'").fetchone()[0]
    magic, version, flags, srs_id = struct.unpack("<2sBBi", blob[:8])
    assert (magic, version, srs_id) == (b"GP", 0, 4490)
    assert flags & 1 == 1 and (flags >> 1) & 0b111 == 1 and not flags & 0b10000  # little endian, xy envelope
    min_x, max_x, min_y, max_y = struct.unpack("<4d", blob[8:40])
    geometry = shapely.from_wkb(blob[40:])  # the rest is standard WKB
    assert geometry.geom_type == "MultiPolygon"
    assert (min_x, min_y, max_x, max_y) == pytest.approx(geometry.bounds)
    assert (min_x, min_y, max_x, max_y) == pytest.approx((117.0005, 30.01, 117.0009, 30.0104))
    extent = raw(package).execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents "
                                  "WHERE table_name = 'review_items'").fetchone()
    assert extent == pytest.approx((117.0005, 30.01, 117.1029, 30.0104))


def test_empty_and_missing_geometries():
    empty = gpkg.encode_geometry(MultiPolygon())
    assert empty[3] & 0b10000 and (empty[3] >> 1) & 0b111 == 0 and gpkg.decode_geometry(empty).is_empty
    assert gpkg.encode_geometry(None) is None and gpkg.decode_geometry(None) is None
    with pytest.raises(ValueError):
        gpkg.decode_geometry(b"XX\x00\x01\x00\x00\x00\x00")


def test_geometries_round_trip_and_polygons_become_multipolygons(package):
    areas = package.pilot_areas()
    assert list(areas["area_id"]) == ["P1", "P2"] and list(areas["township_name"]) == ["城关镇", "东山乡"]
    for stored, original in zip(areas["geometry"], AREA_SHAPES):
        assert isinstance(stored, MultiPolygon) and stored.equals(original)
    with_hole = Polygon(box(117.0, 30.0, 117.01, 30.01).exterior.coords, [box(117.004, 30.004, 117.006, 30.006)
                                                                          .exterior.coords])
    package.add_review_items(pd.DataFrame({"item_id": ["H"], "kind": ["site"], "XMMC": ["某某产业园项目"]}),
                             [with_hole])
    stored = package.review_items().set_index("item_id").loc["H"]
    assert stored["geometry"].equals(MultiPolygon([with_hole])) and stored["XMMC"] == "某某产业园项目"
    assert stored["area_m2"] == pytest.approx(1.0691e6 * 0.96, rel=2e-3)  # ellipsoidal, hole subtracted
    assert stored["area_mu"] == pytest.approx(stored["area_m2"] * 3 / 2000)


def test_items_get_the_pilot_area_holding_them_and_their_columns(package):
    items = package.review_items()
    assert len(items) == 6 and list(items["pilot_area_id"]) == ["P1", "P2"] * 3
    first = items.iloc[0]
    assert first["rule_ids"] == ["site.farmland", "site.redline"] and first["class_after"] == "0702"
    assert first["source_fid"] == 1 and first["kind"] == "change_patch" and first["check_results"] == {}
    assert package.progress("P1") == (0, 3) and package.progress() == (0, 6)


def test_adding_items_again_is_idempotent_and_extra_columns_are_kept(package):
    frame, shapes = items_frame(6)
    assert package.add_review_items(frame, shapes) == {"inserted": 0, "updated": 0, "unchanged": 6}
    changed = frame.assign(status=["suspected"] * 5 + ["cleared"], redline_m2=[0.0] * 5 + [12.5],
                           reasons_zh=[None] * 5 + ["占用生态保护红线"])
    assert package.add_review_items(changed, shapes) == {"inserted": 0, "updated": 6, "unchanged": 0}
    items = package.review_items().set_index("item_id")
    assert len(items) == 6 and items.loc["JCTB0005", "status"] == "cleared"
    assert items.loc["JCTB0005", "check_results"] == {"redline_m2": 12.5, "reasons_zh": "占用生态保护红线"}
    assert items.loc["JCTB0000", "check_results"] == {"redline_m2": 0.0, "reasons_zh": None}


@pytest.mark.parametrize(("frame", "shapes", "message"), [
    (pd.DataFrame({"item_id": ["A", "A"], "kind": "site"}), [box(117, 30, 117.1, 30.1)] * 2, "duplicate item_id"),
    (pd.DataFrame({"item_id": ["A"], "kind": "parcel"}), [box(117, 30, 117.1, 30.1)], "unknown kind"),
    (pd.DataFrame({"item_id": [""], "kind": "site"}), [box(117, 30, 117.1, 30.1)], "empty item_id"),
    (pd.DataFrame({"kind": ["site"]}), [box(117, 30, 117.1, 30.1)], "missing column"),
    (pd.DataFrame({"item_id": ["A"], "kind": "site"}), [box(39_500_000, 3_300_000, 39_500_100, 3_300_100)],
     "longitude/latitude"),
    (pd.DataFrame({"item_id": ["A"], "kind": "site"}), [shapely.Point(117, 30)], "polygon is needed"),
    (pd.DataFrame({"item_id": ["A", "B"], "kind": "site"}), [box(117, 30, 117.1, 30.1)], "2 rows"),
])
def test_bad_items_are_refused_and_nothing_is_written(package, frame, shapes, message):
    with pytest.raises(InputError, match=message):
        package.add_review_items(frame, shapes)
    assert len(package.review_items()) == 6


def test_metadata_and_create_rules(tmp_path, package):
    info = package.info
    assert {key: info[key] for key in TASK} == TASK
    assert info["schema_version"] == "1" and len(info["package_id"]) == 36 and info["created_utc"].endswith("Z")
    with pytest.raises(InputError, match="file exists"):
        WorkPackage.create(package.path, TASK)
    with pytest.raises(InputError, match="task_name"):
        WorkPackage.create(tmp_path / "x.gpkg", {"task_id": "T"})
    assert not (tmp_path / "x.gpkg").exists() and list(tmp_path.glob(".*partial")) == []


def test_open_refuses_what_is_not_a_work_package(tmp_path):
    with pytest.raises(InputError, match="no such work package"):
        WorkPackage.open(tmp_path / "缺失.gpkg")
    sqlite3.connect(tmp_path / "plain.gpkg").execute("CREATE TABLE t (x)")
    with pytest.raises(InputError, match="not a PlanMonitor work package"):
        WorkPackage.open(tmp_path / "plain.gpkg")
    (tmp_path / "garbage.gpkg").write_bytes(b"\x00garbage" * 200)
    with pytest.raises(InputError, match="not a GeoPackage"):
        WorkPackage.open(tmp_path / "garbage.gpkg")


def _add_reviewed_flag(connection: sqlite3.Connection) -> None:
    connection.execute("ALTER TABLE review_items ADD COLUMN reviewed_flag INTEGER")
    connection.execute("UPDATE review_items SET reviewed_flag = 0")


def test_opening_an_older_package_migrates_it(tmp_path, monkeypatch):
    path = tmp_path / "旧版本.gpkg"
    sample_package(path).close()
    monkeypatch.setattr(schema, "MIGRATIONS", [_add_reviewed_flag])
    with WorkPackage.open(path) as package:
        assert package.schema_version == 2
        flagged = package.connection.execute("SELECT COUNT(*) FROM review_items WHERE reviewed_flag = 0")
        assert flagged.fetchone() == (6,)
    with WorkPackage.open(path) as package:  # already migrated: nothing runs twice
        assert package.schema_version == 2


def test_a_failing_migration_leaves_the_package_untouched(tmp_path, monkeypatch):
    path = tmp_path / "旧版本.gpkg"
    sample_package(path).close()

    def half_then_fail(connection):
        _add_reviewed_flag(connection)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(schema, "MIGRATIONS", [half_then_fail])
    with pytest.raises(RuntimeError, match="disk on fire"):
        WorkPackage.open(path)
    monkeypatch.setattr(schema, "MIGRATIONS", [])
    with WorkPackage.open(path) as package:
        columns = [row[1] for row in package.connection.execute("PRAGMA table_info(review_items)")]
        assert package.schema_version == 1 and "reviewed_flag" not in columns


def test_a_newer_package_is_refused_with_a_clear_error(tmp_path):
    path = tmp_path / "新版本.gpkg"
    sample_package(path).close()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE package_info SET value = '7' WHERE key = 'schema_version'")
    connection.close()
    with pytest.raises(PackageVersionError, match="schema version 7 is newer than this PlanMonitor supports") as error:
        WorkPackage.open(path)
    assert error.value.details == {"found": 7, "supported": 1, "file": "新版本.gpkg"}
    assert error.value.code == "workpackage_too_new"


def test_indicator_snapshots_from_the_long_table(package):
    results = pd.DataFrame({
        "unit_code": ["P1", "P1", "P2"], "unit_name": ["试点区一"] * 2 + ["试点区二"], "unit_level": "pilot",
        "indicator_id": ["farmland_area", "built_up_ratio", "farmland_area"],
        "name_zh": ["耕地保有量", "建设用地占比", "耕地保有量"],
        "name_en": ["Cultivated land", "Built-up ratio", "Cultivated land"], "year": [2025, 2025, 2025],
        "value": [1234.5, float("nan"), 99.0], "value_exact": [1234.51, float("nan"), 99.02],
        "unit": ["公顷", "%", "公顷"],
        "status": ["computed", "not_computed", "computed"], "reason": [None, "needs population", None],
        "target": [1200.0, None, 120.0], "deviation": [34.5, None, -21.0], "warning_level": ["yellow", None, "red"]})
    assert package.add_indicator_snapshots(results) == 3
    assert package.add_indicator_snapshots(results.assign(value=[1300.0, float("nan"), 98.0]).rename(
        columns={"unit_code": "pilot_area_id"})) == 3
    latest = package.indicator_snapshots("P1")
    assert list(latest["indicator_id"]) == ["farmland_area", "built_up_ratio"]
    assert latest["value"].iloc[0] == 1300.0 and pd.isna(latest["value"].iloc[1])
    assert latest["catalog_version"].iloc[0] == "1.0" and latest["warning_level"].iloc[0] == "yellow"
    assert latest["extra"].iloc[0] == '{"unit_level": "pilot", "value_exact": 1234.51}'
    assert len(package.indicator_snapshots(latest=False)) == 6
    with pytest.raises(InputError, match="missing column"):
        package.add_indicator_snapshots(pd.DataFrame({"unit_code": ["P1"], "value": [1.0]}))


SNAPSHOT_TABLE_COLUMNS = [  # core.indicators.snapshot.SNAPSHOT_COLUMNS, the computeindicators long table
    "unit_code", "unit_name", "unit_level", "indicator_id", "name_zh", "name_en", "dimension", "component", "year",
    "value", "value_exact", "unit", "status", "reason", "direction", "target", "target_year", "deviation",
    "deviation_pct", "warning_level", "base_year", "change", "change_pct", "trend", "assessment", "catalog_version",
    "thresholds", "computed_at"]


def test_indicator_snapshot_table_of_computeindicators(package):
    row = ["P1", "试点区一", "township", "cultivated_land_area", "耕地保有量", "Cultivated land", "安全", False, 2025,
           1234.5, 1234.512, "公顷", "computed", "", "at_least", 1200.0, 2035, 34.5, 2.875, "yellow", 2024, -3.5, -0.28,
           "down", "worsening", "2024.1", "warning_thresholds.json", "2026-11-24T14:46:12+08:00"]
    assert package.add_indicator_snapshots(pd.DataFrame([row], columns=SNAPSHOT_TABLE_COLUMNS)) == 1
    stored = package.indicator_snapshots("P1").iloc[0]
    assert (stored["value"], stored["target"], stored["deviation"], stored["warning_level"]) == (
        1234.5, 1200.0, 34.5, "yellow")
    assert stored["computed_at"] == "2026-11-24T06:46:12.000Z" and stored["catalog_version"] == "2024.1"
    extra = json.loads(stored["extra"])
    assert extra["trend"] == "down" and extra["dimension"] == "安全" and extra["component"] is False
    assert set(extra) == set(SNAPSHOT_TABLE_COLUMNS) - {
        "unit_code", "unit_name", "indicator_id", "name_zh", "name_en", "year", "value", "unit", "status", "reason",
        "target", "deviation", "warning_level", "catalog_version", "computed_at"}
