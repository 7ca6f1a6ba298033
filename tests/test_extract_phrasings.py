"""Phrasings of the genre, in short texts written for these tests (the expected facts written by
hand first): how a review states a figure a policy brought about, lists of the three sectors and
of deposits and loans, targets stated as tasks, and a five-year plan's goals beside the year's."""

from __future__ import annotations

import re

import pytest
from test_corpus_accuracy import _facts, fact_tuple

from csplan.extract import extract, read_header
from csplan.model import Store

A, T = "actual", "target"
HEAD = ("政府工作报告\n\n——2025年1月10日在某某市第十届人民代表大会第三次会议上\n\n"
        "各位代表：现在，我代表市人民政府，向大会报告政府工作。\n\n一、2024年工作回顾\n\n")
SUMMARY = "全年地区生产总值增长6%，规上工业增加值增长7%。"
BASE = {("gdp", A, "growth", 6, "exact"), ("industrial_value_added", A, "growth", 7, "exact")}


def _extract(text: str) -> set[tuple]:
    result = extract(text, Store(), region="somewhere", actual_year=2024, target_year=2025)
    return {fact_tuple(f) for r in result.records for f in _facts(r)}


def _read(summary: str, targets: str) -> set[tuple]:
    return _extract(HEAD + summary + "\n\n二、2025年工作安排\n\n" + targets + "\n")


def test_a_figure_a_policy_brought_about_is_named_without_its_verb():
    summary = (SUMMARY + "\n\n（二）扩大有效投资。开工重点项目300个，拉动固定资产投资完成520.3亿元。"
               "\n\n（三）促进消费。举办促消费活动，带动社会消费品零售总额完成610.4亿元，增长7.3%。"
               "\n\n（四）惠民生。落实稳岗政策，带动城镇、农村居民人均可支配收入分别增长5.1%、7.2%。")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("fixed_asset_investment", A, "value", (520.3, "亿元"), "exact"),
        ("retail_sales", A, "value", (610.4, "亿元"), "exact"), ("retail_sales", A, "growth", 7.3, "exact"),
        ("urban_disposable_income", A, "growth", 5.1, "exact"), ("rural_disposable_income", A, "growth", 7.2, "exact"),
        ("gdp", T, "growth", 6, "exact")}


def test_a_count_of_deeds_is_not_an_indicator():
    summary = ("（一）坚持抓项目。实施重点项目300个，带动固定资产投资完成520.3亿元，地区生产总值增长6%。"
               "举办招商活动40场，规上工业增加值增长7%。")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("fixed_asset_investment", A, "value", (520.3, "亿元"), "exact"), ("gdp", T, "growth", 6, "exact")}


def test_income_above_the_economy_and_a_price_index_held_are_targets():
    targets = ("今年的主要预期目标是：地区生产总值增长5.5%左右；城镇居民人均可支配收入与经济增长同步，"
               "农村居民人均可支配收入增长快于经济增长；居民消费价格指数控制在2%左右。")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 5.5, "about"), ("urban_disposable_income", T, "task", None, None),
        # 控制在 sets a ceiling, whatever 左右 softens: at most
        ("rural_disposable_income", T, "task", None, None), ("cpi", T, "growth", 2, "at_most")}
    targets = ("今年的主要预期目标是：地区生产总值增长5%，农村居民可支配收入增长不低于经济增长水平，"
               "居民消费价格指数控制在103%以内。")
    assert _read(SUMMARY + "居民消费价格指数为101.5%。", targets) == BASE | {
        ("cpi", A, "growth", 1.5, "exact"), ("gdp", T, "growth", 5, "exact"),
        ("rural_disposable_income", T, "task", None, None), ("cpi", T, "growth", 3, "at_most")}


def test_the_years_targets_win_over_a_five_year_plans_goals():
    for year_chapter in ("三、2025年重点工作", "三、奋力实现“十五五”良好开局"):
        text = (HEAD + SUMMARY + "\n\n二、“十五五”时期主要目标任务\n\n过去五年，我们砥砺前行。今后五年，"
                "地区生产总值年均增长5%左右，发电装机容量超2000万千瓦，经济总量超100亿元的乡镇增至8个。"
                "《纲要》提出的主要目标：一般公共预算收入超过200亿元。\n\n"
                + year_chapter + "\n\n今年我市经济社会发展主要预期目标是：经济增长5%左右，粮食产量只增不减，"
                "减排降碳控制在省下达目标内。\n")
        assert _extract(text) == BASE | {
            ("gdp", T, "growth", 5, "about"), ("grain_output", T, "task", None, None),
            ("energy_saving", T, "task", None, None)}, year_chapter


def test_a_five_year_plans_goals_in_the_chapter_of_the_year():
    targets = ("“十五五”时期的主要目标是：经济总量突破2000亿元，粮食产量稳定在100万吨以上。\n\n"
               "今年的主要预期目标是：地区生产总值增长6%，居民消费价格涨幅3%左右。")
    assert _read(SUMMARY, targets) == BASE | {("gdp", T, "growth", 6, "exact"), ("cpi", T, "growth", 3, "about")}
    # a chapter of the five years that holds the year's targets too: read when no other chapter has them
    text = (HEAD + SUMMARY + "\n\n二、今后五年的目标任务\n\n今年是“十五五”开局之年。"
            "今年的主要预期目标是：地区生产总值增长6%，居民消费价格涨幅3%左右。\n")
    assert _extract(text) == BASE | {("gdp", T, "growth", 6, "exact"), ("cpi", T, "growth", 3, "about")}


def test_a_level_that_sizes_what_follows_is_not_a_figure():
    summary = ("全年地区生产总值增长6%，规上工业增加值增长7%，经济总量超100亿元的乡镇达到5个，"
               "城镇登记失业率控制在3.2%的较低水平。")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("registered_unemployment_rate", A, "value", (3.2, "%"), "at_most"), ("gdp", T, "growth", 6, "exact")}
    targets = "今年的主要预期目标是：规上工业增加值增长8%，500万元以上固定资产投资增长5%，社会消费品零售总额增长6%。"
    assert _read(SUMMARY, targets) == BASE | {
        ("industrial_value_added", T, "growth", 8, "exact"), ("fixed_asset_investment", T, "growth", 5, "exact"),
        ("retail_sales", T, "growth", 6, "exact")}


@pytest.mark.parametrize("sectors", ["第一、二、三产业增加值", "一、二、三产业增加值", "三次产业增加值", "三次产业",
                                     "第一产业、第二产业、第三产业", "一产、二产、三产增加值"])
def test_the_three_sectors_as_a_list(sectors):
    summary = f"全年地区生产总值增长6%，{sectors}分别增长3.5%、6.2%、6.8%；规上工业增加值增长7%。"
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("primary_industry_value_added", A, "growth", 3.5, "exact"),
        ("secondary_industry_value_added", A, "growth", 6.2, "exact"),
        ("tertiary_industry_value_added", A, "growth", 6.8, "exact"), ("gdp", T, "growth", 6, "exact")}


def test_deposits_and_loans_written_as_one_word():
    summary = "全年地区生产总值增长6%；规上工业增加值增长7%；金融机构本外币存贷款余额分别增长8.5%、10.2%。"
    targets = "今年的主要预期目标是：地区生产总值增长6%，金融机构本外币存贷款余额分别增长8%、10%。"
    assert _read(summary, targets) == BASE | {
        ("金融机构本外币存款余额", A, "growth", 8.5, "exact"), ("金融机构本外币贷款余额", A, "growth", 10.2, "exact"),
        ("gdp", T, "growth", 6, "exact"),
        ("金融机构本外币存款余额", T, "growth", 8, "exact"), ("金融机构本外币贷款余额", T, "growth", 10, "exact")}


def test_output_after_the_area_in_the_next_clause():
    summary = "全年地区生产总值增长6%，规上工业增加值增长7%；完成粮食播种面积150.2万亩，产量60.3万吨。"
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("粮食播种面积", A, "value", (150.2, "万亩"), "exact"), ("grain_output", A, "value", (60.3, "万吨"), "exact"),
        ("gdp", T, "growth", 6, "exact")}


def test_indicators_held_in_a_reasonable_range_and_generic_binding_indicators():
    targets = ("今年的主要预期目标是：地区生产总值增长6%，节能减排、居民消费价格等指标控制在合理范围内，"
               "各项约束性指标全面完成省下达的目标任务。")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "exact"), ("energy_saving", T, "task", None, None), ("cpi", T, "task", None, None),
        ("binding_indicators", T, "task", None, None)}
    targets = "今年的主要预期目标是：地区生产总值增长6%；各项约束性指标不折不扣完成市下达任务。"
    assert _read(SUMMARY, targets) == BASE | {("gdp", T, "growth", 6, "exact"), ("binding_indicators", T, "task", None, None)}
    targets = "今年的主要预期目标是：地区生产总值增长6%，单位地区生产总值能耗降低等约束性指标全面完成。"
    assert _read(SUMMARY, targets) == BASE | {("gdp", T, "growth", 6, "exact"), ("energy_intensity", T, "task", None, None)}


PLAN = ("关于某某市2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告\n\n"
        "——2025年1月10日在某某市第十届人民代表大会第三次会议上\n\n某某市发展和改革委员会\n\n各位代表：\n\n"
        "一、2024年国民经济和社会发展计划执行情况\n\n2024年，全市经济运行稳中有进，主要目标任务较好完成。\n\n")


def test_a_plan_reports_review_is_read_in_all_its_sections():
    text = (PLAN + "（一）经济运行稳中有进。全年地区生产总值增长6%，规上工业增加值增长7%。\n\n"
            "（二）民生福祉持续改善。城镇新增就业3.2万人，城镇调查失业率5.1%。"
            "城乡居民人均可支配收入分别增长4.6%、6.6%。居民消费价格上涨0.2%。\n\n"
            "（三）农业生产稳定。粮食总产量60.3万吨，增产0.8%。1-11月，社会消费品零售总额增长5.5%。"
            "2023年一般公共预算收入增长3%。\n\n"
            "“十四五”时期是发展极不平凡的五年。五年来，全市固定资产投资达到500亿元，进出口总额年均增长9%。\n\n"
            "二、2025年经济社会发展总体要求\n\n"
            "2025年是承上启下的关键之年。做好今年工作，要稳就业、扩投资，固定资产投资增长5%，进出口总额达到300亿元。\n\n"
            "建议2025年全市经济社会发展主要预期目标如下：\n\n1. 地区生产总值增长6%。\n\n2. 城镇新增就业3万人以上。\n")
    assert _extract(text) == BASE | {
        ("new_urban_jobs", A, "value", (3.2, "万人"), "exact"),
        ("surveyed_unemployment_rate", A, "value", (5.1, "%"), "exact"),
        ("urban_disposable_income", A, "growth", 4.6, "exact"), ("rural_disposable_income", A, "growth", 6.6, "exact"),
        ("cpi", A, "growth", 0.2, "exact"), ("grain_output", A, "value", (60.3, "万吨"), "exact"),
        ("grain_output", A, "growth", 0.8, "exact"),
        ("gdp", T, "growth", 6, "exact"), ("new_urban_jobs", T, "value", (3, "万人"), "at_least")}
    # a summary before the sections has the year's headline figures, and the sections tell the work
    # done: a common indicator the report sets no target for only where a sentence opens on it
    text = (PLAN + SUMMARY + "\n\n（一）民生福祉持续改善。城镇新增就业3.2万人，城镇调查失业率5.1%。\n\n"
            "二、2025年主要预期目标\n\n建议2025年全市经济社会发展主要预期目标如下：地区生产总值增长6%。\n")
    assert _extract(text) == BASE | {("new_urban_jobs", A, "value", (3.2, "万人"), "exact"), ("gdp", T, "growth", 6, "exact")}
    # … and those it sets targets for: the figure, not a ceiling kept
    text = (PLAN + SUMMARY + "\n\n（一）民生福祉持续改善。城镇新增就业3.2万人，城镇调查失业率控制在5.1%，"
            "城镇登记失业率3.3%。\n\n（二）对外开放。进出口总额120亿元，增长8%。\n\n"
            "二、2025年主要预期目标\n\n建议2025年全市经济社会发展主要预期目标如下：地区生产总值增长6%，"
            "城镇新增就业3万人，城镇调查失业率、城镇登记失业率分别控制在5.5%以内、4%以内。\n")
    assert _extract(text) == BASE | {
        ("new_urban_jobs", A, "value", (3.2, "万人"), "exact"),
        ("registered_unemployment_rate", A, "value", (3.3, "%"), "exact"), ("gdp", T, "growth", 6, "exact"),
        ("trade", A, "value", (120, "亿元"), "exact"), ("trade", A, "growth", 8, "exact"),
        ("new_urban_jobs", T, "value", (3, "万人"), "exact"),
        ("surveyed_unemployment_rate", T, "value", (5.5, "%"), "at_most"),
        ("registered_unemployment_rate", T, "value", (4, "%"), "at_most")}


def test_targets_numbered_as_sections_one_a_line():
    text = (PLAN + SUMMARY + "\n\n二、2025年主要预期目标建议\n\n2025年全市经济社会发展主要预期目标建议如下：\n"
            "（一）地区生产总值增长6%左右。\n\n（二）全社会固定资产投资增长3%以上。\n\n（三）进出口总额实现正增长。\n\n"
            "（四）城镇新增就业3万人，城镇调查失业率5.5%左右。\n\n上述目标与“十四五”规划相衔接，城镇新增就业增长10%。\n\n"
            "三、2025年主要任务\n\n（一）扩大有效投资。安排重点项目300个，固定资产投资增长8%。\n")
    assert _extract(text) == BASE | {
        ("gdp", T, "growth", 6, "about"), ("fixed_asset_investment", T, "growth", 3, "at_least"),
        ("trade", T, "task", None, None), ("new_urban_jobs", T, "value", (3, "万人"), "exact"),
        ("surveyed_unemployment_rate", T, "value", (5.5, "%"), "about")}


def test_a_growth_in_times_and_regional_names_of_industry_and_revenue():
    summary = ("全年地区生产总值增长6%，规模工业增加值增长7%；全部财政收入36.2亿元，增长18.3%；"
               "实际利用外资7.3亿美元、增长1.1倍；进出口总额增长2倍。")
    targets = "今年的主要预期目标是：地区生产总值增长6%，规模工业增加值增长8%，全部财政收入增长8%。"
    assert _read(summary, targets) == BASE | {
        ("budget_revenue", A, "value", (36.2, "亿元"), "exact"), ("budget_revenue", A, "growth", 18.3, "exact"),
        ("fdi", A, "value", (7.3, "亿美元"), "exact"), ("fdi", A, "growth", 110, "exact"),
        ("trade", A, "growth", 200, "exact"), ("gdp", T, "growth", 6, "exact"),
        ("industrial_value_added", T, "growth", 8, "exact"), ("budget_revenue", T, "growth", 8, "exact")}


