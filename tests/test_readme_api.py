"""The README's "Python API" examples run as doctests and print what the README shows."""

from __future__ import annotations

import doctest
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def api_examples() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Python API")
    section = text[start:text.index("\n## ", start + 1)]
    return "\n".join(re.findall(r"```python\n(.*?)```", section, flags=re.S))


def test_the_python_api_examples_run_as_shown(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    examples = api_examples()
    test = doctest.DocTestParser().get_doctest(examples, {}, "README.md: Python API", str(README), 0)
    assert len(test.examples) >= 15
    out = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test, out=out.write)
    assert result.failed == 0, out.getvalue()
