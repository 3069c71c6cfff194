"""Inputs and outputs of the data-quality validation (数据质检).

:class:`LayerInput` is what the QGIS adapter hands in per layer, already in
CGCS2000 lon/lat (EPSG:4490); :class:`ValidationResult` is what comes back: one
row per finding plus the geometry that shows where the problem is.  Checks build
their findings as :class:`Findings` batches with :func:`make_findings`; the
engine concatenates them with :func:`combine`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import shapely

#: Columns of :attr:`ValidationResult.findings`, in this order.
FINDING_COLUMNS = (
    "rule_id", "severity", "layer", "feature_key", "fid", "message_zh", "message_en",
    "value", "value_unit", "other_layer", "other_key",
)
#: Columns of :attr:`ValidationResult.summary`.
SUMMARY_COLUMNS = ("layer", "rule_id", "severity", "count")
SEVERITIES = ("error", "warning")
#: ``feature_key`` of a feature whose key field is missing or empty: ``fid:<feature id>``.
FID_PREFIX = "fid:"
_TEXT_COLUMNS = ("rule_id", "severity", "layer", "feature_key", "message_zh", "message_en",
                 "value_unit", "other_layer", "other_key")


@dataclass
class LayerInput:
    """One layer to validate, as the QGIS adapter delivers it.

    ``frame`` holds the attributes (one row per feature, index = feature id,
    None for NULL); ``geometry`` the shapely geometries aligned with it, in
    CGCS2000 lon/lat degrees (EPSG:4490), None for a NULL geometry.  ``fields``
    lists ``(name, type, declared length)`` with type one of string, integer,
    real, date, other.  ``crs_authid``/``crs_description`` describe the layer's
    *original* CRS (before the adapter reprojected it).
    """

    name: str
    role_id: str | None
    frame: pd.DataFrame
    geometry: np.ndarray
    fields: list[tuple[str, str, int | None]]
    crs_authid: str = ""
    crs_description: str = ""
    encoding_note: str | None = None


@dataclass
class ValidationResult:
    """Findings of one validation run.

    ``findings`` has exactly :data:`FINDING_COLUMNS`; ``geometry`` is aligned
    with its rows (None for layer-level findings); ``summary`` counts findings
    per layer, rule and severity.
    """

    findings: pd.DataFrame
    geometry: np.ndarray
    summary: pd.DataFrame
    rule_set_id: str
    rule_set_version: str
    layers_checked: list[str] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        """Number of findings of severity ``error``."""
        return int((self.findings["severity"] == "error").sum())

    @property
    def warning_count(self) -> int:
        """Number of findings of severity ``warning``."""
        return int((self.findings["severity"] == "warning").sum())


@dataclass
class Findings:
    """A batch of findings from one check: rows in ``frame`` and their geometry."""

    frame: pd.DataFrame
    geometry: np.ndarray

    def __len__(self) -> int:
        return len(self.frame)


def _length(value: Any) -> int | None:
    """Length of an array-like argument, None for a scalar (text, number, geometry, None)."""
    if value is None or isinstance(value, (str, bytes, float, int, np.generic, shapely.Geometry)):
        return None
    return len(value)


def _broadcast(value: Any, count: int) -> np.ndarray:
    """``value`` as an object array of ``count`` items (scalars repeated)."""
    if _length(value) is None:
        result = np.empty(count, dtype=object)
        result[:] = [value] * count
        return result
    array = np.asarray(value, dtype=object) if not isinstance(value, pd.Series) else value.to_numpy(dtype=object)
    return array


def make_findings(rule_id: str, severity: Any, layer: str, *, message_zh: Any, message_en: Any,
                  feature_key: Any = "", fid: Any = None, value: Any = np.nan, value_unit: str = "",
                  other_layer: Any = "", other_key: Any = "", geometry: Any = None) -> Findings:
    """Build a batch of findings; every argument may be a scalar or an array of the batch length."""
    arguments = {"severity": severity, "message_zh": message_zh, "message_en": message_en,
                 "feature_key": feature_key, "fid": fid, "value": value, "other_layer": other_layer,
                 "other_key": other_key, "geometry": geometry}
    lengths = {name: n for name, n in ((k, _length(v)) for k, v in arguments.items()) if n is not None}
    if len(set(lengths.values())) > 1:
        raise ValueError(f"Finding columns of different lengths: {lengths}")
    count = next(iter(lengths.values()), 1)
    columns = {name: _broadcast(v, count) for name, v in arguments.items()}
    columns.update(rule_id=_broadcast(rule_id, count), layer=_broadcast(layer, count),
                   value_unit=_broadcast(value_unit, count))
    return Findings(frame=_frame(columns, count), geometry=columns["geometry"])


def _frame(columns: dict[str, np.ndarray], count: int) -> pd.DataFrame:
    """The findings frame with the contract's column order and types."""
    data: dict[str, Any] = {}
    for name in FINDING_COLUMNS:
        values = columns[name]
        series = pd.Series(values, dtype=object)
        if name == "fid":
            data[name] = pd.to_numeric(series, errors="coerce").astype("Int64").array
        elif name == "value":
            data[name] = pd.to_numeric(series, errors="coerce").astype(float).to_numpy()
        else:
            data[name] = series.where(series.notna(), "").astype(str).astype(object).to_numpy()
    return pd.DataFrame(data, index=pd.RangeIndex(count))


def empty_findings() -> pd.DataFrame:
    """A findings frame without rows but with the contract's columns and types."""
    return make_findings("", "", "", message_zh=[], message_en=[]).frame


def combine(batches: list[Findings]) -> tuple[pd.DataFrame, np.ndarray]:
    """Concatenate finding batches into one frame (fresh 0..n-1 index) and its geometry array."""
    batches = [b for b in batches if len(b)]
    if not batches:
        return empty_findings(), np.empty(0, dtype=object)
    frame = pd.concat([b.frame for b in batches], ignore_index=True)
    geometry = np.concatenate([np.asarray(b.geometry, dtype=object) for b in batches])
    for name in _TEXT_COLUMNS:
        frame[name] = frame[name].astype(object)
    frame["fid"] = frame["fid"].astype("Int64")
    frame["value"] = frame["value"].astype(float)
    return frame, geometry


def summarise(findings: pd.DataFrame) -> pd.DataFrame:
    """Count findings per layer, rule and severity (layers in order of appearance)."""
    if findings.empty:
        return pd.DataFrame({"layer": pd.Series(dtype=object), "rule_id": pd.Series(dtype=object),
                             "severity": pd.Series(dtype=object), "count": pd.Series(dtype="int64")})
    counts = findings.groupby(["layer", "rule_id", "severity"], sort=False).size()
    return counts.rename("count").reset_index()
