"""QgsCoordinateReferenceSystem → core CRS verdicts, and transforms to CGCS2000."""

from __future__ import annotations

import numpy as np
from osgeo import osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
)

from planmonitor_plugin.core.crs import CGCS2000_GEOGRAPHIC, CGCS2000_KINDS, CrsKind, CrsVerdict, classify_crs
from planmonitor_plugin.qgis_adapter.i18n import tr


def cgcs2000_geographic() -> QgsCoordinateReferenceSystem:
    return QgsCoordinateReferenceSystem(f"EPSG:{CGCS2000_GEOGRAPHIC}")


def crs_verdict(crs: QgsCoordinateReferenceSystem) -> CrsVerdict:
    """Classify a layer CRS (EPSG id first, then the datum named in its WKT)."""
    if crs is None or not crs.isValid():
        return classify_crs("", "")
    datum = crs.toWkt() if not crs.authid() else f"{crs.description()} {crs.toWkt()}"
    return classify_crs(crs.authid(), datum)


def crs_message(verdict: CrsVerdict, layer_name: str) -> str:
    """A translated sentence naming the layer and its CRS problem."""
    texts = {
        CrsKind.MISSING: tr("Layer “{layer}” has no coordinate reference system: set the CRS it was delivered in."),
        CrsKind.XIAN1980: tr("Layer “{layer}” uses the Xi'an 1980 datum ({crs}): convert it to CGCS2000 first."),
        CrsKind.BEIJING1954: tr("Layer “{layer}” uses the Beijing 1954 datum ({crs}): convert it to CGCS2000 first."),
        CrsKind.WGS84: tr("Layer “{layer}” is in WGS 84 ({crs}), not CGCS2000: positions may differ by up to a metre."),
        CrsKind.OTHER: tr("Layer “{layer}” is in {crs}, which is not a CGCS2000 coordinate system."),
    }
    text = texts.get(verdict.kind, tr("Layer “{layer}” is in {crs} (CGCS2000)."))
    return text.format(layer=layer_name, crs=verdict.authid or tr("a custom CRS"))


def transform_to_cgcs2000(crs: QgsCoordinateReferenceSystem,
                          context: QgsCoordinateTransformContext) -> QgsCoordinateTransform:
    """Transform from a layer CRS to CGCS2000 longitude/latitude (EPSG:4490)."""
    return QgsCoordinateTransform(crs, cgcs2000_geographic(), context)


def gauss_kruger_3_degree(longitude: float) -> QgsCoordinateReferenceSystem:
    """The CGCS2000 3° Gauss–Krüger zone (with zone number, EPSG:4513–4533) containing ``longitude``."""
    zone = min(max(int(round(longitude / 3.0)), 25), 45)
    return QgsCoordinateReferenceSystem(f"EPSG:{4488 + zone}")


def working_crs(crs: QgsCoordinateReferenceSystem, longitude: float) -> QgsCoordinateReferenceSystem:
    """The projected CRS overlays run in: the layer's own if it is a projected CGCS2000 CRS (as QGIS's
    native overlays would use), else the 3° zone at ``longitude``."""
    verdict = crs_verdict(crs)
    if verdict.kind in CGCS2000_KINDS and verdict.kind is not CrsKind.CGCS2000_GEOGRAPHIC and not crs.isGeographic():
        return crs
    return gauss_kruger_3_degree(longitude)


def working_crs_of(source, transform_context: QgsCoordinateTransformContext) -> QgsCoordinateReferenceSystem:
    """The working CRS for a feature source's overlays: its own projected CGCS2000 CRS, else the 3° zone at the
    centre of its extent (117°E when the extent is unknown or cannot be transformed)."""
    extent = source.sourceExtent()
    centre = None
    if source.sourceCrs().isValid() and extent.isFinite() and not extent.isEmpty():
        try:
            centre = QgsCoordinateTransform(source.sourceCrs(), cgcs2000_geographic(),
                                            transform_context).transform(extent.center())
        except QgsCsException:
            centre = None
    return working_crs(source.sourceCrs(), centre.x() if centre else 117.0)


def lonlat_function(crs: QgsCoordinateReferenceSystem):
    """A vectorised map from (n, 2) coordinates in the CGCS2000 ``crs`` to EPSG:4490 longitude/latitude."""
    return coordinate_function(crs, cgcs2000_geographic())


def coordinate_function(source_crs: QgsCoordinateReferenceSystem, target_crs: QgsCoordinateReferenceSystem):
    """A vectorised map of (n, 2) coordinates between two CRSs (GDAL/PROJ, x = easting/longitude).

    Used between CRSs of the same datum (CGCS2000 lon/lat and its projections), where the
    operation is a pure map projection and agrees with QGIS's own transform.
    """
    source, target = (_osr_reference(crs) for crs in (source_crs, target_crs))
    transformation = osr.CoordinateTransformation(source, target)

    def transform(coordinates: np.ndarray) -> np.ndarray:
        if len(coordinates) == 0:
            return np.empty((0, 2))
        return np.asarray(transformation.TransformPoints(np.asarray(coordinates, dtype=float)[:, :2]))[:, :2]

    return transform


def same_datum_cgcs2000(first: QgsCoordinateReferenceSystem, second: QgsCoordinateReferenceSystem) -> bool:
    """Both CRSs are CGCS2000 (geographic or projected): a transform between them is a pure projection."""
    return all(crs.isValid() and crs_verdict(crs).kind in CGCS2000_KINDS for crs in (first, second))


def _osr_reference(crs: QgsCoordinateReferenceSystem) -> osr.SpatialReference:
    reference = osr.SpatialReference()
    if crs.authid().upper().startswith("EPSG:"):
        reference.ImportFromEPSG(int(crs.authid().split(":")[1]))
    else:
        reference.ImportFromWkt(crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED))
    reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return reference
