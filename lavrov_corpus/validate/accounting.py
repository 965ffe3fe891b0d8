"""Accounting: provenance lists every input once and every accepted input has its article.

Joins are Arrow hash joins (``index_in``) so the cost stays linear in the rows. They run over
the kept columns (ids, paths, hashes); quotes are compared with their article batch by batch.
"""

from __future__ import annotations

from pathlib import Path

from ..models import FileRole, ProvenanceStatus
from .codes import Code
from .context import Context, clustered_runs, compute, is_dictionary, spread
from .spans import article_rows


def check_accounting(ctx: Context) -> None:
    """Articles vs accepted provenance rows, both ways; sources against provenance paths."""
    import numpy as np
    import pyarrow as pa

    pc = compute()

    out = ctx.collector
    if ctx.has("provenance", "status", "role", "article_id"):
        status = ctx.column("provenance", "status")
        role = ctx.column("provenance", "role")
        ref = ctx.column("provenance", "article_id")
        assert status is not None and role is not None and ref is not None
        accepted = np.asarray(
            pc.fill_null(
                pc.and_(
                    pc.equal(status, ProvenanceStatus.ACCEPTED.value),
                    pc.equal(role, FileRole.ARTICLE.value),
                ),
                False,
            ).to_numpy(zero_copy_only=False)
        )
        ids = ctx.column("articles", "article_id")
        if ids is not None:
            found = pc.is_in(ref, value_set=ids).to_numpy(zero_copy_only=False)
            lost = np.flatnonzero(accepted & ~np.asarray(found, dtype=bool))
            out.add_rows(
                Code.ACCEPTED_WITHOUT_ARTICLE,
                "provenance",
                lost,
                "article_id",
                "accepted, but its article is not in the articles table",
            )
            acc_ids = ref.filter(pa.array(accepted))
            counts = pc.value_counts(acc_ids.drop_null())
            have = pc.is_in(ids, value_set=counts.field("values"))
            orphan = np.flatnonzero(~np.asarray(have.to_numpy(zero_copy_only=False), dtype=bool))
            out.add_rows(
                Code.PROVENANCE_COUNT,
                "articles",
                orphan,
                "article_id",
                "no accepted provenance row produced this article",
            )
            acc_rows = np.flatnonzero(accepted)
            codes = pc.dictionary_encode(acc_ids.fill_null("")).indices.to_numpy(
                zero_copy_only=False
            )
            _, first = np.unique(codes, return_index=True)
            again = np.setdiff1d(np.arange(len(codes)), first)
            out.add_rows(
                Code.PROVENANCE_COUNT,
                "provenance",
                acc_rows[again],
                "article_id",
                "a second accepted input claims the same article",
            )
        if out.wants(Code.PROVENANCE_MISMATCH):
            _article_sources(ctx, accepted)
    if ctx.sources is not None and out.wants(Code.PROVENANCE_COUNT):
        _unlisted_sources(ctx, ctx.sources)


def _article_sources(ctx: Context, accepted: object) -> None:
    """Each article's source_path/source_sha256 equal those of its accepted provenance row."""
    import numpy as np
    import pyarrow as pa

    pc = compute()

    if not ctx.has("articles", "article_id", "source_path", "source_sha256"):
        return
    if not ctx.has("provenance", "path", "sha256"):
        return
    ref = ctx.column("provenance", "article_id")
    assert ref is not None
    mask = pa.array(np.asarray(accepted, dtype=bool))
    prov_ids = ref.filter(mask)
    ids = ctx.column("articles", "article_id")
    idx = pc.index_in(ids, value_set=prov_ids)
    rows = np.flatnonzero(np.asarray(idx.is_valid().to_numpy(zero_copy_only=False)))
    take = idx.drop_null()
    for a_col, p_col in (("source_path", "path"), ("source_sha256", "sha256")):
        mine = ctx.column("articles", a_col).take(pa.array(rows))  # type: ignore[union-attr]
        theirs = ctx.column("provenance", p_col).filter(mask).take(take)  # type: ignore[union-attr]
        differ = pc.fill_null(pc.not_equal(mine, theirs), True)
        bad = rows[np.asarray(differ.to_numpy(zero_copy_only=False), dtype=bool)]
        ctx.collector.add_rows(
            Code.PROVENANCE_MISMATCH,
            "articles",
            bad,
            a_col,
            f"differs from provenance.{p_col} of the accepted input",
        )


def check_quote_sources(ctx: Context) -> None:
    """Each quote of the shown batch has its article's source_sha256 (compared once per run of
    quotes with the same article and source_sha256)."""
    import numpy as np
    import pyarrow as pa

    pc = compute()

    if not ctx.collector.wants(Code.PROVENANCE_MISMATCH):
        return
    found = article_rows(ctx, "quotes")
    mine = ctx.encoded("quotes", "source_sha256")
    theirs = ctx.ref("articles", "source_sha256")
    aid = ctx.encoded("quotes", "article_id")
    if found is None or mine is None or theirs is None or aid is None:
        return
    starts = clustered_runs(aid, mine)
    probe = np.arange(len(found)) if starts is None else starts
    rows = probe[found[probe] >= 0]
    picked = mine.take(pa.array(rows))
    if is_dictionary(picked):
        picked = picked.dictionary_decode()
    differ = pc.not_equal(picked, theirs.take(pa.array(found[rows])))
    bad_probe = np.zeros(len(probe), dtype=bool)
    bad_probe[found[probe] >= 0] = np.asarray(
        pc.fill_null(differ, False).to_numpy(zero_copy_only=False), bool
    )
    bad = bad_probe if starts is None else spread(bad_probe, starts, len(found))
    ctx.collector.add_rows(
        Code.PROVENANCE_MISMATCH,
        "quotes",
        np.flatnonzero(bad),
        "source_sha256",
        "differs from its article's source_sha256",
    )


def _unlisted_sources(ctx: Context, sources: Path) -> None:
    import numpy as np
    import pyarrow as pa

    pc = compute()

    listed = ctx.column("provenance", "path")
    if listed is None or not sources.is_dir():
        return
    names = [rel for rel in ctx.source_index() if not rel.startswith(".") and "/." not in rel]
    found = pc.is_in(pa.array(names, pa.string()), value_set=listed.drop_null())
    for i in np.flatnonzero(~np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)):
        ctx.collector.add(
            Code.PROVENANCE_COUNT,
            "input file has no provenance row",
            table="provenance",
            field="path",
            path=names[i],
        )
