"""Data for the desktop smoke test (written with QGIS itself, in a tmp folder)."""

from __future__ import annotations

import pytest


@pytest.fixture
def demo_parcels(qgis_app, tmp_path):
    """A small GeoPackage with a DLTB layer of 5 × 4 parcels in EPSG:4527, Chinese values."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorFileWriter, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:4527&field=BSM:string(18)&field=DLBM:string(5)"
                           "&field=DLMC:string(60)", "DLTB", "memory")
    classes = [("0101", "水田"), ("0103", "旱地"), ("0301", "乔木林地"), ("0702", "农村宅基地")]
    features = []
    for index in range(20):
        x0, y0 = 39_500_000 + (index % 5) * 120, 4_000_000 + (index // 5) * 90
        feature = QgsFeature(layer.fields())
        code, name = classes[index % len(classes)]
        feature.setAttributes([f"{index:018d}", code, name])
        feature.setGeometry(QgsGeometry.fromWkt(
            f"POLYGON(({x0} {y0},{x0 + 120} {y0},{x0 + 120} {y0 + 90},{x0} {y0 + 90},{x0} {y0}))"))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.layerName = "DLTB"
    path = tmp_path / "样例地类图斑.gpkg"
    QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), layer.transformContext(), options)
    return path
