"""Help and usage errors read like a well-made CLI's on every supported Typer, with the speed-up
and without it: metavars as users know them (QUERY, YEAR, FILE), no Python type or pydantic
wording, each command summed up by a whole sentence, every line within 80 columns with a Chinese
character counted as two; and shell completion offers the store's ids, categories and years.

Each page and each error comes from csplan in its own process, as a shell starts it."""

import os
import re
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from typer.main import get_command

from csplan.cli import app
from csplan.model import YEAR_MAX, YEAR_MIN

from conftest import on_terminal

#: What a page or an error must never show: Python's types as Typer 0.29 prints them, Click's
#: lower-case argument names, pydantic's phrasing.
LEAKS = ("<str>", "<int", "<float", "<path>", "<file>", "list[", "Value error", "Input should", "pydantic",
         "valid integer", "valid float", "integer range", "float range")
TYPE_IN_BRACKETS = re.compile(r"<[a-z][a-z |,\[\]]*>|\{[A-Za-z_]+\}")


def cells(line: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in line)


SCRIPT = Path(sys.executable).parent / "csplan"


def run(args, home: Path, speedup: bool = True, **extra: str) -> tuple[int, str, str]:
    """csplan in a new process: by its console script when completing (a shell's completion calls
    `csplan`), else as `python -m csplan`."""
    if any(k.endswith("_COMPLETE") for k in extra) and not SCRIPT.is_file():
        pytest.fail(f"the console script is not at {SCRIPT}; install csplan into this environment")
    start = [str(SCRIPT)] if any(k.endswith("_COMPLETE") for k in extra) else [sys.executable, "-m", "csplan"]
    env = {k: v for k, v in os.environ.items()
           if k not in ("CSPLAN_NO_SPEEDUP", "CSPLAN_STORE", "CSPLAN_WAIT", "COLUMNS", "LINES")
           and not k.endswith("_COMPLETE")}
    env.update(COLUMNS="80", XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"), **extra)
    if not speedup:
        env["CSPLAN_NO_SPEEDUP"] = "1"
    p = subprocess.run([*start, *args], capture_output=True, env=env, check=False, text=True, encoding="utf-8")
    return p.returncode, p.stdout, p.stderr


def command_paths() -> list[tuple[str, ...]]:
    """Every command and group of the app, as the words that call it ('' is csplan itself)."""

    def walk(cmd, path):
        yield path
        for name, sub in sorted(getattr(cmd, "commands", {}).items()):
            yield from walk(sub, (*path, name))

    return list(walk(get_command(app), ()))


PATHS = command_paths()
GROUPS = [p for p in PATHS if any(q[:-1] == p for q in PATHS if q)]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict:
    home = tmp_path_factory.mktemp("home")
    with ThreadPoolExecutor(max_workers=4) as pool:
        jobs = {path: pool.submit(run, [*path, "--help"], home) for path in PATHS}
        return {path: job.result() for path, job in jobs.items()}


def test_every_command_is_walked():
    names = {" ".join(p) for p in PATHS}
    assert {"show", "list", "value", "targets", "growth", "record", "extract", "indicator add"} <= names


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "csplan")
def test_a_help_page_shows_no_python_and_fits_80_columns(path, pages):
    code, out, err = pages[path]
    assert code == 0 and err == "", err
    assert out.startswith("Usage: ")
    for leak in LEAKS:
        assert leak not in out, leak
    assert not TYPE_IN_BRACKETS.search(out), TYPE_IN_BRACKETS.search(out)
    wide = [line for line in out.splitlines() if cells(line) > 80]
    assert not wide, wide


def declared(path: tuple[str, ...]):
    cmd = get_command(app)
    for name in path:
        cmd = cmd.commands[name]
    return cmd


