"""Every quantitative statement: the counts, amounts, areas, rates, growths and ranks of every
section, beyond the headline summary and the main targets (`csplan extract --all`).

The report is cut into parts at its top headings (一、… 二、…): the part on the year reported on
(执行情况, 工作回顾) gives actual figures of that year, the part on the year planned (安排, 草案, 目标
任务) gives targets of that year, and a part on difficulties (困难和问题) or on several past years
(五年, 十四五) gives none. Each sentence of a part is read clause by clause (，：) in segments (；。):

- a level is a number with a unit as printed (`超 650 亿元`, `2.2万余户`, `约 2.73 万平方米`, `99.42%` of a
  rate, `百亿元以上`), with the qualifier its words give; a growth is `增长 5.8%`, `增幅 11.5%`;
- its name is the phrase before the number (`网络零售额 222 亿元`), or the noun after the unit
  (`8 个数字化应用场景`, `19 个项目入选省市数字经济重点项目`: what they were chosen as); a name that
  says only `项目`, `总投资` or `总面积` takes the figure or topic of its sentence before it
  (`出让地块总面积`, `城市品质提升项目完成投资额`);
- a rank is `全市第 4`, `居全省第二`, `排名全市第1` (value N, exact) or `保持全市前 3` (value 3, at
  most), of the name before it or of the figure it follows (`零售额排名全市第 1`);
- a figure's status is 预计 (estimate) or 初步统计 (preliminary) when that word stands before it
  in its sentence, else reported; a sentence that names another year (2023年…, 到2027年) is about
  that year, and its figures are left out.

Left out as not a figure of its own: dates and ordinals (第七届, 连续 3 年), ranges (1050—1060 亿元),
个百分点 comparisons (but `超序时进度 10.56 个百分点`, a level of its own), multi-year averages
and sums (年均, 以来), a size class (超5亿元项目 389 个: the 389 is kept), a percent that is not
a rate, and anything 分别 spreads over several names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from .compiled import rx
from .clauses import Item, Parser, clause_spans, status_words
from .header import YEAR, year_of
from .measures import Measure, find_measures
from .names import AVERAGE, OWN_SCOPE_WORDS, RATE, Ind, strip_ends
from .text import TERMINAL, Text, is_heading


@dataclass
class Statement(Item):
    """An item of a section, with the year it is about and its status (actuals only)."""

    year: int = 0
    status: str | None = None


# --- the parts of a report -----------------------------------------------------------------------

_TOP = rx(r"(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+\s*[、.．])")
_SKIP_PART = rx(r"困难|问题|不足|挑战|五年|十四五|十三五|以来")
_PLAN_PART = rx(r"安排|草案|计划|目标|任务|工作建议|主要工作|思路|打算|部署")
_ACTUAL_PART = rx(r"执行情况|回顾|完成情况|过去一年|主要成绩|工作总结")


def _top_heading(text: Text, a: int, b: int) -> str | None:
    """The words of a top heading (一、… / 第一部分 …), or None for any other paragraph."""
    line = text.original[text.pos[a]:text.pos[b - 1] + 1].strip()
    words = line.lstrip("#").strip().strip("*").strip()
    if not _TOP.match(words) or len(words) > 40 or re.search("[。;；]", words):
        return None
    if not (is_heading(line) or line.startswith("#") or len(words) <= 30):
        return None
    return words


def parts(text: Text, ay: int, ty: int, target_at: int | None) -> list[tuple[int, int, str | None]]:
    """(start, end, kind) of the report's parts: `actual`, `target`, or None (not read)."""
    paras = text.paragraphs()
    heads = [(a, w) for a, b in paras if (w := _top_heading(text, a, b)) is not None]
    if not heads:
        cut = target_at if target_at is not None else len(text.joined)
        return [(0, cut, "actual"), (cut, len(text.joined), "target")]
    out: list[tuple[int, int, str | None]] = []
    kind: str | None = "actual"
    starts = [0] + [a for a, _ in heads]
    for i, at in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text.joined)
        if i > 0:
            words = heads[i - 1][1]
            years = [year_of(y) for y in YEAR.findall(words)]
            if _SKIP_PART.search(words) and not (years and years[-1] == ty):
                kind = None if not _PLAN_PART.search(words) or _ACTUAL_PART.search(words) else kind
                if _SKIP_PART.search(words):
                    out.append((at, end, None))
                    continue
            elif years and years[-1] == ty and _PLAN_PART.search(words):
                kind = "target"
            elif re.search("今年|明年|下一步", words) and _PLAN_PART.search(words):
                kind = "target"
            elif (years and years[-1] == ay) or _ACTUAL_PART.search(words):
                kind = "actual"
            elif _PLAN_PART.search(words) and kind == "actual" and target_at is not None and at >= target_at:
                kind = "target"
        out.append((at, end, kind))
    return out


