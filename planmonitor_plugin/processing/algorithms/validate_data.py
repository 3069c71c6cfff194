"""planmonitor:validatedata — 规划数据质检 (data-quality check of planning and survey layers)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.core.roles import detect_role, load_roles
from planmonitor_plugin.processing.algorithms.base import PlanMonitorAlgorithm
from planmonitor_plugin.qgis_adapter.conversion import geometries_to_qgis, split_polygons_and_points, to_qgis_value
from planmonitor_plugin.qgis_adapter.crs import cgcs2000_geographic
from planmonitor_plugin.qgis_adapter.i18n import qgis_locale, tr
from planmonitor_plugin.qgis_adapter.layers import layers_in_dataset, read_layer
from planmonitor_plugin.qgis_adapter.validation_report import write_validation_report

#: Finding attributes; text lengths 0 = unlimited (a Shapefile output truncates at 254).
#: "source_fid", not "fid": GeoPackage outputs reserve "fid" for their own key.
FINDING_FIELDS = (
    ("rule_id", QVariant.String, 0), ("severity", QVariant.String, 0), ("layer", QVariant.String, 0),
    ("feature_key", QVariant.String, 0), ("source_fid", QVariant.LongLong, 0), ("message", QVariant.String, 0),
    ("message_zh", QVariant.String, 0), ("message_en", QVariant.String, 0), ("value", QVariant.Double, 0),
    ("value_unit", QVariant.String, 0), ("other_layer", QVariant.String, 0), ("other_key", QVariant.String, 0),
)


def parse_role_overrides(text: str, role_ids: set[str]) -> dict[str, str]:
    """``地类图斑=current_land_use;JCTB=change_patches`` → {layer name: role id}."""
    overrides = {}
    for item in filter(None, (part.strip() for part in text.replace("；", ";").split(";"))):
        name, _, role = item.partition("=")
        if not role.strip() or role.strip() not in role_ids:
            raise PlanMonitorError(tr("Role override “{item}” is not “layer=role” with a known role ({roles}).")
                                   .format(item=item, roles=", ".join(sorted(role_ids))))
        overrides[name.strip()] = role.strip()
    return overrides


class ValidateDataAlgorithm(PlanMonitorAlgorithm):
    """Checks schema, codes, geometry, CRS, duplicates, topology, three-line conflicts and area fields."""

    LAYERS = "LAYERS"
    DATASET = "DATASET"
    FOLDER = "FOLDER"
    ROLES = "ROLES"
    RULES = "RULES"
    OUTPUT_ERRORS = "OUTPUT_ERRORS"
    OUTPUT_POINTS = "OUTPUT_POINTS"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    ERROR_COUNT = "ERROR_COUNT"
    WARNING_COUNT = "WARNING_COUNT"
    LAYER_COUNT = "LAYER_COUNT"

    def name(self) -> str:
        return "validatedata"

    def displayName(self) -> str:  # noqa: N802
        return tr("Validate planning data")

    def group(self) -> str:
        return tr("Data quality")

    def groupId(self) -> str:  # noqa: N802
        return "dataquality"

    def tags(self) -> list[str]:
        return tr("quality,validation,topology,overlap,gap,三线冲突,质检,DLTB").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Checks planning and survey layers before they are used: required fields, types and lengths; codes "
            "against the code tables (三调 DLBM, 用地用海 YDYHFLDM, planning zones); null, empty and invalid "
            "geometries; CRS (CGCS2000 expected); duplicate keys (BSM …); overlaps and gaps within layers that "
            "must form a coverage; conflicts between the three control lines (三线冲突); stored area fields against "
            "the ellipsoidal area.\n\n"
            "Inputs: layers, and/or a GeoPackage / File GDB, and/or a folder of Shapefiles. Each layer's role "
            "(DLTB, YJJBNTBHTB, STBHHX, CZKFBJ …) is detected from its name and fields; override with "
            "“layer=role;…” (roles: current_land_use, basic_farmland, ecological_redline, urban_boundary, "
            "planning_zones, planned_land_use, admin_units, change_patches, project_sites). Rule set: a JSON file "
            "(default: the bundled one) that enables checks and sets severities and tolerances.\n\n"
            "Outputs: an error layer with the real error geometry (overlap and gap polygons, conflict polygons, the "
            "features themselves; layer-level problems without geometry), a point layer (self-intersections), a "
            "summary table and an HTML report in your language."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.LAYERS, tr("Layers to check"), QgsProcessing.SourceType.TypeVectorAnyGeometry, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.DATASET, tr("GeoPackage (all its layers)"), extension="gpkg", optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.FOLDER, tr("Folder of Shapefiles or a File GDB"),
            behavior=QgsProcessingParameterFile.Behavior.Folder, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ROLES, tr("Role overrides (layer=role;…)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.RULES, tr("Rule set (JSON; empty = bundled default)"), extension="json", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ERRORS, tr("Errors"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_POINTS, tr("Error points"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, tr("Summary"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, tr("HTML report"), tr("HTML files (*.html)"), optional=True))
        for name, label in ((self.ERROR_COUNT, tr("Errors")), (self.WARNING_COUNT, tr("Warnings")),
                            (self.LAYER_COUNT, tr("Number of layers checked"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    # -- inputs --------------------------------------------------------------------------------
    def _input_layers(self, parameters, context) -> list:
        layers = list(self.parameterAsLayerList(parameters, self.LAYERS, context) or [])
        for parameter in (self.DATASET, self.FOLDER):
            path = self.parameterAsFile(parameters, parameter, context)
            if path:
                layers.extend(layers_in_dataset(path))
        if not layers:
            raise self.fail(tr("Give at least one layer, a GeoPackage or a folder to check."))
        return layers

    @staticmethod
    def _layer_name(layer) -> str:
        return layer.name() or Path(layer.source().split("|")[0]).stem

    def _roles_for(self, layers, overrides: dict[str, str], roles, feedback) -> list[str | None]:
        chosen = []
        for layer in layers:
            name = self._layer_name(layer)
            if name in overrides:
                chosen.append(overrides[name])
                feedback.pushInfo(tr("{layer}: role {role} (given)").format(layer=name, role=overrides[name]))
                continue
            match = detect_role(name, layer.fields().names(), roles)
            chosen.append(match.role_id if match else None)
            if match:
                feedback.pushInfo(tr("{layer}: role {role} (detected)").format(layer=name, role=match.role_id))
            else:
                feedback.pushWarning(tr("{layer}: role not recognised — only generic checks run; give it with "
                                        "“{layer}=role”.").format(layer=name))
        return chosen

    # -- run -----------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from planmonitor_plugin.core.validation import LayerInput, load_rule_set, validate

        try:
            roles = load_roles()
            overrides = parse_role_overrides(self.parameterAsString(parameters, self.ROLES, context) or "",
                                             set(roles))
            rule_set = load_rule_set(self.parameterAsFile(parameters, self.RULES, context) or None)
            layers = self._input_layers(parameters, context)
        except PlanMonitorError as exc:
            raise self.core_error(exc) from exc
        role_ids = self._roles_for(layers, overrides, roles, feedback)
        inputs = []
        for index, (layer, role_id) in enumerate(zip(layers, role_ids)):
            if feedback.isCanceled():
                return {}
            feedback.setProgressText(tr("Reading {layer}…").format(layer=self._layer_name(layer)))
            read = read_layer(layer, self._layer_name(layer), context.transformContext(), feedback.isCanceled)
            inputs.append(LayerInput(name=read.name, role_id=role_id, frame=read.frame, geometry=read.geometry,
                                     fields=read.fields, crs_authid=layer.crs().authid(),
                                     crs_description=layer.crs().toWkt(), encoding_note=read.encoding_note))
            feedback.setProgress(30.0 * (index + 1) / len(layers))
        feedback.setProgressText(tr("Checking…"))
        try:
            result = validate(inputs, rule_set, roles, progress=lambda p: feedback.setProgress(30 + 0.6 * p),
                              cancelled=feedback.isCanceled)
        except PlanMonitorError as exc:
            raise self.core_error(exc) from exc
        output_crs = next((layer.crs() for layer in layers if layer.crs().isValid()), cgcs2000_geographic())
        outputs = self._write_findings(result, output_crs, parameters, context)
        outputs[self.OUTPUT_SUMMARY] = self._write_summary(result, parameters, context)
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report:
            write_validation_report(report, result, layers=[(i.name, i.role_id, i.crs_authid, len(i.frame))
                                                              for i in inputs], when=datetime.now())
            outputs[self.OUTPUT_REPORT] = report
        severities = result.findings["severity"]
        feedback.pushInfo(tr("{errors} errors and {warnings} warnings in {layers} layers (rule set {rules} {version}).")
                          .format(errors=int((severities == "error").sum()),
                                  warnings=int((severities == "warning").sum()), layers=len(inputs),
                                  rules=result.rule_set_id, version=result.rule_set_version))
        outputs.update({self.ERROR_COUNT: int((severities == "error").sum()),
                        self.WARNING_COUNT: int((severities == "warning").sum()), self.LAYER_COUNT: len(inputs)})
        return outputs

    # -- outputs -------------------------------------------------------------------------------
    @staticmethod
    def _finding_fields() -> QgsFields:
        fields = QgsFields()
        for name, type_, length in FINDING_FIELDS:
            fields.append(QgsField(name, type_, "", length))
        return fields

    def _write_findings(self, result, output_crs, parameters, context) -> dict:
        fields = self._finding_fields()
        errors, errors_id = self.parameterAsSink(parameters, self.OUTPUT_ERRORS, context, fields,
                                                 QgsWkbTypes.Type.MultiPolygon, output_crs)
        points, points_id = self.parameterAsSink(parameters, self.OUTPUT_POINTS, context, fields,
                                                 QgsWkbTypes.Type.MultiPoint, output_crs)
        if errors is None:
            raise self.fail(self.invalidSinkError(parameters, self.OUTPUT_ERRORS))
        if points is None:
            raise self.fail(self.invalidSinkError(parameters, self.OUTPUT_POINTS))
        transform = QgsCoordinateTransform(cgcs2000_geographic(), output_crs, context.transformContext())
        use_chinese = qgis_locale().lower().startswith("zh")
        polygons, points_only = split_polygons_and_points(result.geometry)
        is_point = (polygons == None) & (points_only != None)  # noqa: E711 (element-wise on object arrays)
        chosen = np.where(is_point, points_only, polygons)
        polygon_features, point_features = [], []
        for record, geometry, point in zip(result.findings.to_dict("records"), geometries_to_qgis(chosen), is_point):
            feature = QgsFeature(fields)
            feature.setAttributes(_finding_attributes(record, use_chinese))
            if not geometry.isNull():
                geometry.transform(transform)
                feature.setGeometry(geometry)
            (point_features if point else polygon_features).append(feature)
        self.write(errors, polygon_features, self.OUTPUT_ERRORS)
        self.write(points, point_features, self.OUTPUT_POINTS)
        return {self.OUTPUT_ERRORS: errors_id, self.OUTPUT_POINTS: points_id}

    def _write_summary(self, result, parameters, context):
        fields = QgsFields()
        for name, type_ in (("layer", QVariant.String), ("rule_id", QVariant.String),
                            ("severity", QVariant.String), ("count", QVariant.LongLong)):
            fields.append(QgsField(name, type_))
        rows = ([record["layer"], record["rule_id"], record["severity"], int(record["count"])]
                for record in result.summary.to_dict("records"))
        return self.write_table(parameters, self.OUTPUT_SUMMARY, context, fields, rows)


def _finding_attributes(record: dict, use_chinese: bool) -> list:
    values = [record["rule_id"], record["severity"], record["layer"], record["feature_key"], record.get("fid"),
              record["message_zh"] if use_chinese else record["message_en"], record["message_zh"],
              record["message_en"], record["value"], record["value_unit"], record["other_layer"], record["other_key"]]
    return [to_qgis_value(value) for value in values]
