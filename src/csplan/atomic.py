"""Writing files so that a reader, or a crash, sees the old file or the new one, never a mix.

The one place that replaces a store's files: a temporary file beside the target, written whole,
synced, given the old file's owner and mode, then renamed over it.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def written(path: Path) -> Path:
    """The file a write to `path` replaces: through a symbolic link, the file it points to, so that
    the link stays a link and the lock and temporary file lie beside the real store."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def take_owner(fd: int, like: os.stat_result, mode: int) -> None:
    """Give the open file `fd` the owner and group of `like`, and `mode`, as far as the OS allows:
    only root may give a file away; a user may give it to a group of theirs."""
    st = os.fstat(fd)
    if (st.st_uid, st.st_gid) != (like.st_uid, like.st_gid):
        for uid in (like.st_uid, -1):
            try:
                os.fchown(fd, uid, like.st_gid)
                break
            except OSError:
                continue
    try:
        os.fchmod(fd, mode)  # after the owner: a change of owner clears the set-id bits
    except OSError:
        pass


def write_atomic(path: Path, text: str | bytes) -> None:
    """Replace `path` with `text` so that a reader, or a crash, sees the old file or the new.

    The new file keeps the old one's owner, group and mode where the OS allows (a new file gets
    0666 less the umask); through a symbolic link, the file it points to is replaced.
    """
    path = written(path)
    tmp = write_temporary(path, text)
    try:
        os.replace(tmp, path)
    except BaseException:
        unlink(tmp)
        raise
    sync_folder(path.parent)


def write_temporary(path: Path, text: str | bytes, sync: bool = True) -> str:
    """`text` written whole and synced to a new temporary file beside `path`, with the owner,
    group and mode `path` has (or a new file's): the file that a rename then puts in its place.
    With `sync` False the caller syncs it (many files at once: `os.sync`)."""
    import tempfile

    data = text if isinstance(text, bytes) else text.encode("utf-8")
    try:
        old: os.stat_result | None = os.stat(path)
    except OSError:
        old = None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            if old is not None:
                take_owner(fd, old, stat.S_IMODE(old.st_mode))
            else:
                os.fchmod(fd, 0o666 & ~umask())
            f.write(data)
            f.flush()
            if sync:
                os.fsync(f.fileno())
    except BaseException:
        unlink(tmp)
        raise
    return tmp


def sync_folder(folder: Path) -> None:
    """Make the renames in `folder` last; where the OS cannot, they last anyway."""
    try:
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def unlink(path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_stale_temporaries(path: Path) -> None:
    """Temporary files a killed writer left behind; only called under the lock, when no writer runs.

    Only the names `write_atomic` gives this store's temporary files: `.NAME.RANDOM.tmp`, where
    RANDOM holds no dot, so that those of a store whose name extends this one's (`NAME.x`, whose
    files are `.NAME.x.RANDOM.tmp`) never match.
    """
    import glob

    ours = re.compile(rf"\.{re.escape(path.name)}\.\w+{re.escape(TEMP_SUFFIX)}\Z", re.ASCII)
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*{TEMP_SUFFIX}"):
        if ours.match(tmp.name):
            unlink(tmp)
