"""A synthetic but plausible county for demos, tests and benchmarks (样例县).

:func:`generate_county` builds, from a seed, every layer a county GIS technician
receives for 三区三线 monitoring; :func:`plant_defects` derives the *defects
variant* and a manifest of what was planted (one entry per defect: ``id``,
``rule`` it should trigger, ``layer``, ``key_field``/``key``, ``description``).

=============  ===================================  ==============================
layer          content                              area field
=============  ===================================  ==============================
XZQ            townships (乡镇), 3–8                DCMJ = Σ TBMJ (m²)
DLTB           current land use, exactly N parcels  TBMJ, TBDLMJ (m²)
YJJBNTBHTB     permanent basic farmland, per parcel YJJBNTMJ (m²)
STBHHX         ecological red line (→ EPSG:4490)    MJ (m²)
CZKFBJ         urban development boundary           MJ (m²)
GHFQ           planning zones (GHFQDM)              MJ (m²)
YDYHGHFQ       planned land use (YDYHFLDM, 2023)    MJ (m²)
JCTB           change-detection patches             JCMJ (m²)
XMYD           construction-project sites           YDMJ (m²)
RKSJ, GHMB     population, plan targets (tables)    MBZ in 公顷
=============  ===================================  ==============================

How the county is made (all vectorised with numpy / shapely 2):

* a blob-shaped county in CGCS2000 / 3° Gauss–Krüger zone 39 (EPSG:4527) near
  (39 520 000 E, 4 000 000 N), about 1 100 km² whatever the number of parcels;
* smooth random fields (sums of random cosine waves) give elevation — mountains on
  one side, hills, a plain — and the coherent patterns of the land-use mix;
* a river, a tributary, roads and canals are laid down as rows of Voronoi seeds
  (a centre row flanked by two bank rows, so their cells are long thin strips);
  towns and villages get denser seeds; exactly ``parcels`` seeds fall in the county;
* ``shapely.voronoi_polygons`` turns the seeds into parcels: an exact coverage
  (neighbours share identical vertices, nothing is clipped), so the county and
  every dissolved layer are ``coverage_union`` s of parcels;
* each parcel gets one township, one village (ZLDW), a 三调 class (DLBM) and its
  planning attributes; the three control lines are disjoint sets of parcels, so
  they cannot overlap in the clean variant.

Areas: every area field is computed by ``area_function`` (geometries in EPSG:4527
metres → m²).  The pure default is the planar area; the writer
(``scripts/make_sample_data.py``) passes an ellipsoidal one so that the fields
match :func:`planmonitor_plugin.core.area.polygon_areas` on the delivered data.  All
area fields are in m² (2 decimals), as ``resources/rules/validation_default.json``
expects; only the GHMB targets are in 公顷.

Code values that domain.md could not confirm (YSDM of layers other than DLTB,
QSXZ ``10``/``30``, HXLX names, indicator ids ZBDM) are plausible placeholders.
"""

from __future__ import annotations

import copy
import zlib
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd
import shapely

from planmonitor_plugin.core.progress import CancelledCallback, ProgressCallback, Steps, never_cancelled, no_progress

AreaFunction = Callable[[np.ndarray], np.ndarray]

# --------------------------------------------------------------------------------------------------------------
# Constants and code tables
# --------------------------------------------------------------------------------------------------------------

SOURCE_EPSG = 4527  #: CGCS2000 / 3-degree Gauss-Kruger zone 39 (CM 117°E, FE 39 500 000 m)
GEOGRAPHIC_EPSG = 4490  #: CGCS2000 geographic; STBHHX is delivered in it
ORIGIN = np.array([39_520_000.0, 4_000_000.0])  #: county centre in EPSG:4527
COUNTY_CODE = "371525"
#: The county's own 12-digit XZQDM: the code of the county rows of GHMB. The XZQ layer holds townships only (it
#: must tile the county); computeindicators derives this code from the township codes (first 6 digits + 000000,
#: core.indicators.inputs.county_code_from), so the county targets match the county unit of the results.
COUNTY_XZQDM = COUNTY_CODE + "000000"
COUNTY_NAME = "样例县"
COUNTY_RADIUS = 18_500.0  #: mean radius of the county blob (m): about 1 100 km²
MIN_PARCELS, MAX_PARCELS = 2_000, 300_000
SURVEY_YEAR = 2024  #: SJNF of the land-use survey (年度变更调查)
MONITOR_YEAR = 2025  #: year of the change-detection round (JCTB)
PLAN_YEAR = 2035  #: target year of the master plan (GHMB)
DEFAULT_SEED = 20261124

#: 三调工作分类 classes used by the generator (DLBM → DLMC), see domain.md §2.5.
SANDIAO_CLASSES: dict[str, str] = {
    "0101": "水田", "0102": "水浇地", "0103": "旱地",
    "0201": "果园", "0201K": "可调整果园", "0202": "茶园", "0204": "其他园地",
    "0301": "乔木林地", "0301K": "可调整乔木林地", "0305": "灌木林地", "0307": "其他林地", "0404": "其他草地",
    "05H1": "商业服务业设施用地", "0508": "物流仓储用地", "0601": "工业用地", "0602": "采矿用地",
    "0701": "城镇住宅用地", "0702": "农村宅基地",
    "08H1": "机关团体新闻出版用地", "08H2": "科教文卫用地", "0809": "公用设施用地", "0810": "公园与绿地",
    "0810A": "广场用地", "09": "特殊用地",
    "1003": "公路用地", "1004": "城镇村道路用地", "1005": "交通服务场站用地", "1006": "农村道路",
    "1101": "河流水面", "1102": "湖泊水面", "1103": "水库水面", "1104": "坑塘水面", "1104A": "养殖坑塘",
    "1106": "内陆滩涂", "1107": "沟渠",
    "1201": "空闲地", "1202": "设施农用地", "1206": "裸土地", "1207": "裸岩石砾地",
}
CULTIVATED = ("0101", "0102", "0103")
FOREST = ("0301", "0301K", "0305", "0307")
WATER = ("1101", "1102", "1103", "1104", "1104A", "1106", "1107")
#: 三调 classes counted as 建设用地 (construction land).
CONSTRUCTION = ("05H1", "0508", "0601", "0602", "0701", "0702", "08H1", "08H2", "0809", "0810", "0810A", "09",
                "1003", "1004", "1005", "1201")

#: 用地用海分类 (2023) codes used by the planning layers (domain.md §2.3).
YDYH_CLASSES: dict[str, str] = {
    "0101": "水田", "0102": "水浇地", "0103": "旱地", "0201": "果园", "0202": "茶园", "0205": "其他园地",
    "0301": "乔木林地", "0303": "灌木林地", "0304": "其他林地", "0403": "其他草地", "0506": "内陆滩涂",
    "060101": "村道用地", "060201": "种植设施建设用地", "060202": "畜禽养殖设施建设用地",
    "0701": "城镇住宅用地", "070102": "二类城镇住宅用地", "0703": "农村宅基地",
    "0801": "机关团体用地", "0804": "教育用地", "080403": "中小学用地",
    "0901": "商业用地", "090101": "零售商业用地", "0904": "其他商业服务业用地",
    "1001": "工业用地", "100101": "一类工业用地", "1002": "采矿用地",
    "1101": "物流仓储用地", "1202": "公路用地", "1207": "城镇村道路用地", "120802": "公共交通场站用地",
    "1302": "排水用地", "1303": "供电用地", "1311": "水工设施用地", "1312": "其他公用设施用地",
    "1401": "公园绿地", "1403": "广场用地", "1507": "其他特殊用地", "16": "留白用地",
    "1701": "河流水面", "1702": "湖泊水面", "1703": "水库水面", "1704": "坑塘水面", "1705": "沟渠",
    "2301": "空闲地", "2306": "裸土地", "2307": "裸岩石砾地",
}
#: 三调 DLBM → 用地用海 code of the same land (practitioner crosswalk, domain.md §2.6).
SANDIAO_TO_YDYH: dict[str, str] = {
    "0101": "0101", "0102": "0102", "0103": "0103", "0201": "0201", "0201K": "0201", "0202": "0202",
    "0204": "0205", "0301": "0301", "0301K": "0301", "0305": "0303", "0307": "0304", "0404": "0403",
    "05H1": "0901", "0508": "1101", "0601": "1001", "0602": "1002", "0701": "0701", "0702": "0703",
    "08H1": "0801", "08H2": "0804", "0809": "1312", "0810": "1401", "0810A": "1403", "09": "1507",
    "1003": "1202", "1004": "1207", "1005": "120802", "1006": "060101", "1101": "1701", "1102": "1702",
    "1103": "1703", "1104": "1704", "1104A": "1704", "1106": "0506", "1107": "1705", "1201": "2301",
    "1202": "060201", "1206": "2306", "1207": "2307",
}
#: Zhejiang-style 规划分区 codes (domain.md §3).
GHFQ_CLASSES: dict[str, str] = {
    "110": "核心保护红线区", "120": "陆域保护红线区", "210": "陆域生态控制区", "310": "永久基本农田集中区",
    "320": "永久基本农田一般区", "410": "城镇集中建设区", "420": "城镇弹性发展区", "430": "特别用途区",
    "510": "村庄建设区", "520": "一般农业区", "540": "林业发展区", "710": "矿产能源发展区",
    "730": "区域基础设施集中区", "740": "特殊用地集中区",
}
#: Placeholder 要素代码 per layer (only DLTB's is confirmed).
YSDM = {"XZQ": "1000600100", "DLTB": "2001010100", "YJJBNTBHTB": "2040010100", "STBHHX": "2090030100",
        "CZKFBJ": "2090020100", "GHFQ": "2090010100", "YDYHGHFQ": "2090040100"}
#: Two-digit layer part of the 18-character BSM (county code + layer + 10-digit sequence).
BSM_LAYER = {"XZQ": "10", "DLTB": "21", "YJJBNTBHTB": "31", "STBHHX": "41", "CZKFBJ": "42", "GHFQ": "51",
             "YDYHGHFQ": "52"}
LAYER_ALIASES = {
    "XZQ": "行政区", "DLTB": "地类图斑", "YJJBNTBHTB": "永久基本农田保护图斑", "STBHHX": "生态保护红线",
    "CZKFBJ": "城镇开发边界", "GHFQ": "规划分区", "YDYHGHFQ": "用地用海规划", "JCTB": "监测图斑",
    "XMYD": "建设项目用地", "RKSJ": "人口数据", "GHMB": "规划目标",
}
TOWNSHIPS = [("城关镇", "镇"), ("东河镇", "镇"), ("西山乡", "乡"), ("南屯镇", "镇"), ("北岭乡", "乡"),
             ("柳林镇", "镇"), ("石桥乡", "乡"), ("杨庄镇", "镇")]
