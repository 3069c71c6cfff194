"""planmonitor:pushresults — push a work package's outbox (verdict events, photos) to the catalog."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterBoolean

from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.processing.algorithms.sync_common import SyncAlgorithm
from planmonitor_plugin.qgis_adapter.i18n import tr
from planmonitor_plugin.qgis_adapter.sync_client import receipts_text, summary

STATUSES = ("accepted", "duplicate", "rejected", "failed", "skipped")


class PushResultsAlgorithm(SyncAlgorithm):
    """Outbox → catalog, each item exactly once; receipts written into the work package."""

    INCLUDE_REJECTED = "INCLUDE_REJECTED"
    PULL_EVENTS = "PULL_EVENTS"

    def name(self) -> str:
        return "pushresults"

    def displayName(self) -> str:  # noqa: N802
        return tr("Push review results to the catalog (上传核查结果)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Pushes the outbox of a work package — verdict events, then photos (with sha256) — to the catalog "
                  "(OGC API – Features Part 4 create with the client's ids). Every item gets a receipt in the work "
                  "package: accepted, already on the server (an earlier answer was lost), or rejected with the "
                  "reason. Time-outs and server errors are retried with backoff; an item leaves the outbox only "
                  "when the server acknowledged it, so running it again after an interruption never duplicates "
                  "anything. Optionally pulls other reviewers' events afterwards and lists conflicts.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_connection_parameters()
        self.add_package_parameter()
        self.addParameter(QgsProcessingParameterBoolean(
            self.INCLUDE_REJECTED, tr("Send items the catalog rejected before again"), False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.PULL_EVENTS, tr("Then pull other reviewers' verdicts"), False))
        labels = {"accepted": tr("Accepted"), "duplicate": tr("Already on the server"), "rejected": tr("Rejected"),
                  "failed": tr("Failed (still in the outbox)"), "skipped": tr("Not sent (local problem)")}
        for status in STATUSES:
            self.addOutput(QgsProcessingOutputNumber(f"{status.upper()}_COUNT", labels[status]))
        self.addOutput(QgsProcessingOutputNumber("REMAINING_COUNT", tr("Still in the outbox")))
        self.addOutput(QgsProcessingOutputNumber("PULLED_COUNT", tr("Verdicts pulled from the catalog")))
        self.addOutput(QgsProcessingOutputNumber("CONFLICT_COUNT", tr("Conflicting verdicts pulled")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        client = self.client(parameters, context, feedback)
        include_rejected = self.parameterAsBoolean(parameters, self.INCLUDE_REJECTED, context)
        pulled = conflicts = 0
        with self.open_package(parameters, context) as package:
            try:
                result = client.push(package, include_rejected=include_rejected)
                if self.parameterAsBoolean(parameters, self.PULL_EVENTS, context):
                    incoming = client.pull_events(package)
                    pulled, conflicts = incoming.count("accepted") + incoming.count("conflicting"), \
                        incoming.count("conflicting")
                    for row in incoming.report[incoming.report["outcome"] == "conflicting"].to_dict("records"):
                        feedback.pushWarning(tr("Conflict on {item}: {detail}").format(item=row["item_id"],
                                                                                      detail=row["detail"]))
            except PlanMonitorError as exc:
                raise self.sync_error(exc) from exc
            remaining = len(package.outbox())
        if result.receipts:
            feedback.pushInfo(receipts_text(result.receipts))
        feedback.pushInfo(summary(result))
        if result.stopped:
            feedback.pushWarning(tr("The push stopped early: {reason}").format(reason=result.stopped))
        return {**{f"{s.upper()}_COUNT": result.count(s) for s in STATUSES}, "REMAINING_COUNT": remaining,
                "PULLED_COUNT": pulled, "CONFLICT_COUNT": conflicts}
