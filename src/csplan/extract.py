"""Reading a plan report's text: its headline figures and its main targets, as flat records.

A report states last year's results in one summary sentence (预计，全年地区生产总值 1110 亿元，
增长 5.8%；…) and next year's targets in another (主要预期目标：地区生产总值增长5.5%；…). This
module finds those two sentences, splits them into items (a name, then a level, a growth, a flat
or a task), and maps each name to an indicator of the store, or to a new one.

Precision comes before recall: an item is emitted only when its name, number, unit and qualifier
are all read from the text; anything doubtful (a comparison, 个百分点, a multi-year average, a
name that reads like a verb phrase) is left out. Every record carries its quote, a contiguous
fragment of the input with page breaks joined.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from itertools import pairwise

from .model import CsplanError, Indicator, Region, Source, Store
from .records import KEYS

# --- the input text ---------------------------------------------------------------------------

_TERMINAL = "。！？!?"
_CLOSERS = "”’」』)）\"' \t"
_PAGE_FURNITURE = re.compile(r"[\s\-—–－―_]*(?:第\s*\d+\s*页(?:\s*[/／共]\s*\d+\s*页?)?|\d{1,3})[\s\-—–－―_]*\Z")
_HEADING = re.compile(
    r"(?:第[一二三四五六七八九十]+[部分章节]|[一二三四五六七八九十]+\s*[、.．]|"
    r"[（(]\s*[一二三四五六七八九十]+\s*[)）])"
)
_LIST_START = re.compile(r"(?:#|[-*•·]\s|——|\d{1,2}\s*[、.．)）](?!\d)(?=\s*\S)|[（(]\s*\d{1,2}\s*[)）]"
                         r"|[一二三四五六七八九十]+是)")


def _half_width(ch: str) -> str:
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if ch in "\u3000\xa0":
        return " "
    if ch == "﹪":
        return "%"
    return ch


@dataclass
class Text:
    """The report: `joined` is what the parser reads (half-width, page breaks removed, one
    paragraph a line); `pos[i]` is the index in `original` of joined[i] (-1 for a paragraph end)."""

    original: str
    joined: str
    pos: list[int]

    def quote(self, start: int, end: int) -> str:
        """The input behind joined[start:end]: its own characters, page breaks left out."""
        return "".join(self.original[self.pos[k]] for k in range(start, end) if self.pos[k] >= 0).strip()

    def paragraphs(self) -> list[tuple[int, int]]:
        spans, start = [], 0
        for m in re.finditer("\n", self.joined):
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, len(self.joined)))
        return [(a, b) for a, b in spans if self.joined[a:b].strip()]


def _is_heading(line: str) -> bool:
    s = line.strip().strip("*").strip()
    if line.lstrip().startswith("#") or (s.startswith("关于") and s.endswith("报告")):
        return True
    if re.fullmatch(r"[(（].*[)）]", s) and not re.search("[。；;]", s):
        return True
    return bool(_HEADING.match(s)) and len(s) <= 40 and not re.search("[。；;]", s)


def _ends_sentence(line: str) -> bool:
    s = line.rstrip(_CLOSERS)
    return not s or s[-1] in _TERMINAL


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
    chars: list[str] = []
    pos: list[int] = []
    prev: str | None = None
    for start, line in lines:
        if not line.strip() or _PAGE_FURNITURE.match(line):
            continue
        if prev is not None:
            opens = (_ends_sentence(prev) or _is_heading(prev) or _is_heading(line)
                     or bool(_LIST_START.match(line.lstrip())) or "|" in (prev.strip()[:1], line.strip()[:1]))
            if opens:
                chars.append("\n")
                pos.append(-1)
        for i, ch in enumerate(line):
            chars.append(_half_width(ch))
            pos.append(start + i)
        prev = line
    return Text(original, "".join(chars), pos)


# --- numbers, units, qualifiers ---------------------------------------------------------------


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "〇": 0, "零": 0}
_CN_MAGNITUDE = {"十": 10, "百": 100, "千": 1000}

_POSITIVE = ("增长", "上涨", "上升", "提高", "提升", "增速", "增幅", "涨幅", "增产")
_NEGATIVE = ("下降", "降低", "减少", "下跌", "回落", "降幅", "下滑", "减产")
_PATTERN: re.Pattern | None = None


def _pattern() -> re.Pattern:
    """One regex for the three kinds of measurement: a growth, a flat, a level."""
    global _PATTERN
    if _PATTERN is None:
        from .units import COUNT_UNITS, DIMENSIONS, MAGNITUDES
        from .vocab import QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES

        pre = _alternation(QUALIFIER_PREFIXES)
        inner = _alternation(w for w in QUALIFIER_SUFFIXES if len(w) == 1)
        post = (f"(?:{_alternation(w for w in QUALIFIER_SUFFIXES if len(w) > 1)}"
                f"|(?:{inner})(?=[\\s,;、。:)]|$))")
        mag = _alternation(m for m, _ in MAGNITUDES)
        base = _alternation([*DIMENSIONS, *COUNT_UNITS])
        num = r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]\d)"
        cn = rf"(?<![一二两三四五六七八九十百千〇零\d])[一二两三四五六七八九]?[十百千](?=\s*(?:{mag}))"
        verbs = "|".join(("增加(?!值)", *_POSITIVE, *_NEGATIVE))
        _PATTERN = re.compile(
            rf"(?P<gverb>{verbs})\s*了?\s*(?:为|达到|达)?\s*(?P<gpre>{pre})?\s*(?P<gnum>{num})\s*%\s*(?P<gpost>{post})?"
            rf"|(?P<flat>(?:基本)?持平)"
            rf"|(?P<vpre>{pre})?\s*(?P<vnum>{num}|{cn})\s*(?P<vq1>{inner})?\s*(?P<vmag>{mag})?(?P<vq2>{inner})?"
            rf"\s*(?P<vbase>{base})\s*(?P<vpost>{post})?"
        )
    return _PATTERN


def _number(text: str) -> int | float:
    """"1110" → 1110, "3.0" → 3.0 (as printed: a decimal point makes a float), "百" → 100."""
    if text[-1] in _CN_MAGNITUDE:
        return _CN_DIGITS.get(text[0], 1) * _CN_MAGNITUDE[text[-1]]
    return float(text) if "." in text else int(text)


def _qualifier(*words: str | None) -> str:
    """The first of the words (most specific first) that is a qualifier; else exact."""
    from .vocab import QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES

    for w in words:
        if w:
            q = QUALIFIER_SUFFIXES.get(w) or QUALIFIER_PREFIXES.get(w)
            if q:
                return q
    return "exact"


@dataclass
class _Measure:
    """One number read from the text: a growth (增长 5.8%), a flat (持平) or a level (1110 亿元)."""

    kind: str  # growth | value
    start: int
    end: int
    value: int | float | None = None
    unit: str | None = None
    growth: int | float | None = None
    qualifier: str = "exact"
    verb: str = ""
    ranged: bool = False  # a level printed as a range (1050—1060亿元): no value


_RANGE_AFTER = re.compile(r"\s*(?:[—–\-~]+|至|到)\s*\d")
_RANGE_BEFORE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*%?\s*(?:[—–\-~]+|至|到)\s*\Z")


def _measures(text: str, a: int, b: int) -> list[_Measure]:
    out = []
    ranged: int | None = None  # where the range being read (1050—1060亿元, 增长5.5%—6%) began
    for m in _pattern().finditer(text, a, b):
        if _RANGE_AFTER.match(text, m.end(), b):
            ranged = m.start()
            continue
        before = _RANGE_BEFORE.search(text, max(a, m.start() - 16), m.start())
        if ranged is None and before:
            ranged = before.start()
        if ranged is not None:
            # A range, which a record cannot hold: neither bound is the figure. A level's range is
            # kept without a value, so that the growth after it still finds its name.
            if not m.group("gverb") and not m.group("flat"):
                out.append(_Measure("value", ranged, m.end(),
                                    unit=(m.group("vmag") or "") + m.group("vbase"), ranged=True))
            ranged = None
            continue
        if m.group("gverb"):
            size = _number(m.group("gnum"))
            verb = m.group("gverb")
            growth = -size if verb in _NEGATIVE else size
            out.append(_Measure("growth", m.start(), m.end(), growth=growth, unit="%",
                                qualifier=_qualifier(m.group("gpost"), m.group("gpre")), verb=verb))
        elif m.group("flat"):
            qual = "about" if m.group("flat").startswith("基本") else "exact"
            out.append(_Measure("growth", m.start(), m.end(), growth=0, unit="%", qualifier=qual, verb="持平"))
        else:
            unit = (m.group("vmag") or "") + m.group("vbase")
            qual = _qualifier(m.group("vpost"), m.group("vq2"), m.group("vq1"), m.group("vpre"))
            out.append(_Measure("value", m.start(), m.end(), value=_number(m.group("vnum")), unit=unit,
                                qualifier=qual))
    return out


# --- names --------------------------------------------------------------------------------------

_REGION_WORDS = "全区|全市|全县|全省|全国|全州|全盟|全旗|本区|本市|本县|我区|我市|我县|我省|我州"
_LEAD = re.compile(
    r"^(?:[\s、,:]|\d{1,2}\s*[、.)](?!\d)|[(]\s*\d{1,2}\s*[)]|[-*•·]\s|——|[一二三四五六七八九十]+是|年末|年底"
    r"|和|及|与|其中|同时|此外|另外|据初步核算|经初步核算|据初步统计|初步统计|初步核算|初步测算|预计|据统计"
    r"|全年|今年|去年|上年|当年|明年|年度|(?:19|20)\d{2}\s*年度?|" + _REGION_WORDS +
    r"|实现|完成|达到|力争|争取|确保|预期|累计|合计|总计)+"
)
_TRAIL = re.compile(
    r"(?:\s|按同口径计算|按可比口径计算|按现价计算|同比|比上年同期|比上年|较上年|比去年|较去年|与上年|与去年|同口径|可比口径|按可比价格计算|按可比价计算|可比价|可比|现价"
    r"|名义|实际|预计|分别|达到|达|为|是|实现|完成|保持在|稳定在|提高到|提高至|提升到|提升至|增加到|增至"
    r"|降至|降到|下降到|下降至|平均为|平均|全年|首次|再次|继续|持续|稳步|历史性|力争|争取|确保|努力)+$"
)
_AVERAGE = re.compile(r"(?:年均|年平均|平均|累计|两年|三年|五年)$")
_NOT_A_NAME = re.compile(
    r"高于|低于|快于|慢于|较上|较去|比上|比去|比全|居全|位居|排名|位列|列全|相当于|翻番|翻一番|"
    r"的|增长|下降|实现|完成|达到|力争|确保|保持|分别|左右|以上|以内|[第前后]$|^[占比]|[比较]\d|"
    r"季度|上半年|下半年|\d+月|月份|累计|以来|年均|[两三五]年|剔除|扣除|因素"
)
# How the name of an indicator the store and the lexicon do not know ends (值, 额, 收入, 投资, 产量,
# 率, 人数, 企业, 项目 …): anything else is more likely a phrase than a name.
_NOUN_END = re.compile(r"[值额入资量率数业目格模积润口费重度例比耗放客次户体位房金款税品物能支出产站园站]$")
_GENERIC = {"总量", "总额", "规模", "增速", "全年", "年度", "同比", "比重", "占比", "目标", "任务", "各项",
            "主要", "指标", "经济", "收入", "投资", "其中"}
_RATE = re.compile(r"(?:率|比重|比例|占比|强度)$")
_SHARE = re.compile(r"占.+(?:比重|比例)$|.占比$")
_NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9&“”\"'‘’·+\-]+")


def _clean_name(raw: str) -> str:
    s = re.sub(r"\([^()]*\)", "", raw)
    s = re.sub(r"[\s*_`]+", "", s)
    while True:
        t = _TRAIL.sub("", _LEAD.sub("", s))
        if t == s:
            return s
        s = t


def _valid_name(name: str) -> bool:
    if not 2 <= len(name) <= 24 or not _NAME_CHARS.fullmatch(name) or name[0].isdigit():
        return False
    if name in _GENERIC or _NOT_A_NAME.search(name.replace("规模以上", "规上").replace("限额以上", "限上")):
        return False
    return bool(re.search(r"[\u4e00-\u9fff]{2}", name)) or name.upper() in ("GDP", "CPI")


def _key(name: str) -> str:
    """What two spellings of one name share: no brackets, spaces or quote marks; 规模以上 = 规上."""
    s = re.sub(r"[(（][^()（）]*[)）]", "", name)
    s = re.sub(r"[\s“”\"'‘’《》]", "", s)
    s = s.replace("规模以上", "规上").replace("限额以上", "限上")
    s = re.sub(rf"^(?:{_REGION_WORDS})", "", s)
    return s.casefold()


# The common headline indicators: id, English name, direction, and the names reports print.
LEXICON: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("gdp", "Gross regional product", "higher",
     ("地区生产总值", "国内生产总值", "生产总值", "GDP", "经济增长", "经济总量", "区属地区生产总值")),
    ("industrial_value_added", "Value added of industry above designated size", "higher",
     ("规上工业增加值", "规上工业")),
    ("fixed_asset_investment", "Fixed-asset investment", "higher",
     ("固定资产投资", "全社会固定资产投资", "固投", "城镇固定资产投资")),
    ("retail_sales", "Total retail sales of consumer goods", "higher",
     ("社会消费品零售总额", "社会消费品零售额", "全社会消费品零售总额", "社零", "社零总额")),
    ("trade", "Total imports and exports", "higher",
     ("进出口总额", "外贸进出口总额", "进出口", "外贸进出口", "货物进出口总额", "货物贸易进出口总额",
      "货物贸易进出口", "进出口总值", "外贸进出口总值", "对外贸易进出口总额", "外贸")),
    ("exports", "Exports", "higher", ("出口", "出口总额", "出口额", "外贸出口", "出口总值")),
    ("fdi", "Foreign direct investment actually used", "higher",
     ("实际利用外资", "实际使用外资", "利用外资", "实际利用外商直接投资", "实际使用外商直接投资")),
    ("budget_revenue", "Total general public budget revenue", "higher", ("一般公共预算总收入", "财政总收入")),
    ("local_budget_revenue", "Local general public budget revenue", "higher",
     ("地方一般公共预算收入", "地方级一般公共预算收入", "地方级财政收入", "地方财政收入")),
    ("public_budget_revenue", "General public budget revenue", "higher", ("一般公共预算收入",)),
    ("tax_revenue", "Tax revenue", "higher", ("税收收入",)),
    ("disposable_income", "Per-capita disposable income", "higher",
     ("居民人均可支配收入", "人均可支配收入", "全体居民人均可支配收入", "城乡居民人均可支配收入", "居民收入",
      "城乡居民收入")),
    ("urban_disposable_income", "Per-capita disposable income of urban residents", "higher",
     ("城镇居民人均可支配收入", "城镇常住居民人均可支配收入", "城镇居民可支配收入", "城镇居民收入")),
    ("rural_disposable_income", "Per-capita disposable income of rural residents", "higher",
     ("农村居民人均可支配收入", "农村常住居民人均可支配收入", "农民人均可支配收入", "农村居民可支配收入",
      "农村居民收入", "农民收入")),
    ("new_urban_jobs", "New urban jobs", "higher", ("城镇新增就业", "新增城镇就业", "新增就业", "城镇新增就业人数")),
    ("surveyed_unemployment_rate", "Surveyed urban unemployment rate", "lower", ("城镇调查失业率",)),
    ("registered_unemployment_rate", "Registered urban unemployment rate", "lower",
     ("城镇登记失业率", "登记失业率")),
    ("cpi", "Consumer price index", "lower",
     ("居民消费价格", "居民消费价格指数", "居民消费价格总水平", "居民消费价格涨幅", "CPI", "物价", "物价水平",
      "物价总水平")),
    ("grain_output", "Grain output", "higher", ("粮食产量", "粮食总产量")),
    ("energy_intensity", "Energy consumption per unit of GDP", "lower",
     ("单位国内生产总值能耗", "单位地区生产总值能耗", "单位生产总值能耗", "单位GDP能耗", "万元GDP能耗",
      "万元地区生产总值能耗", "单位地区生产总值能源消耗", "单位国内生产总值能源消耗", "能耗强度", "能源消耗强度")),
    ("carbon_intensity", "CO2 emissions per unit of GDP", "lower",
     ("单位国内生产总值二氧化碳排放", "单位地区生产总值二氧化碳排放", "单位生产总值二氧化碳排放",
      "单位GDP二氧化碳排放", "碳排放强度", "二氧化碳排放强度")),
    ("energy_saving", "Energy-saving, emission and carbon reduction task", "higher",
     ("节能减排降碳任务", "节能减排降碳", "节能减排", "节能降碳", "节能降耗", "节能降耗减排", "节能减排降耗",
      "能耗双控")),
    ("primary_industry_value_added", "Value added of the primary industry", "higher", ("第一产业增加值",)),
    ("secondary_industry_value_added", "Value added of the secondary industry", "higher", ("第二产业增加值",)),
    ("tertiary_industry_value_added", "Value added of the tertiary industry", "higher", ("第三产业增加值",)),
    ("services_value_added", "Value added of services", "higher", ("服务业增加值",)),
    ("rd_intensity", "R&D spending as % of GDP", "higher",
     ("R&D经费投入强度", "研发经费投入强度", "研发投入强度", "全社会研发经费投入强度", "全社会研发投入强度",
      "研究与试验发展经费投入强度", "研发投入占GDP比重", "研发经费投入占GDP比重", "全社会研发投入占GDP比重",
      "研发经费支出占地区生产总值比重", "研究与试验发展经费支出占地区生产总值比重", "研发经费支出占GDP比重")),
    ("urbanization_rate", "Urbanisation rate", "higher", ("常住人口城镇化率", "城镇化率")),
    ("gdp_per_capita", "Per-capita gross regional product", "higher", ("人均地区生产总值", "人均生产总值", "人均GDP")),
    ("industrial_investment", "Industrial investment", "higher", ("工业投资",)),
    ("private_investment", "Private investment", "higher", ("民间投资",)),
    ("electricity_consumption", "Electricity consumption", "higher", ("全社会用电量",)),
    ("forest_coverage", "Forest coverage", "higher", ("森林覆盖率",)),
    ("air_quality_good_rate", "Share of days with good air quality", "higher",
     ("空气质量优良天数比例", "空气质量优良率", "优良天数比例")),
    ("balance_of_payments", "Balance of payments", "higher", ("国际收支",)),
)

# Words of indicator names, for the ids of indicators the lexicon does not know.
_WORDS = {
    "数字经济": "digital_economy", "核心产业": "core_industries", "增加值": "value_added", "规上": "",
    "限上": "", "工业": "industrial", "农业": "agriculture", "服务业": "services", "制造业": "manufacturing",
    "高技术": "high_tech", "高新技术": "high_tech", "战略性新兴产业": "strategic_emerging_industries",
    "产业": "industry", "企业": "firms", "投资": "investment", "项目": "projects", "收入": "income",
    "财政": "fiscal", "税收": "tax", "出口": "exports", "进口": "imports", "消费": "consumption",
    "零售额": "retail_sales", "零售": "retail", "网络": "online", "人均": "per_capita", "城镇": "urban",
    "农村": "rural", "居民": "", "就业": "jobs", "新增": "new", "失业率": "unemployment_rate",
    "旅游": "tourism", "游客": "tourists", "接待": "", "人次": "visits", "民间": "private",
    "基础设施": "infrastructure", "房地产开发": "real_estate", "房地产": "real_estate", "开发": "development",
    "用电量": "electricity_use", "货运量": "freight", "客运量": "passengers", "港口": "port",
    "吞吐量": "throughput", "集装箱": "container", "存款": "deposits", "贷款": "loans", "余额": "balance",
    "金融机构": "financial_institutions", "本外币": "", "营业收入": "revenue", "利润": "profit",
    "建筑业": "construction", "总产值": "output", "产值": "output", "专利": "patents", "发明": "invention",
    "研发": "rd", "R&D": "rd", "经费": "spending", "投入": "spending", "强度": "intensity",
    "森林": "forest", "覆盖率": "coverage", "人口": "population", "常住": "resident", "粮食": "grain",
    "产量": "output", "生猪": "hogs", "出栏": "slaughtered", "能耗": "energy_use", "单位": "per_unit",
    "二氧化碳": "co2", "排放": "emissions", "空气质量": "air_quality", "优良": "good", "天数": "days",
    "比例": "share", "比重": "share", "占比": "share", "市场主体": "market_entities", "电商": "ecommerce",
    "外资": "foreign_investment", "外贸": "foreign_trade", "进出口": "trade", "总额": "", "总量": "",
    "规模": "output", "货物": "goods", "贸易": "trade", "生产总值": "gdp", "地区": "", "一般公共预算": "budget",
    "社会": "", "全社会": "", "实际利用": "", "实际使用": "", "城乡": "", "经济": "economy", "园区": "parks",
    "营收": "revenue", "技改": "technical_upgrading", "技术改造": "technical_upgrading", "文化": "culture",
    "医疗": "medical", "教育": "education", "养老": "elderly_care", "住房": "housing", "保障性": "affordable",
    "棚户区": "shantytown", "改造": "renovation", "老旧小区": "old_communities", "电子信息": "electronics",
    "生物医药": "biomedicine", "新能源": "new_energy", "汽车": "vehicles", "家": "", "的": "", "率": "rate",
    "价格": "prices", "播种面积": "sown_area", "面积": "area", "销售额": "sales", "批发": "wholesale",
    "住宿": "accommodation", "总收入": "income", "总": "", "餐饮": "catering", "营业额": "turnover", "指数": "index",
    "总水平": "", "物价": "prices", "平均": "average", "工资": "wages",
    "主要": "major", "污染物": "pollutants", "减排": "emission_reduction",
}

# Names with these words measure something that should fall.
LOWER_IS_BETTER = ("失业率", "居民消费价格", "消费价格", "CPI", "物价", "能耗", "排放", "二氧化碳", "事故", "死亡",
                   "负债率", "债务率", "发生率", "PM2.5", "PM10", "浓度")

_PROVINCES = {
    "北京": "beijing", "天津": "tianjin", "河北": "hebei", "山西": "shanxi", "内蒙古": "inner_mongolia",
    "辽宁": "liaoning", "吉林": "jilin", "黑龙江": "heilongjiang", "上海": "shanghai", "江苏": "jiangsu",
    "浙江": "zhejiang", "安徽": "anhui", "福建": "fujian", "江西": "jiangxi", "山东": "shandong",
    "河南": "henan", "湖北": "hubei", "湖南": "hunan", "广东": "guangdong", "广西": "guangxi",
    "海南": "hainan", "重庆": "chongqing", "四川": "sichuan", "贵州": "guizhou", "云南": "yunnan",
    "西藏": "tibet", "陕西": "shaanxi", "甘肃": "gansu", "青海": "qinghai", "宁夏": "ningxia",
    "新疆": "xinjiang", "全国": "china", "中国": "china", "中华人民共和国": "china",
}


def _compose_id(key: str) -> tuple[str, str | None]:
    """A readable id from the words of a name ("数字经济增加值" → digital_economy_value_added), or
    a stable slug when a word is unknown."""
    words, i = [], 0
    table = sorted(_WORDS, key=len, reverse=True)
    while i < len(key):
        for w in table:
            if key.startswith(w.casefold(), i):
                if _WORDS[w]:
                    words.append(_WORDS[w])
                i += len(w)
                break
        else:
            return f"indicator_{zlib.crc32(key.encode('utf-8')):08x}", None
    ident = "_".join(dict.fromkeys("_".join(words).split("_")))
    if not ident or not ident[0].isalpha():
        return f"indicator_{zlib.crc32(key.encode('utf-8')):08x}", None
    return ident, ident.replace("_", " ").capitalize()


@dataclass
class _Ind:
    id: str
    name: str
    name_en: str | None
    category: str | None
    better: str
    new: bool
    known: bool  # a common headline indicator (in the lexicon, or a headline of the store)


class _Resolver:
    """Names → indicators: the store's names and aliases first, then the lexicon, then a new id."""

    def __init__(self, store: Store):
        from .units import compatible

        self.store = store
        self.compatible = compatible
        self.stored: dict[str, str] = {}
        for ind in store.indicators.values():
            for n in (ind.name, *ind.aliases):
                self.stored.setdefault(_key(n), ind.id)
        self.lexicon: dict[str, tuple[str, str, str]] = {}
        for iid, en, better, names in LEXICON:
            for n in names:
                self.lexicon.setdefault(_key(n), (iid, en, better))
        self.lexicon_ids = {e[0] for e in LEXICON}
        self.new: dict[str, _Ind] = {}
        self.new_by_key: dict[str, str] = {}

    def lookup(self, names: list[str]) -> tuple[str, str, str | None] | None:
        """(where, id, English name) of the first of `names` the store or the lexicon knows."""
        for n in names:
            hit = self.stored.get(_key(n))
            if hit:
                return "store", hit, None
        for n in names:
            entry = self.lexicon.get(_key(n))
            if entry:
                return "lexicon", entry[0], entry[1]
        return None

    def resolve(self, name: str, extra: tuple[str, ...] = (), unit: str | None = None) -> _Ind:
        hit = self.lookup([name, *extra])
        if hit and hit[1] in self.store.indicators:
            ind = self.store.indicators[hit[1]]
            if unit is None or self.compatible(unit, ind.unit):
                known = ind.category == "headline" or ind.id in self.lexicon_ids or hit[0] == "lexicon"
                return _Ind(ind.id, ind.name, ind.name_en, ind.category, ind.better, False, known)
            return self._new(name, f"{ind.id}_{'usd' if unit.endswith('美元') else 'other'}", ind.name_en,
                             ind.better, True)
        if hit:
            iid, en = hit[1], hit[2]
            better = next(b for i, _, b, _ in LEXICON if i == iid)
            return self._new(name, iid, en, better, True)
        key = _key(name)
        if key in self.new_by_key:
            return self.new[self.new_by_key[key]]
        iid, en = _compose_id(key)
        better = "lower" if any(w.casefold() in key for w in LOWER_IS_BETTER) else "higher"
        return self._new(name, iid, en, better, False, reserved=True)

    def _new(self, name: str, iid: str, en: str | None, better: str, known: bool, reserved: bool = False) -> _Ind:
        key = _key(name)
        if iid in self.new and _key(self.new[iid].name) != key and not known:
            reserved = True
        if reserved:
            base, n = iid, 2
            while iid in self.store.indicators or (iid in self.lexicon_ids and not known) or (
                    iid in self.new and _key(self.new[iid].name) != key):
                iid, n = f"{base}_{n}", n + 1
        if iid not in self.new:
            self.new[iid] = _Ind(iid, name, en, "headline", better, True, known)
        self.new_by_key.setdefault(key, iid)
        return self.new[iid]


