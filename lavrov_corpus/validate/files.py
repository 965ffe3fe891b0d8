"""Files: the manifest, the files it lists (presence, size, sha256), strays, readable Parquet."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from pydantic import ValidationError

from ..layout import DATA_DIR, MANIFEST, table_file, table_path
from ..models import TABLES
from ..models.manifest import Manifest
from .codes import Code
from .context import Context

if TYPE_CHECKING:
    import pyarrow.parquet as pq


def sha256_file(path: Path) -> str:
    """sha256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _safe_relative(path: str) -> bool:
    p = PurePosixPath(path)
    parts_ok = all(x not in ("", ".", "..") for x in p.parts)
    return not p.is_absolute() and "\\" not in path and parts_ok


def load_manifest(ctx: Context) -> None:
    """Read and validate ``manifest.json`` into ``ctx.manifest``."""
    out = ctx.collector
    path = ctx.root / MANIFEST
    if not path.is_file():
        out.add(Code.MANIFEST_MISSING, f"{MANIFEST} not found", path=MANIFEST)
        return
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        out.add(Code.MANIFEST_INVALID, f"not JSON: {exc}", path=MANIFEST)
        return
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = ".".join(str(x) for x in err["loc"]) or None
            out.add(Code.MANIFEST_INVALID, err["msg"], field=loc, path=MANIFEST)
        return
    for i, entry in enumerate(manifest.files):
        if not _safe_relative(entry.path):
            out.add(
                Code.MANIFEST_INVALID,
                f"unsafe path {entry.path!r}",
                field=f"files.{i}.path",
                path=MANIFEST,
            )
    ctx.manifest = manifest


def _present_files(root: Path) -> list[str]:
    found = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if any(part.startswith(".") for part in PurePosixPath(rel).parts) or rel == MANIFEST:
            continue  # hidden files (.gitattributes, .cache) belong to git/the Hub, not to us
        if p.is_file():
            found.append(rel)
    return found


def check_files(ctx: Context) -> None:
    """Every listed file exists with its size and sha256; no unlisted files; tables exist."""
    out = ctx.collector
    listed: set[str] = set()
    missing: set[str] = set()
    if ctx.manifest is not None:
        for entry in ctx.manifest.files:
            if not _safe_relative(entry.path):
                continue
            listed.add(entry.path)
            path = ctx.root / entry.path
            if not path.is_file():
                missing.add(entry.path)
                out.add(Code.FILE_MISSING, "listed in the manifest but absent", path=entry.path)
                continue
            size = path.stat().st_size
            if size != entry.size:
                out.add(
                    Code.FILE_SIZE_MISMATCH,
                    f"size {size} != manifest {entry.size}",
                    path=entry.path,
                )
                if out.wants(Code.FILE_SIZE_MISMATCH):
                    continue  # a different size implies a different hash: say it once
            if out.wants(Code.FILE_CHECKSUM_MISMATCH):
                try:
                    digest = sha256_file(path)
                except OSError as exc:
                    out.add(Code.FILE_CHECKSUM_MISMATCH, f"unreadable: {exc}", path=entry.path)
                    continue
                if digest != entry.sha256:
                    out.add(
                        Code.FILE_CHECKSUM_MISMATCH,
                        f"sha256 {digest} != manifest {entry.sha256}",
                        path=entry.path,
                    )
    for table in TABLES:
        rel = table_file(table).as_posix()
        if rel not in missing and not table_path(ctx.root, table).is_file():
            out.add(Code.FILE_MISSING, f"table file of {table!r} is absent", table=table, path=rel)
    expected = {table_file(t).as_posix() for t in TABLES}
    for rel in _present_files(ctx.root):
        if ctx.manifest is not None:
            stray = rel not in listed
        else:  # without a manifest only data/ can be judged
            stray = rel.startswith(DATA_DIR + "/") and rel not in expected
        if stray:
            out.add(Code.UNEXPECTED_FILE, "not listed in the manifest", path=rel)


def open_tables(ctx: Context) -> None:
    """Open every table's Parquet file (its footer only); an unreadable file is a problem.

    The data is read later, batch by batch (:mod:`.stream`), and a garbled page found then is
    reported the same way.
    """
    import pyarrow.parquet as pq

    for table in TABLES:
        path = table_path(ctx.root, table)
        ctx.files[table] = None
        if not path.is_file():
            continue
        try:
            parquet = pq.ParquetFile(str(path))
            rows = parquet.metadata.num_rows
            parquet.schema_arrow  # noqa: B018 - a footer whose schema cannot be read is unreadable
        except Exception as exc:
            unreadable(ctx, table, exc)
            continue
        ctx.files[table] = parquet
        ctx.rows[table] = rows


def fresh_reader(
    ctx: Context, table: str, dictionaries: Collection[str] = ()
) -> pq.ParquetFile | None:
    """A new reader of ``table``'s open file (its footer not parsed again), for one pass.

    A ``ParquetFile`` keeps the buffers of the last pages it read for as long as it lives (about
    27 MB for a row group of article text): each pass reads through its own reader and drops it.
    ``dictionaries``: columns to read dictionary-encoded (as stored: no strings are built).
    """
    import pyarrow.parquet as pq

    parquet = ctx.files.get(table)
    if parquet is None:
        return None
    return pq.ParquetFile(
        str(table_path(ctx.root, table)),
        metadata=parquet.metadata,
        read_dictionary=list(dictionaries) or None,
    )


def unreadable(ctx: Context, table: str, exc: BaseException) -> None:
    """Report ``table``'s file as unreadable and stop using it."""
    ctx.collector.add(
        Code.PARQUET_UNREADABLE,
        f"cannot read Parquet: {type(exc).__name__}: {exc}",
        table=table,
        path=table_file(table).as_posix(),
    )
    ctx.files[table] = None
    ctx.rows.pop(table, None)
    ctx.usable.pop(table, None)
    ctx.kept.pop(table, None)
    ctx.key_hashes.pop(table, None)
    ctx.forget_ids(table)
