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
from ..parquet_io import from_ipc, records_to_arrow, to_ipc
from .cache import ConversionCache, Entry, Pack, cache_key, shared_cache
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
                to_ipc(self.articles),
                self.article_owner,
                to_ipc(self.quotes),
                self.quote_owner,
                self.speakers,
            ),
        )


def _unpickle_chunk(
    outcomes: list[Outcome],
    articles: bytes,
    article_owner: list[int],
    quotes: bytes,
    quote_owner: list[int],
    speakers: list[tuple[int, Speaker]],
) -> ChunkResult:

    return ChunkResult(
        outcomes=outcomes,
        articles=from_ipc(articles),
        article_owner=article_owner,
        quotes=from_ipc(quotes),
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
    session: str | None = None,
) -> ChunkResult:
    """Read, convert (or fetch from the cache) and tabulate ``tasks``.

    ``session``: an id of the build, under which this process lists the cache's packs once;
    None lists them afresh for this chunk.
    """
    convert = converter or default_converter()
    cache: ConversionCache | None = None
    if cache_root is not None:
        cache = (
            shared_cache(cache_root, fingerprint, session)
            if session is not None
            else ConversionCache(cache_root, fingerprint)
        )
    outcomes: list[Outcome] = []
    articles: list[Article] = []  # rows converted now
    quotes: list[Quote] = []
    new_keys: list[str] = []
    new_entries: list[Entry] = []
    article_parts: list[_Part] = []  # where each article row comes from, in task order
    quote_parts: list[_Part] = []
    article_owner: list[int] = []
    quote_owner: list[int] = []
    speakers: list[tuple[int, Speaker]] = []
    for i, task in enumerate(tasks):
        outcome, found, key = _convert_file(task, cache, fingerprint, convert)
        outcomes.append(outcome)
        if found is None:
            continue
        if isinstance(found, Converted):
            start, row = len(quotes), -1
            if found.article is not None:
                row = len(articles)
                articles.append(found.article)
                quotes.extend(found.quotes)
                article_parts.append((None, row, row + 1))
                quote_parts.append((None, start, len(quotes)))
            if cache is not None:
                new_keys.append(key)
                new_entries.append(found.entry(outcome, row, (start, len(quotes))))
            if found.article is None:
                continue
            count, found_speakers = len(found.quotes), found.speakers
        else:
            pack, entry = found
            if entry.article < 0:
                continue
            article_parts.append((pack.articles, entry.article, entry.article + 1))
            quote_parts.append((pack.quotes, *entry.quotes))
            count, found_speakers = entry.quotes[1] - entry.quotes[0], entry.speakers
        article_owner.append(i)
        quote_owner.extend([i] * count)
        speakers.extend((i, s) for s in found_speakers)
    new_articles = records_to_arrow("articles", articles)
    new_quotes = records_to_arrow("quotes", quotes)
    if cache is not None and new_keys:
        cache.put(new_keys, new_entries, new_articles, new_quotes)
    return ChunkResult(
        outcomes=outcomes,
        articles=_assemble(article_parts, new_articles),
        article_owner=article_owner,
        quotes=_assemble(quote_parts, new_quotes),
        quote_owner=quote_owner,
        speakers=speakers,
    )


#: Rows ``start:stop`` of a table (None: the rows converted in this chunk).
_Part = tuple["pa.Table | None", int, int]


def _assemble(parts: list[_Part], new: pa.Table) -> pa.Table:
    """The rows named by ``parts``, in order, as one table with one chunk per column.

    Rows converted now and rows from cache packs make the same values, hence the same Parquet
    bytes, as long as the chunk of work stays one Arrow chunk.
    """
    import pyarrow as pa

    merged: list[list[Any]] = []
    for table, start, stop in parts:
        source = new if table is None else table
        if stop == start:
            continue
        if merged and merged[-1][0] is source and merged[-1][2] == start:
            merged[-1][2] = stop
        else:
            merged.append([source, start, stop])
    if not merged:
        return new  # no rows at all
    if len(merged) == 1:
        source, start, stop = merged[0]
        if start == 0 and stop == source.num_rows:
            return source  # type: ignore[no-any-return]
    pieces = [source.slice(start, stop - start) for source, start, stop in merged]
    return pa.concat_tables(pieces).combine_chunks()