_SURNAMES = ("张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
             "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
_VILLAGE_SUFFIXES = ("庄", "家庄", "村", "家洼", "集", "屯", "营", "店", "楼", "寨", "岭", "官庄")
MOUNTAIN_NAME, RIVER_NAME = "青龙山", "清水河"

# Seed kinds: how each Voronoi seed was placed.
RANDOM, MAIN_RIVER, TRIBUTARY, HIGHWAY, ROAD, CANAL, BANK, LAKE, RESERVOIR = range(9)


# --------------------------------------------------------------------------------------------------------------
# Public data model
# --------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FieldSpec:
    """One attribute field: ``kind`` is ``str``, ``int``, ``float`` or ``date`` (ISO text in the frame)."""

    name: str
    kind: str
    width: int = 0
    precision: int = 0


@dataclass
class LayerData:
    """One layer: attributes in ``frame``, shapely geometries (EPSG:``crs``) in ``geometry``.

    ``geometry`` is ``None`` for non-spatial tables.  ``target_crs`` asks the
    writer to reproject before writing (STBHHX → EPSG:4490).
    """

    name: str
    fields: list[FieldSpec]
    frame: pd.DataFrame
    geometry: np.ndarray | None = None
    crs: int | None = SOURCE_EPSG
    target_crs: int | None = None
    key: str | None = "BSM"
    area_field: str | None = None
    area_unit: str = "m2"  #: unit of ``area_field`` (all layers use m²)

    @property
    def alias(self) -> str:
        return LAYER_ALIASES.get(self.name, self.name)

    @property
    def is_table(self) -> bool:
        return self.geometry is None

    @property
    def output_crs(self) -> int | None:
        """EPSG code of the layer as delivered."""
        return self.target_crs or self.crs

    def copy(self) -> LayerData:
        """A deep copy (frame and geometry array; shapely geometries are immutable)."""
        clone = copy.copy(self)
        clone.fields = list(self.fields)
        clone.frame = self.frame.copy(deep=True)
        clone.geometry = None if self.geometry is None else self.geometry.copy()
        return clone


@dataclass
class SampleCounty:
    """All layers of one generated county, keyed by standard layer name."""

    parcels: int
    seed: int
    boundary: shapely.Geometry
    layers: dict[str, LayerData]
    area_function: AreaFunction
    county_code: str = COUNTY_CODE
    county_name: str = COUNTY_NAME

    def __getitem__(self, name: str) -> LayerData:
        return self.layers[name]

    def copy(self) -> SampleCounty:
        clone = copy.copy(self)
        clone.layers = {name: layer.copy() for name, layer in self.layers.items()}
        return clone


def planar_area(geometries: np.ndarray) -> np.ndarray:
    """Default ``area_function``: planar area (m²) in the Gauss–Krüger plane."""
    return shapely.area(np.asarray(geometries, dtype=object))


# --------------------------------------------------------------------------------------------------------------
# Random helpers
# --------------------------------------------------------------------------------------------------------------

def _rng(seed: int, stream: str) -> np.random.Generator:
    """An independent, reproducible generator per purpose (adding a stream never shifts another)."""
    return np.random.default_rng([int(seed), zlib.crc32(stream.encode("utf-8"))])


@dataclass(frozen=True)
class _Field:
    """A smooth stationary random field, ~N(0, 1): a sum of random plane cosine waves."""

    kx: np.ndarray
    ky: np.ndarray
    phase: np.ndarray
    amp: np.ndarray

    @classmethod
    def random(cls, rng: np.random.Generator, wavelength: float, waves: int = 24) -> _Field:
        angle = rng.uniform(0.0, 2.0 * np.pi, waves)
        k = 2.0 * np.pi / (wavelength * rng.uniform(0.7, 1.4, waves))
        amp = rng.uniform(0.5, 1.0, waves)
        amp = amp / np.sqrt(np.sum(amp ** 2) / 2.0)
        return cls(k * np.cos(angle), k * np.sin(angle), rng.uniform(0.0, 2.0 * np.pi, waves), amp)

    def __call__(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        out = np.empty(len(x))
        for start in range(0, len(x), 200_000):  # bounded memory
            xs, ys = x[start:start + 200_000], y[start:start + 200_000]
            out[start:start + 200_000] = np.cos(np.outer(xs, self.kx) + np.outer(ys, self.ky) + self.phase) @ self.amp
        return out


def _to_uniform(z: np.ndarray) -> np.ndarray:
    """Map ~N(0, 1) values to ~U(0, 1) (logistic approximation of the normal CDF)."""
    return 1.0 / (1.0 + np.exp(-1.702 * z))


def _choose(u: np.ndarray, table: list[tuple[str, float]]) -> np.ndarray:
    """Pick a code per uniform variate ``u`` with the weights of ``table``."""
    codes = np.array([code for code, _ in table], dtype=object)
    cumulative = np.cumsum([weight for _, weight in table], dtype=float)
    index = np.searchsorted(cumulative / cumulative[-1], u, side="right")
    return codes[np.minimum(index, len(codes) - 1)]


def _bsm(layer: str, count: int, start: int = 1) -> np.ndarray:
    """18-character BSM values: county code + layer code + 10-digit sequence."""
    prefix = COUNTY_CODE + BSM_LAYER[layer]
    return np.array([f"{prefix}{i:010d}" for i in range(start, start + count)], dtype=object)


def _specs(*specs: tuple) -> list[FieldSpec]:
    return [FieldSpec(*spec) for spec in specs]


# --------------------------------------------------------------------------------------------------------------
# The setting: county shape, relief, towns, villages, rivers and roads (local metres, origin = county centre)
# --------------------------------------------------------------------------------------------------------------

@dataclass
class _Line:
    """A linear feature laid down as seeds: centre row of kind ``kind`` plus two bank rows."""

    kind: int
    path: np.ndarray  # (m, 2) dense polyline, local metres
    width: float
    spacing: float


@dataclass
class _Setting:
    """Everything decided before the seeds: shapes, fields and thresholds."""

    parcels: int
    seed: int
    scale: float  # typical parcel size (m)
    shape: np.ndarray  # (k, amplitude, phase) rows of the county outline
    mountain_dir: np.ndarray
    fields: dict[str, _Field]
    towns: np.ndarray  # (T, 2) seats; row 0 = county seat (城关镇)
    town_radius: np.ndarray  # (T,) urban core radius (m)
    industry_dir: np.ndarray  # (T,) angle of the industrial quarter
    villages: np.ndarray  # (V, 2)
    village_radius: float
    lines: list[_Line] = field(default_factory=list)
    reservoir: tuple[np.ndarray, float, float, float] | None = None  # centre, a, b, angle
    lake: tuple[np.ndarray, float, float, float] | None = None
    thresholds: dict[str, float] = field(default_factory=dict)

    def inside(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Whether local points lie inside the county outline (a star-shaped blob)."""
        theta = np.arctan2(y, x)
        return np.hypot(x, y) < self.radius_at(theta)

    def radius_at(self, theta: np.ndarray) -> np.ndarray:
        r = np.ones_like(theta)
        for k, amplitude, phase in self.shape:
            r = r + amplitude * np.cos(k * theta + phase)
        return COUNTY_RADIUS * r

    def raw_elevation(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        ramp = (x * self.mountain_dir[0] + y * self.mountain_dir[1]) / COUNTY_RADIUS
        return 1.3 * ramp + 0.55 * self.fields["relief"](x, y) + 0.2 * self.fields["detail"](x, y)

    def elevation(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Relief with valleys carved at the town seats (towns never sit on mountains)."""
        e = self.raw_elevation(x, y)
        for (tx, ty), radius in zip(self.towns, self.town_radius):
            e = e - 2.0 * np.exp(-((x - tx) ** 2 + (y - ty) ** 2) / (2.2 * radius) ** 2)
        return e

    def town_distance(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Nearest town (index) and distance to it in units of its (irregular) core radius."""
        irregular = np.exp(0.25 * self.fields["urban"](x, y))[:, None]
        d = np.hypot(x[:, None] - self.towns[:, 0], y[:, None] - self.towns[:, 1]) / (self.town_radius * irregular)
        nearest = np.argmin(d, axis=1)
        return nearest, d[np.arange(len(x)), nearest]


def _township_count(parcels: int) -> int:
    return int(np.clip(4 + round(1.85 * np.log10(parcels / MIN_PARCELS)), 3, len(TOWNSHIPS)))


def _grid(setting: _Setting, spacing: float) -> np.ndarray:
    """Regular grid points inside the county (local metres)."""
    half = COUNTY_RADIUS * 1.5
    axis = np.arange(-half, half, spacing)
    gx, gy = np.meshgrid(axis, axis)
    gx, gy = gx.ravel(), gy.ravel()
    keep = setting.inside(gx, gy)
    return np.column_stack([gx[keep], gy[keep]])


def _make_setting(parcels: int, seed: int) -> _Setting:
    """Decide the county outline, relief, towns, villages and linear features."""
    rng = _rng(seed, "setting")
    shape = np.array([[2, rng.uniform(0.08, 0.14), rng.uniform(0, 2 * np.pi)],
                      [3, rng.uniform(0.04, 0.08), rng.uniform(0, 2 * np.pi)],
                      [5, rng.uniform(0.02, 0.04), rng.uniform(0, 2 * np.pi)]])
    angle = rng.uniform(0, 2 * np.pi)
    names = ["relief", "detail", "warp_x", "warp_y", "wiggle_x", "wiggle_y", "farm", "farm2", "hill", "forest", "town",
             "eco", "pbf", "own", "urban"]
    lengths = [9000, 3500, 16000, 16000, 3000, 3000, 2500, 1500, 1200, 1500, 350, 4000, 2500, 3000, 1800]
    fields = {name: _Field.random(_rng(seed, "field:" + name), wavelength) for name, wavelength in zip(names, lengths)}
    scale = float(np.sqrt(np.pi * COUNTY_RADIUS ** 2 / parcels))
    setting = _Setting(parcels, seed, scale, shape, np.array([np.cos(angle), np.sin(angle)]), fields,
                       towns=np.zeros((0, 2)), town_radius=np.zeros(0), industry_dir=np.zeros(0),
                       villages=np.zeros((0, 2)), village_radius=max(220.0, 0.8 * scale))
    grid = _grid(setting, 300.0)
    _place_towns(setting, grid, rng)
    elevation = setting.elevation(grid[:, 0], grid[:, 1])
    setting.thresholds = {"hill": float(np.quantile(elevation, 0.58)), "mountain": float(np.quantile(elevation, 0.72)),
                          "peak": float(np.quantile(elevation, 0.93))}
    _place_villages(setting, rng)
    _place_lines(setting, grid, elevation, rng)
    return setting


def _place_towns(setting: _Setting, grid: np.ndarray, rng: np.random.Generator) -> None:
    """County seat near the centre on low ground; one seat per other township around it."""
    count = _township_count(setting.parcels)
    x, y = grid[:, 0], grid[:, 1]
    low = setting.raw_elevation(x, y) + rng.normal(0, 0.15, len(grid))
    radius = np.hypot(x, y) / setting.radius_at(np.arctan2(y, x))
    central = radius < 0.3
    seats = [grid[central][np.argmin(low[central])]]
    start = rng.uniform(0, 2 * np.pi)
    bearing = np.arctan2(y - seats[0][1], x - seats[0][0])
    misplaced = (np.hypot(x - seats[0][0], y - seats[0][1]) < 8000.0) | (radius < 0.4) | (radius > 0.75)
    score = low + 10.0 * misplaced  # a soft rule: never an empty choice
    for k in range(count - 1):
        sector = np.mod(bearing - start - 2 * np.pi * k / (count - 1), 2 * np.pi) < 2 * np.pi / (count - 1) * 0.7
        seats.append(grid[sector][np.argmin(score[sector])])
    setting.towns = np.array(seats, dtype=float)
    setting.town_radius = np.concatenate([[2600.0], rng.uniform(800.0, 1200.0, count - 1)])
    setting.industry_dir = rng.uniform(0, 2 * np.pi, count)


def _place_villages(setting: _Setting, rng: np.random.Generator) -> None:
    """Villages on a jittered grid, rarer in the mountains, never inside a town."""
    area = np.pi * COUNTY_RADIUS ** 2
    target = 0.055 * area / (np.pi * setting.village_radius ** 2)
    spacing = float(np.sqrt(0.65 * area / target))
    points = _grid(setting, spacing)
    points = points + rng.uniform(-0.5, 0.5, points.shape) * spacing
    x, y = points[:, 0], points[:, 1]
    _, town_d = setting.town_distance(x, y)
    mountain = setting.elevation(x, y) > setting.thresholds["mountain"]
    keep = setting.inside(x, y) & (town_d > 1.6) & (rng.uniform(size=len(x)) < np.where(mountain, 0.3, 0.87))
    setting.villages = points[keep]


def _smooth_path(start: np.ndarray, middle: np.ndarray, end: np.ndarray, meander: float,
                 rng: np.random.Generator, samples: int = 2000) -> np.ndarray:
    """A quadratic Bézier through ``middle`` with sinusoidal meanders (dense polyline)."""
    t = np.linspace(0.0, 1.0, samples)[:, None]
    control = 2.0 * middle - (start + end) / 2.0
    path = (1 - t) ** 2 * start + 2 * (1 - t) * t * control + t ** 2 * end
    tangent = np.gradient(path, axis=0)
    normal = np.column_stack([-tangent[:, 1], tangent[:, 0]]) / np.linalg.norm(tangent, axis=1)[:, None]
    wiggle = sum(rng.uniform(0.3, 1.0) * np.sin(k * np.pi * t[:, 0] + rng.uniform(0, 2 * np.pi)) for k in (3, 5, 7))
    return path + normal * (meander * wiggle / 2.0)[:, None]


def _heading(angle: float) -> np.ndarray:
    return np.array([np.cos(angle), np.sin(angle)])


def _spacing(setting: _Setting, factor: float, low: float, high: float) -> float:
    """Seed spacing along a line, in proportion to the parcel size."""
    return float(np.clip(factor * setting.scale, low, high))


def _rivers(setting: _Setting, grid: np.ndarray, elevation: np.ndarray, rng: np.random.Generator) -> list[_Line]:
    """Main river flowing down from the mountains through the county seat, and a mountain tributary."""
    reach, seat = 1.25 * COUNTY_RADIUS, setting.towns[0]
    downhill = float(np.arctan2(-setting.mountain_dir[1], -setting.mountain_dir[0]))
    turn = rng.uniform(-0.4, 0.4)
    middle = seat + rng.uniform(-0.3, 0.3, 2) * setting.town_radius[0]
    main = _smooth_path(-reach * _heading(downhill + turn), middle, reach * _heading(downhill - turn),
                        0.05 * COUNTY_RADIUS, rng)
    source = grid[np.argmax(elevation + 0.3 * np.hypot(*(grid - seat).T) / COUNTY_RADIUS)]  # high and remote
    mouth = main[int(rng.uniform(0.3, 0.45) * len(main))]
    tributary = _smooth_path(source, (source + mouth) / 2 + rng.normal(0, 800, 2), mouth, 1500.0, rng)
    width, spacing = float(np.clip(0.3 * setting.scale, 30, 200)), _spacing(setting, 1.0, 40, 800)
    return [_Line(MAIN_RIVER, main, width, spacing), _Line(TRIBUTARY, tributary, 0.6 * width, spacing)]


def _roads(setting: _Setting, rng: np.random.Generator) -> list[_Line]:
    """A highway across the county through the seat and a road from every township seat to it."""
    reach, seat = 1.25 * COUNTY_RADIUS, setting.towns[0]
    width, spacing = float(np.clip(0.1 * setting.scale, 10, 60)), _spacing(setting, 1.3, 50, 1000)
    across = np.array([setting.mountain_dir[1], -setting.mountain_dir[0]])
    lines = [_Line(HIGHWAY, _smooth_path(seat - reach * across, seat, seat + reach * across, 1500.0, rng),
                   width, spacing)]
    for town in setting.towns[1:]:
        bend = (town + seat) / 2 + rng.normal(0, 0.08, 2) * np.linalg.norm(town - seat)
        lines.append(_Line(ROAD, _smooth_path(town, bend, seat, 300.0, rng, 800), width, spacing))
    return lines


def _canals(setting: _Setting, rng: np.random.Generator) -> list[_Line]:
    """Two irrigation canals across the plain (only when parcels are small enough to show them)."""
    if setting.parcels < 10_000:
        return []
    reach, seat = 1.25 * COUNTY_RADIUS, setting.towns[0]
    across = np.array([setting.mountain_dir[1], -setting.mountain_dir[0]])
    lines = []
    for offset in (0.3, 0.6):
        centre = seat - offset * COUNTY_RADIUS * setting.mountain_dir
        path = _smooth_path(centre - reach * across, centre, centre + reach * across, 500.0, rng)
        lines.append(_Line(CANAL, path, float(np.clip(0.06 * setting.scale, 6, 30)), _spacing(setting, 1.3, 50, 1000)))
    return lines


def _place_water_bodies(setting: _Setting, rng: np.random.Generator) -> None:
    """A reservoir on the tributary's upper course and a lake beside the main river."""
    main, tributary = setting.lines[0], setting.lines[1].path
    first, second = tributary[len(tributary) // 3], tributary[len(tributary) // 2]
    size = max(1000.0, 2.0 * setting.scale)
    setting.reservoir = ((first + second) / 2, size, size / 2, float(np.arctan2(*(second - first)[::-1])))
    across = np.array([setting.mountain_dir[1], -setting.mountain_dir[0]])
    at = main.path[int(0.72 * len(main.path))] + across * (main.width + 900.0)
    setting.lake = (at, max(600.0, 1.2 * setting.scale), max(350.0, 0.8 * setting.scale), float(rng.uniform(0, np.pi)))


def _place_lines(setting: _Setting, grid: np.ndarray, elevation: np.ndarray, rng: np.random.Generator) -> None:
    """Rivers, roads and canals (in priority order where they cross), then the reservoir and the lake."""
    setting.lines = _rivers(setting, grid, elevation, rng) + _roads(setting, rng) + _canals(setting, rng)
    _place_water_bodies(setting, rng)


# --------------------------------------------------------------------------------------------------------------
# Seeds and Voronoi parcels
# --------------------------------------------------------------------------------------------------------------

@dataclass
class _Seeds:
    xy: np.ndarray  # (n, 2) local metres of the seeds inside the county
    kind: np.ndarray  # (n,) seed kind
    outside: np.ndarray  # (m, 2) seeds outside the county (their cells are discarded)


def _in_ellipse(xy: np.ndarray, ellipse: tuple[np.ndarray, float, float, float]) -> np.ndarray:
    centre, a, b, angle = ellipse
    d = xy - centre
    u = d[:, 0] * np.cos(angle) + d[:, 1] * np.sin(angle)
    v = -d[:, 0] * np.sin(angle) + d[:, 1] * np.cos(angle)
    return (u / a) ** 2 + (v / b) ** 2 < 1.0


def _line_seeds(line: _Line) -> tuple[np.ndarray, np.ndarray]:
    """Seeds of one line: centre row (kind of the line) and bank rows at ± width."""
    steps = np.linalg.norm(np.diff(line.path, axis=0), axis=1)
    arc = np.concatenate([[0.0], np.cumsum(steps)])
    at = np.arange(line.spacing / 2, arc[-1], line.spacing)
    centre = np.column_stack([np.interp(at, arc, line.path[:, 0]), np.interp(at, arc, line.path[:, 1])])
    tangent = np.column_stack([np.interp(at + 1, arc, line.path[:, 0]) - np.interp(at - 1, arc, line.path[:, 0]),
                               np.interp(at + 1, arc, line.path[:, 1]) - np.interp(at - 1, arc, line.path[:, 1])])
    normal = np.column_stack([-tangent[:, 1], tangent[:, 0]]) / np.linalg.norm(tangent, axis=1)[:, None]
    xy = np.concatenate([centre, centre + line.width * normal, centre - line.width * normal])
    kind = np.concatenate([np.full(len(centre), line.kind), np.full(2 * len(centre), BANK)])
    return xy, kind


def _segments(path: np.ndarray) -> shapely.STRtree:
    """Spatial index of the segments of a polyline (fast "near the line" queries)."""
    return shapely.STRtree(shapely.linestrings(np.stack([path[:-1], path[1:]], axis=1)))


def _near(points: np.ndarray, placed: list[tuple[shapely.STRtree, float]], factor: float,
          extra: float = 0.0) -> np.ndarray:
    """Whether each point lies within ``factor`` × (width + ``extra``) of any placed line."""
    near = np.zeros(len(points), dtype=bool)
    for tree, width in placed:
        near[tree.query(points, predicate="dwithin", distance=factor * (width + extra))[0]] = True
    return near


def _linear_seeds(setting: _Setting) -> tuple[np.ndarray, np.ndarray, list[tuple[shapely.STRtree, float]]]:
    """Seeds of all lines; later lines give way where they meet earlier ones."""
    xy_parts, kind_parts, placed = [], [], []
    for line in setting.lines:
        xy, kind = _line_seeds(line)
        keep = ~_near(shapely.points(xy), placed, 1.6, line.width)
        if line.kind == CANAL:
            keep &= setting.elevation(xy[:, 0], xy[:, 1]) < setting.thresholds["hill"]
        xy_parts.append(xy[keep])
        kind_parts.append(kind[keep])
        placed.append((_segments(line.path), line.width))
    anchors = np.array([setting.reservoir[0], setting.lake[0]])
    xy_parts.append(anchors)
    kind_parts.append(np.array([RESERVOIR, LAKE]))
    return np.concatenate(xy_parts), np.concatenate(kind_parts), placed


def _candidate_seeds(setting: _Setting, count: int, rng: np.random.Generator) -> np.ndarray:
    """Candidates from a mixture: background (thinned in the hills), town and village clusters."""
    n_town, n_village = int(0.13 * count), int(0.16 * count)
    n_background = count - n_town - n_village
    reach = COUNTY_RADIUS * (1.0 + np.abs(setting.shape[:, 1]).sum()) + 4.0 * setting.scale
    draws = int(n_background * 2.0)
    radius, theta = reach * np.sqrt(rng.uniform(size=draws)), rng.uniform(0, 2 * np.pi, draws)
    background = np.column_stack([radius * np.cos(theta), radius * np.sin(theta)])
    e = setting.elevation(background[:, 0], background[:, 1])
    accept = np.where(e > setting.thresholds["mountain"], 0.35, np.where(e > setting.thresholds["hill"], 0.7, 1.0))
    background = background[rng.uniform(size=len(background)) < accept]
    weights = np.concatenate([[0.5], np.full(len(setting.towns) - 1, 0.5 / max(len(setting.towns) - 1, 1))])
    which = rng.choice(len(setting.towns), n_town, p=weights / weights.sum())
    towns = setting.towns[which] + rng.normal(0, 1, (n_town, 2)) * (0.6 * setting.town_radius[which])[:, None]
    which = rng.integers(0, len(setting.villages), n_village)
    villages = setting.villages[which] + rng.normal(0, 0.6 * setting.village_radius, (n_village, 2))
    candidates = np.concatenate([background, towns, villages])
    return candidates[rng.permutation(len(candidates))]


def _make_seeds(setting: _Setting) -> _Seeds:
    """Exactly ``parcels`` seeds inside the county plus a ring of outside seeds."""
    rng = _rng(setting.seed, "seeds")
    line_xy, line_kind, placed = _linear_seeds(setting)
    inside = setting.inside(line_xy[:, 0], line_xy[:, 1])
    needed = setting.parcels - int(inside.sum())
    chosen, outside = [], [line_xy[~inside]]
    while needed > 0:
        candidates = _candidate_seeds(setting, int(needed * 1.5) + 100, rng)
        candidates = candidates[~_near(shapely.points(candidates), placed, 1.6)]
        is_in = setting.inside(candidates[:, 0], candidates[:, 1])
        taken = candidates[is_in][:needed]
        chosen.append(taken)
        needed -= len(taken)
        outside.append(candidates[~is_in])
    xy = np.concatenate([line_xy[inside]] + chosen)
    kind = np.concatenate([line_kind[inside], np.full(len(xy) - int(inside.sum()), RANDOM)])
    return _Seeds(xy, kind, _outer_ring(setting, np.concatenate(outside), rng))


def _outer_ring(setting: _Setting, outside: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Outside seeds near the county plus a sparse frame so that every county cell is bounded."""
    theta = np.arctan2(outside[:, 1], outside[:, 0])
    near = outside[np.hypot(outside[:, 0], outside[:, 1]) < setting.radius_at(theta) + 4.0 * setting.scale]
    theta = np.linspace(0, 2 * np.pi, 720, endpoint=False)
    frame = 1.5 * COUNTY_RADIUS * 1.3 * np.column_stack([np.cos(theta), np.sin(theta)])
    return np.concatenate([near, frame + rng.normal(0, 1.0, frame.shape)])


def _voronoi_cells(seeds: _Seeds) -> np.ndarray:
    """Voronoi cell of every inside seed, in EPSG:4527 (same order as the seeds)."""
    everything = np.concatenate([seeds.xy, seeds.outside])
    limit = 2.2 * COUNTY_RADIUS
    envelope = shapely.box(-limit, -limit, limit, limit)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(everything), extend_to=envelope))
    if len(cells) != len(everything):  # only duplicate seeds could do this
        raise RuntimeError("Voronoi cells do not match the seeds")
    # Put the cells in seed order (GEOS < 3.12 has no ordered Voronoi): each seed lies inside its own cell.
    seed_index, cell_index = shapely.STRtree(cells).query(shapely.points(everything), predicate="within")
    if len(seed_index) != len(everything):
        raise RuntimeError("Voronoi cells do not match the seeds")
    ordered = np.empty(len(everything), dtype=object)
    ordered[seed_index] = cells[cell_index]
    return shapely.transform(ordered[:len(seeds.xy)], lambda coords: coords + ORIGIN)


# --------------------------------------------------------------------------------------------------------------
# Parcels: land use, administration and planning attributes (one row per DLTB parcel)
# --------------------------------------------------------------------------------------------------------------

@dataclass
class _Parcels:
    """Per-parcel arrays (all of length n) used to build every layer."""

    xy: np.ndarray
    kind: np.ndarray
    geometry: np.ndarray
    elevation: np.ndarray
    town: np.ndarray
    town_d: np.ndarray
    village_d: np.ndarray
    river_d: np.ndarray
    u: dict[str, np.ndarray]
    industrial: np.ndarray  # in the industrial quarter of its town (a ragged sector)
    dlbm: np.ndarray = None
    township: np.ndarray = None
    township_union: np.ndarray = None  # one polygon per township
    unit: np.ndarray = None  # index into the administrative-unit table
    udb: np.ndarray = None  # '' / '410' / '420' / '430'
    redline: np.ndarray = None
    pbf: np.ndarray = None
    ghfq: np.ndarray = None
    ydyh: np.ndarray = None
    area: np.ndarray = None

    def take(self, order: np.ndarray) -> None:
        """Reorder every per-parcel array in place."""
        for name, value in vars(self).items():
            if isinstance(value, np.ndarray) and name != "township_union":
                setattr(self, name, value[order])
            elif isinstance(value, dict):
                setattr(self, name, {k: v[order] for k, v in value.items()})


def _describe_parcels(setting: _Setting, seeds: _Seeds, cells: np.ndarray) -> _Parcels:
    """Sample the fields at every seed (a seed always lies inside its own cell)."""
    x, y = seeds.xy[:, 0], seeds.xy[:, 1]
    town, town_d = setting.town_distance(x, y)
    points = shapely.points(seeds.xy)
    _, village_d = shapely.STRtree(shapely.points(setting.villages)).query_nearest(points, return_distance=True,
                                                                                      all_matches=False)
    river = shapely.points(seeds.xy[seeds.kind == MAIN_RIVER])
    _, river_d = shapely.STRtree(river).query_nearest(points, return_distance=True, all_matches=False)
    white = _rng(setting.seed, "white")
    u = {name: _to_uniform(0.85 * setting.fields[name](x, y) + 0.53 * white.normal(size=len(x)))
         for name in ("farm", "farm2", "hill", "forest", "town", "eco", "pbf", "own")}
    u["white"] = white.uniform(size=len(x))
    u["white2"] = white.uniform(size=len(x))
    seat = setting.towns[town]
    angle = np.angle(np.exp(1j * (np.arctan2(y - seat[:, 1], x - seat[:, 0]) - setting.industry_dir[town])))
    industrial = np.abs(angle) < 0.6 + 0.3 * setting.fields["detail"](x, y)
    return _Parcels(seeds.xy, seeds.kind, cells, setting.elevation(x, y), town, town_d,
                    village_d / setting.village_radius, river_d, u, industrial)


_PLAIN_MINOR = [("1006", 0.045), ("1104", 0.015), ("1202", 0.02), ("0301", 0.02), ("0404", 0.015), ("1206", 0.005),
                ("09", 0.002), ("0602", 0.003), ("1201", 0.003), ("-", 0.872)]
_PLAIN_MAJOR = [("0102", 0.62), ("0103", 0.22), ("0201", 0.09), ("0201K", 0.03), ("0204", 0.02), ("0202", 0.02)]
_HILL = [("0103", 0.38), ("0201", 0.14), ("0307", 0.15), ("0404", 0.13), ("0301", 0.1), ("0305", 0.06), ("0202", 0.04)]
_MOUNTAIN = [("0301", 0.56), ("0305", 0.16), ("0307", 0.11), ("0301K", 0.03), ("0404", 0.1), ("0103", 0.04)]
_PEAK = [("0301", 0.35), ("0305", 0.25), ("0404", 0.25), ("1207", 0.15)]
_TOWN_CENTRE = [("05H1", 0.3), ("0701", 0.3), ("08H1", 0.1), ("08H2", 0.12), ("0810A", 0.04), ("0810", 0.06),
                ("1004", 0.08)]
_TOWN = [("0701", 0.6), ("05H1", 0.08), ("08H2", 0.07), ("0810", 0.07), ("0809", 0.03), ("1004", 0.1),
         ("1005", 0.02), ("1201", 0.03)]
_INDUSTRY = [("0601", 0.75), ("0508", 0.12), ("1004", 0.08), ("0809", 0.05)]
_FRINGE = [("0701", 0.5), ("0601", 0.25), ("1201", 0.1), ("1004", 0.15)]
_VILLAGE = [("0702", 0.82), ("1006", 0.05), ("1202", 0.04), ("08H2", 0.02), ("1201", 0.01), ("05H1", 0.03),
            ("0810A", 0.01)]


def _natural_classes(setting: _Setting, p: _Parcels) -> np.ndarray:
    """Land use before settlements: plain farmland, hills, mountains."""
    t = setting.thresholds
    code = np.empty(len(p.xy), dtype=object)
    mountain, hill = p.elevation > t["mountain"], (p.elevation > t["hill"]) & (p.elevation <= t["mountain"])
    plain = ~mountain & ~hill
    paddy_share = 0.12 + 0.55 * np.exp(-p.river_d / 2500.0)
    code[plain] = np.where(p.u["farm"][plain] < paddy_share[plain], "0101",
                           _choose(p.u["farm2"][plain], _PLAIN_MAJOR))
    minor = _choose(p.u["white"], _PLAIN_MINOR)
    use_minor = plain & (minor != "-")
    code[use_minor] = minor[use_minor]
    code[hill] = _choose(p.u["hill"][hill], _HILL)
    code[mountain] = _choose(p.u["forest"][mountain], _MOUNTAIN)
    peak = p.elevation > t["peak"]
    code[peak] = _choose(p.u["forest"][peak], _PEAK)
    scattered = (mountain | hill) & (p.u["white"] < 0.025)
    code[scattered] = np.where(p.u["white2"][scattered] < 0.3, "0602", "1006")
    return code


def _settlement_classes(setting: _Setting, p: _Parcels, code: np.ndarray) -> None:
    """Towns (centre, industrial quarter, fringe) and villages, in place."""
    village = p.village_d < 1.0
    code[village] = _choose(p.u["white"][village], _VILLAGE)
    fringe = (p.town_d >= 1.0) & (p.town_d < 1.25) & (p.u["town"] < 0.4)
    code[fringe] = _choose(p.u["white"][fringe], _FRINGE)
    core = p.town_d < 1.0
    quarter = core & p.industrial & (p.town_d > 0.45)
    code[core] = _choose(p.u["town"][core], _TOWN)
    code[quarter] = _choose(p.u["white"][quarter], _INDUSTRY)
    centre = p.town_d < 0.35
    code[centre] = _choose(p.u["town"][centre], _TOWN_CENTRE)


def _water_and_roads(setting: _Setting, p: _Parcels, code: np.ndarray) -> None:
    """Rivers, canals, reservoir, lake, ponds, shoals and roads override the rest, in place."""
    plain = p.elevation <= setting.thresholds["hill"]
    shoal = (p.kind == BANK) & (p.river_d < 2.5 * setting.lines[0].width) & plain & (p.town_d > 1.3) \
        & (p.u["white2"] < 0.35)
    code[shoal] = "1106"
    fish = plain & (p.river_d < 3000) & (p.u["white2"] > 0.985) & (p.town_d > 1.3) & (p.village_d > 1.0)
    code[fish] = "1104A"
    code[np.isin(p.kind, (MAIN_RIVER, TRIBUTARY))] = "1101"
    code[p.kind == CANAL] = "1107"
    road = np.isin(p.kind, (HIGHWAY, ROAD))
    code[road] = np.where(p.town_d[road] < 1.1, "1004", "1003")
    code[_in_ellipse(p.xy, setting.lake) | (p.kind == LAKE)] = "1102"
    code[_in_ellipse(p.xy, setting.reservoir) | (p.kind == RESERVOIR)] = "1103"


def _classify(setting: _Setting, p: _Parcels) -> np.ndarray:
    """三调 DLBM of every parcel."""
    code = _natural_classes(setting, p)
    _settlement_classes(setting, p, code)
    _water_and_roads(setting, p, code)
    return code


@dataclass
class _Units:
    """Townships and their villages/communities (坐落单位)."""

    township_code: list[str]  # 12-character XZQDM
    township_name: list[str]
    unit_code: np.ndarray  # 19-character ZLDWDM per unit
    unit_name: np.ndarray
    unit_township: np.ndarray


def _township_of(setting: _Setting, p: _Parcels) -> np.ndarray:
    """Township of each parcel: a power diagram of the seats in a gently warped plane.

    Power cells are convex and the warp is smooth and one-to-one, so townships are
    contiguous with wiggly borders; the county seat's township gets a head start.
    """
    def warp(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        f = setting.fields
        return (x + 700 * f["warp_x"](x, y) + 150 * f["wiggle_x"](x, y),
                y + 700 * f["warp_y"](x, y) + 150 * f["wiggle_y"](x, y))
    wx, wy = warp(p.xy[:, 0], p.xy[:, 1])
    sx, sy = warp(setting.towns[:, 0], setting.towns[:, 1])
    head_start = np.where(np.arange(len(sx)) == 0, 3000.0 ** 2, 0.0)
    return np.argmin((wx[:, None] - sx) ** 2 + (wy[:, None] - sy) ** 2 - head_start, axis=1)


def _contiguous_townships(p: _Parcels) -> np.ndarray:
    """Give stray fragments of a township (rare, at the county edge) to the township around them.

    Returns the township polygons (coverage unions, in township order).
    """
    tree = shapely.STRtree(p.geometry)
    for _ in range(5):
        townships, unions = _union_per_group(p.geometry, p.township)
        moved = False
        for township, union in zip(townships, unions):
            parts = shapely.get_parts(union)
            for part in parts[np.argsort(shapely.area(parts))[:-1]]:
                neighbours = p.township[tree.query(part, predicate="touches")]
                neighbours = neighbours[neighbours != township]
                if len(neighbours):
                    p.township[tree.query(part, predicate="covers")] = np.bincount(neighbours).argmax()
                    moved = True
        if not moved:
            return unions
    return unions


def _township_codes(count: int) -> tuple[list[str], list[str]]:
    codes, names, town_no, xiang_no = [], [], 100, 200
    for name, kind in TOWNSHIPS[:count]:
        number = town_no if kind == "镇" else xiang_no
        town_no, xiang_no = (town_no + 1, xiang_no) if kind == "镇" else (town_no, xiang_no + 1)
        codes.append(f"{COUNTY_CODE}{number:03d}000")
        names.append(name)
    return codes, names


def _village_names(count: int, rng: np.random.Generator) -> list[str]:
    pool = [s + suffix for s in _SURNAMES for suffix in _VILLAGE_SUFFIXES]
    picked = rng.choice(len(pool), count, replace=False)
    return [pool[i] if pool[i].endswith("村") else pool[i] + "村" for i in picked]


def _assign_units(setting: _Setting, p: _Parcels) -> _Units:
    """Village (or town community) of each parcel, within its township."""
    codes, names = _township_codes(len(setting.towns))
    village_township = p.township[shapely.STRtree(shapely.points(p.xy)).query_nearest(
        shapely.points(setting.villages), all_matches=False)[1]]
    village_names = _village_names(len(setting.villages), _rng(setting.seed, "names"))
    unit_code, unit_name, unit_township = [], [], []
    p.unit = np.zeros(len(p.xy), dtype=int)
    for t, (code, name) in enumerate(zip(codes, names)):
        base = len(unit_code)
        unit_code.append(code[:9] + "001" + "0" * 7)
        unit_name.append(name[:-1] + "社区")
        unit_township.append(t)
        mine = np.flatnonzero(village_township == t)
        for j, v in enumerate(mine):
            unit_code.append(f"{code[:9]}{200 + j:03d}" + "0" * 7)
            unit_name.append(village_names[v])
            unit_township.append(t)
        in_township = p.township == t
        p.unit[in_township] = base
        rural = in_township & ~((p.town == t) & (p.town_d < 1.25))
        if len(mine) and rural.any():
            nearest = shapely.STRtree(shapely.points(setting.villages[mine])).query_nearest(
                shapely.points(p.xy[rural]), all_matches=False)[1]
            p.unit[rural] = base + 1 + nearest
    return _Units(codes, names, np.array(unit_code, dtype=object), np.array(unit_name, dtype=object),
                  np.array(unit_township))


def _control_lines(setting: _Setting, p: _Parcels) -> None:
    """UDB zones, red line and permanent basic farmland as disjoint parcel sets."""
    limit = np.where(p.town == 0, 1.45, 1.25)  # the county seat gets the widest flexible ring
    lowland = p.elevation <= setting.thresholds["mountain"]
    udb = np.full(len(p.xy), "", dtype=object)
    udb[(p.town_d < limit) & lowland] = "420"
    udb[(p.town_d < 1.1) & lowland] = "410"
    green = (udb != "") & np.isin(p.dlbm, WATER + FOREST)
    udb[green] = "430"
    p.udb = udb
    eco = np.isin(p.dlbm, FOREST + ("0404", "1207", "1101", "1103", "1106"))
    mountain_red = (p.elevation > setting.thresholds["mountain"]) & eco & (p.u["eco"] > 0.25)
    river_red = (p.kind == MAIN_RIVER) | ((p.dlbm == "1106") & (p.river_d < 3 * setting.lines[0].width)) \
        | (p.dlbm == "1103")
    p.redline = (mountain_red | river_red) & (udb == "")
    p.pbf = np.isin(p.dlbm, CULTIVATED) & (udb == "") & ~p.redline & (p.u["pbf"] < 0.9)


def _planning_zones(setting: _Setting, p: _Parcels) -> np.ndarray:
    """GHFQDM per parcel (Zhejiang-style codes); later rules win."""
    zone = np.full(len(p.xy), "520", dtype=object)
    natural = np.isin(p.dlbm, FOREST + ("0404", "1207"))
    zone[natural & (p.elevation > setting.thresholds["hill"])] = "210"
    zone[natural & (p.elevation <= setting.thresholds["hill"])] = "540"
    zone[(p.dlbm == "0702") | (p.village_d < 1.0)] = "510"
    zone[p.dlbm == "0602"] = "710"
    zone[p.dlbm == "1003"] = "730"
    zone[p.dlbm == "09"] = "740"
    zone[p.pbf] = np.where(p.u["pbf"][p.pbf] < 0.75, "310", "320")
    zone[p.redline] = np.where(p.elevation[p.redline] > setting.thresholds["peak"], "110", "120")
    has_udb = p.udb != ""
    zone[has_udb] = p.udb[has_udb]
    return zone


def _planned_use(setting: _Setting, p: _Parcels) -> np.ndarray:
    """YDYHFLDM (2023 codes) per parcel: current use, urbanised inside the UDB core; about one rural
    homestead in ten outside the boundary is planned back to farmland (village consolidation)."""
    code = np.array([SANDIAO_TO_YDYH[c] for c in p.dlbm], dtype=object)
    growth = (p.udb == "410") & np.isin(p.dlbm, CULTIVATED + ("0201", "0201K", "0204", "0404", "1201", "1202", "1206"))
    urban = _choose(p.u["white2"], [("070102", 0.62), ("1207", 0.12), ("1401", 0.08), ("090101", 0.1),
                                     ("080403", 0.08)])
    code[growth] = np.where(p.industrial[growth], "100101", urban[growth])
    reserve = (p.udb == "420") & (p.u["white2"] < 0.06)
    code[reserve] = "16"
    consolidated = (p.udb == "") & (p.dlbm == "0702") & (p.u["white2"] > 0.9)  # 村庄撤并: homesteads to farmland
    code[consolidated] = "0103"
    return code


def _build_parcels(setting: _Setting, area_function: AreaFunction) -> tuple[_Parcels, _Units]:
    seeds = _make_seeds(setting)
    p = _describe_parcels(setting, seeds, _voronoi_cells(seeds))
    p.dlbm = _classify(setting, p)
    p.township = _township_of(setting, p)
    p.township_union = _contiguous_townships(p)
    units = _assign_units(setting, p)
    p.take(np.lexsort((p.xy[:, 0], -p.xy[:, 1], p.unit)))  # TBBH runs north to south within each village
    _control_lines(setting, p)
    p.ghfq = _planning_zones(setting, p)
    p.ydyh = _planned_use(setting, p)
    p.area = np.asarray(area_function(p.geometry), dtype=float)
    return p, units


# --------------------------------------------------------------------------------------------------------------
# Layers built from the parcels
# --------------------------------------------------------------------------------------------------------------

def _union_per_group(geometry: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Coverage-union parcels per group value: (sorted group values, one union each)."""
    order = np.argsort(groups, kind="stable")
    values, starts = np.unique(groups[order], return_index=True)
    bounds = np.append(starts, len(order))
    unions = [shapely.coverage_union_all(geometry[order[a:b]]) for a, b in zip(bounds[:-1], bounds[1:])]
    return values, np.array(unions, dtype=object)


def _dissolve(geometry: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Coverage-union parcels per group and explode: (group of each part, parts)."""
    values, unions = _union_per_group(geometry, groups)
    parts, index = shapely.get_parts(unions, return_index=True)
    return values[index], parts


def _xzq_layer(p: _Parcels, units: _Units, area_function: AreaFunction) -> LayerData:
    geometry = p.township_union
    dcmj = np.bincount(p.township, weights=np.round(p.area, 2), minlength=len(geometry))
    frame = pd.DataFrame({
        "BSM": _bsm("XZQ", len(geometry)), "YSDM": YSDM["XZQ"],
        "XZQDM": units.township_code, "XZQMC": units.township_name,
        "DCMJ": np.round(dcmj, 2), "JSMJ": np.round(area_function(geometry), 2), "MSSM": "00"})
    fields = _specs(("BSM", "str", 18), ("YSDM", "str", 10), ("XZQDM", "str", 12), ("XZQMC", "str", 100),
                    ("DCMJ", "float", 15, 2), ("JSMJ", "float", 15, 2), ("MSSM", "str", 2))
    return LayerData("XZQ", fields, frame, geometry, area_field="DCMJ")


def _tbbh(unit: np.ndarray) -> np.ndarray:
    """Parcel numbers 1, 2, … within each village (parcels are sorted by unit)."""
    return (pd.Series(unit).groupby(unit).cumcount() + 1).astype(str).to_numpy(dtype=object)


DLTB_FIELDS = _specs(("BSM", "str", 18), ("YSDM", "str", 10), ("TBYBH", "str", 8), ("TBBH", "str", 8),
                     ("DLBM", "str", 5), ("DLMC", "str", 60), ("QSXZ", "str", 2), ("QSDWDM", "str", 19),
                     ("QSDWMC", "str", 255), ("ZLDWDM", "str", 19), ("ZLDWMC", "str", 255), ("TBMJ", "float", 15, 2),
                     ("KCXS", "float", 6, 4), ("KCMJ", "float", 15, 2), ("TBDLMJ", "float", 15, 2),
                     ("CZCSXM", "str", 4), ("SJNF", "int"), ("MSSM", "str", 2), ("XZQDM", "str", 12))


def _dltb_layer(p: _Parcels, units: _Units) -> LayerData:
    tbbh = _tbbh(p.unit)
    state = (p.town_d < 1.0) | np.isin(p.dlbm, ("1101", "1102", "1103", "1003", "09")) \
        | (np.isin(p.dlbm, FOREST) & (p.u["own"] < 0.25))
    czcsxm = np.full(len(p.xy), "", dtype=object)
    czcsxm[p.village_d < 1.0] = "203"
    czcsxm[(p.town_d < 1.0) & (p.town > 0)] = "202"
    czcsxm[(p.town_d < 1.0) & (p.town == 0)] = "201"
    czcsxm[(p.dlbm == "0602") & (czcsxm == "")] = "204"
    czcsxm[(p.dlbm == "09") & (czcsxm == "")] = "205"
    tbmj = np.round(p.area, 2)
    frame = pd.DataFrame({
        "BSM": _bsm("DLTB", len(p.xy)), "YSDM": YSDM["DLTB"], "TBYBH": tbbh, "TBBH": tbbh, "DLBM": p.dlbm,
        "DLMC": [SANDIAO_CLASSES[c] for c in p.dlbm], "QSXZ": np.where(state, "10", "30"),
        "QSDWDM": units.unit_code[p.unit], "QSDWMC": units.unit_name[p.unit],
        "ZLDWDM": units.unit_code[p.unit], "ZLDWMC": units.unit_name[p.unit],
        "TBMJ": tbmj, "KCXS": 0.0, "KCMJ": 0.0, "TBDLMJ": tbmj, "CZCSXM": czcsxm, "SJNF": SURVEY_YEAR,
        "MSSM": "00", "XZQDM": np.array(units.township_code, dtype=object)[p.township]})
    return LayerData("DLTB", list(DLTB_FIELDS), frame, p.geometry.copy(), area_field="TBMJ")


def _pbf_layer(p: _Parcels, units: _Units, dltb: LayerData) -> LayerData:
    rows = dltb.frame[p.pbf]
    frame = pd.DataFrame({
        "BSM": _bsm("YJJBNTBHTB", len(rows)), "YSDM": YSDM["YJJBNTBHTB"], "XZQDM": rows["XZQDM"].to_numpy(),
        "XZQMC": np.array(units.township_name, dtype=object)[p.township[p.pbf]],
        "YJJBNTTBBH": [f"{i:06d}" for i in range(1, len(rows) + 1)], "TBBH": rows["TBBH"].to_numpy(),
        "DLBM": rows["DLBM"].to_numpy(), "DLMC": rows["DLMC"].to_numpy(), "ZLDWDM": rows["ZLDWDM"].to_numpy(),
        "ZLDWMC": rows["ZLDWMC"].to_numpy(), "YJJBNTTBMJ": rows["TBMJ"].to_numpy(),
        "KCXS": 0.0, "YJJBNTMJ": rows["TBMJ"].to_numpy()})
    fields = _specs(("BSM", "str", 18), ("YSDM", "str", 10), ("XZQDM", "str", 12), ("XZQMC", "str", 100),
                    ("YJJBNTTBBH", "str", 20), ("TBBH", "str", 8), ("DLBM", "str", 5), ("DLMC", "str", 60),
                    ("ZLDWDM", "str", 19), ("ZLDWMC", "str", 255), ("YJJBNTTBMJ", "float", 15, 2),
                    ("KCXS", "float", 6, 4), ("YJJBNTMJ", "float", 15, 2))
    return LayerData("YJJBNTBHTB", fields, frame, p.geometry[p.pbf].copy(), area_field="YJJBNTTBMJ")


def _square_metres(area_function: AreaFunction, geometry: np.ndarray) -> np.ndarray:
    """Areas (m², 2 decimals) as stored in the area fields."""
    return np.round(np.asarray(area_function(geometry), dtype=float), 2)


def _redline_layer(p: _Parcels, units: _Units, area_function: AreaFunction, seed: int) -> LayerData:
    river = p.redline & np.isin(p.dlbm, ("1101", "1106"))
    groups, parts = _dissolve(p.geometry[p.redline], (p.township * 2 + river)[p.redline])
    township, is_river = groups // 2, groups % 2 == 1
    kinds = np.array(["水源涵养", "水土保持", "生物多样性维护"], dtype=object)
    hxlx = np.where(is_river, "水源涵养", kinds[_rng(seed, "redline").integers(0, 3, len(parts))])
    place = np.where(is_river, RIVER_NAME, MOUNTAIN_NAME)
    frame = pd.DataFrame({
        "BSM": _bsm("STBHHX", len(parts)), "YSDM": YSDM["STBHHX"],
        "XZQDM": np.array(units.township_code, dtype=object)[township],
        "XZQMC": np.array(units.township_name, dtype=object)[township],
        "HXBM": [f"{COUNTY_CODE}HX{i:04d}" for i in range(1, len(parts) + 1)],
        "HXMC": [f"{a}{b}生态保护红线" for a, b in zip(place, hxlx)], "HXLX": hxlx,
        "MJ": _square_metres(area_function, parts)})
    fields = _specs(("BSM", "str", 18), ("YSDM", "str", 10), ("XZQDM", "str", 12), ("XZQMC", "str", 100),
                    ("HXBM", "str", 20), ("HXMC", "str", 100), ("HXLX", "str", 50), ("MJ", "float", 15, 2))
    return LayerData("STBHHX", fields, frame, parts, target_crs=GEOGRAPHIC_EPSG, area_field="MJ")


def _udb_layer(p: _Parcels, units: _Units, area_function: AreaFunction) -> LayerData:
    inside = p.udb != ""
    zone_index = {"410": 0, "420": 1, "430": 2}
    zone = np.array([zone_index[z] for z in p.udb[inside]])
    groups, parts = _dissolve(p.geometry[inside], p.township[inside] * 3 + zone)
    township, code = groups // 3, np.array(["410", "420", "430"], dtype=object)[groups % 3]
    frame = pd.DataFrame({
        "BSM": _bsm("CZKFBJ", len(parts)), "YSDM": YSDM["CZKFBJ"],
        "XZQDM": np.array(units.township_code, dtype=object)[township],
        "XZQMC": np.array(units.township_name, dtype=object)[township],
        "GHFQDM": code, "GHFQMC": [GHFQ_CLASSES[c] for c in code], "MJ": _square_metres(area_function, parts),
        "BZ": ""})
    fields = _specs(("BSM", "str", 18), ("YSDM", "str", 10), ("XZQDM", "str", 12), ("XZQMC", "str", 100),
                    ("GHFQDM", "str", 3), ("GHFQMC", "str", 50), ("MJ", "float", 15, 2), ("BZ", "str", 255))
    return LayerData("CZKFBJ", fields, frame, parts, area_field="MJ")


def _zone_layer(name: str, code_field: str, code_width: int, names: dict[str, str], codes: np.ndarray, p: _Parcels,
                units: _Units, area_function: AreaFunction) -> LayerData:
    """GHFQ or YDYHGHFQ: parcels dissolved per township and code."""
    vocabulary = np.array(sorted(set(codes)), dtype=object)
    index = np.searchsorted(vocabulary, codes)
    groups, parts = _dissolve(p.geometry, p.township * len(vocabulary) + index)
    township, code = groups // len(vocabulary), vocabulary[groups % len(vocabulary)]
    name_field = code_field[:-2] + "MC"
    frame = pd.DataFrame({
        "BSM": _bsm(name, len(parts)), "YSDM": YSDM[name],
        "XZQDM": np.array(units.township_code, dtype=object)[township],
        "XZQMC": np.array(units.township_name, dtype=object)[township],
        code_field: code, name_field: [names[c] for c in code], "MJ": _square_metres(area_function, parts), "BZ": ""})
    fields = _specs(("BSM", "str", 18), ("YSDM", "str", 10), ("XZQDM", "str", 12), ("XZQMC", "str", 100),
                    (code_field, "str", code_width), (name_field, "str", 50),
                    ("MJ", "float", 15, 2), ("BZ", "str", 255))
    return LayerData(name, fields, frame, parts, area_field="MJ")


# --------------------------------------------------------------------------------------------------------------
# Monitoring layers: change patches (JCTB) and project sites (XMYD)
# --------------------------------------------------------------------------------------------------------------

def _blobs(centres: np.ndarray, radius: np.ndarray, rng: np.random.Generator, vertices: int = 7) -> np.ndarray:
    """Irregular star-shaped (hence simple, valid) polygons around ``centres`` (EPSG:4527)."""
    n = len(centres)
    angles = (np.arange(vertices) + rng.uniform(-0.3, 0.3, (n, vertices))) * 2 * np.pi / vertices
    angles = angles + rng.uniform(0, 2 * np.pi, (n, 1))
    stretch = rng.uniform(1.0, 2.0, (n, 1))
    turn = rng.uniform(0, np.pi, (n, 1))
    r = radius[:, None] * rng.uniform(0.75, 1.15, (n, vertices))
    u, v = r * np.cos(angles) * np.sqrt(stretch), r * np.sin(angles) / np.sqrt(stretch)
    x = centres[:, :1] + u * np.cos(turn) - v * np.sin(turn)
    y = centres[:, 1:] + u * np.sin(turn) + v * np.cos(turn)
    ring = np.stack([x, y], axis=-1)
    return shapely.polygons(np.concatenate([ring, ring[:, :1]], axis=1))


def _sites(setting: _Setting, p: _Parcels, spacing: float, tag: str) -> tuple[np.ndarray, np.ndarray]:
    """Jittered grid sites (EPSG:4527) at least ``spacing`` / 3 apart, with the parcel under each."""
    rng = _rng(setting.seed, tag)
    grid = _grid(setting, spacing)
    grid = grid[np.lexsort((grid[:, 0], -grid[:, 1]))] + rng.uniform(-0.3, 0.3, grid.shape) * spacing
    grid = grid[setting.inside(grid[:, 0] * 1.08, grid[:, 1] * 1.08)]
    parcel = shapely.STRtree(shapely.points(p.xy)).query_nearest(shapely.points(grid), all_matches=False)[1]
    return grid + ORIGIN, parcel


def _pick_by_strata(strata: dict[str, np.ndarray], quota: dict[str, int],
                    rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Indices of sites drawn per stratum (each site at most once) and their stratum names."""
    used = np.zeros(len(next(iter(strata.values()))), dtype=bool)
    picked, labels = [], []
    for name, want in quota.items():
        pool = np.flatnonzero(strata[name] & ~used)
        take = rng.permutation(pool)[:want]
        used[take] = True
        picked.append(take)
        labels.extend([name] * len(take))
    picked, labels = np.concatenate(picked), np.array(labels, dtype=object)
    order = np.argsort(picked)  # site order (north to south), so numbers do not reveal the stratum
    return picked[order], labels[order]


_JCTB_CHANGES = {
    "redline": [("新增建设用地", "0602"), ("新增建设用地", "0702"), ("推堆土", "1206")],
    "pbf": [("新增建设用地", "0601"), ("新增建设用地", "0702"), ("耕地流出", "0201"), ("耕地流出", "1104A"),
            ("设施农用地", "1202")],
    "udb": [("新增建设用地", "0701"), ("新增建设用地", "0601"), ("新增建设用地", "05H1")],
    "cultivated": [("新增建设用地", "0702"), ("新增建设用地", "0601"), ("设施农用地", "1202"), ("耕地流出", "0301")],
    "other": [("新增建设用地", "0601"), ("推堆土", "1206"), ("新增建设用地", "1003")],
}


def _dates(rng: np.random.Generator, start: str, days: int, count: int) -> np.ndarray:
    base = np.datetime64(start) + rng.integers(0, days, count).astype("timedelta64[D]")
    return base.astype(str).astype(object)


def _jctb_layer(setting: _Setting, p: _Parcels, units: _Units, area_function: AreaFunction) -> LayerData:
    rng = _rng(setting.seed, "jctb")
    count = int(round(80 * (setting.parcels / MIN_PARCELS) ** 0.4))
    centres, parcel = _sites(setting, p, 450.0, "jctb-sites")
    cultivated = np.isin(p.dlbm, CULTIVATED)
    strata = {"redline": p.redline[parcel], "pbf": p.pbf[parcel], "udb": (p.udb != "")[parcel],
              "cultivated": (cultivated & (p.udb == "") & ~p.pbf)[parcel], "other": np.ones(len(parcel), bool)}
    shares = {"redline": 0.12, "pbf": 0.25, "udb": 0.28, "cultivated": 0.2, "other": 0.15}
    pick, stratum = _pick_by_strata(strata, {k: int(round(v * count)) for k, v in shares.items()}, rng)
    geometry = _blobs(centres[pick], rng.uniform(25, 80, len(pick)), rng)
    change = [_JCTB_CHANGES[s][rng.integers(len(_JCTB_CHANGES[s]))] for s in stratum]
    under = parcel[pick]
    frame = pd.DataFrame({
        "JCTBBH": [f"{COUNTY_CODE}{MONITOR_YEAR}{i:05d}" for i in range(1, len(pick) + 1)],
        "TBLX": [c[0] for c in change], "ND": MONITOR_YEAR, "JCMJ": np.round(area_function(geometry), 2),
        "BGQDL": p.dlbm[under], "BGHDL": [c[1] for c in change],
        "JCSDQ": _dates(rng, f"{MONITOR_YEAR - 1}-09-01", 90, len(pick)),
        "JCSDH": _dates(rng, f"{MONITOR_YEAR}-03-01", 90, len(pick)),
        "XZQDM": np.array(units.township_code, dtype=object)[p.township[under]],
        "XZQMC": np.array(units.township_name, dtype=object)[p.township[under]]})
    fields = _specs(("JCTBBH", "str", 20), ("TBLX", "str", 20), ("ND", "int"), ("JCMJ", "float", 15, 2),
                    ("BGQDL", "str", 5), ("BGHDL", "str", 5), ("JCSDQ", "date"), ("JCSDH", "date"),
                    ("XZQDM", "str", 12), ("XZQMC", "str", 100))
    return LayerData("JCTB", fields, frame, geometry, key="JCTBBH", area_field="JCMJ")


#: Project names by intended use (first matching code prefix wins; repeated uses take the next name).
_PROJECT_NAMES = [("070", ("安置小区项目", "棚户区改造项目", "商品住宅项目", "人才公寓项目")),
                  ("1001", ("农产品加工园项目", "装备制造产业园项目", "新材料产业园项目")),
                  ("0904", ("旅游服务中心项目",)), ("090", ("商业综合体项目", "农贸市场项目")),
                  ("080", ("第二中学新建项目", "中心幼儿园项目", "卫生院迁建项目")),
                  ("14", ("滨河公园项目", "城市广场项目")),
                  ("1207", ("城区道路新建工程",)), ("1208", ("公交首末站项目",)), ("1202", ("公路改扩建工程",)),
                  ("1303", ("光伏发电项目", "变电站新建工程")), ("1302", ("污水处理厂扩建工程",)),
                  ("13", ("市政设施项目",)), ("1002", ("石料开采项目",)), ("1101", ("物流园区项目",)),
                  ("06", ("养殖场建设项目",))]
_XMYD_USES = {"outside": ["100101", "070102"], "pbf": ["1202", "1303"], "redline": ["1002", "0904"]}


def _project_names(townships: list[str], uses: list[str]) -> list[str]:
    """Distinct project names: township + a name for the use; repeats get 二期-style phase numbers."""
    used: dict[tuple[str, int], int] = {}
    seen: dict[str, int] = {}
    names = []
    for township, use in zip(townships, uses):
        group = next((i for i, (prefix, _) in enumerate(_PROJECT_NAMES) if use.startswith(prefix)), -1)
        options = _PROJECT_NAMES[group][1] if group >= 0 else ("城市更新项目",)
        count = used[township, group] = used.get((township, group), -1) + 1
        name = township + options[count % len(options)]
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name[:-2]}（{seen[name]}期）{name[-2:]}")  # …项目 / …工程
    return names


def _xmyd_uses(stratum: np.ndarray, planned: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Intended use per site: as planned, deliberately different, or a typical conflicting use."""
    uses = planned.copy()
    mismatch = stratum == "udb_mismatch"
    uses[mismatch] = np.where(np.char.startswith(planned[mismatch].astype(str), "07"), "100101", "070102")
    for name, options in _XMYD_USES.items():
        here = stratum == name
        uses[here] = np.array(options, dtype=object)[rng.integers(0, len(options), here.sum())]
    ordinary = (stratum == "udb_ok") & ~np.isin(uses, list(YDYH_CLASSES))
    uses[ordinary] = "070102"
    return uses


def _xmyd_layer(setting: _Setting, p: _Parcels, units: _Units, area_function: AreaFunction) -> LayerData:
    rng = _rng(setting.seed, "xmyd")
    count = int(round(24 * (setting.parcels / MIN_PARCELS) ** 0.18))
    centres, parcel = _sites(setting, p, 1400.0, "xmyd-sites")
    strata = {"udb_ok": (p.udb == "410")[parcel], "udb_mismatch": (p.udb == "410")[parcel],
              "outside": (p.ghfq == "520")[parcel], "pbf": p.pbf[parcel], "redline": p.redline[parcel]}
    shares = {"udb_ok": 0.45, "udb_mismatch": 0.12, "outside": 0.15, "pbf": 0.13, "redline": 0.15}
    pick, stratum = _pick_by_strata(strata, {k: max(1, int(round(v * count))) for k, v in shares.items()}, rng)
    geometry = _blobs(centres[pick], rng.uniform(90, 220, len(pick)), rng, vertices=6)
    under = parcel[pick]
    uses = _xmyd_uses(stratum, p.ydyh[under], rng)
    township = p.township[under]
    names = _project_names([units.township_name[t] for t in township], list(uses))
    frame = pd.DataFrame({
        "XMDM": [f"{MONITOR_YEAR}-{COUNTY_CODE}-48-01-{i:06d}" for i in range(1, len(pick) + 1)],
        "XMMC": names, "YDYHFLDM": uses, "YDYHFLMC": [YDYH_CLASSES[u] for u in uses],
        "YDMJ": np.round(area_function(geometry), 2),
        "XZQDM": np.array(units.township_code, dtype=object)[township],
        "XZQMC": np.array(units.township_name, dtype=object)[township],
        "PFSJ": _dates(rng, f"{MONITOR_YEAR}-01-01", 300, len(pick))})
    fields = _specs(("XMDM", "str", 30), ("XMMC", "str", 200), ("YDYHFLDM", "str", 6), ("YDYHFLMC", "str", 50),
                    ("YDMJ", "float", 15, 2), ("XZQDM", "str", 12), ("XZQMC", "str", 100), ("PFSJ", "date"))
    return LayerData("XMYD", fields, frame, geometry, key="XMDM", area_field="YDMJ")


# --------------------------------------------------------------------------------------------------------------
# Tables: population (RKSJ) and plan targets (GHMB)
# --------------------------------------------------------------------------------------------------------------

def _per_township(p: _Parcels, mask: np.ndarray, count: int) -> np.ndarray:
    """Sum of parcel areas (m²) per township for the parcels in ``mask``."""
    return np.bincount(p.township[mask], weights=p.area[mask], minlength=count)


def _rksj_table(setting: _Setting, p: _Parcels, units: _Units) -> LayerData:
    count = len(units.township_code)
    urban = _per_township(p, (p.dlbm == "0701"), count) * 0.02
    rural = _per_township(p, (p.dlbm == "0702"), count) * 0.006
    rng = _rng(setting.seed, "population")
    rows = []
    for year in range(2020, MONITOR_YEAR + 1):
        k = year - MONITOR_YEAR
        czrk = np.round(urban * 1.018 ** k * rng.uniform(0.995, 1.005, count)).astype(int)
        xcrk = np.round(rural * 0.99 ** k * rng.uniform(0.995, 1.005, count)).astype(int)
        rows.append(pd.DataFrame({"XZQDM": units.township_code, "XZQMC": units.township_name, "ND": year,
                                  "CZRK": czrk, "XCRK": xcrk, "CZHRK": czrk + xcrk}))
    frame = pd.concat(rows, ignore_index=True)
    fields = _specs(("XZQDM", "str", 12), ("XZQMC", "str", 100), ("ND", "int"), ("CZRK", "int"), ("XCRK", "int"),
                    ("CZHRK", "int"))
    return LayerData("RKSJ", fields, frame, None, crs=None, key=None)


#: (ZBDM, ZBMC, ZBSX) of the plan-target indicators, all in 公顷.
INDICATORS = [("GDBYL", "耕地保有量", "约束性"), ("YJJBNTBHMJ", "永久基本农田保护面积", "约束性"),
              ("STBHHXMJ", "生态保护红线面积", "约束性"), ("CZKFBJMJ", "城镇开发边界面积", "约束性"),
              ("JSYDZMJ", "建设用地总面积", "约束性"), ("CXJSYDMJ", "城乡建设用地面积", "约束性"),
              ("LDBYL", "林地保有量", "约束性")]


def _current_indicators(p: _Parcels, count: int) -> dict[str, np.ndarray]:
    """Current values (公顷) per township of the indicators in :data:`INDICATORS`."""
    construction = np.isin(p.dlbm, CONSTRUCTION)
    settled = (p.town_d < 1.25) | (p.village_d < 1.0)
    current = {"GDBYL": np.isin(p.dlbm, CULTIVATED), "YJJBNTBHMJ": p.pbf, "STBHHXMJ": p.redline,
               "CZKFBJMJ": p.udb != "", "JSYDZMJ": construction, "CXJSYDMJ": construction & settled,
               "LDBYL": np.isin(p.dlbm, FOREST)}
    return {key: _per_township(p, mask, count) / 10_000.0 for key, mask in current.items()}


def _ghmb_table(setting: _Setting, p: _Parcels, units: _Units) -> LayerData:
    """2035 targets: protection lines as delineated, floors a little below and ceilings above today.

    The second township's 耕地保有量 target lies above its current value (a monitoring warning).
    """
    count = len(units.township_code)
    rng = _rng(setting.seed, "targets")
    current = _current_indicators(p, count)
    factor = {"GDBYL": rng.uniform(0.97, 0.995, count), "YJJBNTBHMJ": np.ones(count), "STBHHXMJ": np.ones(count),
              "CZKFBJMJ": np.ones(count), "JSYDZMJ": rng.uniform(1.04, 1.10, count),
              "CXJSYDMJ": rng.uniform(1.02, 1.06, count), "LDBYL": rng.uniform(0.98, 0.995, count)}
    factor["GDBYL"][min(1, count - 1)] = 1.015
    rows = []
    codes = list(units.township_code) + [COUNTY_XZQDM]
    names = list(units.township_name) + [COUNTY_NAME]
    for zbdm, zbmc, zbsx in INDICATORS:
        target = np.round(current[zbdm] * factor[zbdm], 4)
        values = np.append(target, np.round(target.sum(), 4))
        rows.append(pd.DataFrame({"XZQDM": codes, "XZQMC": names, "ND": PLAN_YEAR, "ZBDM": zbdm, "ZBMC": zbmc,
                                  "ZBSX": zbsx, "MBZ": values, "DW": "公顷"}))
    frame = pd.concat(rows, ignore_index=True)
    fields = _specs(("XZQDM", "str", 12), ("XZQMC", "str", 100), ("ND", "int"), ("ZBDM", "str", 20),
                    ("ZBMC", "str", 100), ("ZBSX", "str", 10), ("MBZ", "float", 18, 4), ("DW", "str", 20))
    return LayerData("GHMB", fields, frame, None, crs=None, key=None)


# --------------------------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------------------------

def generate_county(parcels: int = MIN_PARCELS, seed: int = DEFAULT_SEED, area_function: AreaFunction | None = None,
                    progress: ProgressCallback = no_progress,
                    cancelled: CancelledCallback = never_cancelled) -> SampleCounty:
    """Generate the clean sample county with exactly ``parcels`` DLTB parcels (2 000 … 300 000).

    ``area_function`` maps an array of EPSG:4527 geometries to areas in m²
    (default: planar).  Same ``parcels`` and ``seed`` → identical output.
    """
    if not MIN_PARCELS <= int(parcels) <= MAX_PARCELS:
        raise ValueError(f"parcels must be between {MIN_PARCELS} and {MAX_PARCELS}, got {parcels}")
    area_function = area_function or planar_area
    steps = Steps(6, progress, cancelled)
    setting = _make_setting(int(parcels), int(seed))
    steps.advance()
    p, units = _build_parcels(setting, area_function)
    steps.advance()
    dltb = _dltb_layer(p, units)
    layers = [_xzq_layer(p, units, area_function), dltb, _pbf_layer(p, units, dltb),
              _redline_layer(p, units, area_function, setting.seed), _udb_layer(p, units, area_function)]
    steps.advance()
    layers += [_zone_layer("GHFQ", "GHFQDM", 3, GHFQ_CLASSES, p.ghfq, p, units, area_function),
               _zone_layer("YDYHGHFQ", "YDYHFLDM", 6, YDYH_CLASSES, p.ydyh, p, units, area_function)]
    steps.advance()
    layers += [_jctb_layer(setting, p, units, area_function), _xmyd_layer(setting, p, units, area_function)]
    steps.advance()
    layers += [_rksj_table(setting, p, units), _ghmb_table(setting, p, units)]
    boundary = shapely.coverage_union_all(layers[0].geometry)
    steps.advance()
    return SampleCounty(int(parcels), int(seed), boundary, {layer.name: layer for layer in layers}, area_function)


# --------------------------------------------------------------------------------------------------------------
# Defects variant
# --------------------------------------------------------------------------------------------------------------

def _entry(defect_id: str, rule: str, layer: LayerData, key: str | None, description: str, **extra) -> dict:
    """One manifest entry (``key`` is the value of the layer's key field, ``None`` for layer-level defects).

    ``extra`` adds optional keys: ``field``, ``value``, ``other_layer``/``other_key``
    (the second feature of a pair) and ``may_also_trigger`` (side effects).
    """
    entry = {"id": defect_id, "rule": rule, "layer": layer.name, "key_field": layer.key if key is not None else None,
             "key": key, "description": description}
    entry.update(extra)
    return entry


def _spread_parcels(county: SampleCounty, count: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` large interior DLTB parcels, pairwise not touching (so defects do not interact)."""
    geometry = county["DLTB"].geometry
    area = shapely.area(geometry)
    tree = shapely.STRtree(geometry)
    interior = np.ones(len(geometry), dtype=bool)
    interior[tree.query(shapely.boundary(county.boundary), predicate="intersects")] = False
    vertices = shapely.get_num_coordinates(geometry)
    candidates = rng.permutation(np.flatnonzero(interior & (area > np.median(area)) & (vertices >= 5)))
    taken: list[int] = []
    blocked: set[int] = set()
    for index in candidates:
        if index in blocked:
            continue
        taken.append(int(index))
        blocked.update(tree.query(shapely.buffer(geometry[index], 1.0)).tolist())
        if len(taken) == count:
            return np.array(taken)
    raise ValueError("not enough parcels to plant the defects")


def _bow_tie(polygon: shapely.Geometry) -> shapely.Geometry:
    """Swap two consecutive vertices of a convex ring: its edges cross (a self-intersecting bow-tie)."""
    ring = shapely.get_coordinates(shapely.get_exterior_ring(polygon))
    ring[[1, 2]] = ring[[2, 1]]
    return shapely.polygons(ring)


def _plant_dltb(county: SampleCounty, rng: np.random.Generator) -> list[dict]:
    """Geometry, key, code, topology, schema and area defects in DLTB, one parcel each."""
    dltb, area_of = county["DLTB"], county.area_function
    frame, geometry = dltb.frame, dltb.geometry
    bow, dup_a, dup_b, unknown, gap, overlap, wrong_area = _spread_parcels(county, 7, rng)
    bsm = frame["BSM"].to_numpy(dtype=object)
    geometry[bow] = _bow_tie(geometry[bow])
    frame.loc[dup_b, "BSM"] = bsm[dup_a]
    frame.loc[unknown, "DLBM"] = "9999"
    geometry[gap] = shapely.buffer(geometry[gap], -1.0, join_style="mitre")
    geometry[overlap] = shapely.buffer(geometry[overlap], 1.5, join_style="mitre")
    for index in (gap, overlap):  # their TBMJ follows the new shape: only the topology is wrong
        frame.loc[index, "TBMJ"] = _square_metres(area_of, geometry[[index]])[0]
    frame.loc[wrong_area, "TBMJ"] = round(float(frame.at[wrong_area, "TBMJ"]) * 1.05, 2)
    frame.drop(columns="TBDLMJ", inplace=True)
    dltb.fields = [spec for spec in dltb.fields if spec.name != "TBDLMJ"]
    return [
        _entry("D01", "geometry.invalid", dltb, bsm[bow], "bow-tie: two vertices swapped, the ring self-intersects",
               may_also_trigger=["topology.gap", "topology.overlap", "area.mismatch"]),
        _entry("D03", "key.duplicate", dltb, bsm[dup_a], "two parcels share this BSM", other_key=bsm[dup_b]),
        _entry("D04", "code.unknown", dltb, bsm[unknown], "DLBM '9999' is not a 三调 class", field="DLBM",
               value="9999"),
        _entry("D06", "schema.missing_field", dltb, None, "required field TBDLMJ is missing from the layer",
               field="TBDLMJ"),
        _entry("D10", "topology.gap", dltb, bsm[gap], "parcel shrunk by 1 m: a gap ring opens around it "
               "(a gap is no feature: match the finding by location or by its neighbours)", distance_m=1.0),
        _entry("D11", "topology.overlap", dltb, bsm[overlap], "parcel grown by 1.5 m: it overlaps its neighbours",
               distance_m=1.5),
        _entry("D12", "area.mismatch", dltb, bsm[wrong_area], "TBMJ is 5 % above the parcel's area", field="TBMJ",
               factor=1.05),
    ]


def _touching_pair(lines: np.ndarray, farmland: np.ndarray, rng: np.random.Generator) -> tuple[int, int]:
    """A (control-line polygon, farmland parcel) pair that touch; the nearest pair if none does."""
    pairs = shapely.STRtree(farmland).query(lines, predicate="intersects")
    if pairs.shape[1]:
        line, parcel = pairs[:, rng.integers(pairs.shape[1])]
        return int(line), int(parcel)
    pairs = shapely.STRtree(farmland).query_nearest(lines, all_matches=False)
    line, parcel = pairs[:, 0]
    return int(line), int(parcel)


def _grow_over_farmland(county: SampleCounty, name: str, rng: np.random.Generator,
                        exclude: tuple[int, ...] = ()) -> tuple[str, str, int]:
    """Enlarge one polygon of a control line over a PBF parcel; returns (line key, PBF key, PBF index)."""
    line, pbf = county[name], county["YJJBNTBHTB"]
    present = ~shapely.is_missing(pbf.geometry)
    present[list(exclude)] = False
    candidates = np.flatnonzero(present)
    index, parcel = _touching_pair(line.geometry, pbf.geometry[present], rng)
    parcel = int(candidates[parcel])
    line.geometry[index] = shapely.union(line.geometry[index], pbf.geometry[parcel])
    line.frame.loc[index, "MJ"] = _square_metres(county.area_function, line.geometry[[index]])[0]
    return line.frame.at[index, "BSM"], pbf.frame.at[parcel, "BSM"], parcel


def _plant_control_lines(county: SampleCounty, rng: np.random.Generator) -> list[dict]:
    """三线冲突: farmland inside the UDB and inside the red line, then a PBF parcel without geometry."""
    pbf = county["YJJBNTBHTB"]
    udb_key, udb_pbf, first = _grow_over_farmland(county, "CZKFBJ", rng)
    red_key, red_pbf, second = _grow_over_farmland(county, "STBHHX", rng, exclude=(first,))
    free = np.setdiff1d(np.arange(len(pbf.frame)), [first, second])
    empty = int(rng.choice(free))
    pbf.geometry[empty] = None
    return [
        _entry("D02", "geometry.null", pbf, pbf.frame.at[empty, "BSM"], "feature without geometry"),
        _entry("D08", "conflict.control_lines", pbf, udb_pbf, "CZKFBJ polygon enlarged over this PBF parcel",
               other_layer="CZKFBJ", other_key=udb_key),
        _entry("D09", "conflict.control_lines", pbf, red_pbf, "STBHHX polygon enlarged over this PBF parcel",
               other_layer="STBHHX", other_key=red_key),
    ]


def _plant_codes_and_types(county: SampleCounty, rng: np.random.Generator) -> list[dict]:
    """Unknown 用地用海 code in YDYHGHFQ; CZKFBJ.XZQDM stored as an integer field."""
    plan, udb = county["YDYHGHFQ"], county["CZKFBJ"]
    index = int(rng.integers(len(plan.frame)))
    plan.frame.loc[index, ["YDYHFLDM", "YDYHFLMC"]] = ["9901", "未知用地"]
    udb.frame["XZQDM"] = udb.frame["XZQDM"].astype("int64")
    udb.fields = [FieldSpec("XZQDM", "int") if spec.name == "XZQDM" else spec for spec in udb.fields]
    return [
        _entry("D05", "code.unknown", plan, plan.frame.at[index, "BSM"], "YDYHFLDM '9901' is not a 用地用海 code",
               field="YDYHFLDM", value="9901"),
        _entry("D07", "schema.wrong_type", udb, None, "XZQDM is an integer field (should be text, 12 characters)",
               field="XZQDM", expected="string", actual="integer"),
    ]


def plant_defects(county: SampleCounty, seed: int | None = None) -> tuple[SampleCounty, list[dict]]:
    """The defects variant of a clean county and its manifest (the input is not modified).

    Each manifest entry has ``id`` (D01…D12), the validation ``rule`` it should
    trigger (ids of ``resources/rules/validation_default.json``), the ``layer``,
    the feature's ``key_field``/``key`` (``None`` for layer-level defects) and a
    ``description``; some add ``field``, ``other_layer``/``other_key`` or
    ``may_also_trigger``.  Planted: a bow-tie polygon, a null geometry, a
    duplicate BSM, unknown DLBM/YDYHFLDM codes, a missing required field
    (DLTB.TBDLMJ), an integer XZQDM field, PBF overlapping the UDB and the red
    line, a gap and an overlap between parcels and a TBMJ 5 % too large.
    """
    rng = _rng(county.seed if seed is None else seed, "defects")
    defects = county.copy()
    manifest = _plant_dltb(defects, rng) + _plant_control_lines(defects, rng) + _plant_codes_and_types(defects, rng)
    return defects, sorted(manifest, key=lambda entry: entry["id"])
