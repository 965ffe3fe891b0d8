"""Content-addressed cache of per-file conversion results, stored as JSON (never pickle).

An entry is keyed by the sha256 of the raw file bytes, the converter version, a fingerprint of the
code that converts (every source file of the package but the shipped dataset, so a forgotten
version bump cannot serve stale results), the file's path (it is part of the article record) and
the curated metadata applied to it. Entries are read back through the pydantic models, so a
damaged or foreign entry is ignored and recomputed, never trusted. Writes are atomic (temp file +
rename), so concurrent builds sharing a cache are safe.

Converter exceptions are not cached: they are retried on the next build.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from .._version import CONVERTER_VERSION
from ..models import Article, Quote, RejectReason, Speaker
from ..models.sidecar import CuratedMetadata

#: Bump when the layout of cache entries changes.
CACHE_FORMAT = 1


class CacheEntry(BaseModel):
    """The conversion of one file: an article with its quotes and speakers, or a rejection."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int = CACHE_FORMAT
    article: Article | None = None
    quotes: list[Quote] = []
    speakers: list[Speaker] = []
    text_sha256: str | None = None
    encoding: str | None = None
    encoding_confidence: float | None = None
    reason: RejectReason | None = None
    detail: str | None = None


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/lavrov-corpus`` (``~/.cache/lavrov-corpus`` when unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lavrov-corpus"


@cache
def code_fingerprint() -> str:
    """sha256 over the converter version and every source file of the package."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{CONVERTER_VERSION}\0{CACHE_FORMAT}\0".encode())
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(package).as_posix()
        if rel.startswith("dataset/") or "__pycache__" in rel or not path.is_file():
            continue
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_key(
    sha256: str, source_path: str, metadata: CuratedMetadata | None, fingerprint: str
) -> str:
    """The key of one file's conversion."""
    meta = metadata.model_dump_json() if metadata is not None else ""
    parts = "\0".join((sha256, CONVERTER_VERSION, fingerprint, source_path, meta))
    return hashlib.sha256(parts.encode("utf-8", "surrogatepass")).hexdigest()


class ConversionCache:
    """A folder of ``<key[:2]>/<key>.json`` entries."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> CacheEntry | None:
        """The entry under ``key``, or None if absent, unreadable or invalid."""
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        try:
            entry = CacheEntry.model_validate_json(data)
        except ValidationError:
            return None
        return entry if entry.format == CACHE_FORMAT else None

    def put(self, key: str, entry: CacheEntry) -> None:
        """Store ``entry`` atomically; a cache that cannot be written is silently skipped."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(entry.model_dump_json().encode())
                Path(tmp).replace(path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            # The cache is an optimisation: a full or read-only cache must not fail a build.
            return
