"""The write commands: init, record, target, indicator/region/source add, validate, fmt, vintages,
canonical form and hostile text."""

from __future__ import annotations

import csv
import difflib
import io
import json
import tomllib

import pytest

from csplan.store import dumps, load

REPORT_SOURCE = "cangshan-2024-plan"  # the Cangshan report, delivered 2024-12-25


def figures(path, indicator, kind=None, year=None):
    return [f for f in load(path).figures
            if f.indicator == indicator and (kind is None or f.kind == kind) and (year is None or f.year == year)]


def one_line(result) -> str:
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


# --- init -------------------------------------------------------------------------------------


def test_init_creates_an_empty_valid_store_and_never_overwrites(cli, tmp_path):
    path = tmp_path / "new.toml"
    result = cli("--store", path, "init")
    assert result.exit_code == 0 and result.stdout == ""
    assert "created" in result.stderr
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {"schema": 1}
    assert cli("--store", path, "validate").exit_code == 0
    assert path.stat().st_mode & 0o444 == 0o444
    path.write_text(path.read_text() + "\n# mine\n", encoding="utf-8")
    before = path.read_bytes()
    assert cli("--store", path, "init").exit_code == 3
    assert path.read_bytes() == before


def test_init_without_store_creates_the_users_store_and_never_the_bundled_one(cli, bundled, tmp_path,
                                                                             monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    before = bundled.read_bytes()
    result = cli("init")
    assert result.exit_code == 0, result.stderr
    mine = tmp_path / "data" / "csplan" / "indicators.toml"
    assert mine.read_text(encoding="utf-8") == "schema = 1\n"
    again = cli("init")
    assert again.exit_code == 3 and "already exists" in again.stderr
    assert bundled.read_bytes() == before


# --- record and target --------------------------------------------------------------------------


def test_record_uses_the_only_region_and_source_and_the_defaults(cli, store_copy):
    result = cli("--store", store_copy, "record", "gdp", "2025", "--growth", "5.6")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "recorded actual gdp 2025" in one_line(result) and "增长 5.6%" in result.stderr
    [f] = figures(store_copy, "gdp", "actual", 2025)
    assert (f.region, f.source, f.metric, f.growth, f.unit, f.qualifier, f.status, f.value) == (
        "cangshan", REPORT_SOURCE, "growth", 5.6, "%", "exact", "reported", None)
    assert f.quote == ""


def test_record_value_takes_the_indicator_unit_and_keeps_the_number_as_typed(cli, store_copy):
    assert cli("--store", store_copy, "record", "地区生产总值", "2025", "--value", "1175", "--growth", "5.9",
               "--status", "预计", "--qualifier", "约").exit_code == 0
    [f] = figures(store_copy, "gdp", "actual", 2025)
    assert f.value == 1175 and isinstance(f.value, int)
    assert (f.unit, f.growth, f.status, f.qualifier) == ("亿元", 5.9, "estimate", "about")
    assert cli("--store", store_copy, "value", "gdp", "2025").stdout == "1175\n"


def test_record_with_a_quote_stores_it_verbatim(cli, store_copy):
    quote = "全年地区生产总值 1175 亿元，增长 5.9%"
    assert cli("--store", store_copy, "record", "gdp", "2025", "--value", "1175", "--growth", "5.9",
               "--quote", quote).exit_code == 0
    assert figures(store_copy, "gdp", "actual", 2025)[0].quote == quote


def test_recording_the_same_figure_from_the_same_source_replaces_it_and_says_so(cli, store_copy):
    n = len(load(store_copy).figures)
    cli("--store", store_copy, "record", "gdp", "2025", "--growth", "5.4")
    result = cli("--store", store_copy, "record", "gdp", "2025", "--growth", "5.6")
    assert result.exit_code == 0
    assert "replaced" in one_line(result) and "5.4" in result.stderr and "5.6" in result.stderr
    assert [f.growth for f in figures(store_copy, "gdp", "actual", 2025)] == [5.6]
    assert len(load(store_copy).figures) == n + 1
    again = cli("--store", store_copy, "record", "gdp", "2025", "--growth", "5.6")
    assert "unchanged" in again.stderr


def test_the_report_figure_is_replaced_in_place_by_the_same_source(cli, store_copy):
    """The report's 2024 GDP is 1110 亿元 (预计); the same source corrected keeps one figure."""
    assert cli("--store", store_copy, "record", "gdp", "2024", "--value", "1111", "--growth", "5.8",
               "--status", "estimate", "--source", REPORT_SOURCE).exit_code == 0
    assert [(f.value, f.growth) for f in figures(store_copy, "gdp", "actual", 2024)] == [(1111, 5.8)]


def test_target_kinds(cli, store_copy):
    run = lambda *a: cli("--store", store_copy, "target", *a)  # noqa: E731
    assert run("gdp", "2026", "--growth", "5", "--qualifier", "左右").exit_code == 0
    assert run("gdp", "2026", "--value", "1230").exit_code == 0
    task = "完成市下达的节能减排目标任务"
    assert run("gdp", "2027", "--task", task).exit_code == 0
    got = {(f.year, f.metric): f for f in figures(store_copy, "gdp", "target")}
    assert (got[2026, "growth"].growth, got[2026, "growth"].qualifier, got[2026, "growth"].unit) == (5, "about", "%")
    assert (got[2026, "value"].value, got[2026, "value"].unit) == (1230, "亿元")
    assert got[2027, "task"].quote == task and got[2027, "task"].value is None
    assert all(f.status is None for f in got.values())


def test_rank_target_and_actual_and_task_verdict(cli, store_copy):
    """The report's rank target: 高新技术企业 数量 保持全市前3 (2025); its task target: 外贸 (2025)."""
    run = lambda *a: cli("--store", store_copy, *a)  # noqa: E731
    assert run("record", "high_tech_firms", "2025", "--rank", "2").exit_code == 0
    assert run("record", "trade", "2025", "--not-done").exit_code == 0
    assert run("target", "high_tech_firms", "2026", "--rank", "3", "--qualifier", "at_most").exit_code == 0
    got = {(f.kind, f.year, f.metric): f for f in figures(store_copy, "high_tech_firms")}
    assert (got["target", 2025, "rank"].value, got["target", 2025, "rank"].qualifier) == (3, "at_most")
    assert (got["target", 2026, "rank"].value, got["target", 2026, "rank"].qualifier) == (3, "at_most")
    assert got["actual", 2025, "rank"].value == 2 and got["actual", 2025, "rank"].unit is None
    [verdict] = figures(store_copy, "trade", "actual", 2025)
    assert (verdict.metric, verdict.value) == ("task", 0)


def _two_regions(cli, path):
    assert cli("--store", path, "region", "add", "gulou", "--name", "福州市鼓楼区").exit_code == 0
    assert cli("--store", path, "source", "add", "gulou-2024-plan", "--title", "鼓楼区2024年计划报告",
               "--date", "2025-01-08", "--region", "福州市鼓楼区").exit_code == 0


def test_several_regions_need_a_choice_and_a_source_implies_its_region(cli, store_copy):
    _two_regions(cli, store_copy)
    result = cli("--store", store_copy, "record", "gdp", "2025", "--growth", "5")
    assert result.exit_code == 2
    assert "--region" in one_line(result) and "cangshan" in result.stderr and "gulou" in result.stderr
    assert cli("--store", store_copy, "record", "gdp", "2024", "--growth", "6.1",
               "--source", "gulou-2024-plan").exit_code == 0
    assert cli("--store", store_copy, "record", "gdp", "2023", "--growth", "5.2", "--region", "gulou").exit_code == 0
    got = {f.year: (f.region, f.source) for f in figures(store_copy, "gdp", "actual") if f.region == "gulou"}
    assert got == {2024: ("gulou", "gulou-2024-plan"), 2023: ("gulou", "gulou-2024-plan")}
    # The Cangshan figure of 2024 is untouched.
    assert [(f.value, f.growth) for f in figures(store_copy, "gdp", "actual", 2024) if f.region == "cangshan"] == [
        (1110, 5.8)]


# --- revisions --------------------------------------------------------------------------------


def test_a_later_report_adds_a_vintage_and_as_of_shows_what_was_known(cli, store_copy):
    assert cli("--store", store_copy, "source", "add", "cangshan-2025-plan", "--title", "仓山区2025年计划报告",
               "--date", "2025-12-20", "--region", "cangshan").exit_code == 0
    result = cli("--store", store_copy, "record", "gdp", "2024", "--value", "1113", "--growth", "5.9",
                 "--source", "cangshan-2025-plan")
    assert result.exit_code == 0
    assert "kept as an older vintage" in one_line(result) and REPORT_SOURCE in result.stderr
    assert len(figures(store_copy, "gdp", "actual", 2024)) == 2
    value = lambda *a: cli("--store", store_copy, "value", "gdp", "2024", *a).stdout.strip()  # noqa: E731
    assert value() == "1113"
    assert value("--as-of", "2025-06-30") == "1110"
    assert value("--as-of", "2025-12-20") == "1113"
    listed = json.loads(cli("--store", store_copy, "list", "--year", "2024", "--as-of", "2025-01-01",
                            "--format", "json").stdout)
    assert [r["value"] for r in listed if r["indicator"] == "gdp"] == [1110]
    shown = json.loads(cli("--store", store_copy, "show", "gdp", "--year", "2024", "--format", "json").stdout)
    assert [(r["value"], r["source"]) for r in shown] == [(1113, "cangshan-2025-plan")]
    history = json.loads(cli("--store", store_copy, "show", "gdp", "--year", "2024", "--history",
                             "--format", "json").stdout)
    assert sorted((r["value"], r["source"]) for r in history) == [(1110, REPORT_SOURCE), (1113, "cangshan-2025-plan")]


def test_an_older_report_recorded_later_does_not_become_current(cli, store_copy):
    assert cli("--store", store_copy, "source", "add", "midyear-2024", "--title", "仓山区2024年上半年报告",
               "--date", "2024-07-20", "--region", "cangshan").exit_code == 0
    result = cli("--store", store_copy, "record", "gdp", "2024", "--value", "540", "--source", "midyear-2024")
    assert "stays current" in result.stderr
    assert cli("--store", store_copy, "value", "gdp", "2024").stdout == "1110\n"


# --- indicators, regions, sources -------------------------------------------------------------


def test_indicator_add_then_show_by_alias(cli, store_copy):
    result = cli("--store", store_copy, "indicator", "add", "unemployment", "--name", "城镇调查失业率",
                 "--unit", "%", "--name-en", "Surveyed urban unemployment rate", "--alias", "失业率",
                 "--alias", "unemployment rate", "--category", "livelihood", "--lower-is-better")
    assert result.exit_code == 0 and "added indicator unemployment" in result.stderr
    ind = load(store_copy).indicators["unemployment"]
    assert (ind.name, ind.unit, ind.better, ind.category, ind.aliases) == (
        "城镇调查失业率", "%", "lower", "livelihood", ["失业率", "unemployment rate"])
    assert cli("--store", store_copy, "target", "失业率", "2025", "--value", "5.5", "--qualifier", "以内").exit_code == 0
    rec = json.loads(cli("--store", store_copy, "show", "unemployment rate", "--format", "json").stdout)
    assert [(r["value"], r["unit"], r["qualifier"], r["better"]) for r in rec] == [(5.5, "%", "at_most", "lower")]


def test_new_tables_go_after_the_existing_ones(cli, store_copy):
    cli("--store", store_copy, "region", "add", "gulou", "--name", "福州市鼓楼区")
    cli("--store", store_copy, "indicator", "add", "zzz", "--name", "新指标")
    store = load(store_copy)
    assert list(store.regions) == ["cangshan", "gulou"]
    assert list(store.indicators)[-1] == "zzz" and list(store.indicators)[0] == "gdp"


# --- canonical form ---------------------------------------------------------------------------


def test_recording_one_figure_changes_only_that_figures_lines(cli, store_copy):
    old = store_copy.read_text(encoding="utf-8").splitlines()
    assert cli("--store", store_copy, "record", "retail_sales", "2025", "--value", "700", "--growth", "4.2",
               "--quote", "社会消费品零售总额 700 亿元，增长 4.2%").exit_code == 0
    new = store_copy.read_text(encoding="utf-8").splitlines()
    diff = [d for d in difflib.ndiff(old, new) if d[:1] in "+-"]
    assert not any(d.startswith("-") for d in diff)
    added = [d[2:] for d in diff]
    assert sorted(line for line in added if not line.strip() or line.startswith("[[")) == ["", "[[observations]]"]
    table = tomllib.loads("\n".join(line for line in added if line.strip() and not line.startswith("[[")))
    assert table == {"indicator": "retail_sales", "region": "cangshan", "year": 2025, "metric": "value",
                     "value": 700, "unit": "亿元", "growth": 4.2, "qualifier": "exact", "status": "reported",
                     "source": REPORT_SOURCE, "quote": "社会消费品零售总额 700 亿元，增长 4.2%"}
    # One block of consecutive lines.
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    assert len([op for op in matcher.get_opcodes() if op[0] != "equal"]) == 1


def test_replacing_a_figure_changes_only_its_changed_lines(cli, store_copy):
    old = store_copy.read_text(encoding="utf-8").splitlines()
    assert cli("--store", store_copy, "record", "gdp", "2024", "--value", "1110", "--growth", "5.7",
               "--status", "estimate", "--quote", "预计，全年地区生产总值 1110 亿元，增长 5.8%").exit_code == 0
    new = store_copy.read_text(encoding="utf-8").splitlines()
    diff = [d for d in difflib.unified_diff(old, new, lineterm="", n=0) if d[:1] in "+-" and d[:3] not in ("+++", "---")]
    assert diff == ["-growth = 5.8", "+growth = 5.7"]


NON_CANONICAL = """\
# a comment that the canonical form does not keep
schema = 1
[[regions]]
name = "某区"
id = "r1"
[[sources]]
title = "报告"
id = "s1"
date = 2024-12-25
[[indicators]]
id = "gdp"
name = "地区生产总值"
better = "higher"
unit = "亿元"
[[targets]]
indicator = "gdp"
region = "r1"
year = 2025
metric = "growth"
growth = 5.5
unit = "%"
qualifier = "exact"
source = "s1"
quote = "增长5.5%"
[[observations]]
quote = "地区生产总值 1110 亿元"
indicator = "gdp"
region = "r1"
year = 2024
metric = "value"
value = 1110
unit = "亿元"
qualifier = "exact"
status = "estimate"
source = "s1"
"""


def test_fmt_check_fmt_and_idempotence(cli, tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(NON_CANONICAL, encoding="utf-8")
    check = cli("--store", path, "fmt", "--check")
    assert check.exit_code == 1 and "s.toml:1:" in one_line(check) and "fmt" in check.stderr
    assert path.read_text(encoding="utf-8") == NON_CANONICAL
    before = tomllib.loads(NON_CANONICAL)
    assert cli("--store", path, "fmt").exit_code == 0
    once = path.read_text(encoding="utf-8")
    after = tomllib.loads(once)
    assert "#" not in once
    assert once.index("[[sources]]") < once.index("[[regions]]") < once.index("[[indicators]]") \
        < once.index("[[observations]]") < once.index("[[targets]]")
    assert after["sources"] == [{"id": "s1", "title": "报告", "date": "2024-12-25"}]
    assert after["observations"] == before["observations"] and after["targets"] == before["targets"]
    assert list(after["observations"][0]) == ["indicator", "region", "year", "metric", "value", "unit",
                                              "qualifier", "status", "source", "quote"]
    assert cli("--store", path, "fmt", "--check").exit_code == 0
    assert cli("--store", path, "fmt").exit_code == 0
    assert path.read_text(encoding="utf-8") == once


def test_the_bundled_store_is_canonical_and_valid(cli, bundled):
    assert cli("--store", bundled, "fmt", "--check").exit_code == 0
    result = cli("--store", bundled, "validate")
    assert result.exit_code == 0 and result.stdout == "" and "valid" in result.stderr


def test_validate_lists_every_problem_with_its_line(cli, tmp_path):
    text = NON_CANONICAL.replace('region = "r1"\nyear = 2025', 'region = "r2"\nyear = 2025').replace(
        'status = "estimate"', 'status = "guess"').replace('value = 1110', 'value = nan')
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    tgt = lines.index("[[targets]]") + 1
    obs = lines.index("[[observations]]") + 1
    result = cli("--store", path, "validate")
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert len(out) == 3
    assert any(f"s.toml:{tgt}:" in o and "unknown region 'r2'" in o for o in out)
    assert any(f"s.toml:{obs}:" in o and "unknown status 'guess'" in o for o in out)
    assert any(f"s.toml:{obs}:" in o and "not a finite number" in o for o in out)
    assert "3 problems" in result.stderr


# --- hostile text -----------------------------------------------------------------------------

HOSTILE_NAME = "[bold red]警告[/bold red]\x1b[31m红\x07"
HOSTILE_QUOTE = "第一行\n第二行 [link=file:///etc/passwd]点我[/link] \x1b]8;;x\x1b\\ \u202e倒序, \"引号\"\t制表 \\n"


@pytest.fixture
def hostile(cli, store_copy):
    assert cli("--store", store_copy, "indicator", "add", "hostile", "--name", HOSTILE_NAME, "--unit", "个").exit_code == 0
    result = cli("--store", store_copy, "record", "hostile", "2024", "--value", "3", "--quote", HOSTILE_QUOTE)
    assert result.exit_code == 0
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    return store_copy


def test_hostile_text_is_stored_exactly(hostile):
    ind = load(hostile).indicators["hostile"]
    assert ind.name == HOSTILE_NAME
    assert figures(hostile, "hostile")[0].quote == HOSTILE_QUOTE


def test_hostile_text_prints_literally_in_tables(cli, hostile):
    out = cli("--store", hostile, "show", "hostile").stdout
    assert "[bold red]警告[/bold red]" in out
    assert "[link=file:///etc/passwd]点我[/link]" in out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b[31m" in out and "\\n" in out
    listed = cli("--store", hostile, "list").stdout
    assert "\x1b" not in listed and "[bold red]警告[/bold red]" in listed


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_hostile_text_keeps_one_record_a_line_and_imports_back_exactly(cli, hostile, tmp_path, fmt):
    out = cli("--store", hostile, "list", "--format", fmt).stdout
    n = len(load(hostile).figures)
    assert out.count("\n") == n + 1
    assert "\x1b" not in out and "\u202e" not in out
    rows = list(csv.DictReader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
    assert len(rows) == n
    new = tmp_path / "new.toml"
    cli("--store", new, "init")
    file = tmp_path / f"all.{fmt}"
    file.write_text(out, encoding="utf-8")
    assert cli("--store", new, "import", file).exit_code == 0
    assert load(new).indicators["hostile"].name == HOSTILE_NAME
    assert figures(new, "hostile")[0].quote == HOSTILE_QUOTE


def test_hostile_text_in_messages_is_escaped(cli, hostile):
    result = cli("--store", hostile, "indicator", "add", "hostile", "--name", HOSTILE_NAME)
    assert result.exit_code == 3 and "\x1b" not in result.stderr
    bad = cli("--store", hostile, "record", "\x1b[2J", "2024", "--value", "1")
    assert bad.exit_code != 0 and "\x1b" not in bad.stderr and bad.stderr.count("\n") == 1


def test_dumps_of_the_store_is_what_is_on_disk_after_a_write(cli, store_copy):
    cli("--store", store_copy, "record", "gdp", "2025", "--growth", "5.5")
    assert dumps(load(store_copy)) == store_copy.read_text(encoding="utf-8")


# --- the README's walk-through ----------------------------------------------------------------
