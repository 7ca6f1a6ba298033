"""The store's objects: sources, regions, indicators and figures.

These are plain data holders. Checking them is `store.validate`'s job; turning them into
output is `records`' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SCHEMA_VERSION = 1

QUALIFIERS = ("exact", "more_than", "at_least", "about", "nearly", "at_most")
STATUSES = ("estimate", "preliminary", "reported")
METRICS = ("value", "growth", "rank", "task")
KINDS = ("actual", "target")
# A region's place in the country, from the largest to the smallest.
LEVELS = ("nation", "province", "city", "county", "district")
DIRECTIONS = ("higher", "lower")
# Report sections an indicator belongs to, roughly in the order a plan report takes them.
CATEGORIES = ("headline", "industry", "agriculture", "services", "consumption", "investment", "projects",
              "opening", "innovation", "reform", "finance", "urban", "environment", "livelihood")

YEAR_MIN, YEAR_MAX = 1949, 2100

# The range of a value or growth: what a TOML float holds exactly (15 significant digits), and
# what keeps the arithmetic of `csplan targets` exact. docs/store.md states it.
MAX_DIGITS = 15  # significant digits
MAX_PLACES = 15  # digits after the decimal point
MAX_MAGNITUDE_EXP = 15  # |x| < 10**MAX_MAGNITUDE_EXP
_LONG_NUMBER = 40  # a number written longer than this is shown cut short in a message


class CsplanError(Exception):
    """An error the user can fix; the CLI prints it as one line, never a traceback."""

    exit_code = 3


class NotFound(CsplanError):
    """A query matched nothing, or more than one thing."""

    exit_code = 1


@dataclass(slots=True)
class Source:
    id: str
    title: str
    date: str | None = None
    issuer: str | None = None
    meeting: str | None = None
    region: str | None = None


@dataclass(slots=True)
class Region:
    id: str
    name: str
    name_en: str | None = None
    level: str | None = None
    parent: str | None = None  # the id of the region it belongs to


@dataclass(slots=True)
class Indicator:
    id: str
    name: str
    name_en: str | None = None
    unit: str | None = None
    category: str | None = None
    better: str = "higher"
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Figure:
    """An actual (an observation) or a target: one number, or one task, about one year."""

    kind: str
    indicator: str
    region: str
    year: int
    metric: str
    qualifier: str
    source: str
    quote: str
    value: int | float | None = None
    unit: str | None = None
    growth: int | float | None = None
    status: str | None = None

    @property
    def key(self) -> tuple:
        """What identifies a figure across vintages: two sources may give the same key."""
        return (self.indicator, self.region, self.year, self.kind, self.metric)


@dataclass(slots=True)
class Store:
    sources: dict[str, Source] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    schema: int = SCHEMA_VERSION

    def figures_of(self, indicator: str) -> list[Figure]:
        """The figures of one indicator, in store order (a cached store reads only these)."""
        return [f for f in self.figures if f.indicator == indicator]

    def put(self, figure: Figure) -> Figure | None:
        """Add `figure`, or put it in the place of the figure with its key and source, which is
        returned (a cached store reads only the figures of its indicator to do so)."""
        figures = self.figures
        for i, old in enumerate(figures):
            if old.source == figure.source and old.key == figure.key:
                figures[i] = figure
                return old
        figures.append(figure)
        return None


def number_problem(x) -> str | None:
    """Why a value or growth is outside the range csplan keeps, or None when it is inside.

    `x` is an int, a float, or a number's text ("1e58", a 5,000-digit integer): the one rule for
    every way a number enters a store (typed, imported, or in the file itself).
    """
    if isinstance(x, bool):
        return "is not a number"
    if plainly_in_range(x):
        return None
    from decimal import Decimal, InvalidOperation

    try:
        d = Decimal(x if isinstance(x, (int, str)) else repr(x))
    except (InvalidOperation, ValueError):
        return "is not a number"
    if not d.is_finite():
        return "is not a finite number"
    digits, exponent = d.as_tuple().digits, int(d.as_tuple().exponent)
    while len(digits) > 1 and digits[-1] == 0:  # 1500 or 1.50: trailing zeros are not significant
        digits, exponent = digits[:-1], exponent + 1
    if not any(digits):
        return None
    digits = digits[next(i for i, n in enumerate(digits) if n):]
    if len(digits) + exponent > MAX_MAGNITUDE_EXP:
        return f"is too large: a value or growth is kept below 10^{MAX_MAGNITUDE_EXP} in size"
    if len(digits) > MAX_DIGITS:
        return f"has more than {MAX_DIGITS} significant digits"
    if -exponent > MAX_PLACES:
        return f"has more than {MAX_PLACES} digits after the decimal point"
    return None


def plainly_in_range(x) -> bool:
    """A quick yes for the numbers of every real store (an int below 10^15; a float written in
    at most MAX_DIGITS digits, with no exponent); the rest take the exact rule."""
    if type(x) is int:
        return -_LIMIT < x < _LIMIT
    if type(x) is float:
        r = repr(x)
        return "e" not in r and "n" not in r and len(r) - (r[0] == "-") - 1 <= _PLAIN_DIGITS
    if type(x) is str:
        return _PLAIN_NUMBER.fullmatch(x) is not None and len(x) - x.count("-") - x.count(".") <= _PLAIN_DIGITS
    return False


_LIMIT = 10**MAX_MAGNITUDE_EXP
_PLAIN_DIGITS = min(MAX_DIGITS, MAX_MAGNITUDE_EXP)
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def number_shown(x) -> str:
    """A number for a message: as written, cut short when long (a 5,000-digit integer)."""
    if isinstance(x, int) and not isinstance(x, bool):
        from decimal import Decimal

        t = str(Decimal(x)) if abs(x) < 10**_LONG_NUMBER else f"{Decimal(x):.3e}"
    else:
        t = x if isinstance(x, str) else repr(x)
    return t if len(t) <= _LONG_NUMBER else f"{t[:_LONG_NUMBER // 2]}…({len(t)} characters)"


def text_problem(s: str) -> str | None:
    """Why a text cannot be stored, or None: TOML and UTF-8 hold only valid Unicode, and a lone
    surrogate is what an undecodable byte of a command line or file name becomes."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError as e:
        at = e.start
        return f"is not valid Unicode text (character {at + 1} is a byte that is not UTF-8, or half a character)"
    return None
