"""Shared fixtures: the bundled store, a writable copy of it, the report text, and a CLI runner.

A test that needs something a clone may lack (the full report text beside the checkout, `jq`)
skips with one line naming it; with CSPLAN_TESTS_REQUIRE_ALL=1 (as CI sets) it fails instead.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csplan.cli import app
from csplan.locate import bundled_store

# Importing the extractor keeps its compiled patterns in the cache folder (csplan.extract.compiled):
# the tests' own imports use a folder of their own, never the user's.
_SESSION_CACHE = tempfile.mkdtemp(prefix="csplan-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _SESSION_CACHE
os.environ.pop("CSPLAN_CACHE_DIR", None)

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT.parent / "shared" / "reports" / "cangshan-2024-plan-report.md"


def unavailable(reason: str):
    """Skip the calling test, naming what it needs; fail it when CI asks for every test."""
    if os.environ.get("CSPLAN_TESTS_REQUIRE_ALL", "") not in ("", "0"):
        pytest.fail(f"{reason} (CSPLAN_TESTS_REQUIRE_ALL is set)")
    pytest.skip(reason)


def require_report() -> Path:
    if not REPORT.is_file():
        unavailable(f"needs the report text ../shared/reports/{REPORT.name}, not beside this checkout")
    return REPORT


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        unavailable(f"needs `{name}` on PATH")
    return path


def pytest_unconfigure(config):
    shutil.rmtree(_SESSION_CACHE, ignore_errors=True)


def pytest_report_header(config):
    """Which versions of csplan's dependencies this run tests, and whether the speed-up is on."""
    from importlib.metadata import version

    from csplan.cli.fast import enabled

    deps = ", ".join(f"{d} {version(d)}" for d in ("typer", "rich", "tomli-w"))
    return f"csplan dependencies: {deps}; speed-up {'on' if enabled() else 'off (CSPLAN_NO_SPEEDUP)'}"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path_factory):
    """No test sees the developer's own store, store variable, cache or colour settings."""
    monkeypatch.delenv("CSPLAN_STORE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)  # piped tables would fit it


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
    return require_report().read_text(encoding="utf-8")


class Cli:
    def __init__(self):
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, env: dict | None = None):
        return self.runner.invoke(app, [str(a) for a in args], input=input, env=env, catch_exceptions=False)


@pytest.fixture
def cli() -> Cli:
    """Run csplan in-process: cli("show", "gdp") → result with .exit_code, .stdout, .stderr."""
    return Cli()


def on_terminal(argv: list[str], *, columns: int = 80, env: dict | None = None,
                streams: tuple[str, ...] = ("stdout",)) -> tuple[int, str, str, str]:
    """Run `argv` with `streams` (of stdin, stdout, stderr) on a pseudo-terminal `columns` wide and
    the others piped: (exit status, what the terminal showed, piped stdout, piped stderr)."""
    import struct
    import subprocess

    try:
        import fcntl
        import pty
        import termios
    except ImportError:
        unavailable("needs a pseudo-terminal (the pty and termios modules), which this system lacks")
    main, sub = pty.openpty()
    fcntl.ioctl(sub, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    chosen = {name: (sub if name in streams else subprocess.PIPE) for name in ("stdout", "stderr")}
    p = subprocess.Popen(argv, stdin=sub if "stdin" in streams else subprocess.DEVNULL, env=env, **chosen)
    os.close(sub)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal is gone once the process has exited
            break
        if not chunk:
            break
        shown += chunk
    out = p.stdout.read() if p.stdout else b""
    err = p.stderr.read() if p.stderr else b""
    os.close(main)
    return (p.wait(timeout=60), shown.decode("utf-8", "replace").replace("\r\n", "\n"),
            out.decode("utf-8", "replace"), err.decode("utf-8", "replace"))


def ctrl_c_as_a_terminal_gives_it() -> None:
    """For subprocess's preexec_fn: the child takes Ctrl-C as one started from a shell prompt does.

    A test run started in the background by a shell without job control inherits Ctrl-C ignored,
    and csplan rightly keeps an ignored Ctrl-C ignored; a test of what Ctrl-C does must not."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def disk_full(monkeypatch, where: str) -> None:
    """Make the OS call `where` ("fsync" or "replace") fail as on a full disk; or, for "write",
    make every file opened with os.fdopen take half of what is written to it, then fail."""
    if where != "write":
        def boom(*a, **k):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, where, boom)
        return
    real_fdopen = os.fdopen

    class HalfWritten:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def write(self, data):
            self.f.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: HalfWritten(real_fdopen(fd, mode)))


def killed_writer(code: str, path, round_: int, rng, env: dict) -> tuple[str, bool]:
    """Run the writer `code` (`python -c code PATH ROUND`) and SIGKILL it at a random moment 0.3–1.5 s
    later: what it printed, and whether the kill ended it. It printed no traceback."""
    import signal
    import subprocess
    import sys
    import time

    proc = subprocess.Popen([sys.executable, "-c", code, str(path), str(round_)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(rng.uniform(0.3, 1.5))
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    assert "Traceback" not in err, err
    return out, proc.returncode == -signal.SIGKILL
