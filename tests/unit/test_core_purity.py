"""planmonitor_plugin/core must stay pure Python: no QGIS, Qt, sip or GDAL."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "planmonitor_plugin" / "core"
FORBIDDEN = {"qgis", "PyQt5", "PyQt6", "PySide2", "PySide6", "sip", "osgeo", "gdal", "ogr", "osr", "processing"}
ALLOWED_THIRD_PARTY = {"numpy", "pandas", "shapely"}


def imported_top_level_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_has_python_files():
    assert len(list(CORE.rglob("*.py"))) >= 3


def test_no_forbidden_import_in_core():
    offenders = {str(p.relative_to(CORE)): sorted(imported_top_level_modules(p) & FORBIDDEN)
                 for p in CORE.rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_uses_only_stdlib_and_allowed_packages():
    stdlib = set(sys.stdlib_module_names)
    extra = {}
    for path in CORE.rglob("*.py"):
        unknown = imported_top_level_modules(path) - stdlib - ALLOWED_THIRD_PARTY - {"planmonitor_plugin", "__future__"}
        if unknown:
            extra[str(path.relative_to(CORE))] = sorted(unknown)
    assert extra == {}


def test_core_imports_without_qgis_loaded():
    """Importing every core module in a fresh interpreter never pulls in qgis or Qt."""
    modules = [f"planmonitor_plugin.core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__"]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "bad = [m for m in sys.modules if m.split('.')[0] in {'qgis', 'PyQt5', 'sip', 'osgeo'}]\n"
            + "assert not bad, bad\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=CORE.parents[1], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
