"""`csplan targets` and the rule set of targets.py: outcomes, margins, tolerance, units, baselines.

Expected numbers are worked out by hand from the report or from the cases' own figures, never
copied from csplan's output.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csplan.records import KEYS
from csplan.targets import (
    EXTRA_KEYS,
    implied_level,
    implied_prior_level,
    judge,
)

# --- writing test stores as TOML text -----------------------------------------------------------

HEAD = '''schema = 1

[[sources]]
id = "plan-2022"
title = "2022 report"
date = "2022-12-20"

[[sources]]
id = "plan-2023"
title = "2023 report"
date = "2023-12-20"

[[sources]]
id = "plan-2024"
title = "2024 report"
date = "2024-12-20"

[[sources]]
id = "plan-2025"
title = "2025 report"
date = "2025-12-20"

[[regions]]
id = "east"
name = "东区"

[[regions]]
id = "west"
name = "西区"
'''

INDICATORS = {
    "gdp": ("地区生产总值", "亿元", "higher"),
    "cpi": ("居民消费价格", "%", "lower"),
    "unemployment": ("城镇调查失业率", "%", "lower"),
    "energy_intensity": ("单位GDP能耗", None, "lower"),
    "jobs": ("城镇新增就业", "万人", "higher"),
    "firms": ("新增企业", "家", "higher"),
    "projects": ("产业项目", "个", "higher"),
    "exports": ("出口额", None, "higher"),
    "rank_rd": ("研发投入排名", None, "higher"),
    "task_fdi": ("利用外资任务", None, "higher"),
    "revenue": ("财政收入", "亿元", "higher"),
}


def indicator_toml(iid: str) -> str:
    name, unit, better = INDICATORS[iid]
    lines = [f'\n[[indicators]]\nid = "{iid}"\nname = "{name}"']
    if unit:
        lines.append(f'unit = "{unit}"')
    lines.append(f'better = "{better}"')
    return "\n".join(lines) + "\n"


def fig(kind: str, indicator: str, year: int, metric: str, *, value=None, unit=None, growth=None,
        qualifier: str = "exact", region: str = "east", source: str | None = None, status: str = "reported") -> str:
    section = "observations" if kind == "actual" else "targets"
    source = source or {"actual": f"plan-{year}", "target": f"plan-{year - 1}"}[kind]
    lines = [f"\n[[{section}]]", f'indicator = "{indicator}"', f'region = "{region}"', f"year = {year}",
             f'metric = "{metric}"']
    if value is not None:
        lines.append(f"value = {value}")
    if unit is not None:
        lines.append(f'unit = "{unit}"')
    if growth is not None:
        lines.append(f"growth = {growth}")
    lines.append(f'qualifier = "{qualifier}"')
    if kind == "actual":
        lines.append(f'status = "{status}"')
    lines += [f'source = "{source}"', f'quote = "{indicator} {year} {metric}"']
    return "\n".join(lines) + "\n"


def make_store(tmp_path, *figures: str, name: str = "store.toml"):
    path = tmp_path / name
    path.write_text(HEAD + "".join(indicator_toml(i) for i in INDICATORS) + "".join(figures), encoding="utf-8")
    return path


def targets_json(cli, path, *args):
    r = cli("--store", path, "targets", *args, "--format", "json")
    assert r.exit_code == 0, r.stderr
    return {(rec["indicator"], rec["region"], rec["year"]): rec for rec in json.loads(r.stdout)}


# --- the rule: every qualifier × direction at its boundaries ----------------------------------------

# (qualifier, better, target, actual, outcome, margin); tolerance 0.5 throughout.
BOUNDARIES = [
    # higher is better, target 5.5
    ("exact", "higher", "5.5", "5.5", "met", "0"),
    ("exact", "higher", "5.5", "5.6", "met", "0.1"),
    ("exact", "higher", "5.5", "5.4", "missed", "-0.1"),
    ("at_least", "higher", "5.5", "5.5", "met", "0"),
    ("at_least", "higher", "5.5", "5.51", "met", "0.01"),
    ("at_least", "higher", "5.5", "5.49", "missed", "-0.01"),
    ("more_than", "higher", "5.5", "5.5", "missed", "0"),
    ("more_than", "higher", "5.5", "5.51", "met", "0.01"),
    ("more_than", "higher", "5.5", "5.4", "missed", "-0.1"),
    ("at_most", "higher", "5.5", "5.5", "met", "0"),
    ("at_most", "higher", "5.5", "5.4", "met", "0.1"),
    ("at_most", "higher", "5.5", "5.6", "missed", "-0.1"),
    ("about", "higher", "5", "5", "met", "0"),
    ("about", "higher", "5", "4.5", "met", "-0.5"),
    ("about", "higher", "5", "4.49", "missed", "-0.51"),
    ("about", "higher", "5", "5.5", "met", "0.5"),
    ("about", "higher", "5", "8.1", "met", "3.1"),
    ("nearly", "higher", "5", "5", "met", "0"),
    ("nearly", "higher", "5", "4.5", "met", "-0.5"),
    ("nearly", "higher", "5", "4.4", "missed", "-0.6"),
    ("nearly", "higher", "5", "5.2", "met", "0.2"),
    # lower is better, target 5.5 (an unemployment rate)
    ("exact", "lower", "5.5", "5.5", "met", "0"),
    ("exact", "lower", "5.5", "5.4", "met", "0.1"),
    ("exact", "lower", "5.5", "5.6", "missed", "-0.1"),
    ("at_least", "lower", "5.5", "5.5", "met", "0"),
    ("at_least", "lower", "5.5", "5.4", "met", "0.1"),
    ("at_least", "lower", "5.5", "5.6", "missed", "-0.1"),
    ("more_than", "lower", "5.5", "5.5", "missed", "0"),
    ("more_than", "lower", "5.5", "5.4", "met", "0.1"),
    ("more_than", "lower", "5.5", "5.6", "missed", "-0.1"),
    ("at_most", "lower", "5.5", "5.5", "met", "0"),
    ("at_most", "lower", "5.5", "5.2", "met", "0.3"),
    ("at_most", "lower", "5.5", "5.51", "missed", "-0.01"),
    ("about", "lower", "5.5", "5.5", "met", "0"),
    ("about", "lower", "5.5", "6.0", "met", "-0.5"),
    ("about", "lower", "5.5", "6.01", "missed", "-0.51"),
    ("about", "lower", "3", "0.2", "met", "2.8"),
    ("nearly", "lower", "5.5", "6.0", "met", "-0.5"),
    ("nearly", "lower", "5.5", "6.1", "missed", "-0.6"),
    # falls: 单位GDP能耗下降3% (lower is better), 下降3%以上, 下降超3%, 下降2.5%左右
    ("exact", "lower", "-3", "-3", "met", "0"),
    ("exact", "lower", "-3", "-3.5", "met", "0.5"),
    ("exact", "lower", "-3", "-2.9", "missed", "-0.1"),
    ("at_least", "lower", "-3", "-3.1", "met", "0.1"),
    ("at_least", "lower", "-3", "-2.9", "missed", "-0.1"),
    ("more_than", "lower", "-3", "-3", "missed", "0"),
    ("more_than", "lower", "-3", "-3.1", "met", "0.1"),
    ("about", "lower", "-2.5", "-2", "met", "-0.5"),
    ("about", "lower", "-2.5", "-1.9", "missed", "-0.6"),
    ("about", "lower", "-2.5", "-3.8", "met", "1.3"),
    # 下降3%以内 on a higher-is-better indicator: the size of the fall is capped
    ("at_most", "higher", "-3", "-3", "met", "0"),
    ("at_most", "higher", "-3", "-2", "met", "1"),
    ("at_most", "higher", "-3", "-4", "missed", "-1"),
]


@pytest.mark.parametrize("qualifier,better,target,actual,outcome,margin", BOUNDARIES)
def test_judge_boundaries(qualifier, better, target, actual, outcome, margin):
    got_outcome, got_margin = judge(Decimal(actual), Decimal(target), qualifier, better, Decimal("0.5"))
    assert (got_outcome, got_margin) == (outcome, Decimal(margin))


def test_every_qualifier_and_direction_is_covered():
    from csplan.model import QUALIFIERS

    covered = {(q, b) for q, b, *_ in BOUNDARIES}
    assert covered == {(q, b) for q in QUALIFIERS for b in ("higher", "lower")}
    for q, b in covered:
        outcomes = {o for qq, bb, *_, o, _m in BOUNDARIES if (qq, bb) == (q, b)}
        assert outcomes == {"met", "missed"}, (q, b)


def test_judge_takes_stored_floats_as_printed():
    # 5.6 - 5.5 in binary floating point is 0.0999…; the margin must be exactly 0.1.
    assert judge(5.6, 5.5, "exact", "higher", 0.5) == ("met", Decimal("0.1"))
    assert judge(0.1, 0.3, "at_most", "lower", 0.5) == ("met", Decimal("0.2"))  # 0.3 - 0.1 is 0.1999… in floats


# --- the rule through the command, on real cases -----------------------------------------------------


def test_careful_economist_cases(tmp_path, cli):
    """National-style targets with their outcomes: each as the government's own review judged it."""
    path = make_store(
        tmp_path,
        # 国内生产总值增长5%左右 → 5.2: met
        fig("target", "gdp", 2023, "growth", unit="%", growth=5, qualifier="about"),
        fig("actual", "gdp", 2023, "value", value=1260582, unit="亿元", growth=5.2),
        # 居民消费价格涨幅3%左右 → 0.2: met (a ceiling, not a band)
        fig("target", "cpi", 2023, "growth", unit="%", growth=3, qualifier="about"),
        fig("actual", "cpi", 2023, "growth", unit="%", growth=0.2),
        # 城镇调查失业率控制在5.5%以内 → 5.2%: met
        fig("target", "unemployment", 2023, "value", value=5.5, unit="%", qualifier="at_most"),
        fig("actual", "unemployment", 2023, "value", value=5.2, unit="%"),
        # 单位GDP能耗下降3% → 下降3.5%: met
        fig("target", "energy_intensity", 2023, "growth", unit="%", growth=-3),
        fig("actual", "energy_intensity", 2023, "growth", unit="%", growth=-3.5),
        # 城镇新增就业1.8万人 → 18500人: met after converting 万人
        fig("target", "jobs", 2023, "value", value=1.8, unit="万人"),
        fig("actual", "jobs", 2023, "value", value=18500, unit="人"),
    )
    recs = targets_json(cli, path, "2023")
    got = {k[0]: (r["outcome"], r["margin"]) for k, r in recs.items()}
    assert got == {
        "gdp": ("met", 0.2),
        "cpi": ("met", 2.8),
        "unemployment": ("met", 0.3),
        "energy_intensity": ("met", 0.5),
        "jobs": ("met", 0.05),
    }
    assert recs[("jobs", "east", 2023)]["actual_value"] == 1.85  # in the target's unit, 万人


