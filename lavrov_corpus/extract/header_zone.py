"""The header zone (rule 4 of :mod:`.clean`): where the body starts, the headline chosen above it
(:mod:`.headline`), and the bylines, date lines, tag lines and captions dropped under it.
"""

from __future__ import annotations

from . import furniture as fu
from .datelines import dateline
from .dates import ambiguous_date_line, date_line
from .headline import (
    BULLET,
    POST_TIME,
    headline_score,
    is_header_mark,
    pick_headline,
    printed_twice,
)
from .page_evidence import PageEvidence, note_header_line
from .page_lines import PROSE_END, TERMINAL, Line


def is_prose(t: str) -> bool:
    """A body line: a dateline start, 25+ words, or 12+ words ending a sentence. A header
    date line that opens like a dateline ("KYODO NEWS - Feb 5, 2026 - 22:41 | World") is not."""
    words = len(t.split())
    return (
        words >= 25
        or (words >= 12 and PROSE_END.search(t) is not None)
        or (
            (m := dateline(t)) is not None
            and date_line(t[m.end() :]) is None
            and ambiguous_date_line(t[m.end() :]) is None
        )
    )


def body_start(kept: list[Line], lines: list[Line]) -> int:
    """Index of the first body line: prose (see :func:`is_prose`) or the first line of a
    hard-wrapped paragraph (8+ words, no final punctuation, the next line going on in lower
    case or of about the same length with 8+ words, the run of lines ending in sentence
    punctuation), that is no byline
    and has no byline or date line in the two lines under it (a standfirst written as a
    sentence above "By ..." / a date belongs to the header). A line with no final punctuation
    right under a byline or date line, or standing alone (a blank line under it, no dateline),
    is a long headline unless it has 40+ words or opens such a wrapped paragraph."""
    for i, ln in enumerate(kept):
        t = ln.text
        prose = is_prose(t)
        wrapped = False  # first line of a paragraph wrapped over lines of about one length
        if not prose and len(t.split()) >= 8 and ln.idx + 1 < len(lines):
            nxt = lines[ln.idx + 1].text
            wrapped = (
                len(nxt.split()) >= 8
                and not TERMINAL.search(t)
                and abs(len(t) - len(nxt)) <= 0.2 * max(len(t), len(nxt))
                and not is_header_mark(nxt)
                and _block_ends_sentence(lines, ln.idx)
            )
            prose = (nxt[:1].islower() and not fu.is_byline(nxt)) or wrapped
        if (
            prose
            and not wrapped  # a paragraph under the date line is no long headline
            and not TERMINAL.search(t)
            and (
                (i > 0 and is_header_mark(kept[i - 1].text))
                # a long title standing alone ("Foreign Minister Sergey Lavrov's remarks and
                # answers to media questions at a news conference ..., Moscow, May 5, 2025")
                or (
                    (ln.idx + 1 >= len(lines) or not lines[ln.idx + 1].text) and dateline(t) is None
                )
            )
        ):
            prose = len(t.split()) > 40  # a long headline under its date ("... 2019")
        # a live page's first post (its time printed right above, or above its heading) starts
        # the body even with the post's byline under it
        above = [o.text for o in lines[max(0, ln.idx - 6) : ln.idx] if o.text][-3:]
        post = any(POST_TIME.fullmatch(a) for a in above)
        if (
            prose
            and not fu.is_byline(t)
            and (post or not any(is_header_mark(o.text) for o in kept[i + 1 : i + 3]))
        ):
            return i
    return len(kept)


def _block_ends_sentence(lines: list[Line], i: int) -> bool:
    """The run of non-blank lines from ``lines[i]`` ends in sentence punctuation: a paragraph
    wrapped over lines of about one length does, a headline over its unpunctuated standfirst
    does not."""
    while i + 1 < len(lines) and lines[i + 1].text:
        i += 1
    return TERMINAL.search(lines[i].text) is not None


def drop_header_lines(content: list[Line], lines: list[Line], found: PageEvidence) -> None:
    """Choose the headline among the lines above the body and drop the header furniture:
    lines above the headline, bylines, date lines, tag lines and captions under it."""
    kept = [ln for ln in content if ln.keep]
    if not kept:
        return
    zone = kept[: body_start(kept, lines)]
    marks = [note_header_line(ln, found) for ln in zone]
    head = 0
    if zone:
        twice = printed_twice(zone)
        head = pick_headline(
            zone,
            [headline_score(i, zone, marks, lines, twice) for i in range(len(zone))],
            lines,
        )
        for ln in zone[:head]:
            ln.keep = False
        for ln in zone[head + 1 :]:
            if ln.text == zone[head].text:
                ln.keep = False
    long_seen = 0
    rest = kept[head + 1 : head + 14]
    for k, ln in enumerate(rest):
        t = ln.text
        pos = head + 1 + k
        if dateline(t) is not None and is_prose(t):
            break  # (a header date line may open like a dateline: "KYODO NEWS - Feb 5, 2026")
        words = len(t.split())
        is_mark = marks[pos] if pos < len(marks) else note_header_line(ln, found)
        if is_mark:
            ln.keep = False
            continue
        if BULLET.match(t) and words <= 30:
            continue  # a "key points" list under the headline: kept, but not the body yet
        if words >= 8 or any(ch in t for ch in '"“”«»'):
            nxt = lines[ln.idx + 1] if ln.idx + 1 < len(lines) else None
            if nxt is not None and not nxt.keep and _pure_credit(nxt.text) and words <= 40:
                ln.keep = False  # a caption written above its credit
                continue
            long_seen += 1
            if long_seen >= 2:
                break
            continue
        short_tag = (
            words <= 4 and not TERMINAL.search(t) and not t.endswith(",") and not fu.is_signature(t)
        )
        near_mark = any(is_header_mark(o.text) for o in rest[k + 1 : k + 3])
        if short_tag and (long_seen == 0 or near_mark):
            ln.keep = False


def _pure_credit(t: str) -> bool:
    """A credit line with nothing else ("Alexander Zemlianichenko/AP", "Getty Images")."""
    return len(t.split()) <= 5 and (fu.is_credit(t) or fu.is_agency_credit(t))
