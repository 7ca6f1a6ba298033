"""Changing a store: figures, indicators, regions and sources, one at a time or imported in bulk.

The functions here change an in-memory Store and check each new entry with the store's own
rules (`store.check_entry`); writing it back is `store.update`'s job, which checks the whole new
store again and replaces the file atomically under the lock. No Typer, no Rich.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .records import KEYS, unescape_cell
from .model import (
    DIRECTIONS,
    KINDS,
    QUALIFIERS,
    STATUSES,
    YEAR_MAX,
    YEAR_MIN,
    CsplanError,
    Figure,
    Indicator,
    NotFound,
    Region,
    Source,
    Store,
    number_problem,
    number_shown,
    plainly_in_range,
    text_problem,
)
from .store import (
    FIGURE_KEYS,
    INDICATOR_ID,
    SECTION_OF_KIND,
    check_entry,
    decode,
    plain_figure,
    read_bytes,
    to_table,
    update,
)


class UsageError(CsplanError):
    """Options that do not fit together, or a value typed in a form csplan cannot read."""

    exit_code = 2


#: How many bad rows of an import are reported one by one; the rest are only counted, so that a
#: file of a million bad rows neither fills the terminal nor holds a million messages in memory.
REPORTED_BAD_ROWS = 20


class ImportRejected(CsplanError):
    """An import file with bad rows: nothing was imported.

    `problems` holds the first REPORTED_BAD_ROWS bad rows as "FILE:LINE: reason" and `count`
    the number of bad rows in all; the message names the first.
    """

    def __init__(self, problems: list[str], count: int | None = None):
        self.problems = problems[:REPORTED_BAD_ROWS]
        self.count = len(problems) if count is None else count
        more = f" (and {self.count - 1} more bad rows)" if self.count > 1 else ""
        super().__init__(f"{problems[0]}{more}; nothing imported")


# --- values as typed ------------------------------------------------------------------------

_INT = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\Z")


def parse_number(text: str, what: str = "number") -> int | float:
    """A number as printed: "1110" → 1110 (an int stays an int), "1.88" → 1.88, "-3" → -3;
    within the range a store keeps (model.number_problem)."""
    t = text.strip()
    if plainly_in_range(t):  # a plain number of at most 15 digits, the usual case
        return float(t) if "." in t else int(t)
    if _INT.match(t) or _DECIMAL.match(t):
        bad = number_problem(t)
        if bad:
            raise UsageError(f"{what} {number_shown(t)} {bad}")
    if _INT.match(t):
        return int(t)
    if _DECIMAL.match(t):
        x = float(t)
        if x == 0 and any(c in "123456789" for c in t.lower().partition("e")[0]):
            raise UsageError(f"{what} {text!r} is too small to store (it would become 0); "
                             "write the number as printed, e.g. 5.8")
        if math.isfinite(x):
            return x
    if t.casefold().lstrip("+-") in ("nan", "inf", "infinity"):
        raise UsageError(f"{what} {text!r} is not a finite number; write the number as printed, e.g. 5.8")
    raise UsageError(f"{what} {text!r} is not a number; write it with ASCII digits, e.g. 1110 or -3 or 5.8")


def parse_year(text: str | int) -> int:
    if type(text) is str and text.isascii() and text.isdigit():  # the usual case
        year: int | None = int(text)
    else:
        year = text if isinstance(text, int) else (int(text.strip()) if _INT.match(text.strip()) else None)
    if year is None:
        raise UsageError(f"year {text!r} is not a whole number; write it as 2025")
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise UsageError(f"year {year} is outside {YEAR_MIN}–{YEAR_MAX}")
    return year


def qualifier_code(text: str) -> str:
    """`exact`, `more_than` … or the report's own word for one (超, 以上, 约, 近, 以内 …)."""
    from .vocab import QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES

    t = text.strip()
    if t in QUALIFIERS:
        return t
    words = {**QUALIFIER_PREFIXES, **QUALIFIER_SUFFIXES}
    if t in words:
        return words[t]
    raise UsageError(f"unknown qualifier {text!r}; use one of: {', '.join(QUALIFIERS)} "
                     "(or the report's word: 超, 以上, 约, 近, 以内 …)")


