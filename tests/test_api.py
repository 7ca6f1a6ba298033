"""csplan from Python: `import csplan` gives the library without Typer or Rich; errors are
exceptions; writes are all or nothing and never touch the bundled store."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import csplan
from csplan.locate import bundled_store


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_and_use_load_neither_typer_nor_rich():
    code = ("import json, sys, csplan\n"
            "s = csplan.load()\n"
            "c = csplan.check_targets(s, 2025)\n"
            "g = csplan.growth(s)\n"
            "i = csplan.find_indicator(s, 'GDP')\n"
            "r = csplan.to_records(s, csplan.select(s, indicator=i.id))\n"
            "print(json.dumps({'first': str(c[0]), 'n': len(c), 'growth': len(g), 'records': len(r),\n"
            "  'heavy': sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'rich', 'click', 'pydantic'})}))\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", check=True)
    out = json.loads(p.stdout)
    assert out["heavy"] == []
    # 2025年…主要预期目标：地区生产总值增长5.5% — 26 targets in the report's 2025 plan
    assert out["first"] == "gdp 2025 cangshan 增长 5.5%: pending: no 2025 actual yet"
    assert out["n"] == 26
    assert out["records"] == 2
    # gdp (5.8 → 5.5), retail sales (5.3 → 5.3) and disposable income (3.8 → 4.0) have both
    assert out["growth"] == 3


def test_every_public_name_resolves_and_is_listed():
    for name in csplan.__all__:
        assert getattr(csplan, name) is not None
    with pytest.raises(AttributeError):
        csplan.no_such_name  # noqa: B018


def test_load_reads_a_given_path_and_writes_no_cache_by_default(tmp_path, monkeypatch, store_copy):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    s = csplan.load(store_copy)
    assert len(s.figures) == 148 and not (tmp_path / "cache").exists()
    csplan.load(store_copy, cache=True)
    assert any((tmp_path / "cache").rglob("*.cache"))


def test_errors_are_exceptions_not_exits(tmp_path, store_copy):
    s = csplan.load(store_copy)
    with pytest.raises(csplan.NotFound) as e:
        csplan.find_indicator(s, "no such thing at all")
    assert e.value.exit_code == 1
    with pytest.raises(csplan.StoreError):
        csplan.load(tmp_path / "missing.toml")
    with pytest.raises(csplan.NotFound):
        csplan.check_targets(s, 1999)


def test_update_applies_a_change_and_returns_what_it_returns(store_copy):
    def change(store):
        f = csplan.new_figure(store, "actual", "gdp", 2025, growth="5.4")
        return csplan.add_figure(store, f)

    message = csplan.update(change, store_copy)
    assert "recorded actual gdp 2025" in message
    s = csplan.load(store_copy)
    [check] = [c for c in csplan.check_targets(s, 2025) if c.target.indicator == "gdp"]
    assert check.outcome == "missed" and str(check.margin) == "-0.1"  # target 增长5.5%, actual 5.4


def test_a_failed_update_leaves_the_file_byte_identical(store_copy):
    before = sha(store_copy)

    def breaks(store):
        store.figures[0].value = "not a number"

    with pytest.raises(csplan.StoreError):
        csplan.update(breaks, store_copy)

    def raises(store):
        store.figures.clear()
        raise ValueError("changed my mind")

    with pytest.raises(ValueError):
        csplan.update(raises, store_copy)
    assert sha(store_copy) == before


def test_update_with_no_store_chosen_copies_the_bundled_store_first(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    before = sha(bundled_store())
    csplan.update(lambda s: csplan.add_figure(s, csplan.new_figure(s, "actual", "gdp", 2025, growth=5.6)))
    mine = tmp_path / "data" / "csplan" / "indicators.toml"
    assert csplan.which_store().path == mine and csplan.which_store().origin == "user"
    assert sha(bundled_store()) == before
    [check] = [c for c in csplan.check_targets(csplan.load(), 2025) if c.target.indicator == "gdp"]
    assert check.outcome == "met"


def test_extract_takes_text_and_returns_records():
    text = ("关于某县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告\n\n"
            "预计，全年地区生产总值320亿元，增长6.1%；社会消费品零售总额150亿元，增长5%。\n\n"
            "2025年经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n")
    result = csplan.extract_report(text, region="mou")
    got = {(r["kind"], r["year"], r["value"], r["growth"], r["qualifier"]) for r in result.records
           if r["indicator"] == "gdp"}
    assert got == {("actual", 2024, 320, 6.1, "exact"), ("target", 2025, None, 6, "about")}
