"""A small but complete dataset folder built from model instances, for the interop and info tests.

``build_small_dataset(root)`` writes every table with :func:`lavrov_corpus.parquet_io.write_records`
at :func:`lavrov_corpus.layout.table_path`, from records whose offsets are computed from their
texts (so the model validators hold), and returns the records written. It does not depend on the
builder, so these tests run while the builder is being written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from lavrov_corpus import CONVERTER_VERSION
from lavrov_corpus.layout import table_path
from lavrov_corpus.models import (
    TABLES,
    Article,
    Attribution,
    DatePrecision,
    FieldOrigins,
    FileRole,
    Method,
    Provenance,
    ProvenanceStatus,
    Quote,
    Record,
    RejectReason,
    SourceSegment,
    Speaker,
    TextSpan,
    Treaty,
    TreatyEvent,
    TreatyKind,
    TreatyMention,
    TreatyStatus,
)
from lavrov_corpus.parquet_io import write_records

RIGHTS = "© the publisher; reproduced for research, all rights reserved by the publisher."

TREATIES = [
    Treaty(
        treaty_id="new-start",
        name="Treaty on Further Reduction and Limitation of Strategic Offensive Arms",
        short_name="New START",
        aliases=["New START", "New Strategic Arms Reduction Treaty"],
        kind=TreatyKind.BILATERAL_TREATY,
        parties=["United States", "Russia"],
        signed=dt.date(2010, 4, 8),
        signed_place="Prague",
        in_force=dt.date(2011, 2, 5),
        status=TreatyStatus.DISPUTED,
        status_date=dt.date(2024, 1, 1),
        events=[
            TreatyEvent(
                date=dt.date(2010, 4, 8),
                precision=DatePrecision.DAY,
                event="Signed in Prague.",
                source="https://example.org/new-start",
            )
        ],
        sources=["https://example.org/new-start"],
        wikidata_id="Q1063898",
    ),
    Treaty(
        treaty_id="inf-treaty",
        name="Intermediate-Range Nuclear Forces Treaty",
        short_name="INF Treaty",
        aliases=["INF Treaty", "INF"],
        kind=TreatyKind.BILATERAL_TREATY,
        parties=["United States", "Soviet Union"],
        signed=dt.date(1987, 12, 8),
        signed_place="Washington",
        in_force=dt.date(1988, 6, 1),
        status=TreatyStatus.TERMINATED,
        status_date=dt.date(2024, 1, 1),
        events=[],
        sources=["https://example.org/inf"],
        wikidata_id=None,
    ),
    Treaty(
        treaty_id="open-skies",
        name="Treaty on Open Skies",
        short_name="Open Skies Treaty",
        aliases=["Open Skies Treaty"],
        kind=TreatyKind.MULTILATERAL_TREATY,
        parties=["Russia", "Canada"],
        signed=None,
        signed_place=None,
        in_force=None,
        status=TreatyStatus.IN_FORCE,
        status_date=dt.date(2024, 1, 1),
        events=[],
        sources=["https://example.org/open-skies"],
        wikidata_id=None,
    ),
]

SPEAKERS = [
    Speaker(
        speaker_id="sergey-lavrov",
        name="Sergey Lavrov",
        variants=["Sergei Lavrov", "Lavrov"],
        roles=["foreign minister"],
        wikidata_id="Q182283",
        method=Method.CURATED,
    ),
    Speaker(
        speaker_id="maria-zakharova",
        name="Maria Zakharova",
        variants=["Zakharova"],
        roles=["spokeswoman"],
        wikidata_id=None,
        method=Method.CURATED,
    ),
]

#: (file name, published, headline, [(speaker_id or None, quote words, trailing words)]).
_ARTICLES: list[tuple[str, dt.date | None, str, list[tuple[str | None, str, str]]]] = [
    (
        "a.txt",
        dt.date(2019, 11, 1),
        "Lavrov on the INF Treaty",
        [
            ("sergey-lavrov", "They buried the INF Treaty this year", " Lavrov said."),
            ("sergey-lavrov", "New START must be extended", " he added."),
            (None, "strategic stability", " is the phrase."),
        ],
    ),
    (
        "b.txt",
        dt.date(2021, 2, 3),
        "Moscow welcomes New START extension",
        [
            ("sergey-lavrov", "New START is extended for five years", " Lavrov said."),
            ("maria-zakharova", "The Open Skies Treaty was undermined", " Zakharova said."),
        ],
    ),
    ("c.txt", None, "Undated wire", [("sergey-lavrov", "We are ready to talk", " Lavrov said.")]),
]


def _treaty_mentions(text: str) -> list[TreatyMention]:
    found = []
    for treaty in TREATIES:
        for alias in sorted(treaty.aliases, key=len, reverse=True):
            start = text.find(alias)
            while start >= 0:
                end = start + len(alias)
                if not any(m.start < end and start < m.end for m in found):
                    found.append(
                        TreatyMention(treaty_id=treaty.treaty_id, start=start, end=end, text=alias)
                    )
                start = text.find(alias, end)
    return sorted(found, key=lambda m: m.start)


def _article_and_quotes(
    name: str,
    published: dt.date | None,
    headline: str,
    quotes: list[tuple[str | None, str, str]],
) -> tuple[Article, list[Quote], Provenance]:
    body = " ".join(f"“{words}”,{tail}" for _, words, tail in quotes)
    text = f"{headline}\n\n{body}"
    raw = text.encode("utf-8")
    sha = hashlib.sha256(raw).hexdigest()
    article_id = "a" + sha[:16]
    mentions = _treaty_mentions(text)
    body_start = len(headline) + 2
    article = Article(
        article_id=article_id,
        title=headline,
        title_start=0,
        title_end=len(headline),
        standfirst=None,
        outlet="TASS",
        url=None,
        published=published,
        published_precision=DatePrecision.DAY if published else None,
        dateline=None,
        dateline_place=None,
        language="en",
        text=text,
        body_start=body_start,
        paragraphs=[
            TextSpan(start=0, end=len(headline)),
            TextSpan(start=body_start, end=len(text)),
        ],
        treaty_ids=sorted({m.treaty_id for m in mentions}),
        mentions=mentions,
        rights=RIGHTS,
        notes=None,
        origins=FieldOrigins(title=Method.EXTRACTED, outlet=Method.CURATED),
        method=Method.EXTRACTED,
        source_path=name,
        source_sha256=sha,
        source_encoding="utf-8",
        source_byte_start=0,
        source_byte_end=len(raw),
        source_map=[
            SourceSegment(text_start=0, text_end=len(text), byte_start=0, byte_end=len(raw))
        ],
    )
    speakers = {s.speaker_id: s.name for s in SPEAKERS}
    records = []
    cursor = body_start
    for n, (speaker_id, words, tail) in enumerate(quotes, start=1):
        start = text.index(words, cursor)
        end = start + len(words)
        cursor = end
        inside = sorted({m.treaty_id for m in mentions if start <= m.start and m.end <= end})
        byte_start = len(text[:start].encode("utf-8"))
        records.append(
            Quote(
                quote_id=f"{article_id}-q{n:03d}",
                article_id=article_id,
                text=words,
                start=start,
                end=end,
                speaker=speakers[speaker_id] if speaker_id else None,
                speaker_id=speaker_id,
                speaker_mention=tail.split()[0] if speaker_id else None,
                attribution=Attribution.NAME if speaker_id else Attribution.NONE,
                cue="said" if speaker_id else None,
                is_partial=False,
                in_headline=False,
                is_scare=speaker_id is None,
                is_closed=True,
                paragraph=1,
                treaty_ids=inside,
                method=Method.EXTRACTED,
                source_sha256=sha,
                source_byte_start=byte_start,
                source_byte_end=byte_start + len(words.encode("utf-8")),
            )
        )
    provenance = Provenance(
        path=name,
        role=FileRole.ARTICLE,
        sha256=sha,
        size=len(raw),
        encoding="utf-8",
        encoding_confidence=1.0,
        status=ProvenanceStatus.ACCEPTED,
        reason=None,
        detail=None,
        article_id=article_id,
        sidecar_path=None,
        converter_version=CONVERTER_VERSION,
    )
    return article, records, provenance


def small_records() -> dict[str, list[Record]]:
    """Every table's rows of the small dataset, consistent with each other."""
    articles: list[Record] = []
    quotes: list[Record] = []
    provenance: list[Record] = []
    for spec in _ARTICLES:
        article, article_quotes, prov = _article_and_quotes(*spec)
        articles.append(article)
        quotes.extend(article_quotes)
        provenance.append(prov)
    provenance.append(
        Provenance(
            path="empty.txt",
            role=FileRole.ARTICLE,
            sha256=hashlib.sha256(b"").hexdigest(),
            size=0,
            encoding=None,
            encoding_confidence=None,
            status=ProvenanceStatus.REJECTED,
            reason=RejectReason.EMPTY,
            detail="the file is empty",
            article_id=None,
            sidecar_path=None,
            converter_version=CONVERTER_VERSION,
        )
    )
    return {
        "articles": articles,
        "quotes": quotes,
        "speakers": list(SPEAKERS),
        "treaties": list(TREATIES),
        "provenance": provenance,
    }


def build_small_dataset(root: Path) -> dict[str, list[Record]]:
    """Write the small dataset's Parquet files under ``root``; return the records per table."""
    records = small_records()
    for table in TABLES:
        path = table_path(root, table)
        write_records(path, table, records[table])
    return records


def test_small_dataset_rows_are_consistent(tmp_path: Path) -> None:
    records = build_small_dataset(tmp_path)
    article_ids = {r.article_id for r in records["articles"]}  # type: ignore[attr-defined]
    assert all(q.article_id in article_ids for q in records["quotes"])  # type: ignore[attr-defined]
    treaty_ids = {t.treaty_id for t in records["treaties"]}  # type: ignore[attr-defined]
    mentioned = {t for q in records["quotes"] for t in q.treaty_ids}  # type: ignore[attr-defined]
    assert mentioned and mentioned <= treaty_ids
    for table in TABLES:
        assert table_path(tmp_path, table).stat().st_size > 0
