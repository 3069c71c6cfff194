"""QGIS features ⇄ shapely arrays and pandas frames, through WKB.

Reading a QgsFeatureSource is unavoidably one feature at a time in Python; it is
done here in chunks, so the core gets whole arrays and memory stays bounded.
"""

from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsField,
    QgsGeometry,
    QgsProcessingFeatureSource,
)
from qgis.PyQt.QtCore import QVariant

DEFAULT_CHUNK_SIZE = 50_000


def iter_feature_chunks(source: QgsFeatureSource, request: QgsFeatureRequest | None = None,
                        chunk_size: int = DEFAULT_CHUNK_SIZE,
                        skip_validity_checks: bool = False) -> Iterator[list[QgsFeature]]:
    """The source's features as lists of at most ``chunk_size``.

    ``skip_validity_checks`` reads invalid geometries too, whatever the Processing
    setting, for algorithms that report them per feature instead of dropping them.
    """
    request = request or QgsFeatureRequest()
    if skip_validity_checks and isinstance(source, QgsProcessingFeatureSource):
        features = source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
    else:
        features = source.getFeatures(request)
    chunk: list[QgsFeature] = []
    for feature in features:  # PyQGIS yields a new QgsFeature each time: no copy needed
        chunk.append(feature)
        if len(chunk) >= chunk_size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _geometry_wkb(geometry: QgsGeometry, transform: QgsCoordinateTransform | None) -> bytes | None:
    """WKB of a feature's geometry (``feature.geometry()`` is already a copy, so it is transformed in place)."""
    if geometry.isNull():
        return None
    if transform is not None:
        geometry.transform(transform)
    return bytes(geometry.asWkb())


def features_to_geometries(features: list[QgsFeature],
                           transform: QgsCoordinateTransform | None = None) -> np.ndarray:
    """Shapely geometries of the features (None for null/empty), optionally transformed."""
    wkbs = [_geometry_wkb(feature.geometry(), transform) for feature in features]
    return shapely.from_wkb(np.array(wkbs, dtype=object), on_invalid="ignore")


def features_to_frame(features: list[QgsFeature], field_names: list[str]) -> pd.DataFrame:
    """Attributes as a DataFrame indexed by feature id; NULL becomes None."""
    rows = [[None if value is None or _is_qnull(value) else value for value in feature.attributes()]
            for feature in features]
    frame = pd.DataFrame(rows, columns=field_names)
    frame.index = pd.Index([feature.id() for feature in features], name="fid")
    return frame


def _is_qnull(value) -> bool:
    """QVariant NULL arrives in PyQGIS as a QVariant object whose isNull() is true."""
    is_null = getattr(value, "isNull", None)
    return bool(is_null()) if callable(is_null) and type(value).__name__ == "QVariant" else False


def qgis_field(name: str, values: pd.Series) -> QgsField:
    """A boolean, integer, double or text field for a result column."""
    if pd.api.types.is_bool_dtype(values):
        return QgsField(name, QVariant.Bool)
    if pd.api.types.is_integer_dtype(values):
        return QgsField(name, QVariant.LongLong)
    return QgsField(name, QVariant.Double if pd.api.types.is_numeric_dtype(values) else QVariant.String)


def to_qgis_value(value):
    """A pandas/numpy cell as a QGIS attribute: NaN and NA become NULL, numpy scalars plain Python."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if isinstance(value, np.generic) else value


def geometries_to_qgis(geometries: np.ndarray) -> list[QgsGeometry]:
    """Shapely geometries → QgsGeometry (None → null geometry)."""
    result = []
    for wkb in shapely.to_wkb(geometries, include_srid=False):
        geometry = QgsGeometry()
        if wkb is not None:
            geometry.fromWkb(wkb)
        result.append(geometry)
    return result


def split_polygons_and_points(geometries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per geometry, its polygonal part (MultiPolygon) and its point part (MultiPoint), else None.

    Error layers hold one geometry type each; a GeometryCollection (e.g. a gap with a
    dangling edge) keeps its polygons in the polygon layer instead of failing the write.
    """
    polygons = np.full(len(geometries), None, dtype=object)
    points = np.full(len(geometries), None, dtype=object)
    present = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
    if not present.any():
        return polygons, points
    parts, owner = shapely.get_parts(geometries[present], return_index=True)
    owner = np.flatnonzero(present)[owner]
    kinds = shapely.get_type_id(parts)
    for target, kind in ((polygons, 3), (points, 0)):
        chosen = kinds == kind
        if chosen.any():
            grouped = shapely.multipolygons if kind == 3 else shapely.multipoints
            index = np.unique(owner[chosen])
            target[index] = grouped(parts[chosen], indices=np.searchsorted(index, owner[chosen]))
    return polygons, points
