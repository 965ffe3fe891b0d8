"""The shortcuts that make validation fast and small change no answer: dictionary-encoded reads,
hashed primary keys (a forced hash collision is not a duplicate), keys read back for record ids,
slices compared as string views, the source index of names."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from dataset_factory import refresh_manifest
from validate_helpers import edit_rows, read_rows, where

from lavrov_corpus.layout import table_path
from lavrov_corpus.models import TABLES
from lavrov_corpus.paths import index_files
from lavrov_corpus.validate import Report, hashing, keys, stream, validate_dataset
from lavrov_corpus.validate._slices import slice_mismatch
from lavrov_corpus.validate.context import index_names

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import bench_validate


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid dataset of 25 articles x 100 quotes (repeated ids, enumerations)."""
    root = tmp_path_factory.mktemp("fast-runs") / "dataset"
    bench_validate.build(root, 2_500)
    return root


def same_report(a: Report, b: Report) -> None:
    one, two = a.to_dict(), b.to_dict()
    for d in (one, two):
        d["stats"].pop("seconds")
    assert one == two


def damage_runs(root: Path) -> None:
    """Problems in columns that are read dictionary-encoded, and a duplicate key."""

    def quotes(rows: list[dict[str, Any]]) -> None:
        rows[5]["attribution"] = "shouted"  # enum-value
        rows[150]["article_id"] = "a" + "0" * 16  # foreign-key, consistency
        rows[151]["article_id"] = "not an id"  # format too
        rows[700]["text"] = rows[700]["text"].upper()  # span-mismatch
        rows[900]["source_sha256"] = rows[0]["source_sha256"]  # provenance-mismatch
        rows[1200]["speaker_id"] = "nobody-known"  # foreign-key
        rows[1300]["speaker"] = None  # consistency
        rows[2400]["quote_id"] = rows[2]["quote_id"]  # duplicate-key

    edit_rows(root, "quotes", quotes, nullable=("speaker",))


def regroup(root: Path, rows_per_group: int) -> None:
    for table in TABLES:
        path = table_path(root, table)
        pq.write_table(pq.read_table(path), path, row_group_size=rows_per_group)
    refresh_manifest(root)


@pytest.mark.parametrize("group_rows", [2_500, 97])
def test_dictionary_reads_change_no_answer(
    runs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group_rows: int
) -> None:
    root = tmp_path / "dataset"
    shutil.copytree(runs, root)
    damage_runs(root)
    regroup(root, group_rows)  # 97: batches join row groups with different dictionaries
    monkeypatch.setattr(stream, "DICTIONARY_SHARE", 0.0)
    plain = validate_dataset(root)
    assert {
        "enum-value",
        "foreign-key",
        "format",
        "span-mismatch",
        "provenance-mismatch",
        "consistency",
        "duplicate-key",
    } <= plain.codes()
    seen: list[str] = []
    decoded = stream._repeated

    def every_string(*args: Any) -> list[str]:
        found = decoded(*args)
        seen.extend(found)
        return found

    joined: list[int] = []
    join = stream._joined

    def joining(parts: list[pa.Table], usable: Any) -> pa.Table:
        joined.append(len(parts))
        return join(parts, usable)

    monkeypatch.setattr(stream, "DICTIONARY_SHARE", 1.0)  # even unique strings
    monkeypatch.setattr(stream, "_repeated", every_string)
    monkeypatch.setattr(stream, "_joined", joining)
    encoded = validate_dataset(root)
    assert {"quote_id", "article_id", "text", "attribution", "source_sha256"} <= set(seen)
    assert (max(joined) > 1) == (group_rows < 2_500)
    same_report(plain, encoded)


