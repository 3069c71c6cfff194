"""The ``planmonitor`` Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from planmonitor_plugin.__about__ import RESOURCES_DIR, __version__
from planmonitor_plugin.processing.algorithms.build_work_package import BuildWorkPackageAlgorithm
from planmonitor_plugin.processing.algorithms.compute_indicators import ComputeIndicatorsAlgorithm
from planmonitor_plugin.processing.algorithms.convert_land_use import ConvertLandUseAlgorithm
from planmonitor_plugin.processing.algorithms.ellipsoidal_area import EllipsoidalAreaAlgorithm
from planmonitor_plugin.processing.algorithms.field_package import (
    ExportFieldPackageAlgorithm,
    ImportFieldPackageAlgorithm,
)
from planmonitor_plugin.processing.algorithms.land_use_conformity import LandUseConformityAlgorithm
from planmonitor_plugin.processing.algorithms.screen_change_patches import ScreenChangePatchesAlgorithm
from planmonitor_plugin.processing.algorithms.site_compliance import SiteComplianceAlgorithm
from planmonitor_plugin.processing.algorithms.sync_exchange import ExportExchangeAlgorithm, ImportExchangeAlgorithm
from planmonitor_plugin.processing.algorithms.sync_pull import PullTaskPackageAlgorithm
from planmonitor_plugin.processing.algorithms.sync_push import PushResultsAlgorithm
from planmonitor_plugin.processing.algorithms.validate_data import ValidateDataAlgorithm
from planmonitor_plugin.qgis_adapter.i18n import tr

PROVIDER_ID = "planmonitor"


def algorithm_classes() -> list:
    """Every algorithm the provider offers."""
    return [EllipsoidalAreaAlgorithm, ValidateDataAlgorithm, SiteComplianceAlgorithm, ScreenChangePatchesAlgorithm,
            ConvertLandUseAlgorithm, LandUseConformityAlgorithm, ComputeIndicatorsAlgorithm,
            BuildWorkPackageAlgorithm, ExportFieldPackageAlgorithm, ImportFieldPackageAlgorithm,
            PullTaskPackageAlgorithm, PushResultsAlgorithm, ExportExchangeAlgorithm, ImportExchangeAlgorithm]


class PlanMonitorProvider(QgsProcessingProvider):
    """Territorial spatial plan monitoring algorithms."""

    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return tr("PlanMonitor")

    def longName(self) -> str:  # noqa: N802
        return tr("PlanMonitor – territorial spatial plan monitoring") + f" {__version__}"

    def versionInfo(self) -> str:  # noqa: N802
        return __version__

    def icon(self) -> QIcon:
        return QIcon(str(RESOURCES_DIR / "icons" / "planmonitor.svg"))

    def loadAlgorithms(self) -> None:  # noqa: N802
        for algorithm_class in algorithm_classes():
            self.addAlgorithm(algorithm_class())
