"""``dataset_info_summary`` and ``lavrov-corpus info`` on a small dataset built from records."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from test_interop_dataset import build_small_dataset
from typer.testing import CliRunner

from lavrov_corpus import __version__
from lavrov_corpus.cli import _register, app
from lavrov_corpus.errors import DatasetNotFoundError
from lavrov_corpus.info import dataset_info_summary
from lavrov_corpus.layout import table_path
from lavrov_corpus.models import TABLES, Record


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[Record]]]:
    root = tmp_path_factory.mktemp("info") / "dataset"
    return root, build_small_dataset(root)


def test_summary_counts_what_the_records_hold(small: tuple[Path, dict[str, list[Any]]]) -> None:
    root, records = small
    summary = dataset_info_summary(root)
    assert summary.version == __version__
    assert summary.row_counts == {t: len(records[t]) for t in TABLES}

    by_speaker = Counter(q.speaker_id for q in records["quotes"] if q.speaker_id)
    assert [(r.id, r.count) for r in summary.top_speakers] == sorted(
        by_speaker.items(), key=lambda kv: (-kv[1], kv[0])
    )
    assert summary.unattributed_quotes == sum(1 for q in records["quotes"] if not q.speaker_id)

    mentions = Counter(m.treaty_id for a in records["articles"] for m in a.mentions)
    assert {r.id: r.count for r in summary.treaties} == {
        t.treaty_id: mentions.get(t.treaty_id, 0) for t in records["treaties"]
    }
    counts = [r.count for r in summary.treaties]
    assert counts == sorted(counts, reverse=True)

    dates = [a.published for a in records["articles"] if a.published]
    assert (summary.published_min, summary.published_max) == (min(dates), max(dates))
    assert summary.undated_articles == sum(1 for a in records["articles"] if not a.published)


def test_top_limits_the_speaker_ranking(small: tuple[Path, Any]) -> None:
    summary = dataset_info_summary(small[0], top=1)
    assert len(summary.top_speakers) == 1
    assert summary.top_speakers[0].id == "sergey-lavrov"


def test_version_comes_from_the_manifest(small: tuple[Path, Any], tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(small[0], copy)
    (copy / "manifest.json").write_text(json.dumps({"dataset_version": "9.8.7"}), "utf-8")
    assert dataset_info_summary(copy).version == "9.8.7"


def test_render_is_readable(small: tuple[Path, Any]) -> None:
    text = dataset_info_summary(small[0]).render()
    assert "quotes" in text and "Sergey Lavrov" in text and "New START" in text
    assert "2019-11-01 to 2021-02-03" in text


def test_missing_or_incomplete_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetNotFoundError):
        dataset_info_summary(tmp_path / "nope")
    with pytest.raises(DatasetNotFoundError, match="quotes"):
        build_small_dataset(tmp_path / "partial")
        table_path(tmp_path / "partial", "quotes").unlink()
        dataset_info_summary(tmp_path / "partial")


def test_cli_json_equals_the_library(small: tuple[Path, Any]) -> None:
    _register()
    result = CliRunner().invoke(app, ["info", str(small[0]), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == dataset_info_summary(small[0]).to_dict()


def test_cli_text_and_errors(small: tuple[Path, Any], tmp_path: Path) -> None:
    _register()
    runner = CliRunner()
    result = runner.invoke(app, ["info", str(small[0])])
    assert result.exit_code == 0
    assert result.output == dataset_info_summary(small[0]).render()
    missing = runner.invoke(app, ["info", str(tmp_path / "nope")])
    assert missing.exit_code == 1
    assert runner.invoke(app, ["info", str(small[0]), "--top", "0"]).exit_code == 2


def test_published_dates_are_dates(small: tuple[Path, Any]) -> None:
    summary = dataset_info_summary(small[0])
    assert isinstance(summary.published_min, dt.date)
    assert summary.to_dict()["published"]["min"] == summary.published_min.isoformat()
