"""The bundled store against the report it was taken from.

The expected figures below were read off the report text by hand, section by section; they are
not generated from the store. A failure here means the store and the report disagree.
"""

from __future__ import annotations

import json
import re

import pytest

from csplan.store import load
from csplan.vocab import number_text

# Chinese numerals the report writes in place of digits.
NUMERALS = {"百亿": "100亿", "千万": "1000万", "百万": "100万"}


def normalise(text: str) -> str:
    """The quote with Chinese numerals written as digits, and full-width digits as ASCII."""
    text = text.translate({ord("０") + i: str(i) for i in range(10)} | {ord("．"): "."})
    for word, digits in NUMERALS.items():
        text = text.replace(word, digits)
    return text


def contains_number(text: str, number) -> bool:
    """Does `number`, written as the store writes it, stand alone in `text` (not inside 15.5 or 3.05)?"""
    written = re.escape(number_text(number))
    return re.search(rf"(?<![\d.]){written}(?!\d|\.\d)", normalise(text)) is not None


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def store():
    from csplan.locate import bundled_store

    return load(bundled_store())


def test_normaliser_reads_chinese_numerals_and_stands_numbers_alone():
    assert contains_number("预期投资额百亿元以上", 100)
    assert contains_number("增长3.0%", 3.0)
    assert not contains_number("增长3.0%", 3)
    assert not contains_number("增长 15.5%", 5.5)
    assert not contains_number("1110 亿元", 111)
    assert contains_number("全市第4", 4)


def test_the_store_is_large_and_validates(store):
    assert len(store.figures) > 100
    kinds = {f.kind for f in store.figures}
    assert kinds == {"actual", "target"}


def test_validate_command_accepts_the_bundled_store(cli, bundled):
    r = cli("--store", bundled, "validate")
    assert r.exit_code == 0, r.output


def test_every_value_appears_in_its_own_quote(store):
    missing = [
        f"{f.indicator} {f.year} {f.kind} {f.metric}: {number_text(f.value)} not in {f.quote!r}"
        for f in store.figures
        if f.metric in ("value", "rank") and not contains_number(f.quote, f.value)
    ]
    assert not missing, "\n".join(missing)


def test_every_growth_appears_in_its_own_quote(store):
    missing = [
        f"{f.indicator} {f.year} {f.kind}: growth {number_text(f.growth)} not in {f.quote!r}"
        for f in store.figures
        if f.growth is not None and not contains_number(f.quote, abs(f.growth))
    ]
    assert not missing, "\n".join(missing)


def test_every_unit_appears_in_its_own_quote(store):
    def printed(quote: str) -> str:
        return squash(normalise(quote)).replace("万余", "万")  # 2.2万余户 is 2.2 万户, more than

    missing = [
        f"{f.indicator} {f.year} {f.kind}: unit {f.unit!r} not in {f.quote!r}"
        for f in store.figures
        if f.metric == "value" and f.unit and f.unit not in printed(f.quote)
    ]
    assert not missing, "\n".join(missing)


def test_every_quote_appears_in_the_report(store, report_text):
    report = squash(report_text)
    missing = [f"{f.indicator} {f.year} {f.kind}: {f.quote!r}" for f in store.figures if squash(f.quote) not in report]
    assert not missing, "\n".join(missing)


def test_every_source_title_appears_in_the_report(store, report_text):
    report = squash(report_text)
    for src in store.sources.values():
        assert squash(src.title) in report


# --- figures read off the report by hand --------------------------------------------------
#
# (indicator, year, kind, metric, value, unit, growth, qualifier, status)

A, T = "actual", "target"
EST, REP = "estimate", "reported"

