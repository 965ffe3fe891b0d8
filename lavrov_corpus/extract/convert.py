"""Raw bytes -> one article, its quotes and their speakers (or a rejection). Never raises."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import filterfalse
from typing import TypeVar

from pydantic import TypeAdapter

from ..models import (
    Article,
    Attribution,
    FieldOrigins,
    Method,
    Quote,
    RejectReason,
    Speaker,
)
from ..models.sidecar import CuratedMetadata
from .attribution import Attributor
from .clean import layout
from .decode import DecodeFailure, decode
from .quotes import find_quotes
from .sourcemap import SourceMap, assemble
from .speakers import reference
from .treaties import tag_treaties


@dataclass(frozen=True, slots=True)
class Conversion:
    """A converted article with its quotes and every speaker they reference."""

    article: Article
    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]
    encoding: str
    encoding_confidence: float
    text_sha256: str  #: sha256 of ``article.text`` (UTF-8), for duplicate detection


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a file produced no article."""

    reason: RejectReason
    detail: str
    encoding: str | None
    encoding_confidence: float | None


_W = TypeVar("_W", str, bytes)
_WORDS = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile("[а-яё]")
_STOPWORDS = {
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "that",
            "is",
            "was",
            "for",
            "on",
            "with",
            "as",
            "by",
            "it",
            "said",
            "at",
            "from",
            "has",
            "have",
            "be",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "de",
            "que",
            "y",
            "en",
            "los",
            "las",
            "del",
            "por",
            "con",
            "para",
            "una",
            "es",
            "se",
            "al",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "de",
            "des",
            "et",
            "en",
            "que",
            "du",
            "un",
            "une",
            "est",
            "pour",
            "dans",
            "qui",
            "au",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "in",
            "den",
            "von",
            "zu",
            "mit",
            "ist",
            "nicht",
            "des",
            "dem",
            "auf",
            "für",
        ]
    ),
}


def guess_language(text: str) -> str | None:
    """A cheap guess: 'ru' for mostly Cyrillic text, else the stopword list covering ≥ 15% of
    the words (at least 20 words) and twice as many as any other; None when unsure."""
    fast = _ascii_words(text[:2000])
    if fast is not None:
        n_words, hits = fast
        if n_words < 20:
            return None
        return _best_language(Counter(hits), n_words, _STOPWORDS_BYTES)
    sample = text[:2000].lower()
    words = _words(sample)
    if len(words) < 20:
        return None
    counts = Counter(words)
    if _CYRILLIC.search(sample):
        cyr = sum(n for w, n in counts.items() if "а" <= w[0] <= "я" or w[0] == "ё")
        if cyr > 0.6 * len(words):
            return "ru"
    return _best_language(counts, len(words), _STOPWORDS)


def _best_language(
    counts: Counter[_W], n_words: int, stopwords: dict[str, frozenset[_W]]
) -> str | None:
    scores = sorted(
        ((sum(counts[w] for w in sw if w in counts), lang) for lang, sw in stopwords.items()),
        reverse=True,
    )
    (best, lang), (second, _) = scores[0], scores[1]
    return lang if best >= 0.15 * n_words and best >= 2 * second else None


_STOPWORDS_BYTES = {lang: frozenset(w.encode() for w in sw) for lang, sw in _STOPWORDS.items()}
_ANY_STOPWORD = frozenset().union(*_STOPWORDS_BYTES.values())
# A non-ASCII character that _WORDS counts as a letter: [^\W\d_] outside ASCII.
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")
_ASCII_BYTES = bytes(range(0x80))
# ASCII bytes: letters stay, lower-cased; everything else becomes a space (a word break).
_LETTERS_ONLY = bytes(
    ord(chr(c).lower()) if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256)
)


