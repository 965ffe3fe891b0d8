"""Soundness of the fifth sealed held-out set (no converter figures are asserted here)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests/data/heldout5"
ARTICLES = sorted(SET.glob("*.txt"))
QUOTE_KEYS = {"text", "speaker_id", "is_partial", "in_headline", "is_scare"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
CP1252 = "h03_thenational_resolution2231_cp1252"
CRLF = "h02_euractiv_cfe_freeze_crlf"
WRAPPED = "h04_hurriyet_antalya_talks_wrapped"


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


def test_set_has_eight_articles_each_with_three_gold_files() -> None:
    assert len(ARTICLES) == 8
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


def test_byte_cases_are_kept() -> None:
    by_stem = {p.stem: p.read_bytes() for p in ARTICLES}
    cp1252 = by_stem[CP1252]
    with pytest.raises(UnicodeDecodeError):
        cp1252.decode("utf-8")
    for byte in (b"\x93", b"\x94", b"\x91", b"\x92", b"\x85", b"\x96"):
        assert byte in cp1252, byte
    crlf = by_stem[CRLF]
    assert crlf.count(b"\r\n") == crlf.count(b"\n") > 20
    lines = by_stem[WRAPPED].decode("utf-8").splitlines()
    body = lines[lines.index("Published March 10 2022 16:05:00") + 1 :]
    assert max(len(line) for line in body[:20]) <= 72
    assert sum(1 for line in body[:20] if len(line) > 60) >= 8
    assert "«" in by_stem["h05_gazeta_inf_moratorium_angle"].decode("utf-8")
    for stem, data in by_stem.items():
        if stem != CP1252:
            data.decode("utf-8")
        if stem != CRLF:
            assert b"\r" not in data, stem
