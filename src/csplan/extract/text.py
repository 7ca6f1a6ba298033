"""Read and normalise a report's text: half-width characters, paragraphs joined across page breaks,
and a map from what the parser reads back to the characters of the input (for quotes)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from .compiled import rx

TERMINAL = "。！？!?"
CLAUSE_END = TERMINAL + "\n;"  # what ends the clause a figure's context is read in
_CLOSERS = "”’」』)）\"' \t"
_PAGE_FURNITURE = rx(r"[\s\-—–－―_]*(?:第\s*\d+\s*页(?:\s*[/／共]\s*\d+\s*页?)?|\d{1,3})[\s\-—–－―_]*\Z")
_SECTION_NUMBER = r"[（(]\s*[一二三四五六七八九十]+\s*[)）]"
# （三）: a section's number, or an item's of a list numbered as sections are; it opens a paragraph
SECTION_NUMBER = rx(_SECTION_NUMBER)
HEADING = rx(rf"(?:第[一二三四五六七八九十]+[部分章节]|[一二三四五六七八九十]+\s*[、.．]|{_SECTION_NUMBER})")
# the signs that open a list's item: ◆, ●, ①
BULLET = "[◆◇●○■□▲△★☆▶►\u2460-\u2473]"
LIST_START = rx(rf"(?:#|[-*•·]\s|{BULLET}|——|\d{{1,2}}\s*[、.．)）](?!\d)(?=\s*\S)|[（(]\s*\d{{1,2}}\s*[)）]"
                         r"|[一二三四五六七八九十]+是)")


# Full-width ASCII (！ to ～), the ideographic and no-break spaces, and ﹪, as the parser reads them
_HALF_WIDTH = {**{chr(o): chr(o - 0xFEE0) for o in range(0xFF01, 0xFF5F)}, "\u3000": " ", "\xa0": " ", "﹪": "%"}


def half_width(s: str) -> str:
    """`s` with each full-width character in its half-width form: one character for one. (A
    replace for each of them is several times faster on a report than `str.translate`.)"""
    for full, half in _HALF_WIDTH.items():
        if full in s:
            s = s.replace(full, half)
    return s


@dataclass
class Text:
    """The report: `joined` is what the parser reads (half-width, page breaks removed, one
    paragraph a line); `pos[i]` is the index in `original` of joined[i] (-1 for a paragraph end)."""

    original: str
    joined: str
    pos: list[int]
    # Clause ends, and the matches of a pattern in a clause, found once: reading the context of
    # every figure from its clause's start again would take time quadratic in a clause's length.
    _ends: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _scans: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _paras: list[tuple[int, int]] | None = field(default=None, init=False, repr=False, compare=False)

    def clause_start(self, at: int) -> int:
        """Where the clause holding joined[at] starts: after the last of CLAUSE_END before `at`."""
        if self._ends is None:
            self._ends = [m.start() for m in re.finditer(f"[{re.escape(CLAUSE_END)}]", self.joined)]
        k = bisect_left(self._ends, at)
        return self._ends[k - 1] + 1 if k else 0

    def clause_end(self, at: int) -> int:
        """Where the clause holding joined[at] ends: at the first of CLAUSE_END from `at` on."""
        if self._ends is None:
            self.clause_start(at)
        assert self._ends is not None  # set by clause_start
        k = bisect_left(self._ends, at)
        return self._ends[k] if k < len(self._ends) else len(self.joined)

    def matches(self, pattern: re.Pattern, begin: int, at: int, end: int | None = None) -> list[re.Match]:
        """`list(pattern.finditer(joined, begin, at))` for a pattern without anchors or lookarounds,
        from one scan of joined[begin:end] shared by every `at` up to `end` (the text's end if None)."""
        ms, k, tail = self._cut(pattern, begin, at, end)
        return ms[:k] + tail if tail is not None else ms[:k]

    def last_match(self, pattern: re.Pattern, begin: int, at: int, end: int | None = None) -> re.Match | None:
        """The last of `matches(pattern, begin, at, end)`, or None, without copying the others."""
        ms, k, tail = self._cut(pattern, begin, at, end)
        if tail:
            return tail[-1]
        return ms[k - 1] if k else None

    def clause_matches(self, pattern: re.Pattern, at: int) -> list[re.Match]:
        """The matches of `pattern` in the clause holding `at`, before `at`."""
        return self.matches(pattern, self.clause_start(at), at, self.clause_end(at))

    def last_clause_match(self, pattern: re.Pattern, at: int) -> re.Match | None:
        """The last match of `pattern` in the clause holding `at`, before `at`, or None."""
        return self.last_match(pattern, self.clause_start(at), at, self.clause_end(at))

    def _cut(self, pattern: re.Pattern, begin: int, at: int,
             end: int | None) -> tuple[list[re.Match], int, list[re.Match] | None]:
        """The scan of joined[begin:end], how many of its matches end by `at`, and, when the next
        one runs past `at`, what a scan stopping at `at` finds from that match's start instead."""
        end = len(self.joined) if end is None else end
        found = self._scans.get((pattern, begin, end))
        if found is None:
            ms = list(pattern.finditer(self.joined, begin, end))
            found = self._scans[(pattern, begin, end)] = (ms, [m.end() for m in ms])
        ms, ends = found
        k = bisect_right(ends, at)
        tail = list(pattern.finditer(self.joined, ms[k].start(), at)) if k < len(ms) and ms[k].start() < at else None
        return ms, k, tail

    def quote(self, start: int, end: int) -> str:
        """The input behind joined[start:end]: its own characters, page breaks left out, and a space
        for a line kept apart (a table's row and the rest of its cells on the next line)."""
        at = self.pos[start:end]
        if at and at[0] >= 0 and at[-1] - at[0] == len(at) - 1 and -1 not in at:  # one stretch of the input
            return self.original[at[0]:at[-1] + 1].strip()
        kept = (self.original[k] if k >= 0 else " " if c == "\n" else ""
                for k, c in zip(at, self.joined[start:end], strict=True))
        return "".join(kept).strip()

    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of each line of `joined` that is not blank, found once."""
        if self._paras is None:
            spans, start = [], 0
            for m in re.finditer("\n", self.joined):
                spans.append((start, m.start()))
                start = m.end()
            spans.append((start, len(self.joined)))
            self._paras = [(a, b) for a, b in spans if self.joined[a:b].strip()]
        return self._paras


# （一）预期性指标, 二、约束性指标：, 民生类指标, 经济发展类（7项）, （一）经济发展 (not （二）重点工作任务): a
# heading of a class of the targets listed under it
_CLASS_HEADING_MAX = 20  # characters: a longer line is a sentence
CLASS_HEADING = rx(r"\s*(?:(?:\([一二三四五六七八九十\d]{1,2}\)|[一二三四五六七八九十]{1,2}、|\d{1,2}\s*[.、])?"
                           r"\s*(?:[\u4e00-\u9fff]{1,6}[性类]?指标|[\u4e00-\u9fff]{2,6}类)\s*(?:\(\d{1,2}项\))?"
                           r"|\([一二三四五六七八九十]{1,2}\)\s*(?![^:]*(?:任务|工作|举措|措施|安排|要求|思路))"
                           r"[\u4e00-\u9fff、与和]{2,10})\s*:?\s*")


def is_heading(line: str) -> bool:
    s = line.strip().strip("*").strip()
    if line.lstrip().startswith("#") or (s.startswith("关于") and s.endswith("报告")):
        return True
    if len(s) <= _CLASS_HEADING_MAX and CLASS_HEADING.fullmatch(half_width(s)):
        return True
    if re.fullmatch(r"[(（].*[)）]", s) and not re.search("[。；;]", s):
        return True
    # but a line that gives a figure ((六)城镇…增长8.5%，农村常住居 / 民人均…) is a PDF's line of a paragraph
    return bool(HEADING.match(s)) and len(s) <= 40 and not re.search("[。；;%％]", s)


_SPACES = rx(r"[ \t\u3000]+")
# 指标名称 单位 2021年预计 2022年目标: the header of a table whose cells a PDF's text sets a space apart
HEADER_NAME = rx(r"指标|名称|项目")
_HEADER_OTHER = rx(r"单位|目标|计划|预计|(?:19|20)\d{2}\s*年")
_HEADER_MAX = 120  # characters: a longer line is prose
_CELL_MAX = 16  # characters of a spaced table's cell, and of the rest of a name wrapped onto a line
_SENTENCE_MARK = rx("[，。；：,;:]")  # what a table's cell does not hold


def spaced_cells(line: str) -> list[str]:
    return _SPACES.split(_LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), line.strip()))


# 序号 指 标 单位: a header's word set out letter by letter, one cell
_LETTER_SPACED = rx(r"(?<!\S)[\u4e00-\u9fff](?: [\u4e00-\u9fff]){1,3}(?!\S)")


def is_spaced_header(cells: list[str]) -> bool:
    """Whether a line's cells head a table: one names the indicators, others a unit or a year (or,
    in a table of two columns, the targets: 指标名称　　预期目标), and none is a sentence."""
    if not all(len(c) <= _CELL_MAX and not _SENTENCE_MARK.search(c) for c in cells):
        return False
    if len(cells) == 2:
        return bool(HEADER_NAME.search(cells[0]) and not _HEADER_OTHER.search(cells[0])
                    and _HEADER_OTHER.search(cells[1]) and not HEADER_NAME.search(cells[1]))
    return (len(cells) >= 3 and sum(bool(_HEADER_OTHER.search(c)) for c in cells) >= 2
            and any(HEADER_NAME.search(c) for c in cells))


def is_wrapped_name(line: str) -> bool:
    """地区生产总值比重 under 研究与试验发展经费支出占 % 3.35 3.45: the rest of a row's name, which
    a narrow column of a PDF's table wraps onto a line of its own."""
    return len(spaced_cells(line)) == 1 and len(line.strip()) <= _CELL_MAX and not _SENTENCE_MARK.search(line)