def test_cpi_above_the_ceiling_and_unemployment_above_it_are_missed(tmp_path, cli):
    path = make_store(
        tmp_path,
        fig("target", "cpi", 2023, "growth", unit="%", growth=3, qualifier="about"),
        fig("actual", "cpi", 2023, "growth", unit="%", growth=3.6),
        fig("target", "unemployment", 2023, "value", value=5.5, unit="%", qualifier="at_most"),
        fig("actual", "unemployment", 2023, "value", value=5.6, unit="%"),
    )
    got = {k[0]: (r["outcome"], r["margin"]) for k, r in targets_json(cli, path, "2023").items()}
    assert got == {"cpi": ("missed", -0.6), "unemployment": ("missed", -0.1)}


def test_level_tolerance_is_half_a_percent_of_the_target(tmp_path, cli):
    # 1.8 万人左右: 0.5 % of 1.8 万人 is 90 人, so 17910 人 is met and 17909 人 missed.
    def outcome(actual):
        path = make_store(tmp_path, fig("target", "jobs", 2023, "value", value=1.8, unit="万人", qualifier="about"),
                          fig("actual", "jobs", 2023, "value", value=actual, unit="人"))
        rec = targets_json(cli, path, "2023")[("jobs", "east", 2023)]
        return rec["outcome"], rec["margin"]

    assert outcome(17910) == ("met", -0.009)
    assert outcome(17909) == ("missed", -0.0091)
    assert outcome(19000) == ("met", 0.1)
    # --tolerance 1: 1 % of 1.8 万人 is 180 人.
    path = make_store(tmp_path, fig("target", "jobs", 2023, "value", value=1.8, unit="万人", qualifier="about"),
                      fig("actual", "jobs", 2023, "value", value=17820, unit="人"))
    assert targets_json(cli, path, "2023", "--tolerance", "1")[("jobs", "east", 2023)]["outcome"] == "met"
    assert targets_json(cli, path, "2023", "--tolerance", "0.9")[("jobs", "east", 2023)]["outcome"] == "missed"


