"""Loading: the shipped dataset, any built folder, every format; the shipped data never drifts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REGENERATE, SHIPPED, file_hashes, needs_converter

import lavrov_corpus
from lavrov_corpus.models import TABLES, Quote
from lavrov_corpus.schema import features


@pytest.fixture(scope="module")
def dataset(seeds_dataset: Path) -> Path:
    return seeds_dataset


def test_path_is_the_package_dataset_folder() -> None:
    assert lavrov_corpus.path() == SHIPPED
    assert callable(lavrov_corpus.load) and callable(lavrov_corpus.iter_records)


def test_load_one_table_in_every_format(dataset: Path) -> None:
    import datasets
    import pandas as pd
    import pyarrow as pa

    ds = lavrov_corpus.load("quotes", path=dataset)
    assert isinstance(ds, datasets.Dataset)
    assert ds.features == features("quotes")
    arrow = lavrov_corpus.load("quotes", format="arrow", path=dataset)
    assert isinstance(arrow, pa.Table)
    frame = lavrov_corpus.load("quotes", format="pandas", path=dataset)
    assert isinstance(frame, pd.DataFrame)
    manifest = json.loads((dataset / "manifest.json").read_text())
    assert len(ds) == arrow.num_rows == len(frame) == manifest["row_counts"]["quotes"]
    assert ds.to_list() == arrow.to_pylist()


def test_load_all_tables(dataset: Path) -> None:
    import datasets

    every = lavrov_corpus.load(path=dataset)
    assert isinstance(every, datasets.DatasetDict) and list(every) == list(TABLES)
    arrows = lavrov_corpus.load(format="arrow", path=dataset)
    manifest = json.loads((dataset / "manifest.json").read_text())
    assert {t: arrows[t].num_rows for t in TABLES} == manifest["row_counts"]
    assert {t: len(every[t]) for t in TABLES} == manifest["row_counts"]


def test_datasets_load_dataset_reads_the_folder_the_same(dataset: Path, tmp_path: Path) -> None:
    import datasets

    for table in TABLES:
        # A cache of its own: the user's cache may hold an earlier build of the same folder name.
        theirs = datasets.load_dataset(str(dataset), table, split="train", cache_dir=str(tmp_path))
        ours = lavrov_corpus.load(table, path=dataset)
        assert theirs.features == features(table), table
        assert theirs.to_list() == ours.to_list(), table


def test_iter_records_gives_models(dataset: Path) -> None:
    quotes = list(lavrov_corpus.iter_records("quotes", path=dataset))
    assert quotes and all(isinstance(q, Quote) for q in quotes)
    assert [q.quote_id for q in quotes] == lavrov_corpus.load(
        "quotes", format="arrow", path=dataset
    ).column("quote_id").to_pylist()


def test_bad_arguments(tmp_path: Path, dataset: Path) -> None:
    from lavrov_corpus.errors import DatasetNotFoundError

    with pytest.raises(ValueError, match="unknown table"):
        lavrov_corpus.load("quote", path=dataset)
    with pytest.raises(ValueError, match="unknown format"):
        lavrov_corpus.load("quotes", format="polars", path=dataset)  # type: ignore[arg-type]
    with pytest.raises(DatasetNotFoundError):
        lavrov_corpus.load("quotes", format="arrow", path=tmp_path / "nothing")
    with pytest.raises(FileNotFoundError):  # DatasetNotFoundError is also a FileNotFoundError
        lavrov_corpus.load("quotes", format="arrow", path=tmp_path)


def test_arrow_format_never_imports_datasets_or_pandas(dataset: Path) -> None:
    code = (
        "import sys, lavrov_corpus\n"
        f"t = lavrov_corpus.load('quotes', format='arrow', path={str(dataset)!r})\n"
        "heavy = ('datasets', 'pandas', 'lavrov_corpus.models')\n"
        "print(t.num_rows, [m for m in heavy if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    rows, heavy = out.stdout.split(" ", 1)
    assert int(rows) > 0
    assert heavy.strip() == "[]"


@needs_converter
def test_shipped_dataset_equals_a_fresh_build_of_the_seeds(seeds_dataset: Path) -> None:
    assert SHIPPED.is_dir(), f"no shipped dataset; regenerate it with: {REGENERATE}"
    assert file_hashes(SHIPPED) == file_hashes(seeds_dataset), (
        f"lavrov_corpus/dataset/ is stale; regenerate it with: {REGENERATE}"
    )


def test_shipped_dataset_loads_offline() -> None:
    if not SHIPPED.is_dir():
        pytest.skip("no shipped dataset yet")
    manifest = json.loads((SHIPPED / "manifest.json").read_text())
    assert manifest["dataset_version"] == lavrov_corpus.__version__
    for table in TABLES:
        assert lavrov_corpus.load(table, format="arrow").num_rows == manifest["row_counts"][table]


def test_load_restates_the_layout_exactly(tmp_path: Path) -> None:
    import importlib

    from lavrov_corpus import layout

    load_module = importlib.import_module("lavrov_corpus.load")  # the attribute is the function

    assert tuple(TABLES) == load_module.TABLE_NAMES
    for table in TABLES:
        assert load_module.table_path(tmp_path, table) == layout.table_path(tmp_path, table)


@pytest.mark.slow
@needs_converter
def test_installed_wheel_loads_every_table_offline(tmp_path: Path) -> None:
    """Build the wheel, install it in a fresh venv (deps borrowed), load offline both ways."""
    import site
    import venv

    root = Path(__file__).resolve().parent.parent
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(root)],
        check=True,
        capture_output=True,
    )
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    target = Path(purelib.stdout.strip())
    # Dependencies come from this environment; the package itself only from the wheel.
    (target / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    wheel = next(dist.glob("*.whl"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    code = (
        "import datasets, lavrov_corpus, json\n"
        "assert 'site-packages' in lavrov_corpus.__file__ and 'venv' in lavrov_corpus.__file__\n"
        "m = json.loads((lavrov_corpus.path() / 'manifest.json').read_text())\n"
        "for t, n in m['row_counts'].items():\n"
        "    assert len(lavrov_corpus.load(t)) == n\n"
        "    assert lavrov_corpus.load(t, format='arrow').num_rows == n\n"
        "    ds = datasets.load_dataset(str(lavrov_corpus.path()), t, split='train')\n"
        "    assert len(ds) == n and ds.features == lavrov_corpus.load(t).features\n"
        "print('ok')\n"
    )
    env = {
        "HF_HUB_OFFLINE": "1",
        "HF_DATASETS_OFFLINE": "1",
        "PATH": "/usr/bin:/bin",
        "HF_HOME": str(tmp_path / "hf"),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert result.stdout.strip().endswith("ok"), result.stderr[-2000:]
