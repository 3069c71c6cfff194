"""Field packages (外业包): export a pilot area to a folder a field laptop (or QField) opens; import it back.

The folder holds the work-package subset (core ``export_subset``), the reference layers
clipped to the pilot areas (``参考图层.gpkg``) and a ready QGIS project (``.qgz``, relative
paths) whose verdict form has value maps for the verdict codes and default values for the
event UUID, the times and the reviewer. Import merges by UUID (core ``import_package``) and
writes the report as CSV and HTML next to the work package.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Optional, Sequence

import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.workpackage import ExportResult, VerdictTypes, WorkPackage
from planmonitor_plugin.qgis_adapter.i18n import tr

REFERENCE_FILE = "参考图层.gpkg"
OUTCOMES = ("accepted", "duplicate", "conflicting", "rejected")


@dataclass
class FieldPackage:
    folder: Path
    package_path: Path
    project_path: Path
    reference_path: Optional[Path]
    export: ExportResult
    reference_counts: dict = field(default_factory=dict)
    types: Optional[VerdictTypes] = None


@dataclass
class ImportReport:
    report: pd.DataFrame
    counts: dict
    csv_path: Path
    html_path: Path


# --- export ------------------------------------------------------------------------------------
def export_field_package(work_package, folder, pilot_area_ids: Optional[Sequence[str]] = None,
                         reference_layers: Sequence[QgsVectorLayer] = (), reviewer: str = "",
                         transform_context: Optional[QgsCoordinateTransformContext] = None,
                         overwrite: bool = False, polygon=None) -> FieldPackage:
    """Write the field package of ``pilot_area_ids`` (all when None) and/or ``polygon`` into ``folder``.

    ``polygon`` is a shapely polygon in EPSG:4490 (an area drawn on the map): only the items it
    intersects go into the package and the reference layers are clipped to it.
    """
    exported = export_field_data(work_package, folder, pilot_area_ids, reference_layers, transform_context,
                                 overwrite, polygon)
    return finish_field_package(exported, reviewer)


def export_field_data(work_package, folder, pilot_area_ids: Optional[Sequence[str]] = None,
                      reference_layers: Sequence[QgsVectorLayer] = (),
                      transform_context: Optional[QgsCoordinateTransformContext] = None,
                      overwrite: bool = False, polygon=None) -> FieldPackage:
    """The data part of the export (subset and clipped reference layers), safe in a QgsTask.

    The QGIS project is written by :func:`finish_field_package` (in the main thread).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    context = transform_context or QgsProject.instance().transformContext()
    with WorkPackage.open(work_package) as package:
        areas = package.pilot_areas()
        area_ids = list(pilot_area_ids) if pilot_area_ids else (
            [] if polygon is not None else list(areas["area_id"]))
        target = folder / f"{Path(work_package).stem}_{_target_suffix(area_ids, polygon)}.gpkg"
        _check_target(target, folder, overwrite)
        result = package.export_subset(target, area_ids or None, polygon=polygon)
        types = package.verdict_types
    shape = polygon if polygon is not None else shapely.union_all(
        [g for g in areas.loc[areas["area_id"].isin(area_ids), "geometry"] if g is not None])
    reference_path, counts = None, {}
    if reference_layers:
        reference_path = folder / REFERENCE_FILE
        counts = write_clipped_layers(reference_layers, shape, reference_path, context)
    return FieldPackage(folder, target, folder / f"{target.stem}.qgz", reference_path, result, counts, types)


def finish_field_package(exported: FieldPackage, reviewer: str = "") -> FieldPackage:
    """Write the field package's QGIS project (.qgz) with the verdict form."""
    write_field_project(exported.package_path, exported.reference_path, list(exported.reference_counts),
                        exported.types, reviewer, exported.project_path)
    return exported


def _target_suffix(area_ids: Sequence[str], polygon) -> str:
    if polygon is None:
        return "_".join(area_ids)
    return "_".join([*area_ids, tr("drawn area")]) if area_ids else tr("drawn area")


def _check_target(target: Path, folder: Path, overwrite: bool) -> None:
    if target.exists() and not overwrite:
        raise InputError(tr("{file} already exists in {folder}: if it holds field verdicts, import it first; "
                            "then choose an empty folder.").format(file=target.name, folder=folder),
                         file=str(target))
    if target.exists():
        target.unlink()


