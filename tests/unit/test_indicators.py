"""Indicator engine on a tiny hand-made county with hand-computed expected values.

Two townships A and B are 0.01° × 0.01° boxes near 117°E 36°N.  Expected areas
are ``polygon_areas`` of the hand-made boxes summed by hand here — independent of
the engine's class sets, assignment and grouping code.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import shapely

from planmonitor_plugin.core.area import CGCS2000, polygon_areas
from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.indicators import compute_indicators, load_catalog
from planmonitor_plugin.core.indicators.catalog import CATALOG_PATH, parse_catalog

YEAR = 2024
TOWN_A, TOWN_B, COUNTY = "371525001", "371525002", "371525"
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


def area(*boxes: tuple[float, float, float, float]) -> float:
    """Σ ellipsoidal areas (m²) of lon/lat boxes."""
    return float(polygon_areas([shapely.box(*b) for b in boxes]).sum())


def parcel(name: str) -> float:
    """Ellipsoidal area (m²) of one hand-made parcel."""
    return area(PARCELS[name][2])


def units_input() -> tuple[pd.DataFrame, np.ndarray]:
    """County row (no geometry) + townships A and B."""
    frame = pd.DataFrame({"unit_code": [COUNTY, TOWN_A, TOWN_B], "unit_name": ["样例县", "甲镇", "乙乡"],
                          "level": ["county", "township", "township"]})
    return frame, np.array([None, shapely.box(*BOX_A), shapely.box(*BOX_B)], dtype=object)


def land_use_input(changes: dict[str, tuple[str, str]] | None = None) -> tuple[pd.DataFrame, np.ndarray]:
    """DLTB frame + parcels; ``changes`` overrides (DLBM, CZCSXM) of some parcels."""
    rows = {name: (changes or {}).get(name, spec[:2]) for name, spec in PARCELS.items()}
    frame = pd.DataFrame({"BSM": list(rows), "DLBM": [r[0] for r in rows.values()],
                          "CZCSXM": [r[1] for r in rows.values()]})
    return frame, np.array([shapely.box(*spec[2]) for spec in PARCELS.values()], dtype=object)


def population_input() -> pd.DataFrame:
    """RKSJ-style table; an earlier year must be ignored."""
    return pd.DataFrame({"XZQDM": [TOWN_A, TOWN_B, TOWN_A, TOWN_B], "ND": [YEAR, YEAR, YEAR - 1, YEAR - 1],
                         "CZRK": [100, 50, 1, 1], "XCRK": [0, 20, 1, 1], "CZHRK": [100, 70, 2, 2]})


def base_layers() -> dict[str, tuple[None, np.ndarray]]:
    return {"ecological_redline": (None, np.array([shapely.box(*b) for b in REDLINE], dtype=object)),
            "urban_boundary": (None, np.array([shapely.box(*UDB)], dtype=object))}


def run(layers: dict | None = None, land_use=None, population=None, **kwargs) -> pd.DataFrame:
    """compute_indicators on the tiny county."""
    return compute_indicators(units_input(), land_use or land_use_input(), base_layers() if layers is None else layers,
                              population_input() if population is None else population, load_catalog(), YEAR,
                              **kwargs)


def values(results: pd.DataFrame, indicator_id: str, column: str = "value_exact") -> dict[str, float]:
    """{unit_code: value} of one indicator."""
    rows = results[results["indicator_id"] == indicator_id]
    return dict(zip(rows["unit_code"], rows[column]))


def row(results: pd.DataFrame, indicator_id: str, unit_code: str) -> pd.Series:
    rows = results[(results["indicator_id"] == indicator_id) & (results["unit_code"] == unit_code)]
    assert len(rows) == 1
    return rows.iloc[0]


@pytest.fixture(scope="module")
def results() -> pd.DataFrame:
    return run()


def assert_by_unit(results: pd.DataFrame, indicator_id: str, a: float, b: float, county: float | None = None,
                   rel: float = 1e-9) -> None:
    """Township A, B and county (default A + B) values of one indicator."""
    got = values(results, indicator_id)
    expected = {TOWN_A: a, TOWN_B: b, COUNTY: a + b if county is None else county}
    for code, value in expected.items():
        assert got[code] == pytest.approx(value, rel=rel, abs=1e-9), (indicator_id, code)


# ------------------------------------------------------------------ area indicators
HA = 1e-4


def test_redline_area_dissolves_overlap(results):
    overlap = (117.015, 36.002, 117.016, 36.003)
    dissolved = area(*REDLINE) - area(overlap)
    # the union polygon is measured in its own plane: differs from Σ boxes by < 1e-6
    assert_by_unit(results, "ecological_redline_area", 0.0, dissolved * HA, rel=2e-6)


def test_udb_area_split_between_townships(results):
    in_a, in_b = (117.003, 36.003, 117.010, 36.009), (117.010, 36.003, 117.011, 36.009)
    assert_by_unit(results, "urban_development_boundary_area", area(in_a) * HA, area(in_b) * HA)


def test_cultivated_forest_wetland(results):
    assert_by_unit(results, "cultivated_land_area", (parcel("P1") + parcel("P2")) * HA, 0.0)
    assert_by_unit(results, "forest_land_area", 0.0, parcel("P3") * HA)
    assert_by_unit(results, "wetland_area", 0.0, parcel("P9") * HA)


def test_construction_land_and_straddling_parcel_goes_to_larger_share(results):
    """P7 lies 0.001° in A and 0.0015° in B: all of it counts in B."""
    assert_by_unit(results, "construction_land_area", (parcel("P4") + parcel("P6")) * HA,
                   (parcel("P5") + parcel("P7") + parcel("P10")) * HA)


def test_urban_rural_construction_needs_settlement_code(results):
    """P10 (0701 without CZCSXM) is construction land but not 城乡建设用地."""
    assert_by_unit(results, "urban_rural_construction_land_area", (parcel("P4") + parcel("P6")) * HA,
                   (parcel("P5") + parcel("P7")) * HA)
    assert_by_unit(results, "urban_construction_land_area", (parcel("P4") + parcel("P6")) * HA, parcel("P7") * HA)
    assert_by_unit(results, "village_construction_land_area", 0.0, parcel("P5") * HA)


def test_construction_in_and_outside_zones(results):
    assert_by_unit(results, "urban_rural_construction_in_udb", (parcel("P4") + parcel("P6")) * HA, 0.0)
    assert_by_unit(results, "urban_rural_construction_outside_udb", 0.0, (parcel("P5") + parcel("P7")) * HA)
    in_redline = area((117.015, 36.004, 117.016, 36.005))  # P5 ∩ second red-line box
    assert_by_unit(results, "urban_rural_construction_in_redline", 0.0, in_redline * HA)


# ------------------------------------------------------------------ rates
def test_per_capita_with_population(results):
    urban_a, urban_b = parcel("P4") + parcel("P6"), parcel("P7")
    assert_by_unit(results, "per_capita_urban_construction_land", urban_a / 100, urban_b / 50,
                   county=(urban_a + urban_b) / 150)
    assert values(results, "per_capita_village_construction_land")[TOWN_B] == pytest.approx(parcel("P5") / 20)
    zero = row(results, "per_capita_village_construction_land", TOWN_A)
    assert zero["status"] == "not_computed" and zero["reason"] == "population XCRK is zero"
    assert np.isnan(zero["value"])


def test_forest_coverage_and_water_ratio(results):
    a, b = area(BOX_A), area(BOX_B)
    forest = parcel("P3") + parcel("P9")
    assert_by_unit(results, "forest_coverage_rate", 0.0, forest / b * 100, county=forest / (a + b) * 100)
    assert_by_unit(results, "water_surface_ratio", 0.0, parcel("P8") / b * 100, county=parcel("P8") / (a + b) * 100)


def test_park_coverage_straight_line(results):
    """P4 touches park P6 (covered), P10 is > 1 km from it (not covered)."""
    share = parcel("P4") / (parcel("P4") + parcel("P10")) * 100
    assert_by_unit(results, "park_square_walk_5min_coverage", 100.0, 0.0, county=share, rel=1e-4)


def metres_north(lat: float, dlat: float) -> float:
    """Meridian arc length (m) for a small latitude step."""
    e2 = CGCS2000.eccentricity ** 2
    phi = np.radians(lat)
    return CGCS2000.semi_major * (1 - e2) / (1 - e2 * np.sin(phi) ** 2) ** 1.5 * np.radians(dlat)


def test_park_coverage_partial_band():
    """A park strip south of a house block: the band within 300 m is covered."""
    house = (117.004, 36.005, 117.006, 36.008)
    gap_deg = 0.001
    park = (117.000, 36.003, 117.010, 36.005 - gap_deg)
    land = (pd.DataFrame({"DLBM": ["0701", "0810"], "CZCSXM": ["201", "201"]}),
            np.array([shapely.box(*house), shapely.box(*park)], dtype=object))
    result = run(land_use=land, indicator_ids=["park_square_walk_5min_coverage"])
    height = metres_north(36.0065, 0.003)
    expected = (300.0 - metres_north(36.0045, gap_deg)) / height * 100
    assert values(result, "park_square_walk_5min_coverage")[TOWN_A] == pytest.approx(expected, rel=1e-4)


def test_community_health_with_facility_layer():
    """A clinic in P10's middle covers P10 (B); P4 is ~1.2 km away (A: 0 %)."""
    layers = {**base_layers(), "community_health_facilities": (None, np.array([shapely.Point(117.019, 36.001)]))}
    result = run(layers=layers, indicator_ids=["community_health_walk_15min_coverage"])
    assert_by_unit(result, "community_health_walk_15min_coverage", 0.0, 100.0,
                   county=parcel("P10") / (parcel("P4") + parcel("P10")) * 100, rel=1e-4)


