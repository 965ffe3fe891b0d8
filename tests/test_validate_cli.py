"""The ``validate`` command: JSON equals the library report, exit codes, options."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from dataset_factory import make_dataset
from validate_helpers import edit_rows

from lavrov_corpus.validate import validate_dataset

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A valid dataset, and a copy with several kinds of damage."""
    base = tmp_path_factory.mktemp("cli")
    root, sources = make_dataset(base)
    bad = base / "broken"
    shutil.copytree(root, bad)

    def damage(rows: list[dict[str, Any]]) -> None:
        for row in rows:
            row["text"] = row["text"].upper()
        rows[0]["attribution"] = "shouted"

    edit_rows(bad, "quotes", damage)
    (bad / "CITATION.cff").write_text("::: not yaml :::\n  - [")
    return root, bad, sources


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "lavrov_corpus", "validate", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def _stable(report: dict[str, Any]) -> dict[str, Any]:
    report["stats"].pop("seconds")  # the only field that differs between two runs
    return report


def test_json_equals_library_report(broken: tuple[Path, Path, Path]) -> None:
    _, bad, sources = broken
    proc = run(str(bad), "--json", "--sources", str(sources), "--max-errors", "2")
    assert proc.returncode == 1, proc.stderr
    library = validate_dataset(bad, sources=sources, max_errors=2).to_dict()
    cli = json.loads(proc.stdout)
    assert _stable(cli) == _stable(library)
    assert cli["counts"]["span-mismatch"] == 5
    assert len([p for p in cli["problems"] if p["code"] == "span-mismatch"]) == 2


def test_valid_exits_zero(broken: tuple[Path, Path, Path]) -> None:
    root, _, sources = broken
    proc = run(str(root), "--sources", str(sources))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("VALID")
    quiet = run(str(root), "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


def test_text_report_groups_and_counts(broken: tuple[Path, Path, Path]) -> None:
    _, bad, _ = broken
    proc = run(str(bad))
    assert proc.returncode == 1
    assert "span-mismatch (5):" in proc.stdout
    assert "... and 2 more" in proc.stdout
    assert "citation-invalid (1):" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr


def test_select_ignore_and_usage_errors(broken: tuple[Path, Path, Path]) -> None:
    _, bad, _ = broken
    only = json.loads(run(str(bad), "--json", "--select", "enum-value").stdout)
    assert set(only["counts"]) == {"enum-value"}
    both = json.loads(run(str(bad), "--json", "--select", "enum-value,citation-invalid").stdout)
    assert set(both["counts"]) == {"enum-value", "citation-invalid"}
    rest = run(
        str(bad),
        "--json",
        "--ignore",
        "span-mismatch",
        "--ignore",
        "enum-value",
        "--ignore",
        "citation-invalid",
        "--ignore",
        "version-mismatch",
        "--ignore",
        "file-size-mismatch,file-checksum-mismatch",
    )
    assert rest.returncode == 0, rest.stdout
    for args in (["--select", "no-such-code"], ["--ignore", "nope"], ["--max-errors", "-1"]):
        proc = run(str(bad), *args)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
    quiet = run(str(bad), "--quiet")
    assert (quiet.returncode, quiet.stdout) == (1, "")


def test_missing_folder_is_a_report_not_a_crash(tmp_path: Path) -> None:
    proc = run(str(tmp_path / "nowhere"), "--json")
    assert proc.returncode == 1
    assert set(json.loads(proc.stdout)["counts"]) == {"dataset-missing"}
