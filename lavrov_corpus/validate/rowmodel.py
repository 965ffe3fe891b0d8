"""Row-level validation with the pydantic models: the safety net behind the vectorized checks.

It catches any rule a model gains (a new validator) before a vectorized check mirrors it. It runs
row by row, so by default it covers tables up to :data:`ROW_MODEL_LIMIT` rows and is skipped (with
a note) above that unless asked for explicitly. Rows already reported by a vectorized check are
not reported again.
"""

from __future__ import annotations

from pydantic import ValidationError

from ..models import TABLES
from .codes import Code
from .context import Context

#: Tables with more rows than this are validated row by row only when asked to.
ROW_MODEL_LIMIT = 200_000
_BATCH = 10_000


def check_row_models(ctx: Context, force: bool | None) -> None:
    """Validate each row of each table whose schema is exact with its pydantic model."""
    out = ctx.collector
    if not out.wants(Code.ROW_MODEL) or force is False:
        return
    from .stream import read_batches

    for table, model in TABLES.items():
        rows = ctx.rows.get(table)
        if rows is None or ctx.files.get(table) is None or table not in ctx.exact_schema:
            continue
        if force is None and rows > ROW_MODEL_LIMIT:
            ctx.notes.append(
                f"row-model skipped for {table}: {rows:,} rows > {ROW_MODEL_LIMIT:,}"
                " (the vectorized checks still ran; pass row_model=True or --select row-model)"
            )
            continue
        seen = out.flagged.get(table, set())
        for offset, batch in read_batches(ctx, table):
            for start in range(0, batch.num_rows, _BATCH):
                for i, row in enumerate(batch.slice(start, _BATCH).to_pylist()):
                    index = offset + start + i
                    if index in seen:
                        continue
                    try:
                        model.model_validate(row)
                    except ValidationError as exc:
                        err = exc.errors()[0]
                        loc = ".".join(str(x) for x in err["loc"]) or None
                        more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
                        out.add(
                            Code.ROW_MODEL, f"{err['msg']}{more}", table=table, row=index, field=loc
                        )
