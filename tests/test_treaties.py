"""Treaty mention tagger: gold set on the seeds, hard cases, near misses, dates, invariants."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lavrov_corpus.extract.treaties import tag_treaties
from lavrov_corpus.models import TreatyMention
from lavrov_corpus.reference import treaties

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLD = Path(__file__).resolve().parent / "gold" / "treaties"


def _pairs(mentions: list[TreatyMention]) -> list[tuple[str, str]]:
    return [(m.text, m.treaty_id) for m in mentions]


def _check_spans(text: str, mentions: list[TreatyMention]) -> None:
    end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= end, "mentions overlap or are out of order"
        end = m.end


def test_gold_exists_for_every_seed() -> None:
    assert len(SEEDS) == 5
    assert sorted(p.stem for p in GOLD.glob("*.json")) == [p.stem for p in SEEDS]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_gold_precision_and_recall(seed: Path) -> None:
    """Tag the raw decoded seed and compare with the hand annotation as multisets."""
    text = seed.read_bytes().decode("utf-8-sig")
    gold = Counter(
        (g["text"], g["treaty_id"]) for g in json.loads((GOLD / f"{seed.stem}.json").read_text())
    )
    mentions = tag_treaties(text)
    _check_spans(text, mentions)
    found = Counter(_pairs(mentions))
    true_positives = sum((gold & found).values())
    precision = true_positives / max(1, sum(found.values()))
    recall = true_positives / max(1, sum(gold.values()))
    assert (precision, recall) == (1.0, 1.0), f"missing {gold - found}, extra {found - gold}"


def test_gold_files_keep_the_shared_format() -> None:
    """Another engineer's evaluation script reads these files: a list of {text, treaty_id}."""
    known = {t.treaty_id for t in treaties()}
    for path in GOLD.glob("*.json"):
        entries = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(entries, list) and entries
        for entry in entries:
            assert set(entry) == {"text", "treaty_id"}
            assert entry["treaty_id"] in known


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long form with its parenthesised abbreviation is one mention
        (
            "left the Anti-Ballistic Missile (ABM) Treaty.",
            [("Anti-Ballistic Missile (ABM) Treaty", "abm")],
        ),
        (
            "the Intermediate-Range Nuclear Forces Treaty (INF) died",
            [("Intermediate-Range Nuclear Forces Treaty (INF)", "inf")],
        ),
        (
            "the New Strategic Arms Reduction Treaty (New START)",
            [("New Strategic Arms Reduction Treaty (New START)", "new-start")],
        ),
        (
            "the Joint Comprehensive Plan of Action (JCPOA) and the JCPOA",
            [("Joint Comprehensive Plan of Action (JCPOA)", "jcpoa"), ("JCPOA", "jcpoa")],
        ),
        (
            "to save the Treaty of Intermediate Nuclear Forces.",
            [("Treaty of Intermediate Nuclear Forces", "inf")],
        ),
        ("the INF Treaty and the INF", [("INF Treaty", "inf"), ("INF", "inf")]),
        (
            "extend the START III or New START strategic arms reduction treaty",
            [
                ("START III", "new-start"),
                ("New START strategic arms reduction treaty", "new-start"),
            ],
        ),
        (
            "START-1, START II and START-3",
            [("START-1", "start-i"), ("START II", "start-ii"), ("START-3", "new-start")],
        ),
        (
            "backed the Iranian nuclear deal, the Iran deal and the Iran nuclear agreement",
            [
                ("Iranian nuclear deal", "jcpoa"),
                ("Iran deal", "jcpoa"),
                ("Iran nuclear agreement", "jcpoa"),
            ],
        ),
        (
            "when the US withdrew from the treaty on missile defense",
            [("treaty on missile defense", "abm")],
        ),
        (
            "the Open Skies Treaty, the Treaty on Open Skies; Russia left Open Skies",
            [
                ("Open Skies Treaty", "open-skies"),
                ("Treaty on Open Skies", "open-skies"),
                ("Open Skies", "open-skies"),
            ],
        ),
        (
            "the CTBT and the Comprehensive Nuclear-Test-Ban Treaty",
            [("CTBT", "ctbt"), ("Comprehensive Nuclear-Test-Ban Treaty", "ctbt")],
        ),
        (
            "the NPT, the Nuclear Nonproliferation Treaty and the Treaty on the "
            "Non-Proliferation of Nuclear Weapons",
            [
                ("NPT", "npt"),
                ("Nuclear Nonproliferation Treaty", "npt"),
                ("Treaty on the Non-Proliferation of Nuclear Weapons", "npt"),
            ],
        ),
        ("the NPT Review Conference", [("NPT", "npt")]),
        ("talks on post-New START stability in a post-INF world", []),
        ("the non-NPT states", [("NPT", "npt")]),
        ("head of the Comprehensive Nuclear-Test-Ban Treaty Organization (CTBTO)", []),
        ("the INF and New START treaties", [("INF", "inf"), ("New START", "new-start")]),
        ("the new START treaty", [("new START treaty", "new-start")]),
        (
            "the Anti-Ballistic Missile\nTreaty (hard-wrapped)",
            [("Anti-Ballistic Missile\nTreaty", "abm")],
        ),
        ("the Antiballistic Missile Treaty", [("Antiballistic Missile Treaty", "abm")]),
        ("LAVROV: US BURIED ABM TREATY", [("ABM TREATY", "abm")]),
        ("Lavrov Backs Iran Nuclear Deal As Talks Resume", [("Iran Nuclear Deal", "jcpoa")]),
        ("Obama's Iran deal", [("Iran deal", "jcpoa")]),
        ("the SORT limits and the CFE Treaty", [("SORT", "sort"), ("CFE Treaty", "cfe")]),
        ("the Partial Test Ban Treaty of 1963", [("Partial Test Ban Treaty", "ptbt")]),
        ("“the INF Treaty”", [("INF Treaty", "inf")]),
        # a generic noun after a name belongs to the mention, whatever its case
        (
            "Moscow Quits Open Skies Pact; the CTBT pact and the New START Deal",
            [
                ("Open Skies Pact", "open-skies"),
                ("CTBT pact", "ctbt"),
                ("New START Deal", "new-start"),
            ],
        ),
    ],
)
def test_hard_cases(text: str, expected: list[tuple[str, str]]) -> None:
    mentions = tag_treaties(text, published=dt.date(2020, 6, 1))
    _check_spans(text, mentions)
    assert _pairs(mentions) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It is a fresh start for relations.",
        "Start the talks now, and start them well.",
        "Airlines want open skies over Europe.",
        "Lavrov spoke at the Moscow Conference on Nuclear Non-Proliferation.",
        "the 2017 Moscow Nonproliferation Conference in Moscow",
        "a speech at a nonproliferation conference on nonproliferation",
        "the treaty was signed and the agreement holds",
        "the deployment of INF missiles and INF-range systems",
        "They want a new Iran deal, or a treaty on missile defense.",
        "the Threshold Test Ban Treaty of 1974",
        "RUSSIA AND US TALKS START TODAY",
        "INFO, STARTING, restart, NPTs",
        "an ABM system in Europe",
    ],
)
def test_near_misses_are_left_alone(text: str) -> None:
    assert tag_treaties(text, published=dt.date(2020, 6, 1)) == []


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (dt.date(2005, 3, 1), "start-i"),
        (dt.date(2009, 12, 5), "start-i"),
        (dt.date(2010, 4, 7), "start-i"),
        (dt.date(2010, 4, 8), "new-start"),
        (dt.date(2017, 10, 20), "new-start"),
        (dt.datetime(2005, 3, 1, 12, 30), "start-i"),
    ],
)
def test_bare_start_resolved_by_published_date(published: dt.date, expected: str) -> None:
    text = "Moscow is skeptical about the Strategic Arms Reduction Treaty (START) and START talks."
    mentions = tag_treaties(text, published)
    assert [m.treaty_id for m in mentions] == [expected, expected]
    assert mentions[0].text == "Strategic Arms Reduction Treaty (START)"