def status_code(text: str) -> str:
    """`estimate`, `preliminary`, `reported`, or the report's word (预计, 初步统计 …)."""
    from .vocab import STATUS_WORDS

    t = text.strip()
    if t in STATUSES:
        return t
    if t in STATUS_WORDS:
        return STATUS_WORDS[t]
    raise UsageError(f"unknown status {text!r}; use one of: {', '.join(STATUSES)} (or 预计, 初步统计)")


# --- which region and source ----------------------------------------------------------------


def region_id(store: Store, text: str) -> str:
    """The region `text` names (id or name); a usage error listing the known ones if none."""
    from .query import find_region

    try:
        return find_region(store, text)
    except NotFound as e:
        raise UsageError(f"{e}; add it with `csplan region add`") from None


def _some(ids) -> str:
    ids = list(ids)
    return ", ".join(ids[:8]) + (f" and {len(ids) - 8} more" if len(ids) > 8 else "")


def pick_region_and_source(store: Store, region: str | None, source: str | None) -> tuple[str, str]:
    """The region and source of a hand-entered figure.

    Given ones are checked. Otherwise the region is the source's region, or the store's only
    region; the source is the only source of that region, or the store's only source.
    """
    if source is not None and source not in store.sources:
        known = _some(store.sources) or "none"
        raise UsageError(f"unknown source {source!r}; known sources: {known}; add it with `csplan source add`")
    rid = region_id(store, region) if region is not None else None
    if rid is None and source is not None and store.sources[source].region:
        rid = store.sources[source].region
    if rid is None:
        if not store.regions:
            raise UsageError("the store has no region yet; add one with `csplan region add ID --name 名称`")
        if len(store.regions) > 1:
            raise UsageError(f"the store has several regions ({_some(store.regions)}); choose one with --region")
        rid = next(iter(store.regions))
    if source is None:
        if not store.sources:
            raise UsageError("the store has no source yet; add the report with "
                             "`csplan source add ID --title TITLE --date YYYY-MM-DD`")
        own = [s.id for s in store.sources.values() if s.region == rid]
        if len(own) == 1:
            source = own[0]
        elif len(store.sources) == 1:
            source = next(iter(store.sources))
        else:
            listed = _some(own or store.sources)
            raise UsageError(f"the store has several sources ({listed}); choose the report with --source")
    return rid, source


# --- one figure -----------------------------------------------------------------------------


