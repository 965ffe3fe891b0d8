"""Read each table batch by batch and run every per-row check on each batch, in flat memory.

Tables are read in an order that puts every referenced table before the tables that refer to
it (speakers, treaties, articles, quotes, provenance). Each batch is decoded one ahead in a
second thread, validated (offsets, UTF-8), cast where the schema check allowed a cast, shown to
the checks (values, rules, foreign keys, spans) and dropped; repeated strings are read
dictionary-encoded. Only short columns stay: a 64-bit hash of every primary key, the keys
themselves where other checks read them (:func:`keeps_key`), and what the cross-table checks
need (:data:`KEEP`, plus each article's text length and paragraph count); the duplicate-key and
accounting checks then run over those. A page that cannot be read halfway through a table makes
the table unreadable: what its earlier batches reported is withdrawn, as if it never opened.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from ..models import FOREIGN_KEYS, PRIMARY_KEYS
from .context import Context, compute, release_memory

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .spans import ArticleTexts

T = TypeVar("T")

#: Referenced tables before the tables that refer to them.
ORDER = ("speakers", "treaties", "articles", "quotes", "provenance")
#: Columns kept whole (besides the primary key) for checks across tables.
KEEP: dict[str, tuple[str, ...]] = {
    "articles": ("source_path", "source_sha256"),
    "provenance": ("sha256", "size", "status", "role", "article_id"),
}
#: Target size of one batch (uncompressed, estimated from the row groups) and its row limits.
BATCH_BYTES = 8 << 20
MAX_BATCH_ROWS = 131_072
MIN_BATCH_ROWS = 64
#: A string column whose first rows hold at most this share of distinct values is read
#: dictionary-encoded (ids repeated down a column, enumerations): checks then look at each
#: distinct value once, and no string is built per row unless a check asks for it.
DICTIONARY_SHARE = 0.25


def _plan(
    parquet: pq.ParquetFile, columns: list[str] | None, batch_bytes: int | None
) -> tuple[int, pa.RecordBatch | None]:
    """(rows per batch, the first rows decoded) for reading ``columns`` of ``parquet``.

    The footer's sizes are of encoded pages (dictionary-encoded ids look tiny), so the first
    rows are decoded to measure a row, and the larger estimate wins.
    """
    meta = parquet.metadata
    if not meta.num_rows:
        return MAX_BATCH_ROWS, None
    size = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
    per_row = max(1.0, size / meta.num_rows)
    first = parquet.iter_batches(
        batch_size=min(512, meta.num_rows), row_groups=[0], columns=columns
    )
    probe = next(first, None)
    if probe is not None and probe.num_rows:
        per_row = max(per_row, probe.nbytes / probe.num_rows)
    target = BATCH_BYTES if batch_bytes is None else batch_bytes
    return int(min(MAX_BATCH_ROWS, max(MIN_BATCH_ROWS, target // per_row))), probe


def _repeated(
    probe: pa.RecordBatch | None, names: list[str], usable: dict[str, pa.DataType | None]
) -> list[str]:
    """String columns among ``names`` (used as stored) with few distinct values in ``probe``."""
    import pyarrow as pa

    pc = compute()

    if probe is None or not probe.num_rows:
        return []
    found = []
    for name in names:
        i = probe.schema.get_field_index(name)
        if i < 0 or usable.get(name) is not None:
            continue
        column = probe.column(i)
        if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
            continue
        if len(pc.unique(column)) <= DICTIONARY_SHARE * probe.num_rows:
            found.append(name)
    return found


def read_batches(
    ctx: Context,
    table: str,
    columns: list[str] | None = None,
    *,
    check: bool = False,
    batch_bytes: int | None = None,
    dictionaries: bool = False,
) -> Iterator[tuple[int, pa.Table]]:
    """(first row, batch) of ``table``'s usable ``columns`` (default all), cast as allowed.

    ``check``: validate each batch in full (bad offsets, invalid UTF-8 of a garbled page). A
    value that does not cast makes its column unusable from there on. ``batch_bytes``: decoded
    size of a batch (default :data:`BATCH_BYTES`; less for checks that turn rows into Python).
    ``dictionaries``: read repeated strings dictionary-encoded (see :data:`DICTIONARY_SHARE`).
    """
    import pyarrow as pa

    from .files import fresh_reader

    parquet = fresh_reader(ctx, table) if ctx.usable.get(table) is not None else None
    usable = ctx.usable.get(table)
    if parquet is None or usable is None:
        return
    wanted = [c for c in (columns or list(usable)) if c in usable]
    offset = 0
    read = None if check else wanted  # a full check reads every column, unusable ones too
    size, probe = _plan(parquet, read, batch_bytes)
    encoded = _repeated(probe, wanted, usable) if dictionaries else []
    if encoded:
        parquet = fresh_reader(ctx, table, encoded)
        assert parquet is not None
    del probe
    parts: list[pa.Table] = []  # dictionary reads stop at each row group: joined up to ``size``
    waiting = 0
    for batch in _ahead(_decoded(parquet, size, read, check)):
        arrays: dict[str, Any] = {}
        for name in wanted:
            if name not in usable:
                continue
            column = batch.column(batch.schema.get_field_index(name))
            cast_to = usable[name]
            if cast_to is not None:
                try:
                    column = column.cast(cast_to, safe=True)
                except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
                    del usable[name]
                    continue
            arrays[name] = column
        parts.append(pa.table(arrays))
        waiting += batch.num_rows
        if waiting >= size:
            yield offset, _joined(parts, usable)
            offset += waiting
            parts, waiting = [], 0
    if parts:
        yield offset, _joined(parts, usable)


def _decoded(
    parquet: pq.ParquetFile, size: int, columns: list[str] | None, check: bool
) -> Iterator[pa.RecordBatch]:
    """The record batches of ``parquet``, each validated in full when ``check``."""
    for batch in parquet.iter_batches(batch_size=size, columns=columns):
        if check:
            batch.validate(full=True)
        yield batch


def _ahead(items: Iterator[T]) -> Iterator[T]:
    """The items of ``items``, each next one made in a second thread while the caller works on
    this one (Parquet decoding releases the GIL: reading overlaps the checks on two cores). An
    exception comes out where its item would have."""
    from concurrent.futures import ThreadPoolExecutor

    done = object()
    with ThreadPoolExecutor(1, thread_name_prefix="validate-read") as pool:
        future = pool.submit(next, items, done)
        while True:
            item = future.result()
            if item is done:
                return
            future = pool.submit(next, items, done)
            yield item  # type: ignore[misc]  # not ``done``: that returned above


def _joined(parts: list[pa.Table], usable: dict[str, Any]) -> pa.Table:
    """One table of ``parts`` (dictionaries unified), with the columns still usable."""
    import pyarrow as pa

    if len(parts) == 1:
        return parts[0]
    names = [n for n in parts[0].column_names if n in usable]
    return pa.concat_tables([p.select(names) for p in parts]).combine_chunks()


def check_tables(ctx: Context) -> None:
    """Every per-row and cross-table check over every readable table, batch by batch."""
    from . import accounting, keys
    from .spans import ArticleTexts

    texts: ArticleTexts | None = None
    for table in ORDER:
        if (
            table == "quotes"
            and "articles" in ctx.kept
            and "text" in ctx.usable.get("articles", {})
        ):
            texts = ArticleTexts(ctx, ctx.usable["articles"]["text"])
        _table_pass(ctx, table, texts)
        if table == "quotes":
            texts = None
            release_memory()
    ctx.show(dict(ctx.kept))
    keys.check_duplicates(ctx)
    release_memory()
    accounting.check_accounting(ctx)
    ctx.show({})
    release_memory()


def _table_pass(ctx: Context, table: str, texts: ArticleTexts | None) -> None:

    from .files import unreadable

    if ctx.files.get(table) is None or table not in ctx.usable:
        return
    state = ctx.collector.checkpoint(table)
    kept: dict[str, list[Any]] = {}
    batches = read_batches(ctx, table, check=True, dictionaries=True)
    while True:
        try:
            offset, batch = next(batches)
        except StopIteration:
            break
        except Exception as exc:  # anything a garbled page raises: the table is unreadable
            ctx.show({})
            ctx.collector.rollback(table, state)
            unreadable(ctx, table, exc)
            return
        ctx.show({table: batch}, {table: offset})
        _keep(ctx, table, offset, batch, kept)
        _check_batch(ctx, table, texts)
        ctx.show({})
        del batch
        release_memory(heap=False)  # the pool would keep freed batches: RSS grew with each
    ctx.show({})
    ctx.kept[table] = _kept_table(ctx, table, kept)
    key = PRIMARY_KEYS[table]
    ctx.forget_ids(table)
    if key in ctx.kept[table].column_names:  # record ids from the one kept copy from now on
        ctx.keep_id(table, 0, ctx.kept[table].column(key).chunk(0))
    elif key in ctx.usable.get(table, {}):
        ctx.read_ids_later(table, key)
    if key in ctx.usable.get(table, {}):
        hashes, valid = kept.pop("_hash", []), kept.pop("_valid", [])
        ctx.key_hashes[table] = (_concat(hashes, "uint64"), _concat(valid, "bool"))
    release_memory()  # hand freed batches back to the system


def _concat(parts: list[np.ndarray], dtype: str) -> np.ndarray:
    import numpy as np

    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def keeps_key(table: str) -> bool:
    """True when other checks read ``table``'s primary keys whole (it is a foreign key's target,
    or has columns in :data:`KEEP`); other tables keep only their keys' hashes."""
    return table in KEEP or any(ref == table for ref, _ in FOREIGN_KEYS.values())


