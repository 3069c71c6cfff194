"""planmonitor:landuseconformity against QGIS's own intersection + ellipsoidal areas on the sample county.

The oracle judges each native intersection piece independently: the crosswalk CSV is read with
the csv module and codes are compared at their common level, one piece at a time.
"""

from __future__ import annotations

import csv
from collections import defaultdict

import processing
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qgis.core import QgsApplication, QgsGeometry, QgsProcessingException, QgsVectorLayer

from planmonitor_plugin.__about__ import RESOURCES_DIR
from planmonitor_plugin.processing.provider import PROVIDER_ID
from scripts.qgisprocess import prepare_profile, run_algorithm
from tests.qgis.conftest import memory_layer, register_provider
from tests.qgis.test_site_compliance import box_wkt, layer_uri, measure
from tests.qgis.test_validate_data import county  # noqa: F401 (session fixture: the sample county)

CONSTRUCTION = {f"{n:02d}" for n in range(6, 17)}


def crosswalk() -> dict[str, list[str]]:
    """三调 code → candidate 用地用海 codes (one when mapped), read independently of the plugin."""
    with open(RESOURCES_DIR / "code_tables" / "sandiao_to_ydyh.csv", encoding="utf-8-sig") as handle:
        return {row["sandiao_code"]: ([row["ydyh_code"]] if row["ydyh_code"] else row["candidates"].split(";"))
                for row in csv.DictReader(handle)}


def judge(current: str, planned: str, table: dict[str, list[str]]) -> str:
    """The category of one piece, by the rule written in the algorithm's help."""
    if current not in table or not planned:
        return "unclassified"
    outcomes = set()
    for code in table[current]:
        common = min(len(code), len(planned))
        if code[:common] == planned[:common]:
            outcomes.add("conforming")
        elif code[:2] in CONSTRUCTION and planned[:2] not in CONSTRUCTION:
            outcomes.add("built_against_plan")
        elif code[:2] not in CONSTRUCTION and planned[:2] in CONSTRUCTION:
            outcomes.add("awaiting_construction")
        else:
            outcomes.add("class_differs")
    return outcomes.pop() if len(outcomes) == 1 else "ambiguous"


def run_conformity(current, planned, **options):
    return processing.run("planmonitor:landuseconformity", {
        "CURRENT_LAND_USE": current, "PLANNED_LAND_USE": planned, "OUTPUT": "memory:", "OUTPUT_TOTALS": "memory:",
        **options})


@pytest.fixture(scope="module")
def native_pieces(qgis_processing, county):  # noqa: F811
    """Σ ellipsoidal area of QGIS's native intersection per (DLBM, YDYHFLDM, township)."""
    native = processing.run("native:intersection", {
        "INPUT": layer_uri(county, "DLTB"), "OVERLAY": layer_uri(county, "YDYHGHFQ"),
        "INPUT_FIELDS": ["DLBM", "ZLDWDM"], "OVERLAY_FIELDS": ["YDYHFLDM"], "OUTPUT": "memory:"})["OUTPUT"]
    distance_area = measure(native)
    totals = defaultdict(float)
    for feature in native.getFeatures():
        area = distance_area.measureArea(feature.geometry())
        if area > 1.0:  # the algorithm's sliver tolerance
            totals[(feature["DLBM"], feature["YDYHFLDM"], feature["ZLDWDM"][:9] + "000")] += area
    return totals


@pytest.fixture(scope="module")
def ours(qgis_processing, county):  # noqa: F811
    QgsApplication.processingRegistry().providerById(PROVIDER_ID) or register_provider()
    return run_conformity(layer_uri(county, "DLTB"), layer_uri(county, "YDYHGHFQ"))


