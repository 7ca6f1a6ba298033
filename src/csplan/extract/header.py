"""The report's header: its title, the date and meeting it was delivered to, who wrote it, the
kind of report, its region and the years it reports on and plans for.

The header is the lines before 各位代表 (at most HEAD_LINES, none longer than HEAD_LINE_MAX); the
opening is the OPENING_CHARS characters from 各位代表 on. A line that reads as a file's metadata
(an ASCII key and a colon, `source: …`, or a web address) is neither header nor text.

Kind. A government work report (政府工作报告, "gwr") is told by its title, or by the head of the
government speaking: 我代表…人民政府, 向大会报告工作, 作政府工作报告. A plan report (国民经济和社会发展
计划执行情况 … 计划草案的报告, "plan") is told by its title (计划 or 规划 with 执行 or 草案), by
受…人民政府委托, or by its author, a 发展和改革委员会 or 局. The title decides, else the first sign in
the header and opening; with none, a text that opens with 各位代表 is taken for a government work
report, and any other (an excerpt without its head) for a plan report if it shows a plan report's
words anywhere (计划执行情况, 发展改革委 …), else for a government work report.

Years: the first of these that tells them (the other year is the one next to it).
1. The title: two years (2024年…执行情况及2025年…草案) are the year reported on and the year
   planned. One year is the year reported on after 执行 (2024年计划执行情况的报告), else the year
   planned (2025年计划草案; 2025年政府工作报告, for a government work report is named by the year it
   is delivered in and plans for).
2. The date it was delivered (the date line: 2024年1月10日在…会议上, in figures or in Chinese
   numerals): the year planned is the date's year (今年经济社会发展的主要预期目标), or the next one
   for a report delivered from LATE_MONTH on (a December report reviews the year under way) or
   whose targets heading says 明年.
3. Section heads, short lines with a year: 一、2023年工作回顾, 2024年计划执行情况 give the year
   reported on; 二、2024年工作安排, 2025年主要预期目标, 计划草案 the year planned. Where the first
   head of each disagrees, the earlier one decides.
4. The targets heading: 2024年全市经济社会发展主要预期目标是 (not 2023年主要预期目标较好完成).
5. What the paragraph of the targets says this year is (2024年是…关键之年。…今年全市经济社会发展的
   主要预期目标是), as an excerpt without its title and date line still says it.
6. The year just past, named as such: 刚刚过去的2023年.
With none of these, the file's name (below); with none, extract asks for --actual-year/--target-year,
which override all of this.

Region: the first of these that names one.
1. The title (关于福州市仓山区2024年…, 2025年安徽省政府工作报告, 宜昌市2021年…).
2. 受福州市仓山区人民政府委托.
3. The meeting (在甘肃省十四届人民代表大会第四次会议上).
4. The signature line (池州市人民政府市长 朱浩东, 浙江省省长 刘捷).
5. 我代表江苏省人民政府 in the opening.
6. The national congress, the National Development and Reform Commission or the State Council:
   the country (全国).
7. The text. The level of the government speaking is that of 我代表市人民政府 or 受区人民政府委托,
   else the most frequent of 全省, 全市, 全区, 全县 …; the region is the name of that level the text
   gives most often, among the provinces and the places of `lexicon.toml`'s [regions]: a province
   or a city by its short name (长沙, for 长沙市: reports write 长沙 far more often), a district,
   county or banner by its full name (黄山区: a district's short name is often its city's). It must
   be given at least MIN_MENTIONS times and DOMINANCE times as often as the next name of its level,
   for a city's report names its province, its counties and other cities too. A name of one
   character and its level word (城区, 郊区) is never read this way: it is a common word.

The file's name tells the region, the years and the kind of a text that does not (an excerpt
without its head): a name as the corpus names its files, a region id, the year and the kind
(`anxi-2021-government-work-report.txt`, `cangshan-2024-plan-report.md`: a plan report's year is
the year reported on, a work report's the year planned), or a name read as a title
(`福州市仓山区2024年政府工作报告.docx`). What the text says always comes first.

Region ids (`region_id`): a province's from `lexicon.toml`'s [provinces] (anhui); a city's,
prefecture's or league's from [regions] (changsha; jilinshi where the short id is a province's;
suzhou_jiangsu and suzhou_anhui where two names read alike); else the name's last part
(内蒙古呼伦贝尔市海拉尔区 → 海拉尔区) in pinyin (`pinyin.toml`), without its level word (hailaer),
or with it where the short id would be that of a province or a [regions] place (黄山区 →
huangshanqu) or the name without its level word is one character (城区 → chengqu).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from .measures import CN_DIGITS
from .compiled import rx
from .names import _LEXICON_DATA, COUNTRY_NAMES, PROVINCES, pinyin, place_readings
from .text import half_width


HEAD_LINES = 40  # the header is at most this many lines …
HEAD_LINE_MAX = 160  # … none longer than this: a longer line is the body
OPENING_CHARS = 800  # 我代表…人民政府 and 受…委托 are read in this much of the text from 各位代表 on
SECTION_HEAD_MAX = 40  # a section head (一、2023年工作回顾) is a line at most this long
LATE_MONTH = 10  # a report delivered in this month or later plans for the next year
MIN_MENTIONS = 3  # a region read from the text alone is named at least this often …
DOMINANCE = 2.0  # … and this many times as often as the next name of its level

_CN_YEAR = rx(r"[〇零一二三四五六七八九]{4}")
_Y = r"(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}"
YEAR = rx(rf"({_Y})\s*年")
_META = rx(r"^#*\s*[A-Za-z][A-Za-z0-9_ .-]{0,30}:\s*\S|://")
_DAY = r"[\d一二三四五六七八九十]{1,3}"
_DATE = rx(rf"({_Y})\s*年\s*({_DAY})\s*月\s*(?:({_DAY})\s*日)?"
                   r"\s*(?:在(.+?)上)?")  # ——2024年1月在…会议上: the month alone still dates it
_SENTENCE_MARKS = rx(r"[,，。;；:：!！?？]")
_ETHNIC = ("蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|"
           "纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|"
           "鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺")
# A place's level word, with the peoples of an autonomous place (恩施土家族苗族自治州, 伊犁哈萨克自治州).
_LEVEL = rx(rf"(?:(?:{_ETHNIC})族|蒙古|哈萨克|柯尔克孜|锡伯|塔吉克)*"
                    r"(特别行政区|自治区|自治州|自治县|自治旗|(?<=[\u3400-\u9fff]{2})(?:地区|林区|特区|新区|州)"
                    r"|省|市|区|县|旗|盟)$")  # 神农架林区, but 碑林区 (碑林, 区); 黔西南州, but 杭州
_LEVEL_PINYIN = {"特别行政区": "tebiexingzhengqu", "自治区": "zizhiqu", "自治州": "zhou", "自治县": "xian",
                 "自治旗": "qi", "地区": "diqu", "林区": "linqu", "特区": "tequ", "新区": "xinqu"}
_NOT_A_PLACE = set("本我全各该此这")  # 我区, 全市, 本县: words for the region, not its name
_PROVINCE_SUFFIX = {"内蒙古": "自治区", "广西": "壮族自治区", "西藏": "自治区", "宁夏": "回族自治区",
                    "新疆": "维吾尔自治区", "北京": "市", "天津": "市", "上海": "市", "重庆": "市",
                    "香港": "特别行政区", "澳门": "特别行政区"}
_COUNTY_LEVEL = {"自治县": "县", "自治旗": "旗", "新区": "区", "林区": "区", "特区": "区"}  # the level speaking
_HEADS_OF_GOVERNMENT = r"省长|市长|区长|县长|州长|旗长|盟长|主席|专员"  # 专员: a prefecture's (地区) administration
_GWR_SIGN = rx(r"政府工作报告|我代表.{0,30}?人民政府|向大会(?:报告|作)(?:政府)?工作|作(?:政府)?工作报告")
_PLAN_SIGN = rx(r"受.{0,30}?(?:人民政府|国务院)委托|发展和改革(?:委员会|局)|发展改革委|发改委|发改局"
                        r"|计划执行情况|计划草案")
_REVIEW_HEAD = rx(r"回顾|执行情况|完成情况|工作总结|主要工作|成就|成绩|进展")
_PLAN_HEAD = rx(r"安排|草案|目标|任务|要求|重点|思路|计划|打算|部署")
_TARGETS = r"(?:主要预期目标|主要目标|预期目标|主要发展目标)"
_TARGETS_HEAD = rx(rf"({_Y}|今年|明年)\s*年?([^。;；!！?？,，\n]{{0,30}}?){_TARGETS}(.{{0,6}})")
_NOT_PLANNED = rx(r"完成|实现|较好|超额|圆满|年初|确定的|下达的|高于|低于|超过|快于")
_JUST_PAST = rx(rf"过去的\s*({_Y})\s*年")
_YEAR_IS = rx(rf"({_Y})\s*年是")
_TARGETS_LEAD = rx(_TARGETS)


def year_of(text: str) -> int:
    if _CN_YEAR.fullmatch(text):
        return int("".join(str(CN_DIGITS[c]) for c in text))
    return int(text)


def _cn_small(text: str) -> int | None:
    """一 … 三十一 (months and days written in Chinese)."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in CN_DIGITS and c != "十" for c in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return CN_DIGITS.get(tens, 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    return CN_DIGITS[text]


