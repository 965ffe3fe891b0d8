"""A small valid dataset folder built from model instances, for tests that need one.

    from dataset_factory import make_dataset
    root, sources = make_dataset(tmp_path)   # dataset folder and the raw input folder

Built without the real builder: a few raw articles (UTF-8 and windows-1252, curly quotes,
non-ASCII text, hard-wrapped lines) are turned into records here, written with
``parquet_io.write_records``, with a minimal card, citation, JSON descriptors and a manifest
computed with ``models.manifest``. ``refresh_manifest`` re-hashes a folder after a test edits it,
so that a corruption of the data shows only the problem it is about.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from lavrov_corpus import CONVERTER_VERSION, __version__
from lavrov_corpus.layout import (
    CARD,
    CITATION,
    CROISSANT,
    DATAPACKAGE,
    DEFAULT_TABLE,
    MANIFEST,
    table_file,
    table_path,
)
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
    TreatyMention,
    TreatyStatus,
)
from lavrov_corpus.models.common import TreatyKind
from lavrov_corpus.models.manifest import FileEntry, Manifest, fingerprint
from lavrov_corpus.parquet_io import write_records

TREATIES = {"new-start": ["New START"], "inf-treaty": ["INF Treaty"]}


@dataclass(frozen=True)
class RawArticle:
    """One raw input: its lines (paragraphs; a tuple of parts is one hard-wrapped paragraph)."""

    name: str
    encoding: str
    paragraphs: tuple[tuple[str, ...], ...]


RAW = (
    RawArticle(
        "000_first.txt",
        "utf-8",
        (
            ("Lavrov: New START “must be extended”",),
            (
                "MOSCOW, May 5. /TASS/. Russian Foreign Minister Sergey Lavrov said on Tuesday:",
                "“The New START treaty is the last pillar of strategic stability.”",
            ),
            ("“We are not going to beg,” he said, recalling the INF Treaty. Сергей Лавров.",),
        ),
    ),
    RawArticle(
        "sub/001_second.txt",
        "windows-1252",
        (
            ("Zakharova on the INF Treaty",),
            (
                "Spokeswoman Maria Zakharova said the café talks were “a waste of time” and that",
                "the INF Treaty “could have been saved.”",
            ),
        ),
    ),
    RawArticle(
        "002_third.txt",
        "utf-8",
        (
            ("No quotes here at all",),
            ("The minister spoke about New START and nothing else.",),
        ),
    ),
)
SPEAKERS = {"sergey-lavrov": "Sergey Lavrov", "maria-zakharova": "Maria Zakharova"}


def raw_bytes(raw: RawArticle) -> bytes:
    """The bytes of one raw input file."""
    lines = ["\n".join(p) for p in raw.paragraphs]
    return ("\n\n".join(lines) + "\n").encode(raw.encoding)


def _article(raw: RawArticle, sha: str) -> tuple[Article, list[Quote]]:
    aid = "a" + sha[:16]
    text_parts, segments, paragraphs = [], [], []
    pos, byte = 0, 0
    for i, para in enumerate(raw.paragraphs):
        if i:
            text_parts.append("\n\n")
            pos += 2
            byte += 2
        start = pos
        for j, line in enumerate(para):
            if j:
                text_parts.append(" ")  # hard wrap joined by one space (synthesised)
                pos += 1
                byte += 1
            n = len(line.encode(raw.encoding))
            segments.append(
                SourceSegment(
                    text_start=pos, text_end=pos + len(line), byte_start=byte, byte_end=byte + n
                )
            )
            text_parts.append(line)
            pos += len(line)
            byte += n
        paragraphs.append(TextSpan(start=start, end=pos))
    text = "".join(text_parts)

    def to_byte(offset: int) -> int:
        for seg in segments:
            if seg.text_start <= offset <= seg.text_end:
                return seg.byte_start + len(text[seg.text_start : offset].encode(raw.encoding))
        raise AssertionError(offset)

    mentions = []
    for tid, names in TREATIES.items():
        for name in names:
            for m in re.finditer(re.escape(name), text):
                mentions.append(
                    TreatyMention(treaty_id=tid, start=m.start(), end=m.end(), text=name)
                )
    mentions.sort(key=lambda m: m.start)
    title = raw.paragraphs[0][0]
    article = Article(
        article_id=aid,
        title=title,
        title_start=0,
        title_end=len(title),
        standfirst=None,
        outlet="TASS" if "TASS" in text else None,
        url=f"https://example.org/news/{aid}",
        published=dt.date(2019, 5, 1),
        published_precision=DatePrecision.MONTH,
        dateline=None,
        dateline_place=None,
        language="en",
        text=text,
        body_start=paragraphs[1].start if len(paragraphs) > 1 else 0,
        paragraphs=paragraphs,
        treaty_ids=sorted({m.treaty_id for m in mentions}),
        mentions=mentions,
        rights="© the publisher; research use.",
        notes=None,
        origins=FieldOrigins(
            title=Method.EXTRACTED,
            url=Method.CURATED,
            published=Method.CURATED,
            language=Method.EXTRACTED,
            outlet=Method.EXTRACTED if "TASS" in text else None,
        ),
        method=Method.EXTRACTED,
        source_path=raw.name,
        source_sha256=sha,
        source_encoding=raw.encoding,
        source_byte_start=0,
        source_byte_end=segments[-1].byte_end,
        source_map=segments,
    )
    quotes = []
    for n, m in enumerate(re.finditer("“([^”]+)”", text), start=1):
        start, end = m.start(1), m.end(1)
        speaker = "maria-zakharova" if "Zakharova" in text else "sergey-lavrov"
        par = next(i for i, p in enumerate(paragraphs) if p.start <= start < p.end)
        in_quote = sorted({x.treaty_id for x in mentions if start <= x.start and x.end <= end})
        quotes.append(
            Quote(
                quote_id=f"{aid}-q{n:03d}",
                article_id=aid,
                text=m.group(1),
                start=start,
                end=end,
                speaker=SPEAKERS[speaker],
                speaker_id=speaker,
                speaker_mention="Lavrov",
                attribution=Attribution.NAME,
                cue="said",
                is_partial=False,
                in_headline=par == 0,
                is_scare=False,
                is_closed=True,
                paragraph=par,
                treaty_ids=in_quote,
                method=Method.EXTRACTED,
                source_sha256=sha,
                source_byte_start=to_byte(start),
                source_byte_end=to_byte(end),
            )
        )
    return article, quotes


def write_sources(directory: Path) -> dict[str, bytes]:
    """Write the raw input folder (articles, a duplicate, an empty file, a sidecar)."""
    files = {raw.name: raw_bytes(raw) for raw in RAW}
    files["003_copy_of_first.txt"] = files[RAW[0].name]
    files["004_empty.txt"] = b""
    files["metadata.toml"] = b'[[article]]\nfile = "000_first.txt"\nurl = "https://example.org/1"\n'
    for name, data in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def build_records(files: dict[str, bytes]) -> dict[str, list[Record]]:
    """Records of every table for the raw ``files`` of :func:`write_sources`."""
    articles: list[Record] = []
    quotes: list[Record] = []
    provenance: list[Record] = []
    for raw in RAW:
        sha = hashlib.sha256(files[raw.name]).hexdigest()
        article, qs = _article(raw, sha)
        articles.append(article)
        quotes.extend(qs)
    first = articles[0]
    assert isinstance(first, Article)
    for name, data in sorted(files.items()):
        sha = hashlib.sha256(data).hexdigest()
        common = dict(path=name, sha256=sha, size=len(data), converter_version=CONVERTER_VERSION)
        if name == "metadata.toml":
            provenance.append(
                Provenance(
                    **common,
                    role=FileRole.SIDECAR,
                    encoding="utf-8",
                    encoding_confidence=1.0,
                    status=ProvenanceStatus.ACCEPTED,
                    reason=None,
                    detail=None,
                    article_id=None,
                    sidecar_path=None,
                )
            )
        elif not data:
            provenance.append(
                Provenance(
                    **common,
                    role=FileRole.ARTICLE,
                    encoding=None,
                    encoding_confidence=None,
                    status=ProvenanceStatus.REJECTED,
                    reason=RejectReason.EMPTY,
                    detail="empty file",
                    article_id=None,
                    sidecar_path=None,
                )
            )
        elif name == "003_copy_of_first.txt":
            provenance.append(
                Provenance(
                    **common,
                    role=FileRole.ARTICLE,
                    encoding="utf-8",
                    encoding_confidence=1.0,
                    status=ProvenanceStatus.DUPLICATE,
                    reason=RejectReason.DUPLICATE_BYTES,
                    detail="same bytes as 000_first.txt",
                    article_id=first.article_id,
                    sidecar_path=None,
                )
            )
        else:
            raw = next(r for r in RAW if r.name == name)
            provenance.append(
                Provenance(
                    **common,
                    role=FileRole.ARTICLE,
                    encoding=raw.encoding,
                    encoding_confidence=0.9,
                    status=ProvenanceStatus.ACCEPTED,
                    reason=None,
                    detail=None,
                    article_id="a" + sha[:16],
                    sidecar_path="metadata.toml" if name == RAW[0].name else None,
                )
            )
    speakers: list[Record] = [
        Speaker(
            speaker_id=sid,
            name=name,
            variants=[name.replace("Sergey", "Sergei")],
            roles=["diplomat"],
            wikidata_id=None,
            method=Method.CURATED,
        )
        for sid, name in SPEAKERS.items()
    ]
    treaties: list[Record] = [
        Treaty(
            treaty_id=tid,
            name=names[0] + " (full name)",
            short_name=names[0],
            aliases=names,
            kind=TreatyKind.BILATERAL_TREATY,
            parties=["Russia", "USA"],
            signed=dt.date(2010, 4, 8),
            signed_place=None,
            in_force=None,
            status=TreatyStatus.IN_FORCE,
            status_date=dt.date(2020, 1, 1),
            events=[],
            sources=["https://example.org/treaty"],
            wikidata_id="Q1",
        )
        for tid, names in TREATIES.items()
    ]
    return {
        "articles": articles,
        "quotes": quotes,
        "speakers": speakers,
        "treaties": treaties,
        "provenance": provenance,
    }


def card_text(version: str = __version__) -> str:
    """A minimal dataset card with one config per table."""
    lines = ["---", "pretty_name: lavrov-corpus (test)", "license: other", "configs:"]
    for table in TABLES:
        lines += [
            f"- config_name: {table}",
            "  data_files:",
            "  - split: train",
            f"    path: {table_file(table).as_posix()}",
        ]
        if table == DEFAULT_TABLE:
            lines.append("  default: true")
    lines += ["---", "", "# lavrov-corpus (test)", "", f"**Version:** {version}", ""]
    return "\n".join(lines)


def citation_text(version: str = __version__) -> str:
    """A minimal CITATION.cff."""
    return (
        "cff-version: 1.2.0\nmessage: Please cite this dataset.\ntitle: lavrov-corpus\n"
        "type: dataset\nauthors:\n- name: lavrov-corpus developers\n"
        f'version: "{version}"\n'
    )


def refresh_manifest(
    root: Path, row_counts: dict[str, int] | None = None, version: str = __version__
) -> Manifest:
    """(Re)write manifest.json from the folder's current files (``version`` as dataset version)."""
    entries = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and rel != MANIFEST:
            data = path.read_bytes()
            entries.append(
                FileEntry(path=rel, size=len(data), sha256=hashlib.sha256(data).hexdigest())
            )
    if row_counts is None:
        row_counts = dict(json.loads((root / MANIFEST).read_text())["row_counts"])
        for table in TABLES:
            with contextlib.suppress(Exception):  # unreadable or absent: keep the old count
                row_counts[table] = pq.ParquetFile(table_path(root, table)).metadata.num_rows
    manifest = Manifest(
        name="lavrov-corpus",
        dataset_version=version,
        converter_version=CONVERTER_VERSION,
        row_counts=row_counts,
        files=entries,
        fingerprint=fingerprint(entries),
    )
    (root / MANIFEST).write_text(manifest.model_dump_json(indent=2) + "\n")
    return manifest


def make_dataset(base: Path) -> tuple[Path, Path]:
    """Write a valid dataset folder ``base/dataset`` and its raw inputs ``base/sources``."""
    root, sources = base / "dataset", base / "sources"
    files = write_sources(sources)
    records = build_records(files)
    counts = {t: write_records(table_path(root, t), t, records[t]) for t in TABLES}
    (root / CARD).write_text(card_text())
    (root / CITATION).write_text(citation_text())
    (root / CROISSANT).write_text(json.dumps({"@type": "sc:Dataset", "name": "lavrov-corpus"}))
    (root / DATAPACKAGE).write_text(json.dumps({"name": "lavrov-corpus", "resources": []}))
    (root / MANIFEST).write_text("{}")
    refresh_manifest(root, counts)
    return root, sources