# --- items ----------------------------------------------------------------------------------------


@dataclass
class Item:
    """One figure read from the text, before it becomes a record."""

    kind: str  # actual | target
    ind: _Ind
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


_TASK = re.compile(r"(?<!未)完成了?(?P<body>[^,;。:]+?)(?:任务|目标(?=\s*(?:[,;。]|$)))")
_ISSUED = re.compile(r"^[^、,;]{0,8}?下达(?:的)?")
_SYNC = re.compile(r"(?P<name>[^,;。:]+?)(?:实际)?(?:增长)?(?:与|和|同)"
                   r"(?:经济增长|经济发展|地区生产总值增长|国内生产总值增长)(?:保持)?(?:基本)?同步")
_BALANCE = re.compile(r"(?P<name>[\u4e00-\u9fff]{0,4}收支)(?:保持)?(?:基本)?平衡")
_MILESTONE = re.compile(r"(?P<name>[^,;。:]+?)(?:首次|历史性|成功)?(?:突破|超过|跨越|迈上|站上|跃上|迈过)"
                        r"[^,;。:\d]{1,8}(?:大关|台阶|关口|规模|级)$")
_SHARE_OF_PLAN = re.compile(r"(?:完成|占|为|达)(?:年度|全年|年)?(?:预算|计划|目标|任务)(?:数)?的?")
_STEADY = re.compile(r"(?P<name>[^,;。:]+?)(?:总体|基本|继续)?(?:保持|实现)?(?:基本)?(?:稳定|平稳)(?:增长)?\s*$"
                     r"|(?P<name2>[^,;。:]+?)(?:促稳提质|保稳提质|稳中提质|稳中有进|稳规模优结构)\s*$")