@dataclass
class Header:
    title: str | None = None
    date: str | None = None
    meeting: str | None = None
    issuer: str | None = None
    region_name: str | None = None
    actual_year: int | None = None
    target_year: int | None = None
    kind: str | None = None  # "gwr" (政府工作报告) or "plan" (计划执行情况 … 计划草案的报告)
    years_from: str | None = None  # title, date, section heads, targets heading, year just past
    region_from: str | None = None  # title, 受…委托, meeting, signature, 我代表, country, text
    kind_said: bool = False  # whether the head says the kind (else it is the body's guess)


def read_header(original: str) -> Header:
    """What a report says of itself: its title, the date and meeting it was delivered to, who
    wrote it, its kind, region, and the years it reports on and plans for (see the module's
    docstring for the rules)."""
    h = Header()
    body = half_width("\n".join(ln for ln in original.splitlines() if not _META.search(ln.strip())))
    lines = _head_lines(body)
    start = body.find("各位代表")
    opening = body[max(start, 0):max(start, 0) + OPENING_CHARS]
    h.title = _title(lines)
    delivered: tuple[int, int] | None = None  # (year, month) of the date line
    for ln in lines:
        m = _DATE.search(ln)
        if m and (ln.startswith(("(", "—", "-")) or m.group(4)) and delivered is None:
            month, day = _cn_small(m.group(2).strip()), _cn_small((m.group(3) or "").strip())
            if month and 1 <= month <= 12:
                delivered = year_of(m.group(1)), month
                if day and 1 <= day <= 31:
                    h.date = f"{delivered[0]:04d}-{month:02d}-{day:02d}"
            if m.group(4):
                h.meeting = m.group(4).strip()
    for ln in lines:
        if ln != h.title and len(ln) <= 30 and re.search(r"(?:局|委员会|委|政府|办公室|厅)$", ln):
            h.issuer = ln
            break
    said = _kind(h.title, lines, opening)
    h.kind, h.kind_said = said or _kind_of_body(body), said is not None
    years = (("title", _title_years(h.title, said)), ("date", _date_years(delivered, body)),
             ("section heads", _section_years(body)), ("targets heading", _targets_years(body)),
             ("year said of the targets", _year_is_years(body)), ("year just past", _just_past_years(body)))
    for where, found in years:
        if found:
            (h.actual_year, h.target_year), h.years_from = found, where
            break
    h.region_name, h.region_from = _region_name(h, lines, opening, body)
    return h


