"""planmonitor:screenchangepatches — 监测图斑疑似违法筛查 (screening of monitoring change patches)."""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
)

from planmonitor_plugin.core.area import areas_via
from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.processing.algorithms.site_compliance import SiteComplianceAlgorithm
from planmonitor_plugin.qgis_adapter.crs import lonlat_function
from planmonitor_plugin.qgis_adapter.i18n import tr


class ScreenChangePatchesAlgorithm(SiteComplianceAlgorithm):
    """Change patches against the control lines, the plan and approvals: a suspected-violation review queue."""

    PATCHES = "PATCHES"
    APPROVED = "APPROVED"
    OUTPUT_PATCHES = "OUTPUT_PATCHES"

    def name(self) -> str:
        return "screenchangepatches"

    def displayName(self) -> str:  # noqa: N802
        return tr("Screen change patches (疑似违法筛查)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Screens monitoring change patches (JCTBBH, TBLX, JCMJ, BGQDL, BGHDL) against the ecological red line, "
            "permanent basic farmland, cultivated land, the urban development boundary and the planned land use "
            "(the class after the change, BGHDL, converted to 用地用海 through the crosswalk), and against approved "
            "land when given. A patch that is not compliant and not covered by approvals is flagged as a suspected "
            "violation (suspected = true) with its reasons in Chinese and English and the area of every rule in "
            "m², 公顷 and 亩; the unapproved area is reported too. The output is the review queue: filter on "
            "suspected. Same rule pack as the site check."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PATCHES, tr("Change patches (JCTB)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.add_constraint_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.APPROVED, tr("Approved land (批准用地), optional"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.RULES, tr("Rule pack (JSON; empty = bundled default)"), extension="json", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_PATCHES, tr("Screened patches (review queue)"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CONFLICTS, tr("Conflicts"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("PATCH_COUNT", tr("Patches")))
        self.addOutput(QgsProcessingOutputNumber("SUSPECTED_COUNT", tr("Suspected violations")))
        self.addOutput(QgsProcessingOutputString("RULE_PACK", tr("Rule pack used")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from planmonitor_plugin.core.compliance import load_rule_pack, screen_patches

        patches = self.source(parameters, self.PATCHES, context, feedback)
        if patches is None:
            raise self.fail(self.invalidSourceError(parameters, self.PATCHES))
        try:
            pack = load_rule_pack(self.parameterAsFile(parameters, self.RULES, context) or None)
        except PlanMonitorError as exc:
            raise self.core_error(exc) from exc
        feedback.setProgressText(tr("Reading layers…"))
        working, read_patches, constraints = self.read_inputs(patches, parameters, context, feedback)
        approved_source = self.source(parameters, self.APPROVED, context, feedback)
        approved = None
        if approved_source is not None:
            boxes = shapely.bounds(read_patches.geometry)
            boxes = boxes[~np.isnan(boxes).any(axis=1)]
            frame, geometry = self.read_near(approved_source, boxes, working, context, feedback)
            approved, invalid = self.handle_invalid(parameters, context, feedback, frame, geometry,
                                                    approved_source.sourceName())
            self.invalid_count += len(invalid)
        feedback.setProgress(20)
        try:
            screening = screen_patches(read_patches.frame, read_patches.geometry, constraints, pack, approved,
                                       progress=lambda p: feedback.setProgress(20 + 0.7 * p),
                                       cancelled=feedback.isCanceled, area_of=areas_via(lonlat_function(working)),
                                       known_valid=True)
        except PlanMonitorError as exc:
            raise self.core_error(exc) from exc
        result = screening.result
        outputs = {self.OUTPUT_PATCHES: self._write_sites(patches, result, parameters, context, self.OUTPUT_PATCHES),
                   self.OUTPUT_CONFLICTS: self._write_conflicts(patches, working, result, parameters, context)}
        suspected = int(result.sites["suspected"].sum())
        outputs.update({"PATCH_COUNT": len(result.sites), "SUSPECTED_COUNT": suspected,
                        "RULE_PACK": f"{result.pack_id} {result.pack_version}", "INVALID_COUNT": self.invalid_count})
        feedback.pushInfo(tr("{patches} patches screened, {suspected} suspected violations (rule pack {pack}).")
                          .format(patches=len(result.sites), suspected=suspected, pack=outputs["RULE_PACK"]))
        return outputs
