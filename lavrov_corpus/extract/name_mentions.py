"""People named in the text: matching names to speakers, the titles printed with them, and where
each person is named and is the subject of a sentence."""

from __future__ import annotations

import re
from bisect import bisect_left

from . import cues
from .article_text import ArticleText
from .cues import NAME_SEQ
from .speakers import NameMatch, match_name, reference

ROLE_NOUN = re.compile(r"\b(?:" + cues.ROLE_NOUNS + r")\b")

POSSESSIVE = re.compile(r"[’']s$")

# A description and a comma before the name that is its apposition: "Nato’s secretary general, "
_APPOSITION_LEAD = re.compile(
    r"(?:[Tt]he|[Hh]is|[Hh]er|Its|[A-Z][\w\-]*[’']s)[ \u00a0]"
    r"(?:[^,.;:“”\"«»]|(?<=[A-Z])\.){0,80},[ \u00a0]+"  # "The U.S. chief negotiator, "
)
# A capitalised title cut by "of" before the rest of the name ("Assistant Secretary of " before
# "State Rose Gottemoeller"), alone or after a description in apposition.
_TITLE_OF_LEAD = re.compile(
    r"(?:"
    + _APPOSITION_LEAD.pattern
    + r")?(?:[A-Z][\w.’'\-]*[ \u00a0]){1,4}of[ \u00a0](?:the[ \u00a0])?"
)
# An abbreviated title before a name ("Sen. Jon Kyl", "Gen. Mark Milley", "Rep. Jane Roe").
_TITLE_ABBREVIATION = re.compile(r"\b(?:sen|rep|gov|gen|lt|col|adm|amb|maj|capt|pres|sec)\.$")
# A description set off by commas right after a name: ", the UAE's Minister of Foreign Affairs".
_APPOSITION_AFTER = re.compile(
    r",[ \u00a0]+(?P<d>(?:[Tt]he|[Hh]is|[Hh]er|[A-Z][\w\-]*[’']s)[ \u00a0][^,.;:“”\"«»()]{0,80}?"
    r"(?<![\w’'])(?:" + cues.ROLE_NOUNS_ANY_CASE + r")(?![\w’'])[^,.;:“”\"«»()]{0,60}?)(?=[,.;])"
)
# What a person heads, in a relative clause after the name (", who heads the Russian delegation").
_WHO_HEADS = re.compile(
    r",[ \u00a0]+who[ \u00a0]+(?:heads|headed|leads|led|chairs|chaired)[ \u00a0]+"
    r"(?P<d>the[ \u00a0][^,.;:“”\"«»()]{1,60}?)(?=[,.;]|[ \u00a0]at[ \u00a0])"
)
# An opening adverbial set off by a comma ("At the UN in New York, ", "In Washington, ").
_INTRO = re.compile(
    r"(?:At|In|On|From|After|Before|During|Later|Earlier|Meanwhile|Separately|Elsewhere"
    r"|Back|Across|Outside|Inside)[ \u00a0,][^,;:“”\"«»]{0,60},[ \u00a0]+"
)
# A title ending in a lower-case role noun before a name that opens the sentence ("Kremlin
# spokesman ", "EU foreign policy chief ").
_TITLE_LEAD = re.compile(r"(?:[\w’'.\-]+[ \u00a0]+){0,5}(?:" + cues.ROLE_NOUNS + r")[ \u00a0]+")
_APPOSITION_TITLE_LEAD = re.compile(_APPOSITION_LEAD.pattern + _TITLE_LEAD.pattern)

_ROLE_WORDS = frozenset(w.split()[-1] for w in cues.ROLE_NOUNS.split("|"))
# What a person says, after their possessive: "Obama's line", "Lavrov's tone".
_SPEECH_THING = re.compile(
    r"[ \u00a0](?:[a-z]+[ \u00a0]){0,2}(?:line|remarks?|comments?|words|tone|speech|statement"
    r"|message|answer|reply|response|argument|point|warning|view|position)(?![\w’'])"
)

# A description set off by a comma right before a name anywhere in a sentence ("alongside
# Spain's foreign minister, José Manuel Albares"): one of that person's roles.
_DESCRIPTION_BEFORE_NAME = re.compile(
    r"(?<![\w’'])(?:[Tt]he|[Hh]is|[Hh]er|[A-Z][\w\-]*[’']s)[ \u00a0][^,.;:“”\"«»]{0,60}?"
    r"(?:" + cues.ROLE_NOUNS + r"),[ \u00a0]+$"
)

