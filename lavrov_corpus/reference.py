"""The curated treaty reference table shipped with the package (``data/treaties.json``).

The file holds the rows of the ``treaties`` table (each validated by
:class:`~lavrov_corpus.models.Treaty`) plus what the mention tagger needs beyond the rows: the
*shared aliases*, names that several treaties go by ("START", "Moscow Treaty"), each with the
date ranges in which it means one treaty or the other. Loading checks the table as a whole: unique
ids, events in date order, signature before entry into force, one common ``status_date``, and
every alias claimed by two treaties declared as shared (so the tagger is never left to guess).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from pydantic import Field, model_validator

from .models import Record, Treaty
from .models.common import SLUG_PATTERN, URL_PATTERN

__all__ = [
    "Reference",
    "SharedAlias",
    "SharedAliasPeriod",
    "alias_key",
    "load_reference",
    "reference",
    "shared_aliases",
    "treaties",
    "treaty_index",
]

_SEPARATORS = re.compile(r"[\s\-‐‑–,]+")


def alias_key(alias: str) -> str:
    """Normal form of an alias for comparison: case-folded, without spaces, hyphens or commas.

    The tagger treats a hyphen as optional and spaces and hyphens as interchangeable, so two
    aliases with the same key match the same texts.
    """
    return _SEPARATORS.sub("", alias.casefold())


class SharedAliasPeriod(Record):
    """One treaty a shared alias stands for, up to a date."""

    treaty_id: str = Field(pattern=SLUG_PATTERN)
    until: dt.date | None = Field(
        description="Last date (inclusive) on which the alias means this treaty; null = open."
    )


class SharedAlias(Record):
    """A name several treaties go by, resolved by date (article date, or a year in the text)."""

    alias: str = Field(min_length=1)
    resolution: list[SharedAliasPeriod] = Field(min_length=2)
    note: str = Field(min_length=1)
    source: str = Field(pattern=URL_PATTERN)

    @model_validator(mode="after")
    def _ordered(self) -> SharedAlias:
        *closed, last = self.resolution
        if last.until is not None or any(p.until is None for p in closed):
            raise ValueError(f"{self.alias!r}: only the last period may be open, and it must be")
        ends = [p.until for p in closed if p.until is not None]
        if ends != sorted(ends) or len(set(ends)) != len(ends):
            raise ValueError(f"{self.alias!r}: periods must be in increasing date order")
        return self

    def resolve(self, when: dt.date) -> str:
        """The treaty this alias means on ``when``."""
        for period in self.resolution:
            if period.until is None or when <= period.until:
                return period.treaty_id
        raise AssertionError("unreachable: the last period is open")  # pragma: no cover

    @property
    def treaty_ids(self) -> tuple[str, ...]:
        """Every treaty the alias can mean."""
        return tuple(p.treaty_id for p in self.resolution)


class Reference(Record):
    """The whole reference file: treaty rows plus the tagger's shared aliases."""

    status_date: dt.date
    about: str
    unverified: dict[str, str] = Field(
        description="Treaty id -> what in that row could not be verified."
    )
    shared_aliases: list[SharedAlias]
    treaties: list[Treaty] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Reference:
        ids = [t.treaty_id for t in self.treaties]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate treaty_id")
        for t in self.treaties:
            _check_treaty(t, self.status_date)
        unknown = set(self.unverified) - set(ids)
        if unknown:
            raise ValueError(f"'unverified' names unknown treaties: {sorted(unknown)}")
        _check_aliases(self.treaties, self.shared_aliases)
        return self


def _check_treaty(t: Treaty, status_date: dt.date) -> None:
    if t.status_date != status_date:
        raise ValueError(f"{t.treaty_id}: status_date differs from the table's")
    if t.signed and t.in_force and t.in_force < t.signed:
        raise ValueError(f"{t.treaty_id}: enters into force before it is signed")
    dates = [e.date for e in t.events]
    if dates != sorted(dates):
        raise ValueError(f"{t.treaty_id}: events are not in date order")
    if any(d > status_date for d in dates):
        raise ValueError(f"{t.treaty_id}: an event is later than status_date")
    keys = [alias_key(a) for a in t.aliases]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{t.treaty_id}: two aliases match the same texts")


def _check_aliases(rows: list[Treaty], shared: list[SharedAlias]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for t in rows:
        for a in t.aliases:
            owners[alias_key(a)].add(t.treaty_id)
    declared = {alias_key(s.alias): s for s in shared}
    if len(declared) != len(shared):
        raise ValueError("a shared alias is declared twice")
    for key, who in owners.items():
        s = declared.get(key)
        if len(who) > 1 and s is None:
            raise ValueError(f"alias {key!r} belongs to {sorted(who)} but is not declared shared")
        if s is not None and who != set(s.treaty_ids):
            raise ValueError(
                f"shared alias {s.alias!r} resolves to {sorted(s.treaty_ids)} "
                f"but is listed by {sorted(who)}"
            )
    missing = set(declared) - set(owners)
    if missing:
        raise ValueError(f"shared aliases listed by no treaty: {sorted(missing)}")


def load_reference(path: Path | None = None) -> Reference:
    """Read and validate a reference file (default: the one shipped in the package)."""
    if path is None:
        raw = resources.files("lavrov_corpus").joinpath("data", "treaties.json").read_text("utf-8")
    else:
        raw = path.read_text(encoding="utf-8")
    return Reference.model_validate(json.loads(raw))


@cache
def reference() -> Reference:
    """The shipped reference file, loaded and validated once."""
    return load_reference()


@cache
def treaties() -> tuple[Treaty, ...]:
    """Every treaty of the reference table, sorted by ``treaty_id``."""
    return tuple(sorted(reference().treaties, key=lambda t: t.treaty_id))


@cache
def treaty_index() -> Mapping[str, Treaty]:
    """``treaty_id`` -> treaty (read-only)."""
    return MappingProxyType({t.treaty_id: t for t in treaties()})


def shared_aliases() -> tuple[SharedAlias, ...]:
    """Aliases that several treaties go by, with their date-based resolution."""
    return tuple(reference().shared_aliases)