@pytest.mark.parametrize("path", [p for p in PATHS if p], ids=" ".join)
def test_every_value_has_a_metavar_in_capitals(path, pages):
    """QUERY, YEAR, FILE, FORMAT …: each argument and each option that takes a value names it,
    and the page shows it beside the option."""
    out = pages[path][1]
    for param in declared(path).params:
        if getattr(param, "is_flag", False) or param.hidden:
            continue
        assert param.metavar and not re.search("[a-z]", param.metavar), (param.name, param.metavar)
        if param.param_type_name == "option":
            assert re.search(rf"{re.escape(max(param.opts, key=len))} {re.escape(param.metavar)}\b", out), param.opts
        else:
            assert param.metavar in out.splitlines()[0]  # the usage line


def test_the_usage_line_names_arguments_as_users_know_them(pages):
    assert pages[("value",)][1].splitlines()[0].endswith(" value [OPTIONS] QUERY YEAR")
    assert pages[("growth",)][1].splitlines()[0].endswith(" growth [OPTIONS] [QUERY]...")
    assert pages[("indicator", "add")][1].splitlines()[0].endswith(" indicator add [OPTIONS] ID")
    assert "-s, --store FILE" in pages[()][1]
    assert "-f, --format FORMAT" in pages[("list",)][1]


def listing(page: str) -> dict[str, str]:
    """The Commands section of a group's page: each name with its text, wrapped lines joined."""
    rows: dict[str, str] = {}
    section = page.split("\nCommands:\n", 1)[1]
    name = ""
    for line in section.splitlines():
        m = re.match(r"  (\S+)\s{2,}(.*)", line)
        if m:
            name = m.group(1)
            rows[name] = m.group(2).strip()
        elif line.startswith("   ") and name:
            rows[name] += " " + line.strip()
    return rows


def description(page: str) -> str:
    """The first paragraph under a page's usage line, on one line."""
    return " ".join(page.split("\n\n")[1].split())


@pytest.mark.parametrize("group", GROUPS, ids=lambda p: " ".join(p) or "csplan")
def test_a_list_of_commands_gives_each_whole_sentence(group, pages):
    page = pages[group][1]
    rows = listing(page)
    subs = [p for p in PATHS if len(p) == len(group) + 1 and p[:len(group)] == group]
    assert len(page.split("\nCommands:\n", 1)[1].splitlines()) == len(rows)  # one line each, at 80 columns
    assert set(rows) == {p[-1] for p in subs}
    for sub in subs:
        summary = rows[sub[-1]]
        assert summary == description(pages[sub][1]), sub  # the command's own first paragraph, not cut
        assert summary[0].isupper() and summary.endswith(".") and "..." not in summary, summary


@pytest.mark.parametrize("path", [p for p in PATHS if p not in GROUPS], ids=" ".join)
def test_every_command_shows_examples(path, pages):
    out = pages[path][1]
    assert re.search(r"\n  Examples?:\n    csplan ", out) or re.search(r"\n  Examples?:\n    .*csplan ", out), out


# --- usage errors ---------------------------------------------------------------------------------

YEARS = f"{YEAR_MIN}–{YEAR_MAX}"

