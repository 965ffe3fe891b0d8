"""Measure the converter against hand-annotated gold: quotes, speakers, flags, treaty mentions.

Gold for an article ``<stem>.txt`` is ``<stem>.json`` in a quotes folder: a list of
``{"text", "speaker_id", "is_partial", "in_headline", "is_scare"}`` (the quoted words without
their marks), and optionally ``<stem>.json`` in a treaties folder: a list of
``{"text", "treaty_id"}``.

* Quotes: predicted and gold quotes are matched by exact text as multisets; precision, recall
  and F1 count matches.
* Speaker accuracy: share of matched quotes whose ``speaker_id`` equals the gold one (null
  included).
* Flag accuracy: share of (matched quote, flag) pairs equal to gold, over the three flags.
* Treaty mentions: multiset match on (surface text, treaty_id) against ``article.mentions``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .extract import Conversion, convert_bytes

FLAGS = ("is_partial", "in_headline", "is_scare")


@dataclass
class Tally:
    """Counts behind the figures, summable over articles."""

    quote_tp: int = 0
    quote_pred: int = 0
    quote_gold: int = 0
    speaker_ok: int = 0
    flag_ok: int = 0
    flag_total: int = 0
    treaty_tp: int = 0
    treaty_pred: int = 0
    treaty_gold: int = 0
    treaty_gold_present: bool = False
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        """Add another tally into this one."""
        for name in (
            "quote_tp",
            "quote_pred",
            "quote_gold",
            "speaker_ok",
            "flag_ok",
            "flag_total",
            "treaty_tp",
            "treaty_pred",
            "treaty_gold",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.treaty_gold_present |= other.treaty_gold_present
        self.misses.extend(other.misses)

    def figures(self) -> dict[str, float | int | None]:
        """Precision, recall, F1 and accuracies (None when undefined)."""
        p = _ratio(self.quote_tp, self.quote_pred)
        r = _ratio(self.quote_tp, self.quote_gold)
        f1 = None if p is None or r is None or p + r == 0 else round(2 * p * r / (p + r), 4)
        return {
            "quotes_gold": self.quote_gold,
            "quotes_predicted": self.quote_pred,
            "quote_precision": p,
            "quote_recall": r,
            "quote_f1": f1,
            "speaker_accuracy": _ratio(self.speaker_ok, self.quote_tp),
            "flag_accuracy": _ratio(self.flag_ok, self.flag_total),
            "treaty_precision": _ratio(self.treaty_tp, self.treaty_pred)
            if self.treaty_gold_present
            else None,
            "treaty_recall": _ratio(self.treaty_tp, self.treaty_gold)
            if self.treaty_gold_present
            else None,
            "treaty_mentions_gold": self.treaty_gold if self.treaty_gold_present else None,
        }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def score_article(
    conv: Conversion,
    gold_quotes: list[dict[str, Any]],
    gold_treaties: list[dict[str, Any]] | None,
    name: str = "",
) -> Tally:
    """Compare one conversion with its gold."""
    t = Tally(quote_pred=len(conv.quotes), quote_gold=len(gold_quotes))
    pool: dict[str, list[int]] = {}
    for i, q in enumerate(conv.quotes):
        pool.setdefault(q.text, []).append(i)
    for g in gold_quotes:
        idxs = pool.get(g["text"])
        if not idxs:
            t.misses.append(f"{name}: missed {g['text'][:60]!r}")
            continue
        q = conv.quotes[idxs.pop(0)]
        t.quote_tp += 1
        if q.speaker_id == g["speaker_id"]:
            t.speaker_ok += 1
        else:
            t.misses.append(
                f"{name}: speaker {q.speaker_id} != {g['speaker_id']} for {g['text'][:40]!r}"
            )
        for flag in FLAGS:
            t.flag_total += 1
            if getattr(q, flag) == bool(g.get(flag, False)):
                t.flag_ok += 1
            else:
                t.misses.append(f"{name}: {flag} wrong for {g['text'][:40]!r}")
    for idxs in pool.values():
        for i in idxs:
            t.misses.append(f"{name}: extra {conv.quotes[i].text[:60]!r}")
    if gold_treaties is not None:
        t.treaty_gold_present = True
        pred = Counter((m.text, m.treaty_id) for m in conv.article.mentions)
        gold = Counter((g["text"], g["treaty_id"]) for g in gold_treaties)
        t.treaty_tp = sum((pred & gold).values())
        t.treaty_pred = sum(pred.values())
        t.treaty_gold = sum(gold.values())
        for k in gold - pred:
            t.misses.append(f"{name}: missed treaty {k}")
        for k in pred - gold:
            t.misses.append(f"{name}: extra treaty {k}")
    return t


def evaluate(
    articles_dir: Path,
    quotes_gold_dir: Path,
    treaties_gold_dir: Path | None = None,
    *,
    pattern: str = "*.txt",
) -> tuple[dict[str, Any], Tally]:
    """Score every article in ``articles_dir`` that has quote gold; per-article and total."""
    total = Tally()
    per: dict[str, Any] = {}
    for path in sorted(articles_dir.glob(pattern)):
        gold_path = quotes_gold_dir / f"{path.stem}.json"
        if not gold_path.is_file():
            continue
        conv = convert_bytes(path.read_bytes(), source_path=path.name)
        if not isinstance(conv, Conversion):
            raise ValueError(f"{path.name} was rejected: {conv.detail}")
        tg = None
        if treaties_gold_dir is not None and (treaties_gold_dir / f"{path.stem}.json").is_file():
            tg = json.loads((treaties_gold_dir / f"{path.stem}.json").read_text("utf-8"))
        tally = score_article(conv, json.loads(gold_path.read_text("utf-8")), tg, path.stem)
        per[path.stem] = tally.figures()
        total.add(tally)
    return {"articles": per, "total": total.figures()}, total
