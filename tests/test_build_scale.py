"""Complexity guards with counts, not clocks: work and memory held grow with chunks, not N^2."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from conftest import make_corpus
from fake_converter import convert_bytes as fake

from lavrov_corpus.build import build_dataset
from lavrov_corpus.build import pipeline as pipeline_mod
from lavrov_corpus.build.convert import CHUNK_FILES, Task, convert_chunk


class CountingPool(ProcessPoolExecutor):
    submitted = 0

    def submit(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        CountingPool.submitted += 1
        return super().submit(*args, **kwargs)


def test_at_most_two_chunks_per_job_are_in_flight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = make_corpus(tmp_path / "in", 12 * 8)
    tasks = [Task(p.name, str(p), None) for p in sorted(src.iterdir())]
    chunks = [tasks[i : i + 8] for i in range(0, len(tasks), 8)]
    monkeypatch.setattr(pipeline_mod, "ProcessPoolExecutor", CountingPool)
    CountingPool.submitted = 0
    fn = partial(convert_chunk, cache_root=None, fingerprint="", converter=fake)
    consumed = 0
    for result in pipeline_mod.ordered_map(fn, chunks, 2):
        assert len(result.outcomes) == 8
        consumed += 1
        assert CountingPool.submitted - consumed <= 4  # window = 2 * jobs: memory stays flat
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
