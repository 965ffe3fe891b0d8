"""Sources (``--sources DIR``): provenance sizes and sha256 against the raw files, and the byte
ranges of article segments and quotes against the text they claim to be.

This reads every source file once; per-row work is a Python loop over quotes of the articles
whose file is present, which is cheap next to reading the files.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .codes import Code
from .context import Context
from .files import _safe_relative

_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    # Hard-wrapped lines are joined with one space in articles.text: compare modulo whitespace.
    return _SPACE.sub(" ", text).strip()


def check_sources(ctx: Context, sources: Path) -> None:
    """Every provenance file against ``sources``; segments and quotes against its bytes."""
    out = ctx.collector
    if not ctx.has("provenance", "path", "sha256", "size"):
        return
    paths = ctx.column("provenance", "path").to_pylist()  # type: ignore[union-attr]
    shas = ctx.column("provenance", "sha256").to_pylist()  # type: ignore[union-attr]
    sizes = ctx.column("provenance", "size").to_pylist()  # type: ignore[union-attr]
    blobs: dict[str, bytes] = {}  # sha256 -> bytes of files that match provenance
    for row, (rel, sha, size) in enumerate(zip(paths, shas, sizes, strict=True)):
        if rel is None or sha is None:
            continue  # unreadable inputs have no hash to check
        file = sources / rel
        if not _safe_relative(rel) or not file.is_file():
            out.add(Code.SOURCE_MISSING, f"{rel} not found in {sources}",
                    table="provenance", row=row, field="path", path=rel)
            continue
        try:
            data = file.read_bytes()
        except OSError as exc:
            out.add(Code.SOURCE_MISSING, f"unreadable: {exc}", table="provenance", row=row,
                    field="path", path=rel)
            continue
        if size is not None and len(data) != size:
            out.add(Code.SOURCE_SIZE_MISMATCH, f"file has {len(data)} bytes, provenance {size}",
                    table="provenance", row=row, field="size", path=rel)
        digest = hashlib.sha256(data).hexdigest()
        if digest != sha:
            out.add(Code.SOURCE_CHECKSUM_MISMATCH, f"file sha256 {digest}",
                    table="provenance", row=row, field="sha256", path=rel)
        else:
            blobs[sha] = data
    if out.wants(Code.SOURCE_SPAN_MISMATCH):
        encodings = _article_segments(ctx, blobs)
        _quote_bytes(ctx, blobs, encodings)


def _decode(data: bytes, start: int, end: int, encoding: str) -> str | None:
    if not 0 <= start <= end <= len(data):
        return None
    try:
        return data[start:end].decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _article_segments(ctx: Context, blobs: dict[str, bytes]) -> dict[str, str]:
    """Check each article's source_map; return source sha256 -> encoding."""
    encodings: dict[str, str] = {}
    if not ctx.has("articles", "text", "source_sha256", "source_encoding", "source_map"):
        return encodings
    cols = ("text", "source_sha256", "source_encoding", "source_map")
    data = {c: ctx.column("articles", c).to_pylist() for c in cols}  # type: ignore[union-attr]
    for row, (text, sha, enc, segments) in enumerate(zip(*data.values(), strict=True)):
        if sha is None or enc is None:
            continue
        encodings[sha] = enc
        blob = blobs.get(sha)
        if blob is None or text is None:
            continue
        for i, seg in enumerate(segments or []):
            if seg is None or None in seg.values():
                continue
            got = _decode(blob, seg["byte_start"], seg["byte_end"], enc)
            want = text[seg["text_start"] : seg["text_end"]]
            if got != want:
                ctx.collector.add(
                    Code.SOURCE_SPAN_MISMATCH,
                    f"segment {i}: source bytes [{seg['byte_start']}:{seg['byte_end']}] "
                    f"decode to {got!r:.60}, text has {want!r:.60}",
                    table="articles", row=row, field="source_map",
                )
    return encodings


def _quote_bytes(ctx: Context, blobs: dict[str, bytes], encodings: dict[str, str]) -> None:
    if not ctx.has("quotes", "text", "source_sha256", "source_byte_start", "source_byte_end"):
        return
    cols = ("text", "source_sha256", "source_byte_start", "source_byte_end")
    data = {c: ctx.column("quotes", c).to_pylist() for c in cols}  # type: ignore[union-attr]
    for row, (text, sha, start, end) in enumerate(zip(*data.values(), strict=True)):
        blob = blobs.get(sha) if sha is not None else None
        if blob is None or text is None or start is None or end is None:
            continue
        got = _decode(blob, start, end, encodings.get(sha, "utf-8"))
        if got is None or _squash(got) != _squash(text):
            ctx.collector.add(
                Code.SOURCE_SPAN_MISMATCH,
                f"source bytes [{start}:{end}] decode to {got!r:.60}, quote is {text!r:.60}",
                table="quotes", row=row, field="source_byte_start",
            )
