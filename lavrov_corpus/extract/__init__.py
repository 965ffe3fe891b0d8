"""Raw article bytes -> typed records: the converter.

    >>> from lavrov_corpus.extract import convert_bytes
    >>> result = convert_bytes(data, source_path="000.txt")   # Conversion or Rejection

Modules: :mod:`.decode` (bytes -> text), :mod:`.clean` and :mod:`.furniture` (headline, body
paragraphs, dateline; the normalization rules), :mod:`.sourcemap` (text offsets -> source
bytes), :mod:`.quotes` (quotation marks -> spans), :mod:`.attribution` and :mod:`.speakers`
(who said it), :mod:`.treaties` (treaty mentions), :mod:`.convert` (all of it, never raising).
"""

from __future__ import annotations

from .convert import Conversion, Rejection, convert_bytes, guess_language
from .speakers import reference_speakers

__all__ = ["Conversion", "Rejection", "convert_bytes", "guess_language", "reference_speakers"]