_PART_ROW = rx(r"^\s*其中[:：]")  # 其中：工业投资增长 % 8 8.6 8: a row of a part of the one above


def is_spaced_row(line: str, width: int) -> bool:
    """A row of a spaced table of `width` columns: as many cells, or one fewer when a wide table's
    cell is empty (12 单位地区生产总值能耗 完成自治区 完成自治区, its unit left blank)."""
    cells = spaced_cells(line)
    return len(cells) == width or (len(cells) == width - 1 >= 3 and not is_heading(line)
                                   and not _SENTENCE_MARK.search(_PART_ROW.sub("", line)))


def is_wrapped_cells(line: str, width: int) -> bool:
    """降低 下达任务 下达任务 under 12 单位地区生产总值能耗 完成自治区 完成自治区, 预计完成 预期目标 under
    序号 指标名称 单位 2024年 2025年: the rest of a row's cells that narrow columns wrap onto a line."""
    cells = spaced_cells(line)
    return (2 <= len(cells) < width - 1 and all(len(c) <= _CELL_MAX for c in cells)
            and not re.fullmatch(r"\d+", cells[0]) and not _SENTENCE_MARK.search(line) and not is_heading(line))


def _wrapped(lines: list[str], j: int, width: int) -> bool:
    return (is_wrapped_cells(lines[j], width)
            or is_wrapped_name(lines[j]) and j + 1 < len(lines) and is_spaced_row(lines[j + 1], width))