def test_the_names_before_a_task_are_its_indicators():
    targets = "今年的主要预期目标是：地区生产总值增长6%，单位地区生产总值能耗和二氧化碳排放完成省下达的降低任务。"
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "exact"), ("energy_intensity", T, "task", None, None),
        ("carbon_intensity", T, "task", None, None)}
    # with nothing before 完成, the words of the task are its name
    targets = "今年的主要预期目标是：地区生产总值增长6%，完成省下达的节能减排任务。"
    assert _read(SUMMARY, targets) == BASE | {("gdp", T, "growth", 6, "exact"), ("energy_saving", T, "task", None, None)}


def test_older_and_resident_names_of_revenue_and_income():
    summary = SUMMARY + "地方公共财政预算收入95.6亿元，增长10.5%。"
    targets = ("今年的主要预期目标是：地区生产总值增长6%，地方公共财政预算收入增长8%，"
               "城乡常住居民人均可支配收入增长与经济增长同步。")
    assert _read(summary, targets) == BASE | {
        ("local_budget_revenue", A, "value", (95.6, "亿元"), "exact"),
        ("local_budget_revenue", A, "growth", 10.5, "exact"), ("gdp", T, "growth", 6, "exact"),
        ("local_budget_revenue", T, "growth", 8, "exact"), ("disposable_income", T, "task", None, None)}


@pytest.mark.parametrize("names", ["城乡居民人均可支配收入", "城镇、农村居民人均可支配收入"])
def test_two_levels_after_two_names_are_each_ones(names):
    summary = SUMMARY + f"{names}6.52万元、3.58万元，分别增长4.7%、6.1%。"
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("urban_disposable_income", A, "value", (6.52, "万元"), "exact"),
        ("urban_disposable_income", A, "growth", 4.7, "exact"),
        ("rural_disposable_income", A, "value", (3.58, "万元"), "exact"),
        ("rural_disposable_income", A, "growth", 6.1, "exact"), ("gdp", T, "growth", 6, "exact")}


def test_the_annual_mean_of_a_concentration_is_a_name():
    summary = SUMMARY + "细颗粒物（PM2.5）年均浓度34微克/立方米，社会消费品零售总额增长5%，进出口总额年均增长9%。"
    targets = ("今年的主要预期目标是：地区生产总值增长6%，细颗粒物（PM2.5）年均浓度控制在33微克/立方米以内，"
               "PM10年均浓度下降3%。")
    assert _read(summary, targets) == BASE | {
        ("细颗粒物年均浓度", A, "value", (34, "微克/立方米"), "exact"), ("retail_sales", A, "growth", 5, "exact"),
        ("gdp", T, "growth", 6, "exact"),
        ("细颗粒物年均浓度", T, "value", (33, "微克/立方米"), "at_most"), ("PM10年均浓度", T, "growth", -3, "exact")}
    assert ("PM2.5年均浓度", T, "growth", -3, "exact") in _read(SUMMARY, "今年的主要预期目标是：地区生产总值增长6%，"
                                                              "PM2.5年均浓度下降3%。")


@pytest.mark.parametrize("review", ["固定资产投资增长5%（年度预期目标10%左右）",
                                    "固定资产投资增长5%（年度预期目标：增长10%左右）",
                                    "固定资产投资增长5%，低于年度预期目标5个百分点",
                                    "固定资产投资增长5%，年度预期目标为10%左右"])
def test_a_review_quoting_the_years_own_target_does_not_open_the_targets(review):
    text = (PLAN + f"（一）经济运行稳中有进。全年地区生产总值增长6%，规上工业增加值增长7%；{review}；"
            "社会消费品零售总额520亿元、增长6.5%。\n\n二、2025年主要预期目标\n\n"
            "建议2025年全市经济社会发展主要预期目标为：\n\n——地区生产总值增长6%左右；\n\n"
            "——固定资产投资增长7%。\n")
    assert _extract(text) == BASE | {
        ("fixed_asset_investment", A, "growth", 5, "exact"), ("retail_sales", A, "value", (520, "亿元"), "exact"),
        ("retail_sales", A, "growth", 6.5, "exact"),
        ("gdp", T, "growth", 6, "about"), ("fixed_asset_investment", T, "growth", 7, "exact")}


@pytest.mark.parametrize("lead", ["全市经济社会发展的目标任务是", "全市经济社会发展的发展目标是",
                                  "今年经济社会发展的总体要求和主要目标是", "全市发展目标任务建议为"])
def test_lead_ins_without_expected(lead):
    targets = (f"围绕发展目标，全年实施项目200个，完成投资520亿元。{lead}：地区生产总值增长7%以上；"
               "城镇新增就业3.5万人以上；城镇登记失业率控制在4%以内。")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 7, "at_least"), ("new_urban_jobs", T, "value", (3.5, "万人"), "at_least"),
        ("registered_unemployment_rate", T, "value", (4, "%"), "at_most")}


def test_a_targets_heading_followed_by_five_year_goals_before_the_list():
    text = (PLAN + SUMMARY + "\n\n二、2025年国民经济和社会发展主要预期目标\n\n"
            "2025年是承上启下之年。今后五年，全市将加快建设现代化强市，到2030年，地区生产总值突破2200亿元，"
            "研发投入强度达到4.5%。\n\n综合考虑发展基础，2025年全市经济社会发展主要预期目标建议为：\n\n"
            "（1）地区生产总值增长5.5%左右；\n\n（2）社会消费品零售总额增长5%；\n\n（3）城镇新增就业1.8万人以上。\n")
    assert _extract(text) == BASE | {
        ("gdp", T, "growth", 5.5, "about"), ("retail_sales", T, "growth", 5, "exact"),
        ("new_urban_jobs", T, "value", (1.8, "万人"), "at_least")}


def test_a_sections_figure_about_a_number_is_kept_and_a_ceiling_is_not():
    text = (PLAN + SUMMARY + "\n\n（一）民生福祉持续增进。城镇新增就业约5.6万人，城镇调查失业率控制在5.5%以内。\n\n"
            "二、2025年主要预期目标\n\n建议2025年全市经济社会发展主要预期目标如下：地区生产总值增长6%，"
            "城镇新增就业5万人以上，城镇调查失业率5.5%左右。\n")
    assert _extract(text) == BASE | {
        ("new_urban_jobs", A, "value", (5.6, "万人"), "about"), ("gdp", T, "growth", 6, "exact"),
        ("new_urban_jobs", T, "value", (5, "万人"), "at_least"),
        ("surveyed_unemployment_rate", T, "value", (5.5, "%"), "about")}


@pytest.mark.parametrize("mark", [".", "、", "．"])
def test_targets_numbered_before_a_number(mark):
    targets = (f"今年的主要预期目标是：\n1{mark}地区生产总值增长6%左右；\n2{mark}500万元以上项目固定资产投资增长5%；\n"
               f"3{mark}5000万元以上产业项目投资增长10%以上；\n4{mark}社会消费品零售总额增长6%。")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "about"), ("fixed_asset_investment", T, "growth", 5, "exact"),
        ("5000万元以上产业项目投资", T, "growth", 10, "at_least"), ("retail_sales", T, "growth", 6, "exact")}


def test_a_stem_shared_after_names_of_different_lengths():
    targets = "今年的主要预期目标是：地区生产总值增长6%，城镇、农村牧区常住居民人均可支配收入分别增长7.5%和8%。"
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "exact"), ("urban_disposable_income", T, "growth", 7.5, "exact"),
        ("rural_disposable_income", T, "growth", 8, "exact")}


def test_trade_of_local_firms_is_trade():
    summary = SUMMARY + "自营进出口总额152.6亿元，增长3.1%。"
    targets = "今年的主要预期目标是：地区生产总值增长6%，自营进出口总额保持稳定增长。"
    assert _read(summary, targets) == BASE | {
        ("trade", A, "value", (152.6, "亿元"), "exact"), ("trade", A, "growth", 3.1, "exact"),
        ("gdp", T, "growth", 6, "exact"), ("trade", T, "task", None, None)}


def test_urban_and_rural_incomes_that_each_grow_by_one_figure():
    targets = "今年的主要预期目标是：地区生产总值增长6%，城乡常住居民人均可支配收入均增长7%左右。"
    assert _read(SUMMARY + "城乡居民人均可支配收入均增长6.5%。", targets) == BASE | {
        ("urban_disposable_income", A, "growth", 6.5, "exact"), ("rural_disposable_income", A, "growth", 6.5, "exact"),
        ("gdp", T, "growth", 6, "exact"), ("urban_disposable_income", T, "growth", 7, "about"),
        ("rural_disposable_income", T, "growth", 7, "about")}


def test_a_plan_reports_section_gives_the_level_its_summary_lacks():
    text = (PLAN + "全年地区生产总值增长6%，规上工业增加值增长7%，城镇和农村居民人均可支配收入分别增长4.5%、6.8%。\n\n"
            "（一）民生福祉持续增进。城镇和农村居民人均可支配收入分别达到45800元、19850元，分别增长4.6%、6.9%；"
            "地区生产总值1200亿元。\n\n二、2025年主要预期目标\n\n建议2025年全市经济社会发展主要预期目标如下："
            "地区生产总值增长6%，城乡居民人均可支配收入分别增长5%、6.5%。\n")
    assert _extract(text) == BASE | {
        ("urban_disposable_income", A, "growth", 4.5, "exact"), ("rural_disposable_income", A, "growth", 6.8, "exact"),
        ("urban_disposable_income", A, "value", (45800, "元"), "exact"),
        ("rural_disposable_income", A, "value", (19850, "元"), "exact"),
        ("gdp", A, "value", (1200, "亿元"), "exact"),
        ("gdp", T, "growth", 6, "exact"), ("urban_disposable_income", T, "growth", 5, "exact"),
        ("rural_disposable_income", T, "growth", 6.5, "exact")}


def test_a_districts_own_revenue_and_job_posts():
    summary = SUMMARY + "区级一般公共预算收入1063.2亿元，同口径增长3.5%；新增就业岗位11.2万个。"
    targets = "今年的主要预期目标是：地区生产总值增长6%，区级一般公共预算收入增长与经济增长基本同步，新增就业岗位11万个以上。"
    assert _read(summary, targets) == BASE | {
        ("public_budget_revenue", A, "value", (1063.2, "亿元"), "exact"),
        ("public_budget_revenue", A, "growth", 3.5, "exact"), ("新增就业岗位", A, "value", (11.2, "万个"), "exact"),
        ("gdp", T, "growth", 6, "exact"), ("public_budget_revenue", T, "task", None, None),
        ("新增就业岗位", T, "value", (11, "万个"), "at_least")}


def test_a_target_of_the_year_stated_with_its_number_after_the_lead_in():
    # the year's own, not one quoted in a review: the lead-in opens the targets
    targets = "今年经济增长的预期目标为6%左右，城镇新增就业3万人以上，居民消费价格涨幅3%左右。"
    assert {("new_urban_jobs", T, "value", (3, "万人"), "at_least"),
            ("cpi", T, "growth", 3, "about")} <= _read(SUMMARY, targets)


def test_the_figures_of_a_larger_region_are_not_the_reports():
    """全省… in a city's report (whose word for itself is 全市), and what follows 从全国看."""
    summary = ("全年全市地区生产总值增长6%，规上工业增加值增长7%，增速高于全省1.2个百分点；从横向比较看，"
               "全省固定资产投资增长4.8%，全市一般公共预算收入增长3%。从全国看，社会消费品零售总额增长5.5%，"
               "全市主要指标好于预期。")
    assert _read(summary, "今年全市的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("public_budget_revenue", A, "growth", 3, "exact"), ("gdp", T, "growth", 6, "exact")}


def test_targets_grouped_by_topic_a_paragraph_each():
    targets = ("今年全市经济社会发展的主要预期目标是：\n\n经济发展方面，地区生产总值增长7%左右，"
               "规上工业增加值增长7.5%。\n\n创新驱动方面，研发经费投入强度达到3%。\n\n"
               "民生改善方面，城镇登记失业率控制在2.5%以内。\n\n上述目标，综合考虑了各方面因素。"
               "\n\n三、重点工作\n\n新增就业岗位3万个。")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 7, "about"), ("industrial_value_added", T, "growth", 7.5, "exact"),
        ("rd_intensity", T, "value", (3, "%"), "exact"),
        ("registered_unemployment_rate", T, "value", (2.5, "%"), "at_most")}


def test_a_part_and_its_whole_share_a_list_of_growths():
    summary = SUMMARY + "进出口总额1256.3亿元，其中出口968.4亿元，分别增长10.1%和8.7%。"
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("trade", A, "value", (1256.3, "亿元"), "exact"), ("trade", A, "growth", 10.1, "exact"),
        ("exports", A, "value", (968.4, "亿元"), "exact"), ("exports", A, "growth", 8.7, "exact"),
        ("gdp", T, "growth", 6, "exact")}


def test_two_revenues_keeping_pace_with_the_economy_are_a_task_each():
    targets = "今年的主要预期目标是：地区生产总值增长6%，财政总收入和一般公共预算收入与经济增长基本同步。"
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "exact"), ("budget_revenue", T, "task", None, None),
        ("public_budget_revenue", T, "task", None, None)}


def test_a_five_year_review_names_the_years_own_figure_and_the_years_work_is_not_its_summary():
    review = ("过去的2024年，全年地区生产总值增长6%，规上工业增加值增长7%。\n\n"
              "这一年，我们着力稳增长。工业投资增长11.2%；新增规上工业企业318家，新增小微企业园16个。\n\n"
              "五年来，我们坚持民生优先。五年城镇新增就业75.2万人，2024年城镇新增就业14.8万人。")
    text = (HEAD.replace("一、2024年工作回顾", "一、过去五年工作回顾") + review
            + "\n\n二、2025年工作安排\n\n今年的主要预期目标是：地区生产总值增长6%。\n")
    assert _extract(text) == BASE | {
        ("industrial_investment", A, "growth", 11.2, "exact"),
        ("new_urban_jobs", A, "value", (14.8, "万人"), "exact"), ("gdp", T, "growth", 6, "exact")}


def test_an_unknown_name_gets_a_readable_id_without_all():
    result = extract(HEAD + SUMMARY + "\n\n二、2025年工作安排\n\n今年的主要预期目标是：地区生产总值增长6%，"
                     "新建蜂巢驿站20个。\n", Store(), region="somewhere", actual_year=2024, target_year=2025)
    new = [r["indicator"] for r in result.records if r["name"] == "新建蜂巢驿站"]
    assert len(new) == 1 and re.fullmatch(r"[a-z][a-z_]*fengchao[a-z_]*", new[0]), new


