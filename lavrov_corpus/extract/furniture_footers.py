"""Footers: newsletter prompts and disclaimers, the lines that start the footer or the readers'
comments, and the outlet a copyright or self-description line names (see :mod:`.furniture`).
"""

from __future__ import annotations

import re

_FOOTER_KEYS = (
    "subscribe",
    "sign up",
    "newsletter",
    "inbox",
    "latest news",
    "follow us",
    "click here",
    "rights reserved",
    "terms of",
    "privacy",
    "cookie",
    "journalists",
    "reproduction",
    "republication",
    "please note",
    "non-commercial",
    "subscriber agreement",
)
_NEWSLETTER = re.compile(
    r"\b(?:subscribe to (?:our|the)|subscribe for free|thanks for reading|"
    r"sign up (?:here|for|to|now|today)|newsletter|"
    r"delivered (?:directly )?to your inbox|get the latest news|follow us on)\b",
    re.IGNORECASE,
)
_FOOTER_LINE = re.compile(
    r"\b(?:click here|all rights reserved|terms of (?:use|service)|privacy policy|cookie policy"
    r"|journalists report the news|use of cookies|(?:we|partners|site) use cookies"
    r"|reproduction (?:is )?prohibited"
    r"|republication|please note that you could face"
    # "This copy is for your personal, non-commercial use only. ... our Subscriber Agreement"
    r"|(?:personal,? )?non-commercial use only|subscriber agreement"
    # "ANSA uses technical and profiling cookies ... you accept their use"
    r"|uses? [\w ,-]{0,60}cookies\b[^.]{0,120}\.[^.]{0,80}\b(?:accept|consent|agree)"
    r"|cookies\b[^.]{0,80}\b(?:you accept|you consent|you agree)"
    r"|(?:you accept|you consent|you agree)\b[^.]{0,60}\bcookies)\b",
    re.IGNORECASE,
)
#: Lines after which nothing belongs to the article (credits, tag lists, related links).
_FOOTER_START = re.compile(
    r"^\(?(?:with (?:additional )?reporting by|reporting by|additional reporting|editing by"
    r"|writing by|compiled by|(?:related|more|recommended) (?:articles|stories|news|reading)"
    r"|more from|you may also like|you might also like|tags?:|topics?:|keywords?:"
    r"|©\s*\d{4}|copyright\s*(?:©\s*)?\d{4}|all rights reserved|explore more on these topics"
    r"|our standards:|enditem\b|.{0,80}\bcontributed(?: to this report| reporting)?\.?$"
    r"|about the authors?$"
    # the print edition's note: "A version of this article appears in print on ..."
    r"|a version of this (?:article|story) appear(?:s|ed) in print\b"
    r"|(?:this (?:article|story) )?appeared in the .{0,60}print edition\b)",
    re.IGNORECASE,
)
# The header of the readers' comments under the article: comments follow until the page ends.
_COMMENTS_START = re.compile(
    r"^(?:(?:view|show|read|see|load|hide|all|reader|readers[’']?)\s+)*comments?"
    r"(?:\s*\(\d[\d,.\s]*\)|\s+\d[\d,.]*)?\s*:?$|^\d[\d,.\s]*comments?$"
    r"|^(?:start|join) (?:a|the) (?:conversation|discussion|debate)$"
    r"|^discussion (?:about|on) this (?:post|article|story)$|^комментари[иейя]\b",
    re.IGNORECASE,
)


_COPYRIGHT_OUTLET = re.compile(
    r"^(?:©|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*"
    r"(?P<outlet>[A-Z][\w.&'’/ -]{1,40}?)|(?P<outlet2>[A-Z][\w.&'’/ -]{1,40}?)\s*,?\s*"
    r"\d{4}(?:\s*[-–]\s*\d{4})?)\s*[.,]?(?:\s+all rights reserved.*|\s*\|.*)?$"
    # the holder first: "Ahram Online. All rights reserved © 2015", "Foo News © 2024"
    r"|^(?P<outlet3>[A-Z][\w.&'’/ -]{1,40}?)\s*[.,]?\s*(?:all rights reserved\.?\s*)?"
    r"©\s*\d{4}(?:\s*[-–]\s*\d{4})?\.?(?:\s*all rights reserved\.?)?$",
    re.IGNORECASE,
)
_RIGHTS_FIRST = re.compile(r"^all rights reserved\.?\s*(?=©|copyright)", re.IGNORECASE)
_SELF_DESCRIPTION_OUTLET = re.compile(
    r"^(?P<outlet>[A-Z][\w./&-]+(?: [A-Z][\w./&-]+){0,3}) journalists report\b"
    # a newsletter's sign-off: "Thanks for reading The Deterrence Desk!"
    r"|^[Tt]hanks for reading (?P<outlet2>[A-Z][\w.'’/&-]*(?: [A-Z][\w.'’/&-]*){0,4})[!.]"
)


def is_prompt_or_footer(line: str) -> bool:
    """A newsletter prompt or a footer/disclaimer line."""
    if len(line) > 600:
        return False
    low = line.lower()
    for k in _FOOTER_KEYS:  # a loop, not any(<generator>): this runs on every line
        if k in low:
            break
    else:
        return False
    return _NEWSLETTER.search(line) is not None or _FOOTER_LINE.search(line) is not None


def starts_footer(line: str) -> bool:
    """A line after which the rest of the file is footer (credits, tags, copyright)."""
    return len(line) <= 300 and (
        _FOOTER_START.match(line) is not None or _COMMENTS_START.match(line) is not None
    )


def starts_comments(line: str) -> bool:
    """The header of the readers' comments ("Comments (12)", "Join the conversation")."""
    return len(line) <= 80 and _COMMENTS_START.match(line) is not None


def outlet_in_furniture(line: str) -> str | None:
    """The publisher named by a copyright or self-description line, if any."""
    # "All rights reserved © 2018 The Jerusalem Post": the notice may come first
    line = _RIGHTS_FIRST.sub("", line)
    m = _COPYRIGHT_OUTLET.match(line) or _SELF_DESCRIPTION_OUTLET.match(line)
    if m is None:
        return None
    groups = m.groupdict()
    holder = str(groups.get("outlet") or groups.get("outlet2") or groups.get("outlet3")).strip()
    return (
        None if holder.lower().startswith("all rights") else holder
    )  # "© 2025 All rights reserved."
