"""End-to-end test of ``scripts/make_sample_data.py`` (GDAL/OGR writer of the sample county)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely

gdal = pytest.importorskip("osgeo.gdal")
ogr = pytest.importorskip("osgeo.ogr")
osr = pytest.importorskip("osgeo.osr")

from planmonitor_plugin.core.area import polygon_areas  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "make_sample_data.py"
PARCELS = 2000
LAYERS = ["XZQ", "DLTB", "YJJBNTBHTB", "STBHHX", "CZKFBJ", "GHFQ", "YDYHGHFQ", "JCTB", "XMYD", "RKSJ", "GHMB"]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("sample")
    result = subprocess.run([sys.executable, str(SCRIPT), "--out", str(directory), "--parcels", str(PARCELS),
                             "--variant", "both"], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "DLTB" in result.stdout and "written in" in result.stdout
    gdal.UseExceptions()
    return directory


def open_vector(path: Path, **options: str):
    # QGIS's OGR provider sets SHAPE_ENCODING="" process-wide once it has opened a Shapefile
    # (it recodes itself); reset it so GDAL honours .cpg files as any plain GDAL reader would.
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    return gdal.OpenEx(str(path), gdal.OF_VECTOR, open_options=[f"{k}={v}" for k, v in options.items()])


def read_layer(dataset, name: str) -> tuple[list[dict], np.ndarray]:
    """Attributes and shapely geometries of one layer."""
    layer = dataset.GetLayerByName(name)
    rows, wkb = [], []
    for feature in layer:
        rows.append(feature.items())
        geometry = feature.GetGeometryRef()
        wkb.append(None if geometry is None else bytes(geometry.ExportToWkb()))
    return rows, shapely.from_wkb(np.array(wkb, dtype=object))


def epsg(layer) -> str | None:
    srs = layer.GetSpatialRef()
    return None if srs is None else srs.GetAuthorityCode(None)


def to_lonlat(geometries: np.ndarray) -> np.ndarray:
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4527)
    target.ImportFromEPSG(4490)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    moved = np.asarray(osr.CoordinateTransformation(source, target).TransformPoints(
        shapely.get_coordinates(geometries)))[:, :2]
    return shapely.set_coordinates(shapely.transform(geometries, lambda c: c), moved)


def test_geopackages_hold_all_layers_in_their_crs(out: Path) -> None:
    for name in ("样例县.gpkg", "样例县_缺陷.gpkg"):
        dataset = open_vector(out / name)
        layers = {dataset.GetLayer(i).GetName(): dataset.GetLayer(i) for i in range(dataset.GetLayerCount())}
        assert sorted(layers) == sorted(LAYERS), name
        assert layers["DLTB"].GetFeatureCount() == PARCELS
        assert epsg(layers["STBHHX"]) == "4490"
        assert all(epsg(layers[n]) == "4527" for n in LAYERS[:-2] if n != "STBHHX")
        assert layers["RKSJ"].GetGeomType() == ogr.wkbNone and layers["GHMB"].GetFeatureCount() > 0


def test_red_line_is_geographic_and_inside_the_county(out: Path) -> None:
    dataset = open_vector(out / "样例县.gpkg")
    _, red = read_layer(dataset, "STBHHX")
    minx, miny, maxx, maxy = shapely.total_bounds(red)
    assert 116.5 < minx < maxx < 117.7 and 35.6 < miny < maxy < 36.4
    _, dltb = read_layer(dataset, "DLTB")
    county = to_lonlat(np.array([shapely.union_all(dltb)], dtype=object))[0]
    assert shapely.within(shapely.buffer(red, -1e-7), county).all()


def test_area_fields_are_ellipsoidal(out: Path) -> None:
    dataset = open_vector(out / "样例县.gpkg")
    rows, dltb = read_layer(dataset, "DLTB")
    tbmj = np.array([row["TBMJ"] for row in rows])
    assert np.allclose(tbmj, polygon_areas(to_lonlat(dltb)), rtol=1e-7, atol=0.006)
    assert not np.allclose(tbmj, shapely.area(dltb), rtol=1e-7, atol=0.006)  # planar would differ
    rows, red = read_layer(dataset, "STBHHX")
    assert np.allclose([row["MJ"] for row in rows], polygon_areas(red), rtol=1e-7, atol=0.006)


def test_clean_control_lines_still_disjoint_after_the_round_trip(out: Path) -> None:
    dataset = open_vector(out / "样例县.gpkg")
    _, pbf = read_layer(dataset, "YJJBNTBHTB")
    _, red = read_layer(dataset, "STBHHX")
    left, right = shapely.STRtree(red).query(to_lonlat(pbf), predicate="intersects")
    lonlat_overlap = shapely.area(shapely.intersection(to_lonlat(pbf)[left], red[right]))
    assert not len(lonlat_overlap) or lonlat_overlap.max() < 1e-12  # deg²: ~1e-2 m² at most


def test_gbk_shapefile_with_cpg(out: Path) -> None:
    shp = out / "shp" / "永久基本农田.shp"
    assert shp.with_suffix(".cpg").read_text().strip().upper() == "GBK"
    rows, _ = read_layer(open_vector(shp), "永久基本农田")
    expected, _ = read_layer(open_vector(out / "样例县.gpkg"), "YJJBNTBHTB")
    assert [row["ZLDWMC"] for row in rows] == [row["ZLDWMC"] for row in expected]
    assert [row["XZQMC"] for row in rows] == [row["XZQMC"] for row in expected]
    assert all("村" in row["ZLDWMC"] or "社区" in row["ZLDWMC"] for row in rows)
    raw = (shp.with_suffix(".dbf")).read_bytes()
    assert rows[0]["ZLDWMC"].encode("gbk") in raw


def test_shapefile_without_cpg_needs_a_guess(out: Path) -> None:
    shp = out / "shp_nocpg" / "永久基本农田.shp"
    assert shp.exists() and not shp.with_suffix(".cpg").exists()
    truth, _ = read_layer(open_vector(out / "shp" / "永久基本农田.shp"), "永久基本农田")
    guessed, _ = read_layer(open_vector(shp, ENCODING="GBK"), "永久基本农田")
    assert [row["ZLDWMC"] for row in guessed] == [row["ZLDWMC"] for row in truth]
    default, _ = read_layer(open_vector(shp), "永久基本农田")
    assert default[0]["ZLDWMC"] != truth[0]["ZLDWMC"]  # no .cpg, no LDID: read as Latin-1


def test_manifest_matches_the_defects_geopackage(out: Path) -> None:
    document = json.loads((out / "defects_manifest.json").read_text(encoding="utf-8"))
    assert document["file"] == "样例县_缺陷.gpkg" and document["parcels"] == PARCELS
    manifest = {entry["id"]: entry for entry in document["defects"]}
    assert len(manifest) == len(document["defects"]) == 12
    dataset = open_vector(out / "样例县_缺陷.gpkg")
    dltb = dataset.GetLayerByName("DLTB").GetLayerDefn()
    assert dltb.GetFieldIndex(manifest["D06"]["field"]) < 0 and dltb.GetFieldIndex("TBMJ") >= 0
    udb = dataset.GetLayerByName("CZKFBJ").GetLayerDefn()
    assert udb.GetFieldDefn(udb.GetFieldIndex("XZQDM")).GetType() in (ogr.OFTInteger, ogr.OFTInteger64)
    rows, geometry = read_layer(dataset, "DLTB")
    keys = [row["BSM"] for row in rows]
    assert not geometry[keys.index(manifest["D01"]["key"])].is_valid
    assert keys.count(manifest["D03"]["key"]) == 2
    rows, geometry = read_layer(dataset, "YJJBNTBHTB")
    assert geometry[[row["BSM"] for row in rows].index(manifest["D02"]["key"])] is None


def test_qgis_reads_the_outputs(out: Path, qgis_app) -> None:
    from qgis.core import QgsVectorLayer

    red = QgsVectorLayer(f"{out / '样例县.gpkg'}|layername=STBHHX", "STBHHX", "ogr")
    assert red.isValid() and red.crs().authid() == "EPSG:4490"
    dltb = QgsVectorLayer(f"{out / '样例县.gpkg'}|layername=DLTB", "DLTB", "ogr")
    assert dltb.isValid() and dltb.crs().authid() == "EPSG:4527" and dltb.featureCount() == PARCELS
    pbf = QgsVectorLayer(str(out / "shp" / "永久基本农田.shp"), "永久基本农田", "ogr")
    assert pbf.isValid()
    names = [feature["ZLDWMC"] for feature in pbf.getFeatures()]
    assert all("村" in name or "社区" in name for name in names)
