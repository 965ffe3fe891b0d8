"""Build a dataset folder from a folder of raw articles: reproducible, atomic, validated.

    >>> from lavrov_corpus.build import build_dataset
    >>> result = build_dataset(Path("seeds"), Path("out"))
    >>> result.counts["quotes"]

Steps: :mod:`.discover` lists and classifies every input file; :mod:`.pipeline` converts the
articles in fixed-size chunks over ``jobs`` processes (:mod:`.convert`, optionally served from
:mod:`.cache`) and streams the five tables to Parquet; then the card (:mod:`.card`), the citation
(:mod:`.citation`), the Croissant and Data Package descriptors and finally the manifest
(:mod:`.manifest`) are written; the folder is validated; :mod:`.atomic` swaps it into place.
"""

from __future__ import annotations

import importlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, ValidationFailed
from ..layout import CARD, CITATION, CROISSANT, DATAPACKAGE
from ..models import Speaker
from .atomic import atomic_output
from .cache import code_fingerprint, default_cache_dir
from .card import render_card
from .citation import citation_cff
from .convert import Converter
from .discover import MAX_FILE_BYTES, discover
from .manifest import write_manifest
from .pipeline import RejectedInput, default_jobs, run

__all__ = [
    "MAX_FILE_BYTES",
    "BuildResult",
    "RejectedInput",
    "build_dataset",
    "default_cache_dir",
    "default_jobs",
]


@dataclass(frozen=True)
class BuildResult:
    """What a build did."""

    out_dir: Path
    counts: dict[str, int]  #: rows per table
    rejected: tuple[RejectedInput, ...]  #: inputs rejected or found duplicate, in path order
    inputs: int  #: input files found (= provenance rows)
    input_bytes: int  #: bytes of the article files read
    seconds: float
    jobs: int
    cached: bool

    @property
    def rejections(self) -> tuple[RejectedInput, ...]:
        """Only the inputs with status 'rejected' (not duplicates)."""
        return tuple(r for r in self.rejected if r.status == "rejected")


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """``module.name``, or None while that module is not part of the package yet."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and module.startswith(exc.name):
            return None
        raise
    return getattr(mod, name, None)


def _reference_speakers() -> tuple[Speaker, ...]:
    fn = _optional("lavrov_corpus.extract", "reference_speakers")
    return tuple(fn()) if fn is not None else ()


def _treaties() -> tuple[Any, ...]:
    fn = _optional("lavrov_corpus.reference", "treaties")
    return tuple(fn()) if fn is not None else ()


def _write_json(path: Path, doc: dict[str, Any]) -> None:
    text = json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")


def _check_folders(input_dir: Path, out_dir: Path) -> None:
    if not input_dir.is_dir():
        raise InputError(f"input folder {input_dir} does not exist or is not a folder")
    src, dst = os.path.realpath(input_dir), os.path.realpath(out_dir)
    if dst == src or dst.startswith(src + os.sep) or src.startswith(dst + os.sep):
        raise InputError(
            f"the output folder {out_dir} must not be inside the input {input_dir}"
            " (or the other way round)"
        )


def build_dataset(
    input_dir: Path,
    out_dir: Path,
    *,
    jobs: int | None = None,
    cache_dir: Path | None = None,
    progress: bool = False,
    validate: bool = True,
    converter: Converter | None = None,
) -> BuildResult:
    """Build the dataset of ``input_dir`` into ``out_dir``, replacing it atomically.

    ``jobs``: worker processes (default: every core); the output does not depend on it.
    ``cache_dir``: per-file conversion cache (None: no cache); the output does not depend on it.
    ``validate``: validate the new folder before it replaces ``out_dir``
    (:class:`ValidationFailed` if invalid). ``converter`` replaces the package converter
    (a picklable ``convert_bytes``-like function; for tests and experiments).
    """
    start = time.perf_counter()
    input_dir, out_dir = Path(input_dir), Path(out_dir)
    _check_folders(input_dir, out_dir)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise InputError("jobs must be at least 1")
    discovery = discover(input_dir)
    bar = _progress_bar(len(discovery.files)) if progress else None
    with atomic_output(out_dir) as tmp:
        try:
            result = run(
                discovery,
                tmp,
                jobs=jobs,
                cache_root=cache_dir,
                fingerprint=code_fingerprint() if cache_dir is not None else "",
                reference_speakers=_reference_speakers,
                treaties=_treaties,
                converter=converter,
                progress=bar.update if bar is not None else None,
            )
        finally:
            if bar is not None:
                bar.close()
        (tmp / CARD).write_text(
            render_card(tmp, result.counts, result.rejected), encoding="utf-8", newline="\n"
        )
        (tmp / CITATION).write_text(citation_cff(), encoding="utf-8", newline="\n")
        for module, name, filename in (
            ("lavrov_corpus.interop.croissant", "croissant_document", CROISSANT),
            ("lavrov_corpus.interop.datapackage", "datapackage_document", DATAPACKAGE),
        ):
            document = _optional(module, name)
            if document is not None:
                _write_json(tmp / filename, document(tmp))
        write_manifest(tmp, result.counts)
        if validate:
            _validate(tmp, out_dir, input_dir)
    return BuildResult(
        out_dir=out_dir,
        counts=result.counts,
        rejected=tuple(result.rejected),
        inputs=result.inputs,
        input_bytes=result.input_bytes,
        seconds=time.perf_counter() - start,
        jobs=jobs,
        cached=cache_dir is not None,
    )


def _validate(tmp: Path, out_dir: Path, input_dir: Path) -> None:
    validate_dataset = _optional("lavrov_corpus.validate", "validate_dataset")
    if validate_dataset is None:
        return
    # Rows were built as pydantic models already: the row-by-row model check is redundant here.
    report = validate_dataset(tmp, sources=input_dir, row_model=False)
    if not report.valid:
        raise ValidationFailed(
            f"the new dataset does not validate; {out_dir} was left unchanged\n"
            f"{report.render_text()}",
            report,
        )


def _progress_bar(total: int) -> Any:
    from tqdm import tqdm  # type: ignore[import-untyped]

    return tqdm(total=total, unit="file", desc="build", leave=False, dynamic_ncols=True)
