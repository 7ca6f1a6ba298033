"""`csplan extract`: headline figures and main targets read from a report's text.

The sample reports in tests/fixtures were written for these tests in the genre of the real ones
(a county, a city in hard-wrapped full-width plain text, a province with a numbered target list,
the State Council); the expected figures below are read off those texts. The Cangshan report is
checked against the bundled store's own records.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from conftest import require_report

from csplan.extract import extract, prepare, read_header
from csplan.model import CsplanError, Store
from csplan.query import select
from csplan.records import KEYS, records
from csplan.store import check_text, load
from csplan.vocab import number_text

FIXTURES = Path(__file__).parent / "fixtures"
TITLE = "关于某某县2024年国民经济和社会发展计划执行情况及2025年国民经济和社会发展计划草案的报告\n\n"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def rows(result, kind: str | None = None) -> list[tuple]:
    """(indicator, year, kind, metric, value, unit, growth, qualifier, status) of each record."""
    return [(r["indicator"], r["year"], r["kind"], r["metric"], r["value"], r["unit"], r["growth"], r["qualifier"],
             r["status"]) for r in result.records if kind is None or r["kind"] == kind]


def mini(summary: str = "", targets: str = "") -> str:
    """A small report: a title, last year's summary paragraph, next year's targets paragraph."""
    return TITLE + "2024年，全县经济稳中向好。" + summary + "\n\n" + targets + "\n"


# --- the Cangshan report against the bundled store -----------------------------------------------


def test_cangshan_headlines_and_targets_match_the_bundled_store(report_text, bundled):
    store = load(bundled)
    headline = {i.id for i in store.indicators.values() if i.category == "headline"}
    actual = [f for f in select(store, year=2024, kind="actual") if f.indicator in headline]
    target = [f for f in select(store, year=2025, kind="target") if f.indicator in headline]
    assert sum(f.metric == "value" for f in actual) == 8  # the eight headline figures of 2024
    assert sum(f.metric == "growth" for f in target) == 6  # the six growth targets of 2025
    assert sum(f.metric == "task" for f in target) == 3  # one task target naming three indicators
    expected = records(store, actual + target)

    result = extract(report_text, store)

    key = lambda r: (r["indicator"], r["kind"], r["metric"])  # noqa: E731
    assert sorted(result.records, key=key) == sorted(expected, key=key)
    assert (result.region, result.source, result.actual_year, result.target_year) == (
        "cangshan", "cangshan-2024-plan", 2024, 2025)
    assert result.new_indicators == []


def test_cangshan_into_an_empty_store_finds_the_same_figures(report_text, bundled):
    store = load(bundled)
    known = {(r["indicator"], r["year"], r["kind"], r["metric"], r["value"], r["unit"], r["growth"], r["qualifier"],
              r["status"]) for r in extract(report_text, store).records}
    fresh = extract(report_text, Store(), region="cangshan")
    assert set(rows(fresh)) == known
    assert "gdp" in fresh.new_indicators and "energy_saving" in fresh.new_indicators


def test_cangshan_header(report_text):
    h = read_header(report_text)
    assert h.title.startswith("关于福州市仓山区 2024 年") and h.title.endswith("草案的报告")
    assert (h.date, h.region_name, h.actual_year, h.target_year) == ("2024-12-25", "福州市仓山区", 2024, 2025)
    assert h.meeting == "仓山区第十八届人民代表大会第四次会议"
    assert h.issuer == "福州市仓山区发展和改革局"


# --- reports of other regions, written in the genre ---------------------------------------------

COUNTY = [
    ("gdp", 2025, "actual", "value", 268.4, "亿元", 6.1, "exact", "preliminary"),
    ("industrial_value_added", 2025, "actual", "growth", None, "%", 8.3, "exact", "preliminary"),
    ("fixed_asset_investment", 2025, "actual", "growth", None, "%", -2.4, "exact", "preliminary"),
    ("retail_sales", 2025, "actual", "value", 96.7, "亿元", 5.2, "exact", "preliminary"),
    ("budget_revenue", 2025, "actual", "value", 18.6, "亿元", 0, "exact", "preliminary"),
    ("local_budget_revenue", 2025, "actual", "value", 10.2, "亿元", 1.5, "exact", "preliminary"),
    ("urban_disposable_income", 2025, "actual", "value", 45210, "元", 4.1, "exact", "preliminary"),
    ("rural_disposable_income", 2025, "actual", "value", 24860, "元", 6.9, "exact", "preliminary"),
    ("new_urban_jobs", 2025, "actual", "value", 3120, "人", None, "exact", "preliminary"),
    ("energy_intensity", 2025, "actual", "growth", None, "%", -3.2, "exact", "preliminary"),
    ("energy_saving", 2025, "actual", "task", 1, None, None, "exact", "preliminary"),
    ("gdp", 2026, "target", "growth", None, "%", 6.5, "about", None),
    ("industrial_value_added", 2026, "target", "growth", None, "%", 8, "at_least", None),
    ("fixed_asset_investment", 2026, "target", "growth", None, "%", 5, "exact", None),
    ("retail_sales", 2026, "target", "growth", None, "%", 6, "exact", None),
    ("budget_revenue", 2026, "target", "growth", None, "%", 3, "exact", None),
    ("local_budget_revenue", 2026, "target", "growth", None, "%", 0, "exact", None),
    ("urban_disposable_income", 2026, "target", "growth", None, "%", 5, "exact", None),
    ("rural_disposable_income", 2026, "target", "growth", None, "%", 7, "exact", None),
    ("surveyed_unemployment_rate", 2026, "target", "value", 5.5, "%", None, "at_most", None),
    ("energy_intensity", 2026, "target", "task", None, None, None, "exact", None),
    ("grain_output", 2026, "target", "value", 5.2, "万吨", None, "at_least", None),
]

CITY = [
    ("gdp", 2023, "actual", "value", 12500, "亿元", None, "exact", "estimate"),
    ("gdp", 2023, "actual", "growth", None, "%", 5.5, "about", "estimate"),
    ("industrial_value_added", 2023, "actual", "growth", None, "%", 6.2, "exact", "estimate"),
    ("fixed_asset_investment", 2023, "actual", "growth", None, "%", 3.1, "exact", "estimate"),
    ("retail_sales", 2023, "actual", "value", 5420, "亿元", 6.0, "exact", "estimate"),
    ("trade", 2023, "actual", "value", 2680, "亿元", -4.7, "exact", "estimate"),
    ("budget_revenue", 2023, "actual", "value", 980, "亿元", 2.3, "exact", "estimate"),
    ("urban_disposable_income", 2023, "actual", "growth", None, "%", 5.6, "exact", "estimate"),
    ("rural_disposable_income", 2023, "actual", "growth", None, "%", 7.1, "exact", "estimate"),
    ("cpi", 2023, "actual", "growth", None, "%", 0.2, "exact", "estimate"),
    ("fdi", 2023, "actual", "value", 10.5, "亿美元", None, "exact", "estimate"),
    ("industrial_investment", 2023, "actual", "value", 100, "亿元", None, "more_than", "estimate"),
    ("gdp", 2024, "target", "growth", None, "%", 5.5, "about", None),
    ("public_budget_revenue", 2024, "target", "growth", None, "%", 3, "exact", None),
    ("industrial_value_added", 2024, "target", "growth", None, "%", 6, "at_least", None),
    ("fixed_asset_investment", 2024, "target", "growth", None, "%", 5, "exact", None),
    ("retail_sales", 2024, "target", "growth", None, "%", 7, "exact", None),
    ("trade", 2024, "target", "growth", None, "%", 0, "exact", None),
    ("disposable_income", 2024, "target", "task", None, None, None, "exact", None),
    ("cpi", 2024, "target", "growth", None, "%", 3, "about", None),
    ("surveyed_unemployment_rate", 2024, "target", "value", 5.5, "%", None, "at_most", None),
    ("fdi", 2024, "target", "value", 8, "亿美元", None, "at_least", None),
    ("energy_saving", 2024, "target", "task", None, None, None, "exact", None),
]

PROVINCE = [
    ("gdp", 2022, "actual", "value", 5.31, "万亿元", 4.7, "exact", "preliminary"),
    ("primary_industry_value_added", 2022, "actual", "value", 3076.2, "亿元", 3.7, "exact", "preliminary"),
    ("industrial_value_added", 2022, "actual", "growth", None, "%", 6.5, "exact", "preliminary"),
    ("fixed_asset_investment", 2022, "actual", "growth", None, "%", 7.5, "exact", "preliminary"),
    ("retail_sales", 2022, "actual", "value", 2.1, "万亿元", 3.6, "exact", "preliminary"),
    ("budget_revenue", 2022, "actual", "value", 5650, "亿元", 2.1, "exact", "preliminary"),
    ("local_budget_revenue", 2022, "actual", "value", 3340, "亿元", 1.5, "exact", "preliminary"),
    ("trade", 2022, "actual", "value", 1.99, "万亿元", 7.6, "exact", "preliminary"),
    ("exports", 2022, "actual", "value", 1.26, "万亿元", 11.3, "exact", "preliminary"),
    ("cpi", 2022, "actual", "growth", None, "%", 2.0, "exact", "preliminary"),
    ("surveyed_unemployment_rate", 2022, "actual", "value", 5.3, "%", None, "exact", "preliminary"),
    ("disposable_income", 2022, "actual", "value", 43118, "元", 5.1, "exact", "preliminary"),
    ("gdp", 2023, "target", "growth", None, "%", 6, "about", None),
    ("public_budget_revenue", 2023, "target", "growth", None, "%", 5, "about", None),
    ("fixed_asset_investment", 2023, "target", "growth", None, "%", 5, "at_least", None),
    ("retail_sales", 2023, "target", "growth", None, "%", 7, "about", None),
    ("new_urban_jobs", 2023, "target", "value", 5, "万人", None, "at_least", None),
    ("surveyed_unemployment_rate", 2023, "target", "value", 5.5, "%", None, "at_most", None),
    ("cpi", 2023, "target", "growth", None, "%", 3, "about", None),
    ("disposable_income", 2023, "target", "task", None, None, None, "exact", None),
    ("energy_saving", 2023, "target", "task", None, None, None, "exact", None),
]

NATIONAL = [
    ("gdp", 2024, "actual", "value", 134.9, "万亿元", 5, "exact", "preliminary"),
    ("new_urban_jobs", 2024, "actual", "value", 1256, "万人", None, "exact", "preliminary"),
    ("surveyed_unemployment_rate", 2024, "actual", "value", 5.1, "%", None, "exact", "preliminary"),
    ("cpi", 2024, "actual", "growth", None, "%", 0.2, "exact", "preliminary"),
    ("grain_output", 2024, "actual", "value", 1.41, "万亿斤", None, "exact", "preliminary"),
    ("energy_intensity", 2024, "actual", "growth", None, "%", -3.8, "exact", "preliminary"),
    ("gdp", 2025, "target", "growth", None, "%", 5, "about", None),
    ("new_urban_jobs", 2025, "target", "value", 1200, "万人", None, "at_least", None),
    ("surveyed_unemployment_rate", 2025, "target", "value", 5.5, "%", None, "about", None),
    ("cpi", 2025, "target", "growth", None, "%", 2, "about", None),
    ("disposable_income", 2025, "target", "task", None, None, None, "exact", None),
    ("balance_of_payments", 2025, "target", "task", None, None, None, "exact", None),
    ("grain_output", 2025, "target", "value", 1.4, "万亿斤", None, "about", None),
    ("energy_intensity", 2025, "target", "growth", None, "%", -3, "about", None),
    ("ecological_environmental_quality", 2025, "target", "task", None, None, None, "exact", None),
]

SAMPLES = {
    "county-2025-plan-report.md": (COUNTY, "pingnan", 2025, 2026),
    "city-2023-plan-report.txt": (CITY, "quanzhou", 2023, 2024),
    "province-2022-plan-report.md": (PROVINCE, "fujian", 2022, 2023),
    "national-2024-plan-report.md": (NATIONAL, "china", 2024, 2025),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_reports_give_exactly_their_headline_figures(name, bundled):
    expected, region, actual_year, target_year = SAMPLES[name]
    result = extract(fixture(name), load(bundled))
    assert rows(result) == expected
    assert result.region.startswith(region)
    assert (result.actual_year, result.target_year) == (actual_year, target_year)
    assert result.source == f"{result.region}-{actual_year}-plan"


def test_numbers_keep_their_printed_type(bundled):
    """6.0% stays 6.0 and 1110 stays an integer, as printed."""
    result = extract(fixture("city-2023-plan-report.txt"), load(bundled))
    retail = next(r for r in result.records if r["indicator"] == "retail_sales" and r["kind"] == "actual")
    assert isinstance(retail["growth"], float) and number_text(retail["growth"]) == "6.0"
    assert isinstance(retail["value"], int)


def test_direction_of_new_and_known_indicators(bundled):
    result = extract(fixture("national-2024-plan-report.md"), load(bundled))
    better = {r["indicator"]: r["better"] for r in result.records}
    assert better["cpi"] == better["surveyed_unemployment_rate"] == better["energy_intensity"] == "lower"
    assert better["gdp"] == better["grain_output"] == better["new_urban_jobs"] == "higher"


def test_urban_income_is_its_own_indicator_not_disposable_income(bundled):
    result = extract(fixture("county-2025-plan-report.md"), load(bundled))
    names = {r["indicator"]: r["name"] for r in result.records}
    assert names["urban_disposable_income"] == "城镇居民人均可支配收入"
    assert names["rural_disposable_income"] == "农村居民人均可支配收入"
    assert {"urban_disposable_income", "rural_disposable_income"} <= set(result.new_indicators)
    assert "disposable_income" not in names


def test_the_section_figures_after_the_summary_are_left_out(bundled):
    """The county's sections print 百亿元, 个百分点, 第2, 年均 and 以上 figures: none is a headline."""
    result = extract(fixture("county-2025-plan-report.md"), load(bundled))
    quotes = " ".join(r["quote"] for r in result.records)
    for words in ("产值", "个百分点", "年均", "专精特新", "优良率", "创业担保", "农村公路", "30个"):
        assert words not in quotes


