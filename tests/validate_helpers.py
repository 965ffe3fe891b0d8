"""Helpers for the validate tests: a valid dataset per test and ways to damage it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from dataset_factory import refresh_manifest

from lavrov_corpus.layout import MANIFEST, table_path
from lavrov_corpus.schema import arrow_schema
from lavrov_corpus.validate import Report

Rows = list[dict[str, Any]]


def read_rows(root: Path, table: str) -> Rows:
    """Rows of ``table`` as plain dicts."""
    return pq.read_table(table_path(root, table)).to_pylist()


def write_rows(root: Path, table: str, rows: Rows, nullable: Iterable[str] = ()) -> None:
    """Write rows with the model's schema (``nullable`` columns relaxed so nulls can be stored)."""
    schema = arrow_schema(table)
    for name in nullable:
        i = schema.get_field_index(name)
        schema = schema.set(i, _relaxed(schema.field(name)))
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), table_path(root, table))


def _relaxed(field: pa.Field) -> pa.Field:
    def loose(t: pa.DataType) -> pa.DataType:
        if pa.types.is_list(t):
            return pa.list_(pa.field("item", loose(t.value_type)))
        if pa.types.is_struct(t):
            return pa.struct([pa.field(f.name, loose(f.type)) for f in t])
        return t

    return pa.field(field.name, loose(field.type), nullable=True, metadata=field.metadata)


def edit_rows(
    root: Path, table: str, change: Callable[[Rows], Rows | None], nullable: Iterable[str] = ()
) -> None:
    """Change ``table``'s rows in place, rewrite it, and re-hash the manifest."""
    rows = read_rows(root, table)
    rows = change(rows) or rows
    write_rows(root, table, rows, nullable)
    refresh_manifest(root)


def edit_table(root: Path, table: str, change: Callable[[pa.Table], pa.Table]) -> None:
    """Change ``table`` as an Arrow table (schema edits), rewrite it, re-hash the manifest."""
    path = table_path(root, table)
    pq.write_table(change(pq.read_table(path)), path)
    refresh_manifest(root)


def edit_manifest(root: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Change manifest.json's JSON in place (not re-hashed)."""
    data = json.loads((root / MANIFEST).read_text())
    change(data)
    (root / MANIFEST).write_text(json.dumps(data))


def where(report: Report, code: str) -> list[tuple[Any, ...]]:
    """(table, row, field, path) of each problem of ``code``, sorted."""
    return sorted(
        ((p.table, p.row, p.field, p.path) for p in report.by_code(code)),
        key=repr,
    )
