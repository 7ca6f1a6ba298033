"""Output: machine formats (JSON, CSV, TSV, Markdown) and tables for people.

Machine formats never import Rich. Tables use Rich, with colour and box drawing only on a
terminal; text from the store is always passed as plain Text, never parsed as markup.
"""

from __future__ import annotations

import re
import sys
from unicodedata import east_asian_width
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


def console(stderr: bool = False, width: int | None = None):
    """A Rich console: colour on a terminal (unless NO_COLOR), plain and unwrapped when piped."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    tty = stream.isatty()
    return Console(
        file=stream,
        highlight=False,
        soft_wrap=not tty,
        width=width or (None if tty else 100_000),
        emoji=False,
        markup=False,
    )


def is_terminal() -> bool:
    return sys.stdout.isatty()


#: One colour per meaning, in every command: (Rich style, the legend's word for it). A figure
#: reported as fact has no colour.
PALETTE = {
    "estimate": ("yellow", "预计 estimate"),
    "target": ("cyan", "目标 target"),
    "met": ("green", "met"),
    "missed": ("red", "missed"),
    "pending": ("blue", "pending"),
    "manual": ("magenta", "manual"),
    "superseded": ("dim", "superseded"),
}

#: Cells between two columns.
GAP = 2
#: A column of long text is never cut below this many cells (or its header's width).
MIN_TEXT = 10


def output_width(wide: bool = False) -> int | None:
    """How many cells a line may take on stdout: the terminal's width; when piped, COLUMNS if it is
    set, else no limit (None). `wide` (--wide) lifts the limit."""
    import os
    import shutil

    if wide:
        return None
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else None


def cells(text: str) -> int:
    """Terminal cells `text` takes: two for a wide or full-width (CJK) character."""
    if text.isascii():
        return len(text)
    return sum(2 if east_asian_width(c) in ("W", "F") else 1 for c in text)


#: A run that must stay whole when a long text is folded onto lines: a number with its unit or
#: sign, an id, a word; any other character (a CJK one, a space) is a place to break.
_UNBREAKABLE = re.compile(r"[-+]?[0-9A-Za-z_.,:%‰@/`'<>=~^|*#$&\\()\[\]-]+[%‰]?|.", re.S)


def cut(text: str, width: int) -> str:
    """`text` in at most `width` cells, ending with … when cut, and never inside a number or word
    (unless the first one alone is too wide)."""
    if cells(text) <= width:
        return text
    out, used = "", 1
    for m in _UNBREAKABLE.finditer(text):
        used += cells(m.group())
        if used > width:
            break
        out += m.group()
    if not out:
        for ch in text:
            if cells(out + ch) >= width:
                break
            out += ch
    return out.rstrip() + "…"


def fold(text: str, width: int) -> list[str]:
    """`text` on lines of at most `width` cells, never breaking a number, id or word
    (unless it alone is wider than a line)."""
    lines, line, used = [], "", 0
    for m in _UNBREAKABLE.finditer(text):
        token = m.group()
        w = cells(token)
        if used + w > width and line:
            lines.append(line.rstrip())
            line, used = "", 0
            if token == " ":
                continue
        while w > width:
            head = token[0]
            for ch in token[1:]:
                if cells(head + ch) > width:
                    break
                head += ch
            lines.append(head)
            token = token[len(head):]
            w = cells(token)
        line, used = line + token, used + w
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


class Table:
    """A table described with plain strings, fitted to the width of the output when printed.

    Numbers, ids, units, dates and outcome words are never split. When the table is wider than
    the output, columns give way in this order: those named in `below` move under their row
    (folded there as prose: a quote, a note); those in `shrink` (long text: a name, a title) are cut
    with …; then those in `drop` are left out, first named first. A line under the table says what
    gave way. A row may carry a meaning of PALETTE (its colour on a terminal), and so may a cell.
    """

    def __init__(self, headers: Sequence[str], title: str | None = None, right: Sequence[str] = (),
                 shrink: Sequence[str] = (), drop: Sequence[str] = (), below: Sequence[str] = ()):
        self.headers = list(headers)
        self.title = title
        self.right = set(right)
        self.shrink = [h for h in shrink if h in self.headers]
        self.drop = [h for h in drop if h in self.headers]
        self.below = [h for h in below if h in self.headers]
        self.rows: list[tuple[list[str], str | None, dict[str, str]]] = []

    def add(self, *cells, style: str | None = None, styles: dict[str, str] | None = None) -> None:
        """One row; `style` (a meaning of PALETTE or a Rich style) colours the row, `styles` a cell."""
        self.rows.append(([safe(_cell(c)) for c in cells], style, dict(styles or {})))

    def meanings(self) -> list[str]:
        """The meanings of PALETTE this table shows in colour, in PALETTE's order."""
        used = {s for _, style, styles in self.rows for s in (style, *styles.values())}
        return [m for m in PALETTE if m in used]

    def layout(self, width: int | None) -> tuple[list[int], list[int], list[int], list[str]]:
        """(shown columns, their widths, columns moved below, the words of the note on what gave way)."""
        natural = [max([cells(h)] + [cells(r[0][i]) for r in self.rows]) for i, h in enumerate(self.headers)]
        shown = list(range(len(self.headers)))
        widths = dict(enumerate(natural))
        below: list[int] = []
        notes: list[str] = []

        def total() -> int:
            return sum(widths[i] for i in shown) + GAP * (len(shown) - 1)

        if width is None or total() <= width:
            return shown, [widths[i] for i in shown], below, notes
        for i in [i for i in shown if self.rows and not any(r[0][i] for r in self.rows)]:
            if total() > width:  # a column with nothing in it goes first, unremarked
                shown.remove(i)
        for h in self.below:
            i = self.headers.index(h)
            if i in shown and total() > width:
                shown.remove(i)
                below.append(i)
        cut_names: list[str] = []
        for h in self.shrink:
            i = self.headers.index(h)
            floor = max(cells(h), min(natural[i], MIN_TEXT))
            if i in shown and total() > width and widths[i] > floor:
                widths[i] = max(floor, widths[i] - (total() - width))
                cut_names.append(h)
        dropped = []
        last_resort = [self.headers[i] for i in reversed(shown[1:])]  # what still does not fit, from the right
        for h in [*self.drop, *last_resort]:
            i = self.headers.index(h)
            if i in shown and total() > width:
                shown.remove(i)
                dropped.append(h)
        cut_names = [h for h in cut_names if self.headers.index(h) in shown]
        for i in shown:  # what the drops freed goes back to the columns that were cut
            if self.headers[i] in cut_names and total() < width:
                widths[i] = min(natural[i], widths[i] + width - total())
        cut_names = [h for h in cut_names if widths[self.headers.index(h)] < natural[self.headers.index(h)]]
        if cut_names:
            notes.append("cut: " + ", ".join(cut_names))
        if dropped:
            notes.append("not shown: " + ", ".join(dropped))
        return shown, [widths[i] for i in shown], below, notes

    def lines(self, width: int | None, tty: bool) -> list[tuple[str, list[tuple[int, int, str]]]]:
        """The table as lines of text, each with the (start, end, style) spans to colour; on a
        terminal, a rule under the header."""
        shown, widths, below, notes = self.layout(width)
        out: list[tuple[str, list[tuple[int, int, str]]]] = []

        def style_of(name: str | None) -> str | None:
            return PALETTE[name][0] if name in PALETTE else name

        def row(texts: list[str], row_style: str | None, cell_styles: dict[str, str]):
            parts, spans, at = [], [], 0
            for n, (i, w) in enumerate(zip(shown, widths, strict=True)):
                text = cut(texts[i], w)
                pad = " " * (w - cells(text))
                cell = pad + text if self.headers[i] in self.right else text + pad
                if n:
                    parts.append(" " * GAP)
                    at += GAP
                s = style_of(cell_styles.get(self.headers[i]))
                if s:
                    spans.append((at, at + len(cell), s))
                parts.append(cell)
                at += len(cell)
            line = "".join(parts).rstrip()
            if row_style and style_of(row_style):
                spans.insert(0, (0, len(line), style_of(row_style) or ""))
            return line, spans

        if self.title:
            out.append((self.title, [(0, len(self.title), "bold")]))
        head, _ = row(self.headers, None, {})
        out.append((head, [(0, len(head), "bold")]))
        if tty:
            rule = "─" * min(width or 10**6, sum(widths) + GAP * (len(widths) - 1))
            out.append((rule, [(0, len(rule), "dim")]))
        for texts, row_style, cell_styles in self.rows:
            out.append(row(texts, row_style, cell_styles))
            for i in below:
                if texts[i]:
                    for piece in fold(texts[i], max(20, (width or 10**6) - 4)):
                        out.append(("    " + piece, [(4, 4 + len(piece), "dim")]))
        if notes:
            note = "; ".join(notes) + " (--wide or a wider terminal shows all)"
            out += [(piece, [(0, len(piece), "dim")]) for piece in fold(note, width or len(note))]
        return out