#: Lower-case words inside a name ("Faisal bin Farhan"), as :data:`cues.NAME` admits them.
_NAME_PARTICLES = frozenset(
    {"bin", "bint", "ibn", "al", "van", "von", "der", "den", "de", "da", "dos", "del"}
)
_SHORT_PARTICLES = frozenset({"Al", "El", "Bin", "Ibn", "Abu", "Van", "Von", "Der", "Del", "Dos"})
_GIVEN = re.compile(r"[A-Z][a-z]+$")  # a first word that can stand alone for a person
_PROPER = re.compile(
    r"^(?:[" + cues.CAPITALS + r"][a-z\u00df-\u00f6\u00f8-\u024f’'\-]+"
    r"(?:-[A-Z][a-z\u00df-\u00f6\u00f8-\u024f’']+)*"
    r"|(?:[A-Z]\.)+|[A-Z]|Mc[A-Z][a-z]+|[A-Z][a-z]+[A-Z][a-z]+|[A-Z][’'][A-Z][a-z]+"
    r"|[A-Z][A-Z’'\-]+)$"  # a name printed in capitals ("IZUMI NAKAMITSU, High Representative")
)


def latest_before(index: dict[str, list[int]], pos: int) -> list[tuple[int, str]]:
    """(offset, id) of each id's last offset before ``pos`` (offsets sorted per id)."""
    out = []
    for sid, at in index.items():
        i = bisect_left(at, pos)
        if i:
            out.append((at[i - 1], sid))
    return out


