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
