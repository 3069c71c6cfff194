"""planmonitor:buildworkpackage on the sample county's screened patches, in QGIS and through qgis_process."""

from __future__ import annotations

import processing
import pytest
from qgis.core import QgsFeature, QgsProcessingException, QgsVectorLayer

from planmonitor_plugin.core.workpackage import WorkPackage
from scripts.qgisprocess import prepare_profile, run_algorithm
from tests.qgis.test_screen_change_patches import screen
from tests.qgis.test_site_compliance import layer_uri
from tests.qgis.test_validate_data import county  # noqa: F401 (session fixture: the sample county)


@pytest.fixture(scope="module")
def screened(county, tmp_path_factory):  # noqa: F811
    """The screened patches of the sample county, written to a Chinese-named GeoPackage."""
    from qgis.core import QgsApplication

    from tests.qgis.conftest import register_provider

    if QgsApplication.processingRegistry().providerById("planmonitor") is None:
        register_provider()
    path = tmp_path_factory.mktemp("筛查") / "疑似违法图斑.gpkg"
    screen(county, OUTPUT_PATCHES=str(path))
    return path


def build(output, patches, county_path, **extra):
    return processing.run("planmonitor:buildworkpackage", {
        "PATCHES": str(patches), "TOWNSHIPS": layer_uri(county_path, "XZQ"), "TASK_ID": "T-2026-03",
        "TASK_NAME": "2026年第三批卫片图斑核查", "OUTPUT": str(output), **extra})


def indicator_table(code: str) -> QgsVectorLayer:
    layer = QgsVectorLayer("None?field=unit_code:string&field=unit_level:string&field=indicator_id:string"
                           "&field=name_zh:string&field=value:double&field=unit:string&field=target:double"
                           "&field=warning_level:string", "指标", "memory")
    rows = [[code, "township", "cultivated_land_area", "耕地保有量", 100.0, "公顷", 120.0, "red"],
            ["999999999999", "township", "cultivated_land_area", "耕地保有量", 1.0, "公顷", None, "green"]]
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(row)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_builds_one_pilot_area_per_township_with_every_patch(provider, county, screened, tmp_path):  # noqa: F811
    townships = QgsVectorLayer(layer_uri(county, "XZQ"), "xzq", "ogr")
    code = next(townships.getFeatures())["XZQDM"]
    output = tmp_path / "审查任务" / "工作包.gpkg"
    result = build(output, screened, county, INDICATORS=indicator_table(code))
    assert result["ITEM_COUNT"] == result["INSERTED"] == 80
    assert result["PILOT_AREA_COUNT"] == townships.featureCount() and result["INDICATOR_COUNT"] == 1
    with WorkPackage.open(output) as package:
        items = package.review_items()
        assert items["pilot_area_id"].notna().all()
        assert set(items["pilot_area_id"]) <= set(package.pilot_areas()["area_id"])
        suspected = items[[bool(r.get("suspected")) for r in items["check_results"]]]
        assert len(suspected) and all(suspected["rule_ids"].map(len) > 0)
        assert all(r["reasons_zh"] for r in suspected["check_results"])
        first = items.iloc[0]
        assert first["class_before"] and first["class_after"] and first["area_m2"] > 0
        assert isinstance(first["check_results"].get("JCSDQ", ""), str)  # dates as ISO text, not Qt objects
        assert list(package.indicator_snapshots(code)["value"]) == [100.0]
        assert package.info["task_name"] == "2026年第三批卫片图斑核查"


def test_rerun_keeps_verdicts_and_only_suspected_filters(provider, county, screened, tmp_path):  # noqa: F811
    output = tmp_path / "工作包.gpkg"
    build(output, screened, county)
    with WorkPackage.open(output) as package:
        item = package.review_items()["item_id"].iat[0]
        event = package.record_verdict(item, "legal", "张三", sub_type="approved_land")
    again = build(output, screened, county)
    assert again["INSERTED"] == 0 and again["UPDATED"] == 0
    with WorkPackage.open(output) as package:
        assert list(package.history(item)["event_uuid"]) == [event]
    only = build(tmp_path / "仅疑似.gpkg", screened, county, ONLY_SUSPECTED=True)
    queue = QgsVectorLayer(str(screened), "q", "ogr")
    assert only["ITEM_COUNT"] == sum(1 for f in queue.getFeatures() if f["suspected"]) < 80


def test_bad_input_gives_messages(provider, county, screened, tmp_path):  # noqa: F811
    with pytest.raises(QgsProcessingException, match="screened change patches, the checked construction sites"):
        processing.run("planmonitor:buildworkpackage", {"TASK_ID": "T", "TASK_NAME": "任务",
                                                        "OUTPUT": str(tmp_path / "a.gpkg")})
    with pytest.raises(QgsProcessingException, match="JCTBBH"):
        build(tmp_path / "b.gpkg", layer_uri(county, "XZQ"), county)
    build(tmp_path / "c.gpkg", screened, county)
    with pytest.raises(QgsProcessingException, match="T-2026-03"):
        build(tmp_path / "c.gpkg", screened, county, TASK_ID="T-OTHER")
    (tmp_path / "d.gpkg").write_text("not a package", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="d.gpkg"):
        build(tmp_path / "d.gpkg", screened, county)


def test_through_qgis_process_with_chinese_paths(county, screened, tmp_path):  # noqa: F811
    env = prepare_profile(tmp_path / "qgis")
    output = tmp_path / "县级审查" / "卫片工作包.gpkg"
    result = run_algorithm("planmonitor:buildworkpackage", {
        "PATCHES": str(screened), "TOWNSHIPS": layer_uri(county, "XZQ"), "TASK_ID": "T-1", "TASK_NAME": "第一批",
        "OUTPUT": str(output)}, env)["results"]
    assert result["ITEM_COUNT"] == 80 and output.exists()
    with WorkPackage.open(output) as package:
        assert package.progress() == (0, 80)
