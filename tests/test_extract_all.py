"""`csplan extract --all`: every quantitative statement of a report, beyond the headline figures.

The Cangshan report is checked against the bundled store, which was built by hand from it: a
store figure counts as recovered when a record has its year, kind, metric, value, unit, growth,
qualifier and status, and a quote that overlaps the store's (see `overlaps`). Each record counts
for one store figure at most. The small texts below test each rule on a phrasing the report has.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import ROOT, require_report, unavailable

from csplan.extract import extract
from csplan.model import Store
from csplan.records import records as flat_records
from csplan.store import load
from csplan.vocab import number_text

FIGURE = ("year", "kind", "metric", "value", "unit", "growth", "qualifier", "status")
CORPUS = ROOT.parent / "shared" / "corpus"


def _plain(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def _number(r: dict) -> str:
    x = r["growth"] if r["metric"] == "growth" else r["value"]
    return "" if x is None or r["metric"] == "task" else number_text(abs(x))


def overlaps(quote: str, stored: str, number: str) -> bool:
    """Whitespace aside, one quote holds the other, or they share a run of at least 8 characters
    that holds the figure's number."""
    a, b = _plain(quote), _plain(stored)
    if a in b or b in a:
        return True
    if not number:
        return False
    for i in range(len(a)):
        for j in range(i + 8, len(a) + 1):
            if a[i:j] not in b:
                break
            if number in a[i:j]:
                return True
    return False


def recovered(got: list[dict], expected: list[dict]) -> dict[int, int]:
    """{store figure's index: record's index}, a largest one-to-one matching of the figures to
    the records that have their figure and an overlapping quote."""
    fits = {e: [g for g, r in enumerate(got) if all(r[k] == x[k] for k in FIGURE)
                and overlaps(r["quote"], x["quote"], _number(x))] for e, x in enumerate(expected)}
    owner: dict[int, int] = {}

    def place(e: int, tried: set[int]) -> bool:
        for g in fits[e]:
            if g not in tried:
                tried.add(g)
                if g not in owner or place(owner[g], tried):
                    owner[g] = e
                    return True
        return False

    for e in fits:
        place(e, set())
    return {e: g for g, e in owner.items()}


def line(r: dict) -> str:
    figure = " ".join(str(r[k]) for k in FIGURE if r[k] is not None)
    return f"{r['indicator']} {r['name']} {figure} | {r['quote']}"


# --- the Cangshan report against the bundled store ---------------------------------------------


@pytest.fixture(scope="module")
def cangshan():
    from csplan.locate import bundled_store

    store = load(bundled_store())
    text = require_report().read_text(encoding="utf-8")
    return store, text, extract(text, store, every=True)


def test_all_recovers_the_bundled_stores_figures(cangshan):
    store, _, result = cangshan
    expected = flat_records(store, list(store.figures))
    assert len(expected) == 148
    got = result.records
    match = recovered(got, expected)
    n, pct = len(match), len(match) / len(expected)
    missed = [line(x) for e, x in enumerate(expected) if e not in match]
    extra = [line(r) for g, r in enumerate(got) if g not in set(match.values())]
    print(f"recovered {n}/{len(expected)} = {pct:.1%}")
    print(f"missed {len(missed)}:", *missed, sep="\n  ")
    print(f"beyond the store's figures {len(extra)} of {len(got)} = {len(extra) / len(got):.1%}:", *extra,
          sep="\n  ")
    assert pct >= 0.9, f"recovered {n}/{len(expected)} = {pct:.1%}; missed: {missed}"
    assert len(extra) <= 0.1 * len(got), f"{len(extra)} of {len(got)} records beyond the store's: {extra}"


def test_all_keeps_the_headline_records_first_and_unchanged(cangshan):
    store, text, result = cangshan
    headline = extract(text, store)
    assert len(headline.records) == 18  # eight figures, the energy task, nine targets of 2025
    assert result.records[:len(headline.records)] == headline.records
    assert extract(text, store, every=False).records == headline.records


def test_all_ids_are_readable_in_an_empty_store(cangshan):
    _, text, _ = cangshan
    result = extract(text, Store(), region="cangshan", every=True)
    ids = [r["indicator"] for r in result.records]
    assert len(ids) >= 140
    for iid in ids:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", iid), iid
        assert not iid.startswith("indicator_"), iid
    assert len({(r["indicator"], r["year"], r["kind"], r["metric"]) for r in result.records}) == len(ids)
    names = {r["indicator"]: r["name"] for r in result.records}
    assert names["gazelle_firms" if "gazelle_firms" in names else "dengling_firms"] == "“瞪羚”企业"


