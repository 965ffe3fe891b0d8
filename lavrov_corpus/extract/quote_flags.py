"""The flags of a quote: a fragment of reported speech (``is_partial``) or a term nobody is
reported to have said (``is_scare``).

``is_partial``: a fragment quoted inside a sentence of reported speech (text of the sentence
stands before the opening mark, other than a cue ending in a comma or colon (in a headline any text
around the quote but who said it, "Ryabkov: “...”", makes it a fragment; a quote opening its
sentence with no punctuation of its own is one when the sentence goes on in lower case without a
speech verb, "“The lack of progress” forced Moscow to act"); after a comma cue, a quote going on in
lower case ends a sentence begun outside the marks, "The offer, he said, “went nowhere”", unless it
is the second half of a split quote). ``is_scare``: a quoted term nobody is reported to have said:
anything after "so-called", "dubbed", "known as"..., or a short unattributed fragment (at most four
words) that no speech verb of its sentence governs or that follows a naming phrase ("calls it the",
"is calling"), a quoted proper name modifying a common noun ("their “Freedom Edge” exercises"), or
the title of a programme or publication ('said on "America Reports"', 'ERR's "Esimene stuudio"').
The two exclude each other: a scare term is not partial. A short fragment governed by a speech verb
whose subject is no person ("the ministry said the talks had “failed”") is partial, not scare, with
no speaker.

A paragraph of only a label and an unpunctuated quote (a live page's post heading "Trump: 'I want a
ceasefire today'") is partial like a headline; "and I quote" after a cue does not make a quote
partial; a short quote after "they/we/it call(ed)" or "what <someone> (has) called" is reported
(partial), not a scare term.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from . import cues
from .article_text import OPENERS, SENTENCE_FINAL, ArticleText
from .quotes import RawQuote

_SCARE_BEFORE = re.compile(
    r"(?:so-called|so called|dubbed|termed|known as|labell?ed|nicknamed|branded|the word|"
    r"the term|the phrase)[ \u00a0]*$",
    re.IGNORECASE,
)
_SCARE_LONGEST = 10  # characters of the longest word list entry of _SCARE_BEFORE ("the phrase")


def scare_before(before: str) -> bool:
    """``_SCARE_BEFORE.search(before)``, looking only at the end of ``before``: a match ends
    where the trailing spaces start (or before a final newline, then the whole is searched)."""
    if "\n" in before:
        return _SCARE_BEFORE.search(before) is not None
    tail = len(before.rstrip(" \u00a0")) - _SCARE_LONGEST
    return _SCARE_BEFORE.search(before, max(0, tail)) is not None


_CUE_TAIL = re.compile(
    r"(?<![\w’'])(?:" + cues.SPEECH_VERBS + r"|according to)(?![\w’'])[^,:.“”\"«»]{0,50}$",
    re.IGNORECASE,
)

# "calls it the", "called this a": naming a thing, not reporting words (no speaker found).
_NAMING_BEFORE = re.compile(
    r"(?<![\w’'])(?:calls?|called|calling)[ \u00a0]+(?:(?:it|this|that|them|these|those)"
    r"[ \u00a0]+(?:the|a|an)[ \u00a0]*)?$",  # also right before the name: "is calling “X”"
    re.IGNORECASE,
)
# A quoted proper name used as a modifier of a common noun ("their “Freedom Edge” exercises",
# "the 'Golden Dome' plan"): the name of a thing, nobody's words.
_LABEL_GLUE = frozenset({"of", "the", "and", "for", "de", "to", "in", "on"})
_NAMED_THING = re.compile(
    r"[ \u00a0]+(?:[a-z]+[\- ]){0,1}(?:exercises?|drills?|manoeuvres|maneuvers|wargames?"
    r"|operations?|programm?es?|initiatives?|projects?|doctrines?|plans?|systems?|missiles?|rockets?|strategy|strategies|policy"
    r"|concept|formula|mechanism|format|group|bloc|coalition|campaign|summit|forum|framework"
    r"|process|pact|declaration|mission|platform|network|complex|weapons?|satellites?|vessels?"
    r"|ships?|submarines?|aircraft|jets?|bombers?|pipeline|law|bill|act|package|shield|dome"
    r"|umbrella|architecture|alliance|partnership|agenda|charter|scheme)(?![\w’'])"
)
# A pronoun for people or a body right before the naming verb ("what it called"), or "what"
# opening the clause ("what the ministry has called", "what critics call"): their term, reported.
_PEOPLE_CALL = re.compile(
    r"(?:(?<![\w’'])(?:they|we|he|she|I|it|"
    + cues.GROUP_NOUNS
    + r")|(?<![\w’'])what(?:[ \u00a0]+[\w’'.-]+){1,4}?)"
    r"[ \u00a0]+(?:(?:has|have|had)[ \u00a0]+)?(?:call|calls|called)[ \u00a0]*$",
    re.IGNORECASE,
)

# Before a programme's or publication's title: "said on ", "told ", "ERR's ".
_TITLE_BEFORE = re.compile(
    r"(?:(?<![\w’'])(?P<prep>on|to)|(?<![\w’'])[A-Z][\w.&-]*[A-Z][\w.&-]*[’']s)[ \u00a0]+$"
)

# The label of a headline-like paragraph before its quote ("Kremlin: ", "Trump: ").
_HEADING_LABEL = re.compile(r"[A-Z][\w.’'\-]*(?:[ \u00a0][A-Z][\w.’'\-]*){0,3}:[ \u00a0]*")
# "and I quote" set off after a cue ("Putin said, and I quote, ...").
_I_QUOTE = re.compile(r",?[ \u00a0]+(?:and[ \u00a0]+)?(?:I|we)[ \u00a0]+quote$")

_NEXT_WORD = re.compile(r"[ \u00a0]+([a-z][\w’'\-]*)")

_SPEECH_WORD = re.compile(cues.SPEECH_VERBS + "|" + cues.PARTICIPLES)


class QuoteFlags(ArticleText):
    """Partial and scare-term tests for a quote and the text around it (a layer of
    :class:`~.attribution.Attributor`)."""

    reporting_at: list[int]

    def _unreported_term(
        self, qi: int, partial: bool, before: str, s_start: int, s_end: int
    ) -> bool:
        """Whether an unattributed quote is a scare term: a short fragment (at most four words)
        that no reporting verb of its sentence governs, or that follows a naming phrase ("calls
        it the"). With a reporting verb whose subject is no person ("the ministry said",
        "officials have hinted") it is reported speech of nobody named: partial, not scare."""
        q = self.quotes[qi]
        if not partial or len(self.text[q.start : q.end].split()) > 4:
            return False
        if _NAMING_BEFORE.search(before[-40:]):
            # "what they call “political statements”": people's own term, reported (partial)
            return _PEOPLE_CALL.search(before[-40:]) is None
        at = self.reporting_at
        lo = bisect_left(at, s_start)
        if lo < len(at) and at[lo] < q.open_mark:
            return False
        hi = bisect_left(at, self.qends[qi])
        return not (hi < len(at) and at[hi] < s_end)

    def _name_label(self, qi: int, q: RawQuote) -> bool:
        """A quoted proper name of one to four capitalised words, with no punctuation of its
        own, used as the modifier of a common noun ("their “Freedom Edge” exercises")."""
        if q.close_mark is None:
            return False
        words = self.text[q.start : q.end].split()
        if not 1 <= len(words) <= 4 or not words[0][:1].isupper() or not words[-1][:1].isupper():
            return False
        if words[-1][-1:] in SENTENCE_FINAL:
            return False
        if not all(w[:1].isupper() or w[:1].isdigit() or w in _LABEL_GLUE for w in words):
            return False
        return _NAMED_THING.match(self.text, self.qends[qi]) is not None

    def _programme_title(self, qi: int, q: RawQuote) -> bool:
        """The quoted title of a programme or publication: one to four words after "on" or
        "to" (all capitalised: 'said on "America Reports"') or after an outlet's possessive
        (capitalised first word: 'ERR's "Esimene stuudio"'), with no sentence of its own."""
        if q.close_mark is None:
            return False
        words = self.text[q.start : q.end].rstrip(",").split()
        if not 1 <= len(words) <= 4 or not words[0][:1].isupper():
            return False
        if self.text[q.end - 1 : q.end] in ".!?:;…":
            return False  # (a comma inside the marks is the sentence's, as in '"X," she said')
        m = _TITLE_BEFORE.search(self.text, max(0, q.open_mark - 30), q.open_mark)
        if m is None:
            return False
        if m.group("prep"):
            return all(w[:1].isupper() or w in _LABEL_GLUE for w in words)
        return True

    def _heading_quote(self, qi: int, q: RawQuote) -> bool:
        """A paragraph written like a headline, only a label and an unpunctuated quote ("Trump:
        'I want a ceasefire today'", a live page's post heading): a part of what was said."""
        ps, pe = self.paragraphs[q.paragraph]
        if pe - ps > 120 or self.text[q.end - 1 : q.end] in SENTENCE_FINAL:
            return False
        return (
            _HEADING_LABEL.fullmatch(self.text, ps, q.open_mark) is not None
            and not self.text[self.qends[qi] : pe].strip()
        )

    def _goes_on(self, qi: int, q: RawQuote, before: str) -> bool:
        """A quote opening its sentence with no punctuation of its own, the sentence going on
        in lower case after the closing mark with no speech verb ("“The lack of progress”
        forced Moscow to act"): the quoted words are a part of the sentence."""
        if before.strip(OPENERS) or q.close_mark is None:
            return False
        if self.text[q.end - 1 : q.end] in SENTENCE_FINAL:
            return False
        m = _NEXT_WORD.match(self.text, self.qends[qi])
        return m is not None and _SPEECH_WORD.fullmatch(m.group(1)) is None

    def _partial(self, before: str, first: str) -> bool:
        """Text of the sentence stands before the opening mark, other than a cue ending in a
        colon, or in a comma when the quote starts a sentence of its own ("That offer, he
        said, “received no answer”" goes on in lower case after words set off before the cue:
        a fragment; "As Putin said, “we cannot ...”" is whole)."""
        b = before.strip(' \u00a0\t”"»’')
        if not b or b.endswith(":"):
            return False
        begun = first.islower() and "," in b[:-1]  # "That offer, he said, “received ...”"
        return not (b.endswith(",") and not begun and self._ends_with_cue(before))

    def _ends_with_cue(self, before: str) -> bool:
        core = before.rstrip(" \u00a0")[:-1][-80:]
        if core.endswith("quote"):
            core = _I_QUOTE.sub("", core)  # "Putin said, and I quote, “...”": the cue is "said"
        return _CUE_TAIL.search(core) is not None
