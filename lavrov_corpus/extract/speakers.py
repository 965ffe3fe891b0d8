"""The curated speaker list, and names/roles in text resolved to speakers.

``data/speakers.json`` holds the reference list (canonical name, spelling variants, roles such as
"foreign minister", a Wikidata id only where verified). A name found in text is matched against
the full forms and, for a single word, the surnames of that list; titles ("Russian Foreign
Minister", "U.S. CIA Director", "Ukraine's Foreign Minister", "Vietnamese Foreign Minister":
listed title words, a possessive before more words, anything up to a role word) are stripped
first. A two-or-more-word name not in the list makes
an *extracted* speaker whose id is the slug of the name, unless it ends in a noun of bodies
("the North Atlantic Council", "the Carnegie Endowment": an institution, nobody). Role
descriptions ("the minister", "the head of Russian diplomacy") match a speaker when every
content word of the description occurs in one of its roles (reference roles plus titles printed
before the name in the article).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..models import Method, Speaker


def _word_set(words: str, sep: str | None = None) -> frozenset[str]:
    """The words of a reference list written as one string."""
    return frozenset(w.strip() for w in words.split(sep) if w.strip())


#: Capitalised words that are titles, nationalities or institutions, never part of a name.
TITLE_WORDS = _word_set(
    "russian russia's russia’s foreign minister ministers deputy vice president prime director "
    "secretary state us u.s. usa american national security adviser advisor kremlin spokesman "
    "spokeswoman spokesperson press chief head general ambassador envoy senator representative "
    "permanent chairman chairwoman chairperson speaker leader commander defense defence french "
    "chinese german british iranian ukrainian israeli turkish indian japanese nato eu un cia fbi "
    "mr mr. "
    "mrs mrs. ms ms. dr dr. sir former acting top senior official officials the his her its "
    "assistant under undersecretary associate "
    "former department ministry of affairs minister's council duma senate white house pentagon "
    "presidential first lady lord king queen prince his excellency gen. gen col. lt. adm. north "
    "korean south european soviet belarusian polish external"
)
#: Capitalised words that are places, organisations or sentence words, never a person's name.
NON_PERSON = _word_set(
    "moscow washington beijing london paris berlin kyiv kiev tehran brussels geneva vienna "
    "helsinki sochi russia china france britain germany ukraine iran europe america korea "
    "united states kingdom nations treaty treaties agreement nuclear forces missile strategic "
    "arms reduction start new open skies tass reuters ap afp ria novosti sputnik interfax "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday according in on at for with but "
    "and as or however meanwhile earlier later then it this that these those we they he she "
    "i after "
    "before while when if so also yet still federation federal assembly general "
    "nonproliferation conference summit g20 g7 cnn bbc rfe/rl izvestiya rossiya tv channel west "
    "western east eastern asia pacific middle black sea peninsula crimea syria"
)
#: Nouns that end the name of a body, never of a person ("the North Atlantic Council", "Carnegie
#: Endowment"): a capitalised sequence ending in one is an institution.
INSTITUTION_NOUNS = _word_set(
    "council committee commission agency organization organisation institute institution "
    "endowment department ministry office alliance union parliament party court foundation "
    "university centre center association corporation board secretariat coalition "
    "administration government embassy mission directorate bureau service staff"
)
#: Capitalised sentence openers that can stand right before a name ("As", "But", "When").
_LEADING_WORDS = _word_set(
    "a an as but and or so yet when while if after before since though although however meanwhile "
    "then also still now later earlier in on at for with like unlike asked speaking "
    "our their my your its this these those"
)
_TOKEN = re.compile(r"[^\s\u00a0]+")
#: Honorifics that can stand between a role word and the name ("Minister Prince Faisal").
_HONORIFICS = _word_set(
    "prince princess king queen sheikh emir sir lord dr dr. mr mr. mrs mrs. ms ms."
    # Malaysian and Bruneian honorifics ("Datuk Seri Utama Mohamad Hasan", "Tun", "Dato'")
    " datuk dato dato' dato’ datin seri sri utama tun toh puan haji hajah pehin"
)
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_AGE = re.compile(r"\d+(?:-year-old)?")
_ROLE_DROP = frozenset({"the", "a", "an", "his", "her", "its", "senior", "veteran", "top", "chief"})
# A country, its capital or its government in the possessive stands for the nationality
# ("Moscow's top diplomat" is a Russian diplomat); both apostrophes are accepted.
_POSSESSOR_NATIONALITY = {
    "russia": "russian",
    "moscow": "russian",
    "america": "us",
    "washington": "us",
    "u.s.": "us",
    "us": "us",
    "china": "chinese",
    "beijing": "chinese",
    "ukraine": "ukrainian",
    "kyiv": "ukrainian",
    "kiev": "ukrainian",
    "iran": "iranian",
    "tehran": "iranian",
    "japan": "japanese",
    "tokyo": "japanese",
    "germany": "german",
    "berlin": "german",
    "france": "french",
    "paris": "french",
    "britain": "british",
    "london": "british",
    "india": "indian",
    "delhi": "indian",
    "turkey": "turkish",
    "ankara": "turkish",
    "israel": "israeli",
    "kremlin": "kremlin",
    "nato": "nato",
    "un": "un",
    "eu": "eu",
}
_ROLE_MAP = {
    "u.s.": "us",
    "american": "us",
    "defence": "defense",
    "advisor": "adviser",
    **{f"{k}{a}s": v for k, v in _POSSESSOR_NATIONALITY.items() for a in "'’"},
}


@lru_cache(maxsize=1)
def _nationalities() -> tuple[dict[str, str], re.Pattern[str] | None, dict[str, str]]:
    """From ``data/demonyms.json`` (every country, CIA World Factbook forms): one-word keys
    (a country, alias or capital in the possessive, or an adjective) -> nationality token, and
    a pattern of the several-word ones ("South Korea's", "North Korean"), each read as one
    token ("south-korean"). "Spain's foreign minister" and "the Spanish minister" then share
    "spanish"; tokens already in :data:`_POSSESSOR_NATIONALITY` keep its value ("us"). Third: a
    country's one-word name used as a modifier ("UAE Foreign Minister", "Iran envoy"), read as
    its nationality only where it is printed with a capital."""
    rows = json.loads(
        resources.files("lavrov_corpus").joinpath("data/demonyms.json").read_text("utf-8")
    )["rows"]
    single: dict[str, str] = {}
    several: dict[str, str] = {}
    bare: dict[str, str] = {}
    for row in rows:
        places = [row["country"], *row.get("aliases", []), row["capital"]]
        places += row.get("capitals_other", [])
        adjectives = [row["adjective"], *row.get("adjectives_other", [])]
        known = [
            _POSSESSOR_NATIONALITY[k.lower()] for k in places if k.lower() in _POSSESSOR_NATIONALITY
        ]
        norm = known[0] if known else row["adjective"].lower().replace(" ", "-")
        for form in [*(f"{pl}{a}s" for pl in places for a in "'’"), *adjectives]:
            key = form.lower()
            (several if " " in key else single).setdefault(key, norm)
        for pl in [row["country"], *row.get("aliases", [])]:
            if " " not in pl:
                bare.setdefault(pl.lower(), norm)
    for key, value in _ROLE_MAP.items():
        single[key] = value  # the hand-made entries win ("american" -> "us")
    if not several:
        return single, None, bare
    alts = "|".join(re.escape(k) for k in sorted(several, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w’'])(?:" + alts + r")(?![\w’'])", re.IGNORECASE)
    return single | {k: v for k, v in several.items()}, pattern, bare


@dataclass(frozen=True, slots=True)
class RefSpeaker:
    """A curated speaker with the forms used to recognise it."""

    speaker: Speaker
    gender: str | None
    role_tokens: tuple[frozenset[str], ...]
    #: per role (same order): the first and last day it applies, None when open (a role
    #: listed in a ``role_periods`` entry of ``data/speakers.json`` applies only then)
    periods: tuple[tuple[dt.date | None, dt.date | None], ...] = ()

    def roles_at(self, day: dt.date | None) -> tuple[frozenset[str], ...]:
        """The role words that apply on ``day`` (all of them when the day is unknown): Lavrov
        is no "foreign minister" in a 2001 article."""
        if day is None or not self.periods:
            return self.role_tokens
        return tuple(
            r
            for r, (start, end) in zip(self.role_tokens, self.periods, strict=True)
            if (start is None or start <= day) and (end is None or day < end)
        )


@dataclass(slots=True)
class Reference:
    """Indexes over the curated list."""

    by_id: dict[str, RefSpeaker]
    full: dict[str, str]  #: lower-cased full name or variant -> speaker_id
    surname: dict[str, str]  #: lower-cased surname -> speaker_id (only unambiguous ones)
    role_index: dict[str, list[str]] = field(default_factory=dict)


# Letters that Unicode does not decompose into an ASCII letter and a mark.
_UNDECOMPOSED = str.maketrans("łŁøØđĐıðÐ", "lLoOdDidD") | str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th"}
)


def slug(name: str) -> str:
    """The id of a name: ASCII-folded ("Radosław" -> "radoslaw"), lower-cased, words joined
    by '-'."""
    folded = (
        unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    return _SLUG_JUNK.sub("-", folded.lower()).strip("-")[:80].strip("-")


@lru_cache(maxsize=1)
def nationality_tokens() -> frozenset[str]:
    """The tokens :func:`role_tokens` gives nationalities ("russian", "us", "south-korean")."""
    table, _, _ = _nationalities()
    return frozenset(table.values()) - frozenset(_ROLE_MAP.values()) | frozenset(
        _POSSESSOR_NATIONALITY.values()
    )


@lru_cache(maxsize=4096)  # pure; the same descriptions and titles recur in every article
def role_tokens(role: str) -> frozenset[str]:
    """Content words of a role or description, normalised ('Russia’s' -> 'russian'); a
    lower-case possessor that is no country is dropped ("the agency's director general" is a
    director general)."""
    out = set()
    table, several, bare = _nationalities()
    if several is not None and " " in role:
        role = several.sub(lambda m: table[m.group().lower()], role)
    for printed in _TOKEN.findall(role):
        low = printed.lower()
        tok = table.get(low, low)
        if tok == low and printed[:1].isupper() and low in bare:
            tok = bare[low]  # "UAE Foreign Minister"
        if tok == low and printed.islower() and _POSSESSIVE.search(low):
            continue  # "the agency's", "the ministry's": a body's, not a country's
        if tok not in _ROLE_DROP and not _AGE.fullmatch(tok):  # "74-year-old" is no role
            out.add(tok)
    return frozenset(out)


@lru_cache(maxsize=1)
def reference() -> Reference:
    """The curated speaker list, loaded once from ``data/speakers.json``."""
    raw = json.loads(
        resources.files("lavrov_corpus").joinpath("data/speakers.json").read_text("utf-8")
    )
    by_id: dict[str, RefSpeaker] = {}
    full: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for row in raw:
        gender = row.pop("gender", None)
        dated: dict[str, tuple[dt.date | None, dt.date | None]] = {}
        for period in row.pop("role_periods", []):
            start = dt.date.fromisoformat(period["from"]) if period.get("from") else None
            end = dt.date.fromisoformat(period["until"]) if period.get("until") else None
            for role in period["roles"]:
                dated[role] = (start, end)
        sp = Speaker(method=Method.CURATED, **row)
        by_id[sp.speaker_id] = RefSpeaker(
            sp,
            gender,
            tuple(role_tokens(r) for r in sp.roles),
            tuple(dated.get(r, (None, None)) for r in sp.roles) if dated else (),
        )
        for form in (sp.name, *sp.variants):
            if " " in form:
                full[form.lower()] = sp.speaker_id
            surnames.setdefault(form.split()[-1].lower(), set()).add(sp.speaker_id)
    surname = {k: next(iter(v)) for k, v in surnames.items() if len(v) == 1}
    return Reference(by_id, full, surname)


def reference_speakers() -> tuple[Speaker, ...]:
    """The curated speaker list, sorted by ``speaker_id``."""
    ref = reference()
    return tuple(ref.by_id[k].speaker for k in sorted(ref.by_id))


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A person recognised in a capitalised word sequence."""

    speaker_id: str
    name: str  #: the name as printed, titles stripped
    title: str | None  #: title printed before the name, lower-cased ("russian foreign minister")
    curated: bool


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_POSSESSIVE = re.compile(r"[’']s$")


