"""Vocabulary of attribution: speech verbs, pronouns, role nouns, and the regexes built from them.

Shared by the quote scanner (to end an unclosed quote before "- Lavrov said") and by the
attribution rules in :mod:`.attribution`.
"""

from __future__ import annotations

import re

#: Finite speech verbs ("Lavrov said", "said the minister").
SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|noted|notes|stressed|stresses|emphasized|emphasised"
    "|emphasizes|emphasises|explained|explains|pointed out|points out|concluded|concludes|stated"
    "|states|declared|declares|warned|warns|insisted|insists|argued|argues|claimed|claims"
    "|recalled|recalls|remarked|commented|observed|asserted|replied|responded|answered|urged"
    "|urges|called on|called for|called|calls on|calls for|calls|described|describes|acknowledged"
    "|admitted|announced|wrote|writes|tweeted|asked|continued|underlined|underscored|suggested"
    "|maintained|complained|accused|reiterated|confirmed|promised|vowed|predicted|cautioned"
    "|believes|thinks|went on|stated|highlighted|lamented|charged|alleged|quipped|joked"
    "|recalled|clarified|specified|expressed|objected|retorted|summed up|opined|mentioned"
    "|rejected|rejects|dismissed|dismisses|hinted|hints|denounced|denounces|condemned"
    "|criticized|criticised|put it|puts it|complains|contends|contended|concedes|conceded"
    "|acknowledges|admits|observes|asserts|announces|comments|replies|responds|answers"
    "|laments|counters|countered|talked about|talked of|spoke about|spoke of|speaks about"
    "|speaks of|spoken about|spoken of|ordered|orders|instructed|instructs|blamed|blames"
    "|repeated|repeats|made clear|made it clear|makes clear|makes it clear|hailed|hails"
    "|praised|praises"
)
#: Plural nouns for groups of people ("US officials called", "critics say"): a subject that is
#: no one person.
GROUP_NOUNS = (
    "officials|diplomats|critics|analysts|experts|lawmakers|sources|observers|commentators"
    "|leaders|ministers|allies|negotiators|activists|residents|protesters"
)
#: Participles that continue the subject of the main clause ("..., adding that ...").
PARTICIPLES = (
    "adding|noting|saying|repeating|stressing|emphasizing|emphasising|explaining|pointing out"
    "|warning"
    "|calling|describing|insisting|arguing|recalling|urging|accusing|claiming|underlining"
    "|stating|asserting|concluding|complaining|telling|writing|declaring|announcing"
    "|acknowledging|admitting|suggesting|cautioning|predicting|vowing|promising|reiterating"
    "|replying|responding|answering|remarking|observing|dismissing|rejecting|lamenting"
    "|making clear|making it clear|citing|hailing|praising"
)
ROLE_NOUNS = (
    "minister|diplomat|diplomacy|spokesman|spokeswoman|spokesperson|president|secretary"
    "|ambassador|envoy|official|adviser|advisor|director|chancellor|premier|leader|chief"
    "|counterpart|head|negotiator|representative|commander|general|senator|lawmaker|deputy"
    "|politician|diplomat|statesman|aide|prime minister|foreign minister"
)

#: The role nouns, each also with a capital first letter ("the Secretary of State", "the
#: Director General"): descriptions print titles either way.
ROLE_NOUNS_ANY_CASE = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in ROLE_NOUNS.split("|"))