def test_cli_all_prints_more_than_the_headline(cli, bundled):
    report = str(require_report())
    plain = cli("extract", report, "--format", "csv")
    every = cli("extract", report, "--all", "--format", "csv")
    assert plain.exit_code == every.exit_code == 0
    assert len(plain.stdout.splitlines()) == 19  # a header and 18 records
    assert len(every.stdout.splitlines()) > 140
    assert every.stdout.startswith(plain.stdout)


# --- each rule, on a small report ----------------------------------------------------------------

TITLE = "关于某某区2024年国民经济和社会发展计划执行情况及2025年国民经济和社会发展计划草案的报告\n\n"
SUMMARY = "预计，全年地区生产总值 500 亿元，增长 5%；社会消费品零售总额 200 亿元，增长 4%。\n\n"


def report(actual: str = "", plan: str = "", middle: str = "") -> str:
    return (TITLE + "## 一、2024年国民经济和社会发展计划执行情况\n\n" + SUMMARY + "### （一）各项工作\n\n" + actual
            + "\n\n" + middle
            + "## 三、2025年国民经济和社会发展计划安排\n\n2025年主要预期目标：地区生产总值增长5%。\n\n" + plan + "\n")


def statements(text: str) -> list[tuple]:
    """(name, year, kind, metric, value, unit, growth, qualifier, status) of the records beyond the
    headline ones."""
    result = extract(text, Store(), region="mou", every=True)
    headline = len(extract(text, Store(), region="mou").records)
    return [(r["name"], *(r[k] for k in FIGURE if k not in ("kind",)), r["kind"])
            for r in result.records[headline:]]


def figures(text: str) -> set[tuple]:
    """(name, year, kind, metric, value, unit, qualifier, status) of the statements."""
    result = extract(text, Store(), region="mou", every=True)
    headline = len(extract(text, Store(), region="mou").records)
    return {(r["name"], r["year"], r["kind"], r["metric"], r["value"], r["unit"], r["qualifier"], r["status"])
            for r in result.records[headline:]}


@pytest.mark.parametrize("sentence, expected", [
    ("数字经济产业规模超 650 亿元。", ("数字经济产业规模", 650, "亿元", "more_than")),
    ("全区新增市场主体2.2万余户。", ("新增市场主体", 2.2, "万户", "more_than")),
    ("拆除“两违”面积约 2.73 万平方米。", ("拆除“两违”面积", 2.73, "万平方米", "about")),
    ("帮助66家企业获得授信资金近10亿元。", ("授信资金", 10, "亿元", "nearly")),
    ("全区高新技术企业达614家。", ("高新技术企业", 614, "家", "exact")),
    ("全区城市污水处理率 98.42%。", ("城市污水处理率", 98.42, "%", "exact")),
    ("疏通雨水管道 3.1 万余米。", ("疏通雨水管道", 3.1, "万米", "more_than")),
])
def test_levels_with_their_qualifiers(sentence, expected):
    name, value, unit, qualifier = expected
    assert (name, 2024, "actual", "value", value, unit, qualifier, "reported") in figures(report(sentence))


def test_the_name_after_the_unit_and_after_examples():
    found = figures(report("推出锐捷网络公司数字化智能工厂等 8 个数字化应用场景。"
                           "中路云网车路协同等 19 个项目入选省市数字经济重点项目。"
                           "创想中心、徒步创业园等2家通过市级众创空间认定。"
                           "恒一海洋科技产业育成中心等 32 个项目实现开工。"))
    names = {(f[0], f[4]) for f in found}
    assert names == {("数字化应用场景", 8), ("省市数字经济重点项目", 19), ("市级众创空间", 2), ("项目开工", 32)}


def test_ranks_of_a_name_or_of_the_figure_before():
    found = figures(report("实现网络零售额 222 亿元，零售额排名全市第 1。"
                           "规上企业R&D经费投入29.98亿元，投入强度2.86%，排名全市第4。"
                           "新增市场主体2.2万余户，市场主体总量超18万户，新增市场主体量、市场主体总量均居全市第1。",
                           plan="力争高新技术企业总量保持全市前 3。"))
    ranks = {(f[0], f[1], f[2], f[4], f[6]) for f in found if f[3] == "rank"}
    assert ranks == {("网络零售额", 2024, "actual", 1, "exact"), ("规上企业R&D经费投入", 2024, "actual", 4, "exact"),
                     ("新增市场主体", 2024, "actual", 1, "exact"), ("市场主体总量", 2024, "actual", 1, "exact"),
                     ("高新技术企业", 2025, "target", 3, "at_most")}


