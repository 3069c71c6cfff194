"""Validation rule sets: which checks run, with which severity and parameters.

A rule set is a JSON file (the bundled one is ``resources/rules/validation_default.json``)::

    {"schema_version": 1, "id": "planmonitor-default", "version": "1.0.0",
     "title_zh": "…", "title_en": "…",
     "rules": {"topology.overlap": {"enabled": true, "severity": "error",
                                    "params": {"min_area_m2": 1.0}}, …}}

Each rule entry may give ``enabled`` (true/false), ``severity`` (``error``,
``warning`` or, for rules whose check knows a natural severity, ``auto``),
``params`` and a free ``description``.  A user file is read *over* the bundled
defaults: rules and parameters it does not mention keep their default, so a file
that only says ``{"rules": {"area.mismatch": {"enabled": false}}}`` (plus its
``schema_version``, ``id`` and ``version``) is complete.  Unknown rule ids,
unknown keys and wrong values raise :class:`RuleSetError`, whose message names
the bad entry as a JSON path (``$.rules["topology.gap"].params.min_area_m2``).

The rule ids, their titles and the types of their parameters are defined here
(:data:`RULES`); their default values live in the bundled JSON file only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping

from planmonitor_plugin.__about__ import RESOURCES_DIR
from planmonitor_plugin.core.errors import InputError

SUPPORTED_SCHEMA_VERSIONS = frozenset({1})
BUNDLED_RULE_SET = RESOURCES_DIR / "rules" / "validation_default.json"
AREA_UNITS = {"m2": 1.0, "ha": 10_000.0, "mu": 2000.0 / 3.0, "km2": 1_000_000.0}
_TOP_KEYS = {"schema_version", "id", "version", "title_zh", "title_en", "description", "rules"}
_RULE_KEYS = {"enabled", "severity", "params", "description"}
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class RuleSetError(InputError):
    """A rule set file is unreadable or invalid; ``details['entry']`` is the JSON path of the bad entry."""

    code = "rule_set"


def rule_set_error(source: str, entry: str, problem: str) -> RuleSetError:
    """The error for ``entry`` (a JSON path such as ``$.rules["topology.gap"]``) of ``source``."""
    return RuleSetError(f"Rule set {source}: {entry}: {problem}", path=source, entry=entry, problem=problem)


_fail = rule_set_error


# --------------------------------------------------------------------------- parameter types

Validator = Callable[[Any, str, str], Any]


def _number(minimum: float = 0.0, maximum: float | None = None) -> Validator:
    """A number within [minimum, maximum]."""
    def check(value: Any, where: str, source: str) -> float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value == value
        if not ok or value < minimum or (maximum is not None and value > maximum):
            limit = f"between {minimum} and {maximum}" if maximum is not None else f">= {minimum}"
            raise _fail(source, where, f"must be a number {limit}, not {value!r}")
        return float(value)
    return check


def _flag(value: Any, where: str, source: str) -> bool:
    """true or false."""
    if not isinstance(value, bool):
        raise _fail(source, where, f"must be true or false, not {value!r}")
    return value


def _text(value: Any, where: str, source: str) -> str:
    """A non-empty text."""
    if not isinstance(value, str) or not value.strip():
        raise _fail(source, where, f"must be a non-empty text, not {value!r}")
    return value.strip()


def _text_map(value: Any, where: str, source: str) -> dict[str, str]:
    """An object of non-empty texts (e.g. code table id → column name)."""
    if not isinstance(value, dict):
        raise _fail(source, where, "must be a JSON object")
    return {_text(k, where, source): _text(v, f"{where}[{json.dumps(k)}]", source) for k, v in value.items()}


def _role_pairs(value: Any, where: str, source: str) -> tuple[tuple[str, str], ...]:
    """A list of two-item lists of role ids."""
    if not isinstance(value, list):
        raise _fail(source, where, "must be a list of [role id, role id] pairs")
    pairs = []
    for index, item in enumerate(value):
        here = f"{where}[{index}]"
        if not (isinstance(item, list) and len(item) == 2) or item[0] == item[1]:
            raise _fail(source, here, f"must be a list of two different role ids, not {item!r}")
        pairs.append((_text(item[0], here, source), _text(item[1], here, source)))
    return tuple(pairs)


def _area_fields(value: Any, where: str, source: str) -> dict[str, dict[str, str]]:
    """Role id → {"field": name, "unit": one of AREA_UNITS}."""
    if not isinstance(value, dict):
        raise _fail(source, where, "must be a JSON object: role id → {\"field\": …, \"unit\": …}")
    result = {}
    for role_id, entry in value.items():
        here = f"{where}[{json.dumps(role_id)}]"
        if not isinstance(entry, dict) or set(entry) - {"field", "unit"} or "field" not in entry:
            raise _fail(source, here, "must be an object with \"field\" and optionally \"unit\"")
        unit = entry.get("unit", "m2")
        if unit not in AREA_UNITS:
            raise _fail(source, f"{here}.unit", f"unit {unit!r} is not one of {sorted(AREA_UNITS)}")
        result[_text(role_id, here, source)] = {"field": _text(entry["field"], f"{here}.field", source), "unit": unit}
    return result


# --------------------------------------------------------------------------- rule registry


@dataclass(frozen=True)
class RuleDefinition:
    """A check the engine knows: its id, titles, scope and the types of its parameters.

    ``scope`` is ``layer`` (one finding per layer), ``feature`` (one per feature),
    ``location`` (a place, e.g. a gap) or ``pair`` (two features).
    ``auto_severity`` means the check itself grades its findings (CRS datum,
    required vs optional field) and the rule set may say ``"severity": "auto"``.
    """

    id: str
    title_zh: str
    title_en: str
    scope: str
    auto_severity: bool = False
    params: Mapping[str, Validator] = field(default_factory=dict)


_MIN_AREA = {"min_area_m2": _number(0.0)}
_DEFINITIONS = (
    RuleDefinition("crs.missing", "未定义坐标系", "No coordinate reference system", "layer"),
    RuleDefinition("crs.not_cgcs2000", "坐标系不是 CGCS2000", "CRS is not CGCS2000", "layer", auto_severity=True),
    RuleDefinition("encoding.suspect", "文本编码存疑", "Doubtful text encoding", "layer"),
    RuleDefinition("schema.missing_field", "缺少必填字段", "Required field missing", "layer"),
    RuleDefinition("schema.wrong_type", "字段类型不符", "Wrong field type", "layer", auto_severity=True),
    RuleDefinition("schema.too_long", "字段长度超标", "Field declared too long", "layer"),
    RuleDefinition("code.unknown", "代码值不在代码表中", "Code not in code table", "feature",
                   params={"table_filters": _text_map, "table_files": _text_map}),
    RuleDefinition("code.empty", "代码值为空", "Empty code", "feature", params={"required_fields_only": _flag}),
    RuleDefinition("geometry.null", "几何为空（NULL）", "NULL geometry", "feature"),
    RuleDefinition("geometry.empty", "几何不含坐标", "Empty geometry", "feature"),
    RuleDefinition("geometry.invalid", "几何无效", "Invalid geometry", "feature"),
    RuleDefinition("key.duplicate", "标识码重复", "Duplicate identifier", "feature"),
    RuleDefinition("topology.overlap", "图斑重叠", "Overlapping features", "pair", params=_MIN_AREA),
    RuleDefinition("topology.gap", "图斑间缝隙", "Gap between features", "location", params=_MIN_AREA),
    RuleDefinition("conflict.control_lines", "三线冲突", "Control-line conflict", "pair",
                   params={**_MIN_AREA, "pairs": _role_pairs}),
    RuleDefinition("area.mismatch", "面积与椭球面积不符", "Stored area differs from ellipsoidal area", "feature",
                   params={"abs_tol_m2": _number(0.0), "rel_tol": _number(0.0, 1.0), "fields": _area_fields}),
    RuleDefinition("area.missing", "面积未填写", "Stored area missing", "feature"),
)
#: Every rule id the engine knows, in report order.
RULES: dict[str, RuleDefinition] = {d.id: d for d in _DEFINITIONS}


# --------------------------------------------------------------------------- rule sets


@dataclass(frozen=True)
class RuleConfig:
    """One rule's settings in a rule set."""

    rule_id: str
    enabled: bool
    severity: str
    params: Mapping[str, Any]


