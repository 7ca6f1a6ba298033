"""The README's DuckDB and pandas example, run verbatim on the bundled store, prints what the
README shows; its figures are checked against the report's own words as well."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import readme_console
from conftest import unavailable
from test_readme_usage import reader_env

README = Path(__file__).resolve().parent.parent / "README.md"
TITLE = "DuckDB and pandas"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n### {TITLE}\n")
    return text[start:text.index("\n## ", start + 1)]


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", section(), flags=re.S)


def test_the_example_prints_what_the_readme_shows(tmp_path):
    missing = [name for name in ("duckdb", "pandas") if importlib.util.find_spec(name) is None]
    if missing:
        unavailable(f"needs {' and '.join(missing)} (pip install 'csplan[test]')")
    [console], [code], [shown] = blocks("console"), blocks("python"), blocks("text")
    env = reader_env(tmp_path)
    for line in console.splitlines():
        code_, out = readme_console.run(line.removeprefix("$ "), tmp_path, env)
        assert code_ == 0 and out == [], (line, out)
    proc = subprocess.run([sys.executable, "-W", "error", "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == shown.splitlines()


def test_the_shown_figures_are_the_reports():
    """1110 亿元 grown 5.5% (预计，全年地区生产总值 1110 亿元 … 地区生产总值增长5.5%), and the
    other two indicators whose 2024 figure and 2025 growth target the report both gives."""
    shown = blocks("text")[0]
    assert "gdp                 5.8 →  5.5 %   2025: 1171.05 亿元" in shown  # 1110 × 1.055
    assert "retail_sales        5.3 →  5.3 %   2025: 624.43 亿元" in shown  # 593 × 1.053
    assert "disposable_income   3.8 →  4.0 %   2025: 57366.4 元" in shown  # 55160 × 1.04
    # 122 actual figures of 2024, one of them a growth alone (录取人数增幅 11.5%), and 26 targets
    # of 2025 of which 6 are growth rates and 3 tasks (neither has a value).
    assert "2024 actual 122 121 5" in shown
    assert "2025 target 26 17 6" in shown
