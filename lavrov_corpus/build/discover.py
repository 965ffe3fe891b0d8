"""Walk an input folder and classify every file in it, before anything is converted.

Rules (each file found gets exactly one :class:`InputFile`, hence one provenance row):

- The walk is deterministic: files are listed by their '/'-separated path relative to the input
  folder, sorted as strings. Hidden files and folders are *not* skipped: a ``.DS_Store`` is
  reported like any other file that is not an article (silently skipping files would make them
  vanish from the report).
- ``*.txt`` (any case) files are articles; a file named ``metadata.toml`` is a curated-metadata
  sidecar; anything else is rejected as ``unsupported-type`` and never opened.
- Symbolic links are resolved but never followed outside the input folder
  (``symlink-outside-input``). A link to a file inside the folder is read like that file; a link to
  a folder is not descended into (``unsupported-type``: it could loop). A broken link, a folder that
  cannot be listed and (later, when read) a file without read permission are ``unreadable``.
- Fifos, sockets and devices are ``unsupported-type`` and never opened (opening a fifo blocks).
- Files larger than :data:`MAX_FILE_BYTES` are ``too-large``, decided from ``stat`` alone.
- Sidecars are parsed here with ``tomllib`` (plain values only) and validated with
  :class:`~lavrov_corpus.models.sidecar.Sidecar`. A sidecar that is malformed, has unknown keys or
  bad dates, names a file twice, names a file that is not an article of the input folder, or
  describes a file another sidecar already describes, is rejected as a whole
  (``sidecar-invalid``, with the first problems in ``detail``); the articles it names are still
  built, without curated metadata.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..models import FileRole, RejectReason
from ..models.sidecar import SIDECAR_NAME, CuratedMetadata, Sidecar
from ..paths import display_path

#: Largest input file read, in bytes (10 MiB; real news articles are well under 1 MiB).
MAX_FILE_BYTES = 10 * 1024 * 1024
#: Suffix of article files (compared case-insensitively).
ARTICLE_SUFFIX = ".txt"


@dataclass(slots=True)
class InputFile:
    """One file of the input folder and what discovery decided about it."""

    path: str  #: relative to the input folder, '/'-separated
    abspath: str  #: what to open (the link itself for a symlink inside the folder)
    role: FileRole
    size: int | None = None
    sha256: str | None = None  #: known here only for sidecars
    reason: RejectReason | None = None  #: set when rejected before conversion
    detail: str | None = None
    metadata: CuratedMetadata | None = None  #: curated metadata applied to this article
    sidecar_path: str | None = None  #: the sidecar ``metadata`` comes from

    @property
    def is_candidate(self) -> bool:
        """An article file still to be read and converted."""
        return self.role is FileRole.ARTICLE and self.reason is None


@dataclass(slots=True)
class Discovery:
    """Every file of an input folder, sorted by path."""

    root: Path
    files: list[InputFile] = field(default_factory=list)

    def candidates(self) -> list[InputFile]:
        """Article files to convert, in path order."""
        return [f for f in self.files if f.is_candidate]


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _walk(root: str) -> Iterator[tuple[str, str, bool]]:
    """Yield ``(relative path, absolute path, listable)`` for every non-folder entry.

    A folder that cannot be listed is yielded once, with ``listable=False``.
    """
    stack = [""]
    while stack:
        rel = stack.pop()
        here = f"{root}/{rel}" if rel else root
        try:
            with os.scandir(here) as it:
                entries = list(it)
        except OSError:
            yield rel + "/", here, False
            continue
        for entry in entries:
            child = f"{rel}/{entry.name}" if rel else entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(child)
            else:
                yield child, entry.path, True


def _classify(rel: str, abspath: str, real_root: str) -> InputFile:
    name = rel.rsplit("/", 1)[-1]
    role = FileRole.SIDECAR if name == SIDECAR_NAME else FileRole.ARTICLE
    item = InputFile(path=display_path(rel), abspath=abspath, role=role)

    def reject(reason: RejectReason, detail: str) -> InputFile:
        item.reason, item.detail = reason, detail
        return item

    try:
        st = os.lstat(abspath)
        if stat.S_ISLNK(st.st_mode):
            target = os.path.realpath(abspath)
            if not _within(target, real_root):
                return reject(
                    RejectReason.SYMLINK_OUTSIDE,
                    "symbolic link to a path outside the input folder (not followed)",
                )
            try:
                st = os.stat(abspath)  # noqa: PTH116 - str paths: 100,000s of files
            except OSError as exc:
                return reject(RejectReason.UNREADABLE, f"broken symbolic link: {exc.strerror}")
            if stat.S_ISDIR(st.st_mode):
                return reject(
                    RejectReason.UNSUPPORTED_TYPE,
                    "symbolic link to a folder (folders behind links are not walked)",
                )
    except OSError as exc:
        return reject(RejectReason.UNREADABLE, f"cannot stat: {exc.strerror}")
    if not stat.S_ISREG(st.st_mode):
        return reject(RejectReason.UNSUPPORTED_TYPE, "not a regular file (fifo, socket or device)")
    item.size = st.st_size
    if role is FileRole.ARTICLE and not name.lower().endswith(ARTICLE_SUFFIX):
        suffix = Path(name).suffix or "(no extension)"
        return reject(
            RejectReason.UNSUPPORTED_TYPE,
            f"{suffix} files are not read: articles are {ARTICLE_SUFFIX} files",
        )
    if st.st_size > MAX_FILE_BYTES:
        return reject(
            RejectReason.TOO_LARGE,
            f"{st.st_size} bytes is over the limit of {MAX_FILE_BYTES} bytes",
        )
    return item


def discover(input_dir: Path) -> Discovery:
    """List and classify every file under ``input_dir`` and apply its sidecars."""
    root = os.path.abspath(input_dir)  # noqa: PTH100 - normalize '..' without resolving links
    real_root = os.path.realpath(root)
    found: list[InputFile] = []
    for rel, abspath, listable in _walk(root):
        if listable:
            found.append(_classify(rel, abspath, real_root))
        else:
            found.append(
                InputFile(
                    path=display_path(rel),
                    abspath=abspath,
                    role=FileRole.ARTICLE,
                    reason=RejectReason.UNREADABLE,
                    detail="folder cannot be listed: the files in it are unknown",
                )
            )
    files = sorted(found, key=lambda f: f.path)
    discovery = Discovery(root=Path(root), files=files)
    _apply_sidecars(discovery)
    return discovery


def _apply_sidecars(discovery: Discovery) -> None:
    articles = {
        f.path: f
        for f in discovery.files
        if f.role is FileRole.ARTICLE
        and f.reason not in (RejectReason.UNSUPPORTED_TYPE, RejectReason.SYMLINK_OUTSIDE)
        and f.path.lower().endswith(ARTICLE_SUFFIX)
    }
    claimed: dict[str, str] = {}  # article path -> sidecar path
    for sidecar in (f for f in discovery.files if f.role is FileRole.SIDECAR):
        if sidecar.reason is not None:
            continue
        entries = _read_sidecar(sidecar)
        if entries is None:
            continue
        folder = sidecar.path.rsplit("/", 1)[0] + "/" if "/" in sidecar.path else ""
        problems: list[str] = []
        targets: list[tuple[str, CuratedMetadata]] = []
        seen: set[str] = set()
        for i, entry in enumerate(entries):
            target = folder + entry.file
            if target in seen:
                problems.append(f"article[{i}].file: {entry.file!r} is described twice")
            elif target not in articles:
                problems.append(
                    f"article[{i}].file: {entry.file!r} is not a {ARTICLE_SUFFIX} article "
                    "of the input folder"
                )
            elif target in claimed:
                problems.append(
                    f"article[{i}].file: {entry.file!r} is already described by {claimed[target]}"
                )
            seen.add(target)
            targets.append((target, entry))
        if problems:
            _reject_sidecar(sidecar, problems)
            continue
        for target, entry in targets:
            claimed[target] = sidecar.path
            articles[target].metadata = entry
            articles[target].sidecar_path = sidecar.path


def _reject_sidecar(sidecar: InputFile, problems: list[str]) -> None:
    shown = "; ".join(problems[:5])
    more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
    sidecar.reason = RejectReason.SIDECAR_INVALID
    sidecar.detail = f"{shown}{more}; none of its entries were applied"


def _read_sidecar(sidecar: InputFile) -> list[CuratedMetadata] | None:
    """Parse and validate one sidecar; on any problem mark it rejected and return None."""
    try:
        with open(sidecar.abspath, "rb") as fh:  # noqa: PTH123 - a plain str path from the walk
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        sidecar.reason, sidecar.detail = RejectReason.UNREADABLE, f"cannot read: {exc.strerror}"
        return None
    sidecar.size = len(data)
    sidecar.sha256 = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")  # a BOM, as Notepad saves it, is no TOML error
    except UnicodeDecodeError as exc:
        _reject_sidecar(sidecar, [f"not valid UTF-8 at byte {exc.start}"])
        return None
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        _reject_sidecar(sidecar, [f"TOML syntax error: {exc}"])
        return None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        _reject_sidecar(sidecar, ["TOML nested too deeply to be read"])
        return None
    try:
        return Sidecar.model_validate(parsed).article
    except ValidationError as exc:
        _reject_sidecar(sidecar, [_error_text(e) for e in exc.errors(include_url=False)])
        return None


def _error_text(error: object) -> str:
    assert isinstance(error, dict)
    loc = ""
    for part in error.get("loc", ()):
        loc += f"[{part}]" if isinstance(part, int) else (f".{part}" if loc else str(part))
    msg = str(error.get("msg", "invalid"))
    if error.get("type") == "extra_forbidden":
        msg = "unknown key"
    return f"{loc or '(top level)'}: {msg}"
