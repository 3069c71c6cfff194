"""The GeoPackage container, written with sqlite3 alone (OGC 12-128r18, version 1.3).

Only what a valid GeoPackage needs: the ``application_id`` / ``user_version``
pragmas, ``gpkg_spatial_ref_sys`` (the two undefined systems, WGS 84 and
CGCS2000 EPSG:4490), ``gpkg_contents`` and ``gpkg_geometry_columns``, and
geometry blobs in GeoPackage binary (``GP`` header + little-endian envelope +
standard 2D WKB). No spatial index: GDAL and QGIS read layers without one.
"""

from __future__ import annotations

import sqlite3
import struct
from typing import Optional

import shapely

APPLICATION_ID = 0x47504B47  # 'GPKG'
USER_VERSION = 10300  # GeoPackage 1.3.0
SRS_ID = 4490
CGCS2000_WKT = (
    'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,'
    '298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AUTHORITY["EPSG","4490"]]')
WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
    'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",'
    '0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],'
    'AUTHORITY["EPSG","4326"]]')
SPATIAL_REF_SYS = [
    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
    ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
    ("WGS 84 geodetic", 4326, "EPSG", 4326, WGS84_WKT, "longitude/latitude coordinates in decimal degrees"),
    ("China Geodetic Coordinate System 2000", SRS_ID, "EPSG", SRS_ID, CGCS2000_WKT, "CGCS2000 longitude/latitude"),
]

CORE_TABLES_SQL = """
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
"""

_HEADER = struct.Struct("<2sBBi")  # magic, version, flags, srs_id (little endian)
_ENVELOPE_SIZES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def init_geopackage(connection: sqlite3.Connection) -> None:
    """Write the pragmas and the three mandatory tables into an empty database."""
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {USER_VERSION}")
    run_script(connection, CORE_TABLES_SQL)
    connection.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", SPATIAL_REF_SYS)


def run_script(connection: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated statements inside the current transaction (executescript would commit)."""
    for statement in split_statements(script):
        connection.execute(statement)


def split_statements(script: str) -> list[str]:
    """Complete SQL statements of a script (triggers with inner ``;`` stay whole)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def register_features(connection: sqlite3.Connection, table: str, column: str, geometry_type: str,
                      description: str = "") -> None:
    """Declare ``table`` as a feature table with one EPSG:4490 geometry column."""
    connection.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
                       "VALUES (?, 'features', ?, ?, ?)", (table, table, description, SRS_ID))
    connection.execute("INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)",
                       (table, column, geometry_type, SRS_ID))


def register_attributes(connection: sqlite3.Connection, table: str, description: str = "") -> None:
    """Declare ``table`` as an attribute-only table."""
    connection.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
                       "VALUES (?, 'attributes', ?, ?)", (table, table, description))


def touch(connection: sqlite3.Connection, table: str, column: Optional[str] = None) -> None:
    """Update ``last_change`` and, for a feature table, the extent in ``gpkg_contents``."""
    connection.execute("UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
                       "WHERE table_name = ?", (table,))
    if column is None:
        return
    rows = connection.execute(f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL').fetchall()
    geometries = [g for g in (decode_geometry(row[0]) for row in rows) if not g.is_empty]
    bounds = shapely.total_bounds(geometries) if geometries else [float("nan")] * 4
    extent = [None] * 4 if any(map(_is_nan, bounds)) else [float(b) for b in bounds]
    connection.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
                       (*extent, table))


def _is_nan(value: float) -> bool:
    return value != value


def encode_geometry(geometry, srs_id: int = SRS_ID) -> Optional[bytes]:
    """GeoPackage binary of a shapely geometry (2D, little endian, xy envelope); None → None."""
    if geometry is None:
        return None
    wkb = shapely.to_wkb(geometry, output_dimension=2, byte_order=1, include_srid=False)
    if geometry.is_empty:
        return _HEADER.pack(b"GP", 0, 0b00010001, srs_id) + wkb
    min_x, min_y, max_x, max_y = geometry.bounds
    return _HEADER.pack(b"GP", 0, 0b00000011, srs_id) + struct.pack("<4d", min_x, max_x, min_y, max_y) + wkb


def decode_geometry(blob: Optional[bytes]):
    """The shapely geometry of a GeoPackage binary blob (None for NULL)."""
    if blob is None:
        return None
    blob = bytes(blob)
    if len(blob) < 8 or blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    flags = blob[3]
    envelope = _ENVELOPE_SIZES.get((flags >> 1) & 0b111)
    if envelope is None:
        raise ValueError(f"invalid envelope indicator in GeoPackage geometry flags {flags:#04x}")
    return shapely.from_wkb(blob[8 + envelope:])


def geometry_srs_id(blob: bytes) -> int:
    """The srs_id stored in a GeoPackage geometry header."""
    order = "<" if blob[3] & 1 else ">"
    return struct.unpack(order + "i", blob[4:8])[0]