# --- quotes --------------------------------------------------------------------------------------


def _plain(text: str) -> str:
    """The text without whitespace and page-number lines: what a quote with page breaks joined
    must be a fragment of."""
    lines = [ln for ln in re.split(r"[\r\n\f]", text) if not re.fullmatch(r"[\s\-—–－―]*[\d０-９]{1,3}[\s\-—–－―]*", ln)]
    return re.sub(r"\s", "", "".join(lines))


def _mentions(quote: str, number) -> bool:
    q = unicodedata.normalize("NFKC", quote)
    if isinstance(number, int) and number in (100, 1000) and ("百" in q or "千" in q):
        return True
    return number_text(abs(number)) in q


ALL_TEXTS = sorted(SAMPLES)


@pytest.mark.parametrize("name", ALL_TEXTS + ["cangshan"])
def test_every_quote_is_a_fragment_of_the_input_holding_its_number(name, bundled):
    text = require_report().read_text(encoding="utf-8") if name == "cangshan" else fixture(name)
    result = extract(text, load(bundled))
    assert result.records
    plain = _plain(text)
    for r in result.records:
        assert re.sub(r"\s", "", r["quote"]) in plain, r["quote"]
        assert "\n" not in r["quote"] and "\f" not in r["quote"]
        if r["metric"] == "value":
            assert _mentions(r["quote"], r["value"]), r
        if r["growth"] not in (None, 0):
            assert _mentions(r["quote"], r["growth"]), r
        if r["growth"] == 0:
            assert "持平" in r["quote"]


def test_a_page_break_inside_a_number_is_joined_in_the_quote(bundled):
    result = extract(fixture("county-2025-plan-report.md"), load(bundled))
    urban = next(r for r in result.records if r["indicator"] == "urban_disposable_income" and r["kind"] == "actual")
    assert urban["quote"] == "城镇、农村居民人均可支配收入分别达到45210元、24860元，分别增长4.1%、6.9%"
    retail = next(r for r in result.records if r["indicator"] == "retail_sales" and r["kind"] == "actual")
    assert retail["quote"] == "社会消费品零售总额96.7亿元、增长5.2%"  # across a page number line


def test_full_width_quotes_are_kept_verbatim(bundled):
    result = extract(fixture("city-2023-plan-report.txt"), load(bundled))
    cpi = next(r for r in result.records if r["indicator"] == "cpi" and r["kind"] == "actual")
    assert cpi["quote"] == "居民消费价格上涨０．２％"
    assert cpi["growth"] == 0.2


def _summary_span(text: str) -> tuple[int, int]:
    start = text.index("预计，全年地区生产总值")
    return start + 1, text.index("任务。", start)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_page_breaks_anywhere_in_the_summary_change_nothing_but_whitespace(report_text, data):
    """Blank lines, form feeds and page numbers cut into the summary sentence at random places."""
    a, b = _summary_span(report_text)
    cuts = sorted(data.draw(st.lists(st.integers(a, b), min_size=1, max_size=3, unique=True)), reverse=True)
    breaks = st.sampled_from(["\n\n", "\f", "\n\n— 3 —\n\n", "\r\n\r\n", "\n\n\n-12-\n\n"])
    text = report_text
    for cut in cuts:
        text = text[:cut] + data.draw(breaks) + text[cut:]
    # a fragment of bare digits between two breaks cannot be told from a page number
    assume(not any(re.fullmatch(r"\s*\d{1,3}\s*", ln) for ln in re.split(r"[\r\n\f]", text)))
    before = extract(report_text, Store(), region="cangshan")
    after = extract(text, Store(), region="cangshan")
    assert rows(after) == rows(before)
    assert [re.sub(r"\s", "", r["quote"]) for r in after.records] == [
        re.sub(r"\s", "", r["quote"]) for r in before.records]


def test_full_width_digits_and_punctuation_read_the_same(report_text):
    a, b = _summary_span(report_text)
    wide = "".join(chr(ord(c) + 0xFEE0) if c in "0123456789.%" else c for c in report_text[a:b])
    text = report_text[:a] + wide + report_text[b:]
    assert rows(extract(text, Store(), region="cangshan"), "actual") == rows(
        extract(report_text, Store(), region="cangshan"), "actual")


def test_prepare_joins_page_breaks_but_not_paragraphs():
    t = prepare("第一段结束。\n\n产业载体约\n\n50 万平方米，\f增长 5%。\n## 二、目标\n下一段")
    assert t.joined.split("\n") == ["第一段结束。", "产业载体约50 万平方米,增长 5%。", "## 二、目标", "下一段"]
    start = t.joined.index("产业")
    assert t.quote(start, start + len("产业载体约50 万平方米")) == "产业载体约50 万平方米"


def test_a_list_number_run_into_a_number_is_set_apart_and_a_decimal_is_not():
    # numbered as the lines around it are: item 3, whatever follows
    t = prepare("目标为：\n2.规上工业增加值增长6%；\n3.500万元以上项目投资增长5%；\n4.进出口总额增长8%。")
    assert t.joined.split("\n")[2] == "3.、500万元以上项目投资增长5%;"
    assert t.quote(t.joined.index("3."), len(t.joined)).startswith("3.500万元以上")
    # alone, after a clause's end: a decimal with a unit is a figure, a number without one an item
    t = prepare("地区生产总值增长6%；\n3.5%的增速居全省第2位。\n其中：\n１．５G基站新建200个。")
    assert t.joined.split("\n") == ["地区生产总值增长6%;3.5%的增速居全省第2位。", "其中:", "1.、5G基站新建200个。"]
    # a line a page break cut from its sentence goes on with it
    assert prepare("全年进出口总额增长\n1.2倍。").joined == "全年进出口总额增长1.2倍。"


# --- one construction at a time ------------------------------------------------------------------

ACTUAL_CASES = [
    ("全年实现地区生产总值1234.5亿元，按可比价格计算，增长6.5%；规上工业增加值同比增长7.2%。",
     [("gdp", "value", 1234.5, "亿元", 6.5, "exact"), ("industrial_value_added", "growth", None, "%", 7.2, "exact")]),
    ("地区生产总值增长5%；一般公共预算收入完成56.7亿元，增长3.2%，其中税收收入41.2亿元，增长5%。",
     [("gdp", "growth", None, "%", 5, "exact"), ("public_budget_revenue", "value", 56.7, "亿元", 3.2, "exact"),
      ("tax_revenue", "value", 41.2, "亿元", 5, "exact")]),
    ("居民消费价格指数上涨0.3%，城镇登记失业率控制在3.5%以内，实际利用外资1.2亿美元，增长10%。",
     [("cpi", "growth", None, "%", 0.3, "exact"), ("registered_unemployment_rate", "value", 3.5, "%", None, "at_most"),
      ("fdi", "value", 1.2, "亿美元", 10, "exact")]),
    ("地区生产总值增长6%左右，总量突破500亿元；固定资产投资增长8%，民间投资下降2.1%。",
     [("gdp", "value", 500, "亿元", None, "more_than"), ("gdp", "growth", None, "%", 6, "about"),
      ("fixed_asset_investment", "growth", None, "%", 8, "exact"),
      ("private_investment", "growth", None, "%", -2.1, "exact")]),
    ("地区生产总值、规上工业增加值、固定资产投资分别增长6%、8%、10%；一般公共预算总收入和地方一般公共预算收入均增长3%。",
     [("gdp", "growth", None, "%", 6, "exact"), ("industrial_value_added", "growth", None, "%", 8, "exact"),
      ("fixed_asset_investment", "growth", None, "%", 10, "exact"), ("budget_revenue", "growth", None, "%", 3, "exact"),
      ("local_budget_revenue", "growth", None, "%", 3, "exact")]),
    ("经济增长6.2%；城乡居民人均可支配收入分别达到52345元和26789元，分别增长4.5%和6.8%。",
     [("gdp", "growth", None, "%", 6.2, "exact"),
      ("urban_disposable_income", "value", 52345, "元", 4.5, "exact"),
      ("rural_disposable_income", "value", 26789, "元", 6.8, "exact")]),
    ("地区生产总值首次突破千亿元，达到1012亿元，增长7%；社会消费品零售总额30多亿元；新增市场主体2.2万余户。",
     [("gdp", "value", 1012, "亿元", 7, "exact"), ("retail_sales", "value", 30, "亿元", None, "more_than"),
      ("new_market_entities", "value", 2.2, "万户", None, "more_than")]),
    ("地区生产总值增长5%，固定资产投资与上年基本持平，全社会研发投入强度达到2.5%，常住人口城镇化率提高到68%。",
     [("gdp", "growth", None, "%", 5, "exact"), ("fixed_asset_investment", "growth", None, "%", 0, "about"),
      ("rd_intensity", "value", 2.5, "%", None, "exact"), ("urbanization_rate", "value", 68, "%", None, "exact")]),
]


