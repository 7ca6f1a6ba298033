"""Finding indicators and figures in a store."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Figure, Indicator, NotFound, Store


class NoIndicator(NotFound):
    """No indicator matches a query (as opposed to several); `suggestions` are close ids."""

    def __init__(self, message: str, suggestions: list[str] | None = None):
        super().__init__(message)
        self.suggestions = suggestions or []


def _names(ind: Indicator) -> list[str]:
    return [ind.id, ind.name, *(a for a in ind.aliases), *([ind.name_en] if ind.name_en else [])]


def find_indicator(store: Store, query: str) -> Indicator:
    """The one indicator `query` names: an id, name or alias, else a unique part of one.

    Raises NotFound listing the candidates when several match, or suggestions when none does.
    """
    q = query.strip().casefold()
    if not q:
        raise NotFound("empty query; give an indicator id or name (see `csplan list`)")
    by_id = [i for i in store.indicators.values() if i.id == q]
    if by_id:  # an id always names its own indicator, even if another one has it as an alias
        return by_id[0]
    exact = [i for i in store.indicators.values() if any(q == n.casefold() for n in _names(i))]
    if len(exact) == 1:
        return exact[0]
    matches = exact or [i for i in store.indicators.values() if any(q in n.casefold() for n in _names(i))]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(f"{i.id} ({i.name})" for i in matches[:12])
        more = f" and {len(matches) - 12} more" if len(matches) > 12 else ""
        raise NotFound(f"{query!r} matches {len(matches)} indicators: {listed}{more}; be more specific")
    hint = suggest(store, query)
    tail = f"; did you mean {' or '.join(hint)}?" if hint else "; `csplan search TEXT` looks in names and quotes"
    raise NoIndicator(f"no indicator matches {query!r}{tail}", hint)


def suggest(store: Store, query: str, n: int = 3) -> list[str]:
    """Ids of the indicators whose names look most like `query`."""
    import difflib

    q = query.casefold()
    scored = []
    for ind in store.indicators.values():
        best = max(difflib.SequenceMatcher(None, q, name.casefold()).ratio() for name in _names(ind))
        scored.append((best, ind.id))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [f"{iid}" for score, iid in scored[:n] if score >= 0.5]


def search(store: Store, text: str) -> list[Indicator]:
    """Indicators whose id, names, aliases or quotes contain `text` (case-insensitive)."""
    q = text.strip().casefold()
    hits = {i.id for i in store.indicators.values() if any(q in n.casefold() for n in _names(i))}
    hits |= {f.indicator for f in store.figures if q in f.quote.casefold()}
    return [i for i in store.indicators.values() if i.id in hits]


def source_date(store: Store, figure: Figure) -> str:
    src = store.sources.get(figure.source)
    return (src.date or "") if src else ""


def current(store: Store, figures: list[Figure], as_of: str | None = None) -> list[Figure]:
    """The newest vintage of each figure, counting only sources dated on or before `as_of`.

    A source without a date counts as older than any dated one, and is never excluded by
    `as_of` (there is nothing to compare).
    """
    best: dict[tuple, Figure] = {}
    for f in figures:
        date = source_date(store, f)
        if as_of and date and date > as_of:
            continue
        held = best.get(f.key)
        if held is None or date >= source_date(store, held):
            best[f.key] = f
    chosen = {id(f) for f in best.values()}
    return [f for f in figures if id(f) in chosen]


def select(
    store: Store,
    *,
    indicator: str | None = None,
    year: int | None = None,
    kind: str | None = None,
    category: str | None = None,
    region: str | None = None,
    as_of: str | None = None,
    history: bool = False,
) -> list[Figure]:
    """Figures matching every given filter, current vintages only unless `history`, in store order."""
    from .store import figure_order

    figs = store.figures if indicator is None else store.figures_of(indicator)
    if category is not None:
        cats = {i.id for i in store.indicators.values() if i.category == category}
        figs = [f for f in figs if f.indicator in cats]
    if region is not None:
        figs = [f for f in figs if f.region == region]
    if year is not None:
        figs = [f for f in figs if f.year == year]
    if kind is not None:
        figs = [f for f in figs if f.kind == kind]
    if history:
        if as_of:
            figs = [f for f in figs if not source_date(store, f) or source_date(store, f) <= as_of]
    else:
        figs = current(store, figs, as_of)
    return sorted(figs, key=figure_order(store))


def find_region(store: Store, query: str) -> str:
    """A region id from its id or name (or a unique part of the name)."""
    q = query.strip()
    for r in store.regions.values():
        if q in (r.id, r.name) or (r.name_en and q.casefold() == r.name_en.casefold()):
            return r.id
    part = [r for r in store.regions.values() if q and q in r.name]
    if len(part) == 1:
        return part[0].id
    import difflib

    names = {n.casefold(): r.id for r in store.regions.values() for n in (r.id, r.name, r.name_en) if n}
    close = sorted({names[n] for n in difflib.get_close_matches(q.casefold(), names, n=3, cutoff=0.5)})
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    known = ", ".join(f"{r.id} ({r.name})" for r in store.regions.values()) or "none"
    raise NotFound(f"no region {query!r}; {hint}known regions: {known}")


@dataclass
class Headline:
    region: str | None = None
    source: str | None = None
    actual_year: int | None = None
    target_year: int | None = None
    actuals: list[Figure] = field(default_factory=list)
    targets: list[Figure] = field(default_factory=list)
    target_count: int = 0


def headline(store: Store) -> Headline:
    """What `csplan` with no command shows: for the newest report's region, the headline
    figures of the latest year with actuals, and the headline targets of the latest target year."""
    view = Headline()
    if not store.figures:
        return view
    dated = sorted(store.sources.values(), key=lambda s: s.date or "")
    newest = dated[-1] if dated else None
    view.source = newest.id if newest else None
    view.region = (newest.region if newest and newest.region else None) or store.figures[0].region
    figs = select(store, region=view.region)
    heads = {i.id for i in store.indicators.values() if i.category == "headline"}
    actual_years = [f.year for f in figs if f.kind == "actual"]
    target_years = [f.year for f in figs if f.kind == "target"]
    if actual_years:
        view.actual_year = max(actual_years)
        view.actuals = [f for f in figs if f.kind == "actual" and f.year == view.actual_year and f.indicator in heads]
    if target_years:
        view.target_year = max(target_years)
        year_targets = [f for f in figs if f.kind == "target" and f.year == view.target_year]
        view.target_count = len(year_targets)
        view.targets = [f for f in year_targets if f.indicator in heads]
    return view