def test_tolerance_option(tmp_path, cli):
    path = make_store(tmp_path, fig("target", "gdp", 2023, "growth", unit="%", growth=5, qualifier="about"),
                      fig("actual", "gdp", 2023, "growth", unit="%", growth=4.6))
    assert targets_json(cli, path, "2023")[("gdp", "east", 2023)]["outcome"] == "met"
    assert targets_json(cli, path, "2023", "--tolerance", "0.3")[("gdp", "east", 2023)]["outcome"] == "missed"
    assert targets_json(cli, path, "2023", "--tolerance", "0.4")[("gdp", "east", 2023)]["outcome"] == "met"
    r = cli("--store", path, "targets", "2023", "--tolerance", "-1")
    assert r.exit_code == 2


@pytest.mark.parametrize("target_unit,actual_unit", [("亿元", "亿美元"), ("家", "个")])
def test_units_that_do_not_convert_are_manual_with_a_reason(tmp_path, cli, target_unit, actual_unit):
    iid = "exports" if target_unit == "亿元" else "firms"
    path = make_store(tmp_path, fig("target", iid, 2023, "value", value=100, unit=target_unit, qualifier="at_least"),
                      fig("actual", iid, 2023, "value", value=150, unit=actual_unit))
    rec = targets_json(cli, path, "2023")[(iid, "east", 2023)]
    assert rec["outcome"] == "manual" and rec["margin"] is None
    table = cli("--store", path, "targets", "2023")
    assert "manual" in table.stdout and actual_unit in table.stdout and "do not convert" in table.stdout
    machine = cli("--store", path, "targets", "2023", "--format", "csv")
    assert "do not convert" in machine.stderr and "do not convert" not in machine.stdout


