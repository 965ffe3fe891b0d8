"""Enumerations, shared constraints and small nested structures used by the table models.

Every enumeration is a ``str`` enum so that its value is what lands in Parquet, JSON Schema and
the Hugging Face ``Features``; the set of values is part of the published schema.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

#: Base configuration of every record: unknown fields are an error, records are immutable.
RECORD_CONFIG = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

SHA256_PATTERN = r"^[0-9a-f]{64}$"
ARTICLE_ID_PATTERN = r"^a[0-9a-f]{16}$"
QUOTE_ID_PATTERN = r"^a[0-9a-f]{16}-q[0-9]{3,}$"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
URL_PATTERN = r"^https?://[^\s/$.?#][^\s]*$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"

Sha256 = Annotated[str, Field(pattern=SHA256_PATTERN)]
ArticleId = Annotated[str, Field(pattern=ARTICLE_ID_PATTERN)]
QuoteId = Annotated[str, Field(pattern=QUOTE_ID_PATTERN)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]
Offset = Annotated[int, Field(ge=0)]
NonEmptyStr = Annotated[str, Field(min_length=1)]


class Record(BaseModel):
    """Base of every table row and nested structure: strict and immutable."""

    model_config = RECORD_CONFIG


class Method(StrEnum):
    """How a record or field value was obtained."""

    EXTRACTED = "extracted"  #: produced automatically by the converter from the source text
    CURATED = "curated"  #: written by a person (sidecar metadata or reference tables)


class DatePrecision(StrEnum):
    """How much of a date the source actually gives; finer parts are set to 1 when absent."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class ProvenanceStatus(StrEnum):
    """What became of one input file."""

    ACCEPTED = "accepted"  #: converted into an article
    REJECTED = "rejected"  #: not converted; ``reason`` says why
    DUPLICATE = "duplicate"  #: same article as an earlier accepted file (``article_id`` names it)


class FileRole(StrEnum):
    """What an input file is to the build."""

    ARTICLE = "article"  #: a raw article, converted into an ``articles`` row
    SIDECAR = "sidecar"  #: curated metadata (``metadata.toml``) applied to other files


class RejectReason(StrEnum):
    """Stable reason codes for rejected and duplicate inputs."""

    EMPTY = "empty"
    WHITESPACE_ONLY = "whitespace-only"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    TOO_LARGE = "too-large"
    LINE_TOO_LONG = "line-too-long"
    NO_ARTICLE_TEXT = "no-article-text"
    UNSUPPORTED_TYPE = "unsupported-type"
    SYMLINK_OUTSIDE = "symlink-outside-input"
    UNREADABLE = "unreadable"
    SIDECAR_INVALID = "sidecar-invalid"
    DUPLICATE_BYTES = "duplicate-bytes"
    DUPLICATE_TEXT = "duplicate-text"
    CONVERTER_ERROR = "converter-error"


class TreatyKind(StrEnum):
    """Legal nature of an agreement."""

    BILATERAL_TREATY = "bilateral-treaty"
    MULTILATERAL_TREATY = "multilateral-treaty"
    POLITICAL_AGREEMENT = "political-agreement"


class TreatyStatus(StrEnum):
    """Status of an agreement at the reference date of the treaty table."""

    IN_FORCE = "in-force"
    NOT_IN_FORCE = "not-in-force"
    NEVER_IN_FORCE = "never-in-force"
    EXPIRED = "expired"
    TERMINATED = "terminated"
    DISPUTED = "disputed"


class Attribution(StrEnum):
    """How the speaker of a quote was found."""

    NAME = "name"  #: a personal name next to the quote ("Lavrov said")
    PRONOUN = "pronoun"  #: "he said", resolved to the current speaker
    DESCRIPTION = "description"  #: a role noun phrase ("the minister", "the Russian diplomat")
    CONTINUATION = "continuation"  #: no cue of its own; continues an attributed quote
    NONE = "none"  #: not attributed (scare quotes, terms, unknown speaker)


class FieldOrigins(Record):
    """Which article fields come from curated sidecar metadata and which were extracted."""

    title: Method | None = Field(None, description="Origin of `title`; null when it is null.")
    outlet: Method | None = Field(None, description="Origin of `outlet`; null when it is null.")
    url: Method | None = Field(None, description="Origin of `url`; null when it is null.")
    published: Method | None = Field(
        None, description="Origin of `published`; null when it is null."
    )
    language: Method | None = Field(None, description="Origin of `language`; null when it is null.")


class SourceSegment(Record):
    """One piece of ``articles.text`` copied verbatim from the decoded source file.

    ``text[text_start:text_end]`` equals the source bytes ``[byte_start:byte_end)`` decoded with the
    article's encoding. Characters of ``text`` outside every segment were synthesised by the
    normalization rules (paragraph breaks, the single space that joins hard-wrapped lines).
    """

    text_start: Offset = Field(description="Start in `articles.text` (code points, inclusive).")
    text_end: Offset = Field(description="End in `articles.text` (code points, exclusive).")
    byte_start: Offset = Field(description="Start in the source file (bytes, inclusive).")
    byte_end: Offset = Field(description="End in the source file (bytes, exclusive).")

    @model_validator(mode="after")
    def _ordered(self) -> SourceSegment:
        if self.text_end < self.text_start or self.byte_end < self.byte_start:
            raise ValueError("segment ends before it starts")
        return self


class TextSpan(Record):
    """A half-open span of ``articles.text`` in code points."""

    start: Offset = Field(description="Start offset (code points, inclusive).")
    end: Offset = Field(description="End offset (code points, exclusive).")

    @model_validator(mode="after")
    def _ordered(self) -> TextSpan:
        if self.end < self.start:
            raise ValueError("span ends before it starts")
        return self


class TreatyMention(Record):
    """One mention of a treaty in ``articles.text``."""

    treaty_id: Slug = Field(description="The treaty mentioned (`treaties.treaty_id`).")
    start: Offset = Field(description="Start in `articles.text` (code points, inclusive).")
    end: Offset = Field(description="End in `articles.text` (code points, exclusive).")
    text: NonEmptyStr = Field(description="The surface form: `articles.text[start:end]`.")

    @model_validator(mode="after")
    def _span(self) -> TreatyMention:
        if self.end - self.start != len(self.text):
            raise ValueError("mention text length differs from its span")
        return self


class TreatyEvent(Record):
    """A dated event in the life of a treaty."""

    date: dt.date = Field(description="Date of the event (parts finer than `precision` are 1).")
    precision: DatePrecision = Field(description="How much of `date` the sources give.")
    event: NonEmptyStr = Field(description="What happened, in one sentence.")
    source: Annotated[str, Field(pattern=URL_PATTERN)] = Field(
        description="URL of the source for this event."
    )
