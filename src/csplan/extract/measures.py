"""Numbers, units and qualifiers: the measurements a clause holds (a level, a growth, a flat)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

from ..vocab import QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES
from .compiled import rx


def alternation(words) -> str:
    """Longer words first (接近 before 近), in one order whatever the words' order: a pattern's text
    is the same in every run (compiled.py keeps patterns by their text)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def lazy(pattern, flags: int = 0) -> Callable[[], re.Pattern]:
    """A regular expression compiled on its first use, for one that not every report needs:
    compiling one takes up to milliseconds (a class of CJK characters), at every start."""
    return cache(partial(rx, pattern, flags))


CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "〇": 0, "零": 0}
_CN_MAGNITUDE = {"十": 10, "百": 100, "千": 1000}

_POSITIVE = ("增长", "上涨", "上升", "提高", "提升", "增速", "增幅", "涨幅", "增产")
NEGATIVE = ("下降", "降低", "减少", "下跌", "回落", "降幅", "下滑", "减产")
_PATTERN: re.Pattern | None = None


def measure_pattern() -> re.Pattern:
    """One regex for the three kinds of measurement: a growth, a flat, a level."""
    global _PATTERN
    if _PATTERN is None:
        from ..units import COUNT_UNITS, DIMENSIONS, MAGNITUDES

        pre = alternation(QUALIFIER_PREFIXES)
        inner = alternation(w for w in QUALIFIER_SUFFIXES if len(w) == 1)
        post = (f"(?:{alternation(w for w in QUALIFIER_SUFFIXES if len(w) > 1)}"
                f"|(?:{inner})(?=[\\s,;、。:)]|$))")
        mag = alternation(m for m, _ in MAGNITUDES)
        base = alternation([*DIMENSIONS, *COUNT_UNITS])
        num = r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]\d)"
        cn = rf"(?<![一二两三四五六七八九十百千〇零\d])[一二两三四五六七八九]?[十百千](?=\s*(?:{mag}))"
        verbs = "|".join(("增加(?!值)", *_POSITIVE, *NEGATIVE))
        _PATTERN = rx(
            rf"(?P<gverb>{verbs})\s*了?\s*(?:为|达到|达)?\s*(?P<gpre>{pre})?\s*(?P<gnum>{num})\s*(?:%|(?P<times>倍))"
            rf"\s*(?P<gpost>{post})?"
            rf"|(?P<flat>(?:基本)?持平(?!稳))"  # not 保持平稳, kept steady
            rf"|(?<!第)(?P<vpre>{pre})?\s*(?P<vnum>{num}|{cn})\s*(?P<vq1>{inner})?\s*(?P<vmag>{mag})?(?P<vq2>{inner})?"
            rf"\s*(?P<vbase>{base})\s*(?P<vpost>{post})?"
        )
    return _PATTERN


def number_of(text: str) -> int | float:
    """"1110" → 1110, "3.0" → 3.0 (as printed: a decimal point makes a float), "百" → 100."""
    if text[-1] in _CN_MAGNITUDE:
        return CN_DIGITS.get(text[0], 1) * _CN_MAGNITUDE[text[-1]]
    return float(text) if "." in text else int(text)


def percent_of_times(text: str) -> int | float:
    """增长1.1倍 as a growth in percent: 110 (an integer when the product is whole, as printed)."""
    from decimal import Decimal

    p = Decimal(text) * 100
    return int(p) if p == p.to_integral_value() else float(p)


def qualifier_of(*words: str | None) -> str:
    """The first of the words (most specific first) that is a qualifier; else exact. But a bound
    set before the number outranks 左右 after it: 控制在3%左右 is a ceiling (at_most)."""
    found = [q for w in words if w for q in [QUALIFIER_SUFFIXES.get(w) or QUALIFIER_PREFIXES.get(w)] if q]
    if not found:
        return "exact"
    if found[0] == "about" and any(QUALIFIER_PREFIXES.get(w or "") in _BOUNDS for w in words):
        return next(q for q in found if q in _BOUNDS)
    return found[0]


_BOUNDS = ("at_most", "at_least")


@dataclass
class Measure:
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


_NAMED_AFTER = rx(r"(?:项目|企业|工业|投资|重点项目)")
_CJK = lazy(r"[\u4e00-\u9fff]")
# 的 and a noun after a level, unless the noun restates it (控制在3.9%的较低水平, 1000亿元的目标)
_SIZES = rx(r"的(?![\u4e00-\u9fff]{0,4}(?:水平|目标|任务|区间|范围|基础))")
_RANGE_AFTER = rx(r"\s*(?:[—–\-~]+|至|到)\s*\d")
_RANGE_BEFORE = rx(r"(?<![\d.])\d+(?:\.\d+)?\s*%?\s*(?:[—–\-~]+|至|到)\s*\Z")


def find_measures(text: str, a: int, b: int) -> list[Measure]:
    out = []
    ranged: int | None = None  # where the range being read (1050—1060亿元, 增长5.5%—6%) began
    for m in measure_pattern().finditer(text, a, b):
        if m.group("vpost") == "以上" and (_NAMED_AFTER.match(text, m.end(), b) or (
                m.group("vbase") == "元" and _CJK().match(text, m.end(), b))):
            continue  # 1000万元以上项目投资增长15%: a size class that is part of a name
        if m.group("vbase") and _SIZES.match(text, m.end(), b):
            continue  # 经济总量超500亿元的县域增至12个: a level that sizes what follows is not a figure
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
                out.append(Measure("value", ranged, m.end(),
                                    unit=(m.group("vmag") or "") + m.group("vbase"), ranged=True))
            ranged = None
            continue
        if m.group("gverb"):
            size = percent_of_times(m.group("gnum")) if m.group("times") else number_of(m.group("gnum"))
            verb = m.group("gverb")
            growth = -size if verb in NEGATIVE else size
            out.append(Measure("growth", m.start(), m.end(), growth=growth, unit="%",
                                qualifier=qualifier_of(m.group("gpost"), m.group("gpre")), verb=verb))
        elif m.group("flat"):
            qual = "about" if m.group("flat").startswith("基本") else "exact"
            out.append(Measure("growth", m.start(), m.end(), growth=0, unit="%", qualifier=qual, verb="持平"))
        else:
            unit = (m.group("vmag") or "") + m.group("vbase")
            qual = qualifier_of(m.group("vpost"), m.group("vq2"), m.group("vq1"), m.group("vpre"))
            out.append(Measure("value", m.start(), m.end(), value=number_of(m.group("vnum")), unit=unit,
                                qualifier=qual))
    return out
