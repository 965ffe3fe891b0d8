"""Write a dataset folder so that it appears complete or not at all.

Next to ``OUT`` (same parent, hence same filesystem) a build holds the lock ``.OUT.lock``
(``filelock``; a second build is refused at once with :class:`BuildLockedError`), writes into
``.OUT.building-<pid>-<token>``, fsyncs every file and folder, then swaps that folder into place:

- on Linux with ``renameat2(RENAME_EXCHANGE)`` the old and the new folder trade names in one
  atomic step, so ``OUT`` always exists and is always complete;
- elsewhere ``OUT`` is first renamed to ``.OUT.old-<pid>-<token>`` and the new folder renamed to
  ``OUT``; if a build is killed between the two renames, the next build restores the old folder.

A killed build leaves only such dot-folders behind; the next build (under the lock) removes them.
``OUT`` is replaced only if it is empty or holds a ``manifest.json`` (a dataset folder), so a
mistyped ``--out`` never deletes a user's folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import BuildError, BuildLockedError
from ..layout import MANIFEST

_BUILDING = "building"
_OLD = "old"


def lock_path(out: Path) -> Path:
    """The lock file of builds into ``out``."""
    return out.parent / f".{out.name}.lock"


def describe_os_error(exc: OSError, where: Path) -> str:
    """A one-line explanation of a filesystem failure, naming the usual causes."""
    hints = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.EROFS: "the filesystem is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "operation not permitted",
    }
    cause = hints.get(exc.errno or 0, exc.strerror or str(exc))
    return f"cannot write the dataset next to {where}: {cause} ({exc.filename or where})"


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Yield an empty temporary folder; on success it replaces ``out`` atomically."""
    out = Path(os.path.abspath(out))  # noqa: PTH100 - normalize '..' without resolving links
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(lock_path(out)), timeout=0)
        lock.acquire()
    except Timeout:
        raise BuildLockedError(
            f"another build is writing {out} (lock {lock_path(out)} is held); try again later"
        ) from None
    except OSError as exc:
        raise BuildError(describe_os_error(exc, out)) from None
    try:
        _recover(out)
        _check_replaceable(out)
        tmp = parent / f".{out.name}.{_BUILDING}-{os.getpid()}-{secrets.token_hex(4)}"
        try:
            tmp.mkdir()
        except OSError as exc:
            raise BuildError(describe_os_error(exc, out)) from None
        try:
            yield tmp
            _fsync_tree(tmp)
            _swap(tmp, out)
        except OSError as exc:
            raise BuildError(describe_os_error(exc, out)) from None
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    finally:
        lock.release()


def leftovers(out: Path) -> list[Path]:
    """Temporary folders that killed builds into ``out`` left behind."""
    out = Path(os.path.abspath(out))  # noqa: PTH100 - normalize '..' without resolving links
    prefixes = (f".{out.name}.{_BUILDING}-", f".{out.name}.{_OLD}-")
    if not out.parent.is_dir():
        return []
    return sorted(p for p in out.parent.iterdir() if p.name.startswith(prefixes))


def _recover(out: Path) -> None:
    """Restore an old folder a killed swap left aside, then remove every leftover."""
    stale = leftovers(out)
    olds = [p for p in stale if p.name.startswith(f".{out.name}.{_OLD}-")]
    if olds and not out.exists():
        olds[-1].rename(out)
    for path in leftovers(out):
        shutil.rmtree(path, ignore_errors=True)


def _check_replaceable(out: Path) -> None:
    if out.is_symlink():
        raise BuildError(f"refusing to replace {out}: it is a symbolic link")
    if not out.exists():
        return
    if not out.is_dir():
        raise BuildError(f"refusing to replace {out}: it is a file, not a dataset folder")
    if (out / MANIFEST).is_file() or not any(out.iterdir()):
        return
    raise BuildError(
        f"refusing to replace {out}: it is not empty and is not a dataset folder "
        f"(no {MANIFEST}); choose another --out or remove it"
    )


def _fsync_tree(root: Path) -> None:
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            fd = os.open(Path(dirpath, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(dirpath))


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with Linux ``renameat2``; False if unsupported here."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _swap(tmp: Path, out: Path) -> None:
    """Put ``tmp`` at ``out``; the old content of ``out`` ends up at ``tmp`` (then removed)."""
    if not out.exists():
        tmp.rename(out)
    elif not _exchange(tmp, out):
        aside = out.parent / f".{out.name}.{_OLD}-{os.getpid()}-{secrets.token_hex(4)}"
        out.rename(aside)
        tmp.rename(out)
        aside.rename(tmp)
    _fsync_dir(out.parent)
