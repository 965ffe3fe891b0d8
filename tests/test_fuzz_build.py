"""Fuzzing the converter and the build with article-like inputs (hypothesis).

``test_extract_properties.py`` feeds plain random bytes, word soups and random text. This module
adds what those do not: structured articles (headline, dateline, paragraphs, hard wraps, site
furniture) whose quotations use random quote marks, nested quotes of another family and stray
marks, written with random line endings (LF, CRLF, CR, mixed) in random encodings (UTF-8 with
and without BOM, UTF-16 LE/BE with BOM, cp1252, cp1251); near-valid files (an article with random
byte edits); metamorphic checks (the same article with other line endings or in another Unicode
encoding gives the same text, which duplicate detection relies on); and whole builds of random
folders, where every file must get exactly one provenance row.

:func:`random_article`, :func:`render`, :func:`mutate` and :func:`check_conversion` take a plain
``random.Random`` and are reused by ``benchmarks/fuzz_campaign.py`` for long campaigns.
"""

from __future__ import annotations

import codecs
import hashlib
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lavrov_corpus.build import build_dataset
from lavrov_corpus.extract import Conversion, Rejection, convert_bytes
from lavrov_corpus.extract.decode import decode_span
from lavrov_corpus.layout import table_path
from lavrov_corpus.models import Article, Quote, RejectReason
from lavrov_corpus.parquet_io import read_arrow

