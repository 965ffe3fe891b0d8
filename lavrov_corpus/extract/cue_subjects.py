"""Speech cues in the narrative ("Lavrov said", "according to", "adding that") and the subject
each verb or participle has."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..models import Attribution
from . import cues
from .attribution_records import Cue, Who
from .cues import NAME_SEQ
from .name_mentions import POSSESSIVE
from .speaker_references import SpeakerReferences
from .speakers import INSTITUTION_NOUNS

# An institution as a verb's subject: "the alliance", "the Foreign Ministry", "its embassy".
_INSTITUTION_SUBJECT = re.compile(
    r"(?<![\w’'])(?:[Tt]he|[Ii]ts|[A-Z][\w\-]*[’']s)[ \u00a0](?:[\w\-]+[ \u00a0]){0,3}(?:"
    + "|".join(sorted(INSTITUTION_NOUNS | {"kremlin", "government", "embassy", "bloc"}))
    + r"|[A-Z][a-z]+(?: [A-Z][a-z]+)*[ \u00a0](?:Ministry|Council|Department|Office|Commission))"
    r"[ \u00a0]+" + cues.FILLER + r"$",
    re.IGNORECASE,
)
# Before a subject that opens a clause of its own: ", and ", "; ", ", while ", ", but ".
# A role with no article opening a headline-style sentence ("Kremlin leader ", "Russian FM ").
_BARE_ROLE_SUBJECT = re.compile(
    r"(?P<sp>(?:[A-Z][\w.’'\-]*[ \u00a0]+){0,3}(?:" + cues.ROLE_NOUNS + r"|FM))[ \u00a0]+"
)
_BARE_ROLE_OPENING = re.compile(_BARE_ROLE_SUBJECT.pattern + r"(?:" + cues.SPEECH_VERBS + r")\b")
# A parenthetical of a lower-case title and a name ("Argentine diplomat Gustavo Zlauvinen").
# (not a participle or preposition first: "meeting his counterpart Oleg Marchuk")
_TITLED_INNER = re.compile(
    r"(?![a-z]+ing\b|(?:with|after|before|alongside|beside|at|in|on|for)\b)"
    r"(?:[\w’'.\-]+[ \u00a0]+){0,5}(?:" + cues.ROLE_NOUNS + r")[ \u00a0]+(?P<sp>" + cues.NAME + r")"
)
# A group of people as a verb's subject ("US officials", "Western diplomats", "critics").
_GROUP_SUBJECT = re.compile(
    # after "that", "which", "as", "and", "but" or a comma ("a move that US officials called";
    # not "“...,” a phrase Russian officials repeated")
    r"(?:(?<![\w’'])(?:that|which|as|and|but)[ \u00a0]+|,[ \u00a0]+)"
    r"(?:[A-Z][\w.’'\-]*[ \u00a0]+){0,2}"
    r"(?:" + cues.GROUP_NOUNS + r")"
    r"[ \u00a0]+" + cues.FILLER + r"$"
)
# A person's name and "and" before another subject: a joint statement ("Obama and Medvedev").
_JOINT_BEFORE = re.compile(cues.NAME + r"[ \u00a0]+and[ \u00a0]+$")
# What follows "asked" used as a passive participle ("asked about", "asked whether").
_ASKED_PASSIVE = re.compile(r"[ \u00a0]+(?:about|whether|if|at|by|on|during|for|how|why|what)\b")
# "states" as a verb introduces what is stated ("the document states that", "states: ...").
_STATES_VERB = re.compile(r"[ \u00a0]*(?:that(?![\w’'])|[,:“\"«])")
# A complement clause opening right before a subject ("said ... and that Moscow had").
_THAT_BEFORE = re.compile(r"(?<![\w’'])that[ \u00a0]+$")
_CLAUSE_OPEN = re.compile(r"(?:,[ \u00a0]+(?:and|while|but|whereas)|;)[ \u00a0]+$")

# A sentence opened by its subject and a verb ("He ends", "Lavrov had", "The minister then
# made"): the subject stands for who speaks after the sentence's colon.
OPENING_SUBJECT = re.compile(cues.SPEAKER + r"[ \u00a0]+" + cues.FILLER + r"[a-z]")
# A subject opening its sentence with a relative clause or an apposition set off by commas
# before its verb ("Dendias, who has spent the autumn touring capitals, thanked ...").
_OPENING_SUBJECT_SET_OFF = re.compile(
    r"(?P<sp>" + cues.NAME + r"),[ \u00a0][^,;:“”\"«»]{1,160},[ \u00a0]+" + cues.FILLER + r"[a-z]"
)

# A participle after a form of "be" is a verb of its own subject ("what everyone is calling").
_AUXILIARY_BEFORE = re.compile(r"(?<![\w’'])(?:is|are|was|were|be|been|being|am)[ \u00a0]+$")
# Lower-case words after a name that show it is no subject ("told Blinken the deal was off").
_NOT_A_VERB = re.compile(
    r"(?:and|or|of|to|for|with|from|by|as|at|the|a|an|that|this|it|its|his|her|their|who"
    r"|which|whose|in|on|into|over|after|before|during|about|against|under|near|since|until"
    r"|via|amid|without)(?![\w’'])"
)

# A document as the subject ("the statement said"): whoever issued it in an earlier sentence
# ("Shoukry said in a statement", "Ryabkov's letter").
_DOCUMENT = re.compile(
    r"(?<![\w’'])(?:[Tt]he|[Tt]hat|[Tt]his)[ \u00a0]+(?P<noun>statement|letter|message"
    r"|communiqu[eé]|note|post)[ \u00a0]+" + cues.FILLER + r"$"
)
# "I" as the subject of a verb ("I said", "I have repeatedly noted"), anchored at the verb.
_FIRST_PERSON = re.compile(r"(?<![\w’'])I[ \u00a0]+" + cues.FILLER + r"$")
# The speaker label opening a transcript's turn: "Sergey Lavrov: ", "LAVROV (through
# interpreter): ".
_TURN_LABEL = re.compile(r"(?P<sp>" + cues.NAME + r")(?:[ \u00a0]*\([^()\n]{1,40}\))?[ \u00a0]*:")
# The label of an answer in an interview printed as questions and answers.
_ANSWER_LABEL = re.compile(r"(?:A|Answer)[ \u00a0]*:")

# "RIA quoted Lavrov as [saying]", "TASS cited the minister as": whose words follow.
_QUOTED_AS = re.compile(
    r"(?<![\w’'])(?:quoted|quotes|cited|cites)[ \u00a0]+" + cues.SPEAKER + r"[ \u00a0]+as[ \u00a0]$"
)

_ONLY_MARKS = re.compile(r'[ \u00a0,;“”"«»]*')
# A verb whose subject stands before a parenthetical: "<subject>, <parenthetical>, [also] said"
# (the comma closing it, anchored at the verb), or "<name>, who [has] said".
_APPOSITION_END = re.compile(r",[ \u00a0]+" + cues.FILLER + r"$")
_RELATIVE_WHO = re.compile(r",[ \u00a0]+who[ \u00a0]+" + cues.FILLER + r"$")
_NAME_AT_END = re.compile(cues.NAME + r"$")

_DESCRIPTION_AT_END = re.compile(cues.DESCRIPTION + r"$")
_DETERMINER = re.compile(r"(?<![\w’'])(?:[Tt]he|[Hh]is|[Hh]er|[A-Z][a-z]+[’']s)[ \u00a0]")
# A name, then a description in apposition up to the end: "Kaja Kallas, the EU's top diplomat"
_NAME_BEFORE_APPOSITION = re.compile(
    r"(?P<sp>" + cues.NAME + r"),[ \u00a0]+(?:[Tt]he|[Hh]is|[Hh]er|an?)[ \u00a0][^,;:“”\"«»]{1,80}$"
)

# A title with a role noun, its words in any case, then a name: "EU foreign policy chief Kaja
# Kallas" (after "according to").
_TITLED_NAME_AFTER_ANY_CASE = re.compile(
    r"[ \u00a0]+(?:[\w.’'\-]+[ \u00a0]+){0,5}?(?:"
    + cues.ROLE_NOUNS
    + r")[ \u00a0]+(?P<sp>"
    + cues.NAME
    + r")"
)

# A person before the body they belong to: "Alexei Arbatov of the " (before "Carnegie Center").
_NAME_OF_BODY = re.compile(r"(?P<sp>" + cues.NAME + r")[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?$")
_SUBJECT_AT_END = re.compile(cues.SPEAKER + r"$")

# A parenthetical ending in the description a name stands in apposition to, as the object of
# a preposition or participle ("speaking alongside Spain's foreign minister, José Albares,"):
# the name is a companion, not the subject.
_COMPANION_LEAD = re.compile(
    r"(?<![\w’'])(?:alongside|with|beside|next[ \u00a0]to|flanked[ \u00a0]by|joined[ \u00a0]by"
    r"|meeting|met|hosting|hosted[ \u00a0]by|after|before|and)[ \u00a0][^,]*$"
)
# A parenthetical holds no quotation, no clause break and no speech verb after its first word
# ("which Lavrov said was biased" has a speaker of its own; "asked about it" is a participle).
_NOT_PARENTHETICAL = re.compile(
    r"[“”\"«»;:()]|(?<=[\w’'.][ \u00a0])(?:" + cues.SPEECH_VERBS + r")(?![\w’'])"
)


class CueSubjects(SpeakerReferences):
    """Finds the speech cues of the article, in text order, with their subjects (a layer of
    :class:`~.attribution.Attributor`)."""

    cues: list[Cue]
    reporting_at: list[int]
    cue_starts: list[int]

    def _find_cues(self) -> None:
        out = self.cues  # filled in text order; pronouns resolve against the cues found so far
        text = self.text
        found = cues.cue_words(text, self.scan)
        last_who: Cue | None = None  # the latest cue with a speaker (no walk back per cue)
        for vs, ve, verb, participle in found:
            if self._in_quote(vs) or (vs > 0 and text[vs - 1] == "-"):
                continue
            if verb == "states" and not _STATES_VERB.match(text, ve):
                continue  # "the Gulf states should be": the noun
            if (
                verb in ("asked", "Asked")
                and _ASKED_PASSIVE.match(text, ve)
                and (vs == 0 or text[vs - 2 : vs] == ", " or text[vs - 1] in "\n")
            ):
                continue  # "Baloch, asked at her briefing about it, welcomed ...": was asked
            self.reporting_at.append(vs)
            s_start, _ = self._sentence(vs)
            who, subj_start, end = None, vs, ve
            verb_at = vs  # where the verb phrase starts
            named_nobody = False  # the verb's own subject is printed and is nobody
            clause_open = None
            if participle:
                aux = _AUXILIARY_BEFORE.search(text, max(s_start, vs - 12), vs)
                if aux is not None:  # "what everyone is calling": a verb with its own subject
                    participle, verb_at = False, aux.start()
            if verb.lower() == "according to":
                m = cues.SUBJECT_AFTER.match(text, ve)
                if m:
                    who = self._resolve(m.group("sp"), m.start("sp"))
                    end = m.end()
                if who is None or who.speaker_id is None:
                    # "according to EU foreign policy chief Kaja Kallas"
                    m = _TITLED_NAME_AFTER_ANY_CASE.match(text, ve)
                    if m:
                        who = self._resolve(m.group("sp"), m.start("sp"))
                        end = m.end()
            elif not participle:
                left_from = max(s_start, vs - 100)
                m = cues.subject_before(text, left_from, verb_at)
                if m is None and text[verb_at - 2 : verb_at - 1] == ")":
                    # "Lin Chia-lung (林佳龍) told", "Rep. Eliot Engel (D-N.Y.) said": the name
                    # before a short bracket
                    paren = text.rfind("(", max(left_from, verb_at - 40), verb_at)
                    if paren > left_from and text[paren - 1] in " \u00a0":
                        m = cues.subject_before(text, left_from, paren)
                if (
                    m
                    and not POSSESSIVE.search(m.group("sp"))
                    and m.group("sp").lower() not in ("him", "her")
                ):
                    who = self._resolve(m.group("sp"), m.start("sp"))
                    subj_start = m.start("sp")
                    if _JOINT_BEFORE.search(text, max(s_start, subj_start - 60), subj_start):
                        who = None  # "Presidents Obama and Medvedev said": both, no one person
                    named_nobody = who is None or (
                        who.speaker_id is None and who.kind == Attribution.DESCRIPTION
                    )
                    # its own clause (", and the alliance said ... that"): it governs what follows
                    clause_open = _CLAUSE_OPEN.search(
                        text, max(s_start, subj_start - 8), subj_start
                    )
                    if who is None or who.speaker_id is None:
                        # "Alexei Arbatov of the Carnegie Moscow Center told": the person
                        of_body = _NAME_OF_BODY.search(
                            text, max(s_start, subj_start - 60), subj_start
                        )
                        found_subject = (
                            self._person(of_body.group("sp"), of_body.start("sp"))
                            if of_body
                            else None
                        )
                        if found_subject is not None:
                            who, subj_start = found_subject
                    if "," in text[m.end("sp") : verb_at]:
                        # "Kumar, who met Lavrov on Monday, said": the words before the comma
                        # close a parenthetical; its subject wins when it is a person.
                        found_subject = self._subject_across_commas(s_start, verb_at)
                        if found_subject is not None:
                            who, subj_start = found_subject
                elif (bare := _BARE_ROLE_SUBJECT.fullmatch(text, s_start, verb_at)) is not None:
                    # headlinese with no article: "Kremlin leader says", "Russian FM warns"
                    sid = self._description(f"the {bare.group('sp')}", s_start)
                    who = Who(sid, self._name(sid), Attribution.DESCRIPTION, bare.group("sp"))
                    subj_start = s_start
                    named_nobody = sid is None
                elif group := _GROUP_SUBJECT.search(text, max(s_start, verb_at - 60), verb_at):
                    # "a move that US officials called": a group of people, no one person
                    subj_start = group.start()
                    named_nobody = True
                elif inst := _INSTITUTION_SUBJECT.search(text, max(s_start, verb_at - 80), verb_at):
                    # "the alliance said", "the Foreign Ministry said": nobody, and no one else
                    subj_start = inst.start()
                    named_nobody = True
                    clause_open = _CLAUSE_OPEN.search(
                        text, max(s_start, subj_start - 8), subj_start
                    )
                elif text[verb_at - 5 : verb_at] in (" and ", " but "):
                    # "Dendias, who ..., thanked the guest and spoke of": the sentence's subject
                    found_subject = self._participle_subject(s_start, vs)
                    if found_subject is not None:
                        who, subj_start = found_subject
                elif doc := _DOCUMENT.search(text, max(s_start, verb_at - 60), verb_at):
                    # "“...,” the statement said": whoever issued the statement, or nobody
                    who = self._document_author(
                        doc.group("noun"), doc.start(), text[doc.start() : doc.end("noun")]
                    )
                    subj_start = doc.start()
                    named_nobody = who.speaker_id is None
                elif _FIRST_PERSON.search(text, max(s_start, verb_at - 60), verb_at):
                    # "Sergey Lavrov: ... I said it many times: “...”": the speaker of the turn
                    found_subject = self._turn_speaker(vs)
                    if found_subject is not None:
                        who, subj_start = found_subject
                else:
                    only_marks = _ONLY_MARKS.match(text, s_start, vs)  # '*': always matches
                    after_quote = (
                        self._in_quote(vs - 2)
                        # "«...», said Timur Shaimergenov": the comma after the closing mark
                        or (text[vs - 2 : vs] == ", " and self._in_quote(vs - 3))
                        or (only_marks is not None and only_marks.end() == vs)
                    )
                    m2 = cues.SUBJECT_AFTER.match(text, ve) if after_quote else None
                    if m2 and m2.group("sp").lower() not in ("him", "her"):
                        who = self._resolve(m2.group("sp"), m2.start("sp"))
                        end = m2.end()
                    if after_quote and (who is None or who.speaker_id is None):
                        # "said Kremlin spokesman Dmitry Peskov": a title with a lower-case role
                        m3 = cues.TITLED_NAME_AFTER.match(text, ve)
                        if m3:
                            who = self._resolve(m3.group("sp"), m3.start("sp"))
                            end = m3.end()
                    if who is None or who.speaker_id is None:
                        found_subject = self._subject_across_commas(s_start, verb_at)
                        if found_subject is not None:
                            who, subj_start = found_subject
            if participle and text[vs - 4 : vs] == " as ":
                # "Interfax quoted Ryabkov as saying": the person quoted is the speaker
                qa = _QUOTED_AS.search(text, max(s_start, vs - 120), vs)
                if qa is not None:
                    quoted = self._resolve(qa.group("sp"), qa.start("sp"))
                    if quoted is not None and quoted.speaker_id is not None:
                        who, subj_start = quoted, qa.start("sp")
            if (
                participle
                and (who is None or who.speaker_id is None)
                and (last_who is None or last_who.start < s_start)
            ):
                # "Merz agreed, calling it ...": with no cue before it in the sentence, a
                # participle takes its subject (see _participle_subject)
                found_subject = self._participle_subject(s_start, vs)
                if found_subject is not None:
                    who, subj_start = found_subject
            if who is None or who.speaker_id is None:
                prev = last_who if last_who is not None and last_who.start >= s_start else None
                if (
                    named_nobody
                    and (who is None or who.speaker_id is None)
                    and not _THAT_BEFORE.search(text, max(s_start, subj_start - 12), subj_start)
                ):
                    # "..., as Tehran warns of": not the earlier cue's person; but "Ryabkov
                    # said ... and that Moscow had made it clear that": still Ryabkov's report
                    prev = None
                if prev is None:
                    if participle or verb.lower() == "according to":
                        continue
                    out.append(
                        Cue(vs, end, verb, subj_start, None, named_nobody, clause_open is not None)
                    )
                    continue
                pw = prev.who
                assert pw is not None
                who = Who(pw.speaker_id, pw.name, pw.kind, pw.mention)
            last_who = Cue(vs, end, verb, subj_start, who)
            out.append(last_who)
            if who.speaker_id:  # as the cue walks it replaced tested it
                self.cued_at.setdefault(who.speaker_id, []).append(vs)

    def _turn_speaker(self, pos: int) -> tuple[Who, int] | None:
        """The person whose label opens the paragraph at ``pos`` in a transcript ("Sergey
        Lavrov: ...", "LAVROV (through interpreter): ..."; "A: ..." is the person interviewed,
        the first person the article names)."""
        ps, pe = self.paragraphs[bisect_right(self.par_starts, pos) - 1]
        if _ANSWER_LABEL.match(self.text, ps, pe):
            # "A: ..." in an interview: the person interviewed, the first person named
            for at, sid, person in self.mentions:
                if person:
                    name = self._name(sid)
                    return Who(sid, name, Attribution.NAME, name or sid), at
            return None
        m = _TURN_LABEL.match(self.text, ps, pe)
        return self._person(m.group("sp"), m.start("sp")) if m else None

    def _participle_subject(self, s_start: int, vs: int) -> tuple[Who, int] | None:
        """The subject of a participle at ``vs`` with no cue before it in its sentence: a
        person named right before it ("with host minister Jan Novak saying"), else the subject
        opening the sentence ("Merz agreed, calling it"), else the latest person named in the
        sentence with a verb after the name ("Russia ratified it, but Putin revoked that in
        2023, saying"; not an object: "told Blinken the ...")."""
        text = self.text
        if text[vs - 1 : vs] in (" ", "\u00a0"):
            m = _NAME_AT_END.search(text, max(s_start, vs - 80), vs - 1)
            found = self._person(m.group(), m.start()) if m else None
            if found is None:  # "with Russia's envoy saying": the shortest description
                lo = max(s_start, vs - 80)
                starts = [m.start() for m in _DETERMINER.finditer(text, lo, vs - 1)]
                for at in reversed(starts):
                    d = _DESCRIPTION_AT_END.match(text, at, vs - 1)
                    if d is not None:
                        found = self._person(d.group(), d.start())
                        break
            if found is not None:
                return found
        opening = OPENING_SUBJECT.match(text, s_start, vs) or _OPENING_SUBJECT_SET_OFF.match(
            text, s_start, vs
        )
        if opening is not None and not POSSESSIVE.search(opening.group("sp")):
            found = self._person(opening.group("sp"), opening.start("sp"))
            if found is not None:
                return found
        bare = _BARE_ROLE_OPENING.match(text, s_start, vs)
        if bare is not None:
            # "Russian FM says Moscow ..., and warns that": the headline-style subject
            sid = self._description(f"the {bare.group('sp')}", s_start)
            if sid is not None:
                return Who(sid, self._name(sid), Attribution.DESCRIPTION, bare.group("sp")), s_start
        r = bisect_left(self.reporting_at, s_start)
        if r < len(self.reporting_at) and self.reporting_at[r] < vs:
            return None  # "The ministry said ..., adding": the earlier verb's subject, nobody
        lo = bisect_left(self.mention_starts, s_start)
        for i in range(bisect_left(self.mention_starts, vs) - 1, lo - 1, -1):
            pos, _, person = self.mentions[i]
            if not person:
                continue
            # "Baloch, asked at her weekly briefing, welcomed ... and said": set off by commas
            m = OPENING_SUBJECT.match(text, pos, vs) or _OPENING_SUBJECT_SET_OFF.match(
                text, pos, vs
            )
            if (
                m is not None
                and m.start("sp") == pos
                and not POSSESSIVE.search(m.group("sp"))  # "Lavrov's earlier statements"
                and not _NOT_A_VERB.match(text, m.end() - 1)
            ):
                found = self._person(m.group("sp"), pos)
                if found is not None:
                    return found
        return None

    def _subject_across_commas(self, s_start: int, vs: int) -> tuple[Who, int] | None:
        """The subject of a verb separated from it by a parenthetical between commas, or a
        relative "who" (see :data:`_APPOSITION_END`): ``Ryabkov, who oversees arms control,
        said``; ``Russia's envoy in Vienna, Mikhail Ulyanov, wrote``; ``Araghchi, speaking to
        reporters, said``; ``... Rose Gottemoeller, who said``; up to three parentheticals in a
        row. Only a person counts."""
        text = self.text
        lo = max(s_start, vs - 240)
        rel = _RELATIVE_WHO.search(text, max(lo, vs - 80), vs)
        if rel is not None:
            name = _NAME_AT_END.search(text, lo, rel.start())
            if name is None:  # "Kaja Kallas, the EU's top diplomat, who said"
                name = _NAME_BEFORE_APPOSITION.search(text, lo, rel.start())
                return self._person(name.group("sp"), name.start("sp")) if name else None
            return self._person(name.group(), name.start())
        closing = _APPOSITION_END.search(text, max(lo, vs - 80), vs)
        if closing is None:
            return None
        end = closing.start()
        # Up to three parentheticals in a row: "Robert Floyd, the head of the CTBTO, the
        # Vienna-based body that monitors the ban, said"
        for _ in range(3):
            opening = text.rfind(",", lo, end)
            if opening < 0:
                return None
            inner = text[opening + 1 : end].strip(" \u00a0")
            if not inner or _NOT_PARENTHETICAL.search(inner):
                return None
            if NAME_SEQ.fullmatch(inner):  # "Its speaker, Vyacheslav Volodin, called"
                lead_from = text.rfind(",", lo, opening)
                if lead_from >= 0 and _COMPANION_LEAD.search(text, lead_from + 1, opening):
                    end = opening  # "Stoltenberg, speaking alongside ...'s minister, X, added"
                    continue
                found = self._person(inner, text.index(inner, opening))
                if found is not None:
                    return found
            titled = _TITLED_INNER.fullmatch(inner)
            if titled is not None:  # "The conference's president, Argentine diplomat X, said"
                found = self._person(
                    titled.group("sp"), text.index(inner, opening) + titled.start("sp")
                )
                if found is not None:
                    return found
            hend = opening
            if text[hend - 1 : hend] == ")":  # "Rep. Eliot Engel (D-N.Y.), chairman of ..."
                paren = text.rfind("(", max(lo, hend - 16), hend)
                if paren > lo and text[paren - 1] in " \u00a0":
                    hend = paren - 1
            head = _SUBJECT_AT_END.search(text, lo, hend)
            found = self._person(head.group("sp"), head.start("sp")) if head else None
            if found is not None:
                return found
            end = opening
        return None

    def _document_author(self, noun: str, pos: int, phrase: str) -> Who:
        """Who issued the document "the statement" (said) refers to: the person cued in the
        latest earlier sentence naming such a document ("Shoukry said in a statement"), or
        nobody (an institution's statement)."""
        s_start, _ = self._sentence(pos)
        lo = max(0, s_start - 1500)
        for m in reversed(list(_document_pattern(noun).finditer(self.text, lo, s_start))):
            if self._in_quote(m.start()):
                continue
            ss, se = self._sentence(m.start())
            for c in self.cues[bisect_left(self.cues, ss, key=_cue_start) :]:  # cues found so far
                if c.start >= se:
                    break
                if c.who is not None and c.who.speaker_id is not None:
                    return Who(c.who.speaker_id, c.who.name, Attribution.DESCRIPTION, phrase)
            break
        return Who(None, None, Attribution.DESCRIPTION, phrase)


def _cue_start(c: Cue) -> int:
    return c.start


@lru_cache(maxsize=16)
def _document_pattern(noun: str) -> re.Pattern[str]:
    """A document of that kind brought in: "in a statement", "issued a letter", "his post"."""
    return re.compile(
        r"(?<![\w’'])(?:a|an|his|her|its|[\w\-]+[’']s)[ \u00a0]+(?:[a-z]+[ \u00a0]){0,2}"
        + noun
        + r"(?![\w’'])"
    )
