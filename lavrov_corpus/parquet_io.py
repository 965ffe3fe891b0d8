"""Reading and writing one table as Parquet, with the derived schema and pinned options.

Reading uses ``pyarrow.parquet.ParquetFile`` rather than ``read_table``: the latter imports
``pyarrow.dataset`` (and pandas), which costs hundreds of milliseconds on a cold start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from operator import attrgetter
from pathlib import Path
from types import UnionType
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

from pydantic import BaseModel

from .layout import PARQUET_OPTIONS, ROW_GROUP_SIZE
from .models import TABLES, Record
from .schema import arrow_schema

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq


def records_to_arrow(table: str, records: Sequence[Record]) -> pa.Table:
    """Arrow table of ``records`` (rows of ``table``) with the schema derived from the models.

    The same table as :func:`dumps_to_arrow` of their ``model_dump()``, made without dumping: a
    record's ``__dict__`` is its dump but for nested models (see :func:`_row_maker`), and the
    rows go to Arrow as one struct array, split into columns after.
    """
    import pyarrow as pa

    schema = arrow_schema(table)
    make = _row_maker(TABLES[table])
    if make is None:  # pragma: no cover - every table model is flat enough today
        return dumps_to_arrow(table, [r.model_dump() for r in records])
    rows: Any = pa.array(list(map(make, records)), type=pa.struct(list(schema)))
    return pa.Table.from_arrays(rows.flatten(), schema=schema)


def dumps_to_arrow(table: str, dumps: Sequence[dict[str, Any]]) -> pa.Table:
    """Arrow table of rows of ``table`` given as their ``model_dump()``.

    The enums are ``StrEnum`` s, so ``model_dump()`` values go to Arrow as they are.
    """
    import pyarrow as pa

    return pa.Table.from_pylist(dumps, schema=arrow_schema(table))


@cache
def _row_maker(model: type[BaseModel]) -> Callable[[BaseModel], dict[str, Any]] | None:
    """A function giving what Arrow needs of a record of ``model``: its ``model_dump()`` values.

    Fields that hold a model (or None) or a list of models become their ``__dict__`` (s); the
    nested models must hold no models themselves. None if ``model`` has another shape.
    """
    nested: list[tuple[str, bool]] = []  # (field, is a list)
    for name, field in model.model_fields.items():
        inner, many = _nested_model(field.annotation)
        if inner is None:
            if _holds_model(field.annotation):
                return None
            continue
        if any(_holds_model(f.annotation) for f in inner.model_fields.values()):
            return None
        nested.append((name, many))
    if not nested:
        return attrgetter("__dict__")

    def row(record: BaseModel) -> dict[str, Any]:
        values = dict(record.__dict__)
        for name, many in nested:
            value = values[name]
            if many:
                values[name] = [m.__dict__ for m in value]
            elif value is not None:
                values[name] = value.__dict__
        return values

    return row


def _nested_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """(the model, False) for ``M`` or ``M | None``, (the model, True) for ``list[M]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    args = [a for a in get_args(annotation) if a is not type(None)]
    if len(args) != 1 or not isinstance(args[0], type) or not issubclass(args[0], BaseModel):
        return None, False
    origin = get_origin(annotation)
    if origin is list:
        return args[0], True
    if origin in (Union, UnionType):
        return args[0], False
    return None, False


def _holds_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_model(a) for a in get_args(annotation))


def to_ipc(table: pa.Table) -> bytes:
    """``table`` as an Arrow IPC stream (its chunks kept)."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue())


def from_ipc(data: bytes) -> pa.Table:
    """The table of an Arrow IPC stream, read without copying ``data``."""
    import pyarrow as pa

    return pa.ipc.open_stream(data).read_all()


class TableWriter:
    """Streams rows of one table into one Parquet file in fixed-size row groups.

    Rows are buffered only up to ``ROW_GROUP_SIZE``. The file's bytes depend on the rows, their
    order and their Arrow chunks (a data page ends at a chunk boundary once it is full), not on
    how the chunks were grouped into calls: a build hands it chunks of a fixed number of files.
    """

    def __init__(self, path: Path, table: str) -> None:
        import pyarrow.parquet as pq

        self.table = table
        self.schema = arrow_schema(table)
        self.rows = 0
        self._buffer: list[pa.Table] = []
        self._buffered = 0
        path.parent.mkdir(parents=True, exist_ok=True)
        self._writer: pq.ParquetWriter = pq.ParquetWriter(
            str(path),
            self.schema,
            **PARQUET_OPTIONS,  # type: ignore[arg-type]
        )

    def write(self, batch: pa.Table) -> None:
        """Append ``batch`` (already of this table's schema)."""
        if batch.num_rows == 0:
            return
        self._buffer.append(batch)
        self._buffered += batch.num_rows
        self.rows += batch.num_rows
        while self._buffered >= ROW_GROUP_SIZE:
            self._flush(ROW_GROUP_SIZE)

    def write_records(self, records: Sequence[Record]) -> None:
        """Append model instances."""
        self.write(records_to_arrow(self.table, records))

    def _flush(self, n: int) -> None:
        import pyarrow as pa

        combined = pa.concat_tables(self._buffer)
        head, tail = combined.slice(0, n), combined.slice(n)
        self._writer.write_table(head, row_group_size=ROW_GROUP_SIZE)
        self._buffer = [tail] if tail.num_rows else []
        self._buffered = tail.num_rows

    def close(self) -> None:
        """Write what is buffered and the footer."""
        if self._buffered:
            self._flush(self._buffered)
        self._writer.close()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_records(path: Path, table: str, records: Iterable[Record]) -> int:
    """Write ``records`` of ``table`` to ``path``; return the row count."""
    with TableWriter(path, table) as writer:
        chunk: list[Record] = []
        for record in records:
            chunk.append(record)
            if len(chunk) >= ROW_GROUP_SIZE:
                writer.write_records(chunk)
                chunk = []
        writer.write_records(chunk)
        return writer.rows


def read_arrow(path: Path) -> pa.Table:
    """Read a whole Parquet file as an Arrow table (without importing pyarrow.dataset)."""
    import pyarrow.parquet as pq

    return pq.ParquetFile(str(path)).read()
