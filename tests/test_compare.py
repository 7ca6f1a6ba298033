"""`csplan compare` (one indicator across regions) and `targets --all-regions`.

The store is written here: a province and two of its cities with 2025 GDP targets, and the
figures that judge them; every expected number is worked out by hand from those figures.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT, unavailable

STORE = """schema = 1

[[sources]]
id = "s"
title = "报告"
date = "2025-01-20"

[[sources]]
id = "s26"
title = "报告 2026"
date = "2026-01-20"

[[regions]]
id = "fujian"
name = "福建省"
level = "province"

[[regions]]
id = "fuzhou"
name = "福州市"
level = "city"
parent = "fujian"

[[regions]]
id = "xiamen"
name = "厦门市"
level = "city"
parent = "fujian"

[[regions]]
id = "cangshan"
name = "福州市仓山区"
level = "district"
parent = "fuzhou"

[[indicators]]
id = "gdp"
name = "地区生产总值"
unit = "亿元"

[[indicators]]
id = "rd_intensity"
name = "研发投入强度"
unit = "%"

[[observations]]
indicator = "gdp"
region = "fuzhou"
year = 2025
metric = "growth"
unit = "%"
growth = 5.6
qualifier = "exact"
status = "reported"
source = "s26"

[[observations]]
indicator = "gdp"
region = "xiamen"
year = 2025
metric = "growth"
unit = "%"
growth = 5.9
qualifier = "exact"
status = "reported"
source = "s26"

[[targets]]
indicator = "gdp"
region = "cangshan"
year = 2025
metric = "growth"
unit = "%"
growth = 7
qualifier = "exact"
source = "s"

[[targets]]
indicator = "gdp"
region = "fujian"
year = 2025
metric = "growth"
unit = "%"
growth = 5.5
qualifier = "at_least"
source = "s"

[[targets]]
indicator = "gdp"
region = "fuzhou"
year = 2025
metric = "growth"
unit = "%"
growth = 6
qualifier = "exact"
source = "s"

[[targets]]
indicator = "gdp"
region = "xiamen"
year = 2025
metric = "growth"
unit = "%"
growth = 5.5
qualifier = "exact"
source = "s"

[[targets]]
indicator = "rd_intensity"
region = "fujian"
year = 2025
metric = "value"
value = 2.5
unit = "%"
qualifier = "exact"
source = "s"

