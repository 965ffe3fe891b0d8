"""Behaviour of the converter on specific hard cases and bad inputs."""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lavrov_corpus.evaluate import evaluate
from lavrov_corpus.extract import Conversion, Rejection, convert_bytes, reference_speakers
from lavrov_corpus.extract.decode import MAX_LINE_CHARS
from lavrov_corpus.models import Attribution, Method, Quote, RejectReason
from lavrov_corpus.models.sidecar import CuratedMetadata

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def conv(data: bytes | str) -> Conversion:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    out = convert_bytes(raw, source_path="t.txt")
    assert isinstance(out, Conversion), out
    return out


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", RejectReason.EMPTY),
        (b" \n\r\n\t ", RejectReason.WHITESPACE_ONLY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", RejectReason.BINARY),
        (b"abc\x01\x02\x03\x04\x05def" * 3, RejectReason.BINARY),
        (b"a" * (MAX_LINE_CHARS + 1), RejectReason.LINE_TOO_LONG),
        (b"Skip to content\n\nAll news\n\nAdvertisement\n", RejectReason.NO_ARTICLE_TEXT),
        (codecs.BOM_UTF8 + b"\xff\xfe bad", RejectReason.UNDECODABLE),
    ],
)
def test_rejections(data: bytes, reason: RejectReason) -> None:
    out = convert_bytes(data, source_path="t.txt")
    assert isinstance(out, Rejection)
    assert out.reason is reason
    assert out.detail.endswith(".")


def test_utf16_bom_and_byte_map() -> None:
    text = "Lavrov warns\r\n\r\n“We will respond,” Lavrov said.\r\n"
    data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    out = conv(data)
    assert out.encoding == "utf-16-be"
    q = out.quotes[0]
    assert data[q.source_byte_start : q.source_byte_end].decode("utf-16-be") == q.text
    assert q.speaker_id == "sergey-lavrov"


def test_apostrophes_are_not_quotes() -> None:
    out = conv("Headline\n\nRussia’s view is that Washington’s move, that's all, isn't new.\n")
    assert out.quotes == ()


def test_last_named_is_not_the_speaker() -> None:
    out = conv(
        "Headline\n\nLavrov spoke after Putin met Trump. “We are ready,” the foreign minister said."
        "\n\n“Nothing has changed,” he added.\n"
    )
    assert [q.speaker_id for q in out.quotes] == ["sergey-lavrov", "sergey-lavrov"]
    assert out.quotes[0].attribution is Attribution.DESCRIPTION
    assert out.quotes[1].attribution is Attribution.PRONOUN
    assert out.quotes[1].cue == "added"


def test_unattributed_quote_has_no_speaker() -> None:
    out = conv(
        "Headline\n\nThe report was published on Monday.\n\n“Nobody wants a new arms race.”\n"
    )
    q = out.quotes[0]
    assert q.speaker_id is None and q.attribution is Attribution.NONE and not q.is_scare


def test_extracted_speaker_gets_slug() -> None:
    out = conv("Headline\n\n“It is over,” analyst Olga Petrova said.\n")
    (sp,) = out.speakers
    assert (sp.speaker_id, sp.name, sp.method) == ("olga-petrova", "Olga Petrova", Method.EXTRACTED)


def test_curated_metadata_wins() -> None:
    meta = CuratedMetadata(
        file="t.txt",
        outlet="TASS",
        url="https://tass.com/1",
        published="2019-09",
        language="en",
        title="Curated headline",
        rights="© TASS",
        notes="n",
    )
    data = b"Extracted headline\n\nMOSCOW, September 5. /TASS/. Lavrov spoke.\n"
    out = convert_bytes(data, source_path="t.txt", metadata=meta)
    assert isinstance(out, Conversion)
    a = out.article
    assert (a.title, a.outlet, a.url, a.rights, a.notes) == (
        "Curated headline",
        "TASS",
        "https://tass.com/1",
        "© TASS",
        "n",
    )
    assert str(a.published) == "2019-09-01"
    assert a.published_precision is not None and a.published_precision.value == "month"
    assert a.origins.title is Method.CURATED and a.origins.published is Method.CURATED
    assert a.text.startswith("Extracted headline\n\nMOSCOW")


def _source_of(data: bytes, q: Quote) -> str:
    return data[q.source_byte_start : q.source_byte_end].decode("utf-8")


