"""Wording shared by the checks: numbers, field names and feature references in Chinese and English."""

from __future__ import annotations

from typing import Iterable

import numpy as np

from planmonitor_plugin.core.roles import FieldSpec
from planmonitor_plugin.core.validation.model import FID_PREFIX

#: GEOS validity reasons (``is_valid_reason`` text before the coordinates) in Chinese.
VALIDITY_REASONS_ZH = {
    "Self-intersection": "自相交",
    "Ring Self-intersection": "环自相交",
    "Too few points in geometry component": "顶点数不足",
    "Too few distinct points in geometry component": "顶点数不足",
    "Hole lies outside shell": "内环位于外环之外",
    "Holes are nested": "内环相互嵌套",
    "Interior is disconnected": "面内部不连通",
    "Nested shells": "外环相互嵌套",
    "Duplicate Rings": "环重复",
    "Invalid Coordinate": "坐标无效",
    "Ring is not closed": "环未闭合",
    "Repeated Point": "重复点",
}


def m2(value: float) -> str:
    """An area in m² with two decimals."""
    return f"{value:.2f}"


def percent(ratio: float) -> str:
    """A ratio as a percentage with two decimals."""
    return f"{ratio * 100:.2f}%"


def field_zh(spec: FieldSpec | None, column: str) -> str:
    """``DLBM（地类编码）`` — the layer's field name with the standard's label."""
    return f"{column}（{spec.label_zh}）" if spec is not None and spec.label_zh else str(column)


def field_en(spec: FieldSpec | None, column: str) -> str:
    """``DLBM (land class code)``."""
    return f"{column} ({spec.label_en})" if spec is not None and spec.label_en else str(column)


def ref_zh(label: str, key: str) -> str:
    """A feature as named in a Chinese message: ``BSM 3701…`` or ``要素 fid:12``."""
    return f"要素 {key}" if key.startswith(FID_PREFIX) else f"{label} {key}"


def ref_en(label: str, key: str) -> str:
    """A feature as named in an English message: ``BSM 3701…`` or ``feature fid:12``."""
    return f"feature {key}" if key.startswith(FID_PREFIX) else f"{label} {key}"


def refs(label: str, keys: Iterable[str], zh: bool) -> np.ndarray:
    """Feature references for a list of keys."""
    make = ref_zh if zh else ref_en
    return np.array([make(label, str(k)) for k in keys], dtype=object)


def reason_zh(reason: str) -> str:
    """Chinese wording of a GEOS validity reason (the English text when unknown)."""
    return VALIDITY_REASONS_ZH.get(reason, reason)


def coordinates(x: float, y: float) -> str:
    """A lon/lat location with 6 decimals (≈0.1 m)."""
    return f"{x:.6f}, {y:.6f}"