def spaced_table_rows(lines: list[str]) -> set[int]:
    """The indices of the lines that are a spaced table's header and rows (each as many cells as
    its header), so that they stay apart when the lines of a paragraph are joined."""
    rows: set[int] = set()
    k = 0
    while k < len(lines):
        if len(lines[k]) > _HEADER_MAX or not HEADER_NAME.search(lines[k].replace(" ", "")) \
                or not is_spaced_header(cells := spaced_cells(lines[k])):
            k += 1
            continue
        j = k + 1
        while j < len(lines) and (is_spaced_row(lines[j], len(cells)) or _wrapped(lines, j, len(cells))):
            j += 1
        if j - k >= 3:
            rows.update(range(k, j))
        k = j
    return rows


# 地区生产总值增长：6%左右, 一般公共预算收入增长：与经济增长基本同步, 规模以上工业增加值：增长6.3%: a list
# of targets or of the year's figures as labels
_LABELLED = rx(r"\s*[^\s:：,，;；。]{2,24}?\s*(?P<colon>[:：])\s*"
                       r"(?:[\d.]+|与|完成|保持|不低于|不高于|控制|增长|下降|上涨|提高|降低|持平)"
                       r"[^:：。]{0,24}?\s*[;；。]?\s*")
_LABELLED_RUN = 3  # lines: fewer are not a list


