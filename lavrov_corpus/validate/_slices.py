"""Vectorized ``texts[i][start:end] == expected`` over millions of rows, in code points.

Arrow has no per-row slice kernel, so this works on the raw UTF-8 buffers with numpy: code-point
offsets become byte offsets (one pass over the texts to find the lead bytes; none when the texts
are ASCII), each slice becomes an Arrow string *view* into the texts' own buffer (no copy), and
Arrow's ``equal`` compares the views with the expected strings. No Python loop runs over rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

def _buffers(array: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(int64 offsets, uint8 data) of a string array."""
    import numpy as np
    import pyarrow as pa

    array = array.cast(pa.large_string())
    if array.null_count:
        array = array.fill_null("")
    _, off_buf, data_buf = array.buffers()
    offsets = np.frombuffer(off_buf, dtype=np.int64)[array.offset : array.offset + len(array) + 1]
    data = np.frombuffer(data_buf, dtype=np.uint8) if data_buf is not None else np.zeros(0, "u1")
    return offsets, data


def slice_mismatch(
    texts: pa.Array,
    index: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    expected: pa.Array,
) -> np.ndarray:
    """Boolean mask: ``texts[index[k]][start[k]:end[k]] != expected[k]`` (or the span is invalid).

    A span is invalid when ``start < 0``, ``end < start`` or ``end`` is past its text.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    t_off, t_data = _buffers(texts)
    index = index.astype(np.int64)
    start = start.astype(np.int64)
    end = end.astype(np.int64)
    lo, hi = t_off[index], t_off[index + 1]
    if t_data.size == 0 or not (t_data >= 0x80).any():  # ASCII: code points are bytes
        n_cp = hi - lo
        bad = (start < 0) | (end < start) | (end > n_cp)
        b_start = lo + np.clip(start, 0, None)
        b_end = lo + np.clip(end, 0, None)
    else:
        leads = np.flatnonzero((t_data & 0xC0) != 0x80)
        base = np.searchsorted(leads, t_off)  # code points before each text's first byte
        first, after = base[index], base[index + 1]
        bad = (start < 0) | (end < start) | (end > after - first)

        def to_byte(cp: np.ndarray) -> np.ndarray:
            g = first + np.clip(cp, 0, None)
            inside = g < after
            pos = leads[np.clip(g, 0, max(len(leads) - 1, 0))] if len(leads) else g
            return np.where(inside, pos, hi)

        b_start, b_end = to_byte(start), to_byte(end)
    bad |= b_end < b_start
    lengths = np.where(bad, 0, b_end - b_start)
    views = _views(t_data, np.where(bad, 0, b_start), lengths)
    got = pa.Array.from_buffers(
        pa.string_view(), len(lengths), [None, pa.py_buffer(views), pa.py_buffer(t_data)]
    )
    same = pc.equal(got, expected.cast(pa.string_view()))
    return bad | ~np.asarray(pc.fill_null(same, False).to_numpy(zero_copy_only=False))


def _views(data: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Arrow string-view structs (16 bytes each) for byte ranges of the one buffer ``data``.

    A view holds its length, then up to 12 bytes inline, or a 4-byte prefix, the buffer index
    and the offset; Arrow then compares views with memcmp, without copying any text.
    """
    import numpy as np

    if len(data) >= 1 << 31:
        raise ValueError("texts larger than 2 GiB cannot be sliced as string views")
    views = np.zeros((len(lengths), 16), dtype=np.uint8)
    words = views.view(np.int32)
    words[:, 0] = lengths
    padded = np.concatenate([data, np.zeros(12, dtype=np.uint8)])
    short = lengths <= 12
    s = np.flatnonzero(short)
    if len(s):
        pos = starts[s, None] + np.arange(12)
        views[s, 4:16] = np.where(np.arange(12) < lengths[s, None], padded[pos], 0)
    long_ = np.flatnonzero(~short)
    if len(long_):
        views[long_, 4:8] = padded[starts[long_, None] + np.arange(4)]
        words[long_, 2] = 0
        words[long_, 3] = starts[long_]
    return views.reshape(-1)