def shows_colour(con) -> bool:
    """Whether the Rich console `con` draws colour (a terminal that has it, and no NO_COLOR)."""
    return con.is_terminal and con.color_system is not None and not con.no_color


def legend(meanings: Sequence[str]):
    """One line naming what each colour shown means, each word in its colour."""
    from rich.text import Text

    text = Text("colours: ", style="dim")
    for n, m in enumerate(meanings):
        text.append(" · " if n else "", style="dim")
        text.append(PALETTE[m][1], style=PALETTE[m][0])
    return text


def print_blocks(*blocks, wide: bool = False) -> None:
    """Print to stdout, in order: Tables, and lines given as str or (str, style or meaning).

    Every line is printed literally (escaped if it holds control characters): never as markup.
    Tables are fitted to the output's width (`output_width`); other lines are not cut.
    """
    from rich.text import Text

    width = output_width(wide)
    tty = sys.stdout.isatty()
    con = console(width=width if width and tty else None)
    colour = tty and shows_colour(con)
    out: list[Text] = []
    meanings: set[str] = set()
    for b in blocks:
        if isinstance(b, Table):
            meanings.update(b.meanings())
            for line, spans in b.lines(width, tty):
                text = Text(line)
                for start, end, style in spans:
                    text.stylize(style, start, end)
                out.append(text)
            continue
        line, style = b if isinstance(b, tuple) else (b, None)
        if style in PALETTE:
            meanings.add(style)
            style = PALETTE[style][0]
        for piece in fold(safe(line), width) if width else [safe(line)]:
            out.append(Text(piece, style=(style or "") if colour else ""))
    if colour and meanings:
        out.append(legend([m for m in PALETTE if m in meanings]))
    if colour:
        for text in out:
            con.print(text, no_wrap=True, overflow="ignore", crop=False)
        return
    sys.stdout.write("".join(text.plain.rstrip() + "\n" for text in out))
