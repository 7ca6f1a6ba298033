"""The command line: parses arguments, calls the library, picks a renderer.

- `common`: the Typer app, its error handling, and the options and helpers every command shares;
- `read`, `write`, `targets`, `compare`, `extract`: the commands, by theme; each registers itself
  on the app when it is imported;
- `fast`: what keeps start-up quick on top of Typer.

`csplan.cli.app` is the whole app, every command module imported. A run of the command imports
only the module of the command it names (`COMMAND_MODULES`), and library modules are imported
inside the commands, so that a command loads only what it uses (`csplan value gdp 2024` never
imports Rich, nor the code of `extract`). The cli modules do not use `from __future__ import
annotations`: Typer would evaluate every annotation string of every command on every call.
"""

import os
import sys
from importlib import import_module
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import Format, FormatOpt, _silence_stdout, _version, app as _app
from .usage import path as path_value, wait as wait_value

__all__ = ["COMMAND_MODULES", "app", "commands", "run"]

#: The module that registers each command and command group of the app.
COMMAND_MODULES = {
    "show": "read", "list": "read", "search": "read", "value": "read", "sources": "read", "store": "read",
    "targets": "targets", "growth": "targets", "compare": "compare", "extract": "extract",
    "init": "write", "record": "write", "target": "write", "import": "write", "validate": "write", "fmt": "write",
    "indicator": "write", "region": "write", "source": "write",
}

#: gc.set_threshold for a run of the command (Python's defaults are 700, 10, 10).
GC_THRESHOLDS = (50_000, 50, 50)


@_app.callback(invoke_without_command=True)
def main(
    ctx: typer.Context,
    store: Annotated[
        Optional[Path],
        typer.Option("--store", "-s", show_default=False, metavar="FILE", parser=path_value,
                     help="Store file to use. [env: CSPLAN_STORE; default: your store "
                          "(~/.local/share/csplan/indicators.toml) if you have one, else the bundled store]"),
    ] = None,
    wait: Annotated[
        Optional[float],
        typer.Option("--wait", metavar="SECONDS", parser=wait_value, show_default=False,
                     help="How long a write waits for another writer of the store before it gives up "
                          "(exit 3, the store unchanged). [env: CSPLAN_WAIT; default: 300]"),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    fmt: FormatOpt = Format.table,
    wide: Annotated[bool, typer.Option("--wide", help="The overview's tables at full width.")] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        from .read import overview

        overview(ctx, fmt, wide=wide)


def commands(name: str | None = None):
    """The app, with the command (or group) `name` registered, or every command when `name` is
    None or names none."""
    for module in sorted({COMMAND_MODULES[name]} if name in COMMAND_MODULES else set(COMMAND_MODULES.values())):
        import_module(f"{__name__}.{module}")
    return _app


def __getattr__(name: str):
    if name == "app":
        return commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run() -> None:
    """Console-script entry point: the only place csplan leaves through `os._exit` (with Ctrl-C's
    handler, `csplan._on_interrupt`, which every run of the command has, however it was started)."""
    import gc

    from .. import _on_interrupt
    from .fast import finish, lean

    _on_interrupt()
    # A command builds up to millions of objects (a store's figures, an import's rows) and makes
    # few reference cycles: with the default thresholds the collector walks that growing heap over
    # and over, a fifth of an import's time. It still runs, only less often.
    gc.set_threshold(*GC_THRESHOLDS)

    # Started with stdout or stderr closed (`csplan … >&-`): Python leaves the stream None. What
    # no one can read is dropped, as when the reader of a pipe leaves; a write still happens.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")
    try:
        lean(commands, sys.argv[1:])()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    except SystemExit as e:
        finish(e.code)

