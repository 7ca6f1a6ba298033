"""The README's console examples as steps a test can run: `$ command` lines with the lines they print."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def steps(heading: str) -> list[tuple[str, list[str]]]:
    """The `$ …` lines of the ```console blocks in the README section `heading`, each with the
    lines shown after it (stripped)."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index(heading):]
    section = section[:section.index("\n## ", 1)]
    found: list[tuple[str, list[str]]] = []
    inside = False
    for raw in section.splitlines():
        line = raw.strip()
        if line.startswith("```"):
            inside = line == "```console"
        elif inside and line.startswith("$ "):
            found.append((line[2:], []))
        elif inside and found and found[-1][0].endswith("\\") and not found[-1][1]:
            found[-1] = (found[-1][0][:-1] + line, [])
        elif inside and found:
            found[-1][1].append(line)
    return found


def run(cmd: str, cwd: Path, env: dict) -> tuple[int, list[str]]:
    """Run a README command line with `csplan` meaning this interpreter's csplan; its exit code and
    its stdout and stderr lines, stripped."""
    prelude = f'csplan() {{ "{sys.executable}" -m csplan "$@"; }}\n'
    proc = subprocess.run(["bash", "-c", prelude + cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)
    return proc.returncode, [line.strip() for line in (proc.stdout + proc.stderr).splitlines()]
