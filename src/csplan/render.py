"""Output: machine formats (JSON, CSV, TSV, Markdown) and tables for people.

Machine formats never import Rich. Tables use Rich, with colour and box drawing only on a
terminal; text from the store is always passed as plain Text, never parsed as markup.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO

from .records import CONTROL, escape_cell

FORMATS = ("table", "json", "csv", "tsv", "markdown")


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v)


#: The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
#: Tab and CR never start a cell csplan writes (escape_cell writes them as \t and \r); they are
#: listed so that the rule stays whole.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(cell: str) -> str:
    """A text cell as a spreadsheet should show it: ' before one that would start a formula.

    Only for text: a number (-3.5) is a number to a spreadsheet, and stays as it is.
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def write_records(recs: Sequence[dict], fmt: str, keys: Sequence[str], out: IO[str] | None = None,
                  safe: bool = False) -> None:
    """Write flat records as json, csv, tsv or markdown, keys in the given order.

    `safe` (csv and tsv only) makes text cells safe to open in a spreadsheet (`spreadsheet_text`);
    without it the cells are exactly what `import` reads back.
    """
    out = out or sys.stdout
    if fmt == "json":

        # Record by record, the same text as json.dumps(list, indent=2), without holding all of it.
        out.write("[")
        for n, r in enumerate(recs):
            out.write((",\n  " if n else "\n  ") + _json_record({k: r.get(k) for k in keys}))
        out.write("\n]\n" if recs else "]\n")
    elif fmt in ("csv", "tsv"):
        import csv

        w = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n",
                       quoting=csv.QUOTE_MINIMAL)
        w.writerow(keys)
        if safe:
            for r in recs:
                w.writerow([spreadsheet_text(escape_cell(v)) if isinstance(v := r.get(k), str)
                            else escape_cell(_cell(v)) for k in keys])
        else:
            for r in recs:
                w.writerow([escape_cell(_cell(r.get(k))) for k in keys])
    elif fmt == "markdown":
        out.write(markdown_table(list(keys), [[_cell(r.get(k)) for k in keys] for r in recs]))
    else:
        raise ValueError(fmt)


def _json_record(rec: dict) -> str:
    """`rec` as json.dumps(…, ensure_ascii=False, indent=2) writes it one level into a list.

    json indents with its pure-Python encoder; a flat record is written here with json's own
    string encoder instead, several times faster. Anything but plain values goes to json.dumps.
    """
    import json
    from json.encoder import encode_basestring

    parts = []
    for k, v in rec.items():
        if isinstance(v, str):
            text = encode_basestring(v)
        elif v is None or isinstance(v, bool):
            text = {None: "null", True: "true", False: "false"}[v]
        elif isinstance(v, int):
            text = int.__repr__(v)
        elif isinstance(v, float) and v == v and v not in (float("inf"), float("-inf")):
            text = float.__repr__(v)
        else:
            return json.dumps(rec, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        parts.append(f"    {encode_basestring(k)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n  }" if parts else "{}"


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    def esc(s: str) -> str:
        return escape_cell(s).replace("|", "\\|")

    lines = ["| " + " | ".join(esc(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def safe(text: str) -> str:
    """Text from the store made harmless for a terminal: control characters shown escaped."""
    return escape_cell(text) if CONTROL.search(text) else text


def console(stderr: bool = False):
    """A Rich console: colour and boxes on a terminal, plain and unwrapped when piped."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    tty = stream.isatty()
    return Console(
        file=stream,
        highlight=False,
        soft_wrap=not tty,
        width=None if tty else 100_000,
        emoji=False,
        markup=False,
    )


def is_terminal() -> bool:
    return sys.stdout.isatty()


class Table:
    """A table described with plain strings; drawn by Rich when printed.

    Rows may carry a Rich style, used only on a terminal. On a narrow terminal only the columns
    named in `wrap` (long text such as a quote) are wrapped; by default every column may be.
    """

    def __init__(self, headers: Sequence[str], title: str | None = None, right: Sequence[str] = (),
                 wrap: Sequence[str] | None = None):
        self.headers = list(headers)
        self.title = title
        self.right = set(right)
        self.wrap = set(self.headers if wrap is None else wrap)
        self.rows: list[tuple[list[str], str | None]] = []

    def add(self, *cells, style: str | None = None) -> None:
        self.rows.append(([safe(_cell(c)) for c in cells], style))

    def rich(self, tty: bool):
        from rich import box
        from rich.table import Table as RichTable
        from rich.text import Text

        t = RichTable(
            title=Text(safe(self.title), style="bold" if tty else "") if self.title else None,
            box=box.SIMPLE_HEAD if tty else None,
            show_edge=False,
            pad_edge=False,
            header_style="bold" if tty else "",
            title_justify="left",
        )
        for h in self.headers:
            t.add_column(h, justify="right" if h in self.right else "left", overflow="fold",
                         no_wrap=h not in self.wrap)
        for cells, style in self.rows:
            t.add_row(*(Text(c) for c in cells), style=style if tty else None)
        return t


def print_blocks(*blocks) -> None:
    """Print to stdout, in order: Tables, and lines given as str or (str, style).

    Every line is printed literally (escaped if it holds control characters): never as markup.
    """
    from rich.text import Text

    con = console()
    tty = sys.stdout.isatty()

    def renderable(b):
        if isinstance(b, Table):
            return b.rich(tty)
        text, style = b if isinstance(b, tuple) else (b, None)
        return Text(safe(text), style=style if tty else "")

    if tty:
        for b in blocks:
            con.print(renderable(b))
        return
    with con.capture() as cap:
        for b in blocks:
            con.print(renderable(b))
    sys.stdout.write("\n".join(line.rstrip() for line in cap.get().split("\n")))
