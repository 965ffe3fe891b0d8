"""Publication date and outlet evidence noted while lines are classified (rules 4b and 4c of
:mod:`.clean`): header date lines, site-name and byline outlets, copyright holders.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..models import DatePrecision
from . import furniture as fu
from . import outlets as ol
from .dates import ambiguous_date_line, date_line, dates_in_words, first_weekday
from .page_lines import Line


@dataclass(slots=True)
class PageEvidence:
    """Outlet and date evidence gathered while lines are classified."""

    footer: str | None = None  #: curated outlet of a copyright or self-description line
    holder: str | None = None  #: a copyright holder not in the curated list (ranked last)
    site: str | None = None  #: site-name line or title suffix at the top
    top: frozenset[int] = frozenset()  #: the first three non-empty lines, and non-furniture
    byline: str | None = None  #: "By Global Times", "Source: Xinhua"
    publication: str | None = None  #: "Publication: Eurasia Daily Monitor Volume: 20"
    dates: list[tuple[int, bool, dt.date, DatePrecision]] | None = None
    ambiguous: tuple[dt.date, dt.date] | None = None  #: first "02/08/2019" header date


#: A publication named by a label ("Publication: Eurasia Daily Monitor Volume: 20 Issue: 34").
_PUBLICATION = re.compile(
    r"(?i:publication|published in)\s*:\s*(?P<o>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*| of| the){0,6}?)"
    r"(?:\s+(?i:volume|vol\.|issue|no\.|number)\b.*|\s*[|,].*)?$"
)
_BYLINE_OUTLET = re.compile(
    r"^(?:by|source|from)\s*:?\s+(?P<o>.+?)(?:\s+staff)?"
    r"(?:\s+(?:published|updated|posted)\b.*|\s*[|,].*)?$",
    re.IGNORECASE,
)


def note_header_line(ln: Line, found: PageEvidence) -> bool:
    """Note the date or outlet a header line gives; True when it is a date or byline line."""
    t = ln.text
    if fu.is_signature(t):
        return False  # "— Sergey Lavrov, February 2025" under a quote: who spoke, not a date
    got = date_line(t)
    if got is not None:
        assert found.dates is not None
        found.dates.append((ln.idx, got[2], got[0], got[1]))
    amb = ambiguous_date_line(t) if got is None and "/" in t else None
    if found.ambiguous is None:
        found.ambiguous = amb
    site = ol.site_line(t)
    if site and (ln.idx in found.top or not ol.canonical(t)):
        # a bare outlet name only at the top of the page: lower down it is a section label
        found.site = found.site or site
    m = _BYLINE_OUTLET.match(t) if len(t) <= 100 else None
    if m and ol.canonical(m.group("o")):
        found.byline = found.byline or ol.canonical(m.group("o"))
    pub = _PUBLICATION.match(t) if len(t) <= 120 else None
    if pub is not None:
        found.publication = found.publication or pub.group("o")
    return (
        got is not None
        or amb is not None
        or fu.is_byline(t)
        or fu.is_timestamp(t)
        or bool(m and ol.canonical(m.group("o")))
    )


def note_footer(t: str, found: PageEvidence) -> None:
    """Record the outlet a copyright or self-description line names: a curated one as
    ``footer``, any other holder that is not a listed parent company as ``holder``."""
    if found.footer is not None:
        return
    got = _footer_outlet(t)
    if got is None:
        return
    if ol.canonical(got):
        found.footer = ol.canonical(got)
    elif found.holder is None and not ol.is_parent(got):
        found.holder = got


def _footer_outlet(t: str) -> str | None:
    """The outlet of a copyright line ("© 2025 The Moscow Times", "© Le Monde 2021",
    "Copyright AFP. All rights reserved.") or of a self-description; a photo credit ("© Name/
    TASS", "© 2019 Name/Reuters") names none."""
    low = t.lower()
    if ("©" in t or low.startswith("copyright")) and (
        any(c.isdigit() for c in t) or "copyright" in low or "rights reserved" in low
    ):
        if "/" in t and fu.is_credit(t) and len(t) <= 100 and "rights" not in low:
            return None
        if t.find("©") > 2 and "copyright" not in low and "rights" not in low:
            return None  # a caption ending in its credit: "... in Bangkok. © Jane Doe, AFP"
        return ol.outlet_in(t) or fu.outlet_in_furniture(t)
    return fu.outlet_in_furniture(t)


def publication_date(found: PageEvidence, src: str) -> tuple[dt.date | None, DatePrecision | None]:
    """The header date (:func:`_pick_date`), else the one reading of an ambiguous header date
    that the page ``src`` confirms, else (both readings in one year) that year."""
    published, precision = _pick_date(found)
    if published is None and found.ambiguous is not None:
        # "02/08/2019" read the way the page also prints it in words ("August 2, 2019")
        seen = dates_in_words(src)
        readings = [d for d in found.ambiguous if d in seen]
        if not readings:
            # "02/03/21" over a story "on Wednesday": the reading that falls on a named weekday
            named = first_weekday(src)
            readings = [d for d in found.ambiguous if d.weekday() == named]
        if len(readings) == 1:
            published, precision = readings[0], DatePrecision.DAY
        elif found.ambiguous[0].year == found.ambiguous[1].year:
            # "Updated 12/5/2009": the day cannot be told, the year can
            published, precision = dt.date(found.ambiguous[0].year, 1, 1), DatePrecision.YEAR
    return published, precision


def _pick_date(found: PageEvidence) -> tuple[dt.date | None, DatePrecision | None]:
    """The header date nearest the top, a publication date before an update."""
    if not found.dates:
        return None, None
    _, _, date, precision = min(found.dates, key=lambda d: (d[1], d[0]))
    return date, precision