def test_a_growth_net_of_a_refund_and_a_review_quoting_the_years_targets():
    summary = (SUMMARY + "一般公共预算收入700.2亿元，扣除留抵退税因素后同口径增长5.8%。"
               "年初确定的固定资产投资增长7%左右、社会消费品零售总额增长8%的预期目标均超额完成。")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("public_budget_revenue", A, "value", (700.2, "亿元"), "exact"),
        ("public_budget_revenue", A, "growth", 5.8, "exact"), ("gdp", T, "growth", 6, "exact")}


def test_an_area_of_several_regions_a_rate_per_mille_and_tasks_naming_classes():
    summary = SUMMARY + "大南昌都市圈经济总量突破1.6万亿元。"
    targets = ("今年的主要预期目标是：地区生产总值增长6%，人口自然增长率控制在8‰以内，"
               "PM2.5平均浓度和重度及以上污染天数完成省下达任务，国省考断面水质优Ⅲ比例完成上级下达任务。")
    assert _read(summary, targets) == BASE | {
        ("gdp", T, "growth", 6, "exact"), ("人口自然增长率", T, "value", (8, "‰"), "at_most"),
        ("PM2.5平均浓度", T, "task", None, None), ("重度及以上污染天数", T, "task", None, None),
        ("国省考断面水质优Ⅲ比例", T, "task", None, None)}


@pytest.mark.parametrize("name, rid", [("内蒙古自治区", "inner_mongolia"), ("广西壮族自治区", "guangxi"),
                                       ("宁夏回族自治区", "ningxia"), ("福建省", "fujian")])
def test_a_provinces_full_name_has_its_id(name, rid):
    from csplan.extract.header import region_id

    assert region_id(name) == rid


def test_five_year_goals_before_the_years_targets_and_a_plans_end():
    targets = ("今后五年，全市经济社会发展的主要目标是：地区生产总值年均增长6%左右，研发经费投入强度达到3.5%。"
               "\n\n今年全市经济社会发展的主要预期目标是：地区生产总值增长7%左右，一般公共预算收入增长6%；"
               "“十四五”末，全市地区生产总值力争达到3600亿元。")
    text = HEAD + SUMMARY + "\n\n二、2025年工作安排\n\n" + targets + "\n"
    result = extract(text, Store(), region="somewhere")  # the years from the text, as the command reads them
    assert (result.actual_year, result.target_year) == (2024, 2025)
    assert {fact_tuple(f) for r in result.records for f in _facts(r)} == BASE | {
        ("gdp", T, "growth", 7, "about"), ("public_budget_revenue", T, "growth", 6, "exact")}


def test_levels_in_clauses_of_their_own_then_their_growths_and_a_level_after_its_growth():
    summary = ("全年地区生产总值增长7.3%、总量达3806.08亿元；规上工业增加值增长7%；城镇居民人均可支配收入50146元，"
               "农村居民人均可支配收入17185元，分别增长7.8%和7.5%。")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE - {("gdp", A, "growth", 6, "exact")} | {
        ("gdp", A, "growth", 7.3, "exact"), ("gdp", A, "value", (3806.08, "亿元"), "exact"),
        ("urban_disposable_income", A, "value", (50146, "元"), "exact"),
        ("urban_disposable_income", A, "growth", 7.8, "exact"),
        ("rural_disposable_income", A, "value", (17185, "元"), "exact"),
        ("rural_disposable_income", A, "growth", 7.5, "exact"), ("gdp", T, "growth", 6, "exact")}


def test_a_target_after_the_table_and_tasks_of_indicators_with_words_of_work():
    targets = ("2025年主要预期目标建议如下：\n\n| 指标 | 单位 | 2025年目标 |\n|---|---|---|\n"
               "| 地区生产总值增长 | % | 6左右 |\n\n同时，完成省下达的节能减排和大气污染防治目标任务，"
               "单位生产总值能耗和二氧化碳排放量完成国家下达的目标。\n\n三、重点任务\n\n新建项目30个。")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "about"), ("energy_saving", T, "task", None, None),
        ("energy_intensity", T, "task", None, None), ("carbon_intensity", T, "task", None, None)}


def test_binding_indicators_and_incomes_kept_ahead_of_the_nation_are_tasks():
    targets = ("今年主要预期目标是：地区生产总值增长6%左右，城镇居民人均可支配收入增速高于全国平均水平，"
               "农村居民人均可支配收入增速高于全国平均水平、高于城镇居民收入增速，"
               "碳排放强度、生态环境保护约束性指标完成国家下达控制目标，各项约束性指标不折不扣完成省下达任务。")
    facts = _read(SUMMARY, targets)
    assert facts == BASE | {
        ("gdp", T, "growth", 6, "about"), ("urban_disposable_income", T, "task", None, None),
        ("rural_disposable_income", T, "task", None, None), ("carbon_intensity", T, "task", None, None),
        ("生态环境保护约束性指标", T, "task", None, None),
        ("binding_indicators", T, "task", None, None)}
    # the ones a list names (…等约束性指标), and a review's deed, are no task of their own
    assert _read(SUMMARY + "各项约束性指标全面完成。", "今年主要预期目标是：地区生产总值增长6%左右，"
                 "单位地区生产总值能耗降低等约束性指标全面完成省下达任务，主要约束性指标达到上级要求。") == BASE | {
        ("gdp", T, "growth", 6, "about"), ("energy_intensity", T, "task", None, None),
        ("binding_indicators", T, "task", None, None)}


def test_rising_and_matched_targets_a_bare_harvest_and_the_share_of_good_air_days():
    summary = (SUMMARY + "\n\n（三）乡村振兴。粮食面积、总产、单产实现“两增一稳”，总产762亿斤。"
               "PM2.5浓度32.3微克/立方米，空气质量优良天数比率82.5%。")
    targets = "今年主要预期目标是：地区生产总值增长6%左右，全社会研发经费投入强度持续提升；居民人均可支配收入与经济增长相匹配。"
    assert _read(summary, targets) == BASE | {
        ("grain_output", A, "value", (762, "亿斤"), "exact"),
        ("air_quality_good_rate", A, "value", (82.5, "%"), "exact"),
        ("gdp", T, "growth", 6, "about"), ("rd_intensity", T, "task", None, None),
        ("disposable_income", T, "task", None, None)}


def test_a_table_of_targets_copied_from_a_pdf_its_cells_a_space_apart():
    text = (PLAN + "全年地区生产总值增长6%，规上工业增加值增长7%。\n\n二、2025年主要目标\n\n"
            "建议2025年主要预期目标为：地区生产总值增长5.5%左右，在实际工作中努力争取更好结果。其他主要指标安排如下：\n"
            "表1 2025年主要预期目标\n指标名称 单位 2024年预计 2025年目标\n地区生产总值增长 % 6 5.5左右\n"
            "固定资产投资增长 % 6.8 6\n城镇新增就业 万人 11.5 10\n城镇调查失业率 % 4.4 5以内\n"
            "— 2 —\n节能减排 — 完成 完成省下达任务\n上述目标与“十四五”规划相衔接，地区生产总值年均增长6.5%左右。\n")
    assert _extract(text) == BASE | {
        ("fixed_asset_investment", A, "growth", 6.8, "exact"), ("new_urban_jobs", A, "value", (11.5, "万人"), "exact"),
        ("surveyed_unemployment_rate", A, "value", (4.4, "%"), "exact"),  # the 2024年预计 column
        ("gdp", T, "growth", 5.5, "about"), ("fixed_asset_investment", T, "growth", 6, "exact"),
        ("new_urban_jobs", T, "value", (10, "万人"), "exact"), ("surveyed_unemployment_rate", T, "value", (5, "%"), "at_most"),
        ("energy_saving", T, "task", None, None)}


def test_a_level_passed_before_the_level_a_districts_own_scope_and_two_tasks_in_one_clause():
    head = HEAD.replace("某某市第十届", "某某市某某区第七届").replace("市人民政府", "区人民政府")
    summary = ("——经济运行稳定恢复。地区生产总值迈上5000亿元新台阶、达到5002.1亿元，增长2.9%。全区规上工业增加值增长7%。"
               "全市地区生产总值增长3.1%，货物出口4548.8亿元，增长3.7%。")
    targets = ("今年的主要预期目标是：地区生产总值增长6%左右，研究与试验发展经费支出相当于地区生产总值的比重达到3.1%，"
               "城镇居民人均可支配收入增长与经济增长同步、农村居民人均可支配收入增长快于城镇居民，固定资产投资止跌回稳，"
               "完成国家下达的能耗强度降低目标任务。")
    result = extract(head + summary + "\n\n二、2025年工作安排\n\n" + targets + "\n", Store(), region="somewhere",
                     actual_year=2024, target_year=2025)
    assert {fact_tuple(f) for r in result.records for f in _facts(r)} == {
        ("gdp", A, "value", (5002.1, "亿元"), "exact"), ("gdp", A, "growth", 2.9, "exact"),
        ("industrial_value_added", A, "growth", 7, "exact"),
        ("exports", A, "value", (4548.8, "亿元"), "exact"), ("exports", A, "growth", 3.7, "exact"),
        ("gdp", T, "growth", 6, "about"), ("rd_intensity", T, "value", (3.1, "%"), "exact"),
        ("urban_disposable_income", T, "task", None, None), ("rural_disposable_income", T, "task", None, None),
        ("fixed_asset_investment", T, "task", None, None), ("energy_intensity", T, "task", None, None)}


def test_targets_going_on_in_a_paragraph_of_their_own_and_a_growth_before_its_total():
    summary = (SUMMARY + "外贸进出口逆势增长10.7%，总额达到2704.3亿元；自营出口356.8亿元，增长10.5%；"
               "一般公共预算收入由负转正、增长3.2%。\n\n"
               "（七）生态环境明显改善。完成市下达的节能减排任务，森林覆盖率达到24.3%。")
    targets = ("今年全市经济社会发展的主要预期目标是：地区生产总值增长10%以上，地方一般公共预算收入增长15%左右。\n\n"
               "从分项指标看，固定资产投资增长12%，外贸进出口保持稳定增长。城镇调查失业率控制在5.5%以内。\n\n"
               "提出地区生产总值增长10%以上的目标，主要考虑是：两年平均增长2.4%左右。")
    assert _read(summary, targets) == BASE | {
        ("trade", A, "growth", 10.7, "exact"), ("trade", A, "value", (2704.3, "亿元"), "exact"),
        ("exports", A, "value", (356.8, "亿元"), "exact"), ("exports", A, "growth", 10.5, "exact"),
        ("forest_coverage", A, "value", (24.3, "%"), "exact"), ("public_budget_revenue", A, "growth", 3.2, "exact"),
        ("gdp", T, "growth", 10, "at_least"), ("local_budget_revenue", T, "growth", 15, "about"),
        ("fixed_asset_investment", T, "growth", 12, "exact"), ("trade", T, "task", None, None),
        ("surveyed_unemployment_rate", T, "value", (5.5, "%"), "at_most")}


def test_an_older_reports_names_and_a_figure_of_a_part_left_out():
    summary = ("全年地区生产总值增长6%，规上工业增加值增长7%；地方财政总收入完成24.9亿元，同比增长0.4%；"
               "区本级固定资产投资完成121.1亿元，同比增长33.5%；农民人均纯收入达到21618元，同比增长13.6%；"
               "扣除房地产开发投资后，工业投资增长2.7%。")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%，农民人均纯收入增长11%。") == BASE | {
        ("budget_revenue", A, "value", (24.9, "亿元"), "exact"), ("budget_revenue", A, "growth", 0.4, "exact"),
        ("fixed_asset_investment", A, "value", (121.1, "亿元"), "exact"),
        ("fixed_asset_investment", A, "growth", 33.5, "exact"),
        ("rural_disposable_income", A, "value", (21618, "元"), "exact"),
        ("rural_disposable_income", A, "growth", 13.6, "exact"),
        ("gdp", T, "growth", 6, "exact"), ("rural_disposable_income", T, "growth", 11, "exact")}


def test_a_ceiling_set_from_above_as_a_plan_and_a_natural_growth_rate_keeps_its_name():
    targets = "今年主要预期目标是：地区生产总值增长6%，人口自然增长率控制在市下达的计划以内。"
    assert _read(SUMMARY, targets) == BASE | {("gdp", T, "growth", 6, "exact"), ("人口自然增长率", T, "task", None, None)}


@pytest.mark.parametrize("name, rid", [("上海市闵行区", "minhang"), ("六安市", "luan"), ("行唐县", "xingtang"),
                                       ("珲春市", "hunchun"), ("盱眙县", "xuyi"), ("黄陂区", "huangpi")])
def test_a_place_whose_characters_read_otherwise_there(name, rid):
    from csplan.extract.header import region_id

    assert region_id(name) == rid


def test_a_table_of_last_years_results_and_this_years_targets_and_a_pdf_tables_wrapped_name():
    text = (PLAN + SUMMARY + "外贸进出口增长5%、固定资产投资增长8%两项指标未达到预期。\n\n"
            "2024年主要指标完成情况及2025年主要预期目标见下表：\n\n"
            "| 指标 | 单位 | 2024年计划 | 2024年预计完成 | 2025年预期目标 |\n| --- | --- | --- | --- | --- |\n"
            "| 地区生产总值增长 | % | 7左右 | 6 | 8左右 |\n| 粮食总产量 | 万吨 | 128 | 130.2 | 128以上 |\n")
    assert _extract(text) == BASE | {("grain_output", A, "value", (130.2, "万吨"), "exact"),
                                     ("gdp", T, "growth", 8, "about"), ("grain_output", T, "value", (128, "万吨"), "at_least")}
    text = (PLAN + SUMMARY + "\n\n二、2025年主要预期目标\n\n建议2025年全市经济社会发展的主要预期目标如下（见表1）。\n"
            "表1 2025年主要指标\n指标 单位 2024年预计完成 2025年计划\n地区生产总值增长 % 6.3 6左右\n"
            "外贸出口 % 2.1 份额稳中有升\n研究与试验发展经费支出占 % 3.35 3.45\n地区生产总值比重\n"
            "单位地区生产总值能耗降低 % 完成省下达目标 完成省下达目标\n上述指标中，地区生产总值增长6%左右。\n")
    assert _extract(text) == BASE | {
        ("rd_intensity", A, "value", (3.35, "%"), "exact"),  # the 2024年预计完成 column, its name wrapped
        ("gdp", T, "growth", 6, "about"), ("exports", T, "task", None, None),
        ("rd_intensity", T, "value", (3.45, "%"), "exact"), ("energy_intensity", T, "task", None, None)}


