"""Plan targets, warning levels and two-year trends."""

from __future__ import annotations

import pandas as pd
import pytest

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.indicators import (
    GHMB_COLUMNS,
    compare_years,
    evaluate_targets,
    load_catalog,
    load_thresholds,
    warning_level,
)
from tests.unit.test_indicators import COUNTY, HA, TOWN_A, TOWN_B, YEAR, land_use_input, parcel, run, values


@pytest.mark.parametrize(("value", "level"), [(94.99, "green"), (95.0, "yellow"), (100.0, "yellow"),
                                              (100.01, "red")])
def test_cap_edges(value, level):
    assert warning_level(value, 100.0, "at_most", 0.05) == level


@pytest.mark.parametrize(("value", "level"), [(99.99, "red"), (100.0, "yellow"), (105.0, "yellow"),
                                              (105.01, "green")])
def test_floor_edges(value, level):
    assert warning_level(value, 100.0, "at_least", 0.05) == level


def test_no_direction_and_missing_value():
    assert warning_level(1.0, 2.0, "none", 0.05) == "none"
    assert warning_level(float("nan"), 2.0, "at_least", 0.05) == "not_computed"


def test_bundled_thresholds_are_local_defaults():
    margins = load_thresholds()
    assert margins["*"] == 0.05 and margins["ecological_redline_area"] == 0.0


@pytest.fixture(scope="module")
def results() -> pd.DataFrame:
    return run()


def test_targets_join_ghmb_style(results):
    """GHMB columns and target codes; A's 耕地 target just above the value → red."""
    cultivated_a = round((parcel("P1") + parcel("P2")) * HA, 4)
    targets = pd.DataFrame({"XZQDM": [TOWN_A, COUNTY], "ZBDM": ["GDBYL", "建设用地总面积"], "ND": [2035, 2035],
                            "MBZ": [cultivated_a + 0.001, 1000.0], "DW": ["公顷", "公顷"]})
    graded = evaluate_targets(results, targets, columns=GHMB_COLUMNS)
    first = graded.iloc[0]
    assert (first["indicator_id"], first["warning_level"]) == ("cultivated_land_area", "red")
    assert first["deviation"] == pytest.approx(-0.001)
    assert graded.iloc[1]["warning_level"] == "green"


def test_target_for_unknown_indicator(results):
    targets = pd.DataFrame({"unit_code": [TOWN_A, TOWN_B], "indicator": ["cultivated_land_area", "XYZ"],
                            "year": [2035, 2035], "target": [1.0, 2.0]})
    with pytest.raises(InputError, match=r"indicators not in the catalog: row 2 .*indicator='XYZ'"):
        evaluate_targets(results, targets)


def test_target_text_in_number_column(results):
    targets = pd.DataFrame({"unit_code": [TOWN_A], "indicator": ["耕地保有量"], "year": [2035], "target": ["很多"]})
    with pytest.raises(InputError, match=r"target holds values that are not numbers: row 1 .*'很多'"):
        evaluate_targets(results, targets)


def test_target_unit_mismatch_and_duplicates(results):
    targets = pd.DataFrame({"unit_code": [TOWN_A], "indicator": ["cultivated_land_area"], "year": [2035],
                            "target": [1.0], "unit": ["亩"]})
    with pytest.raises(InputError, match="differs from the catalog unit: row 1"):
        evaluate_targets(results, targets)
    twice = pd.DataFrame({"unit_code": [TOWN_A] * 2, "indicator": ["cultivated_land_area"] * 2,
                          "year": [2030, 2035], "target": [1.0, 2.0]})
    with pytest.raises(InputError, match="more than one target"):
        evaluate_targets(results, twice)
    assert len(evaluate_targets(results, twice, target_year=2035)) == 1


def test_two_year_change(results):
    """In the later year P2 (旱地, A) became village housing."""
    earlier = run(land_use=land_use_input({"P2": ("0702", "203")}))
    earlier["year"] = YEAR - 1
    trends = compare_years(results, earlier, load_catalog())  # order of arguments does not matter
    row = trends[(trends["indicator_id"] == "cultivated_land_area") & (trends["unit_code"] == TOWN_A)].iloc[0]
    assert (row["year_from"], row["year_to"]) == (YEAR - 1, YEAR)
    assert row["change"] == pytest.approx(round(parcel("P2") * HA, 4))
    assert (row["trend"], row["assessment"]) == ("up", "improving")
    built = trends[(trends["indicator_id"] == "construction_land_area") & (trends["unit_code"] == COUNTY)].iloc[0]
    assert (built["trend"], built["assessment"]) == ("down", "improving")
    wet = trends[(trends["indicator_id"] == "wetland_area") & (trends["unit_code"] == COUNTY)].iloc[0]
    assert (wet["trend"], wet["assessment"]) == ("flat", "stable")
    missing = trends[trends["indicator_id"] == "urban_road_network_density"]
    assert set(missing["status"]) == {"not_computed"}


def test_two_year_same_year_rejected(results):
    with pytest.raises(InputError, match="both results are for 2024"):
        compare_years(results, results)


def test_values_helper_consistency(results):
    assert values(results, "cultivated_land_area")[TOWN_B] == 0.0
