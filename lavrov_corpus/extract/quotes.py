"""Find directly quoted spans in article text from its quotation marks.

Rules (documented in the dataset card):

* Double marks open and close a quotation: curly “ ” (and „ ‟), straight " and guillemets « ».
  A straight mark opens when it follows a space, the paragraph start or an opening bracket/dash
  and is followed by a non-space; otherwise it closes. A file may mix all of them.
* While a quotation is open, marks of another family (single quotes, a straight mark inside a
  curly quotation, “ ” inside « ») are part of the quoted words (nested quotes stay inside).
* Single marks ‘ ’ and ' make a quotation only at top level (headlines and British style), when
  the opening mark follows a space or the paragraph start and is followed by a letter, and a
  matching closing mark that is not between two letters follows in the same paragraph. A mark
  between two letters (That’s, Russia’s) is an apostrophe, never a quotation mark.
* Each contiguous quoted span is one quote; the text excludes the marks and surrounding spaces.
* A quotation still open at the end of a paragraph continues into the next paragraph when that
  paragraph opens with a mark of the same family (the multi-paragraph convention): one quote per
  paragraph, linked as a chain, closed if the last part closes. Otherwise it is unclosed and ends
  at the end of its paragraph, or before an attribution clause introduced by a dash
  ("... this year - Russian Foreign Minister Sergey Lavrov said"), whichever comes first.
* A new opening mark of the same family while a quotation is open (in opening position) means
  the earlier one was never closed: it ends before the new mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import DASH_ATTRIBUTION

Span = tuple[int, int]

_MARKS = re.compile(r"[“”„‟\"«»‘’'‹›]")
_DOUBLE_OPEN = frozenset("“„‟")
_OPEN_BEFORE = frozenset("([{—–-/:;,")
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-…")
_SINGLE_MARKS = re.compile(r"[’'›]")


@dataclass(slots=True)
class RawQuote:
    """A quoted span before attribution (offsets in ``articles.text``)."""

    start: int
    end: int
    open_mark: int  #: offset of the opening mark
    close_mark: int | None  #: offset of the closing mark, None when unclosed here
    paragraph: int
    closed: bool
    chain: int  #: id shared by the parts of one multi-paragraph quotation
    family: str  #: "d" double curly/straight, "g" guillemets, "s" single (top level)


def find_quotes(text: str, paragraphs: list[Span]) -> list[RawQuote]:
    """Every quoted span of ``text``, in text order."""
    out: list[RawQuote] = []
    carry: tuple[str, int] | None = None  # (family, chain) of a quotation open at paragraph end
    chain_ids = 0
    seen: dict[int, list[int]] = {}  # for _single_closes
    for pi, (ps, pe) in enumerate(paragraphs):
        state: tuple[str, int, int, str] | None = None  # family, mark pos, chain, mark char
        if carry is not None:
            first = _first_mark(text, ps, pe)
            fam = _family_of_opener(first[1]) if first else None
            if first is None or first[0] != ps or fam != carry[0]:
                _close_chain(out, carry[1], closed=False)
            else:
                state = (fam, ps, carry[1], first[1])
            carry = None
        _scan_from = ps + 1 if state is not None else ps
        for m in _MARKS.finditer(text, _scan_from, pe):
            i, ch = m.start(), m.group()
            prev = text[i - 1] if i > ps else ""
            nxt = text[i + 1] if i + 1 < pe else ""
            opener = (
                (not prev or prev.isspace() or prev in _OPEN_BEFORE)
                and bool(nxt)
                and not (nxt.isspace())
            )
            closer = (
                bool(prev)
                and not prev.isspace()
                and (not nxt or nxt.isspace() or nxt in _CLOSE_AFTER)
            )
            if state is None:
                fam = None
                if (
                    ch in _DOUBLE_OPEN
                    or (ch == "”" and opener)
                    or (ch == '"' and (opener or not closer))
                ):
                    fam = "d"
                elif ch == "«":
                    fam = "g"
                elif (
                    ch in "‘'‹"
                    and opener
                    and nxt.isalpha()
                    and text[i + 2 : i + 3] not in ("'", "’")  # "rock 'n' roll": one letter
                    and _single_closes(text, i + 1, pe, seen)
                ):
                    fam = "s"
                if fam is not None and nxt:
                    chain_ids += 1
                    state = (fam, i, chain_ids, ch)
                continue
            fam, opos, chain, och = state
            if fam == "d":
                straight = och == '"'
                if (ch == '"' and not straight) or ch in "«»‘’'‹›":
                    continue  # nested
                # A new double opener, or a straight mark that can only open, while this quote is
                # open: the quote was never closed; it ends here and a new one starts.
                reopens = ch in _DOUBLE_OPEN and not (och == "„" and ch == "“" and closer)
                if reopens or (straight and ch == '"' and opener and not closer):
                    if opener:
                        _emit_unclosed(out, text, opos, i, pi, chain, fam)
                        chain_ids += 1
                        state = (fam, i, chain_ids, ch)
                    continue
                _emit(out, text, opos + 1, i, opos, i, pi, True, chain, fam)
                state = None
            elif fam == "g":
                if ch == "»":
                    _emit(out, text, opos + 1, i, opos, i, pi, True, chain, fam)
                    state = None
                elif ch == "«" and opener:
                    _emit_unclosed(out, text, opos, i, pi, chain, fam)
                    chain_ids += 1
                    state = (fam, i, chain_ids, ch)
            elif (
                ch in "’'›"
                and closer
                and not (prev.isalpha() and nxt.isalpha())
                and not _one_letter_pair(text, i, ps)
            ):
                _emit(out, text, opos + 1, i, opos, i, pi, True, chain, fam)
                state = None
        if state is not None:
            fam, opos, chain, _ = state
            if fam == "s":
                continue
            nxt_par = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            first = _first_mark(text, *nxt_par) if nxt_par else None
            continues = (
                first is not None
                and nxt_par is not None
                and first[0] == nxt_par[0]
                and _family_of_opener(first[1]) == fam
            )
            end = pe if continues else _unclosed_end(text, opos + 1, pe)
            _emit(out, text, opos + 1, end, opos, None, pi, continues, chain, fam)
            if continues:
                carry = (fam, chain)
            else:
                _close_chain(out, chain, closed=False)
    return out


def _first_mark(text: str, start: int, end: int) -> tuple[int, str] | None:
    m = _MARKS.search(text, start, end)
    return (m.start(), m.group()) if m else None


def _family_of_opener(ch: str) -> str | None:
    if ch in _DOUBLE_OPEN or ch in '"”':
        return "d"
    return "g" if ch == "«" else None


def _single_closes(
    text: str, start: int, end: int, seen: dict[int, list[int]] | None = None
) -> bool:
    """A top-level single quotation opened before ``start`` has a closing mark in the paragraph.

    ``seen`` (paragraph end -> [scanned up to, closing mark found there or -1]), shared by the
    calls for one text with increasing ``start``, makes them scan each paragraph once: whether
    a mark closes does not depend on ``start`` (a paragraph of many single marks was scanned
    to its end from each of them)."""
    state = seen.setdefault(end, [start, -1]) if seen is not None else [start, -1]
    if state[1] >= start:
        return True
    if state[1] < 0 and state[0] >= end:
        return False  # scanned to the end before: no closing mark after ``start`` either
    for m in _SINGLE_MARKS.finditer(text, max(start, state[0]), end):
        i = m.start()
        prev, nxt = text[i - 1], text[i + 1] if i + 1 < end else ""
        if (
            not (prev.isalpha() and nxt.isalpha())
            and not prev.isspace()
            and (not nxt or nxt.isspace() or nxt in _CLOSE_AFTER)
            and not _one_letter_pair(text, i, 0)
        ):
            state[:] = [i + 1, i]
            return True
    state[:] = [end, -1]
    return False


def _one_letter_pair(text: str, i: int, start: int) -> bool:
    """The mark at ``i`` closes a one-letter pair inside a quotation ("rock 'n' roll"): an
    elision, not the quotation's end."""
    return (
        i - 2 >= start
        and text[i - 1].isalpha()
        and text[i - 2] in "'’"
        and (i - 3 < start or text[i - 3].isspace())
    )


def _unclosed_end(text: str, start: int, end: int) -> int:
    m = DASH_ATTRIBUTION.search(text, start, end)
    return m.start() if m else end


def _emit_unclosed(
    out: list[RawQuote], text: str, open_mark: int, stop: int, paragraph: int, chain: int, fam: str
) -> None:
    """Emit the quote opened at ``open_mark`` and never closed before ``stop``."""
    start = open_mark + 1
    _emit(
        out,
        text,
        start,
        _unclosed_end(text, start, stop),
        open_mark,
        None,
        paragraph,
        False,
        chain,
        fam,
    )


def _emit(
    out: list[RawQuote],
    text: str,
    start: int,
    end: int,
    open_mark: int,
    close_mark: int | None,
    paragraph: int,
    closed: bool,
    chain: int,
    family: str,
) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(RawQuote(start, end, open_mark, close_mark, paragraph, closed, chain, family))


def _close_chain(out: list[RawQuote], chain: int, *, closed: bool) -> None:
    # A chain ends while it is the open quotation: no other quote was emitted since it opened,
    # so its parts are the last ones (not a walk over every quote of the text per chain).
    for q in reversed(out):
        if q.chain != chain:
            break
        q.closed = closed
