"""Complexity guards with counts, not clocks: work and memory held grow with chunks, not N^2."""

from __future__ import annotations

import gc
import itertools
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pytest
from conftest import make_corpus
from fake_converter import convert_bytes as fake

from lavrov_corpus.build import build_dataset
from lavrov_corpus.build import pipeline as pipeline_mod
from lavrov_corpus.build.convert import CHUNK_FILES, Task, convert_chunk, init_worker
from lavrov_corpus.build.discover import InputFile


class CountingPool(ProcessPoolExecutor):
    submitted = 0

    def submit(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        CountingPool.submitted += 1
        return super().submit(*args, **kwargs)


def test_a_bounded_number_of_chunks_are_in_flight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = make_corpus(tmp_path / "in", 12 * 8)
    tasks = [Task(p.name, str(p), None) for p in sorted(src.iterdir())]
    chunks = [tasks[i : i + 8] for i in range(0, len(tasks), 8)]
    monkeypatch.setattr(pipeline_mod, "ProcessPoolExecutor", CountingPool)
    CountingPool.submitted = 0
    fn = partial(convert_chunk, cache_root=None, fingerprint="", converter=fake)
    consumed = 0
    window = 2 * pipeline_mod.CHUNKS_IN_FLIGHT_PER_JOB
    with pipeline_mod.ordered_map(fn, chunks, 2) as results:
        assert CountingPool.submitted == window  # the first window, submitted at once
        for result in results:
            assert len(result.outcomes) == 8
            consumed += 1
            assert CountingPool.submitted - consumed <= window  # memory stays flat
    assert consumed == CountingPool.submitted == len(chunks)


@pytest.mark.parametrize("chunks", [2, 6])
def test_writes_grow_linearly_with_the_corpus(
    chunks: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[tuple[str, int]] = []
    real = pipeline_mod.TableWriter.write

    def counting(self: Any, batch: Any) -> None:
        writes.append((self.table, batch.num_rows))
        real(self, batch)

    monkeypatch.setattr(pipeline_mod.TableWriter, "write", counting)
    src = make_corpus(tmp_path / "in", CHUNK_FILES * chunks)
    build_dataset(src, tmp_path / "out", jobs=1, converter=fake)
    article_writes = [n for t, n in writes if t == "articles"]
    assert len(article_writes) == chunks  # one batch per chunk, none per article
    assert max(article_writes) <= CHUNK_FILES


def test_tasks_are_made_a_chunk_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    converted: list[int] = []
    real_chunks = pipeline_mod._chunks

    def counting_chunks(files: Any) -> Any:
        for chunk in real_chunks(files):
            made.append(len(chunk))
            yield chunk

    def counting_convert(tasks: list[Task], **kwargs: Any) -> Any:
        converted.append(len(made))
        return convert_chunk(tasks, **kwargs)

    monkeypatch.setattr(pipeline_mod, "_chunks", counting_chunks)
    monkeypatch.setattr(pipeline_mod, "convert_chunk", counting_convert)
    src = make_corpus(tmp_path / "in", CHUNK_FILES * 5)
    build_dataset(src, tmp_path / "out", jobs=1, converter=fake)
    assert made == [CHUNK_FILES] * 5
    assert converted == [1, 2, 3, 4, 5]  # never a list of every task of the corpus


def _worker_imports(_: object) -> bool:
    return "pandas" in sys.modules


def test_workers_never_import_pandas(tmp_path: Path) -> None:
    src = make_corpus(tmp_path / "in", 8)
    tasks = [Task(p.name, str(p), None) for p in sorted(src.iterdir())]
    fn = partial(convert_chunk, cache_root=None, fingerprint="", converter=fake)
    context = get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context, initializer=init_worker) as pool:
        assert pool.submit(fn, tasks).result().articles.num_rows == 8
        assert pool.submit(_worker_imports, None).result() is False
    with ProcessPoolExecutor(1, mp_context=context) as pool:  # what init_worker prevents
        pool.submit(fn, tasks).result()
        assert pool.submit(_worker_imports, None).result() is True


def test_input_files_are_dropped_once_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live: list[int] = []
    real = pipeline_mod._Writer._flush_chunk

    def counting(self: Any, chunk: Any, accepted: Any) -> None:
        live.append(sum(isinstance(o, InputFile) for o in gc.get_objects()))
        real(self, chunk, accepted)

    monkeypatch.setattr(pipeline_mod._Writer, "_flush_chunk", counting)
    src = make_corpus(tmp_path / "in", CHUNK_FILES * 6)
    build_dataset(src, tmp_path / "out", jobs=1, converter=fake)
    assert len(live) == 6
    assert [a - b for a, b in itertools.pairwise(live)] == [CHUNK_FILES] * 5


@pytest.mark.parametrize("chunks", [2, 5])
def test_the_cache_grows_by_chunks_and_is_read_once_per_pack(
    chunks: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lavrov_corpus.build import cache as cache_mod

    src = make_corpus(tmp_path / "in", CHUNK_FILES * chunks)
    cache = tmp_path / "cache"
    build_dataset(src, tmp_path / "out", jobs=1, cache_dir=cache, converter=fake)
    files = sorted(p for p in cache.rglob("*") if p.is_file())
    assert len(files) == chunks  # one pack per chunk of work, not one file per article
    calls = {"scan": 0, "load": 0}
    real_scan, real_load = cache_mod.ConversionCache._scan, cache_mod._load

    def scan(self: Any) -> Any:
        calls["scan"] += 1
        return real_scan(self)

    def load(path: Path) -> Any:
        calls["load"] += 1
        return real_load(path)

    monkeypatch.setattr(cache_mod.ConversionCache, "_scan", scan)
    monkeypatch.setattr(cache_mod, "_load", load)
    build_dataset(src, tmp_path / "out", jobs=1, cache_dir=cache, converter=fake)
    assert calls == {"scan": 1, "load": chunks}  # the folder listed once, each pack read once
    assert sorted(p for p in cache.rglob("*") if p.is_file()) == files  # nothing new written
