"""A dirty input folder through the real converter and the real CLI: every file accounted for.

One folder holds every kind of bad input of issue 8 next to good articles in legacy encodings. It
is built once per module with ``python -m lavrov_corpus build`` in a subprocess (the path users
take), then each input kind is checked against its provenance row, and the whole build against
the invariants: one provenance row per input file, an article for every accepted input, a dataset
that validates against its sources, no traceback.

Kinds already covered with the fake converter in ``test_build_inputs.py`` (too-large, ``.DS_Store``
and other types, symlinks, sidecar errors) are in the folder too, so the invariants are checked
with them present, but their detailed behaviour is tested there.
"""

from __future__ import annotations

import codecs
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from lavrov_corpus.build.discover import MAX_FILE_BYTES
from lavrov_corpus.extract.decode import MAX_LINE_CHARS, decode_span
from lavrov_corpus.layout import table_path
from lavrov_corpus.parquet_io import read_arrow
from lavrov_corpus.paths import display_path
from lavrov_corpus.validate import validate_dataset

ROOT = Path(__file__).resolve().parent.parent

EN = (
    "Lavrov warns Washington over the {topic}\n"
    "\n"
    "Russian Foreign Minister Sergey Lavrov said on Tuesday that the {topic} was in danger.\n"
    "\n"
    "“We will respond to any deployment of {thing} in Europe,” Lavrov told reporters.\n"
    "\n"
    "He added that Russia remained open to talks on strategic stability.\n"
)
FR = (
    "Lavrov à Genève : « café » et déjà-vu\n"
    "\n"
    "Le ministre russe des Affaires étrangères Sergueï Lavrov est arrivé à Genève mercredi.\n"
    "\n"
    "« Nous répondrons à tout déploiement de missiles en Europe », a déclaré Lavrov.\n"
)
RU = (
    "Лавров предупредил США\n"
    "\n"
    "«Мы ответим на любое развёртывание ракет в Европе», — заявил министр иностранных дел "
    "России Сергей Лавров журналистам в Москве.\n"
    "\n"
    "Он добавил, что Россия открыта для переговоров о стратегической стабильности.\n"
)

WRAPPED = (
    "Lavrov says the West is to blame\n"
    "\n"
    "Russian Foreign Minister Sergey Lavrov said on Tuesday\n"
    "that the treaty was in danger and that Moscow would\n"
    "respond to any deployment of missiles in Europe.\n"
)