class NameMentions(ArticleText):
    """Names outside quotations, matched to speakers and indexed by position (a layer of
    :class:`~.attribution.Attributor`)."""

    names: dict[str, str]
    known: dict[str, str]
    surnames: set[str]
    tails: dict[str, str]
    titles: dict[str, set[str]]
    _matched: dict[str, NameMatch | None]
    subject_at: dict[str, list[int]]
    mentions: list[tuple[int, str, bool]]
    mention_starts: list[int]
    named_at: dict[str, list[int]]
    person_at: dict[str, list[int]]

    def _mentions(self) -> list[tuple[int, str, bool]]:
        """(position, speaker_id, is_person) of names outside quotes, in text order."""
        out = []
        people: set[str] = set()  # ids already named as a person
        for start, end in self.scan:
            free = self._quote_free(start, end)
            for m in NAME_SEQ.finditer(self.text, start, end):
                if not free and self._in_quote(m.start()):
                    continue
                nm = self._match(m.group())
                if nm is not None:
                    lead = self._subject_lead(m.start(), m.group())
                    role = self._role_before(max(start, m.start() - 60), m.start())
                    if role is not None and not nm.title:
                        # "EU foreign policy chief Kaja Kallas": a title in lower case
                        self.titles.setdefault(nm.speaker_id, set()).add(role)
                    elif role is not None and role.endswith(" of") and nm.title:
                        # "U.S. Secretary of" + "State": one title cut by its lower-case "of"
                        self.titles.setdefault(nm.speaker_id, set()).add(f"{role} {nm.title}")
                    heads = _WHO_HEADS.match(self.text, m.end())
                    if heads is not None and not POSSESSIVE.search(m.group()):
                        # "Konstantin Gavrilov, who heads the Russian delegation,": its head
                        title = "head of " + heads.group("d").lower()
                        self.titles.setdefault(nm.speaker_id, set()).add(title)
                    after = _APPOSITION_AFTER.match(self.text, m.end())
                    if after is not None and not POSSESSIVE.search(m.group()):
                        # "Mikhail Ulyanov, Russia's permanent representative in Vienna,": a
                        # title printed after the name
                        self.titles.setdefault(nm.speaker_id, set()).add(after.group("d").lower())
                    person = (
                        nm.curated
                        or nm.speaker_id in people  # "Maxim Ryzhenkov" before: "Ryzhenkov"
                        or role is not None
                        or after is not None
                        or (nm.title is not None and bool(ROLE_NOUN.search(nm.title)))
                        or (nm.title is not None and bool(_TITLE_ABBREVIATION.search(nm.title)))
                        or (lead is not None and bool(ROLE_NOUN.search(lead.lower())))
                    )
                    out.append((m.start(), nm.speaker_id, person))
                    if person:
                        people.add(nm.speaker_id)
                    if person and (
                        lead is not None
                        # "Obama's line was warmer.": a possessive of a speech noun opening
                        # the sentence is whom it is about ("Pompeo's letter ..." is not)
                        or (
                            POSSESSIVE.search(m.group()) is not None
                            and self._sentence(m.start())[0] == m.start()
                            and _SPEECH_THING.match(self.text, m.end()) is not None
                        )
                    ):
                        self.subject_at.setdefault(nm.speaker_id, []).append(m.start())
                    if (
                        lead
                        and lead.rstrip(" \u00a0").endswith(",")
                        and ROLE_NOUN.search(lead.lower())
                    ):
                        # "Russia's ambassador to Germany, Sergei Nechayev": one of their roles
                        title = lead.rstrip(" \u00a0,").lower()
                        self.titles.setdefault(nm.speaker_id, set()).add(title)
                    elif lead is None and self.text[m.start() - 2 : m.start()] == ", ":
                        d = _DESCRIPTION_BEFORE_NAME.search(
                            self.text, max(start, m.start() - 80), m.start()
                        )
                        if d is not None:  # "alongside Spain's foreign minister, José Albares"
                            title = d.group().rstrip(" \u00a0,").lower()
                            self.titles.setdefault(nm.speaker_id, set()).add(title)
        return out

    def _role_before(self, lo: int, pos: int) -> str | None:
        """The words up to a role noun standing right before ``pos`` ("eu foreign policy
        chief" before "Kaja Kallas"), lower-cased; None when the word before is no role."""
        if pos < 2 or self.text[pos - 1] not in " \u00a0":
            return None
        words = self.text[lo : pos - 1].split()
        if len(words) > 1 and words[-1] == "of" and words[-2].lower() in _ROLE_WORDS:
            # "Under Secretary of " before "State Andrea Thompson": the title goes on
            return " ".join(words[-5:]).lower()
        if words and _TITLE_ABBREVIATION.fullmatch(words[-1].lower()):
            return words[-1].lower()  # "Sen. " before "Jon Kyl"
        if not words or words[-1].lower() not in _ROLE_WORDS:
            return None
        return " ".join(words[-5:]).lower()

    def _subject_lead(self, pos: int, name: str) -> str | None:
        """When a name is the subject of its sentence, what precedes it there: nothing (it
        opens the sentence) or a description it is the apposition of ("Lavrov’s deputy, " before
        "Sergei Ryabkov, went further"), either after an opening adverbial ("In Washington, ");
        None otherwise. A possessive is not a subject."""
        if POSSESSIVE.search(name):
            return None
        s_start, _ = self._sentence(pos)
        if pos == s_start:
            return ""
        intro = _INTRO.match(self.text, s_start, pos)
        if intro is not None:
            # "At the United Nations in New York, Russia's ambassador, Sergei Lavrov, was":
            # an opening adverbial is no part of the subject
            s_start = intro.end()
            if pos == s_start:
                return ""
        if pos - s_start <= 140 and (
            _APPOSITION_LEAD.fullmatch(self.text, s_start, pos)
            or _TITLE_LEAD.fullmatch(self.text, s_start, pos)
            or _TITLE_OF_LEAD.fullmatch(self.text, s_start, pos)
            # "The conference's president, Argentine diplomat " before "Gustavo Zlauvinen"
            or _APPOSITION_TITLE_LEAD.fullmatch(self.text, s_start, pos)
        ):
            return self.text[s_start:pos]
        return None

    def _match(self, phrase: str) -> NameMatch | None:
        if phrase in self._matched:
            return self._matched[phrase]
        nm = self._match_new(phrase)
        if (nm is None and " " in phrase.strip()) or (nm is not None and nm.curated):
            # extracted names, and a single word's miss, depend on `known`: not cached (the
            # person "Mohamad" stands for may be named in full later in the same sentence)
            self._matched[phrase] = nm
        return nm

    def _match_new(self, phrase: str) -> NameMatch | None:
        nm = match_name(phrase, self.known)
        if nm is None:
            return None
        toks = nm.name.split()
        if not nm.curated:
            if not all(_PROPER.match(t) or t in _NAME_PARTICLES for t in toks[1:-1]) or not (
                _PROPER.match(toks[0]) and _PROPER.match(toks[-1])
            ):
                return None
            earlier = self.tails.get(POSSESSIVE.sub("", nm.name.lower()))
            if earlier:  # "Mr. Le Drian" after "Jean-Yves Le Drian": the same person
                if nm.title:
                    self.titles.setdefault(earlier, set()).add(nm.title)
                return NameMatch(earlier, nm.name, nm.title, False)
            for k in range(1, len(toks) - 1):
                tail = " ".join(toks[k:]).lower()
                held = self.tails.setdefault(tail, nm.speaker_id)
                if held != nm.speaker_id:
                    self.tails[tail] = ""
            self.names.setdefault(nm.speaker_id, nm.name)
            surname = POSSESSIVE.sub("", toks[-1]).lower()
            self.known[surname] = nm.speaker_id
            self.surnames.add(surname)
        # The first word of a full name stands for the person later in the article too
        # ("Wang Yi ... Wang said", where the family name comes first), and so does a middle
        # word of a long name ("Luiz Inácio Lula da Silva ... Lula said"). Surnames win over
        # them; two people with that word make it ambiguous ("" matches nobody).
        middle = [w for w in toks[1:-1] if len(w) >= 3 and w not in _SHORT_PARTICLES]
        for word in [toks[0], *(middle if len(toks) >= 4 else ())] if len(toks) > 1 else ():
            if not _GIVEN.match(word):
                continue
            low = word.lower()
            if low not in reference().surname:
                held = self.known.setdefault(low, nm.speaker_id)
                if held != nm.speaker_id and low not in self.surnames:
                    self.known[low] = ""
        if nm.title:
            self.titles.setdefault(nm.speaker_id, set()).add(nm.title)
        return nm

    def _name(self, sid: str | None) -> str | None:
        if sid is None:
            return None
        ref = reference().by_id.get(sid)
        return ref.speaker.name if ref else self.names.get(sid)
