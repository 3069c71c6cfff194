"""planmonitor:ellipsoidalarea through the real qgis_process command line."""

from __future__ import annotations

import pytest
from qgis.core import QgsVectorFileWriter, QgsVectorLayer

from scripts.qgisprocess import prepare_profile, run_algorithm, run_qgis_process
from tests.qgis.conftest import memory_layer

SQUARE = "POLYGON((39500000 4000000, 39500200 4000000, 39500200 4000100, 39500000 4000100, 39500000 4000000))"


@pytest.fixture(scope="module")
def qgis_process_env(tmp_path_factory):
    return prepare_profile(tmp_path_factory.mktemp("qgis_process"))


def test_algorithm_is_listed(qgis_process_env):
    listing = run_qgis_process(["list"], qgis_process_env)
    assert "planmonitor:ellipsoidalarea" in listing.stdout, listing.stderr


def test_help_documents_parameters(qgis_process_env):
    help_text = run_qgis_process(["help", "planmonitor:ellipsoidalarea"], qgis_process_env).stdout
    for parameter in ("INPUT", "FIELD_M2", "FIELD_HA", "FIELD_MU", "OUTPUT"):
        assert parameter in help_text


def test_run_on_a_chinese_named_geopackage(qgis_app, qgis_process_env, tmp_path):
    folder = tmp_path / "测试 数据"
    folder.mkdir()
    source = memory_layer([SQUARE], "EPSG:4527")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.layerName = "地类图斑"
    path = folder / "样例.gpkg"
    QgsVectorFileWriter.writeAsVectorFormatV2(source, str(path), source.transformContext(), options)
    output = folder / "面积.gpkg"
    result = run_algorithm("planmonitor:ellipsoidalarea",
                           {"INPUT": f"{path}|layername=地类图斑", "OUTPUT": str(output)}, qgis_process_env)
    outputs = result["results"]
    assert outputs["FEATURE_COUNT"] == 1
    assert outputs["TOTAL_M2"] == pytest.approx(20_000, rel=1e-5)
    written = QgsVectorLayer(str(output), "面积", "ogr")
    assert next(written.getFeatures())["TBMJ_MU"] == pytest.approx(30.0, rel=1e-5)


def test_bad_input_ends_with_a_message_not_a_traceback(qgis_process_env, tmp_path):
    completed = run_qgis_process(["run", "planmonitor:ellipsoidalarea", f"--INPUT={tmp_path / '缺失.gpkg'}",
                                  "--OUTPUT=memory:"], qgis_process_env)
    assert completed.returncode != 0
    assert "Traceback" not in completed.stdout + completed.stderr