# anxi-2021-government-work-report, cangshan_2024_plan: a region id, the year, the kind
_FILE_ID = rx(r"(?P<region>[a-z][a-z_]*?)[-_](?P<year>(?:19|20)\d{2})[-_](?P<kind>"
              r"(?:government[-_]?)?work[-_]?report|gwr|plan(?:[-_]?report)?)\b", re.IGNORECASE)
_KIND_WORDS = {"gwr", "plan", "report", "government", "work"}


@dataclass(frozen=True)
class FileName:
    """What a file's name tells of its report (see the module's docstring)."""

    region: str | None = None  # an id (anxi) or a name (福州市仓山区)
    kind: str | None = None
    year: int | None = None  # as the title's: the year reported on of a plan report, else the year planned

    def years(self, kind: str | None) -> tuple[int, int] | None:
        if self.year is None:
            return None
        return (self.year, self.year + 1) if (self.kind or kind) == "plan" else (self.year - 1, self.year)


def read_file_name(name: str | None) -> FileName:
    if not name:
        return FileName()
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name.replace("\\", "/").rsplit("/", 1)[-1])
    m = _FILE_ID.match(stem)
    if m and m.group("region").lower() not in _KIND_WORDS:
        kind = "plan" if m.group("kind").lower().startswith("plan") else "gwr"
        return FileName(m.group("region").lower(), kind, int(m.group("year")))
    if not re.search(r"[\u4e00-\u9fff]", stem):
        return FileName()
    h = read_header(stem)
    if h.title is None:
        return FileName()
    said = h.kind if h.kind_said else None
    year = (h.actual_year if said == "plan" else h.target_year) if h.years_from == "title" else None
    return FileName(h.region_name if h.region_from == "title" else None, said, year)


