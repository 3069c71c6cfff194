"""planmonitor:convertlanduse (基数转换) on the sample county, checked against the crosswalk CSV read independently."""

from __future__ import annotations

import csv

import processing
from qgis.core import NULL

from planmonitor_plugin.__about__ import RESOURCES_DIR
from scripts.qgisprocess import prepare_profile, run_algorithm
from tests.qgis.test_validate_data import county  # noqa: F401 (session fixture: the sample county)


def crosswalk() -> dict[str, dict]:
    with open(RESOURCES_DIR / "code_tables" / "sandiao_to_ydyh.csv", encoding="utf-8") as handle:
        return {row["sandiao_code"]: row for row in csv.DictReader(handle)}


def test_every_parcel_is_converted_or_flagged(provider, county):  # noqa: F811
    result = processing.run("planmonitor:convertlanduse", {
        "INPUT": f"{county / '样例县_缺陷.gpkg'}|layername=DLTB", "OUTPUT": "memory:"})
    table = crosswalk()
    statuses = {}
    for feature in result["OUTPUT"].getFeatures():
        code, status = feature["DLBM"], feature["ZHZT"]
        statuses[status] = statuses.get(status, 0) + 1
        row = table.get(code)
        if row is None:
            assert status == "unknown" and feature["YDYHFLDM"] == NULL, code
        elif row["needs_subdivision"] == "true":
            assert status == "needs_subdivision" and feature["YDYHFLDM"] == NULL, code  # never guessed
            assert feature["HXDM"] == row["candidates"] and feature["YJDM"] == row["level1_fallback"]
        else:
            assert status == "mapped" and feature["YDYHFLDM"] == row["ydyh_code"], code
            assert feature["YDYHFLMC"] == row["ydyh_name"]
    assert statuses.get("unknown") == 1  # the planted DLBM '9999'
    assert statuses.get("needs_subdivision", 0) > 0 and statuses.get("mapped", 0) > 1000
    assert result["UNKNOWN_COUNT"] == 1 and result["MAPPED_COUNT"] == statuses["mapped"]


def test_through_qgis_process(county, tmp_path):  # noqa: F811
    env = prepare_profile(tmp_path / "qgis")
    result = run_algorithm("planmonitor:convertlanduse", {
        "INPUT": f"{county / '样例县.gpkg'}|layername=DLTB", "OUTPUT": str(tmp_path / "基数转换.gpkg")}, env)
    assert result["results"]["MAPPED_COUNT"] + result["results"]["NEEDS_SUBDIVISION_COUNT"] == 2000


def test_missing_code_field_is_named(provider, county):  # noqa: F811
    import pytest
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="YDYHFLDM"):
        processing.run("planmonitor:convertlanduse", {"INPUT": f"{county / '样例县.gpkg'}|layername=XZQ",
                                                       "CODE_FIELD": "YDYHFLDM", "OUTPUT": "memory:"})
