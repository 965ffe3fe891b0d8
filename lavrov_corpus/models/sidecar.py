"""Curated metadata for input files: the ``metadata.toml`` sidecar format.

A ``metadata.toml`` in any folder of the input describes files in that folder and below::

    [[article]]
    file = "000_ec1e12c17ad5b790.txt"      # relative to this metadata.toml, '/'-separated
    url = "https://example.org/news/1"
    outlet = "TASS"
    published = 2019-09-05                 # a TOML date, or "2019-09" / "2019" for less precision
    language = "en"
    title = "Headline as published"        # optional override of the extracted headline
    rights = "© TASS. Redistributed for research."
    notes = "anything a curator wants to record"

TOML is read with the standard library's ``tomllib``, which builds only plain values (no object
construction). Every entry is validated by :class:`CuratedMetadata`; unknown keys are errors.
Curated values win over extracted ones, and each article records which fields were curated.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import Field, field_validator

from .common import LANGUAGE_PATTERN, URL_PATTERN, DatePrecision, Record

SIDECAR_NAME = "metadata.toml"

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class PartialDate(Record):
    """A date with the precision the curator knows it to."""

    date: dt.date
    precision: DatePrecision


def parse_partial_date(value: Any) -> PartialDate:
    """Parse a TOML date or an ISO string 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.datetime):
        raise ValueError("give a date, not a date-time")
    if isinstance(value, dt.date):
        return PartialDate(date=value, precision=DatePrecision.DAY)
    if not isinstance(value, str) or not (m := _PARTIAL_DATE.match(value)):
        raise ValueError("expected a date like 2019-09-05, 2019-09 or 2019")
    year, month, day = m.group(1), m.group(2), m.group(3)
    precision = DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
    return PartialDate(date=dt.date(int(year), int(month or 1), int(day or 1)), precision=precision)


class CuratedMetadata(Record):
    """Curated metadata of one input file (one ``[[article]]`` entry of a sidecar)."""

    file: Annotated[str, Field(min_length=1)] = Field(
        description="File described, relative to the sidecar's folder, '/'-separated."
    )
    url: Annotated[str, Field(pattern=URL_PATTERN)] | None = None
    outlet: Annotated[str, Field(min_length=1)] | None = None
    published: PartialDate | None = None
    language: Annotated[str, Field(pattern=LANGUAGE_PATTERN)] | None = None
    title: Annotated[str, Field(min_length=1)] | None = None
    rights: Annotated[str, Field(min_length=1)] | None = None
    notes: str | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _date(cls, value: Any) -> PartialDate | None:
        return None if value is None else parse_partial_date(value)

    @field_validator("outlet", "title", "rights")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be blank (only spaces): leave the key out instead")
        return value

    @field_validator("file")
    @classmethod
    def _relative(cls, value: str) -> str:
        parts = value.split("/")
        if value.startswith("/") or "\\" in value or any(p in ("", ".", "..") for p in parts):
            raise ValueError("must be a relative '/'-separated path inside the input folder")
        return value


class Sidecar(Record):
    """A whole ``metadata.toml`` file."""

    article: list[CuratedMetadata] = Field(default_factory=list)
