"""planmonitor:buildworkpackage — the review task's work package (审查工作包) from the check results."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

from planmonitor_plugin.core.compliance.rules import load_rule_pack
from planmonitor_plugin.core.errors import PlanMonitorError
from planmonitor_plugin.core.workpackage import WorkPackage, sources
from planmonitor_plugin.processing.algorithms.base import PlanMonitorAlgorithm
from planmonitor_plugin.qgis_adapter.i18n import tr
from planmonitor_plugin.qgis_adapter.layers import read_layer

QT_TIMES = (QDate, QDateTime, QTime)


def plain_values(frame: pd.DataFrame) -> pd.DataFrame:
    """Attributes for the core: Qt dates and times as ISO text, a fresh index."""
    frame = frame.reset_index(drop=True)
    for column in frame.columns:
        if frame[column].dtype == object and frame[column].map(lambda v: isinstance(v, QT_TIMES)).any():
            frame[column] = [v.toString(Qt.DateFormat.ISODate) if isinstance(v, QT_TIMES) else v
                             for v in frame[column]]
    return frame


class BuildWorkPackageAlgorithm(PlanMonitorAlgorithm):
    """Screened patches and checked sites → one GeoPackage per review task, by pilot area."""

    PATCHES = "PATCHES"
    ONLY_SUSPECTED = "ONLY_SUSPECTED"
    SITES = "SITES"
    PILOT_AREAS = "PILOT_AREAS"
    TOWNSHIPS = "TOWNSHIPS"
    INDICATORS = "INDICATORS"
    TASK_ID = "TASK_ID"
    TASK_NAME = "TASK_NAME"
    REVIEWER = "CREATOR"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "buildworkpackage"

    def displayName(self) -> str:  # noqa: N802
        return tr("Build review work package (审查工作包)")

    def group(self) -> str:
        return tr("Review")

    def groupId(self) -> str:  # noqa: N802
        return "review"

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Writes the work package of a review task: one GeoPackage with the pilot areas, the review items (the "
            "screened change patches of planmonitor:screenchangepatches and/or the sites of "
            "planmonitor:sitecompliance, "
            "each with its check results, classes before/after and ellipsoidal areas), the indicator snapshot of each "
            "pilot area and empty, append-only verdict and photo tables. Pilot areas come from the pilot-area layer, "
            "else one per township of the township layer, else one for the whole extent. Running it again on an "
            "existing package of the same task adds and updates items and never touches a verdict. Open the package "
            "in the review panel (plugin menu ▸ Review panel).")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygons = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PATCHES, tr("Screened change patches (planmonitor:screenchangepatches)"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ONLY_SUSPECTED, tr("Only suspected patches"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITES, tr("Checked construction sites (planmonitor:sitecompliance)"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PILOT_AREAS, tr("Pilot areas"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TOWNSHIPS, tr("Townships (XZQ), one pilot area each"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INDICATORS, tr("Indicator table (planmonitor:computeindicators)"),
            [QgsProcessing.SourceType.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterString(self.TASK_ID, tr("Task id")))
        self.addParameter(QgsProcessingParameterString(self.TASK_NAME, tr("Task name")))
        self.addParameter(QgsProcessingParameterString(self.REVIEWER, tr("Created by"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Work package"), tr("GeoPackage (*.gpkg)")))
        for name, label in (("ITEM_COUNT", tr("Review items")), ("INSERTED", tr("Items added")),
                            ("UPDATED", tr("Items updated")), ("PILOT_AREA_COUNT", tr("Pilot areas")),
                            ("INDICATOR_COUNT", tr("Indicator rows"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        task = {"task_id": self.parameterAsString(parameters, self.TASK_ID, context).strip(),
                "task_name": self.parameterAsString(parameters, self.TASK_NAME, context).strip(),
                "creator": self.parameterAsString(parameters, self.REVIEWER, context).strip() or None}
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if not task["task_id"] or not task["task_name"]:
            raise self.fail(tr("Give the task id and the task name."))
        try:
            parts = self._items(parameters, context, feedback)
            item_shapes = [shape for _, shapes in parts for shape in shapes]
            areas, area_shapes = self._areas(parameters, context, item_shapes, task["task_name"])
            indicators = self._indicators(parameters, context, areas)
            counts = self._write(output, task, parts, (areas, area_shapes), indicators, feedback)
        except PlanMonitorError as exc:
            raise self.core_error(exc) from exc
        return {self.OUTPUT: str(output), "ITEM_COUNT": len(item_shapes), "PILOT_AREA_COUNT": len(areas),
                "INDICATOR_COUNT": len(indicators), "INSERTED": counts["inserted"], "UPDATED": counts["updated"]}

    def _read(self, parameters, name: str, context):
        source = self.source(parameters, name, context)
        if source is None:
            if parameters.get(name) not in (None, ""):
                raise self.fail(self.invalidSourceError(parameters, name))
            return None
        return read_layer(source, name, context.transformContext())

    def _items(self, parameters, context, feedback):
        patches, sites = self._read(parameters, self.PATCHES, context), self._read(parameters, self.SITES, context)
        if patches is None and sites is None:
            raise self.fail(tr("Give the screened change patches, the checked construction sites or both."))
        pack = load_rule_pack()
        parts = []
        if patches is not None:
            only = self.parameterAsBool(parameters, self.ONLY_SUSPECTED, context)
            frame, keep = sources.patch_items(plain_values(patches.frame), pack, only)
            parts.append((frame.assign(source_layer=patches.layer.sourceName()), list(patches.geometry[keep])))
        if sites is not None:
            frame = sources.site_items(plain_values(sites.frame), pack)
            parts.append((frame.assign(source_layer=sites.layer.sourceName()), list(sites.geometry)))
        count = sources.check_unique_ids([part for part, _ in parts])
        if not count:
            raise self.fail(tr("No review items: the inputs are empty (or no patch is suspected)."))
        feedback.pushInfo(tr("{count} review items read.").format(count=count))
        return parts

    def _areas(self, parameters, context, item_shapes, task_name):
        given = self._read(parameters, self.PILOT_AREAS, context)
        if given is not None:
            return sources.layer_areas(plain_values(given.frame)), list(given.geometry)
        townships = self._read(parameters, self.TOWNSHIPS, context)
        if townships is not None:
            return sources.township_areas(plain_values(townships.frame)), list(townships.geometry)
        frame, shapes = sources.whole_area(item_shapes, task_name)
        if frame is None:
            raise self.fail(tr("The review items have no geometry: give a pilot-area layer."))
        return frame, shapes

    def _indicators(self, parameters, context, areas):
        table = self._read(parameters, self.INDICATORS, context)
        if table is None:
            return pd.DataFrame()
        return sources.area_indicators(plain_values(table.frame), areas)

    def _write(self, output, task, parts, areas, indicators, feedback) -> dict:
        if output.exists():
            package = WorkPackage.open(output)
            if package.info.get("task_id") != task["task_id"]:
                found = package.info.get("task_id")
                package.close()
                raise self.fail(tr("“{file}” is the work package of task {found}, not {task}: choose another file.")
                                .format(file=output.name, found=found, task=task["task_id"]))
            feedback.pushInfo(tr("Updating the existing work package: verdicts and photos are kept."))
        else:
            package = WorkPackage.create(output, task)
        with package:
            package.add_pilot_areas(*areas)
            feedback.setProgress(30)
            counts = {"inserted": 0, "updated": 0, "unchanged": 0}
            for frame, shapes in parts:
                for key, value in package.add_review_items(frame, shapes).items():
                    counts[key] += value
            feedback.setProgress(80)
            if len(indicators):
                package.add_indicator_snapshots(indicators)
            reviewed, total = package.progress()
        feedback.pushInfo(tr("{inserted} items added, {updated} updated, {unchanged} unchanged; {reviewed} of {total} "
                             "reviewed.").format(reviewed=reviewed, total=total, **counts))
        return counts
