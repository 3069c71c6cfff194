"""Field packages (外业包): export a pilot area to a folder a field laptop (or QField) opens; import it back.

The folder holds the work-package subset (core ``export_subset``), the reference layers
clipped to the pilot areas (``参考图层.gpkg``), a photo folder ``照片/`` and a ready QGIS
project (``.qgz``, relative paths) whose verdict form has value maps for the verdict codes
and default values for the event UUID, the times and the reviewer.

Photos taken in the field: the work package stores photos as BLOBs with a sha256, which a
form cannot fill. So the field package's GeoPackage gets one more table, ``field_photos``
(written by OGR, not part of the core schema): photo_uuid, item_id, event_uuid (optional),
``path`` (attachment widget, relative to the project folder, i.e. ``照片/….jpg``), note and
created_local. QField uses the same widget configuration (and names its camera files by the
layer's ``QFieldSync/attachment_naming``).

Import merges by UUID (core ``import_package``), then attaches every ``field_photos`` file
through the core (``WorkPackage.attach_photo``: sha256, EXIF, no duplicates), refusing
absolute paths and paths that leave the field-package folder, and writes the report as CSV
and HTML next to the work package.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, Optional, Sequence

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
    QgsField,
    QgsFieldConstraints,
    QgsGeometry,
    QgsProject,
    QgsRelation,
    QgsRelationContext,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from planmonitor_plugin.core.errors import InputError, PlanMonitorError
from planmonitor_plugin.core.workpackage import REPORT_COLUMNS, ExportResult, VerdictTypes, WorkPackage
from planmonitor_plugin.qgis_adapter.i18n import tr

REFERENCE_FILE = "参考图层.gpkg"
PHOTO_FOLDER = "照片"
FIELD_PHOTOS = "field_photos"
FIELD_PHOTO_COLUMNS = ("photo_uuid", "item_id", "event_uuid", "path", "note", "created_local")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
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
    photo_folder: Optional[Path] = None


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
    add_field_photos_table(target)
    photo_folder = folder / PHOTO_FOLDER
    photo_folder.mkdir(exist_ok=True)
    return FieldPackage(folder, target, folder / f"{target.stem}.qgz", reference_path, result, counts, types,
                        photo_folder)


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


def add_field_photos_table(package_path: Path) -> None:
    """The ``field_photos`` attribute table (one row per photo file) in the field package's GeoPackage."""
    memory = QgsVectorLayer("None", FIELD_PHOTOS, "memory")
    memory.dataProvider().addAttributes([QgsField(name, QVariant.String) for name in FIELD_PHOTO_COLUMNS])
    memory.updateFields()
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = FIELD_PHOTOS
    options.fileEncoding = "UTF-8"
    options.layerOptions = ["DESCRIPTION=Field photos 外业照片 (path relative to the project folder)"]
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    error, message, _path, _layer = QgsVectorFileWriter.writeAsVectorFormatV3(
        memory, str(package_path), QgsCoordinateTransformContext(), options)
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise InputError(tr("Could not add the photo table to {file}: {error}").format(
            file=package_path.name, error=message), file=str(package_path))


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
             "verdict_events": tr("Verdicts (add a row per decision)"),
             FIELD_PHOTOS: tr("Field photos (add a row per photo)")}
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
    configure_photo_form(layers[FIELD_PHOTOS], layers["review_items"], layers["verdict_events"])
    relation = item_photo_relation(project, layers["review_items"], layers[FIELD_PHOTOS])
    if relation.isValid():
        project.relationManager().addRelation(relation)
    for table in ("pilot_areas", "review_items", "photos"):
        layers[table].setReadOnly(True)
    project.setCustomVariables({"planmonitor_reviewer": reviewer})
    project.writeEntry("QFieldSync", "attachmentDirs", [PHOTO_FOLDER])  # what QFieldSync/QFieldCloud carry along
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
    seconds, text_offset = _office_offset()
    defaults = {
        "event_uuid": UUID_EXPRESSION,
        # OGR stores QGIS's local time without an offset, and the core reads that as UTC: subtract the offset of
        # the exporting office (China: one time zone, no daylight saving) so the stored value is UTC.
        "created_utc": f"now() - to_interval('{seconds} seconds')",
        "created_local": _local_time_expression(text_offset),
        "reviewer": "coalesce(@planmonitor_reviewer, @user_full_name)",
        "device": "@user_account_name",
    }
    for name, expression in defaults.items():
        events.setDefaultValueDefinition(fields.indexOf(name), QgsDefaultValue(expression))


UUID_EXPRESSION = "regexp_replace(uuid(), '[{}]', '')"


