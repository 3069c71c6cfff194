<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>PlanMonitor</name>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="52" />
      <source>&amp;PlanMonitor</source>
      <translation>规划实施监测(&amp;P)</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="78" />
      <source>(no township code)</source>
      <translation>（无乡镇代码）</translation>
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
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="153" />
      <source>All indicators (county and townships)</source>
      <translation>全部指标（全县及各乡镇）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="110" />
      <source>Ambiguous area (m²)</source>
      <translation>无法判定面积（平方米）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="52" />
      <source>Approved land (批准用地), optional</source>
      <translation>批准用地（可选）</translation>
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
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="56" />
      <source>Basic tools</source>
      <translation>基础工具</translation>
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
      <location filename="../planmonitor_plugin/processing/algorithms/base.py" line="64" />
      <source>Cancelled by the user.</source>
      <translation>用户已取消。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/layers.py" line="78" />
      <source>Cannot open “{uri}”: the file is damaged or not a vector dataset.</source>
      <translation>无法打开“{uri}”：文件已损坏或不是矢量数据集。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="110" />
      <source>Caps (at most): above the target → red; within {margin} % below it → yellow; otherwise green. Floors (at least): below the target → red; within {margin} % above it → yellow; otherwise green.</source>
      <translation>上限类指标（不超过）：高于目标值为红色；低于目标值 {margin}% 以内为黄色；其余为绿色。下限类指标（不低于）：低于目标值为红色；高于目标值 {margin}% 以内为黄色；其余为绿色。</translation>
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
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="184" />
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="78" />
      <source>Checks each proposed construction site (XMDM, XMMC, intended use YDYHFLDM) against the ecological red line, permanent basic farmland, cultivated land (DLTB 0101/0102/0103), the urban development boundary (inside / outside / straddling, with the area outside) and the planned land use (compatibility of the intended use with YDYHFLDM under the rule pack). Constraint layers are optional: a rule whose layer is not given is reported as not checked. Layers may be in different CRSs; overlays run in the sites' projected CGCS2000 CRS (or its 3° zone), as QGIS's own overlays do.

Outputs: the sites with a verdict (合规 compliant / 不合规 non-compliant / 需论证 needs justification) and per-rule areas in m², 公顷 and 亩; the conflicts as the actual overlap polygons with both keys; an HTML report. Slivers below the rule's tolerance (1 m² by default) count as touching. All areas are ellipsoidal (CGCS2000). The rule pack (JSON; default bundled) and its version are named in the results.</source>
      <translation>逐一检查拟建项目选址（XMDM、XMMC、拟用途 YDYHFLDM）与生态保护红线、永久基本农田、耕地（DLTB 0101/0102/0103）、城镇开发边界（界内 / 界外 / 跨界，并给出界外面积）以及规划用途（按规则包判断拟用途与 YDYHFLDM 是否相容）的关系。约束图层均为可选：未提供图层的规则标记为“未检查”。各图层可以采用不同坐标系；叠加分析在项目选址图层的 CGCS2000 投影坐标系（或其所在 3° 带）中进行，与 QGIS 自带叠加工具一致。