def _ascii_words(sample: str) -> tuple[int, list[bytes]] | None:
    """(number of words, the stopwords among them) of ``sample.lower()`` when the sample's
    letters are all ASCII, the same words as :func:`_words`: str methods in C instead of a
    regex. Its other characters only ever break words, lower-cased too (no character that is
    not a letter lower-cases to a letter or to ASCII: tested over Unicode). None when a
    non-ASCII letter is present."""
    if not sample.isascii():
        # Only the non-ASCII characters need the regex: drop the ASCII bytes of the UTF-8 form
        # (a multi-byte character has none) in C and search what is left.
        rest = sample.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
        if _NON_ASCII_LETTER.search(rest.decode("utf-8", "surrogatepass")):
            return None
    words = sample.encode("ascii", "replace").translate(_LETTERS_ONLY).split()
    return len(words), [w for w in words if w in _ANY_STOPWORD]


def _words(sample: str) -> list[str]:
    """``_WORDS.findall(sample)`` as a multiset (order differs): white space never belongs to a
    word, so an all-letter token of ``str.split`` is one word; only the rest needs the regex."""
    tokens = sample.split()
    words = list(filter(str.isalpha, tokens))
    if len(words) < len(tokens):
        words += _WORDS.findall(" ".join(filterfalse(str.isalpha, tokens)))
    return words


def convert_bytes(
    data: bytes, *, source_path: str, metadata: CuratedMetadata | None = None
) -> Conversion | Rejection:
    """Convert one raw file; content problems come back as a :class:`Rejection`."""
    try:
        return _convert(data, source_path, metadata)
    except Exception as exc:
        return Rejection(
            RejectReason.CONVERTER_ERROR,
            f"The converter failed on this file ({type(exc).__name__}: {exc}); please report it.",
            None,
            None,
        )