def _office_offset() -> tuple[int, str]:
    """The exporting machine's UTC offset in seconds and as ``+08:00``."""
    offset = datetime.now().astimezone().utcoffset()
    seconds = int(offset.total_seconds()) if offset else 0
    sign = "+" if seconds >= 0 else "-"
    return seconds, f"{sign}{abs(seconds) // 3600:02d}:{abs(seconds) % 3600 // 60:02d}"


def _local_time_expression(text_offset: str) -> str:
    return f"format_date(now(), 'yyyy-MM-ddTHH:mm:ss.zzz') || '{text_offset}'"


def configure_photo_form(photos: QgsVectorLayer, items: QgsVectorLayer, events: QgsVectorLayer) -> None:
    """The field-photo form: item picker, optional verdict of that item, attachment widget for the file.

    The attachment stores the path relative to the project folder (QGIS and QField); the file dialog
    opens in ``照片/`` and QField names its camera photos ``照片/<item>_<time>.<ext>``.
    """
    fields = photos.fields()
    for name, alias in (("item_id", tr("Item")), ("event_uuid", tr("Verdict (optional)")),
                        ("path", tr("Photo file")), ("note", tr("Note"))):
        photos.setFieldAlias(fields.indexOf(name), alias)
    root = {"name": "", "type": "collection", "properties": {"propertyRootPath": {
        "active": True, "type": 3, "expression": f"@project_folder || '/{PHOTO_FOLDER}'"}}}
    setups = {
        "item_id": QgsEditorWidgetSetup("ValueRelation", {
            "Layer": items.id(), "Key": "item_id", "Value": "item_id", "AllowNull": False, "OrderByValue": True}),
        "event_uuid": QgsEditorWidgetSetup("ValueRelation", {
            "Layer": events.id(), "Key": "event_uuid", "Value": "created_local", "AllowNull": True,
            "OrderByValue": True, "FilterExpression": "\"item_id\" = current_value('item_id')"}),
        "path": QgsEditorWidgetSetup("ExternalResource", {
            "FileWidget": True, "FileWidgetButton": True, "UseLink": True, "FullUrl": False,
            "RelativeStorage": 1,  # QgsFileWidget.RelativeProject
            "StorageMode": 0,  # a file
            "DocumentViewer": 1,  # an image viewer
            "DocumentViewerHeight": 0, "DocumentViewerWidth": 0,
            "FileWidgetFilter": tr("Photos") + " (*.jpg *.jpeg *.JPG *.JPEG *.png *.heic *.tif *.tiff)",
            "PropertyCollection": root}),
        "note": QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True}),
    }
    for name in ("fid", "photo_uuid", "created_local"):
        setups[name] = QgsEditorWidgetSetup("Hidden", {})
    for name, setup in setups.items():
        photos.setEditorWidgetSetup(fields.indexOf(name), setup)
    for name in ("item_id", "path"):
        photos.setFieldConstraint(fields.indexOf(name), QgsFieldConstraints.Constraint.ConstraintNotNull,
                                  QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard)
    _seconds, text_offset = _office_offset()
    for name, expression in (("photo_uuid", UUID_EXPRESSION), ("created_local", _local_time_expression(text_offset))):
        photos.setDefaultValueDefinition(fields.indexOf(name), QgsDefaultValue(expression))
    naming = (f"'{PHOTO_FOLDER}/' || regexp_replace(coalesce(\"item_id\", 'photo'), '[^0-9A-Za-z_-]', '_') "
              "|| '_' || format_date(now(), 'yyyyMMdd_HHmmss') || '.{extension}'")
    photos.setCustomProperty("QFieldSync/attachment_naming", json.dumps({"path": naming}, ensure_ascii=False))
    photos.setCustomProperty("QFieldSync/photo_naming", json.dumps({"path": naming}, ensure_ascii=False))


def item_photo_relation(project: QgsProject, items: QgsVectorLayer, photos: QgsVectorLayer) -> QgsRelation:
    """review_items 1 : n field_photos by item_id (the item form lists and adds its field photos)."""
    relation = QgsRelation(QgsRelationContext(project))
    relation.setId("planmonitor_item_field_photos")
    relation.setName(tr("Field photos"))
    relation.setReferencedLayer(items.id())
    relation.setReferencingLayer(photos.id())
    relation.addFieldPair("item_id", "item_id")
    return relation


# --- import ------------------------------------------------------------------------------------
def find_field_package(path) -> Path:
    """The work-package GeoPackage of a field package (the file itself, or the one in its folder)."""
    path = Path(path)
    if path.is_file():
        return path
    if path.is_dir():
        candidates = [p for p in sorted(path.glob("*.gpkg")) if p.name != REFERENCE_FILE
                      and not p.name.startswith(".")]
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
        photos = attach_field_photos(package, source)
        if len(photos):
            package.log_import(photos, _package_id(source), source.name)
    report = pd.concat([report, photos], ignore_index=True) if len(photos) else report
    counts = {outcome: int((report["outcome"] == outcome).sum()) for outcome in OUTCOMES}
    folder = Path(report_dir) if report_dir else Path(work_package).parent
    stamp = datetime.now().strftime("%Y%m%d_%H%M%S")
    base = folder / f"导入报告_{source.stem}_{stamp}"
    csv_path, html_path = base.with_suffix(".csv"), base.with_suffix(".html")
    report.to_csv(csv_path, index=False, encoding="utf-8-sig")
    html_path.write_text(report_html(report, counts, source.name), encoding="utf-8")
    return ImportReport(report, counts, csv_path, html_path)


