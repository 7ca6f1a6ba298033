"""Target checks and growth comparisons: the one place that decides whether a target was met.

Every rule of the README's "Checking targets" section lives here, and all arithmetic is done
in `decimal` on the numbers as printed (5.4 is exactly 5.4), so no output carries float noise.

Rounding: differences (margins) and unit conversions are exact. Derived levels (the level a
growth target implies, the prior-year level an actual growth implies) are rounded half-up to the
decimals of the level they start from plus two: 1110 亿元 × 1.055 = 1171.05 亿元,
1110 / 1.058 = 1049.15 亿元, 334.8 × 1.05 = 351.540.

This module never imports Typer or Rich.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import overload

from .model import Figure, Indicator, NotFound, Store

OUTCOMES = ("met", "missed", "pending", "manual")
DEFAULT_TOLERANCE = Decimal("0.5")
# Digits of the arithmetic: every product and quotient of two stored numbers is exact to the place
# it is rounded to. A store's numbers are within model.number_problem's range, which needs far
# fewer; a store built in memory may hold any finite float, whose products need up to ~1,300.
PRECISION = 2000
# The keys `targets` adds to a target's record, and the keys of a `growth` record. Each level
# (`*_value`) is followed by its unit (`*_unit`), null when the level is: the record of a growth
# target has `unit` "%" (the target's), while its baseline and implied levels are in 亿元.
EXTRA_KEYS = (
    "baseline_year",
    "baseline_value",
    "baseline_unit",
    "baseline_growth",
    "implied_value",
    "implied_unit",
    "actual_value",
    "actual_unit",
    "actual_growth",
    "outcome",
    "margin",
    "margin_unit",
)
GROWTH_KEYS = (
    "indicator",
    "name",
    "name_en",
    "region",
    "actual_year",
    "actual_value",
    "actual_unit",
    "actual_growth",
    "actual_status",
    "target_year",
    "target_growth",
    "target_qualifier",
    "change_pp",
    "implied_value",
    "implied_unit",
    "implied_prior_value",
    "implied_prior_unit",
    "result_growth",
    "outcome",
)
_HUNDRED = Decimal(100)


# --- arithmetic ------------------------------------------------------------------------------


@overload
def dec(x: None) -> None: ...
@overload
def dec(x: int | float | Decimal) -> Decimal: ...
def dec(x: int | float | Decimal | None) -> Decimal | None:
    """A stored number as the Decimal it was printed as (5.4 → Decimal("5.4"), never 5.4000000001)."""
    if x is None or isinstance(x, Decimal):
        return x
    return Decimal(str(x))


def places(x: int | float | Decimal) -> int:
    """Decimals as printed: 1110 → 0, 1.88 → 2, 334.8 → 1."""
    exponent = dec(x).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def round_half_up(d: Decimal, decimals: int) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def growth_factor(growth: int | float | Decimal) -> Decimal:
    """1 + growth / 100: 5.5 → 1.055, -3 → 0.97."""
    return 1 + dec(growth) / _HUNDRED


def implied_level(value: int | float | Decimal, growth: int | float | Decimal) -> Decimal:
    """The level after growing `value` by `growth` %: 1110 at 5.5 → 1171.05 (see rounding above)."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return trim(round_half_up(dec(value) * growth_factor(growth), places(value) + 2))


def implied_prior_level(value: int | float | Decimal, growth: int | float | Decimal) -> Decimal | None:
    """The level a year earlier, given `value` grew by `growth` %: 1110 at 5.8 → 1049.15.

    None for a fall of 100 % or more, which no earlier level explains."""
    factor = growth_factor(growth)
    if factor <= 0:
        return None
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return trim(round_half_up(dec(value) / factor, places(value) + 2))


