"""Reading the indicator inputs (land use, control lines, units, tables) from QGIS sources for the core.

Geometries come in CGCS2000 longitude/latitude (EPSG:4490), as the indicator engine
expects; only the attributes the engine uses are fetched (a 300 000-parcel DLTB has
dozens of fields the indicators never look at).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

import numpy as np
import pandas as pd
from qgis.core import QgsFeatureRequest

from planmonitor_plugin.qgis_adapter.conversion import features_to_geometries, iter_feature_chunks
from planmonitor_plugin.qgis_adapter.crs import transform_to_cgcs2000

YEAR_FIELD = "SJNF"  #: 数据年份 of a DLTB layer


def read_source(source, transform_context, fields: Optional[Sequence[str]] = None, cancelled=lambda: False,
                with_geometry: bool = True) -> tuple[pd.DataFrame, np.ndarray]:
    """(attributes, lon/lat shapely geometries) of a feature source, in chunks.

    ``fields`` limits the attributes read to those that exist in the source
    (None: all).  Invalid geometries are read as drawn (the engine repairs them).
    """
    names = source.fields().names()
    chosen = [name for name in names if fields is None or name in fields]
    indexes = [names.index(name) for name in chosen]
    request = QgsFeatureRequest().setSubsetOfAttributes(indexes)
    if not with_geometry:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    crs = source.sourceCrs()
    transform = transform_to_cgcs2000(crs, transform_context) if with_geometry and crs.isValid() else None
    frames, geometries = [], []
    for chunk in iter_feature_chunks(source, request, skip_validity_checks=True):
        if cancelled():
            break
        rows = [[_plain(feature.attributes()[i]) for i in indexes] for feature in chunk]
        frames.append(pd.DataFrame(rows, columns=chosen))
        if with_geometry:
            geometries.append(features_to_geometries(chunk, transform))
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=chosen)
    if not with_geometry:
        return frame, np.full(len(frame), None, dtype=object)
    geometry = np.concatenate(geometries) if geometries else np.empty(0, dtype=object)
    return frame, geometry


def _plain(value):
    """QVariant NULL → None; everything else unchanged."""
    if value is None:
        return None
    is_null = getattr(value, "isNull", None)
    if callable(is_null) and type(value).__name__ == "QVariant" and is_null():
        return None
    return value


def code_text(values: pd.Series) -> pd.Series:
    """A code column as text: 371525100000.0 (a spreadsheet cell read as a number) → '371525100000'."""
    def one(value):
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return value
    return values.astype(object).map(one)


def land_use_year(frame: pd.DataFrame) -> Optional[int]:
    """The most frequent 数据年份 (SJNF) of a land-use frame, or None."""
    if YEAR_FIELD not in frame.columns:
        return None
    years = pd.to_numeric(frame[YEAR_FIELD], errors="coerce").dropna()
    return int(years.mode().iloc[0]) if len(years) else None
