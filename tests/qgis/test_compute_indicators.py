"""planmonitor:computeindicators in real QGIS: hand-computed values, oracles against native algorithms, models,
qgis_process, bad input.

The oracle for every area is QGIS itself: QgsDistanceArea on the CGCS2000 ellipsoid (EPSG:1024), of the
hand-made boxes or of the pieces native:intersection returns — never the plugin's own area code.
"""

from __future__ import annotations

from collections import defaultdict

import processing
import pytest
from osgeo import ogr
from qgis.core import (
    QgsApplication,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from planmonitor_plugin.core.indicators.snapshot import SNAPSHOT_COLUMNS
from planmonitor_plugin.qgis_adapter.indicator_style import STYLE_PATH, apply_units_style
from scripts.qgisprocess import prepare_profile, run_algorithm
from tests.qgis.conftest import register_provider
from tests.qgis.test_validate_data import county  # noqa: F401 (session fixture: the sample county)

NULL = QVariant()

ALGORITHM = "planmonitor:computeindicators"
YEAR = 2024
TOWN_A, TOWN_B, COUNTY = "371525100000", "371525200000", "371525000000"
BOX_A = (117.000, 36.000, 117.010, 36.010)
BOX_B = (117.010, 36.000, 117.020, 36.010)
#: name → (DLBM, CZCSXM, lon/lat box).  P7 straddles A|B with its larger part in B.
PARCELS = {
    "P1": ("0101", "", (117.000, 36.000, 117.002, 36.002)),
    "P2": ("0103", "", (117.002, 36.000, 117.004, 36.002)),
    "P3": ("0301", "", (117.012, 36.000, 117.014, 36.002)),
    "P4": ("0701", "201", (117.004, 36.004, 117.006, 36.006)),
    "P5": ("0702", "203", (117.014, 36.004, 117.016, 36.006)),
    "P6": ("0810", "201", (117.004, 36.006, 117.006, 36.008)),
    "P7": ("0601", "202", (117.009, 36.000, 117.0115, 36.002)),
    "P8": ("1101", "", (117.016, 36.006, 117.020, 36.010)),
    "P9": ("0303", "", (117.010, 36.008, 117.012, 36.010)),
    "P10": ("0701", "", (117.018, 36.000, 117.020, 36.002)),
}
REDLINE = [(117.013, 36.000, 117.016, 36.003), (117.015, 36.002, 117.017, 36.005)]  # overlapping boxes
UDB = (117.003, 36.003, 117.011, 36.009)
HA = 1e-4


# ------------------------------------------------------------------ hand-made county
def box(bounds) -> QgsGeometry:
    return QgsGeometry.fromRect(QgsRectangle(*bounds))


def measure(crs="EPSG:4490") -> QgsDistanceArea:
    distance_area = QgsDistanceArea()
    distance_area.setSourceCrs(QgsVectorLayer(f"Point?crs={crs}", "", "memory").crs(),
                               QgsProject.instance().transformContext())
    assert distance_area.setEllipsoid("EPSG:1024")
    return distance_area


def area(*geometries: QgsGeometry) -> float:
    """Σ ellipsoidal areas (m²) by QgsDistanceArea (the oracle)."""
    distance_area = measure()
    return sum(distance_area.measureArea(g) for g in geometries)


def parcel(name: str) -> float:
    return area(box(PARCELS[name][2]))


def layer(kind: str, name: str, fields: str, rows: list[tuple[list, QgsGeometry | None]]) -> QgsVectorLayer:
    uri = f"{kind}?crs=EPSG:4490{fields}" if kind != "None" else f"None{fields.replace('&', '?', 1)}"
    result = QgsVectorLayer(uri, name, "memory")
    assert result.isValid(), uri
    features = []
    for attributes, geometry in rows:
        feature = QgsFeature(result.fields())
        feature.setAttributes(attributes)
        if geometry is not None:
            feature.setGeometry(geometry)
        features.append(feature)
    assert result.dataProvider().addFeatures(features)
    return result


def units_layer() -> QgsVectorLayer:
    return layer("MultiPolygon", "XZQ", "&field=XZQDM:string(12)&field=XZQMC:string(50)",
                 [([TOWN_A, "甲镇"], box(BOX_A)), ([TOWN_B, "乙乡"], box(BOX_B))])


def land_use_layer(year: int = YEAR, changes: dict | None = None, kcxs: dict | None = None) -> QgsVectorLayer:
    """The hand-made DLTB; ``kcxs`` (parcel name → 扣除系数, NULL elsewhere) adds a KCXS field."""
    rows = []
    for name, (dlbm, czcsxm, bounds) in PARCELS.items():
        dlbm, czcsxm = (changes or {}).get(name, (dlbm, czcsxm))
        extra = [] if kcxs is None else [kcxs.get(name, NULL)]
        rows.append(([name, dlbm, czcsxm, year, *extra], box(bounds)))
    fields = "&field=BSM:string(18)&field=DLBM:string(5)&field=CZCSXM:string(4)&field=SJNF:integer"
    return layer("MultiPolygon", "DLTB", fields + ("" if kcxs is None else "&field=KCXS:double"), rows)


def population_layer(rows=None) -> QgsVectorLayer:
    rows = rows or [[TOWN_A, YEAR, 100, 0, 100], [TOWN_B, YEAR, 50, 20, 70], [TOWN_A, YEAR - 1, 1, 1, 2]]
    return layer("None", "RKSJ", "&field=XZQDM:string(12)&field=ND:integer&field=CZRK:integer&field=XCRK:integer"
                 "&field=CZHRK:integer", [(r, None) for r in rows])


def targets_layer(rows) -> QgsVectorLayer:
    return layer("None", "GHMB", "&field=XZQDM:string(12)&field=ZBDM:string(20)&field=ND:integer"
                 "&field=MBZ:string(30)&field=DW:string(10)", [(r, None) for r in rows])


def polygons(name: str, boxes) -> QgsVectorLayer:
    return layer("MultiPolygon", name, "&field=BSM:string(18)", [([str(i)], box(b)) for i, b in enumerate(boxes)])


def run(**parameters) -> dict:
    base = {"LAND_USE": land_use_layer(), "UNITS": units_layer(), "COUNTY_NAME": "样例县",
            "ECOLOGICAL_REDLINE": polygons("STBHHX", REDLINE), "URBAN_BOUNDARY": polygons("CZKFBJ", [UDB]),
            "POPULATION": population_layer(), "OUTPUT_TABLE": "memory:", "OUTPUT_UNITS": "memory:"}
    base.update(parameters)
    return processing.run(ALGORITHM, base)


def plain(value):
    """QGIS NULL → None."""
    return None if value == NULL else value


def table(result) -> dict[tuple[str, str, int], dict]:
    """{(unit_code, indicator_id, year): row} of the long-table output."""
    output = result["OUTPUT_TABLE"]
    names = output.fields().names()
    rows = {}
    for feature in output.getFeatures():
        row = dict(zip(names, (plain(value) for value in feature.attributes())))
        rows[(row["unit_code"], row["indicator_id"], row["year"])] = row
    return rows


def exact(rows, indicator_id, year=YEAR) -> dict[str, float]:
    return {code: rows[(code, indicator_id, year)]["value_exact"] for code in (TOWN_A, TOWN_B, COUNTY)}


def assert_units(rows, indicator_id, a, b, total=None, rel=1e-9, year=YEAR):
    got = exact(rows, indicator_id, year)
    expected = {TOWN_A: a, TOWN_B: b, COUNTY: a + b if total is None else total}
    for code, value in expected.items():
        assert got[code] == pytest.approx(value, rel=rel, abs=1e-9), (indicator_id, code)


@pytest.fixture(scope="module")
def hand(qgis_app, qgis_processing):
    ensure_provider()
    return run()


def ensure_provider() -> None:
    """Module-scoped fixtures cannot use the function-scoped ``provider`` fixture."""
    if QgsApplication.processingRegistry().providerById("planmonitor") is None:
        register_provider()


# ------------------------------------------------------------------ hand-computed values
def test_hand_computed_areas(hand):
    rows = table(hand)
    assert_units(rows, "cultivated_land_area", (parcel("P1") + parcel("P2")) * HA, 0.0)
    assert_units(rows, "forest_land_area", 0.0, parcel("P3") * HA)
    # 建设用地: A holds P4, P6; B holds P5, P10 and the straddling P7 (larger part in B), each counted whole
    assert_units(rows, "construction_land_area", (parcel("P4") + parcel("P6")) * HA,
                 (parcel("P5") + parcel("P7") + parcel("P10")) * HA)
    # 城乡建设用地 needs CZCSXM 201…203: P10 has none
    assert_units(rows, "urban_rural_construction_land_area", (parcel("P4") + parcel("P6")) * HA,
                 (parcel("P5") + parcel("P7")) * HA)
    redline_union = QgsGeometry.unaryUnion([box(b) for b in REDLINE])
    assert_units(rows, "ecological_redline_area", 0.0, area(redline_union) * HA, rel=1e-7)
    # inside the UDB: P4 and P6 wholly (A); P5 and P7 (B) lie outside it
    assert_units(rows, "urban_rural_construction_in_udb", (parcel("P4") + parcel("P6")) * HA, 0.0)
    assert_units(rows, "urban_rural_construction_outside_udb", 0.0, (parcel("P5") + parcel("P7")) * HA)


def test_hand_computed_per_capita_and_rates(hand):
    rows = table(hand)
    urban_a, urban_b = parcel("P4") + parcel("P6"), parcel("P7")
    assert_units(rows, "per_capita_urban_construction_land", urban_a / 100, urban_b / 50,
                 total=(urban_a + urban_b) / 150)
    # rural population of A is 0: not computed for A and the county, never a zero or an infinity
    b_rural = rows[(TOWN_B, "per_capita_village_construction_land", YEAR)]
    assert b_rural["value_exact"] == pytest.approx(parcel("P5") / 20, rel=1e-9)
    a_rural = rows[(TOWN_A, "per_capita_village_construction_land", YEAR)]
    assert a_rural["status"] == "not_computed" and a_rural["value"] is None and "zero" in a_rural["reason"]
    forest = parcel("P3") + parcel("P9")  # 0301 and 0303 count as forest cover
    assert_units(rows, "forest_coverage_rate", 0.0, forest / area(box(BOX_B)) * 100,
                 total=forest / area(box(BOX_A), box(BOX_B)) * 100, rel=1e-7)


def test_kcxs_deducts_field_ridges(provider):
    """KCXS is read from the layer: P1 (KCXS 0.1) is 90 % cultivated land; P4 (0.25) counts 75 % in the UDB."""
    feedback = QgsProcessingFeedback()
    result = processing.run(ALGORITHM, {"LAND_USE": land_use_layer(kcxs={"P1": 0.1, "P4": 0.25}),
                                        "UNITS": units_layer(), "URBAN_BOUNDARY": polygons("CZKFBJ", [UDB]),
                                        "OUTPUT_TABLE": "memory:", "OUTPUT_UNITS": "memory:"}, feedback=feedback)
    rows = table(result)
    assert_units(rows, "cultivated_land_area", (0.9 * parcel("P1") + parcel("P2")) * HA, 0.0)
    assert_units(rows, "urban_rural_construction_in_udb", (0.75 * parcel("P4") + parcel("P6")) * HA, 0.0)
    assert "KCXS" not in feedback.textLog()


def test_without_kcxs_whole_parcels_count_and_the_log_says_so(provider):
    feedback = QgsProcessingFeedback()
    result = processing.run(ALGORITHM, {"LAND_USE": land_use_layer(), "UNITS": units_layer(),
                                        "OUTPUT_TABLE": "memory:", "OUTPUT_UNITS": "memory:"}, feedback=feedback)
    assert_units(table(result), "cultivated_land_area", (parcel("P1") + parcel("P2")) * HA, 0.0)
    assert "no KCXS field" in feedback.textLog()


def test_bad_kcxs_names_the_row(provider):
    with pytest.raises(QgsProcessingException, match=r"KCXS.*row 2 \(BSM='P2', DLBM='0103', KCXS=1\.5\)"):
        run(LAND_USE=land_use_layer(kcxs={"P2": 1.5}))


def test_missing_inputs_are_not_computed_never_zero(hand):
    rows = table(hand)
    for indicator_id, needed in (("urban_road_network_density", "roads"),
                                 ("community_health_walk_15min_coverage", "community_health_facilities"),
                                 ("permanent_basic_farmland_area", "basic_farmland")):
        for code in (TOWN_A, TOWN_B, COUNTY):
            row = rows[(code, indicator_id, YEAR)]
            assert row["status"] == "not_computed" and row["value"] is None and row["value_exact"] is None
            assert needed in row["reason"], row["reason"]
    assert hand["NOT_COMPUTED_COUNT"] >= 9


ROAD = QgsGeometry.fromPolylineXY([QgsPointXY(117.000, 36.005), QgsPointXY(117.010, 36.005)])


def clinic_layer() -> QgsVectorLayer:
    return layer("Point", "WS", "&field=name:string(10)", [(["c"], QgsGeometry.fromPointXY(
        QgsPointXY(117.005, 36.005)))])


def test_health_coverage_straight_line(provider):
    """Without roads: 1000 m around the clinic covers P4 (urban residential in A), not P10 (1.2 km away, in B)."""
    coverage = exact(table(run(HEALTH_FACILITIES=clinic_layer())), "community_health_walk_15min_coverage")
    assert coverage[TOWN_A] == pytest.approx(100.0) and coverage[TOWN_B] == pytest.approx(0.0)
    assert coverage[COUNTY] == pytest.approx(parcel("P4") / (parcel("P4") + parcel("P10")) * 100, rel=1e-4)


def test_roads_give_network_coverage_and_road_density(provider):
    """With a road: the clinic on it reaches the whole 0.9 km road; land within 50 m of it is covered —
    of P4 the band 36.005 ± 50 m, i.e. 100 m of its height."""
    roads = layer("LineString", "DL", "&field=name:string(10)", [(["r"], ROAD)])
    rows = table(run(ROADS=roads, URBAN_AREA=polygons("CQFW", [BOX_A]), HEALTH_FACILITIES=clinic_layer()))
    length_km = measure().measureLength(ROAD) / 1000.0
    density = rows[(TOWN_A, "urban_road_network_density", YEAR)]
    assert density["value_exact"] == pytest.approx(length_km / (area(box(BOX_A)) / 1e6), rel=1e-4)
    assert rows[(TOWN_B, "urban_road_network_density", YEAR)]["status"] == "not_computed"  # no urban area in B
    p4_height = measure().measureLine(QgsPointXY(117.005, 36.004), QgsPointXY(117.005, 36.006))
    coverage = exact(rows, "community_health_walk_15min_coverage")
    assert coverage[TOWN_A] == pytest.approx(100.0 / p4_height * 100, rel=1e-3)
    assert coverage[TOWN_B] == pytest.approx(0.0)


def test_parks_layer_replaces_the_land_use_classes(provider):
    without = exact(table(run()), "park_square_walk_5min_coverage")
    assert without[TOWN_A] == pytest.approx(100.0)  # P6 (0810) borders P4
    far_park = polygons("GY", [(117.0195, 36.0095, 117.020, 36.010)])  # a park next to nothing residential
    with_layer = exact(table(run(PARKS=far_park)), "park_square_walk_5min_coverage")
    assert with_layer[TOWN_A] == pytest.approx(0.0)


def test_targets_warning_levels_and_equal_tolerance(provider):
    cultivated_a = round((parcel("P1") + parcel("P2")) * HA, 4)
    redline_b = round(area(QgsGeometry.unaryUnion([box(b) for b in REDLINE])) * HA, 4)
    targets = targets_layer([
        [TOWN_A, "GDBYL", 2035, str(cultivated_a + 0.001), "公顷"],  # floor just above the value → red
        [TOWN_B, "STBHHXMJ", 2035, str(redline_b * (1 + 5e-5)), "公顷"],  # planar vs ellipsoidal: equal → green
        [COUNTY, "建设用地总面积", 2035, "1000", "公顷"],  # cap far above → green
        [TOWN_A, "JSYDZMJ", 2035, str(round((parcel("P4") + parcel("P6")) * HA * 1.02, 4)), "公顷"]])  # yellow
    result = run(TARGETS=targets)
    rows = table(result)
    assert rows[(TOWN_A, "cultivated_land_area", YEAR)]["warning_level"] == "red"
    assert rows[(TOWN_A, "cultivated_land_area", YEAR)]["deviation"] == pytest.approx(-0.001, abs=1e-9)
    assert rows[(TOWN_B, "ecological_redline_area", YEAR)]["warning_level"] == "green"
    assert rows[(COUNTY, "construction_land_area", YEAR)]["warning_level"] == "green"
    assert rows[(TOWN_A, "construction_land_area", YEAR)]["warning_level"] == "yellow"
    assert rows[(TOWN_B, "cultivated_land_area", YEAR)]["warning_level"] == "no_target"
    assert rows[(TOWN_A, "cultivated_land_area", YEAR)]["target_year"] == 2035
    assert (result["RED_COUNT"], result["YELLOW_COUNT"], result["GREEN_COUNT"]) == (1, 1, 2)
    units = {f["unit_code"]: f for f in result["OUTPUT_UNITS"].getFeatures()}
    assert set(units) == {TOWN_A, TOWN_B}  # townships only: the county is the sum, in the table
    assert units[TOWN_A]["worst_level"] == "red" and units[TOWN_B]["worst_level"] == "green"
    assert units[TOWN_A]["cultivated_land_area"] == pytest.approx(cultivated_a, abs=1e-9)


def test_two_years_give_change_and_trend(provider):
    earlier = land_use_layer(2020, changes={"P2": ("0301", "")})  # P2 was forest in 2020, cultivated by 2024
    rows = table(run(LAND_USE_2=earlier))
    assert (TOWN_A, "cultivated_land_area", 2020) in rows
    later = rows[(TOWN_A, "cultivated_land_area", YEAR)]
    assert later["base_year"] == 2020 and later["trend"] == "up" and later["assessment"] == "improving"
    assert later["change"] == pytest.approx(round(parcel("P2") * HA, 4), abs=1e-4)
    forest = rows[(TOWN_A, "forest_land_area", YEAR)]
    assert forest["trend"] == "down" and forest["assessment"] == "worsening"
    assert rows[(TOWN_A, "cultivated_land_area", 2020)]["trend"] == ""  # trends sit on the later year


# ------------------------------------------------------------------ bad input
def test_population_codes_that_match_no_unit(provider):
    population = population_layer([[TOWN_A, YEAR, 100, 0, 100], ["371525999000", YEAR, 5, 5, 10]])
    with pytest.raises(QgsProcessingException, match=r"row 2 \(XZQDM='371525999000'"):
        run(POPULATION=population)


def test_target_for_an_unknown_indicator(provider):
    targets = targets_layer([[TOWN_A, "GDBYL", 2035, "1", "公顷"], [TOWN_B, "XYZMJ", 2035, "2", "公顷"]])
    with pytest.raises(QgsProcessingException, match=r"not in the catalog: row 2 \(XZQDM='371525200000', "
                                                     r"ZBDM='XYZMJ'"):
        run(TARGETS=targets)


def test_text_in_a_number_column(provider):
    targets = targets_layer([[TOWN_A, "GDBYL", 2035, "很多", "公顷"]])
    with pytest.raises(QgsProcessingException, match=r"MBZ holds values that are not numbers: row 1 .*很多"):
        run(TARGETS=targets)
    population = layer("None", "RKSJ", "&field=XZQDM:string(12)&field=ND:integer&field=CZRK:string(10)",
                       [([TOWN_A, YEAR, "100"], None), ([TOWN_B, YEAR, "五十"], None)])
    with pytest.raises(QgsProcessingException, match=r"CZRK holds values that are not numbers: row 2 .*五十"):
        run(POPULATION=population)


def test_two_population_rows_for_one_township(provider):
    population = population_layer([[TOWN_A, YEAR, 100, 0, 100], [TOWN_A, YEAR, 90, 0, 90]])
    with pytest.raises(QgsProcessingException, match=r"more than one row per township for 2024: row 1"):
        run(POPULATION=population)


def test_targets_without_the_needed_columns(provider):
    bad = layer("None", "GHMB", "&field=code:string(12)&field=value:double", [([TOWN_A, 1.0], None)])
    with pytest.raises(QgsProcessingException, match="XZQDM, ZBDM, ND, MBZ"):
        run(TARGETS=bad)


def test_units_with_different_county_codes_need_the_county_code(provider):
    units = layer("MultiPolygon", "XZQ", "&field=XZQDM:string(12)&field=XZQMC:string(50)",
                  [([TOWN_A, "甲镇"], box(BOX_A)), (["370000200000", "乙乡"], box(BOX_B))])
    with pytest.raises(QgsProcessingException, match="give the county code"):
        run(UNITS=units)
    rows = table(run(UNITS=units, COUNTY_CODE="371525000000", POPULATION=None))
    assert rows[(COUNTY, "cultivated_land_area", YEAR)]["unit_name"] == "样例县"


# ------------------------------------------------------------------ oracles on the sample county
def layer_uri(county_path, name):
    return f"{county_path / '样例县.gpkg'}|layername={name}"


@pytest.fixture(scope="module")
def sample(county, qgis_processing):  # noqa: F811
    ensure_provider()
    result = processing.run(ALGORITHM, {
        "LAND_USE": layer_uri(county, "DLTB"), "UNITS": layer_uri(county, "XZQ"),
        "ECOLOGICAL_REDLINE": layer_uri(county, "STBHHX"), "BASIC_FARMLAND": layer_uri(county, "YJJBNTBHTB"),
        "URBAN_BOUNDARY": layer_uri(county, "CZKFBJ"), "POPULATION": layer_uri(county, "RKSJ"),
        "TARGETS": layer_uri(county, "GHMB"), "COUNTY_NAME": "样例县", "OUTPUT_TABLE": "memory:",
        "OUTPUT_UNITS": "memory:"})
    return result, table(result)


def native_area_by_township(pieces: QgsVectorLayer) -> dict[str, float]:
    """Σ QgsDistanceArea ellipsoidal area (m²) of native pieces per XZQDM."""
    distance_area = QgsDistanceArea()
    distance_area.setSourceCrs(pieces.crs(), QgsProject.instance().transformContext())
    assert distance_area.setEllipsoid("EPSG:1024")
    totals = defaultdict(float)
    for feature in pieces.getFeatures():
        totals[str(feature["XZQDM"])] += distance_area.measureArea(feature.geometry())
    return totals


def intersect(county_path, overlay, expression=None):
    """native:intersection of XZQ with a (filtered) sample layer, keeping XZQDM."""
    source = layer_uri(county_path, overlay)
    if expression:
        source = processing.run("native:extractbyexpression", {"INPUT": source, "EXPRESSION": expression,
                                                                "OUTPUT": "memory:"})["OUTPUT"]
    return processing.run("native:intersection", {"INPUT": layer_uri(county_path, "XZQ"), "OVERLAY": source,
                                                  "INPUT_FIELDS": ["XZQDM"], "OVERLAY_FIELDS": [],
                                                  "OUTPUT": "memory:"})["OUTPUT"]


CULTIVATED = "\"DLBM\" IN ('0101', '0102', '0103')"
URBAN_RURAL = ("(left(\"DLBM\", 2) IN ('05', '06', '07', '08', '09') OR \"DLBM\" IN ('1001', '1002', '1003', "
               "'1004', '1005', '1007', '1008', '1009', '1109', '1201')) AND \"CZCSXM\" IN ('201', '201A', '202', "
               "'202A', '203', '203A')")


@pytest.mark.parametrize("indicator_id, overlay, expression", [
    ("ecological_redline_area", "STBHHX", None),  # the red line is in EPSG:4490, XZQ in EPSG:4527
    ("permanent_basic_farmland_area", "YJJBNTBHTB", None),
    ("urban_development_boundary_area", "CZKFBJ", None),
    ("cultivated_land_area", "DLTB", CULTIVATED),
    ("urban_rural_construction_land_area", "DLTB", URBAN_RURAL),
])
def test_areas_match_native_intersection(sample, county, indicator_id, overlay, expression):  # noqa: F811
    _result, rows = sample
    expected = native_area_by_township(intersect(county, overlay, expression))
    townships = {code: row for (code, ind, _y), row in rows.items() if ind == indicator_id
                 and row["unit_level"] == "township"}
    assert len(townships) >= 3 and sum(expected.values()) > 1e6
    for code, row in townships.items():
        assert row["value_exact"] * 1e4 == pytest.approx(expected.get(code, 0.0), rel=1e-6, abs=1.0), code


def test_urban_rural_construction_in_udb_matches_two_native_intersections(sample, county):  # noqa: F811
    _result, rows = sample
    construction = processing.run("native:extractbyexpression", {
        "INPUT": layer_uri(county, "DLTB"), "EXPRESSION": URBAN_RURAL, "OUTPUT": "memory:"})["OUTPUT"]
    inside = processing.run("native:intersection", {"INPUT": construction, "OVERLAY": layer_uri(county, "CZKFBJ"),
                                                    "INPUT_FIELDS": ["XZQDM"], "OVERLAY_FIELDS": [],
                                                    "OUTPUT": "memory:"})["OUTPUT"]
    expected = native_area_by_township(inside)  # DLTB carries its township's XZQDM
    assert sum(expected.values()) > 1e5
    for (code, indicator_id, _year), row in rows.items():
        if indicator_id == "urban_rural_construction_in_udb" and row["unit_level"] == "township":
            assert row["value_exact"] * 1e4 == pytest.approx(expected.get(code, 0.0), rel=1e-6, abs=1.0), code


def test_county_is_the_sum_of_townships(sample):
    result, rows = sample
    by_indicator = defaultdict(dict)
    for (code, indicator_id, _year), row in rows.items():
        by_indicator[indicator_id][row["unit_level"] if row["unit_level"] == "county" else code] = row
    area_indicators = [i for i, r in by_indicator.items() if r["county"]["unit"] == "公顷"]
    assert len(area_indicators) >= 10
    for indicator_id in area_indicators:
        units = by_indicator[indicator_id]
        townships = [row for key, row in units.items() if key != "county"]
        county_row = units["county"]
        assert county_row["value_exact"] == pytest.approx(sum(r["value_exact"] for r in townships), rel=1e-12)
        # balanced rounding: the printed township values add up to the printed county value
        assert round(sum(r["value"] for r in townships), 4) == pytest.approx(county_row["value"], abs=1e-9)


def test_sample_targets_match_the_units(sample):
    """The GHMB county rows (371525000000) match the county derived from the XZQ township codes."""
    result, rows = sample
    county_rows = [row for (code, _i, _y), row in rows.items() if code == COUNTY]
    assert county_rows and all(row["unit_name"] == "样例县" for row in county_rows)
    graded = {row["indicator_id"]: row for row in county_rows if row["target"] is not None}
    assert len(graded) == 7
    # targets drawn from the same lines are equal within the tolerance: never red
    assert graded["ecological_redline_area"]["warning_level"] in ("green", "yellow")
    assert graded["permanent_basic_farmland_area"]["warning_level"] in ("green", "yellow")
    assert result["RED_COUNT"] >= 1  # the sample's second township misses its 耕地 target


# ------------------------------------------------------------------ outputs, style, models, qgis_process
def test_snapshot_columns_are_stable(hand):
    assert hand["OUTPUT_TABLE"].fields().names() == SNAPSHOT_COLUMNS
    assert hand["OUTPUT_TABLE"].wkbType() == 100  # NoGeometry


def test_units_style_applied_when_loaded(provider):
    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults(ALGORITHM, {"LAND_USE": land_use_layer(), "UNITS": units_layer(),
                                             "OUTPUT_TABLE": "memory:", "OUTPUT_UNITS": "memory:"})
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    units = [lay for lay in added if lay.fields().lookupField("worst_level") >= 0]
    assert len(units) == 1
    assert units[0].renderer().type() == "categorizedSymbol"
    assert {c.value() for c in units[0].renderer().categories()} == {"red", "yellow", "green", "no_target"}
    project.removeMapLayers([lay.id() for lay in added])


def test_bundled_qml_is_the_same_style(provider, tmp_path):
    styled = QgsVectorLayer("MultiPolygon?crs=EPSG:4490&field=worst_level:string&field=unit_name:string", "u",
                            "memory")
    message, ok = styled.loadNamedStyle(str(STYLE_PATH))
    assert ok, message
    assert styled.renderer().classAttribute() == "worst_level"
    fresh = QgsVectorLayer("MultiPolygon?crs=EPSG:4490&field=worst_level:string&field=unit_name:string", "v",
                           "memory")
    apply_units_style(fresh)
    assert [c.value() for c in fresh.renderer().categories()] == [c.value() for c in styled.renderer().categories()]


def test_report_has_charts_and_traffic_lights(provider, tmp_path):
    report = tmp_path / "指标报告.html"
    targets = targets_layer([[TOWN_A, "GDBYL", 2035, "1000", "公顷"], [TOWN_B, "GDBYL", 2035, "0.5", "公顷"]])
    run(TARGETS=targets, OUTPUT_REPORT=str(report), LAND_USE_2=land_use_layer(2020))
    page = report.read_text(encoding="utf-8")
    assert page.count("<svg") == 1 and 'class="lights"' in page and "<script" not in page
    assert "local configuration" in page and "@media print" in page
    assert "needs layer roads" in page  # not-computed indicators are listed with the reason


def test_inside_a_graphical_model(provider):
    """A model: compute the indicators, then keep the red warnings with a native algorithm."""
    model = QgsProcessingModelAlgorithm("Indicators, then red warnings", "PlanMonitor", "indicatorsredwarnings")
    for name in ("LAND_USE", "UNITS", "TARGETS"):
        model.addModelParameter(QgsProcessingParameterVectorLayer(name, name, optional=name == "TARGETS"),
                                QgsProcessingModelParameter(name))
    compute = QgsProcessingModelChildAlgorithm(ALGORITHM)
    compute.setChildId("indicators")
    for name in ("LAND_USE", "UNITS", "TARGETS"):
        compute.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromModelParameter(name)])
    compute.addParameterSources("COUNTY_NAME", [QgsProcessingModelChildParameterSource.fromStaticValue("样例县")])
    output = QgsProcessingModelOutput("Units", "Units")
    output.setChildId("indicators")
    output.setChildOutputName("OUTPUT_UNITS")
    compute.setModelOutputs({"Units": output})
    model.addChildAlgorithm(compute)
    red = QgsProcessingModelChildAlgorithm("native:extractbyattribute")
    red.setChildId("red")
    red.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("indicators",
                                                                                             "OUTPUT_TABLE")])
    for key, value in (("FIELD", "warning_level"), ("OPERATOR", 0), ("VALUE", "red")):
        red.addParameterSources(key, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    red_output = QgsProcessingModelOutput("Red", "Red")
    red_output.setChildId("red")
    red_output.setChildOutputName("OUTPUT")
    red.setModelOutputs({"Red": red_output})
    model.addChildAlgorithm(red)
    targets = targets_layer([[TOWN_A, "GDBYL", 2035, "1000", "公顷"], [TOWN_B, "GDBYL", 2035, "0", "公顷"]])
    parameters = {"LAND_USE": land_use_layer(), "UNITS": units_layer(), "TARGETS": targets,
                  "indicators:Units": "memory:", "red:Red": "memory:"}
    ok, problems = model.checkParameterValues(parameters, QgsProcessingContext())
    assert ok, problems
    result = processing.run(model, parameters, feedback=QgsProcessingFeedback())
    red_rows = [f.attributes() for f in result["red:Red"].getFeatures()]
    assert len(red_rows) == 1  # town A's 1000 ha cultivated-land floor
    assert result["indicators:Units"].featureCount() == 2


def test_through_qgis_process(county, tmp_path):  # noqa: F811
    env = prepare_profile(tmp_path / "qgis")
    gpkg, units, report = tmp_path / "指标.gpkg", tmp_path / "指标单元.gpkg", tmp_path / "指标报告.html"
    layers = {"LAND_USE": "DLTB", "UNITS": "XZQ", "ECOLOGICAL_REDLINE": "STBHHX", "BASIC_FARMLAND": "YJJBNTBHTB",
              "URBAN_BOUNDARY": "CZKFBJ", "POPULATION": "RKSJ", "TARGETS": "GHMB"}
    result = run_algorithm(ALGORITHM, {**{k: layer_uri(county, v) for k, v in layers.items()},
                                       "COUNTY_NAME": "样例县", "OUTPUT_TABLE": str(gpkg),
                                       "OUTPUT_UNITS": str(units), "OUTPUT_REPORT": str(report)}, env)["results"]
    assert result["INDICATOR_COUNT"] >= 17 and result["RED_COUNT"] >= 1
    dataset = ogr.Open(str(gpkg))
    stored = dataset.GetLayer(0)
    definition = stored.GetLayerDefn()
    assert [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())] == SNAPSHOT_COLUMNS
    assert definition.GetFieldDefn(SNAPSHOT_COLUMNS.index("year")).GetType() == ogr.OFTInteger
    assert stored.GetGeomType() == ogr.wkbNone
    county_targets = [f.GetField("target") for f in stored if f.GetField("unit_code") == COUNTY
                      and f.GetField("target") is not None]
    assert len(county_targets) == 7
    assert report.exists() and "<svg" in report.read_text(encoding="utf-8")


