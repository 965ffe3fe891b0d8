"""State shared by the checks of one run, and small Arrow helpers they all use.

Tables are never held whole. :mod:`.stream` reads each table batch by batch; while a batch is
being checked, ``Context.tables`` holds just that batch (``column`` reads from it, and the
collector adds the batch's first row to every row reported, so rows stay 0-based in the whole
table). Repeated strings may be read dictionary-encoded: ``encoded`` gives a column as read,
for checks that work once per distinct value (:func:`per_value`), ``column`` always plain
values. What the cross-table checks need (keys and a few short columns) is kept in
``Context.kept`` and read with ``ref``; primary keys of every table as 64-bit hashes in
``Context.key_hashes``.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..models import TABLES
from ..models.manifest import Manifest
from .report import Collector

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq


#: Arrow arrays are typed loosely here: pyarrow-stubs' overloads do not follow compute kernels
#: through nulls, masks and chunked arrays, and the checks are tested on real data instead.
ArrowArray = Any


def compute() -> Any:
    """``pyarrow.compute`` (imported lazily, loosely typed)."""
    import pyarrow.compute as pc

    return pc


@dataclass
class Context:
    """One validation run: where the dataset is, what was opened, and where problems go."""

    root: Path
    collector: Collector
    sources: Path | None = None
    manifest: Manifest | None = None
    #: table -> its open Parquet file (None when absent or unreadable)
    files: dict[str, pq.ParquetFile | None] = field(default_factory=dict)
    #: table -> number of rows, for tables that could be read to the end
    rows: dict[str, int] = field(default_factory=dict)
    #: table -> usable column -> the type to cast it to (None: use as stored), in model order
    usable: dict[str, dict[str, pa.DataType | None]] = field(default_factory=dict)
    #: tables whose schema is exactly the model's (row-level model validation needs that)
    exact_schema: set[str] = field(default_factory=set)
    #: what the row checks look at now: one batch of one table (or the kept tables)
    tables: dict[str, pa.Table] = field(default_factory=dict)
    #: table -> the short columns kept whole for the cross-table checks
    kept: dict[str, pa.Table] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: provenance form of each file under ``sources`` -> its path (built once, when needed)
    _source_index: dict[str, str] | None = None
    #: table -> (uint64 hash of each row's primary key, mask of rows whose key is not null)
    key_hashes: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    _ids: dict[str, tuple[list[int], list[Any]]] = field(default_factory=dict)
    #: tables whose primary keys are not kept: record ids are read back from the file
    _lazy_ids: dict[str, LazyKeys] = field(default_factory=dict)
    _columns: dict[tuple[str, str], ArrowArray] = field(default_factory=dict)
    #: results derived from the shown batch, shared by the checks that need them
    memo: dict[Any, Any] = field(default_factory=dict)

    def show(self, tables: dict[str, pa.Table], offsets: dict[str, int] | None = None) -> None:
        """Make ``tables`` what the checks see; their rows start at ``offsets`` (default 0)."""
        self.tables = tables
        self._columns.clear()
        self.memo.clear()
        self.collector.offsets = dict(offsets or {})

    def column(self, table: str, name: str) -> ArrowArray | None:
        """A usable top-level column of the shown batch as one Array of plain values, or None."""
        key = (table, name)
        if key not in self._columns:
            column = self.encoded(table, name)
            if column is None:
                return None
            if is_dictionary(column):
                column = column.dictionary_decode()
            self._columns[key] = column
        return self._columns[key]

    def encoded(self, table: str, name: str) -> ArrowArray | None:
        """Like :meth:`column`, but as read: repeated strings may be dictionary-encoded."""
        return self._one_array("encoded:", self.tables, table, name)

    def has(self, table: str, *names: str) -> bool:
        """True when every top-level column ``names`` of the shown ``table`` is usable."""
        t = self.tables.get(table)
        return t is not None and all(n in t.column_names for n in names)

    def text_length(self, table: str, name: str) -> ArrowArray:
        """Code points of each value of a string column of the shown batch (computed once)."""
        key = ("text_length", table, name)
        if key not in self.memo:
            self.memo[key] = per_value(self.encoded(table, name), compute().utf8_length)
        return self.memo[key]

    def ref(self, table: str, name: str) -> ArrowArray | None:
        """A kept column of a whole table (keys and the like) as one Array, or None."""
        return self._one_array("kept:", self.kept, table, name)

    def _one_array(
        self, kind: str, tables: dict[str, pa.Table], table: str, name: str
    ) -> ArrowArray | None:
        """Column ``name`` of ``tables[table]`` as one Array (memoised under ``kind``), or None."""
        key = (kind + table, name)
        if key not in self._columns:
            t = tables.get(table)
            if t is None or name not in t.column_names:
                return None
            column = t.column(name)
            self._columns[key] = (
                column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
            )
        return self._columns[key]

    def source_index(self) -> dict[str, str]:
        """Every file of the sources folder by its provenance form (one walk of the folder)."""
        if self._source_index is None:
            self._source_index = index_names(self.sources) if self.sources is not None else {}
        return self._source_index

    def keep_id(self, table: str, first_row: int, ids: ArrowArray) -> None:
        """Remember the primary keys of rows ``first_row...`` (for :meth:`record_id`)."""
        starts, chunks = self._ids.setdefault(table, ([], []))
        starts.append(first_row)
        chunks.append(ids)

    def forget_ids(self, table: str) -> None:
        """Drop the primary keys remembered for ``table`` (its file proved unreadable)."""
        self._ids.pop(table, None)
        self._lazy_ids.pop(table, None)

    def read_ids_later(self, table: str, key: str) -> None:
        """Record ids of ``table`` from now on: read back from its file when asked for."""
        self._ids.pop(table, None)
        self._lazy_ids[table] = LazyKeys(self, table, key)

    def record_id(self, table: str, row: int) -> str | None:
        """Primary key of ``table[row]`` (row in the whole table) as text, when readable."""
        if table not in TABLES:
            return None
        if table in self._lazy_ids:
            value = self._lazy_ids[table].get(row)
        elif table in self._ids:
            starts, chunks = self._ids[table]
            i = bisect_right(starts, row) - 1
            if i < 0 or row - starts[i] >= len(chunks[i]):
                return None
            value = chunks[i][row - starts[i]].as_py()
        else:
            return None
        return None if value is None else str(value)


class LazyKeys:
    """Primary keys of a table whose key column is not kept, read back one row group at a time
    (the last one read is kept: problems are reported in row order within each check)."""

    def __init__(self, ctx: Context, table: str, key: str) -> None:
        self.ctx, self.table, self.key = ctx, table, key
        self._group: tuple[int, int, ArrowArray] | None = None  # (first row, rows, keys)

    def get(self, row: int) -> Any:
        """The key of ``row`` as a Python value (None when it cannot be read)."""
        from .files import fresh_reader

        if self._group is None or not 0 <= row - self._group[0] < self._group[1]:
            parquet = fresh_reader(self.ctx, self.table)
            cast_to = self.ctx.usable.get(self.table, {}).get(self.key)
            if parquet is None or self.key not in self.ctx.usable.get(self.table, {}):
                return None
            meta, first = parquet.metadata, 0
            for i in range(meta.num_row_groups):
                rows = meta.row_group(i).num_rows
                if row < first + rows:
                    keys = parquet.read_row_group(i, columns=[self.key]).column(0)
                    keys = keys.cast(cast_to) if cast_to is not None else keys
                    self._group = (first, rows, keys)
                    break
                first += rows
            else:
                return None
        first, _, keys = self._group
        return keys[row - first].as_py()


def index_names(root: Path) -> dict[str, str]:
    """Provenance form of every file under ``root`` -> its path relative to ``root`` as ``os``
    names it: :func:`..paths.index_files` with names instead of Paths (100,000 Paths held some
    50 MB; a name equal to its provenance form is the key itself, stored once)."""
    from ..paths import display_path

    index: dict[str, str] = {}
    top = os.fspath(root)
    for folder, dirs, files in os.walk(top):
        dirs.sort()
        inside = os.path.relpath(folder, top).replace(os.sep, "/")
        for name in sorted(files):
            # os.path, not Path: a Path per file was most of the cost of this walk
            if os.path.isfile(os.path.join(folder, name)):  # noqa: PTH113, PTH118
                rel = name if inside == "." else f"{inside}/{name}"
                key = display_path(rel)
                index[key] = key if key == rel else rel
    return index


def walk(
    array: ArrowArray, path: list[str], *, flatten_last: bool = True
) -> tuple[ArrowArray, np.ndarray]:
    """Values at a dotted ``path`` below ``array`` (already at its first step) and their rows.

    Lists are flattened wherever they occur (so ``mentions.treaty_id`` gives every mention's
    treaty id, and a list column every element, unless ``flatten_last`` is false); null structs
    are dropped before stepping into them, so each null is reported at its own level only. The
    second result maps each value back to the index of its top-level row.
    """
    import numpy as np
    import pyarrow as pa

    pc = compute()

    rows = np.arange(len(array), dtype=np.int64)
    steps = list(path)
    while True:
        if not steps and not flatten_last:
            return array, rows
        while pa.types.is_list(array.type) or pa.types.is_large_list(array.type):
            parents = pc.list_parent_indices(array).to_numpy(zero_copy_only=False)
            rows = rows[parents]
            array = pc.list_flatten(array)
        if not steps:
            return array, rows
        if array.null_count:
            keep = pc.is_valid(array)
            rows = rows[true_rows(keep)]
            array = array.filter(keep)
        array = pc.struct_field(array, steps.pop(0))


def is_dictionary(array: ArrowArray) -> bool:
    """True for a dictionary-encoded array."""
    import pyarrow as pa

    return bool(pa.types.is_dictionary(array.type))


def per_value(array: ArrowArray, check: Any) -> ArrowArray:
    """``check(array)`` for an element-wise ``check``; on a dictionary-encoded array it runs
    once per distinct value and is spread to the rows (a null row gives null)."""
    if not is_dictionary(array):
        return check(array)
    return check(array.dictionary).take(array.indices)


def codes(array: ArrowArray) -> np.ndarray:
    """The dictionary indices of a dictionary-encoded array as int64, -1 for a null row."""
    import numpy as np

    indices = array.indices
    if indices.null_count:
        indices = indices.fill_null(-1)
    return np.asarray(indices.to_numpy(zero_copy_only=False), dtype=np.int64)


def true_rows(mask: ArrowArray, rows: np.ndarray | None = None) -> np.ndarray:
    """Rows where the boolean ``mask`` is true (nulls count as false), mapped through ``rows``."""
    import numpy as np

    pc = compute()
    if getattr(mask, "true_count", None) == 0:  # the common case: nothing to report
        return np.zeros(0, dtype=np.int64)
    found = pc.indices_nonzero(pc.fill_null(mask, False)).to_numpy(zero_copy_only=False)
    idx: np.ndarray = np.asarray(found, dtype=np.int64)
    return idx if rows is None else np.asarray(rows[idx])


def run_starts(*arrays: ArrowArray) -> np.ndarray:
    """First row of each run of rows whose values in every one of ``arrays`` are equal.

    Ids repeat in runs down a column (quotes come article by article), so a check that depends
    only on those values can run once per run and be spread back with :func:`spread`. Two nulls
    are equal here; a null and a value are not. In the worst case every row is its own run.
    """
    import numpy as np

    pc = compute()

    n = len(arrays[0])
    if n < 2:
        return np.zeros(min(n, 1), dtype=np.int64)
    change = None
    found_np = np.zeros(n - 1, dtype=bool)
    plain = []
    for array in arrays:  # equal indices mean equal values (a run may be cut where they differ)
        if is_dictionary(array):
            c = codes(array)
            found_np |= c[1:] != c[:-1]
        else:
            plain.append(array)
    for array in plain:
        after, before = array.slice(1), array.slice(0, n - 1)
        differ = pc.not_equal(after, before)
        if array.null_count:
            differ = pc.if_else(
                pc.is_valid(differ), differ, pc.not_equal(pc.is_null(after), pc.is_null(before))
            )
        change = differ if change is None else pc.or_(change, differ)
    if change is not None:
        found_np |= np.asarray(pc.fill_null(change, False).to_numpy(zero_copy_only=False), bool)
    found = np.flatnonzero(found_np)
    starts: np.ndarray = np.concatenate([np.zeros(1, np.int64), found.astype(np.int64) + 1])
    return starts


def spread(per_run: np.ndarray, starts: np.ndarray, n: int) -> np.ndarray:
    """Values computed once per run (first rows ``starts``) repeated over the ``n`` rows."""
    import numpy as np

    lengths = np.diff(np.append(starts, n))
    return np.asarray(np.repeat(per_run, lengths))


def clustered_runs(*arrays: ArrowArray) -> np.ndarray | None:
    """:func:`run_starts` of ``arrays`` when runs are long (at most a quarter of the rows, as a
    probe of the first rows suggests first), else None: then check row by row."""
    n = len(arrays[0])
    if n < 2_000 or len(run_starts(*(a.slice(0, 1_000) for a in arrays))) > 250:
        return None
    starts = run_starts(*arrays)
    return starts if len(starts) <= n // 4 else None


def release_memory(heap: bool = True) -> None:
    """Hand memory freed by Arrow and by the C heap (numpy arrays) back to the system.

    Both allocators keep freed pages for reuse; between passes over large tables that kept
    tens of MB resident for nothing. ``malloc_trim`` is glibc's; elsewhere only Arrow's pool
    is released. ``heap=False``: Arrow's pool only (cheap enough for every batch; trimming the C
    heap each time cost a quarter of the run in page faults).
    """
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    trim = _malloc_trim() if heap else None
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Any:
    import ctypes

    try:
        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return None
