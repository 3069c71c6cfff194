"""The validation engine: plan the checks of a run, run them with progress and cancellation, collect findings.

A *step* is one check group on one layer (``crs``, ``schema``, ``geometry``,
``overlaps`` …) or one pair of control-line layers; :class:`Steps` maps the steps
onto 0–100 % and raises :class:`~planmonitor_plugin.core.errors.Cancelled`
between steps, while long steps also check between chunks.  Findings come out
layer by layer in step order, then the conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.progress import (
    CancelledCallback,
    ProgressCallback,
    Steps,
    never_cancelled,
    no_progress,
)
from planmonitor_plugin.core.roles import RoleSpec, load_roles
from planmonitor_plugin.core.validation.checks_attributes import check_areas, check_codes, check_keys
from planmonitor_plugin.core.validation.checks_geometry import check_geometry
from planmonitor_plugin.core.validation.checks_layer import check_crs, check_encoding, check_schema
from planmonitor_plugin.core.validation.checks_topology import check_conflict, check_gaps, check_overlaps
from planmonitor_plugin.core.validation.context import CheckContext
from planmonitor_plugin.core.validation.layer import PreparedLayer
from planmonitor_plugin.core.validation.model import Findings, LayerInput, ValidationResult, combine, summarise
from planmonitor_plugin.core.validation.rules import RuleSet, load_rule_set

LayerCheckFunction = Callable[[PreparedLayer, CheckContext], "list[Findings]"]


@dataclass(frozen=True)
class LayerCheck:
    """A group of rules checked together on one layer, and which layers it applies to."""

    name: str
    rule_ids: tuple[str, ...]
    run: LayerCheckFunction
    applies: Callable[[PreparedLayer], bool] = lambda layer: True


def _has_role(layer: PreparedLayer) -> bool:
    return layer.role is not None


#: Per-layer checks in run order (cheap attribute checks first, topology last).
LAYER_CHECKS = (
    LayerCheck("crs", ("crs.missing", "crs.not_cgcs2000"), check_crs),
    LayerCheck("encoding", ("encoding.suspect",), check_encoding),
    LayerCheck("schema", ("schema.missing_field", "schema.wrong_type", "schema.too_long"), check_schema, _has_role),
    LayerCheck("geometry", ("geometry.null", "geometry.empty", "geometry.invalid"), check_geometry),
    LayerCheck("codes", ("code.unknown", "code.empty"), check_codes, _has_role),
    LayerCheck("keys", ("key.duplicate",), check_keys, _has_role),
    LayerCheck("areas", ("area.mismatch", "area.missing"), check_areas, _has_role),
    LayerCheck("overlaps", ("topology.overlap",), check_overlaps, lambda layer: _has_role(layer) and (
        layer.role.no_overlaps or layer.role.coverage)),
    LayerCheck("gaps", ("topology.gap",), check_gaps, lambda layer: _has_role(layer) and layer.role.coverage),
)


@dataclass(frozen=True)
class Step:
    """One planned unit of work: a label for logs and the call that returns its findings."""

    label: str
    run: Callable[[CheckContext], list[Findings]]


def validate(layers: Sequence[LayerInput], rules: RuleSet | None = None, roles: Mapping[str, RoleSpec] | None = None,
             progress: ProgressCallback = no_progress, cancelled: CancelledCallback = never_cancelled
             ) -> ValidationResult:
    """Check ``layers`` against ``rules`` (default: the bundled rule set) and return all findings.

    ``roles`` defaults to the bundled layer roles.  A layer whose ``role_id`` is
    None gets the checks that need no role (CRS, encoding, geometry).  Raises
    :class:`~planmonitor_plugin.core.errors.Cancelled` when ``cancelled()`` turns
    true and :class:`~planmonitor_plugin.core.errors.InputError` for an unknown
    role id or geometry not aligned with the attributes.
    """
    rules = rules if rules is not None else load_rule_set()
    roles = roles if roles is not None else load_roles()
    prepared = [_prepare(layer, roles) for layer in layers]
    plan = plan_steps(prepared, rules)
    steps = Steps(len(plan), progress, cancelled)
    context = CheckContext(rules=rules, roles=roles, check=steps.check)
    batches: list[Findings] = []
    for step in plan:
        steps.check()
        batches.extend(step.run(context))
        steps.advance()
    findings, geometry = combine(batches)
    return ValidationResult(findings=findings, geometry=geometry, summary=summarise(findings),
                            rule_set_id=rules.id, rule_set_version=rules.version,
                            layers_checked=[layer.name for layer in prepared])


def _prepare(layer: LayerInput, roles: Mapping[str, RoleSpec]) -> PreparedLayer:
    """Resolve the layer's role (None stays None; an unknown id is an input error)."""
    if layer.role_id is not None and layer.role_id not in roles:
        raise InputError(f"Layer {layer.name!r}: unknown role {layer.role_id!r} (known: {', '.join(roles)})",
                         layer=layer.name, role=layer.role_id)
    return PreparedLayer(layer, roles[layer.role_id] if layer.role_id is not None else None)


def plan_steps(layers: Sequence[PreparedLayer], rules: RuleSet) -> list[Step]:
    """The steps of a run: enabled, applicable check groups per layer, then control-line layer pairs."""
    plan = [Step(f"{layer.name}: {check.name}", _bind_layer_check(check, layer))
            for layer in layers for check in LAYER_CHECKS
            if check.applies(layer) and any(rules.is_enabled(r) for r in check.rule_ids)]
    if rules.is_enabled("conflict.control_lines"):
        plan += [Step(f"{a.name} × {b.name}: conflict", _bind_conflict(a, b)) for a, b in conflict_pairs(layers, rules)]
    return plan


def _bind_layer_check(check: LayerCheck, layer: PreparedLayer) -> Callable[[CheckContext], list[Findings]]:
    return lambda context: check.run(layer, context)


def _bind_conflict(first: PreparedLayer, second: PreparedLayer) -> Callable[[CheckContext], list[Findings]]:
    return lambda context: check_conflict(first, second, context)


def conflict_pairs(layers: Sequence[PreparedLayer], rules: RuleSet) -> list[tuple[PreparedLayer, PreparedLayer]]:
    """Layer pairs to compare for 三线冲突, in the order of the rule's role pairs."""
    pairs = []
    for role_a, role_b in rules.params("conflict.control_lines")["pairs"]:
        firsts = [layer for layer in layers if layer.role is not None and layer.role.id == role_a]
        seconds = [layer for layer in layers if layer.role is not None and layer.role.id == role_b]
        pairs += [(a, b) for a in firsts for b in seconds if a is not b]
    return pairs
