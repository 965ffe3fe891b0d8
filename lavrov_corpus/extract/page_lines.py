"""A page's lines with their offsets in the decoded source (rule 2 of :mod:`.clean`), and the
sentence-end tests the cleaner's modules share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Span = tuple[int, int]


_BREAK = re.compile(r"\r\n|\r|\n")
TERMINAL = re.compile(r"[.!?:;\"”»’')\]…]$")


# A sentence end for telling body lines from headlines: a closing quote mark counts only after
# sentence punctuation (a headline often ends with a quoted word: "says Russia is 'not
# withdrawing'").
PROSE_END = re.compile(r"(?:[.!?:;…][\"”»’')\]]?|[)\]])$")


@dataclass(slots=True)
class Line:
    """One trimmed line: its span in the source, its text, whether it is kept."""

    start: int
    end: int
    text: str
    keep: bool = True
    idx: int = -1  #: position in the list of all lines


def split_lines(src: str) -> list[Line]:
    """The lines between CRLF, CR or LF breaks, each trimmed (offsets into ``src``)."""
    out: list[Line] = []
    pos = 0
    if "\r" in src:
        parts = _BREAK.split(src)
        seps = [len(b) for b in _BREAK.findall(src)]
    else:
        parts = src.split("\n")
        seps = [1] * (len(parts) - 1)
    seps.append(0)
    for raw, sep in zip(parts, seps, strict=True):
        stripped = raw.strip()
        if stripped:
            s = pos + len(raw) - len(raw.lstrip())
            out.append(Line(s, s + len(stripped), stripped, True, len(out)))
        else:
            out.append(Line(pos, pos + len(raw), "", True, len(out)))
        pos += len(raw) + sep
    return out
