"""One version everywhere; the package is importable cheaply and its commands run."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

import lavrov_corpus

ROOT = Path(__file__).resolve().parent.parent


def test_version_agrees_with_citation_and_changelog() -> None:
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(citation["version"]) == lavrov_corpus.__version__
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{lavrov_corpus.__version__}]" in changelog
    notes = (ROOT / "lavrov_corpus/data/RELEASE_NOTES.md").read_text(encoding="utf-8")
    assert f"## [{lavrov_corpus.__version__}]" in notes, "each dataset version needs release notes"


def test_pyproject_takes_version_from_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "lavrov_corpus/_version.py"


def test_installed_metadata_matches() -> None:
    from importlib.metadata import version

    assert version("lavrov-corpus") == lavrov_corpus.__version__


def test_import_is_cheap() -> None:
    code = (
        "import sys, lavrov_corpus; "
        "heavy = [m for m in ('pyarrow', 'datasets', 'pandas', 'huggingface_hub') "
        "if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_console_script_and_module_both_run() -> None:
    script = Path(sys.executable).parent / "lavrov-corpus"
    for cmd in ([str(script), "--help"], [sys.executable, "-m", "lavrov_corpus", "--help"]):
        result = subprocess.run(cmd, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert "export-schema" in result.stdout


def test_version_flag() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lavrov_corpus", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert re.fullmatch(rf"lavrov-corpus {re.escape(lavrov_corpus.__version__)}\s*", result.stdout)


def test_usage_errors_exit_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lavrov_corpus", "no-such-command"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_seeds_are_byte_identical_to_the_shared_originals() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        import pytest

        pytest.skip("../shared/seeds not present beside this clone")
    names = sorted(p.name for p in shared.glob("*.txt"))
    assert names == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    for name in names:
        assert (ROOT / "seeds" / name).read_bytes() == (shared / name).read_bytes()


def test_every_cli_command_is_documented_in_the_readme() -> None:
    from lavrov_corpus.cli import _register, app

    _register()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
    assert names, "no commands registered"
    missing = [n for n in names if f"`lavrov-corpus {n}" not in readme]
    assert not missing, f"commands missing from README.md's command table: {missing}"


def test_readme_commands_are_the_ones_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "The tests" in readme and "README.md" in ci
    assert "lavrov-corpus build seeds" in readme  # the main job, on a fresh machine
