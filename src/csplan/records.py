"""Flat records: the one shape every machine format (JSON, CSV, TSV) and `import` share."""

from __future__ import annotations

import re

from .model import Figure, Store

KEYS = (
    "indicator",
    "name",
    "name_en",
    "category",
    "region",
    "year",
    "kind",
    "metric",
    "value",
    "unit",
    "growth",
    "qualifier",
    "status",
    "better",
    "source",
    "quote",
)


def record(store: Store, f: Figure) -> dict:
    ind = store.indicators[f.indicator]
    return {
        "indicator": f.indicator,
        "name": ind.name,
        "name_en": ind.name_en,
        "category": ind.category,
        "region": f.region,
        "year": f.year,
        "kind": f.kind,
        "metric": f.metric,
        "value": f.value,
        "unit": f.unit,
        "growth": f.growth,
        "qualifier": f.qualifier,
        "status": f.status,
        "better": ind.better,
        "source": f.source,
        "quote": f.quote,
    }


def records(store: Store, figures: list[Figure]) -> list[dict]:
    return [record(store, f) for f in figures]


# Control and format characters (ESC, newline, bidi overrides …) and the backslash that escapes them.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_TO_ESCAPE = re.compile("[\\\\\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_NAMED = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNESCAPE = re.compile(r"\\(?:([\\nrt])|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))")


def _escape_one(m: re.Match) -> str:
    ch = m.group()
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def escape_cell(text: str) -> str:
    r"""Keep one record a line in CSV/TSV: backslash and control characters become \n, \t, \x1b …"""
    return _TO_ESCAPE.sub(_escape_one, text)


def _unescape_one(m: re.Match) -> str:
    named, x, u = m.groups()
    if named:
        return {"\\": "\\", "n": "\n", "r": "\r", "t": "\t"}[named]
    return chr(int(x or u, 16))


def unescape_cell(text: str) -> str:
    """The inverse of escape_cell, for `import`."""
    return _UNESCAPE.sub(_unescape_one, text) if "\\" in text else text
