"""planmonitor:exportfieldpackage / planmonitor:importfieldpackage — field packages (外业包) out and back."""

from __future__ import annotations

import shapely
from qgis.core import (
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.processing.algorithms.base import PlanMonitorAlgorithm
from planmonitor_plugin.qgis_adapter.crs import transform_to_cgcs2000
from planmonitor_plugin.qgis_adapter.field_package import (
    OUTCOMES,
    export_field_package,
    import_field_package,
    outcome_names,
)
from planmonitor_plugin.qgis_adapter.i18n import tr


class _ReviewAlgorithm(PlanMonitorAlgorithm):
    WORK_PACKAGE = "WORK_PACKAGE"

    def group(self) -> str:
        return tr("Review")

    def groupId(self) -> str:  # noqa: N802
        return "review"

    def _work_package_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.WORK_PACKAGE, tr("Work package"), extension="gpkg"))


class ExportFieldPackageAlgorithm(_ReviewAlgorithm):
    """A pilot area's work-package subset, clipped reference layers and a ready QGIS project, in one folder."""

    PILOT_AREAS = "PILOT_AREAS"
    AREA = "AREA"
    REFERENCE_LAYERS = "REFERENCE_LAYERS"
    REVIEWER = "REVIEWER"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

    def name(self) -> str:
        return "exportfieldpackage"

    def displayName(self) -> str:  # noqa: N802
        return tr("Export field package (外业包)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Writes a folder for the field laptop (or QField): the part of the work package for the chosen pilot "
            "areas (items, verdicts so far, photos, indicators), the reference layers clipped to those areas "
            "(参考图层.gpkg) and a QGIS project whose verdict form offers the verdicts and sub-types as lists and "
            "fills the event id, times and reviewer by itself, a photo table whose attachment field takes the photos "
            "saved in the folder 照片 (paths relative to the project) and that folder. Pilot areas: their ids "
            "separated by commas, empty for all. Area: polygons (their union; only the selected ones if “selected "
            "features only” is ticked) to export instead of pilot areas — only the items they touch go out and the "
            "reference layers are clipped to them; with pilot areas too, both conditions apply. Bring the folder "
            "back and run “Import field package”.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self._work_package_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.PILOT_AREAS, tr("Pilot area ids (comma separated, empty = all)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREA, tr("Area to export (polygons, instead of pilot areas)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.REFERENCE_LAYERS, tr("Reference layers to clip"), QgsProcessing.SourceType.TypeVectorAnyGeometry,
            optional=True))
        self.addParameter(QgsProcessingParameterString(self.REVIEWER, tr("Field reviewer"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Field package folder")))
        self.addOutput(QgsProcessingOutputFile("PACKAGE", tr("Field work package")))
        self.addOutput(QgsProcessingOutputFile("PROJECT", tr("Field project")))
        for name, label in (("ITEM_COUNT", tr("Review items")), ("EVENT_COUNT", tr("Verdict events")),
                            ("PHOTO_COUNT", tr("Photos"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        work_package = self.parameterAsFile(parameters, self.WORK_PACKAGE, context)
        areas = [a.strip() for a in self.parameterAsString(parameters, self.PILOT_AREAS, context).split(",")
                 if a.strip()]
        layers = self.parameterAsLayerList(parameters, self.REFERENCE_LAYERS, context) or []
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        polygon = self.area_polygon(parameters, context)
        try:
            exported = export_field_package(work_package, folder, areas or None, layers,
                                            self.parameterAsString(parameters, self.REVIEWER, context),
                                            context.transformContext(), polygon=polygon)
        except PlanMonitorError as exc:
            raise self.core_error(exc) from exc
        result = exported.export
        feedback.pushInfo(tr("{items} items, {events} verdicts and {photos} photos exported to {file}; reference "
                             "layers: {layers}.").format(items=result.items, events=result.events,
                                                         photos=result.photos, file=exported.package_path.name,
                                                         layers=exported.reference_counts or "—"))
        return {self.OUTPUT_FOLDER: str(exported.folder), "PACKAGE": str(exported.package_path),
                "PROJECT": str(exported.project_path), "ITEM_COUNT": result.items, "EVENT_COUNT": result.events,
                "PHOTO_COUNT": result.photos}

    def area_polygon(self, parameters, context):
        """The union of the AREA polygons as a shapely geometry in EPSG:4490, or None without AREA."""
        source = self.parameterAsSource(parameters, self.AREA, context)
        if source is None:
            return None
        transform = transform_to_cgcs2000(source.sourceCrs(), context.transformContext())
        parts = []
        for feature in source.getFeatures(QgsFeatureRequest()):
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                continue
            geometry.transform(transform)
            parts.append(shapely.from_wkb(bytes(geometry.asWkb())))
        shape = shapely.union_all([p if p.is_valid else shapely.make_valid(p) for p in parts]) if parts else None
        if shape is None or shape.is_empty or shape.area == 0:
            raise self.fail(tr("The area layer holds no polygon."))
        return shape


class ImportFieldPackageAlgorithm(_ReviewAlgorithm):
    """Merge a field package back by UUID; every event and photo reported as accepted/duplicate/conflicting/rejected."""

    FIELD_PACKAGE = "FIELD_PACKAGE"

    def name(self) -> str:
        return "importfieldpackage"

    def displayName(self) -> str:  # noqa: N802
        return tr("Import field package (外业包)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Merges the verdicts and photos of a field package into the work package. Events are matched by their "
            "id: importing the same package twice adds nothing. A field verdict that differs from a verdict recorded "
            "in the office after the export is kept as a conflict for the review panel; events for unknown items are "
            "rejected and stay in the field package. The import report (every event and photo with its outcome) is "
            "written as CSV and HTML next to the work package.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self._work_package_parameter()
        self.addParameter(QgsProcessingParameterFile(
            self.FIELD_PACKAGE, tr("Field package (GeoPackage)"), extension="gpkg"))
        self.addOutput(QgsProcessingOutputFile("REPORT_CSV", tr("Import report (CSV)")))
        self.addOutput(QgsProcessingOutputFile("REPORT_HTML", tr("Import report (HTML)")))
        for outcome, label in outcome_names().items():
            self.addOutput(QgsProcessingOutputNumber(outcome.upper(), label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        work_package = self.parameterAsFile(parameters, self.WORK_PACKAGE, context)
        field_package = self.parameterAsFile(parameters, self.FIELD_PACKAGE, context)
        try:
            imported = import_field_package(work_package, field_package)
        except PlanMonitorError as exc:
            raise self.core_error(exc) from exc
        names = outcome_names()
        feedback.pushInfo(" · ".join(f"{names[o]}: {imported.counts[o]}" for o in OUTCOMES))
        for record in imported.report.to_dict("records"):
            if record["outcome"] in ("conflicting", "rejected"):
                feedback.pushWarning(f"{names[record['outcome']]}: {record['item_id']} {record['event_uuid'] or ''} "
                                     f"{record['detail']}")
        return {"REPORT_CSV": str(imported.csv_path), "REPORT_HTML": str(imported.html_path),
                **{outcome.upper(): imported.counts[outcome] for outcome in OUTCOMES}}
