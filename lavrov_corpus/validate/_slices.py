"""Vectorized ``texts[i][start:end] == expected`` over millions of rows, in code points.

Arrow has no per-row slice kernel, so this works on the raw UTF-8 buffers with numpy: code-point
offsets become byte offsets (one pass over the texts to find the lead bytes; none when the texts
are ASCII), each slice becomes an Arrow string *view* into the texts' own buffer (no copy), and
Arrow's ``equal`` compares the views with the expected strings. No Python loop runs over rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .context import ArrowArray, compute

if TYPE_CHECKING:
    import numpy as np

def _buffers(array: ArrowArray) -> tuple[np.ndarray, np.ndarray]:
    """(int64 offsets, uint8 data) of a string array, without copying the data."""
    import numpy as np
    import pyarrow as pa

    if array.null_count:
        array = array.fill_null("")
    if not pa.types.is_large_string(array.type):
        array = array.cast(pa.string())
    _, off_buf, data_buf = array.buffers()
    width = np.int64 if pa.types.is_large_string(array.type) else np.int32
    offsets = np.frombuffer(off_buf, dtype=width)[array.offset : array.offset + len(array) + 1]
    data = np.frombuffer(data_buf, dtype=np.uint8) if data_buf is not None else np.zeros(0, "u1")
    return offsets.astype(np.int64), data


def _byte_offsets(
    data: np.ndarray, offsets: np.ndarray, code_points: int | None = None
) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    """Function (text index, code-point offset) -> absolute byte offset in ``data``.

    Bytes before code point ``G`` (counted from the start of ``data``) are ``G`` plus the extra
    bytes of the multi-byte characters before it, so only the non-ASCII lead bytes are indexed:
    nothing at all for ASCII text, and a small array for typical news text. ``code_points``:
    how many the texts hold in all, when known (equal to their bytes: ASCII, nothing scanned).
    """
    import numpy as np

    ascii_only = code_points is not None and len(offsets) > 0 and (
        code_points == int(offsets[-1] - offsets[0]))
    leads = np.zeros(0, dtype=np.int64) if ascii_only else _leads(data)
    lead_bytes = data[leads]
    extra = (1 + (lead_bytes >= 0xE0) + (lead_bytes >= 0xF0)).astype(np.int64)
    before = np.concatenate([np.zeros(1, np.int64), np.cumsum(extra)])
    lead_cp = leads - before[:-1]  # global code-point index of each multi-byte character
    base = offsets - before[np.searchsorted(leads, offsets)]  # global code point of each text

    def to_byte(index: np.ndarray, cp: np.ndarray) -> np.ndarray:
        g = base[index] + cp
        return np.asarray(g + before[np.searchsorted(lead_cp, g, side="left")])

    return to_byte


def _leads(data: np.ndarray) -> np.ndarray:
    """Positions of the lead bytes of multi-byte characters, found a few MB at a time (a
    whole-buffer comparison made a boolean array as large as the text)."""
    import numpy as np

    step = 1 << 22
    parts = [np.flatnonzero(data[i : i + step] >= 0xC0) + i for i in range(0, len(data), step)]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


class SliceSource:
    """Texts prepared once for many :meth:`mismatch` calls (buffers, lengths, byte offsets)."""

    def __init__(self, texts: ArrowArray) -> None:
        import numpy as np
        import pyarrow as pa
        pc = compute()

        if isinstance(texts, pa.ChunkedArray):
            texts = texts.combine_chunks()
        self.offsets, self.data = _buffers(texts)
        lengths = pc.utf8_length(texts.fill_null(""))
        self.n_cp = np.asarray(lengths.to_numpy(zero_copy_only=False), dtype=np.int64)
        self.to_byte = _byte_offsets(self.data, self.offsets, int(self.n_cp.sum()))
        self.buffer = pa.py_buffer(self.data)  # type: ignore[arg-type]  # ndarray has the buffer protocol

    def __len__(self) -> int:
        return len(self.n_cp)

    def mismatch(
        self, index: np.ndarray, start: np.ndarray, end: np.ndarray, expected: ArrowArray
    ) -> np.ndarray:
        """Boolean mask: ``texts[index[k]][start[k]:end[k]] != expected[k]`` (or invalid span).

        A span is invalid when ``start < 0``, ``end < start`` or ``end`` is past its text.
        """
        import numpy as np
        import pyarrow as pa
        pc = compute()

        index = index.astype(np.int64)
        start = start.astype(np.int64)
        end = end.astype(np.int64)
        bad = (start < 0) | (end < start) | (end > self.n_cp[index])
        start, end = np.where(bad, 0, start), np.where(bad, 0, end)
        b_start, b_end = self.to_byte(index, start), self.to_byte(index, end)
        bad |= b_end < b_start
        lengths = np.where(bad, 0, b_end - b_start)
        views = _views(self.data, np.where(bad, 0, b_start), lengths)
        got = pa.Array.from_buffers(
            pa.string_view(), len(lengths), [None, pa.py_buffer(views), self.buffer]  # type: ignore[arg-type]  # ndarray has the buffer protocol
        )
        same = pc.equal(got, expected.cast(pa.string_view()))
        result: np.ndarray = bad | ~np.asarray(
            pc.fill_null(same, False).to_numpy(zero_copy_only=False))
        return result


def slice_mismatch(
    texts: ArrowArray,
    index: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    expected: ArrowArray,
) -> np.ndarray:
    """Boolean mask: ``texts[index[k]][start[k]:end[k]] != expected[k]`` (or the span is invalid).

    A span is invalid when ``start < 0``, ``end < start`` or ``end`` is past its text.
    """
    return SliceSource(texts).mismatch(index, start, end, expected)


def _views(data: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Arrow string-view structs (16 bytes each) for byte ranges of the one buffer ``data``.

    A view holds its length, then up to 12 bytes inline, or a 4-byte prefix, the buffer index
    and the offset; Arrow then compares views with memcmp, without copying any text. Only the
    first 12 bytes of each range are gathered (nothing is copied for the rest).
    """
    import numpy as np

    if len(data) >= 1 << 31:
        raise ValueError("texts larger than 2 GiB cannot be sliced as string views")
    n = len(lengths)
    views = np.zeros((n, 4), dtype=np.uint32)
    views[:, 0] = lengths
    if not n or not len(data):
        return views.reshape(-1).view(np.uint8)
    width = np.arange(12, dtype=np.int64)
    first = data[np.minimum(starts[:, None] + width, len(data) - 1)]
    first = np.where(width < lengths[:, None], first, 0).astype(np.uint8)
    words = np.ascontiguousarray(first).view("<u4")  # (n, 3) little-endian words
    short = lengths <= 12
    views[short, 1:] = words[short]
    long_ = ~short
    views[long_, 1] = words[long_, 0]
    views[long_, 2] = 0  # buffer index
    views[long_, 3] = starts[long_]
    return views.reshape(-1).view(np.uint8)
