"""The catalog-sync part of `make demo`: a local pygeoapi catalog, pull, verdicts, push, receipts, exchange folder.

Everything the county does goes through the real qgis_process (planmonitor:pulltaskpackage, pushresults,
exportexchange, importexchange); verdicts are recorded with the work-package core as the review panel does.
The server runs from build/catalog-venv on 127.0.0.1 and is stopped by its PID.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from planmonitor_plugin.core.workpackage import WorkPackage
from scripts import catalog_server
from scripts.demo_review import sample_photo
from scripts.qgisprocess import run_algorithm

TASK_ID = "task-371525-2025-jctb"
DECISIONS = (("legal", "approved_land", "已办理农用地转用审批"),
             ("illegal", "built_without_approval", "未批先建，已建厂房"),
             ("other", "rural_road", "村内道路硬化，宽约4米"))


def record_verdicts(path: Path, items: slice, photo_dir: Path, reviewer: str) -> list:
    """Sample verdicts (合法 / 违法 / 其他) on some items; a photo on the 违法 one."""
    with WorkPackage.open(path) as package:
        table = package.review_items()
        chosen = list(table["item_id"][items])
        events = []
        for item_id, (verdict, sub_type, note) in zip(chosen, DECISIONS):
            events.append(package.record_verdict(item_id, verdict, reviewer, sub_type=sub_type, note=note))
        centre = table.set_index("item_id").at[chosen[1], "geometry"].centroid
        photo = sample_photo(photo_dir / f"现场照片_{chosen[1]}.jpg", centre.y, centre.x)
        package.attach_photo(chosen[1], str(photo), event_uuid=events[1])
        return chosen


def receipts_table(path: Path) -> pd.DataFrame:
    with WorkPackage.open(path) as package:
        receipts = package.receipts()
        events = package.verdict_events()[["event_uuid", "item_id", "verdict"]]
        photos = package.photos()[["photo_uuid", "item_id", "file_name"]]
    kinds = {**{u: "event" for u in events["event_uuid"]}, **{u: "photo" for u in photos["photo_uuid"]}}
    items = {**dict(zip(events["event_uuid"], events["item_id"])), **dict(zip(photos["photo_uuid"], photos["item_id"]))}
    receipts.insert(1, "kind", receipts["uuid"].map(kinds))
    receipts.insert(2, "item_id", receipts["uuid"].map(items))
    receipts["uuid"] = receipts["uuid"].str[:8] + "…"
    return receipts[["uuid", "kind", "item_id", "status", "reason"]].fillna("")


def online(env: dict, folder: Path, server) -> Path:
    """Pull the task package, record verdicts, push, show the receipts."""
    package = folder / "目录任务_样例县.gpkg"
    pulled = run_algorithm("planmonitor:pulltaskpackage", {
        "URL": server.url, "RECORD_ID": TASK_ID, "WORK_PACKAGE": str(package), "PAGE_SIZE": "25"}, env)["results"]
    print(f"planmonitor:pulltaskpackage: {pulled['ITEM_COUNT']} items → {package.name} "
          f"({pulled['INSERTED_COUNT']} added)")
    again = run_algorithm("planmonitor:pulltaskpackage", {
        "URL": server.url, "RECORD_ID": TASK_ID, "WORK_PACKAGE": str(package)}, env)["results"]
    print(f"pulled again (resumable, harmless): {again['INSERTED_COUNT']} added, "
          f"{again['UNCHANGED_COUNT']} already there")
    chosen = record_verdicts(package, slice(0, 3), folder / "照片", "李明（县执法监察大队）")
    print(f"Verdicts recorded on {', '.join(chosen)} (and a photo)")
    pushed = run_algorithm("planmonitor:pushresults", {"URL": server.url, "WORK_PACKAGE": str(package)},
                           env)["results"]
    print(f"planmonitor:pushresults: {pushed['ACCEPTED_COUNT']} accepted, {pushed['DUPLICATE_COUNT']} already "
          f"on the server, {pushed['REJECTED_COUNT']} rejected; {pushed['REMAINING_COUNT']} left in the outbox")
    print("Receipts in the work package (sync_receipts):")
    print(receipts_table(package).to_string(index=False))
    return package


def offline(env: dict, folder: Path, package: Path, url: str) -> None:
    """The same round trip through a folder: county outbox → exchange folder → office work package → catalog."""
    office = folder / "省级_目录任务.gpkg"
    shutil.copy(package, office)
    with WorkPackage.open(office) as copy:  # the office's own package of the same task
        copy.connection.execute("UPDATE package_info SET value = 'office-' || value WHERE key = 'package_id'")
    chosen = record_verdicts(package, slice(3, 6), folder / "照片", "王强（外业核查，涉密网）")
    exchange = folder / "交换包_移动介质"
    shutil.rmtree(exchange, ignore_errors=True)
    exported = run_algorithm("planmonitor:exportexchange", {"WORK_PACKAGE": str(package),
                                                           "OUTPUT_FOLDER": str(exchange)}, env)["results"]
    print(f"planmonitor:exportexchange: {exported['EVENT_COUNT']} verdicts on {', '.join(chosen)} and "
          f"{exported['PHOTO_COUNT']} photo → {exchange.relative_to(folder.parent)} (manifest.json with sha256)")
    imported = run_algorithm("planmonitor:importexchange", {"INPUT_FOLDER": str(exchange),
                                                           "WORK_PACKAGE": str(office)}, env)["results"]
    print(f"planmonitor:importexchange: {imported['ACCEPTED_COUNT']} added, {imported['DUPLICATE_COUNT']} already "
          f"there, {imported['REFUSED_COUNT']} refused → {office.name} (queued for the catalog)")
    pushed = run_algorithm("planmonitor:pushresults", {"URL": url, "WORK_PACKAGE": str(office)}, env)["results"]
    print(f"The office pushes them (planmonitor:pushresults): {pushed['ACCEPTED_COUNT']} accepted, "
          f"{pushed['REMAINING_COUNT']} left in the outbox")
    tampered = folder / "交换包_被篡改"
    shutil.rmtree(tampered, ignore_errors=True)
    shutil.copytree(exchange, tampered)
    event = sorted((tampered / "events").iterdir())[0]
    data = bytearray(event.read_bytes())
    data[data.index(b'"reviewer"') + 2] ^= 0x20  # one letter's case: same size, another checksum
    event.write_bytes(bytes(data))
    try:
        run_algorithm("planmonitor:importexchange", {"INPUT_FOLDER": str(tampered), "WORK_PACKAGE": str(office)},
                      env)
        print("!! a tampered package was accepted")
    except RuntimeError as refused:
        line = next((t for t in str(refused).splitlines() if "altered" in t or "篡改" in t), "refused")
        print(f"A tampered copy is refused: {line.strip()[:160]}")


def sync_round_trip(env: dict, out: Path) -> None:
    folder = out / "同步"
    shutil.rmtree(folder, ignore_errors=True)  # every demo run starts from a fresh catalog and package
    folder.mkdir(parents=True)
    catalog_server.install()
    state = catalog_server.seed(folder / "catalog")
    server = catalog_server.start_server(folder / "catalog")
    print(f"Catalog server (pygeoapi 0.21.0) at {server.url}, PID {server.pid}: {state['review_items']} review items")
    try:
        package = online(env, folder, server)
        offline(env, folder, package, server.url)
    finally:
        server.stop()
        print(f"Catalog server PID {server.pid} stopped")