_TARGET_WORDS = re.compile(r"主要预期目标|主要目标|预期目标|主要发展目标|主要(?:经济|计划|发展)?指标(?:建议)?安排")
_SEP = re.compile(r"[、和与及]")


def _status_words() -> re.Pattern:
    from .vocab import STATUS_WORDS

    return re.compile(_alternation(STATUS_WORDS))


def _split_names(raw: str, count: int) -> list[str] | None:
    """"城镇居民、农村居民人均可支配收入" → the two full names; None unless there are `count`."""
    names = [n for n in (_clean_name(p) for p in raw.split("、")) if n]
    if len(names) != count:
        names = [n for n in (_clean_name(p) for p in _SEP.split(raw)) if n]
    if len(names) == 1 and count == 2 and names[0].startswith("城乡") and len(names[0]) > 3:
        rest = names[0][2:]
        return ["城镇" + rest, "农村" + rest]
    if len(names) != count:
        return None
    return names


class _Parser:
    def __init__(self, text: Text, resolver: _Resolver):
        self.t = text
        self.s = text.joined
        self.r = resolver

    # A sentence is split into segments at ；, a segment into clauses at ，and ：.
    def sentence(self, a: int, b: int, kind: str, after: int = -1) -> list[Item]:
        items: list[Item] = []
        seg_start = a
        for m in re.finditer(r"[;。！？!?]|$", self.s[a:b]):
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
        start = a
        bounds = [m.start() for m in re.finditer(r"[,:]", self.s[a:b])] + [b - a]
        for cut in bounds:
            ca, cb = start, a + cut
            start = a + cut + 1
            while ca < cb and self.s[ca].isspace():
                ca += 1
            if ca >= cb:
                continue
            new, group = self._clause(ca, cb, kind, group)
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

    def _is_intro(self, a: int, b: int) -> bool:
        clause = self.s[a:b]
        return bool(_status_words().search(clause) or _TARGET_WORDS.search(clause)) and not _pattern().search(clause)

    def _clause(self, a: int, b: int, kind: str, group: list[Item]) -> tuple[list[Item], list[Item]]:
        """The items of one clause, and the group that a following nameless clause may complete."""
        s = self.s
        clause = s[a:b]
        task = _TASK.search(clause)
        if task:
            return self._tasks(a, task, kind), []
        if kind == "target":
            for rx in (_SYNC, _BALANCE):
                found = rx.search(clause)
                if found:
                    name = _clean_name(found.group("name"))
                    if _valid_name(name):
                        ind = self.r.resolve(name)
                        start = a + found.start("name") + (len(found.group("name")) - len(found.group("name").lstrip()))
                        return [Item(kind, ind, "task", start, a + found.end(), a + found.start())], []
                    return [], []
        ms = _measures(s, a, b)
        if not ms and kind == "target":
            return self._steady(a, clause, kind), []
        if not ms:
            milestone = _MILESTONE.match(clause)
            name = _clean_name(milestone.group("name")) if milestone else ""
            if name and not group and _valid_name(name) and self.r.lookup([name]):
                self.pending = (name, a)  # 地区生产总值突破千亿大关，达到1036.5亿元
            return [], group
        pending, self.pending = self.pending, None
        lead = s[a:ms[0].start]
        if re.search(r"分别|(?<![平年])均$", re.sub(r"\s", "", lead)):
            return self._spread(a, ms, lead, kind, group)
        out: list[Item] = []
        prev_end = lead_start = a
        for i, m in enumerate(ms):
            raw = s[prev_end:m.start]
            prev_end = m.end
            if m.unit in ("个百分点", "百分点"):
                group = []
                continue
            if m.kind == "growth" and _AVERAGE.search(re.sub(r"\s", "", raw)):
                group = []
                continue
            if _SHARE_OF_PLAN.fullmatch(re.sub(r"\s", "", raw)):
                continue  # 完成年度预算的102.1%: says nothing of the figure, and keeps the group
            name = _clean_name(raw)
            name = "" if name in _RESTATED else name
            if not name and i == 0 and pending and not group and m.kind == "value" and m.unit != "%":
                name, lead_start = pending
            trusted = False
            if name and m.kind == "growth" and not _valid_name(name) and self.r.lookup([name + m.verb]):
                name, trusted = name + m.verb, True  # 经济增长 5%
            if not name and m.ranged:
                group = []
                continue
            if not name:
                last = group[-1] if len(group) == 1 else None
                if m.kind == "growth" and last and last.metric == "value" and last.growth is None \
                        and last.unit != "%":
                    last.growth, last.growth_qualifier, last.end = m.growth, m.qualifier, m.end
                elif m.kind == "value" and m.unit != "%" and last and re.sub(r"\W", "", raw) in _RESTATED:
                    if last.metric == "growth" and last.value is None:
                        # 地区生产总值增长 6%，总量 500 亿元
                        last.growth_qualifier = last.qualifier
                        last.metric, last.value, last.unit, last.qualifier = "value", m.value, m.unit, m.qualifier
                        last.end = m.end
                    elif last.metric == "value" and last.growth is None and last.qualifier != "exact" \
                            and m.qualifier == "exact" and self.r.compatible(m.unit, last.unit):
                        # 突破千亿元，达到 1012 亿元: the exact figure says more
                        last.value, last.unit, last.qualifier, last.end = m.value, m.unit, m.qualifier, m.end
                continue
            resident = re.fullmatch(r"(城镇|农村)(?:常住)?(?:居民)?", name)
            if resident and m.kind == "value" and any("可支配收入" in it.ind.name for it in group):
                name = resident.group(1) + "居民人均可支配收入"  # …可支配收入3.6万元，其中城镇居民4.5万元
            if not (trusted or _valid_name(name)) or not self._plausible(name, m):
                group = []
                continue
            if m.kind == "value" and m.unit == "%" and not _RATE.search(name):
                group = []
                continue
            if _SHARE.search(name) and not self.r.lookup([name]):
                group = []  # 服务业增加值占地区生产总值比重, 税收收入占比: a share is not a headline figure
                continue
            extra = (name + m.verb,) if m.kind == "growth" else ()
            ind = self.r.resolve(name, extra, m.unit if m.kind == "value" else None)
            start = lead_start if i == 0 else m.start - len(raw.lstrip(" 、,和及与"))
            item = Item(kind, ind, m.kind, start, m.end, m.start, m.value, m.unit, m.growth, m.qualifier,
                        ranged=m.ranged)
            joined = len(out) > 0 and group[-1:] == out[-1:] and raw.lstrip()[:1] in ("、", "和", "与")
            out.append(item)
            group = [*group, item] if joined else [item]  # 城镇…56100元、农村…27300元，分别增长…
        return out, group

    def _spread(self, a: int, ms: list[_Measure], lead: str, kind: str, group: list[Item]):
        """"甲、乙分别增长7%、8%": one value each, in order; a nameless list completes `group`."""
        s = self.s
        for prev, m in pairwise(ms):
            if s[prev.end:m.start].strip() not in ("、", "和", "与", "及", ",", ""):
                return [], []
        if any(m.unit in ("个百分点", "百分点") or m.ranged for m in ms):
            return [], []
        first = ms[0]
        if first.kind == "growth":
            sign = -1 if first.verb in _NEGATIVE else 1
            for m in ms[1:]:
                if m.kind == "value" and m.unit == "%":
                    assert m.value is not None  # a level that is not a range has a value
                    m.kind, m.growth, m.value, m.verb = "growth", sign * m.value, None, first.verb
        if len({m.kind for m in ms}) != 1:
            return [], []
        head = re.split(r"分别|均\s*$", lead)[0]
        raw_names = _LEAD.sub("", head.strip())
        if not _clean_name(raw_names):
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
        if len(ms) == 1 and "均" in lead:
            names = [n for n in (_clean_name(p) for p in _SEP.split(raw_names)) if n]
            ms = ms * len(names)
        else:
            names = _split_names(raw_names, len(ms))
        if not names:
            return [], []
        names = self._share_suffix(names)
        if not all(_valid_name(n) and self._plausible(n, m) for n, m in zip(names, ms, strict=True)):
            return [], []
        items = []
        for n, m in zip(names, ms, strict=True):
            if m.kind == "value" and m.unit == "%" and not _RATE.search(n):
                return [], []
            extra = (n + m.verb,) if m.kind == "growth" else ()
            ind = self.r.resolve(n, extra, m.unit if m.kind == "value" else None)
            items.append(Item(kind, ind, m.kind, a, ms[-1].end, m.start, m.value, m.unit, m.growth, m.qualifier))
        if len({it.ind.id for it in items}) != len(items):
            return [], []
        return items, items

    def _plausible(self, name: str, m: _Measure) -> bool:
        return bool(_NOUN_END.search(name) or self.r.lookup([name, name + m.verb]))

    def _share_suffix(self, names: list[str]) -> list[str]:
        """"城镇居民" before "农村居民人均可支配收入" is 城镇居民人均可支配收入."""
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
                out.append(n + last[len(n):] if len(n) <= 3 else n)
        return out + [last]

    def _steady(self, a: int, clause: str, kind: str) -> list[Item]:
        """"进出口总额、实际使用外资保持稳定", "进出口促稳提质": a task target for each common indicator named."""
        m = _STEADY.search(clause)
        if not m:
            return []
        group = "name" if m.group("name") is not None else "name2"
        names = [_clean_name(p) for p in _SEP.split(m.group(group))]
        if not names or not all(n and self.r.lookup([n]) for n in names):
            return []
        inds = [self.r.resolve(n) for n in names]
        if not all(ind.known for ind in inds):
            return []
        start = a + m.start(group) + (len(m.group(group)) - len(m.group(group).lstrip()))
        return [Item(kind, ind, "task", start, a + m.end(), start) for ind in inds]

    def _tasks(self, a: int, m: re.Match, kind: str) -> list[Item]:
        body = m.group("body")
        issued = _ISSUED.match(body)
        names_raw = body[issued.end():] if issued else body
        names_raw = re.sub(r"(?:控制|降低|下降|约束性)?(?:目标)?$", "", names_raw)
        names = [n for n in (_clean_name(p) for p in _SEP.split(names_raw)) if n]
        start, end = a + m.start(), a + m.end()
        if not names:
            # 单位地区生产总值能耗完成市下达任务: the names stand before 完成.
            before = self.s[a:start]
            # 单位生产总值能耗降低完成…任务: the verb is not part of the name.
            names = [n for n in (_clean_name(re.sub(r"(?:降低|下降|减少|提高|提升|增长)(?:率|幅度)?\s*$", "", p))
                                 for p in _SEP.split(before)) if n]
            start = a + len(before) - len(before.lstrip())
        if not names or not all(_valid_name(n) for n in names):
            return []
        for i, n in enumerate(names[1:], 1):
            # 单位地区生产总值能耗和二氧化碳排放: the second shares the first one's 单位地区生产总值.
            if not self.r.lookup([n, n + "任务"]):
                for k in range(len(names[0]) - 1, 1, -1):
                    if self.r.lookup([names[0][:k] + n]):
                        names[i] = names[0][:k] + n
                        break
        items = []
        for n in names:
            ind = self.r.resolve(n, (n + "任务",))
            if not issued and not ind.known:
                return []
            items.append(Item(kind, ind, "task", start, end, start, 1 if kind == "actual" else None))
        return items


