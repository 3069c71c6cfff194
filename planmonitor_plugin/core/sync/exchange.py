"""Air-gapped exchange packages (涉密 networks): a folder of files plus ``manifest.json`` with sha256 and size.

* :func:`export_package` writes the files, then the manifest last (a folder without a manifest is partial);
* :func:`verify_package` checks every file against the manifest and refuses missing, truncated, tampered,
  unexpected or path-escaping content, naming every problem;
* :func:`import_package` verifies, copies into ``target/<package id>/`` through a temporary folder inside
  ``target`` (checksums recomputed on the copied bytes) and writes nothing outside ``target``.

Manifest (format version 1)::

    {"format": "planmonitor-exchange", "version": 1, "package_id": "…", "created": "2025-…Z",
     "producer": "…", "kind": "outbox", "files": [{"path": "events/evt-….json", "sha256": "…", "size": 123}]}

Paths are relative, ``/``-separated, in Unicode NFC; Chinese names work.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

from planmonitor_plugin.core.sync.errors import (
    ExchangeError,
    ExchangeIncomplete,
    ExchangeManifestError,
    ExchangeTampered,
    ExchangeUnsafePath,
    UnsafeName,
    UnsafeValue,
)
from planmonitor_plugin.core.sync.protocol import now_utc
from planmonitor_plugin.core.sync.validate import check_attachment_name, check_id

FORMAT = "planmonitor-exchange"
VERSION = 1
MANIFEST = "manifest.json"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_FILES = 100_000
MAX_DEPTH = 8
CHUNK = 1024 * 1024
Source = Union[bytes, str, os.PathLike]


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    package_id: str
    created: str
    producer: str
    files: Tuple[ManifestEntry, ...]
    kind: str = ""
    extra: Dict[str, Any] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict:
        return {"format": FORMAT, "version": VERSION, "package_id": self.package_id, "created": self.created,
                "producer": self.producer, "kind": self.kind, **self.extra,
                "files": [{"path": e.path, "sha256": e.sha256, "size": e.size} for e in self.files]}


# ----------------------------------------------------------------------------------------------------------------
# Paths and hashes
# ----------------------------------------------------------------------------------------------------------------

def check_package_path(path: Any) -> str:
    """A safe relative path inside a package: no absolute paths, ``..``, backslashes, drives or controls."""
    if not isinstance(path, str) or not path or path.startswith("/") or "\\" in path or len(path) > 1024:
        raise ExchangeUnsafePath(f"path {str(path)[:120]!r} in the package is not a relative '/'-separated path.",
                                 path=str(path)[:300])
    segments = path.split("/")
    if len(segments) > MAX_DEPTH:
        raise ExchangeUnsafePath(f"path {path[:120]!r} is nested more than {MAX_DEPTH} folders deep.", path=path)
    for segment in segments:
        try:
            check_attachment_name(segment, "path segment")
        except UnsafeName as exc:
            raise ExchangeUnsafePath(f"path {path[:120]!r} in the package is refused: {exc}", path=path) from None
    if path.casefold() == MANIFEST:
        raise ExchangeUnsafePath(f"{MANIFEST} cannot be listed as a package file.", path=path)
    return unicodedata.normalize("NFC", path)


def _hash_file(path: Path, copy_to: Optional[Path] = None) -> Tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as source:
        target = open(copy_to, "xb") if copy_to else None
        try:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
                if target:
                    target.write(chunk)
        finally:
            if target:
                target.close()
    return digest.hexdigest(), size


def _inside(root: Path, relative: str) -> Path:
    """``root/relative``, refusing anything that resolves outside ``root`` (symbolic links included)."""
    candidate = root.joinpath(*relative.split("/"))
    resolved, base = candidate.resolve(), root.resolve()
    if candidate.is_symlink() or (resolved != base and base not in resolved.parents):
        raise ExchangeUnsafePath(f"{relative!r} leads outside the package folder.", path=relative)
    return candidate


# ----------------------------------------------------------------------------------------------------------------
# Export
# ----------------------------------------------------------------------------------------------------------------

def export_package(folder: Union[str, os.PathLike], files: Mapping[str, Source], producer: str,
                   package_id: Optional[str] = None, kind: str = "outbox", created: Optional[str] = None,
                   extra: Optional[Dict[str, Any]] = None) -> Manifest:
    """Write ``files`` (package path → bytes or a local file) and manifest.json into an empty ``folder``."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ExchangeError(f"export folder {str(folder)!r} exists and is not empty; choose an empty folder.",
                            path=str(folder))
    paths = [check_package_path(p) for p in files]
    _check_unique(paths)
    folder.mkdir(parents=True, exist_ok=True)
    entries = [_write_entry(folder, path, files[original]) for path, original in zip(paths, files)]
    manifest = Manifest(check_id(package_id or f"pkg-{uuid.uuid4().hex}", "package id"), created or now_utc(),
                        str(producer), tuple(entries), kind, dict(extra or {}))
    temporary = folder / f".{MANIFEST}.partial"
    temporary.write_text(json.dumps(manifest.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, folder / MANIFEST)  # last: a package without its manifest is visibly incomplete
    return manifest


def _write_entry(folder: Path, path: str, source: Source) -> ManifestEntry:
    target = folder.joinpath(*path.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(source, (bytes, bytearray)):
        target.write_bytes(bytes(source))
        return ManifestEntry(path, hashlib.sha256(source).hexdigest(), len(source))
    digest, size = _hash_file(Path(source), copy_to=target)
    return ManifestEntry(path, digest, size)


def _check_unique(paths: List[str]) -> None:
    """No two paths equal ignoring case (Windows, macOS), and no path both a file and a folder."""
    seen: Dict[str, str] = {}
    for path in paths:
        key = path.casefold()
        if key in seen:
            raise ExchangeUnsafePath(f"{path!r} and {seen[key]!r} differ only in case.", path=path)
        seen[key] = path
    for path in paths:
        segments = path.casefold().split("/")
        for depth in range(1, len(segments)):
            folder = "/".join(segments[:depth])
            if folder in seen:
                raise ExchangeUnsafePath(f"{seen[folder]!r} is both a file and a folder.", path=path)


# ----------------------------------------------------------------------------------------------------------------
# Manifest
# ----------------------------------------------------------------------------------------------------------------

def _manifest_problem(message: str, **details: Any) -> ExchangeManifestError:
    return ExchangeManifestError(f"{MANIFEST}: {message}", **details)


def read_manifest(folder: Union[str, os.PathLike]) -> Manifest:
    """Read and check manifest.json (types, paths, checksum format); the files are not read."""
    path = Path(folder) / MANIFEST
    if not path.is_file() or path.is_symlink():
        raise ExchangeIncomplete(f"{MANIFEST} is missing: the package is incomplete (copy interrupted?).",
                                 path=str(path))
    if path.stat().st_size > MAX_MANIFEST_BYTES:
        raise _manifest_problem(f"larger than {MAX_MANIFEST_BYTES} bytes.")
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise _manifest_problem("not UTF-8 text (damaged).") from None
    except ValueError as exc:
        raise _manifest_problem(f"not complete JSON — truncated or damaged ({exc}).") from None
    return _parse_manifest(data)


def _parse_manifest(data: Any) -> Manifest:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _manifest_problem(f"not a {FORMAT} manifest.")
    if data.get("version") != VERSION:
        raise _manifest_problem(f"version {data.get('version')!r} is not supported (expected {VERSION}).")
    files = data.get("files")
    if not isinstance(files, list) or len(files) > MAX_FILES:
        raise _manifest_problem(f"'files' must be a list of at most {MAX_FILES} entries.")
    for name in ("created", "producer"):
        if not isinstance(data.get(name), str):
            raise _manifest_problem(f"'{name}' must be text.")
    try:
        package_id = check_id(data.get("package_id"), "package id")
    except UnsafeValue as exc:
        raise _manifest_problem(str(exc)) from None
    entries = tuple(_entry(item, i) for i, item in enumerate(files))
    _check_unique([e.path for e in entries])
    known = {"format", "version", "package_id", "created", "producer", "kind", "files"}
    return Manifest(package_id, data["created"], data["producer"], entries, str(data.get("kind", "")),
                    {k: v for k, v in data.items() if k not in known})


def _entry(item: Any, index: int) -> ManifestEntry:
    if not isinstance(item, dict):
        raise _manifest_problem(f"file entry #{index} is not an object.")
    path = check_package_path(item.get("path"))
    sha256, size = item.get("sha256"), item.get("size")
    if not isinstance(sha256, str) or not re.fullmatch(r"[0-9a-f]{64}", sha256):
        raise _manifest_problem(f"{path}: 'sha256' must be 64 lower-case hexadecimal digits.", path=path)
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise _manifest_problem(f"{path}: 'size' must be a non-negative integer.", path=path)
    return ManifestEntry(path, sha256, size)


# ----------------------------------------------------------------------------------------------------------------
# Verify and import
# ----------------------------------------------------------------------------------------------------------------

def _present_files(folder: Path) -> Dict[str, Path]:
    """Every file under ``folder`` by '/'-path; symbolic links are refused."""
    present = {}
    for directory, subdirectories, names in os.walk(folder, followlinks=False):
        for name in subdirectories + names:
            full = Path(directory, name)
            relative = full.relative_to(folder).as_posix()
            if full.is_symlink():
                raise ExchangeUnsafePath(f"{relative!r} is a symbolic link; packages may only hold plain files.",
                                         path=relative)
            if name in names:
                present[unicodedata.normalize("NFC", relative)] = full
    present.pop(MANIFEST, None)
    return present


def verify_package(folder: Union[str, os.PathLike]) -> Manifest:
    """Check a package folder against its manifest; raise naming every problem (``details['problems']``)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ExchangeIncomplete(f"package folder {str(folder)!r} does not exist.", path=str(folder))
    manifest = read_manifest(folder)
    present = _present_files(folder)
    problems: List[Tuple[str, str]] = []
    for entry in manifest.files:
        source = present.pop(entry.path, None)
        if source is None:
            problems.append(("missing", entry.path))
            continue
        _inside(folder, entry.path)
        problems += _check_entry(source, entry)
    problems += [("unexpected", path) for path in sorted(present) if not path.endswith(f"{MANIFEST}.partial")]
    if problems:
        raise _verdict(problems)
    return manifest


def _check_entry(path: Path, entry: ManifestEntry) -> List[Tuple[str, str]]:
    if path.stat().st_size != entry.size:
        return [("size", entry.path)]
    digest, _ = _hash_file(path)
    return [] if digest == entry.sha256 else [("checksum", entry.path)]


_PROBLEMS = {"checksum": "checksum differs (changed after export)", "size": "size differs (truncated or changed)",
             "missing": "missing", "unexpected": "not listed in the manifest"}


def _verdict(problems: List[Tuple[str, str]]) -> ExchangeError:
    kinds = {kind for kind, _ in problems}
    listing = "; ".join(f"{path}: {_PROBLEMS[kind]}" for kind, path in problems[:10])
    more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
    details = {"problems": [{"kind": k, "path": p} for k, p in problems]}
    if "checksum" in kinds:
        return ExchangeTampered(f"The exchange package was altered and is refused: {listing}{more}.", **details)
    return ExchangeIncomplete(f"The exchange package is incomplete and is refused: {listing}{more}.", **details)


def import_package(source: Union[str, os.PathLike], target: Union[str, os.PathLike]) -> Path:
    """Verify ``source`` and copy it to ``target/<package id>``; returns that folder.

    Importing the same package twice returns the existing copy; a different package with the same id is
    refused.  Nothing is written outside ``target``; a failed import leaves no partial folder.
    """
    source, target = Path(source), Path(target)
    manifest = verify_package(source)
    destination = target / manifest.package_id
    if destination.exists():
        if destination.is_dir() and not destination.is_symlink() and _same_package(destination, manifest):
            return destination
        raise ExchangeError(f"a different package {manifest.package_id!r} was already imported into "
                            f"{str(target)!r}.", package_id=manifest.package_id)
    target.mkdir(parents=True, exist_ok=True)
    temporary = target / f".{manifest.package_id}.importing-{uuid.uuid4().hex[:8]}"
    try:
        _copy_verified(source, temporary, manifest)
        os.replace(temporary, destination)
    finally:
        if temporary.exists():
            shutil.rmtree(temporary)
    return destination


def _same_package(folder: Path, manifest: Manifest) -> bool:
    try:
        return verify_package(folder) == manifest
    except ExchangeError:
        return False


def _copy_verified(source: Path, temporary: Path, manifest: Manifest) -> None:
    temporary.mkdir()
    problems: List[Tuple[str, str]] = []
    for entry in manifest.files:
        destination = _inside(temporary, entry.path)
        destination.parent.mkdir(parents=True, exist_ok=True)
        digest, size = _hash_file(_inside(source, entry.path), copy_to=destination)
        if size != entry.size:
            problems.append(("size", entry.path))
        elif digest != entry.sha256:
            problems.append(("checksum", entry.path))  # changed between verification and copy
    if problems:
        raise _verdict(problems)
    (temporary / MANIFEST).write_text(json.dumps(manifest.to_json(), ensure_ascii=False, indent=1),
                                      encoding="utf-8")
