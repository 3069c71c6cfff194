"""A small, defensive EXIF reader for JPEG photos (stdlib only).

Reads the APP1 ``Exif`` segment (a TIFF structure, ``II`` or ``MM`` byte order) for
GPSLatitude/Ref, GPSLongitude/Ref, GPSAltitude/Ref, GPSImgDirection (the bearing,
方位角), DateTimeOriginal and OffsetTimeOriginal. Bad bytes never raise: every offset
is bounded, IFD loops are cut, and anything unreadable gives an empty field.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any, Optional

_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8}
_MAX_ENTRIES = 512
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATETIME_ORIGINAL, _OFFSET_TIME_ORIGINAL = 0x9003, 0x9011
_LAT_REF, _LAT, _LON_REF, _LON, _ALT_REF, _ALT, _DIRECTION = 1, 2, 3, 4, 5, 6, 17


@dataclass(frozen=True)
class ExifInfo:
    """What a photo says about where, which way and when it was taken (None = not recorded)."""

    lon: Optional[float] = None
    lat: Optional[float] = None
    altitude: Optional[float] = None
    bearing: Optional[float] = None
    taken_at: Optional[str] = None  # ISO 8601, with the offset when the photo records one

    @property
    def has_position(self) -> bool:
        return self.lon is not None and self.lat is not None


def read_exif(data: bytes) -> ExifInfo:
    """EXIF facts of JPEG bytes; an empty :class:`ExifInfo` for anything else or broken data."""
    try:
        tiff = _exif_segment(bytes(data))
        return _parse_tiff(tiff) if tiff else ExifInfo()
    except (struct.error, ValueError, IndexError, OverflowError, ZeroDivisionError, TypeError):
        return ExifInfo()


def _exif_segment(data: bytes) -> Optional[bytes]:
    """The TIFF bytes of the first APP1 ``Exif`` segment, scanning markers up to the image data."""
    if data[:2] != b"\xff\xd8":
        return None
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            position += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan
            return None
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        segment = data[position + 4:position + 2 + length]
        if marker == 0xE1 and segment[:6] == b"Exif\x00\x00":
            return segment[6:]
        if length < 2:
            return None
        position += 2 + length
    return None


class _Tiff:
    """Bounded access to a TIFF structure."""

    def __init__(self, data: bytes) -> None:
        if data[:2] not in (b"II", b"MM"):
            raise ValueError("no TIFF byte order")
        self.data = data
        self.order = "<" if data[:2] == b"II" else ">"
        if self.unpack("H", 2)[0] != 42:
            raise ValueError("no TIFF magic")

    def unpack(self, fmt: str, offset: int) -> tuple:
        size = struct.calcsize(self.order + fmt)
        if offset < 0 or offset + size > len(self.data):
            raise ValueError("offset out of range")
        return struct.unpack(self.order + fmt, self.data[offset:offset + size])

    def ifd(self, offset: int) -> dict[int, Any]:
        """Tag → value of one IFD (values that cannot be read are left out)."""
        count = min(self.unpack("H", offset)[0], _MAX_ENTRIES)
        entries = {}
        for index in range(count):
            tag, kind, number, raw = self.unpack("HHI4s", offset + 2 + 12 * index)
            try:
                entries[tag] = self.value(kind, number, raw, offset + 2 + 12 * index + 8)
            except (ValueError, struct.error, ZeroDivisionError):
                continue
        return entries

    def value(self, kind: int, number: int, raw: bytes, inline_at: int) -> Any:
        size = _TYPE_SIZES.get(kind)
        if size is None or number == 0 or number > 4096:
            raise ValueError("unsupported entry")
        start = inline_at if size * number <= 4 else self.unpack("I", inline_at)[0]
        if start + size * number > len(self.data):
            raise ValueError("value out of range")
        if kind == 2:
            return self.data[start:start + number].split(b"\x00")[0].decode("ascii", "replace").strip()
        if kind in (5, 10):
            fmt = "I" if kind == 5 else "i"
            pairs = [self.unpack(fmt * 2, start + 8 * i) for i in range(number)]
            return [numerator / denominator if denominator else None for numerator, denominator in pairs]
        fmt = {1: "B", 7: "B", 3: "H", 4: "I", 9: "i"}[kind]
        return list(self.unpack(fmt * number, start))


def _parse_tiff(data: bytes) -> ExifInfo:
    tiff = _Tiff(data)
    ifd0 = tiff.ifd(tiff.unpack("I", 4)[0])
    exif = _sub_ifd(tiff, ifd0, _EXIF_IFD)
    gps = _sub_ifd(tiff, ifd0, _GPS_IFD)
    lat = _coordinate(gps.get(_LAT), gps.get(_LAT_REF), "S", 90.0)
    lon = _coordinate(gps.get(_LON), gps.get(_LON_REF), "W", 180.0)
    if lat is None or lon is None:
        lat = lon = None
    return ExifInfo(lon=lon, lat=lat, altitude=_altitude(gps), bearing=_bearing(gps.get(_DIRECTION)),
                    taken_at=_taken_at(exif.get(_DATETIME_ORIGINAL), exif.get(_OFFSET_TIME_ORIGINAL)))


def _sub_ifd(tiff: _Tiff, ifd0: dict[int, Any], tag: int) -> dict[int, Any]:
    pointer = ifd0.get(tag)
    if not isinstance(pointer, list) or not pointer:
        return {}
    try:
        return tiff.ifd(int(pointer[0]))
    except (ValueError, struct.error):
        return {}


def _coordinate(parts: Any, ref: Any, negative: str, limit: float) -> Optional[float]:
    if not isinstance(parts, list) or len(parts) != 3 or any(part is None for part in parts):
        return None
    value = parts[0] + parts[1] / 60.0 + parts[2] / 3600.0
    if isinstance(ref, str) and ref.upper().startswith(negative):
        value = -value
    return value if -limit <= value <= limit else None


def _altitude(gps: dict[int, Any]) -> Optional[float]:
    value = _first_number(gps.get(_ALT))
    if value is None:
        return None
    below = gps.get(_ALT_REF)
    return -value if isinstance(below, list) and below and below[0] == 1 else value


def _bearing(parts: Any) -> Optional[float]:
    value = _first_number(parts)
    return value % 360.0 if value is not None and 0.0 <= value <= 360.0 else None


def _first_number(parts: Any) -> Optional[float]:
    if isinstance(parts, list) and parts and isinstance(parts[0], (int, float)):
        return float(parts[0])
    return None


def _taken_at(stamp: Any, offset: Any) -> Optional[str]:
    """``2026:11:24 14:46:12`` (+ ``+08:00``) → ``2026-11-24T14:46:12+08:00``."""
    if not isinstance(stamp, str) or len(stamp) < 19 or stamp[4] != ":" or stamp[7] != ":":
        return None
    text = f"{stamp[0:4]}-{stamp[5:7]}-{stamp[8:10]}T{stamp[11:19]}"
    if not (text[:4] + text[5:7] + text[8:10] + text[11:13] + text[14:16] + text[17:19]).isdigit():
        return None
    if isinstance(offset, str) and len(offset) == 6 and offset[0] in "+-" and offset[3] == ":":
        text += offset
    return text
