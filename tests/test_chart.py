"""Charts: `growth --svg` and `targets --svg` draw real SVG charts, and the terminal chart of
`growth` keeps every value whole at any width.

The SVG is read as XML and rasterised (resvg, in the test extra); expected numbers come from the
report's own figures (地区生产总值 1110 亿元，增长 5.8%; 2025 target 增长 5.5% …).
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import ROOT, unavailable
from rich.cells import cell_len
from rich.console import Console
from test_targets import fig, make_store

from csplan.chart import COLOURS, FONT_FAMILY, growth_chart, svg, targets_chart
from csplan.locate import bundled_store
from csplan.store import load
from csplan.targets import check_year, growth_rows

NS = {"svg": "http://www.w3.org/2000/svg"}
DOCS_CHART = ROOT / "docs" / "growth.svg"


# --- reading what was drawn ---------------------------------------------------------------------


def rasterise(svg_text: str) -> bytes:
    try:
        import resvg_py
    except ImportError:
        unavailable("needs resvg-py (pip install '.[test]')")
    return bytes(resvg_py.svg_to_bytes(svg_string=svg_text))


def decode_png(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """(width, height, bytes a pixel, rows) of an 8-bit, non-interlaced RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and interlace == 0 and colour in (2, 6), header
    bpp = 4 if colour == 6 else 3
    raw, stride = zlib.decompress(b"".join(idat)), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def pixels(rows: list[bytes], bpp: int):
    for row in rows:
        for x in range(0, len(row), bpp):
            yield row[x:x + 3]


def colour(hex_colour: str) -> bytes:
    return bytes.fromhex(hex_colour.lstrip("#"))


def parse(svg_text: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg_text)


def texts(root: ElementTree.Element) -> list[str]:
    return [t.text or "" for t in root.iterfind(".//svg:text", NS)]


def bars(root: ElementTree.Element, series: str) -> list[tuple[float, float, float]]:
    """(x, y, width) of the bars of one series, top to bottom."""
    fill = COLOURS[series][0]
    return [(float(r.get("x")), float(r.get("y")), float(r.get("width")))
            for r in root.iterfind(".//svg:rect", NS) if r.get("fill") == fill and r.get("height") == "13"]


def assert_self_contained(svg_text: str, root: ElementTree.Element) -> None:
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    width, height = int(root.get("width")), int(root.get("height"))
    assert root.get("viewBox") == f"0 0 {width} {height}"
    assert root.get("font-family") == FONT_FAMILY and FONT_FAMILY.endswith("sans-serif")
    assert "Noto Sans CJK SC" in FONT_FAMILY and "Microsoft YaHei" in FONT_FAMILY
    # nothing fetched or run: no scripts, links, images, style sheets or web fonts
    body = svg_text.replace('xmlns="http://www.w3.org/2000/svg"', "", 1)
    assert not re.search(r"<script|<image|<foreignObject|<style|href=|url\(|@import|@font-face|https?:", body)


def assert_renders(svg_text: str) -> None:
    """resvg draws it at its own width and height, and the drawing is not blank: several percent of
    the pixels are ink, and the bars' colours are among them (text or no text font)."""
    root = parse(svg_text)
    width, height, bpp, rows = decode_png(rasterise(svg_text))
    assert (width, height) == (int(root.get("width")), int(root.get("height")))
    seen: dict[bytes, int] = {}
    for p in pixels(rows, bpp):
        seen[p] = seen.get(p, 0) + 1
    ink = width * height - seen.get(b"\xff\xff\xff", 0)
    assert 0.02 < ink / (width * height) < 0.6, ink / (width * height)
    assert seen.get(colour(COLOURS["before"][0]), 0) > 200


# --- growth --svg ---------------------------------------------------------------------------------


