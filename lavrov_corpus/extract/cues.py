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
    "|urges|called on|called for|called|calls on|calls for|described|describes|acknowledged"
    "|admitted|announced|wrote|writes|tweeted|asked|continued|underlined|underscored|suggested"
    "|maintained|complained|accused|reiterated|confirmed|promised|vowed|predicted|cautioned"
    "|believes|thinks|went on|stated|highlighted|lamented|charged|alleged|quipped|joked"
    "|recalled|clarified|specified|expressed|objected|retorted|summed up|opined|mentioned"
)
#: Participles that continue the subject of the main clause ("..., adding that ...").
PARTICIPLES = (
    "adding|noting|saying|stressing|emphasizing|emphasising|explaining|pointing out|warning"
    "|calling|describing|insisting|arguing|recalling|urging|accusing|claiming|underlining"
    "|stating|asserting|concluding|complaining"
)
ROLE_NOUNS = (
    "minister|diplomat|diplomacy|spokesman|spokeswoman|spokesperson|president|secretary"
    "|ambassador|envoy|official|adviser|advisor|director|chancellor|premier|leader|chief"
    "|counterpart|head|negotiator|representative|commander|general|senator|lawmaker|deputy"
    "|politician|diplomat|statesman|aide|prime minister|foreign minister"
)

_NAME_TOKEN = r"(?:[A-Z][a-zA-Z’'\-]+|(?:[A-Z]\.){1,3}(?:[A-Z][a-zA-Z’'\-]+)?|Mc[A-Z][a-z]+)"
#: A capitalised name, possibly with capitalised titles before it ("Foreign Minister Lavrov").
NAME = _NAME_TOKEN + r"(?:[ \u00a0]" + _NAME_TOKEN + r"){0,6}"
#: A role description: "the minister", "the Russian diplomat", "Russia’s foreign minister".
DESCRIPTION = (
    r"(?:[Tt]he|[Hh]is|[Hh]er|[A-Z][a-z]+[’']s)(?:[ \u00a0](?:[A-Za-z][\w’'.\-]*))"
    r"{0,5}?[ \u00a0](?:" + ROLE_NOUNS + r")(?:[ \u00a0]of[ \u00a0](?:the[ \u00a0])?"
    r"(?:[A-Z]?[a-z]+|[A-Z][\w.]+)(?:[ \u00a0][A-Za-z]+)?)?(?![\w])"
)
PRONOUN = r"(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er)(?![\w’'])"
SPEAKER = r"(?P<sp>" + PRONOUN + r"|" + DESCRIPTION + r"|" + NAME + r")"

#: Words allowed between a subject and its verb: "Lavrov also said", "he has repeatedly noted",
#: "McMaster on October 19 said".
_FILLER = (
    r"(?:(?:also|has|had|have|then|later|again|further|previously|earlier|once|repeatedly|would"
    r"|will|now|himself|herself|only|recently|today|yesterday|on[ \u00a0]\w+(?:[ \u00a0]\d{1,2})?"
    r"|in[ \u00a0]\w+|\w+ly)[ \u00a0,]+){0,3}"
)
VERB = r"(?P<verb>" + SPEECH_VERBS + r")(?![\w’'])"
#: Subject then verb, anchored at the verb: used on the text before a verb.
SUBJECT_BEFORE = re.compile(SPEAKER + r"[ \u00a0]+" + _FILLER + r"$")
#: Verb then subject ("said the minister", "said Lavrov"), anchored after the verb.
SUBJECT_AFTER = re.compile(r"[ \u00a0]+" + SPEAKER)
VERBS_RE = re.compile(r"(?<![\w’'])(?:" + SPEECH_VERBS + r"|according to|According to)(?![\w’'])")
PARTICIPLE_RE = re.compile(r"(?<![\w’'])(?:" + PARTICIPLES + r")(?![\w’'])")

#: " - Russian Foreign Minister Sergey Lavrov said": an attribution clause after a dash inside
#: an unclosed quote (the quote ends before the dash).
DASH_ATTRIBUTION = re.compile(
    r"\s+[-–—]+\s+(?="
    + SPEAKER.replace("?P<sp>", "?:")
    + r"[ \u00a0]+"
    + _FILLER
    + r"(?:"
    + SPEECH_VERBS
    + r")(?![\w’']))"
)
