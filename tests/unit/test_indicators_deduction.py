"""田坎 deduction (三调 KCXS 扣除系数) in the class-area indicators, on the tiny county of test_indicators.

A parcel's land-class area is its ellipsoidal area × (1 − KCXS) (三调 TBDLMJ = TBMJ − KCMJ); the deducted
part is 田坎 (1203) and counts for a class set holding 1203.  Expected values are hand-made fractions of
``parcel(…)`` areas.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.indicators import CatalogError, compute_indicators, load_catalog, parse_catalog
from planmonitor_plugin.core.indicators.catalog import CATALOG_PATH
from tests.unit.test_indicators import (
    BOX_A,
    BOX_B,
    COUNTY,
    HA,
    TOWN_A,
    TOWN_B,
    YEAR,
    area,
    assert_by_unit,
    base_layers,
    land_use_input,
    parcel,
    population_input,
    run,
    units_input,
    values,
)

RIDGE_SET = {"name_zh": "田坎", "codes": ["1203"], "provenance": {"source": "test", "confidence": "provisional"}}


def with_kcxs(ratios: dict[str, object], column: str = "KCXS") -> tuple[pd.DataFrame, np.ndarray]:
    """The tiny county's DLTB with a KCXS column: ``ratios`` by parcel name, NULL elsewhere."""
    frame, geometry = land_use_input()
    frame[column] = pd.Series([ratios.get(name) for name in frame["BSM"]], dtype=object)
    return frame, geometry


def catalog_with(*class_sets: tuple[str, dict], fields: dict | None = None):
    """The bundled catalog plus area_of_classes indicators ``<id>_area`` over extra class sets."""
    data = json.loads(CATALOG_PATH.read_text(encoding="utf-8"))
    template = next(entry for entry in data["indicators"] if entry["id"] == "cultivated_land_area")
    for set_id, entry in class_sets:
        data["class_sets"][set_id] = entry
        data["indicators"].append({**template, "id": f"{set_id}_area", "name_zh": entry["name_zh"],
                                   "target_codes": [], "computation": {"kind": "area_of_classes",
                                                                       "class_set": set_id}})
    if fields is not None:
        data["land_use_fields"] = fields
    return parse_catalog(data)


def compute(land_use, catalog=None, **kwargs) -> pd.DataFrame:
    return compute_indicators(units_input(), land_use, {}, population_input(), catalog or load_catalog(), YEAR,
                              **kwargs)


# ------------------------------------------------------------------ the catalog field
def test_bundled_catalog_names_kcxs_and_notes_the_deduction():
    catalog = load_catalog()
    assert catalog.land_use_fields["deduction_ratio"] == "KCXS"
    note = catalog.class_sets["cultivated"].provenance["note"]
    assert "1 − KCXS" in note and "Without that field" in note
    assert "without 田坎 deduction" not in note
    assert catalog.version != "2026.1-draft"


def test_deduction_field_is_optional_and_must_be_text():
    data = json.loads(CATALOG_PATH.read_text(encoding="utf-8"))
    del data["land_use_fields"]["deduction_ratio"]
    assert "deduction_ratio" not in parse_catalog(data).land_use_fields
    data["land_use_fields"]["deduction_ratio"] = 7
    with pytest.raises(CatalogError, match=r"land_use_fields\.deduction_ratio: must be a non-empty string"):
        parse_catalog(data)


# ------------------------------------------------------------------ hand-computed deduction
def test_kcxs_splits_a_field_into_90_percent_cultivated_and_10_percent_ridge():
    catalog = catalog_with(("ridge", RIDGE_SET))
    result = compute(with_kcxs({"P1": 0.1}), catalog, indicator_ids=["cultivated_land_area", "ridge_area"])
    p1, p2 = parcel("P1"), parcel("P2")
    assert_by_unit(result, "cultivated_land_area", (0.9 * p1 + p2) * HA, 0.0)
    assert_by_unit(result, "ridge_area", 0.1 * p1 * HA, 0.0)
    got = values(result, "cultivated_land_area")
    assert got[TOWN_A] + values(result, "ridge_area")[TOWN_A] == pytest.approx((p1 + p2) * HA, rel=1e-12)
    assert got[COUNTY] == pytest.approx(got[TOWN_A] + got[TOWN_B], rel=1e-12)


