"""QgsCoordinateReferenceSystem → core CRS verdicts, and transforms to CGCS2000."""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext

from planmonitor_plugin.core.crs import CGCS2000_GEOGRAPHIC, CrsKind, CrsVerdict, classify_crs
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