@overload
def trim(d: None) -> None: ...
@overload
def trim(d: Decimal) -> Decimal: ...
def trim(d: Decimal | None) -> Decimal | None:
    """A computed number without trailing zeros (1050.00 → 1050, 18800.00 → 18800)."""
    if d is None:
        return None
    with localcontext() as ctx:
        ctx.prec = PRECISION
        d = d.normalize()
        exponent = d.as_tuple().exponent  # an int: the numbers are finite
        return d.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else d


def as_number(d: Decimal | None):
    """A Decimal for JSON/CSV: an int when whole, else the float that prints as the Decimal does."""
    if d is None:
        return None
    if d == d.to_integral_value():
        return int(d)
    return float(d)


# --- the rule --------------------------------------------------------------------------------


def judge(actual, target, qualifier: str, better: str, tolerance) -> tuple[str, Decimal]:
    """Outcome ("met" or "missed") and signed margin (positive = better than the target).

    - exact, at_least: at least as good as the number: ≥ when higher is better, ≤ when lower is.
    - more_than: strictly better than the number (equality is a miss).
    - at_most: the number is a ceiling (≤). A negative number is a fall (下降 3% 以内), whose
      size is capped, so the growth must be ≥ it.
    - about (左右), nearly (近): met within `tolerance` on the worse side; doing better than
      the number is met too (a 3% 左右 CPI target is a ceiling, a 5% 左右 GDP target a floor).

    `tolerance` is in the target's own units (percentage points for growth and rates).
    """
    actual, target, tolerance = dec(actual), dec(target), dec(tolerance)
    upward = better != "lower"
    if qualifier == "at_most":
        upward = target < 0
    margin = actual - target if upward else target - actual
    if qualifier == "more_than":
        ok = margin > 0
    elif qualifier in ("about", "nearly"):
        ok = margin >= -tolerance
    else:
        ok = margin >= 0
    return ("met" if ok else "missed"), margin


def target_kind(target: Figure) -> str:
    """growth, rate (a level in % or percentage points), level, rank or task."""
    if target.metric in ("growth", "rank", "task"):
        return target.metric
    from .units import dimension, split_unit

    if target.unit and dimension(split_unit(target.unit)[1]) in ("percent", "points"):
        return "rate"
    return "level"


def tolerance_for(kind: str, target_number, tolerance) -> Decimal:
    """The allowance of 左右 / 近: `tolerance` percentage points for growth and rates, `tolerance`
    percent of the target for levels, none for ranks (a place is a whole number)."""
    tolerance = dec(tolerance)
    if kind == "rank":
        return Decimal(0)
    if kind == "level":
        return abs(dec(target_number)) * tolerance / _HUNDRED
    return tolerance


MARGIN_UNITS = {"growth": "pp", "rate": "pp", "rank": "places"}


# --- checking the targets of a year ----------------------------------------------------------


@dataclass
class Check:
    """One target, its baseline (the previous year's actual), what it implies, and its outcome."""

    target: Figure
    indicator: Indicator
    kind: str
    tolerance: Decimal
    baseline: Figure | None = None
    baseline_value: Decimal | None = None
    baseline_unit: str | None = None
    baseline_growth: Decimal | None = None
    implied_value: Decimal | None = None
    level_unit: str | None = None
    actual: Figure | None = None
    actual_value: Decimal | None = None
    actual_unit: str | None = None
    actual_growth: Decimal | None = None
    outcome: str = "pending"
    margin: Decimal | None = None
    reason: str = ""

    def __str__(self) -> str:
        """"gdp 2025 cangshan 增长 5.5%: pending: no 2025 actual yet"."""
        from .vocab import target_text

        t = self.target
        said = target_text(t.metric, t.value, t.unit, t.growth, t.qualifier)
        return f"{t.indicator} {t.year} {t.region} {said}: {outcome_text(self)}"

    @property
    def baseline_year(self) -> int | None:
        return self.baseline.year if self.baseline else None

    @property
    def margin_unit(self) -> str | None:
        return MARGIN_UNITS.get(self.kind, self.target.unit)

    @property
    def implied_unit(self) -> str | None:
        return self.level_unit if self.implied_value is not None else None

    def record(self, store: Store) -> dict:
        from .records import record

        r = record(store, self.target)
        r.update(
            baseline_year=self.baseline_year,
            baseline_value=as_number(self.baseline_value),
            baseline_unit=_unit_of(self.baseline_value, self.baseline_unit),
            baseline_growth=as_number(self.baseline_growth),
            implied_value=as_number(self.implied_value),
            implied_unit=self.implied_unit,
            actual_value=as_number(self.actual_value),
            actual_unit=_unit_of(self.actual_value, self.actual_unit),
            actual_growth=as_number(self.actual_growth),
            outcome=self.outcome,
            margin=as_number(self.margin),
            margin_unit=_unit_of(self.margin, self.margin_unit),
        )
        return r


