"""Find passages: the summary of the year reported on, and the main targets of the year planned
(one sentence, a list of lines, or a table)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from .compiled import rx
from .text import (CLASS_HEADING, HEADER_NAME, HEADING, LIST_START, SECTION_NUMBER, TERMINAL, Text, is_heading,
                   is_spaced_header, is_spaced_row, is_wrapped_cells, is_wrapped_name, spaced_cells)
from .measures import Measure, NEGATIVE, alternation, measure_pattern, number_of, qualifier_of
from .names import ANNUAL_MEAN, AVERAGE, LEXICON_IDS, RATE, TARGET_LEAD_INS, ZONE_WORDS, valid_name
from .clauses import Item, Parser, TARGET_WORDS
from .header import YEAR, year_of


def _sentences(text: Text, a: int, b: int) -> list[tuple[int, int]]:
    out, start = [], a
    for m in re.finditer(f"[{TERMINAL}]", text.joined[a:b]):
        out.append((start, a + m.end()))
        start = a + m.end()
    if start < b:
        out.append((start, b))
    return [(x, y) for x, y in out if text.joined[x:y].strip()]


def target_sentence(text: Text, parser: Parser, year: int | None) -> tuple[int, int, int, list[Item]] | None:
    """(start, end, where the targets begin, items) of the 主要预期目标 sentence of `year` (a
    sentence on how last year's targets went, 年初确定的主要预期目标较好完成, is not it). A
    chapter on a five-year plan (二、"十五五"时期主要目标任务) is read only if no other has them."""
    return _target_sentence(text, parser, year, True) or _target_sentence(text, parser, year, False)


def _target_sentence(text: Text, parser: Parser, year: int | None, chapters: bool):
    paras = text.paragraphs()
    chapter = ""  # the heading of the chapter (二、…) the paragraph is in
    for pi, (pa, pb) in enumerate(paras):
        line = text.original[text.pos[pa]:text.pos[pb - 1] + 1].strip()
        if is_heading(line) and _CHAPTER.match(line.lstrip("#* ")):
            chapter = line
        if chapters and _other_period(chapter, year):
            continue  # a five-year plan's goals (二、"十五五"时期主要目标任务), not the year's
        for sa, sb in _sentences(text, pa, pb):
            sent = text.joined[sa:sb]
            for m in TARGET_WORDS.finditer(sent):
                clause_start = max(sent.rfind(c, 0, m.start()) for c in ",;:") + 1
                before = sent[clause_start:m.start()]
                if _reviewed(sent, m, before, year):
                    continue
                if _other_period(before, year) or _other_period(sent[:m.start()], year) or (
                        _COMING_YEARS.search(sent, 0, m.start()) and not re.search(r"今年|本年|明年", before)):
                    continue  # 今后五年，全市经济社会发展的主要目标是: a five-year plan's goals
                years = [year_of(y) for y in YEAR.findall(before)]
                if year is not None and years and years[-1] != year:
                    continue
                after = sa + m.end()
                found = _targets_at(text, parser, paras, pi, (sa, sb), after, year)
                if found is not None:
                    return sa, found[0], after, found[1]
                # nothing of the year (a heading followed by the goals of 2030): the next lead-in
    return None


def _targets_at(text: Text, parser: Parser, paras: list[tuple[int, int]], pi: int, span: tuple[int, int],
                after: int, year: int | None) -> tuple[int, list[Item]] | None:
    """The targets a lead-in (ending at `after`, in the sentence `span` of paragraph `pi`) opens, and
    where they end: in its sentence and the paragraph's next ones, in a table, or in the paragraphs
    after it; None when none is of `year`."""
    (sa, sb), (pa, pb) = span, paras[pi]
    sent = text.joined[sa:sb]
    items = parser.sentence(sa, sb, "target", after)
    end = sb
    heading = not items and is_heading(text.original[text.pos[pa]:text.pos[pb - 1] + 1])
    if not items and sb == pb and (heading or "表" in sent or _TABLE_LEAD.search(sent)):
        table, end = _table_after(text, parser, paras, pi, year)
        if table:
            return end, table
    topics = sb == pb and pi + 1 < len(paras) and (_topic_line(text, *paras[pi + 1])
                                                   or _MORE_TARGETS.match(text.joined, *paras[pi + 1]))
    colon = ":" in text.joined[after:items[0].at if items else sb]
    listed = sb == pb and (sent.rstrip()[-1:] in ":;" or heading or topics)
    if listed:
        items, end = _listed_after(text, parser, paras, pi, items, end, heading, colon)
    if (items or _LEADS_ON.search(sent)) and sb < pb and end == sb:
        # the targets go on in the paragraph's next sentences (…。规模以上工业增加值增长7.5%以上；…),
        # or begin there (主要预期目标安排如下。经济发展方面，地区生产总值增长5%左右，…)
        for qa, qb in _sentences(text, sb, _before_reason(text, sb, pb)):
            if _AFTERWORD.search(text.joined[qa:qb]):
                break
            more = parser.sentence(qa, qb, "target")
            if more:
                items, end = items + more, qb
    if colon and items and not listed:
        # …主要预期目标为：全州地区生产总值增长9%左右。(这一目标…。) and paragraphs of more
        items, end = _listed_after(text, parser, paras, pi, items, end, False, True)
    see = _SEE_TABLE.search(text.joined, sa if end == pb else end, pb)  # …，其他主要指标见下表。
    if items and (_TABLE_LEAD.fullmatch(text.joined, end, pb) or see):
        # …地区生产总值增长7%左右。其他主要指标安排如下： and a table of the others
        have = {(it.ind.id, it.metric) for it in items}
        table, table_end = _table_after(text, parser, paras, pi, year)
        table = [it for it in table if (it.ind.id, it.metric) not in have]
        items, end = (items + table, table_end) if table else (items, end)
    if any(not of_other_year(text, it, year) for it in items):
        more, end = _besides(text, parser, paras, end)
        return end, items + more
    return None



_LIST_MAX = 32  # paragraphs of a list of targets, its class headings counted


def _listed_after(text: Text, parser: Parser, paras: list[tuple[int, int]], pi: int, items: list[Item], end: int,
                  heading: bool, colon: bool) -> tuple[list[Item], int]:
    """The targets of the paragraphs after paragraph `pi` added to `items`, and where they end: a
    list, one a line (1. …；  ——经济增长。国内生产总值增长5%左右。), a paragraph a topic (经济发展方面，
    …。), or after a lead-in ending in a colon, paragraphs that open on a target of a common
    indicator (规模以上工业增加值增长8%。…). `end` is where the targets before them end."""
    semicolons, last = text.joined[paras[pi][0]:end].rstrip().endswith(";"), ""
    after_class = False
    for qa, qb in paras[pi + 1:pi + 1 + _LIST_MAX]:
        if CLASS_HEADING.fullmatch(text.joined, qa, qb):
            after_class = True
            continue  # （一）预期性指标, 约束性指标：: the list goes on under it
        if semicolons and last == "。" and not after_class:
            break  # …；…。 ends the list, unless a class of targets follows
        after_class = False
        if heading and TARGET_WORDS.search(text.joined[qa:qb]):
            break  # the paragraph under the heading has its own 主要预期目标
        if _AFTERWORD.match(text.joined, qa, qb):
            break
        qb = _before_reason(text, qa, qb)  # 规模以上工业增加值增长9%。主要考虑…: the target, not its reasons
        more = parser.sentence(qa, qb, "target")
        # （二）需求结构。固定资产投资增长5%左右，…: a topic's targets after its numbered heading
        head = _TOPIC_HEAD.match(text.joined, qa, qb)
        opens = bool(more) and more[0].ind.id in LEXICON_IDS and not _EXPLAINED.search(text.joined, qa, qb) and (
            colon and bool(_OPENING.fullmatch(text.joined, qa, more[0].start))
            or head is not None and more[0].start == head.end())
        listed = (_listed(text, qa, qb) or _numbered_line(text, qa, qb) or _topic_line(text, qa, qb)
                  or _MORE_TARGETS.match(text.joined, qa, qb) or opens)
        if not (more or listed) or (items and not listed):
            break
        items = items + more
        end = qb
        last = text.joined[qa:qb].rstrip()[-1:]
        semicolons = semicolons or last == ";"
    return items, end


# 地区生产总值在2021年突破千亿元关口后，…全年预计达1100亿元: a year the words before the figure go on from
_SINCE = rx(r"[^,;。]*后\s*,")


def of_other_year(text: Text, it: Item, year: int | None) -> bool:
    """Whether the clause of an item dates it to another year than `year` (2023年全县地区生产总值为
    980亿元 in the summary of 2024, 到2030年…突破2200亿元 among the targets of 2026), or to the
    end or the whole of a five-year plan (“十四五”末…力争达到3600亿元, “十四五”期间，力争…)."""
    said = text.last_clause_match(YEAR, it.at)
    if year is not None and said is not None and year_of(said.group(1)) != year and not _SINCE.match(
            text.joined, said.end(), it.at):
        return True
    if text.last_match(_PLAN_END, 0, len(text.joined)) is None:
        return False  # one scan of the whole text, shared by every item: most reports have none
    start = text.clause_start(it.at)
    before = text.joined[text.clause_start(start - 1):start] if start else ""
    return bool(text.last_clause_match(_PLAN_END, it.at) or (len(before) <= 12 and _PLAN_END.search(before)))


_REVIEW_BEFORE = rx(alternation(TARGET_LEAD_INS["review_before"]))
_REVIEW_AFTER = rx(rf"\s*(?:任务)?(?:{alternation(TARGET_LEAD_INS['review_after'])})")


def _reviewed(sent: str, m: re.Match, before: str, year: int | None) -> bool:
    """Whether the lead-in `m` of `sent` tells of targets set before rather than opening the year's:
    reviewed (年初确定的主要预期目标较好完成), compared with (低于年度预期目标1.4个百分点), in brackets
    (增长5%（年度预期目标10%左右）), or stated with its number (年度预期目标为10%左右) unless the
    words before it name the year planned (今年经济增长预期目标为6%左右)."""
    ahead = sent[:m.start()]
    done = next(reversed(list(_REVIEW_BEFORE.finditer(before))), None)
    # 2020年主要指标完成情况及2021年主要预期目标: the year planned named after the review's words
    then = done is not None and year is not None and year in map(year_of, YEAR.findall(before, done.end()))
    if (done and not then) or _REVIEW_AFTER.match(sent, m.end()) or ahead.count("(") > ahead.count(")"):
        return True
    planned = re.search(r"今年|明年|本年", before) or (year is not None and year in map(year_of, YEAR.findall(before)))
    stated = re.match(r"\s*(?:是|为)?\s*", sent[m.end():])
    return not planned and bool(measure_pattern().match(sent, m.end() + (stated.end() if stated else 0)))


_CHAPTER = rx(r"第[一二三四五六七八九十]+[部分章]|[一二三四五六七八九十]+\s*[、.．]")
# A plan of more years than one: "十五五"时期, 今后五年, 规划, 到2030年
_PLAN_PERIOD = rx(r"十[一二三四五六七八九]五|五年|规划|纲要|(?:到|至)\s*(?:19|20)\d{2}\s*年")


# “十四五”末, 十五五期末: the end of a plan's five years
# “十四五”末, and the whole of it said first (“十四五”期间，力争…突破2000亿元)
_PLAN_END = rx(r"十[一二三四五六七八九]五\W?(?:期)?末|十[一二三四五六七八九]五\W?(?:期间|时期)(?=\s*[,，])")
_BESIDES = rx(r"\s*(?:同时|此外|另外)\s*[,，]")
_COMING_YEARS = rx(r"(?:今后|未来)\s*(?:五|5|几)\s*年")


def _other_period(words: str, year: int | None) -> bool:
    """Whether `words` (a heading, the words before 主要目标) are about a plan of several years and
    not about the year planned (今年, 2026年, its first year: "十五五"开好局)."""
    if not _PLAN_PERIOD.search(words):
        return False
    # 建议2025年…, but not 到2025年 (the plan's end)
    if year is not None and any(year_of(y.group(1)) == year and not re.search(r"(?:到|至)\s*$", words[:y.start()])
                                for y in YEAR.finditer(words)):
        return False
    return not re.search(r"今年|本年|明年|开局|开好局|起好步|开篇|开门红", words)


# What a report says after its targets: 确定以上目标…, 实现上述目标…, 重点抓好以下工作, a sentence
# opening on 在实际工作中 (在实际工作中，我们将…力争全年新开工亿元以上项目200个以上)
_AFTERWORD = rx(r"(?:上述|以上|这些|以下)(?:预期|主要)?(?:目标|工作)|实现(?:上述|以上|这些)"
                r"|(?<![^。\n])\s*在实际工作中")


_GROWTH_WORDS = "增长|增速|增幅|涨幅|上涨|提高|降低|下降|降幅|减少"
_GROWTH_COLUMN = rx(rf"(?:{_GROWTH_WORDS})(?:率)?$")


def _cells(text: Text, a: int, b: int) -> list[str]:
    row = text.joined[a:b].strip()
    if not row.startswith("|"):
        return spaced_cells(row)  # 地区生产总值增长 % 8.7 7左右: a PDF's table, its cells a space apart
    return [c.strip() for c in row.strip("|").split("|")]


# 其他主要指标安排如下：表1 2022年…主要预期目标: the end of a paragraph that leads to a table, its
# caption joined to it
_TABLE_LEAD = rx(r"[^。;]*:[^。;:%]{0,40}$")


# 地区生产总值增长6%左右，其他主要指标见下表。: a sentence of targets that leads to a table of the rest
_SEE_TABLE = rx(r"(?:见|如)(?:下表|附表|表\s*\d)")


_TABLE_ROWS_MAX = 40  # paragraphs: a table's caption, header and rows


def _table_rows(text: Text, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The rows of the table the paragraphs open with, a caption (表1 主要预期目标) aside: a
    Markdown table's, or a spaced table's (its header, then the lines of as many cells)."""
    rows: list[tuple[int, int]] = []
    width = 0  # a spaced table's cells a row; 0 for a Markdown table
    for qa, qb in paras:
        line = text.joined[qa:qb].strip()
        if line.startswith("|") and (not rows or not width):
            rows.append((qa, qb))
        elif rows and width and (is_spaced_row(line, width) or is_wrapped_name(line) or is_wrapped_cells(line, width)):
            rows.append((qa, qb))
        elif not rows and is_spaced_header(cells := spaced_cells(line)):
            rows.append((qa, qb))
            width = len(cells)
        elif rows or len(line) > 60:
            break
    return rows


def _table_after(text: Text, parser: Parser, paras: list[tuple[int, int]], pi: int,
                 year: int | None) -> tuple[list[Item], int]:
    """The targets of the table after paragraph `pi`, and where they end; and a target in the
    paragraph after it that says it goes with them (同时，完成省下达的节能减排目标任务)."""
    rows = _table_rows(text, paras[pi + 1:pi + 1 + _TABLE_ROWS_MAX])
    table = _table_targets(text, parser, rows, year)
    if not table:
        return [], paras[pi][1]
    more, end = _besides(text, parser, paras, rows[-1][1], 0)
    return table + more, end


_EXPLANATIONS = 1  # paragraphs on the targets set that may stand before 同时，… and more of them


def _besides(text: Text, parser: Parser, paras: list[tuple[int, int]], end: int,
             skip: int = _EXPLANATIONS) -> tuple[list[Item], int]:
    """The targets a paragraph after those ending at `end` adds to them (同时，完成省下达的节能减排
    目标任务), after at most `skip` paragraphs that explain them (这些目标，既考虑了…); and where
    they end. Only common indicators: 同时，… may open a paragraph of the year's work too."""
    for qa, qb in [(qa, qb) for qa, qb in paras if qa >= end][:skip + 1]:
        if _BESIDES.match(text.joined, qa, qb):
            more = parser.sentence(qa, qb, "target")
            if more and all(it.ind.id in LEXICON_IDS for it in more):
                return more, qb
            break
        if parser.sentence(qa, qb, "target"):
            break
    return [], end


class _Layout(NamedTuple):
    """A table's columns: how many, which holds the names, the units, a class of indicator (经济发展,
    a cell a PDF's text gives only on the first row of its class), and which hold no wrapped cell."""

    width: int
    name_col: int
    unit_col: int | None
    classes: set[int]
    fixed: set[int]


def _joined_rows(text: Text, rows: list[tuple[int, int]], layout: _Layout, complete, unit_like):
    """(start, end, cells) of each row of a table: a cell a wide table left empty put back (a class
    given on another row, a blank unit), and the rest of cells wrapped onto a line of their own
    joined to the cells they end (a name, 与经济增长 + 同步) of the row before it."""
    width, name_col, unit_col, classes, fixed = layout
    out: list[tuple[int, int, list[str]]] = []
    for qa, qb in rows:
        cells = _cells(text, qa, qb)
        if len(cells) == width - 1:
            for p in [*sorted(classes), *([unit_col] if unit_col is not None else [])]:
                trial = cells[:p] + [""] + cells[p:]
                if unit_col is None or unit_like(trial[unit_col]):
                    cells = trial  # 3.规模以上工业总产值增长 % 6 8.6 6 (no class), 单位…能耗 完成… (no unit)
                    break
        if not out or len(cells) >= width - 1:
            out.append((qa, qb, cells))
            continue
        start, _, before = out[-1]
        open_ = [i for i, c in enumerate(before) if i not in fixed and not complete(c)]
        if len(cells) == 1:  # the name's rest, unless another cell is left open (与经济增长 / 同步) or
            # it ends a task (完成省下达 / 任务)
            texts = [i for i in open_ if i != name_col] or [
                i for i, c in enumerate(before) if _TASK_CELL.search(cells[0]) and i not in fixed | {name_col}
                and _TASK_CELL.search(c)]
            open_ = texts[-1:] or [name_col]
        elif len(open_) != len(cells):
            open_ = sorted(set(open_) | {i for i in classes if before[i]})  # 驱动 生产总值比重
        slots = open_ if len(open_) == len(cells) else list(range(len(before)))[-len(cells):]
        for i, rest in zip(slots, cells, strict=True):
            before[i] += rest
        out[-1] = (start, qb, before)
    return out


# 与经济增长同步, 完成省下达任务, 份额稳中有升: a cell of a target with no number
_TASK_CELL = rx("同步|任务|下达|平衡|稳中|稳定|正增长")
_TASK_OPEN = rx(r"(?:下达|完成|的)$")  # 完成市下达 / 任务: a task cell a narrow column wraps
_CELL_VERB = "稳定在|保持在|达到|力争"  # 稳定在400以上: a cell's number after the verb of its target
_CELL_GROWTH = rx(_GROWTH_WORDS)


_DONE = "预计|完成|实际|执行"  # a column of the year's results, not of its plan


def _columns(header: list[str], year: int | None, kind: str) -> tuple[int, int, int | None] | None:
    """The columns of a table's targets (`kind` target) or results (actual) of `year`, their names
    and their units, or None."""
    if kind == "actual":  # | 2024年计划 | 2024年预计完成 | 完成情况 |: the figures, not the verdict
        columns = [i for i, h in enumerate(header) if re.search(_DONE, h) and not re.search("目标|计划|情况|比", h)]
    else:
        columns = [i for i, h in enumerate(header) if re.search("目标|计划", h) and not re.search(_DONE, h)]
    if not columns and kind == "target":
        # under 主要预期目标, the column of the target year (| 2024年 | 2025年 |)
        years = {i: year_of(y.group(1)) for i, h in enumerate(header) if (y := YEAR.search(h + "年"))
                 and not re.search(_DONE, h)}
        want = year if year is not None else max(years.values(), default=None)
        columns = [i for i, y in years.items() if y == want]
    if year is not None and any(str(year) in header[i] for i in columns):
        columns = [i for i in columns if str(year) in header[i]]
    if len(columns) != 1 or (kind == "actual" and year is not None and YEAR.search(header[columns[0]])
                             and str(year) not in header[columns[0]]):
        return None
    col = columns[0]
    named = [i for i, h in enumerate(header) if HEADER_NAME.search(h) and i != col]
    name_col = named[0] if named else next((i for i, h in enumerate(header) if i != col and not re.search(
        "序号|编号|^$", h)), None)
    unit_col = next((i for i, h in enumerate(header) if "单位" in h and i not in (col, name_col)), None)
    if name_col is None:
        return None
    return col, name_col, unit_col


def _table_targets(text: Text, parser: Parser, rows: list[tuple[int, int]], year: int | None,
                   kind: str = "target") -> list[Item]:
    """The targets column of a table of the main targets (| 指标 | 单位 | 2024年预计 | 2025年目标 |),
    or with `kind` actual the column of the year's results (| 2024年预计完成 |)."""
    number, units = _cell_patterns()
    if len(rows) < 3:
        return []
    header, body = _cells(text, *rows[0]), rows[1:]
    more = _cells(text, *body[0])
    if len(more) < len(header) - 1 and not re.search(r"\d", "".join(more)):
        # 序号 指标名称 单位 2024年 2025年 / 预计完成 预期目标: a header's cells wrapped onto a line,
        # under its years' columns (序号 指标 单位 2022年 属性 / 目标) or else its last ones
        years = [i for i, h in enumerate(header) if YEAR.search(h + "年")]
        under = years if len(years) == len(more) else list(range(len(header) - len(more), len(header)))
        wrapped = dict(zip(under, more, strict=True))
        header = [h + wrapped.get(i, "") for i, h in enumerate(header)]
        body = body[1:]
    elif len(more) == len(header) and "" in more and not any(number.fullmatch(c) or _TASK_CELL.search(c) for c in more):
        # | 类别 | 指标名称 | 单位 | 2024年 | 2024年 | over |  |  |  | 计划 | 预计完成 |: a header of two rows
        header = [h + m if m != h else h for h, m in zip(header, more, strict=True)]
        body = body[1:]
    found = _columns(header, year, kind)
    if found is None:
        return []
    col, name_col, unit_col = found
    # | 预计完成 | 增长(%) |: a column of the results' growths beside that of their levels
    grown = next((i for i, h in enumerate(header) if kind == "actual" and i not in (col, name_col, unit_col)
                  and re.search("增长|增速|增幅|同比", h) and not re.search(f"{_DONE}|目标|计划|年均|平均", h)), None)

    def unit_like(cell: str) -> bool:
        return not cell or bool(units.fullmatch(cell) or _DASH.fullmatch(cell))

    def complete(cell: str) -> bool:
        return unit_like(cell) or bool(number.fullmatch(cell)
                                       or _TASK_CELL.search(cell) and not _TASK_OPEN.search(cell))

    items: list[Item] = []
    classes = {i for i, h in enumerate(header) if i != name_col and re.fullmatch("类别|分类|领域|类型", h)}
    # 属性 (预期性, 约束性) and such columns hold no wrapped cell: a unit and a class are whole
    fixed = classes | {i for i, h in enumerate(header) if i == unit_col or re.search("属性|性质|备注", h)}
    layout = _Layout(len(header), name_col, unit_col, classes, fixed)
    for qa, qb, cells in _joined_rows(text, body, layout, complete, unit_like):
        if len(cells) != len(header) or all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
            continue
        unit = cells[unit_col] if unit_col is not None else ""
        row = _row_items(parser, cells[name_col], cells[col], unit, kind, (qa, qb))
        if grown is not None and (row or _DASH.fullmatch(cells[col].strip())):
            row = _with_growth(parser, row, cells[name_col], cells[grown], kind, (qa, qb))
        items += row
    return items


def _with_growth(parser: Parser, row: list[Item], name: str, cell: str, kind: str,
                 quote: tuple[int, int]) -> list[Item]:
    """A row's items with the growth of its column of growths: the level's growth, or the row's
    growth alone where its level is left blank (| 规模以上工业增加值 | 亿元 | — | 8.4 |)."""
    if len(row) == 1 and row[0].metric == "value" and row[0].growth is None:
        rise = _row_items(parser, name + "增长", cell.strip(), "%", kind, quote)
        if len(rise) == 1 and rise[0].ind.id == row[0].ind.id:
            row[0].growth, row[0].growth_qualifier = rise[0].growth, rise[0].qualifier
        return row
    if not row and not _GROWTH_COLUMN.search(name):
        return _row_items(parser, name + "增长", cell.strip(), "%", kind, quote)
    return row


_DASH = rx(r"[-—–/／]+")  # a cell left blank on purpose


@cache
def _cell_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A table cell's number with its qualifier and perhaps its unit (6.5以上, -2.3 for a fall, 3.5万人),
    and a unit cell (亿元, 万人, %)."""
    from ..units import COUNT_UNITS, DIMENSIONS, MAGNITUDES
    from ..vocab import QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES

    unit = rf"(?:{alternation(m for m, _ in MAGNITUDES)})?(?:{alternation([*DIMENSIONS, *COUNT_UNITS])})"
    number = rx(rf"(?:{_CELL_VERB})?(?P<pre>{alternation(QUALIFIER_PREFIXES)})?\s*"
                        rf"(?P<num>-?\d+(?:\.\d+)?)\s*(?P<unit>%|{unit})?\s*(?P<post>{alternation(QUALIFIER_SUFFIXES)})?")
    return number, rx(unit)


def _row_items(parser: Parser, raw: str, cell: str, unit: str, kind: str, quote: tuple[int, int]) -> list[Item]:
    """The figure of a table's row (the tasks, when a task names several), from its name, the cell of
    the column read, and its unit."""
    number, units = _cell_patterns()
    inner = re.search(r"\(([^()]*)\)\s*$", raw)
    if inner and not unit:
        unit = inner.group(1).strip()
    # 1.地区生产总值增长, 其中：工业投资增长: the name without its list number
    name = re.sub(r"^(?:\d{1,2}[.、]|其中:?)", "", re.sub(r"[\s*]", "", re.sub(r"\([^()]*\)", "", raw)))
    if not name or AVERAGE.search(name) or re.search("年均|累计", ANNUAL_MEAN.sub("浓度", name) + unit):
        return []
    verb = _GROWTH_COLUMN.search(name)
    base = name[:verb.start()] if verb else name
    if verb and base.endswith(("涨", "增")):
        return []
    said = None if verb else _CELL_GROWTH.match(cell.strip())
    if said:  # | 地区生产总值 | 增长5.5%左右 |: the verb in the cell
        verb, cell = said, cell.strip()[said.end():]
    m = number.fullmatch(cell)
    if _TASK_CELL.search(cell) and not m:
        if kind != "target":
            return []  # 完成省下达目标 among the results: a verdict, not a figure
        # 单位地区生产总值能耗和二氧化碳排放降低: a task of each name
        names = parser.shared_head(re.split(r"[和、]", base)) if re.search("[和、]", base) else [base]
        if not all(valid_name(n) for n in names):
            return []
        inds = parser.energy_task(names, [parser.r.resolve(n, (name,) if len(names) == 1 else ()) for n in names])
        return [Item(kind, ind, "task", *quote, quote[0]) for ind in inds if ind.known or "下达" in cell]
    if not m or (unit and m.group("unit") and m.group("unit") != unit and unit != "%"):
        return []
    unit = unit or m.group("unit") or ""  # | 城镇新增就业 | 3.5万人 |: a table without a column of units
    qualifier = qualifier_of(m.group("post"), m.group("pre"))
    value = number_of(m.group("num"))
    if verb and unit in ("%", ""):
        if not valid_name(base) or not (parser.plausible(base, Measure("growth", 0, 0, verb=verb.group()))):
            return []
        growth = -value if verb.group().rstrip("率") in NEGATIVE else value
        return [Item(kind, parser.r.resolve(base, (name,)), "growth", *quote, quote[0], None, "%", growth, qualifier)]
    if verb or value < 0 or not unit or not valid_name(name) or (unit == "%" and not RATE.search(name)) \
            or not units.fullmatch(unit) or not parser.plausible(name, Measure("value", 0, 0)):
        return []
    return [Item(kind, parser.r.resolve(name, (), unit), "value", *quote, quote[0], value, unit, None, qualifier)]


def results_table(text: Text, parser: Parser, start: int, end: int, year: int | None,
                  have: list[Item]) -> list[Item]:
    """The figures of the common indicators `have` lacks from the tables of the year's results
    between `start` and `end` (| 指标 | 单位 | 2022年计划 | 2022年预计完成 |), the first of each."""
    paras = [(a, b) for a, b in text.paragraphs() if start <= a < end]
    taken = {(it.ind.id, it.metric) for it in have} | {(it.ind.id, "growth") for it in have if it.growth is not None}
    out: list[Item] = []
    pi = 0
    while pi < len(paras):
        head = text.joined[paras[pi][0]:paras[pi][1]].lstrip()
        rows = _table_rows(text, paras[pi:pi + 1 + _TABLE_ROWS_MAX]) if head[:1] == "|" or HEADER_NAME.search(head) \
            else []
        if not rows or rows[0] != paras[pi]:
            pi += 1
            continue
        for it in _table_targets(text, parser, rows, year, "actual"):
            if it.ind.id in LEXICON_IDS and (it.ind.id, it.metric) not in taken:
                taken.add((it.ind.id, it.metric))
                out.append(it)
        pi += len(rows)
    return out


def _listed(text: Text, a: int, b: int) -> bool:
    return bool(LIST_START.match(text.joined[a:b].lstrip()))


# What may stand before the target a paragraph opens on: 同时，要完成省下达的…目标任务; 同时，确保完成
# 约束性指标：单位地区生产总值能耗下降2.6%
_OPENING = rx(r"\s*(?:(?:同时|此外|另外)\s*,?\s*(?:还)?(?:要|确保|力争)?\s*(?:完成)?\s*(?:[^,;。:]{0,8}指标)?"
                      r"\s*:?)?\s*")
_LEADS_ON = rx(r"(?:如下|下列|以下)\s*[。:]?\s*$")
# 提出地区生产总值增长10%以上的目标，主要考虑是：… a paragraph that explains a target set
_EXPLAINED = rx(r"的目标|主要考虑|考虑是|主要是考虑")
# 这一目标与省定目标相衔接…, 主要考虑…: a target's reasons, in the sentences after it
_REASON = rx(r"\s*(?:这一目标|该目标|这个目标|上述目标|主要考虑|考虑到|充分考虑|既考虑|与[^,;。]{1,20}相衔接"
             r"|(?:全年|年度)计划(?:实施|安排|新开工|建设|投资))")


def _before_reason(text: Text, a: int, b: int) -> int:
    """Where the sentences of a target's paragraph that give its reasons, or the works planned to reach
    it (全年计划实施500万元以上项目260个), begin, or `b`."""
    return next((qa for qa, _ in _sentences(text, a, b)[1:] if _REASON.match(text.joined, qa)), b)


# 从分项指标看，规模以上工业增加值增长12%…: a paragraph of more targets after the main ones
_MORE_TARGETS = rx(r"\s*(?:从|在)?(?:分项|其他|其余|具体)(?:主要)?(?:指标|目标)(?:上|看|来看|方面)?\s*[,:]")
# 经济发展方面，…  在民生改善方面, 创新驱动：…, (二)结构优化目标：…: the targets of one topic, a paragraph each
_TOPIC = rx(r"(?:\([一二三四五六七八九十]{1,2}\)\s*)?(?:(?:在)?[\u4e00-\u9fff、和]{2,12}方面\s*[,:]"
                    r"|[\u4e00-\u9fff]{2,6}\s*:)")

_TOPIC_HEAD = rx(r"\s*\([一二三四五六七八九十]{1,2}\)\s*[\u4e00-\u9fff]{2,8}\s*。\s*")


def _topic_line(text: Text, a: int, b: int) -> bool:
    return bool(_TOPIC.match(text.joined[a:b].lstrip()))


def _numbered_line(text: Text, a: int, b: int) -> bool:
    """A target on a line of its own numbered as a section is ((三)全社会固定资产投资增长3%以上。):
    one short sentence, not a section's heading and its text ((一)扩大有效投资。全年计划…)."""
    line = text.joined[a:b].strip()
    return (bool(SECTION_NUMBER.match(line)) and len(line) <= 60 and line[-1:] in "。;"
            and len(_sentences(text, a, b)) == 1)


def _blocks(text: Text, limit: int) -> list[list[tuple[int, int]]]:
    """Paragraphs before `limit`, a paragraph ending in ：or ；together with the list lines after it."""
    blocks: list[list[tuple[int, int]]] = []
    open_list = False
    for pa, pb in text.paragraphs():
        if pa >= limit:
            break
        pb = min(pb, limit)
        if blocks and open_list and _listed(text, pa, pb):
            blocks[-1].append((pa, pb))
        else:
            blocks.append([(pa, pb)])
            open_list = text.joined[pa:pb].rstrip()[-1:] in ":;"
    return blocks


_PART_OF_YEAR = rx(r"(?P<part>\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月|前三季度|上半年|[一二三四]季度"
                           r"|[1-4一二三四]\s*[-—–~至到]\s*[1-4一二三四]\s*季度"
                           r"|前[一二三四五六七八九十\d]{1,2}个?月)|全年")
_OPENING_PART = rx(rf"\s*(?:{_PART_OF_YEAR.pattern})")
# A paragraph of a government work report that opens on these words reviews five years, not the
# year reported on ("十四五"时期是…的五年, 五年来, 透过2025回望"十四五", 展望"十四五"; not 连续十五年保持稳定); these
# words bring back the year. (The five years' transition after the end of poverty, 五年过渡期, are no review.)
_OTHER_PERIOD = rx(r"(?<![\d十百一二两三四六七八九续])五年(?!过渡期)|十[一二三四五]五”?(?:时期|期间|以来)|回望|展望")
_NUMBERED = rx(r"(?P<section>\([一二三四五六七八九十]+\))|(?P<item>\(\d{1,2}\))"
                       r"|(?P<digit>\d{1,2}\s*[.、](?!\d))|(?P<ordinal>[一二三四五六七八九十]+是)")
_THIS_YEAR = rx(r"过去一年|过去的一年|一年来|刚刚过去的|^(?:各位代表[!！,，]\s*)?(?:19|20)\d{2}\s*年")


def _whole_year(text: Text, it: Item, sentence_start: int) -> bool:
    """Not a figure of part of the year (1-11月，固定资产投资增长15.2%; 前三季度…). A sentence that
    opens on the part (1—11月，进出口总额…；实际利用外资…) gives it to all its clauses."""
    said = text.last_clause_match(_PART_OF_YEAR, it.at)
    if said is None:
        said = _OPENING_PART.match(text.joined, sentence_start, it.at)
    return said is None or not said.group("part")


def _periods(text: Text, blocks: list[list[tuple[int, int]]]) -> list[bool]:
    """Whether each block is about the year reported on, not a review of five years. A numbered
    paragraph that reviews five years ends at the next of its numbering ((二)“十三五”发展成效显著。
    五年来… / (三)绿色发展优势巩固。…); a paragraph without a number, at the year's words."""
    out, other, opener = [], False, None
    for block in blocks:
        pa, pb = block[0]
        line = text.original[text.pos[pa]:text.pos[pb - 1] + 1]
        head = text.joined[pa:pb].lstrip()[:60]
        if not is_heading(line):
            numbered = _NUMBERED.match(head)
            number = numbered.lastgroup if numbered else None
            if _OTHER_PERIOD.search(head):
                opener = opener if other else number  # not (二)五年累计… under 五年来，我们主要做了以下工作：
                other = True
            elif _THIS_YEAR.search(head) or (other and number is not None and number == opener):
                other = False
        out.append(not other)
    return out


# paragraphs a summary of the year may go on over: more when they are a list, a topic or an indicator a line
_SUMMARY_PARAGRAPHS = 5
_SUMMARY_TOPICS = 14
_DASHED = rx(r"\s*——")


def actual_sentences(text: Text, parser: Parser, limit: int, targeted: frozenset[str] = frozenset(),
                     work_report: bool = True) -> tuple[list[Item], int]:
    """The items of the summary of last year, and where it starts: the first paragraph (with
    its list lines) before the targets whose sentences name two or more common headline indicators.
    A report states its headline figures all over its review of the year too (jobs under 民生, trade
    under 开放): the common headline indicators the summary lacks are taken from there, the first
    figure of each, leaving out a review of five years. A plan report's sections after its summary
    tell the year's work: they add the indicators of `targeted` (those it sets targets for), and
    others only where a sentence opens on the figure (（三）对外开放。进出口总额452.8亿元…), not
    where the work done brings it about (落实稳岗政策，实现城镇新增就业1.88万人). `work_report`: the
    header's kind (header.py) is a government work report."""
    blocks = _blocks(text, limit)
    found: dict[int, list[Item]] = {}
    periods = _periods(text, blocks)
    this_year = periods if work_report else [True] * len(blocks)

    def items_of(i: int) -> list[Item]:
        if i not in found:
            block, chosen = blocks[i], []
            for k, (pa, pb) in enumerate(block):
                for sa, sb in _sentences(text, pa, pb):
                    items = [it for it in parser.sentence(sa, sb, "actual") if _whole_year(text, it, sa)]
                    if len(block) > 1 and (parser.label_of(*_sentences(text, pa, pb)[0]) or k > 0 and _DASHED.match(
                            text.joined, pa)):
                        # 4.社会消费品零售总额。…其中，限额以上批发零售业零售额增长6.3%; ——投资保持较快增长。…
                        # 其中基础设施投资增长10.2%: the details of a list of the year's indicators
                        items = [it for it in items if it.ind.known]
                    if any(it.ind.known for it in items) or len(block) > 1:
                        chosen += items
            found[i] = chosen
        return found[i]

    for i in range(len(blocks)):
        if not this_year[i]:
            continue
        chosen = items_of(i)
        pa, pb = blocks[i][0]
        # ——经济运行稳中向好。…, 1.地区生产总值。预计…: a list of one topic or indicator a line
        topic = text.joined[pa:pb].lstrip().startswith("——") or parser.label_of(*_sentences(text, pa, pb)[0])
        if sum(it.ind.known for it in chosen) < (1 if topic else 2):
            continue
        # the summary may go on in the next paragraphs (全年实现地区生产总值…。 / 规上工业增加值…。),
        # or be a list of ——topic lines; a section (（一）产业发展。…) ends it
        last = i
        dashes = topic or i + 1 < len(blocks) and bool(_DASHED.match(text.joined, blocks[i + 1][0][0]))
        for j in range(i + 1, min(i + 1 + (_SUMMARY_TOPICS if dashes else _SUMMARY_PARAGRAPHS), len(blocks))):
            pa, pb = blocks[j][0]
            line = text.original[text.pos[pa]:text.pos[pb - 1] + 1]
            if is_heading(line) or HEADING.match(line.strip().lstrip("#*").strip()) or line.lstrip().startswith("#"):
                break
            if _DEEDS.match(text.joined[pa:pb]):
                break  # 这一年，我们着力稳增长…: the year's work, told after its figures
            more = items_of(j)
            if not any(it.ind.known for it in more) or not this_year[j]:
                break
            chosen = chosen + [it for it in more if it.ind.known]
            last = j
        if sum(it.ind.known for it in chosen) >= 2:
            if work_report:
                chosen = chosen + _swept(text, blocks, this_year, items_of, chosen, range(i, last + 1),
                                         scope=parser.scope)
            else:
                # a plan report's review of the year that opens on its first section (（一）经济运行
                # 稳中有进。全年地区生产总值…) goes on in the next (（二）民生福祉持续改善。城镇新增就业…):
                # read whole, up to its next chapter
                end = next((j for j in range(last + 1, len(blocks)) if _chapter(text, blocks[j])), len(blocks))
                only = None if _in_section(text, blocks, i) else targeted
                chosen = chosen + _swept(text, blocks[:end], periods[:end], items_of, chosen, range(i, last + 1),
                                         only, parser.scope)
            return chosen, blocks[i][0][0]
    if work_report:
        # no paragraph sums the year up (——经济运行稳中快进。…全年一般公共预算收入预计突破80亿元…)
        swept = _swept(text, blocks, this_year, items_of, [], range(0), scope=parser.scope)
        if swept:
            return swept, min(it.start for it in swept)
    return [], 0


_DEEDS = rx(r"\s*(?:这一年|一年来|过去一年)?\s*,?\s*我们")

# The year a report reviews: 一、2024年工作回顾, 刚刚过去的2025年, 2014年，全区…, 2024年国民经济和
# 社会发展计划执行情况 (but not 2025年主要工作安排, the year planned)
_REVIEWED = rx(r"((?:19|20)\d{2})\s*年(?:工作回顾|主要工作(?!安排|任务|打算)|是|,"
                       r"|(?:国民经济和社会发展)?计划执行)|(?:刚刚)?过去的((?:19|20)\d{2})\s*年")


def _in_section(text: Text, blocks: list[list[tuple[int, int]]], i: int) -> bool:
    """Whether block `i` opens a section (（一）经济运行稳中有进。…) or stands under its heading."""
    pa, pb = blocks[i][0]
    if HEADING.match(text.joined[pa:pb].lstrip("#* ")):
        return True
    if i == 0:
        return False
    pa, pb = blocks[i - 1][0]
    line = text.original[text.pos[pa]:text.pos[pb - 1] + 1].strip()
    return is_heading(line) and bool(HEADING.match(line.lstrip("#* "))) and not _chapter(text, blocks[i - 1])


def _opens_sentence(text: Text, it: Item) -> bool:
    """Whether the clause of a figure opens its sentence (城镇新增就业5.3万人，…), rather than
    following the work that brought it about (…促进重点群体就业，实现城镇新增就业1.88万人)."""
    return not _CLAUSE_MARK.search(text.joined, text.clause_start(it.start), it.start)


def _chapter(text: Text, block: list[tuple[int, int]]) -> bool:
    """Whether a block opens a chapter (二、2025年主要预期目标, 第二部分)."""
    pa, pb = block[0]
    line = text.original[text.pos[pa]:text.pos[pb - 1] + 1].strip()
    return is_heading(line) and bool(_CHAPTER.match(line.lstrip("#* ")))


# 衡阳综合保税区发展提速, 高新区…: a clause on an area inside the region (its name first), whose
# figures a section of the review goes on to tell
# (全年园区完成固定资产投资486.5亿元，实现规模以上工业增加值185.3亿元; 仙葫经济开发区新签约项目24个，完成
# 工业投资18.7亿元: its figures that go on)
_ZONE = rx(rf"(?<![^,;:。\n])\s*[\u4e00-\u9fff]{{0,10}}(?:{'|'.join(ZONE_WORDS)})"
           r"(?:[\u4e00-\u9fff]{0,6}|(?:完成|实现|新签约|新引进|引进|新增)[^,;。]*),")


_CLAUSE_MARK = rx("[,:]")
# …完成固定资产投资126.5亿元，占全区的32.8%: the figure of a part, told as its share of the region
# whose report it is (not 占全省的六分之一 in a city's)
_SHARE_OF_REGION = rx(r"\s*,?\s*占(全[区市县省国州旗盟])")
# 进出口总额28.6亿元、增长12.1%，其中出口21.3亿元: from the figure taken to the part's number
_PART = rx(r"[^;。]*,\s*其中[^,;。]*")


def _part_of(text: Text, it: Item, taken: list[Item]) -> bool:
    """Whether a figure is the 其中 part of the one just taken, in the clause after it."""
    return bool(taken and taken[-1].at < it.at and _PART.fullmatch(text.joined, taken[-1].at, it.at))


_YEAR_OPENS = rx(r"\s*((?:19|20)\d{2})\s*年\s*,")


def _opening_year(text: Text, at: int) -> list[int]:
    """The year a sentence opens on (2016年，全市地区生产总值…；财政收入…), which its later clauses
    share: in a review of five years, what dates them."""
    s = text.joined
    start = max(s.rfind("。", 0, at), s.rfind("\n", 0, at)) + 1
    m = _YEAR_OPENS.match(s, start, at)
    return [year_of(m.group(1))] if m else []


# 全年粮食播种面积21.6万亩，粮食总产量8.92万吨: the year's whole, said at a clause's opening
_WHOLE_YEAR = rx(r"(?<![^,:;。\n])\s*全年")


def _swept(text: Text, blocks, this_year: list[bool], items_of, chosen: list[Item], summary: range,
           only: frozenset[str] | None = None, scope: str | None = None) -> list[Item]:
    """The first figure of each common indicator (of the lexicon) the summary lacks, from the other
    paragraphs of the review of the year (none of another year: 2023年…, 年均, 累计); of `only`, if
    given (no ceiling), or one whose sentence opens on it and gives it unbounded.
    Also the level of one the summary gives the growth of alone (城镇和农村居民人均可支配收入分别达到
    45800元、19850元 under 民生), without its growth, and the growth of one it gives the level of alone."""
    have = {it.ind.id for it in chosen}
    grown = {it.ind.id for it in chosen if it.metric == "growth"} - {it.ind.id for it in chosen
                                                                        if it.metric != "growth"}
    # 全年地区生产总值4100亿元 in the summary, 全年地区生产总值增长3.6% in a section: the growth too
    leveled = {it.ind.id for it in chosen if it.metric == "value" and it.growth is None} - {
        it.ind.id for it in chosen if it.metric == "growth" or it.growth is not None}
    out: list[Item] = []
    first = blocks[0][0][0] if blocks else 0
    reviewed = _REVIEWED.search(text.joined, first, blocks[-1][-1][1]) if blocks else None
    year = next((year_of(y) for y in reviewed.groups() if y), None) if reviewed else None
    for i in range(len(blocks)):
        if i in summary or (not this_year[i] and year is None):
            continue
        for it in items_of(i):
            level = it.ind.id in grown and it.metric == "value"
            rise = it.ind.id in leveled and it.metric == "growth"
            if it.ind.id not in LEXICON_IDS or (it.ind.id in have and not (level or rise)):
                continue
            if len(it.ind.name) < 3 and not _part_of(text, it, out):
                continue  # 奇瑞…出口93万辆: a bare short name in a section is too often another's figure
            if it.metric == "task":
                continue  # 完成省下达的节能减排任务 in a section: a deed told, not a figure of the year
            share = _SHARE_OF_REGION.match(text.joined, it.end)
            if text.clause_matches(_ZONE, it.at) or (share and share.group(1) == scope):
                continue  # 衡阳综合保税区发展提速，全年完成进出口总额85.6亿元; …126.5亿元，占全区的32.8%: a part's
            if only is not None and (it.qualifier == "at_most" or it.ind.id not in only and (
                    it.qualifier in ("at_least", "more_than") or not _opens_sentence(text, it))):
                continue  # 城镇调查失业率控制在4.2%, 空气质量优良率保持在99.5%以上: a bound kept, not the figure
            said = [year_of(m.group(1)) for m in text.clause_matches(YEAR, it.at)] or _opening_year(text, it.at)
            whole = bool(text.clause_matches(_WHOLE_YEAR, it.at))
            if any(y != year for y in said) or not (this_year[i] or said or whole):
                continue  # a review of five years names the year's own figures by their year (2016年…, 全年…)
            have.add(it.ind.id)
            grown.discard(it.ind.id)
            leveled.discard(it.ind.id)
            out.append(replace(it, growth=None, growth_qualifier=None) if level else it)
    return out
