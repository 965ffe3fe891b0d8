"""Related links: "Read more: ..." lines, bare related-links labels and site list labels
("Trending", "Most Read") that head lists of linked headlines (see :mod:`.furniture`).
"""

from __future__ import annotations

import re

from .furniture_chrome import strip_edges

_RELATED_FIRST = frozenset("rsamwyifodgkчспнд")  # first letters of every related-links label
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
    r"|more (?:news|stories)|you may also like|you might also like|more (?:from|in) [\w ]{1,30}"
    r"|go deeper|dig deeper|keep reading"
    + _RELATED_RU
    + r"|другие новости|материалы по теме)\s*:?$",
    re.IGNORECASE,
)


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
    if len(line) <= 40 and first in _LIST_FIRST and _LIST_LABEL.match(strip_edges(line)):
        return "list"
    if first not in _RELATED_FIRST:
        return None
    t = strip_edges(line) if len(line) <= 40 else line
    if len(t) <= 60 and _RELATED_LABEL.match(t):  # a label is short
        return "label"
    return "inline" if _RELATED_INLINE.match(line) else None