# Letters after a name's first capital, accented Latin ones too ("António").
_NAME_REST = r"[a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f’'\-]+"
#: Capitals a name may start with: A-Z and the accented Latin capitals ("Çavuşoğlu", "Šefčovič").
CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
# A bare initial ("S Jaishankar") is a token only before a capitalised word; never "A" or "I".
_BARE_INITIAL = r"[B-HJ-Z](?=[ \u00a0][A-Z][a-z])"
_NAME_TOKEN = (
    r"(?:["
    + CAPITALS
    + "]"
    + _NAME_REST
    + r"|(?:[A-Z]\.){1,3}(?:[A-Z]"
    + _NAME_REST
    + r")?|Mc[A-Z][a-z]+|"
    + _BARE_INITIAL
    + r")"
)
#: A capitalised name, possibly with capitalised titles before it ("Foreign Minister Lavrov").
# Lower-case particles inside a name ("Faisal bin Farhan", "Ursula von der Leyen"), only
# between two capitalised tokens.
_NAME_PARTICLE = r"(?:(?:bin|bint|ibn|al|van|von|der|den|de|da|dos|del)[ \u00a0])"
NAME = (
    _NAME_TOKEN + r"(?:[ \u00a0]" + _NAME_PARTICLE + r"{0,2}" + _NAME_TOKEN + r"){0,8}"
)  # 9 tokens: "Malaysia's Foreign Minister Datuk Seri Utama Mohamad Hasan"
#: A role description: "the minister", "the Russian diplomat", "Russia’s foreign minister".
_DESCRIPTION_TAIL = (  # after the determiner
    r"(?:[ \u00a0](?:[A-Za-z0-9][\w’'.\-]*)){0,5}?[ \u00a0](?:"
    + ROLE_NOUNS_ANY_CASE
    + r")(?:[ \u00a0]of[ \u00a0](?:the[ \u00a0])?"
    r"(?:[A-Z]?[a-z]+|[A-Z][\w.]+)(?:[ \u00a0][A-Za-z]+)?)?(?![\w])"
)
# Pronouns and determiners start a word: "the claims" holds no "he", "This official" no "his".
DESCRIPTION = (
    r"(?<![\w’'])(?:(?:[Tt]he|[Hh]is|[Hh]er|[A-Z][a-z]+[’']s)"
    + _DESCRIPTION_TAIL
    # "Moscow's man in Vienna": a country's envoy, by the idiom
    + r"|[A-Z][a-z]+[’']s[ \u00a0](?:man|woman)[ \u00a0]in[ \u00a0][A-Z][a-z]+(?![\w’']))"
)
PRONOUN = r"(?<![\w’'])(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er)(?![\w’'])"
SPEAKER = r"(?P<sp>" + PRONOUN + r"|" + DESCRIPTION + r"|" + NAME + r")"

#: Words allowed between a subject and its verb: "Lavrov also said", "he has repeatedly noted",
#: "McMaster on October 19 said", "Lavrov on Jan. 14 told".
FILLER = (
    r"(?:(?:also|still|never|usually|has|had|have|then|later|again|further|previously|earlier|once|repeatedly|would|long"
    r"|will|now|himself|herself|only|recently|today|yesterday|often|always|already|even|just"
    r"|on[ \u00a0]\w+\.?(?:[ \u00a0]\d{1,2})?"
    r"|in[ \u00a0]\w+|\w+ly"
    r"|(?:last|this|next)[ \u00a0](?:week|month|year|weekend|night|spring|summer|autumn|winter"
    r"|January|February|March|April|May|June|July|August|September|October|November|December)"
    r")[ \u00a0,]+){0,3}"
)
#: Subject then verb, anchored at the verb: used on the text before a verb (the readable form;
#: :data:`SUBJECT_BEFORE` is the same pattern written to be searched fast).
SUBJECT_BEFORE_REFERENCE = re.compile(SPEAKER + r"[ \u00a0]+" + FILLER + r"$")
#: Verb then subject ("said the minister", "said Lavrov"), anchored after the verb.
SUBJECT_AFTER = re.compile(r"[ \u00a0]+" + SPEAKER)
#: Verb then a title with a lower-case role noun, then the name ("said Kremlin spokesman Dmitry
#: Peskov", "said Chinese Foreign Ministry spokesman Lin Jian"), anchored after the verb.
TITLED_NAME_AFTER = re.compile(
    r"[ \u00a0]+(?:[A-Z][\w.’'\-]*[ \u00a0]+){0,5}(?:"
    + ROLE_NOUNS
    + r")[ \u00a0]+(?P<sp>"
    + NAME
    + r")"
)
VERBS_REFERENCE = re.compile(
    r"(?<![\w’'])(?:" + SPEECH_VERBS + r"|according to|According to)(?![\w’'])"
)
PARTICIPLE_REFERENCE = re.compile(r"(?<![\w’'])(?:" + PARTICIPLES + r")(?![\w’'])")
#: A capitalised word sequence standing alone (names, with any titles before them).
NAME_SEQ_REFERENCE = re.compile(r"(?<![\w’'])" + NAME + r"(?![\w’'])")

# --- The same patterns, written for speed ----------------------------------------------------
# Python's regex engine scans fast only for a pattern whose first element is a character (or a
# set of characters, or a branch of single literals): it then skips other characters in C and
# tries the whole pattern only where one of them stands. A pattern that opens with a look-behind
# or a branch of character classes is instead tried at every position, ~5x slower. So the fast
# forms below consume the first character, then check what stood before it with a two-character
# look-behind ("(?<![\w’'].)" at i+1 == "(?<![\w’'])" at i), and pick an alternative with a
# one-character look-behind on that first character. Alternatives keep their order, so every
# match (and every group) equals that of the reference pattern; tests check it on random text.
# Word lists are scanned from the character before the word, rarer than their first letters.
_NOT_AFTER_WORD = r"(?<![\w’'].)"


