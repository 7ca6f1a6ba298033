"""The layout a newcomer relies on: the library never imports the command line, and no module
imports another that imports it back (counting imports inside functions too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "csplan"


def module_name(path: Path) -> str:
    parts = ["csplan", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The csplan modules `path` imports, anywhere in it (TYPE_CHECKING blocks aside)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
               and ast.unparse(node.test) == "TYPE_CHECKING" for n in ast.walk(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("csplan")}
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module or ""
            if not target.startswith("csplan"):
                continue
            for alias in node.names:  # `from . import read` imports the module csplan.cli.read
                sub = f"{target}.{alias.name}"
                found.add(sub if (PACKAGE.parent / (sub.replace(".", "/") + ".py")).exists()
                          or (PACKAGE.parent / sub.replace(".", "/")).is_dir() else target)
    found.discard(name)
    return found


GRAPH = {module_name(p): imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_the_graph_was_read():
    assert {"csplan.cli.common", "csplan.cli.read", "csplan.store", "csplan.extract.records"} <= set(GRAPH)
    assert "csplan.cli.common" in GRAPH["csplan.cli.read"]


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if not m.startswith("csplan.cli")
                                          and m not in ("csplan.__main__",)))
def test_no_library_module_imports_the_cli(module):
    assert not {m for m in GRAPH[module] if m.startswith("csplan.cli")}, GRAPH[module]


def test_the_import_graph_has_no_cycle():
    """Importing a submodule imports its package first; that edge is not a cycle of ours, so
    package-to-own-submodule edges are left out."""
    def edges(m: str) -> set[str]:
        return {t for t in GRAPH[m] if t in GRAPH and not m.startswith(t + ".") and t != "csplan"}

    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for t in sorted(edges(m)):
            if state.get(t) == 1:
                raise AssertionError("import cycle: " + " → ".join(path[path.index(t):] + [t]))
            if t not in state:
                visit(t)
        path.pop()
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state:
            visit(m)


def test_the_cli_is_a_package_by_theme():
    assert {p.name for p in (PACKAGE / "cli").glob("*.py")} >= {
        "__init__.py", "common.py", "read.py", "write.py", "targets.py", "extract.py"}


EXTRACT_LIMIT = 80  # lines; the extractor's steps are read one function at a time


def test_no_extract_function_is_longer_than_the_limit():
    """The extractor is where readers come to change a rule, so none of its functions may grow
    past a screenful and a half."""
    long = []
    for path in sorted((PACKAGE / "extract").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = node.end_lineno - node.lineno + 1
                if size > EXTRACT_LIMIT:
                    long.append(f"{path.name}:{node.lineno} {node.name} ({size} lines)")
    assert not long, long