def _convert(data: bytes, source_path: str, meta: CuratedMetadata | None) -> Conversion | Rejection:
    decoded = decode(data)
    if isinstance(decoded, DecodeFailure):
        return Rejection(decoded.reason, decoded.detail, decoded.encoding, decoded.confidence)
    enc, conf = decoded.encoding, decoded.confidence
    src = decoded.text
    if not src.strip():
        return Rejection(RejectReason.WHITESPACE_ONLY, "The file holds only whitespace.", enc, conf)
    lay = layout(src)
    body_pars = len(lay.paragraphs) - (1 if lay.has_title else 0)
    if body_pars < 1:
        return Rejection(
            RejectReason.NO_ARTICLE_TEXT,
            "Nothing is left after removing site furniture (navigation, captions, footers): "
            "there is no article body.",
            enc,
            conf,
        )
    curated_title = meta.title if meta and meta.title else None
    asm = assemble(src, lay.paragraphs)
    has_title = lay.has_title  # a printed headline; a curated title never enters the text
    text = asm.text
    sha = hashlib.sha256(data).hexdigest()
    article_id = "a" + sha[:16]
    smap = SourceMap(decoded.byte_text or src, enc, decoded.bom_length, asm)
    segments = smap.segments()

    title_span = asm.paragraphs[0] if has_title else None
    body_start = asm.paragraphs[1][0] if has_title else asm.paragraphs[0][0]
    dateline = None
    dl_span = None
    if lay.dateline_paragraph is not None:
        ds = asm.paragraphs[lay.dateline_paragraph][0]
        dl_span = (ds, ds + lay.dateline_length)
        dateline = text[dl_span[0] : dl_span[1]]
    standfirst = None
    if lay.standfirst is not None:
        s, e = asm.paragraphs[lay.standfirst]
        standfirst = text[s:e]

    published = lay.published
    mentions = tag_treaties(text, published)
    raw = find_quotes(text, asm.paragraphs)
    attrs = (
        Attributor(
            text,
            asm.paragraphs,
            has_title,
            raw,
            dl_span,
            lay.standfirst,
            meta.published.date if meta and meta.published else published,
        ).run()
        if raw
        else []
    )

    ref = reference()
    extracted_names: dict[str, str] = {}
    rows: list[dict[str, object]] = []
    m_starts = [m.start for m in mentions]
    m_ends = [m.end for m in mentions]
    for n, (q, a) in enumerate(zip(raw, attrs, strict=True), start=1):
        who = a.who
        if who is not None and who.speaker_id is not None and who.speaker_id not in ref.by_id:
            extracted_names.setdefault(who.speaker_id, who.name or who.mention)
        # mentions are in order and do not overlap: their ends are in order too
        inside = mentions[bisect_right(m_ends, q.start) : bisect_left(m_starts, q.end)]
        qt = sorted({m.treaty_id for m in inside})
        b0 = smap.byte(q.start, end=False)
        if b0 is None:
            b0 = 0
        b1 = smap.byte(q.end, end=True)
        if b1 is None:
            b1 = b0
        rows.append(
            dict(
                quote_id=f"{article_id}-q{n:03d}",
                article_id=article_id,
                text=text[q.start : q.end],
                start=q.start,
                end=q.end,
                speaker=who.name if who else None,
                speaker_id=who.speaker_id if who else None,
                speaker_mention=(who.mention or None) if who else None,
                attribution=who.kind if who else _NONE,
                cue=a.cue,
                is_partial=a.is_partial,
                in_headline=a.in_headline,
                is_scare=a.is_scare,
                is_closed=q.closed,
                paragraph=q.paragraph,
                treaty_ids=qt,
                method=Method.EXTRACTED,
                source_sha256=sha,
                source_byte_start=b0,
                source_byte_end=max(b0, b1),
            )
        )
    quotes = _QUOTES.validate_python(rows)  # one call validates them all (as Quote(**row))
    speakers = _speakers(quotes, extracted_names)

    m = meta
    headline = text[title_span[0] : title_span[1]] if title_span else None
    title = curated_title or headline
    outlet = m.outlet if m and m.outlet else lay.outlet
    url = m.url if m else None
    pub_date: dt.date | None = published
    precision = lay.published_precision if published else None
    if m and m.published:
        pub_date, precision = m.published.date, m.published.precision
    language = m.language if m and m.language else guess_language(text)
    origins = FieldOrigins(
        title=_origin(title, curated_title is not None),
        outlet=_origin(outlet, bool(m and m.outlet)),
        url=_origin(url, True),
        published=_origin(pub_date, bool(m and m.published)),
        language=_origin(language, bool(m and m.language)),
    )
    rights = (m.rights if m and m.rights else None) or (
        f"The article text is © its publisher ({outlet}); included for research and quotation."
        if outlet
        else "The article text is © its publisher; included for research and quotation."
    )
    # Nested records go in as plain values: pydantic validates them inside one call.
    fields = dict(
        article_id=article_id,
        title=title,
        title_start=title_span[0] if title_span else None,
        title_end=title_span[1] if title_span else None,
        standfirst=standfirst,
        outlet=outlet,
        url=url,
        published=pub_date,
        published_precision=precision,
        dateline=dateline,
        dateline_place=lay.dateline_place,
        language=language,
        text=text,
        body_start=body_start,
        paragraphs=[{"start": s, "end": e} for s, e in asm.paragraphs],
        treaty_ids=sorted({mm.treaty_id for mm in mentions}),
        mentions=list(mentions),
        rights=rights,
        notes=m.notes if m else None,
        origins=origins,
        method=Method.EXTRACTED,
        source_path=source_path,
        source_sha256=sha,
        source_encoding=enc,
        source_byte_start=segments[0]["byte_start"] if segments else 0,
        source_byte_end=segments[-1]["byte_end"] if segments else 0,
        source_map=segments,
    )
    article = Article.model_validate(fields)
    text_sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Conversion(article, tuple(quotes), speakers, enc, conf, text_sha)


_NONE = Attribution.NONE
_QUOTES = TypeAdapter(list[Quote])


def _origin(value: object, curated: bool) -> Method | None:
    if value is None:
        return None
    return Method.CURATED if curated else Method.EXTRACTED


def _speakers(quotes: list[Quote], extracted: dict[str, str]) -> tuple[Speaker, ...]:
    ref = reference()
    out: dict[str, Speaker] = {}
    for q in quotes:
        sid = q.speaker_id
        if sid is None or sid in out:
            continue
        if sid in ref.by_id:
            out[sid] = ref.by_id[sid].speaker
        else:
            out[sid] = Speaker(
                speaker_id=sid,
                name=extracted.get(sid, q.speaker or sid),
                variants=[],
                roles=[],
                wikidata_id=None,
                method=Method.EXTRACTED,
            )
    return tuple(out[k] for k in sorted(out))
