"""How input file paths are written in provenance, and how to find a file from that form again.

A file name that is not valid UTF-8 cannot go into Parquet as it is: its undecodable bytes are
written backslash-escaped (``bad-\\xff-name.txt``), and a real backslash is doubled, so that two
different names never share one form (a name may be literally ``bad-\\xff-name.txt``). Checks
that need the file again look it up in an index of the folder built with the same rule.
"""

from __future__ import annotations

import os
from pathlib import Path


def display_path(rel: str) -> str:
    """The provenance form of a '/'-separated relative path from ``os`` (surrogate-escaped)."""
    escaped = rel.replace("\\", "\\\\")
    return escaped.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def index_files(root: Path) -> dict[str, Path]:
    """Provenance form of every file under ``root`` -> its path (folder links not walked)."""
    index: dict[str, Path] = {}
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder, name)
            if path.is_file():
                index[display_path(path.relative_to(root).as_posix())] = path
    return index
