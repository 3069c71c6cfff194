"""planmonitor:screenchangepatches on the sample county's monitoring patches."""

from __future__ import annotations

import processing
import pytest
from qgis.core import QgsFeature, QgsVectorLayer

from scripts.qgisprocess import prepare_profile, run_algorithm
from tests.qgis.conftest import memory_layer
from tests.qgis.test_site_compliance import layer_uri, native_area_per_site
from tests.qgis.test_validate_data import county  # noqa: F401 (session fixture: the sample county)

CONSTRAINTS = {"ECOLOGICAL_REDLINE": "STBHHX", "BASIC_FARMLAND": "YJJBNTBHTB", "CURRENT_LAND_USE": "DLTB",
               "URBAN_BOUNDARY": "CZKFBJ", "PLANNED_LAND_USE": "YDYHGHFQ"}


def screen(county_path, **extra):
    return processing.run("planmonitor:screenchangepatches", {
        "PATCHES": layer_uri(county_path, "JCTB"), **{k: layer_uri(county_path, v) for k, v in CONSTRAINTS.items()},
        "OUTPUT_PATCHES": "memory:", "OUTPUT_CONFLICTS": "memory:", **extra})


def test_suspected_patches_have_reasons_and_areas_match_native(provider, county):  # noqa: F811
    result = screen(county)
    patches = {f["JCTBBH"]: f for f in result["OUTPUT_PATCHES"].getFeatures()}
    assert result["PATCH_COUNT"] == len(patches) == 80
    suspected = [f for f in patches.values() if f["suspected"]]
    assert 0 < len(suspected) == result["SUSPECTED_COUNT"] < len(patches)
    assert all(f["reasons_zh"] and f["reasons_en"] for f in suspected)
    assert all(not f["reasons_zh"] for f in patches.values() if not f["suspected"])
    native = processing.run("native:intersection", {"INPUT": layer_uri(county, "JCTB"),
                                                     "OVERLAY": layer_uri(county, "YJJBNTBHTB"),
                                                     "INPUT_FIELDS": ["JCTBBH"], "OUTPUT": "memory:"})["OUTPUT"]
    expected = native_area_per_site(native, key="JCTBBH")
    for key, feature in patches.items():
        assert feature["farmland_m2"] == pytest.approx(expected.get(key, 0.0), rel=1e-6, abs=1.0), key


def test_approved_land_clears_a_patch(provider, county):  # noqa: F811
    first = screen(county)
    suspected = [f for f in first["OUTPUT_PATCHES"].getFeatures() if f["suspected"]][:3]
    approved = memory_layer([f.geometry() for f in suspected], "EPSG:4527")
    second = screen(county, APPROVED=approved)
    cleared = {f["JCTBBH"]: f for f in second["OUTPUT_PATCHES"].getFeatures()}
    for feature in suspected:
        patch: QgsFeature = cleared[feature["JCTBBH"]]
        assert patch["approved"] and not patch["suspected"] and patch["unapproved_m2"] <= 1.0
    assert second["SUSPECTED_COUNT"] == first["SUSPECTED_COUNT"] - 3


def test_through_qgis_process(county, tmp_path):  # noqa: F811
    env = prepare_profile(tmp_path / "qgis")
    result = run_algorithm("planmonitor:screenchangepatches", {
        "PATCHES": layer_uri(county, "JCTB"), "BASIC_FARMLAND": layer_uri(county, "YJJBNTBHTB"),
        "OUTPUT_PATCHES": str(tmp_path / "疑似违法.gpkg"), "OUTPUT_CONFLICTS": str(tmp_path / "冲突.gpkg")}, env)
    assert result["results"]["PATCH_COUNT"] == 80
    queue = QgsVectorLayer(str(tmp_path / "疑似违法.gpkg"), "q", "ogr")
    assert queue.featureCount() == 80 and queue.fields().lookupField("suspected") >= 0
