"""One indicator across regions, side by side: each region's target and actual for a year, the
target's outcome and margin (judged by `targets.check`, as `csplan targets` judges it), and its
excess over its parent region's target (加码).

This module never imports Typer or Rich.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .model import LEVELS, Figure, NotFound, Region, Store
from .targets import DEFAULT_TOLERANCE, Check, Figures, as_number, check, dec, trim

# The keys of a compare record. Each number is followed by its unit; `vs_parent` is the target's
# excess over its parent region's target for the same year and metric: percentage points (`pp`)
# for growth and rates, else in the target's unit.
KEYS = (
    "indicator", "year", "region", "region_name", "level", "parent", "metric",
    "target_value", "target_unit", "target_growth", "target_qualifier",
    "actual_value", "actual_unit", "actual_growth", "actual_status",
    "outcome", "margin", "margin_unit", "vs_parent", "vs_parent_unit",
)


@dataclass
class Row:
    region: Region
    metric: str
    target: Figure | None = None
    actual: Figure | None = None
    check: Check | None = None
    vs_parent: Decimal | None = None
    vs_parent_unit: str | None = None

    @property
    def number(self) -> Decimal | None:
        """What the rows are sorted by: the target's number (a growth, else a level), else the actual's."""
        f = self.target or self.actual
        if f is None:
            return None
        return dec(f.growth if self.metric == "growth" else f.value)

    def record(self, indicator: str, year: int) -> dict:
        t, a, c = self.target, self.actual, self.check
        return {
            "indicator": indicator, "year": year, "region": self.region.id, "region_name": self.region.name,
            "level": self.region.level, "parent": self.region.parent, "metric": self.metric,
            "target_value": t.value if t else None, "target_unit": t.unit if t else None,
            "target_growth": t.growth if t else None, "target_qualifier": t.qualifier if t else None,
            "actual_value": a.value if a else None, "actual_unit": a.unit if a and a.value is not None else None,
            "actual_growth": a.growth if a else None, "actual_status": a.status if a else None,
            "outcome": c.outcome if c else None, "margin": as_number(c.margin) if c else None,
            "margin_unit": c.margin_unit if c and c.margin is not None else None,
            "vs_parent": as_number(self.vs_parent), "vs_parent_unit": self.vs_parent_unit,
        }


def within(store: Store, region: str) -> set[str]:
    """`region` and every region below it."""
    below = {region}
    grew = True
    while grew:
        more = {r.id for r in store.regions.values() if r.parent in below} - below
        below |= more
        grew = bool(more)
    return below


def compare(store: Store, indicator: str, year: int, *, kind: str | None = None, level: str | None = None,
            inside: str | None = None, vs_parent: bool = False, as_of: str | None = None,
            tolerance=DEFAULT_TOLERANCE) -> list[Row]:
    """Every region's `year` target and actual of `indicator`, one row per region and metric: those
    with a target (kind "target"), with an actual (kind "actual"), or either (None); only regions of
    `level`, or `inside` a region. Sorted by metric, then the largest target (or actual) first.

    Raises NotFound when no region has one, naming the years that have some."""
    if level is not None and level not in LEVELS:
        raise NotFound(f"unknown level {level!r}; use one of: {', '.join(LEVELS)}")
    regions = within(store, inside) if inside is not None else set(store.regions)
    if level is not None:
        regions = {r for r in regions if store.regions[r].level == level}
    targets = Figures(store, "target", as_of=as_of, indicator=indicator)  # its own only: a cached store reads one group
    actuals = Figures(store, "actual", as_of=as_of, indicator=indicator)
    found: dict[tuple[str, str], Row] = {}
    if kind in (None, "target"):
        for f in store.figures_of(indicator):
            if f.kind == "target" and f.year == year and f.region in regions and f.metric in ("value", "growth"):
                t = targets.get(f.indicator, f.region, year, f.metric)
                if t is not None:
                    c = check(store, t, actuals, tolerance)
                    found[(f.region, f.metric)] = Row(store.regions[f.region], f.metric, t, c.actual, c)
    if kind in (None, "actual"):
        for f in store.figures_of(indicator):
            if f.kind == "actual" and f.year == year and f.region in regions and f.metric in ("value", "growth") \
                    and (f.region, f.metric) not in found:
                a = actuals.get(f.indicator, f.region, year, f.metric)
                if not any(row.actual is a for row in found.values()):  # a target's row shows it already
                    found[(f.region, f.metric)] = Row(store.regions[f.region], f.metric, actual=a)
    if not found:
        years = sorted({f.year for f in store.figures_of(indicator) if f.kind == (kind or f.kind)})
        have = f"; it has {'figures' if kind is None else kind + 's'} for {', '.join(map(str, years))}" if years else ""
        which = " ".join(x for x in (level, f"in {inside} (or below it)" if inside else "") if x)
        which = (f"{level} " if level else "") + "region" + (f" in {inside} (or below it)" if inside else "")
        raise NotFound(f"no {which} has a {year} {kind or 'figure'} of {indicator}{have}")
    rows = list(found.values())
    if vs_parent:
        for row in rows:
            _excess(row, targets)
    rows.sort(key=lambda r: (r.metric != "growth", r.number is None, -(r.number or 0), r.region.id))
    return rows


def _excess(row: Row, targets: Figures) -> None:
    """The row's target over its parent's for the same year and metric (加码), in pp for growth and
    rates, else in the row's unit (the parent's converted: 1.2 万亿元 is 12000 亿元)."""
    from .units import convert

    t, parent = row.target, row.region.parent
    if t is None or parent is None:
        return
    p = targets.get(t.indicator, parent, t.year, t.metric)
    if p is None:
        return
    if t.metric == "growth":
        if t.growth is not None and p.growth is not None:
            row.vs_parent, row.vs_parent_unit = trim(dec(t.growth) - dec(p.growth)), "pp"
        return
    if t.value is None or p.value is None or not t.unit or not p.unit:
        return
    theirs = dec(p.value) if p.unit == t.unit else convert(p.value, p.unit, t.unit)
    if theirs is not None:
        row.vs_parent = trim(dec(t.value) - theirs)
        row.vs_parent_unit = "pp" if t.unit == "%" else t.unit


# The keys of a `targets --all-regions` record: a region and how its targets of the year turned out.
REGION_KEYS = ("region", "region_name", "level", "parent", "targets", "met", "missed", "pending", "manual")


def by_region(store: Store, checks: list[Check]) -> list[dict]:
    """One record per region of `checks` (REGION_KEYS), in the order of the store's regions."""
    from .targets import summary

    out = []
    for rid, r in store.regions.items():
        mine = [c for c in checks if c.target.region == rid]
        if mine:
            out.append({"region": rid, "region_name": r.name, "level": r.level, "parent": r.parent,
                        "targets": len(mine), **summary(mine)})
    return out
