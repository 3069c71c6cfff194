<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>PlanMonitor</name>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="159" />
      <source>%v of %m reviewed</source>
      <translation>已审查 %v / %m</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="55" />
      <source>&amp;PlanMonitor</source>
      <translation>规划实施监测(&amp;P)</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="78" />
      <source>(no township code)</source>
      <translation>（无乡镇代码）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="211" />
      <source>A connection needs a name without slashes.</source>
      <translation>连接名称不能为空，也不能包含斜杠。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_push.py" line="42" />
      <source>Accepted</source>
      <translation>已接收</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="176" />
      <source>Add and choose a catalog connection first.</source>
      <translation>请先添加并选择一个目录连接。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="153" />
      <source>Add layers to map</source>
      <translation>加载到地图</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="75" />
      <source>Added</source>
      <translation>已添加</translation>
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
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="132" />
      <source>Administrative units: townships (XZQ)</source>
      <translation>行政区：乡镇（XZQ）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="185" />
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="153" />
      <source>All indicators (county and townships)</source>
      <translation>全部指标（全县及各乡镇）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="335" />
      <source>All pilot areas</source>
      <translation>全部试点区</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="348" />
      <source>All rules</source>
      <translation>全部规则</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="347" />
      <source>All townships</source>
      <translation>全部乡镇</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="346" />
      <source>All types</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="345" />
      <source>All verdicts</source>
      <translation>全部结论</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_push.py" line="42" />
      <source>Already on the server</source>
      <translation>服务器上已有</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="75" />
      <source>Already there</source>
      <translation>已存在</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="106" />
      <source>Ambiguous area (m²)</source>
      <translation>无法判定面积（平方米）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="52" />
      <source>Approved land (批准用地), optional</source>
      <translation>批准用地（可选）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="93" />
      <source>Area</source>
      <translation>面积</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="132" />
      <source>Area (mu)</source>
      <translation>面积（亩）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="34" />
      <source>Area (亩)</source>
      <translation>面积（亩）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="34" />
      <source>Area (公顷)</source>
      <translation>面积（公顷）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="36" />
      <source>Area field disagrees with the ellipsoidal area</source>
      <translation>面积字段与椭球面积不符</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="37" />
      <source>Area field empty</source>
      <translation>面积字段为空</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="77" />
      <source>Area to export (polygons, instead of pilot areas)</source>
      <translation>导出范围（面图层，代替试点区）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="138" />
      <source>Areas are computed after converting to CGCS2000.</source>
      <translation>面积在转换到 CGCS2000 后计算。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="165" />
      <source>Assessment</source>
      <translation>评价</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="546" />
      <source>Attach photos</source>
      <translation>添加照片</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="244" />
      <source>Attach photos…</source>
      <translation>添加照片…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="112" />
      <source>Authentication</source>
      <translation>认证</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_common.py" line="40" />
      <source>Authentication configuration</source>
      <translation>认证配置</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="56" />
      <source>Basic tools</source>
      <translation>基础工具</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="56" />
      <source>Build review work package (审查工作包)</source>
      <translation>生成审查工作包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="47" />
      <source>By township</source>
      <translation>分乡镇</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="70" />
      <source>CRS</source>
      <translation>坐标参考系</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="69" />
      <source>Cancelled by the user.</source>
      <translation>用户已取消。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="292" />
      <source>Cannot open the work package: {error}</source>
      <translation>无法打开工作包：{error}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/layers.py" line="78" />
      <source>Cannot open “{uri}”: the file is damaged or not a vector dataset.</source>
      <translation>无法打开“{uri}”：文件已损坏或不是矢量数据集。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="306" />
      <source>Cannot read the work package: {error}</source>
      <translation>无法读取工作包：{error}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="110" />
      <source>Caps (at most): above the target → red; within {margin} % below it → yellow; otherwise green. Floors (at least): below the target → red; within {margin} % above it → yellow; otherwise green.</source>
      <translation>上限类指标（不超过）：高于目标值为红色；低于目标值 {margin}% 以内为黄色；其余为绿色。下限类指标（不低于）：低于目标值为红色；高于目标值 {margin}% 以内为黄色；其余为绿色。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_common.py" line="38" />
      <source>Catalog URL (instead of a saved connection)</source>
      <translation>目录服务地址（代替已保存的连接）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="309" />
      <source>Catalog sync</source>
      <translation>国家目录同步</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="84" />
      <source>Catalog sync (国家目录同步)</source>
      <translation>国家目录同步</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="80" />
      <source>Catalog sync…</source>
      <translation>国家目录同步…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="66" />
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="163" />
      <source>Change</source>
      <translation>变化量</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="28" />
      <source>Change patch</source>
      <translation>监测图斑</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="49" />
      <source>Change patches (JCTB)</source>
      <translation>监测图斑（JCTB）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="166" />
      <source>Change since {year} (county)</source>
      <translation>较 {year} 年的变化（全县）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="75" />
      <source>Check</source>
      <translation>检查项</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="131" />
      <source>Check result</source>
      <translation>检查结果</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="122" />
      <source>Check results</source>
      <translation>检查结果</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="82" />
      <source>Checked construction sites (planmonitor:sitecompliance)</source>
      <translation>已审查的建设项目（planmonitor:sitecompliance）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="184" />
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="82" />
      <source>Checks each proposed construction site (XMDM, XMMC, intended use YDYHFLDM) against the ecological red line, permanent basic farmland, nature reserves (optional), cultivated land (DLTB 0101/0102/0103), the urban development boundary (inside / outside / straddling, with the area outside) and the planned land use (compatibility of the intended use with YDYHFLDM under the rule pack). Constraint layers are optional: a rule whose layer is not given is reported as not checked. Layers may be in different CRSs; overlays run in the sites' projected CGCS2000 CRS (or its 3° zone), as QGIS's own overlays do.

Outputs: the sites with a verdict (合规 compliant / 不合规 non-compliant / 需论证 needs justification) and per-rule areas in m², 公顷 and 亩; the conflicts as the actual overlap polygons with both keys; an HTML report. Slivers below the rule's tolerance (1 m² by default) count as touching. All areas are ellipsoidal (CGCS2000). The rule pack (JSON; default bundled) and its version are named in the results.</source>
      <translation>逐个检查拟建项目选址（XMDM、XMMC，拟用途 YDYHFLDM）与生态保护红线、永久基本农田、自然保护地（可选）、现状耕地（DLTB 0101/0102/0103）、城镇开发边界（界内 / 界外 / 跨界，并给出界外面积）以及规划用途（按规则包判断拟用途与 YDYHFLDM 的相容性）的关系。各约束图层均为可选：未提供图层的规则报告为“未检查”。图层可采用不同坐标系；叠加在选址所在的 CGCS2000 投影坐标系（或其 3° 分带）中进行，与 QGIS 自带叠加工具一致。

输出：带审查结论（合规 / 不合规 / 需论证）及各规则面积（平方米、公顷、亩）的选址图层；冲突图层（真实重叠面，含双方标识）；HTML 报告。面积小于规则容差（默认 1 平方米）的碎片视为相接。所有面积均为椭球面积（CGCS2000）。结果中注明所用规则包（JSON，默认为内置规则包）及其版本。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="89" />
      <source>Checks planning and survey layers before they are used: required fields, types and lengths; codes against the code tables (三调 DLBM, 用地用海 YDYHFLDM, planning zones); null, empty and invalid geometries; CRS (CGCS2000 expected); duplicate keys (BSM …); overlaps and gaps within layers that must form a coverage; conflicts between the three control lines (三线冲突); stored area fields against the ellipsoidal area.

Inputs: layers, and/or a GeoPackage / File GDB, and/or a folder of Shapefiles. Each layer's role (DLTB, YJJBNTBHTB, STBHHX, CZKFBJ …) is detected from its name and fields; override with “layer=role;…” (roles: current_land_use, basic_farmland, ecological_redline, urban_boundary, planning_zones, planned_land_use, admin_units, change_patches, project_sites). Rule set: a JSON file (default: the bundled one) that enables checks and sets severities and tolerances.

Outputs: an error layer with the real error geometry (overlap and gap polygons, conflict polygons, the features themselves; layer-level problems without geometry), a point layer (self-intersections), a summary table and an HTML report in your language.</source>
      <translation>在使用规划和调查图层之前对其进行检查：必填字段及字段类型、长度；代码是否符合代码表（三调 DLBM、用地用海 YDYHFLDM、规划分区）；空几何、空白几何和无效几何；坐标参考系（应为 CGCS2000）；重复主键（BSM…）；须构成无缝覆盖的图层内的重叠与缝隙；三条控制线之间的冲突（三线冲突）；面积字段值与椭球面积是否一致。

输入：图层，和/或 GeoPackage / File GDB，和/或 Shapefile 文件夹。各图层的角色（DLTB、YJJBNTBHTB、STBHHX、CZKFBJ…）根据其名称和字段自动识别；可用“layer=role;…”覆盖（角色：current_land_use、basic_farmland、ecological_redline、urban_boundary、planning_zones、planned_land_use、admin_units、change_patches、project_sites）。规则集：一个 JSON 文件（默认使用内置规则集），用于启用检查项并设置严重程度和容差。

输出：包含真实错误几何的错误图层（重叠和缝隙面、冲突面、问题要素本身；图层级问题不含几何）、点图层（自相交）、汇总表，以及使用您的界面语言的 HTML 报告。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="231" />
      <source>Choose a task package in the search results.</source>
      <translation>请在搜索结果中选择一个任务包。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="270" />
      <source>Choose a work package.</source>
      <translation>请选择一个审查工作包。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="92" />
      <source>Class after</source>
      <translation>变化后地类</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="92" />
      <source>Class before</source>
      <translation>变化前地类</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="28" />
      <source>Code empty</source>
      <translation>代码为空</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="27" />
      <source>Code not in the code table</source>
      <translation>代码不在代码表中</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="153" />
      <source>Community health facilities</source>
      <translation>社区卫生服务设施</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="68" />
      <source>Compares current land use (三调 DLTB, class code DLBM) with the planned land use (YDYHFLDM, 用地用海 2023). Every parcel is cut by the planned polygons; its class is converted through the 三调→用地用海 crosswalk and compared with the planned code at their common level. Each piece is conforming, nonconforming (construction where the plan has non-construction use; planned construction not built yet; other difference), ambiguous (the class needs subdivision and its candidate codes disagree: never guessed), unclassified (missing or unknown code) or not covered by the plan.

