"""Builders shared by the validation tests: small hand-made layers near 117°E 36°N (no tests here).

Cells are boxes of 0.001° (≈ 90 m × 111 m); ``cell(col, row)`` is the box whose
lower-left corner is ``ORIGIN + (col, row) × SIZE``.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
import pandas as pd
import shapely

from planmonitor_plugin.core.area import polygon_areas
from planmonitor_plugin.core.validation import LayerInput, ValidationResult, load_rule_set, validate

ORIGIN = (117.0, 36.0)
SIZE = 0.001

DLTB_FIELDS = [("BSM", "string", 18), ("DLBM", "string", 5), ("TBMJ", "real", None), ("TBDLMJ", "real", None)]
PBF_FIELDS = [("BSM", "string", 18), ("YJJBNTTBMJ", "real", None)]
UDB_FIELDS = [("BSM", "string", 18), ("MJ", "real", None)]
EPR_FIELDS = [("BSM", "string", 18), ("MJ", "real", None)]


def cell(col: float, row: float, width: float = 1.0, height: float = 1.0) -> shapely.Polygon:
    """A box of ``width`` × ``height`` cells with its lower-left corner at cell (col, row).

    Corners are computed the same way for every cell, so neighbours share them exactly.
    """
    return shapely.box(ORIGIN[0] + col * SIZE, ORIGIN[1] + row * SIZE,
                       ORIGIN[0] + (col + width) * SIZE, ORIGIN[1] + (row + height) * SIZE)


def grid(cols: int, rows: int) -> list[shapely.Polygon]:
    """A clean coverage of cols × rows cells, row by row."""
    return [cell(c, r) for r in range(rows) for c in range(cols)]


def bow_tie(col: float, row: float) -> shapely.Polygon:
    """A self-intersecting quadrilateral over cell (col, row), crossing at the cell centre."""
    x0, y0 = ORIGIN[0] + col * SIZE, ORIGIN[1] + row * SIZE
    x1, y1 = ORIGIN[0] + (col + 1) * SIZE, ORIGIN[1] + (row + 1) * SIZE
    return shapely.Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1)])


def geometry_array(geometries: Iterable) -> np.ndarray:
    """Geometries (None allowed) as the object array a LayerInput carries."""
    items = list(geometries)
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


def _areas(geometry: np.ndarray) -> np.ndarray:
    """Ellipsoidal areas rounded to cm² as a real layer would store them (NaN without geometry)."""
    return np.round(polygon_areas(geometry), 4)


def land_use(geometries: Iterable, *, name: str = "地类图斑", bsm: Sequence | None = None,
             dlbm: Sequence | None = None, tbmj: Sequence | None = None, crs: str = "EPSG:4527",
             fields: list | None = None, index: Sequence[int] | None = None, **columns) -> LayerInput:
    """A DLTB-like layer: BSM B000…, DLBM 0101, TBMJ = TBDLMJ = the ellipsoidal area."""
    geometry = geometry_array(geometries)
    count = len(geometry)
    areas = _areas(geometry)
    frame = pd.DataFrame({
        "BSM": list(bsm) if bsm is not None else [f"B{i:03d}" for i in range(count)],
        "DLBM": list(dlbm) if dlbm is not None else ["0101"] * count,
        "TBMJ": list(tbmj) if tbmj is not None else areas,
        "TBDLMJ": areas,
        **columns,
    }, index=pd.Index(index if index is not None else range(count)))
    frame = frame.astype(object).where(frame.notna(), None)
    return LayerInput(name, "current_land_use", frame, geometry, fields or list(DLTB_FIELDS), crs)


def simple_layer(role_id: str, geometries: Iterable, *, name: str, prefix: str, area_field: str = "MJ",
                 crs: str = "EPSG:4527", areas: Sequence | None = None, **columns: Sequence) -> LayerInput:
    """A control-line layer (BSM, the area field and ``columns``, all text) of ``role_id``."""
    geometry = geometry_array(geometries)
    frame = pd.DataFrame({
        "BSM": [f"{prefix}{i:03d}" for i in range(len(geometry))],
        area_field: list(areas) if areas is not None else _areas(geometry),
        **columns,
    })
    fields = [("BSM", "string", 18), (area_field, "real", None)] + [(c, "string", 20) for c in columns]
    return LayerInput(name, role_id, frame, geometry, fields, crs)


def farmland(geometries: Iterable, name: str = "永久基本农田", crs: str = "EPSG:4527") -> LayerInput:
    """A YJJBNTBHTB-like layer, keys P000…"""
    geometry = geometry_array(geometries)
    numbers = [f"TB{i:04d}" for i in range(len(geometry))]
    return simple_layer("basic_farmland", geometry, name=name, prefix="P", area_field="YJJBNTTBMJ", crs=crs,
                        YJJBNTTBBH=numbers)


def urban_boundary(geometries: Iterable, name: str = "城镇开发边界", crs: str = "EPSG:4527") -> LayerInput:
    """A CZKFBJ-like layer, keys U000…"""
    return simple_layer("urban_boundary", geometries, name=name, prefix="U", crs=crs)


def redline(geometries: Iterable, name: str = "生态保护红线", crs: str = "EPSG:4490") -> LayerInput:
    """A STBHHX-like layer (delivered in EPSG:4490), keys R000…"""
    return simple_layer("ecological_redline", geometries, name=name, prefix="R", crs=crs)


def run(layers: Sequence[LayerInput] | LayerInput, *only: str, rules=None, **kwargs) -> ValidationResult:
    """Validate with the bundled rules (or ``rules``), optionally restricted to the rule ids ``only``."""
    rules = rules if rules is not None else load_rule_set()
    if only:
        rules = rules.only(*only)
    return validate([layers] if isinstance(layers, LayerInput) else list(layers), rules, **kwargs)


def findings_of(result: ValidationResult, rule_id: str) -> tuple[pd.DataFrame, np.ndarray]:
    """The rows of one rule and their geometries."""
    mask = (result.findings["rule_id"] == rule_id).to_numpy()
    return result.findings[mask].reset_index(drop=True), result.geometry[mask]
