#!/usr/bin/env python3
"""Write the PlanMonitor sample county (样例县) with GDAL/OGR.

    python scripts/make_sample_data.py --out DIR [--parcels N] [--seed S] [--variant clean|defects|both]

clean:   DIR/样例县.gpkg (all layers; STBHHX in EPSG:4490, the rest in EPSG:4527; tables
         RKSJ and GHMB), DIR/shp/永久基本农田.shp (GBK, with a .cpg) and the same
         shapefile without its .cpg in DIR/shp_nocpg/ (readers must guess the encoding).
defects: DIR/样例县_缺陷.gpkg and DIR/defects_manifest.json (UTF-8).

Areas (TBMJ, MJ, …) are ellipsoidal: geometries are reprojected to EPSG:4490 with
OSR and measured by :func:`planmonitor_plugin.core.area.polygon_areas`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable

import numpy as np
import shapely
from osgeo import gdal, ogr, osr

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

from planmonitor_plugin.core.area import polygon_areas  # noqa: E402
from planmonitor_plugin.core.sample_county import (  # noqa: E402
    DEFAULT_SEED,
    GEOGRAPHIC_EPSG,
    MAX_PARCELS,
    MIN_PARCELS,
    SOURCE_EPSG,
    FieldSpec,
    LayerData,
    SampleCounty,
    generate_county,
    plant_defects,
)

CLEAN_GPKG = "样例县.gpkg"
DEFECTS_GPKG = "样例县_缺陷.gpkg"
MANIFEST = "defects_manifest.json"
PBF_SHAPEFILE = "永久基本农田"
SHAPEFILE_ENCODING = "GBK"


class Reprojector:
    """Vectorised reprojection of shapely geometries with cached OSR transformations."""

    def __init__(self) -> None:
        self._transforms: dict[tuple[int, int], osr.CoordinateTransformation] = {}

    @staticmethod
    def spatial_reference(epsg: int) -> osr.SpatialReference:
        """An SRS with x = easting / longitude whatever the EPSG axis order says."""
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(int(epsg))
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        return srs

    def transform(self, geometries: np.ndarray, source: int, target: int) -> np.ndarray:
        """The same geometries in EPSG:``target`` (missing geometries stay missing)."""
        geometries = np.asarray(geometries, dtype=object)
        if source == target:
            return geometries
        if (source, target) not in self._transforms:
            self._transforms[source, target] = osr.CoordinateTransformation(
                self.spatial_reference(source), self.spatial_reference(target))
        coordinates = shapely.get_coordinates(geometries)
        if not len(coordinates):
            return geometries.copy()
        moved = np.asarray(self._transforms[source, target].TransformPoints(coordinates))[:, :2]
        return shapely.set_coordinates(shapely.transform(geometries, lambda c: c), moved)

    def ellipsoidal_area_function(self) -> Callable[[np.ndarray], np.ndarray]:
        """``area_function`` for the generator: EPSG:4527 geometries → ellipsoidal m² on CGCS2000."""
        def area(geometries: np.ndarray) -> np.ndarray:
            return polygon_areas(self.transform(geometries, SOURCE_EPSG, GEOGRAPHIC_EPSG))
        return area


# ----------------------------------------------------------------------------------------------------------------
# Layers
# ----------------------------------------------------------------------------------------------------------------

def _field_definition(spec: FieldSpec, values: np.ndarray, max_width: int) -> ogr.FieldDefn:
    """OGR field for a :class:`FieldSpec` (integers become Integer64 when they need it)."""
    if spec.kind == "int":
        large = len(values) and np.abs(np.asarray(values, dtype=np.int64)).max() >= 2 ** 31
        definition = ogr.FieldDefn(spec.name, ogr.OFTInteger64 if large else ogr.OFTInteger)
    elif spec.kind == "float":
        definition = ogr.FieldDefn(spec.name, ogr.OFTReal)
    elif spec.kind == "date":
        definition = ogr.FieldDefn(spec.name, ogr.OFTDate)
    else:
        definition = ogr.FieldDefn(spec.name, ogr.OFTString)
    if spec.width:
        definition.SetWidth(min(spec.width, max_width))
    if spec.precision:
        definition.SetPrecision(spec.precision)
    return definition


_SETTERS = {"int": ogr.Feature.SetFieldInteger64, "float": ogr.Feature.SetField,
            "str": ogr.Feature.SetFieldString, "date": ogr.Feature.SetFieldString}


def _columns(layer: LayerData) -> list[tuple[Callable, list]]:
    """(setter, Python values) per field, in field order."""
    columns = []
    for spec in layer.fields:
        values = layer.frame[spec.name]
        if spec.kind == "int":
            values = values.astype("int64")
        elif spec.kind == "float":
            values = values.astype(float)
        columns.append((_SETTERS[spec.kind], values.tolist()))
    return columns


def _geometry_type(geometries: np.ndarray) -> tuple[int, np.ndarray]:
    """OGR geometry type of a layer and its geometries (all promoted to multi if any part is multi)."""
    kinds = shapely.get_type_id(geometries)
    present = kinds >= 0
    if not (kinds[present] == shapely.GeometryType.MULTIPOLYGON).any():
        return ogr.wkbPolygon, geometries
    promoted = geometries.copy()
    single = np.flatnonzero(kinds == shapely.GeometryType.POLYGON)
    promoted[single] = shapely.multipolygons(geometries[single], indices=np.arange(len(single)))
    return ogr.wkbMultiPolygon, promoted


def create_layer(dataset: ogr.DataSource, layer: LayerData, reprojector: Reprojector, name: str | None = None,
                 options: list[str] | None = None) -> tuple[ogr.Layer, np.ndarray | None]:
    """Create the OGR layer and its fields; returns it with the geometries to write (as WKB)."""
    wkb, srs, geometry_type = None, None, ogr.wkbNone
    if not layer.is_table:
        geometry = reprojector.transform(layer.geometry, layer.crs, layer.output_crs)
        geometry_type, geometry = _geometry_type(geometry)
        srs = reprojector.spatial_reference(layer.output_crs)
        wkb = shapely.to_wkb(geometry)
    out = dataset.CreateLayer(name or layer.name, srs, geometry_type, options=options or [])
    max_width = 254 if dataset.GetDriver().GetName() == "ESRI Shapefile" else 1 << 30  # dBASE limit
    for spec in layer.fields:
        out.CreateField(_field_definition(spec, layer.frame[spec.name].to_numpy(), max_width))
    return out, wkb


def write_layer(dataset: ogr.DataSource, layer: LayerData, reprojector: Reprojector, name: str | None = None,
                options: list[str] | None = None) -> int:
    """Write one layer in one transaction; returns the number of features."""
    out, wkb = create_layer(dataset, layer, reprojector, name, options)
    definition = out.GetLayerDefn()
    columns = _columns(layer)
    out.StartTransaction()
    for row in range(len(layer.frame)):
        feature = ogr.Feature(definition)
        for index, (setter, values) in enumerate(columns):
            value = values[row]
            if value is not None and value == value:  # skip None and NaN: the field stays NULL
                setter(feature, index, value)
        if wkb is not None and wkb[row] is not None:
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb[row]))
        out.CreateFeature(feature)
    out.CommitTransaction()
    return len(layer.frame)


# ----------------------------------------------------------------------------------------------------------------
# Files
# ----------------------------------------------------------------------------------------------------------------

def _fresh(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        ogr.GetDriverByName("GPKG" if path.suffix == ".gpkg" else "ESRI Shapefile").DeleteDataSource(str(path))
    return path


def write_geopackage(county: SampleCounty, path: Path, reprojector: Reprojector) -> list[tuple[str, int, int | None]]:
    """All layers into one GeoPackage; returns (layer, features, EPSG) rows."""
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(_fresh(path)))
    summary = []
    for layer in county.layers.values():
        options = [f"DESCRIPTION={layer.alias}"]
        summary.append((layer.name, write_layer(dataset, layer, reprojector, options=options), layer.output_crs))
    dataset = None
    return summary


def write_shapefile(layer: LayerData, directory: Path, reprojector: Reprojector, keep_cpg: bool = True) -> Path:
    """``layer`` as a GBK-encoded shapefile; without ``keep_cpg`` the .cpg is removed afterwards."""
    path = _fresh(directory / f"{PBF_SHAPEFILE}.shp")
    dataset = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    write_layer(dataset, layer, reprojector, name=PBF_SHAPEFILE, options=[f"ENCODING={SHAPEFILE_ENCODING}"])
    dataset = None
    if not keep_cpg:
        path.with_suffix(".cpg").unlink(missing_ok=True)
    return path


def write_clean(county: SampleCounty, out: Path, reprojector: Reprojector) -> list[tuple[str, int, int | None]]:
    summary = write_geopackage(county, out / CLEAN_GPKG, reprojector)
    write_shapefile(county["YJJBNTBHTB"], out / "shp", reprojector)
    write_shapefile(county["YJJBNTBHTB"], out / "shp_nocpg", reprojector, keep_cpg=False)
    return summary


def write_defects(county: SampleCounty, out: Path, reprojector: Reprojector) -> list[tuple[str, int, int | None]]:
    defects, manifest = plant_defects(county)
    summary = write_geopackage(defects, out / DEFECTS_GPKG, reprojector)
    document = {"county": county.county_name, "parcels": county.parcels, "seed": county.seed,
                "file": DEFECTS_GPKG, "defects": manifest}
    (out / MANIFEST).write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return summary


# ----------------------------------------------------------------------------------------------------------------
# Command line
# ----------------------------------------------------------------------------------------------------------------

def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Write the PlanMonitor sample county (样例县).")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--parcels", type=int, default=MIN_PARCELS,
                        help=f"number of DLTB parcels, {MIN_PARCELS}-{MAX_PARCELS} (default {MIN_PARCELS})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--variant", choices=("clean", "defects", "both"), default="both")
    arguments = parser.parse_args(argv)
    if not MIN_PARCELS <= arguments.parcels <= MAX_PARCELS:
        parser.error(f"--parcels must be between {MIN_PARCELS} and {MAX_PARCELS}")
    return arguments


def _print_summary(title: str, rows: list[tuple[str, int, int | None]]) -> None:
    print(title)
    for name, count, epsg in rows:
        print(f"  {name:<12} {count:>8}  {'table' if epsg is None else f'EPSG:{epsg}'}")


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    gdal.UseExceptions()
    ogr.UseExceptions()
    osr.UseExceptions()
    started = time.perf_counter()
    reprojector = Reprojector()
    county = generate_county(arguments.parcels, arguments.seed, area_function=reprojector.ellipsoidal_area_function())
    generated = time.perf_counter()
    print(f"generated {county.county_name}: {arguments.parcels} parcels, seed {arguments.seed} "
          f"in {generated - started:.1f} s")
    arguments.out.mkdir(parents=True, exist_ok=True)
    if arguments.variant in ("clean", "both"):
        _print_summary(str(arguments.out / CLEAN_GPKG), write_clean(county, arguments.out, reprojector))
    if arguments.variant in ("defects", "both"):
        _print_summary(str(arguments.out / DEFECTS_GPKG), write_defects(county, arguments.out, reprojector))
    print(f"written in {time.perf_counter() - generated:.1f} s (total {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
