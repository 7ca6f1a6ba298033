"""The parse cache: it speeds csplan up and never changes an answer.

Every case compares with the store read from its text (CSPLAN_NO_CACHE=1), and the figures the
cases look at are the report's: 预计，全年地区生产总值 1110 亿元，增长 5.8%.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from csplan import cache
from csplan.cache import CachedStore
from csplan.query import select
from csplan.store import load


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("CSPLAN_CACHE_DIR", str(d))
    monkeypatch.delenv("CSPLAN_NO_CACHE", raising=False)
    return d


def entries(d: Path) -> list[str]:
    """The folder's files but its secret (the key of the entries' digests)."""
    return sorted(p.name for p in d.iterdir() if p.name != cache.SECRET) if d.exists() else []


def snapshot(store) -> list:
    """Everything a store holds, with types, in order (1110 is not 1110.0)."""
    figs = [tuple((type(getattr(f, k)).__name__, getattr(f, k)) for k in f.__match_args__) for f in store.figures]
    return [store.schema, list(store.sources.values()), list(store.regions.values()),
            list(store.indicators.values()), figs]


def uncached(path: Path, monkeypatch):
    with monkeypatch.context() as m:
        m.setenv("CSPLAN_NO_CACHE", "1")
        return load(path)


def gdp_2024(store) -> tuple:
    (f,) = [f for f in select(store, indicator="gdp", year=2024, kind="actual") if f.metric == "value"]
    return f.value, f.growth, f.status


def test_the_second_load_comes_from_the_cache_and_holds_the_same(store_copy, cache_dir, monkeypatch):
    first = load(store_copy)
    assert not isinstance(first, CachedStore)
    assert len(entries(cache_dir)) == 1 and entries(cache_dir)[0].endswith(".cache")
    second = load(store_copy)
    assert isinstance(second, CachedStore)
    assert gdp_2024(second) == (1110, 5.8, "estimate")
    assert snapshot(second) == snapshot(first) == snapshot(uncached(store_copy, monkeypatch))


def test_one_indicator_is_read_without_the_others(store_copy, cache_dir):
    load(store_copy)
    store = load(store_copy)
    assert [f.value for f in store.figures_of("gdp") if f.year == 2024 and f.metric == "value"] == [1110]
    assert len(store._groups) == 1  # only gdp's figures were read
    assert store.figures_of("no_such_indicator") == []


def test_an_edit_that_keeps_size_and_time_is_seen(store_copy, cache_dir, monkeypatch):
    load(store_copy)
    st = store_copy.stat()
    text = store_copy.read_text(encoding="utf-8")
    edited = text.replace("value = 1110\n", "value = 1111\n", 1)
    assert edited != text and len(edited) == len(text)
    store_copy.write_text(edited, encoding="utf-8")
    os.utime(store_copy, ns=(st.st_atime_ns, st.st_mtime_ns))
    store = load(store_copy)
    assert not isinstance(store, CachedStore)
    assert gdp_2024(store)[0] == 1111
    assert gdp_2024(load(store_copy))[0] == 1111  # and the entry was written anew


def test_an_edit_that_breaks_the_store_is_reported_not_hidden_by_the_cache(store_copy, cache_dir):
    from csplan.store import StoreError

    load(store_copy)
    store_copy.write_text(store_copy.read_text(encoding="utf-8").replace('metric = "value"', 'metric = "level"', 1),
                          encoding="utf-8")
    with pytest.raises(StoreError, match="level"):
        load(store_copy)


def damage(file: Path, how: str) -> None:
    data = file.read_bytes()
    if how == "truncated":
        file.write_bytes(data[: len(data) // 2])
    elif how == "empty":
        file.write_bytes(b"")
    elif how == "garbage":
        file.write_bytes(bytes((i * 7919) % 256 for i in range(len(data))))
    elif how == "one byte of a figure":
        at = data.rindex(b"1110") if b"1110" in data else len(data) - 10
        file.write_bytes(data[:at] + b"9" + data[at + 1:])
    elif how == "one byte of the header":
        at = len(cache.MAGIC) + cache._DIGEST + 4 + 20
        file.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1:])


@pytest.mark.parametrize("how", ["truncated", "empty", "garbage", "one byte of a figure", "one byte of the header"])
def test_a_damaged_entry_is_ignored_and_rebuilt(store_copy, cache_dir, monkeypatch, how):
    load(store_copy)
    (name,) = entries(cache_dir)
    damage(cache_dir / name, how)
    store = load(store_copy)
    assert gdp_2024(store) == (1110, 5.8, "estimate")
    assert snapshot(store) == snapshot(uncached(store_copy, monkeypatch))
    again = load(store_copy)
    assert snapshot(again) == snapshot(store)


def test_a_group_damaged_after_the_store_was_opened_is_read_from_the_text(store_copy, cache_dir, monkeypatch):
    load(store_copy)
    store = load(store_copy)
    assert isinstance(store, CachedStore)
    (name,) = entries(cache_dir)
    file = cache_dir / name
    data = bytearray(file.read_bytes())
    for n in range(len(data) - 200, len(data)):  # the last groups' bytes, after the header was checked
        data[n] ^= 0x55
    with open(file, "r+b") as f:  # in place: the open store reads these very bytes
        f.write(data)
    assert gdp_2024(store) == (1110, 5.8, "estimate")
    assert snapshot(store) == snapshot(uncached(store_copy, monkeypatch))


def test_another_stores_entry_under_this_name_is_not_believed(store_copy, tmp_path, cache_dir, monkeypatch):
    other = tmp_path / "other.toml"
    other.write_text(store_copy.read_text(encoding="utf-8").replace("value = 1110\n", "value = 2220\n", 1),
                     encoding="utf-8")
    load(other)
    load(store_copy)
    by_name = {name: (cache_dir / name).read_bytes() for name in entries(cache_dir)}
    assert len(by_name) == 2
    mine = cache.Entry(store_copy, store_copy.read_bytes()).file.name
    (theirs,) = set(by_name) - {mine}
    (cache_dir / mine).write_bytes(by_name[theirs])
    assert gdp_2024(load(store_copy))[0] == 1110


def test_an_entry_from_another_csplan_version_is_ignored(store_copy, cache_dir, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(cache, "__version__", "0.0.1")
        load(store_copy)
        assert isinstance(load(store_copy), CachedStore)
    store = load(store_copy)
    assert not isinstance(store, CachedStore)
    assert gdp_2024(store) == (1110, 5.8, "estimate")
    assert isinstance(load(store_copy), CachedStore)


@pytest.mark.parametrize("value", ["1", "yes"])
def test_csplan_no_cache_turns_it_off(store_copy, cache_dir, monkeypatch, value):
    monkeypatch.setenv("CSPLAN_NO_CACHE", value)
    store = load(store_copy)
    store = load(store_copy)
    assert not isinstance(store, CachedStore)
    assert gdp_2024(store) == (1110, 5.8, "estimate")
    assert not cache_dir.exists()


def test_the_cache_lives_under_xdg_cache_home_unless_csplan_cache_dir_says(monkeypatch, tmp_path):
    monkeypatch.delenv("CSPLAN_CACHE_DIR", raising=False)
    monkeypatch.delenv("CSPLAN_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "csplan"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "csplan"
    monkeypatch.setenv("CSPLAN_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"


def test_writing_leaves_no_temporary_files_even_when_it_fails(store_copy, cache_dir, monkeypatch):
    load(store_copy)
    assert all(n.endswith(".cache") for n in entries(cache_dir))
    store_copy.write_text(store_copy.read_text(encoding="utf-8").replace("value = 1110\n", "value = 1112\n", 1),
                          encoding="utf-8")

    def refuse(*args):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(cache.os, "replace", refuse)
        store = load(store_copy)
    assert gdp_2024(store)[0] == 1112
    assert all(n.endswith(".cache") for n in entries(cache_dir)) and len(entries(cache_dir)) == 1
    assert gdp_2024(load(store_copy))[0] == 1112  # the old entry was not believed


def test_an_unwritable_cache_directory_only_costs_speed(store_copy, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("CSPLAN_CACHE_DIR", str(blocker / "cache"))
    assert gdp_2024(load(store_copy)) == (1110, 5.8, "estimate")
    assert gdp_2024(load(store_copy)) == (1110, 5.8, "estimate")


# --- whole commands, as a person runs them ---------------------------------------------------


def csplan(store: Path, cache_dir: Path, *args: str, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k not in ("CSPLAN_STORE", "CSPLAN_NO_CACHE")}
    environ.update(CSPLAN_CACHE_DIR=str(cache_dir), **env)
    p = subprocess.run([sys.executable, "-m", "csplan", "--store", str(store), *args], capture_output=True,
                       text=True, encoding="utf-8", env=environ, check=False)
    assert p.returncode == 0, p.stderr
    return p.stdout


@pytest.mark.parametrize("args", [("value", "gdp", "2024"), ("show", "gdp", "--format", "json"),
                                  ("list", "--format", "csv")])
def test_commands_answer_the_same_cold_warm_damaged_and_without_cache(store_copy, cache_dir, args):
    plain = csplan(store_copy, cache_dir, *args, CSPLAN_NO_CACHE="1")
    assert "1110" in plain
    assert not cache_dir.exists()
    cold = csplan(store_copy, cache_dir, *args)
    warm = csplan(store_copy, cache_dir, *args)
    (name,) = entries(cache_dir)
    damage(cache_dir / name, "one byte of a figure")
    damaged = csplan(store_copy, cache_dir, *args)
    assert cold == warm == damaged == plain
    if args[0] == "show":
        assert any(r["year"] == 2024 and r["value"] == 1110 for r in json.loads(warm))


def test_a_write_leaves_a_cache_entry_that_holds_exactly_the_new_file(store_copy, cache_dir, monkeypatch, cli):
    load(store_copy)
    r = cli("--store", store_copy, "record", "gdp", "2024", "--value", "1111", "--growth", "5.9", "--status",
            "estimate", "--quote", "预计，全年地区生产总值 1111 亿元，增长 5.9%")
    assert r.exit_code == 0, r.stderr
    store = load(store_copy)
    assert isinstance(store, CachedStore)  # written by the record, not by this load
    assert gdp_2024(store) == (1111, 5.9, "estimate")
    assert snapshot(store) == snapshot(uncached(store_copy, monkeypatch))
    r = cli("--store", store_copy, "record", "gdp", "2024", "--value", "1112", "--growth", "5.9", "--status",
            "estimate")
    assert r.exit_code == 0, r.stderr
    assert gdp_2024(uncached(store_copy, monkeypatch))[0] == 1112
    assert snapshot(load(store_copy)) == snapshot(uncached(store_copy, monkeypatch))


def test_json_is_written_record_by_record_with_the_same_text(bundled):
    """A large store's JSON is streamed; the text is what json.dumps(list, indent=2) writes."""
    import io

    from csplan.records import KEYS, records
    from csplan.render import write_records

    store = load(bundled)
    for recs in (records(store, store.figures), records(store, store.figures[:1]), []):
        out = io.StringIO()
        write_records(recs, "json", KEYS, out)
        assert out.getvalue() == json.dumps([{k: r[k] for k in KEYS} for r in recs], ensure_ascii=False,
                                            indent=2) + "\n"
        assert json.loads(out.getvalue()) == [{k: r[k] for k in KEYS} for r in recs]


@pytest.mark.parametrize("rec", [
    {"a": "x\n\"y\" \u2028 ä 地区", "b": 1, "c": -0.0, "d": None, "e": True, "f": False, "g": 10**20, "h": 1e300},
    {"a": float("nan"), "b": float("inf"), "c": float("-inf")},
    {"a": [1, {"b": 2}], "c": {}},
    {},
])
def test_a_record_with_odd_values_is_written_as_json_writes_it(rec):
    import io

    from csplan.render import write_records

    out = io.StringIO()
    write_records([rec, rec], "json", list(rec), out)
    assert out.getvalue() == json.dumps([rec, rec], ensure_ascii=False, indent=2) + "\n"
