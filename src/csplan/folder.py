"""A store folder: one store kept as many TOML files, so that a change rewrites only what it touches.

    STORE/store.toml          schema = 1, then the [[regions]] and [[indicators]]
    STORE/sources/ID.toml     one report: its [[sources]] table (id = ID), then the
                              [[observations]] and [[targets]] it gives

Every file is in the canonical form of a one-file store and can be edited by hand; `csplan
validate` checks them as one store (see docs/store.md). This module knows the layout and how
files are replaced; the rules of what they hold are store.py's.

A change to one file is one atomic rename. A change to several is committed through a journal:
the new files are written beside the old ones and synced, the journal naming them is written
(atomically), the files are renamed into place and the journal removed. A writer killed before
the journal exists leaves the old store (and temporary files, which the next writer removes);
one killed after leaves the journal, and the next csplan that opens the store completes it
(`finish`). So the store is the old one or the new one, never a mix.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from .atomic import TEMP_SUFFIX, sync_folder, unlink, write_atomic, write_temporary

MAIN = "store.toml"
SOURCES = "sources"
JOURNAL = ".commit"
SUFFIX = ".toml"
SYNC_EACH = 16  # a commit of more files syncs them all at once


def is_folder(path: Path) -> bool:
    return path.is_dir()


def wants_folder(path: Path) -> bool:
    """Whether a new store at `path` is made as a folder: any name but a `.toml` file's."""
    return path.suffix.lower() != SUFFIX


def source_name(sid: str) -> str:
    """The file of a source, relative to the folder."""
    return f"{SOURCES}/{sid}{SUFFIX}"


def source_files(folder: Path) -> list[Path]:
    """The source files, in the order of their ids (hidden and temporary files are not ones)."""
    try:
        names = os.listdir(folder / SOURCES)
    except FileNotFoundError:
        return []
    files = [n for n in names if n.endswith(SUFFIX) and not n.startswith(".")]
    return [folder / SOURCES / n for n in sorted(files, key=lambda n: n[: -len(SUFFIX)])]


def signature(folder: Path) -> bytes:
    """What the cache knows a folder's state by: each file's name, size, times and inode. Any
    write changes the change time, which no program can set back, so an edit is always seen.
    (Not the folders' own times: taking the lock, or a temporary file, changes those.)"""
    parts = []
    for p in (folder / JOURNAL, folder / MAIN, *source_files(folder)):
        try:
            st = os.stat(p)
        except OSError:
            parts.append(f"{p.name}\0-\n")
            continue
        parts.append(f"{p.name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\n")
    return "".join(parts).encode("utf-8", "surrogateescape")


def commit(folder: Path, files: dict[str, bytes | None]) -> None:
    """Replace files of the folder all at once: relative name → new bytes, or None to remove it.
    The files are renamed in the order given (put additions before the files that use them)."""
    (folder / SOURCES).mkdir(exist_ok=True)
    if len(files) == 1:
        (name, data), = files.items()
        if data is not None:
            write_atomic(folder / name, data)
            return
    plan: dict[str, str | None] = {}
    each = len(files) <= SYNC_EACH  # else one sync of everything is quicker than a sync per file
    try:
        for name, data in files.items():
            plan[name] = None if data is None else os.path.basename(write_temporary(folder / name, data, sync=each))
        if not each:
            os.sync()
        write_atomic(folder / JOURNAL, json.dumps(plan, ensure_ascii=False, indent=0))
    except BaseException:
        for name, tmp in plan.items():
            if tmp is not None:
                unlink((folder / name).parent / tmp)
        raise
    finish(folder)


def pending(folder: Path) -> bool:
    """Whether a commit is under way, or was cut short (its journal is there)."""
    return os.path.lexists(folder / JOURNAL)


def finish(folder: Path) -> None:
    """Complete the commit the journal names, if one is there: rename the new files that are still
    waiting, remove the files it removes, then the journal. Only under the store's lock."""
    try:
        plan = json.loads((folder / JOURNAL).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    except (OSError, ValueError):  # written atomically by csplan; anything else is not its journal
        plan = {}
    touched = set()
    for name, tmp in plan.items() if isinstance(plan, dict) else ():
        if not _own_name(name) or (tmp is not None and not _temporary(tmp)):
            continue
        target = folder / name
        touched.add(target.parent)
        if tmp is None:
            unlink(target)
        elif os.path.lexists(target.parent / tmp):
            os.replace(target.parent / tmp, target)
    for d in touched:
        sync_folder(d)
    unlink(folder / JOURNAL)
    sync_folder(folder)


def remove_temporaries(folder: Path) -> None:
    """Temporary files a killed writer left; only under the lock, after `finish`."""
    for d in (folder, folder / SOURCES):
        try:
            names = os.listdir(d)
        except OSError:
            continue
        for n in names:
            if _temporary(n):
                unlink(d / n)


_TEMPORARY = re.compile(rf"\.[^/]+\.\w+{re.escape(TEMP_SUFFIX)}\Z", re.ASCII)
_OWN_NAME = re.compile(rf"({re.escape(MAIN)}|{SOURCES}/[A-Za-z0-9][A-Za-z0-9._-]*{re.escape(SUFFIX)})\Z")


def _temporary(name: str) -> bool:
    return bool(_TEMPORARY.match(name))


def _own_name(name) -> bool:
    return isinstance(name, str) and bool(_OWN_NAME.match(name)) and ".." not in name
