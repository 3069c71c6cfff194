"""Site compliance review: verdicts, per-rule areas in three units, UDB position, planned-use compatibility."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely

from planmonitor_plugin.core.area import polygon_areas
from planmonitor_plugin.core.compliance import check_sites, load_rule_pack

X0, Y0, D = 117.0, 36.0, 0.001


def box(x0: float, y0: float, x1: float, y1: float) -> shapely.Polygon:
    return shapely.box(X0 + x0 * D, Y0 + y0 * D, X0 + x1 * D, Y0 + y1 * D)


def arr(*geoms) -> np.ndarray:
    return np.array(geoms, dtype=object)


def area(geom) -> float:
    return float(polygon_areas(arr(geom))[0])


REDLINE = box(0, 0, 10, 10)
UDB = box(20, 0, 40, 10)
SITES = pd.DataFrame({"XMDM": ["A", "B", "C", "D", "E", "F", "G"],
                      "YDYHFLDM": ["0701", "1001", "0701", "0701", "0701", None, " 070101 "]})
SITE_GEOMS = arr(
    box(2, 2, 4, 4),                          # A: fully inside the red line (and outside the UDB)
    box(35, 2, 45, 4),                        # B: straddles the UDB edge at x = 40
    box(10, 2, 12, 4),                        # C: touches the red line along x = 10
    shapely.box(X0 + 10 * D - 1e-8, Y0 + 5 * D, X0 + 14 * D, Y0 + 6 * D),  # D: sliver (< 1 m²) into the red line
    box(21, 1, 23, 3),                        # E: inside the UDB, on planned housing and farmland
    None,                                     # F: no geometry
    shapely.MultiPolygon([box(20.5, 1, 21.5, 2), box(20.5, 5, 21.5, 6)]),  # G: multipart, housing on planned 0702
)


@pytest.fixture(scope="module")
def result():
    constraints = {
        "ecological_redline": (pd.DataFrame({"BSM": ["R1"]}), arr(REDLINE)),
        "urban_boundary": (pd.DataFrame({"BSM": ["U1"]}), arr(UDB)),
        "planned_land_use": (pd.DataFrame({"BSM": ["P1", "P2"], "YDYHFLDM": ["0702", "0103"]}),
                             arr(box(20, 0, 22, 10), box(22, 0, 50, 10))),
    }
    return check_sites(SITES, SITE_GEOMS, constraints, load_rule_pack())


def row(result, key: str) -> pd.Series:
    return result.sites.set_index("site_key").loc[key]


def test_pack_identity_and_skipped_rules(result):
    pack = load_rule_pack()
    assert (result.pack_id, result.pack_version) == (pack.id, pack.version)
    assert result.skipped_rules == ("site.basic_farmland", "site.cultivated_land", "site.nature_reserve")
    assert (result.sites["farmland_verdict"] == "not_checked").all()


def test_site_inside_red_line_is_non_compliant_with_its_full_area(result):
    a = row(result, "A")
    assert a["verdict"] == "non_compliant" and a["verdict_zh"] == "不合规"
    assert a["redline_m2"] == pytest.approx(area(SITE_GEOMS[0]), rel=1e-12)
    assert a["redline_ha"] == pytest.approx(a["redline_m2"] / 10_000)
    assert a["redline_mu"] == pytest.approx(a["redline_m2"] * 3 / 2000)
    assert a["udb_outside_position"] == "outside"


def test_edge_touch_and_sliver_give_no_red_line_finding(result):
    for key in ("C", "D"):
        assert row(result, key)["redline_m2"] == 0 and row(result, key)["redline_verdict"] == "compliant"
    assert not result.conflicts.query("rule_id == 'site.ecological_redline'")["site_key"].isin(["C", "D"]).any()


def test_straddling_site_outside_area_is_the_exact_difference(result):
    b = row(result, "B")
    assert b["udb_outside_position"] == "straddling"
    assert b["udb_outside_m2"] == pytest.approx(area(shapely.difference(SITE_GEOMS[1], UDB)), rel=1e-12)
    assert b["udb_outside_verdict"] == "needs_justification"
    assert row(result, "E")["udb_outside_position"] == "inside"


def test_planned_use_compatibility(result):
    e, b = row(result, "E"), row(result, "B")
    assert e["planned_use_status"] == "incompatible"        # part on planned 0103 旱地
    assert e["planned_use_m2"] == pytest.approx(area(box(22, 1, 23, 3)), rel=1e-9)
    assert e["verdict"] == "non_compliant"
    assert b["planned_use_status"] == "incompatible"        # 1001 industry on 0103 旱地
    g = row(result, "G")
    assert g["planned_use_status"] == "compatible" and g["planned_use_m2"] == 0
    assert g["verdict"] == "compliant" and g["verdict_zh"] == "合规"
    assert row(result, "C")["planned_use_status"] == "not_covered"
    assert row(result, "F")["verdict"] == "not_checked"


def test_conflict_rows_match_polygon_areas_of_their_geometry(result):
    conflicts = result.conflicts
    assert len(conflicts) == len(result.conflict_geometry)
    np.testing.assert_allclose(conflicts["area_m2"], polygon_areas(result.conflict_geometry), rtol=1e-9)
    red = conflicts.query("rule_id == 'site.ecological_redline'")
    assert red[["site_key", "constraint_key"]].values.tolist() == [["A", "R1"]]


def test_overlapping_constraint_polygons_are_counted_once():
    site = box(0, 0, 4, 4)
    layer = (pd.DataFrame({"BSM": ["R1", "R2"]}), arr(box(0, 0, 3, 4), box(1, 0, 4, 4)))
    out = check_sites(pd.DataFrame({"XMDM": ["S"]}), arr(site), {"ecological_redline": layer}, load_rule_pack())
    assert out.sites["redline_m2"][0] == pytest.approx(area(site), rel=1e-9)
    assert len(out.conflicts) == 2 and out.conflicts["area_m2"].sum() > area(site)


def test_class_filter_keeps_only_cultivated_land():
    site = box(0, 0, 4, 4)
    dltb = (pd.DataFrame({"BSM": ["T1", "T2", "T3"], "DLBM": ["0101", "0301", "0103K"]}),
            arr(box(0, 0, 1, 4), box(1, 0, 3, 4), box(3, 0, 4, 4)))
    out = check_sites(pd.DataFrame({"XMDM": ["S"]}), arr(site), {"current_land_use": dltb}, load_rule_pack())
    expected = area(box(0, 0, 1, 4)) + area(box(3, 0, 4, 4))
    assert out.sites["cultivated_m2"][0] == pytest.approx(expected, rel=1e-9)
    assert out.sites["verdict"][0] == "needs_justification"
    assert sorted(out.conflicts["constraint_key"]) == ["T1", "T3"]