_RESTATED = ("总量", "总额", "规模", "总量达到", "总额达到", "总量突破", "达到", "")


# --- finding the two sentences ---------------------------------------------------------------------


def _sentences(text: Text, a: int, b: int) -> list[tuple[int, int]]:
    out, start = [], a
    for m in re.finditer(f"[{_TERMINAL}]", text.joined[a:b]):
        out.append((start, a + m.end()))
        start = a + m.end()
    if start < b:
        out.append((start, b))
    return [(x, y) for x, y in out if text.joined[x:y].strip()]


def _target_sentence(text: Text, parser: _Parser, year: int | None) -> tuple[int, int, int, list[Item]] | None:
    """(start, end, where the targets begin, items) of the 主要预期目标 sentence of `year` (a
    sentence on how last year's targets went, 年初确定的主要预期目标较好完成, is not it)."""
    paras = text.paragraphs()
    for pi, (pa, pb) in enumerate(paras):
        for sa, sb in _sentences(text, pa, pb):
            sent = text.joined[sa:sb]
            for m in _TARGET_WORDS.finditer(sent):
                clause_start = max(sent.rfind(c, 0, m.start()) for c in ",;:") + 1
                before, after_words = sent[clause_start:m.start()], sent[m.end():m.end() + 6]
                if re.search(r"完成|实现|较好|超额|圆满|年初|确定的|下达的", before) or \
                        re.match(r"\s*(?:任务)?(?:完成|执行|实现|较好|全面|圆满)", after_words):
                    continue
                years = [_year(y) for y in _YEAR.findall(before)]
                if year is not None and years and years[-1] != year:
                    continue
                after = sa + m.end()
                items = parser.sentence(sa, sb, "target", after)
                end = sb
                heading = not items and _is_heading(text.original[text.pos[pa]:text.pos[pb - 1] + 1])
                if not items and sb == pb and (sent.rstrip()[-1:] in ":" or heading or "表" in sent):
                    rows: list[tuple[int, int]] = []
                    for qa, qb in paras[pi + 1:pi + 41]:
                        if not text.joined[qa:qb].lstrip().startswith("|"):
                            if rows or len(text.joined[qa:qb]) > 60:
                                break  # a caption (表1 主要预期目标) may stand between
                            continue
                        rows.append((qa, qb))
                    table = _table_targets(text, parser, rows, year)
                    if table:
                        return sa, rows[-1][1], after, table
                if sb == pb and (sent.rstrip()[-1:] in ":;" or heading):
                    # the targets as a list, one a line (1. …；  ——经济增长。国内生产总值增长5%左右。)
                    semicolons = sent.rstrip().endswith(";")
                    for qa, qb in paras[pi + 1:pi + 21]:
                        listed = _listed(text, qa, qb)
                        if heading and _TARGET_WORDS.search(text.joined[qa:qb]):
                            break  # the paragraph under the heading has its own 主要预期目标
                        more = parser.sentence(qa, qb, "target")
                        if not (more or listed) or (items and not listed):
                            break
                        items += more
                        end = qb
                        last = text.joined[qa:qb].rstrip()[-1:]
                        semicolons = semicolons or last == ";"
                        if semicolons and last == "。":
                            break
                if items:
                    return sa, end, after, items
    return None


