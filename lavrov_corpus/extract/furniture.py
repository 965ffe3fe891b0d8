"""Recognisers for site furniture: lines of a scraped page that are not the article.

Each rule is general (a kind of line seen on news sites), never a sentence of one article:
navigation and accessibility links, "Breaking News", image markers, photo credits and captions,
advertisement markers, language switches, newsletter prompts, sharing links and footers. The
cleaner (:mod:`.clean`) decides what to do with each class of line.

Shapes rather than site strings:

- *Menus*: a line of three or more short items split by "|", "/", "·", ">" / "»" (a
  breadcrumb: "Home > Newscenter > Press Releases") or by runs of two or more spaces ("China
  Hong Kong   Asia   World", a scraped row of links or of topic tags), or of two items in
  capitals ("CHINA / DIPLOMACY"). Each item has at most three words and no sentence end,
  except in a breadcrumb starting at "Home >".
- *Timestamps*: a time with no date or a relative time ("14:05 GMT", "Updated 2 hours ago"):
  a mark under a headline like a date line, and dropped inside the body (a live page's entry
  times).
- *Counters and widgets*: a count with its unit and nothing else ("2 148 subscribers", "12
  comments", "5 min read", "👁 14.8K", "🔥 212  👍 97").
- *Hashtag rows*: a line made only of hashtags ("#INF #strategic_stability"); a treaty named
  there is a tag, not a mention.
- *Share rows*: a line made only of network and sharing words ("Facebook Twitter Email").
- *Banners and page chrome*: appeals and account prompts at the start of a short line
  ("Support independent journalism", "Become a member", "Donate", "Sign in", cookie
  notices), reading-time and list widgets ("2 min read", "list 1 of 3", "end of list"),
  comment and feedback prompts, bookmark buttons ("Add to myFT", "Save for later").
- *Related links*: "Read more: <headline>" (and "See also", "Read also", "Related:",
  "Related article:", "Recommended:", Russian "Читайте также:") is dropped as one line, and
  so is a link to the original ("Full text in Russian: «...»", "Original in Russian: <url>");
  a bare label ("READ MORE", "Related article", "Related coverage:", "Recommended Stories",
  "Related topics", "In Other News", "Читайте также:", "По теме") is dropped with the
  headline-shaped lines (or topic rows) that follow it (see :func:`related_label`); so is a
  site list label ("Trending", "Most Read", "Top Stories", "Read next") once the body has
  begun (over the headline it is dropped alone).
- *Bylines*: "By A and B" with an optional short tail after a comma or "|", or a longer
  description opening with an article and ending with a period ("By Jane Doe, a senior fellow
  at the Carnegie Endowment for International Peace."), and "Forwarded from <channel>" on
  reposted messages; correspondents with their cities and no "By" ("Jane Doe in Moscow and
  John Roe in Washington"); two to four bare names ("Jane Doe and John Roe"); a name with a
  title after a comma ("Antony J. Blinken, Secretary of State", "Jane Doe, Moscow
  Correspondent").
- *Signatures*: a dash and a name under a pull quote ("— Sergey Lavrov, February 2025") are
  text, never a byline or a date line.
- *Credits*: a line that is only an agency name ("Getty Images"), "(Photo by ...)",
  "Name/Agency" (also "Name/AFP via Getty Images") and "<agency> Photo/<name>" ("UN
  Photo/Loey Felipe") credits; the cleaner also drops the caption written next to them. A
  caption ending in its credit on the same line ("Lavrov in Moscow. | Name/AFP via Getty
  Images", "Deputies in the Duma. (Reuters Photo)", "... (Name/AFP via Getty Images)") is
  dropped whole.
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
_AGENCIES = (
    r"TASS|ITAR-TASS|AP|AFP|Reuters|The Associated Press|Associated Press|The Canadian Press"
    r"|Canadian Press|EPA|EPA-EFE|Getty Images|Getty|RIA Novosti|RIA|Sputnik"
    r"|Xinhua|Anadolu|Anadolu Agency|Pool|DPA|Bloomberg|ANP|Shutterstock|SIPA|Alamy|Kremlin"
    r"|Russian Foreign Ministry|Foreign Ministry|MFA|AA|ZUMA|Imago|REX|NurPhoto|UPI|Kommersant"
)
_CREDIT = re.compile(
    r"(?:^\(?(?:©|\(c\)|photo:|photo by|photograph:|photo credit|image:|picture:|credit:|source:"
    r"\s*(?:" + _AGENCIES + r"))|\b(?:Photo|Image|Picture|Credit)s?:\s*\S|©)",
)
# _CREDIT in parts the engine scans fast: its anchored start, and its "Photo:" alternative
# written to start with a character class (C, I or P not after a word character).
_CREDIT_START = re.compile(
    r"\(?(?:©|\(c\)|photo:|photo by|photograph:|photo credit|image:|picture:|credit:|source:"
    r"\s*(?:" + _AGENCIES + r"))"
)
_CREDIT_LABEL = re.compile(
    r"[CIP](?<!\w\w)(?:(?<=P)hoto|(?<=I)mage|(?<=P)icture|(?<=C)redit)s?:\s*\S"
)
_CREDIT_AGENCY = re.compile(
    r"\b[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s?/\s?(?:" + _AGENCIES + r")"
    r"(?:\s+via\s+(?:" + _AGENCIES + r")|\s+\w+)?\)?\s*$"
    # "UN Photo/Loey Felipe", "AP Photo/Alexander Zemlianichenko": an agency's photo, a name
    r"|\b(?:Photo|Photograph)s?\s?/\s?[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s*$"
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
    r"|(?:personal,? )?non-commercial use only|subscriber agreement)\b",
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
    r"|appeared in the .{0,40}print edition\b)",
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
_SCRAPED_CELL = re.compile(r"(?:^\||\s\|)$|^\|\s")

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
    return bool(_IMAGE_MARKER.match(_trim(line))) or (len(line) <= 300 and _scraped_cell(line))


def is_credit(line: str) -> bool:
    """A photo credit line ("© Name/TASS", "Photo: TASS", "Name Surname/Reuters")."""
    return len(line) <= 200 and (
        "©" in line
        or _CREDIT_START.match(line) is not None
        or (":" in line and _CREDIT_LABEL.search(line) is not None)
        or ("/" in line and _CREDIT_AGENCY.search(line) is not None)
    )


_TRAILING_PARENS = re.compile(r"\(([^()]{2,80})\)$")
_PHOTO_NOTE = re.compile(
    r"(?:[\w.'’-]+\s+){0,3}(?:photo|photograph|picture|image|file)s?(?:\s+by\b.*|\s*:.*)?",
    re.IGNORECASE,
)
#: A credit after a caption's last sentence, unbracketed: "... on Spiridonovka Street. PHOTO: AP".
_TRAILING_PHOTO_LABEL = re.compile(
    r"[.!?”\"]\s+(?:photo|photograph|picture|image)s?(?:\s+credit)?\s*:\s*[^.()]{2,60}$",
    re.IGNORECASE,
)


def is_captioned_credit(line: str) -> bool:
    """A caption ending in its credit in parentheses ("Deputies in the Duma on Oct. 17. (Reuters
    Photo)", "Lavrov in Moscow. (ANI photo)", "... (Alexander Nemenov/AFP via Getty Images)",
    "... (Photo: Asean Secretariat)") or after a "PHOTO:" label ("... Street. PHOTO: EXPRESS")."""
    if len(line) > 300:
        return False
    if not line.endswith(")"):
        return _TRAILING_PHOTO_LABEL.search(line) is not None
    m = _TRAILING_PARENS.search(line)
    if m is None:
        return False
    inner = m.group(1).strip()
    return (
        _PHOTO_NOTE.fullmatch(inner) is not None
        or is_agency_credit(inner)
        or ("/" in inner and _CREDIT_AGENCY.search(inner) is not None)
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
    if "," not in line and " and " not in line and "&" not in line:
        return False  # the name bylines below join names or a title with these
    return _NAMES_BYLINE.match(line) is not None or _ROLE_BYLINE.match(line) is not None


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


_AGENCY_ONLY = re.compile(
    r"^\(?(?:" + _AGENCIES + r")(?:\s*(?:/|via)\s*(?:" + _AGENCIES + r"))*\)?$"
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
_RELATED_FIRST = frozenset("rsamwyifodчспнд")  # first letters of every related-links label
# Russian labels of the same boxes ("Читайте также", "По теме", "Новости по теме").
_RELATED_RU = (
    r"|читайте также|читать также|смотрите также|см\. также|(?:ещё |еще |новости )?по теме"
)
_RELATED_INLINE = re.compile(
    r"^(?:read (?:more|also)(?: about)?|see also|also read"
    r"|related(?: articles?| stories| coverage| news)?"
    r"|recommended|more on this(?: story)?|more:|watch" + _RELATED_RU + r")\s*[:|–—-]\s*\S"
    # a link to the original ("Full text in Russian: «...»", "Original in Russian: https://...")
    r"|^(?:full (?:text|article|version)|original(?: text| article| story| version)?"
    r"|read (?:the|it) (?:original|full text|full article))(?: in [^\W\d_]+)?\s*:\s*\S",
    re.IGNORECASE,
)
_RELATED_LABEL = re.compile(
    r"^(?:read (?:more|also)(?: (?:in|from|on|at) [\w .'’&-]{1,40})?|see also|also read"
    r"|related(?: articles?| stories| coverage| news"
    r"| content| reading| topics| tags| resources)?|recommended(?: stories| reading| articles)?"
    r"|more on this(?: story)?|in other news|further reading|(?:also )?worth reading"
    r"|don[’']t miss|(?:you )?(?:may|might) also (?:want to )?read"
    r"|more (?:news|stories)|you may also like|you might also like|more from [\w ]{1,30}"
    + _RELATED_RU
    + r"|другие новости|материалы по теме)\s*:?$",
    re.IGNORECASE,
)


def is_menu(line: str) -> bool:
    """A menu line: three or more short items split by '|', '/' or '·' ("Home | World |
    Europe"), or two items written in capitals ("CHINA / DIPLOMACY"); a site's long section
    row may run to 400 characters when it has eight or more '|' separators."""
    if len(line) > 160 and (len(line) > 400 or line.count("|") < 8):
        return False
    if not any(c in line for c in "|/·•>»›"):
        return _gap_menu(line)
    parts = [p for p in _MENU_SPLIT.split(_trim(line)) if p]
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
    return len(line) <= 120 and _BANNER.match(_trim(line)) is not None


def is_agency_credit(line: str) -> bool:
    """A line that only names a photo agency ("Getty Images", "AFP via Getty Images")."""
    return len(line) <= 60 and _AGENCY_ONLY.match(_trim(line)) is not None


_LIST_FIRST = frozenset("tmpleurdew")  # first letters of every list label
# Labels of the site's own lists ("Trending", "Most Read", "Top Stories"): over the body
# they may stand above the article's own headline, so they head a list only after the body.
_LIST_LABEL = re.compile(
    r"^(?:trending(?: now| stories| news)?|most (?:read|popular|viewed|shared)(?: stories)?"
    r"|popular(?: stories| now)?|top stories|latest(?: news| stories)?|editor[’']?s[’']? picks"
    r"|(?:what to )?read next|up next|don[’']t miss|recommended for you|more stories"
    r"|must reads?|elsewhere on [\w ]{1,30})\s*:?$",
    re.IGNORECASE,
)


def related_label(line: str) -> str | None:
    """'inline' for "Read more: <headline>", 'label' for a bare "READ MORE" / "Related
    coverage:" whose headlines follow on their own lines, 'list' for a site list label
    ("Trending", "Most Read") that heads such headlines below the body, else None."""
    if len(line) > 250:
        return None
    first = line.lstrip("-–—•·*|>#_=~: ")[:1].lower()
    if len(line) <= 40 and first in _LIST_FIRST and _LIST_LABEL.match(_trim(line)):
        return "list"
    if first not in _RELATED_FIRST:
        return None
    t = _trim(line) if len(line) <= 40 else line
    if len(t) <= 60 and _RELATED_LABEL.match(t):  # a label is short
        return "label"
    return "inline" if _RELATED_INLINE.match(line) else None
