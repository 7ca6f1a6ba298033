"""The parse cache answers only for its owner, never hangs, and does not grow without end.

An entry below is forged the way another user could: the store's real key with a gdp 2024 of
999999 (the store says 1110), its digests made with or without the folder's secret. The first
test shows such a forgery is well made (with the secret, owned by the user and private, it is
believed); every other case takes one of those away and must print 1110.
"""

import os
import stat
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import unavailable

from csplan import cache
from csplan.cache import CachedStore
from csplan.store import load

OTHER_USER = 65534  # nobody


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("CSPLAN_CACHE_DIR", str(d))
    monkeypatch.delenv("CSPLAN_NO_CACHE", raising=False)
    return d


def entry_of(store: Path) -> Path:
    return cache.Entry(store, store.read_bytes()).file


def secret_of(cache_dir: Path) -> bytes:
    return (cache_dir / cache.SECRET).read_bytes()


def is_gdp_2024(f) -> bool:
    return (f.indicator, f.year, f.kind, f.metric) == ("gdp", 2024, "actual", "value")


def gdp_2024(store) -> set:
    return {f.value for f in store.figures_of("gdp") if is_gdp_2024(f)}


def forge(store: Path, mac) -> bytes:
    """An entry for the store as it is now, but with gdp 2024 = 999999, its digests made by `mac`."""
    forged = load(store, cache=False)
    forged.figures = [replace(f, value=999999) if is_gdp_2024(f) else f for f in forged.figures]
    payload = cache._encode(forged)
    key = cache.Entry(store, store.read_bytes()).key
    return cache._header(key, payload, mac) + b"".join(payload["chunks"])


def plant(at: Path, data: bytes, mode: int = 0o600, owner: int | None = None) -> None:
    tmp = at.with_name("planted")
    tmp.write_bytes(data)
    os.chmod(tmp, mode)
    if owner is not None:
        os.chown(tmp, owner, owner)
    os.replace(tmp, at)


def as_root() -> None:
    if os.geteuid() != 0:
        unavailable("needs root, to give a file to another user")


def csplan(store: Path, cache_dir: Path, *args: str) -> subprocess.CompletedProcess:
    """csplan as a person runs it; a hang fails the test instead of stopping the suite."""
    env = {k: v for k, v in os.environ.items() if k not in ("CSPLAN_STORE", "CSPLAN_NO_CACHE")}
    env["CSPLAN_CACHE_DIR"] = str(cache_dir)
    return subprocess.run([sys.executable, "-m", "csplan", "--store", str(store), *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=30, check=False)


def test_the_forgery_is_well_made_it_is_believed_only_with_every_check_passed(store_copy, cache_dir):
    load(store_copy)
    plant(entry_of(store_copy), forge(store_copy, cache._keyed(secret_of(cache_dir))))
    store = load(store_copy)
    assert isinstance(store, CachedStore) and gdp_2024(store) == {999999}


@pytest.mark.parametrize("how", ["unkeyed digests", "another key"])
def test_a_planted_entry_is_ignored_rebuilt_and_the_right_answer_printed(store_copy, cache_dir, how):
    assert csplan(store_copy, cache_dir, "value", "gdp", "2024").stdout == "1110\n"
    mac = cache.digest if how == "unkeyed digests" else cache._keyed(b"k" * 32)
    entry = entry_of(store_copy)
    plant(entry, forge(store_copy, mac))
    p = csplan(store_copy, cache_dir, "value", "gdp", "2024")
    assert (p.returncode, p.stdout) == (0, "1110\n"), p.stderr
    assert b"999999" not in entry.read_bytes()  # rebuilt
    store = load(store_copy)
    assert isinstance(store, CachedStore) and gdp_2024(store) == {1110}


@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666], ids=oct)
def test_an_entry_others_can_write_is_ignored(store_copy, cache_dir, mode):
    load(store_copy)
    plant(entry_of(store_copy), forge(store_copy, cache._keyed(secret_of(cache_dir))), mode=mode)
    store = load(store_copy)
    assert not isinstance(store, CachedStore) and gdp_2024(store) == {1110}