# --- words ---------------------------------------------------------------------------------------

# Said before a name, not part of it.
_LEAD = rx(
    rf"^(?:[\s、,:;和及与并]|其中|包括|同时|此外|另外|(?:{OWN_SCOPE_WORDS}|全镇)(?!域)|全年|今年|当年|年内|年末|年底"
    r"|累计|共计|合计|总计|共有|共|现有|已有|拥有|实现|完成|达到|力争|争取|确保|预计|初步统计|连续\d+年|(?:建成|完成|投产)后|为(?=\S{4})"
    r"|培育|举办|组织开展|组织|开展|建成投用|建成|新建|推行|推出|打造|引进|实施|兑现|提供|获得|落实|办理)+"
)
_TRAIL = rx(r"(?:\s|达到|达|为|是|实现|完成|共|累计|合计|总计|分别|均|已|超|突破|新|先后"
                    r"|保持在|稳定在|提高到|提升到|增至|增加到)+$")
# Words that leave a name generic: it takes the name of its neighbour or its topic.
_GENERIC = rx(
    r"^(?:项目|企业|单位|机构|投资|投资额|总投资|完成投资|完成投资额|面积|总面积|新增面积|金额|总金额|规模|产业规模|总规模|数量|"
    r"总数|总量|个数|资金|活动|国家|地块|家|个|项|总额|总产值|产值|建筑面积|占地面积|用地|长度|里程|总里程)$"
)
# Verbs after the noun that follows a count (19 个项目入选…, 32 个项目实现开工).
_VERB = rx(
    r"入选|通过|实现|完成|获得|获评|获批|建成|开工|竣工|加快|顺利|投入|投用|纳入|列入|落地|达到|达|为|累计|共|均|分别"
    r"|被|在|于|成功|首批|参与|参加|入驻|正式|全覆盖|一次性|得到|取得|开展|推进|建设|签约|启动|开业|运营|上线|认定|"
    r"获|列|位居|居|排名|保持|超|提升|改造|搬迁|覆盖|和|与|及|等|稳步|全面|有序|扎实|持续|深入|提前|基本|全部"
)
_OBJECT = rx(r"^(?:入选|通过|列入|纳入|获评|建成|认定为|成为|评为)(?:\d{4}\s*年度?)?"
                     r"(?P<obj>.+?)(?:认定|名单|榜单)?$")
_ADVERB = rx(r"^(?:实现|顺利|加快|加速|全面|有序|正式|率先|已|均|完成)+")
_TOPIC_VERB = rx(
    r"^(?:大力|积极|全力|加快|持续|深入|不断|全面|进一步|着力|统筹|扎实|有序|稳步|重点|加速|强化|认真|主动)*"
    r"(?:推进|推动|开展|实施|组织|举办|建设|打造|促进|提升|落实|加强|深化|优化|完善|培育|发展|引导|鼓励|抓好|做好|启动)*"
)
_TOPIC_TRAIL = rx(r"(?:集聚|协同|高质量|快速|加快)?(?:发展|建设|工作|行动)$")
_NOT_A_NAME = rx(r"高于|低于|快于|慢于|较上|较去|比上|比去|比全|相当于|翻番|同比|以来|年均|平均"
                         r"|[两三五]年|人均")
# Units of a size class before a count (超5亿元项目 389 个), never counts themselves.
_SIZE_UNITS = rx(r"元|美元|平方米|亩|吨|千瓦")
_LEVEL = rx(r"[\u4e00-\u9fff]{1,4}级")  # 国家级, 市级: a level, which names nothing alone
_HEAD = rx(r"项目|企业|机构|园区|小区|平台|基地|中心|水源地|场所|地块|学校|医院|村|户")
# A verb alone before a count (帮助66家企业…): not a name.
_BARE_VERB = rx(r"帮助|推动|带动|支持|引导|服务|吸引|促进|扶持|帮扶|指导|推荐|组织|引进|新增")
_LEAD_VERB = rx(r"^(?:建成投用|建成|新建|改建|开工|竣工|完成|实施|启动|新增|引进|签约|落地|培育)")

