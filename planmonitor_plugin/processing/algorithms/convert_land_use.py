"""planmonitor:convertlanduse — 基数转换: 三调 DLBM → 用地用海 (2023) codes, ambiguous cases flagged."""

from __future__ import annotations

from qgis.core import (
    QgsFeatureRequest,
    QgsField,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)
from qgis.PyQt.QtCore import QVariant

from planmonitor_plugin.core.code_tables import crosswalk_sandiao_to_ydyh, load_code_table
from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.processing.algorithms.base import PlanMonitorAlgorithm
from planmonitor_plugin.qgis_adapter.conversion import features_to_frame, iter_feature_chunks, to_qgis_value
from planmonitor_plugin.qgis_adapter.i18n import tr

#: Output field → crosswalk column. ZHZT (转换状态): mapped / needs_subdivision / unknown / empty.
OUTPUT_FIELDS = (("YDYHFLDM", "ydyh_code"), ("YDYHFLMC", "ydyh_name"), ("ZHZT", "status"),
                 ("HXDM", "candidates"), ("YJDM", "level1_fallback"))
STATUSES = ("mapped", "needs_subdivision", "unknown", "empty")


class ConvertLandUseAlgorithm(PlanMonitorAlgorithm):
    """三调 land classes to planning classes through the crosswalk table; never guesses."""

    INPUT = "INPUT"
    CODE_FIELD = "CODE_FIELD"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "convertlanduse"

    def displayName(self) -> str:  # noqa: N802
        return tr("Convert survey classes to planning classes (基数转换)")

    def group(self) -> str:
        return tr("Compliance")

    def groupId(self) -> str:  # noqa: N802
        return "compliance"

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Converts the 三调 land class (DLBM) of every parcel to the 2023 用地用海 class through the bundled "
            "crosswalk (resources/code_tables/sandiao_to_ydyh.csv). Adds YDYHFLDM and YDYHFLMC where the class maps "
            "to exactly one planning class; ZHZT, the conversion status: mapped, needs_subdivision (one 三调 class, "
            "several planning classes — to be decided in review, never guessed), unknown (code not in the table) "
            "or empty; HXDM, the candidate codes of ambiguous classes; YJDM, the level-1 class they share. Filter "
            "on ZHZT = 'needs_subdivision' to get the review queue."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Current land use (DLTB)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        # Optional with DLBM as the fallback: QGIS 3.22 rejects an omitted field parameter even with a default.
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, tr("三调 land class field"), "DLBM", self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Parcels with planning classes"), QgsProcessing.SourceType.TypeVectorPolygon))
        labels = {"mapped": tr("Parcels converted"), "needs_subdivision": tr("Parcels needing subdivision"),
                  "unknown": tr("Parcels with unknown codes"), "empty": tr("Parcels without a code")}
        for status in STATUSES:
            self.addOutput(QgsProcessingOutputNumber(f"{status.upper()}_COUNT", labels[status]))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise self.fail(self.invalidSourceError(parameters, self.INPUT))
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) or "DLBM"
        if source.fields().lookupField(code_field) < 0:
            raise self.fail(tr("The layer has no field “{field}”: choose the field holding the 三调 land class "
                               "code.").format(field=code_field))
        try:
            table = load_code_table("sandiao_to_ydyh")
        except PlanMonitorError as exc:
            raise self.core_error(exc) from exc
        lengths = {"YDYHFLDM": 10, "YDYHFLMC": 100, "ZHZT": 20, "HXDM": 254, "YJDM": 10}
        new_fields = [QgsField(name, QVariant.String, "", lengths[name]) for name, _column in OUTPUT_FIELDS]
        fields, positions = self.fields_with(source.fields(), new_fields, feedback)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                             source.sourceCrs())
        if sink is None:
            raise self.fail(self.invalidSinkError(parameters, self.OUTPUT))
        counts = dict.fromkeys(STATUSES, 0)
        total, done = max(source.featureCount(), 1), 0
        names = source.fields().names()
        for chunk in iter_feature_chunks(source, QgsFeatureRequest(), skip_validity_checks=True):
            if feedback.isCanceled():
                break
            converted = crosswalk_sandiao_to_ydyh(features_to_frame(chunk, names)[code_field], table)
            self._annotate(chunk, converted, positions, fields.count())
            self.write(sink, chunk, self.OUTPUT)
            for status, number in converted["status"].value_counts().items():
                counts[status] = counts.get(status, 0) + int(number)
            done += len(chunk)
            feedback.setProgress(100.0 * done / total)
        feedback.pushInfo(tr("{mapped} parcels converted, {ambiguous} need subdivision (ZHZT = needs_subdivision), "
                             "{unknown} have unknown codes, {empty} have no code.").format(
            mapped=counts["mapped"], ambiguous=counts["needs_subdivision"], unknown=counts["unknown"],
            empty=counts["empty"]))
        return {self.OUTPUT: dest_id, **{f"{status.upper()}_COUNT": counts[status] for status in STATUSES}}

    @staticmethod
    def _annotate(features, converted, positions: dict[str, int], width: int) -> None:
        columns = {name: [to_qgis_value(v) for v in converted[column].astype(object)]
                   for name, column in OUTPUT_FIELDS}
        for row, feature in enumerate(features):
            if feature.attributeCount() < width:
                feature.resizeAttributes(width)
            for name, position in positions.items():
                feature.setAttribute(position, columns[name][row])