def test_curated_title_never_rewrites_text() -> None:
    data = (
        "Lavrov: US ‘buried’ the treaty\n\n"
        "MOSCOW, May 1. /TASS/. “The treaty was buried,” Lavrov said.\n"
    ).encode()
    plain = conv(data)
    meta = CuratedMetadata(file="t.txt", title="Lavrov says the US buried the ABM Treaty")
    out = convert_bytes(data, source_path="t.txt", metadata=meta)
    assert isinstance(out, Conversion)
    a = out.article
    # the printed headline stays in the text, with its span; only `title` is curated
    assert a.text == plain.article.text
    assert a.text.startswith("Lavrov: US ‘buried’ the treaty\n\nMOSCOW")
    assert (a.title, a.origins.title) == (
        "Lavrov says the US buried the ABM Treaty",
        Method.CURATED,
    )
    assert a.text[a.title_start : a.title_end] == "Lavrov: US ‘buried’ the treaty"
    assert (a.title_start, a.title_end) == (plain.article.title_start, plain.article.title_end)
    assert a.source_map == plain.article.source_map
    # every quote, the headline one included, maps to its own bytes of the source
    assert [q.text for q in out.quotes] == ["buried", "The treaty was buried,"]
    assert out.quotes[0].in_headline
    for q in out.quotes:
        assert q.source_byte_end > q.source_byte_start > 0
        assert _source_of(data, q) == q.text
    assert out.quotes == plain.quotes


def test_curated_title_without_printed_headline() -> None:
    data = b"MOSCOW, May 1. /TASS/. \xe2\x80\x9cWe are ready,\xe2\x80\x9d Lavrov said.\n"
    meta = CuratedMetadata(file="t.txt", title="Lavrov: ready")
    out = convert_bytes(data, source_path="t.txt", metadata=meta)
    assert isinstance(out, Conversion)
    a = out.article
    assert (a.title, a.title_start, a.title_end) == ("Lavrov: ready", None, None)
    assert a.origins.title is Method.CURATED
    assert a.text.startswith("MOSCOW, May 1.") and a.body_start == 0
    (q,) = out.quotes
    assert not q.in_headline and _source_of(data, q) == q.text == "We are ready,"


def test_nothing_invented() -> None:
    a = conv("Headline here\n\nLavrov spoke on Monday about the treaty and more things.\n").article
    assert a.published is None and a.outlet is None and a.url is None
    assert a.origins.outlet is None
    assert "publisher" in a.rights


def test_dateline_and_outlet() -> None:
    a = conv("Title\n\nMOSCOW, September 5, 2019. /TASS/. Lavrov spoke.\n").article
    assert (a.dateline, a.dateline_place, a.outlet) == (
        "MOSCOW, September 5, 2019. /TASS/.",
        "MOSCOW",
        "TASS",
    )
    assert str(a.published) == "2019-09-05" and a.origins.published is Method.EXTRACTED


def test_reference_speakers_sorted_and_variants() -> None:
    sps = reference_speakers()
    ids = [s.speaker_id for s in sps]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    lavrov = next(s for s in sps if s.speaker_id == "sergey-lavrov")
    assert "Sergei Lavrov" in lavrov.variants and "foreign minister" in lavrov.roles
    raw = json.loads((ROOT / "lavrov_corpus/data/speakers.json").read_text("utf-8"))
    assert len(raw) == len(sps)


@pytest.mark.parametrize(
    ("articles", "gold"),
    [(ROOT / "seeds", HERE / "gold/quotes"), (HERE / "data/articles", HERE / "data/articles/gold")],
    ids=["seeds", "extra"],
)
def test_gold_quality(articles: Path, gold: Path) -> None:
    report, tally = evaluate(articles, gold)
    total = report["total"]
    for key in ("quote_precision", "quote_recall", "quote_f1", "speaker_accuracy", "flag_accuracy"):
        assert total[key] is not None and total[key] >= 0.97, (key, tally.misses)


