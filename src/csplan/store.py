"""Reading, checking and writing a store file.

A store is one TOML file (see docs/store.md). `parse` turns its text into model objects and
collects every problem it finds; `load` refuses a store with problems; `dumps` writes the one
canonical form; `update` is the only way csplan changes a file: under a lock, validated whole,
written atomically.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple
from operator import attrgetter
from pathlib import Path

from .atomic import remove_stale_temporaries, take_owner, umask, write_atomic, written
from .model import (
    CATEGORIES,
    DIRECTIONS,
    LEVELS,
    METRICS,
    QUALIFIERS,
    SCHEMA_VERSION,
    STATUSES,
    YEAR_MAX,
    YEAR_MIN,
    CsplanError,
    Figure,
    Indicator,
    Region,
    Source,
    Store,
    number_problem,
    number_shown,
    plainly_in_range,
    text_problem,
)
from .units import compatible

SECTIONS = ("sources", "regions", "indicators", "observations", "targets")
FIGURE_SECTION = {"observations": "actual", "targets": "target"}
SECTION_OF_KIND = {v: k for k, v in FIGURE_SECTION.items()}

SOURCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
INDICATOR_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")

# Key order of the canonical form; a table's keys not listed here are a problem.
SOURCE_KEYS = ("id", "title", "date", "issuer", "meeting", "region")
REGION_KEYS = ("id", "name", "name_en", "level", "parent")
INDICATOR_KEYS = ("id", "name", "name_en", "unit", "category", "better", "aliases")
#: The keys every figure table has, by kind.
REQUIRED_KEYS = {"actual": ("indicator", "region", "year", "metric", "qualifier", "source", "status"),
                 "target": ("indicator", "region", "year", "metric", "qualifier", "source")}
FIGURE_KEYS = ("indicator", "region", "year", "metric", "value", "unit", "growth", "qualifier", "status", "source",
               "quote")


class StoreError(CsplanError):
    """The store cannot be read, or is not valid."""


class Problem(NamedTuple):
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def read_text(path: Path) -> str:
    return decode(read_bytes(path), path)


def read_bytes(path: Path, missing: str | None = None, directory: str | None = None,
               regular: bool | None = None) -> bytes:
    """A file's bytes, or one-line errors naming it; the hints default to a store's.

    A file without read permission bits is refused even for root, who could read it. With
    `regular` (the default when the hints are a store's), anything but a regular file — a FIFO,
    a device, a socket — is refused at once, neither waited on nor read without end; other
    inputs may be pipes (`csplan import <(…)`).
    """
    if regular is None:
        regular = missing is None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | (os.O_NONBLOCK if regular else 0))
        with open(fd, "rb") as f:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError
            if regular and not stat.S_ISREG(st.st_mode):
                raise StoreError(f"{path}: {not_a_file(st.st_mode)}")
            if not st.st_mode & 0o444:
                raise PermissionError
            os.set_blocking(fd, True)
            return f.read()
    except FileNotFoundError:
        hint = missing if missing is not None else f"no such store; create one with `csplan --store {path} init`"
        raise StoreError(f"{path}: {hint}") from None
    except IsADirectoryError:
        hint = directory if directory is not None else "is a directory, not a store file; give the path of a .toml file"
        raise StoreError(f"{path}: {hint}") from None
    except PermissionError:
        raise StoreError(f"{path}: cannot be read (permission denied); check the file's permissions") from None
    except OSError as e:
        if regular and _special(path):  # a socket cannot even be opened
            raise StoreError(f"{path}: {not_a_file(os.stat(path).st_mode)}") from None
        raise StoreError(f"{path}: cannot be read ({e.strerror})") from None


def _special(path: Path) -> bool:
    """Whether `path` is there but is not a regular file."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def not_a_file(mode: int) -> str:
    """Why a path of this mode (not a regular file) cannot be a store."""
    what = ("a directory" if stat.S_ISDIR(mode) else "a named pipe (FIFO)" if stat.S_ISFIFO(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "something other than a file")
    return f"is {what}, not a store file; give the path of a .toml file"


def decode(data: bytes, name) -> str:
    """UTF-8 text (a byte-order mark, as some Windows editors write, is dropped), or an error
    naming the line of the first bad byte."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise StoreError(f"{name}:{line}: not UTF-8 text (byte 0x{data[e.start]:02x}); "
                         "save the file as UTF-8") from None


def parse_toml(text: str, path: Path) -> dict:
    if not text.strip():
        raise StoreError(f"{path}: the file is empty; create a store with `csplan --store FILE init`")
    from .simple_toml import loads as loads_simple

    doc = loads_simple(text)
    if doc is not None:
        return doc
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        at = re.search(r" \(at line (\d+), column \d+\)", str(e))
        line = getattr(e, "lineno", None) or (at and at.group(1))
        where = f"{path}:{line}" if line else str(path)
        msg = str(e).split(" (at ")[0]
        raise StoreError(f"{where}: not valid TOML: {msg}") from None
    except RecursionError:
        raise StoreError(f"{path}: not valid TOML: arrays or tables nested too deeply") from None
    except ValueError:  # an integer of thousands of digits, more than Python converts
        from .model import MAX_DIGITS

        raise StoreError(f"{path}: a number has far too many digits (a value or growth has at most "
                         f"{MAX_DIGITS} significant digits)") from None


def load(path: Path, cache: bool = True) -> Store:
    """The store at `path` (a file or a store folder), or StoreError naming its first problem.

    With `cache`, a large store comes from the cache while its files are unchanged (see cache.py).
    """
    if not cache:
        return checked_store(path)
    from .cache import Entry

    store = Entry.for_file(path).load(rebuild=lambda: checked_store(path))
    if store is None:
        if path.is_dir():
            store, state = _read_settled(path)
            Entry(path, state).save(store)
        else:
            data = read_bytes(path)
            store = checked(decode(data, path), path)
            Entry(path, data).save(store)  # keyed by the very bytes just checked
    return store


def checked_store(path: Path) -> Store:
    """The store at `path`, a file or a folder, read from its text; StoreError names its first problem."""
    store, problems = check_store(path)
    if problems:
        more = f" (and {len(problems) - 1} more; run `csplan validate`)" if len(problems) > 1 else ""
        raise StoreError(f"{problems[0]}{more}")
    return store


def readable(path: Path) -> None:
    """StoreError unless `path` is a store that can be read at all: a file of UTF-8 text, or a
    folder with its store.toml (what they hold is `check_store`'s business)."""
    if path.is_dir():
        from .folder import MAIN

        if not os.path.lexists(path / MAIN):
            raise StoreError(f"{path}: is a directory without {MAIN}, not a store file or a store folder; give the "
                             "path of a .toml file or of a store folder")
        read_text(path / MAIN)
    else:
        read_text(path)


def check_store(path: Path) -> tuple[Store, list[Problem]]:
    """Parse and validate the store at `path`, a file or a folder; locations name file and line."""
    if path.is_dir():
        return _check_folder(path)
    return check_text(read_text(path), path)


def checked(text: str, path: Path) -> Store:
    """The store `text` holds, or StoreError naming its first problem."""
    store, problems = check_text(text, path)
    if problems:
        more = f" (and {len(problems) - 1} more; run `csplan validate`)" if len(problems) > 1 else ""
        raise StoreError(f"{problems[0]}{more}")
    return store


def check_text(text: str, path: Path) -> tuple[Store, list[Problem]]:
    """Parse and validate a store's text; locations name the file and line."""
    store, problems = parse(parse_toml(text, path))
    if problems:
        problems = [_locate(p, text, path) for p in problems]
    return store, problems


def _locate(problem: Problem, text: str, path: Path) -> Problem:
    """Turn "observations[3]" into "FILE:LINE: observations[3]" by finding the table header."""
    m = re.match(r"(\w+)\[(\d+)\]", problem.where)
    line = None
    if m:
        header = re.compile(rf"^[ \t]*\[\[[ \t]*{m.group(1)}[ \t]*\]\]", re.M)
        for n, hit in enumerate(header.finditer(text)):
            if n == int(m.group(2)):
                line = text.count("\n", 0, hit.start()) + 1
                break
    prefix = f"{path}:{line}" if line else str(path)
    return Problem(f"{prefix}: {problem.where}", problem.message)


# --- building and checking ---------------------------------------------------------------


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


class _Checker:
    """Collects problems while it builds model objects from plain TOML data."""

    def __init__(self):
        self.problems: list[Problem] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))

    def table(self, where: str, raw, keys: tuple[str, ...], required: tuple[str, ...]) -> dict | None:
        if not isinstance(raw, dict):
            self.add(where, f"must be a table, not {type(raw).__name__}")
            return None
        for k in raw:
            if k not in keys:
                self.add(where, f"unknown key '{k}' (known: {', '.join(keys)})")
        for k in required:
            if k not in raw:
                self.add(where, f"missing '{k}'")
        return raw

    def text(self, where: str, raw: dict, key: str, pattern: re.Pattern | None = None, hint: str = "") -> str | None:
        v = raw.get(key)
        if v is None:
            return None
        if not isinstance(v, str):
            self.add(where, f"'{key}' must be a string, not {type(v).__name__}")
            return None
        if not v.strip():
            self.add(where, f"'{key}' is empty")
            return None
        bad = text_problem(v)
        if bad:
            self.add(where, f"'{key}' {bad}")
            return None
        if pattern and not pattern.match(v):
            self.add(where, f"'{key}' = {v!r} is not a valid id{hint}")
        return v

    def choice(self, where: str, raw: dict, key: str, allowed: tuple[str, ...]) -> str | None:
        v = self.text(where, raw, key)
        if v is not None and v not in allowed:
            self.add(where, f"unknown {key} {v!r}; use one of: {', '.join(allowed)}")
            return None
        return v

    def number(self, where: str, raw: dict, key: str):
        v = raw.get(key)
        if v is None:
            return None
        if not _is_number(v):
            self.add(where, f"'{key}' must be a number, not {type(v).__name__}")
            return None
        bad = number_problem(v)
        if bad:
            self.add(where, f"'{key}' = {number_shown(v)} {bad}")
            return None
        return v


def parse(doc: dict) -> tuple[Store, list[Problem]]:
    """Build a Store from parsed TOML, with every problem found (an empty list: valid)."""
    c = _Checker()
    store = Store()
    sections = _sections(c, doc, SECTIONS, "top level")
    _head(c, sections, store)
    _figures(c, sections, store, {})
    return store, c.problems


def _sections(c: _Checker, doc: dict, allowed: tuple[str, ...], where: str, schema: bool = True) -> dict[str, list]:
    """The arrays of tables of a parsed file, by section (each one a list, maybe empty); its
    schema line checked where it must have one, and any other key a problem."""
    known = ("schema", *allowed) if schema else allowed
    for k in doc:
        if k not in known:
            c.add(where, f"unknown key '{k}' (known: {', '.join(known)})")
    if schema:
        version = doc.get("schema")
        if version is None:
            c.add(where, f"missing 'schema'; add `schema = {SCHEMA_VERSION}` at the top")
        elif not isinstance(version, int) or isinstance(version, bool) or version != SCHEMA_VERSION:
            c.add(where, f"unknown schema version {version!r}; this csplan reads version {SCHEMA_VERSION}")
    sections = {}
    for name in SECTIONS:
        items = doc.get(name, []) if name in allowed else []
        if not isinstance(items, list):
            c.add(name, f"must be an array of tables ([[{name}]])")
            items = []
        sections[name] = items
    return sections


def _head(c: _Checker, sections: dict[str, list], store: Store) -> None:
    """Regions (with their parents), sources and indicators, added to `store`."""
    for i, raw in enumerate(sections["regions"]):
        _region(c, f"regions[{i}]", raw, store)
    _region_parents(c, store)
    for i, raw in enumerate(sections["sources"]):
        _source(c, f"sources[{i}]", raw, store)
    alias_owner: dict[str, str | None] = {a.casefold(): i.id for i in store.indicators.values() for a in i.aliases}
    for i, raw in enumerate(sections["indicators"]):
        _indicator(c, f"indicators[{i}]", raw, store, alias_owner)


def _figures(c: _Checker, sections: dict[str, list], store: Store, seen: dict[tuple, str],
             source: str | None = None) -> None:
    """Observations and targets, added to `store`; `seen` holds those of the store so far (for
    repeats). With `source`, each must be that source's (the figures of a source file)."""
    for section, kind in FIGURE_SECTION.items():
        for i, raw in enumerate(sections[section]):
            where = f"{section}[{i}]"
            fig = _figure(c, where, raw, kind, store)
            if fig is None:
                continue
            if source is not None and fig.source != source:
                c.add(where, f"a figure of source {fig.source!r} belongs in {fig.source}.toml, not in "
                             f"{source}.toml")
                continue
            key = (*fig.key, fig.source)
            if key in seen:
                c.add(where, f"same figure as {seen[key]} (same indicator, region, year, metric and source)")
                continue
            seen[key] = where
            store.figures.append(fig)


def check_entry(store: Store, section: str, raw: dict):
    """Check one new table of `section` against a valid store: (the object or None, problems).

    The same rules as `parse`, for a table that is about to be added (by `csplan record`,
    `indicator add`, `import` …). It is not added; a figure that repeats one already in the
    store is not a problem here (the caller replaces it).
    """
    c = _Checker()
    if section in ("sources", "regions", "indicators"):  # checked by adding it to a copy of its section
        copy = {section: dict(getattr(store, section))}
        store = Store(copy.get("sources", store.sources), copy.get("regions", store.regions),
                      copy.get("indicators", store.indicators), [], store.schema)  # no figure is read
    obj: Region | Source | Indicator | Figure | None
    if section == "regions":
        obj = _region(c, section, raw, store)
    elif section == "sources":
        obj = _source(c, section, raw, store)
    elif section == "indicators":
        owners: dict[str, str | None] = {a.casefold(): i.id for i in store.indicators.values() for a in i.aliases}
        obj = _indicator(c, section, raw, store, owners)
    elif section in FIGURE_SECTION:
        obj = _figure(c, section, raw, FIGURE_SECTION[section], store)
    else:
        raise ValueError(section)
    return (None if c.problems else obj), c.problems


def _region(c: _Checker, where: str, raw, store: Store) -> Region | None:
    if c.table(where, raw, REGION_KEYS, ("id", "name")) is None:
        return None
    rid = c.text(where, raw, "id", SOURCE_ID)
    name = c.text(where, raw, "name")
    level = c.choice(where, raw, "level", LEVELS)
    parent = c.text(where, raw, "parent", SOURCE_ID)
    if rid in store.regions:
        c.add(where, f"duplicate region id {rid!r}")
    elif rid and name:
        store.regions[rid] = Region(rid, name, c.text(where, raw, "name_en"), level, parent)
        if where == "regions":  # a new region, added to a valid store: its parent is there already
            _region_parents(c, store, only=rid)
        return store.regions[rid]
    return None


def _region_parents(c: _Checker, store: Store, only: str | None = None) -> None:
    """Every region's parent is a region of the store, and following parents never comes back
    to where it started; a region is no larger than its parent (a city's parent is no county)."""
    for rid, r in store.regions.items():
        if r.parent is None or (only is not None and rid != only):
            continue
        where = "regions" if only else f"regions[{list(store.regions).index(rid)}]"
        parent = store.regions.get(r.parent)
        if parent is None:
            c.add(where, f"unknown parent {r.parent!r} of region {rid!r}; add the parent region first")
            continue
        if r.level and parent.level and LEVELS.index(parent.level) >= LEVELS.index(r.level):
            c.add(where, f"region {rid!r} ({r.level}) cannot belong to {parent.id!r} ({parent.level}): "
                         f"a parent is a larger level ({', '.join(LEVELS)})")
        path, at = [rid], r
        while at.parent is not None and at.parent in store.regions:
            if at.parent in path:
                c.add(where, f"region {rid!r}: its parents go round in a circle ({' → '.join([*path, at.parent])})")
                break
            path.append(at.parent)
            at = store.regions[at.parent]


def _source(c: _Checker, where: str, raw, store: Store) -> Source | None:
    if c.table(where, raw, SOURCE_KEYS, ("id", "title")) is None:
        return None
    sid = c.text(where, raw, "id", SOURCE_ID)
    date = raw.get("date")
    if date is not None and not isinstance(date, str):
        date = date.isoformat() if hasattr(date, "isoformat") and not hasattr(date, "hour") else date
    if date is not None and not (isinstance(date, str) and DATE.match(date) and valid_date(date)):
        c.add(where, f"'date' = {date!r} is not a date; write it as \"YYYY-MM-DD\"")
        date = None
    region = c.text(where, raw, "region")
    if region is not None and region not in store.regions:
        c.add(where, f"unknown region {region!r}; add it with `csplan region add`")
    title = c.text(where, raw, "title")
    if sid in store.sources:
        c.add(where, f"duplicate source id {sid!r}")
    elif sid and title:
        store.sources[sid] = Source(sid, title, date, c.text(where, raw, "issuer"), c.text(where, raw, "meeting"),
                                    region)
        return store.sources[sid]
    return None


def _indicator(c: _Checker, where: str, raw, store: Store, alias_owner: dict[str, str | None]) -> Indicator | None:
    if c.table(where, raw, INDICATOR_KEYS, ("id", "name")) is None:
        return None
    iid = c.text(where, raw, "id", INDICATOR_ID, " (lower-case ASCII letters, digits and _)")
    name = c.text(where, raw, "name")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        c.add(where, "'aliases' must be a list of non-empty strings")
        aliases = []
    for a in aliases:
        owner = alias_owner.get(a.casefold())
        if owner and owner != iid:
            c.add(where, f"alias {a!r} is already an alias of {owner!r}")
        alias_owner[a.casefold()] = iid
    better = c.choice(where, raw, "better", DIRECTIONS) or "higher"
    if iid in store.indicators:
        c.add(where, f"duplicate indicator id {iid!r}")
    elif iid and name:
        store.indicators[iid] = Indicator(iid, name, c.text(where, raw, "name_en"), c.text(where, raw, "unit"),
                                          c.choice(where, raw, "category", CATEGORIES), better, list(aliases))
        return store.indicators[iid]
    return None


def valid_date(s: str) -> bool:
    import datetime

    try:
        datetime.date.fromisoformat(s)
    except ValueError:
        return False
    return True


def _figure(c: _Checker, where: str, raw, kind: str, store: Store) -> Figure | None:
    """The figure a table holds, or None with its problems added to `c`."""
    fig = plain_figure(raw, kind, store)
    if fig is not None:
        return fig
    return _figure_by_rules(c, where, raw, kind, store)


def _figure_by_rules(c: _Checker, where: str, raw, kind: str, store: Store) -> Figure | None:
    """`_figure`, rule by rule: every problem named."""
    if c.table(where, raw, FIGURE_KEYS, REQUIRED_KEYS[kind]) is None:
        return None
    n = len(c.problems)
    ind = c.text(where, raw, "indicator")
    if ind is not None:
        where = f"{where} ({ind} {raw.get('year', '?')})"
    region = c.text(where, raw, "region")
    source = c.text(where, raw, "source")
    year = raw.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        c.add(where, f"'year' must be a whole number, not {type(year).__name__}")
    elif year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        c.add(where, f"year {year} is outside {YEAR_MIN}–{YEAR_MAX}")
    metric = c.choice(where, raw, "metric", METRICS)
    qualifier = c.choice(where, raw, "qualifier", QUALIFIERS)
    status = c.choice(where, raw, "status", STATUSES)
    if kind == "target" and "status" in raw:
        c.add(where, "a target has no 'status'; remove it")
    value = c.number(where, raw, "value")
    growth = c.number(where, raw, "growth")
    unit = c.text(where, raw, "unit")
    quote = c.text(where, raw, "quote")

    if ind is not None and ind not in store.indicators:
        c.add(where, f"unknown indicator {ind!r}; add it with `csplan indicator add`")
    if region is not None and region not in store.regions:
        c.add(where, f"unknown region {region!r}; add it with `csplan region add`")
    if source is not None and source not in store.sources:
        c.add(where, f"unknown source {source!r}; add it with `csplan source add`")
    if metric:
        _check_metric(c, where, raw, kind, metric, value)
    indicator = store.indicators.get(ind) if ind else None
    if unit and indicator and indicator.unit and metric == "value":
        if not compatible(unit, indicator.unit):
            c.add(where, f"unit {unit!r} cannot measure {ind!r}, whose unit is {indicator.unit!r}")
    if len(c.problems) > n:
        return None
    # A field is None here only when its key is missing, which `c.table` has already reported:
    # the figure is kept so that later checks still see it, in a store that is only used for its problems.
    return Figure(kind, ind, region, year, metric, qualifier, source,  # type: ignore[arg-type]
                  quote or "", value, unit, growth, status)


# metric → (value, unit, growth): "required", "optional" or "absent"
METRIC_FIELDS = {
    "value": ("required", "required", "optional"),
    "growth": ("absent", "optional", "required"),
    "rank": ("required", "absent", "absent"),
    "task": ("absent", "absent", "absent"),
}


def _metric_keys(metric: str, kind: str) -> tuple[frozenset[str], frozenset[str]]:
    """The keys a figure of this metric and kind must have, and those it must not."""
    rules = dict(zip(("value", "unit", "growth"), METRIC_FIELDS[metric], strict=True))
    if metric == "task" and kind == "actual":
        rules["value"] = "required"
    return (frozenset(k for k, r in rules.items() if r == "required"),
            frozenset(k for k, r in rules.items() if r == "absent"))


_METRIC_KEYS = {(m, k): _metric_keys(m, k) for m in METRICS for k in FIGURE_SECTION.values()}
_KEY_SET = frozenset(FIGURE_KEYS)
_REQUIRED = {kind: frozenset(keys) for kind, keys in REQUIRED_KEYS.items()}


def plain_figure(raw, kind: str, store: Store) -> Figure | None:
    """The figure a table holds when it keeps every rule in the plainest way (as every table csplan
    writes does), else None: `_figure` then checks it rule by rule and says what is wrong. A
    quick path of the same rules, for stores of hundreds of thousands of figures; a test holds
    the two to the same verdict."""
    if type(raw) is not dict:
        return None
    keys = raw.keys()
    if not (keys <= _KEY_SET and _REQUIRED[kind] <= keys) or (kind == "target" and "status" in keys):
        return None
    ind, region, source, year = raw["indicator"], raw["region"], raw["source"], raw["year"]
    metric, qualifier, status = raw["metric"], raw["qualifier"], raw.get("status")
    if (type(ind) is not str or ind not in store.indicators or type(region) is not str or region not in store.regions
            or type(source) is not str or source not in store.sources or type(year) is not int
            or not YEAR_MIN <= year <= YEAR_MAX or type(metric) is not str or type(qualifier) is not str
            or qualifier not in QUALIFIERS or (status is not None and (type(status) is not str
                                                                        or status not in STATUSES))):
        return None
    rule = _METRIC_KEYS.get((metric, kind))
    if rule is None or not rule[0] <= keys or rule[1] & keys:
        return None
    value, growth, unit, quote = raw.get("value"), raw.get("growth"), raw.get("unit"), raw.get("quote")
    for x in (value, growth):
        if x is not None and not ((type(x) is int or type(x) is float) and plainly_in_range(x)):
            return None
    for t in (unit, quote):
        if t is not None and (type(t) is not str or not t.strip() or text_problem(t) is not None):
            return None
    if ((metric == "growth" and unit not in (None, "%")) or (metric == "rank" and (type(value) is not int or value < 1))
            or (metric == "task" and kind == "actual" and value not in (0, 1))):
        return None
    if unit and metric == "value":
        own = store.indicators[ind].unit
        if own and not compatible(unit, own):
            return None
    return Figure(kind, ind, region, year, metric, qualifier, source, quote or "", value, unit, growth, status)


def _check_metric(c: _Checker, where: str, raw: dict, kind: str, metric: str, value) -> None:
    required, absent = _METRIC_KEYS[metric, kind]
    for key in ("value", "unit", "growth"):
        if key in required and key not in raw:
            c.add(where, f"a {metric} {kind} needs '{key}'")
        elif key in absent and key in raw:
            c.add(where, f"a {metric} {kind} has no '{key}'; remove it (or change 'metric')")
    if metric == "growth" and raw.get("unit") not in (None, "%"):
        c.add(where, f"the unit of a growth figure is '%', not {raw.get('unit')!r}")
    if metric == "rank" and value is not None and (not isinstance(value, int) or value < 1):
        c.add(where, f"a rank must be a whole number from 1, not {value!r}")
    if metric == "task" and kind == "actual" and value not in (None, 0, 1):
        c.add(where, f"a task actual has value 1 (done) or 0 (not done), not {value!r}")


# --- store folders (see folder.py) -------------------------------------------------------

HEAD_SECTIONS = ("regions", "indicators")  # of a folder's store.toml
SOURCE_SECTIONS = ("sources", "observations", "targets")  # of one of its source files


def _check_folder(path: Path) -> tuple[Store, list[Problem]]:
    """Parse and validate a store folder, one file at a time (what a file held is let go before
    the next is read); locations name the file and line."""
    from .folder import MAIN, source_files

    _settle(path)
    main = path / MAIN
    if not os.path.lexists(main):
        readable(path)  # says what is wrong
    text = read_text(main)

    def files():
        for file in source_files(path):
            body = read_text(file)
            yield file, parse_toml(body, file), body

    return _check_parts((main, parse_toml(text, main), text), files())


def _check_parts(main: tuple[Path, dict, str | None], sources) -> tuple[Store, list[Problem]]:
    """Check a folder's store.toml and source files, given as (path, parsed TOML, text or None)."""
    c = _Checker()
    store = Store()
    path, doc, text = main
    _head(c, _sections(c, doc, HEAD_SECTIONS, "top level"), store)
    _located(c, 0, text, path)
    for file, doc, text in sources:
        n = len(c.problems)
        sid = file.name.removesuffix(".toml")
        sections = _sections(c, doc, SOURCE_SECTIONS, "top level", schema=False)
        tables = sections["sources"]
        if len(tables) != 1:
            c.add("top level", f"a source file holds one [[sources]] table, with id = {sid!r}, not {len(tables)}")
        for i, raw in enumerate(tables):
            if isinstance(raw, dict) and raw.get("id") != sid:
                c.add(f"sources[{i}]", f"the source of {file.name} has id = {sid!r}")
            else:
                _source(c, f"sources[{i}]", raw, store)
        _figures(c, sections, store, {}, source=sid)
        _located(c, n, text, file)
    return store, c.problems


def _located(c: _Checker, since: int, text: str | None, path: Path) -> None:
    if text is not None:
        c.problems[since:] = [_locate(p, text, path) for p in c.problems[since:]]
    else:
        c.problems[since:] = [Problem(f"{path.name}: {p.where}", p.message) for p in c.problems[since:]]


def _settle(path: Path) -> None:
    """Complete a write of the folder that was cut short, before it is read (see folder.py)."""
    from .folder import finish, pending

    if not pending(path):
        return
    try:
        with lock(path):
            finish(path)
    except OSError as e:
        raise StoreError(f"{path}: a write to the store was cut short and cannot be completed here ({e.strerror}); "
                         "run any csplan command that writes, as the store's owner") from None


def _read_settled(path: Path, tries: int = 5) -> tuple[Store, bytes]:
    """A folder's store and the state (folder.signature) it was read in: read again while a writer
    changed it meanwhile, so that no answer mixes two versions of the store."""
    from .folder import signature

    for _ in range(tries):
        state = signature(path)
        store = checked_store(path)
        if signature(path) == state:
            break
    return store, state


def _head_tables(store: Store) -> dict[tuple[str, str], dict]:
    """The tables of regions, indicators and sources, by (section, id): what a change to them is
    measured by."""
    return {(section, k): to_table(v) for section in ("regions", "indicators", "sources")
            for k, v in getattr(store, section).items()}


def _by_source(figures: list[Figure]) -> dict[str, list[Figure]]:
    groups: dict[str, list[Figure]] = {}
    for f in figures:
        groups.setdefault(f.source, []).append(f)
    return groups


def _on_disk(path: Path, sid: str) -> list[Figure]:
    """The figures of a source file of a folder that has been checked, as the file holds them."""
    from .folder import source_name

    file = path / source_name(sid)
    if not file.exists():
        return []
    doc = parse_toml(read_text(file), file)
    return [Figure(kind, t["indicator"], t["region"], t["year"], t["metric"], t["qualifier"], t["source"],
                   t.get("quote", ""), t.get("value"), t.get("unit"), t.get("growth"), t.get("status"))
            for section, kind in FIGURE_SECTION.items() for t in doc.get(section, [])]


def _replayed(figures: list[Figure], puts: list[Figure]) -> list[Figure]:
    """`figures` after `Store.put` of each of `puts`, in order."""
    figures = list(figures)
    for new in puts:
        at = next((i for i, f in enumerate(figures) if f.source == new.source and f.key == new.key), None)
        if at is None:
            figures.append(new)
        else:
            figures[at] = new
    return figures


def main_text(store: Store) -> str:
    """The canonical text of a folder's store.toml."""
    tables = [("regions", _clean(r, REGION_KEYS)) for r in store.regions.values()]
    tables += [("indicators", _clean(i, INDICATOR_KEYS)) for i in store.indicators.values()]
    return "".join(_chunks(store.schema, tables))


def file_order(store: Store, figures: list[Figure]) -> list[Figure]:
    """A source's figures in the order its file holds them: observations, then targets."""
    order = figure_order(store)
    return [f for kind in ("actual", "target") for f in sorted((f for f in figures if f.kind == kind), key=order)]


def source_tables(store: Store, sid: str, figures: list[Figure]) -> list[tuple[str, dict]]:
    """A source file's tables: the source, then `figures`, which are in `file_order`."""
    return [("sources", _clean(store.sources[sid], SOURCE_KEYS)),
            *((SECTION_OF_KIND[f.kind], figure_table(f)) for f in figures)]


def folder_texts(store: Store) -> dict[str, str]:
    """Every file of the store as a folder, by name relative to the folder, in canonical form."""
    from .folder import MAIN, source_name

    groups = _by_source(store.figures)
    texts = {MAIN: main_text(store)}
    for sid in sorted(store.sources):
        figures = file_order(store, groups.get(sid, []))
        texts[source_name(sid)] = "".join(_chunks(None, source_tables(store, sid, figures)))
    return texts


def _change_folder(path: Path, change, write: bool, cache: bool, every_file: bool = False):
    """`_change` for a store folder: only the files the change touches are checked and written.

    When regions, indicators or sources were changed or removed (not only added), every file is
    checked again; otherwise the figures of other sources cannot have become wrong.
    """
    from .cache import CachedStore, Entry
    from .folder import MAIN, commit, signature, source_name

    state = signature(path)
    store = Entry(path, state, enabled=cache).load(rebuild=lambda: checked_store(path))
    if store is None:
        store, problems = _check_folder(path)
        if problems:
            raise StoreError(f"{problems[0]} (fix the store first; `csplan validate` lists every problem)")
    head0 = _head_tables(store)
    lazy = isinstance(store, CachedStore) and store.changes() is not None
    before = None if lazy else _idents(store.figures)  # values, not objects: a change may edit a figure
    result = change(store)
    head = _head_tables(store)
    log = store.changes() if isinstance(store, CachedStore) and lazy else None
    if log is not None:  # only `put` changed figures: the files of their sources, as they are, tell the rest
        sids = {f.source for pair in log for f in pair if f is not None}
        on_disk = {sid: _on_disk(path, sid) for sid in sids}
        olds = {sid: [_ident(f) for f in figs] for sid, figs in on_disk.items()}
        groups = {sid: _replayed(on_disk[sid], [new for _, new in log if new.source == sid]) for sid in sids}
        del on_disk
    else:
        if before is None:  # the change asked for every figure: compare with the store as it was
            old = Entry(path, state, enabled=cache).load(rebuild=lambda: checked_store(path)) or checked_store(path)
            before = _idents(old.figures)
            del old
        groups = _by_source(store.figures)
        sids = {sid for sid in before.keys() | groups.keys()
                if sid not in before or sid not in groups or before[sid] != [_ident(f) for f in groups[sid]]}
        olds = {sid: before.get(sid, []) for sid in sids}
        del before
    differ = {k for k in head0.keys() | head.keys() if head0.get(k) != head.get(k)}
    main = any(section != "sources" for section, _ in differ)
    sids |= {k for section, k in differ if section == "sources"}
    only_added = all(k not in differ for k in head0)
    del head0, head
    if every_file or not only_added:
        groups = _by_source(store.figures)
        if every_file:
            main, sids = True, set(store.sources) | set(groups)
    partial = only_added and not every_file  # the other sources' figures were checked when they were written
    checked_sids = sids if partial else set(store.sources) | set(groups)
    main_doc = {"schema": store.schema, "regions": [_clean(r, REGION_KEYS) for r in store.regions.values()],
                "indicators": [_clean(i, INDICATOR_KEYS) for i in store.indicators.values()]}

    texts: dict[str, bytes] = {}  # the new text of each changed source's file, made once

    def docs():
        for sid in sorted(checked_sids):
            group = groups.get(sid, [])
            if sid not in store.sources:
                if group:  # figures of a source that is not there: the check says so
                    yield path / source_name(sid), _doc([("observations", figure_table(f)) for f in group]), None
                continue
            group = file_order(store, group)
            tables = source_tables(store, sid, group)
            if sid in sids:
                groups[sid] = group  # as the file written will hold them
                texts[sid] = "".join(_chunks(None, tables)).encode("utf-8")
            if partial and len({(*f.key, f.source) for f in group}) == len(group):
                fresh = _fresh(olds.get(sid, []), group)
                if len(fresh) < len(group):
                    tables = source_tables(store, sid, fresh)
            yield path / source_name(sid), _doc(tables), None

    _, problems = _check_parts((path / MAIN, main_doc, None), docs())
    if problems:
        raise StoreError(f"refused, the store would not be valid: {problems[0].message}")
    files: dict[str, bytes | None] = {}
    if main:
        files[MAIN] = main_text(store).encode("utf-8")
    for sid in sorted(sids):
        name = source_name(sid)
        if sid in store.sources:
            files[name] = texts.pop(sid)
        elif os.path.lexists(path / name):
            files[name] = None
    files = {name: data for name, data in files.items() if data is None or _differs(path / name, data)}
    if write and files:
        commit(path, files)
        if log is not None:
            store.sources = dict(sorted(store.sources.items()))
        else:
            _in_file_order(store, groups)
        Entry(path, signature(path), enabled=cache).save(store)
    return result


def _ident(f: Figure) -> tuple:
    """A figure's fields, told apart as the file would tell them (1 and 1.0 are two numbers there)."""
    return (f.kind, f.indicator, f.region, f.year, f.metric, f.qualifier, f.source, f.quote, repr(f.value), f.unit,
            repr(f.growth), f.status)


def _idents(figures: list[Figure]) -> dict[str, list[tuple]]:
    """Each source's figures, as `_ident` gives them."""
    out: dict[str, list[tuple]] = {}
    for f in figures:
        out.setdefault(f.source, []).append(_ident(f))
    return out


def _fresh(old: list[tuple], new: list[Figure]) -> list[Figure]:
    """The figures of `new` that `old` (their `_ident`s) does not hold."""
    if not old:
        return new
    known = set(old)
    return [f for f in new if _ident(f) not in known]


def _doc(tables: list[tuple[str, dict]]) -> dict:
    doc: dict = {}
    for section, table in tables:
        doc.setdefault(section, []).append(table)
    return doc


def _differs(path: Path, data: bytes) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read() != data
    except OSError:
        return True


def _in_file_order(store: Store, groups: dict[str, list[Figure]]) -> None:
    """Put sources and figures in the order a fresh read of the folder gives, so that an answer
    from the cache and one from the files are alike (`groups`: each source's figures, those of
    the sources written in `file_order`)."""
    store.sources = dict(sorted(store.sources.items()))
    store.figures = [f for sid in store.sources for f in groups.get(sid, [])]


# --- writing ----------------------------------------------------------------------------


def _clean(obj, keys: tuple[str, ...]) -> dict:
    out = {}
    for k in keys:
        v = getattr(obj, k, None)
        if v is None or v == "" or (k == "aliases" and not v):
            continue
        if k == "better" and v == "higher":
            continue
        out[k] = list(v) if type(v) is list else v  # a copy: the table must not change with the object
    return out


_FIGURE_FIELDS = attrgetter(*FIGURE_KEYS)


def figure_table(f: Figure) -> dict:
    """`_clean(f, FIGURE_KEYS)`, the table of a figure, made faster: a store has many of them."""
    return {k: v for k, v in zip(FIGURE_KEYS, _FIGURE_FIELDS(f), strict=True) if v is not None and v != ""}


def to_table(obj: Source | Region | Indicator | Figure) -> dict:
    """An object as its table in the store: its keys in canonical order, defaults left out."""
    keys = {Source: SOURCE_KEYS, Region: REGION_KEYS, Indicator: INDICATOR_KEYS, Figure: FIGURE_KEYS}[type(obj)]
    return _clean(obj, keys)


def dumps(store: Store) -> str:
    """The canonical text of a store: fixed order of tables and keys, every table as [[…]]."""
    return "".join(_chunks(store.schema, canonical_tables(store)))


def canonical_tables(store: Store) -> list[tuple[str, dict]]:
    """(section, table) for every entry of the store, in canonical order."""
    tables = [("sources", _clean(s, SOURCE_KEYS)) for s in store.sources.values()]
    tables += [("regions", _clean(r, REGION_KEYS)) for r in store.regions.values()]
    tables += [("indicators", _clean(i, INDICATOR_KEYS)) for i in store.indicators.values()]
    for kind in ("actual", "target"):
        tables += [(SECTION_OF_KIND[kind], figure_table(f))
                   for f in sorted((f for f in store.figures if f.kind == kind), key=figure_order(store))]
    return tables


def _chunks(schema: int | None, tables: list[tuple[str, dict]]):
    """The text of a file of tables, after its schema line (a folder's source files have none)."""
    from .simple_toml import dumps_table

    if schema is not None:
        yield f"schema = {schema}\n"
    for n, (section, table) in enumerate(tables):
        yield f"{'' if n == 0 and schema is None else chr(10)}[[{section}]]\n" + dumps_table(table)


def figure_order(store: Store):
    """Sort key for figures: indicators in store order, then region, year, metric, source date."""
    position = {iid: n for n, iid in enumerate(store.indicators)}
    metric_pos = {m: n for n, m in enumerate(METRICS)}

    def key(f: Figure):
        src = store.sources.get(f.source)
        return (position.get(f.indicator, len(position)), f.region, f.year, metric_pos.get(f.metric, 9),
                f.kind, (src.date or "") if src else "", f.source)

    return key


#: How long a write waits for another writer to finish before it gives up, in seconds (`--wait`,
#: $CSPLAN_WAIT, `wait=`): far longer than any write of a large store takes.
DEFAULT_WAIT = 300.0
#: The longest pause between two tries of a waiting writer, in seconds (the first come sooner).
LOCK_POLL = 0.05
#: A writer that has waited this long (or its whole wait, if shorter) says so, once, in seconds:
#: the short waits of a queue of quick writers pass unremarked.
LOCK_NOTICE = 1.0
#: A lock file holds its writer's process id; a larger file is not one csplan made.
LOCK_MAX_BYTES = 32


class Waiting(NamedTuple):
    """How long writes wait for another writer, and whom they tell: `on_wait(store, pid)` is called
    once a write has waited LOCK_NOTICE seconds (`pid`: the writer holding the lock, where known)."""

    seconds: float = DEFAULT_WAIT
    on_wait: Callable[[Path, int | None], None] | None = None


_WAITING: ContextVar[Waiting | None] = ContextVar("csplan_waiting", default=None)


@contextmanager
def waiting(seconds: float | None = None, on_wait: Callable[[Path, int | None], None] | None = None):
    """Within the block, writes wait at most `seconds` for another writer (None: DEFAULT_WAIT) and
    tell `on_wait` (see Waiting), unless `update` or `lock` is given its own."""
    token = _WAITING.set(Waiting(DEFAULT_WAIT if seconds is None else seconds, on_wait))
    try:
        yield
    finally:
        _WAITING.reset(token)


@contextmanager
def lock(path: Path, wait: float | None = None, on_wait: Callable[[Path, int | None], None] | None = None):
    """Hold the store's lock, the file `STORE.lock` beside it, while the block runs.

    A writer that finds the lock taken tries again until `wait` seconds have passed, then raises
    StoreError: nothing was written. Once it has waited LOCK_NOTICE seconds it calls `on_wait`
    (both default to the enclosing `waiting` block's). The holder writes its process id into the
    lock file, so that a waiting writer can say whom it waits for.
    """
    import fcntl

    path = written(path)
    if path.is_dir():  # a store folder: its lock lies beside its store.toml
        from .folder import MAIN

        path = path / MAIN
    ambient = _WAITING.get() or Waiting()
    seconds = ambient.seconds if wait is None else wait
    tell = on_wait or ambient.on_wait
    fd, writable = _open_lock(path)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            _wait_for_lock(fd, path, seconds, tell)
        if writable:
            _mark(fd, f"{os.getpid()}\n")
        try:
            yield
        finally:
            if writable:
                _mark(fd, "")
    finally:
        os.close(fd)


def _open_lock(path: Path) -> tuple[int, bool]:
    """The store's lock file, open (and whether for writing).

    It is never opened through a link (O_NOFOLLOW), nor waited on (a FIFO), and must be a regular
    file of one name holding at most a process id: a file planted in its place is refused, not
    changed. It takes the store's owner, group and read/write bits where the OS allows, and a
    writer that may not write it (left by another user) still locks it read-only, so that no lock
    file keeps the store's owner out.
    """
    lock_path = path.with_name(path.name + ".lock")
    flags = os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    writable = True
    try:
        try:
            fd = os.open(lock_path, flags | os.O_RDWR, 0o644)
        except PermissionError:
            fd, writable = os.open(lock_path, flags | os.O_RDONLY, 0o644), False
    except OSError as e:
        if lock_path.is_symlink():
            raise StoreError(f"{lock_path}: the lock file is a symbolic link, which csplan never follows; "
                             "remove it") from None
        if lock_path.exists():
            raise StoreError(f"{lock_path}: cannot open the lock file ({e.strerror}); remove it when no csplan "
                             "is writing") from None
        raise StoreError(f"{lock_path}: cannot create the lock file ({e.strerror}); is the folder writable?") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or st.st_nlink > 1 or st.st_size > LOCK_MAX_BYTES:
        os.close(fd)
        why = ("not a regular file" if not stat.S_ISREG(st.st_mode) else "a file with another name too"
               if st.st_nlink > 1 else "a file with content")
        raise StoreError(f"{lock_path}: is {why}, not a lock file csplan made; remove it")
    if writable:
        try:
            store = os.stat(path)
        except OSError:
            pass
        else:
            take_owner(fd, store, stat.S_IMODE(store.st_mode) & 0o666)
    return fd, writable


def _wait_for_lock(fd: int, path: Path, seconds: float, tell: Callable[[Path, int | None], None] | None) -> None:
    import fcntl
    import time

    start = time.monotonic()
    notice = min(LOCK_NOTICE, seconds)
    pause = LOCK_POLL / 32
    while True:
        waited = time.monotonic() - start
        if tell is not None and seconds > 0 and waited >= notice:
            tell(path, _holder(fd))
            tell = None  # once
        if waited >= seconds:
            break
        time.sleep(min(pause, seconds - waited))
        pause = min(2 * pause, LOCK_POLL)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
    holder = _holder(fd)
    who = f"another writer (process {holder})" if holder else "another writer"
    raise StoreError(f"{path}: {who} still holds the lock after {seconds:g} s; nothing was written "
                     "(--wait SECONDS waits longer)")


def _holder(fd: int) -> int | None:
    """The process id the lock's holder wrote into the lock file, if that process is alive."""
    try:
        pid = int(os.pread(fd, LOCK_MAX_BYTES, 0).strip() or b"0")
    except (OSError, ValueError):
        return None
    if pid <= 0 or pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except OSError:
        pass  # alive, another user's
    return pid


def _mark(fd: int, text: str) -> None:
    """Write `text` as the whole content of the lock file; it only informs, so failure is ignored."""
    try:
        os.ftruncate(fd, 0)
        if text:
            os.pwrite(fd, text.encode("ascii"), 0)
    except OSError:
        pass


def _check_writable(path: Path) -> None:
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise StoreError(f"{path}: cannot be read ({e.strerror})") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise StoreError(f"{path}: {not_a_file(st.st_mode)}")
    if st is not None and not st.st_mode & 0o444:
        raise StoreError(f"{path}: cannot be read (permission denied); check the file's permissions")
    if st is not None and not st.st_mode & 0o222:
        raise StoreError(f"{path}: the store is read-only; make it writable (chmod u+w) to change it")
    if not os.access(path.parent if str(path.parent) else ".", os.W_OK):
        raise StoreError(f"{path.parent}: the folder is not writable, so the store cannot be replaced safely")


def update(path: Path, change, dry_run: bool = False, cache: bool = True, *, wait: float | None = None,
           on_wait: Callable[[Path, int | None], None] | None = None, every_file: bool = False):
    """Apply `change(store) -> message` to the store at `path`, all or nothing.

    Under the store's lock: read, change, check the new store, write atomically. If the change
    raises or the new store has a problem, the store is left byte-identical. Returns what
    `change` returns. With `dry_run`, everything but the write (and no lock: nothing is written).
    Through a symbolic link, the file it points to is changed. Behind another writer, the write
    waits as `lock` says (`wait` seconds, `on_wait` told once). A store folder has the files the
    change touches rewritten (`every_file`: all of them, as `csplan fmt` wants).
    """
    from .folder import MAIN, SOURCES, finish, remove_temporaries

    path = written(path)
    folder = path.is_dir()
    if folder:
        readable(path)
    if dry_run:
        if folder:
            return _change_folder(path, change, write=False, cache=cache)
        return _change(path, change, write=False, cache=cache)
    _check_writable(path / MAIN if folder else path)
    if folder and (path / SOURCES).is_dir() and not os.access(path / SOURCES, os.W_OK):
        raise StoreError(f"{path / SOURCES}: the folder is not writable, so the store cannot be changed safely")
    if not folder and not path.is_file():
        read_text(path)
    with lock(path, wait, on_wait):
        if folder:
            finish(path)
            remove_temporaries(path)
            return _change_folder(path, change, write=True, cache=cache, every_file=every_file)
        remove_stale_temporaries(path)
        return _change(path, change, write=True, cache=cache)


def _change(path: Path, change, write: bool, cache: bool = True):
    """Read (from the cache when the file is unchanged), change, check the changed model whole,
    write; then cache the new store, so that the next command finds it ready. What is no longer
    needed is let go on the way: a large store is held in memory in several forms."""
    from .cache import Entry, digest

    data = read_bytes(path)
    store = Entry(path, data, enabled=cache).load(rebuild=lambda: checked(read_text(path), path))
    if store is None:
        store, problems = check_text(decode(data, path), path)
        if problems:
            raise StoreError(f"{problems[0]} (fix the store first; `csplan validate` lists every problem)")
    old = digest(data)
    del data
    result = change(store)
    schema, tables = store.schema, canonical_tables(store)
    del store
    doc: dict = {"schema": schema}
    for section, table in tables:
        doc.setdefault(section, []).append(table)
    new_store, problems = parse(doc)
    del doc
    if problems:
        raise StoreError(f"refused, the store would not be valid: {problems[0].message}")
    new_data = b"".join(chunk.encode("utf-8") for chunk in _chunks(schema, tables))
    del tables
    if write and digest(new_data) != old:
        write_atomic(path, new_data)
        Entry(path, new_data, enabled=cache).save(new_store)
    return result


def create(path: Path, store: Store, make_folder: bool = False) -> None:
    """Write a new store; refuse if one is there. A path that does not end in .toml becomes a store
    folder (folder.py). `make_folder` creates its parent folder first (for the user's store).
    Through a symbolic link, the file it points to is created."""
    from .folder import wants_folder

    path = written(path)
    if path.exists() and not _empty_folder(path):
        raise StoreError(f"{path}: already exists; csplan never overwrites a store with a new one")
    if make_folder:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"{path.parent}: cannot create the folder ({e.strerror})") from None
    if not path.parent.is_dir():
        raise StoreError(f"{path.parent}: no such folder")
    _check_writable(path)
    if wants_folder(path):
        _create_folder(path, store)
        return
    with lock(path):
        if path.exists():
            raise StoreError(f"{path}: already exists; csplan never overwrites a store with a new one")
        write_atomic(path, dumps(store))


def _empty_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink() and not any(path.iterdir())


def _create_folder(path: Path, store: Store) -> None:
    """A new store folder, made whole under a temporary name and renamed into place."""
    import shutil
    import tempfile

    from .atomic import sync_folder
    from .folder import SOURCES

    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        os.chmod(tmp, 0o777 & ~umask())
        (tmp / SOURCES).mkdir()
        for name, text in folder_texts(store).items():
            with open(tmp / name, "x", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
        sync_folder(tmp / SOURCES)
        sync_folder(tmp)
        try:
            os.rename(tmp, path)  # over nothing, or over an empty folder
        except OSError:
            raise StoreError(f"{path}: already exists; csplan never overwrites a store with a new one") from None
        sync_folder(path.parent)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
