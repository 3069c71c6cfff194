"""Geometry checks per feature: NULL, empty and invalid geometries."""

from __future__ import annotations

import numpy as np
import shapely

from planmonitor_plugin.core.validation import messages as msg
from planmonitor_plugin.core.validation import spatial
from planmonitor_plugin.core.validation.context import CheckContext
from planmonitor_plugin.core.validation.layer import PreparedLayer
from planmonitor_plugin.core.validation.model import Findings, make_findings


def check_geometry(layer: PreparedLayer, ctx: CheckContext) -> list[Findings]:
    """``geometry.null``, ``geometry.empty`` and ``geometry.invalid``."""
    batches = []
    if ctx.enabled("geometry.null"):
        batches.append(_without_geometry(layer, ctx, "geometry.null", np.flatnonzero(layer.is_null),
                                         "要素无几何图形（NULL）。", "The feature has no geometry (NULL)."))
    if ctx.enabled("geometry.empty"):
        batches.append(_without_geometry(layer, ctx, "geometry.empty", np.flatnonzero(layer.is_empty),
                                         "要素几何图形为空（不含任何坐标）。",
                                         "The feature geometry is empty (no coordinates)."))
    if ctx.enabled("geometry.invalid"):
        batches.append(_invalid(layer, ctx))
    return batches


def _without_geometry(layer: PreparedLayer, ctx: CheckContext, rule_id: str, rows: np.ndarray,
                      text_zh: str, text_en: str) -> Findings:
    """Findings for features that have no geometry to show (geometry None)."""
    return make_findings(rule_id, ctx.severity(rule_id), layer.name, message_zh=text_zh, message_en=text_en,
                         feature_key=layer.keys[rows], fid=layer.fids[rows],
                         geometry=np.full(len(rows), None, dtype=object))


def _invalid(layer: PreparedLayer, ctx: CheckContext) -> Findings:
    """One finding per invalid geometry, located at the point GEOS names (else the whole feature)."""
    rows = np.flatnonzero(~layer.is_valid)
    reasons = shapely.is_valid_reason(layer.geometry[rows])
    points = spatial.reason_points(reasons)
    where = np.where(shapely.is_missing(points), layer.geometry[rows], points)
    texts = spatial.reason_texts(reasons)
    at_zh = [f"（位置 {msg.coordinates(p.x, p.y)}）" if p is not None else "" for p in points]
    at_en = [f" at {msg.coordinates(p.x, p.y)}" if p is not None else "" for p in points]
    return make_findings(
        "geometry.invalid", ctx.severity("geometry.invalid"), layer.name,
        message_zh=np.array([f"几何图形无效：{msg.reason_zh(t)}{a}。" for t, a in zip(texts, at_zh)], dtype=object),
        message_en=np.array([f"Invalid geometry: {t}{a}." for t, a in zip(texts, at_en)], dtype=object),
        feature_key=layer.keys[rows], fid=layer.fids[rows], geometry=where)
