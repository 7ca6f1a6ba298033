"""What lets a call of csplan start fast, on top of Typer: build one command, convert values quickly.

Typer builds every command of the app (reading each function's signature) before it runs one,
and converts every parameter through a pydantic model built on first use; loading pydantic and
building those models costs three times as long as starting Python and Typer together.

- `lean` gives Typer an app holding only the command the arguments name, when they name one
  first (`csplan value gdp 2024`, or the completion of `csplan show g`); anything else (root
  options first, help, completing a command's name, a misspelt command) runs the whole app.
- `finish` ends the process once output is flushed, skipping the interpreter's teardown.
- `quicken` gives each parameter of a plain type a converter that handles the ordinary values
  itself ("json", "2024", "gdp", a path) and hands anything else — a value out of range, a
  misspelt choice, an odd number — to Typer's own converter, so that what is accepted and every
  error message stay Typer's. A Typer without this hook (`_runtime_param`) is left alone.
"""

import os
from enum import Enum
from pathlib import Path


def lean(app, argv: list[str]):
    """`app`, or a copy of it with only the command (or group) that `argv` starts with."""
    if any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        argv = _completed_words()
    if not argv or argv[0].startswith("-"):
        return app
    from typer.main import get_command_name

    commands = [c for c in app.registered_commands
                if (c.name or get_command_name(c.callback.__name__)) == argv[0]]
    groups = [g for g in app.registered_groups
              if (g.name or g.typer_instance.info.name) == argv[0]]
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

    if code is None:
        code = 0
    elif not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
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


def quicken(params) -> None:
    """Give the parameters of a command quick converters, where their type allows."""
    for param in params:
        if getattr(param, "_runtime_param", False) is not None or not hasattr(param, "type_descriptor"):
            continue
        desc = param.type_descriptor
        info = desc.parameter_info
        if (param.nargs != 1 or param.multiple or desc.file_annotation is not None
                or getattr(info, "parser", None) is not None or getattr(info, "clamp", False)):
            continue
        convert = _converter(desc.annotation, info)
        if convert is not None:
            param._runtime_param = _Quick(convert)


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
        if not getattr(info, "case_sensitive", True):
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
    return (not info.exists and info.file_okay and info.dir_okay and not info.writable and not info.resolve_path
            and not info.allow_dash and info.path_type is None)


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


class _Quick:
    """Stands in for Typer's converter of one parameter (the same `coerce` call)."""

    __slots__ = ("convert",)

    def __init__(self, convert):
        self.convert = convert

    def coerce(self, value, param, ctx):
        if value is None:
            return None
        out = self.convert(value, ctx)
        if out is None:
            from typer._coercion import build_runtime_param

            return build_runtime_param(param.type_descriptor).coerce(value, param=param, ctx=ctx)
        return out