class Figures:
    """The current figures of one kind (actuals or targets), looked up by indicator, region, year
    and metric."""

    def __init__(self, store: Store, kind: str = "actual", as_of: str | None = None, **filters):
        from .query import select

        self.store, self.kind = store, kind
        self.by_key = {f.key: f for f in select(store, kind=kind, as_of=as_of, **filters)}

    def get(self, indicator: str, region: str, year: int, metric: str) -> Figure | None:
        return self.by_key.get((indicator, region, year, self.kind, metric))

    def growth(self, indicator: str, region: str, year: int) -> Figure | None:
        """The figure holding that year's growth: a growth-only figure or a level printed with its
        growth; when both exist, the one from the newer source, and on a tie the level's."""
        from .query import source_date

        held = [f for f in (self.get(indicator, region, year, m) for m in ("growth", "value"))
                if f is not None and f.growth is not None]
        if not held:
            return None
        return max(held, key=lambda f: (source_date(self.store, f), f.metric == "value"))


def _unit_of(number: Decimal | None, unit: str | None) -> str | None:
    """A record's unit of a number: none when there is no number."""
    return unit if number is not None else None


def _in_unit(value, unit: str | None, to_unit: str | None) -> Decimal | None:
    from .units import convert

    if not unit or not to_unit or unit == to_unit:
        return dec(value)
    return trim(convert(value, unit, to_unit))


def _level_in(value, unit: str | None, to_unit: str | None) -> tuple[Decimal, str | None]:
    """A level and its unit: in `to_unit` when it converts (1.85 万人 for 18500 人), else as printed."""
    converted = _in_unit(value, unit, to_unit)
    if converted is None:
        return dec(value), unit
    return converted, to_unit or unit


def check(store: Store, target: Figure, actuals: Figures, tolerance=DEFAULT_TOLERANCE) -> Check:
    """How `target` turned out, judged by the rules of `judge`."""
    ind = store.indicators[target.indicator]
    kind = target_kind(target)
    c = Check(target, ind, kind, dec(tolerance))
    key = (target.indicator, target.region)
    prior, year = target.year - 1, target.year
    if kind == "task":
        c.baseline = actuals.get(*key, prior, "task")
        c.baseline_value = dec(c.baseline.value) if c.baseline else None
        c.actual = actuals.get(*key, year, "task")
        if c.actual is None:
            c.outcome = "manual"
            c.reason = (f"a task: judged by hand; `csplan record {target.indicator} {year} --done` (or --not-done) "
                        "settles it")
        else:
            c.actual_value = dec(c.actual.value)
            c.outcome = "met" if c.actual.value == 1 else "missed"
        return c
    if kind == "rank":
        c.baseline = actuals.get(*key, prior, "rank")
        c.baseline_value = dec(c.baseline.value) if c.baseline else None
        c.actual = actuals.get(*key, year, "rank")
        if c.actual is not None:
            c.actual_value = dec(c.actual.value)
            c.outcome, c.margin = judge(c.actual_value, target.value, target.qualifier, "lower",
                                        tolerance_for(kind, target.value, tolerance))
        return c
    if kind == "growth":
        return _check_growth(c, actuals, key, prior, year, tolerance)
    return _check_level(c, actuals, key, prior, year, tolerance)


