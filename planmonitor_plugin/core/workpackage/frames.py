"""Turning the caller's DataFrames and shapely geometries into work-package rows.

Review items (``add_review_items``): columns ``item_id`` (required), ``kind``
(change_patch / site / finding; or the ``kind`` argument), and optionally
pilot_area_id, township_code, township_name, JCTBBH, XMMC, rule_ids (list, JSON list
or text separated by ``,`` / ``;``), status, check_results (dict or JSON text),
class_before, class_after, class_scheme, area_m2, area_ha, area_mu, source_layer,
source_fid. Any other column is kept in check_results under its own name (so the
compliance output can be passed as it is). Missing areas are measured on the CGCS2000
ellipsoid.

Pilot areas (``add_pilot_areas``): area_id (required), name, township_code, township_name.

Indicator snapshots (``add_indicator_snapshots``): the long table of
``compute_indicators`` (unit_code, unit_name, indicator_id, name_zh, name_en, year, value,
unit, status, reason) optionally joined with ``evaluate_targets`` (target, deviation,
warning_level), plus computed_at (ISO, stored as UTC) and catalog_version — i.e. the
``core.indicators.snapshot`` table. ``pilot_area_id`` is accepted for
unit_code and ``indicator`` for indicator_id; required are unit code, indicator id and value
(NaN allowed when status says not computed). Other columns go to ``extra`` as JSON.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any, Optional, Sequence

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon

from planmonitor_plugin.core.area import polygon_areas
from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.units import area_units
from planmonitor_plugin.core.workpackage.schema import ITEM_KINDS
from planmonitor_plugin.core.workpackage.timestamps import normalised_utc

ITEM_COLUMNS = ("item_id", "kind", "pilot_area_id", "township_code", "township_name", "JCTBBH", "XMMC", "rule_ids",
                "status", "check_results", "class_before", "class_after", "class_scheme", "area_m2", "area_ha",
                "area_mu", "source_layer", "source_fid")
AREA_COLUMNS = ("area_id", "name", "township_code", "township_name", "area_m2", "area_ha", "area_mu")
SNAPSHOT_COLUMNS = ("unit_code", "unit_name", "indicator_id", "name_zh", "name_en", "year", "value", "unit", "target",
                    "deviation", "warning_level", "status", "reason", "computed_at", "catalog_version")
SNAPSHOT_ALIASES = {"pilot_area_id": "unit_code", "indicator": "indicator_id"}


def plain(value: Any) -> Any:
    """A value sqlite3 stores: numpy scalars unwrapped, NaN / NA / NaT → None."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def text(value: Any) -> Optional[str]:
    value = plain(value)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def multipolygons(geometries: Sequence[Any], count: int, what: str) -> np.ndarray:
    """Polygons as MultiPolygons (None stays None); lon/lat in EPSG:4490 checked."""
    if len(geometries) != count:
        raise InputError(f"{what}: {len(geometries)} geometries for {count} rows", table=what)
    result = np.empty(count, dtype=object)
    for index, geometry in enumerate(geometries):
        result[index] = _multipolygon(geometry, what, index)
    present = [g for g in result if g is not None and not g.is_empty]
    if present:
        min_x, min_y, max_x, max_y = shapely.total_bounds(present)
        if min_x < -180 or max_x > 180 or min_y < -90 or max_y > 90:
            raise InputError(f"{what}: geometries must be EPSG:4490 longitude/latitude "
                             f"(extent {min_x:.0f}, {min_y:.0f}, {max_x:.0f}, {max_y:.0f})", table=what)
    return result


def _multipolygon(geometry: Any, what: str, index: int):
    if geometry is None or (isinstance(geometry, float) and math.isnan(geometry)):
        return None
    if isinstance(geometry, MultiPolygon):
        return geometry
    if isinstance(geometry, Polygon):
        return MultiPolygon([geometry]) if not geometry.is_empty else MultiPolygon()
    if getattr(geometry, "geom_type", "") == "GeometryCollection":
        parts = [part for part in shapely.get_parts(geometry) if isinstance(part, (Polygon, MultiPolygon))]
        return MultiPolygon([p for part in parts for p in shapely.get_parts(part)])
    raise InputError(f"{what}: row {index}: a polygon is needed, got {getattr(geometry, 'geom_type', geometry)!r}",
                     table=what, row=index)


