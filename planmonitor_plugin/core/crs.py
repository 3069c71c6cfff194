"""Which coordinate reference systems Chinese planning data should use.

CGCS2000 (国家2000坐标系) is the national datum: geographic EPSG:4490 and its
Gauss–Krüger zones — 6° EPSG:4491–4512, 3° EPSG:4513–4554 (domain.md §7).
Anything else (Xi'an 1980, Beijing 1954, WGS 84, no CRS at all) is reported.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

CGCS2000_GEOGRAPHIC = 4490


class CrsKind(enum.Enum):
    CGCS2000_GEOGRAPHIC = "cgcs2000_geographic"
    CGCS2000_GK6 = "cgcs2000_gk6"
    CGCS2000_GK3 = "cgcs2000_gk3"
    CGCS2000_OTHER = "cgcs2000_other"  # e.g. a custom projection on the CGCS2000 datum
    XIAN1980 = "xian1980"
    BEIJING1954 = "beijing1954"
    WGS84 = "wgs84"
    OTHER = "other"
    MISSING = "missing"


#: Kinds whose coordinates are on the CGCS2000 datum.
CGCS2000_KINDS = {CrsKind.CGCS2000_GEOGRAPHIC, CrsKind.CGCS2000_GK6, CrsKind.CGCS2000_GK3, CrsKind.CGCS2000_OTHER}


@dataclass(frozen=True)
class CrsVerdict:
    kind: CrsKind
    authid: str
    severity: str  # "ok", "warning" or "error"
    message: str  # English; the adapter translates by ``kind``


_DATUM_PATTERNS = [
    (CrsKind.XIAN1980, re.compile(r"xian|xi'an|1980", re.I)),
    (CrsKind.BEIJING1954, re.compile(r"beijing|1954|krassowsky|krasovsky", re.I)),
    (CrsKind.WGS84, re.compile(r"wgs[ _]?84|world geodetic system 1984", re.I)),
    (CrsKind.CGCS2000_OTHER, re.compile(r"china[ _]?2000|cgcs[ _]?2000|china geodetic coordinate system 2000", re.I)),
]


def _epsg_number(authid: str) -> int | None:
    match = re.fullmatch(r"\s*EPSG:(\d+)\s*", authid or "", re.I)
    return int(match.group(1)) if match else None


def classify_crs(authid: str, datum_description: str = "") -> CrsVerdict:
    """Classify a CRS from its authority id (``EPSG:4527``) and a datum/WKT text."""
    code = _epsg_number(authid)
    if not authid and not datum_description:
        return CrsVerdict(CrsKind.MISSING, "", "error", "The layer has no coordinate reference system.")
    if code == CGCS2000_GEOGRAPHIC:
        return CrsVerdict(CrsKind.CGCS2000_GEOGRAPHIC, authid, "ok", "CGCS2000 geographic (EPSG:4490).")
    if code is not None and 4491 <= code <= 4512:
        return CrsVerdict(CrsKind.CGCS2000_GK6, authid, "ok", f"CGCS2000 6° Gauss–Krüger ({authid}).")
    if code is not None and 4513 <= code <= 4554:
        return CrsVerdict(CrsKind.CGCS2000_GK3, authid, "ok", f"CGCS2000 3° Gauss–Krüger ({authid}).")
    if code == 4326:
        return _verdict_for_datum(CrsKind.WGS84, authid)
    for kind, pattern in _DATUM_PATTERNS:
        if pattern.search(datum_description):
            return _verdict_for_datum(kind, authid)
    return CrsVerdict(CrsKind.OTHER, authid, "warning", f"{authid or 'A custom CRS'} is not on the CGCS2000 datum.")


def _verdict_for_datum(kind: CrsKind, authid: str) -> CrsVerdict:
    messages = {
        CrsKind.XIAN1980: ("error", "Xi'an 1980 datum: convert the data to CGCS2000 with official parameters."),
        CrsKind.BEIJING1954: ("error", "Beijing 1954 datum: convert the data to CGCS2000 with official parameters."),
        CrsKind.WGS84: ("warning", "WGS 84 datum, not CGCS2000: positions may differ by up to a metre."),
        CrsKind.CGCS2000_OTHER: ("ok", "A CGCS2000 coordinate system that is not one of the standard zones."),
    }
    severity, message = messages[kind]
    return CrsVerdict(kind, authid, severity, message)
