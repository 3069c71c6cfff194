"""Exit 1 unless shapely runs on the same GEOS library as QGIS (see `make setup`)."""

import sys

import shapely
from qgis.core import Qgis

qgis_geos = (Qgis.geosVersionMajor(), Qgis.geosVersionMinor(), Qgis.geosVersionPatch())
if tuple(shapely.geos_version) != qgis_geos:
    print(f"shapely {shapely.__version__} uses GEOS {shapely.geos_version}, QGIS uses GEOS {qgis_geos}: "
          "rebuilding shapely against the system GEOS", file=sys.stderr)
    sys.exit(1)
print(f"shapely {shapely.__version__} and QGIS share GEOS {'.'.join(map(str, qgis_geos))}")