def test_growth_target_with_only_a_level_is_manual_not_guessed(tmp_path, cli):
    path = make_store(tmp_path, fig("actual", "revenue", 2022, "value", value=40, unit="亿元"),
                      fig("target", "revenue", 2023, "growth", unit="%", growth=3),
                      fig("actual", "revenue", 2023, "value", value=41, unit="亿元"))
    rec = targets_json(cli, path, "2023")[("revenue", "east", 2023)]
    assert (rec["outcome"], rec["margin"], rec["actual_value"], rec["actual_growth"]) == ("manual", None, 41, None)
    assert "+2.5%" in cli("--store", path, "targets", "2023").stdout  # 41 / 40 − 1, shown for the reader


def test_rank_targets(tmp_path, cli):
    def run(qualifier, actual):
        path = make_store(tmp_path, fig("target", "rank_rd", 2023, "rank", value=3, qualifier=qualifier),
                          *([fig("actual", "rank_rd", 2023, "rank", value=actual)] if actual else []))
        rec = targets_json(cli, path, "2023")[("rank_rd", "east", 2023)]
        return rec["outcome"], rec["margin"]

    assert run("at_most", 3) == ("met", 0)  # 保持全市前3, third
    assert run("at_most", 1) == ("met", 2)
    assert run("at_most", 4) == ("missed", -1)
    assert run("exact", 3) == ("met", 0)  # 第3: reaching third or better
    assert run("exact", 2) == ("met", 1)
    assert run("exact", 5) == ("missed", -2)
    assert run("at_most", None) == ("pending", None)
    # 第 3 左右 gives no allowance: a place is a whole number, whatever --tolerance says.
    path = make_store(tmp_path, fig("target", "rank_rd", 2023, "rank", value=3, qualifier="about"),
                      fig("actual", "rank_rd", 2023, "rank", value=4))
    assert targets_json(cli, path, "2023", "--tolerance", "2")[("rank_rd", "east", 2023)]["outcome"] == "missed"


def test_task_targets(tmp_path, cli):
    def run(*actual):
        path = make_store(tmp_path, fig("target", "task_fdi", 2023, "task"), *actual)
        rec = targets_json(cli, path, "2023")[("task_fdi", "east", 2023)]
        return rec["outcome"], rec["actual_value"]

    assert run() == ("manual", None)
    assert run(fig("actual", "task_fdi", 2023, "task", value=1)) == ("met", 1)
    assert run(fig("actual", "task_fdi", 2023, "task", value=0)) == ("missed", 0)