def test_targets_in_the_paragraphs_after_a_lead_in_and_their_explanation_left_out():
    targets = ("建议2025年全市经济社会发展的主要预期目标为：\n全市地区生产总值增长9%左右。在去年8.7%的基础上保持适度增长。"
               "其中，第一产业增长5.5%，第二产业增长9%。\n规模以上工业增加值增长8%。全社会固定资产投资增长18%。\n"
               "进出口总额保持稳定、份额稳中有升。\n提出地区生产总值增长9%左右的目标，主要考虑是：基数较低，增长4%左右。\n")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 9, "about"), ("primary_industry_value_added", T, "growth", 5.5, "exact"),
        ("secondary_industry_value_added", T, "growth", 9, "exact"), ("industrial_value_added", T, "growth", 8, "exact"),
        ("fixed_asset_investment", T, "growth", 18, "exact"), ("trade", T, "task", None, None)}


def test_growths_then_levels_in_one_list_a_remark_between_a_growth_and_its_total():
    summary = ("地区生产总值增长6%，增速高于全省0.3个百分点、居全省第2位，总量达到3862.1亿元；规上工业增加值增长7%；"
               "全口径财政收入152.8亿元，与上年基本持平；城乡居民人均可支配收入分别增长7%和8.1%、达到27265元和12178元。")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("gdp", A, "value", (3862.1, "亿元"), "exact"),
        ("budget_revenue", A, "value", (152.8, "亿元"), "exact"), ("budget_revenue", A, "growth", 0, "about"),
        ("urban_disposable_income", A, "growth", 7, "exact"), ("rural_disposable_income", A, "growth", 8.1, "exact"),
        ("urban_disposable_income", A, "value", (27265, "元"), "exact"),
        ("rural_disposable_income", A, "value", (12178, "元"), "exact"), ("gdp", T, "growth", 6, "exact")}


def test_targets_after_a_lead_in_sentence_a_gap_to_last_years_target_a_zones_figure_and_a_projects_size():
    summary = (SUMMARY + "经济增速与预期目标还有差距，财政收支平衡压力较大。\n\n（三）扩大开放。衡阳综合保税区发展提速，"
               "全年完成进出口总额85.6亿元，增长56.2%；新签约外资超3000万美元项目28个；全年外贸进出口总额达到308.4亿元，增长20.6%。"
               "\n\n（四）园区经济加快发展。全年园区完成固定资产投资486.5亿元，实现社会消费品零售总额185.3亿元，"
               "分别增长13.2%和6.8%。")
    targets = ("今年全区经济社会发展主要预期目标安排如下。经济发展方面，地区生产总值增长5%左右，规模以上工业增加值增长6%。"
               "民生方面，城镇调查失业率控制在5.5%以内。")
    assert _read(summary, targets) == BASE | {
        ("trade", A, "value", (308.4, "亿元"), "exact"), ("trade", A, "growth", 20.6, "exact"),
        ("gdp", T, "growth", 5, "about"), ("industrial_value_added", T, "growth", 6, "exact"),
        ("surveyed_unemployment_rate", T, "value", (5.5, "%"), "at_most")}


def test_targets_as_labelled_lines_quoted_as_printed():
    targets = ("建议2025年全市经济社会发展主要预期目标如下：\n地区生产总值增长：6%左右\n固定资产投资增长：5%\n"
               "一般公共预算收入增长：与经济增长基本同步\n城镇调查失业率：5%以内\n\n上述目标统筹考虑了各方面因素。")
    result = extract(HEAD + SUMMARY + "\n\n二、2025年工作安排\n\n" + targets + "\n", Store(), region="somewhere",
                     actual_year=2024, target_year=2025)
    assert {fact_tuple(f) for r in result.records for f in _facts(r)} == BASE | {
        ("gdp", T, "growth", 6, "about"), ("fixed_asset_investment", T, "growth", 5, "exact"),
        ("public_budget_revenue", T, "task", None, None), ("surveyed_unemployment_rate", T, "value", (5, "%"), "at_most")}
    assert "地区生产总值增长：6%左右" in {r["quote"] for r in result.records}


def test_targets_after_a_lead_in_with_their_explanations_and_a_task_said_besides():
    summary = SUMMARY + "一般公共预算收入完成178.3亿元，按自然口径增长2.6%；实际到账注册外资25.6亿美元。"
    targets = ("今年全市经济社会发展的主要预期目标安排如下：\n地区生产总值增长8%左右。这一目标与省定目标相衔接。\n\n"
               "规模以上工业增加值增长8%，固定资产投资增长10%以上。保持适度的投资增长，是稳定经济运行的重要支撑。\n\n"
               "同时，要完成省下达的节能减排和环境质量改善目标任务。\n\n实现上述目标，要重点抓好以下工作：")
    assert _read(summary, targets) == BASE | {
        ("public_budget_revenue", A, "value", (178.3, "亿元"), "exact"), ("public_budget_revenue", A, "growth", 2.6, "exact"),
        ("fdi", A, "value", (25.6, "亿美元"), "exact"),
        ("gdp", T, "growth", 8, "about"), ("industrial_value_added", T, "growth", 8, "exact"),
        ("fixed_asset_investment", T, "growth", 10, "at_least"), ("energy_saving", T, "task", None, None)}


def test_a_five_year_plans_goals_named_in_the_clause_before_their_lead_in():
    targets = ("“十五五”时期，全区经济社会发展的主要目标建议为：地区生产总值年均增长5.5%左右，到2030年突破650亿元；"
               "研究与试验发展经费投入强度达到2.8%。\n\n综合考虑各方面因素，2025年全区经济社会发展的主要预期目标建议如下：\n"
               "地区生产总值增长：5.5%左右\n固定资产投资增长：7%\n城镇新增就业：0.8万人\n")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 5.5, "about"), ("fixed_asset_investment", T, "growth", 7, "exact"),
        ("new_urban_jobs", T, "value", (0.8, "万人"), "exact")}


def test_names_sharing_the_measure_of_the_last():
    summary = SUMMARY.rstrip("。") + "，原盐、纯碱、碳酸锂产量分别达到3620万吨、385万吨、6.2万吨。"
    names = {r["name"] for r in extract(HEAD + summary + "\n\n二、2025年工作安排\n\n今年的主要预期目标是：地区生产总值增长6%。\n",
                                        Store(), region="somewhere", actual_year=2024, target_year=2025).records}
    assert {"原盐产量", "纯碱产量", "碳酸锂产量"} <= names


def test_a_summary_of_levels_with_growths_in_the_sections_and_binding_targets_said_besides():
    summary = ("全年地区生产总值2800亿元，规上工业增加值增长7%，社会消费品零售总额1200亿元。\n\n"
               "（一）经济运行。全年地区生产总值增长3.6%，高于全省0.1个百分点；社会消费品零售总额增长0.6%。")
    targets = ("今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，外贸进出口保持稳中提质。\n\n"
               "同时，确保完成约束性指标：单位地区生产总值能耗下降2.6%。\n\n围绕上述目标，重点抓好以下工作：")
    assert _read(summary, targets) == {
        ("gdp", A, "value", (2800, "亿元"), "exact"), ("gdp", A, "growth", 3.6, "exact"),
        ("industrial_value_added", A, "growth", 7, "exact"),
        ("retail_sales", A, "value", (1200, "亿元"), "exact"), ("retail_sales", A, "growth", 0.6, "exact"),
        ("gdp", T, "growth", 6, "about"), ("trade", T, "task", None, None), ("energy_intensity", T, "growth", -2.6, "exact")}


def test_the_dual_control_of_energy_is_the_energy_task():
    targets = "今年的主要预期目标是：地区生产总值增长6%，完成嘉兴市下达的节能减排和能源“双控”目标任务。"
    assert _read(SUMMARY, targets) == BASE | {("gdp", T, "growth", 6, "exact"), ("energy_saving", T, "task", None, None)}


def test_a_summary_growth_whose_level_a_section_gives():
    summary = (SUMMARY.rstrip("。") + "，社会消费品零售总额增长6.3%。\n\n（二）扩大消费。社会消费品零售总额达到765.3亿元。")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("retail_sales", A, "growth", 6.3, "exact"), ("retail_sales", A, "value", (765.3, "亿元"), "exact"),
        ("gdp", T, "growth", 6, "exact")}


def test_the_part_of_a_sections_total_after_its_total_but_not_a_bare_short_name_alone():
    summary = (SUMMARY + "\n\n（五）扩大开放。进出口总额28.6亿元、增长12.1%，其中出口21.3亿元、增长15.6%。"
               "\n\n（六）培育产业。龙头企业出口93万辆，增长20%。")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("trade", A, "value", (28.6, "亿元"), "exact"), ("trade", A, "growth", 12.1, "exact"),
        ("exports", A, "value", (21.3, "亿元"), "exact"), ("exports", A, "growth", 15.6, "exact"),
        ("gdp", T, "growth", 6, "exact")}


def test_a_pdf_tables_wrapped_header_wrapped_cells_and_a_blank_unit_after_a_sentence_of_targets():
    text = (PLAN + SUMMARY + "\n\n二、2025年主要预期目标\n\n建议2025年全市经济社会发展主要预期目标为：地区生产总值增长6%"
            "左右，其他主要指标见下表。\n\n表1 2025年主要指标\n序号 指标名称 单位 2024年 2025年\n预计完成 预期目标\n"
            "1 地区生产总值增速 % 5.9 6左右\n2 城镇常住居民人均可支配收入增速 % 5.1 与经济增长\n同步\n"
            "3 粮食产量 亿斤 144.6 140以上\n4 单位地区生产总值能耗 完成自治区 完成自治区\n降低 下达任务 下达任务\n"
            "5 城镇调查失业率 % 5.0 5.5以内\n注：“十四五”规划确定的2025年地区生产总值目标为2500亿元。\n")
    assert _extract(text) == BASE | {
        ("urban_disposable_income", A, "growth", 5.1, "exact"), ("grain_output", A, "value", (144.6, "亿斤"), "exact"),
        ("surveyed_unemployment_rate", A, "value", (5.0, "%"), "exact"),  # the 2024年预计完成 column
        ("gdp", T, "growth", 6, "about"), ("urban_disposable_income", T, "task", None, None),
        ("grain_output", T, "value", (140, "亿斤"), "at_least"), ("energy_intensity", T, "task", None, None),
        ("surveyed_unemployment_rate", T, "value", (5.5, "%"), "at_most")}


@pytest.mark.parametrize("name, rid", [("大口径财政收入", "budget_revenue"), ("一般公共预算全口径收入", "budget_revenue"),
                                       ("地方级收入", "local_budget_revenue")])
def test_older_names_of_the_revenues(name, rid):
    summary = SUMMARY + f"{name}完成42.3亿元，增长5.6%。"
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        (rid, A, "value", (42.3, "亿元"), "exact"), (rid, A, "growth", 5.6, "exact"), ("gdp", T, "growth", 6, "exact")}


def test_a_list_of_indicators_each_named_by_a_label_before_its_sentence():
    text = (PLAN + "（一）主要指标完成情况\n\n1.地区生产总值。预计全年完成1016.8亿元，增长6.1%，总量首次突破千亿元。\n\n"
            "2.规模以上工业增加值。预计增长8.3%，高于年度计划0.3个百分点。\n\n"
            "3.固定资产投资：预计增长3.6%，低于年度计划4.4个百分点。\n\n"
            "4.就业和节能。城镇新增就业9860人，均完成年度计划。\n\n二、2025年主要预期目标\n\n"
            "2025年主要预期目标建议为：地区生产总值增长6%。\n")
    assert _extract(text) == {
        ("gdp", A, "value", (1016.8, "亿元"), "exact"), ("gdp", A, "growth", 6.1, "exact"),
        ("industrial_value_added", A, "growth", 8.3, "exact"), ("fixed_asset_investment", A, "growth", 3.6, "exact"),
        ("new_urban_jobs", A, "value", (9860, "人"), "exact"), ("gdp", T, "growth", 6, "exact")}


def test_a_streak_of_fifteen_years_is_no_review_of_five_a_milestone_clause_and_a_level_to_strive_for():
    summary = ("地区生产总值迈上5万亿元新台阶，达到53850.8亿元、增长8.2%，规上工业增加值增长7%。\n\n"
               "（二）现代农业稳步提升。粮食总产62.8万吨，连续十五年保持稳定。\n\n"
               "（五）坚持民生为本。城镇新增就业1.36万人，城镇登记失业率1.83%。")
    targets = ("今年的主要预期目标是：地区生产总值增长9%左右，力争总量达到600亿元；研究与试验发展经费支出相当于生产总值的"
               "2.65%左右；设区城市空气质量优良天数比例达到85%。")
    assert _read(summary, targets) == {
        ("gdp", A, "value", (53850.8, "亿元"), "exact"), ("gdp", A, "growth", 8.2, "exact"),
        ("industrial_value_added", A, "growth", 7, "exact"), ("grain_output", A, "value", (62.8, "万吨"), "exact"),
        ("new_urban_jobs", A, "value", (1.36, "万人"), "exact"),
        ("registered_unemployment_rate", A, "value", (1.83, "%"), "exact"),
        ("gdp", T, "growth", 9, "about"), ("gdp", T, "value", (600, "亿元"), "exact"),
        ("rd_intensity", T, "value", (2.65, "%"), "about"), ("air_quality_good_rate", T, "value", (85, "%"), "exact")}


def test_a_task_naming_pollutants_beside_the_energy_intensity_is_the_one_energy_task():
    targets = ("今年的主要预期目标是：地区生产总值增长6%，粮食产量、单位生产总值能耗和主要污染物排放量完成省下达的目标任务；"
               "单位地区生产总值能耗、二氧化碳排放完成市下达任务。")
    assert _read(SUMMARY + "化学需氧量、氨氮、二氧化硫、氮氧化物排放量完成省上下达任务。", targets) == BASE | {
        ("energy_saving", A, "task", None, None), ("gdp", T, "growth", 6, "exact"), ("grain_output", T, "task", None, None),
        ("energy_saving", T, "task", None, None), ("energy_intensity", T, "task", None, None),
        ("carbon_intensity", T, "task", None, None)}


def test_targets_under_headings_of_their_class_and_in_paragraphs_of_a_topic_after_a_colon():
    targets = ("建议2025年全市主要预期目标为：\n\n（一）预期性指标\n\n1.地区生产总值增长6.5%左右；\n\n"
               "2.城镇新增就业4.5万人。\n\n（二）约束性指标\n\n3.粮食产量稳定在60亿斤以上。\n\n"
               "三、2025年主要任务\n\n（一）抓项目。安排市级重大项目500个。")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6.5, "about"), ("new_urban_jobs", T, "value", (4.5, "万人"), "exact"),
        ("grain_output", T, "value", (60, "亿斤"), "at_least")}
    targets = ("与全市主要预期目标相衔接，建议2025年全县经济社会发展主要预期目标为：\n\n经济发展：地区生产总值增长6%以上。\n\n"
               "创新驱动：全社会研发投入占地区生产总值比重达到1.9%。\n\n民生福祉：城镇新增就业1.5万人。")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "at_least"), ("rd_intensity", T, "value", (1.9, "%"), "exact"),
        ("new_urban_jobs", T, "value", (1.5, "万人"), "exact")}