@pytest.mark.parametrize("summary, expected", ACTUAL_CASES)
def test_summary_constructions(summary, expected, bundled):
    result = extract(mini(summary), load(bundled))
    got = [(r["indicator"], r["metric"], r["value"], r["unit"], r["growth"], r["qualifier"])
           for r in result.records if r["kind"] == "actual"]
    assert got == expected
    assert {r["year"] for r in result.records} == {2024}
    assert {r["status"] for r in result.records} == {"reported"}


@pytest.mark.parametrize("summary", [
    "地区生产总值年均增长7%，两年平均增长6%，固定资产投资累计增长20%。",
    "规上工业增加值增速居全市第2，高于全省平均1.5个百分点，比上年提高0.8个百分点。",
    "数字经济增加值占GDP比重达45%，增长率位列全省前3，增长1.2倍。",
    "地区生产总值增长5%，力争6%，第三产业占比提高2个百分点。",
    "一般公共预算收入下降3.2%，剔除留抵退税因素后增长5%；一季度地区生产总值增长4%。",
    "五年累计新增就业6万人，地区生产总值比2020年增长30%，招商引资成效明显增强12%。",
])
def test_what_is_not_a_headline_figure_is_not_emitted(summary, bundled):
    result = extract(mini("固定资产投资增长3%；" + summary), load(bundled))
    emitted = {(r["indicator"], r["metric"], r["growth"], r["value"]) for r in result.records}
    assert emitted <= {("fixed_asset_investment", "growth", 3, None), ("gdp", "growth", 5, None),
                       ("public_budget_revenue", "growth", -3.2, None)}


@pytest.mark.parametrize("word, status", [("预计", "estimate"), ("初步统计", "preliminary"),
                                          ("据初步核算", "preliminary"), ("", "reported")])
def test_status_from_the_summary_wording(word, status, bundled):
    result = extract(mini(f"{word}，全年地区生产总值356亿元，增长5%；固定资产投资增长3%。".lstrip("，")), load(bundled))
    assert {r["status"] for r in result.records} == {status}


TARGET_CASES = [
    ("主要预期目标是：地区生产总值增长6%以上，力争7%；财政收入增长与经济增长同步；单位GDP能耗下降3%。",
     [("gdp", "growth", None, "%", 6, "at_least"), ("budget_revenue", "task", None, None, None, "exact"),
      ("energy_intensity", "growth", None, "%", -3, "exact")]),
    ("主要预期目标建议为：经济增长6%左右；城镇调查失业率低于5.5%；粮食总产量不少于80万吨；"
     "居民消费价格总水平涨幅控制在3%左右；城镇新增就业1.2万人。",
     [("gdp", "growth", None, "%", 6, "about"), ("surveyed_unemployment_rate", "value", 5.5, "%", None, "at_most"),
      ("grain_output", "value", 80, "万吨", None, "at_least"), ("cpi", "growth", None, "%", 3, "at_most"),  # 控制在
      ("new_urban_jobs", "value", 1.2, "万人", None, "exact")]),
    ("2025年主要预期目标：城镇居民、农村居民人均可支配收入分别增长7%、8%；招商项目总投资百亿元以上；"
     "完成市下达的实际利用外资、进出口总额和节能减排降碳任务。",
     [("urban_disposable_income", "growth", None, "%", 7, "exact"),
      ("rural_disposable_income", "growth", None, "%", 8, "exact"),
      ("investment_projects_value", "value", 100, "亿元", None, "at_least"),
      ("fdi", "task", None, None, None, "exact"), ("trade", "task", None, None, None, "exact"),
      ("energy_saving", "task", None, None, None, "exact")]),
    ("主要预期目标为：地区生产总值增长５．５％左右；规上工业增加值下降1%以内；社会消费品零售总额超过300亿元。",
     [("gdp", "growth", None, "%", 5.5, "about"), ("industrial_value_added", "growth", None, "%", -1, "at_most"),
      ("retail_sales", "value", 300, "亿元", None, "more_than")]),
]


@pytest.mark.parametrize("sentence, expected", TARGET_CASES)
def test_target_constructions(sentence, expected, bundled):
    result = extract(mini("地区生产总值增长5%，固定资产投资增长3%。", sentence), load(bundled))
    got = [(r["indicator"], r["metric"], r["value"], r["unit"], r["growth"], r["qualifier"])
           for r in result.records if r["kind"] == "target"]
    assert got == expected
    assert {r["year"] for r in result.records if r["kind"] == "target"} == {2025}
    assert {r["status"] for r in result.records if r["kind"] == "target"} == {None}


def test_a_sentence_on_last_years_targets_is_not_the_targets(bundled):
    text = mini("年初确定的主要预期目标较好完成，地区生产总值增长5%，固定资产投资增长3%。",
                "2025年主要预期目标是：地区生产总值增长6%。")
    result = extract(text, load(bundled))
    assert rows(result, "target") == [("gdp", 2025, "target", "growth", None, "%", 6, "exact", None)]
    assert ("gdp", 2024, "actual", "growth", None, "%", 5, "exact", "reported") in rows(result)


def test_a_targets_list_after_a_colon_is_read_line_by_line(bundled):
    text = mini("地区生产总值增长5%，固定资产投资增长3%。",
                "主要预期目标是：\n\n（1）地区生产总值增长6%；\n\n（2）固定资产投资增长8%。\n\n（一）重点工作。")
    got = [(r["indicator"], r["growth"]) for r in extract(text, load(bundled)).records if r["kind"] == "target"]
    assert got == [("gdp", 6), ("fixed_asset_investment", 8)]


def test_a_dash_list_of_targets_with_topic_words(bundled):
    """——经济增长。国内生产总值增长5%左右。 one topic a line, each line its own sentences."""
    text = mini("国内生产总值超过126万亿元，增长5.2%；城镇新增就业1244万人，年末城镇调查失业率为5.1%。",
                "2025年主要预期目标是：\n\n——经济增长。国内生产总值增长5%左右。\n\n"
                "——就业。城镇新增就业1200万人以上，城镇调查失业率5.5%左右。\n\n"
                "——节能降碳。单位地区生产总值能耗和二氧化碳排放完成国家下达目标。\n\n"
                "二、重点工作\n\n新增就业100万人。")
    result = extract(text, load(bundled))
    assert rows(result) == [
        ("gdp", 2024, "actual", "value", 126, "万亿元", None, "more_than", "reported"),
        ("gdp", 2024, "actual", "growth", None, "%", 5.2, "exact", "reported"),
        ("new_urban_jobs", 2024, "actual", "value", 1244, "万人", None, "exact", "reported"),
        ("surveyed_unemployment_rate", 2024, "actual", "value", 5.1, "%", None, "exact", "reported"),
        ("gdp", 2025, "target", "growth", None, "%", 5, "about", None),
        ("new_urban_jobs", 2025, "target", "value", 1200, "万人", None, "at_least", None),
        ("surveyed_unemployment_rate", 2025, "target", "value", 5.5, "%", None, "about", None),
        ("energy_intensity", 2025, "target", "task", None, None, None, "exact", None),
        ("carbon_intensity", 2025, "target", "task", None, None, None, "exact", None),
    ]


def test_targets_numbered_in_words_and_a_restated_level(bundled):
    text = mini("地区生产总值增长6.5%、达到265亿元；规上工业增加值增长7.5%、固定资产投资增长6%；"
                "城乡居民人均可支配收入分别增长6.8%和8.5%，分别达到5.2万元和2.8万元。",
                "主要预期目标：一是地区生产总值增长6%左右；二是一般公共预算收入增长与经济增长基本同步；三是完成国家下达目标。")
    assert rows(extract(text, load(bundled))) == [
        ("gdp", 2024, "actual", "value", 265, "亿元", 6.5, "exact", "reported"),
        ("industrial_value_added", 2024, "actual", "growth", None, "%", 7.5, "exact", "reported"),
        ("fixed_asset_investment", 2024, "actual", "growth", None, "%", 6, "exact", "reported"),
        ("urban_disposable_income", 2024, "actual", "value", 5.2, "万元", 6.8, "exact", "reported"),
        ("rural_disposable_income", 2024, "actual", "value", 2.8, "万元", 8.5, "exact", "reported"),
        ("gdp", 2025, "target", "growth", None, "%", 6, "about", None),
        ("public_budget_revenue", 2025, "target", "task", None, None, None, "exact", None),
    ]


def test_a_summary_listed_line_by_line_and_targets_under_a_heading(bundled):
    text = (TITLE + "一、2024年计划执行情况\n\n2024年，全区主要经济指标完成情况如下：\n\n"
            "1．地区生产总值预计完成856.3亿元，增长5.9%；\n\n2．规模以上工业增加值增长7.2%；\n\n"
            "3．一般公共预算总收入61.2亿元，可比增长2.6%。\n\n（一）产业发展。新增规上工业企业36家。\n\n"
            "二、2025年主要预期目标\n\n地区生产总值增长6%左右，一般公共预算总收入与经济增长保持同步。\n\n"
            "三、重点任务\n\n1．新开工项目30个。\n")
    assert rows(extract(text, load(bundled))) == [
        ("gdp", 2024, "actual", "value", 856.3, "亿元", 5.9, "exact", "estimate"),
        ("industrial_value_added", 2024, "actual", "growth", None, "%", 7.2, "exact", "estimate"),
        ("budget_revenue", 2024, "actual", "value", 61.2, "亿元", 2.6, "exact", "estimate"),
        ("gdp", 2025, "target", "growth", None, "%", 6, "about", None),
        ("budget_revenue", 2025, "target", "task", None, None, None, "exact", None),
    ]


# --- indicators ----------------------------------------------------------------------------------


def test_names_and_aliases_map_to_the_stores_indicators(bundled):
    text = mini("区属地区生产总值增长5%；全社会固定资产投资增长3%；社零总额增长4%。",
                "主要预期目标：国内生产总值增长6%；固投增长5%；实际使用外资增长2%。")
    got = [r["indicator"] for r in extract(text, load(bundled)).records]
    assert got == ["gdp", "fixed_asset_investment", "retail_sales", "gdp", "fixed_asset_investment", "fdi"]


def test_new_indicators_get_readable_and_stable_ids(bundled):
    text = mini("地区生产总值增长5%；固定资产投资增长3%；规上工业增加值增长7%；数字经济增加值300亿元；"
                "旅游总收入150亿元；茉莉花茶综合产值80亿元。")
    first = extract(text, load(bundled))
    ids = {r["name"]: r["indicator"] for r in first.records}
    assert ids["规上工业增加值"] == "industrial_value_added"
    assert ids["数字经济增加值"] == "digital_economy_value_added"
    assert ids["旅游总收入"] == "tourism_income"
    slug = ids["茉莉花茶综合产值"]
    assert re.fullmatch(r"[a-z][a-z0-9_]*", slug)
    assert extract(text, load(bundled)).records == first.records  # the same text, the same ids
    assert set(first.new_indicators) == {"industrial_value_added", "digital_economy_value_added", "tourism_income",
                                         slug}