_RANK = rx(
    r"(?P<verb>排名|排|居于|位居|位列|位于|居|列|保持|稳居|跃居|升至)?\s*"
    rf"(?P<scope>全国|{OWN_SCOPE_WORDS}|同类城市|全省县区|[一二三四五六七八九十\d]+个?(?:城区|区县|县区|县市区|区|县|市))"
    r"(?:第\s*(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})(?![\d一二三四五六七八九十百届批期次轮章节条款号类季度])(?:位|名)?"
    r"|前\s*(?P<top>\d{1,3}|[一二三四五六七八九十]{1,3})(?![\d一二三四五六七八九十百列])(?:位|名)?)"
)
_RANK_TRAIL = rx(r"(?:连续\d+年|连续[一二三四五六七八九十]+年|均|继续|稳定|始终|一直|仍|已"
                         r"|保持在|保持|稳居|位居|居于|居|排在|排名|位列|位于|列)+$")
_GENERIC_RANK = rx(r"(?:入选)?(?:企业|项目)?(?:数|数量|总数|入选数|总量|规模|排名)")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _cn_number(s: str) -> int:
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN.get(tens, 1) if tens else 1) * 10 + (_CN.get(ones, 0) if ones else 0)
    return _CN[s]


def _clean(raw: str) -> str:
    s = re.sub(r"\([^()]*\)$", "", raw.strip()) if raw.strip().startswith("(") else raw
    return strip_ends(re.sub(r"[\s*_`]+", "", s), _LEAD, _TRAIL)


def _after_examples(raw: str) -> str:
    """`锐捷网络…和中路云网车路协同等` names examples: what counts is after the last 等."""
    at = [m.end() for m in re.finditer(r"等(?!级|次)", raw)]
    return raw[at[-1]:] if at else raw


def _good(name: str) -> bool:
    if not 2 <= len(name) <= 32 or name[0].isdigit() or name[0] == "、" or name[-1] == "、":
        return False
    if _NOT_A_NAME.search(re.sub(r"“[^”]*”", "", name)):
        return False
    if not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9&“”\"'‘’·+\-()（）、]+", name):
        return False
    return bool(re.search(r"[\u4e00-\u9fff]{2}", name))


def _generic(name: str) -> bool:
    """A name that says too little alone: 项目, 总投资, 达标率, 项目完成投资额."""
    if len(name) < 2 or _GENERIC.match(name) or (len(name) <= 3 and RATE.search(name)):
        return True
    return bool(re.fullmatch(r"(?:项目|企业)(?:完成|累计)?(?:投资额|投资|总投资|产值|营收)", name))


def _topic(clause: str) -> str:
    """`大力推进城市品质提升` → 城市品质提升: the thing a clause is about (a short noun phrase)."""
    s = _TOPIC_VERB.sub("", re.sub(r"\s", "", clause))
    s = _TOPIC_TRAIL.sub("", s) or s
    if not 2 <= len(s) <= 12 or re.search(r"开展|实现|完成|推动|推进|加快|通过|形成|坚持|围绕|发挥|赋能|[的“”、]", s):
        return ""
    return s if _good(s) and not re.search(r"\d", s) else ""


# --- reading ---------------------------------------------------------------------------------------


@dataclass
class _Found:
    """A number read in a clause, before it becomes a statement."""

    m: Measure
    raw: str  # the text between the number before (or the clause's start) and this one
    start: int  # where `raw` starts
    pre: str = ""  # the name before the number, cleaned
    noun: str = ""  # the noun right after its unit (19 个项目…), if any
    pred: str = ""  # what follows the noun up to the next number or the clause's end
    tail_end: int = 0  # where the noun and `pred` end
    chained: bool = False  # the next number follows after 、 with no noun between (12 宗、731 亩土地)
    name: str = ""
    end: int = 0  # the end of the quote
    leads: bool = False  # the noun and `pred` run into the next number (60 个项目完成投资额 98.76 亿元)


