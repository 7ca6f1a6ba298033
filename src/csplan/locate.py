"""Which store csplan reads and writes, and why.

As hledger reads `LEDGER_FILE` or `~/.hledger.journal`, the store is the first of:

1. the path given (`--store`, or `path=` in Python);
2. `$CSPLAN_STORE`;
3. the user's store, `$XDG_DATA_HOME/csplan/indicators.toml` (`~/.local/share/…` when unset),
   if it exists;
4. the bundled store, shipped inside the package and never written.

A write with no store chosen goes to the user's store; the first one copies the bundled store
there (`for_writing`), so the user's figures sit beside the report's and survive upgrades.
"""

from __future__ import annotations

import os
from typing import NamedTuple
from pathlib import Path

STORE_ENV = "CSPLAN_STORE"
ORIGINS = ("option", "env", "user", "bundled")


class Location(NamedTuple):
    """A store's path and which rule chose it (one of ORIGINS)."""

    path: Path
    origin: str

    @property
    def why(self) -> str:
        return {
            "option": "given with --store",
            "env": f"named by ${STORE_ENV}",
            "user": "the user's store (no --store, no $CSPLAN_STORE)",
            "bundled": "the bundled store, read-only (no --store, no $CSPLAN_STORE, no user's store yet; "
                       "the first write copies it to the user's store)",
        }[self.origin]


def bundled_store() -> Path:
    """The store shipped with csplan: inside the installed package, or in the checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "data" / "indicators.toml"
    if installed.is_file():
        return installed
    return here.parent.parent / "data" / "indicators.toml"


def user_store() -> Path:
    """`$XDG_DATA_HOME/csplan/indicators.toml`, or `~/.local/share/csplan/indicators.toml`."""
    base = os.environ.get("XDG_DATA_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "csplan" / "indicators.toml"


def locate(path: str | os.PathLike | None = None) -> Location:
    """The store to read: `path`, else $CSPLAN_STORE, else the user's store if it exists, else the
    bundled store."""
    if path is not None and str(path) != "":
        return Location(Path(path), "option")
    env = os.environ.get(STORE_ENV)
    if env:
        return Location(Path(env), "env")
    mine = user_store()
    if mine.exists():
        return Location(mine, "user")
    return Location(bundled_store(), "bundled")


def is_packaged(path: Path) -> bool:
    """Whether `path` is the bundled store inside an installed package (never written)."""
    packaged = Path(__file__).resolve().parent / "data" / "indicators.toml"
    try:
        return packaged.is_file() and Path(path).resolve() == packaged
    except OSError:
        return False


def for_writing(path: str | os.PathLike | None = None) -> tuple[Path, str | None]:
    """The store a change goes to, and a note when it had to be made first.

    With no store chosen, that is the user's store: the first write copies the bundled store
    there (under the store's lock, all or nothing). The bundled store of an installed package is
    never written, even when named.
    """
    from .store import StoreError

    loc = locate(path)
    if loc.origin != "bundled":
        if is_packaged(loc.path):
            raise StoreError(f"{loc.path}: the bundled store is read-only; write to your own store "
                             f"(leave out --store to use {user_store()})")
        return loc.path, None
    return copy_bundled(user_store())


def for_creating(path: str | os.PathLike | None = None) -> Path:
    """Where `csplan init` creates a store: the chosen store, else the user's store."""
    from .store import StoreError

    loc = locate(path)
    if loc.origin == "bundled":
        return user_store()
    if is_packaged(loc.path):
        raise StoreError(f"{loc.path}: the bundled store is read-only; create your own store elsewhere")
    return loc.path


def copy_bundled(dest: Path) -> tuple[Path, str | None]:
    """Copy the bundled store to `dest` unless a store is already there; (dest, note or None)."""
    from .store import StoreError, lock, read_bytes, write_atomic

    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"{dest.parent}: cannot create the folder of the user's store ({e.strerror})") from None
    with lock(dest):
        if dest.exists():
            return dest, None
        write_atomic(dest, read_bytes(bundled_store()))
    return dest, f"csplan: copied the bundled store to {dest}; changes go there from now on"