# (arguments, what the one line says); every one exits 2. STORE stands for a writable copy of the
# bundled store, FOLDER for a folder.
BAD = [
    (["value", "gdp", "abc"], ["'YEAR'", "'abc' is not a whole number"]),
    (["value", "gdp", "2024.0"], ["'YEAR'", "'2024.0' is not a whole number"]),
    (["list", "--year", "1800"], ["'--year'", "1800", YEARS]),
    (["list", "--year", "abc"], ["'--year'", "'abc'"]),
    (["targets", "abc"], ["'YEAR'", "'abc'"]),
    (["growth", "--year", "20x"], ["'--year'", "'20x'"]),
    (["extract", "-", "--actual-year", "x"], ["'--actual-year'", "'x'"]),
    (["list", "--format", "xml"], ["'--format'", "'xml' is not one of", "'markdown'"]),
    (["extract", "-", "--format", "xml"], ["'--format'", "'xml' is not one of", "'toml'"]),
    (["list", "--kind", "Actual"], ["'--kind'", "'Actual' is not one of", "'actual'"]),
    (["value", "gdp", "2024", "--field", "level"], ["'--field'", "'level' is not one of"]),
    (["list", "--category", "industri"], ["no category 'industri'", "did you mean industry?"]),
    (["indicator", "add", "x", "--name", "某", "--category", "foo"], ["'--category'", "'foo'", "environment"]),
    (["--store", "STORE", "record", "gdp", "2030", "--value", "1", "--qualifier", "roughly"],
     ["unknown qualifier 'roughly'", "at_least"]),
    (["--store", "STORE", "record", "gdp", "2030", "--value", "1", "--status", "guess"],
     ["unknown status 'guess'", "estimate"]),
    (["show"], ["Missing argument 'QUERY'"]),
    (["value", "gdp"], ["Missing argument 'YEAR'"]),
    (["targets"], ["Missing argument 'YEAR'"]),
    (["import"], ["Missing argument 'FILE'"]),
    (["indicator", "add"], ["Missing argument 'ID'"]),
    (["list", "--year"], ["'--year' requires an argument"]),
    (["list", "--yaer", "2024"], ["No such option: --yaer", "Did you mean --year?"]),
    (["show", "gdp", "--formt", "json"], ["No such option: --formt", "Did you mean --format?"]),
    (["list", "--no-such-option"], ["No such option: --no-such-option"]),
    (["shw", "gdp"], ["No such command 'shw'", "Did you mean 'show'?"]),
    (["--wait", "abc", "list"], ["'--wait'", "'abc' is not a number of seconds"]),
    (["--wait", "-1", "list"], ["'--wait'", "'-1' is not a number of seconds"]),
    (["--wait", "nan", "list"], ["'--wait'", "'nan'"]),
    (["targets", "2025", "--tolerance", "abc"], ["'--tolerance'", "'abc' is not a finite number"]),
    (["targets", "2025", "--tolerance", "-1"], ["'--tolerance'", "'-1'"]),
    (["targets", "2025", "--tolerance", "inf"], ["'--tolerance'", "'inf' is not a finite number"]),
    (["targets", "2025", "-t", "nan"], ["'--tolerance'", "'nan'"]),
    (["--store", "", "list"], ["'--store'", "empty"]),
    (["growth", "--svg", "FOLDER"], ["'--svg'", "is a folder"]),
]


@pytest.fixture(scope="module")
def errors(tmp_path_factory, bundled) -> dict:
    """Every bad invocation, with the speed-up and without, each in a home of its own."""
    folder = tmp_path_factory.mktemp("folder")

    def call(args, speedup):
        home = tmp_path_factory.mktemp("home")
        store = home / "store.toml"
        store.write_bytes(bundled.read_bytes())
        argv = [str(store) if a == "STORE" else str(folder) if a == "FOLDER" else a for a in args]
        code, out, err = run(argv, home, speedup)
        return code, out, err.replace(str(folder), "FOLDER"), store.read_bytes() == bundled.read_bytes()

    with ThreadPoolExecutor(max_workers=4) as pool:
        jobs = {(tuple(args), speedup): pool.submit(call, args, speedup) for args, _ in BAD for speedup in (True, False)}
        return {key: job.result() for key, job in jobs.items()}


@pytest.fixture(scope="module")
def bundled():
    from csplan.locate import bundled_store

    return bundled_store()


@pytest.mark.parametrize("args, words", BAD, ids=[" ".join(a) or "''" for a, _ in BAD])
def test_a_bad_invocation_is_one_plain_line_and_exit_2(args, words, errors):
    code, out, err, unchanged = errors[tuple(args), True]
    assert (code, out, err, unchanged) == errors[tuple(args), False]  # the same without the speed-up
    assert code == 2 and out == "" and unchanged
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("csplan: "), err
    for word in words:
        assert word in lines[0], (word, lines[0])
    for leak in LEAKS:
        assert leak not in lines[0], leak
    assert not TYPE_IN_BRACKETS.search(lines[0])


