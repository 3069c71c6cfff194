"""planmonitor:ellipsoidalarea — 椭球面积计算 (CGCS2000 ellipsoidal areas)."""

from __future__ import annotations

import math

import numpy as np
import shapely
from qgis.core import (
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QVariant

from planmonitor_plugin.core.area import polygon_areas_in_units
from planmonitor_plugin.core.crs import CrsKind
from planmonitor_plugin.processing.algorithms.base import PlanMonitorAlgorithm
from planmonitor_plugin.qgis_adapter.conversion import features_to_geometries, iter_feature_chunks
from planmonitor_plugin.qgis_adapter.crs import crs_message, crs_verdict, transform_to_cgcs2000
from planmonitor_plugin.qgis_adapter.i18n import tr

#: (parameter name, unit key in core.area results, default field name, decimals shown)
AREA_FIELDS = (
    ("FIELD_M2", "m2", "TBMJ", 2),
    ("FIELD_HA", "ha", "TBMJ_GQ", 4),
    ("FIELD_MU", "mu", "TBMJ_MU", 4),
)
MAX_LISTED_IDS = 10


class EllipsoidalAreaAlgorithm(PlanMonitorAlgorithm):
    """Adds CGCS2000 ellipsoidal areas in m², 公顷 and 亩 to a polygon layer."""

    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    FEATURE_COUNT = "FEATURE_COUNT"
    NULL_GEOMETRY_COUNT = "NULL_GEOMETRY_COUNT"
    INVALID_GEOMETRY_COUNT = "INVALID_GEOMETRY_COUNT"
    TOTAL_M2 = "TOTAL_M2"
    TOTAL_HA = "TOTAL_HA"
    TOTAL_MU = "TOTAL_MU"

    def name(self) -> str:
        return "ellipsoidalarea"

    def displayName(self) -> str:  # noqa: N802
        return tr("Ellipsoidal area (CGCS2000)")

    def group(self) -> str:
        return tr("Basic tools")

    def groupId(self) -> str:  # noqa: N802
        return "basictools"

    def tags(self) -> list[str]:
        return tr("area,ellipsoid,CGCS2000,hectare,mu,TBMJ").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Adds the area of every polygon computed on the CGCS2000 ellipsoid, whatever the layer's CRS "
            "(EPSG:4490, the 3° and 6° Gauss–Krüger zones or any other), in square metres, hectares (公顷) "
            "and mu (亩, 1 mu = 2000/3 m²).\n\n"
            "Field names are parameters (default TBMJ, TBMJ_GQ, TBMJ_MU); a field of the same name in the "
            "input is replaced. Features without geometry get NULL areas; invalid geometries are measured as "
            "drawn; both are counted and listed, never dropped. Layers not on the "
            "CGCS2000 datum are converted with QGIS's transformation settings, with a warning.\n\n"
            "Outputs: the layer with area fields, and the feature count, null and invalid geometry counts and "
            "total area in each unit."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Polygon layer"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        labels = {
            "FIELD_M2": tr("Field for the area in square metres"),
            "FIELD_HA": tr("Field for the area in hectares (公顷)"),
            "FIELD_MU": tr("Field for the area in mu (亩)"),
        }
        for parameter, _unit, default, _decimals in AREA_FIELDS:
            self.addParameter(QgsProcessingParameterString(parameter, labels[parameter], default))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Layer with ellipsoidal areas"), QgsProcessing.SourceType.TypeVectorPolygon))
        outputs = {
            self.FEATURE_COUNT: tr("Number of features"),
            self.NULL_GEOMETRY_COUNT: tr("Features without geometry"),
            self.INVALID_GEOMETRY_COUNT: tr("Features with invalid geometry"),
            self.TOTAL_M2: tr("Total area (m²)"),
            self.TOTAL_HA: tr("Total area (公顷)"),
            self.TOTAL_MU: tr("Total area (亩)"),
        }
        for name, label in outputs.items():
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        names = [self.parameterAsString(parameters, p, context).strip() for p, *_ in AREA_FIELDS]
        if any(not name for name in names):
            return False, tr("Every area field needs a name.")
        if len({name.lower() for name in names}) < len(names):
            return False, tr("The three area fields need different names.")
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise self.fail(self.invalidSourceError(parameters, self.INPUT))
        self._check_crs(source, feedback)
        field_names = {unit: self.parameterAsString(parameters, p, context).strip() for p, unit, *_ in AREA_FIELDS}
        fields, positions = self._output_fields(source.fields(), field_names, feedback)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             source.wkbType(), source.sourceCrs())
        if sink is None:
            raise self.fail(self.invalidSinkError(parameters, self.OUTPUT))
        transform = transform_to_cgcs2000(source.sourceCrs(), context.transformContext())
        stats = _AreaStats()
        total = max(source.featureCount(), 1)
        for chunk in iter_feature_chunks(source, skip_validity_checks=True):
            if feedback.isCanceled():
                break
            self._measure_chunk(chunk, transform, positions, stats)
            if not sink.addFeatures(chunk, QgsFeatureSink.Flag.FastInsert):
                raise self.fail(tr("Could not write to the output layer: {error}").format(error=sink.lastError()))
            feedback.setProgress(100.0 * stats.count / total)
        stats.report(feedback)
        return {self.OUTPUT: dest_id, **stats.outputs(self)}

    def _check_crs(self, source, feedback) -> None:
        verdict = crs_verdict(source.sourceCrs())
        message = crs_message(verdict, source.sourceName())
        if verdict.kind is CrsKind.MISSING:
            raise self.fail(message)
        if verdict.severity != "ok":
            feedback.pushWarning(message + " " + tr("Areas are computed after converting to CGCS2000."))

    def _output_fields(self, input_fields, names: dict[str, str], feedback) -> tuple[QgsFields, dict[str, int]]:
        """Input fields plus the three area fields; positions by unit (m2, ha, mu)."""
        new = [QgsField(names[unit], QVariant.Double, "double", 20, decimals) for _p, unit, _d, decimals in AREA_FIELDS]
        fields, by_name = self.fields_with(input_fields, new, feedback)
        return fields, {unit: by_name[names[unit]] for _p, unit, _d, _decimals in AREA_FIELDS}

    @staticmethod
    def _measure_chunk(features, transform, positions: dict[str, int], stats: _AreaStats) -> None:
        geometries = features_to_geometries(features, transform)
        areas = polygon_areas_in_units(geometries)
        stats.add(features, geometries, areas)
        width = max(positions.values()) + 1
        columns = {unit: [None if math.isnan(v) else float(v) for v in values] for unit, values in areas.items()}
        for row, feature in enumerate(features):
            if feature.attributeCount() < width:
                feature.resizeAttributes(width)
            for unit, position in positions.items():
                feature.setAttribute(position, columns[unit][row])


