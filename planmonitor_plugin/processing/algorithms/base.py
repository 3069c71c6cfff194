"""Shared habits of PlanMonitor algorithms: translation, help, error mapping."""

from __future__ import annotations

from qgis.core import QgsFeatureSink, QgsFields, QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from planmonitor_plugin.__about__ import RESOURCES_DIR
from planmonitor_plugin.core.errors import Cancelled, CoordinatesOutOfRange, PlanMonitorError
from planmonitor_plugin.qgis_adapter.i18n import tr


class PlanMonitorAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses define ids, parameters and ``run``."""

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
