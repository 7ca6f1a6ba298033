"""The loader either loads a store or raises csplan's own error: never anything else."""

from __future__ import annotations

import datetime

import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from csplan.model import CsplanError, Store
from csplan.store import FIGURE_KEYS, INDICATOR_KEYS, REGION_KEYS, SECTIONS, SOURCE_KEYS, check_text, dumps, load
from csplan.locate import bundled_store

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

KEYS = sorted(set(FIGURE_KEYS + INDICATOR_KEYS + REGION_KEYS + SOURCE_KEYS + ("kind", "schema")))
WORDS = ["gdp", "cangshan", "cangshan-2024-plan", "value", "growth", "rank", "task", "exact", "about", "at_most",
         "estimate", "reported", "亿元", "%", "万人", "家", "higher", "lower", "2024-12-25", "", " ", "[red]x", "\x1b[31m"]

scalars = st.one_of(
    st.sampled_from(WORDS),
    st.text(max_size=12),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([1949, 2024, 2025, 2100, 1948, 2101, 0, -1, 1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2200, 1, 1)),
    st.datetimes(min_value=datetime.datetime(1900, 1, 1), max_value=datetime.datetime(2200, 1, 1)),
    st.times(),
)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                      st.dictionaries(st.sampled_from(KEYS), inner, max_size=3)),
                      max_leaves=6)
tables = st.dictionaries(st.sampled_from(KEYS), values, max_size=12)
documents = st.fixed_dictionaries(
    {},
    optional={"schema": st.one_of(st.just(1), scalars), **{name: st.one_of(st.lists(tables, max_size=4), values)
                                                           for name in SECTIONS}, "extra": values},
)


def loads_or_refuses(tmp_path, data: bytes) -> None:
    path = tmp_path / "fuzz.toml"
    path.write_bytes(data)
    try:
        store = load(path)
    except CsplanError as e:
        assert str(e).strip()
        return
    assert isinstance(store, Store)
    # A store that loads writes back to text that loads to the same canonical text.
    text = dumps(store)
    again, problems = check_text(text, path)
    assert problems == []
    assert dumps(again) == text


@FUZZ
@given(data=st.binary(max_size=400))
@example(data=b"\xff\xfe")
@example(data=b"schema = 1\n[[regions]]\nid = 1\n")
@example(data=b"schema = 1\nx = " + b"[" * 3000)
def test_random_bytes(tmp_path, data):
    loads_or_refuses(tmp_path, data)


@FUZZ
@given(doc=documents)
def test_random_toml_documents(tmp_path, doc):
    try:
        text = tomli_w.dumps(doc)
    except (TypeError, ValueError):
        return
    loads_or_refuses(tmp_path, text.encode("utf-8"))


@FUZZ
@given(data=st.data())
def test_bundled_store_with_random_edits(tmp_path, data):
    """Damage a real store in small ways: cut a slice, insert text, or change one line."""
    text = bundled_store().read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    how = data.draw(st.sampled_from(["cut", "insert", "line"]))
    if how == "cut":
        a = data.draw(st.integers(0, len(text)))
        b = data.draw(st.integers(a, min(len(text), a + 200)))
        text = text[:a] + text[b:]
    elif how == "insert":
        a = data.draw(st.integers(0, len(text)))
        text = text[:a] + data.draw(st.text(max_size=20)) + text[a:]
    else:
        n = data.draw(st.integers(0, len(lines) - 1))
        key = lines[n].split(" = ")[0] if " = " in lines[n] else "x"
        value = data.draw(scalars)
        try:
            lines[n] = tomli_w.dumps({key: value}) if key.isidentifier() else lines[n]
        except (TypeError, ValueError):
            pass
        text = "".join(lines)
    loads_or_refuses(tmp_path, text.encode("utf-8"))


def test_a_valid_store_loads_and_writes_back_unchanged():
    """The edits above start from a store that loads: the property is not passed by refusing everything."""
    text = bundled_store().read_text(encoding="utf-8")
    store, problems = check_text(text, bundled_store())
    assert problems == [] and len(store.figures) > 100
    assert dumps(store) == text
