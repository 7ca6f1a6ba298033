"""Store folders: one store in many files, each rewritten only when a change touches it, and
every write still whole or not at all (simultaneous writers, writers killed, failing writes)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import disk_full, killed_writer

from csplan.edit import add_figure, new_figure
from csplan.folder import JOURNAL, MAIN, SOURCES
from csplan.locate import bundled_store
from csplan.model import CsplanError
from csplan.store import check_store, create, load, update

ENV = {k: v for k, v in os.environ.items() if k != "CSPLAN_STORE"}
SOURCE = "cangshan-2024-plan"


def csplan(*args) -> list[str]:
    return [sys.executable, "-m", "csplan", *map(str, args)]


def run(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(csplan(*args), env={**ENV, **(env or {})}, capture_output=True, text=True, timeout=120)


def files(folder: Path) -> dict[str, bytes]:
    """Every file of the folder but the lock, by relative name."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")}


@pytest.fixture
def folder(tmp_path) -> Path:
    """The bundled store as a store folder."""
    path = tmp_path / "store"
    create(path, load(bundled_store(), cache=False))
    return path


def gdp_years(path: Path) -> dict[int, object]:
    return {f.year: f.value for f in load(path).figures if f.indicator == "gdp" and f.kind == "actual"}


def test_a_folder_holds_the_same_store_as_the_file(folder):
    assert sorted(files(folder)) == sorted([MAIN, f"{SOURCES}/{SOURCE}.toml"])
    main = (folder / MAIN).read_text(encoding="utf-8")
    assert main.startswith("schema = 1\n") and "[[observations]]" not in main and "[[sources]]" not in main
    own = (folder / SOURCES / f"{SOURCE}.toml").read_text(encoding="utf-8")
    assert own.startswith(f'[[sources]]\nid = "{SOURCE}"\n') and "[[regions]]" not in own
    as_file = run("--store", bundled_store(), "list", "--format", "json")
    as_folder = run("--store", folder, "list", "--format", "json")
    assert as_folder.returncode == 0 and as_folder.stdout == as_file.stdout
    assert len(json.loads(as_folder.stdout)) == 148  # the figures of the Cangshan report
    out = run("--store", folder, "validate")
    assert out.returncode == 0 and "valid (1 source, 1 region" in out.stderr and "148 figures" in out.stderr
    assert run("--store", folder, "fmt", "--check").returncode == 0


def test_a_record_rewrites_only_the_file_of_its_source(folder):
    other = folder / SOURCES / "other-2025.toml"
    assert run("--store", folder, "source", "add", "other-2025", "--title", "另一份报告", "--date", "2025-01-10").returncode == 0
    before = files(folder)
    out = run("--store", folder, "record", "gdp", 2030, "--value", 1300, "--source", SOURCE, "--quote", "1300 亿元")
    assert out.returncode == 0, out.stderr
    after = files(folder)
    assert after[MAIN] == before[MAIN]
    assert after[str(other.relative_to(folder))] == before[str(other.relative_to(folder))]
    changed = after[f"{SOURCES}/{SOURCE}.toml"].decode()
    assert changed != before[f"{SOURCES}/{SOURCE}.toml"].decode() and "year = 2030\n" in changed
    cached = run("--store", folder, "show", "gdp", "--format", "json").stdout
    fresh = run("--store", folder, "show", "gdp", "--format", "json", env={"CSPLAN_NO_CACHE": "1"}).stdout
    assert cached == fresh and '"value": 1300' in cached
    assert run("--store", folder, "fmt", "--check").returncode == 0


def test_a_new_report_adds_its_file_and_its_indicators(folder, tmp_path):
    report = Path(__file__).parent / "fixtures" / "city-2024-plan-report-table.md"
    out = run("extract", report, "--apply", "--region", "city", "--store", folder)
    assert out.returncode == 0, out.stderr
    added = [n for n in files(folder) if n.startswith(f"{SOURCES}/") and n != f"{SOURCES}/{SOURCE}.toml"]
    assert len(added) == 1
    _, problems = check_store(folder)
    assert problems == []
    before = files(folder)
    again = run("extract", report, "--apply", "--region", "city", "--store", folder)
    assert again.returncode == 0, again.stderr
    assert files(folder) == before
    assert run("--store", folder, "fmt", "--check").returncode == 0


@pytest.mark.parametrize("args, message", [
    (("record", "gdp", 2030, "--value", "abc"), "not a number"),
    (("record", "gpd", 2030, "--value", 1), "gpd"),
    (("record", "gdp", 2030, "--value", 1, "--unit", "家"), "cannot measure"),
])
def test_bad_input_leaves_every_file_byte_identical(folder, args, message):
    before = files(folder)
    out = run("--store", folder, *args)
    assert out.returncode != 0 and message in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.splitlines()) == 1
    assert files(folder) == before