def match_name(phrase: str, known: dict[str, str]) -> NameMatch | None:
    """Resolve a capitalised phrase ("Russian Foreign Minister Sergei Lavrov") to a person.

    ``known`` maps lower-cased single words that stand for people seen earlier in the article
    (surnames of extracted people, first words of full names) to ids.
    """
    found = _match_phrase(phrase)
    if not isinstance(found, tuple):
        return found
    last, name, title = found  # a single word that is no curated surname: an earlier person?
    sid = known.get(last)
    return NameMatch(sid, name, title, sid in reference().by_id) if sid else None


@lru_cache(maxsize=8192)
def _match_phrase(phrase: str) -> NameMatch | tuple[str, str, str | None] | None:
    """What a phrase resolves to without the article's context, or (surname, name, title)
    when it is a single word to look up among the article's extracted people."""
    ref = reference()
    tokens = _TOKEN.findall(phrase)
    while tokens and tokens[-1].endswith((",", ".")) and not _INITIALS.fullmatch(tokens[-1]):
        tokens[-1] = tokens[-1].rstrip(",.")
    i = 0
    while i + 1 < len(tokens) and tokens[i].lower() in _LEADING_WORDS:
        i += 1  # "As Fyodor Lukyanov put it", "But Lavrov said": a sentence's first word
    tokens = tokens[i:]
    i = 0
    while i < len(tokens) and (
        tokens[i].lower() in TITLE_WORDS
        # "Ukraine's Foreign Minister Andrii Sybiha": a possessive before more words is whose
        # title follows, not part of the name
        or (i + 1 < len(tokens) and _POSSESSIVE.search(tokens[i]) is not None)
    ):
        i += 1
    # "Vietnamese Foreign Minister Bui Thanh Son", "Secretary-General Antonio Guterres": a role
    # word ends the title even after words of no list (a nationality, an office).
    for j in range(len(tokens) - 2, i - 1, -1):
        if _is_role_word(tokens[j]):
            i = j + 1
            break
    # "Saudi Foreign Minister Prince Faisal bin Farhan": an honorific after the role word
    while i + 1 < len(tokens) and tokens[i].lower() in _HONORIFICS:
        i += 1
    title = " ".join(tokens[:i]).lower() or None
    name_toks = [t for t in tokens[i:] if t]
    if not name_toks:
        return None
    # "President George W. Bush’s decision": the person is George W. Bush
    name_toks[-1] = _POSSESSIVE.sub("", name_toks[-1]) or name_toks[-1]
    for k in range(len(name_toks)):
        cand = " ".join(name_toks[k:])
        sid = ref.full.get(cand.lower())
        if sid:
            return NameMatch(sid, cand, title, True)
    last = _POSSESSIVE.sub("", name_toks[-1]).lower()
    if len(name_toks) == 1:
        sid = ref.surname.get(last)
        if sid:
            return NameMatch(sid, name_toks[0], title, True)
        return (last, name_toks[0], title)
    if any(t.lower() in NON_PERSON for t in name_toks) or name_toks[-1].lower() in (
        INSTITUTION_NOUNS
    ):
        return None
    sid = ref.surname.get(last)
    if sid and len(name_toks) >= 2:
        return NameMatch(sid, " ".join(name_toks), title, True)
    name = " ".join(name_toks)
    sid = slug(name)
    return NameMatch(sid, name, title, False) if sid else None


#: Words that end a title printed before a name ("... Minister", "... Secretary-General").
ROLE_WORDS = _word_set(
    "minister president premier secretary spokesman spokeswoman spokesperson ambassador envoy "
    "director chief head chancellor general adviser advisor commander senator representative "
    "chairman chairwoman chairperson leader diplomat official negotiator aide lawmaker deputy "
    "governor mayor"
)


def _is_role_word(token: str) -> bool:
    parts = token.lower().split("-")
    return any(p in ROLE_WORDS for p in parts) and all(
        p in ROLE_WORDS or p in TITLE_WORDS for p in parts
    )


def roles_match(description: str, roles: tuple[frozenset[str], ...]) -> bool:
    """Every content word of ``description`` occurs in one of ``roles``."""
    want = role_tokens(description)
    return bool(want) and any(want <= r for r in roles)
