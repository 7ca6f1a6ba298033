"""The reports' wording for qualifiers and statuses, in both directions.

This module is the one place that knows that 超 means `more_than` and that `estimate` is
printed 预计: rendering reads it to print a figure the way the report would, and extraction
reads it to parse one.
"""

from __future__ import annotations

# Words before a number, and words after it (with its unit), in the order a parser should try
# them: longer words first, so that 接近 wins over 近.
QUALIFIER_PREFIXES: dict[str, str] = {
    "不低于": "at_least",
    "不少于": "at_least",
    "不超过": "at_most",
    "不高于": "at_most",
    "控制在": "at_most",
    "≥": "at_least",
    "≤": "at_most",
    "接近": "nearly",
    "将近": "nearly",
    "大约": "about",
    "突破": "more_than",
    "超过": "more_than",
    "高于": "more_than",
    "低于": "at_most",
    "超": "more_than",
    "逾": "more_than",
    "约": "about",
    "近": "nearly",
}
QUALIFIER_SUFFIXES: dict[str, str] = {
    "以上": "at_least",
    "左右": "about",
    "以内": "at_most",
    "以下": "at_most",
    "上下": "about",
    "余": "more_than",
    "多": "more_than",
}

STATUS_WORDS: dict[str, str] = {
    "预计": "estimate",
    "初步统计": "preliminary",
    "初步核算": "preliminary",
    "初步测算": "estimate",
}

STATUS_LABELS = {"estimate": "预计", "preliminary": "初步", "reported": "实际"}

# How a figure with this qualifier is printed: (before the number, after number and unit).
_QUALIFIER_STYLE = {
    "exact": ("", ""),
    "more_than": ("超 ", ""),
    "at_least": ("", " 以上"),
    "about": ("约 ", ""),
    "nearly": ("近 ", ""),
    "at_most": ("", " 以内"),
}

QUALIFIER_LABELS = {
    "exact": "",
    "more_than": "超",
    "at_least": "以上",
    "about": "约",
    "nearly": "近",
    "at_most": "以内",
}


def number_text(x: int | float | None) -> str:
    """A number as the store holds it: 1110, 5.8, 3.0 (never 1110.0 for an integer)."""
    if x is None:
        return ""
    if isinstance(x, float):
        return repr(x)
    return str(x)


def describe(metric: str, value, unit: str | None, growth, qualifier: str, kind: str = "actual") -> str:
    """A figure in the report's own words: "超 650 亿元", "增长 5.5%", "全市第 4", "前 3"."""
    before, after = _QUALIFIER_STYLE.get(qualifier, ("", ""))
    if metric == "task":
        if kind == "target":
            return "任务"
        return {1: "完成", 0: "未完成"}.get(value, "任务")
    if metric == "rank":
        if qualifier == "at_most":
            return f"前 {number_text(value)}"
        return f"第 {number_text(value)}"
    if metric == "growth":
        return growth_text(growth, qualifier)
    text = f"{before}{number_text(value)} {unit or ''}".rstrip() + after
    return text


_GROWTH_STYLE = {**_QUALIFIER_STYLE, "about": ("", " 左右")}


def growth_text(growth, qualifier: str = "exact") -> str:
    """增长 5.8% / 下降 3% / 增长 5% 左右 / 持平 — a growth figure as the reports phrase it."""
    if growth is None:
        return ""
    if growth == 0 and qualifier == "exact":
        return "持平"
    before, after = _GROWTH_STYLE.get(qualifier, ("", ""))
    word, size = ("下降", -growth) if growth < 0 else ("增长", growth)
    return f"{word} {before}{number_text(size)}%{after}"


# --- targets: how a plan's target is said, and how far an outcome is from it ---------------

# (before the number, after number and unit) when a target is said as a reader would say it.
_TARGET_LEVEL_STYLE = {
    "exact": ("", ""),
    "more_than": ("> ", ""),
    "at_least": ("≥ ", ""),
    "about": ("", " 左右"),
    "nearly": ("近 ", ""),
    "at_most": ("控制在 ", " 以内"),
}
_TARGET_GROWTH_STYLE = {
    "exact": (" ", ""),
    "more_than": ("超 ", ""),
    "at_least": (" ", " 以上"),
    "about": (" ", " 左右"),
    "nearly": ("近 ", ""),
    "at_most": ("控制在 ", " 以内"),
}


def amount_text(x, unit: str | None = None) -> str:
    """A number with its unit: "1171.05 亿元", "5.5%", "18500 人" (a Decimal keeps its exponent: 4.0 stays 4.0)."""
    if x is None:
        return ""
    from decimal import Decimal

    if isinstance(x, Decimal):
        text = format(abs(x) if x == 0 else x, "f")
    else:
        text = number_text(x)
    if not unit:
        return text
    return f"{text}%" if unit == "%" else f"{text} {unit}"


def target_text(metric: str, value, unit: str | None, growth, qualifier: str) -> str:
    """A target as a reader would say it: 增长 5.5%, ≥ 180 家, > 80 个, 前 3, 控制在 4% 以内, 5% 左右."""
    if metric == "task":
        return "任务"
    if metric == "rank":
        return f"前 {number_text(value)}" if qualifier == "at_most" else f"第 {number_text(value)}"
    if metric == "growth":
        if growth is None:
            return ""
        if growth == 0 and qualifier == "exact":
            return "持平"
        before, after = _TARGET_GROWTH_STYLE.get(qualifier, (" ", ""))
        word, size = ("下降", -growth) if growth < 0 else ("增长", growth)
        return f"{word}{before}{amount_text(size, '%')}{after}"
    before, after = _TARGET_LEVEL_STYLE.get(qualifier, ("", ""))
    return f"{before}{amount_text(value, unit)}{after}"


def signed_text(x, unit: str | None = None) -> str:
    """A signed difference: "+0.1 pp", "-0.1 pp", "+5 家", "0 places"."""
    if x is None:
        return ""
    sign = "+" if x > 0 else ""
    return f"{sign}{amount_text(x)}" + (f" {unit}" if unit else "")
