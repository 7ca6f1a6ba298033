#!/usr/bin/env python3
"""Write a deterministic synthetic store of N figures, for benchmarks.

    python benchmarks/make_store.py --figures 100000 --seed 1 big.toml
    python benchmarks/make_store.py --figures 500000 --seed 1 big        a store folder
    python benchmarks/make_store.py --figures 500000 --rows rows.csv big   and every figure as import rows

Many districts and counties of one province, in a three-level tree (the province, its nine
cities, their districts and counties, each with its level and parent), years 2005–2025, a yearly
plan report per region (a source with its date), and for each indicator, region and year: the
estimate from that year's report, the revised figure from the next year's report, and the target
from the previous year's report.
Names and quotes are Chinese, in the reports' wording; the file is in csplan's canonical form,
so `csplan validate` and `csplan fmt --check` accept it. The same N and seed give the same bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from csplan.model import Figure, Indicator, Region, Source, Store  # noqa: E402
from csplan.folder import wants_folder  # noqa: E402
from csplan.store import create, dumps  # noqa: E402

YEARS = range(2005, 2026)

CITIES = ("福州市", "厦门市", "泉州市", "漳州市", "莆田市", "三明市", "南平市", "龙岩市", "宁德市")
PLACES = ("鼓楼", "台江", "仓山", "晋安", "马尾", "长乐", "思明", "湖里", "集美", "海沧", "同安", "翔安",
          "丰泽", "洛江", "泉港", "芗城", "龙文", "城厢", "涵江", "荔城", "秀屿", "三元", "沙县", "延平",
          "建阳", "新罗", "永定", "蕉城", "福安", "福鼎", "闽侯", "连江", "罗源", "闽清", "永泰", "平潭")
SUFFIXES = ("区", "县", "市")

# id, name, English name, unit, category, metric, typical size
INDICATORS = (
    ("gdp", "地区生产总值", "Gross regional product", "亿元", "headline", "value", 800),
    ("retail_sales", "社会消费品零售总额", "Total retail sales of consumer goods", "亿元", "headline", "value", 400),
    ("trade", "进出口总额", "Total imports and exports", "亿元", "headline", "value", 300),
    ("disposable_income", "居民人均可支配收入", "Per-capita disposable income", "元", "headline", "value", 50000),
    ("fixed_asset_investment", "固定资产投资", "Fixed-asset investment", "亿元", "headline", "growth", 0),
    ("general_budget_revenue", "一般公共预算收入", "General public budget revenue", "亿元", "headline", "value", 60),
    ("industrial_output", "规模以上工业增加值", "Value added of industry above designated size", "亿元",
     "industry", "value", 200),
    ("high_tech_firms", "国家高新技术企业", "National high-tech enterprises", "家", "industry", "value", 300),
    ("srdi_smes", "专精特新中小企业", "Specialised and innovative SMEs", "家", "industry", "value", 80),
    ("digital_economy", "数字经济规模", "Digital economy", "亿元", "industry", "value", 500),
    ("online_retail", "网络零售额", "Online retail sales", "亿元", "industry", "value", 120),
    ("tourism_revenue", "旅游总收入", "Tourism revenue", "亿元", "industry", "value", 90),
    ("new_market_entities", "新增市场主体", "New market entities", "户", "reform", "value", 20000),
    ("rd_intensity", "研究与试验发展经费投入强度", "R&D intensity", "%", "reform", "value", 3),
    ("gov_services", "一网通办事项", "Services online", "项", "reform", "value", 1500),
    ("foreign_investment", "实际利用外资", "Foreign direct investment", "亿元", "reform", "value", 30),
    ("gdp_rank", "地区生产总值全市排名", "GDP rank in the city", None, "headline", "rank", 10),
    ("key_projects", "省市重点项目", "Provincial and municipal key projects", "个", "projects", "value", 60),
    ("key_project_investment", "重点项目完成投资", "Investment in key projects", "亿元", "projects", "value", 150),
    ("land_supply", "供应土地面积", "Land supplied", "亩", "projects", "value", 3000),
    ("old_communities", "老旧小区改造", "Old residential areas renovated", "个", "projects", "value", 40),
    ("resettlement_housing", "安置房建设", "Resettlement housing built", "套", "projects", "value", 5000),
    ("pocket_parks", "口袋公园", "Pocket parks", "处", "projects", "value", 20),
    ("greenways", "绿道", "Greenways", "公里", "projects", "value", 30),
    ("air_quality", "空气质量优良率", "Share of days with good air", "%", "projects", "value", 98),
    ("water_quality", "水源地水质达标率", "Drinking-water sources up to standard", "%", "projects", "value", 100),
    ("energy_task", "能耗双控任务", "Energy-use control task", None, "projects", "task", 1),
    ("urban_jobs", "城镇新增就业", "New urban jobs", "万人", "livelihood", "value", 2),
    ("unemployment", "城镇登记失业率", "Registered urban unemployment", "%", "livelihood", "value", 3),
    ("school_places", "新增学位", "New school places", "个", "livelihood", "value", 6000),
    ("kindergartens", "新建幼儿园", "New kindergartens", "所", "livelihood", "value", 8),
    ("childcare_places", "托位", "Childcare places", "个", "livelihood", "value", 1500),
    ("elderly_canteens", "长者食堂", "Canteens for the elderly", "个", "livelihood", "value", 25),
    ("clinics", "基层医疗卫生机构", "Primary health-care institutions", "家", "livelihood", "value", 40),
    ("fitness_events", "全民健身赛事", "Public fitness events", "场", "livelihood", "value", 120),
    ("livelihood_spending", "民生支出占比", "Share of spending on livelihood", "%", "livelihood", "value", 75),
    ("safety_hazards", "整改安全隐患", "Safety hazards remedied", "万处", "livelihood", "value", 2),
    ("hiring_task", "为民办实事任务", "Practical matters for the people", None, "livelihood", "task", 1),
)

QUALIFIER_WEIGHTS = (("exact", 70), ("more_than", 10), ("at_least", 8), ("about", 6), ("nearly", 3),
                     ("at_most", 3))
BEFORE = {"more_than": "超", "about": "约", "nearly": "近"}
AFTER = {"at_least": "以上", "at_most": "以内"}


CITY_IDS = ("fuzhou", "xiamen", "quanzhou", "zhangzhou", "putian", "sanming", "nanping", "longyan", "ningde")
LEVEL_OF_SUFFIX = {"区": "district", "县": "county", "市": "county"}  # a county-level city is a county


def tree() -> list[Region]:
    """The province and its cities: the two levels above the regions that have figures."""
    return [Region("fujian", "福建省", "Fujian", "province"),
            *(Region(cid, name, None, "city", "fujian") for cid, name in zip(CITY_IDS, CITIES, strict=True))]


def region_list(count: int) -> list[Region]:
    """`count` districts and counties, each in its city (the third level of the tree)."""
    regions = [Region("cangshan", "福州市仓山区", "Cangshan District, Fuzhou", "district", "fuzhou")]
    n = 1
    while len(regions) < count:
        city = n % len(CITIES)
        place = PLACES[(n // len(CITIES)) % len(PLACES)]
        suffix = SUFFIXES[(n // (len(CITIES) * len(PLACES))) % len(SUFFIXES)]
        rid = f"r{n:04d}"
        regions.append(Region(rid, f"{CITIES[city]}{place}{suffix}" + ("" if n < 324 else f"{n // 324}片区"), None,
                              LEVEL_OF_SUFFIX[suffix], CITY_IDS[city]))
        n += 1
    return regions


def number(rng: random.Random, size: float, unit: str | None):
    if unit in ("%",):
        return round(rng.uniform(size * 0.5, min(size * 1.3, 100.0)), 2)
    if size >= 1000 or unit in ("家", "个", "项", "所", "处", "套", "场", "户"):
        return max(1, int(rng.uniform(size * 0.3, size * 1.7)))
    digits = rng.choice((0, 1, 2))
    x = rng.uniform(size * 0.3, size * 1.7)
    return max(1, int(x)) if digits == 0 else round(x, digits)


def growth(rng: random.Random) -> float:
    g = round(rng.gauss(6.0, 3.5), 1)
    return int(g) if g == int(g) else g


def growth_words(g) -> str:
    if g == 0:
        return "持平"
    return f"增长 {g}%" if g > 0 else f"下降 {abs(g)}%"


def make(figures: int, seed: int) -> Store:
    rng = random.Random(seed)
    per_region = len(INDICATORS) * (len(YEARS) * 3 - 2)
    regions = region_list(max(1, -(-figures // per_region)))
    store = Store()
    for r in [*tree(), *regions]:
        store.regions[r.id] = r
    for r in regions:
        for y in YEARS:
            sid = f"{r.id}-{y}-plan"
            day = 15 + rng.randrange(15)
            store.sources[sid] = Source(
                sid,
                f"关于{r.name} {y} 年国民经济和社会发展计划执行情况及 {y + 1} 年国民经济和社会发展计划草案的报告",
                f"{y}-12-{day:02d}",
                f"{r.name}发展和改革局",
                f"{r.name}人民代表大会第{y - 2003}次会议",
                r.id,
            )
    for iid, name, name_en, unit, category, metric, _size in INDICATORS:
        store.indicators[iid] = Indicator(iid, name, name_en, unit, category, "lower" if iid == "unemployment"
                                          else "higher", [name_en, f"{name}规模"] if metric == "value" else [])

    quals = [q for q, _ in QUALIFIER_WEIGHTS]
    weights = [w for _, w in QUALIFIER_WEIGHTS]
    out = store.figures
    for r in regions:
        for iid, name, _en, unit, _cat, metric, size in INDICATORS:
            for y in YEARS:
                for kind, src_year, status in (("actual", y, "estimate"), ("actual", y + 1, "reported"),
                                               ("target", y - 1, None)):
                    if len(out) >= figures:
                        return store
                    if src_year not in YEARS:
                        continue
                    source = f"{r.id}-{src_year}-plan"
                    q = rng.choices(quals, weights)[0]
                    word = "预计" if status == "estimate" else ("" if kind == "actual" else f"{y} 年预期目标：")
                    if metric == "value":
                        v, g = number(rng, size, unit), growth(rng)
                        fig = Figure(kind, iid, r.id, y, "value", q, source, "", v, unit, g, status)
                        text = f"{BEFORE.get(q, '')}{v} {unit}{AFTER.get(q, '')}，{growth_words(g)}"
                    elif metric == "growth":
                        g = growth(rng)
                        q = "exact" if g == 0 else q
                        fig = Figure(kind, iid, r.id, y, "growth", q, source, "", None, "%", g, status)
                        text = f"{growth_words(g)}{'左右' if q == 'about' else ''}"
                    elif metric == "rank":
                        v = 1 + rng.randrange(size)
                        q = rng.choice(("exact", "at_most"))
                        fig = Figure(kind, iid, r.id, y, "rank", q, source, "", v, None, None, status)
                        text = f"居全市{'前' if q == 'at_most' else '第'} {v}"
                    else:
                        v = None if kind == "target" else rng.choice((1, 1, 1, 0))
                        fig = Figure(kind, iid, r.id, y, "task", "exact", source, "", v, None, None, status)
                        text = "完成市下达的年度任务" if v != 0 else "未完成市下达的年度任务"
                    fig.quote = f"{word}{r.name}{y} 年{name}{text}"
                    out.append(fig)
    return store


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--figures", type=int, required=True, help="how many figures (observations and targets)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("out", type=Path, help="the store to write: a .toml file (replaced if it exists), else a "
                                           "store folder (which must not exist yet)")
    ap.add_argument("--rows", type=Path, metavar="CSV",
                    help="also write every figure as a row of `csplan import` (the columns of `list --format csv`)")
    args = ap.parse_args(argv)
    if args.figures < 1:
        ap.error("--figures must be at least 1")
    store = make(args.figures, args.seed)
    if args.rows:
        from csplan.records import KEYS, record
        from csplan.render import write_records

        with open(args.rows, "w", encoding="utf-8", newline="") as f:
            write_records([record(store, fig) for fig in store.figures], "csv", KEYS, out=f)
    if wants_folder(args.out):
        create(args.out, store)
    else:
        args.out.write_text(dumps(store), encoding="utf-8")
    print(f"{args.out}: {len(store.figures)} figures, {len(store.regions)} regions, "
          f"{len(store.indicators)} indicators, {len(store.sources)} sources", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
