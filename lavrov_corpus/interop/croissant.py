"""``croissant.json``: MLCommons Croissant 1.1 metadata of a built dataset folder.

Everything about the columns is derived from the models (:mod:`._fields`); the folder is read
only for the size, sha256 and row count of each table's Parquet file. The output is a plain dict
with no time or machine in it, so writing it with sorted keys gives the same bytes every build.

Mapping:

- one ``cr:FileObject`` per table (its Parquet file, with ``sha256`` and ``contentSize``);
- one ``cr:RecordSet`` per table, its ``key`` the primary key, one ``cr:Field`` per column with
  ``source.fileObject`` + ``extract.column``; list columns have ``isArray``; nested records have
  ``subField`` s read with a ``transform.jsonPath``; scalar foreign keys have ``references``;
- one inline ``sc:Enumeration`` RecordSet per enumeration (its allowed values), which the
  enumeration columns name in their description;
- dataset-level version, license, ``citeAs`` and PROV-O terms (``prov:wasDerivedFrom``,
  ``prov:wasGeneratedBy``).
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Any

from .._version import __version__
from ..models import TABLES
from ..models.common import URL_PATTERN
from . import _common as common
from ._fields import Column, foreign_keys, primary_key, table_columns, table_description

CONFORMS_TO = "http://mlcommons.org/croissant/1.1"
PARQUET_MEDIA_TYPE = "application/x-parquet"

#: The standard Croissant 1.1 ``@context`` plus the PROV-O prefix.
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "description": {"@container": "@language"},
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "name": {"@container": "@language"},
    "parentField": "cr:parentField",
    "path": "cr:path",
    "prov": "http://www.w3.org/ns/prov#",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}


def _file_id(table: str) -> str:
    return f"{table}-parquet"


def _enum_id(enum: type[Enum]) -> str:
    return "enum-" + re.sub(r"(?<!^)(?=[A-Z])", "-", enum.__name__).lower()


def _data_type(column: Column) -> str:
    item = column.item
    if issubclass(item, Enum):
        return "sc:Text"
    if item is bool:
        return "sc:Boolean"
    if item is int:
        return "cr:Int64"
    if item is float:
        return "cr:Float64"
    if item is str:
        return "sc:URL" if column.constraints.pattern == URL_PATTERN else "sc:Text"
    return "sc:Date"  # the only other scalar the models use (checked by _fields)


def _description(column: Column) -> str:
    text = column.description
    if column.is_enum:
        text += f" One of: {', '.join(column.enum_values())} (see `{_enum_id(column.item)}`)."
    if column.nullable:
        text += " May be null."
    return text


def _source(table: str, column: str, json_path: str | None = None) -> dict[str, Any]:
    source: dict[str, Any] = {
        "fileObject": {"@id": _file_id(table)},
        "extract": {"column": column},
    }
    if json_path is not None:
        source["transform"] = {"jsonPath": json_path}
    return source


def _field(table: str, column: Column, references: dict[str, str]) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": f"{table}/{column.name}",
        "name": column.name,
        "description": _description(column),
    }
    if column.is_list:
        node["isArray"] = True
    if column.is_struct:
        nested = [sub.name for sub in column.sub_columns() if sub.is_list or sub.is_struct]
        if nested:
            raise TypeError(f"{table}.{column.name}: nesting deeper than one level: {nested}")
        node["dataType"] = "sc:StructuredValue"
        node["subField"] = [
            {
                "@type": "cr:Field",
                "@id": f"{table}/{column.name}/{sub.name}",
                "name": sub.name,
                "description": _description(sub),
                "dataType": _data_type(sub),
                "source": _source(table, column.name, sub.name),
            }
            for sub in column.sub_columns()
        ]
        return node
    node["dataType"] = _data_type(column)
    node["source"] = _source(table, column.name)
    if column.name in references:
        node["references"] = {"field": {"@id": references[column.name]}}
    return node


def _enum_record_sets() -> list[dict[str, Any]]:
    enums: dict[str, type[Enum]] = {}
    for table in TABLES:
        for column in table_columns(table):
            subs = column.sub_columns() if column.is_struct else []
            for col in [column, *subs]:
                if col.is_enum:
                    enums[_enum_id(col.item)] = col.item
    sets = []
    for enum_id, enum in sorted(enums.items()):
        value_id = f"{enum_id}/value"
        sets.append(
            {
                "@type": "cr:RecordSet",
                "@id": enum_id,
                "name": enum_id,
                "description": (enum.__doc__ or enum.__name__).strip().split("\n")[0],
                "dataType": "sc:Enumeration",
                "key": {"@id": value_id},
                "field": [
                    {
                        "@type": "cr:Field",
                        "@id": value_id,
                        "name": "value",
                        "description": "An allowed value.",
                        "dataType": "sc:Text",
                    }
                ],
                "data": [{value_id: str(member.value)} for member in enum],
            }
        )
    return sets


def _record_set(table: str) -> dict[str, Any]:
    # Croissant ``references`` name one referenced field per field: scalar foreign keys only.
    # Keys into list columns (``treaty_ids``, ``mentions.treaty_id``) are said in the description.
    references = {
        column: f"{ref_table}/{ref_column}"
        for column, ref_table, ref_column in foreign_keys(table)
        if "." not in column and not _is_list(table, column)
    }
    list_keys = [
        f"every `{column}` value is a `{ref_table}.{ref_column}`"
        for column, ref_table, ref_column in foreign_keys(table)
        if column.split(".")[0] not in references
    ]
    description = table_description(table)
    if list_keys:
        description += " Foreign keys in list columns: " + "; ".join(list_keys) + "."
    return {
        "@type": "cr:RecordSet",
        "@id": table,
        "name": table,
        "description": description,
        "key": {"@id": f"{table}/{primary_key(table)}"},
        "field": [_field(table, column, references) for column in table_columns(table)],
    }


def _is_list(table: str, column: str) -> bool:
    return any(c.name == column and c.is_list for c in table_columns(table))


def croissant_document(root: Path) -> dict[str, Any]:
    """The Croissant 1.1 JSON-LD of the dataset folder ``root`` (Parquet files must exist)."""
    files = [common.table_file_info(root, table) for table in TABLES]
    distribution = [
        {
            "@type": "cr:FileObject",
            "@id": _file_id(f.table),
            "name": _file_id(f.table),
            "description": f"Parquet file of the `{f.table}` table ({f.rows} rows).",
            "contentUrl": f.path,
            "contentSize": f"{f.size} B",
            "encodingFormat": PARQUET_MEDIA_TYPE,
            "sha256": f.sha256,
        }
        for f in files
    ]
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "name": common.NAME,
        "alternateName": common.TITLE,
        "description": common.DESCRIPTION,
        "conformsTo": CONFORMS_TO,
        "version": __version__,
        "url": common.URL,
        "license": common.LICENSE_URL,
        "copyrightNotice": common.RIGHTS_NOTICE,
        "citeAs": common.citation_bibtex(),
        "creator": {"@type": "sc:Organization", "name": common.CREATOR, "url": common.URL},
        "keywords": common.KEYWORDS,
        "inLanguage": common.LANGUAGE,
        "isAccessibleForFree": True,
        "prov:wasDerivedFrom": {
            "@type": "prov:Entity",
            "name": "raw news articles",
            "description": common.SOURCES_NOTICE,
        },
        "prov:wasGeneratedBy": {
            "@type": "prov:Activity",
            "name": "conversion",
            "description": (
                f"Built from the raw articles by {common.GENERATOR}; per-file outcomes are in "
                "the provenance record set."
            ),
        },
        "distribution": distribution,
        "recordSet": [_record_set(table) for table in TABLES] + _enum_record_sets(),
    }
