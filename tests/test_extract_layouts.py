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
