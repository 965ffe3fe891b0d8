"""The five tables of the dataset, one pydantic model per row.

These models are the single source of truth of the schema: the Arrow schema, the Hugging Face
``Features`` and the JSON Schema files in ``schema/`` are all derived from them by
:mod:`lavrov_corpus.schema`. Field order here is column order in Parquet.

Offsets: every ``start``/``end`` pair is a half-open range of Python string indices (Unicode code
points) into ``articles.text``; every ``byte_start``/``byte_end`` pair is a half-open range of
bytes in the raw source file named by ``source_sha256``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, model_validator

from .common import (
    LANGUAGE_PATTERN,
    URL_PATTERN,
    ArticleId,
    Attribution,
    DatePrecision,
    FieldOrigins,
    FileRole,
    Method,
    NonEmptyStr,
    Offset,
    ProvenanceStatus,
    QuoteId,
    Record,
    RejectReason,
    Sha256,
    Slug,
    SourceSegment,
    TextSpan,
    TreatyEvent,
    TreatyKind,
    TreatyMention,
    TreatyStatus,
)

Url = Annotated[str, Field(pattern=URL_PATTERN)]
Language = Annotated[str, Field(pattern=LANGUAGE_PATTERN)]


class Article(Record):
    """One news article: its cleaned text, metadata and where every part of it came from."""

    article_id: ArticleId = Field(
        description="Stable id: 'a' + the first 16 hex digits of the source file's sha256."
    )
    title: str | None = Field(
        description=(
            "Title: the curated one when given, else the printed headline; when extracted "
            "(`origins.title`), it equals `text[title_start:title_end]`."
        )
    )
    title_start: Offset | None = Field(
        description="Start of the printed headline in `text` (code points); null if none found."
    )
    title_end: Offset | None = Field(
        description="End of the printed headline in `text` (code points); null if none found."
    )
    standfirst: str | None = Field(description="Summary line under the headline, when present.")
    outlet: str | None = Field(description="Publisher, from curated metadata or the text itself.")
    url: Url | None = Field(description="Canonical URL of the article (curated).")
    published: dt.date | None = Field(
        description="Publication date; parts finer than `published_precision` are 1."
    )
    published_precision: DatePrecision | None = Field(
        description="How much of `published` is known; null exactly when `published` is null."
    )
    dateline: str | None = Field(
        description="Dateline as printed, e.g. 'MOSCOW, September 5. /TASS/.'."
    )
    dateline_place: str | None = Field(description="Place named by the dateline, e.g. 'MOSCOW'.")
    language: Language | None = Field(description="BCP 47 language tag of the text, e.g. 'en'.")
    text: NonEmptyStr = Field(
        description=(
            "Cleaned article: headline, then body paragraphs separated by a blank line "
            "(see the normalization rules in the dataset card)."
        )
    )
    body_start: Offset = Field(description="Offset in `text` where the body starts.")
    paragraphs: list[TextSpan] = Field(description="Spans of the paragraphs of `text`, in order.")
    treaty_ids: list[Slug] = Field(
        description="Treaties mentioned anywhere in `text`, sorted, each once."
    )
    mentions: list[TreatyMention] = Field(
        description="Every treaty mention in `text`, in order of `start`."
    )
    rights: NonEmptyStr = Field(
        description="Rights statement for the article text (it belongs to its publisher)."
    )
    notes: str | None = Field(description="Curator's notes from sidecar metadata.")
    origins: FieldOrigins = Field(
        description="Whether each metadata field is curated or extracted."
    )
    method: Method = Field(description="How the article record was obtained.")
    source_path: NonEmptyStr = Field(
        description="Path of the source file relative to the input folder, '/'-separated."
    )
    source_sha256: Sha256 = Field(description="sha256 of the raw source file bytes.")
    source_encoding: NonEmptyStr = Field(
        description=(
            "Encoding the source bytes were decoded with ('utf-8+cp1251': UTF-8 whose other "
            "bytes were read one by one as cp1251)."
        )
    )
    source_byte_start: Offset = Field(description="First source byte used by `text`.")
    source_byte_end: Offset = Field(description="End (exclusive) of the last source byte used.")
    source_map: list[SourceSegment] = Field(
        description="Pieces of `text` copied verbatim from the source, with their byte ranges."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Article:
        n = len(self.text)
        if (self.title_start is None) != (self.title_end is None):
            raise ValueError("title_start and title_end must be both null or both set")
        if (self.title is None) != (self.origins.title is None):
            raise ValueError("origins.title must be null exactly when title is null")
        if self.origins.title is Method.EXTRACTED and (
            self.title_start is None or self.text[self.title_start : self.title_end] != self.title
        ):
            raise ValueError("an extracted title must equal text[title_start:title_end]")
        if (self.published is None) != (self.published_precision is None):
            raise ValueError("published and published_precision must be both null or both set")
        if self.body_start > n:
            raise ValueError("body_start beyond the end of text")
        for span in self.paragraphs:
            if span.end > n:
                raise ValueError("paragraph span beyond the end of text")
        for m in self.mentions:
            if self.text[m.start : m.end] != m.text:
                raise ValueError(f"mention {m.text!r} differs from text[{m.start}:{m.end}]")
        if sorted(set(self.treaty_ids)) != self.treaty_ids:
            raise ValueError("treaty_ids must be sorted and unique")
        if self.source_byte_end < self.source_byte_start:
            raise ValueError("source byte range ends before it starts")
        return self


class Quote(Record):
    """One contiguous span of directly quoted words in an article."""

    quote_id: QuoteId = Field(description="Stable id: '<article_id>-q<n>', n from 1 in text order.")
    article_id: ArticleId = Field(description="The article quoted from (`articles.article_id`).")
    text: NonEmptyStr = Field(
        description="The quoted words without the enclosing marks: `articles.text[start:end]`."
    )
    start: Offset = Field(description="Start in `articles.text` (code points, inclusive).")
    end: Offset = Field(description="End in `articles.text` (code points, exclusive).")
    speaker: str | None = Field(description="Canonical name of the speaker; null if unknown.")
    speaker_id: Slug | None = Field(description="The speaker (`speakers.speaker_id`), or null.")
    speaker_mention: str | None = Field(
        description="Words naming the speaker near the quote ('Lavrov', 'he', 'the minister')."
    )
    attribution: Attribution = Field(description="How the speaker was found.")
    cue: str | None = Field(description="The speech verb that introduces the quote, as printed.")
    is_partial: bool = Field(description="A fragment quoted inside reported speech.")
    in_headline: bool = Field(description="The quote is in the headline.")
    is_scare: bool = Field(
        description="Scare quotes or a quoted term that nobody is reported to have said."
    )
    is_closed: bool = Field(description="False when the source never closes the quotation.")
    paragraph: Offset = Field(
        description="Index of the paragraph of `articles.paragraphs` it starts in."
    )
    treaty_ids: list[Slug] = Field(description="Treaties mentioned inside the quote, sorted.")
    method: Method = Field(description="How the quote record was obtained.")
    source_sha256: Sha256 = Field(description="sha256 of the raw source file.")
    source_byte_start: Offset = Field(description="Start of the quote in the source (bytes).")
    source_byte_end: Offset = Field(
        description="End of the quote in the source (bytes, exclusive)."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Quote:
        if self.end - self.start != len(self.text) or self.end <= self.start:
            raise ValueError("quote span length differs from its text")
        if (self.speaker is None) != (self.speaker_id is None):
            raise ValueError("speaker and speaker_id must be both null or both set")
        if not self.quote_id.startswith(self.article_id + "-"):
            raise ValueError("quote_id must start with its article_id")
        if sorted(set(self.treaty_ids)) != self.treaty_ids:
            raise ValueError("treaty_ids must be sorted and unique")
        if self.source_byte_end < self.source_byte_start:
            raise ValueError("source byte range ends before it starts")
        return self


class Speaker(Record):
    """A person quoted in the corpus."""

    speaker_id: Slug = Field(description="Stable id: slug of the canonical name.")
    name: NonEmptyStr = Field(description="Canonical name, e.g. 'Sergey Lavrov'.")
    variants: list[NonEmptyStr] = Field(
        description="Other spellings and forms of the name seen in news ('Sergei Lavrov')."
    )
    roles: list[NonEmptyStr] = Field(description="Roles such as 'foreign minister'.")
    wikidata_id: Annotated[str, Field(pattern=r"^Q[1-9][0-9]*$")] | None = Field(
        description="Wikidata item id, when verified; null otherwise."
    )
    method: Method = Field(
        description="'curated' for the reference list, 'extracted' for names found in text."
    )


class Treaty(Record):
    """An arms-control agreement from the curated reference table."""

    treaty_id: Slug = Field(description="Stable id, e.g. 'new-start'.")
    name: NonEmptyStr = Field(description="Full English name.")
    short_name: NonEmptyStr = Field(description="Usual short name, e.g. 'New START'.")
    aliases: list[NonEmptyStr] = Field(description="Names the treaty goes by in news.")
    kind: TreatyKind = Field(description="Legal nature of the agreement.")
    parties: list[NonEmptyStr] = Field(description="Parties (states or organisations).")
    signed: dt.date | None = Field(description="Date of signature (or of conclusion).")
    signed_place: str | None = Field(description="Where it was signed or concluded.")
    in_force: dt.date | None = Field(description="Date of entry into force; null if never.")
    status: TreatyStatus = Field(description="Status on `status_date`.")
    status_date: dt.date = Field(description="Date at which `status` was checked.")
    events: list[TreatyEvent] = Field(description="Dated events, in date order.")
    sources: list[Url] = Field(min_length=1, description="Sources of this row (URLs).")
    wikidata_id: Annotated[str, Field(pattern=r"^Q[1-9][0-9]*$")] | None = Field(
        description="Wikidata item id, when verified; null otherwise."
    )


class Provenance(Record):
    """One input file and what became of it."""

    path: NonEmptyStr = Field(description="Path relative to the input folder, '/'-separated.")
    role: FileRole = Field(description="'article' for raw text, 'sidecar' for curated metadata.")
    sha256: Sha256 | None = Field(description="sha256 of the file bytes; null if unreadable.")
    size: Offset | None = Field(description="Size in bytes; null if it could not be read.")
    encoding: str | None = Field(description="Encoding detected or assumed; null if none fits.")
    encoding_confidence: float | None = Field(
        ge=0.0, le=1.0, description="Confidence of the charset detector (1.0 for a BOM or UTF-8)."
    )
    status: ProvenanceStatus = Field(description="accepted, rejected or duplicate.")
    reason: RejectReason | None = Field(
        description="Stable reason code; null exactly when status is 'accepted'."
    )
    detail: str | None = Field(description="Human-readable explanation of `reason`.")
    article_id: ArticleId | None = Field(
        description="Article produced, or the one this file duplicates; null when rejected."
    )
    sidecar_path: str | None = Field(
        description="Curated metadata file applied to this input, relative to the input folder."
    )
    converter_version: NonEmptyStr = Field(description="Version of the converter that ran.")

    @model_validator(mode="after")
    def _consistent(self) -> Provenance:
        accepted = self.status is ProvenanceStatus.ACCEPTED
        if accepted != (self.reason is None):
            raise ValueError("reason must be null exactly when status is 'accepted'")
        rejected = self.status is ProvenanceStatus.REJECTED
        expects_article = self.role is FileRole.ARTICLE and not rejected
        if expects_article != (self.article_id is not None):
            raise ValueError(
                "article_id must be set exactly for accepted or duplicate article files"
            )
        return self
