"""planmonitor:sitecompliance against QGIS's own algorithms (native intersection / difference + ellipsoidal area)."""

from __future__ import annotations

from collections import defaultdict

import processing
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qgis.core import QgsDistanceArea, QgsGeometry, QgsProject, QgsVectorLayer

from scripts.qgisprocess import prepare_profile, run_algorithm
from tests.qgis.conftest import memory_layer
from tests.qgis.test_validate_data import county  # noqa: F401 (session fixture: the sample county)


def layer_uri(county_path, name):
    return f"{county_path / '样例县.gpkg'}|layername={name}"


def measure(layer) -> QgsDistanceArea:
    distance_area = QgsDistanceArea()
    distance_area.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    assert distance_area.setEllipsoid("EPSG:1024")
    return distance_area


def native_area_per_site(result_layer, key="XMDM") -> dict[str, float]:
    """Σ ellipsoidal area per site key of a native algorithm's output (the oracle)."""
    distance_area = measure(result_layer)
    totals = defaultdict(float)
    for feature in result_layer.getFeatures():
        totals[str(feature[key])] += distance_area.measureArea(feature.geometry())
    return totals


def run_compliance(sites, **constraints):
    return processing.run("planmonitor:sitecompliance", {"SITES": sites, "OUTPUT_SITES": "memory:",
                                                         "OUTPUT_CONFLICTS": "memory:", **constraints})


def by_key(layer, column, key="XMDM") -> dict[str, float]:
    return {str(f[key]): f[column] for f in layer.getFeatures()}


@pytest.mark.parametrize("parameter, layer_name, column", [
    ("BASIC_FARMLAND", "YJJBNTBHTB", "farmland_m2"),
    ("ECOLOGICAL_REDLINE", "STBHHX", "redline_m2"),  # the red line is in EPSG:4490, the sites in EPSG:4527
    ("NATURE_RESERVE", "STBHHX", "nature_reserve_m2"),  # the sample county has no reserves: the red line stands in
])
def test_overlap_areas_match_native_intersection(provider, county, parameter, layer_name, column):  # noqa: F811
    sites = layer_uri(county, "XMYD")
    ours = by_key(run_compliance(sites, **{parameter: layer_uri(county, layer_name)})["OUTPUT_SITES"], column)
    native = processing.run("native:intersection", {"INPUT": sites, "OVERLAY": layer_uri(county, layer_name),
                                                     "INPUT_FIELDS": ["XMDM"], "OUTPUT": "memory:"})["OUTPUT"]
    expected = native_area_per_site(native)
    assert any(v > 1 for v in expected.values()), "the sample county has sites on this constraint"
    for key, value in ours.items():
        assert value == pytest.approx(expected.get(key, 0.0), rel=1e-6, abs=1.0), key


def test_outside_the_urban_boundary_matches_native_difference(provider, county):  # noqa: F811
    sites = layer_uri(county, "XMYD")
    output = run_compliance(sites, URBAN_BOUNDARY=layer_uri(county, "CZKFBJ"))["OUTPUT_SITES"]
    native = processing.run("native:difference", {"INPUT": sites, "OVERLAY": layer_uri(county, "CZKFBJ"),
                                                   "OUTPUT": "memory:"})["OUTPUT"]
    expected = native_area_per_site(native)
    positions = by_key(output, "udb_outside_position")
    for key, value in by_key(output, "udb_outside_m2").items():
        assert value == pytest.approx(expected.get(key, 0.0), rel=1e-6, abs=1.0), key
        assert positions[key] in {"inside", "outside", "straddling"}
    assert {"inside", "outside"} <= set(positions.values())