def test_growth_from_the_newer_source_and_on_a_tie_from_the_level(tmp_path, cli):
    target = fig("target", "gdp", 2023, "growth", unit="%", growth=5.5)
    tie = make_store(tmp_path, target, fig("actual", "gdp", 2023, "growth", unit="%", growth=5.4),
                     fig("actual", "gdp", 2023, "value", value=1175, unit="亿元", growth=5.6), name="tie.toml")
    rec = targets_json(cli, tie, "2023")[("gdp", "east", 2023)]
    assert (rec["actual_value"], rec["actual_growth"], rec["outcome"]) == (1175, 5.6, "met")
    newer = make_store(tmp_path, target, fig("actual", "gdp", 2023, "growth", unit="%", growth=5.4, source="plan-2024"),
                       fig("actual", "gdp", 2023, "value", value=1175, unit="亿元", growth=5.6), name="newer.toml")
    rec = targets_json(cli, newer, "2023")[("gdp", "east", 2023)]
    assert (rec["actual_growth"], rec["outcome"], rec["margin"]) == (5.4, "missed", -0.1)


def test_missing_baseline_leaves_baseline_and_implied_empty(tmp_path, cli):
    path = make_store(tmp_path, fig("target", "gdp", 2023, "growth", unit="%", growth=5),
                      fig("actual", "gdp", 2023, "growth", unit="%", growth=5.1))
    rec = targets_json(cli, path, "2023")[("gdp", "east", 2023)]
    assert [rec[k] for k in ("baseline_year", "baseline_value", "baseline_growth", "implied_value")] == [None] * 4
    assert (rec["outcome"], rec["margin"]) == ("met", 0.1)


def test_several_regions_and_years(tmp_path, cli):
    path = make_store(
        tmp_path,
        fig("actual", "gdp", 2022, "value", value=100, unit="亿元", growth=4, region="east"),
        fig("actual", "gdp", 2022, "value", value=80.5, unit="亿元", growth=6, region="west"),
        fig("target", "gdp", 2023, "growth", unit="%", growth=5, region="east"),
        fig("target", "gdp", 2023, "growth", unit="%", growth=6.5, region="west"),
        fig("actual", "gdp", 2023, "value", value=105.2, unit="亿元", growth=5.2, region="east"),
        fig("actual", "gdp", 2023, "value", value=85.3, unit="亿元", growth=6, region="west"),
        fig("target", "gdp", 2024, "growth", unit="%", growth=5.5, region="east"),
    )
    recs = targets_json(cli, path, "2023")
    east, west = recs[("gdp", "east", 2023)], recs[("gdp", "west", 2023)]
    assert (east["baseline_value"], east["baseline_growth"], east["implied_value"]) == (100, 4, 105)
    assert (west["baseline_value"], west["implied_value"]) == (80.5, 85.733)  # 80.5 × 1.065 = 85.7325, half up
    assert (east["outcome"], east["margin"], west["outcome"], west["margin"]) == ("met", 0.2, "missed", -0.5)

    only_west = targets_json(cli, path, "2023", "--region", "西区")
    assert list(only_west) == [("gdp", "west", 2023)]

    next_year = targets_json(cli, path, "2024")
    rec = next_year[("gdp", "east", 2024)]
    assert (rec["baseline_year"], rec["baseline_value"], rec["implied_value"], rec["outcome"]) == (
        2023, 105.2, 110.986, "pending")  # 105.2 × 1.055 = 110.986

    table = cli("--store", path, "targets", "2023")
    assert "region" in table.stdout.splitlines()[1] and "west" in table.stdout


def test_as_of_sees_what_was_known_then(tmp_path, cli):
    path = make_store(tmp_path, fig("target", "gdp", 2023, "growth", unit="%", growth=5),
                      fig("actual", "gdp", 2023, "growth", unit="%", growth=4, source="plan-2023"),
                      fig("actual", "gdp", 2023, "growth", unit="%", growth=5.1, source="plan-2024"))
    assert targets_json(cli, path, "2023")[("gdp", "east", 2023)]["outcome"] == "met"
    early = targets_json(cli, path, "2023", "--as-of", "2024-01-01")[("gdp", "east", 2023)]
    assert (early["outcome"], early["actual_growth"]) == ("missed", 4)
    before = targets_json(cli, path, "2023", "--as-of", "2023-06-30")[("gdp", "east", 2023)]
    assert (before["outcome"], before["actual_growth"]) == ("pending", None)


