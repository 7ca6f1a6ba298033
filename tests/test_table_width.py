"""Tables at any width: no line wider than the output, no number, id or word split, and a note
saying what gave way. COLUMNS sets the width of piped output as a terminal's width does."""

from __future__ import annotations

import os
import re
import sys

import pytest
from rich.cells import cell_len

from csplan.render import Table, cut, fold

from conftest import on_terminal

COMMANDS = [
    (),
    ("show", "gdp"),
    ("show", "retail_sales"),
    ("list",),
    ("list", "--year", "2024", "--category", "headline"),
    ("targets", "2025"),
    ("targets", "2025", "--tolerance", "1"),
    ("growth",),
    ("compare", "gdp", "--year", "2025", "--vs-parent"),
    ("targets", "2025", "--all-regions"),
    ("sources",),
    ("search", "企业"),
]
WIDTHS = (60, 80, 120, 200)
#: The words of the note under a table that gave way.
NOTE = "cut: not shown: (--wide or a wider terminal shows all)"
#: A run that a table must never split: a number with its sign, point or %, an id, a latin word.
TOKEN = re.compile(r"[-+]?[0-9A-Za-z_][0-9A-Za-z_.%&]*")


def _lines(cli, store, args, width: int | None) -> list[str]:
    env = {"COLUMNS": str(width)} if width else {"COLUMNS": None}
    r = cli("--store", store, *args, env=env)
    assert r.exit_code == 0, r.output
    return r.stdout.splitlines()


def _tokens(lines) -> set[str]:
    return {t for line in lines for t in TOKEN.findall(line)}


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "overview")
@pytest.mark.parametrize("width", WIDTHS)
def test_no_line_is_wider_than_the_output_and_no_token_is_split(cli, bundled, args, width):
    full = _lines(cli, bundled, args, None)
    shown = _lines(cli, bundled, args, width)
    wide = [line for line in shown if cell_len(line) > width]
    assert not wide, f"{len(wide)} lines wider than {width}: {wide[:3]}"
    whole = _tokens(full) | _tokens([NOTE])
    split = [t for t in _tokens(shown) if t not in whole]
    assert not split, f"tokens not in the full-width output (split?): {split[:10]}"
    # a cell is either whole or cut with …, and what precedes the … begins a cell of the full output
    for line in shown:
        for piece in re.findall(r"(\S+)…", line):
            assert any(piece in f for f in full), (piece, line)


@pytest.mark.parametrize("args, unremarked", [
    (("list",), ()),
    (("targets", "2025"), ("actual", "margin", "note")),  # empty in 2025; the note moves under its row
    (("show", "gdp"), ()),
], ids=("list", "targets", "show"))
def test_a_narrow_table_says_what_it_left_out_and_wide_shows_all(cli, bundled, args, unremarked):
    narrow = _lines(cli, bundled, args, 60)
    note = " ".join(line for line in narrow if line.startswith(("cut:", "not shown:")) or "--wide" in line)
    full = _lines(cli, bundled, args, None)
    header = full[0] if args[0] != "targets" else full[1]
    if args[0] == "show":  # show fits 60 columns: its quotes move under their rows instead
        assert not note
        return
    assert "--wide" in note
    hidden = [h for h in header.split() if h not in " ".join(narrow[:3]).split() and h not in unremarked]
    assert hidden and all(h in note for h in hidden), (hidden, note)
    assert _lines(cli, bundled, (*args, "--wide"), 60) == full


def test_list_is_one_line_per_figure_at_80_columns(cli, bundled):
    import json

    figures = json.loads(cli("--store", bundled, "list", "--format", "json").stdout)
    lines = _lines(cli, bundled, ("list",), 80)
    # a header, then the figures, then at most two lines of notes
    assert len(figures) + 1 <= len(lines) <= len(figures) + 3, (len(figures), len(lines))
    for f, line in zip(figures, lines[1:1 + len(figures)], strict=True):
        assert line.split()[0] == f["indicator"] and str(f["year"]) in line.split()


