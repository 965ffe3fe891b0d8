"""Recognisers for site furniture: lines of a scraped page that are not the article.

Each rule is general (a kind of line seen on news sites), never a sentence of one article:
navigation and accessibility links, "Breaking News", image markers, photo credits and captions,
advertisement markers, language switches, newsletter prompts, sharing links and footers. The
cleaner (:mod:`.clean`) decides what to do with each class of line.

The recognisers live in :mod:`.furniture_chrome` (navigation, menus, counters, banners),
:mod:`.furniture_credits`, :mod:`.furniture_bylines` (bylines, signatures, timestamps),
:mod:`.furniture_footers` (footers, comments, copyright outlets) and :mod:`.furniture_related`;
this module gathers them under one name.

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

from .furniture_bylines import is_byline, is_signature, is_timestamp
from .furniture_chrome import (
    NAV_LINES,
    is_banner,
    is_counter,
    is_hashtag_row,
    is_image_marker,
    is_menu,
    is_nav,
    is_share_row,
    trim_edges,
)
from .furniture_credits import is_agency_credit, is_captioned_credit, is_credit
from .furniture_footers import (
    is_prompt_or_footer,
    outlet_in_furniture,
    starts_comments,
    starts_footer,
)
from .furniture_related import related_label

__all__ = [
    "NAV_LINES",
    "is_agency_credit",
    "is_banner",
    "is_byline",
    "is_captioned_credit",
    "is_counter",
    "is_credit",
    "is_hashtag_row",
    "is_image_marker",
    "is_menu",
    "is_nav",
    "is_prompt_or_footer",
    "is_share_row",
    "is_signature",
    "is_timestamp",
    "outlet_in_furniture",
    "related_label",
    "starts_comments",
    "starts_footer",
    "trim_edges",
]