_GROWTH_COLUMN = re.compile(r"(?:增长|增速|增幅|涨幅|上涨|提高|降低|下降|降幅|减少)(?:率)?$")


def _cells(text: Text, a: int, b: int) -> list[str]:
    return [c.strip() for c in text.joined[a:b].strip().strip("|").split("|")]


def _table_targets(text: Text, parser: _Parser, rows: list[tuple[int, int]], year: int | None) -> list[Item]:
    """The targets column of a Markdown table of the main targets (| 指标 | 单位 | 2024年预计 | 2025年目标 |)."""
    from .units import COUNT_UNITS, DIMENSIONS, MAGNITUDES
    from .vocab import QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES

    units = re.compile(rf"(?:{_alternation(m for m, _ in MAGNITUDES)})?(?:{_alternation([*DIMENSIONS, *COUNT_UNITS])})")
    if len(rows) < 3:
        return []
    header = _cells(text, *rows[0])
    columns = [i for i, h in enumerate(header) if re.search("目标|计划", h) and not re.search("预计|完成|实际|执行", h)]
    if not columns:
        # under 主要预期目标, the column of the target year (| 2024年 | 2025年 |)
        years = {i: _year(y.group(1)) for i, h in enumerate(header) if (y := _YEAR.search(h + "年"))
                 and not re.search("预计|完成|实际|执行", h)}
        want = year if year is not None else max(years.values(), default=None)
        columns = [i for i, y in years.items() if y == want]
    if year is not None and any(str(year) in header[i] for i in columns):
        columns = [i for i in columns if str(year) in header[i]]
    if len(columns) != 1:
        return []
    col = columns[0]
    named = [i for i, h in enumerate(header) if re.search("指标|项目|名称", h) and i != col]
    name_col = named[0] if named else next((i for i, h in enumerate(header) if i != col and not re.search(
        "序号|编号|^$", h)), None)
    unit_col = next((i for i, h in enumerate(header) if "单位" in h and i not in (col, name_col)), None)
    if name_col is None:
        return []
    number = re.compile(rf"(?P<pre>{_alternation(QUALIFIER_PREFIXES)})?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%)?\s*"
                        rf"(?P<post>{_alternation(QUALIFIER_SUFFIXES)})?")
    items: list[Item] = []
    for qa, qb in rows[1:]:
        cells = _cells(text, qa, qb)
        if len(cells) != len(header) or all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
            continue
        raw, cell = cells[name_col], cells[col]
        unit = cells[unit_col] if unit_col is not None else ""
        inner = re.search(r"\(([^()]*)\)\s*$", raw)
        if inner and not unit:
            unit = inner.group(1).strip()
        name = re.sub(r"[\s*]", "", re.sub(r"\([^()]*\)", "", raw))
        if not name or _AVERAGE.search(name) or re.search("年均|累计", name + unit):
            continue
        verb = _GROWTH_COLUMN.search(name)
        base = name[:verb.start()] if verb else name
        if verb and base.endswith(("涨", "增")):
            continue
        quote = (qa, qb)
        if re.search("同步|任务|平衡", cell):
            if not _valid_name(base):
                continue
            ind = parser.r.resolve(base, (name,))
            if ind.known or "下达" in cell:
                items.append(Item("target", ind, "task", *quote, qa))
            continue
        m = number.fullmatch(cell)
        if not m or (unit and unit != "%" and m.group("unit")):
            continue
        qualifier = _qualifier(m.group("post"), m.group("pre"))
        value = _number(m.group("num"))
        if verb and unit in ("%", ""):
            if not _valid_name(base) or not (parser._plausible(base, _Measure("growth", 0, 0, verb=verb.group()))):
                continue
            growth = -value if verb.group().rstrip("率") in _NEGATIVE else value
            ind = parser.r.resolve(base, (name,))
            items.append(Item("target", ind, "growth", *quote, qa, None, "%", growth, qualifier))
        elif not verb and unit and _valid_name(name):
            if (unit == "%" and not _RATE.search(name)) or not units.fullmatch(unit):
                continue
            if not parser._plausible(name, _Measure("value", 0, 0)):
                continue
            ind = parser.r.resolve(name, (), unit)
            items.append(Item("target", ind, "value", *quote, qa, value, unit, None, qualifier))
    return items


