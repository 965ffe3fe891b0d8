"""Structural checks of the second held-out set (tests/data/heldout2).

The set is for measurement only (``python benchmarks/quality.py``): no figure floors here. These
tests keep the set itself sound: every gold span occurs in its article, ids are well formed, and
each file keeps the encoding and layout it was written to exercise.
"""

from __future__ import annotations

import codecs
import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests/data/heldout2"
QUOTES = SET / "gold/quotes"
TREATIES = SET / "gold/treaties"
ARTICLES = sorted(SET.glob("*.txt"))
SPEAKERS = {
    s["speaker_id"] for s in json.loads((ROOT / "lavrov_corpus/data/speakers.json").read_bytes())
}
_treaties = json.loads((ROOT / "lavrov_corpus/data/treaties.json").read_bytes())
TREATY_IDS = {
    t["treaty_id"] for t in (_treaties["treaties"] if isinstance(_treaties, dict) else _treaties)
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
OPENING = "\"'“‘«„"
CLOSING = "\"'”’»“"

# Files written to exercise a byte-level case; every other file is BOM-less UTF-8 with LF endings.
SPECIAL = {
    "x13_cp1252_npt_revcon": "cp1252",
    "x14_crlf_aa_newstart_offer": "utf-8-crlf",
    "x15_utf16_tehrantimes_jcpoa": "utf-16-le-bom",
}


def _decode(path: Path) -> str:
    """Decode an article the way its expected encoding says."""
    raw = path.read_bytes()
    kind = SPECIAL.get(path.stem, "utf-8")
    if kind == "utf-16-le-bom":
        return raw[len(codecs.BOM_UTF16_LE) :].decode("utf-16-le")
    if kind == "cp1252":
        return raw.decode("cp1252")
    return raw.decode("utf-8")


def _squash(text: str) -> str:
    """Whitespace runs to one space (hard-wrapped lines and CRLF become plain spaces)."""
    return re.sub(r"\s+", " ", text)


def test_set_is_complete() -> None:
    assert len(ARTICLES) == 15
    stems = {p.stem for p in ARTICLES}
    assert {p.stem for p in QUOTES.glob("*.json")} == stems
    assert {p.stem for p in TREATIES.glob("*.json")} == stems
    assert set(SPECIAL) <= stems


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_encoding_and_line_endings_kept(path: Path) -> None:
    raw = path.read_bytes()
    kind = SPECIAL.get(path.stem, "utf-8")
    if kind == "utf-16-le-bom":
        assert raw.startswith(codecs.BOM_UTF16_LE)
        assert len(raw) % 2 == 0
        raw[2:].decode("utf-16-le")
        return
    if kind == "cp1252":
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        assert re.search(rb"[\x91-\x97]", raw), "expected Windows-1252 typographic bytes"
        return
    raw.decode("utf-8")
    assert not raw.startswith(codecs.BOM_UTF8)
    if kind == "utf-8-crlf":
        assert raw.count(b"\r\n") == raw.count(b"\n") > 10
    else:
        assert b"\r" not in raw


def test_layout_cases_kept() -> None:
    single = _decode(SET / "x03_xinhua_npt_wangyi.txt")
    assert "\n\n" not in single.strip("\n") and single.count("\n") > 10
    wrapped = _decode(SET / "x04_japantimes_inf_wrapped.txt").split("\n\n")
    assert max(len(line) for p in wrapped for line in p.splitlines()) <= 72
    assert sum(1 for p in wrapped if p.count("\n") >= 2) >= 5


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_gold_quotes_occur_between_marks(path: Path) -> None:
    text = _squash(_decode(path))
    gold = json.loads((QUOTES / f"{path.stem}.json").read_bytes())
    assert gold
    for row in gold:
        assert set(row) == {"text", "speaker_id", "is_partial", "in_headline", "is_scare"}
        assert all(isinstance(row[f], bool) for f in ("is_partial", "in_headline", "is_scare"))
        sid = row["speaker_id"]
        assert sid is None or sid in SPEAKERS or SLUG.match(sid), sid
        if row["is_scare"]:
            assert sid is None
        assert row["text"] == row["text"].strip() and row["text"]
    for span, need in Counter(r["text"] for r in gold).items():
        hits = 0
        for m in re.finditer(re.escape(span), text):
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end() : m.end() + 2]
            # a paragraph of a multi-paragraph quote ends without a closing mark
            closed = after[:1] in CLOSING or after in {" “", ' "'}
            hits += before in OPENING and closed
        assert hits >= need, (path.stem, span)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_gold_treaty_mentions_occur(path: Path) -> None:
    text = _squash(_decode(path))
    gold = json.loads((TREATIES / f"{path.stem}.json").read_bytes())
    assert gold
    for row in gold:
        assert set(row) == {"text", "treaty_id"}
        assert row["treaty_id"] in TREATY_IDS
        assert not row["text"].lower().startswith("the ")
    for (span, _), need in Counter((r["text"], r["treaty_id"]) for r in gold).items():
        found = len(re.findall(r"(?<![\w-])" + re.escape(span) + r"(?![\w-])", text))
        assert found >= need, (path.stem, span)
