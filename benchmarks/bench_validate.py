"""Benchmark of ``validate``: vectorized per-row checks vs pydantic row by row vs frictionless.

    python benchmarks/bench_validate.py [--quotes 1000000] [--sample 50000] [--fl-sample 100000]

Builds a synthetic but valid dataset with Arrow (not pydantic) in a temporary folder: articles of
ASCII and non-ASCII text, each with 100 quotes that are exact slices of it. Then times:

1. our per-row checks (values, rules, keys, spans, accounting), streamed batch by batch from
   the Parquet files (reading and decoding included), wall and CPU time;
2. the whole ``validate_dataset`` (reading, hashing, schema, metadata too; row models off), and
   its peak resident memory, in a fresh process (``ru_maxrss``);
3. pydantic ``Quote.model_validate`` row by row on a sample, extrapolated (it checks less: no
   keys, no spans against the article text);
4. ``frictionless validate`` (subprocess) on a sample of the quotes as CSV with a Table Schema
   carrying the same field constraints (required, enum, pattern, minimum, primary key),
   extrapolated.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from lavrov_corpus import CONVERTER_VERSION, __version__
from lavrov_corpus.layout import (
    CARD,
    CITATION,
    DEFAULT_TABLE,
    MANIFEST,
    PARQUET_OPTIONS,
    table_file,
    table_path,
)
from lavrov_corpus.models import TABLES, Quote
from lavrov_corpus.models.manifest import FileEntry, Manifest, fingerprint
from lavrov_corpus.schema import arrow_schema

PHRASES = [
    "The New START treaty is the last pillar of strategic stability",
    "We are not going to beg",
    "a waste of time",
    "Мы готовы к диалогу",
    "could have been saved",
    "The Americans buried the ABM Treaty alive",
    "Nous sommes prêts",
    "strategic stability",
]
PER_ARTICLE = 100
PRE, POST = "Lavrov said “", "” today. "


def build(root: Path, n_quotes: int) -> dict[str, pa.Table]:
    """Write a valid synthetic dataset with ``n_quotes`` quotes; return its tables."""
    n_articles = max(1, n_quotes // PER_ARTICLE)
    n_quotes = n_articles * PER_ARTICLE
    rng = np.random.default_rng(0)
    phrase = rng.integers(0, len(PHRASES), n_quotes)
    lens = np.array([len(p) for p in PHRASES])[phrase]
    unit = lens + len(PRE) + len(POST)
    art = np.repeat(np.arange(n_articles), PER_ARTICLE)
    titles = [f"Headline number {i}" for i in range(n_articles)]
    body_start = np.array([len(t) + 2 for t in titles])
    cum = np.cumsum(unit.reshape(n_articles, PER_ARTICLE), axis=1) - unit.reshape(
        n_articles, PER_ARTICLE
    )
    start = (body_start[:, None] + cum + len(PRE)).reshape(-1)
    end = start + lens
    pieces = [PRE + p + POST for p in PHRASES]
    per = phrase.reshape(n_articles, PER_ARTICLE)
    texts = [titles[i] + "\n\n" + "".join(pieces[k] for k in per[i]) for i in range(n_articles)]
    text_len = np.array([len(t) for t in texts])
    shas = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(n_articles)]
    aids = ["a" + s[:16] for s in shas]
    n_in = np.tile(np.arange(1, PER_ARTICLE + 1), n_articles)
    quote_ids = [f"{aids[a]}-q{k:03d}" for a, k in zip(art.tolist(), n_in.tolist(), strict=True)]
    q_text = pa.array(PHRASES).take(pa.array(phrase))
    empty_lists = pa.array([[]] * n_quotes, pa.list_(pa.string()))
    quotes = pa.table(
        {
            "quote_id": pa.array(quote_ids),
            "article_id": pa.array(aids).take(pa.array(art)),
            "text": q_text,
            "start": start,
            "end": end,
            "speaker": pa.repeat("Sergey Lavrov", n_quotes).cast(pa.string()),
            "speaker_id": pa.repeat("sergey-lavrov", n_quotes).cast(pa.string()),
            "speaker_mention": pa.repeat("Lavrov", n_quotes).cast(pa.string()),
            "attribution": pa.repeat("name", n_quotes).cast(pa.string()),
            "cue": pa.repeat("said", n_quotes).cast(pa.string()),
            "is_partial": np.zeros(n_quotes, bool),
            "in_headline": np.zeros(n_quotes, bool),
            "is_scare": np.zeros(n_quotes, bool),
            "is_closed": np.ones(n_quotes, bool),
            "paragraph": np.ones(n_quotes, np.int64),
            "treaty_ids": empty_lists,
            "method": pa.repeat("extracted", n_quotes).cast(pa.string()),
            "source_sha256": pa.array(shas).take(pa.array(art)),
            "source_byte_start": start,
            "source_byte_end": end + 8,
        },
        schema=arrow_schema("quotes"),
    )
    none_s = pa.nulls(n_articles, pa.string())
    seg = [
        [{"text_start": 0, "text_end": int(n), "byte_start": 0, "byte_end": int(n) * 2}]
        for n in text_len
    ]
    articles = pa.table(
        {
            "article_id": aids,
            "title": titles,
            "title_start": np.zeros(n_articles, np.int64),
            "title_end": np.array([len(t) for t in titles]),
            "standfirst": none_s,
            "outlet": pa.repeat("TASS", n_articles).cast(pa.string()),
            "url": none_s,
            "published": pa.nulls(n_articles, pa.date32()),
            "published_precision": none_s,
            "dateline": none_s,
            "dateline_place": none_s,
            "language": none_s,
            "text": texts,
            "body_start": body_start,
            "paragraphs": [
                [{"start": 0, "end": int(b) - 2}, {"start": int(b), "end": int(n)}]
                for b, n in zip(body_start, text_len, strict=True)
            ],
            "treaty_ids": [[]] * n_articles,
            "mentions": [[]] * n_articles,
            "rights": pa.repeat("© publisher", n_articles).cast(pa.string()),
            "notes": none_s,
            "origins": [{"title": "extracted"}] * n_articles,
            "method": pa.repeat("extracted", n_articles).cast(pa.string()),
            "source_path": [f"in/{i}.txt" for i in range(n_articles)],
            "source_sha256": shas,
            "source_encoding": pa.repeat("utf-8", n_articles).cast(pa.string()),
            "source_byte_start": np.zeros(n_articles, np.int64),
            "source_byte_end": text_len * 2,
            "source_map": seg,
        },
        schema=arrow_schema("articles"),
    )
    speakers = pa.table(
        {
            "speaker_id": ["sergey-lavrov"],
            "name": ["Sergey Lavrov"],
            "variants": [[]],
            "roles": [["minister"]],
            "wikidata_id": [None],
            "method": ["curated"],
        },
        schema=arrow_schema("speakers"),
    )
    treaties = pa.Table.from_pylist([], schema=arrow_schema("treaties"))
    provenance = pa.table(
        {
            "path": [f"in/{i}.txt" for i in range(n_articles)],
            "role": ["article"] * n_articles,
            "sha256": shas,
            "size": text_len * 2,
            "encoding": ["utf-8"] * n_articles,
            "encoding_confidence": [1.0] * n_articles,
            "status": ["accepted"] * n_articles,
            "reason": none_s,
            "detail": none_s,
            "article_id": aids,
            "sidecar_path": none_s,
            "converter_version": [CONVERTER_VERSION] * n_articles,
        },
        schema=arrow_schema("provenance"),
    )
    tables = {
        "articles": articles,
        "quotes": quotes,
        "speakers": speakers,
        "treaties": treaties,
        "provenance": provenance,
    }
    for name, table in tables.items():
        table_path(root, name).parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, table_path(root, name), row_group_size=100_000, **PARQUET_OPTIONS)  # type: ignore[arg-type]
    configs = "".join(
        f"- config_name: {t}\n  data_files:\n  - split: train\n    path: {table_file(t)}\n"
        + ("  default: true\n" if t == DEFAULT_TABLE else "")
        for t in TABLES
    )
    (root / CARD).write_text(f"---\nconfigs:\n{configs}---\n\nVersion {__version__}\n")
    (root / CITATION).write_text(
        f"cff-version: 1.2.0\nmessage: m\ntitle: t\nauthors: []\nversion: '{__version__}'\n"
    )
    entries = [
        FileEntry(
            path=p.relative_to(root).as_posix(),
            size=p.stat().st_size,
            sha256=hashlib.sha256(p.read_bytes()).hexdigest(),
        )
        for p in sorted(root.rglob("*"))
        if p.is_file()
    ]
    manifest = Manifest(
        name="bench",
        dataset_version=__version__,
        converter_version=CONVERTER_VERSION,
        row_counts={t: tables[t].num_rows for t in TABLES},
        files=entries,
        fingerprint=fingerprint(entries),
    )
    (root / MANIFEST).write_text(manifest.model_dump_json())
    return tables


def time_checks(root: Path, runs: int = 5) -> dict[str, float]:
    """Seconds (wall and CPU) of the per-row checks, best of ``runs``.

    Validation streams: each table is read batch by batch and every per-row check (values,
    rules, keys, spans, accounting) runs on each batch, so reading and decoding the Parquet
    batches is inside this time (it was not when tables were read whole first).
    """
    from lavrov_corpus.validate import files, schema, stream
    from lavrov_corpus.validate.context import Context
    from lavrov_corpus.validate.report import Collector

    best: dict[str, float] = {}
    for _ in range(runs):
        ctx = Context(root=root, collector=Collector())
        ctx.collector.record_id = ctx.record_id
        files.open_tables(ctx)
        schema.check_schema(ctx)
        wall, cpu = time.perf_counter(), time.process_time()
        stream.check_tables(ctx)
        best["wall"] = min(best.get("wall", 1e9), time.perf_counter() - wall)
        best["cpu"] = min(best.get("cpu", 1e9), time.process_time() - cpu)
        assert not ctx.collector.counts, ctx.collector.counts
    best["total"] = best["wall"]
    return best


PEAK = (
    "import resource, sys, time\n"
    "from pathlib import Path\n"
    "from lavrov_corpus.validate import validate_dataset\n"
    "t = time.perf_counter()\n"
    "report = validate_dataset(Path(sys.argv[1]), row_model=False)\n"
    "seconds = time.perf_counter() - t\n"
    "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
    "try:  # ru_maxrss keeps the size of the parent it was forked from; VmHWM does not\n"
    "    with open('/proc/self/status') as f:\n"
    "        peak = next((int(x.split()[1]) / 1024 for x in f if x.startswith('VmHWM')), peak)\n"
    "except OSError:\n"
    "    pass\n"
    "print(report.valid, round(seconds, 3), round(peak, 1))\n"
)


def peak_memory(root: Path) -> tuple[bool, float, float]:
    """(valid, seconds, peak RSS in MB) of ``validate_dataset`` in a fresh Python process."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK, str(root)], capture_output=True, text=True, check=True
    ).stdout.split()
    return out[0] == "True", float(out[1]), float(out[2])


