"""csplan as installed: the console script and `python -m csplan`, run from another directory."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from csplan.records import KEYS

SCRIPT = Path(sys.executable).parent / "csplan"


@pytest.fixture
def script() -> Path:
    if not SCRIPT.is_file():
        pytest.fail(f"the console script is not at {SCRIPT}; install csplan into this environment "
                    "(pip install '.[test]') before running the tests")
    return SCRIPT


def clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("CSPLAN_STORE", "NO_COLOR", "FORCE_COLOR")}
    env.update(extra)
    return env


def run(cmd: list, cwd: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          env=clean_env(**env), check=False)


@pytest.fixture(params=["script", "module"])
def csplan(request, tmp_path):
    """A function running csplan as a new process in an empty directory, both ways it can be started."""
    prefix = [request.getfixturevalue("script")] if request.param == "script" else [sys.executable, "-m", "csplan"]

    def call(*args, **env):
        return run([*prefix, *args], tmp_path, **env)

    return call


def test_show_gdp_from_another_directory(csplan):
    p = csplan("show", "gdp")
    assert p.returncode == 0, p.stderr
    assert "1110 亿元" in p.stdout and "+5.8 %" in p.stdout and "预计" in p.stdout


def test_show_by_chinese_name_prints_the_same_json_record(csplan):
    by_name = csplan("show", "地区生产总值", "--format", "json")
    by_id = csplan("show", "gdp", "--format", "json")
    assert by_name.returncode == 0, by_name.stderr
    recs = json.loads(by_name.stdout)
    assert recs == json.loads(by_id.stdout)
    actual = next(r for r in recs if r["kind"] == "actual")
    assert (actual["value"], actual["unit"], actual["growth"], actual["status"]) == (1110, "亿元", 5.8, "estimate")


def test_list_json_and_csv_parse_back(csplan):
    recs = json.loads(csplan("list", "--format", "json").stdout)
    rows = list(csv.DictReader(io.StringIO(csplan("list", "--format", "csv").stdout)))
    assert len(recs) == len(rows) > 100
    assert list(rows[0]) == list(KEYS)
    assert [r["indicator"] for r in rows] == [r["indicator"] for r in recs]


def test_value_in_a_shell_substitution(script, tmp_path):
    p = subprocess.run(f'gdp=$("{script}" value gdp 2024) && echo "gdp=$gdp"', shell=True, cwd=tmp_path,
                       capture_output=True, text=True, env=clean_env(), check=False)
    assert p.stdout == "gdp=1110\n", p.stderr


def test_errors_are_one_line_on_stderr(csplan, tmp_path):
    p = csplan("--store", tmp_path / "missing.toml", "show", "gdp")
    assert p.returncode == 3
    assert p.stdout == ""
    assert p.stderr.count("\n") == 1 and p.stderr.startswith("csplan: ") and "Traceback" not in p.stderr
    p = csplan("show", "gpd")
    assert p.returncode == 1 and "did you mean gdp" in p.stderr


def test_store_variable(csplan, tmp_path, bundled):
    store = tmp_path / "mine.toml"
    store.write_text(bundled.read_text(encoding="utf-8").replace("value = 1110\n", "value = 2222\n"),
                     encoding="utf-8")
    assert csplan("value", "gdp", "2024", CSPLAN_STORE=str(store)).stdout == "2222\n"


def test_csv_pipes_into_a_csv_reader(script, tmp_path):
    reader = f"{sys.executable} -c 'import csv,sys; rows = list(csv.DictReader(sys.stdin)); print(len(rows))'"
    p = subprocess.run(f'"{script}" list --format csv | {reader}', shell=True, cwd=tmp_path, capture_output=True,
                       text=True, env=clean_env(), check=False)
    assert p.returncode == 0, p.stderr
    assert int(p.stdout) > 100


def test_list_piped_through_cat_has_no_escape_character(script, tmp_path):
    p = subprocess.run(f'"{script}" list | cat', shell=True, cwd=tmp_path, capture_output=True,
                       env=clean_env(TERM="xterm-256color"), check=False)
    assert p.returncode == 0
    assert p.stdout and b"\x1b" not in p.stdout


def test_a_closed_pipe_is_not_an_error(script, tmp_path):
    p = subprocess.run(f'"{script}" list --format csv | head -n 2', shell=True, cwd=tmp_path, capture_output=True,
                       text=True, env=clean_env(), check=False)
    assert p.stdout.startswith("indicator,name,")
    assert "Traceback" not in p.stderr and "Broken pipe" not in p.stderr


def test_shell_completion_of_indicator_ids(script, tmp_path):
    p = run([script], tmp_path, _CSPLAN_COMPLETE="complete_bash", COMP_WORDS="csplan show gd", COMP_CWORD="2")
    assert p.returncode == 0, p.stderr
    words = p.stdout.split()
    assert "gdp" in words and all(w.startswith("gd") for w in words)


def test_completion_script_for_bash(script, tmp_path):
    p = run([script, "--show-completion", "bash"], tmp_path, _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")
    assert p.returncode == 0, p.stderr
    assert "_CSPLAN_COMPLETE=complete_bash" in p.stdout and "complete " in p.stdout


def test_version(csplan):
    from csplan import __version__

    p = csplan("--version")
    assert p.returncode == 0 and p.stdout == f"csplan {__version__}\n"