def test_show_moves_quotes_under_their_rows_whole(cli, bundled):
    """On a narrow output the quote leaves the table for lines of its own under the figure's row,
    every character of it kept and no number split across two lines."""
    import json

    quotes = [f["quote"] for f in json.loads(cli("--store", bundled, "show", "gdp", "--format", "json").stdout)]
    lines = _lines(cli, bundled, ("show", "gdp"), 60)
    folded = "\n".join(line for line in lines if line.startswith("    ") and not line.startswith("    ", 4))
    for q in quotes:
        assert re.sub(r"\s", "", q) in re.sub(r"\s", "", folded)
    pieces = folded.splitlines()
    for a, b in zip(pieces, pieces[1:], strict=False):  # no number runs on from one line to the next
        assert not (re.search(r"[\d.]$", a) and re.match(r"\s*[\d.%]", b)), (a, b)
    assert "增长5.5%" in folded.replace(" ", "") and "5.\n" not in folded


def test_cut_and_fold():
    assert cut("地区生产总值", 8) == "地区生…"
    assert cell_len(cut("地区生产总值", 8)) <= 8
    assert cut("gdp", 8) == "gdp"
    lines = fold("全年地区生产总值1110亿元，增长5.8%，比上年提高0.3个百分点", 16)
    assert all(cell_len(line) <= 16 for line in lines)
    assert "".join(lines) == "全年地区生产总值1110亿元，增长5.8%，比上年提高0.3个百分点"
    assert any("5.8%" in line for line in lines) and any("1110" in line for line in lines)
    assert fold("a-very-long-identifier-indeed", 10) == ["a-very-lon", "g-identifi", "er-indeed"]


def test_columns_give_way_in_the_stated_order():
    t = Table(["id", "name", "figure", "source", "quote"], shrink=("name",), drop=("source",), below=("quote",))
    t.add("gdp", "地区生产总值地区生产总值", "1110 亿元", "cangshan-2024-plan", "全年地区生产总值1110亿元")
    lines = [text for text, _ in t.lines(None, tty=False)]
    assert lines[1].split() == ["gdp", "地区生产总值地区生产总值", "1110", "亿元", "cangshan-2024-plan",
                                "全年地区生产总值1110亿元"]
    # 30 cells: the quote moves under the row, the name is cut, the source is left out
    lines = [text for text, _ in t.lines(30, tty=False)]
    assert lines[0].split() == ["id", "name", "figure"]
    assert lines[1].startswith("gdp  ") and "…" in lines[1] and "1110 亿元" in lines[1]
    assert lines[2].strip() == "全年地区生产总值1110亿元"
    assert lines[3].startswith("cut: name; not shown: source")
    assert all(cell_len(line) <= 30 for line in lines)


@pytest.mark.parametrize("width", (60, 80))
def test_on_a_real_terminal_of_that_width(width, bundled):
    """The command in a pseudo-terminal of `width` columns, as a user runs it: no line wider,
    colour only with its legend, and none under NO_COLOR."""
    script = os.path.join(os.path.dirname(sys.executable), "csplan")  # the console script of this environment

    def run(env_extra):
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "TERM")}
        env.update(TERM="xterm-256color", **env_extra)
        status, shown, _, err = on_terminal([script, "--store", os.fspath(bundled), "targets", "2025"],
                                            columns=width, env=env, streams=("stdin", "stdout"))
        assert status == 0, err
        return shown

    coloured = run({})
    plain_lines = re.sub(r"\x1b\[[0-9;]*m", "", coloured).replace("\r", "").splitlines()
    assert "\x1b[" in coloured
    assert all(cell_len(line) <= width for line in plain_lines), max(plain_lines, key=cell_len)
    assert any(line.startswith("colours: ") and "pending" in line for line in plain_lines)
    no_colour = run({"NO_COLOR": "1"})
    assert "\x1b[" not in no_colour
    assert "colours:" not in no_colour


def test_one_colour_per_meaning_decided_in_one_place():
    """Every command colours through render.PALETTE: no module names a terminal colour itself,
    and no two meanings share a colour."""
    from pathlib import Path

    from csplan import render

    styles = [style for style, _ in render.PALETTE.values()]
    assert len(set(styles)) == len(styles), styles
    colour_word = re.compile(r"""["'](?:bold )?(yellow|cyan|green|red|magenta|blue)["']""")
    src = Path(render.__file__).parent
    offenders = [f"{p.relative_to(src)}: {m.group()}" for p in src.rglob("*.py") if p.name != "render.py"
                 for m in colour_word.finditer(p.read_text(encoding="utf-8"))]
    assert not offenders, offenders
