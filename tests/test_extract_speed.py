"""The converter's fast paths give exactly what their plain forms give.

Each test keeps the plain (readable, slower) form of a rule next to the fast one the converter
runs, and checks them against each other on random text made of the characters that matter.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lavrov_corpus.extract import convert_bytes, guess_language, quotes
from lavrov_corpus.extract.attribution import Attributor
from lavrov_corpus.extract.clean import layout
from lavrov_corpus.extract.convert import _STOPWORDS
from lavrov_corpus.extract.decode import _CONTROL, Decoded, control_count, decode
from lavrov_corpus.extract.quotes import find_quotes
from lavrov_corpus.extract.sourcemap import assemble
from lavrov_corpus.extract.treaties import _LOWER_TO_ASCII, _candidates, _dispatch

_PIECES = [
    *sorted({w for sw in _STOPWORDS.values() for w in sw}),
    "Lavrov",
    "treaty",
    "Москва",
    "заявил",
    "français",
    "déjà",
    "x²",
    "snake_case",
    "2019",
    "“",
    "”",
    "’",
    "—",
    "\u00a0",
    " ",
    "  ",
    ", ",
    ". ",
    "\n",
    "İ",
]
_texts = st.lists(st.sampled_from(_PIECES), max_size=400).map("".join)


def _guess_language_plain(text: str) -> str | None:
    """The rule as written: every word by regex, counted."""
    sample = text[:2000].lower()
    words = re.findall(r"[^\W\d_]+", sample)
    if len(words) < 20:
        return None
    counts = Counter(words)
    if re.search("[а-яё]", sample):
        cyr = sum(n for w, n in counts.items() if "а" <= w[0] <= "я" or w[0] == "ё")
        if cyr > 0.6 * len(words):
            return "ru"
    scores = sorted(
        ((sum(counts[w] for w in sw if w in counts), lang) for lang, sw in _STOPWORDS.items()),
        reverse=True,
    )
    (best, lang), (second, _) = scores[0], scores[1]
    return lang if best >= 0.15 * len(words) and best >= 2 * second else None


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_guess_language_matches_plain_rule(text: str) -> None:
    assert guess_language(text) == _guess_language_plain(text)


def test_guess_language_examples() -> None:
    en = "the minister said that the treaty was in force and that it has to be kept " * 3
    assert guess_language(en) == "en" == _guess_language_plain(en)
    fr = "le ministre a dit que les accords sont pour la paix et une stabilité " * 3
    assert guess_language(fr) == "fr" == _guess_language_plain(fr)
    assert guess_language("“" + en.replace(" ", "\u00a0") + "”") == "en"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF)))
def test_control_count_matches_regex(text: str) -> None:
    assert control_count(text) == len(_CONTROL.findall(text))


def test_control_count_every_low_character() -> None:
    text = "".join(map(chr, range(0x100))) + "\ud800é€"
    assert control_count(text) == len(_CONTROL.findall(text)) == 29


def _candidates_plain(text: str) -> list[int]:
    """Every offset where ``text.lower()`` holds a trigger word after no ASCII letter or digit
    (a mention starts after a non-word character): one ``str.find`` walk per word, sorted."""
    dispatch = _dispatch()
    assert dispatch is not None
    low = text.lower()
    found = []
    for word in dispatch:
        i = low.find(word)
        while i >= 0:
            if i == 0 or not (low[i - 1].isascii() and low[i - 1].isalnum()):
                found.append(i)
            i = low.find(word, i + 1)
    return sorted(found)


_TRIGGER_TEXT = st.lists(
    st.sampled_from(
        [
            "iran",
            "anti",
            "new",
            "non",
            "start",
            "sort",
            "test",
            "treaty",
            "inf",
            "Iranti",
            "nonew",
            "é",
            "_",
            "\u212a",
            "START",
            "x",
            " ",
            "-",
            "“",
            "2015",
            "20155",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TRIGGER_TEXT)
def test_treaty_candidates_match_plain_finds(text: str) -> None:
    got = _candidates(text)
    if any(c in text for c in _LOWER_TO_ASCII):
        assert got is None  # the full search
        return
    assert got is not None
    assert [i for i, _ in got] == _candidates_plain(text)


def test_lower_to_ascii_lists_every_such_character() -> None:
    """The candidates are found in a one-byte-per-character lower-casing; it agrees with
    ``str.lower`` on where ASCII letters and digits stand except at these characters."""
    odd = [
        c
        for c in map(chr, range(0x80, sys.maxunicode + 1))
        if len(c.lower()) != 1 or c.lower().isascii()
    ]
    assert sorted(odd) == sorted(_LOWER_TO_ASCII)


def _attributors() -> list[Attributor]:
    """An attributor for every seed and test article with quotes."""
    out = []
    root = Path(__file__).resolve().parent.parent
    for path in sorted((root / "seeds").glob("*.txt")) + sorted(
        (root / "tests/data").rglob("*.txt")
    ):
        decoded = decode(path.read_bytes())
        if not isinstance(decoded, Decoded) or not decoded.text.strip():
            continue
        lay = layout(decoded.text)
        asm = assemble(decoded.text, lay.paragraphs)
        dateline = None
        if lay.dateline_paragraph is not None:
            ds = asm.paragraphs[lay.dateline_paragraph][0]
            dateline = (ds, ds + lay.dateline_length)
        raw = find_quotes(asm.text, asm.paragraphs)
        if raw:
            out.append(Attributor(asm.text, asm.paragraphs, lay.has_title, raw, dateline))
    return out


def test_sentence_matches_plain_lookup() -> None:
    attributors = _attributors()
    assert len(attributors) > 20
    for a in attributors:
        for pos in range(len(a.text) + 1):
            i = bisect_right(a.sentences, pos) - 1
            start = a.sentences[max(i, 0)]
            end = a.sentences[i + 1] if i + 1 < len(a.sentences) else len(a.text)
            pi = bisect_right(a.par_starts, pos) - 1
            plain = (start, min(end, a.paragraphs[pi][1]) if pi >= 0 else end)
            assert a._sentence(pos) == plain


def test_split_finds_the_words_of_the_word_regex() -> None:
    """The cleaner counts words with str.split() instead of ``\\S+``: both break at exactly
    the same characters, checked over all of Unicode."""
    space = re.compile(r"\s")
    assert all(
        (space.match(c) is not None) == c.isspace() for c in map(chr, range(sys.maxunicode + 1))
    )
    line = "Lavrov\u00a0said\u2003“no”\u200b — x\u3000y"
    assert line.split() == re.findall(r"\S+", line)


def _steps(data: bytes) -> int:
    """Python lines the converter executes on ``data`` (a count, not a time: deterministic)."""
    return _steps_of(lambda: convert_bytes(data, source_path="x.txt"))


def _steps_of(run: Callable[[], object]) -> int:
    """Python lines of the converter's modules executed by ``run()``."""
    extract_dir = str(Path(convert_bytes.__code__.co_filename).parent)
    count = 0

    def tracer(frame: FrameType, event: str, arg: object) -> object:
        nonlocal count
        if event == "line":
            count += 1
        return tracer if frame.f_code.co_filename.startswith(extract_dir) else None

    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(None)
    return count


