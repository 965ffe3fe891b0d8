"""Property tests: no input makes the converter raise or break an offset invariant."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lavrov_corpus.extract import Conversion, Rejection, convert_bytes
from lavrov_corpus.extract.decode import decode_span
from lavrov_corpus.models import Article, Method, Quote, RejectReason, Speaker
from lavrov_corpus.models.sidecar import CuratedMetadata


def check(conv: Conversion | Rejection, data: bytes) -> None:
    """Every span and source segment of a conversion is exact; records validate."""
    if isinstance(conv, Rejection):
        assert isinstance(conv.reason, RejectReason)
        assert conv.reason is not RejectReason.CONVERTER_ERROR, conv.detail
        assert conv.detail
        return
    a = conv.article
    Article.model_validate(a.model_dump())
    text = a.text
    assert a.text.strip()
    for seg in a.source_map:
        assert text[seg.text_start : seg.text_end] == data[seg.byte_start : seg.byte_end].decode(
            conv.encoding
        )
    inside = [False] * len(text)
    for seg in a.source_map:
        inside[seg.text_start : seg.text_end] = [True] * (seg.text_end - seg.text_start)
    synthetic = {text[i] for i, ok in enumerate(inside) if not ok}
    assert synthetic <= {" ", "\n"}, synthetic
    if a.title_start is not None:
        assert a.title_end is not None
        assert (a.title_start, a.title_end) == (a.paragraphs[0].start, a.paragraphs[0].end)
    if a.origins.title is Method.EXTRACTED:
        assert text[a.title_start : a.title_end] == a.title
    for p in a.paragraphs:
        assert 0 <= p.start < p.end <= len(text)
        assert text[p.start : p.end] == text[p.start : p.end].strip()
    for m in a.mentions:
        assert text[m.start : m.end] == m.text
    ids = {s.speaker_id for s in conv.speakers}
    for n, q in enumerate(conv.quotes, start=1):
        Quote.model_validate(q.model_dump())
        assert text[q.start : q.end] == q.text
        assert q.quote_id.endswith(f"-q{n:03d}")
        assert q.speaker_id is None or q.speaker_id in ids
        assert a.paragraphs[q.paragraph].start <= q.start < a.paragraphs[q.paragraph].end
        src = decode_span(data[q.source_byte_start : q.source_byte_end], conv.encoding)
        assert " ".join(src.split()) == " ".join(q.text.split())
    for s in conv.speakers:
        Speaker.model_validate(s.model_dump())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes(data: bytes) -> None:
    check(convert_bytes(data, source_path="x.txt"), data)


_WORDS = st.sampled_from(
    [
        "Lavrov",
        "said",
        "he",
        "the minister",
        "Putin",
        "Russia’s",
        "That's",
        "treaty",
        "New START",
        "noted",
        "“",
        "”",
        '"',
        "'",
        "‘",
        "’",
        "«",
        "»",
        ",",
        ".",
        ":",
        " - ",
        "—",
        "\n",
        "\n\n",
        "\r\n",
        "\u00a0",
        "Sergei Riabkov",
        "told",
        "According to him,",
        "MOSCOW, May 1. /TASS/.",
        "© Photo/TASS",
        "Advertisement",
        "stressed",
        "so-called",
        "é",
        "Москва",
        "\t",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_WORDS, min_size=1, max_size=80).map(" ".join),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "cp1251"]),
)
def test_article_like_texts(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    check(convert_bytes(data, source_path="x.txt"), data)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, min_size=1, max_size=60).map(" ".join), st.text(min_size=1, max_size=40))
def test_curated_title_keeps_source_text(text: str, title: str) -> None:
    data = text.encode("utf-8")
    meta = CuratedMetadata(file="x.txt", title=title) if title.strip() else None
    conv = convert_bytes(data, source_path="x.txt", metadata=meta)
    check(conv, data)
    plain = convert_bytes(data, source_path="x.txt")
    if isinstance(conv, Conversion) and isinstance(plain, Conversion):
        assert conv.article.text == plain.article.text and conv.quotes == plain.quotes
        if meta is not None:
            assert conv.article.title == meta.title
            assert conv.article.origins.title is Method.CURATED


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=1500))
def test_any_text_utf8(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    check(convert_bytes(data, source_path="x.txt"), data)
