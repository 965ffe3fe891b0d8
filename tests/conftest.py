"""Shared fixtures: the seeds built once per session, and small corpora for build tests."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHIPPED = ROOT / "lavrov_corpus" / "dataset"
REGENERATE = "python -m lavrov_corpus build seeds --out lavrov_corpus/dataset --no-cache"


def have_converter() -> bool:
    """True once the package converter (lavrov_corpus.extract.convert_bytes) exists."""
    try:
        from lavrov_corpus.extract import convert_bytes  # noqa: F401
    except ImportError:
        return False
    return True


needs_converter = pytest.mark.skipif(
    not have_converter(), reason="lavrov_corpus.extract.convert_bytes is not written yet"
)


def file_hashes(root: Path) -> dict[str, str]:
    """'/'-separated relative path -> sha256 of every file under ``root``."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def make_corpus(folder: Path, copies: int) -> Path:
    """``copies`` unique articles made from the seeds (each seed with a numbered last line)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(copies):
        seed = seeds[i % len(seeds)]
        data = seed.read_bytes().rstrip() + f"\n\nCorrection note {i} for this copy.\n".encode()
        (folder / f"{i:05d}_{seed.name}").write_bytes(data)
    return folder


@pytest.fixture(scope="session")
def seeds_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built once with the package converter (no cache, one job)."""
    if not have_converter():
        pytest.skip("lavrov_corpus.extract.convert_bytes is not written yet")
    from lavrov_corpus.build import build_dataset

    out = tmp_path_factory.mktemp("seeds-build") / "dataset"
    build_dataset(SEEDS, out, jobs=1, cache_dir=None)
    return out


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seeds folder."""
    dest = tmp_path / "input"
    shutil.copytree(SEEDS, dest)
    return dest


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A small valid dataset folder and its raw sources (``dataset_factory``); read only."""
    from dataset_factory import make_dataset

    return make_dataset(tmp_path_factory.mktemp("valid"))


@pytest.fixture
def ds(pristine: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the valid dataset and its sources, free to damage."""
    root, sources = tmp_path / "dataset", tmp_path / "sources"
    shutil.copytree(pristine[0], root)
    shutil.copytree(pristine[1], sources)
    return root, sources