@pytest.mark.parametrize("edit, where, message", [
    (lambda t: t.replace('source = "cangshan-2024-plan"\nquote = "预计，全年地区生产总值',
                         'source = "elsewhere"\nquote = "预计，全年地区生产总值', 1), "cangshan-2024-plan.toml:",
     "unknown source 'elsewhere'"),
    (lambda t: t.replace('id = "cangshan-2024-plan"', 'id = "renamed"', 1), "cangshan-2024-plan.toml:",
     "has id = 'cangshan-2024-plan'"),
    (lambda t: t.replace('indicator = "gdp"', 'indicator = "gpd"', 1), "cangshan-2024-plan.toml:",
     "unknown indicator 'gpd'"),
    (lambda t: "schema = 1\n" + t, "cangshan-2024-plan.toml", "unknown key 'schema'"),
])
def test_a_hand_edited_source_file_is_checked_with_its_name_and_line(folder, edit, where, message):
    file = folder / SOURCES / f"{SOURCE}.toml"
    text = file.read_text(encoding="utf-8")
    file.write_text(edit(text), encoding="utf-8")
    out = run("--store", folder, "validate")
    assert out.returncode == 1
    assert where in out.stdout and message in out.stdout, out.stdout
    if ".toml:" in where:
        line = int(out.stdout.split(where, 1)[1].split(":", 1)[0])
        assert 1 <= line <= text.count("\n") + 1
    before = files(folder)
    bad = run("--store", folder, "record", "gdp", 2030, "--value", 1)
    assert bad.returncode != 0 and files(folder) == before


def test_a_folder_without_its_main_file_is_not_a_store(tmp_path):
    (tmp_path / "plain").mkdir()
    out = run("--store", tmp_path / "plain", "list")
    assert out.returncode == 3 and f"without {MAIN}" in out.stderr and len(out.stderr.splitlines()) == 1
    assert list((tmp_path / "plain").iterdir()) == []


def test_init_makes_a_folder_unless_the_name_ends_in_toml(tmp_path):
    assert run("--store", tmp_path / "new", "init").returncode == 0
    assert (tmp_path / "new" / MAIN).is_file() and (tmp_path / "new" / SOURCES).is_dir()
    assert run("--store", tmp_path / "new.toml", "init").returncode == 0
    assert (tmp_path / "new.toml").is_file()
    again = run("--store", tmp_path / "new", "init")
    assert again.returncode != 0 and "already exists" in again.stderr


def test_a_commit_cut_short_is_completed_by_the_next_reader(folder, monkeypatch):
    """A writer killed between writing its journal and renaming the files: the next csplan that
    reads the folder finishes the renames, so it sees the new store whole."""
    import csplan.folder as folder_module

    monkeypatch.setattr(folder_module, "finish", lambda path: None)  # the writer dies here
    update(folder, lambda s: (add_figure(s, new_figure(s, "actual", "gdp", 2031, value="1", source=SOURCE)),
                              s.indicators["gdp"].aliases.append("生产总量")))
    monkeypatch.undo()
    assert (folder / JOURNAL).exists()
    assert "生产总量" not in (folder / MAIN).read_text(encoding="utf-8")
    out = run("--store", folder, "show", "生产总量", "--format", "json")
    assert out.returncode == 0, out.stderr
    assert any(r["year"] == 2031 for r in json.loads(out.stdout))
    assert not (folder / JOURNAL).exists()
    assert not [n for n in files(folder) if n.endswith(".tmp")]
    assert check_store(folder)[1] == []


