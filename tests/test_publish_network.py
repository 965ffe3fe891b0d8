"""A real push to a private Hub repository, read back with ``datasets``: needs HF_TOKEN and network.

Skipped unless ``HF_TOKEN`` is set and huggingface.co answers. It builds a dataset folder (the
real builder on ``seeds/`` when the package converter is available, otherwise the small folder of
``publish_fakes``), pushes it to a new private repository, loads every table back with
``datasets.load_dataset(repo, table, revision=tag)``, compares rows and features with the local
Parquet files, checks that a second push is a no-op, and deletes the repository.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from publish_fakes import make_dataset

from lavrov_corpus import layout
from lavrov_corpus.models import TABLES
from lavrov_corpus.parquet_io import read_arrow
from lavrov_corpus.publish import plan_push, push_dataset
from lavrov_corpus.schema import features

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _hub_reachable() -> bool:
    try:
        with socket.create_connection(("huggingface.co", 443), timeout=5):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.network


@pytest.fixture(autouse=True)
def _needs_token_and_hub() -> None:
    # Checked lazily, so collecting this module never touches the network.
    if not os.environ.get("HF_TOKEN"):
        pytest.skip("needs HF_TOKEN")
    if os.environ.get("HF_HUB_OFFLINE") == "1" or not _hub_reachable():
        pytest.skip("needs network access to huggingface.co")


def _local_build(root: Path) -> Path:
    try:
        from lavrov_corpus.build import build_dataset

        build_dataset(SEEDS, root / "seeds")
        return root / "seeds"
    except ImportError:  # the package converter has not landed: use the small folder
        return make_dataset(root / "small")


@pytest.fixture
def private_repo() -> Iterator[str]:
    from huggingface_hub import HfApi

    api = HfApi(token=os.environ["HF_TOKEN"])
    owner = api.whoami()["name"]
    repo_id = f"{owner}/lavrov-corpus-test-{uuid.uuid4().hex[:10]}"
    try:
        yield repo_id
    finally:
        api.delete_repo(repo_id, repo_type="dataset", missing_ok=True)


def test_push_then_load_back_from_the_hub(tmp_path: Path, private_repo: str) -> None:
    import datasets

    folder = _local_build(tmp_path)
    result = push_dataset(folder, private_repo, private=True)
    assert result.status == "published"
    tag = result.plan.tag
    cache = tmp_path / "hf-datasets-cache"
    for table in TABLES:
        loaded = datasets.load_dataset(
            private_repo,
            table,
            revision=tag,
            split="train",
            token=os.environ["HF_TOKEN"],
            cache_dir=str(cache),
        )
        local = read_arrow(layout.table_path(folder, table))
        assert loaded.num_rows == local.num_rows, table
        assert loaded.features == features(table), table
        assert loaded.data.table.to_pylist() == local.to_pylist(), table

    again = push_dataset(folder, private_repo, private=True)
    assert again.status == "already-published"
    assert again.plan == plan_push(folder, private_repo)
