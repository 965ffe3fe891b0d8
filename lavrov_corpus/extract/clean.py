"""Decoded page text -> headline and body paragraphs, as spans of the decoded source.

Normalization rules of ``articles.text`` (reversible through ``articles.source_map``):

1. The source is decoded (see :mod:`.decode`); a byte-order mark is dropped.
2. It is split into lines at CRLF, CR or LF. Each line is trimmed of leading and trailing
   whitespace (Unicode whitespace, including no-break spaces). Nothing else inside a line is
   changed: quote marks, dashes, no-break spaces and spelling are kept verbatim.
3. Lines that are site furniture are dropped: navigation and accessibility links ("Skip to
   content", "All news", "Breaking News"), image markers ("![]() |", "• 16x9 Image", lines that
   are scraped table cells ending in "|"), photo credits ("© Name/TASS", "Photo: TASS"), captions
   (a line repeated verbatim nearby, or a short line directly next to a photo credit),
   "Advertisement" markers, language switches ("Leer en Español"), newsletter prompts, footers
   and disclaimers, and everything from a footer start ("With reporting by ...", "© 2019 ...",
   "Tags:") to the end of the file. Between the headline and the first paragraph, bylines,
   date lines and short tag lines (at most four words, no sentence punctuation) are dropped too.
4. The first remaining line is the headline, unless it starts with a dateline or is longer
   than 300 characters (then there is no headline).
5. Paragraphs: a blank line, or a dropped line, always ends a paragraph. Two adjacent lines are
   joined into one paragraph, with one space, when the second starts with a lower-case letter
   or when the file is hard-wrapped (short lines of near-constant width, many of them not
   ending a sentence) and the first word of the second line would not have fitted on the first.
   The width is that of the longest line followed by another line of its block (a longer
   headline or one-line paragraph does not count).
   Otherwise each line is its own paragraph (files with one paragraph per line).
6. ``text`` = headline, then the body paragraphs, separated by "\\n\\n". The separators and the
   joining spaces are the only characters not copied from the source.
7. A dateline ("MOSCOW, September 5. /TASS/.", "MOSCOW, Russia –", "(Baonghean.vn) -") at the
   start of one of the first body paragraphs stays in the text and is also recorded. The
   standfirst is the first body paragraph when the dateline opens the next one, or when it has
   eight or more words and no final punctuation; it stays in the text as a paragraph too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import pairwise

from . import furniture as fu

Span = tuple[int, int]

_BREAK = re.compile(r"\r\n|\r|\n")
_TERMINAL = re.compile(r"[.!?:;\"”»’')\]…]$")
_WORD = re.compile(r"\S+")
_MONTHS = {
    m[:3].lower(): i + 1
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    )
}
_MONTH_RE = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PLACE = r"(?P<place>[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3})"
_DATELINES = (
    re.compile(
        _PLACE
        + r"(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})?,?\s+"
        + _MONTH_RE
        + r"\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?\s*[.,]?\s*"
        r"(?:/\s*(?P<agency>[A-Za-z][\w .-]{1,30}?)\s*/\s*\.?|\((?P<agency2>[^)\n]{2,30})\)"
        r"\s*[-–—.]?|[-–—])?(?=\s)"
    ),
    re.compile(
        _PLACE + r"(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})?\s*(?:\((?P<agency>[^)\n]{2,30})\))?"
        r"\s*[-–—]+(?=\s)"
    ),
    re.compile(r"\((?P<agency>[^)\s][^)\n]{1,30})\)\s*[-–—]+(?=\s)"),
)
_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|date)\s*:?\s*)?(?:\w+day,?\s+)?(?:"
    + _MONTH_RE
    + r"\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})|(?P<d2>\d{1,2})\s+"
    + _MONTH_RE.replace("month", "month2")
    + r",?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})|(?P<d4>\d{2})\.(?P<m4>\d{2})\.(?P<y4>\d{4}))"
    r"(?:[,\s]+\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Layout:
    """What the cleaner found, in offsets of the decoded source text."""

    paragraphs: tuple[tuple[Span, ...], ...]  #: each paragraph = source spans joined by a space
    has_title: bool  #: paragraph 0 is the headline
    standfirst: int | None  #: index of the standfirst paragraph
    dateline_paragraph: int | None
    dateline_length: int  #: characters of the dateline at the start of that paragraph
    dateline_place: str | None
    outlet: str | None
    published: dt.date | None  #: from a date line under the headline or a dateline with a year


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    keep: bool = True


def layout(src: str) -> Layout:
    """Find headline, paragraphs, standfirst, dateline and outlet in decoded source text."""
    lines = _split_lines(src)
    outlet = _drop_furniture(lines)
    content = [ln for ln in lines if ln.keep and ln.text]
    published = _drop_header_lines(content)
    paragraphs = _paragraphs(lines)
    if not paragraphs:
        return Layout((), False, None, None, 0, None, outlet, published)
    first = src[paragraphs[0][0][0] : paragraphs[0][0][1]]
    has_title = len(first) <= 300 and not any(p.match(first) for p in _DATELINES)
    body0 = 1 if has_title else 0
    dl_par, dl_len, place = None, 0, None
    for i in range(body0, min(body0 + 3, len(paragraphs))):
        s, e = paragraphs[i][0]
        for pat in _DATELINES:
            m = pat.match(src, s, e)
            if m:
                dl_par, dl_len = i, m.end() - s
                place = m.groupdict().get("place")
                agency = m.groupdict().get("agency") or m.groupdict().get("agency2")
                outlet = agency.strip() if agency else outlet
                year = m.groupdict().get("year")
                if year and published is None:
                    published = _date(year, m.group("month"), m.group("day"))
                break
        if dl_par is not None:
            break
    standfirst = None
    if has_title and len(paragraphs) > 2:
        text1 = " ".join(src[s:e] for s, e in paragraphs[1])
        if dl_par == 2 or (len(_WORD.findall(text1)) >= 8 and not _TERMINAL.search(text1)):
            standfirst = 1
    return Layout(
        tuple(paragraphs), has_title, standfirst, dl_par, dl_len, place, outlet, published
    )


def _split_lines(src: str) -> list[_Line]:
    """The lines between CRLF, CR or LF breaks, each trimmed (offsets into ``src``)."""
    out: list[_Line] = []
    pos = 0
    if "\r" in src:
        parts = _BREAK.split(src)
        seps = [len(b) for b in _BREAK.findall(src)]
    else:
        parts = src.split("\n")
        seps = [1] * (len(parts) - 1)
    seps.append(0)
    for raw, sep in zip(parts, seps, strict=True):
        stripped = raw.strip()
        if stripped:
            s = pos + len(raw) - len(raw.lstrip())
            out.append(_Line(s, s + len(stripped), stripped))
        else:
            out.append(_Line(pos, pos + len(raw), ""))
        pos += len(raw) + sep
    return out


def _drop_furniture(lines: list[_Line]) -> str | None:
    """Mark furniture lines ``keep=False``; return an outlet named by a footer, if any."""
    outlet = None
    content = [ln for ln in lines if ln.text]
    n = len(content)
    seen_body = 0
    for i, ln in enumerate(content):
        t = ln.text
        if seen_body >= 2 and i >= n // 2 and fu.starts_footer(t):
            for rest in content[i:]:
                rest.keep = False
                outlet = outlet or fu.outlet_in_furniture(rest.text)
            break
        if fu.is_nav(t) or fu.is_image_marker(t) or fu.is_credit(t) or fu.is_prompt_or_footer(t):
            ln.keep = False
            outlet = outlet or fu.outlet_in_furniture(t)
        elif len(t) > 80:
            seen_body += 1
    # Captions: a line repeated nearby (all copies), or a short line next to a credit line.
    for i, ln in enumerate(content):
        if not ln.keep or len(ln.text) <= 3:
            continue
        dupes = [c for c in content[i + 1 : i + 4] if c.text == ln.text]
        for c in dupes:
            c.keep = False
        if dupes and any(c.keep for c in content[:i]):
            ln.keep = False  # a repeated caption; a repeated headline keeps its first copy
    for i, ln in enumerate(lines):
        if ln.text and not ln.keep and fu.is_credit(ln.text):
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and _caption_like(lines[j].text):
                    lines[j].keep = False
    return outlet


def _caption_like(text: str) -> bool:
    return (
        bool(text)
        and len(text) <= 100
        and len(_WORD.findall(text)) <= 12
        and not (text.endswith((".", "!", "?", ":")))
    )


def _drop_header_lines(content: list[_Line]) -> dt.date | None:
    """Drop bylines, date lines and tag lines between the headline and the first paragraph."""
    kept = [ln for ln in content if ln.keep]
    published = None
    for ln in kept[1:6]:
        words = len(_WORD.findall(ln.text))
        if words >= 8 or any(ch in ln.text for ch in '"“”«»'):
            break
        m = _DATE_LINE.match(ln.text)
        if m:
            published = published or _date_from_match(m)
            ln.keep = False
        elif fu.is_byline(ln.text) or (words <= 4 and not _TERMINAL.search(ln.text)):
            ln.keep = False
    return published


def _paragraphs(lines: list[_Line]) -> list[tuple[Span, ...]]:
    blocks: list[list[_Line]] = [[]]
    for ln in lines:
        if ln.keep and ln.text:
            blocks[-1].append(ln)
        elif blocks[-1]:
            blocks.append([])
    texts = [ln for b in blocks for ln in b]
    pairs = [(a, b) for blk in blocks for a, b in pairwise(blk)]
    # The wrap width is measured on lines followed by another line of their block: a headline,
    # a byline or a one-line paragraph longer than the wrapped text must not widen it (then
    # lines ending a little short of it would end paragraphs).
    width = max((len(a.text) for a, _ in pairs), default=0)
    wrapped = (
        width <= 120
        and len(pairs) >= 3
        and sum(len(ln.text) >= 0.85 * width for ln in texts) >= 3
        and sum(not _TERMINAL.search(a.text) for a, _ in pairs) >= 0.3 * len(pairs)
    )
    out: list[tuple[Span, ...]] = []
    for blk in blocks:
        if not blk:
            continue
        cur = [(blk[0].start, blk[0].end)]
        for prev, ln in pairwise(blk):
            first_word = ln.text.split(None, 1)[0]
            join = (ln.text[0].islower() and not _TERMINAL.search(prev.text)) or (
                wrapped and len(prev.text) + 1 + len(first_word) > width - 2
            )
            if join:
                cur.append((ln.start, ln.end))
            else:
                out.append(tuple(cur))
                cur = [(ln.start, ln.end)]
        out.append(tuple(cur))
    return out


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), _MONTHS[month[:3].lower()], int(day))
    except (KeyError, ValueError):
        return None


def _date_from_match(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    if g.get("y1"):
        return _date(g["y1"], g["month"], g["d1"])
    if g.get("y2"):
        return _date(g["y2"], g["month2"], g["d2"])
    y, mo, d = (
        (g.get("y3"), g.get("m3"), g.get("d3"))
        if g.get("y3")
        else (g.get("y4"), g.get("m4"), g.get("d4"))
    )
    try:
        return dt.date(int(y or 0), int(mo or 0), int(d or 0))
    except ValueError:
        return None
