import pytest

from planmonitor_plugin.core.crs import CrsKind, classify_crs


@pytest.mark.parametrize("authid, kind", [
    ("EPSG:4490", CrsKind.CGCS2000_GEOGRAPHIC),
    ("EPSG:4491", CrsKind.CGCS2000_GK6), ("EPSG:4512", CrsKind.CGCS2000_GK6),
    ("EPSG:4513", CrsKind.CGCS2000_GK3), ("EPSG:4527", CrsKind.CGCS2000_GK3), ("EPSG:4554", CrsKind.CGCS2000_GK3),
    ("EPSG:4326", CrsKind.WGS84),
])
def test_epsg_codes(authid, kind):
    assert classify_crs(authid).kind is kind


@pytest.mark.parametrize("authid, datum, kind, severity", [
    ("EPSG:2360", 'PROJCS["Xian 1980 / 3-degree Gauss-Kruger zone 36",GEOGCS["Xian 1980"', CrsKind.XIAN1980, "error"),
    ("EPSG:2401", 'GEOGCS["Beijing 1954"', CrsKind.BEIJING1954, "error"),
    ("", 'PROJCS["custom",GEOGCS["China Geodetic Coordinate System 2000"', CrsKind.CGCS2000_OTHER, "ok"),
    ("EPSG:3857", 'PROJCS["WGS 84 / Pseudo-Mercator"', CrsKind.WGS84, "warning"),
    ("EPSG:32650", "DATUM[\"World Geodetic System 1984\"", CrsKind.WGS84, "warning"),
    ("EPSG:2154", 'GEOGCS["RGF93"', CrsKind.OTHER, "warning"),
])
def test_datums(authid, datum, kind, severity):
    verdict = classify_crs(authid, datum)
    assert (verdict.kind, verdict.severity) == (kind, severity)


def test_missing_crs_is_an_error():
    verdict = classify_crs("", "")
    assert verdict.kind is CrsKind.MISSING and verdict.severity == "error"