def test_a_new_id_never_takes_a_stored_indicator_of_another_meaning(bundled):
    store = load(bundled)
    store.indicators["tourism_income"] = store.indicators["gdp"].__class__("tourism_income", "旅游外汇收入")
    text = mini("地区生产总值增长5%；固定资产投资增长3%；旅游总收入150亿元。")
    ids = {r["name"]: r["indicator"] for r in extract(text, store).records}
    assert ids["旅游总收入"] == "tourism_income_2"


def test_a_unit_the_stored_indicator_cannot_take_makes_a_new_one(bundled):
    text = mini("地区生产总值增长5%；固定资产投资增长3%；城镇新增就业1.2万个。")
    got = [(r["indicator"], r["unit"]) for r in extract(text, load(bundled)).records if r["metric"] == "value"]
    assert got == [("new_urban_jobs_count", "万个")]  # posts, where the store counts people (万人)


def test_a_figure_in_another_currency_is_the_same_indicator(bundled):
    """Trade in 亿美元 where the bundled store's is in 亿元, FDI in 亿元 where it is in 万美元: the
    unit as printed, never converted."""
    text = mini("地区生产总值增长5%；固定资产投资增长3%；进出口总额50亿美元；实际使用外资35亿元。")
    got = [(r["indicator"], r["value"], r["unit"]) for r in extract(text, load(bundled)).records
           if r["metric"] == "value"]
    assert got == [("trade", 50, "亿美元"), ("fdi", 35, "亿元")]


# --- years, region, source -----------------------------------------------------------------------


def test_years_from_a_title_with_one_year(bundled):
    body = "\n\n预计全年地区生产总值增长5%，固定资产投资增长3%。\n"
    r1 = extract("关于某某县2025年国民经济和社会发展计划执行情况的报告" + body, load(bundled))
    assert (r1.actual_year, r1.target_year) == (2025, 2026)
    r2 = extract("关于某某县2026年国民经济和社会发展计划草案的报告" + body, load(bundled))
    assert (r2.actual_year, r2.target_year) == (2025, 2026)
    r3 = extract("关于某某县二〇二四年国民经济和社会发展计划执行情况的报告" + body, load(bundled))
    assert (r3.actual_year, r3.target_year, r3.records[0]["year"]) == (2024, 2025, 2024)


def test_years_from_the_targets_sentence_or_the_flags(bundled):
    body = "各位代表：\n\n预计全年地区生产总值增长5%，固定资产投资增长3%。\n\n2027年主要预期目标：地区生产总值增长6%。\n"
    r = extract(body, load(bundled), region="somewhere")
    assert (r.actual_year, r.target_year) == (2026, 2027)
    r = extract(body, load(bundled), region="somewhere", actual_year=2030)
    assert (r.actual_year, r.target_year) == (2030, 2031)
    assert {x["year"] for x in r.records} == {2030, 2031}
    with pytest.raises(CsplanError, match="--actual-year"):
        extract("各位代表：\n\n预计全年地区生产总值增长5%，固定资产投资增长3%。\n", load(bundled), region="x")


def test_region_and_source(bundled, report_text):
    store = load(bundled)
    r = extract(report_text, store, region="福州市仓山区", source="cangshan-2024-draft")
    assert (r.region, r.source) == ("cangshan", "cangshan-2024-draft")
    assert {x["source"] for x in r.records} == {"cangshan-2024-draft"}
    r = extract(fixture("city-2023-plan-report.txt"), store, region="quanzhou")
    assert (r.region, r.source, r.notes) == ("quanzhou", "quanzhou-2023-plan", [])
    r = extract(fixture("city-2023-plan-report.txt"), store)  # 泉州市: a new region, with its built-in id
    assert (r.region, r.region_name, r.region_is_stand_in, r.notes) == ("quanzhou", "泉州市", False, [])
    with pytest.raises(CsplanError, match="--region"):
        extract("关于2024年计划执行情况的报告\n\n预计全年地区生产总值增长5%，固定资产投资增长3%。", store)


def test_binary_input_is_refused():
    with pytest.raises(CsplanError, match="not text"):
        extract("%PDF-1.7\x00\x00\x01", Store())


# --- the command ---------------------------------------------------------------------------------


def test_cli_csv_is_exactly_the_flat_records(cli, report_text, bundled):
    res = cli("extract", "-", "--format", "csv", input=report_text)
    assert res.exit_code == 0, res.stderr
    table = list(csv.reader(io.StringIO(res.stdout)))
    assert tuple(table[0]) == KEYS
    assert len(table) == 1 + 18
    assert table[1][:3] == ["gdp", "地区生产总值", "Gross regional product"]


def test_cli_json_and_table(cli, bundled):
    path = str(FIXTURES / "national-2024-plan-report.md")
    res = cli("extract", path, "--format", "json")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert [list(d) for d in data] == [list(KEYS)] * len(data) and data[0]["region"] == "china"
    table = cli("extract", path)
    assert table.exit_code == 0
    new_rows = [ln for ln in table.stdout.splitlines() if ln.lstrip().startswith("new ") and " indicator " not in ln]
    assert {ln.split()[1] for ln in new_rows} == {"surveyed_unemployment_rate", "cpi", "balance_of_payments",
                                                  "grain_output", "energy_intensity", "ecological_environmental_quality"}
    assert "new: 6 indicator(s)" in table.stdout


def test_cli_toml_is_a_valid_store(cli, tmp_path):
    res = cli("extract", str(FIXTURES / "province-2022-plan-report.md"), "--format", "toml")
    assert res.exit_code == 0
    store, problems = check_text(res.stdout, tmp_path / "x.toml")
    assert problems == []
    assert store.sources["fujian-2022-plan"].title.startswith("关于福建省2022年")
    assert len(store.figures) == len(PROVINCE)


def test_extract_then_import_into_a_fresh_store(cli, tmp_path):
    store = tmp_path / "new.toml"
    assert cli("--store", store, "init").exit_code == 0
    path = FIXTURES / "county-2025-plan-report.md"
    out = cli("--store", store, "extract", path, "--region", "pingnan", "--format", "csv")
    assert out.exit_code == 0
    res = cli("--store", store, "import", "-", input=out.stdout)
    assert res.exit_code == 0, res.stderr
    listed = cli("--store", store, "list", "--format", "csv")
    back = list(csv.DictReader(io.StringIO(listed.stdout)))
    key = lambda r: (r["indicator"], r["year"], r["kind"], r["metric"])  # noqa: E731
    assert sorted(back, key=key) == sorted(csv.DictReader(io.StringIO(out.stdout)), key=key)
    assert cli("--store", store, "value", "urban_disposable_income", "2025").stdout.strip() == "45210"


def test_apply_adds_the_figures_after_showing_them(cli, tmp_path):
    store = tmp_path / "s.toml"
    assert cli("--store", store, "init").exit_code == 0
    path = FIXTURES / "national-2024-plan-report.md"
    res = cli("--store", store, "extract", path, "--apply", "--format", "csv")
    assert res.exit_code == 0, res.stderr
    assert len(list(csv.DictReader(io.StringIO(res.stdout)))) == len(NATIONAL)
    assert f"added {len(NATIONAL)} figures" in res.stderr
    assert cli("--store", store, "value", "gdp", "2024").stdout.strip() == "134.9"
    again = cli("--store", store, "extract", path, "--apply", "--format", "csv")
    assert again.exit_code == 0 and f"{len(NATIONAL)} already in the store" in again.stderr


BRIEF = "预计全年地区生产总值增长5%，固定资产投资增长3%。\n\n主要预期目标是：地区生产总值增长6%左右。\n"


@pytest.mark.parametrize("stored, title, rid, stand_in", [
    (None, "呼伦贝尔市海拉尔区", "hailaer", False),        # new: its readable id, its name as printed
    ("海拉尔区", "呼伦贝尔市海拉尔区", "hailaer", False),   # the store's 海拉尔区 is the same place
    ("呼伦贝尔市海拉尔区", "海拉尔区", "hailaer", False),
    ("福州市鼓楼区", "南京市鼓楼区", "gulou_nanjing", False),  # the store's gulou is another 鼓楼区: its city's id added
    ("福州市城区", "山西省长治市城区", "chengqu", True),   # another 城区, and the gazetteer has no 城区 under 长治
    (None, "㐀㐁县", None, True),                           # no reading for its characters: no readable id
])
def test_a_region_the_store_lacks_gets_its_readable_id_unless_another_place_has_it(stored, title, rid, stand_in):
    from csplan.model import Region

    store = Store()
    if stored:
        store.regions[rid.split("_")[0] if rid else rid] = Region(rid.split("_")[0], stored)
    r = extract(f"关于{title}2024年计划执行情况的报告\n\n" + BRIEF, store)
    assert r.region_is_stand_in is stand_in
    assert r.region == rid if rid else r.region.startswith("region-")
    assert any("--region" in n for n in r.notes) is stand_in


def test_apply_adds_a_new_region_by_its_name_and_the_source_by_its_title(cli, tmp_path):
    store = tmp_path / "s.toml"
    cli("--store", store, "init")
    res = cli("--store", store, "extract", FIXTURES / "city-2023-plan-report.txt", "--apply")
    assert res.exit_code == 0, res.stderr
    assert res.stderr.splitlines()[-1].endswith("2 regions, 1 source")  # the city and its province
    text = store.read_text(encoding="utf-8")
    assert 'id = "fujian"\nname = "福建省"\nlevel = "province"\n' in text
    assert 'id = "quanzhou"\nname = "泉州市"\nlevel = "city"\nparent = "fujian"\n' in text
    # the title as its two first lines print it, and the date and meeting of the line under it
    assert ('title = "关于泉州市2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告"\n'
            'date = "2024-01-10"') in text and 'meeting = "泉州市第十八届人民代表大会第四次会议"' in text


def test_apply_with_a_stand_in_region_changes_nothing(cli, tmp_path):
    store = tmp_path / "s.toml"
    cli("--store", store, "init")
    before = store.read_bytes()
    report = tmp_path / "report.txt"
    report.write_text("关于㐀㐁县2024年计划执行情况的报告\n\n" + BRIEF, encoding="utf-8")
    res = cli("--store", store, "extract", report, "--apply")
    assert res.exit_code == 2
    assert res.stderr.count("\n") <= 2 and "--region" in res.stderr.splitlines()[-1]
    assert store.read_bytes() == before


@pytest.mark.parametrize("setup, code, message", [
    (lambda p: None, 3, "no such file"),
    (lambda p: p.mkdir(), 3, "a folder with no report in it"),
    (lambda p: p.write_bytes("预计全年".encode("gbk")), 3, "not UTF-8"),
    (lambda p: p.write_text("各位代表：今年工作很好。\n", encoding="utf-8"), 1, "found no headline figures"),
])
def test_bad_input_is_one_line_and_an_exit_code(cli, tmp_path, setup, code, message):
    path = tmp_path / "report.txt"
    setup(path)
    res = cli("extract", path, "--region", "x", "--actual-year", "2024")
    assert res.exit_code == code
    assert message in res.stderr and "Traceback" not in res.stderr
    assert res.stderr.strip().splitlines()[-1].startswith("csplan: ")
    assert res.stdout == ""