@dataclass(frozen=True)
class RuleSet:
    """A complete, validated rule set (every rule of :data:`RULES` has a :class:`RuleConfig`)."""

    id: str
    version: str
    rules: Mapping[str, RuleConfig]
    title_zh: str = ""
    title_en: str = ""
    source: str = ""

    def is_enabled(self, rule_id: str) -> bool:
        """Whether the rule runs."""
        return self.rules[rule_id].enabled

    def severity(self, rule_id: str, natural: str | None = None) -> str:
        """The rule's severity; ``auto`` resolves to ``natural`` (the check's own grading)."""
        severity = self.rules[rule_id].severity
        if severity == "auto":
            return natural or "error"
        return severity

    def params(self, rule_id: str) -> Mapping[str, Any]:
        """The rule's parameters (defaults merged with the user file)."""
        return self.rules[rule_id].params

    def with_rule(self, rule_id: str, *, enabled: bool | None = None, severity: str | None = None,
                  **params: Any) -> RuleSet:
        """A copy with one rule changed (values are validated like file entries)."""
        entry: dict[str, Any] = {}
        if enabled is not None:
            entry["enabled"] = enabled
        if severity is not None:
            entry["severity"] = severity
        if params:
            entry["params"] = params
        data = {"schema_version": 1, "id": self.id, "version": self.version, "rules": {rule_id: entry}}
        return parse_rule_set(data, source=self.source or "<rule set>", base=self)

    def only(self, *rule_ids: str) -> RuleSet:
        """A copy in which only ``rule_ids`` stay enabled (e.g. to rerun one check)."""
        unknown = sorted(set(rule_ids) - set(RULES))
        if unknown:
            raise KeyError(f"Unknown rule ids: {unknown}")
        rules = {rid: replace(cfg, enabled=cfg.enabled and rid in rule_ids) for rid, cfg in self.rules.items()}
        return replace(self, rules=rules)

    @property
    def folder(self) -> Path | None:
        """Folder of the rule set file, for resolving relative paths in parameters."""
        return Path(self.source).parent if self.source and Path(self.source).is_file() else None