def test_road_density_in_urban_area():
    """One east-west road along 36.005°N; urban area 36.003–36.007°N over both townships."""
    layers = {"roads": (None, np.array([shapely.LineString([(117.0, 36.005), (117.02, 36.005)])])),
              "urban_area": (None, np.array([shapely.box(117.0, 36.003, 117.02, 36.007)]))}
    result = run(layers=layers, indicator_ids=["urban_road_network_density"])
    e2, phi = CGCS2000.eccentricity ** 2, np.radians(36.005)
    east = CGCS2000.semi_major / np.sqrt(1 - e2 * np.sin(phi) ** 2) * np.cos(phi) * np.radians(0.01)
    area_a = area((117.0, 36.003, 117.01, 36.007))
    area_b = area((117.01, 36.003, 117.02, 36.007))
    density_a = (east / 1000) / (area_a / 1e6)
    density_b = (east / 1000) / (area_b / 1e6)
    assert_by_unit(result, "urban_road_network_density", density_a, density_b,
                   county=(2 * east / 1000) / ((area_a + area_b) / 1e6), rel=1e-5)


# ------------------------------------------------------------------ missing inputs
def test_missing_layers_are_not_computed_never_zero(results):
    for indicator_id, layer in (("community_health_walk_15min_coverage", "community_health_facilities"),
                                ("urban_road_network_density", "roads")):
        rows = results[results["indicator_id"] == indicator_id]
        assert set(rows["status"]) == {"not_computed"}
        assert set(rows["reason"]) == {f"needs layer {layer}"}
        assert rows["value"].isna().all()


