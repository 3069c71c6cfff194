"""Fixtures for tests in a real QGIS (pytest-qgis starts QgsApplication, offscreen)."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsVectorLayer

from planmonitor_plugin.processing.provider import PROVIDER_ID, PlanMonitorProvider

# A Python provider must stay referenced while registered, or QGIS is left with a
# C++ object whose Python overrides are gone (its id() turns into "").
_REGISTERED: list[PlanMonitorProvider] = []


def register_provider() -> PlanMonitorProvider:
    instance = PlanMonitorProvider()
    assert QgsApplication.processingRegistry().addProvider(instance)
    _REGISTERED.append(instance)
    return instance


@pytest.fixture
def provider(qgis_app, qgis_processing):
    """The PlanMonitor provider, registered as initProcessing would do it."""
    return QgsApplication.processingRegistry().providerById(PROVIDER_ID) or register_provider()


@pytest.fixture
def without_provider(qgis_processing):
    """No PlanMonitor provider while a test loads the plugin itself; one again afterwards."""
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById(PROVIDER_ID)
    if existing is not None:
        assert registry.removeProvider(existing)
    yield
    if registry.providerById(PROVIDER_ID) is None:
        register_provider()


def memory_layer(geometries, crs: str, name: str = "parcels", fields: str = "&field=BSM:string(18)",
                 attributes=None) -> QgsVectorLayer:
    """A memory polygon layer from QgsGeometry objects (None → feature without geometry)."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs}{fields}", name, "memory")
    features = []
    for index, geometry in enumerate(geometries):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(attributes[index] if attributes else [f"{index:018d}"])
        if geometry is not None:
            feature.setGeometry(geometry if isinstance(geometry, QgsGeometry) else QgsGeometry.fromWkt(geometry))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer
