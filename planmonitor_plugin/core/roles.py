"""Layer roles: which standard layer (DLTB, YJJBNTBHTB, STBHHX …) a user's layer plays.

The role definitions are versioned data in ``resources/layer_roles.json``; this
module loads and validates them (:func:`load_roles`), guesses a layer's role from
its name and field names (:func:`detect_role`) and compares a layer's fields with
its role (:func:`check_fields`).

Detection in brief.  The layer name is reduced to its base name (no folders, no
known file extensions, NFKC-folded, lower case).  Latin patterns match the letter
runs of that name (so ``dltb_2023``, ``STBHHX_4490`` and ``XZQ_DLTB`` all yield a
``dltb``/``stbhhx`` token) either exactly or, for patterns of four letters or
more, as a prefix or suffix of a run (``330102DLTB``).  Chinese patterns match as
substrings (``2023年地类图斑``).  A match lying inside a longer match is dropped,
so ``YDYHGHFQ`` is not also read as ``GHFQ`` and ``YJJBNTBHTB`` is not read as
``BHTB``.  When several roles are named, the right-most mention wins (``XZQ_DLTB``
is land use clipped by an administrative unit).  Field overlap (share of required
fields present) then refines the ranking; a layer whose name says nothing can
still be recognised from distinctive fields alone.

Only the standard library is used here (the core must stay free of QGIS/Qt).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from planmonitor_plugin.core.errors import InputError

SUPPORTED_SCHEMA_VERSIONS = frozenset({1})
FIELD_TYPES = ("string", "integer", "real", "date")
REPORTED_TYPES = FIELD_TYPES + ("other",)
GEOMETRY_TYPES = ("point", "line", "polygon")
ROLES_FILE_NAME = "layer_roles.json"

# Detection weights and thresholds (see the module docstring).
NAME_WEIGHT = 0.6
FIELD_WEIGHT = 0.4
AFFIX_MATCH = 0.8
WEAK_PATTERN = 0.5
QUALIFIER_MENTION = 0.75
MIN_NAME_SCORE = 0.5
MIN_AFFIX_LENGTH = 4
FIELD_ONLY_MIN_SHARE = 2 / 3
FIELD_ONLY_MIN_FIELDS = 2
MAX_ROLES_FOR_DISTINCTIVE = 2

FILE_EXTENSIONS = frozenset({
    ".shp", ".dbf", ".gpkg", ".geojson", ".json", ".gdb", ".mdb", ".sqlite", ".db", ".tab", ".mif",
    ".kml", ".kmz", ".gml", ".fgb", ".csv", ".xlsx", ".xls", ".dxf", ".zip", ".qlr",
})
SYSTEM_FIELDS = frozenset({
    "FID", "OID", "OBJECTID", "OBJECTID_1", "OGC_FID", "GID", "GEOM", "GEOMETRY", "SHAPE",
    "SHAPE_AREA", "SHAPE_LENGTH", "SHAPE_LENG", "SHAPE_LEN",
})

_ROLE_KEYS = {
    "id", "name_zh", "name_en", "geometry", "coverage", "no_overlaps", "key_field", "sources", "notes",
    "required_fields", "optional_fields", "name_patterns", "weak_name_patterns", "exclude_name_patterns",
    "exclude_fields",
}
_FIELD_KEYS = {"name", "type", "length", "code_table", "aliases", "accept_types", "positive", "unit",
               "label_zh", "label_en"}
_ROLE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_FIELD_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_LATIN_PATTERN = re.compile(r"^[A-Za-z]+$")
_LATIN_RUN = re.compile(r"[a-z]+")
_TYPE_NAMES_ZH = {"string": "文本型", "integer": "整型", "real": "浮点型", "date": "日期型", "other": "其他类型"}


class RoleFileError(InputError):
    """The role definition file is missing, not JSON or not valid; ``details`` name the bad entry."""

    code = "role_file"


# --------------------------------------------------------------------------- data classes


@dataclass(frozen=True)
class FieldSpec:
    """One attribute field a role expects.

    ``length`` is the maximum declared text width of the standard (None when the
    sources give none); ``code_table`` the id of the code list its values are
    checked against; ``aliases`` other names accepted for the same field;
    ``accept_types`` types tolerated besides ``type``; ``positive`` means values
    must be > 0 (a value check for other modules, not a schema check).
    """

    name: str
    type: str
    required: bool
    length: int | None = None
    code_table: str | None = None
    aliases: tuple[str, ...] = ()
    accept_types: tuple[str, ...] = ()
    positive: bool = False
    unit: str | None = None
    label_zh: str = ""
    label_en: str = ""

    @property
    def all_names(self) -> tuple[str, ...]:
        """The field's name followed by its aliases, upper case."""
        return tuple(n.upper() for n in (self.name, *self.aliases))

    def accepts(self, type_name: str) -> bool:
        """Whether a layer field of ``type_name`` can hold this field's values."""
        type_name = type_name.lower()
        if type_name == self.type or type_name in self.accept_types:
            return True
        return self.type == "real" and type_name == "integer"


@dataclass(frozen=True)
class RoleSpec:
    """A layer role: what the layer is, which fields it carries and how to recognise it."""

    id: str
    name_zh: str
    name_en: str
    geometry: str
    coverage: bool
    no_overlaps: bool
    key_field: str
    required_fields: tuple[FieldSpec, ...]
    optional_fields: tuple[FieldSpec, ...] = ()
    name_patterns: tuple[str, ...] = ()
    weak_name_patterns: tuple[str, ...] = ()
    exclude_name_patterns: tuple[str, ...] = ()
    exclude_fields: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    notes: str = ""

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        """Required fields first, then optional ones."""
        return self.required_fields + self.optional_fields

    def field(self, name: str) -> FieldSpec | None:
        """The field called ``name`` or having it as alias (case-insensitive), or None."""
        wanted = name.upper()
        return next((f for f in self.fields if wanted in f.all_names), None)

    @property
    def code_fields(self) -> dict[str, str]:
        """Field name → code table id, for the fields whose values are coded."""
        return {f.name: f.code_table for f in self.fields if f.code_table}

    @property
    def known_field_names(self) -> frozenset[str]:
        """Every field name and alias of the role, upper case."""
        return frozenset(n for f in self.fields for n in f.all_names)


@dataclass(frozen=True)
class RoleMatch:
    """The outcome of :func:`detect_role`.

    ``score`` in [0, 1] combines ``name_score`` and ``field_score``;
    ``alternatives`` lists the other acceptable roles as (id, score), best first,
    so that a user interface can flag close calls.
    """

    role: RoleSpec
    score: float
    name_score: float
    field_score: float
    matched_pattern: str | None
    matched_fields: tuple[str, ...]
    missing_fields: tuple[str, ...]
    reason: str
    reason_zh: str
    alternatives: tuple[tuple[str, float], ...] = ()

    @property
    def role_id(self) -> str:
        """Shortcut for ``role.id``."""
        return self.role.id


@dataclass(frozen=True)
class FieldProblem:
    """One schema problem found by :func:`check_fields`.

    ``rule_id`` is stable (``schema.missing_field``, ``schema.wrong_type``,
    ``schema.too_long``); ``severity`` is ``"error"`` or ``"warning"``.
    """

    rule_id: str
    severity: str
    field: str
    layer_field: str | None
    expected: str
    actual: str | None
    message_en: str
    message_zh: str


# --------------------------------------------------------------------------- loading


def bundled_roles_path(module_file: str | Path = __file__) -> Path:
    """Path of the role file shipped with the plugin.

    Source tree: ``<repo>/resources`` (``parents[2]`` of this module); installed
    plugin: ``<plugin folder>/resources`` (``parents[1]``).
    """
    here = Path(module_file).resolve()
    for base in (here.parents[2], here.parents[1]):
        candidate = base / "resources" / ROLES_FILE_NAME
        if candidate.is_file():
            return candidate
    return here.parents[2] / "resources" / ROLES_FILE_NAME


def load_roles(path: str | Path | None = None) -> dict[str, RoleSpec]:
    """Read, validate and return the roles keyed by id, in file order.

    ``path`` None means the bundled file (parsed once, then cached).  Raises
    :class:`RoleFileError` naming the bad entry when the file is invalid.
    """
    if path is None:
        return dict(_load_bundled())
    return _load_file(Path(path))


@lru_cache(maxsize=1)
def _load_bundled() -> dict[str, RoleSpec]:
    """The bundled roles; cached because detection runs once per layer."""
    return _load_file(bundled_roles_path())


def _load_file(path: Path) -> dict[str, RoleSpec]:
    """Parse one role file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RoleFileError(f"Cannot read role file {path}: {exc}", path=str(path)) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RoleFileError(f"Role file {path} is not valid JSON: {exc}", path=str(path), line=exc.lineno) from exc
    return parse_roles(data, source=str(path))


def parse_roles(data: Any, source: str = "<data>") -> dict[str, RoleSpec]:
    """Validate already-decoded role data and build the :class:`RoleSpec` objects."""
    _require(isinstance(data, dict), source, "top level", "must be a JSON object")
    version = data.get("schema_version")
    _require(version in SUPPORTED_SCHEMA_VERSIONS, source, "schema_version",
             f"unsupported schema_version {version!r} (supported: {sorted(SUPPORTED_SCHEMA_VERSIONS)})")
    code_tables = data.get("code_tables", [])
    _require(_is_str_list(code_tables), source, "code_tables", "must be a list of code table ids")
    raw_roles = data.get("roles")
    _require(isinstance(raw_roles, list) and raw_roles, source, "roles", "must be a non-empty list")
    roles: dict[str, RoleSpec] = {}
    for index, raw in enumerate(raw_roles):
        role = _parse_role(raw, f"roles[{index}]", source, set(code_tables))
        _require(role.id not in roles, source, f"roles[{index}]", f"duplicate role id {role.id!r}")
        roles[role.id] = role
    return roles


def _parse_role(raw: Any, where: str, source: str, code_tables: set[str]) -> RoleSpec:
    """Validate one role object."""
    _require(isinstance(raw, dict), source, where, "must be a JSON object")
    role_id = raw.get("id")
    _require(isinstance(role_id, str) and _ROLE_ID.match(role_id), source, where,
             f"id {role_id!r} must be lower-case letters, digits and underscores")
    where = f"{where} ({role_id})"
    unknown = sorted(set(raw) - _ROLE_KEYS)
    _require(not unknown, source, where, f"unknown keys {unknown}")
    for key in ("name_zh", "name_en", "key_field"):
        _require(isinstance(raw.get(key), str) and raw[key].strip(), source, where, f"{key} must be a non-empty text")
    _require(raw.get("geometry") in GEOMETRY_TYPES, source, where, f"geometry must be one of {list(GEOMETRY_TYPES)}")
    for key in ("coverage", "no_overlaps"):
        _require(isinstance(raw.get(key, False), bool), source, where, f"{key} must be true or false")
    required = _parse_fields(raw.get("required_fields"), True, f"{where}.required_fields", source, code_tables)
    optional = _parse_fields(raw.get("optional_fields", []), False, f"{where}.optional_fields", source, code_tables)
    _check_unique_names(required + optional, where, source)
    role = RoleSpec(
        id=role_id, name_zh=raw["name_zh"], name_en=raw["name_en"], geometry=raw["geometry"],
        coverage=raw.get("coverage", False), no_overlaps=raw.get("coverage", False) or raw.get("no_overlaps", False),
        key_field=raw["key_field"], required_fields=required, optional_fields=optional,
        name_patterns=_parse_patterns(raw, "name_patterns", where, source),
        weak_name_patterns=_parse_patterns(raw, "weak_name_patterns", where, source),
        exclude_name_patterns=_parse_patterns(raw, "exclude_name_patterns", where, source),
        exclude_fields=tuple(_text_list(raw, "exclude_fields", where, source)),
        sources=tuple(_text_list(raw, "sources", where, source)), notes=str(raw.get("notes", "")),
    )
    _require(role.field(role.key_field) is not None, source, where,
             f"key_field {role.key_field!r} is not one of the role's fields")
    return role


def _parse_fields(raw: Any, required: bool, where: str, source: str, code_tables: set[str]) -> tuple[FieldSpec, ...]:
    """Validate a list of field objects."""
    _require(isinstance(raw, list), source, where, "must be a list of fields")
    return tuple(_parse_field(item, required, f"{where}[{i}]", source, code_tables) for i, item in enumerate(raw))


def _parse_field(raw: Any, required: bool, where: str, source: str, code_tables: set[str]) -> FieldSpec:
    """Validate one field object."""
    _require(isinstance(raw, dict), source, where, "must be a JSON object")
    name = raw.get("name")
    _require(isinstance(name, str) and _FIELD_NAME.match(name), source, where, f"invalid field name {name!r}")
    where = f"{where} ({name})"
    unknown = sorted(set(raw) - _FIELD_KEYS)
    _require(not unknown, source, where, f"unknown keys {unknown}")
    _require(raw.get("type") in FIELD_TYPES, source, where,
             f"type {raw.get('type')!r} is not one of {list(FIELD_TYPES)}")
    length = raw.get("length")
    _require(length is None or (type(length) is int and length > 0), source, where,
             f"length {length!r} must be a positive integer or absent")
    table = raw.get("code_table")
    _require(table is None or table in code_tables, source, where,
             f"code_table {table!r} is not declared in code_tables {sorted(code_tables)}")
    aliases = _text_list(raw, "aliases", where, source)
    _require(all(_FIELD_NAME.match(a) for a in aliases), source, where, f"invalid alias in {aliases}")
    accept = _text_list(raw, "accept_types", where, source)
    _require(set(accept) <= set(FIELD_TYPES), source, where, f"accept_types {accept} not within {list(FIELD_TYPES)}")
    _require(isinstance(raw.get("positive", False), bool), source, where, "positive must be true or false")
    return FieldSpec(
        name=name, type=raw["type"], required=required, length=length, code_table=table, aliases=tuple(aliases),
        accept_types=tuple(accept), positive=raw.get("positive", False), unit=raw.get("unit"),
        label_zh=str(raw.get("label_zh", "")), label_en=str(raw.get("label_en", "")),
    )


def _check_unique_names(fields: Sequence[FieldSpec], where: str, source: str) -> None:
    """Field names and aliases must be unique within a role (case-insensitive)."""
    seen: set[str] = set()
    for spec in fields:
        for name in spec.all_names:
            _require(name not in seen, source, where, f"field name {name!r} appears twice")
            seen.add(name)


def _parse_patterns(raw: dict, key: str, where: str, source: str) -> tuple[str, ...]:
    """Name patterns: Latin letters only (matched against letter runs) or containing Chinese."""
    patterns = _text_list(raw, key, where, source)
    for pattern in patterns:
        _require(_LATIN_PATTERN.match(pattern) or not pattern.isascii(), source, where,
                 f"{key} entry {pattern!r} must be Latin letters only or contain Chinese characters")
    return tuple(_fold(p) for p in patterns)


def _text_list(raw: dict, key: str, where: str, source: str) -> list[str]:
    """An optional list of non-empty texts."""
    value = raw.get(key, [])
    _require(_is_str_list(value), source, where, f"{key} must be a list of non-empty texts")
    return list(value)


def _is_str_list(value: Any) -> bool:
    """Whether ``value`` is a list of non-empty strings."""
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _require(condition: Any, source: str, entry: str, problem: str) -> None:
    """Raise :class:`RoleFileError` naming ``entry`` unless ``condition`` holds."""
    if not condition:
        raise RoleFileError(f"{source}: {entry}: {problem}", path=source, entry=entry, problem=problem)


# --------------------------------------------------------------------------- detection


@dataclass(frozen=True)
class _Hit:
    """One name pattern found in a layer name, at ``start``..``end``."""

    role_id: str
    pattern: str
    start: int
    end: int
    weight: float

    def inside(self, other: _Hit) -> bool:
        """Whether this hit lies within a longer hit."""
        longer = (other.end - other.start) > (self.end - self.start)
        return longer and other.start <= self.start and self.end <= other.end


@dataclass(frozen=True)
class _Candidate:
    """A role under consideration with its partial scores."""

    role: RoleSpec
    name_score: float
    pattern: str | None
    field_score: float
    matched: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def score(self) -> float:
        """Combined score in [0, 1]."""
        return round(NAME_WEIGHT * self.name_score + FIELD_WEIGHT * self.field_score, 4)


def normalise_layer_name(layer_name: str) -> str:
    """Base name of a layer: no folders, no data-source options, no known file extension, folded."""
    name = unicodedata.normalize("NFKC", layer_name).strip()
    match = re.search(r"\|layername=([^|]+)", name, flags=re.IGNORECASE)
    if match:
        name = match.group(1)
    name = name.split("|")[0]
    name = re.split(r"[\\/]", name.rstrip("\\/"))[-1]
    while True:
        stem, dot, ext = name.rpartition(".")
        if not dot or not stem or f".{ext.lower()}" not in FILE_EXTENSIONS:
            break
        name = stem
    return _fold(name)


def _fold(text: str) -> str:
    """NFKC-normalise and lower-case (full-width Latin becomes ASCII)."""
    return unicodedata.normalize("NFKC", text).lower()


def _find_hits(name: str, patterns: Iterable[str], role_id: str, weight: float) -> list[_Hit]:
    """Occurrences of ``patterns`` in a normalised name."""
    hits = []
    for pattern in patterns:
        if pattern.isascii():
            hits.extend(_latin_hits(name, pattern, role_id, weight))
        else:
            hits.extend(_Hit(role_id, pattern, m.start(), m.end(), weight)
                        for m in re.finditer(re.escape(pattern), name))
    return hits


def _latin_hits(name: str, pattern: str, role_id: str, weight: float) -> list[_Hit]:
    """Hits of a Latin pattern: whole letter run, or its prefix/suffix when the pattern is long enough."""
    hits = []
    for run in _LATIN_RUN.finditer(name):
        token, start = run.group(), run.start()
        if token == pattern:
            hits.append(_Hit(role_id, pattern, start, run.end(), weight))
        elif len(pattern) >= MIN_AFFIX_LENGTH and token.startswith(pattern):
            hits.append(_Hit(role_id, pattern, start, start + len(pattern), weight * AFFIX_MATCH))
        elif len(pattern) >= MIN_AFFIX_LENGTH and token.endswith(pattern):
            hits.append(_Hit(role_id, pattern, run.end() - len(pattern), run.end(), weight * AFFIX_MATCH))
    return hits


def _name_scores(name: str, roles: Sequence[RoleSpec]) -> dict[str, tuple[float, str]]:
    """Role id → (name score, matched pattern) for the roles the name mentions."""
    hits: list[_Hit] = []
    for role in roles:
        hits += _find_hits(name, role.name_patterns, role.id, 1.0)
        hits += _find_hits(name, role.weak_name_patterns, role.id, WEAK_PATTERN)
    hits = [h for h in hits if not any(h.inside(other) for other in hits)]
    if not hits:
        return {}
    last_start = max(h.start for h in hits)
    scores: dict[str, tuple[float, str]] = {}
    for hit in hits:
        score = hit.weight * (1.0 if hit.start == last_start else QUALIFIER_MENTION)
        if score > scores.get(hit.role_id, (0.0, ""))[0]:
            scores[hit.role_id] = (score, hit.pattern)
    return scores


def _excluded(role: RoleSpec, name: str, layer_fields: set[str], name_mentions_role: bool) -> bool:
    """Whether an exclusion pattern matches the name, or an exclusion field settles a field-only guess."""
    if _find_hits(name, role.exclude_name_patterns, role.id, 1.0):
        return True
    return not name_mentions_role and any(f.upper() in layer_fields for f in role.exclude_fields)


def _field_overlap(role: RoleSpec, layer_fields: set[str]) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    """(field score, matched required fields, missing required fields).

    The score is 80 % the share of required fields present and 20 % the share of
    the layer's own fields that the role knows, which separates roles that
    require the same few fields.  Roles with no required fields use the second
    share alone.
    """
    matched = tuple(f.name for f in role.required_fields if layer_fields & set(f.all_names))
    missing = tuple(f.name for f in role.required_fields if f.name not in matched)
    own = layer_fields - SYSTEM_FIELDS
    known_share = len(own & role.known_field_names) / len(own) if own else 0.0
    if not role.required_fields:
        return known_share, matched, missing
    return 0.8 * len(matched) / len(role.required_fields) + 0.2 * known_share, matched, missing


def _distinctive_fields(roles: Sequence[RoleSpec]) -> dict[str, frozenset[str]]:
    """Role id → the role's field names that at most two roles know (BSM, XZQDM … are not)."""
    counts: dict[str, int] = {}
    for role in roles:
        for name in role.known_field_names:
            counts[name] = counts.get(name, 0) + 1
    return {r.id: frozenset(n for n in r.known_field_names if counts[n] <= MAX_ROLES_FOR_DISTINCTIVE) for r in roles}


def _field_only_convincing(candidate: _Candidate, layer_fields: set[str], distinctive: frozenset[str]) -> bool:
    """A role not named by the layer needs most of its required fields and one field typical of it."""
    required = candidate.role.required_fields
    if not required or len(candidate.matched) < FIELD_ONLY_MIN_FIELDS:
        return False
    share = len(candidate.matched) / len(required)
    return share >= FIELD_ONLY_MIN_SHARE - 1e-9 and bool(layer_fields & distinctive)


def _candidates(name: str, layer_fields: set[str], roles: Sequence[RoleSpec]) -> list[_Candidate]:
    """All roles that are convincing for this layer, best first."""
    named = _name_scores(name, roles)
    distinctive = _distinctive_fields(roles)
    accepted = []
    for role in roles:
        name_score, pattern = named.get(role.id, (0.0, None))
        if _excluded(role, name, layer_fields, role.id in named):
            continue
        field_score, matched, missing = _field_overlap(role, layer_fields)
        candidate = _Candidate(role, name_score, pattern, field_score, matched, missing)
        if name_score >= MIN_NAME_SCORE or _field_only_convincing(candidate, layer_fields, distinctive[role.id]):
            accepted.append(candidate)
    accepted.sort(key=lambda c: (c.score, len(c.matched)), reverse=True)
    return accepted


def _reasons(candidate: _Candidate) -> tuple[str, str]:
    """English and Chinese explanation of a match."""
    role = candidate.role
    en, zh = [], []
    if candidate.pattern:
        en.append(f"layer name matches pattern '{candidate.pattern.upper()}'")
        zh.append(f"图层名称匹配“{candidate.pattern.upper()}”")
    else:
        en.append("recognised from its fields only")
        zh.append("仅根据字段识别")
    if role.required_fields:
        count = f"{len(candidate.matched)}/{len(role.required_fields)}"
        en.append(f"{count} required fields present ({', '.join(candidate.matched) or 'none'})")
        zh.append(f"具备必填字段 {count}（{'、'.join(candidate.matched) or '无'}）")
    return "; ".join(en), "；".join(zh)


def detect_role(layer_name: str, field_names: Sequence[str], roles: dict[str, RoleSpec] | None = None
                ) -> RoleMatch | None:
    """Guess the role of a layer from its name and field names, or None when nothing is convincing.

    >>> detect_role("2023年地类图斑.shp", ["BSM", "DLBM", "TBMJ", "TBDLMJ"]).role_id
    'current_land_use'
    """
    role_list = list((roles if roles is not None else load_roles()).values())
    layer_fields = {str(f).upper() for f in field_names}
    found = _candidates(normalise_layer_name(layer_name), layer_fields, role_list)
    if not found:
        return None
    best = found[0]
    reason, reason_zh = _reasons(best)
    return RoleMatch(
        role=best.role, score=best.score, name_score=round(best.name_score, 4),
        field_score=round(best.field_score, 4), matched_pattern=best.pattern.upper() if best.pattern else None,
        matched_fields=best.matched, missing_fields=best.missing, reason=reason, reason_zh=reason_zh,
        alternatives=tuple((c.role.id, c.score) for c in found[1:]),
    )


# --------------------------------------------------------------------------- field checks


def check_fields(role: RoleSpec, fields: Sequence[tuple[str, str, int | None]]) -> list[FieldProblem]:
    """Compare a layer's fields ``(name, type_name, length)`` with its role.

    ``type_name`` is string/integer/real/date/other as the QGIS adapter reports
    it; ``length`` is the declared width (0 or None = unknown, not checked).
    Missing required fields and wrong types of required fields are errors; wrong
    types of optional fields and declared widths above the standard's are warnings.
    """
    by_name: dict[str, tuple[str, str, int | None]] = {}
    for layer_field in fields:
        by_name.setdefault(str(layer_field[0]).upper(), layer_field)
    problems: list[FieldProblem] = []
    for spec in role.fields:
        layer_field = next((by_name[n] for n in spec.all_names if n in by_name), None)
        if layer_field is None:
            if spec.required:
                problems.append(_missing(spec))
            continue
        problems.extend(_check_one(spec, layer_field))
    return problems


def _check_one(spec: FieldSpec, layer_field: tuple[str, str, int | None]) -> list[FieldProblem]:
    """Type and width problems of one present field."""
    name, type_name, length = layer_field
    type_name = str(type_name).lower()
    if type_name not in REPORTED_TYPES:
        type_name = "other"
    if not spec.accepts(type_name):
        return [_wrong_type(spec, name, type_name)]
    if spec.type == "string" and spec.length and length and length > spec.length:
        return [_too_long(spec, name, length)]
    return []


def _label(spec: FieldSpec, zh: bool) -> str:
    """Field name with its label and aliases, for messages."""
    label = spec.label_zh if zh else spec.label_en
    text = f"{spec.name}（{label}）" if zh and label else f"{spec.name} ({label})" if label else spec.name
    if spec.aliases:
        alias = "、".join(spec.aliases) if zh else " or ".join(spec.aliases)
        text += f"（或 {alias}）" if zh else f" (or {alias})"
    return text


def _missing(spec: FieldSpec) -> FieldProblem:
    """Problem: a required field is absent."""
    return FieldProblem(
        rule_id="schema.missing_field", severity="error", field=spec.name, layer_field=None,
        expected=spec.type, actual=None,
        message_en=f"Required field {_label(spec, False)} is missing.",
        message_zh=f"缺少必填字段 {_label(spec, True)}。",
    )


def _wrong_type(spec: FieldSpec, layer_name: str, type_name: str) -> FieldProblem:
    """Problem: a field has a type that cannot hold its values."""
    return FieldProblem(
        rule_id="schema.wrong_type", severity="error" if spec.required else "warning", field=spec.name,
        layer_field=layer_name, expected=spec.type, actual=type_name,
        message_en=f"Field {layer_name} should be of type {spec.type} but is {type_name}.",
        message_zh=f"字段 {layer_name} 应为{_TYPE_NAMES_ZH[spec.type]}，实际为{_TYPE_NAMES_ZH[type_name]}。",
    )


def _too_long(spec: FieldSpec, layer_name: str, length: int) -> FieldProblem:
    """Problem: a text field is declared wider than the standard allows."""
    return FieldProblem(
        rule_id="schema.too_long", severity="warning", field=spec.name, layer_field=layer_name,
        expected=str(spec.length), actual=str(length),
        message_en=f"Field {layer_name} is declared with length {length}; the standard allows at most {spec.length}.",
        message_zh=f"字段 {layer_name} 长度为 {length}，超过标准规定的最大长度 {spec.length}。",
    )
