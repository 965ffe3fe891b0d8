"""Photo credits: credit lines, bare agency names and captions ending in their credit (see
:mod:`.furniture`).
"""

from __future__ import annotations

import re

from .furniture_chrome import strip_edges

_AGENCIES = (
    r"TASS|ITAR-TASS|AP|AFP|Reuters|The Associated Press|Associated Press|The Canadian Press"
    r"|Canadian Press|EPA|EPA-EFE|Getty Images|Getty|RIA Novosti|RIA|Sputnik"
    r"|Xinhua|Anadolu|Anadolu Agency|Pool|DPA|Bloomberg|ANP|Shutterstock|SIPA|Alamy|Kremlin"
    r"|Russian Foreign Ministry|Foreign Ministry|MFA|AA|ZUMA|Imago|REX|NurPhoto|UPI|Kommersant"
)
_CREDIT = re.compile(
    r"(?:^\(?(?:©|\(c\)|photo:|photo by|photograph:|photo credit|image:|picture:|credit:|source:"
    r"\s*(?:" + _AGENCIES + r"))|\b(?:Photo|Image|Picture|Credit)s?:\s*\S|©)",
)
# _CREDIT in parts the engine scans fast: its anchored start, and its "Photo:" alternative
# written to start with a character class (C, I or P not after a word character).
_CREDIT_START = re.compile(
    r"\(?(?:©|\(c\)|photo:|photo by|photograph:|photo credit|image:|picture:|credit:|source:"
    r"\s*(?:" + _AGENCIES + r"))"
)
_CREDIT_LABEL = re.compile(
    r"[CIP](?<!\w\w)(?:(?<=P)hoto|(?<=I)mage|(?<=P)icture|(?<=C)redit)s?:\s*\S"
)
_CREDIT_AGENCY = re.compile(
    r"\b[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s?/\s?(?:" + _AGENCIES + r")"
    r"(?:\s+via\s+(?:" + _AGENCIES + r")|\s+\w+)?\)?\s*$"
    # "UN Photo/Loey Felipe", "AP Photo/Alexander Zemlianichenko": an agency's photo, a name
    r"|\b(?:Photo|Photograph)s?\s?/\s?[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s*$"
)


def is_credit(line: str) -> bool:
    """A photo credit line ("© Name/TASS", "Photo: TASS", "Name Surname/Reuters")."""
    return len(line) <= 200 and (
        "©" in line
        or _CREDIT_START.match(line) is not None
        or (":" in line and _CREDIT_LABEL.search(line) is not None)
        or ("/" in line and _CREDIT_AGENCY.search(line) is not None)
    )


_TRAILING_PARENS = re.compile(r"\(([^()]{2,80})\)$")
_PHOTO_NOTE = re.compile(
    r"(?:[\w.'’-]+\s+){0,3}(?:photo|photograph|picture|image|file)s?(?:\s+by\b.*|\s*:.*)?",
    re.IGNORECASE,
)
#: A credit after a caption's last sentence, unbracketed: "... on Spiridonovka Street. PHOTO: AP".
_TRAILING_PHOTO_LABEL = re.compile(
    r"[.!?”\"]\s+(?:photo|photograph|picture|image)s?(?:\s+credit)?\s*:\s*[^.()]{2,60}$",
    re.IGNORECASE,
)


def is_captioned_credit(line: str) -> bool:
    """A caption ending in its credit in parentheses ("Deputies in the Duma on Oct. 17. (Reuters
    Photo)", "Lavrov in Moscow. (ANI photo)", "... (Alexander Nemenov/AFP via Getty Images)",
    "... (Photo: Asean Secretariat)") or after a "PHOTO:" label ("... Street. PHOTO: EXPRESS")."""
    if len(line) > 300:
        return False
    if not line.endswith(")"):
        return _TRAILING_PHOTO_LABEL.search(line) is not None
    m = _TRAILING_PARENS.search(line)
    if m is None:
        return False
    inner = m.group(1).strip()
    return (
        _PHOTO_NOTE.fullmatch(inner) is not None
        or is_agency_credit(inner)
        or ("/" in inner and _CREDIT_AGENCY.search(inner) is not None)
    )


_AGENCY_ONLY = re.compile(
    r"^\(?(?:" + _AGENCIES + r")(?:\s*(?:/|via)\s*(?:" + _AGENCIES + r"))*\)?$"
)


def is_agency_credit(line: str) -> bool:
    """A line that only names a photo agency ("Getty Images", "AFP via Getty Images")."""
    return len(line) <= 60 and _AGENCY_ONLY.match(strip_edges(line)) is not None
