"""covered_pairs (the fast covers of intersecting pairs) against shapely.covers itself."""

from __future__ import annotations

import numpy as np
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from planmonitor_plugin.core.indicators.spatial import covered_pairs, overlap_areas

CONTAINERS = np.array([
    shapely.box(0, 0, 10, 10).difference(shapely.box(4, 4, 6, 6)),  # with a hole
    shapely.box(10, 0, 20, 10),  # shares an edge with the first
    shapely.MultiPolygon([shapely.box(0, 12, 3, 15), shapely.box(5, 12, 8, 15)]),
], dtype=object)

coordinate = st.integers(-2, 22).map(lambda v: v / 2)


@st.composite
def items(draw):
    boxes = []
    for _ in range(draw(st.integers(1, 12))):
        x, y = draw(coordinate), draw(coordinate)
        w, h = draw(st.integers(1, 8)) / 2, draw(st.integers(1, 8)) / 2
        second = shapely.box(x + 6, y, x + 6 + w, y + h)
        first = shapely.box(x, y, x + w, y + h)
        boxes.append(shapely.MultiPolygon([first, second]) if draw(st.booleans()) else first)
    return np.array(boxes, dtype=object)


@settings(max_examples=200, deadline=None)
@given(items())
def test_covered_pairs_never_claims_too_much(geometries):
    """Covered → truly covered; off the boundary it is exactly covers; areas of overlap_areas stay exact."""
    tree = shapely.STRtree(geometries)
    container_idx, item_idx = tree.query(CONTAINERS, predicate="intersects")
    expected = shapely.covers(CONTAINERS[container_idx], geometries[item_idx])
    got = covered_pairs(CONTAINERS, geometries, container_idx, item_idx, tree)
    assert not (got & ~expected).any()
    off_boundary = ~shapely.intersects(shapely.boundary(CONTAINERS[container_idx]), geometries[item_idx])
    assert (got[off_boundary] == expected[off_boundary]).all()
    union = shapely.union_all(CONTAINERS)
    exact = shapely.area(shapely.intersection(geometries, union))
    assert np.allclose(overlap_areas(geometries, CONTAINERS, shapely.area), exact, rtol=1e-12, atol=1e-12)


def test_touching_the_boundary_from_inside_is_left_to_the_exact_path():
    geometries = np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 1, 2, 2)], dtype=object)
    tree = shapely.STRtree(geometries)
    container_idx, item_idx = tree.query(CONTAINERS[:1], predicate="intersects")
    covered = covered_pairs(CONTAINERS[:1], geometries, container_idx, item_idx, tree)
    assert dict(zip(item_idx, covered)) == {0: False, 1: True}  # box 0 is covered but touches the edge
