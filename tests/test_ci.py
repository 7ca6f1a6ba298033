"""The README's first screen and .ci/run agree: CI runs exactly the test command the README gives."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_commands() -> list[str]:
    """The indented command lines of the README before its first section heading."""
    lines = []
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            break
        if line.startswith("    ") and line.strip():
            lines.append(line.strip())
    return lines


def test_the_readme_gives_two_setup_commands():
    install, test = setup_commands()
    assert "pip install ." in install and install.endswith("csplan")
    assert "pip install '.[test]'" in test and "pytest" in test


def test_ci_runs_the_readme_test_command_verbatim():
    _, test = setup_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in [line.strip() for line in ci.splitlines()]
    assert "set -euo pipefail" in ci


def test_ci_script_is_executable():
    assert os.access(ROOT / ".ci" / "run", os.X_OK)
