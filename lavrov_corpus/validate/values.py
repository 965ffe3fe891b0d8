"""Values: nulls, enumerations, ranges, lengths and formats, derived from the models' fields.

Nothing is restated here: :func:`field_specs` walks each model (nested structs and list items
included) and reads nullability from the annotations, enumerations from the ``Enum`` classes and
``pattern``/``ge``/``le``/``min_length``/``max_length`` from the ``Field`` constraints. Every check
is one Arrow compute call over a whole column; Python only touches the rows that fail.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..models import TABLES
from .codes import Code
from .context import (
    ArrowArray,
    Context,
    clustered_runs,
    compute,
    is_dictionary,
    per_value,
    spread,
    true_rows,
    walk,
)

if TYPE_CHECKING:
    pass

_CONSTRAINTS = ("ge", "gt", "le", "lt", "min_length", "max_length", "pattern")
_BOUNDS = ("ge", "gt", "le", "lt", "min_length", "max_length")


@dataclass(frozen=True)
class FieldSpec:
    """What the model says about the values at one (possibly nested) path of a table."""

    path: tuple[str, ...]
    nullable: bool
    base: Any  #: str, int, float, bool, date, an Enum subclass, a model, or list
    constraints: dict[str, Any] = field(default_factory=dict)
    description: str = ""

    @property
    def name(self) -> str:
        """Dotted path, e.g. ``mentions.treaty_id``."""
        return ".".join(self.path)


def _collect(metadata: list[Any], into: dict[str, Any]) -> None:
    for m in metadata:
        if isinstance(m, FieldInfo):
            _collect(m.metadata, into)
            continue
        for key in _CONSTRAINTS:
            value = getattr(m, key, None)
            if value is not None:
                into[key] = value


def _unwrap(annotation: Any, constraints: dict[str, Any]) -> tuple[Any, bool]:
    """Strip ``Optional`` and ``Annotated`` (collecting constraints); return (base, nullable)."""
    nullable = False
    while True:
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            nullable = nullable or len(args) < len(typing.get_args(annotation))
            (annotation,) = args
        elif origin is typing.Annotated:
            base, *meta = typing.get_args(annotation)
            _collect(meta, constraints)
            annotation = base
        else:
            return annotation, nullable


def _specs(model: type[BaseModel], prefix: tuple[str, ...]) -> list[FieldSpec]:
    out: list[FieldSpec] = []
    for name, info in model.model_fields.items():
        path = (*prefix, name)
        constraints: dict[str, Any] = {}
        _collect(info.metadata, constraints)
        base, nullable = _unwrap(info.annotation, constraints)
        desc = info.description or ""
        if typing.get_origin(base) is list:
            out.append(FieldSpec(path, nullable, list, constraints, desc))
            item_constraints: dict[str, Any] = {}
            (item,) = typing.get_args(base)
            item_base, item_nullable = _unwrap(item, item_constraints)
            if isinstance(item_base, type) and issubclass(item_base, BaseModel):
                out.extend(_specs(item_base, path))
            else:
                out.append(FieldSpec(path, item_nullable, item_base, item_constraints, desc))
        elif isinstance(base, type) and issubclass(base, BaseModel):
            out.append(FieldSpec(path, nullable, base, constraints, desc))
            out.extend(_specs(base, path))
        else:
            out.append(FieldSpec(path, nullable, base, constraints, desc))
    return out


@cache
def field_specs(table: str) -> tuple[FieldSpec, ...]:
    """Every constrained path of ``table``'s model, nested structs and list items included."""
    return tuple(_specs(TABLES[table], ()))


def values_at(ctx: Context, table: str, spec: FieldSpec) -> tuple[ArrowArray, Any] | None:
    """The values at ``spec``'s path (list items flattened) and their top-level rows; a
    top-level string column may be dictionary-encoded (see :func:`.context.per_value`)."""
    column = ctx.encoded(table, spec.path[0])
    if column is None:
        return None
    flatten = spec.base is not list
    return walk(column, list(spec.path[1:]), flatten_last=flatten)


