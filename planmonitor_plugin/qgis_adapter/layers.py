"""Open the layers a technician hands in — layers, GeoPackages, folders — and convert them for the core.

Everything is read through QGIS's OGR provider (GeoPackage, File GDB, Shapefile …);
geometries are transformed to CGCS2000 longitude/latitude (EPSG:4490) for the core.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.qgis_adapter.conversion import features_to_frame, features_to_geometries, iter_feature_chunks
from planmonitor_plugin.qgis_adapter.crs import transform_to_cgcs2000
from planmonitor_plugin.qgis_adapter.i18n import tr

VECTOR_SUFFIXES = {".shp", ".gpkg", ".geojson", ".json", ".sqlite", ".tab", ".kml", ".gml", ".fgb"}

_TYPE_NAMES = {
    QVariant.String: "string",
    QVariant.Int: "integer",
    QVariant.UInt: "integer",
    QVariant.LongLong: "integer",
    QVariant.ULongLong: "integer",
    QVariant.Double: "real",
    QVariant.Date: "date",
    QVariant.DateTime: "date",
}


@dataclass
class ReadLayer:
    """A layer as the core needs it, plus what the adapter knows about its source."""

    name: str
    layer: QgsVectorLayer
    frame: pd.DataFrame
    geometry: np.ndarray  # shapely, EPSG:4490 lon/lat
    fields: list[tuple[str, str, int | None]]
    encoding_note: str | None


def field_descriptions(layer: QgsVectorLayer) -> list[tuple[str, str, int | None]]:
    """(name, string/integer/real/date/other, declared length) for every field."""
    described = []
    for field in layer.fields():
        type_name = _TYPE_NAMES.get(field.type(), "other")
        length = field.length() if type_name == "string" and field.length() > 0 else None
        described.append((field.name(), type_name, length))
    return described


def layers_in_dataset(path: str) -> list[QgsVectorLayer]:
    """Every vector layer with geometry in a GeoPackage/File GDB/Shapefile, or in the files of a folder."""
    location = Path(path)
    if not location.exists():
        raise InputError(tr("“{path}” does not exist.").format(path=path), path=path)
    if location.is_dir() and location.suffix.lower() != ".gdb":
        files = sorted(p for p in location.iterdir() if p.suffix.lower() in VECTOR_SUFFIXES)
        return [layer for file in files for layer in layers_in_dataset(str(file))]
    layers = []
    for sublayer in _sublayer_names(str(location)):
        uri = f"{location}|layername={sublayer}" if sublayer else str(location)
        layer = QgsVectorLayer(uri, sublayer or location.stem, "ogr")
        if not layer.isValid():
            raise InputError(tr("Cannot open “{uri}”: the file is damaged or not a vector dataset.").format(uri=uri))
        if layer.geometryType() not in (QgsWkbTypes.GeometryType.NullGeometry,
                                        QgsWkbTypes.GeometryType.UnknownGeometry):
            layers.append(layer)
    if not layers and not _sublayer_names(str(location)):
        raise InputError(tr("“{path}” holds no vector layer QGIS can read.").format(path=path), path=path)
    return layers


def _sublayer_names(path: str) -> list[str]:
    """Layer names inside a dataset ("" for single-layer files such as Shapefiles)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("ogr")
    details = metadata.querySublayers(path) if hasattr(metadata, "querySublayers") else []
    names = [detail.name() for detail in details]
    return names if len(names) > 1 or path.lower().endswith((".gpkg", ".sqlite")) or Path(path).is_dir() else [""]


