"""The records attribution passes between its steps: a resolved speaker, a speech cue, and the
attribution and flags of one quote."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Attribution


@dataclass(slots=True)
class Who:
    """A resolved speaker reference."""

    speaker_id: str | None
    name: str | None
    kind: Attribution
    mention: str


@dataclass(slots=True)
class Cue:
    """A speech verb in narrative text and its resolved subject."""

    start: int  #: start of the verb
    end: int  #: end of the verb, or of the subject when it follows the verb
    verb: str
    subj_start: int
    who: Who | None
    #: its subject is printed and is nobody ("Tehran warns", "the ministry said")
    nobody: bool = False
    #: that subject opens a clause of its own (", and the alliance said")
    own_clause: bool = False


@dataclass(slots=True)
class Attributed:
    """Attribution and flags of one quote."""

    who: Who | None
    cue: str | None
    is_partial: bool
    in_headline: bool
    is_scare: bool
