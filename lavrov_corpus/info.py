"""A short summary of a built dataset folder: version, row counts, top speakers, treaties, dates.

Reads only the Parquet files (with pyarrow compute, no ``datasets`` import) and, when present,
``manifest.json`` for the dataset version; fast enough for an interactive ``info`` command.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._version import __version__
from .errors import DatasetNotFoundError
from .layout import MANIFEST, table_path
from .models import TABLES


@dataclass(frozen=True)
class Ranked:
    """One row of a ranking: an id, its display name and a count."""

    id: str
    name: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able dict."""
        return {"id": self.id, "name": self.name, "count": self.count}


@dataclass(frozen=True)
class InfoSummary:
    """What ``lavrov-corpus info`` shows about one dataset folder."""

    path: str
    version: str  #: from manifest.json when present, else the package version
    row_counts: dict[str, int]
    top_speakers: list[Ranked]  #: by number of attributed quotes, most first
    treaties: list[Ranked]  #: by number of mentions in articles, most first; unmentioned last
    unattributed_quotes: int
    published_min: dt.date | None
    published_max: dt.date | None
    undated_articles: int

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able dict (what ``info --json`` prints)."""
        return {
            "path": self.path,
            "version": self.version,
            "row_counts": dict(self.row_counts),
            "top_speakers": [r.to_dict() for r in self.top_speakers],
            "treaties": [r.to_dict() for r in self.treaties],
            "unattributed_quotes": self.unattributed_quotes,
            "published": {
                "min": self.published_min.isoformat() if self.published_min else None,
                "max": self.published_max.isoformat() if self.published_max else None,
                "undated_articles": self.undated_articles,
            },
        }

    def render(self) -> str:
        """Readable multi-line text."""
        lines = [f"lavrov-corpus dataset {self.version}", f"  at {self.path}", "", "Tables:"]
        width = max(len(t) for t in self.row_counts)
        lines += [f"  {t:<{width}}  {n:>8,} rows" for t, n in self.row_counts.items()]
        lines += ["", "Published:"]
        if self.published_min is None or self.published_max is None:
            lines.append("  no dated articles")
        else:
            lines.append(f"  {self.published_min.isoformat()} to {self.published_max.isoformat()}")
        if self.undated_articles:
            lines.append(f"  ({self.undated_articles} article(s) without a date)")
        lines += ["", "Top speakers (quotes):"]
        lines += [f"  {r.count:>6,}  {r.name} ({r.id})" for r in self.top_speakers] or ["  none"]
        if self.unattributed_quotes:
            lines.append(f"  {self.unattributed_quotes:>6,}  (no speaker)")
        lines += ["", "Treaties (mentions in articles):"]
        lines += [f"  {r.count:>6,}  {r.name} ({r.id})" for r in self.treaties] or ["  none"]
        return "\n".join(lines) + "\n"


def _read(root: Path, table: str, columns: list[str]) -> Any:
    import pyarrow.parquet as pq

    path = table_path(root, table)
    if not path.is_file():
        raise DatasetNotFoundError(f"{root}: not a dataset folder (no {path.relative_to(root)})")
    return pq.ParquetFile(str(path)).read(columns=columns)


def _version(root: Path) -> str:
    manifest = root / MANIFEST
    if manifest.is_file():
        try:
            version = json.loads(manifest.read_text(encoding="utf-8")).get("dataset_version")
        except (ValueError, AttributeError):
            version = None
        if isinstance(version, str):
            return version
    return __version__


def dataset_info_summary(root: Path, top: int = 10) -> InfoSummary:
    """Summarise the dataset folder ``root``; ``top`` limits the speaker ranking."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    if not root.is_dir():
        raise DatasetNotFoundError(f"{root}: no such dataset folder")
    row_counts = {}
    for table in TABLES:
        path = table_path(root, table)
        if not path.is_file():
            raise DatasetNotFoundError(
                f"{root}: not a dataset folder (no {table_path(Path(), table)})"
            )
        row_counts[table] = int(pq.ParquetFile(str(path)).metadata.num_rows)

    quotes = _read(root, "quotes", ["speaker_id"])
    counts = pc.value_counts(quotes.column("speaker_id").combine_chunks()).to_pylist()
    speakers = _read(root, "speakers", ["speaker_id", "name"]).to_pylist()
    speaker_names = {s["speaker_id"]: s["name"] for s in speakers}
    attributed = [(c["values"], c["counts"]) for c in counts if c["values"] is not None]
    unattributed = sum(c["counts"] for c in counts if c["values"] is None)
    top_speakers = [
        Ranked(sid, speaker_names.get(sid, sid), n)
        for sid, n in sorted(attributed, key=lambda x: (-x[1], x[0]))[:top]
    ]

    mentions = _read(root, "articles", ["mentions"]).column("mentions")
    treaty_ids = pc.struct_field(pc.list_flatten(mentions), "treaty_id")
    mention_counts = Counter(treaty_ids.to_pylist())
    treaties = _read(root, "treaties", ["treaty_id", "short_name"]).to_pylist()
    ranked_treaties = sorted(
        (
            Ranked(t["treaty_id"], t["short_name"], mention_counts.get(t["treaty_id"], 0))
            for t in treaties
        ),
        key=lambda r: (-r.count, r.id),
    )

    published = _read(root, "articles", ["published"]).column("published")
    bounds: Any = pc.min_max(published).as_py()
    return InfoSummary(
        path=str(root),
        version=_version(root),
        row_counts=row_counts,
        top_speakers=top_speakers,
        treaties=ranked_treaties,
        unattributed_quotes=int(unattributed),
        published_min=bounds["min"],
        published_max=bounds["max"],
        undated_articles=int(published.null_count),
    )
