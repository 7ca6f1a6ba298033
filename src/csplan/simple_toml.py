"""A fast reader (and writer) for the plain TOML that stores are written in.

The canonical form (`store.dumps`) uses a small part of TOML: `[[section]]` headers, and lines of
`key = value` where the value is a one-line string, an integer, a decimal number or an array of
strings. `loads` reads exactly that part, several times faster than tomllib and with repeated
strings (keys, ids, units) shared, so a large store needs far less memory. Any other text — a
comment, a date, a table header of another kind, trailing spaces, CRLF, a syntax error — gives
None, and tomllib reads the file instead: for what it accepts, `loads` returns what
`tomllib.loads` returns, and the tests hold it to that.
"""

from __future__ import annotations

import re

_STR = r'"[^"\\\x00-\x08\x0a-\x1f\x7f]*"'
_ESCAPED = r'"(?:[^"\\\x00-\x08\x0a-\x1f\x7f]|\\[^\x00-\x1f\x7f])*"'
_TOKEN = re.compile(
    r"(?:\[\[([A-Za-z0-9_-]+)\]\]"  # 1: [[section]]
    r"|([A-Za-z0-9_-]+) = (?:"  # 2: key
    rf"({_STR})"  # 3: string without escapes
    r"|(-?(?:0|[1-9][0-9]{0,17}))"  # 4: integer
    r"|(-?(?:0|[1-9][0-9]*)\.[0-9]+)"  # 5: decimal number
    rf"|({_ESCAPED})"  # 6: string with escapes
    rf"|(\[(?:\n    {_ESCAPED},)*\n\]|\[\])"  # 7: array of strings, as tomli-w writes it
    r"))\n+"
)

_ITEM = re.compile(r'\n    "([^"]*)",')

# Strings up to this length are shared between tables (ids, units, qualifiers …); quotes are not.
_SHARE = 48


def loads(text: str) -> dict | None:
    """The document `text` holds, or None when it uses TOML beyond the simple part."""
    if not text.endswith("\n"):
        text += "\n"
    doc: dict = {}
    table = doc
    shared: dict[str, str] = {}
    share = shared.setdefault
    headed: set[str] = set()  # names made by [[…]], which may take more tables
    pos = len(text) - len(text.lstrip("\n"))
    for m in _TOKEN.finditer(text, pos):
        if m.start() != pos:
            return None
        pos = m.end()
        section, key, plain, integer, decimal, escaped, array = m.groups()
        if section is not None:
            if section in doc and section not in headed:
                return None
            headed.add(section)
            table = {}
            doc.setdefault(share(section, section), []).append(table)
            continue
        key = share(key, key)
        if key in table:
            return None
        if plain is not None:
            value = plain[1:-1]
            if len(value) <= _SHARE:
                value = share(value, value)
        elif integer is not None:
            value = int(integer)
        elif decimal is not None:
            value = float(decimal)
        elif array is not None and "\\" not in array:
            value = [share(v, v) if len(v) <= _SHARE else v for v in _ITEM.findall(array)]
        else:
            literal = escaped if escaped is not None else array
            assert literal is not None  # the token matched one of its alternatives
            value = _tomllib_value(literal)
            if value is None:
                return None
        table[key] = value
    if pos != len(text):
        return None
    return doc


def _tomllib_value(literal: str):
    """A string with escapes, or an array: tomllib decodes it (they are rare)."""
    import tomllib

    try:
        return tomllib.loads(f"v = {literal}\n")["v"]
    except tomllib.TOMLDecodeError:
        return None


_PLAIN = re.compile(r'[^"\\\x00-\x08\x0a-\x1f\x7f]*\Z')  # written between quotes as it is
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")
_KNOWN_KEYS = frozenset(("id", "title", "date", "issuer", "meeting", "region", "name", "name_en", "level", "parent",
                         "unit", "category", "better", "indicator", "year", "metric", "value", "growth", "qualifier",
                         "status", "source", "quote"))  # the store's keys, all bare


def dumps_table(table: dict) -> str:
    """`tomli_w.dumps(table)`, byte for byte; written here when every value is a plain string or a
    number (a figure's table), which is several times faster."""
    lines = []
    strings = []
    for key, value in table.items():
        kind = type(value)
        if kind is str:
            strings.append(value)
            lines.append(f'{key} = "{value}"\n')
        elif kind is int or kind is float:
            lines.append(f"{key} = {value}\n")
        else:
            break
    else:  # every string plain (so are they joined, and only then) and every key bare
        if _PLAIN.match("".join(strings)) and (table.keys() <= _KNOWN_KEYS
                                               or all(_BARE_KEY.match(key) for key in table)):
            return "".join(lines)
    import tomli_w

    return tomli_w.dumps(table)
