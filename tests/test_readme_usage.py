"""The README's Usage and Pipelines examples print what the README shows."""

import os
import shutil

import pytest
import readme_console
from conftest import require_tool


@pytest.mark.parametrize("heading", ["## Usage", "## Pipelines"])
def test_the_readme_examples_print_what_they_show(heading, bundled, tmp_path):
    require_tool("awk")
    if heading == "## Pipelines":
        require_tool("jq")
    shutil.copyfile(bundled, tmp_path / "cangshan.toml")
    env = {k: v for k, v in os.environ.items() if k != "CSPLAN_STORE"}
    steps = [(cmd, out) for cmd, out in readme_console.steps(heading) if "--install-completion" not in cmd]
    assert len(steps) >= 5
    for cmd, expected in steps:
        _, got = readme_console.run(cmd, tmp_path, env)
        assert sorted(got) == sorted(expected), (cmd, got)
