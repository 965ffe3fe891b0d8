"""The text an attribution works on: its sentences, where quotations stand, and the ranges worth
scanning for cue words and names."""

from __future__ import annotations

import re
from bisect import bisect_right

from . import cues
from .quotes import RawQuote

_SENT_END = re.compile(r"[.!?…][\"”»’']?[ \u00a0]+(?=[\"“«‘(]?[" + cues.CAPITALS + "0-9])")
_ABBREV = re.compile(
    r"(?:\b[A-Z]|(?:[A-Z]\.)+[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Adm|Gov|Sen"
    r"|Rep|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|No|Jr|Sr|vs|etc|approx|Inc|Co)$"
)

SENTENCE_FINAL = frozenset(".!?:;…,")
OPENERS = " \u00a0\t(—–-"  # what may stand before a quote that opens its sentence

# Characters a cue word or a name can contain, or that stop a match at its edge if they follow
# it (besides letters and digits): a quotation bounded by other marks cannot share a match with
# the text around it.
_WORDLIKE = frozenset("_’'-.\u00a0 ")


def _edge_stops_words(ch: str) -> bool:
    return not (ch.isalnum() or ch in _WORDLIKE)


def scan_ranges(text: str, qstarts: list[int], qends: list[int]) -> list[tuple[int, int]]:
    """The ranges of ``text`` worth scanning for cue words and names: all of it minus each
    quotation whose marks cannot be part of a word or name (matches inside quotations are
    discarded anyway, and none outside can run into such a quotation)."""
    out = []
    cursor = 0
    for i, (qs, qe) in enumerate(zip(qstarts, qends, strict=True)):
        following = qstarts[i + 1] if i + 1 < len(qstarts) else len(text)
        if (
            cursor <= qs < qe <= following
            and _edge_stops_words(text[qs])
            and _edge_stops_words(text[qe - 1])
        ):
            out.append((cursor, qs))
            cursor = qe
    out.append((cursor, len(text)))
    return out


class ArticleText:
    """The article's text, paragraphs and quotations, and its sentences.

    The first layer of :class:`~.attribution.Attributor`; its ``__init__`` sets the attributes
    every layer declares.
    """

    text: str
    standfirst: int | None
    paragraphs: list[tuple[int, int]]
    has_title: bool
    quotes: list[RawQuote]
    qstarts: list[int]
    qends: list[int]
    dateline: tuple[int, int] | None
    par_starts: list[int]
    scan: list[tuple[int, int]]
    sentences: list[int]
    _sentence_ends: list[int]

    def _in_quote(self, pos: int) -> bool:
        i = bisect_right(self.qstarts, pos) - 1
        return i >= 0 and pos < self.qends[i]

    def _quote_free(self, start: int, end: int) -> bool:
        """No offset of ``[start, end)`` is :meth:`_in_quote`: no quote starts inside it, and
        the last one starting at or before ``start`` ends by then."""
        i = bisect_right(self.qstarts, start)
        if i < len(self.qstarts) and self.qstarts[i] < end:
            return False
        return i == 0 or self.qends[i - 1] <= start

    def _sentences(self) -> list[int]:
        starts: list[int] = []
        for ps, pe in self.paragraphs:
            starts.append(ps)
            if self.dateline and ps == self.dateline[0]:
                starts.append(self.dateline[1])
            for m in _SENT_END.finditer(self.text, ps, pe):
                p = m.start()
                if self._in_quote(p) and not (
                    p + 1 < len(self.text)
                    and self.text[p + 1] in "\"”»’'"
                    and not self._in_quote(p + 2)
                ):
                    continue
                if self.text[p] == "." and _ABBREV.search(self.text, max(ps, p - 8), p):
                    continue
                starts.append(m.end())
        return sorted(set(starts))

    def _sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sentences, pos) - 1
        if i < 0:
            return self.sentences[0], self.sentences[0]
        return self.sentences[i], self._sentence_ends[i]

    def _clipped_ends(self) -> list[int]:
        """Per sentence, where it ends: at the next sentence or the end of its paragraph.
        Every paragraph start is a sentence start, so no paragraph starts between a
        sentence's start and any offset of that sentence: the paragraph of the start is
        the paragraph of the offset, and :meth:`_sentence` needs one bisect."""
        ends = []
        n = len(self.sentences)
        for i, start in enumerate(self.sentences):
            end = self.sentences[i + 1] if i + 1 < n else len(self.text)
            pi = bisect_right(self.par_starts, start) - 1
            ends.append(min(end, self.paragraphs[pi][1]) if pi >= 0 else end)
        return ends
