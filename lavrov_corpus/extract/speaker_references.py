"""Who a subject stands for: a name, a pronoun ("he") or a role description ("the minister")."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from functools import lru_cache

from ..models import Attribution
from . import cues
from .attribution_records import Who
from .cues import NAME_SEQ
from .name_mentions import ROLE_NOUN, NameMentions, latest_before
from .speakers import nationality_tokens, reference, role_tokens

_DESCRIPTION_START = re.compile(r"[A-Z][a-z]+[’']s ")

# A country's "man" or "woman" somewhere: its envoy there ("Moscow's man in Vienna").
_MAN_IN = re.compile(r"([A-Z][a-z]+)[’']s[ \u00a0](?:man|woman)[ \u00a0]in[ \u00a0][A-Z][a-z]+")

# The other party of a meeting, named by its relation to someone ("her Russian counterpart").
_OTHER_PARTY = re.compile(r"(his|her)[ \u00a0]+(?:[a-z]+[ \u00a0]+)?counterpart")

# A sentence opened by a role description and a verb ("The Russian minister gave").
_OPENING_DESCRIPTION = re.compile(
    r"(?P<sp>" + cues.DESCRIPTION + r")[ \u00a0]+" + cues.FILLER + r"[a-z]"
)

# A sentence opened by a clause saying its subject was asked ("Asked whether Putin would go,
# he said", "When pressed about Trump's plan, she replied"): the people named in it are not
# who answers.
_ASKED_CLAUSE = re.compile(
    r"(?:When[ \u00a0]+(?:asked|pressed|questioned)|Asked|Pressed|Questioned"
    # "Speaking to journalists two days after Putin's address, he said": the same
    r"|Speaking|Talking|Writing|Addressing)[ \u00a0]"
    r"[^“”\"«»;:]*,[ \u00a0]*$"
)

# A sentence opened by an unnamed person ("A former Russian diplomat who ... told", "One
# European official said"), not followed by the name it describes (", Sergei Ryabkov,").
UNNAMED_PERSON = re.compile(
    r"(?:A|An|One|Another)[ \u00a0](?:(?!(?:of|the|a|an|after|before|at|in|on|for|with|from|to"
    r"|by|day|week|month|year|hour|time|decade|while|when)(?![\w’']))[\w’'\-]+[ \u00a0]){0,4}"
    r"(?:" + cues.ROLE_NOUNS + r"|analyst|expert|researcher|scholar|professor|source|observer"
    r"|journalist|officer|delegate|insider|economist|lawyer|activist|witness|member)s?(?![\w’'])"
    r"(?![ \u00a0]*,[ \u00a0]*[" + cues.CAPITALS + r"])"
)


class SpeakerReferences(NameMentions):
    """Resolution of names, pronouns and descriptions to the people of the article (a layer
    of :class:`~.attribution.Attributor`)."""

    unnamed_at: list[int]
    cued_at: dict[str, list[int]]
    genders: dict[str, str]
    published: dt.date | None

    def _description_subjects(self) -> None:
        """A sentence opened by a role description and its verb ("The Russian minister gave a
        different account") has the person described as its subject, as a name would."""
        added = False
        for s in self.sentences:
            m = _OPENING_DESCRIPTION.match(self.text, s)
            if m is None or self._in_quote(s):
                continue
            sid = self._description(m.group("sp"), s)
            if sid is not None:
                self.subject_at.setdefault(sid, []).append(s)
                added = True
        if added:
            for at in self.subject_at.values():
                at.sort()

    def _person(self, phrase: str, pos: int) -> tuple[Who, int] | None:
        who = self._resolve(phrase, pos)
        return (who, pos) if who is not None and who.speaker_id is not None else None

    def _resolve(self, phrase: str, pos: int) -> Who | None:
        if _MAN_IN.fullmatch(phrase):  # no role noun, yet no institution (see _plain_role)
            sid = self._description(phrase, pos)
            return Who(sid, self._name(sid), Attribution.DESCRIPTION, phrase)
        low = phrase.lower()
        if low in ("he", "she", "him", "her"):
            gender = "f" if low in ("she", "her") else "m"
            sid = self._pronoun(pos, gender)
            if sid is not None:
                # "Sweden remains a party," she wrote: Linde is no later "he"
                self.genders.setdefault(sid, gender)
            return Who(sid, self._name(sid), Attribution.PRONOUN, phrase)
        other = _OTHER_PARTY.fullmatch(low)
        if other is not None:
            # "her counterpart said": the other party of the latest person she stands for
            own = self._pronoun(pos, "f" if other.group(1) == "her" else "m")
            before, after = self._nearest_people(pos)
            want = role_tokens(phrase) - {"counterpart"}  # "his Emirati counterpart"
            sid = None
            if want:
                # the nationality says who: "his" may stand for the other one
                fit = [s for s in [*before, *after] if any(_fits(want, r) for r in self._roles(s))]
                sid = next((s for s in fit if s != own), fit[0] if fit else None)
            elif own:
                sid = next((s for s in before if s != own), None)
            return Who(sid, self._name(sid), Attribution.DESCRIPTION, phrase)
        if low.startswith(("the ", "his ", "her ")) or _DESCRIPTION_START.match(phrase):
            if _DESCRIPTION_START.match(phrase) and phrase.split()[-1][:1].isupper():
                # "Russia's Lavrov", "Russia's Foreign Minister Sergey Lavrov": a named person
                named = self._resolve_name(phrase)
                if named is not None:
                    return named
            if not ROLE_NOUN.search(low):
                # "The Foreign Ministry", "The Kremlin": an institution is nobody
                return Who(None, None, Attribution.DESCRIPTION, phrase)
            sid = self._description(phrase, pos)
            return Who(sid, self._name(sid), Attribution.DESCRIPTION, phrase)
        return self._resolve_name(phrase)

    def _resolve_name(self, phrase: str) -> Who | None:
        nm = self._match(phrase)
        if nm is None:
            return None
        mention = phrase[phrase.find(nm.name) :] if nm.name in phrase else phrase
        return Who(nm.speaker_id, self._name(nm.speaker_id), Attribution.NAME, mention)

    def _gender_ok(self, sid: str, gender: str) -> bool:
        ref = reference().by_id.get(sid)
        known = ref.gender if ref is not None else self.genders.get(sid)
        return known in (None, gender)

    def _pronoun(self, pos: int, gender: str) -> str | None:
        s_start, _ = self._sentence(pos)
        mentions = self.mentions
        before = bisect_left(self.mention_starts, pos)  # mentions[:before] start before pos
        if before and self._interjected(mentions[before - 1][0], pos):
            before -= 1  # "Pompeo, he added, was ...": the name is what "he" talks about
        first = bisect_left(self.mention_starts, s_start)
        if _ASKED_CLAUSE.match(self.text, s_start, pos):
            first = before  # "Asked whether Putin would ..., he said": "he" was asked
        for i in range(first, before):
            _, sid, person = mentions[i]
            if person and self._gender_ok(sid, gender):
                return sid
        # the later of: the speaker of the latest cue before pos, the subject of the latest
        # earlier sentence opened by a person (who fit); else the latest person named
        fits = [
            (at, sid)
            for index, upto in ((self.cued_at, pos), (self.subject_at, s_start))
            for at, sid in latest_before(index, upto)
            if self._gender_ok(sid, gender)
        ]
        if not fits:
            fits = [
                (at, sid)
                for at, sid in latest_before(self.person_at, pos)
                if self._gender_ok(sid, gender)
            ]
        u = bisect_left(self.unnamed_at, pos) - 1
        if u >= 0 and (not fits or self.unnamed_at[u] > max(fits)[0]):
            return None  # "A former diplomat told the paper ... “...,” he said": that diplomat
        return max(fits)[1] if fits else None

    def _interjected(self, name_pos: int, pos: int) -> bool:
        """A pronoun at ``pos`` opens a reporting clause set off by a comma right after the
        name at ``name_pos`` ("Pompeo, he said, ...")."""
        if self.text[pos - 2 : pos] != ", ":
            return False
        m = NAME_SEQ.match(self.text, name_pos)
        return m is not None and m.end() == pos - 2

    def _last_at(self, sid: str, pos: int) -> int:
        """Where ``sid`` was last cued, a sentence's subject or named before ``pos``."""
        last = -1
        for index in (self.cued_at, self.subject_at, self.named_at):
            at = index.get(sid, ())
            i = bisect_left(at, pos)
            if i:
                last = max(last, at[i - 1])
        return last

    def _roles(self, sid: str) -> tuple[frozenset[str], ...]:
        ref = reference().by_id.get(sid)
        base = ref.roles_at(self.published) if ref else ()
        return base + tuple(role_tokens(t) for t in self.titles.get(sid, ()))

    def _nearest_people(self, pos: int) -> tuple[list[str], list[str]]:
        """Everyone cued or named: speakers of the cues before ``pos`` (latest first) and
        people named before it (latest first); then, apart, people named only after it (first
        first)."""
        # the speakers of cues and the subjects of sentences, latest first ("Riabkov ... was
        # more guarded. “...,” the diplomat told": the subject, not an earlier cued diplomat)
        latest: dict[str, int] = {}
        for last, sid in [
            *latest_before(self.cued_at, pos),
            *latest_before(self.subject_at, pos),
        ]:
            latest[sid] = max(last, latest.get(sid, -1))
        out = [sid for sid, _ in sorted(latest.items(), key=lambda kv: -kv[1])]
        seen = set(out)
        for _, sid in sorted(latest_before(self.named_at, pos), reverse=True):
            if sid not in seen:
                out.append(sid)
                seen.add(sid)
        after = []
        for sid, at in self.named_at.items():
            i = bisect_left(at, pos)
            if i < len(at) and sid not in seen:
                after.append((at[i], sid))
        return out, [sid for _, sid in sorted(after)]

    def _nationality_unsaid(self, want: frozenset[str], sid: str) -> bool:
        """A person of the article whose titles say no nationality ("Foreign Minister Igor
        Ivanov") fits a description but for its nationality ("Russia's foreign minister")."""
        roles = self._roles(sid)
        nat = nationality_tokens()
        rest = want - nat
        return (
            bool(rest)
            and rest != want
            and sid not in reference().by_id
            and not any(r & nat for r in roles)
            and any(_fits(rest, r) for r in roles)
        )

    def _description(self, phrase: str, pos: int) -> str | None:
        phrase = _plain_role(phrase)
        # roles_match(phrase, roles), with the phrase's words computed once, not per speaker.
        want = role_tokens(phrase)
        if not want:
            return None
        before, after = self._nearest_people(pos)
        head = phrase.split()[-1].lower()
        # where "a spokesperson", "an EU official" is brought in, if the head is a role noun
        unnamed = _introduced(head) if ROLE_NOUN.fullmatch(head) else None
        for sid in before:
            if any(_fits(want, r) for r in self._roles(sid)):
                # "A senior Indonesian official ... the official said": the unnamed one when
                # brought in after the person who fits
                last = self._last_at(sid, pos)
                if unnamed is not None and unnamed.search(self.text, last + 1, pos):
                    return None
                return sid
        if unnamed is not None and unnamed.search(self.text, 0, pos):
            return None  # "A spokesperson for the State Department ... the spokesperson said"
        # nobody before fits every word: one whose title leaves the nationality unsaid
        # ("Foreign Minister Igor Ivanov" for "the Russian minister") beats a later person
        for sid in before:
            if self._nationality_unsaid(want, sid):
                return sid
        for sid in after:
            if any(_fits(want, r) for r in self._roles(sid)):
                return sid
        for sid in after:
            if self._nationality_unsaid(want, sid):
                return sid
        hits = [
            sid
            for sid, r in reference().by_id.items()
            if any(want <= roles for roles in r.roles_at(self.published))
        ]
        if len(hits) > 1:  # "the foreign minister" is not a deputy foreign minister
            hits = [
                sid
                for sid in hits
                if any(want == roles for roles in reference().by_id[sid].roles_at(self.published))
            ]
        return hits[0] if len(hits) == 1 else None


def _plain_role(phrase: str) -> str:
    """A description in plain words: "Moscow's man in Vienna" is Moscow's envoy there, a
    headline's "FM" a foreign minister."""
    envoy = _MAN_IN.fullmatch(phrase)
    if envoy is not None:
        return f"{envoy.group(1)}'s envoy"
    return phrase.replace("FM", "foreign minister") if "FM" in phrase else phrase


@lru_cache(maxsize=256)
def _introduced(noun: str) -> re.Pattern[str]:
    """An unnamed person brought in with an indefinite article: "a spokesperson", "an EU
    official"."""
    # the first letter consumed, then a look-behind: scanned fast (see cues)
    return re.compile(
        r"[Aa](?<![\w’'].)n?[ \u00a0](?:[\w’'.\-]+[ \u00a0]){0,3}" + re.escape(noun) + r"\b"
    )


#: Role words a description may use for narrower roles ("the diplomat" for an ambassador).
_HYPERNYMS = {
    "diplomat": frozenset({"diplomat", "ambassador", "envoy", "negotiator", "delegation"}),
    "envoy": frozenset({"envoy", "ambassador", "representative", "delegation"}),
}
#: Descriptions a foreign minister's "counterpart" fits when they share its nationality ("his
#: Brazilian counterpart, Mauro Vieira" is "the Brazilian minister"; "the minister, who met his
#: Estonian counterpart" is not the counterpart).
_COUNTERPART_OF = frozenset({"minister", "diplomat"})

#: Words that make a different office of the noun they modify: a prime minister is not "the
#: minister", a vice president not "the president".
_OFFICE_MODIFIERS = frozenset({"prime", "vice"})


def _fits(want: frozenset[str], roles: frozenset[str]) -> bool:
    """Every word of a description is among a person's role words, or names a wider role of
    one of them (and the role has no office modifier the description lacks)."""
    if roles & _OFFICE_MODIFIERS - want:
        return False
    if want <= roles:
        return True
    if "counterpart" in roles and want & roles & nationality_tokens():
        want = want - _COUNTERPART_OF
    return all(w in roles or bool(_HYPERNYMS.get(w, set()) & roles) for w in want)
