"""Treaty mention tagger: every named mention of a reference treaty, with exact offsets.

The matcher is generated from the aliases in ``data/treaties.json`` and each treaty's official
name, also with its two parties in the other order ("Treaty between the Russian Federation and the
United States of America on ...": each side prints itself first), as one compiled regex, longest
alternatives first, never from per-article rules. How an alias is matched follows from how it is
written in the table:

* Upper-case words (``INF``, ``START``, ``III``) must be upper case in the text: "a fresh start"
  is not START; after the alias's first word one may be printed in title case ("New Start", the
  style of some papers; not after "a": "Seek a New Start"). Other words are case-insensitive,
  except in an alias with neither a head noun (treaty, agreement, deal, accord, ...) nor an
  acronym: "Open Skies" must be capitalised, so "open skies" in its everyday sense is left alone.
* A hyphen may be a hyphen, a space or nothing ("Non-Proliferation", "Nonproliferation");
  a space may be any run of white space (hard-wrapped lines) or a hyphen.
* An alias ending in a head noun may carry a parenthesised abbreviation before it:
  "Anti-Ballistic Missile (ABM) Treaty" is one mention. Other aliases may be followed by a head
  noun, which is then part of the mention ("New START treaty", "Open Skies Pact", "INF deal").
* An acronym-only alias ("INF", "START I") is not a mention when it names a class of weapons
  ("INF missiles", "INF-range") or sits in an all-capitals line, where acronyms and words cannot be
  told apart.
* A descriptive alias (one with a lower-case content word: "treaty on missile defense",
  "Iran nuclear deal") is not a mention after an indefinite or hypothetical determiner
  ("a treaty on missile defense", "a new Iran deal"), nor when written in title case right after
  another capitalised word, i.e. inside a longer name ("Threshold Test Ban Treaty").

A name joined to a lower-case prefix by a hyphen ("post-INF world", "post-New START") and a name
that is part of a body's name ("Comprehensive Nuclear-Test-Ban Treaty Organization") are not
mentions.

Counting rules: a long form followed by its parenthesised abbreviation is ONE mention spanning
both ("Comprehensive Nuclear-Test-Ban Treaty (CTBT)"), and so are two names of the same treaty
separated only by spaces ("New START strategic arms reduction treaty"). Articles and years before
a name are not part of the mention. Only names are tagged: "the treaty" alone is not a mention.

Ambiguous names (``shared_aliases`` in the table, e.g. bare "START") are resolved by date: a year
written right before the name ("the 1991 START treaty") or right after it ("the START treaty of
1991", "START (1991)"), else the article's ``published`` date,
else the latest year mentioned in the text, else the most recent meaning (in a Lavrov-era corpus,
2004 on, that is the likelier one). A parenthesised or adjacent unambiguous name wins over the date
("Strategic Arms Reduction Treaty (START I)" is START I whatever the date).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from ..models import TreatyMention
from ..reference import SharedAlias, alias_key, reference

__all__ = ["tag_treaties", "treaty_pattern"]

_HEAD_NOUNS = frozenset({"treaty", "agreement", "deal", "accord", "pact", "action", "convention"})
_FUNCTION_WORDS = frozenset(
    {"of", "on", "the", "and", "for", "in", "to", "with", "under", "between"}
)
_HYPHENS = "-‐‑–"
_HYPHEN_CLASS = r"\-‐‑–"  # the same, escaped for a character class
# White space inside a name: at least one character, at most one line break (a hard wrap, never a
# paragraph break), written so that no two parts can match the same characters (no backtracking
# blow-up on long runs of spaces).
_WS = r"(?=\s)[^\S\n]*(?:\n[^\S\n]*)?"
_DASH = rf"[^\S\n]*[{_HYPHEN_CLASS}](?:{_WS})?"
_SPACE = rf"(?:{_DASH}|{_WS})"
_HYPHEN = rf"(?:{_DASH}|{_WS})?"
_COMMA = rf"(?:[^\S\n]*,(?:{_WS})?|{_WS})"
_INNER_ABBREVIATION = rf"(?:(?:{_WS})?\([A-Z][A-Za-z0-9\-]{{0,11}}\))?"
#: A generic noun after a name is part of the mention ("Open Skies Pact", "New START deal").
_HEAD_SUFFIX = rf"(?:{_WS}(?i:treaty|accord|agreement|deal|pact))?"
_NOT_WEAPONS = (
    rf"(?!{_SPACE}(?i:range|class|type|capable|missiles?|systems?|weapons?|forces|launchers?"
    r"|defen[cs]es?|deployments?|interceptors?|shields?|umbrellas?|sites?|radars?)(?!\w))"
)
_TOKENS = re.compile(rf"[^\W_]+|[\s{_HYPHEN_CLASS},]+|.")
_PAREN_AFTER = re.compile(r"[ \t]*\(([^()\n]{1,60})\)")
_YEAR_BEFORE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)\s+$")
# A year right after the name: "the START treaty of 1991", "START (1991)".
_YEAR_AFTER = re.compile(r"(?:[^\S\n]+of[^\S\n]+|[^\S\n]*\()(1[89]\d\d|20\d\d)(?!\d)")
# Starts with a character class so the engine skips non-digits in C: [12] not after a digit.
_YEAR = re.compile(r"[12](?<!\d\d)(?:9[4-9]|0\d)\d(?!\d)")
_PREVIOUS_WORDS = re.compile(r"([\w'’]+)\W*?\s+(?:([\w'’]+)\W*?\s+)?$")
_WORD = re.compile(r"[A-Za-z]{2,}")
_ROMAN = re.compile(r"[IVX]+")
_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
_INDEFINITE = frozenset({"a", "an", "any", "another", "no", "some", "every", "each"})
_HYPOTHETICAL = frozenset(
    {"new", "future", "possible", "separate", "different", "alternative", "second", "proposed"}
)
#: A lower-case prefix joined by a hyphen ("post-INF world"): a period or stance, not the treaty.
_PREFIXED = re.compile(r"(?<![\w-])(?:post|pre)[-‐‑]$", re.IGNORECASE)
#: The name of a body named after the treaty ("... Treaty Organization (CTBTO)").
_BODY_AFTER = re.compile(r"[^\S\n]+(?:Organi[sz]ation|Preparatory Commission)\b")
_WINDOW = 200  # characters of a line looked at either side of a match for line-level checks


@dataclass(frozen=True)
class _Alias:
    """One alternative of the matcher."""

    alias: str
    treaty_id: str | None  # None for a shared alias
    shared: SharedAlias | None
    descriptive: bool
    acronym_only: bool
    caps_word: bool = False  #: holds a word of 3+ capitals ("New START")


def _is_upper_word(word: str) -> bool:
    return any(c.isalpha() for c in word) and word.isupper()


def _alias_regex(alias: str) -> tuple[str, str, bool, bool, bool]:
    """Regex for one alias, split as (first character, rest).

    Also returns whether the first character must keep its case, and whether the alias is
    descriptive / acronym-only.
    """
    tokens = _TOKENS.findall(alias)
    words = [t for t in tokens if t[0].isalnum()]
    if not tokens or not tokens[0][0].isalnum():
        raise ValueError(f"alias must start with a letter or digit: {alias!r}")
    has_acronym = any(_is_upper_word(w) for w in words)
    lower_words = [w.casefold() for w in words]
    has_head = any(w in _HEAD_NOUNS for w in lower_words)
    descriptive = any(w.isalpha() and w.islower() and w not in _FUNCTION_WORDS for w in words)
    acronym_only = all(_is_upper_word(w) or w.isdigit() for w in words)
    exact_case = not has_head and not has_acronym
    first = tokens[0]
    first_exact = exact_case or _is_upper_word(first) or first.isdigit()
    parts: list[str] = []
    for i, tok in enumerate(tokens):
        if tok[0].isalnum():
            word = tok[1:] if i == 0 else tok
            exact = exact_case or _is_upper_word(tok) or tok.isdigit()
            if word:
                literal = re.escape(word)
                if i > 0 and _is_upper_word(tok) and len(tok) >= 3 and not _ROMAN.fullmatch(tok):
                    # after a first word, an acronym may be printed in title case ("New Start")
                    parts.append(f"(?:{literal}|{re.escape(tok.capitalize())})")
                else:
                    parts.append(literal if exact else f"(?i:{literal})")
        elif tok[0].isspace() or tok[0] in _HYPHENS or tok[0] == ",":
            if "," in tok:
                parts.append(_COMMA)
            elif any(h in tok for h in _HYPHENS):
                parts.append(_HYPHEN)
            else:
                parts.append(_SPACE)
        else:
            parts.append(re.escape(tok))
    last_is_head = lower_words[-1] in _HEAD_NOUNS
    if last_is_head and len(words) >= 2 and not descriptive:
        parts.insert(len(parts) - 2, _INNER_ABBREVIATION)
    if not last_is_head and not descriptive:
        parts.append(_HEAD_SUFFIX)
    if acronym_only:
        parts.append(_NOT_WEAPONS)
    return first[0], "".join(parts), first_exact, descriptive, acronym_only


def _compile(alternatives: list[tuple[str, str, str]]) -> re.Pattern[str]:
    """One pattern from (first letter, first word, alternative) triples, kept in order."""
    by_letter: dict[str, list[str]] = {}
    for letter, _, alt in alternatives:
        by_letter.setdefault(letter, []).append(alt)
    firsts = "".join(sorted({c for k in by_letter for c in (k, k.upper())}))
    groups = "|".join(
        f"(?<=[{re.escape(k + k.upper())}])(?:{'|'.join(alts)})"
        for k, alts in sorted(by_letter.items())
    )
    return re.compile(rf"[{re.escape(firsts)}](?<!\w\w)(?:{groups})(?!\w)")


# "Treaty between <party> and <party> on ...": each party's own text names itself first.
_PARTIES = re.compile(r"(?P<head>.*? between )(?P<a>.+?) and (?P<b>.+?)(?P<tail> on .*)")


def _names(name: str, aliases: list[str]) -> list[str]:
    """A treaty's aliases, its official name, and that name with the parties in the other
    order ("between the Russian Federation and the United States of America on ...")."""
    out = [*aliases, name]
    m = _PARTIES.fullmatch(name)
    if m:
        out.append(m["head"] + m["b"] + " and " + m["a"] + m["tail"])
    return out


@cache
def _alternatives() -> tuple[tuple[tuple[str, str, str], ...], tuple[_Alias, ...]]:
    """Every alias as (first letter, lower-case first word, named regex), longest first."""
    ref = reference()
    shared = {alias_key(s.alias): s for s in ref.shared_aliases}
    seen: set[str] = set()
    entries: list[_Alias] = []
    alternatives: list[tuple[str, str, str]] = []
    candidates = [(a, t.treaty_id) for t in ref.treaties for a in _names(t.name, t.aliases)]
    for alias, treaty_id in sorted(candidates, key=lambda c: (-len(c[0]), c[0])):
        key = alias_key(alias)
        if key in seen:
            continue
        seen.add(key)
        first, rest, first_exact, descriptive, acronym_only = _alias_regex(alias)
        s = shared.get(key)
        entries.append(
            _Alias(
                alias,
                None if s else treaty_id,
                s,
                descriptive,
                acronym_only,
                _CAPS_WORD.search(alias) is not None,
            )
        )
        guard = f"(?<={re.escape(first)})" if first_exact and first.isalpha() else ""
        word = _TOKENS.findall(alias)[0].lower()
        alternatives.append((first.casefold(), word, f"(?P<g{len(entries) - 1}>{guard}{rest})"))
    return tuple(alternatives), tuple(entries)


@cache
def _matcher() -> tuple[re.Pattern[str], tuple[_Alias, ...]]:
    """One regex for every alias, dispatched on the first character.

    The pattern starts with a character class of the possible first characters, so the regex
    engine skips other characters in C; a word-start check and one look-behind per first letter
    then pick the few aliases worth trying. Within a letter, longer aliases come first, so at one
    position "START III" is tried before "START".
    """
    alternatives, entries = _alternatives()
    return _compile(list(alternatives)), entries


# Non-ASCII characters that ``re`` case-insensitively equates to an ASCII letter although
# ``str.lower`` does not map them to it (dotless i, long s; the Kelvin sign and dotted capital I
# lower to ASCII or change the length). tests/test_treaties.py checks the list against Unicode.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f")
# Non-ASCII characters whose ``str.lower`` is ASCII or not one character (the dotted capital I
# lowers to two, the Kelvin sign to "k"); tests/test_extract_speed.py checks it against Unicode.
_LOWER_TO_ASCII = ("\u0130", "\u212a")


@cache
def _dispatch() -> dict[str, re.Pattern[str]] | None:
    """Trigger word -> the matcher restricted to the aliases starting with it; None if a first
    word is not ASCII (then every text takes the full search).

    Every match starts with the first word of its alias, so a match can start only where
    ``text.lower()`` holds one of these words (no trigger is a prefix of another, so one place
    has one trigger). The restricted matcher keeps the order of the full one, and the aliases it
    leaves out cannot match there, so it finds the same match.
    """
    alternatives, _ = _alternatives()
    words = sorted({word for _, word, _ in alternatives})
    if not all(w.isascii() for w in words):
        return None
    triggers = [w for i, w in enumerate(words) if not any(w.startswith(p) for p in words[:i])]
    return {t: _compile([a for a in alternatives if a[1].startswith(t)]) for t in triggers}


def _candidates(text: str) -> list[tuple[int, re.Pattern[str]]] | None:
    """(offset, matcher) of each place a mention can start, in order; None when the shortcut
    does not apply to this text."""
    dispatch = _dispatch()
    if dispatch is None:
        return None
    if not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII + _LOWER_TO_ASCII):
        return None
    # Every place a trigger starts after a character that is no ASCII letter or digit, in
    # order; the space stands for the start of the text. A mention starts after a non-word
    # character (the matchers' look-behind), so no other place can start one; and since the
    # triggers are made of ASCII letters and digits, no such place lies inside a trigger found.
    # No trigger is a prefix of another, so one place matches one trigger.
    # The text is lower-cased as one byte per character (other characters become "?"): apart
    # from _LOWER_TO_ASCII, only ASCII letters lower-case to ASCII letters, so the ASCII
    # letters and digits of ``text.lower()`` stand at the same places, and this is cheaper.
    triggers = _triggers()
    if triggers is None:
        return None
    low = b" " + text.encode("latin-1", "replace").lower()
    return [(m.start(), dispatch[m.group()[1:].decode()]) for m in triggers.finditer(low)]


@cache
def _triggers() -> re.Pattern[bytes] | None:
    """The trigger words of :func:`_dispatch`, each after its preceding character, as one
    pattern (a prefix tree: one pass over the text, not one ``str.find`` pass per word; the
    engine skips letters in C); None if a trigger is not all ASCII letters and digits."""
    dispatch = _dispatch()
    assert dispatch is not None
    if not all(re.fullmatch("[a-z0-9]+", t) for t in dispatch):
        return None
    return re.compile(("[^a-z0-9](?:" + _trie(sorted(dispatch)) + ")").encode())


def _trie(words: list[str]) -> str:
    """Words (none a prefix of another) as a prefix tree: ``s(?:ort|tart|trategic)``."""
    tree: dict[str, list[str]] = {}
    for w in words:
        tree.setdefault(w[0], []).append(w[1:])
    alts = []
    for first, rests in tree.items():
        if len(rests) == 1:
            alts.append(re.escape(first + rests[0]))
        else:
            alts.append(re.escape(first) + "(?:" + _trie(rests) + ")")
    return "|".join(alts)


def _offset(item: tuple[int, re.Pattern[str]]) -> int:
    return item[0]


def _next_match(
    pattern: re.Pattern[str],
    text: str,
    pos: int,
    starts: list[tuple[int, re.Pattern[str]]] | None,
) -> re.Match[str] | None:
    """``pattern.search(text, pos)``, trying only ``starts`` when they are known."""
    if starts is None:
        return pattern.search(text, pos)
    for i in range(bisect_left(starts, pos, key=_offset), len(starts)):
        at, sub = starts[i]
        m = sub.match(text, at)
        if m is not None:
            return m
    return None


def treaty_pattern() -> re.Pattern[str]:
    """The compiled matcher generated from the reference table (for inspection and tests)."""
    return _matcher()[0]


class _Context:
    """Per-text facts the checks and the date resolution need, computed lazily."""

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.published = published
        self._latest: tuple[int | None] | None = None  # computed on first use

    def latest_year(self) -> int | None:
        if self._latest is None:
            self._latest = (max(map(int, _YEAR.findall(self.text)), default=None),)
        return self._latest[0]

    def resolve(self, entry: _Alias, start: int, end: int) -> str:
        if entry.shared is None:
            assert entry.treaty_id is not None
            return entry.treaty_id
        year = _YEAR_BEFORE.search(self.text, max(0, start - 12), start) or _YEAR_AFTER.match(
            self.text, end
        )
        if year:
            return entry.shared.resolve(dt.date(int(year.group(1)), 7, 1))
        if self.published is not None:
            return entry.shared.resolve(self.published)
        latest = self.latest_year()
        if latest is not None:
            return entry.shared.resolve(dt.date(latest, 7, 1))
        return entry.shared.treaty_ids[-1]

    def line_window(self, start: int, end: int) -> str:
        lo = max(self.text.rfind("\n", 0, start) + 1, start - _WINDOW)
        hi = self.text.find("\n", end)
        hi = min(len(self.text) if hi < 0 else hi, end + _WINDOW)
        return self.text[lo:start] + " " + self.text[end:hi]

    def mostly(self, start: int, end: int, test: str) -> bool:
        """Whether ~all words of the line around a match are upper case / capitalised."""
        words: list[str] = _WORD.findall(self.line_window(start, end))
        if test == "title":
            words = [w for w in words if w.casefold() not in _FUNCTION_WORDS]
        if len(words) < 3:
            return False
        hits = sum(w.isupper() if test == "upper" else w[0].isupper() for w in words)
        return hits >= 0.8 * len(words)


def _accept(entry: _Alias, start: int, end: int, ctx: _Context) -> bool:
    text = ctx.text
    if entry.acronym_only and ctx.mostly(start, end, "upper"):
        return False
    if entry.caps_word and not _CAPS_WORD.search(text, start, end):
        # the acronym printed in title case ("New Start"): not after "a" ("Seek a New Start")
        before = _PREVIOUS_WORDS.search(text, max(0, start - 60), start)
        return before is None or (before.group(2) or before.group(1)).casefold() not in (
            _INDEFINITE
        )
    if not entry.descriptive:
        return True
    before = _PREVIOUS_WORDS.search(text, max(0, start - 60), start)
    if before is None:
        return True
    previous, earlier = before.group(1), before.group(2)
    # group(1) is the nearer word only when a single word matched; normalise the order.
    if earlier is not None:
        previous, earlier = earlier, previous
    if previous.casefold() in _INDEFINITE | _HYPOTHETICAL:
        return False
    if earlier is not None and earlier.casefold() in _INDEFINITE:
        return False
    matched_words = _WORD.findall(text[start:end])
    title_case = all(w[0].isupper() for w in matched_words if w.casefold() not in _FUNCTION_WORDS)
    gap = text[before.end(1) : start]
    inside_name = (
        title_case
        and previous[0].isupper()
        and previous.casefold() != "the"
        and not previous.endswith(("'s", "’s"))
        and not any(c in gap for c in ".!?:;\n")
    )
    return not (inside_name and not ctx.mostly(start, end, "title"))


def _combine(a: tuple[str, _Alias], b: tuple[str, _Alias]) -> str | None:
    """The treaty two adjacent names of one referent denote, or None if they differ."""
    (id_a, alias_a), (id_b, alias_b) = a, b
    if id_a == id_b:
        return id_a
    if alias_a.shared is not None and alias_b.shared is None and id_b in alias_a.shared.treaty_ids:
        return id_b
    if alias_b.shared is not None and alias_a.shared is None and id_a in alias_b.shared.treaty_ids:
        return id_a
    return None


def tag_treaties(
    text: str, published: dt.date | None = None, *, prefilter: bool = True
) -> list[TreatyMention]:
    """Every treaty mention in ``text``, in order of start offset, non-overlapping.

    ``published`` (the article's date) resolves ambiguous names such as a bare "START"; see the
    module docstring for the rules. ``text[m.start:m.end] == m.text`` for every mention.
    ``prefilter=False`` runs the matcher over the whole text instead of only where an alias's
    first word occurs (same result, slower; kept to test that they agree).
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    pattern, entries = _matcher()
    starts = _candidates(text) if prefilter else None
    ctx = _Context(text, published)
    found: list[tuple[int, int, str, _Alias]] = []
    pos = 0
    while (m := _next_match(pattern, text, pos, starts)) is not None:
        start, end = m.span()
        entry = entries[int(m.lastgroup[1:])]  # type: ignore[index]
        if _PREFIXED.search(text, max(0, start - 12), start) or _BODY_AFTER.match(text, end):
            pos = end  # "post-New START", "the ... Treaty Organization": no part of it either
            continue
        if not _accept(entry, start, end, ctx):
            pos = start + 1
            continue
        treaty_id = ctx.resolve(entry, start, end)
        paren = _PAREN_AFTER.match(text, end)
        if paren:
            inner = pattern.fullmatch(text, paren.start(1), paren.end(1))
            if inner is not None:
                inner_entry = entries[int(inner.lastgroup[1:])]  # type: ignore[index]
                inner_id = ctx.resolve(inner_entry, paren.start(1), paren.end(1))
                both = _combine((treaty_id, entry), (inner_id, inner_entry))
                if both is not None:
                    treaty_id, end = both, paren.end()
        if found:
            p_start, p_end, p_id, p_entry = found[-1]
            gap = text[p_end:start]
            both = _combine((p_id, p_entry), (treaty_id, entry))
            if both is not None and gap.strip(" \t") == "" and gap:
                found[-1] = (p_start, end, both, entry if p_entry.shared else p_entry)
                pos = end
                continue
        found.append((start, end, treaty_id, entry))
        pos = end
    return [TreatyMention(treaty_id=tid, start=s, end=e, text=text[s:e]) for s, e, tid, _ in found]
