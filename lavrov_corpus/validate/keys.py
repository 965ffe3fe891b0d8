"""Keys: primary keys unique per table; every foreign key resolves, inside list columns too.

Both come from ``PRIMARY_KEYS`` and ``FOREIGN_KEYS`` in the models. Foreign keys are checked
batch by batch against the kept key columns of the referenced tables (Arrow's ``is_in``, once
per distinct value of a dictionary-encoded column). Duplicates are found among the 64-bit hashes
of each table's keys (:mod:`.hashing`, one sort); only rows whose hash occurs more than once
have their keys read back from the file and compared exactly, so a hash collision is never
reported as a duplicate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models import FOREIGN_KEYS, PRIMARY_KEYS, TABLES
from .codes import Code
from .context import Context, compute, per_value, walk
from .values import report_mask

if TYPE_CHECKING:
    import numpy as np


def check_duplicates(ctx: Context) -> None:
    """Duplicate primary keys of every table, from the key hashes kept by the stream."""
    if ctx.collector.wants(Code.DUPLICATE_KEY):
        for table in TABLES:
            _duplicates(ctx, table)


def check_foreign(ctx: Context, table: str) -> None:
    """Dangling foreign keys in the shown batch of ``table`` (targets from ``ctx.kept``)."""
    if ctx.collector.wants(Code.FOREIGN_KEY):
        for (source, path), (ref_table, ref_column) in FOREIGN_KEYS.items():
            if source == table:
                _foreign(ctx, table, path, ref_table, ref_column)


def same_hash_rows(hashes: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Rows (with a key) whose hash another row with a key shares, in row order."""
    import numpy as np

    present = hashes if valid.all() else hashes[valid]
    ordered = np.sort(present)
    if not (ordered[1:] == ordered[:-1]).any():  # the common case: one sort, no key read back
        return np.zeros(0, dtype=np.int64)
    rows = np.flatnonzero(valid)
    order = np.argsort(present, kind="stable")
    ordered = present[order]
    repeat = ordered[1:] == ordered[:-1]
    shared = np.zeros(len(ordered), dtype=bool)
    shared[1:] |= repeat
    shared[:-1] |= repeat
    return np.sort(rows[order[shared]])


def _duplicates(ctx: Context, table: str) -> None:
    import numpy as np

    pc = compute()

    if table not in ctx.key_hashes:
        return
    key = PRIMARY_KEYS[table]
    candidates = same_hash_rows(*ctx.key_hashes[table])
    if not len(candidates):
        return
    values = _read_rows(ctx, table, key, candidates)
    if values is None:
        return
    codes = np.asarray(pc.dictionary_encode(values).indices.to_numpy(zero_copy_only=False))
    _, first = np.unique(codes, return_index=True)
    first_of = np.full(int(codes.max()) + 1, -1, dtype=np.int64)
    first_of[codes[first]] = first
    firsts = candidates[first_of[codes]]  # the first row holding each candidate's key
    dup = np.flatnonzero(firsts != candidates)
    where = dict(zip(candidates.tolist(), range(len(candidates)), strict=True))

    def message(row: int) -> str:
        i = where[row]
        return f"{values[i].as_py()!r} already used by row {int(firsts[i])}"

    ctx.collector.add_rows(Code.DUPLICATE_KEY, table, candidates[dup], key, message)


def _read_rows(ctx: Context, table: str, key: str, rows: np.ndarray) -> Any:
    """The (non-null) values of column ``key`` at ``rows`` (sorted), read back from the file."""
    import pyarrow as pa

    from .stream import read_batches

    parts = []
    for offset, batch in read_batches(ctx, table, [key]):
        if key not in batch.column_names:
            return None  # it stopped casting: the hashes cover only the rows before
        inside = rows[(rows >= offset) & (rows < offset + batch.num_rows)]
        if len(inside):
            column = batch.column(key).combine_chunks()
            parts.append(column.take(pa.array(inside - offset)))
    got = pa.concat_arrays(parts) if parts else None
    return got if got is not None and len(got) == len(rows) else None


def _foreign(ctx: Context, table: str, path: str, ref_table: str, ref_column: str) -> None:
    pc = compute()

    first, *rest = path.split(".")
    column = ctx.encoded(table, first)
    target = ctx.ref(ref_table, ref_column)
    if column is None or target is None:
        return  # a missing/unreadable table or column is reported already; avoid a flood
    values, rows = walk(column, rest)
    if not len(values):
        return
    target = target.drop_null()
    bad = per_value(
        values, lambda v: pc.and_(pc.invert(pc.is_in(v, value_set=target)), pc.is_valid(v))
    )
    report_mask(
        ctx,
        Code.FOREIGN_KEY,
        table,
        path,
        bad,
        values,
        rows,
        f"not found in {ref_table}.{ref_column}",
    )
