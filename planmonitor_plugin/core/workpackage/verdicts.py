"""Verdict types (合法 / 违法 / 其他 and sub-types) and the validation of a new verdict.

The bundled list is ``resources/review/verdict_types.json`` (provisional local configuration)::

    {"schema_version": 1, "version": "0.1.0",
     "verdicts": [{"code": "other", "name_zh": "其他", "name_en": "Other", "required": ["sub_type", "note"],
                   "sub_types": [{"code": "rural_road", "name_zh": "农村道路", "name_en": "Rural road",
                                  "required": []}, …]}, …]}

Verdict codes are fixed ('legal', 'illegal', 'other'); sub-types and the ``required``
fields (``sub_type``, ``note``, ``device``) are configurable per verdict and per sub-type.
The reviewer is always required, and 'other' always requires a note.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

from planmonitor_plugin.__about__ import RESOURCES_DIR
from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.workpackage.schema import VERDICT_CODES

PathLike = Union[str, os.PathLike]
BUNDLED_VERDICT_TYPES = RESOURCES_DIR / "review" / "verdict_types.json"
REQUIRABLE_FIELDS = ("sub_type", "note", "device")
ALWAYS_REQUIRED = {"other": ("note",)}


class VerdictError(InputError):
    """A verdict that misses a required field or uses an unknown code."""

    code = "verdict_invalid"


@dataclass(frozen=True)
class SubType:
    code: str
    name_zh: str
    name_en: str
    required: tuple[str, ...] = ()


@dataclass(frozen=True)
class VerdictType:
    code: str
    name_zh: str
    name_en: str
    required: tuple[str, ...] = ()
    sub_types: dict[str, SubType] = field(default_factory=dict)


@dataclass(frozen=True)
class VerdictTypes:
    """The verdicts and sub-types in force for a work package."""

    verdicts: dict[str, VerdictType]
    version: str = ""
    source_json: str = ""

    def required_fields(self, verdict: str, sub_type: Optional[str]) -> list[str]:
        """Fields that must be filled for ``verdict`` (and ``sub_type``), reviewer first."""
        entry = self.verdicts[verdict]
        fields = ["reviewer", *ALWAYS_REQUIRED.get(verdict, ()), *entry.required]
        if sub_type in entry.sub_types:
            fields += entry.sub_types[sub_type].required
        return list(dict.fromkeys(fields))

    def validate(self, verdict: Any, sub_type: Optional[str] = None, **values: Any) -> None:
        """Raise :class:`VerdictError` naming every problem of one verdict."""
        if verdict not in self.verdicts:
            raise VerdictError(f"unknown verdict code {verdict!r}; expected one of {', '.join(self.verdicts)}",
                               field="verdict", value=verdict, allowed=list(self.verdicts))
        entry = self.verdicts[verdict]
        if _filled(sub_type) and sub_type not in entry.sub_types:
            raise VerdictError(f"unknown sub-type {sub_type!r} for verdict {verdict!r}", field="sub_type",
                               value=sub_type, allowed=list(entry.sub_types))
        present = {"sub_type": sub_type, **values}
        missing = [name for name in self.required_fields(verdict, sub_type) if not _filled(present.get(name))]
        if missing:
            raise VerdictError(f"verdict {verdict!r}: required field(s) missing: {', '.join(missing)}",
                               field=missing[0], missing=missing, verdict=verdict, sub_type=sub_type)


def _filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def load_verdict_types(path: Optional[PathLike] = None) -> VerdictTypes:
    """Verdict types from a JSON file (the bundled list by default)."""
    path = Path(path) if path is not None else BUNDLED_VERDICT_TYPES
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"{path.name}: cannot read verdict types ({error})", file=str(path)) from error
    return parse_verdict_types(text, path.name)


def parse_verdict_types(text: str, source: str = "verdict_types.json") -> VerdictTypes:
    """Validate verdict-type JSON text; errors name the JSON path of the bad entry."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{source}: not valid JSON ({error})", file=source) from error
    entries = data.get("verdicts") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(f"{source}: $.verdicts must be a list", file=source, entry="$.verdicts")
    verdicts = {}
    for index, entry in enumerate(entries):
        verdict = _verdict(entry, f"$.verdicts[{index}]", source)
        verdicts[verdict.code] = verdict
    missing = [code for code in VERDICT_CODES if code not in verdicts]
    if missing:
        raise InputError(f"{source}: verdict code(s) missing: {', '.join(missing)}", file=source, missing=missing)
    return VerdictTypes(verdicts, str(data.get("version", "")), text)


def _verdict(entry: Any, path: str, source: str) -> VerdictType:
    code, name_zh, name_en, required = _common(entry, path, source)
    if code not in VERDICT_CODES:
        raise InputError(f"{source}: {path}.code: {code!r} is not one of {', '.join(VERDICT_CODES)}",
                         file=source, entry=f"{path}.code")
    sub_entries = entry.get("sub_types", [])
    if not isinstance(sub_entries, list):
        raise InputError(f"{source}: {path}.sub_types must be a list", file=source, entry=f"{path}.sub_types")
    sub_types = {}
    for index, sub_entry in enumerate(sub_entries):
        sub_code, sub_zh, sub_en, sub_required = _common(sub_entry, f"{path}.sub_types[{index}]", source)
        sub_types[sub_code] = SubType(sub_code, sub_zh, sub_en, sub_required)
    return VerdictType(code, name_zh, name_en, required, sub_types)


def _common(entry: Any, path: str, source: str) -> tuple[str, str, str, tuple[str, ...]]:
    if not isinstance(entry, dict):
        raise InputError(f"{source}: {path} must be an object", file=source, entry=path)
    for key in ("code", "name_zh", "name_en"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise InputError(f"{source}: {path}.{key} must be a non-empty string", file=source, entry=f"{path}.{key}")
    required = entry.get("required", [])
    if not isinstance(required, list) or any(name not in REQUIRABLE_FIELDS for name in required):
        raise InputError(f"{source}: {path}.required must list fields among {', '.join(REQUIRABLE_FIELDS)}",
                         file=source, entry=f"{path}.required")
    return entry["code"], entry["name_zh"], entry["name_en"], tuple(required)
