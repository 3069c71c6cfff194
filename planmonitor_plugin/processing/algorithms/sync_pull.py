"""planmonitor:pulltaskpackage — download a task package's review items into a work package."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingOutputNumber,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.processing.algorithms.sync_common import SyncAlgorithm
from planmonitor_plugin.qgis_adapter.i18n import tr
from planmonitor_plugin.qgis_adapter.sync_client import extent_bbox


class PullTaskPackageAlgorithm(SyncAlgorithm):
    """Catalog task package → work package (resumable: a re-run adds only what is missing)."""

    RECORD_ID = "RECORD_ID"
    EXTENT = "EXTENT"
    PAGE_SIZE = "PAGE_SIZE"

    def name(self) -> str:
        return "pulltaskpackage"

    def displayName(self) -> str:  # noqa: N802
        return tr("Pull a task package from the catalog (下载任务包)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Downloads the review items of a catalog task package (OGC API – Features, page by page) into a "
                  "work package, created when the file does not exist. Interrupted or cancelled downloads keep the "
                  "pages already written; running it again adds only what is missing. An optional extent limits "
                  "the download to the items it intersects. Answers are checked before use: malformed, oversized "
                  "or out-of-range data is refused with a message and nothing is written.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_connection_parameters()
        self.addParameter(QgsProcessingParameterString(self.RECORD_ID, tr("Task package id (catalog record)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.WORK_PACKAGE, tr("Work package"), tr("GeoPackage (*.gpkg)")))
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, tr("Only items in this extent"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.PAGE_SIZE, tr("Items per page"), QgsProcessingParameterNumber.Type.Integer, 100, minValue=1,
            maxValue=1000))
        for name, label in (("ITEM_COUNT", tr("Items downloaded")), ("INSERTED_COUNT", tr("Items added")),
                            ("UPDATED_COUNT", tr("Items updated")), ("UNCHANGED_COUNT", tr("Items already there"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        client = self.client(parameters, context, feedback)
        record_id = self.parameterAsString(parameters, self.RECORD_ID, context).strip()
        path = self.parameterAsFileOutput(parameters, self.WORK_PACKAGE, context)
        bbox = None
        if parameters.get(self.EXTENT):
            crs = self.parameterAsExtentCrs(parameters, self.EXTENT, context)
            bbox = extent_bbox(self.parameterAsExtent(parameters, self.EXTENT, context), crs
                               if crs.isValid() else QgsCoordinateReferenceSystem("EPSG:4326"))
        try:
            result = client.pull(path, record_id, bbox, self.parameterAsInt(parameters, self.PAGE_SIZE, context))
        except PlanMonitorError as exc:
            raise self.sync_error(exc) from exc
        counts = result.counts
        feedback.pushInfo(tr("{title}: {count} items downloaded in {pages} pages — {inserted} added, {updated} "
                             "updated, {unchanged} already there → {path}").format(
            title=result.record.title, count=result.features, pages=result.pages, path=path, **counts))
        return {self.WORK_PACKAGE: path, "ITEM_COUNT": result.features, "INSERTED_COUNT": counts["inserted"],
                "UPDATED_COUNT": counts["updated"], "UNCHANGED_COUNT": counts["unchanged"]}
