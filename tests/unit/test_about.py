import shapely

from planmonitor_plugin import __about__
from planmonitor_plugin.dependencies import MissingPackage, geos_mismatch, install_hint, missing_packages


def test_metadata_is_read():
    assert __about__.__title__ == "PlanMonitor"
    assert __about__.__version__.count(".") == 2
    assert __about__.__qgis_minimum_version__ == "3.22"
    assert (__about__.RESOURCES_DIR / "icons" / "planmonitor.svg").exists()


def test_dependencies_present_in_the_test_environment():
    assert missing_packages() == []


def test_install_hint_names_every_missing_package():
    hint = install_hint([MissingPackage("shapely", "1.8.5", 2), MissingPackage("pandas", None, 1)])
    assert '"shapely>=2"' in hint and '"pandas>=1"' in hint and hint.startswith("python -m pip install")


def test_geos_mismatch_is_explained_only_when_it_exists():
    assert geos_mismatch(tuple(shapely.geos_version)) is None
    note = geos_mismatch((3, 1, 0))
    assert note is not None and "3.1.0" in note and "--no-binary shapely" in note