Outputs: every piece that is not conforming as a polygon with both classes and its area in m², 公顷 and 亩; a table of totals per township and for the county; an HTML report. The township comes from the township layer (XZQDM) when given, else from the first nine digits of ZLDWDM. Pieces at or below the tolerance are slivers. Invalid geometries are repaired or skipped, as chosen, and always listed. Areas are ellipsoidal (CGCS2000); overlays run in the parcels' projected CGCS2000 CRS.</source>
      <translation>将现状地类（三调地类图斑 DLTB，地类编码 DLBM）与规划用途（YDYHFLDM，用地用海 2023）进行比对。每个图斑按规划图斑切分；其地类经三调→用地用海对照表转换后，在两者共同的编码层级上与规划编码比较。每个切分块判定为：符合规划；不符合规划（现状建设用地、规划非建设用地；规划建设用地、现状尚未建设；其他地类不一致）；需细分、无法判定（该地类需细分且各候选编码结论不一致，绝不猜测）；代码缺失或无法识别；规划未覆盖。

输出：所有不符合规划的切分块（真实面要素，含现状与规划两种地类及面积，单位平方米、公顷、亩）；分乡镇及全县汇总表；HTML 报告。乡镇取自乡镇图层（XZQDM），未提供时取 ZLDWDM 前九位。面积不超过容差的为碎片。无效几何按所选方式修复或跳过，并逐一列出。面积均为椭球面积（CGCS2000）；叠加在图斑所在的 CGCS2000 投影坐标系中进行。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/convert_land_use.py" line="42" />
      <source>Compliance</source>
      <translation>合规性审查</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="32" />
      <source>Compliant</source>
      <translation>合规</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="88" />
      <source>Computes the plan-monitoring indicators of the catalog (TD/T 1063 names: 生态保护红线面积, 永久基本农田保护面积, 耕地保有量, 林地保有量, 湿地面积, 建设用地总面积, 城乡建设用地面积, 人均城镇/村庄建设用地面积, 森林覆盖率, 河湖水面率, walking coverage of parks and squares and of community health facilities, road network density …) for every township of the administrative units layer and for the county (county = Σ townships; areas are ellipsoidal CGCS2000, balanced rounding in 公顷). Each land-use parcel counts whole for the township holding most of it.