def time_pydantic(quotes: pa.Table, sample: int) -> float:
    """Seconds per row of ``Quote.model_validate`` (incl. to_pylist) on a sample."""
    part = quotes.slice(0, sample)
    t = time.perf_counter()
    for row in part.to_pylist():
        Quote.model_validate(row)
    return (time.perf_counter() - t) / part.num_rows


def time_frictionless(quotes: pa.Table, sample: int, work: Path) -> tuple[float, str]:
    """Seconds per row of ``frictionless validate`` on a CSV sample with a Table Schema."""
    part = quotes.slice(0, sample).drop_columns(["treaty_ids"])  # CSV has no lists
    csv = work / "quotes.csv"
    pacsv.write_csv(part, csv)
    fields: list[dict[str, Any]] = []
    for f in part.schema:
        kind = {"int64": "integer", "bool": "boolean"}.get(str(f.type), "string")
        spec: dict[str, Any] = {"name": f.name, "type": kind, "constraints": {}}
        if not f.nullable:
            spec["constraints"]["required"] = True
        info = Quote.model_fields[f.name]
        for m in info.metadata:
            if getattr(m, "pattern", None):
                spec["constraints"]["pattern"] = m.pattern
            if getattr(m, "ge", None) is not None:
                spec["constraints"]["minimum"] = m.ge
        if f.name in ("attribution", "method"):
            spec["constraints"]["enum"] = sorted(set(part.column(f.name).to_pylist()))
        if kind == "boolean":
            spec["trueValues"], spec["falseValues"] = ["true"], ["false"]
        fields.append(spec)
    schema = work / "schema.json"
    schema.write_text(json.dumps({"fields": fields, "primaryKey": ["quote_id"]}))
    exe = shutil.which("frictionless") or str(Path(sys.executable).with_name("frictionless"))
    t = time.perf_counter()
    # relative paths: frictionless refuses absolute ones as "not safe"
    proc = subprocess.run(
        [exe, "validate", csv.name, "--schema", schema.name, "--json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=work,
    )
    seconds = time.perf_counter() - t
    try:
        result = json.loads(proc.stdout)
        errors = [e for task in result.get("tasks", []) for e in task.get("errors", [])]
        valid = f"{result.get('valid')}, {len(errors)} errors"
        if errors:
            valid += f": {errors[0].get('message', '')[:120]}"
    except ValueError:
        valid = f"unparsed output (exit {proc.returncode})"
    return seconds / part.num_rows, valid


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=50_000, help="pydantic sample rows")
    parser.add_argument("--fl-sample", type=int, default=100_000, help="frictionless rows")
    args = parser.parse_args()
    from lavrov_corpus.validate import validate_dataset

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "dataset"
        t = time.perf_counter()
        tables = build(root, args.quotes)
        n = tables["quotes"].num_rows
        print(
            f"built {n:,} quotes / {tables['articles'].num_rows:,} articles "
            f"in {time.perf_counter() - t:.1f}s"
        )
        checks = time_checks(root)
        print(
            f"our per-row checks, streamed (read + decode + check, best of 5): "
            f"wall {checks['wall']:.3f}s, CPU {checks['cpu']:.3f}s"
        )
        print(
            f"  -> {n / checks['wall']:,.0f} quote rows/s wall, {n / checks['cpu']:,.0f} "
            "quote rows/s CPU (all tables' rows checked too)"
        )
        t = time.perf_counter()
        report = validate_dataset(root, row_model=False)
        whole = time.perf_counter() - t
        print(
            f"whole validate_dataset (read+hash+schema+checks+metadata, no row models): "
            f"{whole:.2f}s -> {n / whole:,.0f} quote rows/s; valid={report.valid}"
        )
        valid, seconds, peak = peak_memory(root)
        print(
            f"peak RSS of validate_dataset in a fresh process (imports included): "
            f"{peak:.0f} MB ({seconds:.2f}s, valid={valid})"
        )
        per_row = time_pydantic(tables["quotes"], args.sample)
        print(
            f"pydantic Quote.model_validate row by row: {1 / per_row:,.0f} rows/s on "
            f"{args.sample:,} rows; extrapolated to {n:,}: {per_row * n:.1f}s"
        )
        fl_row, fl_valid = time_frictionless(tables["quotes"], args.fl_sample, Path(tmp))
        print(
            f"frictionless validate (CSV + Table Schema, subprocess): {1 / fl_row:,.0f} "
            f"rows/s on {args.fl_sample:,} rows (valid={fl_valid}); extrapolated to {n:,}: "
            f"{fl_row * n:.1f}s"
        )


if __name__ == "__main__":
    main()