class Reader:
    def __init__(self, text: Text, parser: Parser):
        self.t = text
        self.s = text.joined
        self.p = parser
        self.r = parser.r
        self.status_rx = status_words()
        self.out: list[Statement] = []
        self.used: dict[tuple, object] = {}  # (indicator, year, kind, metric) → its figure
        self.read_before = _Spans([])  # the headline items: their numbers are read
        self.sent_end = 0  # the end of the sentence being read

    def read(self, parts: list[tuple[int, int, str | None]], skip: list[tuple[int, int]], ay: int,
             ty: int) -> list[Statement]:
        for pa, pb in self.t.paragraphs():
            kind = next((k for a, b, k in parts if a <= pa < b), None)
            if kind is None or any(a <= pa and pb <= b for a, b in skip):
                continue
            line = self.t.original[self.t.pos[pa]:self.t.pos[pb - 1] + 1]
            if is_heading(line) and not re.search("[。;]", self.s[pa:pb]):
                continue
            year = ay if kind == "actual" else ty
            for sa, sb in _sentences(self.s, pa, pb):
                if any(a < sb and sa < b for a, b in skip):
                    continue
                self._sentence(sa, sb, kind, year)
        return self.out

    def _sentence(self, a: int, b: int, kind: str, year: int) -> None:
        sent = self.s[a:b]
        self.sent_end = b
        years = [year_of(y) for y in YEAR.findall(sent)]
        if re.search(r"以来|五年|十四五|十三五|年均|到20\d\d年|至20\d\d年", sent) and not (
                years and all(y == year for y in years)):
            return
        items: list[Statement] = []
        seg = a
        for m in re.finditer(r"[;。!?！？]|$", sent):
            end = a + m.start()
            if end > seg:
                items += self._segment(seg, end, kind, year, a, items)
            seg = a + m.end()
            if m.end() >= len(sent):
                break

    def _segment(self, a: int, b: int, kind: str, year: int, sent_start: int,
                 before: list[Statement]) -> list[Statement]:
        items: list[Statement] = []
        topic = ""
        for ca, cb in clause_spans(self.s, a, b):
            clause = self.s[ca:cb]
            # a year other than the part's, before a number: a figure of that year
            first_num = re.search(r"\d", clause)
            said = self.t.last_match(YEAR, sent_start, ca + (first_num.start() if first_num else 0), self.sent_end)
            if said is not None and year_of(said.group(1)) != year:
                continue
            new = self._clause(ca, cb, kind, year, sent_start, topic, [*before, *items])
            if not new and not re.search(r"\d", clause):
                topic = _topic(clause) or topic
            items += new
        return items

    # --- one clause
    def _clause(self, a: int, b: int, kind: str, year: int, sent_start: int, topic: str,
                prev: list[Statement]) -> list[Statement]:
        s = self.s
        clause = s[a:b]
        out = self._ranks(a, b, kind, year, sent_start, prev)
        ms = [m for m in find_measures(s, a, b) if not m.ranged]
        if not ms or re.search(r"分别|(?<![平年])均\s*(?:增长|下降|为|达)", clause):
            return out
        found: list[_Found] = []
        prev_end = a
        for i, m in enumerate(ms):
            raw = s[prev_end:m.start]
            start = prev_end
            prev_end = m.end
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if self._skip(m, raw, nxt) or self.read_before.covers(m.start):
                continue
            said = self.t.last_match(YEAR, sent_start, m.start, self.sent_end)
            if said is not None and year_of(said.group(1)) != year:
                continue  # 地区生产总值在2021年突破千亿元: a figure of another year
            f = _Found(m, raw, start)
            self._read_tail(f, nxt.start if nxt else b, nxt is not None)
            found.append(f)
        for f, g in zip(found, found[1:], strict=False):
            f.chained = not f.noun and bool(re.match(r"\s*、", g.raw))
            if f.noun and re.sub(r"\s", "", g.raw).startswith(f.noun):
                rest = g.raw[g.raw.index(f.noun[-1]) + 1:]
                if not (RATE.search(_clean(rest)) and not _generic(f.noun)):
                    g.raw = rest  # 118 项省市重点项目投资完成率 93.9%: the rate keeps the noun
                    g.start = g.m.start - len(g.raw)
        for f in found:
            f.pre = _clean(_after_examples(f.raw))
            if f.pre and (not _good(f.pre) or _BARE_VERB.fullmatch(f.pre) or not _TOPIC_VERB.sub("", f.pre)
                          or (len(f.pre) <= 2 and f.noun and _good(f.noun) and not _generic(f.noun)
                              and not _LEVEL.fullmatch(f.pre))):
                f.pre = ""  # 加快推进47个省级重大项目, 办好20项民生实事: the noun after names it
        self._names(found, topic, prev + out)
        last: Statement | None = None
        for f in found:
            m = f.m
            if m.kind == "growth":
                if not f.pre and last is not None and last.metric == "value" and last.growth is None \
                        and last.unit != "%" and re.fullmatch(r"[\s,、]*(?:同比|比上年|较上年)?", f.raw):
                    last.growth, last.growth_qualifier, last.end = m.growth, m.qualifier, m.end
                    continue
                if not f.pre or AVERAGE.search(f.pre) or not self.p.plausible(f.pre, m):
                    continue
                f.name = f.pre
            if not f.name or (m.kind == "value" and m.unit == "%" and not RATE.search(f.name)):
                continue
            st = self._make(f, kind, year, sent_start, topic)
            if st:
                out.append(st)
                last = st
        return out

    def _skip(self, m: Measure, raw: str, nxt: Measure | None) -> bool:
        """A number that is not a figure of its own."""
        s = self.s
        tail = re.sub(r"\s", "", raw)
        if m.unit in ("个百分点", "百分点"):
            return "序时进度" not in tail or bool(re.search(r"高于|低于|快于|慢于|比|较", tail))
        if re.search(r"(?:第|连续|前|近\d*个?)$", tail) or AVERAGE.search(tail):
            return True
        if m.kind == "growth":
            return False
        after = s[m.end:m.end + 2]
        if nxt is not None and _SIZE_UNITS.search(m.unit or "") and re.match(r"[\u4e00-\u9fff“]", after) \
                and not re.search(r"[,、;]", s[m.end:nxt.start]) and nxt.unit not in (m.unit, "%"):
            return True  # 超5亿元项目389个: a size class
        if re.match(r"\s*(?:级|强|倍|届|期|批次|周年|生活圈|服务圈|经济圈|通勤圈|半径)", s[m.end:m.end + 4]):
            return True
        if re.search(r"[“\"]\s*$", raw) and re.match(r"\s*[”\"]", s[m.end:m.end + 2]):
            return True  # 出台…“20条”: the name of a policy
        if m.unit in ("位", "名") and re.search(r"排名|名次|位次|第|跃升|上升|前移", tail):
            return True  # 排名由第39位跃升至21位: a place, read as a rank or not at all
        if m.qualifier != "exact" and _SIZE_UNITS.search(m.unit or "") and \
                re.match(r"\s*(?:的)?[\u4e00-\u9fff]{0,4}?(?:项目|企业|工程|集群)", s[m.end:m.end + 9]):
            return True  # 超5亿元项目, 亿元以上工业企业: a size class
        return False

    def _read_tail(self, f: _Found, b: int, more: bool) -> None:
        """The noun right after a unit (19 个项目入选…: 项目), up to a verb, 的, a number or the
        end; and what follows it up to the next number or the clause's end."""
        s = self.s
        a = f.m.end
        f.end = f.tail_end = a
        if f.m.kind != "value":
            return
        at = a
        while at < b and s[at].isspace():
            at += 1
        if s.startswith("的", at):
            at += 1
        if at >= b or not re.match(r"[\u4e00-\u9fff“A-Za-z(]", s[at]):
            return
        year = rx(r"(?:19|20)\d\d\s*年度?")
        i = at
        while i < b:
            if s[i] in ",;。、:" or s[i].isdigit() or s[i] == "的" or _VERB.match(s, i):
                break
            i += 1
        end = i
        while end < b and s[end] not in ",;。、:":
            if s[end].isdigit():
                y = year.match(s, end)
                if not y:
                    break
                end = y.end()
                continue
            end += 1
        f.leads = more and (end >= b or s[end].isdigit())
        noun = re.sub(r"\s", "", s[at:i])
        if f.leads:
            # 118 项省市重点项目投资完成率 93.9%: the count's noun ends at its head, the rest names the next
            head = list(_HEAD.finditer(noun))
            if head and head[-1].end() < len(noun):
                cut = head[-1].end()
                k = at
                while len(re.sub(r"\s", "", s[at:k])) < cut:
                    k += 1
                i, noun = k, noun[:cut]
        f.noun = noun
        f.pred = re.sub(r"(?:近|约|超|超过|突破|达|为|达到)$", "", re.sub(r"\s", "", s[i:end]))
        f.tail_end = i if f.leads else end
        f.end = max(a, len(s[:f.tail_end].rstrip()))

    def _names(self, found: list[_Found], topic: str, prev: list[Statement]) -> None:
        """Name each number of a clause: by the phrase before it, the noun after it, its chain."""
        i = 0
        while i < len(found):
            j = i
            while j + 1 < len(found) and found[j].chained and found[j + 1].m.kind == "value":
                j += 1
            chain = found[i:j + 1]
            if len(chain) > 1:
                self._chain(chain, topic, prev)
            else:
                f = chain[0]
                nxt = found[i + 1] if i + 1 < len(found) else None
                if f.m.kind == "value":
                    f.name = self._name(f, nxt, topic, prev, found[:i])
            i = j + 1

    def _chain(self, chain: list[_Found], topic: str, prev: list[Statement]) -> None:
        """国家级 13 项、市级 15 项、区级 7 项跨部门事项; 154 个、总投资 2168.63 亿元的省市重点项目;
        12 宗、731 亩土地报批; 安置回迁（选房）33.27 万平方米、4187 套."""
        if all(f.pre and not _generic(f.pre) and not _LEVEL.fullmatch(f.pre) for f in chain):
            for f in chain:
                f.name = f.pre  # 建成口袋公园5处、绿道5公里: each its own name
            return
        last = chain[-1]
        shared = self._noun_name(last) or (chain[0].pre if chain[0].pre and not _generic(chain[0].pre) else "")
        end = max(f.end for f in chain)
        if not shared:
            for f in chain:
                f.name = f.pre if f.pre and not _generic(f.pre) and not _LEVEL.fullmatch(f.pre) else ""
            return
        bare = [f for f in chain if not f.pre or f.pre == shared]
        for f in chain:
            if not f.pre or f.pre == shared or _generic(f.pre) or _LEVEL.fullmatch(f.pre):
                f.end = max(f.end, end)
            if f.pre and _LEVEL.fullmatch(f.pre):
                f.name = f.pre + shared
            elif f.pre and f.pre != shared and _generic(f.pre):
                f.name = _join(shared, f.pre)
            elif f.pre and f.pre != shared:
                f.name = f.pre
            elif len(bare) > 1 or f.pre == shared and f is not chain[0]:
                f.name = shared + _count_word(f.m.unit or "")
            else:
                f.name = shared

    def _noun_name(self, f: _Found) -> str:
        """The name the noun after a number gives: itself, what it was chosen as (入选…), or
        what happened to it (项目开工)."""
        if not f.noun:
            return ""
        if _good(f.noun) and not _generic(f.noun):
            return f.noun
        obj = _OBJECT.match(f.pred) if f.pred else None
        if obj and _good(_clean(obj.group("obj"))) and len(_clean(obj.group("obj"))) > 2:
            return _clean(obj.group("obj"))
        verb = _ADVERB.sub("", f.pred)
        if 1 <= len(verb) <= 8 and _good(f.noun + verb) and not re.search(r"\d", verb):
            return f.noun + verb
        return ""

    def _name(self, f: _Found, nxt: _Found | None, topic: str, prev: list[Statement],
              earlier: list[_Found]) -> str:
        if f.pre and _LEVEL.fullmatch(f.pre) and f.noun:
            return f.pre + f.noun
        if f.pre and not _generic(f.pre):
            return f.pre
        if f.noun and not f.pre:
            if not _generic(f.noun) and _good(f.noun):
                return f.noun
            if f.leads and nxt is not None:
                if nxt.noun and _good(nxt.noun) and not _generic(nxt.noun):
                    return nxt.noun + f.noun  # 54 个项目 3856.49 亩净地交付: 净地交付项目
                rest = _clean(f.pred)
                if rest and not _generic(rest) and _good(f.pred + f.noun) and not _generic(_clean(nxt.raw)):
                    return f.pred + f.noun  # 66家企业获得授信资金近10亿元: 获得授信资金企业
            else:
                named = self._noun_name(f)
                if named:
                    return named
                verb = _LEAD_VERB.match(re.sub(r"\s", "", f.raw))
                if verb and not f.pred:
                    return verb.group() + f.noun  # 建成冯宅中学等3个项目
            ctx = self._context(prev, topic, f.noun)
            return _join(ctx, f.noun) if ctx else ""
        if f.pre:
            # 60 个项目完成投资额 98.76 亿元: the count before it in the clause
            own = next((g.name for g in reversed(earlier) if g.name and g.m.kind == "value" and g.m.unit != "%"
                        and not _SIZE_UNITS.search(g.m.unit or "")), "")
            ctx = own or self._context(prev, topic, f.pre)
            return _join(ctx, f.pre) if ctx else ""
        # no noun at all: 利莱森玛等 6 个顺利竣工, 2家通过市级众创空间认定
        if f.pred and not f.leads:
            obj = _OBJECT.match(f.pred)
            if obj and _good(_clean(obj.group("obj"))):
                return _clean(obj.group("obj"))
            done = _ADVERB.sub("", f.pred)
            if topic and 1 <= len(done) <= 8 and _good(topic + done):
                return topic + done
        return ""

    def _context(self, prev: list[Statement], topic: str, name: str) -> str:
        """What a generic name is of: the count before it in the sentence for a total (出让地块 30 宗，
        总面积 … → 出让地块总面积), else the clause's topic (大力推进城市品质提升，60 个项目… →
        城市品质提升项目), else that count."""
        count = next((p.ind.name for p in reversed(prev) if p.metric == "value" and p.unit != "%"
                      and not _SIZE_UNITS.search(p.unit or "")), "")
        if "总" in name[:3] or (RATE.search(name) and count and not topic):
            return count or topic
        return topic or count

    def _ranks(self, a: int, b: int, kind: str, year: int, sent_start: int,
               prev: list[Statement]) -> list[Statement]:
        """全市第 2, 居全省第 4, 保持全市前 3: the rank of the names before it, or of the figure
        before it when the clause names none (入选数全市第 2, 排名全市第4)."""
        out: list[Statement] = []
        s = self.s
        for m in _RANK.finditer(s, a, b):
            n = m.group("n") or m.group("top")
            if n is None:
                continue
            value = _cn_number(n)
            if value == 0 or value > 200:
                continue
            top = m.group("top") is not None
            subject = re.sub(r"\s", "", s[a:m.start()])
            subject = re.sub(r"(?:连续\d+年|连续[一二三四五六七八九十]+年|均|继续|稳定|始终|一直|仍|已)+$", "",
                             subject)
            subject = re.sub(r"(?:排名|位次|名次)$", "", subject)
            subject = _RANK_TRAIL.sub("", _clean(subject))
            names = [x for x in (_clean(p) for p in re.split(r"[、和及与]", subject)) if x] if subject else []
            targets: list[tuple[str, Ind | None, int]] = []
            if not names or all(_GENERIC_RANK.fullmatch(x) for x in names):
                ref = self._referent(prev, "总" in subject)
                if ref is None:
                    continue
                targets = [(ref.ind.name, ref.ind, ref.start if ref.end >= a - 2 else a)]
            else:
                for x in names:
                    ref = self._match(x, prev)
                    if ref is not None:
                        targets.append((ref.ind.name, ref.ind, a))
                    elif _good(x) and not re.search(r"\d", x):
                        stripped = re.sub(r"(?:总量|总数|数量)$", "", x)  # 高新技术企业总量保持全市前 3
                        use = stripped if _good(stripped) and not _generic(stripped) else x
                        targets.append((use, None, a))
                    else:
                        targets = []
                        break
            for name, ind, start in targets:
                st = Statement(kind, ind or self._resolve(name, None), "rank", start, m.end(),
                               m.start("n") if m.group("n") else m.start("top"), value, None, None,
                               "at_most" if top else "exact")
                if self._add(st, kind, year, sent_start):
                    out.append(st)
        return out

    def _referent(self, prev: list[Statement], total: bool) -> Statement | None:
        values = [p for p in prev if p.metric == "value"]
        if not values:
            return None
        if total:
            return values[0]
        counts = [p for p in values if p.unit != "%"]
        return (counts or values)[-1]

    def _match(self, name: str, prev: list[Statement]) -> Statement | None:
        for cand in (name, re.sub(r"(?:入选)?(?:总量|总数|数量|量|数)$", "", name)):
            for p in reversed(prev):
                if p.metric == "value" and (p.ind.name == cand or (len(cand) >= 3 and p.ind.name.endswith(cand))):
                    return p
        return None

    def _resolve(self, name: str, unit: str | None) -> Ind:
        fresh = name not in self.r.new_by_key.values()
        before = set(self.r.new)
        ind = self.r.resolve(name, (), unit)
        if fresh and ind.id not in before and ind.new and not ind.known:
            ind.category = None  # a section's figure, not a headline
        return ind

    def _make(self, f: _Found, kind: str, year: int, sent_start: int, topic: str) -> Statement | None:
        m = f.m
        unit = m.unit if m.kind == "value" else "%"
        start = f.start
        while start < m.start and (self.s[start] in " 、,和及与" or self.s[start].isspace()):
            start += 1
        st = Statement(kind, self._resolve(f.name, unit if m.kind == "value" else None), m.kind, start,
                       max(m.end, f.end), m.start, m.value, unit, m.growth, m.qualifier)
        if self._add(st, kind, year, sent_start):
            return st
        if topic and not f.name.startswith(topic):
            # two figures of one name in a year (项目开工 of two sentences): the topic tells them apart
            st.ind = self._resolve(_join(topic, f.name), unit if m.kind == "value" else None)
            if self._add(st, kind, year, sent_start):
                return st
        return None

    def _add(self, st: Statement, kind: str, year: int, sent_start: int) -> bool:
        """Keep the statement unless its indicator already has another figure of that year."""
        key = (st.ind.id, year, kind, st.metric)
        figure = (st.value, st.unit, st.growth, st.qualifier)
        if key in self.used:
            return False
        self.used[key] = figure
        st.year = year
        if kind == "actual":
            words = self.status_rx.findall(self.s, sent_start, st.at)
            from ..vocab import STATUS_WORDS

            st.status = STATUS_WORDS[words[-1]] if words else "reported"
        self.out.append(st)
        return True