def _labelled_lines(lines: list[str]) -> set[int]:
    """The indices of the lines of a run of labelled targets, each a line of its own."""
    found = [k for k, line in enumerate(lines) if len(line) <= 40 and _LABELLED.fullmatch(line)]
    runs: list[list[int]] = []
    for k in found:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return {k for run in runs if len(run) >= _LABELLED_RUN for k in run}


_BOLD = rx(r"\*\*")
_RUNNING_HEAD_TIMES = 3  # a line printed beside the page numbers this often heads or foots each page


def _without_furniture(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines less a PDF's page numbers (— 6 —) and the running head or foot beside them, a line
    said again on page after page (罗湖区2024年…计划草案的报告), and a web page's picture captions
    (▲…产业园（资料图）)."""
    page = [bool(_PAGE_FURNITURE.match(line) or _CAPTION.search(line)) for _, line in lines]
    times = Counter(line.strip() for _, line in lines)
    head = {k for k, (_, line) in enumerate(lines) if times[line.strip()] >= _RUNNING_HEAD_TIMES
            and any(page[j] for j in (k - 1, k + 1) if 0 <= j < len(lines))}
    return [ln for k, ln in enumerate(lines) if not page[k] and k not in head]


_CAPTION = rx(r"[(（]\s*(?:资料图|资料图片|图片来源[^()（）]{0,20}|[^()（）]{0,12}摄影?)\s*[)）]\s*$")


_FULL_LINES = 20  # lines as long as the commonest length of a PDF's lines, at least, for it to be a page's width
_FULL_SHARE = 0.3  # of the long lines that run on


def _full_width(lines: list[str]) -> int:
    """The length of a full line of a PDF's text (its page's width), or 0 when the lines have none:
    a line that long runs on to the next ((十)完成市下达的节能减排目标任务，单位生产总值能 / 耗、…),
    even when it opens as a heading does."""
    lengths = Counter(len(ln.rstrip()) for ln in lines if len(ln.strip()) >= 20 and not _ends_sentence(ln))
    if not lengths:
        return 0
    width, times = lengths.most_common(1)[0]
    return width if times >= _FULL_LINES and times >= _FULL_SHARE * sum(lengths.values()) else 0


def _ends_sentence(line: str) -> bool:
    """A line ending a sentence, or an excerpt's cut (…。……, or …… alone)."""
    s = line.rstrip(_CLOSERS)
    return not s or s[-1] in TERMINAL or s.endswith("……")


_TITLE_MAX = 16  # characters after its number: a longer numbered line without a stop may be a wrapped sentence
_TITLE = rx(rf"\s*(?:{LIST_START.pattern})\s*[\u4e00-\u9fff“”]{{2,{_TITLE_MAX}}}\s*")


def _is_title(line: str, after: str) -> bool:
    """1. 主要经济指标情况 over 全区实现地区生产总值…: a numbered title of a few words, not a sentence
    whose end a page break set on the next line (1.地区生产总值增长 / 6%左右)."""
    return bool(_TITLE.fullmatch(line)) and not after.lstrip()[:1].isdigit()


