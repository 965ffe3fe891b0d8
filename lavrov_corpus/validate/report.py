"""What ``validate`` returns: a :class:`Report` of :class:`Problem` s, and the collector behind it.

Modelled on frictionless' ``Report`` (valid, stats, errors with type, row and field) and
mlcroissant's ``Issues``: every problem is collected, none stops the run. ``counts`` are true
totals; ``max_errors`` only limits how many problems of each code are materialised.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from .codes import Code, code_of


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the dataset.

    ``row`` is the 0-based row index in ``table``; ``record_id`` its primary key when readable;
    ``field`` a column, or a dotted path into nested columns (``mentions.treaty_id``).
    """

    code: str
    message: str
    table: str | None = None
    row: int | None = None
    field: str | None = None
    record_id: str | None = None
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict."""
        return asdict(self)

    def where(self) -> str:
        """Short location, e.g. ``quotes[12] (a0123…-q001) .text``."""
        parts = []
        if self.table is not None:
            parts.append(self.table if self.row is None else f"{self.table}[{self.row}]")
        elif self.path is not None:
            parts.append(self.path)
        if self.record_id is not None:
            parts.append(f"({self.record_id})")
        if self.field is not None:
            parts.append(f".{self.field}")
        return " ".join(parts)


@dataclass
class Report:
    """The outcome of validating one dataset folder."""

    root: str
    problems: list[Problem]
    counts: dict[str, int]
    stats: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """True when no problem of a checked code was found."""
        return not self.counts

    def codes(self) -> set[str]:
        """Codes that occur in the report."""
        return set(self.counts)

    def by_code(self, code: str | Code) -> list[Problem]:
        """Materialised problems of one code."""
        return [p for p in self.problems if p.code == code_of(code).value]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (what ``validate --json`` prints)."""
        return {
            "valid": self.valid,
            "root": self.root,
            "counts": dict(sorted(self.counts.items())),
            "stats": self.stats,
            "notes": list(self.notes),
            "problems": [p.to_dict() for p in self.problems],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, sort_keys=False)

    def render_text(self, examples: int = 3) -> str:
        """Readable summary: problems grouped by code, counted, with the first few examples."""
        lines = []
        total = sum(self.counts.values())
        tables = self.stats.get("rows", {})
        checked = ", ".join(f"{t} {n:,}" for t, n in tables.items()) or "no table read"
        seconds = self.stats.get("seconds")
        timing = f" in {seconds:.2f}s" if isinstance(seconds, float) else ""
        if self.valid:
            lines.append(f"VALID: {self.root} (rows: {checked}){timing}")
        else:
            lines.append(
                f"INVALID: {self.root}: {total:,} problem(s) of {len(self.counts)} kind(s)"
                f" (rows: {checked}){timing}"
            )
        for code in sorted(self.counts, key=lambda c: [m.value for m in Code].index(c)):
            n = self.counts[code]
            lines.append(f"\n{code} ({n:,}): {code_of(code).description}")
            shown = [p for p in self.problems if p.code == code][:examples]
            for p in shown:
                # one line per problem: a name with a newline or an escape is shown escaped
                where, message = _one_line(p.where()), _one_line(p.message)
                lines.append(f"  - {where}: {message}" if where else f"  - {message}")
            if n > len(shown):
                lines.append(f"  ... and {n - len(shown):,} more")
        for note in self.notes:
            lines.append(f"note: {note}")
        return "\n".join(lines)


def _one_line(text: str) -> str:
    """``text`` with control characters escaped ("a\\nb"), so it prints on one line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


class Collector:
    """Receives problems from the checks; applies select/ignore and max_errors per code."""

    def __init__(
        self,
        select: Collection[Code] | None = None,
        ignore: Collection[Code] | None = None,
        max_errors: int | None = None,
    ) -> None:
        self.active = (set(select) if select else set(Code)) - set(ignore or ())
        self.max_errors = max_errors
        self.problems: list[Problem] = []
        self.counts: dict[str, int] = {}
        #: table -> rows with a row-level problem (kept while ``track_all``)
        self.flagged: dict[str, set[int]] = {}
        self.record_id: Callable[[str, int], str | None] = lambda table, row: None
        #: run every check even if its code is not active, to learn which rows are flagged
        self.track_all = False
        #: table -> row of the whole table where the batch being checked starts: checks report
        #: rows of their batch, the report holds rows of the whole table
        self.offsets: dict[str, int] = {}

    def checkpoint(self, table: str) -> tuple[int, dict[str, int], set[int]]:
        """State to :meth:`rollback` to if ``table`` turns out unreadable halfway through."""
        return len(self.problems), dict(self.counts), set(self.flagged.get(table, ()))

    def rollback(self, table: str, state: tuple[int, dict[str, int], set[int]]) -> None:
        """Forget what was reported since :meth:`checkpoint` (problems of ``table`` only)."""
        n, counts, flagged = state
        del self.problems[n:]
        self.counts = counts
        self.flagged[table] = flagged

    def wants(self, *codes: Code) -> bool:
        """True if any of ``codes`` is to be checked (lets checks skip work)."""
        return self.track_all or any(c in self.active for c in codes)

    def _room(self, code: Code) -> int:
        if self.max_errors is None:
            return 1 << 62
        return max(0, self.max_errors - self.counts.get(code.value, 0))

    def add(
        self,
        code: Code,
        message: str,
        *,
        table: str | None = None,
        row: int | None = None,
        field: str | None = None,
        record_id: str | None = None,
        path: str | None = None,
    ) -> None:
        """Report one problem (``row`` in the batch being checked, see ``offsets``)."""
        if row is not None and table is not None:
            row += self.offsets.get(table, 0)
            if self.track_all:
                self.flagged.setdefault(table, set()).add(row)
        if code not in self.active:
            return
        if row is not None and table is not None and record_id is None:
            record_id = self.record_id(table, row)
        if self._room(code):
            self.problems.append(Problem(code.value, message, table, row, field, record_id, path))
        self.counts[code.value] = self.counts.get(code.value, 0) + 1

    def add_rows(
        self,
        code: Code,
        table: str,
        rows: Iterable[int],
        field: str | None,
        message: Callable[[int], str] | str,
    ) -> None:
        """Report one problem per row in ``rows`` (rows of the batch being checked: ``message``
        gets those; the report holds rows of the whole table); only the first few are built."""
        if code not in self.active and not self.track_all:
            return
        row_list = sorted({int(r) for r in rows})
        if not row_list:
            return
        offset = self.offsets.get(table, 0)
        if self.track_all:  # only row models ask which rows are flagged
            self.flagged.setdefault(table, set()).update(r + offset for r in row_list)
        if code not in self.active:
            return
        room = self._room(code)
        for r in row_list[:room]:
            text = message(r) if callable(message) else message
            self.problems.append(
                Problem(
                    code.value,
                    text,
                    table,
                    r + offset,
                    field,
                    self.record_id(table, r + offset),
                    None,
                )
            )
        self.counts[code.value] = self.counts.get(code.value, 0) + len(row_list)
