"""The store's objects: sources, regions, indicators and figures.

These are plain data holders. Checking them is `store.validate`'s job; turning them into
output is `records`' job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA_VERSION = 1

QUALIFIERS = ("exact", "more_than", "at_least", "about", "nearly", "at_most")
STATUSES = ("estimate", "preliminary", "reported")
METRICS = ("value", "growth", "rank", "task")
KINDS = ("actual", "target")
DIRECTIONS = ("higher", "lower")
# Report sections an indicator belongs to, roughly in the order a plan report takes them.
CATEGORIES = ("headline", "industry", "agriculture", "services", "consumption", "investment", "projects",
              "opening", "innovation", "reform", "finance", "urban", "environment", "livelihood")

YEAR_MIN, YEAR_MAX = 1949, 2100


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
