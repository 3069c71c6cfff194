"""Vectorised geometry helpers of the validation (shapely 2, no loop per feature).

* :func:`polygonal` keeps the polygonal part of each geometry (what ``make_valid``
  may turn into a collection with stray lines and points);
* :func:`repair` gives the valid polygonal copy the topology, conflict and area
  checks work on — the user's geometries are never changed;
* :func:`interior_pairs` finds the pairs of features of one layer whose
  *interiors* intersect (DE-9IM ``T********``), i.e. real overlaps, containment
  and duplicates, but not neighbours that only share an edge;
  :func:`cross_pairs` does the same between two layers, using prepared
  geometries of the layer with the larger polygons (a boundary polygon of
  thousands of vertices against many small parcels);
* :func:`overlap_geometries` gives the shared area of such pairs;
* :func:`reason_points` turns GEOS validity reasons (``Self-intersection[x y]``)
  into points.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd
import shapely
from shapely.errors import GEOSException

from planmonitor_plugin.core.parallel import for_each_chunk

POLYGON, MULTIPOLYGON = 3, 6
#: Candidate pairs tested per call; cancellation is checked between chunks.
PAIR_CHUNK = 50_000
INTERIORS_INTERSECT = "T********"

CancelCheck = Callable[[], None]


def _no_check() -> None:
    """Default cancellation check: never cancelled."""


def polygonal(geometries: np.ndarray) -> np.ndarray:
    """The polygonal part of each geometry (Polygon or MultiPolygon); None where there is none.

    Points and lines inside collections are dropped; empty results become None.
    """
    geometries = np.asarray(geometries, dtype=object)
    result = np.empty(len(geometries), dtype=object)
    types = shapely.get_type_id(geometries)
    direct = np.isin(types, (POLYGON, MULTIPOLYGON))
    result[direct] = geometries[direct]
    collections = np.flatnonzero(~direct & (types >= 4))  # Multi* and GeometryCollection
    if len(collections):
        result[collections] = _polygons_of_collections(geometries[collections])
    result[shapely.is_empty(result) | shapely.is_missing(result)] = None
    return result


def _polygons_of_collections(collections: np.ndarray) -> np.ndarray:
    """MultiPolygons made of the polygon parts of each collection (None where it has none)."""
    parts, owner = shapely.get_parts(collections, return_index=True)
    keep = np.isin(shapely.get_type_id(parts), (POLYGON, MULTIPOLYGON))
    polygons, sub_owner = shapely.get_parts(parts[keep], return_index=True)
    owner = owner[keep][sub_owner]
    out = np.empty(len(collections), dtype=object)
    if len(polygons):
        order = np.argsort(owner, kind="stable")
        shapely.multipolygons(polygons[order], indices=owner[order], out=out)
    return out


def repair(geometries: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Valid polygonal copies: valid geometries as they are, invalid ones through ``make_valid``."""
    fixed = np.asarray(geometries, dtype=object).copy()
    invalid = np.flatnonzero(~valid & ~shapely.is_missing(fixed))
    if len(invalid):
        fixed[invalid] = shapely.make_valid(fixed[invalid])
    return polygonal(fixed)


def interior_pairs(polygons: np.ndarray, *, check: CancelCheck = _no_check,
                   subset: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) of one layer's geometries whose interiors intersect, each pair once.

    ``subset`` restricts the search to pairs of those indices.  Candidates come
    from one bulk STRtree envelope query; the exact test is one vectorised DE-9IM
    ``relate_pattern`` per chunk of :data:`PAIR_CHUNK` pairs — cheaper than
    ``overlaps`` + ``contains`` + ``within`` separately, and it also catches
    duplicates and containment.
    """
    i, j = _envelope_pairs(polygons, polygons, same=True, subset=subset)
    hits = np.zeros(len(i), dtype=bool)

    def test(chunk: slice) -> None:
        hits[chunk] = shapely.relate_pattern(polygons[i[chunk]], polygons[j[chunk]], INTERIORS_INTERSECT)

    for_each_chunk(test, len(i), PAIR_CHUNK, check)
    return i[hits], j[hits]


def _envelope_pairs(a: np.ndarray, b: np.ndarray, *, same: bool,
                    subset: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Pairs whose envelopes intersect (one bulk STRtree query); with ``same``, i < j only."""
    tree = shapely.STRtree(b)
    if subset is None:
        i, j = tree.query(a)
    else:
        local, j = tree.query(a[subset])
        i = subset[local]
    if same:
        keep = i < j
        if subset is not None:
            member = np.zeros(len(b), dtype=bool)
            member[subset] = True
            keep &= member[j]
        i, j = i[keep], j[keep]
    return i, j


@dataclass
class CrossPairs:
    """Result of :func:`cross_pairs`.

    ``a_inside``/``b_inside`` flag the containments the prepared test found (a
    feature of the layer with smaller polygons lying within one of the other
    layer); an unflagged pair may still be a containment.
    """

    i: np.ndarray
    j: np.ndarray
    a_inside: np.ndarray
    b_inside: np.ndarray


