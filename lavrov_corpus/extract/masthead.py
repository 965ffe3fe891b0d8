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


_DOMAIN = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z]{2,})+")
_CREDIT_LINE = re.compile(r"©|\bcopyright\b|^by\b|^about\b", re.IGNORECASE)


def _named(t: str) -> bool:
    """A short line of capitalised words that could be a site's name."""
    return (
        len(t) <= 40
        and len(t.split()) <= 5
        and bool(_MASTHEAD.fullmatch(t))
        and not is_furniture(t)
    )


def masthead(lines: list[Line], title_start: int) -> str | None:
    """The page's first line when it is a site name that the page prints again lower down
    ("Bangkok Post" over "Bangkok Post Public Company Limited", "GULF NEWS" over "Download
    the Gulf News app"), or whose first words a byline or copyright line repeats ("The Local
    Sweden" over "© 2024 The Local Europe AB"), or that a domain names ("smh.com.au - The Sydney
    Morning Herald"). One word counts only when a copyright line repeats it. An all-capitals
    masthead is given as the page spells it elsewhere in mixed case."""
    first = next((ln for ln in lines if ln.text), None)
    if first is None or first.start == title_start:
        return None
    parts = re.split(r"\s+[|–—-]\s+|\s*\|\s*", first.text, maxsplit=1)
    if len(parts) == 2 and _DOMAIN.fullmatch(parts[0]) and _named(parts[1]):
        return parts[1].strip()  # "smh.com.au - The Sydney Morning Herald": the site says so
    # "Haaretz | Israel News": the site name before its tagline
    t = parts[0].rstrip(".")
    words = len(t.split())
    if not _named(t):
        return None
    again = re.compile(r"(?<![\w'’-])" + re.escape(t) + r"(?![\w'’-])", re.IGNORECASE)
    seen: list[str] = []
    for ln in lines[first.idx + 1 :]:
        if ln.start == title_start or not ln.text:
            continue
        m = again.search(ln.text)
        if m and (words > 1 or "©" in ln.text or "copyright" in ln.text.lower()):
            seen.append(m.group(0))
    if not seen and words >= 3:
        # "The Local Sweden" over "By The Local", "© 2024 The Local Europe AB": the name's
        # first words repeated in a byline or copyright line
        head = " ".join(t.split()[:-1])
        again = re.compile(r"(?<![\w'’-])" + re.escape(head) + r"(?![\w'’-])", re.IGNORECASE)
        if any(
            again.search(ln.text) and _CREDIT_LINE.search(ln.text)
            for ln in lines[first.idx + 1 :]
            if ln.text and ln.start != title_start
        ):
            return t
    if not seen:
        return None
    if t.isupper():
        return next((s for s in seen if not s.isupper()), t)
    return t
