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

Every store is cached, the bundled one too: its entry is read faster than its text is parsed.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .model import Figure, Indicator, Region, Source, Store

CACHE_FORMAT = 1
MAGIC = b"csplan-cache\n"
_DIGEST = 16

try:
    from _blake2 import blake2b  # the same function hashlib gives, without loading OpenSSL
except ImportError:  # pragma: no cover
    from hashlib import blake2b

if TYPE_CHECKING:
    import mmap


def digest(data) -> bytes:
    return blake2b(data, digest_size=_DIGEST).digest()


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
    """The cache entry of one store file, as it is now (`data` are the file's bytes)."""

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
            "mtime": st.st_mtime_ns,
            "hash": digest(data),
        }
        self.file = self.dir / (digest(real.encode("utf-8", "surrogateescape")).hex() + ".cache")

    @classmethod
    def for_file(cls, path: Path) -> Entry:
        """The entry of the file as it is now, hashed where it lies (mapped, not copied)."""
        import mmap

        try:
            with open(path, "rb") as f:
                if os.fstat(f.fileno()).st_mode & 0o444:
                    with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as view:
                        return cls(path, view)
        except (OSError, ValueError):
            pass
        return cls(path, b"", enabled=False)  # missing, unreadable, empty: the plain read reports it

    def load(self, rebuild: Callable[[], Store]) -> Store | None:
        """The cached store, or None when there is no valid entry for the file as it is.

        `rebuild()` reads the store from its text: the cached store calls it if a group of
        figures turns out to be damaged when it is read later.
        """
        if self.dir is None:
            return None
        try:
            return _read(self.file, self.key, rebuild)
        except Exception:  # a damaged entry is a miss, whatever it holds
            return None

    def save(self, store: Store) -> None:
        """Keep `store` (checked, read from the file's current bytes); failures are ignored."""
        if self.dir is None:
            return
        import tempfile

        tmp = None
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            payload = _encode(store)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.dir)
            with os.fdopen(fd, "wb") as f:
                f.write(_header(self.key, payload))
                for chunk in payload["chunks"]:
                    f.write(chunk)
            os.replace(tmp, self.file)
            tmp = None
        except OSError:
            pass
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass


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
        groups[n].append((f.kind, f.region, f.year, f.metric, f.qualifier, f.source, f.quote, f.value, f.unit,
                          f.growth, f.status))
    meta = marshal.dumps((
        store.schema,
        [tuple(getattr(s, k) for k in Source.__match_args__) for s in store.sources.values()],
        [tuple(getattr(r, k) for k in Region.__match_args__) for r in store.regions.values()],
        [tuple(getattr(i, k) for k in Indicator.__match_args__) for i in store.indicators.values()],
        ids,
        bytes(order) if len(ids) <= 256 else order,  # the indicator of each figure, in store order
    ))
    chunks = [meta] + [marshal.dumps(g) for g in groups]
    return {"chunks": chunks}


def _header(key: dict, payload: dict) -> bytes:
    places, at = [], 0
    for chunk in payload["chunks"]:
        places.append((at, len(chunk), digest(chunk)))
        at += len(chunk)
    header = marshal.dumps({**key, "blocks": places})
    return MAGIC + digest(header) + len(header).to_bytes(4, "big") + header


def _read(file: Path, key: dict, rebuild: Callable[[], Store]) -> Store | None:
    fd = os.open(file, os.O_RDONLY)
    owned = True  # until the blocks' reader takes the descriptor
    try:
        head = os.pread(fd, len(MAGIC) + _DIGEST + 4, 0)
        if len(head) != len(MAGIC) + _DIGEST + 4 or not head.startswith(MAGIC):
            return None
        want = head[len(MAGIC):len(MAGIC) + _DIGEST]
        size = int.from_bytes(head[-4:], "big")
        header = os.pread(fd, size, len(head))
        if len(header) != size or digest(header) != want:
            return None
        info = marshal.loads(header)
        if any(info.get(k) != v for k, v in key.items()):
            return None
        reader = _Blocks(fd, len(head) + size, info["blocks"])
        owned = False
        return CachedStore.open(reader, rebuild)
    finally:
        if owned:
            os.close(fd)


class _Blocks:
    def __init__(self, fd: int, start: int, places: list):
        self.fd, self.start, self.places = fd, start, places

    def get(self, n: int):
        at, length, want = self.places[n]
        data = os.pread(self.fd, length, self.start + at)
        if len(data) != length or digest(data) != want:
            raise ValueError(f"cache block {n} is damaged")
        return marshal.loads(data)

    def __del__(self):
        try:
            os.close(self.fd)
        except OSError:
            pass


class CachedStore(Store):
    """A store read from the cache: an indicator's figures are read when first asked for."""

    __slots__ = ("_all", "_blocks", "_ids", "_groups", "_order", "_rebuild")
    _all: list[Figure] | None  # every figure, once asked for
    _blocks: _Blocks
    _ids: list[str]  # indicator ids; the figures of _ids[n] are block n + 1
    _groups: dict[int, list[Figure]]  # the groups read so far
    _order: bytes | list[int]  # the group of each figure, in store order
    _rebuild: Callable[[], Store]

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
        return store

    def _group(self, n: int) -> list[Figure]:
        figs = self._groups.get(n)
        if figs is None:
            iid = self._ids[n]
            figs = self._groups[n] = [Figure(k, iid, *rest) for k, *rest in self._blocks.get(n + 1)]
        return figs

    def _from_text(self) -> list[Figure]:
        """Every figure read from the store's text, when the cache file was damaged after opening."""
        self._all = self._rebuild().figures
        return self._all

    @property
    def figures(self) -> list[Figure]:
        if self._all is None:
            try:
                groups = [iter(self._group(n)) for n in range(len(self._ids))]
                self._all = [next(groups[n]) for n in self._order]
            except Exception:
                return self._from_text()
        return self._all

    @figures.setter
    def figures(self, value: list[Figure] | None) -> None:
        self._all = value

    def figures_of(self, indicator: str) -> list[Figure]:
        figs = self._all
        if figs is not None:
            return [f for f in figs if f.indicator == indicator]
        if indicator not in self._ids:
            return []
        try:
            return list(self._group(self._ids.index(indicator)))
        except Exception:
            return [f for f in self._from_text() if f.indicator == indicator]
