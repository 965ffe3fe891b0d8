"""Convert one chunk of article files, in a worker process or in-process.

A chunk is a fixed number of files in path order (:data:`CHUNK_FILES`), whatever the number of
jobs, so the Arrow tables a build hands to the Parquet writer are the same for any ``--jobs`` and
with or without the cache. The worker returns Arrow tables, not Python records: turning records
into Arrow is a large share of the work and is done in parallel this way.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..models import Article, Quote, RejectReason, Speaker
from ..models.sidecar import CuratedMetadata
from ..parquet_io import dumps_to_arrow
from .cache import CacheEntry, ConversionCache, cache_key
from .discover import MAX_FILE_BYTES

if TYPE_CHECKING:
    import pyarrow as pa

#: Files per chunk of work: fixed so that output bytes never depend on ``--jobs``.
CHUNK_FILES = 64
#: Longest converter error message kept in a provenance ``detail``.
_MAX_DETAIL = 500

Converter = Callable[..., Any]


@dataclass(slots=True, frozen=True)
class Task:
    """One article file to convert."""

    path: str
    abspath: str
    metadata: CuratedMetadata | None


@dataclass(slots=True)
class Outcome:
    """What became of one file of a chunk (before duplicates are known)."""

    sha256: str | None = None
    size: int | None = None
    encoding: str | None = None
    encoding_confidence: float | None = None
    article_id: str | None = None
    text_sha256: str | None = None
    reason: RejectReason | None = None
    detail: str | None = None


@dataclass(slots=True)
class ChunkResult:
    """The converted chunk: one outcome per task and the rows of its articles."""

    outcomes: list[Outcome]
    articles: pa.Table  #: one row per outcome with an ``article_id``, in task order
    article_owner: list[int]  #: index of the task each article row comes from
    quotes: pa.Table
    quote_owner: list[int]
    speakers: list[tuple[int, Speaker]]  #: speakers found, with the task they come from

    def __reduce__(self) -> tuple[Any, ...]:
        # The tables travel as Arrow IPC streams: the parent reads them back without copying,
        # about 8x less work than unpickling them (which rebuilds every array and buffer).
        return (
            _unpickle_chunk,
            (
                self.outcomes,
                _to_ipc(self.articles),
                self.article_owner,
                _to_ipc(self.quotes),
                self.quote_owner,
                self.speakers,
            ),
        )


def _to_ipc(table: pa.Table) -> bytes:
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue())


def _unpickle_chunk(
    outcomes: list[Outcome],
    articles: bytes,
    article_owner: list[int],
    quotes: bytes,
    quote_owner: list[int],
    speakers: list[tuple[int, Speaker]],
) -> ChunkResult:
    import pyarrow as pa

    return ChunkResult(
        outcomes=outcomes,
        articles=pa.ipc.open_stream(articles).read_all(),
        article_owner=article_owner,
        quotes=pa.ipc.open_stream(quotes).read_all(),
        quote_owner=quote_owner,
        speakers=speakers,
    )


class _NoPandas(importlib.abc.MetaPathFinder):
    """An import finder under which ``import pandas`` fails."""

    def find_spec(self, name: str, *_: object) -> None:
        if name == "pandas":
            raise ModuleNotFoundError("pandas is not used in build workers", name=name)


def init_worker() -> None:
    """Prepare a worker process: stop pyarrow from importing pandas into it.

    pyarrow imports pandas (about 0.25 s and 50 MB per process) the first time it converts a
    Python list, only to ask whether the list is a pandas object; a worker never has one. Making
    that first attempt fail tells pyarrow that there is no pandas, in this process only, and its
    conversions with an explicit type (all of a worker's) then never import it. pandas itself
    stays importable.
    """
    if "pandas" in sys.modules:
        return
    import pyarrow as pa

    finder = _NoPandas()
    sys.meta_path.insert(0, finder)
    try:
        pa.array([], pa.null())
    finally:
        sys.meta_path.remove(finder)


def default_converter() -> Converter:
    """The package converter, :func:`lavrov_corpus.extract.convert_bytes`."""
    from ..extract import convert_bytes

    return convert_bytes


def convert_chunk(
    tasks: list[Task],
    cache_root: Path | None,
    fingerprint: str,
    converter: Converter | None = None,
) -> ChunkResult:
    """Read, convert (or fetch from the cache) and tabulate ``tasks``."""
    convert = converter or default_converter()
    cache = ConversionCache(cache_root) if cache_root is not None else None
    outcomes: list[Outcome] = []
    articles: list[dict[str, Any]] = []
    article_owner: list[int] = []
    quotes: list[dict[str, Any]] = []
    quote_owner: list[int] = []
    speakers: list[tuple[int, Speaker]] = []
    for i, task in enumerate(tasks):
        outcome, entry = _convert_file(task, cache, fingerprint, convert)
        outcomes.append(outcome)
        if entry is None or entry.article is None:
            continue
        # Dumped at once, while the records are still in the CPU cache: 15-30 us per article
        # less than dumping the whole chunk at the end.
        articles.append(entry.article.model_dump())
        article_owner.append(i)
        quotes.extend(q.model_dump() for q in entry.quotes)
        quote_owner.extend([i] * len(entry.quotes))
        speakers.extend((i, s) for s in entry.speakers)
    return ChunkResult(
        outcomes=outcomes,
        articles=dumps_to_arrow("articles", articles),
        article_owner=article_owner,
        quotes=dumps_to_arrow("quotes", quotes),
        quote_owner=quote_owner,
        speakers=speakers,
    )


def _read(abspath: str) -> bytes:
    """The file's bytes, or its first ``MAX_FILE_BYTES + 1`` if it grew over the limit."""
    # Sized from fstat: asking read() for the limit itself allocated 10 MiB for every file.
    with open(abspath, "rb", buffering=0) as fh:  # noqa: PTH123 - a plain str path from the walk
        size = os.fstat(fh.fileno()).st_size
        data = fh.read(min(size, MAX_FILE_BYTES) + 1)
        if len(data) > size:  # it grew since: read on, up to the limit
            data += fh.read(MAX_FILE_BYTES + 1 - len(data))
        return data


def _convert_file(
    task: Task, cache: ConversionCache | None, fingerprint: str, convert: Converter
) -> tuple[Outcome, CacheEntry | None]:
    try:
        data = _read(task.abspath)
    except OSError as exc:
        return Outcome(reason=RejectReason.UNREADABLE, detail=f"cannot read: {exc.strerror}"), None
    if len(data) > MAX_FILE_BYTES:  # grew since it was listed
        detail = f"over the limit of {MAX_FILE_BYTES} bytes"
        return Outcome(size=len(data), reason=RejectReason.TOO_LARGE, detail=detail), None
    sha256 = hashlib.sha256(data).hexdigest()
    base = Outcome(sha256=sha256, size=len(data))
    key = cache_key(sha256, task.path, task.metadata, fingerprint) if cache else ""
    entry = cache.get(key) if cache else None
    if entry is not None:
        try:
            _check(entry, sha256)
        except ValueError:  # a foreign entry that parses: recompute it, never trust it
            entry = None
    if entry is None:
        try:
            result = convert(data, source_path=task.path, metadata=task.metadata)
            entry = _entry(result)
            _check(entry, sha256)
        except Exception as exc:  # a converter bug must become a report, never a traceback
            message = f"{type(exc).__name__}: {exc}"[:_MAX_DETAIL]
            base.reason, base.detail = RejectReason.CONVERTER_ERROR, message
            return base, None
        if cache:
            cache.put(key, entry)
    base.encoding, base.encoding_confidence = entry.encoding, entry.encoding_confidence
    if entry.article is None:
        base.reason, base.detail = entry.reason, entry.detail
    else:
        base.article_id, base.text_sha256 = entry.article.article_id, entry.text_sha256
    return base, entry


def _entry(result: Any) -> CacheEntry:
    """A :class:`CacheEntry` from the converter's ``Conversion`` or ``Rejection``.

    The records are pydantic models, validated when the converter built them: the entry is
    assembled without validating them again (that ran every record's model validator a second
    time); :func:`_check` checks their types and invariants instead.
    """
    confidence = result.encoding_confidence
    common = {
        "encoding": result.encoding,
        "encoding_confidence": None if confidence is None else float(confidence),
    }
    if hasattr(result, "article"):
        return CacheEntry.model_construct(
            article=result.article,
            quotes=list(result.quotes),
            speakers=list(result.speakers),
            text_sha256=result.text_sha256,
            **common,
        )
    return CacheEntry.model_construct(
        reason=RejectReason(result.reason), detail=result.detail, **common
    )


def _check(entry: CacheEntry, sha256: str) -> None:
    """Refuse converter output of the wrong types or that breaks the id and ownership invariants."""
    if not isinstance(entry.encoding, str | None) or not isinstance(entry.detail, str | None):
        raise ValueError("encoding and detail must be strings or None")
    confidence = entry.encoding_confidence
    if confidence is not None and not 0.0 <= confidence <= 1.0:
        raise ValueError(f"encoding confidence {confidence} is not between 0 and 1")
    article = entry.article
    if article is None:
        if entry.reason is None:
            raise ValueError("rejection without a reason")
        return
    if not isinstance(article, Article):
        raise ValueError(f"the article is a {type(article).__name__}, not an Article")
    expected = "a" + sha256[:16]
    if article.article_id != expected or article.source_sha256 != sha256:
        raise ValueError(f"article id {article.article_id} does not match the file's sha256")
    if not isinstance(entry.text_sha256, str) or len(entry.text_sha256) != 64:
        raise ValueError("conversion without a sha256 hex digest in text_sha256")
    bytes.fromhex(entry.text_sha256)  # ValueError if it is not hexadecimal
    for quote in entry.quotes:
        if not isinstance(quote, Quote):
            raise ValueError(f"a quote is a {type(quote).__name__}, not a Quote")
        if quote.article_id != article.article_id:
            raise ValueError(f"quote {quote.quote_id} belongs to another article")
    if not all(isinstance(speaker, Speaker) for speaker in entry.speakers):
        raise ValueError("a speaker is not a Speaker")
