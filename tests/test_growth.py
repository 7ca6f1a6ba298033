"""`csplan growth`: last actual growth beside next year's growth target, and the levels they imply.

Expected numbers are worked out by hand from the report's figures.
"""

from __future__ import annotations

import csv
import io
import json

from test_targets import fig, make_store


def growth_records(cli, *args):
    r = cli(*args, "--format", "json")
    assert r.exit_code == 0, r.stderr
    return {(rec["indicator"], rec["region"]): rec for rec in json.loads(r.stdout)}


def test_bundled_growth_pairs(cli):
    recs = growth_records(cli, "growth")
    # Only the headline indicators with both a 2024 growth and a 2025 growth target.
    assert set(recs) == {("gdp", "cangshan"), ("retail_sales", "cangshan"), ("disposable_income", "cangshan")}
    gdp = recs[("gdp", "cangshan")]
    # 1110 亿元, 增长 5.8%; target 增长 5.5%: 1110 × 1.055 = 1171.05, 1110 / 1.058 = 1049.149…
    assert gdp == {
        "indicator": "gdp", "name": "地区生产总值", "name_en": "Gross regional product", "region": "cangshan",
        "actual_year": 2024, "actual_value": 1110, "actual_unit": "亿元", "actual_growth": 5.8,
        "actual_status": "estimate", "target_year": 2025, "target_growth": 5.5, "target_qualifier": "exact",
        "change_pp": -0.3, "implied_value": 1171.05, "implied_unit": "亿元", "implied_prior_value": 1049.15,
        "implied_prior_unit": "亿元", "result_growth": None, "outcome": "pending",
    }
    retail = recs[("retail_sales", "cangshan")]  # 593 亿元, 增长 5.3%; target 5.3%
    assert (retail["change_pp"], retail["implied_value"], retail["implied_prior_value"]) == (0, 624.43, 563.15)
    income = recs[("disposable_income", "cangshan")]  # 55160 元, 增长 3.8%; target 4.0%
    assert (income["change_pp"], income["implied_value"], income["implied_prior_value"]) == (0.2, 57366.4, 53140.66)


def test_growth_csv_is_exact(cli):
    r = cli("growth", "gdp", "disposable_income", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["indicator"] for row in rows] == ["gdp", "disposable_income"]
    assert rows[0]["change_pp"] == "-0.3"  # 5.5 - 5.8 in floats is -0.2999…
    assert rows[1]["implied_prior_value"] == "53140.66"
    assert "9999" not in r.stdout and "0000001" not in r.stdout


def test_named_indicator_without_a_growth_target_is_listed(cli):
    recs = growth_records(cli, "growth", "进出口总额")  # 334.8 亿元, 增长 11.6%; its 2025 target is a task
    trade = recs[("trade", "cangshan")]
    assert (trade["actual_year"], trade["actual_growth"], trade["target_year"], trade["target_growth"]) == (
        2024, 11.6, 2025, None)
    assert trade["implied_prior_value"] == 300  # 334.8 / 1.116 = 300.000
    assert trade["implied_value"] is None and trade["change_pp"] is None


def test_unknown_query_and_year_without_pairs_exit_1(cli):
    r = cli("growth", "no-such-indicator-xyz")
    assert r.exit_code == 1 and r.stderr.startswith("csplan: ")
    r = cli("growth", "--year", "2030")
    assert r.exit_code == 1 and "2030" in r.stderr and "Traceback" not in r.stderr


def test_year_selects_the_target_year_and_regions_are_separate(tmp_path, cli):
    path = make_store(
        tmp_path,
        fig("actual", "gdp", 2022, "value", value=100, unit="亿元", growth=4),
        fig("target", "gdp", 2023, "growth", unit="%", growth=5),
        fig("actual", "gdp", 2023, "value", value=105.2, unit="亿元", growth=5.2),
        fig("target", "gdp", 2024, "growth", unit="%", growth=-2.5),
        fig("actual", "gdp", 2023, "growth", unit="%", growth=7, region="west"),
        fig("target", "gdp", 2024, "growth", unit="%", growth=6, region="west"),
        fig("actual", "cpi", 2023, "growth", unit="%", growth=0.2),  # no target: not listed by default
    )
    latest = growth_records(cli, "--store", path, "growth")
    assert set(latest) == {("gdp", "east"), ("gdp", "west")}
    east = latest[("gdp", "east")]
    # 105.2 × 0.975 = 102.57; 105.2 / 1.052 = 100; 5.2 → -2.5 is -7.7 points
    assert (east["actual_year"], east["target_year"], east["implied_value"], east["implied_prior_value"],
            east["change_pp"]) == (2023, 2024, 102.57, 100, -7.7)
    west = latest[("gdp", "west")]
    assert (west["actual_value"], west["implied_value"], west["change_pp"]) == (None, None, -1)

    earlier = growth_records(cli, "--store", path, "growth", "--year", "2023")
    assert set(earlier) == {("gdp", "east")}
    assert (earlier[("gdp", "east")]["actual_growth"], earlier[("gdp", "east")]["implied_value"]) == (4, 105)

    table = cli("--store", path, "growth", "--region", "west").stdout
    assert "增长 6%" in table and "east" not in table


def test_svg_export(tmp_path, cli):
    out = tmp_path / "growth.svg"
    r = cli("growth", "--svg", out)
    assert r.exit_code == 0
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and "</svg>" in svg
    assert "2024" in svg and "actual" in svg and "target" in svg
    r = cli("growth", "--svg", tmp_path / "missing-folder" / "g.svg")
    assert r.exit_code == 3 and r.stderr.startswith("csplan: ") and "Traceback" not in r.stderr


def test_named_indicators_keep_the_order_asked_and_a_level_without_growth(cli):
    r = cli("growth", "固定资产投资", "trade", "gdp", "--format", "json")
    assert r.exit_code == 0, r.stderr
    recs = json.loads(r.stdout)
    assert [rec["indicator"] for rec in recs] == ["fixed_asset_investment", "trade", "gdp"]
    fai = recs[0]  # 固定资产投资 302 亿元 (no growth printed); 2025: 固定资产投资增长4.5% → 302 × 1.045 = 315.59
    assert (fai["actual_value"], fai["actual_unit"], fai["actual_growth"], fai["target_growth"]) == (
        302, "亿元", None, 4.5)
    assert (fai["implied_value"], fai["implied_unit"], fai["change_pp"], fai["implied_prior_value"]) == (
        315.59, "亿元", None, None)
    table = cli("growth", "固定资产投资").stdout
    assert "302 亿元" in table and "315.59 亿元" in table


def test_growth_records_the_target_years_outcome_as_targets_does(tmp_path, cli):
    path = make_store(tmp_path,
                      fig("actual", "gdp", 2022, "value", value=1110, unit="亿元", growth=5.8),
                      fig("target", "gdp", 2023, "growth", unit="%", growth=5.5, qualifier="about"),
                      fig("actual", "gdp", 2023, "growth", unit="%", growth=5.1))
    [rec] = growth_records(cli, "--store", path, "growth").values()
    # 5.1 against 5.5 左右 (tolerance 0.5 pp): met, as `targets` judges it
    assert (rec["result_growth"], rec["outcome"]) == (5.1, "met")
    target = json.loads(cli("--store", path, "targets", "2023", "--format", "json").stdout)[0]
    assert (target["actual_growth"], target["outcome"], target["implied_value"]) == (5.1, "met", rec["implied_value"])