def encoding_note(layer: QgsVectorLayer) -> str | None:
    """Settle a Shapefile's text encoding when nothing declares it; a note saying what was done, else None.

    A .cpg file or the DBF's code-page byte (LDID) declares the encoding and GDAL follows it.
    Without either, QGIS would decode Chinese GBK text as garbage: the DBF records are read and
    the encoding that decodes them cleanly (UTF-8 first, then GBK/GB18030) is set on the layer.
    """
    source = layer.source().split("|")[0]
    if layer.providerType() != "ogr" or not source.lower().endswith(".shp"):
        return None
    dbf = Path(source).with_suffix(".dbf")
    if _declared_encoding(Path(source)) or not dbf.exists():
        return None
    guessed = guess_text_encoding(_dbf_records_sample(dbf))
    if guessed is None:
        return None  # plain ASCII: nothing to decide
    if guessed == "unknown":
        return tr("Shapefile without a .cpg file and its text is neither UTF-8 nor GBK: set the layer's encoding "
                  "in its properties, or add a .cpg file.")
    layer.setProviderEncoding(guessed)
    return tr("Shapefile without a .cpg file: its text was read as {encoding} (detected). Add a .cpg file saying "
              "{encoding} to make this certain.").format(encoding=guessed)


def _declared_encoding(shapefile: Path) -> bool:
    """True when a .cpg file or the DBF's language-driver byte names the code page."""
    if any(shapefile.with_suffix(suffix).exists() for suffix in (".cpg", ".CPG")):
        return True
    dbf = shapefile.with_suffix(".dbf")
    if not dbf.exists():
        return False
    with dbf.open("rb") as handle:
        header = handle.read(32)
    return len(header) == 32 and header[29] != 0


def _dbf_records_sample(dbf: Path, size: int = 512 * 1024) -> bytes:
    with dbf.open("rb") as handle:
        header = handle.read(32)
        header_length = int.from_bytes(header[8:10], "little") if len(header) == 32 else 32
        handle.seek(header_length)
        return handle.read(size)


def guess_text_encoding(sample: bytes) -> str | None:
    """None for ASCII, "UTF-8" or "GBK" when that decodes the sample cleanly, else "unknown"."""
    if all(byte < 0x80 for byte in sample[:65536]) and sample.isascii():
        return None
    for encoding, codec in (("UTF-8", "utf-8"), ("GBK", "gb18030")):
        text = sample.decode(codec, errors="replace")
        # a multi-byte character cut at the end of the sample is not an error
        if text[:-2].count("\ufffd") == 0:
            return encoding
    return "unknown"


def read_layer(layer, name: str, transform_context: QgsCoordinateTransformContext,
               cancelled=lambda: False, target_crs=None, near=None) -> ReadLayer:
    """Attributes, geometries and field descriptions of a layer or feature source (in chunks).

    Geometries come in CGCS2000 lon/lat (EPSG:4490), or in ``target_crs`` when given.
    ``near`` (rectangles in the layer's CRS) reads only the features whose bounding boxes
    meet one of them, through the provider's spatial index — e.g. the land-use parcels
    around a few construction sites instead of the whole county.
    """
    note = encoding_note(layer) if isinstance(layer, QgsVectorLayer) else None  # first: may set the encoding
    crs = layer.crs() if isinstance(layer, QgsVectorLayer) else layer.sourceCrs()
    if not crs.isValid():
        transform = None
    elif target_crs is not None:
        transform = QgsCoordinateTransform(crs, target_crs, transform_context)
    else:
        transform = transform_to_cgcs2000(crs, transform_context)
    field_names = layer.fields().names()
    request = QgsFeatureRequest() if near is None else QgsFeatureRequest().setFilterFids(feature_ids_near(layer, near))
    frames, geometries = [], []
    for chunk in iter_feature_chunks(layer, request, skip_validity_checks=True):
        if cancelled():
            break
        frames.append(features_to_frame(chunk, field_names))
        geometries.append(features_to_geometries(chunk, transform))
    frame = pd.concat(frames) if frames else pd.DataFrame(columns=field_names)
    geometry = np.concatenate(geometries) if geometries else np.empty(0, dtype=object)
    return ReadLayer(name, layer, frame, geometry, field_descriptions(layer), note)


def feature_ids_near(layer, rectangles) -> list[int]:
    """Ids of the features whose bounding boxes meet any of ``rectangles`` (layer CRS), via the spatial index."""
    ids: set[int] = set()
    for rectangle in rectangles:
        request = QgsFeatureRequest().setFilterRect(rectangle).setNoAttributes()
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        ids.update(feature.id() for feature in layer.getFeatures(request))
    return sorted(ids)