def test_verdicts_pack_and_conflict_polygons(provider, county, tmp_path):  # noqa: F811
    report = tmp_path / "选址报告.html"
    result = processing.run("planmonitor:sitecompliance", {
        "SITES": layer_uri(county, "XMYD"), "ECOLOGICAL_REDLINE": layer_uri(county, "STBHHX"),
        "BASIC_FARMLAND": layer_uri(county, "YJJBNTBHTB"), "CURRENT_LAND_USE": layer_uri(county, "DLTB"),
        "URBAN_BOUNDARY": layer_uri(county, "CZKFBJ"), "PLANNED_LAND_USE": layer_uri(county, "YDYHGHFQ"),
        "OUTPUT_SITES": "memory:", "OUTPUT_CONFLICTS": "memory:", "OUTPUT_REPORT": str(report)})
    verdicts = set(by_key(result["OUTPUT_SITES"], "verdict").values())
    assert verdicts <= {"compliant", "non_compliant", "needs_justification"} and "non_compliant" in verdicts
    assert result["RULE_PACK"].startswith("planmonitor-compliance-default")
    conflicts = list(result["OUTPUT_CONFLICTS"].getFeatures())
    assert conflicts and all(f.geometry().area() > 0 for f in conflicts)  # real overlap polygons, m² in EPSG:4527
    assert all(f["area_m2"] > 1 for f in conflicts)
    assert "planmonitor-compliance-default" in report.read_text(encoding="utf-8")


def test_rule_without_its_layer_is_not_checked(provider, county):  # noqa: F811
    output = run_compliance(layer_uri(county, "XMYD"))["OUTPUT_SITES"]
    assert set(by_key(output, "redline_verdict").values()) == {"not_checked"}


boxes = st.tuples(st.integers(0, 20), st.integers(0, 20), st.integers(1, 8), st.integers(1, 8))


def box_wkt(x, y, w, h, unit=25.0, x0=39_500_000, y0=4_000_000):
    left, bottom = x0 + x * unit, y0 + y * unit
    return (f"POLYGON(({left} {bottom},{left + w * unit} {bottom},{left + w * unit} {bottom + h * unit},"
            f"{left} {bottom + h * unit},{left} {bottom}))")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(boxes, min_size=1, max_size=4), st.lists(boxes, min_size=1, max_size=4), st.booleans())
def test_random_boxes_with_holes_and_touching_edges(provider, sites, constraints, with_hole):
    """Boxes on a 25 m grid: many share edges (touch) exactly; a hole in the first constraint."""
    constraint_geometries = [QgsGeometry.fromWkt(box_wkt(*b)) for b in constraints]
    if with_hole:
        x, y, w, h = constraints[0]
        constraint_geometries[0] = constraint_geometries[0].difference(
            QgsGeometry.fromWkt(box_wkt(x, y, w, h, unit=12.5, x0=39_500_000 + x * 12.5, y0=4_000_000 + y * 12.5)))
    site_layer = memory_layer([QgsGeometry.fromWkt(box_wkt(*b)) for b in sites], "EPSG:4527",
                              fields="&field=XMDM:string(20)", attributes=[[f"S{i}"] for i in range(len(sites))])
    farmland = memory_layer(constraint_geometries, "EPSG:4527")
    dissolved = processing.run("native:dissolve", {"INPUT": farmland, "OUTPUT": "memory:"})["OUTPUT"]
    native = processing.run("native:intersection", {"INPUT": site_layer, "OVERLAY": dissolved,
                                                     "INPUT_FIELDS": ["XMDM"], "OUTPUT": "memory:"})["OUTPUT"]
    expected = native_area_per_site(native)
    ours = by_key(run_compliance(site_layer, BASIC_FARMLAND=farmland)["OUTPUT_SITES"], "farmland_m2")
    for key, value in ours.items():
        assert value == pytest.approx(expected.get(key, 0.0) if expected.get(key, 0.0) > 1 else 0.0,
                                      rel=1e-6, abs=1e-6), key


