"""Which store csplan uses, and the user's own store: --store, else $CSPLAN_STORE, else the
user's store if it exists, else the bundled store, which is never written."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from csplan.locate import bundled_store, locate, user_store


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def test_with_nothing_chosen_the_bundled_store_is_read(cli, data_home):
    result = cli("store", "--format", "json")
    rec = json.loads(result.stdout)[0]
    assert rec["origin"] == "bundled" and Path(rec["path"]) == bundled_store()
    assert rec["user_store"] == str(data_home / "csplan" / "indicators.toml")
    assert cli("value", "gdp", "2024").stdout == "1110\n"


def test_the_first_write_copies_the_bundled_store_and_says_so_once(cli, data_home, bundled):
    before = sha(bundled)
    first = cli("record", "gdp", "2025", "--growth", "5.4")
    assert first.exit_code == 0, first.stderr
    mine = data_home / "csplan" / "indicators.toml"
    copied = [line for line in first.stderr.splitlines() if "copied the bundled store" in line]
    assert copied == [f"csplan: copied the bundled store to {mine}; changes go there from now on"]
    assert sha(bundled) == before
    assert cli("value", "gdp", "2025", "--field", "growth").stdout == "5.4\n"
    assert cli("value", "gdp", "2024").stdout == "1110\n"  # the report's figures came along
    second = cli("record", "retail_sales", "2025", "--growth", "5.1")
    assert second.exit_code == 0 and "copied" not in second.stderr
    assert json.loads(cli("store", "--format", "json").stdout)[0]["origin"] == "user"
    assert "growth = 5.1" in mine.read_text(encoding="utf-8")


def test_a_read_never_creates_the_users_store(cli, data_home):
    for args in (["show", "gdp"], ["list"], ["targets", "2025"], ["validate"], ["fmt", "--check"],
                 ["import", "--dry-run", "-"]):
        cli(*args, input="[]")
    assert not (data_home / "csplan").exists()


def test_the_order_is_option_then_environment_then_users_store(cli, data_home, tmp_path, monkeypatch, bundled):
    mine = data_home / "csplan" / "indicators.toml"
    mine.parent.mkdir(parents=True)
    mine.write_bytes(bundled.read_bytes())
    assert locate().origin == "user" and locate().path == mine
    env_store = tmp_path / "env.toml"
    env_store.write_bytes(bundled.read_bytes())
    monkeypatch.setenv("CSPLAN_STORE", str(env_store))
    assert locate() .path == env_store and locate().origin == "env"
    assert locate(tmp_path / "opt.toml").origin == "option"
    cli("record", "gdp", "2025", "--growth", "5.2")
    assert "growth = 5.2" in env_store.read_text(encoding="utf-8")
    assert "2025" not in mine.read_text(encoding="utf-8").split("[[targets]]")[0].split("gdp")[-1][:0]
    assert sha(mine) == sha(bundled)


def test_without_xdg_data_home_the_users_store_is_under_home(monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert user_store() == tmp_path / ".local" / "share" / "csplan" / "indicators.toml"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # not absolute: ignored, as the spec says
    assert user_store() == tmp_path / ".local" / "share" / "csplan" / "indicators.toml"


def test_store_prints_the_path_on_stdout_and_why_on_stderr(cli, data_home):
    result = cli("store")
    assert result.stdout == f"{bundled_store()}\n"
    assert "bundled store" in result.stderr and "read-only" in result.stderr


def test_init_record_in_three_commands(cli, tmp_path):
    path = tmp_path / "gulou.toml"
    steps = [
        ["init", "--region", "gulou", "--name", "福州市鼓楼区", "--source", "gulou-2024-plan",
         "--title", "关于鼓楼区2024年国民经济和社会发展计划执行情况的报告", "--date", "2025-01-08"],
        ["indicator", "add", "gdp", "--name", "地区生产总值", "--unit", "亿元"],
        ["record", "gdp", "2024", "--value", "1520", "--growth", "5.9", "--status", "预计"],
    ]
    for args in steps:
        result = cli("--store", path, *args)
        assert result.exit_code == 0, (args, result.stderr)
    rec = json.loads(cli("--store", path, "show", "gdp", "--format", "json").stdout)[0]
    assert (rec["region"], rec["source"], rec["value"], rec["growth"], rec["status"]) == (
        "gulou", "gulou-2024-plan", 1520, 5.9, "estimate")


@pytest.mark.parametrize("args, needle", [
    (["init", "--region", "gulou"], "--name"),
    (["init", "--name", "福州市鼓楼区"], "--region"),
    (["init", "--source", "x-2024"], "--title"),
    (["init", "--title", "报告"], "--source"),
    (["init", "--region", "bad id", "--name", "x"], "not a valid id"),
    (["init", "--region", "g", "--name", "x", "--source", "s", "--title", "t", "--date", "2025-13-01"], "not a date"),
])
def test_init_with_incomplete_or_bad_options_refuses_and_creates_nothing(cli, tmp_path, args, needle):
    path = tmp_path / "new.toml"
    result = cli("--store", path, *args)
    assert result.exit_code in (2, 3) and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert needle in result.stderr
    assert not path.exists()


@pytest.mark.parametrize("command", ["record", "target"])
@pytest.mark.parametrize("query, hint", [
    ("gdp_per_capita", "csplan indicator add gdp_per_capita --name 名称 --unit"),
    ("人均地区生产总值", "csplan indicator add ID --name 人均地区生产总值 --unit"),
])
def test_an_unknown_indicator_suggests_the_command_that_adds_it(cli, store_copy, command, query, hint):
    result = cli("--store", store_copy, command, query, "2025", "--growth", "5")
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert hint in result.stderr, result.stderr


@pytest.mark.parametrize("args", [
    ["list", "--category", "foo"],
    ["list", "--kind", "foo"],
    ["value", "gdp", "2024", "--kind", "foo"],
    ["record", "gdp", "2025", "--growth", "5", "--qualifier", "x"],
    ["record", "gdp", "2025", "--growth", "5", "--status", "x"],
    ["target", "gdp", "2026", "--growth", "5", "--qualifier", "x"],
    ["indicator", "add", "new_one", "--name", "新指标", "--category", "foo"],
    ["show", "gdp", "--format", "foo"],
    ["targets", "2025", "--tolerance", "x"],
])
def test_a_bad_option_value_exits_2_with_one_line(cli, store_copy, args):
    before = sha(store_copy)
    result = cli("--store", store_copy, *args)
    assert result.exit_code == 2, (args, result.exit_code, result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("csplan: "), result.stderr
    assert result.stdout == ""
    assert sha(store_copy) == before
