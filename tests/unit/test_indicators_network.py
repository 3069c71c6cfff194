"""Walking reach along roads (core.indicators.network), on hand-made networks in metres."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from planmonitor_plugin.core.indicators.network import network_reach, road_segments

ACCESS = 50.0


def reach_area(lines, facilities, distance=300.0) -> float:
    parts = network_reach(np.array(lines, dtype=object), np.array(facilities, dtype=object), distance, ACCESS)
    return float(shapely.area(shapely.union_all(parts))) if len(parts) else 0.0


def band(*points) -> float:
    """Area within ACCESS of the path through ``points`` (same buffer method)."""
    return float(shapely.area(shapely.buffer(shapely.LineString(points), ACCESS, quad_segs=8)))


def test_reach_turns_a_corner():
    """An L of 200 m + 400 m: from the far end of the first leg, 300 m reach 100 m into the second."""
    roads = [shapely.LineString([(0, 0), (200, 0)]), shapely.LineString([(200, 0), (200, 400)])]
    got = reach_area(roads, [shapely.Point(0, 0)])
    assert got == pytest.approx(band((0, 0), (200, 0), (200, 100)), rel=1e-3)
    assert got < band((0, 0), (300, 0)) * 1.01  # not a 300 m circle: only along the road


def test_crossing_without_a_shared_vertex_does_not_connect():
    east_west = shapely.LineString([(-500, 0), (500, 0)])
    north_south = shapely.LineString([(0, -500), (0, 500)])  # crosses at (0, 0) without a vertex there
    got = reach_area([east_west, north_south], [shapely.Point(-300, 0)])
    assert got == pytest.approx(band((-500, 0), (0, 0)), rel=1e-3)  # 200 m west to the end, 300 m east
    noded = [shapely.LineString([(-500, 0), (0, 0)]), shapely.LineString([(0, 0), (500, 0)]),
             shapely.LineString([(0, -500), (0, 0)]), shapely.LineString([(0, 0), (0, 500)])]
    assert reach_area(noded, [shapely.Point(-200, 0)]) > reach_area([east_west, north_south],
                                                                    [shapely.Point(-200, 0)])


def test_entry_in_the_middle_of_a_long_segment():
    """A clinic 30 m beside the middle of a 2 km road: 300 − 30 m of road on each side."""
    road = shapely.LineString([(0, 0), (2000, 0)])
    got = reach_area([road], [shapely.Point(1000, 30)])
    expected = shapely.area(shapely.union(shapely.buffer(shapely.LineString([(730, 0), (1270, 0)]), ACCESS,
                                                         quad_segs=8),
                                          shapely.buffer(shapely.Point(1000, 30), ACCESS, quad_segs=8)))
    assert got == pytest.approx(expected, rel=1e-3)


def test_far_facilities_and_no_roads_reach_nothing_but_themselves():
    road = shapely.LineString([(0, 0), (1000, 0)])
    clinic = shapely.Point(0, 500)  # 500 m from the road: no entry
    assert reach_area([road], [clinic]) == pytest.approx(float(shapely.area(shapely.buffer(clinic, ACCESS,
                                                                                           quad_segs=8))))
    assert len(network_reach(np.array([], dtype=object), np.array([clinic]), 300.0, ACCESS)) == 0


def test_segments_share_nodes_at_equal_vertices():
    segments, nodes = road_segments(np.array([shapely.LineString([(0, 0), (1, 0), (1, 1)]),
                                              shapely.LineString([(1, 1), (2, 1)])], dtype=object))
    assert segments.shape == (3, 2, 2)
    assert nodes[1, 1] == nodes[2, 0] and len(np.unique(nodes)) == 4