def test_report_uses_chinese_names_under_zh_cn(provider, tmp_path):
    from qgis.core import QgsSettings

    settings = QgsSettings()
    before = (settings.value("locale/overrideFlag", False, type=bool), settings.value("locale/userLocale", ""))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    try:
        report = tmp_path / "报告.html"
        run(TARGETS=targets_layer([[TOWN_A, "GDBYL", 2035, "1000", "公顷"]]), OUTPUT_REPORT=str(report))
        page = report.read_text(encoding="utf-8")
    finally:
        settings.setValue("locale/overrideFlag", before[0])
        settings.setValue("locale/userLocale", before[1])
    assert '<html lang="zh-CN">' in page and "耕地保有量" in page and "Cultivated land retained" not in page


def test_population_from_csv_and_targets_from_xlsx(provider, tmp_path):
    """Tables as files: every CSV cell is text, a spreadsheet's codes may arrive as numbers."""
    csv = tmp_path / "人口.csv"
    csv.write_text(f"XZQDM,ND,CZRK,XCRK,CZHRK\n{TOWN_A},{YEAR},100,0,100\n{TOWN_B},{YEAR},50,20,70\n",
                   encoding="utf-8")
    xlsx = tmp_path / "规划目标.xlsx"
    dataset = ogr.GetDriverByName("XLSX").CreateDataSource(str(xlsx))
    sheet = dataset.CreateLayer("GHMB", geom_type=ogr.wkbNone)
    for name, kind in (("XZQDM", ogr.OFTInteger64), ("ZBDM", ogr.OFTString), ("ND", ogr.OFTInteger),
                       ("MBZ", ogr.OFTReal), ("DW", ogr.OFTString)):
        sheet.CreateField(ogr.FieldDefn(name, kind))
    feature = ogr.Feature(sheet.GetLayerDefn())
    for name, value in (("XZQDM", int(TOWN_A)), ("ZBDM", "GDBYL"), ("ND", 2035), ("MBZ", 1000.0), ("DW", "公顷")):
        feature.SetField(name, value)
    sheet.CreateFeature(feature)
    dataset = None
    rows = table(run(POPULATION=str(csv), TARGETS=str(xlsx)))
    urban_a = parcel("P4") + parcel("P6")
    assert rows[(TOWN_A, "per_capita_urban_construction_land", YEAR)]["value_exact"] == pytest.approx(urban_a / 100)
    assert rows[(TOWN_A, "cultivated_land_area", YEAR)]["warning_level"] == "red"
