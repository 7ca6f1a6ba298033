"""`--store` and `--wait`, options of csplan itself, may follow the command too (`csplan show gdp
--store x.toml`), with the same meaning, help and completion, with the speed-up and without it;
and `extract --apply` makes the store that --store names when it does not exist yet.

Each call is csplan in its own process, as a shell starts it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from csplan.locate import bundled_store

from conftest import require_report

SCRIPT = Path(sys.executable).parent / "csplan"
SPEEDUP = [pytest.param(True, id="speed-up"), pytest.param(False, id="plain-typer")]


def csplan(args, home: Path, speedup: bool = True, **extra: str) -> tuple[int, str, str]:
    """csplan run as a shell runs it, with no store of the user's own and no $CSPLAN_STORE; by its
    console script when completing (a shell's completion calls `csplan`)."""
    completing = any(k.endswith("_COMPLETE") for k in extra)
    start = [str(SCRIPT)] if completing else [sys.executable, "-m", "csplan"]
    env = {k: v for k, v in os.environ.items()
           if k not in ("CSPLAN_NO_SPEEDUP", "CSPLAN_STORE", "CSPLAN_WAIT") and not k.endswith("_COMPLETE")}
    env.update(XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"), COLUMNS="80", **extra)
    if not speedup:
        env["CSPLAN_NO_SPEEDUP"] = "1"
    p = subprocess.run([*start, *args], cwd=home, capture_output=True, env=env, text=True, encoding="utf-8",
                       timeout=120)
    return p.returncode, p.stdout, p.stderr


@pytest.fixture
def home(tmp_path) -> Path:
    """A folder holding mine.toml: the bundled store with gdp's 2024 figure changed from 1110 to
    1234 亿元, so that an answer shows which store it came from."""
    text = bundled_store().read_text(encoding="utf-8")
    old = 'value = 1110\n'
    assert text.count(old) == 1
    (tmp_path / "mine.toml").write_text(text.replace(old, 'value = 1234\n'), encoding="utf-8")
    return tmp_path


def both_ways(args: list[str], home: Path, speedup: bool) -> tuple[int, str, str]:
    """The call with --store mine.toml after the command; it must answer as with it before."""
    after = csplan([*args, "--store", "mine.toml"], home, speedup)
    before = csplan(["--store", "mine.toml", *args], home, speedup)
    assert after == before
    return after


@pytest.mark.parametrize("speedup", SPEEDUP)
def test_a_read_reads_the_store_named_after_it(home, speedup):
    assert both_ways(["value", "gdp", "2024"], home, speedup) == (0, "1234\n", "")
    assert csplan(["value", "gdp", "2024", "-s", "mine.toml"], home, speedup) == (0, "1234\n", "")
    assert csplan(["value", "gdp", "2024"], home, speedup) == (0, "1110\n", "")  # the bundled store


@pytest.mark.parametrize("speedup", SPEEDUP)
def test_targets_reads_the_store_named_after_it(home, speedup):
    code, out, err = both_ways(["targets", "2025", "--format", "csv"], home, speedup)
    assert code == 0
    gdp = next(line for line in out.splitlines() if line.startswith("gdp,"))
    # 增长5.5% on the store's 1234 亿元: 1234 × 1.055 = 1301.87 (on the bundled 1110, 1171.05)
    assert ",2024,1234,亿元,5.8,1301.87,亿元," in gdp


@pytest.mark.parametrize("speedup", SPEEDUP)
def test_a_write_and_its_wait_go_to_the_store_named_after_it(home, speedup):
    args = ["indicator", "add", "zz_test", "--name", "测试", "--unit", "元", "--store", "mine.toml", "--wait", "5"]
    code, out, err = csplan(args, home, speedup)
    assert code == 0, err
    assert "zz_test" in (home / "mine.toml").read_text(encoding="utf-8")
    assert not (home / "data").exists()  # no user's store was made: the write went where it was told
    code, out, err = csplan(["record", "zz_test", "2024", "--value", "7", "--region", "cangshan",
                             "--source", "cangshan-2024-plan", "-s", "mine.toml"], home, speedup)
    assert code == 0, err
    assert csplan(["value", "zz_test", "2024", "-s", "mine.toml"], home, speedup) == (0, "7\n", "")


def test_wait_after_the_command_is_the_time_a_write_waits(home):
    """With the store locked by another writer, `--wait 0` after the command gives up at once
    (exit 3, the store unchanged) where the default would wait 300 s."""
    from csplan.store import lock

    store = home / "mine.toml"
    before = store.read_bytes()
    held, done = threading.Event(), threading.Event()

    def holder():
        with lock(store):
            held.set()
            done.wait(120)

    t = threading.Thread(target=holder)
    t.start()
    try:
        held.wait(30)
        code, out, err = csplan(["indicator", "add", "zz_test", "--name", "测试", "--store", "mine.toml",
                                 "--wait", "0"], home)
    finally:
        done.set()
        t.join()
    assert code == 3, err
    assert store.read_bytes() == before


@pytest.mark.parametrize("speedup", SPEEDUP)
def test_extract_reads_the_store_named_after_it(home, speedup):
    report = require_report()
    code, out, err = csplan(["--store", "empty.toml", "init"], home, speedup)
    assert code == 0, err
    args = ["extract", str(report)]
    from_empty = csplan([*args, "--store", "empty.toml"], home, speedup)
    assert from_empty == csplan(["--store", "empty.toml", *args], home, speedup)
    assert from_empty[0] == 0
    # the indicators are new to an empty store, and none is to the bundled one, which has them all
    assert "indicator(s) the store does not have" in from_empty[1]
    assert "does not have" not in csplan(args, home, speedup)[1]


@pytest.mark.parametrize("speedup", SPEEDUP)
def test_the_same_store_twice_is_fine_and_two_stores_are_a_usage_error(home, speedup):
    assert csplan(["-s", "mine.toml", "value", "gdp", "2024", "--store", "mine.toml"], home, speedup) == (0, "1234\n", "")
    code, out, err = csplan(["-s", "mine.toml", "value", "gdp", "2024", "--store", "other.toml"], home, speedup)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "'mine.toml'" in err and "'other.toml'" in err and "--store" in err
    code, out, err = csplan(["--wait", "1", "indicator", "add", "x", "--name", "测试", "-s", "mine.toml",
                             "--wait", "2"], home, speedup)
    assert (code, out) == (2, "") and err.count("\n") == 1 and "--wait" in err
    assert "id = \"x\"" not in (home / "mine.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("speedup", SPEEDUP)
def test_a_bad_value_after_the_command_is_one_line(home, speedup):
    code, out, err = csplan(["value", "gdp", "2024", "--wait", "soon"], home, speedup)
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert "'soon' is not a number of seconds" in err and "--wait" in err
    code, out, err = csplan(["value", "gdp", "2024", "--store", "missing.toml"], home, speedup)
    assert (code, out) == (3, "") and err.count("\n") == 1 and "missing.toml: no such store" in err


@pytest.mark.parametrize("page", [[], ["show"], ["value"], ["record"], ["targets"], ["extract"], ["indicator"],
                                  ["indicator", "add"]], ids=lambda p: " ".join(p) or "csplan")
def test_help_lists_each_option_once_per_page(home, page):
    code, out, err = csplan([*page, "--help"], home)
    assert code == 0, err
    lines = out.splitlines()
    assert sum(line.lstrip().startswith("-s, --store FILE") for line in lines) == 1
    assert sum(line.lstrip().startswith("--wait SECONDS") for line in lines) == 1


def completes(line: str, home: Path, speedup: bool, **extra: str) -> list[str]:
    words = {"_CSPLAN_COMPLETE": "complete_bash", "COMP_WORDS": line,
             "COMP_CWORD": str(len(line.split()) - (0 if line.endswith(" ") else 1))}
    code, out, err = csplan([], home, speedup, **words, **extra)
    assert code == 0 and err == "", err
    return out.split()


@pytest.mark.parametrize("speedup", SPEEDUP)
def test_completion_reads_the_store_named_after_the_command(home, speedup):
    if not SCRIPT.is_file():
        pytest.fail(f"the console script is not at {SCRIPT}; install csplan into this environment")
    text = (home / "mine.toml").read_text(encoding="utf-8")
    (home / "mine.toml").write_text(text.replace('id = "gdp"', 'id = "zz_gdp"')
                                    .replace('indicator = "gdp"', 'indicator = "zz_gdp"'), encoding="utf-8")
    assert completes("csplan show --store mine.toml zz", home, speedup) == ["zz_gdp"]
    assert completes("csplan show zz", home, speedup) == []
    assert completes("csplan show gdp --st", home, speedup) == ["--store"]
    assert completes("csplan record gdp 2026 --wa", home, speedup) == ["--wait"]


@pytest.mark.parametrize("speedup", SPEEDUP)
def test_extract_apply_makes_the_store_named_with_store(home, speedup):
    report = require_report()
    code, out, err = csplan(["extract", str(report), "--apply", "--store", "new.toml", "--format", "csv"],
                            home, speedup)
    assert code == 0, err
    assert "created the store new.toml" in err
    # the report's 预计，全年地区生产总值 1110 亿元，增长 5.8%, now in the new store
    assert csplan(["value", "gdp", "2024", "--store", "new.toml"], home, speedup) == (0, "1110\n", "")
    assert not (home / "data").exists()


@pytest.mark.parametrize("speedup", SPEEDUP)
def test_a_missing_store_is_made_only_when_named_and_only_to_apply(home, speedup):
    report = require_report()
    code, out, err = csplan(["extract", str(report), "--store", "new.toml"], home, speedup)  # a preview
    assert code == 3 and "new.toml: no such store" in err
    code, out, err = csplan(["extract", str(report), "--apply"], home, speedup, CSPLAN_STORE="env.toml")
    assert code == 3 and "env.toml: no such store" in err
    code, out, err = csplan(["record", "gdp", "2026", "--value", "1", "--store", "new.toml"], home, speedup)
    assert code == 3 and "new.toml: no such store" in err
    assert not any((home / name).exists() for name in ("new.toml", "env.toml"))