def test_a_bad_CSPLAN_WAIT_is_one_line(tmp_path, bundled):
    store = tmp_path / "store.toml"
    store.write_bytes(bundled.read_bytes())
    code, out, err = run(["--store", str(store), "record", "gdp", "2030", "--value", "1"], tmp_path,
                         CSPLAN_WAIT="soon")
    assert (code, out) == (2, "")
    assert err == "csplan: CSPLAN_WAIT: 'soon' is not a number of seconds (0 or more, or inf)\n"
    assert store.read_bytes() == bundled.read_bytes()


# --- a real terminal of 80 columns ----------------------------------------------------------------


def on_a_terminal(args: list[str], columns: int, home: Path) -> str:
    """What csplan prints on a pseudo-terminal `columns` wide, with no COLUMNS to go by."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "CSPLAN_STORE")}
    env.update(XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
    status, shown, _, _ = on_terminal([sys.executable, "-m", "csplan", *args], columns=columns, env=env,
                                      streams=("stdin", "stdout", "stderr"))
    assert status == 0
    return shown


@pytest.mark.parametrize("command", ["extract", "record", "target"])
def test_help_fits_a_terminal_80_columns_wide(command, tmp_path):
    """Wrapped by cells, text with Chinese in it keeps to the terminal's width: the report's phrases
    in `extract`'s description, the report's words in `record`'s options, the examples."""
    out = on_a_terminal([command, "--help"], 80, tmp_path)
    lines = out.splitlines()
    assert lines[0].startswith("Usage: ")
    assert max(cells(line) for line in lines) <= 80
    assert max(cells(line) for line in lines) > 70  # the page uses the width it has
    assert any(cells(line) > len(line) for line in lines)  # and has Chinese to count


# --- shell completion -----------------------------------------------------------------------------

STORE = """\
schema = 1

[[sources]]
id = "east-2024-plan"
title = "东区 2024 年计划执行情况的报告"
date = "2024-12-25"
region = "east"

[[sources]]
id = "west-2022-plan"
title = "西区 2022 年计划执行情况的报告"
date = "2022-12-20"
region = "west"

[[regions]]
id = "east"
name = "东区"

[[regions]]
id = "west"
name = "西区"

[[indicators]]
id = "gdp"
name = "地区生产总值"
unit = "亿元"
category = "headline"

[[indicators]]
id = "high_tech_firms"
name = "高新技术企业"
unit = "家"
category = "innovation"

[[observations]]
indicator = "gdp"
region = "west"
year = 2022
metric = "value"
value = 300
unit = "亿元"
qualifier = "exact"
status = "reported"
source = "west-2022-plan"

[[observations]]
indicator = "high_tech_firms"
region = "east"
year = 2024
metric = "value"
value = 614
unit = "家"
qualifier = "exact"
status = "reported"
source = "east-2024-plan"

[[targets]]
indicator = "gdp"
region = "east"
year = 2025
metric = "growth"
unit = "%"
growth = 5.5
qualifier = "exact"
source = "east-2024-plan"
"""

# What the store above holds, read off it: the words completion must offer.
REGIONS, SOURCES = {"east", "west"}, {"east-2024-plan", "west-2022-plan"}
CATEGORIES_IN_STORE, YEARS_IN_STORE = {"headline", "innovation"}, {"2022", "2024", "2025"}
FORMATS = {"table", "json", "csv", "tsv", "markdown"}  # as the README lists them for --format

