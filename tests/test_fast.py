"""The speed-up (csplan.cli.fast) is guarded: on the Typer it was written for it really engages, so
that a Typer upgrade that changes the internals it relies on fails here instead of quietly slowing
csplan down; CSPLAN_NO_SPEEDUP=1 turns it off; and csplan answers byte for byte alike either way."""

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import typer
from typer.main import get_command

from csplan.cli import COMMAND_MODULES, app, commands, fast


def typer_version() -> tuple[int, ...]:
    return tuple(int(p) for p in typer.__version__.split(".")[:2])


def requires_quicken():
    if typer_version() < fast.QUICKEN_TYPER:
        pytest.skip(f"Typer {typer.__version__} converts values without pydantic: quicken has nothing to replace "
                    f"(it engages from Typer {'.'.join(map(str, fast.QUICKEN_TYPER))} on)")


def command(name: str):
    """A freshly built command of the app, found through the app's group (which quickens it)."""
    group = get_command(app)
    return group.get_command(typer.Context(group), name)


def quick_params(cmd) -> set[str]:
    return {p.name for p in cmd.params if isinstance(getattr(p, "_runtime_param", None), fast._Quick)}


def test_quicken_engages_on_the_typer_it_was_written_for(monkeypatch):
    requires_quicken()
    monkeypatch.delenv("CSPLAN_NO_SPEEDUP", raising=False)
    assert fast._typer_hook() is not None, (
        f"Typer {typer.__version__}: the internals quicken relies on have changed (see fast._typer_hook); "
        "adapt quicken to them, or raise QUICKEN_TYPER past this Typer knowingly")
    assert quick_params(command("list")) >= {"fmt", "year", "kind", "region", "as_of"}
    assert quick_params(command("value")) >= {"query", "year", "field", "kind"}


def test_typer_converts_through_the_quick_converters(monkeypatch):
    """Typer really asks the converter quicken installed (not only keeps it), and the quick path
    needs none of Typer's own converters for ordinary values."""
    requires_quicken()
    monkeypatch.delenv("CSPLAN_NO_SPEEDUP", raising=False)
    asked = []
    coerce = fast._Quick.coerce

    def spy(self, value, param, ctx):
        asked.append(param.name)
        return coerce(self, value, param, ctx)

    monkeypatch.setattr(fast._Quick, "coerce", spy)
    cmd = command("list")
    ctx = cmd.make_context("list", ["--format", "json", "--year", "2024", "--kind", "target"])
    assert (ctx.params["fmt"].value, ctx.params["year"], ctx.params["kind"].value) == ("json", 2024, "target")
    assert {"fmt", "year", "kind"} <= set(asked)
    assert all(p._runtime_param.slow is None for p in cmd.params if p.name in quick_params(cmd))


def test_an_odd_value_still_gets_typer_s_own_answer(monkeypatch):
    requires_quicken()
    monkeypatch.delenv("CSPLAN_NO_SPEEDUP", raising=False)
    cmd = command("list")
    with pytest.raises(typer.BadParameter):
        cmd.make_context("list", ["--kind", "Actual"])
    kind = next(p for p in cmd.params if p.name == "kind")
    assert kind._runtime_param.slow is not None  # the converter Typer would have built answered


def test_a_parser_of_csplan_s_own_answers_alone(monkeypatch):
    """A year is read by csplan's parser, good or bad, so that Typer never builds a converter for it."""
    requires_quicken()
    monkeypatch.delenv("CSPLAN_NO_SPEEDUP", raising=False)
    cmd = command("list")
    with pytest.raises(typer.BadParameter, match="1949–2100"):
        cmd.make_context("list", ["--year", "1800"])
    year = next(p for p in cmd.params if p.name == "year")
    assert year._runtime_param.slow is None
    assert cmd.make_context("list", ["--year", "2024"]).params["year"] == 2024


def test_many_paths_are_taken_as_typer_takes_them(monkeypatch):
    """`extract PATH…` (a list of words) needs no converter of Typer's, which would load pydantic."""
    requires_quicken()
    monkeypatch.delenv("CSPLAN_NO_SPEEDUP", raising=False)
    cmd = command("extract")
    paths = next(p for p in cmd.params if p.name == "paths")
    assert isinstance(paths._runtime_param, fast._QuickTexts)
    ctx = cmd.make_context("extract", ["a.txt", "reports/", "--format", "json"])
    assert ctx.params["paths"] == ["a.txt", "reports/"]
    assert paths._runtime_param.slow is None


