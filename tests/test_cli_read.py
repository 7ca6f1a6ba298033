"""The read commands: show, list, search, value, sources, the overview, formats and terminals."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys

import pytest

from csplan.cli import app
from csplan.records import KEYS

from conftest import on_terminal

ESC = "\x1b"


def one_error_line(r, code: int) -> str:
    """The exit code is `code`, stderr is one `csplan: …` line, and nothing went to stdout."""
    assert r.exit_code == code, (r.exit_code, r.stdout, r.stderr)
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("csplan: "), r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout == ""
    return lines[0]


def as_json(r) -> list[dict]:
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


# --- show -----------------------------------------------------------------------------------


def test_show_gdp_prints_the_figure_growth_and_status(cli):
    r = cli("show", "gdp")
    assert r.exit_code == 0, r.stderr
    row = next(line for line in r.stdout.splitlines() if line.lstrip().startswith("2024"))
    assert "1110 亿元" in row
    assert "+5.8 %" in row
    assert "预计" in row
    assert "预计，全年地区生产总值 1110 亿元，增长 5.8%" in row
    target = next(line for line in r.stdout.splitlines() if line.lstrip().startswith("2025"))
    assert "增长 5.5%" in target


def test_show_by_chinese_name_gives_the_same_record_as_by_id(cli):
    by_name = as_json(cli("show", "地区生产总值", "--format", "json"))
    assert by_name == as_json(cli("show", "gdp", "--format", "json"))
    actual = next(r for r in by_name if r["kind"] == "actual")
    assert (actual["value"], actual["unit"], actual["growth"], actual["status"]) == (1110, "亿元", 5.8, "estimate")
    assert list(actual) == list(KEYS)


@pytest.mark.parametrize(
    "query, indicator",
    [
        ("GDP", "gdp"),  # alias, other letter case than stored
        ("社零", "retail_sales"),  # Chinese alias
        ("Gross regional product", "gdp"),  # English name
        ("gross REGIONAL product", "gdp"),
        ("可支配", "disposable_income"),  # unique part of a name
        ("  gdp ", "gdp"),
    ],
)
def test_show_finds_an_indicator_by_alias_english_name_or_unique_part(cli, query, indicator):
    recs = as_json(cli("show", query, "--format", "json"))
    assert recs and {r["indicator"] for r in recs} == {indicator}


def test_show_year_filters(cli):
    recs = as_json(cli("show", "gdp", "--year", "2025", "--format", "json"))
    assert [(r["year"], r["kind"], r["growth"]) for r in recs] == [(2025, "target", 5.5)]


def test_show_a_year_without_figures_says_which_years_exist(cli):
    line = one_error_line(cli("show", "gdp", "--year", "2019"), 1)
    assert "2024" in line and "2025" in line


def test_ambiguous_query_lists_candidates_and_exits_1(cli):
    line = one_error_line(cli("show", "零售"), 1)
    assert "retail_sales" in line and "online_retail_sales" in line


def test_unknown_query_suggests_and_exits_1(cli):
    line = one_error_line(cli("show", "gpd"), 1)
    assert "did you mean gdp" in line


def test_empty_query_is_refused(cli):
    one_error_line(cli("show", "  "), 1)


def test_show_table_prints_names_unit_and_aliases(cli):
    out = cli("show", "gdp").stdout
    assert "地区生产总值" in out and "Gross regional product" in out
    assert "亿元" in out and "GDP" in out


def test_show_rank_and_qualifier_wording(cli):
    out = cli("show", "rd_spending").stdout
    assert "第 4" in out  # 排名全市第4
    assert "前 4" in out  # 保持全市前 4
    assert "超 650 亿元" in cli("show", "digital_economy_output").stdout
    assert "约 2.73 万平方米" in cli("show", "illegal_buildings_demolished").stdout
    assert "近 10 亿元" in cli("show", "credit_granted").stdout
    assert "180 家 以上" in cli("show", "trade_service_firms", "--year", "2025").stdout


# --- list -----------------------------------------------------------------------------------


def test_list_json_is_an_array_of_flat_records_with_the_shared_keys(cli):
    recs = as_json(cli("list", "--format", "json"))
    assert len(recs) > 100
    for r in recs:
        assert list(r) == list(KEYS)
        assert r["kind"] in ("actual", "target")
        assert r["metric"] in ("value", "growth", "rank", "task")
        assert r["better"] in ("higher", "lower")
        assert isinstance(r["year"], int)
        if r["kind"] == "target":
            assert r["status"] is None
    gdp = [r for r in recs if r["indicator"] == "gdp" and r["kind"] == "target"]
    assert gdp[0]["value"] is None and gdp[0]["growth"] == 5.5


@pytest.mark.parametrize("year, kind", [("2024", "actual"), ("2025", "target")])
def test_list_year(cli, year, kind):
    recs = as_json(cli("list", "--year", year, "--format", "json"))
    assert recs and {r["year"] for r in recs} == {int(year)}
    assert {r["kind"] for r in recs} == {kind}


def test_list_kind(cli):
    targets = as_json(cli("list", "--kind", "target", "--format", "json"))
    actuals = as_json(cli("list", "--kind", "actual", "--format", "json"))
    every = as_json(cli("list", "--format", "json"))
    assert {r["kind"] for r in targets} == {"target"} and {r["kind"] for r in actuals} == {"actual"}
    assert len(targets) + len(actuals) == len(every)
    # 154 个、总投资 2168.63 亿元的省市重点项目 is a 2025 target
    assert any(r["value"] == 2168.63 and r["unit"] == "亿元" for r in targets)


def test_list_category(cli):
    recs = as_json(cli("list", "--category", "industry", "--format", "json"))
    assert recs and {r["category"] for r in recs} == {"industry"}
    assert "gdp" not in {r["indicator"] for r in recs}
    assert "digital_economy_output" in {r["indicator"] for r in recs}


def test_list_category_in_another_letter_case(cli):
    assert as_json(cli("list", "-c", "Industry", "--format", "json")) == as_json(
        cli("list", "-c", "industry", "--format", "json"))


def test_mistyped_category_suggests(cli):
    line = one_error_line(cli("list", "--category", "indstry"), 2)
    assert "did you mean industry" in line


def test_list_region(cli):
    every = as_json(cli("list", "--format", "json"))
    assert as_json(cli("list", "--region", "cangshan", "--format", "json")) == every
    assert as_json(cli("list", "--region", "福州市仓山区", "--format", "json")) == every


def test_mistyped_region_suggests(cli):
    line = one_error_line(cli("list", "--region", "cangshn"), 1)
    assert "did you mean cangshan" in line


def test_list_with_nothing_to_show_exits_1_with_a_valid_empty_document(cli):
    r = cli("list", "--year", "2001", "--format", "json")
    assert r.exit_code == 1 and json.loads(r.stdout) == []
    r = cli("list", "--year", "2001", "--format", "csv")
    assert r.exit_code == 1 and r.stdout == ",".join(KEYS) + "\n"


def test_bad_option_values_are_usage_errors(cli):
    assert cli("list", "--kind", "plan").exit_code == 2
    assert cli("list", "--format", "xml").exit_code == 2
    assert cli("list", "--year", "twenty").exit_code == 2
    assert cli("no-such-command").exit_code == 2


# --- machine formats ------------------------------------------------------------------------


def _cell(v) -> str:
    return "" if v is None else str(v)


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_parse_back_to_the_json_records(cli, fmt, delimiter):
    recs = as_json(cli("list", "--format", "json"))
    r = cli("list", "--format", fmt)
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout), delimiter=delimiter))
    assert rows and list(rows[0]) == list(KEYS)
    assert len(r.stdout.splitlines()) == len(recs) + 1  # one record a line
    assert rows == [{k: _cell(rec[k]) for k in KEYS} for rec in recs]
    target = next(row for row in rows if row["indicator"] == "gdp" and row["kind"] == "target")
    assert target["value"] == "" and target["status"] == "" and target["growth"] == "5.5"


def test_markdown_is_a_table_with_a_row_per_record(cli):
    n = len(as_json(cli("list", "--format", "json")))
    lines = cli("list", "--format", "markdown").stdout.splitlines()
    assert lines[0] == "| " + " | ".join(KEYS) + " |"
    assert lines[1] == "|" + "---|" * len(KEYS)
    assert len(lines) == n + 2
    assert all(line.startswith("| ") and line.endswith(" |") for line in lines[2:])
    assert any("| gdp | 地区生产总值 |" in line and "| 1110 | 亿元 | 5.8 |" in line for line in lines)


def test_every_data_command_takes_every_format(cli):
    for args in (["show", "gdp"], ["list"], ["search", "企业"], ["sources"], []):
        for fmt in ("table", "json", "csv", "tsv", "markdown"):
            r = cli(*args, "--format", fmt)
            assert r.exit_code == 0, (args, fmt, r.stderr)
            assert r.stdout.strip()


# --- search, value, sources, version --------------------------------------------------------


def test_search_chinese_finds_names(cli):
    recs = as_json(cli("search", "就业", "--format", "json"))
    assert "new_urban_jobs" in {r["indicator"] for r in recs}
    assert "gdp" not in {r["indicator"] for r in recs}


def test_search_english_any_case(cli):
    recs = as_json(cli("search", "RETAIL", "--format", "json"))
    assert {"retail_sales", "online_retail_sales"} <= {r["indicator"] for r in recs}


def test_search_looks_in_quotes(cli):
    # 锐捷 is a firm named only in the sentences, never in an indicator's name
    recs = as_json(cli("search", "锐捷", "--format", "json"))
    ids = {r["indicator"] for r in recs}
    assert ids
    for iid in ids:
        assert any("锐捷" in r["quote"] for r in recs if r["indicator"] == iid)


def test_search_without_hits_exits_1(cli):
    one_error_line(cli("search", "no such words anywhere"), 1)


def test_search_empty_text_is_a_usage_error(cli):
    one_error_line(cli("search", ""), 2)


@pytest.mark.parametrize(
    "args, printed",
    [
        (["value", "gdp", "2024"], "1110\n"),
        (["value", "gdp", "2024", "--field", "growth"], "5.8\n"),
        (["value", "地区生产总值", "2025", "--kind", "target", "--field", "growth"], "5.5\n"),
        (["value", "new_urban_jobs", "2024"], "1.88\n"),
        (["value", "rd_spending", "2025", "--kind", "target"], "4\n"),
        (["value", "key_projects_investment", "2025", "--kind", "target"], "2168.63\n"),
    ],
)
def test_value_prints_the_bare_number(cli, args, printed):
    r = cli(*args)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == printed


def test_value_for_a_missing_year_is_one_line_and_exit_1(cli):
    line = one_error_line(cli("value", "gdp", "2023"), 1)
    assert "2024" in line


def test_value_without_the_field_asked_for(cli):
    line = one_error_line(cli("value", "budget_revenue", "2024", "--field", "growth"), 1)
    assert "--field value" in line


def test_sources(cli):
    r = cli("sources")
    assert r.exit_code == 0
    assert "cangshan-2024-plan" in r.stdout and "2024-12-25" in r.stdout
    (src,) = as_json(cli("sources", "--format", "json"))
    assert src["title"].startswith("关于福州市仓山区 2024 年国民经济和社会发展规划执行情况")
    assert src["meeting"] == "仓山区第十八届人民代表大会第四次会议"
    assert src["figures"] == len(as_json(cli("list", "--format", "json")))


def test_version(cli):
    from csplan import __version__

    r = cli("--version")
    assert r.exit_code == 0
    assert r.stdout == f"csplan {__version__}\n"
    assert __version__.count(".") == 2


@pytest.mark.parametrize("command", ["show", "list", "search", "value", "sources"])
def test_help_of_each_read_command_has_examples(cli, command):
    r = cli(command, "--help")
    assert r.exit_code == 0
    assert "Examples:" in r.stdout and f"csplan {command}" in r.stdout


def test_main_help_lists_exit_codes(cli):
    out = cli("--help").stdout
    assert "Exit codes:" in out and "3  data error" in out


# --- the overview ---------------------------------------------------------------------------


HEADLINE_2024 = ["1110 亿元", "593 亿元", "334.8 亿元", "55160 元", "39.3 亿元", "25 亿元", "302 亿元", "5773 万美元"]
TARGETS_2025 = ["增长 5.5%", "增长 3.0%", "增长 5.3%", "增长 4.5%", "增长 4.0%"]


def test_overview_shows_the_eight_headline_figures_and_the_2025_targets(cli):
    r = cli()
    assert r.exit_code == 0, r.stderr
    for text in HEADLINE_2024 + TARGETS_2025:
        assert text in r.stdout, text
    for name in ("地区生产总值", "社会消费品零售总额", "进出口总额", "居民人均可支配收入", "一般公共预算总收入",
                 "地方一般公共预算收入", "固定资产投资", "实际利用外资"):
        assert name in r.stdout
    assert "2025" in r.stdout and "+5.8 %" in r.stdout


def test_overview_in_json(cli):
    recs = as_json(cli("--format", "json"))
    actual = {r["indicator"]: r for r in recs if r["kind"] == "actual"}
    targets = {r["indicator"]: r for r in recs if r["kind"] == "target"}
    assert actual["gdp"]["value"] == 1110 and actual["fdi"]["unit"] == "万美元"
    assert {r["year"] for r in actual.values()} == {2024}
    assert {r["year"] for r in targets.values()} == {2025}
    assert targets["disposable_income"]["growth"] == 4.0
    assert len([r for r in actual.values() if r["metric"] == "value"]) == 8


# --- other stores ---------------------------------------------------------------------------


def _with_gdp(path, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count("value = 1110\n") == 1
    path.write_text(text.replace("value = 1110\n", f"value = {value}\n"), encoding="utf-8")


def test_store_option_selects_another_store(cli, store_copy):
    _with_gdp(store_copy, "4321")
    assert cli("--store", store_copy, "value", "gdp", "2024").stdout == "4321\n"
    assert cli("-s", store_copy, "value", "gdp", "2024").stdout == "4321\n"
    assert cli("value", "gdp", "2024").stdout == "1110\n"


def test_store_variable_selects_another_store(cli, store_copy, tmp_path):
    _with_gdp(store_copy, "4321")
    assert cli("value", "gdp", "2024", env={"CSPLAN_STORE": str(store_copy)}).stdout == "4321\n"
    other = tmp_path / "other.toml"
    other.write_text(store_copy.read_text(encoding="utf-8").replace("value = 4321\n", "value = 5555\n"),
                     encoding="utf-8")
    r = cli("--store", other, "value", "gdp", "2024", env={"CSPLAN_STORE": str(store_copy)})
    assert r.stdout == "5555\n"  # the option wins over the variable


@pytest.mark.parametrize(
    "content, words",
    [
        (None, "no such store"),
        ("", "empty"),
        ("schema = 1\n[[indicators\n", "not valid TOML"),
        ("schema = 1\ncolour = 'red'\n", "unknown key"),
        ("schema = 9\n", "schema version"),
        (b"schema = 1\n# \xff\xfe\n", "UTF-8"),
    ],
)
def test_a_missing_or_broken_store_is_one_line_and_exit_3(cli, tmp_path, content, words):
    path = tmp_path / "store.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    for args in (["--store", path, "show", "gdp"], ["--store", path, "list", "--format", "csv"], ["--store", path]):
        line = one_error_line(cli(*args), 3)
        assert words in line and str(path) in line
    one_error_line(cli("value", "gdp", "2024", env={"CSPLAN_STORE": str(path)}), 3)


def test_a_directory_as_store_is_exit_3(cli, tmp_path):
    one_error_line(cli("--store", tmp_path, "list"), 3)


def test_an_invalid_figure_names_its_line(cli, store_copy):
    text = store_copy.read_text(encoding="utf-8")
    store_copy.write_text(text.replace('qualifier = "exact"', 'qualifier = "roughly"', 1), encoding="utf-8")
    line = one_error_line(cli("--store", store_copy, "show", "gdp"), 3)
    assert "roughly" in line and f"{store_copy}:" in line


# --- text from the store is printed literally -----------------------------------------------


def _renamed(store_copy, name_toml: str):
    text = store_copy.read_text(encoding="utf-8")
    assert text.count('name = "地区生产总值"') == 1
    store_copy.write_text(text.replace('name = "地区生产总值"', f'name = "{name_toml}"'), encoding="utf-8")
    return store_copy


def test_markup_in_a_name_is_printed_literally(cli, store_copy):
    _renamed(store_copy, "[red]x[/red] [bold]B")
    for args in (["show", "gdp"], ["list"], []):
        r = cli("--store", store_copy, *args)
        assert r.exit_code == 0, r.stderr
        assert "[red]x[/red] [bold]B" in r.stdout


def test_an_escape_character_in_a_name_is_shown_escaped(cli, store_copy):
    _renamed(store_copy, "[red]x[/red]\\u001b[31mEVIL\\u0007")
    for args in (["show", "gdp"], ["list"], ["list", "--format", "csv"], ["list", "--format", "markdown"], []):
        r = cli("--store", store_copy, *args)
        assert r.exit_code == 0, r.stderr
        assert ESC not in r.stdout and "\x07" not in r.stdout
        assert "[red]x[/red]\\x1b[31mEVIL\\x07" in r.stdout
    # JSON keeps the text exactly; the escape is JSON's own
    recs = as_json(cli("--store", store_copy, "show", "gdp", "--format", "json"))
    assert recs[0]["name"] == "[red]x[/red]\x1b[31mEVIL\x07"


# --- terminals and pipes --------------------------------------------------------------------


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CSPLAN_STORE")}
    env.update(TERM="xterm-256color", COLUMNS="160", LINES="50", **extra)
    return env


def run_piped(*args: str, **env) -> str:
    p = subprocess.run([sys.executable, "-m", "csplan", *args], capture_output=True, env=_env(**env), check=False)
    assert p.returncode == 0, p.stderr.decode()
    return p.stdout.decode("utf-8")


def run_on_terminal(*args: str, **env) -> str:
    """Run csplan with stdout on a pseudo-terminal of 160 columns; return what it printed."""
    status, shown, _, err = on_terminal([sys.executable, "-m", "csplan", *args], columns=160, env=_env(**env))
    assert status == 0, err
    return shown


@pytest.mark.parametrize("args", [["list"], ["show", "gdp"], [], ["sources"], ["search", "企业"]])
def test_piped_output_has_no_escape_codes_and_no_trailing_spaces(args):
    out = run_piped(*args)
    assert out.strip()
    assert ESC not in out
    assert "─" not in out  # no box drawing either
    assert all(line == line.rstrip() for line in out.splitlines())
    assert out.endswith("\n")


def test_list_piped_through_cat_has_no_escape_character():
    p = subprocess.run(f"{sys.executable} -m csplan list | cat", shell=True, capture_output=True, env=_env(),
                       check=True)
    assert p.stdout and b"\x1b" not in p.stdout


def test_a_terminal_gets_colour_and_rules():
    out = run_on_terminal("show", "gdp")
    assert ESC + "[" in out
    assert "─" in out
    assert "1110 亿元" in out


def test_no_color_removes_colour_on_a_terminal():
    out = run_on_terminal("show", "gdp", NO_COLOR="1")
    assert "1110 亿元" in out
    colours = [code for code in ("\x1b[33m", "\x1b[36m", "\x1b[38;", "\x1b[31m") if code in out]
    assert not colours


def test_markup_is_literal_on_a_terminal_too(store_copy):
    _renamed(store_copy, "[red]x[/red]")
    out = run_on_terminal("--store", str(store_copy), "show", "gdp")
    assert "[red]x[/red]" in out


def test_chinese_columns_align_on_a_terminal():
    from rich.cells import cell_len

    out = run_on_terminal("list", "--category", "headline", NO_COLOR="1")
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out).replace("\r", "")
    rows = [line for line in plain.splitlines() if " 2024 " in line or " 2025 " in line]
    assert len(rows) >= 10
    # the year column starts at the same screen column on every row, whatever the name's width
    starts = {cell_len(line[: line.index(" 202") + 1]) for line in rows}
    assert len(starts) == 1, starts


# --- shell completion -----------------------------------------------------------------------


def _complete(cli, words: str, env: dict | None = None) -> list[str]:
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    r = cli.runner.invoke(
        app, [],
        env={"_CSPLAN_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword), **(env or {})},
        prog_name="csplan",
    )
    assert r.exit_code == 0, r.output
    return r.stdout.split()


def test_completion_offers_indicator_ids_for_a_prefix(cli):
    got = _complete(cli, "csplan show gd")
    assert "gdp" in got
    assert all(w.startswith("gd") for w in got)
    assert "rd_spending" in _complete(cli, "csplan value rd_")


def test_completion_reads_the_store_given_by_option(cli, store_copy):
    text = store_copy.read_text(encoding="utf-8")
    store_copy.write_text(text.replace('id = "gdp"', 'id = "zz_gdp"').replace('indicator = "gdp"',
                                                                                'indicator = "zz_gdp"'),
                          encoding="utf-8")
    assert _complete(cli, f"csplan --store {store_copy} show zz") == ["zz_gdp"]
    assert _complete(cli, "csplan show zz") == []


def test_completion_of_a_broken_store_completes_nothing_quietly(cli, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("nonsense [", encoding="utf-8")
    assert _complete(cli, f"csplan --store {bad} show g") == []


def test_completion_can_be_installed(cli):
    out = cli("--help").stdout
    assert "--install-completion" in out and "--show-completion" in out
