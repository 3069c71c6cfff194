"""Behaviour of planmonitor:ellipsoidalarea: outputs, odd input, clear errors, Chinese paths."""

from __future__ import annotations

import processing
import pytest
from qgis.core import (
    NULL,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from tests.qgis.conftest import memory_layer

SQUARE = "POLYGON((39500000 4000000, 39500100 4000000, 39500100 4000100, 39500000 4000100, 39500000 4000000))"
BOWTIE = "POLYGON((39500000 4000000, 39500100 4000100, 39500100 4000000, 39500000 4000100, 39500000 4000000))"


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps the warnings an algorithm pushes, as the Processing dialog would show them."""

    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)
        super().pushWarning(text)


def run(layer, **parameters):
    feedback = RecordingFeedback()
    result = processing.run("planmonitor:ellipsoidalarea", {"INPUT": layer, "OUTPUT": "memory:", **parameters},
                            feedback=feedback)
    return result, feedback


def test_algorithm_is_registered_with_stable_id(provider):
    algorithm = provider.algorithm("ellipsoidalarea")
    assert algorithm is not None and algorithm.id() == "planmonitor:ellipsoidalarea"
    assert algorithm.groupId() == "basictools"
    assert "CGCS2000" in algorithm.shortHelpString()


def test_adds_three_area_fields_and_keeps_attributes(provider):
    result, _ = run(memory_layer([SQUARE], "EPSG:4527"))
    layer = result["OUTPUT"]
    assert [field.name() for field in layer.fields()] == ["BSM", "TBMJ", "TBMJ_GQ", "TBMJ_MU"]
    feature = next(layer.getFeatures())
    assert feature["BSM"] == "000000000000000000"
    assert feature["TBMJ"] == pytest.approx(10_000, rel=1e-6)  # 100 m square on the central meridian
    assert feature["TBMJ_GQ"] == pytest.approx(1.0, rel=1e-6)
    assert feature["TBMJ_MU"] == pytest.approx(15.0, rel=1e-6)
    assert result["FEATURE_COUNT"] == 1


def test_custom_field_names(provider):
    result, _ = run(memory_layer([SQUARE], "EPSG:4527"), FIELD_M2="MJ", FIELD_HA="GQ", FIELD_MU="MU")
    assert [field.name() for field in result["OUTPUT"].fields()] == ["BSM", "MJ", "GQ", "MU"]


def test_existing_field_is_replaced_with_a_warning(provider):
    layer = memory_layer([SQUARE], "EPSG:4527", fields="&field=BSM:string(18)&field=TBMJ:string(20)",
                         attributes=[["1", "wrong"]])
    result, feedback = run(layer)
    output = result["OUTPUT"]
    assert [field.name() for field in output.fields()] == ["BSM", "TBMJ", "TBMJ_GQ", "TBMJ_MU"]
    assert next(output.getFeatures())["TBMJ"] == pytest.approx(10_000, rel=1e-6)
    assert any("TBMJ" in warning for warning in feedback.warnings)


def test_null_geometry_gets_null_area_never_zero(provider):
    result, feedback = run(memory_layer([SQUARE, None], "EPSG:4527"))
    features = list(result["OUTPUT"].getFeatures())
    assert features[1]["TBMJ"] == NULL and features[1]["TBMJ_MU"] == NULL
    assert features[0]["TBMJ"] != NULL
    assert result["NULL_GEOMETRY_COUNT"] == 1
    assert any("no geometry" in warning for warning in feedback.warnings)


def test_invalid_geometry_is_measured_and_reported_not_dropped(provider):
    context = QgsProcessingContext()
    context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryAbortOnInvalid)
    feedback = RecordingFeedback()
    result = processing.run("planmonitor:ellipsoidalarea",
                            {"INPUT": memory_layer([SQUARE, BOWTIE], "EPSG:4527"), "OUTPUT": "memory:"},
                            context=context, feedback=feedback)
    assert result["FEATURE_COUNT"] == 2 and result["INVALID_GEOMETRY_COUNT"] == 1
    assert result["OUTPUT"].featureCount() == 2
    assert any("invalid" in warning for warning in feedback.warnings)


def test_layer_without_crs_is_refused_with_a_clear_message(provider):
    layer = QgsVectorLayer("Polygon?crs=&field=BSM:string", "无坐标系图层", "memory")
    assert not layer.crs().isValid()
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(SQUARE))
    layer.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException, match="无坐标系图层.*no coordinate reference system"):
        run(layer)


def test_xian80_layer_gets_a_warning_naming_the_datum(provider):
    layer = memory_layer(["POLYGON((36500000 4000000, 36500100 4000000, 36500100 4000100, 36500000 4000000))"],
                         "EPSG:2360")  # Xi'an 1980 / 3-degree Gauss-Kruger zone 36
    result, feedback = run(layer)
    assert result["TOTAL_M2"] == pytest.approx(5_000, rel=1e-3)
    assert any("Xi'an 1980" in warning for warning in feedback.warnings)


@pytest.mark.parametrize("names, message", [
    ({"FIELD_M2": "A", "FIELD_HA": "a", "FIELD_MU": "B"}, "different names"),
    ({"FIELD_M2": " ", "FIELD_HA": "A", "FIELD_MU": "B"}, "needs a name"),
])
def test_bad_field_names_are_refused(provider, names, message):
    with pytest.raises(QgsProcessingException, match=message):
        run(memory_layer([SQUARE], "EPSG:4527"), **names)


def test_missing_input_gives_an_error_not_a_traceback(provider, tmp_path):
    with pytest.raises(QgsProcessingException):
        run(str(tmp_path / "不存在.gpkg"))


def test_chinese_folder_file_layer_and_values(provider, tmp_path):
    folder = tmp_path / "县级 数据" / "三调"
    folder.mkdir(parents=True)
    source = memory_layer([SQUARE], "EPSG:4527", fields="&field=DLMC:string(60)", attributes=[["水田"]])
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.layerName = "地类图斑"
    path = str(folder / "地类图斑.gpkg")
    writer_result = QgsVectorFileWriter.writeAsVectorFormatV2(source, path, source.transformContext(), options)
    assert writer_result[0] == QgsVectorFileWriter.WriterError.NoError
    output = str(folder / "面积结果.gpkg")
    result, _ = run(f"{path}|layername=地类图斑", OUTPUT=output)
    written = QgsVectorLayer(result["OUTPUT"], "结果", "ogr")
    assert written.isValid()
    feature = next(written.getFeatures())
    assert feature["DLMC"] == "水田" and feature["TBMJ"] == pytest.approx(10_000, rel=1e-6)
