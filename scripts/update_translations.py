"""Extract every ``tr("…")`` string of the plugin into i18n/planmonitor_<locale>.ts.

All strings share one context, "PlanMonitor" (qgis_adapter.i18n.CONTEXT), so the
extraction is a plain AST scan — no .pro file and no pylupdate class-context
surprises. Existing translations are kept; new strings are marked unfinished;
strings no longer in the code are marked obsolete.

    python scripts/update_translations.py                  # update all .ts files
    python scripts/update_translations.py --check          # exit 1 if a .ts is stale or incomplete
    python scripts/update_translations.py --merge zh.json  # {"source": "译文"} into the zh_CN file
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = "PlanMonitor"
LOCALES = ["zh_CN"]


def extract_strings(package: Path = ROOT / "planmonitor_plugin") -> dict[str, str]:
    """Source string → first location (``path:line``) for every tr() call with a literal."""
    found: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if _is_tr_call(node) and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.setdefault(node.args[0].value, f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    return found


def _is_tr_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not node.args:
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "tr") or (isinstance(func, ast.Attribute) and func.attr == "tr")


def read_ts(path: Path) -> dict[str, tuple[str, bool]]:
    """Source → (translation, finished) from an existing .ts file."""
    if not path.exists():
        return {}
    translations = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        element = message.find("translation")
        text = element.text or "" if element is not None else ""
        finished = element is not None and element.get("type") not in ("unfinished", "obsolete", "vanished")
        translations[source] = (text, finished and bool(text))
    return translations


def write_ts(path: Path, locale: str, strings: dict[str, str], translations: dict[str, tuple[str, bool]]) -> None:
    root = ET.Element("TS", version="2.1", language=locale)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sorted(strings):
        message = ET.SubElement(context, "message")
        file_name, line = strings[source].rsplit(":", 1)
        ET.SubElement(message, "location", filename=f"../{file_name}", line=line)
        ET.SubElement(message, "source").text = source
        text, finished = translations.get(source, ("", False))
        element = ET.SubElement(message, "translation")
        element.text = text
        if not finished:
            element.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def ts_path(locale: str) -> Path:
    return ROOT / "i18n" / f"planmonitor_{locale}.ts"


def problems(locale: str, strings: dict[str, str]) -> list[str]:
    """Why the .ts for ``locale`` is not complete and current (empty when it is)."""
    translations = read_ts(ts_path(locale))
    missing = [s for s in strings if not translations.get(s, ("", False))[1]]
    stale = [s for s in translations if s not in strings]
    return [f"untranslated: {s!r}" for s in missing] + [f"no longer in the code: {s!r}" for s in stale]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="report stale or untranslated strings, change nothing")
    parser.add_argument("--merge", type=Path, help="JSON file {source: translation} to merge (zh_CN)")
    args = parser.parse_args(argv)
    strings = extract_strings()
    if args.check:
        found = [f"{locale}: {p}" for locale in LOCALES for p in problems(locale, strings)]
        print("\n".join(found) or f"translations complete ({len(strings)} strings)")
        return 1 if found else 0
    for locale in LOCALES:
        translations = read_ts(ts_path(locale))
        if args.merge and locale == "zh_CN":
            merged = json.loads(args.merge.read_text(encoding="utf-8"))
            translations.update({source: (text, bool(text)) for source, text in merged.items()})
        write_ts(ts_path(locale), locale, strings, translations)
        todo = problems(locale, strings)
        print(f"{ts_path(locale).relative_to(ROOT)}: {len(strings)} strings, {len(todo)} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