def _head_lines(body: str) -> list[str]:
    """The lines before 各位代表, stripped of Markdown's #."""
    lines: list[str] = []
    for raw in body.splitlines():
        ln = raw.strip().lstrip("#").strip()
        if not ln:
            continue
        if ln.startswith("各位代表") or len(lines) >= HEAD_LINES or len(ln) > HEAD_LINE_MAX:
            break
        lines.append(ln)
    return lines


def _title(lines: list[str]) -> str | None:
    """关于…的报告 or a line naming a report, joined with the one or two lines it runs on to; else
    the first line, if it reads as a title (no sentence, no date line, no page words)."""
    for i, ln in enumerate(lines):
        if _SENTENCE_MARKS.search(ln) or ln.startswith(("(", "—", "-")) or "会议上" in ln:
            continue
        if ln.startswith("关于") or "报告" in re.sub(r"\s", "", ln):
            parts = [ln]
            for more in lines[i + 1:i + 3]:
                if "报告" in parts[-1] or more.startswith(("(", "—")) or _SENTENCE_MARKS.search(more):
                    break
                parts.append(more)
            if "报告" in re.sub(r"\s", "", parts[-1]) and len("".join(parts)) <= 160:
                return "".join(parts)
    first = lines[0] if lines else ""
    if 4 <= len(re.findall(r"[\u4e00-\u9fff]", first)) and len(first) <= 120 and not _SENTENCE_MARKS.search(first) \
            and not first.startswith(("(", "—", "-")) and "会议" not in first:
        return first
    return None


def _kind(title: str | None, lines: list[str], opening: str) -> str | None:
    t = re.sub(r"\s", "", title or "")
    if "政府工作报告" in t:
        return "gwr"
    if re.search(r"(?:计划|规划).*(?:执行|草案)|(?:执行|草案).*(?:计划|规划)", t):
        return "plan"
    head = "\n".join(lines) + "\n" + opening
    signs = [(m.start(), "plan") for m in _PLAN_SIGN.finditer(head)]
    signs += [(m.start(), "gwr") for m in _GWR_SIGN.finditer(head)]
    if signs:
        return min(signs)[1]
    return "gwr" if opening.startswith("各位代表") else None


def _kind_of_body(body: str) -> str:
    """The kind of a text whose head says none (an excerpt of its review and targets): a plan report
    where the text shows a plan report's words (计划执行情况, 发展改革委 …), else a work report."""
    return "plan" if _PLAN_SIGN.search(body) else "gwr"


