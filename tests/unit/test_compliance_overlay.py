"""Overlay engine of the compliance review: pairs, tolerance, holes, multiparts, outside parts, properties."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planmonitor_plugin.core.area import polygon_areas
from planmonitor_plugin.core.compliance.overlay import outside_parts, overlay_pairs, split_large_polygons
from planmonitor_plugin.core.errors import Cancelled

X0, Y0 = 117.0, 36.0
D = 0.001  # ≈ 90 m × 111 m


def box(x0: float, y0: float, x1: float, y1: float) -> shapely.Polygon:
    """A lon/lat box given in units of D from (117°E, 36°N)."""
    return shapely.box(X0 + x0 * D, Y0 + y0 * D, X0 + x1 * D, Y0 + y1 * D)


def arr(*geoms) -> np.ndarray:
    return np.array(geoms, dtype=object)


def test_site_inside_constraint_gives_its_whole_area():
    site = box(1, 1, 2, 2)
    frame, shared = overlay_pairs(arr(site), arr(box(0, 0, 5, 5)))
    assert frame[["subject", "constraint"]].values.tolist() == [[0, 0]]
    assert frame["area_m2"][0] == pytest.approx(polygon_areas(arr(site))[0], rel=1e-12)
    assert shapely.equals(shared[0], site)


def test_edge_touch_and_sliver_are_no_pairs():
    sites = arr(box(0, 0, 1, 1), box(0, 2, 1, 3))
    constraints = arr(box(1, 0, 2, 1),                                # shares an edge with site 0
                      shapely.box(X0 + D - 1e-8, Y0 + 2 * D, X0 + 2 * D, Y0 + 3 * D))  # sliver ≈ 0.1 m² of site 1
    frame, shared = overlay_pairs(sites, constraints, tolerance_m2=1.0)
    assert frame.empty and len(shared) == 0
    frame, _ = overlay_pairs(sites, constraints, tolerance_m2=0.0)
    assert frame[["subject", "constraint"]].values.tolist() == [[1, 1]]  # the sliver is there, just small
    assert 0 < frame["area_m2"][0] < 1.0


def test_hole_of_constraint_is_not_counted_and_multipart_sites_add_up():
    ring = shapely.Polygon(box(0, 0, 4, 4).exterior.coords, [box(1, 1, 3, 3).exterior.coords])
    site_in_hole = box(1.5, 1.5, 2.5, 2.5)
    multipart = shapely.MultiPolygon([box(0.5, 0.5, 1.5, 1.5), box(5, 5, 6, 6), box(2, 0.2, 2.5, 0.8)])
    frame, shared = overlay_pairs(arr(site_in_hole, multipart), arr(ring))
    assert frame["subject"].tolist() == [1]
    expected = shapely.intersection(multipart, ring)
    assert frame["area_m2"][0] == pytest.approx(polygon_areas(arr(expected))[0], rel=1e-9)
    # the L-shaped part of the first square outside the hole, plus the whole third part
    parts = arr(shapely.difference(box(0.5, 0.5, 1.5, 1.5), box(1, 1, 3, 3)), box(2, 0.2, 2.5, 0.8))
    assert frame["area_m2"][0] == pytest.approx(polygon_areas(parts).sum(), rel=1e-9)
    assert shapely.get_type_id(shared[0]) in (3, 6)


def test_area_equals_polygon_areas_of_intersection_and_lines_are_dropped():
    sites = arr(box(0, 0, 2, 2), box(3, 0, 4, 1), None)
    constraints = arr(box(1, 1, 3.5, 3), box(2, 0, 3, 1))  # the second touches site 0 and site 1 on edges
    frame, shared = overlay_pairs(sites, constraints)
    assert frame[["subject", "constraint"]].values.tolist() == [[0, 0], [1, 0]] or \
        frame[["subject", "constraint"]].values.tolist() == [[0, 0]]
    exact = polygon_areas(shapely.intersection(sites[frame["subject"]], constraints[frame["constraint"]]))
    np.testing.assert_allclose(frame["area_m2"], exact, rtol=1e-9)
    assert set(shapely.get_type_id(shared)) <= {3, 6}


def test_cancellation_between_chunks():
    with pytest.raises(Cancelled):
        overlay_pairs(arr(box(0, 0, 1, 1)), arr(box(0, 0, 2, 2)), cancelled=lambda: True)


def test_outside_parts_inside_outside_straddling():
    udb = arr(box(0, 0, 2, 2), box(2, 0, 4, 2))  # two touching pieces: unioned
    sites = arr(box(1, 0.5, 3, 1.5), box(3, 1, 5, 3), box(6, 6, 7, 7), None)
    area, geometry = outside_parts(sites, udb)
    assert area[0] == 0 and geometry[0] is None
    exact = polygon_areas(arr(shapely.difference(sites[1], box(0, 0, 4, 2))))[0]
    assert area[1] == pytest.approx(exact, rel=1e-12)
    assert area[1] == pytest.approx(polygon_areas(arr(sites[1]))[0] * 0.75, rel=1e-3)
    assert area[2] == pytest.approx(polygon_areas(arr(sites[2]))[0], rel=1e-12)
    assert np.isnan(area[3])


def test_outside_parts_without_zone_is_everything():
    area, _ = outside_parts(arr(box(0, 0, 1, 1)), np.empty(0, dtype=object))
    assert area[0] == pytest.approx(polygon_areas(arr(box(0, 0, 1, 1)))[0])


# --------------------------------------------------------------------------- properties

coordinate = st.floats(min_value=0, max_value=10, allow_nan=False).map(lambda v: round(v, 3))


@st.composite
def boxes(draw) -> shapely.Polygon:
    x0, x1 = sorted(draw(st.tuples(coordinate, coordinate)))
    y0, y1 = sorted(draw(st.tuples(coordinate, coordinate)))
    return box(x0, y0, x0 + max(x1 - x0, 0.05), y0 + max(y1 - y0, 0.05))


@st.composite
def polygons(draw) -> shapely.Geometry:
    """A box, or a random convex hull of 3–8 points."""
    if draw(st.booleans()):
        return draw(boxes())
    points = draw(st.lists(st.tuples(coordinate, coordinate), min_size=3, max_size=8))
    hull = shapely.convex_hull(shapely.multipoints([(X0 + x * D, Y0 + y * D) for x, y in points]))
    return hull if shapely.get_type_id(hull) == 3 and hull.area > 1e-9 else draw(boxes())


#: Geodesic-edge (ellipsoidal) areas are not exactly additive when a split inserts a vertex on an edge that is
#: straight in lon/lat (a parallel or a diagonal is not a geodesic): the change is of order
#: area × extent × tanφ / R (≈ 3e-6 of a 100 m site, 2e-5 of a 250 m one).  The overlay itself is checked to
#: 1e-9 on the lon/lat (planar) areas of its pieces.


def geodesic_tolerance(site: shapely.Geometry) -> float:
    """Allowed non-additivity (m²) of ellipsoidal areas of pieces of ``site``: 2 × area × extent / R."""
    x0, y0, x1, y1 = site.bounds
    extent_m = float(np.hypot(x1 - x0, y1 - y0)) * 111_000.0
    return 2.0 * polygon_areas(arr(site))[0] * extent_m / 6_371_000.0


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(site=polygons(), constraints=st.lists(polygons(), min_size=1, max_size=4))
def test_total_overlap_never_exceeds_site_area(site, constraints):
    disjoint = [shapely.difference(c, shapely.union_all(constraints[:n])) if n else c
                for n, c in enumerate(constraints)]  # a constraint layer does not overlap itself
    frame, shared = overlay_pairs(arr(site), arr(*disjoint), tolerance_m2=0.0)
    assert shapely.area(shared).sum() <= site.area * (1 + 1e-9)
    assert frame["area_m2"].sum() <= polygon_areas(arr(site))[0] + geodesic_tolerance(site)


@PROPERTY
@given(a=polygons(), b=polygons())
def test_symmetric_in_pair_order(a, b):
    ab, _ = overlay_pairs(arr(a), arr(b), tolerance_m2=0.0)
    ba, _ = overlay_pairs(arr(b), arr(a), tolerance_m2=0.0)
    assert len(ab) == len(ba)
    if len(ab):
        assert ab["area_m2"][0] == pytest.approx(ba["area_m2"][0], rel=1e-9)


@PROPERTY
@given(site=polygons(), constraint=boxes(), cut=st.floats(min_value=0.1, max_value=0.9))
def test_splitting_a_constraint_into_touching_pieces_keeps_the_area(site, constraint, cut):
    x0, y0, x1, y1 = constraint.bounds
    xm = x0 + (x1 - x0) * cut
    pieces = arr(shapely.box(x0, y0, xm, y1), shapely.box(xm, y0, x1, y1))
    whole, whole_shared = overlay_pairs(arr(site), arr(constraint), tolerance_m2=0.0)
    split, split_shared = overlay_pairs(arr(site), pieces, tolerance_m2=0.0)
    assert shapely.area(split_shared).sum() == pytest.approx(shapely.area(whole_shared).sum(), rel=1e-9, abs=1e-15)
    assert split["area_m2"].sum() == pytest.approx(whole["area_m2"].sum(), abs=geodesic_tolerance(site))


def wiggly_ring_with_holes(vertices: int = 2000) -> shapely.Polygon:
    """A large lon/lat polygon with many vertices and a few holes, like a dissolved planning class."""
    angle = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
    radius = 20 + 3 * np.sin(angle * 37)
    shell = np.c_[X0 + radius * np.cos(angle) * D, Y0 + radius * np.sin(angle) * D]
    holes = [box(x, y, x + 1.5, y + 1.5).exterior.coords for x, y in ((-8, -8), (3, 4), (6, -10), (-2, 9))]
    return shapely.Polygon(shell, holes)


def test_split_large_polygons_cover_each_polygon_exactly_once():
    big, small = wiggly_ring_with_holes(), box(40, 40, 41, 41)
    pieces, owner = split_large_polygons(arr(small, big), max_vertices=100)
    assert owner[0] == 0 and (owner[1:] == 1).all() and len(pieces) > 9
    assert shapely.get_num_coordinates(pieces[1:]).max() < shapely.get_num_coordinates(big)
    assert shapely.area(pieces[owner == 1]).sum() == pytest.approx(big.area, rel=1e-12)
    assert shapely.union_all(pieces[owner == 1]).symmetric_difference(big).area < 1e-12 * big.area


def test_overlay_with_split_constraints_equals_overlay_without():
    """Measured in the plane, as in a projected working CRS: a cut along a grid line adds vertices on straight
    edges and changes nothing. (In lon/lat such a vertex bends an edge along a parallel: about 1e-6 on 200 m.)"""
    big = wiggly_ring_with_holes()
    grid = [box(x, y, x + 2.3, y + 1.7) for x in np.arange(-25, 25, 2.3) for y in np.arange(-25, 25, 1.7)]
    whole, whole_shared = overlay_pairs(arr(*grid), arr(big, box(0, 0, 3, 3)), tolerance_m2=0.0,
                                        split_vertices=None, area_of=shapely.area)
    split, split_shared = overlay_pairs(arr(*grid), arr(big, box(0, 0, 3, 3)), tolerance_m2=0.0,
                                        split_vertices=64, area_of=shapely.area)
    assert whole[["subject", "constraint"]].values.tolist() == split[["subject", "constraint"]].values.tolist()
    assert split["area_m2"].to_numpy() == pytest.approx(whole["area_m2"].to_numpy(), rel=1e-12)
    assert (whole["subject_inside"] | ~split["subject_inside"]).all()  # a subject on a grid line is not "known inside"
    assert shapely.equals_exact(shapely.normalize(split_shared), shapely.normalize(whole_shared), 1e-9).sum() > 0
    assert shapely.area(shapely.symmetric_difference(split_shared, whole_shared)).max() < 1e-14