def test_missing_redline_and_population():
    result = run(layers={}, population=pd.DataFrame({"XZQDM": [TOWN_A], "ND": [YEAR]}))
    assert row(result, "ecological_redline_area", COUNTY)["reason"] == "needs layer ecological_redline"
    assert row(result, "urban_rural_construction_in_udb", TOWN_A)["reason"] == "needs layer urban_boundary"
    assert row(result, "per_capita_urban_construction_land", TOWN_B)["reason"] == "needs population column CZRK"
    assert row(result, "cultivated_land_area", COUNTY)["status"] == "computed"


def test_missing_population_row_for_one_township():
    population = pd.DataFrame({"XZQDM": [TOWN_A], "ND": [YEAR], "CZRK": [100]})
    result = run(population=population, indicator_ids=["per_capita_urban_construction_land"])
    assert row(result, "per_capita_urban_construction_land", TOWN_A)["status"] == "computed"
    assert row(result, "per_capita_urban_construction_land", TOWN_B)["reason"] == \
        f"needs population CZRK for {TOWN_B} in {YEAR}"
    assert row(result, "per_capita_urban_construction_land", COUNTY)["status"] == "not_computed"


def test_missing_settlement_field():
    frame, geometry = land_use_input()
    result = run(land_use=(frame.drop(columns="CZCSXM"), geometry))
    assert row(result, "urban_rural_construction_land_area", COUNTY)["reason"] == "needs land_use field CZCSXM"
    assert row(result, "per_capita_urban_construction_land", TOWN_A)["reason"].startswith(
        "needs urban_construction_land_area (needs land_use field CZCSXM)")
    assert row(result, "construction_land_area", COUNTY)["status"] == "computed"


