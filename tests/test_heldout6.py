"""Soundness of the sixth sealed held-out set (no converter figures are asserted here)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests/data/heldout6"
ARTICLES = sorted(SET.glob("*.txt"))
QUOTE_KEYS = {"text", "speaker_id", "is_partial", "in_headline", "is_scare"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
CRLF = "w01_france24_inf_bangkok_crlf"
LINES = "w02_nhkworld_ctbt_revoke_lines"
BOM = "w03_abcnews_asean_wong_lavrov_bom"
ANGLE = "w04_meduza_newstart_suspension_angle"
WRAPPED = "w05_cbc_open_skies_exit_wrapped"
CP1252 = "w06_straitstimes_start1_expiry_cp1252"
QA = "w09_dawn_lavrov_interview_qa"


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _logical(path: Path) -> str:
    """Decoded text with CRLF folded and single line breaks (hard wraps) joined by a space."""
    text = _decode(path.read_bytes()).replace("\r\n", "\n")
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text)


def _gold(kind: str, path: Path) -> object:
    return json.loads((SET / "gold" / kind / f"{path.stem}.json").read_text("utf-8"))


def test_set_has_ten_articles_each_with_three_gold_files() -> None:
    assert len(ARTICLES) == 10
    for kind in ("quotes", "treaties", "meta"):
        stems = {p.stem for p in (SET / "gold" / kind).glob("*.json")}
        assert stems == {p.stem for p in ARTICLES}, kind


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_gold_quotes_are_well_formed_and_occur(path: Path) -> None:
    gold = _gold("quotes", path)
    assert isinstance(gold, list) and gold
    text = _logical(path)
    for row in gold:
        assert set(row) == QUOTE_KEYS
        assert row["speaker_id"] is None or SLUG.match(row["speaker_id"])
        assert not (row["is_scare"] and (row["is_partial"] or row["speaker_id"]))
        assert all(isinstance(row[flag], bool) for flag in QUOTE_KEYS - {"text", "speaker_id"})
    for quoted, n in Counter(row["text"] for row in gold).items():
        assert text.count(quoted) >= n, quoted


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_gold_treaties_name_listed_treaties_and_occur(path: Path) -> None:
    listed = json.loads((ROOT / "lavrov_corpus/data/treaties.json").read_text("utf-8"))
    ids = {t["treaty_id"] for t in listed["treaties"]}
    gold = _gold("treaties", path)
    assert isinstance(gold, list) and gold
    text = _logical(path)
    for row in gold:
        assert set(row) == {"text", "treaty_id"} and row["treaty_id"] in ids
    for surface, n in Counter(row["text"] for row in gold).items():
        assert text.count(surface) >= n, surface


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_gold_meta_title_is_printed_and_date_is_iso(path: Path) -> None:
    meta = _gold("meta", path)
    assert isinstance(meta, dict) and set(meta) == {"title", "published", "outlet"}
    assert meta["title"] in _logical(path)
    assert meta["published"] is None or DATE.match(meta["published"])
    assert meta["outlet"]


def test_byte_and_layout_cases_are_kept() -> None:
    by_stem = {p.stem: p.read_bytes() for p in ARTICLES}
    cp1252 = by_stem[CP1252]
    with pytest.raises(UnicodeDecodeError):
        cp1252.decode("utf-8")
    for byte in (b"\x93", b"\x94", b"\x91", b"\x92", b"\x85", b"\x96"):
        assert byte in cp1252, byte
    crlf = by_stem[CRLF]
    assert crlf.count(b"\r\n") == crlf.count(b"\n") > 20
    assert by_stem[BOM].startswith(b"\xef\xbb\xbf")
    assert sum(data.startswith(b"\xef\xbb\xbf") for data in by_stem.values()) == 1
    lines = by_stem[WRAPPED].decode("utf-8").splitlines()
    body = lines[lines.index("Social Sharing") + 1 : lines.index("Related Stories")]
    assert max(len(line) for line in body) <= 72
    assert sum(1 for line in body if len(line) > 60) >= 30
    per_line = by_stem[LINES].decode("utf-8")
    assert "\n\n" not in per_line and per_line.count("\n") > 20
    assert "«" in by_stem[ANGLE].decode("utf-8") and "„" in by_stem[ANGLE].decode("utf-8")
    assert by_stem[QA].decode("utf-8").count("\nSergey Lavrov: ") == 5
    for stem, data in by_stem.items():
        if stem != CP1252:
            data.decode("utf-8")
        if stem != CRLF:
            assert b"\r" not in data, stem
