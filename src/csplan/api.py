"""csplan from Python: the library behind the command line, with neither Typer nor Rich.

    >>> import csplan
    >>> store = csplan.load()                 # --store's order: path, $CSPLAN_STORE, yours, bundled
    >>> csplan.find_indicator(store, "地区生产总值").id
    'gdp'

Everything returned is a model object (`Store`, `Indicator`, `Figure`, `Check`, `GrowthRow`,
`Extraction`) or a flat record (a dict with the keys of `csplan list --format json`). Errors are
exceptions, subclasses of `CsplanError`; nothing here exits the process or prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .extract.documents import read_document
from .extract import Extraction
from .extract import extract as _extract
from .locate import Location, for_writing, locate
from .model import Figure, Store
from .query import find_indicator, select
from .records import records as _records
from .store import load as _load
from .store import update as _update
from .store import waiting
from .targets import DEFAULT_TOLERANCE, Check, GrowthRow, check_year, growth_rows

T = TypeVar("T")
PathLike = str | os.PathLike

__all__ = ["load", "which_store", "find_indicator", "select", "to_records", "check_targets", "growth",
           "compare_regions", "read_document", "extract_report", "update"]


def which_store(path: PathLike | None = None) -> Location:
    """Which store `load(path)` reads and why: `path`, else $CSPLAN_STORE, else the user's store
    if it exists, else the bundled store (`Location.path`, `.origin`, `.why`)."""
    return locate(path)


def load(path: PathLike | None = None, *, cache: bool = False) -> Store:
    """The store at `path`, else the one the command line would read (see `locate`).

    With `cache`, a large store is read from csplan's parse cache while its file is unchanged
    (and the cache is written under the user's cache folder); by default nothing is written.
    """
    return _load(locate(path).path, cache=cache)


def check_targets(store: Store, year: int, *, region: str | None = None, tolerance=DEFAULT_TOLERANCE,
                  as_of: str | None = None) -> list[Check]:
    """Every target of `year`, each with its baseline, implied level, actual and outcome
    (met, missed, pending, manual), as `csplan targets YEAR` judges them."""
    return check_year(store, year, region=region, tolerance=tolerance, as_of=as_of)


def growth(store: Store, indicators: list[str] | None = None, *, year: int | None = None,
           region: str | None = None, as_of: str | None = None) -> list[GrowthRow]:
    """Last year's actual growth beside the growth target of `year`, as `csplan growth` lists them."""
    return growth_rows(store, indicators, year=year, region=region, as_of=as_of)


def compare_regions(store: Store, indicator: str, year: int, *, kind: str | None = None, level: str | None = None,
                    within: str | None = None, vs_parent: bool = False, as_of: str | None = None,
                    tolerance=DEFAULT_TOLERANCE) -> list[dict]:
    """One indicator across regions in `year`, as `csplan compare` gives them: a record per region
    (and metric) with its target, actual, outcome and margin, and with `vs_parent` its target's
    excess over its parent region's (加码). `indicator` is an id, name or alias; `within` a region
    id. Sorted as the command sorts; raises NotFound when no region has one."""
    from .compare import compare

    ind = find_indicator(store, indicator)
    rows = compare(store, ind.id, year, kind=kind, level=level, inside=within, vs_parent=vs_parent, as_of=as_of,
                   tolerance=tolerance)
    return [r.record(ind.id, year) for r in rows]


def to_records(store: Store, figures: list[Figure]) -> list[dict]:
    """Figures as flat records: the keys and values of `csplan list --format json`."""
    return _records(store, figures)


def extract_report(text: str, store: Store | None = None, *, region: str | None = None, source: str | None = None,
            actual_year: int | None = None, target_year: int | None = None, every: bool = False,
            file_name: str | None = None) -> Extraction:
    """The headline figures and main targets of a report's text, as flat records
    (`Extraction.records`); `store` (if given) supplies the indicators and regions to match.
    With `every`, also every quantitative statement of the other sections (`csplan extract --all`).
    `file_name` (anxi-2021-government-work-report.txt) tells the region and years the text does not."""
    return _extract(text, store, region=region, source=source, actual_year=actual_year, target_year=target_year,
                    every=every, file_name=file_name)


def update(change: Callable[[Store], T], path: PathLike | None = None, *, dry_run: bool = False,
           cache: bool = False, wait: float | None = None) -> T:
    """Apply `change(store)` to a store, all or nothing, and return what it returns.

    Under the store's lock, the changed store is checked whole and written atomically; if `change`
    raises or leaves a store that is not valid, the file is left byte-identical. With no `path`
    the store is the one `locate` names, except that the bundled store is never written: the
    first change copies it to the user's store (`csplan.locate.user_store()`). Behind another
    writer it waits at most `wait` seconds (default `csplan.store.DEFAULT_WAIT`), then raises
    `StoreError`, the store unchanged.
    """
    with waiting(wait):
        target = locate(path).path if dry_run else for_writing(path)[0]
        return _update(Path(target), change, dry_run=dry_run, cache=cache)


_ = (find_indicator, select, read_document)  # re-exported through csplan/__init__.py
