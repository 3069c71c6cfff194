"""The bundled model (validate → site compliance) loads and runs, in QGIS and through qgis_process."""

from __future__ import annotations

import processing
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm

from planmonitor_plugin.__about__ import RESOURCES_DIR
from scripts.qgisprocess import prepare_profile, run_qgis_process
from tests.qgis.test_validate_data import county  # noqa: F401 (session fixture: the sample county)

MODEL = RESOURCES_DIR / "models" / "validate_then_site_compliance.model3"
OUTPUTS = ["validate:Errors", "validate:Error points", "validate:Summary", "sites:Sites with verdicts",
           "sites:Conflicts"]


def test_model_runs_validation_then_compliance(provider, county, tmp_path):  # noqa: F811
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL))
    assert [child.algorithmId() for child in model.childAlgorithms().values()].count("planmonitor:sitecompliance") == 1
    parameters = {"DATASET": str(county / "样例县_缺陷.gpkg"), **{name: "memory:" for name in OUTPUTS}}
    ok, problems = model.checkParameterValues(parameters, QgsProcessingContext())
    assert ok, problems
    result = processing.run(model, parameters, feedback=QgsProcessingFeedback())
    assert result["validate:Errors"].featureCount() > 10
    assert result["sites:Sites with verdicts"].featureCount() == 25


def test_model_runs_through_qgis_process(county, tmp_path):  # noqa: F811
    env = prepare_profile(tmp_path / "qgis")
    # qgis_process 3.22 wants every model output named (the GUI fills in temporary layers itself)
    outputs = [f"--{name}={tmp_path / (name.split(':')[1].replace(' ', '_') + '.gpkg')}" for name in OUTPUTS]
    completed = run_qgis_process(["run", str(MODEL), f"--DATASET={county / '样例县.gpkg'}", *outputs], env)
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "Sites_with_verdicts.gpkg").exists() and (tmp_path / "Errors.gpkg").exists()
