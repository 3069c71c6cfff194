"""Vectorised overlay of subject polygons (sites) with constraint polygons (red line, farmland …).

* :func:`overlay_pairs` — every (subject, constraint) pair whose shared area
  (ellipsoidal m², :func:`planmonitor_plugin.core.area.polygon_areas`) exceeds a
  tolerance, with the shared polygons;
* :func:`outside_parts` — the part of each subject outside a zone (the union of
  a layer, e.g. the urban development boundary) and its area.

Geometries are shapely arrays in CGCS2000 lon/lat and are expected to be valid
(:func:`planmonitor_plugin.core.validation.spatial.repair` makes them so).  Pair
finding reuses the validation engine's :func:`cross_pairs` (one bulk STRtree
envelope query, then chunked prepared ``contains`` / ``intersects`` and a DE-9IM
interior test), so pairs that only touch along an edge or at a point never reach
the overlay; containments found there skip the overlay entirely.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from planmonitor_plugin.core.area import AreaFunction, polygon_areas
from planmonitor_plugin.core.parallel import for_each_chunk
from planmonitor_plugin.core.progress import CancelledCallback, ProgressCallback, Steps, never_cancelled, no_progress
from planmonitor_plugin.core.validation.spatial import cross_pairs, overlap_geometries, polygonal

#: Pairs intersected per chunk: bounds memory; cancellation is checked between chunks.
OVERLAY_CHUNK = 100_000
#: Constraint polygons with more vertices than this are cut into grid pieces first (see split_large_polygons).
SPLIT_VERTICES = 64
#: ... but only when at least this many subjects' envelopes meet it (a few sites do not repay the cutting).
SPLIT_MIN_SUBJECTS = 16
PAIR_COLUMNS = ["subject", "constraint", "area_m2", "subject_inside"]


def overlay_pairs(subjects: np.ndarray, constraints: np.ndarray, tolerance_m2: float = 1.0,
                  progress: ProgressCallback = no_progress, cancelled: CancelledCallback = never_cancelled,
                  area_of: AreaFunction = polygon_areas,
                  split_vertices: int | None = SPLIT_VERTICES) -> tuple[pd.DataFrame, np.ndarray]:
    """Pairs of overlapping subject and constraint polygons, with their shared polygons.

    Returns a DataFrame with ``subject`` and ``constraint`` (positions in the two
    arrays), ``area_m2`` (ellipsoidal area of the intersection) and
    ``subject_inside`` (the subject is known to lie wholly within the constraint — not
    flagged when it crosses a grid line of a split constraint), sorted by
    subject then constraint, and the array of intersection (Multi)Polygons
    aligned with its rows.  Only pairs whose area is strictly greater than
    ``tolerance_m2`` are kept; lines and points of touching pairs are dropped.
    Raises :class:`~planmonitor_plugin.core.errors.Cancelled` when ``cancelled()``
    turns true (checked between chunks). ``area_of`` measures the pieces: the default
    takes lon/lat geometries; :func:`~planmonitor_plugin.core.area.areas_via` takes
    geometries in a projected working CRS.
    """
    subjects = np.asarray(subjects, dtype=object)
    constraints = np.asarray(constraints, dtype=object)
    if not len(subjects) or not len(constraints):
        return (_pairs_frame(np.empty(0, int), np.empty(0, int), np.empty(0), np.empty(0, bool)),
                np.empty(0, dtype=object))
    steps = Steps(1, progress, cancelled)
    pieces, owner = split_large_polygons(constraints, split_vertices, _busy(subjects, constraints))
    pairs = cross_pairs(subjects, pieces, check=steps.check)
    order = np.lexsort((pairs.j, owner[pairs.j], pairs.i))
    i, k = pairs.i[order], pairs.j[order]
    a_inside, b_inside = pairs.a_inside[order], pairs.b_inside[order]
    steps.total = max(1, -(-len(i) // OVERLAY_CHUNK)) + 1
    steps.advance()
    geometries = np.empty(len(i), dtype=object)
    areas = np.zeros(len(i))
    def overlay(chunk: slice) -> None:
        geometries[chunk] = overlap_geometries(subjects[i[chunk]], pieces[k[chunk]], a_inside[chunk], b_inside[chunk])

    for_each_chunk(overlay, len(i), OVERLAY_CHUNK, steps.check)  # GEOS work in threads
    for start in range(0, len(i), OVERLAY_CHUNK):  # areas in this thread: PROJ transforms are not shared
        chunk = slice(start, start + OVERLAY_CHUNK)
        areas[chunk] = np.nan_to_num(area_of(geometries[chunk]), nan=0.0)
        steps.advance()
    i, j, areas, inside, geometries, merged = _merge_pieces(i, owner[k], areas, a_inside, geometries)
    if merged.any():  # measured as a whole, like the native overlay's output polygon
        areas[merged] = np.nan_to_num(area_of(geometries[merged]), nan=0.0)
    keep = areas > tolerance_m2
    return _pairs_frame(i[keep], j[keep], areas[keep], inside[keep]), geometries[keep]


def _busy(subjects: np.ndarray, constraints: np.ndarray) -> np.ndarray:
    """Constraints whose envelope meets many subjects' envelopes: only those are worth splitting."""
    _, candidates = shapely.STRtree(constraints).query(subjects)
    return np.bincount(candidates, minlength=len(constraints)) >= SPLIT_MIN_SUBJECTS


