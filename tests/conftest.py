"""Shared fixtures: the bundled store, a writable copy of it, the report text, and a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csplan.cli import app
from csplan.store import bundled_store

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT.parent / "shared" / "reports" / "cangshan-2024-plan-report.md"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path_factory):
    """No test sees the developer's own store variable, cache or colour settings."""
    monkeypatch.delenv("CSPLAN_STORE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture
def bundled() -> Path:
    return bundled_store()


@pytest.fixture
def store_copy(tmp_path) -> Path:
    """A writable copy of the bundled store."""
    dest = tmp_path / "indicators.toml"
    shutil.copyfile(bundled_store(), dest)
    return dest


@pytest.fixture
def report_text() -> str:
    """The full Cangshan report, which the project does not ship: it lives beside the repo."""
    if not REPORT.is_file():
        pytest.fail(
            f"the report text is not at {REPORT}; these tests check the store against it, "
            "so put shared/reports/cangshan-2024-plan-report.md beside the checkout"
        )
    return REPORT.read_text(encoding="utf-8")


class Cli:
    def __init__(self):
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, env: dict | None = None):
        return self.runner.invoke(app, [str(a) for a in args], input=input, env=env, catch_exceptions=False)


@pytest.fixture
def cli() -> Cli:
    """Run csplan in-process: cli("show", "gdp") → result with .exit_code, .stdout, .stderr."""
    return Cli()
