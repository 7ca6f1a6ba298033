"""Name indicators: clean a name read before a number, and map it to an indicator of the store,
of the lexicon (`lexicon.toml`), or to a new one with a readable id."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..model import Indicator, Store
from .compiled import rx
from .text import BULLET


# 全市, 全区 …: the words a report uses for a region as a whole
# a region's words for itself as a whole (全师市: a division of the Production and Construction Corps
# and its city, 第八师石河子市)
OWN_SCOPE_WORDS = "全地区|全师市|全区|全市|全县|全省|全州|全盟|全旗"
_SCOPE_WORDS = OWN_SCOPE_WORDS + "|全国"
_REGION_WORDS = _SCOPE_WORDS + "|本区|本市|本县|我区|我市|我县|我省|我州|师市"
LEAD = rx(
    rf"^(?:[\s、,:]|\d{{1,2}}\s*[、.)](?!\d)|[(]\s*\d{{1,2}}\s*[)]|[-*•·]\s*|{BULLET}|——|[一二三四五六七八九十]+是|年末|年底"
    r"|和|及|与|其中|同时|此外|另外|据初步核算|经初步核算|据初步统计|初步统计|初步核算|初步测算|预计|据统计"
    r"|全年|今年|去年|上年|当年|明年|年度|(?:19|20)\d{2}\s*年度?|" + _REGION_WORDS +
    r"|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月份?"  # 1—11月: a part of the year, which passages.py leaves out
    r"|实现|完成|达到|力争|争取|确保|预期|累计|合计|总计)+"
)
_TRAIL = rx(
    r"(?:\s|按同口径计算|按可比口径计算|按现价计算|同比|比上年同期|比上年|较上年|比去年|较去年|与上年|与去年|同口径|可比口径|自然口径|按可比价格计算|按可比价计算|可比价|可比|现价"
    r"|名义|实际|预计|分别|达到|达|为|是|实现|完成|保持在|保持|稳定在|提高到|提高至|提升到|提升至|增加到|增至"
    r"|降至|降到|下降到|下降至|平均为|平均值|平均|全年|按|首次|再次|继续|持续|稳步|历史性|力争|争取|确保|努力|逆势|逆市|大幅|较快|快速|由负转正|扭负为正|由降转升|止跌回升|[、,])+$"
)
AVERAGE = rx(r"(?:年均|年平均|平均|累计|两年|三年|五年)$")
# 细颗粒物年均浓度: the annual mean of a concentration is what it measures, not a multi-year average
ANNUAL_MEAN = rx(r"年(?:均|平均)(?=浓度)")
_NOT_A_NAME = rx(
    r"高于|低于|快于|慢于|较上|较去|比上|比去|比全|居全|位居|排名|位列|列全|相当于|翻番|翻一番|"
    r"的|增长|下降|实现|完成|达到|力争|确保|保持|分别|左右|以上|以内|[第前后]$|^[占比]|[比较]\d|"
    r"季度|上半年|下半年|\d+月|月份|累计|以来|年均|[两三五]年|剔除|扣除|因素"
)
# How the name of an indicator the store and the lexicon do not know ends (值, 额, 收入, 投资, 产量,
# 率, 人数, 企业, 项目 …): anything else is more likely a phrase than a name.
NOUN_END = rx(r"[值额入资量率数业目格模积润口费重度例比耗放客次户体位房金款税品物能支出产站园收]$")
_GENERIC = {"总量", "总额", "规模", "增速", "全年", "年度", "同比", "比重", "占比", "目标", "任务", "各项",
            "主要", "指标", "经济", "收入", "投资", "其中"}
# A size class in a name: 1000万元以上项目, 5亿元以上企业, 500万元以上工业投资
SIZE_CLASS = rx(r"\d+(?:\.\d+)?\s*[千百]?[万亿]?元以上(?=[\u4e00-\u9fff])")
# 研发经费支出相当于生产总值的 (2.65%) is a share too
RATE = rx(r"(?:率|比重|比例|占比|强度)$|相当于\S+$")
SHARE = rx(r"占.+(?:比重|比例)$|.占比$")
_NAME_CHARS = rx(r"[\u4e00-\u9fffA-Za-z0-9\u2160-\u216b&“”\"'‘’·+\-]+")  # Ⅲ类水质
_BRACKETED = rx(r"\([^()]*\)")
_BLANKS = rx(r"[\s*_`]+")
# 粮食产量在灾情影响下实现230亿斤, 外贸进出口在…的情况下增长12%: the circumstance is not the name
_CIRCUMSTANCE = rx(r"在[^,;。在]{1,16}?(?:影响下|情况下|背景下|压力下|带动下)"
                          r"|(?:扣除|剔除)[^,;。]{1,16}?(?:因素|影响)后?")
# 扣除房地产开发投资后: what follows leaves a part out, where 扣除留抵退税因素后 is only a circumstance
EXCLUDING = rx(r"\s*(?:扣除|剔除)(?:(?!因素|影响)[^,;。]){1,20}后\s*")
_DECIMAL_POINT = rx(r"(?<=\d)\.(?=\d)")
_TWO_HAN = rx(r"[\u4e00-\u9fff]{2}")
_ANY_BRACKETS = rx(r"[(（][^()（）]*[)）]")
_SPELLING = rx(r"[\s“”\"'‘’《》]")
# the words around trade's names that do not change what is counted
_TRADE = rx(r"^(?:对外贸易|外贸|货物贸易|货物|商品)?(进出口|出口|进口)(?:总值|总额|额)?$")
_REGION_PREFIX = rx(rf"^(?:{_REGION_WORDS})")
_REGION_GDP = rx(rf"(?:{_REGION_WORDS})生产总值")

# The names of a report repeat (地区生产总值 in the review, the summary and the targets): the
# functions of a name alone remember their answers.
_NAMES_REMEMBERED = 4096


_SCOPE = rx(rf"[\s、,:]*(?:从|在)?({_SCOPE_WORDS})")
_AREA = rx(r"都市圈|城市群|经济圈|经济带|城市圈")
_SCOPE_WORD = rx(f"({_SCOPE_WORDS})")
COUNTRY_NAMES = ("全国", "中国", "中华人民共和国")
# 从全国看, 从全省来看, 在全国范围内: a clause that gives the clauses after it to another region
SCENE = rx(rf"[\s、,:]*(?:从|在)?(?:{_SCOPE_WORDS})(?:范围内|层面)?(?:来?看)?\s*\Z")
# 我省, 本市: a clause back on the report's own region
OWN = rx(r"[\s、,:]*(?:我|本)[省市区县州盟旗]")


def scope_of(region_name: str | None, text: str) -> str | None:
    """The word a report uses for its own region as a whole (全市 for 佛山市, 全区 for 天河区 and for
    广西壮族自治区): the one of 全省, 全市, 全区 … that `text` uses most and its region's name agrees
    with (全国 for the country), or with no name known, the one it uses most; None when they do not
    tell."""
    counts = Counter(m.group(1) for m in _SCOPE_WORD.finditer(text))
    if region_name and region_name not in COUNTRY_NAMES:
        # 福田区: 全区, however often its report names 全市 (the city it is part of)
        return next((word for word, _ in counts.most_common() if word[-1] == region_name[-1]), None)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    word = ranked[0][0]
    if region_name in COUNTRY_NAMES:
        return "全国" if word == "全国" else None
    return word


def of_another_region(raw: str, scope: str | None) -> bool:
    """Whether the words before a number (`raw`), or a clause that sets the scene (从全国看), give it
    to a larger or other region than the report's, whose word for itself is `scope`: 全省地区生产
    总值 in a city's report, to an area of several (都市圈, 城市群), or to a zone inside it (高新区)."""
    if _AREA.search(raw) or _ZONE_FIGURE.search(raw):
        return True  # 大南昌都市圈经济总量, 长三角城市群: an area of several regions
    if scope is None:
        return False
    m = _SCOPE.match(raw)
    return m is not None and m.group(1) != scope