def test_target_year_before_actual_year_is_a_usage_error(cli):
    res = cli("extract", FIXTURES / "national-2024-plan-report.md", "--actual-year", "2025", "--target-year", "2024")
    assert res.exit_code == 2 and "--target-year" in res.stderr


# --- more reports in the genre: other levels, years and phrasings ---------------------------------

A, T = "actual", "target"

GUANGDONG_2024_GWR = [  # 政府工作报告: no year in the title; the date line gives the years and the meeting the region
    ("gdp", 2023, A, "value", 13.57, "万亿元", 4.8, "exact", "reported"),
    ("local_budget_revenue", 2023, A, "value", 1.39, "万亿元", 4.3, "exact", "reported"),
    ("industrial_value_added", 2023, A, "growth", None, "%", 4.4, "exact", "reported"),
    ("fixed_asset_investment", 2023, A, "growth", None, "%", 2.5, "exact", "reported"),
    ("retail_sales", 2023, A, "value", 4.75, "万亿元", 5.8, "exact", "reported"),
    ("trade", 2023, A, "value", 8.3, "万亿元", 0.3, "exact", "reported"),
    ("exports", 2023, A, "value", 5.44, "万亿元", 2.5, "exact", "reported"),
    ("disposable_income", 2023, A, "growth", None, "%", 4.8, "exact", "reported"),
    ("surveyed_unemployment_rate", 2023, A, "value", 5.2, "%", None, "exact", "reported"),
    ("cpi", 2023, A, "growth", None, "%", 0.4, "exact", "reported"),
    ("gdp", 2024, T, "growth", None, "%", 5, "about", None),
    ("industrial_value_added", 2024, T, "growth", None, "%", 5, "exact", None),
    ("fixed_asset_investment", 2024, T, "growth", None, "%", 3, "exact", None),
    ("retail_sales", 2024, T, "growth", None, "%", 5, "exact", None),
    ("trade", 2024, T, "task", None, None, None, "exact", None),
    ("local_budget_revenue", 2024, T, "growth", None, "%", 3, "exact", None),
    ("disposable_income", 2024, T, "task", None, None, None, "exact", None),
    ("new_urban_jobs", 2024, T, "value", 110, "万人", None, "exact", None),
    ("surveyed_unemployment_rate", 2024, T, "value", 5.5, "%", None, "at_most", None),
    ("cpi", 2024, T, "growth", None, "%", 3, "about", None),
    ("grain_output", 2024, T, "value", 1285, "万吨", None, "at_least", None),
    ("energy_saving", 2024, T, "task", None, None, None, "exact", None),  # 能耗、主要污染物排放: one task
]

FUZHOU_2022 = [  # the summary split over three paragraphs; 一是…十是 targets
    ("gdp", 2022, A, "value", 12928.47, "亿元", 4.4, "exact", "preliminary"),
    ("primary_industry_value_added", 2022, A, "value", 700.32, "亿元", 3.5, "exact", "preliminary"),
    ("secondary_industry_value_added", 2022, A, "value", 4612.3, "亿元", 5.1, "exact", "preliminary"),
    ("tertiary_industry_value_added", 2022, A, "value", 7615.85, "亿元", 4.0, "exact", "preliminary"),
    ("industrial_value_added", 2022, A, "growth", None, "%", 5.8, "exact", "preliminary"),
    ("fixed_asset_investment", 2022, A, "growth", None, "%", 6.2, "exact", "preliminary"),
    ("industrial_investment", 2022, A, "growth", None, "%", 24.3, "exact", "preliminary"),
    ("retail_sales", 2022, A, "value", 4648.6, "亿元", 2.1, "exact", "preliminary"),
    ("trade", 2022, A, "value", 3630.1, "亿元", -0.8, "exact", "preliminary"),
    ("fdi", 2022, A, "value", 14.2, "亿美元", None, "exact", "preliminary"),
    ("budget_revenue", 2022, A, "value", 1188.6, "亿元", 3.2, "exact", "preliminary"),
    ("local_budget_revenue", 2022, A, "value", 706.5, "亿元", 2.0, "exact", "preliminary"),
    ("urban_disposable_income", 2022, A, "value", 56100, "元", 3.7, "exact", "preliminary"),
    ("rural_disposable_income", 2022, A, "value", 27300, "元", 6.0, "exact", "preliminary"),
    ("cpi", 2022, A, "growth", None, "%", 1.8, "exact", "preliminary"),
    ("gdp", 2023, T, "growth", None, "%", 6.5, "about", None),
    ("industrial_value_added", 2023, T, "growth", None, "%", 7, "exact", None),
    ("fixed_asset_investment", 2023, T, "growth", None, "%", 8, "exact", None),
    ("retail_sales", 2023, T, "growth", None, "%", 7, "exact", None),
    ("budget_revenue", 2023, T, "growth", None, "%", 5, "exact", None),
    ("local_budget_revenue", 2023, T, "growth", None, "%", 5, "exact", None),
    ("trade", 2023, T, "growth", None, "%", 3, "exact", None),
    ("urban_disposable_income", 2023, T, "growth", None, "%", 6, "exact", None),
    ("rural_disposable_income", 2023, T, "growth", None, "%", 7.5, "exact", None),
    ("cpi", 2023, T, "growth", None, "%", 3, "at_most", None),  # 控制在3%左右: a ceiling
    ("surveyed_unemployment_rate", 2023, T, "value", 5.5, "%", None, "at_most", None),
    ("energy_saving", 2023, T, "task", None, None, None, "exact", None),
]

GUTIAN_2025 = [  # 经初步核算, 同比增长, 万元, 个百分点 left out, （1）… targets one a line, 不低于;
    # the grain output of a section, as a grain target is set; 播种面积 and 产值 are not headline figures
    ("gdp", 2025, A, "value", 316.8, "亿元", 5.6, "exact", "preliminary"),
    ("industrial_value_added", 2025, A, "growth", None, "%", 7.1, "exact", "preliminary"),
    ("fixed_asset_investment", 2025, A, "growth", None, "%", -1.8, "exact", "preliminary"),
    ("retail_sales", 2025, A, "value", 108.3, "亿元", 4.9, "exact", "preliminary"),
    ("budget_revenue", 2025, A, "value", 152380, "万元", 3.6, "exact", "preliminary"),
    ("local_budget_revenue", 2025, A, "value", 96120, "万元", 2.1, "exact", "preliminary"),
    ("urban_disposable_income", 2025, A, "value", 48620, "元", 4.3, "exact", "preliminary"),
    ("rural_disposable_income", 2025, A, "value", 27150, "元", 6.7, "exact", "preliminary"),
    ("cpi", 2025, A, "growth", None, "%", 0.3, "exact", "preliminary"),
    ("grain_output", 2025, A, "value", 8.9, "万吨", None, "exact", "preliminary"),
    ("gdp", 2026, T, "growth", None, "%", 6, "about", None),
    ("industrial_value_added", 2026, T, "growth", None, "%", 7, "exact", None),
    ("fixed_asset_investment", 2026, T, "growth", None, "%", 4, "exact", None),
    ("retail_sales", 2026, T, "growth", None, "%", 5.5, "exact", None),
    ("budget_revenue", 2026, T, "task", None, None, None, "exact", None),
    ("local_budget_revenue", 2026, T, "growth", None, "%", 2, "exact", None),
    ("urban_disposable_income", 2026, T, "growth", None, "%", 5.5, "exact", None),
    ("rural_disposable_income", 2026, T, "growth", None, "%", 7, "exact", None),
    ("surveyed_unemployment_rate", 2026, T, "value", 5.5, "%", None, "at_most", None),
    ("grain_output", 2026, T, "value", 8.8, "万吨", None, "at_least", None),
    ("energy_saving", 2026, T, "task", None, None, None, "exact", None),
]

CHINA_2025_GWR = [  # the State Council's 政府工作报告: a summary in ——topic lines, targets of 今年 (the date's year)
    ("gdp", 2024, A, "value", 134.9, "万亿元", 5, "exact", "reported"),
    ("new_urban_jobs", 2024, A, "value", 1256, "万人", None, "exact", "reported"),
    ("surveyed_unemployment_rate", 2024, A, "value", 5.1, "%", None, "exact", "reported"),
    ("cpi", 2024, A, "growth", None, "%", 0.2, "exact", "reported"),
    ("grain_output", 2024, A, "value", 1.41, "万亿斤", 1.6, "exact", "reported"),
    ("energy_intensity", 2024, A, "growth", None, "%", -3, "at_least", "reported"),
    ("gdp", 2025, T, "growth", None, "%", 5, "about", None),
    ("surveyed_unemployment_rate", 2025, T, "value", 5.5, "%", None, "about", None),
    ("new_urban_jobs", 2025, T, "value", 1200, "万人", None, "at_least", None),
    ("cpi", 2025, T, "growth", None, "%", 2, "about", None),
    ("disposable_income", 2025, T, "task", None, None, None, "exact", None),
    ("balance_of_payments", 2025, T, "task", None, None, None, "exact", None),
    ("grain_output", 2025, T, "value", 1.4, "万亿斤", None, "about", None),
    ("energy_intensity", 2025, T, "growth", None, "%", -3, "about", None),
    ("ecological_environmental_quality", 2025, T, "task", None, None, None, "exact", None),
]

XIAMEN_2024_TABLE = [  # **bold** summary; the targets in a Markdown table (the 2025年目标 column)
    ("gdp", 2024, A, "value", 8780, "亿元", 5.5, "exact", "estimate"),
    ("industrial_value_added", 2024, A, "growth", None, "%", 6.2, "exact", "estimate"),
    ("fixed_asset_investment", 2024, A, "growth", None, "%", 3.5, "exact", "estimate"),
    ("retail_sales", 2024, A, "value", 2760, "亿元", 4.1, "exact", "estimate"),
    ("trade", 2024, A, "value", 9300, "亿元", 3.3, "exact", "estimate"),
    ("budget_revenue", 2024, A, "value", 1480, "亿元", 1.6, "exact", "estimate"),
    ("disposable_income", 2024, A, "value", 7.6, "万元", 5.0, "exact", "estimate"),
    ("cpi", 2024, A, "growth", None, "%", 0.3, "exact", "estimate"),
    ("surveyed_unemployment_rate", 2024, A, "value", 4.9, "%", None, "exact", "estimate"),
    ("gdp", 2025, T, "growth", None, "%", 6, "about", None),
    ("industrial_value_added", 2025, T, "growth", None, "%", 7, "exact", None),
    ("fixed_asset_investment", 2025, T, "growth", None, "%", 5, "exact", None),
    ("retail_sales", 2025, T, "growth", None, "%", 6, "exact", None),
    ("trade", 2025, T, "growth", None, "%", 3, "exact", None),
    ("budget_revenue", 2025, T, "growth", None, "%", 3, "exact", None),
    ("disposable_income", 2025, T, "task", None, None, None, "exact", None),
    ("surveyed_unemployment_rate", 2025, T, "value", 5.5, "%", None, "at_most", None),
    ("cpi", 2025, T, "growth", None, "%", 2, "about", None),
    ("energy_intensity", 2025, T, "task", None, None, None, "exact", None),
]

