"""Every kind of bad input: one line on stderr naming the file and the fix, a non-zero exit, no
traceback, and the store unchanged (checked by hash)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = """\
schema = 1

[[sources]]
id = "s1"
title = "某区 2024 年计划执行情况的报告"
date = "2024-12-25"
region = "r1"

[[regions]]
id = "r1"
name = "某区"

[[indicators]]
id = "gdp"
name = "地区生产总值"
unit = "亿元"
aliases = ["GDP"]

[[observations]]
indicator = "gdp"
region = "r1"
year = 2024
metric = "value"
value = 1110
unit = "亿元"
growth = 5.8
qualifier = "exact"
status = "estimate"
source = "s1"
quote = "预计，全年地区生产总值 1110 亿元，增长 5.8%"

[[targets]]
indicator = "gdp"
region = "r1"
year = 2025
metric = "growth"
unit = "%"
growth = 5.5
qualifier = "exact"
source = "s1"
quote = "地区生产总值增长5.5%"
"""

OBS = GOOD.index("[[observations]]")
OBS_LINE = GOOD.count("\n", 0, OBS) + 1
TGT_LINE = GOOD.count("\n", 0, GOOD.index("[[targets]]")) + 1


def mutate(old: str, new: str, count: int = 1) -> str:
    assert GOOD.count(old) >= count, old
    return GOOD.replace(old, new, count)


def in_obs(old: str, new: str) -> str:
    """GOOD with `old` replaced inside the observation only."""
    head, tail = GOOD[:OBS], GOOD[OBS:]
    end = tail.index("[[targets]]")
    assert old in tail[:end], old
    return head + tail[:end].replace(old, new, 1) + tail[end:]


# name → (store bytes, or a marker for a store that is not a plain file; what stderr must contain)
STORES = {
    "malformed TOML": (GOOD.replace("[[regions]]", "[[regions]"),
                       [f"store.toml:{GOOD.count(chr(10), 0, GOOD.index('[[regions]]')) + 1}:", "not valid TOML"]),
    "directory": ("DIR", ["store.toml", "is a directory"]),
    "missing": ("MISSING", ["store.toml", "no such store", "init"]),
    "unreadable": ("UNREADABLE", ["store.toml", "cannot be read"]),
    "not UTF-8": (GOOD.encode().replace("预计".encode(), b"\xff\xfe"), [f"store.toml:{OBS_LINE + 11}", "UTF-8"]),
    "empty": (b"", ["store.toml", "empty"]),
    "only whitespace": (b"\n  \n", ["store.toml", "empty"]),
    "wrong type: year a string": (in_obs("year = 2024", 'year = "2024"'), [f"store.toml:{OBS_LINE}", "'year'"]),
    "wrong type: section not an array": ("schema = 1\nregions = 3\n", ["store.toml", "array of tables"]),
    "wrong type: value a bool": (in_obs("value = 1110", "value = true"), [f":{OBS_LINE}", "'value' must be a number"]),
    "unknown schema version": (mutate("schema = 1", "schema = 2"), ["store.toml", "schema version 2"]),
    "missing schema": (mutate("schema = 1\n", ""), ["store.toml", "schema"]),
    "duplicate region id": (GOOD + '\n[[regions]]\nid = "r1"\nname = "又一区"\n', ["store.toml", "duplicate region id 'r1'"]),
    "duplicate indicator id": (GOOD.replace('[[observations]]', '[[indicators]]\nid = "gdp"\nname = "GDP"\n\n[[observations]]'),
                               ["store.toml", "duplicate indicator id 'gdp'"]),
    "unknown indicator": (in_obs('indicator = "gdp"', 'indicator = "gpd"'), [f":{OBS_LINE}", "unknown indicator 'gpd'", "indicator add"]),
    "unknown region": (in_obs('region = "r1"', 'region = "r9"'), [f":{OBS_LINE}", "unknown region 'r9'", "region add"]),
    "unknown source": (in_obs('source = "s1"', 'source = "s9"'), [f":{OBS_LINE}", "unknown source 's9'", "source add"]),
    "NaN": (in_obs("value = 1110", "value = nan"), [f":{OBS_LINE}", "not a finite number"]),
    "infinity": (in_obs("growth = 5.8", "growth = inf"), [f":{OBS_LINE}", "not a finite number"]),
    "year before 1949": (in_obs("year = 2024", "year = 1900"), [f":{OBS_LINE}", "1949"]),
    "year after 2100": (in_obs("year = 2024", "year = 2101"), [f":{OBS_LINE}", "2100"]),
    "unknown qualifier": (in_obs('qualifier = "exact"', 'qualifier = "roughly"'), [f":{OBS_LINE}", "unknown qualifier 'roughly'", "at_least"]),
    "unknown status": (in_obs('status = "estimate"', 'status = "guess"'), [f":{OBS_LINE}", "unknown status 'guess'", "estimate"]),
    "target with two metrics": (GOOD.replace("growth = 5.5\n", "growth = 5.5\nvalue = 1171\n"),
                                [f":{TGT_LINE}", "has no 'value'"]),
    "target with no metric": (GOOD.replace('metric = "growth"\n', ""), [f":{TGT_LINE}", "missing 'metric'"]),
    "target with a status": (GOOD.replace('qualifier = "exact"\nsource = "s1"\nquote = "地区', 'qualifier = "exact"\nstatus = "estimate"\nsource = "s1"\nquote = "地区'),
                             [f":{TGT_LINE}", "a target has no 'status'"]),
    "unit the indicator cannot have": (in_obs('unit = "亿元"', 'unit = "家"'), [f":{OBS_LINE}", "unit '家' cannot measure 'gdp'"]),
    "unknown key": (in_obs("growth = 5.8", "growht = 5.8"), [f":{OBS_LINE}", "unknown key 'growht'"]),
    "bad source date": (mutate('date = "2024-12-25"', 'date = "2024-13-45"'), ["store.toml", "YYYY-MM-DD"]),
    "deeply nested": ("schema = 1\nx = " + "[" * 5000 + "]" * 5000 + "\n", ["store.toml", "not valid TOML"]),
}

READ = ("show", "gdp")
WRITE = ("record", "gdp", "2025", "--growth", "5.4")


def digest(path: Path):
    if path.is_dir():
        return ("dir", sorted(p.name for p in path.iterdir()))
    if not path.exists():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_store(tmp_path: Path, content) -> Path:
    path = tmp_path / "store.toml"
    if content == "DIR":
        path.mkdir()
    elif content == "MISSING":
        pass
    elif content == "UNREADABLE":
        path.write_text(GOOD, encoding="utf-8")
        path.chmod(0)
    else:
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def assert_one_clear_line(result, wanted: list[str]) -> None:
    assert result.exit_code != 0
    assert result.stdout == ""
    err = result.stderr
    assert err.startswith("csplan: "), err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for w in wanted:
        assert w in err, (w, err)


@pytest.mark.parametrize("command", [READ, WRITE], ids=["read", "write"])
@pytest.mark.parametrize("case", list(STORES))
def test_bad_store(cli, tmp_path, case, command):
    content, wanted = STORES[case]
    path = make_store(tmp_path, content)
    before = digest(path)
    result = cli("--store", path, *command)
    assert_one_clear_line(result, wanted)
    if content == "UNREADABLE":
        path.chmod(0o644)
    assert digest(path) == before
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_a_missing_store_is_not_created_by_a_write(cli, tmp_path):
    path = tmp_path / "store.toml"
    cli("--store", path, *WRITE)
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "store.toml"
    path.write_text(GOOD, encoding="utf-8")
    return path


# name → (arguments after --store, what stderr must contain, exit code)
COMMANDS = {
    "read-only store": (WRITE, ["store.toml", "read-only", "chmod"], 3),
    "value NaN": (("record", "gdp", "2025", "--value", "nan"), ["'nan'", "not a finite number"], 2),
    "value infinite": (("record", "gdp", "2025", "--value", "inf"), ["not a finite number"], 2),
    "value not a number": (("record", "gdp", "2025", "--value", "1,110"), ["'1,110'", "not a number"], 2),
    "value overflows": (("record", "gdp", "2025", "--value", "1e999"), ["1e999", "too large"], 2),
    "year before 1949": (("record", "gdp", "1900", "--growth", "5"), ["1900", "1949"], 2),
    "year after 2100": (("target", "gdp", "2101", "--growth", "5"), ["2101", "2100"], 2),
    "year not a number": (("record", "gdp", "soon", "--growth", "5"), ["'soon'", "whole number"], 2),
    "unknown qualifier": (("record", "gdp", "2025", "--growth", "5", "--qualifier", "roughly"),
                          ["'roughly'", "more_than"], 2),
    "unknown status": (("record", "gdp", "2025", "--growth", "5", "--status", "guess"), ["'guess'", "estimate"], 2),
    "target with two metrics": (("target", "gdp", "2026", "--value", "1200", "--growth", "5"),
                                ["exactly one", "--growth and --value"], 2),
    "target with no metric": (("target", "gdp", "2026"), ["exactly one", "none"], 2),
    "actual with no figure": (("record", "gdp", "2025"), ["--value"], 2),
    "rank with a value": (("record", "gdp", "2025", "--rank", "3", "--value", "5"), ["do not go together"], 2),
    "task with a quote": (("target", "gdp", "2026", "--task", "完成任务", "--quote", "x"), ["--quote"], 2),
    "unit the indicator cannot have": (("record", "gdp", "2025", "--value", "79", "--unit", "家"),
                                       ["unit '家' cannot measure 'gdp'"], 3),
    "growth in a unit other than %": (("record", "gdp", "2025", "--growth", "5", "--unit", "亿元"), ["'%'"], 3),
    "rank that is not whole": (("target", "gdp", "2026", "--rank", "2.5"), ["whole number"], 3),
    "unknown indicator": (("record", "gpd", "2025", "--growth", "5"), ["'gpd'", "did you mean gdp"], 1),
    "unknown source": (("record", "gdp", "2025", "--growth", "5", "--source", "s9"), ["'s9'", "s1", "source add"], 2),
    "unknown region": (("record", "gdp", "2025", "--growth", "5", "--region", "r9"), ["'r9'", "r1", "region add"], 2),
    "empty quote": (("record", "gdp", "2025", "--growth", "5", "--quote", " "), ["--quote is empty"], 2),
    "duplicate indicator": (("indicator", "add", "gdp", "--name", "GDP"), ["'gdp' already exists"], 3),
    "bad indicator id": (("indicator", "add", "GDP-2", "--name", "GDP"), ["'GDP-2'", "lower-case"], 3),
    "alias taken": (("indicator", "add", "gdp2", "--name", "地区生产总值2", "--alias", "gdp"),
                    ["alias 'gdp' is already an alias of 'gdp'"], 3),
    "duplicate region": (("region", "add", "r1", "--name", "又一区"), ["'r1' already exists"], 3),
    "bad region id": (("region", "add", "某区", "--name", "某区"), ["'某区'", "not a valid id"], 3),
    "duplicate source": (("source", "add", "s1", "--title", "t", "--date", "2025-01-01"), ["'s1' already exists"], 3),
    "bad source date": (("source", "add", "s2", "--title", "t", "--date", "2025-02-30"), ["YYYY-MM-DD"], 3),
    "source of unknown region": (("source", "add", "s2", "--title", "t", "--date", "2025-01-01", "--region", "r9"),
                                 ["'r9'", "region add"], 2),
    "init over a store": (("init",), ["already exists", "never overwrites"], 3),
    "fmt of an invalid store": None,
}


@pytest.mark.parametrize("case", [c for c in COMMANDS if COMMANDS[c]])
def test_bad_command(cli, good, case):
    args, wanted, code = COMMANDS[case]
    if case == "read-only store":
        good.chmod(0o444)
    before = digest(good)
    result = cli("--store", good, *args)
    assert_one_clear_line(result, wanted)
    assert result.exit_code == code
    assert digest(good) == before


BAD_CSV_HEADER = "indicator,name,region,year,kind,metric,value,unit,growth,qualifier,status,source,quote\n"
CSV_ROW = "gdp,地区生产总值,r1,2025,actual,value,1175,亿元,5.9,exact,estimate,s1,预计全年地区生产总值1175亿元\n"


def csv_with(old: str, new: str) -> str:
    assert old in CSV_ROW
    return BAD_CSV_HEADER + CSV_ROW.replace(old, new, 1)


# name → (file name, file bytes, what stderr must contain)
IMPORTS = {
    "csv: year out of range": ("in.csv", csv_with("2025", "1900"), ["in.csv:2", "1900"]),
    "csv: year not a number": ("in.csv", csv_with("2025", "明年"), ["in.csv:2", "whole number"]),
    "csv: value NaN": ("in.csv", csv_with("1175", "nan"), ["in.csv:2", "not a finite number"]),
    "csv: value infinite": ("in.csv", csv_with("1175", "-inf"), ["in.csv:2", "not a finite number"]),
    "csv: value text": ("in.csv", csv_with("1175", "千余"), ["in.csv:2", "'千余'", "not a number"]),
    "csv: unknown kind": ("in.csv", csv_with("actual", "plan"), ["in.csv:2", "'kind'", "actual or target"]),
    "csv: unknown qualifier": ("in.csv", csv_with("exact", "roughly"), ["in.csv:2", "unknown qualifier 'roughly'"]),
    "csv: unknown status": ("in.csv", csv_with("estimate", "guess"), ["in.csv:2", "unknown status 'guess'"]),
    "csv: unit mismatch": ("in.csv", csv_with("亿元", "家"), ["in.csv:2", "unit '家' cannot measure 'gdp'"]),
    "csv: target with a status": ("in.csv", csv_with("actual", "target"), ["in.csv:2", "a target has no 'status'"]),
    "csv: too few cells": ("in.csv", BAD_CSV_HEADER + "gdp,地区生产总值,r1,2025\n", ["in.csv:2", "4 cells", "13"]),
    "csv: unknown column": ("in.csv", BAD_CSV_HEADER.replace("growth", "growht") + CSV_ROW, ["in.csv:1", "'growht'"]),
    "csv: missing column": ("in.csv", BAD_CSV_HEADER.replace("kind,", "") + CSV_ROW.replace("actual,", ""),
                            ["in.csv:1", "'kind'"]),
    "csv: bad quoting": ("in.csv", BAD_CSV_HEADER + CSV_ROW.replace("预计", '"预计"x'), ["in.csv:2", "not valid CSV"]),
    "csv: unknown indicator without a name": ("in.csv", csv_with("gdp,地区生产总值", "gpd,"),
                                              ["in.csv:2", "unknown indicator 'gpd'", "'name'"]),
    "csv: bad new indicator id": ("in.csv", csv_with("gdp", "GDP-x"), ["in.csv:2", "'GDP-x'"]),
    "csv: same figure twice": ("in.csv", BAD_CSV_HEADER + CSV_ROW + CSV_ROW, ["in.csv:3", "line 2"]),
    "csv: not UTF-8": ("in.csv", (BAD_CSV_HEADER + CSV_ROW).encode("gb18030"), ["in.csv:2", "UTF-8"]),
    "csv: empty": ("in.csv", "", ["in.csv", "empty"]),
    "json: syntax": ("in.json", '[\n  {"indicator": "gdp",}\n]\n', ["in.json:2", "not valid JSON"]),
    "json: not an array": ("in.json", '{"indicator": "gdp"}', ["in.json", "JSON array"]),
    "json: element not an object": ("in.json", '[\n  "gdp"\n]\n', ["in.json:2", "JSON object"]),
    "json: year a string": ("in.json", '[\n {"indicator": "gdp", "region": "r1", "year": "2025", "kind": "actual",'
                            ' "metric": "growth", "growth": 5, "unit": "%", "qualifier": "exact",'
                            ' "status": "reported", "source": "s1"}\n]', ["in.json:2", "'year' must be a number"]),
    "json: NaN": ("in.json", '[\n {"indicator": "gdp", "region": "r1", "year": 2025, "kind": "actual",'
                  ' "metric": "growth", "growth": NaN, "unit": "%", "qualifier": "exact",'
                  ' "status": "reported", "source": "s1"}\n]', ["in.json:2", "not a finite number"]),
    "json: unknown key": ("in.json", '[\n {"indicator": "gdp", "colour": "red"}\n]', ["in.json:2", "'colour'"]),
    "json: a task target with a value": ("in.json", '[{"indicator": "gdp", "region": "r1", "year": 2026,'
                                         ' "kind": "target", "metric": "task", "value": 1, "qualifier": "exact",'
                                         ' "source": "s1", "quote": "完成任务"}]', ["in.json:1", "has no 'value'"]),
    "missing file": ("MISSING", None, ["nothing.csv", "no such file"]),
}


@pytest.mark.parametrize("case", list(IMPORTS))
def test_bad_import(cli, good, tmp_path, case):
    name, content, wanted = IMPORTS[case]
    if name == "MISSING":
        file = tmp_path / "nothing.csv"
    else:
        file = tmp_path / name
        file.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = digest(good)
    result = cli("--store", good, "import", file)
    assert_one_clear_line(result, wanted)
    assert result.exit_code == 3
    assert digest(good) == before


def test_import_lists_every_bad_row_and_imports_none(cli, good, tmp_path):
    rows = [CSV_ROW,
            CSV_ROW.replace("2025", "1900"),
            CSV_ROW.replace("2025", "2026"),
            CSV_ROW.replace("2025", "2027").replace("exact", "roughly"),
            CSV_ROW.replace("2025", "2028")]
    file = tmp_path / "in.csv"
    file.write_text(BAD_CSV_HEADER + "".join(rows), encoding="utf-8")
    before = digest(good)
    result = cli("--store", good, "import", file)
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("csplan: ") and f"{file}:3:" in lines[0] and "1900" in lines[0]
    assert f"{file}:5:" in lines[1] and "roughly" in lines[1]
    assert "2 bad rows" in lines[2] and "nothing imported" in lines[2]
    assert digest(good) == before


def test_fmt_and_validate_refuse_an_invalid_store_without_touching_it(cli, tmp_path):
    path = make_store(tmp_path, STORES["unknown region"][0])
    before = digest(path)
    for args in (("fmt",), ("fmt", "--check")):
        result = cli("--store", path, *args)
        assert_one_clear_line(result, ["store.toml", "unknown region 'r9'", "fix the store first"])
    assert digest(path) == before


@pytest.mark.parametrize("case", ["malformed TOML", "unknown region", "not UTF-8", "read-only"])
def test_no_traceback_from_the_installed_program(tmp_path, case):
    """The same promise through a real process: the entry point, not the test runner."""
    if case == "read-only":
        path = make_store(tmp_path, GOOD)
        path.chmod(0o444)
    else:
        path = make_store(tmp_path, STORES[case][0])
    before = digest(path)
    env = {k: v for k, v in os.environ.items() if k != "CSPLAN_STORE"}
    proc = subprocess.run([sys.executable, "-m", "csplan", "--store", str(path), *WRITE],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 3
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("csplan: "), proc.stderr
    assert digest(path) == before