def test_every_judged_piece_matches_native_intersection(ours, native_pieces):
    table = crosswalk()
    expected = defaultdict(float)
    for (current, planned, _township), area in native_pieces.items():
        category = judge(current, planned, table)
        if category != "conforming":
            expected[(current, planned, category)] += area
    found = defaultdict(float)
    for feature in ours["OUTPUT"].getFeatures():
        category = feature["kind"] if feature["category"] == "nonconforming" else feature["category"]
        found[(feature["current_code"], feature["planned_code"], category)] += feature["area_m2"]
    found.pop(None, None)
    assert {"built_against_plan", "awaiting_construction", "ambiguous"} <= {key[2] for key in expected}
    assert set(found) == set(expected)
    for key, area in expected.items():
        assert found[key] == pytest.approx(area, rel=1e-6), key


def test_township_and_county_totals_match_native(ours, native_pieces):
    table = crosswalk()
    expected = defaultdict(float)
    for (current, planned, township), area in native_pieces.items():
        category = judge(current, planned, table)
        expected[(township, category if category in {"conforming", "ambiguous", "unclassified"}
                  else "nonconforming")] += area
    totals = list(ours["OUTPUT_TOTALS"].getFeatures())
    found = defaultdict(float)
    for row in totals:
        if row["level"] == "township" and row["category"] != "not_planned":
            found[(row["township"], row["category"])] += row["area_m2"]
    assert set(found) == set(expected) and len({key[0] for key in found}) > 1
    for key, area in expected.items():
        assert found[key] == pytest.approx(area, rel=1e-6), key
    county_total = sum(r["area_m2"] for r in totals if r["level"] == "county")
    assert county_total == pytest.approx(sum(r["area_m2"] for r in totals if r["level"] == "township"), rel=1e-12)
    assert ours["NONCONFORMING_AREA_M2"] == pytest.approx(
        sum(a for (_t, c), a in expected.items() if c == "nonconforming"), rel=1e-6)


def test_pieces_carry_both_classes_areas_in_three_units_and_real_polygons(ours):
    layer = ours["OUTPUT"]
    assert layer.featureCount() == ours["PIECE_COUNT"] > 0
    distance_area = measure(layer)
    for feature in layer.getFeatures():
        assert feature["current_code"] and feature["category"] != "conforming"
        assert feature.geometry().type() == 2  # polygons, not centroids
        assert distance_area.measureArea(feature.geometry()) == pytest.approx(feature["area_m2"], rel=1e-6)
        assert feature["area_ha"] == pytest.approx(feature["area_m2"] / 1e4)
        assert feature["area_mu"] == pytest.approx(feature["area_m2"] * 3 / 2000)


def test_planned_layer_in_another_crs_and_read_through_qgis_gives_the_same(provider, county, ours):  # noqa: F811
    planned_4490 = processing.run("native:reprojectlayer", {
        "INPUT": layer_uri(county, "YDYHGHFQ"), "TARGET_CRS": "EPSG:4490", "OUTPUT": "memory:"})["OUTPUT"]
    other = run_conformity(layer_uri(county, "DLTB"), planned_4490)
    assert other["NONCONFORMING_AREA_M2"] == pytest.approx(ours["NONCONFORMING_AREA_M2"], rel=1e-6)
    assert other["AMBIGUOUS_AREA_M2"] == pytest.approx(ours["AMBIGUOUS_AREA_M2"], rel=1e-6)
    assert other["PIECE_COUNT"] == ours["PIECE_COUNT"]


def test_township_layer_gives_names_in_the_report(provider, county, tmp_path):  # noqa: F811
    report = tmp_path / "符合性报告.html"
    result = run_conformity(layer_uri(county, "DLTB"), layer_uri(county, "YDYHGHFQ"),
                            TOWNSHIPS=layer_uri(county, "XZQ"), OUTPUT_REPORT=str(report))
    townships = {f["township"] for f in result["OUTPUT_TOTALS"].getFeatures() if f["level"] == "township"}
    xzq = QgsVectorLayer(layer_uri(county, "XZQ"), "xzq", "ogr")
    assert townships == {f["XZQDM"] for f in xzq.getFeatures()}
    page = report.read_text(encoding="utf-8")
    assert next(xzq.getFeatures())["XZQMC"] in page and "2023" in page and "· DLTB" in page


