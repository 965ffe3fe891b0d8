"""Treaty mention tagger (placeholder: being written; returns no mentions yet)."""

from __future__ import annotations

import datetime as dt

from ..models import TreatyMention


def tag_treaties(text: str, published: dt.date | None = None) -> list[TreatyMention]:
    """Every treaty mention in ``text``, in order of start offset."""
    return []