Inputs: current land use (DLTB with DLBM, CZCSXM; its year from YEAR or its SJNF field); optionally a second land-use layer of another year for change and trend; the control lines; the township layer (XZQ; the county code is the townships' 6-digit code + 000000 unless given); a population table (CSV, XLSX or any table layer with XZQDM, ND, CZRK, XCRK); plan targets (GHMB: XZQDM, ZBDM, ND, MBZ, DW — or unit_code, indicator, year, target); optional parks/squares (instead of the land-use classes 0810/0810A), community health facilities, roads and the urban area (城区范围) for road density. Walking coverage (300 m, 1000 m) is measured in straight lines, or along the roads when a road layer is given (roads noded at junctions; land within 50 m of a reached road counts). An indicator whose input is missing is reported as not computed with the reason, never as zero.

Warning levels green / yellow / red follow the thresholds file (default bundled: 5 % yellow margin; local configuration — no national thresholds are published).

Outputs: the long table (one row per unit × indicator × year: value, unit, target, deviation, warning level, change, reason) — save it in a GeoPackage: it is the indicator snapshot the review panel imports per pilot area, with stable column names; the township polygons with the key indicators and the worst warning level, styled as traffic lights; an HTML report with charts to print.</source>
      <translation>按指标目录计算规划实施监测指标（TD/T 1063 指标名称：生态保护红线面积、永久基本农田保护面积、耕地保有量、林地保有量、湿地面积、建设用地总面积、城乡建设用地面积、人均城镇/村庄建设用地面积、森林覆盖率、河湖水面率、公园绿地广场及社区卫生服务设施步行覆盖率、道路网密度……），逐乡镇并汇总到全县（县 = 各乡镇之和；面积为 CGCS2000 椭球面积，以公顷计并进行平差修约）。每个地类图斑整体计入其面积占比最大的乡镇。

输入：现状地类图斑（DLTB，含 DLBM、CZCSXM；年份取自“年份”参数或其 SJNF 字段）；可选另一年份的地类图斑，用于变化与趋势分析；控制线；乡镇行政区图层（XZQ；县级代码默认取乡镇代码前 6 位加 000000）；人口表（CSV、XLSX 或任意含 XZQDM、ND、CZRK、XCRK 的表）；规划目标（GHMB：XZQDM、ZBDM、ND、MBZ、DW，或 unit_code、indicator、year、target）；可选公园绿地与广场（替代地类 0810/0810A）、社区卫生服务设施、道路及用于道路网密度的城区范围。步行覆盖率（300 米、1000 米）按直线距离计算；给定道路图层时沿道路网计算（道路须在交叉口打断；距可达道路 50 米以内的用地计为覆盖）。缺少输入的指标报告为“未计算”并说明原因，绝不记为零。

绿/黄/红预警等级依据阈值文件（默认内置：黄色区间 5%；属本地配置——国家未发布预警阈值）。

输出：长表（每个单元 × 指标 × 年份一行：指标值、单位、目标值、偏差、预警等级、变化、原因）——请保存到 GeoPackage：它是复核面板按试点区域导入的指标快照，列名保持稳定；带关键指标和最严重预警等级的乡镇面图层，按红绿灯样式符号化；可打印的含图表 HTML 报告。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="222" />
      <source>Computing the indicators of {year} ({layer})…</source>
      <translation>正在计算 {year} 年指标（{layer}）…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="38" />
      <source>Conflict</source>
      <translation>冲突</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="35" />
      <source>Conflict between control lines (三线冲突)</source>
      <translation>控制线之间冲突（三线冲突）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="534" />
      <source>Conflict on {item} resolved.</source>
      <translation>{item} 的冲突已解决。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="91" />
      <source>Conflict on {item}: {detail}</source>
      <translation>{item} 存在冲突：{detail}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="522" />
      <source>Conflict resolved with the verdict of {reviewer} ({when}).</source>
      <translation>冲突已按 {reviewer}（{when}）的结论处理。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="321" />
      <source>Conflict: these verdicts disagree. Select one in the list and resolve with it, or record a new verdict in the Verdict tab.</source>
      <translation>冲突：以下结论不一致。请在列表中选择其一并采用它解决冲突，或在“结论”页记录新的结论。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="76" />
      <source>Conflicting verdicts</source>
      <translation>冲突的核查结论</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_push.py" line="48" />
      <source>Conflicting verdicts pulled</source>
      <translation>下载的冲突核查结论</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="59" />
      <source>Conflicts</source>
      <translation>冲突</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="171" />
      <source>Connected to “{title}”: {note}.</source>
      <translation>已连接到“{title}”：{note}。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="93" />
      <source>Connection</source>
      <translation>连接</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="160" />
      <source>Connection “{name}” removed.</source>
      <translation>已删除连接“{name}”。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="153" />
      <source>Connection “{name}” saved.</source>
      <translation>已保存连接“{name}”。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="89" />
      <source>Connections</source>
      <translation>连接</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="33" />
      <source>Constraint feature</source>
      <translation>约束要素</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="105" />
      <source>Construction against the plan (m²)</source>
      <translation>现状建设、规划非建设面积（平方米）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="28" />
      <source>Construction site</source>
      <translation>建设项目</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="73" />
      <source>Construction site compliance</source>
      <translation>建设项目选址合规性审查</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="51" />
      <source>Construction site compliance report</source>
      <translation>建设项目选址合规性审查报告</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="99" />
      <source>Construction sites</source>
      <translation>建设项目选址</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/convert_land_use.py" line="39" />
      <source>Convert survey classes to planning classes (基数转换)</source>
      <translation>基数转换（三调地类转用地用海分类）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/convert_land_use.py" line="48" />
      <source>Converts the 三调 land class (DLBM) of every parcel to the 2023 用地用海 class through the bundled crosswalk (resources/code_tables/sandiao_to_ydyh.csv). Adds YDYHFLDM and YDYHFLMC where the class maps to exactly one planning class; ZHZT, the conversion status: mapped, needs_subdivision (one 三调 class, several planning classes — to be decided in review, never guessed), unknown (code not in the table) or empty; HXDM, the candidate codes of ambiguous classes; YJDM, the level-1 class they share. Filter on ZHZT = 'needs_subdivision' to get the review queue.</source>
      <translation>按内置对照表（resources/code_tables/sandiao_to_ydyh.csv）将每个图斑的三调地类（DLBM）转换为 2023 版用地用海分类。一对一时填写 YDYHFLDM 和 YDYHFLMC；ZHZT 为转换状态：mapped（已转换）、needs_subdivision（一个三调地类对应多个用地用海分类，须在审查中确定，绝不猜测）、unknown（代码不在对照表中）或 empty（无代码）；HXDM 为待细分地类的候选代码；YJDM 为其共同的一级类。按 ZHZT = 'needs_subdivision' 筛选即得待审查清单。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="168" />
      <source>Could not add the photo table to {file}: {error}</source>
      <translation>无法向 {file} 添加照片表：{error}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="306" />
      <source>Could not reach the catalog (connection refused or dropped).</source>
      <translation>无法连接目录服务（连接被拒绝或中断）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="250" />
      <source>Could not write the field project {file}: {error}</source>
      <translation>无法写入外业工程 {file}：{error}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/base.py" line="69" />
      <source>Could not write the findings to “{output}”: {error}</source>
      <translation>无法将检查结果写入“{output}”：{error}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="188" />
      <source>Could not write the reference layer “{layer}” to {file}: {error}</source>
      <translation>无法将参考图层“{layer}”写入 {file}：{error}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="127" />
      <source>Could not write to the output layer: {error}</source>
      <translation>无法写入输出图层：{error}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="75" />
      <source>Count</source>
      <translation>数量</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="54" />
      <source>County</source>
      <translation>县级行政区</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="140" />
      <source>County code (empty = from the township codes)</source>
      <translation>县级行政区代码（留空 = 由乡镇代码推出）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="141" />
      <source>County name</source>
      <translation>县级行政区名称</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="46" />
      <source>County totals</source>
      <translation>全县汇总</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="135" />
      <source>County: {value} against the target {target} {unit} ({level}).</source>
      <translation>全县：{value}，目标值 {target} {unit}（{level}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="192" />
      <source>Created</source>
      <translation>创建时间</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="92" />
      <source>Created by</source>
      <translation>创建单位/人</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="40" />
      <source>Crosswalk</source>
      <translation>对照表</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="110" />
      <source>Crosswalk version</source>
      <translation>对照表版本</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="39" />
      <source>Current land use</source>
      <translation>现状用地</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="116" />
      <source>Current land use (DLTB)</source>
      <translation>现状地类图斑（DLTB）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="77" />
      <source>Current verdict: {verdict} ({reviewer}, {when})</source>
      <translation>当前结论：{verdict}（{reviewer}，{when}）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="80" />
      <source>Data quality</source>
      <translation>数据质量</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="185" />
      <source>Datasets</source>
      <translation>数据集</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="266" />
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="146" />
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="195" />
      <source>Download task package into a work package…</source>
      <translation>下载任务包到审查工作包…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="244" />
      <source>Download task package {id}</source>
      <translation>下载任务包 {id}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_pull.py" line="34" />
      <source>Downloads the review items of a catalog task package (OGC API – Features, page by page) into a work package, created when the file does not exist. Interrupted or cancelled downloads keep the pages already written; running it again adds only what is missing. An optional extent limits the download to the items it intersects. Answers are checked before use: malformed, oversized or out-of-range data is refused with a message and nothing is written.</source>
      <translation>将目录任务包中的审查图斑（OGC API – Features，分页）下载到审查工作包中；文件不存在时新建。下载中断或取消时，已写入的页面保留；再次运行只补充缺少的部分。可选的范围只下载与之相交的图斑。服务器的应答在使用前逐项检查：格式错误、过大或坐标超出范围的数据会被拒绝并给出提示，不写入任何内容。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="209" />
      <source>Draw the area on the map: click the corners, right click or double click to finish, Esc to cancel.</source>
      <translation>请在地图上绘制范围：依次单击各拐点，右键单击或双击结束，按 Esc 取消。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="246" />
      <source>Drop photos here to attach them to the selected item.</source>
      <translation>将照片拖放到此处，即可添加到所选对象。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="32" />
      <source>Duplicate key</source>
      <translation>主键重复</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="49" />
      <source>Each parcel is cut by the planned-use polygons. Its 三调 class is converted through the crosswalk and compared with the planned code at their common level (a four-digit class against a six-digit planned code compares four digits). Classes that need subdivision are decided only when every candidate code gives the same outcome; otherwise they are listed as ambiguous, never guessed. Areas are ellipsoidal (CGCS2000).</source>
      <translation>每个图斑按规划用途图斑切分。其三调地类经对照表转换后，在共同层级上与规划编码比较（四位地类与六位规划编码比较前四位）。需细分的地类，仅当所有候选编码结论一致时才判定；否则列为无法判定，绝不猜测。面积为椭球面积（CGCS2000）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="125" />
      <source>Ecological red line (STBHHX)</source>
      <translation>生态保护红线（STBHHX）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="53" />
      <source>Ellipsoidal area (CGCS2000)</source>
      <translation>椭球面积计算（CGCS2000）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="60" />
      <source>Ellipsoidal area (CGCS2000)…</source>
      <translation>椭球面积计算（CGCS2000）…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="30" />
      <source>Empty geometry</source>
      <translation>空几何</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="120" />
      <source>Error points</source>
      <translation>错误点</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="118" />
      <source>Errors</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="103" />
      <source>Every area field needs a name.</source>
      <translation>每个面积字段都需要名称。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="173" />
      <source>Every indicator was computed.</source>
      <translation>全部指标均已计算。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="393" />
      <source>Every item in the list has a verdict.</source>
      <translation>列表中的对象均已有审查结论。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="35" />
      <source>Exchange folder</source>
      <translation>交换包文件夹</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="38" />
      <source>Exchange package id</source>
      <translation>交换包编号</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="250" />
      <source>Export field package</source>
      <translation>导出外业包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="58" />
      <source>Export field package (外业包)</source>
      <translation>导出外业包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="175" />
      <source>Export field package…</source>
      <translation>导出外业包…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="25" />
      <source>Export the outbox as an exchange package (导出交换包)</source>
      <translation>导出交换包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_push.py" line="43" />
      <source>Failed (still in the outbox)</source>
      <translation>失败（仍在待上传队列中）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="79" />
      <source>Feature</source>
      <translation>要素</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="70" />
      <source>Features</source>
      <translation>要素数</translation>
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
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="26" />
      <source>Field longer than the standard</source>
      <translation>字段长度超出标准</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="25" />
      <source>Field of the wrong type</source>
      <translation>字段类型错误</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="175" />
      <source>Field package (*.gpkg)</source>
      <translation>外业包 (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="153" />
      <source>Field package (GeoPackage)</source>
      <translation>外业包（GeoPackage）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="83" />
      <source>Field package folder</source>
      <translation>外业包文件夹</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="505" />
      <source>Field package import report</source>
      <translation>外业包导入报告</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="275" />
      <source>Field package imported</source>
      <translation>外业包已导入</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="246" />
      <source>Field package written: {items} items, {events} verdicts, {photos} photos → {path}</source>
      <translation>外业包已生成：{items} 个审查对象、{events} 条结论、{photos} 张照片 → {path}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="355" />
      <source>Field photos</source>
      <translation>外业照片</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="230" />
      <source>Field photos (add a row per photo)</source>
      <translation>外业照片（每张照片添加一行）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="85" />
      <source>Field project</source>
      <translation>外业工程</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="82" />
      <source>Field reviewer</source>
      <translation>外业核查人</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="84" />
      <source>Field work package</source>
      <translation>外业工作包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/base.py" line="54" />
      <source>Field “{name}” exists in the input; its values are replaced.</source>
      <translation>输入图层已有字段“{name}”，其值将被替换。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="28" />
      <source>Finding</source>
      <translation>问题</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="88" />
      <source>Findings</source>
      <translation>检查结果</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="167" />
      <source>Folder for the field package</source>
      <translation>外业包保存文件夹</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="111" />
      <source>Folder of Shapefiles or a File GDB</source>
      <translation>Shapefile 文件夹或 File GDB</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="181" />
      <source>For an area drawn on the map…</source>
      <translation>在地图上绘制范围…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="179" />
      <source>For the chosen pilot area…</source>
      <translation>当前试点区…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="34" />
      <source>Gap within a layer</source>
      <translation>图层内缝隙</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="38" />
      <source>Generated</source>
      <translation>生成时间</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="233" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="109" />
      <source>GeoPackage (all its layers)</source>
      <translation>GeoPackage（全部图层）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="137" />
      <source>Give at least one layer, a GeoPackage or a folder to check.</source>
      <translation>请至少指定一个图层、一个 GeoPackage 或一个文件夹进行检查。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_common.py" line="60" />
      <source>Give the catalog URL or the name of a saved connection.</source>
      <translation>请填写目录服务地址或已保存连接的名称。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="129" />
      <source>Give the screened change patches, the checked construction sites or both.</source>
      <translation>请提供筛查后的监测图斑、已审查的建设项目，或两者都提供。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="106" />
      <source>Give the task id and the task name.</source>
      <translation>请填写任务编号和任务名称。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="343" />
      <source>Green</source>
      <translation>绿</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="172" />
      <source>Green (target met)</source>
      <translation>绿色（达到目标）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_style.py" line="32" />
      <source>Green: all targets met</source>
      <translation>绿色：各项目标均已达到</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="169" />
      <source>HTML files (*.html)</source>
      <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="169" />
      <source>HTML report</source>
      <translation>HTML 报告</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="267" />
      <source>History</source>
      <translation>审查记录</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="49" />
      <source>How pieces are judged</source>
      <translation>判定方法</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="192" />
      <source>Id</source>
      <translation>编号</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="37" />
      <source>Illegal</source>
      <translation>违法</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="62" />
      <source>Import an exchange package (导入交换包)</source>
      <translation>导入交换包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="174" />
      <source>Import field package</source>
      <translation>导入外业包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="140" />
      <source>Import field package (外业包)</source>
      <translation>导入外业包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="184" />
      <source>Import field package…</source>
      <translation>导入外业包…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="154" />
      <source>Import report (CSV)</source>
      <translation>导入报告（CSV）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="155" />
      <source>Import report (HTML)</source>
      <translation>导入报告（HTML）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="337" />
      <source>Indicator</source>
      <translation>指标</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="58" />
      <source>Indicator catalog</source>
      <translation>指标目录</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="160" />
      <source>Indicator catalog (JSON; empty = bundled)</source>
      <translation>指标目录（JSON；留空 = 内置）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="174" />
      <source>Indicator catalog used</source>
      <translation>所用指标目录</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="97" />
      <source>Indicator rows</source>
      <translation>指标记录数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="88" />
      <source>Indicator table (planmonitor:computeindicators)</source>
      <translation>指标表（planmonitor:computeindicators）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="118" />
      <source>Indicator-specific yellow margins: {list}.</source>
      <translation>单项指标的黄色预警区间：{list}。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="170" />
      <source>Indicators</source>
      <translation>指标数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="165" />
      <source>Indicators (long table)</source>
      <translation>监测指标（长表）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/base.py" line="85" />
      <source>Invalid geometries</source>
      <translation>无效几何</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="31" />
      <source>Invalid geometry</source>
      <translation>无效几何</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="82" />
      <source>Item</source>
      <translation>审查对象</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="95" />
      <source>Items added</source>
      <translation>新增对象</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_pull.py" line="50" />
      <source>Items already there</source>
      <translation>已存在的图斑</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_pull.py" line="49" />
      <source>Items downloaded</source>
      <translation>已下载的图斑</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_pull.py" line="47" />
      <source>Items per page</source>
      <translation>每页图斑数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="96" />
      <source>Items updated</source>
      <translation>更新对象</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="130" />
      <source>JCTBBH / code</source>
      <translation>图斑编号 / 代码</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="183" />
      <source>Keywords, e.g. 监测图斑</source>
      <translation>关键词，例如 监测图斑</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="82" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="121" />
      <source>Land use of another year, for change and trend (optional)</source>
      <translation>另一年份的地类图斑，用于变化与趋势分析（可选）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="56" />
      <source>Land-use conformity report</source>
      <translation>现状与规划符合性分析报告</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="59" />
      <source>Land-use conformity with the plan</source>
      <translation>现状与规划符合性分析</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="129" />
      <source>Last field-package import</source>
      <translation>最近一次外业包导入</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="75" />
      <source>Layer</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="88" />
      <source>Layer with ellipsoidal areas</source>
      <translation>带椭球面积的图层</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="28" />
      <source>Layer “{layer}” has no coordinate reference system: set the CRS it was delivered in.</source>
      <translation>图层“{layer}”没有坐标参考系：请设置其交付时的坐标系。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="165" />
      <source>Layer “{layer}” has no field “{field}”: choose the field holding the code.</source>
      <translation>图层“{layer}”缺少字段“{field}”：请选择存放编码的字段。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="31" />
      <source>Layer “{layer}” is in WGS 84 ({crs}), not CGCS2000: positions may differ by up to a metre.</source>
      <translation>图层“{layer}”为 WGS 84 坐标系（{crs}），不是 CGCS2000：位置可能相差达 1 米。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="34" />
      <source>Layer “{layer}” is in {crs} (CGCS2000).</source>
      <translation>图层“{layer}”的坐标系为 {crs}（CGCS2000）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="32" />
      <source>Layer “{layer}” is in {crs}, which is not a CGCS2000 coordinate system.</source>
      <translation>图层“{layer}”的坐标系为 {crs}，不是 CGCS2000 坐标系。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="30" />
      <source>Layer “{layer}” uses the Beijing 1954 datum ({crs}): convert it to CGCS2000 first.</source>
      <translation>图层“{layer}”采用北京 1954 基准（{crs}）：请先转换到 CGCS2000。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="29" />
      <source>Layer “{layer}” uses the Xi'an 1980 datum ({crs}): convert it to CGCS2000 first.</source>
      <translation>图层“{layer}”采用西安 1980 基准（{crs}）：请先转换到 CGCS2000。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="84" />
      <source>Layers checked</source>
      <translation>已检查的图层</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="107" />
      <source>Layers to check</source>
      <translation>待检查图层</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="37" />
      <source>Legal</source>
      <translation>合法</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="298" />
      <source>Loading work package</source>
      <translation>正在读取工作包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="294" />
      <source>Loading {name}…</source>
      <translation>正在读取 {name}…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="143" />
      <source>Merges the verdicts and photos of a field package into the work package. Events are matched by their id: importing the same package twice adds nothing. A field verdict that differs from a verdict recorded in the office after the export is kept as a conflict for the review panel; events for unknown items are rejected and stay in the field package. The import report (every event and photo with its outcome) is written as CSV and HTML next to the work package.</source>
      <translation>将外业包中的审查结论和照片合并到工作包。按事件编号匹配：同一外业包重复导入不会新增任何记录。外业结论若与导出后内业新记录的结论不同，将作为冲突保留，在试点审查面板中处理；针对未知对象的事件被拒收，仍保留在外业包中。导入报告（每条事件和照片及其处理结果）以 CSV 和 HTML 写在工作包旁。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="81" />
      <source>Message</source>
      <translation>信息</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="82" />
      <source>Monitoring and evaluation</source>
      <translation>监测评估</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="79" />
      <source>Monitoring indicators and early warning</source>
      <translation>监测评估指标与预警</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="69" />
      <source>Monitoring indicators report</source>
      <translation>监测评估指标报告</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="55" />
      <source>Monitoring year</source>
      <translation>监测年份</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="118" />
      <source>Monitoring year of the land use (empty = its SJNF field)</source>
      <translation>地类图斑的监测年份（留空 = 取 SJNF 字段）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="110" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="118" />
      <source>Nature reserves (自然保护地; optional)</source>
      <translation>自然保护地（可选）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="33" />
      <source>Needs justification</source>
      <translation>需论证</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="220" />
      <source>Next unreviewed ▶</source>
      <translation>下一个未审查 ▶</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="48" />
      <source>No conflicts.</source>
      <translation>无冲突。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="21" />
      <source>No coordinate reference system</source>
      <translation>无坐标参考系</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="29" />
      <source>No geometry</source>
      <translation>无几何</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="167" />
      <source>No indicator was computed in both years.</source>
      <translation>没有指标在两个年份均完成计算。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="85" />
      <source>No plan targets were given: values are reported without warning levels.</source>
      <translation>未提供规划目标：仅报告指标值，不评定预警等级。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="86" />
      <source>No problems found.</source>
      <translation>未发现问题。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="141" />
      <source>No review items: the inputs are empty (or no patch is suspected).</source>
      <translation>没有审查对象：输入为空（或没有疑似违法图斑）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_style.py" line="32" />
      <source>No target given</source>
      <translation>未提供目标</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="48" />
      <source>No township codes: see the county totals.</source>
      <translation>无乡镇代码：请查看全县汇总。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="197" />
      <source>No township layer and no ZLDWDM field: totals are given for the whole area only.</source>
      <translation>未提供乡镇图层且无 ZLDWDM 字段：仅给出全域汇总。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="74" />
      <source>No verdict yet.</source>
      <translation>尚无审查结论。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="155" />
      <source>No work package open</source>
      <translation>未打开工作包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="32" />
      <source>Non-compliant</source>
      <translation>不合规</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="109" />
      <source>Non-compliant sites</source>
      <translation>不合规项目数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="104" />
      <source>Nonconforming area (m²)</source>
      <translation>不符合规划面积（平方米）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="248" />
      <source>Nonconforming: {bad:.2f} 公顷 (construction against the plan {built:.2f} 公顷); ambiguous: {ambiguous:.2f} 公顷; {pieces} pieces written.</source>
      <translation>不符合规划：{bad:.2f} 公顷（其中现状建设、规划非建设 {built:.2f} 公顷）；无法判定：{ambiguous:.2f} 公顷；共输出 {pieces} 个图斑。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="22" />
      <source>Not a CGCS2000 coordinate system</source>
      <translation>非 CGCS2000 坐标系</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="176" />
      <source>Not computed</source>
      <translation>未计算的指标</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="302" />
      <source>Not found on the catalog (404): check the connection URL and the task package.</source>
      <translation>目录中未找到（404）：请检查连接地址和任务包。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_push.py" line="43" />
      <source>Not sent (local problem)</source>
      <translation>未发送（本地问题）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="261" />
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="90" />
      <source>Number of features</source>
      <translation>要素数量</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="126" />
      <source>Number of layers checked</source>
      <translation>已检查图层数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="187" />
      <source>Only in the current map extent</source>
      <translation>仅限当前地图范围</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_pull.py" line="45" />
      <source>Only items in this extent</source>
      <translation>仅下载此范围内的图斑</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="80" />
      <source>Only suspected patches</source>
      <translation>仅疑似违法图斑</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="78" />
      <source>Only the selected item</source>
      <translation>仅显示所选审查对象</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="284" />
      <source>Open a work package first.</source>
      <translation>请先打开工作包。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="276" />
      <source>Open report</source>
      <translation>打开报告</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="287" />
      <source>Open verdict in conflict with another open verdict of this item</source>
      <translation>该结论与本审查对象的另一条有效结论相冲突</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="281" />
      <source>Open work package</source>
      <translation>打开工作包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="151" />
      <source>Open work package…</source>
      <translation>打开工作包…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="37" />
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="104" />
      <source>Outbox: {count} waiting for the server ({rejected} rejected, to correct)</source>
      <translation>待上传队列：{count} 项等待服务器确认（其中 {rejected} 项被拒收，需更正）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="33" />
      <source>Overlap within a layer</source>
      <translation>图层内重叠</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="133" />
      <source>Overlaying current and planned land use…</source>
      <translation>正在叠加现状与规划用地……</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/convert_land_use.py" line="65" />
      <source>Parcels converted</source>
      <translation>已转换图斑数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/convert_land_use.py" line="65" />
      <source>Parcels needing subdivision</source>
      <translation>待细分图斑数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="108" />
      <source>Parcels with invalid geometry</source>
      <translation>几何无效的图斑数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/convert_land_use.py" line="64" />
      <source>Parcels with planning classes</source>
      <translation>带用地用海分类的图斑</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/convert_land_use.py" line="66" />
      <source>Parcels with unknown codes</source>
      <translation>代码未知的图斑数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/convert_land_use.py" line="66" />
      <source>Parcels without a code</source>
      <translation>无地类代码的图斑数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="150" />
      <source>Parks and squares (optional; default: land-use classes 0810/0810A)</source>
      <translation>公园绿地与广场（可选；默认取地类 0810/0810A）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="60" />
      <source>Patches</source>
      <translation>图斑数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="126" />
      <source>Permanent basic farmland (YJJBNTBHTB)</source>
      <translation>永久基本农田（YJJBNTBHTB）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="315" />
      <source>Photo file</source>
      <translation>照片文件</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="471" />
      <source>Photo positions</source>
      <translation>照片位置</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="565" />
      <source>Photo {name} not attached: {error}</source>
      <translation>照片 {name} 未添加：{error}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="87" />
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="547" />
      <source>Photos (*.jpg *.jpeg *.png *.heic *.tif *.tiff)</source>
      <translation>照片 (*.jpg *.jpeg *.png *.heic *.tif *.tiff)</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="37" />
      <source>Photos exported</source>
      <translation>已导出的照片</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="43" />
      <source>Pieces</source>
      <translation>图斑数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="99" />
      <source>Pieces not conforming to the plan</source>
      <translation>不符合规划图斑</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="107" />
      <source>Pieces written</source>
      <translation>输出图斑数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="165" />
      <source>Pilot area</source>
      <translation>试点区</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="75" />
      <source>Pilot area ids (comma separated, empty = all)</source>
      <translation>试点区编号（逗号分隔，留空为全部）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="470" />
      <source>Pilot areas</source>
      <translation>试点区</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="268" />
      <source>Pilot-area indicators</source>
      <translation>试点区指标</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="112" />
      <source>Pilot-area review</source>
      <translation>试点审查</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="62" />
      <source>Pilot-area review panel</source>
      <translation>试点审查面板</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="145" />
      <source>Plan targets (GHMB: CSV, XLSX or table)</source>
      <translation>规划目标表（GHMB：CSV、XLSX 或表）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="57" />
      <source>PlanMonitor</source>
      <translation>规划实施监测</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="106" />
      <source>PlanMonitor needs the Python packages {names}; its algorithms are disabled. Install them from the OSGeo4W Shell (Windows) or a terminal with: {command} and restart QGIS.</source>
      <translation>规划实施监测插件需要 Python 包 {names}，其算法暂不可用。请在 OSGeo4W Shell（Windows）或终端中运行：{command}，然后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/provider.py" line="47" />
      <source>PlanMonitor – territorial spatial plan monitoring</source>
      <translation>规划实施监测 – 国土空间规划实施监测</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="39" />
      <source>Planned land use</source>
      <translation>规划用地</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="89" />
      <source>Planned land use (YDYHGHFQ)</source>
      <translation>规划用地用海（YDYHGHFQ）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="91" />
      <source>Planned use code field</source>
      <translation>规划用途编码字段</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="93" />
      <source>Planning data quality report</source>
      <translation>规划数据质检报告</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="516" />
      <source>Please fill in: {fields}</source>
      <translation>请填写：{fields}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="79" />
      <source>Polygon layer</source>
      <translation>面图层</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="143" />
      <source>Population table (RKSJ: CSV, XLSX or table)</source>
      <translation>人口数据表（RKSJ：CSV、XLSX 或表）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="130" />
      <source>Project name</source>
      <translation>项目名称</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_pull.py" line="31" />
      <source>Pull a task package from the catalog (下载任务包)</source>
      <translation>从目录下载任务包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="253" />
      <source>Push outbox</source>
      <translation>上传待上传队列</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="293" />
      <source>Push outbox of {name}</source>
      <translation>上传 {name} 的待上传队列</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="91" />
      <source>Push results</source>
      <translation>上传结果</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_push.py" line="25" />
      <source>Push review results to the catalog (上传核查结果)</source>
      <translation>上传核查结果</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_push.py" line="28" />
      <source>Pushes the outbox of a work package — verdict events, then photos (with sha256) — to the catalog (OGC API – Features Part 4 create with the client's ids). Every item gets a receipt in the work package: accepted, already on the server (an earlier answer was lost), or rejected with the reason. Time-outs and server errors are retried with backoff; an item leaves the outbox only when the server acknowledged it, so running it again after an interruption never duplicates anything. Optionally pulls other reviewers' events afterwards and lists conflicts.</source>
      <translation>将审查工作包的待上传队列——先核查结论，后现场照片（附 sha256）——上传到目录（OGC API – Features 第 4 部分创建，使用客户端生成的编号）。每一项都在工作包中留有回执：已接收、服务器上已有（之前的应答丢失），或被拒绝及原因。超时和服务器错误按退避策略重试；只有服务器确认后才移出待上传队列，因此中断后再次运行不会产生重复。可选：上传后下载其他核查人员的结论并列出冲突。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="190" />
      <source>Reading layers…</source>
      <translation>正在读取图层…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="178" />
      <source>Reading {layer}…</source>
      <translation>正在读取 {layer}…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="82" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="94" />
      <source>Reasons</source>
      <translation>疑似违法原因</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="263" />
      <source>Receipts</source>
      <translation>回执</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="83" />
      <source>Received</source>
      <translation>接收时间</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="142" />
      <source>Record verdict</source>
      <translation>记录结论</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="254" />
      <source>Records the selected verdict again, as a new event by you that supersedes both sides of the conflict</source>
      <translation>以您的名义将所选结论重新记录为一条新结论，取代冲突双方的结论</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="343" />
      <source>Red</source>
      <translation>红</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="171" />
      <source>Red warnings</source>
      <translation>红色预警</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_style.py" line="31" />
      <source>Red: a target is missed</source>
      <translation>红色：有指标未达到目标</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="80" />
      <source>Reference layers to clip</source>
      <translation>需裁剪的参考图层</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="79" />
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="77" />
      <source>Refused entries</source>
      <translation>被拒绝的条目</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="88" />
      <source>Refused {id}: {reason}</source>
      <translation>已拒绝 {id}：{reason}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="76" />
      <source>Rejected</source>
      <translation>被拒绝</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="115" />
      <source>Remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/base.py" line="85" />
      <source>Repair them and list them</source>
      <translation>修复并列出</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="24" />
      <source>Required field missing</source>
      <translation>缺少必填字段</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="253" />
      <source>Resolve with this verdict</source>
      <translation>采用此结论解决冲突</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="112" />
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="59" />
      <source>Review</source>
      <translation>审查</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="470" />
      <source>Review items</source>
      <translation>审查对象</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="516" />
      <source>Reviewer</source>
      <translation>审查人</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="156" />
      <source>Roads (lines)</source>
      <translation>道路（线）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="70" />
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="51" />
      <source>Role override “{item}” is not “layer=role” with a known role ({roles}).</source>
      <translation>角色覆盖“{item}”不符合“layer=role”格式，或角色未知（可用角色：{roles}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="114" />
      <source>Role overrides (layer=role;…)</source>
      <translation>角色覆盖（layer=role;…）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="112" />
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="75" />
      <source>Rule id</source>
      <translation>规则编号</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="41" />
      <source>Rule pack</source>
      <translation>规则包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="55" />
      <source>Rule pack (JSON; empty = bundled default)</source>
      <translation>规则包（JSON；留空则使用内置默认规则包）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="62" />
      <source>Rule pack used</source>
      <translation>所用规则包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="64" />
      <source>Rule set</source>
      <translation>规则集</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="116" />
      <source>Rule set (JSON; empty = bundled default)</source>
      <translation>规则集（JSON；留空则使用内置默认规则集）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="131" />
      <source>Rules</source>
      <translation>规则</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="114" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_common.py" line="36" />
      <source>Saved catalog connection (name)</source>
      <translation>已保存的目录连接（名称）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="34" />
      <source>Screen change patches (疑似违法筛查)</source>
      <translation>监测图斑疑似违法筛查</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="78" />
      <source>Screened change patches (planmonitor:screenchangepatches)</source>
      <translation>筛查后的监测图斑（planmonitor:screenchangepatches）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="57" />
      <source>Screened patches (review queue)</source>
      <translation>筛查后的图斑（审查清单）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="37" />
      <source>Screens monitoring change patches (JCTBBH, TBLX, JCMJ, BGQDL, BGHDL) against the ecological red line, permanent basic farmland, cultivated land, the urban development boundary and the planned land use (the class after the change, BGHDL, converted to 用地用海 through the crosswalk), and against approved land when given. A patch that is not compliant and not covered by approvals is flagged as a suspected violation (suspected = true) with its reasons in Chinese and English and the area of every rule in m², 公顷 and 亩; the unapproved area is reported too. The output is the review queue: filter on suspected. Same rule pack as the site check.</source>
      <translation>将监测图斑（JCTBBH、TBLX、JCMJ、BGQDL、BGHDL）与生态保护红线、永久基本农田、耕地、城镇开发边界及规划用途（变更后地类 BGHDL 经对照表转换为用地用海分类后判断）进行比对；如提供批准用地图层，还检查是否已批。不合规且未被批准用地覆盖的图斑标记为疑似违法（suspected = true），并给出中英文原因及各规则面积（平方米、公顷、亩），同时报告未批面积。输出即审查清单：按 suspected 筛选。与项目选址审查使用同一规则包。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="189" />
      <source>Search</source>
      <translation>搜索</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="196" />
      <source>Search JCTBBH / project name</source>
      <translation>搜索图斑编号 / 项目名称</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="90" />
      <source>Search and download</source>
      <translation>搜索与下载</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="555" />
      <source>Select an item before attaching photos.</source>
      <translation>请先选择审查对象，再添加照片。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="483" />
      <source>Select an item first.</source>
      <translation>请先选择一个审查对象。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="510" />
      <source>Select one of the conflicting verdicts in the history first.</source>
      <translation>请先在审查记录中选择一条冲突结论。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_push.py" line="39" />
      <source>Send items the catalog rejected before again</source>
      <translation>重新发送之前被目录拒绝的条目</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="261" />
      <source>Server</source>
      <translation>服务器</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="97" />
      <source>Server receipts</source>
      <translation>服务器回执</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="82" />
      <source>Server time</source>
      <translation>服务器时间</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="75" />
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/layers.py" line="112" />
      <source>Shapefile without a .cpg file and its text is neither UTF-8 nor GBK: set the layer's encoding in its properties, or add a .cpg file.</source>
      <translation>Shapefile 没有 .cpg 文件，且其文本既不是 UTF-8 也不是 GBK：请在图层属性中设置编码，或添加 .cpg 文件。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/layers.py" line="115" />
      <source>Shapefile without a .cpg file: its text was read as {encoding} (detected). Add a .cpg file saying {encoding} to make this certain.</source>
      <translation>Shapefile 没有 .cpg 文件：已按检测到的 {encoding} 编码读取文本。请添加内容为 {encoding} 的 .cpg 文件以确保无误。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="43" />
      <source>Share (%)</source>
      <translation>占比（%）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="89" />
      <source>Showing the first {n} of {total} findings; all are in the error layers.</source>
      <translation>仅显示 {total} 条检查结果中的前 {n} 条；全部结果见错误图层。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="25" />
      <source>Site</source>
      <translation>项目</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="109" />
      <source>Sites</source>
      <translation>项目选址</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="110" />
      <source>Sites needing justification</source>
      <translation>需论证项目数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="104" />
      <source>Sites with verdicts</source>
      <translation>带审查结论的项目选址</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/base.py" line="85" />
      <source>Skip them and list them</source>
      <translation>跳过并列出</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="95" />
      <source>Sliver tolerance (m²)</source>
      <translation>碎片容差（平方米）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="42" />
      <source>Software</source>
      <translation>软件</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="261" />
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="304" />
      <source>Started in the task manager: {task}</source>
      <translation>已在任务管理器中启动：{task}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="82" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_push.py" line="46" />
      <source>Still in the outbox</source>
      <translation>仍在待上传队列中</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="145" />
      <source>Sub-type</source>
      <translation>细分类型</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="122" />
      <source>Summary</source>
      <translation>汇总</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="291" />
      <source>Superseded by a later verdict</source>
      <translation>已被后续结论取代</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="61" />
      <source>Suspected violations</source>
      <translation>疑似违法图斑数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="269" />
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="328" />
      <source>Sync failed.</source>
      <translation>同步失败。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="337" />
      <source>Target</source>
      <translation>规划目标</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="147" />
      <source>Target year (empty = the only one in the table)</source>
      <translation>目标年份（留空 = 表中唯一的年份）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="90" />
      <source>Task id</source>
      <translation>任务编号</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="91" />
      <source>Task name</source>
      <translation>任务名称</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_pull.py" line="42" />
      <source>Task package id (catalog record)</source>
      <translation>任务包编号（目录记录）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="185" />
      <source>Task packages</source>
      <translation>任务包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="114" />
      <source>Test</source>
      <translation>测试</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="23" />
      <source>Text encoding uncertain</source>
      <translation>文本编码不确定</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="127" />
      <source>The area layer holds no polygon.</source>
      <translation>范围图层中没有面要素。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="305" />
      <source>The catalog did not answer in time.</source>
      <translation>目录服务未在规定时间内应答。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="300" />
      <source>The catalog does not allow this account to do that (403): ask the catalog administrator.</source>
      <translation>目录不允许此账号执行该操作（403）：请联系目录管理员。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="316" />
      <source>The catalog holds a different item under the same id; nothing was overwritten.</source>
      <translation>目录中已有同一编号的其他条目；未覆盖任何内容。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="303" />
      <source>The catalog refused an item as too large (413): send large photos through an exchange package.</source>
      <translation>目录以过大为由拒绝了一个条目（413）：大照片请通过交换包传递。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="298" />
      <source>The catalog refused the credentials (401): check the authentication configuration of this connection.</source>
      <translation>目录拒绝了登录凭据（401）：请检查此连接的认证配置。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="310" />
      <source>The catalog sent a link to another server; it was not followed.</source>
      <translation>目录返回了指向其他服务器的链接，未予访问。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="312" />
      <source>The catalog sent an invalid geometry; the answer was refused.</source>
      <translation>目录返回了无效的几何图形，应答已被拒绝。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="311" />
      <source>The catalog sent an unsafe file name; it was refused.</source>
      <translation>目录返回了不安全的文件名，已被拒绝。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="307" />
      <source>The catalog still failed after several attempts; the items stay in the outbox.</source>
      <translation>多次尝试后目录仍然失败；条目保留在待上传队列中。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="315" />
      <source>The catalog's answer is malformed; it was refused.</source>
      <translation>目录的应答格式错误，已被拒绝。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="313" />
      <source>The catalog's answer is too large; it was refused.</source>
      <translation>目录的应答过大，已被拒绝。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="314" />
      <source>The catalog's answer was cut off.</source>
      <translation>目录的应答被截断。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="320" />
      <source>The exchange package holds a path outside its folder and is refused.</source>
      <translation>交换包中含有指向其文件夹之外的路径，已被拒绝。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="318" />
      <source>The exchange package is incomplete and is refused (copy interrupted?).</source>
      <translation>交换包不完整，已被拒绝（复制是否中断？）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="317" />
      <source>The exchange package was altered after export and is refused.</source>
      <translation>交换包在导出后被改动，已被拒绝。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="319" />
      <source>The exchange package's manifest is missing or damaged; the package is refused.</source>
      <translation>交换包的清单文件缺失或损坏，已被拒绝。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="238" />
      <source>The field project cannot load the layer “{layer}”.</source>
      <translation>外业工程无法加载图层“{layer}”。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="235" />
      <source>The indicator inputs do not fit together: {error}</source>
      <translation>指标输入数据不匹配：{error}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/convert_land_use.py" line="76" />
      <source>The layer has no field “{field}”: choose the field holding the 三调 land class code.</source>
      <translation>图层中没有字段“{field}”：请选择存放三调地类代码的字段。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="284" />
      <source>The outbox was empty.</source>
      <translation>待上传队列为空。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="326" />
      <source>The plan targets table needs the columns XZQDM, ZBDM, ND, MBZ (GHMB) or unit_code, indicator, year, target; it has: {columns}.</source>
      <translation>规划目标表须包含 XZQDM、ZBDM、ND、MBZ 列（GHMB），或 unit_code、indicator、year、target 列；现有列：{columns}。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_push.py" line="71" />
      <source>The push stopped early: {reason}</source>
      <translation>上传提前停止：{reason}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="154" />
      <source>The review items have no geometry: give a pilot-area layer.</source>
      <translation>审查对象没有几何图形：请提供试点区图层。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="105" />
      <source>The three area fields need different names.</source>
      <translation>三个面积字段的名称必须互不相同。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="184" />
      <source>The township layer has no field “XZQDM”.</source>
      <translation>乡镇图层缺少字段“XZQDM”。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="292" />
      <source>The units layer has no field “{field}”: choose the unit code and name fields.</source>
      <translation>行政区图层没有“{field}”字段：请选择行政区代码和名称字段。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="284" />
      <source>The year of “{layer}” is unknown: give the monitoring year (the layer has no SJNF values).</source>
      <translation>无法确定“{layer}”的年份：请填写监测年份（该图层没有 SJNF 值）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="252" />
      <source>Then pull other reviewers' verdicts</source>
      <translation>随后下载其他核查人员的结论</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_common.py" line="57" />
      <source>There is no saved catalog connection named “{name}”.</source>
      <translation>没有名为“{name}”的已保存目录连接。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="177" />
      <source>These indicators lack an input; they are not reported as zero.</source>
      <translation>以下指标缺少输入数据，未按零值报告。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="108" />
      <source>These warning thresholds are local configuration: no national early-warning thresholds are published. Set them for your county in a thresholds file.</source>
      <translation>以下预警阈值属本地配置：国家未发布监测预警阈值。请在阈值文件中按本县实际设定。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="309" />
      <source>This value cannot be sent to the catalog.</source>
      <translation>该值不能发送到目录。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_common.py" line="42" />
      <source>Time-out per request (seconds)</source>
      <translation>每个请求的超时时间（秒）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="192" />
      <source>Title</source>
      <translation>标题</translation>
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
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="101" />
      <source>Totals per township</source>
      <translation>分乡镇汇总</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="131" />
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="86" />
      <source>Townships (XZQ), one pilot area each</source>
      <translation>乡镇（XZQ），每个乡镇一个试点区</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="93" />
      <source>Townships (XZQ, field XZQDM; optional)</source>
      <translation>乡镇（XZQ，字段 XZQDM；可选）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="102" />
      <source>Traffic-light overview</source>
      <translation>红绿灯总览</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="164" />
      <source>Trend</source>
      <translation>趋势</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="130" />
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="111" />
      <source>URL</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="101" />
      <source>Unit</source>
      <translation>行政单元</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="134" />
      <source>Unit code field (empty = XZQDM)</source>
      <translation>行政区代码字段（留空 = XZQDM）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="137" />
      <source>Unit name field (empty = XZQMC)</source>
      <translation>行政区名称字段（留空 = XZQMC）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="148" />
      <source>Unit of measure</source>
      <translation>计量单位</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="167" />
      <source>Units with indicators</source>
      <translation>行政区监测指标</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_model.py" line="37" />
      <source>Unreviewed</source>
      <translation>未审查</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="171" />
      <source>Updating the existing work package: verdicts and photos are kept.</source>
      <translation>正在更新已有工作包：审查结论和照片均保留。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="158" />
      <source>Urban area (城区范围), for road network density</source>
      <translation>城区范围，用于计算道路网密度</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="127" />
      <source>Urban development boundary (CZKFBJ)</source>
      <translation>城镇开发边界（CZKFBJ）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="77" />
      <source>Validate planning data</source>
      <translation>规划数据质检</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="337" />
      <source>Value</source>
      <translation>现状值</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="170" />
      <source>Values not computed</source>
      <translation>未计算的指标值</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="113" />
      <source>Values within {tolerance} % of the target count as equal to it (planar targets against ellipsoidal areas).</source>
      <translation>与目标值相差 {tolerance}% 以内视为相等（平面面积目标与椭球面积之间的差异）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="265" />
      <source>Verdict</source>
      <translation>结论</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="314" />
      <source>Verdict (optional)</source>
      <translation>结论（可选）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="86" />
      <source>Verdict events</source>
      <translation>审查结论记录</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="36" />
      <source>Verdict events exported</source>
      <translation>已导出的核查结论</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="499" />
      <source>Verdict recorded for {item}.</source>
      <translation>已记录 {item} 的审查结论。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="229" />
      <source>Verdicts (add a row per decision)</source>
      <translation>审查结论（每次判定新增一行）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_push.py" line="47" />
      <source>Verdicts pulled from the catalog</source>
      <translation>从目录下载的核查结论</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="65" />
      <source>Verifies an exchange package folder against its manifest (sha256 and size of every file) and refuses it, naming every problem, when a file is missing, changed or unexpected. A verified package is copied beside the work package and its verdict events and photos are merged by their ids: re-importing is harmless, conflicting verdicts are listed, and the imported items join the outbox for the catalog.</source>
      <translation>按清单（每个文件的 sha256 和大小）校验交换包文件夹；有文件缺失、被改动或多余时拒绝导入，并逐一列出问题。校验通过的交换包复制到审查工作包旁边，其中的核查结论和照片按编号合并：重复导入无副作用，冲突的结论会列出，导入的条目加入待上传队列，等待上传到目录。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="337" />
      <source>Warning</source>
      <translation>预警</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="59" />
      <source>Warning thresholds</source>
      <translation>预警阈值</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="162" />
      <source>Warning thresholds (JSON; empty = bundled local defaults)</source>
      <translation>预警阈值（JSON；留空 = 内置的本地默认值）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="120" />
      <source>Warning thresholds (local configuration)</source>
      <translation>预警阈值（本地配置）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="125" />
      <source>Warnings</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="261" />
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="233" />
      <source>Work package</source>
      <translation>工作包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="281" />
      <source>Work package (*.gpkg)</source>
      <translation>工作包 (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_common.py" line="47" />
      <source>Work package (GeoPackage)</source>
      <translation>审查工作包（GeoPackage）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="61" />
      <source>Writes a folder for the field laptop (or QField): the part of the work package for the chosen pilot areas (items, verdicts so far, photos, indicators), the reference layers clipped to those areas (参考图层.gpkg) and a QGIS project whose verdict form offers the verdicts and sub-types as lists and fills the event id, times and reviewer by itself, a photo table whose attachment field takes the photos saved in the folder 照片 (paths relative to the project) and that folder. Pilot areas: their ids separated by commas, empty for all. Area: polygons (their union; only the selected ones if “selected features only” is ticked) to export instead of pilot areas — only the items they touch go out and the reference layers are clipped to them; with pilot areas too, both conditions apply. Bring the folder back and run “Import field package”.</source>
      <translation>为外业笔记本（或 QField）写出一个文件夹：所选试点区的工作包部分（审查对象、已有结论、照片、指标）、裁剪到这些试点区的参考图层（参考图层.gpkg），以及一个 QGIS 工程：其结论表单以列表提供结论和子类型，并自动填写事件编号、时间和审查人；一个照片表，其附件字段接收保存在“照片”文件夹中的照片（路径相对于工程），以及该文件夹。试点区：用逗号分隔的编号，留空为全部。范围：用面要素（取其并集；勾选“仅选中要素”时只用选中的）代替试点区导出——只导出与其相交的审查对象，参考图层裁剪到该范围；同时给出试点区时，两个条件同时适用。把文件夹带回后运行“导入外业包”。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="28" />
      <source>Writes the outbox of a work package — verdict events and photos not yet acknowledged by the catalog — into an empty folder, with manifest.json listing the sha256 and size of every file (written last). Carry the folder to the networked side and import it there. The outbox is unchanged: only the catalog's receipts empty it.</source>
      <translation>将审查工作包的待上传队列——目录尚未确认的核查结论和照片——写入一个空文件夹，并附 manifest.json 清单，列出每个文件的 sha256 和大小（最后写入）。将文件夹带到联网一侧后导入。待上传队列保持不变：只有目录的回执才会清空它。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="65" />
      <source>Writes the work package of a review task: one GeoPackage with the pilot areas, the review items (the screened change patches of planmonitor:screenchangepatches and/or the sites of planmonitor:sitecompliance, each with its check results, classes before/after and ellipsoidal areas), the indicator snapshot of each pilot area and empty, append-only verdict and photo tables. Pilot areas come from the pilot-area layer, else one per township of the township layer, else one for the whole extent. Running it again on an existing package of the same task adds and updates items and never touches a verdict. Open the package in the review panel (plugin menu ▸ Review panel).</source>
      <translation>生成一个审查任务的工作包：一个 GeoPackage，包含试点区、审查对象（planmonitor:screenchangepatches 筛查后的监测图斑和/或 planmonitor:sitecompliance 审查后的建设项目，每个对象带检查结果、变化前后地类和椭球面积）、各试点区的指标快照，以及只增不改的审查结论表和照片表（初始为空）。试点区取自试点区图层；未提供时按行政区图层每个乡镇一个试点区；再未提供则整个范围为一个试点区。对同一任务的已有工作包再次运行时，只新增和更新审查对象，绝不改动已有结论。请在试点审查面板（插件菜单 ▸ 试点审查面板）中打开工作包。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="123" />
      <source>Year of the other land use (empty = its SJNF field)</source>
      <translation>另一年份地类图斑的年份（留空 = 取 SJNF 字段）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="343" />
      <source>Yellow</source>
      <translation>黄</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="171" />
      <source>Yellow warnings</source>
      <translation>黄色预警</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_style.py" line="31" />
      <source>Yellow: close to a target</source>
      <translation>黄色：有指标接近目标</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="223" />
      <source>Zoom to item</source>
      <translation>缩放至对象</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="35" />
      <source>a custom CRS</source>
      <translation>自定义坐标系</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="66" />
      <source>accepted</source>
      <translation>已接收</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="170" />
      <source>accepts pushed results</source>
      <translation>可接收上传的结果</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="66" />
      <source>already on the server</source>
      <translation>服务器上已有</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="17" />
      <source>ambiguous: class needs subdivision (需细分)</source>
      <translation>地类需细分、无法判定</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="62" />
      <source>area,ellipsoid,CGCS2000,hectare,mu,TBMJ</source>
      <translation>面积,椭球,CGCS2000,公顷,亩,TBMJ,图斑面积,椭球面积</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="244" />
      <source>bearing {value:.0f}°</source>
      <translation>方位角 {value:.0f}°</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="55" />
      <source>compared with</source>
      <translation>对比</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="16" />
      <source>compliant (合规)</source>
      <translation>合规</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="514" />
      <source>conflicting</source>
      <translation>冲突</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="16" />
      <source>conforming (符合规划)</source>
      <translation>符合规划</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="23" />
      <source>construction where the plan has non-construction use</source>
      <translation>现状建设用地、规划非建设用地</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="130" />
      <source>current land use</source>
      <translation>现状用地</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="170" />
      <source>does not accept pushed results (read-only)</source>
      <translation>不接收上传的结果（只读）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="29" />
      <source>down</source>
      <translation>下降</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="142" />
      <source>drawn area</source>
      <translation>绘制范围</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="514" />
      <source>duplicate</source>
      <translation>重复</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="42" />
      <source>error</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="339" />
      <source>failed, stays in the outbox</source>
      <translation>失败，保留在待上传队列中</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="328" />
      <source>field package</source>
      <translation>外业包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="29" />
      <source>flat</source>
      <translation>持平</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="104" />
      <source>found</source>
      <translation>当前版本</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="24" />
      <source>green</source>
      <translation>绿色</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="29" />
      <source>ha</source>
      <translation>公顷</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="29" />
      <source>improving</source>
      <translation>向好</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="59" />
      <source>local configuration</source>
      <translation>本地配置</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="17" />
      <source>needs justification (需论证)</source>
      <translation>需论证</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="238" />
      <source>no GPS position</source>
      <translation>无GPS位置</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="25" />
      <source>no direction</source>
      <translation>无方向</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="428" />
      <source>no photo file given</source>
      <translation>未填写照片文件</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="24" />
      <source>no target</source>
      <translation>无目标</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="16" />
      <source>non-compliant (不合规)</source>
      <translation>不合规</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="16" />
      <source>nonconforming (不符合规划)</source>
      <translation>不符合规划</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="69" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="17" />
      <source>not checked</source>
      <translation>未检查</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="362" />
      <source>not computed</source>
      <translation>未计算</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="19" />
      <source>not covered by the plan (规划未覆盖)</source>
      <translation>规划未覆盖</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="47" />
      <source>not recognised</source>
      <translation>未识别</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="339" />
      <source>not sent</source>
      <translation>未发送</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="130" />
      <source>open the report</source>
      <translation>打开报告</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="25" />
      <source>other class difference</source>
      <translation>其他地类不一致</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="110" />
      <source>photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="24" />
      <source>planned construction not built yet</source>
      <translation>规划建设用地、现状尚未建设</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="132" />
      <source>planned land use</source>
      <translation>规划用地</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="86" />
      <source>quality,validation,topology,overlap,gap,三线冲突,质检,DLTB</source>
      <translation>quality,validation,topology,overlap,gap,质量,质检,数据质检,拓扑,重叠,缝隙,三线冲突,国土空间规划,DLTB</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="24" />
      <source>red</source>
      <translation>红色</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="66" />
      <source>rejected</source>
      <translation>已拒收</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="329" />
      <source>server</source>
      <translation>服务器</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="30" />
      <source>stable</source>
      <translation>稳定</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="129" />
      <source>target</source>
      <translation>目标值</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="98" />
      <source>target met with a margin</source>
      <translation>达到目标且留有余量</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="100" />
      <source>target missed</source>
      <translation>未达到目标</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="329" />
      <source>this package</source>
      <translation>本工作包</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="18" />
      <source>unclassified: missing or unknown code</source>
      <translation>代码缺失或无法识别</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="29" />
      <source>up</source>
      <translation>上升</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="110" />
      <source>verdict</source>
      <translation>结论</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="42" />
      <source>warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="99" />
      <source>within the yellow margin of the target</source>
      <translation>处于目标值的黄色预警区间内</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="30" />
      <source>worsening</source>
      <translation>趋差</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="24" />
      <source>yellow</source>
      <translation>黄色</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/sync_client.py" line="348" />
      <source>{accepted} accepted, {duplicate} already on the server, {rejected} rejected, {failed} failed, {skipped} not sent</source>
      <translation>已接收 {accepted} 项，服务器上已有 {duplicate} 项，被拒绝 {rejected} 项，失败 {failed} 项，未发送 {skipped} 项</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="95" />
      <source>{accepted} added, {duplicate} already there, {conflicting} conflicting, {rejected} rejected</source>
      <translation>已添加 {accepted} 项，已存在 {duplicate} 项，冲突 {conflicting} 项，被拒绝 {rejected} 项</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="184" />
      <source>{count} features have invalid geometries; their areas follow the rings as drawn — repair them to be sure (feature ids: {ids}).</source>
      <translation>{count} 个要素几何无效，其面积按现有边界环计算——请修复后再确认（要素编号：{ids}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="181" />
      <source>{count} features have no geometry; their areas are NULL (feature ids: {ids}).</source>
      <translation>{count} 个要素没有几何，其面积为空值（要素编号：{ids}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/base.py" line="102" />
      <source>{count} features of the {layer} layer have invalid geometries and were repaired (feature ids: {ids}).</source>
      <translation>{layer}图层有 {count} 个要素几何无效，已修复（要素编号：{ids}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/base.py" line="100" />
      <source>{count} features of the {layer} layer have invalid geometries and were skipped (feature ids: {ids}).</source>
      <translation>{layer}图层有 {count} 个要素几何无效，已跳过（要素编号：{ids}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="187" />
      <source>{count} features, total area {m2:.2f} m² = {ha:.4f} 公顷 = {mu:.4f} 亩.</source>
      <translation>共 {count} 个要素，总面积 {m2:.2f} 平方米 = {ha:.4f} 公顷 = {mu:.4f} 亩。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="253" />
      <source>{count} indicators for {units} units in {year}: {red} red, {yellow} yellow, {green} green; {missing} values not computed (see the reason column).</source>
      <translation>{year} 年 {units} 个行政单元的 {count} 项指标：红色 {red} 项，黄色 {yellow} 项，绿色 {green} 项；{missing} 个指标值未计算（见原因列）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="241" />
      <source>{count} items downloaded: {inserted} added, {unchanged} already there → {path}</source>
      <translation>已下载 {count} 个图斑：新增 {inserted} 个，已存在 {unchanged} 个 → {path}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="226" />
      <source>{count} records found.</source>
      <translation>找到 {count} 条记录。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="142" />
      <source>{count} review items read.</source>
      <translation>已读取 {count} 个审查对象。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="290" />
      <source>{count} still in the outbox</source>
      <translation>仍有 {count} 项在待上传队列中</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/sync_dialog.py" line="287" />
      <source>{count} verdicts pulled, {conflicts} conflicting</source>
      <translation>下载核查结论 {count} 条，其中冲突 {conflicts} 条</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/base.py" line="76" />
      <source>{count} vertices lie outside the area of their layer's coordinate system and cannot be measured: check that each layer's CRS is the one its coordinates were made in (e.g. 3° zone with or without the zone number).</source>
      <translation>有 {count} 个节点位于其图层坐标系的适用范围之外，无法量算：请检查各图层的坐标系是否与坐标实际所用坐标系一致（例如 3° 分带是否带带号）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="199" />
      <source>{errors} errors and {warnings} warnings in {layers} layers (rule set {rules} {version}).</source>
      <translation>在 {layers} 个图层中发现 {errors} 个错误和 {warnings} 个警告（规则集 {rules} {version}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="65" />
      <source>{errors} errors, {warnings} warnings</source>
      <translation>{errors} 个错误，{warnings} 个警告</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_exchange.py" line="49" />
      <source>{events} verdict events and {photos} photos → {folder} (package {id})</source>
      <translation>{events} 条核查结论和 {photos} 张照片 → {folder}（交换包 {id}）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="147" />
      <source>{file} already exists in {folder}: if it holds field verdicts, import it first; then choose an empty folder.</source>
      <translation>{folder} 中已有 {file}：如其中有外业结论，请先导入；然后选择一个空文件夹。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="373" />
      <source>{folder}: expected one field-package GeoPackage, found {count}</source>
      <translation>{folder}：应有一个外业包 GeoPackage，实际找到 {count} 个</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="185" />
      <source>{inserted} items added, {updated} updated, {unchanged} unchanged; {reviewed} of {total} reviewed.</source>
      <translation>新增 {inserted} 个对象，更新 {updated} 个，未变 {unchanged} 个；已审查 {reviewed} / {total}。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/field_package.py" line="104" />
      <source>{items} items, {events} verdicts and {photos} photos exported to {file}; reference layers: {layers}.</source>
      <translation>已导出 {items} 个审查对象、{events} 条结论和 {photos} 张照片到 {file}；参考图层：{layers}。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="157" />
      <source>{layer}: role not recognised — only generic checks run; give it with “{layer}=role”.</source>
      <translation>{layer}：未识别出角色，仅运行通用检查；请用“{layer}=role”指定角色。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="155" />
      <source>{layer}: role {role} (detected)</source>
      <translation>{layer}：角色 {role}（自动识别）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="150" />
      <source>{layer}: role {role} (given)</source>
      <translation>{layer}：角色 {role}（指定）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="104" />
      <source>{m2:,.1f} m² · {ha:,.4f} ha · {mu:,.2f} mu</source>
      <translation>{m2:,.1f} 平方米 · {ha:,.4f} 公顷 · {mu:,.2f} 亩</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/convert_land_use.py" line="102" />
      <source>{mapped} parcels converted, {ambiguous} need subdivision (ZHZT = needs_subdivision), {unknown} have unknown codes, {empty} have no code.</source>
      <translation>{mapped} 个图斑已转换，{ambiguous} 个待细分（ZHZT = needs_subdivision），{unknown} 个代码未知，{empty} 个无地类代码。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="139" />
      <source>{name}: value against target per township</source>
      <translation>{name}：各乡镇指标值与目标值对比</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="99" />
      <source>{patches} patches screened, {suspected} suspected violations (rule pack {pack}).</source>
      <translation>已筛查 {patches} 个图斑，其中疑似违法 {suspected} 个（规则包 {pack}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="432" />
      <source>{path}: absolute path refused (photos must be inside the field package folder)</source>
      <translation>{path}：拒绝绝对路径（照片必须位于外业包文件夹内）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="480" />
      <source>{path}: already in this package</source>
      <translation>{path}：本工作包中已有</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="442" />
      <source>{path}: file not found in the field package</source>
      <translation>{path}：外业包中找不到该文件</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="375" />
      <source>{path}: no such file or folder</source>
      <translation>{path}：文件或文件夹不存在</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="436" />
      <source>{path}: path leaves the field package folder, refused</source>
      <translation>{path}：路径超出外业包文件夹，已拒绝</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/field_package.py" line="465" />
      <source>{path}: unknown item {item}</source>
      <translation>{path}：未知审查对象 {item}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="377" />
      <source>{reviewed} of {total} reviewed</source>
      <translation>已审查 {reviewed} / {total}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="157" />
      <source>{sites} sites: {bad} non-compliant, {review} need justification (rule pack {pack}).</source>
      <translation>共 {sites} 个项目选址：{bad} 个不合规，{review} 个需论证（规则包 {pack}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="296" />
      <source>{task} failed: {error}</source>
      <translation>{task}失败：{error}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_actions.py" line="293" />
      <source>{task}: cancelled.</source>
      <translation>{task}：已取消。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/sync_pull.py" line="67" />
      <source>{title}: {count} items downloaded in {pages} pages — {inserted} added, {updated} updated, {unchanged} already there → {path}</source>
      <translation>{title}：分 {pages} 页下载 {count} 个图斑——新增 {inserted} 个，更新 {updated} 个，已存在 {unchanged} 个 → {path}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="160" />
      <source>— choose —</source>
      <translation>— 请选择 —</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="81" />
      <source>— {count} open verdicts: conflict to resolve</source>
      <translation>—— 有 {count} 条并存结论：存在冲突，待处理</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/build_work_package.py" line="169" />
      <source>“{file}” is the work package of task {found}, not {task}: choose another file.</source>
      <translation>“{file}”是任务 {found} 的工作包，不是任务 {task} 的：请选择其他文件。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="211" />
      <source>“{layer}” has no {field} field (扣除系数): class areas include 田坎 (not deducted).</source>
      <translation>“{layer}”没有 {field} 字段（扣除系数）：地类面积含田坎（未扣除）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/layers.py" line="69" />
      <source>“{path}” does not exist.</source>
      <translation>“{path}”不存在。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/layers.py" line="83" />
      <source>“{path}” holds no vector layer QGIS can read.</source>
      <translation>“{path}”中没有 QGIS 可读取的矢量图层。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_dock.py" line="217" />
      <source>◀ Previous unreviewed</source>
      <translation>◀ 上一个未审查</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/gui/review_widgets.py" line="275" />
      <source>⚠ conflict</source>
      <translation>⚠ 冲突</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/convert_land_use.py" line="62" />
      <source>三调 land class field</source>
      <translation>三调地类代码字段</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="41" />
      <source>三调 → 用地用海 2023, version {version}</source>
      <translation>三调 → 用地用海 2023，版本 {version}</translation>
    </message>
  </context>
</TS>
