"""Vectorized ``texts[i][start:end] == expected`` over millions of rows, in code points.

Arrow has no per-row slice kernel, so this works on the raw UTF-8 buffers with numpy: code-point
offsets become byte offsets (one pass over the texts to find the lead bytes; none when the texts
are ASCII), each slice becomes an Arrow string *view* into the texts' own buffer (no copy), and
Arrow's ``equal`` compares the views with the expected strings. No Python loop runs over rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .context import ArrowArray, compute, per_value

if TYPE_CHECKING:
    import numpy as np


def _extra_bytes() -> np.ndarray:
    """Extra bytes of the UTF-8 character each lead byte starts (0 for any other byte)."""
    import numpy as np

    table = np.zeros(256, dtype=np.int64)
    table[0xC0:], table[0xE0:], table[0xF0:] = 1, 2, 3
    return table


_EXTRA = _extra_bytes()


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

    ascii_only = (
        code_points is not None
        and len(offsets) > 0
        and (code_points == int(offsets[-1] - offsets[0]))
    )
    leads = np.zeros(0, dtype=np.int64) if ascii_only else _leads(data)
    before = np.zeros(len(leads) + 1, dtype=np.int64)
    np.cumsum(_EXTRA[data[leads]], out=before[1:])  # extra bytes before each lead and in all
    base = offsets - before[np.searchsorted(leads, offsets)]  # global code point of each text
    leads -= before[:-1]  # now the global code-point index of each multi-byte character

    def to_byte(index: np.ndarray, cp: np.ndarray) -> np.ndarray:
        g = base[index] + cp
        return np.asarray(g + before[np.searchsorted(leads, g, side="left")])

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
        ``expected`` may be dictionary-encoded (its strings are then measured once each).
        """
        import numpy as np
        import pyarrow as pa

        pc = compute()

        index = index.astype(np.int64)
        start = start.astype(np.int64)
        end = end.astype(np.int64)
        bad = (start < 0) | (end < start) | (end > self.n_cp[index])
        start = np.where(bad, 0, start)
        # Only starts are converted to bytes: the slice equals ``expected`` exactly when the
        # bytes from there equal its bytes, inside the text, and it has ``end - start`` code
        # points (a byte range from a character boundary that equals valid UTF-8 is text).
        b_start = self.to_byte(index, start)
        want_bytes = _np(per_value(expected, pc.binary_length).fill_null(0))
        want_cp = _np(per_value(expected, pc.utf8_length).fill_null(-1))
        bad |= (end - start != want_cp) | (b_start + want_bytes > self.offsets[index + 1])
        lengths = np.where(bad, 0, want_bytes)
        views = _views(self.data, np.where(bad, 0, b_start), lengths)
        got = pa.Array.from_buffers(
            pa.string_view(),
            len(lengths),
            [None, pa.py_buffer(views), self.buffer],  # type: ignore[arg-type]  # ndarray has the buffer protocol
        )
        same = pc.equal(got, _string_views(expected))
        result: np.ndarray = bad | ~_np(pc.fill_null(same, False))
        return result


def _string_views(array: ArrowArray) -> ArrowArray:
    """``array`` as string views; a dictionary-encoded one without copying a string (each row
    gets a copy of its value's 16-byte view; a null row may get any value's view)."""
    import numpy as np
    import pyarrow as pa

    from .context import codes, is_dictionary

    if not is_dictionary(array):
        return array.cast(pa.string_view())
    offsets, data = _buffers(array.dictionary)
    views = _views(data, offsets[:-1], np.diff(offsets)).reshape(-1, 16)
    if not len(views):
        return pa.nulls(len(array), pa.string_view())
    rows: Any = views[np.maximum(codes(array), 0)]
    buffers: list[Any] = [None, pa.py_buffer(rows), pa.py_buffer(data)]  # type: ignore[arg-type]  # ndarray has the buffer protocol
    return pa.Array.from_buffers(pa.string_view(), len(array), buffers)


def _np(array: ArrowArray) -> np.ndarray:
    import numpy as np

    return np.asarray(array.to_numpy(zero_copy_only=False))


def slice_mismatch(
    texts: ArrowArray,
    index: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    expected: ArrowArray,
) -> np.ndarray:
    """Boolean mask: ``texts[index[k]][start[k]:end[k]] != expected[k]`` (or the span is invalid).

    A span is invalid when ``start < 0``, ``end < start`` or ``end`` is past its text. Spans
    near the start of long texts (titles) are cut from the texts' first code points only.
    """
    pc = compute()

    limit = max(int(end.max()), 0) if len(end) else 0
    if len(texts) * limit * 4 < texts.nbytes // 2:  # UTF-8: at most 4 bytes a code point
        # ends past a prefix's end are past the text's end: the answers do not change
        texts = pc.utf8_slice_codeunits(texts, 0, limit)
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
    words = _first_words(data, starts, lengths)  # inline data, or the 4-byte prefix
    long_ = lengths > 12
    views[:, 1] = words[:, 0]
    views[:, 2] = np.where(long_, 0, words[:, 1])  # or the buffer index
    views[:, 3] = np.where(long_, starts, words[:, 2])  # or the offset in it
    return views.reshape(-1).view(np.uint8)


def _first_words(data: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The first 12 bytes of each range as three little-endian uint32 words, zero past its
    length (one 12-byte gather per range through a sliding window over ``data``)."""
    import numpy as np

    inside = starts <= len(data) - 12
    tail = np.flatnonzero(~inside)  # ranges within 12 bytes of the end of ``data``
    windows = np.lib.stride_tricks.sliding_window_view(data, min(12, len(data)))
    if not len(tail):
        first = windows[starts]
    else:
        first = np.zeros((len(starts), 12), dtype=np.uint8)
        if len(data) >= 12:
            first[inside] = windows[starts[inside]]
        at = np.minimum(starts[tail, None] + np.arange(12), len(data) - 1)
        first[tail] = data[at]
    words: np.ndarray = first.view("<u4")
    keep = np.array([0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF], dtype=np.uint32)
    for j in range(3):
        words[:, j] &= keep[np.clip(lengths - 4 * j, 0, 4)]
    return words