@lru_cache(maxsize=_NAMES_REMEMBERED)
def clean_name(raw: str) -> str:
    s = _BRACKETED.sub("", raw)
    s = _BLANKS.sub("", s)
    s = _CIRCUMSTANCE.sub("", s)
    return strip_ends(s, LEAD, _TRAIL)


def strip_ends(s: str, lead: re.Pattern, trail: re.Pattern) -> str:
    """`s` without what `lead` and `trail` match at its ends, again until nothing more goes."""
    while True:
        t = trail.sub("", lead.sub("", s))
        if t == s:
            return s
        s = t


@lru_cache(maxsize=_NAMES_REMEMBERED)
def valid_name(name: str) -> bool:
    name = SIZE_CLASS.sub("上", name)  # 1000万元以上项目投资: a size class is a part of the name
    # PM2.5年均浓度: a decimal point in a pollutant's name, and the annual mean of a concentration
    # (not an average over several years, as 年均增长 is)
    name = ANNUAL_MEAN.sub("浓度", _DECIMAL_POINT.sub("", name))
    if not 2 <= len(name) <= 24 or not _NAME_CHARS.fullmatch(name) or name[0].isdigit():
        return False
    plain = (name.replace("规模以上", "规上").replace("限额以上", "限上").replace("自然增长率", "自然率")
             .replace("及以上", ""))  # 重度及以上污染天数: a class of days, not a bound
    if name in _GENERIC or _NOT_A_NAME.search(plain):  # 人口自然增长率 is a rate, not a growth
        return False
    return bool(_TWO_HAN.search(name)) or name.upper() in ("GDP", "CPI")