def test_no_targets_for_the_year_is_exit_1(tmp_path, cli):
    path = make_store(tmp_path, fig("target", "gdp", 2023, "growth", unit="%", growth=5))
    r = cli("--store", path, "targets", "2030")
    assert r.exit_code == 1
    assert r.stderr.startswith("csplan: no targets for 2030") and "2023" in r.stderr
    assert "Traceback" not in r.stderr + r.stdout
    r = cli("--store", path, "targets", "2023", "--region", "north")
    assert r.exit_code == 1 and "no region" in r.stderr


def test_check_exit_codes(tmp_path, cli):
    base = [fig("target", "gdp", 2023, "growth", unit="%", growth=5), fig("target", "task_fdi", 2023, "task")]
    pending = make_store(tmp_path, *base, name="pending.toml")
    missed = make_store(tmp_path, *base, fig("actual", "gdp", 2023, "growth", unit="%", growth=4.9), name="m.toml")
    met = make_store(tmp_path, *base, fig("actual", "gdp", 2023, "growth", unit="%", growth=5), name="ok.toml")
    assert cli("--store", pending, "targets", "2023", "--check").exit_code == 0
    assert cli("--store", met, "targets", "2023", "--check").exit_code == 0
    r = cli("--store", missed, "targets", "2023", "--check")
    assert r.exit_code == 1 and "missed" in r.stdout
    assert cli("--store", missed, "targets", "2023", "--check", "--format", "json").exit_code == 1
    assert cli("--store", missed, "targets", "2023").exit_code == 0


# --- output ---------------------------------------------------------------------------------------


def test_records_have_the_core_keys_then_the_check_keys(tmp_path, cli):
    path = make_store(tmp_path, fig("target", "gdp", 2023, "growth", unit="%", growth=5))
    r = cli("--store", path, "targets", "2023", "--format", "csv")
    header = next(csv.reader(io.StringIO(r.stdout)))
    assert header == list(KEYS) + [
        "baseline_year", "baseline_value", "baseline_unit", "baseline_growth", "implied_value", "implied_unit",
        "actual_value", "actual_unit", "actual_growth", "outcome", "margin", "margin_unit"]
    assert tuple(header[len(KEYS):]) == EXTRA_KEYS
    tsv = cli("--store", path, "targets", "2023", "--format", "tsv").stdout
    assert tsv.splitlines()[0].split("\t") == header


def test_decimal_output_has_no_float_noise(tmp_path, cli):
    # In floats: 5.6 - 5.5 = 0.0999…, 1110 * 1.055 = 1171.0499…, 0.3 - 0.1 = 0.19999….
    path = make_store(tmp_path,
                      fig("actual", "gdp", 2022, "value", value=1110, unit="亿元", growth=5.8),
                      fig("target", "gdp", 2023, "growth", unit="%", growth=5.5),
                      fig("actual", "gdp", 2023, "growth", unit="%", growth=5.6),
                      fig("target", "unemployment", 2023, "value", value=0.3, unit="%", qualifier="at_most"),
                      fig("actual", "unemployment", 2023, "value", value=0.1, unit="%"))
    for fmt in ("json", "csv", "tsv", "markdown", "table"):
        out = cli("--store", path, "targets", "2023", "--format", fmt).stdout
        assert "1171.05" in out and "0.1" in out and "0.2" in out
        assert "99999" not in out and "00000" not in out, fmt
    rec = targets_json(cli, path, "2023")
    assert rec[("gdp", "east", 2023)]["margin"] == 0.1
    assert rec[("unemployment", "east", 2023)]["margin"] == 0.2


def test_table_says_targets_as_a_reader_would(tmp_path, cli):
    path = make_store(
        tmp_path,
        fig("target", "gdp", 2023, "growth", unit="%", growth=5.5),
        fig("target", "revenue", 2023, "growth", unit="%", growth=5, qualifier="about"),
        fig("target", "energy_intensity", 2023, "growth", unit="%", growth=-3),
        fig("target", "firms", 2023, "value", value=180, unit="家", qualifier="at_least"),
        fig("target", "projects", 2023, "value", value=80, unit="个", qualifier="more_than"),
        fig("target", "rank_rd", 2023, "rank", value=3, qualifier="at_most"),
        fig("target", "unemployment", 2023, "value", value=4, unit="%", qualifier="at_most"),
        fig("target", "cpi", 2023, "value", value=5, unit="%", qualifier="about", region="west"),
    )
    out = cli("--store", path, "targets", "2023").stdout
    for said in ("增长 5.5%", "增长 5% 左右", "下降 3%", "≥ 180 家", "> 80 个", "前 3", "控制在 4% 以内", "5% 左右"):
        assert said in out, said
    assert "8 targets: 0 met · 0 missed · 8 pending · 0 manual" in out