def require_columns(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise InputError(f"{what}: missing column(s) {', '.join(missing)}", table=what, columns=missing)


def require_unique_keys(frame: pd.DataFrame, key: str, what: str) -> list[str]:
    keys = [text(value) for value in frame[key]]
    empty = [index for index, value in enumerate(keys) if not value]
    if empty:
        raise InputError(f"{what}: empty {key} in row(s) {empty[:10]}", table=what, column=key, rows=empty)
    duplicated = sorted(value for value, count in Counter(keys).items() if count > 1)
    if duplicated:
        raise InputError(f"{what}: duplicate {key}: {', '.join(duplicated[:10])}", table=what, column=key,
                         values=duplicated)
    return keys


def area_columns(frame: pd.DataFrame, geometries: np.ndarray) -> dict[str, list]:
    """area_m2 / area_ha / area_mu: given values kept, missing ones measured on the ellipsoid."""
    given = pd.to_numeric(frame["area_m2"], errors="coerce").to_numpy(float) if "area_m2" in frame else None
    measured = polygon_areas(geometries) if len(geometries) else np.zeros(0)
    m2 = measured if given is None else np.where(np.isnan(given), measured, given)
    units = area_units(m2)
    result = {}
    for key, column in (("m2", "area_m2"), ("ha", "area_ha"), ("mu", "area_mu")):
        values = units[key]
        if column in frame and key != "m2":
            values = np.where(pd.isna(frame[column]), values, pd.to_numeric(frame[column], errors="coerce"))
        result[column] = [plain(value) for value in values]
    return result


def rule_ids_json(value: Any) -> Optional[str]:
    value = plain(value)
    if value is None:
        return None
    if isinstance(value, (list, tuple, np.ndarray)):
        ids = [str(v) for v in value]
    elif isinstance(value, str) and value.strip().startswith("["):
        ids = [str(v) for v in json.loads(value)]
    else:
        ids = [part.strip() for part in str(value).replace(";", ",").split(",") if part.strip()]
    return json.dumps(ids, ensure_ascii=False)


def check_results_json(row: dict[str, Any], extra_columns: Sequence[str]) -> Optional[str]:
    """The row's check results (dict or JSON text) with its extra columns added."""
    value = plain(row.get("check_results"))
    results = json.loads(value) if isinstance(value, str) and value.strip() else dict(value or {})
    if not isinstance(results, dict):
        results = {"check_results": results}
    for column in extra_columns:
        results.setdefault(str(column), json_value(row[column]))
    return json.dumps(results, ensure_ascii=False, default=str) if results else None


def json_value(value: Any) -> Any:
    """A JSON-serialisable copy (numpy arrays and scalars, NaN → None)."""
    if isinstance(value, np.ndarray):
        return [json_value(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    value = plain(value)
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def item_rows(frame: pd.DataFrame, geometries: np.ndarray, kind: Optional[str]) -> list[dict[str, Any]]:
    """Rows of review_items (without timestamps and pilot-area assignment)."""
    require_columns(frame, ["item_id"] + ([] if kind else ["kind"]), "review_items")
    ids = require_unique_keys(frame, "item_id", "review_items")
    kinds = [kind] * len(frame) if kind else [text(value) for value in frame["kind"]]
    bad = sorted({str(k) for k in kinds if k not in ITEM_KINDS})
    if bad:
        raise InputError(f"review_items: unknown kind(s) {', '.join(bad)}; expected {', '.join(ITEM_KINDS)}",
                         table="review_items", values=bad)
    areas = area_columns(frame, geometries)
    extra = [column for column in frame.columns if column not in ITEM_COLUMNS and column != "geometry"]
    rows = []
    for index, record in enumerate(frame.to_dict("records")):
        row = {column: text(record.get(column)) for column in ITEM_COLUMNS[2:] if column not in (
            "rule_ids", "check_results", "area_m2", "area_ha", "area_mu", "source_fid")}
        row.update(item_id=ids[index], kind=kinds[index], rule_ids=rule_ids_json(record.get("rule_ids")),
                   check_results=check_results_json(record, extra), source_fid=_integer(record.get("source_fid")),
                   **{column: areas[column][index] for column in areas})
        rows.append(row)
    return rows


def _integer(value: Any) -> Optional[int]:
    value = plain(value)
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def area_rows(frame: pd.DataFrame, geometries: np.ndarray) -> list[dict[str, Any]]:
    require_columns(frame, ["area_id"], "pilot_areas")
    ids = require_unique_keys(frame, "area_id", "pilot_areas")
    areas = area_columns(frame, geometries)
    return [{"area_id": ids[index], **{column: text(record.get(column)) for column in AREA_COLUMNS[1:4]},
             **{column: areas[column][index] for column in areas}}
            for index, record in enumerate(frame.to_dict("records"))]


def snapshot_rows(frame: pd.DataFrame, computed_at: str, catalog_version: Optional[str]) -> list[dict[str, Any]]:
    frame = frame.rename(columns={old: new for old, new in SNAPSHOT_ALIASES.items()
                                  if old in frame.columns and new not in frame.columns})
    require_columns(frame, ["unit_code", "indicator_id", "value"], "indicator_snapshots")
    extra = [column for column in frame.columns if column not in SNAPSHOT_COLUMNS]
    rows = []
    for index, record in enumerate(frame.to_dict("records")):
        row = {column: plain(record.get(column)) for column in SNAPSHOT_COLUMNS}
        for column in ("unit_code", "unit_name", "indicator_id", "name_zh", "name_en", "unit", "warning_level",
                       "status", "reason", "catalog_version"):
            row[column] = text(row[column])
        if not row["unit_code"] or not row["indicator_id"]:
            raise InputError(f"indicator_snapshots: row {index}: empty unit_code or indicator_id",
                             table="indicator_snapshots", row=index)
        row["year"] = _integer(row["year"])
        for column in ("value", "target", "deviation"):
            row[column] = _number(row[column], column, index)
        row["computed_at"] = normalised_utc(text(row["computed_at"])) or computed_at
        row["catalog_version"] = row["catalog_version"] or catalog_version
        extras = {str(column): json_value(record[column]) for column in extra}
        row["extra"] = json.dumps(extras, ensure_ascii=False) if extras else None
        rows.append(row)
    return rows


def _number(value: Any, column: str, index: int) -> Optional[float]:
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError) as error:
        raise InputError(f"indicator_snapshots: row {index}: {column} is not a number: {value!r}",
                         table="indicator_snapshots", column=column, row=index) from error