HAND = [
    # 预计，全年地区生产总值 1110 亿元，增长 5.8%；… 完成市下达节能减排降碳任务。
    ("gdp", 2024, A, "value", 1110, "亿元", 5.8, "exact", EST),
    ("retail_sales", 2024, A, "value", 593, "亿元", 5.3, "exact", EST),
    ("trade", 2024, A, "value", 334.8, "亿元", 11.6, "exact", EST),
    ("disposable_income", 2024, A, "value", 55160, "元", 3.8, "exact", EST),
    ("budget_revenue", 2024, A, "value", 39.3, "亿元", None, "exact", EST),
    ("local_budget_revenue", 2024, A, "value", 25, "亿元", None, "exact", EST),
    ("fixed_asset_investment", 2024, A, "value", 302, "亿元", None, "exact", EST),
    ("fdi", 2024, A, "value", 5773, "万美元", None, "exact", EST),
    ("energy_saving", 2024, A, "task", 1, None, None, "exact", EST),
    # (一) 产业发展
    ("digital_economy_output", 2024, A, "value", 650, "亿元", None, "more_than", REP),  # 超 650 亿元
    ("digital_economy_key_projects", 2024, A, "value", 19, "个", None, "exact", REP),
    ("digital_innovative_firms", 2024, A, "value", 19, "家", None, "exact", REP),
    ("digital_innovative_firms", 2024, A, "rank", 2, None, None, "exact", REP),  # 连续 3 年全市第 2
    ("unicorn_firms", 2024, A, "rank", 1, None, None, "exact", REP),  # 连续 3 年居全市第 1
    ("gazelle_firms", 2024, A, "value", 15, "家", None, "exact", REP),
    ("digital_scenarios", 2024, A, "value", 8, "个", None, "exact", REP),
    ("digital_scenarios", 2024, A, "rank", 2, None, None, "exact", REP),
    ("industrial_leading_firms", 2024, A, "value", 20, "家", None, "exact", REP),
    ("provincial_srdi_smes", 2024, A, "value", 18, "家", None, "exact", REP),
    ("park_new_floor_area", 2024, A, "value", 12.8, "万平方米", None, "exact", REP),
    ("park_planned_floor_area", 2024, A, "value", 50, "万平方米", None, "about", EST),  # 预计 … 约\n\n50 万平方米
    ("biomed_firms", 2024, A, "value", 79, "家", None, "exact", REP),
    ("biomed_output", 2024, A, "value", 165, "亿元", None, "more_than", REP),
    ("ecommerce_firms", 2024, A, "value", 3000, "家", None, "more_than", REP),
    ("online_retail_sales", 2024, A, "value", 222, "亿元", None, "exact", REP),
    ("online_retail_sales", 2024, A, "rank", 1, None, None, "exact", REP),
    ("platform_chain_sales", 2024, A, "value", 508.76, "亿元", None, "exact", REP),
    ("trade_service_firms", 2024, A, "value", 157, "家", None, "exact", REP),
    ("consumption_events", 2024, A, "value", 304, "场", None, "exact", REP),
    ("consumption_stimulated", 2024, A, "value", 6.7, "亿元", None, "exact", REP),
    # (二) 改革创新
    ("gov_service_items_optimized", 2024, A, "value", 93, "项", None, "exact", REP),  # 事项\n\n93项
    ("business_matching_events", 2024, A, "value", 16, "场", None, "exact", REP),
    ("credit_granted", 2024, A, "value", 10, "亿元", None, "nearly", REP),  # 近10亿元
    ("new_market_entities", 2024, A, "value", 2.2, "万户", None, "more_than", REP),  # 2.2万余户
    ("new_market_entities", 2024, A, "rank", 1, None, None, "exact", REP),
    ("market_entities", 2024, A, "value", 18, "万户", None, "more_than", REP),  # 超18万户
    ("market_entities", 2024, A, "rank", 1, None, None, "exact", REP),
    ("high_tech_firms", 2024, A, "value", 614, "家", None, "exact", REP),
    ("tech_smes", 2024, A, "value", 151, "个", None, "exact", REP),
    ("rd_spending", 2024, A, "value", 29.98, "亿元", None, "exact", REP),
    ("rd_spending", 2024, A, "rank", 4, None, None, "exact", REP),  # 排名全市第4
    ("rd_intensity", 2024, A, "value", 2.86, "%", None, "exact", REP),
    ("sci_tech_commissioners", 2024, A, "value", 84, "人次", None, "exact", REP),
    ("phd_innovation_stations", 2024, A, "value", 8, "家", None, "exact", REP),  # 新增\n\n福建省…8 家
    ("phd_innovation_stations", 2024, A, "rank", 4, None, None, "exact", REP),
    ("investment_projects", 2024, A, "value", 78, "项", None, "exact", REP),
    ("investment_projects_value", 2024, A, "value", 126.7, "亿元", None, "exact", REP),
    # (三) 项目建设、城市
    ("projects_started", 2024, A, "value", 32, "个", None, "exact", REP),
    ("key_projects", 2024, A, "value", 118, "项", None, "exact", REP),
    ("key_projects_completion_rate", 2024, A, "value", 93.9, "%", None, "exact", REP),
    ("key_projects_ahead_of_schedule", 2024, A, "value", 10.56, "个百分点", None, "exact", REP),
    ("projects_completed", 2024, A, "value", 21, "个", None, "exact", REP),
    ("bond_projects_investment", 2024, A, "value", 78.84, "亿元", None, "exact", REP),
    ("land_approved_area", 2024, A, "value", 731, "亩", None, "exact", REP),
    ("land_approved_area", 2024, A, "rank", 1, None, None, "exact", REP),  # 五城区第 1
    ("land_sold_area", 2024, A, "value", 1239.88, "亩", None, "exact", REP),
    ("land_sale_revenue", 2024, A, "value", 150.43, "亿元", None, "exact", REP),
    ("urban_contest_investment", 2024, A, "value", 106.8, "亿元", None, "exact", REP),
    ("illegal_buildings_demolished", 2024, A, "value", 2.73, "万平方米", None, "about", REP),  # 约 2.73 万平方米
    ("roads_repaired_area", 2024, A, "value", 1.8, "万平方米", None, "more_than", REP),  # 超 1.8 万平方米
    ("storm_drains_dredged", 2024, A, "value", 3.1, "万米", None, "more_than", REP),  # 3.1 万余米
    ("net_land_delivered", 2024, A, "value", 3856.49, "亩", None, "exact", REP),
    ("resettlement_area", 2024, A, "value", 33.27, "万平方米", None, "exact", REP),
    ("air_quality_good_rate", 2024, A, "value", 99.42, "%", None, "exact", REP),
    ("water_source_compliance_rate", 2024, A, "value", 100, "%", None, "exact", REP),
    ("shared_green_space", 2024, A, "value", 1.24, "万平方米", None, "exact", REP),
    # (四) 民生
    ("new_urban_jobs", 2024, A, "value", 1.88, "万人", None, "exact", REP),
    ("reemployment", 2024, A, "value", 6384, "人", None, "exact", REP),
    ("unemployment_benefits_paid", 2024, A, "value", 7926, "万元", None, "exact", REP),
    ("preschool_inclusive_rate", 2024, A, "value", 96.97, "%", None, "exact", REP),
    ("new_school_places", 2024, A, "value", 8640, "个", None, "exact", REP),
    ("top_school_admissions", 2024, A, "growth", None, "%", 11.5, "exact", REP),  # 录取人数增幅 11.5%
    ("childcare_places", 2024, A, "value", 5265, "个", None, "exact", REP),
    ("cultural_tourism_events", 2024, A, "value", 633, "场", None, "exact", REP),
    ("sports_events_hosted", 2024, A, "value", 9, "项", None, "exact", REP),  # 体育赛事 9\n\n项
    ("enterprises_inspected", 2024, A, "value", 2.22, "万家", None, "exact", REP),
    ("major_hazards_rectified", 2024, A, "value", 1.9, "万处", None, "exact", REP),
    # 2025 主要预期目标
    ("gdp", 2025, T, "growth", None, "%", 5.5, "exact", None),
    ("budget_revenue", 2025, T, "growth", None, "%", 3.0, "exact", None),
    ("local_budget_revenue", 2025, T, "growth", None, "%", 3.0, "exact", None),
    ("retail_sales", 2025, T, "growth", None, "%", 5.3, "exact", None),
    ("fixed_asset_investment", 2025, T, "growth", None, "%", 4.5, "exact", None),
    ("disposable_income", 2025, T, "growth", None, "%", 4.0, "exact", None),
    ("fdi", 2025, T, "task", None, None, None, "exact", None),
    ("trade", 2025, T, "task", None, None, None, "exact", None),
    ("energy_saving", 2025, T, "task", None, None, None, "exact", None),
    # 2025 tasks with numbers
    ("biomed_output", 2025, T, "value", 220, "亿元", None, "more_than", None),  # 突破 220 亿元
    ("trade_service_firms", 2025, T, "value", 180, "家", None, "at_least", None),  # 180 家以上
    ("high_tech_firms", 2025, T, "rank", 3, None, None, "at_most", None),  # 保持全市前 3
    ("rd_spending", 2025, T, "rank", 4, None, None, "at_most", None),  # 保持全市前 4
    ("key_projects", 2025, T, "value", 154, "个", None, "exact", None),
    ("key_projects_investment", 2025, T, "value", 2168.63, "亿元", None, "exact", None),
    ("projects_started", 2025, T, "value", 74, "个", None, "exact", None),
    ("projects_started_investment", 2025, T, "value", 727.53, "亿元", None, "exact", None),
    ("projects_completed", 2025, T, "value", 39, "个", None, "exact", None),
    ("investment_projects", 2025, T, "value", 80, "个", None, "more_than", None),  # 超 80 个
    ("investment_projects_value", 2025, T, "value", 100, "亿元", None, "at_least", None),  # 百亿元以上
    ("sanjiangkou_projects", 2025, T, "value", 46, "个", None, "exact", None),
    ("land_parcels_development", 2025, T, "value", 14, "宗", None, "exact", None),
    ("school_projects_started", 2025, T, "value", 3, "个", None, "exact", None),
    ("school_projects_completed", 2025, T, "value", 3, "个", None, "exact", None),
    ("new_urban_jobs", 2025, T, "value", 1.8, "万人", None, "exact", None),
    ("reemployment", 2025, T, "value", 4500, "人", None, "exact", None),
]

