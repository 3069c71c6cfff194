"""`make package` builds a zip that installs and loads in a clean QGIS profile."""

from __future__ import annotations

import configparser
import zipfile

from scripts.package import PLUGIN, deploy, make_zip
from scripts.qgisprocess import prepare_profile, run_qgis_process


def test_zip_installs_and_loads_in_a_clean_profile(tmp_path):
    archive = make_zip(tmp_path / "dist" / "planmonitor-test.zip")
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert {name.split("/")[0] for name in names} == {"planmonitor_plugin"}
        for required in ("metadata.txt", "__init__.py", "plugin.py", "LICENSE", "i18n/planmonitor_zh_CN.qm",
                         "resources/icons/planmonitor.svg", "core/area.py"):
            assert f"planmonitor_plugin/{required}" in names, required
        unwanted = [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".ts")) or "/tests/" in n]
        assert unwanted == []
        metadata = configparser.ConfigParser(interpolation=None)
        metadata.read_string(zipped.read("planmonitor_plugin/metadata.txt").decode("utf-8"))
        assert metadata["general"]["hasProcessingProvider"] == "yes"
        assert "ellipsoidalarea" in metadata["general"]["changelog"]
        plugins = tmp_path / "profile_plugins"
        zipped.extractall(plugins)
    env = prepare_profile(tmp_path / "qgis", plugin_dir=plugins)
    listing = run_qgis_process(["list"], env)
    assert listing.returncode == 0, listing.stderr
    assert "planmonitor:ellipsoidalarea" in listing.stdout


def test_deploy_links_the_working_tree_into_a_profile(tmp_path):
    folder = deploy(tmp_path / "profile")
    assert folder == tmp_path / "profile" / "python" / "plugins" / PLUGIN
    assert (folder / "plugin.py").is_symlink() and (folder / "plugin.py").resolve().parent.name == PLUGIN
    assert (folder / "metadata.txt").exists() and (folder / "resources" / "icons" / "planmonitor.svg").exists()
    deploy(tmp_path / "profile")  # again: replaces the links, does not fail
