"""Dropping the furniture lines of a page (rule 3 of :mod:`.clean`): one-line shapes
(:mod:`.furniture`), related-links lists, everything from a footer or comments start, captions.
"""

from __future__ import annotations

import re

from . import furniture as fu
from .dates import date_line
from .page_evidence import PageEvidence, note_footer, note_header_line
from .page_lines import PROSE_END, Line


def is_furniture(t: str) -> bool:
    """A line of site furniture by its shape alone (see :mod:`.furniture`)."""
    if fu.is_nav(t) or fu.is_image_marker(t) or fu.is_credit(t) or fu.is_prompt_or_footer(t):
        return True
    if (
        fu.is_counter(t)
        or fu.is_hashtag_row(t)
        or ((t[-1] == ")" or ":" in t[-60:]) and fu.is_captioned_credit(t))
    ):
        return True
    if len(t) > 160:
        return len(t) <= 400 and "|" in t and fu.is_menu(t)  # a long section row
    return fu.is_banner(t) or fu.is_menu(t) or fu.is_share_row(t) or fu.is_agency_credit(t)


def _headline_shaped(t: str) -> bool:
    """A short line that reads as a linked headline (no sentence end, also not one inside a
    closing quote mark as in 'called it “irresponsible.”', no quotation start unless the
    quoted words are followed by more: '“Steady state”: Army's new missile chief')."""
    if len(t.split()) > 20 or _SENTENCE_STOP.search(t):
        return False
    closer = _CLOSERS.get(t[0])
    if closer is None:
        return True
    k = t.find(closer, 1)
    return k > 0 and any(c.isalnum() for c in t[k + 1 :])


_CLOSERS = {'"': '"', "“": "”", "«": "»"}


_SENTENCE_STOP = re.compile(r"\.[\"”»’']?$")  # a period, maybe inside a closing quote mark


def drop_furniture(lines: list[Line], found: PageEvidence) -> None:
    """Mark furniture lines ``keep=False``; note outlets named by footers."""
    content = [ln for ln in lines if ln.text]
    n = len(content)
    seen_body = 0
    seen_sentence = False  # a body line ending a sentence was seen
    related_until = -1  # headlines listed under a "READ MORE" label run up to this index
    for i, ln in enumerate(content):
        t = ln.text
        label = fu.related_label(t)
        if label == "list" and seen_body >= 2:
            label = "label"  # "Trending", "Most Read" under the article: a list of links
        if label == "label":
            ln.keep = False
            j = i + 1
            while (
                j < n
                and not fu.starts_footer(content[j].text)  # "Comments (12)" under the links
                and (fu.is_banner(content[j].text) or _headline_shaped(content[j].text))
            ):
                j += 1
            related_until = j - 1
            continue
        if i <= related_until:
            ln.keep = False
            note_footer(t, found)  # a copyright line may end a list of related headlines
            continue
        if (seen_body >= 2 and i >= n // 2 and fu.starts_footer(t)) or (
            # many comments may follow their header; above the first sentence of the body
            # (under an unpunctuated standfirst) "Comments" is a link in the header
            seen_sentence and len(t) <= 80 and fu.starts_comments(t)
        ):
            for rest in content[i:]:
                rest.keep = False
                note_footer(rest.text, found)
            break
        if (
            label in ("inline", "list")
            or is_furniture(t)
            or (seen_body and len(t) <= 40 and fu.is_timestamp(t))
        ):
            ln.keep = False
            note_footer(t, found)
            if seen_body <= 2:
                # "Source: Xinhua | 2025-11-03 20:15:30"; also under a long headline and a
                # one-line standfirst ("23 Jan 2023   5 min read")
                note_header_line(ln, found)
        elif len(t) > 80 or (len(t) >= 50 and len(t.split()) >= 8):  # (a hard-wrapped line)
            seen_body += 1
            seen_sentence = seen_sentence or PROSE_END.search(t) is not None
    # Captions: a line repeated nearby (all copies), or a short line next to a credit line.
    for i, ln in enumerate(content):
        if not ln.keep or len(ln.text) <= 3:
            continue
        dupes = [c for c in content[i + 1 : i + 4] if c.text == ln.text]
        if dupes and _dated(ln):
            continue  # "December 2023" over the section and under the headline: both dates
        for c in dupes:
            c.keep = False
        if dupes and any(c.keep for c in content[:i]):
            ln.keep = False  # a repeated caption; a repeated headline keeps its first copy
    for i, ln in enumerate(lines):
        if ln.text and not ln.keep and (fu.is_credit(ln.text) or fu.is_agency_credit(ln.text)):
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and _caption_like(lines[j].text) and not _dated(lines[j]):
                    lines[j].keep = False


def _dated(ln: Line) -> bool:
    return bool(ln.text) and (date_line(ln.text) is not None or fu.is_byline(ln.text))


def _caption_like(text: str) -> bool:
    return (
        bool(text)
        and len(text) <= 100
        and len(text.split()) <= 12
        and not (text.endswith((".", "!", "?", ":")))
    )
