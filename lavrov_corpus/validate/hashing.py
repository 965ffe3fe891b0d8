"""64-bit hashes of Arrow strings, vectorized with numpy, for the duplicate-key check.

Keys are kept as one ``uint64`` per row instead of the strings (8 bytes instead of 25 or more
for a quote id, and no hash table of strings to find duplicates). Equal strings always hash
equal; different strings rarely do, so every equal hash is confirmed on the strings themselves
(:mod:`.keys`). Each string is read ``BLOCK`` bytes at a time, every row at once: one numpy
gather per block, so keys of any length cost time linear in their bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .context import ArrowArray

if TYPE_CHECKING:
    import numpy as np

#: Bytes of every string mixed in per step (a quote id fits in one block).
BLOCK = 32
_MUL = 0x9E3779B97F4A7C15  # odd 64-bit constants (golden ratio; splitmix64's finalizer)
_FIN1 = 0xBF58476D1CE4E5B9
_FIN2 = 0x94D049BB133111EB


def hash_strings(array: ArrowArray) -> np.ndarray:
    """``uint64`` hash of each value of a string array (others are cast); nulls hash like ``""``."""
    import numpy as np
    import pyarrow as pa

    from ._slices import _buffers

    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        array = array.cast(pa.string())
    offsets, data = _buffers(array)
    starts = offsets[:-1] - (offsets[0] if len(offsets) else 0)
    lengths = np.diff(offsets)
    data = data[int(offsets[0]) : int(offsets[-1])] if len(offsets) else data[:0]
    padded = np.zeros(len(data) + BLOCK, dtype=np.uint8)
    padded[: len(data)] = data
    windows = np.lib.stride_tricks.sliding_window_view(padded, BLOCK)
    # keep[k]: a mask of the first k bytes of a little-endian word (the rest is the next key's)
    keep = np.array([(1 << (8 * k)) - 1 for k in range(8)] + [(1 << 64) - 1], dtype=np.uint64)
    mul = np.uint64(_MUL)
    state = (lengths.astype(np.uint64) + np.uint64(1)) * mul
    rows: np.ndarray | None = None  # rows longer than ``at`` (None: all, the first block)
    at = 0
    while rows is None or len(rows):
        first, left = (starts, lengths) if rows is None else (starts[rows], lengths[rows])
        words = windows[first + at].view("<u8")
        h = state if rows is None else state[rows]
        for j in range(BLOCK // 8):
            h = (h ^ (words[:, j] & keep[np.clip(left - (at + 8 * j), 0, 8)])) * mul
            h ^= h >> np.uint64(32)
        if rows is None:
            state = h
            rows = np.flatnonzero(lengths > BLOCK)
        else:
            state[rows] = h
            rows = rows[left > at + BLOCK]
        at += BLOCK
    return _finish(state)


def _finish(x: np.ndarray) -> np.ndarray:
    """splitmix64's finalizer: every input bit moves every output bit."""
    import numpy as np

    x = (x ^ (x >> np.uint64(30))) * np.uint64(_FIN1)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(_FIN2)
    result: np.ndarray = x ^ (x >> np.uint64(31))
    return result