def new_figure(
    store: Store,
    kind: str,
    query: str,
    year: str | int,
    *,
    value: str | int | float | None = None,
    growth: str | int | float | None = None,
    rank: str | int | None = None,
    done: bool | None = None,
    task: str | None = None,
    unit: str | None = None,
    qualifier: str = "exact",
    status: str | None = "reported",
    region: str | None = None,
    source: str | None = None,
    quote: str | None = None,
) -> Figure:
    """A figure from what a person typed, with csplan's defaults (see `csplan record --help`).

    The metric follows from what is given: --value (with an optional --growth), --growth alone,
    --rank, --done/--not-done (an actual of a task) or --task TEXT (a target with no number, TEXT
    being its quote). Not checked against the store's rules yet: `add_figure` does that.
    """
    from .query import NoIndicator, find_indicator

    try:
        ind = find_indicator(store, query)
    except NoIndicator as e:
        close = f"did you mean {' or '.join(e.suggestions)}? " if e.suggestions else ""
        raise NoIndicator(f"no indicator matches {query!r}; {close}to add it: "
                          f"{add_indicator_hint(query, unit if value is not None else None)}", e.suggestions) from None
    year = parse_year(year)
    given = {name for name, v in (("--value", value), ("--growth", growth), ("--rank", rank),
                                   ("--task", task), ("--done", done)) if v is not None}
    if kind == "target":
        if len(given) != 1:
            what = "none" if not given else " and ".join(sorted(given))
            raise UsageError(f"a target has exactly one of --value, --growth, --rank or --task; got {what}")
    else:
        if not given:
            raise UsageError("give the figure: --value V (with --growth G if printed), --growth G, --rank N "
                             "or --done/--not-done")
        if len(given) > 1 and given != {"--value", "--growth"}:
            raise UsageError(f"{' and '.join(sorted(given))} do not go together; only --value takes a --growth")
    if quote is not None and not quote.strip():
        raise UsageError("--quote is empty; give the report's sentence, or leave --quote out")
    typed_text(("--quote", quote), ("--task", task), ("--unit", unit), ("--region", region), ("--source", source))

    num: dict[str, int | float | None] = {k: (parse_number(v, k) if isinstance(v, str) else v) for k, v in
                                          (("--value", value), ("--growth", growth), ("--rank", rank))}
    number, growth_number, rank_number = num["--value"], num["--growth"], num["--rank"]
    if number is not None:
        metric = "value"
        unit = unit or ind.unit
        if not unit:
            raise UsageError(f"{ind.id} has no unit of its own; give the figure's unit with --unit")
    elif growth_number is not None:
        metric, unit = "growth", unit or "%"
    else:
        metric = "rank" if rank_number is not None else "task"
        if unit:
            raise UsageError(f"a {metric} figure has no unit; leave --unit out")
        number = rank_number if rank_number is not None else (None if done is None else int(done))
        if task is not None:
            if not task.strip():
                raise UsageError("--task is empty; give the task as the report states it")
            if quote is not None:
                raise UsageError("--task TEXT is the target's quote; leave --quote out")
            quote = task
    rid, sid = pick_region_and_source(store, region, source)
    return Figure(
        kind=kind, indicator=ind.id, region=rid, year=year, metric=metric,
        qualifier=qualifier_code(qualifier), source=sid, quote=quote or "",
        value=number, unit=unit, growth=growth_number,
        status=status_code(status) if kind == "actual" and status is not None else None,
    )


def typed_text(*options: tuple[str, str | None]) -> None:
    """Refuse text typed for an option that is not valid Unicode (model.text_problem)."""
    for option, text in options:
        bad = text_problem(text) if isinstance(text, str) else None
        if bad:
            raise UsageError(f"{option} {bad}; type it again, or check the terminal's encoding is UTF-8")


def add_indicator_hint(query: str, unit: str | None = None) -> str:
    """The `csplan indicator add` command that would create the indicator `query` names."""
    q = query.strip()
    u = _shell_word(unit) if unit else "UNIT"
    if INDICATOR_ID.match(q):
        return f"csplan indicator add {q} --name 名称 --unit {u}"
    return f"csplan indicator add ID --name {_shell_word(q)} --unit {u}"


def _shell_word(text: str) -> str:
    """`text` as one word of a shell command: quoted only when the shell would split or expand it."""
    import shlex

    return text if re.fullmatch(r"[\w.%/+-]+", text) else shlex.quote(text)


def figure_text(f: Figure) -> str:
    """A figure in the report's words, with its growth when it has both."""
    from .vocab import describe, growth_text

    text = describe(f.metric, f.value, f.unit, f.growth, f.qualifier, f.kind)
    if f.metric == "value" and f.growth is not None:
        text += f", {growth_text(f.growth)}"
    return text


def _label(f: Figure) -> str:
    return f"{f.kind} {f.indicator} {f.year} ({f.region}, source {f.source})"


def _check(store: Store, f: Figure) -> Figure:
    fig, problems = check_entry(store, SECTION_OF_KIND[f.kind], to_table(f))
    if problems:
        raise CsplanError("; ".join(p.message for p in problems))
    return fig