def bow_tie_layers():
    parcels = memory_layer(["POLYGON((39500000 4000000, 39500100 4000100, 39500100 4000000, 39500000 4000100, "
                            "39500000 4000000))", "POLYGON((39500200 4000000, 39500300 4000000, 39500300 4000100, "
                            "39500200 4000100, 39500200 4000000))"], "EPSG:4527", fields="&field=DLBM:string(5)",
                           attributes=[["0701"], ["0701"]])
    plan = memory_layer(["POLYGON((39499000 3999000, 39501000 3999000, 39501000 4001000, 39499000 4001000, "
                         "39499000 3999000))"], "EPSG:4527", name="plan", fields="&field=YDYHFLDM:string(6)",
                        attributes=[["0101"]])
    return parcels, plan


@pytest.mark.parametrize("choice, counted", [(0, 2), (1, 1)])
def test_invalid_geometries_are_repaired_or_skipped_and_listed(provider, choice, counted):
    parcels, plan = bow_tie_layers()
    result = run_conformity(parcels, plan, INVALID_GEOMETRIES=choice)
    assert result["INVALID_COUNT"] == 1
    pieces = list(result["OUTPUT"].getFeatures())
    assert len(pieces) == counted and {p["kind"] for p in pieces} == {"built_against_plan"}


def test_missing_field_is_a_clear_message(provider):
    parcels, plan = bow_tie_layers()
    with pytest.raises(QgsProcessingException, match="no field “LANDCODE”"):
        run_conformity(parcels, plan, CURRENT_FIELD="LANDCODE")


def test_through_qgis_process(county, tmp_path):  # noqa: F811
    env = prepare_profile(tmp_path / "qgis")
    result = run_algorithm("planmonitor:landuseconformity", {
        "CURRENT_LAND_USE": layer_uri(county, "DLTB"), "PLANNED_LAND_USE": layer_uri(county, "YDYHGHFQ"),
        "OUTPUT": str(tmp_path / "不符合规划.gpkg"), "OUTPUT_TOTALS": str(tmp_path / "分乡镇统计.gpkg"),
        "OUTPUT_REPORT": str(tmp_path / "报告.html")}, env)["results"]
    pieces = QgsVectorLayer(str(tmp_path / "不符合规划.gpkg"), "p", "ogr")
    assert pieces.featureCount() == result["PIECE_COUNT"] > 0
    assert result["BUILT_AGAINST_PLAN_AREA_M2"] > 0 and (tmp_path / "报告.html").exists()


def test_coordinates_outside_the_crs_area_give_a_clear_message(provider):
    # 500 000 m easting without the zone number, declared in EPSG:4527 (zone 39, false easting 39 500 000 m)
    parcels = memory_layer(["POLYGON((500000 4000000, 500100 4000000, 500100 4000100, 500000 4000000))"],
                           "EPSG:4527", fields="&field=DLBM:string(5)", attributes=[["0101"]])
    plan = memory_layer(["POLYGON((499000 3999000, 501000 3999000, 501000 4001000, 499000 3999000))"],
                        "EPSG:4527", name="plan", fields="&field=YDYHFLDM:string(6)", attributes=[["0101"]])
    with pytest.raises(QgsProcessingException, match="outside the area of their layer's coordinate system"):
        run_conformity(parcels, plan)