def test_through_qgis_process(county, tmp_path):  # noqa: F811
    env = prepare_profile(tmp_path / "qgis")
    result = run_algorithm("planmonitor:sitecompliance", {
        "SITES": layer_uri(county, "XMYD"), "BASIC_FARMLAND": layer_uri(county, "YJJBNTBHTB"),
        "OUTPUT_SITES": str(tmp_path / "选址结果.gpkg"), "OUTPUT_CONFLICTS": str(tmp_path / "冲突.gpkg")}, env)
    assert result["results"]["SITE_COUNT"] == 25
    assert QgsVectorLayer(str(tmp_path / "冲突.gpkg"), "c", "ogr").featureCount() > 0


def test_direct_geopackage_reading_equals_reading_through_qgis(provider, county, monkeypatch):  # noqa: F811
    """GeoPackage constraints are read through OGR's R-tree; a memory copy goes through QGIS: same numbers,
    also with a provider filter (subset string) on the layer."""
    sites = layer_uri(county, "XMYD")
    farmland = QgsVectorLayer(layer_uri(county, "DLTB"), "DLTB", "ogr")
    farmland.setSubsetString("\"DLBM\" <> '0102'")
    copy = processing.run("native:reprojectlayer", {
        "INPUT": farmland, "TARGET_CRS": farmland.crs(), "OUTPUT": "memory:"})["OUTPUT"]
    assert copy.featureCount() == farmland.featureCount() < QgsVectorLayer(layer_uri(county, "DLTB"), "d",
                                                                              "ogr").featureCount()
    from planmonitor_plugin.qgis_adapter import ogr_reader

    found = []
    original = ogr_reader._ids_near
    monkeypatch.setattr(ogr_reader, "_ids_near", lambda *args: found.append(original(*args)) or found[-1])
    direct = by_key(run_compliance(sites, CURRENT_LAND_USE=farmland)["OUTPUT_SITES"], "cultivated_m2")
    assert len(found) == 1 and found[0]  # the R-tree path was taken
    monkeypatch.undo()
    through_qgis = by_key(run_compliance(sites, CURRENT_LAND_USE=copy)["OUTPUT_SITES"], "cultivated_m2")
    assert any(v > 1 for v in direct.values())
    for key, value in direct.items():
        assert value == pytest.approx(through_qgis[key], rel=1e-12, abs=1e-9), key


@pytest.mark.parametrize("choice", [0, 1])
def test_invalid_site_is_repaired_or_skipped_listed_and_never_dropped(provider, choice):
    bow_tie = ("POLYGON((39500000 4000000, 39500100 4000100, 39500100 4000000, 39500000 4000100, "
               "39500000 4000000))")
    sites = memory_layer([bow_tie, "POLYGON((39500200 4000000, 39500300 4000000, 39500300 4000100, "
                                   "39500200 4000100, 39500200 4000000))"], "EPSG:4527",
                         fields="&field=XMDM:string(20)&field=YDYHFLDM:string(6)",
                         attributes=[["BAD", "1001"], ["GOOD", "1001"]])
    farmland = memory_layer(["POLYGON((39499000 3999000, 39501000 3999000, 39501000 4001000, 39499000 4001000, "
                             "39499000 3999000))"], "EPSG:4527", name="farmland")
    result = processing.run("planmonitor:sitecompliance", {
        "SITES": sites, "BASIC_FARMLAND": farmland, "INVALID_GEOMETRIES": choice,
        "OUTPUT_SITES": "memory:", "OUTPUT_CONFLICTS": "memory:"})
    assert result["INVALID_COUNT"] == 1 and result["SITE_COUNT"] == 2
    rows = {f["XMDM"]: f for f in result["OUTPUT_SITES"].getFeatures()}
    assert rows["GOOD"]["farmland_m2"] == pytest.approx(10_000, rel=1e-3)
    if choice == 0:  # repaired: the two triangles of the bow tie (2 × 2 500 m²)
        assert rows["BAD"]["farmland_m2"] == pytest.approx(5_000, rel=1e-3)
        assert rows["BAD"]["verdict"] == "non_compliant"
    else:  # skipped: still in the output, without a verdict on its geometry
        assert not rows["BAD"]["farmland_m2"]
        assert rows["BAD"]["verdict"] == "not_checked"  # never "compliant"
