"""The fast reader returns exactly what tomllib returns, or declines (None) and tomllib decides."""

from __future__ import annotations

import math
import tomllib

import tomli_w
from hypothesis import example, given, settings
from hypothesis import strategies as st

from csplan.simple_toml import dumps_table, loads
from csplan.locate import bundled_store


def same(a, b) -> bool:
    """Equal, with the same types all the way down (1 is not 1.0, -0.0 is not 0.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    return a == b


def agrees(text: str) -> bool:
    fast = loads(text)
    try:
        slow = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return fast is None
    return fast is None or same(fast, slow)


def test_the_bundled_store_is_read_fast_and_the_same():
    text = bundled_store().read_text(encoding="utf-8")
    fast = loads(text)
    assert fast is not None
    assert same(fast, tomllib.loads(text))
    assert fast["indicators"][0]["id"] == "gdp"
    assert fast["indicators"][0]["aliases"][0] == "GDP"


keys = st.sampled_from(["id", "name", "quote", "value", "growth", "year", "aliases", "a-b", "x_1"])
plain = st.one_of(st.text(max_size=30), st.integers(-(10**17), 10**17), st.lists(st.text(max_size=8), max_size=4))
scalars = st.one_of(plain, st.integers(), st.floats(), st.booleans())


def documents(values):
    tables = st.dictionaries(keys, values, max_size=6)
    return st.fixed_dictionaries(
        {"schema": st.integers(0, 3)},
        optional={s: st.lists(tables, max_size=4) for s in ("sources", "indicators", "observations")},
    )


def canonical(doc: dict) -> str:
    chunks = [tomli_w.dumps({"schema": doc["schema"]})]
    for section in ("sources", "indicators", "observations"):
        for table in doc.get(section, []):
            chunks.append(f"\n[[{section}]]\n" + tomli_w.dumps(table))
    return "".join(chunks)


@settings(max_examples=300)
@given(documents(scalars))
def test_what_tomli_w_writes_reads_back_the_same(doc):
    assert agrees(canonical(doc))


@settings(max_examples=200)
@given(documents(plain))
def test_strings_integers_and_string_arrays_are_read_fast(doc):
    text = canonical(doc)
    fast = loads(text)
    assert fast is not None
    assert same(fast, tomllib.loads(text))


@settings(max_examples=400)
@given(st.integers(0, 10_000), st.sampled_from(["", "#", "\r", "\\", '"', "'", "[", "]", "=", " ", "\n", "\t",
                                                  "1", ".", "e", "_", "\x00", "ä", "[[", "]]"]),
       st.integers(0, 3))
@example(0, "", 0)
def test_a_damaged_store_is_read_the_same_or_left_to_tomllib(at, insert, delete):
    text = bundled_store().read_text(encoding="utf-8")[:3000]
    at = at % (len(text) + 1)
    assert agrees(text[:at] + insert + text[at + delete:])


def test_anything_beyond_the_simple_part_is_left_to_tomllib():
    for text in (
        'schema = 1\n# a comment\n',
        'schema = 1\r\n',
        'schema = 1\n[[sources]]\ndate = 2024-12-25\n',
        'schema = 1\n[sources]\nid = "a"\n',
        'schema = 1\n[[sources]]\nid = "a" # note\n',
        'schema = 1\n[[sources]]\nid = "a"\nid = "b"\n',
        'sources = []\n[[sources]]\nid = "a"\n',
        'schema = 1\n[[sources]]\nid = """a"""\n',
        'schema = +1\n',
        'schema = 1_000\n',
        'schema = 1e3\n',
        'schema = true\n',
        'schema = 1 \n',
    ):
        assert loads(text) is None, text


def test_a_store_without_a_final_newline_or_with_blank_lines_reads_the_same():
    text = '\n\nschema = 1\n\n\n[[sources]]\nid = "a"\ntitle = "t \\"q\\" \\u00e4"\nn = -0.0\nm = -0'
    assert same(loads(text), tomllib.loads(text))
    assert loads(text)["sources"][0]["title"] == 't "q" ä'


@settings(max_examples=400)
@given(st.dictionaries(st.one_of(keys, st.text(max_size=5)), scalars, max_size=8))
def test_a_table_is_written_exactly_as_tomli_w_writes_it(table):
    assert dumps_table(table) == tomli_w.dumps(table)


def test_every_table_of_the_bundled_store_is_written_as_tomli_w_writes_it():
    doc = tomllib.loads(bundled_store().read_text(encoding="utf-8"))
    tables = [t for section in ("sources", "regions", "indicators", "observations", "targets") for t in doc[section]]
    assert len(tables) > 250
    for t in tables:
        assert dumps_table(t) == tomli_w.dumps(t)
