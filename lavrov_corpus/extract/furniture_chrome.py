"""Page chrome shapes: navigation lines, image markers, menus, counters, hashtag rows, share rows
and banners (see :mod:`.furniture` for the list of shapes).
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
    "|читать далее|подробнее|все новости"
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


_SCRAPED_CELL = re.compile(r"(?:^\||\s\|)$|^\|\s")


def trim_edges(line: str) -> str:
    """The line without leading/trailing bullets, dashes, pipes and spaces, lower-cased."""
    return strip_edges(line).lower()


def strip_edges(line: str) -> str:
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
    """A navigation, accessibility or page-chrome line ("All news", "- Advertisement -"), or a
    separator made only of dashes, stars or underscores ("___", "* * *")."""
    if len(line) > 60:
        return False
    trimmed = trim_edges(line)
    return (
        trimmed in NAV_LINES
        or not trimmed.strip("* ")
        or _LANGUAGE_SWITCH.match(line.strip()) is not None
    )


def is_image_marker(line: str) -> bool:
    """An image placeholder ("![]() |", "• 16x9 Image") or a scraped table cell ending in '|'."""
    return bool(_IMAGE_MARKER.match(strip_edges(line))) or (
        len(line) <= 300 and _scraped_cell(line)
    )


_MENU_SPLIT = re.compile(r"\s+[|/·•>»›]\s+|\s*\|\s*")
_DIGIT = re.compile(r"\d")
_GAP_SPLIT = re.compile(r"\s{2,}|\t")
_COUNT_UNITS = (
    r"subscribers?|followers?|members?|views?|comments?|replies|reply|shares?|likes?|reactions?"
    r"|readers?|min(?:ute)?s?\s+read|reads?"
)
_COUNTER = re.compile(
    r"^(?:[^\w\s]{1,3}\s*)?\d[\d\s.,\u00a0\u202f]*[KkMm]?\s*(?:" + _COUNT_UNITS + r")?"
    r"(?:\s+(?:[^\w\s]{1,3}\s*)?\d[\d.,]*[KkMm]?(?:\s+(?:" + _COUNT_UNITS + r"))?)*$",
    re.IGNORECASE,
)
_UNIT_FIRST = re.compile(r"^(?:" + _COUNT_UNITS + r")\s*:?\s*\d[\d.,]*[KkMm]?$", re.IGNORECASE)
_ONE_HASHTAG = re.compile(r"^#\w+$")
# "#NPT #Arms control", "#Choe Son Hui #N. Korea-Russia": tags of one to four words each
_HASHTAG_ROW = re.compile(
    r"^#\w[\w.’'\-]*(?: [\w.’'\-]+){0,3}(?:[\s,]+#\w[\w.’'\-]*(?: [\w.’'\-]+){0,3})*$"
)
_SHARE_WORDS = _word_set(
    "share shares facebook twitter x email e-mail mail whatsapp telegram linkedin reddit"
    " pinterest flipboard messenger vk bluesky threads print copy link copied tweet send"
    " save comment comments url sms on social sharing"
    # tool rows: "E-mail This Story | Printable Version", "Print this article", "Font size"
    " this story article printable version printer-friendly bookmark font size gift page"
)
_BANNER = re.compile(
    r"^(?:support (?:independent|our|quality|us)\b|become a (?:member|subscriber|supporter|patron)"
    r"|donate\b|make a donation|contribute (?:today|now)\b|help us\b|join us\b|subscribe\b"
    r"|sign (?:in|up|out)\b"
    r"|log (?:in|out)\b"
    r"|create (?:an|a free) account|register\b|get the (?:app|newsletter)|download (?:the|our) app"
    r"|(?:we|this (?:site|website)) uses? cookies|accept (?:all )?cookies|manage cookies"
    r"|save articles to read later|click here to share|\d+\s*min(?:ute)?s? read(?:ing time)?\b"
    r"|list (?:of \d+ items|\d+ of \d+)$|end of list$|most (?:viewed|read|popular|shared)\b"
    r"|leave a (?:comment|reply)\b|(?:view|show|read) comments\b|reuse this content"
    r"|send us your feedback|link copied|copy link|navigation menu|skip (?:links|next section)"
    r"|print subscriptions|(?:us|uk|international|europe) edition$|we[’']ve been covering\b"
    r"|authors?:|add to (?:my\w*|favou?rites|reading list|bookmarks|saved)$"
    r"|save (?:for later|to (?:my )?(?:list|reading list|bookmarks))$"
    # a channel prompt: "Join ST's Telegram channel", "Подписывайтесь на ... в Telegram"
    r"|join (?:us on|our (?:telegram|whatsapp)|[\w’'.]+ (?:telegram|whatsapp) channel)"
    r"|подписывайтесь|подпишитесь)",
    re.IGNORECASE,
)


# A short label before a menu's items ("Follow topics: ", "Click the alert icon to follow: ").
_MENU_LABEL = re.compile(r"[A-Z][^:|“”\"«»]{0,80}?:[ \u00a0]+(?=[^ \u00a0])")


def is_menu(line: str) -> bool:
    """A menu line: three or more short items split by '|', '/' or '·' ("Home | World |
    Europe"), or two items written in capitals ("CHINA / DIPLOMACY"); a site's long section
    row may run to 400 characters when it has eight or more '|' separators."""
    if len(line) > 160 and (len(line) > 400 or line.count("|") < 8):
        return False
    if not any(c in line for c in "|/·•>»›"):
        return _gap_menu(line)
    label = _MENU_LABEL.match(line)
    if label is not None and line.count("|") >= 2 and is_menu(line[label.end() :]):
        return True  # "Click the alert icon to follow topics: Iran Deal | Netanyahu | Russia"
    parts = [p for p in _MENU_SPLIT.split(strip_edges(line)) if p]
    if len(parts) >= 2 and parts[0].lower() == "home" and _BREADCRUMB.search(line):
        return True  # "Home > Office of the Spokesperson > Press Releases"
    if len(parts) < 2 or any(len(p.split()) > 3 or p.endswith((".", "?", "!")) for p in parts):
        # "Europe  Africa  Business / Tech  Sport": a gap menu with a slash inside one item
        return _gap_menu(line) or _tool_row(parts)
    return len(parts) >= 3 or all(p.isupper() for p in parts) or _gap_menu(line)


def _tool_row(parts: list[str]) -> bool:
    """A row of page tools with one longer widget ("Print | Email | Share | Font size: A A
    A"): three or more items, all but one of them chrome or sharing words."""
    if len(parts) < 3 or any(len(p.split()) > 5 or p.endswith((".", "?", "!")) for p in parts):
        return False
    tools = sum(p.lower() in NAV_LINES or p.lower() in _SHARE_WORDS for p in parts)
    return tools >= len(parts) - 1


_BREADCRUMB = re.compile(r"^\W*home\s+[>»›/]\s", re.IGNORECASE)


def _gap_menu(line: str) -> bool:
    """Three or more short capitalised items split by runs of spaces ("Home  News  World")."""
    if "  " not in line and "\t" not in line:
        return False
    parts = [p for p in _GAP_SPLIT.split(line.strip()) if p]
    return len(parts) >= 3 and all(
        len(p.split()) <= 3
        and (p[-1] not in ".?!," or _ABBREVIATION.fullmatch(p) is not None)  # "U.S."
        and (p[0].isupper() or p[0].isdigit())
        for p in parts
    )


_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,4}")


def is_counter(line: str) -> bool:
    """A count with its unit and nothing else ("2 148 subscribers", "12 comments", "👁 14.8K",
    "🔥 212  👍 97", "Comments 37"); a bare number is no counter."""
    if len(line) > 80 or _DIGIT.search(line) is None:
        return False
    t = line.strip()
    if _UNIT_FIRST.match(t):
        return True
    m = _COUNTER.match(t)
    return m is not None and (any(c.isalpha() for c in line) or not line.strip()[:1].isdigit())


def is_hashtag_row(line: str) -> bool:
    """A line made only of hashtags ("#INF #strategic_stability")."""
    if len(line) > 300 or not line.startswith("#"):
        return False
    if line.count("#") < 2:  # one tag of several words could be a sentence ("#NPT is dead")
        return _ONE_HASHTAG.match(line) is not None
    return _HASHTAG_ROW.match(line) is not None


def is_share_row(line: str) -> bool:
    """A row of share buttons: only network and sharing words ("Facebook Tweet Email Link")."""
    if len(line) > 160:
        return False
    words = line.replace("|", " ").lower().split()
    return 0 < len(words) <= 20 and all(w.strip("!.,:") in _SHARE_WORDS for w in words)


def is_banner(line: str) -> bool:
    """A banner, account prompt, widget or comment prompt ("Become a member", "2 min read")."""
    return len(line) <= 120 and _BANNER.match(strip_edges(line)) is not None