def test_a_table_of_the_years_results_and_a_pdf_table_with_a_class_column_after_a_five_year_goal():
    text = (PLAN + "全市实现地区生产总值2502.7亿元，增长4.2%；一般公共预算收入171.6亿元，增长11.6%。\n\n"
            "新增规上工业企业186家，总数达到1420家；社会消费品零售总额增长1.3%。\n\n2024年主要指标完成情况\n\n"
            "| 指标 | 单位 | 年度计划 | 预计完成 | 完成情况 |\n| --- | --- | --- | --- | --- |\n"
            "| 地区生产总值增长 | % | 7 | 4.2 | 未完成 |\n| 城镇新增就业 | 万人 | 4 | 4.3 | 完成 |\n"
            "| 粮食总产量 | 万吨 | 300 | 307.5 | 完成 |\n\n二、2025年主要预期目标\n\n"
            "对照“十四五”规划纲要确定的到2025年地区生产总值达到4500亿元的目标，建议2025年全市主要预期目标如下表。\n\n"
            "序号 指标 单位 2024年预计 2025年目标 属性\n1 地区生产总值增长 % 4.2 6.5以上 预期性\n"
            "2 一般公共预算收入增 % 11.6 5 预期性\n长\n3 粮食总产量 亿斤 108.2 完成省下达 约束性\n任务\n")
    assert _extract(text) == {
        ("gdp", A, "value", (2502.7, "亿元"), "exact"), ("gdp", A, "growth", 4.2, "exact"),
        ("public_budget_revenue", A, "value", (171.6, "亿元"), "exact"),
        ("public_budget_revenue", A, "growth", 11.6, "exact"), ("retail_sales", A, "growth", 1.3, "exact"),
        ("new_urban_jobs", A, "value", (4.3, "万人"), "exact"), ("grain_output", A, "value", (307.5, "万吨"), "exact"),
        ("gdp", T, "growth", 6.5, "at_least"), ("public_budget_revenue", T, "growth", 5, "exact"),
        ("grain_output", T, "task", None, None)}




def test_targets_the_year_failed_to_meet_are_no_tasks_done():
    summary = SUMMARY + "受超预期因素影响，固定资产投资、社会消费品零售总额等指标未能完成年初确定的增长10%、8%左右的预期目标。"
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {("gdp", T, "growth", 6, "exact")}


def test_a_level_done_after_its_growth_a_task_set_by_two_and_a_change_in_a_count_as_a_target():
    summary = SUMMARY + "一般公共预算收入增长4.6%、完成96.3亿元。"
    targets = ("今年的主要预期目标是：地区生产总值增长6%；农村贫困人口减少6.5万人；"
               "完成省、六盘水市下达的节能降碳目标任务；完成国家、省下达的粮食生产任务。")
    assert _read(summary, targets) == BASE | {
        ("public_budget_revenue", A, "value", (96.3, "亿元"), "exact"), ("public_budget_revenue", A, "growth", 4.6, "exact"),
        ("gdp", T, "growth", 6, "exact"), ("农村贫困人口减少", T, "value", (6.5, "万人"), "exact"),
        ("energy_saving", T, "task", None, None), ("grain_output", T, "task", None, None)}


def test_a_level_passed_in_an_earlier_year_names_the_figure_the_sentence_goes_on_to():
    summary = ("——经济运行稳中快进。地区生产总值在2021年突破千亿元关口后，今年继续保持较快增长势头，前三季度增速居全省第1位，"
               "全年预计达1100亿元、增长6%。全年规上工业增加值增长7%。")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("gdp", A, "value", (1100, "亿元"), "exact"), ("gdp", T, "growth", 6, "exact")}
    summary = "地区生产总值首次突破千亿元大关，规上工业增加值增长7%。"
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == {
        ("gdp", A, "value", (1000, "亿元"), "more_than"), ("industrial_value_added", A, "growth", 7, "exact"),
        ("gdp", T, "growth", 6, "exact")}


def test_a_users_copy_with_thousands_separators_and_half_width_full_stops():
    summary = "全年地区生产总值2,140.6亿元, 增长6%. 城乡居民人均可支配收入分别达38,650元、18,106元，增长4.5%、6.9%. 规上工业增加值增长7%."
    targets = "今年的主要预期目标是: 地区生产总值增长6%左右; 全社会固定资产投资总额增长5%; PM2.5年均浓度持续下降."
    assert _read(summary, targets) == BASE | {
        ("gdp", A, "value", (2140.6, "亿元"), "exact"),
        ("urban_disposable_income", A, "value", (38650, "元"), "exact"),
        ("urban_disposable_income", A, "growth", 4.5, "exact"),
        ("rural_disposable_income", A, "value", (18106, "元"), "exact"),
        ("rural_disposable_income", A, "growth", 6.9, "exact"), ("gdp", T, "growth", 6, "about"),
        ("fixed_asset_investment", T, "growth", 5, "exact"), ("PM2.5年均浓度", T, "task", None, None)}


def test_a_two_year_average_a_region_in_brackets_and_a_zones_deals():
    summary = ("全市（不含某某经济技术开发区，下同）全年地区生产总值增长6%，规上工业增加值增长7%。两年平均来看，地区生产总值增长5.2%，"
               "高于全市平均水平。\n\n（二）重大项目扎实推进。某某经济开发区新签约项目24个，完成工业投资18.7亿元。")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {("gdp", T, "growth", 6, "exact")}


def test_targets_of_a_topic_each_under_its_numbered_heading():
    targets = ("建议2025年全市经济社会发展主要预期目标安排如下：\n\n（一）经济增长。地区生产总值增长6%左右。\n\n"
               "（二）需求结构。固定资产投资增长5%左右，社会消费品零售总额增长8%左右。\n\n"
               "（三）财政收入。一般公共预算收入增长3%。\n\n三、2025年的主要任务\n\n（一）扩大有效投资。全年计划投资500亿元。")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "about"), ("fixed_asset_investment", T, "growth", 5, "about"),
        ("retail_sales", T, "growth", 8, "about"), ("public_budget_revenue", T, "growth", 3, "exact")}


def test_a_pdf_table_whose_header_words_are_letter_spaced_and_wrapped_under_its_year():
    text = (PLAN + SUMMARY + "\n\n二、2025年主要预期目标\n\n建议2025年全市主要预期目标如下：\n"
            "序号 指 标 单位 2025年 属性\n目标\n1 地区生产总值增长 % 6.5以上 预期性\n"
            "2 规模以上工业增加值增长 % 8 预期性\n3 城镇新增就业 万人 2.5 预期性\n"
            "4 城镇调查失业率 % 5.5以内 预期性\n")
    assert _extract(text) == BASE | {
        ("gdp", T, "growth", 6.5, "at_least"), ("industrial_value_added", T, "growth", 8, "exact"),
        ("new_urban_jobs", T, "value", (2.5, "万人"), "exact"), ("surveyed_unemployment_rate", T, "value", (5.5, "%"), "at_most")}


def test_a_review_of_five_years_dates_a_sentence_by_its_opening_year_and_a_pictures_caption_is_dropped():
    text = ("政府工作报告\n\n——2025年1月10日在某某市第十届人民代表大会第一次会议上\n\n各位代表：\n\n一、过去五年工作回顾\n\n"
            "过去五年，是我市经济发展速度快的五年。五年来，地区生产总值年均增长6%。\n\n▲某某产业园（资料图）\n\n"
            "经济实力稳步提升。2024年，全市实现地区生产总值593.8亿元，增长8.6%，五年年均增长5.9%；"
            "规模以上工业增加值增长6.2%；社会消费品零售总额386亿元，增长10.5%。\n\n二、2025年工作安排\n\n"
            "今年的主要预期目标是：地区生产总值增长6%，生态环境质量持续改善。\n")
    assert _extract(text) == {
        ("gdp", A, "value", (593.8, "亿元"), "exact"), ("gdp", A, "growth", 8.6, "exact"),
        ("industrial_value_added", A, "growth", 6.2, "exact"), ("retail_sales", A, "value", (386, "亿元"), "exact"),
        ("retail_sales", A, "growth", 10.5, "exact"), ("gdp", T, "growth", 6, "exact"),
        ("生态环境质量", T, "task", None, None)}


def test_a_plan_reports_list_of_indicators_gives_them_without_their_details_and_no_task_for_targets_met():
    text = (PLAN + "（一）主要指标完成情况\n\n经初步测算，全市地区生产总值完成741.3亿元，同比增长7.1%；规模以上工业增加值增长8.6%；\n\n"
            "——投资保持较快增长。固定资产投资增长12.3%，其中基础设施投资增长10.2%，房地产开发投资增长15.6%。\n\n"
            "——旅游持续升温。全年接待游客3720万人次，增长27.5%。\n\n"
            "——财政收入稳步增长。财政收入、社会消费品零售总额等指标均超额完成年度目标。\n\n"
            "二、2025年主要预期目标\n\n2025年全市经济社会发展的主要预期目标是：地区生产总值增长6%，"
            "完成省下达的节能减排和水资源管理目标任务。\n")
    assert _extract(text) == {
        ("gdp", A, "value", (741.3, "亿元"), "exact"), ("gdp", A, "growth", 7.1, "exact"),
        ("industrial_value_added", A, "growth", 8.6, "exact"), ("fixed_asset_investment", A, "growth", 12.3, "exact"),
        ("gdp", T, "growth", 6, "exact"), ("energy_saving", T, "task", None, None)}


def test_a_pdf_line_as_wide_as_the_page_runs_on_though_it_opens_as_a_heading():
    wrapped = ["　　（六）城镇常住居民人均可支配收入增长8.5%，农村常住居", "民人均可支配收入增长9%。",
               "　　（七）完成市下达的节能减排目标任务，单位生产总值能耗", "、主要污染物排放量持续下降。"]
    prose = ["　　这是一段用来撑满页面宽度的正文文字，每行都一样长的啊"] * 24  # a PDF's full lines, 28 characters
    targets = "建议2025年全市主要预期目标安排如下：\n（一）地区生产总值增长6%。\n" + "\n".join(wrapped + prose) + "\n"
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "exact"), ("urban_disposable_income", T, "growth", 8.5, "exact"),
        ("rural_disposable_income", T, "growth", 9, "exact"), ("energy_saving", T, "task", None, None)}


def test_uses_per_unit_of_product_share_the_unit():
    targets = "今年的主要预期目标是：地区生产总值增长6%，万元地区生产总值能耗、水耗分别下降3.5%、3%。"
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "exact"), ("energy_intensity", T, "growth", -3.5, "exact"),
        ("万元地区生产总值水耗", T, "growth", -3, "exact")}


def test_the_five_years_transition_after_poverty_is_no_review_of_five_years():
    summary = (SUMMARY + "\n\n（一）巩固拓展脱贫攻坚成果。五年过渡期内保持主要帮扶政策总体稳定，"
               "粮食产量106.2万吨，增长1.9%。")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("grain_output", A, "value", (106.2, "万吨"), "exact"), ("grain_output", A, "growth", 1.9, "exact"),
        ("gdp", T, "growth", 6, "exact")}

def test_reducing_pollution_and_carbon_is_the_energy_task():
    targets = "今年的主要预期目标是：地区生产总值增长6%，完成自治区下达的能耗双控和减污降碳目标任务。"
    assert _read(SUMMARY, targets) == BASE | {("gdp", T, "growth", 6, "exact"), ("energy_saving", T, "task", None, None)}
    targets = "今年的主要预期目标是：地区生产总值增长6%，完成省下达的减污降碳任务。"
    assert _read(SUMMARY, targets) == BASE | {("gdp", T, "growth", 6, "exact"), ("energy_saving", T, "task", None, None)}

def test_the_years_work_planned_in_the_opening_is_not_the_year_reviewed_and_the_dual_control_of_carbon():
    text = HEAD.replace("向大会报告政府工作。", "向大会报告过去五年政府工作，以及2025年主要工作安排。") + (
        "刚刚过去的2024年，全年地区生产总值增长6%，规上工业增加值增长7%。\n\n五年来，我们主要做了以下工作：\n\n"
        "（七）坚持人民至上。2024年，城镇新增就业2.32万人，城镇登记失业率2.75%。\n\n二、2025年工作安排\n\n"
        "今年的主要预期目标是：地区生产总值增长6%，完成自治区下达的碳排放双控和节能降碳目标任务。\n")
    assert _extract(text) == BASE | {
        ("new_urban_jobs", A, "value", (2.32, "万人"), "exact"),
        ("registered_unemployment_rate", A, "value", (2.75, "%"), "exact"),
        ("gdp", T, "growth", 6, "exact"), ("energy_saving", T, "task", None, None)}


def test_one_growth_for_each_level_lists_joined_or_cut_and_targets_kept_steady():
    summary = (SUMMARY + "城乡居民人均可支配收入分别达到34560元、17880元，均增长8.3%；规模以上固定资产投资561.2亿元，增长12.5%。"
               "全年主要预期目标中，社会消费品零售总额增长8%的目标略有差距。")
    targets = ("今年的主要预期目标是：地区生产总值增长6%，外贸进出口保持平稳，外贸出口稳中有升，"
               "粮食播种面积和产量保持稳定，实际使用外资、出口总额占全国份额保持稳定，社会消费品零售总额保持较快增长。")
    assert _read(summary, targets) == BASE | {
        ("urban_disposable_income", A, "value", (34560, "元"), "exact"),
        ("urban_disposable_income", A, "growth", 8.3, "exact"),
        ("rural_disposable_income", A, "value", (17880, "元"), "exact"),
        ("rural_disposable_income", A, "growth", 8.3, "exact"),
        ("fixed_asset_investment", A, "value", (561.2, "亿元"), "exact"),
        ("fixed_asset_investment", A, "growth", 12.5, "exact"),
        ("gdp", T, "growth", 6, "exact"), ("trade", T, "task", None, None), ("exports", T, "task", None, None),
        ("grain_output", T, "task", None, None), ("fdi", T, "task", None, None),
        ("retail_sales", T, "task", None, None)}
    # two lists joined by a pause, or a list of levels the comma cut
    for incomes in ("分别达到56210元和35180元、分别增长4.8%和6.2%", "分别达到56210元，35180元，分别增长4.8%、6.2%",
                    "分别达到56210元、35180元，分别增长4.8%，6.2%"):
        summary = SUMMARY + "城乡居民人均可支配收入" + incomes + "。"
        assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
            ("urban_disposable_income", A, "value", (56210, "元"), "exact"),
            ("urban_disposable_income", A, "growth", 4.8, "exact"),
            ("rural_disposable_income", A, "value", (35180, "元"), "exact"),
            ("rural_disposable_income", A, "growth", 6.2, "exact"), ("gdp", T, "growth", 6, "exact")}


