"""Known news outlets (``data/outlets.json``) and where a page names its own outlet.

A curated list, never a guess: the converter names an outlet only where the text shows it,
as an agency marker in the dateline ("(Reuters)", "/TASS/"), a copyright line ("© 2025 The
Moscow Times"), a site-name line at the top of the page ("euronews.", "Tehran Times", "The
Guardian - Back to home"), a title tag with the site as suffix ("... | Reuters") or a source or
byline line ("Source: Xinhua | 2025-11-03", "By Global Times"). Names are matched as whole
words; variants of three letters or fewer ("AP", "DW") only in their printed case.

Each entry may list ``parents``: publishing groups and companies that hold the copyright of
an outlet's pages ("The Slate Group", "THG Publishing", "Dow Jones & Company"). A parent is
never taken as the outlet (:func:`is_parent`); the cleaner also ranks any copyright holder
that is not curated below a curated site-name line, so "© 2019, The Slate Group" under a
"Foreign Policy" masthead gives "Foreign Policy".
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_EDGE = " \t.,:;|•·-–—"


@cache
def _raw() -> list[dict[str, Any]]:
    data = json.loads(
        resources.files("lavrov_corpus").joinpath("data/outlets.json").read_text("utf-8")
    )
    rows: list[dict[str, Any]] = data["outlets"]
    return rows


@cache
def _parents() -> frozenset[str]:
    return frozenset(_key(str(p)).casefold() for row in _raw() for p in row.get("parents", []))


def is_parent(name: str) -> bool:
    """True when ``name`` is a publishing group listed as an outlet's parent, not an outlet."""
    key = _key(name).casefold()
    return key in _parents() or any(
        key.startswith(p) and not key[len(p) : len(p) + 1].isalnum() for p in _parents()
    )


@cache
def _table() -> tuple[dict[str, str], re.Pattern[str]]:
    names: dict[str, str] = {}
    forms: list[str] = []
    for row in _raw():
        name = str(row["name"])
        for v in [name, *row["variants"]]:
            key = _key(v)
            names.setdefault(key, name)
            body = re.escape(v.strip(_EDGE))
            forms.append(body if len(key) <= 3 else f"(?i:{body})")
    forms.sort(key=len, reverse=True)
    return names, re.compile(r"(?<![\w/&-])(?:" + "|".join(forms) + r")(?![\w/&-])")


def _key(name: str) -> str:
    key = " ".join(name.strip(_EDGE).split())
    return key if len(key) <= 3 else key.casefold()


@lru_cache(maxsize=8192)
def canonical(name: str) -> str | None:
    """The curated name of an outlet written as ``name`` ("euronews." -> "Euronews")."""
    return _table()[0].get(_key(name))


def outlet_in(line: str) -> str | None:
    """The first curated outlet named anywhere in ``line`` as whole words."""
    m = _table()[1].search(line)
    return canonical(m.group(0)) if m else None


@lru_cache(maxsize=8192)
def site_line(line: str) -> str | None:
    """The outlet when ``line`` is a site-name line or a title with a site suffix.

    Either the whole line is an outlet name, or it has segments split by " | " or " - " of
    which the first (site name + "Back to home") or the last ("Headline | Reuters") is one.
    """
    if len(line) > 200:
        return None
    whole = canonical(line)
    if whole:
        return whole
    parts = [p for p in _SEPARATORS.split(line) if p.strip()]
    if len(parts) < 2:
        return None
    last = canonical(parts[-1])
    if last:
        return last
    first = canonical(parts[0])
    # "Sky News - breaking news, video and opinion": the site name over its lower-case tagline
    return first if first and (len(line.split()) <= 8 or parts[1][:1].islower()) else None