_OWN_LEVEL = rx(r"^(?:区|县|旗)本级")
_SHARE_OF = rx(r"(?:相当于|占)(\S*?)的?(?:比重|比例)$|相当于(\S*?)的?$")


# 设区城市空气质量优良天数比例, 中心城区PM2.5平均浓度, 州政府所在地城市环境空气质量…: the towns whose
# air a region's air is measured in
_AIR_SCOPE = rx(r"^(?:设区(?:的)?(?:市|城市)|中心城(?:区|市)|[县地]级(?:及)?以上城市"
                        r"|[\u4e00-\u9fff]{1,4}政府所在地城市|城市|城区|市区)?(?:环境)?(?=空气|PM|细颗粒物)")


@lru_cache(maxsize=_NAMES_REMEMBERED)
def _key(name: str) -> str:
    """What two spellings of one name share: no brackets, spaces or quote marks; 规模以上 = 规上."""
    s = _ANY_BRACKETS.sub("", name)
    s = _SPELLING.sub("", s)
    s = s.replace("规模以上", "规上").replace("限额以上", "限上")
    s = _REGION_PREFIX.sub("", s)
    s = _OWN_LEVEL.sub("", s)  # 区本级固定资产投资: a district's or county's own figure is its figure
    s = _AIR_SCOPE.sub("", s)
    s = _REGION_GDP.sub("生产总值", s)  # 研发经费支出相当于全市生产总值的比例
    s = _TRADE.sub(r"\1", s)  # 外贸出口总值 = 货物出口总额 = 出口
    # 相当于…的比例, 相当于…的 (2.65%) = 占…比重
    s = _SHARE_OF.sub(lambda m: f"占{m.group(1) or m.group(2)}比重", s.replace("研究与试验发展", "研发"))
    return s.casefold()


class _Lexicon(Mapping[str, Any]):
    """The tables of `lexicon.toml`. [regions] and what follows it, most of the file, is parsed on
    first use: only a report whose region the store lacks needs it."""

    _LATE = "\n[regions]\n"

    def __init__(self) -> None:
        import tomllib
        from pathlib import Path

        with open(Path(__file__).with_name("lexicon.toml"), "rb") as f:
            head, late, tail = f.read().decode().partition(self._LATE)
        self._head: dict[str, Any] = tomllib.loads(head)
        self._tail = late + tail
        self._whole: dict[str, Any] | None = None

    def _all(self) -> dict[str, Any]:
        if self._whole is None:
            import tomllib

            self._whole = {**self._head, **tomllib.loads(self._tail)}
        return self._whole

    def __getitem__(self, key: str) -> Any:
        return self._head[key] if key in self._head else self._all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