def _short_lines(n: int) -> bytes:
    """``n`` short capitalised lines with no sentence: no body line, so every line is a
    headline candidate."""
    words = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Theta", "Kappa"]
    lines = [" ".join(words[(i * 7 + k * 3) % 8] for k in range(3 + i % 4)) for i in range(n)]
    return ("\n".join(lines) + "\n").encode()


def test_headline_choice_is_linear_in_candidate_lines() -> None:
    """Each headline candidate was compared with every other one (a 8,000-line file of short
    lines took seconds); twice the lines must now cost about twice the steps."""
    small, large = _steps(_short_lines(300)), _steps(_short_lines(600))
    assert large < 2.3 * small, (small, large)


def _close_chain_plain(out: list[quotes.RawQuote], chain: int, *, closed: bool) -> None:
    for q in out:
        if q.chain == chain:
            q.closed = closed


def _single_closes_plain(
    text: str, start: int, end: int, seen: dict[int, list[int]] | None = None
) -> bool:
    for m in re.finditer(r"[’'›]", text[start:end]):
        i = start + m.start()
        prev, nxt = text[i - 1], text[i + 1] if i + 1 < end else ""
        if (
            not (prev.isalpha() and nxt.isalpha())
            and not prev.isspace()
            and (not nxt or nxt.isspace() or nxt in quotes._CLOSE_AFTER)
        ):
            return True
    return False


_QUOTE_TEXT = st.lists(
    st.sampled_from(
        [
            "“",
            "”",
            '"',
            "«",
            "»",
            "‘",
            "’",
            "'",
            "‹",
            "›",
            "a",
            "ab",
            " ",
            "  ",
            ", ",
            ".",
            " - Lavrov said",
            "\n\n",
        ]
    ),
    max_size=80,
).map("".join)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for part in text.split("\n\n"):
        if part:
            spans.append((pos, pos + len(part)))
        pos += len(part) + 2
    return spans


@settings(max_examples=500, deadline=None)
@given(_QUOTE_TEXT)
def test_find_quotes_matches_plain_helpers(text: str) -> None:
    """Chains closed from the end of the list and single marks scanned once per paragraph
    give the quotes of the plain helpers (every quote per chain, a scan per mark)."""
    spans = _paragraph_spans(text)
    fast = find_quotes(text, spans)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(quotes, "_close_chain", _close_chain_plain)
        mp.setattr(quotes, "_single_closes", _single_closes_plain)
        plain = find_quotes(text, spans)
    assert fast == plain


def _quote_steps(text: str) -> int:
    return _steps_of(lambda: find_quotes(text, _paragraph_spans(text)))


def test_unclosed_quotes_are_linear_in_paragraphs() -> None:
    """Each unclosed quote walked every quote found before it; 2x paragraphs ~ 2x steps."""
    par = "He said the talks were “going nowhere"

    def text(n: int) -> str:
        return "\n\n".join([par] * n)

    small, large = _quote_steps(text(200)), _quote_steps(text(400))
    assert large < 2.3 * small, (small, large)


def test_single_marks_are_linear_in_a_paragraph() -> None:
    """Each single mark that could open a quote scanned the rest of its paragraph for a
    closing one; 2x marks ~ 2x steps."""
    small, large = _quote_steps("Lead" + " 'x" * 200), _quote_steps("Lead" + " 'x" * 400)
    assert large < 2.3 * small, (small, large)


def test_no_other_character_lower_cases_to_a_letter() -> None:
    """guess_language lower-cases only ASCII letters when a sample has no other letter: sound
    because no non-ASCII character outside [^\\W\\d_] lower-cases to a letter or to ASCII."""
    letter = re.compile(r"[^\W\d_]")
    odd = []
    for c in map(chr, range(0x80, sys.maxunicode + 1)):
        low = c.lower()
        if low != c and not letter.match(c) and any(letter.match(x) or x.isascii() for x in low):
            odd.append(c)
    assert odd == []