def growth_baseline(actuals: Figures, key: tuple[str, str], year: int) -> tuple[Figure | None, Figure | None]:
    """The figures a growth comparison starts from: `year`'s level (value) and its growth."""
    return actuals.get(*key, year, "value"), actuals.growth(*key, year)


def _check_growth(c: Check, actuals: Figures, key: tuple[str, str], prior: int, year: int, tolerance) -> Check:
    t = c.target
    level, grown = growth_baseline(actuals, key, prior)
    c.baseline = level or grown
    c.level_unit = level.unit if level else c.indicator.unit
    if level is not None:
        assert level.value is not None and t.growth is not None  # required by their metrics
        c.baseline_value, c.baseline_unit = dec(level.value), level.unit
        c.implied_value = implied_level(level.value, t.growth)
    if grown is not None:
        c.baseline_growth = dec(grown.growth)
    now_level, now_grown = growth_baseline(actuals, key, year)
    c.actual = now_grown or now_level
    if now_level is not None:
        c.actual_value, c.actual_unit = _level_in(now_level.value, now_level.unit, c.level_unit)
    if now_grown is not None:
        c.actual_growth = dec(now_grown.growth)
        c.outcome, c.margin = judge(c.actual_growth, t.growth, t.qualifier, c.indicator.better,
                                    tolerance_for("growth", t.growth, tolerance))
    elif now_level is not None:
        c.outcome = "manual"
        c.reason = f"the {year} actual has a level but no growth"
        if level is not None and c.baseline_value and c.actual_value is not None and level.unit == now_level.unit:
            with localcontext() as ctx:
                ctx.prec = PRECISION
                derived = trim(round_half_up((c.actual_value / c.baseline_value - 1) * _HUNDRED, 2))
            from .vocab import signed_text

            c.reason += (f"; from the levels it would be {signed_text(derived)}%, which mixes in price "
                         "and coverage changes, so judge it by hand")
        else:
            c.reason += "; judge it by hand"
    return c


def _check_level(c: Check, actuals: Figures, key: tuple[str, str], prior: int, year: int, tolerance) -> Check:
    t = c.target
    c.level_unit = t.unit
    c.baseline = actuals.get(*key, prior, "value")
    if c.baseline is not None:
        c.baseline_value, c.baseline_unit = _level_in(c.baseline.value, c.baseline.unit, t.unit)
        c.baseline_growth = dec(c.baseline.growth)
    c.actual = actuals.get(*key, year, "value")
    if c.actual is None:
        return c
    c.actual_growth = dec(c.actual.growth)
    converted = _in_unit(c.actual.value, c.actual.unit, t.unit)
    if converted is None:
        c.actual_value, c.actual_unit = dec(c.actual.value), c.actual.unit
        c.outcome = "manual"
        c.reason = (f"the actual is in {c.actual.unit} and the target in {t.unit}, which do not convert; "
                    "judge it by hand")
        return c
    c.actual_value, c.actual_unit = converted, t.unit or c.actual.unit
    c.outcome, c.margin = judge(converted, t.value, t.qualifier, c.indicator.better,
                                tolerance_for(c.kind, t.value, tolerance))
    return c


def check_year(store: Store, year: int, *, region: str | None = None, tolerance=DEFAULT_TOLERANCE,
               as_of: str | None = None) -> list[Check]:
    """Every target of `year` (of one region, or all), in store order, each with its outcome.

    Raises NotFound when the year has no targets, naming the years that have some.
    """
    from .query import select

    targets = select(store, year=year, kind="target", region=region, as_of=as_of)
    if not targets:
        years = sorted({f.year for f in select(store, kind="target", region=region, as_of=as_of)})
        where = f" for {region}" if region else ""
        have = f"; the store has targets{where} for {', '.join(map(str, years))}" if years else ""
        raise NotFound(f"no targets{where} for {year}{have}")
    actuals = Figures(store, "actual", as_of=as_of, region=region)
    return [check(store, t, actuals, tolerance) for t in targets]


