"""Stream an input folder into the five Parquet tables of a dataset folder.

Memory stays flat: chunks of files are converted (in parallel when ``jobs > 1``), and their rows
are written as Parquet row groups as soon as each chunk comes back, in path order. What is held
for the whole corpus is one small entry per accepted article (its sha256, text hash and id, to
find duplicates) and the speakers seen; the list of input files shrinks as they are written.

Duplicates: among converted files, in path order, the first is accepted; a later file with the
same bytes is ``duplicate-bytes``, one whose normalized text is the same (``text_sha256``) is
``duplicate-text``; the duplicate's provenance row names the kept article in ``article_id``.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from .._version import CONVERTER_VERSION
from ..errors import BuildError
from ..layout import table_path
from ..models import FileRole, Provenance, ProvenanceStatus, RejectReason, Speaker
from ..parquet_io import TableWriter, write_records
from .cache import release_shared
from .convert import CHUNK_FILES, ChunkResult, Converter, Outcome, Task, convert_chunk, init_worker
from .discover import Discovery, InputFile

#: Provenance rows buffered before they are handed to the writer.
_PROVENANCE_BATCH = 2_000
#: Chunks submitted but not yet consumed, per job.
CHUNKS_IN_FLIGHT_PER_JOB = 2


@dataclass(frozen=True, slots=True)
class RejectedInput:
    """An input file that did not become an article of its own."""

    path: str
    status: str  #: 'rejected' or 'duplicate'
    reason: str
    detail: str | None


@dataclass(slots=True)
class PipelineResult:
    """Row counts and the files that were not accepted."""

    counts: dict[str, int]
    rejected: list[RejectedInput] = field(default_factory=list)
    inputs: int = 0
    input_bytes: int = 0


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _chunks(files: deque[InputFile]) -> Iterator[list[Task]]:
    """The tasks of ``files``, one chunk at a time, taking the files off ``files`` as it goes."""
    while files:
        part = [files.popleft() for _ in range(min(CHUNK_FILES, len(files)))]
        yield [Task(f.path, f.abspath, f.metadata) for f in part]


@contextmanager
def ordered_map(
    fn: Callable[[list[Task]], ChunkResult], chunks: Iterable[list[Task]], jobs: int
) -> Iterator[Iterator[ChunkResult]]:
    """``map(fn, chunks)`` over ``jobs`` processes, in order, with a bounded number in flight.

    The processes start (and import the converter) on entry, while the caller gets ready.
    """
    if jobs <= 1:
        yield map(fn, chunks)
        return
    with (
        worker_context() as context,
        ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=init_worker) as pool,
    ):
        feed = iter(chunks)
        pending = deque(pool.submit(fn, c) for c in islice(feed, CHUNKS_IN_FLIGHT_PER_JOB * jobs))
        yield _in_order(pool, fn, feed, pending)


#: Builds of this process using the fork server it started; the preload list it replaced.
_SERVER: dict[str, Any] = {"users": 0, "preload": []}
_SERVER_LOCK = threading.Lock()


@contextmanager
def worker_context() -> Iterator[BaseContext]:
    """How worker processes start: forked from a fork server of this build where possible.

    Not forked from this process: it may already run pyarrow's threads, which fork does not
    copy safely. The fork server is a fresh interpreter that imports the converter once and
    warms it up (:mod:`.preload`), so each worker starts with that done instead of paying for
    it again (about 0.4 s of CPU per worker). The server is the build's: started for it and
    stopped and reaped after it (after the last one, when builds run in several threads), so
    no process outlives the build and its CPU time is accounted to it. Workers are spawned
    instead where there is no fork server, or where this process already runs one of its own.
    """
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    stop = getattr(server, "_stop", None)
    with _SERVER_LOCK:
        usable = (
            "forkserver" in get_all_start_methods()
            and stop is not None
            and (_SERVER["users"] > 0 or getattr(server, "_forkserver_pid", 0) is None)
        )
        if usable:
            _SERVER["users"] += 1
            if _SERVER["users"] == 1:
                _SERVER["preload"] = list(getattr(server, "_preload_modules", []))
                forkserver.set_forkserver_preload([f"{__package__}.preload"])
    if not usable:
        yield get_context("spawn")
        return
    try:
        yield get_context("forkserver")
    finally:
        with _SERVER_LOCK:
            _SERVER["users"] -= 1
            if _SERVER["users"] == 0:
                assert stop is not None
                stop()
                forkserver.set_forkserver_preload(_SERVER["preload"])


def _in_order(
    pool: ProcessPoolExecutor,
    fn: Callable[[list[Task]], ChunkResult],
    feed: Iterator[list[Task]],
    pending: deque[Future[ChunkResult]],
) -> Iterator[ChunkResult]:
    """The results of ``pending`` in order, submitting one more chunk of ``feed`` for each."""
    while pending:
        try:
            result = pending.popleft().result()
        except BrokenProcessPool as exc:
            raise BuildError(
                f"a worker process died ({exc}); out of memory? try fewer --jobs"
            ) from None
        nxt = next(feed, None)
        if nxt is not None:
            pending.append(pool.submit(fn, nxt))
        yield result


def run(
    discovery: Discovery,
    out: Path,
    *,
    jobs: int,
    cache_root: Path | None,
    fingerprint: str,
    reference_speakers: Callable[[], Iterable[Speaker]],
    treaties: Callable[[], Iterable[Any]],
    converter: Converter | None = None,
    progress: Callable[[int], None] | None = None,
) -> PipelineResult:
    """Convert every candidate of ``discovery`` and write the tables into ``out``.

    ``reference_speakers`` and ``treaties`` are called once the conversion has started. The run
    takes ``discovery.files`` over (the list is left empty) and drops each file once it is
    written: the list of every input file is the largest thing a build holds.
    """
    inputs = len(discovery.files)
    files = deque(discovery.files)
    discovery.files.clear()
    candidates = deque(f for f in files if f.is_candidate)
    # Each process lists the cache's packs once per build: the session names this build.
    session = os.urandom(8).hex() if cache_root is not None else None
    fn = partial(
        convert_chunk,
        cache_root=cache_root,
        fingerprint=fingerprint,
        converter=converter,
        session=session,
    )
    # One chunk or none: not worth starting processes.
    with ordered_map(
        fn, _chunks(candidates), jobs if len(candidates) > CHUNK_FILES else 1
    ) as results:
        writer = _Writer(out, {s.speaker_id: s for s in reference_speakers()})
        try:
            writer.consume(files, results, progress)
            speakers = writer.speakers
            writer.counts["speakers"] = write_records(
                table_path(out, "speakers"), "speakers", [speakers[k] for k in sorted(speakers)]
            )
            rows = sorted(treaties(), key=lambda t: t.treaty_id)
            writer.counts["treaties"] = write_records(table_path(out, "treaties"), "treaties", rows)
        finally:
            writer.close()
            release_shared()
    return PipelineResult(
        counts={
            t: writer.counts[t]
            for t in ("articles", "quotes", "speakers", "treaties", "provenance")
        },
        rejected=writer.rejected,
        inputs=inputs,
        input_bytes=writer.input_bytes,
    )


class _Writer:
    """Decides accepted / duplicate for each file in path order and writes the rows."""

    def __init__(self, out: Path, speakers: dict[str, Speaker]) -> None:
        self.tables = {t: TableWriter(table_path(out, t), t) for t in ("articles", "quotes")}
        self.provenance = TableWriter(table_path(out, "provenance"), "provenance")
        self.counts: dict[str, int] = {}
        self.rejected: list[RejectedInput] = []
        self.speakers = speakers  # reference speakers first: they win over extracted ones
        self.input_bytes = 0
        # One entry per kept article, in the smallest form (digests as bytes, shared strings):
        self._kept: dict[bytes, str] = {}  # sha256 digest -> path of the kept file
        self._kept_text: dict[bytes, bytes] = {}  # text_sha256 digest -> sha256 digest of kept
        self._ids: set[str] = set()  # article ids kept
        self._rows: list[Provenance] = []
        self._closed = False

    def consume(
        self,
        files: deque[InputFile],
        results: Iterator[ChunkResult],
        progress: Callable[[int], None] | None,
    ) -> None:
        """Judge and write ``files`` in order, taking each off ``files`` as it goes."""
        chunk: ChunkResult | None = None
        pos = 0
        accepted: set[int] = set()
        while files:
            item = files.popleft()
            if not item.is_candidate:
                self._row(_prejudged(item))
                if progress:
                    progress(1)
                continue
            if chunk is None or pos == len(chunk.outcomes):
                if chunk is not None:
                    self._flush_chunk(chunk, accepted)
                chunk = next(results, None)
                if chunk is None:
                    raise BuildError("internal error: fewer converted chunks than files")
                pos, accepted = 0, set()
                if progress:
                    progress(len(chunk.outcomes))
            outcome = chunk.outcomes[pos]
            if self._judge(item, outcome):
                accepted.add(pos)
            pos += 1
        if chunk is not None:
            self._flush_chunk(chunk, accepted)
        self._flush_rows()

    def _judge(self, item: InputFile, o: Outcome) -> bool:
        """Record the provenance row of a converted file; True if its article is kept."""
        self.input_bytes += o.size or 0
        status, reason, detail, article_id = ProvenanceStatus.ACCEPTED, None, None, o.article_id
        digest = text = b""
        if o.article_id is None:
            status, reason, detail = ProvenanceStatus.REJECTED, o.reason, o.detail
        elif (digest := bytes.fromhex(o.sha256 or "")) in self._kept:
            # Same bytes, same article id (the id is made from the sha256).
            status, reason = ProvenanceStatus.DUPLICATE, RejectReason.DUPLICATE_BYTES
            detail = f"same bytes as {self._kept[digest]}"
        elif (text := bytes.fromhex(o.text_sha256 or "")) in self._kept_text:
            kept = self._kept_text[text]
            article_id = article_id_of(kept)
            status, reason = ProvenanceStatus.DUPLICATE, RejectReason.DUPLICATE_TEXT
            detail = f"same text after normalization as {self._kept[kept]}"
        elif o.article_id in self._ids:  # 64-bit id prefix collision of different files
            status, reason = ProvenanceStatus.REJECTED, RejectReason.CONVERTER_ERROR
            article_id = None
            detail = f"article id {o.article_id} already used by a different file"
        if status is ProvenanceStatus.DUPLICATE and item.metadata is not None:
            # the article keeps the first copy's values: say that this copy's were not used
            given = sorted(
                k for k, v in item.metadata.model_dump(exclude={"file"}).items() if v is not None
            )
            if given:
                detail = (
                    f"{detail}; its curated {', '.join(given)} from {item.sidecar_path} "
                    "were not applied (the article keeps the first copy's)"
                )
        self._row(
            Provenance(
                path=item.path,
                role=FileRole.ARTICLE,
                sha256=o.sha256,
                size=o.size,
                encoding=o.encoding,
                encoding_confidence=o.encoding_confidence,
                status=status,
                reason=reason,
                detail=detail,
                article_id=article_id,
                sidecar_path=item.sidecar_path,
                converter_version=CONVERTER_VERSION,
            )
        )
        if status is not ProvenanceStatus.ACCEPTED:
            return False
        assert o.article_id is not None
        self._kept[digest] = item.path
        self._kept_text[text] = digest
        self._ids.add(o.article_id)
        return True

    def _row(self, row: Provenance) -> None:
        if row.status is not ProvenanceStatus.ACCEPTED:
            assert row.reason is not None
            self.rejected.append(
                RejectedInput(row.path, row.status.value, row.reason.value, row.detail)
            )
        self._rows.append(row)
        if len(self._rows) >= _PROVENANCE_BATCH:
            self._flush_rows()

    def _flush_rows(self) -> None:
        if self._rows:
            self.provenance.write_records(self._rows)
            self._rows = []

    def _flush_chunk(self, chunk: ChunkResult, accepted: set[int]) -> None:
        import pyarrow as pa

        for name, table, owner in (
            ("articles", chunk.articles, chunk.article_owner),
            ("quotes", chunk.quotes, chunk.quote_owner),
        ):
            if table.num_rows:
                keep = [i in accepted for i in owner]
                self.tables[name].write(table if all(keep) else table.filter(pa.array(keep)))
        for i, speaker in chunk.speakers:
            if i in accepted:
                self.speakers.setdefault(speaker.speaker_id, speaker)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for name, w in (*self.tables.items(), ("provenance", self.provenance)):
            w.close()
            self.counts[name] = w.rows


def article_id_of(sha256: bytes) -> str:
    """The article id of a file with this sha256 digest (what :func:`convert_chunk` checks)."""
    return "a" + sha256[:8].hex()


def _prejudged(item: InputFile) -> Provenance:
    """The provenance row of a sidecar or of a file rejected before conversion."""
    if item.role is FileRole.SIDECAR and item.reason is None:
        return Provenance(
            path=item.path,
            role=FileRole.SIDECAR,
            sha256=item.sha256,
            size=item.size,
            encoding="utf-8",
            encoding_confidence=1.0,
            status=ProvenanceStatus.ACCEPTED,
            reason=None,
            detail=None,
            article_id=None,
            sidecar_path=None,
            converter_version=CONVERTER_VERSION,
        )
    return Provenance(
        path=item.path,
        role=item.role,
        sha256=item.sha256,
        size=item.size,
        encoding=None,
        encoding_confidence=None,
        status=ProvenanceStatus.REJECTED,
        reason=item.reason,
        detail=item.detail,
        article_id=None,
        sidecar_path=item.sidecar_path,
        converter_version=CONVERTER_VERSION,
    )