def test_attribution_work_grows_linearly_with_article_length() -> None:
    """Descriptions and pronouns look at the nearest people first and stop early: the work
    counted (people considered, gender checks) grows with the article, not its square."""
    from unittest import mock

    from lavrov_corpus.extract import attribution

    root = Path(__file__).resolve().parent.parent
    bodies = [p.read_bytes().split(b"\n\n", 1)[-1] for p in sorted(root.glob("seeds/*.txt"))]
    # a description that fits nobody makes the attributor consider every person named
    unknown = "The Chilean ambassador said: “We hope for peace.”".encode()
    body = b"\n\n".join([*bodies, unknown])
    counts: dict[str, int] = {}
    nearest = attribution.Attributor._nearest_people
    gender_ok = attribution.Attributor._gender_ok

    def counted_nearest(self: attribution.Attributor, pos: int) -> Iterator[str]:
        for sid in nearest(self, pos):
            counts["people"] = counts.get("people", 0) + 1
            yield sid

    def counted_gender(self: attribution.Attributor, sid: str, gender: str) -> bool:
        counts["gender"] = counts.get("gender", 0) + 1
        return gender_ok(self, sid, gender)

    work = {}
    for k in (2, 8):
        counts.clear()
        with (
            mock.patch.object(attribution.Attributor, "_nearest_people", counted_nearest),
            mock.patch.object(attribution.Attributor, "_gender_ok", counted_gender),
        ):
            result = convert_bytes(b"Lavrov speaks\n\n" + b"\n\n".join([body] * k), source_path="x")
        assert isinstance(result, Conversion) and len(result.quotes) > 20 * k
        work[k] = dict(counts)
    assert work[2]["people"] > 0 and work[2]["gender"] > 0

    for key in ("people", "gender"):
        assert work[8][key] <= 5 * work[2][key], (key, work)


class _ScanCounter:
    """A compiled pattern that adds the length of every window it is asked to scan."""

    def __init__(self, pattern: re.Pattern[str], counts: list[int]) -> None:
        self._p, self._counts = pattern, counts

    def _window(self, text: str, pos: int = 0, endpos: int | None = None) -> None:
        self._counts[0] += (len(text) if endpos is None else min(endpos, len(text))) - pos

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> object:
        m = self._p.search(text, pos, endpos)
        self._window(text, pos, m.end() if m else endpos)  # a search stops where it matches
        return m

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> object:
        self._window(text, pos, min(endpos, pos + 200))  # anchored: a match reads ahead little
        return self._p.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> object:
        self._window(text, pos, min(endpos, pos + 200))
        return self._p.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> object:
        self._window(text, pos, endpos)
        return self._p.finditer(text, pos, endpos)

    def __getattr__(self, name: str) -> object:
        return getattr(self._p, name)


@pytest.mark.parametrize(
    "unit",
    [
        'officials called it a "big mistake", ',  # one endless sentence, cues without a speaker
        'Ryabkov, who said "no", ',  # one endless sentence, cues with a speaker
        '"Lavrov said ',  # one mark after another (the audit's case)
        '"key": "value", ',  # an embedded JSON blob: thousands of quotes, no sentence end
    ],
)
def test_one_long_sentence_is_scanned_in_linear_time(unit: str) -> None:
    """A line that is one sentence with thousands of quotes and cues: each quote looks at the
    text near it, not at everything from the sentence's start. Counted, not timed: the
    characters the attributor's patterns are asked to scan (4x the text must not cost ~16x)."""
    from unittest import mock

    from lavrov_corpus.extract import attribution

    counts = [0]
    patterns = {
        name: _ScanCounter(value, counts)
        for name, value in vars(attribution).items()
        if isinstance(value, re.Pattern)
    }

    def scanned(n: int) -> int:
        counts[0] = 0
        with mock.patch.multiple(attribution, **patterns):  # type: ignore[arg-type]
            out = convert_bytes(("Headline\n\n" + unit * n).encode(), source_path="x")
        assert isinstance(out, Conversion) and len(out.quotes) >= n
        return counts[0]

    small, large = scanned(1000), scanned(4000)
    assert large < 6 * small, (small, large)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # a relative clause between the subject and its verb
        (
            "Deputy Foreign Minister Sergey Ryabkov, who met the envoys on Monday, said the "
            "talks were a “waste of time”.",
            "sergey-ryabkov",
        ),
        # a participial phrase between the subject and its verb
        (
            "Antony Blinken, asked about the Russian proposal, said it was “not serious”.",
            "antony-blinken",
        ),
        (
            "Sergey Lavrov, answering questions in Minsk, said Moscow had seen no “serious offer”.",
            "sergey-lavrov",
        ),
        # the name is the apposition of a description (after a possessive)
        (
            "Germany’s foreign minister, Annalena Baerbock, later described the plan as “naive”.",
            "annalena-baerbock",
        ),
        # "who" takes the person named right before it
        (
            "Lavrov mocked a remark by the former envoy Nikki Haley, who wrote that the deal was "
            "“dead on arrival”.",
            "nikki-haley",
        ),
        # "Russia's Lavrov": a possessive before a name is not a role description
        ("Russia’s Lavrov urged the allies to show “restraint” in the Baltic.", "sergey-lavrov"),
        # newly listed reporting verbs
        ("Lavrov rejected the report as “a fabrication” on Friday.", "sergey-lavrov"),
    ],
)
def test_subject_of_the_reporting_clause_speaks_the_partial_quote(
    sentence: str, speaker: str
) -> None:
    q = conv(f"Headline\n\n{sentence}\n").quotes[0]
    assert q.speaker_id == speaker
    assert q.is_partial and not q.is_scare


