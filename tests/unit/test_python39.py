"""QGIS 3.22 on Windows runs Python 3.9: the plugin's code must run there too."""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "planmonitor_plugin"
FILES = sorted(PACKAGE.rglob("*.py"))


def python39() -> str | None:
    """A working Python 3.9 interpreter (on PATH or under pyenv), if the machine has one."""
    candidates = [shutil.which("python3.9"), *map(str, Path.home().glob(".pyenv/versions/3.9*/bin/python3.9"))]
    for candidate in filter(None, candidates):
        if subprocess.run([candidate, "-c", "pass"], capture_output=True).returncode == 0:
            return candidate
    return None


@pytest.mark.skipif(python39() is None, reason="no Python 3.9 interpreter on this machine")
def test_every_module_compiles_under_python39():
    script = "import sys, ast\nfor path in sys.argv[1:]:\n    ast.parse(open(path, encoding='utf-8').read(), path)\n"
    result = subprocess.run([python39(), "-c", script, *map(str, FILES)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _runtime_union(node: ast.AST) -> bool:
    """``X | Y`` evaluated at import time (an alias or default), which Python 3.9 cannot do with types."""
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr) and any(
        isinstance(side, (ast.Name, ast.Attribute, ast.Subscript)) and _looks_like_type(side)
        for side in (node.left, node.right))


def _looks_like_type(node: ast.AST) -> bool:
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
    if isinstance(node, ast.Subscript):
        return True
    return name[:1].isupper() or name in {"str", "int", "float", "bool", "bytes", "dict", "list", "tuple", "None"}


def test_no_type_unions_evaluated_at_import_time():
    offenders = []
    for path in FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # module level: aliases such as `PathLike = str | os.PathLike`
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None and _runtime_union(node.value):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []
