"""A cache of checked stores, so that a large store is parsed and validated once per change.

A store of 100,000 figures is a 28 MB TOML file: reading and checking it takes over a second,
while a query about one indicator needs a few thousand figures. After a store has been read,
its checked contents are kept in one file under the user's cache directory
(`$CSPLAN_CACHE_DIR`, else `$XDG_CACHE_HOME/csplan`, else `~/.cache/csplan`; `CSPLAN_NO_CACHE=1`
turns it off):

- the key: the store's resolved path, size, modification time and a hash of its bytes, with
  csplan's version, the cache format and the Python that wrote it. Any difference and the
  entry is stale: the store is read from its text and the entry written anew. The store file
  is hashed where it lies (mapped, not copied) on every use, so an edit that keeps the size
  and time is still seen.
- the figures grouped by indicator, each group stored apart with its own digest, so
  `show ID` reads one group and leaves the other figures on disk; the rest is read only when
  something asks for every figure.
- digests over the header and every group: a truncated, damaged or foreign file is detected
  and ignored, never believed, so a cache can make csplan faster but never change an answer.
- written to a temporary file and renamed into place: a reader sees a whole entry or none,
  and two processes writing at once leave one whole entry.
- an answer for its owner alone: the folder is made 0700; an entry is read only if it is a
  regular file of the current user that no one else can write (opened without following links
  or waiting on a FIFO), and its digests are keyed with a secret kept in the folder (0600, made
  once, whole), so an entry planted by anyone who cannot read the secret is ignored and rebuilt.
- pruned on every write of an entry: entries not read for MAX_IDLE, temporary files left by
  killed writers (older than TEMP_AGE), then the least recently used entries while the entries
  take more than MAX_BYTES (the newest is always kept). Only this user's files are touched.

Every store is cached, the bundled one too: its entry is read faster than its text is parsed.
Other derived data may be kept beside the stores' entries under a name (`keep`, `read_kept`: the
extractor's compiled patterns), with the same checks, digests and pruning.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
import time
from collections.abc import Callable
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .model import Figure, Indicator, Region, Source, Store

CACHE_FORMAT = 2
MAGIC = b"csplan-cache\n"
_DIGEST = 16
SECRET = "secret"  # the key of the entries' digests, in the cache folder
_SECRET_BYTES = 32
_TEMP_PREFIX = ".csplan-"  # temporary files of entries and of the secret: .csplan-*.tmp
MAX_IDLE = 30 * 86400  # seconds: an entry not read or written for this long is removed
TOUCH_AFTER = 86400  # seconds: a read marks its entry as used at most this often
TEMP_AGE = 3600  # seconds: a temporary file this old was left by a killed writer
MAX_BYTES = 512 * 2**20  # the entries together, at most (the newest is kept whatever its size)
_OPEN = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC

try:
    from _blake2 import blake2b  # the same function hashlib gives, without loading OpenSSL
except ImportError:  # pragma: no cover
    from hashlib import blake2b

if TYPE_CHECKING:
    import mmap


def digest(data) -> bytes:
    return blake2b(data, digest_size=_DIGEST).digest()


def _keyed(secret: bytes) -> Callable[..., bytes]:
    """The digest of an entry's parts: only who can read the secret can make one that matches."""
    return lambda data: blake2b(data, digest_size=_DIGEST, key=secret).digest()


def _open_own(path: Path, others: int = 0o022) -> tuple[int, os.stat_result] | None:
    """`path` opened for reading if it can be believed: a regular file (not a link, FIFO or
    device; never waited on) owned by the current user, with none of the `others` mode bits
    (by default: no one else can write it)."""
    try:
        fd = os.open(path, _OPEN)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if stat.S_ISREG(st.st_mode) and st.st_uid == os.geteuid() and not st.st_mode & others:
            return fd, st
    except OSError:
        pass
    os.close(fd)
    return None


def _read_secret(path: Path) -> bytes | None:
    opened = _open_own(path, others=0o077)  # nobody else may read it either
    if opened is None:
        return None
    fd, _ = opened
    try:
        secret = os.read(fd, _SECRET_BYTES + 1)
    finally:
        os.close(fd)
    return secret if len(secret) == _SECRET_BYTES else None


