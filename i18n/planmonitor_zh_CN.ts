<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>PlanMonitor</name>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="48" />
      <source>&amp;PlanMonitor</source>
      <translation>规划实施监测(&amp;P)</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="65" />
      <source>Adds the area of every polygon computed on the CGCS2000 ellipsoid, whatever the layer's CRS (EPSG:4490, the 3° and 6° Gauss–Krüger zones or any other), in square metres, hectares (公顷) and mu (亩, 1 mu = 2000/3 m²).

Field names are parameters (default TBMJ, TBMJ_GQ, TBMJ_MU); a field of the same name in the input is replaced. Features without geometry get NULL areas; invalid geometries are measured as drawn; both are counted and listed, never dropped. Layers not on the CGCS2000 datum are converted with QGIS's transformation settings, with a warning.

Outputs: the layer with area fields, and the feature count, null and invalid geometry counts and total area in each unit.</source>
      <translation>为每个面要素计算 CGCS2000 椭球面积，不论图层坐标系是什么（EPSG:4490、3° 和 6° 高斯-克吕格投影带或其他坐标系），单位为平方米、公顷和亩（1 亩 = 2000/3 平方米）。

字段名可通过参数设置（默认 TBMJ、TBMJ_GQ、TBMJ_MU）；输入图层中的同名字段将被替换。无几何的要素面积为空值（NULL）；无效几何按现有边界计算；两者都会计数并列出，绝不丢弃。不在 CGCS2000 基准上的图层按 QGIS 的坐标转换设置转换，并给出警告。

输出：带面积字段的图层，以及要素数量、空几何与无效几何数量和各单位的总面积。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="138" />
      <source>Areas are computed after converting to CGCS2000.</source>
      <translation>面积在转换到 CGCS2000 后计算。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="56" />
      <source>Basic tools</source>
      <translation>基础工具</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/base.py" line="35" />
      <source>Cancelled by the user.</source>
      <translation>用户已取消。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="127" />
      <source>Could not write to the output layer: {error}</source>
      <translation>无法写入输出图层：{error}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="53" />
      <source>Ellipsoidal area (CGCS2000)</source>
      <translation>椭球面积计算（CGCS2000）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="53" />
      <source>Ellipsoidal area (CGCS2000)…</source>
      <translation>椭球面积计算（CGCS2000）…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="103" />
      <source>Every area field needs a name.</source>
      <translation>每个面积字段都需要名称。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="92" />
      <source>Features with invalid geometry</source>
      <translation>几何无效的要素数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="91" />
      <source>Features without geometry</source>
      <translation>无几何的要素数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="82" />
      <source>Field for the area in hectares (公顷)</source>
      <translation>面积字段（公顷）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="83" />
      <source>Field for the area in mu (亩)</source>
      <translation>面积字段（亩）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="81" />
      <source>Field for the area in square metres</source>
      <translation>面积字段（平方米）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="149" />
      <source>Field “{name}” exists in the input; its values are replaced by the ellipsoidal area.</source>
      <translation>输入图层已有字段“{name}”，其值将被椭球面积替换。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="88" />
      <source>Layer with ellipsoidal areas</source>
      <translation>带椭球面积的图层</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="26" />
      <source>Layer “{layer}” has no coordinate reference system: set the CRS it was delivered in.</source>
      <translation>图层“{layer}”没有坐标参考系：请设置其交付时的坐标系。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="29" />
      <source>Layer “{layer}” is in WGS 84 ({crs}), not CGCS2000: positions may differ by up to a metre.</source>
      <translation>图层“{layer}”为 WGS 84 坐标系（{crs}），不是 CGCS2000：位置可能相差达 1 米。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="32" />
      <source>Layer “{layer}” is in {crs} (CGCS2000).</source>
      <translation>图层“{layer}”的坐标系为 {crs}（CGCS2000）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="30" />
      <source>Layer “{layer}” is in {crs}, which is not a CGCS2000 coordinate system.</source>
      <translation>图层“{layer}”的坐标系为 {crs}，不是 CGCS2000 坐标系。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="28" />
      <source>Layer “{layer}” uses the Beijing 1954 datum ({crs}): convert it to CGCS2000 first.</source>
      <translation>图层“{layer}”采用北京 1954 基准（{crs}）：请先转换到 CGCS2000。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="27" />
      <source>Layer “{layer}” uses the Xi'an 1980 datum ({crs}): convert it to CGCS2000 first.</source>
      <translation>图层“{layer}”采用西安 1980 基准（{crs}）：请先转换到 CGCS2000。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="90" />
      <source>Number of features</source>
      <translation>要素数量</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="50" />
      <source>PlanMonitor</source>
      <translation>规划实施监测</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="71" />
      <source>PlanMonitor needs the Python packages {names}; its algorithms are disabled. Install them from the OSGeo4W Shell (Windows) or a terminal with: {command} and restart QGIS.</source>
      <translation>规划实施监测插件需要 Python 包 {names}，其算法暂不可用。请在 OSGeo4W Shell（Windows）或终端中运行：{command}，然后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/provider.py" line="30" />
      <source>PlanMonitor – territorial spatial plan monitoring</source>
      <translation>规划实施监测 – 国土空间规划实施监测</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="79" />
      <source>Polygon layer</source>
      <translation>面图层</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="105" />
      <source>The three area fields need different names.</source>
      <translation>三个面积字段的名称必须互不相同。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="93" />
      <source>Total area (m²)</source>
      <translation>总面积（平方米）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="95" />
      <source>Total area (亩)</source>
      <translation>总面积（亩）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="94" />
      <source>Total area (公顷)</source>
      <translation>总面积（公顷）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="33" />
      <source>a custom CRS</source>
      <translation>自定义坐标系</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="62" />
      <source>area,ellipsoid,CGCS2000,hectare,mu,TBMJ</source>
      <translation>面积,椭球,CGCS2000,公顷,亩,TBMJ,图斑面积,椭球面积</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="69" />
      <source>found</source>
      <translation>当前版本</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="200" />
      <source>{count} features have invalid geometries; their areas follow the rings as drawn — repair them to be sure (feature ids: {ids}).</source>
      <translation>{count} 个要素几何无效，其面积按现有边界环计算——请修复后再确认（要素编号：{ids}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="197" />
      <source>{count} features have no geometry; their areas are NULL (feature ids: {ids}).</source>
      <translation>{count} 个要素没有几何，其面积为空值（要素编号：{ids}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="203" />
      <source>{count} features, total area {m2:.2f} m² = {ha:.4f} 公顷 = {mu:.4f} 亩.</source>
      <translation>共 {count} 个要素，总面积 {m2:.2f} 平方米 = {ha:.4f} 公顷 = {mu:.4f} 亩。</translation>
    </message>
  </context>
</TS>
