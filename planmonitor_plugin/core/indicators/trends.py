"""Change between two monitoring years of :func:`compute_indicators` results."""

from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.indicators.catalog import Catalog, load_catalog
from planmonitor_plugin.core.indicators.engine import COMPUTED, RESULT_COLUMNS
from planmonitor_plugin.core.indicators.rounding import round_half_up

UP, DOWN, FLAT = "up", "down", "flat"
IMPROVING, WORSENING, STABLE, NO_ASSESSMENT = "improving", "worsening", "stable", "none"
TREND_COLUMNS = ["unit_code", "unit_name", "indicator_id", "name_zh", "unit", "year_from", "year_to", "value_from",
                 "value_to", "change", "change_pct", "trend", "assessment", "status", "reason"]


def compare_years(first: pd.DataFrame, second: pd.DataFrame, catalog: Optional[Catalog] = None) -> pd.DataFrame:
    """Change per unit and indicator from the earlier to the later year.

    ``change`` = later − earlier on the exact values, rounded like the indicator;
    ``trend`` is up/down/flat (flat when the rounded change is 0); ``assessment``
    reads the trend against the indicator's direction (at_least: up = improving,
    at_most: up = worsening; none → "none").  A pair missing a computed value in
    either year has status not_computed and the reason.
    """
    catalog = catalog or load_catalog()
    earlier, later = sorted((_single_year(first, "first"), _single_year(second, "second")), key=lambda p: p[0])
    if earlier[0] == later[0]:
        raise InputError(f"trends: both results are for {earlier[0]}; give two different years", table="trends")
    keys = ["unit_code", "indicator_id"]
    left = earlier[1][[*keys, "unit_name", "name_zh", "unit", "value_exact", "status", "reason"]]
    right = later[1][[*keys, "unit_name", "name_zh", "unit", "value_exact", "status", "reason"]]
    merged = left.merge(right, on=keys, how="outer", suffixes=("_from", "_to"))
    rows = [_compare(row, catalog, earlier[0], later[0]) for row in merged.to_dict("records")]
    return pd.DataFrame(rows, columns=TREND_COLUMNS)


def _single_year(results: pd.DataFrame, label: str) -> tuple[int, pd.DataFrame]:
    missing = [column for column in RESULT_COLUMNS if column not in results.columns]
    if missing:
        raise InputError(f"trends: the {label} results lack column(s) {', '.join(missing)}", table="trends")
    years = pd.unique(results["year"])
    if len(years) != 1:
        raise InputError(f"trends: the {label} results must hold one year, found {sorted(years)}", table="trends")
    return int(years[0]), results


def _compare(row: dict, catalog: Catalog, year_from: int, year_to: int) -> dict:
    indicator = catalog.get(row["indicator_id"])
    base = {"unit_code": row["unit_code"], "unit_name": _first(row, "unit_name"), "indicator_id": indicator.id,
            "name_zh": indicator.name_zh, "unit": indicator.unit, "year_from": year_from, "year_to": year_to,
            "value_from": _rounded(row["value_exact_from"], indicator.decimals),
            "value_to": _rounded(row["value_exact_to"], indicator.decimals)}
    reason = _missing_reason(row, year_from, year_to)
    if reason:
        return {**base, "change": np.nan, "change_pct": np.nan, "trend": "", "assessment": NO_ASSESSMENT,
                "status": "not_computed", "reason": reason}
    start, end = float(row["value_exact_from"]), float(row["value_exact_to"])
    change = round_half_up(end - start, indicator.decimals)
    trend = FLAT if change == 0 else (UP if change > 0 else DOWN)
    return {**base, "change": change, "change_pct": (end - start) / start * 100.0 if start else np.nan,
            "trend": trend, "assessment": _assess(trend, indicator.direction), "status": COMPUTED, "reason": ""}


def _first(row: dict, column: str) -> str:
    value = row.get(f"{column}_to")
    return row.get(f"{column}_from") if value is None or (isinstance(value, float) and np.isnan(value)) else value


def _rounded(value: float, decimals: int) -> float:
    return np.nan if value is None or np.isnan(value) else round_half_up(float(value), decimals)


def _missing_reason(row: dict, year_from: int, year_to: int) -> str:
    for suffix, year in (("_from", year_from), ("_to", year_to)):
        if row[f"status{suffix}"] != COMPUTED:
            detail = row[f"reason{suffix}"]
            has_detail = isinstance(detail, str) and detail
            return f"not computed for {year}" + (f": {detail}" if has_detail else " (no result row)")
    return ""


def _assess(trend: str, direction: str) -> str:
    if direction == "none":
        return NO_ASSESSMENT
    if trend == FLAT:
        return STABLE
    good = UP if direction == "at_least" else DOWN
    return IMPROVING if trend == good else WORSENING
