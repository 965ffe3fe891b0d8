"""The masthead rule of rule 4c (:mod:`.clean`): the page's first line as its outlet when it is a
site name printed again lower down.
"""

from __future__ import annotations

import re

from .furniture_drop import is_furniture
from .page_lines import Line

#: A site name: capitalised words, a few lower-case joiners ("Notes from Poland").
_MASTHEAD = re.compile(
    r"[A-Z][\w'’&.-]*(?: (?:[A-Z][\w'’&.-]*|of|from|the|and|on|for|de|del|la|le|el|al|di))*"
)


def masthead(lines: list[Line], title_start: int) -> str | None:
    """The page's first line when it is a site name that the page prints again lower down
    ("Bangkok Post" over "Bangkok Post Public Company Limited", "GULF NEWS" over "Download
    the Gulf News app"). One word counts only when a copyright line repeats it. An
    all-capitals masthead is given as the page spells it elsewhere in mixed case."""
    first = next((ln for ln in lines if ln.text), None)
    if first is None or first.start == title_start:
        return None
    # "Haaretz | Israel News": the site name before its tagline
    t = re.split(r"\s+[|–—-]\s+|\s*\|\s*", first.text, maxsplit=1)[0].rstrip(".")
    words = len(t.split())
    if len(t) > 40 or words > 5 or not _MASTHEAD.fullmatch(t) or is_furniture(t):
        return None
    again = re.compile(r"(?<![\w'’-])" + re.escape(t) + r"(?![\w'’-])", re.IGNORECASE)
    seen: list[str] = []
    for ln in lines[first.idx + 1 :]:
        if ln.start == title_start or not ln.text:
            continue
        m = again.search(ln.text)
        if m and (words > 1 or "©" in ln.text or "copyright" in ln.text.lower()):
            seen.append(m.group(0))
    if not seen:
        return None
    if t.isupper():
        return next((s for s in seen if not s.isupper()), t)
    return t
