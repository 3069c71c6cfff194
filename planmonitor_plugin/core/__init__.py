"""PlanMonitor's pure-Python core.

Only the standard library, numpy, pandas and shapely (>= 2) may be imported here:
no QGIS, Qt, sip or GDAL (``tests/unit/test_core_purity.py`` enforces it).  Long
operations take ``progress(percent)`` and ``cancelled()`` callbacks instead of
QGIS feedback objects (see :mod:`planmonitor_plugin.core.progress`).
"""
