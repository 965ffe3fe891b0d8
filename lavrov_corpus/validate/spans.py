"""Spans: every quote, treaty mention and title equals the article text it points into.

Mentions and titles are checked in each batch of articles. Quotes are checked batch by batch:
each quote finds its article's row with Arrow's ``index_in`` (a hash join on ``article_id``
against the kept article ids), and the article texts are loaded one Parquet row group at a time
by :class:`ArticleTexts` (quotes are written in article order, so each group is loaded about
once; in any other order the answers are the same, only more groups are loaded). The slices are
compared by :class:`._slices.SliceSource` without a Python loop over rows.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from .codes import Code
from .context import (
    ArrowArray,
    Context,
    clustered_runs,
    codes,
    compute,
    is_dictionary,
    spread,
    walk,
)
from .values import report_mask

#: Decoded text per piece of a row group read for the quote spans.
PIECE_BYTES = 4 << 20
MIN_PIECE_ROWS = 64

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

    from ._slices import SliceSource


def article_rows(ctx: Context, table: str) -> np.ndarray | None:
    """Row in the kept articles of each row of the shown batch of ``table`` (-1: no such
    article), or None; matched once per distinct ``article_id`` when it is dictionary-encoded,
    else once per run of equal ones when they come in runs."""
    import numpy as np
    import pyarrow as pa

    pc = compute()

    key = ("article_rows", table)
    if key in ctx.memo:
        found: np.ndarray | None = ctx.memo[key]
        return found
    ids = ctx.ref("articles", "article_id")
    refs = ctx.encoded(table, "article_id")
    found = None
    if ids is not None and refs is not None and is_dictionary(refs):
        idx = pc.index_in(refs.dictionary, value_set=ids).fill_null(-1)
        per_code = np.append(np.asarray(idx.to_numpy(zero_copy_only=False), np.int64), -1)
        found = per_code[codes(refs)]  # a null row has code -1: the appended -1
    elif ids is not None and refs is not None:
        starts = clustered_runs(refs)
        probe = refs if starts is None else refs.take(pa.array(starts))
        idx = pc.index_in(probe, value_set=ids).fill_null(-1)
        found = np.asarray(idx.to_numpy(zero_copy_only=False), dtype=np.int64)
        if starts is not None:
            found = spread(found, starts, len(refs))
    ctx.memo[key] = found
    return found


def article_index(ctx: Context, table: str) -> tuple[np.ndarray, np.ndarray] | None:
    """(rows of the shown batch of ``table`` whose article exists, row of that article) or None."""
    import numpy as np

    found = article_rows(ctx, table)
    if found is None:
        return None
    rows = np.flatnonzero(found >= 0)
    return rows, found[rows]


class ArticleTexts:
    """``articles.text`` by row of the whole table, read a piece of a row group at a time.

    Each Parquet row group is cut into pieces of about :data:`PIECE_BYTES` of text (a row group
    of 10,000 articles holds some 28 MB), read in order through one open batch reader, so only a
    piece's text and its slicing arrays are in memory. The last ``cache`` pieces read stay
    prepared for slicing (one is enough when quotes come in article order: a batch moves on to
    the next piece and never back; going back re-reads the row group up to that piece);
    ``loads`` counts piece reads.
    """

    def __init__(
        self,
        ctx: Context,
        cast_to: pa.DataType | None,
        cache: int = 1,
        piece_bytes: int | None = None,
    ):
        import numpy as np

        parquet = ctx.files.get("articles")
        assert parquet is not None
        meta = parquet.metadata
        column = parquet.schema_arrow.get_field_index("text")
        target = PIECE_BYTES if piece_bytes is None else piece_bytes
        starts: list[int] = []
        self._where: list[tuple[int, int]] = []  # piece -> (row group, index in the group)
        self._size: list[int] = []  # rows per piece within its row group
        first = 0
        for i in range(meta.num_row_groups):
            group = meta.row_group(i)
            rows = group.num_rows
            size = group.column(column).total_uncompressed_size if column >= 0 else 0
            per_piece = max(MIN_PIECE_ROWS, int(rows * target // max(size, 1)), 1)
            for k, at in enumerate(range(0, rows, per_piece)):
                starts.append(first + at)
                self._where.append((i, k))
                self._size.append(per_piece)
            first += rows
        self.starts = np.asarray([*starts, first], dtype=np.int64)
        self.ctx, self.cast_to, self.cache = ctx, cast_to, cache
        self.loads = 0
        self._prepared: OrderedDict[int, SliceSource] = OrderedDict()
        self._reader: Any = None  # (row group, next piece index, batch iterator)

    def group_of(self, rows: np.ndarray) -> np.ndarray:
        """Piece of each article row."""
        import numpy as np

        return np.asarray(np.searchsorted(self.starts, rows, side="right") - 1)

    def group(self, g: int) -> SliceSource:
        """The texts of piece ``g``, prepared for slicing."""
        from ._slices import SliceSource

        if g in self._prepared:
            self._prepared.move_to_end(g)
            return self._prepared[g]
        while len(self._prepared) >= self.cache:  # drop before reading: never two at once
            self._prepared.popitem(last=False)
        column = self._read(g)
        if self.cast_to is not None:
            column = column.cast(self.cast_to)
        self.loads += 1
        source = self._prepared[g] = SliceSource(column)
        return source

    def _read(self, g: int) -> Any:
        """Text column of piece ``g``, from the open reader when it is at that piece."""
        from .files import fresh_reader

        group, k = self._where[g]
        if self._reader is None or self._reader[0] != group or self._reader[1] > k:
            reader = fresh_reader(self.ctx, "articles")
            assert reader is not None
            batches = reader.iter_batches(
                batch_size=self._size[g], row_groups=[group], columns=["text"], use_threads=False
            )
            self._reader = [group, 0, batches]
        while True:
            batch = next(self._reader[2])
            self._reader[1] += 1
            if self._reader[1] > k:
                break
        want = int(self.starts[g + 1] - self.starts[g])
        if batch.num_rows != want:
            raise ValueError(
                f"articles row group {group}: a piece of {batch.num_rows} rows, {want} expected"
            )
        return batch.column(0)


def check_article_spans(ctx: Context) -> None:
    """Mention and title text against ``articles.text`` in the shown batch of articles."""
    out = ctx.collector
    if ctx.column("articles", "text") is None:
        return
    if out.wants(Code.MENTION_MISMATCH):
        _mentions(ctx)
    if out.wants(Code.TITLE_MISMATCH):
        _titles(ctx)


def _np(array: Any) -> np.ndarray:
    import numpy as np

    return np.asarray(array.to_numpy(zero_copy_only=False))


def check_quote_spans(ctx: Context, texts: ArticleTexts | None) -> None:
    """The shown batch of quotes against their articles: end and paragraph within the article,
    ``text == articles.text[start:end]`` (``texts`` None: the article text is unusable)."""
    import numpy as np
    import pyarrow as pa

    pc = compute()

    out = ctx.collector
    joined = article_index(ctx, "quotes")
    length_of = ctx.ref("articles", "_text_len")
    if (
        texts is None
        or joined is None
        or length_of is None
        or not ctx.has("quotes", "start", "end")
    ):
        return
    if not out.wants(Code.SPAN_MISMATCH, Code.RANGE):
        return
    rows, idx = joined
    start = ctx.column("quotes", "start")
    end = ctx.column("quotes", "end")
    assert start is not None and end is not None
    usable = pc.and_(start.is_valid(), end.is_valid()).take(pa.array(rows))
    keep = _np(usable)
    length = _np(length_of).astype(np.int64)[idx]
    keep &= length >= 0  # an article without text is reported as such, not its quotes
    rows, idx, length = rows[keep], idx[keep], length[keep]
    s = _np(start.take(pa.array(rows))).astype(np.int64)
    e = _np(end.take(pa.array(rows))).astype(np.int64)
    past = e > length
    out.add_rows(
        Code.RANGE,
        "quotes",
        rows[past],
        "end",
        lambda r: f"end {end[r].as_py()} is past the end of its article's text",
    )
    n_par = ctx.ref("articles", "_n_par")
    par = ctx.column("quotes", "paragraph")
    if n_par is not None and par is not None:
        counts = _np(n_par)[idx]
        p = _np(par.take(pa.array(rows)).fill_null(0))
        out.add_rows(
            Code.RANGE,
            "quotes",
            rows[p >= counts],
            "paragraph",
            "is not a paragraph index of its article",
        )
    quote_text = ctx.encoded("quotes", "text")
    if quote_text is None or not out.wants(Code.SPAN_MISMATCH):
        return
    ok = ~past & (e >= s) & (s >= 0)
    rows, idx, s, e = rows[ok], idx[ok], s[ok], e[ok]
    # rows are increasing: as many as the batch has means every row (no copy then)
    got = quote_text if len(rows) == len(quote_text) else quote_text.take(pa.array(rows))
    bad = np.zeros(len(rows), dtype=bool)
    groups = texts.group_of(idx)
    pieces = np.unique(groups)
    for g in pieces:  # one or two pieces per batch when quotes are in article order
        m = groups == g
        source = texts.group(int(g))
        want = got if len(pieces) == 1 else got.filter(pa.array(m))
        bad[m] = source.mismatch(idx[m] - texts.starts[g], s[m], e[m], want)
    bad &= _np(got.is_valid())
    out.add_rows(
        Code.SPAN_MISMATCH,
        "quotes",
        rows[bad],
        "text",
        lambda r: f"text differs from articles.text[{start[r]}:{end[r]}]",
    )


def _mentions(ctx: Context) -> None:
    import numpy as np

    from ._slices import slice_mismatch

    mentions = ctx.column("articles", "mentions")
    text = ctx.column("articles", "text")
    if mentions is None or text is None:
        return
    parts = {f: walk(mentions, [f]) for f in ("start", "end", "text")}
    rows = parts["text"][1]
    if not len(rows):
        return
    valid = np.ones(len(rows), dtype=bool)
    for values, _ in parts.values():
        valid &= _np(values.is_valid())
    s = _np(parts["start"][0].fill_null(0)).astype(np.int64)
    e = _np(parts["end"][0].fill_null(0)).astype(np.int64)
    bad = slice_mismatch(text, rows, s, e, parts["text"][0].fill_null("")) & valid
    report_mask(
        ctx,
        Code.MENTION_MISMATCH,
        "articles",
        "mentions.text",
        _arrow_bool(bad),
        parts["text"][0],
        rows,
        "differs from text[start:end]",
    )


def _titles(ctx: Context) -> None:
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from ._slices import slice_mismatch

    if not ctx.has("articles", "title", "title_start", "title_end", "origins"):
        return
    title = ctx.column("articles", "title")
    s_col, e_col = ctx.column("articles", "title_start"), ctx.column("articles", "title_end")
    text = ctx.column("articles", "text")
    assert title is not None and s_col is not None and e_col is not None and text is not None
    origins = ctx.column("articles", "origins")
    assert origins is not None
    if not isinstance(origins.type, pa.StructType) or origins.type.get_field_index("title") < 0:
        return
    # Only an extracted title must equal its span: a curated title never rewrites the text.
    title_origin = pc.struct_field(origins, "title")
    extracted = pc.fill_null(pc.equal(title_origin, pa.scalar("extracted")), False)
    valid = _np(title.is_valid()) & _np(s_col.is_valid()) & _np(e_col.is_valid()) & _np(extracted)
    rows = np.arange(len(title), dtype=np.int64)
    s = _np(s_col.fill_null(0)).astype(np.int64)
    e = _np(e_col.fill_null(0)).astype(np.int64)
    bad = slice_mismatch(text, rows, s, e, title.fill_null("")) & valid
    report_mask(
        ctx,
        Code.TITLE_MISMATCH,
        "articles",
        "title",
        _arrow_bool(bad),
        title,
        rows,
        "differs from text[title_start:title_end]",
    )


def _arrow_bool(mask: np.ndarray) -> ArrowArray:
    import pyarrow as pa

    return pa.array(mask, pa.bool_())
