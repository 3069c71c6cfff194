"""Compliance rule packs: versioned JSON describing the site compliance review.

The bundled pack is ``resources/rules/compliance_default.json``::

    {"schema_version": 1, "id": "…", "version": "0.1.0", "name_zh": "…", "name_en": "…",
     "rules": [{"id": "site.ecological_redline", "column": "redline",
                "constraint_role": "ecological_redline", "predicate": "overlaps",
                "tolerance_m2": 1.0, "severity": "error",
                "verdict": {"finding": "non_compliant"},
                "legal_basis": ["自然资发〔2022〕142号"], "note": "…"}, …],
     "compatibility": {"default": "needs_justification", "same_level1": "compatible",
                       "entries": [{"intended": ["07"], "planned": ["01"], "result": "incompatible"}]}}

Predicates: ``overlaps`` (the site intersects constraint features, optionally
only those whose ``class_filter.field`` is in ``class_filter.codes``),
``outside`` (part of the site lies outside the union of the constraint layer),
``compatible_with`` (the site's intended-use code against the planned-use code
of every planned polygon it overlaps, looked up in ``compatibility``).
``verdict`` maps a finding to a verdict: key ``finding`` for ``overlaps`` /
``outside``; keys ``incompatible`` and ``needs_justification`` for
``compatible_with``.  Malformed packs raise :class:`RulePackError` whose
``details['entry']`` is the JSON path of the bad entry (``$.rules[2].predicate``).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planmonitor_plugin.__about__ import RESOURCES_DIR
from planmonitor_plugin.core.errors import InputError

SUPPORTED_SCHEMA_VERSIONS = frozenset({1})
BUNDLED_PACK = RESOURCES_DIR / "rules" / "compliance_default.json"

COMPLIANT, NEEDS_JUSTIFICATION, NON_COMPLIANT = "compliant", "needs_justification", "non_compliant"
#: Verdicts from best to worst; a site's verdict is the worst over its rules.
VERDICT_ORDER = (COMPLIANT, NEEDS_JUSTIFICATION, NON_COMPLIANT)
VERDICT_NAMES_ZH = {COMPLIANT: "合规", NEEDS_JUSTIFICATION: "需论证", NON_COMPLIANT: "不合规"}
COMPATIBLE, INCOMPATIBLE = "compatible", "incompatible"
COMPATIBILITY_RESULTS = (COMPATIBLE, NEEDS_JUSTIFICATION, INCOMPATIBLE)
PREDICATES = ("overlaps", "outside", "compatible_with")
SEVERITIES = ("error", "warning", "info")
VERDICT_KEYS = {"overlaps": {"finding"}, "outside": {"finding"},
                "compatible_with": {INCOMPATIBLE, NEEDS_JUSTIFICATION}}

_TOP_KEYS = {"schema_version", "id", "version", "name_zh", "name_en", "description", "rules", "compatibility"}
_RULE_REQUIRED = {"id", "column", "name_zh", "name_en", "constraint_role", "predicate", "severity", "verdict",
                  "legal_basis"}
_RULE_OPTIONAL = {"tolerance_m2", "note", "class_filter", "use_field", "planned_field"}
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_COLUMN_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
_CODE_PREFIX = re.compile(r"^[0-9]{2}([0-9]{2}){0,2}$")
DEFAULT_TOLERANCE_M2 = 1.0


class RulePackError(InputError):
    """A compliance rule pack is unreadable or invalid; ``details['entry']`` names the bad entry."""

    code = "compliance_rule_pack"


def _fail(source: str, entry: str, problem: str) -> RulePackError:
    return RulePackError(f"Rule pack {source}: {entry}: {problem}", path=source, entry=entry, problem=problem)


@dataclass(frozen=True)
class ClassFilter:
    """Only constraint features whose ``field`` holds one of ``codes`` count."""

    field: str
    codes: frozenset[str]


@dataclass(frozen=True)
class ComplianceRule:
    """One rule of a pack; ``column`` is the prefix of its result columns (``redline_m2`` …)."""

    id: str
    column: str
    name_zh: str
    name_en: str
    constraint_role: str
    predicate: str
    tolerance_m2: float
    severity: str
    verdict: dict[str, str]
    legal_basis: tuple[str, ...]
    note: str = ""
    class_filter: ClassFilter | None = None
    use_field: str = "YDYHFLDM"
    planned_field: str = "YDYHFLDM"


@dataclass(frozen=True)
class CompatibilityEntry:
    """``result`` for every (intended prefix, planned prefix) of the two lists."""

    intended: tuple[str, ...]
    planned: tuple[str, ...]
    result: str


@dataclass(frozen=True)
class CompatibilityTable:
    """Intended-use × planned-use compatibility (provisional local configuration)."""

    default: str
    same_level1: str | None
    entries: tuple[CompatibilityEntry, ...]

    def lookup(self, intended: str | None, planned: str | None) -> str | None:
        """Compatibility of two 用地用海 codes; None when either code is missing.

        The entry with the longest matching intended prefix wins, ties broken by
        the longest planned prefix (then file order); without an entry,
        ``same_level1`` applies when both codes share the level-1 class, else
        ``default``.
        """
        if not intended or not planned:
            return None
        best, best_rank = None, (-1, -1)
        for entry in self.entries:
            i = _longest_prefix(intended, entry.intended)
            p = _longest_prefix(planned, entry.planned)
            if i and p and (i, p) > best_rank:
                best, best_rank = entry.result, (i, p)
        if best is not None:
            return best
        if self.same_level1 is not None and intended[:2] == planned[:2]:
            return self.same_level1
        return self.default


def _longest_prefix(code: str, prefixes: tuple[str, ...]) -> int:
    """Length of the longest prefix of ``code`` in ``prefixes`` (0 if none)."""
    return max((len(p) for p in prefixes if code.startswith(p)), default=0)


@dataclass(frozen=True)
class RulePack:
    """A validated rule pack."""

    schema_version: int
    id: str
    version: str
    name_zh: str
    name_en: str
    rules: tuple[ComplianceRule, ...]
    compatibility: CompatibilityTable | None
    source: str = "<data>"


# --------------------------------------------------------------------------- loading


def load_rule_pack(path: str | Path | None = None) -> RulePack:
    """Read and validate a rule pack file (None: the bundled default)."""
    path = Path(path) if path is not None else BUNDLED_PACK
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise _fail(str(path), "$", f"cannot read file ({exc})") from exc
    except ValueError as exc:
        raise _fail(str(path), "$", f"not valid JSON ({exc})") from exc
    return parse_rule_pack(data, str(path))


def parse_rule_pack(data: Any, source: str = "<data>") -> RulePack:
    """Validate decoded JSON and build the :class:`RulePack`."""
    _expect(isinstance(data, dict), source, "$", "must be an object")
    _no_unknown_keys(data, _TOP_KEYS, source, "$")
    for key in ("schema_version", "id", "version", "name_zh", "name_en", "rules"):
        _expect(key in data, source, f"$.{key}", "is missing")
    _expect(data["schema_version"] in SUPPORTED_SCHEMA_VERSIONS and type(data["schema_version"]) is int,
            source, "$.schema_version", f"unsupported (supported: {sorted(SUPPORTED_SCHEMA_VERSIONS)})")
    _expect(isinstance(data["id"], str) and bool(_ID_PATTERN.match(data["id"])), source, "$.id",
            "must be an identifier")
    for key in ("version", "name_zh", "name_en"):
        _text(data[key], source, f"$.{key}")
    rules = _parse_rules(data["rules"], source)
    compatibility = None
    if "compatibility" in data:
        compatibility = _parse_compatibility(data["compatibility"], source, "$.compatibility")
    if any(rule.predicate == "compatible_with" for rule in rules):
        _expect(compatibility is not None, source, "$.compatibility", "is required by a compatible_with rule")
    return RulePack(data["schema_version"], data["id"], data["version"], data["name_zh"], data["name_en"],
                    rules, compatibility, source)


def _parse_rules(raw: Any, source: str) -> tuple[ComplianceRule, ...]:
    _expect(isinstance(raw, list) and len(raw) > 0, source, "$.rules", "must be a non-empty list")
    rules = tuple(_parse_rule(item, source, f"$.rules[{n}]") for n, item in enumerate(raw))
    for attribute in ("id", "column"):
        seen: set[str] = set()
        for n, rule in enumerate(rules):
            value = getattr(rule, attribute)
            _expect(value not in seen, source, f"$.rules[{n}].{attribute}", f"duplicate {attribute} {value!r}")
            seen.add(value)
    return rules


def _parse_rule(raw: Any, source: str, where: str) -> ComplianceRule:
    _expect(isinstance(raw, dict), source, where, "must be an object")
    _no_unknown_keys(raw, _RULE_REQUIRED | _RULE_OPTIONAL, source, where)
    for key in sorted(_RULE_REQUIRED):
        _expect(key in raw, source, f"{where}.{key}", "is missing")
    _expect(isinstance(raw["id"], str) and bool(_ID_PATTERN.match(raw["id"])), source, f"{where}.id",
            "must be an identifier")
    _expect(isinstance(raw["column"], str) and bool(_COLUMN_PATTERN.match(raw["column"])), source,
            f"{where}.column", "must be lower-case letters, digits and _")
    for key in ("name_zh", "name_en", "constraint_role"):
        _text(raw[key], source, f"{where}.{key}")
    predicate = _choice(raw["predicate"], PREDICATES, source, f"{where}.predicate")
    return ComplianceRule(
        id=raw["id"], column=raw["column"], name_zh=raw["name_zh"], name_en=raw["name_en"],
        constraint_role=raw["constraint_role"], predicate=predicate,
        tolerance_m2=_tolerance(raw.get("tolerance_m2", DEFAULT_TOLERANCE_M2), source, f"{where}.tolerance_m2"),
        severity=_choice(raw["severity"], SEVERITIES, source, f"{where}.severity"),
        verdict=_verdict(raw["verdict"], predicate, source, f"{where}.verdict"),
        legal_basis=_text_list(raw["legal_basis"], source, f"{where}.legal_basis"),
        note=_text(raw.get("note", ""), source, f"{where}.note", allow_empty=True),
        class_filter=_class_filter(raw.get("class_filter"), source, f"{where}.class_filter"),
        use_field=_text(raw.get("use_field", "YDYHFLDM"), source, f"{where}.use_field"),
        planned_field=_text(raw.get("planned_field", "YDYHFLDM"), source, f"{where}.planned_field"))


def _verdict(raw: Any, predicate: str, source: str, where: str) -> dict[str, str]:
    keys = VERDICT_KEYS[predicate]
    _expect(isinstance(raw, dict) and set(raw) == keys, source, where,
            f"must be an object with exactly the keys {sorted(keys)}")
    for key, value in raw.items():
        _choice(value, (NEEDS_JUSTIFICATION, NON_COMPLIANT), source, f"{where}.{key}")
    return dict(raw)


def _class_filter(raw: Any, source: str, where: str) -> ClassFilter | None:
    if raw is None:
        return None
    _expect(isinstance(raw, dict) and set(raw) == {"field", "codes"}, source, where,
            "must be an object with the keys field and codes")
    codes = _text_list(raw["codes"], source, f"{where}.codes")
    _expect(len(codes) > 0, source, f"{where}.codes", "must not be empty")
    return ClassFilter(_text(raw["field"], source, f"{where}.field"), frozenset(c.strip().upper() for c in codes))


def _parse_compatibility(raw: Any, source: str, where: str) -> CompatibilityTable:
    _expect(isinstance(raw, dict), source, where, "must be an object")
    _no_unknown_keys(raw, {"description", "default", "same_level1", "entries"}, source, where)
    _expect("default" in raw and "entries" in raw, source, where, "needs default and entries")
    default = _choice(raw["default"], COMPATIBILITY_RESULTS, source, f"{where}.default")
    same = raw.get("same_level1")
    if same is not None:
        same = _choice(same, COMPATIBILITY_RESULTS, source, f"{where}.same_level1")
    _expect(isinstance(raw["entries"], list), source, f"{where}.entries", "must be a list")
    entries = tuple(_compatibility_entry(item, source, f"{where}.entries[{n}]")
                    for n, item in enumerate(raw["entries"]))
    return CompatibilityTable(default, same, entries)


def _compatibility_entry(raw: Any, source: str, where: str) -> CompatibilityEntry:
    _expect(isinstance(raw, dict) and set(raw) == {"intended", "planned", "result"}, source, where,
            "must be an object with the keys intended, planned and result")
    lists = {}
    for key in ("intended", "planned"):
        values = raw[key]
        _expect(isinstance(values, list) and len(values) > 0, source, f"{where}.{key}",
                "must be a non-empty list of code prefixes")
        for n, value in enumerate(values):
            _expect(isinstance(value, str) and bool(_CODE_PREFIX.match(value)), source, f"{where}.{key}[{n}]",
                    "must be a 用地用海 code prefix of 2, 4 or 6 digits")
        lists[key] = tuple(values)
    result = _choice(raw["result"], COMPATIBILITY_RESULTS, source, f"{where}.result")
    return CompatibilityEntry(lists["intended"], lists["planned"], result)


# --------------------------------------------------------------------------- small validators


def _expect(condition: bool, source: str, where: str, problem: str) -> None:
    if not condition:
        raise _fail(source, where, problem)


def _no_unknown_keys(raw: dict, allowed: set[str], source: str, where: str) -> None:
    for key in raw:
        _expect(key in allowed, source, f"{where}.{key}", "unknown key")


def _text(value: Any, source: str, where: str, allow_empty: bool = False) -> str:
    _expect(isinstance(value, str) and (allow_empty or bool(value.strip())), source, where,
            "must be a text" if allow_empty else "must be a non-empty text")
    return value


def _text_list(value: Any, source: str, where: str) -> tuple[str, ...]:
    _expect(isinstance(value, list), source, where, "must be a list of texts")
    return tuple(_text(item, source, f"{where}[{n}]") for n, item in enumerate(value))


def _choice(value: Any, allowed: tuple[str, ...], source: str, where: str) -> str:
    _expect(isinstance(value, str) and value in allowed, source, where, f"must be one of {list(allowed)}")
    return value


def _tolerance(value: Any, source: str, where: str) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0
    _expect(ok, source, where, "must be a number ≥ 0 (m²)")
    return float(value)