def prepare(original: str) -> Text:
    """Join the lines of a paragraph that a page break (blank lines, a form feed, a page number)
    cut in the middle of a sentence; map full-width digits and punctuation to half-width."""
    lines: list[tuple[int, str]] = []
    offset = 0
    for raw in re.split(r"(\r\n|\r|\n|\f)", original):
        if raw in ("\r\n", "\r", "\n", "\f"):
            offset += len(raw)
            continue
        lines.append((offset, raw))
        offset += len(raw)
    parts: list[str] = []
    pos: list[int] = []
    prev: str | None = None
    kept = _without_furniture([(start, line) for start, line in lines if line.strip()])
    texts = [line for _, line in kept]
    table = spaced_table_rows(texts) | _labelled_lines(texts)
    full = _full_width(texts)
    for k, (start, line) in enumerate(kept):
        number = _run_in_number(kept, k)
        if prev is not None:
            heading = is_heading(prev) and not (full and len(prev.rstrip()) >= full - 1)
            opens = (_ends_sentence(prev) or heading or is_heading(line) or number > 0 or _is_title(prev, line)
                     or bool(LIST_START.match(line.lstrip()) or SECTION_NUMBER.match(line.lstrip()))
                     or "|" in (prev.strip()[:1], line.strip()[:1]) or k in table or k - 1 in table)
            if opens:
                parts.append("\n")
                pos.append(-1)
        labelled = _LABELLED.fullmatch(line) if k in table else None
        if labelled:  # 地区生产总值增长：6%左右: the label's colon read as a space, so that it reads as a clause
            colon = labelled.start("colon")
            parts.append(line[:colon] + " " + line[colon + 1:])
            pos.extend(range(start, start + len(line)))
        elif number:  # 3.500万元以上项目…: the list number set apart from the number after it
            parts += (line[:number], "、", line[number:])
            pos.extend(range(start, start + number))
            pos.append(-1)
            pos.extend(range(start + number, start + len(line)))
        elif "**" in line:  # 地区生产总值**2248.6亿元**: a Markdown copy's bold marks are no part of the words
            bold = {i for m in _BOLD.finditer(line) for i in range(m.start(), m.end())}
            chars = [i for i in range(len(line)) if i not in bold]
            parts.append("".join(line[i] for i in chars))
            pos.extend(start + i for i in chars)
        else:
            parts.append(line)
            pos.extend(range(start, start + len(line)))
        prev = line
    joined = _FULL_STOP.sub("。", half_width("".join(parts)))
    return _without_separators(Text(original, joined, pos))


# 增长5.6%. 全年…: a copy whose full stops were made half-width (but not 2.5万人, 3. 地区生产总值, www.gov.cn)
_FULL_STOP = rx(r"(?<=[\u4e00-\u9fff%)\"”])\.(?=\s|$|[\u4e00-\u9fff])", re.M)


# 2,140.6亿元, 38,650元: a thousands separator, no part of the number (not 2023,2024 nor 增长5%,6%, nor
# 120，135 with a full-width comma)
_GROUPED = rx(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])")


def _without_separators(text: Text) -> Text:
    s = text.joined
    if "," not in s or not _GROUPED.search(s):
        return text
    drop = {m.start() + i for m in _GROUPED.finditer(s) for i, ch in enumerate(m.group())
            if ch == "," and text.original[text.pos[m.start() + i]] == ","}
    keep = [i for i in range(len(s)) if i not in drop]
    return Text(text.original, "".join(s[i] for i in keep), [text.pos[i] for i in keep])


_RUN_IN = rx(r"\s*(\d{1,2})\s*([.．、)）])(?=\d)")
# A list number's mark, and the marks that number the lines around it the same way
_SAME_MARK = {".": "[.．]", "．": "[.．]", "、": "、", ")": "[)）]", "）": "[)）]"}


def _run_in_number(lines: list[tuple[int, str]], k: int) -> int:
    """The length of the list number that opens line `k` run into a number (3.500万元以上项目固定资产
    投资增长5%；), or 0. It is one when the line before or after is numbered the same way (2. …, 4. …),
    or when it follows a line that ends a clause and, numbered N., makes no decimal with a unit
    (3.5%, 2.5亿元 are figures; 3.5G网络 is list item 3)."""
    from .measures import measure_pattern

    m = _RUN_IN.match(lines[k][1])
    if not m:
        return 0
    n, mark = int(m.group(1)), _SAME_MARK[m.group(2)]
    for j, want in ((k - 1, n - 1), (k + 1, n + 1)):
        if 0 <= j < len(lines) and want > 0 and re.match(rf"\s*{want}\s*{mark}", lines[j][1]):
            return m.end()
    if k > 0 and lines[k - 1][1].rstrip(_CLOSERS)[-1:] not in TERMINAL + ";；:：":
        return 0  # a line a page break cut from its sentence (…增长\n1.2倍)
    if m.group(2) not in ".．":
        return m.end()
    line = half_width(lines[k][1])
    figure = measure_pattern().match(line, m.start(1))
    return 0 if figure and "." in (figure.group("vnum") or "") else m.end()