def test_machine_formats_put_the_summary_on_stderr_and_never_import_rich(tmp_path):
    path = make_store(tmp_path, fig("target", "gdp", 2023, "growth", unit="%", growth=5))
    code = ("import sys; from csplan.cli import run; sys.argv = ['csplan', '--store', sys.argv[1], 'targets', "
            "'2023', '--format', 'json']\ntry:\n    run()\nexcept SystemExit:\n    pass\n"
            "assert not [m for m in sys.modules if m.startswith('rich')], 'rich imported'\n")
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["outcome"] == "pending"
    assert "1 targets: 0 met · 0 missed · 1 pending · 0 manual" in r.stderr


def test_store_text_is_not_read_as_markup(tmp_path, cli):
    path = make_store(tmp_path, fig("target", "firms", 2023, "value", value=1, unit="[red]家", qualifier="at_least"),
                      fig("actual", "firms", 2023, "value", value=1, unit="[red]家"))
    out = cli("--store", path, "targets", "2023").stdout
    assert "≥ 1 [red]家" in out and "\x1b" not in out


# --- acceptance on the bundled store -----------------------------------------------------------------

GROWTH_TARGETS = {  # 2025年…主要预期目标 (report, section 三)
    "gdp": 5.5, "budget_revenue": 3.0, "local_budget_revenue": 3.0, "retail_sales": 5.3,
    "fixed_asset_investment": 4.5, "disposable_income": 4.0,
}


def test_bundled_2025_targets(cli):
    r = cli("targets", "2025", "--format", "json")
    assert r.exit_code == 0
    recs = {rec["indicator"]: rec for rec in json.loads(r.stdout)}
    assert {i: rec["growth"] for i, rec in recs.items() if rec["metric"] == "growth"} == GROWTH_TARGETS
    assert {i for i, rec in recs.items() if rec["metric"] == "rank"} == {"high_tech_firms", "rd_spending"}
    assert {i for i, rec in recs.items() if rec["metric"] == "task"} == {"trade", "fdi", "energy_saving"}
    levels = {i: (rec["value"], rec["unit"], rec["qualifier"]) for i, rec in recs.items() if rec["metric"] == "value"}
    assert levels["biomed_output"] == (220, "亿元", "more_than")  # 力争产业规模突破220亿元
    assert levels["trade_service_firms"] == (180, "家", "at_least")  # 180家以上
    assert levels["key_projects"] == (154, "个", "exact")  # 省市重点项目154个
    assert levels["new_urban_jobs"] == (1.8, "万人", "exact")
    assert {rec["year"] for rec in recs.values()} == {2025}
    gdp = recs["gdp"]
    # 预计，全年地区生产总值 1110 亿元，增长 5.8%; 1110 × 1.055 = 1171.05
    assert (gdp["baseline_year"], gdp["baseline_value"], gdp["baseline_growth"]) == (2024, 1110, 5.8)
    assert (gdp["implied_value"], gdp["outcome"], gdp["margin"]) == (1171.05, "pending", None)
    assert recs["trade"]["outcome"] == "manual"
    assert all(rec["outcome"] in ("pending", "manual") for rec in recs.values())
    assert cli("targets", "2025", "--check").exit_code == 0


def _with_gdp_2025(store_copy, growth) -> None:
    text = store_copy.read_text(encoding="utf-8")
    text += ('\n[[sources]]\nid = "cangshan-2025-plan"\ntitle = "仓山区 2025 年规划执行情况报告"\n'
             'date = "2025-12-25"\nregion = "cangshan"\n')
    text += fig("actual", "gdp", 2025, "growth", unit="%", growth=growth, region="cangshan",
                source="cangshan-2025-plan", status="preliminary")
    store_copy.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("growth,outcome,margin,code", [(5.4, "missed", -0.1, 1), (5.6, "met", 0.1, 0)])
