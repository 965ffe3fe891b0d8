"""``lavrov-corpus build``: summary, --strict, --quiet, exit codes, no tracebacks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, needs_converter
from filelock import FileLock

from lavrov_corpus.build.atomic import lock_path

pytestmark = needs_converter


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "lavrov_corpus", "build", *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, src / seed.name)
    (src / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    return src


def test_summary_and_exit_zero_with_rejections(messy: Path, tmp_path: Path) -> None:
    result = run(str(messy), "--out", str(tmp_path / "out"), "--no-cache", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "rows: articles 2" in result.stdout
    assert ".DS_Store: rejected unsupported-type" in result.stdout
    assert str(tmp_path / "out") in result.stdout
    assert (tmp_path / "out" / "manifest.json").is_file()


def test_strict_exits_one_after_writing(messy: Path, tmp_path: Path) -> None:
    result = run(
        str(messy), "--out", str(tmp_path / "out"), "--no-cache", "--strict", "-q", cwd=tmp_path
    )
    assert result.returncode == 1
    assert "1 input file(s) rejected" in result.stderr
    assert result.stdout == ""  # --quiet
    assert (tmp_path / "out" / "manifest.json").is_file()


def test_input_defaults_to_seeds_of_the_current_folder(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "seeds" / "metadata.toml").unlink()  # keep this test about the default only
    result = run("--out", str(tmp_path / "out"), "--no-cache", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "data" / "quotes" / "quotes.parquet").is_file()


def test_errors_are_one_line_exit_one(messy: Path, tmp_path: Path) -> None:
    missing = run(str(tmp_path / "nope"), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr and "does not exist" in missing.stderr
    out = tmp_path / "out"
    with FileLock(str(lock_path(out))):
        locked = run(str(messy), "--out", str(out), "--no-cache", cwd=tmp_path)
    assert locked.returncode == 1
    assert "another build" in locked.stderr and "Traceback" not in locked.stderr
    usage = run(str(messy), "--out", str(out), "--cache", "x", "--no-cache", cwd=tmp_path)
    assert usage.returncode == 2


def test_ctrl_c_while_the_commands_import_exits_130_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import lavrov_corpus.cli as cli

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_register", interrupted)
    with pytest.raises(SystemExit) as exc:
        cli.main(["build", "--help"])
    assert exc.value.code == 130
    err = capsys.readouterr().err
    assert err == "interrupted\n" and "Traceback" not in err
