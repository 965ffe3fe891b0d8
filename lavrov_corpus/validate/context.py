"""State shared by the checks of one run, and small Arrow helpers they all use."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..models import PRIMARY_KEYS, TABLES
from ..models.manifest import Manifest
from .report import Collector

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa


#: Arrow arrays are typed loosely here: pyarrow-stubs' overloads do not follow compute kernels
#: through nulls, masks and chunked arrays, and the checks are tested on real data instead.
ArrowArray = Any


def compute() -> Any:
    """``pyarrow.compute`` (imported lazily, loosely typed)."""
    import pyarrow.compute as pc

    return pc


@dataclass
class Context:
    """One validation run: where the dataset is, what was read, and where problems go."""

    root: Path
    collector: Collector
    sources: Path | None = None
    manifest: Manifest | None = None
    #: table -> the table as read (None when absent or unreadable)
    raw: dict[str, pa.Table | None] = field(default_factory=dict)
    #: table -> columns whose type matches (or was cast to) the model's, in model order
    tables: dict[str, pa.Table] = field(default_factory=dict)
    #: tables whose schema is exactly the model's (row-level model validation needs that)
    exact_schema: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    _ids: dict[str, list[Any]] = field(default_factory=dict)
    _columns: dict[tuple[str, str], ArrowArray] = field(default_factory=dict)

    def column(self, table: str, name: str) -> ArrowArray | None:
        """A usable top-level column as one Array, or None if absent/unusable."""
        key = (table, name)
        if key not in self._columns:
            t = self.tables.get(table)
            if t is None or name not in t.column_names:
                return None
            self._columns[key] = t.column(name).combine_chunks()
        return self._columns[key]

    def has(self, table: str, *names: str) -> bool:
        """True when every top-level column ``names`` of ``table`` is usable."""
        t = self.tables.get(table)
        return t is not None and all(n in t.column_names for n in names)

    def record_id(self, table: str, row: int) -> str | None:
        """Primary key of ``table[row]`` as text, when readable."""
        if table not in self._ids:
            col = self.column(table, PRIMARY_KEYS[table]) if table in TABLES else None
            self._ids[table] = col.to_pylist() if col is not None else []
        ids = self._ids[table]
        value = ids[row] if 0 <= row < len(ids) else None
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
