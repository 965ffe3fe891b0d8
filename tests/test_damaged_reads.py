"""A damaged table file is a data problem: ``info`` and the loader say so, without a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_interop_dataset import build_small_dataset
from typer.testing import CliRunner

import lavrov_corpus
from lavrov_corpus.cli import _register, app
from lavrov_corpus.errors import DatasetUnreadableError
from lavrov_corpus.layout import table_path


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("damaged") / "dataset"
    build_small_dataset(root)
    return root


def _damaged(small: Path, tmp_path: Path, table: str, data: bytes) -> Path:
    copy = tmp_path / "copy"
    shutil.copytree(small, copy)
    table_path(copy, table).write_bytes(data)
    return copy


@pytest.mark.parametrize("data", [b"", b"not parquet at all", b"PAR1" + bytes(100)])
def test_info_on_a_damaged_table_is_one_line_and_exit_1(
    small: Path, tmp_path: Path, data: bytes
) -> None:
    root = _damaged(small, tmp_path, "quotes", data)
    _register()
    result = CliRunner().invoke(app, ["info", str(root)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "cannot read the dataset" in result.output
    assert "Traceback" not in result.output


def test_info_on_a_table_missing_a_column_is_one_line_and_exit_1(
    small: Path, tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    copy = tmp_path / "copy"
    shutil.copytree(small, copy)
    path = table_path(copy, "quotes")
    pq.write_table(pq.read_table(path).drop(["speaker_id"]), path)
    _register()
    result = CliRunner().invoke(app, ["info", str(copy)])
    assert result.exit_code == 1
    assert "speaker_id" in result.output and "lavrov-corpus validate" in result.output


@pytest.mark.parametrize("fmt", ["arrow", "pandas"])
def test_load_of_a_damaged_table_raises_the_library_error(
    small: Path, tmp_path: Path, fmt: str
) -> None:
    root = _damaged(small, tmp_path, "speakers", b"garbage")
    with pytest.raises(DatasetUnreadableError, match=r"speakers\.parquet"):
        lavrov_corpus.load("speakers", format=fmt, path=root)  # type: ignore[arg-type]
    with pytest.raises(DatasetUnreadableError):
        next(lavrov_corpus.iter_records("speakers", path=root))
    assert lavrov_corpus.load("quotes", format="arrow", path=root).num_rows > 0
