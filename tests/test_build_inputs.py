"""Every input file is accounted for: one provenance row each, with a stable reason code."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from fake_converter import Rejection
from fake_converter import convert_bytes as fake

import lavrov_corpus.build as build_mod
from lavrov_corpus.build import build_dataset
from lavrov_corpus.build import convert as convert_mod
from lavrov_corpus.build.convert import Outcome
from lavrov_corpus.build.discover import MAX_FILE_BYTES, InputFile, discover
from lavrov_corpus.build.pipeline import _Writer, article_id_of
from lavrov_corpus.errors import BuildError, InputError
from lavrov_corpus.layout import table_path
from lavrov_corpus.models import FileRole, RejectReason
from lavrov_corpus.parquet_io import read_arrow

ARTICLE = "Lavrov warns on treaty\n\n“We will respond,” Lavrov said.\n"


def build(input_dir: Path, out: Path, **kwargs: object) -> dict[str, dict[str, object]]:
    """Build with the fake converter; return provenance rows by path."""
    kwargs.setdefault("converter", fake)
    kwargs.setdefault("jobs", 1)
    build_dataset(input_dir, out, **kwargs)  # type: ignore[arg-type]
    rows = read_arrow(table_path(out, "provenance")).to_pylist()
    return {r["path"]: r for r in rows}


def count_files(root: Path) -> int:
    return sum(1 for p in root.rglob("*") if p.is_file() or p.is_symlink())


def test_every_file_gets_one_row_and_accepted_inputs_have_articles(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "nested" / "deeper").mkdir(parents=True)
    (src / "a.txt").write_text(ARTICLE + "one\n")
    (src / "nested" / "b.TXT").write_text(ARTICLE + "two\n")
    (src / "nested" / "deeper" / "c.txt").write_text(ARTICLE + "three\n")
    (src / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (src / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0JFIF")
    (src / "page.html").write_text("<html><body>hi</body></html>")
    (src / "empty.txt").write_bytes(b"")
    (src / "notes.toml").write_text("x = 1\n")
    rows = build(src, tmp_path / "out")
    assert len(rows) == count_files(src) == 8
    assert [r["path"] for r in rows.values()] == sorted(rows)  # path order
    for name in (".DS_Store", "photo.jpg", "page.html", "notes.toml"):
        assert (rows[name]["status"], rows[name]["reason"]) == ("rejected", "unsupported-type")
    assert rows["empty.txt"]["reason"] == "empty"
    accepted = {p for p, r in rows.items() if r["status"] == "accepted"}
    assert accepted == {"a.txt", "nested/b.TXT", "nested/deeper/c.txt"}
    articles = read_arrow(table_path(tmp_path / "out", "articles")).to_pylist()
    assert {a["source_path"] for a in articles} == accepted
    assert {a["article_id"] for a in articles} == {rows[p]["article_id"] for p in accepted}


def test_duplicates_name_the_kept_article(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "1.txt").write_text(ARTICLE)
    (src / "2.txt").write_text(ARTICLE)  # same bytes
    (src / "3.txt").write_text("\n\n" + ARTICLE.replace("\n", "\n\n"))  # same text once cleaned
    rows = build(src, tmp_path / "out")
    kept = rows["1.txt"]["article_id"]
    assert rows["1.txt"]["status"] == "accepted"
    assert (rows["2.txt"]["status"], rows["2.txt"]["reason"]) == ("duplicate", "duplicate-bytes")
    assert (rows["3.txt"]["status"], rows["3.txt"]["reason"]) == ("duplicate", "duplicate-text")
    assert rows["2.txt"]["article_id"] == rows["3.txt"]["article_id"] == kept
    assert rows["2.txt"]["detail"] == "same bytes as 1.txt"
    assert rows["3.txt"]["detail"] == "same text after normalization as 1.txt"
    assert read_arrow(table_path(tmp_path / "out", "articles")).num_rows == 1
    quotes = read_arrow(table_path(tmp_path / "out", "quotes")).to_pylist()
    assert {q["article_id"] for q in quotes} == {kept}


def test_converter_exception_becomes_a_row_not_a_traceback(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text(ARTICLE)
    (src / "bad.txt").write_text("this will explode the fake converter\n")
    rows = build(src, tmp_path / "out")
    assert rows["bad.txt"]["reason"] == "converter-error"
    assert "RuntimeError: boom" in str(rows["bad.txt"]["detail"])
    assert rows["bad.txt"]["sha256"] is not None
    assert rows["ok.txt"]["status"] == "accepted"


def test_an_id_prefix_collision_of_different_files_is_rejected(tmp_path: Path) -> None:
    writer = _Writer(tmp_path, {})
    try:
        first = _outcome("a" * 64, "1" * 64)
        same_prefix = _outcome("a" * 16 + "b" * 48, "2" * 64)  # another file, same article id
        assert writer._judge(InputFile("x.txt", "x.txt", FileRole.ARTICLE), first)
        assert not writer._judge(InputFile("y.txt", "y.txt", FileRole.ARTICLE), same_prefix)
        assert writer._judge(InputFile("z.txt", "z.txt", FileRole.ARTICLE), _outcome("c" * 64))
    finally:
        writer.close()
    (rejected,) = writer.rejected
    assert (rejected.path, rejected.reason) == ("y.txt", "converter-error")
    assert rejected.detail == f"article id a{'a' * 16} already used by a different file"


def _outcome(sha256: str, text_sha256: str | None = None) -> Outcome:
    return Outcome(
        sha256=sha256,
        size=1,
        encoding="utf-8",
        encoding_confidence=1.0,
        article_id=article_id_of(bytes.fromhex(sha256)),
        text_sha256=text_sha256 or sha256,
    )


def _bad_article(data: bytes, **kwargs: object) -> object:
    return dataclasses.replace(fake(data, **kwargs), article="not an article")


def _bad_text_hash(data: bytes, **kwargs: object) -> object:
    return dataclasses.replace(fake(data, **kwargs), text_sha256="not a digest")


def _bad_detail(data: bytes, **kwargs: object) -> object:
    return Rejection(RejectReason.EMPTY, 42, None, None)  # type: ignore[arg-type]


def _bad_confidence(data: bytes, **kwargs: object) -> object:
    return dataclasses.replace(fake(data, **kwargs), encoding_confidence=1.5)


@pytest.mark.parametrize("converter", [_bad_article, _bad_text_hash, _bad_detail, _bad_confidence])
def test_converter_output_of_the_wrong_shape_becomes_a_row(
    tmp_path: Path, converter: object
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE)
    rows = build(src, tmp_path / "out", converter=converter)
    assert (rows["a.txt"]["status"], rows["a.txt"]["reason"]) == ("rejected", "converter-error")


def test_symlinks_never_leave_the_input_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(ARTICLE + "secret\n")
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "real.txt").write_text(ARTICLE)
    (src / "out-link.txt").symlink_to(outside)
    (src / "in-link.txt").symlink_to(src / "real.txt")
    (src / "dir-link").symlink_to(src / "sub")
    (src / "up-dir-link").symlink_to(tmp_path)
    (src / "broken.txt").symlink_to(src / "missing.txt")
    rows = build(src, tmp_path / "out")
    assert rows["out-link.txt"]["reason"] == "symlink-outside-input"
    assert rows["out-link.txt"]["sha256"] is None  # never read
    assert rows["up-dir-link"]["reason"] == "symlink-outside-input"
    assert rows["dir-link"]["reason"] == "unsupported-type"
    assert rows["broken.txt"]["reason"] == "unreadable"
    # A link inside the folder is read; it comes first in path order, so the target duplicates it.
    assert rows["in-link.txt"]["status"] == "accepted"
    assert (rows["real.txt"]["status"], rows["real.txt"]["reason"]) == (
        "duplicate",
        "duplicate-bytes",
    )
    assert len(rows) == 6


def test_too_large_is_decided_without_reading(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    with (src / "huge.txt").open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    (src / "ok.txt").write_text(ARTICLE)
    rows = build(src, tmp_path / "out")
    assert rows["huge.txt"]["reason"] == "too-large"
    assert rows["huge.txt"]["size"] == MAX_FILE_BYTES + 1
    assert str(MAX_FILE_BYTES) in str(rows["huge.txt"]["detail"])


def test_a_file_that_grew_over_the_limit_after_listing_is_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "grows.txt").write_text(ARTICLE)
    real_discover = build_mod.discover

    def discover_then_grow(input_dir: Path) -> object:
        found = real_discover(input_dir)
        with (src / "grows.txt").open("r+b") as fh:
            fh.truncate(MAX_FILE_BYTES + 10)  # sparse: costs no disk
        return found

    monkeypatch.setattr(build_mod, "discover", discover_then_grow)
    rows = build(src, tmp_path / "out")
    assert (rows["grows.txt"]["reason"], rows["grows.txt"]["size"]) == (
        "too-large",
        MAX_FILE_BYTES + 1,
    )


@pytest.mark.parametrize(
    "size", [0, 1, 5000, MAX_FILE_BYTES, MAX_FILE_BYTES + 1, MAX_FILE_BYTES + 9]
)
def test_read_gives_the_bytes_up_to_one_over_the_limit(tmp_path: Path, size: int) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    assert convert_mod._read(str(path)) == path.read_bytes()[: MAX_FILE_BYTES + 1]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "locked.txt").write_text(ARTICLE)
    (src / "ok.txt").write_text(ARTICLE + "x\n")
    real_read = convert_mod._read

    def read(abspath: str) -> bytes:
        if abspath.endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", abspath)
        return real_read(abspath)

    # Root reads any file whatever its mode, so the denial is simulated at the read itself.
    monkeypatch.setattr(convert_mod, "_read", read)
    rows = build(src, tmp_path / "out")
    assert rows["locked.txt"]["reason"] == "unreadable"
    assert "Permission denied" in str(rows["locked.txt"]["detail"])
    assert rows["ok.txt"]["status"] == "accepted"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_unreadable_file_by_mode(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "locked.txt").write_text(ARTICLE)
    (src / "locked.txt").chmod(0)
    rows = build(src, tmp_path / "out")
    assert rows["locked.txt"]["reason"] == "unreadable"


SIDECARS = {
    "malformed": ('[[article]\nfile = "a.txt"\n', "TOML syntax error"),
    "unknown-key": ('[[article]]\nfile = "a.txt"\nauthor = "x"\n', "author: unknown key"),
    "bad-date": ('[[article]]\nfile = "a.txt"\npublished = "2019-13-45"\n', "published"),
    "datetime": ('[[article]]\nfile = "a.txt"\npublished = 2019-09-05T10:00:00\n', "published"),
    "missing-file": ('[[article]]\nfile = "nope.txt"\n', "'nope.txt' is not a .txt article"),
    "escapes": ('[[article]]\nfile = "../outside.txt"\n', "file"),
    "absolute": ('[[article]]\nfile = "/etc/passwd"\n', "file"),
    "twice": ('[[article]]\nfile = "a.txt"\n[[article]]\nfile = "a.txt"\n', "described twice"),
    "not-utf8": (b'[[article]]\nfile = "a.txt"\nnotes = "\xff"\n', "not valid UTF-8"),
    "blank-title": ('[[article]]\nfile = "a.txt"\ntitle = "   "\n', "must not be blank"),
}


@pytest.mark.parametrize("case", sorted(SIDECARS))
def test_invalid_sidecar_is_reported_and_articles_still_build(tmp_path: Path, case: str) -> None:
    content, expected = SIDECARS[case]
    (tmp_path / "outside.txt").write_text(ARTICLE + "outside\n")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE)
    sidecar = src / "metadata.toml"
    sidecar.write_bytes(content if isinstance(content, bytes) else content.encode())
    rows = build(src, tmp_path / "out")
    row = rows["metadata.toml"]
    assert (row["role"], row["status"], row["reason"]) == ("sidecar", "rejected", "sidecar-invalid")
    assert expected in str(row["detail"])
    assert row["sha256"] is not None
    assert rows["a.txt"]["status"] == "accepted"
    assert rows["a.txt"]["sidecar_path"] is None
    assert len(rows) == 2


def test_valid_sidecars_apply_in_nested_folders(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "tass").mkdir(parents=True)
    (src / "tass" / "a.txt").write_text(ARTICLE)
    (src / "tass" / "metadata.toml").write_text(
        '[[article]]\nfile = "a.txt"\noutlet = "TASS"\npublished = "2019-09"\n'
    )
    (src / "metadata.toml").write_text('[[article]]\nfile = "tass/a.txt"\noutlet = "Other"\n')
    rows = build(src, tmp_path / "out")
    assert rows["metadata.toml"]["status"] == "accepted"
    assert rows["tass/a.txt"]["sidecar_path"] == "metadata.toml"
    # The second sidecar describes the same file: it is rejected, the first one applies.
    assert rows["tass/metadata.toml"]["reason"] == "sidecar-invalid"
    assert "already described by metadata.toml" in str(rows["tass/metadata.toml"]["detail"])
    article = read_arrow(table_path(tmp_path / "out", "articles")).to_pylist()[0]
    assert article["outlet"] == "Other"


def test_discovery_order_is_by_slash_separated_path(tmp_path: Path) -> None:
    for rel in ("a/x.txt", "a-b/x.txt", "a.txt", "B.txt", "a/b/c.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(ARTICLE)
    paths = [f.path for f in discover(tmp_path).files]
    assert paths == sorted(paths) == ["B.txt", "a-b/x.txt", "a.txt", "a/b/c.txt", "a/x.txt"]


def test_output_inside_input_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    with pytest.raises(InputError, match="must not be inside"):
        build_dataset(tmp_path, tmp_path / "out", converter=fake, jobs=1)
    with pytest.raises(InputError, match="does not exist"):
        build_dataset(tmp_path / "missing", tmp_path.parent / "out-x", converter=fake, jobs=1)


def test_a_folder_that_is_not_a_dataset_is_never_replaced(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE)
    precious = tmp_path / "home"
    precious.mkdir()
    (precious / "thesis.tex").write_text("years of work")
    with pytest.raises(BuildError, match="not a dataset folder"):
        build_dataset(src, precious, converter=fake, jobs=1)
    assert (precious / "thesis.tex").read_text() == "years of work"


def test_a_sidecar_saved_with_a_utf8_bom_applies(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE)
    (src / "metadata.toml").write_bytes(
        b"\xef\xbb\xbf" + b'[[article]]\nfile = "a.txt"\noutlet = "TASS"\n'
    )
    rows = build(src, tmp_path / "out")
    assert rows["metadata.toml"]["status"] == "accepted"
    assert rows["a.txt"]["sidecar_path"] == "metadata.toml"


def test_a_duplicates_own_curated_metadata_is_reported_as_not_applied(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "x").mkdir(parents=True)
    (src / "a.txt").write_text(ARTICLE)
    (src / "x" / "a2.txt").write_text(ARTICLE)
    (src / "metadata.toml").write_text(
        '[[article]]\nfile = "a.txt"\noutlet = "TASS"\n\n'
        '[[article]]\nfile = "x/a2.txt"\noutlet = "RIA"\npublished = 2019-11-02\n'
    )
    rows = build(src, tmp_path / "out")
    dup = rows["x/a2.txt"]
    assert dup["status"] == "duplicate"
    assert "curated outlet, published from metadata.toml were not applied" in str(dup["detail"])
    assert "not applied" not in str(rows["a.txt"]["detail"])