def _title_years(title: str | None, kind: str | None) -> tuple[int, int] | None:
    if not title:
        return None
    years = [year_of(y) for y in YEAR.findall(title)]
    if len(years) >= 2 and years[-1] == years[0] + 1:
        return years[0], years[-1]
    if len(years) == 1:
        if "执行" in title:
            return years[0], years[0] + 1
        if kind == "gwr" or re.search("计划|草案|规划", title):
            return years[0] - 1, years[0]
    return None


def _targets_word(body: str) -> str | None:
    """今年, 明年 or a year: how the heading of the year planned's targets names that year."""
    for m in _TARGETS_HEAD.finditer(body):
        if not _NOT_PLANNED.search(m.group(2)) and not re.match(r"\s*(?:任务)?(?:完成|执行|实现|较好|全面|圆满|顺利)",
                                                                  m.group(3)):
            return m.group(1)
    return None


def _date_years(delivered: tuple[int, int] | None, body: str) -> tuple[int, int] | None:
    if not delivered:
        return None
    year, month = delivered
    word = _targets_word(body)
    target = year + 1 if word == "明年" or month >= LATE_MONTH else year
    return target - 1, target


def _section_years(body: str) -> tuple[int, int] | None:
    """The years of the first review head and the first plan head (一、2023年工作回顾, 二、2024年工作安排)."""
    review: tuple[int, int] | None = None
    plan: tuple[int, int] | None = None
    for at, raw in enumerate(body.splitlines()):
        ln = raw.strip().strip("#*").strip()
        if not ln or len(ln) > SECTION_HEAD_MAX or ln[-1] in "。;；!！?？,，":
            continue
        years = [year_of(y) for y in YEAR.findall(ln)]
        if len(years) == 2 and years[1] == years[0] + 1 and _REVIEW_HEAD.search(ln) and _PLAN_HEAD.search(ln):
            return years[0], years[1]
        if len(years) != 1:
            continue
        if _REVIEW_HEAD.search(ln):
            review = review or (at, years[0])
        elif _PLAN_HEAD.search(ln):
            plan = plan or (at, years[0] - 1)
        if review and plan:
            break
    found = [x for x in (review, plan) if x]
    if not found:
        return None
    if review and plan and review[1] == plan[1]:
        return review[1], review[1] + 1
    first = min(found)[1]
    return first, first + 1


def _targets_years(body: str) -> tuple[int, int] | None:
    word = _targets_word(body)
    if word is None or word in ("今年", "明年"):
        return None
    return year_of(word) - 1, year_of(word)


def _year_is_years(body: str) -> tuple[int, int] | None:
    """The year the paragraph of the main targets says this one is, before them: 2021年是“十四五”
    开局之年。全省经济社会发展的主要预期目标是 (not in a sentence of targets met: 年初确定的…较好完成)."""
    for m in _TARGETS_LEAD.finditer(body):
        start = max(body.rfind("\n", 0, m.start()), 0)
        sentence = body[max(body.rfind("。", start, m.start()), start):m.end() + 6]
        if _NOT_PLANNED.search(sentence):
            continue
        said = list(_YEAR_IS.finditer(body, start, m.start()))
        if said:
            return year_of(said[-1].group(1)) - 1, year_of(said[-1].group(1))
    return None


def _just_past_years(body: str) -> tuple[int, int] | None:
    m = _JUST_PAST.search(body)
    return (year_of(m.group(1)), year_of(m.group(1)) + 1) if m else None


# --- the region -----------------------------------------------------------------------------------


def _level_word(name: str) -> str | None:
    m = _LEVEL.search(name)
    return m.group(1) if m else None


def short_name(name: str) -> str:
    """The name without its level word and peoples: 长沙市 → 长沙, 恩施土家族苗族自治州 → 恩施."""
    return _LEVEL.sub("", name)


def _is_place(name: str) -> bool:
    """Could `name` (from a title, a meeting, a signature) be a region's: Chinese, ending with a
    level word after a name of its own (not 市, 自治区, 我区 or 全市)?"""
    if not re.fullmatch(r"[\u3400-\u9fff]{2,30}", name):
        return False
    if name in PROVINCES:
        return True
    short = short_name(name)
    return bool(short) and _level_word(name) is not None and not (len(short) == 1 and short in _NOT_A_PLACE)


