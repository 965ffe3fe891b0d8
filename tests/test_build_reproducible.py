"""Same input, same bytes: across builds, job counts and cache use; incremental rebuilds."""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
import yaml
from conftest import SEEDS, file_hashes, make_corpus, needs_converter
from fake_converter import convert_bytes as fake

import lavrov_corpus
from lavrov_corpus.build import build_dataset
from lavrov_corpus.build.card import yaml_features
from lavrov_corpus.build.convert import CHUNK_FILES, Task, convert_chunk
from lavrov_corpus.models import TABLES
from lavrov_corpus.models.manifest import Manifest, fingerprint
from lavrov_corpus.parquet_io import TableWriter, read_arrow
from lavrov_corpus.schema import features, features_dict

CALLS: list[str] = []


def counting(data: bytes, **kwargs: Any) -> Any:
    """The fake converter, recording each call (in-process builds only)."""
    CALLS.append(kwargs["source_path"])
    return fake(data, **kwargs)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough files for three chunks of work, with one duplicate and one rejection."""
    folder = make_corpus(tmp_path_factory.mktemp("corpus") / "in", 2 * CHUNK_FILES + 10)
    shutil.copy(folder / "00003_003_d427e11da7ccd8f5.txt", folder / "dup.txt")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_jobs_and_cache_never_change_the_bytes(corpus: Path, tmp_path: Path) -> None:
    reference = tmp_path / "j1"
    build_dataset(corpus, reference, jobs=1, converter=fake)
    expected = file_hashes(reference)
    cache = tmp_path / "cache"
    for name, jobs, cache_dir in (("j2", 2, None), ("cold", 2, cache), ("warm", 1, cache)):
        build_dataset(corpus, tmp_path / name, jobs=jobs, cache_dir=cache_dir, converter=fake)
        assert file_hashes(tmp_path / name) == expected, name
    assert any(cache.rglob("*.pack"))


def test_incremental_build_converts_only_the_new_file(corpus: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(corpus, src)
    cache = tmp_path / "cache"
    CALLS.clear()
    build_dataset(src, tmp_path / "out", jobs=1, cache_dir=cache, converter=counting)
    first = len(CALLS)
    assert first == sum(1 for _ in src.glob("*.txt"))
    CALLS.clear()
    build_dataset(src, tmp_path / "out", jobs=1, cache_dir=cache, converter=counting)
    assert CALLS == []
    (src / "zz_new.txt").write_text("A new article\n\n“New words,” Lavrov said.\n")
    build_dataset(src, tmp_path / "out", jobs=1, cache_dir=cache, converter=counting)
    assert CALLS == ["zz_new.txt"]
    build_dataset(src, tmp_path / "full", jobs=1, converter=fake)
    assert file_hashes(tmp_path / "out") == file_hashes(tmp_path / "full")


def test_cached_and_new_rows_mix_in_one_chunk(corpus: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(corpus, src)
    cache = tmp_path / "cache"
    build_dataset(src, tmp_path / "out", jobs=1, cache_dir=cache, converter=fake)
    # A file in front shifts every chunk of work by one: chunks then take their rows from two
    # packs each, and from the new conversions.
    (src / "00000_aa_new.txt").write_text("A new article\n\n“New words,” Lavrov said.\n")
    changed = sorted(src.glob("*.txt"))[70]
    changed.write_bytes(changed.read_bytes() + b"\nOne more line.\n")
    CALLS.clear()
    build_dataset(src, tmp_path / "out1", jobs=1, cache_dir=cache, converter=counting)
    assert sorted(CALLS) == sorted(["00000_aa_new.txt", changed.name])
    build_dataset(src, tmp_path / "out", jobs=2, cache_dir=cache, converter=fake)  # all cached
    build_dataset(src, tmp_path / "full", jobs=1, converter=fake)
    assert file_hashes(tmp_path / "out") == file_hashes(tmp_path / "full")
    assert file_hashes(tmp_path / "out1") == file_hashes(tmp_path / "full")


def test_a_foreign_pack_is_refused(corpus: Path, tmp_path: Path) -> None:
    """A pack whose checksums hold but whose rows are not its files' is never trusted."""
    from lavrov_corpus.build import cache as cache_mod

    cache = tmp_path / "cache"
    build_dataset(corpus, tmp_path / "a", jobs=1, cache_dir=cache, converter=fake)
    for path in cache.rglob("*.pack"):
        packed = cache_mod.ConversionCache(cache, "")
        with path.open("rb") as fh:
            keys = cache_mod._read_header(fh)["keys"]  # type: ignore[index]
        pack = cache_mod._load(path)
        assert pack is not None
        entries = [pack.entries[k] for k in keys]
        for e in entries:  # every entry claims another file's bytes
            e.sha256 = "0" * 64
        packed.folder = path.parent
        path.unlink()
        packed.put(keys, entries, pack.articles, pack.quotes)
    CALLS.clear()
    build_dataset(corpus, tmp_path / "b", jobs=1, cache_dir=cache, converter=counting)
    assert len(CALLS) == sum(1 for _ in corpus.glob("*.txt"))
    assert file_hashes(tmp_path / "a") == file_hashes(tmp_path / "b")


