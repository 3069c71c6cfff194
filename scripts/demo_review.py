"""The review part of `make demo` (and of the desktop screenshot): work package, verdicts, photo, field round trip.

Algorithms run through the real qgis_process; verdicts go through the work-package core as the review panel
writes them; the field copy is edited with OGR as a field laptop or QField would (a new row in
verdict_events), then imported back.
"""

from __future__ import annotations

import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import numpy as np
from osgeo import gdal, ogr

from planmonitor_plugin.core.workpackage import WorkPackage
from scripts.exif_jpeg import with_exif
from scripts.qgisprocess import run_algorithm

TASK = {"TASK_ID": "JCTB-2025-Q4", "TASK_NAME": "2025年第四季度卫片图斑核查（样例县）", "CREATOR": "样例县自然资源局"}


def sample_photo(path: Path, lat: float, lon: float, bearing: float = 135.0) -> Path:
    """A real 320×240 JPEG (a field-like gradient written by GDAL) with EXIF GPS position, bearing and time."""
    rows, cols = np.mgrid[0:240, 0:320]
    bands = [(90 + rows * 0.4).astype(np.uint8), (140 + cols * 0.25 - rows * 0.1).clip(0, 255).astype(np.uint8),
             (70 + (rows > 150) * 60).astype(np.uint8)]
    memory = gdal.GetDriverByName("MEM").Create("", 320, 240, 3, gdal.GDT_Byte)
    for index, band in enumerate(bands, start=1):
        memory.GetRasterBand(index).WriteArray(band)
    virtual = f"/vsimem/{uuid.uuid4()}.jpg"
    gdal.GetDriverByName("JPEG").CreateCopy(virtual, memory, options=["QUALITY=85", "WORLDFILE=NO"])
    handle = gdal.VSIFOpenL(virtual, "rb")
    gdal.VSIFSeekL(handle, 0, 2)
    size = gdal.VSIFTellL(handle)
    gdal.VSIFSeekL(handle, 0, 0)
    data = gdal.VSIFReadL(1, size, handle)
    gdal.VSIFCloseL(handle)
    gdal.Unlink(virtual)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(with_exif(bytes(data), lat=lat, lon=lon, bearing=bearing, taken="2026:11:20 10:32:05"))
    return path


def build_package(env: dict, dataset: Path, patches: Path, output: Path, sites: Optional[Path] = None,
                  indicators: Optional[Path] = None) -> dict:
    """planmonitor:buildworkpackage: one pilot area per township of the sample county."""
    parameters = {"PATCHES": str(patches), "TOWNSHIPS": f"{dataset}|layername=XZQ", **TASK, "OUTPUT": str(output)}
    if sites is not None:
        parameters["SITES"] = str(sites)
    if indicators is not None:
        parameters["INDICATORS"] = str(indicators)
    if output.exists():
        output.unlink()
    return run_algorithm("planmonitor:buildworkpackage", parameters, env)["results"]


def sample_verdicts(package_path: Path, photo_dir: Path) -> dict:
    """Three office verdicts (合法 / 违法 / 其他) on suspected patches of one pilot area, a photo on the 违法 one."""
    with WorkPackage.open(package_path) as package:
        items = package.review_items()
        suspected = items[[bool(r.get("suspected")) for r in items["check_results"]]]
        area = suspected["pilot_area_id"].value_counts().index[0]
        chosen = list(suspected[suspected["pilot_area_id"] == area]["item_id"][:3])
        decisions = [("legal", "approved_land", "已办理农用地转用审批，批文号 鲁政土字〔2025〕118号"),
                     ("illegal", "built_without_approval", "现场已建成钢结构厂房，未办理用地手续"),
                     ("other", "rural_road", "村内道路硬化，宽约4米")]
        events = {}
        for item_id, (verdict, sub_type, note) in zip(chosen, decisions):
            events[item_id] = package.record_verdict(item_id, verdict, "李明（县执法监察大队）", sub_type=sub_type,
                                                     note=note, device="办公室")
        illegal = chosen[1]
        centre = items.set_index("item_id").at[illegal, "geometry"].centroid
        photo = sample_photo(photo_dir / "现场照片_厂房.jpg", centre.y, centre.x)
        photo_uuid = package.attach_photo(illegal, str(photo), event_uuid=events[illegal])
        return {"pilot_area": area, "items": chosen, "events": events, "photo": photo_uuid,
                "progress": package.progress(area)}


