"""Write resources/models/validate_then_site_compliance.model3 with QGIS's own model API.

The model takes a county GeoPackage holding the standard layers (XZQ, DLTB, YJJBNTBHTB, STBHHX,
CZKFBJ, YDYHGHFQ, XMYD), validates all of it (planmonitor:validatedata), then checks the
construction sites (planmonitor:sitecompliance) — the weekly run of a county technician.
Open it in the Graphical Modeler to adapt it; run it from the toolbox, in batch or with qgis_process.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, "/usr/share/qgis/python/plugins")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MODEL_PATH = ROOT / "resources" / "models" / "validate_then_site_compliance.model3"
CONSTRAINTS = {"ECOLOGICAL_REDLINE": "STBHHX", "BASIC_FARMLAND": "YJJBNTBHTB", "CURRENT_LAND_USE": "DLTB",
               "URBAN_BOUNDARY": "CZKFBJ", "PLANNED_LAND_USE": "YDYHGHFQ"}


def build_model():
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildDependency,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelParameter,
        QgsProcessingParameterFile,
    )
    from qgis.PyQt.QtCore import QPointF

    model = QgsProcessingModelAlgorithm("Validate, then check construction sites", "PlanMonitor",
                                        "validatethensitecompliance")
    model.setHelpContent({"ALG_DESC": "Validates every layer of a county GeoPackage (规划数据质检), then checks the "
                                      "construction sites XMYD against the three control lines and the plan "
                                      "(建设项目选址合规性审查). Example of chaining PlanMonitor in a model."})
    dataset = QgsProcessingModelParameter("DATASET")
    dataset.setPosition(QPointF(120, 60))
    model.addModelParameter(QgsProcessingParameterFile("DATASET", "County GeoPackage", extension="gpkg"), dataset)

    validate = QgsProcessingModelChildAlgorithm("planmonitor:validatedata")
    validate.setChildId("validate")
    validate.setDescription("规划数据质检 Validate planning data")
    validate.setPosition(QPointF(120, 180))
    validate.addParameterSources("DATASET", [QgsProcessingModelChildParameterSource.fromModelParameter("DATASET")])
    validate.setModelOutputs({
        "Errors": _output(model, "validate", "OUTPUT_ERRORS", "Errors"),
        "Error points": _output(model, "validate", "OUTPUT_POINTS", "Error points"),
        "Summary": _output(model, "validate", "OUTPUT_SUMMARY", "Summary"),
    })
    model.addChildAlgorithm(validate)

    sites = QgsProcessingModelChildAlgorithm("planmonitor:sitecompliance")
    sites.setChildId("sites")
    sites.setDescription("建设项目选址合规性审查 Construction site compliance")
    sites.setPosition(QPointF(120, 320))
    sites.setDependencies([QgsProcessingModelChildDependency("validate")])
    sites.addParameterSources("SITES", [_layer_in("XMYD")])
    for parameter, layer in CONSTRAINTS.items():
        sites.addParameterSources(parameter, [_layer_in(layer)])
    sites.setModelOutputs({
        "Sites with verdicts": _output(model, "sites", "OUTPUT_SITES", "Sites with verdicts"),
        "Conflicts": _output(model, "sites", "OUTPUT_CONFLICTS", "Conflicts"),
    })
    model.addChildAlgorithm(sites)
    return model


def _layer_in(name: str):
    from qgis.core import QgsProcessingModelChildParameterSource

    return QgsProcessingModelChildParameterSource.fromExpression(f"@DATASET || '|layername={name}'")


def _output(model, child_id: str, child_output: str, name: str):
    from qgis.core import QgsProcessingModelOutput

    output = QgsProcessingModelOutput(name)
    output.setDefaultValue("TEMPORARY_OUTPUT")  # optional: a temporary layer unless the user picks a file
    output.setMandatory(False)
    output.setChildId(child_id)
    output.setChildOutputName(child_output)
    return output


def main() -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from planmonitor_plugin.processing.provider import PlanMonitorProvider

    provider = PlanMonitorProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    model = build_model()
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    if not model.toFile(str(MODEL_PATH)):
        print(f"could not write {MODEL_PATH}", file=sys.stderr)
        return 1
    print(f"model: {MODEL_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