def _secret(folder: Path, create: bool) -> bytes | None:
    """The folder's secret; with `create`, made when missing (or replaced when it cannot be
    believed): written whole to a temporary file and linked into place, so that two csplans
    starting at once agree on one secret."""
    path = folder / SECRET
    secret = _read_secret(path)
    if secret is not None or not create:
        return secret
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=folder)  # 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(os.urandom(_SECRET_BYTES))
        try:
            os.link(tmp, path)  # never over a secret another csplan has just made
        except FileExistsError:
            if _read_secret(path) is None:  # planted, damaged or readable by others
                os.replace(tmp, path)
        except OSError:  # a file system without hard links
            os.replace(tmp, path)
    finally:
        _unlink(tmp)  # gone already when it became the secret by a rename
    return _read_secret(path)


def _prune(folder: Path, keep: str) -> None:
    """Remove this user's entries idle for MAX_IDLE and temporary files older than TEMP_AGE,
    then the least recently used entries while they take more than MAX_BYTES; `keep` (the entry
    just written) stays. Other users' files and names csplan does not write are left alone."""
    now, uid = time.time(), os.geteuid()
    entries, total = [], 0
    with os.scandir(folder) as names:
        for e in names:
            try:
                st = e.stat(follow_symlinks=False)
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode) or st.st_uid != uid:
                continue
            name, age = e.name, now - st.st_mtime
            if len(name) == 2 * _DIGEST + 6 and name.endswith(".cache"):
                if age > MAX_IDLE and name != keep:
                    _unlink(e.path)
                    continue
                total += st.st_size
                if name != keep:
                    entries.append((st.st_mtime, st.st_size, e.path))
            elif name.startswith(_TEMP_PREFIX) and name.endswith(".tmp") and age > TEMP_AGE:
                _unlink(e.path)
    for _, size, path in sorted(entries):  # the least recently used first
        if total <= MAX_BYTES:
            break
        _unlink(path)
        total -= size


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def cache_dir() -> Path | None:
    """Where entries are kept; None when the cache is turned off."""
    if os.environ.get("CSPLAN_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("CSPLAN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "csplan"


def _shape() -> tuple:
    """The fields of the model classes: an entry written for other classes is stale."""
    return tuple(cls.__match_args__ for cls in (Source, Region, Indicator, Figure))


class Entry:
    """The cache entry of one store, as it is now (`data`: a file's bytes, a folder's signature)."""

    def __init__(self, path: Path, data: bytes | mmap.mmap, enabled: bool = True):
        self.dir = cache_dir() if enabled else None
        if self.dir is None:
            return
        real = os.path.realpath(path)
        try:
            st = os.stat(real)
        except OSError:
            self.dir = None
            return
        self.key = {
            "csplan": __version__,
            "format": CACHE_FORMAT,
            "python": sys.implementation.cache_tag,
            "shape": _shape(),
            "path": real,
            "size": len(data),
            "mtime": 0 if stat.S_ISDIR(st.st_mode) else st.st_mtime_ns,  # a folder's own time moves with its lock
            "hash": digest(data),
        }
        self.file = self.dir / (digest(real.encode("utf-8", "surrogateescape")).hex() + ".cache")

    @classmethod
    def for_file(cls, path: Path) -> Entry:
        """The entry of the file as it is now, hashed where it lies (mapped, not copied); of a
        store folder, as its files are now (folder.signature)."""
        import mmap

        if os.path.isdir(path):
            from .folder import signature

            return cls(path, signature(path))
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)  # a FIFO is not waited on
            with open(fd, "rb"):  # closes fd
                st = os.fstat(fd)
                if stat.S_ISREG(st.st_mode) and st.st_mode & 0o444:
                    with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as view:
                        return cls(path, view)
        except (OSError, ValueError):
            pass
        return cls(path, b"", enabled=False)  # missing, unreadable, empty, not a file: the plain read reports it

    def load(self, rebuild: Callable[[], Store]) -> Store | None:
        """The cached store, or None when there is no valid entry for the file as it is.

        `rebuild()` reads the store from its text: the cached store calls it if a group of
        figures turns out to be damaged when it is read later.
        """
        if self.dir is None:
            return None
        try:
            secret = _secret(self.dir, create=False)
            return None if secret is None else _read(self.file, self.key, _keyed(secret), rebuild)
        except Exception:  # a damaged entry is a miss, whatever it holds
            return None

    def save(self, store: Store) -> None:
        """Keep `store` (checked, read from the file's current bytes); failures are ignored."""
        if self.dir is None:
            return

        def parts(mac: Callable[..., bytes]) -> list[bytes]:
            payload = store.encode() if isinstance(store, CachedStore) else _encode(store)
            return [_header(self.key, payload, mac), *payload["chunks"]]

        _write_entry(self.dir, self.file, parts)