def field_edit(field_package: Path, item_id: str) -> str:
    """What a field device does: one new row in verdict_events, written with OGR."""
    dataset = ogr.Open(str(field_package), 1)
    layer = dataset.GetLayerByName("verdict_events")
    feature = ogr.Feature(layer.GetLayerDefn())
    event_uuid = str(uuid.uuid4())
    now = datetime.now(timezone.utc)
    for name, value in (("event_uuid", event_uuid), ("item_id", item_id), ("verdict", "other"),
                        ("sub_type", "facility_agriculture"), ("note", "外业核实：温室大棚，设施农用地已备案"),
                        ("reviewer", "王强（外业核查）"), ("device", "外业笔记本"),
                        ("created_utc", now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"),
                        ("created_local", now.astimezone().isoformat(timespec="milliseconds"))):
        feature.SetField(name, value)
    if layer.CreateFeature(feature) != 0:
        raise RuntimeError(f"could not add a verdict row to {field_package.name}")
    dataset = None  # closes and flushes
    return event_uuid


def field_round_trip(env: dict, package_path: Path, area: str, folder: Path, reference: str) -> dict:
    """Export the pilot area as a field package, record a verdict in the field copy, import it (twice)."""
    shutil.rmtree(folder, ignore_errors=True)  # a fresh demo run; a real field package is imported first
    exported = run_algorithm("planmonitor:exportfieldpackage", {
        "WORK_PACKAGE": str(package_path), "PILOT_AREAS": area, "REFERENCE_LAYERS": reference,
        "REVIEWER": "王强（外业核查）", "OUTPUT_FOLDER": str(folder)}, env)["results"]
    field_package = Path(exported["PACKAGE"])
    with WorkPackage.open(field_package) as package:
        items = package.review_items()
        reviewed = set(package.current_verdicts()["item_id"])
    item_id = next(i for i in items["item_id"] if i not in reviewed)
    event = field_edit(field_package, item_id)
    first = run_algorithm("planmonitor:importfieldpackage", {
        "WORK_PACKAGE": str(package_path), "FIELD_PACKAGE": str(field_package)}, env)["results"]
    again = run_algorithm("planmonitor:importfieldpackage", {
        "WORK_PACKAGE": str(package_path), "FIELD_PACKAGE": str(field_package)}, env)["results"]
    return {"exported": exported, "field_item": item_id, "field_event": event, "first": first, "again": again}


def review(env: dict, dataset: Path, out: Path) -> None:
    """`make demo` step 7: the whole review chain on the demo's screening output."""
    package_path = out / "审查工作包.gpkg"
    built = build_package(env, dataset, out / "疑似违法图斑.gpkg", package_path, sites=out / "项目选址_审查.gpkg",
                          indicators=out / "监测指标.gpkg")
    print(f"planmonitor:buildworkpackage: {built['ITEM_COUNT']} review items in {built['PILOT_AREA_COUNT']} pilot "
          f"areas, {built['INDICATOR_COUNT']} indicator rows → {package_path.name}")
    verdicts = sample_verdicts(package_path, out / "现场照片")
    reviewed, total = verdicts["progress"]
    print(f"Pilot area {verdicts['pilot_area']}: 3 verdicts recorded (合法 / 违法 / 其他), 1 photo with EXIF; "
          f"{reviewed} of {total} reviewed")
    trip = field_round_trip(env, package_path, verdicts["pilot_area"], out / "外业包" / verdicts["pilot_area"],
                            f"{dataset}|layername=YJJBNTBHTB")
    print(f"Field package → {Path(trip['exported']['PROJECT']).relative_to(out.parent.parent)} "
          f"({trip['exported']['ITEM_COUNT']} items, {trip['exported']['EVENT_COUNT']} verdicts, "
          f"{trip['exported']['PHOTO_COUNT']} photos)")
    for label, counts in (("first import", trip["first"]), ("re-import", trip["again"])):
        print(f"  {label}: accepted {counts['ACCEPTED']}, duplicate {counts['DUPLICATE']}, conflicting "
              f"{counts['CONFLICTING']}, rejected {counts['REJECTED']} → {Path(counts['REPORT_HTML']).name}")