def _join(ctx: str, name: str) -> str:
    """出让地块 + 总面积; 专项债项目 + 项目总投资 → 专项债项目总投资; 学前教育普惠优质 + 普惠率 →
    学前教育普惠率; 招商项目数 + 投资额 → 招商项目投资额."""
    ctx = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:个数|数量|数)$", "", ctx)
    for k in range(min(len(ctx), len(name)), 1, -1):
        at = ctx.rfind(name[:k])
        if at > 0 and (at + k == len(ctx) or RATE.search(name)):
            return ctx[:at] + name
    return ctx + name


def _count_word(unit: str) -> str:
    """What a figure in this unit counts, for a name shared by two units: 面积, 套数, 宗数 …"""
    from ..units import dimension, split_unit

    base = split_unit(unit)[1]
    dim = dimension(base)
    return {"area": "面积", "money": "金额", "length": "长度", "people": "人数",
            "households": "户数", "mass": "重量", "volume": "体积"}.get(dim, base + "数")


def _sentences(s: str, a: int, b: int) -> list[tuple[int, int]]:
    out, start = [], a
    for m in re.finditer(f"[{TERMINAL}]", s[a:b]):
        out.append((start, a + m.end()))
        start = a + m.end()
    if start < b:
        out.append((start, b))
    return [(x, y) for x, y in out if s[x:y].strip()]


class _Spans:
    """Spans [start, end) of the text, and whether a position falls in one: in log time, as a
    long paragraph holds as many spans as figures."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))  # the furthest end so far

    def covers(self, at: int) -> bool:
        k = bisect_right(self.starts, at)
        return k > 0 and self.reach[k - 1] > at


def read_statements(text: Text, parser: Parser, skip: list[tuple[int, int]], ay: int, ty: int,
                    target_at: int | None, taken: Iterable[tuple] = (),
                    read: Iterable[Item] = ()) -> list[Statement]:
    """The statements of every part of the report outside `skip` (the passages already read),
    but for the numbers of the items `read` (the headline figures) and the indicators, years,
    kinds and metrics `taken` (by those items' records)."""
    reader = Reader(text, parser)
    for key in taken:
        reader.used[key] = None
    reader.read_before = _Spans([(it.at, it.end) for it in read])
    return reader.read(parts(text, ay, ty, target_at), skip, ay, ty)
