"""Headline, publication date and outlet on pages of many real-world layouts.

The articles in ``tests/data/layouts`` imitate scraped pages of different sites (site-name
lines, banners, navigation, share buttons, bylines, timestamps, captions, "Read more" lines);
``gold/<stem>.json`` holds the expected title, date, outlet, the start of the body and strings
that must not reach ``articles.text``. ``python tests/test_extract_layouts.py`` prints the
per-field accuracy.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
LAYOUTS = HERE / "data" / "layouts"
sys.path.insert(0, str(HERE.parent))

from lavrov_corpus.extract import Conversion, convert_bytes  # noqa: E402
from lavrov_corpus.extract import furniture as fu  # noqa: E402
from lavrov_corpus.extract.dates import date_line  # noqa: E402

STEMS = sorted(p.stem for p in LAYOUTS.glob("*.txt"))
FIELDS = ("title", "published", "outlet", "body", "absent")


def _gold(stem: str) -> dict[str, Any]:
    return json.loads((LAYOUTS / "gold" / f"{stem}.json").read_text("utf-8"))


def check(stem: str) -> dict[str, bool]:
    """Which fields of one layout article the converter got right."""
    out = convert_bytes((LAYOUTS / f"{stem}.txt").read_bytes(), source_path=f"{stem}.txt")
    assert isinstance(out, Conversion), out
    a, g = out.article, _gold(stem)
    pub = None
    if a.published is not None:
        pub = a.published.isoformat()
        if a.published_precision is not None and a.published_precision.value == "month":
            pub = pub[:7]
        elif a.published_precision is not None and a.published_precision.value == "year":
            pub = pub[:4]
    return {
        "title": a.title == g["title"],
        "published": pub == g["published"],
        "outlet": (a.outlet or "").lower() == (g["outlet"] or "").lower(),
        "body": a.text[a.body_start :].startswith(g["first_body_words"]),
        "absent": not any(s in a.text for s in g.get("absent", [])),
    }


@pytest.mark.parametrize("stem", STEMS)
def test_layout_article(stem: str) -> None:
    got = check(stem)
    assert all(got.values()), {k: v for k, v in got.items() if not v}


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("November 3, 2025", "2025-11-03"),
        ("Published: 12 Feb 2026 14:05 GMT", "2026-02-12"),
        ("Mon 3 Nov 2025 10.45 GMT", "2025-11-03"),
        ("Source: Xinhua | 2025-11-03 20:15:30 | Editor: huaxia", "2025-11-03"),
        ("25/11/2025", "2025-11-25"),
        ("3/11/2025", None),  # day and month cannot be told apart
        ("Lavrov in Moscow on Oct. 20, 2025", None),  # a caption's event, not a page date
        ("On February 2, 2019, the United States said it would suspend the treaty", None),
        ("31 February 2024", None),
        ("FEBRUARY 4, 2019, 2:28 PM", "2019-02-04"),
        ("February 5, 2026 4:12 pm CET", "2026-02-05"),
        ("Published: 9:30pm, 9 Apr 2024", "2024-04-09"),
        ("December 2023", "2023-12-01"),
        (
            "Jane Doe and John Roe of the Example Wire, with files · Posted: Mar 2, 2021 4:47 PM",
            "2021-03-02",
        ),
        ("Jane Doe and John Roe of the Example Wire, with files, March 2, 2021", None),
        ("By Jane Doe in Politics on 19 October 2023", "2023-10-19"),  # a byline's date
        ("15.1.2021 17:42 | updated 15.1.2021 19:05", "2021-01-15"),  # dotted, day first
        ("Today: 28.04.2024 | USD/AZN 1.70 | Brent $89.1", None),  # the reader's day
        ("Talks by the lake on 3 May 2020", None),
    ],
)
def test_date_line(line: str, iso: str | None) -> None:
    got = date_line(line)
    assert (got[0].isoformat() if got else None) == iso


def test_body_dates_and_unknown_sites_are_not_taken() -> None:
    src = (
        "Fort Example\nWhy treaties fail\nArms control is in trouble, experts say, and the"
        " end of New START is near.\nOn 2 February 2019 the US suspended the INF Treaty,"
        " \u201cas of 5 March 2024\u201d the minister said.\n"
    )
    out = convert_bytes(src.encode(), source_path="t.txt")
    assert isinstance(out, Conversion)
    assert out.article.published is None and out.article.outlet is None
    assert out.article.title == "Why treaties fail"


def _conv(src: str) -> Conversion:
    out = convert_bytes(src.encode(), source_path="t.txt")
    assert isinstance(out, Conversion), out
    return out


_BODY = (
    "Russia will leave the treaty on observation flights, the foreign ministry said on Friday,"
    " after months of talks with European members failed.\n\nThe ministry said the decision was"
    " final and blamed Washington for the collapse of the agreement.\n"
)


def test_tagline_above_the_headline_loses_to_the_line_over_the_byline() -> None:
    src = (
        "Example Review\nThe Journal of Ideas and Argument\n\nSign In | Subscribe\n\nANALYSIS\n"
        "Moscow Never Meant to Keep the Treaty\n\nIts diplomats wanted the blame to land in"
        " Washington.\n\nBy Jane Doe, a senior fellow at the Example Institute for Peace.\n\n"
        "MARCH 3, 2021, 2:28 PM\n\n" + _BODY
    )
    a = _conv(src).article
    assert a.title == "Moscow Never Meant to Keep the Treaty"
    assert a.published is not None and a.published.isoformat() == "2021-03-03"
    assert "Journal of Ideas" not in a.text and "Jane Doe" not in a.text


def test_unpunctuated_standfirst_under_the_headline_is_not_the_headline() -> None:
    src = (
        "Russia quits the surveillance flights treaty\n\nMoscow says it will not return unless"
        " the United States does so first, officials say\n\nJane Doe | 15.01.2021\n\n" + _BODY
    )
    a = _conv(src).article
    assert a.title == "Russia quits the surveillance flights treaty"
    assert a.published is not None and a.published.isoformat() == "2021-01-15"


def test_key_points_counters_and_hashtags_are_not_headline_or_body() -> None:
    src = (
        "Arms Watch channel\n2 148 subscribers\n\n"
        "Putin Offers to Keep Nuclear Limits for a Year\n\n"
        "- Russia will observe the caps if the US does the same\n- The Kremlin awaits a reply\n\n"
        "Jane Doe in Moscow\nPublished: 9:30pm, 9 Apr 2024\n\n" + _BODY + "\n#INF #NewSTART\n"
        "12 comments\n"
    )
    a = _conv(src).article
    assert a.title == "Putin Offers to Keep Nuclear Limits for a Year"
    assert a.published is not None and a.published.isoformat() == "2024-04-09"
    assert "#INF" not in a.text and "subscribers" not in a.text and "12 comments" not in a.text
    assert a.treaty_ids == []


def test_parent_company_in_copyright_is_not_the_outlet() -> None:
    site = "Foreign Policy\n\nRussia quits the surveillance flights treaty\n\n" + _BODY
    assert _conv(site + "\n© 2019, The Slate Group\n").article.outlet == "Foreign Policy"
    bare = "Russia quits the surveillance flights treaty\n\n" + _BODY
    assert _conv(bare + "\n© 2019, The Slate Group\n").article.outlet is None
    assert _conv(bare + "\n© Foo Media 2020. All rights reserved.\n").article.outlet == (
        "Foo Media"
    )
    assert _conv(bare + "\n© Le Monde 2021\n").article.outlet == "Le Monde"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("2 148 subscribers", "counter"),
        ("12 comments", "counter"),
        ("Comments 37", "counter"),
        ("\U0001f525 212  \U0001f44d 97", "counter"),
        ("2019", None),
        ("In 2019 there were 12 comments", None),
        ("#INF #strategic_stability", "hashtags"),
        ("China   Hong Kong   Asia   World   Opinion", "menu"),
        ("Home > Newscenter > Press Releases", "menu"),
        ("Russia  Nuclear  CTBT", "menu"),
        ("Lavrov  says the treaty is dead", None),
        ("UN Photo/Loey Felipe", "credit"),
        ("Asia  Europe  Money / Markets  Sport  Culture", "menu"),
        ("Print | Email | Share | Text size: A A A", "menu"),
        ("Print | Email | Russia says the treaty is dead", None),
        ("News | " + " | ".join(f"Section {i}" for i in range(30)), "menu"),
        ("Lavrov in Moscow. | Alexander Nemenov/AFP via Getty Images", "credit"),
        ("Home  World  U.S.  Politics  Books & Arts  Life & Work", "menu"),
        ("He left.  It rained.  U.S.", None),
        ("Click the alert icon to follow topics: Iran Deal | Jane Doe | Russia", "menu"),
        ("Lavrov said: the talks were good | bad | ugly and long", None),
    ],
)
def test_furniture_shapes(line: str, kind: str | None) -> None:
    got = {
        "counter": fu.is_counter(line),
        "hashtags": fu.is_hashtag_row(line),
        "menu": fu.is_menu(line),
        "credit": fu.is_credit(line),
    }
    assert {k for k, v in got.items() if v} == ({kind} if kind else set())


@pytest.mark.parametrize(
    "chrome",
    [
        "Asia  Europe  Money / Markets  Sport  Culture",
        "Print | Email | Share | Text size: A A A",
        "Updated about 3 years ago",
        "Sky News - the latest stories, pictures and opinion",
        "We and our partners use cookies to measure audience and personalise content and ads"
        " on this site. [Accept] [Refuse]",
    ],
)
def test_page_chrome_above_the_headline_is_never_the_headline(chrome: str) -> None:
    src = (
        f"{chrome}\n\nRussia quits the surveillance flights treaty\n{chrome}\nJane Doe\n\n" + _BODY
    )
    a = _conv(src).article
    assert a.title == "Russia quits the surveillance flights treaty"
    assert chrome not in a.text


def test_credit_ending_a_caption_names_no_outlet() -> None:
    src = (
        "Example Channel\n\nRussia quits the surveillance flights treaty\n\n"
        "The minister in Geneva on May 3, 2021. \u00a9 Jane Doe, AFP\n\n" + _BODY
    )
    assert _conv(src).article.outlet is None
    assert _conv(src + "\n\u00a9 2021 Copyright AFP - All rights reserved.\n").article.outlet == (
        "AFP"
    )


def test_site_name_under_page_chrome_beats_the_parent_in_the_copyright() -> None:
    head = "Skip to main content\nMenu\nSearch\nSign In\nCBC News\nWorld\n\n"
    page = "Russia quits the surveillance flights treaty\n\n" + _BODY
    foot = "\n\u00a92021 CBC/Radio-Canada. All rights reserved.\n"
    assert _conv(head + page + foot).article.outlet == "CBC News"
    assert _conv(page + foot).article.outlet is None


def test_ambiguous_numeric_date_is_read_only_as_the_page_prints_it_in_words() -> None:
    head = "Russia quits the surveillance flights treaty\n\nIssued on: 04/06/2021 - 11:42\n"
    head += "4 min Reading time\nText by: NEWS DESK\n\n"
    a = _conv(head + "The minister in Geneva on June 4, 2021.\n\n" + _BODY).article
    assert a.published is not None and a.published.isoformat() == "2021-06-04"
    assert "Issued on" not in a.text and "Reading time" not in a.text and "NEWS DESK" not in a.text
    # no words to tell day from month, and the lede's weekday fits neither reading: only the
    # year both readings share is known
    unknown = _conv(head + _BODY.replace("Friday", "Sunday")).article
    assert unknown.published is not None and unknown.published.isoformat() == "2021-01-01"
    assert unknown.published_precision == "year"
    both = "Talks on June 4, 2021 and April 6, 2021.\n\n"
    assert _conv(head + both + _BODY).article.published_precision == "year"


def test_the_year_of_an_ambiguous_header_date_resolves_a_bare_start() -> None:
    src = (
        "Landmark START pact lapses\n\nUpdated 12/5/2009 9:47 AM\n\nThe treaty expired at "
        "midnight on Friday with no successor signed; a smaller 2002 treaty caps warheads by "
        "2012.\n\nBoth governments said they would honour START while talks go on.\n"
    )
    a = _conv(src).article
    assert {m.treaty_id for m in a.mentions} == {"start-i"}


_WRAPPED_BODY = (
    "The United States will leave the treaty on observation flights, the\n"
    "White House said on Thursday, accusing Russia of breaking the terms of\n"
    "the agreement for years.\n\n"
    "Foreign Minister Jane Roe of Ruritania told reporters the government\n"
    "was \u201cdeeply disappointed\u201d by the decision and would keep talking with\n"
    "allies about the future of the pact.\n\n"
    "Defence officials said the last flight under the treaty took place in\n"
    "the spring, and that no new flights were planned for the rest of year.\n"
)


def test_header_credit_and_widget_do_not_widen_a_hard_wrap() -> None:
    src = (
        "Ruritania regrets the end of the surveillance flights treaty\n"
        "Washington accuses Moscow of violating the accord; Moscow calls the decision a"
        " blow to security in Europe\n"
        "An observation aircraft at an airfield in 2019. (Jane Doe/The Associated Press)\n"
        "Social Sharing\n\n" + _WRAPPED_BODY
    )
    c = _conv(src)
    a = c.article
    assert a.title == "Ruritania regrets the end of the surveillance flights treaty"
    assert "Social Sharing" not in a.text and "Associated Press" not in a.text
    assert "the White House said" in a.text  # wrapped lines joined into one paragraph
    (q,) = c.quotes
    assert q.text == "deeply disappointed" and q.speaker_mention is not None


def test_site_tagline_names_the_outlet() -> None:
    src = "Sky News - the latest stories, pictures and opinion\n\nRussia quits the treaty\n\n"
    assert _conv(src + _BODY).article.outlet == "Sky News"


def test_long_section_row_is_a_menu() -> None:
    row = "Home | " + " | ".join(f"Region {i} News" for i in range(15))
    a = _conv(row + "\n\nRussia quits the surveillance flights treaty\n\n" + _BODY).article
    assert a.title == "Russia quits the surveillance flights treaty"


def test_live_page_headline_over_standfirst_and_date_beats_entry_headings() -> None:
    src = (
        "Live\nRussia and America open talks on arms control in Geneva\n"
        "Delegations meet for the first time in years. Follow the latest below.\n"
        "Friday 15 August 2025 23:10, UK\n\nKey points\nDelegations arrive in Geneva\n"
        "Kremlin says nothing will be signed\n\n23:02\nTalks under way in the old hall\n\n" + _BODY
    )
    a = _conv(src).article
    assert a.title == "Russia and America open talks on arms control in Geneva"
    assert a.published is not None and a.published.isoformat() == "2025-08-15"


def test_masthead_printed_again_lower_down_is_the_outlet() -> None:
    page = "Harbour Ledger\nNews  Opinion\n\nRussia quits the surveillance flights treaty\n\n"
    footer = "\nDownload the Harbour Ledger app for iOS and Android.\n© Ledger Holdings LLC 2021\n"
    assert _conv(page + _BODY + footer).article.outlet == "Harbour Ledger"
    # printed once only: a first line is no outlet (nothing is invented) ...
    once = _conv(page + _BODY + "\n© Ledger Holdings LLC 2021\n").article
    assert once.outlet == "Ledger Holdings LLC"
    # ... and an all-capitals masthead is given as the page spells it in mixed case
    caps = page.replace("Harbour Ledger\n", "HARBOUR LEDGER\n", 1)
    assert _conv(caps + _BODY + footer).article.outlet == "Harbour Ledger"
    # one word counts only when a copyright line repeats it
    word = "Ledger\nNews  Opinion  Sport\n\nRussia quits the surveillance flights treaty\n\n"
    assert _conv(word + _BODY + "\nMore from the Ledger\n").article.outlet is None
    assert _conv(word + _BODY + "\nLedger © 2021\n").article.outlet == "Ledger"


def test_date_line_under_a_long_headline_and_a_standfirst_is_the_date() -> None:
    src = (
        "Moscow's envoy in Pretoria: the minister calls the ties valued while critics talk of a"
        " coup\n\nThe foreign minister found a warm welcome on Monday, a month before joint"
        " naval drills put the country's so-called neutral stance to its hardest test yet.\n\n"
        "By Jane Doe\n23 Jan 2023   5 min read   Follow\n\n" + _BODY
    )
    a = _conv(src).article
    assert a.published is not None and a.published.isoformat() == "2023-01-23"


@pytest.mark.parametrize(
    "caption",
    [
        "The two ministers at a briefing in Pretoria on Monday. (Photo: Jane Doe / Example Images)",
        "The minister during the interview at the ministry's mansion. PHOTO: EXAMPLE",
    ],
)
def test_caption_ending_in_a_labelled_photo_credit_is_dropped(caption: str) -> None:
    src = "Russia quits the surveillance flights treaty\n\n" + caption + "\n\n" + _BODY
    a = _conv(src).article
    assert caption not in a.text and "Pretoria" not in a.text and "mansion" not in a.text


def test_live_post_heading_over_a_time_first_date_line_is_not_the_headline() -> None:
    src = (
        "LIVE COVERAGE\n\nRussia suspends the observation flights treaty: Live updates\n\n"
        "The president announced the move in his annual address to both houses\n\n"
        "Published February 21, 2023 10:05am EST\nBy Example Staff\n\n"
        "Latest update 2 hours ago\n\nForeign ministry says it will keep to the limits\n\n"
        "6:31pm EST, Feb 21, 2023\n\n" + _BODY
    )
    a = _conv(src).article
    assert a.title == "Russia suspends the observation flights treaty: Live updates"
    assert "Latest update" not in a.text


def test_read_more_in_the_outlet_list_and_print_edition_note_are_furniture() -> None:
    src = (
        "Russia quits the surveillance flights treaty\n\n" + _BODY + "\nRead more in The Ledger:\n"
        "   \u201cNeutral, but on whose terms?\u201d \u2013 the treaty and the war\n"
        "   Minister: we \u2018will not be drawn into\u2019 rivalry\n\n"
        "A version of this article appears in print on March 3, 2021, Section A, Page 1 with the"
        " headline: Russia Quits \u2018Open Skies\u2019 Treaty.\n"
    )
    out = _conv(src)
    assert not out.quotes and not out.article.mentions
    assert "Neutral" not in out.article.text and "print" not in out.article.text


def test_subscriber_notice_is_a_footer_line() -> None:
    notice = (
        "This copy is for your personal, non-commercial use only. Distribution and use of this "
        "material are governed by our Subscriber Agreement and by copyright law."
    )
    assert fu.is_prompt_or_footer(notice)
    assert not fu.is_prompt_or_footer("The minister said the copy of the treaty was for use only.")


def test_masthead_with_its_tagline_repeated_by_the_copyright_line() -> None:
    src = "Ledger | Harbour News\nSubscribe now\n\nRussia quits the surveillance flights treaty\n\n"
    footer = "\n\u00a9 Ledger Daily Newspaper Ltd. All Rights Reserved\n"
    assert _conv(src + _BODY + footer).article.outlet == "Ledger"


def test_more_in_section_list_under_the_body_is_furniture() -> None:
    src = (
        "Russia quits the surveillance flights treaty\n\n" + _BODY + "\nMORE IN WORLD\n"
        "Leaders vow to \u2018save\u2019 the deal\nTalks in Beijing: \u2018Future-oriented\u2019\n"
    )
    assert not _conv(src).quotes


def test_go_deeper_list_under_the_body_is_furniture() -> None:
    src = (
        "Russia quits the surveillance flights treaty\n\n" + _BODY + "\nGo deeper:\n\n"
        "\u2022 The INF Treaty, explained\n\n"
        "\u2022 Russia says its new missile is \u201cinvulnerable\u201d\n"
    )
    out = _conv(src)
    assert not out.quotes and not out.article.mentions


def test_a_label_ending_in_a_colon_is_not_the_headline() -> None:
    src = "Russia quits the surveillance flights treaty\n\n" + _BODY + "\nWhat they are saying:\n"
    assert _conv(src).article.title == "Russia quits the surveillance flights treaty"
    short = "Treaty exit\n\nThe minister announced the exit.\n\nWhat they are saying:\n\n" + _BODY
    assert _conv(short).article.title == "Treaty exit"


def test_cookie_notice_rubric_and_print_note_are_furniture() -> None:
    src = (
        "Example Weekly\n\nExample uses technical and profiling cookies. Continuing to browse "
        "means you accept their use. [OK]\n\nEurope | Missiles and missives\n\n"
        "Goodbye to the INF\n\nAug 3rd 2019 | BERLIN\n\n" + _BODY + "\nThis article appeared "
        "in the Europe section of the print edition under the headline \u201cGoodbye to the "
        "INF\u201d\n"
    )
    out = _conv(src)
    assert out.article.title == "Goodbye to the INF"
    assert "cookies" not in out.article.text and "print edition" not in out.article.text
    assert not out.quotes and [m.text for m in out.article.mentions] == ["INF"]


def test_mixed_case_day_first_dateline_with_agency_gives_the_date() -> None:
    src = (
        "Lavrov says door to arms talks not closed\n\nCaracas, 18 Apr 2023 (EFE).- The Russian "
        "foreign minister said on Tuesday that talks were possible.\n\n" + _BODY
    )
    a = _conv(src).article
    assert a.published is not None and a.published.isoformat() == "2023-04-18"
    assert a.outlet == "EFE"


def test_consent_banner_and_desk_byline_are_not_the_headline() -> None:
    src = (
        'Example Arab\n\nBy clicking "Accept", you agree to the storing of cookies on your '
        "device to enhance site navigation. [Accept] [Reject]\n\nLIVE STORY\n\n"
        "Live: Europeans trigger UN \u2018snapback\u2019 on Iran\n\nBritain, France and Germany "
        "have notified the Security Council, starting a 30-day countdown.\n\n"
        "Example Arab Staff & Agencies\n28 August, 2025\n\n" + _BODY
    )
    out = _conv(src)
    assert out.article.title == "Live: Europeans trigger UN \u2018snapback\u2019 on Iran"
    assert [q.text for q in out.quotes] == ["snapback"]
    assert "Agencies" not in out.article.text


@pytest.mark.parametrize(
    ("head", "foot", "outlet"),
    [
        ("harbour.example.com - The Harbour Ledger\n", "", "The Harbour Ledger"),
        ("The Ledger Norway\n", "\n\u00a9 2024 The Ledger Europe AB\n", "The Ledger Norway"),
        (
            "HARBOUR FOUNDATION\nPublication: Harbour Daily Monitor Volume: 20 Issue: 34\n",
            "\n\u00a9 2024 Harbour Foundation\n",
            "Harbour Daily Monitor",
        ),
    ],
)
def test_outlet_from_domain_line_repeated_prefix_and_publication_label(
    head: str, foot: str, outlet: str
) -> None:
    src = head + "\nRussia quits the surveillance flights treaty\n\n" + _BODY + foot
    assert _conv(src).article.outlet == outlet


def main() -> None:
    """Print the accuracy of each field over the layouts set."""
    results = {s: check(s) for s in STEMS}
    for s, r in results.items():
        print(f"{s:<22}" + "".join(f"{f:>10}:{'ok' if r[f] else '--'}" for f in FIELDS))
    n = len(results)
    print(
        "accuracy "
        + "  ".join(f"{f}={sum(r[f] for r in results.values()) / n:.3f}" for f in FIELDS)
    )


if __name__ == "__main__":
    main()
