"""Layer-level checks: coordinate reference system, text encoding, field schema.

Their findings have no feature (``feature_key`` "", ``fid`` NULL) and no geometry.
"""

from __future__ import annotations

from planmonitor_plugin.core.crs import CrsKind, classify_crs
from planmonitor_plugin.core.roles import check_fields
from planmonitor_plugin.core.validation.context import CheckContext
from planmonitor_plugin.core.validation.layer import PreparedLayer
from planmonitor_plugin.core.validation.model import Findings, make_findings

_DATUM_ZH = {
    CrsKind.XIAN1980: "西安1980坐标系，请使用官方转换参数转换为 CGCS2000",
    CrsKind.BEIJING1954: "北京1954坐标系，请使用官方转换参数转换为 CGCS2000",
    CrsKind.WGS84: "WGS 84 坐标系而非 CGCS2000，点位可能相差约 1 米",
    CrsKind.OTHER: "不属于 CGCS2000 坐标系",
}


def check_crs(layer: PreparedLayer, ctx: CheckContext) -> list[Findings]:
    """``crs.missing`` (no CRS at all) and ``crs.not_cgcs2000`` (graded by :func:`classify_crs`)."""
    source = layer.source
    verdict = classify_crs(source.crs_authid, source.crs_description)
    if verdict.kind is CrsKind.MISSING:
        if not ctx.enabled("crs.missing"):
            return []
        return [make_findings("crs.missing", ctx.severity("crs.missing"), layer.name,
                              message_zh="图层未定义坐标参考系，无法确认坐标与面积。",
                              message_en="The layer has no coordinate reference system.")]
    if verdict.severity == "ok" or not ctx.enabled("crs.not_cgcs2000"):
        return []
    shown = source.crs_authid or "自定义坐标系"
    return [make_findings("crs.not_cgcs2000", ctx.severity("crs.not_cgcs2000", verdict.severity), layer.name,
                          message_zh=f"图层坐标系为 {shown}：{_DATUM_ZH.get(verdict.kind, '不属于 CGCS2000 坐标系')}。",
                          message_en=f"Layer CRS {source.crs_authid or '(custom)'}: {verdict.message}")]


def check_encoding(layer: PreparedLayer, ctx: CheckContext) -> list[Findings]:
    """``encoding.suspect``: the adapter doubted the text encoding (e.g. a Shapefile without .cpg)."""
    note = layer.source.encoding_note
    if not note or not ctx.enabled("encoding.suspect"):
        return []
    return [make_findings("encoding.suspect", ctx.severity("encoding.suspect"), layer.name,
                          message_zh=f"图层文本编码存疑（{note}），中文属性可能显示为乱码，"
                                     "请核对 .cpg 文件或指定编码。",
                          message_en=f"The text encoding of the layer is doubtful ({note}); Chinese attributes "
                                     f"may be garbled. Check the .cpg file or set the encoding.")]


def check_schema(layer: PreparedLayer, ctx: CheckContext) -> list[Findings]:
    """``schema.missing_field`` / ``schema.wrong_type`` / ``schema.too_long`` from :func:`check_fields`."""
    problems = [p for p in check_fields(layer.role, layer.source.fields) if ctx.enabled(p.rule_id)]
    return [make_findings(p.rule_id, ctx.severity(p.rule_id, p.severity), layer.name,
                          message_zh=p.message_zh, message_en=p.message_en) for p in problems]