def _put(store: Store, f: Figure, at: dict[tuple, int] | None = None, quiet: bool = False) -> tuple[str, str]:
    """Add `f`, or replace the figure with the same key and source: ("added"|"replaced"|"unchanged", message).

    `at` maps (key, source) to the position of each figure in store.figures and is kept up to date:
    an import puts many figures with it in time linear in their number. With `at` or `quiet`, an
    added figure's message is left empty, as an import only counts them.
    """
    if at is None:
        old = store.put(f)
        if old is not None:
            if repr(old) == repr(f):
                store.put(old)
                return "unchanged", f"unchanged: {_label(f)} is already recorded as {figure_text(f)}"
            return "replaced", f"replaced {_label(f)}: was {figure_text(old)}, now {figure_text(f)}"
        if quiet:
            return "added", ""
    else:
        i = at.get((f.key, f.source))
        if i is not None:
            old = store.figures[i]
            if repr(old) == repr(f):
                return "unchanged", f"unchanged: {_label(f)} is already recorded as {figure_text(f)}"
            store.figures[i] = f
            return "replaced", f"replaced {_label(f)}: was {figure_text(old)}, now {figure_text(f)}"
        store.figures.append(f)
        at[f.key, f.source] = len(store.figures) - 1
        return "added", ""
    message = f"recorded {_label(f)}: {figure_text(f)}"
    others = [o for o in store.figures_of(f.indicator) if o.key == f.key and o is not f]
    if others:
        from .query import current, source_date

        now = current(store, others + [f])[0]
        kept = ", ".join(sorted({o.source for o in others}))
        if now is f:
            message += f"; the figure from {kept} is kept as an older vintage"
        else:
            message += (f"; the figure from {now.source} ({source_date(store, now) or 'undated'}) stays current, "
                        "this one is kept as an older vintage")
    return "added", message


def add_figure(store: Store, figure: Figure) -> str:
    """Add a figure, checked by the store's rules; replaces the figure with the same indicator,
    region, year, kind, metric and source. Another source's figure for the same key stays, as
    another vintage. Returns what happened, in words."""
    return _put(store, _check(store, figure))[1]


# --- indicators, regions, sources -----------------------------------------------------------


def _add_entry(store: Store, section: str, obj, what: str) -> str:
    existing = getattr(store, section)
    if obj.id in existing:
        raise CsplanError(f"{what} {obj.id!r} already exists; choose another id")
    new, problems = check_entry(store, section, to_table(obj))
    if problems:
        raise CsplanError("; ".join(p.message for p in problems))
    existing[new.id] = new
    return f"added {what} {new.id}"


def add_indicator(store: Store, indicator: Indicator) -> str:
    typed_text(*((f"the indicator's {k}", getattr(indicator, k)) for k in ("id", "name", "name_en", "unit")),
               *(("an alias", a) for a in indicator.aliases))
    return _add_entry(store, "indicators", indicator, "indicator") + f" ({indicator.name})"


def add_region(store: Store, region: Region) -> str:
    typed_text(*((f"the region's {k}", getattr(region, k)) for k in ("id", "name", "name_en", "parent")))
    return _add_entry(store, "regions", region, "region") + f" ({region.name})"


def add_source(store: Store, source: Source) -> str:
    typed_text(*((f"the source's {k}", getattr(source, k)) for k in ("id", "title", "issuer", "meeting", "region")))
    return _add_entry(store, "sources", source, "source") + f" ({source.title})"


def new_store(region: Region | None = None, source: Source | None = None) -> Store:
    """A new store, with a first region and a first source if given (checked as `add_*` checks
    them); a source with no region of its own belongs to the region given."""
    store = Store()
    if region is not None:
        add_region(store, region)
    if source is not None:
        if source.region is None and region is not None:
            source = Source(source.id, source.title, source.date, source.issuer, source.meeting, region.id)
        add_source(store, source)
    return store


# --- reading records ------------------------------------------------------------------------

RECORD_FORMATS = ("csv", "tsv", "json")
_TEXT_FIELDS = ("indicator", "name", "name_en", "category", "region", "kind", "metric", "unit", "qualifier",
                "status", "better", "source", "quote")
_NUMBER_FIELDS = ("year", "value", "growth")
_RECORD_KEYS = frozenset(KEYS)


class Row(dict):
    """One record read from a file: the record's keys, plus where it was and what was wrong with it."""

    __slots__ = ("line", "problems")

    def __init__(self, data=(), line: int | None = None, problems: list[str] | None = None):
        super().__init__(data)
        self.line = line
        self.problems = problems or []


