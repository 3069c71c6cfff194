"""The indicator snapshot (long table), equal-within-tolerance warnings, units from XZQ, SVG charts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.indicators import GHMB_COLUMNS, compute_indicators, load_catalog, load_thresholds
from planmonitor_plugin.core.indicators.charts import bar_chart_svg, traffic_light_table
from planmonitor_plugin.core.indicators.inputs import county_code_from, units_from_layer
from planmonitor_plugin.core.indicators.snapshot import SNAPSHOT_COLUMNS, build_snapshot, unit_summary
from planmonitor_plugin.core.indicators.warnings import parse_thresholds, warning_level
from planmonitor_plugin.core.sample_county import COUNTY_XZQDM, generate_county
from tests.unit.test_indicators import COUNTY, TOWN_A, TOWN_B, YEAR, run


# ------------------------------------------------------------------ equal within tolerance
@pytest.mark.parametrize(("value", "direction", "level"), [
    (99.995, "at_least", "yellow"),  # 5e-5 below a floor: equal within 1e-4 → meets it
    (99.98, "at_least", "red"),  # 2e-4 below: missed
    (100.005, "at_most", "yellow"),  # 5e-5 above a cap: equal
    (100.02, "at_most", "red"),
])
def test_equal_within_tolerance(value, direction, level):
    assert warning_level(value, 100.0, direction, 0.05, equal_tolerance=1e-4) == level


def test_zero_margin_has_no_yellow_band():
    """A protection line equal (within tolerance) to its target is green, not yellow or red."""
    assert warning_level(99.995, 100.0, "at_least", 0.0, equal_tolerance=1e-4) == "green"
    assert warning_level(99.9, 100.0, "at_least", 0.0, equal_tolerance=1e-4) == "red"


def test_bundled_tolerance_and_its_checks():
    thresholds = load_thresholds()
    assert thresholds.tolerance("cultivated_land_area") == 1e-4 and thresholds.source == "warning_thresholds.json"
    catalog = load_catalog()
    with pytest.raises(InputError, match="equal_tolerance: must be a number in"):
        parse_thresholds({"default": {"yellow_margin": 0.05, "equal_tolerance": 0.5}}, catalog)
    own = parse_thresholds({"default": {"yellow_margin": 0.05},
                            "indicators": {"wetland_area": {"equal_tolerance": 0.001}}}, catalog)
    assert own.tolerance("wetland_area") == 0.001 and own.margin("wetland_area") == 0.05


# ------------------------------------------------------------------ units from the XZQ layer
def test_county_code_from_township_codes():
    assert county_code_from(["371525100000", "371525201000"]) == "371525000000"
    with pytest.raises(InputError, match="give the county code"):
        county_code_from(["371525100000", "370102100000"])


def test_units_from_layer_adds_or_finds_the_county():
    boxes = np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)], dtype=object)
    frame, geometry = units_from_layer(["371525100000", "371525200000"], ["甲镇", None], boxes, county_name="样例县")
    assert list(frame["unit_code"]) == ["371525000000", "371525100000", "371525200000"]
    assert list(frame["level"]) == ["county", "township", "township"] and geometry[0] is None
    assert frame["unit_name"].iloc[2] == "371525200000"  # no name: the code
    with_county = units_from_layer(["371525000000", "371525100000"], ["样例县", "甲镇"], boxes)[0]
    assert list(with_county["level"]) == ["county", "township"] and len(with_county) == 2


# ------------------------------------------------------------------ snapshot
@pytest.fixture(scope="module")
def results() -> pd.DataFrame:
    return run()


def test_snapshot_columns_targets_and_no_target(results):
    targets = pd.DataFrame({"XZQDM": [TOWN_A], "ZBDM": ["GDBYL"], "ND": [2035], "MBZ": [0.0001], "DW": ["公顷"]})
    snapshot = build_snapshot([results], load_catalog(), targets, load_thresholds(), target_year=None,
                              target_columns=GHMB_COLUMNS, computed_at="2026-11-24T08:00:00")
    assert list(snapshot.columns) == SNAPSHOT_COLUMNS and len(snapshot) == len(results)
    graded = snapshot[snapshot["target"].notna()]
    assert len(graded) == 1 and graded.iloc[0]["warning_level"] == "green"
    rest = snapshot[snapshot["target"].isna()]
    assert set(rest["warning_level"]) == {"no_target", "none"}
    assert (snapshot["computed_at"] == "2026-11-24T08:00:00").all()
    assert set(snapshot.loc[snapshot["direction"] == "none", "warning_level"]) == {"none"}


def test_snapshot_of_two_years_puts_trends_on_the_later_year(results):
    earlier = results.copy()
    earlier["year"] = YEAR - 4
    earlier["value_exact"] = earlier["value_exact"] * 0.5
    snapshot = build_snapshot([earlier, results], load_catalog())
    later = snapshot[(snapshot["year"] == YEAR) & (snapshot["status"] == "computed")]
    assert (later["base_year"] == YEAR - 4).all()
    assert set(later.loc[later["value_exact"] > 0, "trend"]) == {"up"}
    assert (snapshot.loc[snapshot["year"] == YEAR - 4, "trend"] == "").all()


def test_unit_summary_worst_level(results):
    targets = pd.DataFrame({"unit_code": [TOWN_A, TOWN_B], "indicator": ["cultivated_land_area"] * 2,
                            "year": [2035, 2035], "target": [1e6, 0.0]})
    snapshot = build_snapshot([results], load_catalog(), targets, load_thresholds())
    summary = unit_summary(snapshot, YEAR, load_catalog()).set_index("unit_code")
    assert summary.loc[TOWN_A, "worst_level"] == "red" and summary.loc[TOWN_A, "red_count"] == 1
    assert summary.loc[TOWN_B, "worst_level"] == "yellow"  # 0 against a floor of 0: inside the yellow band
    assert summary.loc[COUNTY, "worst_level"] == "no_target"
    assert "cultivated_land_area" in summary.columns and "urban_construction_land_area" not in summary.columns


def test_sample_county_targets_match_the_units_from_xzq():
    """Known issue fixed: the GHMB county rows match the county derived from the XZQ township codes."""
    county = generate_county(2000)
    xzq = county["XZQ"]
    lonlat = shapely.transform(xzq.geometry, lambda xy: (xy - [39_500_000.0, 0.0]) / [90_000.0, 111_000.0]
                               + [117.0, 0.0])  # rough: areas do not matter here, only the codes
    units = units_from_layer(xzq.frame["XZQDM"], xzq.frame["XZQMC"], lonlat, county_name="样例县")
    assert units[0]["unit_code"].iloc[0] == COUNTY_XZQDM
    results = compute_indicators(units, None, {}, None, load_catalog(), 2024)
    snapshot = build_snapshot([results], load_catalog(), county["GHMB"].frame, load_thresholds(),
                              target_columns=GHMB_COLUMNS)
    county_targets = snapshot[(snapshot["unit_code"] == COUNTY_XZQDM) & snapshot["target"].notna()]
    assert len(county_targets) == 7


# ------------------------------------------------------------------ charts
def test_bar_chart_escapes_and_never_draws_a_missing_value():
    svg = bar_chart_svg(["甲<镇>", "乙乡"], [10.0, float("nan")], [12.0, 5.0], ["red", "not_computed"], "公顷",
                        "target", 2, "not computed")
    assert "甲&lt;镇&gt;" in svg and "<script" not in svg
    assert svg.count("<rect") == 1 and "not computed" in svg
    assert svg.count('stroke="#000"') == 3  # legend tick + two target ticks
    assert "10.00 / 12.00" in svg


def test_traffic_light_cells_carry_their_level():
    markup = traffic_light_table(["甲镇"], ["耕地保有量"], [[("1.00", "red")]], "单位")
    assert '<td class="red">1.00</td>' in markup and "<th>单位</th>" in markup
