"""Photos stored inside the package: bytes, sha256, MIME type and the EXIF facts."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Optional, Union

from shapely.geometry import Point

from planmonitor_plugin.core.errors import InputError
from planmonitor_plugin.core.workpackage.exif import ExifInfo, read_exif
from planmonitor_plugin.core.workpackage.gpkg import encode_geometry

PhotoSource = Union[bytes, bytearray, memoryview, str, os.PathLike]
MAX_PHOTO_BYTES = 64 * 1024 * 1024
_SIGNATURES = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"GIF8", "image/gif"),
               (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"))


def photo_bytes(source: PhotoSource, file_name: Optional[str]) -> tuple[bytes, str]:
    """The photo's bytes and its original file name (taken from the path when not given)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        if not file_name:
            raise InputError("a file name is needed for photo bytes", field="file_name")
        data = bytes(source)
    else:
        path = Path(source)
        try:
            if path.stat().st_size > MAX_PHOTO_BYTES:
                raise InputError(f"{path.name}: photo larger than {MAX_PHOTO_BYTES // 2**20} MB", file=str(path))
            data = path.read_bytes()
        except OSError as error:
            raise InputError(f"{path.name}: cannot read photo ({error.strerror or error})", file=str(path)) from error
        file_name = file_name or path.name
    if not data:
        raise InputError(f"{file_name}: empty photo", file=file_name)
    if len(data) > MAX_PHOTO_BYTES:
        raise InputError(f"{file_name}: photo larger than {MAX_PHOTO_BYTES // 2**20} MB", file=file_name)
    return data, str(file_name)


def mime_type(data: bytes) -> str:
    for signature, mime in _SIGNATURES:
        if data.startswith(signature):
            return mime
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"heif"):
        return "image/heic"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def photo_row(data: bytes, file_name: str) -> dict[str, Any]:
    """Columns of a photos row derived from the bytes (identity and timestamps added by the caller)."""
    mime = mime_type(data)
    exif = read_exif(data) if mime == "image/jpeg" else ExifInfo()
    point = Point(exif.lon, exif.lat) if exif.has_position else None
    return {"geom": encode_geometry(point), "file_name": file_name, "mime": mime, "size_bytes": len(data),
            "sha256": sha256(data), "data": data, "exif_lon": exif.lon, "exif_lat": exif.lat,
            "exif_altitude": exif.altitude, "exif_bearing": exif.bearing, "exif_taken_at": exif.taken_at}
