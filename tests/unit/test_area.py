"""Ellipsoidal areas against closed forms and geometric invariants (no QGIS needed)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from planmonitor_plugin.core.area import CGCS2000, polygon_areas, polygon_areas_in_units
from planmonitor_plugin.core.units import SQUARE_METRES_PER_MU

# GRS80 / CGCS2000 total surface area (Moritz, Geodetic Reference System 1980): 510 065 621.7 km².
EARTH_SURFACE_M2 = 510_065_621.7e6


def quadrangle_area(lon1, lat1, lon2, lat2, ellipsoid=CGCS2000):
    """Exact area between two meridians and two parallels (independent closed form)."""
    a = ellipsoid.semi_major
    f = 1 / ellipsoid.inverse_flattening
    e2 = f * (2 - f)
    e = math.sqrt(e2)

    def primitive(lat):
        s = math.sin(math.radians(lat))
        return s / (1 - e2 * s * s) + math.log((1 + e * s) / (1 - e * s)) / (2 * e)

    return math.radians(lon2 - lon1) * a * a * (1 - e2) / 2 * (primitive(lat2) - primitive(lat1))


def box(lon, lat, size):
    return shapely.box(lon, lat, lon + size, lat + size)


def test_closed_form_gives_the_grs80_surface():
    assert quadrangle_area(-180, -90, 180, 90) == pytest.approx(EARTH_SURFACE_M2, rel=1e-9)


@pytest.mark.parametrize("lon, lat", [(117.0, 36.0), (75.0, 18.0), (134.9, 53.4), (102.0, 0.5)])
@pytest.mark.parametrize("size, tolerance", [(0.0005, 1e-10), (0.002, 1e-9), (0.01, 1e-8), (0.1, 1e-6)])
def test_small_quadrangles_match_the_closed_form(lon, lat, size, tolerance):
    """Parallels are curves; our edges are straight in an equal-area plane: the gap grows with size²."""
    ours = polygon_areas([box(lon, lat, size)])[0]
    assert ours == pytest.approx(quadrangle_area(lon, lat, lon + size, lat + size), rel=tolerance)


def test_units():
    result = polygon_areas_in_units([box(117, 36, 0.01)])
    assert result["ha"][0] == pytest.approx(result["m2"][0] / 10_000)
    assert result["mu"][0] == pytest.approx(result["m2"][0] * 3 / 2000)
    assert SQUARE_METRES_PER_MU == pytest.approx(666.6667, abs=1e-4)


def test_missing_and_empty_geometries_are_nan_not_zero():
    areas = polygon_areas(np.array([None, shapely.Polygon(), box(117, 36, 0.01)], dtype=object))
    assert np.isnan(areas[0]) and np.isnan(areas[1]) and areas[2] > 0


def test_lines_and_points_have_no_area():
    areas = polygon_areas([shapely.LineString([(117, 36), (117.1, 36.1)]), shapely.Point(117, 36)])
    assert list(areas) == [0.0, 0.0]


def test_hole_is_subtracted_and_parts_added():
    shell, hole = box(117, 36, 0.01), box(117.004, 36.004, 0.002)
    with_hole = shell.difference(hole)
    other = box(117.02, 36, 0.003)
    a_shell, a_hole, a_with_hole, a_other, a_multi = polygon_areas(
        [shell, hole, with_hole, other, shapely.MultiPolygon([with_hole, other])])
    assert a_with_hole == pytest.approx(a_shell - a_hole, rel=1e-9)
    assert a_multi == pytest.approx(a_with_hole + a_other, rel=1e-9)


lons = st.floats(73.0, 135.0)
lats = st.floats(3.0, 54.0)
sizes = st.floats(1e-4, 0.1)


def random_polygon(lon, lat, size, seed, vertices=12):
    rng = np.random.default_rng(seed)
    angles = np.sort(rng.uniform(0, 2 * np.pi, vertices))
    radii = size * rng.uniform(0.3, 1.0, vertices)
    return shapely.Polygon(np.c_[lon + radii * np.cos(angles), lat + radii * np.sin(angles)])


@settings(max_examples=60, deadline=None)
@given(lons, lats, sizes, st.integers(0, 10_000))
def test_vertex_order_and_start_do_not_matter(lon, lat, size, seed):
    polygon = random_polygon(lon, lat, size, seed)
    ring = np.asarray(polygon.exterior.coords)[:-1]
    rotated = shapely.Polygon(np.roll(ring, 5, axis=0))
    reversed_ = shapely.Polygon(ring[::-1])
    areas = polygon_areas([polygon, rotated, reversed_])
    assert areas[1] == pytest.approx(areas[0], rel=1e-12)
    assert areas[2] == pytest.approx(areas[0], rel=1e-12)


@settings(max_examples=60, deadline=None)
@given(lons, lats, sizes, st.integers(0, 10_000), st.floats(-5, 5))
def test_shift_along_longitude_keeps_the_area(lon, lat, size, seed, shift):
    polygon = random_polygon(lon, lat, size, seed)
    shifted = shapely.affinity.translate(polygon, xoff=shift)
    areas = polygon_areas([polygon, shifted])
    assert areas[1] == pytest.approx(areas[0], rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(lons, lats, st.sampled_from([(0.003, 1e-9), (0.05, 1e-6)]), st.integers(0, 10_000))
def test_tiling_adds_up(lon, lat, size_tolerance, seed):
    """The pieces of a tiling add up to the area of their union.

    (The union, not the closed-form quadrangle: its boundary carries the pieces' extra
    vertices, and edges between vertices are not parallels.) Each piece is measured in
    its own equal-area plane, so shared edges are not exactly the same curve: 300 m
    tilings agree to 1e-9, 5 km tilings to 1e-6."""
    size, tolerance = size_tolerance
    quad = box(lon, lat, size)
    rng = np.random.default_rng(seed)
    points = shapely.multipoints(np.c_[lon + rng.uniform(0, size, 30), lat + rng.uniform(0, size, 30)])
    pieces = shapely.intersection(shapely.get_parts(shapely.voronoi_polygons(points, extend_to=quad)), quad)
    union = shapely.union_all(pieces)
    assert polygon_areas(pieces).sum() == pytest.approx(polygon_areas([union])[0], rel=tolerance)
