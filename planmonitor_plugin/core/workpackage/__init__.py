"""Work packages (审查工作包): one GeoPackage per review task, written with sqlite3 alone.

Pure Python (stdlib sqlite3, shapely, pandas): the dock, the field-package export of
reference layers and the QGIS project belong to the adapters. Geometries enter and leave as
shapely geometries in EPSG:4490 longitude/latitude. The schema is documented in
:mod:`.schema`, the accepted DataFrame columns in :mod:`.frames`, the merge rules in
:mod:`.merge`.

Public API::

    from planmonitor_plugin.core.workpackage import WorkPackage, export_subset, import_package, read_exif

    with WorkPackage.create("审查任务/试点区-一.gpkg", {"task_id": "T1", "task_name": "…"}) as package:
        package.add_pilot_areas(areas_frame, area_geometries)
        package.add_review_items(items_frame, item_geometries)
        event = package.record_verdict("JCTB-1", "other", "张三", sub_type="rural_road", note="…")
        package.attach_photo("JCTB-1", "现场照片.jpg", event_uuid=event)
        package.current_verdicts(); package.history("JCTB-1"); package.progress("P1")
"""

from planmonitor_plugin.core.workpackage.exif import ExifInfo, read_exif
from planmonitor_plugin.core.workpackage.export import ExportResult, export_subset
from planmonitor_plugin.core.workpackage.merge import REPORT_COLUMNS, import_package
from planmonitor_plugin.core.workpackage.package import WorkPackage
from planmonitor_plugin.core.workpackage.schema import PackageVersionError, current_version
from planmonitor_plugin.core.workpackage.verdicts import (
    VerdictError,
    VerdictTypes,
    load_verdict_types,
    parse_verdict_types,
)

__all__ = ["REPORT_COLUMNS", "ExifInfo", "ExportResult", "PackageVersionError", "VerdictError", "VerdictTypes",
           "WorkPackage", "current_version", "export_subset", "import_package", "load_verdict_types",
           "parse_verdict_types", "read_exif"]
