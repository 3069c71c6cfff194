"""planmonitor:exportexchange / importexchange — the outbox through a folder on removable media (涉密 networks)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
)

from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.core.sync.workflow import export_outbox, import_exchange
from planmonitor_plugin.processing.algorithms.sync_common import SyncAlgorithm
from planmonitor_plugin.qgis_adapter.i18n import tr


class ExportExchangeAlgorithm(SyncAlgorithm):
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

    def name(self) -> str:
        return "exportexchange"

    def displayName(self) -> str:  # noqa: N802
        return tr("Export the outbox as an exchange package (导出交换包)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Writes the outbox of a work package — verdict events and photos not yet acknowledged by the "
                  "catalog — into an empty folder, with manifest.json listing the sha256 and size of every file "
                  "(written last). Carry the folder to the networked side and import it there. The outbox is "
                  "unchanged: only the catalog's receipts empty it.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_package_parameter()
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Exchange folder")))
        self.addOutput(QgsProcessingOutputNumber("EVENT_COUNT", tr("Verdict events exported")))
        self.addOutput(QgsProcessingOutputNumber("PHOTO_COUNT", tr("Photos exported")))
        self.addOutput(QgsProcessingOutputString("PACKAGE_ID", tr("Exchange package id")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        with self.open_package(parameters, context) as package:
            try:
                manifest = export_outbox(package, folder)
            except PlanMonitorError as exc:
                raise self.sync_error(exc) from exc
        events = sum(1 for e in manifest.files if e.path.startswith("events/"))
        photos = sum(1 for e in manifest.files if e.path.startswith("photos/") and e.path.count("/") == 1)
        feedback.pushInfo(tr("{events} verdict events and {photos} photos → {folder} (package {id})").format(
            events=events, photos=photos, folder=folder, id=manifest.package_id))
        return {self.OUTPUT_FOLDER: folder, "EVENT_COUNT": events, "PHOTO_COUNT": photos,
                "PACKAGE_ID": manifest.package_id}


class ImportExchangeAlgorithm(SyncAlgorithm):
    INPUT_FOLDER = "INPUT_FOLDER"

    def name(self) -> str:
        return "importexchange"

    def displayName(self) -> str:  # noqa: N802
        return tr("Import an exchange package (导入交换包)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Verifies an exchange package folder against its manifest (sha256 and size of every file) and "
                  "refuses it, naming every problem, when a file is missing, changed or unexpected. A verified "
                  "package is copied beside the work package and its verdict events and photos are merged by "
                  "their ids: re-importing is harmless, conflicting verdicts are listed, and the imported items "
                  "join the outbox for the catalog.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT_FOLDER, tr("Exchange folder"), QgsProcessingParameterFile.Behavior.Folder))
        self.add_package_parameter()
        for name, label in (("ACCEPTED_COUNT", tr("Added")), ("DUPLICATE_COUNT", tr("Already there")),
                            ("CONFLICT_COUNT", tr("Conflicting verdicts")), ("REJECTED_COUNT", tr("Rejected")),
                            ("REFUSED_COUNT", tr("Refused entries"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        folder = self.parameterAsFile(parameters, self.INPUT_FOLDER, context)
        with self.open_package(parameters, context) as package:
            try:
                result = import_exchange(folder, package)
            except PlanMonitorError as exc:
                raise self.sync_error(exc) from exc
        for refused in result.refused:
            feedback.pushWarning(tr("Refused {id}: {reason}").format(**refused))
        for row in result.report[result.report["outcome"] == "conflicting"].to_dict("records") \
                if len(result.report) else []:
            feedback.pushWarning(tr("Conflict on {item}: {detail}").format(item=row["item_id"], detail=row["detail"]))
        counts = {name: result.count(outcome) for name, outcome in (
            ("ACCEPTED_COUNT", "accepted"), ("DUPLICATE_COUNT", "duplicate"), ("CONFLICT_COUNT", "conflicting"),
            ("REJECTED_COUNT", "rejected"))}
        feedback.pushInfo(tr("{accepted} added, {duplicate} already there, {conflicting} conflicting, {rejected} "
                             "rejected").format(accepted=counts["ACCEPTED_COUNT"], duplicate=counts["DUPLICATE_COUNT"],
                                                conflicting=counts["CONFLICT_COUNT"],
                                                rejected=counts["REJECTED_COUNT"]))
        return {**counts, "REFUSED_COUNT": len(result.refused)}
