"""Start-up: machine formats and completion never load Rich (nor pydantic); the slim paths answer
exactly like the whole app. Each case runs csplan in a fresh interpreter and reads back which
modules it loaded; nothing here measures time."""

import inspect
import json
import os
import subprocess
import sys

import pytest

from csplan.cli import app

@pytest.fixture(autouse=True)
def _speedup_on(monkeypatch):
    """These tests check what the speed-up saves (the modules a call loads), so it is on even in
    CI's run with CSPLAN_NO_SPEEDUP=1 (see csplan/cli/fast.py)."""
    monkeypatch.delenv("CSPLAN_NO_SPEEDUP", raising=False)


RUNNER = r"""
import json, os, sys
sys.argv = ["csplan", *json.loads(sys.argv[1])]
real_exit = os._exit


def report(code):
    heavy = sorted({m.split(".")[0] for m in sys.modules} & {"rich", "pydantic", "tomllib"})
    commands = sorted(m.split(".")[2] for m in sys.modules
                      if m.split(".")[:2] == ["csplan", "cli"] and m.count(".") == 2
                      and m.split(".")[2] in ("read", "write", "targets", "compare", "extract"))
    sys.stderr.write("\nLOADED " + json.dumps({"code": code, "heavy": heavy, "commands": commands}) + "\n")
    sys.stderr.flush()
    real_exit(code)


os._exit = report  # csplan ends with os._exit once its output is flushed
from csplan.cli import run
run()
"""


def csplan(*args: str, **env: str) -> tuple[str, dict]:
    """Run csplan in a new interpreter: (stdout, {"code": exit code, "heavy": heavy modules loaded,
    "commands": the command modules of csplan.cli loaded})."""
    environ = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE") and k != "CSPLAN_STORE"}
    environ.update(env)
    p = subprocess.run([sys.executable, "-c", RUNNER, json.dumps(list(args))], capture_output=True, text=True,
                       encoding="utf-8", env=environ, check=False)
    line = [x for x in p.stderr.splitlines() if x.startswith("LOADED ")]
    assert line, p.stderr
    return p.stdout, json.loads(line[-1][len("LOADED "):])


@pytest.mark.parametrize("cache", ["cold", "warm"])
def test_value_prints_the_reported_gdp_without_rich_or_pydantic(cache):
    if cache == "warm":
        csplan("value", "gdp", "2024")
    out, info = csplan("value", "gdp", "2024")
    assert out == "1110\n"  # 预计，全年地区生产总值 1110 亿元，增长 5.8%
    assert info == {"code": 0, "heavy": [], "commands": ["read"]}  # nor the code of the other commands


def test_show_json_loads_no_rich():
    out, info = csplan("show", "gdp", "--format", "json")
    records = json.loads(out)
    assert {(r["year"], r["kind"], r["value"], r["growth"]) for r in records if r["metric"] == "value"} >= {
        (2024, "actual", 1110, 5.8)}
    assert info["code"] == 0
    assert "rich" not in info["heavy"]
    assert "pydantic" not in info["heavy"]


def test_list_csv_loads_no_rich():
    out, info = csplan("list", "--format", "csv", "--year", "2024")
    assert out.startswith("indicator,name,")
    assert "retail_sales,社会消费品零售总额" in out  # 社会消费品零售总额 593 亿元
    assert info["code"] == 0
    assert "rich" not in info["heavy"]


def test_a_table_does_load_rich():
    """The check above can fail: drawing a table is what loads Rich."""
    out, info = csplan("show", "gdp")
    assert "地区生产总值" in out
    assert "rich" in info["heavy"]


@pytest.mark.parametrize("shell, env", [
    ("bash", {"COMP_WORDS": "csplan show g", "COMP_CWORD": "2"}),
    ("zsh", {"_TYPER_COMPLETE_ARGS": "csplan show g"}),
])
def test_completion_of_an_indicator_id_loads_no_rich(shell, env):
    out, info = csplan(**{"_CSPLAN_COMPLETE": f"complete_{shell}", **env})
    assert "gdp" in out
    assert "retail_sales" not in out
    assert info["code"] == 0
    assert "rich" not in info["heavy"]
    assert "pydantic" not in info["heavy"]


def test_completion_of_a_broken_store_completes_nothing(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = [\n", encoding="utf-8")
    out, info = csplan(_CSPLAN_COMPLETE="complete_bash", COMP_WORDS="csplan show g", COMP_CWORD="2",
                       CSPLAN_STORE=str(bad))
    assert out.strip() == ""
    assert info["code"] == 0


def test_root_options_before_the_command_still_work(bundled):
    out, info = csplan("--store", str(bundled), "value", "gdp", "2024", "--field", "growth")
    assert out == "5.8\n"
    assert info["code"] == 0


def test_help_of_one_command_and_a_misspelt_command():
    out, info = csplan("value", "--help")
    assert "Usage: csplan value" in out and info["code"] == 0
    out, info = csplan("valu", "gdp")
    assert info["code"] == 2
    assert info["commands"] == ["compare", "extract", "read", "targets", "write"]  # to say which it might be


@pytest.mark.parametrize("args, code", [
    (["list", "--year", "1800"], 2),
    (["list", "--year", "abc"], 2),
    (["list", "--kind", "Actual"], 2),
    (["list", "--format", "xml"], 2),
    (["value", "gdp", "20x"], 2),
    (["value", "gdp", "2025", "--kind", "target", "--field", "growth"], 0),
])
def test_odd_values_get_typer_s_own_answer(args, code, cli):
    """A value the quick converter does not take is converted (or refused) by Typer, as before."""
    out, info = csplan(*args)
    assert info["code"] == code
    in_process = cli(*args)
    assert in_process.exit_code == code
    if code == 0:
        assert out == in_process.stdout == "5.5\n"  # 地区生产总值增长5.5%


def test_command_annotations_are_objects_not_strings():
    """Typer evaluates string annotations on every call: cli modules keep them as objects."""
    from typer.main import get_command

    get_command(app)
    callbacks = [c.callback for c in app.registered_commands]
    callbacks += [c.callback for g in app.registered_groups for c in g.typer_instance.registered_commands]
    assert len(callbacks) > 5
    for cb in callbacks:
        for name, ann in inspect.get_annotations(cb).items():
            assert not isinstance(ann, str), f"{cb.__module__}.{cb.__name__}: {name}"


def test_exit_codes_and_messages_survive_the_quick_exit():
    out, info = csplan("value", "gdp", "1990")
    assert out == "" and info["code"] == 1
    p = subprocess.run([sys.executable, "-m", "csplan", "value", "gdp", "1990"], capture_output=True, text=True,
                       encoding="utf-8", check=False)
    assert p.returncode == 1
    assert p.stderr.startswith("csplan: no actual for gdp in 1990")


def test_a_reader_that_leaves_early_is_no_error():
    p = subprocess.Popen([sys.executable, "-m", "csplan", "list", "--format", "json"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    first = p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read().decode("utf-8")
    p.stderr.close()
    assert p.wait() == 0
    assert first == b"[\n"
    assert err == ""
