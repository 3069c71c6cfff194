"""Validation of what a server sends: GeoJSON features and geometries (lon/lat), ids and attachment names."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Optional

from planmonitor_plugin.core.sync.errors import InvalidGeometry, UnsafeName, UnsafeValue
from planmonitor_plugin.core.sync.messages import Limits, MalformedResponse, is_number, require

#: Ids the client generates and accepts in URLs: safe in paths and in pygeoapi's TinyDB queries (defect 10).
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")
_POSITION_TYPES = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2,
                   "MultiPolygon": 3}
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}
MAX_NAME_BYTES = 200


def check_id(value: Any, what: str = "id") -> str:
    """A safe item id (letters, digits, ``._:-``; up to 128 characters) or :class:`UnsafeValue`."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not ID_PATTERN.match(text) or ".." in text:
        raise UnsafeValue(f"{what} {value!r} is not a safe identifier (letters, digits, '.', '_', ':', '-').",
                          value=repr(value)[:100])
    return text


# ----------------------------------------------------------------------------------------------------------------
# Geometry
# ----------------------------------------------------------------------------------------------------------------

class _Count:
    def __init__(self, limits: Limits) -> None:
        self.vertices = 0
        self.parts = 0
        self.limits = limits


def _position(value: Any, what: str, count: _Count) -> None:
    if not isinstance(value, list) or not 2 <= len(value) <= 3 or not all(is_number(v) for v in value):
        raise InvalidGeometry(f"{what}: a position must be 2 or 3 finite numbers, got {str(value)[:60]}.")
    lon, lat = value[0], value[1]
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise InvalidGeometry(f"{what}: coordinate ({lon}, {lat}) is outside longitude/latitude range.",
                              lon=lon, lat=lat)
    count.vertices += 1
    if count.vertices > count.limits.max_vertices:
        raise InvalidGeometry(f"{what}: more than {count.limits.max_vertices} vertices.",
                              limit=count.limits.max_vertices)


def _positions(value: Any, depth: int, what: str, count: _Count, kind: str) -> None:
    if depth == 0:
        _position(value, what, count)
        return
    if not isinstance(value, list):
        raise InvalidGeometry(f"{what}: coordinates of a {kind} must be nested lists.")
    count.parts += 1
    if count.parts > count.limits.max_parts:
        raise InvalidGeometry(f"{what}: more than {count.limits.max_parts} parts or rings.")
    for item in value:
        _positions(item, depth - 1, what, count, kind)
    if depth == 1:
        _check_sequence(value, what, kind)


def _check_sequence(points: list, what: str, kind: str) -> None:
    if kind in ("LineString", "MultiLineString") and len(points) < 2:
        raise InvalidGeometry(f"{what}: a line needs at least 2 positions.")
    if kind in ("Polygon", "MultiPolygon") and (len(points) < 4 or points[0] != points[-1]):
        raise InvalidGeometry(f"{what}: a polygon ring needs at least 4 positions and must be closed.")


def check_geometry(geometry: Any, limits: Limits, what: str = "geometry", allow_null: bool = True) -> Optional[dict]:
    """A GeoJSON geometry in lon/lat within ``limits``; raises :class:`InvalidGeometry`."""
    if geometry is None:
        if allow_null:
            return None
        raise InvalidGeometry(f"{what}: a geometry is required.")
    count = _Count(limits)
    _check_geometry(geometry, what, count, nested=False)
    return geometry


def _check_geometry(geometry: Any, what: str, count: _Count, nested: bool) -> None:
    if not isinstance(geometry, dict):
        raise InvalidGeometry(f"{what}: not a GeoJSON geometry object.")
    kind = geometry.get("type")
    if kind == "GeometryCollection" and not nested:
        parts = geometry.get("geometries")
        if not isinstance(parts, list):
            raise InvalidGeometry(f"{what}: a GeometryCollection needs a 'geometries' list.")
        for part in parts:
            _check_geometry(part, what, count, nested=True)
        return
    if kind not in _POSITION_TYPES:
        raise InvalidGeometry(f"{what}: unsupported geometry type {str(kind)[:40]!r}.")
    _positions(geometry.get("coordinates"), _POSITION_TYPES[kind], what, count, kind)


# ----------------------------------------------------------------------------------------------------------------
# Features
# ----------------------------------------------------------------------------------------------------------------

def _check_properties(properties: Any, what: str, limits: Limits) -> dict:
    if properties is None:
        return {}
    require(isinstance(properties, dict), what, "'properties' must be an object.")
    for key, value in properties.items():
        if isinstance(value, str) and len(value) > limits.max_property_bytes:
            raise MalformedResponse(f"{what}: property {key[:40]!r} is longer than "
                                    f"{limits.max_property_bytes} characters.", key=key[:40])
    return properties


def check_feature(feature: Any, limits: Limits, what: str = "feature", require_geometry: bool = False) -> dict:
    """A GeoJSON Feature with a safe id, checked geometry and a properties object (returned as given)."""
    require(isinstance(feature, dict), what, "not a JSON object.")
    require(feature.get("type") == "Feature", what, f"type is {str(feature.get('type'))[:40]!r}, not 'Feature'.")
    require("id" in feature, what, "the feature has no id.")
    identifier = check_id(feature["id"], f"{what} id")
    label = f"{what} {identifier}"
    check_geometry(feature.get("geometry"), limits, label, allow_null=not require_geometry)
    feature["properties"] = _check_properties(feature.get("properties"), label, limits)
    return feature


# ----------------------------------------------------------------------------------------------------------------
# Attachment names
# ----------------------------------------------------------------------------------------------------------------

def _name_problem(name: Any) -> Optional[str]:
    if not isinstance(name, str) or not name.strip():
        return "empty or not text"
    if any(sep in name for sep in ("/", "\\")) or ".." in name:
        return "contains a path separator or '..'"
    if any(unicodedata.category(c).startswith("C") for c in name):
        return "contains control characters"
    if re.match(r"^[A-Za-z]:", name) or name.startswith(".") or name.endswith((".", " ")):
        return "looks like a drive, hidden or trailing-dot name"
    if name.split(".")[0].upper() in _WINDOWS_RESERVED:
        return "is a reserved device name on Windows"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return f"is longer than {MAX_NAME_BYTES} bytes"
    return None


def check_attachment_name(name: Any, what: str = "attachment name") -> str:
    """A received file name, accepted only as a plain file name (no directories, ``..``, controls)."""
    problem = _name_problem(name)
    if problem:
        raise UnsafeName(f"{what} {str(name)[:80]!r} is refused: it {problem}.", name=str(name)[:200])
    return unicodedata.normalize("NFC", name)


def sanitise_attachment_name(name: str, fallback: str = "attachment") -> str:
    """A safe plain file name made from a local one (directories dropped, unsafe characters replaced)."""
    base = re.split(r"[/\\]", str(name))[-1]
    base = "".join("_" if unicodedata.category(c).startswith("C") or c in ':*?"<>|' else c for c in base)
    base = unicodedata.normalize("NFC", base.replace("..", "_").strip(" .")) or fallback
    if base.split(".")[0].upper() in _WINDOWS_RESERVED:
        base = "_" + base
    while len(base.encode("utf-8")) > MAX_NAME_BYTES:
        stem, dot, ext = base.rpartition(".")
        base = (stem[:-1] + dot + ext) if dot and len(ext) < 10 and stem else base[:-1]
    return base
