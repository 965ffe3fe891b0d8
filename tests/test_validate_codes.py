"""One corruption per error code: the report names the exact code, table, row and field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from dataset_factory import refresh_manifest
from pydantic import model_validator
from validate_helpers import edit_manifest, edit_rows, edit_table, where

from lavrov_corpus.layout import CARD, CITATION, CROISSANT, MANIFEST, table_path
from lavrov_corpus.models import Speaker
from lavrov_corpus.validate import Code, rowmodel, validate_dataset

Loc = tuple[Any, ...]


@dataclass
class Case:
    code: Code
    damage: Callable[[Path, Path], None]
    expected: list[Loc]
    #: other codes this damage legitimately causes as well
    also: set[str] = field(default_factory=set)
    sources: bool = False
    select: list[str] | None = None
    #: simulate a model rule that no vectorized check mirrors yet (what row-model is for)
    new_rule: bool = False


class StricterSpeaker(Speaker):
    """Speaker with one more rule, as if a validator had just been added to the model."""

    @model_validator(mode="after")
    def _no_empty_roles(self) -> StricterSpeaker:
        if any(not r.strip() for r in self.roles) or "nobody" in self.roles:
            raise ValueError("roles must be real roles")
        return self


@pytest.fixture
def rules(monkeypatch: pytest.MonkeyPatch) -> Callable[[Case], None]:
    def install(case: Case) -> None:
        if case.new_rule:
            monkeypatch.setitem(rowmodel.TABLES, "speakers", StricterSpeaker)

    return install


def _set(table: str, row: int, key: str, value: Any) -> Callable[[list[dict[str, Any]]], None]:
    def change(rows: list[dict[str, Any]]) -> None:
        target: Any = rows[row]
        *parents, last = key.split(".")
        for p in parents:
            target = target[int(p)] if p.isdigit() else target[p]
        target[int(last) if last.isdigit() else last] = (
            value(target) if callable(value) else (value)
        )

    return change


def rows_edit(
    table: str, row: int, key: str, value: Any, nullable: tuple[str, ...] = ()
) -> Callable[[Path, Path], None]:
    return lambda root, src: edit_rows(root, table, _set(table, row, key, value), nullable)


def write(rel: str, text: str, rehash: bool = True) -> Callable[[Path, Path], None]:
    def damage(root: Path, src: Path) -> None:
        (root / rel).write_text(text)
        if rehash:
            refresh_manifest(root)

    return damage


def delete(rel: str, rehash: bool) -> Callable[[Path, Path], None]:
    def damage(root: Path, src: Path) -> None:
        (root / rel).unlink()
        if rehash:
            refresh_manifest(root)

    return damage


def truncate_quotes(root: Path, src: Path) -> None:
    path = table_path(root, "quotes")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    refresh_manifest(root)


def schema_change(table: str, fn: Callable[[pa.Table], pa.Table]) -> Callable[[Path, Path], None]:
    return lambda root, src: edit_table(root, table, fn)


def swap_columns(t: pa.Table) -> pa.Table:
    names = t.column_names
    i, j = names.index("start"), names.index("end")
    names[i], names[j] = names[j], names[i]
    return t.select(names)


def retype(t: pa.Table) -> pa.Table:
    i = t.schema.get_field_index("start")
    return t.set_column(
        i, pa.field("start", pa.int32(), nullable=False), t.column("start").cast(pa.int32())
    )


def relax(t: pa.Table) -> pa.Table:
    i = t.schema.get_field_index("text")
    return t.cast(t.schema.set(i, t.schema.field("text").with_nullable(True)))


def drop_article_provenance(root: Path, src: Path) -> None:
    edit_rows(root, "provenance", lambda rows: [r for r in rows if r["path"] != "002_third.txt"])


def drop_third_article(root: Path, src: Path) -> None:
    edit_rows(root, "articles", lambda rows: rows[:2])


def flip_source_byte(rel: str) -> Callable[[Path, Path], None]:
    def damage(root: Path, src: Path) -> None:
        data = bytearray((src / rel).read_bytes())
        data[3] ^= 0x20
        (src / rel).write_bytes(bytes(data))

    return damage


def append_source(rel: str) -> Callable[[Path, Path], None]:
    return lambda root, src: (src / rel).write_bytes((src / rel).read_bytes() + b"x")


def card_config(root: Path, src: Path) -> None:
    text = (
        (root / CARD)
        .read_text()
        .replace("path: data/speakers/speakers.parquet", "path: data/speakers/nope.parquet")
    )
    (root / CARD).write_text(text)
    refresh_manifest(root)


def resize_card(root: Path, src: Path) -> None:
    (root / CARD).write_text((root / CARD).read_text() + "\nmore\n")


def rechecksum_citation(root: Path, src: Path) -> None:
    (root / CITATION).write_text((root / CITATION).read_text().replace("Please", "PLEASE"))


P = "provenance"
CASES: list[Case] = [
    Case(Code.DATASET_MISSING, lambda root, src: shutil.rmtree(root), [(None, None, None, "*")]),
    Case(
        Code.MANIFEST_MISSING,
        delete(MANIFEST, rehash=False),
        [(None, None, None, MANIFEST)],
        {"unexpected-file"},
    ),
    Case(
        Code.MANIFEST_INVALID,
        write(MANIFEST, "{not json", rehash=False),
        [(None, None, None, MANIFEST)],
        {"unexpected-file"},
    ),
    Case(Code.FILE_MISSING, delete(CROISSANT, rehash=False), [(None, None, None, CROISSANT)]),
    Case(Code.FILE_SIZE_MISMATCH, resize_card, [(None, None, None, CARD)]),
    Case(Code.FILE_CHECKSUM_MISMATCH, rechecksum_citation, [(None, None, None, CITATION)]),
    Case(
        Code.UNEXPECTED_FILE,
        lambda root, src: (root / "data/quotes/extra.csv").write_text("x"),
        [(None, None, None, "data/quotes/extra.csv")],
    ),
    Case(
        Code.PARQUET_UNREADABLE,
        truncate_quotes,
        [("quotes", None, None, "data/quotes/quotes.parquet")],
        {"foreign-key", "manifest-row-count", "provenance-mismatch"},
    ),
    Case(
        Code.SCHEMA_MISSING_COLUMN,
        schema_change("quotes", lambda t: t.drop_columns(["cue"])),
        [("quotes", None, "cue", None)],
    ),
    Case(
        Code.SCHEMA_EXTRA_COLUMN,
        schema_change("quotes", lambda t: t.append_column("extra", pa.array([1] * len(t)))),
        [("quotes", None, "extra", None)],
    ),
    Case(
        Code.SCHEMA_COLUMN_ORDER,
        schema_change("quotes", swap_columns),
        [("quotes", None, "end", None)],
    ),
    Case(
        Code.SCHEMA_TYPE_MISMATCH,
        schema_change("quotes", retype),
        [("quotes", None, "start", None)],
    ),
    Case(
        Code.SCHEMA_NULLABILITY_MISMATCH,
        schema_change("quotes", relax),
        [("quotes", None, "text", None)],
    ),
    Case(
        Code.NULL_VALUE,
        rows_edit("quotes", 1, "text", None, ("text",)),
        [("quotes", 1, "text", None)],
        {"schema-nullability-mismatch", "span-mismatch"},
    ),
    Case(
        Code.ENUM_VALUE,
        rows_edit("quotes", 2, "attribution", "shouted"),
        [("quotes", 2, "attribution", None)],
    ),
    Case(
        Code.RANGE,
        rows_edit("articles", 0, "paragraphs.1.end", 10_000),
        [("articles", 0, "paragraphs.end", None)],
    ),
    Case(
        Code.SPAN_ORDER,
        rows_edit("quotes", 3, "source_byte_end", 1),
        [("quotes", 3, "source_byte_end", None)],
    ),
    Case(
        Code.FORMAT,
        rows_edit("treaties", 1, "sources", ["ftp://example.org"]),
        [("treaties", 1, "sources", None)],
    ),
    Case(
        Code.CONSISTENCY,
        rows_edit("quotes", 0, "speaker", None),
        [("quotes", 0, "speaker_id", None)],
    ),
    Case(
        Code.ROW_MODEL,
        rows_edit("speakers", 1, "roles", ["diplomat", "nobody"]),
        [("speakers", 1, None, None)],
        new_rule=True,
    ),
    Case(
        Code.DUPLICATE_KEY,
        rows_edit("quotes", 4, "quote_id", lambda r: r["quote_id"][:-1] + "1"),
        [("quotes", 4, "quote_id", None)],
    ),
    Case(
        Code.FOREIGN_KEY,
        rows_edit("articles", 0, "mentions.0.treaty_id", "start-ii"),
        [("articles", 0, "mentions.treaty_id", None)],
    ),
    Case(
        Code.SPAN_MISMATCH,
        rows_edit("quotes", 1, "text", lambda r: r["text"].upper()),
        [("quotes", 1, "text", None)],
        {"source-span-mismatch"},
    ),
    Case(
        Code.MENTION_MISMATCH,
        rows_edit("articles", 1, "mentions.0.text", "INF Treatx"),
        [("articles", 1, "mentions.text", None)],
    ),
    Case(
        Code.TITLE_MISMATCH,
        rows_edit("articles", 2, "title", "No quotes here at alL"),
        [("articles", 2, "title", None)],
    ),
    Case(
        Code.SOURCE_MISSING,
        lambda root, src: (src / "002_third.txt").unlink(),
        [(P, 1, "path", "002_third.txt")],
        sources=True,
    ),
    Case(
        Code.SOURCE_SIZE_MISMATCH,
        append_source("sub/001_second.txt"),
        [(P, 5, "size", "sub/001_second.txt")],
        {"source-checksum-mismatch"},
        sources=True,
    ),
    Case(
        Code.SOURCE_CHECKSUM_MISMATCH,
        flip_source_byte("002_third.txt"),
        [(P, 1, "sha256", "002_third.txt")],
        sources=True,
    ),
    Case(
        Code.SOURCE_SPAN_MISMATCH,
        rows_edit("quotes", 3, "source_byte_start", lambda r: 0),
        [("quotes", 3, "source_byte_start", None)],
        sources=True,
    ),
    Case(
        Code.SOURCE_SPAN_MISMATCH,
        rows_edit("articles", 1, "source_map.0.byte_end", lambda seg: seg["byte_end"] - 1),
        [("articles", 1, "source_map", None)],
        sources=True,
    ),
    Case(
        Code.SOURCE_SPAN_MISMATCH,
        rows_edit("articles", 2, "source_map.0.text_start", lambda seg: seg["text_start"] + 1),
        [("articles", 2, "source_map", None)],
        sources=True,
    ),
    Case(Code.PROVENANCE_COUNT, drop_article_provenance, [("articles", 2, "article_id", None)]),
    Case(
        Code.PROVENANCE_MISMATCH,
        rows_edit("articles", 1, "source_path", "other.txt"),
        [("articles", 1, "source_path", None)],
    ),
    Case(
        Code.ACCEPTED_WITHOUT_ARTICLE,
        drop_third_article,
        [(P, 1, "article_id", None)],
        {"foreign-key"},
    ),
    Case(Code.CARD_MISSING, delete(CARD, rehash=True), [(None, None, None, CARD)]),
    Case(
        Code.CARD_YAML,
        write(CARD, "---\nconfigs: [unclosed\n---\n# card\n"),
        [(None, None, None, CARD)],
        {"version-mismatch"},
    ),
    Case(
        Code.CARD_CONFIG_PATH,
        card_config,
        [("speakers", None, "data_files", CARD), ("speakers", None, "data_files", CARD)],
    ),
    Case(
        Code.VERSION_MISMATCH,
        write(
            CITATION,
            (Path(__file__).parent / "dataset_factory.py").exists()
            and "cff-version: 1.2.0\nmessage: m\ntitle: t\nauthors: []\nversion: 9.9.9\n",
        ),
        [(None, None, "version", CITATION)],
    ),
    Case(
        Code.MANIFEST_ROW_COUNT,
        lambda root, src: edit_manifest(root, lambda m: m["row_counts"].update(quotes=99)),
        [("quotes", None, "row_counts", MANIFEST)],
    ),
    Case(
        Code.MANIFEST_FINGERPRINT,
        lambda root, src: edit_manifest(root, lambda m: m.update(fingerprint="0" * 64)),
        [(None, None, "fingerprint", MANIFEST)],
    ),
    Case(
        Code.CITATION_INVALID,
        write(CITATION, "cff-version: 1.2.0\nmessage: m\nauthors: []\nversion: '0.0.0'\n"),
        [(None, None, "title", CITATION)],
        {"version-mismatch"},
    ),
    Case(Code.METADATA_JSON_INVALID, write(CROISSANT, "[1, 2]"), [(None, None, None, CROISSANT)]),
]


def test_every_code_has_a_case() -> None:
    assert {c.code for c in CASES} == set(Code)


def _run(case: Case, root: Path, src: Path, **kwargs: Any) -> Any:
    case.damage(root, src)
    return validate_dataset(root, sources=src if case.sources else None, **kwargs)


@pytest.mark.parametrize("case", CASES, ids=[c.code.value for c in CASES])
def test_damage_is_reported_exactly(
    case: Case, ds: tuple[Path, Path], rules: Callable[[Case], None]
) -> None:
    rules(case)
    root, src = ds
    report = _run(case, root, src, select=case.select)
    assert not report.valid
    expected = [tuple(str(root) if x == "*" else x for x in loc) for loc in case.expected]
    assert where(report, case.code) == sorted(expected, key=repr), report.render_text()
    assert report.codes() <= {case.code.value, *case.also}, report.render_text()
    for problem in report.by_code(case.code):
        assert problem.message


@pytest.mark.parametrize("case", CASES, ids=[c.code.value for c in CASES])
def test_select_and_ignore_work_for_every_code(
    case: Case, ds: tuple[Path, Path], rules: Callable[[Case], None]
) -> None:
    rules(case)
    root, src = ds
    case.damage(root, src)
    kwargs: dict[str, Any] = {"sources": src if case.sources else None}
    only = validate_dataset(root, select=[case.code.value], **kwargs)
    assert only.codes() == {case.code.value}
    without = validate_dataset(root, ignore=[case.code.value], **kwargs)
    assert case.code.value not in without.codes()
    assert case.code.value not in without.stats["checked_codes"]


def test_row_model_does_not_repeat_other_checks(ds: tuple[Path, Path]) -> None:
    """A row flagged by a vectorized check (even an ignored one) is not reported again."""
    root, src = ds
    rows_edit("quotes", 2, "speaker", None)(root, src)
    assert validate_dataset(root, select=["row-model"]).valid
    assert validate_dataset(root, ignore=["consistency"]).valid
    assert where(validate_dataset(root), "consistency") == [("quotes", 2, "speaker_id", None)]


def test_row_model_skips_big_tables_with_a_note(
    ds: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, src = ds
    monkeypatch.setattr(rowmodel, "ROW_MODEL_LIMIT", 1)
    monkeypatch.setitem(rowmodel.TABLES, "speakers", StricterSpeaker)
    rows_edit("speakers", 1, "roles", ["nobody"])(root, src)
    report = validate_dataset(root)
    assert report.valid  # speakers has 2 rows, over the limit: skipped, and said so
    assert any("row-model skipped for speakers" in n for n in report.notes)
    forced = validate_dataset(root, row_model=True)
    assert where(forced, "row-model") == [("speakers", 1, None, None)]


def test_record_ids_name_the_row(ds: tuple[Path, Path]) -> None:
    root, src = ds
    rows_edit("quotes", 1, "text", lambda r: r["text"].upper())(root, src)
    (problem,) = validate_dataset(root).by_code("span-mismatch")
    from validate_helpers import read_rows

    assert problem.record_id == read_rows(root, "quotes")[1]["quote_id"]


def test_curated_title_may_differ_from_the_printed_headline(ds: tuple[Path, Path]) -> None:
    root, _ = ds

    def curate(rows: list[dict[str, Any]]) -> None:
        rows[2]["title"] = "A curated title that is not in the text"
        rows[2]["origins"]["title"] = "curated"

    edit_rows(root, "articles", curate)
    assert validate_dataset(root).valid
    # The same title marked as extracted is a mismatch.
    edit_rows(root, "articles", _set("articles", 2, "origins.title", "extracted"))
    assert where(validate_dataset(root), "title-mismatch") == [("articles", 2, "title", None)]
