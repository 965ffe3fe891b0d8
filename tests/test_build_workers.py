"""Worker processes of a parallel build: forked from a fork server of the build that imported and
warmed up the converter once, and gone (with that server) when the build returns."""

from __future__ import annotations

import os
import subprocess
import sys
from multiprocessing import forkserver
from pathlib import Path
from typing import Any

import pytest
from conftest import make_corpus
from fake_converter import Rejection

from lavrov_corpus.build import build_dataset
from lavrov_corpus.build.convert import CHUNK_FILES
from lavrov_corpus.build.pipeline import worker_context
from lavrov_corpus.models import RejectReason

needs_forkserver = pytest.mark.skipif(
    sys.platform != "linux", reason="the fork server is used where it exists (tested on Linux)"
)


def where_am_i(data: bytes, **_: Any) -> Rejection:
    """A converter that reports its process and whether the converter was preloaded there."""
    preloaded = "lavrov_corpus.build.preload" in sys.modules
    return Rejection(RejectReason.EMPTY, f"{os.getpid()} {preloaded}", None, None)


@needs_forkserver
def test_workers_start_preloaded_and_nothing_outlives_the_build(tmp_path: Path) -> None:
    src = make_corpus(tmp_path / "in", 3 * CHUNK_FILES)
    result = build_dataset(src, tmp_path / "out", jobs=2, converter=where_am_i, validate=False)
    details = {r.detail for r in result.rejected}
    assert {d.split()[1] for d in details if d} == {"True"}
    assert str(os.getpid()) not in {d.split()[0] for d in details if d}
    server = forkserver._forkserver  # type: ignore[attr-defined]
    assert server._forkserver_pid is None  # stopped and reaped
    assert "lavrov_corpus.build.preload" not in sys.modules  # never imported here


@needs_forkserver
def test_a_fork_server_already_running_is_left_alone() -> None:
    server = forkserver._forkserver  # type: ignore[attr-defined]
    server.ensure_running()
    try:
        with worker_context() as context:
            assert context.get_start_method() == "spawn"
        assert server._forkserver_pid is not None
    finally:
        server._stop()


@needs_forkserver
def test_the_preload_leaves_the_server_safe_to_fork() -> None:
    """No pyarrow (it starts threads) and no thread of any kind in the fork server."""
    code = (
        "import os, sys\n"
        "import lavrov_corpus.build.preload\n"
        "assert 'pyarrow' not in sys.modules, 'pyarrow imported'\n"
        "print(len(os.listdir('/proc/self/task')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"
