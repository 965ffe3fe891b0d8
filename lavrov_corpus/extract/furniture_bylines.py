"""Header marks: bylines, timestamps, and the signatures under a pull quote that are neither (see
:mod:`.furniture`).
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}"
_BYLINE = re.compile(
    r"^(?:by|forwarded from|(?:text|words|story|reporting) by:)\s+"
    + _NAME
    + r"(?:\s*(?:,|and|&|with)\s+"
    + _NAME
    + r"){0,3}(?:\s*[,|].{0,60}|,\s+(?:an?|the)\s.{0,80}\.)?$",
    re.IGNORECASE,
)
# Correspondents with their cities and no "By" ("Jane Doe in Moscow and John Roe in Washington").
_CORRESPONDENT = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} in [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}"
_CORRESPONDENT_BYLINE = re.compile(
    "^" + _CORRESPONDENT + "(?:(?:, | and )" + _CORRESPONDENT + "){0,3}$"
)
# A desk credited instead of a person: "<Outlet> Staff & Agencies", "Reuters staff", "AFP and
# agencies" (capitalised words, then staff and/or agencies, nothing else).
_STAFF_BYLINE = re.compile(
    r"^(?:[A-Z][\w.'’&-]*\s+){1,5}(?:(?:and|&)\s+)?"
    r"(?i:staff(?:\s+(?:writers?|reporters?))?|agencies)(?:\s*(?:&|and)\s+(?i:agencies|wires))?$"
)
# Two to four bare names and nothing else ("Guy Faulconbridge and Mark Trevelyan").
_PERSON = r"[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){1,2}"
_NAMES_BYLINE = re.compile("^" + _PERSON + "(?:(?:, |,? and | & )" + _PERSON + "){1,3}$")
# A name, a comma and a title with a role or trade ("Antony J. Blinken, Secretary of State",
# "Jane Doe, Moscow Correspondent").
_ROLE_BYLINE = re.compile(
    r"^[A-Z][\w'’-]+(?: (?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}, (?:[\w'’.-]+ ){0,5}?(?i:secretary"
    r"|minister|spokesperson|spokesman|spokeswoman|ambassador|director|president|envoy"
    r"|correspondent|editor|reporter|writer|contributor|analyst|fellow|professor|columnist)"
    r"(?: (?:[\w'’.-]+)){0,5}$"
)


_TIMESTAMP = re.compile(
    r"(?:(?:last |latest )?(?:updated?|posted|published|modified)\s*:?\s*)?(?:\d{1,2}[:.]\d{2}"
    r"(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|BST|CET|CEST|EET|MSK|EST|EDT|ET|PST|PDT|PT|JST|IST))?"
    r"|(?:(?:about|around|over|almost|nearly|more than)\s+)?(?:\d{1,3}|an?|one)\s*"
    r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?|years?)\s+ago"
    r"|just now)",
    re.IGNORECASE,
)


def is_timestamp(line: str) -> bool:
    """A time with no date, or a relative time: a live page's entry time or "updated" note
    ("14:05 GMT", "2:15 p.m. ET", "Updated 2 hours ago", "5 min ago")."""
    return len(line) <= 40 and _TIMESTAMP.fullmatch(line.strip()) is not None


_SIGNATURE = re.compile(r"[—–]\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}(?:\s*,.{0,80})?")


def is_signature(line: str) -> bool:
    """A dash and a name under a pull quote or epigraph ("— Sergey Lavrov, February 2025"):
    text (it says who spoke), never a byline or date line."""
    return line[:1] in "—–" and len(line) <= 120 and _SIGNATURE.fullmatch(line) is not None


def is_byline(line: str) -> bool:
    """A byline such as "By John Smith"."""
    if len(line) > 100:
        return False
    if _BYLINE.match(line) is not None or _CORRESPONDENT_BYLINE.match(line) is not None:
        return True
    if _STAFF_BYLINE.match(line) is not None:
        return True  # 'The New Arab Staff & Agencies', 'Reuters staff'
    if "," not in line and " and " not in line and "&" not in line:
        return False  # the name bylines below join names or a title with these
    return _NAMES_BYLINE.match(line) is not None or _ROLE_BYLINE.match(line) is not None