def test_hash_collisions_are_not_duplicates(
    ds: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _ = ds
    edit_rows(root, "quotes", lambda rows: rows[4].update(quote_id=rows[1]["quote_id"]))
    exact = validate_dataset(root)
    assert where(exact, "duplicate-key") == [("quotes", 4, "quote_id", None)]
    real, read = hashing.hash_strings, keys._read_rows
    confirmed: list[str] = []

    def reading(ctx: Any, table: str, key: str, rows: Any) -> Any:
        confirmed.append(table)
        return read(ctx, table, key, rows)

    monkeypatch.setattr(hashing, "hash_strings", lambda a: real(a) & np.uint64(1))
    monkeypatch.setattr(keys, "_read_rows", reading)
    colliding = validate_dataset(root)  # every key shares its hash with half the others
    assert {"quotes", "articles", "provenance"} <= set(confirmed)
    same_report(exact, colliding)
    (problem,) = colliding.by_code("duplicate-key")
    ids = [r["quote_id"] for r in read_rows(root, "quotes")]
    assert problem.record_id == ids[4]
    assert problem.message == f"{ids[1]!r} already used by row 1"


def test_record_ids_are_read_back_across_row_groups(runs: Path, tmp_path: Path) -> None:
    root = tmp_path / "dataset"
    shutil.copytree(runs, root)
    damage_runs(root)
    regroup(root, 97)
    report = validate_dataset(root, select=["duplicate-key", "span-mismatch"])
    ids = [r["quote_id"] for r in read_rows(root, "quotes")]
    assert report.problems
    for problem in report.problems:
        assert problem.table == "quotes" and problem.row is not None
        assert problem.record_id == ids[problem.row]


def test_hash_strings_is_equal_exactly_for_equal_strings() -> None:
    rng = np.random.default_rng(3)
    alphabet = list("ab-9é€𝄞")
    values = sorted({"".join(rng.choice(alphabet, int(n))) for n in rng.integers(0, 90, 3000)})
    array = pa.array(values + values[::7])
    hashes = hashing.hash_strings(array)
    assert len(set(hashes[: len(values)].tolist())) == len(values)
    assert hashes[len(values) :].tolist() == hashes[: len(values)][::7].tolist()
    part = array.slice(100, 500)  # an offset into the same buffers
    assert hashing.hash_strings(part).tolist() == hashes[100:600].tolist()
    big = pa.array(values, pa.large_string())
    assert hashing.hash_strings(big).tolist() == hashes[: len(values)].tolist()


def test_slices_as_views_equal_python_slices() -> None:
    rng = np.random.default_rng(5)
    alphabet = [*"abc ,“”", "Мы", "é", "𝄞"]
    texts = ["".join(rng.choice(alphabet, int(n))) for n in rng.integers(0, 60, 300)]
    index = rng.integers(0, len(texts), 4000)
    start = rng.integers(-2, 70, 4000)
    end = start + rng.integers(-2, 30, 4000)
    expected = []
    for i, s, e in zip(index, start, end, strict=True):
        text = texts[i]
        piece = text[max(s, 0) : max(e, 0)]
        if rng.random() < 0.3 and piece:
            piece = piece[:-1] + ("x" if piece[-1] != "x" else "y")
        expected.append(piece)
    want = [
        not (0 <= s <= e <= len(texts[i])) or texts[i][s:e] != x
        for i, s, e, x in zip(index, start, end, expected, strict=True)
    ]
    got = slice_mismatch(pa.array(texts), index, start, end, pa.array(expected))
    assert got.tolist() == want
    dictionary = pa.array(expected).dictionary_encode()  # views of a dictionary's strings
    got = slice_mismatch(pa.array(texts), index, start, end, dictionary)
    assert got.tolist() == want
    titles = slice_mismatch(
        pa.array(texts),
        index,
        np.zeros(4000, np.int64),
        np.minimum(end, 3),
        pa.array([t[:3] for t in expected]),
    )
    assert titles.tolist() == [
        not 0 <= min(e, 3) <= len(texts[i]) or texts[i][: min(e, 3)] != x[:3]
        for i, e, x in zip(index, end, expected, strict=True)
    ]


def test_index_of_names_is_the_index_of_paths(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    for rel in ("a.txt", "sub/b.txt", "sub/deeper/c.txt", "sub/é.txt"):
        (tmp_path / rel).write_text("x")
    bad = os.fsdecode(b"bad-\xff-name.txt")
    (tmp_path / "sub" / bad).write_text("y")
    (tmp_path / "link").symlink_to(tmp_path / "sub")
    names = index_names(tmp_path)
    paths = index_files(tmp_path)
    assert list(names) == list(paths)
    assert {k: tmp_path / v for k, v in names.items()} == paths
    assert "sub/bad-\\xff-name.txt" in names
