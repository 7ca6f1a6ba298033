"""Every console example of the README prints what the README shows, run the way a reader runs it:
section by section, top to bottom, each section in a fresh empty folder, with csplan installed and
no store of the reader's own yet (so the bundled store answers until the first write)."""

from __future__ import annotations

import os
import re
import shutil

import pytest
import readme_console
from conftest import require_tool

# The only README lines not run, and why.
EXCLUDED = {
    "csplan --install-completion": "it installs completion into the shell's start-up files of whoever runs the tests",
}

# Tools some lines pipe into; without them those lines are not run and the test skips, naming the tool.
TOOLS = ("jq", "awk")

SECTIONS = [(title, steps) for title, steps in readme_console.sections() if steps]


def runnable(steps: list[readme_console.Step]) -> list[readme_console.Step]:
    return [step for step in steps if step.command not in EXCLUDED]


def reader_env(tmp_path) -> dict:
    """The environment of a reader who has just installed csplan: no $CSPLAN_STORE, and a data
    and cache folder of their own, so the user's store starts absent."""
    home = tmp_path / "home"
    env = {key: value for key, value in os.environ.items()
           if key not in ("CSPLAN_STORE", "CSPLAN_CACHE_DIR", "CSPLAN_NO_CACHE", "XDG_DATA_HOME", "XDG_CACHE_HOME")}
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    env["XDG_CACHE_HOME"] = str(home / ".cache")
    return env


@pytest.mark.parametrize("title", [title for title, _ in SECTIONS])
def test_the_readme_section_prints_what_it_shows(title, tmp_path):
    steps = dict(SECTIONS)[title]
    folder = tmp_path / "reader"
    folder.mkdir()
    reader = readme_console.Reader(folder, reader_env(tmp_path))
    missing: list[str] = []
    for step in runnable(steps):
        needs = [tool for tool in TOOLS if re.search(rf"\b{tool}\b", step.command) and shutil.which(tool) is None]
        if needs:
            missing += needs
            continue
        code, got = reader.run(step.command)
        assert readme_console.matches(step.shown, got), (step.command, got)
        if readme_console.shows_an_error(step.shown):
            assert code != 0, (step.command, code)
        else:
            assert code == 0, (step.command, code, got)
    for tool in dict.fromkeys(missing):
        require_tool(tool)


def test_every_csplan_line_of_the_readme_is_run():
    """A new example can never go untested: the lines the test above runs are every `$ …` line of
    the README that calls csplan, less the exclusions listed (each of which is still there)."""
    ran = sum(step.runs_csplan for _, steps in SECTIONS for step in runnable(steps))
    commands = [step.command for _, steps in SECTIONS for step in steps]
    assert all(excluded in commands for excluded in EXCLUDED)
    assert ran == readme_console.csplan_lines() - len(EXCLUDED)
    assert ran >= 70
