"""Self-contained HTML reports a technician can hand on (pure: labels come translated from the caller)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em;color:#222}
h1{font-size:1.5em;border-bottom:2px solid #2f6b3a;padding-bottom:.3em}
h2{font-size:1.2em;margin-top:1.6em;color:#2f6b3a}
table{border-collapse:collapse;margin:.5em 0;font-size:.92em}
th,td{border:1px solid #bbb;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#eef3ec} td.num{text-align:right;font-variant-numeric:tabular-nums}
.error,.non_compliant{color:#b03a2e;font-weight:bold} .warning,.needs_justification{color:#9a6b00}
.ok,.compliant{color:#2f6b3a;font-weight:bold}
.meta td:first-child{font-weight:bold;background:#f6f6f6} .note{color:#666;font-size:.9em}
@media print{body{margin:1cm}}
"""


@dataclass
class ReportSection:
    """A heading with a table (a DataFrame) or a paragraph below it."""

    title: str
    table: pd.DataFrame | None = None
    text: str = ""
    numeric_columns: set[str] = field(default_factory=set)
    class_column: str | None = None  # values of this column become CSS classes of the row's cells
    html: str = ""  # trusted markup built by the caller (escaped there), e.g. an inline SVG chart


def _cell(value, numeric: bool) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "<td></td>"
    if numeric and isinstance(value, float):
        return f'<td class="num">{value:,.2f}</td>'
    return f'<td class="num">{html.escape(str(value))}</td>' if numeric else f"<td>{html.escape(str(value))}</td>"


def html_table(frame: pd.DataFrame, numeric_columns: set[str] = frozenset(), class_column: str | None = None) -> str:
    """An HTML table of a DataFrame (escaped); ``class_column`` (not shown) gives each row its CSS class."""
    shown = [c for c in frame.columns if c != class_column]
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown)
    rows = []
    for record in frame.itertuples(index=False):
        values = dict(zip(frame.columns, record))
        css = f' class="{html.escape(str(values[class_column]))}"' if class_column else ""
        cells = "".join(_cell(values[c], c in numeric_columns) for c in shown)
        rows.append(f"<tr{css}>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def render_report(title: str, metadata: list[tuple[str, str]], sections: list[ReportSection],
                  language: str = "en", extra_style: str = "") -> str:
    """A complete HTML page: title, a metadata table, then the sections in order."""
    meta_rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>" for k, v in metadata)
    body = [f"<h1>{html.escape(title)}</h1>", f'<table class="meta">{meta_rows}</table>']
    for section in sections:
        body.append(f"<h2>{html.escape(section.title)}</h2>")
        if section.text:
            body.append(f"<p>{html.escape(section.text)}</p>")
        if section.html:
            body.append(section.html)
        if section.table is not None:
            body.append(html_table(section.table, section.numeric_columns, section.class_column))
    lang = "zh-CN" if language.lower().startswith("zh") else "en"
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{STYLE}{extra_style}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")