def test_without_a_date_the_latest_year_in_the_text_decides() -> None:
    assert [m.treaty_id for m in tag_treaties("In 2007 START talks stalled.")] == ["start-i"]
    assert [m.treaty_id for m in tag_treaties("In 2017 START talks stalled.")] == ["new-start"]


def test_without_any_date_the_most_recent_meaning_is_used() -> None:
    assert [m.treaty_id for m in tag_treaties("START talks stalled.")] == ["new-start"]


def test_a_year_before_the_name_wins_over_the_date() -> None:
    mentions = tag_treaties("the 1991 START treaty", published=dt.date(2020, 1, 1))
    assert _pairs(mentions) == [("START treaty", "start-i")]
    mentions = tag_treaties(
        "the 1963 Moscow Treaty and the Moscow Treaty", published=dt.date(2005, 1, 1)
    )
    assert [m.treaty_id for m in mentions] == ["ptbt", "sort"]


def test_an_unambiguous_abbreviation_wins_over_the_date() -> None:
    text = "the Strategic Arms Reduction Treaty (START I) expired"
    mentions = tag_treaties(text, published=dt.date(2020, 1, 1))
    assert _pairs(mentions) == [("Strategic Arms Reduction Treaty (START I)", "start-i")]


def test_names_span_a_hard_wrap_but_not_a_paragraph_break() -> None:
    wrapped = "the Anti-Ballistic Missile\r\nTreaty and the Anti-\nBallistic Missile Treaty"
    assert [m.text for m in tag_treaties(wrapped)] == [
        "Anti-Ballistic Missile\r\nTreaty",
        "Anti-\nBallistic Missile Treaty",
    ]
    assert _pairs(tag_treaties("What is new\n\nSTART talks resumed.", dt.date(2020, 1, 1))) == [
        ("START", "new-start")
    ]
    assert _pairs(tag_treaties("the INF\n\nTreaty")) == [("INF", "inf")]