GULOU_2020 = [  # half-width punctuation, 比上年下降/回落, 亿美元, 突破…达到…, 年均 left out
    ("gdp", 2020, A, "value", 1582, "亿元", 3.1, "exact", "estimate"),
    ("industrial_value_added", 2020, A, "growth", None, "%", -2.6, "exact", "estimate"),
    ("fixed_asset_investment", 2020, A, "growth", None, "%", 5.3, "exact", "estimate"),
    ("retail_sales", 2020, A, "value", 1046, "亿元", -4.2, "exact", "estimate"),
    ("exports", 2020, A, "value", 12.6, "亿美元", -8.5, "exact", "estimate"),
    ("budget_revenue", 2020, A, "value", 146.2, "亿元", 1.2, "exact", "estimate"),
    ("disposable_income", 2020, A, "value", 61250, "元", 4.0, "exact", "estimate"),
    ("gdp", 2021, T, "growth", None, "%", 7, "at_least", None),
    ("industrial_value_added", 2021, T, "growth", None, "%", 5, "exact", None),
    ("fixed_asset_investment", 2021, T, "growth", None, "%", 8, "exact", None),
    ("retail_sales", 2021, T, "growth", None, "%", 10, "exact", None),
    ("exports", 2021, T, "growth", None, "%", 0, "exact", None),
    ("budget_revenue", 2021, T, "growth", None, "%", 5, "exact", None),
    ("disposable_income", 2021, T, "growth", None, "%", 7, "exact", None),
    ("registered_unemployment_rate", 2021, T, "value", 3.5, "%", None, "at_most", None),
]

KUNSHAN_2019_OCR = [  # hard-wrapped lines, page numbers inside sentences, 亿美元, 保持稳定, 一是…八是
    ("gdp", 2019, A, "value", 4045.06, "亿元", 6.8, "exact", "reported"),
    ("public_budget_revenue", 2019, A, "value", 407.1, "亿元", 5.3, "exact", "reported"),
    ("industrial_output", 2019, A, "value", 9484.3, "亿元", 1.3, "exact", "reported"),
    ("fixed_asset_investment", 2019, A, "value", 872.5, "亿元", 5.9, "exact", "reported"),
    ("retail_sales", 2019, A, "value", 1390.9, "亿元", 6.5, "exact", "reported"),
    ("trade", 2019, A, "value", 837.5, "亿美元", None, "exact", "reported"),
    ("exports", 2019, A, "value", 530.4, "亿美元", None, "exact", "reported"),
    ("fdi", 2019, A, "value", 8.6, "亿美元", None, "exact", "reported"),
    ("urban_disposable_income", 2019, A, "value", 68930, "元", 8.1, "exact", "reported"),
    ("rural_disposable_income", 2019, A, "value", 36200, "元", 8.6, "exact", "reported"),
    ("gdp", 2020, T, "growth", None, "%", 6, "about", None),
    ("public_budget_revenue", 2020, T, "growth", None, "%", 3, "about", None),
    ("fixed_asset_investment", 2020, T, "growth", None, "%", 5, "exact", None),
    ("retail_sales", 2020, T, "growth", None, "%", 7, "exact", None),
    ("trade", 2020, T, "task", None, None, None, "exact", None),
    ("fdi", 2020, T, "task", None, None, None, "exact", None),
    ("disposable_income", 2020, T, "task", None, None, None, "exact", None),
    ("registered_unemployment_rate", 2020, T, "value", 2, "%", None, "at_most", None),
    ("energy_saving", 2020, T, "task", None, None, None, "exact", None),
]

ZHEJIANG_2023 = [  # 全省生产总值, 万亿元, 高于全国…个百分点 left out, （1）… one a paragraph
    ("gdp", 2023, A, "value", 8.26, "万亿元", 6.0, "exact", "preliminary"),
    ("industrial_value_added", 2023, A, "growth", None, "%", 6.0, "exact", "preliminary"),
    ("fixed_asset_investment", 2023, A, "growth", None, "%", 6.1, "exact", "preliminary"),
    ("retail_sales", 2023, A, "value", 3.25, "万亿元", 6.8, "exact", "preliminary"),
    ("trade", 2023, A, "value", 4.9, "万亿元", 4.6, "exact", "preliminary"),
    ("public_budget_revenue", 2023, A, "value", 8600, "亿元", 7.0, "exact", "preliminary"),
    ("disposable_income", 2023, A, "value", 6.37, "万元", 5.9, "exact", "preliminary"),
    ("surveyed_unemployment_rate", 2023, A, "value", 4.1, "%", None, "exact", "preliminary"),
    ("cpi", 2023, A, "growth", None, "%", 0.4, "exact", "preliminary"),
    ("rd_intensity", 2023, A, "value", 3.15, "%", None, "about", "preliminary"),
    ("gdp", 2024, T, "growth", None, "%", 5.5, "about", None),
    ("rd_intensity", 2024, T, "value", 3.2, "%", None, "about", None),
    ("public_budget_revenue", 2024, T, "task", None, None, None, "exact", None),
    ("disposable_income", 2024, T, "task", None, None, None, "exact", None),
    ("new_urban_jobs", 2024, T, "value", 100, "万人", None, "exact", None),
    ("surveyed_unemployment_rate", 2024, T, "value", 5.5, "%", None, "at_most", None),
    ("cpi", 2024, T, "growth", None, "%", 3, "about", None),
    ("energy_saving", 2024, T, "task", None, None, None, "exact", None),  # 能耗、主要污染物排放: one task
    ("grain_sown_area", 2024, T, "value", 1530, "万亩", None, "at_least", None),
    ("grain_output", 2024, T, "value", 620, "万吨", None, "at_least", None),
]

MORE_SAMPLES = {
    "province-2024-government-work-report.md": (GUANGDONG_2024_GWR, "guangdong", 2023, 2024),
    "city-2022-plan-report.md": (FUZHOU_2022, "fuzhou_fujian", 2022, 2023),
    "county-2025-preliminary-report.txt": (GUTIAN_2025, "gutian", 2025, 2026),
    "national-2025-government-work-report.txt": (CHINA_2025_GWR, "china", 2024, 2025),
    "city-2024-plan-report-table.md": (XIAMEN_2024_TABLE, "xiamen", 2024, 2025),
    "district-2020-plan-report.md": (GULOU_2020, "gulou", 2020, 2021),
    "county-2019-plan-report-ocr.txt": (KUNSHAN_2019_OCR, "kunshan", 2019, 2020),
    "province-2023-plan-report.md": (ZHEJIANG_2023, "zhejiang", 2023, 2024),
}


@pytest.mark.parametrize("name", sorted(MORE_SAMPLES))
def test_more_reports_give_exactly_their_headline_figures(name, bundled):
    expected, region, actual_year, target_year = MORE_SAMPLES[name]
    result = extract(fixture(name), load(bundled))
    assert (result.actual_year, result.target_year) == (actual_year, target_year)
    assert result.region.startswith(region)
    assert rows(result) == expected


@pytest.mark.parametrize("name", sorted(MORE_SAMPLES))
def test_quotes_of_the_more_reports_hold_their_numbers(name, bundled):
    test_every_quote_is_a_fragment_of_the_input_holding_its_number(name, bundled)


def test_a_table_of_targets_reads_only_its_targets_column(bundled):
    text = mini("地区生产总值增长5%，固定资产投资增长3%。",
                "二、2025年主要预期目标\n\n表1　主要预期目标\n\n"
                "| 指标 | 2024年执行 | 2025年计划目标 |\n|:--|--:|--:|\n"
                "| 地区生产总值（亿元） | 1050 | 1100左右 |\n| 地区生产总值增速（%） | 5 | 6 |\n"
                "| 固定资产投资年均增长（%） | 3 | 5 |\n| 新增规上工业企业（家） | 30 | 不少于35 |\n"
                "| 城镇登记失业率（%） | 3.1 | 3.5以内 |\n| 招商引资 | 良好 | 力争突破 |\n")
    assert rows(extract(text, load(bundled)), "target") == [
        ("gdp", 2025, "target", "value", 1100, "亿元", None, "about", None),
        ("gdp", 2025, "target", "growth", None, "%", 6, "exact", None),
        ("new_industrial_firms", 2025, "target", "value", 35, "家", None, "at_least", None),
        ("registered_unemployment_rate", 2025, "target", "value", 3.5, "%", None, "at_most", None),
    ]


@pytest.mark.parametrize("summary, expected", [
    ("全县实现地区生产总值892.3亿元，同比增长6.2%，增幅位居全市第一；一般公共预算收入32.1亿元，按同口径计算增长8.5%，"
     "其中税收收入26.4亿元，占比82.2%。",
     [("gdp", "value", 892.3, "亿元", 6.2, "exact"), ("public_budget_revenue", "value", 32.1, "亿元", 8.5, "exact"),
      ("tax_revenue", "value", 26.4, "亿元", None, "exact")]),
    ("居民人均可支配收入达到3.6万元，增长6.1%，其中城镇居民4.5万元、农村居民2.3万元；地区生产总值增长5%。",
     [("disposable_income", "value", 3.6, "万元", 6.1, "exact"), ("urban_disposable_income", "value", 4.5, "万元", None, "exact"),
      ("rural_disposable_income", "value", 2.3, "万元", None, "exact"), ("gdp", "growth", None, "%", 5, "exact")]),
    ("地区生产总值增长5.8%，比全国、全省分别高0.6和0.3个百分点；城镇调查失业率平均5.2%；粮食产量8.1万吨、减产2.5%。",
     [("gdp", "growth", None, "%", 5.8, "exact"), ("surveyed_unemployment_rate", "value", 5.2, "%", None, "exact"),
      ("grain_output", "value", 8.1, "万吨", -2.5, "exact")]),
])
def test_more_summary_constructions(summary, expected, bundled):
    got = [(r["indicator"], r["metric"], r["value"], r["unit"], r["growth"], r["qualifier"])
           for r in extract(mini(summary), load(bundled)).records if r["kind"] == "actual"]
    assert got == expected


def test_targets_introduced_as_main_indicators_with_steady_and_intensity_tasks(bundled):
    text = mini("地区生产总值增长5%，固定资产投资增长3%。",
                "2025年全县经济社会发展主要指标建议安排如下：地区生产总值增长6%左右；进出口总额、实际利用外资保持稳定；"
                "完成省下达的能耗强度和碳排放强度控制目标；城镇调查失业率控制在5.5%左右。")
    assert [(r["indicator"], r["metric"], r["growth"], r["value"], r["qualifier"])
            for r in extract(text, load(bundled)).records if r["kind"] == "target"] == [
        ("gdp", "growth", 6, None, "about"), ("trade", "task", None, None, "exact"), ("fdi", "task", None, None, "exact"),
        ("energy_intensity", "task", None, None, "exact"), ("carbon_intensity", "task", None, None, "exact"),
        ("surveyed_unemployment_rate", "value", None, 5.5, "at_most")]  # 控制在5.5%左右: a ceiling


