"""The zh_CN translation file is complete and matches the strings in the code."""

from scripts.update_translations import extract_strings, problems


def test_strings_are_extracted():
    strings = extract_strings()
    assert "PlanMonitor" in strings and "Ellipsoidal area (CGCS2000)" in strings


def test_zh_cn_is_complete_and_current():
    assert problems("zh_CN", extract_strings()) == [], "run `make transup` and translate the new strings"
