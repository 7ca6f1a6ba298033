"""csplan: query the figures and targets of China's local development-plan reports.

The library needs neither Typer nor Rich; names are loaded on first use, so that `import csplan`
stays cheap for the command line too. See `csplan.api` and the README's "Python API". (No public
name is the name of a module of the package: importing that module would shadow it.)
"""

from __future__ import annotations

import os as _os
import sys as _sys

# The C module: `signal` would first import enum, which takes longer than all start-up before it.
try:
    import _signal as _sig  # type: ignore[import-not-found]
except ImportError:  # another Python than CPython
    import signal as _sig


def _interrupted(signum, frame) -> None:
    """Ctrl-C, at any moment: one line and exit 130, never a traceback. Leaving at once is safe:
    a store is only ever replaced whole, and its lock goes with the process."""
    try:
        _os.write(2, b"csplan: interrupted\n")
    except OSError:
        pass
    _os._exit(130)


def _on_interrupt() -> None:
    """Ctrl-C ends the command as `_interrupted` says, unless it was started with Ctrl-C ignored."""
    if _sig.getsignal(_sig.SIGINT) is not _sig.SIG_IGN:
        _sig.signal(_sig.SIGINT, _interrupted)


def _done(code: int) -> None:
    """The command has done its work and said so: a Ctrl-C from now on ends it with its own exit
    status, silently (an "interrupted" after "recorded …" would say the write did not happen)."""
    if _sig.getsignal(_sig.SIGINT) is _interrupted:
        _sig.signal(_sig.SIGINT, lambda signum, frame: _os._exit(code))


# The command takes Ctrl-C from here, its first line, before the imports that take most of its
# start-up: the console script, or `python -m csplan` (Python names the program "-m" while it
# imports the package of the module it runs). A program that imports csplan keeps its own.
if _sys.argv and (_sys.argv[0] == "-m" or _os.path.basename(_sys.argv[0]).lower() in ("csplan", "csplan.exe")):
    _on_interrupt()

from typing import TYPE_CHECKING  # noqa: E402

__version__ = "0.1.0"

# name → module that defines it
_EXPORTS = {
    "load": "api", "update": "api", "check_targets": "api", "growth": "api", "extract_report": "api",
    "which_store": "api", "to_records": "api", "read_document": "api", "compare_regions": "api",
    "user_store": "locate", "bundled_store": "locate", "Location": "locate",
    "find_indicator": "query", "select": "query",
    "add_figure": "edit", "new_figure": "edit", "add_indicator": "edit", "add_region": "edit",
    "add_source": "edit", "import_records": "edit",
    "Store": "model", "Source": "model", "Region": "model", "Indicator": "model", "Figure": "model",
    "CsplanError": "model", "NotFound": "model", "StoreError": "store", "UsageError": "edit",
    "Check": "targets", "GrowthRow": "targets", "Extraction": "extract",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'csplan' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from .api import (check_targets, compare_regions, extract_report, growth, load, read_document, to_records, update,
                      which_store)
    from .edit import UsageError, add_figure, add_indicator, add_region, add_source, import_records, new_figure
    from .extract import Extraction
    from .locate import Location, bundled_store, user_store
    from .model import CsplanError, Figure, Indicator, NotFound, Region, Source, Store
    from .query import find_indicator, select
    from .store import StoreError
    from .targets import Check, GrowthRow
