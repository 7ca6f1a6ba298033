"""What lets a call of csplan start fast, on top of Typer: build one command, convert values quickly.

Typer builds every command of the app (reading each function's signature) before it runs one,
and (from Typer 0.29) converts every parameter through a pydantic model built on first use;
loading pydantic and building those models costs three times as long as starting Python and
Typer together.

- `lean` gives Typer an app holding only the command the arguments name, when they name one
  first (`csplan value gdp 2024`, or the completion of `csplan show g`), with only that
  command's module imported; anything else (root options first, help, completing a command's
  name, a misspelt command) runs the whole app.
  It uses only Typer's public app attributes; if they are not as expected it runs the whole app.
- `quicken` gives each parameter of a plain type a converter that handles the ordinary values
  itself ("json", "2024", "gdp", a path) and hands anything else — a value out of range, a
  misspelt choice, an odd number — to Typer's own converter, so that what is accepted and every
  error message stay Typer's; a parameter with a parser of csplan's own (usage.parser: years,
  seconds, file names) gets that parser, called as Typer would call it. This reaches inside
  Typer (the private `_runtime_param` of a parameter, `typer._coercion.build_runtime_param`),
  so it engages only when `_typer_hook` finds
  those internals exactly as they were verified (Typer 0.29.0–0.29.2; see QUICKEN_TYPER), and
  otherwise steps aside: Typer then converts every value itself, only more slowly. Typer 0.26–0.28
  convert through Click's types, without pydantic, and need no help. tests/test_fast.py fails
  when a Typer from QUICKEN_TYPER on no longer lets `quicken` engage, so that an upgrade that
  changes the internals is noticed rather than silently slowing csplan down.
- `finish` ends the process once output is flushed, skipping the interpreter's teardown.

CSPLAN_NO_SPEEDUP=1 turns `lean` and `quicken` off: every call then builds the whole app and
converts every value through Typer, as plain Typer would; CI runs the test suite both ways, and
tests/test_fast.py checks that both give the same output, byte for byte. `finish` stays on: it
relies on no internal of Typer or Click, only on output being flushed and every file csplan
writes being closed when a command returns (test_imports reads back what a call loaded through it).
"""

import os
from enum import Enum
from pathlib import Path

#: The first Typer whose internals `quicken` was written against (verified on 0.29.0, 0.29.1 and
#: 0.29.2); on this Typer and every later one, tests/test_fast.py requires `quicken` to engage.
QUICKEN_TYPER = (0, 29)


def enabled() -> bool:
    """False when CSPLAN_NO_SPEEDUP asks for plain Typer (any value but empty or 0)."""
    return os.environ.get("CSPLAN_NO_SPEEDUP", "") in ("", "0")


def lean(commands, argv: list[str]):
    """The app to run for `argv`: `commands(name)` gives the app with the command `name` registered
    (and `commands(None)` the whole app); when `argv` starts with a command, a copy of the app with
    only that command (or group)."""
    if not enabled():
        return commands(None)
    if any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        argv = _completed_words()
    name = argv[0] if argv and not argv[0].startswith("-") else None
    app = commands(name)
    if name is None:
        return app
    try:
        return _slim(app, name)
    except (AttributeError, ImportError):  # a Typer unlike the one this was written for: no slimming
        return app


def _slim(app, name: str):
    from typer.main import get_command_name

    commands = [c for c in app.registered_commands
                if (c.name or get_command_name(c.callback.__name__)) == name]
    groups = [g for g in app.registered_groups
              if (g.name or g.typer_instance.info.name) == name]
    if len(commands) + len(groups) != 1:
        return app
    import copy

    slim = copy.copy(app)
    slim.registered_commands, slim.registered_groups = commands, groups
    return slim


