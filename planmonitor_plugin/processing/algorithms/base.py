"""Shared habits of PlanMonitor algorithms: translation, help, error mapping."""

from __future__ import annotations

import shapely
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QIcon

from planmonitor_plugin.__about__ import RESOURCES_DIR
from planmonitor_plugin.core.errors import Cancelled, CoordinatesOutOfRange, PlanMonitorError
from planmonitor_plugin.core.validation.spatial import repair
from planmonitor_plugin.qgis_adapter.i18n import tr
from planmonitor_plugin.qgis_adapter.layers import encoding_note


class PlanMonitorAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses define ids, parameters and ``run``."""

    INVALID = "INVALID_GEOMETRIES"

    def tr(self, text: str) -> str:
        return tr(text)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def icon(self) -> QIcon:
        return QIcon(str(RESOURCES_DIR / "icons" / "planmonitor.svg"))

    @staticmethod
    def fail(message: str, exc: Exception | None = None) -> QgsProcessingException:
        """A QgsProcessingException carrying a user-facing (translated) message."""
        error = QgsProcessingException(message)
        if exc is not None:
            error.__cause__ = exc
        return error

    @staticmethod
    def fields_with(input_fields, new_fields: list, feedback) -> tuple[QgsFields, dict[str, int]]:
        """Input fields plus ``new_fields``; a same-named input field is replaced, with a warning.

        Returns the fields and the position of each new field by name.
        """
        fields = QgsFields(input_fields)
        positions = {}
        for field in new_fields:
            existing = fields.lookupField(field.name())
            if existing >= 0:
                feedback.pushWarning(tr("Field “{name}” exists in the input; its values are replaced.")
                                     .format(name=field.name()))
                replaced = QgsFields()
                for index, old in enumerate(fields):
                    replaced.append(field if index == existing else old)
                fields = replaced
                positions[field.name()] = existing
            else:
                fields.append(field)
                positions[field.name()] = fields.count() - 1
        return fields, positions

    def write(self, sink, features: list, output: str) -> None:
        """Add features to a sink; a failed write stops the algorithm with the reason — never silently short."""
        if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
            raise self.fail(tr("Could not write the findings to “{output}”: {error}").format(
                output=output, error=sink.lastError()))

    def core_error(self, exc: PlanMonitorError) -> QgsProcessingException:
        if isinstance(exc, Cancelled):
            return self.fail(tr("Cancelled by the user."), exc)
        if isinstance(exc, CoordinatesOutOfRange):
            return self.fail(tr("{count} vertices lie outside the area of their layer's coordinate system and cannot "
                                "be measured: check that each layer's CRS is the one its coordinates were made in "
                                "(e.g. 3° zone with or without the zone number).").format(
                count=exc.details.get("count", "?")), exc)
        return self.fail(str(exc), exc)

    def source(self, parameters, name: str, context, feedback=None):
        """``parameterAsSource``, after settling the text encoding of a Shapefile without a .cpg file (GBK).

        The layer object is the one Processing keeps in the context, so the source built from it
        reads with the encoding set here; the note goes to the log.
        """
        layer = self.parameterAsVectorLayer(parameters, name, context)
        note = encoding_note(layer) if layer is not None else None
        if note and feedback is not None:
            feedback.pushInfo(f"{layer.name()}: {note}")
        return self.parameterAsSource(parameters, name, context)

    def required_source(self, parameters, name: str, context, feedback=None):
        """:meth:`source`, failing with QGIS's own message when the layer cannot be loaded."""
        source = self.source(parameters, name, context, feedback)
        if source is None:
            raise self.fail(self.invalidSourceError(parameters, name))
        return source

    def write_table(self, parameters, output: str, context, fields: QgsFields, rows) -> str:
        """Attribute rows (lists matching ``fields``) into the no-geometry sink ``output``; its destination id."""
        sink, dest_id = self.parameterAsSink(parameters, output, context, fields, QgsWkbTypes.Type.NoGeometry)
        if sink is None:
            raise self.fail(self.invalidSinkError(parameters, output))
        features = []
        for values in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(list(values))
            features.append(feature)
        self.write(sink, features, output)
        return dest_id

    def add_invalid_geometry_parameter(self) -> None:
        """The user's choice for invalid input geometries: repair (default) or skip — listed either way."""
        self.addParameter(QgsProcessingParameterEnum(
            self.INVALID, tr("Invalid geometries"), [tr("Repair them and list them"), tr("Skip them and list them")],
            defaultValue=0))

    def handle_invalid(self, parameters, context, feedback, frame, geometry, layer_label: str):
        """(geometry with invalid ones repaired or set to None, ids of the invalid features); warns with the ids."""
        valid = shapely.is_valid(geometry) | shapely.is_missing(geometry)
        invalid_ids = frame.index.to_numpy()[~valid]
        if not len(invalid_ids):
            return geometry, invalid_ids
        skip = self.parameterAsEnum(parameters, self.INVALID, context) == 1
        fixed = geometry.copy()
        if skip:
            fixed[~valid] = None
        else:
            fixed = repair(geometry, valid)
        message = (tr("{count} features of the {layer} layer have invalid geometries and were skipped "
                      "(feature ids: {ids}).") if skip else
                   tr("{count} features of the {layer} layer have invalid geometries and were repaired "
                      "(feature ids: {ids})."))
        feedback.pushWarning(message.format(count=len(invalid_ids), layer=layer_label, ids=id_list(invalid_ids)))
        return fixed, invalid_ids


def id_list(ids, limit: int = 20) -> str:
    """Feature ids for a message: the first ``limit``, then an ellipsis."""
    shown = ", ".join(str(i) for i in list(ids)[:limit])
    return shown + (" …" if len(ids) > limit else "")
