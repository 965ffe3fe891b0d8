"""Datelines at the start of a body paragraph ("MOSCOW, September 5. /TASS/.", "(AFP) -"): rules
4b, 4c and 7 of :mod:`.clean`.
"""

from __future__ import annotations

import datetime as dt
import re

from . import outlets as ol

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
        + r"\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?\s*[.,:]?\s*"
        r"(?:/\s*(?P<agency>[A-Za-z][\w .-]{1,30}?)\s*/\s*\.?|\((?P<agency2>[^)\n]{2,30})\)"
        r"\s*[-–—.]?|[-–—])?(?=\s)"
    ),
    # the day first: "MOSCOW, 14 December 2001:", "NEW DELHI, 3 Nov (PTI) -"
    re.compile(
        _PLACE
        + r"(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})?,?\s+(?P<day>\d{1,2})\s+"
        + _MONTH_RE
        + r"(?:,?\s+(?P<year>\d{4}))?\s*[.,:]?\s*"
        r"(?:/\s*(?P<agency>[A-Za-z][\w .-]{1,30}?)\s*/\s*\.?|\((?P<agency2>[^)\n]{2,30})\)"
        r"\s*[-–—.]?|[-–—])?(?=\s)"
    ),
    re.compile(
        _PLACE + r"(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})?\s*(?:\((?P<agency>[^)\n]{2,30})\))?"
        r"\s*[-–—]+(?=\s)"
    ),
    re.compile(r"\((?P<agency>[^)\s][^)\n]{1,30})\)\s*[-–—]+(?=\s)"),
)
# "Moscow (AFP) -", "Moscow, Nov 3 (Prensa Latina)": a mixed-case place, kept only when the
# parenthesis names a curated outlet.
_AGENCY_DATELINE = re.compile(
    r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,\s*"
    + _MONTH_RE
    + r"\s+(?P<day>\d{1,2})"
    # "Caracas, 18 Apr 2023 (EFE).- ": the day first, with a year
    + r"|,\s*(?P<day2>\d{1,2})\s+"
    + _MONTH_RE.replace("?P<month>", "?P<month2>")
    + r"(?:\s+(?P<year>\d{4}))?)?"
    r"\s*\((?P<agency>[^)\n]{2,30})\)\s*(?:[-–—]+\s|\.[-–—]\s*)?"
)


def dateline(src: str, s: int = 0, e: int | None = None) -> re.Match[str] | None:
    """A dateline at ``src[s:e]``'s start: the patterns above, or a mixed-case place followed
    by a curated agency in parentheses."""
    end = len(src) if e is None else e
    for pat in _DATELINES:
        m = pat.match(src, s, end)
        if m:
            return m
    m = _AGENCY_DATELINE.match(src, s, end)
    return m if m and ol.canonical(m.group("agency")) else None


def dateline_date(year: str, month: str, day: str) -> dt.date | None:
    """The date of a dateline's year, month name and day; None when it does not exist."""
    try:
        return dt.date(int(year), _MONTHS[month[:3].lower()], int(day))
    except (KeyError, ValueError):
        return None
