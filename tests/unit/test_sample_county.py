"""Tests of the synthetic sample county (pure core: numpy, pandas, shapely only)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely

from planmonitor_plugin.core.sample_county import (
    CULTIVATED,
    FOREST,
    GEOGRAPHIC_EPSG,
    GHFQ_CLASSES,
    INDICATORS,
    SANDIAO_CLASSES,
    SOURCE_EPSG,
    YDYH_CLASSES,
    LayerData,
    SampleCounty,
    generate_county,
    plant_defects,
)

PARCELS = 2000
SEED = 20261124
SPATIAL = ["XZQ", "DLTB", "YJJBNTBHTB", "STBHHX", "CZKFBJ", "GHFQ", "YDYHGHFQ", "JCTB", "XMYD"]
TABLES = ["RKSJ", "GHMB"]
TOUCH = 1e-6  # m²: overlaps up to this are touching, not overlapping


@pytest.fixture(scope="module")
def county() -> SampleCounty:
    return generate_county(PARCELS, SEED)


@pytest.fixture(scope="module")
def defects(county: SampleCounty) -> tuple[SampleCounty, list[dict]]:
    return plant_defects(county, SEED)


def overlap_areas(a: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
    """Areas of all pairwise intersections between ``a`` and ``b`` (within ``a`` if ``b`` is None)."""
    tree = shapely.STRtree(a if b is None else b)
    left, right = tree.query(a, predicate="intersects")
    if b is None:
        keep = left < right
        left, right = left[keep], right[keep]
        b = a
    return shapely.area(shapely.intersection(a[left], b[right]))


def area_share(county: SampleCounty, codes) -> float:
    dltb = county["DLTB"]
    area = shapely.area(dltb.geometry)
    return float(area[dltb.frame["DLBM"].isin(list(codes)).to_numpy()].sum() / area.sum())


def feature(layer: LayerData, key: str) -> int:
    rows = np.flatnonzero(layer.frame[layer.key].to_numpy() == key)
    assert len(rows) >= 1, f"{layer.name}: no feature {key}"
    return int(rows[0])


# ----------------------------------------------------------------------------------------------------------------
# Clean county
# ----------------------------------------------------------------------------------------------------------------

def test_same_seed_gives_identical_county(county: SampleCounty) -> None:
    again = generate_county(PARCELS, SEED)
    for name, layer in county.layers.items():
        pd.testing.assert_frame_equal(layer.frame, again[name].frame)
        if not layer.is_table:
            assert np.array_equal(shapely.to_wkb(layer.geometry), shapely.to_wkb(again[name].geometry)), name


def test_different_seeds_differ(county: SampleCounty) -> None:
    other = generate_county(PARCELS, SEED + 1)
    assert len(other["DLTB"].frame) == PARCELS
    assert not shapely.equals(county.boundary, other.boundary)
    assert not county["DLTB"].frame["DLBM"].equals(other["DLTB"].frame["DLBM"])


@pytest.mark.parametrize("parcels", [1999, 300_001])
def test_size_out_of_range_is_refused(parcels: int) -> None:
    with pytest.raises(ValueError):
        generate_county(parcels, SEED)


def test_layers_and_crs(county: SampleCounty) -> None:
    assert list(county.layers) == SPATIAL + TABLES
    assert len(county["DLTB"].frame) == PARCELS
    for name in SPATIAL:
        layer = county[name]
        assert layer.crs == SOURCE_EPSG and len(layer.geometry) == len(layer.frame) > 0, name
        assert [spec.name for spec in layer.fields] == list(layer.frame.columns), name
    assert county["STBHHX"].output_crs == GEOGRAPHIC_EPSG
    assert all(county[name].output_crs == SOURCE_EPSG for name in SPATIAL if name != "STBHHX")
    assert all(county[name].is_table for name in TABLES)


def test_county_lies_in_zone_39_near_36_degrees(county: SampleCounty) -> None:
    minx, miny, maxx, maxy = county.boundary.bounds
    assert 39_480_000 < minx < maxx < 39_560_000
    assert 3_960_000 < miny < maxy < 4_040_000
    assert 800e6 < county.boundary.area < 1400e6


def test_dltb_is_a_valid_coverage(county: SampleCounty) -> None:
    cells = county["DLTB"].geometry
    assert shapely.is_valid(cells).all()
    assert (shapely.get_type_id(cells) == shapely.GeometryType.POLYGON).all()
    if shapely.geos_version >= (3, 12, 0):  # QGIS 3.22 on Debian 12 runs GEOS 3.11
        assert shapely.coverage_is_valid(cells)
    union = shapely.union_all(cells)
    assert union.area == pytest.approx(county.boundary.area, rel=1e-6)
    assert shapely.area(cells).sum() == pytest.approx(union.area, rel=1e-9)
    assert overlap_areas(cells).max() < TOUCH


def test_townships_tile_the_county_and_hold_their_parcels(county: SampleCounty) -> None:
    xzq, dltb = county["XZQ"], county["DLTB"]
    assert 3 <= len(xzq.frame) <= 8
    assert (shapely.get_type_id(xzq.geometry) == shapely.GeometryType.POLYGON).all()  # contiguous townships
    assert shapely.area(xzq.geometry).sum() == pytest.approx(county.boundary.area, rel=1e-9)
    assert overlap_areas(xzq.geometry).max() < TOUCH
    township = dict(zip(xzq.frame["XZQDM"], xzq.geometry))
    inside = [shapely.contains_properly(township[code], shapely.point_on_surface(cell))
              for code, cell in zip(dltb.frame["XZQDM"], dltb.geometry)]
    assert all(inside)
    sums = dltb.frame.groupby("XZQDM")["TBMJ"].sum()
    assert np.allclose(xzq.frame.set_index("XZQDM")["DCMJ"], sums.loc[xzq.frame["XZQDM"]], rtol=1e-9)
    assert xzq.frame["XZQMC"].iloc[0] == "城关镇"


def test_dltb_attributes(county: SampleCounty) -> None:
    frame = county["DLTB"].frame
    assert frame["BSM"].is_unique and (frame["BSM"].str.len() == 18).all()
    assert (frame["YSDM"] == "2001010100").all()
    assert frame["DLBM"].isin(list(SANDIAO_CLASSES)).all()
    assert (frame["DLMC"] == frame["DLBM"].map(SANDIAO_CLASSES)).all()
    assert (frame["XZQDM"].str.len() == 12).all() and frame["XZQDM"].str.startswith("371525").all()
    assert (frame["ZLDWDM"].str.len() == 19).all() and (frame["ZLDWDM"].str[:9] == frame["XZQDM"].str[:9]).all()
    assert not frame.duplicated(["ZLDWDM", "TBBH"]).any()
    assert frame["ZLDWMC"].str.contains("村|社区").all()
    assert frame["QSXZ"].isin(["10", "30"]).all()
    assert np.allclose(frame["TBMJ"], np.round(shapely.area(county["DLTB"].geometry), 2))
    assert (frame["TBDLMJ"] == frame["TBMJ"] - frame["KCMJ"]).all() and (frame["TBMJ"] > 0).all()
    assert (frame["SJNF"] == 2024).all() and (frame["MSSM"] == "00").all()


def test_land_use_mix_is_plausible(county: SampleCounty) -> None:
    assert 0.35 <= area_share(county, CULTIVATED) <= 0.55
    assert 0.12 <= area_share(county, FOREST + ("0404",)) <= 0.40
    assert 0.01 <= area_share(county, ("1101", "1102", "1103", "1104", "1104A", "1106", "1107")) <= 0.08
    assert 0.02 <= area_share(county, ("0702",)) <= 0.10
    assert 0.01 <= area_share(county, ("0701", "05H1", "0601", "08H1", "08H2", "1004")) <= 0.08
    present = set(county["DLTB"].frame["DLBM"])
    assert {"0101", "0102", "0103", "0301", "0404", "0701", "0702", "1101", "1102", "1103", "1003"} <= present


def test_land_use_is_spatially_coherent(county: SampleCounty) -> None:
    """Neighbours share their class far more often than random placement would give."""
    dltb = county["DLTB"]
    left, right = shapely.STRtree(dltb.geometry).query(dltb.geometry, predicate="touches")
    codes = dltb.frame["DLBM"].to_numpy()
    same = (codes[left] == codes[right]).mean()
    shares = dltb.frame["DLBM"].value_counts(normalize=True)
    assert same > 1.5 * float((shares ** 2).sum())


def test_three_control_lines_do_not_overlap(county: SampleCounty) -> None:
    pbf, red, udb = (county[name].geometry for name in ("YJJBNTBHTB", "STBHHX", "CZKFBJ"))
    for a, b in ((pbf, red), (pbf, udb), (red, udb)):
        areas = overlap_areas(a, b)
        assert not len(areas) or areas.max() < TOUCH
    for layer in (pbf, red, udb):
        assert shapely.is_valid(layer).all()
        assert overlap_areas(layer).max(initial=0.0) < TOUCH


def test_permanent_farmland_is_cultivated_dltb(county: SampleCounty) -> None:
    pbf, dltb = county["YJJBNTBHTB"], county["DLTB"]
    assert pbf.frame["DLBM"].isin(list(CULTIVATED)).all()
    assert pbf.frame["BSM"].is_unique
    share = pbf.frame["YJJBNTMJ"].sum() / dltb.frame.loc[dltb.frame["DLBM"].isin(list(CULTIVATED)), "TBMJ"].sum()
    assert 0.6 < share < 0.98
    merged = pbf.frame.merge(dltb.frame.reset_index(), on=["ZLDWDM", "TBBH"], suffixes=("", "_dltb"))
    assert len(merged) == len(pbf.frame)
    assert shapely.equals(pbf.geometry, dltb.geometry[merged["index"].to_numpy()]).all()


def test_planning_layers_tile_the_county(county: SampleCounty) -> None:
    for name, field, codes in (("GHFQ", "GHFQDM", GHFQ_CLASSES), ("YDYHGHFQ", "YDYHFLDM", YDYH_CLASSES)):
        layer = county[name]
        assert layer.frame[field].isin(list(codes)).all(), name
        assert shapely.is_valid(layer.geometry).all(), name
        assert shapely.area(layer.geometry).sum() == pytest.approx(county.boundary.area, rel=1e-9), name
        assert np.allclose(layer.frame["MJ"], shapely.area(layer.geometry), rtol=1e-9, atol=0.0051), name
        assert layer.area_field == "MJ" and layer.area_unit == "m2"
    assert set(county["CZKFBJ"].frame["GHFQDM"]) <= {"410", "420", "430"}
    assert "410" in set(county["CZKFBJ"].frame["GHFQDM"])
    ghfq = set(county["GHFQ"].frame["GHFQDM"])
    assert {"120", "310", "410", "520"} <= ghfq


def test_monitoring_layers_have_findings(county: SampleCounty) -> None:
    jctb, xmyd = county["JCTB"], county["XMYD"]
    pbf, red, udb = (shapely.union_all(county[name].geometry) for name in ("YJJBNTBHTB", "STBHHX", "CZKFBJ"))
    for layer in (jctb, xmyd):
        assert shapely.is_valid(layer.geometry).all()
        assert shapely.within(layer.geometry, county.boundary).all()
        assert layer.frame[layer.key].is_unique
        assert shapely.intersects(layer.geometry, red).any() and shapely.intersects(layer.geometry, pbf).any()
        assert (~shapely.intersects(layer.geometry, udb)).any() and shapely.within(layer.geometry, udb).any()
    assert 50 <= len(jctb.frame) <= 150 and 20 <= len(xmyd.frame) <= 40
    assert overlap_areas(jctb.geometry).max(initial=0.0) < TOUCH
    assert (jctb.frame["JCSDQ"] < jctb.frame["JCSDH"]).all()
    assert jctb.frame["BGQDL"].isin(list(SANDIAO_CLASSES)).all()
    assert xmyd.frame["YDYHFLDM"].isin(list(YDYH_CLASSES)).all() and xmyd.frame["XMMC"].is_unique


def test_population_and_targets(county: SampleCounty) -> None:
    rksj, ghmb, xzq = county["RKSJ"].frame, county["GHMB"].frame, county["XZQ"].frame
    assert (rksj["CZHRK"] == rksj["CZRK"] + rksj["XCRK"]).all() and (rksj["CZRK"] > 0).all()
    assert len(rksj) == len(xzq) * rksj["ND"].nunique()
    assert set(ghmb["ZBDM"]) == {zbdm for zbdm, _, _ in INDICATORS} and (ghmb["DW"] == "公顷").all()
    county_rows = ghmb[ghmb["XZQDM"] == "371525000000"].set_index("ZBDM")["MBZ"]
    township_sums = ghmb[ghmb["XZQDM"] != "371525000000"].groupby("ZBDM")["MBZ"].sum()
    assert np.allclose(county_rows.loc[township_sums.index], township_sums, atol=1e-3)
    pbf_ha = county["YJJBNTBHTB"].frame["YJJBNTMJ"].sum() / 1e4
    assert county_rows["YJJBNTBHMJ"] == pytest.approx(pbf_ha, rel=1e-6)


def test_area_function_is_used_for_every_area_field() -> None:
    doubled = generate_county(PARCELS, SEED, area_function=lambda g: 2.0 * shapely.area(g))
    for layer in doubled.layers.values():
        if layer.area_field:
            assert layer.area_unit == "m2"
            measured = shapely.area(layer.geometry)  # stored with 2 decimals; DCMJ sums rounded TBMJ
            assert np.allclose(layer.frame[layer.area_field], 2.0 * measured, rtol=1e-8, atol=0.0051), layer.name


# ----------------------------------------------------------------------------------------------------------------
# Defects variant
# ----------------------------------------------------------------------------------------------------------------

RULES = {"geometry.invalid", "geometry.null", "key.duplicate", "code.unknown", "schema.missing_field",
         "schema.wrong_type", "conflict.control_lines", "topology.gap", "topology.overlap", "area.mismatch"}


def test_defects_manifest_is_well_formed(defects: tuple[SampleCounty, list[dict]]) -> None:
    _, manifest = defects
    assert [entry["id"] for entry in manifest] == [f"D{i:02d}" for i in range(1, 13)]
    assert {entry["rule"] for entry in manifest} == RULES
    for entry in manifest:
        assert {"id", "rule", "layer", "key_field", "key", "description"} <= set(entry)
        assert (entry["key"] is None) == (entry["key_field"] is None)
    assert plant_defects(generate_county(PARCELS, SEED), SEED)[1] == manifest


def test_defects_leave_the_clean_county_alone(county: SampleCounty, defects) -> None:
    assert "TBDLMJ" in county["DLTB"].frame.columns
    assert shapely.is_valid(county["DLTB"].geometry).all()
    assert not shapely.is_missing(county["YJJBNTBHTB"].geometry).any()
    assert county["CZKFBJ"].frame["XZQDM"].map(type).eq(str).all()


def by_id(manifest: list[dict], defect_id: str) -> dict:
    return next(entry for entry in manifest if entry["id"] == defect_id)


def test_planted_geometry_and_attribute_defects(defects) -> None:
    county, manifest = defects
    dltb, pbf = county["DLTB"], county["YJJBNTBHTB"]
    assert not shapely.is_valid(dltb.geometry[feature(dltb, by_id(manifest, "D01")["key"])])
    assert shapely.is_missing(pbf.geometry[feature(pbf, by_id(manifest, "D02")["key"])])
    assert (dltb.frame["BSM"] == by_id(manifest, "D03")["key"]).sum() == 2
    assert dltb.frame.at[feature(dltb, by_id(manifest, "D04")["key"]), "DLBM"] == "9999"
    plan = county["YDYHGHFQ"]
    assert plan.frame.at[feature(plan, by_id(manifest, "D05")["key"]), "YDYHFLDM"] == "9901"
    assert "TBDLMJ" not in dltb.frame.columns and "TBDLMJ" not in [spec.name for spec in dltb.fields]
    udb = county["CZKFBJ"]
    assert pd.api.types.is_integer_dtype(udb.frame["XZQDM"])
    assert next(spec.kind for spec in udb.fields if spec.name == "XZQDM") == "int"


@pytest.mark.parametrize("defect_id, other", [("D08", "CZKFBJ"), ("D09", "STBHHX")])
def test_planted_control_line_conflicts(defects, defect_id: str, other: str) -> None:
    county, manifest = defects
    entry = by_id(manifest, defect_id)
    pbf, line = county["YJJBNTBHTB"], county[other]
    assert entry["other_layer"] == other
    parcel = pbf.geometry[feature(pbf, entry["key"])]
    polygon = line.geometry[feature(line, entry["other_key"])]
    assert shapely.intersection(parcel, polygon).area == pytest.approx(parcel.area, rel=1e-6)
    assert line.frame.at[feature(line, entry["other_key"]), "MJ"] == pytest.approx(polygon.area, abs=0.01)


def test_planted_topology_and_area_defects(county: SampleCounty, defects) -> None:
    broken, manifest = defects
    dltb = broken["DLTB"]
    gap = feature(dltb, by_id(manifest, "D10")["key"])
    assert dltb.geometry[gap].area < county["DLTB"].geometry[gap].area - 1.0
    assert shapely.union_all(dltb.geometry[shapely.is_valid(dltb.geometry)]).area < county.boundary.area - 1.0
    overlap = feature(dltb, by_id(manifest, "D11")["key"])
    others = np.delete(np.arange(len(dltb.geometry)), overlap)
    assert overlap_areas(dltb.geometry[[overlap]], dltb.geometry[others]).max() > 1.0
    wrong = feature(dltb, by_id(manifest, "D12")["key"])
    assert dltb.frame.at[wrong, "TBMJ"] / dltb.geometry[wrong].area == pytest.approx(1.05, rel=1e-4)
    fine = np.flatnonzero(~np.isin(np.arange(len(dltb.frame)), [gap, overlap, wrong]))
    assert np.allclose(dltb.frame["TBMJ"].to_numpy()[fine], county["DLTB"].frame["TBMJ"].to_numpy()[fine])
