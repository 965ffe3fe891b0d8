"""Streaming validation: rows are right across batches and row groups, memory is bounded by
counts (never a whole table read, never more than one batch shown to the checks)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from dataset_factory import refresh_manifest
from validate_helpers import edit_rows, read_rows, where

from lavrov_corpus.layout import table_path
from lavrov_corpus.models import PRIMARY_KEYS, TABLES
from lavrov_corpus.validate import Report, spans, stream, validate_dataset


@pytest.fixture
def tiny_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of at most two rows, whatever their size in bytes."""
    monkeypatch.setattr(stream, "MIN_BATCH_ROWS", 1)
    monkeypatch.setattr(stream, "MAX_BATCH_ROWS", 2)


def regroup(root: Path, rows_per_group: int = 2, order: list[int] | None = None) -> None:
    """Rewrite every table with small row groups (and quotes in ``order``), re-hash."""
    for table in TABLES:
        path = table_path(root, table)
        data = pq.read_table(path)
        if table == "quotes" and order is not None:
            data = data.take(pa.array(order))
        pq.write_table(data, path, row_group_size=rows_per_group)
    refresh_manifest(root)


def damage(root: Path) -> None:
    """Problems in late rows of several tables (late batches once batches are small)."""

    def quotes(rows: list[dict[str, Any]]) -> None:
        rows[3]["text"] = rows[3]["text"].upper()  # span-mismatch (and source-span-mismatch)
        rows[4]["attribution"] = "shouted"  # enum-value
        rows[2]["source_sha256"] = rows[0]["source_sha256"]  # provenance-mismatch, maybe

    def articles(rows: list[dict[str, Any]]) -> None:
        rows[2]["title"] = rows[2]["title"] + "!"  # title-mismatch
        rows[1]["mentions"][0]["text"] = "INF Treatx"  # mention-mismatch

    edit_rows(root, "quotes", quotes)
    edit_rows(root, "articles", articles)


def located(report: Report) -> list[tuple[Any, ...]]:
    return sorted(
        ((p.code, p.table, p.row, p.field, p.record_id) for p in report.problems), key=repr
    )


def test_rows_are_global_across_batches_and_row_groups(
    ds: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, sources = ds
    damage(root)
    whole = validate_dataset(root, sources=sources)
    assert {"span-mismatch", "enum-value", "title-mismatch", "mention-mismatch"} <= whole.codes()
    assert where(whole, "span-mismatch") == [("quotes", 3, "text", None)]
    assert where(whole, "enum-value") == [("quotes", 4, "attribution", None)]
    assert where(whole, "title-mismatch") == [("articles", 2, "title", None)]
    regroup(root)
    assert pq.ParquetFile(table_path(root, "quotes")).metadata.num_row_groups == 3
    monkeypatch.setattr(stream, "MIN_BATCH_ROWS", 1)
    monkeypatch.setattr(stream, "MAX_BATCH_ROWS", 2)
    small = validate_dataset(root, sources=sources)
    assert located(small) == located(whole)
    assert small.counts == whole.counts
    ids = [r["quote_id"] for r in read_rows(root, "quotes")]
    assert [p.record_id for p in small.by_code("span-mismatch")] == [ids[3]]


def test_quotes_out_of_article_order(
    ds: tuple[Path, Path], tiny_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, sources = ds
    order = [4, 0, 3, 1, 2]  # articles' quotes interleaved
    regroup(root, order=order)
    loads: list[int] = []
    init = spans.ArticleTexts.__init__

    def counted(self: spans.ArticleTexts, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        loads.append(0)

    group = spans.ArticleTexts.group

    def counting(self: spans.ArticleTexts, g: int) -> Any:
        before = self.loads
        result = group(self, g)
        loads[-1] += self.loads - before
        return result

    monkeypatch.setattr(spans.ArticleTexts, "__init__", counted)
    monkeypatch.setattr(spans.ArticleTexts, "group", counting)
    assert validate_dataset(root, sources=sources).valid
    rows = read_rows(root, "quotes")
    bad = next(i for i, r in enumerate(rows) if r["article_id"] != rows[0]["article_id"])

    def shout(rs: list[dict[str, Any]]) -> None:
        rs[bad]["text"] = rs[bad]["text"].upper()

    edit_rows(root, "quotes", shout)
    regroup(root)
    report = validate_dataset(root)
    assert where(report, "span-mismatch") == [("quotes", bad, "text", None)]
    assert loads and loads[0] >= 1


def test_checks_see_one_batch_and_never_a_whole_table(
    ds: tuple[Path, Path], tiny_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, sources = ds
    damage(root)
    regroup(root)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a whole table was read")

    monkeypatch.setattr(pq.ParquetFile, "read", refuse)
    monkeypatch.setattr(pq, "read_table", refuse)
    batch_sizes: list[int] = []
    check = stream._check_batch

    def one_batch(ctx: Any, table: str, texts: Any) -> None:
        assert list(ctx.tables) == [table]  # nothing else is shown to the checks
        batch_sizes.append(ctx.tables[table].num_rows)
        if texts is not None:
            assert len(texts._prepared) <= 1  # at most one row group of article texts
        check(ctx, table, texts)

    monkeypatch.setattr(stream, "_check_batch", one_batch)
    kept_columns: set[str] = set()
    show = stream.Context.show

    def watch(self: Any, tables: dict[str, pa.Table], offsets: Any = None) -> None:
        if tables and tables == self.kept:
            kept_columns.update(f"{t}.{c}" for t, d in tables.items() for c in d.column_names)
        show(self, tables, offsets)

    monkeypatch.setattr(stream.Context, "show", watch)
    report = validate_dataset(root, sources=sources, row_model=True)
    assert "span-mismatch" in report.codes()
    assert batch_sizes and max(batch_sizes) <= 2
    total = sum(pq.ParquetFile(table_path(root, t)).metadata.num_rows for t in TABLES)
    assert sum(batch_sizes) == total  # every row checked once, in batches
    allowed = {f"{t}.{PRIMARY_KEYS[t]}" for t in TABLES}
    allowed |= {f"{t}.{c}" for t, cs in stream.KEEP.items() for c in cs}
    allowed |= {"articles._text_len", "articles._n_par"}
    assert kept_columns and kept_columns <= allowed  # no text column is ever kept whole


def test_garbled_late_row_group_withdraws_the_table(
    ds: tuple[Path, Path], tiny_batches: None
) -> None:
    root, _ = ds
    edit_rows(root, "quotes", lambda rows: rows[0].update(attribution="shouted"))
    regroup(root, rows_per_group=1)
    path = table_path(root, "quotes")
    meta = pq.ParquetFile(path).metadata
    column = meta.row_group(meta.num_row_groups - 1).column(2)  # quotes.text, last row group
    data = bytearray(path.read_bytes())
    start = column.data_page_offset
    for i in range(start + 8, start + column.total_compressed_size - 2):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    refresh_manifest(root)
    report = validate_dataset(root)
    assert where(report, "parquet-unreadable") == [
        ("quotes", None, None, "data/quotes/quotes.parquet")
    ]
    assert report.stats["rows"].get("quotes") is None
    # rows of the earlier, readable batches are not reported one by one
    assert not [p for p in report.problems if p.table == "quotes" and p.row is not None]
