"""``load(format="pandas")``: nullable integer columns stay integers, nulls or not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_interop_dataset import build_small_dataset

import lavrov_corpus
from lavrov_corpus.layout import table_path


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pandas") / "dataset"
    build_small_dataset(root)
    return root


def _with_nulls(small: Path, tmp_path: Path) -> Path:
    """A copy whose first provenance size and first article title span are null."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    copy = tmp_path / "copy"
    shutil.copytree(small, copy)
    for table, columns in (("provenance", ["size"]), ("articles", ["title_start", "title_end"])):
        path = table_path(copy, table)
        arrow = pq.read_table(path)
        for name in columns:
            values = arrow.column(name).to_pylist()
            values[0] = None
            i = arrow.schema.get_field_index(name)
            arrow = arrow.set_column(i, arrow.schema.field(i), pa.array(values, pa.int64()))
        pq.write_table(arrow, path)
    return copy


def test_nullable_integers_are_pandas_int64_with_or_without_nulls(
    small: Path, tmp_path: Path
) -> None:
    holed = _with_nulls(small, tmp_path)
    for root in (small, holed):
        provenance = lavrov_corpus.load("provenance", format="pandas", path=root)
        articles = lavrov_corpus.load("articles", format="pandas", path=root)
        assert str(provenance["size"].dtype) == "Int64"
        assert str(articles["title_start"].dtype) == str(articles["title_end"].dtype) == "Int64"
        quotes = lavrov_corpus.load("quotes", format="pandas", path=root)
        assert str(quotes["start"].dtype) == "int64"  # not nullable: plain numpy
    provenance = lavrov_corpus.load("provenance", format="pandas", path=holed)
    assert provenance["size"].isna().tolist()[0] and provenance["size"].notna().sum() > 0


def test_title_offsets_slice_the_text_in_pandas(small: Path, tmp_path: Path) -> None:
    import pandas as pd

    articles = lavrov_corpus.load("articles", format="pandas", path=_with_nulls(small, tmp_path))
    rows = [r for r in articles.itertuples() if not pd.isna(r.title_start)]
    assert len(rows) == len(articles) - 1
    assert all(r.text[r.title_start : r.title_end] == r.title for r in rows)