def read_input(name: str) -> str:
    """The text of a file, or of stdin for "-"; one-line errors naming the file."""
    import sys

    if name == "-":
        if sys.stdin is None:
            raise CsplanError("stdin is closed; pipe the input in, or give a file name instead of -")
        try:
            return decode(sys.stdin.buffer.read(), "stdin")
        except OSError as e:
            raise CsplanError(f"stdin: cannot be read ({e.strerror or e})") from None
    return decode(read_bytes(Path(name), "no such file", "is a directory; give a CSV, TSV or JSON file"), name)


def detect_format(text: str, name: str | None = None) -> str:
    """csv, tsv or json: from the file name's suffix, else from the text."""
    suffix = Path(name).suffix.lower().lstrip(".") if name and name != "-" else ""
    if suffix in RECORD_FORMATS:
        return suffix
    head = text.lstrip()
    if head[:1] in ("[", "{"):
        return "json"
    return "tsv" if "\t" in head.split("\n", 1)[0] else "csv"


def read_records(text: str, fmt: str | None = None, name: str | None = None) -> list[Row]:
    """The records in `text`, in the shape `csplan list --format csv|tsv|json` writes them.

    read_records(text, fmt=None, name=None) -> list[Row]

    `fmt` is "csv", "tsv" or "json"; when None it follows `name`'s suffix, else the text.
    Each Row is a dict of record keys (records.KEYS; a missing key or an empty cell is None;
    CSV/TSV cells are unescaped, and year, value and growth read as numbers) with `.line`, the
    line it starts on, and `.problems`, what is wrong with the row itself. Errors of the whole
    file (bad JSON, an unknown column) raise ImportRejected.
    """
    label = name or "-"
    text = text.removeprefix("\ufeff")
    fmt = fmt or detect_format(text, name)
    if fmt not in RECORD_FORMATS:
        raise UsageError(f"unknown input format {fmt!r}; use one of: {', '.join(RECORD_FORMATS)}")
    if not text.strip():
        raise CsplanError(f"{label}: the file is empty; expected a header row (CSV, TSV) or a JSON array")
    if fmt == "json":
        return _read_json(text, label)
    return _read_delimited(text, "," if fmt == "csv" else "\t", label)


def _read_delimited(text: str, delimiter: str, label: str) -> list[Row]:
    import csv
    import io

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
        unknown = [h for h in header if h not in KEYS]
        if unknown:
            raise ImportRejected([f"{label}:1: unknown column {unknown[0]!r}; the columns are those of "
                                  f"`csplan list --format csv`: {', '.join(KEYS)}"])
        twice = sorted({h for h in header if header.count(h) > 1})
        if twice:
            raise ImportRejected([f"{label}:1: column {twice[0]!r} appears twice"])
        missing = [k for k in ("indicator", "region", "year", "kind", "metric", "qualifier", "source")
                   if k not in header]
        if missing:
            raise ImportRejected([f"{label}:1: missing column {missing[0]!r}; the header must name at least "
                                  "indicator, region, year, kind, metric, qualifier and source"])
        numbers = [(key, f"'{key}'") for key in header if key in _NUMBER_FIELDS]
        blank = dict.fromkeys(KEYS)
        rows = []
        line = reader.line_num + 1
        for cells in reader:
            if cells:
                row = Row(blank, line=line)
                if len(cells) != len(header):
                    row.problems.append(f"{len(cells)} cells where the header has {len(header)}")
                # A short or long row is reported above; its cells are read as far as they go.
                if "\\" in delimiter.join(cells):
                    cells = [unescape_cell(raw) for raw in cells]
                row.update({key: cell for key, cell in zip(header, cells, strict=False) if cell})
                for key, what in numbers:
                    cell = row[key]
                    if cell is not None:
                        try:
                            row[key] = parse_year(cell) if key == "year" else parse_number(cell, what)
                        except CsplanError as e:
                            row.problems.append(str(e))
                            row[key] = None
                rows.append(row)
            line = reader.line_num + 1
    except csv.Error as e:
        what = "CSV" if delimiter == "," else "TSV"
        raise ImportRejected([f"{label}:{reader.line_num}: not valid {what}: {e}"]) from None
    return rows


