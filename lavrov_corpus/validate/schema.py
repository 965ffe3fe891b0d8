"""Schema: each table's columns against the Arrow schema derived from its model.

Missing, extra, reordered, retyped and wrongly nullable columns are each reported, from the
Parquet footer alone. Columns that still fit (or cast safely to) the model's type are listed in
``ctx.usable`` so that the value, key and span checks can go on with whatever is usable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import TABLES
from ..schema import arrow_schema
from .codes import Code
from .context import Context

if TYPE_CHECKING:
    import pyarrow as pa


def _loose(t: pa.DataType) -> pa.DataType:
    """``t`` with every nested field nullable and list items named ``item``."""
    import pyarrow as pa

    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return pa.list_(pa.field("item", _loose(t.value_type)))
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, _loose(f.type)) for f in t])
    return t


def _nullability(t: pa.DataType, prefix: str) -> dict[str, bool]:
    """Nested field path -> nullable flag (the top level is handled separately)."""
    import pyarrow as pa

    out: dict[str, bool] = {}
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        out[prefix + "[]"] = t.value_field.nullable
        out.update(_nullability(t.value_type, prefix + "[]"))
    elif pa.types.is_struct(t):
        for f in t:
            out[f"{prefix}.{f.name}"] = f.nullable
            out.update(_nullability(f.type, f"{prefix}.{f.name}"))
    return out


def check_schema(ctx: Context) -> None:
    """Compare each readable table's schema with the model's; keep the usable columns."""
    import pyarrow as pa

    out = ctx.collector
    for table in TABLES:
        parquet = ctx.files.get(table)
        if parquet is None:
            continue
        expected = arrow_schema(table)
        actual = parquet.schema_arrow
        names = actual.names
        exact = True
        for name in expected.names:
            if name not in names:
                exact = False
                out.add(Code.SCHEMA_MISSING_COLUMN, "column missing", table=table, field=name)
        for name in names:
            if names.count(name) > 1 or expected.get_field_index(name) < 0:
                exact = False
                out.add(
                    Code.SCHEMA_EXTRA_COLUMN,
                    "duplicated column" if names.count(name) > 1 else "column not in the model",
                    table=table,
                    field=name,
                )
        common = [n for n in names if n in set(expected.names)]
        order = [n for n in expected.names if n in set(common)]
        if common != order:
            exact = False
            first = next(a for a, b in zip(common, order, strict=True) if a != b)
            out.add(
                Code.SCHEMA_COLUMN_ORDER,
                f"columns out of order: {common} (expected order {order})",
                table=table,
                field=first,
            )
        usable: dict[str, pa.DataType | None] = {}
        for name in order:
            want = expected.field(name)
            got = actual.field(name) if names.count(name) == 1 else None
            if got is None:
                continue
            cast_to = None
            if _loose(got.type) != _loose(want.type):
                exact = False
                out.add(
                    Code.SCHEMA_TYPE_MISMATCH,
                    f"type {got.type} != model {want.type}",
                    table=table,
                    field=name,
                )
                cast_to = _loose(want.type)
                try:  # values that do not cast are found batch by batch (see .stream)
                    pa.array([], got.type).cast(cast_to, safe=True)
                except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
                    continue  # unusable: the value checks skip this column
            if got.nullable != want.nullable:
                exact = False
                out.add(
                    Code.SCHEMA_NULLABILITY_MISMATCH,
                    f"nullable={got.nullable}, model says nullable={want.nullable}",
                    table=table,
                    field=name,
                )
            if _loose(got.type) == _loose(want.type):
                have, need = _nullability(got.type, name), _nullability(want.type, name)
                for path, flag in need.items():
                    if have.get(path, flag) != flag:
                        exact = False
                        out.add(
                            Code.SCHEMA_NULLABILITY_MISMATCH,
                            f"{path}: nullable={have[path]}, model says nullable={flag}",
                            table=table,
                            field=name,
                        )
            usable[name] = cast_to
        ctx.usable[table] = usable
        if exact:
            ctx.exact_schema.add(table)
