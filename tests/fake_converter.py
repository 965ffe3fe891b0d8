"""A small, deterministic stand-in for ``lavrov_corpus.extract.convert_bytes`` used by build tests.

It follows the converter's interface (``Conversion`` / ``Rejection``) so the build can be tested
apart from the extraction rules: UTF-8 only, first line = headline, one paragraph per non-blank
line, quotes between curly double quotes attributed to nobody. ``explode`` in a file's text makes
it raise, to test that converter errors become reports.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from lavrov_corpus.models import (
    Article,
    Attribution,
    FieldOrigins,
    Method,
    Quote,
    RejectReason,
    SourceSegment,
    Speaker,
    TextSpan,
)
from lavrov_corpus.models.sidecar import CuratedMetadata

_QUOTE = re.compile(r"“([^”\n]+)”")


@dataclass(frozen=True)
class Conversion:
    article: Article
    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]
    encoding: str
    encoding_confidence: float
    text_sha256: str


@dataclass(frozen=True)
class Rejection:
    reason: RejectReason
    detail: str
    encoding: str | None
    encoding_confidence: float | None


def convert_bytes(
    data: bytes, *, source_path: str, metadata: CuratedMetadata | None = None
) -> Conversion | Rejection:
    if not data:
        return Rejection(RejectReason.EMPTY, "the file is empty", None, None)
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        return Rejection(RejectReason.UNDECODABLE, "not UTF-8", None, None)
    if "explode" in decoded:
        raise RuntimeError("boom")
    found = []  # (stripped line, char start in decoded)
    for m in re.finditer(r"[^\r\n]+", decoded):
        line = m.group().strip()
        if line:
            found.append((line, m.start() + m.group().index(line)))
    if not found:
        return Rejection(RejectReason.WHITESPACE_ONLY, "only whitespace", "utf-8", 1.0)
    lines = [line for line, _ in found]
    text = "\n\n".join(lines)
    sha = hashlib.sha256(data).hexdigest()
    article_id = "a" + sha[:16]
    spans, segments, pos = [], [], 0
    for line, start in found:
        spans.append(TextSpan(start=pos, end=pos + len(line)))
        byte_start = len(decoded[:start].encode())
        segments.append(
            SourceSegment(
                text_start=pos,
                text_end=pos + len(line),
                byte_start=byte_start,
                byte_end=byte_start + len(line.encode()),
            )
        )
        pos += len(line) + 2
    title = lines[0]
    article = Article(
        article_id=article_id,
        title=title,
        title_start=0,
        title_end=len(title),
        standfirst=None,
        outlet=metadata.outlet if metadata else None,
        url=metadata.url if metadata else None,
        published=metadata.published.date if metadata and metadata.published else None,
        published_precision=(
            metadata.published.precision if metadata and metadata.published else None
        ),
        dateline=None,
        dateline_place=None,
        language="en",
        text=text,
        body_start=spans[1].start if len(spans) > 1 else len(text),
        paragraphs=spans,
        treaty_ids=[],
        mentions=[],
        rights=(metadata.rights if metadata and metadata.rights else "unknown rights"),
        notes=metadata.notes if metadata else None,
        origins=FieldOrigins(
            title=Method.EXTRACTED,
            outlet=Method.CURATED if metadata and metadata.outlet else None,
            url=Method.CURATED if metadata and metadata.url else None,
            published=Method.CURATED if metadata and metadata.published else None,
            language=Method.EXTRACTED,
        ),
        method=Method.EXTRACTED,
        source_path=source_path,
        source_sha256=sha,
        source_encoding="utf-8",
        source_byte_start=segments[0].byte_start,
        source_byte_end=segments[-1].byte_end,
        source_map=segments,
    )
    quotes = []
    speakers = []
    for n, m in enumerate(_QUOTE.finditer(text), start=1):
        para = max(i for i, s in enumerate(spans) if s.start <= m.start(1))
        seg = segments[para]
        b_start = seg.byte_start + len(text[seg.text_start : m.start(1)].encode())
        b_end = b_start + len(m.group(1).encode())
        named = "Lavrov" in text[max(0, m.start() - 80) : m.end() + 80]
        quotes.append(
            Quote(
                quote_id=f"{article_id}-q{n:03d}",
                article_id=article_id,
                text=m.group(1),
                start=m.start(1),
                end=m.end(1),
                speaker="Sergey Lavrov" if named else None,
                speaker_id="sergey-lavrov" if named else None,
                speaker_mention="Lavrov" if named else None,
                attribution=Attribution.NAME if named else Attribution.NONE,
                cue=None,
                is_partial=False,
                in_headline=para == 0,
                is_scare=False,
                is_closed=True,
                paragraph=para,
                treaty_ids=[],
                method=Method.EXTRACTED,
                source_sha256=sha,
                source_byte_start=b_start,
                source_byte_end=b_end,
            )
        )
        if named and not speakers:
            speakers.append(
                Speaker(
                    speaker_id="sergey-lavrov",
                    name="Sergey Lavrov",
                    variants=[],
                    roles=["foreign minister"],
                    wikidata_id=None,
                    method=Method.EXTRACTED,
                )
            )
    text_sha = hashlib.sha256(text.encode()).hexdigest()
    return Conversion(article, tuple(quotes), tuple(speakers), "utf-8", 1.0, text_sha)
