"""Who a headline's (or a standfirst's) quote belongs to: the person the headline names with it, or
the speaker of a body quote with the same or condensed words.

Headline quotes take the person before a colon (also a name opening the headline with its setting:
"Lavrov in interview: ..."; not when the clause after the colon names a subject of its own, "Lavrov
in Pretoria: Pandor calls ties 'valued'") or after a final dash in the headline, a person's
possessive right before the quote ("Lavrov's 'X' remark"), a cue inside the headline (not across a
new clause: "... as critics see a 'coup'"), or the speaker of a body quote that contains the same
words (and, when the words are the same, its flags: a fragment or a scare term there is one here),
else of a body quote holding all its content words (a condensed quote: a fragment); a quote in the
unpunctuated standfirst under the headline that no cue attributes looks for its body quote the same
way. A kicker quote opening the headline before its colon looks for its body quote before taking
the person of a cue later in the headline.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..models import Attribution
from . import cues
from .article_text import OPENERS, SENTENCE_FINAL
from .attribution_records import Attributed, Who
from .cue_subjects import CueSubjects
from .cues import NAME_SEQ
from .name_mentions import POSSESSIVE
from .quotes import RawQuote

_HEADLINE_DASH_NAME = re.compile(r"[—–-][ \u00a0]*(" + cues.NAME + r")[ \u00a0]*$")

# The setting after a headline's opening name, before its colon ("Lavrov in interview").
_HEADLINE_SETTING = re.compile(
    r"[ \u00a0]+(?:in|at|on|during|after|before|to)[ \u00a0][^:;,\"“”‘’«»]{1,40}"
)

# A new clause between a headline's cue and a later quote: the cue does not govern it.
_CLAUSE_BREAK = re.compile(r"[ \u00a0](?:as|while|but|after|amid|whereas)[ \u00a0]|[;|]")

# Between a headline's speaker and whom they speak to ("Lavrov to Asharq Al-Awsat: ...").
_SPEAKS_TO = re.compile(r"[ \u00a0]+(?:to|tells|told|in interview with|speaking to)[ \u00a0]+")
# A noun of speech right after a quote ("Lavrov's 'war' remark", "Putin's 'mirror' warning").
_REMARK_AFTER = re.compile(
    r"[ \u00a0]+(?:remarks?|comments?|words?|warnings?|claims?|jibes?|quips?|threats?|pledges?"
    r"|promises?|vows?|statements?|speech|phrase|line|message|slogan|rhetoric|accusations?"
    r"|charges?|retort|reply|response|answer|dig|barb|swipe|boast|admission|insult)(?![\w’'])"
)

# A person's possessive right before an opening mark: "Lavrov's " (before "'war ...' remark").
_POSSESSOR_BEFORE = re.compile(r"(?<![\w’'])(?P<sp>" + cues.NAME + r"(?<=[’']s))[ \u00a0]*$")


class HeadlineQuotes(CueSubjects):
    """Speakers of headline and standfirst quotes, and their echo in the body (a layer of
    :class:`~.attribution.Attributor`)."""

    fragment: list[bool]
    kicker_cue: dict[int, Who]

    def _headline(self, q: RawQuote) -> Who | None:
        """The person a headline (or a sub-headline: :meth:`_subheading`) gives its quote."""
        ps, pe = self.paragraphs[q.paragraph]
        text = self.text
        qe = self.qends[self.qstarts.index(q.open_mark)]  # after the closing mark
        # "Lavrov's 'war launched against us' remark": the words of the person before them
        tail = text[max(ps, q.open_mark - 4) : q.open_mark].rstrip(" \u00a0")
        # (not "Trump's 'courageous' move": the words of whoever praises it)
        owner = (
            _POSSESSOR_BEFORE.search(text, max(ps, q.open_mark - 80), q.open_mark)
            if tail.endswith(("'s", "’s")) and _REMARK_AFTER.match(text, qe)
            else None
        )
        if owner is not None:
            nm = self._match(POSSESSIVE.sub("", owner.group("sp")))
            if nm:
                return Who(nm.speaker_id, self._name(nm.speaker_id), Attribution.NAME, nm.name)
        colon = text.rfind(":", ps, q.open_mark)
        if colon > ps and not any(
            # "Lavrov in Pretoria: Pandor calls ties 'valued'": the clause after the colon has
            # a subject of its own
            self._match(n.group())
            for n in NAME_SEQ.finditer(text, colon + 1, q.open_mark)
        ):
            names = list(NAME_SEQ.finditer(text, ps, colon))
            if (
                len(names) >= 2
                and names[0].start() == ps
                and _SPEAKS_TO.fullmatch(text, names[0].end(), names[-1].start())
            ):
                names = names[:1]  # "Lavrov to Asharq Al-Awsat: ...": the one who speaks
            if names and names[-1].end() >= colon - 1:
                nm = self._match(names[-1].group())
                if nm:
                    return Who(nm.speaker_id, self._name(nm.speaker_id), Attribution.NAME, nm.name)
            # "Lavrov in interview: ‘...’", "Putin at the summit: ...": a name and its setting
            if (
                names
                and names[0].start() == ps
                and _HEADLINE_SETTING.fullmatch(text, names[0].end(), colon)
            ):
                nm = self._match(names[0].group())
                if nm:
                    return Who(nm.speaker_id, self._name(nm.speaker_id), Attribution.NAME, nm.name)
        m = _HEADLINE_DASH_NAME.search(text[ps:pe])
        if m:
            nm = self._match(m.group(1))
            if nm:
                return Who(nm.speaker_id, self._name(nm.speaker_id), Attribution.NAME, nm.name)
        # a kicker quote opening the headline before its colon ("'X': Lavrov warns ...")
        kicker = not text[ps : q.open_mark].strip(OPENERS) and text.startswith(":", qe)
        for c in self.cues[bisect_left(self.cue_starts, ps) : bisect_left(self.cue_starts, pe)]:
            if c.start < q.open_mark and _CLAUSE_BREAK.search(text, c.end, q.open_mark):
                continue  # "Pandor calls ties 'valued' as critics see a 'propaganda coup'"
            if c.who:
                if kicker:
                    # "'Nuclear blackmail': Kyiv dismisses ... as Lavrov warns": a kicker quote
                    # is whoever says these words in the body, else the cue's person
                    self.kicker_cue[q.open_mark] = c.who
                    return None
                return c.who
        if kicker:
            # "'We will mirror any test': Lavrov spells out ...": the person opening the clause
            # after the kicker quote, unless a body quote with its words says otherwise
            after = qe + 1
            while after < pe and text[after] in " \u00a0":
                after += 1
            n = NAME_SEQ.match(text, after, pe)
            nm = self._match(n.group()) if n else None
            if nm and nm.speaker_id:
                self.kicker_cue[q.open_mark] = Who(
                    nm.speaker_id, self._name(nm.speaker_id), Attribution.NAME, nm.name
                )
        return None

    def _echo_headline(self, out: list[Attributed]) -> None:
        """A headline quote nobody is cued for takes the speaker of the first body quote that
        contains its words; when the body quote has the same words, its flags too (a fragment
        there is a fragment in the headline; a scare term there is one here; words reported of
        nobody named there are no scare term here). Failing that, a body quote it was condensed
        from (:meth:`_echo_condensed`)."""
        for i, a in enumerate(out):
            if a.who is not None or not (a.in_headline or self._standfirst_quote(i)):
                continue
            words = _squash(self.text[self.quotes[i].start : self.quotes[i].end])
            for j, b in enumerate(out):
                if b.in_headline or j == i:
                    continue
                body = _squash(self.text[self.quotes[j].start : self.quotes[j].end])
                if b.who is None:
                    if words == body:  # a scare term there, or words reported of nobody named
                        a.is_scare = b.is_scare
                        a.is_partial = not b.is_scare and self.fragment[i]
                        break
                    continue
                if words in body:
                    a.who = Who(
                        b.who.speaker_id, b.who.name, Attribution.CONTINUATION, b.who.mention
                    )
                    a.is_scare = False
                    a.is_partial = b.is_partial if words == body else self.fragment[i]
                    break
            else:
                self._echo_condensed(i, a, out)
            if a.who is None and self.quotes[i].open_mark in self.kicker_cue:
                a.who = self.kicker_cue[self.quotes[i].open_mark]

    def _standfirst_quote(self, i: int) -> bool:
        """A quote in the unpunctuated line under the headline (a standfirst that sums up the
        story like the headline: "Russia calls decision a 'blow' to European security")."""
        pi = self.quotes[i].paragraph
        if not self.has_title or pi != 1 or len(self.paragraphs) < 3:
            return False
        if pi == self.standfirst:
            return True  # the layout found it (a date line under it, or a dateline after it)
        ps, pe = self.paragraphs[1]
        return pe - ps <= 300 and self.text[pe - 1 : pe] not in SENTENCE_FINAL

    def _echo_condensed(self, i: int, a: Attributed, out: list[Attributed]) -> None:
        """A headline quote condensed from a body quote ("'blow to European security'" from
        "a blow to the foundations of European military security"): two or more content words,
        all in one body quote that has a speaker; the headline quote is then a fragment."""
        want = _stems(_content_words(self.text[self.quotes[i].start : self.quotes[i].end]))
        if len(want) < 2 and not (len(want) == 1 and len(next(iter(want))) >= 6):
            return  # one short word is too common to tell whose it is
        for j, b in enumerate(out):
            if b.in_headline or b.who is None or j == i:
                continue
            body = _content_words(self.text[self.quotes[j].start : self.quotes[j].end])
            if want <= _stems(body):
                a.who = Who(b.who.speaker_id, b.who.name, Attribution.CONTINUATION, b.who.mention)
                a.is_scare = False
                a.is_partial = self.fragment[i]
                return


_EDGE_PUNCT = " \u00a0.,;:!?"

_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
_FUNCTION_WORDS = frozenset(
    {"the", "and", "for", "with", "from", "that", "this", "its", "are", "was", "were", "has"}
    | {"have", "had", "not", "but", "our", "their", "into"}
)


def _content_words(quoted: str) -> frozenset[str]:
    """Words of three or more letters, case-folded, without function words."""
    return frozenset(_CONTENT_WORD.findall(quoted.casefold())) - _FUNCTION_WORDS


def _stems(words: frozenset[str]) -> frozenset[str]:
    """Each word without one inflection ending ("sacrificing", "sacrificed" -> "sacrific"),
    when four letters or more remain: a headline's form of the body's word."""
    out = set()
    for w in words:
        for end in ("ing", "ed", "es", "s", "e"):
            if w.endswith(end) and len(w) - len(end) >= 4:
                w = w[: -len(end)]
                break
        out.add(w)
    return frozenset(out)


def _squash(quoted: str) -> str:
    """Quoted words compared across headline and body: case-folded, apostrophes unified,
    edge punctuation dropped."""
    return quoted.casefold().replace("’", "'").strip(_EDGE_PUNCT)
