"""planmonitor:sitecompliance — 建设项目选址合规性审查 (construction-site compliance)."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessing,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsRectangle,
    QgsWkbTypes,
)

from planmonitor_plugin.core.area import areas_via
from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.processing.algorithms.base import PlanMonitorAlgorithm
from planmonitor_plugin.qgis_adapter.compliance_report import write_compliance_report
from planmonitor_plugin.qgis_adapter.conversion import (
    geometries_to_qgis,
    qgis_field,
    split_polygons_and_points,
    to_qgis_value,
)
from planmonitor_plugin.qgis_adapter.crs import lonlat_function, working_crs_of
from planmonitor_plugin.qgis_adapter.i18n import tr
from planmonitor_plugin.qgis_adapter.layers import read_layer
from planmonitor_plugin.qgis_adapter.ogr_reader import read_columns

#: Constraint parameters → layer role (resources/layer_roles.json).
CONSTRAINTS = (
    ("ECOLOGICAL_REDLINE", "ecological_redline"),
    ("BASIC_FARMLAND", "basic_farmland"),
    ("NATURE_RESERVE", "nature_reserve"),
    ("CURRENT_LAND_USE", "current_land_use"),
    ("URBAN_BOUNDARY", "urban_boundary"),
    ("PLANNED_LAND_USE", "planned_land_use"),
)


class SiteComplianceAlgorithm(PlanMonitorAlgorithm):
    """Sites against the ecological red line, farmland, cultivated land, the UDB and the planned use."""

    SITES = "SITES"
    RULES = "RULES"
    OUTPUT_SITES = "OUTPUT_SITES"
    OUTPUT_CONFLICTS = "OUTPUT_CONFLICTS"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    def name(self) -> str:
        return "sitecompliance"

    def displayName(self) -> str:  # noqa: N802
        return tr("Construction site compliance")

    def group(self) -> str:
        return tr("Compliance")

    def groupId(self) -> str:  # noqa: N802
        return "compliance"

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Checks each proposed construction site (XMDM, XMMC, intended use YDYHFLDM) against the ecological red "
            "line, permanent basic farmland, nature reserves (optional), cultivated land (DLTB 0101/0102/0103), the "
            "urban development boundary "
            "(inside / outside / straddling, with the area outside) and the planned land use (compatibility of the "
            "intended use with YDYHFLDM under the rule pack). Constraint layers are optional: a rule whose layer "
            "is not given is reported as not checked. Layers may be in different CRSs; overlays run in the sites' "
            "projected CGCS2000 CRS (or its 3° zone), as QGIS's own overlays do.\n\n"
            "Outputs: the sites with a verdict (合规 compliant / 不合规 non-compliant / 需论证 needs "
            "justification) and per-rule areas in m², 公顷 and 亩; the conflicts as the actual overlap polygons "
            "with both keys; an HTML report. Slivers below the rule's tolerance (1 m² by default) count as "
            "touching. All areas are ellipsoidal (CGCS2000). The rule pack (JSON; default bundled) and its version "
            "are named in the results."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITES, tr("Construction sites"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.add_constraint_parameters()
        self.addParameter(QgsProcessingParameterFile(
            self.RULES, tr("Rule pack (JSON; empty = bundled default)"), extension="json", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SITES, tr("Sites with verdicts"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CONFLICTS, tr("Conflicts"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, tr("HTML report"), tr("HTML files (*.html)"), optional=True))
        for name, label in (("SITE_COUNT", tr("Sites")), ("NON_COMPLIANT_COUNT", tr("Non-compliant sites")),
                            ("NEEDS_JUSTIFICATION_COUNT", tr("Sites needing justification"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))
        self.addOutput(QgsProcessingOutputString("RULE_PACK", tr("Rule pack used")))

    def add_constraint_parameters(self) -> None:
        """The optional constraint layers, one per rule role (shared with the patch screening)."""
        labels = {"ECOLOGICAL_REDLINE": tr("Ecological red line (STBHHX)"),
                  "BASIC_FARMLAND": tr("Permanent basic farmland (YJJBNTBHTB)"),
                  "NATURE_RESERVE": tr("Nature reserves (自然保护地; optional)"),
                  "CURRENT_LAND_USE": tr("Current land use (DLTB)"),
                  "URBAN_BOUNDARY": tr("Urban development boundary (CZKFBJ)"),
                  "PLANNED_LAND_USE": tr("Planned land use (YDYHGHFQ)")}
        for parameter, _role in CONSTRAINTS:
            self.addParameter(QgsProcessingParameterFeatureSource(
                parameter, labels[parameter], [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.add_invalid_geometry_parameter()
        self.addOutput(QgsProcessingOutputNumber("INVALID_COUNT", tr("Features with invalid geometry")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from planmonitor_plugin.core.compliance import check_sites, load_rule_pack

        sites = self.source(parameters, self.SITES, context, feedback)
        if sites is None:
            raise self.fail(self.invalidSourceError(parameters, self.SITES))
        try:
            pack = load_rule_pack(self.parameterAsFile(parameters, self.RULES, context) or None)
        except PlanMonitorError as exc:
            raise self.core_error(exc) from exc
        feedback.setProgressText(tr("Reading layers…"))
        working, read_sites, constraints = self.read_inputs(sites, parameters, context, feedback)
        feedback.setProgress(20)
        try:
            result = check_sites(read_sites.frame, read_sites.geometry, constraints, pack,
                                 progress=lambda p: feedback.setProgress(20 + 0.7 * p), cancelled=feedback.isCanceled,
                                 area_of=areas_via(lonlat_function(working)), known_valid=True)
        except PlanMonitorError as exc:
            raise self.core_error(exc) from exc
        outputs = {self.OUTPUT_SITES: self._write_sites(sites, result, parameters, context),
                   self.OUTPUT_CONFLICTS: self._write_conflicts(sites, working, result, parameters, context)}
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report:
            outputs[self.OUTPUT_REPORT] = write_compliance_report(report, result, sites.sourceName(), datetime.now())
        verdicts = result.sites["verdict"]
        outputs.update({"SITE_COUNT": len(verdicts),
                        "NON_COMPLIANT_COUNT": int((verdicts == "non_compliant").sum()),
                        "NEEDS_JUSTIFICATION_COUNT": int((verdicts == "needs_justification").sum()),
                        "RULE_PACK": f"{result.pack_id} {result.pack_version}", "INVALID_COUNT": self.invalid_count})
        feedback.pushInfo(tr("{sites} sites: {bad} non-compliant, {review} need justification (rule pack {pack}).")
                          .format(sites=len(verdicts), bad=outputs["NON_COMPLIANT_COUNT"],
                                  review=outputs["NEEDS_JUSTIFICATION_COUNT"], pack=outputs["RULE_PACK"]))
        return outputs

    def read_inputs(self, subjects, parameters, context, feedback):
        """The working CRS, the subjects read into it, and each given constraint layer near the subjects."""
        working = working_crs_of(subjects, context.transformContext())
        read_subjects = read_layer(subjects, subjects.sourceName(), context.transformContext(), target_crs=working)
        read_subjects.geometry, invalid = self.handle_invalid(parameters, context, feedback, read_subjects.frame,
                                                              read_subjects.geometry, subjects.sourceName())
        self.invalid_count = len(invalid)
        boxes = shapely.bounds(read_subjects.geometry)
        boxes = boxes[~np.isnan(boxes).any(axis=1)]
        constraints = {}
        for parameter, role in CONSTRAINTS:
            source = self.source(parameters, parameter, context, feedback)
            if source is not None:
                frame, geometry = self.read_near(source, boxes, working, context, feedback,
                                                 (parameters.get(parameter), parameter))
                geometry, invalid = self.handle_invalid(parameters, context, feedback, frame, geometry,
                                                        source.sourceName())
                self.invalid_count += len(invalid)
                constraints[role] = (frame, geometry)
        return working, read_subjects, constraints

    def read_near(self, source, boxes, working, context, feedback, parameter=None):
        """(frame, geometry) of the source's features near ``boxes`` (working CRS), in the working CRS.

        A GeoPackage layer is read straight through OGR and its R-tree; other sources through QGIS.
        """
        near = self._rectangles_in(boxes, working, source.sourceCrs(), context)
        if parameter is not None:
            value, name = parameter
            columns = source.fields().names()  # whatever fields a user's rule pack filters on
            direct = read_columns(value, self.parameterAsVectorLayer({name: value}, name, context), columns,
                                  working, feedback.isCanceled,
                                  near=[(r.xMinimum(), r.yMinimum(), r.xMaximum(), r.yMaximum()) for r in near])
            if direct is not None:
                return direct.frame, direct.geometry
        read = read_layer(source, source.sourceName(), context.transformContext(), feedback.isCanceled,
                          target_crs=working, near=near)
        return read.frame, read.geometry

    @staticmethod
    def _rectangles_in(boxes, working, crs, context) -> list:
        """The sites' bounding boxes (working CRS, grown by 1 m) as rectangles in a constraint layer's CRS."""
        transform = QgsCoordinateTransform(working, crs, context.transformContext())
        rectangles = []
        for xmin, ymin, xmax, ymax in boxes:
            rectangle = QgsRectangle(xmin - 1.0, ymin - 1.0, xmax + 1.0, ymax + 1.0)
            rectangles.append(transform.transformBoundingBox(rectangle) if crs.isValid() else rectangle)
        return rectangles

    def _write_sites(self, sites, result, parameters, context, output: str | None = None):
        """The subjects with the result columns, into ``output`` (default OUTPUT_SITES)."""
        output = output or self.OUTPUT_SITES
        results = result.sites.drop(columns=["site_key"], errors="ignore")
        fields = QgsFields(sites.fields())
        for column in results.columns:
            fields.append(qgis_field(column, results[column]))
        sink, dest_id = self.parameterAsSink(parameters, output, context, fields, sites.wkbType(), sites.sourceCrs())
        if sink is None:
            raise self.fail(self.invalidSinkError(parameters, output))
        rows = results.to_dict("records")
        features = []
        every = sites.getFeatures(QgsFeatureRequest(), QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
        for row, feature in zip(rows, every):  # same order as read_layer; invalid ones are written as they came
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(feature.attributes() + [to_qgis_value(row[c]) for c in results.columns])
            features.append(out)
        self.write(sink, features, output)
        return dest_id

    def _write_conflicts(self, sites, working, result, parameters, context):
        conflicts = result.conflicts
        fields = QgsFields()
        for column in conflicts.columns:
            fields.append(qgis_field(column, conflicts[column]))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_CONFLICTS, context, fields,
                                             QgsWkbTypes.Type.MultiPolygon, sites.sourceCrs())
        if sink is None:
            raise self.fail(self.invalidSinkError(parameters, self.OUTPUT_CONFLICTS))
        polygons, _points = split_polygons_and_points(np.asarray(result.conflict_geometry, dtype=object))
        transform = QgsCoordinateTransform(working, sites.sourceCrs(), context.transformContext())
        features = []
        for row, geometry in zip(conflicts.to_dict("records"), geometries_to_qgis(polygons)):
            feature = QgsFeature(fields)
            if not geometry.isNull():
                geometry.transform(transform)
                feature.setGeometry(geometry)
            feature.setAttributes([to_qgis_value(row[c]) for c in conflicts.columns])
            features.append(feature)
        self.write(sink, features, self.OUTPUT_CONFLICTS)
        return dest_id