def en(n: int) -> str:
    """A distinct small English article (distinct, so that no two are duplicates)."""
    topics = [
        "INF Treaty",
        "New START treaty",
        "Open Skies Treaty",
        "ABM Treaty",
        "CTBT",
        "Iran nuclear deal",
        "Chemical Weapons Convention",
        "NPT review",
        "arms race",
    ]
    things = [
        "missiles",
        "bombers",
        "radars",
        "drones",
        "warheads",
        "launchers",
        "troops",
        "ships",
        "submarines",
    ]
    return EN.format(topic=topics[n % len(topics)], thing=things[n // len(topics) % len(things)])


@dataclass(frozen=True)
class Expect:
    """What the provenance row of one input must say."""

    status: str
    reason: str | None = None
    encoding: str | None = None  #: for accepted articles: the detected encoding
    contains: str | None = None  #: for accepted articles: a string of the decoded text


INPUTS: dict[str, tuple[bytes, Expect]] = {
    # content problems
    "empty.txt": (b"", Expect("rejected", "empty")),
    "whitespace.txt": (b" \t\r\n\n   \r\n\xc2\xa0\n", Expect("rejected", "whitespace-only")),
    "junk-random.txt": (
        bytes(b for b in random.Random(8).randbytes(4000) if b),  # no NUL: not caught by that
        Expect("rejected", "undecodable"),
    ),
    "junk-nul.txt": (random.Random(9).randbytes(4000) + b"\x00", Expect("rejected", "binary")),
    "nul-in-article.txt": (
        en(1).encode().replace(b"said", b"sa\x00id"),
        Expect("rejected", "binary"),
    ),
    "controls.txt": (
        b"".join(bytes([c]) + b"ab" for c in range(1, 9)) * 20,
        Expect("rejected", "binary"),
    ),
    "invalid-everywhere.txt": (
        # Bytes undefined in cp1252 (0x81 0x8d 0x8f 0x90 0x9d) and cp1251 (0x98), in a file that
        # is not UTF-8: no candidate encoding gives text.
        b"\x81\x8d\x8f\x90\x9d\x98" * 200,
        Expect("rejected", "undecodable"),
    ),
    "utf8-bom-but-invalid.txt": (
        codecs.BOM_UTF8 + en(2).encode() + b"\xff\xfe",
        Expect("rejected", "undecodable"),
    ),
    "long-line.txt": (
        b"Headline\n\n" + b"word " * (MAX_LINE_CHARS // 5 + 1) + b"\n",
        Expect("rejected", "line-too-long"),
    ),
    "boilerplate.txt": (
        b"Skip to content\n\nAll news\n\nAdvertisement\n\nShare this article\n",
        Expect("rejected", "no-article-text"),
    ),
    "headline-only.txt": (
        b"Lavrov meets Blinken in Geneva\n",
        Expect("rejected", "no-article-text"),
    ),
    # legacy and unexpected encodings: good articles
    "enc/cp1252.txt": (
        en(3).replace("Tuesday", "Tuesday at the café").encode("cp1252"),
        Expect("accepted", encoding="cp1252", contains="“We will respond"),
    ),
    "enc/latin1.txt": (
        # no “” in Latin-1; without bytes 0x80-0x9f Latin-1 and cp1252 decode identically, so
        # either name is right: what matters is the text.
        FR.encode("latin-1"),
        Expect("accepted", contains="« Nous répondrons à tout déploiement"),
    ),
    "enc/cp1251.txt": (
        RU.encode("cp1251"),
        Expect("accepted", encoding="cp1251", contains="«Мы ответим на любое развёртывание"),
    ),
    "enc/utf16-le-bom.txt": (
        codecs.BOM_UTF16_LE + en(4).encode("utf-16-le"),
        Expect("accepted", encoding="utf-16-le", contains="“We will respond"),
    ),
    "enc/utf16-be-bom.txt": (
        codecs.BOM_UTF16_BE + RU.replace("США", "Америке").encode("utf-16-be"),
        Expect("accepted", encoding="utf-16-be", contains="Сергей Лавров"),
    ),
    "enc/utf8-bom.txt": (
        codecs.BOM_UTF8 + en(5).encode(),
        Expect("accepted", encoding="utf-8", contains="Lavrov warns"),
    ),
    "enc/crlf.txt": (
        en(6).replace("\n", "\r\n").encode(),
        Expect("accepted", encoding="utf-8", contains="“We will respond"),
    ),
    "enc/cr-only.txt": (
        en(7).replace("\n", "\r").encode(),
        Expect("accepted", encoding="utf-8", contains="“We will respond"),
    ),
    # layout problems that still give an article
    "no-headline.txt": (
        (
            "MOSCOW, March 3. /TASS/. Russian Foreign Minister Sergey Lavrov said the treaty "
            "was dead.\n\n“We will respond,” Lavrov told reporters.\n"
        ).encode(),
        Expect("accepted", contains="MOSCOW, March 3."),
    ),
    "stray-quotes.txt": (
        (
            "Lavrov on the “treaty\n\n"
            'Lavrov said “the treaty is dead and left. A lone » here, a " there and ‘ too.\n\n'
            "He said ” what « nested “inner” and ‘single’ » end.\n\n"
            "“Unclosed at the end of the file, Lavrov said.\n"
        ).encode(),
        Expect("accepted", contains="A lone » here"),
    ),
    # the same article, found again: byte-identical, and identical after normalization
    "dup/a-original.txt": (en(10).encode(), Expect("accepted")),
    "dup/b-same-bytes.txt": (en(10).encode(), Expect("duplicate", "duplicate-bytes")),
    "dup/c-crlf.txt": (
        en(10).replace("\n", "\r\n").encode(),
        Expect("duplicate", "duplicate-text"),
    ),
    "dup/d-bom.txt": (codecs.BOM_UTF8 + en(10).encode(), Expect("duplicate", "duplicate-text")),
    "dup/e-utf16.txt": (
        codecs.BOM_UTF16_LE + en(10).encode("utf-16-le"),
        Expect("duplicate", "duplicate-text"),
    ),
    "dup/f-trailing-space.txt": (
        en(10).replace("\n", "  \n").encode(),
        Expect("duplicate", "duplicate-text"),
    ),
    # a hard-wrapped article and its CRLF copy: the wrapped lines join the same way
    "wrap/a-lf.txt": (WRAPPED.encode(), Expect("accepted", contains="that the treaty was")),
    "wrap/b-crlf.txt": (
        WRAPPED.replace("\n", "\r\n").encode(),
        Expect("duplicate", "duplicate-text"),
    ),
    # files that are not articles, and nested folders
    ".DS_Store": (b"\x00\x00\x00\x01Bud1" + bytes(64), Expect("rejected", "unsupported-type")),
    "img/photo.png": (b"\x89PNG\r\n\x1a\n" + bytes(100), Expect("rejected", "unsupported-type")),
    "img/photo.txt": (b"\x89PNG\r\n\x1a\n" + bytes(100), Expect("rejected", "binary")),
    "page.html": (
        f"<html><body>{en(11)}</body></html>".encode(),
        Expect("rejected", "unsupported-type"),
    ),
    "nested/deeper/still/deeper.txt": (en(12).encode(), Expect("accepted")),
    "README": (b"no extension at all\n", Expect("rejected", "unsupported-type")),
}

OUTSIDE_SECRET = "OUTSIDE-SECRET-3f9a"


def _root_reads_anything() -> bool:
    return os.geteuid() == 0


def make_dirty(base: Path) -> tuple[Path, dict[str, Expect]]:
    """Write the dirty folder under ``base``; return it and the expected row of every file."""
    src = base / "in"
    expect: dict[str, Expect] = {}
    for rel, (data, exp) in INPUTS.items():
        path = src / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expect[rel] = exp
    # A file over the size limit, sparse so it costs no disk.
    with (src / "huge.txt").open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    expect["huge.txt"] = Expect("rejected", "too-large")
    # Symbolic links: inside the folder (read like its target), outside (never followed).
    outside = base / "outside.txt"
    outside.write_text(en(20).replace("danger", OUTSIDE_SECRET))
    (src / "links").mkdir()
    (src / "links" / "outside.txt").symlink_to(outside)
    expect["links/outside.txt"] = Expect("rejected", "symlink-outside-input")
    (src / "links" / "inside.txt").symlink_to(src / "nested" / "deeper" / "still" / "deeper.txt")
    expect["links/inside.txt"] = Expect("accepted")  # 'links/' sorts before 'nested/'
    expect["nested/deeper/still/deeper.txt"] = Expect("duplicate", "duplicate-bytes")
    (src / "links" / "etc").symlink_to("/etc")
    expect["links/etc"] = Expect("rejected", "symlink-outside-input")
    # A file without read permission. Root (or CAP_DAC_OVERRIDE) reads it anyway: find out by
    # trying, and expect what really happens.
    locked = src / "locked.txt"
    locked.write_text(en(21))
    locked.chmod(0)
    try:
        locked.open("rb").close()
        readable = True
    except PermissionError:
        readable = False
    expect["locked.txt"] = Expect("accepted") if readable else Expect("rejected", "unreadable")
    # Sidecars, each in its own folder with one article; the article builds either way.
    sidecars = {
        "malformed": '[[article]\nfile = "a.txt"\n',
        "unknown-key": '[[article]]\nfile = "a.txt"\nauthor = "x"\n',
        "bad-date": '[[article]]\nfile = "a.txt"\npublished = "2019-02-30"\n',
        "missing-file": '[[article]]\nfile = "nope.txt"\n',
        "outside-path": '[[article]]\nfile = "../../outside.txt"\n',
        "good": '[[article]]\nfile = "a.txt"\noutlet = "Curated Outlet"\npublished = "2019-09"\n',
    }
    for n, (name, toml) in enumerate(sorted(sidecars.items())):
        folder = src / "sidecar" / name
        folder.mkdir(parents=True)
        (folder / "a.txt").write_text(en(30 + n))
        (folder / "metadata.toml").write_text(toml)
        ok = name == "good"
        expect[f"sidecar/{name}/metadata.toml"] = (
            Expect("accepted") if ok else Expect("rejected", "sidecar-invalid")
        )
        expect[f"sidecar/{name}/a.txt"] = Expect("accepted")
    return src, expect


def count_files(root: Path) -> int:
    """Every non-folder entry under ``root`` (links included, not followed)."""
    n = 0
    for _dirpath, dirnames, filenames in os.walk(root):
        n += len(filenames) + sum(1 for d in dirnames if (Path(_dirpath) / d).is_symlink())
    return n


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m lavrov_corpus ARGS`` in a subprocess, from a neutral folder."""
    return subprocess.run(
        [sys.executable, "-m", "lavrov_corpus", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@dataclass
class Built:
    src: Path
    out: Path
    expect: dict[str, Expect]
    proc: subprocess.CompletedProcess[str]
    rows: dict[str, dict[str, object]]
    articles: dict[str, dict[str, object]]  #: by article_id


@pytest.fixture(scope="module")
def dirty(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("dirty")
    src, expect = make_dirty(base)
    out = base / "out"
    proc = run_cli("build", str(src), "--out", str(out), "--no-cache", "--jobs", "1")
    rows = {r["path"]: r for r in read_arrow(table_path(out, "provenance")).to_pylist()}
    articles = {a["article_id"]: a for a in read_arrow(table_path(out, "articles")).to_pylist()}
    return Built(src, out, expect, proc, rows, articles)


def test_build_exits_zero_without_traceback_and_prints_rejections(dirty: Built) -> None:
    assert dirty.proc.returncode == 0, dirty.proc.stderr
    assert "Traceback" not in dirty.proc.stdout + dirty.proc.stderr
    shown = dirty.proc.stdout
    for rel, exp in dirty.expect.items():
        if exp.status != "accepted":
            assert f"  {rel}: {exp.status} {exp.reason}" in shown, rel


def test_one_provenance_row_per_input_file(dirty: Built) -> None:
    assert len(dirty.rows) == count_files(dirty.src) == len(dirty.expect)
    assert set(dirty.rows) == set(dirty.expect)


@pytest.mark.parametrize(
    "rel",
    sorted(
        [*INPUTS, "huge.txt", "links/outside.txt", "links/etc", "links/inside.txt", "locked.txt"]
    ),
)
def test_each_input_kind_gets_its_status_and_reason(dirty: Built, rel: str) -> None:
    row, exp = dirty.rows[rel], dirty.expect[rel]
    assert (row["status"], row["reason"]) == (exp.status, exp.reason), row["detail"]
    if exp.status == "rejected":
        assert row["detail"], "a rejection says why"
        assert row["article_id"] is None
        return
    article = dirty.articles[str(row["article_id"])]
    if exp.status == "duplicate":
        # The kept article is another file's; it is in the articles table.
        assert article["source_path"] != rel
        kept = dirty.rows[str(article["source_path"])]
        assert kept["status"] == "accepted"
        assert str(article["source_path"]) in str(row["detail"])
        return
    assert article["source_path"] == rel
    text = str(article["text"])
    assert "\r" not in text and "\ufeff" not in text and "\x00" not in text
    if exp.encoding is not None:
        assert row["encoding"] == exp.encoding == article["source_encoding"]
    if exp.contains is not None:
        assert exp.contains in text


def test_source_map_of_every_article_decodes_back_to_its_text(dirty: Built) -> None:
    for article in dirty.articles.values():
        data = (dirty.src / str(article["source_path"])).read_bytes()
        text, enc = str(article["text"]), str(article["source_encoding"])
        for seg in article["source_map"]:  # type: ignore[attr-defined]
            raw = data[seg["byte_start"] : seg["byte_end"]]
            assert decode_span(raw, enc) == text[seg["text_start"] : seg["text_end"]]


def test_no_headline_gives_an_article_without_title(dirty: Built) -> None:
    article = dirty.articles[str(dirty.rows["no-headline.txt"]["article_id"])]
    assert article["title"] is None and article["title_start"] is None
    assert str(article["text"]).startswith("MOSCOW, March 3.")


def test_stray_quote_marks_give_valid_quote_spans(dirty: Built) -> None:
    aid = dirty.rows["stray-quotes.txt"]["article_id"]
    article = dirty.articles[str(aid)]
    quotes = [
        q for q in read_arrow(table_path(dirty.out, "quotes")).to_pylist() if q["article_id"] == aid
    ]
    for q in quotes:
        assert str(article["text"])[q["start"] : q["end"]] == q["text"]
    # Documented rules: marks of another family stay inside an open quotation; a quotation
    # left open ends with its paragraph and is flagged unclosed.
    closed = [q["text"] for q in quotes if q["is_closed"]]
    assert closed == ["nested “inner” and ‘single’"]
    unclosed = [q["text"] for q in quotes if not q["is_closed"]]
    assert "Unclosed at the end of the file, Lavrov said." in unclosed


def test_sidecars_rejected_as_a_whole_and_good_one_applied(dirty: Built) -> None:
    detail = {
        name: str(dirty.rows[f"sidecar/{name}/metadata.toml"]["detail"])
        for name in ("malformed", "unknown-key", "bad-date", "missing-file", "outside-path")
    }
    assert "TOML syntax error" in detail["malformed"]
    assert "author: unknown key" in detail["unknown-key"]
    assert "published" in detail["bad-date"]
    assert "nope.txt" in detail["missing-file"]
    assert "file" in detail["outside-path"]
    for name in detail:
        row = dirty.rows[f"sidecar/{name}/a.txt"]
        assert row["sidecar_path"] is None
        assert dirty.articles[str(row["article_id"])]["origins"]["outlet"] != "curated"
    good = dirty.rows["sidecar/good/a.txt"]
    assert good["sidecar_path"] == "sidecar/good/metadata.toml"
    article = dirty.articles[str(good["article_id"])]
    assert article["outlet"] == "Curated Outlet"
    assert (article["published_precision"], str(article["published"])) == ("month", "2019-09-01")


def test_nothing_from_outside_the_input_folder_is_read(dirty: Built) -> None:
    assert dirty.rows["links/outside.txt"]["sha256"] is None
    assert dirty.rows["links/etc"]["sha256"] is None
    for article in dirty.articles.values():
        assert OUTSIDE_SECRET not in str(article["text"])
        assert not str(article["source_path"]).startswith(("/", ".."))


def test_every_accepted_input_has_its_article(dirty: Built) -> None:
    accepted = {
        p: r for p, r in dirty.rows.items() if r["status"] == "accepted" and r["role"] == "article"
    }
    assert {str(a["source_path"]) for a in dirty.articles.values()} == set(accepted)
    assert {str(r["article_id"]) for r in accepted.values()} == set(dirty.articles)
    for path, row in dirty.rows.items():
        if row["status"] == "duplicate":
            assert row["article_id"] in dirty.articles, path


def test_output_validates_against_its_sources(dirty: Built) -> None:
    report = validate_dataset(dirty.out, sources=dirty.src)
    assert report.valid, report.render_text()
    proc = run_cli("validate", str(dirty.out))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_strict_exits_1_after_writing_the_output(dirty: Built, tmp_path: Path) -> None:
    out = tmp_path / "strict-out"
    proc = run_cli(
        "build", str(dirty.src), "--out", str(out), "--no-cache", "--jobs", "1", "--strict"
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "rejected (--strict)" in proc.stderr
    assert "empty.txt: rejected empty" in proc.stdout
    # The report was written first, and it is the same dataset as without --strict.
    assert validate_dataset(out, sources=dirty.src).valid
    for table in ("articles", "quotes", "provenance"):
        assert read_arrow(table_path(out, table)).equals(read_arrow(table_path(dirty.out, table)))


def test_strict_exits_0_when_nothing_is_rejected(tmp_path: Path) -> None:
    src = tmp_path / "clean"
    src.mkdir()
    for n in range(3):
        (src / f"{n}.txt").write_text(en(n))
    # A duplicate is not a rejection: --strict accepts it.
    (src / "3.txt").write_text(en(0).replace("\n", "\r\n"))
    proc = run_cli("build", str(src), "--out", str(tmp_path / "out"), "--no-cache", "--strict")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "3.txt: duplicate duplicate-text" in proc.stdout


def test_odd_file_names_are_accounted_for(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    names = [
        "new\nline.txt",
        " leading space.txt",
        "Лавров — «цитата».txt",
        "#hash & $dollar.txt",
        "tab\tname.txt",
        "ends with dot..txt",
    ]
    for n, name in enumerate(names):
        (src / name).write_text(en(n))
    proc = run_cli("build", str(src), "--out", str(tmp_path / "out"), "--no-cache", "-j", "1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = read_arrow(table_path(tmp_path / "out", "provenance")).to_pylist()
    assert sorted(r["path"] for r in rows) == sorted(names)
    assert all(r["status"] == "accepted" for r in rows)
    assert validate_dataset(tmp_path / "out", sources=src).valid


def test_a_file_name_that_is_not_utf8_is_accounted_for(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(en(1))
    Path(os.fsdecode(os.fsencode(src) + b"/bad-\xff-name.txt")).write_bytes(en(2).encode())
    proc = run_cli("build", str(src), "--out", str(tmp_path / "out"), "--no-cache", "-j", "1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = read_arrow(table_path(tmp_path / "out", "provenance")).to_pylist()
    assert len(rows) == 2
    assert "bad-\\xff-name.txt" in {r["path"] for r in rows}


def test_a_real_backslash_name_and_an_escaped_name_do_not_collide(tmp_path: Path) -> None:
    """'bad-\\xff-name.txt' (a literal backslash) and a name with the byte 0xff are two inputs."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "bad-\\xff-name.txt").write_text(en(1))
    Path(os.fsdecode(os.fsencode(src) + b"/bad-\xff-name.txt")).write_bytes(en(2).encode())
    proc = run_cli("build", str(src), "--out", str(tmp_path / "out"), "--no-cache", "-j", "1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = read_arrow(table_path(tmp_path / "out", "provenance")).to_pylist()
    assert sorted(r["path"] for r in rows) == ["bad-\\\\xff-name.txt", "bad-\\xff-name.txt"]
    assert all(r["status"] == "accepted" for r in rows)
    assert validate_dataset(tmp_path / "out", sources=src).valid


def test_display_paths_of_different_names_differ() -> None:
    names = ["a\\xff.txt", os.fsdecode(b"a\xff.txt"), "a\\\\xff.txt", "a\\.txt", "ü/x.txt"]
    assert len({display_path(n) for n in names}) == len(names)
    assert display_path("ü/plain name.txt") == "ü/plain name.txt"


def test_the_build_summary_keeps_one_line_per_rejected_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(en(1))
    (src / "evil\nname.txt").write_bytes(b"")
    (src / "esc\x1b[31mred.md").write_bytes(b"x")
    proc = run_cli("build", str(src), "--out", str(tmp_path / "out"), "--no-cache", "-j", "1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    shown = [line for line in proc.stdout.splitlines() if line.startswith("  ")]
    assert shown == [
        "  esc\\x1b[31mred.md: rejected unsupported-type: .md files are not read: "
        "articles are .txt files",
        "  evil\\nname.txt: rejected empty: The file is empty (0 bytes).",
    ]
