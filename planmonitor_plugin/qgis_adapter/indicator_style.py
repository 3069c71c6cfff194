"""Traffic-light style of the indicator units layer (categories on ``worst_level``), applied on load.

QGIS 3.22: ``context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(...)``
runs :class:`UnitsStyler` on the output layer once it is loaded into the project.
The same style is saved as ``resources/styles/indicator_units.qml`` for layers
loaded later (Layer Properties ▸ Style ▸ Load Style).
"""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsPalLayerSettings,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererCategory,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from planmonitor_plugin.__about__ import RESOURCES_DIR
from planmonitor_plugin.qgis_adapter.i18n import tr

STYLE_PATH = RESOURCES_DIR / "styles" / "indicator_units.qml"
LEVEL_FIELD = "worst_level"
COLOURS = {"red": "#e06666", "yellow": "#ffd966", "green": "#93c47d", "no_target": "#d9d9d9"}


def level_labels() -> dict[str, str]:
    return {"red": tr("Red: a target is missed"), "yellow": tr("Yellow: close to a target"),
            "green": tr("Green: all targets met"), "no_target": tr("No target given")}


def units_renderer() -> QgsCategorizedSymbolRenderer:
    """Categories red / yellow / green / no target on the worst warning level of each unit."""
    categories = []
    for level, label in level_labels().items():
        symbol = QgsFillSymbol.createSimple({"color": COLOURS[level], "outline_color": "#404040",
                                             "outline_width": "0.3"})
        categories.append(QgsRendererCategory(level, symbol, label))
    return QgsCategorizedSymbolRenderer(LEVEL_FIELD, categories)


def apply_units_style(layer) -> None:
    """The categorised renderer and unit-name labels."""
    layer.setRenderer(units_renderer())
    settings = QgsPalLayerSettings()
    settings.fieldName = "unit_name"
    text = QgsTextFormat()
    text.setSize(9)
    text.setColor(QColor("#202020"))
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    layer.triggerRepaint()


class UnitsStyler(QgsProcessingLayerPostProcessorInterface):
    """Post-processor styling the loaded units layer; keep one reference alive (``create``)."""

    _instance = None

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        apply_units_style(layer)

    @staticmethod
    def create() -> UnitsStyler:
        UnitsStyler._instance = UnitsStyler()
        return UnitsStyler._instance


def style_when_loaded(context, dest_id: str) -> None:
    """Style the units output if Processing loads it into the project (toolbox runs)."""
    if context.willLoadLayerOnCompletion(dest_id):
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(UnitsStyler.create())


def save_units_style(path=STYLE_PATH) -> None:
    """Write the style as a .qml (the bundled file is made with this: untranslated English labels)."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4490&field=worst_level:string&field=unit_name:string", "units",
                           "memory")
    apply_units_style(layer)
    path.parent.mkdir(parents=True, exist_ok=True)
    message, ok = layer.saveNamedStyle(str(path))
    if not ok:
        raise OSError(message)