COMPLETIONS = [
    ("csplan list --region ", REGIONS),
    ("csplan list --region w", {"west"}),
    ("csplan show gdp -r ", REGIONS),
    ("csplan record gdp 2026 --region ", REGIONS),
    ("csplan source add x --region e", {"east"}),
    ("csplan extract report.txt --region ", REGIONS),
    ("csplan record gdp 2026 --source ", SOURCES),
    ("csplan target gdp 2026 --source w", {"west-2022-plan"}),
    ("csplan list --category ", CATEGORIES_IN_STORE),
    ("csplan list -c inn", {"innovation"}),
    ("csplan list --format ", FORMATS),
    ("csplan show gdp -f j", {"json"}),
    ("csplan extract report.txt --format t", {"table", "tsv", "toml"}),
    ("csplan import figures --format ", {"csv", "tsv", "json"}),
    ("csplan value gdp ", YEARS_IN_STORE),
    ("csplan targets 202", YEARS_IN_STORE),
    ("csplan targets 2024", {"2024"}),
    ("csplan list --year ", YEARS_IN_STORE),
    ("csplan growth -y 2022", {"2022"}),
    ("csplan record gdp ", YEARS_IN_STORE),
    ("csplan record gdp 2026 --qualifier at", {"at_least", "at_most"}),
    ("csplan record gdp 2026 --status ", {"estimate", "preliminary", "reported"}),
    ("csplan indicator add x --category env", {"environment"}),
    ("csplan show h", {"high_tech_firms"}),
]


def bash_words(line: str) -> dict[str, str]:
    """The variables bash's completion function sends (`_CSPLAN_COMPLETE=complete_bash`): the words
    of the line, and the index of the word being completed (a trailing space starts a new one)."""
    return {"_CSPLAN_COMPLETE": "complete_bash", "COMP_WORDS": line,
            "COMP_CWORD": str(len(line.split()) - (0 if line.endswith(" ") else 1))}


@pytest.fixture(scope="module")
def completed(tmp_path_factory) -> dict:
    home = tmp_path_factory.mktemp("home")
    store = home / "store.toml"
    store.write_text(STORE, encoding="utf-8")
    with ThreadPoolExecutor(max_workers=4) as pool:
        jobs = {(line, speedup): pool.submit(run, [], home, speedup, CSPLAN_STORE=str(store), **bash_words(line))
                for line, _ in COMPLETIONS for speedup in (True, False)}
        answers = {key: job.result() for key, job in jobs.items()}
    answers["user store made"] = (home / "data").exists()
    return answers


def test_the_completion_store_is_valid(tmp_path):
    store = tmp_path / "store.toml"
    store.write_text(STORE, encoding="utf-8")
    code, out, err = run(["--store", str(store), "validate"], tmp_path)
    assert code == 0, err


@pytest.mark.parametrize("line, words", COMPLETIONS, ids=[line for line, _ in COMPLETIONS])
def test_bash_completes_the_values_of_the_store(line, words, completed):
    code, out, err = completed[line, True]
    assert (code, out, err) == completed[line, False]
    assert code == 0 and err == ""
    assert set(out.split()) == words


def test_completion_writes_nothing(completed):
    assert not completed["user store made"]


def test_an_unreadable_store_completes_nothing_quietly(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = [\n", encoding="utf-8")
    for line in ("csplan list --region ", "csplan value gdp ", "csplan list --category ",
                 "csplan record gdp 2026 --source "):
        code, out, err = run([], tmp_path, CSPLAN_STORE=str(bad), **bash_words(line))
        assert (code, out.strip(), err) == (0, "", "")


@pytest.mark.parametrize("shell, expected", [
    ("zsh", ['"east":"东区"', '"west":"西区"']),  # id and name, as zsh lists them
    ("fish", ["east\t东区", "west\t西区"]),
])
def test_zsh_and_fish_complete_region_ids_with_their_names(shell, expected, tmp_path):
    store = tmp_path / "store.toml"
    store.write_text(STORE, encoding="utf-8")
    code, out, err = run([], tmp_path, CSPLAN_STORE=str(store), _CSPLAN_COMPLETE=f"complete_{shell}",
                         _TYPER_COMPLETE_ARGS="csplan list --region ", _TYPER_COMPLETE_FISH_ACTION="get-args")
    assert code == 0 and err == ""
    for text in expected:
        assert text in out, out