def test_ridge_counts_by_prefix_and_with_its_parcels_settlement_code():
    """A class set '12' holds 1203 by prefix; a settlement-limited one takes 田坎 only of fitting parcels."""
    prefix_set = {"name_zh": "其他土地", "prefixes": ["12"], "provenance": RIDGE_SET["provenance"]}
    village_ridge = {**RIDGE_SET, "name_zh": "村庄田坎", "settlement_codes": ["203"]}
    catalog = catalog_with(("other", prefix_set), ("village_ridge", village_ridge))
    result = compute(with_kcxs({"P1": 0.1, "P3": 0.2, "P5": 0.3}), catalog,
                     indicator_ids=["other_area", "village_ridge_area"])
    assert_by_unit(result, "other_area", 0.1 * parcel("P1") * HA, (0.2 * parcel("P3") + 0.3 * parcel("P5")) * HA)
    assert_by_unit(result, "village_ridge_area", 0.0, 0.3 * parcel("P5") * HA)


def test_a_set_holding_the_parcel_class_and_1203_gets_the_whole_parcel():
    both = {"name_zh": "耕地含田坎", "codes": ["0101", "0102", "0103", "1203"],
            "provenance": {"source": "test", "confidence": "provisional"}}
    result = compute(with_kcxs({"P1": 0.1, "P2": 0.25}), catalog_with(("gross", both)),
                     indicator_ids=["gross_area"])
    assert_by_unit(result, "gross_area", (parcel("P1") + parcel("P2")) * HA, 0.0, rel=1e-12)


def test_deduction_in_and_outside_zones_ratios_and_per_capita():
    """P4 (A, inside the UDB) loses 25 %, P5 (B, outside; 0.0001° in the red line) 50 %, P3 (forest) 20 %."""
    land = with_kcxs({"P3": 0.2, "P4": 0.25, "P5": 0.5})
    result = compute_indicators(units_input(), land, base_layers(), population_input(), load_catalog(), YEAR)
    p4, p5, p6, p7 = parcel("P4"), parcel("P5"), parcel("P6"), parcel("P7")
    assert_by_unit(result, "urban_rural_construction_land_area", (0.75 * p4 + p6) * HA, (0.5 * p5 + p7) * HA)
    assert_by_unit(result, "urban_rural_construction_in_udb", (0.75 * p4 + p6) * HA, 0.0)
    assert_by_unit(result, "urban_rural_construction_outside_udb", 0.0, (0.5 * p5 + p7) * HA)
    in_redline = area((117.015, 36.004, 117.016, 36.005))  # P5 ∩ second red-line box
    assert_by_unit(result, "urban_rural_construction_in_redline", 0.0, 0.5 * in_redline * HA)
    assert_by_unit(result, "per_capita_urban_construction_land", (0.75 * p4 + p6) / 100, p7 / 50,
                   county=(0.75 * p4 + p6 + p7) / 150)
    assert values(result, "per_capita_village_construction_land")[TOWN_B] == pytest.approx(0.5 * p5 / 20)
    forest = 0.8 * parcel("P3") + parcel("P9")
    a, b = area(BOX_A), area(BOX_B)
    assert_by_unit(result, "forest_coverage_rate", 0.0, forest / b * 100, county=forest / (a + b) * 100)


def test_rounded_township_values_still_add_up_with_deduction():
    land = with_kcxs({"P1": 0.0817, "P2": 0.1234, "P4": 0.05, "P7": 0.333, "P5": 0.01})
    result = compute(land)
    areas = result[(result["unit"] == "公顷") & (result["status"] == "computed")]
    for indicator_id, rows in areas.groupby("indicator_id"):
        county = rows[rows["unit_level"] == "county"]
        townships = rows[rows["unit_level"] == "township"]
        assert townships["value"].sum() == pytest.approx(county["value"].iloc[0], abs=1e-9), indicator_id
        assert townships["value_exact"].sum() == pytest.approx(county["value_exact"].iloc[0]), indicator_id


def test_coverage_uses_whole_parcels():
    plain = compute(land_use_input(), indicator_ids=["park_square_walk_5min_coverage"])
    deducted = compute(with_kcxs({"P4": 0.5, "P10": 0.1}), indicator_ids=["park_square_walk_5min_coverage"])
    assert values(deducted, "park_square_walk_5min_coverage") == values(plain, "park_square_walk_5min_coverage")