def _check_batch(ctx: Context, table: str, texts: ArticleTexts | None) -> None:
    from . import accounting, keys, rules, spans, values
    from .codes import Code

    values.check_values(ctx, table)
    rules.check_rules(ctx, table)
    keys.check_foreign(ctx, table)
    if table == "articles":
        spans.check_article_spans(ctx)
    elif table == "quotes":
        if ctx.collector.wants(Code.SPAN_MISMATCH, Code.RANGE):
            spans.check_quote_spans(ctx, texts)
        accounting.check_quote_sources(ctx)


def _keep(
    ctx: Context, table: str, offset: int, batch: pa.Table, kept: dict[str, list[Any]]
) -> None:
    """Append this batch's kept columns and key hashes to ``kept``; remember its ids for record
    ids in reports (of this batch only, when the table's keys are not kept)."""
    import numpy as np
    import pyarrow as pa

    pc = compute()

    from .hashing import hash_strings

    key = PRIMARY_KEYS[table]
    for name in ((key,) if keeps_key(table) else ()) + KEEP.get(table, ()):
        column = ctx.column(table, name)
        if column is not None:
            kept.setdefault(name, []).append(column)
    ids = ctx.column(table, key)
    if ids is not None:
        if not keeps_key(table):
            ctx.forget_ids(table)
        ctx.keep_id(table, offset, ids)
        kept.setdefault("_hash", []).append(hash_strings(ids))
        kept.setdefault("_valid", []).append(
            np.asarray(ids.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
        )
    if table == "articles":
        if "text" in batch.column_names:
            length = ctx.text_length("articles", "text").fill_null(-1).cast(pa.int64())
            kept.setdefault("_text_len", []).append(length)
        if "paragraphs" in batch.column_names:
            count = pc.list_value_length(ctx.column("articles", "paragraphs")).fill_null(0)
            kept.setdefault("_n_par", []).append(count.cast(pa.int64()))


def _kept_table(ctx: Context, table: str, kept: dict[str, list[Any]]) -> pa.Table:
    import pyarrow as pa

    parquet = ctx.files[table]
    assert parquet is not None
    schema = parquet.schema_arrow
    usable = ctx.usable.get(table, {})
    arrays: dict[str, Any] = {}
    key = (PRIMARY_KEYS[table],) if keeps_key(table) else ()
    names = [n for n in (*key, *KEEP.get(table, ())) if n in usable]
    for name in names:
        typ: Any = usable[name] or schema.field(name).type
        arrays[name] = _one_chunk(kept.get(name, []), typ)
    if table == "articles":
        for name, needs in (("_text_len", "text"), ("_n_par", "paragraphs")):
            if needs in usable:
                arrays[name] = _one_chunk(kept.get(name, []), pa.int64())
    return pa.table(arrays)


def _one_chunk(chunks: list[Any], typ: Any) -> Any:
    """The chunks as one Array (copied once, so the batches they came from can go)."""
    import pyarrow as pa

    return pa.concat_arrays(chunks) if chunks else pa.array([], typ)