def _write_entry(folder: Path, file: Path, parts: Callable[[Callable[..., bytes]], list[bytes]]) -> None:
    """Write `file` in `folder` whole or not at all: `parts(mac)`, given the digest keyed with the
    folder's secret, to a temporary file renamed into place; then prune. Failures are ignored."""
    import tempfile

    tmp = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)  # an existing folder is left as it is
        secret = _secret(folder, create=True)
        if secret is None:
            return
        chunks = parts(_keyed(secret))
        fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=folder)  # 0600
        with os.fdopen(fd, "wb") as f:
            for chunk in chunks:
                f.write(chunk)
        os.replace(tmp, file)
        tmp = None
        _prune(folder, keep=file.name)
    except Exception:  # noqa: BLE001 — a cache that cannot be written is only slower, never an error
        pass
    finally:
        if tmp is not None:
            _unlink(tmp)


def _mark_used(fd: int, st: os.stat_result) -> None:
    """A read marks its entry as used (kept from pruning), at most every TOUCH_AFTER."""
    if time.time() - st.st_mtime > TOUCH_AFTER:
        try:
            os.utime(fd)
        except OSError:  # a read-only folder: still a valid entry
            pass


def _kept_file(folder: Path, name: str) -> Path:
    return folder / (digest(b"kept:" + name.encode("utf-8")).hex() + ".cache")


def read_kept(name: str, key: Any) -> Any:
    """What `keep(name, key, value)` kept, or None: when nothing was, when it was kept under
    another key, or when the file cannot be believed (the same checks as a store's entry)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        secret = _secret(folder, create=False)
        opened = None if secret is None else _open_own(_kept_file(folder, name))
        if secret is None or opened is None:
            return None
        fd, st = opened
        try:
            data = os.pread(fd, st.st_size, 0)
            _mark_used(fd, st)
        finally:
            os.close(fd)
        head = len(MAGIC) + _DIGEST
        if not data.startswith(MAGIC) or _keyed(secret)(data[head:]) != data[len(MAGIC):head]:
            return None
        stored_key, value = marshal.loads(data[head:])
        return value if stored_key == key else None
    except Exception:  # a damaged file is a miss, whatever it holds
        return None


def keep(name: str, key: Any, value: Any) -> None:
    """Keep `value` (anything marshal writes) under `name` and `key` in the cache folder, whole or
    not at all, pruned with the stores' entries; failures are ignored."""
    folder = cache_dir()
    if folder is None:
        return

    def parts(mac: Callable[..., bytes]) -> list[bytes]:
        body = marshal.dumps((key, value))
        return [MAGIC + mac(body), body]

    _write_entry(folder, _kept_file(folder, name), parts)


# --- the file: MAGIC, header digest, header length, header (marshal), then the blocks ---------


def _encode(store: Store) -> dict:
    """The blocks: one for sources, regions and indicators, one per indicator's figures."""
    ids = list(store.indicators)
    index = {iid: n for n, iid in enumerate(ids)}
    groups: list[list[tuple]] = [[] for _ in ids]
    order: list[int] = []
    for f in store.figures:
        n = index[f.indicator]
        order.append(n)
        groups[n].append(_row(f))
    chunks = [_meta(store, ids, order)] + [marshal.dumps(g) for g in groups]
    return {"chunks": chunks}


#: A figure as the cache holds it, in its indicator's group: every field but the indicator.
_row: Callable[[Figure], tuple] = attrgetter("kind", "region", "year", "metric", "qualifier", "source", "quote",
                                             "value", "unit", "growth", "status")


def _meta(store: Store, ids: list[str], order: list[int]) -> bytes:
    return marshal.dumps((
        store.schema,
        [tuple(getattr(s, k) for k in Source.__match_args__) for s in store.sources.values()],
        [tuple(getattr(r, k) for k in Region.__match_args__) for r in store.regions.values()],
        [tuple(getattr(i, k) for k in Indicator.__match_args__) for i in store.indicators.values()],
        ids,
        bytes(order) if len(ids) <= 256 else order,  # the indicator of each figure, in store order
    ))


def _header(key: dict, payload: dict, mac: Callable[..., bytes]) -> bytes:
    places, at = [], 0
    for chunk in payload["chunks"]:
        places.append((at, len(chunk), mac(chunk)))
        at += len(chunk)
    header = marshal.dumps({**key, "blocks": places})
    return MAGIC + mac(header) + len(header).to_bytes(4, "big") + header


def _read(file: Path, key: dict, mac: Callable[..., bytes], rebuild: Callable[[], Store]) -> Store | None:
    opened = _open_own(file)
    if opened is None:
        return None
    fd, st = opened
    owned = True  # until the blocks' reader takes the descriptor
    try:
        head = os.pread(fd, len(MAGIC) + _DIGEST + 4, 0)
        if len(head) != len(MAGIC) + _DIGEST + 4 or not head.startswith(MAGIC):
            return None
        want = head[len(MAGIC):len(MAGIC) + _DIGEST]
        size = int.from_bytes(head[-4:], "big")
        header = os.pread(fd, size, len(head))
        if len(header) != size or mac(header) != want:
            return None
        info = marshal.loads(header)
        if any(info.get(k) != v for k, v in key.items()):
            return None
        _mark_used(fd, st)
        reader = _Blocks(fd, len(head) + size, info["blocks"], mac)
        owned = False
        return CachedStore.open(reader, rebuild)
    finally:
        if owned:
            os.close(fd)


class _Blocks:
    def __init__(self, fd: int, start: int, places: list, mac: Callable[..., bytes]):
        self.fd, self.start, self.places, self.mac = fd, start, places, mac

    def get(self, n: int):
        return marshal.loads(self.raw(n))

    def raw(self, n: int) -> bytes:
        at, length, want = self.places[n]
        data = os.pread(self.fd, length, self.start + at)
        if len(data) != length or self.mac(data) != want:
            raise ValueError(f"cache block {n} is damaged")
        return data

    def __del__(self):
        try:
            os.close(self.fd)
        except OSError:
            pass