def _read(abspath: str) -> bytes:
    """The file's bytes, or its first ``MAX_FILE_BYTES + 1`` if it grew over the limit."""
    # Sized from fstat: asking read() for the limit itself allocated 10 MiB for every file.
    with open(abspath, "rb", buffering=0) as fh:  # noqa: PTH123 - a plain str path from the walk
        size = os.fstat(fh.fileno()).st_size
        data = fh.read(min(size, MAX_FILE_BYTES) + 1)
        if len(data) > size:  # it grew since: read on, up to the limit
            data += fh.read(MAX_FILE_BYTES + 1 - len(data))
        return data


@dataclass(slots=True)
class Converted:
    """The converter's result for one file, checked: an article with its rows, or a rejection."""

    article: Article | None
    quotes: list[Quote]
    speakers: list[Speaker]
    text_sha256: str | None
    encoding: str | None
    encoding_confidence: float | None
    reason: RejectReason | None
    detail: str | None

    def entry(self, outcome: Outcome, article: int, quotes: tuple[int, int]) -> Entry:
        """Its cache entry, its rows being ``article`` and ``quotes`` of the chunk's tables."""
        assert outcome.sha256 is not None
        return Entry(
            sha256=outcome.sha256,
            encoding=self.encoding,
            encoding_confidence=self.encoding_confidence,
            text_sha256=self.text_sha256,
            reason=self.reason,
            detail=self.detail,
            article=article,
            quotes=quotes,
            speakers=self.speakers,
        )


def _convert_file(
    task: Task, cache: ConversionCache | None, fingerprint: str, convert: Converter
) -> tuple[Outcome, Converted | tuple[Pack, Entry] | None, str]:
    """The file's outcome, its conversion (fresh or cached; None on failure) and cache key."""
    try:
        data = _read(task.abspath)
    except OSError as exc:
        outcome = Outcome(reason=RejectReason.UNREADABLE, detail=f"cannot read: {exc.strerror}")
        return outcome, None, ""
    if len(data) > MAX_FILE_BYTES:  # grew since it was listed
        detail = f"over the limit of {MAX_FILE_BYTES} bytes"
        return Outcome(size=len(data), reason=RejectReason.TOO_LARGE, detail=detail), None, ""
    sha256 = hashlib.sha256(data).hexdigest()
    base = Outcome(sha256=sha256, size=len(data))
    key = cache_key(sha256, task.path, task.metadata, fingerprint) if cache else ""
    hit = cache.get(key) if cache else None
    if hit is not None and hit[1].sha256 == sha256:
        entry = hit[1]
        base.encoding, base.encoding_confidence = entry.encoding, entry.encoding_confidence
        if entry.article < 0:
            base.reason, base.detail = entry.reason, entry.detail
        else:
            base.article_id, base.text_sha256 = "a" + sha256[:16], entry.text_sha256
        return base, hit, key
    try:
        result = convert(data, source_path=task.path, metadata=task.metadata)
        converted = _converted(result)
        _check(converted, sha256)
    except Exception as exc:  # a converter bug must become a report, never a traceback
        message = f"{type(exc).__name__}: {exc}"[:_MAX_DETAIL]
        base.reason, base.detail = RejectReason.CONVERTER_ERROR, message
        return base, None, key
    base.encoding, base.encoding_confidence = converted.encoding, converted.encoding_confidence
    if converted.article is None:
        base.reason, base.detail = converted.reason, converted.detail
    else:
        base.article_id, base.text_sha256 = converted.article.article_id, converted.text_sha256
    return base, converted, key


def _converted(result: Any) -> Converted:
    """A :class:`Converted` from the converter's ``Conversion`` or ``Rejection``.

    The records are pydantic models, validated when the converter built them: they are not
    validated again; :func:`_check` checks their types and invariants instead.
    """
    confidence = result.encoding_confidence
    confidence = None if confidence is None else float(confidence)
    if hasattr(result, "article"):
        return Converted(
            article=result.article,
            quotes=list(result.quotes),
            speakers=list(result.speakers),
            text_sha256=result.text_sha256,
            encoding=result.encoding,
            encoding_confidence=confidence,
            reason=None,
            detail=None,
        )
    return Converted(
        article=None,
        quotes=[],
        speakers=[],
        text_sha256=None,
        encoding=result.encoding,
        encoding_confidence=confidence,
        reason=RejectReason(result.reason),
        detail=result.detail,
    )


def _check(entry: Converted, sha256: str) -> None:
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