def _listed(text: Text, a: int, b: int) -> bool:
    return bool(_LIST_START.match(text.original[text.pos[a]:text.pos[b - 1] + 1].lstrip()))


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


def _actual_sentences(text: Text, parser: _Parser, limit: int) -> tuple[list[Item], int]:
    """The items of the summary of last year, and where it starts: the first paragraph (with
    its list lines) before the targets whose sentences name two or more common headline indicators."""
    blocks = _blocks(text, limit)
    found: dict[int, list[Item]] = {}

    def items_of(i: int) -> list[Item]:
        if i not in found:
            block, chosen = blocks[i], []
            for pa, pb in block:
                for sa, sb in _sentences(text, pa, pb):
                    items = parser.sentence(sa, sb, "actual")
                    if any(it.ind.known for it in items) or len(block) > 1:
                        chosen += items
            found[i] = chosen
        return found[i]

    for i in range(len(blocks)):
        chosen = items_of(i)
        pa, pb = blocks[i][0]
        topic = text.joined[pa:pb].lstrip().startswith("——")
        if sum(it.ind.known for it in chosen) < (1 if topic else 2):
            continue
        # the summary may go on in the next paragraphs (全年实现地区生产总值…。 / 规上工业增加值…。),
        # or be a list of ——topic lines; a section (（一）产业发展。…) ends it
        for j in range(i + 1, min(i + 6, len(blocks))):
            pa, pb = blocks[j][0]
            line = text.original[text.pos[pa]:text.pos[pb - 1] + 1]
            if _is_heading(line) or _HEADING.match(line.strip().lstrip("#*").strip()) or line.lstrip().startswith("#"):
                break
            more = items_of(j)
            if not any(it.ind.known for it in more):
                break
            chosen = chosen + more
        if sum(it.ind.known for it in chosen) >= 2:
            return chosen, blocks[i][0][0]
    return [], 0