def summary(checks: list[Check]) -> dict[str, int]:
    counts = dict.fromkeys(OUTCOMES, 0)
    for c in checks:
        counts[c.outcome] += 1
    return counts


def summary_text(checks: list[Check], tolerance=DEFAULT_TOLERANCE) -> str:
    """"26 targets: 0 met · 0 missed · 23 pending · 3 manual (左右/近 tolerance 0.5 pp, 0.5 % of levels)"."""
    from .vocab import amount_text

    counts = summary(checks)
    tol = amount_text(dec(tolerance))
    return (f"{len(checks)} targets: " + " · ".join(f"{n} {o}" for o, n in counts.items())
            + f" (左右/近 tolerance {tol} pp for growth and rates, {tol} % of the target for levels)")


# --- `show` ----------------------------------------------------------------------------------

def implied_text(c: Check) -> str:
    """"1110 亿元 (2024) × 1.055 = 1171.05 亿元"."""
    from .vocab import amount_text

    if c.implied_value is None:
        return ""
    assert c.target.growth is not None  # only a growth target implies a level
    factor = amount_text(growth_factor(c.target.growth))
    return (f"{amount_text(c.baseline_value, c.baseline_unit)} ({c.baseline_year}) × {factor} = "
            f"{amount_text(c.implied_value, c.level_unit)}")


def outcome_text(c: Check) -> str:
    """"missed by -0.1 pp", "met, +5 家", "pending: no 2025 actual yet", "manual: …"."""
    from .vocab import signed_text

    if c.outcome == "pending":
        return f"pending: no {c.target.year} actual yet"
    if c.outcome == "manual":
        return f"manual: {c.reason}"
    if c.margin is None:
        return c.outcome
    return f"{c.outcome}, margin {signed_text(c.margin, c.margin_unit)}"


def show_lines(store: Store, indicator: Indicator, figures: list[Figure], as_of: str | None = None) -> list:
    """Lines for `csplan show`: each shown target's outcome, as (text, outcome), and the level it
    implies, judged with what was known on `as_of` (when given), as `csplan targets --as-of` does."""
    from .query import current
    from .vocab import target_text

    shown = current(store, [f for f in figures if f.kind == "target"], as_of)
    if not shown:
        return []
    actuals = Figures(store, "actual", as_of=as_of, indicator=indicator.id)
    lines: list = []
    for t in shown:
        c = check(store, t, actuals)
        said = target_text(t.metric, t.value, t.unit, t.growth, t.qualifier)
        where = f" {t.region}" if len({f.region for f in shown}) > 1 else ""
        lines.append((f"target {t.year}{where} {said}: {outcome_text(c)}", c.outcome))
        if c.implied_value is not None:
            lines.append(f"  implied {t.year} level: {implied_text(c)}")
    return lines


# --- growth comparisons ----------------------------------------------------------------------