def finish(code) -> None:
    """Exit with `code` (as SystemExit would) once stdout and stderr are flushed, without the
    interpreter's teardown: freeing every module and object takes as long as a query.

    Only for the end of a command: every file csplan writes is closed by then.
    """
    import sys

    from .. import _done

    if code is None:
        code = 0
    elif not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
    _done(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # the reader left: what it did not read is not wanted
            pass
        except (OSError, ValueError):
            code = code or 1
    os._exit(code)


def _completed_words() -> list[str]:
    """During shell completion: the words after the program's name, when the command's name is
    complete and a later word is being completed (else nothing: every command is needed)."""
    if "COMP_WORDS" in os.environ:  # bash
        words = os.environ["COMP_WORDS"].split()
        try:
            current = int(os.environ.get("COMP_CWORD", ""))
        except ValueError:
            return []
        return words[1:] if current >= 2 and len(words) >= 2 else []
    line = os.environ.get("_TYPER_COMPLETE_ARGS", "")  # zsh, fish, PowerShell
    words = line.split()
    return words[1:] if len(words) >= 3 or (len(words) == 2 and line[-1:].isspace()) else []


def quicken(params) -> int:
    """Give the parameters of a command quick converters, where their type allows; how many got one
    (none with CSPLAN_NO_SPEEDUP, or on a Typer whose internals are not the ones expected)."""
    if not enabled():
        return 0
    build = _typer_hook()
    if build is None:
        return 0
    done = 0
    for param in params:
        if getattr(param, "_runtime_param", False) is not None or not hasattr(param, "type_descriptor"):
            continue
        desc = param.type_descriptor
        info = desc.parameter_info
        parse = getattr(info, "parser", None)
        if (param.nargs != 1 or param.multiple) and parse is None and desc.file_annotation is None \
                and _list_of_text(desc.annotation):
            param._runtime_param = _QuickTexts(build)
            done += 1
            continue
        if (param.nargs != 1 or param.multiple or desc.file_annotation is not None or getattr(info, "clamp", False)
                or (parse is not None and not getattr(parse, "parses_alone", False))):
            continue
        convert = _alone(parse) if parse is not None else _converter(desc.annotation, info)
        if convert is not None:
            param._runtime_param = _Quick(convert, build)
            done += 1
    return done


_UNKNOWN = object()
_hook = _UNKNOWN


def _typer_hook():
    """Typer's `build_runtime_param`, when every internal `quicken` relies on is as verified; else None.

    What `quicken` relies on (Typer 0.29): a parameter is a `typer.core._TyperParameter` with a
    `type_descriptor` (a dataclass of annotation, parameter_info and file_annotation) and a
    `_runtime_param`, None until first use; `process_value` converts a value through
    `get_runtime_param().coerce(value, param=…, ctx=…)`, and `get_runtime_param` builds the
    converter with `build_runtime_param(descriptor)` only while `_runtime_param` is None.
    """
    global _hook
    if _hook is _UNKNOWN:
        try:
            _hook = _find_hook()
        except Exception:  # anything unexpected in Typer's internals: step aside
            _hook = None
    return _hook


def _find_hook():
    import inspect
    import sys

    import typer.core

    coercion = sys.modules.get("typer._coercion")  # loaded by typer.core where it exists
    base = getattr(typer.core, "_TyperParameter", None)
    build = getattr(coercion, "build_runtime_param", None)
    coerce = getattr(getattr(coercion, "RuntimeParam", None), "coerce", None)
    descriptor = getattr(coercion, "TypeDescriptor", None)
    get = getattr(base, "get_runtime_param", None)
    process = getattr(base, "process_value", None)
    if not (isinstance(base, type) and inspect.isfunction(build) and inspect.isfunction(coerce)
            and inspect.isfunction(get) and inspect.isfunction(process)):
        return None
    if not {"_runtime_param", "type_descriptor"} <= set(getattr(base, "__annotations__", {})):
        return None
    if set(getattr(descriptor, "__dataclass_fields__", ())) != {"annotation", "parameter_info", "file_annotation"}:
        return None
    if (list(inspect.signature(build).parameters) != ["descriptor"]
            or list(inspect.signature(coerce).parameters) != ["self", "value", "param", "ctx"]):
        return None
    if not ({"_runtime_param", "build_runtime_param"} <= set(get.__code__.co_names)
            and {"get_runtime_param", "coerce"} <= set(process.__code__.co_names)):
        return None
    for cls in (typer.core.TyperArgument, typer.core.TyperOption):
        if not (issubclass(cls, base) and getattr(cls, "get_runtime_param", None) is get
                and getattr(cls, "process_value", None) is process):
            return None
    return build


def _alone(parse):
    """A parser of csplan's own (usage.parser), called as Typer calls it: it takes every value or
    raises Typer's BadParameter itself, so that nothing is left for Typer's converter."""
    return lambda v, ctx: parse(v)


def _converter(annotation, info):
    if annotation is str:
        return lambda v, ctx: v if isinstance(v, str) else None
    if annotation is int:
        return _number(int, info)
    if annotation is float:
        return _number(float, info)
    if annotation is bool:
        return lambda v, ctx: v if isinstance(v, bool) else None
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        if getattr(info, "case_sensitive", None) is not True:
            return None
        by_value = {str(m.value): m for m in annotation}
        return lambda v, ctx: (v if isinstance(v, annotation) else
                               by_value.get(v) if isinstance(v, str) and ctx.token_normalize_func is None else None)
    if annotation is Path and _plain_path(info):
        return _path
    return None


def _number(kind, info):
    low, high = getattr(info, "min", None), getattr(info, "max", None)

    def convert(v, ctx):
        whole, dot, fraction = v.partition(".") if isinstance(v, str) else ("", "", "")
        if whole.isascii() and whole.isdigit() and (not dot or (kind is float and fraction.isascii()
                                                                and fraction.isdigit())):
            n = kind(v)
        elif type(v) is kind:
            n = v
        else:
            return None
        if (low is not None and n < low) or (high is not None and n > high):
            return None
        return n

    return convert


def _plain_path(info) -> bool:
    """A Path with none of Typer's checks or changes (an attribute missing: not plain)."""
    plain = (("exists", False), ("file_okay", True), ("dir_okay", True), ("writable", False),
             ("resolve_path", False), ("allow_dash", False), ("path_type", None))
    return all(getattr(info, k, _UNKNOWN) == v for k, v in plain)


def _path(v, ctx):
    if isinstance(v, Path):
        return v
    if not isinstance(v, str) or not v:
        return None
    try:
        os.stat(v)
    except OSError:
        return Path(v)
    return Path(v) if os.access(v, os.R_OK) else None


def _list_of_text(annotation) -> bool:
    """Whether a parameter of many values is declared `list[str]` (`extract PATH…`)."""
    from typing import get_args, get_origin

    return get_origin(annotation) is list and get_args(annotation) == (str,)


class _QuickTexts:
    """`_Quick` for a parameter of many words (`list[str]`): the words Click gathered, as the list
    Typer makes of them; anything else goes to Typer's own converter."""

    __slots__ = ("build", "slow")

    def __init__(self, build):
        self.build, self.slow = build, None

    def coerce(self, value, param, ctx):
        if isinstance(value, (list, tuple)) and all(type(v) is str for v in value):
            return list(value)
        if self.slow is None:
            self.slow = self.build(param.type_descriptor)
        return self.slow.coerce(value, param=param, ctx=ctx)


class _Quick:
    """Stands in for Typer's converter of one parameter (the same `coerce` call); what it does not
    take goes to the converter Typer would have built."""

    __slots__ = ("convert", "build", "slow")

    def __init__(self, convert, build):
        self.convert, self.build, self.slow = convert, build, None

    def coerce(self, value, param, ctx):
        if value is None:
            return None
        out = self.convert(value, ctx)
        if out is None:
            if self.slow is None:
                self.slow = self.build(param.type_descriptor)
            return self.slow.coerce(value, param=param, ctx=ctx)
        return out