# ------------------------------------------------------------------ sums and rounding
def test_township_values_add_up_to_county(results):
    areas = results[(results["unit"] == "公顷") & (results["status"] == "computed")]
    assert areas["indicator_id"].nunique() >= 12
    for indicator_id, rows in areas.groupby("indicator_id"):
        county = rows[rows["unit_level"] == "county"]
        townships = rows[rows["unit_level"] == "township"]
        assert townships["value"].sum() == pytest.approx(county["value"].iloc[0], abs=1e-9), indicator_id
        assert townships["value_exact"].sum() == pytest.approx(county["value_exact"].iloc[0]), indicator_id


def test_balanced_rounding_when_naive_rounding_does_not_add_up():
    """Two 0.6 ha fields rounded to whole hectares: naive 1 + 1 ≠ round(1.2) = 1."""
    data = json.loads(CATALOG_PATH.read_text(encoding="utf-8"))
    for entry in data["indicators"]:
        entry["decimals"] = 0
    catalog = parse_catalog(data)
    field_a, field_b = (117.001, 36.001, 117.0018, 36.00175), (117.011, 36.001, 117.0118, 36.00175)
    land = (pd.DataFrame({"DLBM": ["0101", "0102"]}), np.array([shapely.box(*field_a), shapely.box(*field_b)]))
    ha_a, ha_b = area(field_a) * HA, area(field_b) * HA
    assert round(ha_a) + round(ha_b) != round(ha_a + ha_b)  # the case is a real one
    result = compute_indicators(units_input(), land, {}, None, catalog, YEAR, indicator_ids=["cultivated_land_area"])
    got = values(result, "cultivated_land_area", "value")
    assert got[COUNTY] == round(ha_a + ha_b)
    assert got[TOWN_A] + got[TOWN_B] == got[COUNTY]
    assert sorted([got[TOWN_A], got[TOWN_B]]) == [0.0, 1.0]


def test_progress_and_columns(results):
    seen: list[float] = []
    run(indicator_ids=["cultivated_land_area"], progress=seen.append)
    assert seen[-1] == 100.0
    assert list(results.columns[:7]) == ["unit_code", "unit_name", "unit_level", "indicator_id", "name_zh",
                                         "name_en", "year"]
    assert set(results["status"]) == {"computed", "not_computed"}


# ------------------------------------------------------------------ bad input
def test_population_code_not_matching_units():
    population = pd.concat([population_input(), pd.DataFrame({"XZQDM": ["999"], "ND": [YEAR], "CZRK": [5]})])
    with pytest.raises(InputError, match=r"match no township.*row 5 \(XZQDM='999'"):
        run(population=population)


def test_population_text_in_number_column():
    population = population_input().astype({"CZRK": object})
    population.loc[1, "CZRK"] = "五十"
    with pytest.raises(InputError, match=r"CZRK holds values that are not numbers: row 2 .*'五十'"):
        run(population=population)


def test_duplicate_population_rows():
    population = pd.concat([population_input(), population_input().iloc[[0]]])
    with pytest.raises(InputError, match=r"more than one row per township for 2024: row 1 .*row 5"):
        run(population=population)


def test_units_need_one_county():
    frame, geometry = units_input()
    frame.loc[1, "level"] = "county"
    with pytest.raises(InputError, match="exactly one county row, found 2"):
        compute_indicators((frame, geometry), land_use_input(), {}, None, load_catalog(), YEAR)


def test_units_bad_level_named():
    frame, geometry = units_input()
    frame.loc[2, "level"] = "village"
    with pytest.raises(InputError, match=r"row 3 \(unit_code='371525002'.*level='village'"):
        compute_indicators((frame, geometry), land_use_input(), {}, None, load_catalog(), YEAR)
