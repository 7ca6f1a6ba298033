"""How csplan explains itself: its help pages, and the values and errors of a call.

Typer draws help differently from one version to the next (`QUERY <str>` and `{QUERY}` from
0.29, `[table|json]` before it) and words its own errors (through pydantic from 0.29). csplan
draws every page itself from what each parameter declares (its flags, metavar, help, default),
wraps text by terminal cells (a Chinese character takes two), and reads numbers with its own
parsers, so that help and errors read the same on every supported Typer, with or without the
speed-up of fast.py.
"""

import math
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from ..render import cells, fold as wrap


def paragraphs(text: str) -> list[tuple[bool, int, list[str]]]:
    r"""Click's paragraphs: (kept as typed, indent, lines); a paragraph after a line of \b is kept."""
    out: list[tuple[bool, int, list[str]]] = []
    for block in text.expandtabs().split("\n\n"):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        keep = lines[0].strip() == "\b"
        if keep:
            lines = lines[1:]
        indent = len(lines[0]) - len(lines[0].lstrip()) if lines else 0
        out.append((keep, indent, lines))
    return out


_ClickFormatter: Any = typer.Context.formatter_class


class Formatter(_ClickFormatter):
    """Click's help formatter, wrapping by terminal cells rather than by characters."""

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        blocks = []
        for keep, extra, lines in paragraphs(text):
            if keep:
                blocks.append("\n".join(indent + line for line in lines))
                continue
            pad = indent + " " * extra
            words = " ".join(line.strip() for line in lines)
            blocks.append("\n".join(pad + line for line in wrap(words, self.width - len(pad))))
        self.write("\n\n".join(blocks) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first = min(max((cells(term) for term, _ in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        for term, text in rows:
            self.write(indent + term)
            if not text:
                self.write("\n")
                continue
            if cells(term) <= first - col_spacing:
                self.write(" " * (first - cells(term)))
            else:
                self.write("\n" + indent + " " * first)
            lines = wrap(text, max(self.width - self.current_indent - first, 10))
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(indent + " " * first + line + "\n")


class Context(typer.Context):
    formatter_class = Formatter


def summary(help_text: str | None) -> str:
    """A command's summary in a list of commands: the first paragraph of its help, whole."""
    import inspect

    first = inspect.cleandoc(help_text or "").partition("\n\n")[0]
    return " ".join(first.split())


def _is_argument(param) -> bool:
    return param.param_type_name == "argument"


def metavar(param) -> str:
    """The placeholder of a parameter's value: its declared metavar, else its name in capitals."""
    return param.metavar or (param.name or "").upper()


def argument_usage(param) -> str:
    """QUERY, [QUERY]... : as the usage line and the list of arguments show an argument."""
    name = metavar(param)
    if not param.required:
        name = f"[{name}]"
    return name + ("..." if param.nargs != 1 else "")


def option_term(param) -> str:
    """`-f, --format FORMAT`, `--done / --not-done`, `--check`: an option as its help lists it."""

    def spelled(opts) -> str:
        text = ", ".join(sorted(opts, key=lambda o: (len(o) - len(o.lstrip("-")), len(o))))
        return text if param.is_flag or getattr(param, "count", False) else f"{text} {metavar(param)}"

    return " / ".join(spelled(opts) for opts in (param.opts, param.secondary_opts) if opts)


def default_text(param) -> str | None:
    """The default a help line states, or None: a flag's default and a missing one go unsaid."""
    if isinstance(param.show_default, str):
        return param.show_default
    value = param.default
    if not param.show_default or value is None or callable(value) or isinstance(value, bool):
        return None
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value)) or None
    return str(value)


def help_line(param) -> str:
    """A parameter's help, then its default and whether it is required: `Only this year. [required]`."""
    extra = [f"default: {d}" for d in [default_text(param)] if d] + (["required"] if param.required else [])
    return " ".join(x for x in (param.help, f"[{'; '.join(extra)}]" if extra else "") if x)


class Help:
    """Help pages drawn from what each parameter declares, the same on every Typer: arguments and
    options by their metavars, summaries whole, text wrapped by cells."""

    context_class: Any = Context

    def collect_usage_pieces(self, ctx):
        pieces = [self.options_metavar] if self.options_metavar else []  # type: ignore[attr-defined]
        pieces += [argument_usage(p) for p in self.get_params(ctx) if _is_argument(p)]  # type: ignore[attr-defined]
        sub = getattr(self, "subcommand_metavar", None)
        return pieces + ([sub] if sub else [])

    def format_help_text(self, ctx, formatter) -> None:
        import inspect

        text = inspect.cleandoc(self.help or "").partition("\f")[0]  # type: ignore[attr-defined]
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def format_options(self, ctx, formatter) -> None:
        params = [p for p in self.get_params(ctx) if not p.hidden]  # type: ignore[attr-defined]
        args = [(argument_usage(p), help_line(p)) for p in params if _is_argument(p)]
        opts = [(option_term(p), help_line(p)) for p in params if not _is_argument(p)]
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
        if hasattr(self, "format_commands"):
            self.format_commands(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        return summary(self.short_help or self.help)  # type: ignore[attr-defined]


class HelpCommand(Help, TyperCommand):
    pass


class HelpGroup(Help, TyperGroup):
    pass


class HelpTyper(typer.Typer):
    """A Typer app whose commands draw their help as `Help` does."""

    def command(self, name=None, *, cls=None, **kwargs):
        return super().command(name, cls=cls or HelpCommand, **kwargs)


def one_of(choices) -> str:
    """The values of an Enum (or any strings) for a help text: `table, json, csv or tsv`."""
    words = [str(c.value if isinstance(c, Enum) else c) for c in choices]
    return ", ".join(words[:-1]) + f" or {words[-1]}" if len(words) > 1 else "".join(words)


# --- values of parameters ---------------------------------------------------------------------


def parser(rule):
    """A Typer `parser` from `rule(text) -> value`, which raises ValueError with the reason.

    A value that is already converted (a default) passes. The parser raises Typer's BadParameter,
    which Typer shows as `Invalid value for '--year' / '-y': <reason>` whatever its version; fast.py
    calls it directly (`parses_alone`)."""

    def parse(value):
        if not isinstance(value, str):
            return value
        try:
            return rule(value)
        except ValueError as e:
            raise typer.BadParameter(str(e)) from None

    parse.parses_alone = True  # type: ignore[attr-defined]
    parse.__name__ = rule.__name__
    return parse


def _year(text: str) -> int:
    """A year as edit.parse_year reads one; a plain year in range is taken without loading edit."""
    from ..model import YEAR_MAX, YEAR_MIN, CsplanError

    if text.isascii() and text.isdigit() and YEAR_MIN <= int(text) <= YEAR_MAX:
        return int(text)
    from ..edit import parse_year

    try:
        return parse_year(text)
    except CsplanError as e:
        raise ValueError(str(e)) from None


def _decimal(text: str) -> float | None:
    """A number written with ASCII digits (1, 0.5, 1e3) or inf; None for anything else."""
    t = text.strip()
    if not t.isascii() or "_" in t:
        return None
    try:
        return float(t)
    except ValueError:
        return None


def seconds(text: str) -> float:
    """A time to wait: 0 or more seconds, inf for as long as it takes."""
    n = _decimal(text)
    if n is None or not n >= 0:
        raise ValueError(f"{text!r} is not a number of seconds (0 or more, or inf)")
    return n


def _amount(text: str) -> float:
    n = _decimal(text)
    if n is None or not 0 <= n < math.inf:
        raise ValueError(f"{text!r} is not a finite number of 0 or more, such as 0.5")
    return n


def _path(text: str) -> Path:
    if not text.strip():
        raise ValueError("the file name is empty")
    return Path(text)


def _new_file(text: str) -> Path:
    path = _path(text)
    if path.is_dir():
        raise ValueError(f"{text!r} is a folder; give the name of the file to write")
    return path


year = parser(_year)
wait = parser(seconds)
amount = parser(_amount)
path = parser(_path)
new_file = parser(_new_file)


# --- usage errors -------------------------------------------------------------------------------


def usage_message(error) -> str:
    """One line for a usage error of Typer: its message, with a did-you-mean of our own wording
    for an unknown option and without pydantic's phrasing."""
    option = getattr(error, "option_name", None)
    if option is not None and hasattr(error, "possibilities"):
        import difflib

        score = {p: difflib.SequenceMatcher(None, option, p).ratio() for p in error.possibilities or ()}
        best = max(score.values(), default=0.0)
        close = sorted((p for p, r in score.items() if r >= best - 0.05), key=lambda p: -score[p])
        hint = f". Did you mean {' or '.join(close)}?" if close else ""
        return f"No such option: {option}{hint}"
    return error.format_message().rstrip(".").replace(": Value error, ", ": ")
