"""Assemble ``articles.text`` from source spans, and map its offsets back to source bytes."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..models import SourceSegment

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Assembled:
    """The cleaned text and where each verbatim piece of it came from."""

    text: str
    paragraphs: list[Span]  #: spans of paragraphs in ``text``
    pieces: list[tuple[int, int, int]]  #: (text_start, src_start, length), in text order


def assemble(src: str, paragraphs: tuple[tuple[Span, ...], ...]) -> Assembled:
    """Join paragraphs with "\\n\\n" and wrapped lines with one space.

    Every character of the result is copied from ``src`` except those separators; a curated
    title never enters the text (it lives in ``articles.title`` only).
    """
    parts: list[str] = []
    spans: list[Span] = []
    pieces: list[tuple[int, int, int]] = []
    pos = 0
    for para in paragraphs:
        if pos:
            parts.append("\n\n")
            pos += 2
        pstart = pos
        for li, (s, e) in enumerate(para):
            if li:
                parts.append(" ")
                pos += 1
            parts.append(src[s:e])
            pieces.append((pos, s, e - s))
            pos += e - s
        spans.append((pstart, pos))
    return Assembled("".join(parts), spans, pieces)


class ByteMap:
    """Maps offsets of decoded source text to byte offsets of the raw file."""

    def __init__(self, src: str, encoding: str, bom_length: int) -> None:
        self.src = src
        # "utf-8+cp1251" (see decode): UTF-8 whose other bytes are one code point each, kept
        # in ``src`` as surrogate escapes, so counting stays exact
        self.encoding = encoding.split("+", 1)[0]
        self.errors = "surrogateescape" if "+" in encoding else "strict"
        encoding = self.encoding
        self.base = bom_length
        # Fixed-width encodings need no counting; UTF-8 (and UTF-16 with astral characters)
        # use a cumulative table. The legacy encodings of :mod:`.decode` are all single-byte.
        self.width: int | None
        if encoding == "utf-8":
            self.width = 1 if src.isascii() else None
        elif encoding.startswith("utf-16"):
            self.width = None if any(ord(c) > 0xFFFF for c in src) else 2
        elif encoding.startswith("utf-32"):
            self.width = 4
        else:
            self.width = 1
        self._cache: list[int] = [0]
        self._cache_chars: list[int] = [0]

    def byte(self, offset: int) -> int:
        """Byte offset in the file of code point ``offset`` of the decoded text."""
        if self.width is not None:
            return self.base + offset * self.width
        i = bisect_right(self._cache_chars, offset) - 1
        c0, b0 = self._cache_chars[i], self._cache[i]
        b = b0 + len(self.src[c0:offset].encode(self.encoding, self.errors))
        if offset > self._cache_chars[-1]:
            self._cache_chars.append(offset)
            self._cache.append(b)
        return self.base + b

    def segments(self, assembled: Assembled) -> list[SourceSegment]:
        """One verbatim segment per piece, with its byte range."""
        out = []
        for tstart, sstart, length in assembled.pieces:
            out.append(
                SourceSegment(
                    text_start=tstart,
                    text_end=tstart + length,
                    byte_start=self.byte(sstart),
                    byte_end=self.byte(sstart + length),
                )
            )
        return out


class SourceMap:
    """Byte ranges of the verbatim pieces of an assembled text, computed in one pass, and text
    offsets mapped to source bytes (the same figures as :class:`ByteMap`)."""

    def __init__(self, src: str, encoding: str, bom_length: int, assembled: Assembled) -> None:
        self.pieces = assembled.pieces
        self.starts = [p[0] for p in self.pieces]
        self._bytes = ByteMap(src, encoding, bom_length)
        width, base = self._bytes.width, bom_length
        self.ranges: list[tuple[int, int]] = []  #: (byte_start, byte_end) of each piece
        if width is not None:
            self.ranges = [(base + s * width, base + (s + n) * width) for _, s, n in self.pieces]
            return
        b = c = 0  # bytes before source offset c (byte counts of slices add up)
        encoding, errors = self._bytes.encoding, self._bytes.errors
        for _, s, n in self.pieces:
            if s >= c:
                b += len(src[c:s].encode(encoding, errors))
            else:
                b -= len(src[s:c].encode(encoding, errors))
            b_end = b + len(src[s : s + n].encode(encoding, errors))
            self.ranges.append((base + b, base + b_end))
            b, c = b_end, s + n

    def segments(self) -> list[dict[str, int]]:
        """One verbatim segment per piece (fields of :class:`SourceSegment`)."""
        return [
            {"text_start": t, "text_end": t + n, "byte_start": b0, "byte_end": b1}
            for (t, _, n), (b0, b1) in zip(self.pieces, self.ranges, strict=True)
        ]

    def byte(self, offset: int, *, end: bool) -> int | None:
        """Source byte of a text offset (a start, or an exclusive end); None outside pieces."""
        src_offset = text_to_source(self.pieces, offset, end=end, starts=self.starts)
        if src_offset is None:
            return None
        return self._bytes.byte(src_offset)


def text_to_source(
    pieces: list[tuple[int, int, int]],
    offset: int,
    *,
    end: bool,
    starts: list[int] | None = None,
) -> int | None:
    """Source character offset of a text offset (a start, or an exclusive end).

    ``starts`` (the text starts of ``pieces``) may be passed when mapping many offsets.
    """
    if starts is None:
        starts = [p[0] for p in pieces]
    i = bisect_right(starts, offset - 1 if end else offset) - 1
    if i < 0:
        return None
    tstart, sstart, length = pieces[i]
    rel = offset - tstart
    if rel < 0 or rel > length:
        return None
    return sstart + rel