def _read_json(text: str, label: str) -> list[Row]:
    import json


    try:
        doc = json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as e:
        raise ImportRejected([f"{label}:{e.lineno}: not valid JSON: {e.msg}"]) from None
    except RecursionError:
        raise ImportRejected([f"{label}: not valid JSON: nested too deeply"]) from None
    if not isinstance(doc, list):
        raise ImportRejected([f"{label}: expected a JSON array of records, as `csplan list --format json` writes"])
    rows = []
    for item, line in zip(doc, _element_lines(text), strict=True):
        row = Row(dict.fromkeys(KEYS), line=line)
        if not isinstance(item, dict):
            row.problems.append(f"a record must be a JSON object, not {type(item).__name__}")
        else:
            for key, v in item.items():
                if isinstance(v, _LongInteger):
                    row.problems.append(f"'{key}' = {number_shown(v)} {number_problem(v)}")
                elif key not in KEYS:
                    row.problems.append(f"unknown key {key!r}; the keys are those of `csplan list --format json`")
                elif v is not None and key in _TEXT_FIELDS and not isinstance(v, str):
                    row.problems.append(f"'{key}' must be a string, not {json.dumps(v)}")
                elif (v is not None and key in _NUMBER_FIELDS
                      and (isinstance(v, bool) or not isinstance(v, (int, float)))):
                    row.problems.append(f"'{key}' must be a number, not {json.dumps(v, ensure_ascii=False)}")
                elif isinstance(v, float) and not math.isfinite(v):
                    row.problems.append(f"'{key}' = {v} is not a finite number")
                else:
                    row[key] = v
        rows.append(row)
    return rows


class _LongInteger(str):
    """A JSON integer too long for any store, kept as its text: Python converts at most 4300 digits."""


_LONGEST_INTEGER = 40  # characters; any integer this long is far outside model.number_problem's range


def _json_int(text: str) -> int | _LongInteger:
    return _LongInteger(text) if len(text) > _LONGEST_INTEGER else int(text)


def _element_lines(text: str) -> list[int]:
    """The line each element of a (valid) JSON array starts on."""
    import json

    decoder = json.JSONDecoder(parse_int=_json_int)
    ws = re.compile(r"[ \t\n\r]*")

    def skip_space(pos: int) -> int:
        m = ws.match(text, pos)
        assert m is not None  # the pattern matches the empty string
        return m.end()

    pos = skip_space(0) + 1
    lines: list[int] = []
    line, counted = 1, 0  # newlines are counted once each: from the previous element on
    while True:
        pos = skip_space(pos)
        if text[pos] == "]":
            return lines
        line += text.count("\n", counted, pos)
        counted = pos
        lines.append(line)
        _, pos = decoder.raw_decode(text, pos)
        pos = skip_space(pos)
        if text[pos] == ",":
            pos += 1


# --- importing ------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    """What an import did (or, with dry_run, would do)."""

    origin: str
    added: int = 0
    unchanged: int = 0
    replaced: list[str] = field(default_factory=list)
    created: dict[str, list[str]] = field(default_factory=lambda: {"indicators": [], "regions": [], "sources": []})
    dry_run: bool = False

    def __str__(self) -> str:
        verb = "would add" if self.dry_run else "added"
        parts = [f"{verb} {self.added} figure{'s' * (self.added != 1)}"]
        if self.replaced:
            parts.append(f"{'would replace' if self.dry_run else 'replaced'} {len(self.replaced)}")
        if self.unchanged:
            parts.append(f"{self.unchanged} already in the store")
        made = [f"{len(v)} {k[:-1] if len(v) == 1 else k}" for k, v in self.created.items() if v]
        if made:
            parts.append(f"{'would create' if self.dry_run else 'created'} {', '.join(made)}")
        tail = "; nothing written (--dry-run)" if self.dry_run else ""
        return f"{self.origin}: {'; '.join(parts)}{tail}"