def test_an_entry_owned_by_another_user_is_ignored(store_copy, cache_dir):
    as_root()
    load(store_copy)
    plant(entry_of(store_copy), forge(store_copy, cache._keyed(secret_of(cache_dir))), owner=OTHER_USER)
    p = csplan(store_copy, cache_dir, "value", "gdp", "2024")
    assert (p.returncode, p.stdout) == (0, "1110\n"), p.stderr
    assert gdp_2024(load(store_copy)) == {1110}


def test_a_link_at_an_entrys_place_is_not_followed(store_copy, cache_dir, tmp_path):
    load(store_copy)
    elsewhere = tmp_path / "elsewhere.cache"
    plant(elsewhere, forge(store_copy, cache._keyed(secret_of(cache_dir))))
    entry = entry_of(store_copy)
    entry.unlink()
    entry.symlink_to(elsewhere)
    store = load(store_copy)
    assert not isinstance(store, CachedStore) and gdp_2024(store) == {1110}


@pytest.mark.parametrize("secret", ["another user's", "readable by others", "a link to a known key"])
def test_a_secret_that_is_not_the_users_alone_is_not_used_and_is_replaced(store_copy, cache_dir, tmp_path, secret):
    if secret == "another user's":
        as_root()
    load(store_copy)
    known = b"k" * 32
    at = cache_dir / cache.SECRET
    if secret == "another user's":
        plant(at, known, owner=OTHER_USER)
    elif secret == "readable by others":
        plant(at, known, mode=0o644)
    else:
        plant(tmp_path / "known", known)
        at.unlink()
        at.symlink_to(tmp_path / "known")
    plant(entry_of(store_copy), forge(store_copy, cache._keyed(known)))  # the user's own file, keyed by it
    p = csplan(store_copy, cache_dir, "value", "gdp", "2024")
    assert (p.returncode, p.stdout) == (0, "1110\n"), p.stderr
    st = os.lstat(at)
    assert stat.S_ISREG(st.st_mode) and st.st_uid == os.geteuid() and stat.S_IMODE(st.st_mode) == 0o600
    assert secret_of(cache_dir) != known
    store = load(store_copy)
    assert isinstance(store, CachedStore) and gdp_2024(store) == {1110}


@pytest.mark.parametrize("where", ["entry", "secret"])
def test_a_fifo_in_the_cache_does_not_hang_a_reader(store_copy, cache_dir, where):
    load(store_copy)
    at = entry_of(store_copy) if where == "entry" else cache_dir / cache.SECRET
    at.unlink()
    os.mkfifo(at, 0o600)
    p = csplan(store_copy, cache_dir, "value", "gdp", "2024")  # a reader that waited would time out
    assert (p.returncode, p.stdout) == (0, "1110\n"), p.stderr
    assert stat.S_ISREG(os.lstat(at).st_mode)  # replaced by a real entry (or secret)
    store = load(store_copy)
    assert isinstance(store, CachedStore) and gdp_2024(store) == {1110}


def test_the_folder_is_made_0700_and_the_secret_0600_whatever_the_umask(store_copy, tmp_path, monkeypatch):
    d = tmp_path / "deep" / "er" / "cache"
    monkeypatch.setenv("CSPLAN_CACHE_DIR", str(d))
    monkeypatch.delenv("CSPLAN_NO_CACHE", raising=False)
    old = os.umask(0)
    try:
        load(store_copy)
    finally:
        os.umask(old)
    assert stat.S_IMODE(d.stat().st_mode) == 0o700
    secret = d / cache.SECRET
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600 and len(secret.read_bytes()) == 32
    assert stat.S_IMODE(entry_of(store_copy).stat().st_mode) == 0o600
    before = secret.read_bytes()
    store_copy.write_bytes(store_copy.read_bytes().replace(b"value = 1110\n", b"value = 1111\n", 1))
    load(store_copy)
    assert secret.read_bytes() == before  # made once
    assert gdp_2024(load(store_copy)) == {1111}