def write_clipped_layers(layers: Sequence[QgsVectorLayer], area, path: Path,
                         context: QgsCoordinateTransformContext) -> dict[str, int]:
    """Each layer clipped to ``area`` (shapely, EPSG:4490) into one GeoPackage; features written per layer."""
    counts = {}
    area_geometry = QgsGeometry.fromWkt(shapely.to_wkt(area))
    for index, layer in enumerate(layers):
        clipped = clip_layer(layer, area_geometry, context)
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = layer.name()
        options.fileEncoding = "UTF-8"
        options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile if index == 0
                                        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer)
        error, message, _path, _layer = QgsVectorFileWriter.writeAsVectorFormatV3(clipped, str(path), context,
                                                                                    options)
        if error != QgsVectorFileWriter.WriterError.NoError:
            raise InputError(tr("Could not write the reference layer “{layer}” to {file}: {error}").format(
                layer=layer.name(), file=path.name, error=message), file=str(path))
        counts[layer.name()] = clipped.featureCount()
    return counts


def clip_layer(layer: QgsVectorLayer, area: QgsGeometry, context: QgsCoordinateTransformContext) -> QgsVectorLayer:
    """A memory copy of ``layer`` holding only its parts inside ``area`` (EPSG:4490), in the layer's CRS."""
    to_layer = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4490"), layer.crs(), context)
    local = QgsGeometry(area)
    local.transform(to_layer)
    geometry_type = QgsWkbTypes.displayString(QgsWkbTypes.multiType(layer.wkbType()))
    memory = QgsVectorLayer(f"{geometry_type}?crs={layer.crs().authid() or 'EPSG:4490'}", layer.name(), "memory")
    memory.dataProvider().addAttributes(layer.fields().toList())
    memory.updateFields()
    engine = QgsGeometry.createGeometryEngine(local.constGet())
    engine.prepareGeometry()
    features = []
    for feature in layer.getFeatures(QgsFeatureRequest().setFilterRect(local.boundingBox())):
        geometry = feature.geometry()
        if geometry.isNull() or not engine.intersects(geometry.constGet()):
            continue
        part = geometry if engine.contains(geometry.constGet()) else geometry.intersection(local)
        if part.isEmpty():
            continue
        part.convertToMultiType()
        out = QgsFeature(memory.fields())
        out.setAttributes(feature.attributes())
        out.setGeometry(part)
        features.append(out)
    memory.dataProvider().addFeatures(features)
    return memory


def write_field_project(package_path: Path, reference_path: Optional[Path], reference_names: list[str],
                        types: VerdictTypes, reviewer: str, project_path: Path) -> Path:
    """A .qgz with the package's layers and a verdict form (value maps, default values), relative paths."""
    project = QgsProject()
    project.setTitle(package_path.stem)
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4490"))
    names = {"pilot_areas": tr("Pilot areas"), "review_items": tr("Review items"), "photos": tr("Photo positions"),
             "verdict_events": tr("Verdicts (add a row per decision)")}
    layers = {}
    for table, name in names.items():
        layers[table] = QgsVectorLayer(f"{package_path}|layername={table}", name, "ogr")
    for name in reference_names:
        layers[name] = QgsVectorLayer(f"{reference_path}|layername={name}", name, "ogr")
    for layer in layers.values():
        if not layer.isValid():
            raise InputError(tr("The field project cannot load the layer “{layer}”.").format(layer=layer.name()))
        project.addMapLayer(layer)
    configure_verdict_form(layers["verdict_events"], layers["review_items"], types)
    for table in ("pilot_areas", "review_items", "photos"):
        layers[table].setReadOnly(True)
    project.setCustomVariables({"planmonitor_reviewer": reviewer})
    if not project.write(str(project_path)):
        raise InputError(tr("Could not write the field project {file}: {error}").format(
            file=project_path.name, error=project.error()), file=str(project_path))
    return project_path