_LEXICON_DATA = _Lexicon()
# The common headline indicators: id, English name, direction, and the names reports print.
LEXICON: tuple[tuple[str, str, str, tuple[str, ...]], ...] = tuple(
    (e["id"], e["name_en"], e["better"], tuple(e["names"])) for e in _LEXICON_DATA["indicators"])
# Words of indicator names, for the ids of indicators the lexicon does not know.
_WORDS: dict[str, str] = _LEXICON_DATA["words"]
# Names with these words measure something that should fall.
LOWER_IS_BETTER: tuple[str, ...] = tuple(_LEXICON_DATA["lower_is_better"])
PROVINCES: dict[str, str] = _LEXICON_DATA["provinces"]
LEXICON_IDS = frozenset(e[0] for e in LEXICON)  # the common indicators every report may name
# The words that open the main targets, and those that show a target reviewed rather than set.
TARGET_LEAD_INS: dict[str, list[str]] = _LEXICON_DATA["target_lead_ins"]
ENERGY_TASK: dict = _LEXICON_DATA["energy_task"]
# The areas inside a region with figures of their own: 高新区, 开发区, 园区 …
ZONE_WORDS: tuple[str, ...] = tuple(_LEXICON_DATA["zones"])
# 天府新区眉山片区地区生产总值, 高新区规上工业增加值: a zone's own headline figure, a part's
_ZONE_FIGURE = rx(rf"(?:[\u4e00-\u9fff]{{1,8}}(?:新区|片区)|示范区|{'|'.join(ZONE_WORDS)})"
                  r"(?:地区生产总值|生产总值|经济总量|GDP|规模以上工业|规上工业|固定资产投资|社会消费品零售总额|一般公共预算收入)")


@cache
def _word_table() -> dict[str, list[tuple[str, str, int]]]:
    """The words of [words], longest first, as (casefolded word, its part of an id, its length),
    by the first character of the casefolded word."""
    table: dict[str, list[tuple[str, str, int]]] = {}
    for w in sorted(_WORDS, key=len, reverse=True):
        folded = w.casefold()
        table.setdefault(folded[:1], []).append((folded, _WORDS[w], len(w)))
    return table


def word_at(key: str, i: int) -> tuple[str, int] | None:
    """The longest word of [words] that the casefolded `key` has at `i`: (its part of an id, which
    may be empty, and its length), or None."""
    for folded, word, size in _word_table().get(key[i], ()):
        if key.startswith(folded, i):
            return word, size
    return None


def _compose_id(key: str) -> tuple[str, str | None]:
    """A readable id from the words of a name ("数字经济增加值" → digital_economy_value_added), with
    its English name; where a word is unknown, one spelt partly in pinyin (`spell_id`), and None."""
    words, i = [], 0
    while i < len(key):
        found = word_at(key, i)
        if found is None:
            return spell_id(key), None
        word, size = found
        if word:
            words.append(word)
        i += size
    ident = "_".join(dict.fromkeys("_".join(words).split("_")))
    if not ident or not ident[0].isalpha():
        return spell_id(key), None
    return ident, ident.replace("_", " ").capitalize()


def still_new(ind: Indicator, units: list[str], added: dict[str, Indicator]) -> bool:
    """Whether a report read before the indicators `added` joined the store names `ind`, one of
    the new indicators of its reading (its levels in `units`), as a reading against the larger
    store would (`Resolver.resolve`): no added indicator of another id goes by its name, and an
    added one of its id is the same (its name, or the lexicon's id) in a unit its levels fit."""
    from ..units import compatible

    key = _key(ind.name)
    if any(a.id != ind.id and key in {_key(n) for n in (a.name, *a.aliases)} for a in added.values()):
        return False
    same = added.get(ind.id)
    if same is None:
        return True
    lexicon = any(ind.id == entry[0] for entry in LEXICON)
    return (lexicon or _key(same.name) == key) and all(compatible(u, same.unit) for u in units)