# ------------------------------------------------------------------ no deduction
@pytest.mark.parametrize("ratio", [None, np.nan, "", " ", 0, "0", 0.0])
def test_null_empty_and_zero_kcxs_deduct_nothing(ratio):
    result = compute(with_kcxs({"P1": ratio, "P2": ratio}), indicator_ids=["cultivated_land_area"])
    assert_by_unit(result, "cultivated_land_area", (parcel("P1") + parcel("P2")) * HA, 0.0, rel=0)


def test_text_numbers_are_read():
    result = compute(with_kcxs({"P1": "0.1", "P2": " 0.2 "}), indicator_ids=["cultivated_land_area"])
    assert_by_unit(result, "cultivated_land_area", (0.9 * parcel("P1") + 0.8 * parcel("P2")) * HA, 0.0)


def test_absent_field_counts_whole_parcels():
    result = run(indicator_ids=["cultivated_land_area"])  # the tiny county's DLTB has no KCXS
    assert_by_unit(result, "cultivated_land_area", (parcel("P1") + parcel("P2")) * HA, 0.0, rel=0)
    assert set(result["status"]) == {"computed"}


def test_absent_catalog_key_counts_whole_parcels():
    catalog = catalog_with(fields={"class_code": "DLBM", "settlement_code": "CZCSXM"})
    result = compute(with_kcxs({"P1": 0.1}), catalog, indicator_ids=["cultivated_land_area"])
    assert_by_unit(result, "cultivated_land_area", (parcel("P1") + parcel("P2")) * HA, 0.0, rel=0)


def test_catalog_may_name_another_field():
    catalog = catalog_with(fields={"class_code": "DLBM", "settlement_code": "CZCSXM", "deduction_ratio": "KCXS_1"})
    result = compute(with_kcxs({"P1": 0.1}, column="KCXS_1"), catalog, indicator_ids=["cultivated_land_area"])
    assert_by_unit(result, "cultivated_land_area", (0.9 * parcel("P1") + parcel("P2")) * HA, 0.0)


def test_zero_kcxs_everywhere_gives_exactly_the_plain_values():
    """The sample county has KCXS = 0 on every parcel: nothing may change, not even in the last bit."""
    plain = run(layers=None)
    zero = compute_indicators(units_input(), with_kcxs({name: 0.0 for name in land_use_input()[0]["BSM"]}),
                              base_layers(),
                              population_input(), load_catalog(), YEAR)
    pd.testing.assert_frame_equal(plain, zero)


# ------------------------------------------------------------------ bad KCXS
@pytest.mark.parametrize(("ratios", "named"), [
    ({"P2": 1.0}, r"row 2 \(BSM='P2', DLBM='0103', KCXS=1\.0\)"),
    ({"P2": 10}, r"row 2 \(BSM='P2', DLBM='0103', KCXS=10\)"),  # a percentage, not a ratio
    ({"P3": -0.1}, r"row 3 \(BSM='P3', DLBM='0301', KCXS=-0\.1\)"),
    ({"P4": np.inf}, r"row 4 \(BSM='P4', DLBM='0701', KCXS=inf\)"),
])
def test_kcxs_outside_0_1_is_named(ratios, named):
    with pytest.raises(InputError, match=r"land_use: column KCXS \(扣除系数.*from 0 to below 1: " + named):
        compute(with_kcxs({"P1": 0.1, **ratios}))


def test_several_bad_kcxs_rows_are_all_named():
    with pytest.raises(InputError, match=r"row 1 \(BSM='P1'.*KCXS=1\.5\); row 9 \(BSM='P9'.*KCXS=-1\)") as error:
        compute(with_kcxs({"P1": 1.5, "P5": 0.5, "P9": -1}))
    assert error.value.details == {"table": "land_use", "column": "KCXS"}
    assert "P5" not in str(error.value)


def test_kcxs_text_is_named():
    with pytest.raises(InputError, match=r"land_use: column KCXS holds values that are not numbers: "
                                         r"row 3 \(BSM='P3', DLBM='0301', KCXS='一成'\)"):
        compute(with_kcxs({"P1": 0.1, "P3": "一成"}))
