"""Content-addressed cache of conversion results, packed one file per chunk of work (never pickle).

An entry is keyed by the sha256 of the raw file bytes, the converter version, a fingerprint of the
code that converts (every source file of the package but the shipped dataset, so a forgotten
version bump cannot serve stale results), the file's path (it is part of the article record) and
the curated metadata applied to it.

The entries a chunk converted are written together as one *pack*: their article and quote rows as
Arrow IPC streams (the very tables the build writes to Parquet, so a hit costs neither validation
nor conversion to Arrow), and a JSON list of what else each file gave (encoding, rejection reason,
speakers). One file per chunk instead of one per article: writing a cold cache costs little more
than not having one. A pack is written to a temporary file and renamed, so an interrupted or
concurrent build never leaves or reads half a pack. Packs live in a folder per code fingerprint;
a build lists the packs of its fingerprint once (reading only their headers, which hold the keys)
and loads a pack when one of its keys is asked for. A pack is refused whole, and its files are
converted afresh, when its checksums, Arrow schemas or id invariants do not hold.

Converter exceptions are not cached: they are retried on the next build.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import tempfile
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._version import CONVERTER_VERSION
from ..models import RejectReason, Speaker
from ..models.sidecar import CuratedMetadata
from ..parquet_io import from_ipc, to_ipc

if TYPE_CHECKING:
    import pyarrow as pa

#: Bump when the layout of cache entries changes.
CACHE_FORMAT = 2
_MAGIC = b"LCPACK2\n"
_HEAD = struct.Struct("<8sI")  # magic, header length
_LEN = struct.Struct("<Q")
#: Packs kept loaded per process: a chunk's files usually sit in one or two packs.
_LOADED_PACKS = 8


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


@dataclass(slots=True)
class Entry:
    """What one file's conversion gave, as stored in a pack.

    ``article`` is the row of the file's article in the pack's articles table (-1 for a
    rejection); its quotes are the rows ``quotes[0]:quotes[1]`` of the pack's quotes table.
    """

    sha256: str
    encoding: str | None
    encoding_confidence: float | None
    text_sha256: str | None
    reason: RejectReason | None
    detail: str | None
    article: int
    quotes: tuple[int, int]
    speakers: list[Speaker]

    def to_json(self, speakers: dict[str, int]) -> dict[str, Any]:
        """Its JSON form; its speakers as indices into the pack's list (``speakers``, by JSON
        text, grown as new ones come)."""
        return {
            "sha256": self.sha256,
            "encoding": self.encoding,
            "encoding_confidence": self.encoding_confidence,
            "text_sha256": self.text_sha256,
            "reason": None if self.reason is None else self.reason.value,
            "detail": self.detail,
            "article": self.article,
            "quotes": list(self.quotes),
            "speakers": [
                speakers.setdefault(s.model_dump_json(), len(speakers)) for s in self.speakers
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], speakers: list[Speaker]) -> Entry:
        start, stop = data["quotes"]
        confidence = data["encoding_confidence"]
        return cls(
            sha256=_str(data["sha256"]),
            encoding=_opt_str(data["encoding"]),
            encoding_confidence=None if confidence is None else float(confidence),
            text_sha256=_opt_str(data["text_sha256"]),
            reason=None if data["reason"] is None else RejectReason(data["reason"]),
            detail=_opt_str(data["detail"]),
            article=int(data["article"]),
            quotes=(int(start), int(stop)),
            speakers=[speakers[i] for i in data["speakers"]],
        )


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("a string was expected")
    return value


def _opt_str(value: object) -> str | None:
    return None if value is None else _str(value)


@dataclass(slots=True, frozen=True)
class Pack:
    """One loaded pack: its entries by key and its article and quote rows."""

    entries: dict[str, Entry]
    articles: pa.Table
    quotes: pa.Table


class ConversionCache:
    """The packs of one code fingerprint under ``root``, as one process sees them."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.folder = root / f"packs-{CACHE_FORMAT}" / fingerprint[:32]
        self._index: dict[str, str | list[str]] | None = None  # key -> pack file name(s)
        self._loaded: OrderedDict[str, Pack | None] = OrderedDict()

    def get(self, key: str) -> tuple[Pack, Entry] | None:
        """A valid pack holding ``key`` and its entry, or None."""
        if self._index is None:
            self._index = self._scan()
        names = self._index.get(key, ())
        for name in [names] if isinstance(names, str) else names:
            pack = self._pack(name)
            entry = pack.entries.get(key) if pack is not None else None
            if pack is not None and entry is not None:
                return pack, entry
        return None

    def _scan(self) -> dict[str, str | list[str]]:
        """Key -> the pack(s) holding it, from the header of every pack in the folder.

        A key is in several packs when builds converted the same file at the same time, or
        after its first pack proved damaged: each is tried in turn.
        """
        index: dict[str, str | list[str]] = {}
        try:
            names = sorted(p.name for p in self.folder.iterdir() if p.name.endswith(".pack"))
        except OSError:
            return index
        for name in names:
            try:
                with open(self.folder / name, "rb") as fh:  # noqa: PTH123
                    header = _read_header(fh)
            except Exception:  # an unreadable or foreign file: not a pack
                continue
            if header is None:
                continue
            for key in header["keys"]:
                known = index.setdefault(key, name)
                if known != name:
                    index[key] = [*([known] if isinstance(known, str) else known), name]
        return index

    def _pack(self, name: str) -> Pack | None:
        if name in self._loaded:
            self._loaded.move_to_end(name)
            return self._loaded[name]
        try:
            pack = _load(self.folder / name)
        except Exception:  # a damaged pack of any kind (pyarrow raises its own errors too)
            pack = None
        self._loaded[name] = pack
        if len(self._loaded) > _LOADED_PACKS:
            self._loaded.popitem(last=False)
        return pack

    def put(
        self, keys: list[str], entries: list[Entry], articles: pa.Table, quotes: pa.Table
    ) -> None:
        """Store the ``entries`` of one chunk (keyed by ``keys``) with their rows, atomically.

        A cache that cannot be written is silently skipped: it is an optimisation, and a full or
        read-only cache must not fail a build.
        """
        if not keys:
            return
        body = _body(entries, articles, quotes)
        body_sha = hashlib.sha256(body).hexdigest()
        header = json.dumps({"keys": keys, "body": body_sha, "body_len": len(body)}).encode()
        blob = b"".join(
            (_HEAD.pack(_MAGIC, len(header)), header, hashlib.sha256(header).digest(), body)
        )
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".part")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(blob)
                Path(tmp).replace(self.folder / f"{body_sha[:40]}.pack")
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return


