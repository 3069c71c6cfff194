"""Crash safety: a writer process killed with SIGKILL never leaves a half-written batch."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planmonitor_plugin.core.workpackage import WorkPackage
from tests.unit.workpackage_support import sample_package

ROOT = Path(__file__).resolve().parents[2]
BATCH = 60
ITEMS = 6
WRITER = """
import sys, time
from planmonitor_plugin.core.workpackage import WorkPackage, events
path, stall_batch = sys.argv[1], int(sys.argv[2])
original, written = events.insert_event, [0]

def insert_event(connection, event, supersedes=(), stored_utc=None):
    original(connection, event, supersedes, stored_utc)
    written[0] += 1
    if event["note"] == f"batch-{stall_batch:04d}" and written[0] % BATCH == BATCH // 2:
        print("MID", flush=True)   # inside the open transaction of batch `stall_batch`
        time.sleep(120)

events.insert_event = insert_event
with WorkPackage.open(path) as package:
    for number in range(100000):
        package.record_verdicts([
            {"item_id": f"JCTB{index % ITEMS:04d}", "verdict": "other", "sub_type": "rural_road",
             "note": f"batch-{number:04d}", "reviewer": "批量写入", "device": f"进程-{index}"}
            for index in range(BATCH)])
        print(number, flush=True)
""".replace("BATCH", str(BATCH)).replace("ITEMS", str(ITEMS))


def start_writer(path: Path, stall_batch: int) -> subprocess.Popen:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(stall_batch)], cwd=ROOT, env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def read_until(process: subprocess.Popen, wanted: str, timeout_s: float = 60.0) -> list[str]:
    lines, deadline = [], time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        line = process.stdout.readline().strip()
        if not line and process.poll() is not None:
            raise AssertionError(f"writer ended early: {process.stderr.read()}")
        lines.append(line)
        if line == wanted:
            return lines
    raise AssertionError(f"writer did not print {wanted!r} in time; got {lines[-3:]}")


def kill(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)  # this writer only, by its PID
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    process.stdout.close()
    process.stderr.close()


def batch_sizes(path: Path) -> dict[str, tuple[int, int]]:
    """Per batch: (events, events in the outbox)."""
    with WorkPackage.open(path) as package:
        assert package.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = package.connection.execute("""
            SELECT e.note, COUNT(*), COUNT(o.uuid) FROM verdict_events e
            LEFT JOIN sync_outbox o ON o.uuid = e.event_uuid GROUP BY e.note""").fetchall()
        links = package.connection.execute("SELECT COUNT(*) FROM verdict_supersedes").fetchone()[0]
        events = package.connection.execute("SELECT COUNT(*) FROM verdict_events").fetchone()[0]
        assert links == events - ITEMS  # every event but each item's first supersedes its predecessor
        assert package.current_verdicts()["open_events"].tolist() == [1] * ITEMS
    return {note: (total, queued) for note, total, queued in rows}


def check_whole_batches(sizes: dict[str, tuple[int, int]], committed: list[str]) -> None:
    assert all(size == (BATCH, BATCH) for size in sizes.values()), sizes
    numbers = sorted(int(note.split("-")[1]) for note in sizes)
    assert numbers == list(range(len(numbers)))  # no gap
    assert set(committed) <= {str(number) for number in numbers}  # nothing acknowledged was lost


@pytest.mark.slow
def test_kill_inside_an_open_transaction_leaves_no_trace_of_the_batch(tmp_path):
    path = tmp_path / "审查任务" / "试点区-一.gpkg"
    sample_package(path).close()
    writer = start_writer(path, stall_batch=4)
    lines = read_until(writer, "MID")
    assert Path(f"{path}-journal").exists()  # killed with a hot rollback journal
    kill(writer)
    sizes = batch_sizes(path)
    assert sorted(sizes) == [f"batch-{number:04d}" for number in range(4)]
    check_whole_batches(sizes, lines[:-1])
    with WorkPackage.open(path) as package:  # the package takes writes again; the stale journal goes
        package.record_verdict("JCTB0000", "legal", "复核")
    assert not Path(f"{path}-journal").exists()


@pytest.mark.slow
@pytest.mark.parametrize("delay_s", [0.0, 0.013, 0.05, 0.11])
def test_kill_at_any_moment_keeps_whole_batches_only(tmp_path, delay_s):
    path = tmp_path / "外业包" / "试点区-二.gpkg"
    sample_package(path).close()
    writer = start_writer(path, stall_batch=-1)
    lines = read_until(writer, "2")
    time.sleep(delay_s)
    kill(writer)
    sizes = batch_sizes(path)
    assert len(sizes) >= 3
    check_whole_batches(sizes, lines)
    with WorkPackage.open(path) as package:  # and the package still takes writes
        package.record_verdict("JCTB0000", "legal", "复核")
        assert package.progress() == (ITEMS, ITEMS)
