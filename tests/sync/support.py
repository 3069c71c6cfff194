"""Helpers for the QGIS sync-client tests: server-side counts (read with urllib), sample verdicts, a JPEG."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from planmonitor_plugin.core.sync.protocol import CatalogEndpoint, FeaturePager
from planmonitor_plugin.core.sync.retry import RetryPolicy
from tests.support.urllib_client import UrllibSender

TASK_ID = "task-371525-2025-jctb"
FAST = RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.05)
JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF\x00" + bytes(range(256)) * 8 + b"\xff\xd9"


def server_features(url: str, collection: str = "verdict_events", **filters) -> list:
    pager = FeaturePager(CatalogEndpoint(url), collection, limit=500, filters=filters or None)
    sender, request = UrllibSender(timeout=10), pager.first()
    while request is not None:
        request = pager.accept(sender(request))
    return pager.features


def stored_ids(url: str, collection: str = "verdict_events") -> Counter:
    return Counter(str(feature["id"]) for feature in server_features(url, collection))


def seeded_items(server) -> list:
    data = json.loads((Path(server.directory) / "review_items.json").read_text(encoding="ascii"))
    return list(data["_default"].values())


def record_sample_verdicts(package, item_ids, reviewer: str = "张工") -> list:
    """One verdict per item, cycling through 合法 / 违法 / 其他; returns the event uuids."""
    verdicts = []
    for index, item_id in enumerate(item_ids):
        kind = ("legal", "illegal", "other")[index % 3]
        note = "现场核查：农村道路" if kind == "other" else f"现场核查 {index}"
        sub_type = {"other": "rural_road", "illegal": "built_without_approval"}.get(kind)
        verdicts.append(package.record_verdict(item_id, kind, reviewer, sub_type=sub_type, note=note))
    return verdicts