def load_rule_set(path: str | Path | None = None) -> RuleSet:
    """The bundled rule set (``path`` None) or a user file read over it.

    Raises :class:`RuleSetError` naming the bad entry (JSON path) when the file is
    unreadable, not JSON, or not a valid rule set.
    """
    bundled = _bundled()
    if path is None:
        return bundled
    return parse_rule_set(_read_json(Path(path)), source=str(path), base=bundled)


@lru_cache(maxsize=1)
def _bundled() -> RuleSet:
    """The bundled rule set; it must define every rule and parameter."""
    data = _read_json(BUNDLED_RULE_SET)
    return parse_rule_set(data, source=str(BUNDLED_RULE_SET), base=None)


def _read_json(path: Path) -> Any:
    """Decoded JSON of ``path`` (UTF-8, BOM tolerated)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(str(path), "$", f"cannot read the file: {exc}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(str(path), "$", f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc


def parse_rule_set(data: Any, source: str = "<data>", base: RuleSet | None = None) -> RuleSet:
    """Validate decoded rule-set data; entries missing from ``data`` are taken from ``base``.

    With ``base`` None (the bundled file itself), every rule and parameter must be given.
    """
    if not isinstance(data, dict):
        raise _fail(source, "$", "the rule set must be a JSON object")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise _fail(source, f"$.{unknown[0]}", f"unknown key (allowed: {sorted(_TOP_KEYS)})")
    if data.get("schema_version") not in SUPPORTED_SCHEMA_VERSIONS:
        raise _fail(source, "$.schema_version", f"unsupported schema_version {data.get('schema_version')!r} "
                                                f"(supported: {sorted(SUPPORTED_SCHEMA_VERSIONS)})")
    rule_set_id = _text(data.get("id"), "$.id", source)
    if not _ID_PATTERN.match(rule_set_id):
        raise _fail(source, "$.id", "must be letters, digits, '.', '_' or '-'")
    version = _text(data.get("version"), "$.version", source)
    raw_rules = data.get("rules", {})
    if not isinstance(raw_rules, dict):
        raise _fail(source, "$.rules", "must be a JSON object: rule id → settings")
    for rule_id in raw_rules:
        if rule_id not in RULES:
            raise _fail(source, f"$.rules[{json.dumps(rule_id)}]", f"unknown rule id (known: {', '.join(RULES)})")
    rules = {rule_id: _parse_rule(definition, raw_rules.get(rule_id), base, source)
             for rule_id, definition in RULES.items()}
    return RuleSet(id=rule_set_id, version=version, rules=rules,
                   title_zh=str(data.get("title_zh", base.title_zh if base else "")),
                   title_en=str(data.get("title_en", base.title_en if base else "")), source=source)


def _parse_rule(definition: RuleDefinition, raw: Any, base: RuleSet | None, source: str) -> RuleConfig:
    """One rule entry merged over the base rule set's entry."""
    where = f"$.rules[{json.dumps(definition.id)}]"
    previous = base.rules[definition.id] if base else None
    if raw is None:
        if previous is None:
            raise _fail(source, where, "missing: the bundled rule set must define every rule")
        return previous
    if not isinstance(raw, dict):
        raise _fail(source, where, "must be a JSON object")
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        raise _fail(source, f"{where}.{unknown[0]}", f"unknown key (allowed: {sorted(_RULE_KEYS)})")
    enabled = _flag(raw["enabled"], f"{where}.enabled", source) if "enabled" in raw else _inherit(
        previous, "enabled", where, source)
    severity = _severity(definition, raw["severity"], f"{where}.severity", source) if "severity" in raw \
        else _inherit(previous, "severity", where, source)
    params = _parse_params(definition, raw.get("params", {}), previous, f"{where}.params", source)
    return RuleConfig(rule_id=definition.id, enabled=enabled, severity=severity, params=params)