@dataclass
class Ind:
    id: str
    name: str
    name_en: str | None
    category: str | None
    better: str
    new: bool
    known: bool  # a common headline indicator (in the lexicon, or a headline of the store)


def _unit_suffix(unit: str) -> str:
    """What sets apart an indicator the store has in a unit measuring something else: 城镇新增就业
    in 万个 (posts) where the store's is in 万人 is new_urban_jobs_count."""
    from ..units import dimension, split_unit

    dim = dimension(split_unit(unit)[1])
    return {"money": "amount", "percent": "rate"}.get(dim, dim)


class Resolver:
    """Names → indicators: the store's names and aliases first, then the lexicon, then a new id."""

    def __init__(self, store: Store):
        from ..units import compatible

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
        self.new: dict[str, Ind] = {}
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

    def resolve(self, name: str, extra: tuple[str, ...] = (), unit: str | None = None) -> Ind:
        hit = self.lookup([name, *extra])
        if hit and hit[1] in self.store.indicators:
            ind = self.store.indicators[hit[1]]
            known = ind.category == "headline" or ind.id in LEXICON_IDS or hit[0] == "lexicon"
            if unit is None or self.compatible(unit, ind.unit):
                return Ind(ind.id, ind.name, ind.name_en, ind.category, ind.better, False, known)
            return self._new(name, f"{ind.id}_{_unit_suffix(unit)}", ind.name_en, ind.better, known)
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

    def _new(self, name: str, iid: str, en: str | None, better: str, known: bool, reserved: bool = False) -> Ind:
        key = _key(name)
        if iid in self.new and _key(self.new[iid].name) != key and not known:
            reserved = True
        if reserved:
            base, n = iid, 2
            while iid in self.store.indicators or (iid in LEXICON_IDS and not known) or (
                    iid in self.new and _key(self.new[iid].name) != key):
                iid, n = f"{base}_{n}", n + 1
        if iid not in self.new:
            self.new[iid] = Ind(iid, name, en, "headline", better, True, known)
        self.new_by_key.setdefault(key, iid)
        return self.new[iid]


# --- readable ids ----------------------------------------------------------------------------------

@cache
def _pinyin_file() -> dict:
    import tomllib
    from pathlib import Path

    with open(Path(__file__).with_name("pinyin.toml"), "rb") as f:
        return tomllib.load(f)


@cache
def pinyin() -> dict[str, str]:
    """Each character of `pinyin.toml` and its syllable (for region ids and indicator ids)."""
    return {c: syllable for syllable, chars in _pinyin_file().items() if syllable != "places" for c in chars}


def place_readings() -> dict[str, str]:
    """Place names whose characters read otherwise there than alone (闵行 minhang)."""
    return _pinyin_file()["places"]


def spell_id(key: str) -> str:
    """A readable id for a name whose words the lexicon does not all know: the known words in
    English, the others in pinyin (瞪羚企业 → dengling_firms); at most 48 characters, cut
    between words or syllables."""
    table = pinyin()
    words: list[list[str]] = []  # each word, as its syllables (an English word is one)
    run: list[str] = []
    i = 0
    while i < len(key):
        found = word_at(key, i)
        if found is not None:
            if run:
                words.append(run)
                run = []
            word, size = found
            if word:
                words += [[part] for part in word.split("_")]
            i += size
        else:
            c = key[i]
            if c in table:
                run.append(table[c])
            elif c.isascii() and c.isalnum():
                run.append(c.lower())
            elif run:
                words.append(run)
                run = []
            i += 1
    if run:
        words.append(run)
    seen: set[str] = set()
    out: list[str] = []
    size = 0
    for syllables in words:
        word = "".join(syllables)
        if word in seen:
            continue
        seen.add(word)
        if size + len(word) + (1 if out else 0) > 48:
            part = ""
            for syllable in syllables:
                if size + len(part) + len(syllable) + (1 if out else 0) > 48:
                    break
                part += syllable
            if part:
                out.append(part)
            break
        out.append(word)
        size += len(word) + (1 if len(out) > 1 else 0)
    ident = "_".join(out)
    if not ident or not ident[0].isalpha():
        ident = "n_" + ident if ident else "figure"
    return ident