def test_a_person_inside_a_parenthetical_is_not_the_subject() -> None:
    out = conv(
        "Headline\n\nThe report, published as Lavrov arrived in Minsk, warned of a “new arms "
        "race” in Europe.\n"
    )
    assert out.quotes[0].speaker_id is None


def test_as_he_put_it_is_a_cue() -> None:
    out = conv(
        "Headline\n\nPresident Vladimir Putin spoke in Sochi. As he put it, “Nobody wants a war.”\n"
    )
    q = out.quotes[0]
    assert q.speaker_id == "vladimir-putin" and not q.is_partial and q.cue == "put it"


@pytest.mark.parametrize(
    "sentence",
    [
        "The defence ministry said in a note that the radar had been “switched off”.",
        "Diplomats in Geneva have hinted that a deal could come ‘before spring’.",
        "European capitals have long accused Minsk of “hybrid tactics” on the border.",
    ],
)
def test_fragment_reported_by_nobody_named_is_partial_not_scare(sentence: str) -> None:
    q = conv(f"Headline\n\n{sentence}\n").quotes[0]
    assert q.speaker_id is None and q.attribution is Attribution.NONE
    assert q.is_partial and not q.is_scare


@pytest.mark.parametrize(
    "sentence",
    [
        "The so-called “Helsinki spirit” faded long ago.",
        "The “reset” of 2009 did not survive the decade.",
        "Think-tank staff call it the “long freeze” in arms control.",
    ],
)
def test_scare_terms_are_not_partial(sentence: str) -> None:
    q = conv(f"Headline\n\n{sentence}\n").quotes[0]
    assert q.speaker_id is None and q.is_scare and not q.is_partial


def test_headline_quote_takes_the_flags_of_the_same_words_in_the_body() -> None:
    out = conv(
        "‘Reset’ mechanism of the new pact is dead, Moscow says\n\n"
        "The so-called “reset” mechanism was never used.\n"
    )
    head, body = out.quotes
    assert head.in_headline and head.is_scare and not head.is_partial
    assert body.is_scare and not body.is_partial


def test_headline_fragment_echoed_as_a_partial_quote_is_partial() -> None:
    out = conv(
        "'A dangerous illusion': Lavrov doubts the pact\n\n"
        "Sergey Lavrov said the plan was “a dangerous illusion” on Friday.\n"
    )
    head, body = out.quotes
    assert head.in_headline and head.speaker_id == "sergey-lavrov"
    assert head.is_partial and body.is_partial and not head.is_scare


def test_wrap_width_ignores_a_longer_headline() -> None:
    """A headline longer than the wrap width must not make a wrapped line that ends before a
    capitalised word look like the end of a paragraph."""
    body = (
        "Foreign Minister Sergey Lavrov said on Monday that the offer made to\n"
        "Washington in the spring was still on the table, and that it was up to\n"
        "Americans to decide whether the last treaty would survive the winter.\n"
        "\n"
        '"We have explained our view many times, and we are ready to do it for\n'
        'Washington again if they wish," Lavrov told reporters after meeting his\n'
        "Serbian counterpart in Belgrade on Monday afternoon, the ministry said.\n"
    )
    head = "Lavrov says Moscow's offer to Washington on the last arms treaty still stands, for now"
    out = conv(f"{head}\n\n{body}")
    assert len(head) > max(len(line) for line in body.splitlines()) + 8
    assert len(out.article.paragraphs) == 3
    q = out.quotes[0]
    assert q.text.startswith("We have explained") and q.text.endswith("if they wish,")
    assert q.speaker_id == "sergey-lavrov"


