"""Checks for the third-party packages the algorithms need (pure Python)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

#: Package → minimum major version.
REQUIRED = {"shapely": 2, "pandas": 1, "numpy": 1}


@dataclass(frozen=True)
class MissingPackage:
    name: str
    found_version: str | None  # None: not installed at all
    minimum_major: int


def missing_packages() -> list[MissingPackage]:
    """Required packages that cannot be imported or are too old."""
    missing = []
    for name, minimum in REQUIRED.items():
        try:
            module = importlib.import_module(name)
        except ImportError:
            missing.append(MissingPackage(name, None, minimum))
            continue
        version = str(getattr(module, "__version__", "0"))
        major = int(version.split(".")[0]) if version.split(".")[0].isdigit() else 0
        if major < minimum:
            missing.append(MissingPackage(name, version, minimum))
    return missing


def install_hint(missing: list[MissingPackage]) -> str:
    """The pip command that fixes it (OSGeo4W shell / the QGIS Python on Linux)."""
    specs = " ".join(f'"{m.name}>={m.minimum_major}"' for m in missing)
    return f"python -m pip install --user {specs}"


def geos_mismatch(qgis_geos: tuple[int, int, int]) -> str | None:
    """A note when shapely runs on another GEOS than QGIS (a pip wheel on Linux), else None.

    Inside QGIS's own process the GEOS QGIS loaded first may shadow the wheel's own copy,
    so shapely can misbehave; shapely built against QGIS's GEOS avoids that.
    """
    try:
        import shapely
    except ImportError:
        return None
    if tuple(shapely.geos_version) == tuple(qgis_geos):
        return None
    return (f"shapely {shapely.__version__} uses GEOS {'.'.join(map(str, shapely.geos_version))} but QGIS uses "
            f"GEOS {'.'.join(map(str, qgis_geos))}; if results look wrong, install shapely built against QGIS's "
            f'GEOS: python -m pip install --no-binary shapely "shapely>=2"')