[[targets]]
indicator = "rd_intensity"
region = "fuzhou"
year = 2025
metric = "value"
value = 3.2
unit = "%"
qualifier = "exact"
source = "s"
"""


@pytest.fixture
def store(tmp_path) -> Path:
    p = tmp_path / "regions.toml"
    p.write_text(STORE, encoding="utf-8")
    return p


def records(cli, store, *args):
    r = cli("--store", store, "compare", *args, "--format", "json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_targets_side_by_side_largest_first(cli, store):
    recs = records(cli, store, "gdp", "--year", "2025", "--kind", "target")
    # 7 (cangshan), 6 (fuzhou), 5.5 (fujian, xiamen: by id on a tie)
    assert [r["region"] for r in recs] == ["cangshan", "fuzhou", "fujian", "xiamen"]
    by = {r["region"]: r for r in recs}
    # fuzhou: 5.6 against 6 → missed by 0.4 pp; xiamen: 5.9 against 5.5 → met by 0.4 pp
    assert (by["fuzhou"]["outcome"], by["fuzhou"]["margin"], by["fuzhou"]["margin_unit"]) == ("missed", -0.4, "pp")
    assert (by["xiamen"]["outcome"], by["xiamen"]["margin"]) == ("met", 0.4)
    assert by["fujian"]["outcome"] == "pending" and by["fujian"]["actual_growth"] is None
    assert (by["fuzhou"]["level"], by["fuzhou"]["parent"]) == ("city", "fujian")
    assert by["fuzhou"]["vs_parent"] is None  # only with --vs-parent


def test_vs_parent_is_the_excess_over_the_parents_target(cli, store):
    by = {r["region"]: r for r in records(cli, store, "gdp", "--year", "2025", "--vs-parent")}
    # fuzhou 6 − fujian 5.5 = +0.5 pp; xiamen 5.5 − 5.5 = 0; cangshan 7 − fuzhou 6 = +1 pp; fujian has no parent
    assert (by["fuzhou"]["vs_parent"], by["fuzhou"]["vs_parent_unit"]) == (0.5, "pp")
    assert by["xiamen"]["vs_parent"] == 0
    assert by["cangshan"]["vs_parent"] == 1
    assert by["fujian"]["vs_parent"] is None
    rate = records(cli, store, "rd_intensity", "--year", "2025", "--vs-parent")
    # a rate: 3.2% − 2.5% = +0.7 percentage points
    assert [(r["region"], r["vs_parent"], r["vs_parent_unit"]) for r in rate] == [
        ("fuzhou", 0.7, "pp"), ("fujian", None, None)]


def test_level_and_within_filter(cli, store):
    assert [r["region"] for r in records(cli, store, "gdp", "--year", "2025", "--level", "city")] == [
        "fuzhou", "xiamen"]
    assert [r["region"] for r in records(cli, store, "gdp", "--year", "2025", "--within", "福州市")] == [
        "cangshan", "fuzhou"]
    actual = records(cli, store, "gdp", "--year", "2025", "--kind", "actual")
    assert {r["region"] for r in actual} == {"fuzhou", "xiamen"}


def test_table_csv_and_bad_input(cli, store):
    r = cli("--store", store, "compare", "gdp", "--year", "2025", "--vs-parent")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    fuzhou = next(line for line in lines if line.startswith("fuzhou "))
    assert "增长 6%" in fuzhou and "missed" in fuzhou and "-0.4 pp" in fuzhou and "+0.5 pp" in fuzhou
    c = cli("--store", store, "compare", "gdp", "--year", "2025", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(c.stdout)))
    assert [row["region"] for row in rows][:2] == ["cangshan", "fuzhou"] and rows[1]["margin"] == "-0.4"
    for args, code in ((("--year", "2031"), 1), (("--year", "2025", "--level", "town"), 2),
                       (("--year", "2025", "--kind", "plan"), 2), (("--year", "2025", "--within", "nowhere"), 1)):
        bad = cli("--store", store, "compare", "gdp", *args)
        assert bad.exit_code == code, (args, bad.output)
        assert len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.output


def test_svg_chart(cli, store, tmp_path):
    out = tmp_path / "c.svg"
    r = cli("--store", store, "compare", "gdp", "--year", "2025", "--svg", out)
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<svg") and "福州市仓山区" in text and "厦门市" in text and "增长 7%" in text


def test_targets_all_regions(cli, store):
    r = cli("--store", store, "targets", "2025", "--all-regions", "--format", "json")
    assert r.exit_code == 0, r.stderr
    by = {rec["region"]: rec for rec in json.loads(r.stdout)}
    # fujian: gdp pending, rd_intensity pending; fuzhou: gdp missed, rd pending; xiamen: met
    assert (by["fujian"]["targets"], by["fujian"]["pending"]) == (2, 2)
    assert (by["fuzhou"]["missed"], by["fuzhou"]["pending"]) == (1, 1)
    assert (by["xiamen"]["met"], by["cangshan"]["pending"]) == (1, 1)
    table = cli("--store", store, "targets", "2025", "--all-regions").stdout
    assert sum(1 for line in table.splitlines() if line.split()[:1] in (["fujian"], ["fuzhou"], ["xiamen"],
                                                                        ["cangshan"])) == 4


CORPUS = ROOT.parent / "shared" / "corpus"


def test_compare_lists_every_corpus_region_with_a_2025_gdp_target(cli, tmp_path):
    if not CORPUS.is_dir():
        unavailable("needs ../shared/corpus")
    expected = set()
    for key in sorted(Path(__file__).parent.glob("corpus_key*.toml")):
        for rep in tomllib.loads(key.read_text(encoding="utf-8"))["report"]:
            if rep["target_year"] == 2025 and (CORPUS / rep["file"]).is_file() and any(
                    f["kind"] == "target" and f.get("ind") == "gdp" for f in rep["facts"]):
                expected.add(rep["region"])
    assert expected  # anhui, guizhou, jiangsu read by hand
    s = tmp_path / "corpus.toml"
    assert cli("--store", s, "init").exit_code == 0
    assert cli("--store", s, "extract", CORPUS, "--apply").exit_code == 0
    recs = records(cli, s, "gdp", "--year", "2025", "--kind", "target")
    assert {r["region"] for r in recs} == expected
    assert all(r["level"] == "province" for r in recs)
    # every city of the corpus sits under its province, created from the gazetteer
    city = {r["region"]: r for r in records(cli, s, "gdp", "--year", "2024", "--level", "city")}
    assert (city["wuhu"]["parent"], city["changsha"]["parent"], city["leshan"]["parent"]) == (
        "anhui", "hunan", "sichuan")
