"""Recognisers for site furniture: lines of a scraped page that are not the article.

Each rule is general (a kind of line seen on news sites), never a sentence of one article:
navigation and accessibility links, "Breaking News", image markers, photo credits and captions,
advertisement markers, language switches, newsletter prompts, sharing links and footers. The
cleaner (:mod:`.clean`) decides what to do with each class of line.
"""

from __future__ import annotations

import re


def _word_set(words: str, sep: str | None = None) -> frozenset[str]:
    """The words (or ``sep``-separated phrases) of a reference list written as one string."""
    return frozenset(w.strip() for w in words.split(sep) if w.strip())


_EDGE_JUNK = re.compile(r"^[\s\-–—•·*|>#_=~:]+|[\s\-–—•·*|>#_=~:]+$")
_EDGE_CHARS = frozenset("-–—•·*|>#_=~:")

#: Whole lines (lower-cased, trimmed of bullets and dashes) that are navigation or page chrome.
NAV_LINES = _word_set(
    "all news|breaking news|breaking|accessibility links|skip to content|skip to main content"
    "|skip to navigation|skip to main navigation|jump to content|advertisement|advertising|ad"
    "|sponsored|sponsored content|menu|main menu|search|home|share|share this"
    "|share this article|share on facebook|share on twitter|print|email|e-mail|tweet|related"
    "|related articles|related news|related stories|read more|read also|see also|more|close"
    "|loading|top stories|latest news|latest|most read|most popular|follow us|comments"
    "|back to top|next article|previous article|video|photo|image|gallery|listen"
    "|listen to this article|subscribe|log in|login|sign in|register|copy link"
    "|cookie settings|news|world|politics|live|english|español|français|deutsch|русский"
    "|português|italiano|العربية|中文|türkçe",
    sep="|",
)

_LANGUAGE_SWITCH = re.compile(
    r"^(?:leer en|read in|lire en|ler em|leggi in|lesen sie auf|auf \w+ lesen|читать на"
    r"|versión en|version en|english version|en español|in english)\b.{0,20}$",
    re.IGNORECASE,
)
_IMAGE_MARKER = re.compile(
    r"^(?:!\[[^\]]*\]\([^)]*\)|\[?(?:image|photo|picture|video|gallery|file)\s*[:\]]|"
    r"\d+x\d+\s+(?:image|video|photo)\b|(?:image|photo|video)\s+\d+\s*(?:of|/)\s*\d+$)",
    re.IGNORECASE,
)
_AGENCIES = (
    r"TASS|ITAR-TASS|AP|AFP|Reuters|EPA|EPA-EFE|Getty Images|Getty|RIA Novosti|RIA|Sputnik"
    r"|Xinhua|Anadolu|Anadolu Agency|Pool|DPA|Bloomberg|ANP|Shutterstock|SIPA|Alamy|Kremlin"
    r"|Russian Foreign Ministry|Foreign Ministry|MFA|AA|ZUMA|Imago|REX|NurPhoto|UPI|Kommersant"
)
_CREDIT = re.compile(
    r"(?:^(?:©|\(c\)|photo:|photo by|photograph:|photo credit|image:|picture:|credit:|source:"
    r"\s*(?:" + _AGENCIES + r"))|\b(?:Photo|Image|Picture|Credit)s?:\s*\S|©)",
)
# _CREDIT in parts the engine scans fast: its anchored start, and its "Photo:" alternative
# written to start with a character class (C, I or P not after a word character).
_CREDIT_START = re.compile(
    r"(?:©|\(c\)|photo:|photo by|photograph:|photo credit|image:|picture:|credit:|source:"
    r"\s*(?:" + _AGENCIES + r"))"
)
_CREDIT_LABEL = re.compile(
    r"[CIP](?<!\w\w)(?:(?<=P)hoto|(?<=I)mage|(?<=P)icture|(?<=C)redit)s?:\s*\S"
)
_CREDIT_AGENCY = re.compile(
    r"\b[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s?/\s?(?:" + _AGENCIES + r")(?:\s+\w+)?\s*$"
)
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
)
_NEWSLETTER = re.compile(
    r"\b(?:subscribe to (?:our|the)|sign up (?:here|for|to|now|today)|newsletter|"
    r"delivered (?:directly )?to your inbox|get the latest news|follow us on)\b",
    re.IGNORECASE,
)
_FOOTER_LINE = re.compile(
    r"\b(?:click here|all rights reserved|terms of (?:use|service)|privacy policy|cookie policy"
    r"|journalists report the news|use of cookies|reproduction (?:is )?prohibited"
    r"|republication|please note that you could face)\b",
    re.IGNORECASE,
)
#: Lines after which nothing belongs to the article (credits, tag lists, related links).
_FOOTER_START = re.compile(
    r"^(?:with (?:additional )?reporting by|reporting by|additional reporting|editing by"
    r"|writing by|compiled by|(?:related|more|recommended) (?:articles|stories|news|reading)"
    r"|more from|you may also like|you might also like|tags?:|topics?:|keywords?:"
    r"|©\s*\d{4}|copyright\s*(?:©\s*)?\d{4}|all rights reserved)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}(?:\s*[,|].{0,60})?$")