def test_a_government_work_report_takes_its_years_from_the_date_and_its_region_from_the_meeting(bundled):
    text = ("政府工作报告\n\n——2024年1月15日在福建省第十四届人民代表大会第二次会议上\n\n"
            "过去一年，全省地区生产总值增长4.5%，固定资产投资增长2%。\n\n"
            "今年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。\n")
    r = extract(text, load(bundled))
    assert (r.region, r.actual_year, r.target_year) == ("fujian", 2023, 2024)
    december = text.replace("2024年1月15日", "2023年12月26日")
    assert (extract(december, load(bundled)).actual_year, extract(december, load(bundled)).target_year) == (2023, 2024)


def test_a_table_under_the_targets_heading_by_its_year_column(bundled):
    text = mini("地区生产总值增长5%，固定资产投资增长3%。",
                "## 二、2025年主要预期目标\n\n| 序号 | 指标 | 单位 | 2024年 | 2025年 | 备注 |\n|---|---|---|---|---|---|\n"
                "| 1 | 地区生产总值增长率 | % | 5 | 6%左右 | 预期性 |\n| 2 | 规上工业增加值增速 | % | 7 | ≥7 | 预期性 |\n"
                "| 3 | 单位GDP能耗下降 | % | 3 | 完成市下达任务 | 约束性 |\n| 4 | 城镇新增就业 | 人 | 5200 | 5000 | 预期性 |\n")
    assert rows(extract(text, load(bundled)), "target") == [
        ("gdp", 2025, "target", "growth", None, "%", 6, "about", None),
        ("industrial_value_added", 2025, "target", "growth", None, "%", 7, "at_least", None),
        ("energy_intensity", 2025, "target", "task", None, None, None, "exact", None),
        ("new_urban_jobs", 2025, "target", "value", 5000, "人", None, "exact", None),
    ]


def test_a_milestone_then_the_figure_a_share_of_the_budget_and_a_figure_of_another_year(bundled):
    text = mini("全年地区生产总值突破千亿大关，达到1036.5亿元，增长6.8%，增速高于全省平均1.4个百分点、居全市第2位；"
                "一般公共预算收入完成68.3亿元，完成年度预算的102.1%，增长5.2%；全社会研发投入占GDP比重达2.8%。"
                "2023年全县固定资产投资为980亿元。",
                "2025年主要预期目标是：地区生产总值增长6%，力争到2027年突破1200亿元。")
    assert rows(extract(text, load(bundled))) == [
        ("gdp", 2024, "actual", "value", 1036.5, "亿元", 6.8, "exact", "reported"),
        ("public_budget_revenue", 2024, "actual", "value", 68.3, "亿元", 5.2, "exact", "reported"),
        ("rd_intensity", 2024, "actual", "value", 2.8, "%", None, "exact", "reported"),
        ("gdp", 2025, "target", "growth", None, "%", 6, "exact", None),
    ]


# --- six more reports, written blind (before reading the extractor) ---------------------------------
# A Jiangsu district (a page number inside the income sentence, 力争与上年持平), a Sichuan city's
# government work report (——topic lines, a share, 分别增长…和…), a Yunnan county in half-width
# punctuation (初步核算, a page number inside a growth, a numbered targets list), Shandong (万亿元,
# a form feed inside a name, 单位生产总值能耗降低完成…任务), a Hubei city in Markdown (左右 with a
# growth, 下降, 持平, a dash list) and the State Council (万亿斤, 与上年持平, R&D intensity).

JIANGNING_2023 = [
    ('gdp', 2023, 'actual', 'value', 3150, '亿元', 6.3, 'exact', 'estimate'),
    ('industrial_value_added', 2023, 'actual', 'growth', None, '%', 8.1, 'exact', 'estimate'),
    ('public_budget_revenue', 2023, 'actual', 'value', 243.6, '亿元', 7.2, 'exact', 'estimate'),
    ('fixed_asset_investment', 2023, 'actual', 'growth', None, '%', 5.5, 'exact', 'estimate'),
    ('retail_sales', 2023, 'actual', 'value', 1215, '亿元', 7.8, 'exact', 'estimate'),
    ('trade', 2023, 'actual', 'value', 1620, '亿元', -2.4, 'exact', 'estimate'),
    ('exports', 2023, 'actual', 'value', 1080, '亿元', 1.3, 'exact', 'estimate'),
    ('fdi', 2023, 'actual', 'value', 12.6, '亿美元', None, 'exact', 'estimate'),
    ('urban_disposable_income', 2023, 'actual', 'value', 78260, '元', 5.1, 'exact', 'estimate'),
    ('rural_disposable_income', 2023, 'actual', 'value', 41350, '元', 6.9, 'exact', 'estimate'),
    # （三）民生保障更加有力。城镇新增就业4.2万人，…: a section's sentence that opens on a common indicator
    ('new_urban_jobs', 2023, 'actual', 'value', 4.2, '万人', None, 'exact', 'estimate'),
    ('gdp', 2024, 'target', 'growth', None, '%', 6, 'about', None),
    ('industrial_value_added', 2024, 'target', 'growth', None, '%', 7, 'at_least', None),
    ('public_budget_revenue', 2024, 'target', 'growth', None, '%', 5, 'exact', None),
    ('fixed_asset_investment', 2024, 'target', 'growth', None, '%', 5, 'about', None),
    ('retail_sales', 2024, 'target', 'growth', None, '%', 7, 'exact', None),
    ('trade', 2024, 'target', 'growth', None, '%', 0, 'exact', None),
    ('fdi', 2024, 'target', 'value', 12, '亿美元', None, 'at_least', None),
    ('disposable_income', 2024, 'target', 'task', None, None, None, 'exact', None),
    ('surveyed_unemployment_rate', 2024, 'target', 'value', 5, '%', None, 'at_most', None),
    ('energy_saving', 2024, 'target', 'task', None, None, None, 'exact', None),
]

MIANYANG_2025_GWR = [
    ('gdp', 2024, 'actual', 'value', 4300, '亿元', None, 'more_than', 'estimate'),
    ('gdp', 2024, 'actual', 'growth', None, '%', 6.2, 'exact', 'estimate'),
    ('industrial_value_added', 2024, 'actual', 'growth', None, '%', 9.5, 'exact', 'estimate'),
    ('fixed_asset_investment', 2024, 'actual', 'growth', None, '%', 4.8, 'exact', 'estimate'),
    ('retail_sales', 2024, 'actual', 'value', 1790, '亿元', 5.6, 'exact', 'estimate'),
    ('public_budget_revenue', 2024, 'actual', 'value', 212.4, '亿元', 6.1, 'exact', 'estimate'),
    ('urban_disposable_income', 2024, 'actual', 'growth', None, '%', 4.6, 'exact', 'estimate'),
    ('rural_disposable_income', 2024, 'actual', 'growth', None, '%', 6.3, 'exact', 'estimate'),
    # the review's 改革开放 line states two more headline figures of 2024: 实际使用外资1.9亿美元，
    # 外贸进出口总额增长11.2%
    ('fdi', 2024, 'actual', 'value', 1.9, '亿美元', None, 'exact', 'estimate'),
    ('trade', 2024, 'actual', 'growth', None, '%', 11.2, 'exact', 'estimate'),
    ('gdp', 2025, 'target', 'growth', None, '%', 6, 'about', None),
    ('industrial_value_added', 2025, 'target', 'growth', None, '%', 8, 'exact', None),
    ('fixed_asset_investment', 2025, 'target', 'growth', None, '%', 5, 'at_least', None),
    ('retail_sales', 2025, 'target', 'growth', None, '%', 6, 'exact', None),
    ('public_budget_revenue', 2025, 'target', 'growth', None, '%', 5.5, 'exact', None),
    ('urban_disposable_income', 2025, 'target', 'growth', None, '%', 5, 'exact', None),
    ('rural_disposable_income', 2025, 'target', 'growth', None, '%', 6.5, 'exact', None),
    ('surveyed_unemployment_rate', 2025, 'target', 'value', 5.5, '%', None, 'about', None),
    ('cpi', 2025, 'target', 'growth', None, '%', 2, 'about', None),
    ('energy_saving', 2025, 'target', 'task', None, None, None, 'exact', None),
]

BINCHUAN_2024 = [
    ('gdp', 2024, 'actual', 'value', 186.52, '亿元', 4.6, 'exact', 'preliminary'),
    ('primary_industry_value_added', 2024, 'actual', 'value', 58.3, '亿元', 5.2, 'exact', 'preliminary'),
    ('industrial_value_added', 2024, 'actual', 'growth', None, '%', -3.5, 'exact', 'preliminary'),
    ('fixed_asset_investment', 2024, 'actual', 'growth', None, '%', 2.1, 'exact', 'preliminary'),
    ('retail_sales', 2024, 'actual', 'value', 52.7, '亿元', 4.3, 'exact', 'preliminary'),
    ('public_budget_revenue', 2024, 'actual', 'value', 7.86, '亿元', 3.2, 'exact', 'preliminary'),
    ('urban_disposable_income', 2024, 'actual', 'value', 43580, '元', 3.9, 'exact', 'preliminary'),
    ('rural_disposable_income', 2024, 'actual', 'value', 1.86, '万元', 6.4, 'exact', 'preliminary'),
    ('grain_output', 2024, 'actual', 'value', 15.2, '万吨', 1.1, 'exact', 'preliminary'),
    ('gdp', 2025, 'target', 'growth', None, '%', 5, 'about', None),
    ('industrial_value_added', 2025, 'target', 'growth', None, '%', 6, 'exact', None),
    ('fixed_asset_investment', 2025, 'target', 'growth', None, '%', 3, 'at_least', None),
    ('retail_sales', 2025, 'target', 'growth', None, '%', 5, 'exact', None),
    ('public_budget_revenue', 2025, 'target', 'growth', None, '%', 0, 'exact', None),
    ('urban_disposable_income', 2025, 'target', 'growth', None, '%', 5, 'exact', None),
    ('rural_disposable_income', 2025, 'target', 'growth', None, '%', 7, 'exact', None),
    ('grain_output', 2025, 'target', 'value', 15, '万吨', None, 'at_least', None),
    ('energy_saving', 2025, 'target', 'task', None, None, None, 'exact', None),  # 节能降耗和主要污染物减排
]

