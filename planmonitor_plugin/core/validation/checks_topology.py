"""Topology and conflict checks: overlaps within a layer, gaps in a coverage, 三线冲突 between layers.

They work on the layers' repaired copies (``make_valid`` of invalid geometries,
polygonal parts only), so an invalid parcel never stops them; NULL and empty
geometries are skipped.  Areas are ellipsoidal (CGCS2000, m²) and compared with
the rule's ``min_area_m2`` sliver tolerance.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from planmonitor_plugin.core.area import polygon_areas
from planmonitor_plugin.core.validation import coverage, spatial
from planmonitor_plugin.core.validation import messages as msg
from planmonitor_plugin.core.validation.context import CheckContext
from planmonitor_plugin.core.validation.layer import PreparedLayer
from planmonitor_plugin.core.validation.model import Findings, make_findings

#: At most this many neighbouring features are named for a gap.
MAX_GAP_NEIGHBOURS = 5


def _above(shapes: np.ndarray, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """(positions, areas) of the shapes whose ellipsoidal area exceeds ``tolerance``."""
    areas = polygon_areas(shapes)
    keep = np.flatnonzero(np.nan_to_num(areas, nan=0.0) > tolerance)
    return keep, areas[keep]


# --------------------------------------------------------------------------- overlaps


def check_overlaps(layer: PreparedLayer, ctx: CheckContext) -> list[Findings]:
    """``topology.overlap``: pairs of features sharing more than the tolerance, each pair once.

    Only features touching a region covered twice (see :mod:`.coverage`) are
    tested pairwise, so a clean layer costs one pass over its edges; when the
    faces are not exact (snapped or too dense), all neighbouring pairs are tested.
    """
    if not ctx.enabled("topology.overlap"):
        return []
    faces = layer.coverage_faces(ctx.check)
    candidates = None
    if faces is not None and faces.exact:
        candidates = coverage.overlap_candidates(faces, layer.tree)
        if not len(candidates):
            return []
    polygons = layer.polygons
    i, j = spatial.interior_pairs(polygons, check=ctx.check, subset=candidates)
    shapes = spatial.overlap_geometries(polygons[i], polygons[j])
    keep, areas = _above(shapes, ctx.params("topology.overlap")["min_area_m2"])
    i, j, shapes = i[keep], j[keep], shapes[keep]
    ref_zh, ref_en = msg.refs(layer.key_label, layer.keys[j], True), msg.refs(layer.key_label, layer.keys[j], False)
    return [make_findings(
        "topology.overlap", ctx.severity("topology.overlap"), layer.name,
        message_zh=np.array([f"图斑重叠 {msg.m2(a)} 平方米（与 {r} 重叠）。" for a, r in zip(areas, ref_zh)],
                            dtype=object),
        message_en=np.array([f"Overlaps {r} by {msg.m2(a)} m²." for a, r in zip(areas, ref_en)], dtype=object),
        feature_key=layer.keys[i], fid=layer.fids[i], value=areas, value_unit="m2", other_layer=layer.name,
        other_key=layer.keys[j], geometry=shapes)]


# --------------------------------------------------------------------------- gaps


def check_gaps(layer: PreparedLayer, ctx: CheckContext) -> list[Findings]:
    """``topology.gap``: holes of the layer's union larger than the tolerance.

    Geometry = the gap polygon; no feature of its own (``feature_key`` "", ``fid``
    NULL); ``other_key`` lists up to five features around it (comma-separated).
    """
    if not ctx.enabled("topology.gap"):
        return []
    faces = layer.coverage_faces(ctx.check)
    gaps = faces.gaps if faces is not None else coverage.union_gaps(layer.polygons)
    keep, areas = _above(gaps, ctx.params("topology.gap")["min_area_m2"])
    gaps = gaps[keep]
    if not len(gaps):
        return []
    around = _neighbour_keys(layer, gaps)
    near_zh = [f"（周边：{'、'.join(msg.refs(layer.key_label, k, True))}）" if k else "" for k in around]
    near_en = [f" (next to {', '.join(msg.refs(layer.key_label, k, False))})" if k else "" for k in around]
    return [make_findings(
        "topology.gap", ctx.severity("topology.gap"), layer.name,
        message_zh=np.array([f"图斑间存在缝隙 {msg.m2(a)} 平方米{n}。" for a, n in zip(areas, near_zh)], dtype=object),
        message_en=np.array([f"Gap of {msg.m2(a)} m² between features{n}." for a, n in zip(areas, near_en)],
                            dtype=object),
        value=areas, value_unit="m2", other_layer=layer.name, other_key=[",".join(k) for k in around],
        geometry=gaps)]


def _neighbour_keys(layer: PreparedLayer, gaps: np.ndarray) -> list[list[str]]:
    """Keys of the first features touching each gap (within the vertex-matching grid)."""
    gap, feature = layer.tree.query(shapely.buffer(gaps, coverage.MATCH_GRID), predicate="intersects")
    pairs = pd.DataFrame({"gap": gap, "key": layer.keys[feature]}).drop_duplicates()
    grouped = pairs.groupby("gap")["key"].agg(lambda keys: sorted(keys)[:MAX_GAP_NEIGHBOURS])
    return [grouped.get(g, []) for g in range(len(gaps))]


# --------------------------------------------------------------------------- control lines


def check_conflict(first: PreparedLayer, second: PreparedLayer, ctx: CheckContext) -> list[Findings]:
    """``conflict.control_lines``: features of two control-line layers overlapping by more than the tolerance.

    Works whatever CRS the layers came in: they all arrive in CGCS2000 lon/lat.
    """
    if not ctx.enabled("conflict.control_lines"):
        return []
    pairs = spatial.cross_pairs(first.polygons, second.polygons, check=ctx.check)
    i, j = pairs.i, pairs.j
    shapes = spatial.overlap_geometries(first.polygons[i], second.polygons[j], pairs.a_inside, pairs.b_inside)
    keep, areas = _above(shapes, ctx.params("conflict.control_lines")["min_area_m2"])
    i, j, shapes = i[keep], j[keep], shapes[keep]
    a_zh, a_en = msg.refs(first.key_label, first.keys[i], True), msg.refs(first.key_label, first.keys[i], False)
    b_zh, b_en = msg.refs(second.key_label, second.keys[j], True), msg.refs(second.key_label, second.keys[j], False)
    role_a, role_b = first.role, second.role
    return [make_findings(
        "conflict.control_lines", ctx.severity("conflict.control_lines"), first.name,
        message_zh=np.array([f"三线冲突：{role_a.name_zh} {a} 与{role_b.name_zh}（{second.name}）{b} "
                             f"重叠 {msg.m2(s)} 平方米。" for a, b, s in zip(a_zh, b_zh, areas)], dtype=object),
        message_en=np.array([f"Control-line conflict: {role_a.name_en} {a} overlaps {role_b.name_en} "
                             f"({second.name}) {b} by {msg.m2(s)} m²." for a, b, s in zip(a_en, b_en, areas)],
                            dtype=object),
        feature_key=first.keys[i], fid=first.fids[i], value=areas, value_unit="m2", other_layer=second.name,
        other_key=second.keys[j], geometry=shapes)]
