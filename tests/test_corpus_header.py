"""The years, kind and region a report gives of itself (extract/header.py), read with no flag.

Every text of ../shared/corpus is checked against its README, not against what extract printed
before: a report delivered in year Y (the README's year) reports on Y - 1 and plans Y; its region
is the README's region, or that region's last part for a district or county (海拉尔区 of
内蒙古呼伦贝尔市海拉尔区: a report names itself by its own name, not always its city's); the region
id is readable ASCII, the start of the file's region word (changsha-…, huangshanqu-…), never a
hash; the source id names the kind and the year (changsha-2024-gwr). The corpus's first line
(`# source: …`) is not part of a report: the header reads alike without it.

Small texts written here cover the phrasings the corpus lacks.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, unavailable

from csplan.extract import extract, read_header
from csplan.extract.header import read_file_name, region_id
from csplan.model import CsplanError, Store

CORPUS = ROOT.parent / "shared" / "corpus"


def _readme() -> dict[str, dict]:
    """file → {region, level, year, kind}, from the corpus README's table."""
    readme = CORPUS / "README.md"
    if not readme.is_file():
        unavailable("needs ../shared/corpus/README.md")
    rows = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and cells[0].endswith(".txt"):
            region = re.sub(r"\s*\(.*\)$", "", cells[1])
            rows[cells[0]] = {"region": region, "level": cells[2], "year": int(cells[3]), "kind": cells[4]}
    return rows


# The corpus's files, as its README lists them (23 government work reports).
FILES = [
    "anhui-2025-government-work-report.txt", "changsha-2024-government-work-report.txt",
    "changzhi-2024-government-work-report.txt", "chizhou-2023-government-work-report.txt",
    "chongqing-2026-government-work-report.txt", "gansu-2026-government-work-report.txt",
    "guangxi-2026-government-work-report.txt", "guizhou-2025-government-work-report.txt",
    "haerbin-2024-government-work-report.txt", "hailaerqu-2015-government-work-report.txt",
    "hailaerqu-2017-government-work-report.txt", "hailaerqu-2019-government-work-report.txt",
    "huangshanqu-2024-government-work-report.txt", "huhehaote-2024-government-work-report.txt",
    "jiangsu-2025-government-work-report.txt", "jiangsu-2026-government-work-report.txt",
    "leshan-2024-government-work-report.txt", "nantong-2024-government-work-report.txt",
    "wuhu-2024-government-work-report.txt", "yichang-2024-government-work-report.txt",
    "yinchuan-2024-government-work-report.txt", "zhejiang-2026-government-work-report.txt",
    "zunyi-2024-government-work-report.txt",
]


def _corpus_text(name: str) -> str:
    path = CORPUS / name
    if not path.is_file():
        unavailable(f"needs ../shared/corpus/{name}")
    return path.read_text(encoding="utf-8")


def _expected(name: str) -> dict:
    row = _readme().get(name)
    assert row is not None, f"{name} is not in the corpus README"
    return row


def _own_name(row: dict) -> str:
    """What a report calls its region: the README's region, for a district or county its part
    after the city (安徽省黄山市黄山区 → 黄山区)."""
    if row["level"] in ("district", "county"):
        return re.split(r"市", row["region"])[-1]
    return row["region"]


def test_the_readme_lists_every_file():
    assert sorted(_readme()) == sorted(FILES)


@pytest.mark.parametrize("name", FILES)
def test_a_corpus_report_gives_its_years_region_and_kind_with_no_flag(name):
    text, row = _corpus_text(name), _expected(name)
    r = extract(text, Store())
    year = row["year"]
    assert (r.actual_year, r.target_year) == (year - 1, year)
    assert r.region_name and row["region"].endswith(r.region_name) and r.region_name.endswith(_own_name(row))
    assert re.fullmatch(r"[a-z]+(?:_[a-z]+)?", r.region) and not r.region.startswith("region")
    assert name.split("-")[0].startswith(r.region)
    assert row["kind"] == "government-work-report" and r.header.kind == "gwr"
    assert r.source == f"{r.region}-{year}-gwr"
    assert r.records and {x["source"] for x in r.records} == {r.source}
    assert {x["year"] for x in r.records} <= {year - 1, year}


@pytest.mark.parametrize("name", FILES)
def test_the_source_line_of_the_corpus_changes_nothing(name):
    text = _corpus_text(name)
    assert text.startswith("# source: ")
    assert read_header(text) == read_header(text.split("\n", 1)[1])


