"""Schemas derived from the pydantic models: Arrow, Hugging Face ``Features`` and JSON Schema.

Nothing here restates a column: every function walks the models' fields, so a change to a model
changes every derived schema at once. ``pyarrow`` is imported lazily; ``datasets`` only by
:func:`features` (it is slow to import and not needed to read Parquet).
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .models import TABLES

if TYPE_CHECKING:
    import pyarrow as pa
    from datasets import Features

#: Key under which Hugging Face ``datasets`` reads ``Features`` from Parquet schema metadata.
HF_METADATA_KEY = b"huggingface"


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    """Return ``(inner, nullable)`` for ``X | None`` and ``Optional[X]``."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported union {annotation!r}")
        return _strip_annotated(args[0]), True
    return _strip_annotated(annotation), False


def _strip_annotated(annotation: Any) -> Any:
    if typing.get_origin(annotation) is typing.Annotated:
        return typing.get_args(annotation)[0]
    return annotation


def _arrow_type(annotation: Any) -> pa.DataType:
    import pyarrow as pa

    annotation = _strip_annotated(annotation)
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        inner, nullable = _unwrap_optional(item)
        return pa.list_(pa.field("item", _arrow_type(inner), nullable=nullable))
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return pa.struct(_arrow_fields(annotation))
        if issubclass(annotation, Enum) or annotation is str:
            return pa.string()
        if annotation is bool:
            return pa.bool_()
        if annotation is int:
            return pa.int64()
        if annotation is float:
            return pa.float64()
        if annotation is dt.date:
            return pa.date32()
    raise TypeError(f"no Arrow type for {annotation!r}")


def _arrow_fields(model: type[BaseModel]) -> list[pa.Field[Any]]:
    import pyarrow as pa

    fields = []
    for name, info in model.model_fields.items():
        inner, nullable = _unwrap_optional(info.annotation)
        meta = {b"description": (info.description or "").encode()}
        fields.append(pa.field(name, _arrow_type(inner), nullable=nullable, metadata=meta))
    return fields


@cache
def arrow_schema(table: str) -> pa.Schema:
    """Arrow schema of ``table`` with real non-null flags and HF ``Features`` in its metadata."""
    import pyarrow as pa

    model = TABLES[table]
    hf = json.dumps({"info": {"features": features_dict(table)}}, sort_keys=True)
    return pa.schema(_arrow_fields(model), metadata={HF_METADATA_KEY: hf.encode()})


def _feature_dict(annotation: Any) -> dict[str, Any]:
    annotation = _strip_annotated(annotation)
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        inner, _ = _unwrap_optional(item)
        return {"feature": _feature_dict(inner), "_type": "List"}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {
            name: _feature_dict(_unwrap_optional(info.annotation)[0])
            for name, info in annotation.model_fields.items()
        }
    dtype = str(_arrow_type(annotation))
    dtype = {"date32[day]": "date32", "double": "float64"}.get(dtype, dtype)
    return {"dtype": dtype, "_type": "Value"}


@cache
def features_dict(table: str) -> dict[str, Any]:
    """Hugging Face ``Features`` of ``table`` as the plain dict ``Features.to_dict()`` gives."""
    model = TABLES[table]
    return {
        name: _feature_dict(_unwrap_optional(info.annotation)[0])
        for name, info in model.model_fields.items()
    }


def features(table: str) -> Features:
    """Hugging Face ``Features`` of ``table`` (imports ``datasets``)."""
    from datasets import Features

    return Features.from_dict(features_dict(table))


def json_schema(table: str) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one row of ``table``."""
    schema = TABLES[table].model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://github.com/lavrov-corpus/lavrov-corpus/schema/{table}.schema.json"
    return schema


def exported_files() -> dict[str, str]:
    """Every file ``schema/`` must hold, name -> exact content."""
    out: dict[str, str] = {}
    for table in TABLES:
        out[f"{table}.schema.json"] = (
            json.dumps(json_schema(table), indent=2, sort_keys=True) + "\n"
        )
    out["features.json"] = (
        json.dumps({t: features_dict(t) for t in TABLES}, indent=2, sort_keys=True) + "\n"
    )
    out["arrow.txt"] = "".join(
        f"# {t}\n{arrow_schema(t).remove_metadata().to_string(show_field_metadata=False)}\n\n"
        for t in TABLES
    )
    return out


def export(directory: Path) -> list[Path]:
    """Write :func:`exported_files` into ``directory``; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in exported_files().items():
        path = directory / name
        path.write_text(content, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def stale_files(directory: Path) -> list[str]:
    """Names of files in ``directory`` that differ from what the models export."""
    stale = []
    for name, content in exported_files().items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            stale.append(name)
    return stale
