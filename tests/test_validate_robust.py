"""Broken files are reported, never a traceback; max_errors, text rendering, valid data."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from validate_helpers import edit_rows

from lavrov_corpus.layout import CARD, CITATION, CROISSANT, DATAPACKAGE, MANIFEST, table_path
from lavrov_corpus.models import TABLES
from lavrov_corpus.validate import validate_dataset


def test_valid_dataset_is_valid(pristine: tuple[Path, Path]) -> None:
    root, sources = pristine
    for kwargs in ({}, {"sources": sources}, {"row_model": True}):
        report = validate_dataset(root, **kwargs)  # type: ignore[arg-type]
        assert report.valid, report.render_text()
        assert report.stats["rows"]["quotes"] == 5
    assert validate_dataset(root).render_text().startswith("VALID")


@pytest.mark.parametrize("table", list(TABLES))
def test_garbled_tables_never_crash(
    table: str, pristine: tuple[Path, Path], tmp_path: Path
) -> None:
    rng = random.Random(table)
    original = table_path(pristine[0], table).read_bytes()
    variants = [
        original[: len(original) // 3],
        original[:-10],
        b"",
        b"PAR1" + bytes(rng.randrange(256) for _ in range(300)) + b"PAR1",
        bytes(rng.randrange(256) for _ in range(len(original))),
    ]
    for _ in range(6):  # flip bytes inside the file, keeping the footer
        data = bytearray(original)
        for _ in range(8):
            data[rng.randrange(4, len(data) - 8)] = rng.randrange(256)
        variants.append(bytes(data))
    for i, data in enumerate(variants):
        root = tmp_path / f"v{i}"
        shutil.copytree(pristine[0], root)
        table_path(root, table).write_bytes(data)
        report = validate_dataset(root, sources=pristine[1], row_model=True)
        assert not report.valid, i
        assert (
            report.counts.get("file-size-mismatch", 0)
            + report.counts.get("file-checksum-mismatch", 0)
            >= 1
        )


@pytest.mark.parametrize("name", [MANIFEST, CARD, CITATION, CROISSANT, DATAPACKAGE])
@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00garbage", b"- [unclosed", b"42"])
def test_garbled_metadata_never_crash(
    name: str, content: bytes, pristine: tuple[Path, Path], tmp_path: Path
) -> None:
    root = tmp_path / "d"
    shutil.copytree(pristine[0], root)
    (root / name).write_bytes(content)
    report = validate_dataset(root)
    assert not report.valid
    assert report.to_json()


def test_wrong_types_everywhere_are_reported(pristine: tuple[Path, Path], tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = tmp_path / "d"
    shutil.copytree(pristine[0], root)
    for table in TABLES:
        t = pq.read_table(table_path(root, table))
        as_text = pa.table(
            {
                n: t.column(n).cast(pa.string())
                if pa.types.is_integer(t.column(n).type)
                else t.column(n)
                for n in t.column_names
            }
        )
        pq.write_table(as_text, table_path(root, table))
    report = validate_dataset(root, row_model=True)
    assert report.counts["schema-type-mismatch"] >= 10
    assert not report.valid


def test_max_errors_limits_examples_not_counts(pristine: tuple[Path, Path], tmp_path: Path) -> None:
    root = tmp_path / "d"
    shutil.copytree(pristine[0], root)

    def shout(rows: list[dict[str, object]]) -> None:
        for row in rows:
            row["text"] = str(row["text"]).upper()

    edit_rows(root, "quotes", shout)
    full = validate_dataset(root)
    capped = validate_dataset(root, max_errors=2)
    assert full.counts == capped.counts
    assert full.counts["span-mismatch"] == 5
    assert [p.row for p in capped.by_code("span-mismatch")] == [0, 1]
    assert [p.row for p in full.by_code("span-mismatch")] == [0, 1, 2, 3, 4]
    text = capped.render_text(examples=1)
    assert "span-mismatch (5):" in text and "... and 4 more" in text
    with pytest.raises(ValueError, match="unknown error code"):
        validate_dataset(root, select=["not-a-code"])