def test_twenty_simultaneous_records_leave_twenty_figures(folder):
    before = len(load(folder).figures)
    writers = [subprocess.Popen(csplan("--store", folder, "record", "gdp", 2001 + i, "--value", 1000 + i),
                                env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for i in range(20)]
    while any(w.poll() is None for w in writers):
        out = run("--store", folder, "list", "--format", "json")
        assert out.returncode == 0, out.stderr
        json.loads(out.stdout)
    for w in writers:
        _, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
    assert len(load(folder).figures) == before + 20
    years = gdp_years(folder)
    assert all(years[2001 + i] == 1000 + i for i in range(20))
    assert check_store(folder)[1] == []


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from csplan.edit import add_figure, new_figure
    from csplan.store import update

    path, round_ = Path(sys.argv[1]), int(sys.argv[2])
    i = 0
    while True:
        year, value = 1950 + i % 70, round_ * 100000 + i
        source = "cangshan-2024-plan" if i % 2 else "second"
        def change(s):
            if i % 3 == 0:  # a change of two files: store.toml and a source's
                s.indicators["gdp"].aliases = [*s.indicators["gdp"].aliases[:4], f"别名{round_}-{i}"]
            return add_figure(s, new_figure(s, "actual", "gdp", year, value=str(value), source=source))
        update(path, change)
        print(i, flush=True)
        i += 1
""")


def test_a_writer_killed_at_any_moment_leaves_the_old_or_the_new_store(folder):
    """SIGKILL a process that writes one or two files at a time as fast as it can, at random
    moments: every time, the store read afterwards is valid and holds exactly the writes before
    the kill, or those and the one under way."""
    assert run("--store", folder, "source", "add", "second", "--title", "第二份报告", "--date", "2025-01-11").returncode == 0
    rng = random.Random(20261202)
    state: dict = {}
    kills = 0
    for round_ in range(1, 11):
        out, killed = killed_writer(WRITER, folder, round_, rng, ENV)
        kills += killed
        store, problems = check_store(folder)  # completes a commit the kill cut short
        assert problems == [], problems[:3]
        stored: dict = {}
        for f in store.figures:
            if f.indicator == "gdp" and f.kind == "actual" and f.year < 2020:
                stored[(f.year, f.source)] = f.value
        done = len(out.split())
        expected = [dict(state), dict(state)]
        for k in range(done + 1):
            i = k
            key = (1950 + i % 70, SOURCE if i % 2 else "second")
            expected[1][key] = round_ * 100000 + i
            if k < done:
                expected[0][key] = round_ * 100000 + i
        assert stored in expected
        state = stored
    assert kills == 10


@pytest.mark.parametrize("broken", ["fsync", "replace", "write"])
def test_a_write_that_fails_midway_leaves_every_file_byte_identical(folder, monkeypatch, broken):
    before = files(folder)

    def change(s):
        s.indicators["gdp"].aliases.append("总量")  # two files: store.toml and the source's
        return add_figure(s, new_figure(s, "actual", "gdp", 2030, value="1200"))

    disk_full(monkeypatch, broken)
    with pytest.raises(OSError):
        update(folder, change)
    monkeypatch.undo()
    assert files(folder) == before
    assert check_store(folder)[1] == []


def test_a_change_that_would_make_the_store_invalid_is_refused(folder):
    before = files(folder)

    def change(store):
        store.figures[0].region = "nowhere"  # edited in place, not replaced
        return "done"

    with pytest.raises(CsplanError, match="unknown region 'nowhere'"):
        update(folder, change)
    assert files(folder) == before


def test_leftovers_of_a_killed_writer_are_cleared_by_the_next_write(folder):
    stale = folder / SOURCES / f".{SOURCE}.toml.abc123.tmp"
    stale.write_text("half a file", encoding="utf-8")
    update(folder, lambda s: None)
    assert not stale.exists()


def test_the_corpus_goes_into_a_new_folder_and_a_second_run_changes_no_file(tmp_path):
    from conftest import unavailable

    corpus = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    reports = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    if len(reports) != 23:
        unavailable(f"needs the 23 reports of ../shared/corpus beside this checkout ({corpus})")
    store = tmp_path / "corpus"
    out = run("extract", corpus, "--apply", "--store", store, "--format", "csv")
    assert out.returncode == 0, out.stderr
    assert out.stderr.splitlines()[-1].startswith("23 reports, 0 failed: added ")
    names = sorted(files(store))
    assert len([n for n in names if n.startswith(f"{SOURCES}/")]) == 23 and MAIN in names
    assert check_store(store)[1] == []
    before = files(store)
    again = run("extract", corpus, "--apply", "--store", store, "--format", "csv")
    assert again.returncode == 0 and " added 0 figures;" in again.stderr.splitlines()[-1]
    assert files(store) == before
    as_file = tmp_path / "corpus.toml"
    assert run("--store", store, "fmt", "--to", as_file).returncode == 0
    assert run("--store", as_file, "list", "--format", "json").stdout == \
        run("--store", store, "list", "--format", "json").stdout


def test_a_figure_edited_in_place_in_a_cached_store_is_written(folder):
    """A change that edits a figure it read (not through `put`, and without reading every figure)
    is still seen: the file and the cache both hold the edit."""
    load(folder)  # now in the cache: the next change reads only what it asks for

    def change(store):
        fig = next(f for f in store.figures_of("gdp") if f.metric == "value")
        fig.value = 1234
        return "edited"

    assert update(folder, change) == "edited"
    from_files = load(folder, cache=False)
    assert any(f.indicator == "gdp" and f.value == 1234 for f in from_files.figures)
    assert sorted(map(repr, load(folder).figures)) == sorted(map(repr, from_files.figures))


def test_figures_of_a_new_indicator_are_put_without_reading_every_figure(folder):
    """A write that brings a new indicator (as `extract --apply` of a report does) takes from the
    cache only what it changes; the cache written after it answers as the files do."""
    from csplan.cache import CachedStore
    from csplan.edit import apply_records

    load(folder)  # reads the files, and writes the cache
    assert isinstance(load(folder), CachedStore)
    seen = {}

    def change(store):
        seen["cached"] = isinstance(store, CachedStore)
        apply_records(store, [{"indicator": "new_parks", "name": "新建公园", "region": "cangshan", "year": 2024,
                               "kind": "actual", "metric": "value", "value": 5, "unit": "个", "qualifier": "exact",
                               "status": "reported", "source": SOURCE, "quote": "新建公园5个"}])
        seen["every figure read"] = store._all is not None

    update(folder, change)
    assert seen == {"cached": True, "every figure read": False}
    cached, fresh = load(folder), load(folder, cache=False)
    assert isinstance(cached, CachedStore)
    assert repr(cached.figures_of("new_parks")) == repr(fresh.figures_of("new_parks")) != "[]"
    assert cached.indicators == fresh.indicators
    assert sorted(map(repr, cached.figures)) == sorted(map(repr, fresh.figures))