def _inherit(previous: RuleConfig | None, key: str, where: str, source: str) -> Any:
    """A setting the entry leaves out: the base's value, or an error in the bundled file."""
    if previous is None:
        raise _fail(source, f"{where}.{key}", "missing")
    return getattr(previous, key)


def _severity(definition: RuleDefinition, value: Any, where: str, source: str) -> str:
    """``error``/``warning`` (or ``auto`` where the check grades itself)."""
    allowed = ("error", "warning", "auto") if definition.auto_severity else ("error", "warning")
    if value not in allowed:
        raise _fail(source, where, f"severity {value!r} is not one of {list(allowed)}")
    return value


def _parse_params(definition: RuleDefinition, raw: Any, previous: RuleConfig | None, where: str,
                  source: str) -> dict[str, Any]:
    """Parameters: known names, valid values, the rest inherited."""
    if not isinstance(raw, dict):
        raise _fail(source, where, "must be a JSON object")
    params = dict(previous.params) if previous else {}
    for name, value in raw.items():
        if name not in definition.params:
            known = ", ".join(definition.params) or "none"
            raise _fail(source, f"{where}.{name}", f"unknown parameter (known: {known})")
        params[name] = definition.params[name](value, f"{where}.{name}", source)
    missing = [name for name in definition.params if name not in params]
    if missing:
        raise _fail(source, f"{where}.{missing[0]}", "missing parameter")
    return params