def _region_name(h: Header, lines: list[str], opening: str, body: str) -> tuple[str | None, str | None]:
    head = "".join(lines)
    found: list[tuple[str, str | None]] = []
    if h.title:
        title = re.sub(r"\s", "", h.title)
        m = re.match(rf"(?:关于)?(.*?)(?:{_Y})年", title)
        found.append(("title", m.group(1) if m else None))
        m = re.search(r"(?:\d{4}年)?(.{2,30}?)(?:人民)?(?:政府|行政公署|行署)工作报告", title)
        found.append(("title", m.group(1) if m else None))
    m = re.search(r"受((?:(?!人民政府).){2,30}?)人民政府委托", head + opening)
    found.append(("受…委托", m.group(1) if m else None))
    # 在…第十四届人民代表大会…, and a prefecture's 在阿克苏地区人大工委全体(扩大)会议上
    m = re.search(r"(?:^|在)([^在]{2,30}?)(?:第?[一二三四五六七八九十]+届人民代表大会|人大工委)", h.meeting or "")
    m = m or re.search(r"在([^在]{2,30}?)(?:第?[一二三四五六七八九十]+届人民代表大会|人大工委)", head)
    found.append(("meeting", m.group(1) if m else None))
    for ln in lines:
        m = re.match(rf"(.{{1,29}}?(?:省|市|区|县|旗|盟|州))(?:人民政府|行政公署|行署)?(?:代理?|副)?"
                     rf"(?:{_HEADS_OF_GOVERNMENT})(?:\s|$)", ln)
        if m:
            found.append(("signature", m.group(1)))
            break
    m = re.search(r"我代表((?:(?!人民政府).){2,30}?)(?:人民政府|行政公署|行署)", opening)
    found.append(("我代表", m.group(1) if m else None))
    for where, name in found:
        if name and _is_place(name.strip()):
            return name.strip(), where
    if re.search(r"全国人民代表大会|国家发展和改革委员会|国务院", head):
        return "全国", "country"
    name = _named_most(body, opening)
    return (name, "text") if name else (None, None)


def _speaking_level(body: str, opening: str) -> str | None:
    m = re.search(r"(?:我代表|受)(自治区|省|市|区|县|旗|盟|州)人民政府", opening)
    if m:
        return m.group(1)
    counts = Counter(re.findall(r"全(省|市|区|县|旗|盟|州)", body))
    return counts.most_common(1)[0][0] if counts else None


@cache
def _places() -> dict[str, list[tuple[str, str, bool]]]:
    """For each level word, the names of that level as (name, what is counted, whether the name
    must also be written in full once): provinces and cities by short name, the rest in full."""
    out: dict[str, list[tuple[str, str, bool]]] = {}

    def add(level: str, name: str, counted: str, full_once: bool = False) -> None:
        if len(short_name(name)) >= 2:
            out.setdefault(level, []).append((name, counted, full_once))

    for stem in PROVINCES:
        if stem not in COUNTRY_NAMES:
            full = stem + _PROVINCE_SUFFIX.get(stem, "省")
            add("自治区" if full.endswith("自治区") else "省", full, stem)
    for full, entry in _regions().items():
        level = _level_word(full) or ""
        add("州" if level == "自治州" else "县" if level == "自治县" else level, full, short_name(full))
        for part in entry.get("parts", "").split():
            level = _level_word(part) or ""
            if level == "市":
                add("市", part, short_name(part), True)
            else:
                add(_COUNTY_LEVEL.get(level, level), part, part)
    return out


def _named_most(body: str, opening: str) -> str | None:
    """The name of the speaking government's level that the text gives most often (rule 7)."""
    level = _speaking_level(body, opening)
    if level is None:
        return None
    places = _places()
    candidates = places.get(level, []) + (places.get("自治区", []) if level == "区" else [])
    counts: Counter[str] = Counter()
    for name, counted, full_once in dict.fromkeys(candidates):
        n = body.count(counted)
        if n and (not full_once or name in body):
            counts[name] = max(counts[name], n)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_MENTIONS:
        return None
    if len(ranked) == 2 and ranked[0][1] < DOMINANCE * ranked[1][1]:
        return None
    return ranked[0][0]