def test_a_chain_of_levels_shares_its_noun():
    found = figures(report("推行国家级 13 项、市级 15 项、区级 7 项跨部门事项一次性办理。"
                           "完成出让地块 30 宗，总面积 1239.88 亩，总金额 150.43 亿元。"))
    assert {(f[0], f[4], f[5]) for f in found} == {
        ("国家级跨部门事项", 13, "项"), ("市级跨部门事项", 15, "项"), ("区级跨部门事项", 7, "项"),
        ("出让地块", 30, "宗"), ("出让地块总面积", 1239.88, "亩"), ("出让地块总金额", 150.43, "亿元")}


def test_status_year_and_kind_from_the_part_and_the_sentence():
    found = figures(report("福顺半导体等 7 个项目加快建设，建成后预计新增产业载体约50 万平方米。",
                           plan="力争全年新增提升商贸服务业企业 180 家以上，预期投资额百亿元以上。"))
    assert ("新增产业载体", 2024, "actual", "value", 50, "万平方米", "about", "estimate") in found
    assert ("项目建设", 2024, "actual", "value", 7, "个", "exact", "reported") in found
    assert ("新增提升商贸服务业企业", 2025, "target", "value", 180, "家", "at_least", None) in found
    assert ("预期投资额", 2025, "target", "value", 100, "亿元", "at_least", None) in found


def test_a_growth_and_a_schedule_gap():
    found = statements(report("区属中学被“老九所”录取人数增幅 11.5%。"
                              "118 项省市重点项目投资完成率 93.9%，超序时进度 10.56 个百分点。"))
    assert ("区属中学被“老九所”录取人数", 2024, "growth", None, "%", 11.5, "exact", "reported", "actual") in found
    assert ("省市重点项目投资完成率", 2024, "value", 93.9, "%", None, "exact", "reported", "actual") in found
    assert ("超序时进度", 2024, "value", 10.56, "个百分点", None, "exact", "reported", "actual") in found


@pytest.mark.parametrize("sentence", [
    "工业增加值比上年提高 1.2 个百分点。",  # a comparison in points
    "2023年全区新增市场主体1.8万户。",  # a figure of another year
    "五年来累计新增就业 8 万人。",  # a sum over years
    "城乡居民收入年均增长 6%。",  # a multi-year average
    "新签约超5亿元项目，签约额1050—1060亿元。",  # a size class and a range
    "汉特云入选第七届“科创中国”新锐企业榜 50 强。",  # an ordinal and a list place
    "扬尘六个100%管控措施全面落实。",  # a percent that is not a rate
    "城镇、农村居民人均可支配收入分别增长5.1%、6.9%。",  # spread over names
])
def test_what_is_not_a_figure_of_its_own(sentence):
    assert figures(report(sentence)) == set()


def test_a_section_of_difficulties_gives_nothing():
    text = report(middle="## 二、存在的困难和问题\n\n产业载体空间受限，还有 3 个园区未完成整治。\n\n")
    assert figures(text) == set()


def test_a_size_class_keeps_its_count():
    found = figures(report("新签约并注册超5亿元内资项目389个。"))
    assert {(f[4], f[5], f[6]) for f in found} == {(389, "个", "exact")}


# --- other reports: it runs, and every quote holds its number ------------------------------------


@pytest.mark.parametrize("name, year", [("nantong-2024-government-work-report.txt", 2024),
                                        ("hailaerqu-2019-government-work-report.txt", 2019)])
def test_corpus_reports_run_and_every_quote_holds_its_number(name, year):
    path = CORPUS / name
    if not path.is_file():
        unavailable(f"needs the corpus report ../shared/corpus/{name}, not beside this checkout")
    text = path.read_text(encoding="utf-8")
    years = {"region": "mou", "actual_year": year - 1, "target_year": year}
    result = extract(text, Store(), **years, every=True)
    assert len(result.records) > len(extract(text, Store(), **years).records) + 10
    plain = _plain(text)
    for r in result.records:
        assert _plain(r["quote"]) in plain, r["quote"]
        number = _number(r)
        if number and not re.search("[一二三四五六七八九十百千]", r["quote"]):
            assert number in _plain(r["quote"]), line(r)
        assert re.fullmatch(r"[a-z][a-z0-9_]*", r["indicator"]) and not r["indicator"].startswith("indicator_")