_TOKEN_TAIL = (  # _NAME_TOKEN after its first (capital) letter
    r"(?:(?<=["
    + CAPITALS
    + "])"
    + _NAME_REST
    + r"|(?<=[A-Z])\.(?:[A-Z]\.){0,2}(?:[A-Z]"
    + _NAME_REST
    + r")?"
    r"|(?<=M)c[A-Z][a-z]+|(?<=[B-HJ-Z])(?=[ \u00a0][A-Z][a-z]))"
)
_NAME_TAIL = _TOKEN_TAIL + r"(?:[ \u00a0]" + _NAME_PARTICLE + r"{0,2}" + _NAME_TOKEN + r"){0,8}"
_SPEAKER_FAST = (
    r"(?P<sp>["
    + CAPITALS
    + "hst](?:"
    + _NOT_AFTER_WORD
    + r"(?:(?<=[Hh])e|(?<=[Ss])he|(?<=[Hh])im|(?<=[Hh])er)(?![\w’'])|"
    + _NOT_AFTER_WORD
    + r"(?:(?<=[Tt])he|(?<=[Hh])is|(?<=[Hh])er|(?<=[A-Z])[a-z]+[’']s)"
    + _DESCRIPTION_TAIL
    + r"|"
    + _NOT_AFTER_WORD
    + r"(?<=[A-Z])[a-z]+[’']s[ \u00a0](?:man|woman)[ \u00a0]in[ \u00a0][A-Z][a-z]+(?![\w’'])"
    + r"|"
    + _NAME_TAIL
    + r"))"
)
SUBJECT_BEFORE = re.compile(_SPEAKER_FAST + r"[ \u00a0]+" + FILLER + r"$")
# Everything SUBJECT_BEFORE can match is made of word characters, ’ ' . - , and spaces: a
# subject never spans another character. Greedy ".*" backtracks from the end in C, so this
# finds the last such character before a verb in time proportional to its distance.
_LAST_BREAK = re.compile(r"(?s).*[^\w’'.\- \u00a0,]")


def subject_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """``SUBJECT_BEFORE.search(text, start, end)``, tried only after the last character no
    subject can contain (a long sentence before a verb is not retried at every position)."""
    stop = end - 1 if text[end - 1 : end] == "\n" else end  # "$" also matches before a final \n
    m = _LAST_BREAK.match(text, start, stop)
    return SUBJECT_BEFORE.search(text, m.end() if m is not None else start, end)


def _trie(words: list[str]) -> str:
    """The words as a prefix tree (``sa(?:id|ys?)``): the engine tests one letter per branch
    instead of every word. A word that is also the start of a longer phrase ("called",
    "called on") is tried after it, as in the word lists, which put longer phrases first."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + emit(sub) for ch, sub in node.items() if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


# Both word lists in one pass, anchored on the character before the word (a space or a mark:
# far rarer than the words' first letters). No verb contains or overlaps a participle.
_CUE_WORDS = re.compile(
    r"[^\w’'](?:(?P<v>"
    + _trie([*SPEECH_VERBS.split("|"), "according to", "According to"])
    + r")|(?P<p>"
    + _trie(PARTICIPLES.split("|"))
    + r"))(?![\w’'])"
)


def cue_words(
    text: str, spans: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, str, bool]]:
    """(start, end, word, is_participle) of every speech verb and participle, in text order:
    the matches of :data:`VERBS_REFERENCE` and :data:`PARTICIPLE_REFERENCE`, merged.

    ``spans`` limits the scan to words starting in those ranges of ``text`` (the character
    before a word may lie before its range), each range scanned as if the text ended there.
    """
    padded = " " + text  # the space stands for "start of text"
    out = []
    for start, end in spans if spans is not None else [(0, len(text))]:
        for m in _CUE_WORDS.finditer(padded, start, end + 1):
            g = "p" if m.start("v") < 0 else "v"
            s, e = m.span(g)
            out.append((s - 1, e - 1, m.group(g), g == "p"))
    return out


NAME_SEQ = re.compile("[" + CAPITALS + "]" + _NOT_AFTER_WORD + _NAME_TAIL + r"(?![\w’'])")

#: " - Russian Foreign Minister Sergey Lavrov said": an attribution clause after a dash inside
#: an unclosed quote (the quote ends before the dash).
DASH_ATTRIBUTION = re.compile(
    r"\s+[-–—]+\s+(?="
    + SPEAKER.replace("?P<sp>", "?:")
    + r"[ \u00a0]+"
    + FILLER
    + r"(?:"
    + SPEECH_VERBS
    + r")(?![\w’']))"
)