def test_gbk_township_shapefile_without_cpg_gives_chinese_names(provider, county, tmp_path):  # noqa: F811
    """A GBK Shapefile without .cpg (common in county deliveries) as the township layer: names read correctly."""
    from osgeo import gdal, ogr

    gdal.SetConfigOption("SHAPE_ENCODING", None)  # QGIS's OGR provider blanks it process-wide
    dataset = ogr.Open(str(county / "样例县.gpkg"))  # kept alive while its layer is read
    source = dataset.GetLayerByName("XZQ")
    path = tmp_path / "乡镇界线.shp"
    target = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    layer = target.CreateLayer("乡镇界线", source.GetSpatialRef(), ogr.wkbMultiPolygon, ["ENCODING=GBK"])
    for name in ("XZQDM", "XZQMC"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    names = []
    for feature in source:
        out = ogr.Feature(layer.GetLayerDefn())
        out.SetField("XZQDM", feature.GetField("XZQDM"))
        out.SetField("XZQMC", feature.GetField("XZQMC"))
        out.SetGeometry(feature.GetGeometryRef().Clone())
        layer.CreateFeature(out)
        names.append(feature.GetField("XZQMC"))
    target = None
    path.with_suffix(".cpg").unlink(missing_ok=True)
    assert "中".encode("gbk") != "中".encode() and names
    report = tmp_path / "报告.html"
    run_conformity(layer_uri(county, "DLTB"), layer_uri(county, "YDYHGHFQ"), TOWNSHIPS=str(path),
                   OUTPUT_REPORT=str(report))
    page = report.read_text(encoding="utf-8")
    assert all(name in page for name in names)


grid_boxes = st.tuples(st.integers(0, 20), st.integers(0, 20), st.integers(1, 8), st.integers(1, 8))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(grid_boxes, min_size=1, max_size=5), st.lists(grid_boxes, min_size=1, max_size=3), st.booleans())
def test_random_parcels_against_native_intersection(provider, parcels, plans, with_hole):
    """Boxes on a 25 m grid (shared edges, holes, multi-parts): every nonconforming piece's area per
    (parcel, planned polygon) equals QGIS's native intersection measured on the ellipsoid."""
    plan_geometries = [QgsGeometry.fromWkt(box_wkt(*b)) for b in plans]
    if with_hole:
        x, y, w, h = plans[0]
        plan_geometries[0] = plan_geometries[0].difference(
            QgsGeometry.fromWkt(box_wkt(x, y, w, h, unit=12.5, x0=39_500_000 + x * 12.5, y0=4_000_000 + y * 12.5)))
    if len(plan_geometries) > 1:  # a multi-part planned polygon (parts may also touch or merge)
        plan_geometries[0] = plan_geometries[0].combine(plan_geometries.pop())
    parcel_layer = memory_layer([QgsGeometry.fromWkt(box_wkt(*b)) for b in parcels], "EPSG:4527",
                                fields="&field=PID:integer&field=DLBM:string(5)",
                                attributes=[[i, "0701"] for i in range(len(parcels))])
    plan_layer = memory_layer(plan_geometries, "EPSG:4527", name="plan",
                              fields="&field=QID:integer&field=YDYHFLDM:string(6)",
                              attributes=[[i, "0101"] for i in range(len(plan_geometries))])
    native = processing.run("native:intersection", {"INPUT": parcel_layer, "OVERLAY": plan_layer,
                                                     "INPUT_FIELDS": ["PID"], "OVERLAY_FIELDS": ["QID"],
                                                     "OUTPUT": "memory:"})["OUTPUT"]
    distance_area = measure(native)
    expected = defaultdict(float)
    for feature in native.getFeatures():
        expected[(feature["PID"], feature["QID"])] += distance_area.measureArea(feature.geometry())
    expected = {key: area for key, area in expected.items() if area > 1.0}
    pid = {f.id(): f["PID"] for f in parcel_layer.getFeatures()}
    qid = {f.id(): f["QID"] for f in plan_layer.getFeatures()}
    found = {(pid[f["parcel_id"]], qid[f["planned_id"]]): f["area_m2"]
             for f in run_conformity(parcel_layer, plan_layer)["OUTPUT"].getFeatures() if f["planned_id"]}
    assert set(found) == set(expected)
    for key, area in expected.items():
        assert found[key] == pytest.approx(area, rel=1e-6), key