def test_a_pdf_table_whose_class_column_is_given_on_the_first_row_of_each_class():
    text = (PLAN + SUMMARY + "\n\n二、2018年主要预期目标\n\n建议2018年全区经济社会发展主要预期目标安排如下（详见表1）：\n\n"
            "表1\n类别 指标名称 单位 2017年 2017年 2018年 指标\n计划目标 完成情况 计划目标 属性\n"
            "经济 1.地区生产总值增长 % 7.5 7.2 7左右 预期性\n发展 2.一般公共预算收入增长 % 7 10.1 7 预期性\n"
            "其中：工业投资增长 % 8 8.6 8 预期性\n3.实际利用外资 亿美元 7 7.55 7 预期性\n"
            "创新 4.全社会研发投入占地区 % 2.75 2.78 2.85 预期性\n驱动 生产总值比重\n"
            "生态 5.单位地区生产总值能耗 % 完成苏州市 4.6 完成苏州市 约束性\n环境 降低 下达任务 下达任务\n"
            "6.空气质量优良天数比例 % 70 72.3 73以上 约束性\n")
    assert _extract(text.replace("2024年", "2017年").replace("2025年", "2018年")) == BASE | {
        ("gdp", T, "growth", 7, "about"), ("public_budget_revenue", T, "growth", 7, "exact"),
        ("industrial_investment", T, "growth", 8, "exact"), ("fdi", T, "value", (7, "亿美元"), "exact"),
        ("rd_intensity", T, "value", (2.85, "%"), "exact"), ("energy_intensity", T, "task", None, None),
        ("air_quality_good_rate", T, "value", (73, "%"), "at_least")}


def test_a_provinces_local_revenue_a_first_place_kept_air_where_the_prefectures_sit_and_a_tables_two_tasks():
    summary = SUMMARY + "一般公共预算收入2860亿元，其中地方收入1693.2亿元，增长5%。"
    targets = ("今年的主要预期目标是：地区生产总值增长6%，地方收入增长5%左右，森林覆盖率保持全国首位，"
               "州（市）政府所在地城市环境空气质量优良天数比率保持在97%以上。其他指标见下表。\n\n"
               "| 指标 | 单位 | 2025年目标 |\n| --- | --- | --- |\n"
               "| 单位地区生产总值能耗和二氧化碳排放降低 | % | 完成国家下达任务 |\n")
    assert _read(summary, targets) == BASE | {
        ("public_budget_revenue", A, "value", (2860, "亿元"), "exact"),
        ("local_budget_revenue", A, "value", (1693.2, "亿元"), "exact"), ("local_budget_revenue", A, "growth", 5, "exact"),
        ("gdp", T, "growth", 6, "exact"), ("local_budget_revenue", T, "growth", 5, "about"),
        ("forest_coverage", T, "task", None, None), ("air_quality_good_rate", T, "value", (97, "%"), "at_least"),
        ("energy_intensity", T, "task", None, None), ("carbon_intensity", T, "task", None, None)}


def test_targets_in_lines_a_pdf_ends_with_a_full_stop_and_revenue_in_balance_with_the_economy():
    targets = ("综合考虑各方面因素，今年全市经济社会发展的主要预期目标是：\n地区生产总值增长7%左右，在实际工作中力争更好结果。\n"
               "规上工业增加值增长9%，固定资产投资增长10%。\n财政收入增长与经济增长基本协调。城乡居民\n"
               "人均可支配收入增长与经济增长同步。城镇新增就业4.5万人。\n粮食产量稳定在45亿斤以上。\n— 6 —\n")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 7, "about"), ("industrial_value_added", T, "growth", 9, "exact"),
        ("fixed_asset_investment", T, "growth", 10, "exact"), ("budget_revenue", T, "task", None, None),
        ("disposable_income", T, "task", None, None), ("new_urban_jobs", T, "value", (4.5, "万人"), "exact"),
        ("grain_output", T, "value", (45, "亿斤"), "at_least")}


def test_a_count_in_the_next_name_is_not_a_rates_figure():
    summary = SUMMARY + "中心城区环境空气质量优良率、22个国控断面水质优良率均达100%。"
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {("gdp", T, "growth", 6, "exact")}


def test_a_ceiling_the_city_set():
    targets = "今年的主要预期目标是：地区生产总值增长6%，人口自然增长率控制在市定目标以内。"
    assert _read(SUMMARY, targets) == BASE | {("gdp", T, "growth", 6, "exact"), ("人口自然增长率", T, "task", None, None)}


def test_a_count_of_the_branches_after_a_growth_is_not_its_level():
    summary = SUMMARY.replace("规上工业增加值增长7%。", "规上工业增加值增长7%，高于全省0.8个百分点，35个行业大类中有22个实现增长。")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {("gdp", T, "growth", 6, "exact")}


def test_the_quote_of_a_row_whose_name_wraps_keeps_the_line_break_as_a_space():
    text = (PLAN + SUMMARY + "\n\n二、2025年主要预期目标\n\n建议2025年全市主要预期目标如下表。\n\n"
            "序号 指标 单位 2024年预计 2025年目标 属性\n1 地区生产总值增长 % 6 6.5以上 预期性\n"
            "2 一般公共预算收入增 % 11.6 5 预期性\n长\n3 粮食总产量 万吨 108.2 100 约束性\n")
    result = extract(text, Store(), region="somewhere")
    quotes = {r["indicator"]: r["quote"] for r in result.records if r["kind"] == "target"}
    assert quotes["public_budget_revenue"] == "2 一般公共预算收入增 % 11.6 5 预期性 长"


def _plan_items(lines: list[str], lead: str = "", sep: str = "\n\n") -> str:
    """A plan report whose review is a list of labelled indicators, one a line."""
    return (PLAN + "（一）主要指标完成情况\n\n" + lead + sep.join(lines) + "\n\n二、2025年主要预期目标\n\n"
            "2025年主要预期目标建议为：地区生产总值增长6%。\n")


def test_items_of_a_plan_report_that_quote_the_years_plan_before_its_result():
    text = _plan_items(["1．地区生产总值。年度计划增长6%左右，预计完成3486.2亿元，增长5.4%，低于年度计划0.6个百分点。",
                        "2．财政收入。年度计划一般公共预算总收入增长4%，完成261.3亿元，增长3.1%。",
                        "3．就业。年度计划城镇新增就业2.5万人，实际新增2.83万人，完成年度计划的113.2%。",
                        "4．居民消费价格。年度计划涨幅3%左右，实际上涨0.2%。"])
    assert _extract(text) == {
        ("gdp", A, "value", (3486.2, "亿元"), "exact"), ("gdp", A, "growth", 5.4, "exact"),
        ("budget_revenue", A, "value", (261.3, "亿元"), "exact"), ("budget_revenue", A, "growth", 3.1, "exact"),
        ("new_urban_jobs", A, "value", (2.83, "万人"), "exact"), ("cpi", A, "growth", 0.2, "exact"),
        ("gdp", T, "growth", 6, "exact")}
    # the details of a list of labelled indicators are not headline figures
    text = _plan_items(["1．地区生产总值。年度计划增长6%，预计完成760.2亿元，增长5.6%。",
                        "2．社会消费品零售总额。年度计划增长7%，预计完成338.4亿元，增长5.2%。其中，限额以上批发零售业零售额增长6.3%。",
                        "3．外贸进出口总额。年度计划增长6%，完成98.7亿元，增长9.6%。茶叶出口额增长18.5%。"],
                       "多数指标完成年度计划。具体情况如下：\n", "\n")
    assert _extract(text) == {
        ("gdp", A, "value", (760.2, "亿元"), "exact"), ("gdp", A, "growth", 5.6, "exact"),
        ("retail_sales", A, "value", (338.4, "亿元"), "exact"), ("retail_sales", A, "growth", 5.2, "exact"),
        ("trade", A, "value", (98.7, "亿元"), "exact"), ("trade", A, "growth", 9.6, "exact"),
        ("gdp", T, "growth", 6, "exact")}


def test_targets_each_a_paragraph_followed_by_its_reasons():
    targets = ("综合考虑各方面因素，建议2025年全市经济社会发展主要预期目标为：\n\n"
               "地区生产总值增长6%左右。这一目标与省定目标相衔接，略高于“十四五”规划年均增速。\n\n"
               "规模以上工业增加值增长9%。主要考虑一批重大项目将在年内达产，全市计划实施重点项目300个以上。\n\n"
               "地方一般公共预算收入增长6.5%。与2025年财政预算安排相衔接，充分考虑减税降费政策的影响。\n\n"
               "居民消费价格涨幅3%左右。\n\n主要指标安排具体见下表：")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "about"), ("industrial_value_added", T, "growth", 9, "exact"),
        ("local_budget_revenue", T, "growth", 6.5, "exact"), ("cpi", T, "growth", 3, "about")}


def test_a_numbered_title_circled_numbers_and_dashes_before_targets_and_a_summary_of_labels():
    text = (PLAN + "1. 主要经济指标情况\n\n全市实现地区生产总值1418.3亿元、增长1.6%；规模以上工业增加值增长0.8%。\n\n"
            "二、2025年主要目标\n\n建议2025年全市经济社会发展的主要预期目标为：\n\n①地区生产总值增长6.5%左右；\n"
            "②规模以上工业增加值增长7%；\n③城镇新增就业1.8万人，城镇调查失业率5.5%以内。\n")
    assert _extract(text) == {
        ("gdp", A, "value", (1418.3, "亿元"), "exact"), ("gdp", A, "growth", 1.6, "exact"),
        ("industrial_value_added", A, "growth", 0.8, "exact"), ("gdp", T, "growth", 6.5, "about"),
        ("industrial_value_added", T, "growth", 7, "exact"), ("new_urban_jobs", T, "value", (1.8, "万人"), "exact"),
        ("surveyed_unemployment_rate", T, "value", (5.5, "%"), "at_most")}
    summary = ("地区生产总值：2963.2亿元，增长4.8%\n规模以上工业增加值：增长6.3%\n固定资产投资：增长8.1%\n"
               "城镇新增就业：5.2万人")
    targets = "今年全市经济社会发展的主要预期目标是：\n\n- 地区生产总值增长6%左右；\n- 城镇新增就业4万人以上；"
    assert _read(summary, targets) == {
        ("gdp", A, "value", (2963.2, "亿元"), "exact"), ("gdp", A, "growth", 4.8, "exact"),
        ("industrial_value_added", A, "growth", 6.3, "exact"), ("fixed_asset_investment", A, "growth", 8.1, "exact"),
        ("new_urban_jobs", A, "value", (5.2, "万人"), "exact"), ("gdp", T, "growth", 6, "about"),
        ("new_urban_jobs", T, "value", (4, "万人"), "at_least")}


def test_a_growth_said_beside_keeping_ahead_of_the_economy_and_trades_names():
    targets = ("今年的主要预期目标是：地区生产总值增长6%，居民人均可支配收入增长6.5%、高于经济增长，"
               "外贸出口总值增长3%，货物贸易进出口总值增长4%。")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "exact"), ("disposable_income", T, "growth", 6.5, "exact"),
        ("exports", T, "growth", 3, "exact"), ("trade", T, "growth", 4, "exact")}


def test_a_numbered_review_of_five_years_ends_at_the_next_section_and_a_tables_verb_before_its_number():
    text = (PLAN + "（一）主要经济指标恢复增长。全市实现地区生产总值2007.4亿元，增长3.0%；规模以上工业增加值增长2.8%。\n\n"
            "（二）“十三五”发展成效显著。五年来，全市地区生产总值年均增长6.8%，城镇新增就业累计12万人。\n\n"
            "（三）民生保障有力。城镇新增就业2.36万人。\n\n二、2025年主要预期目标\n\n"
            "建议2025年全市主要预期目标如下表。\n\n| 指标 | 单位 | 2024年预计 | 2025年目标 |\n| --- | --- | --- | --- |\n"
            "| 城镇新增就业 | 万人 | 2.36 | 2.2 |\n| 粮食总产量 | 万吨 | 437.1 | 稳定在400以上 |\n")
    assert _extract(text) == {
        ("gdp", A, "value", (2007.4, "亿元"), "exact"), ("gdp", A, "growth", 3.0, "exact"),
        ("industrial_value_added", A, "growth", 2.8, "exact"), ("new_urban_jobs", A, "value", (2.36, "万人"), "exact"),
        ("grain_output", A, "value", (437.1, "万吨"), "exact"),  # the table's column of 2024
        ("new_urban_jobs", T, "value", (2.2, "万人"), "exact"), ("grain_output", T, "value", (400, "万吨"), "at_least")}


def test_a_summary_in_a_long_list_of_topics_is_read_to_its_end():
    topics = ["经济总量稳步扩大。全市地区生产总值预计完成2976.4亿元，增长5.3%", "工业生产较快增长。规模以上工业增加值增长7.6%",
              "投资结构持续优化。固定资产投资增长6.8%", "消费市场逐步回暖。社会消费品零售总额预计完成1112.3亿元，增长5.8%",
              "财政收入质量提升。一般公共预算收入完成165.8亿元，增长8.1%", "对外贸易逆势增长。进出口总额完成92.6亿元，增长11.3%",
              "居民收入稳步增加。城镇居民人均可支配收入38215元，增长4.9%", "就业物价总体稳定。城镇登记失业率3.62%"]
    text = (PLAN + "（一）主要指标完成情况\n\n从年初确定的主要预期目标看，13项主要指标中8项完成年度计划。\n\n"
            + "".join(f"——{t}。\n\n" for t in topics) + "（二）重点工作推进情况\n\n"
            "二、2025年主要预期目标\n\n2025年主要预期目标建议为：地区生产总值增长6%。\n")
    assert _extract(text) == {
        ("gdp", A, "value", (2976.4, "亿元"), "exact"), ("gdp", A, "growth", 5.3, "exact"),
        ("industrial_value_added", A, "growth", 7.6, "exact"), ("fixed_asset_investment", A, "growth", 6.8, "exact"),
        ("retail_sales", A, "value", (1112.3, "亿元"), "exact"), ("retail_sales", A, "growth", 5.8, "exact"),
        ("public_budget_revenue", A, "value", (165.8, "亿元"), "exact"), ("public_budget_revenue", A, "growth", 8.1, "exact"),
        ("trade", A, "value", (92.6, "亿元"), "exact"), ("trade", A, "growth", 11.3, "exact"),
        ("urban_disposable_income", A, "value", (38215, "元"), "exact"),
        ("urban_disposable_income", A, "growth", 4.9, "exact"),
        ("registered_unemployment_rate", A, "value", (3.62, "%"), "exact"), ("gdp", T, "growth", 6, "exact")}


