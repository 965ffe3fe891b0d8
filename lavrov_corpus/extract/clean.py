"""Decoded page text -> headline and body paragraphs, as spans of the decoded source.

Normalization rules of ``articles.text`` (reversible through ``articles.source_map``):

1. The source is decoded (see :mod:`.decode`); a byte-order mark is dropped.
2. It is split into lines at CRLF, CR or LF. Each line is trimmed of leading and trailing
   whitespace (Unicode whitespace, including no-break spaces). Nothing else inside a line is
   changed: quote marks, dashes, no-break spaces and spelling are kept verbatim.
3. Lines that are site furniture are dropped: navigation and accessibility links ("Skip to
   content", "All news", "Breaking News"), image markers ("![]() |", "• 16x9 Image", lines that
   are scraped table cells ending in "|"), photo credits ("© Name/TASS", "Photo: TASS"), captions
   (a line repeated verbatim nearby, a short line directly next to a photo credit, or a line
   ending in its credit in parentheses: "... in Moscow. (Reuters Photo)"),
   "Advertisement" markers, counters ("2 148 subscribers", "12 comments"), hashtag rows
   ("#INF #strategic_stability"), menu rows (items split by "|", "/", ">" or runs of spaces),
   "Related topics" blocks, language switches ("Leer en Español"), newsletter prompts, footers
   and disclaimers, and everything from a footer start ("With reporting by ...", "© 2019 ...",
   "Tags:", the readers' comments header "Comments (12)", also right under related links) to
   the end of the file. Between the headline and the first paragraph, bylines,
   date lines and short tag lines (at most four words, no sentence punctuation) are dropped too.
4. Headline: chosen among the lines above the first body line (a dateline start, 25+ words,
   12+ words ending a sentence, or the first line of a hard-wrapped paragraph; a closing quote
   mark ends a sentence only after sentence punctuation, so "..., says Russia is 'not
   withdrawing'" is no body line; a standfirst written as a sentence with a byline or date
   line in the two lines under it, and a long title of up to 40 words without final
   punctuation right under a date line or standing alone, belong to the header). Each line
   is scored: +2 for 5-25 words (+1 for 3-4 or 26+); -3 when it ends a sentence with "." (not
   an abbreviation such as "U.S.") or ends in a comma ("Ladies and gentlemen,"); -2 in
   capitals; +2 when it is printed twice (the <title> and the h1, or "Headline | Reuters");
   +1 when a byline or date line is printed right under it (only blank lines between; not
   for a line of four words or fewer, which is part of the byline: "Wendy Ho in Beijing").
   Lines of fewer than 3 words, site-name lines (a curated outlet, see :mod:`.outlets`),
   bylines, date lines, bullet lines ("- ...", "• ...": a key-points list
   under the headline, kept in the text) and the first line of a wrapped paragraph (the next
   line starts in lower case and is no byline: "by Jane Doe") are never the headline. Menus
   (also rows split by runs of spaces and "Home > News" breadcrumbs), counters ("2 148
   subscribers"), hashtag rows and share rows are furniture (:mod:`.furniture`).
   Neighbours are compared rather than absolute scores: the best score wins and on a tie the
   line nearest the body, because a page prints its slogan or tagline ("The Global Magazine
   of News and Ideas", "Atoms for Peace and Development"), menus and kickers above the
   headline and the standfirst/byline/date cluster under it. The line printed right above the
   winner (only blank lines between) wins instead when it scores as well (a headline over an
   unpunctuated standfirst), when the winner is its standfirst: longer, with 15+ words or
   8+ words in sentence case (a Title Case line is a headline), or when the winner is shorter
   and leads only by the point of the byline or date line under it (a label such as "Summary
   of the Kommersant daily", or a byline of bare names). The earliest copy of a
   headline printed twice is kept. When no line scores above zero the first remaining line is
   the headline. Lines above it (site name, taglines, banners, category labels such as
   "World", "ANALYSIS") are dropped. A headline longer than 300
   characters or starting with a dateline is no headline. Under it, up to the second body-sized
   line or a dateline (bullet lines do not count): bylines ("By A and B, CNN", "Forwarded
   from TASS"), date lines, "Authors:" and tag lines of at most four words are dropped (after
   the standfirst only next to a byline or date line), and a caption written just above a bare
   credit ("Alexander Zemlianichenko/AP") too.
   Related links ("Read more: ...", a bare "READ MORE" / "Related coverage:" label with the
   headline-shaped lines under it: at most 20 words, no quotation start, not ending in a period,
   also not inside a closing quote mark) are dropped anywhere (see :mod:`.furniture`).
4b. Publication date (see :mod:`.dates` for the accepted forms): only from header positions, i.e. a
   short date line above the body or under the headline/byline (also inside a line dropped as
   furniture above the body, "Source: Xinhua | 2025-11-03"), never from body prose, quotes or
   captions ("in Moscow on Oct. 20, 2025"); the earliest such line wins, a "Published" date before
   an "Updated" one; else a date ending the headline after a comma (an official title: "..., Moscow,
   February 4, 2025"); else a dateline with a year. Times, time zones, weekdays, commas and capitals
   are accepted around the date ("February 5, 2026 4:12 pm CET", "FEBRUARY 4, 2019, 2:28 PM"); a
   month-year header line ("December 2023") gives month precision, and a date line printed twice
   (over the section and under the headline) is not a repeated caption. Precision is kept (day or
   month). An ambiguous header date ("Issued on: 02/08/2019") is read only as the one reading
   the page also prints with its month in words ("August 2, 2019") or whose weekday the lede
   names; failing both, only the year they share is kept (year precision). Curated metadata
   still wins (:mod:`.convert`).
4c. Outlet: an agency marker in the dateline ("(Reuters)", "/TASS/", "(AFP) -", "Moscow, Nov
   3 (Prensa Latina)", the last two only for curated outlets), else a copyright line ("©
   2025 The Moscow Times", "Copyright AFP. All rights reserved."; a photo credit "© Name/TASS"
   names none), else a site-name line (a bare outlet name counts only among the first three
   lines of the page; lower down it is a section label) or title suffix, else a "By
   <outlet>" or "Source: <outlet>" line, else the page's first line when it is a site name
   printed again lower down ("Bangkok Post" over "Bangkok Post Public Company Limited"; one word
   only when a copyright line repeats it), else a copyright holder that is not curated ("©
   Foo Media 2020") or a newsletter's sign-off ("Thanks for reading The Missile Ledger!"),
   whichever is printed first. A copyright holder listed as a parent company of an outlet
   ("© 2019, The Slate Group", "THG Publishing") is never the outlet. Curated names are
   returned in their canonical form.
5. Paragraphs: a blank line, or a dropped line, always ends a paragraph. Two adjacent lines are
   joined into one paragraph, with one space, when the second starts with a lower-case letter
   or when the file is hard-wrapped (short lines of near-constant width, many of them not
   ending a sentence) and the first word of the second line would not have fitted on the first.
   The width is that of the longest line followed by another line of its block (a longer
   headline or one-line paragraph does not count); a file with more than a few lines (two, or
   5%) longer than that is not hard-wrapped.
   Otherwise each line is its own paragraph (files with one paragraph per line).
6. ``text`` = headline, then the body paragraphs, separated by "\\n\\n". The separators and the
   joining spaces are the only characters not copied from the source.
7. A dateline ("MOSCOW, September 5. /TASS/.", "MOSCOW, Russia –", "(Baonghean.vn) -") at the
   start of one of the first body paragraphs stays in the text and is also recorded. The
   standfirst is the first body paragraph when the dateline opens the next one, when a header
   date line is printed between it and the next one, or when it has eight or more words and no
   final punctuation; it stays in the text as a paragraph too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models import DatePrecision
from . import outlets as ol
from .datelines import dateline, dateline_date
from .dates import find_date
from .furniture_drop import drop_furniture
from .header_zone import drop_header_lines
from .masthead import masthead
from .page_evidence import PageEvidence, publication_date
from .page_lines import TERMINAL, Span, split_lines
from .paragraphs import join_paragraphs


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
    published: dt.date | None  #: from a header date line or a dateline with a year
    published_precision: DatePrecision | None = None


def layout(src: str) -> Layout:
    """Find headline, paragraphs, standfirst, dateline and outlet in decoded source text."""
    lines = split_lines(src)
    found = PageEvidence(dates=[], top=frozenset(ln.idx for ln in [x for x in lines if x.text][:3]))
    drop_furniture(lines, found)
    content = [ln for ln in lines if ln.keep and ln.text]
    # also the first three lines left under the page chrome ("Skip to content", "Menu")
    found.top = found.top | frozenset(ln.idx for ln in content[:3])
    drop_header_lines(content, lines, found)
    published, precision = publication_date(found, src)
    outlet = found.footer or found.site or found.byline or found.publication
    paragraphs = join_paragraphs(lines)
    if not paragraphs:
        return Layout((), False, None, None, 0, None, outlet or found.holder, published, precision)
    first = src[paragraphs[0][0][0] : paragraphs[0][0][1]]
    has_title = len(first) <= 300 and dateline(first) is None
    if outlet is None:
        outlet = masthead(lines, paragraphs[0][0][0] if has_title else -1) or found.holder
    if has_title and published is None:
        # an official title ending in its place and date: "..., Moscow, February 4, 2025"
        got = find_date(first)
        if got is not None and got[3] == len(first) and first[: got[2]].rstrip().endswith(","):
            published, precision = got[0], got[1]
    body0 = 1 if has_title else 0
    dl_par, dl_len, place = None, 0, None
    for i in range(body0, min(body0 + 3, len(paragraphs))):
        s, e = paragraphs[i][0]
        m = dateline(src, s, e)
        if m:
            dl_par, dl_len = i, m.end() - s
            place = m.groupdict().get("place")
            agency = m.groupdict().get("agency") or m.groupdict().get("agency2")
            if agency:
                outlet = ol.canonical(agency) or agency.strip()
            year = m.groupdict().get("year")
            if year and published is None:
                g = m.groupdict()
                published = dateline_date(
                    year, g.get("month") or g["month2"], g.get("day") or g["day2"]
                )
                precision = DatePrecision.DAY if published else None
            break
    standfirst = None
    if has_title and len(paragraphs) > 2:
        text1 = " ".join(src[s:e] for s, e in paragraphs[1])
        gap = (paragraphs[1][-1][1], paragraphs[2][0][0])
        if (
            dl_par == 2
            or (len(text1.split()) >= 8 and not TERMINAL.search(text1))
            # a date line printed between it and the body: "headline, standfirst, date"
            or any(gap[0] <= lines[idx].start < gap[1] for idx, *_ in found.dates or ())
        ):
            standfirst = 1
    return Layout(
        tuple(paragraphs),
        has_title,
        standfirst,
        dl_par,
        dl_len,
        place,
        outlet,
        published,
        precision,
    )
