"""Keys: primary keys unique per table; every foreign key resolves, inside list columns too.

Both come from ``PRIMARY_KEYS`` and ``FOREIGN_KEYS`` in the models; hashing is Arrow's
(``unique``, ``dictionary_encode``, ``is_in``), so the cost is linear in the rows. Foreign keys
are checked batch by batch against the kept key columns of the referenced tables; duplicates
over the kept key column of each table.
"""

from __future__ import annotations

from ..models import FOREIGN_KEYS, PRIMARY_KEYS, TABLES
from .codes import Code
from .context import Context, compute, walk
from .values import report_mask


def check_duplicates(ctx: Context) -> None:
    """Duplicate primary keys, over the shown (whole, kept) key columns."""
    if ctx.collector.wants(Code.DUPLICATE_KEY):
        for table in TABLES:
            _duplicates(ctx, table)


def check_foreign(ctx: Context, table: str) -> None:
    """Dangling foreign keys in the shown batch of ``table`` (targets from ``ctx.kept``)."""
    if ctx.collector.wants(Code.FOREIGN_KEY):
        for (source, path), (ref_table, ref_column) in FOREIGN_KEYS.items():
            if source == table:
                _foreign(ctx, table, path, ref_table, ref_column)


def _duplicates(ctx: Context, table: str) -> None:
    import numpy as np
    pc = compute()

    key = PRIMARY_KEYS[table]
    column = ctx.column(table, key)
    if column is None:
        return
    valid = column.drop_null() if column.null_count else column
    if len(pc.unique(valid)) == len(valid):
        return  # the common case costs one hash pass
    codes = pc.dictionary_encode(column).indices.to_numpy(zero_copy_only=False)
    present = ~np.asarray(column.is_null().to_numpy(zero_copy_only=False))
    codes = np.where(present, codes, -1)
    _, first = np.unique(codes, return_index=True)
    first_of = np.full(int(codes.max()) + 2, -1, dtype=np.int64)
    uniq = codes[first]
    first_of[uniq + 1] = first
    firsts = first_of[codes + 1]
    dup = np.flatnonzero(present & (firsts != np.arange(len(codes))))
    ctx.collector.add_rows(
        Code.DUPLICATE_KEY, table, dup, key,
        lambda row: f"{column[row].as_py()!r} already used by row {int(firsts[row])}",
    )


def _foreign(ctx: Context, table: str, path: str, ref_table: str, ref_column: str) -> None:
    pc = compute()

    first, *rest = path.split(".")
    column = ctx.column(table, first)
    target = ctx.ref(ref_table, ref_column)
    if column is None or target is None:
        return  # a missing/unreadable table or column is reported already; avoid a flood
    values, rows = walk(column, rest)
    if not len(values):
        return
    bad = pc.and_(pc.invert(pc.is_in(values, value_set=target.drop_null())), pc.is_valid(values))
    report_mask(ctx, Code.FOREIGN_KEY, table, path, bad, values, rows,
                f"not found in {ref_table}.{ref_column}")