def test_csplans_starting_at_once_agree_on_one_secret(store_copy, cache_dir):
    procs = [subprocess.Popen([sys.executable, "-m", "csplan", "--store", str(store_copy), "value", "gdp", "2024"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env={**os.environ, "CSPLAN_CACHE_DIR": str(cache_dir)}) for _ in range(8)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 and out == b"1110\n" for p, (out, _) in zip(procs, outs, strict=True)), outs
    assert sorted(os.listdir(cache_dir)) == sorted([entry_of(store_copy).name, cache.SECRET])
    assert isinstance(load(store_copy), CachedStore)  # the entry left is keyed by the secret left


def test_a_secret_another_csplan_has_just_made_is_kept(store_copy, cache_dir, monkeypatch):
    load(store_copy)
    theirs = secret_of(cache_dir)
    looks = iter(["before"])  # this csplan looked before the other one had made it

    def read_secret(path, real=cache._read_secret):
        return None if next(looks, "after") == "before" else real(path)

    monkeypatch.setattr(cache, "_read_secret", read_secret)
    assert cache._secret(cache_dir, create=True) == theirs == secret_of(cache_dir)
    assert [n for n in os.listdir(cache_dir) if n.endswith(".tmp")] == []


def copies(store: Path, n: int) -> list[Path]:
    """Stores at paths of one length, so that their entries have one size."""
    out = []
    for i in range(n):
        p = store.with_name(f"copy{i}.toml")
        p.write_bytes(store.read_bytes())
        out.append(p)
    return out


def age(path: Path, seconds: float) -> None:
    t = time.time() - seconds
    os.utime(path, (t, t), follow_symlinks=False)


def test_idle_entries_and_leftover_temporary_files_are_pruned_on_the_next_write(store_copy, cache_dir):
    used, idle, new = copies(store_copy, 3)
    load(used)
    load(idle)
    age(entry_of(used), cache.MAX_IDLE - 86400)
    age(entry_of(idle), cache.MAX_IDLE + 86400)
    leftover = cache_dir / f"{cache._TEMP_PREFIX}killed.tmp"
    in_flight = cache_dir / f"{cache._TEMP_PREFIX}writing.tmp"
    unknown = cache_dir / "notes.txt"
    for f in (leftover, in_flight, unknown):
        f.write_bytes(b"")
    age(leftover, cache.TEMP_AGE + 60)
    age(unknown, cache.MAX_IDLE + 86400)
    theirs = None
    if os.geteuid() == 0:
        theirs = cache_dir / ("f" * 32 + ".cache")  # shaped as an entry, but another user's
        plant(theirs, b"x", owner=OTHER_USER)
        age(theirs, cache.MAX_IDLE + 86400)
    load(new)
    left = set(os.listdir(cache_dir))
    assert entry_of(idle).name not in left and leftover.name not in left
    assert {entry_of(used).name, entry_of(new).name, in_flight.name, unknown.name, cache.SECRET} <= left
    if theirs is not None:
        assert theirs.name in left
    assert gdp_2024(load(idle)) == {1110}  # pruned only costs speed


def test_reading_an_entry_marks_it_used(store_copy, cache_dir):
    load(store_copy)
    entry = entry_of(store_copy)
    age(entry, cache.TOUCH_AFTER + 3600)
    assert isinstance(load(store_copy), CachedStore)
    assert time.time() - entry.stat().st_mtime < cache.TOUCH_AFTER


def test_the_folder_is_capped_least_recently_used_first(store_copy, cache_dir, monkeypatch):
    stores = copies(store_copy, 4)
    load(stores[0])
    size = entry_of(stores[0]).stat().st_size
    monkeypatch.setattr(cache, "MAX_BYTES", int(2.5 * size))
    for n, s in enumerate(stores):
        if n:
            load(s)
        age(entry_of(s), 1000 - n)  # written in order, one second apart
    left = {p.name for p in cache_dir.glob("*.cache")}
    assert left == {entry_of(stores[2]).name, entry_of(stores[3]).name}
    assert sum((cache_dir / n).stat().st_size for n in left) <= cache.MAX_BYTES
    assert [gdp_2024(load(s)) for s in stores] == [{1110}] * 4


def test_the_newest_entry_is_kept_even_above_the_cap(store_copy, cache_dir, monkeypatch):
    monkeypatch.setattr(cache, "MAX_BYTES", 1)
    first, second = copies(store_copy, 2)
    load(first)
    load(second)
    assert [p.name for p in cache_dir.glob("*.cache")] == [entry_of(second).name]
    assert isinstance(load(second), CachedStore)
