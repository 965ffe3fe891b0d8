"""A neutral description of the models' columns, shared by the Croissant and Data Package writers.

Both descriptors are derived from the same walk over ``model_fields``: the column name, its
description, whether it may be null, whether it is a list, its item type (a Python scalar type,
an ``Enum`` or a nested model) and the validation constraints (pattern, lengths, bounds) found in
the field and in its ``Annotated`` metadata.
"""

from __future__ import annotations

import datetime as dt
import inspect
import types
import typing
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel

from ..models import FOREIGN_KEYS, PRIMARY_KEYS, TABLES

#: Python scalar types the models use.
SCALARS: tuple[type, ...] = (str, int, float, bool, dt.date)


@dataclass(frozen=True)
class Constraints:
    """Validation constraints of a value (or of each item of a list)."""

    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class Column:
    """One field of a model, as the descriptors need it."""

    name: str
    description: str
    nullable: bool
    is_list: bool
    #: ``str``, ``int``, ``float``, ``bool``, ``datetime.date``, an ``Enum`` or a model class.
    item: type
    #: Constraints on the value itself, or on each item when ``is_list``.
    constraints: Constraints = field(default_factory=Constraints)
    #: Constraints on the list itself (``min_length`` = minimum number of items).
    list_constraints: Constraints = field(default_factory=Constraints)
    item_nullable: bool = False

    @property
    def is_struct(self) -> bool:
        """Whether items are nested records."""
        return issubclass(self.item, BaseModel)

    @property
    def is_enum(self) -> bool:
        """Whether items are values of an enumeration."""
        return issubclass(self.item, Enum)

    def enum_values(self) -> list[str]:
        """Allowed values of an enumeration column, in declaration order."""
        assert issubclass(self.item, Enum)
        return [str(member.value) for member in self.item]

    def sub_columns(self) -> list[Column]:
        """Columns of the nested record of a struct column."""
        assert issubclass(self.item, BaseModel)
        return columns(self.item)


def _constraint_attrs(items: typing.Iterable[Any]) -> dict[str, Any]:
    """Collect constraints from pydantic metadata objects (annotated_types and FieldInfo)."""
    found: dict[str, Any] = {}
    for meta in items:
        nested = getattr(meta, "metadata", None)
        if isinstance(nested, list):  # a FieldInfo inside Annotated[...]
            found.update(_constraint_attrs(nested))
        for attr, key in (
            ("pattern", "pattern"),
            ("min_length", "min_length"),
            ("max_length", "max_length"),
            ("ge", "minimum"),
            ("gt", "minimum"),
            ("le", "maximum"),
            ("lt", "maximum"),
        ):
            value = getattr(meta, attr, None)
            if value is not None and not isinstance(value, list):
                found[key] = value
    return found


def _split(annotation: Any) -> tuple[Any, bool, dict[str, Any]]:
    """``(bare type, nullable, constraints)`` of an annotation with Optional/Annotated removed."""
    nullable = False
    constraints: dict[str, Any] = {}
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            base, *extra = typing.get_args(annotation)
            constraints.update(_constraint_attrs(extra))
            annotation = base
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                raise TypeError(f"unsupported union {annotation!r}")
            nullable = True
            annotation = args[0]
        else:
            return annotation, nullable, constraints


def _item_type(annotation: Any) -> type:
    if inspect.isclass(annotation) and (
        issubclass(annotation, (BaseModel, Enum)) or annotation in SCALARS
    ):
        return annotation
    raise TypeError(f"unsupported column type {annotation!r}")


def columns(model: type[BaseModel]) -> list[Column]:
    """The columns of ``model`` in declaration (= Parquet) order."""
    out = []
    for name, info in model.model_fields.items():
        bare, nullable, inner = _split(info.annotation)
        own = _constraint_attrs(info.metadata)
        if typing.get_origin(bare) is list:
            (item_annotation,) = typing.get_args(bare)
            item, item_nullable, item_constraints = _split(item_annotation)
            out.append(
                Column(
                    name=name,
                    description=info.description or "",
                    nullable=nullable,
                    is_list=True,
                    item=_item_type(item),
                    constraints=Constraints(**item_constraints),
                    list_constraints=Constraints(**{**inner, **own}),
                    item_nullable=item_nullable,
                )
            )
        else:
            out.append(
                Column(
                    name=name,
                    description=info.description or "",
                    nullable=nullable,
                    is_list=False,
                    item=_item_type(bare),
                    constraints=Constraints(**{**inner, **own}),
                )
            )
    return out


def table_columns(table: str) -> list[Column]:
    """The columns of ``table``."""
    return columns(TABLES[table])


def table_description(table: str) -> str:
    """First paragraph of the row model's docstring."""
    doc = inspect.getdoc(TABLES[table]) or table
    return doc.split("\n\n")[0].replace("\n", " ")


def primary_key(table: str) -> str:
    """Primary key column of ``table``."""
    return PRIMARY_KEYS[table]


def foreign_keys(table: str) -> list[tuple[str, str, str]]:
    """``(column path, referenced table, referenced column)`` of ``table``, in declared order.

    A column path may be dotted (``mentions.treaty_id``: a field of the records of a list column).
    """
    return [
        (column, ref_table, ref_column)
        for (source, column), (ref_table, ref_column) in FOREIGN_KEYS.items()
        if source == table
    ]
