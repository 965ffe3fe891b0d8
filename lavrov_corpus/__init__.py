"""lavrov-corpus: quotes by Sergey Lavrov on arms control, typed, validated, with provenance.

    >>> import lavrov_corpus
    >>> quotes = lavrov_corpus.load("quotes")                   # a datasets.Dataset
    >>> table = lavrov_corpus.load("quotes", format="arrow")    # a pyarrow.Table

Importing this package is cheap: ``pyarrow`` and ``datasets`` are imported only when needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import CONVERTER_VERSION, __version__

if TYPE_CHECKING:
    from .load import iter_records, load, path

__all__ = ["CONVERTER_VERSION", "__version__", "iter_records", "load", "path"]


def __getattr__(name: str) -> Any:
    # Lazy: keeps ``import lavrov_corpus`` free of pyarrow/datasets imports.
    if name in {"load", "path", "iter_records"}:
        import importlib

        module = importlib.import_module(".load", __name__)
        # Importing the submodule binds `lavrov_corpus.load` to the module: rebind the functions.
        globals().update(load=module.load, path=module.path, iter_records=module.iter_records)
        return globals()[name]
    raise AttributeError(f"module 'lavrov_corpus' has no attribute {name!r}")