QUOTE_PAIRS = [
    ("“", "”"),
    ("«", "»"),
    ('"', '"'),
    ("‘", "’"),
    ("'", "'"),
    ("„", "“"),
    ("‹", "›"),
    ("„", "”"),
    ("”", "”"),
    ("»", "«"),
]
STRAY = ["“", "”", "«", "»", '"', "'", "‘", "’", "„", "‹", "›"]
WORDS = [
    "the",
    "treaty",
    "Russia",
    "Washington",
    "will",
    "respond",
    "missiles",
    "Europe",
    "strategic",
    "stability",
    "talks",
    "is",
    "not",
    "ready",
    "to",
    "extend",
    "New",
    "START",
    "INF",
    "Treaty",
    "Open",
    "Skies",
    "CTBT",
    "arms",
    "control",
    "nuclear",
    "NATO",
    "Moscow",
    "Geneva",
    "Russia’s",
    "don't",
    "isn't",
    "U.S.",
    "2019",
    "2021",
    "№",
    "5",
    "café",
    "naïve",
    "résumé",
    "Москва",
    "договор",
    "ракеты",
    "стабильность",
    "Лавров",
    "сказал",
    "Ситуация",
]
SPECIAL = [
    "\u00a0",
    "\t",
    "\u200b",
    "e\u0301",
    "🙂",
    "—",
    "–",
    "-",
    "…",
    "(",
    ")",
    "\u2028",
    "\x85",
    "\x0c",
    "\ufeff",
    "\u202f",
]
SPEAKERS = [
    "Lavrov",
    "Sergey Lavrov",
    "Russian Foreign Minister Sergey Lavrov",
    "he",
    "she",
    "the minister",
    "Ryabkov",
    "Maria Zakharova",
    "Antony Blinken",
    "the diplomat",
    "Лавров",
    "le ministre",
]
CUES = ["said", "told reporters", "noted", "stressed", "added", "warned", "заявил", "a déclaré"]
FURNITURE = [
    "Advertisement",
    "Skip to content",
    "© Photo/TASS",
    "Read more:",
    "![]() |",
    "Share this article",
    "Tags: Russia, USA",
    "All news",
    "Photo: TASS",
]
DATELINES = [
    "MOSCOW, March 3. /TASS/.",
    "MOSCOW, Russia –",
    "(Baonghean.vn) -",
    "GENEVA (Reuters) -",
    "WASHINGTON —",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16-le-bom", "utf-16-be-bom", "cp1252", "cp1251"]
EOLS = ["\n", "\r\n", "\r", "mixed"]


def _words(rng: random.Random, lo: int, hi: int) -> str:
    out = []
    for _ in range(rng.randint(lo, hi)):
        r = rng.random()
        out.append(
            rng.choice(SPECIAL)
            if r < 0.04
            else rng.choice(STRAY)
            if r < 0.06
            else rng.choice(WORDS)
        )
    return " ".join(out)


def _quote(rng: random.Random, depth: int = 0) -> str:
    open_, close = rng.choice(QUOTE_PAIRS)
    inner = _words(rng, 1, 12)
    if depth < 2 and rng.random() < 0.3:  # a nested quotation, often of another family
        inner += " " + _quote(rng, depth + 1) + " " + _words(rng, 0, 4)
    end = close if rng.random() < 0.85 else rng.choice(["", rng.choice(STRAY)])
    punct = rng.choice(["", ",", ".", "?", "!"])
    return f"{open_}{inner}{punct}{end}"


def _sentence(rng: random.Random) -> str:
    r = rng.random()
    who, cue = rng.choice(SPEAKERS), rng.choice(CUES)
    if r < 0.3:
        return f"{_quote(rng)} {who} {cue}."
    if r < 0.5:
        return f"{who} {cue}: {_quote(rng)}"
    if r < 0.6:
        return f"{_quote(rng)} - {who} {cue} {_words(rng, 0, 5)}."
    return _words(rng, 3, 25).capitalize() + rng.choice([".", "", "?", ";"])


def random_article(rng: random.Random) -> str:
    """An article-like text with '\\n' line ends (headline, paragraphs, quotes, furniture)."""
    lines: list[str] = []
    if rng.random() < 0.8:
        lines += [rng.choice(SPEAKERS) + ": " + _words(rng, 1, 10), ""]
    if rng.random() < 0.2:
        lines += [rng.choice(FURNITURE), ""]
    for n in range(rng.randint(0, 7)):
        para = " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
        if n == 0 and rng.random() < 0.3:
            para = rng.choice(DATELINES) + " " + para
        if rng.random() < 0.25:  # hard-wrapped
            width = rng.randint(30, 80)
            wrapped, cur = [], ""
            for w in para.split(" "):
                if cur and len(cur) + 1 + len(w) > width:
                    wrapped.append(cur)
                    cur = w
                else:
                    cur = f"{cur} {w}" if cur else w
            lines += [*wrapped, cur]
        else:
            lines.append(para)
        if rng.random() < 0.15:
            lines += ["", rng.choice(FURNITURE)]
        lines += [""] * rng.choice([1, 1, 1, 2, 3]) if rng.random() < 0.9 else []
    if rng.random() < 0.2:
        lines.insert(0, rng.choice(["", "   ", "\t"]))
    text = "\n".join(lines) + rng.choice(["", "\n", "\n\n", "  \n"])
    return text.lstrip("\ufeff")  # a leading U+FEFF, encoded in UTF-8, *is* a BOM


def render(text: str, eol: str, encoding: str, rng: random.Random | None = None) -> bytes:
    """``text`` with its '\\n' replaced by ``eol`` ('mixed': a random one per line), encoded."""
    if eol == "mixed":
        rng = rng or random.Random(0)
        lines, parts, prev = text.split("\n"), [], ""
        for i, line in enumerate(lines):
            parts.append(line)
            if i < len(lines) - 1:
                # CR, an empty line, then LF would read as one CRLF break: avoid that pair.
                prev = rng.choice(
                    ["\r\n", "\r"] if prev == "\r" and not line else ["\n", "\r\n", "\r"]
                )
                parts.append(prev)
        text = "".join(parts)
    else:
        text = text.replace("\n", eol)
    if encoding.endswith("-bom"):
        codec = encoding[: -len("-bom")]
        bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
        return bom + text.encode(codec, errors="surrogatepass")
    return text.encode(encoding, errors="replace")


def mutate(data: bytes, rng: random.Random) -> bytes:
    """``data`` with a few random byte edits (flip, insert, delete, duplicate a slice)."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        pos = rng.randint(0, len(buf))
        op = rng.random()
        if op < 0.35 and pos < len(buf):
            buf[pos] = rng.randrange(256)
        elif op < 0.6:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        elif op < 0.8:
            del buf[pos : pos + rng.randint(1, 8)]
        else:
            end = min(len(buf), pos + rng.randint(1, 64))
            buf[pos:pos] = buf[pos:end]
    return bytes(buf)


def _squash(text: str) -> str:
    return " ".join(text.split())


def check_conversion(data: bytes, conv: Conversion | Rejection) -> None:
    """Every invariant of a conversion of ``data``: ids, spans, source map, quote bytes."""
    if isinstance(conv, Rejection):
        assert isinstance(conv.reason, RejectReason)
        assert conv.reason is not RejectReason.CONVERTER_ERROR, conv.detail
        assert conv.detail
        return
    a, enc = conv.article, conv.encoding
    Article.model_validate(a.model_dump())
    sha = hashlib.sha256(data).hexdigest()
    assert (a.article_id, a.source_sha256, a.source_encoding) == ("a" + sha[:16], sha, enc)
    text = a.text
    assert conv.text_sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert text and text == text.strip()
    # The source map: ordered, disjoint, inside the file, and each segment decodes exactly.
    covered = [False] * len(text)
    prev_t = prev_b = 0
    for seg in a.source_map:
        assert prev_t <= seg.text_start <= seg.text_end <= len(text)
        assert prev_b <= seg.byte_start <= seg.byte_end <= len(data)
        assert (
            decode_span(data[seg.byte_start : seg.byte_end], enc)
            == text[seg.text_start : seg.text_end]
        )
        covered[seg.text_start : seg.text_end] = [True] * (seg.text_end - seg.text_start)
        prev_t, prev_b = seg.text_end, seg.byte_end
    assert {c for c, ok in zip(text, covered, strict=True) if not ok} <= {" ", "\n"}
    if a.source_map:
        assert a.source_byte_start == a.source_map[0].byte_start
        assert a.source_byte_end == a.source_map[-1].byte_end
    # Paragraphs tile the text, separated by blank lines.
    paras = [(p.start, p.end) for p in a.paragraphs]
    assert paras and "\n\n".join(text[s:e] for s, e in paras) == text
    assert all(s < e and "\n\n" not in text[s:e] for s, e in paras)
    if a.title is not None:
        assert (a.title_start, a.title_end) == paras[0] and text[
            paras[0][0] : paras[0][1]
        ] == a.title
        assert a.body_start == paras[1][0]
    else:
        assert a.title_start is None and a.body_start == paras[0][0]
    if a.dateline is not None:
        assert any(text.startswith(a.dateline, s) for s, _ in paras)
    for m in a.mentions:
        assert text[m.start : m.end] == m.text
    assert a.treaty_ids == sorted({m.treaty_id for m in a.mentions})
    # Quotes: exact spans, in their paragraph, in order, with source bytes inside the file.
    speaker_ids = {s.speaker_id for s in conv.speakers}
    last_end = 0
    for n, q in enumerate(conv.quotes, start=1):
        Quote.model_validate(q.model_dump())
        assert q.quote_id == f"{a.article_id}-q{n:03d}" and q.article_id == a.article_id
        assert text[q.start : q.end] == q.text and q.start >= last_end
        last_end = q.end
        ps, pe = paras[q.paragraph]
        assert ps <= q.start <= q.end <= pe
        assert q.speaker_id is None or q.speaker_id in speaker_ids
        assert set(q.treaty_ids) <= set(a.treaty_ids)
        assert q.source_sha256 == sha
        assert 0 <= q.source_byte_start <= q.source_byte_end <= len(data)
        raw = decode_span(data[q.source_byte_start : q.source_byte_end], enc)
        assert _squash(raw) == _squash(q.text)
        if any(s.text_start <= q.start and q.end <= s.text_end for s in a.source_map):
            assert raw == q.text  # inside one verbatim segment: the bytes are the text


def convert(data: bytes) -> Conversion | Rejection:
    """``convert_bytes`` twice, asserting it is deterministic."""
    first = convert_bytes(data, source_path="fuzz/x.txt")
    assert convert_bytes(data, source_path="fuzz/x.txt") == first
    return first


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.randoms(use_true_random=False), st.sampled_from(EOLS), st.sampled_from(ENCODINGS))
def test_article_like_files_convert_with_exact_spans(
    rng: random.Random, eol: str, encoding: str
) -> None:
    data = render(random_article(rng), eol, encoding, rng)
    check_conversion(data, convert(data))


@FAST
@given(st.randoms(use_true_random=False), st.sampled_from(ENCODINGS))
def test_near_valid_files_never_break_the_converter(rng: random.Random, encoding: str) -> None:
    data = mutate(render(random_article(rng), rng.choice(EOLS), encoding, rng), rng)
    check_conversion(data, convert_bytes(data, source_path="fuzz/x.txt"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_line_endings_and_unicode_encodings_do_not_change_the_text(rng: random.Random) -> None:
    """What duplicate-text detection relies on: same words, same ``articles.text``."""
    text = random_article(rng)
    base = convert_bytes(render(text, "\n", "utf-8"), source_path="x.txt")
    for eol, encoding in (
        ("\r\n", "utf-8"),
        ("\r", "utf-8"),
        ("mixed", "utf-8"),
        ("\n", "utf-8-sig"),
        ("\r\n", "utf-16-le-bom"),
        ("\n", "utf-16-be-bom"),
    ):
        data = render(text, eol, encoding, rng)
        other = convert_bytes(data, source_path="x.txt")
        check_conversion(data, other)
        assert type(other) is type(base), (eol, encoding)
        if isinstance(base, Rejection):
            assert isinstance(other, Rejection)
            # A file of zero bytes is 'empty'; the same nothing behind a BOM is whitespace-only.
            same = {base.reason, other.reason} <= {RejectReason.EMPTY, RejectReason.WHITESPACE_ONLY}
            assert other.reason == base.reason or same, (eol, encoding)
            continue
        assert isinstance(other, Conversion)
        assert other.article.text == base.article.text, (eol, encoding)
        assert other.text_sha256 == base.text_sha256
        assert [(q.start, q.end, q.speaker_id) for q in other.quotes] == [
            (q.start, q.end, q.speaker_id) for q in base.quotes
        ]


def _random_folder(root: Path, rng: random.Random) -> int:
    """Write a random input folder; return the number of files (links included)."""
    folders = ["", "a/", "a/b/", "c d/", ".hidden/"]
    written: list[Path] = []
    for i in range(rng.randint(1, 12)):
        r = rng.random()
        name = f"{rng.choice(folders)}{i:02d}{rng.choice(['.txt', '.txt', '.TXT', '.html', ''])}"
        if r < 0.55:
            data = render(random_article(rng), rng.choice(EOLS), rng.choice(ENCODINGS), rng)
        elif r < 0.7 and written:
            src = rng.choice(written).read_bytes()
            data = src if rng.random() < 0.5 else src.replace(b"\n", b"\r\n")
            name = f"{rng.choice(folders)}{i:02d}.txt"
        elif r < 0.8:
            data = rng.randbytes(rng.randint(0, 300))
        elif r < 0.9:
            data = mutate(render(random_article(rng), "\n", "utf-8"), rng)
        else:
            targets = [p.relative_to(root).as_posix() for p in written] or ["none.txt"]
            entries = "".join(
                f'[[article]]\nfile = "{rng.choice(targets)}"\noutlet = "{rng.choice(WORDS)}"\n'
                for _ in range(2)
            )
            name, data = "metadata.toml", rng.choice([entries, "[[article]\n", ""]).encode()
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    if rng.random() < 0.3 and written:
        (root / "link.txt").symlink_to(rng.choice(written))
    return sum(1 for p in root.rglob("*") if p.is_file() or p.is_symlink())


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_random_folders_build_with_every_file_accounted_for(rng: random.Random) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        src.mkdir()
        files = _random_folder(src, rng)
        result = build_dataset(src, out, jobs=1, cache_dir=None)  # validates before the swap
        rows = read_arrow(table_path(out, "provenance")).to_pylist()
        assert len(rows) == result.inputs == files
        articles = {
            a["article_id"]: a["source_path"]
            for a in read_arrow(table_path(out, "articles")).to_pylist()
        }
        accepted = {
            r["path"]: r["article_id"]
            for r in rows
            if r["status"] == "accepted" and r["role"] == "article"
        }
        assert sorted(accepted.values()) == sorted(articles)
        assert all(articles[aid] == path for path, aid in accepted.items())
        for r in rows:
            assert (r["status"] == "accepted") == (r["reason"] is None)
            if r["status"] == "duplicate":
                assert r["article_id"] in articles
