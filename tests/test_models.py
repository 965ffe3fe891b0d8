"""The models are strict: unknown fields fail, records are immutable, invariants are enforced."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from lavrov_corpus.models import (
    FileRole,
    Method,
    Provenance,
    ProvenanceStatus,
    RejectReason,
    Speaker,
    TreatyMention,
)
from lavrov_corpus.models.sidecar import CuratedMetadata, parse_partial_date

SHA = "0" * 64


def speaker(**overrides: object) -> Speaker:
    fields: dict[str, object] = {
        "speaker_id": "sergey-lavrov",
        "name": "Sergey Lavrov",
        "variants": ["Sergei Lavrov"],
        "roles": ["foreign minister"],
        "wikidata_id": None,
        "method": "curated",
    }
    fields.update(overrides)
    return Speaker.model_validate(fields)


def provenance(**overrides: object) -> Provenance:
    fields: dict[str, object] = {
        "path": "a.txt",
        "role": "article",
        "sha256": SHA,
        "size": 3,
        "encoding": "utf_8",
        "encoding_confidence": 1.0,
        "status": "accepted",
        "reason": None,
        "detail": None,
        "article_id": "a" + "0" * 16,
        "sidecar_path": None,
        "converter_version": "0.1.0",
    }
    fields.update(overrides)
    return Provenance.model_validate(fields)


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        speaker(nickname="Lavr")


def test_records_are_immutable() -> None:
    record = speaker()
    with pytest.raises(ValidationError):
        record.name = "Someone Else"  # type: ignore[misc]


def test_required_fields_have_no_defaults() -> None:
    with pytest.raises(ValidationError, match="wikidata_id"):
        Speaker.model_validate(
            {k: v for k, v in speaker().model_dump().items() if k != "wikidata_id"}
        )


@pytest.mark.parametrize(
    ("field", "value"),
    [("speaker_id", "Sergey Lavrov"), ("wikidata_id", "Q0123"), ("method", "guessed")],
)
def test_formats_and_enums_are_enforced(field: str, value: str) -> None:
    with pytest.raises(ValidationError):
        speaker(**{field: value})


def test_enum_values_are_members() -> None:
    assert speaker().method is Method.CURATED


def test_provenance_reason_iff_not_accepted() -> None:
    with pytest.raises(ValidationError, match="reason must be null"):
        provenance(reason="empty")
    rejected = provenance(status="rejected", reason="empty", article_id=None, detail="empty file")
    assert rejected.reason is RejectReason.EMPTY
    with pytest.raises(ValidationError, match="article_id"):
        provenance(status="rejected", reason="empty")


def test_sidecar_rows_need_no_article() -> None:
    row = provenance(path="metadata.toml", role="sidecar", article_id=None)
    assert row.role is FileRole.SIDECAR and row.status is ProvenanceStatus.ACCEPTED


def test_mention_text_must_match_span_length() -> None:
    TreatyMention(treaty_id="inf", start=3, end=6, text="INF")
    with pytest.raises(ValidationError, match="length"):
        TreatyMention(treaty_id="inf", start=3, end=7, text="INF")


@pytest.mark.parametrize(
    ("value", "expected", "precision"),
    [
        (dt.date(2019, 9, 5), dt.date(2019, 9, 5), "day"),
        ("2019-09", dt.date(2019, 9, 1), "month"),
        ("2019", dt.date(2019, 1, 1), "year"),
    ],
)
def test_partial_dates(value: object, expected: dt.date, precision: str) -> None:
    parsed = parse_partial_date(value)
    assert parsed.date == expected and parsed.precision.value == precision


@pytest.mark.parametrize("value", ["2019-13", "05/09/2019", 2019, dt.datetime(2019, 1, 1)])
def test_bad_partial_dates(value: object) -> None:
    with pytest.raises((ValueError, ValidationError)):
        parse_partial_date(value)


@pytest.mark.parametrize("path", ["../x.txt", "/etc/passwd", "a/../../b.txt", "a\\b.txt", ""])
def test_sidecar_paths_stay_inside(path: str) -> None:
    with pytest.raises(ValidationError):
        CuratedMetadata(file=path)