_SCRAPED_CELL = re.compile(r"(?:^\||\s\|)$|^\|\s")

_COPYRIGHT_OUTLET = re.compile(
    r"^(?:©|copyright)\s*(?:©\s*)?\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*"
    r"(?P<outlet>[A-Z][\w.&'’/ -]{1,40}?)\s*[.,]?(?:\s+all rights reserved.*)?$",
    re.IGNORECASE,
)
_SELF_DESCRIPTION_OUTLET = re.compile(
    r"^(?P<outlet>[A-Z][\w./&-]+(?: [A-Z][\w./&-]+){0,3}) journalists report\b"
)


def trim_edges(line: str) -> str:
    """The line without leading/trailing bullets, dashes, pipes and spaces, lower-cased."""
    return _trim(line).lower()


def _trim(line: str) -> str:
    """``_EDGE_JUNK.sub("", line)`` for a line (no line break), without scanning it all."""
    if "\n" in line:
        return _EDGE_JUNK.sub("", line)  # "$" also matches before a final "\n"
    i, j = 0, len(line)
    while i < j and (line[i] in _EDGE_CHARS or line[i].isspace()):
        i += 1
    while j > i and (line[j - 1] in _EDGE_CHARS or line[j - 1].isspace()):
        j -= 1
    return line[i:j]


def _scraped_cell(line: str) -> bool:
    """``_SCRAPED_CELL.search(line)`` for a line (no line break), from its ends only."""
    if "\n" in line:
        return _SCRAPED_CELL.search(line) is not None
    if line.endswith("|") and (len(line) == 1 or line[-2].isspace()):
        return True
    return line.startswith("|") and len(line) > 1 and line[1].isspace()


def is_nav(line: str) -> bool:
    """A navigation, accessibility or page-chrome line ("All news", "- Advertisement -")."""
    return len(line) <= 60 and (
        trim_edges(line) in NAV_LINES or _LANGUAGE_SWITCH.match(line.strip()) is not None
    )


def is_image_marker(line: str) -> bool:
    """An image placeholder ("![]() |", "• 16x9 Image") or a scraped table cell ending in '|'."""
    return bool(_IMAGE_MARKER.match(_trim(line))) or (len(line) <= 300 and _scraped_cell(line))


def is_credit(line: str) -> bool:
    """A photo credit line ("© Name/TASS", "Photo: TASS", "Name Surname/Reuters")."""
    return len(line) <= 200 and (
        "©" in line
        or _CREDIT_START.match(line) is not None
        or (":" in line and _CREDIT_LABEL.search(line) is not None)
        or ("/" in line and _CREDIT_AGENCY.search(line) is not None)
    )


def is_prompt_or_footer(line: str) -> bool:
    """A newsletter prompt or a footer/disclaimer line."""
    if len(line) > 600:
        return False
    low = line.lower()
    if not any(k in low for k in _FOOTER_KEYS):
        return False
    return _NEWSLETTER.search(line) is not None or _FOOTER_LINE.search(line) is not None


def starts_footer(line: str) -> bool:
    """A line after which the rest of the file is footer (credits, tags, copyright)."""
    return len(line) <= 300 and _FOOTER_START.match(line) is not None


def is_byline(line: str) -> bool:
    """A byline such as "By John Smith"."""
    return len(line) <= 100 and _BYLINE.match(line) is not None


def outlet_in_furniture(line: str) -> str | None:
    """The publisher named by a copyright or self-description line, if any."""
    m = _COPYRIGHT_OUTLET.match(line) or _SELF_DESCRIPTION_OUTLET.match(line)
    return m.group("outlet").strip() if m else None
