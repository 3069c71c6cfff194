"""Walking reach along a road network (pure numpy/shapely, vectorised; planar metres in a LocalPlane).

:func:`network_reach` returns the polygons within ``access_m`` of the parts of the road
network reachable from the facilities within ``distance_m`` along the roads — the
walking isochrone used by the "X步行N分钟覆盖率" indicators when a road layer is given.

* The network is the road lines split into segments; segments join where they share a
  vertex (coordinates equal to 1 mm).  Roads that cross without a shared vertex do not
  connect — as in QGIS's own network analysis, the road layer must be noded at junctions.
* A facility enters the network on every segment within ``access_m`` of it, at the
  nearest point of that segment, with the straight-line access distance as its cost.
* Shortest distances from all facilities at once: Bellman–Ford relaxation on the edge
  arrays (each round is one vectorised pass; rounds ≤ segments on the longest path).
* Each segment is reachable from each end up to ``distance_m`` minus that end's
  distance; the reachable pieces are buffered by ``access_m`` (from the road to the
  land beside it).
"""

from __future__ import annotations

import numpy as np
import shapely

_SNAP = 1e-3  #: metres: vertices closer than this are one network node


def road_segments(lines: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Segments (n, 2, 2) of line geometries and the node index (n, 2) of each segment end."""
    lines = np.asarray(lines, dtype=object)
    lines = lines[~shapely.is_missing(lines) & ~shapely.is_empty(lines)]
    parts = shapely.get_parts(lines)
    parts = parts[np.isin(shapely.get_type_id(parts), (1, 2))]
    coords, owner = shapely.get_coordinates(parts, return_index=True)
    if len(coords) < 2:
        return np.empty((0, 2, 2)), np.empty((0, 2), dtype=np.int64)
    same = owner[1:] == owner[:-1]
    starts, ends = coords[:-1][same], coords[1:][same]
    keep = np.any(starts != ends, axis=1)
    starts, ends = starts[keep], ends[keep]
    keys = np.round(np.concatenate([starts, ends]) / _SNAP).astype(np.int64)
    _unique, nodes = np.unique(keys, axis=0, return_inverse=True)
    nodes = nodes.reshape(-1)
    count = len(starts)
    return np.stack([starts, ends], axis=1), np.column_stack([nodes[:count], nodes[count:]])


def network_reach(lines: np.ndarray, facilities: np.ndarray, distance_m: float, access_m: float) -> np.ndarray:
    """Disjoint polygons (planar) within ``access_m`` of the network reachable within ``distance_m``."""
    segments, nodes = road_segments(lines)
    facilities = np.asarray(facilities, dtype=object)
    facilities = facilities[~shapely.is_missing(facilities) & ~shapely.is_empty(facilities)]
    if len(segments) == 0 or len(facilities) == 0:
        return np.array([], dtype=object)
    geometry = shapely.linestrings(segments)
    lengths = np.hypot(*(segments[:, 1] - segments[:, 0]).T)
    distance, entry_pieces = _start_distances(segments, geometry, lengths, nodes, facilities, access_m, distance_m)
    distance = _relax(distance, nodes, lengths, distance_m)
    pieces = _reachable_pieces(segments, lengths, nodes, distance, distance_m)
    # the facility itself (a park, a clinic) and the road on both sides of where it enters the network
    pieces = np.concatenate([pieces, entry_pieces, facilities])
    if len(pieces) == 0:
        return np.array([], dtype=object)
    reach = shapely.union_all(shapely.buffer(pieces, access_m, quad_segs=8))
    parts = shapely.get_parts(reach)
    return parts[~shapely.is_empty(parts)]


def _start_distances(segments, geometry, lengths, nodes, facilities, access_m,
                     distance_m) -> tuple[np.ndarray, np.ndarray]:
    """Network distance of each node from the nearest facility entry before relaxation (inf = not yet),
    and the road pieces reachable directly from each entry point (both ways along its segment)."""
    distance = np.full(nodes.max() + 1, np.inf)
    facility_idx, segment_idx = shapely.STRtree(geometry).query(facilities, predicate="dwithin", distance=access_m)
    if len(segment_idx) == 0:
        return distance, np.array([], dtype=object)
    access = shapely.distance(facilities[facility_idx], geometry[segment_idx])
    entry = shapely.get_point(shapely.shortest_line(facilities[facility_idx], geometry[segment_idx]), 1)
    along = shapely.line_locate_point(geometry[segment_idx], entry)
    for end, offset in ((0, along), (1, lengths[segment_idx] - along)):
        cost = access + offset
        usable = cost <= distance_m
        np.minimum.at(distance, nodes[segment_idx[usable], end], cost[usable])
    left = np.maximum(distance_m - access, 0.0)
    length = np.where(lengths[segment_idx] > 0, lengths[segment_idx], 1.0)
    start, stop = (np.clip((along - left) / length, 0, 1), np.clip((along + left) / length, 0, 1))
    first, second = segments[segment_idx, 0], segments[segment_idx, 1]
    ends = np.stack([first + (second - first) * start[:, None], first + (second - first) * stop[:, None]], axis=1)
    return distance, shapely.linestrings(ends)


def _relax(distance: np.ndarray, nodes: np.ndarray, lengths: np.ndarray, limit: float) -> np.ndarray:
    """Shortest distances by repeated vectorised relaxation of every edge in both directions."""
    tails = np.concatenate([nodes[:, 0], nodes[:, 1]])
    heads = np.concatenate([nodes[:, 1], nodes[:, 0]])
    weights = np.concatenate([lengths, lengths])
    for _ in range(len(lengths) + 1):
        candidate = distance[tails] + weights
        useful = candidate < np.minimum(distance[heads], limit + 1e-9)
        if not useful.any():
            break
        np.minimum.at(distance, heads[useful], candidate[useful])
    return distance


def _reachable_pieces(segments, lengths, nodes, distance, limit) -> np.ndarray:
    """The reachable part of each segment from either end, as line pieces."""
    pieces = []
    for end in (0, 1):
        left = limit - distance[nodes[:, end]]
        reached = left > 0
        share = np.clip(left[reached] / np.where(lengths[reached] > 0, lengths[reached], 1.0), 0.0, 1.0)
        start = segments[reached, end]
        stop = start + (segments[reached, 1 - end] - start) * share[:, None]
        pieces.append(shapely.linestrings(np.stack([start, stop], axis=1)) if len(start) else
                      np.array([], dtype=object))
    return np.concatenate(pieces)
