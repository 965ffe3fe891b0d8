"""Choosing the headline among the lines above the body (rule 4 of :mod:`.clean`): each line
scored, then neighbours compared.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from . import furniture as fu
from . import outlets as ol
from .dates import date_line
from .page_lines import Line

#: A live page's post time alone on its line ("9:05 am", "14:05 GMT", "10.20").
POST_TIME = re.compile(
    r"\d{1,2}[:.]\d{2}(?:[ \u00a0]*[ap]\.?m\.?)?(?:[ \u00a0]+[A-Z]{2,4})?", re.IGNORECASE
)
_LINK_ARROWS = ("→", "▸", "➔", "⟶", "⇒")  # not "»" or "›": closing quote marks
_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.!?][ \u00a0]+[A-Z]")
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])\.[\"”»’']?$")


BULLET = re.compile(r"[-–•*·▪►]\s")
_CLOCK_FIRST = re.compile(r"\d{1,2}[:.]\d{2}(?![\d.:/])")  # a time, not "10.20.2019"
_QUESTION_LABEL = re.compile(r"(?:Q|Question)\s*(?:\([^)]{0,30}\))?\s*:", re.IGNORECASE)


_DOMAIN_FIRST = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z]{2,})+\s+[|–—-]\s")


def headline_score(
    i: int, zone: list[Line], marks: list[bool], lines: list[Line], twice: list[bool]
) -> float:
    """How much ``zone[i]`` looks like the headline (see :mod:`.clean`, rule 4);
    ``twice`` is :func:`printed_twice` of the zone."""
    t = zone[i].text
    words = len(t.split())
    if words < 3 or marks[i] or ol.site_line(t) or len(t) > 300 or BULLET.match(t):
        return -9.0
    if fu.is_signature(t) or _QUESTION_LABEL.match(t):
        return -9.0  # "— Sergey Lavrov, February 2025" under a quote; "Q: ..." of an interview
    if _DOMAIN_FIRST.match(t):
        return -9.0  # "smh.com.au - The Sydney Morning Herald": the site's name line
    if t.endswith(_LINK_ARROWS):
        return -9.0  # "... Support us →": a link or call to action, not a headline
    above = [o.text for o in lines[max(0, zone[i].idx - 4) : zone[i].idx] if o.text][-1:]
    if above and POST_TIME.fullmatch(above[0]):
        return -9.0  # "9:05 am" above it: a live page's post heading, not the page's headline
    nxt = zone[i].idx + 1
    if nxt < len(lines) and lines[nxt].text[:1].islower() and not fu.is_byline(lines[nxt].text):
        return -9.0  # the first line of a paragraph wrapped onto the next one ("by ..." is not)
    score = 2.0 if 5 <= words <= 25 else 1.0
    if " | " in t:
        score -= 2  # "Europe | Missiles and missives": a section and its rubric over the headline
    if _SENTENCE_END.search(t) or t.endswith((",", ":")):  # "Ladies and gentlemen," is no headline
        score -= 3
    elif _INNER_SENTENCE_END.search(t):
        score -= 3  # two sentences ("We are independent. Support us"): a blurb, not a headline
    if t.isupper():
        score -= 2
    if twice[i]:
        score += 2  # the <title> and the h1 both printed
    # a byline or date line printed right under it (only blank lines between; a shorter line
    # is part of the byline)
    if (
        i + 1 < len(zone)
        and marks[i + 1]
        and words > 4
        and printed_under(zone[i], zone[i + 1], lines)
        # "23:02", "6:31pm EST, Feb 21, 2023": a time first opens a live page's next entry
        and not _CLOCK_FIRST.match(zone[i + 1].text)
    ) or (
        # or under its standfirst: headline, standfirst, date line (a live page's header)
        i + 2 < len(zone)
        and marks[i + 2]
        and not marks[i + 1]
        and words > 4
        and printed_under(zone[i], zone[i + 1], lines)
        and printed_under(zone[i + 1], zone[i + 2], lines)
        and standfirst_under(zone[i], zone[i + 1])
    ):
        score += 1
    return score


def printed_twice(zone: list[Line]) -> list[bool]:
    """Per zone line: another zone line has the same text, or starts with it and is a
    site-name line ("Headline | Reuters"). In sorted order the lines starting with a text
    follow it, so each line costs one bisect, not a look at every other line."""
    texts = [z.text for z in zone]
    copies = Counter(texts)
    sites = sorted({o for o in texts if ol.site_line(o)})
    out = []
    for t in texts:
        k = bisect_left(sites, t)
        if k < len(sites) and sites[k] == t:
            k += 1  # itself (a second copy is counted in ``copies``)
        out.append(copies[t] > 1 or (k < len(sites) and sites[k].startswith(t)))
    return out


def is_header_mark(t: str) -> bool:
    """A byline, date line or timestamp (without noting what it gives); a signature under a
    quote ("— Sergey Lavrov, February 2025") is none."""
    if fu.is_signature(t):
        return False
    return fu.is_byline(t) or date_line(t) is not None or fu.is_timestamp(t)


def pick_headline(zone: list[Line], scores: list[float], lines: list[Line]) -> int:
    """The headline among the zone's lines: the best score, on a tie the line nearest the
    body (site taglines, menus and kickers are higher up); the line printed right above it
    instead when that one scores as well (a headline over its unpunctuated standfirst), when
    this one is its longer standfirst (:func:`standfirst_under`) or a shorter label over the
    byline or date (:func:`_label_under`); the earliest copy of a headline printed twice."""
    best = max(scores, default=0.0)
    if best <= 0:
        return 0
    head = max(i for i, sc in enumerate(scores) if sc == best)
    above = zone[head - 1] if head > 0 else None
    if (
        above is not None
        and scores[head - 1] >= 2
        and printed_under(above, zone[head], lines)
        and (
            scores[head - 1] == best
            or standfirst_under(above, zone[head])
            or _label_under(above, zone[head], best - scores[head - 1])
        )
    ):
        head -= 1
    text = zone[head].text
    return next(i for i, z in enumerate(zone) if z.text == text)


def _label_under(above: Line, line: Line, lead: float) -> bool:
    """``line`` (printed right under ``above``) is a label over the byline or date ("Summary of
    the Kommersant daily", a names-only byline): shorter than the line above, which it beats
    only by the point a byline or date line under it gives."""
    return lead <= 1 and len(line.text.split()) < len(above.text.split())


def printed_under(above: Line, line: Line, lines: list[Line]) -> bool:
    """Only blank lines between the two lines in the source."""
    return not any(lines[j].text for j in range(above.idx + 1, line.idx))


def standfirst_under(above: Line, line: Line) -> bool:
    """``line`` (printed right under ``above``) is the standfirst of the headline ``above``:
    longer, with 15+ words or 8+ words in sentence case (a headline in Title Case is no
    standfirst: "Director General Grossi: Iran Cooperation 'Must Go Further'")."""
    n, n_above = len(line.text.split()), len(above.text.split())
    if n <= n_above:
        return False
    return n >= 15 or (n >= 8 and not _title_case(line.text))


def _title_case(t: str) -> bool:
    """Most words of four or more letters are capitalised (a headline style)."""
    long = [w for w in t.split() if sum(c.isalpha() for c in w) >= 4]
    return bool(long) and sum(w[0].isupper() for w in long) >= 0.6 * len(long)
