"""Property tests: model -> Parquet -> read -> model gives back equal records."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lavrov_corpus.models import (
    Attribution,
    DatePrecision,
    Method,
    Quote,
    Speaker,
    Treaty,
    TreatyEvent,
    TreatyKind,
    TreatyStatus,
)
from lavrov_corpus.parquet_io import read_arrow, write_records

slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
texts = st.text(min_size=1, max_size=40)
hexes = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
urls = st.from_regex(r"https://[a-z]{1,10}\.org/[a-z0-9]{0,10}", fullmatch=True)


@st.composite
def quotes(draw: st.DrawFn) -> Quote:
    article_id = "a" + draw(hexes)[:16]
    text = draw(texts)
    start = draw(st.integers(0, 10_000))
    speaker = draw(st.none() | texts)
    return Quote(
        quote_id=f"{article_id}-q{draw(st.integers(1, 5000)):03d}",
        article_id=article_id,
        text=text,
        start=start,
        end=start + len(text),
        speaker=speaker,
        speaker_id=None if speaker is None else draw(slugs),
        speaker_mention=draw(st.none() | texts),
        attribution=draw(st.sampled_from(Attribution)),
        cue=draw(st.none() | texts),
        is_partial=draw(st.booleans()),
        in_headline=draw(st.booleans()),
        is_scare=draw(st.booleans()),
        is_closed=draw(st.booleans()),
        paragraph=draw(st.integers(0, 100)),
        treaty_ids=sorted(set(draw(st.lists(slugs, max_size=3)))),
        method=draw(st.sampled_from(Method)),
        source_sha256=draw(hexes),
        source_byte_start=start,
        source_byte_end=start + 4 * len(text),
    )


@st.composite
def treaties(draw: st.DrawFn) -> Treaty:
    events = [
        TreatyEvent(
            date=d,
            precision=draw(st.sampled_from(DatePrecision)),
            event=draw(texts),
            source=draw(urls),
        )
        for d in sorted(draw(st.lists(dates, max_size=3)))
    ]
    return Treaty(
        treaty_id=draw(slugs),
        name=draw(texts),
        short_name=draw(texts),
        aliases=draw(st.lists(texts, max_size=3)),
        kind=draw(st.sampled_from(TreatyKind)),
        parties=draw(st.lists(texts, max_size=3)),
        signed=draw(st.none() | dates),
        signed_place=draw(st.none() | texts),
        in_force=draw(st.none() | dates),
        status=draw(st.sampled_from(TreatyStatus)),
        status_date=draw(dates),
        events=events,
        sources=draw(st.lists(urls, min_size=1, max_size=2)),
        wikidata_id=draw(st.none() | st.from_regex(r"Q[1-9][0-9]{0,6}", fullmatch=True)),
    )


def _round_trip(table: str, records: list[object]) -> list[object]:
    from lavrov_corpus.models import TABLES

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{table}.parquet"
        write_records(path, table, records)  # type: ignore[arg-type]
        rows = read_arrow(path).to_pylist()
    return [TABLES[table].model_validate(row) for row in rows]


@settings(max_examples=40, deadline=None)
@given(st.lists(quotes(), max_size=5))
def test_quotes_round_trip(records: list[Quote]) -> None:
    assert _round_trip("quotes", records) == records


@settings(max_examples=40, deadline=None)
@given(st.lists(treaties(), max_size=4))
def test_treaties_round_trip(records: list[Treaty]) -> None:
    assert _round_trip("treaties", records) == records


@settings(max_examples=20, deadline=None)
@given(
    st.lists(
        st.builds(
            Speaker,
            speaker_id=slugs,
            name=texts,
            variants=st.lists(texts, max_size=3),
            roles=st.lists(texts, max_size=2),
            wikidata_id=st.none(),
            method=st.sampled_from(Method),
        ),
        max_size=5,
    )
)
def test_speakers_round_trip(records: list[Speaker]) -> None:
    assert _round_trip("speakers", records) == records