def test_unambiguous_names_ignore_the_date() -> None:
    for day in (None, dt.date(1995, 1, 1), dt.date(2025, 1, 1)):
        assert [m.treaty_id for m in tag_treaties("New START and START II", day)] == [
            "new-start",
            "start-ii",
        ]


_ALIASES = sorted({a for t in treaties() for a in t.aliases})
_NOISE = st.sampled_from(
    ["", " ", "\n", "(", ")", "the ", "a ", "(INF)", "-", ". ", "«", "’s", "2009 "]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(_ALIASES), _NOISE, st.text(max_size=12)), max_size=25),
    st.one_of(st.none(), st.dates()),
)
def test_never_raises_and_spans_are_exact(parts: list[str], published: dt.date | None) -> None:
    text = "".join(parts)
    _check_spans(text, tag_treaties(text, published))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    _check_spans(text, tag_treaties(text))


def _agree(text: str, published: dt.date | None = None) -> None:
    """The prefiltered tagger finds exactly what a search over the whole text finds."""
    assert tag_treaties(text, published) == tag_treaties(text, published, prefilter=False)


_CASE_NOISE = st.sampled_from(
    ["\u0130", "\u0131", "\u017f", "\u212a", "ſtart", "Iran\u0131an", "TREATY", "\u00df", "_"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_ALIASES),
            st.sampled_from(_ALIASES).map(str.upper),
            st.sampled_from(_ALIASES).map(str.lower),
            _NOISE,
            _CASE_NOISE,
            st.text(max_size=8),
        ),
        max_size=25,
    ),
    st.one_of(st.none(), st.dates()),
)
def test_prefilter_finds_what_the_full_search_finds(
    parts: list[str], published: dt.date | None
) -> None:
    _agree("".join(parts), published)


def test_prefilter_agrees_on_the_seeds_and_test_articles() -> None:
    paths = SEEDS + sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    assert len(paths) > 5
    for path in paths:
        _agree(path.read_bytes().decode("utf-8-sig", errors="replace"))
        _agree(path.read_bytes().decode("utf-8-sig", errors="replace"), dt.date(2005, 1, 1))


def test_case_folds_the_prefilter_must_avoid() -> None:
    """Non-ASCII characters ``re`` matches case-insensitively to an ASCII letter although their
    ``str.lower`` is not that letter: a text holding one takes the full search."""
    from lavrov_corpus.extract.treaties import _FOLDS_TO_ASCII

    others = "".join(chr(i) for i in range(128, 0x110000) if not 0xD800 <= i < 0xE000)
    hits = re.findall(r"(?i)[a-z]", others)
    assert sorted(c for c in hits if c.lower() not in "abcdefghijklmnopqrstuvwxyz") == sorted(
        _FOLDS_TO_ASCII
    )
    for text in ("the te\u017ft ban treaty", "the Iran\u0131an nuclear deal"):
        assert tag_treaties(text) == tag_treaties(text, prefilter=False) != []
