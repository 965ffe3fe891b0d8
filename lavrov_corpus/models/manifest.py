"""The ``manifest.json`` of a built dataset folder."""

from __future__ import annotations

import hashlib
from typing import Annotated

from pydantic import Field

from .common import SHA256_PATTERN, Record, Sha256


class FileEntry(Record):
    """One file of the dataset folder."""

    path: Annotated[str, Field(min_length=1)] = Field(
        description="Path relative to the dataset folder, '/'-separated."
    )
    size: Annotated[int, Field(ge=0)] = Field(description="Size in bytes.")
    sha256: Sha256 = Field(description="sha256 of the file bytes.")


class Manifest(Record):
    """Versions, row counts and checksums of a built dataset folder.

    ``files`` lists every file of the folder except ``manifest.json`` itself, sorted by path.
    ``fingerprint`` is :func:`fingerprint` of ``files``: one hash of the whole content.
    """

    name: Annotated[str, Field(min_length=1)] = Field(description="Dataset name.")
    dataset_version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")] = Field(
        description="Semantic version of the dataset."
    )
    converter_version: Annotated[str, Field(min_length=1)] = Field(
        description="Version of the converter that produced the records."
    )
    row_counts: dict[str, Annotated[int, Field(ge=0)]] = Field(
        description="Table name -> number of rows."
    )
    files: list[FileEntry] = Field(description="Every file but the manifest, sorted by path.")
    fingerprint: Annotated[str, Field(pattern=SHA256_PATTERN)] = Field(
        description="sha256 over the sorted '<sha256>  <path>' lines of `files`."
    )


def fingerprint(files: list[FileEntry]) -> str:
    """One sha256 over every file's hash and path, independent of listing order."""
    lines = sorted(f"{f.sha256}  {f.path}\n" for f in files)
    return hashlib.sha256("".join(lines).encode()).hexdigest()