def test_pronoun_takes_the_subject_of_the_previous_sentence_over_an_older_cue() -> None:
    out = conv(
        "Headline\n\n“We will not sign this text,” Lavrov told reporters.\n\n"
        "China’s envoy, Zhang Wei, took a softer line. “There is still time,” he said.\n\n"
        "Sergei Ryabkov travelled to Geneva on Monday. “The door is open,” he said there.\n"
    )
    assert [q.speaker_id for q in out.quotes] == ["sergey-lavrov", "zhang-wei", "sergey-ryabkov"]
    assert out.quotes[1].attribution is Attribution.PRONOUN


def test_a_possessive_or_an_object_is_not_a_sentence_subject() -> None:
    out = conv(
        "Headline\n\n“We will not sign this text,” Lavrov told reporters.\n\n"
        "Pompeo’s letter had angered Moscow. “It changes nothing,” he said.\n\n"
        "The talks with Mike Pompeo lasted an hour. “We disagreed,” he said.\n"
    )
    assert [q.speaker_id for q in out.quotes] == ["sergey-lavrov"] * 3


def test_short_lines_in_a_file_of_long_lines_are_not_hard_wrapped() -> None:
    """Long one-line paragraphs and one block of short lines: not a hard-wrapped file, so a
    short line followed by a capitalised one stays its own paragraph."""
    text = (
        "Lavrov says Geneva talks produced a plan\n\n"
        "Sergey Lavrov said on Monday that the talks in Geneva had produced a short plan and that "
        "Moscow saw reasons to continue them in the present format next month.\n\n"
        "Three points were agreed\nMoscow keeps its moratorium\nWashington gets a reply\n"
        "Beijing joins later\n\n"
        "The plan, he said, was “modest but real”, and would be reviewed by both delegations "
        "when they meet again in Vienna, probably in the second half of June.\n\n"
        "Neither side published the text, which diplomats described as a two-page memo with "
        "no binding language and no timetable for the next round of consultations.\n"
    )
    pars = conv(text).article.text.split("\n\n")
    for line in ("Three points were agreed", "Moscow keeps its moratorium", "Beijing joins later"):
        assert line in pars


def test_a_bare_initial_is_part_of_a_name_but_a_and_i_are_not() -> None:
    out = conv(
        "Headline\n\nForeign Secretary V Kumar, who met Lavrov in Delhi, said India wanted "
        "“calm and dialogue”.\n\nA Russian official said the visit was “useful”.\n"
    )
    first, second = out.quotes
    assert first.speaker_id == "v-kumar" and first.speaker == "V Kumar"
    assert second.speaker_id is None
    assert [s.speaker_id for s in out.speakers] == ["v-kumar"]


def test_a_parenthetical_ending_in_a_filler_does_not_make_its_object_the_subject() -> None:
    """'in Delhi,' could be read as words between a subject (Lavrov) and its verb; the comma
    closes a parenthetical whose subject (Kumar) is a person, so Kumar speaks."""
    out = conv(
        "Headline\n\nSergey Lavrov arrived on Monday.\n\nDeputy Minister Anil Kumar, who met "
        "Lavrov in Delhi, said the talks were “frank”.\n"
    )
    assert out.quotes[0].speaker_id == "anil-kumar"


def test_a_name_before_an_interjected_he_said_is_not_the_speaker() -> None:
    out = conv(
        "Headline\n\n“We are ready,” Lavrov said on Friday. Antony Blinken, he added, was "
        "“not serious” about the talks.\n"
    )
    assert [q.speaker_id for q in out.quotes] == ["sergey-lavrov", "sergey-lavrov"]


def test_a_description_of_exactly_one_curated_role_wins_over_wider_roles() -> None:
    out = conv(
        "Headline\n\nThe Russian foreign minister, who spoke after the meeting, said the West "
        "was “obsessed” with sanctions.\n"
    )
    assert out.quotes[0].speaker_id == "sergey-lavrov"
