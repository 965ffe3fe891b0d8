"""Publication dates written on news pages, in unambiguous forms only.

One parser (:func:`find_date`) for the forms pages print under a headline or in a dateline:
"November 3, 2025", "Nov. 3, 2025", "Mon March 4, 2024", "3 November 2025", "12 Feb 2026
14:05 GMT", "Mon 3 Nov 2025 10.45 GMT", "5 MAR 2024", "2025-11-03" (also "2025-11-03
20:15:30", "2025.11.03", "2025/11/03": the year first is always year, month, day), "03.11.2025"
(day.month.year), "25/11/2025" or "11/25/2025" (also "11/25/25") only when one number is above
12 (so day and month cannot be swapped), and "November 2025" (month precision). "3/11/2025" is
ambiguous and never read on its own: the cleaner takes one of its readings only when the page
prints that date with the month in words too, or when the first weekday the page names ("on
Wednesday", in the lede) is the weekday of only one of them. Which line a date may come
from is the cleaner's decision (:mod:`.clean`): header, byline and dateline positions only.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import DatePrecision

_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTHS = {m[:3]: i + 1 for i, m in enumerate(_MONTH_NAMES)}
MONTHS["sept"] = 9

_MON = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = re.compile(
    r"(?<![\w/.-])(?:"
    rf"(?P<m1>{_MON})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MON})\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)(?P<s3>[-./])(?P<m3>\d\d)(?P=s3)(?P<d3>\d\d)"
    r"|(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>(?:19|20)\d\d)"  # day first: "15.1.2021"
    r"|(?P<a5>\d{1,2})/(?P<b5>\d{1,2})/(?P<y5>(?:19|20)?\d\d)"
    rf"|(?P<m6>{_MON})\.?,?\s+(?P<y6>(?:19|20)\d\d)"
    r")(?![\w/-])",
    re.IGNORECASE,
)


def find_date(text: str) -> tuple[dt.date, DatePrecision, int, int] | None:
    """The first unambiguous date in ``text``: (date, precision, start, end), or None."""
    for m in _DATE.finditer(text):
        got = _read(m)
        if got is not None:
            return got[0], got[1], m.start(), m.end()
    return None


_EVENT_BEFORE = re.compile(
    r"\b(?:on|in|since|from|until|till|before|after|of|by|at|during)\s*$", re.IGNORECASE
)
_LABEL_BEFORE = re.compile(r"\b(?:published|updated|posted|modified|date)\b", re.IGNORECASE)
_TODAY_BEFORE = re.compile(r"\btoday\s*:?\s*$", re.IGNORECASE)
#: A byline ending in its date: "By Jane Doe in Politics on 19 October 2023".
_BYLINE_ON = re.compile(r"by\s+[A-Z][^,;:|]{0,60}\bon\s*$", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:updated|modified|last update)", re.IGNORECASE)
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b(?:[AP]M|GMT|UTC|BST|CET|CEST|EET"
    r"|MSK|EST|EDT|PST|PDT|JST|IRST|[+-]\d{1,2}(?::?\d{2})?)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_QUOTES = frozenset('"“”«»„')


def date_line(line: str) -> tuple[dt.date, DatePrecision, bool] | None:
    """A page's own date printed as a header line: (date, precision, is_update) or None.

    The line is short (at most 120 characters), holds no quotation marks, and apart from the
    date, times, time zones and labels ("Published:", "Updated", "By Global Times", "| KYODO
    NEWS"; words before a label are a byline and not counted) has at most seven words; a
    date after a preposition ("in Moscow on Oct. 20, 2025", a caption's event) counts only
    after a label ("Published On 3 Nov 2025") or ending a byline ("By Jane Doe on 3 Nov 2025").
    """
    if len(line) > 120 or _DIGIT.search(line) is None or _QUOTES.intersection(line):
        return None
    found = find_date(line)
    if found is None:
        return None
    date, precision, s, e = found
    before = line[:s]
    if _TODAY_BEFORE.search(before):
        return None  # "Today: 28.04.2024 | USD/AZN 1.70": the reader's day, not the article's
    if (
        _EVENT_BEFORE.search(before)
        and not _LABEL_BEFORE.search(before)
        and not _BYLINE_ON.match(before)
    ):
        return None
    labels = list(_LABEL_BEFORE.finditer(before))
    # "The Associated Press, with files from CBC News · Posted: May 21, 2020": a byline
    # before the label does not count
    counted = before[labels[-1].start() :] if labels else before
    rest = _TIME.sub(" ", counted + " " + line[e:])
    if sum(any(c.isalpha() for c in w) for w in rest.split()) > 7:
        return None
    return date, precision, _UPDATED.search(before) is not None


def ambiguous_date_line(line: str) -> tuple[dt.date, dt.date] | None:
    """The two readings (day first, month first) of a header line whose date is written
    "02/08/2019" with both numbers at most 12 ("Issued on: 02/08/2019 - 11:42"), or None."""
    if len(line) > 120 or "/" not in line or _QUOTES.intersection(line):
        return None
    for m in _DATE.finditer(line):
        if not m.group("y5"):
            return None
        a, b, year = int(m.group("a5")), int(m.group("b5")), _year(m.group("y5"))
        rest = _TIME.sub(" ", line[: m.start()] + " " + line[m.end() :])
        if a == b or a > 12 or b > 12 or sum(any(c.isalpha() for c in w) for w in rest.split()) > 7:
            return None
        try:
            return dt.date(year, b, a), dt.date(year, a, b)
        except ValueError:
            return None
    return None


def dates_in_words(text: str) -> set[dt.date]:
    """Every date ``text`` prints with its month in words ("August 2, 2019", "2 Aug 2019")."""
    out: set[dt.date] = set()
    for m in _DATE.finditer(text):
        if m.group("m1") or m.group("m2"):
            got = _read(m)
            if got is not None:
                out.add(got[0])
    return out


def _year(printed: str) -> int:
    """A year as printed; two digits ("02/03/21") are 2000-2069 or 1970-1999."""
    year = int(printed)
    if len(printed) == 2:
        year += 2000 if year < 70 else 1900
    return year


_WEEKDAY = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def first_weekday(text: str) -> int | None:
    """The first weekday ``text`` names ("on Wednesday": a story's lede tells its day), as a
    ``date.weekday()`` number."""
    m = _WEEKDAY.search(text)
    return _WEEKDAYS.index(m.group(1).lower()) if m else None


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Sept.", "NOV"), else None."""
    low = name.rstrip(".").lower()
    return MONTHS.get(low[:4]) if low[:4] == "sept" else MONTHS.get(low[:3])


def _read(m: re.Match[str]) -> tuple[dt.date, DatePrecision] | None:
    g = m.groupdict()
    day = DatePrecision.DAY
    if g["m1"]:
        return _make(g["y1"], month_number(g["m1"]), g["d1"], day)
    if g["m2"]:
        return _make(g["y2"], month_number(g["m2"]), g["d2"], day)
    if g["y3"]:
        return _make(g["y3"], int(g["m3"]), g["d3"], day)
    if g["y4"]:
        return _make(g["y4"], int(g["m4"]), g["d4"], day)
    if g["y5"]:
        a, b = int(g["a5"]), int(g["b5"])
        year = str(_year(g["y5"]))
        if a > 12 >= b:
            return _make(year, b, str(a), day)
        if b > 12 >= a:
            return _make(year, a, str(b), day)
        return None  # 3/11/2025: day and month cannot be told apart
    if g["m6"]:
        return _make(g["y6"], month_number(g["m6"]), "1", DatePrecision.MONTH)
    return None


def _make(
    year: str, month: int | None, day: str, precision: DatePrecision
) -> tuple[dt.date, DatePrecision] | None:
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day)), precision
    except ValueError:
        return None
