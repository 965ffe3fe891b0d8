"""Checks done once per run of repeated ids (quotes come article by article) report exactly the
rows a row-by-row check would: a damaged row inside a run is its own run."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from dataset_factory import refresh_manifest
from validate_helpers import where

from lavrov_corpus.layout import table_path
from lavrov_corpus.validate import validate_dataset
from lavrov_corpus.validate.context import clustered_runs, run_starts, spread
from lavrov_corpus.validate.values import pattern_mismatch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import bench_validate

SHA = re.compile(r"^[0-9a-f]{64}$")


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid dataset of 30 articles x 100 quotes (enough rows for the run paths)."""
    root = tmp_path_factory.mktemp("runs") / "dataset"
    bench_validate.build(root, 3_000)
    return root


def test_run_starts_and_spread_with_nulls() -> None:
    values = pa.array(["a", "a", None, None, "b", "b", "a", None, "a"])
    starts = run_starts(values)
    assert starts.tolist() == [0, 2, 4, 6, 7, 8]
    assert spread(np.arange(len(starts)), starts, len(values)).tolist() == [
        0,
        0,
        1,
        1,
        2,
        2,
        3,
        4,
        5,
    ]
    other = pa.array([1, 1, 1, 2, 2, 2, 2, 2, 2])
    assert run_starts(values, other).tolist() == [0, 2, 3, 4, 6, 7, 8]


def test_pattern_by_run_equals_row_by_row() -> None:
    rng = np.random.default_rng(7)
    good = [f"{k:064x}" for k in range(40)]
    bad = ["XYZ", "0" * 63, "A" * 64]
    runs = rng.integers(1, 300, 60)
    values: list[str | None] = []
    for i, n in enumerate(runs):
        values += [good[i % len(good)]] * int(n)
    for at in rng.choice(len(values), 25, replace=False):  # damage inside runs
        values[at] = bad[int(at) % 3] if at % 4 else None
    array = pa.array(values, pa.string())
    assert clustered_runs(array) is not None  # the run path is the one tested
    got = pattern_mismatch(array, SHA.pattern).to_pylist()
    want = [v is not None and not SHA.match(v) for v in values]
    assert got == want


def test_damaged_rows_inside_runs_are_each_reported(big: Path, tmp_path: Path) -> None:
    root = tmp_path / "dataset"
    import shutil

    shutil.copytree(big, root)
    path = table_path(root, "quotes")
    quotes = pq.read_table(path)
    rows = quotes.to_pylist()
    assert len({r["article_id"] for r in rows[1500:1600]}) == 1  # one run of one article
    other_sha = rows[0]["source_sha256"]
    rows[1550]["source_sha256"] = other_sha  # another article's: provenance-mismatch only
    rows[1777]["source_sha256"] = "XYZ"  # format and provenance-mismatch
    rows[2222]["article_id"] = "a" + "0" * 16  # dangling; quote_id no longer starts with it
    rows[2500]["article_id"] = "A-bad"  # bad format and dangling (prefix: not comparable)
    pq.write_table(pa.Table.from_pylist(rows, schema=quotes.schema), path)
    refresh_manifest(root)
    report = validate_dataset(root, row_model=False)
    assert where(report, "provenance-mismatch") == [
        ("quotes", 1550, "source_sha256", None),
        ("quotes", 1777, "source_sha256", None),
    ]
    assert where(report, "format") == [
        ("quotes", 1777, "source_sha256", None),
        ("quotes", 2500, "article_id", None),
    ]
    assert where(report, "foreign-key") == [
        ("quotes", 2222, "article_id", None),
        ("quotes", 2500, "article_id", None),
    ]
    assert where(report, "consistency") == [("quotes", 2222, "quote_id", None)]
    assert set(report.counts) == {"provenance-mismatch", "format", "foreign-key", "consistency"}


@pytest.mark.parametrize("order", ["article", "shuffled", "reversed"])
def test_article_text_pieces_in_and_out_of_order(
    big: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, order: str
) -> None:
    from lavrov_corpus.validate import spans, stream

    monkeypatch.setattr(stream, "MAX_BATCH_ROWS", 150)  # batches start in the middle
    monkeypatch.setattr(spans, "PIECE_BYTES", 1)
    monkeypatch.setattr(spans, "MIN_PIECE_ROWS", 4)  # 30 articles: 8 pieces per row group
    root = tmp_path / "dataset"
    import shutil

    shutil.copytree(big, root)
    path = table_path(root, "quotes")
    quotes = pq.read_table(path)
    if order == "shuffled":
        quotes = quotes.take(pa.array(np.random.default_rng(3).permutation(quotes.num_rows)))
    elif order == "reversed":
        quotes = quotes.take(pa.array(np.arange(quotes.num_rows)[::-1]))
    rows = quotes.to_pylist()
    bad = [5, 1234, len(rows) - 1]
    for i in bad:
        rows[i]["text"] = rows[i]["text"] + "!"
    pq.write_table(pa.Table.from_pylist(rows, schema=quotes.schema), path, row_group_size=700)
    refresh_manifest(root)
    loads: list[int] = []
    init = spans.ArticleTexts.__init__

    def counted(self: spans.ArticleTexts, *args: object, **kwargs: object) -> None:
        init(self, *args, **kwargs)  # type: ignore[arg-type]
        loads.append(len(self.starts) - 1)

    monkeypatch.setattr(spans.ArticleTexts, "__init__", counted)
    report = validate_dataset(root, row_model=False)
    assert where(report, "span-mismatch") == sorted(
        [("quotes", i, "text", None) for i in bad], key=repr
    )
    assert set(report.counts) == {"span-mismatch"}
    assert loads == [8]


def test_the_text_report_prints_one_line_per_problem_and_says_when_no_table_was_read() -> None:
    from lavrov_corpus.validate.report import Problem, Report

    report = Report(
        root="/data/out",
        problems=[Problem("file-missing", "gone", path="bad\nname\x1b[31m.txt")],
        counts={"file-missing": 1},
    )
    text = report.render_text()
    assert "(rows: no table read)" in text
    problem_lines = [line for line in text.splitlines() if line.startswith("  - ")]
    assert problem_lines == [r"  - bad\nname\x1b[31m.txt: gone"]