SHANDONG_2022 = [
    ('gdp', 2022, 'actual', 'value', 8.74, '万亿元', 3.9, 'exact', 'preliminary'),
    ('public_budget_revenue', 2022, 'actual', 'value', 7104, '亿元', 6.3, 'exact', 'preliminary'),
    ('industrial_value_added', 2022, 'actual', 'growth', None, '%', 5.1, 'exact', 'preliminary'),
    ('fixed_asset_investment', 2022, 'actual', 'growth', None, '%', 6.1, 'exact', 'preliminary'),
    ('retail_sales', 2022, 'actual', 'value', 3.3, '万亿元', -0.3, 'exact', 'preliminary'),
    ('trade', 2022, 'actual', 'value', 3.33, '万亿元', 13.8, 'exact', 'preliminary'),
    ('fdi', 2022, 'actual', 'value', 228.1, '亿美元', 6.8, 'exact', 'preliminary'),
    ('disposable_income', 2022, 'actual', 'value', 37560, '元', 5.0, 'exact', 'preliminary'),
    ('cpi', 2022, 'actual', 'growth', None, '%', 2.1, 'exact', 'preliminary'),
    ('new_urban_jobs', 2022, 'actual', 'value', 118.6, '万人', None, 'exact', 'preliminary'),
    ('grain_output', 2022, 'actual', 'value', 1108.8, '亿斤', 0.7, 'exact', 'preliminary'),
    ('gdp', 2023, 'target', 'growth', None, '%', 5, 'at_least', None),
    ('public_budget_revenue', 2023, 'target', 'growth', None, '%', 5, 'exact', None),
    ('industrial_value_added', 2023, 'target', 'growth', None, '%', 6, 'about', None),
    ('fixed_asset_investment', 2023, 'target', 'growth', None, '%', 6, 'about', None),
    ('retail_sales', 2023, 'target', 'growth', None, '%', 8, 'about', None),
    ('trade', 2023, 'target', 'task', None, None, None, 'exact', None),
    ('fdi', 2023, 'target', 'value', 230, '亿美元', None, 'about', None),
    ('disposable_income', 2023, 'target', 'task', None, None, None, 'exact', None),
    ('new_urban_jobs', 2023, 'target', 'value', 110, '万人', None, 'at_least', None),
    ('surveyed_unemployment_rate', 2023, 'target', 'value', 5.5, '%', None, 'at_most', None),
    ('cpi', 2023, 'target', 'growth', None, '%', 3, 'about', None),
    ('grain_output', 2023, 'target', 'value', 1100, '亿斤', None, 'at_least', None),
    ('energy_intensity', 2023, 'target', 'task', None, None, None, 'exact', None),
]

YICHANG_2021 = [
    ('gdp', 2021, 'actual', 'value', 5020, '亿元', None, 'about', 'estimate'),
    ('gdp', 2021, 'actual', 'growth', None, '%', 13.5, 'exact', 'estimate'),
    ('industrial_value_added', 2021, 'actual', 'growth', None, '%', 14.2, 'exact', 'estimate'),
    ('fixed_asset_investment', 2021, 'actual', 'growth', None, '%', 18.6, 'exact', 'estimate'),
    ('retail_sales', 2021, 'actual', 'value', 1390, '亿元', 19.8, 'exact', 'estimate'),
    ('local_budget_revenue', 2021, 'actual', 'value', 203.1, '亿元', 24.7, 'exact', 'estimate'),
    ('trade', 2021, 'actual', 'value', 310, '亿元', 22.1, 'exact', 'estimate'),
    ('disposable_income', 2021, 'actual', 'value', 34950, '元', 10.5, 'exact', 'estimate'),
    ('cpi', 2021, 'actual', 'growth', None, '%', 0.9, 'exact', 'estimate'),
    ('surveyed_unemployment_rate', 2021, 'actual', 'value', 4.8, '%', None, 'exact', 'estimate'),
    ('energy_intensity', 2021, 'actual', 'growth', None, '%', -2.5, 'exact', 'estimate'),
    ('grain_sown_area', 2021, 'actual', 'growth', None, '%', 0, 'exact', 'estimate'),
    ('gdp', 2022, 'target', 'growth', None, '%', 8, 'about', None),
    ('industrial_value_added', 2022, 'target', 'growth', None, '%', 9, 'exact', None),
    ('fixed_asset_investment', 2022, 'target', 'growth', None, '%', 12, 'exact', None),
    ('retail_sales', 2022, 'target', 'growth', None, '%', 10, 'exact', None),
    ('local_budget_revenue', 2022, 'target', 'growth', None, '%', 6, 'exact', None),
    ('trade', 2022, 'target', 'growth', None, '%', 10, 'at_least', None),
    ('disposable_income', 2022, 'target', 'task', None, None, None, 'exact', None),
    ('surveyed_unemployment_rate', 2022, 'target', 'value', 5.5, '%', None, 'at_most', None),
    ('new_urban_jobs', 2022, 'target', 'value', 6, '万人', None, 'at_least', None),
    ('cpi', 2022, 'target', 'growth', None, '%', 3, 'at_most', None),  # 控制在3%左右: a ceiling
    ('grain_output', 2022, 'target', 'value', 170, '万吨', None, 'at_least', None),
    ('energy_saving', 2022, 'target', 'task', None, None, None, 'exact', None),
    ('emission_reduction', 2022, 'target', 'task', None, None, None, 'exact', None),
]

CHINA_2025 = [
    ('gdp', 2025, 'actual', 'value', 140.2, '万亿元', 5.0, 'exact', 'preliminary'),
    ('new_urban_jobs', 2025, 'actual', 'value', 1262, '万人', None, 'exact', 'preliminary'),
    ('surveyed_unemployment_rate', 2025, 'actual', 'value', 5.2, '%', None, 'exact', 'preliminary'),
    ('cpi', 2025, 'actual', 'growth', None, '%', 0, 'exact', 'preliminary'),
    ('disposable_income', 2025, 'actual', 'value', 43360, '元', 5.1, 'exact', 'preliminary'),
    ('trade', 2025, 'actual', 'value', 45.2, '万亿元', 3.6, 'exact', 'preliminary'),
    ('public_budget_revenue', 2025, 'actual', 'value', 22.1, '万亿元', 1.2, 'exact', 'preliminary'),
    ('grain_output', 2025, 'actual', 'value', 14152, '亿斤', None, 'exact', 'preliminary'),
    ('energy_intensity', 2025, 'actual', 'growth', None, '%', -3.2, 'exact', 'preliminary'),
    ('gdp', 2026, 'target', 'growth', None, '%', 5, 'about', None),
    ('new_urban_jobs', 2026, 'target', 'value', 1200, '万人', None, 'at_least', None),
    ('surveyed_unemployment_rate', 2026, 'target', 'value', 5.5, '%', None, 'about', None),
    ('cpi', 2026, 'target', 'growth', None, '%', 2, 'about', None),
    ('disposable_income', 2026, 'target', 'task', None, None, None, 'exact', None),
    ('trade', 2026, 'target', 'task', None, None, None, 'exact', None),
    ('balance_of_payments', 2026, 'target', 'task', None, None, None, 'exact', None),
    ('grain_output', 2026, 'target', 'value', 1.4, '万亿斤', None, 'at_least', None),
    ('carbon_intensity', 2026, 'target', 'growth', None, '%', -3.5, 'about', None),
    ('rd_intensity', 2026, 'target', 'value', 2.8, '%', None, 'at_least', None),
]

BLIND_SAMPLES = {
    "district-2023-plan-report.txt": (JIANGNING_2023, "jiangning", 2023, 2024),
    "city-2025-government-work-report.txt": (MIANYANG_2025_GWR, "mianyang", 2024, 2025),
    "county-2024-plan-report-half-width.txt": (BINCHUAN_2024, "binchuan", 2024, 2025),
    "province-2022-plan-report-form-feed.txt": (SHANDONG_2022, "shandong", 2022, 2023),
    "city-2021-plan-report.md": (YICHANG_2021, "yichang", 2021, 2022),
    "national-2025-plan-report.txt": (CHINA_2025, "china", 2025, 2026),
}


@pytest.mark.parametrize("name", sorted(BLIND_SAMPLES))
def test_blind_reports_give_exactly_their_headline_figures(name, bundled):
    expected, region, actual_year, target_year = BLIND_SAMPLES[name]
    result = extract(fixture(name), load(bundled))
    assert (result.actual_year, result.target_year) == (actual_year, target_year)
    assert result.region.startswith(region)
    assert rows(result) == expected


@pytest.mark.parametrize("name", sorted(BLIND_SAMPLES))
def test_quotes_of_the_blind_reports_hold_their_numbers(name, bundled):
    test_every_quote_is_a_fragment_of_the_input_holding_its_number(name, bundled)


@pytest.mark.parametrize("targets, expected", [
    # 力争 / 确保 / 争取 between the name and its growth belong to neither
    ("主要预期目标为：规模以上工业增加值力争增长7%；一般公共预算收入确保增长3%；社会消费品零售总额争取增长8%；"
     "进出口总额力争与上年持平。",
     [("industrial_value_added", "growth", None, "%", 7, "exact"),
      ("public_budget_revenue", "growth", None, "%", 3, "exact"),
      ("retail_sales", "growth", None, "%", 8, "exact"), ("trade", "growth", None, "%", 0, "exact")]),
    # the verb before 完成…任务 is not part of the name
    ("主要预期目标为：地区生产总值增长6%；单位生产总值能耗降低完成国家下达的目标任务；"
     "单位地区生产总值二氧化碳排放下降完成省下达任务。",
     [("gdp", "growth", None, "%", 6, "exact"), ("energy_intensity", "task", None, None, None, "exact"),
      ("carbon_intensity", "task", None, None, None, "exact")]),
    # a range is no figure a record can hold: neither bound is emitted
    ("主要预期目标为：地区生产总值增长5.5%—6%；固定资产投资增长5%-6%；社会消费品零售总额增长6%至7%；"
     "城镇调查失业率控制在5.5%以内。",
     [("surveyed_unemployment_rate", "value", 5.5, "%", None, "at_most")]),
])
def test_target_wording_found_blind(targets, expected, bundled):
    result = extract(mini("地区生产总值增长5%，固定资产投资增长3%。", targets), load(bundled))
    assert [(r["indicator"], r["metric"], r["value"], r["unit"], r["growth"], r["qualifier"])
            for r in result.records if r["kind"] == "target"] == expected


def test_a_level_printed_as_a_range_keeps_only_its_growth(bundled):
    text = mini("预计全年完成地区生产总值1050—1060亿元，增长5.2%；社会消费品零售总额300-310亿元；"
                "固定资产投资增长3%。", "2025年主要预期目标为：地区生产总值增长6%。")
    assert rows(extract(text, load(bundled)), "actual") == [
        ("gdp", 2024, "actual", "growth", None, "%", 5.2, "exact", "estimate"),
        ("fixed_asset_investment", 2024, "actual", "growth", None, "%", 3, "exact", "estimate"),
    ]


def test_a_share_is_not_a_headline_figure(bundled):
    text = mini("地区生产总值增长5%；服务业增加值占地区生产总值比重达到52.3%；一般公共预算收入212.4亿元、增长6.1%，"
                "其中税收收入占比达到65.3%；全社会研发投入占GDP比重达2.8%。", "2025年主要预期目标为：地区生产总值增长6%。")
    assert [r["indicator"] for r in extract(text, load(bundled)).records if r["kind"] == "actual"] == [
        "gdp", "public_budget_revenue", "rd_intensity"]


def test_the_lexicon_read_in_two_parts_is_the_whole_file():
    """names reads lexicon.toml up to [regions] at once and the rest on first use: together they
    must be exactly what tomllib reads from the whole file, key order included."""
    import tomllib
    from pathlib import Path

    from csplan.extract import names

    with open(Path(names.__file__).with_name("lexicon.toml"), "rb") as f:
        whole = tomllib.load(f)
    lexicon = names._Lexicon()
    assert "regions" in whole and "regions" not in lexicon._head
    assert list(lexicon) == list(whole)
    assert {key: lexicon[key] for key in lexicon} == whole
