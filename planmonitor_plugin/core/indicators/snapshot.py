"""The indicator snapshot: one long table (unit × indicator × year) with targets, warnings and trends.

This table is what ``planmonitor:computeindicators`` writes as its long-table output
and what the review panel imports as the indicator snapshot of a pilot area
(issue 6).  Its columns (:data:`SNAPSHOT_COLUMNS`) are a stable interface: add
columns at the end, never rename or drop one.

====================  =====================================================================
column                meaning
====================  =====================================================================
unit_code             XZQDM of the county or township
unit_name             its name
unit_level            ``county`` or ``township``
indicator_id          catalog id (``cultivated_land_area`` …)
name_zh, name_en      indicator names
dimension             安全 / 创新 / 协调 / 绿色 / 开放 / 共享
component             true for helper quantities (numerators) that are not TD/T 1063 indicators
year                  monitoring year of the land use the value was computed from
value                 value in ``unit``, rounded (area indicators balanced: county = Σ townships)
value_exact           unrounded value
unit                  公顷 / % / m²/人 / km/km² …
status                ``computed`` or ``not_computed``
reason                why not computed (``needs layer urban_area`` …); empty when computed
direction             ``at_least`` / ``at_most`` / ``none``
target                plan target (same unit), empty without one
target_year           year of the target (e.g. 2035)
deviation             value − target
deviation_pct         deviation / target × 100
warning_level         ``green`` / ``yellow`` / ``red``; ``none`` (no direction), ``no_target``,
                      ``not_computed`` (a target but no value)
base_year             earlier year of a two-year comparison (on the later year's rows)
change, change_pct    value − value of base_year (rounded like the indicator), and in %
trend                 ``up`` / ``down`` / ``flat``
assessment            ``improving`` / ``worsening`` / ``stable`` / ``none``
catalog_version       version of the indicator catalog used
thresholds            file name of the warning thresholds (local configuration)
computed_at           ISO date and time of the run (one snapshot = one value)
====================  =====================================================================
"""

from __future__ import annotations

from typing import Mapping, Optional, Sequence

import numpy as np
import pandas as pd

from planmonitor_plugin.core.indicators.catalog import Catalog
from planmonitor_plugin.core.indicators.trends import compare_years
from planmonitor_plugin.core.indicators.warnings import GREEN, NO_LEVEL, RED, YELLOW, evaluate_targets

NO_TARGET = "no_target"
SNAPSHOT_COLUMNS = [
    "unit_code", "unit_name", "unit_level", "indicator_id", "name_zh", "name_en", "dimension", "component", "year",
    "value", "value_exact", "unit", "status", "reason", "direction", "target", "target_year", "deviation",
    "deviation_pct", "warning_level", "base_year", "change", "change_pct", "trend", "assessment", "catalog_version",
    "thresholds", "computed_at"]
#: Severity order of warning levels (worst last).
LEVEL_ORDER = {NO_TARGET: 0, NO_LEVEL: 0, "not_computed": 0, GREEN: 1, YELLOW: 2, RED: 3}


def build_snapshot(results: Sequence[pd.DataFrame], catalog: Catalog, targets: Optional[pd.DataFrame] = None,
                   thresholds: Optional[Mapping[str, float]] = None, target_year: Optional[int] = None,
                   target_columns: Optional[Mapping[str, str]] = None, computed_at: str = "") -> pd.DataFrame:
    """The long table of one run: ``results`` of one or two years (compute_indicators), graded and compared."""
    table = pd.concat(list(results), ignore_index=True)
    indicators = {indicator.id: indicator for indicator in catalog.indicators}
    table["dimension"] = table["indicator_id"].map(lambda i: indicators[i].dimension)
    table["component"] = table["indicator_id"].map(lambda i: indicators[i].component)
    table["direction"] = table["indicator_id"].map(lambda i: indicators[i].direction)
    for column in ("target", "target_year", "deviation", "deviation_pct"):
        table[column] = np.nan
    table["warning_level"] = np.where(table["direction"] == "none", NO_LEVEL, NO_TARGET).astype(object)
    if targets is not None and len(targets):
        graded = evaluate_targets(table, targets, catalog, thresholds, target_year, target_columns)
        graded = graded.drop(columns=["value", "direction"])
        keys = ["unit_code", "indicator_id", "year"]
        table = table.drop(columns=["target", "target_year", "deviation", "deviation_pct", "warning_level"]).merge(
            graded, on=keys, how="left")
        no_target = table["target"].isna()
        table.loc[no_target, "warning_level"] = np.where(table.loc[no_target, "direction"] == "none", NO_LEVEL,
                                                         NO_TARGET)
    table = _with_trends(table, list(results), catalog)
    table["catalog_version"] = catalog.version
    table["thresholds"] = getattr(thresholds, "source", "") if thresholds is not None else ""
    table["computed_at"] = computed_at
    return table[SNAPSHOT_COLUMNS].reset_index(drop=True)


def _with_trends(table: pd.DataFrame, results: list[pd.DataFrame], catalog: Catalog) -> pd.DataFrame:
    for column in ("base_year", "change", "change_pct"):
        table[column] = np.nan
    table["trend"] = ""
    table["assessment"] = ""
    if len(results) < 2:
        return table
    trends = compare_years(results[0], results[1], catalog)
    later = trends["year_to"].iloc[0] if len(trends) else None
    trends = trends.rename(columns={"year_from": "base_year"})[
        ["unit_code", "indicator_id", "base_year", "change", "change_pct", "trend", "assessment"]]
    trends["year"] = later
    table = table.drop(columns=["base_year", "change", "change_pct", "trend", "assessment"]).merge(
        trends, on=["unit_code", "indicator_id", "year"], how="left")
    table["trend"] = table["trend"].fillna("")
    table["assessment"] = table["assessment"].fillna("")
    return table


def unit_summary(snapshot: pd.DataFrame, year: int, catalog: Catalog) -> pd.DataFrame:
    """One row per unit for ``year``: worst level, level counts, and per key indicator its value and level.

    Key indicators are the catalog's non-component indicators; their fields are the
    indicator id (value) and ``<id>_lvl`` (warning level).
    """
    rows = snapshot[snapshot["year"] == year]
    units = rows.drop_duplicates("unit_code")[["unit_code", "unit_name", "unit_level"]].reset_index(drop=True)
    units["year"] = int(year)
    levels = rows.assign(rank=rows["warning_level"].map(LEVEL_ORDER).fillna(0))
    worst = levels.groupby("unit_code")["rank"].max()
    by_rank = {rank: level for level, rank in LEVEL_ORDER.items() if rank > 0}
    units["worst_level"] = units["unit_code"].map(worst).map(lambda r: by_rank.get(r, NO_TARGET))
    for level in (RED, YELLOW, GREEN):
        counts = rows[rows["warning_level"] == level].groupby("unit_code").size()
        units[f"{level}_count"] = units["unit_code"].map(counts).fillna(0).astype(int)
    computed = rows[rows["status"] == "not_computed"].groupby("unit_code").size()
    units["not_computed_count"] = units["unit_code"].map(computed).fillna(0).astype(int)
    for indicator in catalog.indicators:
        if indicator.component:
            continue
        chosen = rows[rows["indicator_id"] == indicator.id].set_index("unit_code")
        units[indicator.id] = units["unit_code"].map(chosen["value"]).astype(float)
        units[f"{indicator.id}_lvl"] = units["unit_code"].map(chosen["warning_level"]).fillna("").astype(object)
    return units
