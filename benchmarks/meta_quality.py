"""Article metadata accuracy of the converter: title, publication date and outlet.

python benchmarks/meta_quality.py                       # heldout3 (default)
python benchmarks/meta_quality.py DIR [DIR ...]          # any folder with gold/meta/<stem>.json

Gold for ``<stem>.txt`` is ``gold/meta/<stem>.json`` under the article folder:
``{"title": str | null, "published": "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | null,
"outlet": str | null}``. Comparison rules:

* title: equal after Unicode NFKC, typographic quotes/dashes folded to ASCII, whitespace
  collapsed, case folded and leading/trailing non-alphanumerics (emoji, bullets) stripped;
* published: the predicted date printed at its own precision must equal the gold string
  (a date where gold is null, or the wrong precision, is a miss);
* outlet: equal after case folding and dropping a leading "the" and punctuation, or one name
  contained in the other at word boundaries ("Politico" ~ "POLITICO Europe"); null must be null.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lavrov_corpus.extract import Conversion, convert_bytes  # noqa: E402

DEFAULT = ROOT / "tests/data/heldout3"
FIELDS = ("title", "published", "outlet")
_FOLD = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "—": "-", "–": "-"}
)


def _norm_title(s: str | None) -> str | None:
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", s).translate(_FOLD)
    s = re.sub(r"\s+", " ", s).casefold()
    return re.sub(r"^[^\w'\"]+|[^\w'\"?!.)]+$", "", s)


def _norm_outlet(s: str | None) -> str | None:
    if s is None:
        return None
    s = re.sub(r"[^\w\s]", " ", unicodedata.normalize("NFKC", s).casefold())
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def _date(article: Any) -> str | None:
    if article.published is None:
        return None
    iso = article.published.isoformat()
    prec = str(getattr(article.published_precision, "value", article.published_precision))
    return {"day": iso, "month": iso[:7], "year": iso[:4]}.get(prec, iso)


def _same(field: str, pred: str | None, gold: str | None) -> bool:
    if field == "title":
        return _norm_title(pred) == _norm_title(gold)
    if field == "published":
        return pred == gold
    p, g = _norm_outlet(pred), _norm_outlet(gold)
    if p is None or g is None:
        return p == g
    return p == g or f" {g} " in f" {p} " or f" {p} " in f" {g} "


def measure(folder: Path) -> tuple[dict[str, int], int, list[str]]:
    """Per-field hit counts, number of articles and a list of misses for one folder."""
    hits = dict.fromkeys(FIELDS, 0)
    n = 0
    misses: list[str] = []
    for gold_path in sorted((folder / "gold/meta").glob("*.json")):
        stem = gold_path.stem
        gold = json.loads(gold_path.read_text("utf-8"))
        path = folder / f"{stem}.txt"
        conv = convert_bytes(path.read_bytes(), source_path=path.name)
        if not isinstance(conv, Conversion):
            raise ValueError(f"{path.name} was rejected: {conv.detail}")
        art = conv.article
        pred = {"title": art.title, "published": _date(art), "outlet": art.outlet}
        n += 1
        cells = []
        for f in FIELDS:
            ok = _same(f, pred[f], gold[f])
            hits[f] += ok
            cells.append("ok" if ok else "MISS")
            if not ok:
                misses.append(f"{stem}: {f} {pred[f]!r} != gold {gold[f]!r}")
        print(f"{stem[:34]:<36}" + "".join(f"{c:>11}" for c in cells))
    return hits, n, misses


def main(argv: list[str]) -> int:
    """Print per-file and total accuracy for each folder given (default heldout3)."""
    for folder in [Path(a) for a in argv] or [DEFAULT]:
        print(f"\n{folder.name}")
        print(f"{'article':<36}" + "".join(f"{f:>11}" for f in FIELDS))
        hits, n, misses = measure(folder)
        if n:
            print(f"{'TOTAL':<36}" + "".join(f"{hits[f] / n:>11.3f}" for f in FIELDS))
        for line in misses:
            print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
