"""Never lose data: simultaneous writers, readers during writes, and writers killed mid-write."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import disk_full, killed_writer

from csplan.model import CsplanError
from csplan.store import check_text, load, update

ENV = {k: v for k, v in os.environ.items() if k != "CSPLAN_STORE"}


def csplan(*args) -> list[str]:
    return [sys.executable, "-m", "csplan", *map(str, args)]


def gdp_years(path: Path) -> dict[int, object]:
    return {f.year: f.value for f in load(path).figures if f.indicator == "gdp" and f.kind == "actual"}


def test_twenty_simultaneous_records_leave_twenty_figures(store_copy):
    before = load(store_copy)
    writers = [subprocess.Popen(csplan("--store", store_copy, "record", "gdp", 2001 + i, "--value", 1000 + i,
                                       "--growth", i),
                                env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for i in range(20)]
    readers_ok = 0
    while any(w.poll() is None for w in writers):
        out = subprocess.run(csplan("--store", store_copy, "list", "--format", "json"), env=ENV,
                             capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        json.loads(out.stdout)
        readers_ok += 1
    for w in writers:
        _, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
        *waited, done = err.splitlines()  # a writer kept waiting says so, once, before its result
        assert done.startswith("recorded actual gdp"), err
        assert len(waited) <= 1 and all("another writer" in line and "is writing it" in line for line in waited), err
    after = load(store_copy)
    assert len(after.figures) == len(before.figures) + 20
    years = gdp_years(store_copy)
    for i in range(20):
        assert years[2001 + i] == 1000 + i
    _, problems = check_text(store_copy.read_text(encoding="utf-8"), store_copy)
    assert problems == []


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from csplan.edit import add_figure, new_figure
    from csplan.store import update

    path, round_ = Path(sys.argv[1]), int(sys.argv[2])
    i = 0
    while True:
        year, value = 1950 + i % 70, round_ * 100000 + i
        update(path, lambda s: add_figure(s, new_figure(s, "actual", "gdp", year, value=str(value))))
        print(i, flush=True)
        i += 1
""")


def after_writes(state: dict, round_: int, k: int) -> dict:
    """The gdp values of 1950–2019 after the first k writes of WRITER's round `round_`."""
    state = dict(state)
    for i in range(k):
        state[1950 + i % 70] = round_ * 100000 + i
    return state


def test_a_writer_killed_at_any_moment_leaves_the_old_or_the_new_store(store_copy):
    """SIGKILL a process that writes as fast as it can, at random moments, many times: every time
    the store is valid and holds exactly the result of the writes before the kill, in order."""
    rng = random.Random(20241225)
    state: dict = {}
    kills = 0
    for round_ in range(1, 13):
        out, killed = killed_writer(WRITER, store_copy, round_, rng, ENV)
        kills += killed
        _, problems = check_text(store_copy.read_text(encoding="utf-8"), store_copy)
        assert problems == [], problems[:3]
        stored = {y: v for y, v in gdp_years(store_copy).items() if y < 2020}
        done = len(out.split())
        # Each printed number is a finished write; the write after the last one may have landed too.
        assert stored in (after_writes(state, round_, done), after_writes(state, round_, done + 1))
        state = stored
    assert kills == 12


def test_a_record_killed_at_any_moment_leaves_the_old_or_the_new_store(store_copy):
    rng = random.Random(5)
    old = store_copy.read_bytes()
    for n in range(10):
        proc = subprocess.Popen(csplan("--store", store_copy, "record", "gdp", 2030, "--value", 1200 + n),
                                env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, 0.8))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        text = store_copy.read_text(encoding="utf-8")
        _, problems = check_text(text, store_copy)
        assert problems == []
        value = gdp_years(store_copy).get(2030)
        assert value in (None, *range(1200, 1200 + n + 1))
        if value is None:
            assert store_copy.read_bytes() == old


def test_leftovers_of_a_killed_writer_are_cleared_by_the_next_write(store_copy):
    stale = store_copy.parent / f".{store_copy.name}.abc123.tmp"
    stale.write_text("half a store", encoding="utf-8")
    update(store_copy, lambda s: None)
    assert not stale.exists()


@pytest.mark.parametrize("broken", ["fsync", "replace", "write"])
def test_a_write_that_fails_midway_leaves_the_file_byte_identical(store_copy, monkeypatch, broken):
    from csplan.edit import add_figure, new_figure

    old = store_copy.read_bytes()

    disk_full(monkeypatch, broken)
    with pytest.raises(OSError):
        update(store_copy, lambda s: add_figure(s, new_figure(s, "actual", "gdp", 2030, value="1200")))
    monkeypatch.undo()
    assert store_copy.read_bytes() == old
    assert [p.name for p in store_copy.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_change_that_fails_leaves_the_file_byte_identical(store_copy):
    old = store_copy.read_bytes()

    def change(store):
        store.figures.clear()
        raise CsplanError("changed my mind")

    with pytest.raises(CsplanError):
        update(store_copy, change)
    assert store_copy.read_bytes() == old


def test_a_change_that_would_make_the_store_invalid_is_refused(store_copy):
    old = store_copy.read_bytes()

    def change(store):
        store.figures[0].region = "nowhere"
        return "done"

    with pytest.raises(CsplanError, match="unknown region 'nowhere'"):
        update(store_copy, change)
    assert store_copy.read_bytes() == old
