"""Typed records of the dataset: the single source of truth of its schema."""

from __future__ import annotations

from .common import (
    Attribution,
    DatePrecision,
    FieldOrigins,
    FileRole,
    Method,
    ProvenanceStatus,
    Record,
    RejectReason,
    SourceSegment,
    TextSpan,
    TreatyEvent,
    TreatyKind,
    TreatyMention,
    TreatyStatus,
)
from .tables import Article, Provenance, Quote, Speaker, Treaty

#: Table name -> row model, in the order tables are built, documented and validated.
TABLES: dict[str, type[Record]] = {
    "articles": Article,
    "quotes": Quote,
    "speakers": Speaker,
    "treaties": Treaty,
    "provenance": Provenance,
}

#: Table name -> primary key column.
PRIMARY_KEYS: dict[str, str] = {
    "articles": "article_id",
    "quotes": "quote_id",
    "speakers": "speaker_id",
    "treaties": "treaty_id",
    "provenance": "path",
}

#: (table, column) -> (referenced table, referenced column). A list column means every element.
FOREIGN_KEYS: dict[tuple[str, str], tuple[str, str]] = {
    ("articles", "treaty_ids"): ("treaties", "treaty_id"),
    ("articles", "mentions.treaty_id"): ("treaties", "treaty_id"),
    ("quotes", "article_id"): ("articles", "article_id"),
    ("quotes", "speaker_id"): ("speakers", "speaker_id"),
    ("quotes", "treaty_ids"): ("treaties", "treaty_id"),
    ("provenance", "article_id"): ("articles", "article_id"),
}

__all__ = [
    "FOREIGN_KEYS",
    "PRIMARY_KEYS",
    "TABLES",
    "Article",
    "Attribution",
    "DatePrecision",
    "FieldOrigins",
    "FileRole",
    "Method",
    "Provenance",
    "ProvenanceStatus",
    "Quote",
    "Record",
    "RejectReason",
    "SourceSegment",
    "Speaker",
    "TextSpan",
    "Treaty",
    "TreatyEvent",
    "TreatyKind",
    "TreatyMention",
    "TreatyStatus",
]
