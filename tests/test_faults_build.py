"""Faults: killed builds, concurrent builds, full or read-only disks leave the output intact."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, file_hashes, make_corpus, needs_converter
from fake_converter import convert_bytes as fake
from filelock import FileLock

from lavrov_corpus.build import build_dataset
from lavrov_corpus.build import pipeline as pipeline_mod
from lavrov_corpus.build.atomic import leftovers, lock_path
from lavrov_corpus.errors import BuildError, BuildLockedError

TESTS = Path(__file__).resolve().parent


def _validate(root: Path) -> bool | None:
    """True/False from the package validator, None while it does not exist."""
    try:
        from lavrov_corpus.validate import validate_dataset
    except ImportError:
        return None
    return bool(validate_dataset(root).valid)


@pytest.fixture
def previous(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """An existing dataset folder (built from a few files) and its hashes."""
    src = make_corpus(tmp_path / "small", 7)
    out = tmp_path / "out"
    build_dataset(src, out, jobs=1, converter=fake)
    return out, file_hashes(out)


def test_concurrent_build_is_refused(previous: tuple[Path, dict[str, str]]) -> None:
    out, hashes = previous
    with FileLock(str(lock_path(out))), pytest.raises(BuildLockedError, match="another build"):
        build_dataset(SEEDS, out, jobs=1, converter=fake)
    assert file_hashes(out) == hashes


def test_two_real_processes_racing_do_not_corrupt(tmp_path: Path) -> None:
    src = make_corpus(tmp_path / "in", 400)
    out = tmp_path / "out"
    code = (
        "import sys; from pathlib import Path; from fake_converter import convert_bytes; "
        "from lavrov_corpus.build import build_dataset; from lavrov_corpus.errors import "
        "BuildLockedError\n"
        "try:\n    build_dataset(Path(sys.argv[1]), Path(sys.argv[2]), jobs=1, "
        "converter=convert_bytes)\nexcept BuildLockedError:\n    sys.exit(3)\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{TESTS}{os.pathsep}{ROOT}"}
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(src), str(out)], env=env)
        for _ in range(2)
    ]
    codes = sorted(p.wait(timeout=120) for p in procs)
    assert codes[0] == 0 and codes[1] in (0, 3)  # refused, or ran after the other finished
    build_dataset(src, tmp_path / "ref", jobs=1, converter=fake)
    assert file_hashes(out) == file_hashes(tmp_path / "ref")
    assert leftovers(out) == []


def test_full_disk_is_a_clear_error_and_changes_nothing(
    previous: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, hashes = previous

    def full(self: object, batch: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "articles.parquet")

    monkeypatch.setattr(pipeline_mod.TableWriter, "write", full)
    with pytest.raises(BuildError, match="disk is full"):
        build_dataset(SEEDS, out, jobs=1, converter=fake)
    assert file_hashes(out) == hashes
    assert leftovers(out) == []


def test_read_only_output_is_a_clear_error(
    previous: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, hashes = previous
    real_mkdir = Path.mkdir

    def read_only(self: Path, *args: object, **kwargs: object) -> None:
        if ".building-" in self.name:
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", read_only)
    with pytest.raises(BuildError, match="read-only"):
        build_dataset(SEEDS, out, jobs=1, converter=fake)
    assert file_hashes(out) == hashes


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_parent_folder(tmp_path: Path) -> None:
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        with pytest.raises(BuildError, match=r"permission denied|read-only"):
            build_dataset(SEEDS, parent / "out", jobs=1, converter=fake)
    finally:
        parent.chmod(0o755)


def _building(out: Path) -> list[Path]:
    return [p for p in leftovers(out) if ".building-" in p.name]


def _wait_for(condition: object, proc: subprocess.Popen[bytes], timeout: float = 60) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.002)
    return False


MOMENTS = {
    "starting": lambda out: True,
    "converting": lambda out: any((b / "data").is_dir() for b in _building(out)),
    "card": lambda out: any((b / "README.md").exists() for b in _building(out)),
    "manifest": lambda out: any((b / "manifest.json").exists() for b in _building(out)),
}


@pytest.mark.slow
@needs_converter
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_killed_build_leaves_previous_output_intact(
    moment: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    src = make_corpus(tmp_path / "big", 3000)
    out = tmp_path / "out"
    build_dataset(SEEDS, out, jobs=1)
    before = file_hashes(out)
    cmd = [
        sys.executable,
        "-m",
        "lavrov_corpus",
        "build",
        str(src),
        "--out",
        str(out),
        "--no-cache",
        "--quiet",
        "--jobs",
        "2",
    ]
    proc = subprocess.Popen(cmd, cwd=tmp_path, start_new_session=True)
    try:
        hit = _wait_for(lambda: MOMENTS[moment](out), proc)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert hit, f"the build finished before the moment {moment!r} was seen"
    assert file_hashes(out) == before  # killed before the swap: the old folder, untouched
    for left in leftovers(out):
        complete = (left / "manifest.json").exists()
        assert left.name.startswith(f".{out.name}.building-")
        if not complete:
            assert _validate(left) is not True, f"partial folder {left} validates"
    build_dataset(SEEDS, out, jobs=1)  # the next build cleans up and succeeds
    assert leftovers(out) == []
    assert file_hashes(out) == before


@pytest.mark.slow
@needs_converter
def test_sigterm_ends_the_build_like_ctrl_c(tmp_path: Path) -> None:
    """SIGTERM mid-conversion: exit 143, previous output untouched, no temporary folder left."""
    src = make_corpus(tmp_path / "big", 3000)
    out = tmp_path / "out"
    build_dataset(SEEDS, out, jobs=1)
    before = file_hashes(out)
    cmd = [sys.executable, "-m", "lavrov_corpus", "build", str(src), "--out", str(out)]
    cmd += ["--no-cache", "--quiet", "--jobs", "2"]
    proc = subprocess.Popen(cmd, cwd=tmp_path, start_new_session=True)
    try:
        hit = _wait_for(lambda: MOMENTS["converting"](out), proc)
        os.killpg(proc.pid, signal.SIGTERM)
    finally:
        proc.wait(timeout=60)
    assert hit, "the build finished before conversion was seen"
    assert proc.returncode == 128 + signal.SIGTERM
    assert file_hashes(out) == before
    assert _building(out) == []


def lying(data: bytes, **kwargs: object) -> object:
    """The fake converter, but every quote claims the wrong source bytes."""
    result = fake(data, **kwargs)  # type: ignore[arg-type]
    if not hasattr(result, "quotes"):
        return result
    quotes = tuple(
        q.model_copy(update={"source_byte_start": 0, "source_byte_end": 1}) for q in result.quotes
    )
    return type(result)(
        result.article,
        quotes,
        result.speakers,
        result.encoding,
        result.encoding_confidence,
        result.text_sha256,
    )


def test_invalid_output_fails_loudly_and_replaces_nothing(
    previous: tuple[Path, dict[str, str]],
) -> None:
    from lavrov_corpus.errors import ValidationFailed

    if _validate(previous[0]) is None:
        pytest.skip("lavrov_corpus.validate is not written yet")
    out, hashes = previous
    with pytest.raises(ValidationFailed, match="does not validate"):
        build_dataset(SEEDS, out, jobs=1, converter=lying)
    assert file_hashes(out) == hashes
    assert leftovers(out) == []