# --- region ids -----------------------------------------------------------------------------------

def _regions() -> Mapping[str, dict[str, str]]:
    return _LEXICON_DATA.get("regions", {})


@cache
def _taken_ids() -> frozenset[str]:
    """The ids of provinces and [regions] places, and the plain ids two places that read alike share."""
    ids = set(PROVINCES.values()) | {e["id"] for e in _regions().values()}
    return frozenset(ids | {i.rsplit("_", 1)[0] for i in ids if i.rsplit("_", 1)[-1] in PROVINCES.values()})


def _romanised(name: str) -> str | None:
    table, places = pinyin(), place_readings()
    out, i = [], 0
    while i < len(name):
        place = next((p for p in places if name.startswith(p, i)), None)
        if place is not None:  # 闵行 minhang: a place's own reading of its characters
            out.append(places[place])
            i += len(place)
        elif name[i] in table:
            out.append(table[name[i]])
            i += 1
        else:
            return None
    return "".join(out) or None


_CORPS_DIVISION = rx(r"第[一二三四五六七八九十]{1,3}师")


def _last_part(name: str) -> str:
    """The name without the province and city before it: 内蒙古呼伦贝尔市海拉尔区 → 海拉尔区; without
    the division of the Production and Construction Corps run with the city: 第八师石河子市 → 石河子市."""
    corps = _CORPS_DIVISION.match(name)
    if corps and _level_word(name[corps.end():]) and len(name) - corps.end() >= 3:
        return name[corps.end():]
    for stem in sorted(PROVINCES, key=len, reverse=True):
        if name.startswith(stem) and stem not in COUNTRY_NAMES:
            rest = re.sub(r"^(?:省|市|(?:壮族|回族|维吾尔)?自治区)", "", name[len(stem):])
            if len(rest) >= 2 and _level_word(rest):
                name = rest
            break
    for full in sorted(_regions(), key=len, reverse=True):
        if name.startswith(full) and len(name) - len(full) >= 2 and _level_word(name[len(full):]):
            return name[len(full):]
    return name


@cache
def _prefectures() -> dict[str, str]:
    """The autonomous prefectures of [regions] by their short names (黔西南 → qianxinan)."""
    return {short_name(full): e["id"] for full, e in _regions().items() if _level_word(full) == "自治州"}


def region_id(name: str) -> str | None:
    """A readable id for a region's name (the module's docstring gives the rule), or None when a
    character of it has no reading in `pinyin.toml`."""
    name = re.sub(r"\s", "", name)
    if name in _regions():
        return _regions()[name]["id"]
    if name in PROVINCES:
        return PROVINCES[name]
    for stem, iid in PROVINCES.items():  # 内蒙古自治区, whose 蒙古 short_name takes for a people's name
        if name.startswith(stem) and name[len(stem):] in (_PROVINCE_SUFFIX.get(stem, "省"), "自治区"):
            return iid
    short = short_name(name)
    if short in PROVINCES and name == short + _PROVINCE_SUFFIX.get(short, "省") or \
            short in PROVINCES and _level_word(name) in ("省", "自治区", "特别行政区"):
        return PROVINCES[short]
    part = _last_part(name)
    if part in _regions():
        return _regions()[part]["id"]
    short, level = short_name(part), _level_word(part)
    if level == "州" and short in _prefectures():  # 黔西南州: 黔西南布依族苗族自治州, as it is often called
        return _prefectures()[short]
    plain = _romanised(short) if len(short) >= 2 else None
    if plain and plain not in _taken_ids():
        return plain
    level_pinyin = _LEVEL_PINYIN.get(level or "") or _romanised(level or "")
    spelt = _romanised(short or part)
    return spelt + (level_pinyin or "") if spelt else None
