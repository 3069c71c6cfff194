"""planmonitor:computeindicators — 监测评估指标与预警 (monitoring indicators and early warning)."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.processing.algorithms.base import PlanMonitorAlgorithm
from planmonitor_plugin.qgis_adapter.conversion import qgis_field, to_qgis_value
from planmonitor_plugin.qgis_adapter.crs import cgcs2000_geographic
from planmonitor_plugin.qgis_adapter.i18n import tr
from planmonitor_plugin.qgis_adapter.indicator_inputs import code_text, land_use_year, read_source
from planmonitor_plugin.qgis_adapter.indicator_report import write_indicator_report
from planmonitor_plugin.qgis_adapter.indicator_style import style_when_loaded
from planmonitor_plugin.qgis_adapter.ogr_reader import read_columns

#: Optional layer parameters → the engine's layer role (catalog ``layer`` / ``zone`` / ``lines`` keys).
LAYERS = (
    ("ECOLOGICAL_REDLINE", "ecological_redline"),
    ("BASIC_FARMLAND", "basic_farmland"),
    ("URBAN_BOUNDARY", "urban_boundary"),
    ("PARKS", "parks_squares"),
    ("HEALTH_FACILITIES", "community_health_facilities"),
    ("ROADS", "roads"),
    ("URBAN_AREA", "urban_area"),
)
#: Whole-number columns of the outputs (stored as integers, empty where there is none).
INTEGER_COLUMNS = {"year", "target_year", "base_year", "red_count", "yellow_count", "green_count",
                   "not_computed_count"}
#: Generic plan-target column names (the GHMB names XZQDM/ZBDM/ND/MBZ/DW are recognised too).
TARGET_COLUMNS = {"unit_code": "unit_code", "indicator": "indicator", "year": "year", "target": "target"}


class ComputeIndicatorsAlgorithm(PlanMonitorAlgorithm):
    """Indicators per township and county, against plan targets, with warnings and a two-year trend."""

    LAND_USE = "LAND_USE"
    YEAR = "YEAR"
    LAND_USE_2 = "LAND_USE_2"
    YEAR_2 = "YEAR_2"
    UNITS = "UNITS"
    UNIT_CODE_FIELD = "UNIT_CODE_FIELD"
    UNIT_NAME_FIELD = "UNIT_NAME_FIELD"
    COUNTY_CODE = "COUNTY_CODE"
    COUNTY_NAME = "COUNTY_NAME"
    POPULATION = "POPULATION"
    TARGETS = "TARGETS"
    TARGET_YEAR = "TARGET_YEAR"
    CATALOG = "CATALOG"
    THRESHOLDS = "THRESHOLDS"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_UNITS = "OUTPUT_UNITS"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    def name(self) -> str:
        return "computeindicators"

    def displayName(self) -> str:  # noqa: N802
        return tr("Monitoring indicators and early warning")

    def group(self) -> str:
        return tr("Monitoring and evaluation")

    def groupId(self) -> str:  # noqa: N802
        return "indicators"

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Computes the plan-monitoring indicators of the catalog (TD/T 1063 names: 生态保护红线面积, "
            "永久基本农田保护面积, 耕地保有量, 林地保有量, 湿地面积, 建设用地总面积, 城乡建设用地面积, "
            "人均城镇/村庄建设用地面积, "
            "森林覆盖率, 河湖水面率, walking coverage of parks and squares and of community health facilities, road "
            "network density …) for every township of the administrative units layer and for the county "
            "(county = Σ townships; areas are ellipsoidal CGCS2000, balanced rounding in 公顷). Each land-use parcel "
            "counts whole for the township holding most of it.\n\n"
            "Inputs: current land use (DLTB with DLBM, CZCSXM; its year from YEAR or its SJNF field); optionally a "
            "second land-use layer of another year for change and trend; the control lines; the township layer "
            "(XZQ; the county code is the townships' 6-digit code + 000000 unless given); a population table "
            "(CSV, XLSX or any table layer with XZQDM, ND, CZRK, XCRK); plan targets (GHMB: XZQDM, ZBDM, ND, MBZ, "
            "DW — or unit_code, indicator, year, target); optional parks/squares (instead of the land-use classes "
            "0810/0810A), community health facilities, roads and the urban area (城区范围) for road density. "
            "Walking coverage (300 m, 1000 m) is measured in straight lines, or along the roads when a road layer "
            "is given (roads noded at junctions; land within 50 m of a reached road counts). An indicator whose "
            "input is missing is reported as not computed with the reason, never as zero.\n\n"
            "Warning levels green / yellow / red follow the thresholds file (default bundled: 5 % yellow margin; "
            "local configuration — no national thresholds are published).\n\n"
            "Outputs: the long table (one row per unit × indicator × year: value, unit, target, deviation, warning "
            "level, change, reason) — save it in a GeoPackage: it is the indicator snapshot the review panel "
            "imports per pilot area, with stable column names; the township polygons with the key indicators and "
            "the worst warning level, styled as traffic lights; an HTML report with charts to print."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon, vector = [QgsProcessing.SourceType.TypeVectorPolygon], [QgsProcessing.SourceType.TypeVector]
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LAND_USE, tr("Current land use (DLTB)"), polygon))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr("Monitoring year of the land use (empty = its SJNF field)"),
            QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=1900, maxValue=2200))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LAND_USE_2, tr("Land use of another year, for change and trend (optional)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR_2, tr("Year of the other land use (empty = its SJNF field)"),
            QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=1900, maxValue=2200))
        labels = {"ECOLOGICAL_REDLINE": tr("Ecological red line (STBHHX)"),
                  "BASIC_FARMLAND": tr("Permanent basic farmland (YJJBNTBHTB)"),
                  "URBAN_BOUNDARY": tr("Urban development boundary (CZKFBJ)")}
        for parameter in labels:
            self.addParameter(QgsProcessingParameterFeatureSource(parameter, labels[parameter], polygon,
                                                                  optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, tr("Administrative units: townships (XZQ)"), polygon))
        self.addParameter(QgsProcessingParameterField(
            self.UNIT_CODE_FIELD, tr("Unit code field (empty = XZQDM)"), parentLayerParameterName=self.UNITS,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.UNIT_NAME_FIELD, tr("Unit name field (empty = XZQMC)"), parentLayerParameterName=self.UNITS,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.COUNTY_CODE, tr("County code (empty = from the township codes)"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.COUNTY_NAME, tr("County name"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POPULATION, tr("Population table (RKSJ: CSV, XLSX or table)"), vector, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TARGETS, tr("Plan targets (GHMB: CSV, XLSX or table)"), vector, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_YEAR, tr("Target year (empty = the only one in the table)"),
            QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=1900, maxValue=2200))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "PARKS", tr("Parks and squares (optional; default: land-use classes 0810/0810A)"),
            [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "HEALTH_FACILITIES", tr("Community health facilities"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "ROADS", tr("Roads (lines)"), [QgsProcessing.SourceType.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "URBAN_AREA", tr("Urban area (城区范围), for road network density"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.CATALOG, tr("Indicator catalog (JSON; empty = bundled)"), extension="json", optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.THRESHOLDS, tr("Warning thresholds (JSON; empty = bundled local defaults)"), extension="json",
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, tr("Indicators (long table)"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_UNITS, tr("Units with indicators"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, tr("HTML report"), tr("HTML files (*.html)"), optional=True))
        for name, label in (("INDICATOR_COUNT", tr("Indicators")), ("NOT_COMPUTED_COUNT", tr("Values not computed")),
                            ("RED_COUNT", tr("Red warnings")), ("YELLOW_COUNT", tr("Yellow warnings")),
                            ("GREEN_COUNT", tr("Green (target met)"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))
        self.addOutput(QgsProcessingOutputString("CATALOG_VERSION", tr("Indicator catalog used")))

    # ------------------------------------------------------------------ run
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from planmonitor_plugin.core.indicators import GHMB_COLUMNS, compute_indicators, load_catalog, load_thresholds
        from planmonitor_plugin.core.indicators.snapshot import build_snapshot, unit_summary

        try:
            catalog = load_catalog(self.parameterAsFile(parameters, self.CATALOG, context) or None)
            thresholds = load_thresholds(self.parameterAsFile(parameters, self.THRESHOLDS, context) or None, catalog)
        except PlanMonitorError as exc:
            raise self.core_error(exc) from exc
        if self.source(parameters, "PARKS", context) is not None:
            catalog = catalog.with_facility_layer("park_square", "parks_squares")
        transform_context = context.transformContext()
        units_source = self.required_source(parameters, self.UNITS, context)
        feedback.setProgressText(tr("Reading layers…"))
        units, unit_count = self._units(parameters, context, units_source)
        layers = {}
        for parameter, role in LAYERS:
            source = self.source(parameters, parameter, context)
            if source is not None:
                layers[role] = (None, read_source(source, transform_context, [], feedback.isCanceled)[1])
        population = self._table(parameters, self.POPULATION, context, [catalog.population_table["unit_code_column"]])
        targets, target_columns = self._targets(parameters, context, GHMB_COLUMNS)
        # with KCXS (扣除系数) when the catalog names it, and BSM to name the parcels of a bad KCXS
        land_fields = [*catalog.land_use_fields.values(), "SJNF", "BSM"]
        runs = []
        for land_parameter, year_parameter in ((self.LAND_USE, self.YEAR), (self.LAND_USE_2, self.YEAR_2)):
            source = self.source(parameters, land_parameter, context)
            if source is None:
                if land_parameter == self.LAND_USE:
                    raise self.fail(self.invalidSourceError(parameters, land_parameter))
                continue
            land_use = self._read_fast(parameters, land_parameter, source, land_fields, context, feedback)
            deduction = catalog.land_use_fields.get("deduction_ratio")
            if deduction and deduction not in land_use[0].columns:
                feedback.pushInfo(tr("“{layer}” has no {field} field (扣除系数): class areas include 田坎 "
                                     "(not deducted).").format(layer=source.sourceName(), field=deduction))
            year = self._year(parameters, year_parameter, context, land_use[0], source.sourceName())
            runs.append((year, land_use, source.sourceName()))
            feedback.setProgress(10 * len(runs))
        if feedback.isCanceled():
            raise self.fail(tr("Cancelled by the user."))
        results = []
        share = 70.0 / len(runs)
        try:
            for index, (year, land_use, name) in enumerate(runs):
                feedback.setProgressText(tr("Computing the indicators of {year} ({layer})…").format(
                    year=year, layer=name))
                start = 20 + index * share
                results.append(compute_indicators(
                    units, land_use, layers, population, catalog, year,
                    progress=lambda p, s=start: feedback.setProgress(s + share * p / 100.0),
                    cancelled=feedback.isCanceled))
            years = sorted(year for year, _land, _name in runs)
            results.sort(key=lambda frame: int(frame["year"].iloc[0]))
            snapshot = build_snapshot(results, catalog, targets, thresholds,
                                      self._optional_int(parameters, self.TARGET_YEAR, context), target_columns,
                                      computed_at=datetime.now().isoformat(timespec="seconds"))
        except PlanMonitorError as exc:
            raise self.fail(tr("The indicator inputs do not fit together: {error}").format(error=exc), exc) from exc
        current_year = runs[0][0]
        base_year = next((year for year in years if year != current_year), None)
        outputs = {self.OUTPUT_TABLE: self._write_table(snapshot, parameters, context)}
        summary = unit_summary(snapshot, current_year, catalog)
        outputs[self.OUTPUT_UNITS] = self._write_units(units_source, units, unit_count, summary, parameters, context)
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        county_name = str(units[0].loc[units[0]["level"] == "county", "unit_name"].iloc[0])
        if report:
            outputs[self.OUTPUT_REPORT] = write_indicator_report(report, snapshot, catalog, thresholds, current_year,
                                                                 base_year, county_name, datetime.now())
        current = snapshot[snapshot["year"] == current_year]
        levels = current["warning_level"].value_counts()
        outputs.update({"INDICATOR_COUNT": int(current["indicator_id"].nunique()),
                        "NOT_COMPUTED_COUNT": int((current["status"] == "not_computed").sum()),
                        "RED_COUNT": int(levels.get("red", 0)), "YELLOW_COUNT": int(levels.get("yellow", 0)),
                        "GREEN_COUNT": int(levels.get("green", 0)),
                        "CATALOG_VERSION": f"{catalog.source} {catalog.version}"})
        feedback.pushInfo(tr("{count} indicators for {units} units in {year}: {red} red, {yellow} yellow, {green} "
                             "green; {missing} values not computed (see the reason column).").format(
            count=outputs["INDICATOR_COUNT"], units=len(units[0]), year=current_year, red=outputs["RED_COUNT"],
            yellow=outputs["YELLOW_COUNT"], green=outputs["GREEN_COUNT"], missing=outputs["NOT_COMPUTED_COUNT"]))
        return outputs

    # ------------------------------------------------------------------ inputs
    def _read_fast(self, parameters, name, source, fields, context, feedback):
        """(frame, lon/lat geometries) of a large layer: straight through OGR when eligible, else through QGIS."""
        present = [field for field in fields if source.fields().lookupField(field) >= 0]
        direct = read_columns(parameters.get(name), self.parameterAsVectorLayer(parameters, name, context), present,
                              cgcs2000_geographic(), feedback.isCanceled)
        if direct is not None:
            return direct.frame.reset_index(drop=True), direct.geometry
        return read_source(source, context.transformContext(), fields, feedback.isCanceled)

    def _optional_int(self, parameters, name, context):
        """An optional integer parameter, or None when it is not given."""
        if parameters.get(name) is None or parameters.get(name) == "":
            return None
        return self.parameterAsInt(parameters, name, context) or None

    def _year(self, parameters, name, context, frame, layer_name) -> int:
        year = self._optional_int(parameters, name, context) or land_use_year(frame)
        if year is None:
            raise self.fail(tr("The year of “{layer}” is unknown: give the monitoring year (the layer has no SJNF "
                               "values).").format(layer=layer_name))
        return int(year)

    def _field(self, parameters, name, context, source, default) -> str:
        chosen = self.parameterAsFields(parameters, name, context)
        field = chosen[0] if chosen else default
        if source.fields().lookupField(field) < 0:
            raise self.fail(tr("The units layer has no field “{field}”: choose the unit code and name fields.")
                            .format(field=field))
        return field

    def _units(self, parameters, context, source):
        from planmonitor_plugin.core.indicators.inputs import units_from_layer

        code_field = self._field(parameters, self.UNIT_CODE_FIELD, context, source, "XZQDM")
        name_field = self._field(parameters, self.UNIT_NAME_FIELD, context, source, "XZQMC")
        frame, geometry = read_source(source, context.transformContext(), [code_field, name_field])
        try:
            return units_from_layer(code_text(frame[code_field]), frame[name_field], geometry,
                                    self.parameterAsString(parameters, self.COUNTY_CODE, context).strip(),
                                    self.parameterAsString(parameters, self.COUNTY_NAME, context).strip()), len(frame)
        except PlanMonitorError as exc:
            raise self.core_error(exc) from exc

    def _table(self, parameters, name, context, code_columns) -> pd.DataFrame | None:
        source = self.source(parameters, name, context)
        if source is None:
            return None
        frame = read_source(source, context.transformContext(), None, with_geometry=False)[0]
        for column in code_columns:
            if column in frame.columns:
                frame[column] = code_text(frame[column])
        return frame

    def _targets(self, parameters, context, ghmb_columns):
        frame = self._table(parameters, self.TARGETS, context, [ghmb_columns["unit_code"], "unit_code"])
        if frame is None:
            return None, None
        for columns in (ghmb_columns, TARGET_COLUMNS):
            if all(columns[key] in frame.columns for key in TARGET_COLUMNS):
                return frame, columns
        raise self.fail(tr("The plan targets table needs the columns XZQDM, ZBDM, ND, MBZ (GHMB) or unit_code, "
                           "indicator, year, target; it has: {columns}.").format(columns=", ".join(frame.columns)))

    # ------------------------------------------------------------------ outputs
    @staticmethod
    def _fields(frame: pd.DataFrame) -> QgsFields:
        fields = QgsFields()
        for column in frame.columns:
            fields.append(QgsField(column, QVariant.Int) if column in INTEGER_COLUMNS
                          else qgis_field(column, frame[column]))
        return fields

    @staticmethod
    def _values(frame: pd.DataFrame) -> list[list]:
        """Rows as QGIS attribute lists (NaN → NULL, whole-number columns as int)."""
        integer = [column in INTEGER_COLUMNS for column in frame.columns]
        rows = []
        for record in frame.itertuples(index=False):
            values = [to_qgis_value(value) for value in record]
            rows.append([int(v) if is_int and v is not None else v for v, is_int in zip(values, integer)])
        return rows

    def _write_table(self, snapshot: pd.DataFrame, parameters, context):
        return self.write_table(parameters, self.OUTPUT_TABLE, context, self._fields(snapshot), self._values(snapshot))

    def _write_units(self, source, units, source_count: int, summary: pd.DataFrame, parameters, context):
        """The township polygons (source CRS) with the key indicators and the worst level."""
        fields = self._fields(summary)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_UNITS, context, fields,
                                             QgsWkbTypes.Type.MultiPolygon, source.sourceCrs())
        if sink is None:
            raise self.fail(self.invalidSinkError(parameters, self.OUTPUT_UNITS))
        rows = dict(zip(summary["unit_code"], self._values(summary)))
        frame = units[0]
        offset = len(frame) - source_count  # 1 when the county row was added in front
        features = []
        for index, feature in enumerate(source.getFeatures()):  # same order as read_source
            code, level = frame["unit_code"].iloc[index + offset], frame["level"].iloc[index + offset]
            if level == "county" or code not in rows:
                continue
            out = QgsFeature(fields)
            geometry = feature.geometry()
            if not geometry.isNull():
                geometry.convertToMultiType()
                out.setGeometry(geometry)
            out.setAttributes(rows[code])
            features.append(out)
        self.write(sink, features, self.OUTPUT_UNITS)
        style_when_loaded(context, dest_id)
        return dest_id
