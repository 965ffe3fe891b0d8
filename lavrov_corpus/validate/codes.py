"""The stable error codes of ``validate``: one per kind of problem, each with a one-line meaning.

Codes are part of the public interface (scripts select and ignore them, reports are diffed across
versions): add new ones freely, never rename or reuse one.
"""

from __future__ import annotations

from enum import Enum


class Code(str, Enum):  # noqa: UP042 - StrEnum cannot carry a description per member
    """A kind of problem a dataset folder can have."""

    description: str

    def __new__(cls, value: str, description: str) -> Code:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    # files
    DATASET_MISSING = "dataset-missing", "the dataset folder does not exist"
    MANIFEST_MISSING = "manifest-missing", "manifest.json is absent or unreadable"
    MANIFEST_INVALID = (
        "manifest-invalid",
        "manifest.json is not JSON or does not fit the Manifest model",
    )
    FILE_MISSING = "file-missing", "a file listed in the manifest (or a table file) is absent"
    FILE_SIZE_MISMATCH = "file-size-mismatch", "a file's size differs from the manifest"
    FILE_CHECKSUM_MISMATCH = "file-checksum-mismatch", "a file's sha256 differs from the manifest"
    UNEXPECTED_FILE = "unexpected-file", "a file in the folder is not listed in the manifest"
    PARQUET_UNREADABLE = "parquet-unreadable", "a table file is not readable Parquet"
    # schema
    SCHEMA_MISSING_COLUMN = "schema-missing-column", "a column of the model is absent"
    SCHEMA_EXTRA_COLUMN = "schema-extra-column", "a column the model does not have"
    SCHEMA_COLUMN_ORDER = "schema-column-order", "columns are not in the model's order"
    SCHEMA_TYPE_MISMATCH = "schema-type-mismatch", "a column's Arrow type differs from the model's"
    SCHEMA_NULLABILITY_MISMATCH = (
        "schema-nullability-mismatch",
        "a column's nullable flag differs from the model's",
    )
    # values
    NULL_VALUE = "null-value", "a null where the model requires a value"
    ENUM_VALUE = "enum-value", "a value outside the field's enumeration"
    RANGE = "range", "a number or length outside its allowed range (incl. offsets past the text)"
    SPAN_ORDER = "span-order", "a span or byte range that ends before it starts"
    FORMAT = "format", "a string that does not match the field's pattern (ids, sha256, URLs, ...)"
    CONSISTENCY = "consistency", "fields of one row that contradict each other"
    ROW_MODEL = "row-model", "a row rejected by its pydantic model (rules not covered above)"
    # keys
    DUPLICATE_KEY = "duplicate-key", "a primary key value that occurs more than once"
    FOREIGN_KEY = "foreign-key", "a reference to a key that does not exist in its table"
    # spans
    SPAN_MISMATCH = "span-mismatch", "a quote's text differs from articles.text[start:end]"
    MENTION_MISMATCH = "mention-mismatch", "a treaty mention's text differs from its span"
    TITLE_MISMATCH = "title-mismatch", "an article's title differs from text[title_start:title_end]"
    # sources (only with --sources)
    SOURCE_MISSING = "source-missing", "a provenance file is absent from the sources folder"
    SOURCE_SIZE_MISMATCH = "source-size-mismatch", "a source file's size differs from provenance"
    SOURCE_CHECKSUM_MISMATCH = (
        "source-checksum-mismatch",
        "a source file's sha256 differs from provenance",
    )
    SOURCE_SPAN_MISMATCH = (
        "source-span-mismatch",
        "source bytes of a segment or quote do not decode to the recorded text",
    )
    # accounting
    PROVENANCE_COUNT = "provenance-count", "an input or article not accounted for exactly once"
    PROVENANCE_MISMATCH = (
        "provenance-mismatch",
        "an article's or quote's source path/sha256 differs from its provenance",
    )
    ACCEPTED_WITHOUT_ARTICLE = (
        "accepted-without-article",
        "an accepted article input whose article is absent",
    )
    # metadata
    CARD_MISSING = "card-missing", "README.md (the dataset card) is absent"
    CARD_YAML = "card-yaml", "the card's YAML front matter is absent or malformed"
    CARD_CONFIG_PATH = "card-config-path", "the card's configs do not point at the table files"
    VERSION_MISMATCH = "version-mismatch", "package, card, manifest and citation versions differ"
    MANIFEST_ROW_COUNT = "manifest-row-count", "a table's row count differs from the manifest"
    MANIFEST_FINGERPRINT = (
        "manifest-fingerprint",
        "the manifest's fingerprint is not that of its files",
    )
    CITATION_INVALID = "citation-invalid", "CITATION.cff is absent, not YAML, or lacks a version"
    METADATA_JSON_INVALID = (
        "metadata-json-invalid",
        "croissant.json or datapackage.json is not a JSON object",
    )


def code_of(value: str | Code) -> Code:
    """The ``Code`` named ``value``; ``ValueError`` if there is none."""
    member = Code._value2member_map_.get(str(value.value if isinstance(value, Code) else value))
    if member is None:
        raise ValueError(f"unknown error code: {value}")
    return member  # type: ignore[return-value]  # the map holds Code members only


def parse_codes(values: object) -> set[Code]:
    """Codes named in ``values`` (strings or ``Code``); raise ``ValueError`` naming unknown ones."""
    if values is None:
        return set()
    if isinstance(values, str | Code):
        values = [values]
    out: set[Code] = set()
    unknown: list[str] = []
    for v in values:  # type: ignore[attr-defined]
        try:
            out.add(code_of(v))
        except ValueError:
            unknown.append(str(v))
    if unknown:
        raise ValueError(f"unknown error code(s): {', '.join(unknown)}")
    return out
