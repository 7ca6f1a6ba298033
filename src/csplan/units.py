"""Units as printed in the reports: magnitude prefixes, and which units may be compared.

The store keeps units as printed (1.88 万人). This module is the one place that knows that
万 is 10⁴, that 万人 and 人 compare after conversion, and that 元 and 美元, or 家 and 个, never do:
they may measure one indicator (trade in 亿美元 one year and in 亿元 the next; FDI has been
reported in 元 since 2022), but no exchange rate is assumed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

# Longest first: 万亿 before 万 and 亿.
MAGNITUDES: tuple[tuple[str, int], ...] = (("万亿", 10**12), ("亿", 10**8), ("万", 10**4))

# Base units grouped by what they measure. Two units of one group may stand for the same
# indicator (项 and 个 both count projects), but only the same base unit converts.
DIMENSIONS: dict[str, str] = {
    "元": "money",
    "元/人": "money_per_person",
    "美元": "money",
    "%": "percent",
    "‰": "permille",
    "个百分点": "points",
    "百分点": "points",
    "平方米": "area",
    "平方公里": "area",
    "亩": "area",
    "公顷": "area",
    "米": "length",
    "公里": "length",
    "吨": "mass",
    "斤": "mass",
    "公斤": "mass",
    "千克": "mass",
    "立方米": "volume",
    "微克/立方米": "concentration",
    "毫克/立方米": "concentration",
    "千瓦": "power",
    "千瓦时": "energy",
    "吨标准煤": "energy_use",
    "人": "people",
    "人次": "people",
    "名": "people",
    "户": "households",
}
COUNT = "count"

# Count units the reports print (any unit not in DIMENSIONS is a count; a parser needs the list).
COUNT_UNITS: tuple[str, ...] = (
    "家", "个", "项", "人", "人次", "户", "所", "套", "座", "场", "宗", "次", "辆", "件", "条", "处", "张",
    "台", "艘", "架", "名", "位", "只", "头", "株", "棵", "栋", "间", "篇", "部", "批", "种", "例", "床",
    "岁", "标箱", "标准箱",
)


def split_unit(unit: str) -> tuple[int, str]:
    """"万人" → (10000, "人"); "亿元" → (100000000, "元"); "人" → (1, "人")."""
    for prefix, factor in MAGNITUDES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return factor, unit[len(prefix):]
    return 1, unit


def dimension(base: str) -> str:
    """What a base unit measures; any other unit counts things (家, 个, 项, 宗 …), which may
    stand for one another (项 and 个 both count projects) but never for people or households."""
    return DIMENSIONS.get(base, COUNT)


@lru_cache(maxsize=4096)
def compatible(a: str | None, b: str | None) -> bool:
    """May a figure in unit `a` belong to an indicator whose unit is `b`?"""
    if not a or not b:
        return True
    return dimension(split_unit(a)[1]) == dimension(split_unit(b)[1])


def convert(value, unit: str, to_unit: str) -> Decimal | None:
    """`value` in `unit`, expressed in `to_unit`; None when the base units differ."""
    f1, base1 = split_unit(unit)
    f2, base2 = split_unit(to_unit)
    if base1 != base2:
        return None
    from decimal import Decimal

    return Decimal(str(value)) * f1 / f2
