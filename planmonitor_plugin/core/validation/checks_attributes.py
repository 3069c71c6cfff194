"""Attribute checks per feature: code values, duplicate identifiers, stored areas.

All vectorised with pandas/numpy; a finding's geometry is the feature itself.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from planmonitor_plugin.core.code_tables import normalise_codes
from planmonitor_plugin.core.roles import FieldSpec
from planmonitor_plugin.core.validation import messages as msg
from planmonitor_plugin.core.validation.context import CheckContext
from planmonitor_plugin.core.validation.layer import PreparedLayer
from planmonitor_plugin.core.validation.model import Findings, make_findings
from planmonitor_plugin.core.validation.rules import AREA_UNITS

UNIT_ZH = {"m2": "平方米", "ha": "公顷", "mu": "亩", "km2": "平方千米"}
UNIT_EN = {"m2": "m²", "ha": "ha", "mu": "mu", "km2": "km²"}
#: A stored area that matches the computed one within this share when read in another unit hints at that unit.
UNIT_HINT_TOLERANCE = 0.01


def _feature_findings(layer: PreparedLayer, rows: np.ndarray, rule_id: str, severity: str, *,
                      message_zh, message_en, value=np.nan, value_unit: str = "") -> Findings:
    """Findings for the features at positions ``rows``, located on the features themselves."""
    return make_findings(rule_id, severity, layer.name, message_zh=message_zh, message_en=message_en,
                         feature_key=layer.keys[rows], fid=layer.fids[rows], value=value, value_unit=value_unit,
                         geometry=layer.geometry[rows])


# --------------------------------------------------------------------------- codes


def check_codes(layer: PreparedLayer, ctx: CheckContext) -> list[Findings]:
    """``code.unknown`` and ``code.empty`` for every coded field of the role present in the layer."""
    batches: list[Findings] = []
    for name, table_id in layer.role.code_fields.items():
        spec = layer.role.field(name)
        column = layer.column(spec)
        if column is None:
            continue  # reported by schema.missing_field when required
        codes = normalise_codes(layer.frame[column]).reset_index(drop=True)
        empty = codes.isna().to_numpy()
        if ctx.enabled("code.empty") and (spec.required or not ctx.params("code.empty")["required_fields_only"]):
            batches.append(_empty_codes(layer, ctx, spec, column, np.flatnonzero(empty)))
        if ctx.enabled("code.unknown"):
            unknown = ~empty & ~codes.isin(ctx.allowed_codes(table_id)).to_numpy(dtype=bool)
            batches.append(_unknown_codes(layer, ctx, spec, column, table_id, codes, np.flatnonzero(unknown)))
    return batches


def _empty_codes(layer: PreparedLayer, ctx: CheckContext, spec: FieldSpec, column: str,
                 rows: np.ndarray) -> Findings:
    """One ``code.empty`` finding per feature with an empty code."""
    return _feature_findings(layer, rows, "code.empty", ctx.severity("code.empty"),
                             message_zh=f"{msg.field_zh(spec, column)} 为空，未填写代码。",
                             message_en=f"{msg.field_en(spec, column)} is empty.")


def _unknown_codes(layer: PreparedLayer, ctx: CheckContext, spec: FieldSpec, column: str, table_id: str,
                   codes: pd.Series, rows: np.ndarray) -> Findings:
    """One ``code.unknown`` finding per feature whose code is not in the table."""
    meta = ctx.code_table(table_id).meta
    title_zh, title_en = meta.get("title_zh", table_id), meta.get("title_en", table_id)
    values = codes.iloc[rows].astype(object).to_numpy()
    label_zh, label_en = msg.field_zh(spec, column), msg.field_en(spec, column)
    return _feature_findings(
        layer, rows, "code.unknown", ctx.severity("code.unknown"),
        message_zh=np.array([f"{label_zh} 的值“{v}”不在代码表《{title_zh}》中。" for v in values], dtype=object),
        message_en=np.array([f"{label_en} value '{v}' is not in the code table '{title_en}'." for v in values],
                            dtype=object))


# --------------------------------------------------------------------------- identifiers


def check_keys(layer: PreparedLayer, ctx: CheckContext) -> list[Findings]:
    """``key.duplicate``: every feature whose key (BSM …) is shared, value = size of its group."""
    if layer.key_spec is None or not ctx.enabled("key.duplicate"):
        return []
    values = layer.key_values.reset_index(drop=True)
    duplicated = values.notna() & values.duplicated(keep=False)
    rows = np.flatnonzero(duplicated.to_numpy(dtype=bool))
    if not len(rows):
        return []
    shared = values.iloc[rows].astype(object)
    counts = shared.map(shared.value_counts()).to_numpy(dtype=float)
    label_zh, label_en = msg.field_zh(layer.key_spec, layer.key_label), msg.field_en(layer.key_spec, layer.key_label)
    return [_feature_findings(
        layer, rows, "key.duplicate", ctx.severity("key.duplicate"), value=counts, value_unit="count",
        message_zh=np.array([f"{label_zh} 重复：“{k}”共出现 {int(n)} 次。" for k, n in zip(shared, counts)],
                            dtype=object),
        message_en=np.array([f"Duplicate {label_en} '{k}': {int(n)} features share it." for k, n in
                             zip(shared, counts)], dtype=object))]


# --------------------------------------------------------------------------- areas


def check_areas(layer: PreparedLayer, ctx: CheckContext) -> list[Findings]:
    """``area.mismatch`` and ``area.missing`` for the role's configured area field.

    The computed area is the ellipsoidal area of the repaired (``make_valid``)
    geometry; features without area (NULL/empty geometry) are only checked for a
    missing value.
    """
    if not (ctx.enabled("area.mismatch") or ctx.enabled("area.missing")):
        return []
    setting = ctx.params("area.mismatch")["fields"].get(layer.role.id)
    column = _area_column(layer, setting["field"]) if setting else None
    if column is None:
        return []
    spec = layer.field_spec(setting["field"])
    raw = pd.to_numeric(layer.frame[column].reset_index(drop=True), errors="coerce").to_numpy(dtype=float)
    batches = []
    if ctx.enabled("area.missing"):
        batches.append(_missing_areas(layer, ctx, spec, column, np.flatnonzero(np.isnan(raw))))
    if ctx.enabled("area.mismatch"):
        batches.append(_mismatched_areas(layer, ctx, spec, column, raw, setting["unit"]))
    return batches


def _area_column(layer: PreparedLayer, name: str) -> str | None:
    """The frame column of the area field (role field with aliases, else the plain name)."""
    column = layer.column(layer.field_spec(name))
    if column is None:
        column = next((c for c in layer.frame.columns if str(c).upper() == name.upper()), None)
    return column


def _missing_areas(layer: PreparedLayer, ctx: CheckContext, spec: FieldSpec | None, column: str,
                   rows: np.ndarray) -> Findings:
    """One ``area.missing`` finding per feature with an empty (or non-numeric) area value."""
    return _feature_findings(layer, rows, "area.missing", ctx.severity("area.missing"),
                             message_zh=f"{msg.field_zh(spec, column)} 未填写或不是数值。",
                             message_en=f"{msg.field_en(spec, column)} is empty or not a number.")


def _mismatched_areas(layer: PreparedLayer, ctx: CheckContext, spec: FieldSpec | None, column: str,
                      raw: np.ndarray, unit: str) -> Findings:
    """``area.mismatch``: |stored − computed| > max(abs_tol, rel_tol × computed); value = relative difference."""
    params = ctx.params("area.mismatch")
    computed = layer.areas
    stored = raw * AREA_UNITS[unit]
    with np.errstate(invalid="ignore"):
        allowed = np.maximum(params["abs_tol_m2"], params["rel_tol"] * computed)
        rows = np.flatnonzero(np.abs(stored - computed) > allowed)  # NaN on either side: not compared
    ratio = (stored[rows] - computed[rows]) / np.where(computed[rows] > 0, computed[rows], np.nan)
    label_zh, label_en = msg.field_zh(spec, column), msg.field_en(spec, column)
    texts_zh, texts_en = [], []
    for r, c, s, q in zip(raw[rows], computed[rows], stored[rows], ratio):
        hint = _unit_hint(r, c, unit)
        texts_zh.append(f"{label_zh} 填写 {_stored_zh(r, s, unit)}，椭球面积计算值 {msg.m2(c)} 平方米，"
                        f"相差 {msg.m2(s - c)} 平方米（{_percent(q)}）{_hint_zh(hint)}。")
        texts_en.append(f"{label_en} is {_stored_en(r, s, unit)} but the ellipsoidal area is {msg.m2(c)} m² "
                        f"(difference {msg.m2(s - c)} m², {_percent(q)}){_hint_en(hint)}.")
    return _feature_findings(layer, rows, "area.mismatch", ctx.severity("area.mismatch"), value=ratio,
                             value_unit="ratio", message_zh=np.array(texts_zh, dtype=object),
                             message_en=np.array(texts_en, dtype=object))


def _number(value: float) -> str:
    """A stored number as typed: up to 4 decimals, no trailing zeros."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _percent(ratio: float) -> str:
    return msg.percent(ratio) if np.isfinite(ratio) else "—"


def _stored_zh(raw: float, stored_m2: float, unit: str) -> str:
    text = f"{_number(raw)} {UNIT_ZH[unit]}"
    return text if unit == "m2" else f"{text}（{msg.m2(stored_m2)} 平方米）"


def _stored_en(raw: float, stored_m2: float, unit: str) -> str:
    text = f"{_number(raw)} {UNIT_EN[unit]}"
    return text if unit == "m2" else f"{text} ({msg.m2(stored_m2)} m²)"


def _unit_hint(raw: float, computed: float, unit: str) -> str | None:
    """Another unit in which the stored number would match the computed area, if any."""
    for other, factor in AREA_UNITS.items():
        if other != unit and computed > 0 and abs(raw * factor / computed - 1.0) < UNIT_HINT_TOLERANCE:
            return other
    return None


def _hint_zh(unit: str | None) -> str:
    return f"；若按{UNIT_ZH[unit]}计则基本相符，请核对字段单位" if unit else ""


def _hint_en(unit: str | None) -> str:
    return f"; read as {UNIT_EN[unit]} it would match: check the unit" if unit else ""
