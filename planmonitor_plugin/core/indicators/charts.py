"""Inline SVG charts and the traffic-light table for the indicator report (pure: no QGIS, no JavaScript).

Labels arrive already translated from the caller; every text is escaped.
"""

from __future__ import annotations

import html
import math
from typing import Optional, Sequence

LEVEL_COLOURS = {"green": "#2e8b3d", "yellow": "#e0a800", "red": "#c0392b"}
NEUTRAL = "#7f8c99"
CHART_CSS = """
.chart{page-break-inside:avoid;break-inside:avoid;margin:.4em 0 1.2em}
.chart svg{max-width:100%;height:auto}
table.lights td.green{background:#d4edda;color:#1d5e2a} table.lights td.yellow{background:#fff3cd;color:#7a5b00}
table.lights td.red{background:#f5c6cb;color:#8a1c12;font-weight:bold} table.lights td.none{color:#999}
table.lights td{text-align:center} table.lights td:first-child{text-align:left}
.legend span{display:inline-block;margin-right:1.2em} .swatch{display:inline-block;width:.9em;height:.9em;
 vertical-align:middle;margin-right:.3em;border:1px solid #888}
.local{border-left:4px solid #e0a800;background:#fffbea;padding:.4em .8em}
@media print{.chart,.lights{page-break-inside:avoid}}
"""


def _number(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


def _finite(value: Optional[float]) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def bar_chart_svg(labels: Sequence[str], values: Sequence[Optional[float]], targets: Sequence[Optional[float]],
                  levels: Sequence[str], unit: str, target_label: str, decimals: int = 2,
                  missing_label: str = "") -> str:
    """Horizontal bars of value per unit, coloured by warning level, with the target as a black tick.

    A unit without a value shows ``missing_label`` instead of a bar (never a zero-length bar).
    """
    row, label_width, value_width, bar_width, top = 22, 150, 220, 360, 24
    height = top + row * len(labels) + 10
    width = label_width + bar_width + value_width
    present = [abs(v) for v in list(values) + list(targets) if _finite(v)]
    scale = bar_width / max(present) if present and max(present) > 0 else 0.0
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-size="12" role="img">',
             f'<text x="{label_width}" y="14" fill="#333">{html.escape(unit)}</text>',
             f'<line x1="{label_width + 200}" y1="10" x2="{label_width + 200}" y2="20" stroke="#000" '
             f'stroke-width="2"/><text x="{label_width + 206}" y="14" fill="#333">{html.escape(target_label)}</text>']
    for i, (label, value, target, level) in enumerate(zip(labels, values, targets, levels)):
        y = top + i * row
        parts.append(f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end">{html.escape(str(label))}</text>')
        if _finite(value):
            length = max(abs(value) * scale, 0.5)
            colour = LEVEL_COLOURS.get(level, NEUTRAL)
            parts.append(f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 8}" '
                         f'fill="{colour}"><title>{html.escape(str(label))}: {_number(value, decimals)}</title></rect>')
            text = _number(value, decimals)
            if _finite(target):
                text += f" / {_number(target, decimals)}"
            parts.append(f'<text x="{label_width + bar_width + 6}" y="{y + 14}">{html.escape(text)}</text>')
        else:
            parts.append(f'<text x="{label_width + 4}" y="{y + 14}" fill="#999" font-style="italic">'
                         f'{html.escape(missing_label)}</text>')
        if _finite(target):
            x = label_width + abs(target) * scale
            parts.append(f'<line x1="{x:.1f}" y1="{y + 1}" x2="{x:.1f}" y2="{y + row - 3}" stroke="#000" '
                         f'stroke-width="2"/>')
    parts.append("</svg>")
    return f'<div class="chart">{"".join(parts)}</div>'


def traffic_light_table(row_labels: Sequence[str], column_labels: Sequence[str],
                        cells: Sequence[Sequence[tuple[str, str]]], corner: str = "") -> str:
    """An HTML table whose cells are (text, level); the level becomes the cell's CSS class."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in [corner, *column_labels])
    body = []
    for label, row in zip(row_labels, cells):
        tds = "".join(f'<td class="{html.escape(level or "none")}">{html.escape(text)}</td>' for text, level in row)
        body.append(f"<tr><td>{html.escape(label)}</td>{tds}</tr>")
    return f'<table class="lights"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def legend(items: Sequence[tuple[str, str]]) -> str:
    """A colour legend: (level, label) pairs."""
    spans = "".join(f'<span><i class="swatch" style="background:{LEVEL_COLOURS.get(level, NEUTRAL)}"></i>'
                    f"{html.escape(label)}</span>" for level, label in items)
    return f'<p class="legend">{spans}</p>'
