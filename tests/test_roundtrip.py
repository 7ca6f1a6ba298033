"""list → init → import → list gives the same bytes, for CSV, TSV and JSON; import's other promises."""

from __future__ import annotations

import json
import os
import string
from decimal import Decimal
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csplan.edit import ImportRejected, apply_records, read_records
from csplan.model import Figure, Indicator, Region, Source, Store
from csplan.store import create, dumps, load

FORMATS = ["csv", "tsv", "json"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_of_the_bundled_store_is_byte_identical(cli, tmp_path, fmt):
    exported = cli("list", "--format", fmt).stdout
    assert exported.count("\n") > 100
    file = tmp_path / f"all.{fmt}"
    file.write_text(exported, encoding="utf-8")
    new = tmp_path / "new.toml"
    assert cli("--store", new, "init").exit_code == 0
    result = cli("--store", new, "import", file)
    assert result.exit_code == 0, result.stderr
    n = len(load(new).figures)
    assert n == len(load(cli_bundled()).figures)
    assert f"added {n} figures" in result.stderr
    assert cli("--store", new, "list", "--format", fmt).stdout == exported


def cli_bundled():
    from csplan.locate import bundled_store

    return bundled_store()


def test_round_trip_through_pipes_of_the_installed_program(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CSPLAN_STORE"}
    csplan = [sys.executable, "-m", "csplan"]
    exported = subprocess.run([*csplan, "list", "--format", "csv"], capture_output=True, env=env, check=True).stdout
    new = tmp_path / "new.toml"
    subprocess.run([*csplan, "--store", str(new), "init"], env=env, check=True, capture_output=True)
    imported = subprocess.run([*csplan, "--store", str(new), "import", "-"], input=exported, env=env,
                              capture_output=True)
    assert imported.returncode == 0, imported.stderr
    again = subprocess.run([*csplan, "--store", str(new), "list", "--format", "csv"], capture_output=True, env=env,
                           check=True).stdout
    assert again == exported


def test_the_report_figures_survive_the_round_trip(cli, tmp_path):
    """GDP 2024: 预计 1110 亿元, 增长 5.8%; the 2025 target 增长 5.5% (the report's headline sentences)."""
    file = tmp_path / "all.json"
    file.write_text(cli("list", "--format", "json").stdout, encoding="utf-8")
    new = tmp_path / "new.toml"
    cli("--store", new, "init")
    cli("--store", new, "import", file)
    gdp = {(f.kind, f.year): f for f in load(new).figures if f.indicator == "gdp"}
    a, t = gdp["actual", 2024], gdp["target", 2025]
    assert (a.value, a.unit, a.growth, a.status, a.qualifier) == (1110, "亿元", 5.8, "estimate", "exact")
    assert (t.metric, t.growth, t.unit) == ("growth", 5.5, "%")
    store = load(new)
    assert store.indicators["gdp"].name == "地区生产总值" and store.indicators["gdp"].unit == "亿元"
    assert store.sources["cangshan-2024-plan"].title == "cangshan-2024-plan"
    assert store.sources["cangshan-2024-plan"].date is None
    assert store.regions["cangshan"].name == "cangshan"


def test_importing_the_same_file_again_changes_nothing(cli, store_copy, tmp_path):
    file = tmp_path / "all.csv"
    file.write_text(cli("--store", store_copy, "list", "--format", "csv").stdout, encoding="utf-8")
    before = store_copy.read_bytes()
    result = cli("--store", store_copy, "import", file)
    assert result.exit_code == 0
    assert "added 0 figures" in result.stderr and "148 already in the store" in result.stderr.replace(
        str(len(load(store_copy).figures)), "148")
    assert store_copy.read_bytes() == before


def test_import_replaces_a_figure_of_the_same_source_and_says_so(cli, store_copy, tmp_path):
    rows = json.loads(cli("--store", store_copy, "show", "gdp", "--year", "2024", "--format", "json").stdout)
    rows[0]["growth"] = 5.9
    file = tmp_path / "fix.json"
    file.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    result = cli("--store", store_copy, "import", file)
    assert result.exit_code == 0
    assert "replaced actual gdp 2024" in result.stderr and "replaced 1" in result.stderr
    assert [f.growth for f in load(store_copy).figures if f.indicator == "gdp" and f.year == 2024] == [5.9]


def test_dry_run_checks_everything_and_writes_nothing(cli, tmp_path):
    file = tmp_path / "all.csv"
    file.write_text(cli("list", "--format", "csv").stdout, encoding="utf-8")
    new = tmp_path / "new.toml"
    cli("--store", new, "init")
    before = new.read_bytes()
    result = cli("--store", new, "import", file, "--dry-run")
    assert result.exit_code == 0
    assert "would add 148 figures" in result.stderr.replace(str(len(load(cli_bundled()).figures)), "148")
    assert "nothing written" in result.stderr
    assert new.read_bytes() == before
    bad = tmp_path / "bad.csv"
    bad.write_text(file.read_text(encoding="utf-8").replace(",exact,", ",roughly,", 1), encoding="utf-8")
    assert cli("--store", new, "import", bad, "--dry-run").exit_code == 3


def test_a_minimal_hand_written_csv(cli, tmp_path):
    """The columns a person needs to type; the rest may be left out."""
    new = tmp_path / "new.toml"
    cli("--store", new, "init")
    file = tmp_path / "mine.csv"
    file.write_text(
        "indicator,name,region,year,kind,metric,value,unit,growth,qualifier,status,source,quote\n"
        "gdp,国内生产总值,china,2024,target,growth,,%,5,about,,gwr-2024,国内生产总值增长5%左右\n"
        "gdp,国内生产总值,china,2024,actual,value,1349084,亿元,5.0,exact,preliminary,stats-2024,\n",
        encoding="utf-8")
    result = cli("--store", new, "import", file)
    assert result.exit_code == 0, result.stderr
    assert "created 1 indicator, 1 region, 2 sources" in result.stderr
    figs = {f.kind: f for f in load(new).figures}
    assert (figs["target"].growth, figs["target"].qualifier, figs["target"].status) == (5, "about", None)
    assert (figs["actual"].value, figs["actual"].growth, figs["actual"].quote) == (1349084, 5.0, "")
    assert load(new).indicators["gdp"].unit == "亿元"


def test_read_records_keeps_lines_and_detects_the_format():
    text = '[\n  {"indicator": "a"},\n\n  {"indicator": "b",\n   "year": 2024}\n]\n'
    rows = read_records(text, name="x")
    assert [(r["indicator"], r.line) for r in rows] == [("a", 2), ("b", 4)]
    tsv = ("indicator\tregion\tyear\tkind\tmetric\tqualifier\tsource\n\n"
           "a\tr\t2024\tactual\trank\texact\ts\nb\tr\t2025\ttarget\trank\texact\ts\n")
    rows = read_records(tsv)
    assert [(r["indicator"], r["year"], r.line) for r in rows] == [("a", 2024, 3), ("b", 2025, 4)]
    csv_text = 'indicator,region,year,kind,metric,qualifier,source,quote\ng,r,2024,actual,task,exact,s,"two\nlines"\nh,r,2025,actual,task,exact,s,x\n'
    rows = read_records(csv_text, "csv")
    assert [(r["quote"], r.line) for r in rows] == [("two\nlines", 2), ("x", 4)]


# --- random stores ----------------------------------------------------------------------------

words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(str.strip)
# Any number a store may hold (model.number_problem): up to 15 significant digits and 15 decimals.
numbers = st.one_of(st.integers(-10**15 + 1, 10**15 - 1),
                    st.builds(lambda m, e: float(Decimal(m).scaleb(-e)), st.integers(-10**15 + 1, 10**15 - 1),
                              st.integers(0, 15)))
ids = st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=6)


@st.composite
def stores(draw):
    store = Store()
    for n in range(draw(st.integers(1, 3))):
        store.regions[f"r{n}"] = Region(f"r{n}", draw(words), draw(st.none() | words))
    for n in range(draw(st.integers(1, 3))):
        date = draw(st.none() | st.dates().map(lambda d: d.isoformat() if 1000 <= d.year else None))
        store.sources[f"s{n}"] = Source(f"s{n}", draw(words), date, draw(st.none() | words), None,
                                        draw(st.none() | st.sampled_from(list(store.regions))))
    for iid in draw(st.lists(ids, min_size=1, max_size=4, unique=True)):
        store.indicators[iid] = Indicator(iid, draw(words), draw(st.none() | words),
                                          draw(st.sampled_from([None, "亿元", "%", "家"])),
                                          draw(st.none() | st.sampled_from(["headline", "industry"])),
                                          draw(st.sampled_from(["higher", "lower"])))
    seen = set()
    for _ in range(draw(st.integers(0, 12))):
        iid = draw(st.sampled_from(list(store.indicators)))
        kind = draw(st.sampled_from(["actual", "target"]))
        metric = draw(st.sampled_from(["value", "growth", "rank", "task"]))
        f = Figure(kind, iid, draw(st.sampled_from(list(store.regions))), draw(st.integers(1949, 2100)), metric,
                   draw(st.sampled_from(["exact", "more_than", "at_least", "about", "nearly", "at_most"])),
                   draw(st.sampled_from(list(store.sources))), draw(st.just("") | words),
                   status=draw(st.sampled_from(["estimate", "preliminary", "reported"])) if kind == "actual" else None)
        if metric == "value":
            f.value, f.unit, f.growth = draw(numbers), store.indicators[iid].unit or "个", draw(st.none() | numbers)
        elif metric == "growth":
            f.growth, f.unit = draw(numbers), "%"
        elif metric == "rank":
            f.value = draw(st.integers(1, 50))
        elif kind == "actual":
            f.value = draw(st.sampled_from([0, 1]))
        if (*f.key, f.source) not in seen:
            seen.add((*f.key, f.source))
            store.figures.append(f)
    return store


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(store=stores(), fmt=st.sampled_from(FORMATS))
def test_round_trip_of_random_stores(cli, tmp_path_factory, store, fmt):
    """Any valid store, hostile text and awkward floats included, survives list → import → list."""
    tmp = tmp_path_factory.mktemp("rt")
    src, dst = tmp / "src.toml", tmp / "dst.toml"
    create(src, store)
    assert dumps(load(src)) == src.read_text(encoding="utf-8")
    exported = cli("--store", src, "list", "--format", fmt).stdout
    cli("--store", dst, "init")
    result = cli("--store", dst, "import", "-", "--format", fmt, input=exported)
    assert result.exit_code == 0, result.stderr
    assert cli("--store", dst, "list", "--format", fmt).stdout == exported


def test_apply_records_reports_rows_by_position_when_they_have_no_line():
    store = Store(regions={"r": Region("r", "某区")}, sources={"s": Source("s", "报告")})
    good = {"indicator": "gdp", "name": "地区生产总值", "region": "r", "year": 2024, "kind": "actual",
            "metric": "growth", "growth": 5, "unit": "%", "qualifier": "exact", "status": "reported", "source": "s"}
    bad = dict(good, year=2025, qualifier="roughly")
    with pytest.raises(ImportRejected) as e:
        apply_records(store, [good, bad], "extract")
    assert e.value.problems == ["extract: record 2: unknown qualifier 'roughly'; use one of: exact, more_than, "
                                "at_least, about, nearly, at_most"]