def test_growth_svg_is_a_chart_of_the_report(tmp_path, cli):
    out = tmp_path / "g.svg"
    r = cli("growth", "--svg", out)
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    root = parse(text)
    assert_self_contained(text, root)
    said = texts(root)
    # title: the region and the years; the names as text, in Chinese
    assert "福州市仓山区" in said[0] and "2024" in said[0] and "2025" in said[0]
    assert said[1] == "Growth on the year before, %; the 2024 figures are estimates (预计)"  # 预计，全年地区生产总值…
    for name in ("地区生产总值", "社会消费品零售总额", "居民人均可支配收入"):
        assert name in said
    assert root.find("svg:title", NS).text == said[0]
    # the labels: 增长 5.8% / 5.3% / 3.8% (2024) and the 2025 targets 5.5% / 5.3% / 4.0%
    for label in ("+5.8%", "+5.3%", "+3.8%", "增长 5.5%", "增长 5.3%", "增长 4.0%"):
        assert label in said, label
    assert {"2024 actual", "2025 target"} <= set(said)
    assert said.count("pending") == 3  # no 2025 actuals yet
    assert any(t.startswith("Source: 福州市仓山区发展和改革局 (2024-12-25)") for t in said)
    assert_renders(text)


def test_growth_bars_share_one_scale_from_the_zero_line(tmp_path):
    path = make_store(tmp_path,
                      fig("actual", "gdp", 2022, "value", value=1110, unit="亿元", growth=5.8),
                      fig("target", "gdp", 2023, "growth", unit="%", growth=5.5),
                      fig("actual", "cpi", 2022, "growth", unit="%", growth=2),
                      fig("target", "cpi", 2023, "growth", unit="%", growth=-1))
    root = parse(svg(growth_chart(load(path), growth_rows(load(path)))))
    (gdp_x, _, gdp_w), (cpi_x, _, cpi_w) = bars(root, "before")
    [(gdp_tx, _, gdp_tw), (cpi_tx, _, cpi_tw)] = bars(root, "target")
    zero = gdp_x
    assert cpi_x == zero and gdp_tx == zero and cpi_tx + cpi_tw == pytest.approx(zero, abs=0.1)  # -1 % goes left
    # one scale: 5.8 : 5.5 : 2 : 1, within the 0.1 px the coordinates are written to
    unit = gdp_w / 5.8
    assert gdp_tw == pytest.approx(5.5 * unit, abs=0.2)
    assert cpi_w == pytest.approx(2 * unit, abs=0.2) and cpi_tw == pytest.approx(1 * unit, abs=0.2)
    zero_lines = [ln for ln in root.iterfind(".//svg:line", NS) if ln.get("stroke") == "#374151"]
    assert zero_lines and all(float(ln.get("x1")) == pytest.approx(zero, abs=0.1) for ln in zero_lines)
    assert {"-1", "0", "6%"} <= set(texts(root))  # the axis' ticks, the last with its unit


