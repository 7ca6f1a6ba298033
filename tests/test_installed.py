"""csplan installed as a user installs it (a wheel, not editable), with the package folder
read-only: no command ever writes inside the installed package."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, unavailable


def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A folder holding csplan installed from a wheel built from this checkout."""
    work = tmp_path_factory.mktemp("installed")
    src = work / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", ".venv*", "__pycache__", "*.egg-info",
                                                             ".pytest_cache", ".hypothesis", "build", "dist"))
    wheel = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"),
                            str(src)], capture_output=True, text=True, check=False)
    if wheel.returncode != 0:
        unavailable(f"cannot build a wheel of csplan here: {wheel.stderr.strip().splitlines()[-1:]}")
    [whl] = (work / "dist").glob("csplan-*.whl")
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(whl)],
                   check=True, capture_output=True)
    package = target / "csplan"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    for p in [package, *package.rglob("*")]:
        mode = p.stat().st_mode
        p.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return target


def run(installed: Path, home: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CSPLAN_STORE", "PYTHONPATH")}
    env.update(PYTHONPATH=str(installed), HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"))
    return subprocess.run([sys.executable, "-m", "csplan", *args], cwd=home, env=env, capture_output=True,
                          text=True, encoding="utf-8", input=input, check=False)


def test_every_write_command_leaves_the_installed_package_unchanged(installed, tmp_path):
    package = installed / "csplan"
    before = _tree(package)
    assert "data/indicators.toml" in before
    probe = subprocess.run([sys.executable, "-c", "import csplan; print(csplan.__file__)"], capture_output=True,
                           text=True, env={**os.environ, "PYTHONPATH": str(installed)}, check=True)
    assert Path(probe.stdout.strip()).parent == package, probe.stdout  # not the checkout's copy

    first = run(installed, tmp_path, "record", "gdp", "2025", "--growth", "5.4")
    assert first.returncode == 0, first.stderr
    mine = tmp_path / "data" / "csplan" / "indicators.toml"
    assert f"copied the bundled store to {mine}" in first.stderr
    assert run(installed, tmp_path, "value", "gdp", "2025", "--field", "growth").stdout == "5.4\n"

    csv_rows = run(installed, tmp_path, "show", "gdp", "--format", "csv").stdout
    report = ("关于某区2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n\n"
              "预计，全年地区生产总值1170亿元，增长5.4%；社会消费品零售总额620亿元，增长5%。\n\n"
              "2026年主要预期目标：地区生产总值增长5.5%左右。\n")
    (tmp_path / "report.txt").write_text(report, encoding="utf-8")
    steps = [
        ["target", "gdp", "2026", "--growth", "5.5", "--qualifier", "about"],
        ["indicator", "add", "gdp_per_capita", "--name", "人均地区生产总值", "--unit", "元"],
        ["region", "add", "mou", "--name", "某区"],
        ["source", "add", "mou-2025-plan", "--title", "关于某区2025年…的报告", "--date", "2026-01-05",
         "--region", "mou"],
        ["import", "-"],
        ["extract", "report.txt", "--region", "mou", "--apply"],
        ["fmt"],
    ]
    for args in steps:
        p = run(installed, tmp_path, *args, input=csv_rows if args == ["import", "-"] else None)
        assert p.returncode == 0, (args, p.stderr)
    assert run(installed, tmp_path, "store").stdout == f"{mine}\n"
    assert run(installed, tmp_path, "--store", "new.toml", "init", "--region", "x", "--name", "某地").returncode == 0

    packaged = package / "data" / "indicators.toml"
    refused = run(installed, tmp_path, "--store", str(packaged), "record", "gdp", "2025", "--growth", "9")
    assert refused.returncode == 3 and "read-only" in refused.stderr
    canonical = run(installed, tmp_path, "--store", str(packaged), "fmt")  # already canonical: no write
    assert canonical.returncode == 0 and "already canonical" in canonical.stderr

    assert _tree(package) == before, "a command wrote inside the installed package"
    figures = json.loads(run(installed, tmp_path, "list", "--format", "json").stdout)
    assert any(f["indicator"] == "gdp" and f["year"] == 2026 and f["kind"] == "target" for f in figures)


def test_the_installed_command_takes_ctrl_c_before_it_imports_anything(installed, tmp_path):
    """The wheel's `csplan` script sets its Ctrl-C handler before it imports csplan (which then
    takes Ctrl-C over), not after importing `re` as an installer's generated script does; it runs."""
    import ast

    script = installed / "bin" / "csplan"
    body = ast.parse(script.read_text(encoding="utf-8")).body
    calls = [n for n in ast.walk(ast.Module(body=body, type_ignores=[])) if isinstance(n, ast.Call)]
    sets = [c for c in calls if isinstance(c.func, ast.Attribute) and c.func.attr == "signal"]
    assert sets, "the script sets no signal handler"
    first_import = next(s for s in body if isinstance(s, (ast.Import, ast.ImportFrom))
                        and "csplan" in (getattr(s, "module", None) or "") + "".join(a.name for a in s.names))
    assert max(c.lineno for c in sets) < first_import.lineno
    assert [a.name for s in body if isinstance(s, ast.Import) for a in s.names] == ["_signal", "os"]
    env = {k: v for k, v in os.environ.items() if k not in ("CSPLAN_STORE", "PYTHONPATH")}
    env.update(PYTHONPATH=str(installed), HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, str(script), "value", "gdp", "2024"], env=env, capture_output=True,
                          text=True, check=False)
    assert (done.returncode, done.stdout) == (0, "1110\n"), done.stderr  # 地区生产总值1110亿元