def test_a_damaged_cache_entry_is_recomputed(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build_dataset(corpus, tmp_path / "a", jobs=1, cache_dir=cache, converter=fake)
    packs = sorted(cache.rglob("*.pack"), key=lambda p: -p.stat().st_size)
    assert len(packs) == 3  # one per chunk of work; the two largest hold 64 files each
    damaged = bytearray(packs[0].read_bytes())
    damaged[-100] ^= 1  # in the rows: the body checksum fails
    packs[0].write_bytes(bytes(damaged))
    packs[1].write_bytes(packs[1].read_bytes()[:-10])  # cut short
    folder = packs[2].parent
    (folder / ".tmp-x.part").write_bytes(b"LCPACK2")  # an interrupted write
    (folder / "junk.pack").write_bytes(b"not a pack at all")
    header = b'{"no": "keys"}'  # a well-formed header of the wrong shape
    foreign = b"LCPACK2\n" + len(header).to_bytes(4, "little") + header
    (folder / "foreign.pack").write_bytes(foreign + hashlib.sha256(header).digest())
    CALLS.clear()
    build_dataset(corpus, tmp_path / "b", jobs=1, cache_dir=cache, converter=counting)
    assert len(CALLS) == 2 * CHUNK_FILES  # the files of the two broken packs, no more
    assert file_hashes(tmp_path / "a") == file_hashes(tmp_path / "b")
    CALLS.clear()  # the broken packs stay, but their keys are found in the new ones
    build_dataset(corpus, tmp_path / "c", jobs=1, cache_dir=cache, converter=counting)
    assert CALLS == []
    assert file_hashes(tmp_path / "a") == file_hashes(tmp_path / "c")


@needs_converter
def test_seeds_build_twice_gives_identical_files(seeds_dataset: Path, tmp_path: Path) -> None:
    build_dataset(SEEDS, tmp_path / "again", jobs=2, cache_dir=tmp_path / "cache")
    assert file_hashes(tmp_path / "again") == file_hashes(seeds_dataset)


@needs_converter
def test_real_converter_output_does_not_depend_on_jobs(corpus: Path, tmp_path: Path) -> None:
    build_dataset(corpus, tmp_path / "j1", jobs=1)
    build_dataset(corpus, tmp_path / "j2", jobs=2, cache_dir=tmp_path / "c")
    build_dataset(corpus, tmp_path / "j2c", jobs=2, cache_dir=tmp_path / "c")
    assert file_hashes(tmp_path / "j1") == file_hashes(tmp_path / "j2")
    assert file_hashes(tmp_path / "j1") == file_hashes(tmp_path / "j2c")


@pytest.fixture(scope="module")
def built(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built") / "dataset"
    build_dataset(corpus, out, jobs=1, converter=fake)
    return out


def test_manifest_lists_every_file_and_true_counts(built: Path, corpus: Path) -> None:
    manifest = Manifest.model_validate_json((built / "manifest.json").read_text())
    hashes = file_hashes(built)
    del hashes["manifest.json"]
    assert {f.path: f.sha256 for f in manifest.files} == hashes
    assert [f.path for f in manifest.files] == sorted(hashes)
    assert manifest.fingerprint == fingerprint(manifest.files)
    for table in TABLES:
        rows = read_arrow(built / "data" / table / f"{table}.parquet").num_rows
        assert manifest.row_counts[table] == rows, table
    assert manifest.row_counts["provenance"] == sum(1 for _ in corpus.iterdir())


def _front_matter(card: Path) -> dict[str, Any]:
    text = card.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    data = yaml.safe_load(text.split("---\n", 2)[1])
    assert isinstance(data, dict)
    return data


def test_one_version_in_package_card_manifest_citation(built: Path) -> None:
    version = lavrov_corpus.__version__
    manifest = json.loads((built / "manifest.json").read_text())
    citation = yaml.safe_load((built / "CITATION.cff").read_text())
    card = (built / "README.md").read_text()
    assert manifest["dataset_version"] == str(citation["version"]) == version
    assert f"Dataset version **{version}**" in card
    assert f"### [{version}]" in card  # the release notes of this version are in the card


def test_card_front_matter_is_what_the_hub_and_datasets_expect(built: Path) -> None:
    meta = _front_matter(built / "README.md")
    assert meta["license"] == "other" and meta["license_name"]
    configs = {c["config_name"]: c for c in meta["configs"]}
    assert list(configs) == list(TABLES)
    assert [c for c in configs if configs[c].get("default")] == ["quotes"]
    assert configs["quotes"]["data_files"] == [
        {"split": "train", "path": "data/quotes/quotes.parquet"}
    ]
    manifest = json.loads((built / "manifest.json").read_text())
    for info in meta["dataset_info"]:
        table = info["config_name"]
        assert info["features"] == features(table)._to_yaml_list()
        assert info["features"] == yaml_features(features_dict(table))
        assert info["splits"][0]["num_examples"] == manifest["row_counts"][table]
    from datasets import DatasetInfo

    for info in meta["dataset_info"]:  # datasets can read each entry back
        assert DatasetInfo._from_yaml_dict(dict(info)).features == features(info["config_name"])


def test_citation_is_valid_cff(built: Path) -> None:
    cffconvert = Path(sys.executable).parent / "cffconvert"
    result = subprocess.run(
        [str(cffconvert), "--validate", "-i", str(built / "CITATION.cff")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_arrow_rows_validate_back_to_the_same_records(corpus: Path) -> None:
    from lavrov_corpus.models import Article, Quote
    from lavrov_corpus.parquet_io import records_to_arrow

    results = [fake(p.read_bytes(), source_path=p.name) for p in sorted(corpus.glob("*.txt"))]
    articles = [r.article for r in results if hasattr(r, "article")]
    quotes = [q for r in results if hasattr(r, "quotes") for q in r.quotes]
    assert articles and quotes
    rows = records_to_arrow("articles", articles).to_pylist()
    assert [Article.model_validate(row) for row in rows] == articles
    rows = records_to_arrow("quotes", quotes).to_pylist()
    assert [Quote.model_validate(row) for row in rows] == quotes


def test_records_go_to_arrow_as_their_dumps_would(built: Path, corpus: Path) -> None:
    """The dump-free conversion gives the very table (values, types, chunks) of the dumps."""
    from lavrov_corpus.models import Provenance
    from lavrov_corpus.parquet_io import dumps_to_arrow, records_to_arrow
    from lavrov_corpus.reference import treaties

    results = [fake(p.read_bytes(), source_path=p.name) for p in sorted(corpus.glob("*.txt"))]
    provenance = read_arrow(built / "data" / "provenance" / "provenance.parquet").to_pylist()
    records: dict[str, list[Any]] = {
        "articles": [r.article for r in results if hasattr(r, "article")],
        "quotes": [q for r in results if hasattr(r, "quotes") for q in r.quotes],
        "speakers": [s for r in results if hasattr(r, "speakers") for s in r.speakers],
        "treaties": list(treaties()),
        "provenance": [Provenance.model_validate(row) for row in provenance],
    }
    for table in TABLES:
        assert records[table], table
        for rows in (records[table], records[table][:1], []):
            fast = records_to_arrow(table, rows)
            slow = dumps_to_arrow(table, [r.model_dump() for r in rows])
            assert fast.equals(slow) and fast.schema.equals(slow.schema, check_metadata=True)
            assert [c.num_chunks for c in fast.columns] == [c.num_chunks for c in slow.columns]


def test_a_chunk_result_crosses_processes_unchanged(corpus: Path) -> None:
    files = sorted(corpus.glob("*.txt"))[:CHUNK_FILES]
    tasks = [Task(p.name, str(p), None) for p in files]
    result = convert_chunk(tasks, None, "", converter=fake)
    rejected = convert_chunk([Task("empty.txt", str(corpus / "empty.txt"), None)], None, "", fake)
    for original in (result, rejected):
        back = pickle.loads(pickle.dumps(original))
        for name in ("articles", "quotes"):
            a, b = getattr(original, name), getattr(back, name)
            assert b.equals(a) and b.schema.equals(a.schema, check_metadata=True)
            if a.num_rows:  # chunks decide Parquet page breaks (an empty table is never written)
                assert [c.num_chunks for c in b.columns] == [c.num_chunks for c in a.columns]
        assert (back.outcomes, back.speakers) == (original.outcomes, original.speakers)
        assert (back.article_owner, back.quote_owner) == (
            original.article_owner,
            original.quote_owner,
        )
    assert rejected.articles.num_rows == 0


def test_parquet_bytes_follow_the_chunks_not_the_write_calls(built: Path, tmp_path: Path) -> None:
    rows = read_arrow(built / "data" / "articles" / "articles.parquet").combine_chunks()
    table = pa.concat_tables([rows] * 12).combine_chunks()
    texts = [f"{text} ({i})" for i, text in enumerate(table.column("text").to_pylist())]
    column = table.schema.get_field_index("text")
    table = table.set_column(column, table.field(column), pa.array(texts, pa.string()))
    # Several MB of distinct texts: past the dictionary, into several plain data pages.
    chunks = [table.slice(i, CHUNK_FILES) for i in range(0, table.num_rows, CHUNK_FILES)]

    def written(name: str, batches: list[pa.Table]) -> bytes:
        with TableWriter(tmp_path / name, "articles") as writer:
            for batch in batches:
                writer.write(batch)
        return (tmp_path / name).read_bytes()

    one_by_one = written("a", chunks)
    grouped = [pa.concat_tables(chunks[i : i + 5]) for i in range(0, len(chunks), 5)]
    assert written("b", grouped) == one_by_one
    # Why a build converts a fixed number of files per chunk, whatever --jobs:
    assert (
        written("c", [table.slice(i, 1000) for i in range(0, table.num_rows, 1000)]) != one_by_one
    )
