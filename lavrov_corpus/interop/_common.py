"""Facts about the dataset shared by every descriptor: names, rights, citation, file checksums."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .._version import CONVERTER_VERSION, __version__
from ..errors import DatasetNotFoundError
from ..layout import table_file, table_path

NAME = "lavrov-corpus"
TITLE = "lavrov-corpus: quotes by Sergey Lavrov on arms control"
DESCRIPTION = (
    "News articles about Russian Foreign Minister Sergey Lavrov and arms control, with the "
    "directly quoted words found in them, their speakers, the arms-control treaties they mention, "
    "and the provenance of every input file. Every quote is traceable to exact byte ranges of its "
    "source file; every build of the same input is byte-identical."
)
URL = "https://github.com/lavrov-corpus/lavrov-corpus"
CREATOR = "lavrov-corpus developers"
KEYWORDS = ["arms control", "quotations", "Sergey Lavrov", "news", "provenance", "treaties"]
LANGUAGE = "en"

#: The code, the schema and the annotations (quotes, speakers, treaty tags) are MIT-licensed.
LICENSE_ID = "MIT"
LICENSE_URL = "https://opensource.org/licenses/MIT"
#: What the MIT license does not cover.
RIGHTS_NOTICE = (
    "The code, the schema and the annotations (spans, attributions, treaty tags, reference tables) "
    "are released under the MIT license. The article texts and the quoted words belong to their "
    "publishers and authors; they are included for research and quotation, are not covered by the "
    "MIT license, and each article records its rights statement in `articles.rights`."
)
SOURCES_NOTICE = (
    "Raw news article files given to the converter; each one is listed with its sha256 in the "
    "provenance table and each article points at its source file and byte ranges."
)
GENERATOR = f"lavrov-corpus converter {CONVERTER_VERSION}"


def citation_bibtex() -> str:
    """BibTeX entry of this dataset version."""
    return (
        "@misc{lavrov_corpus_" + __version__.replace(".", "_") + ",\n"
        f"  title = {{{TITLE}}},\n"
        f"  author = {{{{{CREATOR}}}}},\n"
        f"  version = {{{__version__}}},\n"
        f"  url = {{{URL}}},\n"
        f"  note = {{Dataset version {__version__}}}\n"
        "}"
    )


@dataclass(frozen=True)
class TableFile:
    """The Parquet file of one table in a dataset folder."""

    table: str
    path: str  #: relative to the dataset folder, '/'-separated
    size: int
    sha256: str
    rows: int


def table_file_info(root: Path, table: str) -> TableFile:
    """Size, sha256 and row count of ``table``'s Parquet file in the dataset folder ``root``."""
    import pyarrow.parquet as pq

    path = table_path(root, table)
    if not path.is_file():
        raise DatasetNotFoundError(f"{path}: no Parquet file for table {table!r}")
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    rows = pq.ParquetFile(str(path)).metadata.num_rows
    return TableFile(
        table=table,
        path=str(table_file(table)),
        size=path.stat().st_size,
        sha256=digest.hexdigest(),
        rows=int(rows),
    )