def test_each_command_is_registered_by_the_module_named_for_it():
    """A run imports only COMMAND_MODULES[its command]: that module must be the one registering it."""
    from typer.main import get_command_name

    found = {c.name or get_command_name(c.callback.__name__): c.callback.__module__ for c in app.registered_commands}
    found |= {g.name or g.typer_instance.info.name: g.typer_instance.registered_commands[0].callback.__module__
              for g in app.registered_groups}
    assert found == {name: f"csplan.cli.{module}" for name, module in COMMAND_MODULES.items()}


def test_the_switch_turns_quicken_and_lean_off(monkeypatch):
    monkeypatch.setenv("CSPLAN_NO_SPEEDUP", "1")
    assert quick_params(command("list")) == set()
    assert fast.lean(commands, ["value", "gdp", "2024"]) is app
    monkeypatch.setenv("CSPLAN_NO_SPEEDUP", "0")
    slim = fast.lean(commands, ["value", "gdp", "2024"])
    assert slim is not app and len(slim.registered_commands) == 1 and not slim.registered_groups


def test_quicken_steps_aside_where_typer_has_no_hook(monkeypatch):
    """On a Typer without the internals (0.26–0.28, or a future one) no parameter is touched."""
    monkeypatch.delenv("CSPLAN_NO_SPEEDUP", raising=False)
    monkeypatch.setattr(fast, "_hook", None)
    assert quick_params(command("list")) == set()


CASES = [
    ["show", "gdp"],
    ["show", "gdp", "--format", "json"],
    ["list", "--format", "json"],
    ["list", "--format", "csv", "--year", "2024"],
    ["value", "gdp", "2024"],
    ["value", "gdp", "2025", "--kind", "target", "--field", "growth"],
    ["targets", "2025"],
    ["growth", "-f", "csv"],
    ["search", "企业"],
    ["sources"],
    ["-f", "json"],
    ["value", "gdp"],  # usage errors: a missing argument, a misspelt command
    ["valu", "gdp"],
    ["list", "--year", "abc"],  # bad option values
    ["list", "--year", "1800"],
    ["list", "--format", "xml"],
    ["list", "--kind", "Actual"],
    ["targets", "2025", "--tolerance", "x"],
    ["--wait", "-1", "list"],
    ["list", "--yaer", "2024"],
    ["value", "gdp", "1990"],  # no answer
    ["show", "--help"],
    ["-h"],
    ["extract", str(Path(__file__).parent / "fixtures" / "city-2024-plan-report-table.md"), "--region", "city",
     "--format", "json"],
    ["extract"],
]
# (the line being completed, a word it must offer)
COMPLETIONS = [("csplan show g", "gdp"), ("csplan list --format j", "json"), ("csplan sh", "show"),
               ("csplan list --region c", "cangshan"), ("csplan value gdp 202", "2024")]


def run(args: list[str], root: Path, speedup: bool, **extra: str) -> tuple[int, bytes, bytes]:
    """csplan in a new process, by the console script's own path (`run`): exit code, stdout, stderr."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("CSPLAN_NO_SPEEDUP", "CSPLAN_STORE") and not k.endswith("_COMPLETE")}
    env.update(COLUMNS="100", XDG_DATA_HOME=str(root / "data"), XDG_CACHE_HOME=str(root / "cache"), **extra)
    if not speedup:
        env["CSPLAN_NO_SPEEDUP"] = "1"
    completing = any(k.endswith("_COMPLETE") for k in extra)  # a shell calls the console script by its name
    start = [str(Path(sys.executable).parent / "csplan")] if completing else [sys.executable, "-m", "csplan"]
    p = subprocess.run([*start, *args], capture_output=True, env=env, check=False)
    return p.returncode, p.stdout, p.stderr


def completion(words: str) -> dict:
    return {"_CSPLAN_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}


@pytest.fixture(scope="module")
def answers(tmp_path_factory) -> dict:
    """Every case, with and without the speed-up, each in its own empty home; run side by side."""
    jobs = [(tuple(args), {}) for args in CASES] + [((), completion(words)) for words, _ in COMPLETIONS]
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {(args, tuple(env.items()), speedup): pool.submit(run, list(args), tmp_path_factory.mktemp("home"),
                                                                    speedup, **env)
                   for args, env in jobs for speedup in (True, False)}
        return {key: f.result() for key, f in futures.items()}


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_the_same_answer_with_and_without_the_speed_up(args, answers):
    fast_answer = answers[tuple(args), (), True]
    assert fast_answer == answers[tuple(args), (), False]
    assert fast_answer[1] or fast_answer[2]


@pytest.mark.parametrize("words, offered", COMPLETIONS)
def test_the_same_completions_with_and_without_the_speed_up(words, offered, answers):
    env = tuple(completion(words).items())
    fast_answer = answers[(), env, True]
    assert fast_answer == answers[(), env, False]
    assert fast_answer[0] == 0 and offered in fast_answer[1].decode().split()