@pytest.mark.parametrize("name", ["changsha-2024-government-work-report.txt",
                                  "hailaerqu-2015-government-work-report.txt",
                                  "gansu-2026-government-work-report.txt"])
def test_the_command_extracts_a_corpus_report_with_no_flag(cli, name):
    _corpus_text(name)
    row = _expected(name)
    res = cli("extract", CORPUS / name, "--format", "json")
    assert res.exit_code == 0, res.stderr
    records = json.loads(res.stdout)
    assert records
    regions = {r["region"] for r in records}
    assert len(regions) == 1 and name.split("-")[0].startswith(regions.pop())
    assert {r["source"].rsplit("-", 2)[1:] == [str(row["year"]), "gwr"] for r in records} == {True}
    assert {r["year"] for r in records} <= {row["year"] - 1, row["year"]}


# --- phrasings the corpus lacks ------------------------------------------------------------------

SUMMARY = "预计全年地区生产总值增长5%，固定资产投资增长3%。\n\n"
TARGETS = "主要预期目标是：地区生产总值增长6%左右。\n"


def test_a_plan_report_title_with_two_years():
    text = ("关于某某县2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告\n\n"
            "——2025年1月8日在某某县第十九届人民代表大会第五次会议上\n\n某某县发展和改革局\n\n各位代表：\n\n"
            "受县人民政府委托，现将计划执行情况和计划草案提请审议。\n\n" + SUMMARY + "2025年" + TARGETS)
    r = extract(text, Store())
    assert (r.actual_year, r.target_year, r.header.kind, r.header.years_from) == (2024, 2025, "plan", "title")
    assert (r.region, r.region_name, r.source) == ("moumou", "某某县", "moumou-2024-plan")


def test_a_plan_report_with_only_its_draft_named():
    title = extract("关于某某县2025年计划草案的报告\n\n" + SUMMARY + TARGETS, Store())
    assert (title.actual_year, title.target_year, title.source) == (2024, 2025, "moumou-2024-plan")
    heads = ("各位代表：\n\n受某某区人民政府委托，现将计划草案提请审议。\n\n一、计划执行情况\n\n" + SUMMARY
             + "二、2025年国民经济和社会发展计划草案\n\n" + TARGETS)
    r = extract(heads, Store())
    assert (r.actual_year, r.target_year, r.header.kind, r.header.years_from) == (2024, 2025, "plan", "section heads")
    assert (r.region_name, r.header.region_from, r.source) == ("某某区", "受…委托", "moumou-2024-plan")


def test_a_date_line_in_chinese_numerals():
    text = ("政府工作报告\n\n——二〇二四年一月十日在某某市第十届人民代表大会第三次会议上\n\n各位代表：\n\n"
            "现在，我代表市人民政府向大会报告工作。\n\n" + SUMMARY + "今年" + TARGETS)
    r = extract(text, Store())
    assert r.header.date == "2024-01-10"
    assert (r.actual_year, r.target_year, r.header.years_from) == (2023, 2024, "date")
    assert (r.region_name, r.header.region_from, r.source) == ("某某市", "meeting", "moumou-2024-gwr")


def test_a_date_line_of_the_month_alone_gives_the_years():
    text = ("政府工作报告\n——2024年1月在某某市第五届人民代表大会第四次会议上\n各位代表：现在，我代表市人民政府向大会报告工作。"
            + SUMMARY + "今年" + TARGETS)
    r = extract(text, Store())
    assert (r.actual_year, r.target_year, r.header.years_from) == (2023, 2024, "date")
    assert r.header.date is None and r.header.meeting == "某某市第五届人民代表大会第四次会议"


def test_this_year_with_the_date_it_was_delivered():
    text = ("——2025年2月10日在某某区第五届人民代表大会第四次会议上\n\n各位代表：\n\n"
            "过去一年，全区地区生产总值增长5%，固定资产投资增长3%。\n\n今年经济社会发展的" + TARGETS)
    r = extract(text, Store())
    assert (r.actual_year, r.target_year) == (2024, 2025)
    assert [x["year"] for x in r.records if x["kind"] == "target"] == [2025]
    december = extract(text.replace("2025年2月10日", "2025年12月20日").replace("今年", "明年"), Store())
    assert (december.actual_year, december.target_year) == (2025, 2026)