@dataclass
class GrowthRow:
    """The actual growth of one year beside the growth target of the next, and the levels they imply.

    With a growth target, every number comes from that target's `Check` (`check`), as `csplan
    targets` has it: the baseline is the actual, its level grown by the target the implied level,
    and the target year's own actual growth (`result_growth`) decides the `outcome`.
    """

    indicator: Indicator
    region: str
    actual_year: int
    target_year: int
    actual: Figure | None
    target: Figure | None
    check: Check | None = None
    unit: str | None = None
    actual_value: Decimal | None = None
    actual_growth: Decimal | None = None
    target_growth: Decimal | None = None
    change: Decimal | None = None
    implied_value: Decimal | None = None
    implied_prior_value: Decimal | None = None
    result_growth: Decimal | None = None
    outcome: str | None = None

    def record(self) -> dict:
        ind = self.indicator
        return {
            "indicator": ind.id,
            "name": ind.name,
            "name_en": ind.name_en,
            "region": self.region,
            "actual_year": self.actual_year,
            "actual_value": as_number(self.actual_value),
            "actual_unit": _unit_of(self.actual_value, self.unit),
            "actual_growth": as_number(self.actual_growth),
            "actual_status": self.actual.status if self.actual else None,
            "target_year": self.target_year,
            "target_growth": as_number(self.target_growth),
            "target_qualifier": self.target.qualifier if self.target else None,
            "change_pp": as_number(self.change),
            "implied_value": as_number(self.implied_value),
            "implied_unit": _unit_of(self.implied_value, self.unit),
            "implied_prior_value": as_number(self.implied_prior_value),
            "implied_prior_unit": _unit_of(self.implied_prior_value, self.unit),
            "result_growth": as_number(self.result_growth),
            "outcome": self.outcome,
        }


def growth_rows(store: Store, indicators: list[str] | None = None, *, year: int | None = None,
                region: str | None = None, as_of: str | None = None) -> list[GrowthRow]:
    """For each indicator and region: the actual growth of year Y−1 and the growth target of Y.

    `year` is the target year Y; by default the latest Y that has both. Without `indicators`,
    only indicators with both an actual growth and a growth target are listed, in store order; the
    named `indicators` are listed in the order given, each with whatever it has of the two (its
    level alone, when the report printed no growth).
    """
    wanted = list(dict.fromkeys(indicators)) if indicators is not None else None
    actuals = Figures(store, "actual", as_of=as_of, region=region)
    targets = Figures(store, "target", as_of=as_of, region=region)
    grown: dict[tuple[str, str], set[int]] = {}
    aimed: dict[tuple[str, str], set[int]] = {}
    for index, years in ((actuals, grown), (targets, aimed)):
        for f in index.by_key.values():
            if f.growth is not None and (index is actuals or f.metric == "growth"):
                if wanted is None or f.indicator in wanted:
                    years.setdefault((f.indicator, f.region), set()).add(f.year)
    order = {iid: n for n, iid in enumerate(wanted if wanted is not None else store.indicators)}
    rows = []
    for key in sorted(set(grown) | set(aimed), key=lambda k: (order[k[0]], k[1])):
        acts, tgts = grown.get(key, set()), aimed.get(key, set())
        both = {y for y in tgts if y - 1 in acts}
        if year is not None:
            chosen = year if year in both or (wanted is not None and (year in tgts or year - 1 in acts)) else None
        elif both:
            chosen = max(both)
        else:
            chosen = max(tgts | {y + 1 for y in acts}) if wanted is not None else None
        if chosen is not None:
            rows.append(_growth_row(store, key, chosen, targets.get(*key, chosen, "growth"), actuals))
    return rows


def _growth_row(store: Store, key: tuple[str, str], year: int, target: Figure | None, actuals: Figures) -> GrowthRow:
    ind = store.indicators[key[0]]
    if target is None:
        level, grown = growth_baseline(actuals, key, year - 1)
        row = GrowthRow(ind, key[1], year - 1, year, level or grown, None, unit=level.unit if level else ind.unit)
        row.actual_value = dec(level.value) if level else None
        row.actual_growth = dec(grown.growth) if grown else None
    else:
        c = check(store, target, actuals)
        row = GrowthRow(ind, key[1], year - 1, year, c.baseline, target, check=c, unit=c.level_unit,
                        actual_value=c.baseline_value, actual_growth=c.baseline_growth,
                        target_growth=dec(target.growth), implied_value=c.implied_value,
                        result_growth=c.actual_growth, outcome=c.outcome)
    if row.actual_value is not None and row.actual_growth is not None:
        row.implied_prior_value = implied_prior_level(row.actual_value, row.actual_growth)
    if row.target_growth is not None and row.actual_growth is not None:
        row.change = row.target_growth - row.actual_growth
    return row
