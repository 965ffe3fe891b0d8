"""Validate a built dataset folder: one :class:`Report` of everything it gets wrong.

    >>> from lavrov_corpus.validate import validate_dataset
    >>> report = validate_dataset(path)          # never raises for a broken dataset
    >>> report.valid, report.counts              # {'span-mismatch': 3, ...}

Checks run in families (files, schema, values and rules, keys, spans, accounting, sources,
metadata, row models), each reporting problems with a stable :class:`Code`; per-row checks are
vectorized over Arrow columns and run batch by batch (:mod:`.stream`), so memory stays flat
whatever the size of the tables.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from pathlib import Path

from ..models import TABLES
from .codes import Code, parse_codes
from .context import Context
from .report import Collector, Problem, Report

__all__ = ["Code", "Problem", "Report", "validate_dataset"]


def validate_dataset(
    root: Path,
    *,
    sources: Path | None = None,
    select: Collection[str] | None = None,
    ignore: Collection[str] | None = None,
    max_errors: int | None = None,
    row_model: bool | None = None,
) -> Report:
    """Check the dataset folder ``root`` and report every problem found.

    ``sources``: the raw input folder, to check provenance and byte ranges against the files.
    ``select``/``ignore``: error codes to check only / to skip (unknown codes: ``ValueError``).
    ``max_errors``: how many problems of each code to keep (counts stay exact).
    ``row_model``: pydantic row validation; None = for tables up to 200,000 rows or when
    ``row-model`` is selected explicitly; True/False = always/never.
    """
    from . import files, metadata, rowmodel, schema, stream

    chosen, skipped = parse_codes(select), parse_codes(ignore)
    if max_errors is not None and max_errors < 0:
        raise ValueError("max_errors must be >= 0")
    if row_model is None and Code.ROW_MODEL in chosen:
        row_model = True
    began = time.perf_counter()
    root = Path(root)
    collector = Collector(chosen or None, skipped, max_errors)
    ctx = Context(root=root, collector=collector, sources=sources)
    collector.record_id = ctx.record_id
    if not root.is_dir():
        collector.add(Code.DATASET_MISSING, f"{root} is not a folder", path=str(root))
    else:
        files.load_manifest(ctx)
        files.check_files(ctx)
        files.open_tables(ctx)
        schema.check_schema(ctx)
        # Row-model problems are reported only for rows no other check flags, even an ignored
        # one: so when row models will run, every row check runs to learn which rows it flags.
        collector.track_all = Code.ROW_MODEL in collector.active and (
            row_model is True
            or (row_model is None and any(n <= rowmodel.ROW_MODEL_LIMIT for n in ctx.rows.values()))
        )
        stream.check_tables(ctx)
        if sources is not None:
            if sources.is_dir():
                from .sources import check_sources

                check_sources(ctx, sources)
            else:
                collector.add(
                    Code.SOURCE_MISSING, f"sources folder {sources} not found", path=str(sources)
                )
        collector.track_all = False
        metadata.check_metadata(ctx)
        rowmodel.check_row_models(ctx, row_model)
    rows = {t: ctx.rows[t] for t in TABLES if t in ctx.rows}
    stats = {
        "rows": rows,
        "rows_checked": sum(rows.values()),
        "seconds": round(time.perf_counter() - began, 4),
        "checked_codes": sorted(c.value for c in collector.active),
    }
    return Report(
        root=str(root),
        problems=collector.problems,
        counts=collector.counts,
        stats=stats,
        notes=ctx.notes,
    )
