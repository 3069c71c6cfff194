"""A tiny hand-written EXIF writer: JPEG files with a known GPS position, bearing and time.

Used by the work-package tests and by `make demo` (field photos with EXIF, no camera needed).
"""

from __future__ import annotations

import struct
from typing import Optional, Sequence

ASCII, SHORT, LONG, RATIONAL, BYTE = 2, 3, 4, 5, 1


def _value_bytes(order: str, kind: int, values) -> tuple[bytes, int]:
    if kind == ASCII:
        data = values.encode("ascii") + b"\x00"
        return data, len(data)
    if kind == RATIONAL:
        return b"".join(struct.pack(order + "II", n, d) for n, d in values), len(values)
    fmt = {BYTE: "B", SHORT: "H", LONG: "I"}[kind]
    return struct.pack(order + fmt * len(values), *values), len(values)


def tiff(order: str, ifds: Sequence[list]) -> bytes:
    """A TIFF with IFD0 = ``ifds[0]``; ``("ptr", tag, k)`` entries point to ``ifds[k]``."""
    sizes = [2 + 12 * len(entries) + 4 for entries in ifds]
    offsets = [8 + sum(sizes[:k]) for k in range(len(ifds))]
    data_offset = 8 + sum(sizes)
    tables, data_area = b"", b""
    for entries in ifds:
        table = struct.pack(order + "H", len(entries))
        for entry in entries:
            if entry[0] == "ptr":
                table += struct.pack(order + "HHII", entry[1], LONG, 1, offsets[entry[2]])
                continue
            tag, kind, values = entry
            raw, count = _value_bytes(order, kind, values)
            if len(raw) <= 4:
                table += struct.pack(order + "HHI", tag, kind, count) + raw.ljust(4, b"\x00")
            else:
                table += struct.pack(order + "HHII", tag, kind, count, data_offset + len(data_area))
                data_area += raw + (b"\x00" if len(raw) % 2 else b"")
        tables += table + struct.pack(order + "I", 0)
    magic = b"II" if order == "<" else b"MM"
    return magic + struct.pack(order + "HI", 42, 8) + tables + data_area


def dms(value: float) -> list[tuple[int, int]]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60 * 1000)
    return [(degrees, 1), (minutes, 1), (seconds, 1000)]


def exif_segment(lat: Optional[float] = 30.5, lon: Optional[float] = 117.25, altitude: Optional[float] = 35.2,
                 bearing: Optional[float] = 123.5, taken: Optional[str] = "2026:11:24 14:46:12",
                 offset: Optional[str] = "+08:00", order: str = "<") -> bytes:
    """A JPEG APP1 Exif segment with the given facts (GPS position, altitude, bearing, time); None leaves one out."""
    exif = [e for e in [(0x9003, ASCII, taken) if taken else None,
                        (0x9011, ASCII, offset) if offset else None] if e]
    gps = []
    if lat is not None and lon is not None:
        gps += [(1, ASCII, "N" if lat >= 0 else "S"), (2, RATIONAL, dms(abs(lat))),
                (3, ASCII, "E" if lon >= 0 else "W"), (4, RATIONAL, dms(abs(lon)))]
    if altitude is not None:
        gps += [(5, BYTE, [0 if altitude >= 0 else 1]), (6, RATIONAL, [(round(abs(altitude) * 100), 100)])]
    if bearing is not None:
        gps += [(16, ASCII, "T"), (17, RATIONAL, [(round(bearing * 100), 100)])]
    ifd0 = [(0x010F, ASCII, "PlanMonitorTest"), ("ptr", 0x8769, 1), ("ptr", 0x8825, 2)]
    segment = b"Exif\x00\x00" + tiff(order, [ifd0, exif, gps])
    return b"\xff\xe1" + struct.pack(">H", len(segment) + 2) + segment


def jpeg_with_exif(lat: Optional[float] = 30.5, lon: Optional[float] = 117.25, altitude: Optional[float] = 35.2,
                   bearing: Optional[float] = 123.5, taken: Optional[str] = "2026:11:24 14:46:12",
                   offset: Optional[str] = "+08:00", order: str = "<", payload: bytes = b"pixels") -> bytes:
    """JPEG bytes (SOI, APP1 Exif, a fake scan, EOI) with the given EXIF facts; None leaves one out."""
    app1 = exif_segment(lat, lon, altitude, bearing, taken, offset, order)
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    scan = b"\xff\xda" + struct.pack(">H", 8) + b"\x01\x01\x00\x00\x3f\x00" + payload
    return b"\xff\xd8" + app0 + app1 + scan + b"\xff\xd9"


def with_exif(jpeg: bytes, **facts) -> bytes:
    """A real JPEG (e.g. saved by Qt or Pillow) with an Exif segment inserted after its SOI marker."""
    if not jpeg.startswith(b"\xff\xd8"):
        raise ValueError("not a JPEG: no SOI marker")
    return jpeg[:2] + exif_segment(**facts) + jpeg[2:]
