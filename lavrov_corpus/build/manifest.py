"""``manifest.json``: versions, row counts and sha256 of every other file of a dataset folder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .._version import CONVERTER_VERSION, __version__
from ..layout import MANIFEST
from ..models.manifest import FileEntry, Manifest, fingerprint

#: Name of the dataset in the manifest, the card and the citation.
DATASET_NAME = "lavrov-corpus"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def compute_manifest(root: Path, row_counts: dict[str, int]) -> Manifest:
    """The :class:`Manifest` of every file under ``root`` except ``manifest.json``."""
    entries = []
    for path in root.rglob("*"):
        rel = path.relative_to(root).as_posix()
        if rel == MANIFEST or not path.is_file():
            continue
        entries.append(FileEntry(path=rel, size=path.stat().st_size, sha256=_sha256(path)))
    entries.sort(key=lambda e: e.path)
    return Manifest(
        name=DATASET_NAME,
        dataset_version=__version__,
        converter_version=CONVERTER_VERSION,
        row_counts=dict(row_counts),
        files=entries,
        fingerprint=fingerprint(entries),
    )


def render_manifest(manifest: Manifest) -> str:
    """The exact text of ``manifest.json``."""
    return json.dumps(manifest.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def write_manifest(root: Path, row_counts: dict[str, int]) -> Manifest:
    """Compute and write ``root/manifest.json``; return it."""
    manifest = compute_manifest(root, row_counts)
    (root / MANIFEST).write_text(render_manifest(manifest), encoding="utf-8", newline="\n")
    return manifest
