"""What every check gets besides its layer: the rule set, the cancel check and cached code tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from planmonitor_plugin.core.code_tables import CodeTable, load_code_table
from planmonitor_plugin.core.roles import RoleSpec
from planmonitor_plugin.core.validation.rules import RuleSet, rule_set_error


def _never() -> None:
    """Default cancel check: never cancelled."""


@dataclass
class CheckContext:
    """Rule settings, roles, cancellation and code tables for one validation run.

    ``check()`` raises :class:`~planmonitor_plugin.core.errors.Cancelled` when the
    user cancelled; long checks call it between chunks.
    """

    rules: RuleSet
    roles: Mapping[str, RoleSpec]
    check: Callable[[], None] = _never
    _tables: dict[str, CodeTable] = field(default_factory=dict)
    _allowed: dict[str, frozenset[str]] = field(default_factory=dict)

    def enabled(self, rule_id: str) -> bool:
        """Whether ``rule_id`` runs."""
        return self.rules.is_enabled(rule_id)

    def severity(self, rule_id: str, natural: str | None = None) -> str:
        """Severity of ``rule_id`` (``natural`` is the check's own grading, used for ``auto``)."""
        return self.rules.severity(rule_id, natural)

    def params(self, rule_id: str) -> Mapping[str, Any]:
        """Parameters of ``rule_id``."""
        return self.rules.params(rule_id)

    def code_table(self, table_id: str) -> CodeTable:
        """A code table, the override file of ``code.unknown``'s ``table_files`` if one is given."""
        if table_id not in self._tables:
            override = self.params("code.unknown")["table_files"].get(table_id)
            if override is not None and self.rules.folder is not None and not Path(override).is_absolute():
                override = str(self.rules.folder / override)
            self._tables[table_id] = load_code_table(table_id, override)
        return self._tables[table_id]

    def allowed_codes(self, table_id: str) -> frozenset[str]:
        """Codes accepted in data: the table's keys, limited by its ``table_filters`` column if set."""
        if table_id not in self._allowed:
            table = self.code_table(table_id)
            column = self.params("code.unknown")["table_filters"].get(table_id)
            frame = table.frame
            if column is not None:
                if column not in frame.columns:
                    entry = f'$.rules["code.unknown"].params.table_filters["{table_id}"]'
                    raise rule_set_error(self.rules.source, entry, f"code table {table_id!r} has no column {column!r}")
                frame = frame[frame[column].fillna(False).astype(bool)]
            self._allowed[table_id] = frozenset(frame[table.key_column].tolist())
        return self._allowed[table_id]