def check_values(ctx: Context, table: str) -> None:
    """Nulls, enum values, ranges/lengths and patterns of the shown batch of ``table``."""
    import pyarrow as pa

    pc = compute()

    out = ctx.collector
    if table in ctx.tables:
        for spec in field_specs(table):
            got = values_at(ctx, table, spec)
            if got is None:
                continue
            values, rows = got
            name = spec.name
            if not spec.nullable and values.null_count and out.wants(Code.NULL_VALUE):
                bad = true_rows(pc.is_null(values), rows)
                out.add_rows(Code.NULL_VALUE, table, bad, name, "null where a value is required")
            is_enum = isinstance(spec.base, type) and issubclass(spec.base, Enum)
            if is_enum and out.wants(Code.ENUM_VALUE):
                allowed = pa.array([m.value for m in spec.base], pa.string())
                bad = per_value(
                    values,
                    lambda v, allowed=allowed: pc.and_(
                        pc.invert(pc.is_in(v, value_set=allowed)), pc.is_valid(v)
                    ),
                )
                listing = ", ".join(m.value for m in spec.base)
                report_mask(
                    ctx, Code.ENUM_VALUE, table, name, bad, values, rows, f"not one of: {listing}"
                )
            _check_constraints(ctx, table, spec, values, rows)


def report_mask(
    ctx: Context,
    code: Code,
    table: str,
    name: str,
    mask: ArrowArray,
    values: ArrowArray,
    rows: Any,
    what: str,
) -> None:
    """Report each row holding a value where ``mask`` is true, quoting that value."""
    import numpy as np

    idx = true_rows(mask)
    if not len(idx):
        return
    bad_rows = rows[idx]  # non-decreasing, like every ``rows`` from ``walk``

    def message(row: int) -> str:
        value = values[int(idx[int(np.searchsorted(bad_rows, row))])].as_py()
        text = repr(value)
        return f"{text[:80]}{'…' if len(text) > 80 else ''} {what}"

    ctx.collector.add_rows(code, table, bad_rows, name, message)


def pattern_mismatch(values: ArrowArray, pattern: str) -> ArrowArray:
    """Mask of values not matching ``pattern``; nulls are not mismatches.

    Ids repeated down a column (``article_id`` in quotes, ``source_sha256``) are matched once per
    run of equal values (or, when they repeat out of order, once per distinct value) when a probe
    of the column shows few distinct values.
    """
    import pyarrow as pa

    pc = compute()

    starts = clustered_runs(values)
    if starts is not None:
        bad = pc.invert(pc.match_substring_regex(values.take(pa.array(starts)), pattern))
        per_run = pc.fill_null(bad, False).to_numpy(zero_copy_only=False)
        return pa.array(spread(per_run, starts, len(values)), pa.bool_())
    if len(values) > 2_000 and len(pc.unique(values.slice(0, 1_000))) < 500:
        encoded = pc.dictionary_encode(values)
        bad = pc.invert(pc.match_substring_regex(encoded.dictionary, pattern))
        return pc.fill_null(bad.take(encoded.indices), False)
    return pc.fill_null(pc.invert(pc.match_substring_regex(values, pattern)), False)


def _check_constraints(
    ctx: Context, table: str, spec: FieldSpec, values: ArrowArray, rows: Any
) -> None:
    import pyarrow as pa

    pc = compute()

    out = ctx.collector
    c = spec.constraints
    name = spec.name
    typ = values.type.value_type if is_dictionary(values) else values.type
    if "pattern" in c and out.wants(Code.FORMAT) and pa.types.is_string(typ):
        bad = per_value(values, lambda v: pattern_mismatch(v, c["pattern"]))
        report_mask(
            ctx, Code.FORMAT, table, name, bad, values, rows, f"does not match {c['pattern']}"
        )
    if not out.wants(Code.RANGE) or not any(k in c for k in _BOUNDS):
        return
    measure: Any
    if pa.types.is_string(typ):
        measure, unit = pc.utf8_length, "length"
    elif pa.types.is_list(typ):
        measure, unit = pc.list_value_length, "number of items"
    elif pa.types.is_integer(typ) or pa.types.is_floating(typ):
        measure, unit = (lambda v: v), "value"
    else:
        return
    measured = measure(values.dictionary if is_dictionary(values) else values)
    tests = {
        "ge": (pc.less, "min_length", ">="),
        "gt": (pc.less_equal, None, ">"),
        "le": (pc.greater, "max_length", "<="),
        "lt": (pc.greater_equal, None, "<"),
    }
    for key, (fails, length_key, sign) in tests.items():
        bound = c.get(length_key) if unit != "value" and length_key else None
        if unit == "value":
            bound = c.get(key)
        if bound is None:
            continue
        bad = fails(measured, pa.scalar(bound).cast(measured.type))
        if is_dictionary(values):  # measured once per distinct value
            bad = bad.take(values.indices)
        report_mask(
            ctx, Code.RANGE, table, name, bad, values, rows, f"{unit} must be {sign} {bound}"
        )
