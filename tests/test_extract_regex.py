"""The fast forms of the attribution regexes find exactly what their readable references find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lavrov_corpus.extract import (
    article_text,
    attribution,
    clean,
    cues,
    furniture,
    furniture_chrome,
    furniture_credits,
    page_lines,
    quote_flags,
)
from lavrov_corpus.extract.decode import Decoded, decode

ROOT = Path(__file__).resolve().parent.parent
PAIRS = [(cues.NAME_SEQ_REFERENCE, cues.NAME_SEQ)]


def _texts() -> list[str]:
    out = []
    for p in sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/data/articles/*.txt")]):
        d = decode(p.read_bytes())
        assert isinstance(d, Decoded)
        out.append(d.text)
    return out


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(pattern.groups + 1)) for m in pattern.finditer(text)]


def _subject(pattern: re.Pattern[str], text: str, start: int, end: int) -> object:
    m = pattern.search(text, start, end)
    return None if m is None else (m.span(), m.span("sp"))


def _cue_words_reference(text: str) -> list[tuple[int, int, str, bool]]:
    found = [(m.start(), m.end(), m.group(), False) for m in cues.VERBS_REFERENCE.finditer(text)]
    found += [
        (m.start(), m.end(), m.group(), True) for m in cues.PARTICIPLE_REFERENCE.finditer(text)
    ]
    return sorted(found)


def _same(text: str) -> None:
    assert cues.cue_words(text) == _cue_words_reference(text)
    for ref, fast in PAIRS:
        assert _matches(fast, text) == _matches(ref, text), ref.pattern[:40]
    for end in range(len(text) + 1):
        start = max(0, end - 100)
        reference = _subject(cues.SUBJECT_BEFORE_REFERENCE, text, start, end)
        assert _subject(cues.SUBJECT_BEFORE, text, start, end) == reference
        m = cues.subject_before(text, start, end)
        assert (None if m is None else (m.span(), m.span("sp"))) == reference


@pytest.mark.parametrize("index", range(11))
def test_same_matches_on_articles(index: int) -> None:
    texts = _texts()
    assert len(texts) == 11
    text = texts[index]
    assert _matches(cues.VERBS_REFERENCE, text) and _matches(cues.NAME_SEQ_REFERENCE, text)
    for ref, fast in PAIRS:
        assert _matches(fast, text) == _matches(ref, text)
    assert cues.cue_words(text) == _cue_words_reference(text)
    for m in cues.VERBS_REFERENCE.finditer(text):  # the windows the attributor searches
        start = max(0, m.start() - 100)
        got = _subject(cues.SUBJECT_BEFORE, text, start, m.start())
        assert got == _subject(cues.SUBJECT_BEFORE_REFERENCE, text, start, m.start())


def test_participles_occur() -> None:
    assert sum(len(_matches(cues.PARTICIPLE_REFERENCE, t)) for t in _texts()) >= 3


_PIECES = st.sampled_from(
    [
        "Lavrov", "said", "he", "He", "she", "him", "her", "his", "the", "The", "minister",
        "Russia’s", "foreign", "Foreign", "Minister", "Sergei", "U.S.", "J.", "McFaul", "Mc",
        "O'Brien", "also", "has", "repeatedly", "on", "October", "19", "according to",
        "According to", "adding", "pointed out", "noted", "the head of Russian diplomacy",
        "spokesman", "of", "saying", "called on", "called", "On", "warns", "summed up",
        "’", "'", "-", ",", ".", ":", "“", "”", " ", "\u00a0", "\n", "x", "É",
        "Çavuşoğlu", "Mevlüt", "Šefčovič", "Ž",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_same_matches_on_random_pieces(text: str) -> None:
    _same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aHhSsTtMcJ.’'- \u00a0\nxÉ,“1_;\tŠçÇ"), max_size=60))
def test_same_matches_on_random_characters(text: str) -> None:
    _same(text)


_LINE_PIECES = st.sampled_from(
    ["|", " |", "| ", "-", "–", "•", "*", ">", "#", "_", "=", "~", ":", " ", "\u00a0", "\t",
     "\u2028", "\n", "Photo", "image", "x", "16x9 Image", "![]()", "ab", "©", "(c)", "photo:",
     "Credits", "Picture", "source:", "TASS", "/", "Reuters", "_", "é", "Image: "]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=12).map("".join))
def test_furniture_string_checks_equal_regexes(line: str) -> None:
    assert furniture_chrome.strip_edges(line) == furniture_chrome._EDGE_JUNK.sub("", line)
    assert furniture_chrome._scraped_cell(line) == (
        furniture_chrome._SCRAPED_CELL.search(line) is not None
    )
    credit = len(line) <= 200 and (
        furniture_credits._CREDIT.search(line) is not None
        or ("/" in line and furniture_credits._CREDIT_AGENCY.search(line) is not None)
    )
    assert furniture.is_credit(line) == credit


def _split_lines_reference(src: str) -> list[tuple[int, int, str]]:
    """Lines as the first cut of the cleaner found them (one regex match per line), without its
    bug: it compared the empty match after a line with the end of the line *trimmed*, so a line
    with trailing white space was followed by a phantom blank line (ending its paragraph)."""
    out: list[tuple[int, int, str]] = []
    raw_end = -1
    for m in re.finditer(r"[^\r\n]*", src):
        s, e = m.span()
        if out and s == raw_end and s == e:
            continue
        raw_end = e
        if s == e and 0 < s < len(src) and src[s - 1] == "\r" and src[s] == "\n":
            continue
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            s += len(raw) - len(raw.lstrip())
            e = s + len(stripped)
        out.append((s, e, stripped))
    return out


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \t\u00a0\r\n\u2028\x0b"), max_size=30))
def test_split_lines_equals_reference(src: str) -> None:
    got = [(ln.start, ln.end, ln.text) for ln in page_lines.split_lines(src)]
    assert got == _split_lines_reference(src)


def test_trailing_space_does_not_end_a_paragraph() -> None:
    src = "Headline\n\nThe minister said the treaty was \nstill in force.\n"
    lay = clean.layout(src)
    assert len(lay.paragraphs) == 2
    assert [src[s:e] for s, e in lay.paragraphs[1]] == [
        "The minister said the treaty was",
        "still in force.",
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["so-called", "So-Called", "dubbed", "the phrase", "known as", "word",
                         " ", "\u00a0", "\n", "x", "the", "K"]),
        max_size=10,
    ).map("".join)
)  # fmt: skip
def test_scare_before_equals_regex(before: str) -> None:
    assert quote_flags.scare_before(before) == (
        quote_flags._SCARE_BEFORE.search(before) is not None
    )
    longest = max(len(w) for w in quote_flags._SCARE_BEFORE.pattern[3:].split(")")[0].split("|"))
    assert longest == quote_flags._SCARE_LONGEST


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.lists(_PIECES, max_size=40).map(" ".join)))
def test_language_words_equal_regex(text: str) -> None:
    from lavrov_corpus.extract import convert

    sample = text.lower()
    assert sorted(convert._words(sample)) == sorted(convert._WORDS.findall(sample))


def test_language_words_equal_regex_on_articles() -> None:
    from lavrov_corpus.extract import convert

    for text in _texts():
        sample = text[:2000].lower()
        assert sorted(convert._words(sample)) == sorted(convert._WORDS.findall(sample))


def _attribution_state(text: str, paragraphs: list[tuple[int, int]], has_title: bool) -> object:
    from lavrov_corpus.extract.quotes import find_quotes

    a = attribution.Attributor(text, paragraphs, has_title, find_quotes(text, paragraphs), None)
    cue_list = [(c.start, c.end, c.verb, c.subj_start, c.who) for c in a.cues]
    return a.mentions, cue_list, a.run()


def _scan_agrees(text: str, paragraphs: list[tuple[int, int]], has_title: bool = False) -> None:
    """Scanning only outside quotations gives what scanning the whole text gives."""
    from unittest import mock

    fast = _attribution_state(text, paragraphs, has_title)
    with mock.patch.object(attribution, "scan_ranges", lambda t, s, e: [(0, len(t))]):
        full = _attribution_state(text, paragraphs, has_title)
    assert fast == full


def test_scan_outside_quotes_agrees_on_articles() -> None:
    from lavrov_corpus.extract.clean import layout
    from lavrov_corpus.extract.sourcemap import assemble

    paths = sorted(
        [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/data/*/*.txt")], key=lambda p: p.name
    )
    assert len(paths) > 11
    skipped = 0
    for path in paths:
        d = decode(path.read_bytes())
        assert isinstance(d, Decoded)
        lay = layout(d.text)
        asm = assemble(d.text, lay.paragraphs)
        _scan_agrees(asm.text, asm.paragraphs, lay.has_title)
        a = attribution.Attributor(asm.text, asm.paragraphs, lay.has_title, [], None)
        skipped += len(asm.text) - sum(e - s for s, e in a.scan)
    assert skipped == 0  # no quotations given: nothing skipped


_QUOTE_PIECES = st.sampled_from(
    ["“", "”", "«", "»", '"', "'", "‘", "’", " ", "\u00a0", ".", ",", ":", "-", "Lavrov", "said",
     "he", "added", "pointed out", "the minister", "told", "Sergey", "Ryabkov", "according to",
     "saying", "US", "x", "Foreign Minister", "’s", "O'Brien", "\n", "\n\n", "1"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_QUOTE_PIECES, max_size=60).map("".join))
def test_scan_outside_quotes_agrees_on_random_text(text: str) -> None:
    paragraphs = []
    pos = 0
    for part in text.split("\n\n"):
        paragraphs.append((pos, pos + len(part)))
        pos += len(part) + 2
    _scan_agrees(text, paragraphs)


def test_words_never_contain_a_quotation_edge() -> None:
    """The cue words' characters are all ones that keep a quotation from being skipped."""
    words = [*cues.SPEECH_VERBS.split("|"), *cues.PARTICIPLES.split("|"), "according to"]
    assert not [c for c in "".join(words) if article_text._edge_stops_words(c)]


@pytest.mark.parametrize(
    "text",
    [
        "It was ‘a deal with the US’ Lavrov said.",  # the name "US’ Lavrov" starts in the quote
        "He called it 'the US' Lavrov said.",
        "The minister spoke of ‘New START’ Ryabkov said.",
        "Lavrov said “the deal is dead” and Ryabkov added “no way”.",
    ],
)
def test_scan_outside_quotes_agrees_at_quotation_edges(text: str) -> None:
    _scan_agrees(text, [(0, len(text))])
