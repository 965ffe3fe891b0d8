"""Open the dataset: the copy shipped in the package, a local folder, or a version on the Hub.

    >>> import lavrov_corpus
    >>> quotes = lavrov_corpus.load("quotes")                     # datasets.Dataset
    >>> table = lavrov_corpus.load("quotes", format="arrow")      # pyarrow.Table, no `datasets`
    >>> for quote in lavrov_corpus.iter_records("quotes"): ...    # typed Quote instances

Only what a format needs is imported: ``format="arrow"`` reads Parquet with
``pyarrow.parquet.ParquetFile`` and never imports ``datasets`` or pandas.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import DatasetNotFoundError, DatasetUnreadableError

if TYPE_CHECKING:
    import datasets
    import pandas
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .models import Record

Format = Literal["datasets", "arrow", "pandas"]
_FORMATS = ("datasets", "arrow", "pandas")
#: The tables, in ``models.TABLES`` order. Restated so that loading Arrow does not import the
#: pydantic models (a third of a cold start); a test checks it equals ``models.TABLES``.
TABLE_NAMES = ("articles", "quotes", "speakers", "treaties", "provenance")


def table_path(root: Path, table: str) -> Path:
    """``layout.table_path`` without importing the models (a test checks they agree)."""
    return root / "data" / table / f"{table}.parquet"


def path() -> Path:
    """Folder of the dataset shipped inside the installed package."""
    return Path(str(resources.files("lavrov_corpus").joinpath("dataset")))


def _check_table(table: str) -> None:
    if table not in TABLE_NAMES:
        raise ValueError(f"unknown table {table!r}; tables are: {', '.join(TABLE_NAMES)}")


def _parquet(root: Path, table: str) -> Path:
    file = table_path(root, table)
    if not file.is_file():
        raise DatasetNotFoundError(f"no {table} table in {root} (expected {file})")
    return file


def _open(root: Path, table: str) -> pq.ParquetFile:
    # As parquet_io.read_arrow, whose module imports the models: ParquetFile, not read_table
    # (which imports pyarrow.dataset and pandas).
    import pyarrow as pa
    import pyarrow.parquet as pq

    file = _parquet(root, table)
    try:
        return pq.ParquetFile(str(file))
    except (pa.ArrowException, OSError) as exc:
        raise DatasetUnreadableError(f"{file}: not a readable Parquet table: {exc}") from exc


def _read(root: Path, table: str) -> pa.Table:
    import pyarrow as pa

    parquet = _open(root, table)
    try:
        return parquet.read()
    except (pa.ArrowException, OSError) as exc:
        file = table_path(root, table)
        raise DatasetUnreadableError(f"{file}: not a readable Parquet table: {exc}") from exc


def _as_dataset(table: str, arrow: pa.Table) -> datasets.Dataset:
    import datasets
    from datasets.table import InMemoryTable

    from .schema import features

    info = datasets.DatasetInfo(features=features(table), config_name=table)
    return datasets.Dataset(InMemoryTable(arrow), info=info, split=datasets.Split.TRAIN)


def load(
    table: str | None = None,
    *,
    format: Format = "datasets",
    path: Path | None = None,
    repo_id: str | None = None,
    revision: str | None = None,
) -> Any:
    """Load one table, or every table (``table=None``) as a dict keyed by table name.

    ``format``: ``"datasets"`` (a ``datasets.Dataset``; all tables: a ``DatasetDict``),
    ``"arrow"`` (a ``pyarrow.Table``) or ``"pandas"`` (a ``pandas.DataFrame``).
    ``path``: a built dataset folder (default: the dataset shipped in the package).
    ``repo_id``/``revision``: load a published version from the Hugging Face Hub instead,
    through ``datasets.load_dataset`` (e.g. ``revision="v0.1.0"``).
    """
    if format not in _FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(_FORMATS)}")
    if table is None:
        tables = {
            name: load(name, format=format, path=path, repo_id=repo_id, revision=revision)
            for name in TABLE_NAMES
        }
        if format == "datasets":
            import datasets

            return datasets.DatasetDict(tables)
        return tables
    _check_table(table)
    if repo_id is not None:
        return _from_hub(table, format, repo_id, revision)
    root = _root(path)
    if format == "datasets":
        return _as_dataset(table, _read(root, table))
    arrow = _read(root, table)
    return arrow if format == "arrow" else _to_pandas(table, arrow)


def _root(path_: Path | None) -> Path:
    root = Path(path_) if path_ is not None else path()
    if not root.is_dir():
        raise DatasetNotFoundError(f"no dataset folder at {root}")
    return root


def _to_pandas(table: str, arrow: pa.Table) -> pandas.DataFrame:
    """The frame, with the schema's nullable integer columns as pandas ``Int64``: by default a
    null turns the whole column into floats (``size`` 4211.0, ``title_start`` unusable as a
    slice index), and only in the tables that happen to hold a null."""
    import pandas as pd
    import pyarrow as pa

    from .schema import arrow_schema

    frame = arrow.to_pandas()
    for field in arrow_schema(table):
        if field.nullable and pa.types.is_integer(field.type) and field.name in frame:
            frame[field.name] = pd.array(arrow.column(field.name).to_pylist(), dtype="Int64")
    return frame


def _from_hub(table: str, format: Format, repo_id: str, revision: str | None) -> Any:
    import datasets

    ds = datasets.load_dataset(repo_id, table, split="train", revision=revision)
    if format == "datasets":
        return ds
    arrow = ds.data.table
    return arrow if format == "arrow" else _to_pandas(table, arrow)


def iter_records(table: str, path: Path | None = None) -> Iterator[Record]:
    """Yield the rows of ``table`` as validated model instances (e.g. ``Quote``), in file order."""
    from .models import TABLES

    _check_table(table)
    model = TABLES[table]
    parquet = _open(_root(path), table)
    for batch in parquet.iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            yield model.model_validate(row)
