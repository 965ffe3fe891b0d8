"""Sources (``--sources DIR``): provenance sizes and sha256 against the raw files, and the byte
ranges of article segments and quotes against the text they claim to be.

Nothing is held for the whole corpus: each provenance file is read and hashed on its own; then
articles and quotes are read batch by batch and each source file is read again when an article
(or a run of quotes of one article) needs it. The per-row work is a Python loop over segments and
quotes of the articles whose file is present, cheap next to reading the files.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from pathlib import Path

from ..paths import index_files
from .codes import Code
from .context import Context
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


def _check_file(ctx: Context, sources: Path, row: int, rel: str, sha: str, size: int | None,
                verified: dict[str, Path], index: dict[str, Path]) -> None:
    """One provenance row against its file: present, size, sha256."""
    out = ctx.collector
    file = index.get(rel)
    if file is None:  # the index holds only files inside the sources folder
        out.add(Code.SOURCE_MISSING, f"{rel} not found in {sources}",
                table="provenance", row=row, field="path", path=rel)
        return
    try:
        data = file.read_bytes()
    except OSError as exc:
        out.add(Code.SOURCE_MISSING, f"unreadable: {exc}", table="provenance", row=row,
                field="path", path=rel)
        return
    if size is not None and len(data) != size:
        out.add(Code.SOURCE_SIZE_MISMATCH, f"file has {len(data)} bytes, provenance {size}",
                table="provenance", row=row, field="size", path=rel)
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha:
        out.add(Code.SOURCE_CHECKSUM_MISMATCH, f"file sha256 {digest}",
                table="provenance", row=row, field="sha256", path=rel)
    else:
        verified[sha] = file


def check_sources(ctx: Context, sources: Path) -> None:
    """Every provenance file against ``sources``; segments and quotes against its bytes."""
    out = ctx.collector
    paths = ctx.ref("provenance", "path")
    shas = ctx.ref("provenance", "sha256")
    sizes = ctx.ref("provenance", "size")
    if paths is None or shas is None or sizes is None:
        return
    verified: dict[str, Path] = {}  # sha256 -> a source file matching provenance
    index = index_files(sources)
    for first in range(0, len(paths), _BATCH_ROWS):  # Python lists of one slice at a time
        rows = zip(*(c.slice(first, _BATCH_ROWS).to_pylist() for c in (paths, shas, sizes)),
                   strict=True)
        for row, (rel, sha, size) in enumerate(rows, start=first):
            if rel is None or sha is None:
                continue  # unreadable inputs have no hash to check
            _check_file(ctx, sources, row, rel, sha, size, verified, index)
    if out.wants(Code.SOURCE_SPAN_MISMATCH):
        blobs = _Blobs(sources, verified)
        encodings = _article_segments(ctx, blobs)
        _quote_bytes(ctx, blobs, encodings)


class _Blobs:
    """Bytes of verified source files by sha256, the last few kept (a file can change on disk
    after it was hashed: it is re-hashed on each read)."""

    def __init__(self, root: Path, files: dict[str, Path]) -> None:
        self.root, self.files = root, files
        self._recent: OrderedDict[str, bytes | None] = OrderedDict()

    def get(self, sha: str | None) -> bytes | None:
        if sha is None or sha not in self.files:
            return None
        if sha in self._recent:
            self._recent.move_to_end(sha)
            return self._recent[sha]
        try:
            data: bytes | None = self.files[sha].read_bytes()
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
        return data[start:end].decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _article_segments(ctx: Context, blobs: _Blobs) -> dict[str, str]:
    """Check each article's source_map; return source sha256 -> encoding."""
    encodings: dict[str, str] = {}
    cols = ["text", "source_sha256", "source_encoding", "source_map"]
    if not all(c in ctx.usable.get("articles", {}) for c in cols):
        return encodings
    for offset, batch in read_batches(ctx, "articles", cols, batch_bytes=_BATCH_BYTES):
        if batch.column_names != cols:
            return encodings  # a column stopped casting: reported by the schema check
        data = [batch.column(c).to_pylist() for c in cols]
        for i, (text, sha, enc, segments) in enumerate(zip(*data, strict=True)):
            if sha is None or enc is None:
                continue
            if enc != "utf-8":  # quotes assume utf-8 otherwise: no entry per article
                encodings[sha] = enc
            if text is None or not segments:
                continue
            blob = blobs.get(sha)
            if blob is None:
                continue
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
                        table="articles", row=offset + i, field="source_map",
                    )
    return encodings


def _quote_bytes(ctx: Context, blobs: _Blobs, encodings: dict[str, str]) -> None:
    cols = ["text", "source_sha256", "source_byte_start", "source_byte_end"]
    if not all(c in ctx.usable.get("quotes", {}) for c in cols):
        return
    for offset, batch in read_batches(ctx, "quotes", cols, batch_bytes=_BATCH_BYTES):
        if batch.column_names != cols:
            return
        data = [batch.column(c).to_pylist() for c in cols]
        for i, (text, sha, start, end) in enumerate(zip(*data, strict=True)):
            if text is None or start is None or end is None:
                continue
            blob = blobs.get(sha)
            if blob is None:
                continue
            got = _decode(blob, start, end, encodings.get(sha, "utf-8"))
            if got is None or (got != text and _squash(got) != _squash(text)):
                ctx.collector.add(
                    Code.SOURCE_SPAN_MISMATCH,
                    f"source bytes [{start}:{end}] decode to {got!r:.60}, quote is {text!r:.60}",
                    table="quotes", row=offset + i, field="source_byte_start",
                )