def test_bundled_gdp_after_a_2025_actual(cli, store_copy, growth, outcome, margin, code):
    _with_gdp_2025(store_copy, growth)
    recs = targets_json(cli, store_copy, "2025")
    gdp = recs[("gdp", "cangshan", 2025)]
    assert (gdp["actual_growth"], gdp["outcome"], gdp["margin"]) == (growth, outcome, margin)
    assert gdp["implied_value"] == 1171.05
    assert cli("--store", store_copy, "targets", "2025", "--check").exit_code == code
    shown = cli("--store", store_copy, "show", "gdp").stdout
    assert f"{outcome}, margin {'+' if margin > 0 else ''}{margin} pp" in shown


def test_show_prints_outcome_and_implied_level(cli):
    out = cli("show", "gdp").stdout
    assert "target 2025 增长 5.5%: pending" in out
    assert "1110 亿元 (2024) × 1.055 = 1171.05 亿元" in out
    assert "target 2025" not in cli("show", "gdp", "--year", "2024").stdout


# --- arithmetic ---------------------------------------------------------------------------------------


def test_implied_levels_of_the_report():
    assert implied_level(1110, 5.5) == Decimal("1171.05")
    assert implied_prior_level(1110, 5.8) == Decimal("1049.15")  # 1110 / 1.058 = 1049.149…
    assert implied_level(334.8, 5) == Decimal("351.54")  # 334.8 × 1.05, one decimal + 2
    assert implied_level(39.3, 3.0) == Decimal("40.479")
    assert implied_level(100, -3) == Decimal("97")
    assert implied_prior_level(100, -100) is None


def test_rounding_is_half_up_at_printed_precision_plus_two():
    assert implied_level(1, 0.125) == Decimal("1")  # 1.00125 → 1.00
    assert implied_level(1, 0.5) == Decimal("1.01")  # 1.005 → 1.01 (half up, not half even)
    assert implied_level(2, 0.25) == Decimal("2.01")  # 2.005 → 2.01


values = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1000000"), places=2, allow_nan=False,
                     allow_infinity=False)
growths = st.decimals(min_value=Decimal("-50"), max_value=Decimal("100"), places=1, allow_nan=False,
                      allow_infinity=False)


@given(values, growths)
def test_implied_prior_level_inverts_implied_level(value, growth):
    there = implied_level(value, growth)
    back = implied_prior_level(there, growth)
    assert round(back, 2) == value


@given(values, growths)
def test_implied_level_inverts_implied_prior_level(value, growth):
    before = implied_prior_level(value, growth)
    assert round(implied_level(before, growth), 2) == value


def test_every_level_carries_its_unit(tmp_path, cli):
    path = make_store(tmp_path,
                      fig("actual", "gdp", 2022, "value", value=1110, unit="亿元", growth=5.8),
                      fig("target", "gdp", 2023, "growth", unit="%", growth=5.5),
                      fig("actual", "jobs", 2022, "value", value=17000, unit="人"),
                      fig("target", "jobs", 2023, "value", value=1.8, unit="万人"),
                      fig("actual", "jobs", 2023, "value", value=18500, unit="人"),
                      fig("target", "projects", 2023, "value", value=80, unit="个", qualifier="more_than"),
                      fig("actual", "projects", 2023, "value", value=78, unit="项"),
                      fig("actual", "rank_rd", 2022, "rank", value=5),
                      fig("target", "rank_rd", 2023, "rank", value=4, qualifier="at_most"),
                      fig("actual", "rank_rd", 2023, "rank", value=3))
    recs = targets_json(cli, path, "2023")

    def levels(iid):
        r = recs[(iid, "east", 2023)]
        return tuple(r[k] for k in ("unit", "baseline_value", "baseline_unit", "implied_value", "implied_unit",
                                    "actual_value", "actual_unit", "margin", "margin_unit"))

    # 1110 亿元 × 1.055 = 1171.05 亿元, while the target itself is in %
    assert levels("gdp") == ("%", 1110, "亿元", 1171.05, "亿元", None, None, None, None)
    # 17000 人 = 1.7 万人, 18500 人 = 1.85 万人: 0.05 万人 above 1.8 万人
    assert levels("jobs") == ("万人", 1.7, "万人", None, None, 1.85, "万人", 0.05, "万人")
    # 项 and 个 do not convert: the actual keeps its own unit, and is judged by hand
    assert levels("projects") == ("个", None, None, None, None, 78, "项", None, None)
    assert recs[("projects", "east", 2023)]["outcome"] == "manual"
    # places are not levels: no unit, the margin in places (third, within the first four: +1)
    assert levels("rank_rd") == (None, 5, None, None, None, 3, None, 1, "places")
