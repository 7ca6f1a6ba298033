"""Build records: the items of the passages, with their years, region, source and statuses, as
the flat records `csplan list` prints."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

from .compiled import keep_new
from ..model import CsplanError, Indicator, Region, Source, Store
from ..records import KEYS
from .text import Text, prepare
from .names import PROVINCES, Resolver, scope_of
from .clauses import Item, Parser, status_words
from .passages import actual_sentences, of_other_year, results_table, target_sentence
from .header import FileName, Header, YEAR, read_file_name, read_header, year_of


@dataclass
class Extraction:
    """What a report yields: flat records (records.KEYS), and what a preview needs besides."""

    records: list[dict]
    new_indicators: list[str]
    region: str
    region_name: str | None
    source: str
    actual_year: int
    target_year: int
    header: Header
    notes: list[str] = field(default_factory=list)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    region_entry: Region | None = None
    # an id no one chose: the region's name has no readable id, or the store's region of that id is another place
    region_is_stand_in: bool = False
    region_query: str | None = None  # what the region was looked up by: --region, else the header's name

    def outdated(self, regions: dict[str, Region], indicators: dict[str, Indicator]) -> bool:
        """Whether the report, read again once `regions` and `indicators` are added to the store it
        was read against, could be given another region or other ids for its new indicators: an
        added region has its region's id or matches what it was looked up by (as
        `query.find_region` matches, by id or by a part of the name), or an added indicator
        takes the place of a new one (`names.still_new`)."""
        from .names import still_new

        q = self.region_query
        if any(r.id == self.region or (q and (q == r.id or q in r.name or q.casefold() == (r.name_en or "").casefold()))
               for r in regions.values()):
            return True
        return not all(still_new(self.indicators[iid], [r["unit"] for r in self.records if r["indicator"] == iid
                                                         and r["metric"] == "value" and r["unit"]], indicators)
                       for iid in self.new_indicators)

    def store(self) -> Store:
        """The extraction as a store of its own (source, region, the indicators it uses, figures)."""
        from ..model import Figure

        st = Store()
        h = self.header
        st.regions[self.region] = self.region_entry or Region(self.region, self.region_name or self.region)
        st.sources[self.source] = Source(self.source, h.title or self.source, h.date, h.issuer, h.meeting, self.region)
        st.indicators.update(self.indicators)
        for r in self.records:
            st.figures.append(Figure(r["kind"], r["indicator"], r["region"], r["year"], r["metric"], r["qualifier"],
                                     r["source"], r["quote"], r["value"], r["unit"], r["growth"], r["status"]))
        return st


def _region_id(store: Store, name: str, from_title: bool = False) -> tuple[str, str, bool]:
    """(id, name, whether the id is a stand-in) for a region named in the report or by --region."""
    from ..model import NotFound
    from ..query import find_region

    try:
        rid = find_region(store, name)
        found = store.regions[rid]
        # 福州市 is a part of 福州市仓山区's name, but a city is not its district: a title's region
        # matches the end of a stored name (仓山区) or the whole of it
        if not from_title or found.id == name or found.name.endswith(name.strip()):
            return rid, found.name, False
    except NotFound:
        pass
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name):
        return name, name, False
    from .header import region_id

    # a readable id (长沙市 changsha, 海拉尔区 hailaer; header.region_id); a province's is every
    # store's, any other region the store lacks is a stand-in until --region names it
    readable = region_id(name)
    if readable is None:
        return f"region-{zlib.crc32(name.encode('utf-8')):08x}", name, True
    known = store.regions.get(readable)
    if known is None or readable in PROVINCES.values() or same_place(known.name, name):
        return readable, known.name if known else name, False
    from ..gazetteer import distinct_id

    other = distinct_id(name, readable)  # the store's gulou is 福州市鼓楼区, the report's 南京市鼓楼区
    if other is not None and (other not in store.regions or same_place(store.regions[other].name, name)):
        return other, name, False
    return readable, name, True


def same_place(a: str, b: str) -> bool:
    """Two names of one region that share a readable id: one ends with the other (海拉尔区 and
    呼伦贝尔市海拉尔区), unlike 福州市鼓楼区 and 南京市鼓楼区."""
    a, b = re.sub(r"\s", "", a), re.sub(r"\s", "", b)
    return a.endswith(b) or b.endswith(a)


def _years(header: Header, text, target, actual_year: int | None, target_year: int | None,
           named: FileName) -> tuple[int, int, bool]:
    """The year reported on and the year planned: the flags (one flag gives the other year), else
    the header's (the title, the date it was delivered, section heads, the targets heading, the
    year just past: header.py), else the targets' sentence, else the file's name (and whether they
    are the name's)."""
    ay, ty, from_name = actual_year, target_year, False
    if ay is None and ty is None:
        ay, ty = header.actual_year, header.target_year
        if ay is None and target:
            m = YEAR.search(text.joined[target[0]:target[2]])
            if m:
                ty = year_of(m.group(1))
                ay = ty - 1
        if ay is None and named.year is not None:
            (ay, ty), from_name = named.years(header.kind) or (None, None), True
    if ay is None and ty is not None:
        ay = ty - 1
    if ty is None and ay is not None:
        ty = ay + 1
    if ay is None or ty is None:
        raise CsplanError("cannot tell which years the report covers (no year in its title, date line, "
                          "section heads, targets or file name); give --actual-year and --target-year")
    return ay, ty, from_name


def _region(store: Store, header: Header, region: str | None, named: FileName) -> tuple[str, str | None, bool]:
    """(id, name, whether the id is a stand-in) of the region: --region, else the header's, else
    the file name's."""
    if region is not None:
        return _region_id(store, region)
    if header.region_name:
        return _region_id(store, header.region_name, from_title=True)
    if named.region:
        return _region_id(store, named.region, from_title=True)
    raise CsplanError("cannot tell which region the report is about (not in its text or file name); "
                      "give --region ID")


def _records(items: list[Item], text: Text, summary_start: int, rid: str, sid: str, ay: int,
             ty: int) -> list[dict]:
    """Items as records, one per indicator, year, kind and metric; an actual's status is the last
    status word (预计, 初步统计 …) of the summary before its number."""
    from ..vocab import STATUS_WORDS

    status_rx = status_words()
    records: list[dict] = []
    seen: set[tuple] = set()
    for it in items:
        status = None
        if it.kind == "actual":
            said = text.last_match(status_rx, summary_start, it.at)
            status = STATUS_WORDS[said.group()] if said else "reported"
        base = {"indicator": it.ind.id, "name": it.ind.name, "name_en": it.ind.name_en,
                "category": it.ind.category, "region": rid, "year": ay if it.kind == "actual" else ty,
                "kind": it.kind, "metric": it.metric, "value": it.value, "unit": it.unit, "growth": it.growth,
                "qualifier": it.qualifier, "status": status, "better": it.ind.better, "source": sid,
                "quote": text.quote(it.start, it.end)}
        if it.metric == "task":
            base["unit"] = base["growth"] = None
        elif it.metric == "growth":
            base["value"] = None
        parts = [base]
        if it.metric == "value" and it.growth is not None and (it.growth_qualifier or "exact") != it.qualifier:
            # 1110 亿元，增长 5% 左右: one qualifier a record, so the level and the growth part.
            parts = [{**base, "growth": None},
                     {**base, "metric": "growth", "value": None, "unit": "%", "qualifier": it.growth_qualifier}]
        for r in parts:
            key = (r["indicator"], r["year"], r["kind"], r["metric"])
            if key not in seen:
                seen.add(key)
                records.append(r)
    return records


def _statement_records(text: Text, parser: Parser, actuals: list[Item], summary_start: int, target,
                       records: list[dict], rid: str, sid: str, ay: int, ty: int) -> list[dict]:
    """The records of every other quantitative statement (extract --all): the passage of the main
    targets and the numbers of the headline items are left out, and so is a figure of an
    indicator, year, kind and metric that a headline record already holds."""
    skip = [(target[0], target[1])] if target else []
    taken = {(r["indicator"], r["year"], r["kind"], r["metric"]) for r in records}
    read = [*actuals, *(target[3] if target else [])]
    from .statements import read_statements  # --all alone needs it

    out: list[dict] = []
    for st in read_statements(text, parser, skip, ay, ty, target[0] if target else None, taken, read):
        base = {"indicator": st.ind.id, "name": st.ind.name, "name_en": st.ind.name_en,
                "category": st.ind.category, "region": rid, "year": st.year, "kind": st.kind,
                "metric": st.metric, "value": st.value, "unit": st.unit, "growth": st.growth,
                "qualifier": st.qualifier, "status": st.status, "better": st.ind.better, "source": sid,
                "quote": text.quote(st.start, st.end)}
        if st.metric == "rank":
            base["unit"] = base["growth"] = None
        elif st.metric == "growth":
            base["value"] = None
        parts = [base]
        if st.metric == "value" and st.growth is not None and (st.growth_qualifier or "exact") != st.qualifier:
            parts = [{**base, "growth": None},
                     {**base, "metric": "growth", "value": None, "unit": "%", "qualifier": st.growth_qualifier}]
        out += parts
    return out


def _indicators(records: list[dict], store: Store, resolver: Resolver) -> dict[str, Indicator]:
    """The indicators the records use: the store's, or new ones with the unit of their first level."""
    indicators = {}
    for iid in dict.fromkeys(r["indicator"] for r in records):
        if iid in store.indicators:
            indicators[iid] = store.indicators[iid]
        else:
            n = resolver.new[iid]
            unit = next((r["unit"] for r in records if r["indicator"] == iid and r["metric"] == "value"), None)
            indicators[iid] = Indicator(iid, n.name, n.name_en, unit, n.category, n.better)
    return indicators


def extract(
    original: str,
    store: Store | None = None,
    *,
    region: str | None = None,
    source: str | None = None,
    actual_year: int | None = None,
    target_year: int | None = None,
    every: bool = False,
    file_name: str | None = None,
) -> Extraction:
    """The headline figures of the year reported on and the main targets of the year planned,
    as flat records; with `every`, also every quantitative statement of the other sections
    (statements.py). `file_name` tells the region, years and kind where the text does not
    (header.py). Raises CsplanError when the years or the region cannot be told."""
    store = store if store is not None else Store()
    if "\x00" in original:
        raise CsplanError("the input is not text (it holds NUL bytes); convert the report to plain text first")
    header = read_header(original)
    named = read_file_name(file_name)
    if not header.kind_said and named.kind:
        header.kind = named.kind
    text = prepare(original)
    resolver = Resolver(store)
    place = header.region_name or (named.region if named.region and not named.region.isascii() else None)
    parser = Parser(text, resolver, scope_of(place, text.joined))
    notes: list[str] = []

    target = target_sentence(text, parser, header.target_year)
    limit = target[0] if target else len(text.joined)
    targets = target[3] if target else []
    actuals, summary_start = actual_sentences(text, parser, limit, frozenset(it.ind.id for it in targets),
                                              header.kind == "gwr")
    if not target:
        notes.append("no sentence of main targets (主要预期目标) found")
    if not actuals:
        notes.append("no summary sentence of last year's headline figures found")

    ay, ty, from_name = _years(header, text, target, actual_year, target_year, named)
    if from_name:
        notes.append(f"years {ay} and {ty} from the file's name; give --actual-year/--target-year to override")
    # | 2022年计划 | 2022年预计完成 |: a table of the year's results, in the review or with the targets (a
    # plan report's may come before the summary it sums up)
    start = 0 if header.kind == "plan" else summary_start
    actuals += results_table(text, parser, start, target[1] if target else len(text.joined), ay, actuals)
    rid, region_name, standin = _region(store, header, region, named)
    if region is None and not header.region_name:
        notes.append(f"region {rid} from the file's name; give --region ID to override")
    if standin and rid in store.regions:
        notes.append(f"region {region_name} is not in the store, and its id {rid} is the store's "
                     f"{store.regions[rid].name}: give --region ID to name it")
    elif standin:
        notes.append(f"region {region_name} has no readable id: using {rid}; give --region ID to name it")
    sid = source or (f"{rid}-{ty}-gwr" if header.kind == "gwr" else f"{rid}-{ay}-plan")

    if actual_year is None and target_year is None:
        actuals = [it for it in actuals if not of_other_year(text, it, ay)]
        targets = [it for it in targets if not of_other_year(text, it, ty)]
    records = _records([*actuals, *targets], text, summary_start, rid, sid, ay, ty)
    if every:
        records += _statement_records(text, parser, actuals, summary_start, target, records, rid, sid, ay, ty)
    new = [iid for iid in resolver.new if iid in {r["indicator"] for r in records}]
    indicators = _indicators(records, store, resolver)
    keep_new()  # the patterns this report first needed (compiled.py)
    return Extraction([{k: r[k] for k in KEYS} for r in records], new, rid, region_name, sid, ay, ty, header,
                      notes, indicators, store.regions.get(rid), standin, region or header.region_name)
