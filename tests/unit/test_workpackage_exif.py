"""The stdlib EXIF reader: both byte orders, missing parts, and garbage that must never raise."""

from __future__ import annotations

import random
import struct

import pytest

from planmonitor_plugin.core.workpackage import ExifInfo, read_exif
from tests.unit.workpackage_support import ASCII, LONG, jpeg_with_exif, tiff


@pytest.mark.parametrize("order", ["<", ">"])
def test_position_bearing_altitude_and_time_in_both_byte_orders(order):
    info = read_exif(jpeg_with_exif(lat=30.5123, lon=117.2468, altitude=35.25, bearing=271.5, order=order))
    assert info.lat == pytest.approx(30.5123, abs=1e-6) and info.lon == pytest.approx(117.2468, abs=1e-6)
    assert info.altitude == pytest.approx(35.25) and info.bearing == pytest.approx(271.5)
    assert info.taken_at == "2026-11-24T14:46:12+08:00" and info.has_position


def test_southern_western_hemisphere_and_below_sea_level():
    info = read_exif(jpeg_with_exif(lat=-33.8, lon=-70.25, altitude=-12.5, order=">"))
    assert info.lat == pytest.approx(-33.8, abs=1e-6) and info.lon == pytest.approx(-70.25, abs=1e-6)
    assert info.altitude == pytest.approx(-12.5)


def test_missing_gps_keeps_the_time_and_missing_offset_gives_local_time():
    info = read_exif(jpeg_with_exif(lat=None, lon=None, altitude=None, bearing=None, offset=None))
    assert info == ExifInfo(taken_at="2026-11-24T14:46:12") and not info.has_position


def test_photo_without_exif_or_not_a_jpeg_gives_an_empty_result():
    plain_jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xda\x00\x08" + b"\x00" * 6
    assert read_exif(plain_jpeg) == ExifInfo()
    assert read_exif(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40) == ExifInfo()
    assert read_exif(b"") == ExifInfo()


def test_out_of_range_values_are_dropped():
    info = read_exif(jpeg_with_exif(lat=95.0, lon=117.0, bearing=400.0))
    assert info.lat is None and info.lon is None and info.bearing is None and info.altitude is not None


def test_zero_denominators_and_bad_dates_are_dropped():
    gps = [(1, ASCII, "N"), (2, 5, [(30, 0), (0, 1), (0, 1)]), (3, ASCII, "E"), (4, 5, [(117, 1), (0, 1), (0, 1)])]
    exif = [(0x9003, ASCII, "yesterday at noon!!")]
    segment = b"Exif\x00\x00" + tiff("<", [[("ptr", 0x8769, 1), ("ptr", 0x8825, 2)], exif, gps])
    data = b"\xff\xd8\xff\xe1" + struct.pack(">H", len(segment) + 2) + segment + b"\xff\xd9"
    assert read_exif(data) == ExifInfo()


def test_offsets_pointing_outside_the_segment_are_ignored():
    segment = b"Exif\x00\x00" + tiff("<", [[(0x8825, LONG, [0xFFFFFF00]), (0x8769, LONG, [10**9])]])
    data = b"\xff\xd8\xff\xe1" + struct.pack(">H", len(segment) + 2) + segment + b"\xff\xd9"
    assert read_exif(data) == ExifInfo()
    looping = b"Exif\x00\x00II*\x00\x08\x00\x00\x00" + b"\xff\xff" + b"\x00" * 30  # 65535 entries claimed
    data = b"\xff\xd8\xff\xe1" + struct.pack(">H", len(looping) + 2) + looping
    assert read_exif(data) == ExifInfo()


def test_every_truncation_and_random_corruption_is_harmless():
    good = jpeg_with_exif(order=">")
    for end in range(len(good)):
        assert isinstance(read_exif(good[:end]), ExifInfo)
    generator = random.Random(20261124)
    for _ in range(3000):
        corrupted = bytearray(good)
        for _ in range(generator.randint(1, 8)):
            corrupted[generator.randrange(2, len(corrupted))] = generator.randrange(256)
        assert isinstance(read_exif(bytes(corrupted)), ExifInfo)
    for _ in range(300):
        assert read_exif(bytes(generator.randrange(256) for _ in range(generator.randint(0, 400)))) == ExifInfo()
