"""Stage the installable plugin folder and zip it, or link it into a QGIS profile.

The repository keeps metadata.txt, resources/ and i18n/ at the top level; QGIS wants
them inside the plugin folder. Staging puts them together:

    planmonitor_plugin/            (the package, without caches)
    planmonitor_plugin/metadata.txt (changelog filled from CHANGELOG.md)
    planmonitor_plugin/resources/
    planmonitor_plugin/i18n/*.qm   (compiled translations only)
    planmonitor_plugin/LICENSE

Usage:
    python scripts/package.py --zip dist/planmonitor-0.1.0.zip
    python scripts/package.py --stage build/package      # folder only (tests use this)
    python scripts/package.py --deploy [--profile-dir DIR] # symlinked copy for development
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = "planmonitor_plugin"
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*.ts", "*.pro")


def changelog_text(max_versions: int = 5) -> str:
    """The newest entries of CHANGELOG.md as metadata.txt's indented changelog."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.M)[1:max_versions + 1]
    lines = []
    for section in sections:
        heading, *body = section.strip().splitlines()
        lines.append(heading.strip())
        lines.extend(line.rstrip() for line in body if line.strip())
    return "\n".join("    " + line for line in lines).lstrip()


def staged_metadata() -> str:
    metadata = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    return re.sub(r"^changelog=.*$", lambda _m: "changelog=" + changelog_text(), metadata, flags=re.M)


def stage(target: Path, link: bool = False) -> Path:
    """Build ``target/planmonitor_plugin``; with ``link`` the files are symlinks to the tree."""
    folder = target / PLUGIN
    if folder.exists() or folder.is_symlink():
        shutil.rmtree(folder) if folder.is_dir() and not folder.is_symlink() else folder.unlink()
    copy = _symlink_copy if link else shutil.copy2
    shutil.copytree(ROOT / PLUGIN, folder, ignore=IGNORED, copy_function=copy)
    shutil.copytree(ROOT / "resources", folder / "resources", ignore=IGNORED, copy_function=copy)
    (folder / "i18n").mkdir()
    for qm in sorted((ROOT / "i18n").glob("*.qm")):
        copy(qm, folder / "i18n" / qm.name)
    copy(ROOT / "LICENSE", folder / "LICENSE")
    (folder / "metadata.txt").write_text(staged_metadata(), encoding="utf-8")
    if not any((folder / "i18n").glob("*.qm")):
        print("warning: no compiled translations (run `make transcompile`)", file=sys.stderr)
    return folder


def _symlink_copy(source: str, destination: str) -> None:
    os.symlink(os.path.abspath(source), destination)


def make_zip(zip_path: Path) -> Path:
    staging = ROOT / "build" / "package"
    folder = stage(staging)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(staging).as_posix())
    return zip_path


def default_profile_dir() -> Path:
    base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "QGIS" / "QGIS3" / "profiles" / "default"


def deploy(profile_dir: Path) -> Path:
    plugins = profile_dir / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    return stage(plugins, link=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--zip", type=Path, help="write the plugin zip here")
    group.add_argument("--stage", type=Path, help="stage the plugin folder into this directory")
    group.add_argument("--deploy", action="store_true", help="link the working tree into a QGIS profile")
    parser.add_argument("--profile-dir", type=Path, default=None, help="QGIS profile folder for --deploy")
    args = parser.parse_args(argv)
    if args.zip:
        print(f"package: {make_zip(args.zip)}")
    elif args.stage:
        print(f"staged: {stage(args.stage)}")
    else:
        folder = deploy(args.profile_dir or default_profile_dir())
        print(f"deployed (symlinks; re-run after adding files): {folder}")
        print("Enable PlanMonitor in Plugins ▸ Manage and Install Plugins, then restart QGIS.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