FIELDS = ("value", "unit", "growth", "qualifier", "status")


@pytest.fixture(scope="module")
def listed():
    """`csplan list --format json`, keyed by indicator, year, kind and metric."""
    from typer.testing import CliRunner

    from csplan.cli import app

    r = CliRunner().invoke(app, ["list", "--format", "json"], env={"CSPLAN_STORE": ""})
    assert r.exit_code == 0, r.output
    recs = json.loads(r.stdout)
    by_key: dict[tuple, list[dict]] = {}
    for rec in recs:
        by_key.setdefault((rec["indicator"], rec["year"], rec["kind"], rec["metric"]), []).append(rec)
    return by_key


def test_the_hand_list_covers_every_section_and_wording():
    ids = {h[0] for h in HAND}
    assert len(HAND) >= 40
    assert {"rank", "growth", "task", "value"} <= {h[3] for h in HAND}
    assert {"exact", "more_than", "at_least", "about", "nearly", "at_most"} <= {h[7] for h in HAND}
    assert {"gdp", "rd_spending", "key_projects", "new_urban_jobs"} <= ids


@pytest.mark.parametrize("hand", HAND, ids=lambda h: f"{h[0]}-{h[1]}-{h[2]}-{h[3]}")
def test_hand_taken_figure_matches_the_store(listed, hand):
    indicator, year, kind, metric, *expected = hand
    found = listed.get((indicator, year, kind, metric))
    assert found, f"no {kind} {metric} figure for {indicator} {year} in `csplan list`"
    assert len(found) == 1, f"{len(found)} current figures for {indicator} {year} {kind} {metric}"
    rec = found[0]
    got = {k: rec[k] for k in FIELDS}
    want = dict(zip(FIELDS, expected, strict=True))
    assert got == want
    for k in ("value", "growth"):
        if want[k] is not None:
            assert type(got[k]) in (int, float)


def test_every_2024_headline_figure_is_an_estimate(listed):
    heads = [recs[0] for (ind, year, kind, _), recs in listed.items() if year == 2024 and kind == "actual"
             and recs[0]["category"] == "headline"]
    assert len(heads) == 9
    assert {r["status"] for r in heads} == {"estimate"}
