"""The README's console examples as steps a test can run, the way a reader runs them.

A ```console block holds `$ command` lines, each followed by the lines it prints. A command ending
in `\\` goes on on the next line; a here-document (`<<'EOF'` … `EOF`) is part of its command. In
the printed lines, `…` stands for text that differs from machine to machine (a path) and, alone on
a line, for lines left out. A command whose last line shown is csplan's error line (`csplan: …`)
is expected to fail; every other command to succeed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"

_HEREDOC = re.compile(r"<<-?\s*(['\"]?)(\w+)\1")
_CSPLAN = re.compile(r"(?<![\w.$-])csplan(?![\w.-])")


@dataclass
class Step:
    """One `$ …` line of a console block (with its continuation and here-document lines)."""

    command: str
    shown: list[str] = field(default_factory=list)

    @property
    def runs_csplan(self) -> bool:
        return bool(_CSPLAN.search(self.command))


def sections(text: str | None = None) -> list[tuple[str, list[Step]]]:
    """Every section of the README (the text before the first `## ` heading, then each `## `
    section with its `###` subsections), in order, with the steps of its console blocks."""
    text = README.read_text(encoding="utf-8") if text is None else text
    found: list[tuple[str, list[Step]]] = [("(before the first section)", [])]
    fence: str | None = None      # the info string of the open fence, "" for a plain one
    indent = 0
    heredoc: str | None = None    # the word that ends the here-document being read
    for raw in text.splitlines():
        line = raw.strip()
        steps = found[-1][1]
        if heredoc is not None:
            body = raw[indent:] if raw[:indent].strip() == "" else line
            steps[-1].command += "\n" + body
            if line == heredoc:
                heredoc = None
        elif fence is None:
            if line.startswith("```"):
                fence, indent = line[3:].strip(), len(raw) - len(raw.lstrip())
            elif raw.startswith("## "):
                found.append((raw.strip(), []))
        elif line.startswith("```"):
            fence = None
        elif fence != "console":
            continue
        elif line.startswith("$ "):
            steps.append(Step(line[2:]))
            heredoc = _heredoc_word(steps[-1].command)
        elif steps and steps[-1].command.endswith("\\") and not steps[-1].shown:
            steps[-1].command = steps[-1].command[:-1] + line
            heredoc = _heredoc_word(steps[-1].command)
        elif steps:
            steps[-1].shown.append(line)
    return found


def _heredoc_word(command: str) -> str | None:
    if command.endswith("\\"):
        return None
    match = _HEREDOC.search(command)
    return match.group(2) if match else None


def csplan_lines(text: str | None = None) -> int:
    """How many `$ …` lines of the README's console blocks run csplan, counted on the raw text
    (not through `sections`), so that a block the parser misses is noticed."""
    text = README.read_text(encoding="utf-8") if text is None else text
    count = 0
    fence = None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("```"):
            fence = line[3:].strip() if fence is None else None
        elif fence == "console" and line.startswith("$ ") and _CSPLAN.search(line):
            count += 1
    return count


def run(cmd: str, cwd: Path, env: dict) -> tuple[int, list[str]]:
    """Run a README command line with `csplan` meaning this interpreter's csplan; its exit code and
    its stdout and stderr lines, stripped."""
    prelude = f'csplan() {{ "{sys.executable}" -m csplan "$@"; }}\n'
    proc = subprocess.run(["bash", "-c", prelude + cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)
    return proc.returncode, [line.strip() for line in (proc.stdout + proc.stderr).splitlines()]


class Reader:
    """A reader's shell: one folder, and the variables `export` sets and `unset` clears carry
    from line to line, as they do when the lines are typed one after the other."""

    def __init__(self, cwd: Path, env: dict):
        self.cwd = cwd
        self.env = dict(env)

    def run(self, cmd: str) -> tuple[int, list[str]]:
        if match := re.fullmatch(r"export (\w+)=(\S*)", cmd):
            self.env[match.group(1)] = match.group(2)
            return 0, []
        if match := re.fullmatch(r"unset (\w+)", cmd):
            self.env.pop(match.group(1), None)
            return 0, []
        return run(cmd, self.cwd, self.env)


def shows_an_error(shown: list[str]) -> bool:
    """Whether the README shows the command failing: its last line is csplan's error line."""
    return bool(shown) and shown[-1].startswith("csplan:")


def matches(shown: list[str], got: list[str]) -> bool:
    """Whether the lines printed are the lines shown, in any order (stdout and stderr are read
    apart). In a shown line `…` stands for any text; a line that is only `…` for any lines."""
    rest = list(got)
    patterns = []
    any_more = False
    for line in shown:
        if line == "…":
            any_more = True
        elif "…" in line:
            patterns.append(re.compile(".*".join(re.escape(part) for part in line.split("…"))))
        elif line in rest:
            rest.remove(line)
        else:
            return False
    for pattern in patterns:
        hit = next((line for line in rest if pattern.fullmatch(line)), None)
        if hit is None:
            return False
        rest.remove(hit)
    return any_more or not rest
