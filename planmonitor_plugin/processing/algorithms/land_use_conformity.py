"""planmonitor:landuseconformity — 现状与规划符合性分析 (current land use against the planned use)."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProviderRegistry,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from planmonitor_plugin.core.area import areas_via
from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.core.validation.spatial import repair
from planmonitor_plugin.processing.algorithms.base import PlanMonitorAlgorithm
from planmonitor_plugin.qgis_adapter.conformity_report import write_conformity_report
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

UNIT_CODE_FIELD = "ZLDWDM"  # 坐落单位代码: its first nine digits are the township


class LandUseConformityAlgorithm(PlanMonitorAlgorithm):
    """Where current land use (三调 DLBM) contradicts the planned use (YDYHFLDM)."""

    CURRENT = "CURRENT_LAND_USE"
    CURRENT_FIELD = "CURRENT_FIELD"
    PLANNED = "PLANNED_LAND_USE"
    PLANNED_FIELD = "PLANNED_FIELD"
    TOWNSHIPS = "TOWNSHIPS"
    TOLERANCE = "TOLERANCE"
    OUTPUT = "OUTPUT"
    OUTPUT_TOTALS = "OUTPUT_TOTALS"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    def name(self) -> str:
        return "landuseconformity"

    def displayName(self) -> str:  # noqa: N802
        return tr("Land-use conformity with the plan")

    def group(self) -> str:
        return tr("Compliance")

    def groupId(self) -> str:  # noqa: N802
        return "compliance"

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Compares current land use (三调 DLTB, class code DLBM) with the planned land use (YDYHFLDM, 用地用海 "
            "2023). Every parcel is cut by the planned polygons; its class is converted through the 三调→用地用海 "
            "crosswalk and compared with the planned code at their common level. Each piece is conforming, "
            "nonconforming (construction where the plan has non-construction use; planned construction not built "
            "yet; other difference), ambiguous (the class needs subdivision and its candidate codes disagree: "
            "never guessed), unclassified (missing or unknown code) or not covered by the plan.\n\n"
            "Outputs: every piece that is not conforming as a polygon with both classes and its area in m², 公顷 "
            "and 亩; a table of totals per township and for the county; an HTML report. The township comes from "
            "the township layer (XZQDM) when given, else from the first nine digits of ZLDWDM. Pieces at or below "
            "the tolerance are slivers. Invalid geometries are repaired or skipped, as chosen, and always listed. "
            "Areas are ellipsoidal (CGCS2000); overlays run in the parcels' projected CGCS2000 CRS."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        polygons = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.CURRENT, tr("Current land use (DLTB)"), polygons))
        # Optional with a fallback: QGIS 3.22 rejects an omitted field parameter even with a default.
        self.addParameter(QgsProcessingParameterField(
            self.CURRENT_FIELD, tr("三调 land class field"), "DLBM", self.CURRENT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PLANNED, tr("Planned land use (YDYHGHFQ)"), polygons))
        self.addParameter(QgsProcessingParameterField(
            self.PLANNED_FIELD, tr("Planned use code field"), "YDYHFLDM", self.PLANNED, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TOWNSHIPS, tr("Townships (XZQ, field XZQDM; optional)"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE, tr("Sliver tolerance (m²)"), QgsProcessingParameterNumber.Type.Double, 1.0,
            minValue=0.0))
        self.add_invalid_geometry_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Pieces not conforming to the plan"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TOTALS, tr("Totals per township"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, tr("HTML report"), tr("HTML files (*.html)"), optional=True))
        for name, label in (("NONCONFORMING_AREA_M2", tr("Nonconforming area (m²)")),
                            ("BUILT_AGAINST_PLAN_AREA_M2", tr("Construction against the plan (m²)")),
                            ("AMBIGUOUS_AREA_M2", tr("Ambiguous area (m²)")),
                            ("PIECE_COUNT", tr("Pieces written")),
                            ("INVALID_COUNT", tr("Parcels with invalid geometry"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))
        self.addOutput(QgsProcessingOutputString("CROSSWALK_VERSION", tr("Crosswalk version")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from planmonitor_plugin.core.compliance.conformity import check_conformity

        current = self.required_source(parameters, self.CURRENT, context, feedback)
        planned = self.required_source(parameters, self.PLANNED, context, feedback)
        current_field = self._field(parameters, self.CURRENT_FIELD, "DLBM", current, context)
        planned_field = self._field(parameters, self.PLANNED_FIELD, "YDYHFLDM", planned, context)
        working = working_crs_of(current, context.transformContext())
        feedback.setProgressText(tr("Reading layers…"))
        unit_field = [UNIT_CODE_FIELD] if current.fields().lookupField(UNIT_CODE_FIELD) >= 0 else []
        parcels, parcel_geometry = self._read(parameters, self.CURRENT, current, [current_field, *unit_field],
                                              working, context, feedback)
        feedback.setProgress(10)
        plan, plan_geometry = self._read(parameters, self.PLANNED, planned, [planned_field], working, context,
                                         feedback)
        feedback.setProgress(15)
        township, names = self._townships(parameters, context, feedback, parcels, parcel_geometry, working)
        parcel_geometry, invalid = self.handle_invalid(parameters, context, feedback, parcels, parcel_geometry,
                                                        tr("current land use"))
        plan_geometry, _ = self.handle_invalid(parameters, context, feedback, plan, plan_geometry,
                                                tr("planned land use"))
        feedback.setProgressText(tr("Overlaying current and planned land use…"))
        try:
            result = check_conformity(parcels, parcel_geometry, plan, plan_geometry, township=township,
                                      current_field=current_field, planned_field=planned_field,
                                      tolerance_m2=self.parameterAsDouble(parameters, self.TOLERANCE, context),
                                      progress=lambda p: feedback.setProgress(15 + 0.75 * p),
                                      cancelled=feedback.isCanceled, area_of=areas_via(lonlat_function(working)))
        except PlanMonitorError as exc:
            raise self.core_error(exc) from exc
        outputs = {self.OUTPUT: self._write_pieces(current, working, result, parameters, context),
                   self.OUTPUT_TOTALS: self._write_totals(result.totals, parameters, context)}
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report:
            tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
            options = [(tr("Sliver tolerance (m²)"), f"{tolerance:g}"),
                       (tr("Parcels with invalid geometry"), str(len(invalid)))]
            layers = (self._label(parameters, self.CURRENT, current, context),
                      self._label(parameters, self.PLANNED, planned, context))
            outputs[self.OUTPUT_REPORT] = write_conformity_report(report, result, layers, options, names,
                                                                  datetime.now())
        outputs.update(self._summary(result, invalid, feedback))
        return outputs

    # ------------------------------------------------------------------ inputs

    def _label(self, parameters, name, source, context) -> str:
        """“dataset · layer” for a layer inside a GeoPackage (its source name alone is the file's)."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        inner = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("layerName") if layer else None
        return f"{source.sourceName()} · {inner}" if inner and inner != source.sourceName() else source.sourceName()

    def _field(self, parameters, name, default, source, context) -> str:
        field = self.parameterAsString(parameters, name, context) or default
        if source.fields().lookupField(field) < 0:
            raise self.fail(tr("Layer “{layer}” has no field “{field}”: choose the field holding the code.")
                            .format(layer=source.sourceName(), field=field))
        return field

    def _read(self, parameters, name, source, columns, working, context, feedback):
        """(frame, geometry in the working CRS): straight through OGR when that reads the same, else via QGIS."""
        direct = read_columns(parameters.get(name), self.parameterAsVectorLayer(parameters, name, context),
                              columns, working, feedback.isCanceled)
        if direct is not None:
            return direct.frame, direct.geometry
        read = read_layer(source, source.sourceName(), context.transformContext(), feedback.isCanceled,
                          target_crs=working)
        return read.frame[columns], read.geometry

    def _townships(self, parameters, context, feedback, parcels, geometry, working):
        """Township code per parcel and the township names: from the township layer, else from ZLDWDM."""
        source = self.source(parameters, self.TOWNSHIPS, context, feedback)
        if source is not None:
            if source.fields().lookupField("XZQDM") < 0:
                raise self.fail(tr("The township layer has no field “XZQDM”."))
            names_field = ["XZQMC"] if source.fields().lookupField("XZQMC") >= 0 else []
            frame, units = self._read(parameters, self.TOWNSHIPS, source, ["XZQDM", *names_field], working,
                                      context, feedback)
            codes = frame["XZQDM"].astype(object).to_numpy()
            points = shapely.point_on_surface(repair(geometry, shapely.is_valid(geometry)))
            index = _unit_of_points(points, repair(units, shapely.is_valid(units)))
            township = np.where(index >= 0, codes[np.maximum(index, 0)], None)
            names = dict(zip(codes, frame["XZQMC"])) if names_field else {}
            return township, {str(k): str(v) for k, v in names.items() if k is not None and v is not None}
        if UNIT_CODE_FIELD in parcels.columns:
            unit = parcels[UNIT_CODE_FIELD].astype("string").str.strip()
            return (unit.str[:9] + "000").where(unit.str.len() >= 9).astype(object).to_numpy(), {}
        feedback.pushInfo(tr("No township layer and no ZLDWDM field: totals are given for the whole area only."))
        return None, {}

    # ------------------------------------------------------------------ outputs

    def _write_pieces(self, current, working, result, parameters, context):
        pieces = result.pieces
        fields = QgsFields()
        for column in pieces.columns:  # feature ids stay integers even where a piece has none (not planned)
            fields.append(QgsField(column, QVariant.LongLong) if column.endswith("_id")
                          else qgis_field(column, pieces[column]))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.Type.MultiPolygon, current.sourceCrs())
        if sink is None:
            raise self.fail(self.invalidSinkError(parameters, self.OUTPUT))
        polygons, _points = split_polygons_and_points(np.asarray(result.geometry, dtype=object))
        transform = QgsCoordinateTransform(working, current.sourceCrs(), context.transformContext())
        same = working == current.sourceCrs()
        features = []
        for row, geometry in zip(pieces.itertuples(index=False, name=None), geometries_to_qgis(polygons)):
            feature = QgsFeature(fields)
            if not geometry.isNull():
                if not same:
                    geometry.transform(transform)
                feature.setGeometry(geometry)
            feature.setAttributes([to_qgis_value(value) for value in row])
            features.append(feature)
        self.write(sink, features, self.OUTPUT)
        return dest_id

    def _write_totals(self, totals: pd.DataFrame, parameters, context):
        fields = QgsFields()
        for column in totals.columns:
            fields.append(qgis_field(column, totals[column]))
        rows = ([to_qgis_value(value) for value in row] for row in totals.itertuples(index=False, name=None))
        return self.write_table(parameters, self.OUTPUT_TOTALS, context, fields, rows)

    def _summary(self, result, invalid, feedback) -> dict:
        county = result.totals[result.totals["level"] == "county"]
        area = {category: float(county.loc[county["category"] == category, "area_m2"].sum())
                for category in ("nonconforming", "ambiguous")}
        built = float(county.loc[county["kind"] == "built_against_plan", "area_m2"].sum())
        feedback.pushInfo(tr("Nonconforming: {bad:.2f} 公顷 (construction against the plan {built:.2f} 公顷); "
                             "ambiguous: {ambiguous:.2f} 公顷; {pieces} pieces written.").format(
            bad=area["nonconforming"] / 1e4, built=built / 1e4, ambiguous=area["ambiguous"] / 1e4,
            pieces=len(result.pieces)))
        return {"NONCONFORMING_AREA_M2": area["nonconforming"], "BUILT_AGAINST_PLAN_AREA_M2": built,
                "AMBIGUOUS_AREA_M2": area["ambiguous"], "PIECE_COUNT": len(result.pieces),
                "INVALID_COUNT": len(invalid), "CROSSWALK_VERSION": result.crosswalk_version}


def _unit_of_points(points: np.ndarray, units: np.ndarray) -> np.ndarray:
    """Index of the unit containing each point (the first one), -1 when none does."""
    result = np.full(len(points), -1, dtype=np.int64)
    present = np.flatnonzero(~shapely.is_missing(points))
    point_index, unit_index = shapely.STRtree(units).query(points[present], predicate="within")
    order = np.argsort(point_index, kind="stable")
    first_points, first = np.unique(point_index[order], return_index=True)
    result[present[first_points]] = unit_index[order][first]
    return result