def test_last_year_and_this_year_with_no_date_ask_for_the_flags():
    text = "各位代表：\n\n去年全市地区生产总值增长5%，固定资产投资增长3%。\n\n今年" + TARGETS
    with pytest.raises(CsplanError, match="--actual-year"):
        extract(text, Store(), region="somewhere")
    r = extract(text, Store(), region="somewhere", actual_year=2023)
    assert (r.actual_year, r.target_year) == (2023, 2024)


@pytest.mark.parametrize("name, told", [
    ("anxi-2021-government-work-report.txt", ("anxi", "gwr", 2020, 2021)),
    ("reports/cangshan_2024_plan.md", ("cangshan", "plan", 2024, 2025)),
    ("jinjiang_chengdu-2020-gwr.pdf", ("jinjiang_chengdu", "gwr", 2019, 2020)),
    ("福州市仓山区2024年政府工作报告.docx", ("福州市仓山区", "gwr", 2023, 2024)),
    ("关于2024年国民经济和社会发展计划执行情况与2025年计划草案的报告.pdf", (None, "plan", 2024, 2025)),
    # no kind after the year, a kind word for a region, no year: the name tells nothing
    ("beijing-2024.txt", None), ("report-2024-plan.txt", None), ("gansu-government-work-report.txt", None),
    ("-", None)])
def test_what_a_file_name_tells_of_its_report(name, told):
    named = read_file_name(name)
    years = named.years(None)
    assert ((named.region, named.kind, *years) if years else None) == told


def test_an_excerpt_without_its_head_takes_region_and_years_from_its_files_name():
    text = "全市地区生产总值增长5%，固定资产投资增长3%。\n\n" + TARGETS
    with pytest.raises(CsplanError, match="--region"):
        extract(text, Store(), actual_year=2023)
    r = extract(text, Store(), file_name="lishui-2024-government-work-report.txt")
    assert (r.region, r.actual_year, r.target_year, r.source) == ("lishui", 2023, 2024, "lishui-2024-gwr")
    assert any("file's name" in n for n in r.notes)
    plan = extract(text, Store(), file_name="lishui-2023-plan-report.txt")
    assert (plan.actual_year, plan.target_year, plan.source) == (2023, 2024, "lishui-2023-plan")
    # what the text says comes first
    dated = extract("——2019年1月15日在某某市第十六届人民代表大会第二次会议上\n\n各位代表：\n\n" + text, Store(),
                    file_name="lishui-2024-government-work-report.txt")
    assert (dated.region, dated.actual_year, dated.target_year) == ("moumou", 2018, 2019)  # 某某市


def test_last_year_with_a_date_line():
    text = ("——2024年1月15日在某某市第十六届人民代表大会第二次会议上\n\n各位代表：\n\n"
            "去年全市地区生产总值增长5%，固定资产投资增长3%。\n\n今年" + TARGETS)
    r = extract(text, Store())
    assert (r.actual_year, r.target_year) == (2023, 2024)


def test_the_year_just_past_and_the_targets_heading():
    past = extract("各位代表：\n\n刚刚过去的2023年，全市地区生产总值增长5%，固定资产投资增长3%。\n\n今年" + TARGETS,
                   Store(), region="somewhere")
    assert (past.actual_year, past.target_year, past.header.years_from) == (2023, 2024, "year just past")
    heading = extract("各位代表：\n\n" + SUMMARY + "2026年全市经济社会发展" + TARGETS, Store(), region="somewhere")
    assert (heading.actual_year, heading.target_year, heading.header.years_from) == (2025, 2026, "targets heading")
    done = "各位代表：\n\n2025年主要预期目标较好完成。\n\n" + SUMMARY + "今年" + TARGETS
    assert read_header(done).target_year is None
    above = "各位代表：\n\n2025年地区生产总值增长5.5%，高于预期目标0.5个百分点。\n\n今年" + TARGETS
    assert read_header(above).target_year is None


def test_section_heads_of_review_and_plan():
    text = ("各位代表：\n\n现在，我代表区人民政府向大会报告工作。\n\n一、2022年工作回顾\n\n" + SUMMARY
            + "今年，我们继续努力。\n\n二、2023年工作安排\n\n" + TARGETS)
    h = read_header(text)
    assert (h.actual_year, h.target_year, h.years_from, h.kind) == (2022, 2023, "section heads", "gwr")