def _package_id(source: Path) -> Optional[str]:
    with WorkPackage.open(source) as field_package:
        return field_package.info.get("package_id")


def read_field_photos(source: Path) -> list[dict[str, Any]]:
    """The rows of the field package's ``field_photos`` table (none for a package without it)."""
    layer = QgsVectorLayer(f"{source}|layername={FIELD_PHOTOS}", FIELD_PHOTOS, "ogr")
    if not layer.isValid() or layer.fields().indexOf("path") < 0:
        return []
    names = [name for name in FIELD_PHOTO_COLUMNS if layer.fields().indexOf(name) >= 0]
    rows = []
    for feature in layer.getFeatures(QgsFeatureRequest().addOrderBy("fid")):
        rows.append({name: _text(feature[name]) for name in names})
    return rows


def _text(value) -> Optional[str]:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    text = str(value).strip()
    return text or None


def resolve_photo_path(folder: Path, value: Optional[str]) -> tuple[Optional[Path], str]:
    """The file of a ``path`` value relative to ``folder``, or (None, why not).

    Absolute paths (``/…``, ``C:\\…``, ``\\\\server\\…``, ``file:`` URLs) and paths that leave the
    folder (``..``, links pointing outside) are refused: the import reads only what the field package holds.
    """
    if not value:
        return None, tr("no photo file given")
    text = value.replace("\\", "/")
    if (PurePosixPath(text).is_absolute() or PureWindowsPath(value).drive or PureWindowsPath(value).root
            or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text)):
        return None, tr("{path}: absolute path refused (photos must be inside the field package folder)").format(
            path=value)
    parts = PurePosixPath(text).parts
    if ".." in parts:
        return None, tr("{path}: path leaves the field package folder, refused").format(path=value)
    base = folder.resolve()
    candidate = (base / PurePosixPath(text)).resolve()
    if candidate != base and base not in candidate.parents:
        return None, tr("{path}: path leaves the field package folder, refused").format(path=value)
    if not candidate.is_file():
        return None, tr("{path}: file not found in the field package").format(path=value)
    return candidate, ""


def attach_field_photos(package: WorkPackage, source: Path) -> pd.DataFrame:
    """Attach the files of ``field_photos`` (through the core) to ``package``; report rows as in import_package.

    accepted = stored now; duplicate = the photo (same uuid, or the same bytes on the same item and verdict) is
    here already; rejected = no or unsafe path, missing file, unknown item or verdict, unreadable photo.
    """
    rows = read_field_photos(source)
    known = set(package.photos()["photo_uuid"])
    items = set(package.review_items()["item_id"]) if rows else set()
    origin = f"package:{_package_id(source)}" if rows else "local"
    report = []
    for row in rows:
        given = (row.get("photo_uuid") or "").strip("{}")
        photo_uuid = given if _UUID.match(given) else None
        item_id, event_uuid, value = row.get("item_id"), row.get("event_uuid"), row.get("path")
        line = {"kind": "field_photo", "event_uuid": event_uuid, "photo_uuid": photo_uuid, "item_id": item_id,
                "outcome": "rejected", "detail": "", "conflicts_with": None}
        report.append(line)
        if not item_id or item_id not in items:
            line["detail"] = tr("{path}: unknown item {item}").format(path=value or "—", item=item_id or "—")
            continue
        path, why = resolve_photo_path(source.parent, value)
        if path is None:
            line["detail"] = why
            continue
        try:
            stored = package.attach_photo(item_id, path, path.name, event_uuid=event_uuid,
                                          moment=_local_moment(row.get("created_local")), photo_uuid=photo_uuid,
                                          origin=origin)
        except PlanMonitorError as error:
            line["detail"] = f"{value}: {error}"
            continue
        line["photo_uuid"] = stored
        if stored in known:
            line.update(outcome="duplicate", detail=tr("{path}: already in this package").format(path=value))
        else:
            line.update(outcome="accepted", detail=value)
            known.add(stored)
    return pd.DataFrame(report, columns=REPORT_COLUMNS, dtype=object)


def _local_moment(text: Optional[str]) -> Optional[datetime]:
    try:
        moment = datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    return moment if moment is None or moment.tzinfo is not None else moment.astimezone()


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
