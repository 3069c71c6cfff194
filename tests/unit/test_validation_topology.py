"""Overlaps, gaps and 三线冲突: real error geometry, ellipsoidal areas, each pair once, robust to bad input."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from planmonitor_plugin.core.area import polygon_areas
from planmonitor_plugin.core.roles import load_roles
from planmonitor_plugin.core.validation import coverage, load_rule_set, spatial
from planmonitor_plugin.core.validation.layer import PreparedLayer
from tests.unit.test_validation_support import (
    bow_tie,
    cell,
    farmland,
    findings_of,
    grid,
    land_use,
    redline,
    run,
    simple_layer,
    urban_boundary,
)

TOPOLOGY = ("topology.overlap", "topology.gap")


def area(geometry) -> float:
    """Ellipsoidal area in m² (0 for an empty geometry)."""
    return float(np.nan_to_num(polygon_areas([geometry])[0]))


def pairs(rows) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for p in zip(rows.feature_key, rows.other_key)}


# --------------------------------------------------------------------------- clean data


def test_clean_coverage_gives_no_findings_at_all():
    result = run(land_use(grid(4, 3)))
    assert result.findings.empty and len(result.geometry) == 0 and result.summary.empty


def test_clean_layers_of_every_control_line_give_no_findings():
    layers = [land_use(grid(3, 3)), farmland([cell(0, 5), cell(1, 5)]), urban_boundary([cell(2, 5, 2, 2)]),
              redline([cell(5, 0, 2, 2)])]
    assert run(layers).findings.empty


# --------------------------------------------------------------------------- overlaps


def test_overlap_geometry_and_area_are_the_intersection():
    shapes = grid(3, 1)
    shapes[1] = cell(0.6, 0, 1.4, 1)  # grows 0.4 cells into B000
    result = run(land_use(shapes), *TOPOLOGY)
    rows, geometry = findings_of(result, "topology.overlap")
    assert len(rows) == 1
    expected = shapely.intersection(shapes[0], shapes[1])
    assert geometry[0].geom_type == "Polygon" and geometry[0].normalize().equals_exact(expected.normalize(), 1e-12)
    assert rows.value[0] == pytest.approx(area(expected), rel=1e-9)
    assert rows.value_unit[0] == "m2" and rows.severity[0] == "error"
    assert pairs(rows) == {("B000", "B001")} and rows.other_layer[0] == "地类图斑"
    assert f"{rows.value[0]:.2f} 平方米" in rows.message_zh[0] and "BSM B001" in rows.message_zh[0]
    assert rows.fid[0] == 0 and rows.feature_key[0] == "B000"


def test_each_overlapping_pair_is_reported_once():
    shapes = [cell(0, 0, 2, 2), cell(1, 1, 2, 2), cell(0.5, 0.5, 2, 2)]
    rows, _ = findings_of(run(land_use(shapes), "topology.overlap"), "topology.overlap")
    assert len(rows) == 3 and pairs(rows) == {("B000", "B001"), ("B000", "B002"), ("B001", "B002")}


def test_duplicates_and_contained_parcels_overlap_entirely():
    shapes = grid(3, 1) + [cell(1, 0), cell(2.25, 0.25, 0.5, 0.5)]  # B003 duplicates B001, B004 inside B002
    rows, geometry = findings_of(run(land_use(shapes), "topology.overlap"), "topology.overlap")
    assert pairs(rows) == {("B001", "B003"), ("B002", "B004")}
    by_pair = {tuple(sorted(p)): (v, g) for p, v, g in zip(zip(rows.feature_key, rows.other_key), rows.value,
                                                              geometry)}
    assert by_pair[("B001", "B003")][0] == pytest.approx(area(cell(1, 0)), rel=1e-9)
    assert by_pair[("B002", "B004")][1].equals(shapes[4])


def test_a_duplicated_block_of_parcels_is_found_inside_the_block():
    """Every inner edge of a stacked copy is balanced; the overlap must still be found cell by cell."""
    shapes = grid(4, 4) + grid(4, 4)
    rows, _ = findings_of(run(land_use(shapes), "topology.overlap"), "topology.overlap")
    assert pairs(rows) == {(f"B{i:03d}", f"B{i + 16:03d}") for i in range(16)}


def test_ring_orientation_does_not_matter():
    """Shapefiles store shells clockwise; mixed orientations must neither hide nor invent problems."""
    mixed = [shapely.reverse(s) if i % 3 == 0 else s for i, s in enumerate(grid(6, 6))]
    assert run(land_use(mixed), *TOPOLOGY).findings.empty
    clockwise = [shapely.reverse(s) for s in grid(6, 6)]
    block = [(r, c) for r in range(1, 4) for c in range(1, 4)]
    copies = [cell(c, r) for r, c in block]  # counter-clockwise copies stacked on a clockwise block
    rows, _ = findings_of(run(land_use(clockwise + copies), *TOPOLOGY), "topology.overlap")
    assert pairs(rows) == {(f"B{r * 6 + c:03d}", f"B{36 + k:03d}") for k, (r, c) in enumerate(block)}


@pytest.mark.parametrize("orient", [lambda g: g, shapely.reverse])
def test_holes_islands_and_parcels_on_a_hole_edge(orient):
    ring = orient(shapely.Polygon(cell(0, 0, 3, 3).exterior.coords, [cell(1, 1).exterior.coords]))
    assert run(land_use([ring, cell(1, 1)]), *TOPOLOGY).findings.empty  # hole filled by an island
    rows, geometry = findings_of(run(land_use([ring]), *TOPOLOGY), "topology.gap")
    assert len(rows) == 1 and geometry[0].normalize().equals_exact(cell(1, 1).normalize(), coverage.MATCH_GRID)
    result = run(land_use([ring, cell(1, 2)]), *TOPOLOGY)  # a parcel on the ring, its edge on the hole's edge
    gaps, gap_geometry = findings_of(result, "topology.gap")
    overlaps, overlap_geometry = findings_of(result, "topology.overlap")
    assert len(gaps) == 1 and gap_geometry[0].normalize().equals_exact(cell(1, 1).normalize(), coverage.MATCH_GRID)
    assert pairs(overlaps) == {("B000", "B001")} and overlap_geometry[0].equals(cell(1, 2))


@pytest.mark.parametrize("size", [2, 4])
def test_clean_grids_need_no_pairwise_overlap_test(size):
    """The test point of the single face may fall on an inner edge (2 × 2): it is moved, not given up on."""
    layer = PreparedLayer(land_use(grid(size, size)), load_roles()["current_land_use"])
    faces = layer.coverage_faces(lambda: None)
    assert faces.exact and len(faces.faces) == 1 and not faces.multiple.any() and faces.covered.all()


def test_sliver_overlaps_below_the_tolerance_are_ignored():
    shapes = grid(2, 1)
    shapes[1] = cell(0.99995, 0, 1.00005, 1)  # a 5e-8° (≈ 4.5 mm) × 111 m strip: ≈ 0.5 m²
    sliver = area(shapely.intersection(shapes[0], shapes[1]))
    assert 0.5 < sliver < 1.0
    assert run(land_use(shapes), "topology.overlap").findings.empty
    strict = load_rule_set().with_rule("topology.overlap", min_area_m2=0.1)
    rows, _ = findings_of(run(land_use(shapes), rules=strict.only("topology.overlap")), "topology.overlap")
    assert rows.value[0] == pytest.approx(sliver, rel=1e-9)


def test_overlaps_are_only_checked_for_roles_that_forbid_them():
    shapes = [cell(0, 0, 2, 1), cell(1, 0, 2, 1)]
    patches = simple_layer("change_patches", shapes, name="监测图斑", prefix="J", area_field="JCMJ",
                           JCTBBH=["J1", "J2"], TBLX=["a", "b"])
    assert findings_of(run(patches, "topology.overlap"), "topology.overlap")[0].empty
    assert len(findings_of(run(farmland(shapes), "topology.overlap"), "topology.overlap")[0]) == 1


def test_overlap_candidates_agree_with_testing_all_pairs():
    """Random rectangles on a clean grid: the coverage-face shortcut finds exactly the brute-force pairs."""
    rng = np.random.default_rng(7)
    shapes = grid(12, 12)
    for _ in range(25):
        col, row = rng.uniform(0, 11, 2)
        shapes.append(cell(col, row, *rng.uniform(0.2, 1.5, 2)))
    shapes += [cell(3, 3), cell(7, 2)]  # exact duplicates
    layer = PreparedLayer(land_use(shapes), load_roles()["current_land_use"])
    polygons = layer.polygons
    faces = layer.coverage_faces(lambda: None)
    assert faces.exact
    fast = spatial.interior_pairs(polygons, subset=coverage.overlap_candidates(faces, layer.tree))
    brute = spatial.interior_pairs(polygons)
    assert set(zip(*fast)) == set(zip(*brute)) and len(brute[0]) > 25


# --------------------------------------------------------------------------- gaps


def test_gap_geometry_is_the_hole():
    shapes = grid(3, 3)
    hole = shapes.pop(4)
    rows, geometry = findings_of(run(land_use(shapes), *TOPOLOGY), "topology.gap")
    assert len(rows) == 1 and geometry[0].geom_type == "Polygon"
    assert geometry[0].normalize().equals_exact(hole.normalize(), coverage.MATCH_GRID)
    assert rows.value[0] == pytest.approx(area(hole), rel=1e-9) and rows.value_unit[0] == "m2"
    assert rows.feature_key[0] == "" and rows.fid.isna()[0]
    named = rows.other_key[0].split(",")
    assert len(named) == 5 and set(named) <= {f"B{i:03d}" for i in range(8)}  # five of the eight cells around
    assert "缝隙" in rows.message_zh[0] and f"{rows.value[0]:.2f} 平方米" in rows.message_zh[0]


def test_gap_around_a_shrunk_parcel_is_a_ring():
    shapes = grid(3, 3)
    shapes[4] = cell(1.25, 1.25, 0.5, 0.5)
    rows, geometry = findings_of(run(land_use(shapes), *TOPOLOGY), "topology.gap")
    assert len(rows) == 1 and len(geometry[0].interiors) == 1
    assert rows.value[0] == pytest.approx(area(cell(1, 1)) - area(shapes[4]), rel=1e-9)


def test_bays_on_the_outer_boundary_are_not_gaps():
    shapes = grid(3, 3)
    del shapes[1]  # notch in the bottom edge
    del shapes[0]  # and a missing corner
    assert run(land_use(shapes), *TOPOLOGY).findings.empty


def test_gaps_below_the_tolerance_are_ignored():
    shapes = [cell(0, 0), cell(1, 0, 0.99995, 1), cell(2, 0), cell(0, 1, 3, 1), cell(0, -1, 3, 1)]
    slit = area(cell(1.99995, 0, 0.00005, 1))  # enclosed slit ≈ 0.5 m²
    assert 0.1 < slit < 1.0
    assert run(land_use(shapes), "topology.gap").findings.empty
    strict = load_rule_set().with_rule("topology.gap", min_area_m2=0.1)
    rows, _ = findings_of(run(land_use(shapes), rules=strict.only("topology.gap")), "topology.gap")
    assert len(rows) == 1 and rows.value[0] == pytest.approx(slit, rel=1e-6)


def test_gaps_are_only_checked_for_coverages():
    shapes = grid(3, 3)
    del shapes[4]
    assert run(farmland(shapes), *TOPOLOGY).findings.empty


@pytest.mark.parametrize("mode", ["snapped", "union"])
def test_slow_paths_give_the_same_gaps_and_overlaps(monkeypatch, mode):
    """Neighbours whose vertices differ by ~2e-9° (0.2 mm, above the matching grid) take the slower paths."""
    shapes = grid(6, 6)
    hole = shapes.pop(14)  # cell (2, 2)
    shapes[20] = cell(2.5, 3, 1.5, 1)  # replaces cell (3, 3), overlapping B019 = cell (2, 3)
    offsets = np.random.default_rng(3).normal(0, 2e-9, (len(shapes), 2))
    jittered = [shapely.transform(s, lambda c, d=d: c + d) for s, d in zip(shapes, offsets)]
    monkeypatch.setattr(coverage, "DENSE_MINIMUM", 0)
    monkeypatch.setattr(coverage, "DENSE_SHARE", 0.5)  # a small grid: its outer boundary is a quarter of all edges
    if mode == "union":
        monkeypatch.setattr(coverage, "_too_dense", lambda unbalanced, total: True)  # snapping does not help
    layer = PreparedLayer(land_use(jittered), load_roles()["current_land_use"])
    faces = layer.coverage_faces(lambda: None)
    assert (faces is None) if mode == "union" else (faces is not None and not faces.exact)
    result = run(land_use(jittered), *TOPOLOGY)
    gaps, gap_geometry = findings_of(result, "topology.gap")
    overlaps, _ = findings_of(result, "topology.overlap")
    assert len(gaps) == 1 and gaps.value[0] == pytest.approx(area(hole), rel=1e-5)
    difference = area(shapely.symmetric_difference(gap_geometry[0], hole))  # slivers along the jittered seams
    assert difference < 1e-4 * area(hole)
    assert pairs(overlaps) == {("B019", "B020")}
    assert overlaps.value[0] == pytest.approx(area(cell(2.5, 3, 0.5, 1)), rel=1e-4)


# --------------------------------------------------------------------------- invalid input


def test_invalid_and_missing_geometries_do_not_stop_the_topology_checks():
    shapes = grid(3, 3)
    shapes[4] = bow_tie(1, 1)  # two triangles: the rest of the cell is a gap
    shapes[8] = None
    shapes.append(shapely.Polygon())
    result = run(land_use(shapes))
    assert set(result.findings.rule_id) >= {"geometry.invalid", "geometry.null", "geometry.empty", "topology.gap"}
    gaps, _ = findings_of(result, "topology.gap")
    assert gaps.value.sum() == pytest.approx(area(cell(1, 1)) / 2, rel=1e-6)  # the bow-tie covers half its cell
    assert findings_of(result, "topology.overlap")[0].empty


def test_repaired_copy_is_used_and_input_is_not_changed():
    shapes = [bow_tie(0, 0), cell(0.5, 0, 1, 1)]
    layer = land_use(shapes)
    before = [s.wkt for s in layer.geometry]
    rows, geometry = findings_of(run(layer, "topology.overlap"), "topology.overlap")
    assert len(rows) == 1 and geometry[0].is_valid
    assert [s.wkt for s in layer.geometry] == before


# --------------------------------------------------------------------------- 三线冲突


def test_conflict_between_farmland_and_urban_boundary():
    pbf = farmland([cell(0, 0), cell(1, 0), cell(5, 5)])
    udb = urban_boundary([cell(0.5, 0, 2, 1)], crs="EPSG:4527")
    rows, geometry = findings_of(run([pbf, udb], "conflict.control_lines"), "conflict.control_lines")
    assert len(rows) == 2
    assert set(zip(rows.feature_key, rows.other_key)) == {("P000", "U000"), ("P001", "U000")}
    assert set(rows.layer) == {"永久基本农田"} and set(rows.other_layer) == {"城镇开发边界"}
    first = rows.index[rows.feature_key == "P000"][0]
    expected = shapely.intersection(cell(0, 0), cell(0.5, 0, 2, 1))
    assert geometry[first].normalize().equals_exact(expected.normalize(), 1e-12)
    assert rows.value[first] == pytest.approx(area(expected), rel=1e-9)
    assert "三线冲突" in rows.message_zh[first] and "永久基本农田 BSM P000" in rows.message_zh[first]
    assert "城镇开发边界" in rows.message_zh[first] and "Control-line conflict" in rows.message_en[first]
    second = rows.index[rows.feature_key == "P001"][0]
    assert geometry[second].equals(cell(1, 0))  # farmland parcel entirely inside the boundary


def test_conflicts_work_across_crs_and_for_all_three_pairs():
    pbf = farmland([cell(0, 0, 2, 2)], crs="EPSG:4527")
    udb = urban_boundary([cell(1, 1, 2, 2)], crs="EPSG:4527")
    epr = redline([cell(1.5, 0, 2, 2)], crs="EPSG:4490")
    rows, _ = findings_of(run([pbf, udb, epr], "conflict.control_lines"), "conflict.control_lines")
    assert set(zip(rows.layer, rows.other_layer)) == {
        ("永久基本农田", "城镇开发边界"), ("永久基本农田", "生态保护红线"), ("生态保护红线", "城镇开发边界")}


@pytest.mark.parametrize("swap", [False, True])
def test_cross_layer_pairs_agree_with_testing_every_pair(swap):
    """Prepared shortcuts (contains / intersects first) give exactly the DE-9IM result, either way round."""
    rng = np.random.default_rng(11)
    parcels = np.array(grid(10, 10) + [cell(*rng.uniform(0, 9, 2), *rng.uniform(0.1, 2, 2)) for _ in range(30)],
                       dtype=object)
    blobs = np.array([shapely.Point(117 + x * 0.001, 36 + y * 0.001).buffer(0.001 * r, quad_segs=64)
                      for x, y, r in rng.uniform((0, 0, 0.05), (10, 10, 3), (12, 3))] + [cell(3, 3)], dtype=object)
    a, b = (blobs, parcels) if swap else (parcels, blobs)
    pairs = spatial.cross_pairs(a, b)
    every_i, every_j = (k.ravel() for k in np.meshgrid(np.arange(len(a)), np.arange(len(b)), indexing="ij"))
    hit = shapely.relate_pattern(a[every_i], b[every_j], "T********")
    i, j = every_i[hit], every_j[hit]
    assert set(zip(pairs.i, pairs.j)) == set(zip(i, j))
    assert len(i) > 50 and (pairs.a_inside | pairs.b_inside).sum() > 10
    # the flags mark (some) containments, never a false one: parcels inside a large blob are flagged
    assert not (pairs.a_inside & ~shapely.within(a[pairs.i], b[pairs.j])).any()
    assert not (pairs.b_inside & ~shapely.contains(a[pairs.i], b[pairs.j])).any()
    shapes = spatial.overlap_geometries(a[pairs.i], b[pairs.j], pairs.a_inside, pairs.b_inside)
    expected = shapely.intersection(a[pairs.i], b[pairs.j])
    assert np.allclose(polygon_areas(shapes), polygon_areas(expected), rtol=1e-9)


def test_touching_control_lines_do_not_conflict():
    pbf = farmland([cell(0, 0), cell(1, 1)])
    udb = urban_boundary([cell(1, 0), cell(0, 1)])
    assert run([pbf, udb], "conflict.control_lines").findings.empty


def test_conflict_tolerance_and_switch():
    pbf = farmland([cell(0, 0)])
    udb = urban_boundary([cell(0.99995, 0, 1, 1)])  # ≈ 0.5 m² strip
    assert run([pbf, udb], "conflict.control_lines").findings.empty
    strict = load_rule_set().with_rule("conflict.control_lines", min_area_m2=0.01)
    assert len(run([pbf, udb], rules=strict.only("conflict.control_lines")).findings) == 1
    overlapping = urban_boundary([cell(0.5, 0)])
    assert len(run([pbf, overlapping], "conflict.control_lines").findings) == 1
    assert run([pbf, overlapping], rules=load_rule_set().only("geometry.invalid")).findings.empty
