"""Parse clauses: a sentence into items, each a name with its level, growth or task."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from ..units import COUNT_UNITS
from .compiled import rx
from .text import Text
from .measures import Measure, NEGATIVE, alternation, find_measures, measure_pattern
from .names import (AVERAGE, ENERGY_TASK, EXCLUDING, Ind, LEAD, NOUN_END, RATE, Resolver, SHARE, SIZE_CLASS,
                    TARGET_LEAD_INS, clean_name, OWN, SCENE, of_another_region, valid_name)


@dataclass
class Item:
    """One figure read from the text, before it becomes a record."""

    kind: str  # actual | target
    ind: Ind
    metric: str
    start: int  # the quote: joined[start:end]
    end: int
    at: int  # where its number is (statuses are read before it)
    value: int | float | None = None
    unit: str | None = None
    growth: int | float | None = None
    qualifier: str = "exact"
    growth_qualifier: str | None = None  # of a growth printed with a level
    ranged: bool = False  # its level was a range: only a growth printed with it is kept


_TASK = rx(r"(?<!未)(?<!未能|没有|没能|难以)完成了?"  # but 等指标未能完成年初确定的…目标: not done
                   r"(?P<body>[^,;。:]+?)(?:任务|(?:目标|指标)(?=\s*(?:[,;。]|$)))"
                   r"|控制在(?P<ceiling>[^,;。:]*?(?:下达|[市省州县]定)[^,;。:]*?)(?:目标|任务|指标|计划)(?:以内|之内|范围内|内)"
                   r"|(?<=指标)(?:全面|圆满|如期|按时|均)?完成\s*$"  # 单位…能耗降低等约束性指标全面完成
                   r"|(?<=约束性指标)(?:全面|均|都)?达到(?P<reach>[^,;。:]*?)(?:要求|任务|目标)\s*$")
# Who set the task: 市下达的, 省定, 呼伦贝尔市确定的
_ISSUED = rx(r"^(?:[^、,;]{1,8}、)?[^、,;]{0,8}?(?:下达|确定|规定|分解|[省市州县区盟旗]定)(?:的)?")
_SYNC = rx(r"(?P<name>[^,;。:]+?)(?:实际)?(?:增长)?\s*(?:与|和|同)"
                   r"(?:经济增长|经济发展|地区生产总值增长|国内生产总值增长)(?:保持)?(?:基本)?(?:同步|相匹配|相适应|协调)")
# 农村居民可支配收入高于经济增长水平, 居民收入增长快于经济增长, 城镇居民收入增速高于全国平均水平:
# a target of keeping ahead, a task
_AHEAD = rx(r"(?P<name>[^,;。:]+?)(?:实际)?(?:增长|增速)?(?:略|要|稳步)?(?:高于|快于|跑赢|不低于|不慢于)"
                    r"(?:经济增长|经济发展|地区生产总值增长|国内生产总值增长|GDP增长|经济增速|全国|全省"
                    r"|城镇居民(?:收入)?(?:增长|增速)?)"
                    r"(?:平均)?(?:速度|水平)?(?:、[^,;。:]*)?\s*$")
_RATE_GIVEN = rx(r"\d\s*%")
_BALANCE = rx(r"(?P<name>[\u4e00-\u9fff]{0,4}收支)(?:保持)?(?:基本)?平衡")
_MILESTONE = rx(r"(?P<name>[^,;。:]+?)(?:首次|历史性|成功)?(?:突破|超过|跨越|迈上|站上|跃上|迈过)"
                        r"[^,;。:\d]{1,8}(?:大关|台阶|关口|规模|级)$")
_SHARE_OF_PLAN = rx(r"(?:完成|占|为|达)(?:年度|全年|年)?(?:预算|计划|目标|任务)(?:数)?的?")
_SPACE = rx(r"\s")
_NOT_WORD = rx(r"\W")
_SHARED = rx(r"分别|(?<![平年])均$")  # of a lead before several numbers: one name each, or one for all
_MEASURE_OF = rx(r"(?:播种)?面积$|总?产量?$|单产$")
_RESIDENTS = rx(r"(城镇|农村)(?:常住)?(?:居民)?")
_STEADY = rx(r"(?P<name>[^,;。:]+?)(?:总体|基本|继续)?(?:保持|实现)?(?:基本)?(?:稳定|平稳)(?:增长)?"
                     r"(?:、[^,;。:、]{1,8})?\s*$"  # 进出口总额保持稳定、份额稳中有升
                     r"|(?P<name2>[^,;。:]+?)(?:保持|实现)?(?:促稳提质|保稳提质|稳中提质|稳中有进|稳规模、?优结构|只增不减|有增无减|稳中有增|稳中有升"
                     r"|保持(?:全国|全省|全市|全区)(?:首位|第一位?|前列|领先)"
                     r"|(?:保持|实现)?恢复性增长|(?:保持|实现)(?:正增长|(?:平稳)?较快增长|快速增长)"
                     r"|(?:持续|稳步|不断|继续)(?:增长|提升|提高|增加|下降|降低|改善|缩小)|止跌回稳|止跌回升|合理(?:规模|增长))\s*$")
# 节能减排降碳、居民消费价格等指标控制在合理范围内: a task for each common indicator named
_REASONABLE = rx(r"(?P<name>[^,;。:]+?)(?:等(?:约束性|主要)?指标)?(?:均|都)?(?:保持|控制|稳定)在"
                         r"合理(?:范围|区间|水平)(?:内|以内|之内)?\s*$")
TARGET_WORDS = rx(f"{alternation(TARGET_LEAD_INS['words'])}"
                          rf"|(?:{alternation(TARGET_LEAD_INS['stated'])})(?=\s*(?:建议)?(?:是|为|如下|:))")
_WORK = rx(r"(?:改善|防治|治理|保护|整治|建设|攻坚|管理)$")
_SEP = rx(r"[、和与]|及(?!以[上下])")  # 重度及以上污染天数 is one name
# what follows the numbers of a review quoting the year's targets (…增长7%的预期目标均超额完成, …等年初预期目标)
_QUOTED_TARGET = rx(r"\s*(?:等|的)?\s*(?:年初|年度|全年)?(?:确定|提出)?的?"
                            r"(?:各项|[一二两三四五六七八九十\d]+项)?(?:主要)?(?:经济社会发展)?(?:预期|计划|年度)?(?:目标|指标)")
# 年度计划增长6%左右, 年度计划城镇新增就业2.5万人, 城镇新增就业计划4.5万人: the plan of the year,
# quoted in its review
_PLAN_QUOTED = rx(r"\s*(?P<name>[^,;。:\d计]{0,24}?)(?:年度|年初|全年|今年)?计划(?!单列|生育|外)")
# 1.地区生产总值。, (二)固定资产投资：: a list's item that only names the indicator its next words give
_LABEL = rx(r"\s*(?:\d{1,2}\s*[.、]|\([一二三四五六七八九十\d]{1,3}\)|——)?\s*"
                    r"(?P<name>[\u4e00-\u9fffA-Za-z]{2,16}?)(?:完成情况|情况)?\s*[。:]?\s*")
# 地区生产总值突破万亿元大关、达到10688.28亿元: a level passed, in words, before the figure
_PASSED_WORDS = rx(r"(?:首次|历史性|成功)?(?:突破|跨越|迈上|站上|跃上|迈过|跨上|登上)[^,;。:\d]{1,8}?"
                           r"(?:大关|台阶|关口)\s*[、,]?\s*(?:达到|达)?\s*$")
# What a policy brought about is named after its verb: 带动固定资产投资完成963.5亿元, 拉动消费…
_CAUSE = rx(r"^(?:带动|拉动|推动|促进|助推|撬动|促使)")


def _name(raw: str) -> str:
    """The name read before a number, without the verb of what brought it about."""
    name = clean_name(_PASSED_WORDS.sub("", raw))
    bare = _CAUSE.sub("", name)
    return clean_name(bare) if bare != name else name


@cache
def status_words() -> re.Pattern:
    from ..vocab import STATUS_WORDS

    return rx(alternation(STATUS_WORDS))


def _split_names(raw: str, count: int) -> list[str] | None:
    """"城镇居民、农村居民人均可支配收入" → the two full names; None unless there are `count`."""
    sectors = _SECTORS.fullmatch(raw.strip())
    if sectors and count == 3:
        # 一、二、三产业增加值, 三次产业: the three sectors in their order
        rest = sectors.group("rest") or "增加值"
        return [f"第{n}产业{rest}" for n in "一二三"]
    if count == 2 and "、" not in raw:
        raw = re.sub(r"(?<=存)(?=贷款)|(?<=贷)(?=存款)", "、", raw, count=1)  # 存贷款余额: 存、贷款余额
    parts = raw.split("、")
    if len(parts) == 2 == count and parts[0][-1:] in _STEMS and parts[1].lstrip()[:1] == _STEMS[parts[0][-1]]:
        # 存、贷款余额, 进、出口总额: two stems before one ending, after one beginning
        second = parts[1].lstrip()
        parts = [parts[0] + second[1:], parts[0][:-1] + second]
    names = [n for n in (clean_name(p) for p in parts) if n]
    if len(names) != count:
        names = [n for n in (clean_name(p) for p in _SEP.split(raw)) if n]
    if len(names) == 1 and count == 2:
        return _urban_and_rural(names[0])
    if len(names) != count:
        return None
    return names


def _urban_and_rural(name: str) -> list[str] | None:
    """"城乡居民人均可支配收入" of two figures (分别, 均) → the urban and the rural names."""
    if not name.startswith("城乡") or len(name) <= 3:
        return None
    return ["城镇" + name[2:], "农村" + name[2:]]


def clause_spans(s: str, a: int, b: int):
    """The clauses of s[a:b] as (start, end): cut at ， and ：, but not in brackets (全区（不含…开发区，
    下同）预计实现…), leading spaces left out, empty ones skipped."""
    start = a
    for m in [*(m for m in _CUT.finditer(s[a:b]) if m.group() in ",:"), None]:
        ca, cb = start, a + (m.start() if m else b - a)
        start = cb + 1
        while ca < cb and s[ca].isspace():
            ca += 1
        if ca < cb:
            yield ca, cb



def _as_price_rise(name: str, m: Measure) -> Measure:
    """居民消费价格指数控制在3%左右: an index near 100 held to a few percent is its rise;
    居民消费价格指数为102.1%: the index itself, 100 plus its rise."""
    if m.kind == "value" and m.unit == "%" and _PRICE.search(name) and m.value is not None and (
            m.value < 20 or (90 <= m.value <= 110 and name.endswith("指数"))):
        rise = m.value if m.value < 20 else round(m.value - 100, 4)
        return Measure("growth", m.start, m.end, growth=rise, unit="%", qualifier=m.qualifier, verb="涨幅")
    return m


class Parser:
    def __init__(self, text: Text, resolver: Resolver, scope: str | None = None):
        self.t = text
        self.s = text.joined
        self.r = resolver
        self.scope = scope  # the report's word for its own region (names.scope_of)
        self.label: tuple[str, int, int] | None = None  # a label naming the next clause: (name, start, end)

    # A sentence is split into segments at ；, a segment into clauses at ，and ：.
    def sentence(self, a: int, b: int, kind: str, after: int = -1) -> list[Item]:
        label, self.label = self.label, self.label_of(a, b)
        if self.label:
            return []  # 1.地区生产总值。 names what the next sentence says: 预计全年完成1016.8亿元
        self.label = label if label and not self.s[label[2]:a].strip() else None
        items: list[Item] = []
        seg_start = a
        for m in re.finditer(f"{_SEGMENT_END.pattern}|$", self.s[a:b]):
            seg_end = a + m.start()
            if seg_end > seg_start:
                items += self._segment(seg_start, seg_end, kind)
            seg_start = a + m.end()
            if m.end() == b - a:
                break
        out = []
        for it in items:
            if it.ranged:
                if it.growth is None:
                    continue  # 1050—1060亿元 alone: nothing a record can hold
                # 地区生产总值1050—1060亿元，增长5.2%: the growth is kept
                it.metric, it.value, it.unit = "growth", None, "%"
                it.qualifier, it.growth_qualifier, it.ranged = it.growth_qualifier or "exact", None, False
            if it.at >= after:
                out.append(it)
        return out

    def _segment(self, a: int, b: int, kind: str) -> list[Item]:
        items: list[Item] = []
        group: list[Item] = []
        intro: int | None = None
        self.pending: tuple[str, int] | None = None
        self.run: list[Item] = []  # the last clauses' items, a level each (城镇…50146元，农村…17185元，)
        self.seg_start = a
        elsewhere = False  # after 从全国看: the clauses are of another region, until 我省…
        excluding = averaged = False
        for ca, cb in self._lists_joined(clause_spans(self.s, a, b)):
            # 两年平均来看，地区生产总值增长6.2%: averages, to the segment's end
            averaged = averaged or _AVERAGED.fullmatch(self.s, ca, cb) is not None
            if averaged:
                continue
            if self.scope is not None:
                clause = self.s[ca:cb]
                if SCENE.match(clause) and of_another_region(clause, self.scope):
                    elsewhere, group = True, []
                    continue
                if elsewhere and not OWN.match(clause):
                    continue
            elsewhere = False
            new, group = self._clause(ca, cb, kind, group)
            # 地区生产总值：预计完成…, 年度计划增长6%左右，预计完成…: a label or the plan names what follows
            self.label = None if new else self.label_of(ca, cb) or self._planned(ca, cb, kind)
            if excluding:  # 扣除房地产开发投资后，固定资产投资增长2.7%: of a part, not the whole
                new, group = [], []
            excluding = self.s.startswith(("扣除", "剔除"), ca) and bool(EXCLUDING.fullmatch(self.s, ca, cb))
            level = len(new) == 1 and new[0].metric == "value" and new[0].growth is None
            self.run = [*self.run, *new] if level else []
            if new:
                if intro is not None:
                    new[0].start = min(new[0].start, intro)
                intro = None
                items += new
            elif self._is_intro(ca, cb):
                intro = ca if intro is None else intro
            else:
                intro = None
        return items

    def _lists_joined(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """The clauses, a 分别 list the comma cut made one again (分别达到45800元，19850元)."""
        s, out = self.s, list[tuple[int, int]]()
        for ca, cb in spans:
            if out and "分别" in s[out[-1][0]:out[-1][1]]:
                pa, pb = out[-1]
                ms, last = find_measures(s, ca, cb), find_measures(s, pa, pb)[-1:]
                # 分别增长5.2%，6.8%: the growth's verb goes on to a bare number
                alike = bool(ms and last) and (ms[0].kind == last[0].kind
                                               or last[0].kind == "growth" and ms[0].unit == "%")
                if len(ms) == 1 and alike and not s[ca:ms[0].start].strip() and not s[ms[0].end:cb].strip() \
                        and not s[last[0].end:pb].strip():
                    out[-1] = (pa, cb)
                    continue
            out.append((ca, cb))
        return out

    def _is_intro(self, a: int, b: int) -> bool:
        clause = self.s[a:b]
        said = status_words().search(clause) or TARGET_WORDS.search(clause)
        return bool(said) and not measure_pattern().search(clause)

    def _clause(self, a: int, b: int, kind: str, group: list[Item]) -> tuple[list[Item], list[Item]]:
        """The items of one clause, and the group that a following nameless clause may complete."""
        s = self.s
        ms = find_measures(s, a, b)
        worded = self._worded(a, b, kind, group, ms)
        if worded is not None:
            return worded
        pending, self.pending = self.pending, None
        if kind == "actual" and (_QUOTED_TARGET.match(s, ms[-1].end, b) or self._plan_quote(a, b)):
            return [], []  # 年初确定的…增长7%左右、…增长7%的预期目标均超额完成; 年度计划增长6%
        lead = s[a:ms[0].start]
        if _SHARED.search(_SPACE.sub("", lead)) or (
                len(ms) > 1 and len(group) == len(ms) and not clean_name(lead)) or self._listed(ms, lead):
            # …分别达6.9万元、3.4万元，增长4.2%、5.3%: a nameless list completes the group
            return self._spread(a, ms, lead, kind, group)
        out: list[Item] = []
        passed, prev_end = None, a
        if not group and (len(ms) > 1 or ms[0].qualifier == "exact" or self._told_later(b)):
            ms, passed, prev_end = self._past_milestone(a, ms)
            if not ms:  # 地区生产总值迈上5万亿元新台阶，达到53850.8亿元: the next clause's name
                self.pending = passed
                return [], []
        pending, lead_start = passed or pending, a
        # 完成粮食播种面积917.05万亩，产量237.5万吨: the clause before names the subject
        prev_name = group[-1].ind.name if len(group) == 1 else ""
        for i, m in enumerate(ms):
            raw = s[prev_end:m.start]
            prev_end = m.end
            points, plain = m.unit in ("个百分点", "百分点"), _SPACE.sub("", raw)
            if points and _COMPARED.search(raw):
                continue  # 增速高于全省0.3个百分点: a remark on the growth before, which keeps its group
            if points or of_another_region(raw, self.scope) or (m.kind == "growth" and AVERAGE.search(plain)):
                group = []
                continue
            if _SHARE_OF_PLAN.fullmatch(plain):
                continue  # 完成年度预算的102.1%: says nothing of the figure, and keeps the group
            if _PASSED.match(s, m.end) and _PASSING.search(plain):
                continue  # …1018.6亿元，首次迈上千亿元台阶，增长7.2%: a level passed, a remark that keeps the group
            name = _name(raw)
            name = "" if _RESTATED.fullmatch(name) else name
            if name in _BARE_MEASURES:
                name = self._measured(name, prev_name, m.start)
            # 年度计划城镇新增就业2.5万人，实际新增2.83万人: a word of the label's name is the label's
            if i == 0 and not group and (not name or self.label and name.removeprefix("实际") in self.label[0]):
                labelled = self._named_before(m, pending)
                name, lead_start = labelled or (name, lead_start)
                if labelled and self.label and m.kind == "value" and m.unit == "%" and not RATE.search(name):
                    # 生产总值年度计划增长7.5%，预计完成7.5%左右: the growth of the indicator labelled
                    m = replace(m, kind="growth", growth=m.value, value=None)
            end = m.end
            moved = self._name_around(m, b, name, raw, group, kind)
            if moved:
                name, lead_start, end = moved
                prev_end = end
            trusted = False
            if name and m.kind == "growth" and not valid_name(name) and self.r.lookup([name + m.verb]):
                name, trusted = name + m.verb, True  # 经济增长 5%
            if not name and m.ranged:
                group = []
                continue
            if not name:
                self._complete(group[-1] if len(group) == 1 else None, m, raw)
                continue
            resident = _RESIDENTS.fullmatch(name)
            if resident and m.kind == "value" and any("可支配收入" in it.ind.name for it in group):
                name = resident.group(1) + "居民人均可支配收入"  # …可支配收入3.6万元，其中城镇居民4.5万元
            if m.kind == "value" and m.unit == "%":
                m = _as_price_rise(name, m)
            if not self._kept(name, m, trusted, kind):
                group = []
                continue
            ind = self._indicator(name, m)
            start = lead_start if i == 0 else m.start - len(raw.lstrip(" 、,和及与"))
            item = Item(kind, ind, m.kind, start, end, m.start, m.value, m.unit, m.growth, m.qualifier,
                        ranged=m.ranged)
            joined = len(out) > 0 and group[-1:] == out[-1:] and raw.lstrip()[:1] in ("、", "和", "与")
            out.append(item)
            prev_name = name
            group = [*group, item] if joined else [item]  # 城镇…56100元、农村…27300元，分别增长…
        return out, group

    def _name_around(self, m: Measure, b: int, name: str, raw: str, group: list[Item],
                     kind: str) -> tuple[str, int, int] | None:
        """(name, start, end) of a figure named after its number, or by the clause before, or None:
        58个贫困村退出, 4个贫困县脱贫摘帽 (a target counted before what it counts); 1—11月规模以上工业
        增加值增长8.9%，全年增长9.0% (the whole year's, after a part's)."""
        plain = _SPACE.sub("", raw)
        counted = _COUNTED_FIRST.match(self.s, m.end, b) if kind == "target" and m.unit in COUNT_UNITS else None
        if counted and (not name or not valid_name(name) or plain.endswith("、")):
            return counted.group("name"), m.start, counted.end()
        if not name and len(group) == 1 and m.kind == "growth" == group[0].metric and _WHOLE_YEAR_LEAD.fullmatch(plain):
            return group[0].ind.name, m.start - len(raw.lstrip()), m.end
        return None

    def _indicator(self, name: str, m: Measure) -> Ind:
        """The indicator a name and its number name: 经济增长5% that of 经济增长, 500万元以上固定资产投资
        (a size class that is the scope of a common indicator's statistics) that of 固定资产投资."""
        extra: tuple[str, ...] = (name + m.verb,) if m.kind == "growth" else ()
        extra += (SIZE_CLASS.sub("", name),) if SIZE_CLASS.search(name) else ()
        return self.r.resolve(name, extra, m.unit if m.kind == "value" else None)

    def _worded(self, a: int, b: int, kind: str, group: list[Item],
                ms: list[Measure]) -> tuple[list[Item], list[Item]] | None:
        """The items of a clause read by its words (a task, keeping pace, holding steady, a milestone
        that names the next clause), and the group after it; None when its numbers are to be read."""
        clause = self.s[a:b]
        task = _TASK.search(clause)
        if task:
            return self._tasks(a, task, kind), []
        held = self._in_step(a, clause, kind) if kind == "target" else None
        if held is not None:
            return held, []
        if ms:
            return None
        if kind == "target":
            return self._steady(a, clause, kind), []
        self._milestone(a, clause, group)
        return [], group

    def energy_task(self, names: list[str], inds: list[Ind]) -> list[Ind]:
        """The intensities and pollutants of a task that names a pollutant made one energy-saving
        task, where the first of them stood (单位生产总值能耗和主要污染物排放量完成…任务, …排放总量
        控制在省定指标以内, a table's 主要污染物排放量减少 | 完成省下达的节能减排任务); the goals of
        environmental quality set beside that task are part of it (节能减排和环境质量目标任务)."""
        saving = any(ind.id == "energy_saving" for ind in inds)
        beside = [saving and (_beside(n) or _shares_next(names, i, _beside)) for i, n in enumerate(names)]
        if not any(_polluting(n) or b for n, b in zip(names, beside, strict=True)):
            return inds
        out: list[Ind] = []
        for n, ind, b in zip(names, inds, beside, strict=True):
            if ind.id in ENERGY_TASK["takes_in"] or _polluting(n) or b:
                ind = self.r.resolve(ENERGY_TASK["name"], ())
                if any(it.id == ind.id for it in out):
                    continue
            out.append(ind)
        return out

    def shared_head(self, names: list[str]) -> list[str]:
        """单位地区生产总值能耗和二氧化碳排放: the names after the first, each with the head of the first
        (单位地区生产总值) that makes it a name the store or the lexicon knows."""
        names = list(names)
        for i, n in enumerate(names[1:], 1):
            if not self.r.lookup([n, n + "任务"]):
                for k in range(len(names[0]) - 1, 1, -1):
                    if self.r.lookup([names[0][:k] + n]):
                        names[i] = names[0][:k] + n
                        break
        return names

    def _named_before(self, m: Measure, pending: tuple[str, int] | None) -> tuple[str, int] | None:
        """(name, start) that a label (1.地区生产总值。) or a milestone (…突破千亿大关，) before a
        clause gives its first, nameless number (预计全年完成1016.8亿元)."""
        if self.label:
            return self.label[0], self.label[1]
        if pending and m.kind == "value" and m.unit != "%":
            return pending
        return None

    def _plan_quote(self, a: int, b: int) -> re.Match | None:
        """A review's clause that quotes the year's plan (年度计划增长6%左右), or None; most clauses
        have no 计划 and are passed over without the pattern."""
        return _PLAN_QUOTED.match(self.s, a, b) if self.s.find("计划", a, b) >= 0 else None

    def _planned(self, a: int, b: int, kind: str) -> tuple[str, int, int] | None:
        """The label a review's clause quoting the year's plan gives the clauses after it: its name
        (年度计划城镇新增就业2.5万人，实际新增2.83万人; 城镇新增就业计划4.5万人，预计完成4.82万人),
        or the label it follows (1.地区生产总值。年度计划增长6%左右，预计完成3486.2亿元)."""
        plan = self._plan_quote(a, b) if kind == "actual" else None
        ms = find_measures(self.s, a, b) if plan else []
        if plan is None or not ms:
            return None
        at, raw = (plan.start("name"), plan.group("name")) if plan.group("name").strip() else (
            plan.end(), self.s[plan.end():ms[0].start])
        name = _name(re.sub(r"分别\s*$", "", raw.strip()))
        # 年度计划城镇、农村常住居民人均可支配收入分别增长8%和8.5%: names the list after it
        parts = [n for n in (clean_name(p) for p in _SEP.split(name)) if n] if name else []
        if name and (valid_name(name) and self.r.lookup([name]) or len(parts) > 1 and all(
                self.r.lookup([n]) for n in self._share_suffix(parts))):
            return name, at + raw.find(name[:1]), b
        return self.label

    def label_of(self, a: int, b: int) -> tuple[str, int, int] | None:
        """(name, start, end) of a span that is only a common indicator's name, as a list's item
        opens (1.地区生产总值。, （二）固定资产投资：, ——地区生产总值。), or None."""
        label = _LABEL.fullmatch(self.s, a, b)
        if not label or not valid_name(name := label.group("name")) or not self.r.lookup([name]):
            return None
        return name, label.start("name"), b

    def _milestone(self, a: int, clause: str, group: list[Item]) -> None:
        """地区生产总值突破千亿大关，达到1036.5亿元: a clause with no number names the next one's."""
        milestone = _MILESTONE.match(clause)
        name = clean_name(milestone.group("name")) if milestone else ""
        if name and not group and valid_name(name) and self.r.lookup([name]):
            self.pending = (name, a)

    def _told_later(self, b: int) -> bool:
        """Whether the segment goes on to a nameless number after `b`: 突破千亿元关口后，…全年预计达
        1100亿元 has the figure the level passed names; 首次突破千亿元大关 alone (or before another
        figure's name) is the figure, bounded."""
        end = _SEGMENT_END.search(self.s, b)
        m = measure_pattern().search(self.s, b, end.start() if end else len(self.s))
        if m is None:
            return False
        raw = self.s[max(self.s.rfind(",", b, m.start()) + 1, b):m.start()]
        return _RESTATED.fullmatch(_name(raw)) is not None

    def _past_milestone(self, a: int, ms: list[Measure]):
        """地区生产总值迈上4000亿元台阶、达到4106.5亿元: the level passed is no figure, and its
        name is the next number's. The measures left, that name (or None) and where they start."""
        k = 0  # 先后跨越千亿元、1200亿元台阶: the levels passed, listed
        while k + 1 < len(ms) and self.s[ms[k].end:ms[k + 1].start].strip() in ("、", "和"):
            k += 1
        passed = _PASSED.match(self.s, ms[k].end)
        # 地区生产总值在2021年突破千亿元关口后: the year it passed the level is no part of the name
        name = clean_name(_WHEN_PASSED.sub("", _PASSING.sub("", self.s[a:ms[0].start]))) if passed else ""
        if passed is None or not (name and valid_name(name)):
            return ms, None, a
        return ms[k + 1:], (name, a), passed.end()

    def _measured(self, name: str, prev_name: str, at: int) -> str:
        """A bare measure (产量, 总产) named by its subject: 粮食播种面积4157万亩、产量1146.1万吨, the
        name before it; 粮食面积、总产、单产实现“两增一稳”，总产762亿斤, the grain its segment speaks of."""
        if prev_name:
            subject = _MEASURE_OF.sub("", prev_name)
            return subject + name if len(subject) >= 2 and subject != prev_name else name
        return "粮食" + name if "粮食" in self.s[self.seg_start:at] else name

    def _kept(self, name: str, m: Measure, trusted: bool, kind: str) -> bool:
        """Whether a name and its number make a figure worth a record."""
        if not (trusted or valid_name(name) or self.r.lookup([name])) or _DEED.match(name):
            return False
        if not self.plausible(name, m) and not (kind == "target" and m.kind == "value" and self._change_of(name)):
            return False
        if m.kind == "value" and _SIZE_OF.match(self.s, m.end):
            return False  # 外资超3000万美元项目28个: the size of the projects counted, not a figure
        if m.kind == "value" and m.unit == "%" and not RATE.search(name):
            return False
        if m.kind == "value" and m.unit in COUNT_UNITS and re.search("(?:率|比例|比重|占比)$", name):
            return False  # 空气质量优良率、22个国控断面…: a rate has no count; the number is the next name's
        # 服务业增加值占地区生产总值比重, 税收收入占比: a share is not a headline figure, but may be a
        # main target (数字经济增加值占地区生产总值比重达到42%)
        return kind == "target" or not (SHARE.search(name) and not self.r.lookup([name]))

    @staticmethod
    def _change_of(name: str) -> bool:
        """农村贫困人口减少6.5万人, 62个贫困村退出, 退出贫困村40个 as a target: the change is the figure,
        and the name keeps its verb."""
        return name.endswith(("减少", "增加")) and bool(NOUN_END.search(name[:-2])) or bool(
            _COUNTED_FIRST.fullmatch(name) or _EXITED.fullmatch(name))

    def _listed(self, ms: list[Measure], lead: str) -> bool:
        """Numbers listed one after another (、和) after as many names, as with 分别: 城乡居民人均
        可支配收入6.52万元、3.58万元 are the urban and the rural levels."""
        if len(ms) < 2 or any(self.s[p.end:m.start].strip() not in ("、", "和", "与", "及")
                              for p, m in pairwise(ms)):
            return False
        names = _split_names(_CAUSE.sub("", LEAD.sub("", lead.strip())), len(ms))
        return names is not None and len(names) == len(ms)

    def _complete(self, last: Item | None, m: Measure, raw: str) -> None:
        """A number with no name of its own completes the item before it: its growth (…1110 亿元，
        增长 5.8%), or its level (增长 6%，总量 500 亿元; 突破千亿元，达到 1012 亿元: the exact
        figure says more)."""
        if last is None:
            return
        if m.kind == "growth" and last.metric == "value" and last.growth is None and last.unit != "%":
            last.growth, last.growth_qualifier, last.end = m.growth, m.qualifier, m.end
        elif m.kind == "value" and m.unit != "%" and _RESTATED.fullmatch(_NOT_WORD.sub("", raw)) \
                and not (m.unit in COUNT_UNITS and _HAN.match(self.s, m.end)):  # 35个行业大类中: a count of them
            if last.metric == "growth" and last.value is None:
                last.growth_qualifier = last.qualifier
                last.metric, last.value, last.unit, last.qualifier = "value", m.value, m.unit, m.qualifier
                last.end = m.end
            elif last.metric == "value" and last.qualifier != "exact" \
                    and m.qualifier == "exact" and self.r.compatible(m.unit, last.unit):
                last.value, last.unit, last.qualifier, last.end = m.value, m.unit, m.qualifier, m.end

    def _in_step(self, a: int, clause: str, kind: str) -> list[Item] | None:
        """A target of keeping pace or balance (收入与经济增长同步, 收支平衡): a task; None if the
        clause states neither."""
        for pattern in (_SYNC, _AHEAD, _BALANCE):
            found = pattern.search(clause)
            if found and _RATE_GIVEN.search(found.group("name")):
                return None  # 居民人均可支配收入增长6.5%、高于经济增长: the growth is the target
            if found:
                # 城乡居民人均可支配收入、地方一般公共预算收入与经济增长基本同步: a task each
                names = [clean_name(p) for p in found.group("name").split("、")]
                # 城镇、农村常住居民人均可支配收入: the first shares the second's words
                names = self._share_suffix(names) if len(names) > 1 and all(names) else names
                both = [clean_name(p) for p in _SEP.split(found.group("name"))]
                if len(both) > len(names) and all(n and self.r.lookup([n]) for n in both):
                    names = both  # 财政总收入和一般公共预算收入与经济增长基本同步: a task each
                if not all(valid_name(n) for n in names):
                    return []
                start = a + found.start("name") + (len(found.group("name")) - len(found.group("name").lstrip()))
                tasks = [Item(kind, self.r.resolve(n), "task", start, a + found.end(), a + found.start())
                         for n in names]
                # 城镇居民…与经济增长同步、农村居民…快于城镇居民: a second one after 、
                rest = clause[found.end():]
                more = self._in_step(a + found.end() + 1, rest[1:], kind) if rest.startswith("、") else None
                return tasks + (more or [])
        return None

    def _spread(self, a: int, ms: list[Measure], lead: str, kind: str, group: list[Item]):
        """"甲、乙分别增长7%、8%": one value each, in order; a nameless list completes `group`, or the
        levels of the clauses just before, one each (进出口总额1256.3亿元，其中出口968.4亿元，分别增长
        10.1%和8.7%)."""
        s = self.s
        half = len(ms) // 2
        if len(ms) >= 4 and len(ms) % 2 == 0 and _SECOND_LIST.fullmatch(s, ms[half - 1].end, ms[half].start) \
                and len({m.unit == "%" for m in ms[:half]} | {m.unit != "%" for m in ms[half:]}) == 1:
            # 城乡居民人均可支配收入分别增长7%和8.1%、达到27265元和12178元: a second list completes the first
            items, group = self._spread(a, ms[:half], lead, kind, group)
            if items:
                self._spread(a, ms[half:], "", kind, items)
            return items, group
        for prev, m in pairwise(ms):
            if s[prev.end:m.start].strip() not in ("、", "和", "与", "及", ",", ""):
                return [], []
        if any(m.unit in ("个百分点", "百分点") or m.ranged for m in ms):
            return [], []
        first = ms[0]
        if first.kind == "growth":
            sign = -1 if first.verb in NEGATIVE else 1
            for m in ms[1:]:
                if m.kind == "value" and m.unit == "%":
                    assert m.value is not None  # a level that is not a range has a value
                    m.kind, m.growth, m.value, m.verb = "growth", sign * m.value, None, first.verb
        if len({m.kind for m in ms}) != 1:
            return [], []
        last = ms[-1].qualifier
        if last in ("about", "at_least", "at_most") and all(m.qualifier == "exact" for m in ms[:-1]):
            for m in ms[:-1]:  # 分别增长7%和8%左右: the qualifier of the list
                m.qualifier = last
        head = re.split(r"分别|均\s*$", lead)[0]
        raw_names = _CAUSE.sub("", LEAD.sub("", head.strip()))
        if not clean_name(raw_names) and not group and self.label:
            raw_names = self.label[0]  # 7.城乡居民人均可支配收入。…预计分别达到39625元、15408元
        if not clean_name(raw_names):
            if len(ms) == 1 and "均" in lead and len(group) > 1:
                ms = ms * len(group)  # 分别达到34560元、17880元，均增长8.3%: one growth for each
            run = self.run
            if len(group) != len(ms) and len(run) >= len(ms) and group and run[-1] is group[-1]:
                group = run[-len(ms):]
            if len(group) != len(ms):
                return [], []
            for it, m in zip(group, ms, strict=True):
                if m.kind == "growth" and (it.metric != "value" or it.growth is not None):
                    return [], []
                if m.kind == "value" and (it.metric != "growth" or it.value is not None or m.unit == "%"):
                    return [], []
            for it, m in zip(group, ms, strict=True):
                if m.kind == "growth":
                    it.growth, it.growth_qualifier = m.growth, m.qualifier
                else:  # 分别增长 6.8%、8.5%，分别达到 5.2 万元、2.8 万元
                    it.growth_qualifier = it.qualifier
                    it.metric, it.value, it.unit, it.qualifier = "value", m.value, m.unit, m.qualifier
                it.end = ms[-1].end
            return [], []
        names: list[str] | None
        if len(ms) == 1 and ("均" in lead or "分别" in lead):
            # 进出口总额、实际利用外资均增长10%; 城乡居民人均可支配收入均增长7%: urban and rural each;
            # 财政总收入和一般公共预算收入分别增长7%
            names = [n for n in (clean_name(p) for p in _SEP.split(raw_names)) if n]
            names = (_urban_and_rural(names[0]) or names) if len(names) == 1 else names
            ms = ms * len(names)
        else:
            names = _split_names(raw_names, len(ms))
        if not names:
            return [], []
        names = _share_measured(self._share_suffix(names))
        if not all(valid_name(n) and self.plausible(n, m) for n, m in zip(names, ms, strict=True)):
            return [], []
        items = []
        for n, m in zip(names, ms, strict=True):
            if m.kind == "value" and m.unit == "%" and not RATE.search(n):
                return [], []
            ind = self._indicator(n, m)
            items.append(Item(kind, ind, m.kind, a, ms[-1].end, m.start, m.value, m.unit, m.growth, m.qualifier))
        if len({it.ind.id for it in items}) != len(items):
            return [], []
        return items, items

    def plausible(self, name: str, m: Measure) -> bool:
        return bool(NOUN_END.search(name) or self.r.lookup([name, name + m.verb]))

    def _share_suffix(self, names: list[str]) -> list[str]:
        """"城镇居民" before "农村居民人均可支配收入" is 城镇居民人均可支配收入; "城镇" before
        "农村牧区常住居民人均可支配收入" is 城镇常住居民人均可支配收入, a name the lexicon knows."""
        last = names[-1]
        out = []
        for n in names[:-1]:
            if self.r.lookup([n]) or len(n) >= len(last):
                out.append(n)
                continue
            for k in range(len(n), 0, -1):
                at = last.find(n[-k:])
                if at >= 0:
                    out.append(n + last[at + k:])
                    break
            else:
                known = next((n + last[j:] for j in range(1, len(last)) if self.r.lookup([n + last[j:]])), None)
                measure = _SHARED_MEASURE.search(last)  # 原盐、纯碱、碳酸锂产量: 原盐产量, not 原盐锂产量
                out.append(known or (n + measure.group() if measure else None)
                           or (n + last[len(n):] if len(n) <= 3 else n))
        return out + [last]

    def _steady(self, a: int, clause: str, kind: str) -> list[Item]:
        """"进出口总额、实际使用外资保持稳定", "进出口促稳提质", "进出口总额实现正增长": a task target for each
        common indicator named."""
        m = _STEADY.search(clause) or _REASONABLE.search(clause)
        if not m:
            return []
        group = "name" if m.group("name") is not None else "name2"
        # 外贸进出口总额、出口总额占全国份额保持稳定: the totals' share of the nation's
        names = [clean_name(p) for p in _SEP.split(_MARKET_SHARE.sub("", m.group(group)))]
        for i in range(1, len(names)):
            if names[i] in _BARE_MEASURES:  # 粮食播种面积和产量保持稳定
                names[i] = self._measured(names[i], names[i - 1], a + m.end())
        if not all(names) or not self._measured_task(names[-1]):
            return []  # the unknown names before a known one are left out (粮食播种面积)
        inds = [self.r.resolve(n) for n in names if self._measured_task(n)]
        if not inds:
            return []
        start = a + m.start(group) + (len(m.group(group)) - len(m.group(group).lstrip()))
        rise = self._rise_next(a + len(clause)) if len(inds) == 1 else None
        if rise is not None:  # 固定资产投资止跌回稳，增长1%以上: the growth it goes on to
            return [Item(kind, inds[0], "growth", start, rise.end, rise.start, None, rise.unit, rise.growth,
                         rise.qualifier)]
        return [Item(kind, ind, "task", start, a + m.end(), start) for ind in inds]

    def _rise_next(self, b: int) -> Measure | None:
        """The growth alone in the clause after b (…止跌回稳，增长1%以上), if that is all it says."""
        span = next(clause_spans(self.s, b + 1, self.t.clause_end(b + 1)), None) if self.s.startswith(",", b) else None
        if span is None:
            return None
        ms = find_measures(self.s, *span)
        if len(ms) != 1 or ms[0].kind != "growth" or self.s[span[0]:ms[0].start].strip() not in ("", "实现") \
                or self.s[ms[0].end:span[1]].strip():
            return None
        return ms[0]

    def _measured_task(self, name: str) -> bool:
        """Whether a name held steady or bettered is an indicator: a common one, a rate, a
        concentration, the environment's quality or a ratio of incomes (PM2.5年均浓度持续下降, 生态环境质量
        持续改善, 城乡居民收入倍差持续缩小), not a work (产业结构持续优化)."""
        return self.r.lookup([name]) is not None or valid_name(name) and bool(
            RATE.search(name) or name.endswith(("浓度", "环境质量", "倍差", "收入比")))

    def _tasks(self, a: int, m: re.Match, kind: str) -> list[Item]:
        body = m.group("body") or m.group("ceiling") or m.group("reach") or ""
        issued = _ISSUED.match(body)
        names_raw = body[issued.end():] if issued else body
        names_raw = re.sub(r"(?:控制|降低|下降|约束性)?(?:目标)?$", "", names_raw)
        names = [n for n in (clean_name(_subject(p)) for p in _SEP.split(names_raw)) if n]
        start, end = a + m.start(), a + m.end()
        # 单位地区生产总值能耗完成市下达任务: the names stand before 完成.
        # 各项约束性指标不折不扣完成…: the adverb is not part of the name
        before = _ADVERB.sub("", self.s[a:start])
        # 单位生产总值能耗降低完成…任务: the verb is not part of the name.
        subjects = [n for n in (clean_name(_subject(p)) for p in _SEP.split(before)) if n]
        if subjects and any(self.r.lookup([n]) or _polluting(n) for n in subjects):
            names = []  # 单位地区生产总值能耗和主要污染物排放总量完成…减排任务: 减排 is the kind of task
        named_before = not names
        if not names:
            names = subjects
            start = a + len(before) - len(before.lstrip())
            # 城镇新增就业人数，城镇登记失业率、节能减排…完成…确定的目标: common names listed before
            # the clause, a comma apart, share its task
            for part in reversed(self.s[self.seg_start:a].rstrip(", ").split(",")):
                listed = [clean_name(p) for p in _SEP.split(part)]
                if not part.strip() or not all(n and self.r.lookup([n]) for n in listed):
                    break
                names = listed + names
                start = self.s.rfind(part, self.seg_start, a)
        # 大气、水、土壤污染防治: a short name shares the work word of a later one
        if not names or not all(valid_name(n) or any(_WORK.search(x) for x in names[i + 1:])
                                for i, n in enumerate(names)):
            return []
        # 节能减排约束性指标: the binding indicators of a task the lexicon knows are that task
        names = [n.removesuffix("约束性指标") if n.endswith("约束性指标") and self.r.lookup([n[:-5]]) else n
                 for n in self.shared_head(names)]
        inds = [self.r.resolve(n, (n + "任务",)) for n in names]
        if any(ind.known for ind in inds):
            # 完成省下达的节能减排和大气污染防治目标任务: the task of a common indicator, and words on
            # the work that goes with it (主要污染物排放量 beside it is an indicator of its own)
            called = [ind.name for ind in inds]
            kept = [i for i, ind in enumerate(inds)
                    if ind.known or not (_WORK.search(ind.name) or _shares_next(called, i, _WORK.search))]
            names, inds = [names[i] for i in kept], [inds[i] for i in kept]
        if m.group("body") or all(_polluting(n) for n in names):
            # but 万元地区生产总值能耗、主要污染物排放总量控制在…目标以内: a ceiling of each
            inds = self.energy_task(names, inds)
        if kind == "actual":  # 各项约束性指标全面完成 in a review: a deed, not a figure
            inds = [ind for ind in inds if not _BINDING.fullmatch(ind.name)]
            if named_before:  # 财政收入、固定资产投资等指标均超额完成年度目标: last year's targets met, no figure
                inds = [ind for ind in inds if ind.id in ENERGY_TASK["takes_in"] or _polluting(ind.name)]
        if not issued and not all(ind.known for ind in inds):
            return []
        return [Item(kind, ind, "task", start, end, start, 1 if kind == "actual" else None) for ind in inds]


_SECTORS = rx(r"(?:第?一\s*[、,]\s*第?二\s*[、,]\s*第?三(?:次)?产业|第?一二三产业|三次产业"
                      r"|第一产业\s*[、,]\s*第二产业\s*[、,]\s*第三产业|一产\s*[、,]\s*二产\s*[、,]\s*三产)"
                      r"(?P<rest>[\u4e00-\u9fff]*)")
# 实施重点项目1920个, 举办活动30场: a name that opens on a verb of doing counts deeds, not an indicator
_DEED = rx(r"(?:实施|开展|举办|组织|推进|承办|召开)")
# 各项约束性指标, 生态环境保护约束性指标: the binding indicators as a task of their own (but
# 单位…能耗降低等约束性指标: the ones just listed)
_BINDING = rx(r"(?:各项|主要|其他|其余)?(?:(?!等)[\u4e00-\u9fff]){0,8}约束性指标")


def _share_measured(names: list[str]) -> list[str]:
    """万元地区生产总值能耗、水耗: a use per unit after the first, of the first's unit."""
    head = names[0][:-2]
    return [names[0]] + [head + n if len(n) == 2 and n[-1] == "耗" == names[0][-1] and head else n
                         for n in names[1:]]


def _shares_next(names: list[str], i: int, test) -> bool:
    """大气、水环境质量改善: a short name shares the words of a later one that passes `test`."""
    return len(names[i]) < 3 and any(test(n) for n in names[i + 1:])


def _polluting(name: str) -> bool:
    return any(p in name for p in ENERGY_TASK["pollutants"])


def _beside(name: str) -> bool:
    return any(w in name for w in ENERGY_TASK["beside"])


def _subject(part: str) -> str:
    """One name of those before a task's verb (单位生产总值能耗降低完成…): without its verb or the
    word 指标, but for the binding indicators named as such."""
    if _BINDING.fullmatch(part.strip()):
        return part
    part = re.sub(r"等?(?:约束性|主要)?指标\s*$", "", part)
    return re.sub(r"(?:降低|下降|减少|提高|提升|(?<!自然)增长|控制)(?:率|幅度)?\s*$", "", part)  # 人口自然增长率 stays


_ADVERB = rx(r"(?:不折不扣|全面|圆满|如期|按时|足额|超额|全部|坚决|确保|力争|努力|均|都)+\s*$")
_PRICE = rx(r"价格(?:总)?(?:指数)?$")
_STEMS = {"存": "贷", "贷": "存", "进": "出", "出": "进"}
_SIZE_OF = rx(r"\s*(?:及?以上)?\s*(?:的)?(?:重大|产业|工业|外资)?(?:项目|企业|工程)")
_COMPARED = rx(r"^\W*(?:增速|增幅|增长)?(?:分别)?(?:高于|低于|快于|慢于|超过|比)")
_SHARED_MEASURE = rx(r"(?:总产量|产量|总产值|产值|增加值|销售额|营业收入)$")
# what a count before its name counts, the way poverty targets are written (62个贫困村退出)
_COUNTED_FIRST = rx(r"\s*(?P<name>(?:建档立卡)?贫困[\u4e00-\u9fff]{1,3}?(?:脱贫摘帽|脱贫出列|脱贫|退出|出列|摘帽))"
                    r"(?=\s*(?:[、,;。]|$))")
_EXITED = rx(r"(?:退出|出列)贫困[\u4e00-\u9fff]{1,3}")
# what a clause with no name of its own says before the whole year's figure (…，全年预计增长9.0%)
_WHOLE_YEAR_LEAD = rx(r"全年(?:预计|预期)?(?:可)?")
_SECOND_LIST = rx(r"\s*[、,]\s*(?:分别)?(?:达到|达|为)?\s*")
_AVERAGED = rx(r"\s*(?:从)?(?:[两三四五]|\d)\s*年(?:来)?平均(?:来看|看|而言)?\s*")
_CUT = rx(r"\([^()]{0,40}\)|[,:]")
_WHEN_PASSED = rx(r"(?:在|于)\s*\d{4}\s*年\s*$")
_SEGMENT_END = rx(r"[;。！？!?]")
_PASSED = rx(r"\s*(?:新)?(?:台阶|大关|关口)")
_PASSING = rx(r"(?:先后|连续|接连|相继)?(?:首次|历史性|成功)?"
                      r"(?:突破|超过|跨越|迈上|站上|跃上|迈过|跨上|登上)\s*$")
_BARE_MEASURES = ("产量", "总产量", "总产", "单产")
_HAN = rx(r"[\u4e00-\u9fff]")
_MARKET_SHARE = rx(r"占(?:全国|全省|全市|全球)?(?:市场)?份额$")
# 增长7.3%、总量达3806.08亿元, 增长6.5%以上，总量力争突破3300亿元, 增长4.6%、完成96.3亿元: words that only
# restate the figure before
_RESTATED = rx(r"(?:力争|争取|确保)?(?:总量|总额|总数|规模)?(?:力争|争取|确保)?"
                       r"(?:达到|达|突破|超过|为|完成|实现)?")