def _read_header(fh: Any) -> dict[str, Any] | None:
    """The checked header of an open pack, or None if it is not one."""
    head = fh.read(_HEAD.size)
    if len(head) != _HEAD.size:
        return None
    magic, size = _HEAD.unpack(head)
    if magic != _MAGIC:
        return None
    raw = fh.read(size + 32)
    header, digest = raw[:size], raw[size:]
    if len(header) != size or hashlib.sha256(header).digest() != digest:
        return None
    data = json.loads(header)
    keys = data.get("keys") if isinstance(data, dict) else None
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        return None
    return data  # type: ignore[no-any-return]


def _body(entries: list[Entry], articles: pa.Table, quotes: pa.Table) -> bytes:
    speakers: dict[str, int] = {}
    listed = [e.to_json(speakers) for e in entries]
    # A pack's files quote the same few people: each speaker is stored (and validated) once.
    doc = {"speakers": [json.loads(s) for s in speakers], "entries": listed}
    parts = [json.dumps(doc).encode(), to_ipc(articles), to_ipc(quotes)]
    return b"".join(_LEN.pack(len(p)) + p for p in parts)


def _load(path: Path) -> Pack | None:
    """The pack at ``path``, or None if any of its checks fails."""
    from ..schema import arrow_schema

    with open(path, "rb") as fh:  # noqa: PTH123
        header = _read_header(fh)
        if header is None:
            return None
        body = fh.read()
    if len(body) != header["body_len"] or hashlib.sha256(body).hexdigest() != header["body"]:
        return None
    parts: list[bytes] = []
    pos = 0
    for _ in range(3):
        (size,) = _LEN.unpack_from(body, pos)
        parts.append(body[pos + _LEN.size : pos + _LEN.size + size])
        pos += _LEN.size + size
    doc = json.loads(parts[0])
    keys = header["keys"]
    if len(doc["entries"]) != len(keys):
        return None
    speakers = [Speaker.model_validate(s) for s in doc["speakers"]]
    entries = [Entry.from_json(e, speakers) for e in doc["entries"]]
    articles, quotes = from_ipc(parts[1]), from_ipc(parts[2])
    for name, table in (("articles", articles), ("quotes", quotes)):
        if not table.schema.equals(arrow_schema(name), check_metadata=True):
            return None
    if not _consistent(entries, articles, quotes):
        return None
    return Pack(dict(zip(keys, entries, strict=True)), articles, quotes)


def _consistent(entries: list[Entry], articles: pa.Table, quotes: pa.Table) -> bool:
    """Each entry's rows exist, are its own (ids from its sha256) and are used by it alone."""
    ids = articles.column("article_id").to_pylist()
    sources = articles.column("source_sha256").to_pylist()
    quote_ids = quotes.column("article_id").to_pylist()
    used: set[int] = set()
    for e in entries:
        start, stop = e.quotes
        if e.article < 0:
            if e.reason is None or start != stop:
                return False
            continue
        if not (e.article < len(ids) and 0 <= start <= stop <= len(quote_ids)):
            return False
        expected = "a" + e.sha256[:16]
        if ids[e.article] != expected or sources[e.article] != e.sha256:
            return False
        if any(q != expected for q in quote_ids[start:stop]):
            return False
        text = e.text_sha256
        if text is None or len(text) != 64 or text.strip("0123456789abcdef"):
            return False
        used.add(e.article)
    return len(used) == len(ids) == sum(e.article >= 0 for e in entries)


_SHARED: dict[tuple[Path, str, str], ConversionCache] = {}


def shared_cache(root: Path, fingerprint: str, session: str) -> ConversionCache:
    """The cache object of one build (``session``) in this process: its packs are listed once.

    Only the latest session's object is kept; :func:`release_shared` drops it.
    """
    key = (root, fingerprint, session)
    found = _SHARED.get(key)
    if found is None:
        _SHARED.clear()
        found = _SHARED[key] = ConversionCache(root, fingerprint)
    return found


def release_shared() -> None:
    """Forget the cache objects of this process (their index and loaded packs)."""
    _SHARED.clear()
