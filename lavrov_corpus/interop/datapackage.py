"""``datapackage.json``: a Frictionless Data Package (v2) describing a built dataset folder.

One tabular resource per table, pointing at its Parquet file with its ``bytes`` and ``hash``
(``sha256:<hex>``), and a Table Schema derived from the models: field types, ``required`` for
non-null columns, ``pattern`` / length / bound / ``enum`` constraints, ``arrayItem`` for list
columns, the primary key and the scalar foreign keys.

Why :func:`validate_datapackage` and not only the ``frictionless validate`` command: frictionless
5.16 reads Parquet through ``fastparquet``, which cannot read struct columns (``articles.origins``)
and returns null for lists of structs (``treaties.events``); it also does not count the bytes of a
Parquet resource, so ``bytes``/``hash`` always fail there. :func:`validate_datapackage` therefore
lets frictionless check every file's bytes and sha256 as a file resource, and every row, type,
constraint, primary key and foreign key of the descriptor on the rows as pyarrow reads them.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .._version import __version__
from ..models import TABLES
from . import _common as common
from ._fields import Column, Constraints, foreign_keys, primary_key, table_columns
from ._fields import table_description as _table_description

if TYPE_CHECKING:
    import frictionless

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
TABLE_SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
PARQUET_MEDIA_TYPE = "application/vnd.apache.parquet"


def _scalar_type(item: type) -> str:
    if issubclass(item, BaseModel):
        return "object"
    if issubclass(item, Enum) or item is str:
        return "string"
    if item is bool:
        return "boolean"
    if item is int:
        return "integer"
    if item is float:
        return "number"
    if item is dt.date:
        return "date"
    raise TypeError(f"no Table Schema type for {item!r}")


def _constraints(constraints: Constraints, column: Column, *, is_item: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if constraints.pattern is not None:
        out["pattern"] = constraints.pattern
    if constraints.min_length is not None:
        out["minLength"] = constraints.min_length
    if constraints.max_length is not None:
        out["maxLength"] = constraints.max_length
    if constraints.minimum is not None:
        out["minimum"] = constraints.minimum
    if constraints.maximum is not None:
        out["maximum"] = constraints.maximum
    if column.is_enum:
        out["enum"] = column.enum_values()
    if (column.item_nullable if is_item else column.nullable) is False:
        out["required"] = True
    return out


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "description": column.description}
    if column.is_list:
        field["type"] = "array"
        item: dict[str, Any] = {"type": _scalar_type(column.item)}
        item_constraints = _constraints(column.constraints, column, is_item=True)
        if item_constraints:
            item["constraints"] = item_constraints
        field["arrayItem"] = item
        constraints = _constraints(column.list_constraints, column, is_item=False)
        constraints.pop("enum", None)
    else:
        field["type"] = _scalar_type(column.item)
        constraints = _constraints(column.constraints, column, is_item=False)
    if column.is_struct:
        keys = ", ".join(f"`{sub.name}`" for sub in column.sub_columns())
        field["description"] += (
            f" {'Each item is an' if column.is_list else 'An'} object with {keys}."
        )
    if constraints:
        field["constraints"] = constraints
    return field


def _schema(table: str) -> dict[str, Any]:
    list_columns = {c.name for c in table_columns(table) if c.is_list}
    scalar_fks = []
    for column, ref_table, ref_column in foreign_keys(table):
        if "." in column or column in list_columns:
            continue  # Table Schema foreign keys cannot reach inside lists
        scalar_fks.append(
            {"fields": [column], "reference": {"resource": ref_table, "fields": [ref_column]}}
        )
    schema: dict[str, Any] = {
        "$schema": TABLE_SCHEMA_PROFILE,
        "fields": [_field(column) for column in table_columns(table)],
        "primaryKey": [primary_key(table)],
        "missingValues": [],
    }
    if scalar_fks:
        schema["foreignKeys"] = scalar_fks
    return schema


def _resource_description(table: str) -> str:
    text = _table_description(table)
    list_keys = [
        f"every `{column}` value is a `{ref_table}.{ref_column}`"
        for column, ref_table, ref_column in foreign_keys(table)
        if "." in column or any(c.name == column and c.is_list for c in table_columns(table))
    ]
    if list_keys:
        text += " Keys inside list columns: " + "; ".join(list_keys) + "."
    return text


def datapackage_document(root: Path) -> dict[str, Any]:
    """The Data Package (v2) descriptor of the dataset folder ``root`` (with its Parquet files)."""
    resources = []
    for table in TABLES:
        info = common.table_file_info(root, table)
        resources.append(
            {
                "$schema": RESOURCE_PROFILE,
                "name": table,
                "type": "table",
                "path": info.path,
                "format": "parquet",
                "mediatype": PARQUET_MEDIA_TYPE,
                "bytes": info.size,
                "hash": f"sha256:{info.sha256}",
                "description": _resource_description(table) + f" {info.rows} rows.",
                "schema": _schema(table),
            }
        )
    return {
        "$schema": PROFILE,
        "name": common.NAME,
        "title": common.TITLE,
        "description": common.DESCRIPTION + " " + common.RIGHTS_NOTICE,
        "version": __version__,
        "homepage": common.URL,
        "keywords": common.KEYWORDS,
        "licenses": [
            {"name": common.LICENSE_ID, "path": common.LICENSE_URL, "title": "MIT License"}
        ],
        "sources": [{"title": "Raw news articles", "description": common.SOURCES_NOTICE}],
        "contributors": [{"title": common.CREATOR, "roles": ["creator"], "path": common.URL}],
        "resources": resources,
    }


def validate_datapackage(root: Path) -> list[dict[str, Any]]:
    """Check ``root/datapackage.json`` against the data with frictionless; return its errors.

    Each error is ``{"resource", "type", "message", "row", "field"}``; an empty list means valid.
    Needs the ``interop`` extra (frictionless).
    """
    import json

    import frictionless

    from ..layout import DATAPACKAGE
    from ..parquet_io import read_arrow

    descriptor = json.loads((root / DATAPACKAGE).read_text(encoding="utf-8"))
    errors: list[dict[str, Any]] = []
    tables = []
    for res in descriptor["resources"]:
        file_resource = frictionless.Resource.from_descriptor(
            {
                "name": res["name"],
                "path": res["path"],
                "type": "file",
                "bytes": res["bytes"],
                "hash": res["hash"],
            },
            basepath=str(root),
        )
        errors.extend(_errors(res["name"], file_resource.validate()))
        rows = read_arrow(root / res["path"]).to_pylist()
        tables.append({"name": res["name"], "type": "table", "data": rows, "schema": res["schema"]})
    package = frictionless.Package.from_descriptor(
        {"name": descriptor["name"], "resources": tables}
    )
    errors.extend(_errors(None, package.validate()))
    return errors


def _errors(resource: str | None, report: frictionless.Report) -> list[dict[str, Any]]:
    out = []
    for task in report.tasks:
        for error in task.errors:
            out.append(
                {
                    "resource": resource or task.name,
                    "type": error.type,
                    "message": error.message,
                    "row": getattr(error, "row_number", None),
                    "field": getattr(error, "field_name", None),
                }
            )
    for error in report.errors:
        out.append(
            {
                "resource": resource,
                "type": error.type,
                "message": error.message,
                "row": None,
                "field": None,
            }
        )
    return out
