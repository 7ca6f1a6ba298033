"""The extractor's regular expressions, compiled once per Python rather than once per run.

Python compiles every pattern afresh in each process, and a class of CJK characters
([\\u4e00-\\u9fff]) alone takes it a millisecond or more: the extractor's patterns cost
`csplan extract` some 80 ms at every start, a third of the command. So `rx` keeps what `re`
compiles a pattern to (its parse into the engine's code) in the cache folder (csplan.cache: the
same owner and digest checks as a store's entry), under the Python's version and the engine's
MAGIC, and builds the pattern from it with the engine's own constructor, as `re` itself does.

This reaches inside `re` (`re._parser`, `re._compiler._code`, `_sre.compile`), so it is guarded:
on any other Python, when a name is missing or a build fails, `rx` is `re.compile`; and
tests/test_compiled.py checks that every kept pattern equals the one `re.compile` makes (a
pattern compares equal only with the same engine code), so a Python that changes them fails in
CI. CSPLAN_NO_SPEEDUP=1 turns it off, as it does the command line's speed-up.
"""

from __future__ import annotations

import os
import re
import sys
from importlib import import_module

try:
    _sre = import_module("_sre")
    _compiler = import_module("re._compiler")
    _parser = import_module("re._parser")
    _PARTS: tuple | None = (_sre.compile, _sre.MAGIC, _sre.CODESIZE, _compiler._code, _parser.parse)
except (ImportError, AttributeError):  # pragma: no cover (another Python than CPython 3.11+)
    _PARTS = None

_NAME = "patterns"
_MOST = 1000  # patterns kept at most (the extractor has ~250); past it, only those this process used
_kept: dict | None = None  # (pattern, flags) → the arguments of _sre.compile after the pattern
_new: dict = {}  # what this process compiled that was not kept
_used: set = set()  # the kept patterns this process built (a changed pattern leaves its old text unused)


def enabled() -> bool:
    return (_PARTS is not None and sys.implementation.name == "cpython"
            and os.environ.get("CSPLAN_NO_SPEEDUP", "") in ("", "0"))


def _key() -> tuple:
    return (sys.implementation.cache_tag, sys.version, _sre.MAGIC, _sre.CODESIZE)


def _table() -> dict:
    global _kept
    if _kept is None:
        from ..cache import read_kept

        value = read_kept(_NAME, _key())
        _kept = value if isinstance(value, dict) else {}
    return _kept


def _parts(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile passes to _sre.compile after the pattern."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for name, n in groupindex.items():
        indexgroup[n] = name
    return (int(flags | p.state.flags), [int(op) for op in code], p.state.groups - 1, groupindex, tuple(indexgroup))


def rx(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), from the kept code when there is some."""
    if not enabled():
        return re.compile(pattern, flags)
    flags = int(flags)
    try:
        parts = _table().get((pattern, flags))
        if parts is None:
            parts = _new[pattern, flags] = _parts(pattern, flags)
        _used.add((pattern, flags))
        return _sre.compile(pattern, *parts)
    except Exception:  # noqa: BLE001 — an engine other than the one expected: compile as re does
        return re.compile(pattern, flags)


def keep_new() -> None:
    """Keep the code of the patterns compiled since the last call, with what was kept before."""
    global _kept
    if not _new or not enabled():
        return
    from ..cache import keep, read_kept

    earlier = read_kept(_NAME, _key())  # another process may have kept some meanwhile
    table = {**(earlier if isinstance(earlier, dict) else {}), **(_kept or {}), **_new}
    if len(table) > _MOST:
        table = {k: v for k, v in table.items() if k in _used}
    _new.clear()
    keep(_NAME, _key(), table)
    _kept = table
