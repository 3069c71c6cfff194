"""Air-gapped exchange packages (pure): export, verify, import; tampered, partial and escaping packages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from planmonitor_plugin.core.sync.errors import (
    ExchangeError,
    ExchangeIncomplete,
    ExchangeManifestError,
    ExchangeTampered,
    ExchangeUnsafePath,
)
from planmonitor_plugin.core.sync.exchange import (
    MANIFEST,
    check_package_path,
    export_package,
    import_package,
    read_manifest,
    verify_package,
)

FILES = {"events/evt-1.json": b'{"verdict": "confirmed"}', "照片/现场 1.jpg": bytes(range(256)) * 10,
         "receipts.json": b"[]"}


def all_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def package(tmp_path) -> Path:
    folder = tmp_path / "U盘" / "交换包"
    export_package(folder, FILES, producer="样例县 PlanMonitor 0.1.0", package_id="pkg-1")
    return folder


def rewrite_manifest(folder: Path, change) -> None:
    data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    change(data)
    (folder / MANIFEST).write_text(json.dumps(data), encoding="utf-8")


def test_export_writes_files_and_manifest(package):
    manifest = read_manifest(package)
    assert all_files(package) == set(FILES) | {MANIFEST}
    assert manifest.package_id == "pkg-1" and manifest.producer.startswith("样例县")
    assert {e.path: e.size for e in manifest.files} == {k: len(v) for k, v in FILES.items()}
    raw = json.loads((package / MANIFEST).read_text(encoding="utf-8"))
    assert raw["format"] == "planmonitor-exchange" and raw["version"] == 1 and raw["created"].endswith("Z")


def test_export_from_local_files_and_into_an_empty_folder_only(tmp_path):
    source = tmp_path / "源文件.bin"
    source.write_bytes(b"abc" * 1000)
    manifest = export_package(tmp_path / "out", {"a/b.bin": source}, producer="t")
    assert manifest.files[0].size == 3000
    with pytest.raises(ExchangeError, match="not empty"):
        export_package(tmp_path / "out", {"x": b""}, producer="t")


def test_round_trip_import_into_chinese_folder(package, tmp_path):
    target = tmp_path / "工作包" / "收件箱"
    imported = import_package(package, target)
    assert imported == target / "pkg-1"
    assert all_files(imported) == set(FILES) | {MANIFEST}
    assert (imported / "照片" / "现场 1.jpg").read_bytes() == FILES["照片/现场 1.jpg"]
    assert import_package(package, target) == imported  # importing again is harmless
    assert all_files(target) == {f"pkg-1/{p}" for p in set(FILES) | {MANIFEST}}


def test_tampered_file_is_refused_and_nothing_written(package, tmp_path):
    (package / "events" / "evt-1.json").write_bytes(b'{"verdict": "cleared!!"}')
    target = tmp_path / "target"
    with pytest.raises(ExchangeTampered, match="evt-1.json: checksum differs") as caught:
        import_package(package, target)
    assert caught.value.details["problems"] == [{"kind": "checksum", "path": "events/evt-1.json"}]
    assert not target.exists()


@pytest.mark.parametrize("damage, kind", [
    (lambda f: (f / "receipts.json").unlink(), "missing"),
    (lambda f: (f / "照片" / "现场 1.jpg").write_bytes(b"short"), "size"),
    (lambda f: (f / "extra.exe").write_bytes(b"MZ"), "unexpected"),
    (lambda f: (f / "events" / "evt-2.json").write_bytes(b"{}"), "unexpected"),
])
def test_partial_or_padded_packages_are_refused(package, tmp_path, damage, kind):
    damage(package)
    with pytest.raises(ExchangeIncomplete) as caught:
        import_package(package, tmp_path / "target")
    assert caught.value.details["problems"][0]["kind"] == kind
    assert not (tmp_path / "target").exists()


def test_every_problem_is_named(package):
    (package / "receipts.json").unlink()
    (package / "events" / "evt-1.json").write_bytes(b"x")
    (package / "stray.txt").write_bytes(b"x")
    with pytest.raises(ExchangeIncomplete) as caught:
        verify_package(package)
    assert {(p["kind"], p["path"]) for p in caught.value.details["problems"]} == {
        ("missing", "receipts.json"), ("size", "events/evt-1.json"), ("unexpected", "stray.txt")}


def test_missing_or_truncated_manifest(package):
    text = (package / MANIFEST).read_text(encoding="utf-8")
    (package / MANIFEST).write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(ExchangeManifestError, match="truncated"):
        verify_package(package)
    (package / MANIFEST).unlink()
    with pytest.raises(ExchangeIncomplete, match="missing"):
        verify_package(package)


@pytest.mark.parametrize("change", [
    lambda d: d.update(format="zip"), lambda d: d.update(version=2), lambda d: d.update(files={}),
    lambda d: d.update(package_id="../pkg"), lambda d: d.update(producer=5),
    lambda d: d["files"][0].update(sha256="XYZ"), lambda d: d["files"][0].update(size=-1),
    lambda d: d["files"][0].update(size="10"), lambda d: d["files"].append(dict(d["files"][0])),
    lambda d: d["files"].append(42),
])
def test_malformed_manifests_are_refused(package, change):
    rewrite_manifest(package, change)
    with pytest.raises(ExchangeError):
        verify_package(package)


@pytest.mark.parametrize("path", ["../outside.txt", "/etc/passwd", "a/../../x", "a\\..\\x", "C:/x", "a//b",
                                  "./a", "a/./b", "", "a/\x00b", "manifest.json", "MANIFEST.JSON",
                                  "/".join("d" * 9)])
def test_escaping_paths_in_the_manifest_are_refused(package, tmp_path, path):
    rewrite_manifest(package, lambda d: d["files"].append({"path": path, "sha256": "0" * 64, "size": 0}))
    with pytest.raises(ExchangeError):
        import_package(package, tmp_path / "target")
    assert not (tmp_path / "outside.txt").exists() and not (tmp_path / "target").exists()


def test_case_collisions_and_file_folder_clashes_are_refused(tmp_path):
    with pytest.raises(ExchangeUnsafePath, match="case"):
        export_package(tmp_path / "a", {"Photo.jpg": b"1", "photo.JPG": b"2"}, producer="t")
    with pytest.raises(ExchangeUnsafePath, match="both a file and a folder"):
        export_package(tmp_path / "b", {"x/y/z": b"1", "x": b"2"}, producer="t")
    assert check_package_path("照片/现场 1.jpg") == "照片/现场 1.jpg"


def test_symbolic_links_in_a_package_are_refused(package, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"secret")
    os.symlink(secret, package / "link.txt")
    with pytest.raises(ExchangeUnsafePath, match="symbolic link"):
        verify_package(package)
    (package / "link.txt").unlink()
    os.symlink(tmp_path, package / "linked_dir")
    with pytest.raises(ExchangeUnsafePath, match="symbolic link"):
        verify_package(package)


def test_listed_file_replaced_by_a_symlink_is_refused(package, tmp_path):
    outside = tmp_path / "outside.json"
    outside.write_bytes(FILES["receipts.json"])
    (package / "receipts.json").unlink()
    os.symlink(outside, package / "receipts.json")
    with pytest.raises(ExchangeUnsafePath):
        import_package(package, tmp_path / "target")


def test_different_package_with_the_same_id_is_not_overwritten(package, tmp_path):
    target = tmp_path / "target"
    import_package(package, target)
    other = tmp_path / "other"
    export_package(other, {"receipts.json": b"[1]"}, producer="t", package_id="pkg-1")
    with pytest.raises(ExchangeError, match="already imported"):
        import_package(other, target)
    assert (target / "pkg-1" / "receipts.json").read_bytes() == b"[]"


def test_file_changed_between_verification_and_copy_is_caught(package, tmp_path, monkeypatch):
    from planmonitor_plugin.core.sync import exchange

    original = exchange.verify_package

    def verify_then_tamper(folder):
        manifest = original(folder)
        (Path(folder) / "receipts.json").write_bytes(b"{}")  # same size, other bytes
        return manifest

    monkeypatch.setattr(exchange, "verify_package", verify_then_tamper)
    with pytest.raises(ExchangeTampered):
        exchange.import_package(package, tmp_path / "target")
    assert list((tmp_path / "target").iterdir()) == []  # no partial folder left behind
