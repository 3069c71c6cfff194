"""Plan targets and early-warning levels (green / yellow / red).

domain.md §4.5: no official national thresholds exist; the bundled
``resources/indicators/warning_thresholds.json`` is *local configuration*.

Rules (``yellow_margin`` m, target T, reported value v):

* ``at_most`` (a cap):  v > T → red;  T·(1 − m) ≤ v ≤ T → yellow;  else green.
* ``at_least`` (a floor): v < T → red;  T ≤ v ≤ T·(1 + m) → yellow;  else green.
* ``none``: no level.

A value within ``equal_tolerance`` (relative to the target) of the target counts
as *equal* to it: a target measured on the projection plane and a value measured
on the ellipsoid differ by up to ~1e-4 in a 3° zone, and must not grade an
unchanged protection line red.  With ``yellow_margin`` 0 there is no yellow band:
a value that meets the target is green.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Mapping, Optional, Union

import numpy as np
import pandas as pd

from planmonitor_plugin.__about__ import RESOURCES_DIR
from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.indicators.catalog import Catalog, load_catalog
from planmonitor_plugin.core.indicators.inputs import describe_rows, numeric_column, text_column

PathLike = Union[str, os.PathLike]
THRESHOLDS_PATH = RESOURCES_DIR / "indicators" / "warning_thresholds.json"
TARGET_COLUMNS = ("unit_code", "indicator", "year", "target")
#: Column names of the sample county's GHMB table for ``evaluate_targets(columns=…)``.
GHMB_COLUMNS = {"unit_code": "XZQDM", "indicator": "ZBDM", "year": "ND", "target": "MBZ", "unit": "DW"}
GREEN, YELLOW, RED, NO_LEVEL, NOT_COMPUTED = "green", "yellow", "red", "none", "not_computed"
_TOLERANCE = 1e-9
DEFAULT_EQUAL_TOLERANCE = _TOLERANCE


class Thresholds(dict):
    """Yellow margins per indicator id (``"*"`` = default), with ``tolerances`` (same keys) and ``source``."""

    def __init__(self, margins: Mapping[str, float], tolerances: Optional[Mapping[str, float]] = None,
                 source: str = "") -> None:
        super().__init__(margins)
        self.tolerances = dict(tolerances or {"*": DEFAULT_EQUAL_TOLERANCE})
        self.source = source

    def margin(self, indicator_id: str) -> float:
        return self.get(indicator_id, self["*"])

    def tolerance(self, indicator_id: str) -> float:
        return self.tolerances.get(indicator_id, self.tolerances.get("*", DEFAULT_EQUAL_TOLERANCE))


def load_thresholds(path: PathLike | None = None, catalog: Optional[Catalog] = None) -> Thresholds:
    """Yellow margins per indicator id (``"*"`` = default) from the thresholds JSON."""
    path = Path(path) if path is not None else THRESHOLDS_PATH
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"{path.name}: cannot read warning thresholds ({error})", file=str(path)) from error
    return parse_thresholds(data, catalog or load_catalog(), path.name)


def parse_thresholds(data: Any, catalog: Catalog, source: str = "warning_thresholds.json") -> Thresholds:
    """Validate thresholds: margins in [0, 1), equal tolerances in [0, 0.01], indicator ids known to ``catalog``."""
    if not isinstance(data, dict) or not isinstance(data.get("default"), dict):
        raise InputError(f"{source}: default: must be an object with yellow_margin", file=source)
    margins = {"*": _margin(data["default"].get("yellow_margin"), f"{source}: default.yellow_margin")}
    tolerances = {"*": _equal_tolerance(data["default"].get("equal_tolerance", DEFAULT_EQUAL_TOLERANCE),
                                        f"{source}: default.equal_tolerance")}
    overrides = data.get("indicators", {})
    if not isinstance(overrides, dict):
        raise InputError(f"{source}: indicators: must be an object", file=source)
    known = set(catalog.ids())
    for indicator_id, entry in overrides.items():
        path = f"{source}: indicators.{indicator_id}"
        if indicator_id not in known:
            raise InputError(f"{path}: unknown indicator id", file=source)
        if not isinstance(entry, dict):
            raise InputError(f"{path}: must be an object", file=source)
        if "yellow_margin" in entry or "equal_tolerance" not in entry:
            margins[indicator_id] = _margin(entry.get("yellow_margin"), f"{path}.yellow_margin")
        if "equal_tolerance" in entry:
            tolerances[indicator_id] = _equal_tolerance(entry["equal_tolerance"], f"{path}.equal_tolerance")
    return Thresholds(margins, tolerances, source)


def _equal_tolerance(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 0.01:
        raise InputError(f"{path}: must be a number in [0, 0.01] (relative to the target), got {value!r}")
    return float(value)


def _margin(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
        raise InputError(f"{path}: must be a number in [0, 1), got {value!r}")
    return float(value)


def warning_level(value: float, target: float, direction: str, margin: float,
                  equal_tolerance: float = DEFAULT_EQUAL_TOLERANCE) -> str:
    """Level of one reported value against its target (see the module docstring)."""
    if direction == "none":
        return NO_LEVEL
    if value is None or target is None or np.isnan(value) or np.isnan(target):
        return NOT_COMPUTED
    tolerance = max(equal_tolerance, _TOLERANCE) * max(abs(target), 1.0)
    if direction == "at_most":
        if value > target + tolerance:
            return RED
        return YELLOW if margin > 0 and value >= target * (1.0 - margin) - tolerance else GREEN
    if value < target - tolerance:
        return RED
    return YELLOW if margin > 0 and value <= target * (1.0 + margin) + tolerance else GREEN


def evaluate_targets(results: pd.DataFrame, targets: pd.DataFrame, catalog: Optional[Catalog] = None,
                     margins: Optional[Mapping[str, float]] = None, target_year: Optional[int] = None,
                     columns: Optional[Mapping[str, str]] = None) -> pd.DataFrame:
    """Join plan targets to indicator results and grade each pair.

    ``targets`` has columns unit_code, indicator (catalog id, name_zh or a
    ``target_codes`` entry), year, target and optionally unit — or other names
    given by ``columns`` (e.g. :data:`GHMB_COLUMNS`).  Returns one row per target:
    unit_code, indicator_id, year (of the result), value, target_year, target,
    deviation (value − target), deviation_pct, direction, warning_level.
    """
    catalog = catalog or load_catalog()
    margins = margins if margins is not None else load_thresholds(catalog=catalog)
    tolerances = getattr(margins, "tolerances", {"*": DEFAULT_EQUAL_TOLERANCE})
    table = _check_targets(targets, results, catalog, dict(columns or {}), target_year)
    merged = table.merge(results[["unit_code", "indicator_id", "year", "value", "status"]],
                         on=["unit_code", "indicator_id"], how="left")
    merged["direction"] = [catalog.get(i).direction for i in merged["indicator_id"]]
    merged["deviation"] = merged["value"] - merged["target"]
    with np.errstate(divide="ignore", invalid="ignore"):
        merged["deviation_pct"] = np.where(merged["target"] != 0, merged["deviation"] / merged["target"] * 100.0,
                                           np.nan)
    merged["warning_level"] = [
        warning_level(value, target, direction, margins.get(indicator, margins["*"]),
                      tolerances.get(indicator, tolerances.get("*", DEFAULT_EQUAL_TOLERANCE)))
        for value, target, direction, indicator
        in zip(merged["value"], merged["target"], merged["direction"], merged["indicator_id"])]
    return merged[["unit_code", "indicator_id", "year", "value", "target_year", "target", "deviation",
                   "deviation_pct", "direction", "warning_level"]]


def _check_targets(targets: pd.DataFrame, results: pd.DataFrame, catalog: Catalog, columns: dict[str, str],
                   target_year: Optional[int]) -> pd.DataFrame:
    """Targets as (unit_code, indicator_id, target_year, target); InputError naming bad rows."""
    names = {key: columns.get(key, key) for key in (*TARGET_COLUMNS, "unit")}
    missing = [names[key] for key in TARGET_COLUMNS if names[key] not in targets.columns]
    if missing:
        raise InputError(f"targets: missing column(s) {', '.join(missing)}", table="targets")
    frame = targets.reset_index(drop=True)
    shown = [names["unit_code"], names["indicator"], names["year"], names["target"]]
    lookup = catalog.lookup_codes()
    spelled = text_column(frame, names["indicator"])
    _fail_rows(frame, ~spelled.isin(list(lookup)), shown, "targets for indicators not in the catalog")
    codes = text_column(frame, names["unit_code"])
    _fail_rows(frame, ~codes.isin(set(results["unit_code"])), shown, "targets for units not in the results")
    indicator_ids = spelled.map(lookup)
    if names["unit"] in frame.columns:
        expected = indicator_ids.map(lambda i: catalog.get(i).unit)
        _fail_rows(frame, text_column(frame, names["unit"]) != expected, [*shown, names["unit"]],
                   "target unit differs from the catalog unit")
    years = numeric_column(frame, names["year"], "targets", shown[:2])
    values = numeric_column(frame, names["target"], "targets", shown[:2])
    _fail_rows(frame, values.isna(), shown, "targets without a value")
    table = pd.DataFrame({"unit_code": codes, "indicator_id": indicator_ids, "target_year": years, "target": values})
    chosen = np.ones(len(table), dtype=bool) if target_year is None else (years == target_year).to_numpy()
    duplicated = chosen & table.where(pd.Series(chosen)).duplicated(["unit_code", "indicator_id"], keep=False)
    _fail_rows(frame, duplicated, shown, "more than one target per unit and indicator (give target_year)")
    return table[chosen].reset_index(drop=True)


def _fail_rows(frame: pd.DataFrame, mask: Any, columns: list[str], problem: str) -> None:
    mask = np.asarray(mask, dtype=bool)
    if mask.any():
        raise InputError(f"targets: {problem}: {describe_rows(frame, mask, columns)}", table="targets", problem=problem)
