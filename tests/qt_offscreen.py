"""Loaded with ``-p tests.qt_offscreen`` (pyproject addopts) before pytest-qgis starts QGIS.

pytest-qgis creates the QgsApplication in its pytest_configure hook, before
conftest.py files run, so headless settings must be in place even earlier.
"""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="runtime-"))
# A throw-away QGIS profile, so tests never touch the user's settings.
os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", tempfile.mkdtemp(prefix="planmonitor-qgis-profile-"))