def test_the_flags_override_what_the_report_says():
    text = "2025年某某市政府工作报告\n\n各位代表：\n\n" + SUMMARY + "今年" + TARGETS
    r = extract(text, Store(), target_year=2030)
    assert (r.actual_year, r.target_year) == (2029, 2030)
    assert extract(text, Store()).target_year == 2025


def test_a_source_line_is_not_the_title():
    text = ("# source: someone/reports/2019年某某市政府工作报告.docx\n各位代表：\n\n"
            "现在，我代表市人民政府向大会报告工作。\n\n一、2023年工作回顾\n\n" + SUMMARY + "二、2024年工作安排\n\n" + TARGETS)
    h = read_header(text)
    assert (h.title, h.actual_year, h.target_year) == (None, 2023, 2024)


# --- the region ----------------------------------------------------------------------------------


def test_the_region_from_a_signature_line_and_from_we_speak_for():
    signed = read_header("2026年政府工作报告\n\n浙江省省长 刘捷\n\n各位代表：\n\n" + SUMMARY)
    assert (signed.region_name, signed.region_from) == ("浙江省", "signature")
    city = read_header("某某市人民政府市长  王某\n\n各位代表：\n\n" + SUMMARY)
    assert (city.region_name, city.region_from) == ("某某市", "signature")
    spoken = read_header("各位代表：\n\n现在，我代表海拉尔区人民政府向大会作工作报告。\n\n" + SUMMARY)
    assert (spoken.region_name, spoken.region_from) == ("海拉尔区", "我代表")


def test_the_region_from_the_name_the_text_gives_most_often():
    body = ("各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n\n一、2023年工作回顾\n\n"
            "长沙发展稳中有进，长沙经济总量迈上新台阶，株洲、湘潭协同发展，湖南全省领先。长沙答卷。\n\n"
            + SUMMARY + "二、2024年工作安排\n\n" + TARGETS)
    r = extract(body, Store())
    assert (r.region, r.region_name, r.header.region_from, r.source) == ("changsha", "长沙市", "text", "changsha-2024-gwr")
    tied = body.replace("长沙答卷", "株洲答卷，湘潭答卷，株洲").replace("长沙经济", "湘潭经济")
    with pytest.raises(CsplanError, match="--region"):
        extract(tied, Store())


def test_a_district_is_read_by_its_full_name():
    body = ("各位代表：\n\n现在，我代表区人民政府向大会报告工作。\n\n一、2023年工作回顾\n\n"
            "黄山区发展迈出新步伐；黄山区旅游持续向好；黄山区民生改善。黄山市示范区建设、景区、园区提质。\n\n"
            + SUMMARY + "二、2024年工作安排\n\n" + TARGETS)
    r = extract(body, Store())
    assert (r.region, r.region_name) == ("huangshanqu", "黄山区")


@pytest.mark.parametrize("name, rid", [
    ("长沙市", "changsha"), ("呼伦贝尔市海拉尔区", "hailaer"), ("内蒙古呼伦贝尔市海拉尔区", "hailaer"),
    ("黄山区", "huangshanqu"), ("安徽省黄山市黄山区", "huangshanqu"), ("吉林市", "jilinshi"), ("吉林省", "jilin"),
    ("苏州市", "suzhou_jiangsu"), ("宿州市", "suzhou_anhui"), ("城区", "chengqu"), ("广西壮族自治区", "guangxi"),
    ("重庆市", "chongqing"), ("恩施土家族苗族自治州", "enshi"), ("北京市朝阳区", "chaoyangqu"), ("朝阳市", "chaoyang"),
    ("福州市仓山区", "cangshan"), ("江苏省昆山市", "kunshan"), ("宾川县", "binchuan"), ("长治市", "changzhi"),
    ("西安市碑林区", "beilin"), ("神农架林区", "shennongjia"), ("天津市滨海新区", "binhai"),  # 碑林 is no 林区
])
def test_region_ids_are_readable(name, rid):
    assert region_id(name) == rid


def test_a_name_with_a_character_of_no_reading_keeps_a_stand_in():
    assert region_id("㐀㐁县") is None
    r = extract("关于㐀㐁县2024年计划执行情况的报告\n\n" + SUMMARY, Store())
    assert r.region.startswith("region-") and r.region_is_stand_in