# --- the report's header: title, date, region, years ------------------------------------------------

_CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}")
_YEAR = re.compile(r"((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年")


def _year(text: str) -> int:
    if _CN_YEAR.fullmatch(text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    return int(text)


def _cn_small(text: str) -> int | None:
    """一 … 三十一 (months and days written in Chinese)."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS[text]


@dataclass
class Header:
    title: str | None = None
    date: str | None = None
    meeting: str | None = None
    issuer: str | None = None
    region_name: str | None = None
    actual_year: int | None = None
    target_year: int | None = None


def read_header(original: str) -> Header:
    """What the first lines of a report say: its title, the date and meeting it was delivered
    to, who wrote it, the region, and the years it reports on and plans for."""
    h = Header()
    lines = [ln.strip().lstrip("#").strip() for ln in original.splitlines() if ln.strip()][:12]
    lines = ["".join(_half_width(c) for c in ln) for ln in lines]
    for i, ln in enumerate(lines):
        if ln.startswith("关于") or ("报告" in ln and not ln.startswith("(")):
            parts = [ln]
            for more in lines[i + 1:i + 3]:
                if "报告" in parts[-1] or more.startswith(("(", "—")):
                    break
                parts.append(more)
            if "报告" in parts[-1] and len("".join(parts)) <= 160:
                h.title = "".join(parts)
                break
    if h.title is None and lines:
        h.title = lines[0] if len(lines[0]) <= 120 else None
    for ln in lines:
        m = re.search(r"((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*"
                      r"([\d一二三四五六七八九十]{1,3})\s*日\s*(?:在(.+?)上)?", ln)
        if m and (ln.startswith(("(", "—", "-")) or m.group(4)) and h.date is None:
            month, day = _cn_small(m.group(2).strip()), _cn_small(m.group(3).strip())
            if month and day and 1 <= month <= 12 and 1 <= day <= 31:
                h.date = f"{_year(m.group(1)):04d}-{month:02d}-{day:02d}"
            if m.group(4):
                h.meeting = m.group(4).strip()
    for ln in lines:
        if ln != h.title and len(ln) <= 30 and re.search(r"(?:局|委员会|委|政府|办公室|厅)$", ln):
            h.issuer = ln
            break
    if h.title:
        title = h.title
        m = re.search(r"关于(.*?)\s*(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年", title)
        if m and m.group(1).strip():
            h.region_name = m.group(1).strip()
        years = [_year(y) for y in _YEAR.findall(title)]
        if len(years) >= 2 and years[-1] == years[0] + 1:
            h.actual_year, h.target_year = years[0], years[-1]
        elif len(years) == 1:
            if "执行" in title:
                h.actual_year, h.target_year = years[0], years[0] + 1
            elif "计划" in title or "草案" in title or "规划" in title:
                h.actual_year, h.target_year = years[0] - 1, years[0]
    if h.region_name is None:
        head = "".join(lines)
        m = re.search(r"受(.{2,20}?)人民政府委托", head)
        meeting = re.match(r"(.{2,20}?)第[一二三四五六七八九十]+届人民代表大会", h.meeting or "")
        if m:
            h.region_name = m.group(1)
        elif meeting:
            h.region_name = meeting.group(1)
        elif re.search(r"全国人民代表大会|国家发展和改革委员会|国务院", head):
            h.region_name = "全国"
    return h


# --- the whole extraction ----------------------------------------------------------------------------


@dataclass
class Extraction:
    """What a report yields: flat records (records.KEYS), and what a preview needs besides."""

    records: list[dict]
    new_indicators: list[str]
    region: str
    region_name: str | None
    source: str
    actual_year: int
    target_year: int
    header: Header
    notes: list[str] = field(default_factory=list)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    region_entry: Region | None = None
    region_is_stand_in: bool = False  # the region is not in the store and --region did not name it

    def store(self) -> Store:
        """The extraction as a store of its own (source, region, the indicators it uses, figures)."""
        from .model import Figure

        st = Store()
        h = self.header
        st.regions[self.region] = self.region_entry or Region(self.region, self.region_name or self.region)
        st.sources[self.source] = Source(self.source, h.title or self.source, h.date, h.issuer, h.meeting, self.region)
        st.indicators.update(self.indicators)
        for r in self.records:
            st.figures.append(Figure(r["kind"], r["indicator"], r["region"], r["year"], r["metric"], r["qualifier"],
                                     r["source"], r["quote"], r["value"], r["unit"], r["growth"], r["status"]))
        return st


def _region_id(store: Store, name: str, from_title: bool = False) -> tuple[str, str, bool]:
    """(id, name, whether the id is a stand-in) for a region named in the report or by --region."""
    from .model import NotFound
    from .query import find_region

    try:
        rid = find_region(store, name)
        found = store.regions[rid]
        # 福州市 is a part of 福州市仓山区's name, but a city is not its district: a title's region
        # matches the end of a stored name (仓山区) or the whole of it
        if not from_title or found.id == name or found.name.endswith(name.strip()):
            return rid, found.name, False
    except NotFound:
        pass
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name):
        return name, name, False
    stem = re.sub(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$", "", name)
    if stem in _PROVINCES:
        return _PROVINCES[stem], name, False
    return f"region-{zlib.crc32(name.encode('utf-8')):08x}", name, True


def extract(
    original: str,
    store: Store | None = None,
    *,
    region: str | None = None,
    source: str | None = None,
    actual_year: int | None = None,
    target_year: int | None = None,
) -> Extraction:
    """The headline figures of the year reported on and the main targets of the year planned,
    as flat records. Raises CsplanError when the years or the region cannot be told."""
    store = store if store is not None else Store()
    if "\x00" in original:
        raise CsplanError("the input is not text (it holds NUL bytes); convert the report to plain text first")
    header = read_header(original)
    text = prepare(original)
    resolver = _Resolver(store)
    parser = _Parser(text, resolver)
    notes: list[str] = []

    target = _target_sentence(text, parser, header.target_year)
    limit = target[0] if target else len(text.joined)
    actuals, summary_start = _actual_sentences(text, parser, limit)
    targets = target[3] if target else []
    if not target:
        notes.append("no sentence of main targets (主要预期目标) found")
    if not actuals:
        notes.append("no summary sentence of last year's headline figures found")

    ay, ty = actual_year, target_year
    if ay is None and ty is None:
        ay, ty = header.actual_year, header.target_year
        if ay is None and target:
            m = _YEAR.search(text.joined[target[0]:target[2]])
            if m:
                ty = _year(m.group(1))
                ay = ty - 1
    if ay is None and ty is None and header.date:
        # 今年…主要预期目标 in a report delivered in January–March is about that year; in December, the next
        year, month = int(header.date[:4]), int(header.date[5:7])
        ty = year + 1 if month >= 10 else year
    if ay is None and ty is not None:
        ay = ty - 1
    if ty is None and ay is not None:
        ty = ay + 1
    if ay is None or ty is None:
        raise CsplanError("cannot tell which years the report covers (no year in its title); "
                          "give --actual-year and --target-year")

    region_name = header.region_name
    if region is not None:
        rid, region_name, standin = _region_id(store, region)
    elif header.region_name:
        rid, region_name, standin = _region_id(store, header.region_name, from_title=True)
    else:
        raise CsplanError("cannot tell which region the report is about; give --region ID")
    if standin:
        notes.append(f"region {region_name} is not in the store: using the id {rid}; "
                     "give --region ID for a readable one")
    sid = source or f"{rid}-{ay}-plan"

    from .vocab import STATUS_WORDS

    def other_year(it: Item, year: int) -> bool:
        """2023年全县地区生产总值为980亿元 in the summary of 2024, 力争到2027年…: a figure of another year."""
        begin = max(text.joined.rfind(c, 0, it.at) for c in _TERMINAL + "\n;") + 1
        years = [_year(y) for y in _YEAR.findall(text.joined[begin:it.at])]
        return bool(years) and years[-1] != year

    if actual_year is None and target_year is None:
        actuals = [it for it in actuals if not other_year(it, ay)]
        targets = [it for it in targets if not other_year(it, ty)]
    status_rx = _status_words()
    records: list[dict] = []
    seen: set[tuple] = set()
    for it in [*actuals, *targets]:
        status = None
        if it.kind == "actual":
            words = status_rx.findall(text.joined, summary_start, it.at)
            status = STATUS_WORDS[words[-1]] if words else "reported"
        base = {"indicator": it.ind.id, "name": it.ind.name, "name_en": it.ind.name_en,
                "category": it.ind.category, "region": rid, "year": ay if it.kind == "actual" else ty,
                "kind": it.kind, "metric": it.metric, "value": it.value, "unit": it.unit, "growth": it.growth,
                "qualifier": it.qualifier, "status": status, "better": it.ind.better, "source": sid,
                "quote": text.quote(it.start, it.end)}
        if it.metric == "task":
            base["unit"] = base["growth"] = None
        elif it.metric == "growth":
            base["value"] = None
        parts = [base]
        if it.metric == "value" and it.growth is not None and (it.growth_qualifier or "exact") != it.qualifier:
            # 1110 亿元，增长 5% 左右: one qualifier a record, so the level and the growth part.
            parts = [{**base, "growth": None},
                     {**base, "metric": "growth", "value": None, "unit": "%", "qualifier": it.growth_qualifier}]
        for r in parts:
            key = (r["indicator"], r["year"], r["kind"], r["metric"])
            if key not in seen:
                seen.add(key)
                records.append(r)
    used = {r["indicator"] for r in records}
    new = [iid for iid in resolver.new if iid in used]
    indicators = {}
    for iid in dict.fromkeys(r["indicator"] for r in records):
        if iid in store.indicators:
            indicators[iid] = store.indicators[iid]
        else:
            n = resolver.new[iid]
            unit = next((r["unit"] for r in records if r["indicator"] == iid and r["metric"] == "value"), None)
            indicators[iid] = Indicator(iid, n.name, n.name_en, unit, n.category, n.better)
    return Extraction([{k: r[k] for k in KEYS} for r in records], new, rid, region_name, sid, ay, ty, header,
                      notes, indicators, store.regions.get(rid), standin)

