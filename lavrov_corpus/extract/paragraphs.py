"""Paragraphs from the kept lines, hard-wrapped lines joined (rule 5 of :mod:`.clean`)."""

from __future__ import annotations

from itertools import pairwise

from .page_lines import TERMINAL, Line, Span


def join_paragraphs(lines: list[Line]) -> list[tuple[Span, ...]]:
    """The kept lines grouped into paragraphs, each as its lines' source spans."""
    blocks: list[list[Line]] = [[]]
    for ln in lines:
        if ln.keep and ln.text:
            blocks[-1].append(ln)
        elif blocks[-1]:
            blocks.append([])
    texts = [ln for b in blocks for ln in b]
    pairs = [(a, b) for blk in blocks for a, b in pairwise(blk)]
    # The wrap width is measured on lines followed by another line of their block: a headline,
    # a byline or a one-line paragraph longer than the wrapped text must not widen it (then
    # lines ending a little short of it would end paragraphs).
    width = max((len(a.text) for a, _ in pairs), default=0)
    # Unwrapped lines above the first wrapped block (headline, standfirst, caption) do not
    # count against the file being hard-wrapped.
    first = next((i for i, blk in enumerate(blocks) if len(blk) > 1), len(blocks))
    body = [ln for blk in blocks[first:] for ln in blk]
    wrapped = (
        width <= 120
        and (
            sum(len(ln.text) > width for ln in texts) <= max(2, 0.05 * len(texts))
            # below the first wrapped block a hard-wrapped body has (almost) no long line
            or sum(len(ln.text) > width for ln in body) <= max(1, 0.05 * len(texts))
        )
        and len(pairs) >= 3
        and sum(len(ln.text) >= 0.85 * width for ln in texts) >= 3
        and sum(not TERMINAL.search(a.text) for a, _ in pairs) >= 0.3 * len(pairs)
    )
    out: list[tuple[Span, ...]] = []
    for blk in blocks:
        if not blk:
            continue
        cur = [(blk[0].start, blk[0].end)]
        for prev, ln in pairwise(blk):
            first_word = ln.text.split(None, 1)[0]
            join = (ln.text[0].islower() and not TERMINAL.search(prev.text)) or (
                # a line longer than the wrap width is no wrapped continuation
                wrapped
                and len(ln.text) <= width
                and (
                    len(prev.text) + 1 + len(first_word) > width - 2
                    # wrapped by hand, not greedily: a long line stopping mid-sentence
                    or (len(prev.text) >= 0.6 * width and not TERMINAL.search(prev.text))
                )
            )
            if join:
                cur.append((ln.start, ln.end))
            else:
                out.append(tuple(cur))
                cur = [(ln.start, ln.end)]
        out.append(tuple(cur))
    return out