class _AreaStats:
    """Counts and totals over all chunks, for the algorithm's outputs and log."""

    def __init__(self) -> None:
        self.count = 0
        self.null_ids: list[int] = []
        self.invalid_ids: list[int] = []
        self.totals = {"m2": 0.0, "ha": 0.0, "mu": 0.0}

    def add(self, features, geometries, areas) -> None:
        ids = np.array([feature.id() for feature in features])
        missing = shapely.is_missing(geometries)
        invalid = ~missing & ~shapely.is_valid(geometries)
        self.null_ids.extend(ids[missing].tolist())
        self.invalid_ids.extend(ids[invalid].tolist())
        self.count += len(features)
        for unit in self.totals:
            self.totals[unit] += float(np.nansum(areas[unit]))

    def report(self, feedback) -> None:
        if self.null_ids:
            feedback.pushWarning(tr("{count} features have no geometry; their areas are NULL (feature ids: {ids}).")
                                 .format(count=len(self.null_ids), ids=_list_ids(self.null_ids)))
        if self.invalid_ids:
            feedback.pushWarning(tr("{count} features have invalid geometries; their areas follow the rings as "
                                    "drawn — repair them to be sure (feature ids: {ids}).")
                                 .format(count=len(self.invalid_ids), ids=_list_ids(self.invalid_ids)))
        feedback.pushInfo(tr("{count} features, total area {m2:.2f} m² = {ha:.4f} 公顷 = {mu:.4f} 亩.")
                          .format(count=self.count, **self.totals))

    def outputs(self, algorithm: EllipsoidalAreaAlgorithm) -> dict:
        return {
            algorithm.FEATURE_COUNT: self.count,
            algorithm.NULL_GEOMETRY_COUNT: len(self.null_ids),
            algorithm.INVALID_GEOMETRY_COUNT: len(self.invalid_ids),
            algorithm.TOTAL_M2: self.totals["m2"],
            algorithm.TOTAL_HA: self.totals["ha"],
            algorithm.TOTAL_MU: self.totals["mu"],
        }


def _list_ids(ids: list[int]) -> str:
    shown = ", ".join(str(i) for i in ids[:MAX_LISTED_IDS])
    return shown + (" …" if len(ids) > MAX_LISTED_IDS else "")
