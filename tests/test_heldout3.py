"""Structural checks of the third, sealed held-out set (tests/data/heldout3).

The set is for measurement only (``python benchmarks/quality.py`` and
``python benchmarks/meta_quality.py``): no figure floors here. These tests keep the set itself
sound: every gold span occurs in its article between quote marks, ids and metadata are well
formed, and each file keeps the encoding and layout it was written to exercise.
"""

from __future__ import annotations

import codecs
import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests/data/heldout3"
QUOTES = SET / "gold/quotes"
TREATIES = SET / "gold/treaties"
META = SET / "gold/meta"
ARTICLES = sorted(SET.glob("*.txt"))
SPEAKERS = {
    s["speaker_id"] for s in json.loads((ROOT / "lavrov_corpus/data/speakers.json").read_bytes())
}
_treaties = json.loads((ROOT / "lavrov_corpus/data/treaties.json").read_bytes())
TREATY_IDS = {
    t["treaty_id"] for t in (_treaties["treaties"] if isinstance(_treaties, dict) else _treaties)
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
OPENING = "\"'“‘«„"
CLOSING = "\"'”’»“"

# Files written to exercise a byte-level or layout case; every other file is BOM-less UTF-8, LF.
SPECIAL = {
    "y04_scmp_wangyi_wrapped": "wrap72",
    "y05_anadolu_ctbt_crlf": "utf-8-crlf",
    "y07_izvestia_riabkov_cp1252": "cp1252",
    "y08_bloomberg_putin_limits_bom": "utf-8-bom",
    "y09_lemonde_open_skies_crlf": "utf-8-crlf",
    "y10_armscontrol_cfe_utf16": "utf-16-le-bom",
}


def _decode(path: Path) -> str:
    """Decode an article the way its expected encoding says, with LF line endings."""
    raw = path.read_bytes()
    kind = SPECIAL.get(path.stem, "utf-8")
    if kind == "utf-16-le-bom":
        text = raw[len(codecs.BOM_UTF16_LE) :].decode("utf-16-le")
    elif kind == "cp1252":
        text = raw.decode("cp1252")
    elif kind == "utf-8-bom":
        text = raw[len(codecs.BOM_UTF8) :].decode("utf-8")
    else:
        text = raw.decode("utf-8")
    return text.replace("\r\n", "\n")


def _paragraphs(text: str) -> str:
    """Paragraphs (blank-line separated) joined by blank lines, each on one space-joined line."""
    paras = re.split(r"\n[ \t]*\n", text)
    return "\n\n".join(re.sub(r"\s+", " ", p).strip() for p in paras)


def test_set_is_complete() -> None:
    assert len(ARTICLES) == 15
    stems = {p.stem for p in ARTICLES}
    for folder in (QUOTES, TREATIES, META):
        assert {p.stem for p in folder.glob("*.json")} == stems
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
        assert b"\x93" in raw and b"\x94" in raw, "expected Windows-1252 curly double quotes"
        return
    raw.decode("utf-8")
    assert raw.startswith(codecs.BOM_UTF8) == (kind == "utf-8-bom")
    if kind == "utf-8-crlf":
        assert raw.count(b"\r\n") == raw.count(b"\n") > 10
    else:
        assert b"\r" not in raw


def test_hard_wrapped_file_kept() -> None:
    blocks = _decode(SET / "y04_scmp_wangyi_wrapped.txt").split("\n\n")
    wrapped = [b for b in blocks if b.count("\n") >= 2]
    assert len(wrapped) >= 5
    assert max(len(line) for b in wrapped for line in b.splitlines()) <= 72


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_gold_quotes_occur_between_marks(path: Path) -> None:
    text = _paragraphs(_decode(path))
    gold = json.loads((QUOTES / f"{path.stem}.json").read_bytes())
    assert gold
    for row in gold:
        assert set(row) == {"text", "speaker_id", "is_partial", "in_headline", "is_scare"}
        assert all(isinstance(row[f], bool) for f in ("is_partial", "in_headline", "is_scare"))
        sid = row["speaker_id"]
        assert sid is None or sid in SPEAKERS or SLUG.match(sid), sid
        if row["is_scare"]:
            assert sid is None and not row["is_partial"]
        assert row["text"] == row["text"].strip() and row["text"]
    for span, need in Counter(r["text"] for r in gold).items():
        hits = 0
        for m in re.finditer(re.escape(span), text):
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end() : m.end() + 1]
            # a paragraph of a multi-paragraph quote, or an unclosed quote, ends at a break
            hits += before in OPENING and (after in CLOSING or after in {"\n", ""})
        assert hits >= need, (path.stem, span)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_gold_treaty_mentions_occur(path: Path) -> None:
    text = _paragraphs(_decode(path))
    gold = json.loads((TREATIES / f"{path.stem}.json").read_bytes())
    assert gold
    for row in gold:
        assert set(row) == {"text", "treaty_id"}
        assert row["treaty_id"] in TREATY_IDS
        assert not row["text"].lower().startswith("the ")
        assert not re.match(r"\d{4}\b", row["text"])
    for (span, _), need in Counter((r["text"], r["treaty_id"]) for r in gold).items():
        found = len(re.findall(r"(?<![\w-])" + re.escape(span) + r"(?![\w-])", text))
        assert found >= need, (path.stem, span)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_gold_meta_well_formed(path: Path) -> None:
    text = _paragraphs(_decode(path))
    meta = json.loads((META / f"{path.stem}.json").read_bytes())
    assert set(meta) == {"title", "published", "outlet"}
    assert meta["title"] and meta["title"] in text
    assert meta["published"] is None or DATE.match(meta["published"])
    if meta["outlet"] is not None:
        assert meta["outlet"].casefold() in text.casefold()


def test_set_covers_its_cases() -> None:
    rows = [r for p in QUOTES.glob("*.json") for r in json.loads(p.read_bytes())]
    assert sum(r["in_headline"] for r in rows) >= 4
    assert sum(r["is_scare"] for r in rows) >= 4
    assert sum(r["is_partial"] for r in rows) >= 20
    assert sum(r["speaker_id"] is None for r in rows) >= 10
    assert sum(r["speaker_id"] not in SPEAKERS and r["speaker_id"] is not None for r in rows) >= 10
    metas = [json.loads(p.read_bytes()) for p in META.glob("*.json")]
    assert any(m["published"] is None for m in metas)
    assert any(m["outlet"] is None for m in metas)
