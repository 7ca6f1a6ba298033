"""Faults around the one safe write: links, owners and modes, planted lock files, paths that are
not files, a neighbour's temporary files, and a writer stopped while it holds the lock. Each test
checks the bytes of the store (or of what a link points to) afterwards. A command that could hang
runs in its own process with a timeout."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from conftest import ctrl_c_as_a_terminal_gives_it, unavailable

from csplan.store import DEFAULT_WAIT, StoreError, load, lock, update

TIMEOUT = 120  # seconds; a command that hangs fails the test instead of stopping the suite
NOBODY = 65534


def environ(**extra: str) -> dict[str, str]:
    """The test's environment (its own cache and data folders), without a store or wait chosen."""
    return {**{k: v for k, v in os.environ.items() if k not in ("CSPLAN_STORE", "CSPLAN_WAIT")}, **extra}


def csplan(*args, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "csplan", *map(str, args)], env=environ(**(env or {})),
                          capture_output=True, text=True, timeout=TIMEOUT, **kw)


def record(store: Path, year: int, value: int, *options, **kw) -> subprocess.CompletedProcess:
    return csplan("--store", store, *options, "record", "gdp", year, "--value", value, **kw)


def one_error(p: subprocess.CompletedProcess, code: int = 3) -> str:
    assert p.returncode == code, (p.returncode, p.stderr)
    lines = p.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("csplan: "), p.stderr
    return lines[0]


def gdp(path: Path, year: int):
    return next((f.value for f in load(path, cache=False).figures
                 if f.indicator == "gdp" and f.kind == "actual" and f.year == year), None)


# --- links -----------------------------------------------------------------------------------


def test_a_write_through_a_linked_store_changes_the_file_it_points_to(store_copy, tmp_path):
    (tmp_path / "links").mkdir()
    link = tmp_path / "links" / "store.toml"
    link.symlink_to(os.path.relpath(store_copy, link.parent))
    p = record(link, 2030, 1500)
    assert p.returncode == 0, p.stderr
    assert p.stderr.startswith("recorded actual gdp 2030") and len(p.stderr.splitlines()) == 1
    assert link.is_symlink() and link.resolve() == store_copy.resolve()
    assert gdp(store_copy, 2030) == 1500
    # The lock and the temporary file lie beside the real store, shared with writers that name it.
    assert sorted(q.name for q in link.parent.iterdir()) == ["store.toml"]
    assert (store_copy.parent / f"{store_copy.name}.lock").is_file()


def test_init_through_a_dangling_link_creates_the_file_it_points_to(tmp_path):
    target = tmp_path / "real.toml"
    link = tmp_path / "link.toml"
    link.symlink_to(target.name)
    p = csplan("--store", link, "init")
    assert p.returncode == 0, p.stderr
    assert link.is_symlink() and target.is_file()
    assert load(target, cache=False).figures == []


# --- owner and mode --------------------------------------------------------------------------


def test_the_mode_of_the_store_is_kept(store_copy):
    store_copy.chmod(0o604)
    p = record(store_copy, 2030, 1500)
    assert p.returncode == 0, p.stderr
    assert gdp(store_copy, 2030) == 1500
    assert stat.S_IMODE(store_copy.stat().st_mode) == 0o604


def test_a_new_store_gets_the_umask_mode(tmp_path):
    old = os.umask(0o027)
    try:
        from csplan.model import Store
        from csplan.store import create

        create(tmp_path / "new.toml", Store())
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.toml").stat().st_mode) == 0o640


def _folder_of_nobody() -> Path:
    """A folder outside pytest's private tree (which another user cannot enter), owned by NOBODY."""
    if os.geteuid() != 0:
        unavailable("needs root, to write a store that another user owns")
    folder = Path(tempfile.mkdtemp(prefix="csplan-owner-"))
    folder.chmod(0o755)
    os.chown(folder, NOBODY, NOBODY)
    return folder


def as_nobody(store: Path, year: int, value: int) -> str:
    """Record a figure as user NOBODY, in a forked child (no new interpreter, which that user might
    not be allowed to run); "" on success, else the error."""
    from csplan.edit import add_figure, new_figure

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read)
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            update(store, lambda s: add_figure(s, new_figure(s, "actual", "gdp", year, value=str(value))),
                   cache=False)
            os._exit(0)
        except BaseException as e:
            os.write(write, f"{type(e).__name__}: {e}".encode())
            os._exit(1)
    os.close(write)
    with os.fdopen(read, "rb") as f:
        error = f.read().decode()
    os.waitpid(pid, 0)
    return error


def test_root_keeps_the_owner_group_and_mode_and_the_owner_can_still_write(bundled):
    folder = _folder_of_nobody()
    try:
        store = folder / "store.toml"
        store.write_bytes(bundled.read_bytes())
        os.chown(store, NOBODY, NOBODY)
        store.chmod(0o640)
        p = record(store, 2030, 1500)  # as root
        assert p.returncode == 0, p.stderr
        st = store.stat()
        assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (NOBODY, NOBODY, 0o640)
        lock_file = folder / "store.toml.lock"
        assert (lock_file.stat().st_uid, lock_file.stat().st_gid) == (NOBODY, NOBODY)
        # The owner writes next, through the lock root made.
        assert as_nobody(store, 2031, 1600) == ""
        assert (gdp(store, 2030), gdp(store, 2031)) == (1500, 1600)
        assert store.stat().st_uid == NOBODY
    finally:
        shutil.rmtree(folder)


def test_a_lock_file_another_user_left_does_not_keep_the_owner_out(bundled):
    """A lock file made by root before (root's, 0644: the owner may read it, not write it)."""
    folder = _folder_of_nobody()
    try:
        store = folder / "store.toml"
        store.write_bytes(bundled.read_bytes())
        os.chown(store, NOBODY, NOBODY)
        lock_file = folder / "store.toml.lock"
        lock_file.write_bytes(b"")
        lock_file.chmod(0o644)
        assert as_nobody(store, 2030, 1500) == ""
        assert gdp(store, 2030) == 1500
        assert store.stat().st_uid == NOBODY
    finally:
        shutil.rmtree(folder)


# --- planted lock files ----------------------------------------------------------------------


@pytest.mark.parametrize("victim_exists", [False, True])
def test_a_lock_file_planted_as_a_link_is_not_followed(store_copy, tmp_path, victim_exists):
    victim = tmp_path / "elsewhere" / "victim"
    victim.parent.mkdir()
    if victim_exists:
        victim.write_bytes(b"precious")
    (store_copy.parent / f"{store_copy.name}.lock").symlink_to(victim)
    old = store_copy.read_bytes()
    line = one_error(record(store_copy, 2030, 1500))
    assert "symbolic link" in line
    assert store_copy.read_bytes() == old
    assert (victim.read_bytes() == b"precious") if victim_exists else not victim.exists()


def test_a_lock_file_with_another_name_is_refused_and_left_alone(store_copy):
    """A hard link to another file in the lock's place: never truncated, never given away."""
    victim = store_copy.parent / "victim"
    victim.write_bytes(b"1")
    os.link(victim, store_copy.parent / f"{store_copy.name}.lock")
    old = store_copy.read_bytes()
    line = one_error(record(store_copy, 2030, 1500))
    assert "not a lock file csplan made" in line
    assert store_copy.read_bytes() == old
    assert victim.read_bytes() == b"1"


def test_a_lock_file_with_content_is_refused_and_left_alone(store_copy):
    planted = store_copy.parent / f"{store_copy.name}.lock"
    planted.write_bytes(b"not a process id, a whole document " * 4)
    old = store_copy.read_bytes()
    one_error(record(store_copy, 2030, 1500))
    assert store_copy.read_bytes() == old
    assert planted.read_bytes() == b"not a process id, a whole document " * 4


# --- paths that are not files ----------------------------------------------------------------


def _special(kind: str, tmp_path: Path) -> Path:
    if kind == "fifo":
        os.mkfifo(tmp_path / "fifo")
        return tmp_path / "fifo"
    if kind == "socket":
        path = tmp_path / "sock"
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(path))
        return path
    if kind == "directory":
        (tmp_path / "folder").mkdir()
        return tmp_path / "folder"
    return Path("/dev/zero" if kind == "device" else "/dev/null")


@pytest.mark.parametrize("kind", ["fifo", "device", "null", "socket", "directory"])
@pytest.mark.parametrize("command", [("record", "gdp", 2030, "--value", 1), ("list",), ("validate",), ("fmt",)])
def test_a_store_that_is_not_a_file_is_refused_at_once(tmp_path, kind, command):
    path = _special(kind, tmp_path)
    if not path.exists():
        unavailable(f"needs {path}")
    before = set(path.parent.iterdir())
    line = one_error(csplan("--store", path, *command))
    assert line.startswith(f"csplan: {path}: is a ") and "not a store file" in line
    assert set(path.parent.iterdir()) == before  # no lock file, no temporary file beside it


def test_a_linked_fifo_is_refused_too(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "store.toml").symlink_to("fifo")
    assert "named pipe" in one_error(record(tmp_path / "store.toml", 2030, 1))


# --- a neighbour's temporary files -----------------------------------------------------------


def test_a_store_whose_name_extends_this_ones_keeps_its_temporary_file(store_copy):
    """`p.toml` clears what its own killed writers left, never the in-flight file of `p.toml.x`."""
    name = store_copy.name
    neighbours = [store_copy.parent / f".{name}.x.abc123.tmp", store_copy.parent / f".{name}.x.tmp.abc123.tmp",
                  store_copy.parent / f".{name}.x.y.tmp"]
    stale = store_copy.parent / f".{name}.abc123.tmp"
    for f in (*neighbours, stale):
        f.write_bytes(b"half a store")
    assert record(store_copy, 2030, 1500).returncode == 0
    assert gdp(store_copy, 2030) == 1500
    assert not stale.exists()
    assert all(f.read_bytes() == b"half a store" for f in neighbours)


# --- a stopped writer ------------------------------------------------------------------------

HOLDER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from csplan.store import lock

    with lock(Path(sys.argv[1])):
        print("locked", flush=True)
        os.kill(os.getpid(), signal.SIGSTOP)
""")


@pytest.fixture
def stopped_writer(store_copy):
    """A writer that took the store's lock and was stopped (SIGSTOP) holding it."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(store_copy)], env=environ(), stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "locked\n"
        yield proc
    finally:
        proc.kill()
        proc.wait(timeout=TIMEOUT)


@pytest.mark.parametrize("how", ["option", "env"])
def test_a_writer_behind_a_stopped_one_says_so_once_and_gives_up(store_copy, stopped_writer, how):
    old = store_copy.read_bytes()
    if how == "option":
        p = record(store_copy, 2030, 1500, "--wait", "1")
    else:
        p = record(store_copy, 2030, 1500, env={"CSPLAN_WAIT": "0.5"})
    assert p.returncode == 3, p.stderr
    waiting, error = p.stderr.splitlines()  # exactly two lines: the wait, then the refusal
    assert waiting.startswith(f"csplan: {store_copy}: another writer (process {stopped_writer.pid}) is writing")
    assert error.startswith(f"csplan: {store_copy}: another writer (process {stopped_writer.pid}) still holds "
                            "the lock")
    assert store_copy.read_bytes() == old
    assert "Traceback" not in p.stderr


def test_ctrl_c_while_a_writer_waits_ends_it_with_one_line_and_130(store_copy, stopped_writer):
    """Interrupted once it says it waits (so surely inside csplan, whatever the machine's speed):
    exit 130, the wait's line and `csplan: interrupted`, the store unchanged."""
    import signal

    old = store_copy.read_bytes()
    p = subprocess.Popen([sys.executable, "-m", "csplan", "--store", str(store_copy), "record", "gdp", "2030",
                          "--value", "1500", "--wait", "60"], env=environ(), stderr=subprocess.PIPE, text=True,
                         preexec_fn=ctrl_c_as_a_terminal_gives_it)
    assert p.stderr is not None
    waiting = p.stderr.readline()
    assert "another writer" in waiting, waiting
    p.send_signal(signal.SIGINT)
    rest = p.stderr.read()
    assert (p.wait(timeout=TIMEOUT), rest) == (130, "csplan: interrupted\n")
    assert store_copy.read_bytes() == old


def test_a_write_through_a_link_waits_for_the_same_lock(store_copy, stopped_writer, tmp_path):
    link = tmp_path / "link.toml"
    link.symlink_to(store_copy)
    old = store_copy.read_bytes()
    assert record(link, 2030, 1500, "--wait", "0").returncode == 3
    assert store_copy.read_bytes() == old


@pytest.fixture
def deadline():
    """In-process calls that might wait for good raise instead after TIMEOUT seconds."""
    def expire(signum, frame):
        raise TimeoutError(f"still waiting after {TIMEOUT} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(TIMEOUT)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_the_library_waits_silently_and_says_whom_it_waited_for(store_copy, stopped_writer, capsys, deadline):
    import csplan

    old = store_copy.read_bytes()
    told = []
    with pytest.raises(StoreError, match=f"process {stopped_writer.pid}"):
        update(store_copy, lambda s: None, wait=0.2, on_wait=lambda path, pid: told.append((path, pid)))
    assert told == [(store_copy, stopped_writer.pid)]
    with pytest.raises(StoreError, match="still holds the lock"):
        csplan.update(lambda s: None, store_copy, wait=0)
    assert capsys.readouterr() == ("", "")
    assert store_copy.read_bytes() == old


def test_a_writer_that_finds_the_lock_free_says_nothing_and_leaves_it_empty(store_copy):
    with lock(store_copy):
        assert (store_copy.parent / f"{store_copy.name}.lock").read_text() == f"{os.getpid()}\n"
    assert (store_copy.parent / f"{store_copy.name}.lock").read_bytes() == b""
    p = record(store_copy, 2030, 1500, "--wait", "0")
    assert p.returncode == 0 and len(p.stderr.splitlines()) == 1, p.stderr


def test_the_help_states_the_default_wait():
    p = csplan("--help")
    assert f"default: {DEFAULT_WAIT:g}]" in " ".join(p.stdout.split())


def test_a_negative_wait_is_a_usage_error(store_copy):
    one_error(record(store_copy, 2030, 1, "--wait", "-1"), 2)

