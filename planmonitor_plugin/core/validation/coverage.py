"""Gaps and overlap regions of a polygon layer from its *unbalanced edges* (no full union).

Why not ``union_all``?  Dissolving 300 000 parcels to find the holes of the union
takes ~8 s (measured, GEOS 3.14) and says nothing about overlaps;
``coverage_union_all`` is fast but assumes what we are checking (no overlaps,
matching vertices) and is undefined otherwise.  This module gets the holes — and
the places where overlaps can be — from the edges in ~1 s.

Method.  Orient every ring so that its polygon lies on the left (shells
counter-clockwise, holes clockwise) and cut the rings into segments.  Let
``d(x)`` be the number of polygons covering a point.  Crossing a segment from
right to left, ``d`` changes by the *balance* of that segment: +1 for each
polygon having it (exactly, same end points) with the polygon on the left, −1
for each having it reversed.  Between two neighbours in a clean coverage every
shared segment appears once each way, balance 0: ``d`` does not change there.
So ``d`` only changes across *unbalanced* segments (balance ≠ 0) — the outer
boundary, the rims of gaps and overlaps, and edges whose vertices do not match
their neighbour's.  Polygonizing just those segments (after noding them) gives
faces on each of which ``d`` is constant:

* a face is **covered** iff some polygon touches a point inside it (tested at
  ``point_on_surface``); the uncovered bounded faces are exactly the holes of the
  union — the gaps (bays open to the outside are not bounded faces);
* a face with ``d ≥ 2`` is an **overlap region**; every pair of overlapping
  polygons shares interior points in such faces, so only polygons touching them
  need the pairwise overlap test (:func:`overlap_candidates`).

Vertices are matched on a :data:`MATCH_GRID` of 1e-9° (≈0.1 mm, a cluster
tolerance like a GIS's XY tolerance): real deliveries share vertex coordinates
between neighbours (and keep them through a deterministic reprojection), but
coordinates computed twice may differ in the last bits, and an exact comparison
would turn such a 1e-14° seam into a channel that connects a gap to the outside.
Overlaps or gaps thinner than that grid are treated as noise (one 0.1 mm wide
needs to be 10 km long to reach 1 m²).  Counting ``d`` at a point that happens
to lie on a balanced edge would be ambiguous; such points are moved slightly
and, if still ambiguous, the face is treated as a possible overlap region
(slower, never wrong).

Data whose neighbours do not share vertices make most segments unbalanced and
the arrangement as costly as a union.  Then (:func:`analyse`) the vertices are
matched on a coarser :data:`SNAP_GRID` of 1e-7° (≈1 cm) and the segments compared
again: the faces, hence the gaps, are then exact to 1 cm, and because snapping
could close overlaps narrower than that, ``exact`` is False and the overlap check
tests all pairs.  If even the snapped edges are mostly unbalanced, :func:`analyse`
returns None and the caller falls back to :func:`union_gaps` (a full union) and
all-pairs overlap tests.

Gap polygons are built from the matched (rounded) coordinates, so they are exact
to the grid used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd
import shapely

CancelCheck = Callable[[], None]
#: Grid (degrees, ≈0.1 mm) on which vertices are matched.
MATCH_GRID = 1e-9
#: Coarser grid (degrees, ≈1 cm) tried when too many edges stay unbalanced on MATCH_GRID.
SNAP_GRID = 1e-7
#: The arrangement is used while at most this share of all segments (and at least DENSE_MINIMUM) is unbalanced.
DENSE_SHARE = 0.1
DENSE_MINIMUM = 50_000
#: Offsets (degrees, ~1 cm) tried when a face's test point lies on a polygon edge.
_NUDGES = ((7.3e-8, 3.1e-8), (-2.9e-8, 8.1e-8), (-5.3e-8, -6.7e-8))


def _no_check() -> None:
    """Default cancellation check: never cancelled."""


@dataclass
class CoverageFaces:
    """Faces of the unbalanced-edge arrangement of a layer.

    ``covered``: some polygon covers the face.  ``multiple``: two or more polygons
    cover it (or it could not be decided cheaply — treated as if they did).
    """

    faces: np.ndarray
    covered: np.ndarray
    multiple: np.ndarray
    exact: bool = True

    @property
    def gaps(self) -> np.ndarray:
        """Bounded faces covered by no polygon: the holes of the union."""
        return self.faces[~self.covered]


def analyse(polygons: np.ndarray, tree: shapely.STRtree, check: CancelCheck = _no_check) -> CoverageFaces | None:
    """Coverage faces of ``polygons`` (valid polygonal geometries or None), or None when too dense.

    ``tree`` must be the STRtree of ``polygons``.  Matches vertices on
    :data:`MATCH_GRID`, then, if too many edges stay unbalanced, on
    :data:`SNAP_GRID` (result marked ``exact=False``).
    """
    start, end, total = unbalanced_segments(polygons, MATCH_GRID)
    exact = not _too_dense(len(start), total)
    if not exact:
        check()
        start, end, total = unbalanced_segments(polygons, SNAP_GRID)
        if _too_dense(len(start), total):
            return None
    check()
    return _faces(start, end, tree, exact, check)


def _too_dense(unbalanced: int, total: int) -> bool:
    """Whether so many segments are unbalanced that the arrangement would cost more than a union."""
    return unbalanced > max(DENSE_MINIMUM, DENSE_SHARE * total)


def _faces(start: np.ndarray, end: np.ndarray, tree: shapely.STRtree, exact: bool,
           check: CancelCheck) -> CoverageFaces:
    """Node and polygonize the unbalanced segments, then classify the faces."""
    if not len(start):
        empty = np.empty(0, dtype=object)
        return CoverageFaces(empty, np.zeros(0, dtype=bool), np.zeros(0, dtype=bool), exact)
    lines = shapely.linestrings(np.stack([start, end], axis=1))
    noded = shapely.union_all(lines)
    check()
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    check()
    covered, multiple = _classify(faces, tree)
    return CoverageFaces(faces, covered, multiple, exact)


def unbalanced_segments(polygons: np.ndarray, grid: float) -> tuple[np.ndarray, np.ndarray, int]:
    """Start and end coordinates (n × 2 each) of the segments with balance ≠ 0, and the number of segments.

    Vertices are identified by their coordinates rounded to ``grid`` (hashed, no
    sorting of 2-D points), segments by their two vertex ids.
    """
    parts = shapely.get_parts(np.asarray(polygons, dtype=object))
    parts = parts[~shapely.is_missing(parts) & ~shapely.is_empty(parts)]
    rings, ring_owner = shapely.get_rings(parts, return_index=True)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    if not len(coords):
        return np.empty((0, 2)), np.empty((0, 2)), 0
    follows = np.flatnonzero(ring_of[1:] == ring_of[:-1])  # segment k runs from vertex k to k + 1
    direction = _ring_direction(coords, ring_of, follows, ring_owner)[ring_of[follows]]
    coords = np.round(coords / grid) * grid
    vertex, unique = pd.factorize(np.ascontiguousarray(coords).view(np.complex128).ravel())
    first, second = vertex[follows], vertex[follows + 1]
    proper = first != second
    first, second, direction = first[proper], second[proper], direction[proper]
    low, high = np.minimum(first, second).astype(np.int64), np.maximum(first, second).astype(np.int64)
    balance_sign = np.where(first < second, direction, -direction)
    segment, keys = pd.factorize(low * len(unique) + high)
    balance = np.bincount(segment, weights=balance_sign, minlength=len(keys))
    chosen = keys[np.flatnonzero(balance != 0)]
    start, end = unique[chosen // len(unique)], unique[chosen % len(unique)]
    return np.c_[start.real, start.imag], np.c_[end.real, end.imag], len(follows)


def _ring_direction(coords: np.ndarray, ring_of: np.ndarray, follows: np.ndarray,
                    ring_owner: np.ndarray) -> np.ndarray:
    """Per ring: +1 if its polygon lies on the left of its segments as stored, else −1.

    Shells must run counter-clockwise and holes clockwise for that; the first
    ring of each polygon (``get_rings`` order) is the shell.
    """
    x0, y0 = coords[follows, 0], coords[follows, 1]
    x1, y1 = coords[follows + 1, 0], coords[follows + 1, 1]
    twice_area = np.bincount(ring_of[follows], weights=x0 * y1 - x1 * y0, minlength=len(ring_owner))
    shell = np.r_[True, ring_owner[1:] != ring_owner[:-1]]
    wanted = np.where(shell, 1.0, -1.0)
    return np.where(np.sign(twice_area) == wanted, 1, -1)


def _classify(faces: np.ndarray, tree: shapely.STRtree) -> tuple[np.ndarray, np.ndarray]:
    """(covered, multiple) per face, from the polygons at a point inside each face."""
    points = shapely.point_on_surface(faces)
    touching = _count(tree, points, "intersects")
    covered = touching > 0
    inside = _count(tree, points, "within")
    ambiguous = touching != inside  # the point lies on some polygon's edge
    depth = inside.copy()
    for dx, dy in _NUDGES:
        todo = np.flatnonzero(ambiguous)
        if not len(todo):
            break
        moved = shapely.points(shapely.get_x(points[todo]) + dx, shapely.get_y(points[todo]) + dy)
        usable = shapely.contains_properly(faces[todo], moved)
        moved_touching = _count(tree, moved, "intersects")
        moved_inside = _count(tree, moved, "within")
        settled = usable & (moved_touching == moved_inside)
        depth[todo[settled]] = moved_inside[settled]
        ambiguous[todo[settled]] = False
    return covered, ambiguous | (depth >= 2)


def _count(tree: shapely.STRtree, points: np.ndarray, predicate: str) -> np.ndarray:
    """Number of tree polygons each point ``intersects`` / is ``within`` (strictly inside)."""
    hits, _ = tree.query(points, predicate=predicate)
    return np.bincount(hits, minlength=len(points))


def overlap_candidates(faces: CoverageFaces, tree: shapely.STRtree) -> np.ndarray:
    """Indices of the polygons touching a face covered more than once (sorted, unique)."""
    regions = faces.faces[faces.multiple]
    if not len(regions):
        return np.empty(0, dtype=np.int64)
    _, polygons = tree.query(regions, predicate="intersects")
    return np.unique(polygons)


def union_gaps(polygons: np.ndarray) -> np.ndarray:
    """Gaps the slow way: holes of ``union_all(polygons)``, minus the islands inside them.

    Fallback for layers whose edges are mostly unbalanced (see :func:`analyse`).
    The union is snap-rounded to :data:`SNAP_GRID`: with floating precision, the
    hairline seams between mismatched neighbours would connect a hole to the
    outside and hide it.  One GEOS call: not cancellable while it runs.
    """
    present = polygons[~shapely.is_missing(polygons)]
    parts = shapely.get_parts(shapely.union_all(present, grid_size=SNAP_GRID))
    parts = parts[shapely.get_type_id(parts) == 3]
    counts = shapely.get_num_interior_rings(parts)
    if not counts.sum():
        return np.empty(0, dtype=object)
    owner = np.repeat(np.arange(len(parts)), counts)
    number = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    holes = shapely.polygons(shapely.get_interior_ring(parts[owner], number))
    hole, island = shapely.STRtree(parts).query(holes, predicate="contains")
    for h in np.unique(hole):  # only holes that contain islands (rare)
        islands = shapely.polygons(shapely.get_exterior_ring(parts[island[hole == h]]))
        holes[h] = shapely.difference(holes[h], shapely.union_all(islands))
    return holes
