# PlanMonitor — one command each: `make test`, `make demo`. See README.md.
SHELL := /bin/bash
SYSTEM_PYTHON ?= /usr/bin/python3
VENV := .venv
PYTHON := $(VENV)/bin/python
BUILD := build
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
LRELEASE := $(shell command -v lrelease 2>/dev/null || echo /usr/lib/qt5/bin/lrelease)
# Headless Qt, QGIS's Processing plugin on the path, and a throw-away QGIS profile for tests.
export QT_QPA_PLATFORM ?= offscreen
export PYTHONPATH := $(CURDIR):/usr/share/qgis/python/plugins
export QGIS_CUSTOM_CONFIG_PATH ?= $(CURDIR)/$(BUILD)/qgis-profile
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

.PHONY: setup test test-unit test-qgis test-desktop lint demo bench sample-data package deploy transup transcompile clean

setup: $(VENV)/.installed  ## QGIS from Debian + the virtual environment + the local catalog server (pygeoapi)
	@$(PYTHON) scripts/catalog_server.py install --quiet
$(VENV)/.installed: requirements.txt requirements-dev.txt scripts/setup_system.sh
	bash scripts/setup_system.sh
	test -x $(PYTHON) || $(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	# shapely is compiled against the system GEOS: inside QGIS's own processes (qgis_process, the desktop) a
	# shapely wheel's bundled GEOS would be shadowed by the GEOS QGIS already loaded (ABI mismatch).
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-binary shapely -r requirements-dev.txt
	$(PYTHON) scripts/check_geos.py || $(PYTHON) -m pip install --quiet --force-reinstall --no-deps --no-binary shapely "shapely==$$($(PYTHON) -c 'import shapely; print(shapely.__version__)')"
	$(PYTHON) scripts/check_geos.py
	$(PYTHON) -c "import qgis.core, shapely, pandas; print('setup: QGIS', qgis.core.Qgis.QGIS_VERSION, '· shapely', shapely.__version__, '· pandas', pandas.__version__)"
	touch $@

lint: setup
	$(VENV)/bin/ruff check .

transup: setup  ## extract tr() strings into i18n/*.ts (then translate them)
	$(PYTHON) scripts/update_translations.py

transcompile: setup  ## i18n/*.ts → i18n/*.qm
	@mkdir -p $(XDG_RUNTIME_DIR)
	for ts in i18n/*.ts; do $(LRELEASE) -silent "$$ts" -qm "$${ts%.ts}.qm"; done

test-unit: setup
	$(PYTHON) -m pytest tests/unit

test-qgis: setup transcompile
	@mkdir -p $(XDG_RUNTIME_DIR) $(QGIS_CUSTOM_CONFIG_PATH)
	$(PYTHON) -m pytest tests/qgis

test-desktop: setup transcompile
	$(PYTHON) -m pytest tests/desktop

test: lint transcompile  ## everything CI runs
	@mkdir -p $(XDG_RUNTIME_DIR) $(QGIS_CUSTOM_CONFIG_PATH)
	$(PYTHON) -m pytest tests

demo: setup transcompile  ## run the monitoring algorithms headless on the bundled data
	@mkdir -p $(XDG_RUNTIME_DIR)
	$(PYTHON) scripts/demo.py

PARCELS ?= 2000
SEED ?= 20261124
sample-data: setup  ## the sample county: make sample-data PARCELS=300000 SEED=1
	$(PYTHON) scripts/make_sample_data.py --out $(BUILD)/sample-data --parcels $(PARCELS) --seed $(SEED) --variant both

bench: setup transcompile  ## PlanMonitor vs QGIS native algorithms on the 300 000-parcel county
	$(PYTHON) scripts/bench.py

package: setup transcompile  ## dist/planmonitor-<version>.zip
	$(PYTHON) scripts/package.py --zip dist/planmonitor-$(VERSION).zip

deploy: setup transcompile  ## link the working tree into your QGIS profile (development)
	$(PYTHON) scripts/package.py --deploy

clean:
	rm -rf $(BUILD) dist .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