def test_outcomes_are_marked_once_the_year_has_actuals(tmp_path, cli):
    path = make_store(tmp_path,
                      fig("actual", "gdp", 2022, "value", value=1110, unit="亿元", growth=5.8),
                      fig("target", "gdp", 2023, "growth", unit="%", growth=5.5),
                      fig("actual", "gdp", 2023, "growth", unit="%", growth=5.6),
                      fig("actual", "revenue", 2022, "value", value=39.3, unit="亿元", growth=2),
                      fig("target", "revenue", 2023, "growth", unit="%", growth=3),
                      fig("actual", "revenue", 2023, "growth", unit="%", growth=2.9))
    out = tmp_path / "g.svg"
    assert cli("--store", path, "growth", "--svg", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    said = texts(parse(text))
    assert "2023 actual" in said and "+5.6%" in said and "+2.9%" in said
    assert said.count("met") == 1 and said.count("missed") == 1  # 5.6 ≥ 5.5; 2.9 < 3
    assert "pending" not in said
    assert len(bars(parse(text), "after")) == 2
    assert_renders(text)


def test_the_chart_in_docs_is_what_the_command_draws_now(tmp_path, cli):
    """README shows docs/growth.svg; it is the bundled store's chart, byte for byte
    (redraw it with `csplan --store data/indicators.toml growth --svg docs/growth.svg`)."""
    out = tmp_path / "g.svg"
    assert cli("growth", "--svg", out).exit_code == 0
    assert DOCS_CHART.read_bytes() == out.read_bytes()
    assert "](docs/growth.svg)" in (ROOT / "README.md").read_text(encoding="utf-8")


# --- targets --svg --------------------------------------------------------------------------------


def test_targets_svg_draws_growth_and_level_targets(tmp_path, cli):
    out = tmp_path / "t.svg"
    r = cli("targets", "2025", "--svg", out)
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    root = parse(text)
    assert_self_contained(text, root)
    said = texts(root)
    assert "福州市仓山区" in said[0] and "2025" in said[0]
    assert said[1] == "26 targets: 0 met · 0 missed · 23 pending · 3 manual; some 2024 figures are estimates (预计)"
    # growth targets (地区生产总值增长5.5% …), level targets as markers (生物医药产业规模突破 220 亿元,
    # 商贸服务业企业 180 家以上) beside their 2024 levels, tasks and ranks named in a note
    assert {"增长 5.5%", "增长 4.5%", "> 220 亿元", "≥ 180 家", "2024: 超 165 亿元", "2024: 157 家"} <= set(said)
    [note, source] = targets_chart(load(bundled_store()), 2025, check_year(load(bundled_store()), 2025)).notes
    assert note.startswith("Not drawn: 进出口总额 任务 (manual); 实际利用外资 任务 (manual); 节能减排降碳任务 任务 (manual)")
    assert "高新技术企业 前 3 (pending)" in note and source == "Source: 福州市仓山区发展和改革局 (2024-12-25)"
    assert any(t.startswith("Not drawn: 进出口总额") for t in said)
    # 78 项 of projects cannot be set against a target in 个: named, not drawn as a bar
    assert "2024: 78 项" in said
    assert said.count("pending") == 23 - 2 and said.count("manual") == 0  # ranks and tasks are in the note
    assert_renders(text)


def test_level_targets_convert_units_and_mark_the_outcome(tmp_path, cli):
    path = make_store(tmp_path,
                      fig("actual", "jobs", 2022, "value", value=1.7, unit="万人"),
                      fig("target", "jobs", 2023, "value", value=1.8, unit="万人"),
                      fig("actual", "jobs", 2023, "value", value=18500, unit="人"),
                      fig("target", "firms", 2023, "value", value=180, unit="家", qualifier="at_least"),
                      fig("actual", "firms", 2023, "value", value=170, unit="家"))
    out = tmp_path / "t.svg"
    assert cli("--store", path, "targets", "2023", "--svg", out).exit_code == 0
    root = parse(out.read_text(encoding="utf-8"))
    said = texts(root)
    assert {"1.8 万人", "2022: 1.7 万人", "2023: 1.85 万人", "≥ 180 家", "2023: 170 家"} <= set(said)
    assert said.count("met") == 1 and said.count("missed") == 1
    # each row on its own scale: the marker of 1.8 sits at 1.8 / 1.85 of the 2023 bar
    jobs_before, jobs_after, _ = sorted(bars(root, "before") + bars(root, "after"), key=lambda b: b[1])
    markers = [float(ln.get("x1")) for ln in root.iterfind(".//svg:line", NS)
               if ln.get("stroke") == COLOURS["target"][1] and ln.get("stroke-width") == "2.5"][1:]
    x0 = jobs_before[0]
    assert markers[0] - x0 == pytest.approx(jobs_after[2] * 1.8 / 1.85, abs=0.3)
    assert jobs_before[2] == pytest.approx(jobs_after[2] * 1.7 / 1.85, abs=0.3)


def test_text_from_the_store_is_escaped(tmp_path, cli):
    path = make_store(tmp_path, fig("actual", "gdp", 2022, "growth", unit="%", growth=5),
                      fig("target", "gdp", 2023, "growth", unit="%", growth=5))
    path.write_text(path.read_text(encoding="utf-8").replace('name = "地区生产总值"', 'name = "A&B <b>\\u001b"'),
                    encoding="utf-8")
    out = tmp_path / "g.svg"
    assert cli("--store", path, "growth", "--svg", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "A&amp;B &lt;b&gt;\\x1b" in text and "\x1b" not in text
    assert "A&B <b>\\x1b" in texts(parse(text))


# --- writing the file -----------------------------------------------------------------------------


@pytest.mark.parametrize("where, code", [("missing-folder/g.svg", 3), ("a-file/g.svg", 3), ("a-folder", 2)])
def test_a_path_that_cannot_be_written_is_one_line(tmp_path, cli, where, code):
    """exit 3 when the system refuses the file, 2 for a folder (a bad value of --svg)."""
    (tmp_path / "a-file").write_text("keep", encoding="utf-8")
    (tmp_path / "a-folder").mkdir()
    for command in (("growth",), ("targets", "2025")):
        r = cli(*command, "--svg", tmp_path / where)
        assert r.exit_code == code, r.stderr
        assert r.stderr.startswith("csplan: ") and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
        assert r.stdout == ""
        if code == 3:
            assert r.stderr.startswith(f"csplan: {tmp_path / where}: cannot write the chart (")
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "a-folder"]
    assert list((tmp_path / "a-folder").iterdir()) == []  # no temporary file left


def test_an_existing_chart_is_replaced_whole(tmp_path, cli):
    out = tmp_path / "g.svg"
    out.write_text("old", encoding="utf-8")
    assert cli("growth", "--svg", out, "--format", "json").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<svg") and out.read_text(encoding="utf-8").endswith("</svg>\n")
    assert [p.name for p in tmp_path.iterdir()] == ["g.svg"]


# --- the terminal chart ---------------------------------------------------------------------------


def terminal_chart(store_path: Path, columns: int, *queries: str) -> list[str]:
    from csplan.cli.targets import _chart

    store = load(store_path)
    con = Console(width=columns, record=True, file=io.StringIO(), color_system=None)
    lines, _ = _chart(growth_chart(store, growth_rows(store, list(queries) or None)), columns)
    for line in lines:
        con.print(line)
    return con.export_text().splitlines()


@pytest.mark.parametrize("columns", [60, 80, 120, 200])
def test_terminal_chart_keeps_every_value_whole(bundled, columns):
    lines = terminal_chart(bundled, columns, "gdp", "fixed_asset_investment", "trade", "retail_sales",
                           "disposable_income")
    assert all(cell_len(line) <= columns for line in lines)
    assert not any("…" in line for line in lines)
    tokens = {tok for line in lines for tok in line.split()}
    # 2024: 增长 5.8%, 11.6%, 5.3%, 3.8%; 2025 targets 5.5%, 4.5%, 5.3%, 4.0% (report, 主要预期目标)
    assert {"+5.8%", "+11.6%", "+5.3%", "+3.8%", "5.5%", "4.5%", "4.0%"} <= tokens
    assert sum(line.count("pending") for line in lines) == 4  # trade's 2025 target is a task
    names = ["地区生产总值", "固定资产投资", "进出口总额", "社会消费品零售总额", "居民人均可支配收入"]
    assert [n for line in lines for n in names if n in line] == names  # in the order asked


def test_terminal_bars_share_one_scale_around_zero(tmp_path):
    path = make_store(tmp_path,
                      fig("actual", "gdp", 2022, "growth", unit="%", growth=8),
                      fig("target", "gdp", 2023, "growth", unit="%", growth=-4))
    lines = [line for line in terminal_chart(path, 200) if "│" in line]
    actual, target = lines
    # 8 and -4 on a 12-point span of 40 cells: 27 cells right of the zero line, 13 left of it.
    assert actual.count("█") == 27 and target.count("█") == 13

    def cell(line: str, char: str) -> int:
        return cell_len(line[: line.index(char)])

    assert cell(actual, "│") == cell(target, "│")
    assert cell(target, "█") < cell(target, "│") < cell(actual, "█")