def configure_verdict_form(events: QgsVectorLayer, items: QgsVectorLayer, types: VerdictTypes) -> None:
    """Value maps for verdict and sub-type, item picker, defaults for uuid, times, reviewer; bookkeeping hidden.

    The reviewer default reads the project variable ``planmonitor_reviewer`` (set on export).
    """
    verdicts = [{v.name_zh: code} for code, v in types.verdicts.items()]  # field forms in Chinese
    subs = [{"—": "{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"}] + [
        {f"{v.name_zh} · {s.name_zh}": s.code} for v in types.verdicts.values() for s in v.sub_types.values()]
    setups = {"verdict": QgsEditorWidgetSetup("ValueMap", {"map": verdicts}),
              "sub_type": QgsEditorWidgetSetup("ValueMap", {"map": subs}),
              "item_id": QgsEditorWidgetSetup("ValueRelation", {
                  "Layer": items.id(), "Key": "item_id", "Value": "item_id", "AllowNull": False,
                  "OrderByValue": True}),
              "note": QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True})}
    for name in ("fid", "supersedes", "origin", "stored_utc", "event_uuid", "created_utc", "created_local"):
        setups[name] = QgsEditorWidgetSetup("Hidden", {})
    fields = events.fields()
    # aliases first: setting an alias rebuilds the fields and drops widget setups set before (QGIS 3.22)
    for name, alias in (("item_id", tr("Item")), ("verdict", tr("Verdict")), ("sub_type", tr("Sub-type")),
                        ("note", tr("Note")), ("reviewer", tr("Reviewer")), ("device", tr("Device"))):
        events.setFieldAlias(fields.indexOf(name), alias)
    for name, setup in setups.items():
        events.setEditorWidgetSetup(fields.indexOf(name), setup)
    offset = datetime.now().astimezone().utcoffset()
    seconds = int(offset.total_seconds()) if offset else 0
    sign = "+" if seconds >= 0 else "-"
    text_offset = f"{sign}{abs(seconds) // 3600:02d}:{abs(seconds) % 3600 // 60:02d}"
    defaults = {
        "event_uuid": "regexp_replace(uuid(), '[{}]', '')",
        # OGR stores QGIS's local time without an offset, and the core reads that as UTC: subtract the offset of
        # the exporting office (China: one time zone, no daylight saving) so the stored value is UTC.
        "created_utc": f"now() - to_interval('{seconds} seconds')",
        "created_local": f"format_date(now(), 'yyyy-MM-ddTHH:mm:ss.zzz') || '{text_offset}'",
        "reviewer": "coalesce(@planmonitor_reviewer, @user_full_name)",
        "device": "@user_account_name",
    }
    for name, expression in defaults.items():
        events.setDefaultValueDefinition(fields.indexOf(name), QgsDefaultValue(expression))


# --- import ------------------------------------------------------------------------------------
def find_field_package(path) -> Path:
    """The work-package GeoPackage of a field package (the file itself, or the one in its folder)."""
    path = Path(path)
    if path.is_file():
        return path
    if path.is_dir():
        candidates = [p for p in sorted(path.glob("*.gpkg")) if p.name != REFERENCE_FILE]
        if len(candidates) == 1:
            return candidates[0]
        raise InputError(tr("{folder}: expected one field-package GeoPackage, found {count}").format(
            folder=path.name, count=len(candidates)), file=str(path))
    raise InputError(tr("{path}: no such file or folder").format(path=path.name), file=str(path))


def import_field_package(work_package, field_package, report_dir=None) -> ImportReport:
    """Merge the field package's events and photos; the report as CSV and HTML (next to the work package)."""
    source = find_field_package(field_package)
    with WorkPackage.open(work_package) as package:
        report = package.import_package(source)
    counts = {outcome: int((report["outcome"] == outcome).sum()) for outcome in OUTCOMES}
    folder = Path(report_dir) if report_dir else Path(work_package).parent
    stamp = datetime.now().strftime("%Y%m%d_%H%M%S")
    base = folder / f"导入报告_{source.stem}_{stamp}"
    csv_path, html_path = base.with_suffix(".csv"), base.with_suffix(".html")
    report.to_csv(csv_path, index=False, encoding="utf-8-sig")
    html_path.write_text(report_html(report, counts, source.name), encoding="utf-8")
    return ImportReport(report, counts, csv_path, html_path)


def report_html(report: pd.DataFrame, counts: dict, source_name: str) -> str:
    """A self-contained HTML page: counts per outcome and every event and photo with its outcome."""
    names = outcome_names()
    summary = " · ".join(f"{names[o]}: {counts[o]}" for o in OUTCOMES)
    columns = ["kind", "item_id", "event_uuid", "photo_uuid", "outcome", "detail", "conflicts_with"]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    rows = "".join(
        f"<tr class='{html.escape(str(r['outcome']))}'>" + "".join(
            f"<td>{html.escape(names.get(r[c], str(r[c])) if c == 'outcome' else ('' if r[c] is None else str(r[c])))}"
            "</td>" for c in columns) + "</tr>" for r in report.to_dict("records"))
    title = html.escape(tr("Field package import report"))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title><style>"
            "td,th{border:1px solid #ccc;padding:2px 6px;font-size:12px}.conflicting{background:#f3e5f5}"
            ".rejected{background:#ffebee}.duplicate{color:#777}</style></head><body>"
            f"<h1>{title}</h1><p>{html.escape(source_name)}</p><p>{html.escape(summary)}</p>"
            f"<table><tr>{head}</tr>{rows}</table></body></html>")


def outcome_names() -> dict[str, str]:
    return {"accepted": tr("accepted"), "duplicate": tr("duplicate"), "conflicting": tr("conflicting"),
            "rejected": tr("rejected")}
