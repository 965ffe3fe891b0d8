"""Interoperability proven by the real tools: mlcroissant, frictionless, datasets, DuckDB, Polars,
cffconvert, on a small dataset folder built from model instances (see test_interop_dataset.py)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from test_interop_dataset import build_small_dataset

from lavrov_corpus import __version__, schema
from lavrov_corpus.interop import croissant_document, datapackage_document
from lavrov_corpus.layout import CROISSANT, DATAPACKAGE, MANIFEST, table_file, table_path
from lavrov_corpus.models import FOREIGN_KEYS, PRIMARY_KEYS, TABLES, Record
from lavrov_corpus.models.manifest import FileEntry, Manifest, fingerprint

BIN = Path(sys.executable).parent
#: rdflib (under mlcroissant) warns about its own deprecated class; not ours to fix.
RDFLIB_DEPRECATION = pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning"
)
#: mlcroissant calls pandas' deprecated ``reset_index(inplace=True)``; not ours to fix either.
PANDAS_DEPRECATION = pytest.mark.filterwarnings(
    "ignore:The inplace keyword:pandas.errors.Pandas4Warning"
)
REPO = Path(__file__).resolve().parent.parent


def _write_json(path: Path, doc: dict[str, Any]) -> None:
    # Exactly how the builder writes the descriptors.
    path.write_text(
        json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def _card(root: Path) -> str:
    configs = "".join(
        f"- config_name: {t}\n  data_files:\n  - split: train\n    path: {table_file(t)}\n"
        for t in TABLES
    )
    return f"---\nconfigs:\n{configs}---\n# test dataset\n"


def _finish(root: Path, records: dict[str, list[Record]]) -> None:
    (root / "README.md").write_text(_card(root), encoding="utf-8")
    _write_json(root / CROISSANT, croissant_document(root))
    _write_json(root / DATAPACKAGE, datapackage_document(root))
    files = sorted(
        (
            FileEntry(
                path=p.relative_to(root).as_posix(),
                size=p.stat().st_size,
                sha256=hashlib.sha256(p.read_bytes()).hexdigest(),
            )
            for p in root.rglob("*")
            if p.is_file() and p.name != MANIFEST
        ),
        key=lambda f: f.path,
    )
    manifest = Manifest(
        name="lavrov-corpus",
        dataset_version=__version__,
        converter_version=__version__,
        row_counts={t: len(records[t]) for t in TABLES},
        files=files,
        fingerprint=fingerprint(files),
    )
    (root / MANIFEST).write_text(manifest.model_dump_json(indent=2), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[Record]]]:
    root = tmp_path_factory.mktemp("interop") / "dataset"
    records = build_small_dataset(root)
    _finish(root, records)
    return root, records


@pytest.fixture
def corrupted_copy(built: tuple[Path, Any], tmp_path: Path) -> Path:
    copy = tmp_path / "copy"
    shutil.copytree(built[0], copy)
    return copy


def _leaf_names(model: type[Record]) -> set[str]:
    return set(model.model_fields)


# ---- derived from the models ---------------------------------------------------------------


def test_descriptors_are_deterministic(built: tuple[Path, Any]) -> None:
    root, _ = built
    assert croissant_document(root) == croissant_document(root)
    assert datapackage_document(root) == datapackage_document(root)
    text = (root / CROISSANT).read_text(encoding="utf-8")
    assert json.loads(text) == croissant_document(root)


def test_croissant_fields_follow_the_models(built: tuple[Path, Any]) -> None:
    root, _ = built
    doc = croissant_document(root)
    assert doc["conformsTo"] == "http://mlcommons.org/croissant/1.1"
    assert doc["version"] == __version__
    sets = {rs["@id"]: rs for rs in doc["recordSet"]}
    files = {f["@id"]: f for f in doc["distribution"]}
    for table, model in TABLES.items():
        rs = sets[table]
        assert [f["name"] for f in rs["field"]] == list(model.model_fields)
        assert rs["key"] == {"@id": f"{table}/{PRIMARY_KEYS[table]}"}
        path = table_path(root, table)
        fobj = files[f"{table}-parquet"]
        assert fobj["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert fobj["contentUrl"] == str(table_file(table))
        arrow = schema.arrow_schema(table)
        for field in rs["field"]:
            arrow_type = arrow.field(field["name"]).type
            assert field.get("isArray", False) == (
                arrow_type.num_fields == 1 and str(arrow_type).startswith("list")
            )
            if "subField" in field:
                inner = arrow_type.value_type if field.get("isArray") else arrow_type
                assert [s["name"] for s in field["subField"]] == [
                    inner.field(i).name for i in range(inner.num_fields)
                ]
    refs = {
        (rs["@id"], f["name"]): f["references"]["field"]["@id"]
        for rs in doc["recordSet"]
        for f in rs["field"]
        if "references" in f
    }
    scalar_fks = {
        k: f"{t}/{c}"
        for k, (t, c) in FOREIGN_KEYS.items()
        if "." not in k[1]
        and not str(schema.arrow_schema(k[0]).field(k[1]).type).startswith("list")
    }
    assert refs == scalar_fks


def test_datapackage_fields_follow_the_models(built: tuple[Path, Any]) -> None:
    root, _ = built
    doc = datapackage_document(root)
    assert doc["version"] == __version__
    resources = {r["name"]: r for r in doc["resources"]}
    assert list(resources) == list(TABLES)
    for table, model in TABLES.items():
        res = resources[table]
        assert res["path"] == str(table_file(table))
        assert (
            res["hash"]
            == "sha256:" + hashlib.sha256(table_path(root, table).read_bytes()).hexdigest()
        )
        assert res["bytes"] == table_path(root, table).stat().st_size
        fields = res["schema"]["fields"]
        assert [f["name"] for f in fields] == list(model.model_fields)
        arrow = schema.arrow_schema(table)
        for f in fields:
            # "required" agrees with the non-null flags of the Arrow schema.
            required = f.get("constraints", {}).get("required", False)
            assert required == (not arrow.field(f["name"]).nullable), (table, f["name"])
        assert res["schema"]["primaryKey"] == [PRIMARY_KEYS[table]]


# ---- mlcroissant -----------------------------------------------------------------------------


def _mlcroissant(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "mlcroissant"), *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.mark.interop
def test_mlcroissant_validate_passes(built: tuple[Path, Any]) -> None:
    root, _ = built
    run = _mlcroissant("validate", "--jsonld", CROISSANT, cwd=root)
    assert run.returncode == 0, run.stderr


@pytest.mark.interop
def test_mlcroissant_validate_fails_on_a_broken_reference(corrupted_copy: Path) -> None:
    doc = json.loads((corrupted_copy / CROISSANT).read_text(encoding="utf-8"))
    quotes = next(rs for rs in doc["recordSet"] if rs["@id"] == "quotes")
    field = next(f for f in quotes["field"] if f["name"] == "article_id")
    field["references"] = {"field": {"@id": "articles/no_such_column"}}
    _write_json(corrupted_copy / CROISSANT, doc)
    run = _mlcroissant("validate", "--jsonld", CROISSANT, cwd=corrupted_copy)
    assert run.returncode != 0


@pytest.mark.interop
@RDFLIB_DEPRECATION
@PANDAS_DEPRECATION
def test_mlcroissant_reads_every_record_set(built: tuple[Path, Any]) -> None:
    import mlcroissant as mlc

    root, records = built
    dataset = mlc.Dataset(str(root / CROISSANT))
    # Each record set is iterated once: mlcroissant 1.1.1 yields nothing on a second pass over
    # a record set with a join (``references``).
    read = {table: list(dataset.records(table)) for table in records}
    for table, rows in records.items():
        got = read[table]
        assert len(got) == len(rows), table
        key = PRIMARY_KEYS[table]
        got_keys = sorted(r[f"{table}/{key}"].decode() for r in got)
        assert got_keys == sorted(getattr(r, key) for r in rows)
    quotes = {r["quotes/quote_id"].decode(): r for r in read["quotes"]}
    for q in records["quotes"]:
        assert quotes[q.quote_id]["quotes/text"].decode() == q.text  # type: ignore[attr-defined]
    article = read["articles"][0]
    assert isinstance(article["articles/mentions"], list)
    assert {"articles/mentions/treaty_id", "articles/mentions/start"} <= set(
        article["articles/mentions"][0]
    )


@pytest.mark.interop
@RDFLIB_DEPRECATION
@PANDAS_DEPRECATION
def test_mlcroissant_load_fails_on_changed_bytes(corrupted_copy: Path) -> None:
    import mlcroissant as mlc

    path = table_path(corrupted_copy, "speakers")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    dataset = mlc.Dataset(str(corrupted_copy / CROISSANT))
    with pytest.raises(Exception) as raised:
        list(dataset.records("speakers"))
    chain = []
    error: BaseException | None = raised.value
    while error is not None:
        chain.append(str(error))
        error = error.__cause__ or error.__context__
    assert any("Hash of downloaded file" in message for message in chain), chain


# ---- frictionless ----------------------------------------------------------------------------


@pytest.mark.interop
def test_frictionless_finds_the_package_valid(built: tuple[Path, Any]) -> None:
    from lavrov_corpus.interop import validate_datapackage

    assert validate_datapackage(built[0]) == []


@pytest.mark.interop
def test_frictionless_reports_changed_bytes_and_broken_keys(corrupted_copy: Path) -> None:
    import pyarrow as pa

    from lavrov_corpus.interop import validate_datapackage
    from lavrov_corpus.parquet_io import read_arrow

    path = table_path(corrupted_copy, "quotes")
    table = read_arrow(path)
    rows = table.to_pylist()
    rows[0]["article_id"] = "a0000000000000000"  # no such article
    rows[1]["quote_id"] = "not-an-id"
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), path)
    errors = validate_datapackage(corrupted_copy)
    types = Counter(e["type"] for e in errors if e["resource"] == "quotes")
    assert types["hash-count"] == 1
    assert types["foreign-key"] == 1
    assert types["constraint-error"] == 1
    assert all(e["resource"] == "quotes" for e in errors)


# ---- datasets, DuckDB, Polars ----------------------------------------------------------------


def test_hf_load_dataset_every_table(built: tuple[Path, Any], tmp_path: Path) -> None:
    import datasets

    root, _ = built
    manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    for table in TABLES:
        ds = datasets.load_dataset(str(root), table, split="train", cache_dir=str(tmp_path))
        assert ds.num_rows == manifest["row_counts"][table]
        assert ds.features == schema.features(table), table


def test_polars_and_duckdb_read_the_parquet_files(built: tuple[Path, Any]) -> None:
    import duckdb
    import polars as pl

    root, records = built
    for table in TABLES:
        path = table_path(root, table)
        assert pl.read_parquet(path).height == len(records[table])
        count = duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()[0]
        assert count == (len(records[table]),)


def test_duckdb_quotes_per_speaker_treaty_year(built: tuple[Path, Any]) -> None:
    import duckdb

    root, records = built
    q, a, t = (table_path(root, x) for x in ("quotes", "articles", "treaties"))
    got = duckdb.sql(
        f"""
        SELECT q.speaker_id, tr.short_name, year(a.published) AS year, count(*) AS n
        FROM (SELECT speaker_id, article_id, unnest(treaty_ids) AS treaty_id
              FROM read_parquet('{q}')) q
        JOIN read_parquet('{a}') a USING (article_id)
        JOIN read_parquet('{t}') tr USING (treaty_id)
        WHERE q.speaker_id IS NOT NULL AND a.published IS NOT NULL
        GROUP BY ALL ORDER BY ALL
        """
    ).fetchall()
    # The same question answered from the records, independently of any SQL.
    published = {x.article_id: x.published for x in records["articles"]}  # type: ignore[attr-defined]
    names = {x.treaty_id: x.short_name for x in records["treaties"]}  # type: ignore[attr-defined]
    expected: Counter[tuple[str, str, int]] = Counter()
    for quote in records["quotes"]:
        date = published[quote.article_id]  # type: ignore[attr-defined]
        if quote.speaker_id is None or date is None:  # type: ignore[attr-defined]
            continue
        for treaty in quote.treaty_ids:  # type: ignore[attr-defined]
            expected[(quote.speaker_id, names[treaty], date.year)] += 1  # type: ignore[attr-defined]
    assert got == sorted((*k, n) for k, n in expected.items())
    assert len(got) >= 3


# ---- citation --------------------------------------------------------------------------------


def _cffconvert(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "cffconvert"), "--validate", "--infile", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_top_level_citation_is_valid_cff() -> None:
    run = _cffconvert(REPO / "CITATION.cff")
    assert run.returncode == 0, run.stdout + run.stderr


def test_cffconvert_rejects_an_invalid_citation(tmp_path: Path) -> None:
    bad = tmp_path / "CITATION.cff"
    bad.write_text("cff-version: 1.2.0\ntitle: x\n", encoding="utf-8")  # no message, no authors
    assert _cffconvert(bad).returncode != 0


# ---- the real build of seeds/ ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from lavrov_corpus.build import build_dataset

    try:
        from lavrov_corpus.extract import convert_bytes  # noqa: F401
    except ImportError:
        pytest.skip("the converter (lavrov_corpus.extract.convert_bytes) is not in the package yet")
    out = tmp_path_factory.mktemp("seeds-build") / "dataset"
    build_dataset(REPO / "seeds", out, jobs=1, validate=False)
    return out


@pytest.mark.slow
@pytest.mark.interop
@RDFLIB_DEPRECATION
@PANDAS_DEPRECATION
def test_seeds_build_passes_every_tool(seeds_build: Path, tmp_path: Path) -> None:
    import datasets
    import mlcroissant as mlc

    from lavrov_corpus.interop import validate_datapackage

    assert json.loads((seeds_build / CROISSANT).read_text("utf-8")) == croissant_document(
        seeds_build
    )
    assert json.loads((seeds_build / DATAPACKAGE).read_text("utf-8")) == datapackage_document(
        seeds_build
    )
    run = _mlcroissant("validate", "--jsonld", CROISSANT, cwd=seeds_build)
    assert run.returncode == 0, run.stderr
    manifest = json.loads((seeds_build / MANIFEST).read_text(encoding="utf-8"))
    dataset = mlc.Dataset(str(seeds_build / CROISSANT))
    for table in TABLES:
        assert len(list(dataset.records(table))) == manifest["row_counts"][table], table
        ds = datasets.load_dataset(str(seeds_build), table, split="train", cache_dir=str(tmp_path))
        assert ds.num_rows == manifest["row_counts"][table]
        assert ds.features == schema.features(table)
    assert validate_datapackage(seeds_build) == []
    citation = _cffconvert(seeds_build / "CITATION.cff")
    assert citation.returncode == 0, citation.stdout + citation.stderr


def test_built_dataset_citation_is_valid_cff(tmp_path: Path) -> None:
    from lavrov_corpus.build.citation import citation_cff

    path = tmp_path / "CITATION.cff"
    path.write_text(citation_cff(), encoding="utf-8")
    run = _cffconvert(path)
    assert run.returncode == 0, run.stdout + run.stderr
