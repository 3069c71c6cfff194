"""planmonitor:validatedata on the sample county: clean gives nothing, every planted defect is found."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import processing
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer, QgsWkbTypes

from scripts.qgisprocess import prepare_profile, run_algorithm

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def county(tmp_path_factory) -> Path:
    """The 2 000-parcel sample county, clean and with planted defects (written by the real generator)."""
    folder = tmp_path_factory.mktemp("样例 数据")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_sample_data.py"), "--out", str(folder),
                    "--parcels", "2000", "--variant", "both"], check=True, capture_output=True)
    return folder


def validate(provider, tmp_path, **parameters):
    report = tmp_path / "报告.html"
    result = processing.run("planmonitor:validatedata", {
        "OUTPUT_ERRORS": "memory:", "OUTPUT_POINTS": "memory:", "OUTPUT_SUMMARY": "memory:",
        "OUTPUT_REPORT": str(report), **parameters})
    return result, report


def findings(result) -> list[dict]:
    rows = []
    for name in ("OUTPUT_ERRORS", "OUTPUT_POINTS"):
        for feature in result[name].getFeatures():
            row = dict(zip(feature.fields().names(), feature.attributes()))
            row["geometry"] = feature.geometry()
            rows.append(row)
    return rows


def test_clean_county_has_no_findings(provider, county, tmp_path):
    result, report = validate(provider, tmp_path, DATASET=str(county / "样例县.gpkg"))
    assert (result["ERROR_COUNT"], result["WARNING_COUNT"]) == (0, 0)
    assert result["LAYER_COUNT"] == 9
    assert "No problems found" in report.read_text(encoding="utf-8")


def test_every_planted_defect_is_found(provider, county, tmp_path):
    manifest = json.loads((county / "defects_manifest.json").read_text(encoding="utf-8"))["defects"]
    dataset = county / "样例县_缺陷.gpkg"
    result, report = validate(provider, tmp_path, DATASET=str(dataset))
    rows = findings(result)
    missed = [d["id"] for d in manifest if not any(_matches(d, row, dataset) for row in rows)]
    assert missed == []
    assert result["ERROR_COUNT"] >= len(manifest) - 1  # D07 (wrong type of an optional field) is a warning
    page = report.read_text(encoding="utf-8")
    assert "topology.overlap" in page and "371525210000001649" in page


def _matches(defect: dict, row: dict, dataset: Path) -> bool:
    if row["rule_id"] != defect["rule"] or row["layer"] != defect["layer"]:
        return False
    if defect["rule"] == "topology.gap":  # a gap is no feature: it lies around the shrunk parcel
        parcel = QgsVectorLayer(f"{dataset}|layername={defect['layer']}", "p", "ogr")
        parcel.setSubsetString(f"BSM = '{defect['key']}'")
        shrunk = next(parcel.getFeatures()).geometry()
        return row["geometry"].buffer(0.5, 4).intersects(shrunk)
    if defect.get("key") is None:
        return True
    return defect["key"] in (row["feature_key"], row["other_key"])


def test_error_geometries_are_real_not_centroids(provider, county, tmp_path):
    result, _ = validate(provider, tmp_path, DATASET=str(county / "样例县_缺陷.gpkg"))
    rows = findings(result)
    overlaps = [r for r in rows if r["rule_id"] == "topology.overlap"]
    assert overlaps and all(r["geometry"].type() == QgsWkbTypes.GeometryType.PolygonGeometry for r in overlaps)
    assert all(r["value"] > 1.0 and r["geometry"].area() > 0 for r in overlaps)  # value = overlap area, m²
    invalid = [r for r in rows if r["rule_id"] == "geometry.invalid"]
    assert invalid and invalid[0]["geometry"].type() == QgsWkbTypes.GeometryType.PointGeometry
    conflicts = [r for r in rows if r["rule_id"] == "conflict.control_lines"]
    assert {r["other_layer"] for r in conflicts} == {"CZKFBJ", "STBHHX"}
    assert result["OUTPUT_ERRORS"].crs().authid() == "EPSG:4527"  # errors come back in the data's CRS


def test_gbk_shapefiles_with_and_without_cpg(provider, county, tmp_path):
    with_cpg, _ = validate(provider, tmp_path, FOLDER=str(county / "shp"))
    assert with_cpg["LAYER_COUNT"] == 1 and with_cpg["WARNING_COUNT"] == 0
    without, _ = validate(provider, tmp_path, FOLDER=str(county / "shp_nocpg"))
    warnings = [r for r in findings(without) if r["rule_id"] == "encoding.suspect"]
    assert len(warnings) == 1 and "GBK" in warnings[0]["message_en"] and ".cpg" in warnings[0]["message_en"]
    assert without["ERROR_COUNT"] == 0


def test_gbk_shapefile_without_cpg_is_read_as_gbk(qgis_app, county):
    from planmonitor_plugin.qgis_adapter.layers import layers_in_dataset, read_layer

    layer = layers_in_dataset(str(county / "shp_nocpg"))[0]
    read = read_layer(layer, "永久基本农田", layer.transformContext())
    reference = layers_in_dataset(str(county / "shp"))[0]
    expected = [feature["ZLDWMC"] for feature in reference.getFeatures()]
    assert read.frame["ZLDWMC"].tolist() == expected and "村" in expected[0]
    assert "GBK" in read.encoding_note


@pytest.mark.parametrize("sample, expected", [
    (b"plain ascii   ", None), ("水田".encode(), "UTF-8"), ("韦店村 胡店村".encode("gbk"), "GBK"),
    (bytes([0x81, 0x20, 0xFF, 0xFE, 0x80, 0x20]), "unknown"),
])
def test_text_encoding_guess(sample, expected):
    from planmonitor_plugin.qgis_adapter.layers import guess_text_encoding

    assert guess_text_encoding(sample * 3) == expected


def test_layers_in_different_crs_are_checked_together(provider, county, tmp_path):
    dataset = county / "样例县_缺陷.gpkg"
    farmland = QgsVectorLayer(f"{dataset}|layername=YJJBNTBHTB", "YJJBNTBHTB", "ogr")
    redline = QgsVectorLayer(f"{dataset}|layername=STBHHX", "STBHHX", "ogr")
    assert redline.crs().authid() == "EPSG:4490" and farmland.crs().authid() == "EPSG:4527"
    result, _ = validate(provider, tmp_path, LAYERS=[farmland, redline])
    keys = {(r["feature_key"], r["other_key"]) for r in findings(result) if r["rule_id"] == "conflict.control_lines"}
    manifest = json.loads((county / "defects_manifest.json").read_text(encoding="utf-8"))["defects"]
    planted = next(d for d in manifest if d["rule"] == "conflict.control_lines" and d["other_layer"] == "STBHHX")
    assert keys == {(planted["key"], planted["other_key"])}


@pytest.mark.parametrize("parameters, message", [
    ({}, "at least one layer"),
    ({"DATASET": "/nonexistent/不存在.gpkg"}, "不存在.gpkg"),
    ({"ROLES": "DLTB=not_a_role"}, "not_a_role"),
])
def test_bad_input_gives_a_clear_message(provider, county, tmp_path, parameters, message):
    if "ROLES" in parameters:
        parameters["DATASET"] = str(county / "样例县.gpkg")
    with pytest.raises(QgsProcessingException, match=message):
        validate(provider, tmp_path, **parameters)


def test_malformed_rule_file_names_the_problem(provider, county, tmp_path):
    rules = tmp_path / "规则.json"
    rules.write_text('{"schema_version": 1, "id": "county-rules", "version": "1", '
                     '"rules": {"topology.overlap": {"enabled": true, "severity": "fatal"}}}', encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"规则\.json.*topology\.overlap.*severity"):
        validate(provider, tmp_path, DATASET=str(county / "样例县.gpkg"), RULES=str(rules))


def test_role_override_applies(provider, county, tmp_path):
    dataset = county / "样例县_缺陷.gpkg"
    renamed = QgsVectorLayer(f"{dataset}|layername=DLTB", "layer1", "ogr")
    result, _ = validate(provider, tmp_path, LAYERS=[renamed], ROLES="layer1=current_land_use")
    assert any(r["rule_id"] == "topology.overlap" for r in findings(result))


def test_through_qgis_process(county, tmp_path):
    env = prepare_profile(tmp_path / "qgis")
    result = run_algorithm("planmonitor:validatedata", {
        "DATASET": str(county / "样例县_缺陷.gpkg"), "OUTPUT_ERRORS": str(tmp_path / "错误.gpkg"),
        "OUTPUT_POINTS": str(tmp_path / "错误点.gpkg"), "OUTPUT_SUMMARY": str(tmp_path / "汇总.gpkg"),
        "OUTPUT_REPORT": str(tmp_path / "质检报告.html")}, env)["results"]
    assert result["ERROR_COUNT"] > 10 and result["LAYER_COUNT"] == 9
    assert QgsVectorLayer(str(tmp_path / "错误.gpkg"), "e", "ogr").featureCount() > 10
    assert (tmp_path / "质检报告.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