def import_records(path: Path, records: Iterable[dict], dry_run: bool = False,
                   origin: str | None = None) -> ImportSummary:
    """Add flat records to the store at `path`, all or nothing, through `store.update`.

    import_records(path, records, dry_run=False, origin=None) -> ImportSummary

    `records` are dicts with the keys of records.KEYS (as `read_records` returns them, or as a
    program builds them; a missing key is None). An indicator, region or source a record names
    that the store lacks is created from the record's own fields (an indicator from name,
    name_en, category, better and its first value's unit; a region named by its id; a source
    titled by its id, undated). A record with the same indicator, region, year, kind, metric and
    source as a stored figure replaces it. Any bad record rejects them all: ImportRejected counts
    them and gives the first REPORTED_BAD_ROWS as "ORIGIN:LINE: reason" (LINE is Row.line, else
    "record N"). `dry_run` checks everything and writes nothing. `origin` names the input in
    messages.
    """
    records = list(records)
    origin = origin or "-"
    summary = update(Path(path), lambda store: apply_records(store, records, origin), dry_run=dry_run)
    summary.dry_run = dry_run
    return summary


def apply_records(store: Store, records: list[dict], origin: str = "-") -> ImportSummary:
    """Apply records to an in-memory store (see import_records); raises ImportRejected, before
    any figure of the store is changed (it may have added indicators, regions and sources)."""
    summary = ImportSummary(origin)
    problems: list[str] = []  # the first REPORTED_BAD_ROWS only; `bad` counts them all
    bad = 0
    made: dict[str, tuple] = {}
    seen: dict[tuple, tuple[int | None, int]] = {}  # (line, n) of each figure's record
    figures = []

    def reject(message: str) -> None:
        nonlocal bad
        bad += 1
        if len(problems) < REPORTED_BAD_ROWS:
            problems.append(message)

    for n, rec in enumerate(records, 1):
        line = getattr(rec, "line", None)
        own = getattr(rec, "problems", None)
        if own:
            reject(f"{_where(origin, line, n)}: {'; '.join(own)}")
            continue
        try:
            fig = _record_figure(store, rec, made, summary, (origin, line, n))
        except CsplanError as e:
            reject(f"{_where(origin, line, n)}: {e}")
            continue
        key = (*fig.key, fig.source)
        if key in seen:
            first_line, first_n = seen[key]
            first = f"line {first_line}" if first_line else f"record {first_n}"
            reject(f"{_where(origin, line, n)}: the same figure as {first} "
                   "(same indicator, region, year, kind, metric and source); keep one")
            continue
        seen[key] = (line, n)
        figures.append(fig)
    if bad:
        raise ImportRejected(problems, bad)
    from .cache import CachedStore

    # A store read from the cache puts each figure by its indicator's figures alone (reading only
    # those); any other store, by a map of every figure's place, made once.
    lazy = isinstance(store, CachedStore) and store.changes() is not None
    at = None if lazy else {(old.key, old.source): i for i, old in enumerate(store.figures)}
    for fig in figures:
        outcome, message = _put(store, fig, at, quiet=True)
        if outcome == "added":
            summary.added += 1
        elif outcome == "replaced":
            summary.replaced.append(message)
        else:
            summary.unchanged += 1
    return summary


def apply_extraction(store: Store, extraction, origin: str = "-") -> ImportSummary:
    """Add what a report yields (an `extract.Extraction`) to an in-memory store, as `extract
    --apply` does: its region (named as the report names it) and its source (titled, dated and
    issued as its first lines say) if the store lacks them, its new indicators, then its records
    (see apply_records). A region whose id no one chose (`Extraction.region_is_stand_in`) is
    refused with UsageError. An error leaves every figure as it was, but regions, sources and
    indicators may have been added: `store.update` then writes nothing."""
    ext = extraction
    if ext.region_is_stand_in:
        raise UsageError(f"the report's region {ext.region_name} is not in the store; give --region ID to name it")
    summary = ImportSummary(origin)
    h = ext.header
    entries: list[tuple[str, Region | Source | Indicator, str]] = [
        ("regions", r, "region") for r in _placed(store, ext)]
    entries.append(("sources", Source(ext.source, h.title or ext.source, h.date, h.issuer, h.meeting, ext.region),
                    "source"))
    entries += [("indicators", ind, "indicator") for ind in ext.indicators.values()]
    for section, entry, what in entries:
        if entry.id not in getattr(store, section):
            _add_entry(store, section, entry, what)
            summary.created[section].append(entry.id)
    done = apply_records(store, ext.records, origin)
    summary.added, summary.unchanged, summary.replaced = done.added, done.unchanged, done.replaced
    return summary


