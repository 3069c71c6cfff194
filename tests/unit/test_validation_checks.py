"""Layer, attribute and geometry checks: each fires on a planted defect and stays silent on clean data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely

from planmonitor_plugin.core.area import polygon_areas
from planmonitor_plugin.core.validation import LayerInput, RuleSetError, load_rule_set
from planmonitor_plugin.core.validation.spatial import reason_points
from tests.unit.test_validation_support import (
    DLTB_FIELDS,
    ORIGIN,
    SIZE,
    bow_tie,
    cell,
    findings_of,
    grid,
    land_use,
    run,
    urban_boundary,
)

# --------------------------------------------------------------------------- CRS and encoding


@pytest.mark.parametrize("authid", ["EPSG:4527", "EPSG:4490", "EPSG:4545", "EPSG:4502"])
def test_cgcs2000_layers_have_no_crs_findings(authid):
    result = run(land_use(grid(2, 2), crs=authid), "crs.missing", "crs.not_cgcs2000")
    assert result.findings.empty


def test_missing_crs_is_a_layer_level_error():
    result = run(land_use(grid(2, 2), crs=""), "crs.missing", "crs.not_cgcs2000")
    rows, geometry = findings_of(result, "crs.missing")
    assert len(rows) == 1 and len(result.findings) == 1
    row = rows.iloc[0]
    assert (row.severity, row.layer, row.feature_key, row.other_key) == ("error", "地类图斑", "", "")
    assert pd.isna(row.fid) and np.isnan(row.value) and geometry[0] is None
    assert "坐标参考系" in row.message_zh and "coordinate reference system" in row.message_en


@pytest.mark.parametrize("authid, description, severity, zh", [
    ("EPSG:2383", "Xian 1980 / 3-degree Gauss-Kruger CM 114E", "error", "西安1980"),
    ("EPSG:2435", "Beijing 1954 / 3-degree Gauss-Kruger CM 117E", "error", "北京1954"),
    ("EPSG:4326", "WGS 84", "warning", "WGS 84"),
    ("EPSG:3857", "WGS 84 / Pseudo-Mercator", "warning", "WGS 84"),
    ("USER:100001", "unknown datum", "warning", "不属于 CGCS2000"),
])
def test_non_cgcs2000_crs_is_graded_by_datum(authid, description, severity, zh):
    layer = land_use(grid(1, 1), crs=authid)
    layer.crs_description = description
    rows, _ = findings_of(run(layer, "crs.missing", "crs.not_cgcs2000"), "crs.not_cgcs2000")
    assert list(rows.severity) == [severity]
    assert zh in rows.message_zh[0] and authid in rows.message_zh[0]


def test_crs_severity_override():
    layer = land_use(grid(1, 1), crs="EPSG:4326")
    rules = load_rule_set().with_rule("crs.not_cgcs2000", severity="error")
    rows, _ = findings_of(run(layer, rules=rules), "crs.not_cgcs2000")
    assert list(rows.severity) == ["error"]


def test_encoding_note_gives_a_warning():
    layer = land_use(grid(1, 1))
    assert run(layer, "encoding.suspect").findings.empty
    layer.encoding_note = "Shapefile without .cpg, read as GBK"
    rows, _ = findings_of(run(layer, "encoding.suspect"), "encoding.suspect")
    assert list(rows.severity) == ["warning"] and "GBK" in rows.message_zh[0] and "GBK" in rows.message_en[0]


# --------------------------------------------------------------------------- schema


def test_schema_problems_keep_the_messages_of_check_fields():
    fields = [("BSM", "string", 40), ("DLBM", "integer", None), ("TBMJ", "real", None)]
    result = run(land_use(grid(1, 1), fields=fields), "schema.missing_field", "schema.wrong_type", "schema.too_long")
    by_rule = dict(zip(result.findings.rule_id, zip(result.findings.severity, result.findings.message_zh,
                                                        result.findings.message_en)))
    assert by_rule["schema.missing_field"] == ("error", "缺少必填字段 TBDLMJ（图斑地类面积）。",
                                               "Required field TBDLMJ (patch land-class area) is missing.")
    assert by_rule["schema.wrong_type"][0] == "error" and "DLBM" in by_rule["schema.wrong_type"][1]
    assert by_rule["schema.too_long"][0] == "warning" and "40" in by_rule["schema.too_long"][1]
    assert (result.findings.feature_key == "").all() and result.findings.fid.isna().all()


def test_complete_schema_has_no_findings():
    assert run(land_use(grid(1, 1)), "schema.missing_field", "schema.wrong_type", "schema.too_long").findings.empty


# --------------------------------------------------------------------------- codes


def test_unknown_code_is_reported_on_the_parcel():
    layer = land_use(grid(3, 1), dlbm=["0101", "0199", "01"])  # 01 is a level-1 class, not a DLBM value
    rows, geometry = findings_of(run(layer, "code.unknown", "code.empty"), "code.unknown")
    assert list(rows.feature_key) == ["B001", "B002"] and list(rows.fid) == [1, 2]
    assert list(rows.severity) == ["error", "error"] and rows.value.isna().all()
    assert geometry[0].equals(cell(1, 0))
    assert "DLBM（地类编码）" in rows.message_zh[0] and "“0199”" in rows.message_zh[0]
    assert "'0199'" in rows.message_en[0] and "DLBM (land class code)" in rows.message_en[0]


def test_valid_codes_pass_including_k_and_a_codes():
    layer = land_use(grid(5, 1), dlbm=["0101", "1104K", "08H2A", " 0201 ", "09"])
    assert run(layer, "code.unknown", "code.empty").findings.empty


def test_codes_stored_as_numbers_lost_their_leading_zero():
    layer = land_use(grid(2, 1), dlbm=[101, 1203])
    rows, _ = findings_of(run(layer, "code.unknown"), "code.unknown")
    assert list(rows.feature_key) == ["B000"] and "“101”" in rows.message_zh[0]


def test_empty_codes_are_a_separate_warning():
    layer = land_use(grid(3, 1), dlbm=["0101", None, "  "])
    result = run(layer, "code.unknown", "code.empty")
    rows, geometry = findings_of(result, "code.empty")
    assert list(rows.feature_key) == ["B001", "B002"] and set(rows.severity) == {"warning"}
    assert findings_of(result, "code.unknown")[0].empty
    assert geometry[1].equals(cell(2, 0)) and "为空" in rows.message_zh[0]


def test_empty_optional_codes_only_when_asked():
    fields = DLTB_FIELDS + [("KCDLBM", "string", 5)]
    layer = land_use(grid(2, 1), fields=fields, KCDLBM=[None, "1203"])
    assert run(layer, "code.empty", "code.unknown").findings.empty
    rules = load_rule_set().with_rule("code.empty", required_fields_only=False)
    rows, _ = findings_of(run(layer, rules=rules.only("code.empty")), "code.empty")
    assert list(rows.feature_key) == ["B000"] and "KCDLBM" in rows.message_zh[0]


def test_code_table_override_file(tmp_path):
    table = tmp_path / "dlbm.csv"
    table.write_text("code,name_zh,level,parent,group,is_adjustable,base_code,dlbm_value,note\n"
                     "0101,水田,2,,gbt,false,,true,\n", encoding="utf-8")
    rules = load_rule_set().with_rule("code.unknown", table_files={"sandiao_dlbm": str(table)})
    rows, _ = findings_of(run(land_use(grid(2, 1), dlbm=["0101", "0102"]), rules=rules.only("code.unknown")),
                          "code.unknown")
    assert list(rows.feature_key) == ["B001"]


# --------------------------------------------------------------------------- keys


def test_duplicate_keys_report_every_member_with_the_group_size():
    layer = land_use(grid(5, 1), bsm=["A", "B", "A", "C", "A"])
    rows, geometry = findings_of(run(layer, "key.duplicate"), "key.duplicate")
    assert list(rows.fid) == [0, 2, 4] and list(rows.feature_key) == ["A", "A", "A"]
    assert list(rows.value) == [3.0, 3.0, 3.0] and set(rows.value_unit) == {"count"}
    assert geometry[2].equals(cell(4, 0))
    assert "“A”共出现 3 次" in rows.message_zh[0] and "3 features" in rows.message_en[0]


def test_unique_and_missing_keys_are_not_duplicates():
    layer = land_use(grid(4, 1), bsm=["A", None, "B", None])
    assert run(layer, "key.duplicate").findings.empty


def test_numeric_keys_become_text_without_decimals():
    layer = land_use(grid(2, 1), bsm=[370101.0, 370101.0])
    rows, _ = findings_of(run(layer, "key.duplicate"), "key.duplicate")
    assert list(rows.feature_key) == ["370101", "370101"]


def test_feature_key_falls_back_to_the_feature_id():
    frame = pd.DataFrame({"DLBM": ["0199"]}, index=[42])
    layer = LayerInput("no_bsm", "current_land_use", frame, np.array([cell(0, 0)], dtype=object),
                       [("DLBM", "string", 5)], "EPSG:4490")
    rows, _ = findings_of(run(layer, "code.unknown"), "code.unknown")
    assert list(rows.feature_key) == ["fid:42"] and list(rows.fid) == [42]


# --------------------------------------------------------------------------- geometry


def test_null_and_empty_geometries():
    layer = land_use([cell(0, 0), None, shapely.Polygon()], index=[10, 11, 12])
    result = run(layer, "geometry.null", "geometry.empty", "geometry.invalid")
    null, null_geometry = findings_of(result, "geometry.null")
    empty, empty_geometry = findings_of(result, "geometry.empty")
    assert (list(null.fid), list(null.feature_key), null_geometry[0]) == ([11], ["B001"], None)
    assert (list(empty.fid), list(empty.feature_key), empty_geometry[0]) == ([12], ["B002"], None)
    assert len(result.findings) == 2


def test_self_intersection_is_located_at_the_crossing():
    layer = land_use([cell(0, 0), bow_tie(1, 0)])
    rows, geometry = findings_of(run(layer, "geometry.invalid"), "geometry.invalid")
    assert list(rows.feature_key) == ["B001"] and len(rows) == 1
    point = geometry[0]
    assert point.geom_type == "Point"
    assert point.x == pytest.approx(ORIGIN[0] + 1.5 * SIZE, abs=1e-12)
    assert point.y == pytest.approx(ORIGIN[1] + 0.5 * SIZE, abs=1e-12)
    assert "自相交" in rows.message_zh[0] and "117.001500, 36.000500" in rows.message_zh[0]
    assert "Self-intersection" in rows.message_en[0]


def test_valid_geometries_have_no_geometry_findings():
    assert run(land_use(grid(3, 3)), "geometry.null", "geometry.empty", "geometry.invalid").findings.empty


def test_reasons_without_coordinates_fall_back_to_none():
    points = reason_points(np.array(["Self-intersection[117.5 36.25]", "Invalid Coordinate[nan nan]",
                                     "Something odd", None], dtype=object))
    assert points[0].equals(shapely.Point(117.5, 36.25)) and list(points[1:]) == [None, None, None]


# --------------------------------------------------------------------------- areas


def test_stored_area_matching_the_ellipsoidal_area_passes():
    exact = polygon_areas(np.array(grid(3, 1), dtype=object))
    layer = land_use(grid(3, 1), tbmj=[exact[0], exact[1] * 1.0009, exact[2] - 0.9])  # within 0.1 % / 1 m²
    assert run(layer, "area.mismatch", "area.missing").findings.empty


def test_area_mismatch_shows_both_numbers():
    exact = polygon_areas(np.array(grid(2, 1), dtype=object))
    layer = land_use(grid(2, 1), tbmj=[exact[0], round(exact[1] * 1.01, 2)])
    rows, geometry = findings_of(run(layer, "area.mismatch", "area.missing"), "area.mismatch")
    assert list(rows.feature_key) == ["B001"] and list(rows.value_unit) == ["ratio"]
    assert rows.value[0] == pytest.approx(0.01, rel=1e-4)
    assert geometry[0].equals(cell(1, 0))
    assert f"{exact[1]:.2f}" in rows.message_zh[0] and f"{exact[1] * 1.01:.2f}" in rows.message_zh[0]
    assert "椭球面积" in rows.message_zh[0] and "ellipsoidal area" in rows.message_en[0]


def test_absolute_tolerance_protects_tiny_parcels():
    tiny = cell(0, 0, 0.01, 0.01)  # ≈ 1 m²
    area = polygon_areas([tiny])[0]
    assert run(land_use([tiny], tbmj=[area + 0.5]), "area.mismatch").findings.empty
    assert len(run(land_use([tiny], tbmj=[area + 1.5]), "area.mismatch").findings) == 1


def test_missing_stored_area_is_a_warning():
    layer = land_use(grid(2, 1), tbmj=[None, "abc"])
    result = run(layer, "area.mismatch", "area.missing")
    rows, _ = findings_of(result, "area.missing")
    assert list(rows.feature_key) == ["B000", "B001"] and set(rows.severity) == {"warning"}
    assert findings_of(result, "area.mismatch")[0].empty


def test_area_unit_in_hectares():
    shape = cell(0, 0, 3, 3)
    hectares = polygon_areas([shape])[0] / 10_000
    layer = urban_boundary([shape])
    layer.frame["MJ"] = [round(hectares, 4)]
    rows, _ = findings_of(run(layer, "area.mismatch"), "area.mismatch")
    assert len(rows) == 1 and "公顷" in rows.message_zh[0] and "ha" in rows.message_en[0]  # unit hint
    fields = dict(load_rule_set().params("area.mismatch")["fields"])
    fields["urban_boundary"] = {"field": "MJ", "unit": "ha"}
    rules = load_rule_set().with_rule("area.mismatch", fields=fields)
    assert run(layer, rules=rules.only("area.mismatch")).findings.empty


def test_area_field_aliases_and_absent_optional_fields():
    shape = cell(0, 0, 2, 2)
    layer = urban_boundary([shape])
    layer.frame = layer.frame.rename(columns={"MJ": "CZKFMJ"})
    layer.frame["CZKFMJ"] = [1.0]
    rows, _ = findings_of(run(layer, "area.mismatch"), "area.mismatch")
    assert len(rows) == 1 and "CZKFMJ" in rows.message_zh[0]
    layer.frame = layer.frame.drop(columns=["CZKFMJ"])
    assert run(layer, "area.mismatch", "area.missing").findings.empty


def test_a_filter_column_missing_from_the_code_table_is_a_rule_set_error():
    rules = load_rule_set().with_rule("code.unknown", table_filters={"sandiao_dlbm": "in_dltb"})
    with pytest.raises(RuleSetError) as caught:
        run(land_use(grid(1, 1)), rules=rules.only("code.unknown"))
    assert caught.value.details["entry"] == '$.rules["code.unknown"].params.table_filters["sandiao_dlbm"]'