def cross_pairs(a: np.ndarray, b: np.ndarray, check: CancelCheck = _no_check) -> CrossPairs:
    """Pairs (i into ``a``, j into ``b``) of two layers whose interiors intersect, with containment flags.

    The side with more vertices per feature is prepared (copies: the caller's
    geometries are not touched); per chunk, a prepared ``contains`` finds the
    small features inside a large one, a prepared ``intersects`` drops the pairs
    that do not meet, and only the remaining (touching or crossing) pairs need
    the DE-9IM test.
    """
    i, j = _envelope_pairs(a, b, same=False, subset=None)
    a_big = _mean_vertices(a[np.unique(i)]) > _mean_vertices(b[np.unique(j)])
    large_side, small_side = (a, b) if a_big else (b, a)
    order = np.argsort(i if a_big else j, kind="stable")  # chunks then share few large features
    i, j = i[order], j[order]
    large_index, small_index = (i, j) if a_big else (j, i)
    keep = np.zeros(len(i), dtype=bool)
    small_inside = np.zeros(len(i), dtype=bool)

    def test(chunk: slice) -> None:
        used = np.unique(large_index[chunk])
        prepared = _prepared_copy(large_side[used], np.arange(len(used)))  # per thread: caches are not shared
        large, small = prepared[np.searchsorted(used, large_index[chunk])], small_side[small_index[chunk]]
        inside = shapely.contains(large, small)
        meets = np.flatnonzero(shapely.intersects(large, small) & ~inside)
        interior = inside.copy()
        interior[meets] = shapely.relate_pattern(large[meets], small[meets], INTERIORS_INTERSECT)
        keep[chunk], small_inside[chunk] = interior, inside

    for_each_chunk(test, len(i), PAIR_CHUNK, check)
    back = np.argsort(order[keep], kind="stable")  # the envelope query's order, as before the sort
    i, j, small_inside = i[keep][back], j[keep][back], small_inside[keep][back]
    return CrossPairs(i, j, a_inside=np.zeros(len(i), dtype=bool) if a_big else small_inside,
                      b_inside=small_inside if a_big else np.zeros(len(i), dtype=bool))


def _mean_vertices(geometries: np.ndarray) -> float:
    """Mean number of vertices per geometry (0 for none)."""
    return float(shapely.get_num_coordinates(geometries).mean()) if len(geometries) else 0.0


def _prepared_copy(geometries: np.ndarray, used: np.ndarray) -> np.ndarray:
    """A copy of the array in which the geometries at ``used`` are new, prepared objects."""
    copy = np.asarray(geometries, dtype=object).copy()
    used = np.unique(used)
    copy[used] = shapely.transform(copy[used], lambda coords: coords)
    shapely.prepare(copy[used])
    return copy


def overlap_geometries(a: np.ndarray, b: np.ndarray, a_inside: np.ndarray | None = None,
                       b_inside: np.ndarray | None = None) -> np.ndarray:
    """Polygonal intersection of ``a[k]`` and ``b[k]`` for each k (None where it has no area).

    When one geometry lies within the other (``a_inside``/``b_inside`` if known,
    else tested), the intersection is that geometry itself and no overlay is
    computed.
    """
    a, b = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
    result = np.empty(len(a), dtype=object)
    a_inside = shapely.within(a, b) if a_inside is None else a_inside
    b_inside = (shapely.contains(a, b) if b_inside is None else b_inside) & ~a_inside
    result[a_inside] = a[a_inside]
    result[b_inside] = b[b_inside]
    rest = np.flatnonzero(~(a_inside | b_inside))
    if len(rest):
        result[rest] = polygonal(_intersection(a[rest], b[rest]))
    return result


def _intersection(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Vectorised intersection; pair by pair (with a snapped retry) only if GEOS fails on the batch."""
    try:
        return shapely.intersection(a, b)
    except GEOSException:
        return np.array([_one_intersection(x, y) for x, y in zip(a, b)], dtype=object)


def _one_intersection(a: shapely.Geometry, b: shapely.Geometry) -> shapely.Geometry | None:
    """Intersection of one pair, retried on a 1e-9° grid (≈0.1 mm) when the overlay fails."""
    try:
        return shapely.intersection(a, b)
    except GEOSException:
        try:
            return shapely.intersection(a, b, grid_size=1e-9)
        except GEOSException:
            return None


_LOCATION = r"\[\s*([-+0-9.eE]+|nan)\s+([-+0-9.eE]+|nan)"


def reason_points(reasons: np.ndarray) -> np.ndarray:
    """Points parsed from GEOS reasons such as ``Self-intersection[117.0005 36.0005]``; None if absent."""
    text = pd.Series(np.asarray(reasons, dtype=object), dtype=object).fillna("").astype(str)
    xy = text.str.extract(_LOCATION)
    x = pd.to_numeric(xy[0], errors="coerce").to_numpy(dtype=float)
    y = pd.to_numeric(xy[1], errors="coerce").to_numpy(dtype=float)
    points = np.empty(len(text), dtype=object)
    ok = np.isfinite(x) & np.isfinite(y)
    points[ok] = shapely.points(x[ok], y[ok])
    return points


def reason_texts(reasons: np.ndarray) -> np.ndarray:
    """The reasons without their coordinates (``Self-intersection``)."""
    text = pd.Series(np.asarray(reasons, dtype=object), dtype=object).fillna("").astype(str)
    return text.str.replace(r"\[.*$", "", regex=True).str.strip().to_numpy(dtype=object)
