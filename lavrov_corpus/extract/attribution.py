"""Who said each quote: cues, speakers, pronouns and role descriptions, and the quote flags.

Rules, in order, for a quote in the body:

1. A cue right after the closing mark (``,” Lavrov said``, ``,” said the minister``) or right
   before the opening mark (``Lavrov said: “``, ``Lavrov said, “`` in split quotes), or a
   signature under a quote filling its paragraph (``— Sergey Lavrov, February 2025``). A quote
   ending in a comma followed by a cue whose subject is nobody known (``,” one Western
   diplomat said``, ``,” a senior official told``) has no speaker: it is never a continuation.
2. Otherwise the nearest speech cue in the same sentence (outside quotes), before the quote, then
   after it (``Lavrov also said Russia was “skeptical”``, ``... “uncertain” ..., he added``). A
   participle (``adding that``) or a verb with no subject of its own takes the subject of the
   sentence's earlier cue; a participle with no earlier cue takes the person named right
   before it (``with host minister Jan Novak saying``), else the subject opening the sentence
   (``Schoof agreed, calling it “reckless”``), else the latest person of the sentence with a
   verb after the name (``..., but Putin revoked it, saying``); in ``Interfax quoted Ryabkov
   as saying`` the person quoted is the subject. "I" as a subject in a transcript's turn
   (``Sergey Lavrov: ... I said it many times: “...”``) is the speaker of its label. After a
   form of "be" a participle is a verb with a subject of its own (``what everyone is
   calling``).
2b. Otherwise, for a quote after a colon in a sentence with no speech verb before it, the
   person who opens the sentence as its subject (``He ends on a combative note: “...”``; also
   after an opening clause set off by a comma: ``Asked about it, Pandor was brief: “...”``), or
   a transcript's speaker label (``Lavrov: “...”``).
2c. Otherwise a person's speech noun earlier in the sentence (``His central argument is that
   ... “rules”``, ``Ryabkov’s message was ...``, ``In Lavrov's words, ...``, ``the statement by
   Antony Blinken that ...``); the cue stays null (it is no verb).
2d. Otherwise, in a sub-headline (a short paragraph with no final punctuation inside the body),
   the person a headline would give it (``Blinken: Russia 'alone' in violating Charter``).
3. Otherwise a continuation: the previous quote of the paragraph (with no other speaker cued in
   between; the quote opens its sentence or shares the previous quote's), the other parts of
   a multi-paragraph quotation, or a cue ending the previous paragraph with a colon (with no
   cue of anyone's there, the person opening a sentence of that paragraph: "Lavrov gave a long
   interview. The key passage:"), or a quote opening its sentence right after a sentence of
   its paragraph that reports a person's words unquoted ("Arbatov said the military would
   lobby for money. “The generals ...”").
4. Otherwise no speaker (attribution "none").

Flags (``is_partial``, ``is_scare``): see :mod:`.quote_flags`.

A cue's subject is a name (titles stripped, variants mapped to the curated speaker; a single word
may be the surname of a person named in full earlier, or the first word of such a full name when no
other person shares it: "Wang Yi ... Wang said"; the last words of a full name named earlier stand
for that person: "Jean-Yves Le Drian ... Mr. Le Drian"), a pronoun or a role description; a subject
separated from its verb by a parenthetical between commas (or a name in apposition, or the name
before a relative "who") counts too. A pronoun resolves to the first person named earlier in its
sentence (not a name right before ", he said,"), else to whichever is later: the speaker of the
latest cue before it or the person who is the subject of the latest earlier sentence (a name opening
it, after a title or in apposition to a description opening it, a description opening it with its
verb: "The Russian minister gave a different account", or a possessive of a speech noun opening it:
"Obama's tone was warmer"; names in an opening "Asked whether ...," clause are not who answers);
else the latest person named (names inside quotes never count); but none when a later sentence
opened by an unnamed person ("A former Russian diplomat ... told the paper") came between. A verb
whose printed subject is nobody ("as Tehran warns of “...”", "the ministry said") keeps the quote
after it: it does not borrow the person of an earlier cue. A document as the subject ("“...,” the
statement said") is whoever was cued in the latest sentence bringing in such a document ("Shoukry
said in a statement"), else nobody; a person's complaint or charge about a quoted term ("his usual
complaint about Western «double standards»") makes it their word. A description ("the minister",
"Russia’s foreign minister", "the Secretary of State"; it needs a role noun: "the Foreign Ministry",
"the Kremlin" are institutions, nobody) resolves to the latest cued or named person whose roles
contain its words, else to the only curated speaker whose roles do (when several do, the only one
with a role of exactly those words: "the foreign minister" is not a deputy foreign minister; none
when the text brought in an unnamed one: "A spokesperson for the State Department ... the
spokesperson said"). A description set off before a name ("Russia's ambassador to Poland, Ivan
Sorokin,") is one of that person's roles, and "diplomat" stands for an ambassador, envoy or
negotiator too, "envoy" for an ambassador or representative. Headline and standfirst quotes: see
:mod:`.headline_quotes`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from ..models import Attribution
from . import cues
from .article_text import OPENERS, SENTENCE_FINAL, scan_ranges
from .attribution_records import Attributed, Cue, Who
from .cue_subjects import OPENING_SUBJECT
from .headline_quotes import HeadlineQuotes
from .name_mentions import POSSESSIVE, latest_before
from .quote_flags import QuoteFlags, scare_before
from .quotes import RawQuote
from .speaker_references import UNNAMED_PERSON
from .speakers import NameMatch

__all__ = ["Attributed", "Attributor", "Cue", "Who"]

# After a quote ending in a comma: a few words standing before the verb as its subject.
_UNKNOWN_SUBJECT = re.compile(
    r"[ \u00a0]*,?[ \u00a0]*(?!(?:and|but|while|as|or|whereas)[ \u00a0])"
    r"(?:[\w’'\-]+[ \u00a0]+){1,6}"
)
_JOIN_AFTER = re.compile(r"^[ \u00a0]*[,;]?[ \u00a0]*$")

_JOIN_BEFORE = re.compile(
    r"^(?:[ \u00a0]+(?:that|in[ \u00a0][^,:.“”\"«»]{0,50}))?[ \u00a0]*[,:]?"
    r"[ \u00a0]*$"
)

# "His main argument is that", "Ryabkov’s message was": what a person said, as a noun.
_SPEECH_NOUN = re.compile(
    r"(?<![\w’'])(?P<sp>[Hh]is|[Hh]er|" + cues.NAME + r"(?=[’']s[ \u00a0]))(?:[’']s)?"
    r"[ \u00a0](?:[a-z]+[ \u00a0]){0,2}(?P<noun>argument|claim|message|point|complaint|"
    r"contention|thesis|warning|verdict|answer|reply|response)[ \u00a0](?:is|was|has been)"
    r"(?![\w’'])"
)
# "his favourite complaint about Western «double standards»": the possessor's words.
_SPEECH_NOUN_ABOUT = re.compile(
    r"(?<![\w’'])(?P<sp>[Hh]is|[Hh]er|" + cues.NAME + r"(?=[’']s[ \u00a0]))(?:[’']s)?"
    r"[ \u00a0](?:[a-z]+[ \u00a0]){0,2}(?:complaint|charge|accusation|warning|claim|criticism"
    r"|refrain|mantra|rhetoric|jibe|talk|denunciation|condemnation)s?[ \u00a0]+(?:about|of|over"
    r"|against|on)[ \u00a0][^.;:!?“”\"«»]{0,40}$"
)

# A transcript's speaker label before a quote: "Lavrov: “...”".
# A clause opening the sentence, set off by a comma, before its subject ("Asked about it, ").
_OPENING_CLAUSE = re.compile(r"[A-Z][^,;:“”\"«»]{0,120},[ \u00a0]+")
_SPEAKER_LABEL = re.compile(r"(?P<sp>" + cues.NAME + r")[ \u00a0]*:[ \u00a0]*")
# A label with its setting: "President Trump, in a written statement: ".
_SPEAKER_LABEL_SET_OFF = re.compile(
    r"(?P<sp>" + cues.NAME + r"),[ \u00a0](?:in|on|at|via|during|after)[ \u00a0][^,:“”\"«»]{1,60}"
    r":[ \u00a0]*"
)
_BULLET = re.compile(r"[•·▪◦*–—-][ \u00a0]+")

# "In Lavrov's words", "in his own words": whose words a quote is.
_IN_WORDS = re.compile(
    r"(?<![\w’'])[Ii]n[ \u00a0](?P<sp>[Hh]is|[Hh]er|" + cues.NAME + r"(?=[’']s[ \u00a0]))"
    r"(?:[’']s)?[ \u00a0](?:own[ \u00a0])?words(?![\w’'])"
)
# "the statement by Secretary of State Antony Blinken that", "remarks from the minister":
# whose words a quote in the sentence is.
_STATEMENT_BY = re.compile(
    r"(?<![\w’'])(?:statement|remark|comment|claim|assertion|warning|pledge|promise|assurance"
    r"|appeal|words)s?[ \u00a0]+(?:by|from)[ \u00a0]+(?P<sp>"
    + cues.DESCRIPTION
    # a name with its title, which may hold "of" ("Secretary of State Antony Blinken")
    + r"|(?:(?:[A-Z][\w.’'\-]*|of|the)[ \u00a0]+){0,6}[A-Z][\w.’'\-]*)"
)

# A signature under a pull quote or epigraph: "— Sergey Lavrov, February 2025".
_SIGNATURE = re.compile(r"[—–][ \u00a0]*(?P<sp>" + cues.NAME + r")[ \u00a0]*(?:,|$)")


class Attributor(QuoteFlags, HeadlineQuotes):
    """Attribution over one article; build once, then call :meth:`run`."""

    def __init__(
        self,
        text: str,
        paragraphs: list[tuple[int, int]],
        has_title: bool,
        quotes: list[RawQuote],
        dateline: tuple[int, int] | None,
        standfirst: int | None = None,
        published: dt.date | None = None,
    ) -> None:
        self.text = text
        self.published = published  #: the article's date: which curated roles apply
        self.standfirst = standfirst  #: index of the standfirst paragraph, when the layout has one
        self.paragraphs = paragraphs
        self.has_title = has_title
        self.quotes = quotes
        self.qstarts = [q.open_mark for q in quotes]
        self.qends = [q.close_mark + 1 if q.close_mark is not None else q.end for q in quotes]
        self.dateline = dateline
        self.par_starts = [p[0] for p in paragraphs]
        self.names: dict[str, str] = {}  #: speaker_id -> name as printed (extracted people)
        #: surname of an extracted person, or first word of anyone's full name -> id
        self.known: dict[str, str] = {}
        self.surnames: set[str] = set()  #: the keys of ``known`` that are surnames
        #: the last two or more words of an extracted full name ("le drian" of "Jean-Yves Le
        #: Drian") -> id; "" when two people share them
        self.tails: dict[str, str] = {}
        self.titles: dict[str, set[str]] = {}  #: speaker_id -> titles printed before the name
        self._matched: dict[str, NameMatch | None] = {}
        self.scan = scan_ranges(text, self.qstarts, self.qends)
        self.sentences = self._sentences()
        self._sentence_ends = self._clipped_ends()
        self.subject_at: dict[str, list[int]] = {}  #: where a person is a sentence's subject
        #: starts of sentences whose subject is an unnamed person ("A former diplomat told")
        self.unnamed_at = [
            s
            for s in self.sentences
            if text[s : s + 1] in "AO" and UNNAMED_PERSON.match(text, s) and not self._in_quote(s)
        ]
        self.mentions = self._mentions()
        self.mention_starts = [m[0] for m in self.mentions]  # in text order
        # Per person, in text order: where they are named, named as a person, and cued (cues
        # found so far). Nearest-person questions then cost one bisect per person, not a walk.
        self.named_at: dict[str, list[int]] = {}
        self.person_at: dict[str, list[int]] = {}
        for mpos, sid, person in self.mentions:
            self.named_at.setdefault(sid, []).append(mpos)
            if person:
                self.person_at.setdefault(sid, []).append(mpos)
        self.cued_at: dict[str, list[int]] = {}
        self.genders: dict[str, str] = {}  #: learnt from the pronouns that stood for a person
        self._description_subjects()
        self.cues: list[Cue] = []
        self.reporting_at: list[int] = []  #: every speech verb or participle outside quotes
        self._find_cues()
        self.cue_starts = [c.start for c in self.cues]
        self.fragment: list[bool] = []  #: per quote: a fragment inside a sentence (run fills it)
        self.kicker_cue: dict[int, Who] = {}  #: a headline cue's person, by kicker quote mark
        # prev_who[i] / next_who[i]: index of the nearest cue with a speaker at or before / at or
        # after cue i (-1 / len(cues) when none).
        self.prev_who: list[int] = []
        last = -1
        for i, c in enumerate(self.cues):
            if c.who:
                last = i
            self.prev_who.append(last)
        self.next_who: list[int] = [len(self.cues)] * len(self.cues)
        nxt = len(self.cues)
        for i in range(len(self.cues) - 1, -1, -1):
            if self.cues[i].who:
                nxt = i
            self.next_who[i] = nxt

    # --- quotes ----------------------------------------------------------------------------
    def run(self) -> list[Attributed]:
        """Attribution and flags of every quote, in the order of ``quotes``."""
        out: list[Attributed] = []
        head = self.paragraphs[0] if self.has_title and self.paragraphs else None
        for qi, q in enumerate(self.quotes):
            in_head = head is not None and q.paragraph == 0
            s_start, s_end = self._sentence(q.open_mark)
            prev_q = qi - 1 if qi > 0 and self.quotes[qi - 1].paragraph == q.paragraph else None
            before_from = s_start
            if prev_q is not None and self.qends[prev_q] > s_start:
                before_from = self.qends[prev_q]
            before = self.text[before_from : q.open_mark]
            # the second half of a split quote may go on in lower case; only text of the
            # sentence's own makes a lower-case quote after a comma cue a fragment
            first = self.text[q.start : q.start + 1] if before_from == s_start else ""
            partial = self._partial(before, first)
            if in_head:
                # a headline quotes a part of what was said ("Ryabkov: “...”", "'Not our
                # choice': Lavrov blames West ..."), unless it is only the quote and who said it
                pe = self.paragraphs[q.paragraph][1]
                partial = bool(before.strip(OPENERS)) or not _ATTRIBUTION_ONLY.fullmatch(
                    self.text, self.qends[qi], pe
                )
            elif not partial and not in_head and self._goes_on(qi, q, before):
                partial = True  # "“The lack of progress” forced Moscow to act, it said"
            elif not in_head and self._heading_quote(qi, q):
                partial = True  # a post heading "Trump: 'I want a ceasefire today'"
            cue, who = (
                (None, self._headline(q)) if in_head else self._body(qi, q, s_start, s_end, out)
            )
            scare = False
            if scare_before(before) or self._name_label(qi, q) or self._programme_title(qi, q):
                who, cue, scare = None, None, True
            elif who is not _CONTINUE and (who is None or who.speaker_id is None):
                who = None
                scare = self._unreported_term(qi, partial, before, s_start, s_end)
            self.fragment.append(partial)
            # A scare term is not reported speech, so not a partial quote (see the module doc).
            out.append(Attributed(who, cue, partial and not scare, in_head, scare))
        self._continue_chains(out)
        self._echo_headline(out)
        return out

    def _body(
        self, qi: int, q: RawQuote, s_start: int, s_end: int, done: list[Attributed]
    ) -> tuple[str | None, Who | None]:
        text = self.text
        close = self.qends[qi]
        cs = self.cues
        starts = self.cue_starts
        lo = bisect_left(starts, s_start)
        hi = bisect_left(starts, s_end)
        a0 = bisect_left(starts, close, lo, hi)  # cues[a0:hi]: the cues after the quote
        # The cues before the quote are those of cues[lo:hi] ending before the opening mark.
        b = bisect_left(starts, q.open_mark, lo, hi) - 1
        while b >= lo and cs[b].end > q.open_mark:
            b -= 1
        # 1. right after the closing mark, or right before the opening mark
        if a0 < hi:
            c = cs[a0]
            if _JOIN_AFTER.match(text, close, min(c.subj_start, c.start)) and c.who:
                return c.verb, c.who
            if (
                c.who is None
                and (text[q.end - 1 : q.end] in (",", "?", "!") or text[close : close + 1] == ",")
                and _UNKNOWN_SUBJECT.fullmatch(text, close, c.start)
            ):
                # a subject that is nobody we know ("one Western diplomat said", "a senior
                # official told"): the quote is theirs, not a continuation of someone else's
                return c.verb, None
        elif q.close_mark is not None and text[q.end - 1 : q.end] in ".!?":
            nxt = self._next_sentence_cue(close)
            if nxt is not None:
                return nxt.verb, nxt.who
        signed = self._signature(q, close)
        if signed is not None:
            return None, signed
        if b >= lo:
            c = cs[b]
            if _JOIN_BEFORE.match(text[c.end : q.open_mark]) and c.who:
                return c.verb, c.who
        if (
            b >= lo
            and cs[b].nobody
            and (cs[b].own_clause or len(text[cs[b].end : q.open_mark].split()) <= 3)
        ):
            # "..., as Tehran warns of “consequences”": Tehran's word (not "the moratorium
            # Russia had announced on such missiles was «...»": that verb governs no quote)
            return cs[b].verb, None
        # 2. nearest cue in the sentence (one index lookup, not a walk over the sentence's cues)
        i = self.prev_who[b] if b >= lo else -1
        while i >= lo and cs[i].end > q.open_mark:
            i = self.prev_who[i - 1] if i > 0 else -1
        if i >= lo:
            return cs[i].verb, cs[i].who
        i = self.next_who[a0] if a0 < len(cs) else len(cs)
        if i < hi:
            return cs[i].verb, cs[i].who
        # 2b. a colon introduction by the person the sentence is about, with no speech verb
        # ("He ends on a combative note: “...”", "Lavrov had a message for Kyiv: “...”")
        if text[max(s_start, q.open_mark - 64) : q.open_mark].rstrip(" \u00a0").endswith(":"):
            who = self._colon_introducer(s_start, q.open_mark)
            if who is not None:
                return None, who
        # 2c. a speech noun of a person's ("His central argument is that ... “rules”",
        # "Lavrov’s message was that ...", "the statement by Antony Blinken that ...")
        # (within 400 characters before the quote: a "sentence" that never ends, such as an
        # embedded JSON blob, must not make every quote search all of it)
        near = max(s_start, q.open_mark - 400)
        m = (
            _SPEECH_NOUN.search(text, near, q.open_mark)
            or _IN_WORDS.search(text, near, q.open_mark)
            or _STATEMENT_BY.search(text, near, q.open_mark)
            or _SPEECH_NOUN_ABOUT.search(text, max(s_start, q.open_mark - 160), q.open_mark)
        )
        if m is not None:
            sp = m.group("sp")
            who = self._resolve("he" if sp.lower() == "his" else sp, m.start("sp"))
            if who is not None and who.speaker_id is not None:
                return None, who  # a noun, not a cue verb
        # 2d. a sub-headline of a live page or a long read ("Blinken: Russia 'alone' in ...")
        if self._subheading(q.paragraph):
            who = self._headline(q)
            if who is not None and who.speaker_id is not None:
                return None, who
        # 3. continuation
        prev = qi - 1
        if prev >= 0 and self.quotes[prev].paragraph == q.paragraph:
            prev_who = done[prev].who
            prev_id = prev_who.speaker_id if prev_who else None
            between = {
                c.who.speaker_id for c in self._cues_in(self.qends[prev], q.open_mark) if c.who
            }
            # A fragment inside a later sentence with no cue of its own ("A fresh start (the
            # “reset”) is fine") is no continuation: only a quote that opens its sentence, or
            # one in the same sentence as the previous quote, goes on with its speaker.
            same_sentence = self.qends[prev] > s_start
            opens = _NOT_OPENER.search(text, s_start, q.open_mark) is None
            if between <= {prev_id} and (same_sentence or opens):
                return None, _CONTINUE
        if q.paragraph > 0 and not text[self.paragraphs[q.paragraph][0] : q.open_mark].strip():
            ps, pe = self.paragraphs[q.paragraph - 1]
            if prev >= 0 and self.quotes[prev].paragraph == q.paragraph - 1:
                # Consecutive quote paragraphs: no new cue means the same speaker goes on.
                prev_who = done[prev].who
                prev_id = prev_who.speaker_id if prev_who else None
                later = {c.who.speaker_id for c in self._cues_in(self.qends[prev], pe) if c.who}
                if prev_who is not None and later <= {prev_id}:
                    return None, _CONTINUE
            if text[ps:pe].rstrip().endswith(":"):
                lo2 = bisect_left(self.cue_starts, ps)
                hi2 = bisect_left(self.cue_starts, pe)
                for c in reversed(self.cues[lo2:hi2]):
                    if c.who:
                        return c.verb, c.who
                # no speech verb of anyone's: the person the paragraph is about ("Lavrov gave
                # a long interview afterwards. The key passage:")
                at, sid = max(latest_before(self.subject_at, pe), default=(-1, ""))
                if at >= ps:
                    return None, Who(sid, self._name(sid), Attribution.NAME, self._name(sid) or sid)
        # 3b. a quote opening its sentence right after a person's reported speech
        return self._after_paraphrase(qi, q, s_start)

    def _after_paraphrase(
        self, qi: int, q: RawQuote, s_start: int
    ) -> tuple[str | None, Who | None]:
        """A quote opening its sentence with no cue of its own, right after a sentence of the
        same paragraph that reports a person's words without quoting them ("Arbatov said the
        military would lobby for money. “The generals will now ask ...”"): that person."""
        ps, _ = self.paragraphs[q.paragraph]
        if self.text[s_start : q.open_mark].strip(OPENERS):
            return None, None
        if s_start <= ps:
            # a quote opening its paragraph under a paragraph of reported speech ("Grossi told
            # reporters the agency had to return.\n\n“We do not know where ...”")
            if q.paragraph < 2 or q.paragraph - 1 == self.standfirst:
                return None, None
            ps = self.paragraphs[q.paragraph - 1][0]
            s_start = self.paragraphs[q.paragraph - 1][1] + 1
        prev_start, _ = self._sentence(s_start - 1)
        if prev_start < ps:
            return None, None
        if qi > 0 and self.qends[qi - 1] > prev_start:
            return None, None  # the sentence before quotes someone itself
        said = [c for c in self._cues_in(prev_start, s_start) if c.who and c.who.speaker_id]
        return (None, said[-1].who) if said else (None, None)

    def _signature(self, q: RawQuote, close: int) -> Who | None:
        """A quote filling its paragraph, signed on the next one ("— Sergey Lavrov, February
        2025"): the person signing."""
        ps, pe = self.paragraphs[q.paragraph]
        # paragraphs are trimmed: the quote fills it when its marks are at both ends
        if q.open_mark != ps or close < pe - 1 or q.paragraph + 1 >= len(self.paragraphs):
            return None
        ns, ne = self.paragraphs[q.paragraph + 1]
        m = _SIGNATURE.match(self.text, ns, ne)
        found = self._person(m.group("sp"), m.start("sp")) if m else None
        return found[0] if found else None

    def _subheading(self, pi: int) -> bool:
        """A short paragraph with no final punctuation between body paragraphs, written like a
        headline (at most 20 words)."""
        ps, pe = self.paragraphs[pi]
        return (
            pi > 0
            and pe - ps <= 160
            and self.text[pe - 1] not in SENTENCE_FINAL
            and len(self.text[ps:pe].split()) <= 20
        )

    def _cues_in(self, start: int, end: int) -> list[Cue]:
        """The cues starting in ``[start, end)``."""
        return self.cues[bisect_left(self.cue_starts, start) : bisect_left(self.cue_starts, end)]

    def _colon_introducer(self, s_start: int, mark: int) -> Who | None:
        """The person opening the sentence before a colon and its quote when no speech verb
        stands between them: "He ends on a combative note:", "Lavrov: ", also after an opening
        clause set off by a comma ("Asked about the criticism as she left, Pandor was brief:";
        a verb in that clause is no cue of the colon's)."""
        text = self.text
        bullet = _BULLET.match(text, s_start, mark)
        if bullet is not None:
            s_start = bullet.end()  # "• Pompeo: “...”" in a list of reactions
        lead = _OPENING_CLAUSE.match(text, s_start, mark)
        for start in (s_start, lead.end() if lead is not None else -1):
            if start < 0:
                continue
            m = (
                OPENING_SUBJECT.match(text, start, mark)
                or _SPEAKER_LABEL.fullmatch(text, start, mark)
                or _SPEAKER_LABEL_SET_OFF.fullmatch(text, start, mark)
            )
            r = bisect_left(self.reporting_at, start)
            if r < len(self.reporting_at) and self.reporting_at[r] < mark:
                continue
            if m is not None and not POSSESSIVE.search(m.group("sp")):
                who = self._resolve(m.group("sp"), m.start("sp"))
                if who is not None and who.speaker_id is not None:
                    return who
        return None

    def _next_sentence_cue(self, close: int) -> Cue | None:
        """``today.” Lavrov added.``: a short next sentence made of a speaker and a verb."""
        n_start, n_end = self._sentence(close + 1)
        if n_start < close or len(self.text[n_start:n_end].split()) > 8:
            return None
        qi = bisect_left(self.qstarts, n_start)
        if qi < len(self.qstarts) and self.qstarts[qi] < n_end:
            return None  # 'He said they were “needed.”' introduces a quote of its own
        for c in self.cues[bisect_left(self.cue_starts, n_start) :]:
            if c.start >= n_end:
                break
            if (
                c.who
                and c.subj_start <= n_start + 1 + (c.start - c.subj_start)
                and not self.text[n_start : min(c.subj_start, c.start)].strip()
            ):
                return c
        return None

    def _continue_chains(self, out: list[Attributed]) -> None:
        for i, a in enumerate(out):
            if a.who is _CONTINUE:
                src = next(
                    (out[j] for j in range(i - 1, -1, -1) if out[j].who is not _CONTINUE), None
                )
                if src and src.who and src.who.speaker_id:
                    a.who = Who(
                        src.who.speaker_id, src.who.name, Attribution.CONTINUATION, src.who.mention
                    )
                else:
                    a.who = None
                    q = self.quotes[i]
                    s_start, s_end = self._sentence(q.open_mark)
                    before = self.text[max(s_start, q.open_mark - 80) : q.open_mark]
                    a.is_scare = self._unreported_term(i, self.fragment[i], before, s_start, s_end)
                    a.is_partial = self.fragment[i] and not a.is_scare
        chains: dict[int, list[int]] = {}
        for i, q in enumerate(self.quotes):
            chains.setdefault(q.chain, []).append(i)
        for members in chains.values():
            if len(members) < 2:
                continue
            who = next((out[i].who for i in members if out[i].who), None)
            for i in members:
                if out[i].who is None and who is not None:
                    out[i].who = Who(
                        who.speaker_id, who.name, Attribution.CONTINUATION, who.mention
                    )
                    out[i].is_scare = False
                    out[i].is_partial = self.fragment[i]


_CONTINUE = Who(None, None, Attribution.CONTINUATION, "")

# What may follow a headline that is only a quote: "– Lavrov", ", Lavrov says", nothing.
_ATTRIBUTION_ONLY = re.compile(
    r"[ \u00a0,:;.!?–—\-]*(?:" + cues.NAME + r"(?:[ \u00a0]+(?:" + cues.SPEECH_VERBS + r"))?)?"
    r"[ \u00a0.!?]*"
)

_NOT_OPENER = re.compile(r"[^ \u00a0\t(—–\-]")  # (stops at the first: no slice of the sentence)
