"""The unit rules: magnitudes convert, people never stand for firms, currencies never mix."""

from decimal import Decimal

import pytest

from csplan.units import compatible, convert, split_unit


@pytest.mark.parametrize(
    "unit, expected",
    [("万人", (10**4, "人")), ("亿元", (10**8, "元")), ("万亿斤", (10**12, "斤")), ("万美元", (10**4, "美元")),
     ("人", (1, "人")), ("万", (1, "万"))],
)
def test_split_unit(unit, expected):
    assert split_unit(unit) == expected


def test_convert_follows_the_glossary():
    assert convert("1.88", "万人", "人") == Decimal("18800")
    assert convert(1110, "亿元", "元") == Decimal("111000000000")
    assert convert(18500, "人", "万人") == Decimal("1.85")
    assert convert(1, "亿美元", "亿元") is None
    assert convert(3, "家", "个") is None


@pytest.mark.parametrize(
    "a, b, ok",
    [
        ("万人", "人", True),
        ("人次", "万人", True),
        ("亿元", "万元", True),
        ("项", "个", True),
        ("家", "个", True),
        ("家", "万人", False),
        ("户", "人", False),
        ("美元", "亿元", True),  # one indicator in either currency, never converted
        ("亿美元", "万人", False),
        ("%", "亿元", False),
        ("个百分点", "%", False),
        ("亩", "平方米", True),
    ],
)
def test_compatible(a, b, ok):
    assert compatible(a, b) is ok
