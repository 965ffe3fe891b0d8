"""State shared by the checks of one run, and small Arrow helpers they all use.

Tables are never held whole. :mod:`.stream` reads each table batch by batch; while a batch is
being checked, ``Context.tables`` holds just that batch (``column`` reads from it, and the
collector adds the batch's first row to every row reported, so rows stay 0-based in the whole
table). What the cross-table checks need (keys and a few short columns) is kept in
``Context.kept`` and read with ``ref``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
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
    _ids: dict[str, tuple[list[int], list[Any]]] = field(default_factory=dict)
    _columns: dict[tuple[str, str], ArrowArray] = field(default_factory=dict)

    def show(self, tables: dict[str, pa.Table], offsets: dict[str, int] | None = None) -> None:
        """Make ``tables`` what the checks see; their rows start at ``offsets`` (default 0)."""
        self.tables = tables
        self._columns.clear()
        self.collector.offsets = dict(offsets or {})

    def column(self, table: str, name: str) -> ArrowArray | None:
        """A usable top-level column of the shown batch as one Array, or None."""
        key = (table, name)
        if key not in self._columns:
            t = self.tables.get(table)
            if t is None or name not in t.column_names:
                return None
            column = t.column(name)
            self._columns[key] = (
                column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
            )
        return self._columns[key]

    def has(self, table: str, *names: str) -> bool:
        """True when every top-level column ``names`` of the shown ``table`` is usable."""
        t = self.tables.get(table)
        return t is not None and all(n in t.column_names for n in names)

    def ref(self, table: str, name: str) -> ArrowArray | None:
        """A kept column of a whole table (keys and the like) as one Array, or None."""
        key = ("kept:" + table, name)
        if key not in self._columns:
            t = self.kept.get(table)
            if t is None or name not in t.column_names:
                return None
            column = t.column(name)
            self._columns[key] = (
                column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
            )
        return self._columns[key]

    def keep_id(self, table: str, first_row: int, ids: ArrowArray) -> None:
        """Remember the primary keys of rows ``first_row...`` (for :meth:`record_id`)."""
        starts, chunks = self._ids.setdefault(table, ([], []))
        starts.append(first_row)
        chunks.append(ids)

    def forget_ids(self, table: str) -> None:
        """Drop the primary keys remembered for ``table`` (its file proved unreadable)."""
        self._ids.pop(table, None)

    def record_id(self, table: str, row: int) -> str | None:
        """Primary key of ``table[row]`` (row in the whole table) as text, when readable."""
        if table not in TABLES or table not in self._ids:
            return None
        starts, chunks = self._ids[table]
        i = bisect_right(starts, row) - 1
        if i < 0 or row - starts[i] >= len(chunks[i]):
            return None
        value = chunks[i][row - starts[i]].as_py()
        return None if value is None else str(value)


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


def true_rows(mask: ArrowArray, rows: np.ndarray | None = None) -> np.ndarray:
    """Rows where the boolean ``mask`` is true (nulls count as false), mapped through ``rows``."""
    import numpy as np

    pc = compute()
    found = pc.indices_nonzero(pc.fill_null(mask, False)).to_numpy(zero_copy_only=False)
    idx: np.ndarray = np.asarray(found, dtype=np.int64)
    return idx if rows is None else np.asarray(rows[idx])