class CachedStore(Store):
    """A store read from the cache: an indicator's figures are read when first asked for.

    Until every figure is asked for, `put` changes only the group of the figure's indicator
    and keeps a log of what it did (`changes`), so that a writer of a store folder can tell
    which sources changed, and `save` rewrites only the groups that changed.
    """

    __slots__ = ("_all", "_blocks", "_ids", "_groups", "_order", "_rebuild", "_extra", "_log", "_at", "_read")
    _all: list[Figure] | None  # every figure, once asked for
    _blocks: _Blocks
    _ids: list[str]  # indicator ids; the figures of _ids[n] are block n + 1
    _groups: dict[int, list[Figure]]  # the groups read so far
    _order: bytes | list[int]  # the group of each figure, in store order
    _rebuild: Callable[[], Store]
    _extra: list[Figure]  # figures put since it was read, after those of _order
    _log: list[tuple[Figure | None, Figure]] | None  # (replaced or None, put), while _all is None
    _at: dict[str, dict[tuple, tuple[list[Figure], int]]]  # indicator → (source, key) → (its list, place)
    _read: dict[int, list[tuple]]  # each group's rows as the cache gave them, to tell an edit in place

    @classmethod
    def open(cls, blocks: _Blocks, rebuild: Callable[[], Store]) -> CachedStore:
        schema, sources, regions, indicators, ids, order = blocks.get(0)
        store = cls(
            {s[0]: Source(*s) for s in sources},
            {r[0]: Region(*r) for r in regions},
            {i[0]: Indicator(*i) for i in indicators},
            schema=schema,
        )
        store._all = None  # read from the blocks when first asked for
        store._blocks, store._ids, store._order = blocks, ids, order
        store._groups, store._rebuild = {}, rebuild
        store._extra, store._log, store._at, store._read = [], [], {}, {}
        return store

    def _group(self, n: int, keep: bool = True) -> list[Figure]:
        """The figures of group n, read once; with `keep`, its rows are kept too (see `changes`)."""
        figs = self._groups.get(n)
        if figs is None:
            iid = self._ids[n]
            rows = self._blocks.get(n + 1)
            if keep:
                self._read[n] = rows
            figs = self._groups[n] = [Figure(k, iid, *rest) for k, *rest in rows]
        return figs

    def _from_text(self) -> list[Figure]:
        """Every figure read from the store's text, when the cache file was damaged after opening."""
        self._all = self._rebuild().figures
        self._log = None
        return self._all

    @property
    def figures(self) -> list[Figure]:
        if self._all is None:
            try:
                groups = [iter(self._group(n, keep=False)) for n in range(len(self._ids))]
                self._all = [next(groups[n]) for n in self._order] + self._extra
            except Exception:
                return self._from_text()
            self._log, self._read = None, {}
        return self._all

    @figures.setter
    def figures(self, value: list[Figure] | None) -> None:
        self._all = value
        self._log = None

    def figures_of(self, indicator: str) -> list[Figure]:
        figs = self._all
        if figs is not None:
            return [f for f in figs if f.indicator == indicator]
        extra = [f for f in self._extra if f.indicator == indicator]
        if indicator not in self._ids:
            return extra
        try:
            return self._group(self._ids.index(indicator)) + extra
        except Exception:
            return [f for f in self._from_text() if f.indicator == indicator]

    def put(self, figure: Figure) -> Figure | None:
        if self._all is not None or self._log is None:
            return Store.put(self, figure)
        try:
            at = self._places(figure.indicator)
        except Exception:
            self._from_text()
            return Store.put(self, figure)
        place = at.get((figure.source, figure.key))
        if place is not None:
            figs, i = place
            old, figs[i] = figs[i], figure
            self._log.append((old, figure))
            return old
        at[figure.source, figure.key] = (self._extra, len(self._extra))
        self._extra.append(figure)
        self._log.append((None, figure))
        return None

    def _places(self, indicator: str) -> dict[tuple, tuple[list[Figure], int]]:
        """Where each figure of an indicator is, by source and key: `put` finds its figure at once."""
        at = self._at.get(indicator)
        if at is None:
            at = self._at[indicator] = {}
            if indicator in self._ids:  # else a new indicator: its figures are all put ones
                group = self._group(self._ids.index(indicator))
                at.update({(f.source, f.key): (group, i) for i, f in enumerate(group)})
            at.update({(f.source, f.key): (self._extra, i) for i, f in enumerate(self._extra)
                       if f.indicator == indicator})
        return at

    def changes(self) -> list[tuple[Figure | None, Figure]] | None:
        """What `put` did, in order, while no one asked for every figure and no figure read from
        the cache was edited in place; else None (then only a comparison of every figure tells)."""
        if self._all is not None or self._log is None:
            return None
        put = {id(new) for _, new in self._log}
        for n, figs in self._groups.items():
            if any(_row(f) != row for f, row in zip(figs, self._read[n], strict=True) if id(f) not in put):
                return None
        return self._log

    def encode(self) -> dict:
        """The blocks of an entry for this store as it is now: the groups no `put` touched are
        copied as they were read (checked by their digest), not decoded and encoded again."""
        if self._all is not None or self._log is None:
            return _encode(self)
        try:
            return self._encode_changed()
        except Exception:  # a block damaged since it was opened
            return _encode(self)

    def _encode_changed(self) -> dict:
        assert self._log is not None
        ids = self._ids + list(dict.fromkeys(f.indicator for f in self._extra if f.indicator not in self._ids))
        index = {iid: n for n, iid in enumerate(ids)}
        touched = {index[f.indicator] for pair in self._log for f in pair if f is not None}
        extra_rows: dict[int, list[tuple]] = {}
        order = list(self._order)
        for f in self._extra:
            extra_rows.setdefault(index[f.indicator], []).append(_row(f))
            order.append(index[f.indicator])
        chunks = [_meta(self, ids, order)]
        for n in range(len(ids)):
            if n not in touched:
                chunks.append(self._blocks.raw(n + 1))
            else:  # a group read and changed, or one of a new indicator (its figures are all put ones)
                read = [_row(f) for f in self._group(n)] if n < len(self._ids) else []
                chunks.append(marshal.dumps(read + extra_rows.get(n, [])))
        return {"chunks": chunks}
