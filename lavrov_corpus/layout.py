"""Where things live in a built dataset folder (a valid Hugging Face dataset repository).

OUT_DIR/
  README.md              dataset card (YAML front matter: configs, dataset_info, license, ...)
  manifest.json          versions, row counts, size and sha256 of every other file, fingerprint
  CITATION.cff           citation of this dataset version
  croissant.json         MLCommons Croissant metadata
  datapackage.json       Frictionless Data Package
  data/<table>/<table>.parquet   one Parquet file per table
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .models import TABLES

CARD = "README.md"
MANIFEST = "manifest.json"
CITATION = "CITATION.cff"
CROISSANT = "croissant.json"
DATAPACKAGE = "datapackage.json"
DATA_DIR = "data"
DEFAULT_TABLE = "quotes"

#: Parquet writer options, pinned so that the same rows always give the same bytes.
PARQUET_OPTIONS: dict[str, object] = {
    "compression": "zstd",
    "compression_level": 3,
    "use_dictionary": True,
    "write_statistics": True,
    "data_page_size": 1 << 20,
    "version": "2.6",
    "store_schema": True,
}
#: Rows per Parquet row group: fixed, so output bytes do not depend on how a build was batched.
ROW_GROUP_SIZE = 10_000


def table_file(table: str) -> PurePosixPath:
    """Path of ``table``'s Parquet file relative to the dataset folder."""
    if table not in TABLES:
        raise KeyError(table)
    return PurePosixPath(DATA_DIR, table, f"{table}.parquet")


def table_path(root: Path, table: str) -> Path:
    """Absolute path of ``table``'s Parquet file in the dataset folder ``root``."""
    return root / table_file(table)