输出：带审查结论（合规 / 不合规 / 需论证）及各规则面积（平方米、公顷、亩）的项目选址图层；以实际重叠多边形表示的冲突图层，含双方编号；HTML 报告。小于规则容差（默认 1 平方米）的碎片视为相接。所有面积均为 CGCS2000 椭球面积。结果中注明所用规则包（JSON，默认使用内置规则包）及其版本。</translation>
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
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="70" />
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
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="217" />
      <source>Computing the indicators of {year} ({layer})…</source>
      <translation>正在计算 {year} 年指标（{layer}）…</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="35" />
      <source>Conflict between control lines (三线冲突)</source>
      <translation>控制线之间冲突（三线冲突）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="59" />
      <source>Conflicts</source>
      <translation>冲突</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="33" />
      <source>Constraint feature</source>
      <translation>约束要素</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="109" />
      <source>Construction against the plan (m²)</source>
      <translation>现状建设、规划非建设面积（平方米）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="69" />
      <source>Construction site compliance</source>
      <translation>建设项目选址合规性审查</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="51" />
      <source>Construction site compliance report</source>
      <translation>建设项目选址合规性审查报告</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="94" />
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
      <location filename="../planmonitor_plugin/processing/algorithms/base.py" line="59" />
      <source>Could not write the findings to “{output}”: {error}</source>
      <translation>无法将检查结果写入“{output}”：{error}</translation>
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
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="40" />
      <source>Crosswalk</source>
      <translation>对照表</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="114" />
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
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="80" />
      <source>Data quality</source>
      <translation>数据质量</translation>
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
      <location filename="../planmonitor_plugin/plugin.py" line="57" />
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
      <location filename="../planmonitor_plugin/processing/algorithms/base.py" line="44" />
      <source>Field “{name}” exists in the input; its values are replaced.</source>
      <translation>输入图层已有字段“{name}”，其值将被替换。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="88" />
      <source>Findings</source>
      <translation>检查结果</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="111" />
      <source>Folder of Shapefiles or a File GDB</source>
      <translation>Shapefile 文件夹或 File GDB</translation>
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
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="49" />
      <source>How pieces are judged</source>
      <translation>判定方法</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="145" />
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
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="100" />
      <source>Invalid geometries</source>
      <translation>无效几何</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="31" />
      <source>Invalid geometry</source>
      <translation>无效几何</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="67" />
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
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="61" />
      <source>Land-use conformity with the plan</source>
      <translation>现状与规划符合性分析</translation>
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
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="169" />
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
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="201" />
      <source>No township layer and no ZLDWDM field: totals are given for the whole area only.</source>
      <translation>未提供乡镇图层且无 ZLDWDM 字段：仅给出全域汇总。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="104" />
      <source>Non-compliant sites</source>
      <translation>不合规项目数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="108" />
      <source>Nonconforming area (m²)</source>
      <translation>不符合规划面积（平方米）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="270" />
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
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="33" />
      <source>Overlap within a layer</source>
      <translation>图层内重叠</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="137" />
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
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="112" />
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
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="43" />
      <source>Pieces</source>
      <translation>图斑数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="103" />
      <source>Pieces not conforming to the plan</source>
      <translation>不符合规划图斑</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="111" />
      <source>Pieces written</source>
      <translation>输出图斑数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="145" />
      <source>Plan targets (GHMB: CSV, XLSX or table)</source>
      <translation>规划目标表（GHMB：CSV、XLSX 或表）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="54" />
      <source>PlanMonitor</source>
      <translation>规划实施监测</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="75" />
      <source>PlanMonitor needs the Python packages {names}; its algorithms are disabled. Install them from the OSGeo4W Shell (Windows) or a terminal with: {command} and restart QGIS.</source>
      <translation>规划实施监测插件需要 Python 包 {names}，其算法暂不可用。请在 OSGeo4W Shell（Windows）或终端中运行：{command}，然后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/provider.py" line="37" />
      <source>PlanMonitor – territorial spatial plan monitoring</source>
      <translation>规划实施监测 – 国土空间规划实施监测</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="39" />
      <source>Planned land use</source>
      <translation>规划用地</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="91" />
      <source>Planned land use (YDYHGHFQ)</source>
      <translation>规划用地用海（YDYHGHFQ）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="93" />
      <source>Planned use code field</source>
      <translation>规划用途编码字段</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="93" />
      <source>Planning data quality report</source>
      <translation>规划数据质检报告</translation>
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
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="175" />
      <source>Reason</source>
      <translation>原因</translation>
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
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="100" />
      <source>Repair them and list them</source>
      <translation>修复并列出</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="24" />
      <source>Required field missing</source>
      <translation>缺少必填字段</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="40" />
      <source>Result</source>
      <translation>结果</translation>
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
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="32" />
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
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="34" />
      <source>Screen change patches (疑似违法筛查)</source>
      <translation>监测图斑疑似违法筛查</translation>
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
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="104" />
      <source>Sites</source>
      <translation>项目选址</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="105" />
      <source>Sites needing justification</source>
      <translation>需论证项目数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="99" />
      <source>Sites with verdicts</source>
      <translation>带审查结论的项目选址</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="100" />
      <source>Skip them and list them</source>
      <translation>跳过并列出</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="97" />
      <source>Sliver tolerance (m²)</source>
      <translation>碎片容差（平方米）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="42" />
      <source>Software</source>
      <translation>软件</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/validate_data.py" line="122" />
      <source>Summary</source>
      <translation>汇总</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="61" />
      <source>Suspected violations</source>
      <translation>疑似违法图斑数</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="147" />
      <source>Target year (empty = the only one in the table)</source>
      <translation>目标年份（留空 = 表中唯一的年份）</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="23" />
      <source>Text encoding uncertain</source>
      <translation>文本编码不确定</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="230" />
      <source>The indicator inputs do not fit together: {error}</source>
      <translation>指标输入数据不匹配：{error}</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/convert_land_use.py" line="76" />
      <source>The layer has no field “{field}”: choose the field holding the 三调 land class code.</source>
      <translation>图层中没有字段“{field}”：请选择存放三调地类代码的字段。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="321" />
      <source>The plan targets table needs the columns XZQDM, ZBDM, ND, MBZ (GHMB) or unit_code, indicator, year, target; it has: {columns}.</source>
      <translation>规划目标表须包含 XZQDM、ZBDM、ND、MBZ 列（GHMB），或 unit_code、indicator、year、target 列；现有列：{columns}。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="105" />
      <source>The three area fields need different names.</source>
      <translation>三个面积字段的名称必须互不相同。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="188" />
      <source>The township layer has no field “XZQDM”.</source>
      <translation>乡镇图层缺少字段“XZQDM”。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="287" />
      <source>The units layer has no field “{field}”: choose the unit code and name fields.</source>
      <translation>行政区图层没有“{field}”字段：请选择行政区代码和名称字段。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="279" />
      <source>The year of “{layer}” is unknown: give the monitoring year (the layer has no SJNF values).</source>
      <translation>无法确定“{layer}”的年份：请填写监测年份（该图层没有 SJNF 值）。</translation>
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
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="105" />
      <source>Totals per township</source>
      <translation>分乡镇汇总</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="37" />
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="95" />
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
      <location filename="../planmonitor_plugin/qgis_adapter/compliance_report.py" line="26" />
      <source>Verdict</source>
      <translation>结论</translation>
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
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="123" />
      <source>Year of the other land use (empty = its SJNF field)</source>
      <translation>另一年份地类图斑的年份（留空 = 取 SJNF 字段）</translation>
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
      <location filename="../planmonitor_plugin/qgis_adapter/crs.py" line="35" />
      <source>a custom CRS</source>
      <translation>自定义坐标系</translation>
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
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="134" />
      <source>current land use</source>
      <translation>现状用地</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="29" />
      <source>down</source>
      <translation>下降</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/validation_report.py" line="42" />
      <source>error</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="29" />
      <source>flat</source>
      <translation>持平</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/plugin.py" line="73" />
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
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="25" />
      <source>no direction</source>
      <translation>无方向</translation>
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
      <location filename="../planmonitor_plugin/qgis_adapter/indicator_report.py" line="25" />
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
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="25" />
      <source>other class difference</source>
      <translation>其他地类不一致</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/qgis_adapter/conformity_report.py" line="24" />
      <source>planned construction not built yet</source>
      <translation>规划建设用地、现状尚未建设</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="136" />
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
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="217" />
      <source>{count} features of the {layer} layer have invalid geometries and were repaired (feature ids: {ids}).</source>
      <translation>{layer}图层有 {count} 个要素几何无效，已修复（要素编号：{ids}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/land_use_conformity.py" line="215" />
      <source>{count} features of the {layer} layer have invalid geometries and were skipped (feature ids: {ids}).</source>
      <translation>{layer}图层有 {count} 个要素几何无效，已跳过（要素编号：{ids}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/ellipsoidal_area.py" line="187" />
      <source>{count} features, total area {m2:.2f} m² = {ha:.4f} 公顷 = {mu:.4f} 亩.</source>
      <translation>共 {count} 个要素，总面积 {m2:.2f} 平方米 = {ha:.4f} 公顷 = {mu:.4f} 亩。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/compute_indicators.py" line="248" />
      <source>{count} indicators for {units} units in {year}: {red} red, {yellow} yellow, {green} green; {missing} values not computed (see the reason column).</source>
      <translation>{year} 年 {units} 个行政单元的 {count} 项指标：红色 {red} 项，黄色 {yellow} 项，绿色 {green} 项；{missing} 个指标值未计算（见原因列）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/base.py" line="66" />
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
      <location filename="../planmonitor_plugin/processing/algorithms/screen_change_patches.py" line="95" />
      <source>{patches} patches screened, {suspected} suspected violations (rule pack {pack}).</source>
      <translation>已筛查 {patches} 个图斑，其中疑似违法 {suspected} 个（规则包 {pack}）。</translation>
    </message>
    <message>
      <location filename="../planmonitor_plugin/processing/algorithms/site_compliance.py" line="149" />
      <source>{sites} sites: {bad} non-compliant, {review} need justification (rule pack {pack}).</source>
      <translation>共 {sites} 个项目选址：{bad} 个不合规，{review} 个需论证（规则包 {pack}）。</translation>
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