def _placed(store: Store, ext) -> list[Region]:
    """The extraction's region, if the store lacks it, with its level and parent from the gazetteer
    (gazetteer.regions_for), after the places above it that the store lacks too."""
    from .gazetteer import regions_for

    if ext.region in store.regions:
        return []
    placed = regions_for(store, ext.region, ext.region_name or ext.region)
    own, given = placed[-1], ext.region_entry
    if given is not None:
        placed[-1] = Region(given.id, given.name, given.name_en, given.level or own.level, given.parent or own.parent)
    return placed


def _where(origin: str, line: int | None, n: int) -> str:
    """Where the `n`th record is, in messages: "FILE:LINE", or "FILE: record N"."""
    return f"{origin}:{line}" if line else f"{origin}: record {n}"


def _named(rec: dict, key: str) -> str:
    """The id a record gives in `key` ("indicator", "region" or "source")."""
    v = rec.get(key)
    if not isinstance(v, str) or not v.strip():
        raise CsplanError(f"'{key}' is missing; every record names its {key}")
    return v


def _record_figure(store: Store, rec: dict, made: dict, summary: ImportSummary, where: tuple) -> Figure:
    """The figure a record gives (creating its indicator, region and source if the store lacks
    them); `where` is the record's (origin, line, n), for messages."""
    unknown = [k for k in rec if k not in KEYS] if not rec.keys() <= _RECORD_KEYS else []
    if unknown:
        raise CsplanError(f"unknown key {unknown[0]!r}; the keys are those of `csplan list --format json`")
    kind = rec.get("kind")
    if kind not in KINDS:
        raise CsplanError(f"'kind' must be actual or target, not {kind!r}")
    iid, rid, sid = _named(rec, "indicator"), _named(rec, "region"), _named(rec, "source")
    unit = rec.get("unit") if rec.get("metric") == "value" else None
    if iid not in store.indicators:
        if not rec.get("name"):
            raise CsplanError(f"unknown indicator {iid!r}; give its name in the 'name' field to create it, "
                              "or add it first with `csplan indicator add`")
        ind = Indicator(iid, rec["name"], rec.get("name_en"), unit, rec.get("category"), rec.get("better") or "higher")
        _add_entry(store, "indicators", ind, "indicator")
        made[iid] = (where, store.indicators[iid])
        summary.created["indicators"].append(iid)
    elif iid in made:
        first_where, ind = made[iid]
        for key in ("name", "name_en", "category", "better"):
            if rec.get(key) is not None and rec[key] != getattr(ind, key):
                raise CsplanError(f"{key} {rec[key]!r} of new indicator {iid!r} differs from "
                                  f"{getattr(ind, key)!r} at {_where(*first_where)}; make them the same")
        if ind.unit is None and unit:
            ind.unit = unit
    elif rec.get("better") not in (None, *DIRECTIONS):
        raise CsplanError(f"'better' must be higher or lower, not {rec['better']!r}")
    if rid not in store.regions:
        _add_entry(store, "regions", Region(rid, rid), "region")
        summary.created["regions"].append(rid)
    if sid not in store.sources:
        _add_entry(store, "sources", Source(sid, sid), "source")
        summary.created["sources"].append(sid)
    table = {k: v for k in FIGURE_KEYS if (v := rec.get(k)) is not None and v != ""}
    fig = plain_figure(table, kind, store)
    if fig is not None:
        return fig
    fig, found = check_entry(store, SECTION_OF_KIND[kind], table)
    if found:
        raise CsplanError("; ".join(p.message for p in found))
    return fig