def test_targets_under_classes_without_the_word_indicator_and_a_fall_in_a_results_table():
    text = (PLAN + "全市实现地区生产总值2502.7亿元，增长4.2%；规模以上工业增加值增长5.1%。\n\n"
            "| 指标 | 单位 | 年度计划 | 预计完成 |\n| --- | --- | --- | --- |\n| 社会消费品零售总额增速 | % | 8 | -2.3 |\n\n"
            "二、2025年主要预期目标\n\n建议2025年全市经济社会发展主要预期目标如下：\n\n（一）经济发展类\n\n"
            "1.地区生产总值增长6%以上；\n\n2.规模以上工业增加值增长8%。\n\n（二）民生福祉类\n\n3.城镇新增就业1万人以上。\n")
    assert _extract(text) == {
        ("gdp", A, "value", (2502.7, "亿元"), "exact"), ("gdp", A, "growth", 4.2, "exact"),
        ("industrial_value_added", A, "growth", 5.1, "exact"), ("retail_sales", A, "growth", -2.3, "exact"),
        ("gdp", T, "growth", 6, "at_least"), ("industrial_value_added", T, "growth", 8, "exact"),
        ("new_urban_jobs", T, "value", (1, "万人"), "at_least")}


def test_a_rate_kept_and_a_level_to_strive_for_after_the_growth():
    summary = SUMMARY + "全市森林覆盖率保持78.73%。"
    targets = "今年的主要预期目标是：地区生产总值增长6.5%以上，总量力争突破3300亿元；规模以上工业增加值增长7%。"
    assert _read(summary, targets) == BASE | {
        ("forest_coverage", A, "value", (78.73, "%"), "exact"), ("gdp", T, "growth", 6.5, "at_least"),
        ("gdp", T, "value", (3300, "亿元"), "more_than"), ("industrial_value_added", T, "growth", 7, "exact")}


def test_a_long_list_of_targets_under_classes_counted_and_a_share_among_them():
    lines = ["地区生产总值增长6%左右", "规模以上工业增加值增长7%", "固定资产投资增长5%", "社会消费品零售总额增长6.5%",
             "一般公共预算总收入增长3%", "地方一般公共预算收入增长3%", "外贸进出口总额增长5%"]
    more = ["研发经费投入强度达到1.8%", "数字经济增加值占地区生产总值比重达到42%"]
    last = ["城镇新增就业6000人以上", "城镇调查失业率控制在5.5%以内", "居民消费价格涨幅2%左右", "粮食产量稳定在5万吨以上",
            "完成市下达的节能减排降碳目标任务", "空气质量优良天数比例不低于98%", "森林覆盖率稳定在72%以上"]
    targets = ("建议2025年全市经济社会发展主要预期目标如下：\n经济发展类（7项）\n" + "".join(f"——{x}；\n" for x in lines)
               + "创新驱动类（2项）\n" + "".join(f"——{x}；\n" for x in more) + "民生福祉和绿色生态类（7项）\n"
               + "".join(f"——{x}；\n" for x in last[:-1]) + f"——{last[-1]}。")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "about"), ("industrial_value_added", T, "growth", 7, "exact"),
        ("fixed_asset_investment", T, "growth", 5, "exact"), ("retail_sales", T, "growth", 6.5, "exact"),
        ("budget_revenue", T, "growth", 3, "exact"), ("local_budget_revenue", T, "growth", 3, "exact"),
        ("trade", T, "growth", 5, "exact"), ("rd_intensity", T, "value", (1.8, "%"), "exact"),
        ("数字经济增加值占地区生产总值比重", T, "value", (42, "%"), "exact"),
        ("new_urban_jobs", T, "value", (6000, "人"), "at_least"),
        ("surveyed_unemployment_rate", T, "value", (5.5, "%"), "at_most"), ("cpi", T, "growth", 2, "about"),
        ("grain_output", T, "value", (5, "万吨"), "at_least"), ("energy_saving", T, "task", None, None),
        ("air_quality_good_rate", T, "value", (98, "%"), "at_least"), ("forest_coverage", T, "value", (72, "%"), "at_least")}


@pytest.mark.parametrize("tail", [
    # a part of the year that opens a sentence holds for all its clauses
    "\n\n（三）对外开放扩大。1—11月，全市进出口总额98.7亿元，同比增长23.6%；实际利用外资2.3亿美元，增长15.0%。",
    "\n\n（二）统筹疫情防控。1—3季度，全市固定资产投资增长2.1%。",
    # the sections under a review of five years stay in it, though one of them names the five years
    "\n\n五年来，我们主要做了以下工作：\n\n（一）坚持项目强市。累计实施重点项目1160个。\n\n（二）坚持开放引领。五年累计"
    "实际利用外资26.8亿美元。\n\n（三）坚持生态立市。中心城区空气质量优良天数比例达到82.5%。",
    # last year's target quoted, before the words of the year's start (…等年初预期目标)
    "\n\n（一）民生。虽然受疫情冲击，城镇新增就业5万人等年初预期目标未能全部实现。",
])
def test_figures_of_another_period_or_of_last_years_plan_are_not_the_years(tail):
    assert _read(SUMMARY + tail, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {("gdp", T, "growth", 6, "exact")}


def test_a_table_of_two_columns_its_units_in_its_cells_and_classes_without_a_class_word():
    targets = ("今年全市经济社会发展的主要预期目标如下：\n\n2025年主要预期目标\n指标名称　　　　　　预期目标\n"
               "地区生产总值增长　　　6%左右\n城镇新增就业　　　　　3.5万人\n城镇登记失业率　　　　4.2%以内\n"
               "节能减排　　　　　　　完成省下达目标任务\n")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "about"), ("new_urban_jobs", T, "value", (3.5, "万人"), "exact"),
        ("registered_unemployment_rate", T, "value", (4.2, "%"), "at_most"), ("energy_saving", T, "task", None, None)}
    targets = ("2025年全市经济社会发展的主要预期目标建议如下：\n（一）经济发展\n1.地区生产总值增长5.5%左右；\n"
               "2.固定资产投资增长5%。\n（二）民生福祉\n3.城镇新增就业3.2万人；\n4.完成保定市下达的节能减排和大气污染治理任务。")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 5.5, "about"), ("fixed_asset_investment", T, "growth", 5, "exact"),
        ("new_urban_jobs", T, "value", (3.2, "万人"), "exact"), ("energy_saving", T, "task", None, None)}


def test_a_labelled_indicators_figures_each_and_targets_said_again_after_their_explanation():
    text = _plan_items(["1．地区生产总值。年度计划增长6%，预计完成760.2亿元，增长5.6%。",
                        "2．城乡居民人均可支配收入。年初计划分别增长9%和10%，预计分别达到39625元、15408元，分别增长5.6%、7.2%。"])
    assert _extract(text) == {
        ("gdp", A, "value", (760.2, "亿元"), "exact"), ("gdp", A, "growth", 5.6, "exact"),
        ("urban_disposable_income", A, "value", (39625, "元"), "exact"),
        ("urban_disposable_income", A, "growth", 5.6, "exact"),
        ("rural_disposable_income", A, "value", (15408, "元"), "exact"),
        ("rural_disposable_income", A, "growth", 7.2, "exact"), ("gdp", T, "growth", 6, "exact")}
    targets = ("今年全区经济社会发展的主要预期目标是：地区生产总值增长6%左右，固定资产投资增长8%。\n\n"
               "这些目标，既考虑了与“十三五”规划目标的衔接，也兼顾了当前经济运行的实际和需要。\n\n"
               "同时，城镇新增就业6500人，城镇登记失业率控制在3%以内。\n\n实现上述目标，重点抓好以下工作：")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "about"), ("fixed_asset_investment", T, "growth", 8, "exact"),
        ("new_urban_jobs", T, "value", (6500, "人"), "exact"),
        ("registered_unemployment_rate", T, "value", (3, "%"), "at_most")}


def test_levels_passed_one_after_another_and_the_binding_indicators_of_the_energy_task():
    summary = "全市地区生产总值先后跨越千亿元、1200亿元台阶，达到1415.6亿元，增长8.6%；规上工业增加值增长7%。"
    targets = "今年的主要预期目标是：地区生产总值增长6%，完成青岛市下达的节能减排约束性指标和环境质量改善目标。"
    assert _read(summary, targets) == {
        ("gdp", A, "value", (1415.6, "亿元"), "exact"), ("gdp", A, "growth", 8.6, "exact"),
        ("industrial_value_added", A, "growth", 7, "exact"), ("gdp", T, "growth", 6, "exact"),
        ("energy_saving", T, "task", None, None)}


def test_an_indicators_plan_after_its_name_and_ceilings_on_pollutants_as_the_energy_task():
    text = _plan_items(["1．地区生产总值。年度计划增长6%，预计完成760.2亿元，增长5.6%。",
                        "2．城乡居民收入。城镇居民人均可支配收入计划增长9%，预计达到25870元，增长8.4%。",
                        "3．就业。城镇新增就业计划4.5万人，预计完成4.82万人，完成计划的107.1%。"])
    assert _extract(text) == {
        ("gdp", A, "value", (760.2, "亿元"), "exact"), ("gdp", A, "growth", 5.6, "exact"),
        ("urban_disposable_income", A, "value", (25870, "元"), "exact"),
        ("urban_disposable_income", A, "growth", 8.4, "exact"), ("new_urban_jobs", A, "value", (4.82, "万人"), "exact"),
        ("gdp", T, "growth", 6, "exact")}
    targets = "今年的主要预期目标是：地区生产总值增长6%；化学需氧量、氨氮、二氧化硫、氮氧化物排放总量控制在省定指标以内。"
    assert _read(SUMMARY, targets) == BASE | {("gdp", T, "growth", 6, "exact"), ("energy_saving", T, "task", None, None)}
    targets = ("今年的主要预期目标是：地区生产总值增长6%，其他主要指标见下表。\n\n| 指标 | 单位 | 2025年目标 |\n"
               "| --- | --- | --- |\n| 规上工业增加值增长 | % | 7 |\n| 城镇新增就业 | 万人 | 3 |\n"
               "| 主要污染物排放量减少 | % | 完成省下达的节能减排任务 |\n")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "exact"), ("industrial_value_added", T, "growth", 7, "exact"),
        ("new_urban_jobs", T, "value", (3, "万人"), "exact"), ("energy_saving", T, "task", None, None)}


def test_bold_figures_a_level_passed_between_a_figure_and_its_growth_and_investment_kept_reasonable():
    summary = ("全年地区生产总值完成**1018.6亿元**，首次迈上千亿元台阶，增长**7.2%**；规上工业增加值增长**7%**。\n\n"
               "“十三五”时期，是极不平凡的五年。五年来，全市生产总值年均增长8%。\n\n"
               "——民生持续改善。全年城镇新增就业**6.12万人**，新增农村劳动力转移就业5.8万人。")
    targets = "今年的主要预期目标是：地区生产总值增长**6%左右**，固定资产投资保持合理规模。"
    assert _read(summary, targets) == {
        ("gdp", A, "value", (1018.6, "亿元"), "exact"), ("gdp", A, "growth", 7.2, "exact"),
        ("industrial_value_added", A, "growth", 7, "exact"), ("new_urban_jobs", A, "value", (6.12, "万人"), "exact"),
        ("gdp", T, "growth", 6, "about"), ("fixed_asset_investment", T, "task", None, None)}


def test_a_pdfs_running_head_beside_its_page_numbers_and_a_task_cell_a_narrow_column_wraps():
    text = (PLAN + SUMMARY + "\n\n二、2025年主要预期目标\n\n建议2025年全区主要预期目标如下表。\n"
            "表1 2025年主要预期目标\n序号 指标名称 单位 2024年预计 2025年目标 指标属性\n\n— 6 —\n\n某某市2024年计划执行情况的报告\n"
            "1 地区生产总值增长 % 5.6 5.5左右 预期性\n2 城镇新增就业人数 万人 2.13 1.5以上 预期性\n"
            "3 单位地区生产总值能耗降 % 3.2 完成市下达 约束性\n低 任务\n4 空气质量优良天数比例 % 96.4 95以上 约束性\n\n"
            "— 7 —\n\n某某市2024年计划执行情况的报告\n上述指标安排，主要考虑发展基础。\n\n— 8 —\n\n某某市2024年计划执行情况的报告\n"
            "三、主要任务\n")
    assert _extract(text) == BASE | {
        # the table's column of 2024 gives the indicators the summary lacks
        ("new_urban_jobs", A, "value", (2.13, "万人"), "exact"), ("energy_intensity", A, "growth", -3.2, "exact"),
        ("air_quality_good_rate", A, "value", (96.4, "%"), "exact"),
        ("gdp", T, "growth", 5.5, "about"), ("new_urban_jobs", T, "value", (1.5, "万人"), "at_least"),
        ("energy_intensity", T, "task", None, None), ("air_quality_good_rate", T, "value", (95, "%"), "at_least")}


def test_a_level_passed_in_words_a_parts_share_of_the_region_and_the_names_of_a_metropolis_district():
    summary = ("全市地区生产总值突破万亿元大关、达到10688.28亿元，增长4.1%；城市常住居民人均可支配收入59982元，增长8.3%。\n\n"
               "（二）滨江建设加速推进。全年完成固定资产投资126.5亿元，占全市的32.8%。税收总收入523.6亿元，增长2.1%。")
    targets = "今年的主要预期目标是：地区生产总值增长6%，单位增加值能耗下降完成省下达的目标任务。"
    assert _read(summary, targets) == {
        ("gdp", A, "value", (10688.28, "亿元"), "exact"), ("gdp", A, "growth", 4.1, "exact"),
        ("urban_disposable_income", A, "value", (59982, "元"), "exact"),
        ("urban_disposable_income", A, "growth", 8.3, "exact"), ("tax_revenue", A, "value", (523.6, "亿元"), "exact"),
        ("tax_revenue", A, "growth", 2.1, "exact"), ("gdp", T, "growth", 6, "exact"),
        ("energy_intensity", T, "task", None, None)}


def test_targets_in_numbered_paragraphs_of_a_topic_after_a_colon():
    targets = ("综合考虑各方面因素，2025年全市经济社会发展的主要预期目标建议如下：\n"
               "（一）经济增长目标：地区生产总值增长9%左右；规模以上工业增加值增长9%。\n"
               "（二）结构优化目标：研究与试验发展经费支出占地区生产总值比重达到1.2%。\n"
               "（三）民生改善目标：城镇新增就业6500人；城镇登记失业率控制在4%以内。\n"
               "（四）资源环境目标：万元生产总值能耗下降3%。\n三、2025年的主要任务\n")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 9, "about"), ("industrial_value_added", T, "growth", 9, "exact"),
        ("rd_intensity", T, "value", (1.2, "%"), "exact"), ("new_urban_jobs", T, "value", (6500, "人"), "exact"),
        ("registered_unemployment_rate", T, "value", (4, "%"), "at_most"), ("energy_intensity", T, "growth", -3, "exact")}


