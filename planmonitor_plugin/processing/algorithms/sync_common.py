"""Shared parts of the sync algorithms: the connection parameters, the client, progress and error messages."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from planmonitor_plugin.core.errors import Cancelled, PlanMonitorError
from planmonitor_plugin.core.workpackage import WorkPackage
from planmonitor_plugin.processing.algorithms.base import PlanMonitorAlgorithm
from planmonitor_plugin.qgis_adapter.i18n import tr
from planmonitor_plugin.qgis_adapter.sync_client import SyncClient, describe, get_connection


class SyncAlgorithm(PlanMonitorAlgorithm):
    """Base of the catalog and exchange algorithms (group 同步 Sync)."""

    CONNECTION = "CONNECTION"
    URL = "URL"
    AUTHCFG = "AUTHCFG"
    TIMEOUT = "TIMEOUT"
    WORK_PACKAGE = "WORK_PACKAGE"

    def group(self) -> str:
        return tr("Sync")

    def groupId(self) -> str:  # noqa: N802
        return "sync"

    def add_connection_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterString(
            self.CONNECTION, tr("Saved catalog connection (name)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.URL, tr("Catalog URL (instead of a saved connection)"), optional=True))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.AUTHCFG, tr("Authentication configuration"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TIMEOUT, tr("Time-out per request (seconds)"), QgsProcessingParameterNumber.Type.Double, 30.0,
            minValue=1.0, maxValue=600.0))

    def add_package_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.WORK_PACKAGE, tr("Work package (GeoPackage)"), extension="gpkg"))

    def client(self, parameters, context, feedback) -> SyncClient:
        """The client for the URL (+ authcfg) or the saved connection; progress and cancel through feedback."""
        url = self.parameterAsString(parameters, self.URL, context).strip()
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context).strip()
        name = self.parameterAsString(parameters, self.CONNECTION, context).strip()
        if not url and name:
            connection = get_connection(name)
            if connection is None:
                raise self.fail(tr("There is no saved catalog connection named “{name}”.").format(name=name))
            url, authcfg = connection.url, authcfg or connection.authcfg
        if not url:
            raise self.fail(tr("Give the catalog URL or the name of a saved connection."))

        def progress(fraction, text) -> None:
            if fraction is not None:
                feedback.setProgress(100.0 * fraction)

        try:
            return SyncClient(url, authcfg, self.parameterAsDouble(parameters, self.TIMEOUT, context),
                              progress=progress, cancelled=feedback.isCanceled)
        except PlanMonitorError as exc:
            raise self.sync_error(exc) from exc

    def open_package(self, parameters, context) -> WorkPackage:
        path = self.parameterAsFile(parameters, self.WORK_PACKAGE, context)
        try:
            return WorkPackage.open(path)
        except PlanMonitorError as exc:
            raise self.sync_error(exc) from exc

    def sync_error(self, exc: PlanMonitorError):
        if isinstance(exc, Cancelled):
            return self.core_error(exc)
        return self.fail(describe(exc), exc)