def split_large_polygons(geometries: np.ndarray, max_vertices: int | None = SPLIT_VERTICES,
                         eligible: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Polygons with more than ``max_vertices`` cut by a grid into pieces; returns (pieces, owner index).

    A dissolved planning polygon may have thousands of vertices and hundreds of holes; every
    parcel sharing an edge with it would cost a full topological test against all of them.
    ``eligible`` (booleans) limits the cutting to some polygons.
    Its grid pieces are small, exact (``intersection`` with grid cells that share their
    coordinates) and together cover the polygon exactly once.
    """
    geometries = np.asarray(geometries, dtype=object)
    everything = np.arange(len(geometries))
    if max_vertices is None or not len(geometries):
        return geometries, everything
    counts = shapely.get_num_coordinates(geometries)
    large = np.flatnonzero((counts > max_vertices) & (True if eligible is None else eligible))
    if not len(large):
        return geometries, everything
    cells = np.ceil(np.sqrt(counts[large] / max_vertices)).astype(np.int64)
    owner = np.repeat(large, cells * cells)
    local = np.arange(len(owner)) - np.repeat(np.cumsum(cells * cells) - cells * cells, cells * cells)
    per_side = np.repeat(cells, cells * cells)
    column, row = local % per_side, local // per_side
    xmin, ymin, xmax, ymax = shapely.bounds(geometries[owner]).T
    x0, x1 = _grid_edges(xmin, xmax, column, per_side)
    y0, y1 = _grid_edges(ymin, ymax, row, per_side)
    tiles = polygonal(shapely.intersection(geometries[owner], shapely.box(x0, y0, x1, y1)))
    present = ~shapely.is_missing(tiles)
    small = np.setdiff1d(everything, large)
    return (np.concatenate([geometries[small], tiles[present]]).astype(object),
            np.concatenate([small, owner[present]]))


def _grid_edges(low: np.ndarray, high: np.ndarray, index: np.ndarray, count: np.ndarray):
    """Cell edges along one axis; neighbouring cells get bit-identical shared edges, the outer ones the bounds."""
    step = (high - low) / count
    start = np.where(index == 0, low, low + index * step)
    end = np.where(index == count - 1, high, low + (index + 1) * step)
    return start, end


def _merge_pieces(i, j, areas, inside, geometries):
    """One row per (subject, constraint): areas added, the pieces of a split constraint unioned
    (the last array flags the rows made of several pieces)."""
    if not len(i):
        return i, j, areas, inside, geometries, np.zeros(0, dtype=bool)
    starts = np.flatnonzero(np.r_[True, (i[1:] != i[:-1]) | (j[1:] != j[:-1])])
    sizes = np.diff(np.r_[starts, len(i)])
    merged = geometries[starts].copy()
    for start, size in zip(starts[sizes > 1], sizes[sizes > 1]):  # only subjects crossing grid lines
        parts = geometries[start:start + size]
        parts = parts[~shapely.is_missing(parts)]
        merged[np.searchsorted(starts, start)] = shapely.union_all(parts) if len(parts) else None
    if (sizes > 1).any():
        merged = polygonal(merged)
    return (i[starts], j[starts], np.add.reduceat(areas, starts), np.logical_or.reduceat(inside, starts), merged,
            sizes > 1)


def _pairs_frame(i: np.ndarray, j: np.ndarray, area: np.ndarray, inside: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"subject": i.astype(np.int64), "constraint": j.astype(np.int64),
                         "area_m2": area.astype(float), "subject_inside": inside.astype(bool)}, columns=PAIR_COLUMNS)


def outside_parts(subjects: np.ndarray, zone: np.ndarray,
                  area_of: AreaFunction = polygon_areas) -> tuple[np.ndarray, np.ndarray]:
    """Area (m²) and geometry of the part of each subject outside the union of ``zone``.

    Subjects that do not meet the zone are entirely outside (their own geometry);
    subjects inside it give area 0 and geometry None; only the others are
    differenced against the (prepared) zone union.  Missing subjects give NaN.
    """
    subjects = np.asarray(subjects, dtype=object)
    outside = subjects.copy()
    present = np.flatnonzero(~(shapely.is_missing(subjects) | shapely.is_empty(subjects)))
    union = _zone_union(zone)
    if union is not None and len(present):
        shapely.prepare(union)
        candidates = present[shapely.intersects(union, subjects[present])]
        inside = shapely.contains(union, subjects[candidates])
        outside[candidates[inside]] = None
        crossing = candidates[~inside]
        if len(crossing):
            outside[crossing] = polygonal(shapely.difference(subjects[crossing], union))
    areas = np.nan_to_num(area_of(outside), nan=0.0)
    areas[~np.isin(np.arange(len(subjects)), present)] = np.nan
    return areas, outside


def _zone_union(zone: np.ndarray) -> shapely.Geometry | None:
    """The union of the zone's polygons (None if it has none)."""
    zone = np.asarray(zone, dtype=object)
    zone = zone[~(shapely.is_missing(zone) | shapely.is_empty(zone))] if len(zone) else zone
    if not len(zone):
        return None
    return polygonal(np.array([shapely.union_all(zone)], dtype=object))[0]