def test_a_ceiling_about_a_level_passed_then_reached_and_a_years_whole_said_before():
    summary = ("预计全年地区生产总值增长4.6%，总量突破1100亿元、达到1108.6亿元；海关进出口总额77.5亿元，下降1.9%；"
               "城镇新增就业6.2万人。\n\n（三）乡村振兴扎实推进。农业农村现代化稳步推进，全年粮食播种面积21.6万亩，"
               "粮食总产量8.92万吨；建成省级现代农业园区2个。")
    targets = ("今年的主要预期目标是：地区生产总值增长5%左右，居民消费价格涨幅控制在3%左右，"
               "城镇调查失业率控制在5.5%左右，城镇新增就业5万人以上。")
    assert _read(summary, targets) == {
        ("gdp", A, "value", (1108.6, "亿元"), "exact"), ("gdp", A, "growth", 4.6, "exact"),
        ("trade", A, "value", (77.5, "亿元"), "exact"), ("trade", A, "growth", -1.9, "exact"),
        ("new_urban_jobs", A, "value", (6.2, "万人"), "exact"), ("grain_output", A, "value", (8.92, "万吨"), "exact"),
        ("gdp", T, "growth", 5, "about"), ("cpi", T, "growth", 3, "at_most"),
        ("surveyed_unemployment_rate", T, "value", (5.5, "%"), "at_most"),
        ("new_urban_jobs", T, "value", (5, "万人"), "at_least")}


def test_an_excerpt_without_its_head_is_dated_by_what_it_says_this_year_is():
    """A note that quotes a work report's summary and targets, without title, date line or 各位代表:
    the year its targets' paragraph says this one is dates it, and it reads as a work report
    (jobs under a later paragraph of the review are the year's); an excerpt's cut (。……) ends a
    paragraph."""
    text = ("过去五年，全省地区生产总值年均增长8.9%，五年累计城镇新增就业517万人。……\n\n"
            "2017年，面对复杂多变的宏观环境，全省经济社会发展稳中有进。预计全省地区生产总值36980.2亿元、增长8.1%；"
            "规模以上工业增加值增长8.5%。\n\n这一年，我们持续改善民生，城镇新增就业107.3万人。\n\n……\n\n"
            "2018年是贯彻党的十九大精神的开局之年。综合考虑各方面因素，今年全省经济社会发展的主要预期目标是："
            "地区生产总值增长7.5%左右，财政总收入和一般公共预算收入分别增长7%。在实际工作中，我们将力争全年"
            "新开工亿元以上项目200个以上、新增规上工业企业150家以上。\n")
    result = extract(text, Store(), region="somewhere")
    assert (result.actual_year, result.target_year, result.header.kind) == (2017, 2018, "gwr")
    assert result.source.endswith("-2018-gwr")
    assert {fact_tuple(f) for r in result.records for f in _facts(r)} == {
        ("gdp", A, "value", (36980.2, "亿元"), "exact"), ("gdp", A, "growth", 8.1, "exact"),
        ("industrial_value_added", A, "growth", 8.5, "exact"), ("new_urban_jobs", A, "value", (107.3, "万人"), "exact"),
        ("gdp", T, "growth", 7.5, "about"), ("budget_revenue", T, "growth", 7, "exact"),
        ("public_budget_revenue", T, "growth", 7, "exact")}


def test_a_zones_figures_a_years_outlook_and_tasks_of_pollution_and_of_an_income_ratio():
    summary = ("全年地区生产总值增长6%，规上工业增加值增长7%；天府新区眉山片区地区生产总值增长15.2%。\n\n"
               "展望“十四五”，全市经济社会发展的主要目标是：到2025年，地区生产总值突破2300亿元；常住人口城镇化率达到62%。")
    targets = ("今年的主要预期目标是：地区生产总值增长6%，城乡居民收入倍差持续缩小，"
               "完成省下达的节能减排和大气、水、土壤污染防治目标任务。")
    assert _read(summary, targets) == BASE | {
        ("gdp", T, "growth", 6, "exact"), ("城乡居民收入倍差", T, "task", None, None),
        ("energy_saving", T, "task", None, None)}


def test_a_plan_reports_review_against_the_plan_its_targets_works_and_a_tables_growth_cells():
    text = (PLAN + "——经济保持较快增长。全市生产总值年度计划增长7.5%—8%，预计完成7.5%左右，总量达到3700亿元左右；"
            "规模以上工业增加值计划增长8.5%左右，预计增长7.3%。\n\n二、2025年主要预期目标\n\n"
            "2025年全市经济社会发展主要预期目标建议如下：\n1.经济增长目标。地区生产总值增长5%左右。\n"
            "2.投资目标。固定资产投资增长8%。全年计划实施500万元以上项目260个，年度计划投资182亿元。\n")
    review = {("gdp", A, "value", (3700, "亿元"), "about"), ("gdp", A, "growth", 7.5, "about"),
              ("industrial_value_added", A, "growth", 7.3, "exact")}
    assert _extract(text) == review | {("gdp", T, "growth", 5, "about"), ("fixed_asset_investment", T, "growth", 8, "exact")}
    table = ("2025年全市经济社会发展主要预期目标如下表：\n\n| 类别 | 指标 | 2025年预期目标 |\n| --- | --- | --- |\n"
             "| 经济发展 | 社会消费品零售总额 | 增长8%左右 |\n| 经济发展 | 一般公共预算收入 | 下降2% |\n"
             "| 生态环境 | 空气质量优良天数比例 | 88%以上 |\n")
    assert _extract(text[:text.index("2025年全市经济社会发展主要预期目标建议如下")] + table) == review | {
        ("retail_sales", T, "growth", 8, "about"), ("public_budget_revenue", T, "growth", -2, "exact"),
        ("air_quality_good_rate", T, "value", (88, "%"), "at_least")}


@pytest.mark.parametrize("name, rid", [("黔西南州", "qianxinan"), ("湘西州", "xiangxi"), ("黔西南布依族苗族自治州", "qianxinan")])
def test_an_autonomous_prefecture_by_the_short_name_its_reports_use(name, rid):
    text = (f"政府工作报告\n\n——2017年1月9日在{name}第十届人民代表大会第一次会议上\n\n各位代表：现在，我代表州人民政府，"
            "向大会报告工作。\n\n一、2016年工作回顾\n\n全年地区生产总值增长12.8%，规模以上工业增加值增长11.5%。\n\n"
            "二、2017年工作安排\n\n今年全州经济社会发展的主要预期目标是：地区生产总值增长12%左右。\n")
    result = extract(text, Store())
    assert (result.region, result.actual_year, result.target_year) == (rid, 2016, 2017)


def test_a_prefectures_administration_reports_to_its_peoples_congress_working_committee():
    text = ("政府工作报告\n\n——2020年1月9日在阿克苏地区人大工委全体（扩大）会议上\n\n"
            "各位代表：\n\n现在，我代表地区行署向大会报告工作。\n\n一、2019年工作回顾\n\n"
            "全地区生产总值突破1000亿元大关，达到1022.3亿元，增长7.8%；固定资产投资增长8.2%。\n\n"
            "二、2020年工作安排\n\n主要预期目标是：地区生产总值增长7%左右。\n")
    result = extract(text, Store())
    assert (result.region, result.actual_year, result.target_year) == ("akesu", 2019, 2020)
    for head in ("大兴安岭地区行政公署工作报告\n\n", "政府工作报告\n\n大兴安岭地区行政公署专员\n\n"):
        assert read_header(head + "各位代表：\n").region_name == "大兴安岭地区"
    assert {fact_tuple(f) for r in result.records for f in _facts(r)} == {
        ("gdp", A, "value", (1022.3, "亿元"), "exact"), ("gdp", A, "growth", 7.8, "exact"),
        ("fixed_asset_investment", A, "growth", 8.2, "exact"), ("gdp", T, "growth", 7, "about")}


def test_a_five_year_plans_goal_among_the_targets_and_environmental_quality_set_with_the_energy_task():
    def read(targets: str) -> set[tuple]:  # the years read from the text: the flags would date every clause
        result = extract(HEAD + SUMMARY + "\n\n二、2025年工作安排\n\n" + targets + "\n", Store(), region="somewhere")
        return {fact_tuple(f) for r in result.records for f in _facts(r)}

    targets = ("今年的主要预期目标是：地区生产总值增长6%；完成省下达的节能减排降碳和环境质量目标任务。"
               "“十四五”期间，力争地区生产总值突破2000亿元。")
    assert read(targets) == BASE | {("gdp", T, "growth", 6, "exact"), ("energy_saving", T, "task", None, None)}
    # not the plan's years said as this year's place in them
    targets = "今年是“十四五”时期开局之年，主要预期目标是：地区生产总值增长6%；完成省下达的节能减排和大气、水环境质量改善目标任务。"
    assert read(targets) == BASE | {("gdp", T, "growth", 6, "exact"), ("energy_saving", T, "task", None, None)}


def test_a_districts_own_local_revenue():
    summary = SUMMARY + "区级地方财政收入112.9亿元，增长15.3%。"
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {
        ("local_budget_revenue", A, "value", (112.9, "亿元"), "exact"),
        ("local_budget_revenue", A, "growth", 15.3, "exact"), ("gdp", T, "growth", 6, "exact")}


def test_poverty_targets_counted_before_what_they_count():
    targets = ("今年的主要预期目标是：地区生产总值增长6%，实现1.15万贫困人口脱贫、58个贫困村退出，4个贫困县脱贫摘帽，"
               "退出贫困村40个，减少农村贫困人口1.5万人，实现3260名建档立卡贫困人口脱贫。")
    assert _read(SUMMARY + "全年62个贫困村退出。", targets) == BASE | {
        ("gdp", T, "growth", 6, "exact"), ("贫困村退出", T, "value", (58, "个"), "exact"),
        ("建档立卡贫困人口脱贫", T, "value", (3260, "名"), "exact"),
        ("贫困县脱贫摘帽", T, "value", (4, "个"), "exact"), ("退出贫困村", T, "value", (40, "个"), "exact"),
        ("减少农村贫困人口", T, "value", (1.5, "万人"), "exact")}


def test_a_short_name_before_environmental_quality_is_part_of_the_energy_task_and_a_recovery_is_a_task():
    targets = ("今年的主要预期目标是：地区生产总值增长6%，社会消费品零售总额恢复性增长，"
               "完成上级下达的节能减排和大气、水环境质量约束性指标任务。")
    assert _read(SUMMARY, targets) == BASE | {("gdp", T, "growth", 6, "exact"), ("retail_sales", T, "task", None, None),
                                              ("energy_saving", T, "task", None, None)}


def test_a_target_that_stops_a_fall_then_names_its_growth_and_incomes_rising_steadily():
    targets = ("今年的主要预期目标是：地区生产总值增长6%，固定资产投资止跌回稳，增长1%以上，居民人均可支配收入稳步增长，"
               "区级公共财政预算收入增长8%。")
    assert _read(SUMMARY, targets) == BASE | {
        ("gdp", T, "growth", 6, "exact"), ("fixed_asset_investment", T, "growth", 1, "at_least"),
        ("disposable_income", T, "task", None, None), ("public_budget_revenue", T, "growth", 8, "exact")}


def test_a_corps_division_and_its_city_their_farms_incomes_and_dashed_labels_with_last_years_plan():
    text = ("关于第八师石河子市2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告\n\n"
            "一、2022年国民经济和社会发展计划执行情况\n\n"
            "预计全师市生产总值完成917.3亿元，增长6.2%；师市全年实现一般公共预算收入51.26亿元，增长4.8%。\n\n"
            "——固定资产投资。年度计划增长10%，预计完成412.6亿元，增长3.7%。\n\n"
            "——居民收入。年度计划城镇、连队常住居民人均可支配收入分别增长8%和8.5%，预计分别达到46830元和28615元，"
            "分别增长5.2%和6.9%。\n\n"
            "二、2023年主要预期目标\n\n生产总值增长7%左右；城镇、连队常住居民人均可支配收入增长与经济增长基本同步。\n")
    result = extract(text, Store())
    assert result.region == "shihezi"
    assert {fact_tuple(f) for r in result.records for f in _facts(r)} == {
        ("gdp", A, "value", (917.3, "亿元"), "exact"), ("gdp", A, "growth", 6.2, "exact"),
        ("public_budget_revenue", A, "value", (51.26, "亿元"), "exact"), ("public_budget_revenue", A, "growth", 4.8, "exact"),
        ("fixed_asset_investment", A, "value", (412.6, "亿元"), "exact"),
        ("fixed_asset_investment", A, "growth", 3.7, "exact"),
        ("urban_disposable_income", A, "value", (46830, "元"), "exact"),
        ("urban_disposable_income", A, "growth", 5.2, "exact"),
        ("rural_disposable_income", A, "value", (28615, "元"), "exact"),
        ("rural_disposable_income", A, "growth", 6.9, "exact"), ("gdp", T, "growth", 7, "about"),
        ("urban_disposable_income", T, "task", None, None), ("rural_disposable_income", T, "task", None, None)}


def test_the_whole_years_growth_after_that_of_its_first_months():
    summary = SUMMARY.replace("规上工业增加值增长7%", "1—11月规模以上工业增加值增长8.9%，全年增长7%")
    assert _read(summary, "今年的主要预期目标是：地区生产总值增长6%。") == BASE | {("gdp", T, "growth", 6, "exact")}


def test_a_results_table_with_a_column_of_growths_beside_that_of_levels():
    table = ("| 指标 | 单位 | 年度计划 | 预计完成 | 增长（%） | “十四五”年均增长 |\n| --- | --- | --- | --- | --- | --- |\n"
             "| 地区生产总值 | 亿元 | 增长8% | 917.3 | 6.2 | 7 |\n| 规模以上工业增加值 | 亿元 | 增长9% | — | 8.4 | 9 |\n"
             "| 社会消费品零售总额 | 亿元 | 增长9% | 118.5 | -4.1 | 8 |\n| 城镇调查失业率 | % | 5.5以内 | — | — | 5.5以内 |\n")
    text = PLAN + "主要指标完成情况见下表。\n\n" + table + "\n二、2025年主要预期目标\n\n地区生产总值增长7%左右。\n"
    assert _extract(text) == {
        ("gdp", A, "value", (917.3, "亿元"), "exact"), ("gdp", A, "growth", 6.2, "exact"),
        ("industrial_value_added", A, "growth", 8.4, "exact"), ("retail_sales", A, "value", (118.5, "亿元"), "exact"),
        ("retail_sales", A, "growth", -4.1, "exact"), ("gdp", T, "growth", 7, "about")}
