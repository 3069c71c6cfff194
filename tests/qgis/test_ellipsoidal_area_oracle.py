"""planmonitor:ellipsoidalarea agrees with QGIS's own QgsDistanceArea (ellipsoid CGCS2000).

Tolerances from the issue: 1e-6 relative on parcels, 1e-5 on 100 km² polygons, in every
CRS a county may deliver: geographic EPSG:4490, 3° zones with and without the zone
number (4513–4554), 6° zones (4491–4512), including parcels near the zone edges.
"""

from __future__ import annotations

import numpy as np
import processing
import pytest
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsGeometry, QgsProject

from tests.qgis.conftest import memory_layer

# CRS → (centre x, centre y, half-width of the zone in CRS units at that latitude)
CRS_CASES = {
    "EPSG:4490": (117.0, 36.0, 1.4),            # geographic, degrees
    "EPSG:4527": (39_500_000, 4_000_000, 130_000),  # 3° zone 39 with zone number, CM 117°E
    "EPSG:4545": (500_000, 2_700_000, 150_000),     # 3° CM 108°E, no zone number
    "EPSG:4502": (500_000, 4_400_000, 260_000),     # 6° CM 75°E, no zone number
    "EPSG:4497": (21_500_000, 3_300_000, 280_000),  # 6° zone 21 with zone number, CM 123°E
}


def random_parcel(rng, cx, cy, size, holes=True):
    """An irregular polygon ~``size`` across, sometimes with a hole."""
    angles = np.linspace(0, 2 * np.pi, 9, endpoint=False) + rng.uniform(0, 0.6, 9)  # star-shaped
    radii = size / 2 * rng.uniform(0.5, 1.0, 9)
    shell = np.c_[cx + radii * np.cos(angles), cy + radii * np.sin(angles)]
    hole = None
    if holes and rng.random() < 0.3:  # the shell is star-shaped around the centre: a shrunk copy fits inside
        hole = [np.c_[cx + 0.3 * (shell[:, 0] - cx), cy + 0.3 * (shell[:, 1] - cy)][::-1]]
    polygon = shapely.Polygon(shell, holes=hole)
    assert polygon.is_valid
    return polygon


def geometries_for(crs: str, rng, size_m: float, count: int):
    cx, cy, half_width = CRS_CASES[crs]
    scale = 1 / 111_000 if crs == "EPSG:4490" else 1.0
    xs = cx + rng.uniform(-half_width, half_width, count)  # includes parcels near the zone edges
    ys = cy + rng.uniform(-1, 1, count) * (0.5 if crs == "EPSG:4490" else 50_000)
    polygons = [random_parcel(rng, x, y, size_m * scale) for x, y in zip(xs, ys)]
    # two multi-part features
    polygons[0] = shapely.MultiPolygon([polygons[0], shapely.affinity.translate(polygons[1], 3 * size_m * scale)])
    return [QgsGeometry.fromWkt(p.wkt) for p in polygons]


def oracle_areas(layer) -> list[float]:
    measure = QgsDistanceArea()
    measure.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    assert measure.setEllipsoid("EPSG:1024")  # CGCS2000
    assert measure.willUseEllipsoid()
    return [measure.measureArea(feature.geometry()) for feature in layer.getFeatures()]


def algorithm_areas(layer) -> tuple[list[float], dict]:
    result = processing.run("planmonitor:ellipsoidalarea", {"INPUT": layer, "OUTPUT": "memory:"})
    return [feature["TBMJ"] for feature in result["OUTPUT"].getFeatures()], result


@pytest.mark.parametrize("crs", sorted(CRS_CASES))
@pytest.mark.parametrize("size_m, tolerance", [(80.0, 1e-6), (600.0, 1e-6), (11_000.0, 1e-5)])
def test_areas_agree_with_qgsdistancearea(provider, crs, size_m, tolerance):
    rng = np.random.default_rng(hash((crs, size_m)) % 2**32)
    layer = memory_layer(geometries_for(crs, rng, size_m, 60), crs)
    expected = np.array(oracle_areas(layer))
    ours, result = algorithm_areas(layer)
    ours = np.array(ours)
    assert expected.min() > 0
    assert np.max(np.abs(ours - expected) / expected) < tolerance
    assert result["TOTAL_M2"] == pytest.approx(expected.sum(), rel=tolerance)


def test_100_square_kilometre_polygons_are_100_square_kilometres(provider):
    """A 10 km × 10 km square on the central meridian of a GK zone (scale 1) is ≈ 100 km²."""
    x0, y0 = 39_500_000 - 5_000, 4_000_000
    square = QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x0 + 10_000} {y0},{x0 + 10_000} {y0 + 10_000},"
                                 f"{x0} {y0 + 10_000},{x0} {y0}))")
    layer = memory_layer([square], "EPSG:4527")
    ours, _ = algorithm_areas(layer)
    assert ours[0] == pytest.approx(oracle_areas(layer)[0], rel=1e-5)
    assert ours[0] == pytest.approx(1e8, rel=2e-5)  # GK scale on the central meridian is 1


def test_units_follow_the_square_metres(provider):
    layer = memory_layer(geometries_for("EPSG:4527", np.random.default_rng(7), 300.0, 20), "EPSG:4527")
    result = processing.run("planmonitor:ellipsoidalarea", {"INPUT": layer, "OUTPUT": "memory:"})
    for feature in result["OUTPUT"].getFeatures():
        assert feature["TBMJ_GQ"] == pytest.approx(feature["TBMJ"] / 10_000, rel=1e-12)
        assert feature["TBMJ_MU"] == pytest.approx(feature["TBMJ"] * 3 / 2000, rel=1e-12)
    assert result["TOTAL_HA"] == pytest.approx(result["TOTAL_M2"] / 10_000)
    assert result["TOTAL_MU"] == pytest.approx(result["TOTAL_M2"] * 0.0015)


def test_crs_object_is_not_cgcs2000_but_areas_still_ellipsoidal(provider):
    """A WGS 84 layer is measured after conversion to CGCS2000 (same numbers within 1e-6)."""
    rng = np.random.default_rng(3)
    layer = memory_layer(geometries_for("EPSG:4490", rng, 500.0, 10), "EPSG:4326")
    assert QgsCoordinateReferenceSystem("EPSG:4326") == layer.crs()
    ours, _ = algorithm_areas(layer)
    assert np.max(np.abs(np.array(ours) - oracle_areas(layer)) / np.array(ours)) < 1e-6
