"""Descriptors of a built dataset folder for other ecosystems' tools: Croissant, Data Package.

Both are derived from the models (see :mod:`._fields`); the folder is read only for the size,
sha256 and row count of each Parquet file.
"""

from __future__ import annotations

from .croissant import croissant_document
from .datapackage import datapackage_document, validate_datapackage

__all__ = ["croissant_document", "datapackage_document", "validate_datapackage"]
