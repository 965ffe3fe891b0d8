"""Sources (``--sources DIR``): provenance sizes and sha256 against the raw files, and the byte
ranges of article segments and quotes against the text they claim to be.

Nothing is held for the whole corpus: each provenance file is read and hashed on its own; then
articles and quotes are read batch by batch and each source file is read again when an article
(or a run of quotes of one article) needs it. The per-row work is a Python loop over segments and
quotes of the articles whose file is present, cheap next to reading the files.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..extract.decode import decode_span
from .codes import Code
from .context import Context, compute, index_names, release_memory
from .stream import read_batches

_SPACE = re.compile(r"\s+")
#: Source files kept in memory at once while checking quotes (quotes come in article order).
_BLOBS = 4
#: Decoded bytes per batch: these checks turn rows into Python objects (several times larger).
_BATCH_BYTES = 2 << 20
_BATCH_ROWS = 10_000


def _squash(text: str) -> str:
    # Hard-wrapped lines are joined with one space in articles.text: compare modulo whitespace.
    return _SPACE.sub(" ", text).strip()


def _check_file(
    ctx: Context,
    sources: Path,
    row: int,
    rel: str,
    sha: str,
    size: int | None,
    verified: dict[str, str],
    index: dict[str, str],
) -> None:
    """One provenance row against its file: present, size, sha256."""
    out = ctx.collector
    name = index.get(rel)
    if name is None:  # the index holds only files inside the sources folder
        out.add(
            Code.SOURCE_MISSING,
            f"{rel} not found in {sources}",
            table="provenance",
            row=row,
            field="path",
            path=rel,
        )
        return
    try:
        data = _read(sources, name)
    except OSError as exc:
        out.add(
            Code.SOURCE_MISSING,
            f"unreadable: {exc}",
            table="provenance",
            row=row,
            field="path",
            path=rel,
        )
        return
    if size is not None and len(data) != size:
        out.add(
            Code.SOURCE_SIZE_MISMATCH,
            f"file has {len(data)} bytes, provenance {size}",
            table="provenance",
            row=row,
            field="size",
            path=rel,
        )
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha:
        out.add(
            Code.SOURCE_CHECKSUM_MISMATCH,
            f"file sha256 {digest}",
            table="provenance",
            row=row,
            field="sha256",
            path=rel,
        )
    else:
        verified[sha] = rel  # its name, not a Path: 100,000 Paths held tens of MB


def check_sources(ctx: Context, sources: Path) -> None:
    """Every provenance file against ``sources``; segments and quotes against its bytes."""
    out = ctx.collector
    paths = ctx.ref("provenance", "path")
    shas = ctx.ref("provenance", "sha256")
    sizes = ctx.ref("provenance", "size")
    if paths is None or shas is None or sizes is None:
        return
    verified: dict[str, str] = {}  # sha256 -> the name of a source file matching provenance
    index = ctx.source_index() if sources == ctx.sources else index_names(sources)
    for first in range(0, len(paths), _BATCH_ROWS):  # Python lists of one slice at a time
        rows = zip(
            *(c.slice(first, _BATCH_ROWS).to_pylist() for c in (paths, shas, sizes)), strict=True
        )
        for row, (rel, sha, size) in enumerate(rows, start=first):
            if rel is None or sha is None:
                continue  # unreadable inputs have no hash to check
            _check_file(ctx, sources, row, rel, sha, size, verified, index)
    if out.wants(Code.SOURCE_SPAN_MISMATCH):
        blobs = _Blobs(sources, index, verified)
        release_memory()
        encodings = _article_segments(ctx, blobs)
        _quote_bytes(ctx, blobs, encodings)
        release_memory()


def _read(folder: Path, name: str) -> bytes:
    """The bytes of ``folder/name`` (a name from :func:`index_names`)."""
    # os.path and a raw file, not Path.read_bytes: building a Path per read cost more than the
    # read itself; each source file is read up to three times.
    with open(os.path.join(folder, name), "rb", buffering=0) as fh:  # noqa: PTH118, PTH123
        return fh.readall()


class _Blobs:
    """Bytes of verified source files by sha256, the last few kept (a file can change on disk
    after it was hashed: it is re-hashed on each read)."""

    def __init__(self, sources: Path, index: dict[str, str], files: dict[str, str]) -> None:
        self.sources, self.index, self.files = sources, index, files
        self._recent: OrderedDict[str, bytes | None] = OrderedDict()

    def get(self, sha: str | None) -> bytes | None:
        if sha is None or sha not in self.files:
            return None
        if sha in self._recent:
            self._recent.move_to_end(sha)
            return self._recent[sha]
        try:
            data: bytes | None = _read(self.sources, self.index[self.files[sha]])
        except OSError:
            data = None
        if data is not None and hashlib.sha256(data).hexdigest() != sha:
            data = None
        self._recent[sha] = data
        while len(self._recent) > _BLOBS:
            self._recent.popitem(last=False)
        return data


def _decode(data: bytes, start: int, end: int, encoding: str) -> str | None:
    if not 0 <= start <= end <= len(data):
        return None
    try:
        return decode_span(data[start:end], encoding)
    except (LookupError, UnicodeDecodeError, ValueError):
        return None


def _batch_blobs(blobs: _Blobs, shas: Any) -> tuple[dict[str, bytes | None], Any, dict[str, int]]:
    """Source bytes of each distinct sha256 of ``shas`` (an Arrow column), joined in one buffer.

    Returns (sha -> bytes or None, the joined buffer as uint8, sha -> its start in it).
    """
    import numpy as np

    pc = compute()

    got: dict[str, bytes | None] = {}
    where: dict[str, int] = {}
    parts: list[bytes] = []
    at = 0
    for sha in pc.unique(shas.drop_null()).to_pylist():
        data = got[sha] = blobs.get(sha)
        if data is not None:
            where[sha] = at
            parts.append(data)
            at += len(data)
    joined = np.frombuffer(b"".join(parts), dtype=np.uint8) if parts else np.zeros(1, np.uint8)
    return got, joined, where


def _equal_bytes(
    joined: Any, b_start: Any, b_end: Any, other: Any, o_start: Any, o_end: Any
) -> Any:
    """Mask: ``joined[b_start:b_end] == other[o_start:o_end]`` (byte ranges of two buffers)."""
    import numpy as np
    import pyarrow as pa

    pc = compute()

    from ._slices import _views

    def view(data: Any, start: Any, end: Any) -> Any:
        lengths = (end - start).astype(np.int64)
        views: Any = _views(data, start.astype(np.int64), lengths)
        buffers: list[Any] = [None, pa.py_buffer(views), pa.py_buffer(data)]
        return pa.Array.from_buffers(pa.binary_view(), len(lengths), buffers)

    if not len(b_start):
        return np.zeros(0, dtype=bool)
    same = pc.equal(view(joined, b_start, b_end), view(other, o_start, o_end))
    return np.asarray(same.to_numpy(zero_copy_only=False), dtype=bool)


def _article_segments(ctx: Context, blobs: _Blobs) -> dict[str, str]:
    """Check each article's source_map; return source sha256 -> encoding.

    UTF-8 sources are compared byte for byte, vectorized (a byte range decodes to a slice of the
    text exactly when the range's bytes equal the slice's UTF-8 bytes); only the articles with
    a segment that differs, or in another encoding, or with unusual offsets, are checked one by
    one in Python (which words the report).
    """
    import numpy as np
    import pyarrow as pa

    pc = compute()

    from ._slices import SliceSource

    encodings: dict[str, str] = {}
    cols = ["text", "source_sha256", "source_encoding", "source_map"]
    if not all(c in ctx.usable.get("articles", {}) for c in cols):
        return encodings
    for offset, batch in read_batches(ctx, "articles", cols, batch_bytes=_BATCH_BYTES):
        if batch.column_names != cols:
            return encodings  # a column stopped casting: reported by the schema check
        text, sha, enc, smap = (ctx_column(batch, c) for c in cols)
        usable = pc.and_(sha.is_valid(), enc.is_valid())
        other = pc.and_(usable, pc.not_equal(enc, "utf-8"))
        if pc.any(other).as_py():  # quotes assume utf-8 otherwise: no entry per article
            for s_, e_ in zip(
                sha.filter(other).to_pylist(), enc.filter(other).to_pylist(), strict=True
            ):
                encodings[s_] = e_
        todo = pc.and_(
            pc.and_(usable, text.is_valid()),
            pc.fill_null(pc.greater(pc.list_value_length(smap), 0), False),
        )
        rows = np.flatnonzero(np.asarray(todo.to_numpy(zero_copy_only=False), dtype=bool))
        if not len(rows):
            continue
        release_memory()  # the last batch's buffers, before this one's files are read
        got, joined, where = _batch_blobs(blobs, sha.take(pa.array(rows)))
        sizes = {k: len(v) for k, v in got.items() if v is not None}
        slow = _segments_fast(text, sha, enc, smap, rows, joined, where, sizes, SliceSource)
        if not len(slow):
            continue
        part = [batch.column(c).take(pa.array(slow)).to_pylist() for c in cols]
        for i, (t, h, e, segments) in zip(slow.tolist(), zip(*part, strict=True), strict=True):
            blob = got.get(h)
            if blob is not None:
                _segments_slow(ctx, offset + i, t, e, segments, blob)
    return encodings


def ctx_column(batch: Any, name: str) -> Any:
    """One column of a batch as a single Array."""
    column = batch.column(name)
    return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()


def _segments_fast(
    text: Any,
    sha: Any,
    enc: Any,
    smap: Any,
    rows: Any,
    joined: Any,
    where: dict[str, int],
    sizes: dict[str, int],
    slice_source: Any,
) -> Any:
    """Rows among ``rows`` (whose source file is present) not proven right by a byte compare."""
    import numpy as np
    import pyarrow as pa

    pc = compute()

    sub = smap.take(pa.array(rows))
    parent = rows[np.asarray(pc.list_parent_indices(sub).to_numpy(zero_copy_only=False))]
    flat = pc.list_flatten(sub)
    fields = ("text_start", "text_end", "byte_start", "byte_end")
    parts = [pc.struct_field(flat, f) for f in fields]
    shas = sha.to_pylist()
    base = np.array([where.get(shas[r], -1) for r in range(len(shas))], dtype=np.int64)
    utf8 = np.asarray(
        pc.fill_null(pc.equal(enc, "utf-8"), False).to_numpy(zero_copy_only=False), dtype=bool
    )
    present = base >= 0
    has_blob = present[rows]
    ok = np.asarray(flat.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    for part in parts:
        ok &= np.asarray(part.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    ts, te, bs, be = (
        np.asarray(p.fill_null(0).to_numpy(zero_copy_only=False), np.int64) for p in parts
    )
    source = slice_source(text)
    size = np.array([sizes.get(h, -1) for h in shas], dtype=np.int64)
    normal = ok & utf8[parent] & (ts >= 0) & (ts <= te) & (te <= source.n_cp[parent])
    normal &= (bs >= 0) & (bs <= be) & (be <= size[parent])
    idx = np.flatnonzero(normal)
    same = np.zeros(len(parent), dtype=bool)
    if len(idx):
        p_ = parent[idx]
        tb_s, tb_e = source.to_byte(p_, ts[idx]), source.to_byte(p_, te[idx])
        same[idx] = _equal_bytes(
            joined, base[p_] + bs[idx], base[p_] + be[idx], source.data, tb_s, tb_e
        )
    # a segment with a null field is skipped by the check: it is as good as proven
    proven = same | ~ok
    bad_rows = np.unique(parent[~proven])
    return bad_rows[has_blob[np.searchsorted(rows, bad_rows)]]


def _segments_slow(
    ctx: Context, row: int, text: str, enc: str, segments: list[Any], blob: bytes
) -> None:
    for k, seg in enumerate(segments):
        if seg is None or None in seg.values():
            continue
        got = _decode(blob, seg["byte_start"], seg["byte_end"], enc)
        want = text[seg["text_start"] : seg["text_end"]]
        if got != want:
            ctx.collector.add(
                Code.SOURCE_SPAN_MISMATCH,
                f"segment {k}: source bytes [{seg['byte_start']}:{seg['byte_end']}] "
                f"decode to {got!r:.60}, text has {want!r:.60}",
                table="articles",
                row=row,
                field="source_map",
            )


def _quote_bytes(ctx: Context, blobs: _Blobs, encodings: dict[str, str]) -> None:
    """Quotes' source byte ranges against their files: UTF-8 files byte for byte, vectorized;
    the quotes that differ (hard-wrapped lines, other encodings) one by one in Python."""
    import numpy as np
    import pyarrow as pa

    pc = compute()

    cols = ["text", "source_sha256", "source_byte_start", "source_byte_end"]
    if not all(c in ctx.usable.get("quotes", {}) for c in cols):
        return
    for offset, batch in read_batches(ctx, "quotes", cols, batch_bytes=_BATCH_BYTES):
        if batch.column_names != cols:
            return
        text, sha, start, end = (ctx_column(batch, c) for c in cols)
        todo = pc.and_(
            pc.and_(text.is_valid(), sha.is_valid()), pc.and_(start.is_valid(), end.is_valid())
        )
        rows = np.flatnonzero(np.asarray(todo.to_numpy(zero_copy_only=False), dtype=bool))
        if not len(rows):
            continue
        release_memory()
        got, joined, where = _batch_blobs(blobs, sha.take(pa.array(rows)))
        sizes = {k: len(v) for k, v in got.items() if v is not None}
        shas = sha.take(pa.array(rows)).to_pylist()
        base = np.array(
            [where.get(h, -1) if encodings.get(h, "utf-8") == "utf-8" else -2 for h in shas],
            dtype=np.int64,
        )
        size = np.array([sizes.get(h, -1) for h in shas], dtype=np.int64)
        s = np.asarray(start.take(pa.array(rows)).to_numpy(zero_copy_only=False), np.int64)
        e = np.asarray(end.take(pa.array(rows)).to_numpy(zero_copy_only=False), np.int64)
        fast = (base >= 0) & (s >= 0) & (s <= e) & (e <= size)
        idx = np.flatnonzero(fast)
        same = np.zeros(len(rows), dtype=bool)
        if len(idx):
            q_off, q_data = _text_buffer(text.take(pa.array(rows[idx])))
            same[idx] = _equal_bytes(
                joined, base[idx] + s[idx], base[idx] + e[idx], q_data, q_off[:-1], q_off[1:]
            )
        # rows whose file is absent are skipped, as before
        slow = np.flatnonzero(~same & (size >= 0))
        if not len(slow):
            continue
        pick = pa.array(rows[slow], pa.int64())
        part = [batch.column(c).take(pick).to_pylist() for c in cols]
        for i, (t, h, a, b) in zip(rows[slow].tolist(), zip(*part, strict=True), strict=True):
            blob = got.get(h)
            if blob is None:
                continue
            text_got = _decode(blob, a, b, encodings.get(h, "utf-8"))
            if text_got is None or (text_got != t and _squash(text_got) != _squash(t)):
                ctx.collector.add(
                    Code.SOURCE_SPAN_MISMATCH,
                    f"source bytes [{a}:{b}] decode to {text_got!r:.60}, quote is {t!r:.60}",
                    table="quotes",
                    row=offset + i,
                    field="source_byte_start",
                )


def _text_buffer(texts: Any) -> tuple[Any, Any]:
    from ._slices import _buffers

    return _buffers(texts)
