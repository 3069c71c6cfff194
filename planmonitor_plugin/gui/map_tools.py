"""A map tool to draw a polygon on the canvas (rubber band): left click adds a vertex, right click or
double click finishes, Esc or Backspace cancels / removes the last vertex."""

from __future__ import annotations

from typing import Optional

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsWkbTypes,
)
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

CGCS2000 = "EPSG:4490"


class PolygonMapTool(QgsMapTool):
    """Collects vertices in map coordinates; emits ``polygonDrawn`` (QgsGeometry, canvas CRS) when finished."""

    polygonDrawn = pyqtSignal(QgsGeometry)  # noqa: N815 (Qt signal naming)
    cancelled = pyqtSignal()

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.points: list[QgsPointXY] = []
        self.swallow_release = False  # the release that follows a double click
        self.band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self.band.setColor(QColor(216, 67, 21, 200))
        self.band.setFillColor(QColor(255, 140, 0, 50))
        self.band.setWidth(2)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def canvasReleaseEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.swallow_release:
            self.swallow_release = False
        elif event.button() == Qt.MouseButton.RightButton:
            self.finish()
        elif event.button() == Qt.MouseButton.LeftButton:
            self.add_point(event.mapPoint())

    def canvasDoubleClickEvent(self, event) -> None:  # noqa: N802
        self.swallow_release = True
        self.finish()  # the double click's first release has already added its vertex

    def canvasMoveEvent(self, event) -> None:  # noqa: N802
        if self.points:
            self._redraw(event.mapPoint())

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.reset()
            self.cancelled.emit()
        elif event.key() == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            self._redraw()

    def add_point(self, point: QgsPointXY) -> None:
        if self.points and self.points[-1] == point:
            return
        self.points.append(QgsPointXY(point))
        self._redraw()

    def finish(self) -> Optional[QgsGeometry]:
        """Emit the polygon (needs three distinct vertices) and clear the band; None when too few."""
        if len(self.points) < 3:
            return None
        geometry = QgsGeometry.fromPolygonXY([self.points + [self.points[0]]])
        self.reset()
        self.polygonDrawn.emit(geometry)
        return geometry

    def reset(self) -> None:
        self.points = []
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def deactivate(self) -> None:
        self.reset()
        super().deactivate()

    def remove_band(self) -> None:
        """Take the rubber band off the canvas (dock closed or plugin unloaded)."""
        self.reset()
        scene = self.band.scene()
        if scene is not None:
            scene.removeItem(self.band)

    def _redraw(self, moving: Optional[QgsPointXY] = None) -> None:
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        for point in self.points + ([moving] if moving is not None else []):
            self.band.addPoint(point, False)
        self.band.show()
        self.band.updatePosition()
        self.band.update()


def to_cgcs2000(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem):
    """A canvas geometry as a valid shapely polygon in EPSG:4490 (what export_subset expects)."""
    copy = QgsGeometry(geometry)
    target = QgsCoordinateReferenceSystem(CGCS2000)
    if crs.isValid() and crs != target:
        copy.transform(QgsCoordinateTransform(crs, target, QgsProject.instance()))
    shape = shapely.from_wkt(copy.asWkt(12))
    return shape if shape.is_valid else shapely.make_valid(shape)
