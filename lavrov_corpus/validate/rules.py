"""Row rules beyond single fields: span order, offsets inside the text, fields that must agree.

Span pairs and text offsets are found from the models (``<x>start``/``<x>end`` field pairs; integer
fields documented as code-point offsets into the text). The remaining rules vectorize the models'
``model_validator`` s; pydantic row validation (``row-model``) stays as the safety net for any rule
added to a model and not yet here.
"""

from __future__ import annotations

from typing import Any

from ..models import FileRole, ProvenanceStatus
from .codes import Code
from .context import Context, compute, per_value, walk
from .values import FieldSpec, field_specs, report_mask, values_at

#: Columns that must be all null or all set in one row (mirrors the models' validators).
NULL_TOGETHER: dict[str, list[tuple[str, ...]]] = {
    "articles": [("title_start", "title_end"), ("published", "published_precision")],
    "quotes": [("speaker", "speaker_id")],
}


def span_pairs(table: str) -> list[tuple[FieldSpec, FieldSpec]]:
    """``(start, end)`` field pairs of ``table``'s model and its nested structs."""
    specs = {s.path: s for s in field_specs(table) if s.base is int}
    pairs = []
    for path, spec in specs.items():
        if path[-1].endswith("start"):
            end = (*path[:-1], path[-1][: -len("start")] + "end")
            if end in specs:
                pairs.append((spec, specs[end]))
    return pairs


def is_text_offset(spec: FieldSpec) -> bool:
    """An integer field documented as a code-point offset into the article text."""
    d = spec.description
    return (
        spec.base is int
        and "byte" not in d
        and ("code points" in d or "in `text`" in d or "in `articles.text`" in d)
    )


def check_rules(ctx: Context, table: str) -> None:
    """Span order, offsets within the article text, and the models' cross-field rules, on the
    shown batch of ``table``."""
    out = ctx.collector
    if table not in ctx.tables:
        return
    if out.wants(Code.SPAN_ORDER):
        _span_order(ctx, table)
    if out.wants(Code.CONSISTENCY):
        _null_together(ctx, table)
        _sorted_lists(ctx, table)
    if out.wants(Code.RANGE) and table == "articles":
        _article_offsets(ctx)
    if out.wants(Code.CONSISTENCY):
        if table == "quotes":
            _quote_ids(ctx)
        if table == "provenance":
            _provenance_status(ctx)


def _span_order(ctx: Context, table: str) -> None:
    pc = compute()

    for start, end in span_pairs(table):
        a, b = values_at(ctx, table, start), values_at(ctx, table, end)
        if a is None or b is None:
            continue
        bad = pc.less(b[0], a[0])
        report_mask(
            ctx,
            Code.SPAN_ORDER,
            table,
            end.name,
            bad,
            b[0],
            b[1],
            f"< {start.path[-1]}: ends before it starts",
        )


def _null_together(ctx: Context, table: str) -> None:
    pc = compute()

    for group in NULL_TOGETHER.get(table, []):
        if not ctx.has(table, *group):
            continue
        nulls = [pc.is_null(ctx.encoded(table, c)) for c in group]
        for name, isnull in zip(group[1:], nulls[1:], strict=True):
            bad = pc.not_equal(isnull, nulls[0])
            col = ctx.encoded(table, name)
            assert col is not None
            import numpy as np

            rows = np.arange(len(col))
            report_mask(
                ctx,
                Code.CONSISTENCY,
                table,
                name,
                bad,
                col,
                rows,
                f"must be null exactly when {group[0]} is null",
            )


def _sorted_lists(ctx: Context, table: str) -> None:
    """List columns documented as sorted must be strictly increasing (sorted, each once)."""
    import numpy as np

    pc = compute()

    for spec in field_specs(table):
        if spec.base is list or "sorted" not in spec.description or len(spec.path) != 1:
            continue
        got = values_at(ctx, table, spec)
        if got is None or len(got[0]) < 2:
            continue
        values, rows = got
        same = rows[1:] == rows[:-1]
        not_increasing = pc.less_equal(values.slice(1), values.slice(0, len(values) - 1))
        bad = np.asarray(pc.fill_null(not_increasing, False).to_numpy(zero_copy_only=False)) & same
        bad_rows = np.unique(rows[1:][bad])
        ctx.collector.add_rows(
            Code.CONSISTENCY, table, bad_rows, spec.name, "must be sorted with each value once"
        )


def _article_offsets(ctx: Context) -> None:
    pc = compute()

    if ctx.encoded("articles", "text") is None:
        return
    length = ctx.text_length("articles", "text")
    for spec in field_specs("articles"):
        if not is_text_offset(spec):
            continue
        got = values_at(ctx, "articles", spec)
        if got is None:
            continue
        values, rows = got
        bad = pc.greater(values, length.take(rows))
        report_mask(
            ctx, Code.RANGE, "articles", spec.name, bad, values, rows, "is past the end of text"
        )


def _quote_ids(ctx: Context) -> None:
    import numpy as np

    pc = compute()

    if not ctx.has("quotes", "quote_id", "article_id"):
        return
    qid, aid = ctx.column("quotes", "quote_id"), ctx.encoded("quotes", "article_id")
    assert qid is not None and aid is not None
    n = ctx.text_length("quotes", "article_id")
    # quote_id must start with article_id + "-"; ids have a fixed length once their format holds
    width = pc.max(n).as_py() or 0
    prefix = pc.utf8_slice_codeunits(qid, 0, width + 1)
    joined = per_value(aid, lambda v: pc.binary_join_element_wise(v, "-", ""))
    bad = pc.and_(pc.equal(n, width), pc.not_equal(prefix, joined))
    report_mask(
        ctx,
        Code.CONSISTENCY,
        "quotes",
        "quote_id",
        bad,
        qid,
        np.arange(len(qid)),
        "does not start with its article_id + '-'",
    )


def _provenance_status(ctx: Context) -> None:
    import numpy as np

    pc = compute()

    if not ctx.has("provenance", "status", "reason", "role", "article_id"):
        return
    col: dict[str, Any] = {
        c: ctx.column("provenance", c) for c in ("status", "reason", "role", "article_id")
    }
    rows = np.arange(len(col["status"]))
    accepted = pc.equal(col["status"], ProvenanceStatus.ACCEPTED.value)
    bad = pc.not_equal(accepted, pc.is_null(col["reason"]))
    report_mask(
        ctx,
        Code.CONSISTENCY,
        "provenance",
        "reason",
        bad,
        col["reason"],
        rows,
        "must be null exactly when status is 'accepted'",
    )
    expects = pc.and_(
        pc.equal(col["role"], FileRole.ARTICLE.value),
        pc.not_equal(col["status"], ProvenanceStatus.REJECTED.value),
    )
    bad = pc.not_equal(expects, pc.is_valid(col["article_id"]))
    report_mask(
        ctx,
        Code.CONSISTENCY,
        "provenance",
        "article_id",
        bad,
        col["article_id"],
        rows,
        "must be set exactly for accepted or duplicate article files",
    )


__all__ = ["check_rules", "is_text_offset", "span_pairs", "walk"]
