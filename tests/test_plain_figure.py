"""The quick path that reads a plain figure table must agree with the rule-by-rule check: it may
decline any table (the full check then decides), but never accept one the full check refuses,
nor build another figure than the full check does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csplan.locate import bundled_store
from csplan.store import _Checker, _figure_by_rules, load, plain_figure, to_table

STORE = load(bundled_store(), cache=False)
TABLES = [(f.kind, to_table(f)) for f in STORE.figures]
ODD_VALUES = [None, "", " ", "x", 0, 1, -1, 1.5, True, False, 10**15, -(10**15) + 1, 1e15, float("nan"),
              float("inf"), 0.1 + 0.2, 2024, 1948, 2101, "2024", [], {}, "\ud800", "亿元", "家", "%", "万人", "个百分点",
              "value", "growth", "rank", "task", "exact", "about", "estimate", "reported", "gdp", "cangshan",
              "cangshan-2024-plan", "unknown", "1110"]
KEYS = ["indicator", "region", "year", "metric", "value", "unit", "growth", "qualifier", "status", "source",
        "quote", "extra"]


def edited(table: dict, edits) -> dict:
    """`table` with each (key, value) of `edits` set, or the key dropped where the value is "DROP"."""
    raw = dict(table)
    for key, value in edits:
        if value == "DROP":
            raw.pop(key, None)
        else:
            raw[key] = value
    return raw


def assert_same_verdict(raw: dict, kind: str) -> None:
    quick = plain_figure(dict(raw), kind, STORE)
    full, problems = full_check(dict(raw), kind)
    if quick is not None:
        assert problems == [], (raw, problems)
        assert repr(quick) == repr(full)


def full_check(raw, kind):
    c = _Checker()
    fig = _figure_by_rules(c, "observations[0]", raw, kind, STORE)
    return (None if c.problems else fig), c.problems


@pytest.mark.parametrize("kind, table", TABLES[::7])
def test_every_table_of_the_bundled_store_takes_the_quick_path(kind, table):
    quick = plain_figure(dict(table), kind, STORE)
    assert quick is not None
    assert quick == full_check(dict(table), kind)[0]


def kinds_of_table() -> list[tuple[str, dict]]:
    """One table of each kind and metric the bundled store has, and each with its kind swapped."""
    seen: dict[tuple, tuple[str, dict]] = {}
    for kind, table in TABLES:
        seen.setdefault((kind, table["metric"], "growth" in table, "unit" in table), (kind, table))
    picked = list(seen.values())
    return picked + [("target" if k == "actual" else "actual", t) for k, t in picked]


@pytest.mark.parametrize("kind, table", kinds_of_table(), ids=lambda x: x if isinstance(x, str) else x["metric"])
def test_every_single_change_of_a_table_gets_the_same_verdict(kind, table):
    """Every key set to every odd value, or dropped, one at a time: the quick path accepts only
    what the full check accepts, and builds the same figure."""
    for key in KEYS:
        for value in ODD_VALUES + ["DROP"]:
            assert_same_verdict(edited(table, [(key, value)]), kind)


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(TABLES), st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from(ODD_VALUES + ["DROP"])),
                                         min_size=1, max_size=3), st.booleans())
def test_the_quick_path_never_accepts_what_the_full_check_refuses(picked, edits, swap_kind):
    kind, table = picked
    if swap_kind:
        kind = "target" if kind == "actual" else "actual"
    assert_same_verdict(edited(table, edits), kind)


FIELD_VALUES = [None, "", " ", "x", "亿元", 0, 0.0, -1, 1.5, 10**20, "exact", "\ud800"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FIELD_VALUES), min_size=12, max_size=12))
def test_a_figures_quick_table_is_its_table(fields):
    """figure_table, the quick way `_clean` is done for figures, keeps and drops the same keys."""
    from csplan.model import Figure
    from csplan.store import FIGURE_KEYS, _clean, figure_table

    figure = Figure(*fields)
    assert figure_table(figure) == _clean(figure, FIGURE_KEYS)
    assert list(figure_table(figure)) == list(_clean(figure, FIGURE_KEYS))
